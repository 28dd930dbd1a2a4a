// Lifecycle transitions per second, single-threaded, including the permission
// check, the audit append and its SHA-256 (issue 4), next to the baseline the
// issue names: a bare state update plus one SHA-256 of a record of the same
// size, timed in the same run. After the runs it prints the medians, the
// transitions per second and the ratio transition / baseline (target <= 2,
// and >= 500 000 transitions/s).
//
//   build/lifecycle-rel/benchmarks/lifecycle_bench --benchmark_repetitions=5
//       --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include "summary_reporter.hpp"

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <openssl/evp.h>

#include "detail/audit_encoding.hpp"
#include "kexie/activity.hpp"
#include "kexie/literals.hpp"
#include "kexie/registry.hpp"

using namespace kexie::literals;

namespace {

using kexie::ActivityState;

// CAST → province → city → enterprise association → branch; one activity
// organized by the enterprise association and owned by the branch.
struct World {
  kexie::Registry registry;
  kexie::OrgId city, enterprise, branch;
  kexie::PersonId responsible;
  kexie::PersonId chair;  // the city association's chair, appointed in the registry

  World() {
    auto org = [&](kexie::OrgKind kind, const char* name, kexie::OrgId parent,
                   kexie::LocalLevel level = kexie::LocalLevel::none) {
      kexie::OrgSpec spec;
      spec.kind = kind;
      spec.name = name;
      spec.parent = parent;
      spec.effective = "2000-01-01"_date;
      spec.level = level;
      if (kind == kexie::OrgKind::enterprise) spec.enterprise.enterprise_name = name;
      return registry.add_organization(spec).value();
    };
    const auto cast = org(kexie::OrgKind::national, "CAST", {});
    const auto province =
        org(kexie::OrgKind::local, "province", cast, kexie::LocalLevel::provincial);
    city = org(kexie::OrgKind::local, "city", province, kexie::LocalLevel::prefecture);
    enterprise = org(kexie::OrgKind::enterprise, "enterprise", city);
    branch = org(kexie::OrgKind::branch, "branch", enterprise);
    kexie::PersonSpec p;
    p.name = "wang";
    p.birth = "1985-01-01"_date;
    p.employer = enterprise;
    responsible = registry.add_person(p).value();
    // Actors' roles must be backed by the registry (actor.unbacked_role, A14): the
    // chair who approves and who acts "from above" holds a real appointment.
    p.name = "zhou";
    chair = registry.add_person(p).value();
    registry
        .appoint({.person = chair,
                  .org = city,
                  .role = kexie::OfficerRole::chair,
                  .period = kexie::Period::from("2000-01-01"_date)})
        .value();
  }

  kexie::ActivityPlan plan() const {
    kexie::ActivityPlan p;
    p.type = kexie::ActivityType::jiangbi_campaign;
    p.title = "benchmark";
    p.organizer = enterprise;
    p.owner = branch;
    p.responsible = responsible;
    p.planned = {"2025-01-01"_date, "2025-12-31"_date};
    return p;
  }
};

const World& world() {
  static const World w;
  return w;
}

kexie::Timestamp t0() { return kexie::Timestamp::parse("2025-03-01T00:00:00Z").value(); }

// A book with one activity in progress; `clock` is its last event.
struct Fixture {
  std::unique_ptr<kexie::ActivityBook> book;
  kexie::ActivityId id;
  std::int64_t clock = 0;
  bool suspended = false;

