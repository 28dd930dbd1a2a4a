// Fuzzes the registry document reader (kexie.registry/1): parsing, validation and
// the registry's own rules applied fact by fact. Any input must give a registry or
// a refusal with at least one located problem, and an accepted registry must
// write a canonical document that reads back and writes the same bytes again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kexie/registry_document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  kexie::DocumentLimits limits;
  limits.max_bytes = 1 << 20;
  limits.max_problems = 20;
  const auto r = kexie::read_registry_document(text, limits);
  if (!r) {
    if (r.problems().empty() || r.problems().size() > limits.max_problems) std::abort();
    for (const kexie::DocumentProblem& p : r.problems()) (void)p.to_string();
    return 0;
  }
  const std::string once = kexie::write_registry_document(r.value().registry, r.value().codes);
  const auto again = kexie::read_registry_document(once);
  if (!again) std::abort();
  if (kexie::write_registry_document(again.value().registry, again.value().codes) != once)
    std::abort();
  return 0;
}
