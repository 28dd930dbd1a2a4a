// The vector kernel of campaign scoring: for a batch of entries of one category
// whose judges all marked every column, the sums of the marks the aggregation
// keeps, per entry and column: SSE2 (4 entries a batch, every x86-64) or AVX2 (8,
// chosen once at run time when the CPU has it), with a scalar reference of the same
// arithmetic. Campaign scoring (campaign_scoring.cpp) turns the sums into totals;
// builds without SSE2 never batch. Internal.
#ifndef KEXIE_SRC_DETAIL_SCORE_KERNEL_HPP
#define KEXIE_SRC_DETAIL_SCORE_KERNEL_HPP

#include <cstddef>
#include <cstdint>

#if defined(__SSE2__) || defined(_M_X64)
#define KEXIE_SCORE_KERNEL_SSE2 1
#else
#define KEXIE_SCORE_KERNEL_SSE2 0
#endif

// The AVX2 kernel needs the GCC/Clang target attribute and __builtin_cpu_supports.
#if KEXIE_SCORE_KERNEL_SSE2 && (defined(__GNUC__) || defined(__clang__)) && \
    (defined(__x86_64__) || defined(__i386__))
#define KEXIE_SCORE_KERNEL_AVX2 1
#else
#define KEXIE_SCORE_KERNEL_AVX2 0
#endif

