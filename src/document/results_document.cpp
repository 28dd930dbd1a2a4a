// kexie.results/1: the scoreboard as a canonical document.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "document/json_value.hpp"
#include "document/reader.hpp"
#include "kexie/agreement.hpp"
#include "kexie/explain.hpp"
#include "kexie/results_document.hpp"

namespace kexie {
inline namespace v1 {

namespace {

using detail::doc::Value;
namespace doc = detail::doc;
namespace json = detail::json;

constexpr std::string_view kFormat = "kexie.results/1";

Value opt_dec(const std::optional<Decimal>& d) { return d ? doc::dec(*d) : Value{}; }

// Kendall's W of each judged indicator of each category.
Value agreement(const Campaign& campaign, const Scoreboard& board) {
  Value list = Value::make_array();
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
      const Indicator& ind = rubric->indicators()[i];
      Value& row = list.push(Value::make_object());
      row.add("category", doc::name(c));
      row.add("indicator", doc::text(ind.code));
      row.add("missing", doc::name(MissingMarks::drop_entries));
      auto marks = campaign.panel_marks(ind.code, judges, entries);
      Result<KendallW> w = marks ? kendall_w(*marks, {.missing = MissingMarks::drop_entries})
                                 : Result<KendallW>(marks.error());
      if (w) {
        row.add("judges", doc::integer(static_cast<std::int64_t>(w->judges)));
        row.add("entries", doc::integer(static_cast<std::int64_t>(w->entries)));
        row.add("kendall_w", doc::number(w->w));
        row.add("chi_squared", doc::number(w->chi_squared));
        row.add("df", doc::integer(static_cast<std::int64_t>(w->df)));
        row.add("p_value", doc::number(w->p_value));
        row.add("note", Value{});
      } else {
        row.add("judges", Value{});
        row.add("entries", Value{});
        row.add("kendall_w", Value{});
        row.add("chi_squared", Value{});
        row.add("df", Value{});
        row.add("p_value", Value{});
        row.add("note", doc::text(w.error().message()));
      }
    }
  }
  return list;
}

}  // namespace

