// Internal: the facts a campaign holds apart from its rules — entries, judges,
// assignments, marks and vetoes — read out of its state, in the order a document
// replays them, for the entries document's writer (documents layer), which may not
// reach the campaign's state header itself.
#ifndef KEXIE_SRC_CAMPAIGN_FACTS_HPP
#define KEXIE_SRC_CAMPAIGN_FACTS_HPP

#include <vector>

#include "kexie/campaign.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

/// What `Campaign::add_entry`, `add_judge`, `assign`, `mark` and `veto` recorded.
struct CampaignFacts {
  std::vector<EntrySpec> entries;            // EntryId n is entries[n - 1]
  std::vector<PersonId> judges;              // JudgeId n is judges[n - 1]
  std::vector<AssignmentInput> assignments;  // by entry, then judge id
  std::vector<MarkInput> marks;              // by entry, then judge, then indicator
  std::vector<VetoInput> vetoes;             // by entry, in the order recorded
};

/// The facts of `campaign`; marks spelt at the places of their indicator's scale
/// (step 0.5: "60.0", "88.5"; step 1: "5"), not the 4 places they are kept at.
///
///   CampaignFacts f = campaign_facts(campaign);
CampaignFacts campaign_facts(const Campaign& campaign);

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_CAMPAIGN_FACTS_HPP
