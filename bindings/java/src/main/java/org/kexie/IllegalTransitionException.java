// The exception of C error code KX_ETRANSITION (a subclass of KexieException).
package org.kexie;

import java.util.List;

/**
 * The operation is not allowed in the current state (C: {@code KX_ETRANSITION}).
 *
 * <pre>{@code catch (IllegalTransitionException e) { System.err.println(e.rule()); }}</pre>
 */
public final class IllegalTransitionException extends KexieException {
  private static final long serialVersionUID = 1L;

  IllegalTransitionException(String message, String rule, String article, List<DocumentProblem> problems) {
    super(ErrorCode.ETRANSITION, message, rule, article, problems);
  }
}
