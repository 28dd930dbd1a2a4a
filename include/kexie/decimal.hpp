// Exact fixed-point decimals for every number that decides an award: marks,
// weights, totals, converted energy. A `Decimal` is an integer coefficient c
// and a scale s, with value c × 10^-s — "92.35" is (9235, 2). Arithmetic is
// exact where the result fits and rounds only where the caller declares it,
// with a declared rounding mode (half-even by default), computing through
// 128-bit intermediates. A result that does not fit is reported as
// `ErrorCode::overflow`, never undefined behaviour.
//
// Range: |c| <= 999 999 999 999 999 999 (18 digits) and 0 <= s <= 18, so
// every value has at most 18 significant digits; for example a mark with 4
// places times a weight with 6 places is exact at scale 10 up to ±99 999 999.
#ifndef KEXIE_DECIMAL_HPP
#define KEXIE_DECIMAL_HPP

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

/// How to drop digits when a value is brought to fewer decimal places.
enum class Rounding : std::uint8_t {
  half_even,  ///< to nearest, ties to the even neighbour (banker's rounding; the default)
  half_up,    ///< to nearest, ties away from zero (the rounding taught in school)
  half_down,  ///< to nearest, ties toward zero
  down,       ///< toward zero (truncate)
  up,         ///< away from zero
  floor,      ///< toward −∞
  ceiling,    ///< toward +∞
};

