// The results report (评审结果报告): one self-contained HTML file an awards
// office prints and a reviewer reads — the award list of each category, the
// score distribution of each category with its tier boundaries drawn, the cusp
// entries, each judge's leniency against the panel, Kendall's W per indicator
// with the panels that disagree highlighted, and a search box over entries. No
// network, no external script, style or font: inline SVG, inline CSS and a few
// lines of inline JavaScript, under a Content-Security-Policy that forbids
// every fetch. A library function, not a part of the kexie command, so every
// binding can render the same report; it computes nothing the library does not
// (the board's results, `panel_marks`, `kendall_w`, `leniency`).
#ifndef KEXIE_REPORT_HPP
#define KEXIE_REPORT_HPP

#include <string>

#include "kexie/campaign.hpp"
#include "kexie/explain.hpp"
#include "kexie/export.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

class Registry;

/// How `html_report` renders.
///
///   kexie::ReportOptions o{.language = kexie::Language::english, .registry = &reg};
struct ReportOptions {
  /// The language of headings and labels (entry titles and names are as given).
  Language language = Language::chinese;
  /// A panel whose Kendall's W has p ≥ this on an indicator is highlighted as
  /// disagreeing.
  double agreement_alpha = 0.05;
  /// A judge whose marks correlate with the rest of the panel below this is flagged
  /// (`LeniencyOptions::min_correlation`).
  double min_correlation = 0.3;
  /// The registry the campaign reads, for units' names; nullptr prints "org:N".
  /// Borrowed.
  const Registry* registry = nullptr;
};

/// The report of `board` (which must come from `campaign.score()`) as one UTF-8
/// HTML document. A panel is the set of judges assigned to an entry; agreement
/// and leniency are computed per category, judged indicator and panel over the
/// entries every judge of the panel marked (`MissingMarks::drop_entries`);
/// panels of fewer than two judges or two such entries are listed as too small.
/// The same campaign and board give the same bytes. `not_found` when an entry of
/// the board is not in the campaign.
/// \param campaign the scored campaign
/// \param board its scoreboard, from `campaign.score()`
/// \param options what the report shows
/// \return the HTML document, or `not_found` for an entry of `board` the campaign lacks
///
///   kexie::Scoreboard board = campaign.score().value();
///   std::string html = kexie::html_report(campaign, board).value();
[[nodiscard]] KEXIE_API Result<std::string> html_report(const Campaign& campaign,
                                                        const Scoreboard& board,
                                                        const ReportOptions& options = {});

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_REPORT_HPP
