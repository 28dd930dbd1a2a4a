// Literals for the two value types that appear most in code and tests: calendar
// days, `"2025-06-30"_date`, and exact decimals, `"87.5"_dec`. Both operators are
// `consteval`: the text is checked while compiling, so a day that does not exist
// or a malformed number is a compile error, never a run-time surprise, and the
// value is exactly what `Date::parse` / `Decimal::parse` give for the same text.
// (`2025-06-30_d` cannot be one token in C++, hence the quotes.) Text read at run
// time still goes through `Date::parse` and `Decimal::parse`, which return errors
// as values.
#ifndef KEXIE_LITERALS_HPP
#define KEXIE_LITERALS_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "kexie/date.hpp"
#include "kexie/decimal.hpp"

namespace kexie {
inline namespace v1 {

namespace detail {

// A literal that fails its check calls one of these (not constexpr), so the compiler
// stops with a message naming what was wrong.
inline void date_literal_is_not_an_existing_YYYY_MM_DD_day_in_1400_9999() {}
inline void decimal_literal_is_not_digits_dot_digits_with_at_most_18_digits() {}

/// Days from 1970-01-01 to year-month-day of the proleptic Gregorian calendar
/// (H. Hinnant's days_from_civil); the fields must form an existing day.
///
///   static_assert(kexie::detail::days_from_civil(1970, 1, 2) == 1);
[[nodiscard]] constexpr std::int32_t days_from_civil(int y, int m, int d) noexcept {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;                                    // [0, 399]
  const int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
  return era * 146097 + doe - 719468;
}

/// The day written as exactly "YYYY-MM-DD" in 1400–9999, or nothing: the rules of
/// `Date::parse`, usable in constant expressions.
///
///   static_assert(!kexie::detail::date_from_text("2023-02-29"));
[[nodiscard]] constexpr std::optional<Date> date_from_text(std::string_view text) noexcept {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto number = [&](std::size_t from, std::size_t count) -> int {
    int n = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      n = n * 10 + (text[i] - '0');
    }
    return n;
  };
  const int y = number(0, 4), m = number(5, 2), d = number(8, 2);
  if (y < 1400 || m < 1 || m > 12 || d < 1) return std::nullopt;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  constexpr int kLength[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > kLength[m - 1] + (m == 2 && leap ? 1 : 0)) return std::nullopt;
  return Date::from_days(days_from_civil(y, m, d));
}

/// The decimal written as `[+-]digits[.digits]` with at most 18 places and 18
/// significant digits, at its written scale, or nothing: the rules of
/// `Decimal::parse`, usable in constant expressions.
///
///   static_assert(kexie::detail::decimal_from_text("2.50")->scale() == 2);
[[nodiscard]] constexpr std::optional<Decimal> decimal_from_text(std::string_view text) noexcept {
  std::size_t pos = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) ++pos;
  const auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
  const std::size_t int_begin = pos;
  while (pos < text.size() && digit(text[pos])) ++pos;
  const std::size_t int_end = pos;
  if (int_end == int_begin) return std::nullopt;
  std::size_t frac_begin = pos, frac_end = pos;
  if (pos < text.size() && text[pos] == '.') {
    frac_begin = ++pos;
    while (pos < text.size() && digit(text[pos])) ++pos;
    frac_end = pos;
    if (frac_end == frac_begin) return std::nullopt;
  }
  if (pos != text.size() || frac_end - frac_begin > std::size_t{Decimal::kMaxScale}) {
    return std::nullopt;
  }
  std::int64_t c = 0;
  int significant = 0;
  for (std::size_t i = int_begin; i < frac_end; ++i) {
    if (i == int_end) continue;  // the point
    c = c * 10 + (text[i] - '0');
    if (c != 0 && ++significant > 18) return std::nullopt;
  }
  return Decimal::unchecked(negative ? -c : c, static_cast<int>(frac_end - frac_begin));
}

}  // namespace detail

/// The literals. Bring them in with `using namespace kexie::literals;`.
///
///   using namespace kexie::literals;
///   constexpr kexie::Date deadline = "2025-06-30"_date;
///   const kexie::Decimal mark = "87.5"_dec;  // scale 1, exactly Decimal::parse("87.5")
namespace literals {

/// The day written "YYYY-MM-DD", checked at compile time: `"2023-02-29"_date`,
/// `"2025-6-30"_date` and `"1399-12-31"_date` do not compile.
/// \param text the characters between the quotes
/// \param size their number (the compiler passes it)
/// \return the day, exactly `Date::parse(text).value()`
///
///   static_assert("1970-01-02"_date == kexie::Date::from_days(1));
consteval Date operator""_date(const char* text, std::size_t size) {
  const std::optional<Date> day = detail::date_from_text(std::string_view(text, size));
  if (!day) detail::date_literal_is_not_an_existing_YYYY_MM_DD_day_in_1400_9999();
  return *day;
}

/// The exact decimal written `[+-]digits[.digits]`, keeping its places, checked at
/// compile time: `"1e3"_dec`, `".5"_dec` and 19 significant digits do not compile.
/// \param text the characters between the quotes
/// \param size their number (the compiler passes it)
/// \return the decimal at its written scale, exactly `Decimal::parse(text).value()`
///
///   static_assert("92.35"_dec.coefficient() == 9235 && "92.35"_dec.scale() == 2);
consteval Decimal operator""_dec(const char* text, std::size_t size) {
  const std::optional<Decimal> value = detail::decimal_from_text(std::string_view(text, size));
  if (!value) detail::decimal_literal_is_not_digits_dot_digits_with_at_most_18_digits();
  return *value;
}

}  // namespace literals
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_LITERALS_HPP
