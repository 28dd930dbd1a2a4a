// The kernels of campaign scoring: the kept sums of four entries a batch with SSE2,
// of eight with AVX2, and the scalar reference (see score_kernel.hpp). An entry's
// marks lie judge by judge (slot k's marks on every column side by side), so a vector
// holds one slot's marks on consecutive columns, and the lowest, highest and sum over
// the slots are vertical steps: the marks are read front to back, as the hardware
// prefetchers expect, and nothing is transposed.
#include "detail/score_kernel.hpp"

#include <algorithm>
#include <climits>
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

namespace {

// One column's kept sum from its first `n` slots (row stride `columns`), one mark at
// a time; whether a mark is missing (kNoMark, INT32_MIN, below every real mark).
// Wrapped to 32 bits as the vector kernels wrap it.
std::int32_t column_kept_scalar(const std::int32_t* v, std::uint32_t columns, std::uint32_t n,
                                bool drop_low, bool drop_high, bool& missing) {
  std::int64_t sum = 0;
  std::int32_t lo = v[0], hi = v[0];
  for (std::uint32_t k = 0; k < n; ++k) {
    const std::int32_t x = v[static_cast<std::size_t>(k) * columns];
    sum += x;
    lo = std::min(lo, x);
    hi = std::max(hi, x);
  }
  if (lo == INT32_MIN) missing = true;
  if (drop_low) sum -= lo;
  if (drop_high) sum -= hi;
  return static_cast<std::int32_t>(static_cast<std::uint32_t>(sum));
}

}  // namespace

std::uint8_t step_of(std::int32_t mark, std::int32_t min, std::int32_t step) noexcept {
  if (mark == INT32_MIN || mark < min || step <= 0) return kNoStep;
  const std::int64_t d = std::int64_t{mark} - min;
  return d % step == 0 && d / step < kNoStep ? static_cast<std::uint8_t>(d / step) : kNoStep;
}

#if KEXIE_SCORE_KERNEL_SSE2
// Four columns a step, one entry at a time. Min and max compare floats because SSE2
// has no 32-bit integer min/max; that is exact, as marks are integers of at most 10^7
// in magnitude (mark_units) and kNoMark is −2^31, all representable in a float. The
// columns left over (fewer than four) are summed one mark at a time.
unsigned kept_sums(const std::int32_t* const* entry, std::uint32_t columns, std::uint32_t n,
                   bool drop_low, bool drop_high, std::int32_t* kept) {
  const __m128 floor = _mm_set1_ps(-10'000'000.0f);  // below every real mark
  unsigned missing = 0;
  for (std::uint32_t lane = 0; lane < kLanes; ++lane) {
    const std::int32_t* e = entry[lane];
    std::int32_t* out = kept + static_cast<std::size_t>(lane) * columns;
    __m128 gap = _mm_setzero_ps();
    std::uint32_t c = 0;
    for (; c + 4 <= columns; c += 4) {
      const __m128i first = _mm_loadu_si128(reinterpret_cast<const __m128i*>(e + c));
      __m128i sum = first;  // at most 64 marks of 10^7: no overflow unless one is missing
      __m128 lo = _mm_cvtepi32_ps(first);
      __m128 hi = lo;
      for (std::uint32_t k = 1; k < n; ++k) {
        const __m128i v = _mm_loadu_si128(
            reinterpret_cast<const __m128i*>(e + static_cast<std::size_t>(k) * columns + c));
        const __m128 f = _mm_cvtepi32_ps(v);
        lo = _mm_min_ps(lo, f);
        hi = _mm_max_ps(hi, f);
        sum = _mm_add_epi32(sum, v);
      }
      gap = _mm_or_ps(gap, _mm_cmplt_ps(lo, floor));
      if (drop_low) sum = _mm_sub_epi32(sum, _mm_cvttps_epi32(lo));
      if (drop_high) sum = _mm_sub_epi32(sum, _mm_cvttps_epi32(hi));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + c), sum);
    }
    bool absent = _mm_movemask_ps(gap) != 0;
    for (; c < columns; ++c)
      out[c] = column_kept_scalar(e + c, columns, n, drop_low, drop_high, absent);
    if (absent) missing |= 1u << lane;
  }
  return missing;
}
#else
unsigned kept_sums(const std::int32_t* const*, std::uint32_t, std::uint32_t, bool, bool,
                   std::int32_t*) {
  return (1u << kLanes) - 1;  // never called: kBatches is false
}
#endif

