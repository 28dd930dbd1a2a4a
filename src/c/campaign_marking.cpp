// The C API's marks as columns (issue 17 items 4 and 7): kx_campaign_mark_columns_threads,
// over Campaign::mark_all(marks, Threads, failed); kx_campaign_mark_columns is its one-thread
// form.
#include <vector>

#include "capi.hpp"
#include "handles.hpp"

int kx_campaign_mark_columns_threads(kx_campaign* campaign, size_t count, const uint32_t* judges,
                                     const uint32_t* entries, const uint32_t* indicators,
                                     const int64_t* coefficients, int scale, uint32_t threads,
                                     size_t* failed) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(campaign);
    if (count > 0) {
      KX_NEED(judges);
      KX_NEED(entries);
      KX_NEED(indicators);
      KX_NEED(coefficients);
    }
    KX_TRY(kx::array_size(count, sizeof(kexie::detail::IndexedMark), "count"));
    std::vector<kexie::detail::IndexedMark> in;
    in.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      kexie::Result<kexie::Decimal> d = kexie::Decimal::from_coefficient(coefficients[i], scale);
      if (!d) {
        if (failed != nullptr) *failed = i;
        return d.error();
      }
      in.push_back({kexie::JudgeId{judges[i]}, kexie::EntryId{entries[i]}, indicators[i], *d});
    }
    return campaign->campaign().mark_all(in, kexie::Threads{threads}, failed);
  });
}
