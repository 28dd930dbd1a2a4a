// Tests for kexie/rubric.hpp: weights summing exactly to 1 at every node, exact
// global weights, mark scales and steps, objective tier tables and linear maps.
#include "kexie/rubric.hpp"

#include <gtest/gtest.h>

#include <functional>
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

// ---- points sheets, banded judged marks, prizes ---------------------------------------

namespace {

using kexie::ClaimedFigure;
using kexie::MarkBand;
using kexie::MarkBands;
using kexie::MarkScale;

// 效益 bands by yearly benefit: ≥ 1 000 000 yuan → [16, 20], ≥ 100 000 → [12, 17],
// below → [8, 13]; the mark ranges overlap, the thresholds do not.
MarkBands benefit_bands() {
  return {ClaimedFigure::annual_benefit_yuan,
          {{Decimal(1000000), Decimal(16), Decimal(20)},
           {Decimal(100000), Decimal(12), Decimal(17)},
           {Decimal(0), Decimal(8), Decimal(13)}}};
}

// An office's 100-point sheet (某市职工合理化建议评审表): 技术 60 = 创新性 30 + 可行性 30,
// 效益 20 (judged within the band the yearly benefit selects), 推广 20 (objective, from
// the efficiency gain), a bonus capped at 5 and a veto. On a points sheet the weight
// field carries the points.
std::vector<IndicatorSpec> office_sheet() {
  using K = IndicatorKind;
  return {
      {.code = "技术", .name = "技术水平", .kind = K::group, .weight = Decimal(60)},
      {.code = "技术.创新",
       .name = "创新性",
       .parent = "技术",
       .kind = K::judged,
       .weight = Decimal(30),
       .scale = {Decimal(0), Decimal(30), "0.5"_dec}},
      // scale left unset: [0, 30] in steps of 1
      {.code = "技术.可行",
       .name = "可行性",
       .parent = "技术",
       .kind = K::judged,
       .weight = Decimal(30)},
      {.code = "效益",
       .name = "经济效益",
       .kind = K::judged,
       .weight = Decimal(20),
       .scale = {Decimal(0), Decimal(20), "0.5"_dec}},
      {.code = "推广",
       .name = "推广价值",
       .kind = K::objective,
       .weight = Decimal(20),
       .objective = {ClaimedFigure::efficiency_gain_percent,
                     {{Decimal(20), Decimal(20)}, {Decimal(10), Decimal(15)}},
                     Decimal(10),
                     {},
                     {}}},
      {.code = "加分",
       .name = "加分项",
       .kind = K::bonus,
       .scale = {Decimal(0), Decimal(10), Decimal(1)},
       .bonus_cap = Decimal(5)},
      {.code = "否决", .name = "一票否决", .kind = K::veto},
  };
}

kexie::PrizeRule two_percent() {
  return {.figure = ClaimedFigure::annual_benefit_yuan,
          .threshold = Decimal(500000),
          .share = "0.02"_dec,
          .cap = Decimal(50000)};
}

Rubric office_rubric() {
  return Rubric::build_points("百分制评审表", Decimal(100), office_sheet())
      .value()
      .with_bands("效益", benefit_bands())
      .value()
      .with_prize(two_percent())
      .value();
}

}  // namespace

TEST(RubricPoints, BuildsAnOfficeSheet) {
  const Rubric r = office_rubric();
  ASSERT_TRUE(r.full_score());
  EXPECT_EQ(*r.full_score(), Decimal(100));
  const auto& inno = r.indicators()[r.find("技术.创新").value()];
  EXPECT_EQ(inno.points, Decimal(30));
  EXPECT_EQ(inno.weight, Decimal(1));
  EXPECT_EQ(inno.global_weight, Decimal(1));  // values are points already
  EXPECT_EQ(r.indicators()[r.find("技术").value()].points, Decimal(60));
  EXPECT_EQ(r.indicators()[r.find("加分").value()].points, Decimal(0));
  const auto& feas = r.indicators()[r.find("技术.可行").value()];
  EXPECT_EQ(feas.scale.max, Decimal(30));  // completed from the points
  EXPECT_EQ(feas.scale.step, Decimal(1));
  EXPECT_TRUE(r.check_mark("技术.可行", Decimal(30)).ok());
  EXPECT_FALSE(r.check_mark("技术.可行", Decimal(31)).ok());
  EXPECT_FALSE(kexie_test::proposal_rubric().full_score());
  EXPECT_EQ(kexie_test::proposal_rubric().indicators()[0].points, Decimal(0));
}