  void reset(const kexie::Actor& chair) {
    const World& w = world();
    book = std::make_unique<kexie::ActivityBook>(w.registry);
    const kexie::Actor owner{w.responsible};
    id = book->create(owner, t0(), w.plan(), "plan").value();
    clock = 1;
    suspended = false;
    book->submit(id, owner, t0().add_micros(clock++), "ready").value();
    book->approve(id, chair, t0().add_micros(clock++), "ok").value();
    book->start(id, owner, t0().add_micros(clock++), "go").value();
  }
};

// Books are replaced every so often so the trail's memory stays bounded.
constexpr std::int64_t kResetEvery = 1 << 16;

// suspend / resume by `actor`, alternately, with a reason each time.
void run_transitions(benchmark::State& state, const kexie::Actor& actor) {
  const World& w = world();
  const kexie::Actor chair = kexie::Actor{w.chair}.with_role(kexie::Role::chair, w.city);
  const kexie::Timestamp start = t0();
  Fixture f;
  f.reset(chair);
  std::int64_t n = 0;
  for (auto _ : state) {
    if (++n % kResetEvery == 0) {
      state.PauseTiming();
      f.reset(chair);
      state.ResumeTiming();
    }
    const kexie::Timestamp at = start.add_micros(f.clock++);
    kexie::Status s = f.suspended ? f.book->resume(f.id, actor, at, "line back up")
                                  : f.book->suspend(f.id, actor, at, "line maintenance");
    f.suspended = !f.suspended;
    if (!s) {
      state.SkipWithError(s.error().to_string().c_str());
      break;
    }
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations());
}

// By the responsible person: no tree lookup.
void BM_TransitionByOwner(benchmark::State& state) {
  run_transitions(state, kexie::Actor{world().responsible});
}
BENCHMARK(BM_TransitionByOwner);

// By a chair two levels above the organizer: the permission check walks the tree.
void BM_TransitionByChairAbove(benchmark::State& state) {
  run_transitions(state, kexie::Actor{world().chair}.with_role(kexie::Role::chair, world().city));
}
BENCHMARK(BM_TransitionByChairAbove);

// The size of the encoded record a suspend transition hashes.
std::size_t record_size() {
  kexie::AuditRecord r;
  r.operation = kexie::ActivityOperation::suspend;
  r.reason = "line maintenance";
  std::string buffer;
  kexie::detail::encode_record(r, buffer);
  return buffer.size();
}

// The baseline: a bare state update plus one SHA-256 of an equal-sized record,
// with a reused libcrypto context (what the library's hasher does, minus nothing).
void BM_Baseline(benchmark::State& state) {
  std::string record(record_size(), 'x');
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ActivityState s = ActivityState::in_progress;
  std::uint64_t n = 0;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  for (auto _ : state) {
    s = s == ActivityState::in_progress ? ActivityState::suspended : ActivityState::in_progress;
    record[0] = static_cast<char>(n++);  // a different record each time
    record[1] = static_cast<char>(s);
    EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
    EVP_DigestUpdate(ctx, record.data(), record.size());
    EVP_DigestFinal_ex(ctx, digest, &length);
    benchmark::DoNotOptimize(digest);
    benchmark::DoNotOptimize(s);
  }
  EVP_MD_CTX_free(ctx);
  state.SetItemsProcessed(state.iterations());
  state.counters["record_bytes"] = static_cast<double>(record.size());
}
BENCHMARK(BM_Baseline);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  kexie_bench::SummaryReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const auto& t = reporter.times();
  std::printf("\nsummary (median of the repetitions), record of %zu bytes:\n", record_size());
  for (const auto& [name, x] : t) {
    std::printf("  %-28s real %9.1f ns   cpu %9.1f ns   %12.0f /s\n", name.c_str(), x.real_ns,
                x.cpu_ns, 1e9 / x.cpu_ns);
  }
  const auto base = t.find("BM_Baseline");
  for (const char* name : {"BM_TransitionByOwner", "BM_TransitionByChairAbove"}) {
    const auto it = t.find(name);
    if (base == t.end() || it == t.end()) continue;
    std::printf(
        "%s / baseline: cpu %.2f x, real %.2f x (target <= 2); %.0f transitions/s cpu, %.0f real "
        "(target >= 500000)\n",
        name, it->second.cpu_ns / base->second.cpu_ns, it->second.real_ns / base->second.real_ns,
        1e9 / it->second.cpu_ns, 1e9 / it->second.real_ns);
  }
  benchmark::Shutdown();
  return 0;
}
