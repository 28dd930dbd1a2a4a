// Scoring at national scale: 1 000 000 entries × 7 judges × 8 judged indicators,
// on 1 and 2 threads. Times Campaign::standings() (aggregation by trimmed mean,
// exact weighted totals, ranking), Campaign::score() cold (a fresh Scoreboard) and
// into a reused Scoreboard (plus awards, advanced units and individuals, cusps,
// digest) and, in the same run, the memory-bound limit: a plain streaming sum over
// the same marks array. Prints each ratio to that sum, the speed-up on 2 threads
// and the scoreboard's bytes per entry (issue 17's targets).
//
//   scoring_bench [--entries=N] [--export=DIR] [benchmark flags]
//
// --export=DIR writes the generated marks (int32, entry-major: entry × indicator
// × judge, 4 places), the weights and kexie's totals and timing, which
// benchmarks/compare/scoring_pandas.py reads to check pandas against kexie.
#include <benchmark/benchmark.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "campaign_state.hpp"
#include "jiangbi_fixture.hpp"
#include "kexie/kexie.hpp"
#include "summary_reporter.hpp"

namespace {

std::size_t g_entries = 1'000'000;
std::string g_export;
constexpr std::size_t kJudges = kexie_bench::kPanelJudges;
constexpr std::size_t kIndicators = kexie_bench::kJudgedIndicators;

// The generated national campaign (benchmarks/jiangbi_fixture.hpp): three prize
// tiers, the national rubric, g_entries entries, their marks by quality (seed
// 20261127) through mark_all in batches of 50 000 entries' marks.
struct National {
  kexie_bench::JiangbiRegistry world;
  std::unique_ptr<kexie::Campaign> campaign;
  std::vector<kexie::JudgeId> judges;
  double setup_seconds = 0;

