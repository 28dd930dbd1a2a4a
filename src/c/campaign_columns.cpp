// The C API's columnar standings (issue 17, item 7): kexie::Campaign::standings()
// written into caller arrays, one column each, for bulk readers (numpy, the
// Python binding's buffers) that would otherwise pay a callback and a decimal
// string per entry.
#include <cstdint>
#include <string>
#include <vector>

#include "capi.hpp"
#include "handles.hpp"
#include "kexie/rubric.hpp"

namespace {
// kexie.h promises the totals at 14 places.
constexpr int kTotalScale = 14;
static_assert(kTotalScale == kexie::Rubric::kTotalScale, "kexie.h documents 14 places");
}  // namespace

int kx_campaign_standings_columns(const kx_campaign* campaign, size_t capacity, uint32_t* entries,
                                  int32_t* statuses, int64_t* totals, uint32_t* ranks,
                                  uint32_t* positions, size_t* count) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(campaign);
    KX_NEED(count);
    KX_TRY(kx::array_size(capacity, sizeof(std::int64_t), "capacity"));
    KX_TRY_ASSIGN(const std::vector<kexie::Standing> standings, campaign->campaign().standings());
    if (standings.size() > capacity) {
      return kx::invalid("capacity " + std::to_string(capacity) + " is below the " +
                         std::to_string(standings.size()) + " standings");
    }
    // The totals first: a total that does not fit refuses before any column is written.
    if (totals != nullptr) {
      for (const kexie::Standing& s : standings) {
        if (s.total.scale() != kTotalScale) {
          KX_TRY(s.total.rescaled(kTotalScale));
        }
      }
    }
    for (std::size_t i = 0; i < standings.size(); ++i) {
      const kexie::Standing& s = standings[i];
      if (entries != nullptr) entries[i] = s.entry.value();
      if (statuses != nullptr) statuses[i] = static_cast<std::int32_t>(s.status);
      if (totals != nullptr) {
        totals[i] = s.total.scale() == kTotalScale
                        ? s.total.coefficient()
                        : s.total.rescaled(kTotalScale).value().coefficient();
      }
      if (ranks != nullptr) ranks[i] = s.rank;
      if (positions != nullptr) positions[i] = s.position;
    }
    *count = standings.size();
    return KX_OK;
  });
}