namespace kexie {
inline namespace v1 {
namespace detail {

/// True when this build has the SSE2 kernel, so scoring batches entries.
inline constexpr bool kBatches = KEXIE_SCORE_KERNEL_SSE2 != 0;
/// Entries in one SSE2 batch.
inline constexpr std::uint32_t kLanes = 4;
/// Entries in one AVX2 batch, the most of any kernel.
inline constexpr std::uint32_t kMaxLanes = 8;
/// The most cells (columns × panel width) of a batched entry.
inline constexpr std::uint32_t kMaxBatchCells = 256;

/// For the `kLanes` entries whose marks start at `entry[0..3]` (judge by judge: slot
/// k's mark on column c at `entry[j][k * columns + c]`, 4 places, absent marks as
/// kNoMark): per column, the sum of the first `n` slots less the lowest (`drop_low`)
/// and/or the highest (`drop_high`), written to `kept[lane * columns + col]`. Each
/// vector step takes one slot's marks on four columns side by side, so no entry is
/// transposed. Returns a mask of the lanes with a missing mark, whose sums mean
/// nothing. Needs `1 <= n`, `columns * n <= kMaxBatchCells`, marks within ±10^7.
///
///   std::int32_t kept[kLanes * 2];
///   unsigned missing = kept_sums(entry, 2, 3, true, false, kept);
///   // entry j, column c: kept[j * 2 + c] = sum of the 3 marks − the lowest
unsigned kept_sums(const std::int32_t* const* entry, std::uint32_t columns, std::uint32_t n,
                   bool drop_low, bool drop_high, std::int32_t* kept);

/// True when the AVX2 kernel is built in and this CPU runs it (checked once).
///
///   const std::uint32_t lanes = avx2_available() ? kMaxLanes : kLanes;
bool avx2_available() noexcept;

/// `kept_sums` for `kMaxLanes` entries at once with AVX2 (eight columns a step),
/// `kept[lane * columns + col]`; the same integers as the SSE2 and scalar kernels.
/// Call only when `avx2_available()`. Same preconditions as `kept_sums`.
///
///   std::int32_t kept[kMaxLanes * 2];
///   if (avx2_available()) missing = kept_sums_avx2(entry8, 2, 3, true, false, kept);
unsigned kept_sums_avx2(const std::int32_t* const* entry, std::uint32_t columns, std::uint32_t n,
                        bool drop_low, bool drop_high, std::int32_t* kept);

/// `kept_sums_avx2` and then, per lane, Σ over the columns of kept sum × `weight[col]`
/// (64-bit, exact), written to `weighted[lane]`: the judged part of a total whose
/// columns all keep the same number of marks, with the mean's factor applied once
/// after. Call only when `avx2_available()`. Same preconditions as `kept_sums`.
///
///   std::int64_t weighted[kMaxLanes];
///   missing = weighted_kept_sums_avx2(entry8, 2, 3, true, false, weights, weighted);
unsigned weighted_kept_sums_avx2(const std::int32_t* const* entry, std::uint32_t columns,
                                 std::uint32_t n, bool drop_low, bool drop_high,
                                 const std::int32_t* weight, std::int64_t* weighted);

/// A cell with no mark among the marks as steps (one byte a cell: the mark's step on
/// its column's scale, (mark − min) ÷ step, 0–254; see src/campaign_mark_steps.hpp).
inline constexpr std::uint8_t kNoStep = 255;

/// The step of `mark` on a column of lowest mark `min` and step `step`: (mark − min) ÷
/// step when that is a whole number of 0–254, else kNoStep (no mark, INT32_MIN, or one
/// a byte cannot hold). The reference of `encode_steps_avx2`.
///
///   assert(step_of(505'000, 0, 5'000) == 101 && step_of(INT32_MIN, 0, 5'000) == kNoStep);
[[nodiscard]] std::uint8_t step_of(std::int32_t mark, std::int32_t min, std::int32_t step) noexcept;

/// `out[c] = step_of(marks[c], min[c], step[c])` for c in [0, count), eight at a time
/// (`inverse[c]` = 1 ÷ step[c] as a float; marks within ±10^7 or INT32_MIN). Call only
/// when `avx2_available()`.
///
///   encode_steps_avx2(row, columns, cat_min, cat_step, inverse, out);
void encode_steps_avx2(const std::int32_t* marks, std::size_t count, const std::int32_t* min,
                       const std::int32_t* step, const float* inverse, std::uint8_t* out);

/// A category's columns as the kernels from steps read them, for one count `d` of
/// marks kept a column: column c's marks are min[c] + step[c] × their step, so its
/// kept sum is `base[c]` = d × min[c] (wrapped to 32 bits) + `step[c]` × the steps'
/// kept sum. Zero past the last column. Made once per kind of batch, not per call.
///
///   StepScales scales;
///   scales.set(columns, d, cat.col_min.data(), cat.col_step.data(), weights);
struct StepScales {
  std::uint32_t columns = 0;
  std::int32_t base[kMaxBatchCells + 8];
  std::int32_t step[kMaxBatchCells + 8];
  std::int32_t weight[kMaxBatchCells + 8];  // the judged columns' weights, or 0

  /// The scales of `columns` columns keeping `kept` marks each; `weight` may be null.
  void set(std::uint32_t columns, std::uint32_t kept, const std::int32_t* min,
           const std::int32_t* step, const std::int32_t* weight) noexcept;
};

/// `kept_sums_avx2` from the marks as steps: `entry[j]` points at the entry's cells a
/// byte each (same layout, kNoStep for none), read with `scales` (made for `n`,
/// `drop_low`, `drop_high`). Writes the same integers as `kept_sums_avx2` on the marks
/// themselves, reading a quarter of the bytes. Reads up to 7 bytes past an entry's
/// last cell. Call only when `avx2_available()`. Same preconditions as `kept_sums`,
/// and it keeps a mark: `n > drop_low + drop_high`.
///
///   missing = kept_sums_from_steps_avx2(steps8, 3, true, false, scales, kept);
unsigned kept_sums_from_steps_avx2(const std::uint8_t* const* entry, std::uint32_t n, bool drop_low,
                                   bool drop_high, const StepScales& scales, std::int32_t* kept);

/// `weighted_kept_sums_avx2` from the marks as steps (see `kept_sums_from_steps_avx2`),
/// with the weights of `scales`: the same 64-bit sums. Call only when
/// `avx2_available()`; same preconditions.
///
///   missing = weighted_kept_sums_from_steps_avx2(steps8, 3, true, false, scales, weighted);
unsigned weighted_kept_sums_from_steps_avx2(const std::uint8_t* const* entry, std::uint32_t n,
                                            bool drop_low, bool drop_high, const StepScales& scales,
                                            std::int64_t* weighted);

/// The reference: `kept_sums` for `lanes` entries, one mark at a time
/// (`kept[lane * columns + col]`, 64-bit sums wrapped to 32 bits as the vector
/// kernels wrap them). Same preconditions as `kept_sums`.
///
///   unsigned missing = kept_sums_scalar(entry, 4, 2, 3, true, false, kept);
unsigned kept_sums_scalar(const std::int32_t* const* entry, std::uint32_t lanes,
                          std::uint32_t columns, std::uint32_t n, bool drop_low, bool drop_high,
                          std::int32_t* kept);

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_DETAIL_SCORE_KERNEL_HPP
