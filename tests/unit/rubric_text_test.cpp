// The interim text forms of rubric_text.hpp: rubric lines, tie-break chains and
// tier tables, and the refusals that name the line and field.
#include "kexie/rubric_text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using kexie::ClaimedFigure;
using kexie::Decimal;
using kexie::ErrorCode;
using kexie::IndicatorKind;
using kexie::TieBreak;

Decimal dec(const char* text) { return Decimal::parse(text).value(); }

constexpr const char* kRubric =
    "# code|name|parent|kind|weight|min|max|step|figure|tiers|floor|per_unit|cap|bonus_cap\n"
    "A|评审指标 judged||group|0.6\n"
    "A.1|创新性 creativity|A|judged|0.5|0|100|0.5\n"
    "\n"
    "  A.2 | 实用性 practicality | A | judged | 0.5 | 0 | 100 | 0.5  \r\n"
    "B|经济效益 benefit||objective|0.4||||annual_benefit_yuan|500000:95;100000:70|40\n"
    "veto|一票否决 veto||veto\n";

TEST(RubricLines, ParseIntoSpecsThatBuildARubric) {
  auto specs = kexie::parse_rubric_lines(kRubric);
  ASSERT_TRUE(specs) << specs.error();
  ASSERT_EQ(specs->size(), 5u);
  const auto& a2 = (*specs)[2];
  EXPECT_EQ(a2.code, "A.2");
  EXPECT_EQ(a2.name, "实用性 practicality");
  EXPECT_EQ(a2.parent, "A");
  EXPECT_EQ(a2.kind, IndicatorKind::judged);
  EXPECT_EQ(a2.weight, dec("0.5"));
  EXPECT_EQ(a2.scale.max, Decimal(100));
  EXPECT_EQ(a2.scale.step, dec("0.5"));
  const auto& b = (*specs)[3];
  EXPECT_EQ(b.kind, IndicatorKind::objective);
  EXPECT_EQ(b.objective.figure, ClaimedFigure::annual_benefit_yuan);
  ASSERT_EQ(b.objective.tiers.size(), 2u);
  EXPECT_EQ(b.objective.tiers[0].at_least, Decimal(500000));
  EXPECT_EQ(b.objective.tiers[1].points, Decimal(70));
  EXPECT_EQ(b.objective.floor, Decimal(40));
  EXPECT_EQ((*specs)[4].kind, IndicatorKind::veto);
  EXPECT_EQ((*specs)[4].weight, Decimal(0));
  EXPECT_TRUE(kexie::Rubric::build("细则", *specs));
}

TEST(RubricLines, EmptyTextIsNoIndicators) {
  EXPECT_TRUE(kexie::parse_rubric_lines("")->empty());
  EXPECT_TRUE(kexie::parse_rubric_lines("# only a comment\n\n")->empty());
}

TEST(RubricLines, FiguresAndTiersAreReadForObjectiveIndicatorsOnly) {
  auto specs = kexie::parse_rubric_lines("A|a||judged|1|0|10|1|not_a_figure|junk\n");
  ASSERT_TRUE(specs) << specs.error();
  EXPECT_TRUE((*specs)[0].objective.tiers.empty());
}

void expect_refusal(std::string_view text, const std::string& message) {
  auto r = kexie::parse_rubric_lines(text);
  ASSERT_FALSE(r) << text;
  EXPECT_EQ(r.error().code(), ErrorCode::invalid_argument);
  EXPECT_EQ(r.error().message(), message);
}

TEST(RubricLines, RefusalsNameTheLineAndField) {
  expect_refusal("A|a||lump|1\n", "rubric line 1: unknown kind \"lump\"");
  expect_refusal("# c\nA|a\n", "rubric line 2: expected 4 to 14 '|'-separated fields");
  expect_refusal("A|a||group|1|||||||||||x\n",
                 "rubric line 1: expected 4 to 14 '|'-separated fields");
  expect_refusal("B|b||objective|1\n", "rubric line 1: an objective indicator needs a figure");
  expect_refusal("B|b||objective|1||||tce\n", "rubric line 1: unknown claimed figure \"tce\"");
  auto r = kexie::parse_rubric_lines("A|a||group|1\nA.1|x|A|judged|one\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message().rfind("rubric line 2: weight: ", 0), 0u) << r.error();
  r = kexie::parse_rubric_lines("B|b||objective|1||||hours_saved|10=5\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message(), "rubric line 1: tiers: tier \"10=5\" is not at_least:points");
  r = kexie::parse_rubric_lines("V|v||bonus|0|0|5|1||||||many\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message().rfind("rubric line 1: bonus_cap: ", 0), 0u) << r.error();
}

TEST(TierTable, ParsesItemsTrimmedAndSkipsEmptyOnes) {
  auto t = kexie::parse_tier_table(" 500000:95 ;; 100000:70;");
  ASSERT_TRUE(t) << t.error();
  ASSERT_EQ(t->size(), 2u);
  EXPECT_EQ((*t)[0].at_least, Decimal(500000));
  EXPECT_EQ((*t)[0].points, Decimal(95));
  EXPECT_EQ((*t)[1].at_least, Decimal(100000));
  EXPECT_TRUE(kexie::parse_tier_table("")->empty());
}

TEST(TierTable, RefusalsNameTheItem) {
  auto t = kexie::parse_tier_table("500000:95;100000");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().message(), "tier \"100000\" is not at_least:points");
  t = kexie::parse_tier_table("x:95");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().message().rfind("tier threshold: ", 0), 0u) << t.error();
  t = kexie::parse_tier_table("5:y");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().message().rfind("tier points: ", 0), 0u) << t.error();
}

TEST(TieBreaks, ParseEveryKindOfLink) {
  auto c =
      kexie::parse_tie_breaks("objective_total, indicator:A.1 ,top_marks, figure:energy_saved_tce");
  ASSERT_TRUE(c) << c.error();
  const std::vector<TieBreak> expected = {TieBreak::objective_total(), TieBreak::indicator("A.1"),
                                          TieBreak::top_marks(),
                                          TieBreak::figure(ClaimedFigure::energy_saved_tce)};
  EXPECT_EQ(*c, expected);
  EXPECT_TRUE(kexie::parse_tie_breaks("")->empty());
}

TEST(TieBreaks, RefuseUnknownLinksAndFigures) {
  auto c = kexie::parse_tie_breaks("bogus");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code(), ErrorCode::invalid_argument);
  EXPECT_EQ(c.error().message(), "unknown tie-break \"bogus\"");
  c = kexie::parse_tie_breaks("objective_total,,top_marks");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().message(), "unknown tie-break \"\"");
  c = kexie::parse_tie_breaks("figure:unknown_figure");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().message(), "unknown claimed figure \"unknown_figure\"");
}

TEST(ClaimedFigureNames, ParseEveryName) {
  for (ClaimedFigure f : kexie::enum_values<ClaimedFigure>()) {
    EXPECT_EQ(kexie::parse_claimed_figure(kexie::to_string(f)).value(), f);
  }
  EXPECT_FALSE(kexie::parse_claimed_figure("Hours_Saved"));
}

}  // namespace
