// The kernels of campaign scoring: the kept sums of four entries at once with
// SSE2, of eight with AVX2, and the scalar reference (see score_kernel.hpp).
#include "detail/score_kernel.hpp"

#include <algorithm>
#include <cstddef>

#if KEXIE_SCORE_KERNEL_SSE2
#include <emmintrin.h>
#endif
#if KEXIE_SCORE_KERNEL_AVX2
#include <immintrin.h>
#endif

namespace kexie {
inline namespace v1 {
namespace detail {

#if KEXIE_SCORE_KERNEL_SSE2
// For four entries of one category whose n judges all marked every column: per
// column and entry, the sum of the marks the aggregation keeps (all of them less
// the lowest and/or the highest). The entries are transposed so that each SSE lane
// follows one entry and every step is vertical. Returns a mask of the lanes with a
// missing mark, whose sums mean nothing. Min and max compare floats because SSE2 has
// no 32-bit integer min/max; that is exact, as marks are integers of at most 10^7 in
// magnitude (mark_units) and kNoMark is −2^31, all representable in a float.
unsigned kept_sums(const std::int32_t* const* entry, std::uint32_t columns, std::uint32_t width,
                   std::uint32_t n, bool drop_low, bool drop_high, std::int32_t* kept) {
  const std::uint32_t cells = columns * width;
  alignas(16) __m128i t[kMaxBatchCells];  // t[cell], lane j = entry[j][cell]
  std::uint32_t o = 0;
  for (; o + 4 <= cells; o += 4) {
    const __m128i r0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(entry[0] + o));
    const __m128i r1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(entry[1] + o));
    const __m128i r2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(entry[2] + o));
    const __m128i r3 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(entry[3] + o));
    const __m128i a = _mm_unpacklo_epi32(r0, r1), b = _mm_unpacklo_epi32(r2, r3);
    const __m128i c = _mm_unpackhi_epi32(r0, r1), d = _mm_unpackhi_epi32(r2, r3);
    t[o] = _mm_unpacklo_epi64(a, b);
    t[o + 1] = _mm_unpackhi_epi64(a, b);
    t[o + 2] = _mm_unpacklo_epi64(c, d);
    t[o + 3] = _mm_unpackhi_epi64(c, d);
  }
  for (; o < cells; ++o) t[o] = _mm_setr_epi32(entry[0][o], entry[1][o], entry[2][o], entry[3][o]);
  const __m128 floor = _mm_set1_ps(-10'000'000.0f);  // below every real mark
  __m128 missing = _mm_setzero_ps();
  for (std::uint32_t col = 0; col < columns; ++col) {
    const __m128i* v = t + static_cast<std::size_t>(col) * width;
    __m128i sum = v[0];  // at most 64 marks of 10^7: no overflow unless a mark is missing
    __m128 lo = _mm_cvtepi32_ps(v[0]);
    __m128 hi = lo;
    for (std::uint32_t k = 1; k < n; ++k) {
      const __m128 f = _mm_cvtepi32_ps(v[k]);
      lo = _mm_min_ps(lo, f);
      hi = _mm_max_ps(hi, f);
      sum = _mm_add_epi32(sum, v[k]);
    }
    missing = _mm_or_ps(missing, _mm_cmplt_ps(lo, floor));
    if (drop_low) sum = _mm_sub_epi32(sum, _mm_cvttps_epi32(lo));
    if (drop_high) sum = _mm_sub_epi32(sum, _mm_cvttps_epi32(hi));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(kept + static_cast<std::size_t>(col) * kLanes),
                     sum);
  }
  return static_cast<unsigned>(_mm_movemask_ps(missing));
}
#else
unsigned kept_sums(const std::int32_t* const*, std::uint32_t, std::uint32_t, std::uint32_t, bool,
                   bool, std::int32_t*) {
  return (1u << kLanes) - 1;  // never called: kBatches is false
}
#endif

#if KEXIE_SCORE_KERNEL_AVX2
bool avx2_available() noexcept {
  static const bool has = __builtin_cpu_supports("avx2") != 0;
  return has;
}

