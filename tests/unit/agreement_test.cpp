// Tests for kexie/agreement.hpp. Expected values: a Kendall's W example worked
// by hand; Shrout & Fleiss (1979), Table 2 data with their published ICCs and
// mean squares; and tests/unit/reference/weights_reference.py, which ranks by
// counting instead of sorting, checks W against the mean Spearman correlation
// (W = ((m − 1) r̄ + 1) / m without ties) and evaluates the χ² tail by its
// closed-form series. Every edge case (n = 1, 2; all ties; one judge; missing
// marks under each policy) has a test.
#include "kexie/agreement.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

using kexie::ErrorCode;
using kexie::KendallOptions;
using kexie::Matrix;
using kexie::MissingMarks;
using kexie::PanelMarks;

namespace {

// Shrout & Fleiss (1979), Table 2: 6 targets (entries) rated by 4 judges.
// Published: ICC(1,1) = .17, ICC(2,1) = .29, ICC(3,1) = .71; BMS 11.24,
// WMS 6.26, JMS 32.49, EMS 1.02.
PanelMarks shrout_fleiss() {
  return PanelMarks::from_matrix(
      Matrix{{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}});
}

}  // namespace

// ---------------------------------------------------------------------------
// PanelMarks

TEST(PanelMarks, MissingIsNotZero) {
  PanelMarks p(3, 2);
  EXPECT_FALSE(p.complete());
  EXPECT_FALSE(p.at(0, 0).has_value());
  p.set(0, 0, 0.0);
  EXPECT_EQ(p.at(0, 0), 0.0);
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 2; ++j) p.set(i, j, static_cast<double>(i + j));
  EXPECT_TRUE(p.complete());
  p.clear(2, 1);
  EXPECT_FALSE(p.complete());
  EXPECT_FALSE(p.at(2, 1).has_value());
  EXPECT_EQ(p.judge_marks(0).size(), 3u);
  EXPECT_EQ(p.present(1)[2], 0);
  EXPECT_THROW(p.set(3, 0, 1.0), std::out_of_range);
  EXPECT_THROW(p.set(0, 0, NAN), std::invalid_argument);
  EXPECT_THROW((void)p.at(0, 2), std::out_of_range);
  EXPECT_THROW((void)p.judge_marks(2), std::out_of_range);
}

// ---------------------------------------------------------------------------
// Kendall's W

TEST(KendallW, HandWorkedExample) {
  // Ranks of 3 entries by 3 judges: R = (4, 6, 8), mean 6, S = 8,
  // W = 12·8 / (9·24) = 4/9, χ² = 3·2·4/9 = 8/3, p = exp(−4/3) for df 2.
  const auto w =
      kexie::kendall_w(PanelMarks::from_matrix(Matrix{{1, 1, 2}, {2, 3, 1}, {3, 2, 3}})).value();
  EXPECT_DOUBLE_EQ(w.s, 8.0);
  EXPECT_DOUBLE_EQ(w.w, 4.0 / 9);
  EXPECT_DOUBLE_EQ(w.chi_squared, 8.0 / 3);
  EXPECT_EQ(w.df, 2u);
  EXPECT_NEAR(w.p_value, std::exp(-4.0 / 3), 1e-14);
  EXPECT_EQ(w.tie_sum, 0.0);
  EXPECT_EQ(w.judges, 3u);
  EXPECT_EQ(w.entries, 3u);
  EXPECT_TRUE(w.tie_corrected);
  EXPECT_EQ(w.coverage.policy, MissingMarks::refuse);
}

TEST(KendallW, TiesMatchReference) {
  // Marks, not ranks, with ties within judges (T = 30).
  const auto w = kexie::kendall_w(shrout_fleiss()).value();
  EXPECT_DOUBLE_EQ(w.s, 239.5);
  EXPECT_DOUBLE_EQ(w.tie_sum, 30.0);
  EXPECT_NEAR(w.w, 0.887037037037, 1e-12);
  EXPECT_NEAR(w.chi_squared, 17.740740740741, 1e-11);
  EXPECT_EQ(w.df, 5u);
  EXPECT_NEAR(w.p_value, 0.003289509244, 1e-11);
  // Without the correction the denominator is larger: W = 12·239.5 / (16·210).
  KendallOptions o;
  o.tie_correction = false;
  const auto raw = kexie::kendall_w(shrout_fleiss(), o).value();
  EXPECT_DOUBLE_EQ(raw.w, 12 * 239.5 / (16 * 210.0));
  EXPECT_FALSE(raw.tie_corrected);
}

TEST(KendallW, AgreesWithMeanSpearmanWithoutTies) {
  const Matrix ranks{{1, 2, 1, 3}, {2, 1, 3, 1}, {3, 4, 2, 2},
                     {4, 3, 5, 4}, {5, 6, 4, 6}, {6, 5, 6, 5}};
  const auto w = kexie::kendall_w(PanelMarks::from_matrix(ranks)).value();
  EXPECT_NEAR(w.w, 0.8, 1e-15);  // reference: (3 r̄ + 1) / 4 with r̄ = 11/15
  EXPECT_NEAR(w.chi_squared, 16.0, 1e-13);
  EXPECT_NEAR(w.p_value, 0.006844073922, 1e-11);
}

TEST(KendallW, ExtremesAndInvariance) {
  const auto perfect =
      kexie::kendall_w(PanelMarks::from_matrix(Matrix{{1, 1, 1}, {2, 2, 2}, {3, 3, 3}, {4, 4, 4}}));
  EXPECT_DOUBLE_EQ(perfect.value().w, 1.0);
  const auto opposed =
      kexie::kendall_w(PanelMarks::from_matrix(Matrix{{1, 4}, {2, 3}, {3, 2}, {4, 1}}));
  EXPECT_DOUBLE_EQ(opposed.value().w, 0.0);
  EXPECT_DOUBLE_EQ(opposed.value().p_value, 1.0);
  // Marks instead of ranks, on different scales, higher-is-better: same W as the ranks.
  const auto marks = kexie::kendall_w(
      PanelMarks::from_matrix(Matrix{{91, 9.5, 20}, {84, 9.9, 10}, {70, 7.0, 30}}));
  const auto ranks =
      kexie::kendall_w(PanelMarks::from_matrix(Matrix{{3, 2, 2}, {2, 3, 1}, {1, 1, 3}}));
  EXPECT_DOUBLE_EQ(marks.value().w, ranks.value().w);
}

TEST(KendallW, TwoEntries) {
  // Judges (1,2), (1,2), tie (1.5,1.5): R = (3.5, 5.5), S = 2, T = 6,
  // W = 24 / (9·6 − 3·6) = 2/3; uncorrected 24/54.
  const Matrix m{{1, 1, 5}, {2, 2, 5}};
  EXPECT_DOUBLE_EQ(kexie::kendall_w(PanelMarks::from_matrix(m)).value().w, 2.0 / 3);
  KendallOptions o;
  o.tie_correction = false;
  EXPECT_DOUBLE_EQ(kexie::kendall_w(PanelMarks::from_matrix(m), o).value().w, 24.0 / 54);
  EXPECT_EQ(kexie::kendall_w(PanelMarks::from_matrix(m)).value().df, 1u);
}

TEST(KendallW, Refusals) {
  // n = 1.
  EXPECT_EQ(kexie::kendall_w(PanelMarks::from_matrix(Matrix{{3, 4, 5}})).code(),
            ErrorCode::invalid_argument);
  // A single judge.
  const auto one = kexie::kendall_w(PanelMarks::from_matrix(Matrix{{1}, {2}, {3}}));
  ASSERT_EQ(one.code(), ErrorCode::invalid_argument);
  EXPECT_NE(one.error().message().find("2 judges"), std::string::npos);
  // All ties: W is 0/0.
  const PanelMarks flat = PanelMarks::from_matrix(Matrix{{5, 7}, {5, 7}, {5, 7}});
  EXPECT_EQ(kexie::kendall_w(flat).code(), ErrorCode::invalid_argument);
  KendallOptions o;
  o.tie_correction = false;
  EXPECT_EQ(kexie::kendall_w(flat, o).value().w, 0.0);
}

TEST(KendallW, MissingMarksPolicies) {
  PanelMarks p = shrout_fleiss();
  p.clear(1, 3);  // judge 3 skipped entry 1
  const auto refused = kexie::kendall_w(p);
  ASSERT_EQ(refused.code(), ErrorCode::invalid_argument);
  EXPECT_NE(refused.error().message().find("judge 3"), std::string::npos);
  EXPECT_NE(refused.error().message().find("entry 1"), std::string::npos);

  KendallOptions o;
  o.missing = MissingMarks::drop_entries;
  const auto by_entry = kexie::kendall_w(p, o).value();
  EXPECT_EQ(by_entry.entries, 5u);
  EXPECT_EQ(by_entry.coverage.dropped_entries, std::vector<std::size_t>{1});
  EXPECT_EQ(by_entry.coverage.entries, (std::vector<std::size_t>{0, 2, 3, 4, 5}));
  const auto reduced = kexie::kendall_w(PanelMarks::from_matrix(
      Matrix{{9, 2, 5, 8}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}}));
  EXPECT_DOUBLE_EQ(by_entry.w, reduced.value().w);

  o.missing = MissingMarks::drop_judges;
  const auto by_judge = kexie::kendall_w(p, o).value();
  EXPECT_EQ(by_judge.judges, 3u);
  EXPECT_EQ(by_judge.coverage.dropped_judges, std::vector<std::size_t>{3});
  const auto three = kexie::kendall_w(PanelMarks::from_matrix(
      Matrix{{9, 2, 5}, {6, 1, 3}, {8, 4, 6}, {7, 1, 2}, {10, 5, 6}, {6, 2, 4}}));
  EXPECT_DOUBLE_EQ(by_judge.w, three.value().w);

  // Dropping leaves too little: one judge marked nothing but entry 0.
  PanelMarks sparse(3, 2);
  sparse.set(0, 0, 1);
  sparse.set(1, 0, 2);
  sparse.set(2, 0, 3);
  sparse.set(0, 1, 1);
  o.missing = MissingMarks::drop_entries;
  EXPECT_EQ(kexie::kendall_w(sparse, o).code(), ErrorCode::invalid_argument);
  o.missing = MissingMarks::drop_judges;
  EXPECT_EQ(kexie::kendall_w(sparse, o).code(), ErrorCode::invalid_argument);
}

// ---------------------------------------------------------------------------
// ICC

TEST(Icc, ShroutFleissPublishedExample) {
  const auto r = kexie::icc(shrout_fleiss()).value();
  EXPECT_NEAR(r.icc1, 0.17, 0.005);
  EXPECT_NEAR(r.icc2, 0.29, 0.005);
  EXPECT_NEAR(r.icc3, 0.71, 0.005);
  EXPECT_NEAR(r.bms, 11.24, 0.005);
  EXPECT_NEAR(r.wms, 6.26, 0.005);
  EXPECT_NEAR(r.jms, 32.49, 0.005);
  EXPECT_NEAR(r.ems, 1.02, 0.005);
  // Reference script, to 1e-12.
  EXPECT_NEAR(r.icc1, 0.165741768405, 1e-12);
  EXPECT_NEAR(r.icc2, 0.289763779528, 1e-12);
  EXPECT_NEAR(r.icc3, 0.714840714841, 1e-12);
  EXPECT_EQ(r.judges, 4u);
  EXPECT_EQ(r.entries, 6u);
}

TEST(Icc, PerfectAgreementAndDegenerateMarks) {
  const auto same = kexie::icc(PanelMarks::from_matrix(Matrix{{1, 1}, {2, 2}, {4, 4}})).value();
  EXPECT_DOUBLE_EQ(same.icc1, 1.0);
  EXPECT_DOUBLE_EQ(same.icc2, 1.0);
  EXPECT_DOUBLE_EQ(same.icc3, 1.0);
  // A constant offset between judges: consistency (3,1) stays 1, absolute agreement drops.
  const auto shifted = kexie::icc(PanelMarks::from_matrix(Matrix{{1, 3}, {2, 4}, {4, 6}})).value();
  EXPECT_DOUBLE_EQ(shifted.icc3, 1.0);
  EXPECT_LT(shifted.icc2, 1.0);
  EXPECT_LT(shifted.icc1, 1.0);
  // Every mark equal; marks that vary only between judges.
  EXPECT_EQ(kexie::icc(PanelMarks::from_matrix(Matrix(3, 3, 7.0))).code(),
            ErrorCode::invalid_argument);
  EXPECT_EQ(kexie::icc(PanelMarks::from_matrix(Matrix{{1, 5}, {1, 5}})).code(),
            ErrorCode::invalid_argument);
  // One judge; one entry.
  EXPECT_EQ(kexie::icc(PanelMarks::from_matrix(Matrix{{1}, {2}})).code(),
            ErrorCode::invalid_argument);
  EXPECT_EQ(kexie::icc(PanelMarks::from_matrix(Matrix{{1, 2}})).code(),
            ErrorCode::invalid_argument);
}

