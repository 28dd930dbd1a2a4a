// Tests for kexie/snapshot.hpp: randomized registries, activity books and
// campaigns survive a save and a load unchanged (digests, audit trails, scores)
// and save again to the same bytes; every kind of damage to a file — truncation,
// bit flips, a lying header, a payload that hashes right but is garbage — is
// refused with the documented code and never crashes; a save that fails at any
// file operation leaves the previous file byte-identical and no temporary file
// behind; the saved file gets the requested permission bits whatever the umask;
// and a process killed at random moments while saving always leaves either no
// file or a complete one.
#include "kexie/snapshot.hpp"
#include "kexie/sys/file_ops.hpp"

#include <gtest/gtest.h>
#include <openssl/sha.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "kexie/literals.hpp"
#include "support/files.hpp"
#include "support/snapshot_world.hpp"

using namespace kexie::literals;

namespace fs = std::filesystem;
using kexie::ErrorCode;
using Bytes = std::vector<std::byte>;

namespace {

constexpr std::size_t kHeaderSize = 72;

Bytes save(const kexie::SnapshotView& view) { return kexie::save_snapshot(view).value(); }

kexie::Result<kexie::Snapshot> load(const Bytes& bytes, std::size_t size) {
  return kexie::load_snapshot(std::span<const std::byte>(bytes.data(), size));
}
kexie::Result<kexie::Snapshot> load(const Bytes& bytes) { return load(bytes, bytes.size()); }

using kexie_test::read_file;
using kexie_test::write_file;

/// A fresh, empty directory for one test.
fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) /
                       ("kexie-snapshot-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// --- the frame, rewritten by hand ------------------------------------------------------

std::uint64_t get_u64(const Bytes& b, std::size_t at) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = v << 8 | std::to_integer<std::uint64_t>(b[at + std::size_t(i)]);
  return v;
}
void put_le(Bytes& b, std::size_t at, std::uint64_t v, int width) {
  for (int i = 0; i < width; ++i) b[at + std::size_t(i)] = std::byte(v >> (8 * i) & 0xff);
}

/// Recomputes the payload length and hash for the bytes after the header.
void reseal_payload(Bytes& b) {
  put_le(b, 24, b.size() - kHeaderSize, 8);
  SHA256(reinterpret_cast<const unsigned char*>(b.data() + kHeaderSize), b.size() - kHeaderSize,
         reinterpret_cast<unsigned char*>(b.data() + 32));
}
/// Recomputes the header check over bytes [0, 64).
void reseal_header(Bytes& b) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(b.data()), 64, digest);
  std::memcpy(b.data() + 64, digest, 8);
}

/// `frame`'s header around `payload`, both hashes recomputed.
Bytes with_payload(const Bytes& frame, const Bytes& payload) {
  Bytes b(frame.begin(), frame.begin() + kHeaderSize);
  b.insert(b.end(), payload.begin(), payload.end());
  reseal_payload(b);
  reseal_header(b);
  return b;
}

// --- a payload with right hashes but memberships the API refuses -------------------------

/// A registry with seven memberships, each rule's violation one patched field
/// away: #1/#2 the same role in the same enterprise association in 2010 and
/// 2012, #3/#4 two enterprise associations in 2010 and 2012, #5/#6 two
/// secretaries-general of one association in 2010 and 2012, #7 a branch
/// membership backed by #1 (2010).
struct MembershipFixture {
  // P1 moves from E1 to E2 in 2012, a change of employer the registry does not
  // model (Person::employer is one fact): the tie to the employer is off here.
  kexie::Registry reg{[] {
    kexie::Policy loose;
    loose.employer_tied_membership = false;
    return loose;
  }()};
  kexie::OrgId city, e1, e2, branch;
  std::vector<kexie::Period> periods;

