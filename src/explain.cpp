// Explanations: re-runs the scoring kernel on one entry with detail switched on.
#include "kexie/explain.hpp"

#include <algorithm>
#include <sstream>

#include "campaign_state.hpp"
#include "detail/aggregate.hpp"

namespace kexie {
inline namespace v1 {

using detail::CategoryState;
using detail::EntryRecord;
using detail::EntryValues;
using detail::fixed;
using detail::kNoMark;
using detail::MarkDetail;
using detail::NormParams;
using detail::VetoRecord;

Result<Explanation> explain(const Campaign& campaign, const Scoreboard& board, EntryId entry) {
  const std::optional<EntryResult> result = board.find(entry);
  if (!result) {
    return Error(ErrorCode::not_found, "no " + to_string(entry) + " in this campaign's results");
  }
  return explain(campaign, board, *result);
}

Result<Explanation> explain(const Campaign& campaign, const Scoreboard& /*board*/,
                            const EntryResult& entry_result) {
  const detail::CampaignImpl& s = detail::state_of(campaign);
  const EntryId entry = entry_result.entry;
  const EntryResult* result = &entry_result;
  auto found = s.entry_at(entry);
  if (!found || result == nullptr) {
    return Error(ErrorCode::not_found, "no " + to_string(entry) + " in this campaign's results");
  }
  const EntryRecord& e = **found;
  const CategoryState& cat = s.category(e);
  const Rubric& rubric = *cat.rubric;
  std::vector<NormParams> norm;
  if (s.spec.panel.normalization.enabled) norm = s.normalization(e.spec.category);
  EntryValues values;
  std::vector<std::vector<MarkDetail>> detail;
  s.evaluate(entry.value() - 1, s.spec.panel.normalization.enabled ? &norm : nullptr, values,
             &detail);

  Explanation x;
  x.result = *result;
  x.title = e.spec.title;
  x.rubric = rubric.name();
  x.aggregation = s.spec.panel.aggregation;
  x.normalized = s.spec.panel.normalization.enabled;
  const auto inds = rubric.indicators();
  for (std::uint32_t col = 0; col < cat.columns.size(); ++col) {
    const Indicator& ind = inds[cat.columns[col]];
    IndicatorLine line;
    line.code = ind.code;
    line.name = ind.name;
    line.kind = ind.kind;
    std::size_t kept = 0;
    for (const MarkDetail& md : detail[col]) {
      JudgeMark jm{md.judge, fixed(md.raw, detail::kMarkScale), std::nullopt, md.dropped};
      if (md.normalized != kNoMark) jm.normalized = fixed(md.normalized, detail::kMarkScale);
      kept += md.dropped ? 0 : 1;
      line.marks.push_back(jm);
    }
    line.method = x.aggregation.method;
    if (x.aggregation.method == AggregationMethod::trimmed_mean && kept == line.marks.size()) {
      line.method = AggregationMethod::mean;  // too few marks to trim
    }
    if (values.column_present[col]) line.value = fixed(values.column_value[col], detail::kAggScale);
    if (!ind.bands.bands.empty()) {
      const Decimal& figure = e.figures[static_cast<std::size_t>(ind.bands.figure)];
      line.figure = std::string(to_string(ind.bands.figure)) + " = " + figure.to_string();
      if (const MarkBand* band = ind.bands.select(figure)) line.band = *band;
    }
    if (rubric.full_score() && ind.kind == IndicatorKind::judged) line.points = ind.points;
    if (ind.kind == IndicatorKind::judged) {
      line.weight = ind.global_weight;
      if (line.value) line.contribution = multiply(*line.value, ind.global_weight).value();
    } else if (line.value) {
      line.contribution = std::min(std::max(*line.value, Decimal(0)), ind.bonus_cap);
    }
    x.lines.push_back(std::move(line));
  }
  const auto objective = rubric.objective();
  for (std::size_t k = 0; k < objective.size(); ++k) {
    const Indicator& ind = inds[objective[k]];
    IndicatorLine line;
    line.code = ind.code;
    line.name = ind.name;
    line.kind = ind.kind;
    line.value = fixed(values.objective_value[k], detail::kAggScale);
    line.weight = ind.global_weight;
    if (rubric.full_score()) line.points = ind.points;
    line.contribution = multiply(*line.value, ind.global_weight).value();
    line.figure = std::string(to_string(ind.objective.figure)) + " = " +
                  e.figures[static_cast<std::size_t>(ind.objective.figure)].to_string();
    x.lines.push_back(std::move(line));
  }
  for (const CoalEquivalent& c : e.coal) x.conversions.push_back(c.citation());
  for (const GridEmission& g : e.grid) x.conversions.push_back(g.citation());
  for (const FuelEmission& f : e.fuel) x.conversions.push_back(f.citation());
  const Decimal& claimed = e.spec.claims.co2_avoided_t;
  const bool computed = !e.grid.empty() || !e.fuel.empty();
  if (computed || claimed.signum() > 0) {
    const std::string basis = "(rubric: " + std::string(to_string(e.co2_basis)) + ")";
    const std::string c = "computed " + e.co2_computed.to_string() + " t CO2";
    const std::string k = "claimed " + claimed.to_string() + " t CO2";
    x.co2 = e.co2_claim_used
                ? k + " used " + basis + (computed ? "; " + c + " not added" : "")
                : c + " used " + basis + (claimed.signum() > 0 ? "; " + k + " not added" : "");
  }
  if (e.spec.cites_link) x.citations.push_back("厂会协作 " + to_string(*e.spec.cites_link));
  if (e.spec.cites_activity) x.citations.push_back("金桥工程 " + to_string(*e.spec.cites_activity));
  x.full_score = rubric.full_score();
  if (const auto& p = rubric.prize()) {
    const Decimal& figure = e.figures[static_cast<std::size_t>(p->figure)];
    const Decimal above = figure > p->threshold ? figure - p->threshold : Decimal(0);
    x.prize = p->share.to_string() + " × (" + std::string(to_string(p->figure)) + " " +
              figure.to_string() + " − " + p->threshold.to_string() + ")";
    if (above.signum() == 0) x.prize += ", not above the threshold";
    if (result->prize) x.prize += " = " + result->prize->to_string();
    if (p->cap && result->prize && *result->prize == *p->cap && result->prize->signum() > 0) {
      x.prize += ", capped at " + p->cap->to_string();
    }
    if (result->status != EntryStatus::ranked) {
      x.prize += "; none: the entry is " + std::string(to_string(result->status));
    } else if (p->awarded_only && !result->tier) {
      x.prize += "; none: only awarded entries earn it";
    }
  }
  for (const VetoRecord& v : e.vetoes) {
    x.vetoes.push_back(to_string(v.judge) + " — " + inds[v.indicator].code + ": " + v.reason);
  }
  return x;
}

std::string to_text(const Explanation& x, Language language) {
  const bool zh = language == Language::chinese;
  std::ostringstream out;
  const EntryResult& r = x.result;
  out << (zh ? "参评项目 " : "Entry ") << r.code << " 《" << x.title << "》\n";
  out << (zh ? "评分细则：" : "Rubric: ") << x.rubric << (zh ? "；合议方式：" : "; aggregation: ")
      << to_string(x.aggregation.method);
  if (x.aggregation.method == AggregationMethod::trimmed_mean) {
    out << (zh ? "（去掉最低 " : " (drop lowest ") << int{x.aggregation.drop_low}
        << (zh ? " 个、最高 " : ", highest ") << int{x.aggregation.drop_high}
        << (zh ? " 个，评委不少于 " : ", from ") << int{x.aggregation.trim_from}
        << (zh ? " 人时）" : " marks up)");
  }
  if (x.normalized) out << (zh ? "；评委分数经标准化" : "; marks z-score normalized per judge");
  out << '\n';
  for (const IndicatorLine& l : x.lines) {
    out << "  [" << l.code << "] " << l.name << ": ";
    if (l.kind == IndicatorKind::objective) {
      out << (zh ? "客观指标 " : "objective ") << l.figure << " → " << *l.value;
    } else {
      for (std::size_t i = 0; i < l.marks.size(); ++i) {
        const JudgeMark& m = l.marks[i];
        out << (i ? ", " : "") << m.judge << '=' << m.mark;
        if (m.normalized) out << "→" << *m.normalized;
        if (m.dropped) out << (zh ? "（去掉）" : " (dropped)");
      }
      if (l.marks.empty()) out << (zh ? "无评分" : "no marks");
      if (l.value) out << " ⇒ " << to_string(l.method) << ' ' << *l.value;
    }
    if (l.band) {
      out << (zh ? "；评分档次 [" : "; band [") << l.band->min << ", " << l.band->max
          << (zh ? "]，由 " : "] selected by ") << l.figure << " ≥ " << l.band->at_least
          << (zh ? " 确定" : "");
    } else if (l.kind == IndicatorKind::judged && !l.figure.empty()) {
      out << (zh ? "；" : "; ") << l.figure
          << (zh ? " 低于各档门槛，无可评档次" : " is below every band: no band");
    }
    if (l.kind == IndicatorKind::bonus) {
      out << (zh ? "；加分 " : "; bonus ") << l.contribution << '\n';
    } else if (l.points) {
      out << (zh ? "；满分 " : "; max points ") << *l.points << (zh ? "，得分 " : ", scores ")
          << l.contribution << '\n';
    } else {
      out << (zh ? "；权重 " : "; weight ") << l.weight << (zh ? "，得分 " : ", contributes ")
          << l.contribution << '\n';
    }
  }
  for (const std::string& c : x.conversions)
    out << (zh ? "  折算：" : "  conversion: ") << c << '\n';
  if (!x.co2.empty()) out << (zh ? "  二氧化碳：" : "  CO2: ") << x.co2 << '\n';
  for (const std::string& c : x.citations)
    out << (zh ? "  协作引证：" : "  cooperation cited: ") << c << '\n';
  for (const std::string& v : x.vetoes) out << (zh ? "  一票否决：" : "  veto: ") << v << '\n';
  if (!x.prize.empty()) {
    out << (zh ? "  奖金：" : "  prize: ") << (r.prize ? r.prize->to_string() : std::string("—"))
        << (zh ? " 元（" : " yuan (") << x.prize << (zh ? "）" : ")") << '\n';
  }
  if (x.full_score) out << (zh ? "满分 " : "Full score ") << *x.full_score << (zh ? "；" : "; ");
  out << (zh ? "总分 " : "Total ") << r.total << (zh ? "（评委部分 " : " (judged ") << r.judged_part
      << (zh ? "，客观部分 " : ", objective ") << r.objective_part << (zh ? "，加分 " : ", bonus ")
      << r.bonus << (zh ? "）" : ")");
  switch (r.status) {
    case EntryStatus::ranked:
    case EntryStatus::vetoed:
      out << (zh ? "；排名 " : "; rank ") << r.rank << (zh ? "（名次 " : " (position ")
          << r.position << (zh ? "）" : ")");
      break;
    case EntryStatus::incomplete:
      out << (zh ? "；评分不完整，未排名" : "; incomplete marks, not ranked");
      break;
  }
  if (r.status == EntryStatus::vetoed)
    out << (zh ? "；被一票否决，不参与评奖" : "; vetoed, not eligible for awards");
  if (r.tier) {
    out << (zh ? "；获 " : "; awarded ") << r.award;
  } else if (r.status == EntryStatus::ranked) {
    out << (zh ? "；未获奖" : "; no award");
  }
  out << '\n';
  return out.str();
}

}  // namespace v1
}  // namespace kexie
