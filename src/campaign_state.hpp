// The internal state of a Campaign, shared by campaign.cpp (mutations),
// campaign_scoring.cpp (scoring and awards) and explain.cpp (explanations), so
// they all run the same kernel; and the seam to the snapshot layer, in the
// manner of libgit2's *_internal headers: snapshot_campaign.cpp reaches a
// campaign's state through state_of() and re-records saved facts through the
// record_* steps, which keep only the structural checks. Internal: never
// included by a public header; campaign*.cpp include no snapshot header.
#ifndef KEXIE_SRC_CAMPAIGN_STATE_HPP
#define KEXIE_SRC_CAMPAIGN_STATE_HPP

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "campaign_honours.hpp"
#include "campaign_mark_steps.hpp"
#include "kexie/campaign.hpp"
#include "kexie/energy.hpp"
#include "kexie/membership.hpp"

namespace kexie {
inline namespace v1 {

namespace detail {

/// Absent mark in the marks array.
inline constexpr std::int32_t kNoMark = INT32_MIN;
/// Places of a global weight.
inline constexpr int kWeightScale = Rubric::kMaxWeightScale;  // 8
/// Places of a total.
inline constexpr int kTotalScale = Rubric::kTotalScale;  // 14
/// 10^8: brings a value at 6 places to a total's 14.
inline constexpr std::int64_t kWeightUnit = 100'000'000;

/// The slot of `f` in EntryRecord::figures.
constexpr std::size_t figure_index(ClaimedFigure f) noexcept { return static_cast<std::size_t>(f); }

/// A judge's veto of an entry.
struct VetoRecord {
  JudgeId judge;
  std::uint32_t indicator = 0;
  std::string reason;
};

/// What add_entry computed once: claimed figures and the conversions behind them.
struct EntryRecord {
  EntrySpec spec;
  OrgId enterprise;
  std::array<Decimal, enum_count<ClaimedFigure>> figures{};  // indexed by ClaimedFigure
  std::vector<CoalEquivalent> coal;
  std::vector<GridEmission> grid;
  std::vector<FuelEmission> fuel;  // fuel savings with CampaignSpec::fuel_carbon parameters
  Co2Basis co2_basis = Co2Basis::computed;  // the rubric's declaration when recorded
  bool co2_claim_used = true;               // the figure is the claim (else the computed CO2)
  Decimal co2_computed;                     // grid + fuel CO2, t
  std::vector<JudgeId> judges;              // sorted by id; slot i of every column is judges[i]
  std::vector<VetoRecord> vetoes;
};

/// Per category: the rubric and the columns of its marks (judged leaves, then bonuses).
struct CategoryState {
  std::optional<Rubric> rubric;
  std::vector<std::uint32_t> columns;                    // indicator indices
  std::vector<std::int32_t> col_min, col_max, col_step;  // at 4 places
  std::vector<std::int64_t> col_weight;        // judged: global weight at 8 places; bonus: cap at 6
  std::vector<std::int64_t> objective_weight;  // per objective leaf, 8 places
  std::unordered_map<std::uint32_t, std::uint32_t> column_of;  // indicator → column
  std::uint32_t judged_columns = 0;  // the first columns are judged leaves
  std::uint32_t entries = 0;
};

/// Per-judge normalization parameters of one column, quantized to 6 places.
struct NormParams {
  struct Judge {
    bool applied = false;
    std::int64_t mean = 0, sd = 0;  // 6 places
    std::uint32_t sample = 0;
  };
  std::int64_t panel_mean = 0, panel_sd = 0;  // 6 places, per column
  bool panel_ok = false;
  std::unordered_map<std::uint32_t, Judge> judges;  // by judge id
};

/// The values of one entry, as scoring computes them.
struct EntryValues {
  bool complete = true;
  std::vector<std::int64_t> column_value;     // aggregated, 6 places (judged + bonus columns)
  std::vector<std::uint8_t> column_present;   // any mark on the column (bytes, not bits)
  std::vector<std::int64_t> objective_value;  // 6 places, per rubric objective leaf
  std::int64_t judged_part = 0;               // 14 places
  std::int64_t objective_part = 0;            // 14 places
  std::int64_t bonus = 0;                     // 14 places
  std::int64_t total = 0;                     // 14 places
  std::uint32_t top_marks = 0;
  std::uint32_t vetoes = 0;
};

/// Per-mark detail for explanations.
struct MarkDetail {
  JudgeId judge;
  std::int32_t raw = kNoMark;         // 4 places
  std::int32_t normalized = kNoMark;  // 4 places, when normalization applied
  bool dropped = false;
};

/// The few fields scoring reads for every entry, kept contiguous so a pass over a
/// million entries streams through memory instead of visiting each EntryRecord.
struct EntryHot {
  std::uint64_t mark_offset = 0;       // first cell in CampaignImpl::marks
  std::uint32_t objective_offset = 0;  // first value in CampaignImpl::objective_values
  std::uint8_t category = 0;
  std::uint8_t judges = 0;  // assigned judges = filled slots per column
  std::uint8_t vetoed = 0;  // any veto recorded
};

/// Where slot `slot`'s mark on column `column` sits among an entry's cells, for an
/// entry of `columns` columns: judge by judge, each judge's marks on every column side
/// by side (a judge hands them in together, and the scoring pass loads them as one
/// vector). An entry has panel width × `columns` cells; empty ones hold kNoMark.
///
///   const std::int32_t v = cells[cell_of(columns, col, slot)];
[[nodiscard]] constexpr std::size_t cell_of(std::size_t columns, std::size_t column,
                                            std::size_t slot) noexcept {
  return slot * columns + column;
}

struct ScoringScratch;  // campaign_scoring.cpp

/// A number no other CampaignImpl of the process has had (1, 2, …): what a scoreboard
/// remembers of the campaign that filled it, since an address can be reused.
///
///   const std::uint64_t serial = next_campaign_serial();
inline std::uint64_t next_campaign_serial() noexcept {
  static std::atomic<std::uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

/// The state behind a Campaign (its pimpl).
struct CampaignImpl {
  /// This campaign among every campaign of the process (next_campaign_serial): a
  /// board it scored before already holds its entries' codes and other fixed facts.
  const std::uint64_t serial = next_campaign_serial();
  const Registry* registry = nullptr;
  CampaignSpec spec;
  // The binding to a 讲比 activity (Campaign::open); book is null when unbound.
  const ActivityBook* book = nullptr;
  ActivityId activity;
  std::string concluded_digest;  // set by conclude: the campaign is frozen
  std::string award_digest;      // set by commend
  /// The campaign's phase (Campaign::phase).
  [[nodiscard]] CampaignPhase phase() const noexcept;
  std::array<CategoryState, kCategoryCount> categories{};
  std::vector<EntryRecord> entries;  // EntryId n is entries[n - 1]
  std::unordered_map<std::string, EntryId> by_code;
  std::vector<PersonId> judges;  // JudgeId n is judges[n - 1]
  std::unordered_map<std::uint32_t, JudgeId> judge_of_person;
  std::vector<std::int32_t> marks;  // per entry: panel width × columns cells (cell_of)
  /// The marks a byte a cell, for the scoring pass (campaign_mark_steps.hpp): whatever changes
  /// `marks` calls `steps.changed` on the cells it changed.
  MarkSteps steps;
  std::vector<EntryHot> hot;                   // parallel to entries
  std::vector<std::string> codes;              // parallel to entries: application numbers
  std::vector<std::int64_t> objective_values;  // per entry: each objective leaf, 6 places
  HonoursIndex honours;  // per entry its unit and team, per unit its tallies (advanced honours)

  // mark_all's scratch, kept from batch to batch (no fresh pages): the cells and values
  // of the piece of a batch being checked, and the runs of consecutive cells (first,
  // count) the batch filled so far.
  std::vector<std::size_t> mark_cells;
  std::vector<std::int32_t> mark_values;
  std::vector<std::pair<std::size_t, std::size_t>> mark_runs;

  /// Entry indices in application-number order, extended lazily as entries are added
  /// (entries are never removed), so ranking never compares codes one by one.
  /// Guarded by `order_mutex`: concurrent const calls stay safe.
  [[nodiscard]] std::vector<std::uint32_t> entries_by_code() const;
  /// `entries_by_code()` into `into`, reusing its storage (issue 17).
  void entries_by_code(std::vector<std::uint32_t>& into) const;
  /// The scoring scratch (campaign_scoring.cpp) kept from one score()/standings()
  /// call to the next so a repeated call touches no fresh pages; taken with
  /// try_lock, so a concurrent const call uses its own.
  mutable std::mutex scoring_scratch_mutex;
  mutable std::shared_ptr<ScoringScratch> scoring_scratch;
  mutable std::mutex order_mutex;
  mutable std::vector<std::uint32_t> code_order;
  /// The inverse of `code_order`: `code_place[code_order[p]] == p`, each entry's place
  /// in application-number order, so ranking can build its sort items in one pass in
  /// entry order (issue 17). Extended with `code_order`, under `order_mutex`.
  mutable std::vector<std::uint32_t> code_place;
  /// Brings `code_order` and `code_place` up to date with `entries` (under
  /// `order_mutex`). Both then stay as they are until an entry is added, which no
  /// const call does, so a const call reads them afterwards without the lock.
  ///
  ///   s.update_code_order();
  ///   const std::uint32_t first = s.code_order[0];
  void update_code_order() const;

  [[nodiscard]] std::uint32_t width() const noexcept { return spec.panel.max_judges_per_entry; }
  [[nodiscard]] const CategoryState& category(const EntryRecord& e) const noexcept {
    return categories[static_cast<std::size_t>(e.spec.category)];
  }

  /// The entry `id` names, or `not_found` naming the id: the one range check
  /// of entry ids.
  ///
  ///   auto e = s.entry_at(id);
  ///   if (!e) return e.error();
  [[nodiscard]] Result<const EntryRecord*> entry_at(EntryId id) const;
  /// The person behind `judge`, or `not_found` naming the judge.
  [[nodiscard]] Result<PersonId> judge_person(JudgeId judge) const;

  /// Normalization parameters for every judged column of a category.
  [[nodiscard]] std::vector<NormParams> normalization(Category c) const;
  /// The values of entry `i` (0-based); `detail` (per column, per slot) is filled when given.
  void evaluate(std::size_t i, const std::vector<NormParams>* norm, EntryValues& out,
                std::vector<std::vector<MarkDetail>>* detail) const;

  // The record_* steps: each keeps only the checks that do not read the
  // registry's history (a free code, shares summing to 1, marks on the scale and
  // step, a free panel seat, ids that exist), so a snapshot re-records facts that
  // held when they were first recorded. The public mutators (add_entry, assign,
  // mark_all, veto) run the checks that read the registry (enterprise
  // derivation, eligibility, conflicts of interest) and then the same steps.

  /// Records an entry whose enterprise association is `enterprise`.
  ///
  ///   Result<EntryId> id = s.record_entry(std::move(spec), saved_enterprise);
  [[nodiscard]] Result<EntryId> record_entry(EntrySpec entry, OrgId enterprise);
  /// Seats `judge` on `entry`'s panel.
  ///
  ///   Status st = s.record_assignment(judge, entry);
  [[nodiscard]] Status record_assignment(JudgeId judge, EntryId entry);
  /// Records every mark of `batch`, or none of them.
  ///
  ///   Status st = s.record_marks(saved_marks);
  [[nodiscard]] Status record_marks(std::span<const IndexedMark> batch);
  /// Records `judge`'s veto of `entry` on the veto item at index `indicator` of its rubric.
  ///
  ///   Status st = s.record_veto(judge, entry, 7, "plagiarised");
  [[nodiscard]] Status record_veto(JudgeId judge, EntryId entry, std::uint32_t indicator,
                                   std::string reason);

  static CampaignImpl& of(Campaign& c) noexcept { return *c.impl_; }
  static const CampaignImpl& of(const Campaign& c) noexcept { return *c.impl_; }
};

/// One line of a commended award list: an awarded entry (its code, unit and tier
/// name), an advanced unit, or an advanced individual (and their employer).
struct AwardLine {
  enum class Kind : std::uint8_t { entry, unit, person };
  Kind kind = Kind::entry;
  std::string code;                // the entry's code (entries)
  OrgId org;                       // the unit, or the person's employer
  std::optional<PersonId> person;  // advanced individuals
  std::string title;               // the tier's name, 先进单位 or 先进个人
};

/// The award list of `board` in its canonical order (campaign_phase.cpp).
///
///   std::vector<AwardLine> lines = award_list(s, board);
std::vector<AwardLine> award_list(const CampaignImpl& s, const Scoreboard& board);
/// Hex SHA-256 of the award list, the digest commend writes into the audit record.
std::string award_digest(const CampaignImpl& s, const std::vector<AwardLine>& lines);
/// Records the award list as honours in `registry`, all or nothing (campaign_phase.cpp).
///
///   Status st = record_awards(s, registry, lines, at.date());
Status record_awards(const CampaignImpl& s, Registry& registry, const std::vector<AwardLine>& lines,
                     Date on);
/// The cooperation citations of an entry (A11), checked against the registry and,
/// for a 金桥工程 activity, the campaign's book: `rule_violation` `entry.citation`.
///
///   if (Status st = check_citations(s, spec, enterprise); !st) return st.error();
Status check_citations(const CampaignImpl& s, const EntrySpec& spec, OrgId enterprise);

/// What the registry-reading rules of `Campaign::assign` need about one judge,
/// gathered once (campaign.cpp): their person, the organizations they belong to on
/// `as_of`, and, when the expert-field rule applies, their expert listings.
struct JudgeFacts {
  JudgeId judge;
  PersonId person;
  std::vector<OrgId> orgs;              // detail::affiliations on as_of
  std::vector<ExpertListing> listings;  // in the organizer's pools and those above it
};

/// The facts about `judge` (whose person is `person`); listings are read when
/// `with_listings` (they cost a pass over the pools).
///
///   JudgeFacts f = judge_facts(s, judge, person, expert_fields_required(s));
JudgeFacts judge_facts(const CampaignImpl& s, JudgeId judge, PersonId person, bool with_listings);
/// Whether `assign` checks the expert-field rule (`panel.expert_field`) in this campaign.
bool expert_fields_required(const CampaignImpl& s) noexcept;
/// Whether a field of `listings` names `category` (the expert-field rule's test).
///
///   bool match = names_category(facts.listings, Category::rationalization_proposals);
bool names_category(const std::vector<ExpertListing>& listings, Category category);
/// The rules of `Campaign::assign` that read the registry, for the judge of `facts` on
/// entry `e`: `conflict_of_interest` `panel.conflict` (A12), then `rule_violation`
/// `panel.expert_field` (A8) when it applies. The one predicate `assign`, its batch
/// (`Campaign::assign_all`) and the assignment proposer run.
///
///   if (Status st = assignment_rules(s, e, facts); !st) exclude(st.error());
Status assignment_rules(const CampaignImpl& s, const EntryRecord& e, const JudgeFacts& facts);

/// The state behind `c`, for explanations and snapshots (defined in campaign.cpp).
///
///   const detail::CampaignImpl& s = detail::state_of(campaign);
CampaignImpl& state_of(Campaign& c) noexcept;
/// The state behind `c`, read-only.
const CampaignImpl& state_of(const Campaign& c) noexcept;
/// The registry `c` reads.
const Registry& registry_of(const Campaign& c) noexcept;

/// A Decimal from a fixed-point integer known to be in range.
inline Decimal fixed(std::int64_t coefficient, int scale) {
  return Decimal::unchecked(coefficient, scale);
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_CAMPAIGN_STATE_HPP