  MembershipFixture() {
    using kexie::OrgKind;
    using kexie::Role;
    const auto cast =
        reg.add_organization(
               {.kind = OrgKind::national, .name = "CAST", .effective = "1958-09-18"_date})
            .value();
    const auto province = reg.add_organization({.kind = OrgKind::local,
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
    const auto enterprise = [&](const char* name) {
      return reg
          .add_organization({.kind = OrgKind::enterprise,
                             .name = name,
                             .parent = city,
                             .effective = "2000-01-01"_date,
                             .enterprise = {.enterprise_name = name}})
          .value();
    };
    e1 = enterprise("E1");
    e2 = enterprise("E2");
    branch = reg.add_organization({.kind = OrgKind::branch,
                                   .name = "B1",
                                   .parent = e1,
                                   .effective = "2001-01-01"_date})
                 .value();
    std::vector<kexie::PersonId> p;
    for (int i = 0; i < 4; ++i)
      p.push_back(
          reg.add_person(
                 {.name = "P" + std::to_string(i), .birth = "1980-01-01"_date, .employer = e1})
              .value());
    const kexie::Period y2010{"2010-01-01"_date, "2010-12-31"_date};
    const kexie::Period y2012{"2012-01-01"_date, "2012-12-31"_date};
    const auto join = [&](kexie::PersonId who, kexie::OrgId org, Role role, kexie::Period when) {
      (void)reg.add_membership(who, org, role, when).value();
      periods.push_back(when);
    };
    join(p[0], e1, Role::member, y2010);
    join(p[0], e1, Role::member, y2012);
    join(p[1], e1, Role::member, y2010);
    join(p[1], e2, Role::member, y2012);
    join(p[2], e1, Role::secretary_general, y2010);
    join(p[3], e1, Role::secretary_general, y2012);
    join(p[0], branch, Role::member, y2010);
  }
};

/// Where the memberships' columns lie in a payload: found by the first-day
/// column (its count, then each first day), which must occur exactly once.
struct MembershipColumns {
  std::size_t org = 0, first = 0, last = 0;  // offsets of element 0 in the file

  MembershipColumns(const Bytes& file, const std::vector<kexie::Period>& periods) {
    const std::size_t n = periods.size();
    Bytes needle(8 + 4 * n);
    put_le(needle, 0, n, 8);
    for (std::size_t i = 0; i < n; ++i)
      put_le(needle, 8 + 4 * i, static_cast<std::uint32_t>(periods[i].first.days()), 4);
    auto at = std::search(file.begin() + kHeaderSize, file.end(), needle.begin(), needle.end());
    EXPECT_NE(at, file.end());
    EXPECT_EQ(std::search(at + 1, file.end(), needle.begin(), needle.end()), file.end());
    const auto block = static_cast<std::size_t>(at - file.begin());
    first = block + 8;
    last = first + 4 * n + 8;
    const std::size_t role_block = block - (8 + n);  // one byte a role
    org = role_block - (8 + 4 * n) + 8;
  }
};

/// `file` with the 32-bit field at `at` set to `value`, both hashes recomputed.
Bytes patched(Bytes file, std::size_t at, std::uint32_t value) {
  put_le(file, at, value, 4);
  reseal_payload(file);
  reseal_header(file);
  return file;
}

void expect_refused(const Bytes& file, const std::string& rule) {
  auto r = load(file);
  ASSERT_FALSE(r.ok()) << rule;
  EXPECT_EQ(r.code(), ErrorCode::corrupt_data) << r.error();
  EXPECT_NE(r.error().message().find(rule), std::string::npos) << r.error();
}

TEST(Snapshot, LoadRefusesMembershipsTheRegistryWouldRefuse) {
  const MembershipFixture f;
  const Bytes file = save(f.reg);
  const MembershipColumns at(file, f.periods);
  const auto days = [](kexie::Date date) { return static_cast<std::uint32_t>(date.days()); };
  // The unpatched file loads, and a patch that keeps every rule loads too: the
  // offsets are right, so each refusal below is the rule's.
  ASSERT_TRUE(load(file).ok()) << load(file).error();
  ASSERT_TRUE(load(patched(file, at.last + 4 * 6, days("2010-06-30"_date))).ok());

  // #3 moved from E1 to the local association Hangzhou: people do not join it.
  expect_refused(patched(file, at.org + 4 * 2, f.city.value()), "membership.org_kind");
  // #2 starts inside #1: the same role in the same association twice at once.
  expect_refused(patched(file, at.first + 4 * 1, days("2010-06-01"_date)), "membership.unique");
  // #4 (E2) starts inside #3 (E1): two enterprise associations at once.
  expect_refused(patched(file, at.first + 4 * 3, days("2010-06-01"_date)),
                 "membership.single_enterprise");
  // #6 starts inside #5: two secretaries-general of E1 at once.
  expect_refused(patched(file, at.first + 4 * 5, days("2010-06-01"_date)),
                 "membership.single_secretary_general");
  // #7 (the branch) runs past #1 (E1) into 2011, when its holder is not in E1.
  expect_refused(patched(file, at.last + 4 * 6, days("2011-06-30"_date)), "membership.nested");
  // #1 (E1) ends in March, while the branch membership #7 it backs runs all 2010.
  expect_refused(patched(file, at.last + 4 * 0, days("2010-03-31"_date)), "membership.nested");
}

/// The offset of the only occurrence of the little-endian 32-bit `days` of each
/// date in `dates`, one after the other, in `file`'s payload.
std::size_t only_at(const Bytes& file, std::initializer_list<kexie::Date> dates) {
  Bytes needle(4 * dates.size());
  std::size_t i = 0;
  for (kexie::Date d : dates) put_le(needle, 4 * i++, static_cast<std::uint32_t>(d.days()), 4);
  const auto at = std::search(file.begin() + kHeaderSize, file.end(), needle.begin(), needle.end());
  EXPECT_NE(at, file.end());
  EXPECT_EQ(std::search(at + 1, file.end(), needle.begin(), needle.end()), file.end());
  return static_cast<std::size_t>(at - file.begin());
}

TEST(Snapshot, LoadRefusesAppointmentsAndHonoursTheRegistryWouldRefuse) {
  MembershipFixture f;
  const auto officer =
      f.reg.add_person({.name = "Officer", .birth = "1970-01-01"_date, .employer = f.e1}).value();
  (void)f.reg
      .appoint({.person = officer,
                .org = f.city,
                .role = kexie::OfficerRole::chair,
                .period = {"2011-03-03"_date, "2011-09-09"_date}})
      .value();
  for (kexie::Date d : {"2011-04-04"_date, "2011-05-05"_date})
    (void)f.reg
        .record_honour({.kind = kexie::HonourKind::advanced_unit,
                        .organization = f.e1,
                        .grantor = f.city,
                        .title = "先进单位",
                        .date = d})
        .value();
  const Bytes file = save(f.reg);
  const auto days = [](kexie::Date date) { return static_cast<std::uint32_t>(date.days()); };
  const std::size_t appointment = only_at(file, {"2011-03-03"_date, "2011-09-09"_date});
  const std::size_t second_date = only_at(file, {"2011-05-05"_date});
  // The unpatched file loads, and patches that keep every rule load too: the
  // offsets are right, so each refusal below is the rule's.
  ASSERT_TRUE(load(file).ok()) << load(file).error();
  ASSERT_TRUE(load(patched(file, second_date, days("2011-06-06"_date))).ok());
  ASSERT_TRUE(load(patched(file, appointment - 5, f.city.value() - 1)).ok());  // the province

  // The appointment (person, org, one-byte role, period) moved to the enterprise
  // association E1, which appoints no officers.
  expect_refused(patched(file, appointment - 5, f.e1.value()), "appointment.org_kind");
  // The second honour's date set to the first's: the same honour twice.
  expect_refused(patched(file, second_date, days("2011-04-04"_date)), "honour.unique");
}

TEST(Snapshot, MembershipsLoadAsRecordedUnderTheEmployerTie) {
  // docs/formats.md: `membership.employer` binds memberships as they are added; a
  // snapshot's memberships load as recorded (a file saved before the rule existed,
  // under the same format, keeps loading), with the tie the file records.
  const kexie::Policy loose = [] {
    kexie::Policy p;
    p.employer_tied_membership = false;
    return p;
  }();
  const kexie_test::World loose_plain{loose}, tied_plain{};
  kexie_test::World outsider{loose};  // someone employed by enterprise 1 joins enterprise 0
  const kexie::PersonId who =
      outsider.registry
          .add_person(
              {.name = "外人", .birth = "1990-01-01"_date, .employer = outsider.enterprises[1]})
          .value();
  outsider.registry
      .add_membership(who, outsider.enterprises[0], kexie::Role::vice_chair,
                      kexie::Period::from("2020-01-01"_date))
      .value();
  // The tie's byte: the only payload byte in which two files differ that differ
  // in nothing but the tie; it lies as far from the end in the file with the
  // outsider (only the people and memberships before it are longer).
  const Bytes off = save(loose_plain.registry);
  const Bytes on = save(tied_plain.registry);
  ASSERT_EQ(off.size(), on.size());
  std::vector<std::size_t> differ;
  for (std::size_t i = kHeaderSize; i < off.size(); ++i)
    if (off[i] != on[i]) differ.push_back(i);
  ASSERT_EQ(differ.size(), 1u);
  Bytes file = save(outsider.registry);
  const std::size_t flag = differ[0] + (file.size() - off.size());
  ASSERT_EQ(file[flag], std::byte{0});
  file[flag] = std::byte{1};
  reseal_payload(file);
  reseal_header(file);

  auto loaded = load(file);
  ASSERT_TRUE(loaded.ok()) << loaded.error();
  kexie::Registry& reg = loaded->registry();
  EXPECT_TRUE(reg.policy().employer_tied_membership);
  const auto kept = reg.memberships_of(who);
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(reg.membership(kept.front()).value().org, outsider.enterprises[0]);
  // The rule binds what is added after the load.
  const std::string before = reg.digest();
  auto refused = reg.add_membership(outsider.staff[1][1], outsider.enterprises[0],
                                    kexie::Role::member, kexie::Period::from("2021-01-01"_date));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().rule(), "membership.employer");
  EXPECT_EQ(reg.digest(), before);
}

// --- comparisons ---------------------------------------------------------------------

void expect_same(const kexie_test::SnapshotContent& original, const kexie::Snapshot& loaded) {
  EXPECT_EQ(loaded.registry().digest(), original.world->registry.digest());
  EXPECT_EQ(loaded.registry().person_count(), original.world->registry.person_count());
  EXPECT_EQ(loaded.registry().organization_count(), original.world->registry.organization_count());

  ASSERT_EQ(loaded.activity_books().size(), 1u);
  const kexie::ActivityBook& book = loaded.activity_books()[0];
  const auto want = original.book->audit_trail();
  const auto got = book.audit_trail();
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i], want[i]) << "audit record " << i;
  EXPECT_EQ(book.chain_head(), original.book->chain_head());
  EXPECT_TRUE(book.verify_audit().ok()) << book.verify_audit().message;
  EXPECT_EQ(book.size(), original.book->size());
  for (kexie::ActivityId id : original.activities) {
    ASSERT_NE(book.find(id), nullptr);
    EXPECT_EQ(*book.find(id), *original.book->find(id));
  }

  ASSERT_EQ(loaded.campaigns().size(), 1u);
  const kexie::Campaign& campaign = loaded.campaigns()[0];
  EXPECT_EQ(campaign.entry_count(), original.campaign->entry_count());
  EXPECT_EQ(campaign.judge_count(), original.campaign->judge_count());
  EXPECT_EQ(campaign.spec().name, original.campaign->spec().name);
  EXPECT_EQ(campaign.score().value().digest(), original.campaign->score().value().digest());
}

