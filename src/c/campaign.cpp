// The C API over kexie::Campaign: configuration, rubrics (an indicator array or
// a line-based text description, parsed by kexie::parse_rubric_lines), entries,
// judges, marks (one at a time and in batches), standings, the scoreboard with
// awards and advanced units and people, and explanations as text and as JSON
// (kexie::to_text, kexie::to_json).
#include <algorithm>
#include <optional>
#include <vector>

#include "capi.hpp"
#include "handles.hpp"
#include "kexie/explain.hpp"
#include "kexie/rubric_text.hpp"
#include "kexie/text.hpp"

namespace {

using kexie::Decimal;

kexie::Result<std::uint8_t> narrow(unsigned int v, const char* what) {
  if (v > 255) return kx::invalid(std::string(what) + " is above 255");
  return static_cast<std::uint8_t>(v);
}

kexie::Result<kexie::Aggregation> aggregation_of(const kx_campaign_options* o) {
  KX_TRY_ASSIGN(const auto method,
                kx::enum_arg<kexie::AggregationMethod>(o->aggregation, "aggregation"));
  KX_TRY_ASSIGN(const std::uint8_t low, narrow(o->drop_low, "drop_low"));
  KX_TRY_ASSIGN(const std::uint8_t high, narrow(o->drop_high, "drop_high"));
  KX_TRY_ASSIGN(const std::uint8_t from, narrow(o->trim_from, "trim_from"));
  switch (method) {  // the drop counts belong to the trimmed mean only
    case kexie::AggregationMethod::mean:
      return kexie::Aggregation::plain_mean();
    case kexie::AggregationMethod::median:
      return kexie::Aggregation::median();
    case kexie::AggregationMethod::trimmed_mean:
      break;
  }
  const kexie::Aggregation trimmed = kexie::Aggregation::trimmed(low, high, from);
  if (!trimmed.ok()) return kx::invalid("a trimmed mean must keep at least one mark");
  return trimmed;
}

kexie::Result<kexie::AwardTier> tier_of(const kx_award_tier& t) {
  kexie::AwardTier tier;
  if (t.name == nullptr) return kx::null_arg("tier name");
  tier.name = std::string(t.name);
  tier.by_count = t.by_count != 0;
  KX_TRY_ASSIGN(tier.share, kx::decimal_or(t.share, Decimal(0), "tier share"));
  tier.count = t.count;
  KX_TRY_ASSIGN(tier.rounding, kx::enum_arg<kexie::Rounding>(t.rounding, "tier rounding"));
  KX_TRY_ASSIGN(tier.min_score, kx::decimal_or(t.min_score, Decimal(0), "tier min_score"));
  return tier;
}

kexie::Result<kexie::CampaignSpec> spec_of(const kx_campaign_options* o) {
  KX_TRY(kx::check_version(o->version, KX_CAMPAIGN_OPTIONS_VERSION, "kx_campaign_options"));
  kexie::CampaignSpec s;
  s.name = std::string(kx::opt(o->name));
  s.organizer = kexie::OrgId{o->organizer};
  KX_TRY_ASSIGN(s.as_of, kx::date(o->as_of, "as_of"));
  s.year = o->year;
  KX_TRY_ASSIGN(s.panel.aggregation, aggregation_of(o));
  s.panel.normalization.enabled = o->normalize != 0;
  s.panel.min_judges = o->min_judges;
  s.panel.veto_threshold = o->veto_threshold;
  s.panel.max_judges_per_entry = o->max_judges_per_entry;
  s.rank_per_category = o->rank_per_category != 0;
  if (o->version >= 2) {
    KX_TRY_ASSIGN(s.panel.experts, kx::enum_arg<kexie::ExpertRule>(o->expert_rule, "expert_rule"));
    s.panel.expert_field_match = o->expert_field_match != 0;
    s.enforce_scope = o->enforce_scope != 0;
    if (o->entry_deadline != nullptr) {
      KX_TRY_ASSIGN(s.entry_deadline, kx::date(o->entry_deadline, "entry_deadline"));
    }
  }
  KX_TRY_ASSIGN(s.tie_breaks, kexie::parse_tie_breaks(kx::opt(o->tie_breaks)));
  if (o->tier_count > 0 && o->tiers == nullptr) return kx::null_arg("tiers");
  for (std::size_t i = 0; i < o->tier_count; ++i) {
    KX_TRY_ASSIGN(kexie::AwardTier tier, tier_of(o->tiers[i]));
    s.awards.tiers.push_back(std::move(tier));
  }
  KX_TRY_ASSIGN(s.awards.boundary_ties,
                kx::enum_arg<kexie::BoundaryTies>(o->boundary_ties, "boundary_ties"));
  KX_TRY_ASSIGN(s.awards.cusp_margin, kx::decimal_or(o->cusp_margin, Decimal(1), "cusp_margin"));
  s.awards.units.min_awarded_entries = o->unit_min_awarded;
  s.awards.units.max_units = o->unit_max;
  s.awards.individuals.top_tiers = o->people_top_tiers;
  KX_TRY_ASSIGN(s.awards.individuals.min_share,
                kx::decimal_or(o->people_min_share, Decimal(0), "people_min_share"));
  s.awards.individuals.max_people = o->people_max;
  if (o->max_team_size > 0) {  // 0: no rule
    s.eligibility.push_back(
        kexie::EligibilityRule::max_team_size(static_cast<std::int32_t>(o->max_team_size)));
  }
  return s;
}

kexie::Result<kexie::IndicatorSpec> indicator_of(const kx_indicator& i) {
  kexie::IndicatorSpec s;
  s.code = std::string(kx::opt(i.code));
  s.name = std::string(kx::opt(i.name));
  s.parent = std::string(kx::opt(i.parent));
  KX_TRY_ASSIGN(s.kind, kx::enum_arg<kexie::IndicatorKind>(i.kind, "indicator kind"));
  KX_TRY_ASSIGN(s.weight, kx::decimal_or(i.weight, Decimal(0), "weight"));
  KX_TRY_ASSIGN(s.scale.min, kx::decimal_or(i.min, Decimal(0), "min"));
  KX_TRY_ASSIGN(s.scale.max, kx::decimal_or(i.max, Decimal(0), "max"));
  KX_TRY_ASSIGN(s.scale.step, kx::decimal_or(i.step, Decimal(0), "step"));
  if (s.kind == kexie::IndicatorKind::objective) {
    KX_TRY_ASSIGN(s.objective.figure, kx::enum_arg<kexie::ClaimedFigure>(i.figure, "figure"));
    KX_TRY_ASSIGN(s.objective.tiers, kexie::parse_tier_table(kx::opt(i.tiers)));
    KX_TRY_ASSIGN(s.objective.floor, kx::decimal_or(i.floor, Decimal(0), "floor"));
    KX_TRY_ASSIGN(s.objective.per_unit, kx::decimal_or(i.per_unit, Decimal(0), "per_unit"));
    KX_TRY_ASSIGN(s.objective.cap, kx::decimal_or(i.cap, Decimal(0), "cap"));
  }
  KX_TRY_ASSIGN(s.bonus_cap, kx::decimal_or(i.bonus_cap, Decimal(0), "bonus_cap"));
  return s;
}

kexie::Status set_rubric(kx_campaign* c, int category, const char* name,
                         const std::vector<kexie::IndicatorSpec>& specs) {
  KX_TRY_ASSIGN(const kexie::Category cat, kx::enum_arg<kexie::Category>(category, "category"));
  KX_TRY_ASSIGN(kexie::Rubric r, kexie::Rubric::build(std::string(kx::opt(name)), specs));
  return c->campaign().set_rubric(cat, std::move(r));
}

// A rubric with the options of kx_campaign_set_rubric_ex: points and bands per
// indicator, a points sheet's full score, a prize rule.
kexie::Status set_rubric_ex(kx_campaign* c, int category, const char* name,
                            std::vector<kexie::IndicatorSpec>& specs, const kx_rubric_options& o) {
  KX_TRY(kx::check_version(o.version, KX_RUBRIC_OPTIONS_VERSION, "kx_rubric_options"));
  KX_TRY_ASSIGN(const kexie::Category cat, kx::enum_arg<kexie::Category>(category, "category"));
  if (o.extra_count > 0 && o.extras == nullptr) return kx::null_arg("extras");
  std::vector<std::pair<std::string, kexie::MarkBands>> bands;
  for (std::size_t i = 0; i < o.extra_count; ++i) {
    const kx_indicator_extra& x = o.extras[i];
    const std::string_view code = kx::opt(x.code);
    auto it = std::find_if(specs.begin(), specs.end(),
                           [&](const kexie::IndicatorSpec& s) { return s.code == code; });
    if (it == specs.end()) {
      return kexie::Error(
          kexie::ErrorCode::not_found,
          "extras[" + std::to_string(i) + "] names no indicator " + kexie::quote_input(code));
    }
    if (x.points != nullptr) {
      if (o.full_score == nullptr || it->weight.signum() != 0) {
        return kexie::Error(kexie::ErrorCode::rule_violation,
                            "indicator " + kexie::quote_input(code) +
                                ": points belong to a points sheet (full_score), in place of "
                                "a weight",
                            "rubric.points", "A12");
      }
      KX_TRY_ASSIGN(it->weight, kx::decimal(x.points, "points"));  // build_points reads it
    }
    if (x.band_count > 0 && x.bands == nullptr) return kx::null_arg("bands");
    if (x.band_count > 32) return kx::invalid("more than 32 bands");
    if (x.band_count == 0) continue;
    kexie::MarkBands b;
    KX_TRY_ASSIGN(b.figure, kx::enum_arg<kexie::ClaimedFigure>(x.band_figure, "figure"));
    for (std::size_t k = 0; k < x.band_count; ++k) {
      kexie::MarkBand band;
      KX_TRY_ASSIGN(band.at_least, kx::decimal(x.bands[k].at_least, "band at_least"));
      KX_TRY_ASSIGN(band.min, kx::decimal(x.bands[k].min, "band min"));
      KX_TRY_ASSIGN(band.max, kx::decimal(x.bands[k].max, "band max"));
      b.bands.push_back(band);
    }
    bands.emplace_back(std::string(code), std::move(b));
  }
  std::optional<kexie::Rubric> built;
  if (o.full_score != nullptr) {
    KX_TRY_ASSIGN(const Decimal full, kx::decimal(o.full_score, "full_score"));
    KX_TRY_ASSIGN(built, kexie::Rubric::build_points(std::string(kx::opt(name)), full, specs));
  } else {
    KX_TRY_ASSIGN(built, kexie::Rubric::build(std::string(kx::opt(name)), specs));
  }
  for (auto& [code, b] : bands) {
    KX_TRY_ASSIGN(built, built->with_bands(code, std::move(b)));
  }
  if (o.prize != nullptr) {
    kexie::PrizeRule p;
    KX_TRY_ASSIGN(p.figure, kx::enum_arg<kexie::ClaimedFigure>(o.prize->figure, "prize figure"));
    KX_TRY_ASSIGN(p.threshold, kx::decimal_or(o.prize->threshold, Decimal(0), "threshold"));
    KX_TRY_ASSIGN(p.share, kx::decimal(o.prize->share, "share"));
    if (o.prize->cap != nullptr) {
      KX_TRY_ASSIGN(p.cap, kx::decimal(o.prize->cap, "cap"));
    }
    p.awarded_only = o.prize->awarded_only != 0;
    KX_TRY_ASSIGN(built, built->with_prize(std::move(p)));
  }
  return c->campaign().set_rubric(cat, std::move(*built));
}

kexie::Status mark_all(kx_campaign* campaign, const std::vector<kexie::detail::IndexedMark>& marks,
                       size_t* failed) {
  return campaign->campaign().mark_all(marks, failed);
}

kexie::Result<kexie::EntrySpec> entry_spec_of(const kx_entry_spec* spec) {
  KX_TRY(kx::check_version(spec->version, KX_ENTRY_SPEC_VERSION, "kx_entry_spec"));
  kexie::EntrySpec e;
  e.code = std::string(kx::opt(spec->code));
  e.title = std::string(kx::opt(spec->title));
  e.unit = kexie::OrgId{spec->unit};
  KX_TRY_ASSIGN(e.category, kx::enum_arg<kexie::Category>(spec->category, "category"));
  constexpr unsigned kEveryFocus = KX_FOCUS_ENERGY_SAVING | KX_FOCUS_CONSUMPTION_REDUCTION |
                                   KX_FOCUS_EMISSION_REDUCTION | KX_FOCUS_EFFICIENCY_GAIN;
  if ((spec->focus & ~kEveryFocus) != 0) return kx::invalid("focus has unknown bits");
  e.focus = static_cast<std::uint8_t>(spec->focus);
  if (spec->team_count > 0 && spec->team == nullptr) return kx::null_arg("team");
  for (std::size_t i = 0; i < spec->team_count; ++i) {
    KX_TRY_ASSIGN(const Decimal share, kx::decimal(spec->team[i].share, "team share"));
    e.team.push_back({kexie::PersonId{spec->team[i].person}, share});
  }
  KX_TRY_ASSIGN(e.in_use_since, kx::date(spec->in_use_since, "in_use_since"));
  if (spec->energy_count > 0 && spec->energy == nullptr) return kx::null_arg("energy");
  for (std::size_t i = 0; i < spec->energy_count; ++i) {
    const kx_energy_claim& c = spec->energy[i];
    KX_TRY_ASSIGN(const kexie::Carrier carrier, kx::enum_arg<kexie::Carrier>(c.carrier, "carrier"));
    KX_TRY_ASSIGN(const Decimal quantity, kx::decimal(c.quantity, "energy quantity"));
    KX_TRY_ASSIGN(const kexie::Unit unit, kx::enum_arg<kexie::Unit>(c.unit, "unit"));
    e.claims.energy.push_back({carrier, {quantity, unit}});
  }
  KX_TRY_ASSIGN(e.claims.material_saved_t,
                kx::decimal_or(spec->material_saved_t, Decimal(0), "material_saved_t"));
  KX_TRY_ASSIGN(e.claims.co2_avoided_t,
                kx::decimal_or(spec->co2_avoided_t, Decimal(0), "co2_avoided_t"));
  KX_TRY_ASSIGN(e.claims.hours_saved, kx::decimal_or(spec->hours_saved, Decimal(0), "hours_saved"));
  KX_TRY_ASSIGN(
      e.claims.efficiency_gain_percent,
      kx::decimal_or(spec->efficiency_gain_percent, Decimal(0), "efficiency_gain_percent"));
  KX_TRY_ASSIGN(e.claims.annual_benefit_yuan,
                kx::decimal_or(spec->annual_benefit_yuan, Decimal(0), "annual_benefit_yuan"));
  if (spec->patent_count > 0 && spec->patents == nullptr) return kx::null_arg("patents");
  for (std::size_t i = 0; i < spec->patent_count; ++i) {
    const kx_patent& p = spec->patents[i];
    KX_TRY_ASSIGN(const auto type, kx::enum_arg<kexie::PatentType>(p.type, "patent type"));
    KX_TRY_ASSIGN(const auto status, kx::enum_arg<kexie::PatentStatus>(p.status, "patent status"));
    e.claims.patents.push_back({type, status, std::string(kx::opt(p.number))});
  }
  e.claims.achievements_transformed = spec->achievements_transformed;
  return e;
}

// The result of `entry`, which must be on the board; its texts are the board's.
kx_entry_result result_of(const kx_scoreboard& b, kexie::EntryId entry) {
  const kexie::EntryResult r = *b.board.find(entry);
  const kx_scoreboard::EntryText& t = b.entry_text[entry.value() - 1];
  return {r.entry.value(),
          b.board.entries.code(entry).data(),
          r.unit.value(),
          r.enterprise.value(),
          static_cast<int>(r.category),
          static_cast<int>(r.status),
          t.total.c_str(),
          t.judged.c_str(),
          t.objective.c_str(),
          t.bonus.c_str(),
          r.rank,
          r.position,
          r.tier ? static_cast<int>(*r.tier) : -1,
          b.board.entries.award(entry).data()};
}

}  // namespace