#if KEXIE_SCORE_KERNEL_AVX2
bool avx2_available() noexcept {
  static const bool has = __builtin_cpu_supports("avx2") != 0;
  return has;
}

namespace {

// The lanes of a step of eight columns starting at column c that are columns
// (all-ones), for masked loads and stores of the last step.
__attribute__((target("avx2"))) inline __m256i column_mask(std::uint32_t columns, std::uint32_t c) {
  const __m256i index = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  return _mm256_cmpgt_epi32(_mm256_set1_epi32(static_cast<int>(columns - c)), index);
}

// Eight cells from `at`: all of them when `whole`, else those `mask` selects (the
// others read as 0, and nothing past them is touched).
__attribute__((target("avx2"))) inline __m256i load_step(const std::int32_t* at, __m256i mask,
                                                         bool whole) {
  return whole ? _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at))
               : _mm256_maskload_epi32(at, mask);
}

// Two entries' four 64-bit sums added pairwise: (a0 + a1, b0 + b1 | a2 + a3, b2 + b3).
__attribute__((target("avx2"))) inline __m256i add_pairs(__m256i a, __m256i b) {
  return _mm256_add_epi64(_mm256_unpacklo_epi64(a, b), _mm256_unpackhi_epi64(a, b));
}

// The eight entries' four 64-bit sums each (`part`) added across into `weighted`:
// pairs of entries, then the 128-bit halves (entries 0–3 in `low`, 4–7 in `high`).
__attribute__((target("avx2"))) inline void store_weighted(const __m256i* part,
                                                           std::int64_t* weighted) {
  const __m256i p01 = add_pairs(part[0], part[1]), p23 = add_pairs(part[2], part[3]);
  const __m256i p45 = add_pairs(part[4], part[5]), p67 = add_pairs(part[6], part[7]);
  const __m256i low = _mm256_add_epi64(_mm256_permute2x128_si256(p01, p23, 0x20),
                                       _mm256_permute2x128_si256(p01, p23, 0x31));
  const __m256i high = _mm256_add_epi64(_mm256_permute2x128_si256(p45, p67, 0x20),
                                        _mm256_permute2x128_si256(p45, p67, 0x31));
  _mm256_storeu_si256(reinterpret_cast<__m256i*>(weighted), low);
  _mm256_storeu_si256(reinterpret_cast<__m256i*>(weighted + 4), high);
}

// The kept sums of columns c…c + 7 of one entry (`mask`: which of them exist; the
// others read as 0 and keep 0), and whether a mark among them is missing (its
// lowest is kNoMark, INT32_MIN, below every real mark).
__attribute__((target("avx2"))) inline __m256i step_kept(const std::int32_t* e,
                                                         std::uint32_t columns, std::uint32_t c,
                                                         std::uint32_t n, bool drop_low,
                                                         bool drop_high, __m256i mask, bool whole,
                                                         __m256i& missing) {
  const __m256i first = load_step(e + c, mask, whole);
  __m256i sum = first, lo = first, hi = first;
  for (std::uint32_t k = 1; k < n; ++k) {
    const __m256i v = load_step(e + static_cast<std::size_t>(k) * columns + c, mask, whole);
    lo = _mm256_min_epi32(lo, v);
    hi = _mm256_max_epi32(hi, v);
    sum = _mm256_add_epi32(sum, v);  // at most 64 marks of 10^7: no overflow unless missing
  }
  missing = _mm256_or_si256(missing, _mm256_cmpeq_epi32(lo, _mm256_set1_epi32(INT32_MIN)));
  if (drop_low) sum = _mm256_sub_epi32(sum, lo);
  if (drop_high) sum = _mm256_sub_epi32(sum, hi);
  return sum;
}

}  // namespace

__attribute__((target("avx2"))) unsigned kept_sums_avx2(const std::int32_t* const* entry,
                                                        std::uint32_t columns, std::uint32_t n,
                                                        bool drop_low, bool drop_high,
                                                        std::int32_t* kept) {
  unsigned missing = 0;
  for (std::uint32_t lane = 0; lane < kMaxLanes; ++lane) {
    std::int32_t* out = kept + static_cast<std::size_t>(lane) * columns;
    __m256i gap = _mm256_setzero_si256();
    for (std::uint32_t c = 0; c < columns; c += 8) {
      const bool whole = c + 8 <= columns;
      const __m256i mask = column_mask(columns, c);
      const __m256i sum =
          step_kept(entry[lane], columns, c, n, drop_low, drop_high, mask, whole, gap);
      if (whole) {
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + c), sum);
      } else {
        _mm256_maskstore_epi32(out + c, mask, sum);
      }
    }
    if (!_mm256_testz_si256(gap, gap)) missing |= 1u << lane;
  }
  return missing;
}

// Each entry's kept sums times the weights in 64 bits (even columns, then the odd
// ones shifted down) add up in four 64-bit lanes; the eight entries' four lanes are
// then added across in three steps.
__attribute__((target("avx2"))) unsigned weighted_kept_sums_avx2(
    const std::int32_t* const* entry, std::uint32_t columns, std::uint32_t n, bool drop_low,
    bool drop_high, const std::int32_t* weight, std::int64_t* weighted) {
  unsigned missing = 0;
  __m256i part[kMaxLanes];  // per entry: four 64-bit sums of products
  for (std::uint32_t lane = 0; lane < kMaxLanes; ++lane) {
    __m256i gap = _mm256_setzero_si256();
    __m256i acc = _mm256_setzero_si256();
    for (std::uint32_t c = 0; c < columns; c += 8) {
      const bool whole = c + 8 <= columns;
      const __m256i mask = column_mask(columns, c);
      const __m256i sum =
          step_kept(entry[lane], columns, c, n, drop_low, drop_high, mask, whole, gap);
      const __m256i w = whole ? _mm256_loadu_si256(reinterpret_cast<const __m256i*>(weight + c))
                              : _mm256_maskload_epi32(weight + c, mask);
      acc = _mm256_add_epi64(acc, _mm256_mul_epi32(sum, w));
      acc = _mm256_add_epi64(
          acc, _mm256_mul_epi32(_mm256_srli_epi64(sum, 32), _mm256_srli_epi64(w, 32)));
    }
    part[lane] = acc;
    if (!_mm256_testz_si256(gap, gap)) missing |= 1u << lane;
  }
  store_weighted(part, weighted);
  return missing;
}

namespace {

// One slot's steps of four entries at cell `at` of each, [e0 | e1 || e2 | e3] (8 bytes
// each; the bytes `bytes` does not select read as 0 unless `whole`).
__attribute__((target("avx2"))) inline __m256i four_rows(const std::uint8_t* const* e,
                                                         std::size_t at, __m256i bytes,
                                                         bool whole) {
  const __m128i ab = _mm_castpd_si128(
      _mm_loadh_pd(_mm_castsi128_pd(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(e[0] + at))),
                   reinterpret_cast<const double*>(e[1] + at)));
  const __m128i cd = _mm_castpd_si128(
      _mm_loadh_pd(_mm_castsi128_pd(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(e[2] + at))),
                   reinterpret_cast<const double*>(e[3] + at)));
  const __m256i v = _mm256_inserti128_si256(_mm256_castsi128_si256(ab), cd, 1);
  return whole ? v : _mm256_and_si256(v, bytes);
}

