// The exception of C error code KX_ENOTFOUND (a subclass of KexieException).
package org.kexie;

import java.util.List;

/**
 * An id or key names nothing (C: {@code KX_ENOTFOUND}).
 *
 * <pre>{@code catch (NotFoundException e) { System.err.println(e.rule()); }}</pre>
 */
public final class NotFoundException extends KexieException {
  private static final long serialVersionUID = 1L;

  NotFoundException(String message, String rule, String article, List<DocumentProblem> problems) {
    super(ErrorCode.ENOTFOUND, message, rule, article, problems);
  }
}