extern "C" {

int kx_campaign_new(kx_campaign** out, const kx_registry* registry,
                    const kx_campaign_options* options) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_NEED(options);
    KX_TRY_ASSIGN(kexie::CampaignSpec spec, spec_of(options));
    KX_TRY_ASSIGN(kexie::Campaign c,
                  kexie::Campaign::create(registry->registry(), std::move(spec)));
    *out = new kx_campaign(std::move(c));
    return KX_OK;
  });
}

void kx_campaign_free(kx_campaign* campaign) {
  if (campaign != nullptr && campaign->borrowed()) return;  // the snapshot owns it
  delete campaign;
}

int kx_campaign_set_rubric(kx_campaign* campaign, int category, const char* name,
                           const kx_indicator* indicators, size_t count) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(campaign);
    if (count > 0) KX_NEED(indicators);
    std::vector<kexie::IndicatorSpec> specs;
    for (std::size_t i = 0; i < count; ++i) {
      KX_TRY_ASSIGN(kexie::IndicatorSpec s, indicator_of(indicators[i]));
      specs.push_back(std::move(s));
    }
    return set_rubric(campaign, category, name, specs);
  });
}

int kx_campaign_set_rubric_ex(kx_campaign* campaign, int category, const char* name,
                              const kx_indicator* indicators, size_t count,
                              const kx_rubric_options* options) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(campaign);
    if (count > 0) KX_NEED(indicators);
    std::vector<kexie::IndicatorSpec> specs;
    for (std::size_t i = 0; i < count; ++i) {
      KX_TRY_ASSIGN(kexie::IndicatorSpec s, indicator_of(indicators[i]));
      specs.push_back(std::move(s));
    }
    if (options == nullptr) return set_rubric(campaign, category, name, specs);
    return set_rubric_ex(campaign, category, name, specs, *options);
  });
}

int kx_campaign_set_rubric_text(kx_campaign* campaign, int category, const char* name,
                                const char* text) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(campaign);
    KX_NEED(text);
    KX_TRY_ASSIGN(const std::vector<kexie::IndicatorSpec> specs, kexie::parse_rubric_lines(text));
    return set_rubric(campaign, category, name, specs);
  });
}

int kx_campaign_indicator_index(uint32_t* out, const kx_campaign* campaign, int category,
                                const char* code) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(campaign);
    KX_TRY_ASSIGN(const kexie::Category cat, kx::enum_arg<kexie::Category>(category, "category"));
    KX_TRY_ASSIGN(const kexie::Rubric r, campaign->campaign().rubric(cat));
    KX_NEED(code);
    KX_TRY_ASSIGN(*out, r.find(code));
    return KX_OK;
  });
}

int kx_campaign_add_entry(uint32_t* out, kx_campaign* campaign, const kx_entry_spec* spec) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(campaign);
    KX_NEED(spec);
    KX_TRY_ASSIGN(kexie::EntrySpec e, entry_spec_of(spec));
    KX_TRY_ASSIGN(const kexie::EntryId id, campaign->campaign().add_entry(std::move(e)));
    *out = id.value();
    return KX_OK;
  });
}

int kx_campaign_open(kx_campaign** out, const kx_registry* registry, const kx_book* book,
                     uint32_t activity, const kx_campaign_options* options) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_NEED(book);
    KX_NEED(options);
    KX_TRY_ASSIGN(kexie::CampaignSpec spec, spec_of(options));
    KX_TRY_ASSIGN(kexie::Campaign c,
                  kexie::Campaign::open(registry->registry(), book->book(),
                                        kexie::ActivityId{activity}, std::move(spec)));
    *out = new kx_campaign(std::move(c));
    return KX_OK;
  });
}

