// The exception of C error code KX_ERULE (a subclass of KexieException).
package org.kexie;

import java.util.List;

/**
 * A policy rule forbids the operation (C: {@code KX_ERULE}).
 *
 * <pre>{@code catch (RuleViolationException e) { System.err.println(e.rule()); }}</pre>
 */
public final class RuleViolationException extends KexieException {
  private static final long serialVersionUID = 1L;

  RuleViolationException(String message, String rule, String article, List<DocumentProblem> problems) {
    super(ErrorCode.ERULE, message, rule, article, problems);
  }
}
