// The exception of C error code KX_EVERSION (a subclass of KexieException).
package org.kexie;

import java.util.List;

/**
 * A format newer than this library (C: {@code KX_EVERSION}).
 *
 * <pre>{@code catch (UnsupportedVersionException e) { System.err.println(e.rule()); }}</pre>
 */
public final class UnsupportedVersionException extends KexieException {
  private static final long serialVersionUID = 1L;

  UnsupportedVersionException(String message, String rule, String article, List<DocumentProblem> problems) {
    super(ErrorCode.EVERSION, message, rule, article, problems);
  }
}