int kx_campaign_phase(int* out, const kx_campaign* campaign) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(campaign);
    *out = static_cast<int>(campaign->campaign().phase());
    return KX_OK;
  });
}

int kx_campaign_conclude(kx_campaign* campaign, kx_book* book, const kx_actor* actor,
                         const char* at, const char* evaluation_score) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(campaign);
    KX_NEED(book);
    KX_NEED(actor);
    KX_TRY_ASSIGN(const kexie::Timestamp when, kx::timestamp(at, "at"));
    KX_TRY_ASSIGN(const Decimal score, kx::decimal(evaluation_score, "evaluation_score"));
    KX_TRY(campaign->campaign().conclude(book->book(), actor->actor, when, score));
    return KX_OK;
  });
}

int kx_campaign_commend(kx_campaign* campaign, kx_registry* registry, kx_book* book,
                        const kx_actor* actor, const char* at) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(campaign);
    KX_NEED(registry);
    KX_NEED(book);
    KX_NEED(actor);
    KX_TRY_ASSIGN(const kexie::Timestamp when, kx::timestamp(at, "at"));
    KX_TRY(campaign->campaign().commend(registry->registry(), book->book(), actor->actor, when));
    return KX_OK;
  });
}

int kx_campaign_digests(const char** concluded, const char** awarded, const kx_campaign* campaign) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(campaign);
    if (concluded != nullptr) *concluded = campaign->campaign().concluded_digest().c_str();
    if (awarded != nullptr) *awarded = campaign->campaign().award_digest().c_str();
    return KX_OK;
  });
}

