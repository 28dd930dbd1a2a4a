// Tests for kexie/weights.hpp. Expected values come from three independent
// places: Saaty's published "choosing a house" example (priorities, λmax, CR),
// closed forms worked by hand (consistent matrices, tiny entropy columns, the
// combinations), and tests/unit/reference/weights_reference.py, which computes
// the same quantities with different algorithms (eigenvector by repeated
// squaring, geometric mean by n-th roots of products, exact fractions for
// quantization). Every edge case the issue names has its own test.
#include "kexie/weights.hpp"

#include "kexie/agreement.hpp"
#include "kexie/matrix.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>
#include <cmath>
#include <random>
#include <vector>

using kexie::AhpMethod;
using kexie::AhpOptions;
using kexie::CriterionKind;
using kexie::Decimal;
using kexie::EntropyNormalization;
using kexie::ErrorCode;
using kexie::Matrix;
using kexie::PassRule;
using kexie::RandomIndexTable;

namespace {

// Saaty (1990), "How to make a decision: the analytic hierarchy process",
// EJOR 48: criteria for choosing a house. Published: priorities .173 .054 .188
// .018 .031 .036 .167 .333, λmax = 9.669, CI = 0.238, CR = 0.169.
Matrix saaty_house() {
  return Matrix{{1, 5, 3, 7, 6, 6, 1.0 / 3, 1.0 / 4},
                {1.0 / 5, 1, 1.0 / 3, 5, 3, 3, 1.0 / 5, 1.0 / 7},
                {1.0 / 3, 3, 1, 6, 3, 4, 6, 1.0 / 5},
                {1.0 / 7, 1.0 / 5, 1.0 / 6, 1, 1.0 / 3, 1.0 / 4, 1.0 / 7, 1.0 / 8},
                {1.0 / 6, 1.0 / 3, 1.0 / 3, 3, 1, 1.0 / 2, 1.0 / 5, 1.0 / 6},
                {1.0 / 6, 1.0 / 3, 1.0 / 4, 4, 2, 1, 1.0 / 5, 1.0 / 6},
                {3, 5, 1.0 / 6, 7, 5, 5, 1, 1.0 / 2},
                {4, 7, 5, 8, 6, 6, 2, 1}};
}

// The worked example of docs/weights.md.
Matrix doc_example() {
  const double upper[] = {3, 5, 7, 3, 5, 3};
  return kexie::pairwise_from_upper(4, upper).value();
}

void expect_near_all(const std::vector<double>& got, const std::vector<double>& want, double tol) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], tol) << "index " << i;
}

std::vector<std::string> texts(const std::vector<Decimal>& ds) {
  std::vector<std::string> out;
  for (const Decimal& d : ds) out.push_back(d.to_string());
  return out;
}

Decimal total(const std::vector<Decimal>& ds) { return kexie::sum(ds).value(); }

}  // namespace

// ---------------------------------------------------------------------------
// Random-index tables

TEST(RandomIndex, SaatyClassicTable) {
  const double want[] = {0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49};
  for (std::size_t n = 3; n <= 10; ++n) {
    EXPECT_EQ(kexie::random_index(RandomIndexTable::saaty, n).value(), want[n - 3]) << n;
  }
  EXPECT_EQ(kexie::random_index(RandomIndexTable::saaty, 15).value(), 1.59);
  EXPECT_EQ(kexie::random_index(RandomIndexTable::saaty, 16).code(), ErrorCode::invalid_argument);
}

TEST(RandomIndex, OtherTablesAndSmallSizes) {
  EXPECT_EQ(kexie::random_index(RandomIndexTable::donegan_dodd, 3).value(), 0.4914);
  EXPECT_EQ(kexie::random_index(RandomIndexTable::donegan_dodd, 9).value(), 1.3733);
  EXPECT_EQ(kexie::random_index(RandomIndexTable::donegan_dodd, 30).value(), 1.5772);
  EXPECT_EQ(kexie::random_index(RandomIndexTable::donegan_dodd, 21).code(),
            ErrorCode::invalid_argument);  // never interpolated
  for (auto t :
       {RandomIndexTable::saaty, RandomIndexTable::donegan_dodd, RandomIndexTable::tummala_ling}) {
    EXPECT_EQ(kexie::random_index(t, 1).value(), 0.0);
    EXPECT_EQ(kexie::random_index(t, 2).value(), 0.0);
    EXPECT_EQ(kexie::random_index(t, 0).code(), ErrorCode::invalid_argument);
    EXPECT_GT(kexie::random_index(t, 3).value(), 0.0);
  }
  EXPECT_EQ(kexie::to_string(RandomIndexTable::donegan_dodd), "donegan_dodd");
}

// ---------------------------------------------------------------------------
// AHP

