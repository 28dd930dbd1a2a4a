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
#include <vector>

#include "kexie/decimal.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"

namespace kexie {
inline namespace v1 {

/// One award tier. The quota is `share` of the entries eligible for awards in the
/// ranking group (rounded by `rounding` to a whole number), or a fixed `count`.
///
///   kexie::AwardTier first{.name = "一等奖 first prize", .share = dec("0.10"),
///                          .min_score = kexie::Decimal(85)};
///   kexie::AwardTier fixed{.name = "特等奖", .by_count = true, .count = 1,
///                          .min_score = kexie::Decimal(95)};
struct AwardTier {
  std::string name;                     ///< e.g. "一等奖 first prize"
  bool by_count = false;                ///< true: `count` places; false: `share` of entries
  Decimal share;                        ///< quota as a share of eligible entries, [0, 1]
  std::uint32_t count = 0;              ///< quota as a number of entries
  Rounding rounding = Rounding::floor;  ///< how a share becomes a whole number of places
  Decimal min_score;                    ///< the lowest total that may receive this tier
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
///   kexie::AwardScheme s;
///   s.tiers = {{.name = "一等奖", .share = dec("0.10"), .min_score = kexie::Decimal(85)},
///              {.name = "二等奖", .share = dec("0.20"), .min_score = kexie::Decimal(75)},
///              {.name = "三等奖", .share = dec("0.30"), .min_score = kexie::Decimal(60)}};
struct AwardScheme {
  std::vector<AwardTier> tiers;                               ///< best first
  BoundaryTies boundary_ties = BoundaryTies::break_by_chain;  ///< ties at a quota boundary
  Decimal cusp_margin = Decimal(1);                           ///< for the cusp report
  AdvancedUnitRule units;                                     ///< 先进单位
  AdvancedIndividualRule individuals;                         ///< 先进个人
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_AWARDS_HPP
