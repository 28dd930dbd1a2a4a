// Bad arguments from Java never reach C as undefined behaviour: nulls, ids out of
// range, NUL and unpaired surrogates in text, dates C cannot hold, closed handles.
package org.kexie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.kexie.Fixtures.DAY;
import static org.kexie.Fixtures.t;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
  @Test
  void badArgumentsThrow() {
    try (Fixtures.World w = new Fixtures.World(); ActivityBook book = new ActivityBook(w.reg);
        Actor owner = Actor.fromRegistry(w.reg, w.owner, DAY)) {
      assertThrows(NullPointerException.class,
          () -> w.reg.addOrganization(OrgKind.LOCAL, null, w.cast, DAY, Level.PROVINCIAL, null));
      assertThrows(NullPointerException.class,
          () -> w.reg.addOrganization(null, "x", w.cast, DAY, Level.PROVINCIAL, null));
      assertThrows(NullPointerException.class, () -> w.reg.parent(w.steel, null));
      assertThrows(IllegalArgumentException.class, () -> w.reg.person(-1));
      assertThrows(IllegalArgumentException.class, () -> w.reg.person(0));
      assertThrows(IllegalArgumentException.class,
          () -> w.reg.addPerson("a\0b", DAY, w.steel, null, Title.NONE));
      assertThrows(IllegalArgumentException.class,
          () -> w.reg.addPerson("\ud800x", DAY, w.steel, null, Title.NONE));
      assertThrows(InvalidArgumentException.class,
          () -> w.reg.parent(w.steel, LocalDate.of(10000, 1, 1)));
      assertThrows(InvalidArgumentException.class,
          () -> w.reg.parent(w.steel, LocalDate.of(1399, 12, 31)));
      assertThrows(NullPointerException.class, () -> new ActivityBook(null));
      assertThrows(NullPointerException.class, () -> Registry.fromDocument(null));
      assertThrows(NullPointerException.class, () -> Snapshot.load((byte[]) null));
      assertThrows(NullPointerException.class,
          () -> book.apply(1, Operation.SUBMIT, null, t(0), "x"));
      assertThrows(NullPointerException.class,
          () -> book.apply(1, Operation.SUBMIT, owner, null, "x"));
      assertThrows(InvalidArgumentException.class,
          () -> book.apply(1, Operation.SUBMIT, owner, Instant.MAX, "x"));
      assertThrows(NotFoundException.class,
          () -> book.apply(7, Operation.SUBMIT, owner, t(0), "x"));
      assertThrows(IllegalArgumentException.class, () -> ErrorCode.of(42));
      assertThrows(IllegalArgumentException.class, () -> new Actor(0));
      w.reg.close();  // deferred: the book over it is still open
      assertThrows(IllegalStateException.class, () -> w.reg.person(w.owner));
      assertEquals(0, book.size());  // the book still reads its registry safely
      w.reg.close();  // idempotent
    }
  }

  @Test
  void everyErrorCodeHasItsException() {
    for (ErrorCode code : ErrorCode.values()) {
      if (code != ErrorCode.OK) {
        KexieException e = KexieException.last(code.value());
        assertEquals(code, e.code(), code.name());
      }
    }
    assertEquals(ErrorCode.EINTERNAL, KexieException.last(-77).code());
  }
}
