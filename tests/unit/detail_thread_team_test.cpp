// detail::parallel_parts on a ThreadTeam (src/detail/parallel.hpp, src/thread_team.cpp):
// every part runs once, part 0 on the calling thread; a part's exception is rethrown on
// the calling thread and the team serves the next call; a call made from inside a part
// finds the team busy and starts its own threads; thousands of small calls in a row; a
// wake after the team fell asleep; holds that keep the team awake (ThreadTeam::keep_awake).
//
// And the team's hand-out of parts attacked at the detail level:
// a job of more parts right after one of fewer (a worker still reading the finished
// job must not take a part of the next one: it ran that part twice and the call never
// returned), an exception in one part while the others run, counts above and below the
// team's size, teams of 0, 1, 64 and 1000, a team used from a thread other than the one
// that made it, many teams alive at once, and a team destroyed right after a call.
//
// The first test is a stress test: the fault it guards against showed within a few
// hundred thousand calls on two cores; under ThreadSanitizer (the tsan preset) the
// unsynchronised read behind it is reported on every run.
#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "detail/parallel.hpp"
#include "kexie/thread_team.hpp"

namespace {

using kexie::Threads;
using kexie::ThreadTeam;
using kexie::detail::parallel_parts;
using kexie::detail::TeamAccess;

// Counts of the parts of one small job (at most 4 parts): how many times each ran.
struct SmallJob {
  std::array<std::atomic<int>, 4> ran{};
};

void count_small_part(void* ctx, std::size_t part) {
  static_cast<SmallJob*>(ctx)->ran[part].fetch_add(1, std::memory_order_relaxed);
}

// Calls of `few` and `many` parts (at most 4) in turn on one team, back to back, each
// with its own job; then how many jobs had a part run other than once (a part run late
// on a job whose call had returned counts too).
int wrong_jobs(unsigned size, std::size_t few, std::size_t many, std::size_t rounds) {
  ThreadTeam team(size);
  std::vector<SmallJob> jobs(rounds);
  for (std::size_t r = 0; r < rounds; ++r) {
    if (!TeamAccess::run(team, r % 2 == 0 ? few : many, &count_small_part, &jobs[r])) {
      return -1;  // never busy here
    }
  }
  int wrong = 0;
  for (std::size_t r = 0; r < rounds; ++r) {
    const std::size_t parts = r % 2 == 0 ? few : many;
    for (std::size_t p = 0; p < 4; ++p) {
      if (jobs[r].ran[p].load(std::memory_order_relaxed) != (p < parts ? 1 : 0)) {
        ++wrong;
        break;
      }
    }
  }
  return wrong;
}

TEST(TeamParts, AJobOfMorePartsAfterOneOfFewerRunsEachPartOnce) {
  EXPECT_EQ(wrong_jobs(3, 2, 3, 100'000), 0);
  EXPECT_EQ(wrong_jobs(2, 2, 3, 100'000), 0);
  EXPECT_EQ(wrong_jobs(4, 2, 4, 100'000), 0);
  EXPECT_EQ(wrong_jobs(3, 1, 3, 100'000), 0);
}

// parallel_parts over [0, n) in `parts` parts (boundaries multiples of `align`): how
// many times each item was visited.
std::vector<int> visits(Threads threads, std::size_t n, std::size_t parts, std::size_t align = 1) {
  std::vector<int> seen(n, 0);
  parallel_parts(threads, n, parts, align, [&](std::size_t, std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) ++seen[i];
  });
  return seen;
}

TEST(TeamParts, AnExceptionInOnePartWhileTheOthersRun) {
  ThreadTeam team(3);
  ASSERT_EQ(team.size(), 3U);
  for (const Threads threads : {team.threads(), Threads{3}}) {
    for (int round = 0; round < 50; ++round) {
      std::atomic<bool> thrown{false};
      std::array<std::atomic<int>, 3> done{};
      // Part 1 throws; parts 0 and 2 wait until it has, then finish their work: the
      // call rethrows part 1's exception only after both have finished.
      EXPECT_THROW(parallel_parts(threads, 3, 3, 1,
                                  [&](std::size_t p, std::size_t, std::size_t) {
                                    if (p == 1) {
                                      thrown.store(true);
                                      throw std::runtime_error("part 1");
                                    }
                                    while (!thrown.load()) std::this_thread::yield();
                                    done[p].store(1);
                                  }),
                   std::runtime_error);
      EXPECT_EQ(done[0].load() + done[2].load(), 2) << round;
    }
    // Two parts throw: the lowest part's exception is the one rethrown.
    try {
      parallel_parts(threads, 3, 3, 1, [&](std::size_t p, std::size_t, std::size_t) {
        if (p == 1) throw std::logic_error("part 1");
        if (p == 2) throw std::runtime_error("part 2");
      });
      ADD_FAILURE() << "no exception";
    } catch (const std::logic_error&) {
    } catch (...) {
      ADD_FAILURE() << "part 2's exception";
    }
    EXPECT_EQ(visits(threads, 3000, 3), std::vector<int>(3000, 1));  // the team goes on
  }
}

TEST(TeamParts, CountsAboveAndBelowTheTeamsSize) {
  ThreadTeam two(2);
  EXPECT_EQ(visits(Threads{5, &two}, 1000, 5), std::vector<int>(1000, 1));
  ThreadTeam seven(7);
  EXPECT_EQ(visits(Threads{2, &seven}, 1000, 2), std::vector<int>(1000, 1));
  for (unsigned size : {0U, 1U}) {
    ThreadTeam none(size);
    ASSERT_EQ(none.size(), 1U);
    const std::thread::id me = std::this_thread::get_id();
    int elsewhere = 0;
    parallel_parts(Threads{4, &none}, 400, 4, 1, [&](std::size_t, std::size_t, std::size_t) {
      if (std::this_thread::get_id() != me) ++elsewhere;  // every part here: no race
    });
    EXPECT_EQ(elsewhere, 0) << size;
    EXPECT_EQ(visits(none.threads(), 400, 4), std::vector<int>(400, 1));
  }
  for (unsigned size : {64U, 1000U}) {
    ThreadTeam big(size);
    EXPECT_EQ(big.size(), 64U);
    EXPECT_EQ(visits(big.threads(), 6400, 64), std::vector<int>(6400, 1)) << size;
    EXPECT_EQ(visits(big.threads(), 6400, 3), std::vector<int>(6400, 1)) << size;
    // More parts than a call makes: the team refuses the job, the call's own threads
    // run it.
    SmallJob job;
    EXPECT_FALSE(TeamAccess::run(big, 65, &count_small_part, &job));
    EXPECT_EQ(job.ran[0].load(), 0);
  }
}

TEST(TeamParts, ATeamUsedFromAnotherThread) {
  ThreadTeam team(3);
  std::vector<int> seen;
  std::thread([&] { seen = visits(team.threads(), 900, 3); }).join();
  EXPECT_EQ(seen, std::vector<int>(900, 1));
  EXPECT_EQ(visits(team.threads(), 900, 3), std::vector<int>(900, 1));  // and back here
}

TEST(TeamParts, ManyTeamsAliveAtOnce) {
  std::vector<std::unique_ptr<ThreadTeam>> teams;
  for (int k = 0; k < 12; ++k) teams.push_back(std::make_unique<ThreadTeam>(3));
  std::array<int, 2> wrong{};
  {
    std::vector<std::jthread> callers;
    for (std::size_t c = 0; c < 2; ++c) {
      callers.emplace_back([&, c] {
        for (int round = 0; round < 30; ++round) {
          for (std::size_t k = c; k < teams.size(); k += 2) {  // each caller its own teams
            if (visits(teams[k]->threads(), 300, 2 + k % 3) != std::vector<int>(300, 1)) {
              ++wrong[c];
            }
          }
          // and one team both use: one of them may find it busy
          if (visits(teams[0]->threads(), 300, 3) != std::vector<int>(300, 1)) ++wrong[c];
        }
      });
    }
  }
  EXPECT_EQ(wrong, (std::array<int, 2>{0, 0}));
}

TEST(TeamParts, ATeamDestroyedRightAfterACall) {
  for (int round = 0; round < 100; ++round) {
    ThreadTeam team(3);
    EXPECT_EQ(visits(team.threads(), 300, 3), std::vector<int>(300, 1)) << round;
  }
  for (int round = 0; round < 100; ++round) {
    ThreadTeam team(2);  // destroyed before its threads have seen any job
  }
}

TEST(ParallelPartsOnATeam, EveryItemOnceForEveryPartCount) {
  ThreadTeam team(3);
  for (std::size_t parts = 1; parts <= 64; ++parts) {
    for (std::size_t n : {std::size_t{0}, std::size_t{5}, std::size_t{1000}}) {
      EXPECT_EQ(visits(team.threads(), n, parts, 4), std::vector<int>(n, 1)) << parts << " " << n;
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

// Waits until `team` has `n` threads asleep; false after `limit` (a liveness check with
// room for a loaded machine, not a timing: the threads fall asleep about 0.2 ms after
// their last part when nothing holds them awake).
bool asleep_within(const ThreadTeam& team, unsigned n,
                   std::chrono::milliseconds limit = std::chrono::seconds(20)) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (TeamAccess::asleep(team) != n) {
    if (std::chrono::steady_clock::now() >= until) return false;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return true;
}

TEST(KeepAwake, AHoldWakesTheSleepersAndKeepsThemAwakeUntilLetGo) {
  ThreadTeam team(3);
  ASSERT_TRUE(asleep_within(team, 2));  // idle: both started threads fall asleep
  {
    const ThreadTeam::Awake awake = team.keep_awake();
    EXPECT_TRUE(asleep_within(team, 0));  // woken at once
    for (int round = 0; round < 20; ++round) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));  // well past the spin
      ASSERT_EQ(TeamAccess::asleep(team), 0U) << round;
      EXPECT_EQ(visits(team.threads(), 300, 3), std::vector<int>(300, 1));
    }
  }
  EXPECT_TRUE(asleep_within(team, 2));  // let go: asleep again
  EXPECT_EQ(visits(team.threads(), 300, 3), std::vector<int>(300, 1));
}

TEST(KeepAwake, HoldsAreCountedMovedAndTakenFromAnyThread) {
  ThreadTeam team(2);
  std::optional<ThreadTeam::Awake> first(team.keep_awake());
  ASSERT_TRUE(asleep_within(team, 0));  // awake from here on while any hold lives
  ThreadTeam::Awake second = team.keep_awake();
  ThreadTeam::Awake moved(std::move(second));            // `second` holds nothing now
  { const ThreadTeam::Awake gone = std::move(second); }  // letting go of nothing
  first.reset();                                         // `moved` still holds
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  EXPECT_EQ(TeamAccess::asleep(team), 0U);
  ThreadTeam::Awake other = team.keep_awake();
  other = std::move(moved);  // lets go of one hold, keeps the other
  ThreadTeam::Awake& same = moved;
  moved = std::move(same);  // moved-from, moved onto itself: holds nothing still
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  EXPECT_EQ(TeamAccess::asleep(team), 0U);
  // Holds taken and dropped by several threads at once, with calls between.
  std::vector<std::thread> takers;
  for (int t = 0; t < 4; ++t) {
    takers.emplace_back([&team] {
      for (int k = 0; k < 2000; ++k) {
        const ThreadTeam::Awake awake = team.keep_awake();
      }
    });
  }
  for (int round = 0; round < 200; ++round) {
    ASSERT_EQ(visits(team.threads(), 100, 2), std::vector<int>(100, 1)) << round;
  }
  for (std::thread& t : takers) t.join();
  EXPECT_EQ(TeamAccess::asleep(team), 0U);  // `other` still holds
  { const ThreadTeam::Awake last = std::move(other); }
  EXPECT_TRUE(asleep_within(team, 1));
}

TEST(KeepAwake, ATeamWithoutThreadsOfItsOwnTakesHoldsToo) {
  for (unsigned size : {0U, 1U}) {
    ThreadTeam team(size);
    const ThreadTeam::Awake awake = team.keep_awake();
    EXPECT_EQ(TeamAccess::asleep(team), 0U);
    EXPECT_EQ(visits(team.threads(), 100, 2), std::vector<int>(100, 1)) << size;
  }
}

TEST(KeepAwake, ATeamDestroyedWhileItsThreadsSpinForAHold) {
  for (int round = 0; round < 50; ++round) {
    ThreadTeam team(3);
    {
      const ThreadTeam::Awake awake = team.keep_awake();
      EXPECT_EQ(visits(team.threads(), 300, 3), std::vector<int>(300, 1));
    }  // the hold goes first, as documented; the threads may still be spinning
  }
}

}  // namespace
