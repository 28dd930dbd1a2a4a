// The interim text forms of rubric_text.hpp: rubric lines, tie-break chains and
// tier tables, parsed into the values Rubric::build and CampaignSpec take.
#include "kexie/rubric_text.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>

#include "kexie/enum_names.hpp"
#include "kexie/text.hpp"

namespace kexie {
inline namespace v1 {

namespace {

// The pieces of `text` between the separators; one empty piece for "".
std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = text.find(sep, start);
    out.push_back(
        text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

Error invalid(std::string message) {
  return Error(ErrorCode::invalid_argument, std::move(message));
}

// A decimal field; refusals keep the parser's code and say which field it was.
Result<Decimal> decimal_field(std::string_view text, std::string_view what,
                              std::string_view where = {}) {
  Result<Decimal> d = Decimal::parse(text);
  if (d) return d;
  const Error& e = d.error();
  return Error(e.code(), std::string(where) + std::string(what) + ": " + e.message(), e.rule(),
               e.article());
}

// An optional decimal field: empty means zero.
Result<Decimal> optional_decimal(std::string_view text, std::string_view what,
                                 std::string_view where) {
  if (text.empty()) return Decimal(0);
  return decimal_field(text, what, where);
}

// The fields of a rubric line, in order.
enum Field : std::size_t {
  kCode,
  kName,
  kParent,
  kKind,
  kWeight,
  kMin,
  kMax,
  kStep,
  kFigure,
  kTiers,
  kFloor,
  kPerUnit,
  kCap,
  kBonusCap,
  kFieldCount
};
constexpr std::size_t kRequiredFields = kKind + 1;

}  // namespace

Result<ClaimedFigure> parse_claimed_figure(std::string_view name) {
  if (const std::optional<ClaimedFigure> f = enum_from_string<ClaimedFigure>(name)) return *f;
  return invalid("unknown claimed figure " + quote_input(name));
}

Result<std::vector<Tier>> parse_tier_table(std::string_view text) {
  std::vector<Tier> out;
  if (text.empty()) return out;
  for (const std::string_view raw : split(text, ';')) {
    const std::string_view t = trim(raw);
    if (t.empty()) continue;
    const std::size_t colon = t.find(':');
    if (colon == std::string_view::npos) {
      return invalid("tier " + quote_input(t) + " is not at_least:points");
    }
    Result<Decimal> at_least = decimal_field(t.substr(0, colon), "tier threshold");
    if (!at_least) return at_least.error();
    Result<Decimal> points = decimal_field(t.substr(colon + 1), "tier points");
    if (!points) return points.error();
    out.push_back({*at_least, *points});
  }
  return out;
}

Result<std::vector<TieBreak>> parse_tie_breaks(std::string_view text) {
  static constexpr std::string_view kIndicator = "indicator:";
  static constexpr std::string_view kFigure = "figure:";
  std::vector<TieBreak> out;
  if (text.empty()) return out;
  for (const std::string_view raw : split(text, ',')) {
    const std::string_view t = trim(raw);
    if (t == enum_name(TieBreak::Kind::objective_total)) {
      out.push_back(TieBreak::objective_total());
    } else if (t == enum_name(TieBreak::Kind::top_marks)) {
      out.push_back(TieBreak::top_marks());
    } else if (t.starts_with(kIndicator)) {
      out.push_back(TieBreak::indicator(std::string(t.substr(kIndicator.size()))));
    } else if (t.starts_with(kFigure)) {
      Result<ClaimedFigure> f = parse_claimed_figure(t.substr(kFigure.size()));
      if (!f) return f.error();
      out.push_back(TieBreak::figure(*f));
    } else {
      return invalid("unknown tie-break " + quote_input(t));
    }
  }
  return out;
}

Result<std::vector<IndicatorSpec>> parse_rubric_lines(std::string_view text) {
  std::vector<IndicatorSpec> out;
  int line_no = 0;
  for (const std::string_view raw : split(text, '\n')) {
    ++line_no;
    const std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    const std::string where = "rubric line " + std::to_string(line_no) + ": ";
    std::array<std::string_view, kFieldCount> f{};
    const std::vector<std::string_view> fields = split(line, '|');
    if (fields.size() < kRequiredFields || fields.size() > kFieldCount) {
      return invalid(where + "expected " + std::to_string(kRequiredFields) + " to " +
                     std::to_string(kFieldCount) + " '|'-separated fields");
    }
    for (std::size_t k = 0; k < fields.size(); ++k) f[k] = trim(fields[k]);

    IndicatorSpec s;
    s.code = std::string(f[kCode]);
    s.name = std::string(f[kName]);
    s.parent = std::string(f[kParent]);
    const std::optional<IndicatorKind> kind = enum_from_string<IndicatorKind>(f[kKind]);
    if (!kind) return invalid(where + "unknown kind " + quote_input(f[kKind]));
    s.kind = *kind;
    if (s.kind == IndicatorKind::objective) {
      if (f[kFigure].empty()) return invalid(where + "an objective indicator needs a figure");
      Result<ClaimedFigure> figure = parse_claimed_figure(f[kFigure]);
      if (!figure) return invalid(where + figure.error().message());
      s.objective.figure = *figure;
    }
    // Each decimal field, in the order of the line.
    const auto number = [&](Field k, const char* what, Decimal& into) -> Status {
      Result<Decimal> d = optional_decimal(f[k], what, where);
      if (!d) return d.error();
      into = *d;
      return {};
    };
    Status st = number(kWeight, "weight", s.weight);
    if (st) st = number(kMin, "min", s.scale.min);
    if (st) st = number(kMax, "max", s.scale.max);
    if (st) st = number(kStep, "step", s.scale.step);
    if (st && s.kind == IndicatorKind::objective) {
      Result<std::vector<Tier>> tiers = parse_tier_table(f[kTiers]);
      if (!tiers) {
        const Error& e = tiers.error();
        return Error(e.code(), where + "tiers: " + e.message(), e.rule(), e.article());
      }
      s.objective.tiers = std::move(tiers).value();
      st = number(kFloor, "floor", s.objective.floor);
      if (st) st = number(kPerUnit, "per_unit", s.objective.per_unit);
      if (st) st = number(kCap, "cap", s.objective.cap);
    }
    if (st) st = number(kBonusCap, "bonus_cap", s.bonus_cap);
    if (!st) return st.error();
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace v1
}  // namespace kexie
