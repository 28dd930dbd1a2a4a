// The exception of C error code KX_EINVALID (a subclass of KexieException).
package org.kexie;

import java.util.List;

/**
 * Malformed input: a bad date, decimal, document or option (C: {@code KX_EINVALID}).
 *
 * <pre>{@code catch (InvalidArgumentException e) { System.err.println(e.rule()); }}</pre>
 */
public final class InvalidArgumentException extends KexieException {
  private static final long serialVersionUID = 1L;

  InvalidArgumentException(String message, String rule, String article, List<DocumentProblem> problems) {
    super(ErrorCode.EINVALID, message, rule, article, problems);
  }
}
