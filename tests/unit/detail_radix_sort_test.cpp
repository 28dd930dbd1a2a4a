// Tests for src/detail/radix_sort.hpp, the sorts that rank a campaign: both
// radix sorts agree with std::stable_sort on random, tied and extreme keys
// (stability included, since ranking relies on it to keep equal totals in
// application-number order), the threaded sort gives the one-thread result for
// every thread count and size, and inverse_mod_2_64 inverts every odd number.
#include "detail/radix_sort.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <vector>

namespace {

using kexie::detail::inverse_mod_2_64;
using kexie::detail::radix_sort_bits;
using kexie::detail::sort_by_total;

// What sort_by_total must produce: indices by total, highest first, ties in input order.
std::vector<std::uint32_t> reference_order(const std::vector<std::uint32_t>& idx,
                                           const std::vector<std::int64_t>& totals) {
  std::vector<std::uint32_t> out = idx;
  std::stable_sort(out.begin(), out.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return totals[a] > totals[b]; });
  return out;
}

void expect_sorted_by_total(std::vector<std::uint32_t> idx,
                            const std::vector<std::int64_t>& totals) {
  const std::vector<std::uint32_t> want = reference_order(idx, totals);
  std::vector<std::uint64_t> keys;
  sort_by_total(idx, totals, keys);
  EXPECT_EQ(idx, want);
  ASSERT_EQ(keys.size(), idx.size());
  for (std::size_t k = 0; k < idx.size(); ++k) {
    // The key gives the total back, and equal keys mean equal totals.
    EXPECT_EQ(static_cast<std::int64_t>(~keys[k] ^ (std::uint64_t{1} << 63)), totals[idx[k]]);
    if (k > 0) {
      EXPECT_EQ(keys[k] == keys[k - 1], totals[idx[k]] == totals[idx[k - 1]]);
    }
  }
}

TEST(RadixSort, SortByTotalMatchesStableSortOnRandomTotals) {
  std::mt19937_64 rng(12);
  for (const std::int64_t spread :
       {std::int64_t{3}, std::int64_t{1} << 20, std::int64_t{1} << 62}) {
    std::uniform_int_distribution<std::int64_t> draw(-spread, spread);
    std::vector<std::int64_t> totals(5000);
    for (std::int64_t& t : totals) t = draw(rng);
    std::vector<std::uint32_t> idx(totals.size());
    std::iota(idx.begin(), idx.end(), 0u);
    std::shuffle(idx.begin(), idx.end(), rng);
    idx.resize(3000);  // a group: some of the entries, in any order
    expect_sorted_by_total(idx, totals);
  }
}

TEST(RadixSort, SortByTotalKeepsTiesInInputOrderAndHandlesExtremes) {
  const std::vector<std::int64_t> totals{
      5, 9,  5, std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max(),
      0, -1, 5};
  expect_sorted_by_total({7, 0, 1, 2, 3, 4, 5, 6}, totals);
  std::vector<std::uint32_t> idx{0, 1, 2};
  std::vector<std::uint64_t> keys;
  sort_by_total(idx, {5, 9, 5}, keys);
  EXPECT_EQ(idx, (std::vector<std::uint32_t>{1, 0, 2}));
}

TEST(RadixSort, SortByTotalOfNothingOrOne) {
  expect_sorted_by_total({}, {});
  expect_sorted_by_total({0}, {42});
}

TEST(RadixSort, SortBitsSortsOnItsFieldOnlyAndStably) {
  std::mt19937_64 rng(7);
  std::size_t k = 0;
  for (const std::pair<int, int>& field_bits :
       {std::pair{0, 64}, std::pair{20, 44}, std::pair{13, 1}, std::pair{4, 30},
        std::pair{40, 24}}) {
    const int low = field_bits.first, bits = field_bits.second;  // lambdas capture these
    std::vector<std::uint64_t> a(4000);
    // Field values drawn from a few, so stability is tested on many ties; the
    // bits below the field carry a payload that must ride along.
    const std::uint64_t below = low == 0 ? 0 : (std::uint64_t{1} << low) - 1;
    for (std::uint64_t& x : a) {
      const std::uint64_t value = k % 2 == 0 ? rng() % 37 : rng();
      x = (low + bits >= 64 ? value << low
                            : (value << low) & ((std::uint64_t{1} << (low + bits)) - 1)) |
          (rng() & below);
      ++k;
    }
    const auto field = [&](std::uint64_t x) {
      const std::uint64_t shifted = x >> low;
      return bits >= 64 ? shifted : shifted & ((std::uint64_t{1} << bits) - 1);
    };
    std::vector<std::uint64_t> want = a;
    std::stable_sort(want.begin(), want.end(),
                     [&](std::uint64_t x, std::uint64_t y) { return field(x) < field(y); });
    std::vector<std::uint64_t> tmp;
    radix_sort_bits(a, tmp, low, bits);
    EXPECT_EQ(a, want) << "low " << low << ", bits " << bits;
  }
}

