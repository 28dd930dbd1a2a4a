// Hostile calls of the round-3 document functions from Java: nulls, closed handles,
// unpaired surrogates and NUL characters, documents nested past the limit. Each is a
// Java exception (NullPointerException, IllegalStateException,
// IllegalArgumentException or a KexieException), never a JVM crash, and a refused
// call leaves the registry's document as it was.
package org.kexie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kexie.Fixtures.read;

import org.junit.jupiter.api.Test;

class HostileDocumentsTest {
  @Test
  void nullsSurrogatesNulsAndDepth() {
    try (Registry reg = Registry.fromDocument(read("registry.json"))) {
      String before = reg.toDocument();
      String rules = read("campaign.json");
      assertThrows(NullPointerException.class, () -> Campaign.fromDocuments(null, rules, null));
      assertThrows(NullPointerException.class, () -> Campaign.fromDocuments(reg, null, null));
      assertThrows(IllegalArgumentException.class,
          () -> Registry.fromDocument("{\"a\":\"\ud800\"}"));
      assertThrows(IllegalArgumentException.class,
          () -> Campaign.fromDocuments(reg, rules, "{\"x\":\"\udc00\"}"));
      IllegalArgumentException nul = assertThrows(IllegalArgumentException.class,
          () -> Registry.fromDocument("{\"a\u0000\":1}"));
      assertTrue(nul.getMessage().contains("NUL"), nul.getMessage());
      String deep = "[".repeat(10000) + "]".repeat(10000);
      CorruptDataException e =
          assertThrows(CorruptDataException.class, () -> Registry.fromDocument(deep));
      assertTrue(e.problems().get(0).message().contains("max_depth"), e.getMessage());
      assertThrows(CorruptDataException.class, () -> Campaign.fromDocuments(reg, deep, null));
      assertThrows(CorruptDataException.class, () -> Campaign.fromDocuments(reg, rules, deep));
      assertEquals(before, reg.toDocument());
    }
  }

  @Test
  void closedHandlesThrowIllegalState() {
    Registry reg = Registry.fromDocument(read("registry.json"));
    Campaign c = Campaign.fromDocuments(reg, read("campaign.json"), read("entries.json"));
    Scoreboard board = c.score();
    board.close();
    assertThrows(IllegalStateException.class, board::toDocument);
    board.close();  // idempotent
    c.close();
    assertThrows(IllegalStateException.class, c::score);
    reg.close();
    assertThrows(IllegalStateException.class, reg::toDocument);
    assertThrows(IllegalStateException.class,
        () -> Campaign.fromDocuments(reg, read("campaign.json"), null));
    reg.close();  // idempotent
  }
}
