// JUnit 5 tests of the Java binding: the demo digest from documents, registry
// queries, the activity lifecycle with derived actors, snapshots, exceptions,
// argument checks and concurrent read-only calls.
package org.kexie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class KexieTest {
  static final String DEMO_DIGEST =
      "06b581a1a9064e963ddb672bab79ba3df3efc3879c5bd868f9df0443c7aec57f";
  static final Path DATA = Path.of(System.getProperty("kexie.data", "examples/data"));
  static final LocalDate DAY = LocalDate.of(2025, 3, 1);
  static final Instant T0 = Instant.parse("2025-03-01T01:00:00Z");

  static String read(String name) throws IOException {
    return Files.readString(DATA.resolve(name));
  }

  static Instant t(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  @Test
  void demoDocumentsScoreToTheDemoDigest() throws IOException {
    try (Registry reg = Registry.fromDocument(read("registry.json"));
        Campaign c = Campaign.fromDocuments(reg, read("campaign.json"), read("entries.json"));
        Scoreboard board = c.score()) {
      assertEquals(read("registry.json"), reg.toDocument());
      assertEquals(DEMO_DIGEST, board.digest());
      List<EntryResult> results = board.results();
      assertEquals(board.size(), results.size());
      assertEquals(c.counts().entries(), results.size());
      EntryResult first = results.get(0);
      assertTrue(first.awarded());
      assertEquals(first, board.find(first.entry()));
      assertEquals(first.entry(), c.findEntry(first.code()));
      assertTrue(first.total().compareTo(BigDecimal.ZERO) > 0);
      assertTrue(board.explainText(first.entry(), Language.ENGLISH).contains(first.code()));
      assertTrue(board.explainJson(first.entry()).contains("\"lines\""));
      assertTrue(board.toDocument().contains(DEMO_DIGEST));
      assertThrows(NotFoundException.class, () -> c.findEntry("no such code"));
    }
  }

  @Test
  void refusedDocumentCarriesEveryProblem() throws IOException {
    String text = read("registry.json").replaceFirst("\"kind\": \"national\"", "\"kind\": \"nation\"");
    InvalidArgumentException e =
        assertThrows(InvalidArgumentException.class, () -> Registry.fromDocument(text));
    assertEquals(ErrorCode.EINVALID, e.code());
    assertEquals("/organizations/0/kind", e.problems().get(0).pointer());
    assertEquals(6, e.problems().get(0).line());
    assertThrows(CorruptDataException.class, () -> {
      try (Registry reg = Registry.fromDocument(read("registry.json"))) {
        Campaign.fromDocuments(reg, "{", null);
      }
    });
  }

  /** A small registry: national, province, city, an enterprise with a branch, six people. */
  static final class World implements AutoCloseable {
    final Registry reg = new Registry();
    final int cast;
    final int province;
    final int city;
    final int steel;
    final int branch;
    final int owner;
    final int member;
    final int chair;

    World() {
      LocalDate d = LocalDate.of(2000, 1, 1);
      cast = reg.addOrganization(OrgKind.NATIONAL, "中国科协", 0, LocalDate.of(1958, 9, 18),
          Level.NONE, null);
      province = reg.addOrganization(OrgKind.LOCAL, "浙江省科协", cast, d, Level.PROVINCIAL, null);
      city = reg.addOrganization(OrgKind.LOCAL, "杭州市科协", province, d, Level.PREFECTURE, null);
      steel = reg.addOrganization(OrgKind.ENTERPRISE, "杭钢科协", city, d, Level.NONE, "杭钢");
      branch = reg.addOrganization(OrgKind.BRANCH, "轧钢分会", steel, d, Level.NONE, null);
      owner = reg.addPerson("王工", LocalDate.of(1995, 5, 1), steel, "E-1", Title.INTERMEDIATE);
      member = reg.addPerson("李工", LocalDate.of(1970, 5, 1), steel, "E-2", Title.SENIOR);
      chair = reg.addPerson("周主席", LocalDate.of(1965, 1, 1), steel, "E-3", Title.SENIOR);
      for (int p : new int[] {owner, member, chair}) {
        reg.addMembership(p, steel, Role.MEMBER, LocalDate.of(2015, 1, 1), null);
      }
      reg.appoint(chair, city, OfficerRole.CHAIR, LocalDate.of(2020, 1, 1), null);
    }

    @Override
    public void close() {
      reg.close();
    }
  }

  @Test
  void registryQueries() {
    try (World w = new World()) {
      Organization o = w.reg.organization(w.steel);
      assertEquals("杭钢科协", o.name());
      assertEquals(OrgKind.ENTERPRISE, o.kind());
      assertEquals(LocalDate.of(2000, 1, 1), o.firstDay());
      assertEquals(w.city, w.reg.parent(w.steel, DAY));
      assertEquals(List.of(w.steel), w.reg.subtree(w.province, DAY, OrgKind.ENTERPRISE));
      assertEquals(5, w.reg.subtree(w.cast, DAY, null).size());
      Person p = w.reg.person(w.owner);
      assertEquals("王工", p.name());
      assertEquals(LocalDate.of(1995, 5, 1), p.birth());
      assertEquals(w.owner, w.reg.findPerson(w.steel, "E-1"));
      assertTrue(w.reg.isYoung(w.owner, DAY));
      assertFalse(w.reg.isYoung(w.member, DAY));
      assertEquals(new Rollup(3, 1, 0), w.reg.rollup(w.province, DAY));
      assertThrows(NotFoundException.class, () -> w.reg.person(999));
      assertThrows(NotFoundException.class, () -> w.reg.findPerson(w.steel, "E-9"));
      RuleViolationException e = assertThrows(RuleViolationException.class,
          () -> w.reg.addOrganization(OrgKind.BRANCH, "bad", w.province, DAY, Level.NONE, null));
      assertFalse(e.rule().isEmpty());
      assertThrows(AlreadyExistsException.class,
          () -> w.reg.addPerson("dup", DAY, w.steel, "E-1", Title.NONE));
    }
  }

  @Test
  void lifecycleWithDerivedActorsAndSnapshot() {
    try (World w = new World(); ActivityBook book = new ActivityBook(w.reg);
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
      assertNull(a.grade());
      assertNull(a.score());
      assertEquals(t(0), a.created());
      assertEquals(State.SUBMITTED, book.stateAt(id, t(3)));
      assertEquals(1, book.size());
      String head = book.chainHead();
      assertTrue(book.verifyAudit(head).intact());

      byte[] bytes = Snapshot.save(w.reg, List.of(book), List.of());
      Snapshot s = Snapshot.load(bytes);
      assertEquals(1, s.bookCount());
      assertEquals(0, s.campaignCount());
      Registry r = s.registry();
      ActivityBook b = s.book(0);
      s.close();  // deferred: r and b keep the snapshot's memory alive
      assertEquals("杭钢科协", r.organization(w.steel).name());
      assertEquals(head, b.chainHead());
      assertEquals(State.IN_PROGRESS, b.activity(id).state());
      r.close();
      b.close();
      assertThrows(IllegalStateException.class, b::chainHead);
      assertThrows(CorruptDataException.class, () -> Snapshot.load(new byte[] {1, 2, 3}));
      assertThrows(CorruptDataException.class, () -> Snapshot.load(new byte[0]).close());
    }
  }

  @Test
  void snapshotFileKeepsTheCampaign(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    try (Registry reg = Registry.fromDocument(read("registry.json"));
        Campaign c = Campaign.fromDocuments(reg, read("campaign.json"), read("entries.json"))) {
      Path file = dir.resolve("demo.kxs");
      Snapshot.save(file, reg, List.of(), List.of(c));
      try (Snapshot s = Snapshot.load(file); Campaign back = s.campaign(0);
          Scoreboard board = back.score()) {
        assertEquals(DEMO_DIGEST, board.digest());
      }
      assertThrows(KexieIoException.class, () -> Snapshot.load(dir.resolve("missing.kxs")));
    }
  }

  @Test
  void badArgumentsThrowBeforeReachingC() {
    try (World w = new World()) {
      assertThrows(NullPointerException.class,
          () -> w.reg.addOrganization(OrgKind.LOCAL, null, w.cast, DAY, Level.PROVINCIAL, null));
      assertThrows(NullPointerException.class, () -> w.reg.parent(w.steel, null));
      assertThrows(IllegalArgumentException.class, () -> w.reg.person(-1));
      assertThrows(IllegalArgumentException.class, () -> w.reg.person(0));
      assertThrows(IllegalArgumentException.class,
          () -> w.reg.addPerson("a\0b", DAY, w.steel, null, Title.NONE));
      assertThrows(IllegalArgumentException.class,
          () -> w.reg.addPerson("\ud800", DAY, w.steel, null, Title.NONE));
      assertThrows(InvalidArgumentException.class,
          () -> w.reg.parent(w.steel, LocalDate.of(10000, 1, 1)));
      assertThrows(NullPointerException.class, () -> new ActivityBook(null));
      assertThrows(NullPointerException.class, () -> Snapshot.load((byte[]) null));
      assertThrows(IllegalArgumentException.class, () -> ErrorCode.of(42));
      w.reg.close();
      assertThrows(IllegalStateException.class, () -> w.reg.person(w.owner));
      w.reg.close();  // idempotent
    }
  }

  @Test
  void concurrentReadOnlyCallsAgree() throws Exception {
    try (Registry reg = Registry.fromDocument(read("registry.json"));
        Campaign c = Campaign.fromDocuments(reg, read("campaign.json"), read("entries.json"))) {
      Callable<String> work = () -> {
        try (Scoreboard b = c.score()) {
          StringBuilder s = new StringBuilder(b.digest());
          for (EntryResult r : b.results()) {
            s.append(r).append(b.explainText(r.entry(), Language.CHINESE));
          }
          return s.append(reg.toDocument()).toString();
        }
      };
      String serial = work.call();
      int threads = 4;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < threads; ++i) {
          futures.add(pool.submit(() -> {
            start.await();
            return work.call();
          }));
        }
        start.countDown();
        for (Future<String> f : futures) {
          assertEquals(serial, f.get());
        }
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void enumsMatchTheHeader() {
    assertEquals(-4, ErrorCode.ERULE.value());
    assertEquals(OrgKind.ENTERPRISE, OrgKind.of(4));
    assertEquals(8, Focus.EFFICIENCY_GAIN.value());
  }
}
