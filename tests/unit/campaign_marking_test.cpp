// Campaign::mark_all on several threads (issue 17 item 4): the same marks recorded, the
// same first refusal and the same digests for every thread count.
#include <gtest/gtest.h>

#include <cstdio>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "jiangbi_fixture.hpp"
#include "kexie/kexie.hpp"
#include "kexie/literals.hpp"
#include "support/marking_world.hpp"

namespace {

using kexie::Campaign;
using kexie::Decimal;
using kexie::EntryId;
using kexie::JudgeId;
using kexie::MarkInput;
using kexie::Threads;
using namespace kexie::literals;

constexpr std::size_t kEntries = 600;  // 33 600 marks: every thread count gets ranges

// The benchmarks' generated campaign at a small size (support/marking_world.hpp).
const kexie_test::MarkingWorld& world() {
  static const kexie_test::MarkingWorld w("threads", kexie_bench::first_prize_tier());
  return w;
}

// Every mark of every entry, in a table's order (entry, indicator, judge).
std::vector<MarkInput> all_marks(const std::vector<JudgeId>& judges) {
  return kexie_test::all_marks(judges, kEntries);
}

struct Outcome {
  bool ok = false;
  std::string message, rule;
  std::size_t failed = 0;
  std::string digest;
  friend bool operator==(const Outcome&, const Outcome&) = default;
};

// `batch` marked on `threads` threads into a fresh campaign, after `before` (one thread).
Outcome mark(const std::vector<MarkInput>& batch, unsigned threads,
             const std::vector<MarkInput>& before = {}) {
  std::vector<JudgeId> judges;
  const auto c = world().campaign(kEntries, judges);
  if (!before.empty()) c->mark_all(before).value();
  Outcome o;
  o.failed = 999'999;
  const kexie::Status st = c->mark_all(batch, Threads{threads}, &o.failed);
  o.ok = static_cast<bool>(st);
  if (!st) {
    o.message = st.error().message();
    o.rule = st.error().rule();
  }
  o.digest = c->score().value().digest();
  return o;
}

TEST(MarkAllThreads, EveryThreadCountRecordsTheSameMarks) {
  std::vector<JudgeId> judges;
  (void)world().campaign(kEntries, judges);
  const std::vector<MarkInput> batch = all_marks(judges);
  const Outcome one = mark(batch, 1);
  ASSERT_TRUE(one.ok) << one.message;
  // The one-thread overload without a count is the same call.
  {
    std::vector<JudgeId> js;
    const auto c = world().campaign(kEntries, js);
    c->mark_all(batch).value();
    EXPECT_EQ(c->score().value().digest(), one.digest);
  }
  for (unsigned t : {2U, 3U, 7U, std::numeric_limits<unsigned>::max()})
    EXPECT_EQ(mark(batch, t), one) << t << " threads";
}

TEST(MarkAllThreads, EveryThreadCountRefusesTheSameFirstMark) {
  std::vector<JudgeId> judges;
  const auto empty = world().campaign(kEntries, judges);
  const std::string untouched = empty->score().value().digest();
  const std::vector<MarkInput> all = all_marks(judges);
  // Refusals placed in the ranges of later threads: a repeat early, an off-step mark
  // later (the off-step mark is reported: every mark is checked before repeats), then
  // only the repeat, then a mark recorded before the batch, then an unknown indicator.
  std::vector<std::vector<MarkInput>> batches;
  std::vector<MarkInput> b = all;
  b[26'000] = b[1'000];
  b[30'001].mark = "50.3"_dec;
  b[28'000] = b[19'000];
  batches.push_back(b);
  b = all;
  b[26'000] = b[1'000];
  b[32'000] = b[12'000];
  batches.push_back(b);
  b = all;
  b[23'000].indicator = "I9";
  b[28'000].judge = JudgeId{99};
  batches.push_back(b);
  const std::vector<MarkInput> before(all.begin() + 21'000, all.begin() + 21'001);
  std::vector<Outcome> refused;
  for (std::size_t k = 0; k < batches.size() + 1; ++k) {
    const bool recorded_before = k == batches.size();
    const std::vector<MarkInput>& batch = recorded_before ? all : batches[k];
    const Outcome one = mark(batch, 1, recorded_before ? before : std::vector<MarkInput>{});
    ASSERT_FALSE(one.ok) << k;
    if (!recorded_before) {
      EXPECT_EQ(one.digest, untouched) << k;
    }
    for (unsigned t : {2U, 3U, 7U}) {
      EXPECT_EQ(mark(batch, t, recorded_before ? before : std::vector<MarkInput>{}), one)
          << "batch " << k << ", " << t << " threads";
    }
    refused.push_back(one);
  }
  EXPECT_EQ(refused[0].failed, 30'001u);
  EXPECT_EQ(refused[0].rule, "panel.mark_step");
  EXPECT_EQ(refused[1].failed, 26'000u);
  EXPECT_EQ(refused[1].rule, "panel.mark_unique");
  EXPECT_EQ(refused[2].failed, 23'000u);
  EXPECT_EQ(refused[3].failed, 21'000u);
  EXPECT_EQ(refused[3].rule, "panel.mark_unique");
  EXPECT_NE(refused[3].message.find("already marked"), std::string::npos) << refused[3].message;
}

// A table's batch on threads, every mark passing its checks: a repeat inside one later
// part, and a repeat in the first part with a mark recorded before the batch in a later
// one, are refused as on one thread: the repeat's position, then the recorded mark's
// (found first, as the marks are recorded in order).
TEST(MarkAllThreads, RepeatsAndRecordedMarksInLaterPartsRefusedAsOnOneThread) {
  std::vector<JudgeId> judges;
  const auto empty = world().campaign(kEntries, judges);
  const std::string untouched = empty->score().value().digest();
  const std::vector<MarkInput> all = all_marks(judges);
  std::vector<MarkInput> repeat_late = all;
  repeat_late[30'000] = repeat_late[29'000];  // both in the last part for 2, 3 and 7 threads
  std::vector<MarkInput> repeat_early = all;
  repeat_early[3'000] = repeat_early[2'000];
  const std::vector<MarkInput> before(all.begin() + 25'000, all.begin() + 25'001);
  const Outcome late = mark(repeat_late, 1);
  EXPECT_FALSE(late.ok);
  EXPECT_EQ(late.failed, 30'000u);
  EXPECT_EQ(late.rule, "panel.mark_unique");
  EXPECT_EQ(late.digest, untouched);
  const Outcome early = mark(repeat_early, 1, before);
  EXPECT_FALSE(early.ok);
  EXPECT_EQ(early.failed, 25'000u);
  EXPECT_NE(early.message.find("already marked"), std::string::npos) << early.message;
  for (unsigned t : {2U, 3U, 7U}) {
    EXPECT_EQ(mark(repeat_late, t), late) << t << " threads";
    EXPECT_EQ(mark(repeat_early, t, before), early) << t << " threads";
  }
}

TEST(MarkAllThreads, ZeroThreadsIsRefusedBeforeAnything) {
  std::vector<JudgeId> judges;
  const auto c = world().campaign(kEntries, judges);
  const std::string before = c->score().value().digest();
  const std::vector<MarkInput> batch = {{judges[0], EntryId{1}, "I1", Decimal(50)}};
  std::size_t at = 7;
  const kexie::Status st = c->mark_all(batch, Threads{0}, &at);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code(), kexie::ErrorCode::invalid_argument);
  EXPECT_EQ(at, 7u);
  EXPECT_EQ(c->score().value().digest(), before);
  EXPECT_TRUE(c->mark_all(batch, Threads{64}));  // more threads than work: allowed
}

}  // namespace
