// Rubric validation: weights that sum exactly to 1 under every group (or, on a
// points sheet, points that sum exactly to the group's), leaves that can be
// marked, bands an objective figure selects, exact global weights as products
// down the tree, and the prize rule.
#include "kexie/rubric.hpp"

#include <algorithm>
#include <unordered_map>

#include "kexie/text.hpp"

namespace kexie {
inline namespace v1 {

namespace detail {
struct RubricImpl {
  std::string name;
  std::vector<Indicator> indicators;
  std::vector<std::uint32_t> judged, objective, bonuses, vetoes;
  std::unordered_map<std::string, std::uint32_t> by_code;
  Co2Basis co2_basis = Co2Basis::computed;
  std::optional<Decimal> full_score;  // points sheets
  std::optional<PrizeRule> prize;
  std::vector<AhpDerivation> ahp;  // provenance only: never read by scoring
};
}  // namespace detail

namespace {

Error refuse(std::string rule, const std::string& code, std::string what) {
  return Error(ErrorCode::rule_violation, "rubric indicator \"" + code + "\": " + std::move(what),
               std::move(rule), "A12");
}

Status check_scale(const IndicatorSpec& s) {
  const MarkScale& m = s.scale;
  if (m.step.signum() <= 0) return refuse("rubric.scale", s.code, "the step must be positive");
  if (m.min >= m.max) return refuse("rubric.scale", s.code, "min must be below max");
  // Marks are stored as integers at 4 places in 32 bits (see panel.hpp).
  if (m.step.normalized().scale() > 4 || m.min.normalized().scale() > 4) {
    return refuse("rubric.scale", s.code, "marks may have at most 4 places");
  }
  if (m.min < Decimal(-1000) || m.max > Decimal(1000)) {
    return refuse("rubric.scale", s.code, "marks must lie within ±1000");
  }
  auto span = subtract(m.max, m.min);
  if (!span) return span.error();
  auto steps = divide(*span, m.step, 0, Rounding::down);
  if (!steps) return steps.error();
  auto back = multiply(*steps, m.step);
  if (!back || *back != *span) {
    return refuse("rubric.scale", s.code, "max is not reached from min by whole steps");
  }
  return {};
}

// On a points sheet: a tree node's points (given as its weight), and its scale (a
// judged leaf's unset scale becomes [0, points] in steps of 1) and values confined
// to [0, points].
Status check_points(const IndicatorSpec& s, MarkScale& scale) {
  const Decimal& points = s.weight;
  if (points.signum() <= 0 || points > Decimal(1000) || points.normalized().scale() > 4) {
    return refuse(
        "rubric.points", s.code,
        "points " + points.to_string() + " must be positive, at most 1000, with at most 4 places");
  }
  if (s.kind == IndicatorKind::judged) {
    MarkScale& m = scale;
    if (m.min.signum() == 0 && m.max.signum() == 0 && m.step.signum() == 0) {
      m = {Decimal(0), points, Decimal(1)};
    }
    if (m.max != points || m.min.signum() < 0) {
      return refuse("rubric.points", s.code,
                    "the marks must run from 0 or more up to the points " + points.to_string());
    }
  }
  if (s.kind == IndicatorKind::objective) {
    const ObjectiveMap& m = s.objective;
    const auto within = [&](const Decimal& v) { return v.signum() >= 0 && v <= points; };
    bool ok = within(m.floor) && (m.tiers.empty() ? within(m.cap) : true);
    for (const Tier& t : m.tiers) ok = ok && within(t.points);
    if (!ok) {
      return refuse("rubric.points", s.code,
                    "objective values must lie within [0, " + points.to_string() + "]");
    }
  }
  return {};
}

// The bands of a judged leaf: distinct non-negative thresholds, each band a range of
// marks on the indicator's scale and step.
Status check_bands(const Indicator& s, const MarkBands& b) {
  if (s.kind != IndicatorKind::judged) {
    return refuse("rubric.band", s.code, "only a judged indicator has bands");
  }
  if (b.bands.empty()) return refuse("rubric.band", s.code, "no bands given");
  if (!EnumNames<ClaimedFigure>::listed(b.figure)) {
    return refuse("rubric.band", s.code, "unknown claimed figure");
  }
  if (b.bands.size() > 32) return refuse("rubric.band", s.code, "more than 32 bands");
  const MarkScale& m = s.scale;
  const auto on_step = [&](const Decimal& v) {
    auto offset = subtract(v, m.min);
    auto steps = offset ? divide(*offset, m.step, 0, Rounding::down) : offset;
    auto back = steps ? multiply(*steps, m.step) : steps;
    return back && *back == *offset;
  };
  for (std::size_t i = 0; i < b.bands.size(); ++i) {
    const MarkBand& band = b.bands[i];
    const std::string which =
        "band " + std::to_string(i + 1) + " (≥ " + band.at_least.to_string() + ")";
    if (band.at_least.signum() < 0) {
      return refuse("rubric.band", s.code, which + ": a negative threshold");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (b.bands[j].at_least == band.at_least) {
        return refuse("rubric.band", s.code, which + ": the threshold appears twice");
      }
    }
    if (band.min > band.max || band.min < m.min || band.max > m.max) {
      return refuse("rubric.band", s.code,
                    which + ": [" + band.min.to_string() + ", " + band.max.to_string() +
                        "] is not a range within the scale [" + m.min.to_string() + ", " +
                        m.max.to_string() + "]");
    }
    if (!on_step(band.min) || !on_step(band.max)) {
      return refuse("rubric.band", s.code,
                    which + ": its ends are not on the step of " + m.step.to_string());
    }
  }
  return {};
}

// A band refusal: the mark, the band, and the figure that selected it (or none).
Error band_refusal(const Indicator& ind, const Decimal& mark, const Decimal& figure,
                   const MarkBand* band) {
  const std::string fig = std::string(to_string(ind.bands.figure)) + " = " + figure.to_string();
  if (band == nullptr) {
    return Error(ErrorCode::rule_violation,
                 "indicator \"" + ind.code + "\": " + fig +
                     " is below every band's threshold, so no mark is admissible",
                 "rubric.band", "A12");
  }
  return Error(ErrorCode::rule_violation,
               "mark " + mark.to_string() + " for indicator \"" + ind.code +
                   "\" is outside band [" + band->min.to_string() + ", " + band->max.to_string() +
                   "] selected by " + fig + " (≥ " + band->at_least.to_string() + ")",
               "rubric.band", "A12");
}

}  // namespace

std::string_view to_string(ClaimedFigure figure) noexcept { return enum_name(figure); }

Rubric::Rubric(std::shared_ptr<const detail::RubricImpl> impl) noexcept : impl_(std::move(impl)) {}

Result<Rubric> Rubric::build(std::string name, std::span<const IndicatorSpec> specs) {
  return build_impl(std::move(name), specs, std::nullopt);
}

Result<Rubric> Rubric::build_points(std::string name, Decimal full_score,
                                    std::span<const IndicatorSpec> specs) {
  if (full_score.signum() <= 0 || full_score > Decimal(1000) ||
      full_score.normalized().scale() > 4) {
    return Error(ErrorCode::rule_violation,
                 "points sheet \"" + name + "\": the full score " + full_score.to_string() +
                     " must be positive, at most 1000, with at most 4 places",
                 "rubric.points", "A12");
  }
  return build_impl(std::move(name), specs, full_score);
}

Result<Rubric> Rubric::build_impl(std::string name, std::span<const IndicatorSpec> given,
                                  std::optional<Decimal> full_score) {
  const bool points = full_score.has_value();
  // A points sheet may complete a judged leaf's scale; work on a copy of the specs.
  std::vector<IndicatorSpec> copy;
  if (points) copy.assign(given.begin(), given.end());
  std::span<const IndicatorSpec> specs = points ? std::span<const IndicatorSpec>(copy) : given;
  if (points) {
    for (IndicatorSpec& s : copy) {
      if (s.kind == IndicatorKind::group || s.kind == IndicatorKind::judged ||
          s.kind == IndicatorKind::objective) {
        if (Status st = check_points(s, s.scale); !st) return st.error();
      }
    }
  }
  if (Status st = check_text(name, "rubric name"); !st) return st.error();
  for (const IndicatorSpec& s : specs) {
    if (Status st = check_text(s.code, "indicator code"); !st) return st.error();
    if (Status st = check_text(s.name, "indicator name"); !st) return st.error();
    if (Status st = check_text(s.parent, "indicator parent"); !st) return st.error();
  }
  auto impl = std::make_shared<detail::RubricImpl>();
  impl->name = std::move(name);
  if (specs.empty()) {
    return Error(ErrorCode::invalid_argument, "rubric \"" + impl->name + "\" has no indicators");
  }
  // Codes first, so parents may be listed after their children.
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const IndicatorSpec& s = specs[i];
    if (s.code.empty()) {
      return Error(ErrorCode::invalid_argument,
                   "rubric indicator #" + std::to_string(i + 1) + " has an empty code");
    }
    if (!impl->by_code.emplace(s.code, static_cast<std::uint32_t>(i)).second) {
      return Error(ErrorCode::invalid_argument,
                   "rubric indicator code \"" + s.code + "\" appears twice");
    }
  }
  impl->indicators.resize(specs.size());
  std::vector<std::uint32_t> children(specs.size(), 0);
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const bool tree_node = specs[i].kind == IndicatorKind::group ||
                           specs[i].kind == IndicatorKind::judged ||
                           specs[i].kind == IndicatorKind::objective;
    const IndicatorSpec& s = specs[i];
    Indicator& ind = impl->indicators[i];
    ind.index = static_cast<std::uint32_t>(i);
    ind.parent = ind.index;
    ind.kind = s.kind;
    ind.code = s.code;
    ind.name = s.name;
    ind.weight = s.weight;
    ind.scale = s.scale;
    ind.objective = s.objective;
    ind.bonus_cap = s.bonus_cap;
    if (points && tree_node) {
      ind.points = s.weight;  // a points sheet gives points as the weight
      ind.weight = Decimal(1);
    }
    const bool in_tree = s.kind == IndicatorKind::group || s.kind == IndicatorKind::judged ||
                         s.kind == IndicatorKind::objective;
    if (!in_tree) {
      if (!s.parent.empty()) {
        return refuse("rubric.extra_item", s.code,
                      "bonus and veto items stand outside the weighted tree (no parent)");
      }
      if (s.kind == IndicatorKind::bonus) {
        if (auto ok = check_scale(s); !ok) return ok.error();
        if (s.bonus_cap.signum() < 0 || s.bonus_cap > Decimal(1000)) {
          return refuse("rubric.bonus_cap", s.code, "the cap must lie within 0–1000");
        }
      }
      continue;
    }
    if (s.weight.signum() < 0) return refuse("rubric.weight", s.code, "negative weight");
    if (!s.parent.empty()) {
      auto it = impl->by_code.find(s.parent);
      if (it == impl->by_code.end()) {
        return refuse("rubric.parent", s.code, "unknown parent \"" + s.parent + "\"");
      }
      if (specs[it->second].kind != IndicatorKind::group) {
        return refuse("rubric.parent", s.code, "parent \"" + s.parent + "\" is not a group");
      }
      ind.parent = it->second;
      ++children[it->second];
    }
    if (s.kind == IndicatorKind::judged) {
      if (auto ok = check_scale(s); !ok) return ok.error();
    }
    if (s.kind == IndicatorKind::objective) {
      const ObjectiveMap& m = s.objective;
      const auto in_range = [](const Decimal& v) {
        return v >= Decimal(-1000) && v <= Decimal(1000);
      };
      bool ok = in_range(m.floor) && (m.tiers.empty() ? in_range(m.cap) : true);
      for (const Tier& t : m.tiers) ok = ok && in_range(t.points);
      if (!ok) return refuse("rubric.objective", s.code, "objective values must lie within ±1000");
    }
    if (s.kind == IndicatorKind::objective && s.objective.tiers.empty() &&
        (s.objective.per_unit.signum() < 0 || s.objective.cap < s.objective.floor)) {
      return refuse("rubric.objective", s.code,
                    "a linear map needs a non-negative rate and a cap above its floor");
    }
  }
  // Depths (and cycles: a chain longer than the rubric is one).
  for (Indicator& ind : impl->indicators) {
    std::uint32_t depth = 1, at = ind.index;
    while (impl->indicators[at].parent != at) {
      at = impl->indicators[at].parent;
      if (++depth > impl->indicators.size()) {
        return refuse("rubric.parent", ind.code, "the parent chain forms a cycle");
      }
    }
    ind.depth = depth;
  }
  // Weights of the children of every group, and of the first level, sum to exactly 1.
  std::unordered_map<std::uint32_t, std::vector<Decimal>> sums;
  constexpr std::uint32_t kRoot = UINT32_MAX;
  for (const Indicator& ind : impl->indicators) {
    if (ind.kind == IndicatorKind::bonus || ind.kind == IndicatorKind::veto) continue;
    if (ind.kind == IndicatorKind::group && children[ind.index] == 0) {
      return refuse("rubric.empty_group", ind.code, "a group needs at least one child");
    }
    sums[ind.parent == ind.index ? kRoot : ind.parent].push_back(points ? ind.points : ind.weight);
  }
  if (!sums.contains(kRoot)) {
    return refuse("rubric.weights_sum", impl->name, "no first-level indicator");
  }
  for (const auto& [parent, weights] : sums) {
    auto total = sum(weights);
    if (!total) return total.error();
    if (points) {
      const Decimal& want = parent == kRoot ? *full_score : impl->indicators[parent].points;
      if (*total != want) {
        const std::string where = parent == kRoot ? std::string("the first level (full score)")
                                                  : "\"" + impl->indicators[parent].code + "\"";
        return Error(ErrorCode::rule_violation,
                     "points sheet \"" + impl->name + "\": the points under " + where + " sum to " +
                         total->to_string() + ", not " + want.to_string(),
                     "rubric.points_sum", "A12");
      }
      continue;
    }
    if (*total != Decimal(1)) {
      const std::string where =
          parent == kRoot ? std::string("(first level)") : impl->indicators[parent].code;
      return Error(
          ErrorCode::rule_violation,
          "rubric weights under " + where + " sum to " + total->to_string() + ", not exactly 1",
          "rubric.weights_sum", "A12");
    }
  }
  // Global weights, exact, in tree order: parents may follow children in the specs.
  for (Indicator& ind : impl->indicators) {
    if (ind.kind == IndicatorKind::bonus || ind.kind == IndicatorKind::veto) continue;
    if (points) {
      // Leaf values are points already: each counts once.
      ind.global_weight = Decimal(1);
      if (ind.kind == IndicatorKind::judged) impl->judged.push_back(ind.index);
      if (ind.kind == IndicatorKind::objective) impl->objective.push_back(ind.index);
      continue;
    }
    Decimal g = ind.weight;
    for (std::uint32_t at = ind.index; impl->indicators[at].parent != at;) {
      at = impl->indicators[at].parent;
      auto product = multiply(g, impl->indicators[at].weight);
      if (!product || product->normalized().scale() > kMaxWeightScale) {
        return refuse("rubric.weight_scale", ind.code,
                      "the global weight needs more than 8 places");
      }
      g = product->normalized();
    }
    if (g.normalized().scale() > kMaxWeightScale) {
      return refuse("rubric.weight_scale", ind.code, "the weight has more than 8 places");
    }
    ind.global_weight = g.normalized();
    if (ind.kind == IndicatorKind::judged) impl->judged.push_back(ind.index);
    if (ind.kind == IndicatorKind::objective) impl->objective.push_back(ind.index);
  }
  for (const Indicator& ind : impl->indicators) {
    if (ind.kind == IndicatorKind::bonus) impl->bonuses.push_back(ind.index);
    if (ind.kind == IndicatorKind::veto) impl->vetoes.push_back(ind.index);
  }
  impl->full_score = full_score;
  return Rubric(std::move(impl));
}

const std::string& Rubric::name() const noexcept { return impl_->name; }
Co2Basis Rubric::co2_basis() const noexcept { return impl_->co2_basis; }
Rubric Rubric::with_co2_basis(Co2Basis basis) const {
  auto copy = std::make_shared<detail::RubricImpl>(*impl_);
  copy->co2_basis = basis;
  return Rubric(std::move(copy));
}
Result<Rubric> Rubric::with_ahp_provenance(std::vector<AhpDerivation> derivations) const {
  const auto refuse_group = [&](const std::string& group, const std::string& why) {
    return Error(ErrorCode::invalid_argument,
                 "rubric \"" + impl_->name + "\": AHP provenance of " +
                     (group.empty() ? std::string("the first level") : "group \"" + group + "\"") +
                     ": " + why);
  };
  std::vector<std::string> seen;
  for (const AhpDerivation& d : derivations) {
    if (std::find(seen.begin(), seen.end(), d.group) != seen.end())
      return refuse_group(d.group, "given twice");
    seen.push_back(d.group);
    std::optional<std::uint32_t> parent;
    if (!d.group.empty()) {
      const auto it = impl_->by_code.find(d.group);
      if (it == impl_->by_code.end() || impl_->indicators[it->second].kind != IndicatorKind::group)
        return refuse_group(d.group, "not a group of the rubric");
      parent = it->second;
    }
    std::vector<Decimal> children;
    for (const Indicator& ind : impl_->indicators) {
      const bool in_tree = ind.kind == IndicatorKind::group || ind.kind == IndicatorKind::judged ||
                           ind.kind == IndicatorKind::objective;
      const bool top = ind.parent == ind.index;
      if (in_tree && (parent ? !top && ind.parent == *parent : top)) children.push_back(ind.weight);
    }
    if (children != d.weights)
      return refuse_group(d.group, "its weights are not the weights of the group's children");
  }
  auto copy = std::make_shared<detail::RubricImpl>(*impl_);
  copy->ahp = std::move(derivations);
  return Rubric(std::move(copy));
}
std::span<const AhpDerivation> Rubric::ahp_provenance() const noexcept { return impl_->ahp; }
std::string_view to_string(Co2Basis basis) noexcept { return enum_name(basis); }
std::span<const Indicator> Rubric::indicators() const noexcept { return impl_->indicators; }
std::span<const std::uint32_t> Rubric::judged() const noexcept { return impl_->judged; }
std::span<const std::uint32_t> Rubric::objective() const noexcept { return impl_->objective; }
std::span<const std::uint32_t> Rubric::bonuses() const noexcept { return impl_->bonuses; }
std::span<const std::uint32_t> Rubric::vetoes() const noexcept { return impl_->vetoes; }

Result<std::uint32_t> Rubric::find(std::string_view code) const {
  auto it = impl_->by_code.find(std::string(code));
  if (it == impl_->by_code.end()) {
    return Error(ErrorCode::not_found,
                 "rubric \"" + impl_->name + "\" has no indicator " + quote_input(code));
  }
  return it->second;
}

Status Rubric::check_mark(std::string_view code, Decimal mark) const {
  const auto indicator = find(code);
  if (!indicator) return indicator.error();
  const Indicator& ind = impl_->indicators[*indicator];
  if (ind.kind != IndicatorKind::judged && ind.kind != IndicatorKind::bonus) {
    return Error(ErrorCode::invalid_argument,
                 "indicator \"" + ind.code + "\" is not marked by judges");
  }
  if (mark < ind.scale.min || mark > ind.scale.max) {
    return Error(ErrorCode::invalid_argument,
                 "mark " + mark.to_string() + " for indicator \"" + ind.code + "\" is outside [" +
                     ind.scale.min.to_string() + ", " + ind.scale.max.to_string() + "]",
                 "panel.mark_scale");
  }
  auto offset = subtract(mark, ind.scale.min);
  auto steps = offset ? divide(*offset, ind.scale.step, 0, Rounding::down) : offset;
  auto back = steps ? multiply(*steps, ind.scale.step) : steps;
  if (!back || *back != *offset) {
    return Error(ErrorCode::invalid_argument,
                 "mark " + mark.to_string() + " for indicator \"" + ind.code +
                     "\" is not on its step of " + ind.scale.step.to_string(),
                 "panel.mark_step");
  }
  return {};
}

std::optional<Decimal> Rubric::full_score() const { return impl_->full_score; }

Result<MarkBand> Rubric::band_for(std::string_view code, Decimal value) const {
  const auto indicator = find(code);
  if (!indicator) return indicator.error();
  const Indicator& ind = impl_->indicators[*indicator];
  if (ind.bands.bands.empty()) {
    return Error(ErrorCode::invalid_argument, "indicator \"" + ind.code + "\" has no bands");
  }
  const MarkBand* band = ind.bands.select(value);
  if (band == nullptr) return band_refusal(ind, Decimal(0), value, nullptr);
  return *band;
}

Result<Rubric> Rubric::with_bands(std::string_view code, MarkBands bands) const {
  const auto indicator = find(code);
  if (!indicator) return indicator.error();
  if (Status st = check_bands(impl_->indicators[*indicator], bands); !st) return st.error();
  auto copy = std::make_shared<detail::RubricImpl>(*impl_);
  copy->indicators[*indicator].bands = std::move(bands);
  return Rubric(std::move(copy));
}

Status Rubric::check_mark(std::string_view code, Decimal mark, Decimal figure) const {
  if (Status st = check_mark(code, mark); !st) return st;
  const Indicator& ind = impl_->indicators[*find(code)];
  if (ind.bands.bands.empty()) return {};
  const MarkBand* band = ind.bands.select(figure);
  if (band == nullptr || mark < band->min || mark > band->max) {
    return band_refusal(ind, mark, figure, band);
  }
  return {};
}

Result<Rubric> Rubric::with_prize(PrizeRule prize) const {
  const auto refused = [&](const std::string& what) {
    return Error(ErrorCode::rule_violation, "rubric \"" + impl_->name + "\" prize: " + what,
                 "rubric.prize", "A12");
  };
  if (!EnumNames<ClaimedFigure>::listed(prize.figure)) return refused("unknown claimed figure");
  if (prize.threshold.signum() < 0) {
    return refused("negative threshold " + prize.threshold.to_string());
  }
  if (prize.share.signum() <= 0 || prize.share > Decimal(1) ||
      prize.share.normalized().scale() > 8) {
    return refused("the share " + prize.share.to_string() +
                   " must lie in (0, 1] with at most 8 places");
  }
  if (prize.cap && (prize.cap->signum() < 0 || prize.cap->normalized().scale() > 2)) {
    return refused("the cap " + prize.cap->to_string() +
                   " must be non-negative yuan with at most 2 places");
  }
  auto copy = std::make_shared<detail::RubricImpl>(*impl_);
  copy->prize = std::move(prize);
  return Rubric(std::move(copy));
}

const std::optional<PrizeRule>& Rubric::prize() const noexcept { return impl_->prize; }

Result<Decimal> Rubric::prize_for(Decimal figure) const {
  if (!impl_->prize) {
    return Error(ErrorCode::not_found, "rubric \"" + impl_->name + "\" has no prize rule");
  }
  const PrizeRule& p = *impl_->prize;
  if (figure.signum() < 0) {
    return Error(ErrorCode::invalid_argument,
                 "negative figure " + figure.to_string() + " for the prize");
  }
  Decimal above(0);
  if (figure > p.threshold) {
    auto d = subtract(figure, p.threshold);
    if (!d) return d.error();
    above = *d;
  }
  // Rounded once to the fen; the cap has at most 2 places, so capping after rounding
  // is capping before it.
  auto amount = multiply(above, p.share, 2, Rounding::half_even);
  if (!amount) return amount.error();
  Decimal prize = *amount;
  if (p.cap && prize > *p.cap) prize = p.cap->rescaled(2).value();
  return prize;
}

Result<Decimal> Rubric::objective_value(std::string_view code, Decimal figure) const {
  const auto indicator = find(code);
  if (!indicator) return indicator.error();
  const Indicator& ind = impl_->indicators[*indicator];
  if (ind.kind != IndicatorKind::objective) {
    return Error(ErrorCode::invalid_argument, "not an objective indicator: \"" + ind.code + "\"");
  }
  if (figure.signum() < 0) {
    return Error(ErrorCode::invalid_argument,
                 "negative figure " + figure.to_string() + " for \"" + ind.code + "\"");
  }
  const ObjectiveMap& m = ind.objective;
  if (!m.tiers.empty()) {
    const Tier* best = nullptr;
    for (const Tier& t : m.tiers) {
      if (figure >= t.at_least && (best == nullptr || t.at_least > best->at_least)) best = &t;
    }
    return (best ? best->points : m.floor).rescaled(kValueScale);
  }
  auto scaled = multiply(figure, m.per_unit, kValueScale);
  if (!scaled) return scaled.error();
  auto value = add(m.floor, *scaled);
  if (!value) return value.error();
  return std::min(*value, m.cap).rescaled(kValueScale);
}

}  // namespace v1
}  // namespace kexie
