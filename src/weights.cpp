// Weighting methods: AHP (single, group, hierarchy), entropy, CRITIC, their
// combinations, and the largest-remainder quantization to Decimal. Every loop
// runs in index order and the build disables FMA contraction, so the doubles,
// and therefore the quantized weights, are the same on every platform.
#include "kexie/weights.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <string>
#include <utility>

namespace kexie {
inline namespace v1 {
namespace {

constexpr double kSumTolerance = 1e-9;

Error bad(std::string message) { return Error(ErrorCode::invalid_argument, std::move(message)); }

std::string num(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", x);
  return buf;
}

std::string cell(std::size_t r, std::size_t c) {
  // Appended piece by piece: GCC 12 -O2 reports a spurious -Wrestrict on "(" + std::string.
  std::string out = "(";
  out += std::to_string(r);
  out += ", ";
  out += std::to_string(c);
  out += ')';
  return out;
}

// Random-index tables, indexed by n (entry 0 unused). See docs/weights.md for sources.
constexpr double kSaaty[] = {0,    0,    0,    0.58, 0.90, 1.12, 1.24, 1.32,
                             1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
constexpr double kDoneganDodd[] = {0,      0,      0,      0.4914, 0.8286, 1.0591, 1.1797,
                                   1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497, 1.4643,
                                   1.4822, 1.4969, 1.5078, 1.5153, 1.5262, 1.5313, 1.5371};
constexpr double kTummalaLing[] = {0,     0,     0,     0.500, 0.834, 1.046, 1.178, 1.267,
                                   1.326, 1.369, 1.406, 1.433, 1.456, 1.474, 1.491, 1.501};

bool is_saaty_value(double x, double tol) {
  const double v = x >= 1.0 ? x : 1.0 / x;
  const double r = std::round(v);
  return r >= 1.0 && r <= 9.0 && std::fabs(v - r) <= tol * r;
}

// (A w)_i / w_i averaged: Saaty's λmax estimate, exact for the eigenvector.
double lambda_max_of(const Matrix& a, const std::vector<double>& w) {
  const std::size_t n = a.rows();
  double total = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    double aw = 0.0;
    for (std::size_t j = 0; j < n; ++j) aw += a(i, j) * w[j];
    total += aw / w[i];
  }
  return total / static_cast<double>(n);
}

void normalize(std::vector<double>& w) {
  double s = 0.0;
  for (double x : w) s += x;
  for (double& x : w) x /= s;
}

Result<int> power_iteration(const Matrix& a, const AhpOptions& o, std::vector<double>& w) {
  const std::size_t n = a.rows();
  w.assign(n, 1.0 / static_cast<double>(n));
  std::vector<double> next(n);
  for (int it = 1; it <= o.max_iterations; ++it) {
    double s = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      double y = 0.0;
      for (std::size_t j = 0; j < n; ++j) y += a(i, j) * w[j];
      next[i] = y;
      s += y;
    }
    double moved = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      next[i] /= s;
      moved = std::max(moved, std::fabs(next[i] - w[i]));
    }
    w.swap(next);
    if (moved <= o.tolerance) return it;
  }
  return bad("AHP power iteration did not converge to " + num(o.tolerance) + " within " +
             std::to_string(o.max_iterations) + " iterations");
}

Status check_weight_vector(std::span<const double> w, const char* what) {
  double s = 0.0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (!std::isfinite(w[i]) || w[i] < 0.0) {
      return bad(std::string(what) + " weight " + std::to_string(i) + " is " + num(w[i]) +
                 "; weights must be finite and non-negative");
    }
    s += w[i];
  }
  if (std::fabs(s - 1.0) > kSumTolerance) {
    return bad(std::string(what) + " weights sum to " + num(s) + ", not 1");
  }
  return {};
}

Result<std::vector<double>> judge_lambdas(std::span<const double> judge_weights, std::size_t k) {
  std::vector<double> lambda(k, 1.0 / static_cast<double>(k));
  if (judge_weights.empty()) return lambda;
  if (judge_weights.size() != k) {
    return bad("got " + std::to_string(judge_weights.size()) + " judge weights for " +
               std::to_string(k) + " judges");
  }
  double s = 0.0;
  for (std::size_t i = 0; i < k; ++i) {
    if (!std::isfinite(judge_weights[i]) || judge_weights[i] < 0.0) {
      return bad("judge weight " + std::to_string(i) + " is " + num(judge_weights[i]));
    }
    s += judge_weights[i];
  }
  if (!(s > 0.0)) return bad("judge weights sum to zero");
  for (std::size_t i = 0; i < k; ++i) lambda[i] = judge_weights[i] / s;
  return lambda;
}

Status check_data(const Matrix& data, std::span<const CriterionKind> kinds) {
  if (data.cols() == 0) return bad("the data matrix has no criteria");
  if (data.rows() < 2) return bad("objective weights need at least 2 alternatives");
  if (!kinds.empty() && kinds.size() != data.cols()) {
    return bad("got " + std::to_string(kinds.size()) + " criterion kinds for " +
               std::to_string(data.cols()) + " criteria");
  }
  for (std::size_t i = 0; i < data.rows(); ++i) {
    for (std::size_t j = 0; j < data.cols(); ++j) {
      if (!std::isfinite(data(i, j))) return bad("data value " + cell(i, j) + " is not finite");
    }
  }
  return {};
}

CriterionKind kind_of(std::span<const CriterionKind> kinds, std::size_t j) {
  return kinds.empty() ? CriterionKind::benefit : kinds[j];
}

// Column j min–max standardized into `z`; false when the column is constant.
bool min_max_column(const Matrix& data, std::size_t j, CriterionKind kind, std::vector<double>& z) {
  const std::size_t m = data.rows();
  double lo = data(0, j);
  double hi = data(0, j);
  for (std::size_t i = 1; i < m; ++i) {
    lo = std::min(lo, data(i, j));
    hi = std::max(hi, data(i, j));
  }
  z.resize(m);
  if (!(hi > lo)) return false;
  const double range = hi - lo;
  for (std::size_t i = 0; i < m; ++i) {
    z[i] = kind == CriterionKind::benefit ? (data(i, j) - lo) / range : (hi - data(i, j)) / range;
  }
  return true;
}

void equal_weights(ObjectiveWeights& out, std::size_t n) {
  out.weights.assign(n, 1.0 / static_cast<double>(n));
  out.uninformative = true;
}

}  // namespace

// ---------------------------------------------------------------------------

std::string_view to_string(AhpMethod method) noexcept { return enum_name(method); }

std::string_view to_string(RandomIndexTable table) noexcept { return enum_name(table); }

std::string_view to_string(PassRule rule) noexcept { return enum_name(rule); }

std::string_view to_string(PriorityMean mean) noexcept { return enum_name(mean); }

std::string_view to_string(CriterionKind kind) noexcept { return enum_name(kind); }

std::string_view to_string(EntropyNormalization normalization) noexcept {
  return enum_name(normalization);
}

Result<double> random_index(RandomIndexTable table, std::size_t n) {
  if (n == 0) return bad("a pairwise comparison matrix needs at least one criterion");
  if (n <= 2) return 0.0;
  std::span<const double> values;
  switch (table) {
    case RandomIndexTable::saaty:
      values = kSaaty;
      break;
    case RandomIndexTable::donegan_dodd:
      if (n == 25) return 1.5619;
      if (n == 30) return 1.5772;
      values = kDoneganDodd;
      break;
    case RandomIndexTable::tummala_ling:
      values = kTummalaLing;
      break;
  }
  if (n >= values.size()) {
    return bad("the " + std::string(to_string(table)) +
               " random-index table has no value for n = " + std::to_string(n));
  }
  return values[n];
}

Result<Matrix> pairwise_from_upper(std::size_t n, std::span<const double> upper) {
  if (n == 0) return bad("a pairwise comparison matrix needs at least one criterion");
  if (upper.size() != n * (n - 1) / 2) {
    return bad("an upper triangle of a " + std::to_string(n) + " x " + std::to_string(n) +
               " matrix has " + std::to_string(n * (n - 1) / 2) + " judgements, got " +
               std::to_string(upper.size()));
  }
  Matrix a(n, n, 1.0);
  std::size_t k = 0;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j, ++k) {
      if (!std::isfinite(upper[k]) || !(upper[k] > 0.0)) {
        return bad("judgement " + cell(i, j) + " is " + num(upper[k]) + "; it must be positive");
      }
      a(i, j) = upper[k];
      a(j, i) = 1.0 / upper[k];
    }
  }
  return a;
}

Status validate_pairwise(const Matrix& a, const AhpOptions& options) {
  if (a.empty()) return bad("the pairwise comparison matrix is empty");
  if (!a.square()) {
    return bad("a pairwise comparison matrix must be square, got " + std::to_string(a.rows()) +
               " x " + std::to_string(a.cols()));
  }
  const std::size_t n = a.rows();
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      const double x = a(i, j);
      if (!std::isfinite(x) || !(x > 0.0)) {
        return bad("judgement " + cell(i, j) + " is " + num(x) + "; it must be positive");
      }
      if (i == j && x != 1.0) {
        return bad("diagonal " + cell(i, i) + " is " + num(x) + "; it must be 1");
      }
      if (i < j && std::fabs(x * a(j, i) - 1.0) > options.reciprocal_tolerance) {
        return bad("judgements " + cell(i, j) + " = " + num(x) + " and " + cell(j, i) + " = " +
                   num(a(j, i)) + " are not reciprocal");
      }
      if (options.saaty_scale && i != j && !is_saaty_value(x, options.reciprocal_tolerance)) {
        return bad("judgement " + cell(i, j) + " = " + num(x) +
                   " is not on Saaty's 1-9 scale (or its reciprocal)");
      }
    }
  }
  return {};
}

Result<AhpResult> ahp(const Matrix& a, const AhpOptions& options) {
  if (Status v = validate_pairwise(a, options); !v) return v.error();
  if (!(options.tolerance > 0.0) || options.max_iterations < 1) {
    return bad("AHP power iteration needs a positive tolerance and at least one iteration");
  }
  if (!std::isfinite(options.threshold) || options.threshold < 0.0) {
    return bad("the AHP consistency threshold must be finite and non-negative, got " +
               num(options.threshold));
  }
  const std::size_t n = a.rows();
  Result<double> ri = random_index(options.ri_table, n);
  if (!ri) return ri.error();

  AhpResult r;
  r.method = options.method;
  r.ri_table = options.ri_table;
  r.pass_rule = options.pass_rule;
  r.threshold = options.threshold;
  r.ri = *ri;

  std::vector<double>& w = r.weights;
  switch (options.method) {
    case AhpMethod::eigenvector: {
      Result<int> it = power_iteration(a, options, w);
      if (!it) return it.error();
      r.iterations = *it;
      break;
    }
    case AhpMethod::geometric_mean: {
      // Through logarithms, so a row of large judgements cannot overflow.
      w.resize(n);
      for (std::size_t i = 0; i < n; ++i) {
        double s = 0.0;
        for (std::size_t j = 0; j < n; ++j) s += std::log(a(i, j));
        w[i] = std::exp(s / static_cast<double>(n));
      }
      normalize(w);
      break;
    }
    case AhpMethod::column_mean: {
      std::vector<double> col(n, 0.0);
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) col[j] += a(i, j);
      w.assign(n, 0.0);
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) w[i] += a(i, j) / col[j];
        w[i] /= static_cast<double>(n);
      }
      break;
    }
  }

  r.lambda_max = lambda_max_of(a, w);
  if (n > 2) {
    r.ci = (r.lambda_max - static_cast<double>(n)) / static_cast<double>(n - 1);
    r.cr = r.ci / r.ri;
  }
  r.consistent =
      options.pass_rule == PassRule::below ? r.cr < options.threshold : r.cr <= options.threshold;

  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      const double implied = w[i] / w[j];
      const double dev = std::fabs(std::log(a(i, j) / implied));
      if (dev > r.worst.log_deviation) r.worst = {i, j, a(i, j), implied, dev};
    }
  }
  if (n >= 2 && r.worst.log_deviation == 0.0) r.worst = {0, 1, a(0, 1), w[0] / w[1], 0.0};

  if (!r.consistent && options.require_consistency) {
    return Error(ErrorCode::inconsistent_judgements,
                 "consistency ratio " + num(r.cr) + " fails CR " +
                     (options.pass_rule == PassRule::below ? "< " : "<= ") +
                     num(options.threshold) + " (" + std::string(to_string(options.ri_table)) +
                     " RI " + num(r.ri) + ", n = " + std::to_string(n) + "); revisit judgement " +
                     cell(r.worst.row, r.worst.col) + " = " + num(r.worst.judgement) +
                     ", the priorities imply " + num(r.worst.implied),
                 "weights.ahp_consistency");
  }
  return r;
}

