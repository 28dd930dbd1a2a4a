// Registry queries through the Java binding, and refusals as exceptions that
// carry the rule id.
package org.kexie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kexie.Fixtures.DAY;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryTest {
  @Test
  void queries() {
    try (Fixtures.World w = new Fixtures.World()) {
      Organization o = w.reg.organization(w.steel);
      assertEquals(new Organization(w.steel, "杭钢科协", OrgKind.ENTERPRISE, Level.NONE,
          LocalDate.of(2000, 1, 1), LocalDate.of(9999, 12, 31)), o);
      assertEquals(w.city, w.reg.parent(w.steel, DAY));
      assertEquals(0, w.reg.parent(w.cast, DAY));
      assertEquals(List.of(w.steel), w.reg.subtree(w.province, DAY, OrgKind.ENTERPRISE));
      assertEquals(List.of(w.cast, w.province, w.city, w.steel, w.branch),
          w.reg.subtree(w.cast, DAY, null));
      Person p = w.reg.person(w.owner);
      assertEquals(new Person(w.owner, "王工", LocalDate.of(1995, 5, 1), w.steel,
          Title.INTERMEDIATE), p);
      assertEquals(w.owner, w.reg.findPerson(w.steel, "E-1"));
      assertTrue(w.reg.isYoung(w.owner, DAY));
      assertFalse(w.reg.isYoung(w.member, DAY));
      assertEquals(new Rollup(3, 1, 0), w.reg.rollup(w.province, DAY));
    }
  }

  @Test
  void refusalsCarryTheRule() {
    try (Fixtures.World w = new Fixtures.World()) {
      assertThrows(NotFoundException.class, () -> w.reg.person(999));
      assertThrows(NotFoundException.class, () -> w.reg.findPerson(w.steel, "E-9"));
      RuleViolationException e = assertThrows(RuleViolationException.class,
          () -> w.reg.addOrganization(OrgKind.BRANCH, "bad", w.province, DAY, Level.NONE, null));
      assertEquals("org.parent_kind", e.rule());
      assertEquals("A13", e.article());
      assertTrue(e.getMessage().contains("org.parent_kind"));
      AlreadyExistsException x = assertThrows(AlreadyExistsException.class,
          () -> w.reg.addPerson("dup", DAY, w.steel, "E-1", Title.NONE));
      assertEquals("person.external_key", x.rule());
      // A refusal changes nothing.
      assertEquals(List.of(w.cast, w.province, w.city, w.steel, w.branch),
          w.reg.subtree(w.cast, DAY, null));
    }
  }
}
