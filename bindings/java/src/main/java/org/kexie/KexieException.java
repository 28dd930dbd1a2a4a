// The base of the exceptions a refused kexie call throws: one subclass per C
// error code (KX_E*), each carrying the refusing rule id, the policy article and,
// for a refused document, every problem found. Unchecked, like the JDK's own
// IllegalArgumentException: a refusal is an answer the caller handles where it
// can, not a signature every layer must repeat.
package org.kexie;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;

/**
 * A refusal by kexie: {@link #code()}, {@link #rule()} (e.g. "org.parent_kind"), {@link
 * #article()} (e.g. "A13") and, for documents, {@link #problems()}.
 *
 * <pre>{@code
 * try { reg.addOrganization(...); }
 * catch (RuleViolationException e) { log(e.rule() + " " + e.article()); }
 * }</pre>
 */
public class KexieException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;
  private final String rule;
  private final String article;
  private final transient List<DocumentProblem> problems;

  /** An exception with its code, message, rule, article and problems (used by subclasses). */
  protected KexieException(ErrorCode code, String message, String rule, String article,
      List<DocumentProblem> problems) {
    super(message);
    this.code = code;
    this.rule = rule;
    this.article = article;
    this.problems = List.copyOf(problems);
  }

  /** The C error code, e.g. {@code ErrorCode.ERULE}. */
  public ErrorCode code() {
    return code;
  }

  /** The refusing rule id, e.g. "lifecycle.state"; "" when none. */
  public String rule() {
    return rule;
  }

  /** The policy article the rule enforces, e.g. "A13"; "" when none. */
  public String article() {
    return article;
  }

  /** Every problem of a refused document (JSON Pointer, line, column); empty otherwise. */
  public List<DocumentProblem> problems() {
    return problems;
  }

  /** The exception for return code {@code rc} and this thread's last error. */
  static KexieException last(int rc) {
    Native.KxError e = new Native.KxError(Native.C.kx_error_last());
    String message = Text.java(e.message);
    String rule = Text.java(e.rule);
    String article = Text.java(e.article);
    List<DocumentProblem> problems = new ArrayList<>();
    long n = Native.C.kx_error_problem_count().longValue();
    for (long i = 0; i < n; ++i) {
      Pointer p = Native.C.kx_error_problem(new Native.SizeT(i));
      if (p == null) {
        break;
      }
      Native.KxProblem q = new Native.KxProblem(p);
      problems.add(new DocumentProblem(Text.java(q.pointer), Integer.toUnsignedLong(q.line),
          Integer.toUnsignedLong(q.column), Text.java(q.rule), Text.java(q.article),
          Text.java(q.message)));
    }
    ErrorCode code;
    try {
      code = ErrorCode.of(rc);
    } catch (IllegalArgumentException unknown) {
      code = ErrorCode.EINTERNAL;
      message = "unknown kexie error code " + rc + ": " + message;
    }
    String text = rule.isEmpty() ? message : message + " [" + rule
        + (article.isEmpty() ? "" : ", " + article) + "]";
    switch (code) {
      case EINVALID: return new InvalidArgumentException(text, rule, article, problems);
      case ENOTFOUND: return new NotFoundException(text, rule, article, problems);
      case EEXISTS: return new AlreadyExistsException(text, rule, article, problems);
      case ERULE: return new RuleViolationException(text, rule, article, problems);
      case ETRANSITION: return new IllegalTransitionException(text, rule, article, problems);
      case EPERMISSION: return new PermissionDeniedException(text, rule, article, problems);
      case ECONFLICT: return new ConflictOfInterestException(text, rule, article, problems);
      case EINCONSISTENT:
        return new InconsistentJudgementsException(text, rule, article, problems);
      case ECORRUPT: return new CorruptDataException(text, rule, article, problems);
      case EVERSION: return new UnsupportedVersionException(text, rule, article, problems);
      case EIO: return new KexieIoException(text, rule, article, problems);
      case EOVERFLOW: return new OverflowException(text, rule, article, problems);
      case ENOMEM: return new KexieOutOfMemoryException(text, rule, article, problems);
      case ECALLBACK: return new CallbackException(text, rule, article, problems);
      default: return new InternalException(text, rule, article, problems);
    }
  }

  /** Returns {@code rc} when it is not negative, else throws {@link #last}. */
  static int check(int rc) {
    if (rc < 0) {
      throw last(rc);
    }
    return rc;
  }
}
