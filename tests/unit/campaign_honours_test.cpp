// detail::advanced_honours (src/campaign_advanced.cpp) against the code it replaced
// (issue 17): the advanced units and individuals of generated campaigns, with teams
// of one to four people of several units, shares at many scales, energy saved on
// some entries, every rule varied and drawn tiers and totals, the huge totals that
// take the kexie::sum() fallback (and its error) included; a snapshot-restored
// campaign gives the same honours as the live one; a reused result (and concurrent
// calls) the same as a fresh one. The reference below is the code before the change
// verbatim, but for detail::pow10, which the library keeps hidden.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <random>
#include <span>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "campaign_advanced.hpp"
#include "campaign_state.hpp"
#include "detail/exact_sum.hpp"
#include "detail/int128.hpp"
#include "kexie/kexie.hpp"
#include "kexie/literals.hpp"
#include "support/campaign_world.hpp"

using namespace kexie::literals;

namespace kexie {
inline namespace v1 {
namespace detail {
namespace {

class ReferenceSum {
 public:
  void add(std::int64_t coefficient, int scale) {
    if (wide_) return;
    any_ = true;
    if (scale == scale_) {  // the common case: every term at one scale
      const detail::int128 w = coefficient;
      total_ += w;
      magnitude_ += w < 0 ? -w : w;
      if (magnitude_ > guard()) wide_ = true;
      return;
    }
    if (scale > scale_) {
      const detail::int128 f = kPowersOfTen[static_cast<std::size_t>(scale - scale_)];
      if (magnitude_ > kPowersOfTen[static_cast<std::size_t>(36)] / f) {
        wide_ = true;
        return;
      }
      total_ *= f;
      magnitude_ *= f;
      scale_ = scale;
    }
    const detail::int128 w =
        detail::int128{coefficient} * kPowersOfTen[static_cast<std::size_t>(scale_ - scale)];
    total_ += w;
    magnitude_ += w < 0 ? -w : w;
    if (magnitude_ > guard()) wide_ = true;
  }
  void add(const Decimal& d) { add(d.coefficient(), d.scale()); }
  [[nodiscard]] std::optional<Decimal> result() const {
    if (wide_) return std::nullopt;
    if (!any_) return Decimal(0);
    // As kexie::sum's result: trailing zeros dropped while the coefficient is too wide.
    detail::int128 c = total_;
    int scale = scale_;
    const auto fits = [](detail::int128 v) {
      return v <= Decimal::kMaxCoefficient && v >= -Decimal::kMaxCoefficient;
    };
    while (!fits(c) && scale > 0 && c % 10 == 0) {
      c /= 10;
      --scale;
    }
    if (!fits(c)) return std::nullopt;
    return fixed(static_cast<std::int64_t>(c), scale);
  }

 private:
  static detail::int128 guard() noexcept {
    static const detail::int128 g = kPowersOfTen[static_cast<std::size_t>(37)];
    return g;
  }
  detail::int128 total_ = 0, magnitude_ = 0;
  int scale_ = 0;
  bool any_ = false, wide_ = false;
};

}  // namespace

void reference_honours(const CampaignImpl& s, std::span<const std::int32_t> tier_of,
                       std::span<const std::int64_t> totals,
                       std::vector<AdvancedUnit>& honoured_units,
                       std::vector<AdvancedIndividual>& honoured_people) {
  const CampaignSpec& spec = s.spec;
  const AwardScheme& scheme = spec.awards;
  const std::size_t n = s.entries.size();
  honoured_units.clear();
  honoured_people.clear();
  struct UnitTally {
    std::uint32_t org = 0, entries = 0, awarded = 0;
    ReferenceSum awarded_total, tce;
    std::unordered_set<std::uint32_t> people;
    std::uint32_t last_person = 0;
    bool any_person = false;
  };
  std::vector<UnitTally> units;
  std::unordered_map<std::uint32_t, std::uint32_t> unit_index;
  std::uint32_t last_org = 0, last_unit = 0;
  bool any_org = false;
  for (std::size_t i = 0; i < n; ++i) {
    const EntryRecord& e = s.entries[i];
    const std::uint32_t org = e.enterprise.value();
    if (!any_org || org != last_org) {
      auto [it, fresh] = unit_index.try_emplace(org, static_cast<std::uint32_t>(units.size()));
      if (fresh) {
        units.emplace_back();
        units.back().org = org;
      }
      last_org = org;
      last_unit = it->second;
      any_org = true;
    }
    UnitTally& u = units[last_unit];
    ++u.entries;
    for (const TeamShare& t : e.spec.team) {
      const std::uint32_t p = t.person.value();
      if (u.any_person && p == u.last_person) continue;
      u.people.insert(p);
      u.last_person = p;
      u.any_person = true;
    }
    u.tce.add(e.figures[figure_index(ClaimedFigure::energy_saved_tce)]);
    if (tier_of[i] >= 0) {
      ++u.awarded;
      u.awarded_total.add(totals[i], kTotalScale);
    }
  }
  // kexie::sum() over the unit's terms, when the 128-bit sum could not decide.
  const auto unit_sum = [&](std::uint32_t org, bool awarded_totals) {
    std::vector<Decimal> terms;
    for (std::size_t i = 0; i < n; ++i) {
      if (s.entries[i].enterprise.value() != org) continue;
      if (!awarded_totals) {
        terms.push_back(s.entries[i].figures[figure_index(ClaimedFigure::energy_saved_tce)]);
      } else if (tier_of[i] >= 0) {
        terms.push_back(fixed(totals[i], kTotalScale));
      }
    }
    return sum(terms).value();
  };
  const AdvancedUnitRule& ur = scheme.units;
  for (UnitTally& u : units) {
    AdvancedUnit au;
    au.unit = OrgId{u.org};
    au.entries = u.entries;
    au.awarded = u.awarded;
    const std::optional<Decimal> awarded_total = u.awarded_total.result();
    au.awarded_total = awarded_total ? *awarded_total : unit_sum(u.org, true);
    const std::optional<Decimal> tce = u.tce.result();
    au.tce_saved = tce ? *tce : unit_sum(u.org, false);
    const std::size_t members = s.registry->count_members(au.unit, spec.as_of);
    au.participation_rate = members == 0
                                ? Decimal(0)
                                : divide(Decimal(static_cast<std::int64_t>(u.people.size())),
                                         Decimal(static_cast<std::int64_t>(members)), 4)
                                      .value();
    if (au.awarded >= ur.min_awarded_entries && au.awarded > 0 &&
        au.participation_rate >= ur.min_participation_rate && au.tce_saved >= ur.min_tce_saved) {
      honoured_units.push_back(au);
    }
  }
  std::sort(honoured_units.begin(), honoured_units.end(),
            [](const AdvancedUnit& a, const AdvancedUnit& b) {
              if (a.awarded != b.awarded) return a.awarded > b.awarded;
              if (a.awarded_total != b.awarded_total) return a.awarded_total > b.awarded_total;
              if (a.tce_saved != b.tce_saved) return a.tce_saved > b.tce_saved;
              return a.unit < b.unit;
            });
  if (ur.max_units > 0 && honoured_units.size() > ur.max_units) honoured_units.resize(ur.max_units);

  const AdvancedIndividualRule& ir = scheme.individuals;
  struct PersonTally {
    AdvancedIndividual ai;
    ReferenceSum credit;
  };
  std::vector<PersonTally> people;
  std::unordered_map<std::uint32_t, std::uint32_t> person_index;
  std::uint32_t last_person = 0, last_index = 0;
  bool any_person = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (tier_of[i] < 0 || static_cast<std::uint32_t>(tier_of[i]) >= ir.top_tiers) continue;
    const auto tier = static_cast<std::uint32_t>(tier_of[i]);
    for (const TeamShare& t : s.entries[i].spec.team) {
      if (t.share < ir.min_share) continue;
      if (!any_person || t.person.value() != last_person) {
        auto [it, fresh] =
            person_index.try_emplace(t.person.value(), static_cast<std::uint32_t>(people.size()));
        if (fresh) people.emplace_back();
        last_person = t.person.value();
        last_index = it->second;
        any_person = true;
      }
      PersonTally& pt = people[last_index];
      AdvancedIndividual& ai = pt.ai;
      if (ai.entries.empty() || tier < ai.best_tier) ai.best_tier = tier;
      ai.person = t.person;
      ai.entries.push_back(EntryId{static_cast<std::uint32_t>(i + 1)});
      // share × total, exactly as kexie::multiply gives it.
      const int scale = t.share.scale() + kTotalScale;
      const detail::int128 product = detail::int128{t.share.coefficient()} * totals[i];
      if (scale <= Decimal::kMaxScale && product <= Decimal::kMaxCoefficient &&
          product >= -Decimal::kMaxCoefficient) {
        pt.credit.add(static_cast<std::int64_t>(product), scale);
      } else {
        pt.credit.add(multiply(t.share, fixed(totals[i], kTotalScale)).value());
      }
    }
  }
  for (PersonTally& pt : people) {
    if (std::optional<Decimal> credit = pt.credit.result()) {
      pt.ai.credit = *credit;
    } else {
      std::vector<Decimal> terms;
      for (const EntryId e : pt.ai.entries) {
        for (const TeamShare& t : s.entries[e.value() - 1].spec.team) {
          if (t.person != pt.ai.person || t.share < ir.min_share) continue;
          terms.push_back(multiply(t.share, fixed(totals[e.value() - 1], kTotalScale)).value());
        }
      }
      pt.ai.credit = sum(terms).value();
    }
    honoured_people.push_back(std::move(pt.ai));
  }
  std::sort(honoured_people.begin(), honoured_people.end(),
            [](const AdvancedIndividual& a, const AdvancedIndividual& b) {
              if (a.best_tier != b.best_tier) return a.best_tier < b.best_tier;
              if (a.credit != b.credit) return a.credit > b.credit;
              return a.person < b.person;
            });
  if (ir.max_people > 0 && honoured_people.size() > ir.max_people) {
    honoured_people.resize(ir.max_people);
  }
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie

namespace {

using kexie::Decimal;
using kexie::detail::CampaignImpl;

using Honours = kexie::Status (*)(const CampaignImpl&, std::span<const std::int32_t>,
                                  std::span<const std::int64_t>, std::vector<kexie::AdvancedUnit>&,
                                  std::vector<kexie::AdvancedIndividual>&);

std::string exact(const Decimal& d) {
  return std::to_string(d.coefficient()) + 'e' + std::to_string(-d.scale());
}

// Every field of the honours, decimals as coefficient and scale; or the error thrown.
std::string honours(Honours f, const CampaignImpl& s, const std::vector<std::int32_t>& tier_of,
                    const std::vector<std::int64_t>& totals,
                    std::vector<kexie::AdvancedUnit>& units,
                    std::vector<kexie::AdvancedIndividual>& people) {
  std::string out;
  try {
    if (kexie::Status st = f(s, tier_of, totals, units, people); !st) {
      // The replaced code threw sum()'s or multiply()'s error; an overflow value now.
      if (st.error().code() != kexie::ErrorCode::overflow)
        return "error: " + st.error().to_string();
      if (!units.empty() || !people.empty()) return "error with honours left";
      return "failed: overflow";
    }
  } catch (const kexie::BadResultAccess& e) {
    return e.error().code() == kexie::ErrorCode::overflow ? "failed: overflow"
                                                          : std::string("threw: ") + e.what();
  }
  for (const kexie::AdvancedUnit& u : units) {
    out += "unit " + std::to_string(u.unit.value()) + ' ' + std::to_string(u.entries) + ' ' +
           std::to_string(u.awarded) + ' ' + exact(u.awarded_total) + ' ' +
           exact(u.participation_rate) + ' ' + exact(u.tce_saved) + '\n';
  }
  for (const kexie::AdvancedIndividual& p : people) {
    out += "person " + std::to_string(p.person.value()) + ' ' + std::to_string(p.best_tier) + ' ' +
           exact(p.credit);
    for (kexie::EntryId e : p.entries) out += ' ' + std::to_string(e.value());
    out += '\n';
  }
  return out;
}

std::string reference(const CampaignImpl& s, const std::vector<std::int32_t>& tier_of,
                      const std::vector<std::int64_t>& totals) {
  std::vector<kexie::AdvancedUnit> units;
  std::vector<kexie::AdvancedIndividual> people;
  const Honours old = [](const CampaignImpl& c, std::span<const std::int32_t> t,
                         std::span<const std::int64_t> v, std::vector<kexie::AdvancedUnit>& u,
                         std::vector<kexie::AdvancedIndividual>& p) -> kexie::Status {
    kexie::detail::reference_honours(c, t, v, u, p);  // throws BadResultAccess on overflow
    return {};
  };
  return honours(old, s, tier_of, totals, units, people);
}

// advanced_honours, given the tiers as the reference takes them (index, or -1) in the
// form it takes them (index + 1, or 0).
kexie::Status library_honours(const CampaignImpl& s, std::span<const std::int32_t> tier_of,
                              std::span<const std::int64_t> totals,
                              std::vector<kexie::AdvancedUnit>& units,
                              std::vector<kexie::AdvancedIndividual>& people) {
  std::vector<std::uint16_t> tiers(tier_of.size());
  for (std::size_t i = 0; i < tier_of.size(); ++i) {
    tiers[i] = static_cast<std::uint16_t>(tier_of[i] + 1);
  }
  return kexie::detail::advanced_honours(s, tiers, totals, units, people);
}

std::string current(const CampaignImpl& s, const std::vector<std::int32_t>& tier_of,
                    const std::vector<std::int64_t>& totals) {
  std::vector<kexie::AdvancedUnit> units;
  std::vector<kexie::AdvancedIndividual> people;
  return honours(&library_honours, s, tier_of, totals, units, people);
}

// Shares summing to exactly 1, at scales 0 to 9.
const std::vector<std::vector<Decimal>>& share_sets() {
  static const std::vector<std::vector<Decimal>> sets = {
      {Decimal(1)},
      {"0.5"_dec, "0.5"_dec},
      {"0.6"_dec, "0.4"_dec},
      {"0.25"_dec, "0.75"_dec},
      {"0.33333"_dec, "0.33333"_dec, "0.33334"_dec},
      {"0.125"_dec, "0.375"_dec, "0.500"_dec},
      {"0.1"_dec, "0.2"_dec, "0.3"_dec, "0.4"_dec},
      {"0.123456789"_dec, "0.876543211"_dec},
      {"0.30"_dec, "0.3"_dec, "0.4000"_dec}};
  return sets;
}

/// A campaign of `entries` entries of the three enterprises of campaign_world (as
/// themselves or through their branches), teams drawn from all of their staff (so
/// people work for several units), energy saved on some.
struct Generated {
  kexie_test::World w;
  std::unique_ptr<kexie::Campaign> c;

  explicit Generated(int entries, std::uint64_t seed, bool huge_energy = false) {
    c = std::make_unique<kexie::Campaign>(w.registry, kexie_test::proposal_spec(w));
    c->set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric())
        .value();
    std::vector<kexie::PersonId> staff;
    for (const auto& unit : w.staff) staff.insert(staff.end(), unit.begin(), unit.end());
    std::mt19937_64 rng(seed);
    for (int i = 0; i < entries; ++i) {
      const int e = static_cast<int>(rng() % 3);
      kexie::EntrySpec spec = kexie_test::proposal(w, "H-" + std::to_string(i), e, 0);
      if (rng() % 2 == 0) spec.unit = w.branches[static_cast<std::size_t>(e)];
      const auto& shares = share_sets()[rng() % share_sets().size()];
      spec.team.clear();
      const std::size_t first = rng() % staff.size();
      for (std::size_t k = 0; k < shares.size(); ++k) {
        spec.team.push_back({staff[(first + k * 7) % staff.size()], shares[k]});
      }
      if (huge_energy || rng() % 3 == 0) {
        const std::int64_t kwh =
            huge_energy
                ? 900'000'000'000'000 + static_cast<std::int64_t>(rng() % 90'000'000'000'000)
                : static_cast<std::int64_t>(rng() % 100'000'000);
        spec.claims.energy.push_back(
            {kexie::Carrier::electricity_equivalent_value,
             {Decimal::from_coefficient(kwh, huge_energy ? 0 : static_cast<int>(rng() % 4)).value(),
              kexie::Unit::kWh}});
      }
      c->add_entry(spec).value();
    }
  }
  CampaignImpl& state() { return CampaignImpl::of(*c); }
};

// Tiers (about 10 %, 20 % and 30 % of the entries, of three) and totals at 14 places:
// with 6 places, `long` ones among them with every place used (so the products of
// long shares no longer fit and multiply() refuses them), or all `huge`.
void draw(std::mt19937_64& rng, std::size_t n, bool huge, std::vector<std::int32_t>& tier_of,
          std::vector<std::int64_t>& totals, bool long_totals = false) {
  tier_of.assign(n, -1);
  totals.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t d = rng() % 10;
    tier_of[i] = d < 1 ? 0 : d < 3 ? 1 : d < 6 ? 2 : -1;
    if (huge) {
      totals[i] = 8'000'000'000'000'000'000 + static_cast<std::int64_t>(rng() % 1'000'000'000);
    } else if (long_totals && rng() % 40 == 0) {
      totals[i] = static_cast<std::int64_t>(rng() % 10'000'000'000'000'000);
    } else {
      totals[i] = static_cast<std::int64_t>(rng() % 1'000'001) * 100'000'000;  // 6 places
    }
  }
}

// Every rule of the award scheme, varied.
void vary_rules(std::mt19937_64& rng, kexie::AwardScheme& scheme) {
  const Decimal shares[] = {Decimal(0), "0.3"_dec, "0.33333"_dec, "0.5"_dec, "0.300"_dec};
  const Decimal rates[] = {Decimal(0), "0.1"_dec, "0.5"_dec};
  const Decimal tce[] = {Decimal(0), "1"_dec, "50.5"_dec};
  scheme.units.min_awarded_entries = static_cast<std::uint32_t>(rng() % 4);
  scheme.units.min_participation_rate = rates[rng() % 3];
  scheme.units.min_tce_saved = tce[rng() % 3];
  scheme.units.max_units = static_cast<std::uint32_t>(rng() % 3);
  scheme.individuals.top_tiers = static_cast<std::uint32_t>(rng() % 4);
  scheme.individuals.min_share = shares[rng() % 5];
  scheme.individuals.max_people = static_cast<std::uint32_t>(rng() % 3 == 0 ? rng() % 6 : 0);
}

TEST(CampaignHonours, MatchesTheCodeItReplacedUnderEveryRule) {
  Generated g(400, 17);
  CampaignImpl& s = g.state();
  std::mt19937_64 rng(4);
  std::vector<std::int32_t> tier_of;
  std::vector<std::int64_t> totals;
  int people_named = 0, units_named = 0, threw = 0;
  for (int round = 0; round < 120; ++round) {
    SCOPED_TRACE(round);
    draw(rng, s.entries.size(), false, tier_of, totals, round % 4 == 3);
    vary_rules(rng, s.spec.awards);
    const std::string want = reference(s, tier_of, totals);
    EXPECT_EQ(current(s, tier_of, totals), want);
    people_named += want.find("person ") != std::string::npos ? 1 : 0;
    units_named += want.find("unit ") != std::string::npos ? 1 : 0;
    threw += want.rfind("failed", 0) == 0 ? 1 : 0;
  }
  // The rounds reach every part: named units and people, and some sum() errors.
  EXPECT_GT(people_named, 30);
  EXPECT_GT(units_named, 30);
  EXPECT_GT(threw, 0);
}

TEST(CampaignHonours, HugeSumsTakeTheSumFallbackAndItsError) {
  std::mt19937_64 rng(5);
  std::vector<std::int32_t> tier_of;
  std::vector<std::int64_t> totals;
  // Awarded totals whose exact sum per unit does not fit a decimal.
  Generated g(60, 18);
  draw(rng, g.state().entries.size(), true, tier_of, totals);
  const std::string units = reference(g.state(), tier_of, totals);
  EXPECT_EQ(units, "failed: overflow");
  EXPECT_EQ(current(g.state(), tier_of, totals), units);
  // Energy saved whose sum per unit does not fit.
  Generated energy(60, 19, true);
  draw(rng, energy.state().entries.size(), false, tier_of, totals);
  const std::string tce = reference(energy.state(), tier_of, totals);
  EXPECT_EQ(tce, "failed: overflow");
  EXPECT_EQ(current(energy.state(), tier_of, totals), tce);
  // Credits of one person that do not fit: the units' sums still do (few entries each).
  Generated credit(40, 20);
  CampaignImpl& s = credit.state();
  s.spec.awards.individuals.top_tiers = 3;
  draw(rng, s.entries.size(), false, tier_of, totals);
  for (std::size_t i = 0; i < totals.size(); ++i) {
    if (i % 7 == 0) totals[i] = 999'999'999'999'999'999;
  }
  EXPECT_EQ(current(s, tier_of, totals), reference(s, tier_of, totals));
}

// The people are ranked by a key of their tier and their credit's highest bits first,
// then people with equal keys by the rule itself. Totals from three values (5,
// 5.000001 and 6; small, so a person's credit over many entries stays within a
// decimal at 15 places) give many people equal credits (ordered by id) and credits a
// few millionths apart, in every tier; all of them named, or the best few.
TEST(CampaignHonours, EqualAndNearlyEqualCreditsRankAsTheRuleSays) {
  Generated g(80, 23);  // few entries a person: many equal credits
  CampaignImpl& s = g.state();
  std::mt19937_64 rng(9);
  std::vector<std::int32_t> tier_of;
  std::vector<std::int64_t> totals;
  const std::int64_t values[] = {500'000'000'000'000, 500'000'100'000'000,
                                 600'000'000'000'000};  // at 14 places
  int named = 0, tied = 0;
  for (int round = 0; round < 60; ++round) {
    SCOPED_TRACE(round);
    draw(rng, s.entries.size(), false, tier_of, totals);
    // Every fifth round some totals are negative (credits below zero); every seventh,
    // the tiers are 254 and more (beyond the key's 8 bits: the comparison sort).
    for (std::int64_t& t : totals)
      t = (round % 5 == 4 && rng() % 2 == 0 ? -1 : 1) * values[rng() % 3];
    vary_rules(rng, s.spec.awards);
    s.spec.awards.individuals.top_tiers = 1 + static_cast<std::uint32_t>(round % 3);
    if (round % 7 == 6) {
      for (std::int32_t& t : tier_of) t = t < 0 ? t : t + 254;
      s.spec.awards.individuals.top_tiers = 400;
    }
    s.spec.awards.individuals.max_people = round % 4 == 0 ? 7 : round % 4 == 1 ? 60 : 0;
    const std::string want = reference(s, tier_of, totals);
    EXPECT_EQ(current(s, tier_of, totals), want);
    named += want.find("person ") != std::string::npos ? 1 : 0;
    // Two people in a row with the same tier and credit: a tie the id decides.
    std::istringstream lines(want);
    std::string line, previous;
    while (std::getline(lines, line)) {
      std::istringstream fields(line);
      std::string word, person, tier, credit;
      fields >> word >> person >> tier >> credit;
      if (word != "person") continue;
      tied += previous == tier + ' ' + credit ? 1 : 0;
      previous = tier + ' ' + credit;
    }
  }
  EXPECT_GT(named, 40);
  EXPECT_GT(tied, 10);
}

TEST(CampaignHonours, RepeatedPeopleCountOncePerUnit) {
  kexie_test::World w;
  kexie::Campaign c(w.registry, kexie_test::proposal_spec(w));
  c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
  // Enterprise 0 (directly and through its branch) and enterprise 1 share staff 0-0 and
  // 1-0; 0-0 leads three entries of enterprise 0 and one of enterprise 1.
  const auto& a = w.staff[0];
  const auto& b = w.staff[1];
  auto entry = [&](const std::string& code, int unit, bool branch,
                   std::vector<kexie::TeamShare> team) {
    kexie::EntrySpec spec = kexie_test::proposal(w, code, unit, 0);
    if (branch) spec.unit = w.branches[static_cast<std::size_t>(unit)];
    spec.team = std::move(team);
    return c.add_entry(spec).value();
  };
  entry("R-1", 0, false, {{a[0], "0.5"_dec}, {b[0], "0.5"_dec}});
  entry("R-2", 0, true, {{a[0], Decimal(1)}});
  entry("R-3", 1, false, {{a[0], "0.4"_dec}, {b[0], "0.6"_dec}});
  entry("R-4", 0, false, {{b[0], "0.5"_dec}, {a[0], "0.5"_dec}});
  entry("R-5", 1, true, {{b[1], Decimal(1)}});
  const CampaignImpl& s = CampaignImpl::of(c);
  ASSERT_EQ(s.honours.units.size(), 2u);
  EXPECT_EQ(s.honours.units[0].org, w.enterprises[0].value());
  EXPECT_EQ(s.honours.units[0].entries, 3u);
  EXPECT_EQ(s.honours.units[0].people, 2u);  // 0-0 and 1-0
  EXPECT_EQ(s.honours.units[1].org, w.enterprises[1].value());
  EXPECT_EQ(s.honours.units[1].entries, 2u);
  EXPECT_EQ(s.honours.units[1].people, 3u);  // 0-0, 1-0 and 1-1
  EXPECT_EQ(s.honours.people.size(), 3u);
  const std::vector<std::int32_t> tier_of = {0, 1, 0, -1, 0};
  const std::vector<std::int64_t> totals = {90'00000000000000, 80'00000000000000, 85'50000000000000,
                                            70'00000000000000, 88'00000000000000};
  const std::string want = reference(s, tier_of, totals);
  EXPECT_EQ(current(s, tier_of, totals), want);
  // 6 members each: 2/6 and 3/6 take part.
  EXPECT_NE(want.find(" 3333e-4 "), std::string::npos) << want;
  EXPECT_NE(want.find(" 5000e-4 "), std::string::npos) << want;
}

TEST(CampaignHonours, ARestoredCampaignGivesTheSameHonours) {
  Generated g(300, 21);
  const std::vector<std::byte> bytes =
      kexie::save_snapshot(kexie::SnapshotView(g.w.registry).add(*g.c)).value();
  kexie::Snapshot snap = kexie::load_snapshot(std::span<const std::byte>(bytes)).value();
  ASSERT_EQ(snap.campaigns().size(), 1u);
  const CampaignImpl& live = g.state();
  const CampaignImpl& restored = CampaignImpl::of(snap.campaigns()[0]);
  // The index itself, field by field.
  const kexie::detail::HonoursIndex& a = live.honours;
  const kexie::detail::HonoursIndex& b = restored.honours;
  EXPECT_EQ(a.unit_of, b.unit_of);
  EXPECT_EQ(a.team_begin, b.team_begin);
  EXPECT_EQ(a.people, b.people);
  EXPECT_EQ(a.first_unit, b.first_unit);
  ASSERT_EQ(a.seats.size(), b.seats.size());
  for (std::size_t k = 0; k < a.seats.size(); ++k) {
    EXPECT_EQ(a.seats[k].person, b.seats[k].person);
    EXPECT_EQ(a.seats[k].share, b.seats[k].share);
    EXPECT_EQ(a.seats[k].share_scale, b.seats[k].share_scale);
  }
  ASSERT_EQ(a.units.size(), b.units.size());
  for (std::size_t u = 0; u < a.units.size(); ++u) {
    EXPECT_EQ(a.units[u].org, b.units[u].org);
    EXPECT_EQ(a.units[u].entries, b.units[u].entries);
    EXPECT_EQ(a.units[u].people, b.units[u].people);
    EXPECT_EQ(a.units[u].tce.result(), b.units[u].tce.result());
  }
  // And what the honours make of it.
  std::mt19937_64 rng(6);
  std::vector<std::int32_t> tier_of;
  std::vector<std::int64_t> totals;
  for (int round = 0; round < 10; ++round) {
    draw(rng, live.entries.size(), false, tier_of, totals);
    const std::string want = current(live, tier_of, totals);
    EXPECT_EQ(current(restored, tier_of, totals), want);
    EXPECT_EQ(reference(restored, tier_of, totals), want);
  }
}

TEST(CampaignHonours, AReusedResultAndConcurrentCallsGiveTheSame) {
  Generated g(300, 22);
  CampaignImpl& s = g.state();
  s.spec.awards.individuals.top_tiers = 3;
  std::mt19937_64 rng(7);
  std::vector<std::int32_t> tier_a, tier_b;
  std::vector<std::int64_t> totals_a, totals_b;
  draw(rng, s.entries.size(), false, tier_a, totals_a);
  draw(rng, s.entries.size(), false, tier_b, totals_b);
  const std::string a = current(s, tier_a, totals_a);
  const std::string b = current(s, tier_b, totals_b);
  ASSERT_NE(a, b);
  // One pair of result vectors, filled with one result and then the other.
  std::vector<kexie::AdvancedUnit> units;
  std::vector<kexie::AdvancedIndividual> people;
  for (int k = 0; k < 3; ++k) {
    EXPECT_EQ(honours(&library_honours, s, tier_a, totals_a, units, people), a);
    EXPECT_EQ(honours(&library_honours, s, tier_b, totals_b, units, people), b);
  }
  // Two threads at once: one takes the campaign's scratch, the other its own.
  std::string got_a, got_b;
  std::thread one([&] {
    for (int k = 0; k < 5; ++k) got_a = current(s, tier_a, totals_a);
  });
  std::thread two([&] {
    for (int k = 0; k < 5; ++k) got_b = current(s, tier_b, totals_b);
  });
  one.join();
  two.join();
  EXPECT_EQ(got_a, a);
  EXPECT_EQ(got_b, b);
}

}  // namespace

namespace {

// Through the public call: an energy-saved sum that does not fit a decimal is score()'s
// `overflow` value naming the unit (it was an exception, BadResultAccess, escaping
// score()), and a reused scoreboard is left as it was: the refusal comes before the
// board is touched.
TEST(CampaignHonours, AnOverflowingUnitSumIsScoresErrorValue) {
  Generated energy(60, 19, true);
  kexie::Result<kexie::Scoreboard> board = energy.c->score();
  ASSERT_FALSE(board);
  EXPECT_EQ(board.error().code(), kexie::ErrorCode::overflow);
  EXPECT_NE(board.error().message().find("the energy saved by unit"), std::string::npos)
      << board.error().message();
  Generated plain(60, 21);
  kexie::Scoreboard reused = plain.c->score().value();
  const kexie::Scoreboard before = reused;
  ASSERT_FALSE(reused.entries.empty());
  for (unsigned t : {1u, 2u, 3u}) {
    const kexie::Status st = energy.c->score(reused, kexie::Threads{t});
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code(), kexie::ErrorCode::overflow);
    EXPECT_EQ(reused.digest(), before.digest());
    ASSERT_EQ(reused.entries.size(), before.entries.size());
    for (std::size_t k = 0; k < before.entries.size(); ++k) {
      EXPECT_EQ(reused.entries.entry(k), before.entries.entry(k));
      EXPECT_EQ(reused.entries[k].total, before.entries[k].total);
      EXPECT_EQ(reused.entries[k].rank, before.entries[k].rank);
      EXPECT_EQ(reused.entries[k].position, before.entries[k].position);
      EXPECT_EQ(reused.entries[k].tier, before.entries[k].tier);
      EXPECT_EQ(reused.entries[k].code, before.entries[k].code);
    }
    EXPECT_EQ(reused.units.size(), before.units.size());
    EXPECT_EQ(reused.people.size(), before.people.size());
    EXPECT_EQ(reused.cusps.size(), before.cusps.size());
  }
  // The board scored again by its own campaign after the refusals: as a fresh score.
  EXPECT_TRUE(plain.c->score(reused, kexie::Threads{2}));
  EXPECT_EQ(reused.digest(), before.digest());
  EXPECT_EQ(reused.digest(), plain.c->score().value().digest());
}

}  // namespace
