// Explanations (评分说明): why an entry got its total, rank and award — each
// judge's marks, which were dropped and why, normalized values, weights,
// objective conversions with the tables they used, bonuses, vetoes, the total,
// the rank and the award — as a structured value and as text in Chinese or
// English. Built from the same kernel as Campaign::score, so an explanation
// can never disagree with the result it explains.
#ifndef KEXIE_EXPLAIN_HPP
#define KEXIE_EXPLAIN_HPP

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "kexie/campaign.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"

namespace kexie {
inline namespace v1 {

/// One judge's mark on one indicator.
struct JudgeMark {
  JudgeId judge;                      ///< who
  Decimal mark;                       ///< as given
  std::optional<Decimal> normalized;  ///< after z-score normalization, when applied
  bool dropped = false;               ///< dropped by the trimmed mean
};

/// One indicator's line in an explanation.
struct IndicatorLine {
  std::string code;                            ///< e.g. "A.1"
  std::string name;                            ///< e.g. "创新性 creativity"
  IndicatorKind kind = IndicatorKind::judged;  ///< judged, objective or bonus
  std::vector<JudgeMark> marks;                ///< judged and bonus items: every judge's mark
  AggregationMethod method = AggregationMethod::mean;  ///< the method actually applied
  std::optional<Decimal> value;  ///< aggregated or computed value; empty when no marks
  Decimal weight;                ///< global weight (0 for bonus items)
  Decimal contribution;          ///< weight × value, or the capped bonus
  std::string figure;            ///< objective and banded items: the claimed figure and its value
  /// Banded judged items: the band the entry's figure selected (see MarkBands).
  std::optional<MarkBand> band;
  /// Points sheets: the indicator's maximum points (the line's weight is then 1).
  std::optional<Decimal> points;
};

/// Everything about one entry's result.
struct Explanation {
  EntryResult result;                    ///< total, rank, position, award
  std::string title;                     ///< the entry's title
  std::string rubric;                    ///< the rubric's name
  Aggregation aggregation;               ///< the rule in force
  bool normalized = false;               ///< z-score normalization on
  std::vector<IndicatorLine> lines;      ///< judged, objective and bonus indicators
  std::vector<std::string> conversions;  ///< energy and CO2 conversions with their tables
  std::vector<std::string> vetoes;       ///< "judge:3 — 数据造假 falsified data"
  /// Which CO2 figure counts (`Co2Basis`): "computed 570.300000 t CO2 used (rubric: computed);
  /// claimed 3 t CO2 not added". Empty when the entry has no CO2 at all.
  std::string co2;
  /// The entry's cooperation citations (A11), checked when it was added:
  /// "厂会协作 link:4", "金桥工程 activity:7".
  std::vector<std::string> citations;
  /// Points sheets: the full score (the total is then a sum of points).
  std::optional<Decimal> full_score;
  /// How the prize in `result.prize` was computed, when the rubric has a prize rule:
  /// "0.02 × (annual_benefit_yuan 1200000 − 500000) = 14000.00" (", capped at 10000.00",
  /// or why the entry earns none).
  std::string prize;
};

/// The language of an explanation's text.
enum class Language : std::uint8_t { chinese, english };

/// The names of `Language`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<Language> {
  static constexpr std::array<std::string_view, 2> names{"chinese", "english"};
  static constexpr bool listed(Language v) noexcept {
    switch (v) {
      case Language::chinese:
      case Language::english:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<Language>());

/// Explains `entry` as scored in `board` (which must come from `campaign.score()`).
/// `not_found` for an entry that is not in the campaign or the board.
/// \param campaign the campaign that was scored
/// \param board its scoreboard, from `campaign.score()`
/// \param entry the entry to explain
/// \return every line, mark, conversion and veto behind its result, or `not_found`
///
///   kexie::Explanation x = kexie::explain(campaign, board, entry).value();
///   std::cout << kexie::to_text(x, kexie::Language::english);
[[nodiscard]] KEXIE_API Result<Explanation> explain(const Campaign& campaign,
                                                    const Scoreboard& board, EntryId entry);

/// `explain` for a result of `board` the caller already holds, without searching the
/// board for it (a writer going through every entry stays linear). `not_found` when
/// the result's entry is not in the campaign.
/// \param campaign the campaign that was scored
/// \param board its scoreboard, from `campaign.score()`
/// \param result one of `board.entries`
/// \return the explanation of that result, or `not_found`
///
///   for (const kexie::EntryResult& r : board.entries) auto x = kexie::explain(campaign, board, r);
[[nodiscard]] KEXIE_API Result<Explanation> explain(const Campaign& campaign,
                                                    const Scoreboard& board,
                                                    const EntryResult& result);

/// The explanation as readable UTF-8 text, one indicator a line.
/// \param explanation the explanation, from `explain`
/// \param language Chinese or English
/// \return the text, several lines in UTF-8
///
///   std::cout << kexie::to_text(x, kexie::Language::chinese);   // 总分 …，排名 …，获 一等奖
[[nodiscard]] KEXIE_API std::string to_text(const Explanation& explanation, Language language);

/// The explanation as one JSON object (UTF-8, no insignificant blanks): the
/// result's fields ("entry", "code", "title", "rubric", "category", "status",
/// "total", … "award"), "aggregation", "normalized", "lines" (each with its
/// "marks"), "conversions" and "vetoes". Decimals are JSON strings; absent
/// values are null. Only where they apply: a line's "points" and "band"
/// ({"at_least", "min", "max"}), and the explanation's "full_score", "prize" and
/// "prize_basis" (see Rubric::build_points, MarkBands, PrizeRule).
/// \param explanation the explanation, from `explain`
/// \return the JSON object's text
///
///   std::string json = kexie::to_json(x);   // {"entry":1,"code":"P-001",…}
[[nodiscard]] KEXIE_API std::string to_json(const Explanation& explanation);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_EXPLAIN_HPP
