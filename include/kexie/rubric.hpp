// Rubrics (评分细则): the indicator tree a campaign scores entries with. A
// rubric has first-level indicators (一级指标) that group second-level ones
// (二级指标), and so on; the weights of the children of every node sum to
// exactly 1. Leaves are either *judged* (each judge marks them on a declared
// scale and step) or *objective* (computed from an entry's claimed results
// through a tier table or a capped linear map). Outside the weighted tree a
// rubric may have *bonus* items (加分项), added to the total up to a cap, and
// *veto* items (一票否决), which exclude an entry from awards.
#ifndef KEXIE_RUBRIC_HPP
#define KEXIE_RUBRIC_HPP

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kexie/ahp_provenance.hpp"
#include "kexie/decimal.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

namespace detail {
struct RubricImpl;  // src/rubric.cpp
}  // namespace detail

/// What an indicator is and how it gets its value.
enum class IndicatorKind : std::uint8_t {
  group,      ///< an inner node: its value is the weighted sum of its children
  judged,     ///< a leaf marked by judges on a MarkScale
  objective,  ///< a leaf computed from claimed results by an ObjectiveMap
  bonus,      ///< outside the tree: points added to the total, capped
  veto,       ///< outside the tree: a judge's veto (一票否决) excludes the entry from awards
};

/// The names of `IndicatorKind`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<IndicatorKind> {
  static constexpr std::array<std::string_view, 5> names{"group", "judged", "objective", "bonus",
                                                         "veto"};
  static constexpr bool listed(IndicatorKind v) noexcept {
    switch (v) {
      case IndicatorKind::group:
      case IndicatorKind::judged:
      case IndicatorKind::objective:
      case IndicatorKind::bonus:
      case IndicatorKind::veto:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<IndicatorKind>());

/// The claimed result an objective indicator reads (see entry.hpp, `Claims`).
enum class ClaimedFigure : std::uint8_t {
  annual_benefit_yuan,        ///< economic benefit a year, yuan
  energy_saved_tce,           ///< energy saved, converted to tonnes of standard coal
  co2_avoided_t,              ///< emissions avoided, t CO2 (computed or claimed: Co2Basis)
  material_saved_t,           ///< material saved, t
  efficiency_gain_percent,    ///< efficiency gain, %
  hours_saved,                ///< working hours saved a year
  patents_granted_invention,  ///< granted invention patents
  patents_granted_other,      ///< granted utility-model and design patents
  patents_filed,              ///< patents filed, any type
  achievements_transformed,   ///< S&T achievements transformed (科技成果转化)
};

/// The names of `ClaimedFigure`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<ClaimedFigure> {
  static constexpr std::array<std::string_view, 10> names{
      "annual_benefit_yuan",       "energy_saved_tce",        "co2_avoided_t",
      "material_saved_t",          "efficiency_gain_percent", "hours_saved",
      "patents_granted_invention", "patents_granted_other",   "patents_filed",
      "achievements_transformed"};
  static constexpr bool listed(ClaimedFigure v) noexcept {
    switch (v) {
      case ClaimedFigure::annual_benefit_yuan:
      case ClaimedFigure::energy_saved_tce:
      case ClaimedFigure::co2_avoided_t:
      case ClaimedFigure::material_saved_t:
      case ClaimedFigure::efficiency_gain_percent:
      case ClaimedFigure::hours_saved:
      case ClaimedFigure::patents_granted_invention:
      case ClaimedFigure::patents_granted_other:
      case ClaimedFigure::patents_filed:
      case ClaimedFigure::achievements_transformed:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<ClaimedFigure>());

/// "annual_benefit_yuan", …
/// \param figure the value to name
/// \return its stable English name, as `EnumNames<ClaimedFigure>` spells it
[[nodiscard]] KEXIE_API std::string_view to_string(ClaimedFigure figure) noexcept;

/// The marks a judge may give on a judged indicator: min ≤ mark ≤ max, and
/// (mark − min) a whole multiple of step. Marks have at most 4 places and lie
/// within ±1000, so that every total is an exact Decimal (see Rubric).
///
///   kexie::MarkScale s{kexie::Decimal(0), kexie::Decimal(100),
///                      kexie::Decimal::parse("0.5").value()};
struct MarkScale {
  Decimal min;   ///< the lowest mark
  Decimal max;   ///< the highest mark
  Decimal step;  ///< the granularity; must be positive
};

/// One row of a tier table: a claimed figure of at least `at_least` earns `points`.
struct Tier {
  Decimal at_least;  ///< the threshold, inclusive
  Decimal points;    ///< the value of the indicator at or above it
};

/// How an objective indicator turns a claimed figure into a value on the mark scale.
/// Either a tier table (the highest tier whose threshold the figure reaches; below
/// every tier the value is `floor`) or, when `tiers` is empty, a capped linear map:
/// min(cap, floor + figure × per_unit). Results are rounded half-even to the scale
/// of the rubric's aggregated marks. Values lie within ±1000.
///
///   // energy-coefficients.md: benefit ≥ 500 000 yuan → 30, ≥ 100 000 → 20, else 12
///   kexie::ObjectiveMap m{kexie::ClaimedFigure::annual_benefit_yuan,
///                         {{Decimal(500000), Decimal(30)}, {Decimal(100000), Decimal(20)}},
///                         Decimal(12)};
struct ObjectiveMap {
  ClaimedFigure figure = ClaimedFigure::annual_benefit_yuan;  ///< what is read
  std::vector<Tier> tiers;  ///< thresholds in any order; empty for a linear map
  Decimal floor;            ///< the value below every tier, or the linear map's intercept
  Decimal per_unit;         ///< linear map: value per unit of the figure
  Decimal cap;              ///< linear map: the largest value
};

/// One band of a banded judged indicator: when the entry's figure selects this band,
/// every judge's mark must lie within [min, max] (and on the indicator's step).
///
///   // yearly benefit ≥ 1 000 000 yuan: marks 80–100
///   kexie::MarkBand top{kexie::Decimal(1000000), kexie::Decimal(80), kexie::Decimal(100)};
struct MarkBand {
  Decimal at_least;  ///< the band's threshold on the figure, inclusive
  Decimal min;       ///< the lowest admissible mark in this band
  Decimal max;       ///< the highest admissible mark in this band
};

/// The bands of a judged indicator whose admissible marks an objective figure of the
/// entry selects (a judged mark confined to a band, 按效益定档、档内评分). The figure
/// selects exactly one band: the band with the highest threshold the figure reaches,
/// so the thresholds cut the figure's axis into disjoint half-open intervals
/// [t_k, t_k+1) even when the bands' mark ranges overlap. A figure below every
/// threshold selects no band, and every mark on the indicator is refused
/// (`rubric.band`). Empty `bands`: the indicator is not banded.
///
///   kexie::MarkBands b{kexie::ClaimedFigure::annual_benefit_yuan,
///                      {{Decimal(1000000), Decimal(80), Decimal(100)},
///                       {Decimal(100000), Decimal(60), Decimal(85)},
///                       {Decimal(0), Decimal(40), Decimal(65)}}};
///   const kexie::MarkBand* band = b.select(Decimal(650000));   // [60, 85]
struct MarkBands {
  ClaimedFigure figure = ClaimedFigure::annual_benefit_yuan;  ///< what selects the band
  std::vector<MarkBand> bands;  ///< thresholds in any order, distinct; empty: not banded

  /// The band `value` of the figure selects, or null when it is below every threshold.
  /// \param value the entry's figure (of `figure`), in its unit (yuan, tce, t CO2, ...).
  /// \return a pointer into `bands` (valid as long as this object), or null.
  ///
  ///   if (const kexie::MarkBand* band = bands.select(benefit)) …
  [[nodiscard]] const MarkBand* select(const Decimal& value) const noexcept {
    const MarkBand* best = nullptr;
    for (const MarkBand& b : bands) {
      if (value >= b.at_least && (best == nullptr || b.at_least > best->at_least)) best = &b;
    }
    return best;
  }
};

/// A prize (奖金) an entry earns from a claimed figure: `share` of the part of the
/// figure above `threshold`, at most `cap` when one is set, rounded half-even to the
/// fen (2 places) — the only rounding. It is money in yuan, shown per entry in the
/// results (`EntryResult::prize`) and explanations; it never changes a total, a rank
/// or a tier (the scoreboard's digest covers it, only for rubrics with a prize rule).
/// Incomplete and vetoed entries earn none (0.00); with `awarded_only`, neither do
/// entries without an award tier.
///
///   // 2 % of the yearly benefit above 500 000 yuan, at most 50 000 yuan
///   kexie::PrizeRule p{.figure = kexie::ClaimedFigure::annual_benefit_yuan,
///                      .threshold = Decimal(500000), .share = "0.02"_dec,
///                      .cap = Decimal(50000)};
struct PrizeRule {
  ClaimedFigure figure = ClaimedFigure::annual_benefit_yuan;  ///< the claimed figure read
  Decimal threshold;           ///< the part of the figure up to here earns nothing; ≥ 0
  Decimal share;               ///< the rate applied above the threshold, in (0, 1]
  std::optional<Decimal> cap;  ///< the largest prize, yuan (≤ 2 places); none: uncapped
  bool awarded_only = false;   ///< only entries with an award tier earn the prize
};

/// The description of one indicator, as an application writes it. `code` is a
/// stable key ("A", "A.1", "bonus.patent") and `parent` names the parent's code
/// (empty for a first-level indicator, bonus or veto item).
struct IndicatorSpec {
  std::string code;    ///< unique within the rubric
  std::string name;    ///< shown to people, e.g. "经济效益 economic benefit"
  std::string parent;  ///< parent's code; empty at the first level
  IndicatorKind kind = IndicatorKind::judged;  ///< see IndicatorKind
  Decimal weight;          ///< share of the parent, summing to 1; points: Rubric::build_points
  MarkScale scale;         ///< judged leaves and bonus items: what a judge may give
  ObjectiveMap objective;  ///< objective leaves: how the value is computed
  Decimal bonus_cap;       ///< bonus items: the most the item adds to a total
};

/// A validated indicator of a built rubric.
struct Indicator {
  std::uint32_t index = 0;   ///< position in Rubric::indicators()
  std::uint32_t parent = 0;  ///< parent's index; == index for a top-level item
  std::uint32_t depth = 0;   ///< 1 for first-level indicators
  /// Group, judged, objective, bonus or veto (see IndicatorKind).
  IndicatorKind kind = IndicatorKind::judged;
  /// The spec's code, unique within the rubric.
  std::string code;
  /// The spec's name, shown to people.
  std::string name;
  /// Local weight within the parent; 1 on a points sheet (whose shares are `points`).
  Decimal weight;
  /// The multiplier of the leaf's value in a total: the exact product of weights from
  /// the root down; 1 on a points sheet, whose leaf values are points already.
  Decimal global_weight;
  /// Judged leaves and bonus items: what a judge may give.
  MarkScale scale;
  /// Objective leaves: how the value is computed from a claimed figure.
  ObjectiveMap objective;
  /// Bonus items: the most the item adds to a total.
  Decimal bonus_cap;
  Decimal points;   ///< points sheets: the indicator's maximum points (0 otherwise)
  MarkBands bands;  ///< banded judged leaves: the bands (empty otherwise; Rubric::with_bands)
};

/// Where an entry's CO2 figure (`ClaimedFigure::co2_avoided_t`) comes from, declared
/// by the rubric so the same emissions are never counted twice (A12: results are
/// computed one way for every entry). The explanation of an entry says which was used.
///
///   kexie::Rubric r = kexie::Rubric::build("节能 rubric", specs).value()
///                         .with_co2_basis(kexie::Co2Basis::claimed);
enum class Co2Basis : std::uint8_t {
  /// The CO2 computed from the entry's energy savings (electricity by the grid factor,
  /// fuels by `CampaignSpec::fuel_carbon`); the claimed figure is used only when no
  /// saving yields computed CO2. The default.
  computed,
  /// The claimed figure only (`Claims::co2_avoided_t`); computed CO2 is shown, not used.
  claimed,
};

/// The names of `Co2Basis`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<Co2Basis> {
  static constexpr std::array<std::string_view, 2> names{"computed", "claimed"};
  static constexpr bool listed(Co2Basis v) noexcept {
    switch (v) {
      case Co2Basis::computed:
      case Co2Basis::claimed:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<Co2Basis>());

/// "computed" or "claimed".
/// \param basis the value to name
/// \return its stable English name, as `EnumNames<Co2Basis>` spells it
[[nodiscard]] KEXIE_API std::string_view to_string(Co2Basis basis) noexcept;

/// A validated rubric: weights sum exactly to 1 at every node, every leaf is judged
/// or objective, scales are sane. Immutable once built; cheap to copy (shared).
///
///   std::vector<kexie::IndicatorSpec> specs = {
///       {"A", "技术水平 technical level", "", IndicatorKind::group,
///       Decimal::parse("0.6").value()},
///       {"A.1", "创新性 creativity", "A", IndicatorKind::judged, Decimal::parse("0.5").value(),
///        {Decimal(0), Decimal(100), Decimal(1)}},
///       …};
///   kexie::Rubric r = kexie::Rubric::build("合理化建议 rubric", specs).value();
///   for (std::uint32_t i : r.judged()) std::cout << r.indicators()[i].code << '\n';
class KEXIE_API Rubric {
 public:
  /// The largest number of places a global weight may have (products of local weights):
  /// two levels of 4-place weights, or one of 8.
  static constexpr int kMaxWeightScale = 8;
  /// The scale of aggregated marks and objective values: 6 places, half-even.
  static constexpr int kValueScale = 6;
  /// The scale of exact totals: value scale + weight scale. With values within ±1000
  /// (and bonuses capped at 1000) every total fits a Decimal exactly, so entries are
  /// ranked on exact totals and rounded only for display.
  static constexpr int kTotalScale = kValueScale + kMaxWeightScale;

  /// Validates and builds. Refusals (all `rule_violation` unless noted) name the
  /// indicator: duplicate or empty code (`invalid_argument`), unknown parent, a parent
  /// that is not a group, a group without children, weights of one parent that do not
  /// sum to exactly 1 (rule `rubric.weights_sum`), a negative weight, a global weight
  /// with more than 8 places, a scale with min ≥ max, a non-positive step, more than
  /// 4 places, values beyond ±1000 or a max not reachable by whole steps, a bonus or
  /// veto item with a parent.
  /// \param name the rubric's name, shown in results; moved in.
  /// \param specs the indicators, parents before or after their children; copied.
  /// \return the rubric, or the first refusal above.
  [[nodiscard]] static Result<Rubric> build(std::string name, std::span<const IndicatorSpec> specs);

  /// Validates and builds a points sheet (百分制评分表): the `weight` of every tree
  /// node is read as its maximum points (Indicator::points; its Indicator::weight and
  /// global_weight are then 1), the points of the children of every group sum exactly
  /// to the group's, and the first level sums exactly to `full_score`
  /// (`rubric.points_sum`). Leaf values are points: a judged leaf is marked on
  /// [min, points] (a scale left unset becomes [0, points] in steps of 1; a scale whose
  /// max is not the points, or whose min is negative, is refused: `rubric.points`), an
  /// objective leaf's values lie within [0, points]. The total is the exact sum of the
  /// leaves' values plus capped bonuses. A sheet is the weighted rubric with weight =
  /// points ÷ full score marked on [0, full score]: a mark m on a leaf of p points is
  /// the mark m × full ÷ p there, and the totals are equal. Refuses non-positive points,
  /// points beyond 1000 or finer than 4 places, a full score outside (0, 1000]
  /// (`rubric.points`), and everything build() refuses.
  /// \param name the sheet's name, shown in results; moved in.
  /// \param full_score the most points an entry can get before bonuses (e.g. 100).
  /// \param specs the indicators, with `weight` as maximum points; copied.
  /// \return the rubric, or the first refusal above.
  ///
  ///   std::vector<kexie::IndicatorSpec> sheet = {
  ///       {.code = "创新", .name = "创新性", .kind = IndicatorKind::judged, .weight =
  ///       Decimal(30)}, …};   // 30/30/20/20
  ///   kexie::Rubric r = kexie::Rubric::build_points("百分制", Decimal(100), sheet).value();
  [[nodiscard]] static Result<Rubric> build_points(std::string name, Decimal full_score,
                                                   std::span<const IndicatorSpec> specs);

  /// The full score of a points sheet; empty for a weighted rubric.
  /// \return the `full_score` given to `build_points`, or nothing.
  ///
  ///   if (auto full = rubric.full_score()) std::cout << "满分 " << *full;
  [[nodiscard]] std::optional<Decimal> full_score() const;

  /// This rubric with the judged indicator `code` confined to `bands` (see MarkBands):
  /// `not_found` for an unknown code; `rule_violation` `rubric.band` for an indicator
  /// that is not judged, no bands, more than 32, a negative threshold or one given
  /// twice, a band [min, max] not within the indicator's scale or off its step.
  /// \param code the judged indicator's code.
  /// \param bands the figure that selects the band and the bands; moved in.
  /// \return a new rubric (this one is unchanged), or a refusal above.
  ///
  ///   auto r = sheet.with_bands("效益", {kexie::ClaimedFigure::annual_benefit_yuan,
  ///                                      {{Decimal(1000000), Decimal(16), Decimal(20)},
  ///                                       {Decimal(0), Decimal(8), Decimal(17)}}}).value();
  [[nodiscard]] Result<Rubric> with_bands(std::string_view code, MarkBands bands) const;

  /// The band the figure `value` selects on the banded judged indicator `code`:
  /// `not_found` for an unknown code, `invalid_argument` for an indicator that is not
  /// banded, `rule_violation` `rubric.band` when `value` is below every threshold.
  /// \param code the banded judged indicator's code.
  /// \param value the entry's figure.
  /// \return the selected band (threshold, lowest and highest mark), or a refusal above.
  ///
  ///   kexie::MarkBand b = rubric.band_for("A.1", "650000"_dec).value();   // [60, 85]
  [[nodiscard]] Result<MarkBand> band_for(std::string_view code, Decimal value) const;

  /// check_mark, and for a banded indicator also the band `figure` selects:
  /// `rule_violation` `rubric.band` when the mark lies outside it or no band is selected.
  /// \param code the judged or bonus indicator's code.
  /// \param mark the judge's mark.
  /// \param figure the entry's figure that selects the band (ignored for an indicator that is not
  /// banded).
  /// \return success, or a refusal of the two-argument `check_mark` or `rubric.band`.
  ///
  ///   assert(!rubric.check_mark("A.1", "90"_dec, "650000"_dec));   // band [60, 85]
  [[nodiscard]] Status check_mark(std::string_view code, Decimal mark, Decimal figure) const;

  /// This rubric with a prize rule (see PrizeRule); `rule_violation` `rubric.prize` for a
  /// negative threshold, a share outside (0, 1], a negative cap or more than 8 places.
  /// \param prize the figure, threshold, share, cap and whether only awarded entries earn it.
  /// \return a new rubric (this one is unchanged), or `rubric.prize`.
  ///
  ///   auto r = rubric.with_prize({.threshold = Decimal(500000), .share = "0.02"_dec}).value();
  [[nodiscard]] Result<Rubric> with_prize(PrizeRule prize) const;
  /// The prize rule, when the rubric has one.
  /// \return the rule given to `with_prize`, or nothing; valid as long as the rubric.
  ///
  ///   if (const auto& p = rubric.prize()) …
  [[nodiscard]] const std::optional<PrizeRule>& prize() const noexcept;
  /// The prize a claimed figure earns under the prize rule, in yuan at 2 places:
  /// `not_found` when the rubric has no prize rule, `invalid_argument` for a negative
  /// figure.
  /// \param figure the entry's claimed figure (of the rule's `figure`), ≥ 0.
  /// \return the prize in yuan (0.00 up to the threshold), or a refusal above.
  ///
  ///   assert(rubric.prize_for(Decimal(1200000)).value() == "14000.00"_dec);
  [[nodiscard]] Result<Decimal> prize_for(Decimal figure) const;

  /// The rubric's name.
  /// \return the name given to `build`, valid as long as the rubric.
  [[nodiscard]] const std::string& name() const noexcept;
  /// Every indicator in the order given to build().
  /// \return the validated indicators, indexed by `Indicator::index`; valid as long as the rubric.
  [[nodiscard]] std::span<const Indicator> indicators() const noexcept;
  /// Indices of the judged leaves, in order: the columns of a marks matrix.
  /// \return indices into `indicators()`; valid as long as the rubric.
  [[nodiscard]] std::span<const std::uint32_t> judged() const noexcept;
  /// Indices of the objective leaves, in order.
  /// \return indices into `indicators()`; valid as long as the rubric.
  [[nodiscard]] std::span<const std::uint32_t> objective() const noexcept;
  /// Indices of the bonus items, in order.
  /// \return indices into `indicators()`; valid as long as the rubric.
  [[nodiscard]] std::span<const std::uint32_t> bonuses() const noexcept;
  /// Indices of the veto items, in order.
  /// \return indices into `indicators()`; valid as long as the rubric.
  [[nodiscard]] std::span<const std::uint32_t> vetoes() const noexcept;
  /// The indicator with this code; `not_found` otherwise.
  /// \param code the indicator's code, compared exactly.
  /// \return its index into `indicators()`, or `not_found`.
  [[nodiscard]] Result<std::uint32_t> find(std::string_view code) const;

  /// Checks one mark against the scale of the judged or bonus indicator with
  /// `code`: `not_found` for an unknown code, `invalid_argument` naming the
  /// indicator when it is not marked by judges, outside [min, max] or off the step.
  /// \param code the judged or bonus indicator's code.
  /// \param mark the judge's mark.
  /// \return success, or a refusal above.
  ///
  ///   assert(rubric.check_mark("A.1", "87.5"_dec).ok());
  [[nodiscard]] Status check_mark(std::string_view code, Decimal mark) const;

  /// The value of the objective indicator with `code` for a claimed figure (rounded
  /// half-even to kValueScale places); `not_found` for an unknown code,
  /// `invalid_argument` for an indicator that is not objective or a negative figure.
  /// \param code the objective indicator's code.
  /// \param figure the entry's claimed figure the indicator maps, ≥ 0.
  /// \return the indicator's value (6 places), or a refusal above.
  ///
  ///   kexie::Decimal v = rubric.objective_value("B", "650000"_dec).value();
  [[nodiscard]] Result<Decimal> objective_value(std::string_view code, Decimal figure) const;

  /// This rubric with the AHP provenance of its weights (see AhpDerivation): for each
  /// derivation, the group it names ("" for the first level) and the children whose
  /// weights it produced. Kept with the rubric (and by a campaign that holds it) so
  /// the campaign document gives the judgements back; not kept by snapshots, and
  /// never part of scoring. `invalid_argument` naming the group when it is not a
  /// group of the rubric (or the first level), is given twice, or its `weights` are
  /// not the weights of that group's children, in order.
  ///
  /// \param derivations the derivations, one per group whose weights came from AHP
  /// \return the rubric with them, or the refusal
  ///
  ///   kexie::Rubric r = rubric.with_ahp_provenance(rules.categories[0].derivations).value();
  [[nodiscard]] Result<Rubric> with_ahp_provenance(std::vector<AhpDerivation> derivations) const;
  /// The AHP provenance of the weights: empty when they were given directly.
  ///
  /// \return one derivation per group whose weights came from AHP
  ///
  ///   for (const kexie::AhpDerivation& d : rubric.ahp_provenance()) std::cout << d.cr;
  [[nodiscard]] std::span<const AhpDerivation> ahp_provenance() const noexcept;

  /// Where the CO2 figure comes from (`Co2Basis::computed` unless declared otherwise).
  /// \return `computed` or `claimed`.
  ///
  ///   if (rubric.co2_basis() == kexie::Co2Basis::claimed) …
  [[nodiscard]] Co2Basis co2_basis() const noexcept;
  /// This rubric with the CO2 figure taken from `basis`.
  /// \param basis where campaigns scoring with the rubric take an entry's CO2 figure from.
  /// \return a new rubric (this one is unchanged).
  ///
  ///   auto r = kexie::Rubric::build("r", specs).value().with_co2_basis(kexie::Co2Basis::claimed);
  [[nodiscard]] Rubric with_co2_basis(Co2Basis basis) const;

 private:
  explicit Rubric(std::shared_ptr<const detail::RubricImpl> impl) noexcept;
  static Result<Rubric> build_impl(std::string name, std::span<const IndicatorSpec> specs,
                                   std::optional<Decimal> full_score);
  std::shared_ptr<const detail::RubricImpl> impl_;
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_RUBRIC_HPP
