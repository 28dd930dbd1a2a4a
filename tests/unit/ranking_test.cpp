// Tests for kexie/ranking.hpp: competition ranking and tie-break descriptions.
#include "kexie/ranking.hpp"

#include <gtest/gtest.h>

#include "kexie/literals.hpp"
#include "support/campaign_world.hpp"

using namespace kexie::literals;

TEST(Ranking, CompetitionRanks) {
  std::vector<kexie::Decimal> t = {"95"_dec, "90"_dec, "90.00"_dec, "80"_dec,
                                   "80"_dec, "80"_dec, "1"_dec};
  EXPECT_EQ(kexie::competition_ranks(t), (std::vector<std::uint32_t>{1, 2, 2, 4, 4, 4, 7}));
  EXPECT_TRUE(kexie::competition_ranks({}).empty());
  // Exact: totals differing in the 14th place are not tied.
  std::vector<kexie::Decimal> close = {"90.00000000000001"_dec, "90"_dec};
  EXPECT_EQ(kexie::competition_ranks(close), (std::vector<std::uint32_t>{1, 2}));
}

TEST(Ranking, TieBreakNames) {
  EXPECT_EQ(kexie::TieBreak::objective_total().to_string(), "objective_total");
  EXPECT_EQ(kexie::TieBreak::indicator("A.1").to_string(), "indicator A.1");
  EXPECT_EQ(kexie::TieBreak::top_marks().to_string(), "top_marks");
  EXPECT_EQ(kexie::TieBreak::figure(kexie::ClaimedFigure::energy_saved_tce).to_string(),
            "figure energy_saved_tce");
}
