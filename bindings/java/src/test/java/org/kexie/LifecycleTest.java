// The activity lifecycle with actors derived from the registry: transitions,
// refusals (state, unbacked roles), progress, the audit chain.
package org.kexie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kexie.Fixtures.DAY;
import static org.kexie.Fixtures.t;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  @Test
  void derivedActorsDriveAnActivity() {
    try (Fixtures.World w = new Fixtures.World(); ActivityBook book = new ActivityBook(w.reg);
        Actor owner = Actor.fromRegistry(w.reg, w.owner, DAY);
        Actor chair = Actor.fromRegistry(w.reg, w.chair, DAY);
        Actor asserted = new Actor(w.member).addRole(Role.CHAIR, w.city)) {
      int id = book.create(owner, t(0), ActivityType.JIANGBI_CAMPAIGN, "2025 节能降耗讲比",
          w.steel, w.branch, w.owner, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 11, 30),
          "plan");
      assertEquals(State.DRAFT, book.activity(id).state());
      IllegalTransitionException x = assertThrows(IllegalTransitionException.class,
          () -> book.apply(id, Operation.START, owner, t(1), "too early"));
      assertEquals("lifecycle.state", x.rule());
      book.apply(id, Operation.SUBMIT, owner, t(2), "ready");
      PermissionDeniedException p = assertThrows(PermissionDeniedException.class,
          () -> book.apply(id, Operation.APPROVE, asserted, t(3), "立项"));
      assertEquals("actor.unbacked_role", p.rule());
      book.apply(id, Operation.APPROVE, chair, t(4), "立项");
      book.apply(id, Operation.START, owner, t(5), "go");
      book.reportProgress(id, owner, t(6), 40, "pilot line");
      assertThrows(InvalidArgumentException.class,
          () -> book.reportProgress(id, owner, t(7), 140, "too much"));
      ActivityInfo a = book.activity(id);
      assertEquals(State.IN_PROGRESS, a.state());
      assertEquals(ActivityType.JIANGBI_CAMPAIGN, a.type());
      assertEquals(w.owner, a.responsible());
      assertNull(a.grade());
      assertNull(a.score());
      assertEquals(t(0), a.created());
      assertEquals(t(6), a.lastEvent());
      assertEquals(State.SUBMITTED, book.stateAt(id, t(3)));
      assertEquals(1, book.size());
      String head = book.chainHead();
      assertTrue(book.verifyAudit(head).intact());
      assertThrows(InvalidArgumentException.class, () -> book.verifyAudit("not a head"));
      book.apply(id, Operation.COMPLETE, owner, t(8), "done");
      assertFalse(book.verifyAudit(head).intact());  // the trail moved past the saved head
    }
  }
}
