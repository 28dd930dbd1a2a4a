// Tests for src/detail/score_kernel.hpp, the kernels of campaign scoring:
// on random batches of four entries the SSE2 kept sums equal a plain scalar sum
// less the lowest and/or highest mark, for every panel size and layout the
// scorer batches (an entry's marks judge by judge: slot k's mark on column c at
// k × columns + c), and exactly the lanes with a missing mark are flagged; the
// AVX2 kernel (eight entries), the SSE2 kernel and the scalar reference give the
// same integers and the same flags on random marks with missing ones; and the
// kernels reading the marks as steps (a byte a cell) give the AVX2 kernels' integers
// and flags from the same marks.
#include "detail/score_kernel.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <climits>
#include <cstdint>
#include <memory>
#include <random>
#include <vector>

namespace {

using kexie::detail::avx2_available;
using kexie::detail::kBatches;
using kexie::detail::kept_sums;
using kexie::detail::kept_sums_avx2;
using kexie::detail::kept_sums_from_steps_avx2;
using kexie::detail::kept_sums_scalar;
using kexie::detail::kLanes;
using kexie::detail::kMaxBatchCells;
using kexie::detail::kMaxLanes;
using kexie::detail::kNoStep;
using kexie::detail::weighted_kept_sums_avx2;
using kexie::detail::weighted_kept_sums_from_steps_avx2;

constexpr std::int32_t kNoMark = INT32_MIN;  // as campaign_state.hpp stores an absent mark

struct Batch {
  std::uint32_t columns, width, n;
  std::vector<std::vector<std::int32_t>> cells;  // per lane: width × columns (slot by slot)
};

Batch random_batch(std::mt19937_64& rng, std::uint32_t columns, std::uint32_t width,
                   std::uint32_t n, std::int32_t lo, std::int32_t hi) {
  Batch b{columns, width, n, {}};
  std::uniform_int_distribution<std::int32_t> mark(lo, hi);
  for (std::uint32_t lane = 0; lane < kLanes; ++lane) {
    std::vector<std::int32_t> c(static_cast<std::size_t>(columns) * width, kNoMark);
    for (std::uint32_t col = 0; col < columns; ++col)
      for (std::uint32_t k = 0; k < n; ++k) c[k * columns + col] = mark(rng);
    b.cells.push_back(std::move(c));
  }
  return b;
}

// The kept sum of one column of one lane, the scalar way.
std::int64_t scalar_kept(const Batch& b, std::uint32_t lane, std::uint32_t col, bool low,
                         bool high) {
  const std::int32_t* v = b.cells[lane].data() + col;
  std::int64_t sum = 0;
  std::int32_t lo = v[0], hi = v[0];
  for (std::uint32_t k = 0; k < b.n; ++k) {
    const std::int32_t x = v[static_cast<std::size_t>(k) * b.columns];
    sum += x;
    lo = std::min(lo, x);
    hi = std::max(hi, x);
  }
  return sum - (low ? lo : 0) - (high ? hi : 0);
}

unsigned run(const Batch& b, bool low, bool high, std::vector<std::int32_t>& kept) {
  const std::int32_t* entry[kLanes];
  for (std::uint32_t j = 0; j < kLanes; ++j) entry[j] = b.cells[j].data();
  kept.assign(static_cast<std::size_t>(b.columns) * kLanes, 0);
  return kept_sums(entry, b.columns, b.n, low, high, kept.data());
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
                ASSERT_EQ(kept[lane * columns + col], scalar_kept(b, lane, col, low, high))
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
  b.cells[1][5 * 5 + 2] = kNoMark;  // lane 1, column 2, the last slot in use
  b.cells[3][0] = kNoMark;          // lane 3, column 0, the first slot
  b.cells[2][6 * 5 + 4] = kNoMark;  // lane 2, past the 6 slots in use: never read
  EXPECT_EQ(run(b, true, true, kept), (1u << 1) | (1u << 3));
  // The lanes without a missing mark still get their sums.
  for (const std::uint32_t lane : {0u, 2u})
    for (std::uint32_t col = 0; col < 5; ++col)
      EXPECT_EQ(kept[lane * 5 + col], scalar_kept(b, lane, col, true, true));
  // Slots past the n in use are never read, absent or not.
  Batch unused = random_batch(rng, 2, 8, 5, 0, 100);
  EXPECT_EQ(run(unused, false, false, kept), 0u);
}

// `lanes` entries of `width` × `columns` cells: the first `n` slots of each column
// marked at random within ±10^7, some missing (about one in `gap` entries).
std::vector<std::vector<std::int32_t>> random_entries(std::mt19937_64& rng, std::uint32_t lanes,
                                                      std::uint32_t columns, std::uint32_t width,
                                                      std::uint32_t n, std::uint32_t gap) {
  std::uniform_int_distribution<std::int32_t> mark(-10'000'000, 10'000'000);
  std::vector<std::vector<std::int32_t>> out;
  for (std::uint32_t lane = 0; lane < lanes; ++lane) {
    // Unused slots hold anything, absent or not: they must never be read.
    std::vector<std::int32_t> c(static_cast<std::size_t>(columns) * width,
                                lane % 2 ? kNoMark : 12345);
    for (std::uint32_t col = 0; col < columns; ++col)
      for (std::uint32_t k = 0; k < n; ++k) c[k * columns + col] = mark(rng);
    if (rng() % gap == 0) c[(rng() % n) * columns + rng() % columns] = kNoMark;
    out.push_back(std::move(c));
  }
  return out;
}

TEST(ScoreKernel, Avx2Sse2AndScalarKernelsGiveTheSameSums) {
  if (!kBatches) GTEST_SKIP() << "this build has no SSE2 kernel";
  std::mt19937_64 rng(1717);
  std::vector<std::int32_t> want(kMaxBatchCells * kMaxLanes), got(kMaxBatchCells * kMaxLanes);
  std::size_t checked = 0;
  for (std::uint32_t width = 1; width <= 9; ++width) {
    for (std::uint32_t n = 1; n <= width; ++n) {
      for (const std::uint32_t columns : {1u, 2u, 3u, 8u, kMaxBatchCells / width}) {
        for (const bool low : {false, true}) {
          for (const bool high : {false, true}) {
            const auto cells = random_entries(rng, kMaxLanes, columns, width, n, 3);
            const std::int32_t* entry[kMaxLanes];
            for (std::uint32_t j = 0; j < kMaxLanes; ++j) entry[j] = cells[j].data();
            // The scalar reference of all eight, against SSE2 four at a time.
            const unsigned missing =
                kept_sums_scalar(entry, kMaxLanes, columns, n, low, high, want.data());
            for (std::uint32_t half = 0; half < 2; ++half) {
              const unsigned sse =
                  kept_sums(entry + half * kLanes, columns, n, low, high, got.data());
              ASSERT_EQ(sse, (missing >> (half * kLanes)) & 0xFu);
              for (std::uint32_t col = 0; col < columns; ++col)
                for (std::uint32_t lane = 0; lane < kLanes; ++lane) {
                  if (sse & (1u << lane)) continue;
                  ASSERT_EQ(got[lane * columns + col], want[(half * kLanes + lane) * columns + col])
                      << "sse2: width " << width << ", n " << n << ", columns " << columns;
                }
            }
            if (!avx2_available()) continue;
            const unsigned avx = kept_sums_avx2(entry, columns, n, low, high, got.data());
            ASSERT_EQ(avx, missing);
            for (std::uint32_t col = 0; col < columns; ++col)
              for (std::uint32_t lane = 0; lane < kMaxLanes; ++lane) {
                if (avx & (1u << lane)) continue;
                ASSERT_EQ(got[lane * columns + col], want[lane * columns + col])
                    << "avx2: width " << width << ", n " << n << ", columns " << columns << ", low "
                    << low << ", high " << high;
                ++checked;
              }
          }
        }
      }
    }
  }
  if (avx2_available()) {
    EXPECT_GT(checked, 0u);
  }
}

TEST(ScoreKernel, WeightedAvx2SumsAreTheScalarKeptSumsTimesTheWeights) {
  if (!kBatches || !avx2_available()) GTEST_SKIP() << "this CPU or build has no AVX2 kernel";
  std::mt19937_64 rng(4242);
  std::vector<std::int32_t> kept(kMaxBatchCells * kMaxLanes);
  std::uniform_int_distribution<std::int32_t> weight(-100'000'000, 100'000'000);
  for (std::uint32_t width = 1; width <= 9; ++width) {
    for (std::uint32_t n = 1; n <= width; ++n) {
      for (const std::uint32_t columns : {1u, 5u, 8u, kMaxBatchCells / width}) {
        for (const bool low : {false, true}) {
          for (const bool high : {false, true}) {
            const auto cells = random_entries(rng, kMaxLanes, columns, width, n, 4);
            const std::int32_t* entry[kMaxLanes];
            for (std::uint32_t j = 0; j < kMaxLanes; ++j) entry[j] = cells[j].data();
            std::vector<std::int32_t> weights(columns);
            for (std::int32_t& w : weights) w = weight(rng);
            const unsigned missing =
                kept_sums_scalar(entry, kMaxLanes, columns, n, low, high, kept.data());
            std::int64_t weighted[kMaxLanes];
            ASSERT_EQ(
                weighted_kept_sums_avx2(entry, columns, n, low, high, weights.data(), weighted),
                missing);
            for (std::uint32_t lane = 0; lane < kMaxLanes; ++lane) {
              if (missing & (1u << lane)) continue;
              std::int64_t want = 0;
              for (std::uint32_t col = 0; col < columns; ++col)
                want += std::int64_t{kept[lane * columns + col]} * weights[col];
              ASSERT_EQ(weighted[lane], want) << "width " << width << ", n " << n << ", columns "
                                              << columns << ", lane " << lane;
            }
          }
        }
      }
    }
  }
}

// Eight entries' marks as steps and as marks: per column a lowest mark and a step
// (marks within ±10^7), the first `n` slots of each column a random step 0–254, about
// one entry in `gap` missing a mark; unused slots hold a step or none. Each entry's
// steps are followed by 8 bytes that are not its cells, as the campaign's next entry
// or padding follows them.
struct StepEntries {
  std::vector<std::int32_t> min, step;
  std::vector<std::vector<std::int32_t>> marks;
  std::vector<std::vector<std::uint8_t>> steps;
};

StepEntries random_step_entries(std::mt19937_64& rng, std::uint32_t columns, std::uint32_t width,
                                std::uint32_t n, std::uint32_t gap) {
  StepEntries e;
  std::uniform_int_distribution<std::int32_t> min(-5'000'000, 4'000'000), step(1, 20'000);
  std::uniform_int_distribution<int> at(0, 254);
  for (std::uint32_t col = 0; col < columns; ++col) {
    e.min.push_back(min(rng));
    e.step.push_back(step(rng));
  }
  for (std::uint32_t lane = 0; lane < kMaxLanes; ++lane) {
    const std::size_t cells = static_cast<std::size_t>(columns) * width;
    std::vector<std::uint8_t> s(cells + 8, lane % 2 ? kNoStep : std::uint8_t{7});
    for (std::size_t c = cells; c < cells + 8; ++c) s[c] = static_cast<std::uint8_t>(rng());
    for (std::uint32_t col = 0; col < columns; ++col)
      for (std::uint32_t k = 0; k < n; ++k)
        s[k * columns + col] = static_cast<std::uint8_t>(at(rng));
    if (rng() % gap == 0) s[(rng() % n) * columns + rng() % columns] = kNoStep;
    std::vector<std::int32_t> m(cells);
    for (std::size_t c = 0; c < cells; ++c) {
      const std::size_t col = c % columns;
      m[c] = s[c] == kNoStep ? kNoMark : e.min[col] + e.step[col] * s[c];
    }
    e.marks.push_back(std::move(m));
    e.steps.push_back(std::move(s));
  }
  return e;
}

TEST(ScoreKernel, KernelsFromStepsGiveTheSameIntegersAsFromTheMarks) {
  if (!kBatches || !avx2_available()) GTEST_SKIP() << "this CPU or build has no AVX2 kernel";
  std::mt19937_64 rng(2026);
  std::vector<std::int32_t> want(kMaxBatchCells * kMaxLanes), got(kMaxBatchCells * kMaxLanes);
  std::uniform_int_distribution<std::int32_t> weight(-100'000'000, 100'000'000);
  std::size_t checked = 0, flagged = 0;
  for (std::uint32_t width = 1; width <= 9; ++width) {
    for (std::uint32_t n = 1; n <= width; ++n) {
      for (const std::uint32_t columns : {1u, 3u, 8u, 9u, 16u, 17u, kMaxBatchCells / width}) {
        for (const bool low : {false, true}) {
          for (const bool high : {false, true}) {
            if (n <= (low ? 1u : 0u) + (high ? 1u : 0u)) continue;  // keeps no mark
            const StepEntries e = random_step_entries(rng, columns, width, n, 3);
            const std::int32_t* marks[kMaxLanes];
            const std::uint8_t* steps[kMaxLanes];
            for (std::uint32_t j = 0; j < kMaxLanes; ++j) {
              marks[j] = e.marks[j].data();
              steps[j] = e.steps[j].data();
            }
            std::vector<std::int32_t> weights(columns);
            for (std::int32_t& w : weights) w = weight(rng);
            const std::uint32_t kept = n - (low ? 1u : 0u) - (high ? 1u : 0u);
            const auto scales = std::make_unique<kexie::detail::StepScales>();
            scales->set(columns, kept, e.min.data(), e.step.data(), weights.data());
            const unsigned missing = kept_sums_avx2(marks, columns, n, low, high, want.data());
            ASSERT_EQ(kept_sums_from_steps_avx2(steps, n, low, high, *scales, got.data()), missing)
                << "width " << width << ", n " << n << ", columns " << columns;
            flagged += static_cast<std::size_t>(std::popcount(missing));
            for (std::uint32_t lane = 0; lane < kMaxLanes; ++lane) {
              if (missing & (1u << lane)) continue;
              for (std::uint32_t col = 0; col < columns; ++col) {
                ASSERT_EQ(got[lane * columns + col], want[lane * columns + col])
                    << "width " << width << ", n " << n << ", columns " << columns << ", low "
                    << low << ", high " << high;
                ++checked;
              }
            }
            std::int64_t want_weighted[kMaxLanes], got_weighted[kMaxLanes];
            ASSERT_EQ(weighted_kept_sums_avx2(marks, columns, n, low, high, weights.data(),
                                              want_weighted),
                      missing);
            ASSERT_EQ(
                weighted_kept_sums_from_steps_avx2(steps, n, low, high, *scales, got_weighted),
                missing);
            for (std::uint32_t lane = 0; lane < kMaxLanes; ++lane) {
              if (missing & (1u << lane)) continue;
              ASSERT_EQ(got_weighted[lane], want_weighted[lane])
                  << "width " << width << ", n " << n << ", columns " << columns;
            }
          }
        }
      }
    }
  }
  EXPECT_GT(checked, 50000u);
  EXPECT_GT(flagged, 100u);
}

TEST(ScoreKernel, StepsEncodedEightAtATimeAreTheReferences) {
  using kexie::detail::encode_steps_avx2;
  using kexie::detail::step_of;
  EXPECT_EQ(step_of(505'000, 0, 5'000), 101);
  EXPECT_EQ(step_of(-20'000, -20'000, 5'000), 0);
  EXPECT_EQ(step_of(1'250'000, 0, 5'000), 250);
  EXPECT_EQ(step_of(1'270'000, 0, 5'000), 254);
  EXPECT_EQ(step_of(1'275'000, 0, 5'000), kNoStep);  // the 255th step: no byte holds it
  EXPECT_EQ(step_of(502'500, 0, 5'000), kNoStep);    // off the step
  EXPECT_EQ(step_of(-5'000, 0, 5'000), kNoStep);     // below the scale
  EXPECT_EQ(step_of(kNoMark, 0, 5'000), kNoStep);
  if (!kBatches || !avx2_available()) GTEST_SKIP() << "this CPU or build has no AVX2 kernel";
  std::mt19937_64 rng(77);
  std::uniform_int_distribution<std::int32_t> min(-5'000'000, 4'000'000), step(1, 20'000);
  std::size_t coded = 0;
  for (const std::size_t count : {1u, 7u, 8u, 9u, 16u, 17u, 63u, 256u}) {
    for (int round = 0; round < 200; ++round) {
      std::vector<std::int32_t> lo(count), st(count), marks(count);
      std::vector<float> inverse(count);
      for (std::size_t c = 0; c < count; ++c) {
        lo[c] = min(rng);
        st[c] = step(rng);
        inverse[c] = 1.0F / static_cast<float>(st[c]);
        const auto s = static_cast<std::int32_t>(rng() % 300);  // some past 254
        switch (rng() % 6) {
          case 0:
            marks[c] = kNoMark;
            break;
          case 1:  // off the step (when the step is more than one unit)
            marks[c] =
                lo[c] + st[c] * s +
                (st[c] > 1
                     ? 1 + static_cast<std::int32_t>(rng() % static_cast<std::uint64_t>(st[c] - 1))
                     : 0);
            break;
          case 2:
            marks[c] = lo[c] - st[c] * (s + 1);
            break;
          default:
            marks[c] = lo[c] + st[c] * s;
            break;
        }
      }
      std::vector<std::uint8_t> got(count, 0);
      encode_steps_avx2(marks.data(), count, lo.data(), st.data(), inverse.data(), got.data());
      for (std::size_t c = 0; c < count; ++c) {
        ASSERT_EQ(got[c], step_of(marks[c], lo[c], st[c]))
            << "mark " << marks[c] << ", min " << lo[c] << ", step " << st[c];
        coded += got[c] != kNoStep ? 1 : 0;
      }
    }
  }
  EXPECT_GT(coded, 10000u);
}

TEST(ScoreKernel, ScalarReferenceAgreesWithAHandSum) {
  // Two entries, one column of three marks (one missing in the second entry).
  const std::int32_t a[] = {10, 40, 25}, b[] = {7, kNoMark, 9};
  const std::int32_t* entry[] = {a, b};
  std::int32_t kept[2];
  EXPECT_EQ(kept_sums_scalar(entry, 2, 1, 3, true, true, kept), 2u);
  EXPECT_EQ(kept[0], 25);  // 75 − 10 − 40
  EXPECT_EQ(kept_sums_scalar(entry, 2, 1, 2, false, false, kept), 2u);
  EXPECT_EQ(kept[0], 50);  // the first two slots only
  // Two columns, judge by judge: slot 0 marks (1, 2), slot 1 (30, 40), slot 2 (5, 6).
  const std::int32_t c[] = {1, 2, 30, 40, 5, 6};
  const std::int32_t* one[] = {c};
  std::int32_t sums[2];
  EXPECT_EQ(kept_sums_scalar(one, 1, 2, 3, true, false, sums), 0u);
  EXPECT_EQ(sums[0], 35);  // 1 + 30 + 5 − 1
  EXPECT_EQ(sums[1], 46);  // 2 + 40 + 6 − 2
}

}  // namespace
