// The results document, kexie.results/1: a campaign's scoreboard — every entry's
// status, total, rank, position, tier and explanation (a summary, or in full:
// structured, and as text in Chinese and English), the advanced units and individuals, the cusp
// report, the panel's agreement per judged indicator and the digest — written canonically, so the
// same results always give the same bytes. docs/documents.md describes it.
#ifndef KEXIE_RESULTS_DOCUMENT_HPP
#define KEXIE_RESULTS_DOCUMENT_HPP

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "kexie/campaign.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"
#include "kexie/registry_document.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

struct PanelAgreement;  // report_agreement.hpp

/// How much of each entry's explanation a results document holds; the document
/// says which in its `"explanations"` key. The full explanation of one entry is
/// always on demand: `explain`, `to_text`, `to_json`, `kexie explain`.
///
///   kexie::ResultsOptions options{.explanations = kexie::ResultsExplanations::full};
enum class ResultsExplanations : std::uint8_t {
  /// Per indicator: its aggregated value, weight (or points) and contribution, how
  /// many marks it had and how many the aggregation dropped; the number of vetoes;
  /// the tier reason (why the entry has its tier, and how far it is from the next).
  /// About 2 KB an entry.
  summary,
  /// Everything `explain` gives: every judge's mark (normalized, dropped), the
  /// conversions, vetoes, CO2 basis, prize basis and citations, the tier reason, and
  /// the explanation's text in Chinese and English. About 19 KB an entry.
  full,
};

/// The names of `ResultsExplanations` ("summary", "full"), as the document spells them.
template <>
struct EnumNames<ResultsExplanations> {
  static constexpr std::array<std::string_view, 2> names{"summary", "full"};
  static constexpr bool listed(ResultsExplanations v) noexcept {
    switch (v) {
      case ResultsExplanations::summary:
      case ResultsExplanations::full:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<ResultsExplanations>());

/// How `write_results_document` writes.
///
///   kexie::ResultsOptions options;  // summaries
///   options.explanations = kexie::ResultsExplanations::full;
struct ResultsOptions {
  /// The form of each entry's explanation (a summary by default).
  ResultsExplanations explanations = ResultsExplanations::summary;
  /// The panel agreement of the same campaign and board, computed once by
  /// `panel_agreement` (report_agreement.hpp) and shared with the result sheets; when
  /// null (the default) the writer computes it. The bytes written are the same.
  const PanelAgreement* agreement = nullptr;
};

/// The canonical kexie.results/1 text of `board` (which must come from
/// `campaign.score()`), naming organizations and people by `codes` ("org:12" /
/// "person:7" for those without one). Each entry's explanation is a summary, or in
/// full with `options.explanations` (see ResultsExplanations). Panel agreement is
/// Kendall's W per judged indicator of each category over the entries every judge of
/// that category marked (`MissingMarks::drop_entries`); where it cannot be computed
/// the document says why. The same results and options give the same bytes.
///
/// \param campaign the campaign `board` was scored from
/// \param board the scoreboard to write
/// \param codes the registry's codes, naming units, enterprises and people
/// \param options the form of the explanations (a summary per entry by default)
/// \return the document's text, or `not_found` when the board holds an entry the
/// campaign does not
///
///   kexie::Scoreboard board = campaign.score().value();
///   std::string text = kexie::write_results_document(campaign, board, codes).value();
///   std::string full = kexie::write_results_document(
///       campaign, board, codes, {.explanations = kexie::ResultsExplanations::full}).value();
[[nodiscard]] KEXIE_API Result<std::string> write_results_document(
    const Campaign& campaign, const Scoreboard& board, const RegistryCodes& codes,
    const ResultsOptions& options = {});

/// `write_results_document`, streamed: the text goes to `sink` in pieces of a few
/// megabytes as it is made, so a board of 100 000 entries never has to be in memory as
/// one string. The pieces, joined, are the bytes the string form returns. An
/// exception thrown by `sink` (a full disk) propagates; nothing else is left behind.
///
/// \param campaign the campaign `board` was scored from
/// \param board the scoreboard to write
/// \param codes the registry's codes, naming units, enterprises and people
/// \param options the form of the explanations
/// \param sink called with each piece of the text, in order
/// \return ok, or `not_found` when the board holds an entry the campaign does not (the
/// pieces given to `sink` until then are not a whole document)
///
///   kexie::write_results_document(campaign, board, codes, {},
///                                 [](std::string_view piece) { std::cout << piece; })
///       .value();
[[nodiscard]] KEXIE_API Status write_results_document(
    const Campaign& campaign, const Scoreboard& board, const RegistryCodes& codes,
    const ResultsOptions& options, const std::function<void(std::string_view)>& sink);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_RESULTS_DOCUMENT_HPP
