// Fuzzes the interim text forms of rubric_text.hpp (rubric lines, tie-break
// chains, tier tables), which the C API and the Python package take from users.
// Any input must give a value or a refusal — never a crash, a sanitizer report
// or an exception — and a parsed rubric goes on to Rubric::build, which must
// refuse or accept it the same way.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kexie/rubric.hpp"
#include "kexie/rubric_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto specs = kexie::parse_rubric_lines(text)) {
    (void)kexie::Rubric::build("fuzz", *specs);
  } else if (specs.error().message().rfind("rubric line ", 0) != 0) {
    std::abort();  // every refusal names its line
  }
  if (auto chain = kexie::parse_tie_breaks(text)) {
    for (const kexie::TieBreak& t : *chain) (void)t.to_string();
  }
  if (auto tiers = kexie::parse_tier_table(text)) {
    for (const kexie::Tier& t : *tiers) {
      if (kexie::Decimal::parse(t.at_least.to_string()).value() != t.at_least) std::abort();
    }
  }
  return 0;
}
