// A campaign's part of a snapshot: its spec (panel rules, eligibility, tie-breaks,
// award scheme, energy and grid tables), its rubrics as the specs they were
// built from, its judges, and per entry the facts recorded — the spec, the
// enterprise derived for it, the assigned judges, every mark and veto. Results
// are not stored: they are computed again, exactly, from these facts. A load
// rebuilds the campaign through its own operations (Rubric::build, set_rubric,
// add_judge) and re-records each entry through the record_* steps of
// campaign_state.hpp, which run every structural check add_entry, assign,
// mark_all and veto run; the checks that read the registry's history (enterprise
// derivation, eligibility, conflicts of interest) held when the facts were first
// recorded, and the registry may have amended its history since.
#include <stdexcept>
#include <string>
#include <utility>

#include "campaign_state.hpp"
#include "kexie/activity.hpp"
#include "detail/aggregate.hpp"
#include "snapshot_archive.hpp"
#include "snapshot_contents.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

namespace {

/// What a campaign holds beyond its spec and rubrics, per entry, in a layout of
/// its own (not the scoring layout): the facts a snapshot saves.
struct SavedEntry {
  EntrySpec spec;
  OrgId enterprise;                        // as derived on add_entry
  std::vector<JudgeId> judges;             // assigned, by id
  std::vector<detail::IndexedMark> marks;  // every recorded mark
  struct Veto {
    JudgeId judge;
    std::uint32_t indicator = 0;
    std::string reason;
  };
  std::vector<Veto> vetoes;  // in the order recorded
};

/// The saved facts of entry `index` (0-based) of `c`.
SavedEntry saved_entry(const CampaignImpl& s, std::size_t index) {
  const EntryRecord& e = s.entries[index];
  const CategoryState& cat = s.category(e);
  SavedEntry out;
  out.spec = e.spec;
  out.enterprise = e.enterprise;
  out.judges = e.judges;
  const EntryId id{static_cast<std::uint32_t>(index + 1)};
  const std::int32_t* cells = s.marks.data() + s.hot[index].mark_offset;
  for (std::size_t col = 0; col < cat.columns.size(); ++col)
    for (std::size_t slot = 0; slot < e.judges.size(); ++slot)
      if (const std::int32_t v = cells[cell_of(cat.columns.size(), col, slot)]; v != kNoMark)
        out.marks.push_back({e.judges[slot], id, cat.columns[col], fixed(v, kMarkScale)});
  for (const VetoRecord& v : e.vetoes) out.vetoes.push_back({v.judge, v.indicator, v.reason});
  return out;
}

/// Re-records a saved entry through the record_* steps; refusals come back as they are.
Status restore_entry(CampaignImpl& s, SavedEntry entry) {
  auto id = s.record_entry(std::move(entry.spec), entry.enterprise);
  if (!id) return id.error();
  for (JudgeId j : entry.judges)
    if (Status st = s.record_assignment(j, *id); !st) return st;
  for (detail::IndexedMark& m : entry.marks) m.entry = *id;
  if (!entry.marks.empty())
    if (Status st = s.record_marks(entry.marks); !st) return st;
  for (SavedEntry::Veto& v : entry.vetoes)
    if (Status st = s.record_veto(v.judge, *id, v.indicator, std::move(v.reason)); !st) return st;
  return {};
}

// ---- spec ------------------------------------------------------------------------------

void put_spec(Writer& w, const CampaignSpec& s) {
  w.put(s.name);
  w.put(s.organizer.value());
  w.put(s.as_of);
  w.put(static_cast<std::int32_t>(s.year));
  const PanelRules& p = s.panel;
  w.put(p.aggregation.method);
  w.put(p.aggregation.drop_low);
  w.put(p.aggregation.drop_high);
  w.put(p.aggregation.trim_from);
  w.put(p.normalization.enabled);
  w.put(p.normalization.min_sample);
  w.put(p.min_judges);
  w.put(p.veto_threshold);
  w.put(p.max_judges_per_entry);
  w.count(s.eligibility.size());
  for (const EligibilityRule& e : s.eligibility) {
    w.put(e.kind);
    w.put(e.n);
    w.put(e.on);
  }
  w.count(s.tie_breaks.size());
  for (const TieBreak& t : s.tie_breaks) {
    w.put(t.kind);
    w.put(t.code);
    w.put(t.figure_key);
  }
  w.put(s.rank_per_category);
  const AwardScheme& a = s.awards;
  w.count(a.tiers.size());
  for (const AwardTier& t : a.tiers) {
    w.put(t.name);
    w.put(t.by_count);
    w.put(t.share);
    w.put(t.count);
    w.put(t.rounding);
    w.put(t.min_score);
  }
  w.put(a.boundary_ties);
  w.put(a.cusp_margin);
  w.put(a.units.min_awarded_entries);
  w.put(a.units.min_participation_rate);
  w.put(a.units.min_tce_saved);
  w.put(a.units.max_units);
  w.put(a.individuals.top_tiers);
  w.put(a.individuals.min_share);
  w.put(a.individuals.max_people);
  w.put(s.energy_table.name());
  w.put(s.energy_table.edition());
  w.put(s.energy_table.source());
  const std::vector<Coefficient> coefficients = s.energy_table.coefficients();
  w.count(coefficients.size());
  for (const Coefficient& c : coefficients) {
    w.put(c.carrier);
    w.put(c.kgce_per_unit);
    w.put(c.per_unit);
    w.put(c.source);
  }
  w.put(s.grid_table.name());
  w.put(s.grid_table.edition());
  w.put(s.grid_table.source());
  w.count(s.grid_table.factors().size());
  for (const GridFactor& f : s.grid_table.factors()) {
    w.put(static_cast<std::int32_t>(f.first_year));
    w.put(static_cast<std::int32_t>(f.last_year));
    w.put(f.method);
    w.put(f.t_co2_per_mwh);
    w.put(f.source);
    w.put(f.confirmed);
  }
  w.put(s.grid_method);
}

CampaignSpec get_spec(Reader& r) {
  CampaignSpec s;
  s.name = r.str("campaign name");
  s.organizer = OrgId{r.get<std::uint32_t>()};
  s.as_of = r.date("campaign as-of date");
  s.year = r.get<std::int32_t>();
  PanelRules& p = s.panel;
  p.aggregation.method = r.get_enum<AggregationMethod>("aggregation method");
  p.aggregation.drop_low = r.get<std::uint8_t>();
  p.aggregation.drop_high = r.get<std::uint8_t>();
  p.aggregation.trim_from = r.get<std::uint8_t>();
  p.normalization.enabled = r.flag("normalization");
  p.normalization.min_sample = r.get<std::uint32_t>();
  p.min_judges = r.get<std::uint32_t>();
  p.veto_threshold = r.get<std::uint32_t>();
  p.max_judges_per_entry = r.get<std::uint32_t>();
  s.eligibility.resize(r.count(9, "eligibility rules"));
  for (EligibilityRule& e : s.eligibility) {
    e.kind = r.get_enum<EligibilityRule::Kind>("eligibility rule");
    e.n = r.get<std::int32_t>();
    e.on = r.date("eligibility reference day");
  }
  s.tie_breaks.resize(r.count(6, "tie-breaks"));
  for (TieBreak& t : s.tie_breaks) {
    t.kind = r.get_enum<TieBreak::Kind>("tie-break");
    t.code = r.str("tie-break indicator");
    t.figure_key = r.get_enum<ClaimedFigure>("tie-break figure");
  }
  s.rank_per_category = r.flag("rank per category");
  AwardScheme& a = s.awards;
  a.tiers.resize(r.count(28, "award tiers"));
  for (AwardTier& t : a.tiers) {
    t.name = r.str("award tier name");
    t.by_count = r.flag("award tier by count");
    t.share = r.decimal("award tier share");
    t.count = r.get<std::uint32_t>();
    t.rounding = r.get_enum<Rounding>("award tier rounding");
    t.min_score = r.decimal("award tier minimum score");
  }
  a.boundary_ties = r.get_enum<BoundaryTies>("boundary ties");
  a.cusp_margin = r.decimal("cusp margin");
  a.units.min_awarded_entries = r.get<std::uint32_t>();
  a.units.min_participation_rate = r.decimal("advanced unit participation rate");
  a.units.min_tce_saved = r.decimal("advanced unit energy saved");
  a.units.max_units = r.get<std::uint32_t>();
  a.individuals.top_tiers = r.get<std::uint32_t>();
  a.individuals.min_share = r.decimal("advanced individual share");
  a.individuals.max_people = r.get<std::uint32_t>();
  {
    std::string name = r.str("energy table name");
    std::string edition = r.str("energy table edition");
    std::string source = r.str("energy table source");
    CoefficientTable table(std::move(name), std::move(edition), std::move(source));
    const std::size_t n = r.count(15, "energy coefficients");
    for (std::size_t i = 0; i < n; ++i) {
      Coefficient c{};
      c.carrier = r.get_enum<Carrier>("energy carrier");
      c.kgce_per_unit = r.decimal("energy coefficient");
      c.per_unit = r.get_enum<Unit>("energy coefficient unit");
      c.source = r.str("energy coefficient source");
      // The saved table was checked when it was built; a waived range stays waived.
      if (Status st = table.set(c, RangeCheck::waive); !st)
        r.fail("energy table: " + st.error().message());
    }
    s.energy_table = std::move(table);
  }
  {
    std::string name = r.str("grid table name");
    std::string edition = r.str("grid table edition");
    std::string source = r.str("grid table source");
    GridFactorTable table(std::move(name), std::move(edition), std::move(source));
    const std::size_t n = r.count(23, "grid factors");
    for (std::size_t i = 0; i < n; ++i) {
      GridFactor f{};
      f.first_year = r.get<std::int32_t>();
      f.last_year = r.get<std::int32_t>();
      f.method = r.get_enum<GridFactorMethod>("grid factor method");
      f.t_co2_per_mwh = r.decimal("grid factor");
      f.source = r.str("grid factor source");
      f.confirmed = r.flag("grid factor confirmed");
      if (Status st = table.set(std::move(f)); !st) r.fail("grid table: " + st.error().message());
    }
    s.grid_table = std::move(table);
  }
  s.grid_method = r.get_enum<GridFactorMethod>("grid factor method");
  return s;
}

// ---- rubrics -----------------------------------------------------------------------------

void put_rubric(Writer& w, const Rubric& rubric) {
  w.put(rubric.name());
  const auto all = rubric.indicators();
  w.count(all.size());
  for (const Indicator& x : all) {
    w.put(x.code);
    w.put(x.name);
    w.put(x.parent == x.index ? std::string_view() : std::string_view(all[x.parent].code));
    w.put(x.kind);
    w.put(x.weight);
    w.put(x.scale.min);
    w.put(x.scale.max);
    w.put(x.scale.step);
    w.put(x.objective.figure);
    w.count(x.objective.tiers.size());
    for (const Tier& t : x.objective.tiers) {
      w.put(t.at_least);
      w.put(t.points);
    }
    w.put(x.objective.floor);
    w.put(x.objective.per_unit);
    w.put(x.objective.cap);
    w.put(x.bonus_cap);
  }
}

// Version 3: what a rubric holds beyond its weighted tree — a points sheet's full
// score, each indicator's points and bands (in the order of put_rubric), the prize.
void put_rubric_v3(Writer& w, const Rubric& rubric) {
  const std::optional<Decimal> full = rubric.full_score();
  w.put(full.has_value());
  if (full) w.put(*full);
  for (const Indicator& x : rubric.indicators()) {
    w.put(x.points);
    w.put(x.bands.figure);
    w.count(x.bands.bands.size());
    for (const MarkBand& b : x.bands.bands) {
      w.put(b.at_least);
      w.put(b.min);
      w.put(b.max);
    }
  }
  const std::optional<PrizeRule>& prize = rubric.prize();
  w.put(prize.has_value());
  if (prize) {
    w.put(prize->figure);
    w.put(prize->threshold);
    w.put(prize->share);
    w.put(prize->cap.has_value());
    if (prize->cap) w.put(*prize->cap);
    w.put(prize->awarded_only);
  }
}

/// A rubric as saved: its name and specs, and (version 3) its full score, each
/// indicator's bands and the prize.
struct SavedRubric {
  std::string name;
  std::vector<IndicatorSpec> specs;
  std::optional<Decimal> full_score;
  std::vector<MarkBands> bands;  // per spec
  std::optional<PrizeRule> prize;
};

void get_rubric_v3(Reader& r, SavedRubric& saved) {
  if (r.flag("full score present")) saved.full_score = r.decimal("full score");
  saved.bands.resize(saved.specs.size());
  for (std::size_t i = 0; i < saved.specs.size(); ++i) {
    IndicatorSpec& x = saved.specs[i];
    // A points sheet's nodes were saved with the weight 1 it gives them: their points
    // are what build_points reads as the weight.
    const Decimal points = r.decimal("indicator points");
    if (saved.full_score && x.kind != IndicatorKind::bonus && x.kind != IndicatorKind::veto) {
      x.weight = points;
    }
    MarkBands& bands = saved.bands[i];
    bands.figure = r.get_enum<ClaimedFigure>("band figure");
    bands.bands.resize(r.count(27, "mark bands"));
    for (MarkBand& b : bands.bands) {
      b.at_least = r.decimal("band threshold");
      b.min = r.decimal("band minimum");
      b.max = r.decimal("band maximum");
    }
  }
  if (r.flag("prize present")) {
    PrizeRule p;
    p.figure = r.get_enum<ClaimedFigure>("prize figure");
    p.threshold = r.decimal("prize threshold");
    p.share = r.decimal("prize share");
    if (r.flag("prize cap present")) p.cap = r.decimal("prize cap");
    p.awarded_only = r.flag("prize for awarded entries only");
    saved.prize = std::move(p);
  }
}

Rubric build_saved(Reader& r, SavedRubric saved, Co2Basis basis) {
  auto rubric = saved.full_score
                    ? Rubric::build_points(std::move(saved.name), *saved.full_score, saved.specs)
                    : Rubric::build(std::move(saved.name), saved.specs);
  if (!rubric) r.fail("rubric: " + rubric.error().message());
  Rubric built = rubric->with_co2_basis(basis);
  for (std::size_t i = 0; i < saved.bands.size(); ++i) {
    if (saved.bands[i].bands.empty()) continue;
    auto with = built.with_bands(saved.specs[i].code, std::move(saved.bands[i]));
    if (!with) r.fail("rubric: " + with.error().message());
    built = std::move(with).value();
  }
  if (saved.prize) {
    auto with = built.with_prize(std::move(*saved.prize));
    if (!with) r.fail("rubric: " + with.error().message());
    built = std::move(with).value();
  }
  return built;
}

SavedRubric get_rubric(Reader& r) {
  std::string name = r.str("rubric name");
  std::vector<IndicatorSpec> specs(r.count(98, "indicators"));
  for (IndicatorSpec& x : specs) {
    x.code = r.str("indicator code");
    x.name = r.str("indicator name");
    x.parent = r.str("indicator parent");
    x.kind = r.get_enum<IndicatorKind>("indicator kind");
    x.weight = r.decimal("indicator weight");
    x.scale.min = r.decimal("mark scale minimum");
    x.scale.max = r.decimal("mark scale maximum");
    x.scale.step = r.decimal("mark scale step");
    x.objective.figure = r.get_enum<ClaimedFigure>("claimed figure");
    x.objective.tiers.resize(r.count(18, "objective tiers"));
    for (Tier& t : x.objective.tiers) {
      t.at_least = r.decimal("objective tier threshold");
      t.points = r.decimal("objective tier points");
    }
    x.objective.floor = r.decimal("objective floor");
    x.objective.per_unit = r.decimal("objective value per unit");
    x.objective.cap = r.decimal("objective cap");
    x.bonus_cap = r.decimal("bonus cap");
  }
  return {std::move(name), std::move(specs), std::nullopt, {}, std::nullopt};
}

// ---- entries ------------------------------------------------------------------------------

void put_entry(Writer& w, const SavedEntry& e) {
  const EntrySpec& s = e.spec;
  w.put(s.code);
  w.put(s.title);
  w.put(s.unit.value());
  w.put(s.category);
  w.put(s.focus);
  w.count(s.team.size());
  for (const TeamShare& t : s.team) {
    w.put(t.person.value());
    w.put(t.share);
  }
  w.put(s.in_use_since);
  const Claims& c = s.claims;
  w.count(c.energy.size());
  for (const EnergySaving& x : c.energy) {
    w.put(x.carrier);
    w.put(x.quantity.value);
    w.put(x.quantity.unit);
  }
  w.put(c.material_saved_t);
  w.put(c.co2_avoided_t);
  w.put(c.hours_saved);
  w.put(c.efficiency_gain_percent);
  w.put(c.annual_benefit_yuan);
  w.count(c.patents.size());
  for (const Patent& p : c.patents) {
    w.put(p.type);
    w.put(p.status);
    w.put(p.number);
  }
  w.put(c.achievements_transformed);
  w.put(e.enterprise.value());
  w.count(e.judges.size());
  for (JudgeId j : e.judges) w.put(j.value());
  w.count(e.marks.size());
  for (const detail::IndexedMark& m : e.marks) {
    w.put(m.judge.value());
    w.put(m.indicator);
    w.put(m.mark);
  }
  w.count(e.vetoes.size());
  for (const SavedEntry::Veto& v : e.vetoes) {
    w.put(v.judge.value());
    w.put(v.indicator);
    w.put(v.reason);
  }
}

SavedEntry get_entry(Reader& r) {
  SavedEntry e;
  EntrySpec& s = e.spec;
  s.code = r.str("entry code");
  s.title = r.str("entry title");
  s.unit = OrgId{r.get<std::uint32_t>()};
  s.category = r.get_enum<Category>("entry category");
  s.focus = r.get<std::uint8_t>();
  s.team.resize(r.count(13, "team"));
  for (TeamShare& t : s.team) {
    t.person = PersonId{r.get<std::uint32_t>()};
    t.share = r.decimal("team share");
  }
  s.in_use_since = r.date("in use since");
  Claims& c = s.claims;
  c.energy.resize(r.count(11, "energy savings"));
  for (EnergySaving& x : c.energy) {
    x.carrier = r.get_enum<Carrier>("energy carrier");
    x.quantity.value = r.decimal("energy saved");
    x.quantity.unit = r.get_enum<Unit>("energy unit");
  }
  c.material_saved_t = r.decimal("material saved");
  c.co2_avoided_t = r.decimal("CO2 avoided");
  c.hours_saved = r.decimal("hours saved");
  c.efficiency_gain_percent = r.decimal("efficiency gain");
  c.annual_benefit_yuan = r.decimal("annual benefit");
  c.patents.resize(r.count(6, "patents"));
  for (Patent& p : c.patents) {
    p.type = r.get_enum<PatentType>("patent type");
    p.status = r.get_enum<PatentStatus>("patent status");
    p.number = r.str("patent number");
  }
  c.achievements_transformed = r.get<std::uint32_t>();
  e.enterprise = OrgId{r.get<std::uint32_t>()};
  e.judges.resize(r.count(4, "assigned judges"));
  for (JudgeId& j : e.judges) j = JudgeId{r.get<std::uint32_t>()};
  e.marks.resize(r.count(17, "marks"));
  for (detail::IndexedMark& m : e.marks) {
    m.judge = JudgeId{r.get<std::uint32_t>()};
    m.indicator = r.get<std::uint32_t>();
    m.mark = r.decimal("mark");
  }
  e.vetoes.resize(r.count(12, "vetoes"));
  for (SavedEntry::Veto& v : e.vetoes) {
    v.judge = JudgeId{r.get<std::uint32_t>()};
    v.indicator = r.get<std::uint32_t>();
    v.reason = r.str("veto reason");
  }
  return e;
}

// ---- format 2: the binding to a 讲比 activity and the rules of issue 13 ---------------------

void put_spec_v2(Writer& w, const CampaignSpec& s) {
  w.put(s.entry_deadline.has_value());
  if (s.entry_deadline) w.put(*s.entry_deadline);
  w.put(s.enforce_scope);
  w.put(s.panel.experts);
  w.put(s.panel.expert_field_match);
  w.count(s.fuel_carbon.size());
  for (const FuelFactor& f : s.fuel_carbon) {
    w.put(f.fuel);
    w.put(f.carbon.ncv_gj_per_unit);
    w.put(f.carbon.ncv_per_unit);
    w.put(f.carbon.carbon_t_per_gj);
    w.put(f.carbon.oxidation_rate);
    w.put(f.carbon.source);
  }
}

void get_spec_v2(Reader& r, CampaignSpec& s) {
  if (r.flag("entry deadline present")) s.entry_deadline = r.date("entry deadline");
  s.enforce_scope = r.flag("scope rule");
  s.panel.experts = r.get_enum<ExpertRule>("expert rule");
  s.panel.expert_field_match = r.flag("expert field rule");
  const std::size_t fuels = r.count(16, "fuel CO2 parameters");
  for (std::size_t i = 0; i < fuels; ++i) {
    FuelFactor f;
    f.fuel = r.get_enum<Carrier>("fuel");
    f.carbon.ncv_gj_per_unit = r.decimal("fuel NCV");
    f.carbon.ncv_per_unit = r.get_enum<Unit>("fuel NCV unit");
    f.carbon.carbon_t_per_gj = r.decimal("fuel carbon content");
    f.carbon.oxidation_rate = r.decimal("fuel oxidation rate");
    f.carbon.source = r.str("fuel parameter source");
    s.fuel_carbon.push_back(std::move(f));
  }
}

void put_citations(Writer& w, const EntrySpec& e) {
  w.put(e.cites_link.has_value());
  if (e.cites_link) w.put(e.cites_link->value());
  w.put(e.cites_activity.has_value());
  if (e.cites_activity) w.put(e.cites_activity->value());
}

void get_citations(Reader& r, EntrySpec& e) {
  if (r.flag("cited link present")) e.cites_link = LinkId{r.get<std::uint32_t>()};
  if (r.flag("cited activity present")) e.cites_activity = ActivityId{r.get<std::uint32_t>()};
}

}  // namespace

