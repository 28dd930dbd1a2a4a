// Benchmarks for issue 5 (weights and panel agreement): the AHP eigenvector
// for n = 9 and n = 30, entropy and CRITIC weights for 100 000 × 12, and
// Kendall's W for 9 judges × 100 000 entries next to its baseline, the ranking
// step alone (one sort of (mark, entry) pairs per judge), measured in the same
// run. After the runs it prints the median times and the ratio W / baseline
// (target ≤ 1.5).
//
//   cmake --preset release -B build/weights-rel
//   cmake --build build/weights-rel --target weights_bench
//   build/weights-rel/benchmarks/weights_bench --benchmark_repetitions=5
//       --benchmark_report_aggregates_only=true      (one command line)
#include <benchmark/benchmark.h>

#include "summary_reporter.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "kexie/agreement.hpp"
#include "kexie/weights.hpp"

namespace {

// A judged matrix: a consistent one from random priorities, each judgement
// perturbed by up to ±30 % the way real judgements stray (CR stays near 0.05).
kexie::Matrix judged_matrix(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> w(1.0, 9.0);
  std::uniform_real_distribution<double> noise(0.7, 1.3);
  std::vector<double> p(n);
  for (double& x : p) x = w(rng);
  kexie::Matrix a(n, n, 1.0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      a(i, j) = p[i] / p[j] * noise(rng);
      a(j, i) = 1.0 / a(i, j);
    }
  }
  return a;
}

kexie::Matrix data_matrix(std::size_t rows, std::size_t cols) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> v(0.0, 1000.0);
  kexie::Matrix m(rows, cols);
  for (std::size_t i = 0; i < rows; ++i)
    for (std::size_t j = 0; j < cols; ++j) m(i, j) = v(rng);
  return m;
}

// Marks on a 0–100 scale with two places, so ties occur as they do in practice.
kexie::PanelMarks panel(std::size_t entries, std::size_t judges) {
  std::mt19937_64 rng(11);
  std::normal_distribution<double> quality(75.0, 8.0);
  std::normal_distribution<double> noise(0.0, 4.0);
  kexie::PanelMarks p(entries, judges);
  for (std::size_t i = 0; i < entries; ++i) {
    const double q = quality(rng);
    for (std::size_t j = 0; j < judges; ++j) {
      p.set(i, j, std::round(std::clamp(q + noise(rng), 0.0, 100.0) * 100.0) / 100.0);
    }
  }
  return p;
}

void BM_AhpEigenvector(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const kexie::Matrix a = judged_matrix(n, 42);
  kexie::AhpOptions o;
  o.ri_table = n <= 15 ? kexie::RandomIndexTable::saaty : kexie::RandomIndexTable::donegan_dodd;
  int iterations = 0;
  for (auto _ : state) {
    auto r = kexie::ahp(a, o);
    iterations = r->iterations;
    benchmark::DoNotOptimize(r);
  }
  state.counters["power_iterations"] = iterations;
}
BENCHMARK(BM_AhpEigenvector)->Arg(9)->Arg(30)->Unit(benchmark::kMicrosecond);

void BM_Entropy(benchmark::State& state) {
  const kexie::Matrix data = data_matrix(100'000, 12);
  for (auto _ : state) benchmark::DoNotOptimize(kexie::entropy_weights(data));
}
BENCHMARK(BM_Entropy)->Unit(benchmark::kMillisecond);

void BM_Critic(benchmark::State& state) {
  const kexie::Matrix data = data_matrix(100'000, 12);
  for (auto _ : state) benchmark::DoNotOptimize(kexie::critic_weights(data));
}
BENCHMARK(BM_Critic)->Unit(benchmark::kMillisecond);

constexpr std::size_t kEntries = 100'000;
constexpr std::size_t kJudges = 9;

// The baseline: the ranking step alone, one sort of (mark, entry) per judge.
void BM_KendallBaselineSort(benchmark::State& state) {
  const kexie::PanelMarks p = panel(kEntries, kJudges);
  std::vector<std::pair<double, std::uint32_t>> sorted(kEntries);
  for (auto _ : state) {
    for (std::size_t j = 0; j < kJudges; ++j) {
      const auto marks = p.judge_marks(j);
      for (std::size_t i = 0; i < kEntries; ++i) {
        sorted[i] = {marks[i], static_cast<std::uint32_t>(i)};
      }
      std::sort(sorted.begin(), sorted.end());
      benchmark::DoNotOptimize(sorted.data());
    }
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_KendallBaselineSort)->Unit(benchmark::kMillisecond);

void BM_KendallW(benchmark::State& state) {
  const kexie::PanelMarks p = panel(kEntries, kJudges);
  double w = 0;
  for (auto _ : state) {
    auto r = kexie::kendall_w(p);
    w = r->w;
    benchmark::DoNotOptimize(r);
  }
  state.counters["W"] = w;
}
BENCHMARK(BM_KendallW)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  kexie_bench::SummaryReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const auto& t = reporter.times();
  std::printf("\nsummary (median of the repetitions):\n");
  for (const auto& [name, x] : t) {
    std::printf("  %-26s real %12.3f us   cpu %12.3f us\n", name.c_str(), x.real_ns / 1e3,
                x.cpu_ns / 1e3);
  }
  const auto base = t.find("BM_KendallBaselineSort");
  const auto kw = t.find("BM_KendallW");
  if (base != t.end() && kw != t.end()) {
    std::printf(
        "Kendall's W (9 x 100000) / ranking sort alone: real %.3f, cpu %.3f (target <= 1.5)\n",
        kw->second.real_ns / base->second.real_ns, kw->second.cpu_ns / base->second.cpu_ns);
  }
  benchmark::Shutdown();
  return 0;
}
