// Explanations as JSON (kexie::to_json): one object per explanation with the
// result's fields, every indicator line with its marks, the conversions and the
// vetoes. Decimals are strings, so that no digit is lost.
#include <cstdio>
#include <string>
#include <string_view>

#include "kexie/explain.hpp"

namespace kexie {
inline namespace v1 {

namespace {

void json_string(std::string& out, std::string_view s) {
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += ch;  // UTF-8 passes through unchanged
        }
    }
  }
  out += '"';
}

struct Json {
  std::string out;
  bool first = true;
  void key(std::string_view k) {
    if (!first) out += ',';
    first = false;
    json_string(out, k);
    out += ':';
  }
  void field(std::string_view k, std::string_view v) {
    key(k);
    json_string(out, v);
  }
  void field(std::string_view k, std::uint64_t v) {
    key(k);
    out += std::to_string(v);
  }
  void field_bool(std::string_view k, bool v) {
    key(k);
    out += v ? "true" : "false";
  }
  void field_null(std::string_view k) {
    key(k);
    out += "null";
  }
};

}  // namespace

std::string to_json(const Explanation& x) {
  Json j;
  j.out += '{';
  j.field("entry", x.result.entry.value());
  j.field("code", x.result.code);
  j.field("title", x.title);
  j.field("rubric", x.rubric);
  j.field("category", to_string(x.result.category));
  j.field("status", to_string(x.result.status));
  j.field("total", x.result.total.to_string());
  j.field("judged_part", x.result.judged_part.to_string());
  j.field("objective_part", x.result.objective_part.to_string());
  j.field("bonus", x.result.bonus.to_string());
  j.field("rank", x.result.rank);
  j.field("position", x.result.position);
  if (x.result.tier)
    j.field("tier", *x.result.tier);
  else
    j.field_null("tier");
  j.field("award", x.result.award);
  j.field("aggregation", to_string(x.aggregation.method));
  j.field_bool("normalized", x.normalized);
  j.key("lines");
  j.out += '[';
  for (std::size_t i = 0; i < x.lines.size(); ++i) {
    const IndicatorLine& l = x.lines[i];
    if (i > 0) j.out += ',';
    Json o;
    o.out += '{';
    o.field("code", l.code);
    o.field("name", l.name);
    o.field("kind", enum_name(l.kind));
    o.field("method", to_string(l.method));
    if (l.value)
      o.field("value", l.value->to_string());
    else
      o.field_null("value");
    o.field("weight", l.weight.to_string());
    o.field("contribution", l.contribution.to_string());
    o.field("figure", l.figure);
    // Keys of the rubric extensions appear only where they apply (older output unchanged).
    if (l.points) o.field("points", l.points->to_string());
    if (l.band) {
      o.key("band");
      o.out += '{';
      Json b;
      b.field("at_least", l.band->at_least.to_string());
      b.field("min", l.band->min.to_string());
      b.field("max", l.band->max.to_string());
      o.out += b.out + '}';
    }
    o.key("marks");
    o.out += '[';
    for (std::size_t k = 0; k < l.marks.size(); ++k) {
      const JudgeMark& m = l.marks[k];
      if (k > 0) o.out += ',';
      Json mj;
      mj.out += '{';
      mj.field("judge", m.judge.value());
      mj.field("mark", m.mark.to_string());
      if (m.normalized)
        mj.field("normalized", m.normalized->to_string());
      else
        mj.field_null("normalized");
      mj.field_bool("dropped", m.dropped);
      mj.out += '}';
      o.out += mj.out;
    }
    o.out += "]}";
    j.out += o.out;
  }
  j.out += ']';
  auto strings = [&](std::string_view k, const std::vector<std::string>& v) {
    j.key(k);
    j.out += '[';
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i > 0) j.out += ',';
      json_string(j.out, v[i]);
    }
    j.out += ']';
  };
  strings("conversions", x.conversions);
  strings("vetoes", x.vetoes);
  if (x.full_score) j.field("full_score", x.full_score->to_string());
  if (!x.prize.empty()) {
    j.field("prize", x.result.prize ? x.result.prize->to_string() : std::string());
    j.field("prize_basis", x.prize);
  }
  j.out += '}';
  return j.out;
}

}  // namespace v1
}  // namespace kexie