TEST(RubricPoints, PointsMustSumPerGroupAndToTheFullScore) {
  auto specs = office_sheet();
  specs[2].weight = Decimal(25);  // 创新 30 + 可行 25 ≠ 技术 60
  auto r = Rubric::build_points("bad", Decimal(100), specs);
  ASSERT_EQ(r.code(), ErrorCode::rule_violation);
  EXPECT_EQ(r.error().rule(), "rubric.points_sum");
  EXPECT_EQ(r.error().article(), "A12");
  EXPECT_NE(r.error().message().find("sum to 55, not 60"), std::string::npos);
  // The first level sums to the full score.
  auto full = Rubric::build_points("bad", Decimal(120), office_sheet());
  ASSERT_FALSE(full);
  EXPECT_EQ(full.error().rule(), "rubric.points_sum");
  EXPECT_NE(full.error().message().find("full score"), std::string::npos);
}

TEST(RubricPoints, RefusesScalesAndValuesThatAreNotPoints) {
  const auto rule_of = [](std::vector<IndicatorSpec> s, Decimal full = Decimal(100)) {
    auto r = Rubric::build_points("r", full, s);
    return r ? std::string("built") : r.error().rule();
  };
  EXPECT_EQ(rule_of(office_sheet()), "built");
  auto scale = office_sheet();
  scale[1].scale = {Decimal(0), Decimal(100), Decimal(1)};  // marks beyond the 30 points
  EXPECT_EQ(rule_of(scale), "rubric.points");
  auto negative = office_sheet();
  negative[1].scale = {Decimal(-10), Decimal(30), Decimal(1)};
  EXPECT_EQ(rule_of(negative), "rubric.points");
  auto objective = office_sheet();
  objective[4].objective.tiers[0].points = Decimal(25);  // beyond its 20 points
  EXPECT_EQ(rule_of(objective), "rubric.points");
  auto zero = office_sheet();
  zero[3].weight = Decimal(0);
  EXPECT_EQ(rule_of(zero), "rubric.points");
  auto fine = office_sheet();
  fine[3].weight = "19.99995"_dec;
  EXPECT_EQ(rule_of(fine), "rubric.points");
  EXPECT_EQ(rule_of(office_sheet(), Decimal(0)), "rubric.points");
  EXPECT_EQ(rule_of(office_sheet(), Decimal(1001)), "rubric.points");
}

TEST(RubricBands, TheFigureSelectsExactlyOneBand) {
  const Rubric r = office_rubric();
  const auto band = [&](const char* figure) {
    return r.band_for("效益", Decimal::parse(figure).value()).value();
  };
  EXPECT_EQ(band("1200000").min, Decimal(16));
  EXPECT_EQ(band("1000000").min, Decimal(16));  // a threshold is inclusive
  EXPECT_EQ(band("999999.99").min, Decimal(12));
  EXPECT_EQ(band("100000").max, Decimal(17));
  EXPECT_EQ(band("0").max, Decimal(13));
  // Overlap: 16 and 17 are admissible in two bands; the figure decides which applies.
  EXPECT_TRUE(r.check_mark("效益", Decimal(17), Decimal(650000)).ok());
  EXPECT_TRUE(r.check_mark("效益", Decimal(17), Decimal(1200000)).ok());
  EXPECT_FALSE(r.check_mark("效益", Decimal(15), Decimal(1200000)).ok());
  auto out = r.check_mark("效益", Decimal(18), Decimal(650000));
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().rule(), "rubric.band");
  EXPECT_EQ(out.error().article(), "A12");
  EXPECT_NE(out.error().message().find("band [12, 17]"), std::string::npos);
  EXPECT_NE(out.error().message().find("annual_benefit_yuan = 650000"), std::string::npos);
  // The scale is checked first, with its own rule; unbanded indicators ignore the figure.
  EXPECT_EQ(r.check_mark("效益", Decimal(21), Decimal(650000)).error().rule(), "panel.mark_scale");
  EXPECT_TRUE(r.check_mark("技术.创新", Decimal(30), Decimal(0)).ok());
  EXPECT_EQ(r.band_for("技术.创新", Decimal(1)).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(r.band_for("nope", Decimal(1)).code(), ErrorCode::not_found);
  // Bands work on weighted rubrics too.
  const Rubric w = kexie_test::proposal_rubric()
                       .with_bands("A.1", {ClaimedFigure::annual_benefit_yuan,
                                           {{Decimal(0), Decimal(40), Decimal(65)},
                                            {Decimal(100000), Decimal(60), Decimal(85)}}})
                       .value();
  EXPECT_TRUE(w.check_mark("A.1", Decimal(85), Decimal(200000)).ok());
  EXPECT_EQ(w.check_mark("A.1", Decimal(70), Decimal(50000)).error().rule(), "rubric.band");
}

