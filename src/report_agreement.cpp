// panel_agreement: every judged indicator's Kendall's W of a scoreboard, computed once
// for the results document and the result sheets (include/kexie/report_agreement.hpp).
#include "kexie/report_agreement.hpp"

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
  for (Category c : enum_values<Category>()) {
    const auto rubric = campaign.rubric(c);
    if (!rubric) continue;
    std::vector<EntryId> entries;
    for (const EntryResult& r : board.entries) {
      if (r.category == c) entries.push_back(r.entry);
    }
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
