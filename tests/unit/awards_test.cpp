// Tests for kexie/awards.hpp through Campaign::score: quotas by share and count
// with their rounding, minimum scores leaving tiers short (宁缺勿滥), the three
// rules for ties straddling a quota boundary, vetoes, advanced units and
// individuals, and the cusp report.
#include "kexie/awards.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "kexie/campaign.hpp"
#include "kexie/literals.hpp"
#include "kexie/registry.hpp"
#include "support/campaign_world.hpp"

using namespace kexie::literals;

using kexie::Decimal;
using kexie::EntryId;
using kexie::JudgeId;

namespace {

// Entries whose totals are exactly the given values: every judge gives `t` on both
// judged indicators and the objective part is fixed at 0.4 × 50 = 20, so
// total = 0.6 t + 20. Marks are chosen so totals come out as listed.
struct Contest {
  kexie_test::World w;
  kexie::Campaign c;
  std::vector<JudgeId> judges;
  std::vector<EntryId> ids;

  Contest(kexie::AwardScheme scheme, const std::vector<const char*>& marks)
      : c(w.registry, [&] {
          auto s = kexie_test::proposal_spec(w);
          s.awards = std::move(scheme);
          return s;
        }()) {
    c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
    for (int k = 0; k < 3; ++k)
      judges.push_back(c.add_judge(w.experts[static_cast<std::size_t>(k)]).value());
    for (std::size_t i = 0; i < marks.size(); ++i) {
      // Entries alternate between enterprises 0 and 1; leaders cycle through the staff.
      auto spec = kexie_test::proposal(w, "E-" + std::to_string(100 + i), static_cast<int>(i % 2),
                                       static_cast<int>(i % 6), "0");
      ids.push_back(c.add_entry(spec).value());
      for (JudgeId j : judges) {
        c.assign(j, ids.back()).value();
        c.mark(j, ids.back(), "A.1", kexie::Decimal::parse(marks[i]).value()).value();
        c.mark(j, ids.back(), "A.2", kexie::Decimal::parse(marks[i]).value()).value();
      }
    }
  }
  kexie::EntryResult result(const kexie::Scoreboard& b, std::size_t i) const {
    return b.find(ids[i]).value();
  }
};

kexie::AwardScheme three_tiers() {
  kexie::AwardScheme s;
  s.tiers = {kexie::AwardTier::by_share("一等奖", "0.2"_dec, "70"_dec),
             kexie::AwardTier::by_share("二等奖", "0.3"_dec, "60"_dec),
             kexie::AwardTier::by_share("三等奖", "0.5"_dec, "50"_dec)};
  return s;
}

std::vector<std::string> awards_of(const Contest& c, const kexie::Scoreboard& b) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < c.ids.size(); ++i) out.push_back(c.result(b, i).award);
  return out;
}

}  // namespace

TEST(Awards, QuotasByShareWithFloorRounding) {
  // Totals 0.6 m + 20 for m = 100, 95, …, 55: 80, 77, 74, 71, 68, 65, 62, 59, 56, 53.
  Contest c(three_tiers(), {"100", "95", "90", "85", "80", "75", "70", "65", "60", "55"});
  const auto b = c.c.score().value();
  EXPECT_EQ(c.result(b, 0).total, Decimal(80));
  EXPECT_EQ(awards_of(c, b),
            (std::vector<std::string>{"一等奖", "一等奖", "二等奖", "二等奖", "二等奖", "三等奖",
                                      "三等奖", "三等奖", "三等奖", "三等奖"}));
  EXPECT_EQ(*c.result(b, 9).tier, 2u);
}

TEST(Awards, MinimumScoresLeaveTiersShort) {
  // Only one entry reaches 70 (the first-prize minimum); the second first-prize place
  // stays empty and the 71? no: totals 71.0 and 68.0 — the 68 goes to the next tier.
  Contest c(three_tiers(), {"85", "80", "75", "70", "40", "35", "30", "20", "10", "0"});
  const auto b = c.c.score().value();
  // totals: 71, 68, 65, 62, 44, 41, 38, 32, 26, 20
  EXPECT_EQ(awards_of(c, b), (std::vector<std::string>{"一等奖", "二等奖", "二等奖", "二等奖", "",
                                                       "", "", "", "", ""}));
}

TEST(Awards, QuotaByCountAndCeilingRounding) {
  kexie::AwardScheme s;
  s.tiers = {kexie::AwardTier::by_places("特等奖", 1),
             kexie::AwardTier::by_share("优秀奖", "0.25"_dec, {}, kexie::Rounding::ceiling)};
  Contest c(s, {"100", "90", "80", "70", "60", "50"});
  const auto b = c.c.score().value();
  // 6 × 0.25 = 1.5 → ceiling 2 places.
  EXPECT_EQ(awards_of(c, b), (std::vector<std::string>{"特等奖", "优秀奖", "优秀奖", "", "", ""}));
}

TEST(Awards, TiesStraddlingABoundary) {
  // Totals 80, 74, 74, 74, 62 with a first-prize quota of 2 (0.4 × 5).
  const std::vector<const char*> marks = {"100", "90", "90", "90", "70"};
  kexie::AwardScheme s;
  s.tiers = {kexie::AwardTier::by_share("一等奖", "0.4"_dec),
             kexie::AwardTier::by_share("二等奖", "0.6"_dec)};

  s.boundary_ties = kexie::BoundaryTies::break_by_chain;
  Contest chain(s, marks);
  auto b = chain.c.score().value();
  EXPECT_EQ(awards_of(chain, b),
            (std::vector<std::string>{"一等奖", "一等奖", "二等奖", "二等奖", "二等奖"}));
  EXPECT_EQ(chain.result(b, 1).rank, 2u);
  EXPECT_EQ(chain.result(b, 3).rank, 2u);

  s.boundary_ties = kexie::BoundaryTies::include_all;
  Contest include(s, marks);
  b = include.c.score().value();
  EXPECT_EQ(awards_of(include, b),
            (std::vector<std::string>{"一等奖", "一等奖", "一等奖", "一等奖", "二等奖"}));

  s.boundary_ties = kexie::BoundaryTies::exclude_all;
  Contest exclude(s, marks);
  b = exclude.c.score().value();
  EXPECT_EQ(awards_of(exclude, b),
            (std::vector<std::string>{"一等奖", "二等奖", "二等奖", "二等奖", ""}));
}

TEST(Awards, VetoedEntriesDoNotTakePlaces) {
  kexie::AwardScheme s;
  s.tiers = {kexie::AwardTier::by_places("一等奖", 1)};
  Contest c(s, {"100", "90"});
  ASSERT_TRUE(c.c.veto(c.judges[0], c.ids[0], "veto", "抄袭 plagiarism").ok());
  const auto b = c.c.score().value();
  EXPECT_EQ(awards_of(c, b), (std::vector<std::string>{"", "一等奖"}));
  EXPECT_EQ(c.result(b, 0).status, kexie::EntryStatus::vetoed);
}

TEST(Awards, AdvancedUnitsAndIndividuals) {
  auto scheme = three_tiers();
  scheme.units.min_awarded_entries = 3;
  scheme.individuals.top_tiers = 1;
  scheme.individuals.min_share = "0.5"_dec;
  Contest c(scheme, {"100", "95", "90", "85", "80", "75", "70", "65", "60", "55"});
  const auto b = c.c.score().value();
  // Enterprise 0 has entries 0, 2, 4, 6, 8 — all awarded (first, second, second, third, third);
  // enterprise 1 has 1, 3, 5, 7, 9 — all awarded too; enterprise 0 ranks first on awarded totals.
  ASSERT_EQ(b.units.size(), 2u);
  EXPECT_EQ(b.units[0].unit, c.w.enterprises[0]);
  EXPECT_EQ(b.units[0].awarded, 5u);
  EXPECT_EQ(b.units[0].entries, 5u);
  // Its leaders are staff 0, 2, 4, 0, 2: 3 distinct people of 6 members.
  EXPECT_EQ(b.units[0].participation_rate, "0.5000"_dec);
  EXPECT_EQ(b.units[1].participation_rate, "0.5000"_dec);
  EXPECT_EQ(b.units[0].awarded_total, Decimal(80 + 74 + 68 + 62 + 56));
  // First prizes: entries 0 and 1, led by staff[0][0] and staff[1][1].
  ASSERT_EQ(b.people.size(), 2u);
  EXPECT_EQ(b.people[0].person, c.w.staff[0][0]);
  EXPECT_EQ(b.people[0].credit, Decimal(80));
  EXPECT_EQ(b.people[1].person, c.w.staff[1][1]);
  scheme.units.min_awarded_entries = 6;
  Contest strict(scheme, {"100", "95"});
  EXPECT_TRUE(strict.c.score().value().units.empty());
}