TEST(RubricBands, AFigureBelowEveryThresholdSelectsNoBand) {
  MarkBands bands = benefit_bands();
  bands.bands.pop_back();  // no band below 100 000 yuan
  const Rubric r = Rubric::build_points("r", Decimal(100), office_sheet())
                       .value()
                       .with_bands("效益", bands)
                       .value();
  auto none = r.band_for("效益", Decimal(80000));
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().rule(), "rubric.band");
  EXPECT_NE(none.error().message().find("below every band"), std::string::npos);
  EXPECT_EQ(r.check_mark("效益", Decimal(10), Decimal(80000)).error().rule(), "rubric.band");
}

TEST(RubricBands, RefusesMalformedBands) {
  const Rubric sheet = Rubric::build_points("r", Decimal(100), office_sheet()).value();
  const auto rule_of = [&](const std::function<void(MarkBands&)>& change,
                           const char* code = "效益") {
    MarkBands b = benefit_bands();
    change(b);
    auto r = sheet.with_bands(code, b);
    return r ? std::string("built") : r.error().rule();
  };
  EXPECT_EQ(rule_of([](MarkBands&) {}), "built");
  EXPECT_EQ(rule_of([](MarkBands& b) { b.bands[1].at_least = Decimal(1000000); }),
            "rubric.band");  // a threshold twice: two bands for one figure
  EXPECT_EQ(rule_of([](MarkBands& b) { b.bands[0].max = Decimal(21); }),
            "rubric.band");  // beyond the scale
  EXPECT_EQ(rule_of([](MarkBands& b) { b.bands[0].min = "16.25"_dec; }),
            "rubric.band");  // off the 0.5 step
  EXPECT_EQ(rule_of([](MarkBands& b) { b.bands[0].min = "20.5"_dec; }),
            "rubric.band");  // min above max
  EXPECT_EQ(rule_of([](MarkBands& b) { b.bands[2].at_least = Decimal(-1); }), "rubric.band");
  EXPECT_EQ(rule_of([](MarkBands& b) { b.bands.clear(); }), "rubric.band");
  EXPECT_EQ(rule_of([](MarkBands& b) { b.bands.resize(33, b.bands[0]); }), "rubric.band");
  EXPECT_EQ(rule_of([](MarkBands&) {}, "推广"), "rubric.band");  // only judged leaves
  EXPECT_EQ(rule_of([](MarkBands&) {}, "加分"), "rubric.band");
  EXPECT_EQ(sheet.with_bands("nope", benefit_bands()).code(), ErrorCode::not_found);
}

