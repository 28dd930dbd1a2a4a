// Thread safety from Java (docs/bindings.md): read-only calls from several
// threads at once give the serial results, and a writer interleaved with
// readers on one registry tree is serialized by the binding's lock.
package org.kexie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kexie.Fixtures.DAY;
import static org.kexie.Fixtures.read;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ThreadsTest {
  private static List<String> together(int threads, Callable<String> work) throws Exception {
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
      List<String> out = new ArrayList<>();
      for (Future<String> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void concurrentReadOnlyCallsAgree() throws Exception {
    try (Registry reg = Registry.fromDocument(read("registry.json"));
        Campaign c = Campaign.fromDocuments(reg, read("campaign.json"), read("entries.json"))) {
      Callable<String> work = () -> {
        try (Scoreboard b = c.score()) {
          StringBuilder s = new StringBuilder(b.digest());
          List<EntryResult> results = b.results();
          s.append(results);
          for (EntryResult r : results.subList(0, 3)) {
            s.append(b.explainText(r.entry(), Language.CHINESE)).append(b.explainJson(r.entry()));
          }
          return s.append(c.counts()).append(reg.toDocument()).toString();
        }
      };
      String serial = work.call();
      for (String r : together(4, work)) {
        assertEquals(serial, r);
      }
    }
  }

  @Test
  void aWriterAmongReadersIsSerialized() throws Exception {
    try (Fixtures.World w = new Fixtures.World()) {
      int people = 40;
      Callable<String> writer = () -> {
        for (int i = 0; i < people; ++i) {
          int p = w.reg.addPerson("工" + i, DAY.minusYears(30), w.steel, "K-" + i, Title.NONE);
          w.reg.addMembership(p, w.steel, Role.MEMBER, DAY.minusYears(1), null);
        }
        return "written";
      };
      Callable<String> reader = () -> {
        long last = 0;
        for (int i = 0; i < people; ++i) {
          long n = w.reg.rollup(w.province, DAY).members();
          if (n < last) {
            return "went backwards";
          }
          last = n;
        }
        return "read";
      };
      Callable<String> either = new Callable<>() {
        private final java.util.concurrent.atomic.AtomicInteger next =
            new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public String call() throws Exception {
          return next.getAndIncrement() == 0 ? writer.call() : reader.call();
        }
      };
      List<String> out = together(3, either);
      assertEquals(1, out.stream().filter("written"::equals).count());
      assertEquals(2, out.stream().filter("read"::equals).count());
      assertEquals(3 + people, w.reg.rollup(w.province, DAY).members());
    }
  }
}