/// The names of `Rounding`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<Rounding> {
  static constexpr std::array<std::string_view, 7> names{
      "half_even", "half_up", "half_down", "down", "up", "floor", "ceiling"};
  static constexpr bool listed(Rounding v) noexcept {
    switch (v) {
      case Rounding::half_even:
      case Rounding::half_up:
      case Rounding::half_down:
      case Rounding::down:
      case Rounding::up:
      case Rounding::floor:
      case Rounding::ceiling:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<Rounding>());

/// "half_even", "half_up", …
/// \param mode the enumerator to name
/// \return its name as `EnumNames<Rounding>` spells it, a static string;
/// "unknown" outside the enumeration
[[nodiscard]] KEXIE_API std::string_view to_string(Rounding mode) noexcept;

/// An exact decimal number: coefficient × 10^-scale.
///
///   using kexie::Decimal;
///   Decimal mark = Decimal::parse("87.5000").value();     // scale 4
///   Decimal weight = Decimal::parse("0.125000").value();  // scale 6
///   Decimal part = kexie::multiply(mark, weight).value(); // 10.9375000000, exact
///   Decimal shown = part.rescaled(2).value();             // 10.94 (half-even)
///   assert(Decimal::parse("1.50").value() == Decimal::parse("1.5").value());
class KEXIE_API Decimal {
 public:
  /// The largest scale (number of places after the point).
  static constexpr int kMaxScale = 18;
  /// The largest coefficient magnitude: 10^18 − 1.
  static constexpr std::int64_t kMaxCoefficient = 999'999'999'999'999'999;

  /// Zero, at scale 0.
  constexpr Decimal() noexcept = default;
  /// An integer, at scale 0. Values beyond the coefficient range are not `ok()`.
  /// \param integer the value, e.g. 85 for a minimum score of 85
  constexpr explicit Decimal(std::int64_t integer) noexcept : coefficient_(integer) {}

  /// coefficient × 10^-scale; `invalid_argument` for a scale outside 0–18, `overflow`
  /// for a coefficient beyond ±kMaxCoefficient.
  /// \param coefficient the digits as an integer, e.g. 9235 for 92.35
  /// \param scale places after the point, 0–18
  /// \return the decimal; `invalid_argument` or `overflow` as above
  ///
  ///   assert(Decimal::from_coefficient(9235, 2).value().to_string() == "92.35");
  [[nodiscard]] static Result<Decimal> from_coefficient(std::int64_t coefficient, int scale);

  /// coefficient × 10^-scale without range checks, for hot paths whose values are in
  /// range by construction (like the integer constructor, `ok()` tells). Prefer
  /// from_coefficient for anything that comes from outside.
  /// \param coefficient the digits as an integer, within ±kMaxCoefficient to be `ok()`
  /// \param scale places after the point, 0–18 to be `ok()` (others are stored as 255)
  /// \return the decimal, unchecked
  ///
  ///   constexpr kexie::Decimal half = kexie::Decimal::unchecked(5, 1);  // 0.5
  [[nodiscard]] static constexpr Decimal unchecked(std::int64_t coefficient, int scale) noexcept {
    Decimal d(coefficient);
    d.scale_ = static_cast<std::uint8_t>(scale < 0 ? 255 : (scale > 255 ? 255 : scale));
    return d;
  }

  /// Parses `[+-]digits[.digits]` exactly, keeping the written number of places
  /// ("2.50" has scale 2). Exponents, spaces, a lone point, a missing integer or
  /// fraction part, and more than 18 places give `invalid_argument`; more than 18
  /// significant digits give `overflow`. Never throws.
  /// \param text e.g. "92.35", "-0.5", "+7"; ASCII digits, a '.' as the point
  /// \return the exact value at the written scale; `invalid_argument` naming the text,
  /// or `overflow`
  [[nodiscard]] static Result<Decimal> parse(std::string_view text);

  /// The integer coefficient.
  /// \return c in c × 10^-scale, e.g. 9235 for 92.35
  [[nodiscard]] constexpr std::int64_t coefficient() const noexcept { return coefficient_; }
  /// The number of places after the point.
  /// \return the scale, 0–18 for an `ok()` decimal, e.g. 2 for 92.35 and for 1.50
  [[nodiscard]] constexpr int scale() const noexcept { return scale_; }
  /// True when coefficient and scale are within range (always, unless built from an
  /// out-of-range integer with the unchecked constructor).
  /// \return true when |coefficient| <= kMaxCoefficient and scale <= kMaxScale
  [[nodiscard]] constexpr bool ok() const noexcept {
    return coefficient_ >= -kMaxCoefficient && coefficient_ <= kMaxCoefficient &&
           scale_ <= kMaxScale;
  }
  /// −1, 0 or +1.
  /// \return the sign of the value: −1 negative, 0 zero (at any scale), +1 positive
  [[nodiscard]] constexpr int signum() const noexcept {
    return (coefficient_ > 0) - (coefficient_ < 0);
  }

  /// The same value with exactly `scale` places: exact when adding places (or
  /// `overflow` if the coefficient no longer fits), rounded by `mode` when
  /// dropping places.
  /// \param scale the places wanted, 0–18 (`invalid_argument` otherwise)
  /// \param mode how dropped digits round (half-even by default)
  /// \return the value at `scale`; `invalid_argument` for a bad scale, `overflow`
  ///
  ///   Decimal x = Decimal::parse("2.345").value();
  ///   assert(x.rescaled(2).value().to_string() == "2.34");  // half-even: to the even 4
  ///   assert(x.rescaled(2, Rounding::half_up).value().to_string() == "2.35");
  [[nodiscard]] Result<Decimal> rescaled(int scale, Rounding mode = Rounding::half_even) const;

  /// The same value with trailing fractional zeros removed: 2.500 → 2.5, 3.00 → 3.
  /// \return the equal value at the smallest scale that holds it exactly
  [[nodiscard]] Decimal normalized() const noexcept;

  /// The exact text, with exactly `scale()` places: "-0.50", "92.35", "7".
  /// \return the text `parse` reads back to an identical decimal (same scale)
  [[nodiscard]] std::string to_string() const;

  /// The nearest double, for display and for methods that need floating point.
  /// Never use it on the path that decides a ranking.
  /// \return the value rounded to the nearest double (inexact for most fractions)
  [[nodiscard]] double to_double() const noexcept;

  /// The negated value (always representable).
  /// \return −value at the same scale
  [[nodiscard]] constexpr Decimal operator-() const noexcept {
    Decimal d = *this;
    d.coefficient_ = -coefficient_;
    return d;
  }

  /// Compares by value across scales: 1.5 == 1.50.
  friend KEXIE_API bool operator==(const Decimal& a, const Decimal& b) noexcept;
  /// Orders by value across scales.
  friend KEXIE_API std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) noexcept;

 private:
  std::int64_t coefficient_ = 0;
  std::uint8_t scale_ = 0;
};

