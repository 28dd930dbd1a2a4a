// Panel agreement statistics: Kendall's W, ICC(1), ICC(2,1), ICC(3,1), and
// judge leniency, over a PanelMarks table under a declared missing-marks
// policy. Kendall's W ranks each judge's marks with one sort; everything else
// is a fixed-order pass over the marks.
#include "kexie/agreement.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

#include <boost/math/distributions/chi_squared.hpp>

namespace kexie {
inline namespace v1 {
namespace {

Error bad(std::string message) { return Error(ErrorCode::invalid_argument, std::move(message)); }

// The marks a statistic works on: `judges` columns of `entries` marks each,
// either views into the PanelMarks (complete case) or copies of the kept rows.
struct DenseMarks {
  PanelCoverage coverage;
  std::vector<std::span<const double>> columns;
  std::vector<double> storage;
  std::size_t entries = 0;
  std::size_t judges = 0;
};

Result<DenseMarks> dense(const PanelMarks& marks, MissingMarks policy, const char* what) {
  DenseMarks d;
  d.coverage.policy = policy;
  const std::size_t n = marks.entries();
  const std::size_t m = marks.judges();
  std::vector<std::uint8_t> entry_ok(n, 1);
  std::vector<std::uint8_t> judge_ok(m, 1);
  for (std::size_t j = 0; j < m; ++j) {
    std::span<const std::uint8_t> p = marks.present(j);
    for (std::size_t i = 0; i < n; ++i) {
      if (p[i]) continue;
      if (policy == MissingMarks::refuse) {
        return bad(std::string(what) + ": judge " + std::to_string(j) + " has no mark for entry " +
                   std::to_string(i) + " and the missing-marks policy is 'refuse'");
      }
      entry_ok[i] = 0;
      judge_ok[j] = 0;
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (policy != MissingMarks::drop_entries || entry_ok[i]) {
      d.coverage.entries.push_back(i);
    } else {
      d.coverage.dropped_entries.push_back(i);
    }
  }
  for (std::size_t j = 0; j < m; ++j) {
    if (policy != MissingMarks::drop_judges || judge_ok[j]) {
      d.coverage.judges.push_back(j);
    } else {
      d.coverage.dropped_judges.push_back(j);
    }
  }
  d.entries = d.coverage.entries.size();
  d.judges = d.coverage.judges.size();
  if (d.judges < 2) {
    return bad(std::string(what) + " needs at least 2 judges, " + std::to_string(d.judges) +
               " remain under the '" + std::string(to_string(policy)) + "' policy");
  }
  if (d.entries < 2) {
    return bad(std::string(what) + " needs at least 2 entries, " + std::to_string(d.entries) +
               " remain under the '" + std::string(to_string(policy)) + "' policy");
  }
  if (d.entries == n) {
    for (std::size_t j : d.coverage.judges) d.columns.push_back(marks.judge_marks(j));
    return d;
  }
  d.storage.resize(d.entries * d.judges);
  for (std::size_t c = 0; c < d.judges; ++c) {
    std::span<const double> all = marks.judge_marks(d.coverage.judges[c]);
    for (std::size_t r = 0; r < d.entries; ++r) {
      d.storage[c * d.entries + r] = all[d.coverage.entries[r]];
    }
  }
  for (std::size_t c = 0; c < d.judges; ++c) {
    d.columns.emplace_back(d.storage.data() + c * d.entries, d.entries);
  }
  return d;
}

}  // namespace

// ---------------------------------------------------------------------------

namespace {
// entries × judges; an overflowing size is a programmer error (std::length_error).
std::size_t cell_count(std::size_t entries, std::size_t judges) {
  if (judges != 0 && entries > std::numeric_limits<std::size_t>::max() / judges) {
    throw std::length_error("kexie::PanelMarks: entries × judges overflows");
  }
  return entries * judges;
}
}  // namespace

PanelMarks::PanelMarks(std::size_t entries, std::size_t judges)
    : entries_(entries),
      judges_(judges),
      marks_(cell_count(entries, judges), 0.0),  // checked first: declared first
      present_(entries * judges, 0),
      missing_(entries * judges) {}

PanelMarks PanelMarks::from_matrix(const Matrix& marks) {
  PanelMarks p(marks.rows(), marks.cols());
  for (std::size_t i = 0; i < marks.rows(); ++i) {
    for (std::size_t j = 0; j < marks.cols(); ++j) p.set(i, j, marks(i, j));
  }
  return p;
}

void PanelMarks::check(std::size_t entry, std::size_t judge) const {
  if (entry >= entries_ || judge >= judges_) {
    throw std::out_of_range("kexie::PanelMarks: no cell (" + std::to_string(entry) + ", " +
                            std::to_string(judge) + ")");
  }
}

void PanelMarks::set(std::size_t entry, std::size_t judge, double mark) {
  check(entry, judge);
  if (!std::isfinite(mark)) throw std::invalid_argument("kexie::PanelMarks: a mark must be finite");
  const std::size_t k = judge * entries_ + entry;
  if (!present_[k]) --missing_;
  marks_[k] = mark;
  present_[k] = 1;
}

void PanelMarks::clear(std::size_t entry, std::size_t judge) {
  check(entry, judge);
  const std::size_t k = judge * entries_ + entry;
  if (present_[k]) ++missing_;
  marks_[k] = 0.0;
  present_[k] = 0;
}

std::optional<double> PanelMarks::at(std::size_t entry, std::size_t judge) const {
  check(entry, judge);
  const std::size_t k = judge * entries_ + entry;
  if (!present_[k]) return std::nullopt;
  return marks_[k];
}

bool PanelMarks::complete() const noexcept { return missing_ == 0; }

std::span<const double> PanelMarks::judge_marks(std::size_t judge) const {
  if (judge >= judges_)
    throw std::out_of_range("kexie::PanelMarks: no judge " + std::to_string(judge));
  return {marks_.data() + judge * entries_, entries_};
}

std::span<const std::uint8_t> PanelMarks::present(std::size_t judge) const {
  if (judge >= judges_)
    throw std::out_of_range("kexie::PanelMarks: no judge " + std::to_string(judge));
  return {present_.data() + judge * entries_, entries_};
}

std::string_view to_string(MissingMarks policy) noexcept { return enum_name(policy); }

// ---------------------------------------------------------------------------

Result<KendallW> kendall_w(const PanelMarks& marks, const KendallOptions& options) {
  Result<DenseMarks> d = dense(marks, options.missing, "Kendall's W");
  if (!d) return d.error();
  const std::size_t n = d->entries;
  const std::size_t m = d->judges;
  if (n > std::numeric_limits<std::uint32_t>::max()) {
    return bad("Kendall's W ranks at most 2^32 - 1 entries");
  }

  std::vector<double> rank_sum(n, 0.0);
  std::vector<std::pair<double, std::uint32_t>> sorted(n);
  double tie_sum = 0.0;
  for (std::span<const double> column : d->columns) {
    for (std::size_t i = 0; i < n; ++i) sorted[i] = {column[i], static_cast<std::uint32_t>(i)};
    std::sort(sorted.begin(), sorted.end());
    // Tied marks share the mean of the ranks they span: positions [a, b) get (a + 1 + b) / 2.
    for (std::size_t a = 0; a < n;) {
      std::size_t b = a + 1;
      while (b < n && sorted[b].first == sorted[a].first) ++b;
      const double mid = static_cast<double>(a + 1 + b) / 2.0;
      for (std::size_t k = a; k < b; ++k) rank_sum[sorted[k].second] += mid;
      if (b - a > 1) {
        const double t = static_cast<double>(b - a);
        tie_sum += t * t * t - t;
      }
      a = b;
    }
  }

  const double nn = static_cast<double>(n);
  const double mm = static_cast<double>(m);
  const double expected = mm * (nn + 1.0) / 2.0;
  double s = 0.0;
  for (double r : rank_sum) s += (r - expected) * (r - expected);
  const double denominator =
      mm * mm * (nn * nn * nn - nn) - (options.tie_correction ? mm * tie_sum : 0.0);
  if (!(denominator > 0.0)) {
    return bad("Kendall's W is undefined: every judge gave every entry the same mark");
  }

  KendallW r;
  r.s = s;
  r.tie_sum = tie_sum;
  r.w = 12.0 * s / denominator;
  r.df = n - 1;
  r.chi_squared = mm * (nn - 1.0) * r.w;
  r.p_value = boost::math::cdf(boost::math::complement(
      boost::math::chi_squared_distribution<double>(static_cast<double>(r.df)), r.chi_squared));
  r.judges = m;
  r.entries = n;
  r.tie_corrected = options.tie_correction;
  r.coverage = std::move(d->coverage);
  return r;
}

Result<IccResult> icc(const PanelMarks& marks, MissingMarks missing) {
  Result<DenseMarks> d = dense(marks, missing, "ICC");
  if (!d) return d.error();
  const std::size_t n = d->entries;
  const std::size_t k = d->judges;
  const double nn = static_cast<double>(n);
  const double kk = static_cast<double>(k);

  std::vector<double> row_mean(n, 0.0);
  std::vector<double> col_mean(k, 0.0);
  double grand = 0.0;
  for (std::size_t j = 0; j < k; ++j) {
    for (std::size_t i = 0; i < n; ++i) {
      const double x = d->columns[j][i];
      row_mean[i] += x;
      col_mean[j] += x;
      grand += x;
    }
  }
  for (double& x : row_mean) x /= kk;
  for (double& x : col_mean) x /= nn;
  grand /= nn * kk;

  double ss_rows = 0.0;
  for (double x : row_mean) ss_rows += (x - grand) * (x - grand);
  ss_rows *= kk;
  double ss_cols = 0.0;
  for (double x : col_mean) ss_cols += (x - grand) * (x - grand);
  ss_cols *= nn;
  double ss_within = 0.0;
  double ss_error = 0.0;
  for (std::size_t j = 0; j < k; ++j) {
    for (std::size_t i = 0; i < n; ++i) {
      const double x = d->columns[j][i];
      ss_within += (x - row_mean[i]) * (x - row_mean[i]);
      const double e = x - row_mean[i] - col_mean[j] + grand;
      ss_error += e * e;
    }
  }
  if (!(ss_rows + ss_within > 0.0)) {
    return bad("ICC is undefined: every mark is the same");
  }

  IccResult r;
  r.bms = ss_rows / (nn - 1.0);
  r.wms = ss_within / (nn * (kk - 1.0));
  r.jms = ss_cols / (kk - 1.0);
  r.ems = ss_error / ((nn - 1.0) * (kk - 1.0));
  const double d1 = r.bms + (kk - 1.0) * r.wms;
  const double d2 = r.bms + (kk - 1.0) * r.ems + kk * (r.jms - r.ems) / nn;
  const double d3 = r.bms + (kk - 1.0) * r.ems;
  if (!(d3 > 0.0) || !(d2 > 0.0) || !(d1 > 0.0)) {
    return bad(
        "ICC is undefined: the marks vary only between judges, never between entries "
        "or around the judges' means");
  }
  r.icc1 = (r.bms - r.wms) / d1;
  r.icc2 = (r.bms - r.ems) / d2;
  r.icc3 = (r.bms - r.ems) / d3;
  r.judges = k;
  r.entries = n;
  r.coverage = std::move(d->coverage);
  return r;
}

Result<LeniencyReport> leniency(const PanelMarks& marks, const LeniencyOptions& options) {
  Result<DenseMarks> d = dense(marks, options.missing, "leniency");
  if (!d) return d.error();
  const std::size_t n = d->entries;
  const std::size_t k = d->judges;
  const double nn = static_cast<double>(n);
  const double kk = static_cast<double>(k);

  std::vector<double> row_sum(n, 0.0);
  for (std::size_t j = 0; j < k; ++j)
    for (std::size_t i = 0; i < n; ++i) row_sum[i] += d->columns[j][i];

  LeniencyReport report;
  report.min_correlation = options.min_correlation;
  std::vector<double> rest(n);
  for (std::size_t j = 0; j < k; ++j) {
    std::span<const double> x = d->columns[j];
    JudgeLeniency jl;
    jl.judge = d->coverage.judges[j];
    double dev = 0.0;
    double mean_x = 0.0;
    double mean_rest = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      dev += x[i] - row_sum[i] / kk;
      rest[i] = (row_sum[i] - x[i]) / (kk - 1.0);
      mean_x += x[i];
      mean_rest += rest[i];
    }
    jl.mean_deviation = dev / nn;
    mean_x /= nn;
    mean_rest /= nn;
    double sxx = 0.0;
    double syy = 0.0;
    double sxy = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      const double a = x[i] - mean_x;
      const double b = rest[i] - mean_rest;
      sxx += a * a;
      syy += b * b;
      sxy += a * b;
    }
    if (sxx > 0.0 && syy > 0.0) jl.rest_correlation = sxy / std::sqrt(sxx * syy);
    jl.flagged = !jl.rest_correlation || *jl.rest_correlation < options.min_correlation;
    report.judges.push_back(jl);
  }
  report.coverage = std::move(d->coverage);
  return report;
}

}  // namespace v1
}  // namespace kexie
