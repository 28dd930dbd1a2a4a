// The snapshot decoder at exact boundary values (issue 16): files whose hashes
// are right but whose fields sit exactly on or one past a limit.
// - Every count field set near 2^40 is refused by the bytes-left check, with the
//   message naming that field, before anything is allocated: the payload is
//   scanned offset by offset in a child process whose address space is limited,
//   and the set of fields refused that way must be every count the format has.
// - Every index column and reference set to exactly its table's size (0-based
//   indices, string-pool offsets) or one past it (1-based ids) is corrupt_data
//   naming the item, and the last valid value still loads, so an off-by-one in
//   either direction fails a test.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "kexie/kexie.hpp"
#include "kexie/literals.hpp"
#include "kexie/snapshot.hpp"
#include "support/snapshot_frame.hpp"
#include "support/snapshot_world.hpp"

using kexie::ErrorCode;
using namespace kexie::literals;
using kexie_test::Bytes;
using kexie_test::get_le;
using kexie_test::kSnapshotHeaderSize;
using kexie_test::patched;

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define KEXIE_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define KEXIE_TEST_SANITIZED 1
#endif
#endif

namespace {

kexie::Result<kexie::Snapshot> load(const Bytes& bytes) {
  return kexie::load_snapshot(std::span<const std::byte>(bytes.data(), bytes.size()));
}

/// Runs `work` in a forked child and returns what it returned. Unless a
/// sanitizer needs its shadow memory, the child's address space is limited to
/// 2 GiB, so an allocation sized by an unchecked count fails there (and shows
/// in the result) instead of taking this machine's memory.
std::string in_limited_child(const std::function<std::string()>& work) {
  int fds[2];
  if (::pipe(fds) != 0) {
    ADD_FAILURE() << "pipe: " << std::strerror(errno);
    return {};
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    ADD_FAILURE() << "fork: " << std::strerror(errno);
    ::close(fds[0]);
    ::close(fds[1]);
    return {};
  }
  if (pid == 0) {
    ::close(fds[0]);
#ifndef KEXIE_TEST_SANITIZED
    const rlimit limit{rlim_t{2} << 30, rlim_t{2} << 30};
    ::setrlimit(RLIMIT_AS, &limit);
#endif
    std::string out;
    try {
      out = work();
    } catch (const std::exception& e) {
      out = std::string("exception: ") + e.what();
    }
    std::size_t done = 0;
    while (done < out.size()) {
      const ssize_t n = ::write(fds[1], out.data() + done, out.size() - done);
      if (n <= 0) ::_exit(2);
      done += static_cast<std::size_t>(n);
    }
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;)
    out.append(buf, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child status " << status;
  return out;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

/// The field a bytes-left refusal names ("<field>: a count of N needs more than
/// the L bytes left"), or "" for any other message.
std::string refused_count(const std::string& message, std::uint64_t n, const char* kind) {
  const std::string mark = std::string(": a ") + kind + " of " + std::to_string(n);
  const auto at = message.find(mark);
  if (at == std::string::npos || message.find("bytes left", at) == std::string::npos) return {};
  const std::string prefix = "snapshot: ";
  const std::size_t from = message.rfind(prefix, at) == 0 ? prefix.size() : 0;
  return message.substr(from, at - from);
}

// Every count the format has (Reader::count and Reader::block callers in
// src/snapshot*.cpp); a field missing from a scan lost its bytes-left check.
const std::set<std::string> kCounts = {
    // snapshot.cpp
    "activity books", "campaigns", "service desks",
    // snapshot_registry.cpp
    "organizations", "parent history", "exemplary awards", "people: names", "people: external keys",
    "people: birth dates", "people: employers", "people: titles", "people: disciplines",
    "people: string pool", "disciplines", "people: external-key index", "memberships: people",
    "memberships: organizations", "memberships: roles", "memberships: first days",
    "memberships: last days", "expert listings", "fields of expertise", "links", "training records",
    "appointments", "honours",
    // snapshot_guidance.cpp
    "enterprises", "association ties", "employments", "support records", "founding applications",
    "founding records", "hand-overs", "secretary-general trainings",
    // snapshot_activity.cpp
    "permissions", "impartial operations", "grade bands", "commendable grades",
    "operations needing a reason", "team", "progress reports", "activities", "audit records",
    // snapshot_campaign.cpp
    "eligibility rules", "tie-breaks", "award tiers", "energy coefficients", "grid factors",
    "indicators", "objective tiers", "energy savings", "patents", "assigned judges", "marks",
    "vetoes", "judges", "entries", "fuel CO2 parameters", "mark bands",
    // snapshot_services.cpp
    "service requests", "proposals", "service records"};

}  // namespace

TEST(SnapshotDecoder, EveryCountNearTwoToTheFortyIsRefusedByTheBytesLeftCheck) {
  auto content = kexie_test::make_content(5, 30, 4, 6);
  // The guidance facts of format 3, so that each of their counts is non-empty.
  kexie_test::add_format2_facts(content);
  kexie_test::add_format3_facts(content);
  kexie_test::add_service_desk(content);  // the desk's counts (SnapshotRecord 2)
  // An expert listing, whose fields of expertise are a count of their own.
  kexie_test::World& w = *content.world;
  w.registry
      .add_expert(w.experts[0], w.province, {"energy saving"},
                  kexie::Period::from("2021-01-01"_date))
      .value();
  const Bytes file = kexie::save_snapshot(content.view()).value();
  ASSERT_TRUE(load(file).ok());
  const std::uint64_t big = std::uint64_t{1} << 40;
  const std::string report = in_limited_child([&] {
    std::ostringstream out;
    for (std::size_t at = kSnapshotHeaderSize; at + 8 <= file.size(); ++at) {
      // Only where a count could be: a value no larger than the payload.
      if (get_le(file, at, 8) > file.size()) continue;
      const auto r = load(patched(file, at, big, 8));
      if (r.ok()) continue;  // not a count: a coefficient, a timestamp...
      const std::string field = refused_count(r.error().message(), big, "count");
      if (field.empty()) {
        if (r.error().message().find("memory") != std::string::npos)
          out << "memory at " << at << ": " << r.error().message() << '\n';
        continue;
      }
      out << (r.code() == ErrorCode::corrupt_data ? "count\t" : "code\t") << field << '\n';
      // Its neighbours are refused the same way.
      for (const std::uint64_t n : {big - 1, big + 1}) {
        const auto near = load(patched(file, at, n, 8));
        if (near.ok() || refused_count(near.error().message(), n, "count") != field)
          out << "near 2^40 at " << at << ": " << (near.ok() ? "loaded" : near.error().message())
              << '\n';
      }
    }
    return out.str();
  });
  std::set<std::string> refused;
  for (const std::string& line : lines(report)) {
    if (line.rfind("count\t", 0) == 0) {
      refused.insert(line.substr(6));
    } else {
      ADD_FAILURE() << line;  // another code, a load or an allocation that failed
    }
  }
  for (const std::string& field : kCounts)
    EXPECT_TRUE(refused.count(field)) << "no bytes-left refusal names \"" << field << "\"";
  for (const std::string& field : refused)
    EXPECT_TRUE(kCounts.count(field)) << "a count this test does not know: \"" << field << "\"";
}

TEST(SnapshotDecoder, EveryTextLengthBeyondThePayloadIsRefusedByTheBytesLeftCheck) {
  const auto content = kexie_test::make_content(6, 10, 3, 3);
  const Bytes file = kexie::save_snapshot(content.view()).value();
  const std::uint64_t big = 0xFFFFFF00u;
  const std::string report = in_limited_child([&] {
    std::ostringstream out;
    for (std::size_t at = kSnapshotHeaderSize; at + 4 <= file.size(); ++at) {
      const std::uint64_t n = get_le(file, at, 4);
      if (n == 0 || n > 64 || at + 4 + n > file.size()) continue;
      const auto r = load(patched(file, at, big, 4));
      if (r.ok()) continue;
      const std::string field = refused_count(r.error().message(), big, "text");
      if (!field.empty()) out << field << '\n';
      if (r.error().message().find("memory") != std::string::npos)
        out << "!memory " << r.error().message() << '\n';
    }
    return out.str();
  });
  std::set<std::string> refused;
  for (const std::string& line : lines(report)) {
    EXPECT_NE(line[0], '!') << line;
    refused.insert(line);
  }
  for (const char* field : {"organization name", "enterprise name", "discipline", "campaign name",
                            "entry code", "entry title", "veto reason", "award tier name"})
    EXPECT_TRUE(refused.count(field)) << "no bytes-left refusal names \"" << field << "\"";
}

// --- index columns and references at their table's size ----------------------------------

namespace {

std::uint32_t days(const char* text) {
  return static_cast<std::uint32_t>(kexie::Date::parse(text).value().days());
}

Bytes le32s(std::initializer_list<std::uint64_t> values) {
  Bytes b;
  for (std::uint64_t v : values) kexie_test::append_le(b, v, 4);
  return b;
}

/// A registry with every kind of index a payload holds, each pointing at the
/// last entry of its table in at least one place a patch can reach:
/// organizations #1 CAST … #8 E2 (an enterprise association, the last), people
/// #1–#5 (#5 keyed, the last), disciplines "alpha", "beta", memberships #1–#4,
/// an expert listing, a link and a training record.
struct IndexFixture {
  kexie::Registry reg;
  kexie::OrgId cast, province, city, society, university, e1, branch, e2;
  std::vector<kexie::PersonId> p;
  std::vector<std::uint32_t> births, firsts;
  Bytes file;

  IndexFixture() {
    using kexie::OrgKind;
    using kexie::Period;
    using kexie::Role;
    cast = reg.add_organization(
                  {.kind = OrgKind::national, .name = "CAST", .effective = "1958-09-18"_date})
               .value();
    province = reg.add_organization({.kind = OrgKind::local,
                                     .name = "Zhejiang",
                                     .parent = cast,
                                     .effective = "1958-10-01"_date,
                                     .level = kexie::LocalLevel::provincial})
                   .value();
    city = reg.add_organization({.kind = OrgKind::local,
                                 .name = "Hangzhou",
                                 .parent = province,
                                 .effective = "1960-01-01"_date,
                                 .level = kexie::LocalLevel::sub_provincial})
               .value();
    society = reg.add_organization({.kind = OrgKind::society,
                                    .name = "Society",
                                    .parent = cast,
                                    .effective = "1980-01-01"_date})
                  .value();
    university =
        reg.add_organization(
               {.kind = OrgKind::partner, .name = "University", .effective = "1950-01-01"_date})
            .value();
    const auto enterprise = [&](const char* name, const char* from) {
      return reg
          .add_organization({.kind = OrgKind::enterprise,
                             .name = name,
                             .parent = city,
                             .effective = kexie::Date::parse(from).value(),
                             .enterprise = {.enterprise_name = name}})
          .value();
    };
    e1 = enterprise("E1", "2000-01-01");
    branch = reg.add_organization({.kind = OrgKind::branch,
                                   .name = "B1",
                                   .parent = e1,
                                   .effective = "2001-01-01"_date})
                 .value();
    e2 = enterprise("E2", "2000-06-06");
    const struct {
      const char* birth;
      kexie::OrgId employer;
      const char* key;
      kexie::Title title;
      const char* discipline;
    } people[] = {{"1980-01-11", e1, "K1", kexie::Title::junior, "alpha"},
                  {"1981-02-12", e1, "K2", kexie::Title::none, "beta"},
                  {"1982-03-13", e1, "K3", kexie::Title::none, ""},
                  {"1983-04-14", e1, "", kexie::Title::none, ""},
                  {"1984-05-15", e2, "K5", kexie::Title::senior, "beta"}};
    for (const auto& x : people) {
      p.push_back(reg.add_person({.name = std::string("P") + x.birth,
                                  .birth = kexie::Date::parse(x.birth).value(),
                                  .employer = x.employer,
                                  .external_key = x.key,
                                  .title = x.title,
                                  .discipline = x.discipline})
                      .value());
      births.push_back(days(x.birth));
    }
    const auto join = [&](std::size_t who, kexie::OrgId org, Period when) {
      reg.add_membership(p[who], org, Role::member, when).value();
      firsts.push_back(static_cast<std::uint32_t>(when.first.days()));
    };
    join(0, e1, {"2010-01-01"_date, "2010-12-31"_date});
    join(1, e1, {"2011-01-01"_date, "2012-12-31"_date});
    join(4, e2, Period::from("2015-01-01"_date));
    join(2, e1, Period::from("2013-03-03"_date));
    reg.add_expert(p[1], society, {"cryogenic-magnets"}, Period::from("2020-02-02"_date)).value();
    reg.add_link(e1, society, Period::from("2016-06-06"_date)).value();
    reg.add_training(p[2], 37, kexie::TrainingKind::general, "2023-07-07"_date).value();
    file = kexie::save_snapshot(reg).value();
  }

  /// The one offset where `needle` occurs.
  std::size_t find(const Bytes& needle) const {
    const auto at = kexie_test::find_all(file, needle);
    EXPECT_EQ(at.size(), 1u);
    return at.empty() ? 0 : at.front();
  }
};

/// Loads `file` and expects corrupt_data whose message holds every one of `parts`.
void expect_corrupt(const Bytes& file, std::initializer_list<const char*> parts) {
  const auto r = load(file);
  ASSERT_FALSE(r.ok()) << *parts.begin();
  EXPECT_EQ(r.code(), ErrorCode::corrupt_data) << r.error();
  for (const char* part : parts)
    EXPECT_NE(r.error().message().find(part), std::string::npos)
        << "\"" << part << "\" not in: " << r.error();
}

void expect_loads(const Bytes& file, const char* what) {
  const auto r = load(file);
  EXPECT_TRUE(r.ok()) << what << ": " << (r.ok() ? "" : r.error().to_string());
}

}  // namespace

TEST(SnapshotDecoder, PeopleColumnsAtTheirTablesSize) {
  const IndexFixture f;
  ASSERT_TRUE(load(f.file).ok());
  const std::size_t n = f.p.size();  // 5 people
  Bytes needle;
  kexie_test::append_le(needle, n, 8);
  for (std::uint32_t b : f.births) kexie_test::append_le(needle, b, 4);
  const std::size_t birth_block = f.find(needle);
  const std::size_t u32_block = 8 + 4 * n;
  const std::size_t name = birth_block - 2 * u32_block + 8, key = birth_block - u32_block + 8;
  const std::size_t employer = birth_block + u32_block + 8;
  const std::size_t title = employer + 4 * n + 8;
  const std::size_t discipline = title + n + 8;
  const std::size_t pool_block = discipline + 4 * n;
  const std::uint64_t pool = get_le(f.file, pool_block, 8);
  // The offsets are right: the columns hold what was saved.
  ASSERT_EQ(get_le(f.file, employer + 4 * 4, 4), f.e2.value());
  ASSERT_EQ(get_le(f.file, title + 4, 1), static_cast<std::uint64_t>(kexie::Title::senior));
  ASSERT_EQ(get_le(f.file, discipline + 4 * 4, 4), 2u);
  ASSERT_GT(pool, 10u);
  ASSERT_LT(pool, 200u);

  // Organizations are 1-based ids: 8 is E2, 9 is no organization.
  expect_corrupt(patched(f.file, employer, 9, 4),
                 {"person #1", "an employer that is not an enterprise association or proxy"});
  expect_loads(patched(f.file, employer + 4 * 3, 8, 4), "person #4 employed by E2");
  // Disciplines are 1-based codes (0 = none): 2 is "beta", 3 is none of them.
  expect_corrupt(patched(f.file, discipline, 3, 4), {"person #1", "an unknown discipline"});
  expect_loads(patched(f.file, discipline + 4 * 2, 2, 4), "person #3 in beta");
  // Titles: senior is the last.
  expect_corrupt(patched(f.file, title, static_cast<std::uint64_t>(kexie::Title::senior) + 1, 1),
                 {"person #1", "an unknown title"});
  expect_loads(patched(f.file, title + 2, static_cast<std::uint64_t>(kexie::Title::senior), 1),
               "person #3 senior");
  // Names and keys are offsets into the string pool: its size is past the end.
  for (std::size_t column : {name, key}) {
    for (std::uint64_t at : {pool, pool - 1})
      expect_corrupt(patched(f.file, column + 4 * 4, at, 4),
                     {"person #5", "a name or key outside the string pool"});
  }
}

TEST(SnapshotDecoder, TheKeyIndexAtThePeopleCount) {
  const IndexFixture f;
  // The key index (one u32 a slot, person index + 1) is the last block before
  // the memberships; its first empty slot gets person #6, one past the last.
  Bytes needle;
  kexie_test::append_le(needle, 1024, 8);
  const auto blocks = kexie_test::find_all(f.file, needle);
  ASSERT_FALSE(blocks.empty());
  std::size_t slots = 0;
  for (std::size_t at : blocks)
    if (at + 8 + 4096 <= f.file.size()) slots = at + 8;  // the last such block
  std::size_t listed = 0, empty = 0;
  for (std::size_t i = 0; i < 1024; ++i) {
    const std::uint64_t v = get_le(f.file, slots + 4 * i, 4);
    if (v != 0) ++listed;
    if (v == 0 && empty == 0) empty = slots + 4 * i;
  }
  ASSERT_EQ(listed, 4u);  // K1, K2, K3, K5
  expect_corrupt(patched(f.file, empty, 6, 4), {"the key index lists", "6"});
  // Person #4 has no key, so listing it is wrong too.
  expect_corrupt(patched(f.file, empty, 4, 4), {"the key index lists", "4"});
  // A keyed person listed a second time, and a keyed person not listed at all.
  std::size_t first_listed = 0;
  for (std::size_t i = 0; i < 1024 && first_listed == 0; ++i)
    if (get_le(f.file, slots + 4 * i, 4) != 0) first_listed = slots + 4 * i;
  const std::uint64_t twice = get_le(f.file, first_listed, 4);
  expect_corrupt(patched(f.file, empty, twice, 4),
                 {"the key index lists", std::to_string(twice).c_str()});
  expect_corrupt(patched(f.file, first_listed, 0, 4),
                 {"the key index misses", std::to_string(twice).c_str()});
}

TEST(SnapshotDecoder, MembershipColumnsAtTheirTablesSize) {
  const IndexFixture f;
  const std::size_t n = f.firsts.size();  // 4 memberships
  Bytes needle;
  kexie_test::append_le(needle, n, 8);
  for (std::uint32_t d : f.firsts) kexie_test::append_le(needle, d, 4);
  const std::size_t first_block = f.find(needle);
  const std::size_t role = first_block - (8 + n) + 8;
  const std::size_t org = role - 8 - (8 + 4 * n) + 8;
  const std::size_t person = org - 8 - (8 + 4 * n) + 8;
  ASSERT_EQ(get_le(f.file, person + 4 * 2, 4), 4u);  // membership #3 is person #5's
  ASSERT_EQ(get_le(f.file, org + 4 * 2, 4), f.e2.value());

  // People are 0-based indices here: 5 is past the last.
  expect_corrupt(patched(f.file, person + 4, 5, 4), {"membership #2", "an unknown person"});
  expect_loads(patched(f.file, person + 4, 4, 4), "membership #2 held by person #5");
  // Organizations are 1-based ids.
  expect_corrupt(patched(f.file, org, 9, 4), {"membership #1", "an unknown organization"});
  expect_loads(patched(f.file, org, 8, 4), "membership #1 in E2");
  // Roles: part_time_staff is the last.
  const auto last_role = static_cast<std::uint64_t>(kexie::Role::part_time_staff);
  expect_corrupt(patched(f.file, role, last_role + 1, 1), {"membership #1", "an unknown role"});
  expect_loads(patched(f.file, role, last_role, 1), "membership #1 part-time staff");
}

TEST(SnapshotDecoder, ReferencesOfListingsLinksTrainingAndParentsAtTheirTablesSize) {
  const IndexFixture f;
  // An expert listing: person, organization, one field, then its period.
  Bytes expert = le32s({f.p[1].value(), f.society.value()});
  kexie_test::append_le(expert, 1, 8);
  const std::size_t listing = f.find(expert);
  expect_corrupt(patched(f.file, listing, 6, 4), {"an expert listing of an unknown person"});
  expect_loads(patched(f.file, listing, 5, 4), "an expert listing of person #5");
  expect_corrupt(patched(f.file, listing + 4, 9, 4),
                 {"an expert listing of an unknown person or organization"});
  expect_loads(patched(f.file, listing + 4, 8, 4), "an expert listing at E2");

  // A link: kind (1 byte), enterprise, other, period.
  const std::size_t link = f.find(le32s({f.e1.value(), f.society.value(), days("2016-06-06")}));
  for (std::size_t side : {link, link + 4})
    expect_corrupt(patched(f.file, side, 9, 4),
                   {"a link between organizations of kinds that cannot be linked"});

  // A training record: person, hours, kind (1 byte), date.
  const std::size_t training = f.find(le32s({f.p[2].value(), 37}));
  expect_corrupt(patched(f.file, training, 6, 4),
                 {"a training record of an unknown person or without hours"});
  expect_loads(patched(f.file, training, 5, 4), "a training record of person #5");

  // The branch's parent edge: E1 from 2001-01-01; E2 (#8) may be its parent, #9 may not.
  const std::size_t edge = f.find(le32s({f.e1.value(), days("2001-01-01")}));
  expect_corrupt(patched(f.file, edge, 9, 4), {"organization #7", "a parent that does not exist"});
  expect_loads(patched(f.file, edge, 8, 4), "the branch under E2");
}

namespace {

/// A campaign whose one entry "IX-1" has judges #1–#4 of five seated, marks by
/// each on A.1 and a veto by judge #1; the offsets of its indices in the file.
struct CampaignIndexFixture {
  kexie_test::World w;
  kexie::Campaign c;
  Bytes file;
  std::size_t judges = 0;  // the panel's person ids
  std::size_t unit = 0, team = 0, enterprise = 0, seats = 0, marks = 0, veto = 0;

  CampaignIndexFixture() : c(w.registry, kexie_test::proposal_spec(w)) {
    c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
    std::vector<kexie::JudgeId> panel;
    for (std::size_t k = 0; k < 5; ++k) panel.push_back(c.add_judge(w.experts[k]).value());
    const auto e = c.add_entry(kexie_test::proposal(w, "IX-1", 0, 0)).value();
    for (std::size_t k = 0; k < 4; ++k) {
      c.assign(panel[k], e).value();
      c.mark(panel[k], e, "A.1", kexie::Decimal(80)).value();
    }
    c.veto(panel[0], e, "veto", "falsified").value();
    kexie::SnapshotView view(w.registry);
    view.add(c);
    file = kexie::save_snapshot(view).value();

    Bytes needle;
    kexie_test::append_le(needle, 5, 8);
    for (std::size_t k = 0; k < 5; ++k) kexie_test::append_le(needle, w.experts[k].value(), 4);
    judges = find(needle) + 8;
    Bytes code = le32s({4});
    for (char ch : std::string("IX-1")) code.push_back(std::byte(static_cast<unsigned char>(ch)));
    std::size_t at = find(code) + code.size();
    at += 4 + get_le(file, at, 4);  // the title
    unit = at;
    at += 4 + 1 + 1;                     // unit, category, focus
    EXPECT_EQ(get_le(file, at, 8), 1u);  // one team member
    team = at + 8;
    at = team + 4 + 9 + 4;               // person and share; in use since
    EXPECT_EQ(get_le(file, at, 8), 0u);  // no energy savings
    at += 8 + 5 * 9;                     // five decimal claims
    EXPECT_EQ(get_le(file, at, 8), 0u);  // no patents
    at += 8 + 4;                         // achievements transformed
    enterprise = at;
    at += 4;
    EXPECT_EQ(get_le(file, at, 8), 4u);  // four seats
    seats = at + 8;
    at = seats + 4 * 4;
    EXPECT_EQ(get_le(file, at, 8), 4u);  // four marks
    marks = at + 8;
    at = marks + 4 * (4 + 4 + 9);
    EXPECT_EQ(get_le(file, at, 8), 1u);  // one veto
    veto = at + 8;
    EXPECT_EQ(get_le(file, unit, 4), w.enterprises[0].value());
    EXPECT_EQ(get_le(file, veto, 4), 1u);
    EXPECT_EQ(get_le(file, veto + 4, 4), 5u);  // the veto item, the rubric's last indicator
  }

  std::size_t find(const Bytes& needle) const {
    const auto at = kexie_test::find_all(file, needle);
    EXPECT_EQ(at.size(), 1u);
    return at.empty() ? 0 : at.front();
  }
};

}  // namespace

TEST(SnapshotDecoder, CampaignIndicesAtTheirTablesSize) {
  const CampaignIndexFixture f;
  ASSERT_TRUE(load(f.file).ok());
  const auto people = static_cast<std::uint32_t>(f.w.registry.person_count());
  const auto orgs = static_cast<std::uint32_t>(f.w.registry.organization_count());
  const std::uint32_t indicators = 6;  // A, A.1, A.2, B, bonus, veto

  // The panel's people: person ids are 1-based; the last person is not a judge yet.
  const std::string past_person = "person:" + std::to_string(people + 1);
  expect_corrupt(patched(f.file, f.judges, people + 1, 4), {"judge #1", past_person.c_str()});
  expect_loads(patched(f.file, f.judges + 4 * 4, people, 4), "judge #5 is the last person");
  // The entry's unit, team member and enterprise.
  expect_corrupt(patched(f.file, f.unit, orgs + 1, 4), {"entry #1"});
  expect_corrupt(patched(f.file, f.team, people + 1, 4), {"entry #1"});
  expect_corrupt(patched(f.file, f.enterprise, orgs + 1, 4), {"entry #1"});
  // Seats, marks and the veto name judges by 1-based id: #6 is past the panel.
  expect_corrupt(patched(f.file, f.seats + 4 * 3, 6, 4), {"entry #1", "no judge:6 on the panel"});
  {
    Bytes swapped = f.file;  // judge #5 seated and marking instead of #4
    kexie_test::put_le(swapped, f.seats + 4 * 3, 5, 4);
    kexie_test::put_le(swapped, f.marks + 17 * 3, 5, 4);
    kexie_test::reseal(swapped);
    expect_loads(swapped, "judge #5 seated instead of #4");
  }
  expect_corrupt(patched(f.file, f.marks, 6, 4), {"entry #1", "no judge:6 on the panel"});
  expect_corrupt(patched(f.file, f.veto, 6, 4), {"entry #1", "no judge:6 on the panel"});
  // Indicators are 0-based indices into the rubric: #6 is past the last (the veto item).
  expect_corrupt(patched(f.file, f.marks + 4, indicators, 4),
                 {"entry #1", "indicator #6", "is not marked by judges"});
  {
    Bytes bonus = f.file;  // judge #1's mark is a 5 on the bonus item, the last marked one
    kexie_test::put_le(bonus, f.marks + 4, 4, 4);
    std::uint64_t five = 5;
    for (std::uint64_t k = get_le(bonus, f.marks + 16, 1); k > 0; --k) five *= 10;
    kexie_test::put_le(bonus, f.marks + 8, five, 8);
    kexie_test::reseal(bonus);
    expect_loads(bonus, "judge #1's mark on the bonus item");
  }
  expect_corrupt(patched(f.file, f.veto + 4, indicators, 4),
                 {"entry #1", "a veto on indicator #6, which the rubric does not have"});
}

// --- values at their limits, for mutants the scans above let through -----------------------

TEST(SnapshotDecoder, TrainingHoursAtTheirFloor) {
  // A training record needs at least one hour: 0 and -1 are refused naming the
  // rule, 1 loads.
  const IndexFixture f;
  const std::size_t hours = f.find(le32s({f.p[2].value(), 37})) + 4;
  for (std::uint64_t bad : {std::uint64_t{0}, std::uint64_t{0xFFFFFFFF}})
    expect_corrupt(patched(f.file, hours, bad, 4),
                   {"a training record of an unknown person or without hours"});
  expect_loads(patched(f.file, hours, 1, 4), "a training record of one hour");
}

TEST(SnapshotDecoder, ProgressPercentagesAtTheirBounds) {
  // Progress reports are 0–100 %: 101 and -1 are refused by the decoder's own
  // check (not only by whatever the activity book re-checks later).
  const auto content = kexie_test::make_content(3, 10, 12, 1);
  const Bytes file = kexie::save_snapshot(content.view()).value();
  const std::string text = "进展 progress";
  Bytes needle = le32s({text.size()});
  for (char ch : text) needle.push_back(std::byte(static_cast<unsigned char>(ch)));
  const auto reports = kexie_test::find_all(file, needle);
  ASSERT_FALSE(reports.empty());
  const std::size_t percent = reports.front() - 4;
  ASSERT_GE(get_le(file, percent, 4), 1u);
  ASSERT_LE(get_le(file, percent, 4), 99u);
  for (std::uint64_t bad : {std::uint64_t{101}, std::uint64_t{0xFFFFFFFF}})
    expect_corrupt(patched(file, percent, bad, 4), {"a progress percentage outside 0-100"});
}

TEST(SnapshotDecoder, AColumnOneShorterOrLongerThanItsTableIsRefusedNamingIt) {
  // Each people and membership column after the first must hold exactly as many
  // values as the first: one value fewer (the count and the bytes both cut) or
  // one more is refused with the column's name, before any value is read.
  const IndexFixture f;
  const std::size_t people = f.p.size(), memberships = f.firsts.size();
  Bytes births;
  kexie_test::append_le(births, people, 8);
  for (std::uint32_t b : f.births) kexie_test::append_le(births, b, 4);
  Bytes firsts;
  kexie_test::append_le(firsts, memberships, 8);
  for (std::uint32_t d : f.firsts) kexie_test::append_le(firsts, d, 4);
  const std::size_t birth_block = f.find(births), first_block = f.find(firsts);
  const struct {
    const char* what;
    std::size_t block;  // offset of the count
    std::size_t width;  // bytes a value
    std::size_t rows;
  } columns[] = {
      {"people: external keys", birth_block - (8 + 4 * people), 4, people},
      {"people: birth dates", birth_block, 4, people},
      {"people: employers", birth_block + (8 + 4 * people), 4, people},
      {"people: titles", birth_block + 2 * (8 + 4 * people), 1, people},
      {"people: disciplines", birth_block + 2 * (8 + 4 * people) + 8 + people, 4, people},
      {"memberships: organizations", first_block - (8 + memberships) - (8 + 4 * memberships), 4,
       memberships},
      {"memberships: roles", first_block - (8 + memberships), 1, memberships},
      {"memberships: first days", first_block, 4, memberships},
      {"memberships: last days", first_block + 8 + 4 * memberships, 4, memberships},
  };
  for (const auto& c : columns) {
    ASSERT_EQ(get_le(f.file, c.block, 8), c.rows) << c.what;
    const auto end = static_cast<std::ptrdiff_t>(c.block + 8 + c.width * c.rows);
    Bytes shorter = f.file;  // the last value cut
    kexie_test::put_le(shorter, c.block, c.rows - 1, 8);
    shorter.erase(shorter.begin() + end - static_cast<std::ptrdiff_t>(c.width),
                  shorter.begin() + end);
    kexie_test::reseal(shorter);
    const std::string cut = std::string(c.what) + ": a column of " + std::to_string(c.rows - 1) +
                            " values in a table of " + std::to_string(c.rows);
    expect_corrupt(shorter, {cut.c_str()});
    Bytes longer = f.file;  // the last value twice
    kexie_test::put_le(longer, c.block, c.rows + 1, 8);
    const Bytes last(longer.begin() + end - static_cast<std::ptrdiff_t>(c.width),
                     longer.begin() + end);
    longer.insert(longer.begin() + end, last.begin(), last.end());
    kexie_test::reseal(longer);
    const std::string extra = std::string(c.what) + ": a column of " + std::to_string(c.rows + 1) +
                              " values in a table of " + std::to_string(c.rows);
    expect_corrupt(longer, {extra.c_str()});
  }
}

namespace {

template <class E>
std::uint64_t past(E last) {
  return static_cast<std::uint64_t>(last) + 1;
}

}  // namespace

TEST(SnapshotDecoder, EveryEnumeratorOnePastItsLastIsRefusedNamingTheField) {
  // Each enumeration the decoder reads: the first value refused must be exactly
  // one past its last enumerator, with the message naming the field. Found by a
  // scan (a byte set to 255 draws "<field>: 255 is not a known value"), then the
  // lowest refused value is searched at that offset.
  using namespace kexie;
  const std::map<std::string, std::uint64_t> first_unknown = {
      {"audit record operation", past(ActivityOperation::create)},
      {"impartial operation", past(ActivityOperation::create)},
      {"operation needing a reason", past(ActivityOperation::create)},
      {"permission operation", past(ActivityOperation::create)},
      {"activity state", past(ActivityState::archived)},
      {"audit record state", past(ActivityState::archived)},
      {"activity type", past(ActivityType::secretary_general_training)},
      {"aggregation method", past(AggregationMethod::trimmed_mean)},
      {"boundary ties", past(BoundaryTies::exclude_all)},
      {"CO2 basis", past(Co2Basis::claimed)},
      {"expert rule", past(ExpertRule::off)},
      {"energy carrier", past(Carrier::steam)},
      {"entry category", past(Category::achievement_transformation)},
      {"claimed figure", past(ClaimedFigure::achievements_transformed)},
      {"band figure", past(ClaimedFigure::achievements_transformed)},
      {"prize figure", past(ClaimedFigure::achievements_transformed)},
      {"tie-break figure", past(ClaimedFigure::achievements_transformed)},
      {"eligibility rule", past(EligibilityRule::Kind::requires_focus)},
      {"grade below the bands", past(EvaluationGrade::fail)},
      {"grade", past(EvaluationGrade::fail)},
      {"grantee", past(Grantee::expert)},
      {"grid factor method", past(GridFactorMethod::fossil_only)},
      {"honour kind", past(HonourKind::other_scheme)},
      {"indicator kind", past(IndicatorKind::veto)},
      {"innovation kind", past(InnovationKind::small_creation)},
      {"link kind", past(LinkKind::factory_society)},
      {"local level", past(LocalLevel::county)},
      {"organization kind", past(OrgKind::partner)},
      {"ownership", past(Ownership::mixed)},
      {"patent status", past(PatentStatus::granted)},
      {"patent type", past(PatentType::design)},
      {"popularization event", past(PopularizationEvent::workshops_and_teams)},
      {"award tier rounding", past(Rounding::ceiling)},
      {"permission scope", past(Scope::owner)},
      {"tie-break", past(TieBreak::Kind::figure)},
      {"training kind", past(TrainingKind::general)},
      {"energy coefficient unit", past(Unit::GJ)},
      {"energy unit", past(Unit::GJ)},
      {"enterprise ownership", past(Ownership::mixed)},
      {"founding state", past(FoundingState::refused)},
      {"founding record state", past(FoundingState::refused)},
      {"founding step", past(FoundingStep::refuse)},
      {"honour kind", past(HonourKind::other_scheme)},
      {"officer role", past(OfficerRole::committee_member)},
      {"service kind", past(ServiceKind::title_evaluation)},
      {"target title", past(Title::senior)},
      {"request state", past(RequestState::withdrawn)},
      {"proposal kind", past(ProposalKind::rationalization)},
      {"proposal state", past(ProposalState::declined)},
      {"service record subject", past(ServiceCase::proposal)}};
  auto content = kexie_test::make_content(8, 20, 6, 3);
  kexie_test::add_format2_facts(content);
  kexie_test::add_format3_facts(content);
  kexie_test::add_service_desk(content);
  const Bytes file = kexie::save_snapshot(content.view()).value();
  const auto refused_enum = [&](std::size_t at, std::uint64_t v) -> std::string {
    const auto r = load(patched(file, at, v, 1));
    if (r.ok()) return {};
    const std::string& m = r.error().message();
    const std::string mark = ": " + std::to_string(v) + " is not a known value";
    const auto end = m.find(mark);
    if (end == std::string::npos) return {};
    const std::string prefix = "snapshot: ";
    return m.substr(prefix.size(), end - prefix.size());
  };
  std::map<std::string, std::size_t> where;  // field → the first offset refused as it
  for (std::size_t at = kSnapshotHeaderSize; at < file.size(); ++at) {
    if (get_le(file, at, 1) > 40) continue;
    const std::string field = refused_enum(at, 255);
    if (!field.empty()) where.emplace(field, at);
  }
  for (const auto& [field, at] : where) {
    const auto expected = first_unknown.find(field);
    if (expected == first_unknown.end()) {
      ADD_FAILURE() << "an enumeration this test does not know: \"" << field << "\"";
      continue;
    }
    std::uint64_t lowest = 0;
    while (lowest < 255 && refused_enum(at, lowest) != field) ++lowest;
    EXPECT_EQ(lowest, expected->second) << field;
  }
  // The content has all of these (no patents, energy claims, tie-breaks or eligibility rules).
  for (const char* field : {"audit record operation",
                            "impartial operation",
                            "operation needing a reason",
                            "permission operation",
                            "activity state",
                            "audit record state",
                            "activity type",
                            "aggregation method",
                            "boundary ties",
                            "entry category",
                            "indicator kind",
                            "grade below the bands",
                            "organization kind",
                            "local level",
                            "ownership",
                            "link kind",
                            "training kind",
                            "award tier rounding",
                            "permission scope",
                            "grantee",
                            "enterprise ownership",
                            "founding state",
                            "founding record state",
                            "founding step",
                            "service kind",
                            "request state",
                            "proposal kind",
                            "proposal state",
                            "service record subject"})
    EXPECT_TRUE(where.count(field)) << "no field refused as \"" << field << "\"";
}
