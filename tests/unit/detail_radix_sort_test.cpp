// Tests for src/detail/radix_sort.hpp, the sorts that rank a campaign: both
// radix sorts agree with std::stable_sort on random, tied and extreme keys
// (stability included, since ranking relies on it to keep equal totals in
// application-number order), the threaded sort gives the one-thread result for
// every thread count and size, and inverse_mod_2_64 inverts every odd number.
// Stress cases of the most-significant-digit-first sort: every field width around
// the digit sizes, sizes around bucket and part boundaries with parts of 1 to 64
// words, skewed distributions (one top bucket, one huge bucket, a constant top
// digit), and a flag in bit 63 above the field (fixed in 8a6a216).
#include "detail/radix_sort.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>
#include <vector>

#include "detail/parallel.hpp"

namespace {

using kexie::Threads;
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
      std::stable_sort(want.begin(), want.end(),
                       [&](std::uint64_t x, std::uint64_t y) { return field_of(x) < field_of(y); });
      for (const unsigned threads : {1u, 2u, 3u, 7u, std::numeric_limits<unsigned>::max()}) {
        std::vector<std::uint64_t> got = a, scratch;
        radix_sort_bits(got, scratch, low, bits, Threads{threads}, 64);
        EXPECT_EQ(got, want) << "n " << n << ", low " << low << ", bits " << bits << ", threads "
                             << threads;
      }
    }
  }
  // Every key equal: nothing moves, whatever the parts.
  std::vector<std::uint64_t> same(1000, std::uint64_t{5} << 20), tmp;
  for (std::size_t k = 0; k < same.size(); ++k) same[k] |= k;
  const std::vector<std::uint64_t> before = same;
  radix_sort_bits(same, tmp, 20, 12, Threads{3}, 64);
  EXPECT_EQ(same, before);
}

// The field [low, low + bits) of a word.
std::uint64_t field_of(std::uint64_t x, int low, int bits) {
  const std::uint64_t shifted = x >> low;
  return bits >= 64 ? shifted : shifted & ((std::uint64_t{1} << bits) - 1);
}

// A word with field value `value` (cut to `bits`) and `below` in the bits under `low`
// (cut to `low`); the bits above the field stay 0.
std::uint64_t word(std::uint64_t value, std::uint64_t below, int low, int bits) {
  const std::uint64_t field = bits >= 64 ? value : value & ((std::uint64_t{1} << bits) - 1);
  const std::uint64_t under = low == 0 ? 0 : below & ((std::uint64_t{1} << low) - 1);
  return (low >= 64 ? 0 : field << low) | under;
}

std::vector<std::uint64_t> stable_by_field(std::vector<std::uint64_t> a, int low, int bits) {
  std::stable_sort(a.begin(), a.end(), [&](std::uint64_t x, std::uint64_t y) {
    return field_of(x, low, bits) < field_of(y, low, bits);
  });
  return a;
}

// Sorts `a` on 1 to 7 threads and the largest count, with parts of at least
// `min_part` words, each time from the same input and into a scratch of some other
// size, and compares with `want`. The sort sees a thread count only through
// part_count, so thread counts that make the same parts are sorted once.
void expect_every_thread_count(const std::vector<std::uint64_t>& a,
                               const std::vector<std::uint64_t>& want, int low, int bits,
                               std::size_t min_part, const char* what) {
  std::vector<std::size_t> seen;
  for (const unsigned threads :
       {1u, 2u, 3u, 4u, 5u, 6u, 7u, std::numeric_limits<unsigned>::max()}) {
    const std::size_t parts =
        kexie::detail::part_count(a.size(), threads, std::max<std::size_t>(min_part, 1));
    if (std::find(seen.begin(), seen.end(), parts) != seen.end()) continue;
    seen.push_back(parts);
    std::vector<std::uint64_t> got = a, scratch(a.size() / 2 + 3, ~std::uint64_t{0});
    radix_sort_bits(got, scratch, low, bits, Threads{threads}, min_part);
    ASSERT_EQ(got, want) << what << ": n " << a.size() << ", low " << low << ", bits " << bits
                         << ", threads " << threads << ", min_part " << min_part;
  }
}

// Field widths around the digit sizes (1, 11, 12, 13, 22, 23, 44 bits) at several
// offsets, and every field that reaches bit 63: the top digit takes 1 to 11 bits and
// the rest is cut into passes of unequal widths.
TEST(RadixSort, ThreadedSortBitsOnEveryFieldWidth) {
  std::mt19937_64 rng(2029);
  std::vector<std::pair<int, int>> fields;
  for (const int bits : {1, 11, 12, 13, 22, 23, 44}) {
    for (const int low : {0, 3, 20}) fields.emplace_back(low, bits);
  }
  for (const int low : {0, 1, 7, 20, 40, 52, 53, 63}) fields.emplace_back(low, 64 - low);
  for (const auto& [low, bits] : fields) {
    // (n, min_part): one part-sized bucket, 64 buckets, 128 buckets of about 2 words.
    for (const auto& [n, min_part] : {std::pair{std::size_t{4099}, std::size_t{1} << 14},
                                      std::pair{std::size_t{4099}, std::size_t{64}},
                                      std::pair{std::size_t{300}, std::size_t{1}}}) {
      std::vector<std::uint64_t> a(n);
      for (std::size_t k = 0; k < n; ++k) {
        // Half the words from a few field values (long runs of ties), half anywhere.
        a[k] = word(k % 2 == 0 ? rng() % 7 : rng(), k, low, bits);
      }
      expect_every_thread_count(a, stable_by_field(a, low, bits), low, bits, min_part,
                                "field width");
      if (HasFatalFailure()) return;
    }
  }
}