namespace {

// Transposes eight rows of eight 32-bit cells (r[j] = entry j's cells o..o+7) so
// that t[k] holds cell o + k of every entry, lane j = entry j.
__attribute__((target("avx2"))) inline void transpose8(const __m256i* r, __m256i* t) {
  const __m256i a0 = _mm256_unpacklo_epi32(r[0], r[1]), a1 = _mm256_unpackhi_epi32(r[0], r[1]);
  const __m256i a2 = _mm256_unpacklo_epi32(r[2], r[3]), a3 = _mm256_unpackhi_epi32(r[2], r[3]);
  const __m256i a4 = _mm256_unpacklo_epi32(r[4], r[5]), a5 = _mm256_unpackhi_epi32(r[4], r[5]);
  const __m256i a6 = _mm256_unpacklo_epi32(r[6], r[7]), a7 = _mm256_unpackhi_epi32(r[6], r[7]);
  // Per 128-bit half: entries 0–3 (b0…b3) and 4–7 (b4…b7) of cells k and k + 4.
  const __m256i b0 = _mm256_unpacklo_epi64(a0, a2), b1 = _mm256_unpackhi_epi64(a0, a2);
  const __m256i b2 = _mm256_unpacklo_epi64(a1, a3), b3 = _mm256_unpackhi_epi64(a1, a3);
  const __m256i b4 = _mm256_unpacklo_epi64(a4, a6), b5 = _mm256_unpackhi_epi64(a4, a6);
  const __m256i b6 = _mm256_unpacklo_epi64(a5, a7), b7 = _mm256_unpackhi_epi64(a5, a7);
  t[0] = _mm256_permute2x128_si256(b0, b4, 0x20);
  t[1] = _mm256_permute2x128_si256(b1, b5, 0x20);
  t[2] = _mm256_permute2x128_si256(b2, b6, 0x20);
  t[3] = _mm256_permute2x128_si256(b3, b7, 0x20);
  t[4] = _mm256_permute2x128_si256(b0, b4, 0x31);
  t[5] = _mm256_permute2x128_si256(b1, b5, 0x31);
  t[6] = _mm256_permute2x128_si256(b2, b6, 0x31);
  t[7] = _mm256_permute2x128_si256(b3, b7, 0x31);
}

// Loads eight entries' `cells` cells transposed: t[cell], lane j = entry[j][cell]
// (8 × 8 blocks, then the cells left over one at a time).
__attribute__((target("avx2"))) inline void transpose_batch(const std::int32_t* const* entry,
                                                            std::uint32_t cells, __m256i* t) {
  std::uint32_t o = 0;
  for (; o + 8 <= cells; o += 8) {
    __m256i r[8];
    for (std::uint32_t j = 0; j < 8; ++j) {
      r[j] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(entry[j] + o));
    }
    transpose8(r, t + o);
  }
  for (; o < cells; ++o) {
    t[o] = _mm256_setr_epi32(entry[0][o], entry[1][o], entry[2][o], entry[3][o], entry[4][o],
                             entry[5][o], entry[6][o], entry[7][o]);
  }
}

// One column's kept sum per lane from its slots v[0..n): all of them less the lowest
// and/or the highest. A lane whose lowest slot is kNoMark (INT32_MIN, below every real
// mark) is missing a mark: its bit is set in `missing`. At most 64 marks of 10^7: no
// overflow unless a mark is missing.
__attribute__((target("avx2"))) inline __m256i column_kept(const __m256i* v, std::uint32_t n,
                                                           bool drop_low, bool drop_high,
                                                           __m256i& missing) {
  __m256i sum = v[0];
  __m256i lo = v[0];
  __m256i hi = v[0];
  for (std::uint32_t k = 1; k < n; ++k) {
    lo = _mm256_min_epi32(lo, v[k]);
    hi = _mm256_max_epi32(hi, v[k]);
    sum = _mm256_add_epi32(sum, v[k]);
  }
  missing = _mm256_or_si256(missing, _mm256_cmpeq_epi32(lo, _mm256_set1_epi32(INT32_MIN)));
  if (drop_low) sum = _mm256_sub_epi32(sum, lo);
  if (drop_high) sum = _mm256_sub_epi32(sum, hi);
  return sum;
}

}  // namespace