Result<std::string> write_results_document(const Campaign& campaign, const Scoreboard& board,
                                           const RegistryCodes& codes) {
  std::map<OrgId, std::string> org_code;
  std::map<PersonId, std::string> person_code;
  for (const auto& [c, id] : codes.organizations) org_code.emplace(id, c);
  for (const auto& [c, id] : codes.people) person_code.emplace(id, c);
  const auto oc = [&](OrgId id) {
    const auto it = org_code.find(id);
    return doc::text(it != org_code.end() ? it->second : to_string(id));
  };
  const auto pc = [&](PersonId id) {
    const auto it = person_code.find(id);
    return doc::text(it != person_code.end() ? it->second : to_string(id));
  };
  std::map<EntryId, std::string> entry_code;
  for (const EntryResult& r : board.entries) entry_code.emplace(r.entry, r.code);
  const auto ec = [&](EntryId id) {
    const auto it = entry_code.find(id);
    return doc::text(it != entry_code.end() ? it->second : to_string(id));
  };
  const auto judge = [&](JudgeId j) {
    const auto p = campaign.judge_person(j);
    return p ? pc(*p) : doc::text(to_string(j));
  };

  Value v = Value::make_object();
  v.add("format", doc::text(kFormat));
  v.add("campaign", doc::text(campaign.spec().name));
  v.add("digest", doc::text(board.digest()));
  Value& tiers = v.add("tiers", Value::make_array());
  for (const AwardTier& t : campaign.spec().awards.tiers) tiers.push(doc::text(t.name));
  Value& entries = v.add("entries", Value::make_array());
  for (const EntryResult& r : board.entries) {
    auto x = explain(campaign, board, r);  // r itself: no search of the board per entry
    if (!x) return x.error();
    Value& e = entries.push(Value::make_object());
    e.add("code", doc::text(r.code));
    e.add("title", doc::text(x->title));
    e.add("unit", oc(r.unit));
    e.add("enterprise", oc(r.enterprise));
    e.add("category", doc::name(r.category));
    e.add("status", doc::name(r.status));
    e.add("total", doc::dec(r.total));
    e.add("judged_part", doc::dec(r.judged_part));
    e.add("objective_part", doc::dec(r.objective_part));
    e.add("bonus", doc::dec(r.bonus));
    e.add("rank", doc::integer(r.rank));
    e.add("position", doc::integer(r.position));
    e.add("tier", r.tier ? doc::integer(*r.tier) : Value{});
    e.add("award", doc::text(r.award));
    e.add("prize", opt_dec(r.prize));
    Value& ex = e.add("explanation", Value::make_object());
    ex.add("rubric", doc::text(x->rubric));
    ex.add("aggregation", doc::name(x->aggregation.method));
    ex.add("normalized", Value::make_bool(x->normalized));
    ex.add("full_score", opt_dec(x->full_score));
    Value& lines = ex.add("lines", Value::make_array());
    for (const IndicatorLine& l : x->lines) {
      Value& line = lines.push(Value::make_object());
      line.add("code", doc::text(l.code));
      line.add("name", doc::text(l.name));
      line.add("kind", doc::name(l.kind));
      line.add("method", doc::name(l.method));
      line.add("value", opt_dec(l.value));
      line.add("weight", doc::dec(l.weight));
      line.add("contribution", doc::dec(l.contribution));
      line.add("figure", doc::text(l.figure));
      if (l.band) {
        Value& band = line.add("band", Value::make_object());
        band.add("at_least", doc::dec(l.band->at_least));
        band.add("min", doc::dec(l.band->min));
        band.add("max", doc::dec(l.band->max));
      } else {
        line.add("band", Value{});
      }
      line.add("points", opt_dec(l.points));
      Value& marks = line.add("marks", Value::make_array());
      for (const JudgeMark& m : l.marks) {
        Value& mark = marks.push(Value::make_object());
        mark.add("judge", judge(m.judge));
        mark.add("mark", doc::dec(m.mark));
        mark.add("normalized", opt_dec(m.normalized));
        mark.add("dropped", Value::make_bool(m.dropped));
      }
    }
    Value& conversions = ex.add("conversions", Value::make_array());
    for (const std::string& c : x->conversions) conversions.push(doc::text(c));
    Value& vetoes = ex.add("vetoes", Value::make_array());
    for (const std::string& c : x->vetoes) vetoes.push(doc::text(c));
    ex.add("co2", doc::text(x->co2));
    ex.add("prize", doc::text(x->prize));
    Value& citations = ex.add("citations", Value::make_array());
    for (const std::string& c : x->citations) citations.push(doc::text(c));
    Value& text = ex.add("text", Value::make_object());
    text.add("zh", doc::text(to_text(*x, Language::chinese)));
    text.add("en", doc::text(to_text(*x, Language::english)));
  }
  Value& units = v.add("advanced_units", Value::make_array());
  for (const AdvancedUnit& u : board.units) {
    Value& e = units.push(Value::make_object());
    e.add("unit", oc(u.unit));
    e.add("entries", doc::integer(u.entries));
    e.add("awarded", doc::integer(u.awarded));
    e.add("awarded_total", doc::dec(u.awarded_total));
    e.add("participation_rate", doc::dec(u.participation_rate));
    e.add("tce_saved", doc::dec(u.tce_saved));
  }
  Value& people = v.add("advanced_individuals", Value::make_array());
  for (const AdvancedIndividual& p : board.people) {
    Value& e = people.push(Value::make_object());
    e.add("person", pc(p.person));
    e.add("best_tier", doc::integer(p.best_tier));
    e.add("credit", doc::dec(p.credit));
    Value& list = e.add("entries", Value::make_array());
    for (EntryId id : p.entries) list.push(ec(id));
  }
  Value& cusps = v.add("cusps", Value::make_array());
  for (const Cusp& c : board.cusps) {
    Value& e = cusps.push(Value::make_object());
    e.add("entry", ec(c.entry));
    e.add("tier", doc::integer(c.tier));
    e.add("boundary", doc::dec(c.boundary));
    e.add("distance", doc::dec(c.distance));
  }
  v.add("agreement", agreement(campaign, board));
  return json::write(v);
}

}  // namespace v1
}  // namespace kexie