// Sizes around the bucket and part boundaries for parts of 1, 2, 3 and 64 words
// (the top digit takes about n / (2 × min_part) buckets, so tiny parts give many
// buckets of one or two words, and empty ones).
TEST(RadixSort, ThreadedSortBitsAroundBucketAndPartBoundaries) {
  std::mt19937_64 rng(31);
  for (const std::size_t min_part :
       {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{64}}) {
    std::vector<std::size_t> sizes = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 31, 33};
    for (const std::size_t m : {2 * min_part, 4 * min_part, 7 * min_part, 2048 * min_part}) {
      for (const std::size_t n : {m - 1, m, m + 1}) sizes.push_back(n);
    }
    for (const std::size_t n : sizes) {
      if (n > 9000) continue;  // 2048 × 64: the digit's cap is reached well before
      for (const std::pair<int, int>& field :
           {std::pair{0, 64}, std::pair{20, 23}, std::pair{5, 12}, std::pair{9, 2}}) {
        const int low = field.first, bits = field.second;
        // Many buckets of a few words each cost a histogram of the passes' digits a
        // bucket: the widest field only on the smaller sizes.
        if (n > 500 && bits == 64) continue;
        std::vector<std::uint64_t> a(n);
        for (std::size_t k = 0; k < n; ++k) {
          a[k] = word(k % 3 == 0 ? rng() % 3 : rng(), k, low, bits);
        }
        expect_every_thread_count(a, stable_by_field(a, low, bits), low, bits, min_part,
                                  "boundaries");
        if (HasFatalFailure()) return;
      }
    }
  }
}

// Skewed distributions: every word in one top bucket (the high bits of the field 0),
// one huge bucket among many empty ones, the top bits constant with the low bits
// varying, every field equal, and two values only.
TEST(RadixSort, ThreadedSortBitsOnSkewedDistributions) {
  std::mt19937_64 rng(5);
  for (const std::pair<int, int>& field :
       {std::pair{0, 64}, std::pair{20, 44}, std::pair{8, 22}, std::pair{3, 13}}) {
    const int low = field.first, bits = field.second;
    const int rest = std::max(bits - 11, 0);  // the bits below any top digit
    const std::uint64_t rest_mask = rest == 0 ? 0 : (std::uint64_t{1} << rest) - 1;
    const std::uint64_t top_ones =
        bits >= 64 ? ~rest_mask : ((std::uint64_t{1} << bits) - 1) & ~rest_mask;
    for (const std::size_t n : {std::size_t{3000}, std::size_t{9001}}) {
      for (int shape = 0; shape < 5; ++shape) {
        std::vector<std::uint64_t> a(n);
        for (std::size_t k = 0; k < n; ++k) {
          std::uint64_t v = 0;
          switch (shape) {
            case 0:
              v = rng() & rest_mask;
              break;  // one top bucket
            case 1:
              v = k % 20 == 0 ? rng() : top_ones | (rng() & rest_mask);
              break;  // one huge
            case 2:
              v = top_ones | (rng() & rest_mask);
              break;  // top constant
            case 3:
              v = 12345;
              break;  // all equal
            default:
              v = k % 7 == 0 ? top_ones : 1;
              break;  // two values
          }
          a[k] = word(v, k, low, bits);
        }
        const std::vector<std::uint64_t> want = stable_by_field(a, low, bits);
        for (const std::size_t min_part :
             {std::size_t{1}, std::size_t{3}, std::size_t{64}, std::size_t{1} << 14}) {
          if (min_part == 1 && n > 3000) continue;  // parts of 3 make the same buckets
          expect_every_thread_count(a, want, low, bits, min_part, "skewed");
          if (HasFatalFailure()) return;
        }
      }
    }
  }
}

// Which fields [low, low + bits) ending below bit 63 the sort may be handed with bit
// 63 set (score()'s flag of a vetoed entry, Packing::flagged): every one with a few
// index bits below it, as score() packs them.
std::vector<std::pair<int, int>> flagged_fields() {
  std::vector<std::pair<int, int>> out;
  for (int end = 1; end <= 63; ++end) {
    for (int low = 0; low < end && low <= 16; ++low) out.emplace_back(low, end - low);
  }
  return out;
}

// Sorts words with bit 63 set on every third one and reports the fields the order
// of which it changed.
std::vector<std::pair<int, int>> fields_that_read_bit_63(std::size_t n, std::size_t min_part,
                                                         unsigned threads) {
  std::mt19937_64 rng(8);
  std::vector<std::pair<int, int>> wrong;
  for (const auto& [low, bits] : flagged_fields()) {
    std::vector<std::uint64_t> a(n);
    for (std::size_t k = 0; k < a.size(); ++k) {
      // Field values spread over the whole field (every digit of it varies).
      a[k] = word(rng(), k, low, bits) | (k % 3 == 0 ? std::uint64_t{1} << 63 : 0);
    }
    const std::vector<std::uint64_t> want = stable_by_field(a, low, bits);
    std::vector<std::uint64_t> got = a, scratch;
    radix_sort_bits(got, scratch, low, bits, Threads{threads}, min_part);
    if (got != want) wrong.emplace_back(low, bits);
  }
  return wrong;
}

// The sort orders on its field only: a flag in bit 63 above a field that ends lower
// rides along. Failed before 8a6a216 (and with the LSD sort before 0eb244d, with other
// widths): the passes on the bits below the top digit were cut into equal widths that
// could overrun the field (e.g. [9, 61), 52 bits: top digit 1 bit, five passes of 11
// bits over bits 9 to 63), so the last pass sorted on bit 63 too. score() flags vetoed
// entries so: RankingVetoFlag.VetoedEntriesListedAtTheirTotalWithNineIndexBits
// (ranking_veto_flag_test.cpp) is the same fault through the public API.
TEST(RadixSort, ThreadedSortBitsIgnoresAFlagInBit63AboveItsField) {
  for (const std::size_t n : {std::size_t{300}, std::size_t{2000}}) {
    for (const std::size_t min_part : {std::size_t{1} << 14, std::size_t{64}}) {
      for (const unsigned threads : {1u, 3u}) {
        EXPECT_EQ(fields_that_read_bit_63(n, min_part, threads),
                  (std::vector<std::pair<int, int>>{}))
            << "n " << n << ", min_part " << min_part << ", threads " << threads;
      }
    }
  }
}

// The task run beside the bucket passes: once, whatever the thread count and the
// words (none, one, one field value, a field within the top digit, several passes),
// while the sort stays the stable sort; what it reads as far as its prefix reaches is
// already the sorted words, every prefix end falls between runs of equal fields and
// the last one is the end; what it throws reaches the caller.
TEST(RadixSort, TheTaskBesideRunsOnceAndTheSortIsUnchanged) {
  std::mt19937_64 rng(29);
  for (const std::size_t n :
       {std::size_t{0}, std::size_t{1}, std::size_t{100}, std::size_t{5000}, std::size_t{70000}}) {
    for (const std::pair<int, int>& field :
         {std::pair{20, 15}, std::pair{20, 0}, std::pair{8, 3}, std::pair{0, 40}}) {
      const int low = field.first, bits = field.second;
      std::vector<std::uint64_t> a(n);
      for (std::size_t k = 0; k < n; ++k) a[k] = word(rng() % (n / 3 + 1) * 7919, k, low, bits);
      const std::vector<std::uint64_t> want = stable_by_field(a, low, bits);
      for (const unsigned threads : {1u, 2u, 3u, 7u}) {
        for (const std::size_t min_part : {std::size_t{64}, kexie::detail::kRadixMinPart}) {
          std::vector<std::uint64_t> got = a, scratch;
          int ran = 0;
          std::vector<std::uint64_t> seen;  // read through the prefix, as it reached
          std::vector<std::size_t> ends;    // where it reached
          radix_sort_bits(got, scratch, low, bits, Threads{threads}, min_part,
                          [&](const kexie::detail::SortedPrefix& sorted) {
                            ++ran;
                            for (std::size_t p = 0; p < n;) {
                              const std::size_t e = sorted.reach(p + 1);
                              ASSERT_GT(e, p);
                              ASSERT_LE(e, n);
                              seen.insert(seen.end(), got.begin() + static_cast<std::ptrdiff_t>(p),
                                          got.begin() + static_cast<std::ptrdiff_t>(e));
                              ends.push_back(e);
                              p = e;
                            }
                          });
          EXPECT_EQ(ran, 1) << "n " << n << ", bits " << bits << ", threads " << threads;
          for (const std::size_t e : ends) {  // no run of equal fields cut
            if (e < n) {
              EXPECT_NE(field_of(got[e - 1], low, bits), field_of(got[e], low, bits)) << e;
            }
          }
          EXPECT_EQ(seen, want) << "n " << n << ", bits " << bits << ", threads " << threads;
          EXPECT_EQ(got, want) << "n " << n << ", bits " << bits << ", threads " << threads;
        }
      }
    }
  }
  std::vector<std::uint64_t> a(70000), scratch;
  for (std::size_t k = 0; k < a.size(); ++k) a[k] = rng();
  for (const unsigned threads : {1u, 2u, 3u}) {
    std::vector<std::uint64_t> got = a;
    EXPECT_THROW(radix_sort_bits(got, scratch, 8, 30, Threads{threads}, 64,
                                 [](const kexie::detail::SortedPrefix&) {
                                   throw std::runtime_error("beside");
                                 }),
                 std::runtime_error);
  }
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
