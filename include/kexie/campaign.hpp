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
#include "kexie/entry_table.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"
#include "kexie/ids.hpp"
#include "kexie/panel.hpp"
#include "kexie/ranking.hpp"
#include "kexie/result.hpp"
#include "kexie/rubric.hpp"
#include "kexie/threads.hpp"

namespace kexie {
inline namespace v1 {

class Registry;
class ActivityBook;
class Actor;
namespace detail {
struct CampaignImpl;  // src/campaign_state.hpp
}  // namespace detail

/// The CO2 parameters of one fuel, for `CampaignSpec::fuel_carbon`.
///
///   spec.fuel_carbon.push_back({kexie::Carrier::raw_coal, coal_params});
struct FuelFactor {
  Carrier fuel = Carrier::raw_coal;  ///< the fuel
  FuelCarbon carbon;                 ///< its NCV, carbon content and oxidation rate
};

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
  /// The last day entries are accepted (bound campaigns; rule `campaign.entry_deadline`).
  std::optional<Date> entry_deadline;
  /// Entries only from enterprise associations (and their branches and study groups)
  /// inside the organizer's subtree on `as_of` (rule `entry.scope`, A12/A14). On by
  /// default; off only for what-if scoring across trees. While on, a campaign
  /// without an organizer accepts no entry.
  bool enforce_scope = true;
  /// CO2 parameters of the fuels entries may save (`fuel_emissions`): an energy saving
  /// of a listed fuel adds its computed CO2 (see `Co2Basis`). Empty by default.
  std::vector<FuelFactor> fuel_carbon;
};

/// Where a campaign stands in its 讲比 activity (A12): derived from the activity's
/// state in its book, and from the campaign's own conclude and commend.
///
///   if (campaign.phase() == kexie::CampaignPhase::entries) campaign.add_entry(entry_spec, today);
enum class CampaignPhase : std::uint8_t {
  unbound,     ///< not bound to an activity (tests, what-if scoring); never commended
  approved,    ///< the activity is approved (立项): rubrics may be set, no entries yet
  entries,     ///< the activity is in progress (实施): entries are accepted
  closed,      ///< implementation paused, completed or stopped: nothing is accepted
  evaluation,  ///< the activity is under evaluation (评估): judges, assignments, marks, vetoes
  concluded,   ///< concluded: results frozen, the scoreboard digest in the audit trail
  commended,   ///< commended (表彰): awards published, the award-list digest in the trail
};

/// The names of `CampaignPhase`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<CampaignPhase> {
  static constexpr std::array<std::string_view, 7> names{
      "unbound", "approved", "entries", "closed", "evaluation", "concluded", "commended"};
  static constexpr bool listed(CampaignPhase v) noexcept {
    switch (v) {
      case CampaignPhase::unbound:
      case CampaignPhase::approved:
      case CampaignPhase::entries:
      case CampaignPhase::closed:
      case CampaignPhase::evaluation:
      case CampaignPhase::concluded:
      case CampaignPhase::commended:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<CampaignPhase>());

/// "unbound", "approved", "entries", "closed", "evaluation", "concluded", "commended".
/// \param phase the enumerator to name
/// \return its name as `EnumNames<CampaignPhase>` spells it, a static string;
/// "unknown" outside the enumeration
[[nodiscard]] KEXIE_API std::string_view to_string(CampaignPhase phase) noexcept;

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

/// One assignment of a judge to an entry, for `Campaign::assign_all`; also the pairs of
/// an `AssignmentProposal` (assignment.hpp).
///
///   std::vector<kexie::AssignmentInput> batch = {{.judge = j, .entry = e}};
///   campaign.assign_all(batch).value();
struct AssignmentInput {
  JudgeId judge;  ///< who judges
  EntryId entry;  ///< which entry
  /// Equal when judge and entry are equal.
  friend bool operator==(const AssignmentInput&, const AssignmentInput&) = default;
};

/// One veto (一票否决), for `Campaign::veto_all`: the veto item by its code, and why.
///
///   std::vector<kexie::VetoInput> batch = {{.judge = j, .entry = e, .item = "V.1",
///                                           .reason = "plagiarised"}};
///   campaign.veto_all(batch).value();
struct VetoInput {
  JudgeId judge;       ///< who vetoes
  EntryId entry;       ///< which entry
  std::string item;    ///< the code of a veto item in the entry's rubric
  std::string reason;  ///< why (may run over several lines)
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
  EntryTable entries;                      ///< every entry (a read-only view over columns)
  std::vector<AdvancedUnit> units;         ///< 先进单位, best first
  std::vector<AdvancedIndividual> people;  ///< 先进个人, best first
  std::vector<Cusp> cusps;                 ///< entries within the cusp margin of a boundary

  /// The result of `entry`, in O(1) (`entries.find(entry)`).
  /// \param entry the entry's id in the campaign that scored
  /// \return its result, a value; empty when it is not in the table
  ///
  ///   if (auto r = board.find(e)) std::cout << r->code << ' ' << r->total << '\n';
  [[nodiscard]] KEXIE_API std::optional<EntryResult> find(EntryId entry) const;
  /// The heap memory the scoreboard holds: the capacity of the entry table's columns,
  /// the units, people (with their entry lists), cusps and the digest's text.
  /// \return bytes owned, beyond `sizeof(Scoreboard)`
  ///
  ///   double per_entry = double(board.owned_bytes()) / double(board.entries.size());
  [[nodiscard]] KEXIE_API std::size_t owned_bytes() const noexcept;
  /// Hex SHA-256 of the canonical result table as `Campaign::score` produced it:
  /// equal digests mean equal results, whatever order entries were added in.
  /// \return 64 lower-case hex digits; empty for a scoreboard not made by `score`
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
  /// \param registry the organizations, people and memberships entries and judges are
  /// checked against on `spec.as_of`; borrowed: it must outlive the campaign
  /// \param spec name, organizer, day, panel rules, eligibility, tie-breaks, awards
  /// and energy tables
  Campaign(const Registry& registry, CampaignSpec spec);
  /// The same campaign, with a malformed spec refused as a value instead:
  /// `invalid_argument` with the message the constructor would throw. For specs
  /// that come from outside the program (the C API, a file).
  /// \param registry read on `spec.as_of`; borrowed: it must outlive the campaign
  /// \param spec the configuration; also checked for well-formed text (`text.*`)
  /// \return the unbound campaign; `invalid_argument` for a malformed spec
  ///
  ///   kexie::Result<kexie::Campaign> c = kexie::Campaign::create(registry, spec);
  ///   if (!c) std::cerr << c.error() << '\n';
  [[nodiscard]] static Result<Campaign> create(const Registry& registry, CampaignSpec spec);
  /// A campaign bound to the 讲比 activity `activity` of `book` (A12), which must
  /// outlive it and stay where it is (the campaign keeps its address; do not move it). The activity
  /// must be a `jiangbi_campaign` approved (立项) or in progress; the campaign's organizer becomes
  /// the activity's organizer (a different `spec.organizer` is refused). From then on its phases
  /// follow the activity (`phase()`). Refusals: `invalid_argument` for a malformed spec;
  /// `not_found` `campaign.open` for an activity the book does not hold;
  /// `rule_violation` `campaign.open` (A12) for another type, a state before 立项
  /// or past 实施, or another organizer.
  /// \param registry read on `spec.as_of`; borrowed: it must outlive the campaign
  /// \param book the activity book holding the 讲比 activity; borrowed by address
  /// \param activity the `jiangbi_campaign` activity the campaign carries out
  /// \param spec the configuration; its organizer must be unset or the activity's
  /// \return the bound campaign; or the refusal named above
  ///
  ///   kexie::Campaign c = kexie::Campaign::open(reg, book, activity, spec).value();
  ///   assert(c.bound() && c.phase() == kexie::CampaignPhase::approved);
  [[nodiscard]] static Result<Campaign> open(const Registry& registry, const ActivityBook& book,
                                             ActivityId activity, CampaignSpec spec);
  ~Campaign();
  /// Takes over another campaign's state; the moved-from campaign may only be destroyed
  /// or assigned to.
  Campaign(Campaign&&) noexcept;
  /// Takes over another campaign's state, dropping this one's; the moved-from campaign
  /// may only be destroyed or assigned to.
  /// \return this campaign
  Campaign& operator=(Campaign&&) noexcept;
  Campaign(const Campaign&) = delete;
  Campaign& operator=(const Campaign&) = delete;

  /// The spec it was created with.
  /// \return the spec as given (for a bound campaign, with the activity's organizer)
  [[nodiscard]] const CampaignSpec& spec() const noexcept;

  /// True when bound to a 讲比 activity (`open`); an unbound campaign says so and can
  /// never be concluded or commended.
  /// \return true for a campaign made by `open`
  ///
  ///   if (!campaign.bound()) std::cout << "what-if scoring only\n";
  [[nodiscard]] bool bound() const noexcept;
  /// The activity it is bound to; an unset id when unbound.
  /// \return the activity given to `open`, or `ActivityId{}`
  [[nodiscard]] ActivityId activity() const noexcept;
  /// Where it stands (A12): `unbound`, or derived from the activity's state and the
  /// campaign's own conclude and commend.
  /// \return the phase now (it changes when the activity's book changes)
  ///
  ///   std::cout << kexie::to_string(campaign.phase());   // "entries" while the activity is 实施
  [[nodiscard]] CampaignPhase phase() const noexcept;
  /// The scoreboard digest written at `conclude`; empty before.
  /// \return 64 hex digits once concluded, else an empty string
  [[nodiscard]] const std::string& concluded_digest() const noexcept;
  /// The award-list digest written at `commend`; empty before.
  /// \return 64 hex digits once commended, else an empty string
  [[nodiscard]] const std::string& award_digest() const noexcept;

  /// Concludes the campaign (评估 ends): scores it, freezes it (every later mutation is
  /// refused, `campaign.frozen`) and concludes its activity in `book` (which must be the
  /// book it was opened on) with `evaluation_score` for the activity itself, the
  /// scoreboard digest in the audit record's reason. Refusals, each leaving campaign
  /// and book unchanged: `rule_violation` `campaign.unbound` (A12) for an unbound
  /// campaign, `campaign.frozen` when already concluded, `campaign.conclude_phase` (A12)
  /// unless the activity is under evaluation; `invalid_argument` for another book; the
  /// actor's refusal from the registry (`backed_by_registry`) or from the book's
  /// permission table (`permission_denied`, `conflict_of_interest`).
  /// \param book the book the campaign was opened on; its activity is concluded
  /// \param actor who concludes; impartial, with the book's `conclude` permission
  /// \param at when (UTC), not earlier than the activity's last operation
  /// \param evaluation_score the activity's own evaluation score (0 to the lifecycle
  /// policy's maximum), which sets its grade
  /// \return the scoreboard digest (64 hex digits); or the refusal named above
  ///
  ///   std::string digest = campaign.conclude(book, chair, at, kexie::Decimal(95)).value();
  [[nodiscard]] Result<std::string> conclude(ActivityBook& book, const Actor& actor, Timestamp at,
                                             const Decimal& evaluation_score);
  /// Commends (表彰): publishes the awards — awarded entries, advanced units and
  /// advanced individuals — as honours in `registry` (granted by the organizer, from
  /// the activity) and commends the activity in `book` with the digest of the award
  /// list in the audit record's reason; returns that digest. Refused, changing nothing,
  /// for an unbound campaign (`campaign.unbound`), before `conclude`
  /// (`campaign.not_concluded`), a second time (`campaign.commended`), all A12
  /// `rule_violation`; `invalid_argument` for another registry or book; the actor's or
  /// the book's refusal (a grade that is not commendable: `lifecycle.commend_grade`).
  /// \param registry the campaign's registry, where the honours are recorded
  /// \param book the book the campaign was opened on; its activity is commended
  /// \param actor who commends; impartial, with the book's `commend` permission
  /// \param at when (UTC); also the day the honours are granted on
  /// \return the award-list digest (64 hex digits); or the refusal named above
  ///
  ///   std::string awards = campaign.commend(reg, book, chair, at).value();
  [[nodiscard]] Result<std::string> commend(Registry& registry, ActivityBook& book,
                                            const Actor& actor, Timestamp at);

  /// Sets the rubric for a category. `rule_violation` `campaign.rubric_locked` once
  /// an entry of that category exists.
  /// \param category the entry category the rubric judges
  /// \param rubric the indicators, weights and veto items, replacing any earlier rubric
  /// \return ok; `campaign.rubric_locked`, `campaign.frozen` or a phase refusal otherwise
  [[nodiscard]] Status set_rubric(Category category, Rubric rubric);
  /// The rubric of a category; `not_found` when none is set.
  /// \param category the entry category
  /// \return a copy of its rubric; `not_found` when none is set
  [[nodiscard]] Result<Rubric> rubric(Category category) const;

  /// Adds an entry. Refusals, each naming the item: `invalid_argument` (empty code,
  /// empty team, a share outside (0, 1] or shares not summing to exactly 1, a person
  /// twice, a negative claimed quantity, a unit that does not measure its carrier);
  /// `already_exists` `entry.code`; `not_found` (unknown unit or person, or no rubric
  /// for the category); `rule_violation` `entry.unit` (A10: the unit is not an
  /// enterprise association or below one on `as_of`); `not_found` from the energy
  /// table for a carrier without a coefficient (steam, electricity's equal value);
  /// `rule_violation` `entry.eligibility` listing every eligibility rule it fails.
  ///
  /// In a bound campaign entries are accepted only while the activity is in progress
  /// (`rule_violation` `campaign.entry_phase`, A12); a campaign with an entry deadline
  /// needs the two-argument form. Every campaign refuses an entry whose enterprise
  /// association is outside the organizer's subtree on `as_of` (`rule_violation`
  /// `entry.scope`, A12, unless `CampaignSpec::enforce_scope` is off) and a cooperation
  /// citation that does not check (`rule_violation` `entry.citation`, A11).
  /// \param spec the application: code, title, category, unit, team with shares, claimed
  /// results and citations
  /// \return the new entry's id; or the first refusal named above (nothing added)
  [[nodiscard]] Result<EntryId> add_entry(EntrySpec spec);
  /// `add_entry(spec)`, submitted on `submitted`: refused after
  /// `CampaignSpec::entry_deadline` (`rule_violation` `campaign.entry_deadline`, A12).
  /// \param spec the application, as for `add_entry(spec)`
  /// \param submitted the day it was submitted; the deadline day itself is accepted
  /// \return the new entry's id; or the refusal (nothing added)
  ///
  ///   kexie::EntryId e = campaign.add_entry(entry_spec, "2025-09-15"_date).value();
  [[nodiscard]] Result<EntryId> add_entry(EntrySpec spec, Date submitted);
  /// The entry; `not_found` for an unknown id.
  /// \param id the entry's id, as `add_entry` returned it
  /// \return a copy of the entry as recorded; `not_found` for an unknown id
  [[nodiscard]] Result<Entry> entry(EntryId id) const;
  /// The entry with application number `code`; `not_found` when none.
  /// \param code the application number, exactly as given in `EntrySpec::code`
  /// \return the entry's id; `not_found` when no entry has that code
  [[nodiscard]] Result<EntryId> find_entry(std::string_view code) const;
  /// Number of entries.
  /// \return how many entries were added (none is ever removed)
  [[nodiscard]] std::size_t entry_count() const noexcept;

  /// Seats `person` on the panel. `not_found` for an unknown person; `already_exists`
  /// `panel.judge` when they are already a judge; `rule_violation` `panel.expert` (A8)
  /// when the expert rule applies (`PanelRules::experts`: bound campaigns by default) and the
  /// person is not listed on `as_of` in the expert pool of the organizer or an organization above
  /// it. In a bound campaign judges, assignments, marks and vetoes are accepted only while the
  /// activity is under evaluation (`rule_violation` `campaign.panel_phase`, A12).
  /// \param person the expert to seat, a person of the registry
  /// \return the judge's id in this campaign; or the refusal named above
  [[nodiscard]] Result<JudgeId> add_judge(PersonId person);
  /// The person behind a judge; `not_found` for an unknown judge.
  /// \param judge the judge's id, as `add_judge` returned it
  /// \return the person seated; `not_found` for an unknown judge
  [[nodiscard]] Result<PersonId> judge_person(JudgeId judge) const;
  /// Number of judges.
  /// \return how many judges were seated
  [[nodiscard]] std::size_t judge_count() const noexcept;

  /// Assigns a judge to an entry. `not_found` for unknown ids; `already_exists`
  /// `panel.assignment`; `conflict_of_interest` `panel.conflict` (A12) when the judge
  /// is on the entry's team, or is employed by or a member of the entry's enterprise
  /// association or any organization under it on `as_of`; `rule_violation`
  /// `panel.expert_field` (A8) when `PanelRules::expert_field_match` and no field of
  /// the judge's listings names the entry's category.
  /// \param judge the judge, as `add_judge` returned it
  /// \param entry the entry, as `add_entry` returned it
  /// \return ok when recorded; or the refusal named above (nothing recorded)
  [[nodiscard]] Status assign(JudgeId judge, EntryId entry);
  /// Assigns many judges, all or nothing: refused like `assign`, and for the same pair
  /// twice within the batch or an entry the batch would take past the most judges; the
  /// first refused pair is reported (its 0-based position in `*failed` when not null)
  /// and none is recorded.
  /// \param pairs the (judge, entry) pairs, in any order
  /// \param failed where to store the 0-based position of the refused item in the batch;
  /// may be null; left untouched on success
  /// \return ok when every pair is recorded; or the first refusal (nothing recorded)
  ///
  ///   std::size_t at = 0;
  ///   if (kexie::Status s = campaign.assign_all(pairs, &at); !s) report(at, s.error());
  [[nodiscard]] Status assign_all(std::span<const AssignmentInput> pairs,
                                  std::size_t* failed = nullptr);
  /// Judges assigned to `entry`, by id.
  /// \param entry the entry's id
  /// \return its judges in ascending id order; empty for an unknown entry
  [[nodiscard]] std::vector<JudgeId> judges_of(EntryId entry) const;

  /// Records one mark on the indicator with `code` in the entry's rubric. Refusals:
  /// `not_found` (unknown judge, entry or indicator); `rule_violation`
  /// `panel.not_assigned`; `conflict_of_interest` `panel.conflict` (re-checked against
  /// the registry now); `invalid_argument` `panel.mark_scale` / `panel.mark_step`;
  /// `already_exists` `panel.mark_unique` for a second mark on the same (judge, entry,
  /// indicator).
  /// \param judge the judge, assigned to `entry`
  /// \param entry the entry
  /// \param indicator_code the code of a judged or bonus indicator of the entry's rubric,
  /// e.g. "A.1"
  /// \param mark the mark, within the indicator's scale and on its step
  /// \return ok when recorded; or the refusal named above (nothing recorded)
  [[nodiscard]] Status mark(JudgeId judge, EntryId entry, std::string_view indicator_code,
                            Decimal mark);
  /// Records many marks, all or nothing: the first refused mark is reported (with
  /// its position in `marks`) and none is applied. Refused like `mark`, and also
  /// for the same (judge, entry, indicator) twice within the batch (the repeat is
  /// the refused mark). When `failed` is not null, a refusal stores the refused
  /// mark's position (0-based) there.
  /// \param marks the marks, each naming judge, entry, indicator code and mark
  /// \param failed where to store the 0-based position of the refused item in the batch;
  /// may be null; left untouched on success
  /// \return ok when every mark is recorded; or the first refusal (nothing recorded)
  ///
  ///   std::vector<kexie::MarkInput> batch;
  ///   for (kexie::JudgeId j : judges) batch.push_back({j, e, "A.1", "90"_dec});
  ///   std::size_t at = 0;
  ///   if (kexie::Status s = campaign.mark_all(batch, &at); !s) report(at, s.error());
  [[nodiscard]] Status mark_all(std::span<const MarkInput> marks, std::size_t* failed = nullptr);
  /// Not part of the API (see `detail::IndexedMark`): `mark_all` with indicator
  /// positions, for the C API's bulk paths.
  /// \param marks the marks, each with its indicator's position in the entry's rubric
  /// \param failed where to store the 0-based position of the refused item in the batch;
  /// may be null; left untouched on success
  /// \return ok when every mark is recorded; or the first refusal (nothing recorded)
  [[nodiscard]] Status mark_all(std::span<const detail::IndexedMark> marks,
                                std::size_t* failed = nullptr);
  /// `mark_all` on up to `threads.count` threads (the calling thread included): the
  /// checks of the batch are split in contiguous ranges, one per thread; the marks are
  /// then recorded by each range on its thread when the ranges' entries rise from one
  /// to the next (a table listed entry by entry), else in order on the calling thread.
  /// The result is the same for every count: the same marks recorded, or the same first
  /// refusal (the same error and position) with nothing recorded. A count of 0 is
  /// refused (`invalid_argument`) before anything else; a small batch uses fewer
  /// threads than allowed. Without a team, the call starts its threads once and joins
  /// them before it returns; with `team.threads()` it starts none. For batch after
  /// batch, hold the team awake meanwhile (`ThreadTeam::keep_awake`), or each call waits
  /// for the team's threads to wake, which under a hypervisor costs 5–10 % of the
  /// speed-up at batches of 100 000 marks (docs/performance.md, round 16).
  ///
  /// \param marks the marks, as for `mark_all(marks, failed)`
  /// \param threads how many threads the call may use (`Threads{}` is one)
  /// \param failed when not null, receives the refused mark's position (0-based)
  /// \return nothing, or the first refusal
  ///
  ///   std::vector<kexie::MarkInput> batch = {{.judge = j, .entry = e, .indicator = "A.1",
  ///                                           .mark = kexie::Decimal(90)}};
  ///   std::size_t refused = 0;
  ///   kexie::Status st = campaign.mark_all(batch, kexie::Threads{2}, &refused);
  [[nodiscard]] Status mark_all(std::span<const MarkInput> marks, Threads threads,
                                std::size_t* failed = nullptr);
  /// Not part of the API (see `detail::IndexedMark`): `mark_all(marks, threads, failed)`
  /// with indicator positions, for the C API's bulk paths.
  ///
  /// \param marks the marks, indicators as rubric positions
  /// \param threads how many threads the call may use
  /// \param failed when not null, receives the refused mark's position (0-based)
  /// \return nothing, or the first refusal
  ///
  ///   std::vector<kexie::detail::IndexedMark> marks = {{j, e, 0, kexie::Decimal(90)}};
  ///   kexie::Status st = campaign.mark_all(marks, kexie::Threads{2});
  [[nodiscard]] Status mark_all(std::span<const detail::IndexedMark> marks, Threads threads,
                                std::size_t* failed = nullptr);
  /// A judge's veto (一票否决) of an entry on the veto item `veto_code`, with a reason.
  /// Refused like `mark` (not_found, not assigned, conflict) and `already_exists` for
  /// a second veto by the same judge on the same item; `invalid_argument` for an empty
  /// reason.
  /// \param judge the judge, assigned to `entry`
  /// \param entry the entry vetoed
  /// \param veto_code the code of a veto item of the entry's rubric, e.g. "V.1"
  /// \param reason why; not empty, well-formed text, newlines allowed (`text.*`)
  /// \return ok when recorded; or the refusal named above (nothing recorded)
  [[nodiscard]] Status veto(JudgeId judge, EntryId entry, std::string_view veto_code,
                            std::string reason);
  /// Records many vetoes, all or nothing: refused like `veto`, and for the same judge,
  /// entry and item twice within the batch; the first refused veto is reported (its
  /// position in `*failed` when not null) and none is recorded.
  /// \param vetoes the vetoes, each naming judge, entry, item code and reason
  /// \param failed where to store the 0-based position of the refused item in the batch;
  /// may be null; left untouched on success
  /// \return ok when every veto is recorded; or the first refusal (nothing recorded)
  ///
  ///   campaign.veto_all(std::vector<kexie::VetoInput>{{j, e, "V.1", "plagiarised"}}).value();
  [[nodiscard]] Status veto_all(std::span<const VetoInput> vetoes, std::size_t* failed = nullptr);

  /// Scores the campaign: aggregates marks, computes totals, ranks, awards, and
  /// derives advanced units and individuals and the cusp report. Entries lacking
  /// marks are listed as `incomplete`, never scored with zeros.
  /// \return the full result table with its digest; `invalid_argument`
  /// `campaign.tie_break` when an indicator tie-break names no indicator of the rubrics;
  /// `overflow` when the exact awarded total or energy saved of a unit, or the credit of
  /// a person, does not fit a decimal (the message names the unit or person), when the
  /// award scheme has 65 535 tiers or more, or when the entries' codes take more than
  /// 4 GiB
  [[nodiscard]] Result<Scoreboard> score() const;
  /// `score()` on up to `threads.count` threads (the calling thread included): the
  /// same scoreboard and digest, bit for bit, for every count. `invalid_argument`
  /// for a count of 0.
  ///
  /// \param threads how many threads the call may use (threads.hpp)
  /// \return the scoreboard, or the refusal
  ///
  ///   kexie::Scoreboard board = campaign.score(kexie::Threads{2}).value();
  [[nodiscard]] Result<Scoreboard> score(Threads threads) const;
  /// `score()` into `into`, reusing its storage: the entry table's columns and the
  /// capacity of the units, people and cusp lists (arrays are swapped with the
  /// campaign's scoring scratch, which the campaign keeps from call to call).
  /// Scoring a campaign again (what-if runs, re-judging) then touches no fresh
  /// memory. The result, its digest included, equals `score()`'s bit for bit, for
  /// every thread count. On every refusal (`invalid_argument` for a thread count of
  /// 0, `campaign.tie_break`, `overflow` as `score()` returns it) `into` is
  /// unchanged: the results are made in the scratch and the board takes them only
  /// once nothing can be refused. On success, iterators and the
  /// `code`/`award` views taken from `into.entries` before the call end. The call
  /// needs `into` to itself; other boards may be scored from the same campaign at
  /// once. If memory runs out (std::bad_alloc), `into` is unchanged too, with the
  /// views it lent (everything it takes is made first and handed over by swaps), and
  /// the campaign scores as before.
  ///
  /// \param into the scoreboard to overwrite (any previous contents)
  /// \param threads how many threads the call may use (threads.hpp)
  /// \return success, or the refusal
  ///
  ///   kexie::Scoreboard board;
  ///   campaign.score(board).value();                     // first run: allocates
  ///   campaign.score(board, kexie::Threads{2}).value();  // again: same storage
  [[nodiscard]] Status score(Scoreboard& into, Threads threads = {}) const;

  /// Only the scoring core of `score()`: aggregation, exact totals and ranking, with
  /// the same results, for callers that need standings but not awards, advanced units
  /// or the cusp report. Listed in the order of `Scoreboard::entries`.
  /// \return one standing per entry; the same errors as `score()`
  ///
  ///   for (const kexie::Standing& s : campaign.standings().value()) …
  [[nodiscard]] Result<std::vector<Standing>> standings() const;
  /// `standings()` on up to `threads.count` threads (the calling thread included):
  /// the same standings for every count; `invalid_argument` for a count of 0.
  ///
  /// \param threads how many threads the call may use (threads.hpp)
  /// \return the standings in the order of `Scoreboard::entries`, or the refusal
  ///
  ///   std::vector<kexie::Standing> s = campaign.standings(kexie::Threads{2}).value();
  [[nodiscard]] Result<std::vector<Standing>> standings(Threads threads) const;

  /// The raw marks of the judged indicator with `indicator_code` as a `PanelMarks`
  /// table (agreement.hpp) for the panel-agreement statistics: row `e` is
  /// `entries[e]`, column `j` is `judges[j]`, each cell the judge's mark or missing
  /// (not assigned, or not marked yet). Entries must share a category. `not_found`
  /// for an unknown id or indicator; `invalid_argument` for entries of different
  /// categories or an indicator that judges do not mark.
  /// \param indicator_code the code of a judged indicator of the entries' rubric
  /// \param judges the columns, in the order wanted
  /// \param entries the rows, in the order wanted; all of one category
  /// \return an entries × judges table (marks as doubles); or the refusal named above
  ///
  ///   kexie::PanelMarks m = campaign.panel_marks("A.1", judges, entries).value();
  ///   kexie::KendallW w = kexie::kendall_w(m).value();
  [[nodiscard]] Result<PanelMarks> panel_marks(std::string_view indicator_code,
                                               std::span<const JudgeId> judges,
                                               std::span<const EntryId> entries) const;

 private:
  // add_entry after its phase and deadline checks.
  [[nodiscard]] Result<EntryId> add_checked_entry(EntrySpec spec);
  std::unique_ptr<detail::CampaignImpl> impl_;
  friend detail::CampaignImpl;  // reaches impl_ for detail::state_of (src/campaign_state.hpp)
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_CAMPAIGN_HPP
