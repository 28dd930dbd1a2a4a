// Indicator weights: how much each criterion of a rubric counts. Subjective
// weights come from experts' pairwise comparisons (AHP, 层次分析法), alone or
// aggregated over a group, and propagate down an indicator tree (指标体系);
// objective weights come from the data (entropy weights, 熵权法, and CRITIC);
// the two can be combined. Every method here computes in double precision, in a
// fixed order, and every result records the variant it used (derivation
// method, random-index table, pass rule, normalization), so a reviewer can
// reproduce it. The rest of kexie consumes weights only after
// `quantize_weights` has turned them into `Decimal`s that sum exactly to 1.
// docs/weights.md gives each formula, the variant chosen and why, and a worked
// example.
#ifndef KEXIE_WEIGHTS_HPP
#define KEXIE_WEIGHTS_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kexie/decimal.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"
#include "kexie/matrix.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

// ---------------------------------------------------------------------------
// AHP: one pairwise comparison matrix

/// How the priority vector is derived from a pairwise comparison matrix.
enum class AhpMethod : std::uint8_t {
  eigenvector,     ///< principal right eigenvector, by power iteration (Saaty's definition)
  geometric_mean,  ///< normalized geometric mean of each row (Crawford & Williams 1985)
  column_mean,     ///< mean of the rows of the column-normalized matrix (the "approximate" method)
};

/// The names of `AhpMethod`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<AhpMethod> {
  static constexpr std::array<std::string_view, 3> names{"eigenvector", "geometric_mean",
                                                         "column_mean"};
  static constexpr bool listed(AhpMethod v) noexcept {
    switch (v) {
      case AhpMethod::eigenvector:
      case AhpMethod::geometric_mean:
      case AhpMethod::column_mean:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<AhpMethod>());

/// Which published table of random indices (RI) divides the consistency index.
enum class RandomIndexTable : std::uint8_t {
  saaty,  ///< Saaty (1980): 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49 … for n = 3 … 15
  donegan_dodd,  ///< Donegan & Dodd (1991), n = 3 … 20, 25, 30
  tummala_ling,  ///< Tummala & Ling (1998), n = 3 … 15 (see docs/weights.md on provenance)
};

/// The names of `RandomIndexTable`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<RandomIndexTable> {
  static constexpr std::array<std::string_view, 3> names{"saaty", "donegan_dodd", "tummala_ling"};
  static constexpr bool listed(RandomIndexTable v) noexcept {
    switch (v) {
      case RandomIndexTable::saaty:
      case RandomIndexTable::donegan_dodd:
      case RandomIndexTable::tummala_ling:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<RandomIndexTable>());

/// Whether a consistency ratio equal to the threshold passes.
enum class PassRule : std::uint8_t {
  below,    ///< CR < threshold passes (Saaty's wording, the default)
  at_most,  ///< CR ≤ threshold passes
};

/// The names of `PassRule`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<PassRule> {
  static constexpr std::array<std::string_view, 2> names{"below", "at_most"};
  static constexpr bool listed(PassRule v) noexcept {
    switch (v) {
      case PassRule::below:
      case PassRule::at_most:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<PassRule>());

/// "eigenvector", "geometric_mean", "column_mean".
/// \param method the value to name
/// \return its stable English name, as `EnumNames<AhpMethod>` spells it
[[nodiscard]] KEXIE_API std::string_view to_string(AhpMethod method) noexcept;
/// "saaty", "donegan_dodd", "tummala_ling".
/// \param table the value to name
/// \return its stable English name, as `EnumNames<RandomIndexTable>` spells it
[[nodiscard]] KEXIE_API std::string_view to_string(RandomIndexTable table) noexcept;
/// "below" (CR < t), "at_most" (CR ≤ t).
/// \param rule the value to name
/// \return its stable English name, as `EnumNames<PassRule>` spells it
[[nodiscard]] KEXIE_API std::string_view to_string(PassRule rule) noexcept;

/// The random index of `table` for an n × n matrix: 0 for n ≤ 2 (every 1 × 1
/// and 2 × 2 reciprocal matrix is consistent), `invalid_argument` for n = 0 or
/// a size the table does not cover (it is never extrapolated).
/// \param table the published table to read
/// \param n the matrix size
/// \return the random index RI(n), or `invalid_argument`
///
///   kexie::random_index(kexie::RandomIndexTable::saaty, 9).value()  // 1.45
[[nodiscard]] KEXIE_API Result<double> random_index(RandomIndexTable table, std::size_t n);

/// How `ahp` validates, derives and judges a pairwise comparison matrix. The
/// defaults are Saaty's: eigenvector, his RI table, CR < 0.10.
///
///   kexie::AhpOptions o;
///   o.method = kexie::AhpMethod::geometric_mean;
///   o.require_consistency = true;   // a failing CR becomes an error
struct AhpOptions {
  /// Derivation of the priority vector.
  AhpMethod method = AhpMethod::eigenvector;
  /// RI table for CR = CI / RI.
  RandomIndexTable ri_table = RandomIndexTable::saaty;
  /// The consistency threshold.
  double threshold = 0.10;
  /// Whether CR == threshold passes.
  PassRule pass_rule = PassRule::below;
  /// A reciprocal pair passes when |a_ij · a_ji − 1| ≤ this.
  double reciprocal_tolerance = 1e-9;
  /// Also require every judgement to be on Saaty's 1–9 scale: a_ij ∈ {1, …, 9}
  /// or its reciprocal, within `reciprocal_tolerance` (relative).
  bool saaty_scale = false;
  /// Power iteration stops when no component moves by more than this.
  double tolerance = 1e-12;
  /// Power iteration cap; reaching it without convergence is `invalid_argument`.
  int max_iterations = 10'000;
  /// When true, a CR that fails the pass rule is returned as
  /// `inconsistent_judgements` (naming CR and the worst judgement) instead of a
  /// result with `consistent == false`.
  bool require_consistency = false;
};

/// The judgement that contributes most to the inconsistency: the pair (i, j),
/// i < j, whose a_ij departs furthest from the ratio w_i / w_j of the derived
/// priorities, measured by |ln(a_ij · w_j / w_i)|.
struct WorstJudgement {
  std::size_t row = 0;         ///< i
  std::size_t col = 0;         ///< j
  double judgement = 1.0;      ///< a_ij as given
  double implied = 1.0;        ///< w_i / w_j, the value that would be consistent
  double log_deviation = 0.0;  ///< |ln(a_ij · w_j / w_i)|
};

/// Priorities and consistency of one pairwise comparison matrix.
///
///   auto r = kexie::ahp(kexie::Matrix{{1, 3}, {1.0 / 3, 1}}).value();
///   // r.weights == {0.75, 0.25}, r.cr == 0, r.consistent
struct AhpResult {
  std::vector<double> weights;  ///< priorities, summing to 1 (up to rounding)
  double lambda_max = 0.0;      ///< (1/n) Σ (A w)_i / w_i
  double ci = 0.0;              ///< (λmax − n) / (n − 1); 0 for n ≤ 2
  double ri = 0.0;              ///< from `ri_table`; 0 for n ≤ 2
  double cr = 0.0;              ///< CI / RI; 0 for n ≤ 2
  bool consistent = true;       ///< whether CR passes `pass_rule` against `threshold`
  WorstJudgement worst;         ///< the judgement to revisit first (meaningful for n ≥ 3)
  int iterations = 0;           ///< power iterations used; 0 for the other methods
  // The variant used, copied from the options.
  /// How the priorities were derived (`AhpOptions::method`).
  AhpMethod method = AhpMethod::eigenvector;
  /// The random-index table `ri` was read from (`AhpOptions::ri_table`).
  RandomIndexTable ri_table = RandomIndexTable::saaty;
  /// How `cr` was compared with `threshold` (`AhpOptions::pass_rule`).
  PassRule pass_rule = PassRule::below;
  /// The CR threshold of consistency (`AhpOptions::threshold`).
  double threshold = 0.10;
};

/// Builds the reciprocal n × n matrix from its upper triangle, row by row
/// (a_01, a_02, …, a_0(n−1), a_12, …): a_ii = 1, a_ji = 1 / a_ij. Returns
/// `invalid_argument` when `upper` does not hold n(n−1)/2 positive finite values.
/// \param n the number of criteria
/// \param upper the n(n−1)/2 judgements above the diagonal, row by row
/// \return the reciprocal matrix, or `invalid_argument`
///
///   // criteria A, B, C: A is 3× B, 5× C; B is 2× C
///   kexie::Matrix m = kexie::pairwise_from_upper(3, {{3, 5, 2}}).value();
[[nodiscard]] KEXIE_API Result<Matrix> pairwise_from_upper(std::size_t n,
                                                           std::span<const double> upper);

/// Checks that `a` is a pairwise comparison matrix under `options`: non-empty,
/// square, positive finite entries, unit diagonal, reciprocal within the
/// tolerance, and (if asked) on the 1–9 scale. `invalid_argument` names the
/// first offending cell.
/// \param a the matrix to check
/// \param options the reciprocity tolerance and whether to require the 1–9 scale
/// \return ok, or `invalid_argument` naming the first offending cell
[[nodiscard]] KEXIE_API Status validate_pairwise(const Matrix& a, const AhpOptions& options = {});

/// Validates `a`, derives its priorities with `options.method`, and measures
/// its consistency. Errors: `invalid_argument` (see validate_pairwise; also a
/// size the RI table lacks, or power iteration not converging), and with
/// `require_consistency` `inconsistent_judgements`, whose message gives CR and
/// the worst judgement (rule "weights.ahp_consistency", article "A10").
/// \param a the pairwise comparison matrix
/// \param options the method, RI table, CR threshold and pass rule, and the checks on `a`
/// \return the weights (summing to 1), λmax, CI and CR, or the refusal
///
///   kexie::Matrix a{{1, 2, 4}, {0.5, 1, 2}, {0.25, 0.5, 1}};
///   kexie::AhpResult r = kexie::ahp(a).value();  // weights 4/7, 2/7, 1/7; CR 0
[[nodiscard]] KEXIE_API Result<AhpResult> ahp(const Matrix& a, const AhpOptions& options = {});

// ---------------------------------------------------------------------------
// Group AHP

/// Aggregation of individual judgements (AIJ): the weighted element-wise
/// geometric mean a_ij = Π_k a_ij(k)^λ_k, which keeps the matrix reciprocal.
/// `judge_weights` is empty (equal weights) or one non-negative weight per
/// matrix with a positive sum (it is normalized). Each matrix is checked with
/// `validate_pairwise(m, options)`; all must have the same size.
/// \param judgements one pairwise matrix per judge, all the same size
/// \param judge_weights empty, or one weight per judge
/// \param options the checks each matrix must pass
/// \return the group matrix, or `invalid_argument`
///
///   std::vector<kexie::Matrix> panel = {m1, m2, m3};
///   kexie::Matrix group = kexie::aggregate_judgements(panel).value();
///   auto r = kexie::ahp(group);
[[nodiscard]] KEXIE_API Result<Matrix> aggregate_judgements(
    std::span<const Matrix> judgements, std::span<const double> judge_weights = {},
    const AhpOptions& options = {});

/// How `aggregate_priorities` averages the judges' priority vectors.
enum class PriorityMean : std::uint8_t {
  geometric,   ///< weighted geometric mean, then normalized (Forman & Peniwati 1998)
  arithmetic,  ///< weighted arithmetic mean (already sums to 1)
};

/// The names of `PriorityMean`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<PriorityMean> {
  static constexpr std::array<std::string_view, 2> names{"geometric", "arithmetic"};
  static constexpr bool listed(PriorityMean v) noexcept {
    switch (v) {
      case PriorityMean::geometric:
      case PriorityMean::arithmetic:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<PriorityMean>());

/// "geometric", "arithmetic".
/// \param mean the value to name
/// \return its stable English name, as `EnumNames<PriorityMean>` spells it
[[nodiscard]] KEXIE_API std::string_view to_string(PriorityMean mean) noexcept;

/// Aggregation of individual priorities (AIP): combines one priority vector per
/// judge (e.g. each judge's `ahp(...).weights`) into one vector that sums to 1.
/// `invalid_argument` for vectors of different lengths, negative or non-finite
/// entries, or (geometric) a component that is zero for some judge.
/// \param priorities one priority vector per judge, all the same length
/// \param judge_weights empty (equal weights), or one non-negative weight per judge
/// \param mean geometric or arithmetic
/// \return the group priorities, summing to 1, or `invalid_argument`
///
///   std::vector<std::vector<double>> each = {r1.weights, r2.weights};
///   std::vector<double> group = kexie::aggregate_priorities(each).value();
[[nodiscard]] KEXIE_API Result<std::vector<double>> aggregate_priorities(
    std::span<const std::vector<double>> priorities, std::span<const double> judge_weights = {},
    PriorityMean mean = PriorityMean::geometric);

// ---------------------------------------------------------------------------
// Hierarchies

/// A leaf of an indicator tree and its global weight (the product of the local
/// weights on the path from the root).
struct GlobalWeight {
  std::size_t node = 0;  ///< the leaf's node number
  std::string name;      ///< its name
  double weight = 0.0;   ///< global weight
};

/// An indicator tree (指标体系: 一级指标 → 二级指标 → …) whose local weights
/// are set per node, directly or by AHP, and whose leaves get global weights as
/// products down the tree. Node 0 is the root (the goal). Using a node number
/// that does not exist is a programmer error (std::out_of_range).
///
///   kexie::Hierarchy h("总分");
///   auto tech = h.add(kexie::Hierarchy::kRoot, "technical level");
///   auto gain = h.add(kexie::Hierarchy::kRoot, "benefit");
///   auto pat = h.add(tech, "patents");
///   auto nov = h.add(tech, "novelty");
///   h.set_weights(kexie::Hierarchy::kRoot, {{0.6, 0.4}}).value();
///   h.set_weights_by_ahp(tech, kexie::Matrix{{1, 3}, {1.0 / 3, 1}}).value();
///   auto leaves = h.global_weights().value();  // patents 0.45, novelty 0.15, benefit 0.4
class KEXIE_API Hierarchy {
 public:
  /// The root's node number.
  static constexpr std::size_t kRoot = 0;

  /// A tree holding only the root, named `root_name`.
  /// \param root_name the root's name (the goal, e.g. "总分"); moved in.
  explicit Hierarchy(std::string root_name = "goal");

  /// Adds a child of `parent` and returns its node number (numbers are dense,
  /// in insertion order). Adding a child clears `parent`'s local weights.
  /// \param parent an existing node number (`kRoot` for a first-level indicator).
  /// \param name the indicator's name; moved in.
  /// \return the new node's number (the previous `size()`).
  std::size_t add(std::size_t parent, std::string name);

  /// Number of nodes, the root included.
  /// \return the number of nodes; node numbers run from 0 to this number − 1.
  [[nodiscard]] std::size_t size() const noexcept { return nodes_.size(); }
  /// The node's name.
  /// \param node an existing node number.
  /// \return the name given to `add` (or the constructor), valid until the tree changes.
  [[nodiscard]] const std::string& name(std::size_t node) const;
  /// The node's parent; the root is its own parent.
  /// \param node an existing node number.
  /// \return the parent's node number (`kRoot` for the root).
  [[nodiscard]] std::size_t parent(std::size_t node) const;
  /// The node's children, in insertion order.
  /// \param node an existing node number.
  /// \return the children's node numbers (empty for a leaf), valid until the tree changes.
  [[nodiscard]] const std::vector<std::size_t>& children(std::size_t node) const;
  /// The node's local weights (one per child), or an empty vector if not set yet.
  /// \param node an existing node number.
  /// \return the weights in child order, valid until the tree changes.
  [[nodiscard]] const std::vector<double>& local_weights(std::size_t node) const;
  /// The AHP result that set the node's weights, if they came from AHP.
  /// \param node an existing node number.
  /// \return the result of `set_weights_by_ahp` for the node, or nothing (weights set directly, or
  /// not set).
  [[nodiscard]] const std::optional<AhpResult>& ahp_result(std::size_t node) const;

  /// Sets the local weights of `node`'s children directly. `invalid_argument`
  /// when the count differs from the number of children, a weight is negative
  /// or not finite, or they do not sum to 1 within 1e-9.
  /// \param node an inner node (with children).
  /// \param weights one local weight per child, in child order, summing to 1.
  /// \return success, or `invalid_argument` as above (the weights stay as they were).
  [[nodiscard]] Status set_weights(std::size_t node, std::span<const double> weights);

  /// Sets the local weights of `node`'s children from a pairwise comparison
  /// matrix (rows in child order). The tree only accepts consistent judgements:
  /// `require_consistency` is forced on, so a failing CR is
  /// `inconsistent_judgements` and the weights stay unset.
  /// \param node an inner node (with children).
  /// \param pairwise the n × n reciprocal comparison matrix of its n children.
  /// \param options the method, RI table and pass rule (`require_consistency` is forced on).
  /// \return the AHP result whose weights were set, or a refusal of `ahp`.
  [[nodiscard]] Result<AhpResult> set_weights_by_ahp(std::size_t node, const Matrix& pairwise,
                                                     AhpOptions options = {});

  /// The global weight of every leaf, in node order; they sum to 1 up to
  /// rounding (quantize them with `quantize_weights`). `invalid_argument` names
  /// the first inner node whose weights are not set.
  /// \return one entry per leaf (node number, name, global weight), or `invalid_argument`.
  [[nodiscard]] Result<std::vector<GlobalWeight>> global_weights() const;

 private:
  struct Node {
    std::string name;
    std::size_t parent = 0;
    std::vector<std::size_t> children;
    std::vector<double> weights;
    std::optional<AhpResult> ahp;
  };
  const Node& node_at(std::size_t node) const;
  std::vector<Node> nodes_;
};

// ---------------------------------------------------------------------------
// Objective weights: entropy and CRITIC

/// Whether more is better (benefit, 效益型) or less is better (cost, 成本型).
enum class CriterionKind : std::uint8_t { benefit, cost };

/// The names of `CriterionKind`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<CriterionKind> {
  static constexpr std::array<std::string_view, 2> names{"benefit", "cost"};
  static constexpr bool listed(CriterionKind v) noexcept {
    switch (v) {
      case CriterionKind::benefit:
      case CriterionKind::cost:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<CriterionKind>());

/// How `entropy_weights` turns a column into proportions p_ij.
enum class EntropyNormalization : std::uint8_t {
  /// Min–max first: benefit (x − min)/(max − min), cost (max − x)/(max − min),
  /// then p = x' / Σ x'. Works for any finite data (the common 熵权法 textbook form).
  min_max,
  /// Proportions of the raw values: benefit p = x / Σ x (needs x ≥ 0), cost
  /// p = (1/x) / Σ (1/x) (needs x > 0). Negative inputs are `invalid_argument`.
  proportion,
};

/// The names of `EntropyNormalization`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<EntropyNormalization> {
  static constexpr std::array<std::string_view, 2> names{"min_max", "proportion"};
  static constexpr bool listed(EntropyNormalization v) noexcept {
    switch (v) {
      case EntropyNormalization::min_max:
      case EntropyNormalization::proportion:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<EntropyNormalization>());

/// "benefit", "cost".
/// \param kind the value to name
/// \return its stable English name, as `EnumNames<CriterionKind>` spells it
[[nodiscard]] KEXIE_API std::string_view to_string(CriterionKind kind) noexcept;
/// "min_max", "proportion".
/// \param normalization the value to name
/// \return its stable English name, as `EnumNames<EntropyNormalization>` spells it
[[nodiscard]] KEXIE_API std::string_view to_string(EntropyNormalization normalization) noexcept;

/// Objective weights with the per-criterion quantities behind them.
struct ObjectiveWeights {
  std::vector<double> weights;  ///< one per criterion, summing to 1
  /// Entropy: e_j ∈ [0, 1]. CRITIC: σ_j, the sample standard deviation of the
  /// standardized column.
  std::vector<double> spread;
  /// Entropy: d_j = 1 − e_j. CRITIC: C_j = σ_j Σ_k (1 − r_jk).
  std::vector<double> information;
  /// Criteria that were constant (no information; weight 0).
  std::vector<std::size_t> constant_criteria;
  /// True when every criterion was constant (or all data zero): no criterion
  /// discriminates, and the weights fall back to equal 1/n.
  bool uninformative = false;
  /// The normalization used (entropy only; CRITIC always uses min_max).
  EntropyNormalization normalization = EntropyNormalization::min_max;
};

/// Entropy weights (熵权法) of an alternatives × criteria matrix:
/// e_j = −(1/ln m) Σ_i p_ij ln p_ij with 0·ln 0 = 0, d_j = 1 − e_j,
/// w_j = d_j / Σ d. `kinds` is empty (all benefit) or one per column. A constant
/// column (after normalization: all p equal, or a zero column sum) gets e = 1,
/// weight 0; if all are constant the weights are equal and `uninformative`.
/// `invalid_argument` for fewer than 2 alternatives, no criteria, a non-finite
/// value, or (proportion) a negative value / a non-positive cost value.
/// \param data the matrix, one row per alternative and one column per criterion
/// \param kinds empty (all benefit), or benefit/cost per column
/// \param normalization min_max or proportion
/// \return the weights with e_j and d_j per criterion, or `invalid_argument`
///
///   kexie::Matrix data{{1, 10}, {2, 10}, {3, 10}};
///   auto w = kexie::entropy_weights(data).value();  // {1, 0}: column 2 is constant
[[nodiscard]] KEXIE_API Result<ObjectiveWeights> entropy_weights(
    const Matrix& data, std::span<const CriterionKind> kinds = {},
    EntropyNormalization normalization = EntropyNormalization::min_max);

/// CRITIC weights (Diakoulaki, Mavrotas & Papayannakis 1995): columns are
/// min–max standardized (cost columns reversed); σ_j is the *sample* standard
/// deviation (divisor m − 1) of column j; r_jk the Pearson correlation;
/// C_j = σ_j Σ_k (1 − r_jk); w_j = C_j / Σ C. A constant column has σ = 0 and
/// weight 0 and is left out of the other columns' conflict sums (the result is
/// CRITIC on the informative columns alone); if all are constant the weights
/// are equal and `uninformative`. When Σ C = 0 although some column varies
/// (only one varies, or all that vary are perfectly correlated) the varying
/// columns share the weight equally. `invalid_argument` for fewer than 2
/// alternatives, no criteria, or a non-finite value.
/// \param data the matrix, one row per alternative and one column per criterion
/// \param kinds empty (all benefit), or benefit/cost per column
/// \return the weights with σ_j and C_j per criterion, or `invalid_argument`
///
///   auto w = kexie::critic_weights(data, kinds).value().weights;
[[nodiscard]] KEXIE_API Result<ObjectiveWeights> critic_weights(
    const Matrix& data, std::span<const CriterionKind> kinds = {});

// ---------------------------------------------------------------------------
// Combined weights

/// Linear combination α·subjective + (1 − α)·objective. Both vectors must have
/// the same length, non-negative finite entries, and sum to 1 within 1e-9;
/// α ∈ [0, 1]. `invalid_argument` otherwise.
/// \param subjective the subjective weights (e.g. from AHP)
/// \param objective the objective weights (e.g. entropy)
/// \param alpha the share of the subjective weights, in [0, 1]
/// \return the combined weights, or `invalid_argument`
///
///   kexie::combine_linear(ahp_w, entropy_w, 0.5).value();
[[nodiscard]] KEXIE_API Result<std::vector<double>> combine_linear(
    std::span<const double> subjective, std::span<const double> objective, double alpha);

/// Multiplicative combination w_j = s_j o_j / Σ_k s_k o_k. Same checks as
/// `combine_linear`; `invalid_argument` also when Σ s_k o_k = 0.
/// \param subjective the subjective weights (e.g. from AHP)
/// \param objective the objective weights (e.g. CRITIC)
/// \return the combined weights, summing to 1, or `invalid_argument`
///
///   kexie::combine_multiplicative(ahp_w, critic_w).value();
[[nodiscard]] KEXIE_API Result<std::vector<double>> combine_multiplicative(
    std::span<const double> subjective, std::span<const double> objective);

// ---------------------------------------------------------------------------
// Quantization

/// Turns a weight vector into `Decimal`s with exactly `places` places that sum
/// exactly to 1, by the largest-remainder (Hamilton) method: each w_i / Σw is
/// scaled by 10^places and truncated; the units still missing go one each to
/// the largest remainders, ties to the lower index. Every result is within one
/// unit in the last place of its exact share. `invalid_argument` for an empty
/// vector, a negative or non-finite weight, a zero sum, or places outside
/// 0–15 (a double holds about 15 significant digits; more places would only
/// quantize noise).
/// \param weights the weights, non-negative with a positive sum
/// \param places the decimal places, 0–15
/// \return one Decimal per weight, summing exactly to 1, or `invalid_argument`
///
///   auto q = kexie::quantize_weights(std::vector{1.0, 1.0, 1.0}, 2).value();
///   // 0.34, 0.33, 0.33 — the tie goes to index 0
[[nodiscard]] KEXIE_API Result<std::vector<Decimal>> quantize_weights(
    std::span<const double> weights, int places);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_WEIGHTS_HPP
