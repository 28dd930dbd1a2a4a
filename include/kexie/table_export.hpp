// Results as tables people open: the award list (表彰名单) as one sheet per category,
// then 先进单位, 先进个人, the cusp report and panel agreement, written as CSV (UTF-8
// with a byte-order mark so Excel shows Chinese, or GB18030) or as one XLSX workbook
// (libxlsxwriter, in src/table_export.cpp only). The same `ResultSheet`s feed both.
#ifndef KEXIE_TABLE_EXPORT_HPP
#define KEXIE_TABLE_EXPORT_HPP

#include <optional>
#include <string>
#include <vector>

#include "kexie/campaign.hpp"
#include "kexie/decimal.hpp"
#include "kexie/export.hpp"
#include "kexie/registry.hpp"
#include "kexie/result.hpp"
#include "kexie/table.hpp"

namespace kexie {
inline namespace v1 {

struct PanelAgreement;  // report_agreement.hpp

/// One cell of a result sheet: text, or a number with its declared places.
///
///   kexie::ResultCell total{.text = "92.3500", .number = kexie::Decimal::parse("92.35").value()};
struct ResultCell {
  std::string text;               ///< what a CSV holds (a number's exact text)
  std::optional<Decimal> number;  ///< set for numbers: XLSX writes a number with its places
  /// A floating-point statistic (Kendall's W, p): XLSX writes it as a number with
  /// `places` places; `text` holds it rounded the same way.
  std::optional<double> real;
  int places = 0;  ///< display places of `real`
};

/// One sheet (or one CSV file) of results: a name, a header row and rows.
///
///   for (const kexie::ResultSheet& s : kexie::result_sheets(c, reg, board).value())
///     std::cout << s.name << ": " << s.rows.size() << " rows\n";
struct ResultSheet {
  std::string name;                           ///< e.g. "合理化建议", "先进单位"
  std::vector<std::string> header;            ///< column titles, Chinese then English
  std::vector<std::vector<ResultCell>> rows;  ///< as many cells per row as the header
  std::vector<double> widths;                 ///< column widths in characters (XLSX)
};

/// The result sheets of a scored campaign: per category with entries (in the
/// scoreboard's order) 等级 tier, 名次 rank, 位次 position, 项目编号 code, 项目名称 title,
/// 申报单位 unit, 团队 team, 总分 total, 状态 status; then 先进单位, 先进个人, 临界项目
/// (the cusp report) and 评审一致性 (Kendall's W per judged indicator of each category,
/// over the entries every judge of the category marked). `board` must be `campaign`'s
/// scoreboard and `registry` its registry (names of units and people); `not_found` for
/// an entry, unit or person they do not know.
/// \param campaign the scored campaign
/// \param registry the registry `campaign` is built on
/// \param board `campaign`'s scoreboard
/// \return the sheets in the order above, or `not_found`
///
///   auto sheets = kexie::result_sheets(campaign, registry, campaign.score().value()).value();
[[nodiscard]] KEXIE_API Result<std::vector<ResultSheet>> result_sheets(const Campaign& campaign,
                                                                       const Registry& registry,
                                                                       const Scoreboard& board);

/// `result_sheets` with the panel agreement already computed by `panel_agreement`
/// (report_agreement.hpp) for the same campaign and board, so that a caller writing the
/// results document too gathers every panel's marks once. The sheets are the same as
/// the three-argument form's.
/// \param campaign the scored campaign
/// \param registry the registry `campaign` is built on
/// \param board `campaign`'s scoreboard
/// \param agreement `panel_agreement(campaign, board)`; an indicator it lacks is computed
/// \return the sheets in the order of the three-argument form, or its errors
///
///   kexie::Scoreboard scored = campaign.score().value();
///   kexie::PanelAgreement shared = kexie::panel_agreement(campaign, scored);
///   auto sheets = kexie::result_sheets(campaign, registry, scored, shared).value();
[[nodiscard]] KEXIE_API Result<std::vector<ResultSheet>> result_sheets(
    const Campaign& campaign, const Registry& registry, const Scoreboard& board,
    const PanelAgreement& agreement);

/// A sheet as CSV bytes (RFC 4180, CRLF): UTF-8 with a byte-order mark, or GB18030
/// without one; `automatic` means UTF-8. `invalid_argument` `table.encoding` for text
/// GB18030 cannot hold.
/// \param sheet the sheet to write
/// \param encoding `utf8` or `automatic` (UTF-8 with a BOM), or `gb18030`
/// \return the CSV bytes, or `invalid_argument` `table.encoding`
///
///   std::string csv = kexie::to_csv(sheets[0]).value();
[[nodiscard]] KEXIE_API Result<std::string> to_csv(const ResultSheet& sheet,
                                                   TextEncoding encoding = TextEncoding::utf8);

/// Writes every sheet into one XLSX workbook at `path`: frozen header row, column
/// widths, numbers as numbers with their places. `io_error` when the file cannot be
/// written.
/// \param sheets the sheets, one worksheet each, in order
/// \param path the workbook file to write (replaced)
/// \return ok, or `io_error`
///
///   kexie::write_xlsx(sheets, "build/results.xlsx").value();
[[nodiscard]] KEXIE_API Status write_xlsx(const std::vector<ResultSheet>& sheets,
                                          const std::string& path);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_TABLE_EXPORT_HPP