/// a + b, exact, at the larger of the two scales; `overflow` when it does not fit.
/// \param a the first operand
/// \param b the second operand
/// \return the exact sum; `overflow`
///
///   kexie::add(Decimal::parse("0.1").value(), Decimal::parse("0.20").value())  // 0.30
[[nodiscard]] KEXIE_API Result<Decimal> add(Decimal a, Decimal b);
/// a − b, exact, at the larger of the two scales; `overflow` when it does not fit.
/// \param a the first operand
/// \param b the second operand
/// \return the exact difference; `overflow`
[[nodiscard]] KEXIE_API Result<Decimal> subtract(Decimal a, Decimal b);
/// a × b, exact, at scale a.scale() + b.scale(); `overflow` when that scale exceeds 18
/// or the coefficient does not fit even after dropping trailing zeros (use the
/// rounding overload then).
/// \param a the first operand
/// \param b the second operand
/// \return the exact product; `overflow` as above
///
///   Decimal p = kexie::multiply(Decimal::parse("87.5000").value(),
///                               Decimal::parse("0.125000").value()).value();
///   assert(p.to_string() == "10.9375000000");
[[nodiscard]] KEXIE_API Result<Decimal> multiply(Decimal a, Decimal b);
/// a × b brought to `scale` places with `mode`, from the exact 128-bit product.
/// \param a the first operand
/// \param b the second operand
/// \param scale the places of the result, 0–18 (`invalid_argument` otherwise)
/// \param mode how dropped digits round (half-even by default)
/// \return the rounded product; `invalid_argument` or `overflow`
[[nodiscard]] KEXIE_API Result<Decimal> multiply(Decimal a, Decimal b, int scale,
                                                 Rounding mode = Rounding::half_even);
/// a ÷ b to `scale` places, rounded by `mode` from the exact quotient;
/// `invalid_argument` when b is zero, `overflow` when the quotient does not fit.
/// \param a the dividend
/// \param b the divisor, not zero
/// \param scale the places of the result, 0–18 (`invalid_argument` otherwise)
/// \param mode how the exact quotient rounds (half-even by default)
/// \return the rounded quotient; `invalid_argument` or `overflow` as above
///
///   assert(kexie::divide(Decimal(2), Decimal(3), 4).value().to_string() == "0.6667");
[[nodiscard]] KEXIE_API Result<Decimal> divide(Decimal a, Decimal b, int scale,
                                               Rounding mode = Rounding::half_even);
/// The exact sum of `values` at the largest scale among them (0 for an empty span);
/// `overflow` when the final sum does not fit (intermediate sums may exceed the range).
/// \param values the decimals to add, in any order
/// \return the exact sum; `overflow` as above
///
///   std::vector<Decimal> w = {…};  assert(kexie::sum(w).value() == Decimal(1));
[[nodiscard]] KEXIE_API Result<Decimal> sum(std::span<const Decimal> values);

/// Thrown by the Decimal operators below when a result does not fit. A programmer
/// error: use add/subtract/multiply, which return `overflow` as a value, wherever
/// inputs are not known to be in range.
class KEXIE_API DecimalOverflow : public std::overflow_error {
 public:
  using std::overflow_error::overflow_error;
};

/// Exact a + b; throws DecimalOverflow when it does not fit.
/// \param a the first addend
/// \param b the second addend
/// \return the exact sum, at the larger of the two scales
[[nodiscard]] KEXIE_API Decimal operator+(Decimal a, Decimal b);
/// Exact a − b; throws DecimalOverflow when it does not fit.
/// \param a the minuend
/// \param b the subtrahend
/// \return the exact difference, at the larger of the two scales
[[nodiscard]] KEXIE_API Decimal operator-(Decimal a, Decimal b);
/// Exact a × b; throws DecimalOverflow when it does not fit.
/// \param a the first factor
/// \param b the second factor
/// \return the exact product, at the sum of the two scales
[[nodiscard]] KEXIE_API Decimal operator*(Decimal a, Decimal b);

/// Streams `d.to_string()`.
/// \param os the stream
/// \param d the decimal, written at its scale
/// \return os
KEXIE_API std::ostream& operator<<(std::ostream& os, const Decimal& d);

}  // namespace v1
}  // namespace kexie

/// Hashes by value, so 1.5 and 1.50 (which compare equal) hash alike.
template <>
struct std::hash<kexie::Decimal> {
  /// The hash of `d.normalized()`'s coefficient and scale.
  /// \param d the decimal to hash
  /// \return equal for decimals that compare equal
  std::size_t operator()(const kexie::Decimal& d) const noexcept {
    const kexie::Decimal n = d.normalized();
    return std::hash<std::int64_t>{}(n.coefficient()) ^
           (static_cast<std::size_t>(n.scale()) * 0x9e3779b97f4a7c15ULL);
  }
};

#endif  // KEXIE_DECIMAL_HPP
