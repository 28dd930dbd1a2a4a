// A "讲理想、比贡献" campaign (讲比活动, A10–A12): entries submitted by units
// of the registry, a judging panel with conflicts of interest derived from the
// registry, marks checked against per-category rubrics, and exact scoring —
// aggregation, weighted totals, objective indicators from claimed results,
// bonuses and vetoes, rankings with a declared tie-break chain, awards,
// advanced units and individuals, and a cusp report. No floating point is on
// the path from marks to awards (z-score parameters are quantized first), and
// results never depend on the order anything was added.
#ifndef KEXIE_CAMPAIGN_HPP
#define KEXIE_CAMPAIGN_HPP

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kexie/agreement.hpp"
#include "kexie/awards.hpp"
#include "kexie/date.hpp"
#include "kexie/decimal.hpp"
#include "kexie/energy.hpp"
#include "kexie/entry.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"
#include "kexie/ids.hpp"
#include "kexie/panel.hpp"
#include "kexie/ranking.hpp"
#include "kexie/result.hpp"
#include "kexie/rubric.hpp"

namespace kexie {
inline namespace v1 {

class Registry;
namespace detail {
struct CampaignImpl;  // src/campaign_state.hpp
}  // namespace detail

/// Everything that configures a campaign, apart from rubrics, entries and judges.
///
///   using namespace kexie::literals;
///   kexie::CampaignSpec spec{.name = "2025 浙江省讲比活动", .organizer = zhejiang,
///                            .as_of = "2025-11-30"_date, .year = 2025,
///                            .awards = kexie::AwardScheme::standard()};
///   spec.tie_breaks = {kexie::TieBreak::objective_total(), kexie::TieBreak::top_marks()};
struct CampaignSpec {
  std::string name;  ///< e.g. "2025 浙江省讲比活动"
  OrgId organizer;   ///< the association that runs it
  Date as_of;        ///< the day registry facts are read on (memberships, ages)
  int year = 0;      ///< the year of the claimed savings (grid emission factors)
  PanelRules panel;  ///< aggregation, normalization, minimum judges, vetoes
  std::vector<EligibilityRule> eligibility;  ///< every entry must pass all of them
  std::vector<TieBreak> tie_breaks;          ///< after the total; the code ends the chain
  bool rank_per_category = true;             ///< rank and award each category separately
  AwardScheme awards;                        ///< tiers, boundary ties, advanced units and people
  CoefficientTable energy_table = CoefficientTable::gb_t_2589();      ///< to tce
  GridFactorTable grid_table = GridFactorTable::china_national();     ///< electricity to t CO2
  GridFactorMethod grid_method = GridFactorMethod::location_average;  ///< which factor
};

/// One mark, for `Campaign::mark_all`. The indicator is named by its code, as
/// everywhere in the API (`Campaign::mark`, `TieBreak::indicator`, `panel_marks`).
///
///   std::vector<kexie::MarkInput> batch = {{.judge = j, .entry = e, .indicator = "A.1",
///                                          .mark = "88.5"_dec}};
///   campaign.mark_all(batch).value();
struct MarkInput {
  JudgeId judge;          ///< who marks
  EntryId entry;          ///< which entry
  std::string indicator;  ///< the code of a judged or bonus indicator in the entry's rubric
  Decimal mark;           ///< the mark, on the indicator's scale and step
};

namespace detail {
/// Not part of the API: a mark with its indicator as a position in the entry's
/// rubric (`Rubric::indicators()`), for the bulk paths that already hold positions
/// (the C API's columnar marks, snapshot restore). Use `MarkInput`.
struct IndexedMark {
  JudgeId judge;                ///< who marks
  EntryId entry;                ///< which entry
  std::uint32_t indicator = 0;  ///< position of a judged or bonus indicator in the rubric
  Decimal mark;                 ///< the mark
};
}  // namespace detail

/// Why an entry has no rank.
enum class EntryStatus : std::uint8_t {
  ranked,      ///< scored and ranked
  incomplete,  ///< a judged indicator has fewer marks than PanelRules::min_judges
  vetoed,      ///< scored, but excluded from awards by vetoes (一票否决)
};

/// The names of `EntryStatus`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<EntryStatus> {
  static constexpr std::array<std::string_view, 3> names{"ranked", "incomplete", "vetoed"};
  static constexpr bool listed(EntryStatus v) noexcept {
    switch (v) {
      case EntryStatus::ranked:
      case EntryStatus::incomplete:
      case EntryStatus::vetoed:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<EntryStatus>());

/// "ranked", "incomplete", "vetoed".
[[nodiscard]] KEXIE_API std::string_view to_string(EntryStatus status) noexcept;

/// The outcome for one entry.
struct EntryResult {
  EntryId entry;     ///< which entry
  std::string code;  ///< its application number
  OrgId unit;        ///< its submitting unit
  OrgId enterprise;  ///< the enterprise association the unit belongs to
  Category category = Category::rationalization_proposals;  ///< its category
  EntryStatus status = EntryStatus::ranked;                 ///< ranked, incomplete or vetoed
  Decimal total;                      ///< exact total, Rubric::kTotalScale places
  Decimal judged_part;                ///< the judged indicators' share of the total
  Decimal objective_part;             ///< the objective indicators' share of the total
  Decimal bonus;                      ///< bonus points added (capped)
  std::uint32_t rank = 0;             ///< competition rank in its group (0 when not ranked)
  std::uint32_t position = 0;         ///< place after tie-breaks in its group, from 1
  std::optional<std::uint32_t> tier;  ///< index into AwardScheme::tiers, when awarded
  std::string award;                  ///< the tier's name, or empty
};

/// An entry's standing: its exact total and its place, without awards or explanations.
struct Standing {
  EntryId entry;                             ///< which entry
  EntryStatus status = EntryStatus::ranked;  ///< ranked, incomplete or vetoed
  Decimal total;                             ///< exact total, Rubric::kTotalScale places
  std::uint32_t rank = 0;                    ///< competition rank in its group (0: not ranked)
  std::uint32_t position = 0;                ///< place after tie-breaks in its group
};

/// An advanced unit (先进单位) and why.
struct AdvancedUnit {
  OrgId unit;                  ///< the enterprise association
  std::uint32_t entries = 0;   ///< entries it submitted
  std::uint32_t awarded = 0;   ///< of which awarded
  Decimal awarded_total;       ///< sum of its awarded entries' totals
  Decimal participation_rate;  ///< distinct people on entries ÷ members, 4 places
  Decimal tce_saved;           ///< energy saved by its entries, tce
};

/// An advanced individual (先进个人) and why.
struct AdvancedIndividual {
  PersonId person;               ///< who
  std::uint32_t best_tier = 0;   ///< their best tier (index)
  Decimal credit;                ///< Σ share × total over their awarded entries
  std::vector<EntryId> entries;  ///< the awarded entries that count
};

/// An entry close to a tier boundary, worth re-judging.
struct Cusp {
  EntryId entry;           ///< which entry
  std::uint32_t tier = 0;  ///< the boundary of this tier (index)
  Decimal boundary;        ///< the lowest total that got the tier (or its minimum score)
  Decimal distance;        ///< total − boundary (negative: just missed it)
};

/// The full result table of a campaign: every entry in a stable order (by ranking
/// group, then position, then unranked entries by code), the advanced units and
/// individuals, the cusp report, and a SHA-256 over all of it for reproducibility
/// checks.
///
///   kexie::Scoreboard board = campaign.score().value();
///   assert(campaign.score().value().digest() == board.digest());
struct Scoreboard {
  std::vector<EntryResult> entries;        ///< every entry
  std::vector<AdvancedUnit> units;         ///< 先进单位, best first
  std::vector<AdvancedIndividual> people;  ///< 先进个人, best first
  std::vector<Cusp> cusps;                 ///< entries within the cusp margin of a boundary

  /// The result of `entry`; nullptr when it is not in the table.
  [[nodiscard]] KEXIE_API const EntryResult* find(EntryId entry) const noexcept;
  /// Hex SHA-256 of the canonical result table as `Campaign::score` produced it:
  /// equal digests mean equal results, whatever order entries were added in.
  ///
  ///   std::cout << board.digest();  // 64 hex digits
  [[nodiscard]] const std::string& digest() const noexcept { return digest_; }

 private:
  friend class Campaign;  // score() sets the digest
  std::string digest_;
};

/// A campaign. It reads the registry it was created with (which must outlive it)
/// on `CampaignSpec::as_of`; it owns its rubrics, entries, judges and marks.
/// Every mutation is all-or-nothing: a refused call leaves the campaign as it was,
/// and so does one that runs out of memory (std::bad_alloc, the strong guarantee).
/// Not thread-safe for writes; concurrent const calls are safe.
///
///   kexie::Campaign c(registry, spec);
///   c.set_rubric(kexie::Category::rationalization_proposals, rubric).value();
///   kexie::EntryId e = c.add_entry(entry_spec).value();
///   kexie::JudgeId j = c.add_judge(expert_person).value();
///   c.assign(j, e).value();
///   c.mark(j, e, "A.1", "88.5"_dec).value();
///   kexie::Scoreboard board = c.score().value();
class KEXIE_API Campaign {
 public:
  /// A campaign over `registry`. Throws std::invalid_argument when the spec's awards
  /// or panel rules are malformed (a programmer error): a tier that is not
  /// `AwardTier::ok()` (a share outside [0, 1], or both a share and a count), an
  /// aggregation that is not ok(), min_judges or veto_threshold of 0.
  Campaign(const Registry& registry, CampaignSpec spec);
  /// The same campaign, with a malformed spec refused as a value instead:
  /// `invalid_argument` with the message the constructor would throw. For specs
  /// that come from outside the program (the C API, a file).
  ///
  ///   kexie::Result<kexie::Campaign> c = kexie::Campaign::create(registry, spec);
  ///   if (!c) std::cerr << c.error() << '\n';
  [[nodiscard]] static Result<Campaign> create(const Registry& registry, CampaignSpec spec);
  ~Campaign();
  Campaign(Campaign&&) noexcept;
  Campaign& operator=(Campaign&&) noexcept;
  Campaign(const Campaign&) = delete;
  Campaign& operator=(const Campaign&) = delete;

  /// The spec it was created with.
  [[nodiscard]] const CampaignSpec& spec() const noexcept;

  /// Sets the rubric for a category. `rule_violation` `campaign.rubric_locked` once
  /// an entry of that category exists.
  [[nodiscard]] Status set_rubric(Category category, Rubric rubric);
  /// The rubric of a category; `not_found` when none is set.
  [[nodiscard]] Result<Rubric> rubric(Category category) const;

  /// Adds an entry. Refusals, each naming the item: `invalid_argument` (empty code,
  /// empty team, a share outside (0, 1] or shares not summing to exactly 1, a person
  /// twice, a negative claimed quantity, a unit that does not measure its carrier);
  /// `already_exists` `entry.code`; `not_found` (unknown unit or person, or no rubric
  /// for the category); `rule_violation` `entry.unit` (A10: the unit is not an
  /// enterprise association or below one on `as_of`); `not_found` from the energy
  /// table for a carrier without a coefficient (steam, electricity's equal value);
  /// `rule_violation` `entry.eligibility` listing every eligibility rule it fails.
  [[nodiscard]] Result<EntryId> add_entry(EntrySpec spec);
  /// The entry; `not_found` for an unknown id.
  [[nodiscard]] Result<Entry> entry(EntryId id) const;
  /// The entry with application number `code`; `not_found` when none.
  [[nodiscard]] Result<EntryId> find_entry(std::string_view code) const;
  /// Number of entries.
  [[nodiscard]] std::size_t entry_count() const noexcept;

  /// Seats `person` on the panel. `not_found` for an unknown person; `already_exists`
  /// `panel.judge` when they are already a judge.
  [[nodiscard]] Result<JudgeId> add_judge(PersonId person);
  /// The person behind a judge; `not_found` for an unknown judge.
  [[nodiscard]] Result<PersonId> judge_person(JudgeId judge) const;
  /// Number of judges.
  [[nodiscard]] std::size_t judge_count() const noexcept;

  /// Assigns a judge to an entry. `not_found` for unknown ids; `already_exists`
  /// `panel.assignment`; `conflict_of_interest` `panel.conflict` (A12) when the judge
  /// is on the entry's team, or is employed by or a member of the entry's enterprise
  /// association or any organization under it on `as_of`.
  [[nodiscard]] Status assign(JudgeId judge, EntryId entry);
  /// Judges assigned to `entry`, by id.
  [[nodiscard]] std::vector<JudgeId> judges_of(EntryId entry) const;

  /// Records one mark on the indicator with `code` in the entry's rubric. Refusals:
  /// `not_found` (unknown judge, entry or indicator); `rule_violation`
  /// `panel.not_assigned`; `conflict_of_interest` `panel.conflict` (re-checked against
  /// the registry now); `invalid_argument` `panel.mark_scale` / `panel.mark_step`;
  /// `already_exists` `panel.mark_unique` for a second mark on the same (judge, entry,
  /// indicator).
  [[nodiscard]] Status mark(JudgeId judge, EntryId entry, std::string_view indicator_code,
                            Decimal mark);
  /// Records many marks, all or nothing: the first refused mark is reported (with
  /// its position in `marks`) and none is applied. Refused like `mark`, and also
  /// for the same (judge, entry, indicator) twice within the batch (the repeat is
  /// the refused mark). When `failed` is not null, a refusal stores the refused
  /// mark's position (0-based) there.
  ///
  ///   std::vector<kexie::MarkInput> batch;
  ///   for (kexie::JudgeId j : judges) batch.push_back({j, e, "A.1", "90"_dec});
  ///   std::size_t at = 0;
  ///   if (kexie::Status s = campaign.mark_all(batch, &at); !s) report(at, s.error());
  [[nodiscard]] Status mark_all(std::span<const MarkInput> marks, std::size_t* failed = nullptr);
  /// Not part of the API (see `detail::IndexedMark`): `mark_all` with indicator
  /// positions, for the C API's bulk paths.
  [[nodiscard]] Status mark_all(std::span<const detail::IndexedMark> marks,
                                std::size_t* failed = nullptr);
  /// A judge's veto (一票否决) of an entry on the veto item `veto_code`, with a reason.
  /// Refused like `mark` (not_found, not assigned, conflict) and `already_exists` for
  /// a second veto by the same judge on the same item; `invalid_argument` for an empty
  /// reason.
  [[nodiscard]] Status veto(JudgeId judge, EntryId entry, std::string_view veto_code,
                            std::string reason);

  /// Scores the campaign: aggregates marks, computes totals, ranks, awards, and
  /// derives advanced units and individuals and the cusp report. Entries lacking
  /// marks are listed as `incomplete`, never scored with zeros.
  [[nodiscard]] Result<Scoreboard> score() const;

  /// Only the scoring core of `score()`: aggregation, exact totals and ranking, with
  /// the same results, for callers that need standings but not awards, advanced units
  /// or the cusp report. Listed in the order of `Scoreboard::entries`.
  ///
  ///   for (const kexie::Standing& s : campaign.standings().value()) …
  [[nodiscard]] Result<std::vector<Standing>> standings() const;

  /// The raw marks of the judged indicator with `indicator_code` as a `PanelMarks`
  /// table (agreement.hpp) for the panel-agreement statistics: row `e` is
  /// `entries[e]`, column `j` is `judges[j]`, each cell the judge's mark or missing
  /// (not assigned, or not marked yet). Entries must share a category. `not_found`
  /// for an unknown id or indicator; `invalid_argument` for entries of different
  /// categories or an indicator that judges do not mark.
  ///
  ///   kexie::PanelMarks m = campaign.panel_marks("A.1", judges, entries).value();
  ///   kexie::KendallW w = kexie::kendall_w(m).value();
  [[nodiscard]] Result<PanelMarks> panel_marks(std::string_view indicator_code,
                                               std::span<const JudgeId> judges,
                                               std::span<const EntryId> entries) const;

 private:
  std::unique_ptr<detail::CampaignImpl> impl_;
  friend detail::CampaignImpl;  // reaches impl_ for detail::state_of (src/campaign_state.hpp)
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_CAMPAIGN_HPP
