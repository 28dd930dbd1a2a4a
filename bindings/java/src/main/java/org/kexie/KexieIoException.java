// The exception of C error code KX_EIO (a subclass of KexieException).
package org.kexie;

import java.util.List;

/**
 * A file could not be read or written (C: {@code KX_EIO}).
 *
 * <pre>{@code catch (KexieIoException e) { System.err.println(e.rule()); }}</pre>
 */
public final class KexieIoException extends KexieException {
  private static final long serialVersionUID = 1L;

  KexieIoException(String message, String rule, String article, List<DocumentProblem> problems) {
    super(ErrorCode.EIO, message, rule, article, problems);
  }
}
