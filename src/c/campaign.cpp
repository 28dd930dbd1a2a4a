// The C API over kexie::Campaign: configuration, rubrics (an indicator array or
// a line-based text description), entries, judges, marks (one at a time and in
// batches), standings, the scoreboard with awards and advanced units and people,
// and explanations as text and as JSON.
#include <cstdio>
#include <sstream>
#include <vector>

#include "capi.hpp"
#include "handles.hpp"
#include "kexie/explain.hpp"

namespace {

using kexie::Decimal;
using kexie::ErrorCode;

kexie::ClaimedFigure figure_named(std::string_view name) {
  for (int i = 0; i <= KX_FIGURE_ACHIEVEMENTS_TRANSFORMED; ++i) {
    const auto f = static_cast<kexie::ClaimedFigure>(i);
    if (kexie::to_string(f) == name) return f;
  }
  kx::refuse(ErrorCode::invalid_argument, "unknown claimed figure \"" + std::string(name) + "\"");
}

std::vector<std::string> split(std::string_view text, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = text.find(sep, start);
    out.emplace_back(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

std::vector<kexie::TieBreak> tie_breaks(const char* text) {
  std::vector<kexie::TieBreak> out;
  if (text == nullptr || *text == '\0') return out;
  for (const std::string& raw : split(text, ',')) {
    const std::string t = trim(raw);
    if (t == "objective_total") {
      out.push_back(kexie::TieBreak::objective_total());
    } else if (t == "top_marks") {
      out.push_back(kexie::TieBreak::top_marks());
    } else if (t.rfind("indicator:", 0) == 0) {
      out.push_back(kexie::TieBreak::indicator(t.substr(10)));
    } else if (t.rfind("figure:", 0) == 0) {
      out.push_back(kexie::TieBreak::figure(figure_named(t.substr(7))));
    } else {
      kx::refuse(ErrorCode::invalid_argument, "unknown tie-break \"" + t + "\"");
    }
  }
  return out;
}

kexie::CampaignSpec spec_of(const kx_campaign_options* o) {
  kx::check_version(o->version, KX_CAMPAIGN_OPTIONS_VERSION, "kx_campaign_options");
  kexie::CampaignSpec s;
  s.name = std::string(kx::opt(o->name));
  s.organizer = kexie::OrgId{o->organizer};
  s.as_of = kx::date(o->as_of, "as_of");
  s.year = o->year;
  auto narrow = [](unsigned int v, const char* what) {
    if (v > 255) kx::refuse(ErrorCode::invalid_argument, std::string(what) + " is above 255");
    return static_cast<std::uint8_t>(v);
  };
  s.panel.aggregation = {kx::enum_of<kexie::AggregationMethod>(o->aggregation, 3, "aggregation"),
                         narrow(o->drop_low, "drop_low"), narrow(o->drop_high, "drop_high"),
                         narrow(o->trim_from, "trim_from")};
  if (o->aggregation != KX_AGGREGATE_TRIMMED_MEAN) s.panel.aggregation.drop_low = s.panel.aggregation.drop_high = s.panel.aggregation.trim_from = 0;
  if (!s.panel.aggregation.ok())
    kx::refuse(ErrorCode::invalid_argument, "a trimmed mean must keep at least one mark");
  s.panel.normalization.enabled = o->normalize != 0;
  s.panel.min_judges = o->min_judges;
  s.panel.veto_threshold = o->veto_threshold;
  s.panel.max_judges_per_entry = o->max_judges_per_entry;
  s.rank_per_category = o->rank_per_category != 0;
  s.tie_breaks = tie_breaks(o->tie_breaks);
  if (o->tier_count > 0) kx::need(o->tiers, "tiers");
  for (std::size_t i = 0; i < o->tier_count; ++i) {
    const kx_award_tier& t = o->tiers[i];
    kexie::AwardTier tier;
    tier.name = std::string(kx::opt(t.name));
    tier.by_count = t.by_count != 0;
    tier.share = kx::decimal_or(t.share, Decimal(0), "tier share");
    tier.count = t.count;
    tier.rounding = kx::enum_of<kexie::Rounding>(t.rounding, 7, "tier rounding");
    tier.min_score = kx::decimal_or(t.min_score, Decimal(0), "tier min_score");
    s.awards.tiers.push_back(std::move(tier));
  }
  s.awards.boundary_ties = kx::enum_of<kexie::BoundaryTies>(o->boundary_ties, 3, "boundary_ties");
  s.awards.cusp_margin = kx::decimal_or(o->cusp_margin, Decimal(1), "cusp_margin");
  s.awards.units.min_awarded_entries = o->unit_min_awarded;
  s.awards.units.max_units = o->unit_max;
  s.awards.individuals.top_tiers = o->people_top_tiers;
  s.awards.individuals.min_share = kx::decimal_or(o->people_min_share, Decimal(0), "people_min_share");
  s.awards.individuals.max_people = o->people_max;
  if (o->max_team_size > 0)
    s.eligibility.push_back(kexie::EligibilityRule::max_team_size(static_cast<std::int32_t>(o->max_team_size)));
  return s;
}

std::vector<kexie::Tier> tiers_of(const char* text) {
  std::vector<kexie::Tier> out;
  if (text == nullptr || *text == '\0') return out;
  for (const std::string& raw : split(text, ';')) {
    const std::string t = trim(raw);
    if (t.empty()) continue;
    const auto colon = t.find(':');
    if (colon == std::string::npos)
      kx::refuse(ErrorCode::invalid_argument, "tier \"" + t + "\" is not at_least:points");
    const std::string a = t.substr(0, colon), p = t.substr(colon + 1);
    out.push_back({kx::decimal(a.c_str(), "tier threshold"), kx::decimal(p.c_str(), "tier points")});
  }
  return out;
}

kexie::IndicatorSpec indicator_of(const kx_indicator& i) {
  kexie::IndicatorSpec s;
  s.code = std::string(kx::opt(i.code));
  s.name = std::string(kx::opt(i.name));
  s.parent = std::string(kx::opt(i.parent));
  s.kind = kx::enum_of<kexie::IndicatorKind>(i.kind, 5, "indicator kind");
  s.weight = kx::decimal_or(i.weight, Decimal(0), "weight");
  s.scale = {kx::decimal_or(i.min, Decimal(0), "min"), kx::decimal_or(i.max, Decimal(0), "max"),
             kx::decimal_or(i.step, Decimal(0), "step")};
  if (s.kind == kexie::IndicatorKind::objective) {
    s.objective.figure = kx::enum_of<kexie::ClaimedFigure>(i.figure, 10, "figure");
    s.objective.tiers = tiers_of(i.tiers);
    s.objective.floor = kx::decimal_or(i.floor, Decimal(0), "floor");
    s.objective.per_unit = kx::decimal_or(i.per_unit, Decimal(0), "per_unit");
    s.objective.cap = kx::decimal_or(i.cap, Decimal(0), "cap");
  }
  s.bonus_cap = kx::decimal_or(i.bonus_cap, Decimal(0), "bonus_cap");
  return s;
}

void set_rubric(kx_campaign* c, int category, const char* name,
                const std::vector<kexie::IndicatorSpec>& specs) {
  const auto cat = kx::enum_of<kexie::Category>(category, 6, "category");
  kexie::Rubric r = kx::take(kexie::Rubric::build(std::string(kx::opt(name)), specs));
  kx::take(c->campaign().set_rubric(cat, std::move(r)));
}

std::size_t failed_position(const kexie::Error& e, std::size_t count) {
  if (count == 1) return 0;
  const std::string& m = e.message();
  const auto at = m.rfind("(mark #");
  if (at == std::string::npos) return count;
  return static_cast<std::size_t>(std::strtoull(m.c_str() + at + 7, nullptr, 10)) - 1;
}

int mark_all(kx_campaign* campaign, const std::vector<kexie::detail::IndexedMark>& marks, size_t* failed) {
  const kexie::Status s = campaign->campaign().mark_all(marks);
  if (!s) {
    if (failed != nullptr) *failed = failed_position(s.error(), marks.size());
    throw kx::Refusal{s.error()};
  }
  return 0;
}

kx_entry_result result_of(const kx_scoreboard& b, std::size_t i) {
  const kexie::EntryResult& r = b.board.entries[i];
  const kx_scoreboard::EntryText& t = b.entry_text[i];
  return {r.entry.value(),
          r.code.c_str(),
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
          r.award.c_str()};
}

// --- JSON --------------------------------------------------------------------

void json_string(std::string& out, std::string_view s) {
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
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
  void field(std::string_view k, std::string_view v) { key(k); json_string(out, v); }
  void field(std::string_view k, std::uint64_t v) { key(k); out += std::to_string(v); }
  void field_bool(std::string_view k, bool v) { key(k); out += v ? "true" : "false"; }
  void field_null(std::string_view k) { key(k); out += "null"; }
};

const char* kind_name(kexie::IndicatorKind k) {
  switch (k) {
    case kexie::IndicatorKind::group: return "group";
    case kexie::IndicatorKind::judged: return "judged";
    case kexie::IndicatorKind::objective: return "objective";
    case kexie::IndicatorKind::bonus: return "bonus";
    case kexie::IndicatorKind::veto: return "veto";
  }
  return "unknown";
}

std::string to_json(const kexie::Explanation& x) {
  Json j;
  j.out += '{';
  j.field("entry", x.result.entry.value());
  j.field("code", x.result.code);
  j.field("title", x.title);
  j.field("rubric", x.rubric);
  j.field("category", kexie::to_string(x.result.category));
  j.field("status", kexie::to_string(x.result.status));
  j.field("total", x.result.total.to_string());
  j.field("judged_part", x.result.judged_part.to_string());
  j.field("objective_part", x.result.objective_part.to_string());
  j.field("bonus", x.result.bonus.to_string());
  j.field("rank", x.result.rank);
  j.field("position", x.result.position);
  if (x.result.tier) j.field("tier", *x.result.tier); else j.field_null("tier");
  j.field("award", x.result.award);
  j.field("aggregation", kexie::to_string(x.aggregation.method));
  j.field_bool("normalized", x.normalized);
  j.key("lines");
  j.out += '[';
  for (std::size_t i = 0; i < x.lines.size(); ++i) {
    const kexie::IndicatorLine& l = x.lines[i];
    if (i > 0) j.out += ',';
    Json o;
    o.out += '{';
    o.field("code", l.code);
    o.field("name", l.name);
    o.field("kind", kind_name(l.kind));
    o.field("method", kexie::to_string(l.method));
    if (l.value) o.field("value", l.value->to_string()); else o.field_null("value");
    o.field("weight", l.weight.to_string());
    o.field("contribution", l.contribution.to_string());
    o.field("figure", l.figure);
    o.key("marks");
    o.out += '[';
    for (std::size_t k = 0; k < l.marks.size(); ++k) {
      const kexie::JudgeMark& m = l.marks[k];
      if (k > 0) o.out += ',';
      Json mj;
      mj.out += '{';
      mj.field("judge", m.judge.value());
      mj.field("mark", m.mark.to_string());
      if (m.normalized) mj.field("normalized", m.normalized->to_string()); else mj.field_null("normalized");
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
  j.out += '}';
  return j.out;
}

}  // namespace

extern "C" {

int kx_campaign_new(kx_campaign** out, const kx_registry* registry,
                    const kx_campaign_options* options) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(registry, "registry");
    kx::need(options, "options");
    *out = new kx_campaign(kexie::Campaign(registry->registry(), spec_of(options)));
  });
}

void kx_campaign_free(kx_campaign* campaign) {
  if (campaign != nullptr && campaign->borrowed()) return;  // the snapshot owns it
  delete campaign;
}

int kx_campaign_set_rubric(kx_campaign* campaign, int category, const char* name,
                           const kx_indicator* indicators, size_t count) {
  return kx::guard([&] {
    kx::need(campaign, "campaign");
    if (count > 0) kx::need(indicators, "indicators");
    std::vector<kexie::IndicatorSpec> specs;
    for (std::size_t i = 0; i < count; ++i) specs.push_back(indicator_of(indicators[i]));
    set_rubric(campaign, category, name, specs);
  });
}

int kx_campaign_set_rubric_text(kx_campaign* campaign, int category, const char* name,
                                const char* text) {
  return kx::guard([&] {
    kx::need(campaign, "campaign");
    std::vector<kexie::IndicatorSpec> specs;
    int line_no = 0;
    for (const std::string& raw : split(kx::str(text, "text"), '\n')) {
      ++line_no;
      const std::string line = trim(raw);
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> f = split(line, '|');
      for (std::string& s : f) s = trim(s);
      if (f.size() < 4 || f.size() > 14)
        kx::refuse(ErrorCode::invalid_argument,
                   "rubric line " + std::to_string(line_no) + ": expected 4 to 14 '|'-separated fields");
      f.resize(14);
      static const char* const kinds[] = {"group", "judged", "objective", "bonus", "veto"};
      int kind = -1;
      for (int k = 0; k < 5; ++k)
        if (f[3] == kinds[k]) kind = k;
      if (kind < 0)
        kx::refuse(ErrorCode::invalid_argument,
                   "rubric line " + std::to_string(line_no) + ": unknown kind \"" + f[3] + "\"");
      auto c = [&](std::size_t k) { return f[k].empty() ? nullptr : f[k].c_str(); };
      kx_indicator ind{c(0), c(1), c(2), kind, c(4), c(5), c(6), c(7), 0, c(9), c(10), c(11), c(12), c(13)};
      if (kind == KX_INDICATOR_OBJECTIVE) {
        if (f[8].empty())
          kx::refuse(ErrorCode::invalid_argument,
                     "rubric line " + std::to_string(line_no) + ": an objective indicator needs a figure");
        ind.figure = static_cast<int>(figure_named(f[8]));
      }
      specs.push_back(indicator_of(ind));
    }
    set_rubric(campaign, category, name, specs);
  });
}

int kx_campaign_indicator_index(uint32_t* out, const kx_campaign* campaign, int category,
                                const char* code) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(campaign, "campaign");
    const kexie::Rubric r = kx::take(
        campaign->campaign().rubric(kx::enum_of<kexie::Category>(category, 6, "category")));
    *out = kx::take(r.find(kx::str(code, "code")));
  });
}