void CampaignRecord::save(Writer& w) const {
  const Campaign& c = *value->source;
  const CampaignImpl& st = state_of(c);
  put_spec(w, c.spec());
  put_spec_v2(w, c.spec());
  for (std::size_t k = 0; k < kCategoryCount; ++k) {
    auto rubric = c.rubric(static_cast<Category>(k));
    w.put(rubric.ok());
    if (rubric) {
      put_rubric(w, *rubric);
      w.put(rubric->co2_basis());
      put_rubric_v3(w, *rubric);
    }
  }
  w.count(c.judge_count());
  for (std::size_t j = 0; j < c.judge_count(); ++j)
    w.put(c.judge_person(JudgeId{static_cast<JudgeId::rep>(j + 1)}).value().value());
  w.count(c.entry_count());
  for (std::size_t i = 0; i < c.entry_count(); ++i) {
    const SavedEntry e = saved_entry(st, i);
    put_entry(w, e);
    put_citations(w, e.spec);
  }
  // The binding: the index of its book among the saved books (none: it loads unbound).
  std::uint32_t book = UINT32_MAX;
  for (std::size_t b = 0; b < value->saved_books.size(); ++b)
    if (st.book != nullptr && value->saved_books[b] == st.book) book = static_cast<std::uint32_t>(b);
  w.put(book);
  w.put(st.activity.value());
  w.put(st.concluded_digest);
  w.put(st.award_digest);
}