TEST(Ahp, ConsistentMatrixGivesExactRatiosWithEveryMethod) {
  // w = (4/7, 2/7, 1/7): a_ij = w_i / w_j, so every method must return w and λmax = n.
  const Matrix a{{1, 2, 4}, {0.5, 1, 2}, {0.25, 0.5, 1}};
  for (auto m : {AhpMethod::eigenvector, AhpMethod::geometric_mean, AhpMethod::column_mean}) {
    AhpOptions o;
    o.method = m;
    const kexie::AhpResult r = kexie::ahp(a, o).value();
    expect_near_all(r.weights, {4.0 / 7, 2.0 / 7, 1.0 / 7}, 1e-14);
    EXPECT_NEAR(r.lambda_max, 3.0, 1e-13);
    EXPECT_NEAR(r.cr, 0.0, 1e-13);
    EXPECT_TRUE(r.consistent);
    EXPECT_EQ(r.method, m);
    EXPECT_EQ(r.ri, 0.58);
  }
}

TEST(Ahp, SaatyHouseExampleMatchesPublishedValues) {
  const kexie::AhpResult r = kexie::ahp(saaty_house()).value();
  // Published, three places.
  const std::vector<double> published = {.173, .054, .188, .018, .031, .036, .167, .333};
  expect_near_all(r.weights, published, 0.0005 + 1e-12);
  EXPECT_NEAR(r.lambda_max, 9.669, 0.0005);
  EXPECT_NEAR(r.ci, 0.238, 0.0005);
  EXPECT_NEAR(r.cr, 0.169, 0.0005);
  // Reference script (repeated squaring), to 1e-10.
  expect_near_all(r.weights,
                  {0.173017474648, 0.053975722999, 0.188110298857, 0.017507911308, 0.031043736404,
                   0.036322202155, 0.166833673626, 0.333188980002},
                  1e-10);
  EXPECT_NEAR(r.lambda_max, 9.668887317118, 1e-9);
  EXPECT_NEAR(r.cr, 0.169086860904, 1e-9);
  EXPECT_FALSE(r.consistent);  // 0.169 ≥ 0.10
  EXPECT_GT(r.iterations, 0);
  EXPECT_EQ(r.ri_table, RandomIndexTable::saaty);
  EXPECT_EQ(r.pass_rule, PassRule::below);
  EXPECT_EQ(r.threshold, 0.10);
  // Neighbourhood vs general condition: judged 6, the priorities imply 1.13.
  EXPECT_EQ(r.worst.row, 2u);
  EXPECT_EQ(r.worst.col, 6u);
  EXPECT_EQ(r.worst.judgement, 6.0);
  EXPECT_NEAR(r.worst.implied, 1.127531959038, 1e-9);
}

TEST(Ahp, GeometricAndColumnMeanMatchReference) {
  AhpOptions o;
  o.method = AhpMethod::geometric_mean;
  const kexie::AhpResult g = kexie::ahp(saaty_house(), o).value();
  expect_near_all(g.weights,
                  {0.174805089676, 0.062646513445, 0.148706335661, 0.019344908654, 0.035570280083,
                   0.042300430158, 0.167016262972, 0.349610179352},
                  1e-11);
  EXPECT_NEAR(g.lambda_max, 9.593203329671, 1e-9);
  EXPECT_EQ(g.iterations, 0);
  o.method = AhpMethod::column_mean;
  const kexie::AhpResult c = kexie::ahp(saaty_house(), o).value();
  expect_near_all(c.weights,
                  {0.174374923848, 0.066084490840, 0.170152151868, 0.018899297222, 0.035250476359,
                   0.044457016594, 0.178488793070, 0.312292850198},
                  1e-11);
  EXPECT_NEAR(c.lambda_max, 9.618186582148, 1e-9);
}

TEST(Ahp, StrictResultReportsInconsistentJudgements) {
  AhpOptions o;
  o.require_consistency = true;
  const auto r = kexie::ahp(saaty_house(), o);
  ASSERT_EQ(r.code(), ErrorCode::inconsistent_judgements);
  EXPECT_NE(r.error().message().find("0.169"), std::string::npos) << r.error().message();
  EXPECT_NE(r.error().message().find("(2, 6)"), std::string::npos) << r.error().message();
  EXPECT_EQ(r.error().rule(), "weights.ahp_consistency");
  // A consistent matrix passes the strict mode.
  EXPECT_TRUE(kexie::ahp(doc_example(), o).ok());
}

TEST(Ahp, PassRuleDecidesTheBoundary) {
  const kexie::AhpResult first = kexie::ahp(doc_example()).value();
  AhpOptions o;
  o.threshold = first.cr;  // CR exactly at the threshold
  o.pass_rule = PassRule::below;
  EXPECT_FALSE(kexie::ahp(doc_example(), o).value().consistent);
  o.pass_rule = PassRule::at_most;
  EXPECT_TRUE(kexie::ahp(doc_example(), o).value().consistent);
  EXPECT_EQ(kexie::ahp(doc_example(), o).value().pass_rule, PassRule::at_most);
}

TEST(Ahp, DocsWorkedExample) {
  // docs/weights.md, "Worked example": numbers from the reference script.
  const kexie::AhpResult r = kexie::ahp(doc_example()).value();
  expect_near_all(r.weights, {0.565009053799, 0.262201205561, 0.117504250041, 0.055285490599},
                  1e-11);
  EXPECT_NEAR(r.lambda_max, 4.116982443447, 1e-9);
  EXPECT_NEAR(r.ci, 0.038994147816, 1e-9);
  EXPECT_NEAR(r.cr, 0.043326830906, 1e-9);
  EXPECT_TRUE(r.consistent);
  const auto q = kexie::quantize_weights(r.weights, 4).value();
  EXPECT_EQ(texts(q), (std::vector<std::string>{"0.5650", "0.2622", "0.1175", "0.0553"}));
  EXPECT_EQ(total(q), Decimal(1));
}

TEST(Ahp, SizesOneAndTwoAreAlwaysConsistent) {
  const kexie::AhpResult one = kexie::ahp(Matrix{{1}}).value();
  EXPECT_EQ(one.weights, std::vector<double>{1.0});
  EXPECT_EQ(one.cr, 0.0);
  EXPECT_EQ(one.ci, 0.0);
  EXPECT_TRUE(one.consistent);
  for (auto m : {AhpMethod::eigenvector, AhpMethod::geometric_mean, AhpMethod::column_mean}) {
    AhpOptions o;
    o.method = m;
    o.require_consistency = true;
    const kexie::AhpResult two = kexie::ahp(Matrix{{1, 3}, {1.0 / 3, 1}}, o).value();
    expect_near_all(two.weights, {0.75, 0.25}, 1e-15);
    EXPECT_NEAR(two.lambda_max, 2.0, 1e-15);
    EXPECT_EQ(two.cr, 0.0);
    EXPECT_EQ(two.ri, 0.0);
  }
}

TEST(Ahp, ValidationNamesTheCell) {
  EXPECT_EQ(kexie::ahp(Matrix{}).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(kexie::ahp(Matrix{{1, 2}}).code(), ErrorCode::invalid_argument);  // not square
  EXPECT_EQ(kexie::ahp(Matrix{{1, 0}, {0, 1}}).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(kexie::ahp(Matrix{{1, -2}, {-0.5, 1}}).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(kexie::ahp(Matrix{{1, NAN}, {1, 1}}).code(), ErrorCode::invalid_argument);
  const auto diag = kexie::ahp(Matrix{{2, 1}, {1, 1}});
  ASSERT_EQ(diag.code(), ErrorCode::invalid_argument);
  EXPECT_NE(diag.error().message().find("(0, 0)"), std::string::npos);
  const auto nonrecip = kexie::ahp(Matrix{{1, 3, 1}, {1.0 / 3, 1, 1}, {1, 0.5, 1}});
  ASSERT_EQ(nonrecip.code(), ErrorCode::invalid_argument);
  EXPECT_NE(nonrecip.error().message().find("(1, 2)"), std::string::npos);
  // 0.333 for 1/3 is rejected at the default tolerance, accepted at a looser one.
  const Matrix typed{{1, 3}, {0.333, 1}};
  EXPECT_EQ(kexie::ahp(typed).code(), ErrorCode::invalid_argument);
  AhpOptions loose;
  loose.reciprocal_tolerance = 1e-3;
  EXPECT_TRUE(kexie::ahp(typed, loose).ok());
  // Too large for the chosen table.
  EXPECT_EQ(kexie::ahp(Matrix(16, 16, 1.0)).code(), ErrorCode::invalid_argument);
  AhpOptions dd;
  dd.ri_table = RandomIndexTable::donegan_dodd;
  EXPECT_TRUE(kexie::ahp(Matrix(16, 16, 1.0), dd).ok());
}

TEST(Ahp, SaatyScaleCheck) {
  AhpOptions o;
  o.saaty_scale = true;
  EXPECT_TRUE(kexie::validate_pairwise(saaty_house(), o).ok());  // 1..9 and reciprocals
  const Matrix half{{1, 2.5}, {0.4, 1}};
  EXPECT_TRUE(kexie::validate_pairwise(half).ok());
  EXPECT_EQ(kexie::validate_pairwise(half, o).code(), ErrorCode::invalid_argument);
  const Matrix ten{{1, 10}, {0.1, 1}};
  EXPECT_EQ(kexie::validate_pairwise(ten, o).code(), ErrorCode::invalid_argument);
}

TEST(Ahp, IterationCapIsReported) {
  AhpOptions o;
  o.max_iterations = 1;
  EXPECT_EQ(kexie::ahp(saaty_house(), o).code(), ErrorCode::invalid_argument);
  o.max_iterations = 0;
  EXPECT_EQ(kexie::ahp(saaty_house(), o).code(), ErrorCode::invalid_argument);
}

TEST(Ahp, PairwiseFromUpper) {
  const double upper[] = {3, 5, 2};
  const Matrix m = kexie::pairwise_from_upper(3, upper).value();
  EXPECT_EQ(m(0, 1), 3.0);
  EXPECT_EQ(m(2, 0), 1.0 / 5);
  EXPECT_EQ(m(1, 1), 1.0);
  EXPECT_EQ(kexie::pairwise_from_upper(4, upper).code(), ErrorCode::invalid_argument);
  const double neg[] = {3, -5, 2};
  EXPECT_EQ(kexie::pairwise_from_upper(3, neg).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(kexie::pairwise_from_upper(1, {}).value(), Matrix{{1}});
  // The braced form used in the header's example.
  EXPECT_EQ(kexie::pairwise_from_upper(3, {{3, 5, 2}}).value(), m);
}

// ---------------------------------------------------------------------------
// Group AHP

namespace {
Matrix judge(double a01, double a02, double a12) {
  const double upper[] = {a01, a02, a12};
  return kexie::pairwise_from_upper(3, upper).value();
}
}  // namespace

TEST(GroupAhp, AggregationOfJudgements) {
  const std::vector<Matrix> panel = {judge(2, 4, 2), judge(4, 8, 2), judge(1, 2, 3)};
  const double lambda[] = {2, 1, 1};  // normalized to 0.5, 0.25, 0.25
  const Matrix g = kexie::aggregate_judgements(panel, lambda).value();
  EXPECT_NEAR(g(0, 1), 2.0, 1e-14);  // 2^.5 · 4^.25 · 1^.25
  EXPECT_NEAR(g(0, 2), 4.0, 1e-14);
  EXPECT_NEAR(g(1, 2), 2.213363839401, 1e-11);
  EXPECT_EQ(g(2, 1), 1.0 / g(1, 2));
  EXPECT_TRUE(kexie::validate_pairwise(g).ok());
  // Equal weights by default: the geometric mean of 2, 4, 1 is 2.
  EXPECT_NEAR(kexie::aggregate_judgements(panel).value()(0, 1), 2.0, 1e-14);
  // Errors.
  EXPECT_EQ(kexie::aggregate_judgements({}).code(), ErrorCode::invalid_argument);
  const double two[] = {1, 1};
  EXPECT_EQ(kexie::aggregate_judgements(panel, two).code(), ErrorCode::invalid_argument);
  const double zeros[] = {0, 0, 0};
  EXPECT_EQ(kexie::aggregate_judgements(panel, zeros).code(), ErrorCode::invalid_argument);
  const std::vector<Matrix> mixed = {judge(2, 4, 2), Matrix{{1, 2}, {0.5, 1}}};
  EXPECT_EQ(kexie::aggregate_judgements(mixed).code(), ErrorCode::invalid_argument);
}

TEST(GroupAhp, AggregationOfPriorities) {
  std::vector<std::vector<double>> each;
  for (const Matrix& m : {judge(2, 4, 2), judge(4, 8, 2), judge(1, 2, 3)}) {
    each.push_back(kexie::ahp(m).value().weights);
  }
  const double lambda[] = {0.5, 0.25, 0.25};
  expect_near_all(kexie::aggregate_priorities(each, lambda).value(),
                  {0.568544598738, 0.294041624841, 0.137413776421}, 1e-11);
  expect_near_all(
      kexie::aggregate_priorities(each, lambda, kexie::PriorityMean::arithmetic).value(),
      {0.564375220442, 0.299168966855, 0.136455812702}, 1e-11);
  std::vector<std::vector<double>> with_zero = {{0.5, 0.5, 0.0}, {0.2, 0.3, 0.5}};
  EXPECT_EQ(kexie::aggregate_priorities(with_zero).code(), ErrorCode::invalid_argument);
  expect_near_all(
      kexie::aggregate_priorities(with_zero, {}, kexie::PriorityMean::arithmetic).value(),
      {0.35, 0.4, 0.25}, 1e-15);
  std::vector<std::vector<double>> ragged = {{0.5, 0.5}, {0.2, 0.3, 0.5}};
  EXPECT_EQ(kexie::aggregate_priorities(ragged).code(), ErrorCode::invalid_argument);
}

// ---------------------------------------------------------------------------
// Hierarchy

TEST(Hierarchy, GlobalWeightsAreProductsDownTheTree) {
  kexie::Hierarchy h("total");
  const auto tech = h.add(kexie::Hierarchy::kRoot, "technical level");
  const auto gain = h.add(kexie::Hierarchy::kRoot, "benefit");
  const auto pat = h.add(tech, "patents");
  const auto nov = h.add(tech, "novelty");
  const auto energy = h.add(gain, "energy saved");
  const auto money = h.add(gain, "yuan saved");
  const auto co2 = h.add(gain, "CO2 avoided");
  EXPECT_EQ(h.global_weights().code(), ErrorCode::invalid_argument);  // nothing set yet
  const double root_w[] = {0.6, 0.4};
  ASSERT_TRUE(h.set_weights(kexie::Hierarchy::kRoot, root_w).ok());
  const kexie::AhpResult r = h.set_weights_by_ahp(tech, Matrix{{1, 3}, {1.0 / 3, 1}}).value();
  EXPECT_TRUE(r.consistent);
  ASSERT_TRUE(h.ahp_result(tech).has_value());
  EXPECT_FALSE(h.ahp_result(kexie::Hierarchy::kRoot).has_value());
  const auto missing = h.global_weights();
  ASSERT_EQ(missing.code(), ErrorCode::invalid_argument);
  EXPECT_NE(missing.error().message().find("benefit"), std::string::npos);
  ASSERT_TRUE(h.set_weights_by_ahp(gain, Matrix{{1, 2, 4}, {0.5, 1, 2}, {0.25, 0.5, 1}}).ok());

  const auto leaves = h.global_weights().value();
  ASSERT_EQ(leaves.size(), 5u);
  EXPECT_EQ(leaves[0].node, pat);
  EXPECT_EQ(leaves[0].name, "patents");
  EXPECT_NEAR(leaves[0].weight, 0.45, 1e-15);
  EXPECT_EQ(leaves[1].node, nov);
  EXPECT_NEAR(leaves[1].weight, 0.15, 1e-15);
  EXPECT_EQ(leaves[2].node, energy);
  EXPECT_NEAR(leaves[2].weight, 0.4 * 4 / 7, 1e-14);
  EXPECT_EQ(leaves[3].node, money);
  EXPECT_NEAR(leaves[3].weight, 0.4 * 2 / 7, 1e-14);
  EXPECT_EQ(leaves[4].node, co2);
  EXPECT_NEAR(leaves[4].weight, 0.4 / 7, 1e-14);
  std::vector<double> g;
  for (const auto& l : leaves) g.push_back(l.weight);
  EXPECT_EQ(total(kexie::quantize_weights(g, 6).value()), Decimal(1));
  EXPECT_EQ(h.parent(pat), tech);
  EXPECT_EQ(h.children(kexie::Hierarchy::kRoot), (std::vector<std::size_t>{tech, gain}));
}

TEST(Hierarchy, RefusesBadWeightsAndInconsistentJudgements) {
  kexie::Hierarchy h;
  std::vector<std::size_t> kids;
  for (int i = 0; i < 8; ++i)
    kids.push_back(h.add(kexie::Hierarchy::kRoot, "c" + std::to_string(i)));
  const auto r = h.set_weights_by_ahp(kexie::Hierarchy::kRoot, saaty_house());
  EXPECT_EQ(r.code(), ErrorCode::inconsistent_judgements);
  EXPECT_TRUE(h.local_weights(kexie::Hierarchy::kRoot).empty());
  const double three[] = {0.5, 0.25, 0.25};
  EXPECT_EQ(h.set_weights(kexie::Hierarchy::kRoot, three).code(), ErrorCode::invalid_argument);
  std::vector<double> not_one(8, 0.1);
  EXPECT_EQ(h.set_weights(kexie::Hierarchy::kRoot, not_one).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(h.set_weights_by_ahp(kexie::Hierarchy::kRoot, Matrix{{1}}).code(),
            ErrorCode::invalid_argument);
  EXPECT_THROW((void)h.add(99, "x"), std::out_of_range);
  EXPECT_THROW((void)h.name(99), std::out_of_range);
  // A tree that is only its root has one leaf with weight 1.
  kexie::Hierarchy lone("only");
  const auto leaves = lone.global_weights().value();
  ASSERT_EQ(leaves.size(), 1u);
  EXPECT_EQ(leaves[0].weight, 1.0);
}

// ---------------------------------------------------------------------------
// Entropy

namespace {
// The reference data set: 5 entries × 4 criteria, the third a cost.
Matrix entries_data() {
  return Matrix{
      {85, 3, 120, 0.8}, {92, 5, 95, 0.6}, {78, 2, 150, 0.9}, {88, 4, 110, 0.7}, {95, 6, 80, 0.5}};
}
const CriterionKind kEntryKinds[] = {CriterionKind::benefit, CriterionKind::benefit,
                                     CriterionKind::cost, CriterionKind::benefit};
}  // namespace

TEST(Entropy, MatchesReference) {
  const auto r = kexie::entropy_weights(entries_data(), kEntryKinds).value();
  expect_near_all(r.weights, {0.227959215330, 0.273329729015, 0.225381326641, 0.273329729015},
                  1e-11);
  EXPECT_FALSE(r.uninformative);
  EXPECT_TRUE(r.constant_criteria.empty());
  EXPECT_EQ(r.normalization, EntropyNormalization::min_max);
}

TEST(Entropy, ZeroTimesLogZeroIsZeroAndConstantColumnsGetNothing) {
  // Column 0 = (1, 2, 3): min–max gives (0, 1/2, 1), p = (0, 1/3, 2/3); the zero
  // contributes nothing, so e = −(1/3 ln 1/3 + 2/3 ln 2/3) / ln 3. Column 1 is constant.
  const Matrix data{{1, 10}, {2, 10}, {3, 10}};
  const auto r = kexie::entropy_weights(data).value();
  const double e0 = -(std::log(1.0 / 3) / 3 + 2 * std::log(2.0 / 3) / 3) / std::log(3.0);
  EXPECT_NEAR(r.spread[0], e0, 1e-15);
  EXPECT_EQ(r.spread[1], 1.0);
  EXPECT_EQ(r.weights, (std::vector<double>{1.0, 0.0}));
  EXPECT_EQ(r.constant_criteria, std::vector<std::size_t>{1});
  EXPECT_FALSE(r.uninformative);
}

TEST(Entropy, ProportionNormalizationByHand) {
  // p0 = (1, 1, 2)/4, p1 = (1, 2, 3)/6; a cost column (1, 2, 4) becomes (1, 1/2, 1/4).
  const Matrix data{{1, 1, 1}, {1, 2, 2}, {2, 3, 4}};
  const CriterionKind kinds[] = {CriterionKind::benefit, CriterionKind::benefit,
                                 CriterionKind::cost};
  const auto r = kexie::entropy_weights(data, kinds, EntropyNormalization::proportion).value();
  auto h = [](std::vector<double> p) {
    double s = 0, e = 0;
    for (double x : p) s += x;
    for (double x : p) e -= x / s * std::log(x / s);
    return 1.0 - e / std::log(3.0);
  };
  const double d0 = h({1, 1, 2}), d1 = h({1, 2, 3}), d2 = h({1, 0.5, 0.25});
  expect_near_all(r.weights, {d0 / (d0 + d1 + d2), d1 / (d0 + d1 + d2), d2 / (d0 + d1 + d2)},
                  1e-14);
  EXPECT_EQ(r.normalization, EntropyNormalization::proportion);
}

TEST(Entropy, DegenerateData) {
  // Every column constant: equal weights, flagged.
  const auto flat = kexie::entropy_weights(Matrix{{3, 7}, {3, 7}, {3, 7}}).value();
  EXPECT_EQ(flat.weights, (std::vector<double>{0.5, 0.5}));
  EXPECT_TRUE(flat.uninformative);
  EXPECT_EQ(flat.constant_criteria.size(), 2u);
  // All-zero data under both normalizations.
  for (auto norm : {EntropyNormalization::min_max, EntropyNormalization::proportion}) {
    const auto zero = kexie::entropy_weights(Matrix(4, 3, 0.0), {}, norm).value();
    EXPECT_TRUE(zero.uninformative);
    EXPECT_NEAR(zero.weights[0], 1.0 / 3, 1e-16);
  }
  // Two alternatives: each non-constant column is maximally informative (e = 0).
  const auto two = kexie::entropy_weights(Matrix{{1, 5, 2}, {2, 3, 2}}).value();
  EXPECT_EQ(two.weights, (std::vector<double>{0.5, 0.5, 0.0}));
  // Errors.
  EXPECT_EQ(kexie::entropy_weights(Matrix{{1, 2}}).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(kexie::entropy_weights(Matrix(3, 0)).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(kexie::entropy_weights(Matrix{{1, INFINITY}, {2, 3}}).code(),
            ErrorCode::invalid_argument);
  const CriterionKind one_kind[] = {CriterionKind::cost};
  EXPECT_EQ(kexie::entropy_weights(Matrix{{1, 2}, {2, 3}}, one_kind).code(),
            ErrorCode::invalid_argument);
}

TEST(Entropy, NegativeInputs) {
  const Matrix data{{-1, 2}, {3, 4}, {5, 1}};
  const auto prop = kexie::entropy_weights(data, {}, EntropyNormalization::proportion);
  ASSERT_EQ(prop.code(), ErrorCode::invalid_argument);
  EXPECT_NE(prop.error().message().find("(0, 0)"), std::string::npos);
  const CriterionKind cost[] = {CriterionKind::benefit, CriterionKind::cost};
  EXPECT_EQ(
      kexie::entropy_weights(Matrix{{1, 0}, {2, 4}}, cost, EntropyNormalization::proportion).code(),
      ErrorCode::invalid_argument);                // a zero cost has no reciprocal
  EXPECT_TRUE(kexie::entropy_weights(data).ok());  // min–max shifts negatives away
}

// ---------------------------------------------------------------------------
// CRITIC

TEST(Critic, MatchesReference) {
  const auto r = kexie::critic_weights(entries_data(), kEntryKinds).value();
  expect_near_all(r.weights, {0.164955717538, 0.171065704538, 0.161647452587, 0.502331125337},
                  1e-11);
  // σ of column 1 = stdev of (1/4, 3/4, 0, 2/4, 1) with divisor m − 1 = 4.
  EXPECT_NEAR(r.spread[1], std::sqrt(0.625 / 4), 1e-15);
}

TEST(Critic, UsesSampleStandardDeviation) {
  // Two anti-correlated columns (r = −1): C_j = σ_j · 2. Standardized, column 0 is
  // (0, 1/2, 1) with sample σ = 1/2 (the population σ would be 0.408); column 1 is
  // (1, 1/2, 0).
  const Matrix data{{0, 4}, {1, 2}, {2, 0}};
  const auto r = kexie::critic_weights(data).value();
  EXPECT_NEAR(r.spread[0], 0.5, 1e-15);
  EXPECT_NEAR(r.information[0], 1.0, 1e-15);
  expect_near_all(r.weights, {0.5, 0.5}, 1e-15);
}

TEST(Critic, DegenerateData) {
  const auto flat = kexie::critic_weights(Matrix{{1, 1}, {1, 1}}).value();
  EXPECT_TRUE(flat.uninformative);
  EXPECT_EQ(flat.weights, (std::vector<double>{0.5, 0.5}));
  // One informative column takes everything; the constant one gets 0.
  const auto one = kexie::critic_weights(Matrix{{1, 5}, {2, 5}, {4, 5}}).value();
  EXPECT_EQ(one.weights, (std::vector<double>{1.0, 0.0}));
  EXPECT_EQ(one.constant_criteria, std::vector<std::size_t>{1});
  EXPECT_FALSE(one.uninformative);
  // A constant column does not enter the others' conflict: same weights as without it.
  const auto with = kexie::critic_weights(Matrix{{1, 7, 3}, {2, 7, 1}, {4, 7, 2}}).value();
  const auto without = kexie::critic_weights(Matrix{{1, 3}, {2, 1}, {4, 2}}).value();
  EXPECT_NEAR(with.weights[0], without.weights[0], 1e-15);
  EXPECT_NEAR(with.weights[2], without.weights[1], 1e-15);
  EXPECT_EQ(with.weights[1], 0.0);
  EXPECT_EQ(kexie::critic_weights(Matrix{{1, 2}}).code(), ErrorCode::invalid_argument);
}

// ---------------------------------------------------------------------------
// Combined weights

TEST(Combined, LinearAndMultiplicative) {
  const double s[] = {0.5, 0.3, 0.2};
  const double o[] = {0.2, 0.2, 0.6};
  expect_near_all(kexie::combine_linear(s, o, 0.7).value(), {0.41, 0.27, 0.32}, 1e-15);
  expect_near_all(kexie::combine_linear(s, o, 1.0).value(), {0.5, 0.3, 0.2}, 0);
  // s·o = (0.10, 0.06, 0.12), sum 0.28.
  expect_near_all(kexie::combine_multiplicative(s, o).value(), {10.0 / 28, 6.0 / 28, 12.0 / 28},
                  1e-15);
  EXPECT_EQ(kexie::combine_linear(s, o, 1.5).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(kexie::combine_linear(s, o, NAN).code(), ErrorCode::invalid_argument);
  const double short_o[] = {0.5, 0.5};
  EXPECT_EQ(kexie::combine_linear(s, short_o, 0.5).code(), ErrorCode::invalid_argument);
  const double not_one[] = {0.5, 0.5, 0.5};
  EXPECT_EQ(kexie::combine_multiplicative(s, not_one).code(), ErrorCode::invalid_argument);
  const double a[] = {1, 0};
  const double b[] = {0, 1};
  EXPECT_EQ(kexie::combine_multiplicative(a, b).code(), ErrorCode::invalid_argument);
}

// ---------------------------------------------------------------------------
// Quantization

TEST(Quantize, LargestRemainderTiesByIndex) {
  EXPECT_EQ(texts(kexie::quantize_weights(std::vector{1.0, 1.0, 1.0}, 2).value()),
            (std::vector<std::string>{"0.34", "0.33", "0.33"}));
  // 1/7 each: 7 tenths by truncation, 3 missing tenths go to indices 0, 1, 2.
  EXPECT_EQ(texts(kexie::quantize_weights(std::vector<double>(7, 1.0), 1).value()),
            (std::vector<std::string>{"0.2", "0.2", "0.2", "0.1", "0.1", "0.1", "0.1"}));
  // Largest remainder wins over index: shares .405, .305, .29 at 1 place.
  EXPECT_EQ(texts(kexie::quantize_weights(std::vector{0.405, 0.305, 0.29}, 1).value()),
            (std::vector<std::string>{"0.4", "0.3", "0.3"}));
  EXPECT_EQ(texts(kexie::quantize_weights(std::vector{0.3, 0.7}, 0).value()),
            (std::vector<std::string>{"0", "1"}));
  // Not normalized on input: divided by the sum first.
  EXPECT_EQ(texts(kexie::quantize_weights(std::vector{2.0, 6.0}, 3).value()),
            (std::vector<std::string>{"0.250", "0.750"}));
  EXPECT_EQ(texts(kexie::quantize_weights(std::vector{1.0}, 15).value()),
            (std::vector<std::string>{"1.000000000000000"}));
  EXPECT_EQ(texts(kexie::quantize_weights(std::vector{0.0, 1.0}, 2).value()),
            (std::vector<std::string>{"0.00", "1.00"}));
}

TEST(Quantize, Refusals) {
  EXPECT_EQ(kexie::quantize_weights(std::vector<double>{}, 2).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(kexie::quantize_weights(std::vector{0.5, -0.1}, 2).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(kexie::quantize_weights(std::vector<double>{0.5, NAN}, 2).code(),
            ErrorCode::invalid_argument);
  EXPECT_EQ(kexie::quantize_weights(std::vector{0.0, 0.0}, 2).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(kexie::quantize_weights(std::vector{1.0}, 16).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(kexie::quantize_weights(std::vector{1.0}, -1).code(), ErrorCode::invalid_argument);
}

TEST(Quantize, TenThousandRandomVectorsSumExactlyToOne) {
  std::mt19937_64 rng(20261127);
  std::uniform_int_distribution<int> size(1, 40);
  std::uniform_int_distribution<int> places_dist(0, 15);
  std::uniform_real_distribution<double> value(0.0, 1.0);
  std::bernoulli_distribution zero(0.05);
  for (int trial = 0; trial < 10'000; ++trial) {
    const int n = size(rng);
    const int places = places_dist(rng);
    std::vector<double> w(static_cast<std::size_t>(n));
    double s = 0;
    for (double& x : w) {
      x = zero(rng) ? 0.0 : value(rng) * (trial % 3 == 0 ? 1e-6 : 1.0);
      s += x;
    }
    if (s == 0) w[0] = s = 1.0;
    const auto q = kexie::quantize_weights(w, places);
    ASSERT_TRUE(q.ok()) << q.error();
    ASSERT_EQ(total(*q), Decimal(1)) << "trial " << trial;
    const double ulp = std::pow(10.0, -places);
    for (std::size_t i = 0; i < w.size(); ++i) {
      ASSERT_EQ((*q)[i].scale(), places);
      ASSERT_GE((*q)[i].signum(), 0);
      // Within one unit in the last place of the exact share (plus double slack).
      ASSERT_LT(std::fabs((*q)[i].to_double() - w[i] / s), ulp * (1 + 1e-9) + 1e-15)
          << "trial " << trial << " index " << i;
    }
  }
}

// ---- Gaps found in review (issue 13): rule ids and articles, accept and refuse ----------------

TEST(AhpRules, ConsistencyRuleCitesNoArticleDeliberately) {
  // The CR pass rule is Saaty's method, not a sentence of the policy: the refusal
  // names its rule and, deliberately, no article (docs/error-handling.md).
  AhpOptions o;
  o.require_consistency = true;
  const auto refused = kexie::ahp(saaty_house(), o);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.code(), ErrorCode::inconsistent_judgements);
  EXPECT_EQ(refused.error().rule(), "weights.ahp_consistency");
  EXPECT_EQ(refused.error().article(), "");
  const auto accepted = kexie::ahp(doc_example(), o);
  ASSERT_TRUE(accepted.ok());
  EXPECT_TRUE(accepted->consistent);
}

TEST(Ahp, RefusesAThresholdThatIsNotFiniteAndNonNegative) {
  const kexie::Matrix a{{1, 2}, {0.5, 1}};
  for (double bad : {std::nan(""), -0.1, std::numeric_limits<double>::infinity(),
                     -std::numeric_limits<double>::infinity()}) {
    kexie::AhpOptions o;
    o.threshold = bad;
    auto r = kexie::ahp(a, o);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.code(), kexie::ErrorCode::invalid_argument);
    EXPECT_NE(r.error().message().find("consistency threshold must be finite and non-negative"),
              std::string::npos)
        << r.error();
  }
  kexie::AhpOptions zero;
  zero.threshold = 0.0;
  EXPECT_TRUE(kexie::ahp(a, zero));
}

TEST(QuantizeWeights, ReportsASumThatOverflowsAsOverflow) {
  const std::vector<double> big{1e308, 1e308, 1e308};
  auto q = kexie::quantize_weights(big, 2);
  ASSERT_FALSE(q);
  EXPECT_EQ(q.code(), kexie::ErrorCode::overflow);
  EXPECT_EQ(q.error().message(), "the weights' sum overflows a double; scale the weights down first");
  const std::vector<double> zeros{0.0, 0.0};
  EXPECT_EQ(kexie::quantize_weights(zeros, 2).error().message(), "the weights sum to zero");
}

TEST(MatrixSize, AnOverflowingSizeIsAProgrammerError) {
  const std::size_t big = std::size_t{1} << 32;
  EXPECT_THROW(kexie::Matrix(big, big), std::length_error);
  EXPECT_THROW(kexie::PanelMarks(static_cast<std::size_t>(-1), 2), std::length_error);
}