// ---------------------------------------------------------------------------

Result<Matrix> aggregate_judgements(std::span<const Matrix> judgements,
                                    std::span<const double> judge_weights,
                                    const AhpOptions& options) {
  if (judgements.empty()) return bad("no judgements to aggregate");
  Result<std::vector<double>> lambda = judge_lambdas(judge_weights, judgements.size());
  if (!lambda) return lambda.error();
  const std::size_t n = judgements.front().rows();
  for (std::size_t k = 0; k < judgements.size(); ++k) {
    if (Status v = validate_pairwise(judgements[k], options); !v) {
      return bad("judge " + std::to_string(k) + ": " + v.error().message());
    }
    if (judgements[k].rows() != n) {
      return bad("judge " + std::to_string(k) + " compared " +
                 std::to_string(judgements[k].rows()) + " criteria, judge 0 compared " +
                 std::to_string(n));
    }
  }
  Matrix g(n, n, 1.0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      double s = 0.0;
      for (std::size_t k = 0; k < judgements.size(); ++k) {
        s += (*lambda)[k] * std::log(judgements[k](i, j));
      }
      g(i, j) = std::exp(s);
      g(j, i) = 1.0 / g(i, j);  // exactly reciprocal, not exp(−s)
    }
  }
  return g;
}

Result<std::vector<double>> aggregate_priorities(std::span<const std::vector<double>> priorities,
                                                 std::span<const double> judge_weights,
                                                 PriorityMean mean) {
  if (priorities.empty()) return bad("no priority vectors to aggregate");
  Result<std::vector<double>> lambda = judge_lambdas(judge_weights, priorities.size());
  if (!lambda) return lambda.error();
  const std::size_t n = priorities.front().size();
  if (n == 0) return bad("priority vector 0 is empty");
  for (std::size_t k = 0; k < priorities.size(); ++k) {
    if (priorities[k].size() != n) {
      return bad("priority vector " + std::to_string(k) + " has " +
                 std::to_string(priorities[k].size()) + " entries, vector 0 has " +
                 std::to_string(n));
    }
    for (std::size_t i = 0; i < n; ++i) {
      const double x = priorities[k][i];
      if (!std::isfinite(x) || x < 0.0 || (mean == PriorityMean::geometric && x == 0.0)) {
        return bad("priority " + std::to_string(i) + " of judge " + std::to_string(k) + " is " +
                   num(x) +
                   (mean == PriorityMean::geometric ? "; the geometric mean needs > 0"
                                                    : "; it must be >= 0"));
      }
    }
  }
  std::vector<double> out(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    double s = 0.0;
    for (std::size_t k = 0; k < priorities.size(); ++k) {
      s += mean == PriorityMean::geometric ? (*lambda)[k] * std::log(priorities[k][i])
                                           : (*lambda)[k] * priorities[k][i];
    }
    out[i] = mean == PriorityMean::geometric ? std::exp(s) : s;
  }
  double total = 0.0;
  for (double x : out) total += x;
  if (!(total > 0.0)) return bad("the aggregated priorities are all zero");
  for (double& x : out) x /= total;
  return out;
}

// ---------------------------------------------------------------------------

Hierarchy::Hierarchy(std::string root_name) {
  nodes_.push_back(Node{std::move(root_name), kRoot, {}, {}, std::nullopt});
}

const Hierarchy::Node& Hierarchy::node_at(std::size_t node) const {
  if (node >= nodes_.size()) {
    throw std::out_of_range("kexie::Hierarchy: no node " + std::to_string(node));
  }
  return nodes_[node];
}

std::size_t Hierarchy::add(std::size_t parent, std::string name) {
  node_at(parent);
  const std::size_t id = nodes_.size();
  nodes_.push_back(Node{std::move(name), parent, {}, {}, std::nullopt});
  Node& p = nodes_[parent];
  p.children.push_back(id);
  p.weights.clear();
  p.ahp.reset();
  return id;
}

const std::string& Hierarchy::name(std::size_t node) const { return node_at(node).name; }
std::size_t Hierarchy::parent(std::size_t node) const { return node_at(node).parent; }
const std::vector<std::size_t>& Hierarchy::children(std::size_t node) const {
  return node_at(node).children;
}
const std::vector<double>& Hierarchy::local_weights(std::size_t node) const {
  return node_at(node).weights;
}
const std::optional<AhpResult>& Hierarchy::ahp_result(std::size_t node) const {
  return node_at(node).ahp;
}

Status Hierarchy::set_weights(std::size_t node, std::span<const double> weights) {
  node_at(node);  // throws for a node that does not exist
  Node& n = nodes_[node];
  if (weights.size() != n.children.size()) {
    return bad("node '" + n.name + "' has " + std::to_string(n.children.size()) +
               " children, got " + std::to_string(weights.size()) + " weights");
  }
  if (Status s = check_weight_vector(weights, "local"); !s) return s;
  n.weights.assign(weights.begin(), weights.end());
  n.ahp.reset();
  return {};
}

Result<AhpResult> Hierarchy::set_weights_by_ahp(std::size_t node, const Matrix& pairwise,
                                                AhpOptions options) {
  node_at(node);  // throws for a node that does not exist
  Node& n = nodes_[node];
  if (pairwise.rows() != n.children.size()) {
    return bad("node '" + n.name + "' has " + std::to_string(n.children.size()) +
               " children, the comparison matrix has " + std::to_string(pairwise.rows()) + " rows");
  }
  options.require_consistency = true;
  Result<AhpResult> r = ahp(pairwise, options);
  if (!r) return r;
  n.weights = r->weights;
  n.ahp = *r;
  return r;
}

Result<std::vector<GlobalWeight>> Hierarchy::global_weights() const {
  std::vector<double> global(nodes_.size(), 0.0);
  global[kRoot] = 1.0;
  // Children are always numbered after their parent, so one pass in node order
  // sees every parent's global weight before its children need it.
  std::vector<GlobalWeight> out;
  for (std::size_t id = 0; id < nodes_.size(); ++id) {
    const Node& n = nodes_[id];
    if (n.children.empty()) {
      out.push_back({id, n.name, global[id]});
      continue;
    }
    if (n.weights.size() != n.children.size()) {
      return bad("the local weights of node '" + n.name + "' are not set");
    }
    for (std::size_t c = 0; c < n.children.size(); ++c) {
      global[n.children[c]] = global[id] * n.weights[c];
    }
  }
  return out;
}

// ---------------------------------------------------------------------------

Result<ObjectiveWeights> entropy_weights(const Matrix& data, std::span<const CriterionKind> kinds,
                                         EntropyNormalization normalization) {
  if (Status s = check_data(data, kinds); !s) return s.error();
  const std::size_t m = data.rows();
  const std::size_t n = data.cols();
  ObjectiveWeights out;
  out.normalization = normalization;
  out.spread.assign(n, 1.0);
  out.information.assign(n, 0.0);
  const double log_m = std::log(static_cast<double>(m));
  std::vector<double> p(m);
  for (std::size_t j = 0; j < n; ++j) {
    const CriterionKind kind = kind_of(kinds, j);
    bool constant = false;
    if (normalization == EntropyNormalization::min_max) {
      constant = !min_max_column(data, j, kind, p);
    } else {
      constant = true;
      for (std::size_t i = 0; i < m; ++i) {
        const double x = data(i, j);
        if (kind == CriterionKind::benefit ? x < 0.0 : !(x > 0.0)) {
          return bad("value " + cell(i, j) + " = " + num(x) + " of " +
                     std::string(to_string(kind)) + " criterion " + std::to_string(j) +
                     (kind == CriterionKind::benefit
                          ? " is negative; proportion normalization needs x >= 0 (use min_max)"
                          : " is not positive; proportion normalization of a cost needs x > 0 "
                            "(use min_max)"));
        }
        p[i] = kind == CriterionKind::benefit ? x : 1.0 / x;
        if (x != data(0, j)) constant = false;
      }
    }
    double total = 0.0;
    for (double x : p) total += x;
    if (constant || !(total > 0.0)) {
      out.constant_criteria.push_back(j);
      continue;  // e = 1, d = 0
    }
    double h = 0.0;
    for (double x : p) {
      if (x > 0.0) {  // 0·ln 0 = 0
        const double q = x / total;
        h -= q * std::log(q);
      }
    }
    const double e = h / log_m;
    out.spread[j] = e;
    out.information[j] = std::max(0.0, 1.0 - e);
  }
  double total = 0.0;
  for (double d : out.information) total += d;
  if (!(total > 0.0)) {
    equal_weights(out, n);
    return out;
  }
  out.weights.resize(n);
  for (std::size_t j = 0; j < n; ++j) out.weights[j] = out.information[j] / total;
  return out;
}

Result<ObjectiveWeights> critic_weights(const Matrix& data, std::span<const CriterionKind> kinds) {
  if (Status s = check_data(data, kinds); !s) return s.error();
  const std::size_t m = data.rows();
  const std::size_t n = data.cols();
  ObjectiveWeights out;
  out.spread.assign(n, 0.0);
  out.information.assign(n, 0.0);

  // Centered standardized columns, stored column by column for the correlations.
  std::vector<double> centered(m * n, 0.0);
  std::vector<double> sum_sq(n, 0.0);
  std::vector<std::size_t> live;
  std::vector<double> z;
  for (std::size_t j = 0; j < n; ++j) {
    if (!min_max_column(data, j, kind_of(kinds, j), z)) {
      out.constant_criteria.push_back(j);
      continue;
    }
    double mean = 0.0;
    for (double x : z) mean += x;
    mean /= static_cast<double>(m);
    double ss = 0.0;
    for (std::size_t i = 0; i < m; ++i) {
      const double c = z[i] - mean;
      centered[j * m + i] = c;
      ss += c * c;
    }
    sum_sq[j] = ss;
    out.spread[j] = std::sqrt(ss / static_cast<double>(m - 1));
    live.push_back(j);
  }
  if (live.empty()) {
    equal_weights(out, n);
    return out;
  }
  double total = 0.0;
  for (std::size_t j : live) {
    double conflict = 0.0;
    for (std::size_t k : live) {
      if (k == j) continue;
      double cross = 0.0;
      for (std::size_t i = 0; i < m; ++i) cross += centered[j * m + i] * centered[k * m + i];
      conflict += 1.0 - cross / std::sqrt(sum_sq[j] * sum_sq[k]);
    }
    out.information[j] = out.spread[j] * conflict;
    total += out.information[j];
  }
  out.weights.assign(n, 0.0);
  if (!(total > 0.0)) {
    // One informative criterion, or all perfectly correlated: no conflict to
    // weigh by, so the informative criteria share equally.
    for (std::size_t j : live) out.weights[j] = 1.0 / static_cast<double>(live.size());
    return out;
  }
  for (std::size_t j : live) out.weights[j] = out.information[j] / total;
  return out;
}

// ---------------------------------------------------------------------------

Result<std::vector<double>> combine_linear(std::span<const double> subjective,
                                           std::span<const double> objective, double alpha) {
  if (subjective.size() != objective.size() || subjective.empty()) {
    return bad("subjective and objective weights must be non-empty and of equal length");
  }
  if (!(alpha >= 0.0 && alpha <= 1.0)) return bad("alpha " + num(alpha) + " is outside [0, 1]");
  if (Status s = check_weight_vector(subjective, "subjective"); !s) return s.error();
  if (Status s = check_weight_vector(objective, "objective"); !s) return s.error();
  std::vector<double> out(subjective.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] = alpha * subjective[i] + (1.0 - alpha) * objective[i];
  }
  return out;
}

Result<std::vector<double>> combine_multiplicative(std::span<const double> subjective,
                                                   std::span<const double> objective) {
  if (subjective.size() != objective.size() || subjective.empty()) {
    return bad("subjective and objective weights must be non-empty and of equal length");
  }
  if (Status s = check_weight_vector(subjective, "subjective"); !s) return s.error();
  if (Status s = check_weight_vector(objective, "objective"); !s) return s.error();
  std::vector<double> out(subjective.size());
  double total = 0.0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] = subjective[i] * objective[i];
    total += out[i];
  }
  if (!(total > 0.0)) return bad("subjective and objective weights have no criterion in common");
  for (double& x : out) x /= total;
  return out;
}

// ---------------------------------------------------------------------------

Result<std::vector<Decimal>> quantize_weights(std::span<const double> weights, int places) {
  if (weights.empty()) return bad("no weights to quantize");
  if (places < 0 || places > 15) {
    return bad("weights are quantized to 0-15 places, got " + std::to_string(places));
  }
  double total = 0.0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (!std::isfinite(weights[i]) || weights[i] < 0.0) {
      return bad("weight " + std::to_string(i) + " is " + num(weights[i]) +
                 "; weights must be finite and non-negative");
    }
    total += weights[i];
  }
  if (!std::isfinite(total)) {
    return Error(ErrorCode::overflow,
                 "the weights' sum overflows a double; scale the weights down first");
  }
  if (!(total > 0.0)) return bad("the weights sum to zero");

  std::int64_t unit = 1;
  for (int k = 0; k < places; ++k) unit *= 10;
  const double scale = static_cast<double>(unit);  // exact: 10^15 < 2^53

  const std::size_t n = weights.size();
  std::vector<std::int64_t> units(n);
  std::vector<double> remainder(n);
  std::int64_t assigned = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double q = weights[i] / total * scale;
    const double f = std::floor(q);
    units[i] = static_cast<std::int64_t>(f);
    remainder[i] = q - f;
    assigned += units[i];
  }

  // Largest remainders first; equal remainders in index order.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return remainder[x] > remainder[y]; });
  std::int64_t missing = unit - assigned;
  // Rounding in w/Σw·10^p can leave the floors a unit or two off the ideal;
  // the loops below settle any such difference the same largest-remainder way.
  while (missing > 0) {
    for (std::size_t k = 0; k < n && missing > 0; ++k, --missing) ++units[order[k]];
  }
  while (missing < 0) {
    bool took = false;
    for (std::size_t k = n; k-- > 0 && missing < 0;) {
      if (units[order[k]] > 0) {
        --units[order[k]];
        ++missing;
        took = true;
      }
    }
    if (!took) break;
  }

  std::vector<Decimal> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    Result<Decimal> d = Decimal::from_coefficient(units[i], places);
    if (!d) return d.error();
    out.push_back(*d);
  }
  return out;
}

}  // namespace v1
}  // namespace kexie
