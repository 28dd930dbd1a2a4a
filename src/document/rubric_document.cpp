// A rubric in the campaign document: the indicator tree, nested as people draw it,
// with weights given on each child or derived from the parent's AHP judgements.
#include "document/rubric_document.hpp"

#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kexie/weights.hpp"

namespace kexie::detail::doc {

std::string_view figure_unit(ClaimedFigure figure) noexcept {
  switch (figure) {
    case ClaimedFigure::annual_benefit_yuan:
      return "yuan";
    case ClaimedFigure::energy_saved_tce:
      return "tce";
    case ClaimedFigure::co2_avoided_t:
      return "t CO2";
    case ClaimedFigure::material_saved_t:
      return "t";
    case ClaimedFigure::efficiency_gain_percent:
      return "%";
    case ClaimedFigure::hours_saved:
      return "h";
    case ClaimedFigure::patents_granted_invention:
    case ClaimedFigure::patents_granted_other:
    case ClaimedFigure::patents_filed:
      return "patents";
    case ClaimedFigure::achievements_transformed:
      return "achievements";
  }
  return "";
}

namespace {

// An AHP block waiting for its children's positions.
struct PendingAhp {
  std::string group;
  const Value* value = nullptr;
  std::string pointer;
  std::vector<std::size_t> children;  // indices into the spec list
};

std::optional<MarkScale> read_scale(Problems& p, const Value* v, const std::string& at) {
  Object o(p, v, at, {"min", "max", "step"});
  const auto lo = o.decimal("min", true);
  const auto hi = o.decimal("max", true);
  const auto step = o.decimal("step", true);
  if (!lo || !hi || !step) return std::nullopt;
  return MarkScale{*lo, *hi, *step};
}

std::optional<ObjectiveMap> read_objective(Problems& p, const Value* v, const std::string& at) {
  Object o(p, v, at, {"figure", "unit", "tiers", "floor", "per_unit", "cap"});
  if (!o.ok()) return std::nullopt;
  ObjectiveMap m;
  const auto figure = o.choice<ClaimedFigure>("figure", true);
  if (figure) m.figure = *figure;
  if (const auto unit = o.text("unit", false); unit && figure && *unit != figure_unit(*figure)) {
    p.add(o.get("unit", false), o.at("unit"),
          "the unit of " + std::string(enum_name(*figure)) + " is \"" +
              std::string(figure_unit(*figure)) + "\", not " + quote_input(*unit));
  }
  const auto floor = o.decimal("floor", true);
  if (floor) m.floor = *floor;
  const Value* tiers = o.array("tiers", false);
  if (tiers != nullptr && !tiers->items.empty()) {
    o.forbid("per_unit", "a tier table has no per_unit (that is the linear map's)");
    o.forbid("cap", "a tier table has no cap (that is the linear map's)");
    for (std::size_t i = 0; i < tiers->items.size(); ++i) {
      Object t(p, &tiers->items[i], json::pointer_append(o.at("tiers"), i), {"at_least", "points"});
      const auto at_least = t.decimal("at_least", true);
      const auto points = t.decimal("points", true);
      if (at_least && points) m.tiers.push_back({*at_least, *points});
    }
  } else {
    const auto per_unit = o.decimal("per_unit", true);
    const auto cap = o.decimal("cap", true);
    if (per_unit) m.per_unit = *per_unit;
    if (cap) m.cap = *cap;
  }
  if (!figure || !floor) return std::nullopt;
  return m;
}

std::optional<MarkBands> read_bands(Problems& p, const Value* v, const std::string& at) {
  Object o(p, v, at, {"figure", "unit", "bands"});
  if (!o.ok()) return std::nullopt;
  MarkBands m;
  const auto figure = o.choice<ClaimedFigure>("figure", true);
  if (figure) m.figure = *figure;
  if (const auto unit = o.text("unit", false); unit && figure && *unit != figure_unit(*figure)) {
    p.add(o.get("unit", false), o.at("unit"),
          "the unit of " + std::string(enum_name(*figure)) + " is \"" +
              std::string(figure_unit(*figure)) + "\", not " + quote_input(*unit));
  }
  if (const Value* list = o.array("bands", true)) {
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      Object b(p, &list->items[i], json::pointer_append(o.at("bands"), i),
               {"at_least", "min", "max"});
      const auto at_least = b.decimal("at_least", true);
      const auto lo = b.decimal("min", true);
      const auto hi = b.decimal("max", true);
      if (at_least && lo && hi) m.bands.push_back({*at_least, *lo, *hi});
    }
  }
  if (!figure) return std::nullopt;
  return m;
}

std::optional<PrizeRule> read_prize(Problems& p, const Value* v, const std::string& at) {
  Object o(p, v, at, {"figure", "unit", "threshold", "share", "cap", "awarded_only"});
  if (!o.ok()) return std::nullopt;
  PrizeRule r;
  const auto figure = o.choice<ClaimedFigure>("figure", true);
  if (figure) r.figure = *figure;
  if (const auto unit = o.text("unit", false); unit && figure && *unit != figure_unit(*figure)) {
    p.add(o.get("unit", false), o.at("unit"),
          "the unit of " + std::string(enum_name(*figure)) + " is \"" +
              std::string(figure_unit(*figure)) + "\", not " + quote_input(*unit));
  }
  const auto threshold = o.decimal("threshold", true);
  const auto share = o.decimal("share", true);
  if (threshold) r.threshold = *threshold;
  if (share) r.share = *share;
  r.cap = o.decimal("cap", false);
  if (auto b = o.flag("awarded_only", false)) r.awarded_only = *b;
  if (!figure || !threshold || !share) return std::nullopt;
  return r;
}

// A judged leaf's bands, applied after the build through Rubric::with_bands.
struct PendingBands {
  std::string code;
  MarkBands bands;
  const Value* value = nullptr;
  std::string pointer;
};

class RubricReader {
 public:
  RubricReader(Problems& p, bool points_sheet) : p_(p), points_sheet_(points_sheet) {}

  // Reads the indicators of `list`; `ahp` is the index in `pending` of the block
  // that derives their weights, if any.
  void level(const Value* list, const std::string& at, const std::string& parent,
             std::optional<std::size_t> ahp) {
    if (list == nullptr) return;
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      one(list->items[i], json::pointer_append(at, i), parent, ahp);
    }
  }

  std::vector<IndicatorSpec> specs;
  std::vector<PendingAhp> pending;
  std::vector<PendingBands> bands;

 private:
  void one(const Value& v, const std::string& at, const std::string& parent,
           std::optional<std::size_t> ahp) {
    Object o(p_, &v, at,
             {"code", "name", "kind", "weight", "points", "ahp", "children", "scale", "bands",
              "objective", "cap"});
    if (!o.ok()) return;
    IndicatorSpec s;
    s.parent = parent;
    if (auto code = o.text("code", true)) s.code = *code;
    if (auto name = o.text("name", true)) s.name = *name;
    const auto kind = o.choice<IndicatorKind>("kind", true);
    if (!kind) return;
    s.kind = *kind;
    const bool tree = s.kind == IndicatorKind::group || s.kind == IndicatorKind::judged ||
                      s.kind == IndicatorKind::objective;
    const std::size_t index = specs.size();
    if (!tree) {
      o.forbid("weight", "bonus and veto items carry no weight");
      o.forbid("points", "bonus and veto items carry no points");
    } else if (points_sheet_) {
      o.forbid("weight", "a points sheet gives points, not weights");
      o.forbid("ahp", "a points sheet gives points, not AHP judgements");
      if (auto pts = o.decimal("points", true))
        s.weight = *pts;  // build_points reads weight as points
    } else if (ahp) {
      o.forbid("points", "points belong to a points sheet (a rubric with a full_score)");
      o.forbid("weight",
               "derived from the parent's ahp judgements; give either judgements or weights");
      pending[*ahp].children.push_back(index);
    } else {
      o.forbid("points", "points belong to a points sheet (a rubric with a full_score)");
      if (auto w = o.decimal("weight", true)) s.weight = *w;
    }
    const bool group = s.kind == IndicatorKind::group;
    const bool scaled = s.kind == IndicatorKind::judged || s.kind == IndicatorKind::bonus;
    const std::string kind_name(enum_name(s.kind));
    if (!group) {
      o.forbid("children", "only a group has children (this is " + kind_name + ")");
      o.forbid("ahp", "only a group derives its children's weights (this is " + kind_name + ")");
    }
    if (!scaled) o.forbid("scale", "only judged and bonus indicators have a scale");
    if (s.kind != IndicatorKind::objective)
      o.forbid("objective", "only an objective indicator has an objective map");
    if (s.kind != IndicatorKind::bonus) o.forbid("cap", "only a bonus item has a cap");
    if (s.kind != IndicatorKind::judged) o.forbid("bands", "only a judged indicator has bands");
    if (scaled) {
      // On a points sheet a judged leaf's scale may be left out: [0, points] in steps of 1.
      const bool required = !(points_sheet_ && s.kind == IndicatorKind::judged);
      if (const Value* sv = o.get("scale", required)) {
        if (auto sc = read_scale(p_, sv, o.at("scale"))) s.scale = *sc;
      }
    }
    if (s.kind == IndicatorKind::judged) {
      if (const Value* b = o.get("bands", false)) {
        if (auto m = read_bands(p_, b, o.at("bands")))
          bands.push_back({s.code, *m, b, o.at("bands")});
      }
    }
    if (s.kind == IndicatorKind::objective) {
      if (auto m = read_objective(p_, o.get("objective", true), o.at("objective")))
        s.objective = *m;
    }
    if (s.kind == IndicatorKind::bonus) {
      if (auto cap = o.decimal("cap", true)) s.bonus_cap = *cap;
    }
    specs.push_back(s);
    if (group) {
      const Value* children = o.array("children", true);
      std::optional<std::size_t> mine;
      if (const Value* a = o.get("ahp", false)) {
        pending.push_back({s.code, a, o.at("ahp"), {}});
        mine = pending.size() - 1;
      }
      level(children, o.at("children"), s.code, mine);
    }
  }

  Problems& p_;
  bool points_sheet_ = false;
};

bool same_double(double a, double b) {
  return std::fabs(a - b) <= 1e-12 * std::max(1.0, std::fabs(a));
}

// Derives the weights of one AHP block and puts them on its children.
std::optional<AhpDerivation> derive(Problems& p, const PendingAhp& pend,
                                    std::vector<IndicatorSpec>& specs) {
  Object o(p, pend.value, pend.pointer,
           {"judgements", "method", "ri_table", "threshold", "pass_rule", "places", "derived"});
  if (!o.ok()) return std::nullopt;
  AhpDerivation d;
  d.group = pend.group;
  const std::size_t before = p.count();
  if (auto m = o.choice<AhpMethod>("method", false)) d.method = *m;
  if (auto t = o.choice<RandomIndexTable>("ri_table", false)) d.ri_table = *t;
  if (auto t = o.number("threshold", false)) d.threshold = *t;
  if (auto r = o.choice<PassRule>("pass_rule", false)) d.pass_rule = *r;
  if (auto n = o.integer("places", false, 1, 8)) d.places = static_cast<int>(*n);
  const Value* js = o.array("judgements", true);
  const std::size_t n = pend.children.size();
  if (js != nullptr) {
    for (std::size_t i = 0; i < js->items.size(); ++i) {
      if (auto x = read_number(p, js->items[i], json::pointer_append(o.at("judgements"), i)))
        d.judgements.push_back(*x);
    }
    if (js->items.size() != n * (n - 1) / 2) {
      p.add(js, o.at("judgements"),
            "expected " + std::to_string(n * (n - 1) / 2) + " judgements (the upper triangle for " +
                std::to_string(n) + " weighted children, row by row), found " +
                std::to_string(js->items.size()));
    }
  }
  const Value* recorded = o.get("derived", false);
  Object rec(p, recorded, o.at("derived"), {"weights", "ri", "cr"});
  if (p.count() != before || n == 0) {
    if (n == 0) p.add(pend.value, pend.pointer, "ahp judgements for a level without children");
    return std::nullopt;
  }
  AhpOptions options;
  options.method = d.method;
  options.ri_table = d.ri_table;
  options.threshold = d.threshold;
  options.pass_rule = d.pass_rule;
  options.require_consistency = true;
  auto matrix = pairwise_from_upper(n, d.judgements);
  if (!matrix) {
    p.add(js, o.at("judgements"), matrix.error());
    return std::nullopt;
  }
  auto result = ahp(*matrix, options);
  if (!result) {
    p.add(js, o.at("judgements"), result.error());
    return std::nullopt;
  }
  auto weights = quantize_weights(result->weights, d.places);
  if (!weights) {
    p.add(pend.value, pend.pointer, weights.error());
    return std::nullopt;
  }
  d.weights = *weights;
  d.ri = result->ri;
  d.cr = result->cr;
  for (std::size_t k = 0; k < n; ++k) specs[pend.children[k]].weight = d.weights[k];
  if (rec.ok()) {
    if (const Value* w = rec.array("weights", false)) {
      bool same = w->items.size() == n;
      for (std::size_t k = 0; same && k < n; ++k) {
        same = w->items[k].kind == Kind::string && w->items[k].text == d.weights[k].to_string();
      }
      if (!same) {
        std::string got;
        for (const Decimal& x : d.weights) got += (got.empty() ? "" : ", ") + x.to_string();
        p.add(w, rec.at("weights"),
              "the recorded weights differ from those the judgements give (" + got + ")");
      }
    }
    if (auto ri = rec.number("ri", false); ri && !same_double(*ri, d.ri)) {
      p.add(rec.get("ri", false), rec.at("ri"), "the recorded RI differs from the table's");
    }
    if (auto cr = rec.number("cr", false); cr && !same_double(*cr, d.cr)) {
      p.add(rec.get("cr", false), rec.at("cr"), "the recorded CR differs from the judgements' CR");
    }
  }
  return d;
}

}  // namespace

std::optional<CategoryRules> read_rubric(Problems& p, const Value& v, const std::string& pointer,
                                         Category category) {
  Object o(p, &v, pointer, {"name", "co2_basis", "full_score", "prize", "ahp", "indicators"});
  if (!o.ok()) return std::nullopt;
  const std::size_t before = p.count();
  const auto name = o.text("name", true);
  Co2Basis basis = Co2Basis::computed;
  if (auto b = o.choice<Co2Basis>("co2_basis", false)) basis = *b;
  const auto full_score = o.decimal("full_score", false);
  if (full_score) o.forbid("ahp", "a points sheet gives points, not AHP judgements");
  std::optional<PrizeRule> prize;
  if (const Value* pv = o.get("prize", false)) {
    prize = read_prize(p, pv, o.at("prize"));
  }
  RubricReader reader(p, full_score.has_value());
  const Value* list = o.array("indicators", true);
  std::optional<std::size_t> root_ahp;
  if (const Value* a = o.get("ahp", false)) {
    reader.pending.push_back({"", a, o.at("ahp"), {}});
    root_ahp = 0;
  }
  reader.level(list, o.at("indicators"), "", root_ahp);
  if (p.count() != before || !name) return std::nullopt;
  std::vector<AhpDerivation> derivations;
  for (const PendingAhp& pend : reader.pending) {
    if (auto d = derive(p, pend, reader.specs)) derivations.push_back(std::move(*d));
  }
  if (p.count() != before) return std::nullopt;
  auto rubric = full_score ? Rubric::build_points(*name, *full_score, reader.specs)
                           : Rubric::build(*name, reader.specs);
  if (!rubric) {
    p.add(&v, pointer, rubric.error());
    return std::nullopt;
  }
  for (const PendingBands& b : reader.bands) {
    rubric = rubric->with_bands(b.code, b.bands);
    if (!rubric) {
      p.add(b.value, b.pointer, rubric.error());
      return std::nullopt;
    }
  }
  if (prize) {
    rubric = rubric->with_prize(*prize);
    if (!rubric) {
      p.add(o.get("prize", false), o.at("prize"), rubric.error());
      return std::nullopt;
    }
  }
  // The rubric keeps its provenance, so a campaign built from it writes the judgements back.
  auto kept = rubric->with_co2_basis(basis).with_ahp_provenance(derivations);
  if (!kept) {
    p.add(&v, pointer, kept.error());
    return std::nullopt;
  }
  return CategoryRules{category, std::move(kept).value(), std::move(derivations)};
}

namespace {

Value write_scale(const MarkScale& s) {
  Value v = Value::make_object();
  v.add("min", dec(s.min));
  v.add("max", dec(s.max));
  v.add("step", dec(s.step));
  return v;
}

Value write_objective(const ObjectiveMap& m) {
  Value v = Value::make_object();
  v.add("figure", name(m.figure));
  v.add("unit", text(figure_unit(m.figure)));
  if (!m.tiers.empty()) {
    Value& tiers = v.add("tiers", Value::make_array());
    for (const Tier& t : m.tiers) {
      Value& row = tiers.push(Value::make_object());
      row.add("at_least", dec(t.at_least));
      row.add("points", dec(t.points));
    }
    v.add("floor", dec(m.floor));
  } else {
    v.add("floor", dec(m.floor));
    v.add("per_unit", dec(m.per_unit));
    v.add("cap", dec(m.cap));
  }
  return v;
}

Value write_bands(const MarkBands& m) {
  Value v = Value::make_object();
  v.add("figure", name(m.figure));
  v.add("unit", text(figure_unit(m.figure)));
  Value& list = v.add("bands", Value::make_array());
  for (const MarkBand& b : m.bands) {
    Value& row = list.push(Value::make_object());
    row.add("at_least", dec(b.at_least));
    row.add("min", dec(b.min));
    row.add("max", dec(b.max));
  }
  return v;
}

Value write_prize(const PrizeRule& r) {
  Value v = Value::make_object();
  v.add("figure", name(r.figure));
  v.add("unit", text(figure_unit(r.figure)));
  v.add("threshold", dec(r.threshold));
  v.add("share", dec(r.share));
  v.add("cap", r.cap ? dec(*r.cap) : Value{});
  v.add("awarded_only", Value::make_bool(r.awarded_only));
  return v;
}

Value write_ahp(const AhpDerivation& d) {
  Value v = Value::make_object();
  Value& js = v.add("judgements", Value::make_array());
  for (double x : d.judgements) js.push(number(x));
  v.add("method", name(d.method));
  v.add("ri_table", name(d.ri_table));
  v.add("threshold", number(d.threshold));
  v.add("pass_rule", name(d.pass_rule));
  v.add("places", integer(d.places));
  Value& derived = v.add("derived", Value::make_object());
  Value& ws = derived.add("weights", Value::make_array());
  for (const Decimal& w : d.weights) ws.push(dec(w));
  derived.add("ri", number(d.ri));
  derived.add("cr", number(d.cr));
  return v;
}

class RubricWriter {
 public:
  explicit RubricWriter(const CategoryRules& rules)
      : rules_(rules), all_(rules.rubric.indicators()), children_(all_.size()) {
    for (const Indicator& i : all_) {
      if (i.parent == i.index) {
        top_.push_back(i.index);
      } else {
        children_[i.parent].push_back(i.index);
      }
    }
    for (const AhpDerivation& d : rules.derivations) ahp_[d.group] = &d;
    // Rules assembled by hand may leave `derivations` empty: the rubric's own provenance.
    if (rules.derivations.empty())
      for (const AhpDerivation& d : rules.rubric.ahp_provenance()) ahp_[d.group] = &d;
  }

  Value write() const {
    Value v = Value::make_object();
    v.add("name", text(rules_.rubric.name()));
    v.add("co2_basis", name(rules_.rubric.co2_basis()));
    if (const auto full = rules_.rubric.full_score()) v.add("full_score", dec(*full));
    if (const auto& prize = rules_.rubric.prize()) v.add("prize", write_prize(*prize));
    const auto root = ahp_.find("");
    if (root != ahp_.end()) v.add("ahp", write_ahp(*root->second));
    Value& list = v.add("indicators", Value::make_array());
    for (std::uint32_t i : top_) list.push(indicator(i, root != ahp_.end()));
    return v;
  }

 private:
  Value indicator(std::uint32_t index, bool derived_weight) const {
    const Indicator& i = all_[index];
    Value v = Value::make_object();
    v.add("code", text(i.code));
    v.add("name", text(i.name));
    v.add("kind", name(i.kind));
    const bool tree = i.kind == IndicatorKind::group || i.kind == IndicatorKind::judged ||
                      i.kind == IndicatorKind::objective;
    if (tree && rules_.rubric.full_score()) {
      v.add("points", dec(i.points));
    } else if (tree && !derived_weight) {
      v.add("weight", dec(i.weight));
    }
    switch (i.kind) {
      case IndicatorKind::group: {
        const auto a = ahp_.find(i.code);
        if (a != ahp_.end()) v.add("ahp", write_ahp(*a->second));
        Value& list = v.add("children", Value::make_array());
        for (std::uint32_t c : children_[index]) list.push(indicator(c, a != ahp_.end()));
        break;
      }
      case IndicatorKind::judged:
        v.add("scale", write_scale(i.scale));
        if (!i.bands.bands.empty()) v.add("bands", write_bands(i.bands));
        break;
      case IndicatorKind::objective:
        v.add("objective", write_objective(i.objective));
        break;
      case IndicatorKind::bonus:
        v.add("scale", write_scale(i.scale));
        v.add("cap", dec(i.bonus_cap));
        break;
      case IndicatorKind::veto:
        break;
    }
    return v;
  }

  const CategoryRules& rules_;
  std::span<const Indicator> all_;
  std::vector<std::vector<std::uint32_t>> children_;
  std::vector<std::uint32_t> top_;
  std::map<std::string, const AhpDerivation*> ahp_;
};

}  // namespace

Value write_rubric(const CategoryRules& rules) { return RubricWriter(rules).write(); }

}  // namespace kexie::detail::doc
