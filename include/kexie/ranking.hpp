// Rankings (排名) of scored entries: competition ranking (1, 2, 2, 4) on exact
// totals, and a declared tie-break chain that orders entries with equal totals
// for listing and for quota boundaries, ending in the entry's application
// number — a stable key that never depends on the order entries were added.
#ifndef KEXIE_RANKING_HPP
#define KEXIE_RANKING_HPP

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kexie/decimal.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"
#include "kexie/rubric.hpp"

namespace kexie {
inline namespace v1 {

/// One link of a tie-break chain. Every link prefers the higher value.
///
///   std::vector<kexie::TieBreak> chain = {kexie::TieBreak::objective_total(),
///                                         kexie::TieBreak::indicator("A.1"),
///                                         kexie::TieBreak::top_marks()};
struct TieBreak {
  /// What is compared.
  enum class Kind : std::uint8_t {
    objective_total,  ///< the weighted sum of the objective indicators
    indicator,        ///< the aggregated value of the indicator with `code`
    top_marks,        ///< the number of marks at the top of their scale
    figure,           ///< a claimed figure, e.g. annual benefit or tce saved
  };
  Kind kind = Kind::objective_total;  ///< what is compared
  std::string code;                   ///< Kind::indicator: the indicator's code
  ClaimedFigure figure_key = ClaimedFigure::annual_benefit_yuan;  ///< Kind::figure

  /// Higher objective part first.
  /// \return a tie-break of kind `objective_total`.
  [[nodiscard]] static TieBreak objective_total() { return {Kind::objective_total, {}, {}}; }
  /// Higher aggregated value on the indicator `code` first (absent counts as lowest).
  /// \param code the code of a judged or objective indicator of the rubric; moved in.
  /// \return a tie-break of kind `indicator`.
  [[nodiscard]] static TieBreak indicator(std::string code) {
    return {Kind::indicator, std::move(code), {}};
  }
  /// More marks at the top of their scale first.
  /// \return a tie-break of kind `top_marks`.
  [[nodiscard]] static TieBreak top_marks() { return {Kind::top_marks, {}, {}}; }
  /// Higher claimed figure first (e.g. ClaimedFigure::energy_saved_tce).
  /// \param f the claimed figure compared (an absent claim counts as lowest).
  /// \return a tie-break of kind `figure`.
  [[nodiscard]] static TieBreak figure(ClaimedFigure f) { return {Kind::figure, {}, f}; }

  /// "objective_total", "indicator A.1", "top_marks", "figure energy_saved_tce".
  /// \return the kind's name, followed by the code or the figure's name when it has one.
  [[nodiscard]] KEXIE_API std::string to_string() const;
  /// Equal when every field is equal.
  friend bool operator==(const TieBreak&, const TieBreak&) = default;
};

/// The names of `TieBreak::Kind`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<TieBreak::Kind> {
  static constexpr std::array<std::string_view, 4> names{"objective_total", "indicator",
                                                         "top_marks", "figure"};
  static constexpr bool listed(TieBreak::Kind v) noexcept {
    switch (v) {
      case TieBreak::Kind::objective_total:
      case TieBreak::Kind::indicator:
      case TieBreak::Kind::top_marks:
      case TieBreak::Kind::figure:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<TieBreak::Kind>());

/// Competition ranks ("1224" ranking) of `totals` taken in the given order, which
/// must already be sorted from best to worst: equal totals share the rank of the
/// first of them, and the next total's rank skips the shared places.
/// \param sorted_totals the totals, sorted from best to worst (not checked)
/// \return one 1-based rank per total, in the same order
///
///   std::vector<kexie::Decimal> t = {"95"_dec, "90"_dec, "90"_dec, "80"_dec};
///   std::vector<std::uint32_t> r = kexie::competition_ranks(t);
///   assert(r == (std::vector<std::uint32_t>{1, 2, 2, 4}));
[[nodiscard]] KEXIE_API std::vector<std::uint32_t> competition_ranks(
    std::span<const Decimal> sorted_totals);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_RANKING_HPP
