// Tests for kexie/panel.hpp: mean, median and trimmed means (standard and
// diving presets), which marks are dropped, half-even rounding of the result.
#include "kexie/panel.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "kexie/literals.hpp"
#include "support/campaign_world.hpp"

using namespace kexie::literals;

using kexie::Aggregation;
using kexie::AggregationMethod;
using kexie::Decimal;
using kexie::ErrorCode;

namespace {
std::vector<Decimal> marks(std::initializer_list<const char*> texts) {
  std::vector<Decimal> out;
  for (const char* t : texts) out.push_back(kexie::Decimal::parse(t).value());
  return out;
}
}  // namespace

TEST(Aggregate, StandardTrimDropsOneHighOneLow) {
  auto a = kexie::aggregate(marks({"88.5", "91.25", "79", "95.75", "90"}), Aggregation::standard())
               .value();
  EXPECT_EQ(a.value, "89.916667"_dec);  // 269.75 / 3, half-even at 6 places
  EXPECT_EQ(a.value.scale(), 6);
  EXPECT_EQ(a.applied, AggregationMethod::trimmed_mean);
  EXPECT_EQ(a.dropped, (std::vector<bool>{false, false, true, true, false}));
}

TEST(Aggregate, TooFewMarksToTrimFallsBackToTheMean) {
  auto a = kexie::aggregate(marks({"80", "90", "100", "70"}), Aggregation::standard()).value();
  EXPECT_EQ(a.applied, AggregationMethod::mean);
  EXPECT_EQ(a.value, Decimal(85));
  EXPECT_EQ(a.dropped, std::vector<bool>(4, false));
}

TEST(Aggregate, DivingDropsTwoAndTwoFromSeven) {
  auto a = kexie::aggregate(marks({"6", "7", "7.5", "8", "9", "9.5", "10"}), Aggregation::diving())
               .value();
  EXPECT_EQ(a.value, "8.166667"_dec);  // (7.5 + 8 + 9) / 3
  EXPECT_EQ(a.dropped, (std::vector<bool>{true, true, false, false, false, true, true}));
  auto six =
      kexie::aggregate(marks({"6", "7", "7.5", "8", "8.5", "9"}), Aggregation::diving()).value();
  EXPECT_EQ(six.applied, AggregationMethod::mean);
}

TEST(Aggregate, EqualMarksDropDeterministically) {
  auto a = kexie::aggregate(marks({"80", "80", "80", "90", "90"}), Aggregation::standard()).value();
  EXPECT_EQ(a.value, "83.333333"_dec);
  // The first of the equal lows and the last of the equal highs go.
  EXPECT_EQ(a.dropped, (std::vector<bool>{true, false, false, false, true}));
}

TEST(Aggregate, MedianAndMean) {
  EXPECT_EQ(kexie::aggregate(marks({"3", "1", "2"}), Aggregation::median()).value().value,
            Decimal(2));
  EXPECT_EQ(kexie::aggregate(marks({"4", "1", "2", "3"}), Aggregation::median()).value().value,
            "2.5"_dec);
  EXPECT_EQ(kexie::aggregate(marks({"1", "2"}), Aggregation::plain_mean()).value().value,
            "1.5"_dec);
  // Ties round half-even at the 6th place: 0.0000125 → 0.000012, 0.0000375 → 0.000038.
  EXPECT_EQ(kexie::aggregate(marks({"0.0001", "0", "0", "0", "0", "0", "0", "0"}),
                             Aggregation::plain_mean())
                .value()
                .value,
            "0.000012"_dec);
  EXPECT_EQ(kexie::aggregate(marks({"0.0001", "0.0001", "0.0001", "0", "0", "0", "0", "0"}),
                             Aggregation::plain_mean())
                .value()
                .value,
            "0.000038"_dec);
  EXPECT_EQ(kexie::aggregate(marks({"-10", "10"}), Aggregation::plain_mean()).value().value,
            Decimal(0));
}

