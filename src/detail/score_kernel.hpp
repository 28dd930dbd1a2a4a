// The vector kernel of campaign scoring: for four entries of one category whose
// judges all marked every column, the sums of the marks the aggregation keeps,
// computed with SSE2 one entry per lane. Campaign scoring (campaign_scoring.cpp)
// turns the sums into totals; builds without SSE2 never batch. Internal.
#ifndef KEXIE_SRC_DETAIL_SCORE_KERNEL_HPP
#define KEXIE_SRC_DETAIL_SCORE_KERNEL_HPP

#include <cstdint>

#if defined(__SSE2__) || defined(_M_X64)
#define KEXIE_SCORE_KERNEL_SSE2 1
#else
#define KEXIE_SCORE_KERNEL_SSE2 0
#endif

namespace kexie {
inline namespace v1 {
namespace detail {

/// True when this build has the SSE2 kernel, so scoring batches entries.
inline constexpr bool kBatches = KEXIE_SCORE_KERNEL_SSE2 != 0;
/// Entries in one batch (SSE lanes of 32 bits).
inline constexpr std::uint32_t kLanes = 4;
/// The most cells (columns × panel width) of a batched entry.
inline constexpr std::uint32_t kMaxBatchCells = 256;

/// For the `kLanes` entries whose marks start at `entry[0..3]` (each `columns`
/// × `width` cells, 4 places, absent marks as kNoMark): per column, the sum of
/// the first `n` slots less the lowest (`drop_low`) and/or the highest
/// (`drop_high`), written to `kept[col * kLanes + lane]`. Returns a mask of the
/// lanes with a missing mark, whose sums mean nothing. Needs
/// `columns * width <= kMaxBatchCells`, `1 <= n <= width`, marks within ±10^7.
///
///   std::int32_t kept[2 * kLanes];
///   unsigned missing = kept_sums(entry, 2, 3, 3, true, false, kept);
///   // lane j, column c: kept[c * kLanes + j] = sum of the 3 marks − the lowest
unsigned kept_sums(const std::int32_t* const* entry, std::uint32_t columns, std::uint32_t width,
                   std::uint32_t n, bool drop_low, bool drop_high, std::int32_t* kept);

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_DETAIL_SCORE_KERNEL_HPP
