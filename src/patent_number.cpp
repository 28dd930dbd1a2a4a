// CNIPA application numbers: the check character and the parser.
#include "kexie/patent_number.hpp"

#include "kexie/text.hpp"

namespace kexie {
inline namespace v1 {

namespace {
Error number_error(std::string_view text, const std::string& why) {
  return Error(ErrorCode::invalid_argument,
               "not a CNIPA patent application number: " + quote_input(text) + " (" + why + ")",
               "patent.number", "A9");
}
}  // namespace

char patent_check_digit(std::string_view digits) noexcept {
  if (digits.size() != 12 && digits.size() != 8) return '\0';
  int sum = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    const char c = digits[i];
    if (c < '0' || c > '9') return '\0';
    sum += (c - '0') * static_cast<int>(2 + i % 8);
  }
  const int r = sum % 11;
  return r == 10 ? 'X' : static_cast<char>('0' + r);
}

Result<PatentNumber> PatentNumber::parse(std::string_view text) {
  std::string s;
  for (char c : text)
    if (c != ' ') s.push_back(c);
  if (s.size() >= 2 && (s.compare(0, 2, "CN") == 0 || s.compare(0, 2, "ZL") == 0)) s.erase(0, 2);
  if (s.size() >= 2 && s[s.size() - 2] == '.') s.erase(s.size() - 2, 1);
  if (s.size() != 13 && s.size() != 9)
    return number_error(text, "12 digits and a check character, or 8 before October 2003");
  PatentNumber n;
  n.digits = s.substr(0, s.size() - 1);
  n.check = s.back() == 'x' ? 'X' : s.back();
  for (char c : n.digits)
    if (c < '0' || c > '9') return number_error(text, "a character that is not a digit");
  if (!((n.check >= '0' && n.check <= '9') || n.check == 'X'))
    return number_error(text, "the check character must be a digit or X");
  const bool old = n.digits.size() == 8;
  if (old) {
    // Two-digit years: 85–99 are 1985–1999, 00–03 are 2000–2003.
    const int yy = std::stoi(n.digits.substr(0, 2));
    n.year = yy >= 85 ? 1900 + yy : 2000 + yy;
  } else {
    n.year = std::stoi(n.digits.substr(0, 4));
  }
  if (n.year < 1985) return number_error(text, "a filing year before 1985");
  if (!old && n.year < 2003) return number_error(text, "the 12-digit form began in 2003");
  if (old && n.year > 2003) return number_error(text, "the 8-digit form ended in 2003");
  switch (n.digits[old ? 2 : 4]) {
    case '1':
      n.type = PatentType::invention;
      break;
    case '2':
      n.type = PatentType::utility_model;
      break;
    case '3':
      n.type = PatentType::design;
      break;
    case '8':
      n.type = PatentType::invention;
      n.pct = true;
      break;
    case '9':
      n.type = PatentType::utility_model;
      n.pct = true;
      break;
    default:
      return number_error(text, "the type digit must be 1, 2, 3, 8 or 9");
  }
  const char expected = patent_check_digit(n.digits);
  if (expected != n.check)
    return number_error(text, std::string("the check character should be ") + expected);
  return n;
}

}  // namespace v1
}  // namespace kexie