TEST(Aggregate, RefusesBadInput) {
  EXPECT_EQ(kexie::aggregate({}, Aggregation::standard()).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(kexie::aggregate(marks({"1.00001"}), Aggregation::standard()).code(),
            ErrorCode::invalid_argument);
  EXPECT_EQ(kexie::aggregate(marks({"1000.5"}), Aggregation::standard()).code(),
            ErrorCode::invalid_argument);
  EXPECT_FALSE(Aggregation::trimmed(2, 2, 4).ok());
  EXPECT_EQ(kexie::aggregate(marks({"1", "2", "3", "4"}), Aggregation::trimmed(2, 2, 4)).code(),
            ErrorCode::invalid_argument);
}

TEST(PanelRules, Defaults) {
  kexie::PanelRules rules;
  EXPECT_EQ(rules.aggregation, Aggregation::standard());
  EXPECT_FALSE(rules.normalization.enabled);
  EXPECT_EQ(rules.min_judges, 3u);
  EXPECT_EQ(rules.veto_threshold, 1u);
  EXPECT_EQ(kexie::to_string(AggregationMethod::trimmed_mean), "trimmed_mean");
}

// ---- Gaps found in review (issue 13): rule ids and articles, accept and refuse ----------------

namespace {
// A campaign whose panel follows `rules`, with four judges from enterprise 2 and one
// entry of enterprise 0.
struct Seated {
  kexie_test::World w;
  kexie::Campaign c;
  std::vector<kexie::JudgeId> judges;
  kexie::EntryId entry;

  explicit Seated(kexie::PanelRules rules)
      : c(w.registry, [&] {
          auto s = kexie_test::proposal_spec(w);
          s.panel = rules;
          s.awards.tiers = {kexie::AwardTier::by_places("一等奖", 1)};
          return s;
        }()) {
    c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
    for (int k = 0; k < 4; ++k)
      judges.push_back(c.add_judge(w.experts[static_cast<std::size_t>(k)]).value());
    entry = c.add_entry(kexie_test::proposal(w, "P-1", 0, 0)).value();
  }
  void mark_all_seated() {
    for (kexie::JudgeId j : c.judges_of(entry)) {
      c.mark(j, entry, "A.1", "80"_dec).value();
      c.mark(j, entry, "A.2", "80"_dec).value();
    }
  }
};
}  // namespace

TEST(PanelRules, MaxJudgesPerEntryBoundsTheSeats) {
  kexie::PanelRules rules;
  rules.min_judges = 2;
  rules.max_judges_per_entry = 3;
  Seated s(rules);
  // Accepted: up to three seats.
  for (int k = 0; k < 3; ++k)
    ASSERT_TRUE(s.c.assign(s.judges[static_cast<std::size_t>(k)], s.entry).ok());
  // Refused: a fourth, and the seats stay as they were.
  auto full = s.c.assign(s.judges[3], s.entry);
  ASSERT_FALSE(full.ok());
  EXPECT_EQ(full.code(), ErrorCode::rule_violation);
  EXPECT_EQ(full.error().rule(), "panel.max_judges");
  EXPECT_EQ(full.error().article(), "A12");
  EXPECT_NE(full.error().message().find("(3)"), std::string::npos) << full.error();
  EXPECT_EQ(s.c.judges_of(s.entry).size(), 3u);
  // A wider panel seats the fourth judge.
  rules.max_judges_per_entry = 4;
  Seated wide(rules);
  for (kexie::JudgeId j : wide.judges) EXPECT_TRUE(wide.c.assign(j, wide.entry).ok());
}

TEST(PanelRules, VetoThresholdAboveOneNeedsThatManyJudges) {
  kexie::PanelRules rules;
  rules.veto_threshold = 2;
  Seated s(rules);
  for (kexie::JudgeId j : s.judges) s.c.assign(j, s.entry).value();
  s.mark_all_seated();
  // One veto of two needed: the entry stays ranked and awarded.
  ASSERT_TRUE(s.c.veto(s.judges[0], s.entry, "veto", "抄袭 plagiarism").ok());
  auto board = s.c.score().value();
  EXPECT_EQ(board.find(s.entry)->status, kexie::EntryStatus::ranked);
  EXPECT_EQ(board.find(s.entry)->award, "一等奖");
  // The same judge again does not count twice (and is refused as a duplicate).
  EXPECT_EQ(s.c.veto(s.judges[0], s.entry, "veto", "again").error().rule(), "panel.veto_unique");
  EXPECT_EQ(s.c.score().value().digest(), board.digest());
  // A second judge's veto reaches the threshold: the entry is excluded from awards.
  ASSERT_TRUE(s.c.veto(s.judges[1], s.entry, "veto", "数据造假 falsified data").ok());
  board = s.c.score().value();
  EXPECT_EQ(board.find(s.entry)->status, kexie::EntryStatus::vetoed);
  EXPECT_EQ(board.find(s.entry)->award, "");
}
