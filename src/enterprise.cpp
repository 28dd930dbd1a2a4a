// The values of enterprise.hpp: the unified social credit code check of
// GB 32100-2015 and the names of the founding enumerations.
#include "kexie/enterprise.hpp"

#include <string>

#include "kexie/text.hpp"

namespace kexie {
inline namespace v1 {

namespace {

// GB 32100-2015, 4.4: the 31 characters of the code (no I, O, S, V, Z), by value.
constexpr std::string_view kCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

int code_value(char c) noexcept {
  const std::size_t at = kCodeAlphabet.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

Error code_error(std::string message) {
  return Error(ErrorCode::invalid_argument, std::move(message), "enterprise.credit_code");
}

}  // namespace

Result<char> credit_code_check_character(std::string_view first17) {
  if (first17.size() != 17)
    return code_error("the first part of a credit code has 17 characters, not " +
                      std::to_string(first17.size()));
  // Weights 3^i mod 31 for positions 1..17 (GB 32100-2015, 4.5).
  int weight = 1;
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    const int v = code_value(first17[i]);
    if (v < 0)
      return code_error("character " + std::to_string(i + 1) + " of the credit code, " +
                        quote_input(first17.substr(i, 1)) +
                        ", is not one of 0-9 A-H J-N P-R T-U W-Y");
    sum += v * weight;
    weight = weight * 3 % 31;
  }
  const int check = (31 - sum % 31) % 31;
  return kCodeAlphabet[static_cast<std::size_t>(check)];
}

Status check_credit_code(std::string_view code) {
  if (code.size() != 18)
    return code_error("a unified social credit code has 18 characters, not " +
                      std::to_string(code.size()));
  auto check = credit_code_check_character(code.substr(0, 17));
  if (!check) return check.error();
  if (code_value(code[17]) < 0)
    return code_error("the check character " + quote_input(code.substr(17, 1)) +
                      " is not one of 0-9 A-H J-N P-R T-U W-Y");
  if (code[17] != *check)
    return code_error("the check character of " + quote_input(code) + " should be '" +
                      std::string(1, *check) + "'");
  return {};
}

std::string_view to_string(FoundingState state) noexcept { return enum_name(state); }
std::string_view to_string(FoundingStep step) noexcept { return enum_name(step); }

}  // namespace v1
}  // namespace kexie
