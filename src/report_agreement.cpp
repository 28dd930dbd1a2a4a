// panel_agreement: every judged indicator's Kendall's W of a scoreboard, computed once
// for the results document and the result sheets (include/kexie/report_agreement.hpp).
#include "kexie/report_agreement.hpp"

#include <array>
#include <utility>

#include "kexie/enum_names.hpp"

namespace kexie {
inline namespace v1 {

const IndicatorAgreement* PanelAgreement::find(Category category,
                                               std::uint32_t indicator) const noexcept {
  for (const IndicatorAgreement& a : indicators) {
    if (a.category == category && a.indicator == indicator) return &a;
  }
  return nullptr;
}

PanelAgreement panel_agreement(const Campaign& campaign, const Scoreboard& board) {
  PanelAgreement out;
  std::vector<JudgeId> judges;
  for (std::uint32_t j = 1; j <= campaign.judge_count(); ++j) judges.push_back(JudgeId{j});
  // Each category's entries in board order, from one pass over the table.
  std::array<std::vector<EntryId>, kCategoryCount> of_category;
  for (const EntryResult& r : board.entries) {
    of_category[static_cast<std::size_t>(r.category)].push_back(r.entry);
  }
  for (Category c : enum_values<Category>()) {
    const auto rubric = campaign.rubric(c);
    if (!rubric) continue;
    const std::vector<EntryId>& entries = of_category[static_cast<std::size_t>(c)];
    if (entries.empty()) continue;
    for (std::uint32_t i : rubric->judged()) {
      auto marks = campaign.panel_marks(rubric->indicators()[i].code, judges, entries);
      if (!marks) {
        out.indicators.push_back({c, i, marks.error(), marks.error(), marks.error()});
        continue;
      }
      Result<KendallW> by_entries = kendall_w(*marks, {.missing = MissingMarks::drop_entries});
      Result<KendallW> by_judges =
          by_entries ? by_entries : kendall_w(*marks, {.missing = MissingMarks::drop_judges});
      out.indicators.push_back({c, i, Status{}, std::move(by_entries), std::move(by_judges)});
    }
  }
  return out;
}

}  // namespace v1
}  // namespace kexie
