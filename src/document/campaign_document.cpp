// kexie.campaign/1: reading and writing a campaign's rules.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "document/json_value.hpp"
#include "document/reader.hpp"
#include "document/rubric_document.hpp"
#include "kexie/campaign_document.hpp"
#include "kexie/registry.hpp"

namespace kexie {
inline namespace v1 {

namespace {

using detail::doc::Kind;
using detail::doc::Object;
using detail::doc::Problems;
using detail::doc::Value;
namespace doc = detail::doc;
namespace json = detail::json;

constexpr std::string_view kFormat = "kexie.campaign/1";

// The energy tables a document may name: the library's own, by name and edition.
std::optional<CoefficientTable> coefficient_table(std::string_view name, std::string_view edition) {
  if (const auto& t = CoefficientTable::gb_t_2589(); t.name() == name && t.edition() == edition)
    return t;
  for (NaturalGasBasis b : enum_values<NaturalGasBasis>()) {
    CoefficientTable t = CoefficientTable::gb_t_2589(b);
    if (t.name() == name && t.edition() == edition) return t;
  }
  return std::nullopt;
}

void read_panel(Problems& p, const Value* v, const std::string& at, PanelRules& panel) {
  Object o(p, v, at,
           {"aggregation", "normalization", "min_judges", "max_judges_per_entry", "veto_threshold",
            "experts", "expert_field_match"});
  if (!o.ok()) return;
  if (const Value* a = o.get("aggregation", false)) {
    Object ag(p, a, o.at("aggregation"), {"method", "drop_low", "drop_high", "trim_from"});
    if (auto m = ag.choice<AggregationMethod>("method", true)) {
      panel.aggregation = *m == AggregationMethod::mean     ? Aggregation::plain_mean()
                          : *m == AggregationMethod::median ? Aggregation::median()
                                                            : Aggregation::standard();
    }
    const bool trimmed = panel.aggregation.method == AggregationMethod::trimmed_mean;
    if (trimmed) {
      if (auto n = ag.integer("drop_low", false, 0, 255))
        panel.aggregation.drop_low = static_cast<std::uint8_t>(*n);
      if (auto n = ag.integer("drop_high", false, 0, 255))
        panel.aggregation.drop_high = static_cast<std::uint8_t>(*n);
      if (auto n = ag.integer("trim_from", false, 0, 255))
        panel.aggregation.trim_from = static_cast<std::uint8_t>(*n);
      if (!panel.aggregation.ok()) {
        p.add(a, o.at("aggregation"),
              "a trimmed mean must keep a mark: trim_from must exceed drop_low + drop_high");
      }
    } else {
      for (std::string_view k : {"drop_low", "drop_high", "trim_from"})
        ag.forbid(k, "only a trimmed mean drops marks");
    }
  }
  if (const Value* n = o.get("normalization", false)) {
    Object no(p, n, o.at("normalization"), {"enabled", "min_sample"});
    if (auto e = no.flag("enabled", true)) panel.normalization.enabled = *e;
    if (auto s = no.integer("min_sample", false, 2, 1'000'000))
      panel.normalization.min_sample = static_cast<std::uint32_t>(*s);
  }
  if (auto n = o.integer("min_judges", false, 1, 64))
    panel.min_judges = static_cast<std::uint32_t>(*n);
  if (auto n = o.integer("max_judges_per_entry", false, 1, 64))
    panel.max_judges_per_entry = static_cast<std::uint32_t>(*n);
  if (auto n = o.integer("veto_threshold", false, 1, 64))
    panel.veto_threshold = static_cast<std::uint32_t>(*n);
  if (panel.min_judges > panel.max_judges_per_entry) {
    p.add(o.get("min_judges", false), o.at("min_judges"),
          "min_judges exceeds max_judges_per_entry (" + std::to_string(panel.max_judges_per_entry) +
              ")");
  }
  if (auto e = o.choice<ExpertRule>("experts", false)) panel.experts = *e;
  if (auto f = o.flag("expert_field_match", false)) panel.expert_field_match = *f;
}

void read_eligibility(Problems& p, const Value* list, const std::string& at,
                      std::vector<EligibilityRule>& out) {
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    Object o(p, &list->items[i], json::pointer_append(at, i), {"rule", "n", "on"});
    const auto kind = o.choice<EligibilityRule::Kind>("rule", true);
    if (!kind) continue;
    EligibilityRule r;
    r.kind = *kind;
    if (*kind == EligibilityRule::Kind::requires_focus) {
      o.forbid("n", "requires_focus has no limit");
      o.forbid("on", "requires_focus has no reference day");
    } else {
      if (auto n = o.integer("n", true, 0, 1200)) r.n = static_cast<std::int32_t>(*n);
      if (*kind == EligibilityRule::Kind::max_team_size) {
        o.forbid("on", "max_team_size has no reference day");
      } else if (auto d = o.date("on", true)) {
        r.on = *d;
      }
    }
    out.push_back(r);
  }
}

void read_tie_breaks(Problems& p, const Value* list, const std::string& at,
                     std::vector<TieBreak>& out) {
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    Object o(p, &list->items[i], json::pointer_append(at, i), {"by", "indicator", "figure"});
    const auto kind = o.choice<TieBreak::Kind>("by", true);
    if (!kind) continue;
    TieBreak t;
    t.kind = *kind;
    if (*kind == TieBreak::Kind::indicator) {
      if (auto c = o.text("indicator", true)) t.code = *c;
    } else {
      o.forbid("indicator", "only a tie-break by indicator names one");
    }
    if (*kind == TieBreak::Kind::figure) {
      if (auto f = o.choice<ClaimedFigure>("figure", true)) t.figure_key = *f;
    } else {
      o.forbid("figure", "only a tie-break by figure names one");
    }
    out.push_back(t);
  }
}

void read_awards(Problems& p, const Value* v, const std::string& at, AwardScheme& awards) {
  Object o(p, v, at,
           {"tiers", "boundary_ties", "cusp_margin", "advanced_units", "advanced_individuals"});
  if (!o.ok()) return;
  if (const Value* tiers = o.array("tiers", true)) {
    for (std::size_t i = 0; i < tiers->items.size(); ++i) {
      Object t(p, &tiers->items[i], json::pointer_append(o.at("tiers"), i),
               {"name", "quota", "share", "count", "rounding", "min_score"});
      static constexpr std::array<std::string_view, 2> kQuota{"share", "count"};
      const Value* q = t.get("quota", true);
      const auto quota = q ? doc::read_choice(p, *q, t.at("quota"), kQuota) : std::nullopt;
      AwardTier tier;
      if (auto n = t.text("name", true)) tier.name = *n;
      if (auto m = t.decimal("min_score", false)) tier.min_score = *m;
      if (quota == 0u) {
        tier.by_count = false;
        t.forbid("count", "a share quota has no count");
        if (auto s = t.decimal("share", true)) {
          tier.share = *s;
          if (s->signum() < 0 || *s > Decimal(1))
            p.add(t.get("share", true), t.at("share"), "a share lies in [0, 1]");
        }
        if (auto r = t.choice<Rounding>("rounding", false)) tier.rounding = *r;
      } else if (quota == 1u) {
        tier.by_count = true;
        t.forbid("share", "a count quota has no share");
        t.forbid("rounding", "a count quota is not rounded");
        if (auto c = t.integer("count", true, 0, 1'000'000))
          tier.count = static_cast<std::uint32_t>(*c);
      }
      awards.tiers.push_back(tier);
    }
  }
  if (auto b = o.choice<BoundaryTies>("boundary_ties", false)) awards.boundary_ties = *b;
  if (auto m = o.decimal("cusp_margin", false)) awards.cusp_margin = *m;
  if (const Value* u = o.get("advanced_units", false)) {
    Object uo(p, u, o.at("advanced_units"),
              {"min_awarded_entries", "min_participation_rate", "min_tce_saved", "max_units"});
    if (auto n = uo.integer("min_awarded_entries", false, 0, 1'000'000))
      awards.units.min_awarded_entries = static_cast<std::uint32_t>(*n);
    if (auto d = uo.decimal("min_participation_rate", false))
      awards.units.min_participation_rate = *d;
    if (auto d = uo.decimal("min_tce_saved", false)) awards.units.min_tce_saved = *d;
    if (auto n = uo.integer("max_units", false, 0, 1'000'000))
      awards.units.max_units = static_cast<std::uint32_t>(*n);
  }
  if (const Value* u = o.get("advanced_individuals", false)) {
    Object io(p, u, o.at("advanced_individuals"), {"top_tiers", "min_share", "max_people"});
    if (auto n = io.integer("top_tiers", false, 0, 1'000'000))
      awards.individuals.top_tiers = static_cast<std::uint32_t>(*n);
    if (auto d = io.decimal("min_share", false)) awards.individuals.min_share = *d;
    if (auto n = io.integer("max_people", false, 0, 1'000'000))
      awards.individuals.max_people = static_cast<std::uint32_t>(*n);
  }
}

// An inline coefficient table: {"name", "edition", "source", "entries": [...]}, each
// entry set through the table's own checks (a refusal is a problem at the entry).
void read_coefficient_entries(Problems& p, Object& co, const std::string& name,
                              const std::string& edition, CampaignSpec& spec) {
  CoefficientTable table(name, edition, co.text("source", false).value_or(""));
  const Value* list = co.array("entries", true);
  if (list == nullptr) return;
  std::array<bool, enum_count<Carrier>> seen{};
  bool ok = true;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const std::string at = json::pointer_append(co.at("entries"), i);
    Object e(p, &list->items[i], at,
             {"carrier", "kgce_per_unit", "per_unit", "source", "range_check"});
    const auto carrier = e.choice<Carrier>("carrier", true);
    const auto value = e.decimal("kgce_per_unit", true);
    const auto unit = e.choice<Unit>("per_unit", true);
    const auto source = e.text("source", false);
    const auto check = e.choice<RangeCheck>("range_check", false);
    if (!carrier || !value || !unit) {
      ok = false;
      continue;
    }
    if (seen[static_cast<std::size_t>(*carrier)]) {
      p.add(e.get("carrier", true), e.at("carrier"),
            "carrier " + std::string(to_string(*carrier)) + " given twice");
      ok = false;
      continue;
    }
    seen[static_cast<std::size_t>(*carrier)] = true;
    if (auto s = table.set(*carrier, *value, *unit, source.value_or(""),
                           check.value_or(RangeCheck::enforce));
        !s) {
      p.add(&list->items[i], at, s.error());
      ok = false;
    }
  }
  if (ok) spec.energy_table = std::move(table);
}

// An inline grid factor table: {"name", "edition", "source", "factors": [...]}.
void read_grid_factors(Problems& p, Object& go, const std::string& name, const std::string& edition,
                       CampaignSpec& spec) {
  GridFactorTable table(name, edition, go.text("source", false).value_or(""));
  const Value* list = go.array("factors", true);
  if (list == nullptr) return;
  bool ok = true;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const std::string at = json::pointer_append(go.at("factors"), i);
    Object f(p, &list->items[i], at,
             {"first_year", "last_year", "method", "t_co2_per_mwh", "source", "confirmed"});
    const auto first = f.integer("first_year", true, 1900, 2200);
    const auto last = f.integer("last_year", true, 1900, 2200);
    const auto method = f.choice<GridFactorMethod>("method", true);
    const auto value = f.decimal("t_co2_per_mwh", true);
    const auto source = f.text("source", false);
    const auto confirmed = f.flag("confirmed", false);
    if (!first || !last || !method || !value) {
      ok = false;
      continue;
    }
    GridFactor factor{static_cast<int>(*first), static_cast<int>(*last),  *method, *value,
                      source.value_or(""),      confirmed.value_or(false)};
    const bool duplicate =
        std::any_of(table.factors().begin(), table.factors().end(), [&](const GridFactor& g) {
          return g.first_year == factor.first_year && g.last_year == factor.last_year &&
                 g.method == factor.method;
        });
    if (duplicate) {
      p.add(&list->items[i], at, "a factor for these years and method given twice");
      ok = false;
    } else if (auto s = table.set(std::move(factor)); !s) {
      p.add(&list->items[i], at, s.error());
      ok = false;
    }
  }
  if (ok) spec.grid_table = std::move(table);
}

void read_energy(Problems& p, const Value* v, const std::string& at, CampaignSpec& spec) {
  Object o(p, v, at, {"coefficients", "grid_factors", "grid_method", "fuel_carbon"});
  if (!o.ok()) return;
  // A table named by name and edition is one this build knows; a table with its
  // entries inline is the caller's own (a custom table, or a derived one).
  if (const Value* c = o.get("coefficients", false)) {
    Object co(p, c, o.at("coefficients"), {"name", "edition", "source", "entries"});
    const auto name = co.text("name", true);
    const auto edition = co.text("edition", true);
    if (co.get("entries", false) != nullptr) {
      if (name && edition) read_coefficient_entries(p, co, *name, *edition, spec);
    } else if (name && edition) {
      co.forbid("source", "a table named without its entries is one this build knows");
      if (auto t = coefficient_table(*name, *edition)) {
        spec.energy_table = *t;
      } else {
        p.add(c, o.at("coefficients"),
              "unknown coefficient table " + quote_input(*name) + " edition " +
                  quote_input(*edition) +
                  " (this build knows \"GB/T 2589\" 2020 and its "
                  "natural-gas variants; give a table of your own with its \"entries\")");
      }
    }
  }
  if (const Value* g = o.get("grid_factors", false)) {
    Object go(p, g, o.at("grid_factors"), {"name", "edition", "source", "factors"});
    const auto name = go.text("name", true);
    const auto edition = go.text("edition", true);
    const auto& known = GridFactorTable::china_national();
    if (go.get("factors", false) != nullptr) {
      if (name && edition) read_grid_factors(p, go, *name, *edition, spec);
    } else if (name && edition) {
      go.forbid("source", "a table named without its factors is one this build knows");
      if (*name == known.name() && *edition == known.edition()) {
        spec.grid_table = known;
      } else {
        p.add(g, o.at("grid_factors"),
              "unknown grid factor table " + quote_input(*name) + " edition " +
                  quote_input(*edition) + " (this build knows \"" + known.name() + "\" " +
                  known.edition() + "; give a table of your own with its \"factors\")");
      }
    }
  }
  if (auto m = o.choice<GridFactorMethod>("grid_method", false)) spec.grid_method = *m;
  if (const Value* list = o.array("fuel_carbon", false)) {
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      Object f(p, &list->items[i], json::pointer_append(o.at("fuel_carbon"), i),
               {"fuel", "ncv_gj_per_unit", "ncv_per_unit", "carbon_t_per_gj", "oxidation_rate",
                "source"});
      FuelFactor ff;
      const auto fuel = f.choice<Carrier>("fuel", true);
      const auto ncv = f.decimal("ncv_gj_per_unit", true);
      const auto unit = f.choice<Unit>("ncv_per_unit", true);
      const auto carbon = f.decimal("carbon_t_per_gj", true);
      const auto ox = f.decimal("oxidation_rate", true);
      const auto source = f.text("source", false);
      if (fuel && ncv && unit && carbon && ox) {
        ff.fuel = *fuel;
        ff.carbon = FuelCarbon{*ncv, *unit, *carbon, *ox, source.value_or("")};
        spec.fuel_carbon.push_back(ff);
      }
    }
  }
}

