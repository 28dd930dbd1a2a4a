// Tests for src/detail/score_kernel.hpp, the SSE2 kernel of campaign scoring:
// on random batches of four entries the kept sums equal a plain scalar sum
// less the lowest and/or highest mark, for every panel size and layout the
// scorer batches, and exactly the lanes with a missing mark are flagged.
#include "detail/score_kernel.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <random>
#include <vector>

namespace {

using kexie::detail::kBatches;
using kexie::detail::kept_sums;
using kexie::detail::kLanes;
using kexie::detail::kMaxBatchCells;

constexpr std::int32_t kNoMark = INT32_MIN;  // as campaign_state.hpp stores an absent mark

struct Batch {
  std::uint32_t columns, width, n;
  std::vector<std::vector<std::int32_t>> cells;  // per lane: columns × width
};

Batch random_batch(std::mt19937_64& rng, std::uint32_t columns, std::uint32_t width,
                   std::uint32_t n, std::int32_t lo, std::int32_t hi) {
  Batch b{columns, width, n, {}};
  std::uniform_int_distribution<std::int32_t> mark(lo, hi);
  for (std::uint32_t lane = 0; lane < kLanes; ++lane) {
    std::vector<std::int32_t> c(static_cast<std::size_t>(columns) * width, kNoMark);
    for (std::uint32_t col = 0; col < columns; ++col)
      for (std::uint32_t k = 0; k < n; ++k) c[col * width + k] = mark(rng);
    b.cells.push_back(std::move(c));
  }
  return b;
}

// The kept sum of one column of one lane, the scalar way.
std::int64_t scalar_kept(const Batch& b, std::uint32_t lane, std::uint32_t col, bool low,
                         bool high) {
  const std::int32_t* v = b.cells[lane].data() + static_cast<std::size_t>(col) * b.width;
  std::int64_t sum = 0;
  std::int32_t lo = v[0], hi = v[0];
  for (std::uint32_t k = 0; k < b.n; ++k) {
    sum += v[k];
    lo = std::min(lo, v[k]);
    hi = std::max(hi, v[k]);
  }
  return sum - (low ? lo : 0) - (high ? hi : 0);
}

unsigned run(const Batch& b, bool low, bool high, std::vector<std::int32_t>& kept) {
  const std::int32_t* entry[kLanes];
  for (std::uint32_t j = 0; j < kLanes; ++j) entry[j] = b.cells[j].data();
  kept.assign(static_cast<std::size_t>(b.columns) * kLanes, 0);
  return kept_sums(entry, b.columns, b.width, b.n, low, high, kept.data());
}

TEST(ScoreKernel, KeptSumsMatchTheScalarSumsOnRandomBatches) {
  if (!kBatches) GTEST_SKIP() << "this build has no SSE2 kernel";
  std::mt19937_64 rng(2025);
  std::vector<std::int32_t> kept;
  for (std::uint32_t width = 1; width <= 9; ++width) {
    for (std::uint32_t n = 1; n <= width; ++n) {
      for (const std::uint32_t columns : {1u, 3u, 7u, kMaxBatchCells / width}) {
        const Batch b = random_batch(rng, columns, width, n, -10'000'000, 10'000'000);
        for (const bool low : {false, true}) {
          for (const bool high : {false, true}) {
            ASSERT_EQ(run(b, low, high, kept), 0u);
            for (std::uint32_t col = 0; col < columns; ++col)
              for (std::uint32_t lane = 0; lane < kLanes; ++lane)
                ASSERT_EQ(kept[col * kLanes + lane], scalar_kept(b, lane, col, low, high))
                    << "width " << width << ", n " << n << ", columns " << columns << ", col "
                    << col << ", lane " << lane << ", low " << low << ", high " << high;
          }
        }
      }
    }
  }
}

TEST(ScoreKernel, FlagsExactlyTheLanesWithAMissingMark) {
  if (!kBatches) GTEST_SKIP() << "this build has no SSE2 kernel";
  std::mt19937_64 rng(11);
  std::vector<std::int32_t> kept;
  Batch b = random_batch(rng, 5, 7, 6, 0, 100'000);
  b.cells[1][2 * 7 + 5] = kNoMark;  // lane 1, column 2, the last slot in use
  b.cells[3][0] = kNoMark;          // lane 3, column 0, the first slot
  EXPECT_EQ(run(b, true, true, kept), (1u << 1) | (1u << 3));
  // The lanes without a missing mark still get their sums.
  for (const std::uint32_t lane : {0u, 2u})
    for (std::uint32_t col = 0; col < 5; ++col)
      EXPECT_EQ(kept[col * kLanes + lane], scalar_kept(b, lane, col, true, true));
  // Slots past the n in use are never read, absent or not.
  Batch unused = random_batch(rng, 2, 8, 5, 0, 100);
  EXPECT_EQ(run(unused, false, false, kept), 0u);
}

}  // namespace
