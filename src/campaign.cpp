// Campaign mutations: the spec and rubrics, entries, the panel, marks and
// vetoes. Each public mutator runs the checks that read the registry
// (enterprise derivation, eligibility, conflicts of interest) and then the
// record_* step that keeps only the structural checks and writes the fact; a
// snapshot load calls the record_* steps alone (campaign_state.hpp). Marks are
// stored as 32-bit integers at 4 places in one contiguous array (entry × column
// × judge slot); scoring (campaign_scoring.cpp) reads them.
#include "kexie/campaign.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <exception>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_set>

#include "campaign_marking.hpp"
#include "campaign_state.hpp"
#include "detail/aggregate.hpp"
#include "detail/conflict.hpp"
#include "detail/parallel.hpp"
#include "kexie/membership.hpp"
#include "kexie/registry.hpp"
#include "kexie/text.hpp"
#include "kexie/thread_team.hpp"

namespace kexie {
inline namespace v1 {

using detail::CampaignImpl;
using detail::CategoryState;
using detail::cell_of;
using detail::EntryHot;
using detail::EntryRecord;
using detail::figure_index;
using detail::kNoMark;
using detail::VetoRecord;

namespace {

/// Makes room for `n` more elements in `v`, growing it geometrically. A
/// mutation makes room in everything it appends to before it changes anything,
/// so a std::bad_alloc leaves the campaign as it was (the strong guarantee).
template <class V>
void room(V& v, std::size_t n = 1) {
  if (v.capacity() - v.size() < n) v.reserve(std::max(v.size() + n, 2 * v.capacity()));
}

// A mark as an integer at 4 places in `units`; false when it has more places or is too
// big. Marks come with at most 4 places: those are scaled by a power of ten, in integers
// (a flag and an out parameter, not an optional: the hot loop of mark_all reads it).
bool mark_units(const Decimal& d, std::int32_t& units) {
  static_assert(detail::kMarkScale == 4);
  constexpr std::int64_t kBy[] = {10'000, 1'000, 100, 10, 1};
  constexpr std::int64_t kMax[] = {1'000, 10'000, 100'000, 1'000'000, 10'000'000};  // 10^7 / by
  const int scale = d.scale();
  if (scale >= 0 && scale <= detail::kMarkScale) {
    const std::int64_t c = d.coefficient();
    if (c > kMax[scale] || c < -kMax[scale]) return false;
    units = static_cast<std::int32_t>(c * kBy[scale]);
    return true;
  }
  auto r = d.rescaled(detail::kMarkScale, Rounding::down);
  if (!r || *r != d || r->coefficient() > 10'000'000 || r->coefficient() < -10'000'000) {
    return false;
  }
  units = static_cast<std::int32_t>(r->coefficient());
  return true;
}

// A scale bound or step of a rubric at 4 places; a refusal (never an exception) when
// it has more places or lies beyond ±1000, though Rubric::build already refuses both.
Result<std::int32_t> mark_units(const Decimal& d, const Indicator& ind, std::string_view what) {
  std::int32_t units = 0;
  if (!mark_units(d, units)) {
    const std::string message = "rubric indicator " + quote_input(ind.code) + ": the scale's " +
                                std::string(what) + " " + d.to_string() +
                                " has more than 4 places or lies beyond ±1000";
    return Error(ErrorCode::rule_violation, message, "rubric.scale", "A12");
  }
  return units;
}

std::int64_t units_at(const Decimal& d, int scale) {
  return d.rescaled(scale, Rounding::half_even).value().coefficient();
}

Error entry_error(ErrorCode code, const std::string& entry, const std::string& what,
                  std::string rule = {}, std::string article = {}) {
  return Error(code, "entry \"" + entry + "\": " + what, std::move(rule), std::move(article));
}

// Whole months from `from` to `to` (negative when `to` is earlier).
int whole_months(Date from, Date to) {
  int m = (to.year() - from.year()) * 12 + (to.month() - from.month());
  if (to.day() < from.day()) --m;
  return m;
}

// ---- phases (A12) ---------------------------------------------------------------------------

// Refuses any mutation once the campaign is concluded (A12: the results are frozen).
Status check_not_frozen(const CampaignImpl& s, std::string_view what) {
  const CampaignPhase now = s.phase();
  if (now != CampaignPhase::concluded && now != CampaignPhase::commended) return {};
  return Error(ErrorCode::rule_violation,
               std::string(what) + ": the campaign is " + std::string(to_string(now)) +
                   " and its results are frozen",
               "campaign.frozen", "A12");
}

// Refuses a mutation outside `wanted` in a bound campaign, and any mutation once concluded.
Status require_phase(const CampaignImpl& s, std::optional<CampaignPhase> wanted, const char* rule,
                     std::string_view what) {
  if (Status st = check_not_frozen(s, what); !st) return st;
  const CampaignPhase now = s.phase();
  if (now == CampaignPhase::unbound || !wanted || now == *wanted) return {};
  return Error(ErrorCode::rule_violation,
               std::string(what) + " only in phase " + std::string(to_string(*wanted)) +
                   "; the campaign is in phase " + std::string(to_string(now)),
               rule, "A12");
}

// Whether the expert rule applies to this campaign.
bool experts_required(const CampaignImpl& s) noexcept {
  switch (s.spec.panel.experts) {
    case ExpertRule::bound_campaigns:
      return s.book != nullptr;
    case ExpertRule::always:
      return true;
    case ExpertRule::off:
      return false;
  }
  return true;
}

// The listings of `person` in the pools of the organizer and the organizations above
// it on `on`; empty when they are not an expert there.
std::vector<ExpertListing> listings_of(const CampaignImpl& s, PersonId person) {
  const Registry& reg = *s.registry;
  const Date on = s.spec.as_of;
  std::vector<ExpertListing> out;
  if (!s.spec.organizer.ok()) return out;
  std::vector<OrgId> orgs{s.spec.organizer};
  for (OrgId a : reg.ancestor_ids(s.spec.organizer, on)) {
    if (std::find(orgs.begin(), orgs.end(), a) == orgs.end()) orgs.push_back(a);
  }
  for (OrgId org : orgs) {
    for (ExpertId e : reg.expert_ids(org, on)) {
      auto listing = reg.expert(e);
      if (listing && listing->person == person) out.push_back(*listing);
    }
  }
  return out;
}

// ---- entries --------------------------------------------------------------------------------

// The first structural checks of an entry: a code, not yet used, in a category with a rubric.
Status check_entry_code(const CampaignImpl& s, const EntrySpec& spec) {
  const std::string& code = spec.code;
  if (code.empty()) return Error(ErrorCode::invalid_argument, "an entry needs a code (申报编号)");
  if (s.by_code.contains(code)) {
    return entry_error(ErrorCode::already_exists, code, "the code is already used", "entry.code");
  }
  if (!s.categories[static_cast<std::size_t>(spec.category)].rubric) {
    return entry_error(ErrorCode::not_found, code,
                       "no rubric for category " + std::string(to_string(spec.category)));
  }
  return {};
}

Error not_under_enterprise(const CampaignImpl& s, const EntrySpec& spec) {
  return entry_error(ErrorCode::rule_violation, spec.code,
                     "the submitting unit " + to_string(spec.unit) +
                         " is not an enterprise association, or under one, on " +
                         s.spec.as_of.to_string(),
                     "entry.unit", "A10");
}

// The enterprise association an entry belongs to on the campaign's date: the
// submitting unit itself (an enterprise association or proxy), or the
// enterprise association above its branch or study group. Reads the registry.
Result<OrgId> derive_enterprise(const CampaignImpl& s, const EntrySpec& spec) {
  const Registry& reg = *s.registry;
  const Date on = s.spec.as_of;
  auto unit_kind = reg.kind(spec.unit);
  if (!unit_kind) return entry_error(ErrorCode::not_found, spec.code, unit_kind.error().message());
  if (reg.exists(spec.unit, on)) {
    if (*unit_kind == OrgKind::enterprise || *unit_kind == OrgKind::proxy) return spec.unit;
    if (*unit_kind == OrgKind::branch || *unit_kind == OrgKind::study_group) {
      for (OrgId a : reg.ancestor_ids(spec.unit, on)) {
        if (reg.kind(a).value_or(OrgKind::partner) == OrgKind::enterprise) return a;
      }
    }
  }
  return not_under_enterprise(s, spec);
}

// The organizer's subtree (A12/A14): the entry's enterprise association must be
// within the organizer on the campaign's date. Reads the registry.
Status check_scope(const CampaignImpl& s, const EntrySpec& spec, OrgId enterprise) {
  if (!s.spec.enforce_scope) return {};
  const Date on = s.spec.as_of;
  if (!s.spec.organizer.ok() || !s.registry->within(enterprise, s.spec.organizer, on)) {
    return entry_error(ErrorCode::rule_violation, spec.code,
                       "the enterprise association " + to_string(enterprise) +
                           " is outside the subtree of the organizer " +
                           to_string(s.spec.organizer) + " on " + on.to_string(),
                       "entry.scope", "A12");
  }
  return {};
}

// The eligibility rules of the campaign (A10), every failure reported. Reads the registry.
Status check_eligibility(const CampaignImpl& s, const EntrySpec& spec) {
  std::vector<std::string> failed;
  for (const EligibilityRule& rule : s.spec.eligibility) {
    std::string why;
    switch (rule.kind) {
      case EligibilityRule::Kind::max_team_size:
        if (spec.team.size() > static_cast<std::size_t>(rule.n)) {
          why = "team of " + std::to_string(spec.team.size()) + " > " + std::to_string(rule.n);
        }
        break;
      case EligibilityRule::Kind::max_leader_age: {
        const Person leader = s.registry->person(spec.team.front().person).value();
        const int age = age_on(leader.birth, rule.on);
        if (age > rule.n) {
          why = "leader aged " + std::to_string(age) + " > " + std::to_string(rule.n) + " on " +
                rule.on.to_string();
        }
        break;
      }
      case EligibilityRule::Kind::min_months_in_use: {
        const int months = whole_months(spec.in_use_since, rule.on);
        if (months < rule.n) {
          why = "in use " + std::to_string(std::max(months, 0)) + " months < " +
                std::to_string(rule.n) + " on " + rule.on.to_string();
        }
        break;
      }
      case EligibilityRule::Kind::requires_focus:
        if (spec.focus == 0) why = "no focus tag (节能, 降耗, 减排, 增效)";
        break;
    }
    if (!why.empty()) failed.push_back(std::string(rule.rule_id()) + " (" + why + ")");
  }
  if (!failed.empty()) {
    std::string msg = "fails " + std::to_string(failed.size()) + " eligibility rule" +
                      (failed.size() > 1 ? "s: " : ": ");
    for (std::size_t i = 0; i < failed.size(); ++i) msg += (i ? "; " : "") + failed[i];
    return entry_error(ErrorCode::rule_violation, spec.code, msg, "entry.eligibility", "A10");
  }
  return {};
}

// What an entry will record, computed once: claimed figures, their conversions
// and the objective values, all checked.
struct PreparedEntry {
  EntryRecord rec;
  std::vector<std::int64_t> objective;
};

// The structural checks of an entry and what it will record: the code, the
// units and people it names exist, the team and shares, the claims and their
// conversions, every objective indicator computable (so scoring cannot fail later).
Result<PreparedEntry> prepare_entry(const CampaignImpl& s, const EntrySpec& spec,
                                    OrgId enterprise) {
  const Registry& reg = *s.registry;
  const std::string& code = spec.code;
  if (Status st = check_entry_code(s, spec); !st) return st.error();
  const CategoryState& cat = s.categories[static_cast<std::size_t>(spec.category)];
  if (auto unit_kind = reg.kind(spec.unit); !unit_kind) {
    return entry_error(ErrorCode::not_found, code, unit_kind.error().message());
  }
  if (!reg.kind(enterprise)) return not_under_enterprise(s, spec);
  // Team and shares.
  if (spec.team.empty()) return entry_error(ErrorCode::invalid_argument, code, "the team is empty");
  std::vector<Decimal> shares;
  std::unordered_set<std::uint32_t> seen;
  for (const TeamShare& t : spec.team) {
    if (!reg.person(t.person)) {
      return entry_error(ErrorCode::not_found, code, "unknown team member " + to_string(t.person));
    }
    if (!seen.insert(t.person.value()).second) {
      return entry_error(ErrorCode::invalid_argument, code,
                         to_string(t.person) + " is on the team twice");
    }
    if (t.share.signum() <= 0 || t.share > Decimal(1)) {
      return entry_error(
          ErrorCode::invalid_argument, code,
          "the share " + t.share.to_string() + " of " + to_string(t.person) + " is outside (0, 1]");
    }
    shares.push_back(t.share);
  }
  if (auto total = sum(shares); !total || *total != Decimal(1)) {
    return entry_error(
        ErrorCode::invalid_argument, code,
        "team shares sum to " + (total ? total->to_string() : "an overflow") + ", not exactly 1");
  }
  // Claimed figures, converted with the campaign's tables.
  const Claims& c = spec.claims;
  for (const auto& [name, value] :
       {std::pair<const char*, const Decimal*>{"material saved", &c.material_saved_t},
        {"CO2 avoided", &c.co2_avoided_t},
        {"hours saved", &c.hours_saved},
        {"efficiency gain", &c.efficiency_gain_percent},
        {"annual benefit", &c.annual_benefit_yuan}}) {
    if (value->signum() < 0) {
      return entry_error(ErrorCode::invalid_argument, code,
                         std::string("negative ") + name + ": " + value->to_string());
    }
  }
  PreparedEntry out;
  EntryRecord& rec = out.rec;
  rec.enterprise = enterprise;
  std::vector<Decimal> tce{Decimal(0)}, co2{Decimal(0)};
  bool computed_any = false;
  for (const EnergySaving& saving : c.energy) {
    auto coal =
        to_standard_coal(saving.carrier, saving.quantity, s.spec.energy_table, CoalUnit::tce);
    if (!coal) return entry_error(coal.error().code(), code, coal.error().message());
    tce.push_back(coal->value);
    rec.coal.push_back(*coal);
    if (saving.carrier == Carrier::electricity_equivalent_value ||
        saving.carrier == Carrier::electricity_equal_value) {
      auto grid =
          grid_emissions(saving.quantity, s.spec.year, s.spec.grid_method, s.spec.grid_table);
      if (!grid) return entry_error(grid.error().code(), code, grid.error().message());
      co2.push_back(grid->tonnes_co2);
      rec.grid.push_back(*grid);
      computed_any = true;
      continue;
    }
    // A fuel with CO2 parameters in the campaign (item 7: fuel_emissions applied).
    for (const FuelFactor& ff : s.spec.fuel_carbon) {
      if (ff.fuel != saving.carrier) continue;
      auto fuel = fuel_emissions(saving.carrier, saving.quantity, ff.carbon);
      if (!fuel) return entry_error(fuel.error().code(), code, fuel.error().message());
      co2.push_back(fuel->tonnes_co2);
      rec.fuel.push_back(*fuel);
      computed_any = true;
      break;
    }
  }
  auto tce_sum = sum(tce);
  auto computed_sum = sum(co2);
  if (!tce_sum || !computed_sum)
    return entry_error(ErrorCode::overflow, code, "claimed totals overflow");
  // One CO2 figure, never the claim on top of the CO2 computed from the same energy:
  // the rubric declares which (Co2Basis).
  rec.co2_basis = cat.rubric->co2_basis();
  rec.co2_computed = *computed_sum;
  rec.co2_claim_used = rec.co2_basis == Co2Basis::claimed || !computed_any;
  const Decimal co2_figure = rec.co2_claim_used ? c.co2_avoided_t : *computed_sum;
  const std::optional<Decimal> co2_sum = co2_figure;
  std::uint32_t invention = 0, other = 0, filed = 0;
  for (const Patent& p : c.patents) {
    if (p.status == PatentStatus::filed) {
      ++filed;
    } else if (p.type == PatentType::invention) {
      ++invention;
    } else {
      ++other;
    }
  }
  auto& f = rec.figures;
  f[figure_index(ClaimedFigure::annual_benefit_yuan)] = c.annual_benefit_yuan;
  f[figure_index(ClaimedFigure::energy_saved_tce)] = *tce_sum;
  f[figure_index(ClaimedFigure::co2_avoided_t)] = *co2_sum;
  f[figure_index(ClaimedFigure::material_saved_t)] = c.material_saved_t;
  f[figure_index(ClaimedFigure::efficiency_gain_percent)] = c.efficiency_gain_percent;
  f[figure_index(ClaimedFigure::hours_saved)] = c.hours_saved;
  f[figure_index(ClaimedFigure::patents_granted_invention)] = Decimal(invention);
  f[figure_index(ClaimedFigure::patents_granted_other)] = Decimal(other);
  f[figure_index(ClaimedFigure::patents_filed)] = Decimal(filed);
  f[figure_index(ClaimedFigure::achievements_transformed)] = Decimal(c.achievements_transformed);
  for (std::uint32_t i : cat.rubric->objective()) {
    const Indicator& ind = cat.rubric->indicators()[i];
    auto v = cat.rubric->objective_value(ind.code, f[figure_index(ind.objective.figure)]);
    if (!v) return entry_error(v.error().code(), code, v.error().message());
    out.objective.push_back(units_at(*v, detail::kAggScale));
  }
  return out;
}

EntryId commit_entry(CampaignImpl& s, EntrySpec spec, PreparedEntry prepared) {
  CategoryState& cat = s.categories[static_cast<std::size_t>(spec.category)];
  EntryRecord& rec = prepared.rec;
  rec.spec = std::move(spec);
  // Everything that can fail first: room in every array, the code's copy, the
  // index entry (erased again should anything later fail, which nothing can).
  const std::size_t cells = cat.columns.size() * s.width();
  room(s.marks, cells);
  s.steps.make_room(s.marks.size() + cells);
  room(s.objective_values, prepared.objective.size());
  room(s.hot);
  room(s.codes);
  room(s.entries);
  s.honours.make_room(rec.enterprise, rec.spec.team);
  std::string code = rec.spec.code;
  const EntryId id{static_cast<std::uint32_t>(s.entries.size() + 1)};
  s.by_code.emplace(rec.spec.code, id);
  EntryHot hot;
  hot.mark_offset = s.marks.size();
  hot.objective_offset = static_cast<std::uint32_t>(s.objective_values.size());
  hot.category = static_cast<std::uint8_t>(rec.spec.category);
  s.marks.resize(s.marks.size() + cells, kNoMark);
  s.steps.changed(hot.mark_offset, cells);
  s.objective_values.insert(s.objective_values.end(), prepared.objective.begin(),
                            prepared.objective.end());
  s.hot.push_back(hot);
  s.codes.push_back(std::move(code));
  s.honours.record(rec.enterprise, rec.spec.team,
                   rec.figures[figure_index(ClaimedFigure::energy_saved_tce)]);
  s.entries.push_back(std::move(rec));
  ++cat.entries;
  return id;
}

// ---- the panel ------------------------------------------------------------------------------

using detail::affiliations;

// Conflicts of interest (A12): the judge is on the team, or belongs to an
// organization within the entry's enterprise association (`org`, found by
// detail::conflicting, which reads the registry).
Status conflict_verdict(const EntryRecord& e, JudgeId judge, PersonId person,
                        std::optional<OrgId> org) {
  for (const TeamShare& t : e.spec.team) {
    if (t.person == person) {
      return Error(ErrorCode::conflict_of_interest,
                   to_string(judge) + " (" + to_string(person) + ") is on the team of entry \"" +
                       e.spec.code + "\"",
                   "panel.conflict", "A12");
    }
  }
  if (org) {
    return Error(ErrorCode::conflict_of_interest,
                 to_string(judge) + " (" + to_string(person) + ") belongs to " + to_string(*org) +
                     ", within the enterprise association " + to_string(e.enterprise) +
                     " of entry \"" + e.spec.code + "\"",
                 "panel.conflict", "A12");
  }
  return {};
}

Status conflict_check(const Registry& reg, const EntryRecord& e, JudgeId judge, PersonId person,
                      const std::vector<OrgId>& orgs, Date on) {
  return conflict_verdict(e, judge, person, detail::conflicting(reg, orgs, e.enterprise, on));
}

Status conflict_check(const CampaignImpl& s, const EntryRecord& e, JudgeId judge, PersonId person) {
  const Date on = s.spec.as_of;
  return conflict_check(*s.registry, e, judge, person, affiliations(*s.registry, person, on), on);
}

// The structural checks of an assignment: judge and entry exist, the judge is
// not yet seated, a seat is free. The judge's person on success.
Result<PersonId> check_assignment(const CampaignImpl& s, JudgeId judge, EntryId entry) {
  auto person = s.judge_person(judge);
  if (!person) return person.error();
  auto found = s.entry_at(entry);
  if (!found) return found.error();
  const EntryRecord& e = **found;
  if (std::binary_search(e.judges.begin(), e.judges.end(), judge)) {
    return Error(ErrorCode::already_exists,
                 to_string(judge) + " is already assigned to entry \"" + e.spec.code + "\"",
                 "panel.assignment");
  }
  if (e.judges.size() >= s.width()) {
    return Error(ErrorCode::rule_violation,
                 "entry \"" + e.spec.code + "\" already has the most judges allowed (" +
                     std::to_string(s.width()) + ")",
                 "panel.max_judges", "A12");
  }
  return person;
}

void seat(CampaignImpl& s, JudgeId judge, EntryId entry) {
  EntryRecord& e = s.entries[entry.value() - 1];
  // Keep slots in judge order: the later judges' marks move one slot down (cell_of:
  // a slot's marks lie side by side), and the new slot starts empty.
  const auto pos = static_cast<std::size_t>(
      std::lower_bound(e.judges.begin(), e.judges.end(), judge) - e.judges.begin());
  const std::size_t columns = s.category(e).columns.size();
  room(e.judges);  // the insert below cannot fail once the cells have moved
  std::int32_t* cells = s.marks.data() + s.hot[entry.value() - 1].mark_offset;
  std::copy_backward(cells + cell_of(columns, 0, pos), cells + cell_of(columns, 0, e.judges.size()),
                     cells + cell_of(columns, 0, e.judges.size() + 1));
  std::fill_n(cells + cell_of(columns, 0, pos), columns, kNoMark);
  s.steps.changed(s.hot[entry.value() - 1].mark_offset, columns * s.width());
  e.judges.insert(e.judges.begin() + static_cast<std::ptrdiff_t>(pos), judge);
  s.hot[entry.value() - 1].judges = static_cast<std::uint8_t>(e.judges.size());
}

// ---- marks ----------------------------------------------------------------------------------

// Where one mark of a batch goes.
struct MarkTarget {
  PersonId person;
  const EntryRecord* entry = nullptr;
  std::uint32_t indicator = 0;  // position in the entry's rubric
  std::uint32_t column = 0;
  bool banded = false;  // the indicator has mark bands
  std::size_t slot = 0;
};

// " (mark #i)" in a batch, nothing for a single mark.
template <class Mark>
std::string where(std::span<const Mark> marks, std::size_t i) {
  return marks.size() == 1 ? std::string() : " (mark #" + std::to_string(i + 1) + ")";
}

// What a batch looks up once and reuses for every mark: the indicator codes it names
// and each category's indicator → column table; the judges' affiliations, the
// conflict verdicts per (judge, enterprise association) and the (judge, entry) pairs
// already cleared, so conflicts are resolved once per pair, not once per mark.
//
// On cache lines of its own: a batch checked in parts keeps one per part side by side
// in a vector, and each part writes its own fields as it goes (the last indicator
// code, every few marks) while the next part reads the head of its own (`columns`,
// every mark). Unaligned (616 bytes), one part's tail and the next part's head shared
// a line (round 14's phase timers: the two parts' checks took 1.20x one thread's time
// in all, 1.14x aligned; docs/performance.md).
struct alignas(64) BatchLookups {
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  struct Column {
    std::uint32_t column = kNone;  // kNone: not marked by judges
    bool banded = false;           // the indicator has mark bands
    // The scale at 4 places, and its step as 2^shift × an odd factor with that factor's
    // inverse modulo 2^32 and UINT32_MAX / factor: x is a multiple of the step when its
    // low `shift` bits are zero and (x >> shift) × inverse ≤ limit (Granlund and
    // Montgomery's divisibility test, no division per mark). `usable` false: the step is
    // not positive, every mark takes the full check.
    std::int32_t min = 0, max = 0;
    std::uint32_t shift = 0, inverse = 0, limit = 0;
    bool usable = false;

    bool on_scale(std::int32_t units) const noexcept {
      if (!usable || units < min || units > max) return false;
      const auto x = static_cast<std::uint32_t>(units - min);  // below 2^25
      if ((x & ((std::uint32_t{1} << shift) - 1)) != 0) return false;
      return (x >> shift) * inverse <= limit;
    }
    void set_step(std::int32_t step) {
      if (step <= 0) return;
      auto odd = static_cast<std::uint32_t>(step);
      while ((odd & 1U) == 0) {
        odd >>= 1;
        ++shift;
      }
      std::uint32_t inv = odd;  // Newton's iteration: 5 steps give 32 correct bits
      for (int k = 0; k < 5; ++k) inv *= 2U - odd * inv;
      inverse = inv;
      limit = std::numeric_limits<std::uint32_t>::max() / odd;
      usable = true;
    }
  };
  std::array<std::vector<Column>, enum_count<Category>> columns;
  std::array<std::vector<std::pair<std::string_view, std::uint32_t>>, enum_count<Category>> codes;
  std::unordered_map<std::uint32_t, std::vector<OrgId>> orgs_of_judge;
  std::unordered_map<std::uint64_t, std::optional<OrgId>> org_conflict;  // (judge, enterprise)
  // Entry → the seats whose judge was cleared of conflicts: a vector while the marks come
  // entry by entry in increasing order (as tables list them), a map once one comes back.
  std::vector<std::pair<std::uint32_t, std::uint64_t>> cleared;
  std::unordered_map<std::uint32_t, std::uint64_t> cleared_any;
  bool in_order = true;
  std::uint32_t cleared_entry = 0;  // the entry `cleared_slots` is of
  std::uint64_t* cleared_slots = nullptr;
  // The last enterprise association each judge was checked against, and the verdict
  // (judges by id, for panels of up to kJudgeCache judges; larger ones use the map only).
  static constexpr std::size_t kJudgeCache = 4096;
  struct Verdict {
    std::uint32_t enterprise = 0;  // 0: none yet
    std::optional<OrgId> org;
  };
  std::vector<Verdict> last_verdict;
  // The entry of the last mark seen quickly: its record, category, first cell, and its
  // seats by judge (seat_of[judge - 1], kNoSeat for a judge not on its panel), so a
  // mark finds its seat without a search (panels of up to 64 seats in campaigns of up
  // to kJudgeCache judges; other marks take the full path).
  static constexpr std::uint8_t kNoSeat = 0xFF;
  std::uint32_t seated_entry = 0;
  const EntryRecord* seated = nullptr;
  std::size_t seated_category = 0;
  std::uint64_t seated_offset = 0;
  std::size_t seated_columns = 0;  // its category's columns (cell_of)
  std::vector<std::uint8_t> seat_of;

  bool seat(const CampaignImpl& s, std::uint32_t entry) {
    if (s.judges.size() > kJudgeCache) return false;
    const EntryRecord& e = s.entries[entry - 1];
    if (e.judges.size() > 64) return false;
    if (seat_of.size() != s.judges.size()) {
      seat_of.assign(s.judges.size(), kNoSeat);
    } else if (seated != nullptr) {
      for (JudgeId j : seated->judges) seat_of[j.value() - 1] = kNoSeat;
    }
    for (std::size_t k = 0; k < e.judges.size(); ++k) {
      seat_of[e.judges[k].value() - 1] = static_cast<std::uint8_t>(k);
    }
    seated_entry = entry;
    seated = &e;
    seated_category = static_cast<std::size_t>(e.spec.category);
    seated_offset = s.hot[entry - 1].mark_offset;
    seated_columns = s.category(e).columns.size();
    return true;
  }

  // Marks that go on from `entry` (a block of a batch checked in parts, taken out of
  // order): while the entries came in order, an entry below the last one starts the
  // vector again rather than turn it into the map (a part that takes another's blocks
  // from the back sees each block in order, the blocks in decreasing order). What is
  // forgotten is a cache: an entry met again has its judges cleared again.
  void go_on_from(std::uint32_t entry) {
    if (in_order && !cleared.empty() && entry < cleared.back().first) {
      cleared.clear();
      cleared_entry = 0;
      cleared_slots = nullptr;
    }
  }

  // The cleared seats of `entry` (valid until the next call).
  std::uint64_t* slots_of(std::uint32_t entry) {
    if (in_order) {
      if (cleared.empty() || entry > cleared.back().first) {
        cleared.emplace_back(entry, 0);
        return &cleared.back().second;
      }
      auto it = std::lower_bound(cleared.begin(), cleared.end(), entry,
                                 [](const auto& c, std::uint32_t e) { return c.first < e; });
      if (it != cleared.end() && it->first == entry) return &it->second;
      in_order = false;
      for (const auto& [e, slots] : cleared) cleared_any.emplace(e, slots);
      cleared.clear();
    }
    return &cleared_any[entry];
  }
  std::size_t last_category = enum_count<Category>;  // the last code found: consecutive marks
  std::string_view last_code;                        // of a table usually share it
  std::uint32_t last_index = 0;

  // The column of indicator `indicator` in `cat` (kNone when there is none).
  Column column(const CategoryState& cat, std::size_t category, std::uint32_t indicator) {
    std::vector<Column>& table = columns[category];
    if (table.empty()) {
      const auto& all = cat.rubric->indicators();
      table.resize(all.size());
      for (const auto& [ind, col] : cat.column_of) {
        Column& c = table[ind];
        c.column = col;
        c.banded = !all[ind].bands.bands.empty();
        c.min = cat.col_min[col];
        c.max = cat.col_max[col];
        c.set_step(cat.col_step[col]);
      }
    }
    return indicator < table.size() ? table[indicator] : Column{};
  }
};

// Short codes compared without a call.
inline bool same_code(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (a[k] != b[k]) return false;
  }
  return true;
}

// The indicator of a mark as a position in the entry's rubric: looked up by code
// (once per code and category in a batch) for the public form, taken as given for
// the bulk form.
Result<std::uint32_t> indicator_of(const MarkInput& m, const CategoryState& cat,
                                   std::size_t category, BatchLookups& b) {
  if (category == b.last_category && same_code(b.last_code, m.indicator)) return b.last_index;
  auto& known = b.codes[category];
  for (const auto& [code, index] : known) {
    if (same_code(code, m.indicator)) {
      b.last_category = category;
      b.last_code = code;
      b.last_index = index;
      return index;
    }
  }
  auto index = cat.rubric->find(m.indicator);
  if (index) {
    known.emplace_back(m.indicator, *index);
    b.last_category = category;
    b.last_code = m.indicator;
    b.last_index = *index;
  }
  return index;
}
Result<std::uint32_t> indicator_of(const detail::IndexedMark& m, const CategoryState&, std::size_t,
                                   BatchLookups&) {
  return m.indicator;
}

// The first structural checks of mark `i`: judge, entry, a judged column, a seated judge.
template <class Mark>
Status locate_mark(const CampaignImpl& s, BatchLookups& b, std::span<const Mark> marks,
                   std::size_t i, MarkTarget& t) {
  const Mark& m = marks[i];
  if (!m.judge.ok() || m.judge.value() > s.judges.size()) {
    return Error(ErrorCode::not_found, s.judge_person(m.judge).error().message() + where(marks, i));
  }
  t.person = s.judges[m.judge.value() - 1];
  if (!m.entry.ok() || m.entry.value() > s.entries.size()) {
    return Error(ErrorCode::not_found, s.entry_at(m.entry).error().message() + where(marks, i));
  }
  const EntryRecord& e = s.entries[m.entry.value() - 1];
  t.entry = &e;
  const CategoryState& cat = s.category(e);
  const auto category = static_cast<std::size_t>(e.spec.category);
  const auto indicator = indicator_of(m, cat, category, b);
  if (!indicator) {
    return Error(ErrorCode::not_found, indicator.error().message() + where(marks, i));
  }
  t.indicator = *indicator;
  const BatchLookups::Column col = b.column(cat, category, *indicator);
  if (col.column == BatchLookups::kNone) {
    const auto& all = cat.rubric->indicators();
    const std::string name = *indicator < all.size() ? "\"" + all[*indicator].code + "\""
                                                     : "#" + std::to_string(*indicator);
    return Error(ErrorCode::not_found, "indicator " + name + " of entry \"" + e.spec.code +
                                           "\" is not marked by judges" + where(marks, i));
  }
  t.column = col.column;
  t.banded = col.banded;
  // The judge's seat: the number of seated judges before it (a panel has at most 64
  // seats, sorted by judge; counted without a branch per seat).
  std::size_t slot = 0;
  for (JudgeId j : e.judges) slot += j < m.judge ? 1 : 0;
  if (slot == e.judges.size() || e.judges[slot] != m.judge) {
    return Error(
        ErrorCode::rule_violation,
        to_string(m.judge) + " is not assigned to entry \"" + e.spec.code + "\"" + where(marks, i),
        "panel.not_assigned", "A12");
  }
  t.slot = slot;
  return {};
}

// The conflict check of mark `i`'s judge and entry, run once per (judge, entry) of a
// batch; the registry is read once per judge and once per (judge, enterprise association).
template <class Mark>
Status check_mark_conflict(const CampaignImpl& s, BatchLookups& b, std::span<const Mark> marks,
                           std::size_t i, const MarkTarget& t) {
  const Mark& m = marks[i];
  if (m.entry.value() != b.cleared_entry || b.cleared_slots == nullptr) {
    b.cleared_slots = b.slots_of(m.entry.value());
    b.cleared_entry = m.entry.value();
  }
  const bool cacheable = t.slot < 64;  // panels have at most 64 seats
  const std::uint64_t bit = cacheable ? std::uint64_t{1} << t.slot : 0;
  if (cacheable && (*b.cleared_slots & bit) != 0) return {};
  const Date on = s.spec.as_of;
  const EntryRecord& e = *t.entry;
  BatchLookups::Verdict* last = nullptr;
  if (s.judges.size() <= BatchLookups::kJudgeCache) {
    if (b.last_verdict.empty()) b.last_verdict.resize(s.judges.size());
    last = &b.last_verdict[m.judge.value() - 1];
  }
  if (last == nullptr || last->enterprise == 0 || last->enterprise != e.enterprise.value()) {
    const std::uint64_t key = (std::uint64_t{m.judge.value()} << 32) | e.enterprise.value();
    auto [verdict, fresh] = b.org_conflict.try_emplace(key);
    if (fresh) {
      auto [orgs, first] = b.orgs_of_judge.try_emplace(m.judge.value());
      if (first) orgs->second = affiliations(*s.registry, t.person, on);
      verdict->second = detail::conflicting(*s.registry, orgs->second, e.enterprise, on);
    }
    if (last == nullptr) {
      if (Status ok = conflict_verdict(e, m.judge, t.person, verdict->second); !ok) {
        return Error(ok.error().code(), ok.error().message() + where(marks, i), ok.error().rule(),
                     ok.error().article());
      }
      *b.cleared_slots |= bit;
      return {};
    }
    *last = {e.enterprise.value(), verdict->second};
  }
  if (Status ok = conflict_verdict(e, m.judge, t.person, last->org); !ok) {
    return Error(ok.error().code(), ok.error().message() + where(marks, i), ok.error().rule(),
                 ok.error().article());
  }
  *b.cleared_slots |= bit;
  return {};
}

// The value checks of mark `i`: on the scale and step, in its band. Sets its cell and value.
template <class Mark>
Status check_mark_value(const CampaignImpl& s, std::span<const Mark> marks, std::size_t i,
                        const MarkTarget& t, std::size_t& cell, std::int32_t& value) {
  const Mark& m = marks[i];
  const EntryRecord& e = *t.entry;
  const CategoryState& cat = s.category(e);
  const std::uint32_t col = t.column;
  std::int32_t units = 0;
  const bool in_scale =
      mark_units(m.mark, units) && units >= cat.col_min[col] && units <= cat.col_max[col];
  if (!in_scale || (units - cat.col_min[col]) % cat.col_step[col] != 0) {
    auto why = cat.rubric->check_mark(cat.rubric->indicators()[t.indicator].code, m.mark);
    const Error& err = why.error();
    return Error(err.code(), "entry \"" + e.spec.code + "\": " + err.message() + where(marks, i),
                 err.rule(), "A12");
  }
  // A banded indicator: the mark must lie in the band the entry's figure selects.
  if (t.banded) {
    const Indicator& ind = cat.rubric->indicators()[t.indicator];
    const Decimal& figure = e.figures[figure_index(ind.bands.figure)];
    if (Status st = cat.rubric->check_mark(ind.code, m.mark, figure); !st) {
      return Error(st.error().code(),
                   "entry \"" + e.spec.code + "\": " + st.error().message() + where(marks, i),
                   st.error().rule(), "A12");
    }
  }
  cell = s.hot[m.entry.value() - 1].mark_offset + cell_of(cat.columns.size(), col, t.slot);
  value = units;
  return {};
}

// The indicator of a mark when the batch already knows it without a search (the bulk
// form's position; the public form's code when it is the last one found).
inline bool known_indicator(const MarkInput& m, std::size_t category, BatchLookups& b,
                            std::uint32_t& indicator) {
  if (category == b.last_category && same_code(b.last_code, m.indicator)) {
    indicator = b.last_index;
    return true;
  }
  for (const auto& [code, index] : b.codes[category]) {
    if (same_code(code, m.indicator)) {
      b.last_category = category;
      b.last_code = code;
      b.last_index = index;
      indicator = index;
      return true;
    }
  }
  return false;
}
inline bool known_indicator(const detail::IndexedMark& m, std::size_t, BatchLookups&,
                            std::uint32_t& indicator) {
  indicator = m.indicator;
  return true;
}

// mark_units for a mark written with at most 4 places (every usual mark), inline.
inline bool quick_units(const Decimal& d, std::int32_t& units) {
  constexpr std::int64_t kBy[] = {10'000, 1'000, 100, 10, 1};
  constexpr std::int64_t kMax[] = {1'000, 10'000, 100'000, 1'000'000, 10'000'000};
  const auto scale = static_cast<unsigned>(d.scale());
  if (scale > 4) return mark_units(d, units);
  const std::int64_t c = d.coefficient();
  if (c > kMax[scale] || c < -kMax[scale]) return false;
  units = static_cast<std::int32_t>(c * kBy[scale]);
  return true;
}

// Every check of locate_mark, check_mark_conflict and check_mark_value for the usual
// mark, without a call or an error built: true, with its cell and value, when the mark
// passes all of them on what the batch already looked up. False sends the mark through
// those three functions, which look up what is missing and name what is wrong, so this
// only decides how fast a mark is accepted, never whether.
template <class Mark>
inline bool quick_mark(const CampaignImpl& s, BatchLookups& b, const Mark& m, bool conflicts,
                       std::size_t& cell, std::int32_t& value) {
  const std::uint32_t judge = m.judge.value(), entry = m.entry.value();
  if (judge - 1 >= s.judges.size() || entry - 1 >= s.entries.size()) return false;
  if (entry != b.seated_entry && !b.seat(s, entry)) return false;
  const EntryRecord& e = *b.seated;
  const std::size_t category = b.seated_category;
  std::uint32_t indicator = 0;
  if (!known_indicator(m, category, b, indicator)) return false;
  const std::vector<BatchLookups::Column>& columns = b.columns[category];
  if (indicator >= columns.size()) return false;
  const BatchLookups::Column& col = columns[indicator];
  if (col.column == BatchLookups::kNone || col.banded) return false;
  const std::size_t slot = b.seat_of[judge - 1];
  if (slot == BatchLookups::kNoSeat) return false;
  if (conflicts && (entry != b.cleared_entry || b.cleared_slots == nullptr ||
                    (*b.cleared_slots & (std::uint64_t{1} << slot)) == 0)) {
    MarkTarget t;
    t.person = s.judges[judge - 1];
    t.entry = &e;
    t.slot = slot;
    // Once per (judge, entry): cleared now, or refused by the full path.
    if (!check_mark_conflict(s, b, std::span<const Mark>(&m, 1), 0, t)) return false;
  }
  std::int32_t units = 0;
  if (!quick_units(m.mark, units) || !col.on_scale(units)) return false;
  cell = b.seated_offset + cell_of(b.seated_columns, col.column, slot);
  value = units;
  return true;
}

// The refusal of mark `i`, whose cell holds a mark recorded before the batch.
template <class Mark>
[[gnu::noinline]] Error already_marked(const CampaignImpl& s, BatchLookups& b,
                                       std::span<const Mark> marks, std::size_t i) {
  MarkTarget target;
  (void)locate_mark(s, b, marks, i, target);  // passed before
  const CategoryState& cat = s.category(*target.entry);
  return Error(ErrorCode::already_exists,
               to_string(marks[i].judge) + " already marked indicator \"" +
                   cat.rubric->indicators()[target.indicator].code + "\" of entry \"" +
                   target.entry->spec.code + "\"" + where(marks, i),
               "panel.mark_unique");
}

// While a batch is checked, the cells it fills hold their value shifted below every mark
// (marks are within ±10 000 000 units; kNoMark is INT32_MIN): a cell found pending is a
// repeat within the batch, any other non-empty cell a mark recorded before it. The batch
// is thus checked for uniqueness in the storage itself, with no sort.
constexpr std::int32_t kPendingShift = std::int32_t{1} << 30;
bool pending(std::int32_t v) { return v != kNoMark && v < -10'000'000; }

// A batch of marks checked in pieces and recorded all or nothing. Each piece is checked
// first (every check of locate_mark, check_mark_conflict and check_mark_value; on up to
// `threads` threads, in parts of whole entries, each part's marks in blocks that a part
// done with its own takes from the others, each part with its own lookups), its cells
// and values kept in the campaign's scratch; then, in order, each cell is marked pending
// in the storage itself (a cell found pending is a repeat within the batch, any other
// mark one recorded before it): on the calling thread, or by each part on its thread
// when every mark passed its checks and each part's entries lie above the part before's
// (no cell is two parts'). The first refusal is thus the one a single thread reports:
// the first mark refused by a check or already marked, else the first repeat. `finish`
// records them all; a session destroyed unfinished (a refusal, an exception) empties
// every cell it filled. The cells filled are kept as runs, ranges of cells that hold
// them (a marks table fills an entry's cells together, in any order), not one per mark;
// only the pending cells of a run are the batch's.
// `conflicts`: run the registry-reading conflict check (mark_all), or not (record_marks,
// snapshots).
template <class Mark>
class MarkSession {
 public:
  MarkSession(CampaignImpl& s, bool conflicts, Threads threads)
      : s_(s),
        conflicts_(conflicts),
        threads_(threads),
        lookups_(std::clamp(threads.count, 1U, detail::kMostParts)) {
    s_.mark_runs.clear();
  }
  MarkSession(const MarkSession&) = delete;
  MarkSession& operator=(const MarkSession&) = delete;
  ~MarkSession() {
    if (!finished_) {
      // Only the pending cells of each run are the batch's (a run may span others).
      const auto empty = [this](const Runs& runs) {
        for (const auto& [first, count] : runs) {
          std::int32_t* cell = s_.marks.data() + first;
          for (std::size_t k = 0; k < count; ++k) cell[k] = pending(cell[k]) ? kNoMark : cell[k];
        }
      };
      empty(s_.mark_runs);
      for (const Runs& runs : part_runs_) empty(runs);
    }
    s_.mark_runs.clear();
    // Scratch kept from batch to batch (no fresh pages), unless one batch made it large.
    constexpr std::size_t kKeep = std::size_t{1} << 20;
    if (s_.mark_runs.capacity() > kKeep) s_.mark_runs.shrink_to_fit();
    if (s_.mark_cells.capacity() > kKeep) s_.mark_cells.shrink_to_fit();
    if (s_.mark_values.capacity() > kKeep) s_.mark_values.shrink_to_fit();
  }

  // Checks marks [begin, end) of `marks` and holds their cells; on a refusal `at` is the
  // position of the refused mark in `marks` and nothing of the batch stays recorded.
  Status add(std::span<const Mark> marks, std::size_t begin, std::size_t end, std::size_t& at) {
    constexpr std::size_t kPiece = std::size_t{1} << 18;  // scratch of 12 bytes a mark
    for (std::size_t from = begin; from < end; from += std::min(kPiece, end - from)) {
      if (Status st = piece(marks, from, std::min(end, from + kPiece), at); !st) return st;
    }
    return {};
  }

  // After every piece: the first repeat (refused), else every mark recorded.
  Status finish(std::span<const Mark> marks, std::size_t& at) {
    if (repeat_ != kNoRepeat) {
      at = repeat_;
      return Error(
          ErrorCode::already_exists,
          "the batch marks the same judge, entry and indicator twice" + where(marks, repeat_),
          "panel.mark_unique");
    }
    // The pending cells of each run take their values (a run may span cells that are
    // not the batch's, and runs may overlap: a cell settled is no longer pending).
    const auto settle = [this](const Runs& runs) {
      for (const auto& [first, count] : runs) {
        std::int32_t* cell = s_.marks.data() + first;
        for (std::size_t k = 0; k < count; ++k) {
          cell[k] = pending(cell[k]) ? cell[k] + kPendingShift : cell[k];
        }
      }
    };
    settle(s_.mark_runs);
    if (pieces_ == 1 && apart_pieces_ == 1) {
      // One piece, recorded by parts whose cells lie in rising, disjoint ranges of
      // entries: each part's runs settle on its thread.
      detail::parallel_parts(
          threads_, part_runs_.size(), part_runs_.size(), 1,
          [&](std::size_t k, std::size_t, std::size_t) { settle(part_runs_[k]); });
    } else {
      for (const Runs& runs : part_runs_) settle(runs);
    }
    // The marks as steps of the cells settled are encoded again when next read.
    for (const auto& [first, count] : s_.mark_runs) s_.steps.changed(first, count);
    for (const Runs& runs : part_runs_) {
      for (const auto& [first, count] : runs) s_.steps.changed(first, count);
    }
    finished_ = true;
    return {};
  }

 private:
  static constexpr std::size_t kNoRepeat = std::numeric_limits<std::size_t>::max();

  // The lowest and highest entry of some marks ({UINT32_MAX, 0}: none).
  using EntrySpan = std::pair<std::uint32_t, std::uint32_t>;

  // The checks of marks [begin, end) with `b`: cells and values into the scratch (from
  // `base`); the first refusal in `first`/`error` (`first` is `end` when there is
  // none). With kSpan, the marks' entries widen `span` as they are read (no second
  // pass over the marks).
  template <bool kSpan>
  void check(BatchLookups& b, std::span<const Mark> marks, std::size_t base, std::size_t begin,
             std::size_t end, std::size_t& first, std::optional<Error>& error,
             EntrySpan& span) const {
    std::size_t* cells = s_.mark_cells.data() - base;
    std::int32_t* values = s_.mark_values.data() - base;
    // Kept here and stored once at the end (the spans of blocks side by side share a
    // cache line).
    EntrySpan widened = span;
    for (std::size_t i = begin; i < end; ++i) {
      if constexpr (kSpan) {
        const std::uint32_t id = marks[i].entry.value();
        widened.first = std::min(widened.first, id);
        widened.second = std::max(widened.second, id);
      }
      if (quick_mark(s_, b, marks[i], conflicts_, cells[i], values[i])) continue;
      MarkTarget target;
      Status st = locate_mark(s_, b, marks, i, target);
      if (st && conflicts_) st = check_mark_conflict(s_, b, marks, i, target);
      if (st) st = check_mark_value(s_, marks, i, target, cells[i], values[i]);
      if (!st) {
        first = i;
        error = st.error();
        return;  // the span is not read after a refusal
      }
    }
    first = end;
    span = widened;
  }

  // A part's blocks not yet taken, [front, back) in one word (front << 32 | back): its
  // own part takes them from the front, a part done with its own from the back. On a
  // cache line of its own.
  struct alignas(64) Untaken {
    std::atomic<std::uint64_t> word{0};

    bool take(bool front, std::size_t& block) noexcept {
      std::uint64_t w = word.load(std::memory_order_relaxed);
      for (;;) {
        const std::uint64_t f = w >> 32, b = w & 0xFFFF'FFFFU;
        if (f >= b) return false;
        const std::uint64_t next = front ? (f + 1) << 32 | b : f << 32 | (b - 1);
        if (word.compare_exchange_weak(w, next, std::memory_order_relaxed)) {
          block = static_cast<std::size_t>(front ? f : b - 1);
          return true;
        }
      }
    }
  };

  Status piece(std::span<const Mark> marks, std::size_t begin, std::size_t end, std::size_t& at) {
    ++pieces_;
    const std::size_t n = end - begin;
    piece_begin_ = begin;
    s_.mark_cells.resize(n);
    s_.mark_values.resize(n);
    const std::size_t parts =
        std::min<std::size_t>(lookups_.size(), std::max<std::size_t>(1, n / 4096));
    if (parts == 1) {
      // One thread: the checks in order, then the recording in order below.
      std::size_t refused = end;
      std::optional<Error> error;
      EntrySpan unused{UINT32_MAX, 0};
      check<false>(lookups_[0], marks, begin, begin, end, refused, error, unused);
      return record_in_order(marks, begin, end, refused, std::move(error), at);
    }
    // Given a count without a team, the session starts its threads once, for all its
    // parallel passes (the checks, the parts' recording, the settling: three a piece),
    // not once a pass (a thread started for a pass began its part about 60 µs after
    // the pass did, here; a part's recording of 50 000 marks takes about 70 µs). As
    // many threads as the first piece has parts, as Threads{n} would start for each.
    if (threads_.team == nullptr) {
      own_team_.emplace(static_cast<unsigned>(parts));
      threads_ = own_team_->threads();
    }
    // The parts: contiguous ranges of whole entries (the marks of an entry never split
    // between two parts), [bounds[k], bounds[k + 1]). Entries' cells never overlap, so
    // parts whose entries rise from part to part never fill the same cell.
    const auto entry_boundary = [&](std::size_t i) {
      while (i < n && i > 0 && marks[begin + i].entry == marks[begin + i - 1].entry) ++i;
      return i;
    };
    std::vector<std::size_t> bounds(parts + 1, n);
    bounds[0] = 0;
    for (std::size_t k = 1; k < parts; ++k) {
      bounds[k] = entry_boundary(std::max(bounds[k - 1], n * k / parts));
    }
    // Each part's marks are checked in blocks: a part takes its own from the front,
    // then, done, the others' from the back, so a thread that started late (a team
    // thread woken from sleep, 30-40 µs here) or reads colder marks (a batch the
    // calling thread just wrote is in its cache) leaves its last blocks to the other.
    // Results do not depend on who checks a block: a check reads the campaign only (its
    // lookups are caches), and writes the block's cells and values, the block's span
    // of entries, and its first refusal.
    constexpr std::size_t kBlock = 1024;
    std::vector<std::size_t> first_block(parts + 1, 0);
    for (std::size_t k = 0; k < parts; ++k) {
      first_block[k + 1] = first_block[k] + (bounds[k + 1] - bounds[k] + kBlock - 1) / kBlock;
    }
    std::vector<Untaken> untaken(parts);
    for (std::size_t k = 0; k < parts; ++k) {
      untaken[k].word.store(first_block[k + 1] - first_block[k], std::memory_order_relaxed);
    }
    std::vector<EntrySpan> block_span(first_block[parts], {UINT32_MAX, 0});
    // The first refusal each part found, wherever it took the block; no part checks a
    // block after the first refusal found so far.
    std::vector<std::size_t> first(parts, end);
    std::vector<std::optional<Error>> errors(parts);
    std::atomic<std::size_t> lowest_refused{end};
    const auto check_block = [&](std::size_t k, std::size_t owner, std::size_t j) {
      const std::size_t lo = begin + bounds[owner] + j * kBlock;
      const std::size_t hi = std::min(lo + kBlock, begin + bounds[owner + 1]);
      if (lo >= lowest_refused.load(std::memory_order_relaxed)) return;
      lookups_[k].go_on_from(marks[lo].entry.value());
      std::size_t refused = hi;
      std::optional<Error> error;
      check<true>(lookups_[k], marks, begin, lo, hi, refused, error,
                  block_span[first_block[owner] + j]);
      if (!error || refused >= first[k]) return;
      first[k] = refused;
      errors[k] = std::move(error);
      std::size_t seen = lowest_refused.load(std::memory_order_relaxed);
      while (refused < seen &&
             !lowest_refused.compare_exchange_weak(seen, refused, std::memory_order_relaxed)) {
      }
    };
    // detail::parallel_parts: the application's ThreadTeam or the session's own; one
    // std::jthread per part when that team is busy; a part run here when its thread
    // cannot start.
    detail::parallel_parts(threads_, parts, parts, 1, [&](std::size_t k, std::size_t, std::size_t) {
      std::size_t j = 0;
      while (untaken[k].take(true, j)) check_block(k, k, j);
      for (std::size_t d = 1; d < parts; ++d) {
        const std::size_t owner = (k + d) % parts;
        while (untaken[owner].take(false, j)) check_block(k, owner, j);
      }
    });
    std::size_t refused = end;
    std::size_t refused_part = parts;
    for (std::size_t k = 0; k < parts; ++k) {
      if (errors[k] && first[k] < refused) {
        refused = first[k];
        refused_part = k;
      }
    }
    std::vector<EntrySpan> span(parts, {UINT32_MAX, 0});
    for (std::size_t k = 0; k < parts; ++k) {
      for (std::size_t j = first_block[k]; j < first_block[k + 1]; ++j) {
        span[k].first = std::min(span[k].first, block_span[j].first);
        span[k].second = std::max(span[k].second, block_span[j].second);
      }
    }
    // Every mark checked and each part's entries above the part before's (a table listed
    // entry by entry): no cell is any two parts', so the parts record on their threads,
    // each in order, what the one pass below records. Else that pass, in order. (An
    // entry longer than a part leaves the part after it with no marks.)
    bool apart = refused_part == parts;
    for (std::size_t k = 1; apart && k < parts; ++k) {
      apart = bounds[k] < bounds[k + 1] && span[k - 1].second < span[k].first;
    }
    if (apart) {
      ++apart_pieces_;
      part_runs_.resize(std::max(part_runs_.size(), parts));
      std::vector<std::size_t> stop(parts, end), repeat(parts, kNoRepeat);
      detail::parallel_parts(
          threads_, parts, parts, 1, [&](std::size_t k, std::size_t, std::size_t) {
            record(begin + bounds[k], begin + bounds[k + 1], part_runs_[k], repeat[k], stop[k]);
          });
      for (std::size_t k = 0; k < parts; ++k) {
        repeat_ = std::min(repeat_, repeat[k]);
        if (stop[k] != end) {
          at = stop[k];
          return already_marked(s_, lookups_[0], marks, at);
        }
      }
      return {};
    }
    return record_in_order(marks, begin, end, refused,
                           refused_part == parts ? std::nullopt : std::move(errors[refused_part]),
                           at);
  }

  // In order, the checked marks of the piece [begin, end) up to the first refused one
  // (`refused`, refused for `error`; `end` when none was): cells marked pending,
  // repeats noted, a mark recorded before the batch refused; then the check's refusal.
  Status record_in_order(std::span<const Mark> marks, std::size_t begin, std::size_t end,
                         std::size_t refused, std::optional<Error> error, std::size_t& at) {
    std::size_t stopped = end;
    record(begin, refused, s_.mark_runs, repeat_, stopped);
    if (stopped != end) {
      at = stopped;
      return already_marked(s_, lookups_[0], marks, at);
    }
    if (error) {
      at = refused;
      return std::move(*error);
    }
    return {};
  }

  using Runs = std::vector<std::pair<std::size_t, std::size_t>>;  // (first cell, count)

  // In order, the checked marks [from, to) of the current piece (their cells and values
  // in the scratch): each empty cell marked pending and added to `runs`, a cell found
  // pending noted in `repeat`; at a cell holding a mark recorded before the batch, `stop`
  // is that mark's position and nothing after it is recorded.
  void record(std::size_t from, std::size_t to, Runs& runs, std::size_t& repeat,
              std::size_t& stop) {
    const std::size_t* cells = s_.mark_cells.data();
    const std::int32_t* values = s_.mark_values.data();
    std::int32_t* stored_at = s_.marks.data();
    // A run is a range of cells holding every cell the batch filled in it (and maybe
    // others): a cell at most kRunGap past the open run's end, or inside it, extends
    // it, so the marks of a table listed entry by entry, in any order within an entry,
    // make a few long runs. The open run's end is kept here and stored when a run starts
    // and on return; a run is stored before its first cell is written, so every pending
    // cell is in a run to empty when something throws.
    constexpr std::size_t kRunGap = 64;
    std::size_t open_first = runs.empty() ? SIZE_MAX : runs.back().first;
    std::size_t open_end = runs.empty() ? 0 : open_first + runs.back().second;
    const auto close = [&] {
      if (!runs.empty()) runs.back().second = open_end - runs.back().first;
    };
    for (std::size_t i = from; i < to; ++i) {
      const std::size_t cell = cells[i - piece_begin_];
      std::int32_t& stored = stored_at[cell];
      if (stored == kNoMark) {
        if (cell >= open_first && cell < open_end + kRunGap) {
          open_end = std::max(open_end, cell + 1);
        } else {
          close();
          runs.emplace_back(cell, 1);
          open_first = cell;
          open_end = cell + 1;
        }
        stored = values[i - piece_begin_] - kPendingShift;
      } else if (pending(stored)) {
        repeat = std::min(repeat, i);
      } else {
        close();
        stop = i;
        return;
      }
    }
    close();
  }

  CampaignImpl& s_;
  bool conflicts_;
  Threads threads_;                     // the parts' threads (lookups_ has one per part)
  std::optional<ThreadTeam> own_team_;  // the session's threads, when given none
  bool finished_ = false;
  std::size_t piece_begin_ = 0;        // the position of the current piece's first mark
  std::vector<Runs> part_runs_;        // the cells the parts recorded on their threads
  std::size_t pieces_ = 0;             // pieces checked
  std::size_t apart_pieces_ = 0;       // of which recorded by parts on their threads
  std::size_t repeat_ = kNoRepeat;     // the first mark of a cell the batch already filled
  std::vector<BatchLookups> lookups_;  // one per thread
};

// Every check of every mark, in order, then all the marks or none. On a refusal `at`
// is the position of the refused mark.
template <class Mark>
Status mark_batch(CampaignImpl& s, std::span<const Mark> marks, std::size_t& at, bool conflicts,
                  Threads threads = {}) {
  MarkSession<Mark> session(s, conflicts, threads);
  if (Status st = session.add(marks, 0, marks.size(), at); !st) return st;
  return session.finish(marks, at);
}

// mark_batch, reporting the refused position in `*failed` when asked.
template <class Mark>
Status mark_batch(CampaignImpl& s, std::span<const Mark> marks, std::size_t* failed,
                  Threads threads = {}) {
  std::size_t at = 0;
  Status st = mark_batch(s, marks, at, true, threads);
  if (!st && failed != nullptr) *failed = at;
  return st;
}

// ---- vetoes ---------------------------------------------------------------------------------

// The first structural checks of a veto: judge, entry, a veto item, a reason, a seated judge.
Result<PersonId> check_veto(const CampaignImpl& s, JudgeId judge, EntryId entry,
                            std::uint32_t indicator, const std::string& reason) {
  auto person = s.judge_person(judge);
  if (!person) return person.error();
  auto found = s.entry_at(entry);
  if (!found) return found.error();
  const EntryRecord& e = **found;
  const Rubric& rubric = *s.category(e).rubric;
  if (indicator >= rubric.indicators().size()) {
    return Error(ErrorCode::not_found, "a veto on indicator #" + std::to_string(indicator) +
                                           ", which the rubric does not have");
  }
  if (rubric.indicators()[indicator].kind != IndicatorKind::veto) {
    return Error(ErrorCode::invalid_argument,
                 "indicator \"" + rubric.indicators()[indicator].code + "\" is not a veto item");
  }
  if (reason.empty()) return Error(ErrorCode::invalid_argument, "a veto needs a reason");
  if (!std::binary_search(e.judges.begin(), e.judges.end(), judge)) {
    return Error(ErrorCode::rule_violation,
                 to_string(judge) + " is not assigned to entry \"" + e.spec.code + "\"",
                 "panel.not_assigned", "A12");
  }
  return person;
}

// Records a veto unless the judge already vetoed the entry on the same item.
Status write_veto(CampaignImpl& s, JudgeId judge, EntryId entry, std::uint32_t indicator,
                  std::string reason) {
  EntryRecord& e = s.entries[entry.value() - 1];
  for (const VetoRecord& v : e.vetoes) {
    if (v.judge == judge && v.indicator == indicator) {
      return Error(ErrorCode::already_exists,
                   to_string(judge) + " already vetoed entry \"" + e.spec.code + "\" on \"" +
                       s.category(e).rubric->indicators()[indicator].code + "\"",
                   "panel.veto_unique");
    }
  }
  e.vetoes.push_back({judge, indicator, std::move(reason)});
  s.hot[entry.value() - 1].vetoed = 1;
  return {};
}

}  // namespace

// ---- CampaignImpl ---------------------------------------------------------------------------

namespace detail {

Result<const EntryRecord*> CampaignImpl::entry_at(EntryId id) const {
  if (!id.ok() || id.value() > entries.size()) {
    return Error(ErrorCode::not_found, "no " + to_string(id) + " in this campaign");
  }
  return &entries[id.value() - 1];
}

Result<PersonId> CampaignImpl::judge_person(JudgeId judge) const {
  if (!judge.ok() || judge.value() > judges.size()) {
    return Error(ErrorCode::not_found, "no " + to_string(judge) + " on the panel");
  }
  return judges[judge.value() - 1];
}

Result<EntryId> CampaignImpl::record_entry(EntrySpec entry, OrgId enterprise) {
  auto prepared = prepare_entry(*this, entry, enterprise);
  if (!prepared) return prepared.error();
  return commit_entry(*this, std::move(entry), std::move(*prepared));
}

Status CampaignImpl::record_assignment(JudgeId judge, EntryId entry) {
  if (auto person = check_assignment(*this, judge, entry); !person) return person.error();
  seat(*this, judge, entry);
  return {};
}

Status CampaignImpl::record_marks(std::span<const IndexedMark> batch) {
  std::size_t at = 0;
  return mark_batch(*this, batch, at, false);
}

Status CampaignImpl::record_veto(JudgeId judge, EntryId entry, std::uint32_t indicator,
                                 std::string reason) {
  if (auto person = check_veto(*this, judge, entry, indicator, reason); !person) {
    return person.error();
  }
  return write_veto(*this, judge, entry, indicator, std::move(reason));
}

JudgeFacts judge_facts(const CampaignImpl& s, JudgeId judge, PersonId person, bool with_listings) {
  JudgeFacts f{judge, person, affiliations(*s.registry, person, s.spec.as_of), {}};
  if (with_listings) f.listings = listings_of(s, person);
  return f;
}

bool expert_fields_required(const CampaignImpl& s) noexcept {
  return experts_required(s) && s.spec.panel.expert_field_match;
}

bool names_category(const std::vector<ExpertListing>& listings, Category category) {
  const std::string_view wanted = to_string(category);
  for (const ExpertListing& l : listings) {
    if (std::find(l.fields.begin(), l.fields.end(), wanted) != l.fields.end()) return true;
  }
  return false;
}

Status assignment_rules(const CampaignImpl& s, const EntryRecord& e, const JudgeFacts& facts) {
  if (Status ok =
          conflict_check(*s.registry, e, facts.judge, facts.person, facts.orgs, s.spec.as_of);
      !ok) {
    return ok;
  }
  if (expert_fields_required(s) && !names_category(facts.listings, e.spec.category)) {
    return Error(ErrorCode::rule_violation,
                 to_string(facts.judge) + " (" + to_string(facts.person) +
                     ") lists no field of expertise \"" + std::string(to_string(e.spec.category)) +
                     "\", the category of entry \"" + e.spec.code + "\"",
                 "panel.expert_field", "A8");
  }
  return {};
}

CampaignImpl& state_of(Campaign& c) noexcept { return CampaignImpl::of(c); }
const CampaignImpl& state_of(const Campaign& c) noexcept { return CampaignImpl::of(c); }
const Registry& registry_of(const Campaign& c) noexcept { return *CampaignImpl::of(c).registry; }

}  // namespace detail

// ---- Campaign -------------------------------------------------------------------------------

namespace {
// What is malformed in `spec`, if anything: the misuse Campaign's constructor throws for and
// Campaign::create refuses.
std::optional<std::string> malformed(const CampaignSpec& spec) {
  const PanelRules& p = spec.panel;
  if (!p.aggregation.ok() || p.min_judges == 0 || p.veto_threshold == 0 ||
      p.max_judges_per_entry == 0 || p.max_judges_per_entry > 64 ||
      p.min_judges > p.max_judges_per_entry) {
    return "kexie::Campaign: malformed panel rules";
  }
  for (const AwardTier& t : spec.awards.tiers) {
    if (!t.ok()) {
      return "kexie::Campaign: award tier \"" + t.name + "\" " +
             (t.by_count     ? "counts places but also sets a share"
              : t.count != 0 ? "is a share of entries but also sets a count"
                             : "has a share outside [0, 1]");
    }
  }
  const AwardScheme& a = spec.awards;
  if (a.cusp_margin.signum() < 0) {
    return "kexie::Campaign: the cusp margin " + a.cusp_margin.to_string() + " is negative";
  }
  if (a.individuals.min_share.signum() < 0 || a.individuals.min_share > Decimal(1)) {
    return "kexie::Campaign: the advanced individuals' share " +
           a.individuals.min_share.to_string() + " is outside [0, 1]";
  }
  return std::nullopt;
}

// The campaign's own text: its name and its tiers' names (text.utf8, text.control).
Status check_spec_text(const CampaignSpec& spec) {
  if (Status st = check_text(spec.name, "campaign name"); !st) return st;
  for (const AwardTier& t : spec.awards.tiers) {
    if (Status st = check_text(t.name, "award tier name"); !st) return st;
  }
  for (const TieBreak& tb : spec.tie_breaks) {
    if (Status st = check_text(tb.code, "tie-break indicator code"); !st) return st;
  }
  return {};
}
}  // namespace

Campaign::Campaign(const Registry& registry, CampaignSpec spec)
    : impl_(std::make_unique<CampaignImpl>()) {
  if (std::optional<std::string> problem = malformed(spec)) throw std::invalid_argument(*problem);
  if (Status st = check_spec_text(spec); !st) throw std::invalid_argument(st.error().message());
  impl_->registry = &registry;
  impl_->spec = std::move(spec);
}

Result<Campaign> Campaign::create(const Registry& registry, CampaignSpec spec) {
  if (std::optional<std::string> problem = malformed(spec)) {
    return Error(ErrorCode::invalid_argument, std::move(*problem));
  }
  if (Status st = check_spec_text(spec); !st) return st.error();
  return Campaign(registry, std::move(spec));
}

Campaign::~Campaign() = default;
Campaign::Campaign(Campaign&&) noexcept = default;
Campaign& Campaign::operator=(Campaign&&) noexcept = default;

const CampaignSpec& Campaign::spec() const noexcept { return impl_->spec; }

Status Campaign::set_rubric(Category category, Rubric rubric) {
  if (Status st = check_not_frozen(*impl_, "rubrics"); !st) return st;
  CategoryState& c = impl_->categories[static_cast<std::size_t>(category)];
  if (c.entries > 0) {
    return Error(ErrorCode::rule_violation,
                 "the rubric of category " + std::string(to_string(category)) +
                     " cannot change once entries exist",
                 "campaign.rubric_locked", "A12");
  }
  CategoryState next;
  for (std::uint32_t i : rubric.judged()) next.columns.push_back(i);
  next.judged_columns = static_cast<std::uint32_t>(next.columns.size());
  for (std::uint32_t i : rubric.bonuses()) next.columns.push_back(i);
  for (std::uint32_t col = 0; col < next.columns.size(); ++col) {
    const Indicator& ind = rubric.indicators()[next.columns[col]];
    auto min = mark_units(ind.scale.min, ind, "min");
    if (!min) return min.error();
    auto max = mark_units(ind.scale.max, ind, "max");
    if (!max) return max.error();
    auto step = mark_units(ind.scale.step, ind, "step");
    if (!step) return step.error();
    next.col_min.push_back(*min);
    next.col_max.push_back(*max);
    next.col_step.push_back(*step);
    next.col_weight.push_back(col < next.judged_columns
                                  ? units_at(ind.global_weight, detail::kWeightScale)
                                  : units_at(ind.bonus_cap, detail::kAggScale));
    next.column_of.emplace(next.columns[col], col);
  }
  for (std::uint32_t i : rubric.objective()) {
    next.objective_weight.push_back(
        units_at(rubric.indicators()[i].global_weight, detail::kWeightScale));
  }
  next.rubric = std::move(rubric);
  c = std::move(next);
  return {};
}

Result<Rubric> Campaign::rubric(Category category) const {
  const CategoryState& c = impl_->categories[static_cast<std::size_t>(category)];
  if (!c.rubric) {
    return Error(ErrorCode::not_found,
                 "no rubric for category " + std::string(to_string(category)));
  }
  return *c.rubric;
}

Result<EntryId> Campaign::add_entry(EntrySpec spec, Date submitted) {
  const CampaignImpl& s = *impl_;
  if (Status st = require_phase(s, CampaignPhase::entries, "campaign.entry_phase", "entries");
      !st) {
    return st.error();
  }
  if (s.spec.entry_deadline && submitted > *s.spec.entry_deadline) {
    return entry_error(ErrorCode::rule_violation, spec.code,
                       "submitted on " + submitted.to_string() + ", after the entry deadline " +
                           s.spec.entry_deadline->to_string(),
                       "campaign.entry_deadline", "A12");
  }
  return add_checked_entry(std::move(spec));
}

Result<EntryId> Campaign::add_entry(EntrySpec spec) {
  const CampaignImpl& s = *impl_;
  if (Status st = require_phase(s, CampaignPhase::entries, "campaign.entry_phase", "entries");
      !st) {
    return st.error();
  }
  if (s.book && s.spec.entry_deadline) {
    return entry_error(ErrorCode::rule_violation, spec.code,
                       "the campaign has an entry deadline (" + s.spec.entry_deadline->to_string() +
                           "): give the day the entry was submitted",
                       "campaign.entry_deadline", "A12");
  }
  return add_checked_entry(std::move(spec));
}

Result<EntryId> Campaign::add_checked_entry(EntrySpec spec) {
  CampaignImpl& s = *impl_;
  // record_entry's steps with the registry-reading checks where they have always
  // reported: the code and rubric first, the enterprise derivation before the
  // team and claims, eligibility last.
  if (Status st = check_text(spec.code, "entry code"); !st) return st.error();
  if (Status st = check_text(spec.title, "entry title"); !st) return st.error();
  if (Status st = check_entry_code(s, spec); !st) return st.error();
  auto enterprise = derive_enterprise(s, spec);
  if (!enterprise) return enterprise.error();
  if (Status st = check_scope(s, spec, *enterprise); !st) return st.error();
  auto prepared = prepare_entry(s, spec, *enterprise);
  if (!prepared) return prepared.error();
  if (Status st = check_eligibility(s, spec); !st) return st.error();
  if (Status st = detail::check_citations(s, spec, *enterprise); !st) return st.error();
  return commit_entry(s, std::move(spec), std::move(*prepared));
}

Result<Entry> Campaign::entry(EntryId id) const {
  auto e = impl_->entry_at(id);
  if (!e) return e.error();
  return Entry{id, (*e)->spec};
}

Result<EntryId> Campaign::find_entry(std::string_view code) const {
  auto it = impl_->by_code.find(std::string(code));
  if (it == impl_->by_code.end()) {
    return Error(ErrorCode::not_found, "no entry with code " + quote_input(code));
  }
  return it->second;
}

std::size_t Campaign::entry_count() const noexcept { return impl_->entries.size(); }

Result<JudgeId> Campaign::add_judge(PersonId person) {
  if (Status st = require_phase(*impl_, CampaignPhase::evaluation, "campaign.panel_phase",
                                "judges are seated");
      !st) {
    return st.error();
  }
  if (!impl_->registry->person(person)) {
    return Error(ErrorCode::not_found, "no " + to_string(person) + " in the registry");
  }
  if (impl_->judge_of_person.contains(person.value())) {
    return Error(ErrorCode::already_exists, to_string(person) + " is already on the panel",
                 "panel.judge");
  }
  if (experts_required(*impl_) && listings_of(*impl_, person).empty()) {
    return Error(ErrorCode::rule_violation,
                 to_string(person) + " is not listed on " + impl_->spec.as_of.to_string() +
                     " in the expert pool of the organizer " + to_string(impl_->spec.organizer) +
                     " or an organization above it",
                 "panel.expert", "A8");
  }
  room(impl_->judges);
  const JudgeId id{static_cast<std::uint32_t>(impl_->judges.size() + 1)};
  impl_->judge_of_person.emplace(person.value(), id);
  impl_->judges.push_back(person);  // cannot fail: room made
  return id;
}

Result<PersonId> Campaign::judge_person(JudgeId judge) const { return impl_->judge_person(judge); }

std::size_t Campaign::judge_count() const noexcept { return impl_->judges.size(); }

using detail::assignment_rules;
using detail::expert_fields_required;
using detail::judge_facts;
using detail::JudgeFacts;

namespace {

// " (assignment #i)" / " (veto #i)" in a batch of more than one.
std::string nth(const char* what, std::size_t n, std::size_t i) {
  return n == 1 ? std::string() : std::string(" (") + what + " #" + std::to_string(i + 1) + ")";
}

Error in_batch(const Error& e, const char* what, std::size_t n, std::size_t i) {
  return Error(e.code(), e.message() + nth(what, n, i), e.rule(), e.article());
}

}  // namespace

Status Campaign::assign(JudgeId judge, EntryId entry) {
  const AssignmentInput one{judge, entry};
  return assign_all(std::span<const AssignmentInput>(&one, 1));
}

// The one path that seats judges: `assign`, `apply`, the CSV import and the C API's
// batch all come here. The registry's rules are `detail::assignment_rules`, the very
// predicate the proposer (campaign_assignment.cpp) excludes judges by.
Status Campaign::assign_all(std::span<const AssignmentInput> pairs, std::size_t* failed) {
  CampaignImpl& s = *impl_;
  if (Status st = require_phase(s, CampaignPhase::evaluation, "campaign.panel_phase",
                                "judges are assigned");
      !st) {
    return st;
  }
  auto refuse = [&](std::size_t i, const Error& e) -> Status {
    if (failed != nullptr) *failed = i;
    return in_batch(e, "assignment", pairs.size(), i);
  };
  const bool with_listings = expert_fields_required(s);
  std::unordered_map<std::uint32_t, JudgeFacts> facts;     // by judge
  std::unordered_map<std::uint32_t, std::uint32_t> added;  // seats each entry takes in the batch
  std::unordered_set<std::uint64_t> seen;                  // (judge, entry) in the batch
  // Validate everything first: each pair on its own, then against the pairs before it.
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const AssignmentInput& p = pairs[i];
    auto person = check_assignment(s, p.judge, p.entry);
    if (!person) return refuse(i, person.error());
    const EntryRecord& e = s.entries[p.entry.value() - 1];
    const std::uint64_t key = (std::uint64_t{p.judge.value()} << 32) | p.entry.value();
    if (!seen.insert(key).second) {
      return refuse(i, Error(ErrorCode::already_exists,
                             "the batch assigns " + to_string(p.judge) + " to entry \"" +
                                 e.spec.code + "\" twice",
                             "panel.assignment"));
    }
    std::uint32_t& taken = added[p.entry.value()];
    if (e.judges.size() + taken >= s.width()) {
      return refuse(
          i, Error(ErrorCode::rule_violation,
                   "entry \"" + e.spec.code + "\" would have more than the most judges allowed (" +
                       std::to_string(s.width()) + ")",
                   "panel.max_judges", "A12"));
    }
    ++taken;
    auto [it, fresh] = facts.try_emplace(p.judge.value());
    if (fresh) it->second = judge_facts(s, p.judge, *person, with_listings);
    if (Status ok = assignment_rules(s, e, it->second); !ok) return refuse(i, ok.error());
  }
  // Make room first (the only step that can throw), then seat: nothing half-written.
  for (const auto& [entry, n] : added) room(s.entries[entry - 1].judges, n);
  for (const AssignmentInput& p : pairs) seat(s, p.judge, p.entry);
  return {};
}

std::vector<JudgeId> Campaign::judges_of(EntryId entry) const {
  auto e = impl_->entry_at(entry);
  if (!e) return {};
  return (*e)->judges;
}

Status Campaign::mark(JudgeId judge, EntryId entry, std::string_view indicator_code,
                      Decimal value) {
  auto e = impl_->entry_at(entry);
  if (!e) return e.error();
  auto index = impl_->category(**e).rubric->find(indicator_code);
  if (!index) return index.error();
  const detail::IndexedMark one{judge, entry, *index, value};
  return mark_all(std::span<const detail::IndexedMark>(&one, 1));
}

Status Campaign::mark_all(std::span<const MarkInput> marks, std::size_t* failed) {
  if (Status st = require_phase(*impl_, CampaignPhase::evaluation, "campaign.panel_phase",
                                "marks are recorded");
      !st) {
    return st;
  }
  return mark_batch(*impl_, marks, failed);
}

Status Campaign::mark_all(std::span<const detail::IndexedMark> marks, std::size_t* failed) {
  if (Status st = require_phase(*impl_, CampaignPhase::evaluation, "campaign.panel_phase",
                                "marks are recorded");
      !st) {
    return st;
  }
  return mark_batch(*impl_, marks, failed);
}

namespace detail {

struct MarkStream::Session {
  explicit Session(CampaignImpl& s) : state(&s), marking(s, true, Threads{}) {}
  const CampaignImpl* state;
  Status phase;  // the phase check, made once
  MarkSession<IndexedMark> marking;
  bool ended = false;  // refused or committed
};

MarkStream::MarkStream(Campaign& campaign)
    : session_(std::make_unique<Session>(CampaignImpl::of(campaign))) {
  session_->phase = require_phase(CampaignImpl::of(campaign), CampaignPhase::evaluation,
                                  "campaign.panel_phase", "marks are recorded");
}

MarkStream::~MarkStream() = default;

Status MarkStream::add(std::span<const IndexedMark> marks, std::size_t* failed) {
  if (session_->ended) return Error(ErrorCode::invalid_argument, "a mark stream that has ended");
  if (!session_->phase) {
    session_->ended = true;
    return session_->phase;
  }
  std::size_t at = 0;
  Status st = session_->marking.add(marks, 0, marks.size(), at);
  if (!st) {
    session_->ended = true;
    if (failed != nullptr) *failed = at;
  }
  return st;
}

bool MarkStream::find_entry(std::string_view code, EntryId& id, Category& category) const {
  const CampaignImpl& s = *session_->state;
  auto it = s.by_code.find(std::string(code));
  if (it == s.by_code.end()) return false;
  id = it->second;
  category = s.entries[id.value() - 1].spec.category;
  return true;
}

Status MarkStream::commit(std::size_t* failed) {
  if (session_->ended) return Error(ErrorCode::invalid_argument, "a mark stream that has ended");
  session_->ended = true;
  if (!session_->phase) return session_->phase;
  std::size_t at = 0;
  Status st = session_->marking.finish(std::span<const IndexedMark>(), at);
  if (!st && failed != nullptr) *failed = at;
  return st;
}

}  // namespace detail

Status Campaign::mark_all(std::span<const MarkInput> marks, Threads threads, std::size_t* failed) {
  if (Status st = detail::check_threads(threads); !st) return st;
  if (Status st = require_phase(*impl_, CampaignPhase::evaluation, "campaign.panel_phase",
                                "marks are recorded");
      !st) {
    return st;
  }
  return mark_batch(*impl_, marks, failed, threads);
}

Status Campaign::mark_all(std::span<const detail::IndexedMark> marks, Threads threads,
                          std::size_t* failed) {
  if (Status st = detail::check_threads(threads); !st) return st;
  if (Status st = require_phase(*impl_, CampaignPhase::evaluation, "campaign.panel_phase",
                                "marks are recorded");
      !st) {
    return st;
  }
  return mark_batch(*impl_, marks, failed, threads);
}

Status Campaign::veto(JudgeId judge, EntryId entry, std::string_view veto_code,
                      std::string reason) {
  const VetoInput one{judge, entry, std::string(veto_code), std::move(reason)};
  return veto_all(std::span<const VetoInput>(&one, 1));
}

Status Campaign::veto_all(std::span<const VetoInput> vetoes, std::size_t* failed) {
  CampaignImpl& s = *impl_;
  if (Status st = require_phase(s, CampaignPhase::evaluation, "campaign.panel_phase",
                                "vetoes are recorded");
      !st) {
    return st;
  }
  auto refuse = [&](std::size_t i, const Error& e) -> Status {
    if (failed != nullptr) *failed = i;
    return in_batch(e, "veto", vetoes.size(), i);
  };
  std::vector<std::uint32_t> items(vetoes.size());
  for (std::size_t i = 0; i < vetoes.size(); ++i) {
    const VetoInput& v = vetoes[i];
    if (Status st = check_text(v.reason, "veto reason", TextRule::multiline); !st) {
      return refuse(i, st.error());
    }
    auto person = s.judge_person(v.judge);
    if (!person) return refuse(i, person.error());
    auto e = s.entry_at(v.entry);
    if (!e) return refuse(i, e.error());
    auto index = s.category(**e).rubric->find(v.item);
    if (!index) return refuse(i, index.error());
    if (auto checked = check_veto(s, v.judge, v.entry, *index, v.reason); !checked) {
      return refuse(i, checked.error());
    }
    if (Status ok = conflict_check(s, **e, v.judge, *person); !ok) return refuse(i, ok.error());
    for (const VetoRecord& r : (*e)->vetoes) {
      if (r.judge == v.judge && r.indicator == *index) {
        return refuse(i, Error(ErrorCode::already_exists,
                               to_string(v.judge) + " already vetoed entry \"" + (*e)->spec.code +
                                   "\" on \"" + v.item + "\"",
                               "panel.veto_unique"));
      }
    }
    items[i] = *index;
    for (std::size_t k = 0; k < i; ++k) {
      if (vetoes[k].judge == v.judge && vetoes[k].entry == v.entry && items[k] == *index) {
        return refuse(i, Error(ErrorCode::already_exists,
                               "the batch has " + to_string(v.judge) + " veto entry \"" +
                                   (*e)->spec.code + "\" on \"" + v.item + "\" twice",
                               "panel.veto_unique"));
      }
    }
  }
  // Room first, then the writes, which cannot fail.
  std::unordered_map<std::uint32_t, std::size_t> per_entry;
  for (const VetoInput& v : vetoes) ++per_entry[v.entry.value()];
  for (auto [entry, n] : per_entry) room(s.entries[entry - 1].vetoes, n);
  std::vector<std::string> reasons;
  reasons.reserve(vetoes.size());
  for (const VetoInput& v : vetoes) reasons.push_back(v.reason);
  for (std::size_t i = 0; i < vetoes.size(); ++i) {
    EntryRecord& e = s.entries[vetoes[i].entry.value() - 1];
    e.vetoes.push_back({vetoes[i].judge, items[i], std::move(reasons[i])});
    s.hot[vetoes[i].entry.value() - 1].vetoed = 1;
  }
  return {};
}

Result<PanelMarks> Campaign::panel_marks(std::string_view indicator_code,
                                         std::span<const JudgeId> judges,
                                         std::span<const EntryId> entries) const {
  const CampaignImpl& s = *impl_;
  static_assert(detail::kMarkScale == 4);  // the 1e4 below
  PanelMarks out(entries.size(), judges.size());
  std::optional<Category> category;
  std::size_t column = 0;  // the indicator's column, found once: every entry shares the category
  // Each requested judge's row, looked up by id (judge ids run 1..judges.size()): every
  // entry's few seated judges are walked instead of searching each requested judge in each
  // entry, which matters when the panel is every judge of the campaign (the results
  // writers). A judge named twice fills two rows, so it keeps the search below.
  constexpr std::uint32_t kNoRow = UINT32_MAX;
  std::vector<std::uint32_t> row_of(s.judges.size() + 1, kNoRow);
  bool by_id = true;
  for (std::size_t r = 0; r < judges.size() && by_id; ++r) {
    const std::uint32_t id = judges[r].value();
    if (id >= row_of.size()) continue;  // not a judge of this campaign: seated nowhere
    if (row_of[id] != kNoRow) by_id = false;
    row_of[id] = static_cast<std::uint32_t>(r);
  }
  // The entries come in the board's order, scattered over the records: the records (and
  // their seats) a few entries ahead are fetched while this one is read.
  constexpr std::size_t kAhead = 8;
  const auto fetch = [&s, &entries](std::size_t c) {
    const std::uint32_t id = entries[c].value();
    if (id == 0 || id > s.entries.size()) return;
    const EntryRecord& ahead = s.entries[id - 1];
    __builtin_prefetch(&ahead.spec.category);
    __builtin_prefetch(&s.hot[id - 1]);
  };
  for (std::size_t c = 0; c < entries.size() && c < kAhead; ++c) fetch(c);
  for (std::size_t c = 0; c < entries.size(); ++c) {
    if (c + kAhead < entries.size()) fetch(c + kAhead);
    auto found = s.entry_at(entries[c]);
    if (!found) return found.error();
    const EntryRecord& e = **found;
    if (c + 1 < entries.size()) {
      const std::uint32_t next = entries[c + 1].value();
      if (next != 0 && next <= s.entries.size() && !s.entries[next - 1].judges.empty())
        __builtin_prefetch(s.entries[next - 1].judges.data());
    }
    if (category && *category != e.spec.category) {
      return Error(ErrorCode::invalid_argument, "entries of different categories");
    }
    if (!category) {
      const CategoryState& cat = s.category(e);
      auto index = cat.rubric->find(indicator_code);
      if (!index) return index.error();
      auto col = cat.column_of.find(*index);
      if (col == cat.column_of.end()) {
        return Error(ErrorCode::invalid_argument,
                     "indicator \"" + std::string(indicator_code) + "\" is not marked by judges");
      }
      column = col->second;
    }
    category = e.spec.category;
    const std::size_t base = s.hot[entries[c].value() - 1].mark_offset;
    const std::size_t columns = s.category(e).columns.size();
    if (by_id) {
      for (std::size_t k = 0; k < e.judges.size(); ++k) {
        const std::uint32_t id = e.judges[k].value();
        const std::uint32_t r = id < row_of.size() ? row_of[id] : kNoRow;
        if (r == kNoRow) continue;
        const std::int32_t v = s.marks[base + cell_of(columns, column, k)];
        // v / 10^4 with both operands exact doubles: the division rounds the exact quotient
        // once, so this is the correctly rounded double that Decimal::to_double (strtod of
        // the exact text) gives, without the text.
        if (v != kNoMark) out.set(c, r, static_cast<double>(v) / 1e4);
      }
      continue;
    }
    for (std::size_t r = 0; r < judges.size(); ++r) {
      auto slot = std::lower_bound(e.judges.begin(), e.judges.end(), judges[r]);
      if (slot == e.judges.end() || *slot != judges[r]) continue;
      const std::int32_t v =
          s.marks[base +
                  cell_of(columns, column, static_cast<std::size_t>(slot - e.judges.begin()))];
      if (v != kNoMark) out.set(c, r, static_cast<double>(v) / 1e4);
    }
  }
  return out;
}

}  // namespace v1
}  // namespace kexie