TEST(RadixSort, SortBitsExamplesAndNoOps) {
  std::vector<std::uint64_t> a{0x31, 0x10, 0x21}, tmp;
  radix_sort_bits(a, tmp, 4, 4);
  EXPECT_EQ(a, (std::vector<std::uint64_t>{0x10, 0x21, 0x31}));
  std::vector<std::uint64_t> b{3, 1, 2};
  radix_sort_bits(b, tmp, 0, 0);  // no bits: nothing moves
  EXPECT_EQ(b, (std::vector<std::uint64_t>{3, 1, 2}));
  std::vector<std::uint64_t> one{9};
  radix_sort_bits(one, tmp, 0, 8);
  EXPECT_EQ(one, std::vector<std::uint64_t>{9});
}

TEST(RadixSort, ThreadedSortBitsIsTheStableSortForEveryThreadCount) {
  std::mt19937_64 rng(17);
  // Parts of at least 64 words: sizes around the part boundaries of 2, 3 and 7 parts,
  // empty and single arrays, many ties (a field of a few values) and wide fields
  // (several passes, some with one digit value only).
  for (const std::size_t n :
       {std::size_t{0}, std::size_t{1}, std::size_t{63}, std::size_t{64}, std::size_t{127},
        std::size_t{128}, std::size_t{129}, std::size_t{191}, std::size_t{192}, std::size_t{193},
        std::size_t{449}, std::size_t{5000}}) {
    for (const std::pair<int, int>& field :
         {std::pair{20, 15}, std::pair{0, 64}, std::pair{13, 30}, std::pair{8, 3}}) {
      const int low = field.first, bits = field.second;
      std::vector<std::uint64_t> a(n);
      for (std::size_t k = 0; k < n; ++k) {
        const std::uint64_t value = k % 3 == 0 ? rng() % 5 : rng();
        const std::uint64_t payload = low == 0 ? 0 : k & ((std::uint64_t{1} << low) - 1);
        a[k] = (low + bits >= 64 ? value << low
                                 : (value << low) & ((std::uint64_t{1} << (low + bits)) - 1)) |
               payload;
      }
      const auto field_of = [&](std::uint64_t x) {
        const std::uint64_t shifted = x >> low;
        return bits >= 64 ? shifted : shifted & ((std::uint64_t{1} << bits) - 1);
      };
      std::vector<std::uint64_t> want = a;
      std::stable_sort(want.begin(), want.end(), [&](std::uint64_t x, std::uint64_t y) {
        return field_of(x) < field_of(y);
      });
      for (const unsigned threads : {1u, 2u, 3u, 7u, std::numeric_limits<unsigned>::max()}) {
        std::vector<std::uint64_t> got = a, scratch;
        radix_sort_bits(got, scratch, low, bits, threads, 64);
        EXPECT_EQ(got, want) << "n " << n << ", low " << low << ", bits " << bits << ", threads "
                             << threads;
      }
    }
  }
  // Every key equal: nothing moves, whatever the parts.
  std::vector<std::uint64_t> same(1000, std::uint64_t{5} << 20), tmp;
  for (std::size_t k = 0; k < same.size(); ++k) same[k] |= k;
  const std::vector<std::uint64_t> before = same;
  radix_sort_bits(same, tmp, 20, 12, 3, 64);
  EXPECT_EQ(same, before);
}

static_assert(inverse_mod_2_64(1) == 1);
static_assert(inverse_mod_2_64(3) * 3 == 1);
static_assert(21 * inverse_mod_2_64(7) == 3);

TEST(RadixSort, InverseMod2To64InvertsEveryOddNumber) {
  std::mt19937_64 rng(3);
  for (int i = 0; i < 10000; ++i) {
    const std::uint64_t odd = rng() | 1;
    EXPECT_EQ(odd * inverse_mod_2_64(odd), 1u) << odd;
    // An exact division becomes a multiplication.
    const std::uint64_t q = rng() >> 20;
    EXPECT_EQ((q * odd) * inverse_mod_2_64(odd), q);
  }
  EXPECT_EQ(inverse_mod_2_64(~std::uint64_t{0}) * ~std::uint64_t{0}, 1u);
}

}  // namespace
