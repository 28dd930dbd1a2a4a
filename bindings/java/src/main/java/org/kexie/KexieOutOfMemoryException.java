// The exception of C error code KX_ENOMEM (a subclass of KexieException).
package org.kexie;

import java.util.List;

/**
 * An allocation failed; the call changed nothing and may be retried (C: {@code KX_ENOMEM}).
 *
 * <pre>{@code catch (KexieOutOfMemoryException e) { System.err.println(e.rule()); }}</pre>
 */
public final class KexieOutOfMemoryException extends KexieException {
  private static final long serialVersionUID = 1L;

  KexieOutOfMemoryException(String message, String rule, String article, List<DocumentProblem> problems) {
    super(ErrorCode.ENOMEM, message, rule, article, problems);
  }
}
