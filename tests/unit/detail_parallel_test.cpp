// detail::parallel_parts on a ThreadTeam (src/detail/parallel.hpp, src/thread_team.cpp):
// every part runs once, part 0 on the calling thread; a part's exception is rethrown on
// the calling thread and the team serves the next call; a call made from inside a part
// finds the team busy and starts its own threads; thousands of small calls in a row.
#include "detail/parallel.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <numeric>
#include <stdexcept>
#include <thread>
#include <vector>

#include "kexie/thread_team.hpp"

namespace {

using kexie::Threads;
using kexie::ThreadTeam;
using kexie::detail::parallel_parts;

// parallel_parts over [0, n) in `parts` parts: how many times each item was visited.
std::vector<int> visits(Threads threads, std::size_t n, std::size_t parts) {
  std::vector<int> seen(n, 0);
  parallel_parts(threads, n, parts, 4, [&](std::size_t, std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) ++seen[i];
  });
  return seen;
}

TEST(ParallelPartsOnATeam, EveryItemOnceForEveryPartCount) {
  ThreadTeam team(3);
  for (std::size_t parts = 1; parts <= 64; ++parts) {
    for (std::size_t n : {std::size_t{0}, std::size_t{5}, std::size_t{1000}}) {
      EXPECT_EQ(visits(team.threads(), n, parts), std::vector<int>(n, 1)) << parts << " " << n;
    }
  }
}

TEST(ParallelPartsOnATeam, PartZeroOnTheCallingThread) {
  ThreadTeam team(2);
  const std::thread::id me = std::this_thread::get_id();
  for (int round = 0; round < 100; ++round) {
    std::thread::id first;
    parallel_parts(team.threads(), 100, 2, 1, [&](std::size_t p, std::size_t, std::size_t) {
      if (p == 0) first = std::this_thread::get_id();
    });
    ASSERT_EQ(first, me);
  }
}

TEST(ParallelPartsOnATeam, APartsExceptionReachesTheCallerAndTheTeamGoesOn) {
  ThreadTeam team(2);
  for (std::size_t failing : {std::size_t{0}, std::size_t{1}, std::size_t{2}}) {
    EXPECT_THROW(parallel_parts(team.threads(), 300, 3, 1,
                                [&](std::size_t p, std::size_t, std::size_t) {
                                  if (p == failing) throw std::runtime_error("part");
                                }),
                 std::runtime_error);
    EXPECT_EQ(visits(team.threads(), 300, 3), std::vector<int>(300, 1));
  }
}

TEST(ParallelPartsOnATeam, ACallInsideAPartStartsItsOwnThreads) {
  ThreadTeam team(2);
  std::vector<std::vector<int>> inner(2);
  parallel_parts(team.threads(), 2, 2, 1, [&](std::size_t p, std::size_t, std::size_t) {
    inner[p] = visits(team.threads(), 500, 2);  // the team is busy: own threads
  });
  EXPECT_EQ(inner[0], std::vector<int>(500, 1));
  EXPECT_EQ(inner[1], std::vector<int>(500, 1));
}

TEST(ParallelPartsOnATeam, ThousandsOfSmallCallsInARow) {
  ThreadTeam team(3);
  std::atomic<std::size_t> sum{0};
  for (int round = 0; round < 5000; ++round) {
    parallel_parts(team.threads(), 30, 3, 1, [&](std::size_t, std::size_t b, std::size_t e) {
      sum.fetch_add(e - b, std::memory_order_relaxed);
    });
  }
  EXPECT_EQ(sum.load(), std::size_t{5000} * 30);
}

TEST(ParallelPartsOnATeam, AfterASleepTheTeamWakes) {
  ThreadTeam team(2);
  EXPECT_EQ(visits(team.threads(), 100, 2), std::vector<int>(100, 1));
  std::this_thread::sleep_for(std::chrono::milliseconds(5));  // past the spin: asleep
  EXPECT_EQ(visits(team.threads(), 100, 2), std::vector<int>(100, 1));
}

}  // namespace
