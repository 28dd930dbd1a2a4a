// The advanced units (先进单位) and individuals (先进个人) of a scored campaign at
// national scale (issue 17, item 1): detail::advanced_honours, the part of
// Campaign::score that tallies every entry by enterprise association and team
// member, timed on its own. /0: 1 000 000 entries of 1 000 enterprise associations
// (100 members each), teams of 1 to 5 members with shares summing to 1, an energy
// saving on about a third of the entries, individuals from the first two tiers with
// a share of at least 0.2. /1: as scoring_bench's campaign, every entry by one
// person of one unit. Tiers and totals are drawn (10 %, 20 % and 30 % of the
// entries awarded, totals 60–100 in steps of 0.0001), so no marks are needed.
//
//   honours_bench [--entries=N] [benchmark flags]
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "campaign_advanced.hpp"
#include "campaign_state.hpp"
#include "kexie/kexie.hpp"
#include "kexie/literals.hpp"

using namespace kexie::literals;

namespace {

using kexie::Decimal;

std::size_t g_entries = 1'000'000;
constexpr std::size_t kUnits = 1000;
constexpr std::size_t kStaff = 100;  // members per enterprise association

struct World {
  // one_team: as scoring_bench's campaign, every entry by one person of one unit, no
  // energy saved, the default rule for individuals (the first tier).
  explicit World(bool one_team);
  kexie::Registry registry;
  std::unique_ptr<kexie::Campaign> campaign;
  std::vector<std::uint16_t> tier_of;  // tier + 1, 0: none
  std::vector<std::int64_t> totals;
  double setup_seconds = 0;
};

World::World(bool one_team) {
  const auto t0 = std::chrono::steady_clock::now();
  using kexie::OrgKind;
  kexie::OrgSpec o;
  o.kind = OrgKind::national;
  o.name = "中国科协";
  o.effective = "2000-01-01"_date;
  const auto cast = registry.add_organization(o).value();
  o.kind = OrgKind::local;
  o.name = "省科协";
  o.parent = cast;
  o.level = kexie::LocalLevel::provincial;
  const auto province = registry.add_organization(o).value();
  std::vector<kexie::OrgId> units;
  std::vector<std::vector<kexie::PersonId>> staff(kUnits);
  for (std::size_t u = 0; u < kUnits; ++u) {
    o.kind = OrgKind::enterprise;
    o.level = kexie::LocalLevel::none;
    o.parent = province;
    o.name = "企业科协" + std::to_string(u);
    o.enterprise.enterprise_name = "企业" + std::to_string(u);
    units.push_back(registry.add_organization(o).value());
    for (std::size_t k = 0; k < kStaff; ++k) {
      kexie::PersonSpec p;
      p.name = "员工" + std::to_string(u) + "-" + std::to_string(k);
      p.birth = "1985-01-01"_date;
      p.employer = units.back();
      const auto id = registry.add_person(p).value();
      registry
          .add_membership(id, units.back(), kexie::Role::member,
                          kexie::Period::from("2010-01-01"_date))
          .value();
      staff[u].push_back(id);
    }
  }
  kexie::CampaignSpec spec;
  spec.name = "national";
  spec.organizer = province;
  spec.as_of = "2025-11-30"_date;
  spec.year = 2024;
  spec.awards.tiers = {kexie::AwardTier::by_share("一等奖", "0.1"_dec),
                       kexie::AwardTier::by_share("二等奖", "0.2"_dec),
                       kexie::AwardTier::by_share("三等奖", "0.3"_dec)};
  if (!one_team) {
    spec.awards.individuals.top_tiers = 2;
    spec.awards.individuals.min_share = "0.2"_dec;
  }
  campaign = std::make_unique<kexie::Campaign>(registry, spec);
  std::vector<kexie::IndicatorSpec> specs = {{"I1",
                                              "indicator",
                                              "",
                                              kexie::IndicatorKind::judged,
                                              Decimal(1),
                                              kexie::MarkScale{Decimal(0), Decimal(100), "0.5"_dec},
                                              {},
                                              {}}};
  campaign
      ->set_rubric(kexie::Category::rationalization_proposals,
                   kexie::Rubric::build("bench", specs).value())
      .value();
  // Shares of a team of n members, summing to exactly 1.
  const std::vector<std::vector<Decimal>> shares = {
      {Decimal(1)},
      {"0.6"_dec, "0.4"_dec},
      {"0.5"_dec, "0.3"_dec, "0.2"_dec},
      {"0.4"_dec, "0.3"_dec, "0.2"_dec, "0.1"_dec},
      {"0.3"_dec, "0.25"_dec, "0.2"_dec, "0.15"_dec, "0.1"_dec}};
  std::mt19937_64 rng(20261129);
  kexie::EntrySpec e;
  e.category = kexie::Category::rationalization_proposals;
  e.in_use_since = "2024-01-01"_date;
  for (std::size_t n = 0; n < g_entries; ++n) {
    const std::size_t u = one_team ? 0 : rng() % kUnits;
    e.unit = units[u];
    char code[32];
    std::snprintf(code, sizeof code, "H%07zu", n);
    e.code = code;
    const std::size_t size = one_team ? 1 : 1 + rng() % 5;
    e.team.clear();
    const std::size_t first = one_team ? 0 : rng() % kStaff;
    const std::size_t step = 1 + rng() % 19;  // at least 5 distinct members
    for (std::size_t k = 0; k < size; ++k) {
      e.team.push_back({staff[u][(first + k * step) % kStaff], shares[size - 1][k]});
    }
    e.claims.energy.clear();
    if (!one_team && rng() % 3 == 0) {
      e.claims.energy.push_back(
          {kexie::Carrier::electricity_equivalent_value,
           {Decimal::from_coefficient(static_cast<std::int64_t>(1000 + rng() % 900000), 1).value(),
            kexie::Unit::kWh}});
    }
    (void)campaign->add_entry(e).value();
    const std::uint64_t draw = rng() % 10;
    tier_of.push_back(draw < 1 ? 1 : draw < 3 ? 2 : draw < 6 ? 3 : 0);
    // 60–100 in steps of 0.0001, as a weighted mean of half-point marks comes out.
    totals.push_back((600'000 + static_cast<std::int64_t>(rng() % 400'000)) * 10'000'000'000);
  }
  setup_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

World& world(bool one_team) {
  if (one_team) {
    static World w(true);
    return w;
  }
  static World w(false);
  return w;
}

void BM_AdvancedHonours(benchmark::State& state) {
  World& w = world(state.range(0) != 0);
  const auto& s = kexie::detail::CampaignImpl::of(*w.campaign);
  std::vector<kexie::AdvancedUnit> units;
  std::vector<kexie::AdvancedIndividual> people;
  for (auto _ : state) {
    static_cast<void>(kexie::detail::advanced_honours(s, w.tier_of, w.totals, units, people));
    benchmark::DoNotOptimize(units.data());
    benchmark::DoNotOptimize(people.data());
  }
  state.counters["entries"] = static_cast<double>(g_entries);
  state.counters["units"] = static_cast<double>(units.size());
  state.counters["people"] = static_cast<double>(people.size());
  state.counters["setup_s"] = w.setup_seconds;
}
// 0: teams of 1–5 in 1 000 units; 1: one person of one unit (as scoring_bench).
BENCHMARK(BM_AdvancedHonours)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime();

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
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
