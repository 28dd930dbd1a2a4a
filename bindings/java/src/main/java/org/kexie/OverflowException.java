// The exception of C error code KX_EOVERFLOW (a subclass of KexieException).
package org.kexie;

import java.util.List;

/**
 * An exact result does not fit (C: {@code KX_EOVERFLOW}).
 *
 * <pre>{@code catch (OverflowException e) { System.err.println(e.rule()); }}</pre>
 */
public final class OverflowException extends KexieException {
  private static final long serialVersionUID = 1L;

  OverflowException(String message, String rule, String article, List<DocumentProblem> problems) {
    super(ErrorCode.EOVERFLOW, message, rule, article, problems);
  }
}
