// The exception of C error code KX_EINCONSISTENT (a subclass of KexieException).
package org.kexie;

import java.util.List;

/**
 * AHP judgements are too inconsistent (C: {@code KX_EINCONSISTENT}).
 *
 * <pre>{@code catch (InconsistentJudgementsException e) { System.err.println(e.rule()); }}</pre>
 */
public final class InconsistentJudgementsException extends KexieException {
  private static final long serialVersionUID = 1L;

  InconsistentJudgementsException(String message, String rule, String article, List<DocumentProblem> problems) {
    super(ErrorCode.EINCONSISTENT, message, rule, article, problems);
  }
}
