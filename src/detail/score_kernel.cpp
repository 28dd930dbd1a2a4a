// The SSE2 kernel of campaign scoring: the kept sums of four entries at once
// (see score_kernel.hpp).
#include "detail/score_kernel.hpp"

#include <cstddef>

#if KEXIE_SCORE_KERNEL_SSE2
#include <emmintrin.h>
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

}  // namespace detail
}  // namespace v1
}  // namespace kexie