// Whether `t` is, coefficient for coefficient, the table this build knows by its
// name and edition (then the document names it; otherwise it carries the entries).
bool known_table(const CoefficientTable& t) {
  const auto k = coefficient_table(t.name(), t.edition());
  return k && k->source() == t.source() && k->coefficients() == t.coefficients();
}

Value write_coefficients(const CoefficientTable& t) {
  Value co = Value::make_object();
  co.add("name", doc::text(t.name()));
  co.add("edition", doc::text(t.edition()));
  if (known_table(t)) return co;
  co.add("source", doc::text(t.source()));
  Value& list = co.add("entries", Value::make_array());
  for (const Coefficient& c : t.coefficients()) {
    Value& e = list.push(Value::make_object());
    e.add("carrier", doc::name(c.carrier));
    e.add("kgce_per_unit", doc::dec(c.kgce_per_unit));
    e.add("per_unit", doc::name(c.per_unit));
    e.add("source", doc::text(c.source));
    // Written only where it is needed: a value outside the plausible range.
    CoefficientTable probe("", "");
    if (!probe.set(c, RangeCheck::enforce)) e.add("range_check", doc::name(RangeCheck::waive));
  }
  return co;
}

Value write_grid_factors(const GridFactorTable& t) {
  Value g = Value::make_object();
  g.add("name", doc::text(t.name()));
  g.add("edition", doc::text(t.edition()));
  const auto& known = GridFactorTable::china_national();
  if (t.name() == known.name() && t.edition() == known.edition() && t.source() == known.source() &&
      t.factors() == known.factors())
    return g;
  g.add("source", doc::text(t.source()));
  Value& list = g.add("factors", Value::make_array());
  for (const GridFactor& f : t.factors()) {
    Value& e = list.push(Value::make_object());
    e.add("first_year", doc::integer(f.first_year));
    e.add("last_year", doc::integer(f.last_year));
    e.add("method", doc::name(f.method));
    e.add("t_co2_per_mwh", doc::dec(f.t_co2_per_mwh));
    e.add("source", doc::text(f.source));
    e.add("confirmed", Value::make_bool(f.confirmed));
  }
  return g;
}

}  // namespace

DocumentResult<CampaignRules> read_campaign_document(std::string_view text,
                                                     const DocumentLimits& limits) {
  json::Parsed parsed = json::parse(text, limits);
  if (!parsed.root) {
    Error e(ErrorCode::corrupt_data,
            "the campaign document was refused: " + parsed.problem.to_string());
    return {std::move(e), {parsed.problem}};
  }
  const Value& root = *parsed.root;
  Problems p(limits, text);
  std::optional<ErrorCode> code;
  Object o(p, &root, "",
           {"format", "name", "organizer", "as_of", "year", "entry_deadline", "enforce_scope",
            "rank_per_category", "panel", "eligibility", "tie_breaks", "awards", "energy",
            "categories"});
  if (!o.ok()) return {p.summary(ErrorCode::invalid_argument), p.take()};
  doc::check_format(p, o, kFormat, code);
  CampaignRules rules;
  CampaignSpec& spec = rules.spec;
  if (auto n = o.text("name", true)) spec.name = *n;
  if (auto org = o.text("organizer", true)) rules.organizer = *org;
  if (auto d = o.date("as_of", true)) spec.as_of = *d;
  if (auto y = o.integer("year", true, 1900, 2200)) spec.year = static_cast<int>(*y);
  spec.entry_deadline = o.date("entry_deadline", false);
  if (auto b = o.flag("enforce_scope", false)) spec.enforce_scope = *b;
  if (auto b = o.flag("rank_per_category", false)) spec.rank_per_category = *b;
  read_panel(p, o.get("panel", false), o.at("panel"), spec.panel);
  read_eligibility(p, o.array("eligibility", false), o.at("eligibility"), spec.eligibility);
  read_tie_breaks(p, o.array("tie_breaks", false), o.at("tie_breaks"), spec.tie_breaks);
  read_awards(p, o.get("awards", true), o.at("awards"), spec.awards);
  read_energy(p, o.get("energy", false), o.at("energy"), spec);
  if (const Value* cats = o.array("categories", true)) {
    std::array<bool, kCategoryCount> seen{};
    for (std::size_t i = 0; i < cats->items.size(); ++i) {
      const std::string at = json::pointer_append(o.at("categories"), i);
      Object c(p, &cats->items[i], at, {"category", "rubric"});
      const auto category = c.choice<Category>("category", true);
      const Value* rubric = c.get("rubric", true);
      if (!category || rubric == nullptr) continue;
      if (seen[static_cast<std::size_t>(*category)]) {
        p.add(c.get("category", true), c.at("category"),
              "category " + std::string(enum_name(*category)) + " given twice");
        continue;
      }
      seen[static_cast<std::size_t>(*category)] = true;
      if (auto r = doc::read_rubric(p, *rubric, c.at("rubric"), *category))
        rules.categories.push_back(std::move(*r));
    }
  }
  if (!p.empty()) return {p.summary(code.value_or(ErrorCode::invalid_argument)), p.take()};
  return rules;
}

std::string write_campaign_document(const CampaignRules& rules) {
  const CampaignSpec& spec = rules.spec;
  Value v = Value::make_object();
  v.add("format", doc::text(kFormat));
  v.add("name", doc::text(spec.name));
  v.add("organizer", doc::text(rules.organizer));
  v.add("as_of", doc::date(spec.as_of));
  v.add("year", doc::integer(spec.year));
  v.add("entry_deadline", spec.entry_deadline ? doc::date(*spec.entry_deadline) : Value{});
  v.add("enforce_scope", Value::make_bool(spec.enforce_scope));
  v.add("rank_per_category", Value::make_bool(spec.rank_per_category));

  Value& panel = v.add("panel", Value::make_object());
  Value& ag = panel.add("aggregation", Value::make_object());
  ag.add("method", doc::name(spec.panel.aggregation.method));
  if (spec.panel.aggregation.method == AggregationMethod::trimmed_mean) {
    ag.add("drop_low", doc::integer(spec.panel.aggregation.drop_low));
    ag.add("drop_high", doc::integer(spec.panel.aggregation.drop_high));
    ag.add("trim_from", doc::integer(spec.panel.aggregation.trim_from));
  }
  Value& no = panel.add("normalization", Value::make_object());
  no.add("enabled", Value::make_bool(spec.panel.normalization.enabled));
  no.add("min_sample", doc::integer(spec.panel.normalization.min_sample));
  panel.add("min_judges", doc::integer(spec.panel.min_judges));
  panel.add("max_judges_per_entry", doc::integer(spec.panel.max_judges_per_entry));
  panel.add("veto_threshold", doc::integer(spec.panel.veto_threshold));
  panel.add("experts", doc::name(spec.panel.experts));
  panel.add("expert_field_match", Value::make_bool(spec.panel.expert_field_match));

  Value& elig = v.add("eligibility", Value::make_array());
  for (const EligibilityRule& r : spec.eligibility) {
    Value& e = elig.push(Value::make_object());
    e.add("rule", doc::name(r.kind));
    if (r.kind != EligibilityRule::Kind::requires_focus) e.add("n", doc::integer(r.n));
    if (r.kind == EligibilityRule::Kind::max_leader_age ||
        r.kind == EligibilityRule::Kind::min_months_in_use)
      e.add("on", doc::date(r.on));
  }
  Value& ties = v.add("tie_breaks", Value::make_array());
  for (const TieBreak& t : spec.tie_breaks) {
    Value& e = ties.push(Value::make_object());
    e.add("by", doc::name(t.kind));
    if (t.kind == TieBreak::Kind::indicator) e.add("indicator", doc::text(t.code));
    if (t.kind == TieBreak::Kind::figure) e.add("figure", doc::name(t.figure_key));
  }

  Value& awards = v.add("awards", Value::make_object());
  Value& tiers = awards.add("tiers", Value::make_array());
  for (const AwardTier& t : spec.awards.tiers) {
    Value& e = tiers.push(Value::make_object());
    e.add("name", doc::text(t.name));
    e.add("quota", doc::text(t.by_count ? "count" : "share"));
    if (t.by_count) {
      e.add("count", doc::integer(t.count));
    } else {
      e.add("share", doc::dec(t.share));
      e.add("rounding", doc::name(t.rounding));
    }
    e.add("min_score", doc::dec(t.min_score));
  }
  awards.add("boundary_ties", doc::name(spec.awards.boundary_ties));
  awards.add("cusp_margin", doc::dec(spec.awards.cusp_margin));
  Value& units = awards.add("advanced_units", Value::make_object());
  units.add("min_awarded_entries", doc::integer(spec.awards.units.min_awarded_entries));
  units.add("min_participation_rate", doc::dec(spec.awards.units.min_participation_rate));
  units.add("min_tce_saved", doc::dec(spec.awards.units.min_tce_saved));
  units.add("max_units", doc::integer(spec.awards.units.max_units));
  Value& people = awards.add("advanced_individuals", Value::make_object());
  people.add("top_tiers", doc::integer(spec.awards.individuals.top_tiers));
  people.add("min_share", doc::dec(spec.awards.individuals.min_share));
  people.add("max_people", doc::integer(spec.awards.individuals.max_people));

  Value& energy = v.add("energy", Value::make_object());
  energy.add("coefficients", write_coefficients(spec.energy_table));
  energy.add("grid_factors", write_grid_factors(spec.grid_table));
  energy.add("grid_method", doc::name(spec.grid_method));
  Value& fuels = energy.add("fuel_carbon", Value::make_array());
  for (const FuelFactor& f : spec.fuel_carbon) {
    Value& e = fuels.push(Value::make_object());
    e.add("fuel", doc::name(f.fuel));
    e.add("ncv_gj_per_unit", doc::dec(f.carbon.ncv_gj_per_unit));
    e.add("ncv_per_unit", doc::name(f.carbon.ncv_per_unit));
    e.add("carbon_t_per_gj", doc::dec(f.carbon.carbon_t_per_gj));
    e.add("oxidation_rate", doc::dec(f.carbon.oxidation_rate));
    e.add("source", doc::text(f.carbon.source));
  }

  Value& cats = v.add("categories", Value::make_array());
  for (const CategoryRules& c : rules.categories) {
    Value& e = cats.push(Value::make_object());
    e.add("category", doc::name(c.category));
    e.add("rubric", doc::write_rubric(c));
  }
  return json::write(v);
}

CampaignRules campaign_rules(const Campaign& campaign, std::string organizer_code) {
  CampaignRules rules;
  rules.spec = campaign.spec();
  rules.organizer = std::move(organizer_code);
  for (Category c : enum_values<Category>()) {
    auto r = campaign.rubric(c);
    if (r) {
      std::vector<AhpDerivation> ahp(r->ahp_provenance().begin(), r->ahp_provenance().end());
      rules.categories.push_back(CategoryRules{c, *r, std::move(ahp)});
    }
  }
  return rules;
}

Result<Campaign> build_campaign(const Registry& registry, const CampaignRules& rules,
                                OrgId organizer) {
  CampaignSpec spec = rules.spec;
  spec.organizer = organizer;
  auto campaign = Campaign::create(registry, std::move(spec));
  if (!campaign) return campaign.error();
  for (const CategoryRules& c : rules.categories) {
    Rubric rubric = c.rubric;
    // Rules assembled by hand may carry the derivations beside a rubric without them:
    // the live rubric keeps them, so campaign_rules gives them back.
    if (rubric.ahp_provenance().empty() && !c.derivations.empty()) {
      auto kept = rubric.with_ahp_provenance(c.derivations);
      if (!kept) return kept.error();
      rubric = std::move(kept).value();
    }
    if (auto s = campaign->set_rubric(c.category, std::move(rubric)); !s) return s.error();
  }
  return campaign;
}

}  // namespace v1
}  // namespace kexie
