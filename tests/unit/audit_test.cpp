// The hash-chained audit trail: what is recorded, and tamper detection on a
// 10 000-record trail (edit, deletion, swap, truncation, rewrite).
#include "kexie/audit.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "lifecycle_fixture.hpp"

namespace {

using kexie::AuditFault;
using kexie::AuditRecord;
using kexie::ErrorCode;
using Op = kexie::ActivityOperation;
using S = kexie::ActivityState;
using namespace kexie_test;

// A trail of exactly 10 000 records: one activity suspended and resumed over
// and over, with a refused attempt (a stranger trying to terminate) every
// hundredth record.
class BigTrail : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new World;
    book_ = new kexie::ActivityBook{world_->registry, asserted()};
    std::int64_t clock = 1;
    const kexie::ActivityId id = drive(*book_, *world_, path_to(S::in_progress), clock);
    const kexie::Actor stranger{kexie::PersonId{777}};
    bool suspended = false;
    while (book_->audit_trail().size() < 10'000) {
      ++clock;
      if (book_->audit_trail().size() % 100 == 50) {
        (void)book_->terminate(id, stranger, t(clock), "let me");
        continue;
      }
      kexie::Status s = suspended ? book_->resume(id, world_->owner(), t(clock), "go on")
                                  : book_->suspend(id, world_->owner(), t(clock), "pause");
      ASSERT_TRUE(s.ok());
      suspended = !suspended;
    }
  }
  static void TearDownTestSuite() {
    delete book_;
    delete world_;
  }

  std::vector<AuditRecord> copy() const {
    return {book_->audit_trail().begin(), book_->audit_trail().end()};
  }
  kexie::ChainHead head() const { return book_->chain_head(); }

  static World* world_;
  static kexie::ActivityBook* book_;
};

World* BigTrail::world_ = nullptr;
kexie::ActivityBook* BigTrail::book_ = nullptr;

TEST_F(BigTrail, IsTenThousandRecordsAndIntact) {
  ASSERT_EQ(book_->audit_trail().size(), 10'000u);
  EXPECT_TRUE(book_->verify_audit().ok());
  const auto records = copy();
  EXPECT_TRUE(kexie::verify_audit(records, head()).ok());
  EXPECT_TRUE(kexie::verify_audit(records).ok());
  EXPECT_EQ(head().count, 10'000u);
  EXPECT_EQ(head().hash, records.back().hash);
  for (std::size_t i = 0; i < records.size(); ++i) {
    ASSERT_EQ(records[i].sequence, i);
    ASSERT_EQ(kexie::digest(records[i]), records[i].hash);
    if (i > 0) {
      ASSERT_EQ(records[i].previous, records[i - 1].hash);
    }
  }
  EXPECT_EQ(records.front().previous, kexie::AuditHash{});
}

TEST_F(BigTrail, AnEditIsNamedAtTheEditedRecord) {
  for (std::size_t at : {std::size_t{0}, std::size_t{4321}, std::size_t{9999}}) {
    auto records = copy();
    records[at].reason = "nothing to see here";
    const auto v = kexie::verify_audit(records, head());
    EXPECT_EQ(v.fault, AuditFault::edited) << at;
    EXPECT_EQ(v.first_bad, at);
    EXPECT_NE(v.message.find("record " + std::to_string(at)), std::string::npos) << v.message;
  }
  // Every field is covered by the hash.
  auto records = copy();
  records[777].at = records[777].at.add_micros(1);
  EXPECT_EQ(kexie::verify_audit(records, head()).first_bad, 777u);
  records = copy();
  records[778].to = S::archived;
  EXPECT_EQ(kexie::verify_audit(records, head()).first_bad, 778u);
  records = copy();
  records[1050].security_event = false;  // hide a security event
  ASSERT_TRUE(copy()[1050].security_event);
  EXPECT_EQ(kexie::verify_audit(records, head()).fault, AuditFault::edited);
  EXPECT_EQ(kexie::verify_audit(records, head()).first_bad, 1050u);
  records = copy();
  records[3].actor = kexie::PersonId{4242};
  EXPECT_EQ(kexie::verify_audit(records, head()).first_bad, 3u);
}

TEST_F(BigTrail, AnEditWithARecomputedHashBreaksTheNextLink) {
  auto records = copy();
  records[5000].reason = "rewritten";
  records[5000].hash = kexie::digest(records[5000]);
  const auto v = kexie::verify_audit(records, head());
  EXPECT_EQ(v.fault, AuditFault::broken_link);
  EXPECT_EQ(v.first_bad, 5001u);
}

TEST_F(BigTrail, ADeletionIsNamedWhereTheRecordIsMissing) {
  auto records = copy();
  records.erase(records.begin() + 6000);
  const auto v = kexie::verify_audit(records, head());
  EXPECT_EQ(v.fault, AuditFault::out_of_order);
  EXPECT_EQ(v.first_bad, 6000u);
  // Renumbering the rest does not hide it: the link is broken there.
  for (std::size_t i = 6000; i < records.size(); ++i) records[i].sequence = i;
  const auto w = kexie::verify_audit(records, head());
  EXPECT_EQ(w.fault, AuditFault::broken_link);
  EXPECT_EQ(w.first_bad, 6000u);
}

TEST_F(BigTrail, ASwapIsNamedAtTheFirstOfThePair) {
  auto records = copy();
  std::swap(records[7000], records[7001]);
  const auto v = kexie::verify_audit(records, head());
  EXPECT_EQ(v.fault, AuditFault::out_of_order);
  EXPECT_EQ(v.first_bad, 7000u);
}

TEST_F(BigTrail, TruncationIsNamedAtTheFirstMissingRecord) {
  auto records = copy();
  records.resize(9990);
  const auto v = kexie::verify_audit(records, head());
  EXPECT_EQ(v.fault, AuditFault::truncated);
  EXPECT_EQ(v.first_bad, 9990u);
  // Without the head kept elsewhere a cut-off tail looks intact.
  EXPECT_TRUE(kexie::verify_audit(records).ok());
  records.pop_back();
  EXPECT_EQ(kexie::verify_audit(records, head()).first_bad, 9989u);
  records.clear();
  const auto all = kexie::verify_audit(records, head());
  EXPECT_EQ(all.fault, AuditFault::truncated);
  EXPECT_EQ(all.first_bad, 0u);
}

TEST_F(BigTrail, ARewrittenChainDiffersFromTheHead) {
  auto records = copy();
  records[100].reason = "rewritten";
  for (std::size_t i = 100; i < records.size(); ++i) {
    if (i > 100) records[i].previous = records[i - 1].hash;
    records[i].hash = kexie::digest(records[i]);
  }
  EXPECT_TRUE(kexie::verify_audit(records).ok());  // self-consistent…
  const auto v = kexie::verify_audit(records, head());
  EXPECT_EQ(v.fault, AuditFault::head_mismatch);  // …but not the chain that was kept
}

TEST_F(BigTrail, ExtraRecordsBeyondTheHeadAreNamed) {
  auto records = copy();
  AuditRecord extra = records.back();
  extra.sequence = records.size();
  extra.previous = records.back().hash;
  extra.hash = kexie::digest(extra);
  records.push_back(extra);
  const auto v = kexie::verify_audit(records, head());
  EXPECT_EQ(v.fault, AuditFault::head_mismatch);
  EXPECT_EQ(v.first_bad, 10'000u);
}

TEST(ChainHead, RoundTripsThroughText) {
  kexie::ChainHead h;
  h.count = 10'000;
  for (std::size_t i = 0; i < h.hash.size(); ++i) h.hash[i] = static_cast<std::uint8_t>(i * 7);
  const std::string text = h.to_string();
  EXPECT_EQ(text.substr(0, 6), "10000:");
  EXPECT_EQ(text.size(), 6u + 64u);
  EXPECT_EQ(kexie::ChainHead::parse(text).value(), h);
  for (const char* bad : {"", ":", "10:abc", "x:",
                          "-1:0000000000000000000000000000000000000000000000000000000000000000",
                          "1:000000000000000000000000000000000000000000000000000000000000000G",
                          "1:00000000000000000000000000000000000000000000000000000000000000000"}) {
    EXPECT_EQ(kexie::ChainHead::parse(bad).code(), ErrorCode::invalid_argument) << bad;
  }
  EXPECT_EQ(kexie::to_hex(kexie::AuditHash{}), std::string(64, '0'));
}

TEST(Audit, RecordsEveryAttemptWithActorTimeStatesAndReason) {
  World w;
  kexie::ActivityBook book{w.registry, asserted()};
  const kexie::ActivityId id = book.create(w.owner(), t(1), w.plan(), "annual plan").value();
  ASSERT_TRUE(book.submit(id, w.owner(), t(2), "ready"));
  EXPECT_EQ(book.approve(id, kexie::Actor{kexie::PersonId{55}}, t(3), "why not").code(),
            ErrorCode::permission_denied);
  EXPECT_EQ(book.start(id, w.owner(), t(4), "eager").code(), ErrorCode::illegal_transition);
  ASSERT_TRUE(book.approve(id, w.boss(), t(5), "立项"));

  const auto trail = book.audit_trail();
  ASSERT_EQ(trail.size(), 5u);
  EXPECT_EQ(trail[0].operation, Op::create);
  EXPECT_EQ(trail[0].activity, id);
  EXPECT_EQ(trail[0].reason, "annual plan");
  EXPECT_EQ(trail[1].operation, Op::submit);
  EXPECT_EQ(trail[1].from, S::draft);
  EXPECT_EQ(trail[1].to, S::submitted);
  EXPECT_EQ(trail[1].actor, w.responsible);
  EXPECT_EQ(trail[1].at, t(2));
  EXPECT_EQ(trail[2].code, ErrorCode::permission_denied);
  EXPECT_TRUE(trail[2].security_event);
  EXPECT_EQ(trail[2].rule, "lifecycle.permission");
  EXPECT_EQ(trail[2].actor, kexie::PersonId{55});
  EXPECT_EQ(trail[2].reason, "why not");
  EXPECT_EQ(trail[2].from, trail[2].to);
  EXPECT_EQ(trail[3].code, ErrorCode::illegal_transition);
  EXPECT_FALSE(trail[3].security_event);
  EXPECT_TRUE(trail[4].accepted());
  EXPECT_EQ(trail[4].reason, "立项");
  EXPECT_TRUE(book.verify_audit().ok());

  std::ostringstream line;
  line << trail[2];
  EXPECT_NE(line.str().find("permission_denied"), std::string::npos) << line.str();
  EXPECT_NE(line.str().find("SECURITY"), std::string::npos) << line.str();
}

TEST(Audit, AnEmptyTrailMatchesAnEmptyHead) {
  const std::vector<AuditRecord> none;
  EXPECT_TRUE(kexie::verify_audit(none, kexie::ChainHead{}).ok());
  EXPECT_EQ(kexie::chain_head(none), kexie::ChainHead{});
  kexie::ChainHead one;
  one.count = 1;
  EXPECT_EQ(kexie::verify_audit(none, one).fault, AuditFault::truncated);
}

TEST(Audit, FaultNames) {
  EXPECT_EQ(kexie::to_string(AuditFault::out_of_order), "out_of_order");
  EXPECT_EQ(kexie::to_string(AuditFault::head_mismatch), "head_mismatch");
}

}  // namespace
