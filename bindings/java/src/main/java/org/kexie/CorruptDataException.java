// The exception of C error code KX_ECORRUPT (a subclass of KexieException).
package org.kexie;

import java.util.List;

/**
 * A snapshot or document is damaged (C: {@code KX_ECORRUPT}).
 *
 * <pre>{@code catch (CorruptDataException e) { System.err.println(e.rule()); }}</pre>
 */
public final class CorruptDataException extends KexieException {
  private static final long serialVersionUID = 1L;

  CorruptDataException(String message, String rule, String article, List<DocumentProblem> problems) {
    super(ErrorCode.ECORRUPT, message, rule, article, problems);
  }
}
