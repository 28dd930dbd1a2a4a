// Format compatibility: every snapshot format kexie ever wrote keeps loading.
// tests/data/snapshot-v<N>.kxs holds one golden file per format version, made
// once by the generator below and never rewritten; the tests load each and
// check its content against figures recorded when it was made (counts, the
// registry's digest, the audit chain head, the campaign's result digest), so a
// change to the loader that misreads an old file fails here.
//
// A new format version adds a golden file and a test; it never edits an old one.
// To make the golden file of the current version (only when adding a version):
//   KEXIE_WRITE_GOLDEN=tests/data/snapshot-v2.kxs
//     build/dev/tests/unit/snapshot_format_test --gtest_filter='*WriteGolden*'
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

#include "kexie/snapshot.hpp"
#include "support/files.hpp"
#include "support/snapshot_world.hpp"

namespace {

using kexie_test::read_file;

const std::filesystem::path kData = KEXIE_TEST_DATA_DIR;

// Figures of tests/data/snapshot-v2.kxs, printed by WriteGolden when it was made.
#define KEXIE_V2_REGISTRY_DIGEST "b245669f31e107abd11582520b794fdd1490deb62185c5df4706417ca90eb45f"
#define KEXIE_V2_CHAIN_HEAD "90917f6cad46b2085a1d6ecf9978535b570c170ee790b5953c1b1574f274c262"

TEST(SnapshotFormat, WriteGolden) {
  const char* target = std::getenv("KEXIE_WRITE_GOLDEN");
  if (target == nullptr) GTEST_SKIP() << "set KEXIE_WRITE_GOLDEN=<path> to write the golden file";
  // Format 2 (issue 13): format 1's content plus appointments, honours and an
  // operation under an asserted role.
  kexie_test::SnapshotContent content = kexie_test::make_content(20260101, 40, 6, 12);
  kexie_test::add_format2_facts(content);
  ASSERT_TRUE(kexie::save_snapshot(content.view(), target).ok());
  const kexie::Snapshot loaded = kexie::load_snapshot(std::filesystem::path(target)).value();
  ASSERT_EQ(loaded.registry().digest(), content.world->registry.digest());
  ASSERT_EQ(loaded.campaigns()[0].score().value().digest(),
            content.campaign->score().value().digest());
  ASSERT_EQ(loaded.activity_books()[0].chain_head().hash, content.book->chain_head().hash);
  // The figures the golden test checks.
  std::cout << "people " << loaded.registry().person_count() << "\norganizations "
            << loaded.registry().organization_count() << "\nappointments "
            << loaded.registry().appointment_count() << "\nhonours "
            << loaded.registry().honour_count() << "\nregistry digest "
            << loaded.registry().digest() << "\naudit records "
            << loaded.activity_books()[0].audit_trail().size() << "\nchain head "
            << kexie::to_hex(loaded.activity_books()[0].chain_head().hash) << "\nentries "
            << loaded.campaigns()[0].entry_count() << "\nresult digest "
            << loaded.campaigns()[0].score().value().digest() << '\n';
}

TEST(SnapshotFormat, Version1GoldenFileLoadsWithItsContent) {
  const std::vector<std::byte> bytes = read_file(kData / "snapshot-v1.kxs");
  ASSERT_FALSE(bytes.empty()) << "tests/data/snapshot-v1.kxs is missing";
  auto loaded = kexie::load_snapshot(std::span<const std::byte>(bytes));
  ASSERT_TRUE(loaded.ok()) << loaded.error();
  const kexie::Snapshot& snap = *loaded;

  EXPECT_EQ(snap.registry().person_count(), 58u);
  EXPECT_EQ(snap.registry().organization_count(), 35u);
  EXPECT_EQ(snap.registry().digest(),
            "d85d9808ac440de8e59b1511745c60afdaeb9908f2c7218861d5089451b932fa");

  ASSERT_EQ(snap.activity_books().size(), 1u);
  const kexie::ActivityBook& book = snap.activity_books()[0];
  EXPECT_EQ(book.audit_trail().size(), 32u);
  EXPECT_EQ(kexie::to_hex(book.chain_head().hash),
            "7cbaed148fb50173fe6caf5d57f1b83781b10fe0671a9b848c4f7448626cfea3");
  EXPECT_TRUE(book.verify_audit().ok());

  ASSERT_EQ(snap.campaigns().size(), 1u);
  const kexie::Campaign& campaign = snap.campaigns()[0];
  EXPECT_EQ(campaign.entry_count(), 12u);
  // A format-1 campaign was never bound to its activity: it loads unbound, and says so.
  EXPECT_FALSE(campaign.bound());
  EXPECT_EQ(campaign.phase(), kexie::CampaignPhase::unbound);
  auto board = campaign.score();
  ASSERT_TRUE(board.ok()) << board.error();
  EXPECT_EQ(board->digest(), "bde9bb22e784c5c595919af049b6309944a6d0c5056aa3d7b432b517ff1500f8");
}

TEST(SnapshotFormat, Version1LoadsAndSavesAsFormat2WithTheSameContent) {
  // Format 1 files load; this build writes format 2, whose load gives back the
  // same registry, trail and results.
  const std::vector<std::byte> bytes = read_file(kData / "snapshot-v1.kxs");
  const kexie::Snapshot snap = kexie::load_snapshot(std::span<const std::byte>(bytes)).value();
  EXPECT_EQ(snap.registry().appointment_count(), 0u);
  EXPECT_EQ(snap.registry().honour_count(), 0u);
  EXPECT_FALSE(snap.activity_books()[0].policy().allow_asserted_roles);
  const std::vector<std::byte> again = kexie::save_snapshot(snap).value();
  EXPECT_EQ(std::to_integer<int>(again[8]), 2);
  const kexie::Snapshot back = kexie::load_snapshot(std::span<const std::byte>(again)).value();
  EXPECT_EQ(back.registry().digest(), snap.registry().digest());
  EXPECT_EQ(back.activity_books()[0].chain_head(), snap.activity_books()[0].chain_head());
  EXPECT_EQ(back.campaigns()[0].score().value().digest(),
            snap.campaigns()[0].score().value().digest());
}

TEST(SnapshotFormat, Version2GoldenFileLoadsWithItsContent) {
  const std::vector<std::byte> bytes = read_file(kData / "snapshot-v2.kxs");
  ASSERT_FALSE(bytes.empty()) << "tests/data/snapshot-v2.kxs is missing";
  EXPECT_EQ(std::to_integer<int>(bytes[8]), 2);
  auto loaded = kexie::load_snapshot(std::span<const std::byte>(bytes));
  ASSERT_TRUE(loaded.ok()) << loaded.error();
  const kexie::Snapshot& snap = *loaded;
  const kexie::Registry& reg = snap.registry();
  EXPECT_EQ(reg.digest(), KEXIE_V2_REGISTRY_DIGEST);
  EXPECT_EQ(reg.appointment_count(), 2u);
  EXPECT_EQ(reg.honour_count(), 5u);  // four recorded, one with the exemplary award
  ASSERT_EQ(reg.appointment(kexie::AppointmentId{2})->period.last,
            kexie::Date::parse("2025-12-31").value());
  const auto exemplary = reg.honour(kexie::HonourId{1}).value();
  EXPECT_EQ(exemplary.kind, kexie::HonourKind::exemplary_association);
  EXPECT_EQ(exemplary.basis, "2024 年度考核评价");
  const auto entry = reg.honour(kexie::HonourId{2}).value();
  EXPECT_EQ(entry.title, "一等奖");
  EXPECT_EQ(entry.activity, kexie::ActivityId{1});
  EXPECT_TRUE(entry.person.has_value() && entry.organization.has_value());
  EXPECT_FALSE(reg.honour(kexie::HonourId{4})->organization.has_value());

  const kexie::ActivityBook& book = snap.activity_books()[0];
  EXPECT_TRUE(book.policy().allow_asserted_roles);
  EXPECT_TRUE(book.verify_audit().ok());
  EXPECT_EQ(kexie::to_hex(book.chain_head().hash), KEXIE_V2_CHAIN_HEAD);
  const auto trail = book.audit_trail();
  ASSERT_GE(trail.size(), 3u);
  EXPECT_TRUE(trail[trail.size() - 2].asserted);   // submit under an asserted role
  EXPECT_FALSE(trail[trail.size() - 1].asserted);  // approve by a backed officer
  EXPECT_EQ(trail.size(), 35u);
  ASSERT_EQ(snap.campaigns().size(), 1u);
  EXPECT_EQ(snap.campaigns()[0].entry_count(), 12u);
  EXPECT_EQ(snap.campaigns()[0].score().value().digest(),
            "bde9bb22e784c5c595919af049b6309944a6d0c5056aa3d7b432b517ff1500f8");
}

TEST(SnapshotFormat, CurrentVersionRewritesTheGoldenFileByteForByte) {
  // Saving is deterministic: the golden file saves back to the same bytes once in
  // the current record versions (CampaignRecord 3 appends the rubric extensions:
  // a points sheet's full score, each indicator's points and bands, the prize).
  const std::vector<std::byte> bytes = read_file(kData / "snapshot-v2.kxs");
  const kexie::Snapshot snap = kexie::load_snapshot(std::span<const std::byte>(bytes)).value();
  const std::vector<std::byte> current = kexie::save_snapshot(snap).value();
  const kexie::Snapshot back = kexie::load_snapshot(std::span<const std::byte>(current)).value();
  EXPECT_TRUE(kexie::save_snapshot(back).value() == current);
  EXPECT_EQ(back.campaigns()[0].score().value().digest(),
            snap.campaigns()[0].score().value().digest());
  // Version 3 only adds: a full-score flag, per indicator points, band figure and count,
  // and a prize flag for each rubric.
  EXPECT_GT(current.size(), bytes.size());
}

TEST(SnapshotFormat, HeaderLayoutIsTheDocumentedOne) {
  const std::vector<std::byte> bytes = read_file(kData / "snapshot-v1.kxs");
  ASSERT_GE(bytes.size(), 72u);
  const unsigned char magic[] = {0x89, 'K', 'X', 'S', 'N', 'A', 'P', '\n'};
  EXPECT_EQ(std::memcmp(bytes.data(), magic, 8), 0);
  EXPECT_EQ(std::to_integer<int>(bytes[8]), 1);  // format version, little-endian
  EXPECT_EQ(std::to_integer<int>(bytes[9]), 0);
  std::uint64_t length = 0;
  for (std::size_t i = 0; i < 8; ++i)
    length |= std::to_integer<std::uint64_t>(bytes[24 + i]) << (8 * i);
  EXPECT_EQ(length, bytes.size() - 72);
}

}  // namespace
