// Benchmark for issue 8 (the C API): the per-call overhead of a cheap C API query
// against the C++ call it wraps, measured in the same run, and the bulk mark load
// through the columnar batch entry point. After the runs it prints the ratio
// C / C++ for the query and the time to load one million marks.
// benchmarks/python_overhead.py measures the Python side (Python call / C call,
// and a million marks from Python).
//
//   cmake --preset release -B build/release
//   cmake --build build/release --target c_api_bench
//   build/release/benchmarks/c_api_bench --benchmark_repetitions=5
//       --benchmark_report_aggregates_only=true      (one command line)
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "kexie/kexie.h"
#include "kexie/literals.hpp"
#include "kexie/registry.hpp"

// g++ 12 at -O2 reports false -Wrestrict positives inside std::string's inlined
// copy (GCC bug 105329); nothing here overlaps.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

using namespace kexie::literals;

namespace {

// The same small registry built through each API: a root, a province, an
// enterprise and 1000 people.
struct CppWorld {
  kexie::Registry reg;
  std::vector<kexie::PersonId> people;
  CppWorld() {
    kexie::OrgSpec s;
    s.kind = kexie::OrgKind::national;
    s.name = "c";
    s.effective = "1958-09-18"_date;
    const auto cast = reg.add_organization(s).value();
    s.kind = kexie::OrgKind::local;
    s.parent = cast;
    s.level = kexie::LocalLevel::provincial;
    const auto prov = reg.add_organization(s).value();
    s.kind = kexie::OrgKind::enterprise;
    s.parent = prov;
    s.level = kexie::LocalLevel::none;
    s.enterprise.enterprise_name = "e";
    const auto ent = reg.add_organization(s).value();
    for (int i = 0; i < 1000; ++i) {
      kexie::PersonSpec p;
      p.name = "p";
      p.birth = kexie::Date::from_days(3000 + i * 7);
      p.employer = ent;
      p.external_key = std::to_string(i);
      people.push_back(reg.add_person(p).value());
    }
  }
};

struct CWorld {
  kx_registry* reg = nullptr;
  std::vector<std::uint32_t> people;
  std::uint32_t province = 0, enterprise = 0, jury = 0;
  CWorld() {
    kx_registry_new(&reg, nullptr);
    kx_org_spec s = KX_ORG_SPEC_INIT;
    std::uint32_t cast = 0;
    s.kind = KX_ORG_NATIONAL;
    s.name = "c";
    s.effective = "1958-09-18";
    kx_registry_add_org(&cast, reg, &s);
    s.kind = KX_ORG_LOCAL;
    s.parent = cast;
    s.level = KX_LEVEL_PROVINCIAL;
    kx_registry_add_org(&province, reg, &s);
    s.kind = KX_ORG_ENTERPRISE;
    s.parent = province;
    s.level = KX_LEVEL_NONE;
    s.enterprise_name = "e";
    kx_registry_add_org(&enterprise, reg, &s);
    s.name = "jury";
    kx_registry_add_org(&jury, reg, &s);
    for (int i = 0; i < 1000; ++i) {
      kx_person_spec p = KX_PERSON_SPEC_INIT;
      char birth[11];
      kx_date_format(birth, 3000 + i * 7);
      const std::string key = std::to_string(i);
      p.name = "p";
      p.birth = birth;
      p.employer = enterprise;
      p.external_key = key.c_str();
      std::uint32_t id = 0;
      kx_registry_add_person(&id, reg, &p);
      people.push_back(id);
    }
  }
  ~CWorld() { kx_registry_free(reg); }
};

std::map<std::string, double> g_ns;  // per-call nanoseconds, last run of each

void Cpp_IsYoung(benchmark::State& state) {
  static CppWorld w;
  const kexie::Date on = "2025-06-30"_date;
  std::size_t i = 0;
  for (auto _ : state) {
    auto r = w.reg.youth(w.people[i++ % w.people.size()], on);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(Cpp_IsYoung);

void C_IsYoung(benchmark::State& state) {
  static CWorld w;
  std::size_t i = 0;
  int young = 0;
  for (auto _ : state) {
    const int rc =
        kx_registry_is_young(&young, w.reg, w.people[i++ % w.people.size()], "2025-06-30");
    benchmark::DoNotOptimize(rc);
    benchmark::DoNotOptimize(young);
  }
}
BENCHMARK(C_IsYoung);

// One million marks (100 000 entries × 5 judges × 2 indicators) through
// kx_campaign_mark_columns; setup is outside the timing.
void C_MillionMarks(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    CWorld w;
    std::vector<std::uint32_t> judges_p;
    for (int k = 0; k < 5; ++k) {
      kx_person_spec p = KX_PERSON_SPEC_INIT;
      const std::string key = "j" + std::to_string(k);
      p.name = "j";
      p.birth = "1970-01-01";
      p.employer = w.jury;
      p.external_key = key.c_str();
      std::uint32_t id = 0;
      kx_registry_add_person(&id, w.reg, &p);
      judges_p.push_back(id);
    }
    kx_campaign_options o = KX_CAMPAIGN_OPTIONS_INIT;
    o.name = "bench";
    o.organizer = w.province;
    o.as_of = "2025-11-30";
    o.year = 2024;
    kx_campaign* c = nullptr;
    kx_campaign_new(&c, w.reg, &o);
    kx_campaign_set_rubric_text(c, KX_CATEGORY_INNOVATIVE_IDEAS, "r",
                                "A|a||judged|0.5|0|100|0.5\nB|b||judged|0.5|0|100|0.5\n");
    std::vector<std::uint32_t> judges(5), entries;
    for (int k = 0; k < 5; ++k)
      kx_campaign_add_judge(&judges[static_cast<std::size_t>(k)], c,
                            judges_p[static_cast<std::size_t>(k)]);
    const std::size_t n_entries = 100000;
    for (std::size_t e = 0; e < n_entries; ++e) {
      const std::string code = "E" + std::to_string(e);
      kx_team_share team[] = {{w.people[e % w.people.size()], "1"}};
      kx_entry_spec spec = KX_ENTRY_SPEC_INIT;
      spec.code = code.c_str();
      spec.title = "t";
      spec.unit = w.enterprise;
      spec.category = KX_CATEGORY_INNOVATIVE_IDEAS;
      spec.team = team;
      spec.team_count = 1;
      spec.in_use_since = "2024-01-01";
      std::uint32_t id = 0;
      kx_campaign_add_entry(&id, c, &spec);
      entries.push_back(id);
      for (std::uint32_t j : judges) kx_campaign_assign(c, j, id);
    }
    std::vector<std::uint32_t> js, es, is;
    std::vector<std::int64_t> vs;
    for (std::uint32_t e : entries)
      for (std::uint32_t j : judges)
        for (std::uint32_t ind = 0; ind < 2; ++ind) {
          js.push_back(j);
          es.push_back(e);
          is.push_back(ind);
          vs.push_back(static_cast<std::int64_t>(150 + (js.size() % 90) * 5));
        }
    state.ResumeTiming();
    const int rc = kx_campaign_mark_columns(c, vs.size(), js.data(), es.data(), is.data(),
                                            vs.data(), 1, nullptr);
    benchmark::DoNotOptimize(rc);
    state.PauseTiming();
    if (rc != 0) state.SkipWithError(kx_error_last()->message);
    kx_campaign_free(c);
    state.ResumeTiming();
  }
}
BENCHMARK(C_MillionMarks)->Unit(benchmark::kMillisecond)->Iterations(1);

class Figures : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs)
      if (r.run_type == Run::RT_Iteration || r.aggregate_name == "median")
        g_ns[r.run_name.function_name] =
            r.GetAdjustedRealTime() * (r.time_unit == benchmark::kMillisecond ? 1e6 : 1.0);
    ConsoleReporter::ReportRuns(runs);
  }
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  Figures reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  if (g_ns.count("Cpp_IsYoung") && g_ns.count("C_IsYoung"))
    std::printf("\nis_young per call: C++ %.1f ns, C API %.1f ns, ratio C / C++ = %.2f\n",
                g_ns["Cpp_IsYoung"], g_ns["C_IsYoung"], g_ns["C_IsYoung"] / g_ns["Cpp_IsYoung"]);
  if (g_ns.count("C_MillionMarks"))
    std::printf("one million marks through kx_campaign_mark_columns: %.3f s\n",
                g_ns["C_MillionMarks"] / 1e9);
  benchmark::Shutdown();
  return 0;
}