// Eight kept sums of steps (16 bits each) as mark units: base + step × kept.
__attribute__((target("avx2"))) inline __m256i step_units(__m128i kept, __m256i base,
                                                          __m256i step) {
  return _mm256_add_epi32(base, _mm256_mullo_epi32(_mm256_cvtepu16_epi32(kept), step));
}

// `step_kept` from the marks as steps (one byte a cell, kNoStep for none), for four
// entries at once: columns c…c + 7 of entries e[0…3], one slot's steps of all four in
// one vector ([e0 | e1 || e2 | e3], 8 bytes each), so a vector step takes four entries.
// The steps add in 16 bits (at most 256 marks of 254), and a kept sum of d marks on a
// column of lowest mark `min` and step `step` is d × min + step × (its steps' kept
// sum): the same integer, wrapped to 32 bits, as step_kept's from the marks
// themselves. `bytes`: which bytes of each 8 are columns (the others read as 0), or
// all when `whole`. Writes each entry's eight kept sums to out[0…3]; returns which
// entries miss a mark (bit j for entry j). Reads 8 bytes from each row of an entry,
// up to 7 past its last cell.
__attribute__((target("avx2"))) inline unsigned kept_four_from_steps(
    const std::uint8_t* const* e, std::uint32_t columns, std::uint32_t c, std::uint32_t n,
    bool drop_low, bool drop_high, __m256i bytes, bool whole, __m256i base, __m256i step,
    __m256i* out) {
  const __m256i zero = _mm256_setzero_si256();
  const __m256i first = four_rows(e, c, bytes, whole);
  __m256i lo = first, hi = first;
  __m256i even = _mm256_unpacklo_epi8(first, zero);  // e0 || e2, 16 bits a column
  __m256i odd = _mm256_unpackhi_epi8(first, zero);   // e1 || e3
  for (std::uint32_t k = 1; k < n; ++k) {
    const __m256i v = four_rows(e, static_cast<std::size_t>(k) * columns + c, bytes, whole);
    lo = _mm256_min_epu8(lo, v);
    hi = _mm256_max_epu8(hi, v);
    even = _mm256_add_epi16(even, _mm256_unpacklo_epi8(v, zero));
    odd = _mm256_add_epi16(odd, _mm256_unpackhi_epi8(v, zero));
  }
  if (drop_low) {
    even = _mm256_sub_epi16(even, _mm256_unpacklo_epi8(lo, zero));
    odd = _mm256_sub_epi16(odd, _mm256_unpackhi_epi8(lo, zero));
  }
  if (drop_high) {
    even = _mm256_sub_epi16(even, _mm256_unpacklo_epi8(hi, zero));
    odd = _mm256_sub_epi16(odd, _mm256_unpackhi_epi8(hi, zero));
  }
  out[0] = step_units(_mm256_castsi256_si128(even), base, step);
  out[1] = step_units(_mm256_castsi256_si128(odd), base, step);
  out[2] = step_units(_mm256_extracti128_si256(even, 1), base, step);
  out[3] = step_units(_mm256_extracti128_si256(odd, 1), base, step);
  // kNoStep (255) is above every step: an entry misses a mark when its highest does.
  const auto gap = static_cast<std::uint32_t>(
      _mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, _mm256_set1_epi8(static_cast<char>(kNoStep)))));
  unsigned missing = 0;
  for (unsigned j = 0; j < 4; ++j) {
    if ((gap >> (8 * j)) & 0xFFU) missing |= 1U << j;
  }
  return missing;
}

// Which bytes of each 8 of a four-entry vector step starting at column c are columns.
__attribute__((target("avx2"))) inline __m256i column_bytes(std::uint32_t columns,
                                                            std::uint32_t c) {
  const __m256i index = _mm256_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3,
                                         4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7);
  const auto left = static_cast<char>(std::min<std::uint32_t>(columns - c, 8));
  return _mm256_cmpgt_epi8(_mm256_set1_epi8(left), index);
}

// Columns c…c + 7 of four entries from their steps, with the scales' base and step.
__attribute__((target("avx2"))) inline unsigned scaled_four(const std::uint8_t* const* e,
                                                            const StepScales& scales,
                                                            std::uint32_t n, bool drop_low,
                                                            bool drop_high, std::uint32_t c,
                                                            __m256i* sum) {
  const std::uint32_t columns = scales.columns;
  const bool whole = c + 8 <= columns;
  return kept_four_from_steps(e, columns, c, n, drop_low, drop_high,
                              whole ? _mm256_setzero_si256() : column_bytes(columns, c), whole,
                              _mm256_loadu_si256(reinterpret_cast<const __m256i*>(scales.base + c)),
                              _mm256_loadu_si256(reinterpret_cast<const __m256i*>(scales.step + c)),
                              sum);
}

}  // namespace

__attribute__((target("avx2"))) unsigned kept_sums_from_steps_avx2(const std::uint8_t* const* entry,
                                                                   std::uint32_t n, bool drop_low,
                                                                   bool drop_high,
                                                                   const StepScales& scales,
                                                                   std::int32_t* kept) {
  const std::uint32_t columns = scales.columns;
  unsigned missing = 0;
  for (std::uint32_t four = 0; four < kMaxLanes; four += 4) {
    for (std::uint32_t c = 0; c < columns; c += 8) {
      __m256i sum[4];
      missing |= scaled_four(entry + four, scales, n, drop_low, drop_high, c, sum) << four;
      for (std::uint32_t lane = 0; lane < 4; ++lane) {
        std::int32_t* out = kept + static_cast<std::size_t>(four + lane) * columns + c;
        if (c + 8 <= columns) {
          _mm256_storeu_si256(reinterpret_cast<__m256i*>(out), sum[lane]);
        } else {
          _mm256_maskstore_epi32(out, column_mask(columns, c), sum[lane]);
        }
      }
    }
  }
  return missing;
}

__attribute__((target("avx2"))) unsigned weighted_kept_sums_from_steps_avx2(
    const std::uint8_t* const* entry, std::uint32_t n, bool drop_low, bool drop_high,
    const StepScales& scales, std::int64_t* weighted) {
  const std::uint32_t columns = scales.columns;
  unsigned missing = 0;
  __m256i part[kMaxLanes];  // per entry: four 64-bit sums of products
  for (__m256i& p : part) p = _mm256_setzero_si256();
  for (std::uint32_t c = 0; c < columns; c += 8) {
    const __m256i w = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(scales.weight + c));
    const __m256i w_odd = _mm256_srli_epi64(w, 32);
    for (std::uint32_t four = 0; four < kMaxLanes; four += 4) {
      __m256i sum[4];
      missing |= scaled_four(entry + four, scales, n, drop_low, drop_high, c, sum) << four;
      for (std::uint32_t lane = 0; lane < 4; ++lane) {
        __m256i& acc = part[four + lane];
        acc = _mm256_add_epi64(acc, _mm256_mul_epi32(sum[lane], w));
        acc = _mm256_add_epi64(acc, _mm256_mul_epi32(_mm256_srli_epi64(sum[lane], 32), w_odd));
      }
    }
  }
  store_weighted(part, weighted);
  return missing;
}
__attribute__((target("avx2"))) void encode_steps_avx2(const std::int32_t* marks, std::size_t count,
                                                       const std::int32_t* min,
                                                       const std::int32_t* step,
                                                       const float* inverse, std::uint8_t* out) {
  std::size_t c = 0;
  const __m256i none = _mm256_set1_epi32(kNoStep);
  for (; c + 8 <= count; c += 8) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(marks + c));
    const __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(min + c));
    const __m256i st = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(step + c));
    // d = v − min, exact in 32 bits for marks within ±10^7 (kNoMark gives garbage,
    // refused below); q = d ÷ step rounded in floats, then checked by multiplying back.
    const __m256i d = _mm256_sub_epi32(v, lo);
    const __m256 f = _mm256_mul_ps(_mm256_cvtepi32_ps(d), _mm256_loadu_ps(inverse + c));
    const __m256i q =
        _mm256_cvttps_epi32(_mm256_round_ps(f, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
    const __m256i exact = _mm256_cmpeq_epi32(_mm256_mullo_epi32(q, st), d);
    const __m256i in_range =
        _mm256_andnot_si256(_mm256_or_si256(_mm256_cmpgt_epi32(_mm256_setzero_si256(), q),
                                            _mm256_cmpgt_epi32(q, _mm256_set1_epi32(kNoStep - 1))),
                            _mm256_cmpgt_epi32(v, _mm256_set1_epi32(INT32_MIN)));
    const __m256i code = _mm256_blendv_epi8(none, q, _mm256_and_si256(exact, in_range));
    // Eight 32-bit codes (0–255) to eight bytes.
    const __m128i words =
        _mm_packus_epi32(_mm256_castsi256_si128(code), _mm256_extracti128_si256(code, 1));
    _mm_storel_epi64(reinterpret_cast<__m128i*>(out + c), _mm_packus_epi16(words, words));
  }
  for (; c < count; ++c) out[c] = step_of(marks[c], min[c], step[c]);
}

#else
bool avx2_available() noexcept { return false; }

unsigned kept_sums_avx2(const std::int32_t* const*, std::uint32_t, std::uint32_t, bool, bool,
                        std::int32_t*) {
  return (1u << kMaxLanes) - 1;  // never called: avx2_available() is false
}

unsigned weighted_kept_sums_avx2(const std::int32_t* const*, std::uint32_t, std::uint32_t, bool,
                                 bool, const std::int32_t*, std::int64_t*) {
  return (1u << kMaxLanes) - 1;  // never called: avx2_available() is false
}
void encode_steps_avx2(const std::int32_t* marks, std::size_t count, const std::int32_t* min,
                       const std::int32_t* step, const float*, std::uint8_t* out) {
  for (std::size_t c = 0; c < count; ++c) out[c] = step_of(marks[c], min[c], step[c]);
}

unsigned kept_sums_from_steps_avx2(const std::uint8_t* const*, std::uint32_t, bool, bool,
                                   const StepScales&, std::int32_t*) {
  return (1u << kMaxLanes) - 1;  // never called: avx2_available() is false
}

unsigned weighted_kept_sums_from_steps_avx2(const std::uint8_t* const*, std::uint32_t, bool, bool,
                                            const StepScales&, std::int64_t*) {
  return (1u << kMaxLanes) - 1;  // never called: avx2_available() is false
}
#endif

void StepScales::set(std::uint32_t column_count, std::uint32_t kept, const std::int32_t* min,
                     const std::int32_t* step_of, const std::int32_t* weight_of) noexcept {
  columns = column_count;
  for (std::uint32_t c = 0; c < kMaxBatchCells + 8; ++c) {
    const bool is = c < columns;
    // d × min wraps to 32 bits as the kernels on the marks wrap their sums.
    base[c] = is ? static_cast<std::int32_t>(kept * static_cast<std::uint32_t>(min[c])) : 0;
    step[c] = is ? step_of[c] : 0;
    weight[c] = is && weight_of != nullptr ? weight_of[c] : 0;
  }
}

unsigned kept_sums_scalar(const std::int32_t* const* entry, std::uint32_t lanes,
                          std::uint32_t columns, std::uint32_t n, bool drop_low, bool drop_high,
                          std::int32_t* kept) {
  unsigned missing = 0;
  for (std::uint32_t lane = 0; lane < lanes; ++lane) {
    bool absent = false;
    for (std::uint32_t col = 0; col < columns; ++col) {
      kept[static_cast<std::size_t>(lane) * columns + col] =
          column_kept_scalar(entry[lane] + col, columns, n, drop_low, drop_high, absent);
    }
    if (absent) missing |= 1u << lane;
  }
  return missing;
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie
