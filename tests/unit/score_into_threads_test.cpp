// The round-5 scoring calls of the C API from several threads at once (issue 17,
// round 6): what kexie.h and docs/reliability.md promise of them, checked.
//
//   - kx_campaign_score_with, kx_campaign_score_into (each thread into its own board)
//     and kx_campaign_standings_foreach_with / _columns are const on the campaign:
//     several threads may make them on one kx_campaign at once, each on several
//     threads of its own, and every thread sees the serial results;
//   - every kx_scoreboard_* accessor only reads: several threads reading one board
//     see the serial rows, and the same borrowed strings (the board's own texts);
//   - a board scored into again by another campaign, while the first campaign goes on
//     scoring its own boards, holds the other campaign's results only.
//
// Under ThreadSanitizer (the tsan preset) this is what makes the claims sharp:
//   cmake --preset tsan && cmake --build --preset tsan -j2 --target score_into_threads_test
//   build/tsan/tests/unit/score_into_threads_test
#include <gtest/gtest.h>

#include <barrier>
#include <cstdint>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "kexie/kexie.h"
#include "kexie/snapshot.hpp"
#include "support/c_board_lines.hpp"
#include "support/loaded_campaign.hpp"
#include "support/snapshot_world.hpp"

namespace {

constexpr int kThreads = 4;

// 600 entries: more than one part of 512, so the threaded passes really split the work.
kexie_test::SnapshotContent content(std::uint64_t seed) {
  return kexie_test::make_content(seed, 30, 2, 600);
}

int append_standing(const kx_standing* s, void* payload) {
  static_cast<std::string*>(payload)->append(std::to_string(s->entry) + ":" + s->total + ":" +
                                             std::to_string(s->rank) + ",");
  return 0;
}

std::string standings_of(const kx_campaign* c, uint32_t threads) {
  std::string out;
  EXPECT_EQ(kx_campaign_standings_foreach_with(c, threads, append_standing, &out), 0);
  return out;
}

// The first 600 entry ids of the standings as columns, and how many rows there are
// (empty when the call fails).
std::pair<std::vector<uint32_t>, size_t> standing_ids(const kx_campaign* c) {
  std::vector<uint32_t> ids(600);
  size_t rows = 0;
  if (kx_campaign_standings_columns(c, ids.size(), ids.data(), nullptr, nullptr, nullptr, nullptr,
                                    &rows) != 0) {
    return {};
  }
  return {ids, rows};
}

// A board scored on `threads` threads, its rows, the board kept in `*keep` when asked.
std::vector<std::string> scored_rows(const kx_campaign* c, uint32_t threads,
                                     kx_scoreboard** keep = nullptr) {
  kx_scoreboard* board = nullptr;
  EXPECT_EQ(kx_campaign_score_with(&board, c, threads), 0);
  if (board == nullptr) return {};
  std::vector<std::string> rows = kexie_test::c_board_lines(board);
  if (keep != nullptr) {
    *keep = board;
  } else {
    kx_scoreboard_free(board);
  }
  return rows;
}

/// Runs `work(t)` on kThreads threads started together; returns how many said false.
template <class F>
int together(F work) {
  std::barrier start(kThreads);
  std::vector<int> wrong(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      if (!work(t)) wrong[static_cast<std::size_t>(t)] = 1;
    });
  }
  for (std::thread& t : threads) t.join();
  int sum = 0;
  for (int w : wrong) sum += w;
  return sum;
}

TEST(ScoreIntoThreads, OneCampaignScoredIntoOwnBoardsAndRankedFromManyThreads) {
  const kexie_test::SnapshotContent source = content(21);
  const kexie_test::LoadedCampaign loaded(source);
  const std::vector<std::string> expected = scored_rows(loaded.campaign, 1);
  ASSERT_GT(expected.size(), 600u);
  const std::string standings = standings_of(loaded.campaign, 1);
  const auto ids = standing_ids(loaded.campaign);
  ASSERT_GT(ids.second, 0u);

  const int wrong = together([&](int t) {
    bool same = true;
    kx_scoreboard* mine = nullptr;
    // Each thread's calls on 1, 2 and 3 threads of their own, in a different order.
    if (kx_campaign_score_with(&mine, loaded.campaign, 1 + static_cast<uint32_t>(t) % 3) != 0)
      return false;
    same = same && kexie_test::c_board_lines(mine) == expected;
    for (uint32_t round = 0; round < 3; ++round) {
      const uint32_t threads = 1 + (static_cast<uint32_t>(t) + round) % 3;
      same = same && kx_campaign_score_into(mine, loaded.campaign, threads) == 0;
      same = same && kexie_test::c_board_lines(mine) == expected;
      same = same && standings_of(loaded.campaign, threads) == standings;
      same = same && standing_ids(loaded.campaign) == ids;
    }
    kx_scoreboard_free(mine);
    return same;
  });
  EXPECT_EQ(wrong, 0);
}

TEST(ScoreIntoThreads, OneBoardReadFromManyThreadsLendsTheSameStrings) {
  const kexie_test::SnapshotContent source = content(22);
  const kexie_test::LoadedCampaign loaded(source);
  kx_scoreboard* board = nullptr;
  const std::vector<std::string> expected = scored_rows(loaded.campaign, 2, &board);
  ASSERT_NE(board, nullptr);
  kx_entry_result first{};
  ASSERT_EQ(kx_scoreboard_entry(&first, board, 0), 0);
  const int wrong = together([&](int) {
    kx_entry_result r{};
    if (kx_scoreboard_entry(&r, board, 0) != 0) return false;
    return kexie_test::c_board_lines(board) == expected && r.code == first.code &&
           r.total == first.total;
  });
  EXPECT_EQ(wrong, 0);
  kx_scoreboard_free(board);
}

// Two campaigns share nothing: one thread scores campaign B into a board campaign A
// scored before (A's fixed facts must not survive in it), while the others score A
// into boards of their own.
TEST(ScoreIntoThreads, ABoardTakenOverByAnotherCampaignWhileTheFirstGoesOn) {
  const kexie_test::SnapshotContent a_source = content(23);
  const kexie_test::SnapshotContent b_source = content(24);
  const kexie_test::LoadedCampaign a(a_source);
  const kexie_test::LoadedCampaign b(b_source);
  const std::vector<std::string> of_a = scored_rows(a.campaign, 1);
  const std::vector<std::string> of_b = scored_rows(b.campaign, 1);
  ASSERT_FALSE(of_a.empty());
  ASSERT_NE(of_a, of_b);

  std::vector<kx_scoreboard*> boards(kThreads, nullptr);
  for (kx_scoreboard*& board : boards) ASSERT_EQ(kx_campaign_score_with(&board, a.campaign, 2), 0);
  const int wrong = together([&](int t) {
    kx_scoreboard* board = boards[static_cast<std::size_t>(t)];
    const kx_campaign* by = t == 0 ? b.campaign : a.campaign;
    const std::vector<std::string>& expected = t == 0 ? of_b : of_a;
    for (uint32_t threads = 1; threads <= 3; ++threads) {
      if (kx_campaign_score_into(board, by, threads) != 0 ||
          kexie_test::c_board_lines(board) != expected)
        return false;
    }
    // ... and back: the board the other campaign overwrote reads as the first's again.
    return t != 0 || (kx_campaign_score_into(board, a.campaign, 2) == 0 &&
                      kexie_test::c_board_lines(board) == of_a);
  });
  EXPECT_EQ(wrong, 0);
  for (kx_scoreboard* board : boards) kx_scoreboard_free(board);
}

}  // namespace