TEST(Icc, MissingMarks) {
  PanelMarks p = shrout_fleiss();
  p.clear(5, 0);
  EXPECT_EQ(kexie::icc(p).code(), ErrorCode::invalid_argument);
  const auto r = kexie::icc(p, MissingMarks::drop_entries).value();
  EXPECT_EQ(r.entries, 5u);
  EXPECT_EQ(r.coverage.dropped_entries, std::vector<std::size_t>{5});
}

// ---------------------------------------------------------------------------
// Leniency

TEST(Leniency, DeviationsAndRestCorrelations) {
  const auto r = kexie::leniency(shrout_fleiss()).value();
  ASSERT_EQ(r.judges.size(), 4u);
  const double dev[] = {2.375, -2.791666666667, -0.958333333333, 1.375};
  const double rest[] = {0.805787370352, 0.859304050960, 0.844479282223, 0.790203664657};
  double sum = 0;
  for (std::size_t j = 0; j < 4; ++j) {
    EXPECT_EQ(r.judges[j].judge, j);
    EXPECT_NEAR(r.judges[j].mean_deviation, dev[j], 1e-12);
    ASSERT_TRUE(r.judges[j].rest_correlation.has_value());
    EXPECT_NEAR(*r.judges[j].rest_correlation, rest[j], 1e-12);
    EXPECT_FALSE(r.judges[j].flagged);  // all above the default 0.3
    sum += r.judges[j].mean_deviation;
  }
  EXPECT_NEAR(sum, 0.0, 1e-14);  // deviations from the panel mean cancel
}

TEST(Leniency, ThresholdIsConfigurable) {
  kexie::LeniencyOptions o;
  o.min_correlation = 0.8;  // judge 3 (0.790) falls below, judge 0 (0.806) does not
  const auto r = kexie::leniency(shrout_fleiss(), o).value();
  EXPECT_EQ(r.min_correlation, 0.8);
  EXPECT_FALSE(r.judges[0].flagged);
  EXPECT_FALSE(r.judges[1].flagged);
  EXPECT_FALSE(r.judges[2].flagged);
  EXPECT_TRUE(r.judges[3].flagged);
}

TEST(Leniency, ContrarianAndConstantJudgesAreFlagged) {
  // Judges 0-2 agree; judge 3 reverses the panel's order; judge 4 gives everyone 5.
  // Reference rest correlations: 0.930, 0.861, 0.861, -0.989, undefined.
  const auto r =
      kexie::leniency(PanelMarks::from_matrix(Matrix{
                          {1, 2, 2, 9, 5}, {3, 4, 3, 6, 5}, {6, 5, 7, 3, 5}, {8, 9, 8, 1, 5}}))
          .value();
  EXPECT_NEAR(*r.judges[0].rest_correlation, 0.9301381476705114, 1e-12);
  EXPECT_FALSE(r.judges[0].flagged);
  EXPECT_FALSE(r.judges[1].flagged);
  EXPECT_FALSE(r.judges[2].flagged);
  ASSERT_TRUE(r.judges[3].rest_correlation.has_value());
  EXPECT_NEAR(*r.judges[3].rest_correlation, -0.9888136702029913, 1e-12);
  EXPECT_TRUE(r.judges[3].flagged);
  EXPECT_FALSE(r.judges[4].rest_correlation.has_value());
  EXPECT_TRUE(r.judges[4].flagged);
}

TEST(Leniency, MissingMarksKeepJudgeNumbers) {
  PanelMarks p = shrout_fleiss();
  p.clear(0, 1);
  kexie::LeniencyOptions o;
  EXPECT_EQ(kexie::leniency(p, o).code(), ErrorCode::invalid_argument);
  o.missing = MissingMarks::drop_judges;
  const auto r = kexie::leniency(p, o).value();
  ASSERT_EQ(r.judges.size(), 3u);
  EXPECT_EQ(r.judges[1].judge, 2u);  // judge 1 was dropped; the others keep their numbers
  EXPECT_EQ(r.coverage.dropped_judges, std::vector<std::size_t>{1});
  EXPECT_EQ(kexie::to_string(MissingMarks::drop_judges), "drop_judges");
}