int kx_campaign_add_entry(uint32_t* out, kx_campaign* campaign, const kx_entry_spec* spec) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(campaign, "campaign");
    kx::need(spec, "spec");
    kx::check_version(spec->version, KX_ENTRY_SPEC_VERSION, "kx_entry_spec");
    kexie::EntrySpec e;
    e.code = std::string(kx::opt(spec->code));
    e.title = std::string(kx::opt(spec->title));
    e.unit = kexie::OrgId{spec->unit};
    e.category = kx::enum_of<kexie::Category>(spec->category, 6, "category");
    if (spec->focus > 15) kx::refuse(ErrorCode::invalid_argument, "focus has unknown bits");
    e.focus = static_cast<std::uint8_t>(spec->focus);
    if (spec->team_count > 0) kx::need(spec->team, "team");
    for (std::size_t i = 0; i < spec->team_count; ++i)
      e.team.push_back({kexie::PersonId{spec->team[i].person},
                        kx::decimal(spec->team[i].share, "team share")});
    e.in_use_since = kx::date(spec->in_use_since, "in_use_since");
    if (spec->energy_count > 0) kx::need(spec->energy, "energy");
    for (std::size_t i = 0; i < spec->energy_count; ++i) {
      const kx_energy_claim& c = spec->energy[i];
      e.claims.energy.push_back({kx::enum_of<kexie::Carrier>(c.carrier, 15, "carrier"),
                                 {kx::decimal(c.quantity, "energy quantity"),
                                  kx::enum_of<kexie::Unit>(c.unit, 12, "unit")}});
    }
    e.claims.material_saved_t = kx::decimal_or(spec->material_saved_t, Decimal(0), "material_saved_t");
    e.claims.co2_avoided_t = kx::decimal_or(spec->co2_avoided_t, Decimal(0), "co2_avoided_t");
    e.claims.hours_saved = kx::decimal_or(spec->hours_saved, Decimal(0), "hours_saved");
    e.claims.efficiency_gain_percent =
        kx::decimal_or(spec->efficiency_gain_percent, Decimal(0), "efficiency_gain_percent");
    e.claims.annual_benefit_yuan =
        kx::decimal_or(spec->annual_benefit_yuan, Decimal(0), "annual_benefit_yuan");
    if (spec->patent_count > 0) kx::need(spec->patents, "patents");
    for (std::size_t i = 0; i < spec->patent_count; ++i) {
      const kx_patent& p = spec->patents[i];
      e.claims.patents.push_back({kx::enum_of<kexie::PatentType>(p.type, 3, "patent type"),
                                  kx::enum_of<kexie::PatentStatus>(p.status, 2, "patent status"),
                                  std::string(kx::opt(p.number))});
    }
    e.claims.achievements_transformed = spec->achievements_transformed;
    *out = kx::take(campaign->campaign().add_entry(std::move(e))).value();
  });
}