// --- round trip ----------------------------------------------------------------------

class SnapshotRoundTrip : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(SnapshotRoundTrip, BufferAndFileGiveBackEverything) {
  const auto content = kexie_test::make_content(GetParam(), 300, 8, 10);
  const auto& book = *content.book;
  // The content is what the test claims: refusals in the trail, a veto in the campaign.
  ASSERT_TRUE(std::any_of(book.audit_trail().begin(), book.audit_trail().end(),
                          [](const kexie::AuditRecord& r) { return r.security_event; }));
  const kexie::Scoreboard board = content.campaign->score().value();
  ASSERT_TRUE(std::any_of(board.entries.begin(), board.entries.end(),
                          [](const auto& e) { return e.status == kexie::EntryStatus::vetoed; }));

  const Bytes bytes = save(content.view());
  const fs::path dir = fresh_dir("roundtrip");
  const fs::path path = dir / "all.kxs";
  ASSERT_TRUE(kexie::save_snapshot(content.view(), path).ok());
  EXPECT_EQ(read_file(path), bytes) << "the file holds what the buffer form returns";

  auto from_buffer = load(bytes);
  ASSERT_TRUE(from_buffer.ok()) << from_buffer.error();
  expect_same(content, *from_buffer);
  auto from_file = kexie::load_snapshot(path);
  ASSERT_TRUE(from_file.ok()) << from_file.error();
  expect_same(content, *from_file);

  // Deterministic: the loaded snapshot saves to the very same bytes, twice.
  EXPECT_EQ(save(*from_buffer), bytes);
  EXPECT_EQ(save(*from_file), bytes);
  EXPECT_EQ(save(content.view()), bytes);
  fs::remove_all(dir);
}

