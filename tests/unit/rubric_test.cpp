// Tests for kexie/rubric.hpp: weights summing exactly to 1 at every node, exact
// global weights, mark scales and steps, objective tier tables and linear maps.
#include "kexie/rubric.hpp"

#include <gtest/gtest.h>

#include <string>

#include "kexie/literals.hpp"
#include "support/campaign_world.hpp"

using namespace kexie::literals;

using kexie::Decimal;
using kexie::ErrorCode;
using kexie::IndicatorKind;
using kexie::IndicatorSpec;
using kexie::Rubric;

namespace {
kexie::MarkScale hundred() { return {Decimal(0), Decimal(100), "0.5"_dec}; }
}  // namespace

TEST(Rubric, BuildsTreeWithExactGlobalWeights) {
  const Rubric r = kexie_test::proposal_rubric();
  EXPECT_EQ(r.name(), "合理化建议评分细则");
  ASSERT_EQ(r.judged().size(), 2u);
  ASSERT_EQ(r.objective().size(), 1u);
  ASSERT_EQ(r.bonuses().size(), 1u);
  ASSERT_EQ(r.vetoes().size(), 1u);
  const auto& a1 = r.indicators()[r.find("A.1").value()];
  EXPECT_EQ(a1.global_weight, "0.3"_dec);
  EXPECT_EQ(a1.depth, 2u);
  EXPECT_EQ(r.indicators()[r.find("B").value()].global_weight, "0.4"_dec);
  EXPECT_EQ(r.find("nope").code(), ErrorCode::not_found);
}

TEST(Rubric, ParentsMayFollowChildren) {
  std::vector<IndicatorSpec> specs = {
      {"A.1", "x", "A", IndicatorKind::judged, "0.25"_dec, hundred(), {}, {}},
      {"A.2", "y", "A", IndicatorKind::judged, "0.75"_dec, hundred(), {}, {}},
      {"A", "group", "", IndicatorKind::group, Decimal(1), {}, {}, {}},
  };
  const Rubric r = Rubric::build("late parents", specs).value();
  EXPECT_EQ(r.indicators()[1].global_weight, "0.75"_dec);
}

TEST(Rubric, WeightsMustSumToExactlyOne) {
  std::vector<IndicatorSpec> specs = {
      {"A", "a", "", IndicatorKind::judged, "0.333333"_dec, hundred(), {}, {}},
      {"B", "b", "", IndicatorKind::judged, "0.333333"_dec, hundred(), {}, {}},
      {"C", "c", "", IndicatorKind::judged, "0.333333"_dec, hundred(), {}, {}},
  };
  auto r = Rubric::build("thirds", specs);
  ASSERT_EQ(r.code(), ErrorCode::rule_violation);
  EXPECT_EQ(r.error().rule(), "rubric.weights_sum");
  EXPECT_NE(r.error().message().find("0.999999"), std::string::npos);
  specs[2].weight = "0.333334"_dec;
  EXPECT_TRUE(Rubric::build("thirds", specs).ok());
}

TEST(Rubric, NestedWeightsAreCheckedPerGroup) {
  std::vector<IndicatorSpec> specs = {
      {"A", "a", "", IndicatorKind::group, "0.5"_dec, {}, {}, {}},
      {"A.1", "a1", "A", IndicatorKind::judged, "0.6"_dec, hundred(), {}, {}},
      {"A.2", "a2", "A", IndicatorKind::judged, "0.6"_dec, hundred(), {}, {}},
      {"B", "b", "", IndicatorKind::judged, "0.5"_dec, hundred(), {}, {}},
  };
  auto r = Rubric::build("bad group", specs);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().rule(), "rubric.weights_sum");
  EXPECT_NE(r.error().message().find("under A"), std::string::npos);
}

