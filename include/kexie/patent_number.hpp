// Chinese patent application numbers (专利申请号) as the China National
// Intellectual Property Administration (CNIPA, 国家知识产权局) assigns them, with
// their check digit. A service request for a patent application (专利申请, A9) is
// forwarded to CNIPA and comes back with such a number; kexie refuses a number
// whose form or check digit is wrong, so a typo is caught where it is entered.
//
// Two forms are in use (ZC 0006-2003, the CNIPA standard for application numbers):
//   since 1 October 2003: 12 digits and a check character, "YYYY T NNNNNNN . C":
//     YYYY the filing year, T the type (1 invention, 2 utility model, 3 design,
//     8 PCT invention entering the national phase, 9 PCT utility model), NNNNNNN
//     the serial number in that year;
//   before:               8 digits and a check character, "YY T NNNNN . C".
// The check character C is the sum of the digits weighted 2, 3, 4, 5, 6, 7, 8, 9
// (then again 2, 3, 4, 5 for the 12-digit form), modulo 11; a remainder of 10 is
// written "X". Example: 201710601862.3 and 97101765.4 are well formed.
#ifndef KEXIE_PATENT_NUMBER_HPP
#define KEXIE_PATENT_NUMBER_HPP

#include <cstdint>
#include <string>
#include <string_view>

#include "kexie/entry.hpp"  // PatentType
#include "kexie/export.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

/// A checked CNIPA application number.
///
///   kexie::PatentNumber n = kexie::PatentNumber::parse("CN201710601862.3").value();
///   assert(n.year == 2017 && n.type == kexie::PatentType::invention && !n.pct);
///   assert(n.to_string() == "201710601862.3");
struct PatentNumber {
  /// The filing year (the old form's two digits: 85–99 are 19YY, 00–03 are 20YY).
  int year = 0;
  /// The kind of patent the type digit names.
  PatentType type = PatentType::invention;
  /// True for type digits 8 and 9 (an international application entering the
  /// Chinese national phase).
  bool pct = false;
  /// The digits before the check character (12, or 8 in the old form).
  std::string digits;
  /// The check character: '0'–'9' or 'X'.
  char check = '0';

  /// True for the 8-digit form used before October 2003.
  /// \return true when `digits` has 8 digits, false for the 12-digit form.
  [[nodiscard]] bool old_form() const noexcept { return digits.size() == 8; }
  /// The canonical spelling: the digits, a dot, the check character.
  /// \return e.g. "201710601862.3", without a prefix; `parse` reads it back to an equal value.
  ///
  ///   assert(kexie::PatentNumber::parse("97101765.4")->to_string() == "97101765.4");
  [[nodiscard]] std::string to_string() const { return digits + '.' + check; }

  /// Parses and checks an application number. Accepted spellings: an optional
  /// "CN" or "ZL" prefix (a granted patent's number is "ZL" and its application
  /// number), the 12 or 8 digits, then the check character after a dot, or
  /// directly (no dot); spaces are ignored. Refusals are `invalid_argument` with
  /// rule `patent.number` (A9): a wrong length or a non-digit, a year before 1985
  /// (the Patent Law's first year) or a 12-digit year before 2003 (that form began
  /// in October 2003), an old-form year after 2003, a type digit other than 1, 2,
  /// 3, 8, 9, and a check character that is not the one the digits give (the
  /// message names the expected one).
  /// \param text the number as written (UTF-8), with or without prefix, dot and spaces.
  /// \return the checked number, or `invalid_argument` `patent.number` naming what is wrong.
  ///
  ///   auto bad = kexie::PatentNumber::parse("201710601862.4");
  ///   assert(!bad && bad.error().rule() == "patent.number");  // the check digit is 3
  [[nodiscard]] KEXIE_API static Result<PatentNumber> parse(std::string_view text);

  /// Equal when every field is equal.
  friend bool operator==(const PatentNumber&, const PatentNumber&) = default;
};

/// The check character of `digits` (12 or 8 decimal digits) by CNIPA's rule:
/// weights 2, 3, …, 9, 2, 3, 4, 5 from the left, sum modulo 11, 10 written 'X'.
/// Returns '\0' when `digits` is not 8 or 12 decimal digits.
/// \param digits the application number without its check character: 8 or 12 decimal digits
/// \return '0'–'9' or 'X'; '\0' when `digits` is not 8 or 12 decimal digits
///
///   assert(kexie::patent_check_digit("201620056200") == '3');
[[nodiscard]] KEXIE_API char patent_check_digit(std::string_view digits) noexcept;

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_PATENT_NUMBER_HPP
