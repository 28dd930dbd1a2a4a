// Judge assignment (分配评审专家): proposes which judges of a campaign's panel
// judge which entries, as a min-cost flow over (judge, entry) pairs, and applies
// a proposal through the campaign's own `assign` path. Hard constraints: no
// conflict of interest and the expert-field rule (the very predicate `assign`
// runs), the judges per entry the panel asks for, every judge's load within a
// declared range (balanced within one by default), the pairs already assigned
// kept. Preferences, as costs: expertise (a listing field naming the entry's
// category), organization spread (judges of one entry from different enterprise
// associations) and declared availability. The same campaign, options and seed
// give the same proposal on every platform; the solver is LEMON's network
// simplex, kept out of this header. An assignment is a plain value; its CSV
// layout is two columns `judge,entry` (docs/assignment.md).
#ifndef KEXIE_ASSIGNMENT_HPP
#define KEXIE_ASSIGNMENT_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kexie/campaign.hpp"
#include "kexie/export.hpp"
#include "kexie/ids.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

/// A judge's declared availability: the range of entries they take in this campaign
/// (counting the entries they already have) and a cost per entry for a judge who
/// would rather take fewer. `max_load` 0 declares the judge unavailable (rule
/// `assignment.unavailable`).
///
///   options.availability.push_back({.judge = busy, .max_load = 4, .cost_per_entry = 20});
struct JudgeAvailability {
  JudgeId judge;                     ///< the judge declaring it
  std::uint32_t min_load = 0;        ///< the fewest entries they must take
  std::uint32_t max_load = 0;        ///< the most entries they take; 0: unavailable
  std::uint32_t cost_per_entry = 0;  ///< added to the cost of each entry they get
};

/// A load range for every judge, when the office declares one (`AssignmentOptions::load`).
///
///   options.load = kexie::LoadRange{.min = 20, .max = 30};
struct LoadRange {
  std::uint32_t min = 0;  ///< the fewest entries a judge takes
  std::uint32_t max = 0;  ///< the most entries a judge takes
};

/// How `propose_assignment` weighs and bounds its choices. The defaults: as many
/// judges per entry as `PanelRules::min_judges`, loads balanced within one, a
/// judge without the entry's field costing 100, each further judge from an
/// organization already on the entry costing 50.
///
///   kexie::AssignmentOptions o;
///   o.judges_per_entry = 5;
///   o.spread_required = true;  // never two judges of one enterprise association
///   o.seed = 2025;
struct AssignmentOptions {
  /// Judges each entry ends with (kept ones included); 0: `PanelRules::min_judges`.
  /// Must lie within the panel's `min_judges` and `max_judges_per_entry`.
  std::uint32_t judges_per_entry = 0;
  /// The load range of every judge; unset: balanced within one over the available
  /// judges, ⌊seats ÷ judges⌋ to ⌈seats ÷ judges⌉ when nobody has entries yet; with kept
  /// pairs the new seats level the loads and a judge above the level takes none.
  std::optional<LoadRange> load;
  /// Per-judge declarations, overriding `load` for their judge (at most one each).
  std::vector<JudgeAvailability> availability;
  /// Cost of a judge none of whose expert listings names the entry's category.
  std::uint32_t expertise_cost = 100;
  /// Cost of each judge beyond the first from one organization on one entry (the
  /// organization: the enterprise association of the judge's employer, or the
  /// employer when it is under none).
  std::uint32_t spread_cost = 50;
  /// Make spreading a hard rule (`assignment.org_spread`): at most one judge per
  /// organization on an entry.
  bool spread_required = false;
  /// Breaks ties among equally good assignments; the same seed, the same proposal.
  std::uint64_t seed = 0;
  /// Keep only this many candidate judges per entry (0: all of them): the cheaper
  /// half by cost, the rest drawn by the seed. Makes very large campaigns tractable;
  /// the result may cost more than the optimum, or find no assignment where one
  /// exists (docs/assignment.md).
  std::uint32_t candidates_per_entry = 0;
};

/// Why a judge was chosen for an entry.
struct JudgeChoice {
  JudgeId judge;                     ///< the judge
  bool kept = false;                 ///< already assigned before the proposal
  bool expertise = false;            ///< one of their listings names the entry's category
  OrgId organization;                ///< the organization counted for spread
  bool shares_organization = false;  ///< another judge of the entry is from it too
  std::int64_t cost = 0;             ///< what this pair adds to the proposal's cost
};

