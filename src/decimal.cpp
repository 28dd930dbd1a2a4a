// Exact decimal arithmetic: every operation computes its exact result in a
// 128-bit integer, then either stores it unchanged or rounds it once, by the
// declared mode, to the declared scale.
#include "kexie/decimal.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "detail/int128.hpp"
#include "kexie/text.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

int128 pow10(int n) noexcept {
  int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

int128 round_div(int128 n, int128 d, Rounding mode) noexcept {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  int128 q = n / d;
  const int128 r = n % d;  // same sign as n
  if (r == 0) return q;
  const int sign = n < 0 ? -1 : 1;
  const int128 twice = (r < 0 ? -r : r) * 2;
  switch (mode) {
    case Rounding::down:
      return q;
    case Rounding::up:
      return q + sign;
    case Rounding::floor:
      return sign < 0 ? q - 1 : q;
    case Rounding::ceiling:
      return sign > 0 ? q + 1 : q;
    case Rounding::half_up:
      return twice >= d ? q + sign : q;
    case Rounding::half_down:
      return twice > d ? q + sign : q;
    case Rounding::half_even:
      if (twice > d) return q + sign;
      if (twice < d) return q;
      return (q % 2 != 0) ? q + sign : q;
  }
  return q;
}

int128 round_div_pow10(int128 n, int k, Rounding mode) noexcept {
  if (k == 0) return n;
  return round_div(n, pow10(k), mode);
}

}  // namespace detail

namespace {

using detail::int128;

Error overflow_error(std::string_view op, const std::string& detail) {
  return Error(ErrorCode::overflow,
               "decimal " + std::string(op) + " overflows 18 significant digits: " + detail);
}

bool fits(int128 c) noexcept {
  return c >= -Decimal::kMaxCoefficient && c <= Decimal::kMaxCoefficient;
}

Error bad_scale(int scale) {
  return Error(ErrorCode::invalid_argument,
               "decimal scale " + std::to_string(scale) + " is outside 0–18");
}

// The exact value of `d` at `scale` >= d.scale(), as a 128-bit coefficient.
int128 widened(const Decimal& d, int scale) noexcept {
  return int128{d.coefficient()} * detail::pow10(scale - d.scale());
}

// A decimal from a 128-bit coefficient at `scale`, dropping trailing zeros while the
// coefficient is too wide; overflow when it still does not fit.
Result<Decimal> make(int128 c, int scale, std::string_view op) {
  while (!fits(c) && scale > 0 && c % 10 == 0) {
    c /= 10;
    --scale;
  }
  while (scale > Decimal::kMaxScale && c % 10 == 0) {
    c /= 10;
    --scale;
  }
  if (!fits(c) || scale > Decimal::kMaxScale) {
    return overflow_error(
        op, "the exact result needs more digits (scale " + std::to_string(scale) + ")");
  }
  return Decimal::from_coefficient(static_cast<std::int64_t>(c), scale);
}

}  // namespace

std::string_view to_string(Rounding mode) noexcept { return enum_name(mode); }

Result<Decimal> Decimal::from_coefficient(std::int64_t coefficient, int scale) {
  if (scale < 0 || scale > kMaxScale) return bad_scale(scale);
  if (coefficient < -kMaxCoefficient || coefficient > kMaxCoefficient) {
    return overflow_error("construction", "coefficient " + std::to_string(coefficient));
  }
  Decimal d(coefficient);
  d.scale_ = static_cast<std::uint8_t>(scale);
  return d;
}

Result<Decimal> Decimal::parse(std::string_view text) {
  const auto bad = [&](std::string_view why) {
    std::string msg = "not a decimal: ";
    msg += quote_input(text);
    msg += " (";
    msg += why;
    msg += ')';
    return Error(ErrorCode::invalid_argument, std::move(msg));
  };
  // Syntax first, so a malformed text is always invalid_argument, whatever its size.
  std::size_t pos = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) ++pos;
  const auto is_digit = [](char ch) { return ch >= '0' && ch <= '9'; };
  const std::size_t int_begin = pos;
  while (pos < text.size() && is_digit(text[pos])) ++pos;
  const std::size_t int_end = pos;
  if (int_end == int_begin) return bad("expected digits before any point");
  std::size_t frac_begin = pos, frac_end = pos;
  if (pos < text.size() && text[pos] == '.') {
    frac_begin = ++pos;
    while (pos < text.size() && is_digit(text[pos])) ++pos;
    frac_end = pos;
    if (frac_end == frac_begin) return bad("expected digits after the point");
  }
  if (pos != text.size()) return bad("only [+-]digits[.digits] is accepted");
  const auto frac_digits = static_cast<int>(frac_end - frac_begin);
  if (frac_digits > kMaxScale) return bad("more than 18 places after the point");
  int128 c = 0;
  int significant = 0;
  for (std::size_t i = int_begin; i < frac_end; ++i) {
    if (i == int_end) continue;  // the point
    c = c * 10 + (text[i] - '0');
    if (c != 0 && ++significant > 18) {
      return overflow_error("parse", quote_input(text));
    }
  }
  return from_coefficient(static_cast<std::int64_t>(negative ? -c : c), frac_digits);
}

Result<Decimal> Decimal::rescaled(int scale, Rounding mode) const {
  if (scale < 0 || scale > kMaxScale) return bad_scale(scale);
  if (scale >= scale_) {
    const int128 c = widened(*this, scale);
    if (!fits(c)) {
      return overflow_error("rescale", to_string() + " to " + std::to_string(scale) + " places");
    }
    return from_coefficient(static_cast<std::int64_t>(c), scale);
  }
  const int128 c = detail::round_div_pow10(coefficient_, scale_ - scale, mode);
  return from_coefficient(static_cast<std::int64_t>(c), scale);
}

Decimal Decimal::normalized() const noexcept {
  Decimal d = *this;
  while (d.scale_ > 0 && d.coefficient_ % 10 == 0) {
    d.coefficient_ /= 10;
    --d.scale_;
  }
  return d;
}

std::string Decimal::to_string() const {
  const bool negative = coefficient_ < 0;
  // Magnitude via unsigned arithmetic, so even an unchecked INT64_MIN prints.
  std::uint64_t mag = negative ? 0 - static_cast<std::uint64_t>(coefficient_)
                               : static_cast<std::uint64_t>(coefficient_);
  std::string digits = std::to_string(mag);
  if (digits.size() <= scale_) digits.insert(0, scale_ + 1 - digits.size(), '0');
  if (scale_ > 0) digits.insert(digits.size() - scale_, 1, '.');
  if (negative) digits.insert(0, 1, '-');
  return digits;
}

double Decimal::to_double() const noexcept {
  // Parsing the exact text gives the correctly rounded double.
  return std::strtod(to_string().c_str(), nullptr);
}

bool operator==(const Decimal& a, const Decimal& b) noexcept {
  return (a <=> b) == std::strong_ordering::equal;
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) noexcept {
  if (a.scale() == b.scale()) return a.coefficient() <=> b.coefficient();
  const int s = std::max(a.scale(), b.scale());
  const int128 x = widened(a, s), y = widened(b, s);
  return x < y ? std::strong_ordering::less
               : (x > y ? std::strong_ordering::greater : std::strong_ordering::equal);
}

Result<Decimal> add(Decimal a, Decimal b) {
  const int s = std::max(a.scale(), b.scale());
  return make(widened(a, s) + widened(b, s), s, "addition");
}

Result<Decimal> subtract(Decimal a, Decimal b) {
  const int s = std::max(a.scale(), b.scale());
  return make(widened(a, s) - widened(b, s), s, "subtraction");
}

Result<Decimal> multiply(Decimal a, Decimal b) {
  return make(int128{a.coefficient()} * b.coefficient(), a.scale() + b.scale(), "multiplication");
}

Result<Decimal> multiply(Decimal a, Decimal b, int scale, Rounding mode) {
  if (scale < 0 || scale > Decimal::kMaxScale) return bad_scale(scale);
  const int128 exact = int128{a.coefficient()} * b.coefficient();
  const int exact_scale = a.scale() + b.scale();
  int128 c;
  if (exact_scale >= scale) {
    c = detail::round_div_pow10(exact, exact_scale - scale, mode);
  } else {
    // |exact| < 10^36, and at most 18 more places: check before widening.
    const int128 limit = detail::pow10(36 - (scale - exact_scale));
    if (exact >= limit || exact <= -limit) return overflow_error("multiplication", "to scale");
    c = exact * detail::pow10(scale - exact_scale);
  }
  if (!fits(c)) return overflow_error("multiplication", a.to_string() + " × " + b.to_string());
  return Decimal::from_coefficient(static_cast<std::int64_t>(c), scale);
}

Result<Decimal> divide(Decimal a, Decimal b, int scale, Rounding mode) {
  if (scale < 0 || scale > Decimal::kMaxScale) return bad_scale(scale);
  if (b.coefficient() == 0) {
    return Error(ErrorCode::invalid_argument, "decimal division of " + a.to_string() + " by zero");
  }
  // a/b at `scale` = (ca × 10^(scale + sb − sa)) / cb. With k = scale + sb − sa in
  // [−18, 36], |ca × 10^k| < 10^54 would not fit in 128 bits, so split the power.
  const int k = scale + b.scale() - a.scale();
  int128 num = a.coefficient();
  int128 den = b.coefficient();
  if (k >= 0) {
    int rest = k;
    // Multiply while the numerator stays below 10^37; then the quotient must already
    // be out of range if digits remain.
    while (rest > 0) {
      if (num > detail::pow10(37) || num < -detail::pow10(37)) {
        return overflow_error("division", a.to_string() + " ÷ " + b.to_string());
      }
      num *= 10;
      --rest;
    }
  } else {
    den *= detail::pow10(-k);
  }
  const int128 q = detail::round_div(num, den, mode);
  if (!fits(q)) return overflow_error("division", a.to_string() + " ÷ " + b.to_string());
  return Decimal::from_coefficient(static_cast<std::int64_t>(q), scale);
}

Result<Decimal> sum(std::span<const Decimal> values) {
  int s = 0;
  for (const Decimal& d : values) s = std::max(s, d.scale());
  // Each term is < 10^36 at scale s; 128 bits hold 2^127 ≈ 1.7 × 10^38, so guard
  // the running total and stop before it could wrap.
  const int128 guard = detail::pow10(37);
  int128 total = 0;
  for (const Decimal& d : values) {
    total += widened(d, s);
    if (total > guard || total < -guard) return overflow_error("sum", "running total");
  }
  return make(total, s, "sum");
}

Decimal operator+(Decimal a, Decimal b) {
  auto r = add(a, b);
  if (!r) throw DecimalOverflow(r.error().message());
  return *r;
}

Decimal operator-(Decimal a, Decimal b) {
  auto r = subtract(a, b);
  if (!r) throw DecimalOverflow(r.error().message());
  return *r;
}

Decimal operator*(Decimal a, Decimal b) {
  auto r = multiply(a, b);
  if (!r) throw DecimalOverflow(r.error().message());
  return *r;
}

std::ostream& operator<<(std::ostream& os, const Decimal& d) { return os << d.to_string(); }

}  // namespace v1
}  // namespace kexie
