// The yearly evaluation (考核评价, A14) of the enterprise associations a local
// guides: a `Rubric` (rubric.hpp) whose judged leaves are marked by a panel and
// combined by the panel's `aggregate` rule (panel.hpp), and whose objective leaves
// read figures computed from the registry and the activity book for the year —
// activities by type and by stage reached, members trained and their hours, 讲比
// entries and awards, the secretary-general's training, the young members' share,
// cooperation links, the enterprise's support — each figure explained by the facts
// it came from. The top associations receive the 先进企业科协 honour through
// `Registry::award_exemplary` (the commendation path). Nothing here is copied from
// the campaign: the rubric, its objective maps, the aggregation and the
// conflict-of-interest rule are the campaign's own.
#ifndef KEXIE_EVALUATION_HPP
#define KEXIE_EVALUATION_HPP

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kexie/activity.hpp"
#include "kexie/campaign.hpp"
#include "kexie/decimal.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"
#include "kexie/ids.hpp"
#include "kexie/panel.hpp"
#include "kexie/registry.hpp"
#include "kexie/result.hpp"
#include "kexie/rubric.hpp"

namespace kexie {
inline namespace v1 {

/// A figure computed for one association and year, read by an objective indicator.
///
///   kexie::FigureBinding b{"B.1", kexie::EvaluationFigure::activities_completed};
enum class EvaluationFigure : std::uint8_t {
  activities_held,  ///< activities (of the type, if bound) planned in the year and 立项 by its end
  activities_completed,  ///< of them, those whose 实施 was completed by the year's end
  activities_evaluated,  ///< of them, those evaluated (评估) by the year's end
  members_trained,       ///< members on the year's last day with continuing education in the year
  training_hours,        ///< those members' continuing-education hours in the year
  jiangbi_entries,  ///< entries of the given 讲比 campaigns submitted by the association or below
                    ///< it
  jiangbi_awards,  ///< honours dated in the year, to it or its people, resting on a 讲比 activity
  secretary_general_trained,  ///< 1 when its secretary-general is current on the year's last day
                              ///< (A15), else 0
  young_share_percent,        ///< young members ÷ members × 100 on the year's last day, 2 places
  links_active,   ///< cooperation links (产学研, 厂会协作) in effect on some day of the year
  support_staff,  ///< full- and part-time staff the enterprise provides that year (A14)
  support_budget_yuan,    ///< funds the enterprise provides that year, yuan
  support_facilities_m2,  ///< working space the enterprise provides that year, m²
};

/// The names of `EvaluationFigure`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<EvaluationFigure> {
  static constexpr std::array<std::string_view, 13> names{
      "activities_held",      "activities_completed",
      "activities_evaluated", "members_trained",
      "training_hours",       "jiangbi_entries",
      "jiangbi_awards",       "secretary_general_trained",
      "young_share_percent",  "links_active",
      "support_staff",        "support_budget_yuan",
      "support_facilities_m2"};
  static constexpr bool listed(EvaluationFigure v) noexcept {
    switch (v) {
      case EvaluationFigure::activities_held:
      case EvaluationFigure::activities_completed:
      case EvaluationFigure::activities_evaluated:
      case EvaluationFigure::members_trained:
      case EvaluationFigure::training_hours:
      case EvaluationFigure::jiangbi_entries:
      case EvaluationFigure::jiangbi_awards:
      case EvaluationFigure::secretary_general_trained:
      case EvaluationFigure::young_share_percent:
      case EvaluationFigure::links_active:
      case EvaluationFigure::support_staff:
      case EvaluationFigure::support_budget_yuan:
      case EvaluationFigure::support_facilities_m2:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<EvaluationFigure>());

/// "activities_held", …, "support_facilities_m2".
/// \param figure the enumerator to name
/// \return its name as `EnumNames<EvaluationFigure>` spells it, a static string;
/// "unknown" outside the enumeration
[[nodiscard]] KEXIE_API std::string_view to_string(EvaluationFigure figure) noexcept;

/// Which figure an objective indicator of the rubric reads (the rubric's objective
/// map turns it into the indicator's value). `type` narrows the activity figures to
/// one activity type (activities by type); it is refused on any other figure.
///
///   kexie::FigureBinding{"B.2", kexie::EvaluationFigure::activities_held,
///                        kexie::ActivityType::science_popularization};
struct FigureBinding {
  /// The code of an objective indicator of the rubric.
  std::string indicator;
  /// The figure it reads.
  EvaluationFigure figure = EvaluationFigure::activities_held;
  /// For the activity figures: only activities of this type.
  std::optional<ActivityType> type;
};

/// What `Evaluation::create` needs.
///
///   kexie::EvaluationSpec spec{.guide = hangzhou, .year = 2025, .rubric = rubric,
///       .figures = {{"B.1", kexie::EvaluationFigure::activities_completed}}};
struct EvaluationSpec {
  /// The local association that guides (指导) the associations evaluated (A14).
  OrgId guide;
  /// The calendar year evaluated.
  int year = 0;
  /// The indicator tree: judged leaves for the panel, objective leaves bound below.
  Rubric rubric;
  /// One binding for every objective leaf of the rubric.
  std::vector<FigureBinding> figures;
  /// How the panel's marks on a judged indicator are combined (**default**: the
  /// trimmed mean of DOMAIN.md §4).
  Aggregation aggregation = Aggregation::standard();
};

/// One objective figure of one association, with the facts it was computed from.
///
///   for (const std::string& f : v.facts) std::cout << "  " << f << '\n';
struct FigureValue {
  /// The indicator that reads it.
  std::string indicator;
  /// The figure.
  EvaluationFigure figure = EvaluationFigure::activities_held;
  /// The figure's value.
  Decimal value;
  /// The indicator's value (the rubric's objective map applied to `value`).
  Decimal indicator_value;
  /// One line per fact counted ("activity:3 science_popularization: completed 2025-10-01").
  std::vector<std::string> facts;
  /// Field-wise equality.
  friend bool operator==(const FigureValue&, const FigureValue&) = default;
};

/// One judged indicator of one association: the panel's marks and their combination.
struct JudgedValue {
  /// The indicator.
  std::string indicator;
  /// The marks in the order given, with their judges.
  std::vector<std::pair<PersonId, Decimal>> marks;
  /// The combination (`Aggregate::dropped` says which marks were dropped).
  Aggregate combined;
};

/// The result of one association.
///
///   for (const kexie::EvaluationResult& r : results) std::cout << r.association << ' ' << r.total;
struct EvaluationResult {
  /// The association evaluated.
  OrgId association;
  /// Σ global weight × indicator value, exact.
  Decimal total;
  /// 1 for the best; equal totals are ordered by the lower association id.
  std::size_t rank = 0;
  /// The objective figures, in the rubric's order.
  std::vector<FigureValue> figures;
  /// The judged indicators, in the rubric's order.
  std::vector<JudgedValue> judged;
};

namespace detail {
struct EvaluationImpl;
}  // namespace detail

/// A yearly evaluation: the associations a local guides, a rubric, a panel.
///
///   auto ev = kexie::Evaluation::create(reg, spec).value();
///   ev.add_judge(reg, expert).value();
///   ev.mark(reg, expert, kx, "A", "88"_dec).value();
///   auto results = ev.score(reg, book).value();
///   ev.name_exemplary(reg, results, 1, "80"_dec, chair, "2025 年度考核评价").value();
class KEXIE_API Evaluation {
 public:
  /// An evaluation of the enterprise associations under `spec.guide` in effect on the
  /// year's last day (its entries, in depth-first order). Refusals: `invalid_argument`
  /// `evaluation.spec` (a year outside 1900–9999, an aggregation that is not ok(), a
  /// binding of a code that is not an objective leaf, an objective leaf without a
  /// binding, a type on a figure that is not an activity figure); `not_found`;
  /// `rule_violation` `evaluation.guide` (A14: the guide is not a local or the national
  /// association in effect on the year's last day).
  /// \param reg the registry the associations, people and activities are read from;
  /// borrowed for this call (pass the same one to the later calls)
  /// \param spec the guide, the year, the rubric and the bindings of its objective
  /// indicators to figures
  /// \return the evaluation with its entries; or the refusal named above
  ///
  ///   auto ev = kexie::Evaluation::create(reg, {.guide = city, .year = 2025, .rubric = r,
  ///                                             .figures = bindings}).value();
  [[nodiscard]] static Result<Evaluation> create(const Registry& reg, EvaluationSpec spec);
  ~Evaluation();
  /// Takes over another evaluation; the moved-from one may only be destroyed or
  /// assigned to.
  Evaluation(Evaluation&&) noexcept;
  /// Takes over another evaluation, dropping this one's panel and marks; the
  /// moved-from one may only be destroyed or assigned to.
  /// \return this evaluation
  Evaluation& operator=(Evaluation&&) noexcept;
  Evaluation(const Evaluation&) = delete;
  Evaluation& operator=(const Evaluation&) = delete;

  /// The spec.
  /// \return the spec given to `create`
  ///
  ///   int year = ev.spec().year;
  [[nodiscard]] const EvaluationSpec& spec() const noexcept;
  /// The associations evaluated.
  /// \return the enterprise associations under the guide, in depth-first order;
  /// borrowed from the evaluation
  ///
  ///   for (kexie::OrgId kx : ev.entries()) …
  [[nodiscard]] std::span<const OrgId> entries() const noexcept;

  /// Adds a judge to the panel. `not_found` for an unknown person; `already_exists`
  /// `evaluation.judge` when on the panel already.
  /// \param reg the registry the evaluation was created over (people, memberships,
  /// organizations on the year's last day)
  /// \param judge the person to seat on the panel
  /// \return ok; `not_found` or `already_exists` as above
  ///
  ///   ev.add_judge(reg, expert).value();
  [[nodiscard]] Status add_judge(const Registry& reg, PersonId judge);
  /// Records `judge`'s mark on a judged indicator of `association`. Refusals:
  /// `not_found` (not a judge, not an entry, unknown indicator); `invalid_argument`
  /// (off the indicator's scale, as `Rubric::check_mark`); `rule_violation`
  /// `evaluation.conflict` (A12: the judge is employed by, or a member of, the
  /// association or an organization under it on the year's last day);
  /// `already_exists` `evaluation.mark` (the judge marked it already).
  /// \param reg the registry the evaluation was created over (people, memberships,
  /// organizations on the year's last day)
  /// \param judge a person on the panel
  /// \param association the association marked, one of `entries()`
  /// \param indicator the code of a judged indicator of the rubric, e.g. "A"
  /// \param value the mark, on the indicator's scale and step
  /// \return ok when recorded; or the refusal named above (nothing recorded)
  ///
  ///   ev.mark(reg, expert, kx, "A", "88"_dec).value();
  [[nodiscard]] Status mark(const Registry& reg, PersonId judge, OrgId association,
                            std::string_view indicator, Decimal value);

  /// The objective figures of `association` for the year, each explained. `not_found`
  /// for an association that is not an entry. `campaigns` are the 讲比 campaigns whose
  /// entries count.
  /// \param reg the registry the evaluation was created over (people, memberships,
  /// organizations on the year's last day)
  /// \param book the activity book whose activities the activity figures count
  /// \param association the association, one of `entries()`
  /// \param campaigns the campaigns whose entries count (none by default); borrowed
  /// \return one figure per objective indicator, in the rubric's order, with its facts;
  /// `not_found` for an association that is not an entry
  ///
  ///   for (const kexie::FigureValue& f : ev.figures(reg, book, kx).value()) …
  [[nodiscard]] Result<std::vector<FigureValue>> figures(
      const Registry& reg, const ActivityBook& book, OrgId association,
      std::span<const Campaign* const> campaigns = {}) const;

  /// Every entry's total, best first (ties broken by the lower association id).
  /// `rule_violation` `evaluation.incomplete` (A14) when a judged indicator of an entry
  /// has no mark.
  /// \param reg the registry the evaluation was created over (people, memberships,
  /// organizations on the year's last day)
  /// \param book the activity book whose activities the activity figures count
  /// \param campaigns the campaigns whose entries count (none by default); borrowed
  /// \return every entry's result, best first; or `evaluation.incomplete`
  ///
  ///   auto results = ev.score(reg, book).value();
  [[nodiscard]] Result<std::vector<EvaluationResult>> score(
      const Registry& reg, const ActivityBook& book,
      std::span<const Campaign* const> campaigns = {}) const;

  /// Names the best `count` associations of `results` whose total is at least
  /// `min_total` exemplary (先进企业科协, A14) for the following year, through
  /// `Registry::award_exemplary` with the guide as grantor and `basis`; either all
  /// are recorded or none. Refusals: `rule_violation` `evaluation.permission` (A14:
  /// `actor` holds no deciding office — chair, vice-chair, secretary-general,
  /// department head — at the guide on the first day of the following year), and every
  /// refusal of `award_exemplary`. Returns the associations named.
  /// \param reg the registry to record the honours in
  /// \param results the results of `score`, best first
  /// \param count how many associations to name at most
  /// \param min_total the lowest total that may be named
  /// \param actor the person deciding, holding a deciding office at the guide
  /// \param basis the decision the honours cite, e.g. "2025 年度考核评价"; well-formed text
  /// \return the associations named, best first (possibly fewer than `count`); or the
  /// refusal, with nothing recorded
  ///
  ///   auto named = ev.name_exemplary(reg, results, 1, "80"_dec, chair, "2025 年度考核评价");
  [[nodiscard]] Result<std::vector<OrgId>> name_exemplary(Registry& reg,
                                                          std::span<const EvaluationResult> results,
                                                          std::size_t count, Decimal min_total,
                                                          PersonId actor,
                                                          std::string_view basis) const;

 private:
  explicit Evaluation(std::unique_ptr<detail::EvaluationImpl> impl) noexcept;
  std::unique_ptr<detail::EvaluationImpl> impl_;
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_EVALUATION_HPP