/// A judge a hard rule kept off an entry.
struct Exclusion {
  JudgeId judge;       ///< the judge
  std::string rule;    ///< `panel.conflict`, `panel.expert_field`, `assignment.unavailable`
                       ///< or `assignment.org_spread`
  std::string reason;  ///< the refusal's sentence, as `assign` would give it
};

/// One entry of a proposal: its judges and why, and who was excluded and by which rule.
struct EntryAssignment {
  EntryId entry;                    ///< the entry
  std::vector<JudgeChoice> judges;  ///< every judge it ends with, by judge id
  std::vector<Exclusion> excluded;  ///< every judge a hard rule kept off it, by judge id
  std::uint32_t eligible = 0;       ///< judges no hard rule excluded (kept ones included)
};

/// A proposed assignment: the new pairs to record and, for each entry, the reasons.
///
///   kexie::AssignmentProposal p = kexie::propose_assignment(campaign, {}).value();
///   for (const kexie::AssignmentInput& pair : p.pairs) std::cout << pair.judge << ' ' <<
///   pair.entry;
struct AssignmentProposal {
  std::vector<AssignmentInput> pairs;    ///< new pairs, by entry then judge
  std::vector<EntryAssignment> entries;  ///< every entry, by entry id
  std::int64_t cost = 0;       ///< Σ expertise and availability costs of the new pairs, plus
                               ///< spread costs of every entry (kept judges counted)
  std::uint32_t min_load = 0;  ///< the load range used for judges without a declaration
  std::uint32_t max_load = 0;  ///< (kept pairs count towards a judge's load)
};

/// Proposes judges for every entry of `campaign` under `options`. Refusals:
/// `invalid_argument` for options that do not fit the panel (judges per entry outside
/// min..max, a min load above its max, an unknown or twice-declared judge);
/// `rule_violation` `assignment.load` when the declared loads cannot add up to the
/// seats needed; `rule_violation` `assignment.infeasible` (A12) when no assignment
/// meets the hard rules, naming the entries that cannot reach their judges (with
/// their excluded judges counted by rule) and the judges that cannot reach their
/// minimum load. Changes nothing.
/// \param campaign the campaign with its judges, entries and any pairs already assigned
/// \param options judges per entry, loads, availability, spread and the seed
/// \return the new pairs with each entry's reasons; or the refusal named above
///
///   kexie::AssignmentOptions o;
///   o.seed = 7;
///   auto proposal = kexie::propose_assignment(campaign, o);
///   if (!proposal) std::cerr << proposal.error() << '\n';
[[nodiscard]] KEXIE_API Result<AssignmentProposal> propose_assignment(
    const Campaign& campaign, const AssignmentOptions& options);

/// Records `proposal.pairs` by `Campaign::assign_all` (the path of `assign`), all or
/// nothing: a pair `assign` would refuse refuses the batch (the message says which
/// pair), nothing is recorded and every digest stays as it was. When `failed` is not
/// null, a refusal stores the refused pair's position there. Bare pairs (for instance
/// from an edited CSV file, `import_assignments`) go to `Campaign::assign_all` directly.
/// \param campaign the campaign the proposal was made for
/// \param proposal a proposal of `propose_assignment`
/// \param failed where to store the refused pair's 0-based position; may be null
/// \return ok when every pair is recorded; or the first refusal (nothing recorded)
///
///   kexie::apply(campaign, proposal).value();
[[nodiscard]] KEXIE_API Status apply(Campaign& campaign, const AssignmentProposal& proposal,
                                     std::size_t* failed = nullptr);

/// The cost `propose_assignment` gives `pairs` on top of the campaign's current
/// assignments (the same expertise, availability and spread costs), for comparing a
/// hand-made or greedy assignment with a proposal. `invalid_argument` as
/// `propose_assignment`, `not_found` for an unknown judge or entry.
/// \param campaign the campaign, with its current assignments
/// \param options the costs' parameters, as given to `propose_assignment`
/// \param pairs the extra (judge, entry) pairs to cost
/// \return the total cost (lower is better), in the proposal's integer units
///
///   std::int64_t mine = kexie::assignment_cost(campaign, options, my_pairs).value();
[[nodiscard]] KEXIE_API Result<std::int64_t> assignment_cost(
    const Campaign& campaign, const AssignmentOptions& options,
    std::span<const AssignmentInput> pairs);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_ASSIGNMENT_HPP
