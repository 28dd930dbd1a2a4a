// The registry document, kexie.registry/1: organizations, people, memberships,
// appointments, expert pools, links, training and honours, one array per kind,
// field names as the C++ members spell them (the CSV tables use the same names).
// Organizations and people carry codes of the document's own (the registry keeps
// ids); other documents name them by those codes. docs/documents.md describes it.
#ifndef KEXIE_REGISTRY_DOCUMENT_HPP
#define KEXIE_REGISTRY_DOCUMENT_HPP

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "kexie/document.hpp"
#include "kexie/export.hpp"
#include "kexie/ids.hpp"
#include "kexie/registry.hpp"

namespace kexie {
inline namespace v1 {

/// The codes documents name organizations and people by.
///
///   kexie::OrgId zj = codes.organizations.at("ZJ");
struct RegistryCodes {
  std::map<std::string, OrgId, std::less<>> organizations;  ///< code → organization
  std::map<std::string, PersonId, std::less<>> people;      ///< code → person
};

/// A registry built from a document, with the codes it used.
///
///   kexie::LoadedRegistry r = kexie::read_registry_document(text).value();
struct LoadedRegistry {
  Registry registry;    ///< the registry, every fact applied through its rules
  RegistryCodes codes;  ///< the document's codes
};

/// Reads a kexie.registry/1 document and builds the registry: every structural
/// problem and dangling code is collected first; then the facts are applied in
/// document order through the registry's own rules (a refusal is a problem at the
/// fact's pointer, with the rule's id and article). An organization's parent must
/// come before it.
/// \param json the document's UTF-8 JSON text
/// \param limits size and nesting limits the text must respect
/// \return the registry and its document's codes, or every problem found (with its pointer)
///
///   auto r = kexie::read_registry_document(text);
///   if (!r) for (const auto& p : r.problems()) std::cerr << p.to_string() << '\n';
[[nodiscard]] KEXIE_API DocumentResult<LoadedRegistry> read_registry_document(
    std::string_view json, const DocumentLimits& limits = {});

/// The canonical kexie.registry/1 text of `registry`: every organization, person,
/// membership, appointment, expert listing, link, training record and honour in id
/// order, named by `codes` (an organization or person without a code is written as
/// "org:12" / "person:7"). Not written: exemplary awards without an honour, and
/// honours that cite an activity (a registry document holds no activities).
/// \param registry the registry to write
/// \param codes the codes naming its organizations and people
/// \return the canonical JSON text (the same registry and codes give the same bytes)
///
///   std::string text = kexie::write_registry_document(reg, codes);
[[nodiscard]] KEXIE_API std::string write_registry_document(const Registry& registry,
                                                            const RegistryCodes& codes);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_REGISTRY_DOCUMENT_HPP
