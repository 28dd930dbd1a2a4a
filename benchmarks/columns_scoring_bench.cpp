// The C++ side of benchmarks/python_scoring.py (issue 17, item 7): scoring the
// 1 000 000-entry campaign (7 judges, 8 judged indicators, 56 M marks) through the
// calls Python makes, timed from C++.
//
//   columns_scoring_bench --snapshot=PATH [--entries=N] [--batch=N]
//
// Writes PATH, a snapshot of the campaign with its entries, judges and
// assignments but no marks (Python loads the same file), then, on campaigns
// loaded from it, times the two calls of the job, best of 3 repetitions each:
//
//   * marks in: the 56 M marks in batches of --batch (100 000), each batch made
//     as columns (judge ids, entry ids, indicator indices, integer coefficients
//     at one place) before the clock starts; then
//   * standings out: every entry's id, status, exact total and ranks as columns.
//
// once through the C++ API (Campaign::mark_all of IndexedMark batches, what
// kx_campaign_mark_columns calls; Campaign::standings) and once through the C
// API (kx_campaign_mark_columns, kx_campaign_standings_columns). Mark k
// (entry e = k / 56, indicator i = k / 7 % 8, judge j = k % 7, all from 0) is
// (100 + e*7919 % 80 + (e*31 + i*7 + j*13) % 21, at most 200) half points;
// python_scoring.py makes the same columns with numpy. Prints
// `figure <name> <value>` lines, which python_scoring.py reads, with a checksum
// of the standings so both sides are seen to agree. Times are CPU time of the
// process (the calls run on one thread; the machine is shared), wall time beside.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "jiangbi_fixture.hpp"
#include "kexie/kexie.h"
#include "kexie/kexie.hpp"

namespace {

using kexie_bench::indicator_code;

constexpr std::uint32_t kJudges = kexie_bench::kPanelJudges;
constexpr std::uint32_t kIndicators = kexie_bench::kJudgedIndicators;
constexpr std::uint32_t kPerEntry = kJudges * kIndicators;

std::size_t g_entries = 1'000'000;
std::size_t g_batch = 100'000;

/// The campaign without marks (benchmarks/jiangbi_fixture.hpp: three prize tiers, the
/// national rubric), saved to `path`.
void write_snapshot(const std::string& path) {
  const kexie_bench::JiangbiRegistry world;
  std::vector<kexie::JudgeId> judges;
  const auto campaign = world.campaign(
      world.spec("national", kexie_bench::three_prize_tiers()),
      kexie_bench::jiangbi_rubric("bench", kexie_bench::national_weights()), g_entries, judges);
  for (std::uint32_t j = 0; j < kJudges; ++j)
    if (judges[j].value() != j + 1) throw std::runtime_error("judge ids are not 1..7");
  // Ids are given in order: the first entry 1 and the last N make them 1..N.
  if (g_entries > 0 &&
      (campaign->find_entry(kexie_bench::entry_code(0)).value().value() != 1 ||
       campaign->find_entry(kexie_bench::entry_code(g_entries - 1)).value().value() != g_entries))
    throw std::runtime_error("entry ids are not 1..N");
  kexie::save_snapshot(kexie::SnapshotView(world.registry).add(*campaign), path).value();
}

/// Batch `b`'s marks as columns (see the file comment).
struct Columns {
  std::vector<std::uint32_t> judges, entries, indicators;
  std::vector<std::int64_t> coefficients;
};

void make_batch(std::size_t first, std::size_t count, const std::uint32_t* indicator_index,
                Columns& c) {
  c.judges.resize(count);
  c.entries.resize(count);
  c.indicators.resize(count);
  c.coefficients.resize(count);
  for (std::size_t n = 0; n < count; ++n) {
    const std::uint64_t k = first + n;
    const std::uint64_t e = k / kPerEntry, i = k / kJudges % kIndicators, j = k % kJudges;
    const std::uint64_t half =
        std::min<std::uint64_t>(200, 100 + e * 7919 % 80 + (e * 31 + i * 7 + j * 13) % 21);
    c.judges[n] = static_cast<std::uint32_t>(j + 1);
    c.entries[n] = static_cast<std::uint32_t>(e + 1);
    c.indicators[n] = indicator_index[i];
    c.coefficients[n] = static_cast<std::int64_t>(half * 5);  // at one place
  }
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// CPU time of the process, in seconds: on a shared machine the wall clock also
/// counts the time other programs ran, so the two sides are compared by CPU time
/// (the calls are single-threaded) and the wall clock is printed beside it.
double cpu_seconds() {
  timespec t{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

/// A stopwatch of both clocks.
struct Clock {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  double cpu = cpu_seconds();
};

struct Timing {
  double marks = 1e30, standings = 1e30;            // CPU seconds, best repetition
  double marks_wall = 1e30, standings_wall = 1e30;  // wall seconds, best repetition
  std::uint64_t checksum = 0;
};

/// A checksum of the standings' columns (order, ids, totals, ranks), modulo 2^64:
/// Σ (i + 1) × (id × 1000003 + rank + total), which numpy computes alike.
std::uint64_t checksum(std::size_t n, const std::uint32_t* ids, const std::int64_t* totals,
                       const std::uint32_t* ranks) {
  std::uint64_t h = 0;
  for (std::size_t i = 0; i < n; ++i)
    h += (i + 1) *
         (std::uint64_t{ids[i]} * 1000003 + ranks[i] + static_cast<std::uint64_t>(totals[i]));
  return h;
}

/// Keeps the best of the repetitions, standings timed from `since`.
void record(Timing& t, double marks, double marks_wall, const Clock& since) {
  t.marks = std::min(t.marks, marks);
  t.marks_wall = std::min(t.marks_wall, marks_wall);
  t.standings = std::min(t.standings, cpu_seconds() - since.cpu);
  t.standings_wall = std::min(t.standings_wall, seconds_since(since.wall));
}

/// The C++ API: Campaign::mark_all of IndexedMark batches, Campaign::standings.
void run_cpp(const std::string& path, Timing& t) {
  kexie::Snapshot snap = kexie::load_snapshot(path).value();
  kexie::Campaign& campaign = snap.campaigns()[0];
  const kexie::Rubric rubric = campaign.rubric(kexie::Category::rationalization_proposals).value();
  std::uint32_t index[kIndicators];
  for (std::uint32_t i = 0; i < kIndicators; ++i) index[i] = rubric.find(indicator_code(i)).value();
  Columns c;
  std::vector<kexie::detail::IndexedMark> batch;
  double marks = 0, marks_wall = 0;
  const std::size_t total = g_entries * kPerEntry;
  for (std::size_t first = 0; first < total; first += g_batch) {
    const std::size_t count = std::min(g_batch, total - first);
    make_batch(first, count, index, c);
    const Clock t0;
    // What kx_campaign_mark_columns does with the columns, without the C shim.
    batch.clear();
    for (std::size_t n = 0; n < count; ++n)
      batch.push_back({kexie::JudgeId{c.judges[n]}, kexie::EntryId{c.entries[n]}, c.indicators[n],
                       kexie::Decimal::unchecked(c.coefficients[n], 1)});
    campaign.mark_all(batch).value();
    marks += cpu_seconds() - t0.cpu;
    marks_wall += seconds_since(t0.wall);
  }
  const Clock t0;
  const std::vector<kexie::Standing> standings = campaign.standings().value();
  std::vector<std::uint32_t> ids(standings.size()), ranks(standings.size());
  std::vector<std::int64_t> totals(standings.size());
  for (std::size_t i = 0; i < standings.size(); ++i) {
    ids[i] = standings[i].entry.value();
    totals[i] = standings[i].total.coefficient();
    ranks[i] = standings[i].rank;
  }
  record(t, marks, marks_wall, t0);
  t.checksum = checksum(ids.size(), ids.data(), totals.data(), ranks.data());
}

void ok(int rc, const char* what) {
  if (rc != 0) {
    std::fprintf(stderr, "%s failed: %d %s\n", what, rc, kx_error_last()->message);
    std::exit(1);
  }
}

/// The C API, as Python calls it: kx_campaign_mark_columns, kx_campaign_standings_columns.
void run_c(const std::string& path, Timing& t) {
  kx_snapshot* snap = nullptr;
  ok(kx_snapshot_load(&snap, path.c_str()), "kx_snapshot_load");
  kx_campaign* campaign = nullptr;
  ok(kx_snapshot_campaign(&campaign, snap, 0), "kx_snapshot_campaign");
  std::uint32_t index[kIndicators];
  for (std::uint32_t i = 0; i < kIndicators; ++i)
    ok(kx_campaign_indicator_index(&index[i], campaign, KX_CATEGORY_RATIONALIZATION_PROPOSALS,
                                   indicator_code(i).c_str()),
       "kx_campaign_indicator_index");
  Columns c;
  double marks = 0, marks_wall = 0;
  const std::size_t total = g_entries * kPerEntry;
  for (std::size_t first = 0; first < total; first += g_batch) {
    const std::size_t count = std::min(g_batch, total - first);
    make_batch(first, count, index, c);
    const Clock t0;
    ok(kx_campaign_mark_columns(campaign, count, c.judges.data(), c.entries.data(),
                                c.indicators.data(), c.coefficients.data(), 1, nullptr),
       "kx_campaign_mark_columns");
    marks += cpu_seconds() - t0.cpu;
    marks_wall += seconds_since(t0.wall);
  }
  const Clock t0;
  kx_campaign_counts n{};
  ok(kx_campaign_count(&n, campaign), "kx_campaign_count");
  std::vector<std::uint32_t> ids(n.entries), ranks(n.entries), positions(n.entries);
  std::vector<std::int32_t> statuses(n.entries);
  std::vector<std::int64_t> totals(n.entries);
  std::size_t rows = 0;
  ok(kx_campaign_standings_columns(campaign, n.entries, ids.data(), statuses.data(), totals.data(),
                                   ranks.data(), positions.data(), &rows),
     "kx_campaign_standings_columns");
  record(t, marks, marks_wall, t0);
  t.checksum = checksum(rows, ids.data(), totals.data(), ranks.data());
  kx_snapshot_free(snap);
}

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  int repetitions = 3;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--snapshot=", 11) == 0) {
      path = argv[i] + 11;
    } else if (std::strncmp(argv[i], "--entries=", 10) == 0) {
      g_entries = std::stoul(argv[i] + 10);
    } else if (std::strncmp(argv[i], "--batch=", 8) == 0) {
      g_batch = std::max<std::size_t>(1, std::stoul(argv[i] + 8));
    } else if (std::strncmp(argv[i], "--repetitions=", 14) == 0) {
      repetitions = std::max(1, std::stoi(argv[i] + 14));
    } else {
      std::fprintf(stderr,
                   "usage: columns_scoring_bench --snapshot=PATH [--entries=N] [--batch=N] "
                   "[--repetitions=N]\n");
      return 2;
    }
  }
  if (path.empty()) {
    std::fprintf(stderr, "--snapshot=PATH is required\n");
    return 2;
  }
  const auto t0 = std::chrono::steady_clock::now();
  write_snapshot(path);
  std::printf("figure setup_seconds %.3f\n", seconds_since(t0));
  Timing cpp, c;
  for (int r = 0; r < repetitions; ++r) {
    run_cpp(path, cpp);
    run_c(path, c);
  }
  std::printf("figure entries %zu\nfigure marks %zu\nfigure batch %zu\n", g_entries,
              g_entries * kPerEntry, g_batch);
  std::printf("figure cpp_marks_seconds %.6f\nfigure cpp_standings_seconds %.6f\n", cpp.marks,
              cpp.standings);
  std::printf("figure c_marks_seconds %.6f\nfigure c_standings_seconds %.6f\n", c.marks,
              c.standings);
  std::printf("figure cpp_marks_wall_seconds %.6f\nfigure cpp_standings_wall_seconds %.6f\n",
              cpp.marks_wall, cpp.standings_wall);
  std::printf("figure c_marks_wall_seconds %.6f\nfigure c_standings_wall_seconds %.6f\n",
              c.marks_wall, c.standings_wall);
  std::printf("figure checksum %llu\n", static_cast<unsigned long long>(cpp.checksum));
  if (cpp.checksum != c.checksum) {
    std::fprintf(stderr, "the C and C++ standings differ\n");
    return 1;
  }
  return 0;
}
