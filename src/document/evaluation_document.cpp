// kexie.evaluation/1: a yearly evaluation's ranked result as a canonical document.
#include <map>
#include <string>

#include "document/json_value.hpp"
#include "document/reader.hpp"
#include "kexie/evaluation_document.hpp"

namespace kexie {
inline namespace v1 {

namespace {

using detail::doc::Value;
namespace doc = detail::doc;
namespace json = detail::json;

constexpr std::string_view kFormat = "kexie.evaluation/1";

}  // namespace

Result<std::string> write_evaluation_document(const Registry& registry,
                                              const Evaluation& evaluation,
                                              std::span<const EvaluationResult> results,
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
  const EvaluationSpec& spec = evaluation.spec();
  Result<Date> next_year = Date::from_ymd(spec.year + 1, 1, 1);
  if (!next_year) return next_year.error();

  Value v = Value::make_object();
  v.add("format", doc::text(kFormat));
  v.add("guide", oc(spec.guide));
  v.add("year", doc::integer(spec.year));
  v.add("rubric", doc::text(spec.rubric.name()));
  v.add("aggregation", doc::name(spec.aggregation.method));
  Value exemplary = Value::make_array();
  Value& list = v.add("associations", Value::make_array());
  for (const EvaluationResult& r : results) {
    Result<Organization> org = registry.organization(r.association);
    if (!org) return org.error();
    const bool named = registry.exemplary(r.association, *next_year);
    if (named) exemplary.push(oc(r.association));
    Value& a = list.push(Value::make_object());
    a.add("association", oc(r.association));
    a.add("name", doc::text(org->name));
    a.add("rank", doc::integer(static_cast<std::int64_t>(r.rank)));
    a.add("total", doc::dec(r.total));
    a.add("exemplary", Value::make_bool(named));
    Value& figures = a.add("figures", Value::make_array());
    for (const FigureValue& f : r.figures) {
      Value& x = figures.push(Value::make_object());
      x.add("indicator", doc::text(f.indicator));
      x.add("figure", doc::name(f.figure));
      x.add("value", doc::dec(f.value));
      x.add("indicator_value", doc::dec(f.indicator_value));
      Value& facts = x.add("facts", Value::make_array());
      for (const std::string& fact : f.facts) facts.push(doc::text(fact));
    }
    Value& judged = a.add("judged", Value::make_array());
    for (const JudgedValue& j : r.judged) {
      Value& x = judged.push(Value::make_object());
      x.add("indicator", doc::text(j.indicator));
      x.add("value", doc::dec(j.combined.value));
      x.add("method", doc::name(j.combined.applied));
      Value& marks = x.add("marks", Value::make_array());
      for (std::size_t i = 0; i < j.marks.size(); ++i) {
        Value& m = marks.push(Value::make_object());
        m.add("judge", pc(j.marks[i].first));
        m.add("mark", doc::dec(j.marks[i].second));
        m.add("dropped", Value::make_bool(i < j.combined.dropped.size() && j.combined.dropped[i]));
      }
    }
  }
  v.add("exemplary", std::move(exemplary));
  return json::write(v);
}

}  // namespace v1
}  // namespace kexie
