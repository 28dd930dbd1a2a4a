// The exception of C error code KX_ECALLBACK (a subclass of KexieException).
package org.kexie;

import java.util.List;

/**
 * A callback stopped an iteration (C: {@code KX_ECALLBACK}).
 *
 * <pre>{@code catch (CallbackException e) { System.err.println(e.rule()); }}</pre>
 */
public final class CallbackException extends KexieException {
  private static final long serialVersionUID = 1L;

  CallbackException(String message, String rule, String article, List<DocumentProblem> problems) {
    super(ErrorCode.ECALLBACK, message, rule, article, problems);
  }
}
