// Advanced units (先进单位) and individuals (先进个人): per enterprise the entries,
// awarded entries, their exact total, participation and energy saved; per person
// the credit share × total over their awarded entries in the top tiers.
#include "campaign_advanced.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "campaign_state.hpp"
#include "detail/int128.hpp"
#include "kexie/registry.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {
namespace {

// The exact sum of decimals as kexie::sum() gives it, accumulated term by term in
// 128 bits at the largest scale seen so far. result() is empty when the terms are
// too wide to be sure no running total of sum() would trip its guard (|total| >
// 10^37) or the sum does not fit a Decimal: the caller then calls kexie::sum() on
// the terms themselves, so every outcome (an error included) is sum()'s own.
class ExactSum {
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
      const detail::int128 f = detail::pow10(scale - scale_);
      if (magnitude_ > detail::pow10(36) / f) {
        wide_ = true;
        return;
      }
      total_ *= f;
      magnitude_ *= f;
      scale_ = scale;
    }
    const detail::int128 w = detail::int128{coefficient} * detail::pow10(scale_ - scale);
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
    static const detail::int128 g = detail::pow10(37);
    return g;
  }
  detail::int128 total_ = 0, magnitude_ = 0;
  int scale_ = 0;
  bool any_ = false, wide_ = false;
};

}  // namespace

void advanced_honours(const CampaignImpl& s, std::span<const std::int32_t> tier_of,
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
    ExactSum awarded_total, tce;
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
    ExactSum credit;
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
