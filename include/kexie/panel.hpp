// Judging panels (评审专家组): how the marks several judges give one judged
// indicator are combined into one value — mean, median or trimmed mean (the
// default drops the single highest and lowest mark once at least five judges
// marked, as sports panels do) — with optional per-judge z-score normalization
// against leniency, and the rules a campaign's panel follows (minimum judges per
// entry, missing marks excluded and never counted as zero, vetoes).
#ifndef KEXIE_PANEL_HPP
#define KEXIE_PANEL_HPP

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "kexie/decimal.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

/// How the marks of one indicator are combined.
enum class AggregationMethod : std::uint8_t {
  mean,          ///< the arithmetic mean of all marks
  median,        ///< the middle mark; the mean of the two middle marks for an even count
  trimmed_mean,  ///< the mean after dropping the lowest and highest marks
};

/// The names of `AggregationMethod`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<AggregationMethod> {
  static constexpr std::array<std::string_view, 3> names{"mean", "median", "trimmed_mean"};
  static constexpr bool listed(AggregationMethod v) noexcept {
    switch (v) {
      case AggregationMethod::mean:
      case AggregationMethod::median:
      case AggregationMethod::trimmed_mean:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<AggregationMethod>());

/// "mean", "median", "trimmed_mean".
/// \param method the value to name
/// \return its stable English name, as `EnumNames<AggregationMethod>` spells it
[[nodiscard]] KEXIE_API std::string_view to_string(AggregationMethod method) noexcept;

/// An aggregation rule. For a trimmed mean, `drop_low` lowest and `drop_high`
/// highest marks are dropped when at least `trim_from` marks are present; with
/// fewer marks the plain mean applies (and the explanation says so). Results are
/// rounded half-even to 6 places (Rubric::kValueScale).
///
///   auto rule = kexie::Aggregation::standard();   // drop 1 + 1 from 5 marks up
///   auto dive = kexie::Aggregation::diving();     // drop 2 + 2 from 7 marks up
struct Aggregation {
  AggregationMethod method = AggregationMethod::trimmed_mean;  ///< the method
  std::uint8_t drop_low = 1;   ///< trimmed mean: lowest marks dropped
  std::uint8_t drop_high = 1;  ///< trimmed mean: highest marks dropped
  std::uint8_t trim_from = 5;  ///< trimmed mean: the fewest marks at which trimming applies

  /// The plain mean.
  /// \return the mean of every mark, nothing dropped.
  [[nodiscard]] static constexpr Aggregation plain_mean() noexcept {
    return {AggregationMethod::mean, 0, 0, 0};
  }
  /// The median.
  /// \return the median of the marks (the mean of the middle two for an even count).
  [[nodiscard]] static constexpr Aggregation median() noexcept {
    return {AggregationMethod::median, 0, 0, 0};
  }
  /// Trimmed mean dropping `low` + `high` marks from `from` marks up (from > low + high).
  /// \param low how many of the lowest marks are dropped.
  /// \param high how many of the highest marks are dropped.
  /// \param from the fewest marks at which trimming applies; with fewer, the plain mean is taken.
  /// \return the rule; check it with `ok()` (from must exceed low + high).
  [[nodiscard]] static constexpr Aggregation trimmed(std::uint8_t low, std::uint8_t high,
                                                     std::uint8_t from) noexcept {
    return {AggregationMethod::trimmed_mean, low, high, from};
  }
  /// The default of DOMAIN.md §4: drop 1 highest + 1 lowest from 5 judges up.
  /// \return `trimmed(1, 1, 5)`.
  [[nodiscard]] static constexpr Aggregation standard() noexcept { return trimmed(1, 1, 5); }
  /// Diving-style: drop 2 highest + 2 lowest from 7 judges up.
  /// \return `trimmed(2, 2, 7)`.
  [[nodiscard]] static constexpr Aggregation diving() noexcept { return trimmed(2, 2, 7); }

  /// True when the rule is usable: a trimmed mean must keep at least one mark.
  /// \return true for a mean or a median, or a trimmed mean with `trim_from > drop_low +
  /// drop_high`.
  [[nodiscard]] constexpr bool ok() const noexcept {
    return method != AggregationMethod::trimmed_mean || trim_from > drop_low + drop_high;
  }
  /// Equal when every field is equal.
  friend constexpr bool operator==(const Aggregation&, const Aggregation&) = default;
};

/// The combined value of some marks, and what happened to each mark.
struct Aggregate {
  Decimal value;                                        ///< the combined value, 6 places, half-even
  AggregationMethod applied = AggregationMethod::mean;  ///< the method actually applied
  std::vector<bool> dropped;  ///< per input mark, in input order: dropped by trimming
};

/// Combines marks by `rule`. Among equal marks the one given first is dropped first
/// from the low end and last from the high end, so the result never depends on which
/// of two equal marks is dropped. `invalid_argument` for no marks, a rule that is not
/// `ok()`, or a mark with more than 4 places or beyond ±1000.
/// \param marks one indicator's marks, in the order given (≤ 4 places, within ±1000)
/// \param rule how to combine them (mean, median or trimmed mean, with what to drop)
/// \return the combined value and which marks were dropped, or `invalid_argument`
///
///   std::vector<kexie::Decimal> m = {"88.5"_dec, "91.25"_dec, "79"_dec, "95.75"_dec, "90"_dec};
///   auto a = kexie::aggregate(m, kexie::Aggregation::standard()).value();
///   assert(a.value == "89.916667"_dec);  // the mean of 88.5, 90, 91.25
///   assert((a.dropped == std::vector<bool>{false, false, true, true, false}));
[[nodiscard]] KEXIE_API Result<Aggregate> aggregate(std::span<const Decimal> marks,
                                                    Aggregation rule);

/// Per-judge z-score normalization against leniency. For each judge and judged
/// indicator with at least `min_sample` marks and a positive spread, a mark x becomes
/// panel_mean + (x − judge_mean) × panel_sd / judge_sd, rounded half-even to 4 places;
/// means and (population) standard deviations are computed in double in a fixed
/// order and quantized to 6 places before use, so results are reproducible bit for
/// bit. Judges below the guard keep their raw marks (the explanation says so).
struct Normalization {
  bool enabled = false;          ///< off by default
  std::uint32_t min_sample = 5;  ///< the fewest marks a judge needs on an indicator
  /// Equal when every field is equal.
  friend constexpr bool operator==(const Normalization&, const Normalization&) = default;
};

/// Whom the expert rule (`panel.expert`, A8) applies to.
///
///   spec.panel.experts = kexie::ExpertRule::off;   // a CampaignSpec's panel rules
enum class ExpertRule : std::uint8_t {
  bound_campaigns,  ///< campaigns opened for a 讲比 activity (the default)
  always,           ///< every campaign, bound or not
  off,              ///< no campaign: anyone in the registry may judge
};

/// The names of `ExpertRule`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<ExpertRule> {
  static constexpr std::array<std::string_view, 3> names{"bound_campaigns", "always", "off"};
  static constexpr bool listed(ExpertRule v) noexcept {
    switch (v) {
      case ExpertRule::bound_campaigns:
      case ExpertRule::always:
      case ExpertRule::off:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<ExpertRule>());

/// "bound_campaigns", "always" or "off".
/// \param rule the value to name
/// \return its stable English name, as `EnumNames<ExpertRule>` spells it
[[nodiscard]] KEXIE_API std::string_view to_string(ExpertRule rule) noexcept;

/// The rules a campaign's panel follows.
///
///   kexie::PanelRules rules;                 // trimmed 1+1 from 5, ≥ 3 judges, no normalization
///   rules.aggregation = kexie::Aggregation::diving();
///   rules.normalization.enabled = true;
struct PanelRules {
  Aggregation aggregation = Aggregation::standard();  ///< per judged indicator
  Normalization normalization;                        ///< optional leniency correction
  /// The fewest judges that must have marked every judged indicator of an entry
  /// before it can be scored; missing marks are excluded, never counted as zero.
  std::uint32_t min_judges = 3;
  /// How many judges' vetoes (一票否决) exclude an entry from awards; 1 = any judge.
  std::uint32_t veto_threshold = 1;
  /// The most judges one entry may have (marks are stored in that many slots).
  std::uint32_t max_judges_per_entry = 9;
  /// Judges are experts (A8, DOMAIN §2): when the rule applies, a judge must be
  /// listed, on the campaign's `as_of`, in the expert pool of the organizer or an
  /// organization above it (rule `panel.expert`). By default it applies to every
  /// campaign bound to its 讲比 activity (`Campaign::open`); unbound campaigns (tests,
  /// what-if scoring) are checked only with `ExpertRule::always`. Why that default:
  /// the rule reads the organizer's pools on a date, which a bound campaign always
  /// has (its activity's organizer) and an unbound one often does not (no organizer,
  /// or a what-if panel of people not yet listed); checking it there would make every
  /// scoring experiment build expert pools first, while a campaign that can be
  /// commended (only a bound one) never escapes the rule. `off` is for registries
  /// that keep no expert pools.
  ///
  ///   kexie::PanelRules rules;
  ///   rules.experts = kexie::ExpertRule::always;   // what-if panels are checked too
  ExpertRule experts = ExpertRule::bound_campaigns;
  /// Also require, when a judge is assigned, that one of the fields of their listing
  /// names the entry's category as `to_string(Category)` spells it (rule
  /// `panel.expert_field`). Off by default; only where the expert rule applies.
  ///
  ///   spec.panel.expert_field_match = true;   // "rationalization_proposals" experts only
  bool expert_field_match = false;
  /// Equal when every field is equal.
  friend constexpr bool operator==(const PanelRules&, const PanelRules&) = default;
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_PANEL_HPP