TEST(RubricPrize, AShareOfTheFigureAboveTheThresholdCapped) {
  const Rubric r = office_rubric();
  EXPECT_EQ(r.prize_for(Decimal(1200000)).value(), "14000.00"_dec);
  EXPECT_EQ(r.prize_for(Decimal(500000)).value(), "0.00"_dec);
  EXPECT_EQ(r.prize_for(Decimal(80000)).value(), "0.00"_dec);
  EXPECT_EQ(r.prize_for(Decimal(9000000)).value(), "50000.00"_dec);  // capped
  EXPECT_EQ(r.prize_for("500000.49"_dec).value(), "0.01"_dec);       // 0.0098, half-even
  EXPECT_EQ(r.prize_for(Decimal(-1)).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(kexie_test::proposal_rubric().prize_for(Decimal(1)).code(), ErrorCode::not_found);
  const auto rule_of = [&](kexie::PrizeRule p) {
    auto x = r.with_prize(p);
    return x ? std::string("built") : x.error().rule();
  };
  EXPECT_EQ(rule_of({.share = Decimal(1)}), "built");
  EXPECT_EQ(rule_of({.share = Decimal(0)}), "rubric.prize");
  EXPECT_EQ(rule_of({.share = "1.01"_dec}), "rubric.prize");
  EXPECT_EQ(rule_of({.share = "0.000000001"_dec}), "rubric.prize");  // 9 places
  EXPECT_EQ(rule_of({.threshold = Decimal(-1), .share = "0.1"_dec}), "rubric.prize");
  EXPECT_EQ(rule_of({.share = "0.1"_dec, .cap = "1.001"_dec}), "rubric.prize");
  EXPECT_EQ(rule_of({.share = "0.1"_dec, .cap = Decimal(-1)}), "rubric.prize");
}

namespace {

// A campaign scoring three entries on the office sheet with three judges (plain mean).
struct OfficeCampaign {
  kexie_test::World w;
  kexie::Campaign c{w.registry, [&] {
                      auto s = kexie_test::proposal_spec(w);
                      s.awards.tiers = {kexie::AwardTier::by_places("一等奖", 1, "85"_dec),
                                        kexie::AwardTier::by_places("二等奖", 1, "70"_dec),
                                        kexie::AwardTier::by_places("三等奖", 1, "60"_dec)};
                      return s;
                    }()};
  std::vector<kexie::JudgeId> judges;
  kexie::EntryId p1, p2, p3;

  explicit OfficeCampaign(const Rubric& rubric) {
    c.set_rubric(kexie::Category::rationalization_proposals, rubric).value();
    for (std::size_t k = 0; k < 3; ++k) judges.push_back(c.add_judge(w.experts[k]).value());
    const auto entry = [&](const char* code, int k, const char* benefit, int gain) {
      auto spec = kexie_test::proposal(w, code, 0, k, benefit);
      spec.claims.efficiency_gain_percent = Decimal(gain);
      auto id = c.add_entry(spec).value();
      for (const kexie::JudgeId j : judges) c.assign(j, id).value();
      return id;
    };
    p1 = entry("P-1", 0, "1200000", 25);
    p2 = entry("P-2", 1, "650000", 12);
    p3 = entry("P-3", 2, "80000", 5);  // the team's members differ: staff 0, 1, 2
  }

  void marks(kexie::EntryId e, const char* code, std::array<const char*, 3> m) {
    for (std::size_t k = 0; k < 3; ++k) {
      c.mark(judges[k], e, code, Decimal::parse(m[k]).value()).value();
    }
  }
};

}  // namespace

// The office's sheet scored by hand: each item is the mean of three marks, in points.
//   P-1: 创新 (27+28+29)/3 = 28, 可行 26, 效益 19 (band [16, 20]: 1 200 000 yuan),
//        推广 20 (gain 25 % ≥ 20), bonus 3 → 96; prize 2 % × 700 000 = 14 000.00
//   P-2: 21 + 24 + 16 (band [12, 17]) + 15 → 76; prize 2 % × 150 000 = 3 000.00
//   P-3: 16 + 19 + 11 (band [8, 13]) + 10 → 56; prize 0.00 (below 500 000 yuan)
TEST(RubricPoints, AnOfficeSheetScoredByHand) {
  OfficeCampaign o(office_rubric());
  o.marks(o.p1, "技术.创新", {"27", "28", "29"});
  o.marks(o.p1, "技术.可行", {"25", "26", "27"});
  o.marks(o.p1, "效益", {"18", "19", "20"});
  o.marks(o.p1, "加分", {"2", "3", "4"});
  o.marks(o.p2, "技术.创新", {"20", "21", "22"});
  o.marks(o.p2, "技术.可行", {"24", "24", "24"});
  o.marks(o.p2, "效益", {"15", "16", "17"});
  o.marks(o.p3, "技术.创新", {"15", "16", "17"});
  o.marks(o.p3, "技术.可行", {"18", "19", "20"});
  o.marks(o.p3, "效益", {"10", "11", "12"});
  // A mark outside the band the entry's benefit selects is refused, naming band and figure.
  auto high = o.c.mark(o.judges[0], o.p2, "效益", Decimal(18));
  ASSERT_FALSE(high);
  EXPECT_EQ(high.error().rule(), "rubric.band");
  EXPECT_EQ(high.error().article(), "A12");
  EXPECT_NE(high.error().message().find("P-2"), std::string::npos);
  EXPECT_NE(high.error().message().find("band [12, 17] selected by annual_benefit_yuan = 650000"),
            std::string::npos);
  EXPECT_EQ(o.c.mark(o.judges[0], o.p3, "效益", Decimal(14)).error().rule(), "rubric.band");
  // A batch is checked the same way, all or nothing: the out-of-band mark names its place.
  {
    OfficeCampaign b(office_rubric());
    std::vector<kexie::MarkInput> batch = {
        {.judge = b.judges[0], .entry = b.p1, .indicator = "效益", .mark = Decimal(16)},
        {.judge = b.judges[1], .entry = b.p1, .indicator = "效益", .mark = Decimal(15)}};
    std::size_t failed = 99;
    auto refused = b.c.mark_all(batch, &failed);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().rule(), "rubric.band");
    EXPECT_EQ(failed, 1u);
    batch[1].mark = Decimal(20);
    EXPECT_TRUE(b.c.mark_all(batch).ok());  // nothing of the refused batch was kept
  }

  const kexie::Scoreboard board = o.c.score().value();
  const kexie::EntryResult r1 = board.find(o.p1).value();
  const kexie::EntryResult r2 = board.find(o.p2).value();
  const kexie::EntryResult r3 = board.find(o.p3).value();
  EXPECT_EQ(r1.total, Decimal(96));
  EXPECT_EQ(r1.judged_part, Decimal(73));
  EXPECT_EQ(r1.objective_part, Decimal(20));
  EXPECT_EQ(r1.bonus, Decimal(3));
  EXPECT_EQ(r2.total, Decimal(76));
  EXPECT_EQ(r3.total, Decimal(56));
  EXPECT_EQ(r1.award, "一等奖");
  EXPECT_EQ(r2.award, "二等奖");
  EXPECT_FALSE(r3.tier);  // 56 is below the 三等奖 minimum of 60
  ASSERT_TRUE(r1.prize && r2.prize && r3.prize);
  EXPECT_EQ(*r1.prize, "14000.00"_dec);
  EXPECT_EQ(*r2.prize, "3000.00"_dec);
  EXPECT_EQ(*r3.prize, "0.00"_dec);

  // The explanation names the points, the band and the figure that selected it, the prize.
  const kexie::Explanation x = kexie::explain(o.c, board, o.p2).value();
  ASSERT_TRUE(x.full_score);
  EXPECT_EQ(*x.full_score, Decimal(100));
  const kexie::IndicatorLine* benefit = nullptr;
  for (const auto& l : x.lines) {
    if (l.code == "效益") benefit = &l;
  }
  ASSERT_NE(benefit, nullptr);
  ASSERT_TRUE(benefit->band && benefit->points);
  EXPECT_EQ(benefit->band->min, Decimal(12));
  EXPECT_EQ(benefit->band->max, Decimal(17));
  EXPECT_EQ(*benefit->points, Decimal(20));
  EXPECT_EQ(benefit->contribution, Decimal(16));
  EXPECT_EQ(x.prize, "0.02 × (annual_benefit_yuan 650000 − 500000) = 3000.00");
  const std::string zh = kexie::to_text(x, kexie::Language::chinese);
  const std::string en = kexie::to_text(x, kexie::Language::english);
  EXPECT_NE(zh.find("评分档次 [12, 17]，由 annual_benefit_yuan = 650000 ≥ 100000 确定"),
            std::string::npos)
      << zh;
  EXPECT_NE(zh.find("满分 20，得分 16"), std::string::npos) << zh;
  EXPECT_NE(zh.find("奖金：3000.00 元（0.02 × (annual_benefit_yuan 650000 − 500000) = 3000.00）"),
            std::string::npos)
      << zh;
  EXPECT_NE(zh.find("满分 100；总分 76"), std::string::npos) << zh;
  EXPECT_NE(en.find("band [12, 17] selected by annual_benefit_yuan = 650000 ≥ 100000"),
            std::string::npos)
      << en;
  EXPECT_NE(en.find("max points 20, scores 16"), std::string::npos) << en;
  EXPECT_NE(en.find("prize: 3000.00 yuan"), std::string::npos) << en;
  const std::string json = kexie::to_json(x);
  EXPECT_NE(json.find(R"("band":{"at_least":"100000","min":"12","max":"17"})"), std::string::npos)
      << json;
  EXPECT_NE(json.find(R"("prize":"3000.00")"), std::string::npos) << json;
  // The cap, and an entry that earns nothing.
  const kexie::Explanation x3 = kexie::explain(o.c, board, o.p3).value();
  EXPECT_NE(x3.prize.find("not above the threshold"), std::string::npos) << x3.prize;
}

// A points sheet is the weighted rubric with weight = points ÷ full score, marked on
// [0, full score]: a mark m on a leaf of p points is m × 100 ÷ p there, and the
// totals are equal.
TEST(RubricPoints, EqualsItsWeightedForm) {
  auto sheet = office_sheet();
  sheet.resize(5);  // no bonus, no veto
  MarkScale hundred_1{Decimal(0), Decimal(100), Decimal(1)};
  std::vector<IndicatorSpec> weighted = {
      {"技术", "技术水平", "", IndicatorKind::group, "0.6"_dec, {}, {}, {}},
      {"技术.创新", "创新性", "技术", IndicatorKind::judged, "0.5"_dec, hundred_1, {}, {}},
      {"技术.可行", "可行性", "技术", IndicatorKind::judged, "0.5"_dec, hundred_1, {}, {}},
      {"效益", "经济效益", "", IndicatorKind::judged, "0.2"_dec, hundred_1, {}, {}},
      {"推广", "推广价值", "", IndicatorKind::objective, "0.2"_dec, {}, {}, {}},
  };
  weighted[4].objective = {ClaimedFigure::efficiency_gain_percent,
                           {{Decimal(20), Decimal(100)}, {Decimal(10), Decimal(75)}},
                           Decimal(50),
                           {},
                           {}};
  OfficeCampaign points(Rubric::build_points("百分制", Decimal(100), sheet).value());
  OfficeCampaign weights(Rubric::build("权重制", weighted).value());
  points.marks(points.p2, "技术.创新", {"21", "21", "21"});
  weights.marks(weights.p2, "技术.创新", {"70", "70", "70"});  // 21 × 100 ÷ 30
  points.marks(points.p2, "技术.可行", {"24", "24", "24"});
  weights.marks(weights.p2, "技术.可行", {"80", "80", "80"});
  points.marks(points.p2, "效益", {"15", "16", "17"});
  weights.marks(weights.p2, "效益", {"75", "80", "85"});  // × 100 ÷ 20
  const auto total = [](OfficeCampaign& o) { return o.c.score().value().find(o.p2)->total; };
  EXPECT_EQ(total(points), Decimal(76));
  EXPECT_EQ(total(weights), Decimal(76));
}