int kx_campaign_add_entry_on(uint32_t* out, kx_campaign* campaign, const kx_entry_spec* spec,
                             const char* submitted) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(campaign);
    KX_NEED(spec);
    KX_TRY_ASSIGN(kexie::EntrySpec e, entry_spec_of(spec));
    KX_TRY_ASSIGN(const kexie::Date day, kx::date(submitted, "submitted"));
    KX_TRY_ASSIGN(const kexie::EntryId id, campaign->campaign().add_entry(std::move(e), day));
    *out = id.value();
    return KX_OK;
  });
}

int kx_campaign_find_entry(uint32_t* out, const kx_campaign* campaign, const char* code) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(campaign);
    KX_NEED(code);
    KX_TRY_ASSIGN(const kexie::EntryId id, campaign->campaign().find_entry(code));
    *out = id.value();
    return KX_OK;
  });
}

int kx_campaign_add_judge(uint32_t* out, kx_campaign* campaign, uint32_t person) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(campaign);
    KX_TRY_ASSIGN(const kexie::JudgeId id, campaign->campaign().add_judge(kexie::PersonId{person}));
    *out = id.value();
    return KX_OK;
  });
}

int kx_campaign_assign(kx_campaign* campaign, uint32_t judge, uint32_t entry) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(campaign);
    return campaign->campaign().assign(kexie::JudgeId{judge}, kexie::EntryId{entry});
  });
}

