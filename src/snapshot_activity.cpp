// An activity book's part of a snapshot: its lifecycle policy, its activities
// and its whole audit trail, record by record with both hashes. A load checks
// every enumerator and id, then hands the data to the book, which accepts it
// only if the trail verifies and every activity is what its performed records
// replay to — so a loaded book can be trusted exactly as far as the saved one.
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "activity_state.hpp"
#include "snapshot_archive.hpp"
#include "snapshot_contents.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

namespace {

void put_policy(Writer& w, const LifecyclePolicy& p) {
  w.count(p.permissions.size());
  for (const Permission& x : p.permissions) {
    w.put(x.operation);
    w.put(x.grantee);
    w.put(x.roles);
    w.put(x.scope);
  }
  w.count(p.impartial.size());
  for (ActivityOperation op : p.impartial) w.put(op);
  w.count(p.bands.size());
  for (const GradeBand& b : p.bands) {
    w.put(b.grade);
    w.put(b.min_score);
  }
  w.put(p.below_bands);
  w.count(p.commendable.size());
  for (EvaluationGrade g : p.commendable) w.put(g);
  w.count(p.reason_required.size());
  for (ActivityOperation op : p.reason_required) w.put(op);
  w.put(p.max_score);
  w.put(p.allow_asserted_roles);  // format 2
}

LifecyclePolicy get_policy(Reader& r, unsigned version) {
  LifecyclePolicy p;
  p.permissions.resize(r.count(4, "permissions"));
  for (Permission& x : p.permissions) {
    x.operation = r.get_enum<ActivityOperation>("permission operation");
    x.grantee = r.get_enum<Grantee>("grantee");
    x.roles = r.get<RoleSet>();
    x.scope = r.get_enum<Scope>("permission scope");
  }
  p.impartial.resize(r.count(1, "impartial operations"));
  for (ActivityOperation& op : p.impartial)
    op = r.get_enum<ActivityOperation>("impartial operation");
  p.bands.resize(r.count(10, "grade bands"));
  for (GradeBand& b : p.bands) {
    b.grade = r.get_enum<EvaluationGrade>("grade");
    b.min_score = r.decimal("grade band minimum");
  }
  p.below_bands = r.get_enum<EvaluationGrade>("grade below the bands");
  p.commendable.resize(r.count(1, "commendable grades"));
  for (EvaluationGrade& g : p.commendable) g = r.get_enum<EvaluationGrade>("grade");
  p.reason_required.resize(r.count(1, "operations needing a reason"));
  for (ActivityOperation& op : p.reason_required)
    op = r.get_enum<ActivityOperation>("operation needing a reason");
  p.max_score = r.decimal("maximum score");
  if (version >= 2) p.allow_asserted_roles = r.flag("asserted roles allowed");
  if (Status s = p.validate(); !s) r.fail("lifecycle policy: " + s.error().message());
  return p;
}

void put_activity(Writer& w, const Activity& a) {
  const ActivityPlan& p = a.plan;
  w.put(p.type);
  w.put(p.title);
  w.put(p.organizer.value());
  w.put(p.owner.value());
  w.put(p.responsible.value());
  w.count(p.team.size());
  for (PersonId t : p.team) w.put(t.value());
  w.put(p.planned);
  w.put(static_cast<std::uint8_t>(p.details.index()));
  if (const auto* d = std::get_if<PopularizationDetails>(&p.details)) w.put(d->event);
  if (const auto* d = std::get_if<InnovationDetails>(&p.details)) w.put(d->kind);
  if (const auto* d = std::get_if<CooperationDetails>(&p.details)) w.put(d->partner.value());
  if (const auto* d = std::get_if<TrainingDetails>(&p.details)) {
    w.put(d->kind);
    w.put(static_cast<std::int32_t>(d->hours));
  }
  w.put(a.state);
  w.put(a.score.has_value());
  if (a.score) w.put(*a.score);
  w.put(a.grade.has_value());
  if (a.grade) w.put(*a.grade);
  w.count(a.progress.size());
  for (const ProgressReport& r : a.progress) {
    w.put(r.date);
    w.put(static_cast<std::int32_t>(r.percent));
    w.put(r.text);
    w.put(r.by.value());
  }
  w.put(a.created);
  w.put(a.last_event);
}

Activity get_activity(Reader& r, std::size_t index) {
  Activity a;
  a.id = ActivityId{static_cast<ActivityId::rep>(index + 1)};
  ActivityPlan& p = a.plan;
  p.type = r.get_enum<ActivityType>("activity type");
  p.title = r.str("activity title");
  p.organizer = OrgId{r.get<std::uint32_t>()};
  p.owner = OrgId{r.get<std::uint32_t>()};
  p.responsible = PersonId{r.get<std::uint32_t>()};
  p.team.resize(r.count(4, "team"));
  for (PersonId& t : p.team) t = PersonId{r.get<std::uint32_t>()};
  p.planned = r.period("planned period");
  switch (r.get<std::uint8_t>()) {
    case 0:
      break;
    case 1:
      p.details = PopularizationDetails{r.get_enum<PopularizationEvent>("popularization event")};
      break;
    case 2:
      p.details = InnovationDetails{r.get_enum<InnovationKind>("innovation kind")};
      break;
    case 3:
      p.details = CooperationDetails{OrgId{r.get<std::uint32_t>()}};
      break;
    case 4: {
      TrainingDetails d;
      d.kind = r.get_enum<TrainingKind>("training kind");
      d.hours = r.get<std::int32_t>();
      p.details = d;
      break;
    }
    default:
      r.fail("activity details of an unknown kind");
  }
  a.state = r.get_enum<ActivityState>("activity state");
  if (r.flag("score present")) a.score = r.decimal("score");
  if (r.flag("grade present")) a.grade = r.get_enum<EvaluationGrade>("grade");
  a.progress.resize(r.count(16, "progress reports"));
  for (ProgressReport& x : a.progress) {
    x.date = r.date("progress report");
    x.percent = r.get<std::int32_t>();
    x.text = r.str("progress report text");
    x.by = PersonId{r.get<std::uint32_t>()};
    r.expect(x.percent >= 0 && x.percent <= 100, "a progress percentage outside 0-100");
  }
  a.created = r.timestamp("creation time");
  a.last_event = r.timestamp("last event");
  return a;
}

void put_record(Writer& w, const AuditRecord& x) {
  w.put(x.sequence);
  w.put(x.activity.value());
  w.put(x.actor.value());
  w.put(x.at);
  w.put(x.operation);
  w.put(x.from);
  w.put(x.to);
  w.put(static_cast<std::int32_t>(x.code));
  w.put(x.security_event);
  w.put(x.rule);
  w.put(x.reason);
  w.put(x.message);
  w.put(x.asserted);  // format 2
  for (std::uint8_t b : x.previous) w.put(b);
  for (std::uint8_t b : x.hash) w.put(b);
}

AuditRecord get_record(Reader& r, unsigned version) {
  AuditRecord x;
  x.sequence = r.get<std::uint64_t>();
  x.activity = ActivityId{r.get<std::uint32_t>()};
  x.actor = PersonId{r.get<std::uint32_t>()};
  x.at = r.timestamp("audit record time");
  x.operation = r.get_enum<ActivityOperation>("audit record operation");
  x.from = r.get_enum<ActivityState>("audit record state");
  x.to = r.get_enum<ActivityState>("audit record state");
  const auto code = r.get<std::int32_t>();
  r.expect(enum_is_valid<ErrorCode>(code), "an audit record with an unknown error code");
  x.code = static_cast<ErrorCode>(code);
  x.security_event = r.flag("security event");
  x.rule = r.str("audit record rule");
  x.reason = r.str("audit record reason");
  x.message = r.str("audit record message");
  if (version >= 2) x.asserted = r.flag("asserted roles");
  for (std::uint8_t& b : x.previous) b = r.get<std::uint8_t>();
  for (std::uint8_t& b : x.hash) b = r.get<std::uint8_t>();
  return x;
}

}  // namespace

void ActivityBookRecord::save(Writer& w) const {
  const ActivityBook& book = *value->source;
  put_policy(w, book.policy());
  w.count(book.size());
  for (std::size_t i = 0; i < book.size(); ++i)
    put_activity(w, *book.find(ActivityId{static_cast<ActivityId::rep>(i + 1)}));
  const auto trail = book.audit_trail();
  w.count(trail.size());
  for (const AuditRecord& x : trail) put_record(w, x);
}

void ActivityBookRecord::load(Reader& r, unsigned version) {
  LifecyclePolicy policy = get_policy(r, version);
  std::vector<Activity> activities(r.count(60, "activities"));
  for (std::size_t i = 0; i < activities.size(); ++i) activities[i] = get_activity(r, i);
  std::vector<AuditRecord> trail(r.count(100, "audit records"));
  for (AuditRecord& x : trail) x = get_record(r, version);
  ActivityBook book(*value->registry, std::move(policy));
  if (auto bad = restore(book, std::move(activities), std::move(trail)))
    r.fail("activity book: " + *bad);
  value->loaded.emplace(std::move(book));
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie
