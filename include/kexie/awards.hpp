// Award schemes (奖项设置): tiers such as 一等奖, 二等奖, 三等奖 with quotas (a
// share of the ranked entries or a count, with a declared rounding), minimum
// scores — a tier is left short rather than filled below its minimum (宁缺勿滥)
// — a declared rule for ties that straddle a quota boundary, and the rules
// that derive advanced units (先进单位) and advanced individuals (先进个人).
#ifndef KEXIE_AWARDS_HPP
#define KEXIE_AWARDS_HPP

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "kexie/decimal.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"

namespace kexie {
inline namespace v1 {

/// One award tier. The quota is `share` of the entries eligible for awards in the
/// ranking group (rounded by `rounding` to a whole number), or a fixed `count` of
/// places — never both. Build tiers with the two factories, which cannot express
/// both or neither; a tier built by hand that sets the unused one (a nonzero
/// `count` on a share tier, a nonzero `share` on a count tier) is not `ok()`, and
/// `Campaign` refuses it.
///
///   using namespace kexie::literals;
///   auto first = kexie::AwardTier::by_share("一等奖 first prize", "0.10"_dec, "85"_dec);
///   auto grand = kexie::AwardTier::by_places("特等奖", 1, "95"_dec);
struct AwardTier {
  std::string name;                     ///< e.g. "一等奖 first prize"
  bool by_count = false;                ///< true: `count` places; false: `share` of entries
  Decimal share;                        ///< quota as a share of eligible entries, [0, 1]
  std::uint32_t count = 0;              ///< quota as a number of entries
  Rounding rounding = Rounding::floor;  ///< how a share becomes a whole number of places
  Decimal min_score;                    ///< the lowest total that may receive this tier

  /// A tier of `share` (in [0, 1]) of the eligible entries, `rounding` to whole
  /// places, for totals of at least `min_score`.
  /// \param name the tier's name as printed on certificates and reports, e.g. "二等奖"
  /// \param share the quota as a share of the group's eligible entries, in [0, 1]
  /// (0.25 = a quarter); outside it the tier is not `ok()` and `Campaign` refuses it
  /// \param min_score the lowest total that may receive the tier (default 0: no floor)
  /// \param rounding how share × eligible entries becomes whole places (default down)
  /// \return a share tier (`by_count` false, `count` 0)
  ///
  ///   auto second = kexie::AwardTier::by_share("二等奖", "0.25"_dec, "75"_dec,
  ///                                            kexie::Rounding::ceiling);
  [[nodiscard]] static AwardTier by_share(std::string name, Decimal share, Decimal min_score = {},
                                          Rounding rounding = Rounding::floor) {
    AwardTier t;
    t.name = std::move(name);
    t.share = share;
    t.rounding = rounding;
    t.min_score = min_score;
    return t;
  }
  /// A tier of a fixed number of places, for totals of at least `min_score`.
  /// \param name the tier's name as printed on certificates and reports, e.g. "特等奖"
  /// \param places how many entries of the group may receive it, at most
  /// \param min_score the lowest total that may receive the tier (default 0: no floor)
  /// \return a count tier (`by_count` true, `share` 0)
  ///
  ///   auto grand = kexie::AwardTier::by_places("特等奖", 1, "95"_dec);
  [[nodiscard]] static AwardTier by_places(std::string name, std::uint32_t places,
                                           Decimal min_score = {}) {
    AwardTier t;
    t.name = std::move(name);
    t.by_count = true;
    t.count = places;
    t.min_score = min_score;
    return t;
  }

  /// True when the tier has exactly one kind of quota: a count (and a zero share),
  /// or a share in [0, 1] (and a zero count).
  /// \return false for a tier built by hand with both or a share outside [0, 1]
  ///
  ///   assert(kexie::AwardTier::by_places("特等奖", 1).ok());
  [[nodiscard]] bool ok() const noexcept {
    if (by_count) return share.signum() == 0;
    return count == 0 && share.signum() >= 0 && share <= Decimal(1);
  }
};

/// What happens when entries with equal totals straddle a tier's quota boundary.
enum class BoundaryTies : std::uint8_t {
  break_by_chain,  ///< the tie-break chain decides; the quota is never exceeded (default)
  include_all,     ///< every tied entry gets the tier; the quota may be exceeded
  exclude_all,     ///< no tied entry gets the tier; they compete for the next one
};

/// The names of `BoundaryTies`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<BoundaryTies> {
  static constexpr std::array<std::string_view, 3> names{"break_by_chain", "include_all",
                                                         "exclude_all"};
  static constexpr bool listed(BoundaryTies v) noexcept {
    switch (v) {
      case BoundaryTies::break_by_chain:
      case BoundaryTies::include_all:
      case BoundaryTies::exclude_all:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<BoundaryTies>());

/// Advanced units (先进单位): enterprise associations whose entries did well.
/// A unit qualifies when it has at least `min_awarded_entries` awarded entries, a
/// participation rate (distinct people on its entries ÷ its members on the
/// campaign's date) of at least `min_participation_rate`, and verified energy
/// savings of at least `min_tce_saved`; qualifying units are ordered by awarded
/// entries, then the sum of their awarded totals, then tce saved, then id, and the
/// first `max_units` (0 = all) are named.
struct AdvancedUnitRule {
  std::uint32_t min_awarded_entries = 2;  ///< awarded entries needed
  Decimal min_participation_rate;         ///< 0 = no requirement
  Decimal min_tce_saved;                  ///< 0 = no requirement
  std::uint32_t max_units = 0;            ///< 0 = no limit
};

/// Advanced individuals (先进个人): people who hold at least `min_share` of an entry
/// awarded one of the first `top_tiers` tiers; ordered by their best tier, then the
/// sum of share × total over their awarded entries, then id; the first `max_people`
/// (0 = all) are named.
struct AdvancedIndividualRule {
  std::uint32_t top_tiers = 1;   ///< how many of the highest tiers count
  Decimal min_share;             ///< the smallest share of an entry that counts
  std::uint32_t max_people = 0;  ///< 0 = no limit
};

/// A complete award scheme.
///
///   kexie::AwardScheme s = kexie::AwardScheme::standard();
///   s.tiers.push_back(kexie::AwardTier::by_share("优秀奖", "0.20"_dec, "50"_dec));
struct AwardScheme {
  std::vector<AwardTier> tiers;                               ///< best first
  BoundaryTies boundary_ties = BoundaryTies::break_by_chain;  ///< ties at a quota boundary
  Decimal cusp_margin = Decimal(1);                           ///< for the cusp report
  AdvancedUnitRule units;                                     ///< 先进单位
  AdvancedIndividualRule individuals;                         ///< 先进个人

  /// The usual three tiers, a starting point to adjust (like
  /// `LifecyclePolicy::standard()`): 一等奖 10% of the eligible entries with at
  /// least 85, 二等奖 20% with at least 75, 三等奖 30% with at least 60, shares
  /// rounded down; boundary ties broken by the chain; the default rules for
  /// advanced units and individuals. A default-constructed scheme has no tiers.
  /// \return a fresh copy of that scheme, to adjust
  ///
  ///   kexie::CampaignSpec spec{.name = "2025 讲比", .awards = kexie::AwardScheme::standard()};
  [[nodiscard]] static AwardScheme standard() {
    AwardScheme s;
    s.tiers = {AwardTier::by_share("一等奖", Decimal::unchecked(10, 2), Decimal(85)),
               AwardTier::by_share("二等奖", Decimal::unchecked(20, 2), Decimal(75)),
               AwardTier::by_share("三等奖", Decimal::unchecked(30, 2), Decimal(60))};
    return s;
  }
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_AWARDS_HPP
