// document_check KIND FILE [REGISTRY]: reads FILE as a kexie.KIND/1 document with
// the library's loader; exits 0 when it is accepted, 2 when it is refused (printing
// every problem), 1 on a usage error. KIND is campaign, registry, entries (which
// names organizations and people by the codes of REGISTRY) or services (read
// against an empty registry). Used by
// tests/documents/check_documents.py.
#include <kexie/campaign_document.hpp>
#include <kexie/entries_document.hpp>
#include <kexie/registry_document.hpp>
#include <kexie/services_document.hpp>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

std::string slurp(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

template <class T>
int report(const kexie::DocumentResult<T>& r) {
  if (r) return 0;
  std::cout << r.error() << '\n';
  for (const kexie::DocumentProblem& p : r.problems()) std::cout << "  " << p.to_string() << '\n';
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: document_check campaign|registry|entries|services FILE [REGISTRY]\n";
    return 1;
  }
  const std::string kind = argv[1];
  const std::string text = slurp(argv[2]);
  if (kind == "campaign") return report(kexie::read_campaign_document(text));
  if (kind == "registry") return report(kexie::read_registry_document(text));
  if (kind == "services") {
    const kexie::Registry empty;
    return report(kexie::read_services_document(text, empty, {}));
  }
  if (kind == "entries" && argc > 3) {
    const auto reg = kexie::read_registry_document(slurp(argv[3]));
    if (!reg) return report(reg);
    return report(kexie::read_entries_document(text, reg.value().codes));
  }
  std::cerr << "document_check: unknown kind " << kind << '\n';
  return 1;
}
