// Benchmarks of issue 3 on a national-scale registry: 50 000 organizations,
// 2 000 000 people, 2 400 000 memberships; `--people=N` sets the size (issue 17,
// item 5: 20 000 000, with memberships scaled alike).
//
//  * BM_BulkBuild: building the registry; counters give the time per person
//    added (target ≤ 1 µs) and per membership. The memory per person is printed
//    at the end, measured (target ≤ 200 bytes): the growth of the resident set
//    over the build (organizations, people, memberships; VmRSS after − before)
//    and the peak RSS of the whole program (which includes the member index and
//    the baseline's arrays).
//  * BM_YoungUnderProvince vs BM_RawScanBaseline: "young S&T workers under one
//    provincial association as of a date" (≈ 200 000 people in the subtree) against
//    a raw scan of a contiguous array of as many birth dates; the ratio of the two
//    medians, measured in the same run, is printed at the end (target ≤ 2×).
//  * BM_SubtreeMemberCount: the subtree member count (O(1) from the rollups).
//  * BM_IndexBuild: building the member index of a new date.
//
// Run: registry_bench [--people=N] --benchmark_repetitions=5
// --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "kexie/registry.hpp"
#include "kexie/views.hpp"
#include "national_registry.hpp"

namespace {

using kexie::Date;
using kexie::OrgId;
using kexie::OrgKind;
using kexie::Period;
using kexie::PersonId;

using namespace kexie_bench;  // the national registry: constants, National, build_orgs

std::unique_ptr<National> g_national;  // a pointer: g++ 12 misreads optional<> here
long g_build_rss_kib = -1;             // VmRSS growth over the last build
double g_person_ns = 0, g_membership_ns = 0, g_build_s = 0;
double g_person_cpu_ns = 0, g_membership_cpu_ns = 0;  // CPU time: the machine is shared

/// CPU time of the process, in nanoseconds.
double cpu_ns() {
  timespec t{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e9 + static_cast<double>(t.tv_nsec);
}

/// A line of /proc/self/status ("VmRSS:", "VmHWM:") in KiB; -1 if absent.
long status_kib(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  const std::size_t len = std::strlen(field);
  while (std::getline(status, line))
    if (line.compare(0, len, field) == 0) return std::stol(line.substr(len));
  return -1;
}

void BM_BulkBuild(benchmark::State& state) {
  double person_ns = 0, membership_ns = 0;
  const int people = people_count(), memberships = membership_count();
  for (auto _ : state) {
    state.PauseTiming();
    g_national.reset();  // one national registry alive at a time keeps peak RSS honest
    const long rss0 = status_kib("VmRSS:");
    const auto b0 = std::chrono::steady_clock::now();
    g_national = std::make_unique<National>();
    National& n = *g_national;
    n.reg.reserve(kOrgs, static_cast<std::size_t>(people), static_cast<std::size_t>(memberships));
    build_orgs(n);
    state.ResumeTiming();

    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = cpu_ns();
    add_people(n);
    const auto t1 = std::chrono::steady_clock::now();
    const double c1 = cpu_ns();
    add_memberships(n);
    const auto t2 = std::chrono::steady_clock::now();
    const double c2 = cpu_ns();
    g_person_cpu_ns = (c1 - c0) / people;
    g_membership_cpu_ns = (c2 - c1) / memberships;
    person_ns = std::chrono::duration<double, std::nano>(t1 - t0).count() / people;
    membership_ns = std::chrono::duration<double, std::nano>(t2 - t1).count() / memberships;
    g_build_s = std::chrono::duration<double>(t2 - b0).count();
    g_build_rss_kib = status_kib("VmRSS:") - rss0;
  }
  g_person_ns = person_ns;
  g_membership_ns = membership_ns;
  state.counters["ns_per_person"] = person_ns;
  state.counters["ns_per_membership"] = membership_ns;
  state.counters["memberships"] = static_cast<double>(memberships);
}
BENCHMARK(BM_BulkBuild)->Unit(benchmark::kMillisecond)->Iterations(1);

National& national() {
  if (!g_national) {
    g_national = std::make_unique<National>();
    build_orgs(*g_national);
  }
  return *g_national;
}

void BM_IndexBuild(benchmark::State& state) {
  auto& reg = national().reg;
  int k = 0;
  for (auto _ : state) {
    auto idx = reg.member_index(kAsOf.add_days(++k));  // a new date: a full rebuild
    benchmark::DoNotOptimize(idx);
  }
  (void)reg.member_index(kAsOf);  // leave the benchmark date cached
}
BENCHMARK(BM_IndexBuild)->Unit(benchmark::kMillisecond)->Iterations(3);

/// The birth dates of every row of the province's subtree (a person once per
/// organization), in row order, copied into one contiguous array: what the query
/// scans, without the index. Built once, through the public API only.
const std::vector<std::int32_t>& raw_births() {
  static const std::vector<std::int32_t> births = [] {
    National& n = national();
    const kexie::MemberIndex idx = n.reg.member_index(kAsOf);
    std::vector<std::int32_t> out;
    for (std::size_t row = 0; row < idx.size(); ++row) {
      const kexie::MemberEntry m = idx.entry(row);
      if (n.reg.within(m.org, n.province0, kAsOf)) out.push_back(m.birth.days());
    }
    return out;
  }();
  return births;
}

void BM_YoungUnderProvince(benchmark::State& state) {
  National& n = national();
  std::size_t found = 0;
  for (auto _ : state) {
    auto young =
        kexie::views::members(n.reg, n.province0, kAsOf, kexie::MemberFilter{.young = true});
    found = static_cast<std::size_t>(ranges::distance(young));
    benchmark::DoNotOptimize(found);
  }
  state.counters["young"] = static_cast<double>(found);
  state.counters["subtree_rows"] = static_cast<double>(raw_births().size());
}
BENCHMARK(BM_YoungUnderProvince)->Unit(benchmark::kMicrosecond);

/// The raw scan: the indices of births on or after the young cutoff.
std::size_t raw_scan(const std::vector<std::int32_t>& births, std::int32_t cutoff,
                     std::vector<std::uint32_t>& out) {
  out.resize(births.size());
  std::size_t k = 0;
  for (std::size_t i = 0; i < births.size(); ++i) {
    out[k] = static_cast<std::uint32_t>(i);
    k += static_cast<std::size_t>(births[i] >= cutoff);
  }
  out.resize(k);
  return k;
}

std::int32_t young_cutoff() {
  // The first birth day that is still young on kAsOf under the default policy.
  const kexie::Date lo = kAsOf.add_years(-36).value();
  for (Date b = lo.add_days(-2);; b = b.add_days(1))
    if (kexie::age_on(b, kAsOf) <= 35) return b.days();
}

void BM_RawScanBaseline(benchmark::State& state) {
  const auto& births = raw_births();
  const std::int32_t cutoff = young_cutoff();
  std::size_t found = 0;
  for (auto _ : state) {
    std::vector<std::uint32_t> out;
    found = raw_scan(births, cutoff, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["young"] = static_cast<double>(found);
  state.counters["births"] = static_cast<double>(births.size());
}
BENCHMARK(BM_RawScanBaseline)->Unit(benchmark::kMicrosecond);

void BM_SubtreeMemberCount(benchmark::State& state) {
  National& n = national();
  std::size_t members = 0;
  for (auto _ : state) {
    members = n.reg.count_members(n.province0, kAsOf);
    benchmark::DoNotOptimize(members);
  }
  state.counters["members"] = static_cast<double>(members);
}
BENCHMARK(BM_SubtreeMemberCount)->Unit(benchmark::kNanosecond);

/// Thread CPU time, in microseconds.
double thread_cpu_us() {
  timespec t{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
}

/// Medians of `runs` timings of `f`, in microseconds: wall clock and thread CPU time
/// (on a shared machine the wall clock also counts the time other programs ran).
struct Median {
  double wall_us = 0, cpu_us = 0;
};
template <class F>
Median median_us(F&& f, int runs) {
  std::vector<double> wall, cpu;
  for (int i = 0; i < runs; ++i) {
    const auto a = std::chrono::steady_clock::now();
    const double c = thread_cpu_us();
    f();
    cpu.push_back(thread_cpu_us() - c);
    wall.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - a).count());
  }
  const auto mid = [&](std::vector<double>& t) {
    std::nth_element(t.begin(), t.begin() + runs / 2, t.end());
    return t[static_cast<std::size_t>(runs / 2)];
  };
  return {mid(wall), mid(cpu)};
}

}  // namespace

int main(int argc, char** argv) {
  const auto started = std::chrono::steady_clock::now();
  if (!parse_people_flag(argc, argv)) return 2;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();

  // The figures the issue names, measured again side by side in one place.
  if (g_national && g_national->reg.person_count() == static_cast<std::size_t>(people_count())) {
    National& n = *g_national;
    (void)n.reg.member_index(kAsOf);
    const auto& births = raw_births();
    const std::int32_t cutoff = young_cutoff();
    std::size_t q = 0, r = 0;
    // Interleave the two so both see the same machine load.
    std::vector<double> tq, tr, cq, cr;
    for (int i = 0; i < 15; ++i) {
      const Median mq = median_us(
          [&] {
            q = static_cast<std::size_t>(ranges::distance(kexie::views::members(
                n.reg, n.province0, kAsOf, kexie::MemberFilter{.young = true})));
          },
          5);
      const Median mr = median_us(
          [&] {
            std::vector<std::uint32_t> out;
            r = raw_scan(births, cutoff, out);
            benchmark::DoNotOptimize(out.data());
          },
          5);
      tq.push_back(mq.wall_us);
      cq.push_back(mq.cpu_us);
      tr.push_back(mr.wall_us);
      cr.push_back(mr.cpu_us);
    }
    const auto median = [](std::vector<double>& t) {
      std::sort(t.begin(), t.end());
      return t[t.size() / 2];
    };
    const double query = median(tq), raw = median(tr);
    const double query_cpu = median(cq), raw_cpu = median(cr);
    const double count_ns =
        1000.0 *
        median_us(
            [&] {
              for (int i = 0; i < 1000; ++i)
                benchmark::DoNotOptimize(n.reg.count_members(n.province0, kAsOf));
            },
            9)
            .cpu_us /
        1000.0;
    const long rss = status_kib("VmHWM:");
    const double people = people_count();
    std::printf("\n== issue 3 figures ==\n");
    std::printf("organizations %zu, people %zu, subtree rows %zu, young found %zu (raw %zu)\n",
                n.reg.organization_count(), n.reg.person_count(), births.size(), q, r);
    std::printf(
        "young under province: query %.1f us, raw scan %.1f us, ratio %.2fx (target <= 2x)\n",
        query, raw, query / raw);
    std::printf("young under province, CPU time: query %.1f us, raw scan %.1f us, ratio %.2fx\n",
                query_cpu, raw_cpu, query_cpu / raw_cpu);
    std::printf("subtree member count: %.1f ns (O(1) rollup)\n", count_ns);
    std::printf(
        "build: %.1f ns/person, %.1f ns/membership (wall); CPU %.1f ns/person, %.1f "
        "ns/membership; %.1f s in all\n",
        g_person_ns, g_membership_ns, g_person_cpu_ns, g_membership_cpu_ns, g_build_s);
    std::printf(
        "memory of the registry (RSS growth over the build) %ld KiB = %.1f bytes/person "
        "(target <= 200)\n",
        g_build_rss_kib, static_cast<double>(g_build_rss_kib) * 1024.0 / people);
    std::printf("peak RSS of the program %ld KiB = %.1f bytes/person\n", rss,
                static_cast<double>(rss) * 1024.0 / people);
    std::printf("whole run %.1f s\n",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  } else {
    std::printf("\n(run BM_BulkBuild to get the national registry and the summary figures)\n");
  }
  benchmark::Shutdown();
  return 0;
}
