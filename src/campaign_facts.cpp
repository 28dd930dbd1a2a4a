// The facts of a campaign read out of its state (see campaign_facts.hpp).
#include "campaign_facts.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "campaign_state.hpp"
#include "detail/aggregate.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

CampaignFacts campaign_facts(const Campaign& campaign) {
  const CampaignImpl& s = state_of(campaign);
  CampaignFacts out;
  out.entries.reserve(s.entries.size());
  out.judges = s.judges;
  for (std::size_t i = 0; i < s.entries.size(); ++i) {
    const EntryRecord& e = s.entries[i];
    const CategoryState& cat = s.category(e);
    const EntryId id{static_cast<std::uint32_t>(i + 1)};
    out.entries.push_back(e.spec);
    for (JudgeId j : e.judges) out.assignments.push_back({j, id});
    const std::int32_t* cells = s.marks.data() + s.hot[i].mark_offset;
    for (std::size_t slot = 0; slot < e.judges.size(); ++slot) {
      for (std::size_t col = 0; col < cat.columns.size(); ++col) {
        const std::int32_t v = cells[cell_of(cat.columns.size(), col, slot)];
        if (v == kNoMark) continue;
        const Indicator& ind = cat.rubric->indicators()[cat.columns[col]];
        // Spelt at the places of the indicator's scale (step 0.5: "60.0"), as a
        // judge writes it; exact, since every mark lies on the scale.
        const Decimal exact = fixed(v, kMarkScale).normalized();
        const int places = std::max({exact.scale(), ind.scale.step.normalized().scale(),
                                     ind.scale.min.normalized().scale()});
        out.marks.push_back(
            {e.judges[slot], id, ind.code, exact.rescaled(places, Rounding::half_even).value()});
      }
    }
    for (const VetoRecord& v : e.vetoes)
      out.vetoes.push_back({v.judge, id, cat.rubric->indicators()[v.indicator].code, v.reason});
  }
  return out;
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie
