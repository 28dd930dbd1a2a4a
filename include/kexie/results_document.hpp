// The results document, kexie.results/1: a campaign's scoreboard — every entry's
// status, total, rank, position, tier and explanation (structured, and as text in
// Chinese and English), the advanced units and individuals, the cusp report, the
// panel's agreement per judged indicator and the digest — written canonically, so
// the same results always give the same bytes. docs/documents.md describes it.
#ifndef KEXIE_RESULTS_DOCUMENT_HPP
#define KEXIE_RESULTS_DOCUMENT_HPP

#include <string>

#include "kexie/campaign.hpp"
#include "kexie/export.hpp"
#include "kexie/registry_document.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

/// The canonical kexie.results/1 text of `board` (which must come from
/// `campaign.score()`), naming organizations and people by `codes` ("org:12" /
/// "person:7" for those without one). Panel agreement is Kendall's W per judged
/// indicator of each category over the entries every judge of that category marked
/// (`MissingMarks::drop_entries`); where it cannot be computed the document says why.
/// `not_found` when the board holds an entry the campaign does not.
///
///   kexie::Scoreboard board = campaign.score().value();
///   std::string text = kexie::write_results_document(campaign, board, codes).value();
[[nodiscard]] KEXIE_API Result<std::string> write_results_document(const Campaign& campaign,
                                                                   const Scoreboard& board,
                                                                   const RegistryCodes& codes);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_RESULTS_DOCUMENT_HPP
