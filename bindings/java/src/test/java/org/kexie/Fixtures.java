// Shared test fixtures: the demo's documents (examples/data, found through the
// system property kexie.data) and a small registry built through calls.
package org.kexie;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

/** Fixtures: {@code try (Fixtures.World w = new Fixtures.World()) { ... }} */
final class Fixtures {
  private Fixtures() {}

  /** The C++ demo's scoreboard digest (examples/demo.cpp, scripts/demo.sh). */
  static final String DEMO_DIGEST =
      "06b581a1a9064e963ddb672bab79ba3df3efc3879c5bd868f9df0443c7aec57f";
  static final Path DATA = Path.of(System.getProperty("kexie.data", "examples/data"));
  static final LocalDate DAY = LocalDate.of(2025, 3, 1);
  static final Instant T0 = Instant.parse("2025-03-01T01:00:00Z");

  /** An examples/data document. */
  static String read(String name) {
    try {
      return Files.readString(DATA.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** T0 plus {@code minutes}. */
  static Instant t(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  /** National, province, city, an enterprise with a branch, three people, a city chair. */
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
}
