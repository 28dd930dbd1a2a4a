// Fuzzes the campaign document reader (kexie.campaign/1). Any input must give
// rules or a refusal with at least one located problem — never a crash, a
// sanitizer report or an exception — and accepted rules must write a canonical
// document that reads back and writes the same bytes again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kexie/campaign_document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  kexie::DocumentLimits limits;
  limits.max_bytes = 1 << 20;
  limits.max_problems = 20;
  const auto r = kexie::read_campaign_document(text, limits);
  if (!r) {
    if (r.problems().empty() || r.problems().size() > limits.max_problems) std::abort();
    for (const kexie::DocumentProblem& p : r.problems()) (void)p.to_string();
    return 0;
  }
  const std::string once = kexie::write_campaign_document(r.value());
  const auto again = kexie::read_campaign_document(once);
  if (!again) std::abort();  // the canonical form of accepted rules is accepted
  if (kexie::write_campaign_document(again.value()) != once) std::abort();
  return 0;
}
