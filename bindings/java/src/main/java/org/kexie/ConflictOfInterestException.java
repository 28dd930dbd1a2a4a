// The exception of C error code KX_ECONFLICT (a subclass of KexieException).
package org.kexie;

import java.util.List;

/**
 * A conflict of interest (e.g. reviewing one's own activity) (C: {@code KX_ECONFLICT}).
 *
 * <pre>{@code catch (ConflictOfInterestException e) { System.err.println(e.rule()); }}</pre>
 */
public final class ConflictOfInterestException extends KexieException {
  private static final long serialVersionUID = 1L;

  ConflictOfInterestException(String message, String rule, String article, List<DocumentProblem> problems) {
    super(ErrorCode.ECONFLICT, message, rule, article, problems);
  }
}
