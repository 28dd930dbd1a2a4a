// Tests for kexie/rubric.hpp: weights summing exactly to 1 at every node, exact
// global weights, mark scales and steps, objective tier tables and linear maps.
#include "kexie/rubric.hpp"

#include <gtest/gtest.h>

#include "support/campaign_world.hpp"

using kexie::Decimal;
using kexie::ErrorCode;
using kexie::IndicatorKind;
using kexie::IndicatorSpec;
using kexie::Rubric;
using kexie_test::dec;

namespace {
kexie::MarkScale hundred() { return {Decimal(0), Decimal(100), dec("0.5")}; }
}  // namespace

TEST(Rubric, BuildsTreeWithExactGlobalWeights) {
  const Rubric r = kexie_test::proposal_rubric();
  EXPECT_EQ(r.name(), "合理化建议评分细则");
  ASSERT_EQ(r.judged().size(), 2u);
  ASSERT_EQ(r.objective().size(), 1u);
  ASSERT_EQ(r.bonuses().size(), 1u);
  ASSERT_EQ(r.vetoes().size(), 1u);
  const auto& a1 = r.indicators()[r.find("A.1").value()];
  EXPECT_EQ(a1.global_weight, dec("0.3"));
  EXPECT_EQ(a1.depth, 2u);
  EXPECT_EQ(r.indicators()[r.find("B").value()].global_weight, dec("0.4"));
  EXPECT_EQ(r.find("nope").code(), ErrorCode::not_found);
}

TEST(Rubric, ParentsMayFollowChildren) {
  std::vector<IndicatorSpec> specs = {
      {"A.1", "x", "A", IndicatorKind::judged, dec("0.25"), hundred(), {}, {}},
      {"A.2", "y", "A", IndicatorKind::judged, dec("0.75"), hundred(), {}, {}},
      {"A", "group", "", IndicatorKind::group, Decimal(1), {}, {}, {}},
  };
  const Rubric r = Rubric::build("late parents", specs).value();
  EXPECT_EQ(r.indicators()[1].global_weight, dec("0.75"));
}

TEST(Rubric, WeightsMustSumToExactlyOne) {
  std::vector<IndicatorSpec> specs = {
      {"A", "a", "", IndicatorKind::judged, dec("0.333333"), hundred(), {}, {}},
      {"B", "b", "", IndicatorKind::judged, dec("0.333333"), hundred(), {}, {}},
      {"C", "c", "", IndicatorKind::judged, dec("0.333333"), hundred(), {}, {}},
  };
  auto r = Rubric::build("thirds", specs);
  ASSERT_EQ(r.code(), ErrorCode::rule_violation);
  EXPECT_EQ(r.error().rule(), "rubric.weights_sum");
  EXPECT_NE(r.error().message().find("0.999999"), std::string::npos);
  specs[2].weight = dec("0.333334");
  EXPECT_TRUE(Rubric::build("thirds", specs).ok());
}

