// Panel agreement: how far a panel of judges agrees on the entries it marked.
// Kendall's coefficient of concordance W (with the tie correction, its χ²
// statistic and p-value), the intraclass correlations ICC(1), ICC(2,1) and
// ICC(3,1) of Shrout & Fleiss (1979), and per-judge leniency with a flag for
// judges whose marks follow the rest of the panel poorly. Marks are held in a
// `PanelMarks` table (entries × judges) where a missing mark is a distinct
// state, never a zero; every statistic takes a declared `MissingMarks` policy
// and reports which entries and judges it left out. docs/weights.md gives the
// formulas and a worked example.
#ifndef KEXIE_AGREEMENT_HPP
#define KEXIE_AGREEMENT_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"
#include "kexie/matrix.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

/// Marks (or ranks) given by judges to entries: `entries` rows × `judges`
/// columns, each cell either a finite mark or missing. Setting a non-finite
/// mark or addressing a cell outside the table is a programmer error
/// (std::invalid_argument, std::out_of_range).
///
///   kexie::PanelMarks marks(4, 3);       // 4 entries, 3 judges, all missing
///   marks.set(0, 0, 87.5);
///   kexie::PanelMarks full = kexie::PanelMarks::from_matrix(
///       kexie::Matrix{{9, 2, 5}, {6, 1, 3}, {8, 4, 6}});
class KEXIE_API PanelMarks {
 public:
  /// An entries × judges table with every mark missing.
  /// \param entries number of rows, one per entry judged
  /// \param judges number of columns, one per judge
  PanelMarks(std::size_t entries, std::size_t judges);
  /// A complete table from a matrix whose rows are entries and columns judges.
  /// \param marks the marks, `marks(entry, judge)`; every element must be finite
  /// (std::invalid_argument otherwise)
  /// \return a table of the matrix's shape with every cell present
  static PanelMarks from_matrix(const Matrix& marks);

  /// Number of entries (rows).
  /// \return the `entries` given at construction
  [[nodiscard]] std::size_t entries() const noexcept { return entries_; }
  /// Number of judges (columns).
  /// \return the `judges` given at construction
  [[nodiscard]] std::size_t judges() const noexcept { return judges_; }

  /// Records `judge`'s mark for `entry`, replacing any earlier one.
  /// \param entry the row, below `entries()` (std::out_of_range otherwise)
  /// \param judge the column, below `judges()` (std::out_of_range otherwise)
  /// \param mark the mark or rank; finite (std::invalid_argument otherwise)
  void set(std::size_t entry, std::size_t judge, double mark);
  /// Makes the mark missing again.
  /// \param entry the row, below `entries()` (std::out_of_range otherwise)
  /// \param judge the column, below `judges()` (std::out_of_range otherwise)
  void clear(std::size_t entry, std::size_t judge);
  /// The mark, or std::nullopt when missing.
  /// \param entry the row, below `entries()` (std::out_of_range otherwise)
  /// \param judge the column, below `judges()` (std::out_of_range otherwise)
  /// \return the mark last `set`, or std::nullopt when never set or cleared
  [[nodiscard]] std::optional<double> at(std::size_t entry, std::size_t judge) const;
  /// True when no mark is missing.
  /// \return true when every cell is present (also for an empty table)
  [[nodiscard]] bool complete() const noexcept;

  /// One judge's marks in entry order, contiguous (missing cells hold 0 and
  /// must be skipped using `present`). For fast column access.
  /// \param judge the column, below `judges()` (std::out_of_range otherwise)
  /// \return `entries()` marks, borrowed: valid until the table changes or is destroyed
  [[nodiscard]] std::span<const double> judge_marks(std::size_t judge) const;
  /// Whether each of one judge's marks is present, in entry order.
  /// \param judge the column, below `judges()` (std::out_of_range otherwise)
  /// \return `entries()` flags, 1 for present and 0 for missing, borrowed like
  /// `judge_marks`
  [[nodiscard]] std::span<const std::uint8_t> present(std::size_t judge) const;

 private:
  void check(std::size_t entry, std::size_t judge) const;
  std::size_t entries_;
  std::size_t judges_;
  std::vector<double> marks_;  // judge-major: marks_[judge * entries_ + entry]
  std::vector<std::uint8_t> present_;
  std::size_t missing_;
};

/// What a statistic does with missing marks. Never treated as zero.
enum class MissingMarks : std::uint8_t {
  /// Any missing mark is `invalid_argument`, naming the first (the default).
  refuse,
  /// Leave out every entry that some judge did not mark (listwise deletion).
  drop_entries,
  /// Leave out every judge who did not mark every entry.
  drop_judges,
};

/// The names of `MissingMarks`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<MissingMarks> {
  static constexpr std::array<std::string_view, 3> names{"refuse", "drop_entries", "drop_judges"};
  static constexpr bool listed(MissingMarks v) noexcept {
    switch (v) {
      case MissingMarks::refuse:
      case MissingMarks::drop_entries:
      case MissingMarks::drop_judges:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<MissingMarks>());

/// "refuse", "drop_entries", "drop_judges".
/// \param policy the enumerator to name
/// \return its name as `EnumNames<MissingMarks>` spells it, a static string;
/// "unknown" outside the enumeration
[[nodiscard]] KEXIE_API std::string_view to_string(MissingMarks policy) noexcept;

/// The entries and judges a statistic actually used.
struct PanelCoverage {
  MissingMarks policy = MissingMarks::refuse;  ///< the policy applied
  std::vector<std::size_t> entries;            ///< entries used, ascending
  std::vector<std::size_t> judges;             ///< judges used, ascending
  std::vector<std::size_t> dropped_entries;    ///< entries left out
  std::vector<std::size_t> dropped_judges;     ///< judges left out
};

/// Kendall's W and its significance.
struct KendallW {
  double w = 0.0;             ///< 12S / (m²(n³ − n) − m ΣT), in [0, 1]
  double s = 0.0;             ///< Σ (R_i − m(n + 1)/2)², R_i the rank sum of entry i
  double tie_sum = 0.0;       ///< ΣT over judges, T = Σ (t³ − t) over each judge's tie groups
  double chi_squared = 0.0;   ///< m(n − 1)W
  std::size_t df = 0;         ///< n − 1
  double p_value = 1.0;       ///< upper tail of χ²(df) at chi_squared (large-sample; see docs)
  std::size_t judges = 0;     ///< m, judges used
  std::size_t entries = 0;    ///< n, entries used
  bool tie_corrected = true;  ///< whether ΣT entered the denominator
  PanelCoverage coverage;     ///< what was used and left out
};

/// Options for `kendall_w`.
struct KendallOptions {
  /// Missing-mark policy.
  MissingMarks missing = MissingMarks::refuse;
  /// Subtract m ΣT from the denominator (recommended; without it W is biased
  /// low when judges tie).
  bool tie_correction = true;
};

/// Kendall's coefficient of concordance for the judges (columns) ranking or
/// marking the entries (rows). Each judge's marks are turned into ranks, tied
/// marks sharing their mean rank; ranking by "higher is better" or "lower is
/// better" gives the same W. `invalid_argument` for fewer than 2 judges or 2
/// entries (after the missing policy), for missing marks under `refuse`, and
/// when W is undefined because every judge tied every entry.
/// \param marks entries × judges marks or ranks
/// \param options the missing-mark policy and whether to correct for ties
/// \return W, its χ² test and what was used; or `invalid_argument` as above
///
///   auto w = kexie::kendall_w(kexie::PanelMarks::from_matrix(ranks)).value();
///   if (w.p_value >= 0.05) std::cout << "the panel does not agree\n";
[[nodiscard]] KEXIE_API Result<KendallW> kendall_w(const PanelMarks& marks,
                                                   const KendallOptions& options = {});

/// Intraclass correlations (Shrout & Fleiss 1979) with the ANOVA mean squares.
struct IccResult {
  double icc1 = 0.0;  ///< ICC(1): one-way random, single rater: (BMS − WMS)/(BMS + (k−1)WMS)
  double icc2 = 0.0;  ///< ICC(2,1): two-way random, absolute agreement, single rater
  double icc3 = 0.0;  ///< ICC(3,1): two-way mixed, consistency, single rater
  double bms = 0.0;   ///< between-entries mean square
  double wms = 0.0;   ///< within-entries mean square (one-way)
  double jms = 0.0;   ///< between-judges mean square
  double ems = 0.0;   ///< residual mean square (two-way)
  std::size_t judges = 0;   ///< k
  std::size_t entries = 0;  ///< n
  PanelCoverage coverage;   ///< what was used and left out
};

/// ICC(1), ICC(2,1), ICC(3,1) from the marks. `invalid_argument` for fewer than
/// 2 judges or 2 entries (after the missing policy), missing marks under
/// `refuse`, or marks without any variance (every coefficient is 0/0).
/// \param marks entries × judges marks
/// \param missing what to do with missing marks (refuse by default)
/// \return the three coefficients with the ANOVA mean squares; or `invalid_argument`
///
///   auto icc = kexie::icc(marks).value();   // icc.icc2 for absolute agreement
[[nodiscard]] KEXIE_API Result<IccResult> icc(const PanelMarks& marks,
                                              MissingMarks missing = MissingMarks::refuse);

/// One judge's leniency and fit with the rest of the panel.
struct JudgeLeniency {
  std::size_t judge = 0;  ///< the judge's column
  /// Mean over entries of (the judge's mark − the panel mean of that entry);
  /// positive for a lenient judge, negative for a severe one.
  double mean_deviation = 0.0;
  /// Pearson correlation of the judge's marks with the mean of the *other*
  /// judges' marks, entry by entry; empty when undefined (either side constant).
  std::optional<double> rest_correlation;
  /// rest_correlation < threshold, or undefined.
  bool flagged = false;
};

/// Options for `leniency`.
struct LeniencyOptions {
  /// Missing-mark policy.
  MissingMarks missing = MissingMarks::refuse;
  /// A judge whose rest correlation is below this is flagged.
  double min_correlation = 0.3;
};

/// Per-judge leniency for the whole panel.
struct LeniencyReport {
  std::vector<JudgeLeniency> judges;  ///< one per judge used, in column order
  double min_correlation = 0.3;       ///< the threshold applied
  PanelCoverage coverage;             ///< what was used and left out
};

/// Leniency and rest correlation of every judge. `invalid_argument` for fewer
/// than 2 judges or 2 entries (after the missing policy) or missing marks
/// under `refuse`.
/// \param marks entries × judges marks
/// \param options the missing-mark policy and the correlation threshold for a flag
/// \return one line per judge used; or `invalid_argument` as above
///
///   for (const auto& j : kexie::leniency(marks).value().judges)
///     if (j.flagged) std::cout << "judge " << j.judge << " disagrees with the panel\n";
[[nodiscard]] KEXIE_API Result<LeniencyReport> leniency(const PanelMarks& marks,
                                                        const LeniencyOptions& options = {});

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_AGREEMENT_HPP
