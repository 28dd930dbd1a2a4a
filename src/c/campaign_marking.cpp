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
    // The scale is the batch's: checked once (from_coefficient's own refusal); each
    // coefficient then in range, else from_coefficient's refusal names it.
    if (count > 0) {
      if (auto d = kexie::Decimal::from_coefficient(0, scale); !d) {
        if (failed != nullptr) *failed = 0;
        return d.error();
      }
    }
    for (std::size_t i = 0; i < count; ++i) {
      const std::int64_t c = coefficients[i];
      if (c < -kexie::Decimal::kMaxCoefficient || c > kexie::Decimal::kMaxCoefficient) {
        if (failed != nullptr) *failed = i;
        return kexie::Decimal::from_coefficient(c, scale).error();
      }
      in.push_back({kexie::JudgeId{judges[i]}, kexie::EntryId{entries[i]}, indicators[i],
                    kexie::Decimal::unchecked(c, scale)});
    }
    return campaign->campaign().mark_all(in, kexie::Threads{threads}, failed);
  });
}
