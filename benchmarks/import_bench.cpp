// Importing marks from CSV at national scale: a 100 000-entry campaign, 7 judges × 8
// indicators, 5.6 M rows in long format (judge,entry,indicator,mark), written to a
// temporary directory. Times, in the same run:
//   (a) reading the file's bytes (the raw read rate, the upper bound),
//   the CSV parse alone (kexie::Table::read_file: libcsv + UTF-8 check),
//   the import through a Table (Table::read_file + import_marks into a fresh campaign),
//   the import as `kexie score` makes it (import_marks_file: the file streamed, codes
//   resolved and marks checked as it is read, no table built),
// and (b) pandas.read_csv(engine="c") of the same file through
// benchmarks/compare/import_pandas.py when /usr/bin/python3 has pandas (optional).
// Targets: the import ≥ 3× pandas' rate and ≥ 25 % of the raw read rate.
//
//   import_bench [--entries=N] [benchmark flags]
#include <benchmark/benchmark.h>

#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "jiangbi_fixture.hpp"
#include "kexie/kexie.hpp"
#include "summary_reporter.hpp"

namespace {

std::size_t g_entries = 100'000;
constexpr std::size_t kJudges = kexie_bench::kPanelJudges;
constexpr std::size_t kIndicators = kexie_bench::kJudgedIndicators;

// The generated campaign of benchmarks/jiangbi_fixture.hpp (first prize only) and its
// marks by quality (seed 20261129) as a CSV; a fresh campaign per import (marks are unique).
struct World {
  kexie_bench::JiangbiRegistry people;
  kexie::CampaignSpec spec = people.spec("national", kexie_bench::first_prize_tier());
  kexie::Rubric rubric = kexie_bench::jiangbi_rubric("bench", kexie_bench::national_weights());
  std::filesystem::path dir, file;
  std::size_t bytes = 0;

  World() { write_marks(); }

  void write_marks() {
    dir = std::filesystem::temp_directory_path() /
          ("kexie_import_bench_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    file = dir / "marks.csv";
    kexie_bench::QualityMarks marks(20261129);
    std::string out = "judge,entry,indicator,mark\n";
    out.reserve(g_entries * kJudges * kIndicators * 24);
    for (std::size_t n = 0; n < g_entries; ++n) {
      const std::string c = kexie_bench::entry_code(n);
      const auto& halves = marks.next_entry();
      for (std::size_t i = 0; i < kIndicators; ++i) {
        for (std::size_t j = 0; j < kJudges; ++j) {
          const int half = halves[i * kJudges + j];
          out += "ZJ" + std::to_string(j + 1) + ',' + c + ",I" + std::to_string(i + 1) + ',' +
                 std::to_string(half / 2) + (half % 2 ? ".5\n" : "\n");
        }
      }
    }
    std::ofstream(file, std::ios::binary)
        .write(out.data(), static_cast<std::streamsize>(out.size()));
    bytes = out.size();
  }

  // A campaign with every entry and every assignment, and no mark yet.
  std::unique_ptr<kexie::Campaign> campaign() const {
    std::vector<kexie::JudgeId> judges;
    return people.campaign(spec, rubric, g_entries, judges);
  }

  ~World() { std::filesystem::remove_all(dir); }
};

World& world() {
  static World w;
  return w;
}

void BM_ReadBytes(benchmark::State& state) {
  const World& w = world();
  for (auto _ : state) {
    std::ifstream in(w.file, std::ios::binary);
    std::string bytes(w.bytes, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    benchmark::DoNotOptimize(bytes.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * w.bytes));
}

void BM_ParseTable(benchmark::State& state) {
  const World& w = world();
  for (auto _ : state) {
    auto t = kexie::Table::read_file(w.file.string()).value();
    benchmark::DoNotOptimize(t.rows());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * w.bytes));
}

void BM_ImportMarks(benchmark::State& state) {
  const World& w = world();
  for (auto _ : state) {
    state.PauseTiming();
    auto c = w.campaign();
    state.ResumeTiming();
    auto t = kexie::Table::read_file(w.file.string()).value();
    kexie::import_marks(*c, w.people.registry, t).value();
    state.PauseTiming();
    c.reset();  // freeing the campaign is not part of the import
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * w.bytes));
  state.counters["rows"] = static_cast<double>(g_entries * kJudges * kIndicators);
}

// The import as `kexie score` makes it: import_marks_file, which streams the file.
void BM_ImportMarksFile(benchmark::State& state) {
  const World& w = world();
  for (auto _ : state) {
    state.PauseTiming();
    auto c = w.campaign();
    state.ResumeTiming();
    kexie::import_marks_file(*c, w.people.registry, w.file.string()).value();
    state.PauseTiming();
    c.reset();
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * w.bytes));
  state.counters["rows"] = static_cast<double>(g_entries * kJudges * kIndicators);
}

