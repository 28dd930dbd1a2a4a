// kexie::ThreadTeam (issue 17): the application's threads lent to mark_all, standings()
// and score(). The same marks, results and digests as on one thread, for every team
// size, call after call on one team; two application threads sharing one team (the
// second finds it busy and starts its own threads); a refusal the same as on one thread.
//
// Under ThreadSanitizer (the tsan preset):
//   cmake --preset tsan && cmake --build --preset tsan -j2 --target thread_team_test
//   build/tsan/tests/unit/thread_team_test
#include "kexie/thread_team.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <thread>
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
using kexie::ThreadTeam;
using namespace kexie::literals;

// 3 000 entries: the scoring pass (parts of 512) and the ranking passes (parts of
// 1 024) both split on two threads and more.
constexpr std::size_t kEntries = 3000;
constexpr std::size_t kPiece = 10'000;  // marks per mark_all call: many calls on one team

const kexie_test::MarkingWorld& world() {
  static const kexie_test::MarkingWorld w("team", kexie_bench::three_prize_tiers());
  return w;
}

// Every mark of every entry, entry by entry; ties on purpose (few distinct totals).
std::vector<MarkInput> all_marks(const std::vector<JudgeId>& judges) {
  return kexie_test::all_marks(judges, kEntries, 60);
}

// `marks` given to a fresh campaign in pieces of kPiece, each on `threads`.
std::unique_ptr<Campaign> marked(Threads threads) {
  std::vector<JudgeId> judges;
  auto c = world().campaign(kEntries, judges);
  const std::vector<MarkInput> marks = all_marks(judges);
  const std::span<const MarkInput> all(marks);
  for (std::size_t at = 0; at < all.size(); at += kPiece) {
    const kexie::Status st =
        c->mark_all(all.subspan(at, std::min(kPiece, all.size() - at)), threads);
    EXPECT_TRUE(st) << st.error().message();
  }
  return c;
}

// The standings as text, one line per listing place.
std::vector<std::string> standings_of(const Campaign& c, Threads threads) {
  std::vector<std::string> out;
  for (const kexie::Standing& s : c.standings(threads).value()) {
    out.push_back(std::to_string(s.entry.value()) + " " + s.total.to_string() + " " +
                  std::to_string(s.rank) + " " + std::to_string(s.position));
  }
  return out;
}

TEST(ThreadTeam, SizeCountsTheCallingThread) {
  EXPECT_EQ(ThreadTeam(0).size(), 1U);
  EXPECT_EQ(ThreadTeam(1).size(), 1U);
  ThreadTeam three(3);
  EXPECT_EQ(three.size(), 3U);  // a test machine can start two threads
  EXPECT_EQ(three.threads().count, 3U);
  EXPECT_EQ(three.threads().team, &three);
  EXPECT_EQ(ThreadTeam(1000).size(), 64U);  // never more than the most parts a call makes
  EXPECT_EQ(Threads{}.team, nullptr);
}

TEST(ThreadTeam, MarksResultsAndDigestsAsOnOneThread) {
  const auto one = marked(Threads{});
  const std::string digest = one->score().value().digest();
  const std::vector<std::string> standings = standings_of(*one, Threads{});
  for (unsigned size : {2U, 3U, 7U}) {
    ThreadTeam team(size);
    const auto c = marked(team.threads());  // 17 calls of mark_all on the one team
    kexie::Scoreboard board;
    for (int round = 0; round < 3; ++round) {  // the team again, call after call
      EXPECT_EQ(standings_of(*c, team.threads()), standings) << size;
      ASSERT_TRUE(c->score(board, team.threads())) << size;
      EXPECT_EQ(board.digest(), digest) << size;
      EXPECT_EQ(c->score(team.threads()).value().digest(), digest) << size;
    }
  }
}

TEST(ThreadTeam, ACountAboveTheTeamsSizeRunsTheRestOnTheCallingThread) {
  const auto c = marked(Threads{});
  ThreadTeam team(2);
  EXPECT_EQ(standings_of(*c, Threads{7, &team}), standings_of(*c, Threads{}));
  EXPECT_EQ(c->score(Threads{7, &team}).value().digest(), c->score().value().digest());
}

TEST(ThreadTeam, TwoApplicationThreadsShareOneTeam) {
  const auto c = marked(Threads{});
  const std::vector<std::string> expected = standings_of(*c, Threads{});
  const std::string digest = c->score().value().digest();
  ThreadTeam team(2);
  std::vector<int> wrong(2, 0);
  {
    std::vector<std::jthread> callers;
    for (std::size_t k = 0; k < 2; ++k) {
      callers.emplace_back([&, k] {
        for (int round = 0; round < 8; ++round) {
          if (standings_of(*c, team.threads()) != expected) ++wrong[k];
          if (c->score(team.threads()).value().digest() != digest) ++wrong[k];
        }
      });
    }
  }
  EXPECT_EQ(wrong, std::vector<int>(2, 0));
}

TEST(ThreadTeam, ARefusalIsTheSameAsOnOneThread) {
  const auto refused = [](Threads threads) {
    std::vector<JudgeId> judges;
    const auto c = world().campaign(kEntries, judges);
    std::vector<MarkInput> marks = all_marks(judges);
    marks.resize(40'000);
    marks[31'000].mark = "1000"_dec;  // off the scale, in the second half
    std::size_t failed = 0;
    const kexie::Status st = c->mark_all(marks, threads, &failed);
    EXPECT_FALSE(st);
    return std::to_string(failed) + " " + (st ? "" : st.error().message()) + " " +
           c->score().value().digest();
  };
  ThreadTeam team(2);
  const std::string one = refused(Threads{});
  EXPECT_EQ(refused(team.threads()), one);
  EXPECT_EQ(refused(team.threads()), one);  // the team is free again after a refusal
}

}  // namespace
