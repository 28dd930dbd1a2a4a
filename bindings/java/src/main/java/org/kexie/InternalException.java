// The exception of C error code KX_EINTERNAL (a subclass of KexieException).
package org.kexie;

import java.util.List;

/**
 * An unexpected failure inside the library (C: {@code KX_EINTERNAL}).
 *
 * <pre>{@code catch (InternalException e) { System.err.println(e.rule()); }}</pre>
 */
public final class InternalException extends KexieException {
  private static final long serialVersionUID = 1L;

  InternalException(String message, String rule, String article, List<DocumentProblem> problems) {
    super(ErrorCode.EINTERNAL, message, rule, article, problems);
  }
}