int kx_campaign_mark(kx_campaign* campaign, uint32_t judge, uint32_t entry,
                     const char* indicator_code, const char* mark) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(campaign);
    KX_TRY_ASSIGN(const Decimal m, kx::decimal(mark, "mark"));
    KX_NEED(indicator_code);
    return campaign->campaign().mark(kexie::JudgeId{judge}, kexie::EntryId{entry}, indicator_code,
                                     m);
  });
}

int kx_campaign_mark_batch(kx_campaign* campaign, const kx_mark* marks, size_t count,
                           size_t* failed) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(campaign);
    if (count > 0) KX_NEED(marks);
    KX_TRY(kx::array_size(count, sizeof(kexie::detail::IndexedMark), "count"));
    std::vector<kexie::detail::IndexedMark> in;
    in.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      kexie::Result<Decimal> d = Decimal::parse(kx::opt(marks[i].mark));
      if (!d) {
        if (failed != nullptr) *failed = i;
        return kx::invalid("mark #" + std::to_string(i + 1) + ": " + d.error().message());
      }
      in.push_back(
          {kexie::JudgeId{marks[i].judge}, kexie::EntryId{marks[i].entry}, marks[i].indicator, *d});
    }
    return mark_all(campaign, in, failed);
  });
}

int kx_campaign_mark_columns(kx_campaign* campaign, size_t count, const uint32_t* judges,
                             const uint32_t* entries, const uint32_t* indicators,
                             const int64_t* coefficients, int scale, size_t* failed) {
  // One thread: the same checks, marks and refusals (campaign_marking.cpp).
  return kx_campaign_mark_columns_threads(campaign, count, judges, entries, indicators,
                                          coefficients, scale, 1, failed);
}

int kx_campaign_veto(kx_campaign* campaign, uint32_t judge, uint32_t entry, const char* veto_code,
                     const char* reason) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(campaign);
    KX_NEED(veto_code);
    return campaign->campaign().veto(kexie::JudgeId{judge}, kexie::EntryId{entry}, veto_code,
                                     std::string(kx::opt(reason)));
  });
}

int kx_campaign_count(kx_campaign_counts* out, const kx_campaign* campaign) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(campaign);
    *out = {campaign->campaign().entry_count(), campaign->campaign().judge_count()};
    return KX_OK;
  });
}

int kx_campaign_standings_foreach(const kx_campaign* campaign, kx_standing_cb cb, void* payload) {
  int stop = 0;
  const int rc = kx::guard([&]() -> kx::Rc {
    KX_NEED(campaign);
    KX_NEED(cb);
    KX_TRY_ASSIGN(const std::vector<kexie::Standing> standings, campaign->campaign().standings());
    for (const kexie::Standing& s : standings) {
      const std::string total = s.total.to_string();
      const kx_standing st{s.entry.value(), static_cast<int>(s.status), total.c_str(), s.rank,
                           s.position};
      if ((stop = cb(&st, payload)) != 0) break;
    }
    return KX_OK;
  });
  return rc != 0 ? rc : kx::stopped(stop);
}

int kx_campaign_score(kx_scoreboard** out, const kx_campaign* campaign) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(campaign);
    auto b = std::make_unique<kx_scoreboard>();
    KX_TRY_ASSIGN(b->board, campaign->campaign().score());
    kx::refresh_text(*b);
    *out = b.release();
    return KX_OK;
  });
}

void kx_scoreboard_free(kx_scoreboard* board) { delete board; }

int kx_scoreboard_size(size_t* out, const kx_scoreboard* board) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(board);
    *out = board->board.entries.size();
    return KX_OK;
  });
}

int kx_scoreboard_entry(kx_entry_result* out, const kx_scoreboard* board, size_t index) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(board);
    if (index >= board->board.entries.size()) {
      return kx::invalid("index " + std::to_string(index) + " is past the board's end");
    }
    *out = result_of(*board, board->board.entries.entry(index));
    return KX_OK;
  });
}

int kx_scoreboard_prize(const char** out, const kx_scoreboard* board, uint32_t entry) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(board);
    if (board->board.find(kexie::EntryId{entry})) {
      const auto& prize = board->entry_text[entry - 1].prize;
      *out = prize ? prize->c_str() : nullptr;
      return KX_OK;
    }
    return kexie::Error(kexie::ErrorCode::not_found,
                        "entry:" + std::to_string(entry) + " is not on the board");
  });
}

int kx_scoreboard_find(kx_entry_result* out, const kx_scoreboard* board, uint32_t entry) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(board);
    if (!board->board.find(kexie::EntryId{entry})) {
      return kexie::Error(kexie::ErrorCode::not_found,
                          "entry " + std::to_string(entry) + " is not on the board");
    }
    *out = result_of(*board, kexie::EntryId{entry});
    return KX_OK;
  });
}

int kx_scoreboard_awards_foreach(const kx_scoreboard* board, kx_entry_result_cb cb, void* payload) {
  int stop = 0;
  const int rc = kx::guard([&]() -> kx::Rc {
    KX_NEED(board);
    KX_NEED(cb);
    const kexie::EntryTable& entries = board->board.entries;
    for (std::size_t k = 0; k < entries.size(); ++k) {
      if (!entries.tier(entries.entry(k))) continue;
      const kx_entry_result r = result_of(*board, entries.entry(k));
      if ((stop = cb(&r, payload)) != 0) break;
    }
    return KX_OK;
  });
  return rc != 0 ? rc : kx::stopped(stop);
}

int kx_scoreboard_count(kx_scoreboard_counts* out, const kx_scoreboard* board) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(board);
    *out = {board->board.units.size(), board->board.people.size(), board->board.cusps.size()};
    return KX_OK;
  });
}

int kx_scoreboard_unit(kx_advanced_unit* out, const kx_scoreboard* board, size_t index) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(board);
    if (index >= board->board.units.size()) {
      return kx::invalid("index " + std::to_string(index) + " is past the last unit");
    }
    const kexie::AdvancedUnit& u = board->board.units[index];
    const kx_scoreboard::UnitText& t = board->unit_text[index];
    *out = {u.unit.value(),
            u.entries,
            u.awarded,
            t.awarded_total.c_str(),
            t.participation_rate.c_str(),
            t.tce_saved.c_str()};
    return KX_OK;
  });
}

int kx_scoreboard_person(kx_advanced_person* out, const kx_scoreboard* board, size_t index) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(board);
    if (index >= board->board.people.size()) {
      return kx::invalid("index " + std::to_string(index) + " is past the last person");
    }
    const kexie::AdvancedIndividual& p = board->board.people[index];
    *out = {p.person.value(), p.best_tier, board->people_credit[index].c_str(), p.entries.size()};
    return KX_OK;
  });
}

int kx_scoreboard_digest(const char** out, const kx_scoreboard* board) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(board);
    *out = board->board.digest().c_str();
    return KX_OK;
  });
}

int kx_explain_text(char** out, const kx_campaign* campaign, const kx_scoreboard* board,
                    uint32_t entry, int language) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(campaign);
    KX_NEED(board);
    KX_TRY_ASSIGN(const kexie::Language lang, kx::enum_arg<kexie::Language>(language, "language"));
    KX_TRY_ASSIGN(const kexie::Explanation x,
                  kexie::explain(campaign->campaign(), board->board, kexie::EntryId{entry}));
    return kx::give(out, kexie::to_text(x, lang));
  });
}

int kx_explain_json(char** out, const kx_campaign* campaign, const kx_scoreboard* board,
                    uint32_t entry) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(campaign);
    KX_NEED(board);
    KX_TRY_ASSIGN(const kexie::Explanation x,
                  kexie::explain(campaign->campaign(), board->board, kexie::EntryId{entry}));
    return kx::give(out, kexie::to_json(x));
  });
}

}  // extern "C"
