// The interim text forms of a campaign's settings: rubric lines, a tie-break
// chain and an objective indicator's tier table. The C API and the Python
// package take these strings; the parsing lives here, in the core, so that it
// is unit-tested and fuzzed like every other input. Deprecated in favour of the
// campaign document (campaign_document.hpp, docs/documents.md); kept working until
// the next major version (docs/api-stability.md).
//
// Every refusal is `invalid_argument` (or the Decimal parser's own code) with a
// message naming the line and field that is wrong.
#ifndef KEXIE_RUBRIC_TEXT_HPP
#define KEXIE_RUBRIC_TEXT_HPP

#include <string_view>
#include <vector>

#include "kexie/export.hpp"
#include "kexie/ranking.hpp"
#include "kexie/result.hpp"
#include "kexie/rubric.hpp"

namespace kexie {
inline namespace v1 {

/// The claimed figure named `name` ("annual_benefit_yuan", …, as `to_string`
/// spells it); `invalid_argument` "unknown claimed figure \"…\"" otherwise.
/// \param name the figure's name as `to_string` spells it
/// \return the figure, or `invalid_argument` naming the unknown name
///
///   kexie::parse_claimed_figure("hours_saved").value() == kexie::ClaimedFigure::hours_saved
[[nodiscard]] KEXIE_API Result<ClaimedFigure> parse_claimed_figure(std::string_view name);

/// A tier table "at_least:points;at_least:points;…" (items trimmed of blanks,
/// empty items skipped; an empty text is an empty table). Refusals name the item:
/// `tier "…" is not at_least:points`, `tier threshold: …`, `tier points: …`.
/// \param text the tier table, "at_least:points" items separated by ';'
/// \return the tiers in the order written, or `invalid_argument` naming the bad item
///
///   auto t = kexie::parse_tier_table("500000:95; 100000:70").value();
///   assert(t.size() == 2 && t[0].at_least == Decimal(500000) && t[1].points == Decimal(70));
[[nodiscard]] KEXIE_API Result<std::vector<Tier>> parse_tier_table(std::string_view text);

/// A tie-break chain "objective_total, indicator:A.1, top_marks,
/// figure:energy_saved_tce", links separated by commas and trimmed of blanks; an
/// empty text is an empty chain. Refusals: `unknown tie-break "…"`, `unknown
/// claimed figure "…"`.
/// \param text the chain, links separated by commas
/// \return the chain in the order written, or `invalid_argument` naming the bad link
///
///   auto chain = kexie::parse_tie_breaks("objective_total, indicator:A.1").value();
///   assert(chain.size() == 2 && chain[0] == kexie::TieBreak::objective_total() &&
///          chain[1] == kexie::TieBreak::indicator("A.1"));
[[nodiscard]] KEXIE_API Result<std::vector<TieBreak>> parse_tie_breaks(std::string_view text);

/// Rubric lines, one indicator a line, fields separated by '|' and trimmed:
///
///   code|name|parent|kind|weight|min|max|step|figure|tiers|floor|per_unit|cap|bonus_cap
///
/// `kind` is an IndicatorKind name (group, judged, objective, bonus, veto) and
/// `figure` a ClaimedFigure name; `tiers` is a tier table (parse_tier_table).
/// Trailing fields may be left out (at least the first 4), empty fields are
/// unset (zero), blank lines and lines starting with '#' are skipped. The
/// figure, tiers, floor, per_unit and cap fields are read for objective
/// indicators only. Refusals start with "rubric line N: " and name the field,
/// e.g. `rubric line 3: unknown kind "lump"`, `rubric line 2: weight: …`.
/// The result is what `Rubric::build` takes; its rules (weights summing to 1,
/// scales) are checked there.
/// \param text the rubric lines, separated by newlines
/// \return one spec per indicator line, in order, or `invalid_argument` "rubric line N: …"
///
///   auto specs = kexie::parse_rubric_lines("A|judged part||group|1\n"
///                                          "A.1|creativity|A|judged|1|0|100|1\n").value();
///   auto rubric = kexie::Rubric::build("细则", specs);
[[nodiscard]] KEXIE_API Result<std::vector<IndicatorSpec>> parse_rubric_lines(
    std::string_view text);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_RUBRIC_TEXT_HPP
