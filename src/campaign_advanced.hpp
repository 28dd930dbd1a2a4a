// Advanced units (先进单位) and advanced individuals (先进个人) of a scored campaign,
// from the tiers it awarded and its exact totals. Internal to Campaign::score.
#ifndef KEXIE_SRC_CAMPAIGN_ADVANCED_HPP
#define KEXIE_SRC_CAMPAIGN_ADVANCED_HPP

#include <cstdint>
#include <span>
#include <vector>

#include "kexie/campaign.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

struct CampaignImpl;

/// Tallies every entry of `s` by enterprise and team member and writes the advanced
/// units and individuals the spec's AwardScheme names, best first, into
/// `honoured_units` and `honoured_people` (cleared first). `tier_of[i]` is entry i's
/// tier index + 1, or 0 when it has none; `totals[i]` its total at Rubric::kTotalScale places. Sums
/// are exact (kexie::sum's results, errors included). Reads `s`'s HonoursIndex (its EntryRecords
/// only when a 128-bit tally cannot decide a sum) and keeps its scratch in the index when no other
/// call holds it; safe to run beside other readers. The rows of `honoured_people` are reused, with
/// their entry lists' storage. `overflow` (sum()'s or multiply()'s error, naming the unit or person
/// whose exact sum does not fit a decimal) leaves both lists empty.
Status advanced_honours(const CampaignImpl& s, std::span<const std::uint16_t> tier_of,
                        std::span<const std::int64_t> totals,
                        std::vector<AdvancedUnit>& honoured_units,
                        std::vector<AdvancedIndividual>& honoured_people);

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_CAMPAIGN_ADVANCED_HPP
