// The coverage document, kexie.coverage/1: a local association's area on a day —
// its enterprises with and without an association, broken down by zone,
// new-economy flag, ownership, industry and region, with the S&T workers covered
// and the enterprises still to reach — and, when written from a `CoverageChange`,
// the same on an earlier day and what changed in between. Written only, canonically
// (the same coverage always gives the same bytes). docs/documents.md describes it.
#ifndef KEXIE_COVERAGE_DOCUMENT_HPP
#define KEXIE_COVERAGE_DOCUMENT_HPP

#include <string>

#include "kexie/export.hpp"
#include "kexie/guidance.hpp"
#include "kexie/registry_document.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

/// The canonical kexie.coverage/1 text of `coverage` (from `kexie::coverage` on
/// `registry`): the area named by `codes` ("org:12" without a code), enterprises by
/// their credit code and name; `change` is null. `not_found` when an enterprise or
/// the area is unknown to `registry`.
/// \param registry the registry `coverage` was computed over
/// \param coverage the coverage to write
/// \param codes the codes organizations are named by (from the registry document)
/// \return the document's text; `not_found` as above
///
///   auto c = kexie::coverage(reg, hangzhou, "2025-12-31"_date).value();
///   std::string text = kexie::write_coverage_document(reg, c, codes).value();
[[nodiscard]] KEXIE_API Result<std::string> write_coverage_document(const Registry& registry,
                                                                    const Coverage& coverage,
                                                                    const RegistryCodes& codes);

/// The canonical kexie.coverage/1 text of `change` (from `kexie::coverage_change`):
/// the coverage on the later day at the top level, and under `change` the coverage
/// on the earlier day with the enterprises newly covered and no longer covered.
/// \param registry the registry `coverage_change` was computed over
/// \param change the change to write
/// \param codes the codes organizations are named by (from the registry document)
/// \return the document's text; `not_found` when an enterprise or the area is unknown
///
///   auto d = kexie::coverage_change(reg, hangzhou, y2024, y2025).value();
///   std::string text = kexie::write_coverage_document(reg, d, codes).value();
[[nodiscard]] KEXIE_API Result<std::string> write_coverage_document(const Registry& registry,
                                                                    const CoverageChange& change,
                                                                    const RegistryCodes& codes);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_COVERAGE_DOCUMENT_HPP
