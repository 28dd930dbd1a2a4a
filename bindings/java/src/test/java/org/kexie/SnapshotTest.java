// Snapshots from Java: bytes and files round-trip a registry, a book and a
// campaign; borrowed handles keep their snapshot alive; damaged bytes and
// missing files are exceptions.
package org.kexie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kexie.Fixtures.DAY;
import static org.kexie.Fixtures.DEMO_DIGEST;
import static org.kexie.Fixtures.read;
import static org.kexie.Fixtures.t;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {
  @Test
  void bytesRoundTripAndDeferredClose() {
    try (Fixtures.World w = new Fixtures.World(); ActivityBook book = new ActivityBook(w.reg);
        Actor owner = Actor.fromRegistry(w.reg, w.owner, DAY)) {
      int id = book.create(owner, t(0), ActivityType.ACADEMIC_EXCHANGE, "学术交流", w.steel,
          w.branch, w.owner, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 6, 30), "plan");
      byte[] bytes = Snapshot.save(w.reg, List.of(book), List.of());
      Snapshot s = Snapshot.load(bytes);
      assertEquals(1, s.bookCount());
      assertEquals(0, s.campaignCount());
      Registry r = s.registry();
      ActivityBook b = s.book(0);
      assertThrows(InvalidArgumentException.class, () -> s.book(1));
      s.close();  // deferred: r and b keep the snapshot's memory alive
      assertThrows(IllegalStateException.class, s::bookCount);
      assertEquals("杭钢科协", r.organization(w.steel).name());
      assertEquals(book.chainHead(), b.chainHead());
      assertEquals(State.DRAFT, b.activity(id).state());
      r.close();
      b.close();
      assertThrows(IllegalStateException.class, b::chainHead);
    }
  }

  @Test
  void fileKeepsTheCampaign(@TempDir Path dir) {
    try (Registry reg = Registry.fromDocument(read("registry.json"));
        Campaign c = Campaign.fromDocuments(reg, read("campaign.json"), read("entries.json"))) {
      Path file = dir.resolve("demo.kxs");
      Snapshot.save(file, reg, List.of(), List.of(c));
      try (Snapshot s = Snapshot.load(file); Campaign back = s.campaign(0);
          Scoreboard board = back.score()) {
        assertEquals(DEMO_DIGEST, board.digest());
        try (Scoreboard original = c.score()) {
          assertEquals(original.results(), board.results());
        }
        // A snapshot keeps no document codes: its results document names "org:13".
        assertTrue(board.toDocument().contains("\"org:"));
      }
      assertThrows(KexieIoException.class, () -> Snapshot.load(dir.resolve("missing.kxs")));
    }
  }

  @Test
  void damagedBytesAreRefused() {
    assertThrows(CorruptDataException.class, () -> Snapshot.load(new byte[] {1, 2, 3}));
    assertThrows(CorruptDataException.class, () -> Snapshot.load(new byte[0]));
    try (Fixtures.World w = new Fixtures.World(); Fixtures.World other = new Fixtures.World();
        ActivityBook foreign = new ActivityBook(other.reg)) {
      assertThrows(IllegalArgumentException.class,
          () -> Snapshot.save(w.reg, List.of(foreign), List.of()));
    }
  }
}
