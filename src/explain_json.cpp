// Explanations as JSON (kexie::to_json): one object per explanation with the
// result's fields, every indicator line with its marks, the conversions and the
// vetoes. Decimals are strings, so that no digit is lost. Written with the one
// JSON writer (detail/json_writer.hpp) in its compact layout.
#include <string>
#include <string_view>
#include <vector>

#include "detail/json_writer.hpp"
#include "kexie/explain.hpp"

namespace kexie {
inline namespace v1 {

std::string to_json(const Explanation& x) {
  detail::JsonWriter w(detail::JsonWriter::Layout::compact);
  const auto field = [&w](std::string_view k, std::string_view v) {
    w.key(k);
    w.string(v);
  };
  const auto count = [&w](std::string_view k, std::uint64_t v) {
    w.key(k);
    w.integer(static_cast<std::int64_t>(v));
  };
  const auto strings = [&w](std::string_view k, const std::vector<std::string>& v) {
    w.key(k);
    w.begin_array();
    for (const std::string& s : v) w.string(s);
    w.end_array();
  };
  const EntryResult& r = x.result;
  w.begin_object();
  count("entry", r.entry.value());
  field("code", r.code);
  field("title", x.title);
  field("rubric", x.rubric);
  field("category", to_string(r.category));
  field("status", to_string(r.status));
  field("total", r.total.to_string());
  field("judged_part", r.judged_part.to_string());
  field("objective_part", r.objective_part.to_string());
  field("bonus", r.bonus.to_string());
  count("rank", r.rank);
  count("position", r.position);
  w.key("tier");
  if (r.tier)
    w.integer(*r.tier);
  else
    w.null();
  field("award", r.award);
  field("aggregation", to_string(x.aggregation.method));
  w.key("normalized");
  w.boolean(x.normalized);
  w.key("lines");
  w.begin_array();
  for (const IndicatorLine& l : x.lines) {
    w.begin_object();
    field("code", l.code);
    field("name", l.name);
    field("kind", enum_name(l.kind));
    field("method", to_string(l.method));
    w.key("value");
    if (l.value)
      w.string(l.value->to_string());
    else
      w.null();
    field("weight", l.weight.to_string());
    field("contribution", l.contribution.to_string());
    field("figure", l.figure);
    // Keys of the rubric extensions appear only where they apply (older output unchanged).
    if (l.points) field("points", l.points->to_string());
    if (l.band) {
      w.key("band");
      w.begin_object();
      field("at_least", l.band->at_least.to_string());
      field("min", l.band->min.to_string());
      field("max", l.band->max.to_string());
      w.end_object();
    }
    w.key("marks");
    w.begin_array();
    for (const JudgeMark& m : l.marks) {
      w.begin_object();
      count("judge", m.judge.value());
      field("mark", m.mark.to_string());
      w.key("normalized");
      if (m.normalized)
        w.string(m.normalized->to_string());
      else
        w.null();
      w.key("dropped");
      w.boolean(m.dropped);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  strings("conversions", x.conversions);
  strings("vetoes", x.vetoes);
  if (x.full_score) field("full_score", x.full_score->to_string());
  if (!x.prize.empty()) {
    field("prize", r.prize ? r.prize->to_string() : std::string());
    field("prize_basis", x.prize);
  }
  w.end_object();
  return w.finish();
}

}  // namespace v1
}  // namespace kexie