TEST_P(SnapshotRoundTrip, LoadedContentKeepsWorking) {
  auto content = kexie_test::make_content(GetParam(), 50, 4, 4);
  kexie::Snapshot snap = load(save(content.view())).value();
  // The loaded book is bound to the loaded registry: a new activity extends the
  // chain exactly as it extends the original's.
  auto plan = content.book->find(content.activities[0])->plan;
  plan.title = "after the load";
  const kexie::Actor owner{plan.responsible};
  const kexie::Timestamp at = kexie_test::minute(100'000);
  auto id = snap.activity_books()[0].create(owner, at, plan, "new");
  ASSERT_TRUE(id.ok()) << id.error();
  ASSERT_TRUE(content.book->create(owner, at, plan, "new").ok());
  EXPECT_EQ(snap.activity_books()[0].chain_head(), content.book->chain_head());
  EXPECT_TRUE(snap.activity_books()[0].verify_audit().ok());
  // The registry keeps enforcing its rules: the same key at the same employer is taken.
  const kexie::Person someone = snap.registry().person(kexie::PersonId{1}).value();
  auto again = snap.registry().add_person({.name = "dup",
                                           .birth = someone.birth,
                                           .employer = someone.employer,
                                           .external_key = someone.external_key});
  EXPECT_EQ(again.code(), ErrorCode::already_exists);
  // The loaded campaign reads the loaded registry and scores as the original does.
  EXPECT_EQ(snap.campaigns()[0].score().value().digest(),
            content.campaign->score().value().digest());
}

INSTANTIATE_TEST_SUITE_P(Seeds, SnapshotRoundTrip, ::testing::Values(1u, 2u, 3u, 20240917u));

TEST(Snapshot, RegistryAloneAndEmptyRegistry) {
  const kexie::Registry empty;
  const Bytes e = save(empty);
  auto back = load(e);
  ASSERT_TRUE(back.ok()) << back.error();
  EXPECT_EQ(back->registry().digest(), empty.digest());
  EXPECT_TRUE(back->activity_books().empty());
  EXPECT_TRUE(back->campaigns().empty());

  const kexie_test::World w;
  auto alone = load(save(w.registry));
  ASSERT_TRUE(alone.ok()) << alone.error();
  EXPECT_EQ(alone->registry().digest(), w.registry.digest());
}

TEST(Snapshot, FrameHeaderIsTheDocumentedOne) {
  const Bytes b = save(kexie_test::kill_state(3));
  ASSERT_GE(b.size(), kHeaderSize);
  const unsigned char magic[8] = {0x89, 'K', 'X', 'S', 'N', 'A', 'P', '\n'};
  EXPECT_EQ(std::memcmp(b.data(), magic, 8), 0);
  EXPECT_EQ(std::to_integer<int>(b[8]) | std::to_integer<int>(b[9]) << 8,
            kexie::kSnapshotFormatVersion);
  EXPECT_EQ(std::to_integer<int>(b[10]) | std::to_integer<int>(b[11]) << 8, 0);
  std::uint32_t bom = 0;
  std::memcpy(&bom, b.data() + 12, 4);
  EXPECT_EQ(bom, 0x01020304u);
  EXPECT_EQ(get_u64(b, 24), b.size() - kHeaderSize);
  Bytes resealed = b;
  reseal_payload(resealed);
  reseal_header(resealed);
  EXPECT_EQ(resealed, b) << "both hashes are SHA-256 as documented";
}

TEST(Snapshot, CampaignLoadsAfterTheRegistryHistoryWasAmended) {
  // A judge marks an entry, then the registry learns (backdated) that the judge
  // joined the entry's enterprise association before the campaign's as-of day.
  // Marking now would be refused as a conflict of interest, yet the saved marks
  // were recorded legitimately: the snapshot must load them as they are, while
  // new assignments in the loaded campaign still get the conflict check. The
  // judge is employed by another enterprise, so the tie to the employer is off.
  kexie::Policy loose;
  loose.employer_tied_membership = false;
  kexie_test::World w{loose};
  kexie::Campaign c(w.registry, kexie_test::proposal_spec(w));
  c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
  std::vector<kexie::JudgeId> judges;
  for (std::size_t k = 0; k < 3; ++k) judges.push_back(c.add_judge(w.experts[k]).value());
  const kexie::EntryId entry = c.add_entry(kexie_test::proposal(w, "P-1", 0, 0)).value();
  for (kexie::JudgeId j : judges) {
    c.assign(j, entry).value();
    for (const char* code : {"A.1", "A.2"}) c.mark(j, entry, code, kexie::Decimal(80)).value();
  }
  const kexie::PersonId moved = w.experts[0];
  const kexie::MembershipId old = w.registry.memberships_of(moved).front();
  w.registry.end_membership(old, "2019-12-31"_date).value();
  w.registry
      .add_membership(moved, w.enterprises[0], kexie::Role::member,
                      kexie::Period::from("2020-01-01"_date))
      .value();
  const kexie::EntryId second = c.add_entry(kexie_test::proposal(w, "P-2", 0, 1)).value();
  ASSERT_EQ(c.assign(judges[0], second).code(), ErrorCode::conflict_of_interest);

  auto loaded = load(save(kexie::SnapshotView(w.registry).add(c)));
  ASSERT_TRUE(loaded.ok()) << loaded.error();
  kexie::Campaign& again = loaded->campaigns()[0];
  EXPECT_EQ(again.judges_of(entry), judges);
  EXPECT_EQ(again.score().value().digest(), c.score().value().digest());
  const kexie::Status refused = again.assign(judges[0], second);
  EXPECT_EQ(refused.code(), ErrorCode::conflict_of_interest);
  EXPECT_EQ(refused.error().rule(), "panel.conflict");
  EXPECT_TRUE(again.judges_of(second).empty());
}

TEST(Snapshot, LoadRefusesCampaignFactsTheRecordStepsRefuse) {
  // A load re-records each entry through the structural checks of add_entry,
  // assign, mark_all and veto: a resealed file whose facts break one is refused.
  kexie_test::World w;
  kexie::Campaign c(w.registry, kexie_test::proposal_spec(w));
  c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
  std::vector<kexie::JudgeId> judges;
  for (std::size_t k = 0; k < 3; ++k) judges.push_back(c.add_judge(w.experts[k]).value());
  const kexie::EntryId entry = c.add_entry(kexie_test::proposal(w, "P-1", 0, 0)).value();
  for (kexie::JudgeId j : judges) c.assign(j, entry).value();
  c.mark(judges[0], entry, "A.1", "87.5"_dec).value();
  c.mark(judges[1], entry, "A.1", kexie::Decimal(60)).value();
  const std::string reason = "copied from a 2019 entry";
  c.veto(judges[2], entry, "veto", reason).value();
  const Bytes file = save(kexie::SnapshotView(w.registry).add(c));
  ASSERT_TRUE(load(file).ok()) << load(file).error();

  const auto find_once = [&](const Bytes& needle) {
    auto at = std::search(file.begin() + kHeaderSize, file.end(), needle.begin(), needle.end());
    EXPECT_NE(at, file.end());
    EXPECT_EQ(std::search(at + 1, file.end(), needle.begin(), needle.end()), file.end());
    return static_cast<std::size_t>(at - file.begin());
  };
  const auto resealed = [](Bytes b) {
    reseal_payload(b);
    reseal_header(b);
    return b;
  };
  // The assigned judges: their count, then each id.
  Bytes seats(8 + 4 * judges.size());
  put_le(seats, 0, judges.size(), 8);
  for (std::size_t k = 0; k < judges.size(); ++k) put_le(seats, 8 + 4 * k, judges[k].value(), 4);
  const std::size_t seat = find_once(seats) + 8;
  // The mark 87.5, saved at 4 places: coefficient 875000, scale 4.
  Bytes mark(9);
  put_le(mark, 0, 875000, 8);
  put_le(mark, 8, 4, 1);
  const std::size_t coefficient = find_once(mark);
  // The veto's reason: its length, then its bytes.
  Bytes text(4 + reason.size());
  put_le(text, 0, reason.size(), 4);
  std::memcpy(text.data() + 4, reason.data(), reason.size());
  const std::size_t said = find_once(text);

  Bytes twice = file;  // the second judge's seat given to the first: seated twice
  put_le(twice, seat + 4, judges[0].value(), 4);
  expect_refused(resealed(twice), "panel.assignment");
  Bytes off_step = file;  // 87.3 on a scale of step 0.5
  put_le(off_step, coefficient, 873000, 8);
  expect_refused(resealed(off_step), "panel.mark_step");
  Bytes off_scale = file;  // 100.5 on a scale of 0 to 100
  put_le(off_scale, coefficient, 1005000, 8);
  expect_refused(resealed(off_scale), "panel.mark_scale");
  Bytes unexplained = file;  // the veto's reason cut to nothing
  put_le(unexplained, said, 0, 4);
  unexplained.erase(unexplained.begin() + static_cast<std::ptrdiff_t>(said + 4),
                    unexplained.begin() + static_cast<std::ptrdiff_t>(said + 4 + reason.size()));
  expect_refused(resealed(unexplained), "a veto needs a reason");
}

TEST(Snapshot, SaveRefusesBooksAndCampaignsOfAnotherRegistry) {
  const auto a = kexie_test::make_content(5, 5, 1, 1);
  const kexie_test::World other;
  kexie::SnapshotView with_book(other.registry);
  with_book.add(*a.book);
  EXPECT_EQ(kexie::save_snapshot(with_book).code(), ErrorCode::invalid_argument);
  kexie::SnapshotView with_campaign(other.registry);
  with_campaign.add(*a.campaign);
  EXPECT_EQ(kexie::save_snapshot(with_campaign).code(), ErrorCode::invalid_argument);
  const fs::path dir = fresh_dir("foreign");
  EXPECT_EQ(kexie::save_snapshot(with_book, dir / "x.kxs").code(), ErrorCode::invalid_argument);
  EXPECT_FALSE(fs::exists(dir / "x.kxs"));
  fs::remove_all(dir);
}

// --- damage ----------------------------------------------------------------------------

/// A small but complete snapshot: a registry, a book and a campaign, a few KB.
const Bytes& small_snapshot() {
  static const Bytes bytes = save(kexie_test::make_content(7, 8, 3, 3).view());
  return bytes;
}

TEST(SnapshotDamage, SmallSnapshotIsSmallAndLoads) {
  const Bytes& b = small_snapshot();
  EXPECT_LT(b.size(), 16'384u);  // keeps the every-offset and every-bit tests quick
  EXPECT_TRUE(load(b).ok());
}

TEST(SnapshotDamage, EveryTruncationIsCorrupt) {
  const Bytes& b = small_snapshot();
  for (std::size_t n = 0; n < b.size(); ++n) {
    auto r = load(b, n);
    ASSERT_FALSE(r.ok()) << "truncated to " << n << " bytes";
    ASSERT_EQ(r.code(), ErrorCode::corrupt_data) << n << ": " << r.error();
  }
}

TEST(SnapshotDamage, EverySingleBitFlipIsCorrupt) {
  Bytes b = small_snapshot();
  for (std::size_t i = 0; i < b.size() * 8; ++i) {
    const std::byte mask{static_cast<unsigned char>(1u << (i % 8))};
    b[i / 8] ^= mask;
    auto r = load(b);
    b[i / 8] ^= mask;
    ASSERT_FALSE(r.ok()) << "bit " << i % 8 << " of byte " << i / 8;
    ASSERT_EQ(r.code(), ErrorCode::corrupt_data) << "byte " << i / 8 << ": " << r.error();
  }
}

TEST(SnapshotDamage, SampledBitFlipsOfALargeFileAreCorrupt) {
  static const auto content = kexie_test::make_content(11, 12'000, 20, 12);
  Bytes b = save(content.view());
  ASSERT_GT(b.size(), 1'000'000u) << "the sample is meant for a file of about a megabyte";
  std::mt19937_64 rng(99);
  std::uniform_int_distribution<std::size_t> bit(0, b.size() * 8 - 1);
  for (int k = 0; k < 10'000; ++k) {
    const std::size_t i = bit(rng);
    const std::byte mask{static_cast<unsigned char>(1u << (i % 8))};
    b[i / 8] ^= mask;
    auto r = load(b);
    b[i / 8] ^= mask;
    ASSERT_EQ(r.code(), ErrorCode::corrupt_data) << "byte " << i / 8;
  }
}

TEST(SnapshotDamage, TrailingBytesAreCorrupt) {
  Bytes b = small_snapshot();
  b.push_back(std::byte{0});
  EXPECT_EQ(load(b).code(), ErrorCode::corrupt_data);
}

TEST(SnapshotDamage, NewerVersionIsUnsupported) {
  Bytes b = small_snapshot();
  put_le(b, 8, kexie::kSnapshotFormatVersion + 1, 2);
  reseal_header(b);
  auto r = load(b);
  EXPECT_EQ(r.code(), ErrorCode::unsupported_version) << (r ? "" : r.error().to_string());
  // Without the recomputed header check, the same edit is damage.
  Bytes unsealed = small_snapshot();
  put_le(unsealed, 8, kexie::kSnapshotFormatVersion + 1, 2);
  EXPECT_EQ(load(unsealed).code(), ErrorCode::corrupt_data);
}

TEST(SnapshotDamage, OtherByteOrderOrWidthsAreUnsupported) {
  Bytes swapped = small_snapshot();
  std::reverse(swapped.begin() + 12, swapped.begin() + 16);
  reseal_header(swapped);
  EXPECT_EQ(load(swapped).code(), ErrorCode::unsupported_version);
  Bytes wider = small_snapshot();
  wider[16] = std::byte(std::to_integer<int>(wider[16]) * 2);
  reseal_header(wider);
  EXPECT_EQ(load(wider).code(), ErrorCode::unsupported_version);
}

TEST(SnapshotDamage, PayloadThatHashesRightButIsGarbageIsRefused) {
  const Bytes& b = small_snapshot();
  std::mt19937_64 rng(3);
  for (std::size_t n :
       {std::size_t{1}, std::size_t{16}, std::size_t{1000}, b.size() - kHeaderSize}) {
    Bytes garbage(n);
    for (std::byte& x : garbage) x = std::byte(rng() & 0xff);
    auto r = load(with_payload(b, garbage));
    ASSERT_FALSE(r.ok()) << n << " random bytes";
    // The first thing decoded is a record's class version; a random one is far
    // beyond any kexie's (above 255), which the loader calls damage rather than
    // a newer writer.
    EXPECT_EQ(r.code(), ErrorCode::corrupt_data) << n << " random bytes: " << r.error();
  }
  // Zeros decode as version 0, which no kexie ever wrote.
  EXPECT_EQ(load(with_payload(b, Bytes(4096))).code(), ErrorCode::corrupt_data);
  // The real payload with its second half replaced by zeros: versions intact, content not.
  Bytes half(b.begin() + kHeaderSize, b.end());
  std::fill(half.begin() + std::ptrdiff_t(half.size() / 2), half.end(), std::byte{0});
  EXPECT_EQ(load(with_payload(b, half)).code(), ErrorCode::corrupt_data);
}

TEST(SnapshotDamage, EveryResealedPayloadTruncationIsCorrupt) {
  // The hashes agree, so only the payload decoder stands between a truncated
  // archive and the caller: every prefix must be refused.
  const Bytes& b = small_snapshot();
  const Bytes payload(b.begin() + kHeaderSize, b.end());
  for (std::size_t n = 0; n < payload.size(); ++n) {
    auto r = load(with_payload(b, Bytes(payload.begin(), payload.begin() + std::ptrdiff_t(n))));
    ASSERT_EQ(r.code(), ErrorCode::corrupt_data) << "payload cut to " << n << " bytes";
  }
  Bytes longer = payload;
  longer.push_back(std::byte{0});
  EXPECT_EQ(load(with_payload(b, longer)).code(), ErrorCode::corrupt_data)
      << "bytes after the archive";
}

TEST(SnapshotDamage, ResealedPayloadBitFlipsNeverCrash) {
  // A flipped payload bit with matching hashes may still decode (a changed name);
  // whatever it gives must be a refusal with a documented code or a snapshot that
  // saves and loads back.
  const Bytes& b = small_snapshot();
  Bytes payload(b.begin() + kHeaderSize, b.end());
  std::mt19937_64 rng(5);
  std::uniform_int_distribution<std::size_t> bit(0, payload.size() * 8 - 1);
  std::map<ErrorCode, int> outcomes;
  for (int k = 0; k < 1500; ++k) {
    const std::size_t i = bit(rng);
    const std::byte mask{static_cast<unsigned char>(1u << (i % 8))};
    payload[i / 8] ^= mask;
    auto r = load(with_payload(b, payload));
    payload[i / 8] ^= mask;
    ++outcomes[r.code()];
    if (r.ok()) {
      auto again = kexie::save_snapshot(*r);
      ASSERT_TRUE(again.ok()) << "a loaded snapshot saves: bit " << i;
      ASSERT_TRUE(load(*again).ok()) << "and loads back: bit " << i;
    } else {
      ASSERT_TRUE(r.code() == ErrorCode::corrupt_data || r.code() == ErrorCode::unsupported_version)
          << "bit " << i << ": " << r.error();
    }
  }
  EXPECT_GT(outcomes[ErrorCode::corrupt_data], 0);
}

TEST(SnapshotDamage, LengthBeyondTheBufferIsCorrupt) {
  for (std::uint64_t claim : {std::uint64_t{1}, std::uint64_t{1} << 32, ~std::uint64_t{0}}) {
    Bytes b = small_snapshot();
    put_le(b, 24, b.size() - kHeaderSize + claim, 8);
    reseal_header(b);
    EXPECT_EQ(load(b).code(), ErrorCode::corrupt_data) << "claims " << claim << " more bytes";
  }
}

TEST(SnapshotDamage, EmptyAndHeaderOnlyBuffersAreCorrupt) {
  EXPECT_EQ(load(Bytes{}).code(), ErrorCode::corrupt_data);
  const Bytes& b = small_snapshot();
  EXPECT_EQ(load(Bytes(b.begin(), b.begin() + kHeaderSize)).code(), ErrorCode::corrupt_data);
  EXPECT_EQ(load(with_payload(b, {})).code(), ErrorCode::corrupt_data);
  EXPECT_EQ(load(Bytes(kHeaderSize + 100)).code(), ErrorCode::corrupt_data);
}

TEST(SnapshotFile, UnreadableFilesAreIoErrors) {
  const fs::path dir = fresh_dir("unreadable");
  auto missing = kexie::load_snapshot(dir / "missing.kxs");
  EXPECT_EQ(missing.code(), ErrorCode::io_error);
  EXPECT_EQ(kexie::load_snapshot(dir).code(), ErrorCode::io_error) << "a directory";
  // A readable file with damaged content is corrupt, not an I/O error.
  Bytes b = small_snapshot();
  b.resize(b.size() / 2);
  write_file(dir / "half.kxs", b);
  EXPECT_EQ(kexie::load_snapshot(dir / "half.kxs").code(), ErrorCode::corrupt_data);
  fs::remove_all(dir);
}

// --- crash-safe saving -------------------------------------------------------------------

enum class Step { create, write, sync, close, link, rename, sync_directory, remove };
constexpr Step kSteps[] = {Step::create, Step::write,  Step::sync,           Step::close,
                           Step::link,   Step::rename, Step::sync_directory, Step::remove};

const char* name_of(Step s) {
  switch (s) {
    case Step::create:
      return "create";
    case Step::write:
      return "write";
    case Step::sync:
      return "sync";
    case Step::close:
      return "close";
    case Step::link:
      return "link";
    case Step::rename:
      return "rename";
    case Step::sync_directory:
      return "sync_directory";
    case Step::remove:
      return "remove";
  }
  return "?";
}

/// The words an io_error message must contain when `s` failed: the operation as
/// a user reading the log would recognize it.
std::vector<std::string> words_for(Step s) {
  switch (s) {
    case Step::create:
      return {"create"};
    case Step::write:
      return {"write"};
    case Step::sync:
      return {"fsync"};
    case Step::close:
      return {"close"};
    case Step::link:
      return {"link"};
    case Step::rename:
      return {"rename"};
    case Step::sync_directory:
      return {"fsync", "directory"};
    case Step::remove:
      return {"remove"};
  }
  return {};
}

/// The POSIX operations, logged, failing the nth call of chosen kinds.
class FaultyOps final : public kexie::FileOps {
 public:
  std::vector<Step> calls;
  std::vector<fs::path> created;

  /// Fails the nth call (from 1) of `step`, or every call when `nth` is 0.
  void fail(Step step, int nth, std::error_code error) { faults_[step] = {nth, error}; }
  [[nodiscard]] int count(Step step) const {
    return static_cast<int>(std::count(calls.begin(), calls.end(), step));
  }

  std::error_code create(const fs::path& path, unsigned mode, int& fd) override {
    created.push_back(path);
    if (auto e = hit(Step::create)) return e;
    return FileOps::create(path, mode, fd);
  }
  std::error_code write(int fd, std::span<const std::byte> bytes) override {
    if (auto e = hit(Step::write)) return e;
    return FileOps::write(fd, bytes);
  }
  std::error_code sync(int fd) override {
    if (auto e = hit(Step::sync)) return e;
    return FileOps::sync(fd);
  }
  std::error_code close(int fd) override {
    // close(2) frees the descriptor even when it reports an error.
    const std::error_code real = FileOps::close(fd);
    if (auto e = hit(Step::close)) return e;
    return real;
  }
  std::error_code link(const fs::path& from, const fs::path& to) override {
    if (auto e = hit(Step::link)) return e;
    return FileOps::link(from, to);
  }
  std::error_code rename(const fs::path& from, const fs::path& to) override {
    if (auto e = hit(Step::rename)) return e;
    return FileOps::rename(from, to);
  }
  std::error_code sync_directory(const fs::path& dir) override {
    if (auto e = hit(Step::sync_directory)) return e;
    return FileOps::sync_directory(dir);
  }
  std::error_code remove(const fs::path& path) override {
    if (auto e = hit(Step::remove)) return e;
    return FileOps::remove(path);
  }

 private:
  struct Fault {
    int nth = 0;
    std::error_code error;
  };
  std::error_code hit(Step step) {
    calls.push_back(step);
    const auto f = faults_.find(step);
    if (f != faults_.end() && (f->second.nth == 0 || f->second.nth == count(step)))
      return f->second.error;
    return {};
  }
  std::map<Step, Fault> faults_;
};

struct SaveWorld {
  kexie_test::World old_world;
  kexie_test::SnapshotContent next = kexie_test::make_content(21, 40, 3, 3);
  Bytes old_bytes = save(old_world.registry);
  Bytes new_bytes = save(next.view());
};

/// Saves `w.next` over `old` (or to a new path) in a fresh directory with `ops`.
kexie::Status save_with(const SaveWorld& w, FaultyOps& ops, bool existing, const fs::path& dir) {
  const fs::path path = dir / "registry.kxs";
  if (existing) write_file(path, w.old_bytes);
  return kexie::save_snapshot(w.next.view(), path, {.file_ops = &ops});
}

TEST(SnapshotSave, CleanSaveThroughTheSeam) {
  const SaveWorld w;
  for (bool existing : {false, true}) {
    SCOPED_TRACE(existing ? "over a file" : "to a new path");
    const fs::path dir = fresh_dir("probe");
    FaultyOps probe;
    ASSERT_TRUE(save_with(w, probe, existing, dir).ok());
    EXPECT_EQ(read_file(dir / "registry.kxs"), w.new_bytes);
    EXPECT_EQ(listing(dir), std::vector<std::string>{"registry.kxs"});
    ASSERT_EQ(probe.created.size(), 1u);
    EXPECT_EQ(probe.created[0].parent_path(), dir) << "the temporary file shares the directory";
    EXPECT_NE(probe.created[0].filename(), "registry.kxs");
    for (Step s :
         {Step::create, Step::write, Step::sync, Step::close, Step::rename, Step::sync_directory})
      EXPECT_GE(probe.count(s), 1) << name_of(s);
    // The durable order: data synced before the rename, the directory after it.
    const auto at = [&](Step s) {
      return std::find(probe.calls.begin(), probe.calls.end(), s) - probe.calls.begin();
    };
    EXPECT_LT(at(Step::sync), at(Step::rename));
    EXPECT_LT(at(Step::rename), at(Step::sync_directory));
    fs::remove_all(dir);
  }
}

// What a save leaves beside a file, and what it never removes, is tested in
// snapshot_files_test.cpp.

TEST(SnapshotSave, EveryFailedStepLeavesTheOldFileAndNoTemporary) {
  const SaveWorld w;
  const std::error_code injected = std::make_error_code(std::errc::no_space_on_device);
  int cases = 0;
  for (bool existing : {true, false}) {
    // A clean save shows how many calls of each kind this kind of save makes.
    FaultyOps probe;
    {
      const fs::path dir = fresh_dir("probe");
      ASSERT_TRUE(save_with(w, probe, existing, dir).ok());
      fs::remove_all(dir);
    }
    for (Step step : kSteps) {
      if (step == Step::remove) continue;  // cleanup; see FailedCleanup… below
      for (int nth = 1; nth <= probe.count(step); ++nth) {
        SCOPED_TRACE(std::string(name_of(step)) + " #" + std::to_string(nth) +
                     (existing ? " over a file" : " to a new path"));
        ++cases;
        const fs::path dir = fresh_dir("fault");
        const fs::path path = dir / "registry.kxs";
        FaultyOps ops;
        ops.fail(step, nth, injected);
        const kexie::Status s = save_with(w, ops, existing, dir);
        ASSERT_FALSE(s.ok());
        EXPECT_EQ(s.code(), ErrorCode::io_error);
        const std::string& message = s.error().message();
        for (const std::string& word : words_for(step))
          EXPECT_NE(message.find(word), std::string::npos) << "names the step: " << message;
        EXPECT_NE(message.find(injected.message()), std::string::npos)
            << "names the OS error: " << message;
        if (existing) {
          EXPECT_EQ(read_file(path), w.old_bytes) << "the previous file is byte-identical";
          EXPECT_EQ(listing(dir), std::vector<std::string>{"registry.kxs"})
              << "no temporary file is left";
        } else {
          EXPECT_EQ(listing(dir), std::vector<std::string>{}) << "nothing is left";
        }
        // A failed fsync is reported, never retried: nothing is written, synced,
        // linked or renamed after it; only the descriptor is closed and the
        // temporary file removed.
        if (step == Step::sync || step == Step::write) {
          auto failed = ops.calls.begin();
          for (int seen = 0; failed != ops.calls.end(); ++failed)
            if (*failed == step && ++seen == nth) break;
          ASSERT_NE(failed, ops.calls.end());
          for (auto after = failed + 1; after != ops.calls.end(); ++after)
            EXPECT_TRUE(*after == Step::close || *after == Step::remove)
                << name_of(*after) << " after the failed " << name_of(step);
        }
        fs::remove_all(dir);
      }
    }
  }
  EXPECT_GE(cases, 12);
}

TEST(SnapshotSave, FailedCleanupStillReportsTheFirstError) {
  // The write fails, then removing the temporary file fails too: the caller
  // hears about the write; the old file is untouched.
  const SaveWorld w;
  const fs::path dir = fresh_dir("cleanup");
  FaultyOps ops;
  ops.fail(Step::write, 1, std::make_error_code(std::errc::no_space_on_device));
  ops.fail(Step::remove, 1, std::make_error_code(std::errc::permission_denied));
  const kexie::Status s = save_with(w, ops, true, dir);
  ASSERT_EQ(s.code(), ErrorCode::io_error);
  EXPECT_NE(s.error().message().find("write"), std::string::npos) << s.error();
  EXPECT_EQ(read_file(dir / "registry.kxs"), w.old_bytes);
  EXPECT_EQ(ops.count(Step::remove), 1) << "one attempt at cleaning up";
  fs::remove_all(dir);
}

TEST(SnapshotSave, FailedRemovalAfterADurableSaveKeepsTheNewFile) {
  // Every removal fails, on the success path too: the new file is in place and whole.
  const SaveWorld w;
  const fs::path dir = fresh_dir("noremove");
  FaultyOps ops;
  ops.fail(Step::remove, 0, std::make_error_code(std::errc::io_error));
  (void)save_with(w, ops, true, dir);
  EXPECT_EQ(read_file(dir / "registry.kxs"), w.new_bytes);
  fs::remove_all(dir);
}

TEST(SnapshotSave, ModeIsTheRequestedOneWhateverTheUmask) {
  const fs::path dir = fresh_dir("mode");
  const kexie::Registry reg = kexie_test::kill_state(2);
  for (mode_t mask : {mode_t{022}, mode_t{077}, mode_t{0}}) {
    for (unsigned mode : {0600u, 0644u, 0640u, 0444u}) {
      const mode_t previous = ::umask(mask);
      const fs::path path = dir / ("m" + std::to_string(mode) + "-" + std::to_string(mask));
      const kexie::Status s = kexie::save_snapshot(reg, path, {.mode = mode});
      // Saving over the existing file (made read-only by 0444 too) applies the mode again.
      const kexie::Status again = kexie::save_snapshot(reg, path, {.mode = mode});
      ::umask(previous);
      ASSERT_TRUE(s.ok()) << s.error();
      ASSERT_TRUE(again.ok()) << again.error();
      struct stat st {};
      ASSERT_EQ(::stat(path.c_str(), &st), 0);
      EXPECT_EQ(st.st_mode & 07777, mode)
          << std::oct << "mode 0" << mode << " under umask 0" << mask;
    }
  }
  fs::remove_all(dir);
}

// --- killed while saving -------------------------------------------------------------------

#ifdef KEXIE_SNAPSHOT_KILL_CHILD
TEST(SnapshotKill, KilledSaverLeavesACompleteFile) {
  // The child saves kill_state(k) for k = start, start + 1, … (mod kKillStates)
  // until it is killed with SIGKILL, at a random moment after its first save.
  // The file must always be one of those states, whole.
  constexpr int kKillStates = 40;
  std::vector<std::string> digests;
  for (int k = 0; k < kKillStates; ++k) digests.push_back(kexie_test::kill_state(k).digest());
  const fs::path dir = fresh_dir("kill");
  const fs::path path = dir / "state.kxs";
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int> delay_us(0, 15'000);
  std::set<std::size_t> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string start = std::to_string(i * 7 % kKillStates);
    const std::string states = std::to_string(kKillStates);
    int ready[2];
    ASSERT_EQ(::pipe(ready), 0);
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::dup2(ready[1], STDOUT_FILENO);
      ::close(ready[0]);
      ::execl(KEXIE_SNAPSHOT_KILL_CHILD, KEXIE_SNAPSHOT_KILL_CHILD, path.c_str(), start.c_str(),
              states.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(ready[1]);
    char byte = 0;
    const ssize_t got = ::read(ready[0], &byte, 1);  // the child's first save is done
    ::close(ready[0]);
    if (got == 1) std::this_thread::sleep_for(std::chrono::microseconds(delay_us(rng)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the child stopped by itself with status "
                                     << WEXITSTATUS(status) << " (kill " << i << ")";
    ASSERT_TRUE(fs::exists(path)) << "kill " << i;
    auto snap = kexie::load_snapshot(path);
    ASSERT_TRUE(snap.ok()) << "kill " << i << ": " << snap.error();
    const std::size_t k = snap->registry().person_count();
    ASSERT_LT(k, std::size_t{kKillStates});
    EXPECT_EQ(snap->registry().digest(), digests[k]) << "kill " << i;
    seen.insert(k);
  }
  // The kills landed at many different points of the save loop.
  EXPECT_GT(seen.size(), 10u);
  // What a kill may leave behind is hidden and named after the file, never
  // something a reader could take for a snapshot.
  for (const std::string& name : listing(dir)) {
    if (name != "state.kxs") {
      EXPECT_EQ(name.rfind(".state.kxs.", 0), 0u) << name;
    }
  }
  const std::size_t leftovers = listing(dir).size() - 1;
  RecordProperty("leftover_files", static_cast<int>(leftovers));
  // A save never removes them (another host may be saving); the deliberate
  // call removes every one, and nothing else.
  auto removed = kexie::remove_snapshot_leftovers(path);
  ASSERT_TRUE(removed.ok()) << removed.error();
  EXPECT_EQ(removed->size(), leftovers);
  EXPECT_EQ(listing(dir), std::vector<std::string>{"state.kxs"});
  ASSERT_TRUE(kexie::load_snapshot(path).ok());
  fs::remove_all(dir);
}
#endif

}  // namespace
