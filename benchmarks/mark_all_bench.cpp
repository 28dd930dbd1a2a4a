// Marks in at national scale (issue 17, item 3): Campaign::mark_all of the marks of
// 1 000 000 entries × 7 judges × 8 judged indicators (56 M marks), in batches of
// 100 000 MarkInput, into a campaign with every entry and assignment (the generated
// campaign of benchmarks/jiangbi_fixture.hpp, first prize only). In the same run,
// the baseline copies each batch into fresh storage (a std::vector<MarkInput> made from
// it). Each batch is generated before either is timed; wall and CPU time are summed over
// the batches, each repetition into a fresh campaign, and the medians printed with the
// ratio. Targets: ≥ 20 M marks/s and ≤ 3× the copy.
//
// With --threads=N (N > 1) the same batches also go through mark_all(batch,
// Threads{N}) into a second campaign (threads started by each call) and through
// mark_all(batch, team.threads()) into a third (a ThreadTeam of N made once, before
// the batches), and the speed-ups over one thread are printed.
//
// With --threads=N (N > 1), each repetition then also marks two more fresh campaigns,
// batch by batch: one on one thread, the other on the team while the application holds
// it awake (ThreadTeam::keep_awake, taken before the first batch and dropped after the
// last), and prints that speed-up: the team's threads spin between calls instead of
// sleeping, so no call waits for a thread to wake (40 µs to several hundred under a
// hypervisor), and they burn a core while the batches are made and the one-thread calls
// run. Not beside the Threads{N} calls above: a spinning thread would take a core from them.
//
// With --side-by-side, each repetition then also runs two one-thread jobs at once,
// each marking a campaign of its own with batches of its own (made by its own thread),
// call for call (a barrier before and after each call): what two threads gain when
// they share nothing, the host's own ceiling for a speed-up on two threads (twice one
// thread's time alone ÷ the slower job's time side by side).
//
//   mark_all_bench [--entries=N] [--batch=N] [--repetitions=N] [--threads=N] [--side-by-side]
#include <time.h>

#include <algorithm>
#include <barrier>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "jiangbi_fixture.hpp"
#include "kexie/kexie.hpp"

namespace {

constexpr std::size_t kJudges = kexie_bench::kPanelJudges;
constexpr std::size_t kIndicators = kexie_bench::kJudgedIndicators;

double cpu_now() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}
double wall_now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct Times {
  double wall = 0, cpu = 0;
};

// Times `f` into `t`.
template <class F>
void timed(Times& t, F&& f) {
  const double w0 = wall_now(), c0 = cpu_now();
  f();
  t.cpu += cpu_now() - c0;
  t.wall += wall_now() - w0;
}