TEST(Rubric, NestedWeightsAreCheckedPerGroup) {
  std::vector<IndicatorSpec> specs = {
      {"A", "a", "", IndicatorKind::group, dec("0.5"), {}, {}, {}},
      {"A.1", "a1", "A", IndicatorKind::judged, dec("0.6"), hundred(), {}, {}},
      {"A.2", "a2", "A", IndicatorKind::judged, dec("0.6"), hundred(), {}, {}},
      {"B", "b", "", IndicatorKind::judged, dec("0.5"), hundred(), {}, {}},
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
  EXPECT_EQ(build({{"A", "a", "", IndicatorKind::judged, dec("0.5"), hundred(), {}, {}},
                   {"A", "b", "", IndicatorKind::judged, dec("0.5"), hundred(), {}, {}}})
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
  auto negative = build({{"A", "a", "", IndicatorKind::judged, dec("1.5"), hundred(), {}, {}},
                         {"B", "b", "", IndicatorKind::judged, dec("-0.5"), hundred(), {}, {}}});
  EXPECT_EQ(negative.error().rule(), "rubric.weight");
  // a bonus with a parent
  auto bonus = build({{"A", "a", "", IndicatorKind::group, Decimal(1), {}, {}, {}},
                      {"A.1", "b", "A", IndicatorKind::judged, Decimal(1), hundred(), {}, {}},
                      {"x", "b", "A", IndicatorKind::bonus, {}, hundred(), {}, Decimal(5)}});
  EXPECT_EQ(bonus.error().rule(), "rubric.extra_item");
  // global weight finer than 8 places
  auto fine = build({{"A", "a", "", IndicatorKind::group, dec("0.00001"), {}, {}, {}},
                     {"A.1", "b", "A", IndicatorKind::judged, dec("0.00001"), hundred(), {}, {}},
                     {"A.2", "b", "A", IndicatorKind::judged, dec("0.99999"), hundred(), {}, {}},
                     {"B", "c", "", IndicatorKind::judged, dec("0.99999"), hundred(), {}, {}}});
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
  EXPECT_EQ(with_scale({Decimal(0), Decimal(10), dec("3")}).error().rule(), "rubric.scale");
  EXPECT_EQ(with_scale({Decimal(0), Decimal(10), dec("0.00001")}).error().rule(), "rubric.scale");
  EXPECT_EQ(with_scale({Decimal(0), Decimal(2000), Decimal(1)}).error().rule(), "rubric.scale");
  EXPECT_TRUE(with_scale({Decimal(0), Decimal(10), dec("2.5")}).ok());
}

TEST(Rubric, ChecksMarksAgainstScaleAndStep) {
  const Rubric r = kexie_test::proposal_rubric();
  const auto a1 = r.find("A.1").value();
  EXPECT_TRUE(r.check_mark(a1, dec("87.5")).ok());
  EXPECT_TRUE(r.check_mark(a1, Decimal(100)).ok());
  EXPECT_TRUE(r.check_mark(a1, Decimal(0)).ok());
  auto off_step = r.check_mark(a1, dec("87.25"));
  EXPECT_EQ(off_step.code(), ErrorCode::invalid_argument);
  EXPECT_EQ(off_step.error().rule(), "panel.mark_step");
  auto outside = r.check_mark(a1, dec("100.5"));
  EXPECT_EQ(outside.error().rule(), "panel.mark_scale");
  EXPECT_NE(outside.error().message().find("A.1"), std::string::npos);
  EXPECT_EQ(r.check_mark(a1, dec("-0.5")).error().rule(), "panel.mark_scale");
  EXPECT_EQ(r.check_mark(r.find("B").value(), Decimal(50)).code(), ErrorCode::invalid_argument);
}

TEST(Rubric, ObjectiveTiersAndLinearMaps) {
  const Rubric r = kexie_test::proposal_rubric();
  const auto b = r.find("B").value();
  EXPECT_EQ(r.objective_value(b, Decimal(600000)).value(), Decimal(100));
  EXPECT_EQ(r.objective_value(b, Decimal(500000)).value(), Decimal(100));
  EXPECT_EQ(r.objective_value(b, dec("499999.99")).value(), Decimal(80));
  EXPECT_EQ(r.objective_value(b, Decimal(100000)).value(), Decimal(80));
  EXPECT_EQ(r.objective_value(b, Decimal(0)).value(), Decimal(50));
  EXPECT_EQ(r.objective_value(b, Decimal(-1)).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(r.objective_value(b, Decimal(0)).value().scale(), Rubric::kValueScale);

  kexie::ObjectiveMap linear{
      kexie::ClaimedFigure::energy_saved_tce, {}, Decimal(10), dec("0.15"), Decimal(100)};
  std::vector<IndicatorSpec> specs = {
      {"E", "energy", "", IndicatorKind::objective, Decimal(1), {}, linear, {}}};
  const Rubric lr = Rubric::build("linear", specs).value();
  EXPECT_EQ(lr.objective_value(0, Decimal(100)).value(), Decimal(25));
  EXPECT_EQ(lr.objective_value(0, dec("33.3333")).value(), dec("14.999995"));  // exact
  EXPECT_EQ(lr.objective_value(0, dec("33.333333")).value(),
            dec("15.000000"));  // 4.99999995 rounds up
  EXPECT_EQ(lr.objective_value(0, dec("0.0000033")).value(),
            dec("10.000000"));  // 0.000000495 rounds down
  EXPECT_EQ(lr.objective_value(0, Decimal(10000)).value(), Decimal(100));
}
