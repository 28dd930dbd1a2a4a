// Service desks in snapshots (issue 20; SnapshotRecord 2, format 4): a desk round-trips whole
// (requests, proposals, policy, trail with both hashes); older formats load with
// no desk; a damaged trail or a case that disagrees with it is refused as
// corrupt data; a desk of another registry is refused on save.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "kexie/service_desk.hpp"
#include "kexie/snapshot.hpp"
#include "service_fixture.hpp"
#include "support/files.hpp"
#include "support/snapshot_frame.hpp"

namespace {

using namespace kexie_test;
using Bytes = std::vector<std::byte>;

// A desk with requests in several states, proposals (one entered into a
// campaign) and refusals in its trail.
struct DeskWorld {
  ServiceWorld w;
  CampaignTour tour{w};
  kexie::ServiceDesk desk{
      w.reg,
      kexie::ServicePolicy{.education_years = 2, .young_priority = false, .answer_due_days = 15}};
  DeskWorld() {
    const auto at = ts("2026-03-02T09:00:00Z");
    auto r1 = desk.submit({.applicant = w.li,
                           .association = w.ent,
                           .kind = kexie::ServiceKind::patent_application,
                           .title = "装置",
                           .patent_type = kexie::PatentType::invention},
                          ts("2026-03-01T09:00:00Z"))
                  .value();
    desk.accept(r1, w.ent_sg, at).value();
    desk.start(r1, w.ent_sg, at).value();
    desk.forward(r1, w.ent_sg, at, "国家知识产权局", "201710601862.3").value();
    (void)desk.grant(r1, w.wang, at, "");  // refused: not staff
    auto r2 = desk.submit({.applicant = w.li,
                           .association = w.ent,
                           .kind = kexie::ServiceKind::title_evaluation,
                           .title = "副高",
                           .target_title = kexie::Title::associate_senior},
                          at)
                  .value();
    desk.decline(r2, w.ent_sg, at, "名额已满").value();
    auto p = desk.file({.proposer = w.li,
                        .association = w.ent,
                        .kind = kexie::ProposalKind::rationalization,
                        .title = "煤气回收",
                        .text = "增设除尘"},
                       at)
                 .value();
    desk.acknowledge(p, w.ent_sg, at).value();
    desk.answer(p, w.ent_sg, at, "可行").value();
    desk.adopt(p, w.ent_sg, at).value();
    kexie::EntrySpec extras;
    extras.in_use_since = "2025-06-01"_date;
    desk.enter_campaign(p, *tour.campaign, w.ent_sg, at, extras).value();
    desk.file({.proposer = w.wang,
               .association = w.ent,
               .kind = kexie::ProposalKind::appeal,
               .title = "补贴",
               .text = "夜班"},
              at)
        .value();
  }
};

}  // namespace

TEST(SnapshotServices, ADeskRoundTripsWhole) {
  DeskWorld d;
  const Bytes bytes = kexie::save_snapshot(kexie::SnapshotView(d.w.reg).add(d.desk)).value();
  EXPECT_EQ(std::to_integer<int>(bytes[8]), kexie::kSnapshotFormatVersion);
  auto loaded = kexie::load_snapshot(std::span<const std::byte>(bytes));
  ASSERT_TRUE(loaded.ok()) << loaded.error();
  ASSERT_EQ(loaded->service_desks().size(), 1u);
  const kexie::ServiceDesk& back = loaded->service_desks()[0];
  EXPECT_EQ(back.digest(), d.desk.digest());
  EXPECT_EQ(back.policy(), d.desk.policy());
  EXPECT_EQ(back.chain_head(), d.desk.chain_head());
  ASSERT_EQ(back.audit_trail().size(), d.desk.audit_trail().size());
  for (std::size_t i = 0; i < back.audit_trail().size(); ++i)
    EXPECT_EQ(back.audit_trail()[i], d.desk.audit_trail()[i]) << i;
  EXPECT_TRUE(back.verify_audit().ok());
  EXPECT_EQ(*back.proposal(kexie::ProposalId{1}), *d.desk.proposal(kexie::ProposalId{1}));
  EXPECT_EQ(*back.request(kexie::ServiceRequestId{1}), *d.desk.request(kexie::ServiceRequestId{1}));
  EXPECT_EQ(&back.registry(), &loaded->registry());
  // A loaded desk carries on, and saves again to the same bytes.
  const Bytes again = kexie::save_snapshot(*loaded).value();
  EXPECT_EQ(again, bytes);
  kexie::Snapshot snap = std::move(*loaded);
  kexie::ServiceDesk& desk = snap.service_desks()[0];
  EXPECT_TRUE(
      desk.grant(kexie::ServiceRequestId{1}, d.w.ent_sg, ts("2026-09-01T09:00:00Z"), "").ok());
  EXPECT_TRUE(desk.verify_audit().ok());
  // A desk added to a snapshot is saved with it.
  snap.add_service_desk();
  EXPECT_EQ(kexie::load_snapshot(std::span<const std::byte>(kexie::save_snapshot(snap).value()))
                ->service_desks()
                .size(),
            2u);
}

