// The exception of C error code KX_EPERMISSION (a subclass of KexieException).
package org.kexie;

import java.util.List;

/**
 * The actor lacks the role the operation needs (C: {@code KX_EPERMISSION}).
 *
 * <pre>{@code catch (PermissionDeniedException e) { System.err.println(e.rule()); }}</pre>
 */
public final class PermissionDeniedException extends KexieException {
  private static final long serialVersionUID = 1L;

  PermissionDeniedException(String message, String rule, String article, List<DocumentProblem> problems) {
    super(ErrorCode.EPERMISSION, message, rule, article, problems);
  }
}