// Eight entries a batch, transposed by 8 × 8 blocks so each lane follows one entry;
// AVX2 has 32-bit integer min and max, so no float detour. A lane is missing a mark
// when its lowest kept slot is kNoMark (INT32_MIN), below every real mark.
__attribute__((target("avx2"))) unsigned kept_sums_avx2(const std::int32_t* const* entry,
                                                        std::uint32_t columns, std::uint32_t width,
                                                        std::uint32_t n, bool drop_low,
                                                        bool drop_high, std::int32_t* kept) {
  const std::uint32_t cells = columns * width;
  alignas(32) __m256i t[kMaxBatchCells];  // t[cell], lane j = entry[j][cell]
  transpose_batch(entry, cells, t);
  __m256i missing = _mm256_setzero_si256();
  for (std::uint32_t col = 0; col < columns; ++col) {
    const __m256i sum =
        column_kept(t + static_cast<std::size_t>(col) * width, n, drop_low, drop_high, missing);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(kept + static_cast<std::size_t>(col) * 8), sum);
  }
  return static_cast<unsigned>(_mm256_movemask_ps(_mm256_castsi256_ps(missing)));
}

// The same sums, weighted and added per lane as they come: each column's kept sums
// times its weight in 64 bits (even lanes, then the odd ones shifted down), so the
// sums never leave the registers.
__attribute__((target("avx2"))) unsigned weighted_kept_sums_avx2(
    const std::int32_t* const* entry, std::uint32_t columns, std::uint32_t width, std::uint32_t n,
    bool drop_low, bool drop_high, const std::int32_t* weight, std::int64_t* weighted) {
  const std::uint32_t cells = columns * width;
  alignas(32) __m256i t[kMaxBatchCells];
  transpose_batch(entry, cells, t);
  __m256i missing = _mm256_setzero_si256();
  __m256i even = _mm256_setzero_si256(), odd = _mm256_setzero_si256();
  for (std::uint32_t col = 0; col < columns; ++col) {
    const __m256i sum =
        column_kept(t + static_cast<std::size_t>(col) * width, n, drop_low, drop_high, missing);
    const __m256i w = _mm256_set1_epi32(weight[col]);
    even = _mm256_add_epi64(even, _mm256_mul_epi32(sum, w));
    odd = _mm256_add_epi64(odd, _mm256_mul_epi32(_mm256_srli_epi64(sum, 32), w));
  }
  // even = lanes 0 2 | 4 6, odd = 1 3 | 5 7 (64-bit each): back to lane order.
  const __m256i a = _mm256_unpacklo_epi64(even, odd);  // 0 1 | 4 5
  const __m256i b = _mm256_unpackhi_epi64(even, odd);  // 2 3 | 6 7
  _mm256_storeu_si256(reinterpret_cast<__m256i*>(weighted), _mm256_permute2x128_si256(a, b, 0x20));
  _mm256_storeu_si256(reinterpret_cast<__m256i*>(weighted + 4),
                      _mm256_permute2x128_si256(a, b, 0x31));
  return static_cast<unsigned>(_mm256_movemask_ps(_mm256_castsi256_ps(missing)));
}
#else
bool avx2_available() noexcept { return false; }

unsigned kept_sums_avx2(const std::int32_t* const*, std::uint32_t, std::uint32_t, std::uint32_t,
                        bool, bool, std::int32_t*) {
  return (1u << kMaxLanes) - 1;  // never called: avx2_available() is false
}

unsigned weighted_kept_sums_avx2(const std::int32_t* const*, std::uint32_t, std::uint32_t,
                                 std::uint32_t, bool, bool, const std::int32_t*, std::int64_t*) {
  return (1u << kMaxLanes) - 1;  // never called: avx2_available() is false
}
#endif

unsigned kept_sums_scalar(const std::int32_t* const* entry, std::uint32_t lanes,
                          std::uint32_t columns, std::uint32_t width, std::uint32_t n,
                          bool drop_low, bool drop_high, std::int32_t* kept) {
  unsigned missing = 0;
  for (std::uint32_t lane = 0; lane < lanes; ++lane) {
    for (std::uint32_t col = 0; col < columns; ++col) {
      const std::int32_t* v = entry[lane] + static_cast<std::size_t>(col) * width;
      std::int64_t sum = 0;
      std::int32_t lo = v[0], hi = v[0];
      for (std::uint32_t k = 0; k < n; ++k) {
        sum += v[k];
        lo = std::min(lo, v[k]);
        hi = std::max(hi, v[k]);
      }
      if (lo == INT32_MIN) missing |= 1u << lane;
      if (drop_low) sum -= lo;
      if (drop_high) sum -= hi;
      kept[static_cast<std::size_t>(col) * lanes + lane] = static_cast<std::int32_t>(sum);
    }
  }
  return missing;
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie
