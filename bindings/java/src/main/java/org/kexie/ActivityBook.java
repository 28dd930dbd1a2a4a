// A book of activities with their hash-chained audit trail (kx_book), over a
// registry whose tree (and lock) it shares.
package org.kexie;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Activities and their audit trail (kexie::ActivityBook). Every transition names the actor and
 * the instant; refused transitions are recorded too and throw.
 *
 * <pre>{@code
 * try (ActivityBook book = new ActivityBook(reg)) {
 *   int id = book.create(owner, t0, ActivityType.JIANGBI_CAMPAIGN, "讲比", steel, branch,
 *       wang, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 11, 30), "plan");
 *   book.apply(id, Operation.SUBMIT, owner, t1, "ready");
 * }
 * }</pre>
 */
public final class ActivityBook extends Handle {
  private ActivityBook(Tree tree, Pointer p, Handle parent, boolean owned) {
    super(tree, p, owned ? Native.C::kx_book_free : x -> {}, parent);
  }

  /** A new book over {@code registry} (kept alive by the book). {@code new ActivityBook(reg)} */
  public ActivityBook(Registry registry) {
    this(Objects.requireNonNull(registry, "registry").tree(), registry);
  }

  private ActivityBook(Tree tree, Registry registry) {
    this(tree, tree.write(() -> {
      PointerByReference out = new PointerByReference();
      KexieException.check(Native.C.kx_book_new(out, registry.ptr()));
      registry.retain();
      return out.getValue();
    }), registry, true);
  }

  /** A book a snapshot owns, borrowed (see {@link Snapshot#book(int)}). */
  static ActivityBook borrowed(Snapshot snapshot, Pointer p) {
    snapshot.retain();
    return new ActivityBook(snapshot.tree(), p, snapshot, false);
  }

  Pointer ptr() {
    return state.get("activity book");
  }

  /**
   * Opens a new activity in draft and returns its id.
   *
   * <pre>{@code int id = book.create(owner, t0, ActivityType.JIANGBI_CAMPAIGN, "2025 讲比", steel,
   *     branch, wang, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 11, 30), "plan");}</pre>
   */
  public int create(Actor actor, Instant at, ActivityType type, String title, int organizer,
      int owner, int responsible, LocalDate plannedFirst, LocalDate plannedLast, String reason) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(type, "type");
    Native.ActivityPlan p = new Native.ActivityPlan();
    Memory t = Text.c("title", title);
    Memory f = Text.date("plannedFirst", plannedFirst);
    Memory l = Text.date("plannedLast", plannedLast);
    Memory when = Text.instant("at", at);
    Memory why = Text.c("reason", reason);
    p.type = type.value();
    p.title = t;
    p.organizer = Text.id("organizer", organizer);
    p.owner = Text.id("owner", owner);
    p.responsible = Text.id("responsible", responsible);
    p.planned_first = f;
    p.planned_last = l;
    return Tree.both(tree(), true, actor.tree(), () -> {
      IntByReference out = new IntByReference();
      KexieException.check(Native.C.kx_activity_create(out, ptr(), actor.ptr(), when, p, why));
      return out.getValue();
    });
  }

  /**
   * Performs a transition without extra arguments (every {@link Operation} from SUBMIT to
   * ARCHIVE except CONCLUDE); e.g. {@link IllegalTransitionException} "lifecycle.state".
   *
   * <pre>{@code book.apply(id, Operation.APPROVE, chair, t2, "立项");}</pre>
   */
  public void apply(int activity, Operation operation, Actor actor, Instant at, String reason) {
    Text.id("activity", activity);
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(actor, "actor");
    Memory when = Text.instant("at", at);
    Memory why = Text.c("reason", reason);
    Tree.both(tree(), true, actor.tree(), () -> KexieException.check(Native.C.kx_activity_apply(
        ptr(), activity, operation.value(), actor.ptr(), when, why)));
  }

  /**
   * Concludes an activity under evaluation with an exact {@code score}; returns its grade.
   *
   * <pre>{@code Grade g = book.conclude(id, expert, t9, new BigDecimal("92.50"), "panel");}</pre>
   */
  public Grade conclude(int activity, Actor actor, Instant at, BigDecimal score, String reason) {
    Text.id("activity", activity);
    Objects.requireNonNull(actor, "actor");
    Memory when = Text.instant("at", at);
    Memory s = Text.decimal("score", score);
    Memory why = Text.c("reason", reason);
    return Tree.both(tree(), true, actor.tree(), () -> {
      IntByReference g = new IntByReference();
      KexieException.check(Native.C.kx_activity_conclude(g, ptr(), activity, actor.ptr(), when,
          s, why));
      return Grade.of(g.getValue());
    });
  }

  /** Files a progress report (0-100 percent). {@code book.reportProgress(id, owner, t, 40, "pilot")} */
  public void reportProgress(int activity, Actor actor, Instant at, int percent, String text) {
    Text.id("activity", activity);
    Objects.requireNonNull(actor, "actor");
    Memory when = Text.instant("at", at);
    Memory why = Text.c("text", text);
    Tree.both(tree(), true, actor.tree(), () -> KexieException.check(
        Native.C.kx_activity_report_progress(ptr(), activity, actor.ptr(), when, percent, why)));
  }

  /** An activity's fields; {@link NotFoundException} for an unknown id. {@code book.activity(id).state()} */
  public ActivityInfo activity(int activity) {
    Text.id("activity", activity);
    return tree().read(() -> {
      Native.ActivityInfo a = new Native.ActivityInfo();
      KexieException.check(Native.C.kx_activity_get(a, ptr(), activity));
      int len = 0;
      while (len < a.score.length && a.score[len] != 0) {
        ++len;
      }
      String score = new String(a.score, 0, len, StandardCharsets.UTF_8);
      return new ActivityInfo(a.id, ActivityType.of(a.type), State.of(a.state), a.organizer,
          a.owner, a.responsible, a.has_grade != 0 ? Grade.of(a.grade) : null,
          score.isEmpty() ? null : new BigDecimal(score), Text.micros(a.created),
          Text.micros(a.last_event));
    });
  }

  /** The state at instant {@code at}, replayed from the audit trail. {@code book.stateAt(id, t)} */
  public State stateAt(int activity, Instant at) {
    Text.id("activity", activity);
    Memory when = Text.instant("at", at);
    return tree().read(() -> {
      IntByReference out = new IntByReference();
      KexieException.check(Native.C.kx_activity_state_at(out, ptr(), activity, when));
      return State.of(out.getValue());
    });
  }

  /** The number of activities. {@code book.size()} */
  public long size() {
    return tree().read(() -> {
      Memory m = Kexie.sizeOut();
      KexieException.check(Native.C.kx_book_size(m, ptr()));
      return Kexie.size(m);
    });
  }

  /** The audit chain head ("count:hex"); keep it elsewhere to detect truncation. */
  public String chainHead() {
    return tree().read(() -> {
      PointerByReference out = new PointerByReference();
      KexieException.check(Native.C.kx_book_chain_head(out, ptr()));
      return Kexie.take(out.getValue());
    });
  }

  /**
   * Verifies the audit chain and, unless {@code expectedHead} is null, that it ends there.
   *
   * <pre>{@code book.verifyAudit(savedHead).intact()}</pre>
   */
  public AuditVerification verifyAudit(String expectedHead) {
    Memory h = Text.cOrNull("expectedHead", expectedHead);
    return tree().read(() -> {
      Native.AuditVerification v = new Native.AuditVerification();
      KexieException.check(Native.C.kx_book_verify_audit(v, ptr(), h));
      return new AuditVerification(AuditFault.of(v.fault), v.first_bad);
    });
  }
}
