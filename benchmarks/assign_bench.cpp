// Judge assignment at scale (issue 18): 10 000 entries × 500 experts × 5 judges
// per entry (5 M candidate pairs) by default, one thread. Times
// `propose_assignment` (LEMON's network simplex over every candidate pair), reports
// the process's peak resident memory (getrusage) and prints, from the same run, the
// cost of a greedy assigner (each entry in turn takes its cheapest judges with room
// left) and of the proposal with candidate pruning, so the gain and the price of
// pruning are visible.
//
//   assign_bench [--entries=N] [--experts=M] [--per-entry=K] [--prune=P] [--large]
//
// --large runs 100 000 entries × 2 000 experts (200 M candidate pairs) with pruning
// to --prune candidates per entry (40 unless given); the full run does not fit in
// memory there. --prune=P on the default instance adds a pruned run beside the full one.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "jiangbi_fixture.hpp"
#include "kexie/kexie.hpp"
#include "kexie/literals.hpp"

using namespace kexie::literals;

namespace {

std::size_t g_entries = 10'000;
std::size_t g_experts = 500;
std::uint32_t g_per_entry = 5;
std::uint32_t g_prune = 0;
bool g_large = false;
long long g_lower_bound = 0;

constexpr auto kProposals = kexie::Category::rationalization_proposals;
constexpr auto kInnovations = kexie::Category::innovative_ideas;

double peak_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

kexie::Rubric rubric() {
  kexie::MarkScale hundred{kexie::Decimal(0), kexie::Decimal(100), kexie::Decimal(1)};
  std::vector<kexie::IndicatorSpec> specs = {
      {"A", "评审 judged", "", kexie::IndicatorKind::judged, kexie::Decimal(1), hundred, {}, {}}};
  return kexie::Rubric::build("评分细则", specs).value();
}

// Enterprise associations under one city; experts work for the first fifth of them
// (five or so per enterprise, so spreading matters), two in three list the
// proposals category, the others the innovations one; entries alternate categories.
struct World {
  kexie::Registry registry;
  std::unique_ptr<kexie::Campaign> campaign;
  std::vector<std::size_t> entry_ent, judge_ent;
  std::vector<bool> judge_proposals;
  double setup_seconds = 0;

  World() {
    const auto t0 = std::chrono::steady_clock::now();
    using kexie::OrgKind;
    const auto province = kexie_bench::add_provincial_association(registry);
    kexie::OrgSpec o;
    o.kind = OrgKind::local;
    o.effective = "2000-01-01"_date;
    o.name = "市科协";
    o.parent = province;
    o.level = kexie::LocalLevel::prefecture;
    const auto city = registry.add_organization(o).value();
    const std::size_t n_ents = std::max<std::size_t>(g_experts, g_entries / 10);
    std::vector<kexie::OrgId> ents;
    o.kind = OrgKind::enterprise;
    o.parent = city;
    o.level = kexie::LocalLevel::none;
    for (std::size_t i = 0; i < n_ents; ++i) {
      o.name = "企业科协" + std::to_string(i);
      o.enterprise.enterprise_name = "企业" + std::to_string(i);
      ents.push_back(registry.add_organization(o).value());
    }
    kexie::CampaignSpec spec;
    spec.name = "assign_bench";
    spec.organizer = province;
    spec.as_of = "2025-11-30"_date;
    spec.year = 2024;
    spec.panel.min_judges = g_per_entry;
    spec.panel.max_judges_per_entry = std::max<std::uint32_t>(9, g_per_entry);
    campaign = std::make_unique<kexie::Campaign>(registry, spec);
    campaign->set_rubric(kProposals, rubric()).value();
    campaign->set_rubric(kInnovations, rubric()).value();
    std::uint64_t x = 88172645463325252ULL;  // xorshift64: a fixed instance
    auto next = [&] {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      return x;
    };
    const std::size_t expert_ents = std::max<std::size_t>(1, g_experts / 5);
    for (std::size_t j = 0; j < g_experts; ++j) {
      const std::size_t e = next() % expert_ents;
      const bool proposals = next() % 3 != 0;
      const auto p = registry
                         .add_person({.name = "专家" + std::to_string(j),
                                      .birth = "1970-01-01"_date,
                                      .employer = ents[e],
                                      .external_key = "X" + std::to_string(j)})
                         .value();
      registry
          .add_expert(p, province,
                      {std::string(kexie::to_string(proposals ? kProposals : kInnovations))},
                      kexie::Period::from("2020-01-01"_date))
          .value();
      (void)campaign->add_judge(p).value();
      judge_ent.push_back(e);
      judge_proposals.push_back(proposals);
    }
    for (std::size_t i = 0; i < g_entries; ++i) {
      const std::size_t e = next() % n_ents;
      const auto leader = registry
                              .add_person({.name = "申报人",
                                           .birth = "1985-01-01"_date,
                                           .employer = ents[e],
                                           .external_key = "L" + std::to_string(i)})
                              .value();
      kexie::EntrySpec s;
      s.code = "E" + std::to_string(i);
      s.unit = ents[e];
      s.category = i % 2 ? kInnovations : kProposals;
      s.team = {{leader, kexie::Decimal(1)}};
      s.in_use_since = "2024-01-01"_date;
      (void)campaign->add_entry(s).value();
      entry_ent.push_back(e);
    }
    setup_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
};

World* g_world = nullptr;

struct Figures {
  double seconds = 0;
  double peak_mb = 0;
  std::int64_t cost = -1;
  std::size_t pairs = 0;
  std::string error;
};
std::map<std::string, Figures> g_figures;

void run_proposal(benchmark::State& state, std::uint32_t prune, const std::string& name) {
  kexie::AssignmentOptions o;
  o.seed = 2025;
  o.candidates_per_entry = prune;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    auto p = kexie::propose_assignment(*g_world->campaign, o);
    Figures f;
    f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    f.peak_mb = peak_mb();
    if (p) {
      f.cost = p->cost;
      f.pairs = p->pairs.size();
    } else {
      f.error = p.error().message().substr(0, 300);
    }
    state.counters["cost"] = static_cast<double>(f.cost);
    state.counters["peak_MB"] = f.peak_mb;
    g_figures[name] = f;
  }
}

// Each entry in turn takes its cheapest judges (expertise, then a new organization)
// that have room under the balanced maximum load, rotating the starting judge.
void run_greedy(benchmark::State& state) {
  const World& w = *g_world;
  const std::size_t nj = w.judge_ent.size();
  const std::size_t seats = w.entry_ent.size() * g_per_entry;
  const std::size_t cap = (seats + nj - 1) / nj;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<std::size_t> load(nj, 0);
    std::vector<kexie::AssignmentInput> pairs;
    pairs.reserve(seats);
    std::size_t missing = 0;
    for (std::size_t i = 0; i < w.entry_ent.size(); ++i) {
      const bool proposals = i % 2 == 0;
      std::vector<std::size_t> orgs;
      std::uint32_t taken = 0;
      // Three passes: expert from a new organization, expert, anyone with room.
      for (int pass = 0; pass < 3 && taken < g_per_entry; ++pass) {
        for (std::size_t k = 0; k < nj && taken < g_per_entry; ++k) {
          const std::size_t j = (i * 7 + k) % nj;
          if (load[j] >= cap || w.judge_ent[j] == w.entry_ent[i]) continue;
          const bool seated = std::any_of(
              pairs.end() - taken, pairs.end(),
              [&](const kexie::AssignmentInput& p) { return p.judge.value() == j + 1; });
          if (seated) continue;
          const bool expert = w.judge_proposals[j] == proposals;
          const bool new_org = std::find(orgs.begin(), orgs.end(), w.judge_ent[j]) == orgs.end();
          if ((pass == 0 && !(expert && new_org)) || (pass == 1 && !expert)) continue;
          pairs.push_back({kexie::JudgeId{static_cast<std::uint32_t>(j + 1)},
                           kexie::EntryId{static_cast<std::uint32_t>(i + 1)}});
          orgs.push_back(w.judge_ent[j]);
          ++load[j];
          ++taken;
        }
      }
      missing += g_per_entry - taken;
    }
    Figures f;
    f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    f.cost = kexie::assignment_cost(*w.campaign, {}, pairs).value();
    f.peak_mb = peak_mb();
    f.pairs = pairs.size();
    if (missing > 0) f.error = std::to_string(missing) + " seats left empty";
    state.counters["cost"] = static_cast<double>(f.cost);
    g_figures["greedy"] = f;
  }
}

void print(const char* label, const Figures& f) {
  if (!f.error.empty() && f.cost < 0) {
    std::printf("%-28s %8.2f s  refused: %s\n", label, f.seconds, f.error.c_str());
    return;
  }
  std::printf("%-28s %8.2f s  cost %12lld  pairs %9zu  peak RSS %7.0f MB%s%s\n", label, f.seconds,
              static_cast<long long>(f.cost), f.pairs, f.peak_mb, f.error.empty() ? "" : "  ",
              f.error.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--entries=", 10) == 0) {
      g_entries = std::stoul(argv[i] + 10);
    } else if (std::strncmp(argv[i], "--experts=", 10) == 0) {
      g_experts = std::stoul(argv[i] + 10);
    } else if (std::strncmp(argv[i], "--per-entry=", 12) == 0) {
      g_per_entry = static_cast<std::uint32_t>(std::stoul(argv[i] + 12));
    } else if (std::strncmp(argv[i], "--prune=", 8) == 0) {
      g_prune = static_cast<std::uint32_t>(std::stoul(argv[i] + 8));
    } else if (std::strcmp(argv[i], "--large") == 0) {
      g_large = true;
    } else {
      rest.push_back(argv[i]);
    }
  }
  if (g_large) {
    g_entries = 100'000;
    g_experts = 2'000;
    if (g_prune == 0) g_prune = 40;
  }
  World world;
  g_world = &world;
  const double setup_mb = peak_mb();
  std::printf(
      "%zu entries x %zu experts x %u judges per entry (%zu candidate pairs); setup %.1f s, "
      "peak RSS after setup %.0f MB\n",
      g_entries, g_experts, g_per_entry, g_entries * g_experts, world.setup_seconds, setup_mb);
  {
    // A lower bound on any assignment's cost: seats of a field beyond what that field's
    // experts can take under the balanced maximum load go to non-experts (conflicts and
    // spread ignored). The gap to it bounds what pruning costs where the full run cannot.
    const std::size_t nj = world.judge_ent.size();
    const std::size_t cap = (g_entries * g_per_entry + nj - 1) / nj;
    std::size_t experts_p = 0;
    for (bool p : world.judge_proposals) experts_p += p ? 1 : 0;
    const std::size_t seats_p = (g_entries + 1) / 2 * g_per_entry;
    const std::size_t seats_i = g_entries / 2 * g_per_entry;
    auto beyond = [&](std::size_t seats, std::size_t experts) {
      return seats > experts * cap ? seats - experts * cap : 0;
    };
    g_lower_bound =
        100 * static_cast<long long>(beyond(seats_p, experts_p) + beyond(seats_i, nj - experts_p));
    std::printf("lower bound on the cost (expertise only): %lld\n", g_lower_bound);
  }
  if (!g_large) {
    benchmark::RegisterBenchmark("BM_Propose",
                                 [](benchmark::State& s) { run_proposal(s, 0, "full"); })
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
  }
  if (g_prune > 0) {
    benchmark::RegisterBenchmark("BM_ProposePruned",
                                 [](benchmark::State& s) { run_proposal(s, g_prune, "pruned"); })
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::RegisterBenchmark("BM_Greedy", run_greedy)
      ->Iterations(1)
      ->Unit(benchmark::kMillisecond);
  int rest_argc = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_argc, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::printf("\n");
  if (g_figures.contains("full")) print("min-cost flow (all pairs)", g_figures["full"]);
  if (g_figures.contains("pruned")) {
    const std::string label = "min-cost flow (" + std::to_string(g_prune) + " per entry)";
    print(label.c_str(), g_figures["pruned"]);
  }
  if (g_figures.contains("greedy")) print("greedy (baseline)", g_figures["greedy"]);
  const Figures* best = g_figures.contains("full")     ? &g_figures["full"]
                        : g_figures.contains("pruned") ? &g_figures["pruned"]
                                                       : nullptr;
  if (best != nullptr && best->cost >= 0 && g_lower_bound > 0) {
    std::printf("proposal within %.2f%% of the lower bound %lld\n",
                100.0 * static_cast<double>(best->cost - g_lower_bound) /
                    static_cast<double>(g_lower_bound),
                g_lower_bound);
  }
  if (best != nullptr && best->cost >= 0 && g_figures.contains("greedy")) {
    const double greedy = static_cast<double>(g_figures["greedy"].cost);
    std::printf("greedy costs %.1f%% more than the proposal (target time: < 10 s on one core)\n",
                greedy > 0 ? 100.0 * (greedy - static_cast<double>(best->cost)) /
                                 std::max(1.0, static_cast<double>(best->cost))
                           : 0.0);
  }
  return 0;
}
