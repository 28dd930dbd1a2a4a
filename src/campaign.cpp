// Campaign: entries, panel, marks and exact scoring. Marks are stored as 32-bit
// integers at 4 places in one contiguous array (entry × column × judge slot);
// aggregated values are 64-bit integers at 6 places and totals at 14 places,
// so the whole path from marks to awards is integer arithmetic.
#include "kexie/campaign.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <iterator>
#include <map>
#include <numeric>
#include <stdexcept>
#include <unordered_set>

#include "campaign_state.hpp"
#include "detail/aggregate.hpp"
#include "detail/int128.hpp"
#include "detail/sha256.hpp"
#include "kexie/registry.hpp"
#include "snapshot_access.hpp"

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#endif

namespace kexie {
inline namespace v1 {
namespace {

constexpr int kWeightScale = Rubric::kMaxWeightScale;  // 8
constexpr int kTotalScale = Rubric::kTotalScale;       // 14
constexpr std::int64_t kWeightUnit = 100'000'000;      // 10^8: 6 → 14 places

std::size_t figure_index(ClaimedFigure f) { return static_cast<std::size_t>(f); }

// A mark as an integer at 4 places, or nullopt when it has more places or is too big.
std::optional<std::int32_t> mark_units(const Decimal& d) {
  auto r = d.rescaled(detail::kMarkScale, Rounding::down);
  if (!r || *r != d || r->coefficient() > 10'000'000 || r->coefficient() < -10'000'000) {
    return std::nullopt;
  }
  return static_cast<std::int32_t>(r->coefficient());
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

}  // namespace

std::string_view to_string(EntryStatus status) noexcept { return enum_name(status); }

const EntryResult* Scoreboard::find(EntryId entry) const noexcept {
  for (const EntryResult& r : entries) {
    if (r.entry == entry) return &r;
  }
  return nullptr;
}

namespace {
// What is malformed in `spec`, if anything: the misuse Campaign's constructor throws for.
std::optional<std::string> malformed(const CampaignSpec& spec) {
  const PanelRules& p = spec.panel;
  if (!p.aggregation.ok() || p.min_judges == 0 || p.veto_threshold == 0 ||
      p.max_judges_per_entry == 0 || p.max_judges_per_entry > 64 ||
      p.min_judges > p.max_judges_per_entry) {
    return "kexie::Campaign: malformed panel rules";
  }
  for (const AwardTier& t : spec.awards.tiers) {
    if (!t.by_count && (t.share.signum() < 0 || t.share > Decimal(1))) {
      return "kexie::Campaign: award tier \"" + t.name + "\" has a share outside [0, 1]";
    }
  }
  return std::nullopt;
}
}  // namespace

Campaign::Campaign(const Registry& registry, CampaignSpec spec) : impl_(std::make_unique<Impl>()) {
  if (std::optional<std::string> problem = malformed(spec)) throw std::invalid_argument(*problem);
  impl_->registry = &registry;
  impl_->spec = std::move(spec);
}

Result<Campaign> Campaign::create(const Registry& registry, CampaignSpec spec) {
  if (std::optional<std::string> problem = malformed(spec)) {
    return Error(ErrorCode::invalid_argument, std::move(*problem));
  }
  return Campaign(registry, std::move(spec));
}

Campaign::~Campaign() = default;
Campaign::Campaign(Campaign&&) noexcept = default;
Campaign& Campaign::operator=(Campaign&&) noexcept = default;

const CampaignSpec& Campaign::spec() const noexcept { return impl_->spec; }

Status Campaign::set_rubric(Category category, Rubric rubric) {
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
    next.col_min.push_back(*mark_units(ind.scale.min));
    next.col_max.push_back(*mark_units(ind.scale.max));
    next.col_step.push_back(*mark_units(ind.scale.step));
    next.col_weight.push_back(col < next.judged_columns
                                  ? units_at(ind.global_weight, kWeightScale)
                                  : units_at(ind.bonus_cap, detail::kAggScale));
    next.column_of.emplace(next.columns[col], col);
  }
  for (std::uint32_t i : rubric.objective()) {
    next.objective_weight.push_back(units_at(rubric.indicators()[i].global_weight, kWeightScale));
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

Result<EntryId> Campaign::add_entry(EntrySpec spec) {
  Impl& s = *impl_;
  const Registry& reg = *s.registry;
  const Date on = s.spec.as_of;
  const std::string& code = spec.code;
  if (code.empty()) return Error(ErrorCode::invalid_argument, "an entry needs a code (申报编号)");
  if (s.by_code.contains(code)) {
    return entry_error(ErrorCode::already_exists, code, "the code is already used", "entry.code");
  }
  CategoryState& cat = s.categories[static_cast<std::size_t>(spec.category)];
  if (!cat.rubric) {
    return entry_error(ErrorCode::not_found, code,
                       "no rubric for category " + std::string(to_string(spec.category)));
  }
  // The submitting unit: an enterprise association (or proxy), or an organization under one.
  auto unit_kind = reg.kind(spec.unit);
  if (!unit_kind) return entry_error(ErrorCode::not_found, code, unit_kind.error().message());
  OrgId enterprise;
  if (s.restoring) {
    // Restoring a snapshot: the enterprise was derived when the entry was added.
    if (reg.kind(s.restored_enterprise)) enterprise = s.restored_enterprise;
  } else if (reg.exists(spec.unit, on)) {
    if (*unit_kind == OrgKind::enterprise || *unit_kind == OrgKind::proxy) {
      enterprise = spec.unit;
    } else if (*unit_kind == OrgKind::branch || *unit_kind == OrgKind::study_group) {
      for (OrgId a : reg.ancestor_ids(spec.unit, on)) {
        if (reg.kind(a).value_or(OrgKind::partner) == OrgKind::enterprise) {
          enterprise = a;
          break;
        }
      }
    }
  }
  if (!enterprise.ok()) {
    return entry_error(ErrorCode::rule_violation, code,
                       "the submitting unit " + to_string(spec.unit) +
                           " is not an enterprise association, or under one, on " + on.to_string(),
                       "entry.unit", "A10");
  }
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
  EntryRecord rec;
  rec.enterprise = enterprise;
  std::vector<Decimal> tce{Decimal(0)}, co2{c.co2_avoided_t};
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
    }
  }
  auto tce_sum = sum(tce);
  auto co2_sum = sum(co2);
  if (!tce_sum || !co2_sum)
    return entry_error(ErrorCode::overflow, code, "claimed totals overflow");
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
  // Every objective indicator must be computable now, so scoring cannot fail later.
  std::vector<std::int64_t> objective;
  for (std::uint32_t i : cat.rubric->objective()) {
    const ClaimedFigure fig = cat.rubric->indicators()[i].objective.figure;
    auto v = cat.rubric->objective_value(i, f[figure_index(fig)]);
    if (!v) return entry_error(v.error().code(), code, v.error().message());
    objective.push_back(units_at(*v, detail::kAggScale));
  }
  // Eligibility: report every rule the entry fails.
  std::vector<std::string> failed;
  // A restored entry passed these when it was added; they read the registry, whose
  // history may have changed since.
  for (const EligibilityRule& rule : s.restoring
                                         ? std::span<const EligibilityRule>()
                                         : std::span<const EligibilityRule>(s.spec.eligibility)) {
    std::string why;
    switch (rule.kind) {
      case EligibilityRule::Kind::max_team_size:
        if (spec.team.size() > static_cast<std::size_t>(rule.n)) {
          why = "team of " + std::to_string(spec.team.size()) + " > " + std::to_string(rule.n);
        }
        break;
      case EligibilityRule::Kind::max_leader_age: {
        const Person leader = reg.person(spec.team.front().person).value();
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
    return entry_error(ErrorCode::rule_violation, code, msg, "entry.eligibility", "A10");
  }
  // Commit.
  rec.spec = std::move(spec);
  EntryHot hot;
  hot.mark_offset = s.marks.size();
  hot.objective_offset = static_cast<std::uint32_t>(s.objective_values.size());
  hot.category = static_cast<std::uint8_t>(rec.spec.category);
  s.marks.resize(s.marks.size() + cat.columns.size() * s.width(), kNoMark);
  s.objective_values.insert(s.objective_values.end(), objective.begin(), objective.end());
  s.hot.push_back(hot);
  s.codes.push_back(rec.spec.code);
  s.entries.push_back(std::move(rec));
  const EntryId id{static_cast<std::uint32_t>(s.entries.size())};
  s.by_code.emplace(s.entries.back().spec.code, id);
  ++cat.entries;
  return id;
}

Result<Entry> Campaign::entry(EntryId id) const {
  if (!id.ok() || id.value() > impl_->entries.size()) {
    return Error(ErrorCode::not_found, "no " + to_string(id) + " in this campaign");
  }
  return Entry{id, impl_->entries[id.value() - 1].spec};
}

Result<EntryId> Campaign::find_entry(std::string_view code) const {
  auto it = impl_->by_code.find(std::string(code));
  if (it == impl_->by_code.end()) {
    return Error(ErrorCode::not_found, "no entry with code \"" + std::string(code) + "\"");
  }
  return it->second;
}

std::size_t Campaign::entry_count() const noexcept { return impl_->entries.size(); }

Result<JudgeId> Campaign::add_judge(PersonId person) {
  if (!impl_->registry->person(person)) {
    return Error(ErrorCode::not_found, "no " + to_string(person) + " in the registry");
  }
  if (impl_->judge_of_person.contains(person.value())) {
    return Error(ErrorCode::already_exists, to_string(person) + " is already on the panel",
                 "panel.judge");
  }
  impl_->judges.push_back(person);
  const JudgeId id{static_cast<std::uint32_t>(impl_->judges.size())};
  impl_->judge_of_person.emplace(person.value(), id);
  return id;
}

Result<PersonId> Campaign::judge_person(JudgeId judge) const {
  if (!judge.ok() || judge.value() > impl_->judges.size()) {
    return Error(ErrorCode::not_found, "no " + to_string(judge) + " on the panel");
  }
  return impl_->judges[judge.value() - 1];
}

std::size_t Campaign::judge_count() const noexcept { return impl_->judges.size(); }

namespace {

// The organizations a person belongs to on `on`: employer and memberships.
std::vector<OrgId> affiliations(const Registry& reg, PersonId person, Date on) {
  std::vector<OrgId> orgs;
  if (auto p = reg.person(person)) orgs.push_back(p->employer);
  for (MembershipId m : reg.memberships_of(person)) {
    auto ms = reg.membership(m);
    if (ms && ms->period.contains(on)) orgs.push_back(ms->org);
  }
  return orgs;
}

Status conflict_check(const Registry& reg, const EntryRecord& e, JudgeId judge, PersonId person,
                      const std::vector<OrgId>& orgs, Date on) {
  for (const TeamShare& t : e.spec.team) {
    if (t.person == person) {
      return Error(ErrorCode::conflict_of_interest,
                   to_string(judge) + " (" + to_string(person) + ") is on the team of entry \"" +
                       e.spec.code + "\"",
                   "panel.conflict", "A12");
    }
  }
  for (OrgId org : orgs) {
    if (reg.within(org, e.enterprise, on)) {
      return Error(ErrorCode::conflict_of_interest,
                   to_string(judge) + " (" + to_string(person) + ") belongs to " + to_string(org) +
                       ", within the enterprise association " + to_string(e.enterprise) +
                       " of entry \"" + e.spec.code + "\"",
                   "panel.conflict", "A12");
    }
  }
  return {};
}

}  // namespace

Status Campaign::assign(JudgeId judge, EntryId entry) {
  Impl& s = *impl_;
  auto person = judge_person(judge);
  if (!person) return person.error();
  if (!entry.ok() || entry.value() > s.entries.size()) {
    return Error(ErrorCode::not_found, "no " + to_string(entry) + " in this campaign");
  }
  EntryRecord& e = s.entries[entry.value() - 1];
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
  const Date on = s.spec.as_of;
  if (auto ok = s.restoring ? Status{}
                            : conflict_check(*s.registry, e, judge, *person,
                                             affiliations(*s.registry, *person, on), on);
      !ok) {
    return ok;
  }
  // Keep slots in judge order: shift the cells of later judges in every column.
  const auto pos = static_cast<std::size_t>(
      std::lower_bound(e.judges.begin(), e.judges.end(), judge) - e.judges.begin());
  const std::size_t columns = s.category(e).columns.size();
  for (std::size_t col = 0; col < columns; ++col) {
    std::int32_t* cell = s.marks.data() + s.hot[entry.value() - 1].mark_offset + col * s.width();
    std::copy_backward(cell + pos, cell + e.judges.size(), cell + e.judges.size() + 1);
    cell[pos] = kNoMark;
  }
  e.judges.insert(e.judges.begin() + static_cast<std::ptrdiff_t>(pos), judge);
  s.hot[entry.value() - 1].judges = static_cast<std::uint8_t>(e.judges.size());
  return {};
}

std::vector<JudgeId> Campaign::judges_of(EntryId entry) const {
  if (!entry.ok() || entry.value() > impl_->entries.size()) return {};
  return impl_->entries[entry.value() - 1].judges;
}

Status Campaign::mark(JudgeId judge, EntryId entry, std::string_view indicator_code,
                      Decimal value) {
  if (!entry.ok() || entry.value() > impl_->entries.size()) {
    return Error(ErrorCode::not_found, "no " + to_string(entry) + " in this campaign");
  }
  const EntryRecord& e = impl_->entries[entry.value() - 1];
  auto index = impl_->category(e).rubric->find(indicator_code);
  if (!index) return index.error();
  const MarkInput one{judge, entry, *index, value};
  return mark_all(std::span<const MarkInput>(&one, 1));
}

Status Campaign::mark_all(std::span<const MarkInput> marks) {
  Impl& s = *impl_;
  const Date on = s.spec.as_of;
  std::unordered_map<std::uint32_t, std::vector<OrgId>> orgs_of_judge;
  std::vector<std::size_t> cells(marks.size());
  std::vector<std::int32_t> values(marks.size());
  const auto where = [&](std::size_t i) {
    return marks.size() == 1 ? std::string() : " (mark #" + std::to_string(i + 1) + ")";
  };
  // Validate everything first; apply nothing until all pass.
  for (std::size_t i = 0; i < marks.size(); ++i) {
    const MarkInput& m = marks[i];
    auto person = judge_person(m.judge);
    if (!person) return Error(ErrorCode::not_found, person.error().message() + where(i));
    if (!m.entry.ok() || m.entry.value() > s.entries.size()) {
      return Error(ErrorCode::not_found,
                   "no " + to_string(m.entry) + " in this campaign" + where(i));
    }
    const EntryRecord& e = s.entries[m.entry.value() - 1];
    const CategoryState& cat = s.category(e);
    auto col_it = cat.column_of.find(m.indicator);
    if (col_it == cat.column_of.end()) {
      return Error(ErrorCode::not_found, "indicator #" + std::to_string(m.indicator) +
                                             " of entry \"" + e.spec.code +
                                             "\" is not marked by judges" + where(i));
    }
    const std::uint32_t col = col_it->second;
    auto slot_it = std::lower_bound(e.judges.begin(), e.judges.end(), m.judge);
    if (slot_it == e.judges.end() || *slot_it != m.judge) {
      return Error(
          ErrorCode::rule_violation,
          to_string(m.judge) + " is not assigned to entry \"" + e.spec.code + "\"" + where(i),
          "panel.not_assigned", "A12");
    }
    auto [orgs, fresh] = orgs_of_judge.try_emplace(m.judge.value());
    if (fresh && !s.restoring) orgs->second = affiliations(*s.registry, *person, on);
    if (auto ok = s.restoring ? Status{}
                              : conflict_check(*s.registry, e, m.judge, *person, orgs->second, on);
        !ok) {
      return Error(ok.error().code(), ok.error().message() + where(i), ok.error().rule(),
                   ok.error().article());
    }
    const auto units = mark_units(m.mark);
    const bool in_scale = units && *units >= cat.col_min[col] && *units <= cat.col_max[col];
    if (!in_scale || (*units - cat.col_min[col]) % cat.col_step[col] != 0) {
      auto why = cat.rubric->check_mark(m.indicator, m.mark);
      const Error& err = why.error();
      return Error(err.code(), "entry \"" + e.spec.code + "\": " + err.message() + where(i),
                   err.rule(), "A12");
    }
    const std::size_t slot = static_cast<std::size_t>(slot_it - e.judges.begin());
    cells[i] = s.hot[m.entry.value() - 1].mark_offset + col * s.width() + slot;
    values[i] = *units;
    if (s.marks[cells[i]] != kNoMark) {
      return Error(ErrorCode::already_exists,
                   to_string(m.judge) + " already marked indicator \"" +
                       cat.rubric->indicators()[m.indicator].code + "\" of entry \"" + e.spec.code +
                       "\"" + where(i),
                   "panel.mark_unique");
    }
  }
  // The same cell twice within the batch is a duplicate too.
  if (marks.size() > 1) {
    std::vector<std::size_t> sorted(cells);
    std::sort(sorted.begin(), sorted.end());
    if (auto dup = std::adjacent_find(sorted.begin(), sorted.end()); dup != sorted.end()) {
      const auto i =
          static_cast<std::size_t>(std::find(cells.begin(), cells.end(), *dup) - cells.begin());
      return Error(ErrorCode::already_exists,
                   "the batch marks the same judge, entry and indicator twice" + where(i),
                   "panel.mark_unique");
    }
  }
  for (std::size_t i = 0; i < marks.size(); ++i) s.marks[cells[i]] = values[i];
  return {};
}

Status Campaign::veto(JudgeId judge, EntryId entry, std::string_view veto_code,
                      std::string reason) {
  Impl& s = *impl_;
  auto person = judge_person(judge);
  if (!person) return person.error();
  if (!entry.ok() || entry.value() > s.entries.size()) {
    return Error(ErrorCode::not_found, "no " + to_string(entry) + " in this campaign");
  }
  EntryRecord& e = s.entries[entry.value() - 1];
  const Rubric& rubric = *s.category(e).rubric;
  auto index = rubric.find(veto_code);
  if (!index) return index.error();
  if (rubric.indicators()[*index].kind != IndicatorKind::veto) {
    return Error(ErrorCode::invalid_argument,
                 "indicator \"" + std::string(veto_code) + "\" is not a veto item");
  }
  if (reason.empty()) return Error(ErrorCode::invalid_argument, "a veto needs a reason");
  if (!std::binary_search(e.judges.begin(), e.judges.end(), judge)) {
    return Error(ErrorCode::rule_violation,
                 to_string(judge) + " is not assigned to entry \"" + e.spec.code + "\"",
                 "panel.not_assigned", "A12");
  }
  const Date on = s.spec.as_of;
  if (auto ok = s.restoring ? Status{}
                            : conflict_check(*s.registry, e, judge, *person,
                                             affiliations(*s.registry, *person, on), on);
      !ok) {
    return ok;
  }
  for (const VetoRecord& v : e.vetoes) {
    if (v.judge == judge && v.indicator == *index) {
      return Error(ErrorCode::already_exists,
                   to_string(judge) + " already vetoed entry \"" + e.spec.code + "\" on \"" +
                       std::string(veto_code) + "\"",
                   "panel.veto_unique");
    }
  }
  e.vetoes.push_back({judge, *index, std::move(reason)});
  s.hot[entry.value() - 1].vetoed = 1;
  return {};
}

Result<std::vector<std::vector<std::optional<Decimal>>>> Campaign::marks_matrix(
    std::span<const JudgeId> judges, std::span<const EntryId> entries,
    std::string_view indicator_code) const {
  const Impl& s = *impl_;
  std::vector<std::vector<std::optional<Decimal>>> out(
      judges.size(), std::vector<std::optional<Decimal>>(entries.size()));
  std::optional<Category> category;
  for (std::size_t c = 0; c < entries.size(); ++c) {
    if (!entries[c].ok() || entries[c].value() > s.entries.size()) {
      return Error(ErrorCode::not_found, "no " + to_string(entries[c]) + " in this campaign");
    }
    const EntryRecord& e = s.entries[entries[c].value() - 1];
    if (category && *category != e.spec.category) {
      return Error(ErrorCode::invalid_argument, "entries of different categories");
    }
    category = e.spec.category;
    const CategoryState& cat = s.category(e);
    auto index = cat.rubric->find(indicator_code);
    if (!index) return index.error();
    auto col = cat.column_of.find(*index);
    if (col == cat.column_of.end()) {
      return Error(ErrorCode::invalid_argument,
                   "indicator \"" + std::string(indicator_code) + "\" is not marked by judges");
    }
    for (std::size_t r = 0; r < judges.size(); ++r) {
      auto slot = std::lower_bound(e.judges.begin(), e.judges.end(), judges[r]);
      if (slot == e.judges.end() || *slot != judges[r]) continue;
      const std::int32_t v =
          s.marks[s.hot[entries[c].value() - 1].mark_offset + col->second * s.width() +
                  static_cast<std::size_t>(slot - e.judges.begin())];
      if (v != kNoMark) out[r][c] = fixed(v, detail::kMarkScale);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Scoring.

std::vector<std::uint32_t> Campaign::Impl::entries_by_code() const {
  std::lock_guard<std::mutex> lock(order_mutex);
  const std::size_t known = code_order.size();
  if (known < entries.size()) {
    std::vector<std::uint32_t> fresh(entries.size() - known);
    std::iota(fresh.begin(), fresh.end(), static_cast<std::uint32_t>(known));
    const auto code_less = [&](std::uint32_t a, std::uint32_t b) { return codes[a] < codes[b]; };
    std::sort(fresh.begin(), fresh.end(), code_less);
    std::vector<std::uint32_t> merged;
    merged.reserve(entries.size());
    std::merge(code_order.begin(), code_order.end(), fresh.begin(), fresh.end(),
               std::back_inserter(merged), code_less);
    code_order.swap(merged);
  }
  return code_order;
}

std::vector<NormParams> Campaign::Impl::normalization(Category c) const {
  const CategoryState& cat = categories[static_cast<std::size_t>(c)];
  std::vector<NormParams> out(cat.judged_columns);
  if (!spec.panel.normalization.enabled) return out;
  // A fixed order (entries by code) makes the floating-point sums reproducible.
  std::vector<const EntryRecord*> order;
  for (const EntryRecord& e : entries) {
    if (e.spec.category == c) order.push_back(&e);
  }
  std::sort(order.begin(), order.end(),
            [](const EntryRecord* a, const EntryRecord* b) { return a->spec.code < b->spec.code; });
  const auto quantize = [](double x) {
    return static_cast<std::int64_t>(std::nearbyint(x * 1e6));  // 6 places, ties to even
  };
  for (std::uint32_t col = 0; col < cat.judged_columns; ++col) {
    std::unordered_map<std::uint32_t, std::vector<double>> by_judge;
    std::vector<double> all;
    std::vector<std::uint32_t> judge_order;
    for (const EntryRecord* e : order) {
      const std::int32_t* cell = marks.data() +
                                 hot[static_cast<std::size_t>(e - entries.data())].mark_offset +
                                 col * width();
      for (std::size_t slot = 0; slot < e->judges.size(); ++slot) {
        if (cell[slot] == kNoMark) continue;
        const double x = cell[slot] / 1e4;
        auto [it, fresh] = by_judge.try_emplace(e->judges[slot].value());
        if (fresh) judge_order.push_back(e->judges[slot].value());
        it->second.push_back(x);
        all.push_back(x);
      }
    }
    const auto stats = [](const std::vector<double>& xs, double& mean, double& sd) {
      double s = 0;
      for (double x : xs) s += x;
      mean = s / static_cast<double>(xs.size());
      double v = 0;
      for (double x : xs) v += (x - mean) * (x - mean);
      sd = std::sqrt(v / static_cast<double>(xs.size()));
    };
    NormParams& np = out[col];
    if (all.size() < 2) continue;
    double pm = 0, psd = 0;
    stats(all, pm, psd);
    np.panel_mean = quantize(pm);
    np.panel_sd = quantize(psd);
    np.panel_ok = np.panel_sd > 0;
    for (std::uint32_t j : judge_order) {
      const std::vector<double>& xs = by_judge[j];
      NormParams::Judge jp;
      jp.sample = static_cast<std::uint32_t>(xs.size());
      double jm = 0, jsd = 0;
      stats(xs, jm, jsd);
      jp.mean = quantize(jm);
      jp.sd = quantize(jsd);
      jp.applied = np.panel_ok && jp.sample >= spec.panel.normalization.min_sample && jp.sd > 0;
      np.judges.emplace(j, jp);
    }
  }
  return out;
}

void Campaign::Impl::evaluate(std::size_t index, const std::vector<NormParams>* norm,
                              EntryValues& out,
                              std::vector<std::vector<MarkDetail>>* detail) const {
  const EntryHot& h = hot[index];
  const CategoryState& cat = categories[h.category];
  // The full record (judge ids) is only read for normalization and explanations.
  const EntryRecord* full = (norm || detail) ? &entries[index] : nullptr;
  const std::uint32_t w = width();
  const auto columns = static_cast<std::uint32_t>(cat.columns.size());
  out.complete = true;
  out.column_value.assign(columns, 0);
  out.column_present.assign(columns, 0);
  out.judged_part = out.objective_part = out.bonus = out.total = 0;
  out.top_marks = 0;
  if (detail) detail->assign(columns, {});
  std::int32_t buf[64];
  std::uint32_t slot_of[64];
  for (std::uint32_t col = 0; col < columns; ++col) {
    const std::int32_t* cell = marks.data() + h.mark_offset + static_cast<std::size_t>(col) * w;
    std::uint32_t n = 0;
    for (std::uint32_t slot = 0; slot < h.judges; ++slot) {
      std::int32_t v = cell[slot];
      if (v == kNoMark) continue;
      if (v == cat.col_max[col]) ++out.top_marks;
      if (full == nullptr) {
        slot_of[n] = slot;
        buf[n++] = v;
        continue;
      }
      MarkDetail md{full->judges[slot], v, kNoMark, false};
      if (norm && col < cat.judged_columns) {
        const NormParams& np = (*norm)[col];
        auto it = np.judges.find(full->judges[slot].value());
        if (it != np.judges.end() && it->second.applied) {
          // panel_mean + (x − judge_mean) × panel_sd / judge_sd, exact then half-even.
          const detail::int128 x6 = detail::int128{v} * 100;
          const detail::int128 shifted = detail::round_div((x6 - it->second.mean) * np.panel_sd,
                                                           it->second.sd, Rounding::half_even);
          const detail::int128 y6 = np.panel_mean + shifted;
          detail::int128 y4 = detail::round_div(y6, 100, Rounding::half_even);
          y4 = std::clamp<detail::int128>(y4, cat.col_min[col], cat.col_max[col]);
          v = static_cast<std::int32_t>(y4);
          md.normalized = v;
        }
      }
      if (detail) (*detail)[col].push_back(md);
      slot_of[n] = slot;
      buf[n++] = v;
    }
    const bool judged = col < cat.judged_columns;
    if (judged && n < spec.panel.min_judges) {
      out.complete = false;
      continue;
    }
    if (n == 0) continue;
    if (detail == nullptr) {
      std::int32_t scratch[64];
      const std::int64_t value =
          detail::aggregate_unsorted(buf, n, spec.panel.aggregation, scratch);
      out.column_value[col] = value;
      out.column_present[col] = 1;
      if (judged) {
        out.judged_part += value * cat.col_weight[col];
      } else {
        out.bonus += std::min(std::max<std::int64_t>(value, 0), cat.col_weight[col]) * kWeightUnit;
      }
      continue;
    }
    // Sort values (and, for explanations, which slot each came from) together.
    for (std::uint32_t i = 1; i < n; ++i) {
      const std::int32_t x = buf[i];
      const std::uint32_t sx = slot_of[i];
      std::uint32_t j = i;
      for (; j > 0 && buf[j - 1] > x; --j) {
        buf[j] = buf[j - 1];
        slot_of[j] = slot_of[j - 1];
      }
      buf[j] = x;
      slot_of[j] = sx;
    }
    detail::Kept kept;
    const std::int64_t value = detail::aggregate_sorted(buf, n, spec.panel.aggregation, kept);
    out.column_value[col] = value;
    out.column_present[col] = 1;
    if (detail && kept.applied == AggregationMethod::trimmed_mean) {
      for (std::uint32_t i = 0; i < n; ++i) {
        if (i >= kept.lo && i < kept.hi) continue;
        for (MarkDetail& md : (*detail)[col]) {
          if (md.judge == full->judges[slot_of[i]]) md.dropped = true;
        }
      }
    }
    if (judged) {
      out.judged_part += value * cat.col_weight[col];
    } else {
      out.bonus += std::min(std::max<std::int64_t>(value, 0), cat.col_weight[col]) * kWeightUnit;
    }
  }
  const std::int64_t* objective = objective_values.data() + h.objective_offset;
  out.objective_value.assign(objective, objective + cat.objective_weight.size());
  for (std::size_t k = 0; k < cat.objective_weight.size(); ++k) {
    out.objective_part += objective[k] * cat.objective_weight[k];
  }
  out.vetoes = 0;
  if (h.vetoed) {
    std::vector<JudgeId> vetoing;
    for (const VetoRecord& v : entries[index].vetoes) vetoing.push_back(v.judge);
    std::sort(vetoing.begin(), vetoing.end());
    out.vetoes =
        static_cast<std::uint32_t>(std::unique(vetoing.begin(), vetoing.end()) - vetoing.begin());
  }
  out.total = out.judged_part + out.objective_part + out.bonus;
}

namespace {

// What ranking needs of one entry.
struct Core {
  std::int64_t total = 0;  // 14 places
  std::uint32_t rank = 0, position = 0;
  EntryStatus status = EntryStatus::ranked;
};

// The parts of a total, which only score() reports.
struct Parts {
  std::int64_t judged = 0, objective = 0, bonus = 0;  // 14 places
};

std::uint32_t quota_of(const AwardTier& t, std::size_t eligible) {
  if (t.by_count) return t.count;
  const Decimal places =
      multiply(Decimal(static_cast<std::int64_t>(eligible)), t.share, 0, t.rounding).value();
  return static_cast<std::uint32_t>(std::max<std::int64_t>(places.coefficient(), 0));
}

// Stable LSD radix sort of a group's entries by total, highest first, for totals too
// far apart to pack with their places (see sort_packed): 11 bits a pass over
// (key, index) pairs; passes whose digit is the same for every key are skipped. On
// return `keys[k]` is the sort key of `idx[k]` (equal keys ⇔ equal totals).
void sort_by_total(std::vector<std::uint32_t>& idx, const std::vector<std::int64_t>& totals,
                   std::vector<std::uint64_t>& keys) {
  struct Item {
    std::uint64_t key;
    std::uint32_t index;
  };
  std::vector<Item> a(idx.size()), b(idx.size());
  for (std::size_t k = 0; k < idx.size(); ++k) {
    a[k] = {~(static_cast<std::uint64_t>(totals[idx[k]]) ^ (std::uint64_t{1} << 63)), idx[k]};
  }
  const int bits = 11;
  const std::uint64_t mask = (std::uint64_t{1} << bits) - 1;
  std::vector<std::uint32_t> count(std::size_t{1} << bits);
  for (int shift = 0; shift < 64 && !a.empty(); shift += bits) {
    std::fill(count.begin(), count.end(), 0u);
    for (const Item& it : a) ++count[(it.key >> shift) & mask];
    if (count[(a.front().key >> shift) & mask] == a.size()) continue;
    std::uint32_t at = 0;
    for (std::uint32_t& c : count) {
      const std::uint32_t here = c;
      c = at;
      at += here;
    }
    for (const Item& it : a) b[count[(it.key >> shift) & mask]++] = it;
    a.swap(b);
  }
  keys.resize(a.size());
  for (std::size_t k = 0; k < a.size(); ++k) {
    idx[k] = a[k].index;
    keys[k] = a[k].key;
  }
}

// Sorts 64-bit words ascending on bits [low, low + bits) only, stably (LSD, at most
// 12 bits a pass so a histogram stays in L1). The bits below `low` ride along.
void radix_sort_bits(std::vector<std::uint64_t>& a, std::vector<std::uint64_t>& tmp, int low,
                     int bits) {
  if (bits <= 0 || a.size() < 2) return;
  const int passes = (bits + 11) / 12;
  const int digit = (bits + passes - 1) / passes;
  const std::size_t buckets = std::size_t{1} << digit;
  const std::uint64_t mask = buckets - 1;
  // Every pass's histogram in one read of the input.
  std::vector<std::uint32_t> count(buckets * static_cast<std::size_t>(passes), 0u);
  for (const std::uint64_t x : a) {
    for (int p = 0; p < passes; ++p) {
      ++count[static_cast<std::size_t>(p) * buckets + ((x >> (low + p * digit)) & mask)];
    }
  }
  tmp.resize(a.size());
  for (int p = 0; p < passes; ++p) {
    std::uint32_t* c = count.data() + static_cast<std::size_t>(p) * buckets;
    const int shift = low + p * digit;
    if (c[(a.front() >> shift) & mask] == a.size()) continue;  // one digit value: nothing moves
    std::uint32_t at = 0;
    for (std::size_t d = 0; d < buckets; ++d) {
      const std::uint32_t here = c[d];
      c[d] = at;
      at += here;
    }
    for (const std::uint64_t x : a) tmp[c[(x >> shift) & mask]++] = x;
    a.swap(tmp);
  }
}

// The modular inverse of an odd number, mod 2^64 (Newton's iteration doubles the
// correct low bits each step: 3 → 6 → 12 → 24 → 48 → 96).
std::uint64_t inverse_mod_2_64(std::uint64_t odd) {
  std::uint64_t x = odd;  // correct to 3 bits: odd × odd ≡ 1 (mod 8)
  for (int k = 0; k < 5; ++k) x *= 2 - odd * x;
  return x;
}

// The tie-break keys of one entry, higher first, from its evaluated values.
void fill_keys(const Campaign::Impl& s, std::size_t i, const EntryValues& values, Decimal* key) {
  const EntryRecord& e = s.entries[i];
  const CategoryState& cat = s.category(e);
  const Rubric& rubric = *cat.rubric;
  for (const TieBreak& tb : s.spec.tie_breaks) {
    switch (tb.kind) {
      case TieBreak::Kind::objective_total:
        *key = fixed(values.objective_part, kTotalScale);
        break;
      case TieBreak::Kind::top_marks:
        *key = Decimal(values.top_marks);
        break;
      case TieBreak::Kind::figure:
        *key = e.figures[figure_index(tb.figure_key)];
        break;
      case TieBreak::Kind::indicator: {
        *key = Decimal(-1'000'000);  // absent: below every real value
        if (auto idx = rubric.find(tb.code)) {
          if (auto col = cat.column_of.find(*idx); col != cat.column_of.end()) {
            if (values.column_present[col->second]) {
              *key = fixed(values.column_value[col->second], detail::kAggScale);
            }
          } else {
            const auto obj = rubric.objective();
            auto at = std::find(obj.begin(), obj.end(), *idx);
            if (at != obj.end()) {
              *key = fixed(values.objective_value[static_cast<std::size_t>(at - obj.begin())],
                           detail::kAggScale);
            }
          }
        }
        break;
      }
    }
    ++key;
  }
}

// The total of an entry whose N judges marked every column, for the plain mean and
// trims of at most one mark at each end — the common case, with the divisor a
// compile-time constant. Returns false (and nothing) when a mark is missing; the
// general kernel then decides. Same arithmetic as detail::aggregate_unsorted.
template <std::uint32_t N>
bool full_panel_total(const std::int32_t* base, std::uint32_t width, const CategoryState& cat,
                      const Aggregation& a, std::int64_t& judged, std::int64_t& bonus) {
  const bool trims = a.method == AggregationMethod::trimmed_mean && N >= a.trim_from;
  const std::uint32_t low = trims ? a.drop_low : 0, high = trims ? a.drop_high : 0;
  const auto columns = static_cast<std::uint32_t>(cat.col_weight.size());
  for (std::uint32_t col = 0; col < columns; ++col) {
    const std::int32_t* v = base + static_cast<std::size_t>(col) * width;
    std::int64_t sum = 0;
    std::int32_t lo = v[0], hi = v[0];
    bool missing = false;
    for (std::uint32_t k = 0; k < N; ++k) {
      missing |= v[k] == kNoMark;
      sum += v[k];
      lo = v[k] < lo ? v[k] : lo;
      hi = v[k] > hi ? v[k] : hi;
    }
    if (missing) return false;
    sum -= low ? lo : 0;
    sum -= high ? hi : 0;
    std::int64_t value;
    if (low + high == 0) {
      value = detail::div_half_even(sum * 100, N);
    } else if (low + high == 1) {
      value = detail::div_half_even(sum * 100, N - 1);
    } else {
      value = detail::div_half_even(sum * 100, N > 2 ? N - 2 : 1);
    }
    if (col < cat.judged_columns) {
      judged += value * cat.col_weight[col];
    } else {
      bonus += std::min(std::max<std::int64_t>(value, 0), cat.col_weight[col]) * kWeightUnit;
    }
  }
  return true;
}

using FullPanelFn = bool (*)(const std::int32_t*, std::uint32_t, const CategoryState&,
                             const Aggregation&, std::int64_t&, std::int64_t&);
constexpr FullPanelFn kFullPanel[] = {nullptr,
                                      full_panel_total<1>,
                                      full_panel_total<2>,
                                      full_panel_total<3>,
                                      full_panel_total<4>,
                                      full_panel_total<5>,
                                      full_panel_total<6>,
                                      full_panel_total<7>,
                                      full_panel_total<8>,
                                      full_panel_total<9>};

// The kept mean of one column at 6 places, from the sum `kept` of the D marks kept
// (4 places); D = 0 when the count `d` is only known at run time. When D divides
// 100 the quotient is exact and the half-even rounding has nothing to do.
template <std::uint32_t D>
std::int64_t kept_value(std::int64_t kept, std::uint32_t d) noexcept {
  if constexpr (D == 0) {
    return detail::div_half_even_small(kept * 100, d);
  } else if constexpr (100 % D == 0) {
    (void)d;
    return kept * (100 / D);
  } else {
    (void)d;
    return detail::div_half_even(kept * 100, D);
  }
}

#if defined(__SSE2__) || defined(_M_X64)
constexpr bool kBatches = true;
#else
constexpr bool kBatches = false;
#endif
constexpr std::uint32_t kLanes = 4;
constexpr std::uint32_t kMaxBatchCells = 256;  // columns × panel width of a batched entry

#if defined(__SSE2__) || defined(_M_X64)
// For four entries of one category whose n judges all marked every column: per
// column and entry, the sum of the marks the aggregation keeps (all of them less
// the lowest and/or the highest). The entries are transposed so that each SSE lane
// follows one entry and every step is vertical. Returns a mask of the lanes with a
// missing mark, whose sums mean nothing. Min and max compare floats because SSE2 has
// no 32-bit integer min/max; that is exact, as marks are integers of at most 10^7 in
// magnitude (mark_units) and kNoMark is −2^31, all representable in a float.
unsigned kept_sums(const std::int32_t* const* entry, std::uint32_t columns, std::uint32_t width,
                   std::uint32_t n, bool drop_low, bool drop_high, std::int32_t* kept) {
  const std::uint32_t cells = columns * width;
  alignas(16) __m128i t[kMaxBatchCells];  // t[cell], lane j = entry[j][cell]
  std::uint32_t o = 0;
  for (; o + 4 <= cells; o += 4) {
    const __m128i r0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(entry[0] + o));
    const __m128i r1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(entry[1] + o));
    const __m128i r2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(entry[2] + o));
    const __m128i r3 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(entry[3] + o));
    const __m128i a = _mm_unpacklo_epi32(r0, r1), b = _mm_unpacklo_epi32(r2, r3);
    const __m128i c = _mm_unpackhi_epi32(r0, r1), d = _mm_unpackhi_epi32(r2, r3);
    t[o] = _mm_unpacklo_epi64(a, b);
    t[o + 1] = _mm_unpackhi_epi64(a, b);
    t[o + 2] = _mm_unpacklo_epi64(c, d);
    t[o + 3] = _mm_unpackhi_epi64(c, d);
  }
  for (; o < cells; ++o) t[o] = _mm_setr_epi32(entry[0][o], entry[1][o], entry[2][o], entry[3][o]);
  const __m128 floor = _mm_set1_ps(-10'000'000.0f);  // below every real mark
  __m128 missing = _mm_setzero_ps();
  for (std::uint32_t col = 0; col < columns; ++col) {
    const __m128i* v = t + static_cast<std::size_t>(col) * width;
    __m128i sum = v[0];  // at most 64 marks of 10^7: no overflow unless a mark is missing
    __m128 lo = _mm_cvtepi32_ps(v[0]);
    __m128 hi = lo;
    for (std::uint32_t k = 1; k < n; ++k) {
      const __m128 f = _mm_cvtepi32_ps(v[k]);
      lo = _mm_min_ps(lo, f);
      hi = _mm_max_ps(hi, f);
      sum = _mm_add_epi32(sum, v[k]);
    }
    missing = _mm_or_ps(missing, _mm_cmplt_ps(lo, floor));
    if (drop_low) sum = _mm_sub_epi32(sum, _mm_cvttps_epi32(lo));
    if (drop_high) sum = _mm_sub_epi32(sum, _mm_cvttps_epi32(hi));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(kept + static_cast<std::size_t>(col) * kLanes),
                     sum);
  }
  return static_cast<unsigned>(_mm_movemask_ps(missing));
}
#else
unsigned kept_sums(const std::int32_t* const*, std::uint32_t, std::uint32_t, std::uint32_t, bool,
                   bool, std::int32_t*) {
  return (1u << kLanes) - 1;  // never called: kBatches is false
}
#endif

// The judged and bonus parts of the lanes of a batch without a missing mark, from
// their kept sums; the same arithmetic as full_panel_total.
template <std::uint32_t D>
void batch_parts(const std::int32_t* kept, unsigned missing, std::uint32_t d,
                 const CategoryState& cat, std::int64_t* judged, std::int64_t* bonus) {
  const auto columns = static_cast<std::uint32_t>(cat.col_weight.size());
  for (std::uint32_t lane = 0; lane < kLanes; ++lane) {
    if (missing & (1u << lane)) continue;
    std::int64_t j = 0, b = 0;
    for (std::uint32_t col = 0; col < columns; ++col) {
      const std::int64_t value = kept_value<D>(kept[col * kLanes + lane], d);
      if (col < cat.judged_columns) {
        j += value * cat.col_weight[col];
      } else {
        b += std::min(std::max<std::int64_t>(value, 0), cat.col_weight[col]) * kWeightUnit;
      }
    }
    judged[lane] = j;
    bonus[lane] = b;
  }
}

using BatchPartsFn = void (*)(const std::int32_t*, unsigned, std::uint32_t, const CategoryState&,
                              std::int64_t*, std::int64_t*);
constexpr BatchPartsFn kBatchParts[] = {
    batch_parts<0>, batch_parts<1>, batch_parts<2>, batch_parts<3>, batch_parts<4>,
    batch_parts<5>, batch_parts<6>, batch_parts<7>, batch_parts<8>, batch_parts<9>};

// Every entry's total and status, from one pass over the marks in entry order.
struct Scored {
  std::vector<std::int64_t> total;                      // by entry, 14 places; 0 when incomplete
  std::vector<EntryStatus> status;                      // by entry
  std::array<std::int64_t, kCategoryCount> lo{}, hi{};  // range of the scored totals
  std::array<std::uint32_t, kCategoryCount> scored{};   // entries with a total
  std::size_t incomplete = 0;
  std::vector<std::uint32_t> by_code;  // every entry, by application number
  std::array<std::vector<NormParams>, kCategoryCount> norm;
};

void score_all(const Campaign::Impl& s, Scored& out, std::vector<Parts>* parts) {
  const CampaignSpec& spec = s.spec;
  const bool normalize = spec.panel.normalization.enabled;
  if (normalize) {
    for (std::size_t c = 0; c < kCategoryCount; ++c) {
      if (s.categories[c].rubric) out.norm[c] = s.normalization(static_cast<Category>(c));
    }
  }
  const Aggregation& a = spec.panel.aggregation;
  const bool fast = !normalize && a.method != AggregationMethod::median && a.drop_low <= 1 &&
                    a.drop_high <= 1 && spec.panel.min_judges >= 1;
  const std::size_t n = s.entries.size();
  out.total.assign(n, 0);
  out.status.assign(n, EntryStatus::incomplete);
  out.lo.fill(INT64_MAX);
  out.hi.fill(INT64_MIN);
  out.scored.fill(0);
  out.incomplete = 0;
  if (parts) parts->assign(n, Parts{});
  const std::uint32_t width = s.width();
  const auto record = [&](std::size_t i, std::int64_t judged, std::int64_t objective,
                          std::int64_t bonus, EntryStatus status) {
    const std::int64_t total = judged + objective + bonus;
    const std::size_t c = s.hot[i].category;
    out.total[i] = total;
    out.status[i] = status;
    out.lo[c] = std::min(out.lo[c], total);
    out.hi[c] = std::max(out.hi[c], total);
    ++out.scored[c];
    if (parts) (*parts)[i] = {judged, objective, bonus};
  };
  const auto objective_part = [&](std::size_t i) {
    const EntryHot& h = s.hot[i];
    const CategoryState& cat = s.categories[h.category];
    const std::int64_t* obj = s.objective_values.data() + h.objective_offset;
    std::int64_t sum = 0;
    for (std::size_t k = 0; k < cat.objective_weight.size(); ++k) {
      sum += obj[k] * cat.objective_weight[k];
    }
    return sum;
  };
  // Entries that can take the fast path: a panel large enough, no veto to count.
  const auto plain = [&](const EntryHot& h) {
    return fast && h.judges >= spec.panel.min_judges && !h.vetoed;
  };
  EntryValues values;
  const auto general = [&](std::size_t i) {
    const EntryHot& h = s.hot[i];
    if (plain(h) && h.judges <= 9) {
      std::int64_t judged = 0, bonus = 0;
      if (kFullPanel[h.judges](s.marks.data() + h.mark_offset, width, s.categories[h.category], a,
                               judged, bonus)) {
        record(i, judged, objective_part(i), bonus, EntryStatus::ranked);
        return;
      }
    }
    s.evaluate(i, normalize ? &out.norm[h.category] : nullptr, values, nullptr);
    if (!values.complete) {
      ++out.incomplete;
      return;
    }
    record(i, values.judged_part, values.objective_part, values.bonus,
           values.vetoes >= spec.panel.veto_threshold ? EntryStatus::vetoed : EntryStatus::ranked);
  };
  std::int32_t kept[kMaxBatchCells * kLanes];
  for (std::size_t i = 0; i < n;) {
    const EntryHot& h = s.hot[i];
    const CategoryState& cat = s.categories[h.category];
    const auto cells = static_cast<std::uint32_t>(cat.columns.size()) * width;
    bool batch = kBatches && i + kLanes <= n && plain(h) && cells <= kMaxBatchCells;
    for (std::uint32_t j = 1; batch && j < kLanes; ++j) {
      const EntryHot& other = s.hot[i + j];
      batch = other.category == h.category && other.judges == h.judges && !other.vetoed;
    }
    if (!batch) {
      general(i++);
      continue;
    }
    const std::uint32_t panel = h.judges;
    const bool trims = a.method == AggregationMethod::trimmed_mean && panel >= a.trim_from;
    const bool low = trims && a.drop_low != 0, high = trims && a.drop_high != 0;
    const std::uint32_t d = panel - (low ? 1 : 0) - (high ? 1 : 0);
    const std::int32_t* entry[kLanes];
    for (std::uint32_t j = 0; j < kLanes; ++j) entry[j] = s.marks.data() + s.hot[i + j].mark_offset;
    const unsigned missing = kept_sums(entry, static_cast<std::uint32_t>(cat.columns.size()), width,
                                       panel, low, high, kept);
    std::int64_t judged[kLanes] = {}, bonus[kLanes] = {};
    kBatchParts[d <= 9 ? d : 0](kept, missing, d, cat, judged, bonus);
    for (std::uint32_t j = 0; j < kLanes; ++j) {
      if (missing & (1u << j)) {
        general(i + j);
      } else {
        record(i + j, judged[j], objective_part(i + j), bonus[j], EntryStatus::ranked);
      }
    }
    i += kLanes;
  }
}

// The unit every total of a category is a multiple of: each part of a total sums
// products with the category's weights (judged and objective leaves at 8 places,
// capped bonuses × 10^8), so their gcd divides it. Sorting on total ÷ unit takes
// fewer radix passes.
std::uint64_t total_unit(const CategoryState& cat) {
  std::uint64_t g = 0;
  const auto take = [&g](std::int64_t w) {
    g = std::gcd(g, static_cast<std::uint64_t>(w < 0 ? -w : w));
  };
  for (std::uint32_t col = 0; col < cat.judged_columns; ++col) take(cat.col_weight[col]);
  if (cat.col_weight.size() > cat.judged_columns) take(kWeightUnit);
  for (const std::int64_t w : cat.objective_weight) take(w);
  return g == 0 ? 1 : g;
}

// Lists each ranking group best first: equal totals by the tie-break chain, then by
// code. Calls emit(group, entry, total, rank, position) in listing order.
template <class Emit>
void rank_all(const Campaign::Impl& s, Scored& scored, std::vector<Parts>* parts, Emit&& emit) {
  const CampaignSpec& spec = s.spec;
  score_all(s, scored, parts);
  scored.by_code = s.entries_by_code();
  const std::size_t group_count = spec.rank_per_category ? kCategoryCount : 1;
  // Per group: its size, its range of totals and the unit they are all multiples of.
  struct Group {
    std::size_t size = 0;
    std::int64_t lo = INT64_MAX, hi = INT64_MIN;
    std::uint64_t unit = 0;
    int place_bits = 0, key_bits = 0;
    bool packed = false;
    std::vector<std::uint32_t> members;  // in code order
    std::vector<std::uint64_t> items;    // packed: key above the place in `members`
  };
  std::vector<Group> groups(group_count);
  for (std::size_t c = 0; c < kCategoryCount; ++c) {
    if (scored.scored[c] == 0) continue;
    Group& g = groups[spec.rank_per_category ? c : 0];
    g.size += scored.scored[c];
    g.lo = std::min(g.lo, scored.lo[c]);
    g.hi = std::max(g.hi, scored.hi[c]);
    g.unit = std::gcd(g.unit, total_unit(s.categories[c]));
  }
  // Totals are exact multiples of the unit: dividing is shifting out its factors of
  // two and multiplying by the inverse of its odd part.
  std::array<int, kCategoryCount> unit_shift{};
  std::array<std::uint64_t, kCategoryCount> unit_inverse{};
  for (std::size_t k = 0; k < group_count; ++k) {
    Group& g = groups[k];
    if (g.size == 0) continue;
    unit_shift[k] = std::countr_zero(g.unit);
    unit_inverse[k] = inverse_mod_2_64(g.unit >> unit_shift[k]);
    const std::uint64_t span =
        ((static_cast<std::uint64_t>(g.hi) - static_cast<std::uint64_t>(g.lo)) >> unit_shift[k]) *
        unit_inverse[k];
    g.key_bits = static_cast<int>(std::bit_width(span));
    g.place_bits = static_cast<int>(std::bit_width(g.size - 1));
    g.packed = g.key_bits + g.place_bits <= 64;
    g.members.reserve(g.size);
    if (g.packed) g.items.reserve(g.size);
  }
  // Visiting entries in code order leaves each group's members in code order, so the
  // stable sort below keeps equal totals in code order without comparing codes.
  for (const std::uint32_t i : scored.by_code) {
    if (scored.status[i] == EntryStatus::incomplete) continue;
    const std::size_t k = spec.rank_per_category ? s.hot[i].category : 0;
    Group& g = groups[k];
    if (g.packed) {
      const std::uint64_t key =
          ((static_cast<std::uint64_t>(g.hi) - static_cast<std::uint64_t>(scored.total[i])) >>
           unit_shift[k]) *
          unit_inverse[k];
      g.items.push_back(key << g.place_bits | g.members.size());
    }
    g.members.push_back(i);
  }
  const std::size_t k_count = spec.tie_breaks.size();
  const bool normalize = spec.panel.normalization.enabled;
  EntryValues values;
  std::vector<Decimal> keys;
  std::vector<std::uint32_t> run_index, slots;
  std::vector<std::uint64_t> tmp;
  for (std::size_t k = 0; k < group_count; ++k) {
    Group& g = groups[k];
    if (g.size == 0) continue;
    // The entry and total at each place of the sorted group; packed items carry
    // (hi − total) ÷ unit, so the total comes back exactly.
    std::vector<std::uint64_t> sorted_keys;  // unpacked groups: the key of each member
    const std::uint64_t place_mask = (std::uint64_t{1} << g.place_bits) - 1;
    const auto at = [&](std::size_t p) -> std::pair<std::uint32_t, std::int64_t> {
      if (g.packed) {
        const std::uint64_t item = g.items[p];
        const std::uint64_t scaled = (item >> g.place_bits) * g.unit;
        return {g.members[item & place_mask],
                static_cast<std::int64_t>(static_cast<std::uint64_t>(g.hi) - scaled)};
      }
      return {g.members[p], static_cast<std::int64_t>(~sorted_keys[p] ^ (std::uint64_t{1} << 63))};
    };
    if (g.packed) {
      radix_sort_bits(g.items, tmp, g.place_bits, g.key_bits);
    } else {
      sort_by_total(g.members, scored.total, sorted_keys);
    }
    for (std::size_t lo = 0; lo < g.size;) {
      const std::int64_t total = at(lo).second;
      std::size_t hi = lo + 1;
      while (hi < g.size && at(hi).second == total) ++hi;
      const auto rank = static_cast<std::uint32_t>(lo + 1);
      if (hi - lo > 1 && k_count != 0) {
        // Keys of this run, by position in the run.
        keys.assign((hi - lo) * k_count, Decimal());
        run_index.clear();
        for (std::size_t p = lo; p < hi; ++p) run_index.push_back(at(p).first);
        for (std::size_t r = 0; r < run_index.size(); ++r) {
          const std::uint32_t i = run_index[r];
          s.evaluate(i, normalize ? &scored.norm[s.hot[i].category] : nullptr, values, nullptr);
          fill_keys(s, i, values, keys.data() + r * k_count);
        }
        // The run is in code order already; a stable sort on the keys keeps it so.
        slots.resize(run_index.size());
        std::iota(slots.begin(), slots.end(), 0u);
        std::stable_sort(slots.begin(), slots.end(), [&](std::uint32_t x, std::uint32_t y) {
          for (std::size_t j = 0; j < k_count; ++j) {
            const Decimal& kx = keys[x * k_count + j];
            const Decimal& ky = keys[y * k_count + j];
            if (kx != ky) return kx > ky;
          }
          return false;
        });
        for (std::size_t r = 0; r < slots.size(); ++r) {
          emit(k, run_index[slots[r]], total, rank, static_cast<std::uint32_t>(lo + r + 1));
        }
      } else {
        for (std::size_t p = lo; p < hi; ++p) {
          emit(k, at(p).first, total, rank, static_cast<std::uint32_t>(p + 1));
        }
      }
      lo = hi;
    }
  }
}

// Scores every entry and ranks each group, for score(): `core` by entry, `groups`
// each ranking group's entries best first, `parts` the parts of every total.
void rank_all(const Campaign::Impl& s, std::vector<Core>& core,
              std::vector<std::vector<std::uint32_t>>& groups, std::vector<Parts>* parts) {
  Scored scored;
  groups.assign(s.spec.rank_per_category ? kCategoryCount : 1, {});
  core.assign(s.entries.size(), Core{});
  rank_all(s, scored, parts,
           [&](std::size_t g, std::uint32_t i, std::int64_t total, std::uint32_t rank,
               std::uint32_t position) {
             core[i] = {total, rank, position, scored.status[i]};
             groups[g].push_back(i);
           });
  for (std::size_t i = 0; i < core.size(); ++i) {
    if (scored.status[i] == EntryStatus::incomplete) core[i].status = EntryStatus::incomplete;
  }
}

// Unranked (incomplete) entries by code, after every ranking group.
void append_unranked(const Campaign::Impl& s, const std::vector<Core>& core,
                     std::vector<std::uint32_t>& order) {
  for (const std::uint32_t i : s.entries_by_code()) {
    if (core[i].status == EntryStatus::incomplete) order.push_back(i);
  }
}

}  // namespace

Result<std::vector<Standing>> Campaign::standings() const {
  Scored scored;
  std::vector<Standing> out;
  out.reserve(impl_->entries.size());
  rank_all(*impl_, scored, nullptr,
           [&](std::size_t, std::uint32_t i, std::int64_t total, std::uint32_t rank,
               std::uint32_t position) {
             out.push_back(
                 {EntryId{i + 1}, scored.status[i], fixed(total, kTotalScale), rank, position});
           });
  if (scored.incomplete != 0) {
    for (const std::uint32_t i : scored.by_code) {
      if (scored.status[i] == EntryStatus::incomplete) {
        out.push_back({EntryId{i + 1}, EntryStatus::incomplete, fixed(0, kTotalScale), 0, 0});
      }
    }
  }
  return out;
}

Result<Scoreboard> Campaign::score() const {
  const Impl& s = *impl_;
  const CampaignSpec& spec = s.spec;
  std::vector<Core> core;
  std::vector<Parts> parts;
  std::vector<std::vector<std::uint32_t>> groups;
  rank_all(s, core, groups, &parts);
  const std::size_t n = s.entries.size();
  // Awards and the cusp report work on exact integer totals (14 places) and entry
  // indices; each threshold is brought to 14 places in the direction that keeps the
  // comparison exact (a minimum rounds up, a margin down).
  const auto at_total_scale = [](const Decimal& d, Rounding mode) {
    auto r = d.rescaled(kTotalScale, mode);
    if (r) return r->coefficient();
    return d.signum() < 0 ? INT64_MIN : INT64_MAX;  // beyond every total
  };
  Scoreboard board;
  const AwardScheme& scheme = spec.awards;
  const std::int64_t margin = at_total_scale(scheme.cusp_margin, Rounding::floor);
  std::vector<std::int32_t> tier_of(n, -1);
  std::vector<std::uint32_t> order;  // final listing order
  order.reserve(n);
  for (const std::vector<std::uint32_t>& group : groups) {
    order.insert(order.end(), group.begin(), group.end());
    std::vector<std::uint32_t> eligible;  // ranked and not vetoed, best first
    eligible.reserve(group.size());
    for (std::uint32_t i : group) {
      if (core[i].status == EntryStatus::ranked) eligible.push_back(i);
    }
    const auto total = [&](std::size_t k) { return core[eligible[k]].total; };
    std::size_t next = 0;
    for (std::uint32_t t = 0; t < scheme.tiers.size(); ++t) {
      const AwardTier& tier = scheme.tiers[t];
      const std::uint32_t quota = quota_of(tier, eligible.size());
      const std::int64_t min = at_total_scale(tier.min_score, Rounding::ceiling);
      // 宁缺勿滥: the tier stops at the first entry below its minimum, even if places remain.
      std::size_t end = next;
      while (end < eligible.size() && end - next < quota && total(end) >= min) ++end;
      // Ties straddling the boundary: the last awarded and the first left out are equal.
      if (end > next && end < eligible.size() && end - next == quota &&
          total(end) == total(end - 1)) {
        const std::int64_t boundary = total(end - 1);
        if (scheme.boundary_ties == BoundaryTies::include_all) {
          while (end < eligible.size() && total(end) == boundary) ++end;
        } else if (scheme.boundary_ties == BoundaryTies::exclude_all) {
          while (end > next && total(end - 1) == boundary) --end;
        }
      }
      for (std::size_t k = next; k < end; ++k) tier_of[eligible[k]] = static_cast<std::int32_t>(t);
      // Cusp report: around the lowest awarded total, or the minimum when nobody got it.
      // `eligible` is sorted best first, so the window is one contiguous run.
      const bool awarded = end > next;
      const std::int64_t boundary = awarded ? total(end - 1) : min;
      const Decimal boundary_value = awarded ? fixed(boundary, kTotalScale) : tier.min_score;
      const auto within = [&](std::int64_t x) {
        const detail::int128 d = detail::int128{x} - boundary;
        return (d < 0 ? -d : d) <= margin;
      };
      std::size_t k = next;
      while (k < eligible.size() && total(k) > boundary && !within(total(k))) ++k;
      for (; k < eligible.size() && (total(k) >= boundary || within(total(k))); ++k) {
        if (!within(total(k))) continue;
        const Decimal distance = awarded ? fixed(total(k) - boundary, kTotalScale)
                                         : fixed(total(k), kTotalScale) - tier.min_score;
        board.cusps.push_back({EntryId{eligible[k] + 1}, t, boundary_value, distance});
      }
      next = end;
    }
  }
  append_unranked(s, core, order);

  // Advanced units (先进单位).  // Advanced units (先进单位).
  struct UnitTally {
    std::uint32_t entries = 0, awarded = 0;
    std::vector<Decimal> awarded_totals, tce;
    std::unordered_set<std::uint32_t> people;
  };
  std::map<std::uint32_t, UnitTally> tally;
  for (std::size_t i = 0; i < n; ++i) {
    const EntryRecord& e = s.entries[i];
    UnitTally& u = tally[e.enterprise.value()];
    ++u.entries;
    for (const TeamShare& t : e.spec.team) u.people.insert(t.person.value());
    u.tce.push_back(e.figures[figure_index(ClaimedFigure::energy_saved_tce)]);
    if (tier_of[i] >= 0) {
      ++u.awarded;
      u.awarded_totals.push_back(fixed(core[i].total, kTotalScale));
    }
  }
  const AdvancedUnitRule& ur = scheme.units;
  for (auto& [org, u] : tally) {
    AdvancedUnit au;
    au.unit = OrgId{org};
    au.entries = u.entries;
    au.awarded = u.awarded;
    au.awarded_total = sum(u.awarded_totals).value();
    au.tce_saved = sum(u.tce).value();
    const std::size_t members = s.registry->count_members(au.unit, spec.as_of);
    au.participation_rate = members == 0
                                ? Decimal(0)
                                : divide(Decimal(static_cast<std::int64_t>(u.people.size())),
                                         Decimal(static_cast<std::int64_t>(members)), 4)
                                      .value();
    if (au.awarded >= ur.min_awarded_entries && au.awarded > 0 &&
        au.participation_rate >= ur.min_participation_rate && au.tce_saved >= ur.min_tce_saved) {
      board.units.push_back(au);
    }
  }
  std::sort(board.units.begin(), board.units.end(),
            [](const AdvancedUnit& a, const AdvancedUnit& b) {
              if (a.awarded != b.awarded) return a.awarded > b.awarded;
              if (a.awarded_total != b.awarded_total) return a.awarded_total > b.awarded_total;
              if (a.tce_saved != b.tce_saved) return a.tce_saved > b.tce_saved;
              return a.unit < b.unit;
            });
  if (ur.max_units > 0 && board.units.size() > ur.max_units) board.units.resize(ur.max_units);

  // Advanced individuals (先进个人).
  const AdvancedIndividualRule& ir = scheme.individuals;
  std::map<std::uint32_t, AdvancedIndividual> people;
  std::map<std::uint32_t, std::vector<Decimal>> credits;
  for (std::size_t i = 0; i < n; ++i) {
    if (tier_of[i] < 0 || static_cast<std::uint32_t>(tier_of[i]) >= ir.top_tiers) continue;
    const auto tier = static_cast<std::uint32_t>(tier_of[i]);
    for (const TeamShare& t : s.entries[i].spec.team) {
      if (t.share < ir.min_share) continue;
      AdvancedIndividual& ai = people[t.person.value()];
      if (ai.entries.empty() || tier < ai.best_tier) ai.best_tier = tier;
      ai.person = t.person;
      ai.entries.push_back(EntryId{static_cast<std::uint32_t>(i + 1)});
      credits[t.person.value()].push_back(
          multiply(t.share, fixed(core[i].total, kTotalScale)).value());
    }
  }
  for (auto& [p, ai] : people) {
    ai.credit = sum(credits[p]).value();
    board.people.push_back(std::move(ai));
  }
  std::sort(board.people.begin(), board.people.end(),
            [](const AdvancedIndividual& a, const AdvancedIndividual& b) {
              if (a.best_tier != b.best_tier) return a.best_tier < b.best_tier;
              if (a.credit != b.credit) return a.credit > b.credit;
              return a.person < b.person;
            });
  if (ir.max_people > 0 && board.people.size() > ir.max_people) board.people.resize(ir.max_people);

  // The result table, built once in its final order.
  board.entries.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    const std::uint32_t i = order[k];
    const EntryRecord& e = s.entries[i];
    const Core& c = core[i];
    EntryResult& r = board.entries[k];
    r.entry = EntryId{i + 1};
    r.code = e.spec.code;
    r.unit = e.spec.unit;
    r.enterprise = e.enterprise;
    r.category = e.spec.category;
    r.status = c.status;
    r.total = fixed(c.total, kTotalScale);
    r.judged_part = fixed(parts[i].judged, kTotalScale);
    r.objective_part = fixed(parts[i].objective, kTotalScale);
    r.bonus = fixed(parts[i].bonus, kTotalScale);
    r.rank = c.rank;
    r.position = c.position;
    if (tier_of[i] >= 0) {
      r.tier = static_cast<std::uint32_t>(tier_of[i]);
      r.award = scheme.tiers[*r.tier].name;
    }
  }

  // A digest of the canonical table, independent of ids (which follow input order):
  // per entry its code, then fixed-width fields (status, total at 14 places, rank,
  // position, tier), fed to SHA-256 in large blocks.
  detail::Sha256 h;
  std::vector<std::uint8_t> block;
  block.reserve(1 << 16);
  for (const EntryResult& r : board.entries) {
    block.insert(block.end(), r.code.begin(), r.code.end());
    std::uint8_t record[1 + 8 + 4 + 4 + 4];
    record[0] = static_cast<std::uint8_t>(r.status);
    const std::int64_t total = r.total.coefficient();
    const std::uint32_t fields[3] = {r.rank, r.position, r.tier ? *r.tier + 1 : 0};
    std::memcpy(record + 1, &total, 8);
    std::memcpy(record + 9, fields, 12);
    block.insert(block.end(), std::begin(record), std::end(record));
    if (block.size() >= (1 << 16) - 64) {
      h.update(block);
      block.clear();
    }
  }
  h.update(block);
  for (const AdvancedUnit& u : board.units) {
    h.update("unit|" + to_string(u.unit) + '|' + std::to_string(u.awarded) + '|' +
             u.awarded_total.to_string() + '\n');
  }
  for (const AdvancedIndividual& p : board.people) {
    h.update("person|" + to_string(p.person) + '|' + p.credit.to_string() + '\n');
  }
  for (const Cusp& c : board.cusps) {
    h.update("cusp|" + s.entries[c.entry.value() - 1].spec.code + '|' + std::to_string(c.tier) +
             '|' + c.distance.to_string() + '\n');
  }
  board.digest = detail::to_hex(h.finish());
  return board;
}

std::string_view EligibilityRule::rule_id() const noexcept {
  switch (kind) {
    case Kind::max_team_size:
      return "entry.team_size";
    case Kind::max_leader_age:
      return "entry.leader_age";
    case Kind::min_months_in_use:
      return "entry.months_in_use";
    case Kind::requires_focus:
      return "entry.focus";
  }
  return "entry.eligibility";
}

std::string_view to_string(Category category) noexcept { return enum_name(category); }

std::string_view chinese_name(Category category) noexcept {
  switch (category) {
    case Category::professional_skills:
      return "专业水平和技能";
    case Category::scientific_literacy:
      return "员工科学素质";
    case Category::innovative_ideas:
      return "创新思路";
    case Category::rationalization_proposals:
      return "合理化建议";
    case Category::technical_patents:
      return "技术专利";
    case Category::achievement_transformation:
      return "科技成果转化";
  }
  return "unknown";
}

std::string TieBreak::to_string() const {
  switch (kind) {
    case Kind::objective_total:
      return "objective_total";
    case Kind::indicator:
      return "indicator " + code;
    case Kind::top_marks:
      return "top_marks";
    case Kind::figure:
      return "figure " + std::string(kexie::to_string(figure_key));
  }
  return "unknown";
}

std::vector<std::uint32_t> competition_ranks(std::span<const Decimal> sorted_totals) {
  std::vector<std::uint32_t> ranks(sorted_totals.size());
  for (std::size_t i = 0; i < sorted_totals.size(); ++i) {
    ranks[i] = (i > 0 && sorted_totals[i] == sorted_totals[i - 1])
                   ? ranks[i - 1]
                   : static_cast<std::uint32_t>(i + 1);
  }
  return ranks;
}

// ---- snapshots ----------------------------------------------------------------------------------

const Registry* SnapshotAccess::registry_of(const Campaign& c) noexcept {
  return c.impl_->registry;
}

SavedEntry SnapshotAccess::saved_entry(const Campaign& c, std::size_t index) {
  const Campaign::Impl& s = *c.impl_;
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
      if (const std::int32_t v = cells[col * s.width() + slot]; v != kNoMark)
        out.marks.push_back({e.judges[slot], id, cat.columns[col], fixed(v, 4)});
  for (const VetoRecord& v : e.vetoes) out.vetoes.push_back({v.judge, v.indicator, v.reason});
  return out;
}

Status SnapshotAccess::restore_entry(Campaign& c, SavedEntry entry) {
  Campaign::Impl& s = *c.impl_;
  s.restoring = true;
  s.restored_enterprise = entry.enterprise;
  struct Done {
    Campaign::Impl& s;
    ~Done() { s.restoring = false; }
  } done{s};
  auto id = c.add_entry(std::move(entry.spec));
  if (!id) return id.error();
  for (JudgeId j : entry.judges)
    if (Status st = c.assign(j, *id); !st) return st;
  for (MarkInput& m : entry.marks) m.entry = *id;
  if (!entry.marks.empty())
    if (Status st = c.mark_all(entry.marks); !st) return st;
  const Rubric& rubric = *s.category(s.entries[id->value() - 1]).rubric;
  for (SavedEntry::Veto& v : entry.vetoes) {
    if (v.indicator >= rubric.indicators().size())
      return Error(ErrorCode::not_found, "a veto on indicator #" + std::to_string(v.indicator) +
                                             ", which the rubric does not have");
    if (Status st =
            c.veto(v.judge, *id, rubric.indicators()[v.indicator].code, std::move(v.reason));
        !st)
      return st;
  }
  return {};
}

}  // namespace v1
}  // namespace kexie
