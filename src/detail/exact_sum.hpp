// The exact sum of decimals as kexie::sum() gives it, accumulated term by term in
// 128 bits: the running tallies of the advanced units and individuals (campaign
// advanced honours). Internal: never included by a public header.
#ifndef KEXIE_SRC_DETAIL_EXACT_SUM_HPP
#define KEXIE_SRC_DETAIL_EXACT_SUM_HPP

#include <array>
#include <cstdint>
#include <optional>

#include "detail/int128.hpp"
#include "kexie/decimal.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

/// 10^n for 0 <= n <= 38, as a table (the values of detail::pow10, without its loop).
inline constexpr std::array<int128, 39> kPowersOfTen = [] {
  std::array<int128, 39> p{};
  p[0] = 1;
  for (std::size_t i = 1; i < p.size(); ++i) p[i] = p[i - 1] * 10;
  return p;
}();

/// The exact sum of decimals as kexie::sum() gives it, accumulated term by term in
/// 128 bits at the largest scale seen so far. result() is empty when the terms are
/// too wide to be sure no running total of sum() would trip its guard (|total| >
/// 10^37) or the sum does not fit a Decimal: the caller then calls kexie::sum() on
/// the terms themselves, so every outcome (an error included) is sum()'s own.
/// The state after a run of add() depends only on the terms and their order.
///
///   ExactSum s;
///   s.add(Decimal::unchecked(15, 1));
///   s.add(250, 2);
///   std::optional<Decimal> total = s.result();  // 4.00
class ExactSum {
 public:
  /// Adds coefficient × 10^-scale (0 <= scale <= Decimal::kMaxScale).
  void add(std::int64_t coefficient, int scale) noexcept {
    if (wide_) return;
    any_ = true;
    if (scale == scale_) {  // the common case: every term at one scale
      const int128 w = coefficient;
      total_ += w;
      magnitude_ += w < 0 ? -w : w;
      if (magnitude_ > kPowersOfTen[37]) wide_ = true;
      return;
    }
    if (scale > scale_) {
      const int128 f = kPowersOfTen[static_cast<std::size_t>(scale - scale_)];
      if (magnitude_ > kPowersOfTen[36] / f) {
        wide_ = true;
        return;
      }
      total_ *= f;
      magnitude_ *= f;
      scale_ = scale;
    }
    const int128 w = int128{coefficient} * kPowersOfTen[static_cast<std::size_t>(scale_ - scale)];
    total_ += w;
    magnitude_ += w < 0 ? -w : w;
    if (magnitude_ > kPowersOfTen[37]) wide_ = true;
  }
  /// Adds `d`.
  void add(const Decimal& d) noexcept { add(d.coefficient(), d.scale()); }
  /// The sum as kexie::sum() gives it, or empty when only sum() itself can tell.
  [[nodiscard]] std::optional<Decimal> result() const noexcept {
    if (wide_) return std::nullopt;
    if (!any_) return Decimal(0);
    return settle(total_, scale_);
  }
  /// The result of a sum known exactly, `total` × 10^-scale, as kexie::sum() gives it:
  /// trailing zeros dropped while the coefficient is too wide; empty when it does not
  /// fit. result() is settle() of the sum, when no running total was too wide.
  [[nodiscard]] static std::optional<Decimal> settle(int128 total, int scale) noexcept {
    int128 c = total;
    const auto fits = [](int128 v) {
      return v <= Decimal::kMaxCoefficient && v >= -Decimal::kMaxCoefficient;
    };
    while (!fits(c) && scale > 0 && c % 10 == 0) {
      c /= 10;
      --scale;
    }
    if (!fits(c)) return std::nullopt;
    return Decimal::unchecked(static_cast<std::int64_t>(c), scale);
  }

 private:
  int128 total_ = 0, magnitude_ = 0;
  int scale_ = 0;
  bool any_ = false, wide_ = false;
};

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_DETAIL_EXACT_SUM_HPP