// The next batch from mark `done` on, in the order a marks table comes: entry,
// indicator, judge.
void next_batch(std::vector<kexie::MarkInput>& batch, std::size_t batch_size, std::size_t done,
                std::size_t total, const std::vector<kexie::JudgeId>& judges,
                const std::vector<std::string>& codes, std::mt19937& rng) {
  batch.clear();
  while (batch.size() < batch_size && done + batch.size() < total) {
    const std::size_t k = done + batch.size();
    const std::size_t entry = k / (kJudges * kIndicators);
    const std::size_t ind = k / kJudges % kIndicators;
    const std::size_t judge = k % kJudges;
    const int half = std::min(200, 100 + static_cast<int>(rng() % 100));
    batch.push_back({judges[judge], kexie::EntryId(static_cast<std::uint32_t>(entry + 1)),
                     codes[ind], kexie_bench::half_points(half)});
  }
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t entries = 1'000'000, batch_size = 100'000, repetitions = 3;
  unsigned threads = 1;
  bool side_by_side = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--entries=", 10) == 0) {
      entries = std::stoul(argv[i] + 10);
    } else if (std::strncmp(argv[i], "--batch=", 8) == 0) {
      batch_size = std::max<std::size_t>(1, std::stoul(argv[i] + 8));
    } else if (std::strncmp(argv[i], "--threads=", 10) == 0) {
      threads = static_cast<unsigned>(std::max<unsigned long>(1, std::stoul(argv[i] + 10)));
    } else if (std::strcmp(argv[i], "--side-by-side") == 0) {
      side_by_side = true;
    } else if (std::strncmp(argv[i], "--repetitions=", 14) == 0) {
      repetitions = std::max<std::size_t>(1, std::stoul(argv[i] + 14));
    } else {
      std::fprintf(stderr,
                   "usage: mark_all_bench [--entries=N] [--batch=N] [--repetitions=N] "
                   "[--threads=N] [--side-by-side]\n");
      return 2;
    }
  }
  // The generated campaign of benchmarks/jiangbi_fixture.hpp, first prize only; a
  // fresh one (every entry and assignment, no mark) per repetition.
  const kexie_bench::JiangbiRegistry w;
  const kexie::CampaignSpec spec = w.spec("national", kexie_bench::first_prize_tier());
  const kexie::Rubric rubric =
      kexie_bench::jiangbi_rubric("bench", kexie_bench::national_weights());
  const std::size_t total = entries * kJudges * kIndicators;
  std::vector<std::string> codes;
  for (std::size_t i = 0; i < kIndicators; ++i) codes.push_back(kexie_bench::indicator_code(i));
  std::vector<double> mark_wall, mark_cpu, copy_wall, copy_cpu, par_wall, par_cpu, team_wall,
      team_cpu, side_slower, held_one_wall, held_team_wall;
  const std::unique_ptr<kexie::ThreadTeam> team =
      threads > 1 ? std::make_unique<kexie::ThreadTeam>(threads) : nullptr;
  for (std::size_t rep = 0; rep < repetitions; ++rep) {
    std::vector<kexie::JudgeId> judges;
    const double s0 = wall_now();
    auto c = w.campaign(spec, rubric, entries, judges);
    std::vector<kexie::JudgeId> judges2;
    auto c2 = threads > 1 ? w.campaign(spec, rubric, entries, judges2) : nullptr;
    std::vector<kexie::JudgeId> judges3;
    auto c3 = threads > 1 ? w.campaign(spec, rubric, entries, judges3) : nullptr;
    const double setup = wall_now() - s0;
    std::mt19937 rng(20261129);
    std::vector<kexie::MarkInput> batch;
    batch.reserve(batch_size);
    Times marking, copying, parallel, teamed;
    std::size_t n = 0, done = 0;
    while (done < total) {
      next_batch(batch, batch_size, done, total, judges, codes, rng);
      timed(copying, [&] {
        std::vector<kexie::MarkInput> copy(batch.begin(), batch.end());
        asm volatile("" : : "r"(copy.data()) : "memory");
      });
      timed(marking, [&] { c->mark_all(batch).value(); });
      if (c2) timed(parallel, [&] { c2->mark_all(batch, kexie::Threads{threads}).value(); });
      if (c3) timed(teamed, [&] { c3->mark_all(batch, team->threads()).value(); });
      done += batch.size();
      ++n;
    }
    std::printf(
        "repetition %zu: setup %.1f s; mark_all %.3f s wall %.3f s CPU; copy %.3f s wall "
        "%.3f s CPU (%zu batches)\n",
        rep + 1, setup, marking.wall, marking.cpu, copying.wall, copying.cpu, n);
    mark_wall.push_back(marking.wall);
    mark_cpu.push_back(marking.cpu);
    copy_wall.push_back(copying.wall);
    copy_cpu.push_back(copying.cpu);
    if (c2) {
      std::printf(
          "repetition %zu: mark_all on %u threads %.3f s wall %.3f s CPU; same digest: %s\n",
          rep + 1, threads, parallel.wall, parallel.cpu,
          c->score().value().digest() == c2->score().value().digest() ? "yes" : "NO");
      par_wall.push_back(parallel.wall);
      par_cpu.push_back(parallel.cpu);
      std::printf(
          "repetition %zu: mark_all on a team of %u %.3f s wall %.3f s CPU; same digest: %s\n",
          rep + 1, team->size(), teamed.wall, teamed.cpu,
          c->score().value().digest() == c3->score().value().digest() ? "yes" : "NO");
      team_wall.push_back(teamed.wall);
      team_cpu.push_back(teamed.cpu);
    }
    c.reset();
    c2.reset();
    c3.reset();
    if (team) {
      // One thread and the team held awake, batch by batch, each into a fresh campaign.
      std::vector<kexie::JudgeId> judges4, judges5;
      auto c4 = w.campaign(spec, rubric, entries, judges4);
      auto c5 = w.campaign(spec, rubric, entries, judges5);
      std::mt19937 held_rng(20261129);
      Times one, held;
      {
        const kexie::ThreadTeam::Awake awake = team->keep_awake();
        for (std::size_t from = 0; from < total; from += batch.size()) {
          next_batch(batch, batch_size, from, total, judges4, codes, held_rng);
          timed(one, [&] { c4->mark_all(batch).value(); });
          timed(held, [&] { c5->mark_all(batch, team->threads()).value(); });
        }
      }
      std::printf(
          "repetition %zu: one thread %.3f s wall; a team of %u held awake %.3f s wall; same "
          "digest: %s\n",
          rep + 1, one.wall, team->size(), held.wall,
          c4->score().value().digest() == c5->score().value().digest() ? "yes" : "NO");
      held_one_wall.push_back(one.wall);
      held_team_wall.push_back(held.wall);
    }
    if (side_by_side) {
      // Two jobs of one thread each, call for call; each thread makes its own batches.
      std::vector<kexie::JudgeId> side_judges[2];
      std::unique_ptr<kexie::Campaign> side[2];
      for (int j = 0; j < 2; ++j) side[j] = w.campaign(spec, rubric, entries, side_judges[j]);
      double side_wall[2] = {0, 0};
      std::barrier<> call_for_call(2);
      const auto job = [&](int j) {
        std::mt19937 side_rng(20261129);
        std::vector<kexie::MarkInput> side_batch;
        side_batch.reserve(batch_size);
        for (std::size_t from = 0; from < total; from += batch_size) {
          next_batch(side_batch, batch_size, from, total, side_judges[j], codes, side_rng);
          call_for_call.arrive_and_wait();
          const double w0 = wall_now();
          side[j]->mark_all(side_batch).value();
          side_wall[j] += wall_now() - w0;
          call_for_call.arrive_and_wait();
        }
      };
      std::thread other(job, 1);
      job(0);
      other.join();
      std::printf(
          "repetition %zu: two one-thread jobs side by side, each on its own campaign: "
          "%.3f s and %.3f s wall (one thread alone above: %.3f s)\n",
          rep + 1, side_wall[0], side_wall[1], marking.wall);
      side_slower.push_back(std::max(side_wall[0], side_wall[1]));
    }
  }
  const double mw = median(mark_wall), mc = median(mark_cpu);
  const double cw = median(copy_wall), cc = median(copy_cpu);
  std::printf(
      "\n%zu marks (%zu entries x %zu judges x %zu indicators), batches of %zu, median of %zu\n",
      total, entries, kJudges, kIndicators, batch_size, repetitions);
  std::printf(
      "mark_all: %.3f s wall, %.3f s CPU = %.1f M marks/s wall, %.1f M marks/s CPU (target >= "
      "20)\n",
      mw, mc, static_cast<double>(total) / mw / 1e6, static_cast<double>(total) / mc / 1e6);
  std::printf("copy of the MarkInput batches into fresh storage: %.3f s wall, %.3f s CPU\n", cw,
              cc);
  std::printf("mark_all / copy: %.2fx wall, %.2fx CPU (target <= 3x)\n", mw / cw, mc / cc);
  if (!par_wall.empty()) {
    const double pw = median(par_wall), pc = median(par_cpu);
    std::printf(
        "mark_all on %u threads: %.3f s wall, %.3f s CPU (all threads); speed-up over one "
        "thread %.2fx wall\n",
        threads, pw, pc, mw / pw);
    const double tw = median(team_wall), tc = median(team_cpu);
    std::printf(
        "mark_all on a ThreadTeam of %u: %.3f s wall, %.3f s CPU (rough: a running team "
        "thread's time is added at the kernel's ticks); speed-up over one thread %.2fx wall\n",
        team->size(), tw, tc, mw / tw);
  }
  if (!held_team_wall.empty()) {
    const double ow = median(held_one_wall), hw = median(held_team_wall);
    std::printf(
        "mark_all on a ThreadTeam of %u held awake (keep_awake): %.3f s wall against one "
        "thread's %.3f s in the same batches; speed-up over one thread %.2fx wall\n",
        team->size(), hw, ow, ow / hw);
  }
  if (!side_slower.empty()) {
    const double sw = median(side_slower);
    std::printf(
        "two one-thread jobs side by side: the slower %.3f s wall; the host's ceiling for two "
        "threads sharing nothing 2 x %.3f / %.3f = %.2fx\n",
        sw, mw, sw, 2 * mw / sw);
  }
  return 0;
}