TEST(Rubric, RefusesMalformedTrees) {
  const auto build = [](std::vector<IndicatorSpec> specs) { return Rubric::build("r", specs); };
  EXPECT_EQ(build({}).code(), ErrorCode::invalid_argument);
  // duplicate code
  EXPECT_EQ(build({{"A", "a", "", IndicatorKind::judged, "0.5"_dec, hundred(), {}, {}},
                   {"A", "b", "", IndicatorKind::judged, "0.5"_dec, hundred(), {}, {}}})
                .code(),
            ErrorCode::invalid_argument);
  // unknown parent
  auto unknown = build({{"A", "a", "X", IndicatorKind::judged, Decimal(1), hundred(), {}, {}}});
  EXPECT_EQ(unknown.error().rule(), "rubric.parent");
  // a judged parent
  auto leaf_parent =
      build({{"A", "a", "", IndicatorKind::judged, Decimal(1), hundred(), {}, {}},
             {"A.1", "b", "A", IndicatorKind::judged, Decimal(1), hundred(), {}, {}}});
  EXPECT_EQ(leaf_parent.error().rule(), "rubric.parent");
  // empty group
  auto empty = build({{"A", "a", "", IndicatorKind::group, Decimal(1), {}, {}, {}}});
  EXPECT_EQ(empty.error().rule(), "rubric.empty_group");
  // a negative weight
  auto negative = build({{"A", "a", "", IndicatorKind::judged, "1.5"_dec, hundred(), {}, {}},
                         {"B", "b", "", IndicatorKind::judged, "-0.5"_dec, hundred(), {}, {}}});
  EXPECT_EQ(negative.error().rule(), "rubric.weight");
  // a bonus with a parent
  auto bonus = build({{"A", "a", "", IndicatorKind::group, Decimal(1), {}, {}, {}},
                      {"A.1", "b", "A", IndicatorKind::judged, Decimal(1), hundred(), {}, {}},
                      {"x", "b", "A", IndicatorKind::bonus, {}, hundred(), {}, Decimal(5)}});
  EXPECT_EQ(bonus.error().rule(), "rubric.extra_item");
  // global weight finer than 8 places
  auto fine = build({{"A", "a", "", IndicatorKind::group, "0.00001"_dec, {}, {}, {}},
                     {"A.1", "b", "A", IndicatorKind::judged, "0.00001"_dec, hundred(), {}, {}},
                     {"A.2", "b", "A", IndicatorKind::judged, "0.99999"_dec, hundred(), {}, {}},
                     {"B", "c", "", IndicatorKind::judged, "0.99999"_dec, hundred(), {}, {}}});
  EXPECT_EQ(fine.error().rule(), "rubric.weight_scale");
}

TEST(Rubric, RefusesBadScales) {
  const auto with_scale = [](kexie::MarkScale s) {
    std::vector<IndicatorSpec> specs = {
        {"A", "a", "", IndicatorKind::judged, Decimal(1), s, {}, {}}};
    return Rubric::build("r", specs);
  };
  EXPECT_EQ(with_scale({Decimal(0), Decimal(100), Decimal(0)}).error().rule(), "rubric.scale");
  EXPECT_EQ(with_scale({Decimal(100), Decimal(0), Decimal(1)}).error().rule(), "rubric.scale");
  EXPECT_EQ(with_scale({Decimal(0), Decimal(10), "3"_dec}).error().rule(), "rubric.scale");
  EXPECT_EQ(with_scale({Decimal(0), Decimal(10), "0.00001"_dec}).error().rule(), "rubric.scale");
  EXPECT_EQ(with_scale({Decimal(0), Decimal(2000), Decimal(1)}).error().rule(), "rubric.scale");
  EXPECT_TRUE(with_scale({Decimal(0), Decimal(10), "2.5"_dec}).ok());
}