BENCHMARK(BM_ReadBytes)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ParseTable)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ImportMarks)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);
BENCHMARK(BM_ImportMarksFile)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

// pandas.read_csv(engine="c") of the file, in seconds (median of three), or < 0; its
// CPU time in `*cpu` (< 0 when not printed).
double pandas_seconds(const std::filesystem::path& file, double* cpu) {
  const std::string cmd = "/usr/bin/python3 " KEXIE_SOURCE_DIR
                          "/benchmarks/compare/import_pandas.py '" +
                          file.string() + "' 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> p(::popen(cmd.c_str(), "r"), ::pclose);
  if (!p) return -1;
  char line[256];
  double seconds = -1;
  while (std::fgets(line, sizeof line, p.get()) != nullptr) {
    std::fputs(line, stdout);
    std::sscanf(line, "pandas_read_csv_seconds %lf", &seconds);
    std::sscanf(line, "pandas_read_csv_cpu_seconds %lf", cpu);
  }
  return seconds;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--entries=", 10) == 0) {
      g_entries = std::stoul(argv[i] + 10);
    } else {
      rest.push_back(argv[i]);
    }
  }
  int rest_argc = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_argc, rest.data());
  const World& w = world();
  kexie_bench::SummaryReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  const double mb = static_cast<double>(w.bytes) / 1e6;
  const double read = reporter.find("BM_ReadBytes").real_ns / 1e9;
  const double parse = reporter.find("BM_ParseTable").real_ns / 1e9;
  const double table_import = reporter.find("BM_ImportMarks/").real_ns / 1e9;
  const double import = reporter.find("BM_ImportMarksFile").real_ns / 1e9;
  const double read_cpu = reporter.find("BM_ReadBytes").cpu_ns / 1e9;
  const double import_cpu = reporter.find("BM_ImportMarksFile").cpu_ns / 1e9;
  double pandas_cpu = -1;
  const double pandas = pandas_seconds(w.file, &pandas_cpu);
  std::printf("\nmarks CSV: %zu rows, %.1f MB\n", g_entries * kJudges * kIndicators, mb);
  if (read > 0) std::printf("(a) raw read:        %8.1f MB/s\n", mb / read);
  if (parse > 0) std::printf("    CSV parse only:  %8.1f MB/s\n", mb / parse);
  if (table_import > 0 && read > 0) {
    std::printf(
        "    import through a Table (read_file + import_marks): %8.1f MB/s = %.1f %% of the "
        "raw read\n",
        mb / table_import, 100.0 * read / table_import);
  }
  if (import > 0 && read > 0) {
    std::printf(
        "    import_marks_file (streamed): %8.1f MB/s = %.1f %% of the raw read "
        "(target >= 25 %%)\n",
        mb / import, 100.0 * read / import);
  }
  if (import_cpu > 0 && read_cpu > 0) {
    std::printf(
        "    CPU time (a shared machine's wall time is noisy): raw read %.0f ms, "
        "import_marks_file %.0f ms = %.1f %% of the raw read\n",
        read_cpu * 1e3, import_cpu * 1e3, 100.0 * read_cpu / import_cpu);
  }
  if (pandas > 0 && import > 0) {
    std::printf(
        "(b) pandas.read_csv(engine=\"c\"): %8.1f MB/s; the import is %.2fx pandas "
        "(target >= 3x)\n",
        mb / pandas, pandas / import);
    if (pandas_cpu > 0 && import_cpu > 0) {
      std::printf("    by CPU time: pandas %.0f ms, import_marks_file %.0f ms = %.2fx\n",
                  pandas_cpu * 1e3, import_cpu * 1e3, pandas_cpu / import_cpu);
    }
  } else {
    std::printf("(b) pandas not available to /usr/bin/python3: no comparison\n");
  }
  return 0;
}