  National() {
    const auto t0 = std::chrono::steady_clock::now();
    campaign = world.campaign(world.spec("national", kexie_bench::three_prize_tiers()),
                              kexie_bench::jiangbi_rubric("bench", kexie_bench::national_weights()),
                              g_entries, judges);
    kexie_bench::mark_by_quality(*campaign, judges, g_entries, 20261127, 50'000);
    setup_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }

  [[nodiscard]] const std::vector<std::int32_t>& marks() const {
    return kexie::detail::CampaignImpl::of(*campaign).marks;
  }
};

National& national() {
  static National n;
  return n;
}

// /1: one thread. /2: two, each summing half the array (one started per call, as
// Threads{2} starts one): the memory's own limit for two threads, against which the
// speed-ups on two threads are read.
void BM_StreamingSum(benchmark::State& state) {
  const auto& marks = national().marks();
  const auto sum_of = [&](std::size_t begin, std::size_t end) {
    std::int64_t sum = 0;
    for (std::size_t k = begin; k < end; ++k) sum += marks[k];
    return sum;
  };
  const std::size_t half = marks.size() / 2;
  for (auto _ : state) {
    if (state.range(0) == 1) {
      std::int64_t sum = sum_of(0, marks.size());
      benchmark::DoNotOptimize(sum);
      continue;
    }
    std::int64_t later = 0;
    std::thread second([&] { later = sum_of(half, marks.size()); });
    std::int64_t sum = sum_of(0, half);
    second.join();
    sum += later;
    benchmark::DoNotOptimize(sum);
  }
  state.SetBytesProcessed(
      static_cast<std::int64_t>(state.iterations() * marks.size() * sizeof(std::int32_t)));
  state.counters["marks"] = static_cast<double>(marks.size());
}

// The threads a benchmark's call gets: Threads{range(0)}, or with `team` a ThreadTeam
// of that size, made once and kept (its threads wait between the calls).
kexie::Threads threads_of(const benchmark::State& state, bool team) {
  const auto count = static_cast<unsigned>(state.range(0));
  if (!team) return kexie::Threads{count};
  static std::vector<std::unique_ptr<kexie::ThreadTeam>> teams;
  for (const auto& t : teams) {
    if (t->size() == count) return t->threads();
  }
  teams.push_back(std::make_unique<kexie::ThreadTeam>(count));
  return teams.back()->threads();
}

// Cold: a fresh Scoreboard every call (the campaign keeps its scoring scratch), made
// and freed in the timed loop. The awarded entries are counted outside it, on one more
// board (until round 7 the count ran inside the loop: 1 M lookups on one thread).
void BM_Score(benchmark::State& state, bool team) {
  National& n = national();
  const kexie::Threads threads = threads_of(state, team);
  for (auto _ : state) {
    kexie::Scoreboard board = n.campaign->score(threads).value();
    benchmark::DoNotOptimize(board);
  }
  const kexie::Scoreboard board = n.campaign->score(threads).value();
  std::size_t awarded = 0;
  for (std::size_t k = 0; k < board.entries.size(); ++k) {
    awarded += board.entries.tier(board.entries.entry(k)) ? 1 : 0;
  }
  state.SetBytesProcessed(
      static_cast<std::int64_t>(state.iterations() * n.marks().size() * sizeof(std::int32_t)));
  state.counters["entries"] = static_cast<double>(g_entries);
  state.counters["awarded"] = static_cast<double>(awarded);
}

// Bytes the scoreboard owns: the capacity of every column, vector and string it holds.
std::size_t owned_bytes(const kexie::Scoreboard& b) { return b.owned_bytes(); }

double g_bytes_per_entry = 0;
double g_table_bytes_per_entry = 0;  // of which the entry table

// Warm: the caller keeps one Scoreboard and scores into it again.
void BM_ScoreReuse(benchmark::State& state, bool team) {
  National& n = national();
  const kexie::Threads threads = threads_of(state, team);
  kexie::Scoreboard board;
  n.campaign->score(board, threads).value();
  for (auto _ : state) {
    n.campaign->score(board, threads).value();
    benchmark::DoNotOptimize(board);
  }
  g_bytes_per_entry = static_cast<double>(owned_bytes(board)) / static_cast<double>(g_entries);
  g_table_bytes_per_entry =
      static_cast<double>(board.entries.owned_bytes()) / static_cast<double>(g_entries);
  state.SetBytesProcessed(
      static_cast<std::int64_t>(state.iterations() * n.marks().size() * sizeof(std::int32_t)));
  state.counters["entries"] = static_cast<double>(g_entries);
  state.counters["bytes_per_entry"] = g_bytes_per_entry;
  state.counters["cusps"] = static_cast<double>(board.cusps.size());
  state.counters["people"] = static_cast<double>(board.people.size());
}

// The scoring core: aggregation, exact totals and ranking.
void BM_Standings(benchmark::State& state, bool team) {
  National& n = national();
  const kexie::Threads threads = threads_of(state, team);
  for (auto _ : state) {
    auto standings = n.campaign->standings(threads).value();
    benchmark::DoNotOptimize(standings);
  }
  state.SetBytesProcessed(
      static_cast<std::int64_t>(state.iterations() * n.marks().size() * sizeof(std::int32_t)));
  state.counters["entries"] = static_cast<double>(g_entries);
}

// CPU time is the whole process's (every thread's), wall time the figure compared. A
// team's threads are counted only while a call runs (they spin up to 0.2 ms after it),
// and the kernel adds a running thread's time at its ticks: its CPU figure is rough.
BENCHMARK(BM_StreamingSum)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(BM_Standings, , false)
    ->Name("BM_Standings")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(BM_Standings, Team, true)
    ->Name("BM_StandingsTeam")
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(BM_Score, , false)
    ->Name("BM_Score")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(BM_Score, Team, true)
    ->Name("BM_ScoreTeam")
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(BM_ScoreReuse, , false)
    ->Name("BM_ScoreReuse")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(BM_ScoreReuse, Team, true)
    ->Name("BM_ScoreReuseTeam")
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();

void export_data(const std::string& dir) {
  National& n = national();
  const auto& s = kexie::detail::CampaignImpl::of(*n.campaign);
  // Marks entry × indicator × judge slot (all 7 filled), the order the compare scripts
  // read; the campaign stores each entry's judge by judge (detail::cell_of), so each
  // entry is turned around on the way out.
  std::ofstream marks(dir + "/marks.bin", std::ios::binary);
  const std::size_t cells = kexie_bench::kMarksPerEntry;
  const std::size_t columns = kexie_bench::kJudgedIndicators;
  std::vector<std::int32_t> block(cells);
  for (std::size_t e = 0; e < s.hot.size(); ++e) {
    if (s.categories[s.hot[e].category].columns.size() != columns) {
      throw std::runtime_error("export: an entry whose rubric is not the benchmark's");
    }
    const std::int32_t* stored = s.marks.data() + s.hot[e].mark_offset;
    for (std::size_t col = 0; col < columns; ++col) {
      for (std::size_t slot = 0; slot < kexie_bench::kPanelJudges; ++slot) {
        block[col * kexie_bench::kPanelJudges + slot] =
            stored[kexie::detail::cell_of(columns, col, slot)];
      }
    }
    marks.write(reinterpret_cast<const char*>(block.data()),
                static_cast<std::streamsize>(cells * sizeof(std::int32_t)));
  }
  std::ofstream weights(dir + "/weights.txt");
  const auto rubric = n.campaign->rubric(kexie::Category::rationalization_proposals).value();
  for (std::uint32_t i : rubric.judged()) weights << rubric.indicators()[i].global_weight << '\n';
  // Best of three, as the benchmark's repetitions would; wall and process CPU time
  // (the compare scripts use the CPU time: the machine is shared).
  const auto cpu_now = [] {
    timespec t{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
  };
  const auto best_of_3 = [&](auto&& run, double& wall, double& cpu) {
    wall = cpu = 1e9;
    for (int k = 0; k < 3; ++k) {
      const auto t0 = std::chrono::steady_clock::now();
      const double c0 = cpu_now();
      run();
      cpu = std::min(cpu, cpu_now() - c0);
      wall = std::min(wall,
                      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
  };
  double seconds = 0, cpu_seconds = 0, score_seconds = 0, score_cpu_seconds = 0;
  // The first call after the marks came in also touches its scratch for the first time
  // and encodes every mark as its step (src/campaign_mark_steps.hpp); the best of three
  // below does neither.
  const double first_cpu0 = cpu_now();
  benchmark::DoNotOptimize(n.campaign->standings().value());
  const double first_cpu_seconds = cpu_now() - first_cpu0;
  best_of_3(
      [&] {
        auto st = n.campaign->standings().value();
        benchmark::DoNotOptimize(st);
      },
      seconds, cpu_seconds);
  // score(), the whole job (awards, advanced units and people, cusps, digest).
  best_of_3(
      [&] {
        auto board = n.campaign->score().value();
        benchmark::DoNotOptimize(board);
      },
      score_seconds, score_cpu_seconds);
  const kexie::Scoreboard board = n.campaign->score().value();
  std::ofstream totals(dir + "/totals.csv");
  totals << "code,total,rank,tier,unit\n";
  for (const auto& r : board.entries)
    totals << r.code << ',' << r.total << ',' << r.rank << ','
           << (r.tier ? static_cast<int>(*r.tier) : -1) << ',' << r.unit.value() << '\n';
  // The same by entry (entry i is code N%07d of i), binary, for the numpy comparison:
  // totals as float64, ranks as int32.
  std::vector<double> by_entry_total(g_entries);
  std::vector<std::int32_t> by_entry_rank(g_entries);
  for (const auto& r : board.entries) {
    const std::size_t i = r.entry.value() - 1;
    by_entry_total[i] = static_cast<double>(r.total.coefficient()) /
                        std::pow(10.0, static_cast<double>(r.total.scale()));
    by_entry_rank[i] = static_cast<std::int32_t>(r.rank);
  }
  std::ofstream(dir + "/kexie_totals.f64", std::ios::binary)
      .write(reinterpret_cast<const char*>(by_entry_total.data()),
             static_cast<std::streamsize>(by_entry_total.size() * sizeof(double)));
  std::ofstream(dir + "/kexie_ranks.i32", std::ios::binary)
      .write(reinterpret_cast<const char*>(by_entry_rank.data()),
             static_cast<std::streamsize>(by_entry_rank.size() * sizeof(std::int32_t)));
  const std::size_t units = board.units.size();
  std::ofstream meta(dir + "/meta.txt");
  meta << "entries " << g_entries << "\njudges " << kJudges << "\nindicators " << kIndicators
       << "\nkexie_standings_seconds " << seconds << "\nkexie_score_seconds " << score_seconds
       << "\nkexie_standings_cpu_seconds " << cpu_seconds << "\nkexie_score_cpu_seconds "
       << score_cpu_seconds << "\nkexie_first_standings_cpu_seconds " << first_cpu_seconds
       << "\nkexie_advanced_units " << units << '\n';
  std::printf(
      "exported %zu entries to %s (kexie standings: %.3f s; the first call, with fresh "
      "scratch and the marks encoded as steps: %.3f s CPU)\n",
      g_entries, dir.c_str(), seconds, first_cpu_seconds);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--entries=", 10) == 0) {
      g_entries = std::stoul(argv[i] + 10);
    } else if (std::strncmp(argv[i], "--export=", 9) == 0) {
      g_export = argv[i] + 9;
    } else {
      rest.push_back(argv[i]);
    }
  }
  int rest_argc = static_cast<int>(rest.size());
  if (!g_export.empty()) {
    export_data(g_export);
    return 0;
  }
  benchmark::Initialize(&rest_argc, rest.data());
  kexie_bench::SummaryReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  const auto ms = [&](const char* name) { return reporter.find(name).real_ns / 1e6; };
  const auto cpu = [&](const char* name) { return reporter.find(name).cpu_ns / 1e6; };
  const double sum = ms("BM_StreamingSum/1/");
  if (sum > 0 && ms("BM_Score/1/") > 0 && ms("BM_ScoreReuse/2/") > 0) {
    std::printf(
        "\n%zu entries x %zu judges x %zu indicators; streaming sum over the marks "
        "(memory-bound limit): %.1f ms (cpu %.1f ms)\n",
        g_entries, kJudges, kIndicators, sum, cpu("BM_StreamingSum/1/"));
    const double sum2 = ms("BM_StreamingSum/2/");
    std::printf(
        "streaming sum on 2 threads: %.1f ms, a speed-up of %.2fx (what the memory gives two "
        "threads: the ceiling of a memory-bound pass)\n",
        sum2, sum / sum2);
    const struct {
      const char* name;
      const char* what;
      double target;
    } rows[] = {
        {"BM_Standings/1/", "standings(), 1 thread", 2},
        {"BM_Standings/2/", "standings(), 2 threads", 2},
        {"BM_ScoreReuse/1/", "score(board) reusing a scoreboard, 1 thread", 6},
        {"BM_ScoreReuse/2/", "score(board) reusing a scoreboard, 2 threads", 6},
        {"BM_Score/1/", "score() cold, 1 thread", 15},
        {"BM_Score/2/", "score() cold, 2 threads", 15},
        {"BM_StandingsTeam/2/", "standings(), a ThreadTeam of 2", 2},
        {"BM_ScoreReuseTeam/2/", "score(board), a ThreadTeam of 2", 6},
        {"BM_ScoreTeam/2/", "score() cold, a ThreadTeam of 2", 15},
    };
    for (const auto& r : rows) {
      std::printf("%-46s %8.1f ms (cpu %7.1f ms)  ratio %5.2fx  (target <= %gx)\n", r.what,
                  ms(r.name), cpu(r.name), ms(r.name) / sum, r.target);
    }
    std::printf(
        "speed-up 1 -> 2 threads (wall): standings %.2fx, score(board) %.2fx, score() %.2fx "
        "(target >= 1.7x)\n",
        ms("BM_Standings/1/") / ms("BM_Standings/2/"),
        ms("BM_ScoreReuse/1/") / ms("BM_ScoreReuse/2/"), ms("BM_Score/1/") / ms("BM_Score/2/"));
    std::printf(
        "speed-up 1 thread -> a ThreadTeam of 2 (wall): standings %.2fx, score(board) %.2fx, "
        "score() %.2fx (target >= 1.7x)\n",
        ms("BM_Standings/1/") / ms("BM_StandingsTeam/2/"),
        ms("BM_ScoreReuse/1/") / ms("BM_ScoreReuseTeam/2/"),
        ms("BM_Score/1/") / ms("BM_ScoreTeam/2/"));
    std::printf(
        "scoreboard: %.1f bytes per entry (capacity of every vector and string it owns; "
        "target <= 64), of which the entry table %.1f\n",
        g_bytes_per_entry, g_table_bytes_per_entry);
    std::printf("setup (registry, entries, assignments, %zu marks through mark_all): %.1f s\n",
                national().marks().size(), national().setup_seconds);
  }
  return 0;
}
