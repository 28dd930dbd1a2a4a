// Campaign::mark_all on a ThreadTeam with hostile batches (issue 17): a repeat across
// two parts, parts whose cells interleave, a mark recorded before the batch in one
// part and a repeat in another, refusals in the second piece of a batch (pieces of
// 2^18 marks) after the first was recorded on the parts' threads. Every outcome (ok,
// refused position, message, rule, digest) must be the one of a single thread for
// Threads{1}, {2}, {7}, teams of 2 and 3 and {7, team of 2}; a refused batch leaves the
// digest unchanged and the campaign takes the right marks afterwards (no cell left
// pending by the parts' threads).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "jiangbi_fixture.hpp"
#include "kexie/kexie.hpp"
#include "kexie/literals.hpp"
#include "kexie/thread_team.hpp"
#include "support/marking_world.hpp"

namespace {

using kexie::Campaign;
using kexie::Decimal;
using kexie::EntryId;
using kexie::JudgeId;
using kexie::MarkInput;
using kexie::Threads;
using kexie::ThreadTeam;
using namespace kexie::literals;

constexpr std::size_t kSmall = 600;   // 33 600 marks: 2, 3 and 7 parts
constexpr std::size_t kLarge = 5000;  // 280 000 marks: two pieces, the second of 4 parts

const kexie_test::MarkingWorld& world() {
  static const kexie_test::MarkingWorld w("hostile", kexie_bench::first_prize_tier());
  return w;
}

using kexie_test::all_marks;  // every mark of `entries` entries, in a table's order

struct Outcome : kexie_test::Verdict {
  explicit Outcome(kexie_test::Verdict v) : Verdict(std::move(v)) {}
  std::string digest;              // right after the batch
  bool refused_untouched = false;  // a refusal: the digest the same as before the batch
  std::string then;                // after the right marks given afterwards on the same threads
  friend bool operator==(const Outcome&, const Outcome&) = default;
  friend void PrintTo(const Outcome& o, std::ostream* out) {
    *out << o.text() << ", digest " << o.digest << (o.refused_untouched ? " (untouched)" : "")
         << (o.then.empty() ? "" : ", then " + o.then);
  }
};

// A fresh campaign of `entries` entries: `before` recorded (one thread), then `batch`
// on `threads`; after a refusal, `repair` on the same threads.
Outcome mark(std::size_t entries, const std::vector<MarkInput>& batch, Threads threads,
             const std::vector<MarkInput>& before, const std::vector<MarkInput>& repair) {
  std::vector<JudgeId> judges;
  const auto c = world().campaign(entries, judges);
  if (!before.empty()) c->mark_all(before).value();
  const std::string start = c->score().value().digest();
  Outcome o{kexie_test::mark_batch(*c, batch, threads)};
  o.digest = c->score().value().digest();
  if (!o.ok) {
    o.refused_untouched = o.digest == start;
    const kexie::Status again = c->mark_all(repair, threads);
    o.then = again ? c->score().value().digest() : "refused: " + again.error().message();
  }
  return o;
}

// The batch's outcome on one thread, and every other `Threads` giving the same.
struct Case {
  std::string name;
  std::vector<MarkInput> batch, before;
};

// `own_threads`: also Threads{2} and {7} (the large batches leave them to
// campaign_marking_test's smaller ones, for time).
Outcome check_everywhere(std::size_t entries, const Case& k, const std::vector<MarkInput>& all,
                         bool own_threads = true) {
  // The right marks afterwards: every mark but those recorded before.
  std::vector<MarkInput> repair;
  for (const MarkInput& m : all) {
    const bool recorded = std::any_of(k.before.begin(), k.before.end(), [&](const MarkInput& b) {
      return b.judge == m.judge && b.entry == m.entry && b.indicator == m.indicator;
    });
    if (!recorded) repair.push_back(m);
  }
  const Outcome one = mark(entries, k.batch, Threads{}, k.before, repair);
  ThreadTeam two(2), three(3);
  const std::vector<std::pair<std::string, Threads>> others = {
      {"2 threads", Threads{2}},
      {"7 threads", Threads{7}},
      {"team of 2", two.threads()},
      {"team of 3", three.threads()},
      {"7 on a team of 2", Threads{7, &two}}};
  for (const auto& [what, threads] : others) {
    if (!own_threads && threads.team == nullptr) continue;
    EXPECT_EQ(mark(entries, k.batch, threads, k.before, repair), one) << k.name << ", " << what;
  }
  if (!one.ok) {
    EXPECT_TRUE(one.refused_untouched) << k.name;
    EXPECT_EQ(one.then.rfind("refused", 0), std::string::npos) << k.name << ": " << one.then;
  }
  return one;
}

TEST(ThreadTeamHostile, ARepeatAcrossTwoPartsIsRefusedWhereOneThreadRefusesIt) {
  std::vector<JudgeId> judges;
  (void)world().campaign(1, judges);
  const std::vector<MarkInput> all = all_marks(judges, kSmall);
  Case k{"repeat across parts", all, {}};
  k.batch[30'000] = k.batch[1'000];  // a cell of the first part again in the last
  const Outcome o = check_everywhere(kSmall, k, all);
  EXPECT_FALSE(o.ok);
  EXPECT_EQ(o.failed, 30'000u);
  EXPECT_EQ(o.rule, "panel.mark_unique");
  // The same cell at the end of one part and the start of the next (parts of 2 and
  // of a team of 2 split at 16 800): their spans touch, so they are not apart.
  k.batch = all;
  k.batch[16'800] = k.batch[16'799];
  const Outcome touch = check_everywhere(kSmall, k, all);
  EXPECT_EQ(touch.failed, 16'800u);
  EXPECT_EQ(touch.rule, "panel.mark_unique");
  // Seven parts split at 4 800 marks, inside the marks of the 86th entry (4 760 to
  // 4 815): its marks from 4 800 on continue part 0's last entry. One of them again,
  // deep in part 1's own marks, puts that entry in part 1's span too: the parts are not
  // apart, and the repeat is refused where one thread refuses it (not at 4 805, which
  // the parts recording on their threads at once could report).
  k.batch = all;
  k.batch[6'000] = k.batch[4'805];
  const Outcome continued = check_everywhere(kSmall, k, all);
  EXPECT_EQ(continued.failed, 6'000u);
  EXPECT_EQ(continued.rule, "panel.mark_unique");
}

TEST(ThreadTeamHostile, PartsWhoseCellsInterleaveRecordAsOnOneThread) {
  std::vector<JudgeId> judges;
  (void)world().campaign(1, judges);
  const std::vector<MarkInput> all = all_marks(judges, kSmall);
  // Odd entries first, then even: every part's cells interleave with the others'.
  Case odd_even{"odd entries then even", {}, {}};
  for (int parity : {1, 0}) {
    for (const MarkInput& m : all) {
      if (m.entry.value() % 2 == static_cast<std::uint32_t>(parity)) odd_even.batch.push_back(m);
    }
  }
  // The whole table backwards: each part's cells below the part before's.
  Case backwards{"backwards", std::vector<MarkInput>(all.rbegin(), all.rend()), {}};
  const Outcome in_order = check_everywhere(kSmall, Case{"in order", all, {}}, all);
  ASSERT_TRUE(in_order.ok) << in_order.message;
  for (const Case& k : {odd_even, backwards}) {
    const Outcome o = check_everywhere(kSmall, k, all);
    EXPECT_TRUE(o.ok) << k.name << ": " << o.message;
    EXPECT_EQ(o.digest, in_order.digest) << k.name;
  }
  // Interleaved with a repeat inside the first part's marks and one across parts.
  Case repeat = odd_even;
  repeat.batch[20'000] = repeat.batch[100];
  const Outcome o = check_everywhere(kSmall, repeat, all);
  EXPECT_EQ(o.failed, 20'000u);
  EXPECT_EQ(o.rule, "panel.mark_unique");
}

TEST(ThreadTeamHostile, ARecordedMarkInOnePartAndARepeatInAnother) {
  std::vector<JudgeId> judges;
  (void)world().campaign(1, judges);
  const std::vector<MarkInput> all = all_marks(judges, kSmall);
  // Each part's cells above the part before's (the parts record on their threads): a
  // repeat in part 0, a mark recorded before the batch in a later part.
  Case late{"recorded late, repeat early", all, {all[20'000]}};
  late.batch[3'000] = late.batch[2'000];
  Outcome o = check_everywhere(kSmall, late, all);
  EXPECT_EQ(o.failed, 20'000u);
  EXPECT_EQ(o.rule, "panel.mark_unique");
  EXPECT_NE(o.message.find("already marked"), std::string::npos) << o.message;
  // The other way round: recorded in part 0, a repeat in the last part.
  Case early{"recorded early, repeat late", all, {all[1'000]}};
  early.batch[32'000] = early.batch[31'000];
  o = check_everywhere(kSmall, early, all);
  EXPECT_EQ(o.failed, 1'000u);
  EXPECT_NE(o.message.find("already marked"), std::string::npos) << o.message;
  // Recorded marks in two parts: the first is reported.
  Case two{"recorded in two parts", all, {all[5'000], all[30'000]}};
  o = check_everywhere(kSmall, two, all);
  EXPECT_EQ(o.failed, 5'000u);
  // Recorded only in the last part: every other part's marks are emptied again.
  Case last{"recorded in the last part", all, {all[33'599]}};
  o = check_everywhere(kSmall, last, all);
  EXPECT_EQ(o.failed, 33'599u);
}

// Each part's marks are checked in blocks of 1 024, its own from the front, then the
// other parts' from the back: refusals in the last block of a part (taken by another
// part), in blocks taken in either direction, and several at once, are reported where
// one thread reports them.
TEST(ThreadTeamHostile, RefusalsInBlocksTakenFromAnotherPartsBack) {
  std::vector<JudgeId> judges;
  (void)world().campaign(1, judges);
  const std::vector<MarkInput> all = all_marks(judges, kSmall);
  // Only the very last mark (the last block of the last part).
  Case last{"off step at the last mark", all, {}};
  last.batch[33'599].mark = "50.3"_dec;
  Outcome o = check_everywhere(kSmall, last, all);
  EXPECT_EQ(o.failed, 33'599u);
  EXPECT_EQ(o.rule, "panel.mark_step");
  // The last block of every part of 2 and 3, the first block of a later part, and the
  // last mark: the earliest (the last block of part 0 of 2) is reported.
  Case many{"off step in many blocks", all, {}};
  for (std::size_t at : {33'599U, 22'000U, 16'700U, 11'150U, 16'900U}) {
    many.batch[at].mark = "50.3"_dec;
  }
  o = check_everywhere(kSmall, many, all);
  EXPECT_EQ(o.failed, 11'150u);
  EXPECT_EQ(o.rule, "panel.mark_step");
  // A check's refusal late and a repeat early: the refusal wins (every mark is checked
  // before repeats count), wherever its block was taken.
  Case both{"repeat early, unknown judge late", all, {}};
  both.batch[2'000] = both.batch[1'000];
  both.batch[33'000].judge = JudgeId{99'999};
  o = check_everywhere(kSmall, both, all);
  EXPECT_EQ(o.failed, 33'000u);
}

// Who checks which block depends on timing; the refusal reported must not. Refusals at
// the front of parts and at their backs (where a part done with its own blocks takes
// them), the same refused batch given again and again to one campaign (a refused batch
// leaves it unchanged): every call reports the first.
TEST(ThreadTeamHostile, TheFirstRefusalWhoeverChecksItsBlock) {
  std::vector<JudgeId> judges;
  const auto c = world().campaign(kSmall, judges);
  const std::vector<MarkInput> all = all_marks(judges, kSmall);
  std::vector<MarkInput> batch = all;
  // 7 parts of 4 800 marks and 2 of 16 800: the front of part 1 of 7, the backs of
  // parts 1 to 6 of 7 and of part 1 of 2.
  for (std::size_t at : {4'900U, 9'500U, 14'300U, 19'100U, 23'900U, 28'700U, 33'500U}) {
    batch[at].mark = "50.3"_dec;
  }
  const kexie_test::Verdict one = kexie_test::mark_batch(*c, batch, Threads{});
  ASSERT_FALSE(one.ok);
  ASSERT_EQ(one.failed, 4'900u);
  ThreadTeam two(2);
  for (Threads threads : {Threads{2}, Threads{7}, two.threads(), Threads{7, &two}}) {
    for (int round = 0; round < 60; ++round) {
      ASSERT_EQ(kexie_test::mark_batch(*c, batch, threads), one)
          << threads.count << (threads.team ? " on a team" : "") << ", round " << round;
    }
  }
  c->mark_all(all, two.threads()).value();  // nothing was left pending
}

// Batches whose marks all name one entry leave every part but the first with no marks
// (the parts are whole entries): one cell given 10 000 times, and 10 000 marks of an
// entry that does not exist, are refused where one thread refuses them.
TEST(ThreadTeamHostile, ABatchOfOneEntryOnly) {
  std::vector<JudgeId> judges;
  (void)world().campaign(1, judges);
  const std::vector<MarkInput> all = all_marks(judges, kSmall);
  Case same{"one cell 10 000 times", std::vector<MarkInput>(10'000, all[0]), {}};
  Outcome o = check_everywhere(kSmall, same, all);
  EXPECT_EQ(o.failed, 1u);
  EXPECT_EQ(o.rule, "panel.mark_unique");
  Case none{"an entry that does not exist", std::vector<MarkInput>(10'000, all[0]), {}};
  for (MarkInput& m : none.batch) m.entry = EntryId{kSmall + 1};
  o = check_everywhere(kSmall, none, all);
  EXPECT_EQ(o.failed, 0u);
  EXPECT_FALSE(o.ok);
}

TEST(ThreadTeamHostile, RefusalsInTheSecondPieceOfABatch) {
  std::vector<JudgeId> judges;
  (void)world().campaign(1, judges);
  const std::vector<MarkInput> all = all_marks(judges, kLarge);
  ASSERT_GT(all.size(), std::size_t{1} << 18);
  // An off-step mark in the second piece after the first was recorded in parts.
  Case step{"off step in piece 2", all, {}};
  step.batch[270'001].mark = "50.3"_dec;
  Outcome o = check_everywhere(kLarge, step, all, false);
  EXPECT_EQ(o.failed, 270'001u);
  EXPECT_EQ(o.rule, "panel.mark_step");
  // A repeat in the first piece and a mark recorded before the batch in the second.
  Case recorded{"repeat in piece 1, recorded in piece 2", all, {all[275'000]}};
  recorded.batch[3'000] = recorded.batch[2'000];
  o = check_everywhere(kLarge, recorded, all, false);
  EXPECT_EQ(o.failed, 275'000u);
  EXPECT_NE(o.message.find("already marked"), std::string::npos) << o.message;
  // A cell of the first piece again in the second.
  Case across{"repeat across pieces", all, {}};
  across.batch[270'000] = across.batch[1'000];
  o = check_everywhere(kLarge, across, all, false);
  EXPECT_EQ(o.failed, 270'000u);
  EXPECT_EQ(o.rule, "panel.mark_unique");
}

TEST(ThreadTeamHostile, ATeamFromAnotherThreadAndDestroyedRightAfter) {
  std::vector<JudgeId> judges;
  const auto one = world().campaign(kSmall, judges);
  const std::vector<MarkInput> all = all_marks(judges, kSmall);
  one->mark_all(all).value();
  const std::string digest = one->score().value().digest();
  for (unsigned size : {0U, 1U, 3U, 64U, 1000U}) {
    std::vector<JudgeId> js;
    const auto c = world().campaign(kSmall, js);
    std::string there;
    {
      auto team = std::make_unique<ThreadTeam>(size);
      // made here, used by another application thread, then here again
      std::thread([&] { there = c->mark_all(all, team->threads()) ? "ok" : "refused"; }).join();
      EXPECT_EQ(c->score(team->threads()).value().digest(), digest) << size;
      team.reset();  // right after the call
    }
    EXPECT_EQ(there, "ok") << size;
    EXPECT_EQ(c->score().value().digest(), digest) << size;
  }
}

}  // namespace
