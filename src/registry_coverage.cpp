// Coverage of a local's area (A11, A13): which enterprises have an association on
// a day, broken down by zone, new-economy flag, ownership, industry and region,
// with the S&T workers they employ; and the change between two days.
#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "kexie/guidance.hpp"
#include "registry_state.hpp"

namespace kexie {
inline namespace v1 {

namespace {

using detail::State;

void add(CoverageCounts& c, bool covered, std::size_t workers) {
  ++c.enterprises;
  ++(covered ? c.with_association : c.without_association);
  c.workers += workers;
  if (covered) c.workers_covered += workers;
}

std::optional<Error> area_refusal(const Registry& reg, OrgId area, Date on) {
  auto kind = reg.kind(area);
  if (!kind) return kind.error();
  if ((*kind != OrgKind::local && *kind != OrgKind::national) || !reg.exists(area, on))
    return Error(ErrorCode::rule_violation,
                 to_string(area) + " is not a local or the national association in effect on " +
                     on.to_string(),
                 "coverage.area", "A14");
  return std::nullopt;
}

}  // namespace

Result<Coverage> coverage(const Registry& reg, OrgId area, Date on) {
  if (auto bad = area_refusal(reg, area, on)) return *bad;
  const State& s = detail::state_of(reg);
  const auto& ents = s.guidance.enterprises;
  // Workers per enterprise on the day: one pass over the employments.
  std::vector<std::size_t> workers(ents.size(), 0);
  for (const Employment& x : s.guidance.employments)
    if (x.period.contains(on)) ++workers[x.enterprise.value() - 1];
  Coverage c;
  c.area = area;
  c.on = on;
  std::map<std::pair<CoverageDimension, std::string>, CoverageCounts> groups;
  for (const Enterprise& e : ents) {
    if (!(e.spec.registered <= on && on <= e.closed)) continue;
    if (!reg.within(e.spec.local, area, on)) continue;
    const bool covered = detail::association_on(s, e, on).ok();
    const std::size_t w = workers[e.id.value() - 1];
    add(c.total, covered, w);
    if (!covered) c.uncovered.push_back(e.id);
    if (e.spec.high_tech_zone) add(groups[{CoverageDimension::zone, "high_tech_zone"}], covered, w);
    if (e.spec.development_zone)
      add(groups[{CoverageDimension::zone, "development_zone"}], covered, w);
    if (!e.spec.high_tech_zone && !e.spec.development_zone)
      add(groups[{CoverageDimension::zone, "none"}], covered, w);
    add(groups[{CoverageDimension::new_economy, e.spec.new_economy ? "yes" : "no"}], covered, w);
    add(groups[{CoverageDimension::ownership, std::string(to_string(e.spec.ownership))}], covered,
        w);
    add(groups[{CoverageDimension::industry, e.spec.industry}], covered, w);
    add(groups[{CoverageDimension::region, e.spec.region}], covered, w);
  }
  c.groups.reserve(groups.size());
  for (auto& [key, counts] : groups) c.groups.push_back({key.first, key.second, counts});
  return c;
}

Result<CoverageChange> coverage_change(const Registry& reg, OrgId area, Date from, Date to) {
  if (to < from)
    return Error(ErrorCode::invalid_argument,
                 "the second day " + to.to_string() + " is before the first " + from.to_string());
  auto before = coverage(reg, area, from);
  if (!before) return before.error();
  auto after = coverage(reg, area, to);
  if (!after) return after.error();
  CoverageChange d;
  const State& s = detail::state_of(reg);
  for (const Enterprise& e : s.guidance.enterprises) {
    const bool in_after =
        e.spec.registered <= to && to <= e.closed && reg.within(e.spec.local, area, to);
    const bool in_before =
        e.spec.registered <= from && from <= e.closed && reg.within(e.spec.local, area, from);
    const bool was = in_before && detail::association_on(s, e, from).ok();
    const bool is = in_after && detail::association_on(s, e, to).ok();
    if (!was && is) d.newly_covered.push_back(e.id);
    if (was && in_after && !is) d.no_longer_covered.push_back(e.id);
  }
  d.before = std::move(*before);
  d.after = std::move(*after);
  return d;
}

// ---- secretary-general training (A15) --------------------------------------------------

Status add_sg_training(Registry& reg, const SgTraining& record) {
  if (record.hours < 1 || !record.date.ok() || record.date == Date::min() ||
      record.date == Date::max())
    return Error(ErrorCode::invalid_argument,
                 "a secretary-general training needs at least 1 hour and a supported date",
                 "sg_training.hours", "A15");
  const State& s = detail::state_of(std::as_const(reg));
  if (!s.known(record.person))
    return Error(ErrorCode::not_found, to_string(record.person) + " is unknown");
  if (!s.known(record.organizer))
    return Error(ErrorCode::not_found, to_string(record.organizer) + " is unknown");
  const OrgKind k = s.org(record.organizer).kind;
  if ((k != OrgKind::national && k != OrgKind::local && k != OrgKind::committee) ||
      !s.in_effect(record.organizer, record.date))
    return Error(ErrorCode::rule_violation,
                 to_string(record.organizer) +
                     " is not a national, local or committee organization in effect on " +
                     record.date.to_string(),
                 "sg_training.organizer", "A15");
  bool is_sg = false;
  for (MembershipId m : reg.memberships_of(record.person)) {
    auto ms = reg.membership(m);
    if (ms && ms->role == Role::secretary_general && ms->period.contains(record.date) &&
        s.org(ms->org).kind == OrgKind::enterprise)
      is_sg = true;
  }
  if (!is_sg)
    return Error(ErrorCode::rule_violation,
                 to_string(record.person) +
                     " is not the secretary-general of an enterprise association on " +
                     record.date.to_string(),
                 "sg_training.role", "A15");
  detail::state_of(reg).guidance.sg_trainings.push_back(record);
  return {};
}

std::span<const SgTraining> sg_trainings(const Registry& reg) noexcept {
  return detail::state_of(reg).guidance.sg_trainings;
}

namespace {

SgStatus status_of(const Registry& reg, const State& s, OrgId association, Date on) {
  SgStatus st;
  st.association = association;
  auto sg = reg.secretary_general(association, on);
  if (!sg) {
    st.gap = SgGap::no_secretary_general;
    return st;
  }
  st.secretary_general = *sg;
  for (const SgTraining& t : s.guidance.sg_trainings)
    if (t.person == *sg && t.date <= on && (!st.last_trained || *st.last_trained < t.date))
      st.last_trained = t.date;
  if (!st.last_trained) {
    st.gap = SgGap::never_trained;
    return st;
  }
  auto due = st.last_trained->add_months(s.guidance.policy.sg_training_months);
  st.due = due ? *due : Date::max();
  st.gap = on < *st.due ? SgGap::current : SgGap::lapsed;
  return st;
}

}  // namespace

Result<SgStatus> sg_status(const Registry& reg, OrgId association, Date on) {
  auto kind = reg.kind(association);
  if (!kind) return kind.error();
  if (*kind != OrgKind::enterprise || !reg.exists(association, on))
    return Error(
        ErrorCode::rule_violation,
        to_string(association) + " is not an enterprise association in effect on " + on.to_string(),
        "enterprise.association_kind", "A13");
  return status_of(reg, detail::state_of(reg), association, on);
}

Result<std::vector<SgStatus>> sg_out_of_date(const Registry& reg, OrgId area, Date on) {
  if (auto bad = area_refusal(reg, area, on)) return *bad;
  const State& s = detail::state_of(reg);
  std::vector<SgStatus> out;
  for (OrgId o : reg.subtree_ids(area, on, OrgKind::enterprise)) {
    SgStatus st = status_of(reg, s, o, on);
    if (st.gap != SgGap::current) out.push_back(st);
  }
  return out;
}

}  // namespace v1
}  // namespace kexie