TEST(Awards, CuspReport) {
  auto scheme = three_tiers();
  scheme.cusp_margin = Decimal(1);
  // Totals 71, 70.4, 68: first prize quota 0.2 × 3 = 0 places → first prize empty;
  // its boundary is its minimum 70, so 71 and 70.4 are within 1 of it.
  Contest c(scheme, {"85", "84", "80"});
  const auto b = c.c.score().value();
  std::vector<std::pair<std::string, std::string>> seen;
  for (const kexie::Cusp& cusp : b.cusps) {
    if (cusp.tier == 0)
      seen.emplace_back(c.c.entry(cusp.entry).value().spec.code, cusp.distance.to_string());
  }
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].first, "E-100");
  EXPECT_EQ(Decimal::parse(seen[0].second).value(), Decimal(1));
  EXPECT_EQ(Decimal::parse(seen[1].second).value(), "0.4"_dec);
}

TEST(AwardTier, FactoriesSetOneKindOfQuota) {
  const auto share =
      kexie::AwardTier::by_share("二等奖", "0.25"_dec, "75"_dec, kexie::Rounding::ceiling);
  EXPECT_EQ(share.name, "二等奖");
  EXPECT_FALSE(share.by_count);
  EXPECT_EQ(share.share, "0.25"_dec);
  EXPECT_EQ(share.count, 0u);
  EXPECT_EQ(share.rounding, kexie::Rounding::ceiling);
  EXPECT_EQ(share.min_score, Decimal(75));
  EXPECT_TRUE(share.ok());
  const auto places = kexie::AwardTier::by_places("特等奖", 2, "95"_dec);
  EXPECT_TRUE(places.by_count);
  EXPECT_EQ(places.count, 2u);
  EXPECT_EQ(places.share.signum(), 0);
  EXPECT_EQ(places.min_score, Decimal(95));
  EXPECT_TRUE(places.ok());
}

TEST(AwardTier, BothKindsOfQuotaOrAShareOutOfRangeIsNotOk) {
  auto both = kexie::AwardTier::by_places("特等奖", 1);
  both.share = "0.1"_dec;
  EXPECT_FALSE(both.ok());
  auto also_count = kexie::AwardTier::by_share("一等奖", "0.1"_dec);
  also_count.count = 3;
  EXPECT_FALSE(also_count.ok());
  EXPECT_FALSE(kexie::AwardTier::by_share("一等奖", "1.01"_dec).ok());
  EXPECT_FALSE(kexie::AwardTier::by_share("一等奖", "-0.1"_dec).ok());
  EXPECT_TRUE(kexie::AwardTier::by_share("一等奖", "1"_dec).ok());
  // A campaign refuses such a tier as a programmer error, naming it.
  kexie_test::World w;
  auto spec = kexie_test::proposal_spec(w);
  spec.awards.tiers = {both};
  try {
    kexie::Campaign c(w.registry, spec);
    ADD_FAILURE() << "a tier with a count and a share was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("特等奖"), std::string::npos) << e.what();
  }
  spec.awards.tiers = {also_count};
  EXPECT_THROW(kexie::Campaign(w.registry, spec), std::invalid_argument);
}

TEST(AwardScheme, StandardHasThreeShareTiersBestFirst) {
  const kexie::AwardScheme s = kexie::AwardScheme::standard();
  ASSERT_EQ(s.tiers.size(), 3u);
  const char* names[] = {"一等奖", "二等奖", "三等奖"};
  const Decimal shares[] = {"0.10"_dec, "0.20"_dec, "0.30"_dec};
  const Decimal minimums[] = {"85"_dec, "75"_dec, "60"_dec};
  for (std::size_t t = 0; t < 3; ++t) {
    EXPECT_EQ(s.tiers[t].name, names[t]);
    EXPECT_TRUE(s.tiers[t].ok());
    EXPECT_FALSE(s.tiers[t].by_count);
    EXPECT_EQ(s.tiers[t].share, shares[t]);
    EXPECT_EQ(s.tiers[t].min_score, minimums[t]);
    EXPECT_EQ(s.tiers[t].rounding, kexie::Rounding::floor);
  }
  EXPECT_EQ(s.boundary_ties, kexie::BoundaryTies::break_by_chain);
  EXPECT_TRUE(kexie::AwardScheme{}.tiers.empty());
  // Ten entries with totals 80, 77, 74, …, 53: the one first-prize place stays empty
  // (nobody reaches 85), two second prizes (at least 75), three third prizes.
  Contest c(s, {"100", "95", "90", "85", "80", "75", "70", "65", "60", "55"});
  const auto b = c.c.score().value();
  EXPECT_EQ(awards_of(c, b), (std::vector<std::string>{"二等奖", "二等奖", "三等奖", "三等奖",
                                                       "三等奖", "", "", "", "", ""}));
}

// ---- Gaps found in review (issue 13): the advanced-unit thresholds, accept and refuse ---------

namespace {
// Enterprises 0 and 1 each enter two awarded proposals; enterprise 0's save 1 000 000 kWh
// (equivalent value) each, enterprise 1's save nothing. Leaders are staff 0 and 1 of each.
kexie::Scoreboard advanced_units(kexie::AdvancedUnitRule rule) {
  kexie_test::World w;
  auto spec = kexie_test::proposal_spec(w);
  spec.awards.tiers = {kexie::AwardTier::by_places("一等奖", 4)};  // every entry is awarded
  spec.awards.units = rule;
  kexie::Campaign c(w.registry, spec);
  c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
  std::vector<JudgeId> judges;
  for (int k = 0; k < 3; ++k)
    judges.push_back(c.add_judge(w.experts[static_cast<std::size_t>(k)]).value());
  for (int i = 0; i < 4; ++i) {
    auto e = kexie_test::proposal(w, "U-" + std::to_string(i), i / 2, i % 2, "0");
    if (i / 2 == 0)
      e.claims.energy = {
          {kexie::Carrier::electricity_equivalent_value, {Decimal(1'000'000), kexie::Unit::kWh}}};
    const EntryId id = c.add_entry(e).value();
    for (JudgeId j : judges) {
      c.assign(j, id).value();
      c.mark(j, id, "A.1", "90"_dec).value();
      c.mark(j, id, "A.2", "90"_dec).value();
    }
  }
  return c.score().value();
}
}  // namespace

TEST(AdvancedUnits, MinParticipationRateIsInclusive) {
  kexie::AdvancedUnitRule rule;
  rule.min_awarded_entries = 1;
  const auto all = advanced_units(rule);
  ASSERT_EQ(all.units.size(), 2u);
  // Two distinct leaders of six members each: a rate of 1/3.
  EXPECT_EQ(all.units[0].participation_rate, "0.3333"_dec);
  EXPECT_EQ(all.units[1].participation_rate, "0.3333"_dec);
  // Accepted at exactly the rate, refused just above it.
  rule.min_participation_rate = "0.3333"_dec;
  EXPECT_EQ(advanced_units(rule).units.size(), 2u);
  rule.min_participation_rate = "0.3334"_dec;
  EXPECT_TRUE(advanced_units(rule).units.empty());
}

TEST(AdvancedUnits, MinTceSavedIsInclusive) {
  kexie::AdvancedUnitRule rule;
  rule.min_awarded_entries = 1;
  const auto all = advanced_units(rule);
  ASSERT_EQ(all.units.size(), 2u);
  const kexie::AdvancedUnit& saver =
      all.units[0].tce_saved.signum() > 0 ? all.units[0] : all.units[1];
  ASSERT_GT(saver.tce_saved.signum(), 0);
  // Accepted at exactly the unit's savings: only the saver qualifies.
  rule.min_tce_saved = saver.tce_saved;
  const auto at = advanced_units(rule);
  ASSERT_EQ(at.units.size(), 1u);
  EXPECT_EQ(at.units[0].unit, saver.unit);
  EXPECT_EQ(at.units[0].tce_saved, saver.tce_saved);
  // Refused one ten-thousandth of a tonne above it.
  rule.min_tce_saved = saver.tce_saved + "0.0001"_dec;
  EXPECT_TRUE(advanced_units(rule).units.empty());
}