int kx_campaign_find_entry(uint32_t* out, const kx_campaign* campaign, const char* code) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(campaign, "campaign");
    *out = kx::take(campaign->campaign().find_entry(kx::str(code, "code"))).value();
  });
}

int kx_campaign_add_judge(uint32_t* out, kx_campaign* campaign, uint32_t person) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(campaign, "campaign");
    *out = kx::take(campaign->campaign().add_judge(kexie::PersonId{person})).value();
  });
}

int kx_campaign_assign(kx_campaign* campaign, uint32_t judge, uint32_t entry) {
  return kx::guard([&] {
    kx::need(campaign, "campaign");
    kx::take(campaign->campaign().assign(kexie::JudgeId{judge}, kexie::EntryId{entry}));
  });
}

int kx_campaign_mark(kx_campaign* campaign, uint32_t judge, uint32_t entry,
                     const char* indicator_code, const char* mark) {
  return kx::guard([&] {
    kx::need(campaign, "campaign");
    kx::take(campaign->campaign().mark(kexie::JudgeId{judge}, kexie::EntryId{entry},
                                       kx::str(indicator_code, "indicator_code"),
                                       kx::decimal(mark, "mark")));
  });
}

int kx_campaign_mark_batch(kx_campaign* campaign, const kx_mark* marks, size_t count,
                           size_t* failed) {
  return kx::guard([&] {
    kx::need(campaign, "campaign");
    if (count > 0) kx::need(marks, "marks");
    std::vector<kexie::detail::IndexedMark> in;
    in.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      auto d = kexie::Decimal::parse(kx::opt(marks[i].mark));
      if (!d) {
        if (failed != nullptr) *failed = i;
        kx::refuse(ErrorCode::invalid_argument,
                   "mark #" + std::to_string(i + 1) + ": " + d.error().message());
      }
      in.push_back({kexie::JudgeId{marks[i].judge}, kexie::EntryId{marks[i].entry}, marks[i].indicator, *d});
    }
    mark_all(campaign, in, failed);
  });
}

int kx_campaign_mark_columns(kx_campaign* campaign, size_t count, const uint32_t* judges,
                             const uint32_t* entries, const uint32_t* indicators,
                             const int64_t* coefficients, int scale, size_t* failed) {
  return kx::guard([&] {
    kx::need(campaign, "campaign");
    if (count > 0) {
      kx::need(judges, "judges");
      kx::need(entries, "entries");
      kx::need(indicators, "indicators");
      kx::need(coefficients, "coefficients");
    }
    std::vector<kexie::detail::IndexedMark> in;
    in.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      auto d = kexie::Decimal::from_coefficient(coefficients[i], scale);
      if (!d) {
        if (failed != nullptr) *failed = i;
        throw kx::Refusal{d.error()};
      }
      in.push_back({kexie::JudgeId{judges[i]}, kexie::EntryId{entries[i]}, indicators[i], *d});
    }
    mark_all(campaign, in, failed);
  });
}

int kx_campaign_veto(kx_campaign* campaign, uint32_t judge, uint32_t entry, const char* veto_code,
                     const char* reason) {
  return kx::guard([&] {
    kx::need(campaign, "campaign");
    kx::take(campaign->campaign().veto(kexie::JudgeId{judge}, kexie::EntryId{entry},
                                       kx::str(veto_code, "veto_code"),
                                       std::string(kx::opt(reason))));
  });
}

int kx_campaign_count(kx_campaign_counts* out, const kx_campaign* campaign) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(campaign, "campaign");
    *out = {campaign->campaign().entry_count(), campaign->campaign().judge_count()};
  });
}

int kx_campaign_standings_foreach(const kx_campaign* campaign, kx_standing_cb cb, void* payload) {
  int stop = 0;
  const int rc = kx::guard([&] {
    kx::need(campaign, "campaign");
    kx::need(cb, "cb");
    for (const kexie::Standing& s : kx::take(campaign->campaign().standings())) {
      const std::string total = s.total.to_string();
      const kx_standing st{s.entry.value(), static_cast<int>(s.status), total.c_str(), s.rank,
                           s.position};
      if ((stop = cb(&st, payload)) != 0) return;
    }
  });
  return rc != 0 ? rc : stop;
}

int kx_campaign_score(kx_scoreboard** out, const kx_campaign* campaign) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(campaign, "campaign");
    auto b = std::make_unique<kx_scoreboard>();
    b->board = kx::take(campaign->campaign().score());
    for (const kexie::EntryResult& r : b->board.entries)
      b->entry_text.push_back({r.total.to_string(), r.judged_part.to_string(),
                               r.objective_part.to_string(), r.bonus.to_string()});
    for (const kexie::AdvancedUnit& u : b->board.units)
      b->unit_text.push_back({u.awarded_total.to_string(), u.participation_rate.to_string(),
                              u.tce_saved.to_string()});
    for (const kexie::AdvancedIndividual& p : b->board.people)
      b->people_credit.push_back(p.credit.to_string());
    *out = b.release();
  });
}

void kx_scoreboard_free(kx_scoreboard* board) { delete board; }

int kx_scoreboard_size(size_t* out, const kx_scoreboard* board) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(board, "board");
    *out = board->board.entries.size();
  });
}

int kx_scoreboard_entry(kx_entry_result* out, const kx_scoreboard* board, size_t index) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(board, "board");
    if (index >= board->board.entries.size())
      kx::refuse(ErrorCode::invalid_argument, "index " + std::to_string(index) + " is past the board's end");
    *out = result_of(*board, index);
  });
}

int kx_scoreboard_find(kx_entry_result* out, const kx_scoreboard* board, uint32_t entry) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(board, "board");
    const kexie::EntryResult* r = board->board.find(kexie::EntryId{entry});
    if (r == nullptr) kx::refuse(ErrorCode::not_found, "entry " + std::to_string(entry) + " is not on the board");
    *out = result_of(*board, static_cast<std::size_t>(r - board->board.entries.data()));
  });
}

int kx_scoreboard_awards_foreach(const kx_scoreboard* board, kx_entry_result_cb cb,
                                 void* payload) {
  int stop = 0;
  const int rc = kx::guard([&] {
    kx::need(board, "board");
    kx::need(cb, "cb");
    for (std::size_t i = 0; i < board->board.entries.size(); ++i) {
      if (!board->board.entries[i].tier) continue;
      const kx_entry_result r = result_of(*board, i);
      if ((stop = cb(&r, payload)) != 0) return;
    }
  });
  return rc != 0 ? rc : stop;
}

int kx_scoreboard_count(kx_scoreboard_counts* out, const kx_scoreboard* board) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(board, "board");
    *out = {board->board.units.size(), board->board.people.size(), board->board.cusps.size()};
  });
}

int kx_scoreboard_unit(kx_advanced_unit* out, const kx_scoreboard* board, size_t index) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(board, "board");
    if (index >= board->board.units.size())
      kx::refuse(ErrorCode::invalid_argument, "index " + std::to_string(index) + " is past the last unit");
    const kexie::AdvancedUnit& u = board->board.units[index];
    const kx_scoreboard::UnitText& t = board->unit_text[index];
    *out = {u.unit.value(), u.entries, u.awarded, t.awarded_total.c_str(),
            t.participation_rate.c_str(), t.tce_saved.c_str()};
  });
}

int kx_scoreboard_person(kx_advanced_person* out, const kx_scoreboard* board, size_t index) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(board, "board");
    if (index >= board->board.people.size())
      kx::refuse(ErrorCode::invalid_argument, "index " + std::to_string(index) + " is past the last person");
    const kexie::AdvancedIndividual& p = board->board.people[index];
    *out = {p.person.value(), p.best_tier, board->people_credit[index].c_str(), p.entries.size()};
  });
}

int kx_scoreboard_digest(const char** out, const kx_scoreboard* board) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(board, "board");
    *out = board->board.digest().c_str();
  });
}

int kx_explain_text(char** out, const kx_campaign* campaign, const kx_scoreboard* board,
                    uint32_t entry, int language) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(campaign, "campaign");
    kx::need(board, "board");
    const auto lang = kx::enum_of<kexie::Language>(language, 2, "language");
    const kexie::Explanation x =
        kx::take(kexie::explain(campaign->campaign(), board->board, kexie::EntryId{entry}));
    *out = kx::dup(kexie::to_text(x, lang));
  });
}

int kx_explain_json(char** out, const kx_campaign* campaign, const kx_scoreboard* board,
                    uint32_t entry) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(campaign, "campaign");
    kx::need(board, "board");
    const kexie::Explanation x =
        kx::take(kexie::explain(campaign->campaign(), board->board, kexie::EntryId{entry}));
    *out = kx::dup(to_json(x));
  });
}

}  // extern "C"
