// The exception of C error code KX_EEXISTS (a subclass of KexieException).
package org.kexie;

import java.util.List;

/**
 * The key is taken (C: {@code KX_EEXISTS}).
 *
 * <pre>{@code catch (AlreadyExistsException e) { System.err.println(e.rule()); }}</pre>
 */
public final class AlreadyExistsException extends KexieException {
  private static final long serialVersionUID = 1L;

  AlreadyExistsException(String message, String rule, String article, List<DocumentProblem> problems) {
    super(ErrorCode.EEXISTS, message, rule, article, problems);
  }
}