// A points sheet with bands and a prize survives a snapshot (CampaignRecord 3): the
// loaded campaign scores to the same digest and prizes, and keeps refusing marks
// outside the band.
TEST(RubricPoints, SurvivesASnapshot) {
  OfficeCampaign o(office_rubric());
  o.marks(o.p1, "技术.创新", {"27", "28", "29"});
  o.marks(o.p1, "技术.可行", {"25", "26", "27"});
  o.marks(o.p1, "效益", {"18", "19", "20"});
  o.marks(o.p2, "技术.创新", {"20", "21", "22"});
  const kexie::Scoreboard board = o.c.score().value();
  const auto bytes = kexie::save_snapshot(kexie::SnapshotView(o.w.registry).add(o.c)).value();
  kexie::Snapshot snap = kexie::load_snapshot(std::span<const std::byte>(bytes)).value();
  ASSERT_EQ(snap.campaigns().size(), 1u);
  const kexie::Campaign& back = snap.campaigns()[0];
  const Rubric r = back.rubric(kexie::Category::rationalization_proposals).value();
  ASSERT_TRUE(r.full_score() && r.prize());
  EXPECT_EQ(*r.full_score(), Decimal(100));
  EXPECT_EQ(r.prize()->share, "0.02"_dec);
  EXPECT_EQ(*r.prize()->cap, Decimal(50000));
  EXPECT_EQ(r.indicators()[r.find("技术.可行").value()].points, Decimal(30));
  EXPECT_EQ(r.band_for("效益", Decimal(650000)).value().max, Decimal(17));
  EXPECT_FALSE(r.check_mark("效益", Decimal(18), Decimal(650000)));
  const kexie::Scoreboard again = back.score().value();
  EXPECT_EQ(again.digest(), board.digest());
  EXPECT_EQ(*again.find(o.p1)->prize, "14000.00"_dec);
  EXPECT_EQ(kexie::save_snapshot(snap).value(), bytes);
}

// Vetoed entries earn no prize, and with awarded_only neither do entries without a tier;
// the prize never moves a total, and the digest covers it.
TEST(RubricPrize, OnlyEligibleEntriesEarnItAndTotalsDoNotMove) {
  const Rubric plain = Rubric::build_points("百分制评审表", Decimal(100), office_sheet())
                           .value()
                           .with_bands("效益", benefit_bands())
                           .value();
  const Rubric paid = plain.with_prize({.share = "0.02"_dec, .awarded_only = true}).value();
  const auto run = [](const Rubric& rubric) {
    OfficeCampaign o(rubric);
    o.marks(o.p1, "技术.创新", {"27", "28", "29"});
    o.marks(o.p1, "技术.可行", {"25", "26", "27"});
    o.marks(o.p1, "效益", {"18", "19", "20"});
    o.marks(o.p2, "技术.创新", {"20", "21", "22"});
    o.marks(o.p2, "技术.可行", {"24", "24", "24"});
    o.marks(o.p2, "效益", {"15", "16", "17"});
    o.marks(o.p3, "技术.创新", {"15", "16", "17"});
    o.marks(o.p3, "技术.可行", {"18", "19", "20"});
    o.marks(o.p3, "效益", {"10", "11", "12"});
    o.c.veto(o.judges[0], o.p2, "否决", "数据不实").value();
    const kexie::Scoreboard board = o.c.score().value();
    std::vector<std::string> text;
    for (const kexie::EntryId e : {o.p1, o.p2, o.p3}) {
      text.push_back(kexie::explain(o.c, board, e).value().prize);
    }
    return std::pair{board, text};
  };
  const auto [with, why] = run(paid);
  const auto [without, none] = run(plain);
  const auto& r1 = with.entries[0];
  EXPECT_EQ(r1.code, "P-1");
  EXPECT_EQ(*r1.prize, "24000.00"_dec);  // 2 % of 1 200 000, from 0
  for (const auto& r : with.entries) {
    const std::optional<kexie::EntryResult> same = without.find(r.entry);
    EXPECT_EQ(r.total, same->total);
    EXPECT_EQ(r.position, same->position);
    EXPECT_EQ(r.tier, same->tier);
    EXPECT_FALSE(same->prize);
    if (r.code != "P-1") {
      EXPECT_EQ(*r.prize, "0.00"_dec) << r.code;
    }
  }
  EXPECT_NE(with.digest(), without.digest());
  EXPECT_NE(why[1].find("none: the entry is vetoed"), std::string::npos) << why[1];
  EXPECT_NE(why[2].find("none: only awarded entries earn it"), std::string::npos) << why[2];
  EXPECT_TRUE(none[0].empty());
}
