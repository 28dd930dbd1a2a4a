// Panel agreement computed once for the results writers: Kendall's W of every judged
// indicator of every category of a scoreboard, over every judge of the campaign. The
// results document (results_document.hpp) and the result sheets (table_export.hpp)
// report the same figures; a caller writing both (the `kexie score` command) computes
// them here once and hands the value to each writer, which otherwise computes it itself.
#ifndef KEXIE_REPORT_AGREEMENT_HPP
#define KEXIE_REPORT_AGREEMENT_HPP

#include <cstdint>
#include <vector>

#include "kexie/agreement.hpp"
#include "kexie/campaign.hpp"
#include "kexie/export.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

/// The agreement of one judged indicator of one category: the marks of every judge of
/// the campaign on the category's entries of the board (`Campaign::panel_marks`), and
/// Kendall's W over them.
///
///   kexie::PanelAgreement all = kexie::panel_agreement(campaign, board);
///   const kexie::IndicatorAgreement& first = all.indicators.at(0);
///   bool agrees = first.by_entries && first.by_entries->p_value < 0.05;
struct IndicatorAgreement {
  Category category;        ///< the category
  std::uint32_t indicator;  ///< the indicator's index in the category's rubric
  Status marks;             ///< ok, or why the panel's marks could not be gathered
  /// W over the entries every judge marked (`MissingMarks::drop_entries`), or why not
  /// (the error of `marks` when the marks could not be gathered).
  Result<KendallW> by_entries;
  /// Where `by_entries` failed but the marks were gathered: W over the judges who marked
  /// every entry (`MissingMarks::drop_judges`), or why not; otherwise `by_entries` again.
  Result<KendallW> by_judges;
};

/// Every judged indicator's agreement of a scoreboard (see `panel_agreement`).
///
///   kexie::PanelAgreement computed = kexie::panel_agreement(campaign, board);
///   std::size_t judged = computed.indicators.size();
struct PanelAgreement {
  /// Category by category in the order of the enumeration, each category's judged
  /// indicators in the rubric's order; categories without a rubric or without an entry
  /// on the board are left out.
  std::vector<IndicatorAgreement> indicators;

  /// One indicator's agreement.
  /// \param category the category
  /// \param indicator the indicator's index in the category's rubric
  /// \return the indicator's agreement, or nullptr when this value holds none for it
  ///
  ///   const kexie::IndicatorAgreement* a = agreement.find(kexie::Category::technical_patents, 0);
  [[nodiscard]] KEXIE_API const IndicatorAgreement* find(Category category,
                                                         std::uint32_t indicator) const noexcept;
};

/// Kendall's W of every judged indicator of every category of `board`, over every judge
/// of `campaign` and the category's entries on the board in the board's order: what the
/// results document and the result sheets report. Compute it once and pass it to both
/// (`ResultsOptions::agreement`, `result_sheets`' overload) to gather every panel's marks
/// once; each writer given none computes the same value itself, so the bytes written are
/// the same either way.
///
/// \param campaign the campaign `board` was scored from
/// \param board the scoreboard the writers write
/// \return each judged indicator's agreement (refusals are kept in the value, per indicator)
///
///   kexie::Scoreboard board = campaign.score().value();
///   kexie::PanelAgreement once = kexie::panel_agreement(campaign, board);
///   auto sheets = kexie::result_sheets(campaign, registry, board, once).value();
///   auto json = kexie::write_results_document(campaign, board, codes, {.agreement = &once});
[[nodiscard]] KEXIE_API PanelAgreement panel_agreement(const Campaign& campaign,
                                                       const Scoreboard& board);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_REPORT_AGREEMENT_HPP