TEST(Rubric, ChecksMarksAgainstScaleAndStep) {
  const Rubric r = kexie_test::proposal_rubric();
  const std::string a1 = "A.1";
  EXPECT_TRUE(r.check_mark(a1, "87.5"_dec).ok());
  EXPECT_TRUE(r.check_mark(a1, Decimal(100)).ok());
  EXPECT_TRUE(r.check_mark(a1, Decimal(0)).ok());
  auto off_step = r.check_mark(a1, "87.25"_dec);
  EXPECT_EQ(off_step.code(), ErrorCode::invalid_argument);
  EXPECT_EQ(off_step.error().rule(), "panel.mark_step");
  auto outside = r.check_mark(a1, "100.5"_dec);
  EXPECT_EQ(outside.error().rule(), "panel.mark_scale");
  EXPECT_NE(outside.error().message().find("A.1"), std::string::npos);
  EXPECT_EQ(r.check_mark(a1, "-0.5"_dec).error().rule(), "panel.mark_scale");
  EXPECT_EQ(r.check_mark("B", Decimal(50)).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(r.check_mark("A", Decimal(50)).code(), ErrorCode::invalid_argument);  // a group
  auto unknown = r.check_mark("Z.9", Decimal(50));
  EXPECT_EQ(unknown.code(), ErrorCode::not_found);
  EXPECT_NE(unknown.error().message().find("Z.9"), std::string::npos) << unknown.error();
}

TEST(Rubric, ObjectiveTiersAndLinearMaps) {
  const Rubric r = kexie_test::proposal_rubric();
  const std::string b = "B";
  EXPECT_EQ(r.objective_value(b, Decimal(600000)).value(), Decimal(100));
  EXPECT_EQ(r.objective_value(b, Decimal(500000)).value(), Decimal(100));
  EXPECT_EQ(r.objective_value(b, "499999.99"_dec).value(), Decimal(80));
  EXPECT_EQ(r.objective_value(b, Decimal(100000)).value(), Decimal(80));
  EXPECT_EQ(r.objective_value(b, Decimal(0)).value(), Decimal(50));
  EXPECT_EQ(r.objective_value(b, Decimal(-1)).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(r.objective_value(b, Decimal(0)).value().scale(), Rubric::kValueScale);
  EXPECT_EQ(r.objective_value("A.1", Decimal(0)).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(r.objective_value("Z.9", Decimal(0)).code(), ErrorCode::not_found);

  kexie::ObjectiveMap linear{
      kexie::ClaimedFigure::energy_saved_tce, {}, Decimal(10), "0.15"_dec, Decimal(100)};
  std::vector<IndicatorSpec> specs = {
      {"E", "energy", "", IndicatorKind::objective, Decimal(1), {}, linear, {}}};
  const Rubric lr = Rubric::build("linear", specs).value();
  EXPECT_EQ(lr.objective_value("E", Decimal(100)).value(), Decimal(25));
  EXPECT_EQ(lr.objective_value("E", "33.3333"_dec).value(), "14.999995"_dec);  // exact
  EXPECT_EQ(lr.objective_value("E", "33.333333"_dec).value(),
            "15.000000"_dec);  // 4.99999995 rounds up
  EXPECT_EQ(lr.objective_value("E", "0.0000033"_dec).value(),
            "10.000000"_dec);  // 0.000000495 rounds down
  EXPECT_EQ(lr.objective_value("E", Decimal(10000)).value(), Decimal(100));
}

// ---- Gaps found in review (issue 13): rule ids and articles, accept and refuse ----------------

TEST(RubricRules, BonusCapMustLieWithinZeroToAThousand) {
  const auto with_cap = [](Decimal cap) {
    std::vector<IndicatorSpec> specs = {
        {"A", "a", "", IndicatorKind::judged, Decimal(1), hundred(), {}, {}},
        {"bonus",
         "b",
         "",
         IndicatorKind::bonus,
         {},
         {Decimal(0), Decimal(10), Decimal(1)},
         {},
         cap}};
    return Rubric::build("r", specs);
  };
  EXPECT_TRUE(with_cap(Decimal(0)).ok());
  EXPECT_TRUE(with_cap(Decimal(1000)).ok());
  for (const Decimal cap : {"-0.5"_dec, "1000.5"_dec}) {
    auto r = with_cap(cap);
    ASSERT_FALSE(r.ok()) << cap;
    EXPECT_EQ(r.code(), ErrorCode::rule_violation);
    EXPECT_EQ(r.error().rule(), "rubric.bonus_cap");
    EXPECT_EQ(r.error().article(), "A12");
    EXPECT_NE(r.error().message().find("\"bonus\""), std::string::npos) << r.error();
  }
}

TEST(RubricRules, ObjectiveValuesAndLinearMapsAreChecked) {
  const auto with_map = [](kexie::ObjectiveMap m) {
    std::vector<IndicatorSpec> specs = {
        {"E", "energy", "", IndicatorKind::objective, Decimal(1), {}, std::move(m), {}}};
    return Rubric::build("r", specs);
  };
  const auto tiers = [](Decimal points, Decimal floor) {
    return kexie::ObjectiveMap{
        kexie::ClaimedFigure::energy_saved_tce, {{Decimal(100), points}}, floor, {}, {}};
  };
  const auto linear = [](Decimal rate, Decimal floor, Decimal cap) {
    return kexie::ObjectiveMap{kexie::ClaimedFigure::energy_saved_tce, {}, floor, rate, cap};
  };
  // Accepted: the extremes of ±1000, and a linear map with a zero rate.
  EXPECT_TRUE(with_map(tiers(Decimal(1000), Decimal(-1000))).ok());
  EXPECT_TRUE(with_map(linear(Decimal(0), Decimal(0), Decimal(1000))).ok());
  // Refused: a tier, a floor or a cap beyond ±1000; a negative rate; a cap below the floor.
  for (const auto& m :
       {tiers("1000.5"_dec, Decimal(0)), tiers(Decimal(100), "-1000.5"_dec),
        linear(Decimal(1), Decimal(0), "1000.5"_dec), linear("-0.1"_dec, Decimal(0), Decimal(100)),
        linear(Decimal(1), Decimal(50), Decimal(40))}) {
    auto r = with_map(m);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.code(), ErrorCode::rule_violation);
    EXPECT_EQ(r.error().rule(), "rubric.objective");
    EXPECT_EQ(r.error().article(), "A12");
    EXPECT_NE(r.error().message().find("\"E\""), std::string::npos) << r.error();
  }
}