TEST(SnapshotServices, OlderFormatsLoadWithNoDesk) {
  const std::filesystem::path data = KEXIE_TEST_DATA_DIR;
  for (const char* name : {"snapshot-v1.kxs", "snapshot-v2.kxs", "snapshot-v3.kxs"}) {
    const Bytes bytes = kexie_test::read_file(data / name);
    ASSERT_FALSE(bytes.empty()) << name;
    auto loaded = kexie::load_snapshot(std::span<const std::byte>(bytes));
    ASSERT_TRUE(loaded.ok()) << name << ": " << loaded.error();
    EXPECT_TRUE(loaded->service_desks().empty()) << name;
  }
}

TEST(SnapshotServices, ADamagedTrailOrCaseIsCorruptData) {
  DeskWorld d;
  const Bytes bytes = kexie::save_snapshot(kexie::SnapshotView(d.w.reg).add(d.desk)).value();
  auto as_bytes = [](const std::string& text) {
    Bytes b(text.size());
    std::memcpy(b.data(), text.data(), text.size());
    return b;
  };
  auto damaged = [&](const Bytes& from, const Bytes& to) {
    Bytes b = bytes;
    ASSERT_EQ(from.size(), to.size());
    const auto at = kexie_test::find_all(b, from);
    ASSERT_FALSE(at.empty());
    std::memcpy(b.data() + at.back(), to.data(), to.size());
    kexie_test::reseal(b);
    auto r = kexie::load_snapshot(std::span<const std::byte>(b));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code(), kexie::ErrorCode::corrupt_data) << r.error();
    EXPECT_NE(r.error().message().find("service desk"), std::string::npos) << r.error();
  };
  // A reason in the trail (its last occurrence): the record's hash no longer matches.
  damaged(as_bytes("名额已满"), as_bytes("名额未满"));
  // Request 2's state, declined (2) made accepted (1): its title "副高", no patent
  // type, target title 3, then the state byte.
  Bytes declined = as_bytes("副高");
  for (int v : {0, 1, 3, 2}) declined.push_back(static_cast<std::byte>(v));
  Bytes accepted = declined;
  accepted.back() = static_cast<std::byte>(1);
  damaged(declined, accepted);
  // Proposal 1's campaign entry dropped (its flag, then the entry's two ids and code
  // are gone): the trail's enter_campaign record no longer has its entry.
  {
    const kexie::Proposal& p = *d.desk.proposal(kexie::ProposalId{1});
    ASSERT_TRUE(p.entered.has_value());
    Bytes b = bytes;
    Bytes code = as_bytes(p.entered->code);
    const auto at = kexie_test::find_all(b, code);
    ASSERT_FALSE(at.empty());
    // flag (1) + campaign (4) + entry (4) + code length (4) precede the code's bytes
    const std::size_t flag = at.front() - 4 - 4 - 4 - 1;
    ASSERT_EQ(std::to_integer<int>(b[flag]), 1);
    b.erase(b.begin() + static_cast<std::ptrdiff_t>(flag + 1),
            b.begin() + static_cast<std::ptrdiff_t>(at.front() + code.size()));
    b[flag] = std::byte{0};
    kexie_test::reseal(b);
    auto r = kexie::load_snapshot(std::span<const std::byte>(b));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message().find("campaign entry disagrees"), std::string::npos) << r.error();
  }
  // A state byte past the last state is refused naming the field.
  Bytes unknown = declined;
  unknown.back() = static_cast<std::byte>(8);
  {
    Bytes b = bytes;
    const auto at = kexie_test::find_all(b, declined);
    ASSERT_FALSE(at.empty());
    std::memcpy(b.data() + at.back(), unknown.data(), unknown.size());
    kexie_test::reseal(b);
    auto r = kexie::load_snapshot(std::span<const std::byte>(b));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message().find("request state"), std::string::npos) << r.error();
  }
}

TEST(SnapshotServices, ADeskOfAnotherRegistryIsRefused) {
  DeskWorld d;
  ServiceWorld other;
  auto r = kexie::save_snapshot(kexie::SnapshotView(other.reg).add(d.desk));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code(), kexie::ErrorCode::invalid_argument);
}