void CampaignRecord::load(Reader& r, unsigned version) {
  CampaignSpec spec = get_spec(r);
  if (version >= 2) {
    get_spec_v2(r, spec);
  } else {
    // A format-1 campaign keeps the rules it was made under: no scope rule (it was
    // never checked); it loads unbound, and says so (bound() is false).
    spec.enforce_scope = false;
  }
  std::optional<Campaign> c;
  try {
    c.emplace(*value->registry, std::move(spec));
  } catch (const std::invalid_argument& e) {
    r.fail(std::string("campaign spec: ") + e.what());
  }
  for (std::size_t k = 0; k < kCategoryCount; ++k) {
    if (!r.flag("rubric present")) continue;
    SavedRubric saved = get_rubric(r);
    const Co2Basis basis = version >= 2 ? r.get_enum<Co2Basis>("CO2 basis") : Co2Basis::computed;
    if (version >= 3) get_rubric_v3(r, saved);
    Rubric rubric = build_saved(r, std::move(saved), basis);
    if (Status st = c->set_rubric(static_cast<Category>(k), std::move(rubric)); !st)
      r.fail("rubric: " + st.error().message());
  }
  const std::size_t judges = r.count(4, "judges");
  for (std::size_t j = 0; j < judges; ++j)
    if (auto id = c->add_judge(PersonId{r.get<std::uint32_t>()}); !id)
      r.fail("judge #" + std::to_string(j + 1) + ": " + id.error().message());
  // Every entry reserves a cell per marked indicator and panel seat, whether or
  // not marks were recorded, so a small file could ask for a huge layout; a load
  // refuses one larger than 64 times the payload (a real campaign needs a few).
  const std::uint64_t limit = 64 * std::uint64_t{r.total()} + (std::uint64_t{64} << 20);
  std::uint64_t cells = 0;
  const std::size_t entries = r.count(80, "entries");
  for (std::size_t i = 0; i < entries; ++i) {
    SavedEntry entry = get_entry(r);
    if (version >= 2) get_citations(r, entry.spec);
    if (auto rubric = c->rubric(entry.spec.category)) {
      cells += (rubric->judged().size() + rubric->bonuses().size()) *
               std::uint64_t{c->spec().panel.max_judges_per_entry};
      if (cells * sizeof(std::int32_t) > limit)
        r.fail("the campaign's marks would need " + std::to_string(cells * sizeof(std::int32_t)) +
               " bytes, more than 64 times the file");
    }
    if (Status st = restore_entry(state_of(*c), std::move(entry)); !st)
      r.fail("entry #" + std::to_string(i + 1) + ": " + st.error().to_string());
  }
  if (version >= 2) {
    const auto book = r.get<std::uint32_t>();
    const ActivityId activity{r.get<std::uint32_t>()};
    std::string concluded = r.str("concluded digest");
    std::string awarded = r.str("award digest");
    if (book != UINT32_MAX) {
      if (value->loaded_books == nullptr || book >= value->loaded_books->size())
        r.fail("the campaign is bound to activity book #" + std::to_string(book) +
               ", which the snapshot does not hold");
      const ActivityBook& b = (*value->loaded_books)[book];
      if (b.find(activity) == nullptr)
        r.fail("the campaign is bound to " + to_string(activity) + ", which its book does not hold");
      CampaignImpl& st = state_of(*c);
      st.book = &b;
      st.activity = activity;
      st.concluded_digest = std::move(concluded);
      st.award_digest = std::move(awarded);
    }
  }
  value->loaded = std::move(c);
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie
