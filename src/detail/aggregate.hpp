// The aggregation kernel shared by kexie::aggregate() and campaign scoring, so
// the explanation and the score can never disagree. Marks are 32-bit integers
// at 4 places; results are 64-bit integers at 6 places (half-even).
#ifndef KEXIE_SRC_DETAIL_AGGREGATE_HPP
#define KEXIE_SRC_DETAIL_AGGREGATE_HPP

#include <algorithm>
#include <cstdint>

#include "kexie/panel.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

/// Scale of stored marks and of aggregated values.
inline constexpr int kMarkScale = 4;
inline constexpr int kAggScale = 6;

/// n / d rounded half-even, d > 0.
inline std::int64_t div_half_even(std::int64_t n, std::int64_t d) noexcept {
  std::int64_t q = n / d;
  std::int64_t r = n % d;
  if (r < 0) {
    r = -r;
  }
  const std::int64_t twice = 2 * r;
  if (twice > d || (twice == d && (q % 2 != 0))) q += n < 0 ? -1 : 1;
  return q;
}

/// div_half_even for the small divisors a panel produces, with each divisor a
/// compile-time constant so the division becomes a multiplication.
#if defined(__GNUC__)
[[gnu::always_inline]]
#endif
inline std::int64_t
div_half_even_small(std::int64_t n, std::uint32_t d) noexcept {
  switch (d) {
    case 1:
      return n;
    case 2:
      return div_half_even(n, 2);
    case 3:
      return div_half_even(n, 3);
    case 4:
      return div_half_even(n, 4);
    case 5:
      return div_half_even(n, 5);
    case 6:
      return div_half_even(n, 6);
    case 7:
      return div_half_even(n, 7);
    case 8:
      return div_half_even(n, 8);
    case 9:
      return div_half_even(n, 9);
    default:
      return div_half_even(n, d);
  }
}

/// What the kernel kept: marks [lo, hi) of the sorted array, and the method applied.
struct Kept {
  std::uint32_t lo = 0, hi = 0;
  AggregationMethod applied = AggregationMethod::mean;
};

/// Sorts a handful of marks (insertion sort: n is the panel size, rarely above 15).
inline void sort_small(std::int32_t* v, std::uint32_t n) noexcept {
  for (std::uint32_t i = 1; i < n; ++i) {
    const std::int32_t x = v[i];
    std::uint32_t j = i;
    for (; j > 0 && v[j - 1] > x; --j) v[j] = v[j - 1];
    v[j] = x;
  }
}

/// Combines n >= 1 marks already sorted ascending; returns the value at 6 places.
inline std::int64_t aggregate_sorted(const std::int32_t* v, std::uint32_t n, const Aggregation& a,
                                     Kept& kept) noexcept {
  kept.lo = 0;
  kept.hi = n;
  kept.applied = AggregationMethod::mean;
  if (a.method == AggregationMethod::median) {
    kept.applied = AggregationMethod::median;
    if (n % 2 == 1) {
      kept.lo = n / 2;
      kept.hi = kept.lo + 1;
      return std::int64_t{v[n / 2]} * 100;
    }
    kept.lo = n / 2 - 1;
    kept.hi = n / 2 + 1;
    return (std::int64_t{v[n / 2 - 1]} + v[n / 2]) * 50;
  }
  if (a.method == AggregationMethod::trimmed_mean && n >= a.trim_from) {
    kept.lo = a.drop_low;
    kept.hi = n - a.drop_high;
    kept.applied = AggregationMethod::trimmed_mean;
  }
  std::int64_t sum = 0;
  for (std::uint32_t i = kept.lo; i < kept.hi; ++i) sum += v[i];
  return div_half_even_small(sum * 100, kept.hi - kept.lo);
}

/// The same value as sorting `v` and calling aggregate_sorted, without sorting for
/// the plain mean and for trimming at most one mark at each end (the default): the
/// kept sum is the total less the lowest and highest marks. `scratch` holds n values.
inline std::int64_t aggregate_unsorted(const std::int32_t* v, std::uint32_t n, const Aggregation& a,
                                       std::int32_t* scratch) noexcept {
  const bool trims = a.method == AggregationMethod::trimmed_mean && n >= a.trim_from;
  if (a.method != AggregationMethod::median && (!trims || (a.drop_low <= 1 && a.drop_high <= 1))) {
    std::int64_t sum = 0;
    std::int32_t lo = v[0], hi = v[0];
    for (std::uint32_t i = 0; i < n; ++i) {
      sum += v[i];
      lo = v[i] < lo ? v[i] : lo;
      hi = v[i] > hi ? v[i] : hi;
    }
    std::uint32_t count = n;
    if (trims) {
      sum -= a.drop_low ? lo : 0;
      sum -= a.drop_high ? hi : 0;
      count -= a.drop_low + a.drop_high;
    }
    return div_half_even_small(sum * 100, count);
  }
  std::copy(v, v + n, scratch);
  sort_small(scratch, n);
  Kept kept;
  return aggregate_sorted(scratch, n, a, kept);
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_DETAIL_AGGREGATE_HPP
