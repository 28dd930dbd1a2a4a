// The demo from its documents: the registry, rules and entries of examples/data
// score to the C++ demo's digest from Java; refused documents list every problem.
package org.kexie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kexie.Fixtures.DEMO_DIGEST;
import static org.kexie.Fixtures.read;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentsTest {
  @Test
  void demoDocumentsScoreToTheDemoDigest() {
    try (Registry reg = Registry.fromDocument(read("registry.json"));
        Campaign c = Campaign.fromDocuments(reg, read("campaign.json"), read("entries.json"));
        Scoreboard board = c.score()) {
      assertEquals(read("registry.json"), reg.toDocument());
      assertEquals(DEMO_DIGEST, board.digest());
      CampaignDocuments docs = c.toDocuments();
      assertEquals(read("campaign.json"), docs.rules());
      assertEquals(read("entries.json"), docs.entries());
      assertEquals(Phase.UNBOUND, c.phase());
      List<EntryResult> results = board.results();
      assertEquals(board.size(), results.size());
      assertEquals(c.counts().entries(), results.size());
      EntryResult first = results.get(0);
      assertTrue(first.awarded());
      assertEquals(1, first.rank());
      assertEquals(first, board.find(first.entry()));
      assertEquals(first.entry(), c.findEntry(first.code()));
      assertTrue(first.total().compareTo(BigDecimal.ZERO) > 0);
      // Exact: the parts add up to the total with no binary rounding.
      assertEquals(0, first.judgedPart().add(first.objectivePart()).add(first.bonus())
          .compareTo(first.total()));
      assertTrue(board.explainText(first.entry(), Language.ENGLISH).contains(first.code()));
      assertTrue(board.explainJson(first.entry()).contains("\"lines\""));
      String doc = board.toDocument();
      assertTrue(doc.contains("\"kexie.results/1\""));
      assertTrue(doc.contains(DEMO_DIGEST));
      assertTrue(doc.contains("\"explanations\": \"summary\""));
      assertEquals(doc, board.toDocument(ResultsExplanations.SUMMARY));
      String full = board.toDocument(ResultsExplanations.FULL);
      assertTrue(full.contains("\"explanations\": \"full\""));
      assertTrue(full.contains(DEMO_DIGEST) && full.length() > doc.length());
      assertThrows(NullPointerException.class, () -> board.toDocument(null));
      NotFoundException e = assertThrows(NotFoundException.class, () -> c.findEntry("nope"));
      assertEquals(ErrorCode.ENOTFOUND, e.code());
    }
  }

  @Test
  void refusedDocumentCarriesEveryProblem() {
    String text = read("registry.json")
        .replaceFirst("\"kind\": \"national\"", "\"kind\": \"nation\"")
        .replaceFirst("\"level\": \"provincial\"", "\"levle\": \"provincial\"");
    InvalidArgumentException e =
        assertThrows(InvalidArgumentException.class, () -> Registry.fromDocument(text));
    assertEquals(ErrorCode.EINVALID, e.code());
    assertEquals(List.of("/organizations/0/kind", "/organizations/1/levle"),
        e.problems().stream().map(DocumentProblem::pointer).toList());
    assertEquals(6, e.problems().get(0).line());
    assertEquals(15, e.problems().get(0).column());
    assertTrue(e.problems().get(0).message().contains("national"));
  }

  @Test
  void rulesOnlyCampaignAndMalformedJson() {
    try (Registry reg = Registry.fromDocument(read("registry.json"));
        Campaign c = Campaign.fromDocuments(reg, read("campaign.json"), null);
        Scoreboard board = c.score()) {
      assertEquals(0, board.size());
      CorruptDataException e =
          assertThrows(CorruptDataException.class, () -> Campaign.fromDocuments(reg, "{", null));
      assertEquals(1, e.problems().size());
    }
  }
}
