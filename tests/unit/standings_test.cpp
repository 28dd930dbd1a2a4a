// Tests for Campaign::standings (issue 17): the listing it gives is checked against
// its definition (scored entries by total, highest first, equal totals by code,
// competition ranks, the incomplete entries last by code) and against score(), for
// 1, 2, 3 and 7 threads, on campaigns built to reach each way the ranking sorts:
// totals sharing a factor beyond the weights' unit in the sampled entries only (the
// proposed factor is refused and the items made again), and totals too far apart to
// pack with their places (each group sorted apart). And totals of the weighted
// batch kernel (judged columns only, a mean whose divisor divides 100) equal the
// exact sum of the public aggregate times the weights.
#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "kexie/campaign.hpp"
#include "kexie/literals.hpp"
#include "kexie/panel.hpp"
#include "support/campaign_world.hpp"

using namespace kexie::literals;
using kexie::Decimal;
using kexie::EntryStatus;

namespace {

// `standings` is the campaign's listing by its definition: codes increase with entry
// ids here, so equal totals list by id.
void expect_listing(const std::vector<kexie::Standing>& s, std::size_t entries) {
  ASSERT_EQ(s.size(), entries);
  std::size_t k = 0;
  for (; k < s.size() && s[k].status != EntryStatus::incomplete; ++k) {
    EXPECT_EQ(s[k].position, k + 1);
    if (k == 0) {
      EXPECT_EQ(s[k].rank, 1u);
      continue;
    }
    ASSERT_LE(s[k].total, s[k - 1].total) << "place " << k;
    if (s[k].total == s[k - 1].total) {
      EXPECT_GT(s[k].entry, s[k - 1].entry) << "place " << k;
      EXPECT_EQ(s[k].rank, s[k - 1].rank);
    } else {
      EXPECT_EQ(s[k].rank, k + 1);
    }
  }
  for (std::size_t first = k; k < s.size(); ++k) {
    EXPECT_EQ(s[k].status, EntryStatus::incomplete);
    EXPECT_EQ(s[k].rank, 0u);
    if (k > first) {
      EXPECT_GT(s[k].entry, s[k - 1].entry);
    }
  }
}

void expect_every_thread_count_agrees(const kexie::Campaign& c, std::size_t entries) {
  const std::vector<kexie::Standing> one = c.standings().value();
  expect_listing(one, entries);
  const kexie::Scoreboard board = c.score().value();
  ASSERT_EQ(board.entries.size(), one.size());
  for (std::size_t k = 0; k < one.size(); ++k) {
    EXPECT_EQ(board.entries[k].entry, one[k].entry);
    EXPECT_EQ(board.entries[k].total, one[k].total);
    EXPECT_EQ(board.entries[k].rank, one[k].rank);
  }
  for (const unsigned t : {2u, 3u, 7u}) {
    // score() lists by place on threads too (packed) or on one (unpacked): the same.
    EXPECT_EQ(c.score(kexie::Threads{t}).value().digest(), board.digest()) << t << " threads";
    const std::vector<kexie::Standing> threaded = c.standings(kexie::Threads{t}).value();
    ASSERT_EQ(threaded.size(), one.size());
    for (std::size_t k = 0; k < one.size(); ++k) {
      EXPECT_EQ(threaded[k].entry, one[k].entry) << t << " threads, place " << k;
      EXPECT_EQ(threaded[k].status, one[k].status);
      EXPECT_EQ(threaded[k].total, one[k].total);
      EXPECT_EQ(threaded[k].rank, one[k].rank);
      EXPECT_EQ(threaded[k].position, one[k].position);
    }
  }
}

std::string code_of(std::size_t i) {
  char code[16];
  std::snprintf(code, sizeof code, "S-%05zu", i);
  return code;
}

TEST(Standings, AFactorOfTheSampledTotalsOnlyIsNotUsed) {
  // 2 100 entries: ranking samples every second one. Those get one mark on whole tens
  // from every judge, so their totals share a large factor; the others get marks on
  // the 0.5 step, and a few miss marks (incomplete).
  kexie_test::World w;
  kexie::Campaign c(w.registry, kexie_test::proposal_spec(w));
  c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
  std::vector<kexie::JudgeId> judges;
  for (int k = 0; k < 5; ++k)
    judges.push_back(c.add_judge(w.experts[static_cast<std::size_t>(k)]).value());
  std::mt19937 rng(99);
  std::vector<kexie::MarkInput> marks;
  const std::size_t n = 2100;
  for (std::size_t i = 0; i < n; ++i) {
    const auto id =
        c.add_entry(kexie_test::proposal(w, code_of(i), static_cast<int>(i % 2), 0)).value();
    for (const kexie::JudgeId j : judges) c.assign(j, id).value();
    for (const char* code : {"A.1", "A.2"}) {
      const std::int64_t tens = static_cast<std::int64_t>(rng() % 11) * 20;
      for (std::size_t j = 0; j < judges.size(); ++j) {
        if (i % 97 == 5 && j >= 2) continue;  // two marks only: incomplete
        const std::int64_t half = i % 2 == 0 ? tens : static_cast<std::int64_t>(rng() % 201);
        marks.push_back({judges[j], id, code, Decimal::from_coefficient(half * 5, 1).value()});
      }
    }
  }
  c.mark_all(marks).value();
  expect_every_thread_count_agrees(c, n);
}

TEST(Standings, TotalsTooFarApartToPackAreSortedByGroup) {
  // Weights 0.99999999 and 0.00000001 make the totals' unit 10^-14 points; marks up
  // to 100 on a 0.0001 step spread the totals over about 2^53 units, which with
  // 1 100 places (11 bits) does not fit in 64 bits.
  using kexie::IndicatorKind;
  const kexie::MarkScale fine{Decimal(0), Decimal(100), "0.0001"_dec};
  const std::vector<kexie::IndicatorSpec> specs = {
      {"A", "heavy", "", IndicatorKind::judged, "0.99999999"_dec, fine, {}, {}},
      {"B", "light", "", IndicatorKind::judged, "0.00000001"_dec, fine, {}, {}},
  };
  kexie_test::World w;
  auto spec = kexie_test::proposal_spec(w);
  spec.rank_per_category = true;
  // Three places only, so an enterprise's awarded total stays within 18 digits.
  spec.awards.tiers = {kexie::AwardTier::by_places("一等奖", 3)};
  kexie::Campaign c(w.registry, spec);
  c.set_rubric(kexie::Category::rationalization_proposals,
               kexie::Rubric::build("fine", specs).value())
      .value();
  std::vector<kexie::JudgeId> judges;
  for (int k = 0; k < 3; ++k)
    judges.push_back(c.add_judge(w.experts[static_cast<std::size_t>(k)]).value());
  std::mt19937 rng(5);
  std::vector<kexie::MarkInput> marks;
  const std::size_t n = 1100;
  for (std::size_t i = 0; i < n; ++i) {
    const auto id =
        c.add_entry(kexie_test::proposal(w, code_of(i), static_cast<int>(i % 2), 0)).value();
    for (const kexie::JudgeId j : judges) c.assign(j, id).value();
    for (const char* code : {"A", "B"}) {
      for (const kexie::JudgeId j : judges) {
        // A few equal marks make ties; the rest spread over the whole scale.
        const std::int64_t units = i % 10 == 0 ? 500'000 : rng() % 1'000'001;
        marks.push_back({j, id, code, Decimal::from_coefficient(units, 4).value()});
      }
    }
  }
  c.mark_all(marks).value();
  expect_every_thread_count_agrees(c, n);
}

TEST(Standings, WeightedBatchesGiveTheExactTotals) {
  using kexie::IndicatorKind;
  const kexie::MarkScale hundred{Decimal(0), Decimal(100), "0.5"_dec};
  const std::vector<kexie::IndicatorSpec> specs = {
      {"A", "a", "", IndicatorKind::judged, "0.25"_dec, hundred, {}, {}},
      {"B", "b", "", IndicatorKind::judged, "0.35"_dec, hundred, {}, {}},
      {"C", "c", "", IndicatorKind::judged, "0.4"_dec, hundred, {}, {}},
  };
  // Five marks: the plain mean keeps 5, trimmed(1, 0) keeps 4 (both divide 100);
  // an entry missing a mark keeps fewer and takes the general kernel.
  for (const kexie::Aggregation rule :
       {kexie::Aggregation::plain_mean(), kexie::Aggregation::trimmed(1, 0, 5)}) {
    kexie_test::World w;
    auto spec = kexie_test::proposal_spec(w);
    spec.panel.aggregation = rule;
    kexie::Campaign c(w.registry, spec);
    c.set_rubric(kexie::Category::rationalization_proposals,
                 kexie::Rubric::build("weighted", specs).value())
        .value();
    std::vector<kexie::JudgeId> judges;
    for (int k = 0; k < 5; ++k)
      judges.push_back(c.add_judge(w.experts[static_cast<std::size_t>(k)]).value());
    std::mt19937 rng(31);
    std::vector<kexie::MarkInput> marks;
    std::vector<Decimal> expected;
    const std::size_t n = 45;
    for (std::size_t i = 0; i < n; ++i) {
      const auto id =
          c.add_entry(kexie_test::proposal(w, code_of(i), static_cast<int>(i % 2), 0)).value();
      for (const kexie::JudgeId j : judges) c.assign(j, id).value();
      Decimal total;
      for (std::size_t col = 0; col < specs.size(); ++col) {
        std::vector<Decimal> given;
        for (std::size_t j = 0; j < judges.size(); ++j) {
          if (i % 11 == 4 && j == 2 && col == 1) continue;
          const Decimal m =
              Decimal::from_coefficient(static_cast<std::int64_t>(rng() % 201) * 5, 1).value();
          given.push_back(m);
          marks.push_back({judges[j], id, specs[col].code, m});
        }
        const Decimal value = kexie::aggregate(given, rule).value().value;
        total = total + kexie::multiply(value, specs[col].weight).value();
      }
      expected.push_back(total);
    }
    c.mark_all(marks).value();
    for (const unsigned t : {1u, 2u}) {
      for (const kexie::Standing& s : c.standings(kexie::Threads{t}).value()) {
        EXPECT_EQ(s.total, expected[s.entry.value() - 1])
            << kexie::to_string(rule.method) << ", entry " << s.entry.value();
      }
    }
    expect_every_thread_count_agrees(c, n);
  }
}

}  // namespace
