// The services document, kexie.services/1: a service desk's whole state — its
// policy, every service request and proposal with all their fields (and the 讲比
// entry an adopted proposal became), the hash-chained trail with both hashes in hex
// and its chain head — and recommendation lists for outside programmes (each
// programme's rule parameters, every candidate's decision with its checks). Written
// canonically; read back into a desk only after the trail re-verifies and every
// request and proposal replays from it, exactly as a snapshot load checks them.
// docs/documents.md describes it.
#ifndef KEXIE_SERVICES_DOCUMENT_HPP
#define KEXIE_SERVICES_DOCUMENT_HPP

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kexie/document.hpp"
#include "kexie/export.hpp"
#include "kexie/recommendation.hpp"
#include "kexie/registry_document.hpp"
#include "kexie/service_desk.hpp"

namespace kexie {
inline namespace v1 {

/// A recommendation list with the programme it was produced for (its rule
/// parameters travel with the decisions).
///
///   kexie::ProgrammeList l{p, kexie::recommend(reg, p, nominees, today).value()};
struct ProgrammeList {
  /// The programme and its rule parameters.
  Programme programme;
  /// The decisions `recommend` produced for it.
  RecommendationList list;
  /// Equal when the programme and every decision are equal.
  friend bool operator==(const ProgrammeList&, const ProgrammeList&) = default;
};

/// A desk read from a document, with the recommendation lists it carried.
///
///   kexie::LoadedServices s = kexie::read_services_document(text, reg, codes).value();
struct LoadedServices {
  /// The desk over the registry given to the reader, its trail verified.
  ServiceDesk desk;
  /// The recommendation lists, in document order.
  std::vector<ProgrammeList> recommendations;
};

/// The canonical kexie.services/1 text of `desk` and `lists`, naming people and
/// organizations by `codes` ("person:7" / "org:12" for those without one).
/// \param desk the service desk to write (requests, proposals, trail)
/// \param lists the programme lists to write with it (may be empty)
/// \param codes the codes naming people and organizations
/// \return the canonical JSON text
///
///   std::string text = kexie::write_services_document(desk, {}, codes);
[[nodiscard]] KEXIE_API std::string write_services_document(const ServiceDesk& desk,
                                                            std::span<const ProgrammeList> lists,
                                                            const RegistryCodes& codes);

/// Reads a kexie.services/1 document into a new desk over `registry`: every
/// structural problem and unknown code (a code of `codes`, or "person:7" / "org:12"
/// naming an existing id) is collected first; then the requests, proposals and trail
/// go to the desk through the same check a snapshot load uses — the trail must
/// verify (hashes recomputed, chain unbroken, the document's `chain_head` equal to
/// the trail's) and every request and proposal must be what its performed records
/// replay to — else `corrupt_data` rule `services.trail`.
/// \param json the document's UTF-8 JSON text
/// \param registry the registry the new desk works over (must outlive it)
/// \param codes the codes of `registry`'s organizations and people
/// \param limits size and nesting limits the text must respect
/// \return the desk and programme lists, or every problem found (each with its JSON pointer)
///
///   auto s = kexie::read_services_document(text, reg, codes);
///   if (!s) for (const auto& p : s.problems()) std::cerr << p.to_string() << '\n';
[[nodiscard]] KEXIE_API DocumentResult<LoadedServices> read_services_document(
    std::string_view json, const Registry& registry, const RegistryCodes& codes,
    const DocumentLimits& limits = {});

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SERVICES_DOCUMENT_HPP
