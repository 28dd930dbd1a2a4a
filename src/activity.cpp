// The activity book: plan checks, the guarded lifecycle, scoped permissions,
// and the hash-chained audit trail every attempt is written to.
#include "kexie/activity.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "activity_state.hpp"
#include "detail/audit_chain.hpp"
#include "detail/audit_encoding.hpp"
#include "detail/conflict.hpp"
#include "detail/sha256.hpp"
#include "kexie/actor.hpp"
#include "kexie/registry.hpp"
#include "kexie/text.hpp"

namespace kexie {
inline namespace v1 {

using Op = ActivityOperation;
using S = ActivityState;

std::string_view to_string(ActivityType type) noexcept { return enum_name(type); }

std::string_view article_of(ActivityType type) noexcept {
  switch (type) {
    case ActivityType::academic_exchange:
    case ActivityType::forward_research:
      return "A3";
    case ActivityType::technical_consulting:
    case ActivityType::technical_service:
    case ActivityType::technical_development:
    case ActivityType::technical_transfer:
    case ActivityType::key_technology:
      return "A4";
    case ActivityType::continuing_education:
    case ActivityType::innovation_method_training:
      return "A5";
    case ActivityType::mass_innovation:
      return "A6";
    case ActivityType::science_popularization:
      return "A7";
    case ActivityType::assessment_advice:
      return "A8";
    case ActivityType::jiangbi_campaign:
      return "A10";
    case ActivityType::factory_society:
    case ActivityType::golden_bridge:
      return "A11";
    case ActivityType::secretary_general_training:
      return "A15";
  }
  return "";
}

std::ostream& operator<<(std::ostream& os, ActivityType type) { return os << to_string(type); }

bool overdue(const Activity& activity, Date as_of) noexcept {
  return (activity.state == S::in_progress || activity.state == S::suspended) &&
         as_of > activity.plan.planned.last;
}

std::string digest(const Activity& a) {
  using detail::put_le;
  using detail::put_text;
  std::string b;
  b.reserve(256);
  put_le(b, a.id.value());
  b.push_back(static_cast<char>(a.plan.type));
  put_text(b, a.plan.title);
  put_le(b, a.plan.organizer.value());
  put_le(b, a.plan.owner.value());
  put_le(b, a.plan.responsible.value());
  put_le(b, static_cast<std::uint32_t>(a.plan.team.size()));
  for (PersonId p : a.plan.team) put_le(b, p.value());
  put_le(b, a.plan.planned.first.days());
  put_le(b, a.plan.planned.last.days());
  b.push_back(static_cast<char>(a.plan.details.index()));
  std::visit(
      [&](const auto& d) {
        using D = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<D, PopularizationDetails>) {
          b.push_back(static_cast<char>(d.event));
        } else if constexpr (std::is_same_v<D, InnovationDetails>) {
          b.push_back(static_cast<char>(d.kind));
        } else if constexpr (std::is_same_v<D, CooperationDetails>) {
          put_le(b, d.partner.value());
        } else if constexpr (std::is_same_v<D, TrainingDetails>) {
          b.push_back(static_cast<char>(d.kind));
          put_le(b, static_cast<std::int32_t>(d.hours));
        }
      },
      a.plan.details);
  b.push_back(static_cast<char>(a.state));
  b.push_back(static_cast<char>(a.score.has_value()));
  if (a.score) {
    put_le(b, a.score->coefficient());
    put_le(b, static_cast<std::int32_t>(a.score->scale()));
  }
  b.push_back(static_cast<char>(a.grade.has_value() ? static_cast<int>(*a.grade) : 0xff));
  put_le(b, static_cast<std::uint32_t>(a.progress.size()));
  for (const ProgressReport& r : a.progress) {
    put_le(b, r.date.days());
    put_le(b, static_cast<std::int32_t>(r.percent));
    put_text(b, r.text);
    put_le(b, r.by.value());
  }
  put_le(b, a.created.micros());
  put_le(b, a.last_event.micros());
  return detail::to_hex(detail::sha256(std::string_view(b)));
}

namespace {

constexpr const char* kArticle = "A12";

bool contains(const std::vector<PersonId>& people, PersonId p) noexcept {
  return std::find(people.begin(), people.end(), p) != people.end();
}

std::string role_names(RoleSet roles) {
  std::string out;
  for (unsigned r = 0; r < 8; ++r) {
    if ((roles & (1u << r)) == 0) continue;
    if (!out.empty()) out += " or ";
    out += to_string(static_cast<Role>(r));
  }
  return out;
}

// Room for one more element, growing geometrically (reserve(size() + 1) would
// reallocate on every call), so that a later push_back cannot throw.
template <class T>
void make_room(std::vector<T>& v) {
  if (v.size() == v.capacity()) v.reserve(v.empty() ? 16 : 2 * v.size());
}

Error plan_error(std::string message) {
  return Error(ErrorCode::invalid_argument, std::move(message), "activity.plan");
}

// Which details each type needs (required) or accepts (allowed).
Status check_details(const ActivityPlan& plan) {
  const ActivityDetails& d = plan.details;
  const bool none = std::holds_alternative<std::monostate>(d);
  auto need = [&](bool fits, bool required, const char* what) -> Status {
    if (fits || (!required && none)) return {};
    return plan_error(std::string(to_string(plan.type)) + " activities " +
                      (required ? "need " : "take only ") + what);
  };
  switch (plan.type) {
    case ActivityType::science_popularization:
      return need(std::holds_alternative<PopularizationDetails>(d), true,
                  "popularization details (the event)");
    case ActivityType::mass_innovation:
      return need(std::holds_alternative<InnovationDetails>(d), true,
                  "innovation details (the kind)");
    case ActivityType::factory_society:
    case ActivityType::golden_bridge:
      return need(std::holds_alternative<CooperationDetails>(d), true,
                  "cooperation details (the partner)");
    case ActivityType::technical_consulting:
    case ActivityType::technical_service:
    case ActivityType::technical_development:
    case ActivityType::technical_transfer:
      return need(std::holds_alternative<CooperationDetails>(d), false,
                  "cooperation details (the client)");
    case ActivityType::continuing_education:
      return need(std::holds_alternative<TrainingDetails>(d), true,
                  "training details (hours and kind)");
    case ActivityType::innovation_method_training:
    case ActivityType::secretary_general_training:
      return need(std::holds_alternative<TrainingDetails>(d), false,
                  "training details (hours and kind)");
    default:
      return need(false, false, "no details");
  }
}

/// The enterprise association `org` is or lies under on `day`, or an empty id.
OrgId enterprise_above(const Registry& registry, OrgId org, Date day) {
  for (OrgId o : registry.ancestor_ids(org, day))
    if (registry.kind(o).value_or(OrgKind::partner) == OrgKind::enterprise) return o;
  return registry.kind(org).value_or(OrgKind::partner) == OrgKind::enterprise ? org : OrgId{};
}

/// True when `person` belongs to `owner` on `day`: to its enterprise association
/// (a member, or employed there when membership is tied to the employer) when it
/// has one; otherwise a member or officer of `owner` (or employed under it, tied).
bool belongs(const Registry& registry, PersonId person, OrgId owner, Date day) {
  const Person p = registry.person(person).value();
  const OrgId ent = enterprise_above(registry, owner, day);
  const OrgId target = ent.ok() ? ent : owner;
  const bool tied = registry.policy().employer_tied_membership;
  if (tied && p.employer == target) return true;
  if (tied && !ent.ok() && registry.within(p.employer, owner, day)) return true;
  for (MembershipId id : registry.memberships_of(person)) {
    Result<Membership> m = registry.membership(id);
    if (m && m->org == target && m->period.contains(day)) return true;
  }
  for (const Appointment& a : registry.appointments_of(person, day))
    if (a.org == owner) return true;
  return false;
}

// DOMAIN.md §3 and issue 13 item 6: a plan is checked against the registry on
// the day it is made.
std::optional<Error> check_against_registry(const Registry& registry, const ActivityPlan& plan,
                                            Date day) {
  if (!registry.within(plan.owner, plan.organizer, day))
    return Error(ErrorCode::rule_violation,
                 "organizer " + to_string(plan.organizer) + " is not at or above owner " +
                     to_string(plan.owner) + " on " + day.to_string(),
                 "activity.organizer_scope", "A12");
  std::vector<PersonId> people{plan.responsible};
  people.insert(people.end(), plan.team.begin(), plan.team.end());
  for (PersonId person : people) {
    if (!registry.person(person))
      return Error(ErrorCode::not_found, to_string(person) + " is not in the registry",
                   "activity.person");
    if (!belongs(registry, person, plan.owner, day))
      return Error(ErrorCode::rule_violation,
                   to_string(person) + " does not belong to the association of owner " +
                       to_string(plan.owner) + " on " + day.to_string() +
                       " (neither employed there nor a member or officer)",
                   "activity.team", "A12");
  }
  if (const auto* c = std::get_if<CooperationDetails>(&plan.details)) {
    const OrgKind kind = registry.kind(c->partner).value_or(OrgKind::partner);
    const bool wants_society = plan.type == ActivityType::factory_society;
    const bool wants_partner = plan.type == ActivityType::golden_bridge;
    if ((wants_society && kind != OrgKind::society) ||
        (wants_partner && kind != OrgKind::partner))
      return Error(ErrorCode::rule_violation,
                   std::string(to_string(plan.type)) + " activities cooperate with a " +
                       (wants_society ? "national society (厂会协作)"
                                      : "research institute or university (产学研)") +
                       "; " + to_string(c->partner) + " is a " + std::string(to_string(kind)),
                   "activity.partner_kind", "A11");
  }
  return std::nullopt;
}

}  // namespace

namespace detail {

/// The state behind an ActivityBook (its pimpl).
struct ActivityImpl {
  const Registry* registry;
  LifecyclePolicy policy;
  std::vector<Activity> activities;                   // activity id n is at n - 1
  std::vector<std::vector<std::uint64_t>> performed;  // per activity: trail positions
  std::vector<AuditRecord> trail;
  detail::Sha256 hasher;
  std::string buffer;

  ActivityImpl(const Registry& r, LifecyclePolicy p) : registry(&r), policy(std::move(p)) {
    buffer.reserve(512);
  }

  Activity* get(ActivityId id) noexcept {
    return id.ok() && id.value() <= activities.size() ? &activities[id.value() - 1] : nullptr;
  }
  const Activity* get(ActivityId id) const noexcept {
    return id.ok() && id.value() <= activities.size() ? &activities[id.value() - 1] : nullptr;
  }

  bool granted(const Permission& row, const Activity& a, const Actor& actor,
               Date day) const noexcept {
    switch (row.grantee) {
      case Grantee::responsible:
        return actor.person() == a.plan.responsible;
      case Grantee::team_member:
        return contains(a.plan.team, actor.person());
      case Grantee::role_holder: {
        const OrgId target = row.scope == Scope::organizer ? a.plan.organizer : a.plan.owner;
        for (const RoleGrant& g : actor.roles())
          if ((row.roles & role_bit(g.role)) != 0 && registry->within(target, g.org, day))
            return true;
        return false;
      }
      case Grantee::expert: {
        const OrgId target = row.scope == Scope::organizer ? a.plan.organizer : a.plan.owner;
        for (OrgId pool : actor.expert_pools())
          if (registry->within(target, pool, day)) return true;
        return false;
      }
    }
    return false;
  }

  // "needs the responsible person, or chair or secretary_general at org:3 or above".
  std::string who_may(Op op, const Activity& a) const {
    std::string out;
    for (const Permission& row : policy.permissions) {
      if (row.operation != op) continue;
      if (!out.empty()) out += "; or ";
      const OrgId target = row.scope == Scope::organizer ? a.plan.organizer : a.plan.owner;
      switch (row.grantee) {
        case Grantee::responsible:
          out += "the responsible person " + to_string(a.plan.responsible);
          break;
        case Grantee::team_member:
          out += "a team member";
          break;
        case Grantee::role_holder:
          out += role_names(row.roles) + " at " + to_string(target) + " or above";
          break;
        case Grantee::expert:
          out += "an expert of the pool of " + to_string(target) + " or above";
          break;
      }
    }
    return out.empty() ? "nobody (no permission row grants it)" : out;
  }

  // Steps 2–5 of the documented order plus the commendable-grade guard.
  // `security` is set for refusals that are security events.
  // `asserted` is set when the actor's roles are not backed by the registry
  // and the policy's opt-in let them through.
  std::optional<Error> check(const Activity& a, const Actor& actor, Timestamp at, Op op,
                             bool& security, bool& asserted) const {
    security = false;
    asserted = false;
    if (at < a.last_event) {
      return Error(ErrorCode::rule_violation,
                   std::string(to_string(op)) + " at " + at.to_string() + " is earlier than " +
                       to_string(a.id) + "'s last event at " + a.last_event.to_string(),
                   "lifecycle.time_order");
    }
    if (op != Op::create && !next_state(a.state, op)) {
      return Error(ErrorCode::illegal_transition,
                   "cannot " + std::string(to_string(op)) + " " + to_string(a.id) + " while " +
                       std::string(to_string(a.state)),
                   "lifecycle.state", kArticle);
    }
    const Date day = at.date();
    if (Status backed = backed_by_registry(*registry, actor, day); !backed) {
      if (!policy.allow_asserted_roles) {
        security = true;
        return backed.error();
      }
      asserted = true;
    }
    bool ok = false;
    for (const Permission& row : policy.permissions) {
      if (row.operation == op && granted(row, a, actor, day)) {
        ok = true;
        break;
      }
    }
    if (!ok) {
      security = true;
      return Error(ErrorCode::permission_denied,
                   to_string(actor.person()) + " may not " + std::string(to_string(op)) + " " +
                       to_string(a.id) + ": that needs " + who_may(op, a),
                   "lifecycle.permission", kArticle);
    }
    if (policy.requires_impartiality(op) &&
        (actor.person() == a.plan.responsible || contains(a.plan.team, actor.person()))) {
      security = true;
      return Error(
          ErrorCode::conflict_of_interest,
          to_string(actor.person()) + " may not " + std::string(to_string(op)) + " " +
              to_string(a.id) + ": they are " +
              (actor.person() == a.plan.responsible ? "its responsible person" : "on its team"),
          "lifecycle.self_review", kArticle);
    }
    // Activity evaluation follows campaign judging's conflict rule (A12): nobody
    // evaluates an activity of their own enterprise association.
    if (op == Op::conclude) {
      if (std::optional<OrgId> ent = detail::enterprise_of(*registry, a.plan.owner, day)) {
        const std::vector<OrgId> orgs = detail::affiliations(*registry, actor.person(), day);
        if (std::optional<OrgId> org = detail::conflicting(*registry, orgs, *ent, day)) {
          security = true;
          return Error(ErrorCode::conflict_of_interest,
                       to_string(actor.person()) + " may not evaluate " + to_string(a.id) +
                           ": they belong to " + to_string(*org) +
                           ", within the enterprise association " + to_string(*ent) +
                           " that carries it out",
                       "lifecycle.evaluator_conflict", kArticle);
        }
      }
    }
    if (op == Op::commend && a.grade && !policy.may_commend(*a.grade)) {
      return Error(ErrorCode::rule_violation,
                   to_string(a.id) + " was graded " + std::string(to_string(*a.grade)) +
                       ", which the policy does not commend",
                   "lifecycle.commend_grade", kArticle);
    }
    return std::nullopt;
  }

  void append(AuditRecord r) {
    detail::append_chained(trail, std::move(r), [&](const AuditRecord& x) {
      return detail::hash_record(x, hasher, buffer);
    });
  }

  Error refuse(ActivityId id, const Actor& actor, Timestamp at, Op op, S state, Error error,
               bool security, std::string_view reason, bool asserted = false) {
    AuditRecord r;
    r.asserted = asserted;
    r.activity = id;
    r.actor = actor.person();
    r.at = at;
    r.operation = op;
    r.from = state;
    r.to = state;
    r.code = error.code();
    r.security_event = security;
    r.rule = error.rule();
    r.reason = std::string(reason);
    r.message = error.message();
    append(std::move(r));
    return error;
  }

  // The common path of every operation on an existing activity. `guard` checks
  // the operation's own arguments; on success the record is appended, then the
  // state and clock are updated and `extra` stores the operation's data.
  template <class Guard, class Extra>
  Status perform(ActivityId id, const Actor& actor, Timestamp at, Op op, std::string_view reason,
                 Guard&& guard, Extra&& extra) {
    // Text that is not UTF-8 is refused before anything, the audit trail included,
    // records it.
    if (Status st = check_text(reason, op == Op::report_progress ? "progress text" : "reason",
                               TextRule::multiline);
        !st) {
      return st;
    }
    Activity* a = get(id);
    if (!actor.ok() || !a || !at.ok()) {
      Error e =
          !actor.ok() ? Error(ErrorCode::invalid_argument, "no actor given", "lifecycle.actor")
          : !a ? Error(ErrorCode::not_found, "no activity " + to_string(id), "lifecycle.activity")
               : Error(ErrorCode::invalid_argument, "timestamp out of the supported range",
                       "lifecycle.time_order");
      return refuse(id, actor, at, op, a ? a->state : S::draft, std::move(e), false, reason);
    }
    bool security = false;
    bool asserted = false;
    if (std::optional<Error> e = check(*a, actor, at, op, security, asserted))
      return refuse(id, actor, at, op, a->state, std::move(*e), security, reason, asserted);
    if (policy.requires_reason(op) && reason.empty())
      return refuse(
          id, actor, at, op, a->state,
          Error(ErrorCode::invalid_argument, std::string(to_string(op)) + " needs a reason",
                "lifecycle.reason_required", kArticle),
          false, reason, asserted);
    std::string message;
    if (std::optional<Error> e = guard(*a, message))
      return refuse(id, actor, at, op, a->state, std::move(*e), false, reason, asserted);

    AuditRecord r;
    r.activity = id;
    r.actor = actor.person();
    r.at = at;
    r.operation = op;
    r.from = a->state;
    r.to = *next_state(a->state, op);
    r.reason = std::string(reason);
    r.message = std::move(message);
    r.asserted = asserted;
    std::vector<std::uint64_t>& history = performed[id.value() - 1];
    make_room(history);
    make_room(trail);
    const S to = r.to;
    append(std::move(r));  // cannot throw now: capacity is reserved
    history.push_back(trail.size() - 1);
    a->state = to;
    a->last_event = at;
    extra(*a);
    return {};
  }

  Status simple(ActivityId id, const Actor& actor, Timestamp at, Op op, std::string_view reason) {
    return perform(
        id, actor, at, op, reason,
        [](const Activity&, std::string&) -> std::optional<Error> { return std::nullopt; },
        [](Activity&) {});
  }
  static ActivityImpl& of(ActivityBook& b) noexcept { return *b.impl_; }
  static const ActivityImpl& of(const ActivityBook& b) noexcept { return *b.impl_; }
};

}  // namespace detail

ActivityBook::ActivityBook(const Registry& registry, LifecyclePolicy policy) {
  if (Status s = policy.validate(); !s) throw std::invalid_argument(s.error().to_string());
  impl_ = std::make_unique<detail::ActivityImpl>(registry, std::move(policy));
}

ActivityBook::~ActivityBook() = default;
ActivityBook::ActivityBook(ActivityBook&& other) noexcept = default;
ActivityBook& ActivityBook::operator=(ActivityBook&& other) noexcept = default;

const LifecyclePolicy& ActivityBook::policy() const noexcept { return impl_->policy; }

Status ActivityBook::set_policy(LifecyclePolicy policy) {
  if (Status s = policy.validate(); !s) return s;
  impl_->policy = std::move(policy);
  return {};
}

Result<ActivityId> ActivityBook::create(const Actor& actor, Timestamp at, ActivityPlan plan,
                                        std::string_view reason) {
  detail::ActivityImpl& m = *impl_;
  // Text that is not UTF-8 is refused before the audit trail records it.
  if (Status st = check_text(plan.title, "activity title"); !st) return st.error();
  if (Status st = check_text(reason, "reason", TextRule::multiline); !st) return st.error();
  auto refuse = [&](Error e, bool security) -> Result<ActivityId> {
    return m.refuse(ActivityId{}, actor, at, Op::create, S::draft, std::move(e), security, reason);
  };
  if (!actor.ok())
    return refuse(Error(ErrorCode::invalid_argument, "no actor given", "lifecycle.actor"), false);
  if (!at.ok())
    return refuse(Error(ErrorCode::invalid_argument, "timestamp out of the supported range",
                        "lifecycle.time_order"),
                  false);
  if (plan.title.empty()) return refuse(plan_error("an activity needs a title"), false);
  if (!plan.organizer.ok() || !plan.owner.ok() || !plan.responsible.ok())
    return refuse(plan_error("an activity needs an organizer, an owner and a responsible person"),
                  false);
  if (!plan.planned.ok())
    return refuse(plan_error("the planned period is not a valid interval"), false);
  for (std::size_t i = 0; i < plan.team.size(); ++i) {
    if (!plan.team[i].ok()) return refuse(plan_error("a team member id is not set"), false);
    for (std::size_t j = 0; j < i; ++j)
      if (plan.team[i] == plan.team[j])
        return refuse(plan_error(to_string(plan.team[i]) + " is on the team twice"), false);
  }
  if (Status s = check_details(plan); !s) return refuse(s.error(), false);
  if (const auto* t = std::get_if<TrainingDetails>(&plan.details); t && t->hours < 1)
    return refuse(plan_error("training needs at least one class hour"), false);
  const Date day = at.date();
  std::vector<OrgId> orgs = {plan.organizer, plan.owner};
  if (const auto* c = std::get_if<CooperationDetails>(&plan.details)) orgs.push_back(c->partner);
  for (OrgId org : orgs)
    if (!m.registry->exists(org, day))
      return refuse(
          Error(ErrorCode::not_found, to_string(org) + " is not in effect on " + day.to_string(),
                "activity.org"),
          false);
  // Partners (research institutes, universities) sit outside the tree: they
  // cooperate in activities but cannot organize one.
  if (m.registry->kind(plan.organizer).value_or(OrgKind::partner) == OrgKind::partner)
    return refuse(Error(ErrorCode::rule_violation,
                        to_string(plan.organizer) +
                            " is a partner outside the association tree and cannot organize "
                            "an activity",
                        "activity.organizer", "A3"),
                  false);
  if (std::optional<Error> e = check_against_registry(*m.registry, plan, day))
    return refuse(std::move(*e), false);

  Activity a;
  a.id = ActivityId{static_cast<ActivityId::rep>(m.activities.size() + 1)};
  a.plan = std::move(plan);
  a.created = at;
  a.last_event = at;
  bool security = false;
  bool asserted = false;
  if (std::optional<Error> e = m.check(a, actor, at, Op::create, security, asserted))
    return m.refuse(ActivityId{}, actor, at, Op::create, S::draft, std::move(*e), security, reason,
                    asserted);

  make_room(m.activities);
  make_room(m.performed);
  make_room(m.trail);
  // The new activity's history (the index its record will have), allocated
  // before the record is appended, so that nothing after the append can fail.
  std::vector<std::uint64_t> history{static_cast<std::uint64_t>(m.trail.size())};
  AuditRecord r;
  r.activity = a.id;
  r.actor = actor.person();
  r.at = at;
  r.operation = Op::create;
  r.message = std::string(to_string(a.plan.type)) + ": " + a.plan.title;
  r.reason = std::string(reason);
  r.asserted = asserted;
  m.append(std::move(r));
  const ActivityId id = a.id;
  m.performed.push_back(std::move(history));
  m.activities.push_back(std::move(a));
  return id;
}

Status ActivityBook::submit(ActivityId id, const Actor& actor, Timestamp at,
                            std::string_view reason) {
  return impl_->simple(id, actor, at, Op::submit, reason);
}
Status ActivityBook::withdraw(ActivityId id, const Actor& actor, Timestamp at,
                              std::string_view reason) {
  return impl_->simple(id, actor, at, Op::withdraw, reason);
}
Status ActivityBook::approve(ActivityId id, const Actor& actor, Timestamp at,
                             std::string_view reason) {
  return impl_->simple(id, actor, at, Op::approve, reason);
}
Status ActivityBook::reject(ActivityId id, const Actor& actor, Timestamp at,
                            std::string_view reason) {
  return impl_->simple(id, actor, at, Op::reject, reason);
}
Status ActivityBook::start(ActivityId id, const Actor& actor, Timestamp at,
                           std::string_view reason) {
  return impl_->simple(id, actor, at, Op::start, reason);
}
Status ActivityBook::suspend(ActivityId id, const Actor& actor, Timestamp at,
                             std::string_view reason) {
  return impl_->simple(id, actor, at, Op::suspend, reason);
}
Status ActivityBook::resume(ActivityId id, const Actor& actor, Timestamp at,
                            std::string_view reason) {
  return impl_->simple(id, actor, at, Op::resume, reason);
}
Status ActivityBook::terminate(ActivityId id, const Actor& actor, Timestamp at,
                               std::string_view reason) {
  return impl_->simple(id, actor, at, Op::terminate, reason);
}
Status ActivityBook::complete(ActivityId id, const Actor& actor, Timestamp at,
                              std::string_view reason) {
  return impl_->simple(id, actor, at, Op::complete, reason);
}
Status ActivityBook::open_evaluation(ActivityId id, const Actor& actor, Timestamp at,
                                     std::string_view reason) {
  return impl_->simple(id, actor, at, Op::open_evaluation, reason);
}
Status ActivityBook::commend(ActivityId id, const Actor& actor, Timestamp at,
                             std::string_view reason) {
  return impl_->simple(id, actor, at, Op::commend, reason);
}
Status ActivityBook::archive(ActivityId id, const Actor& actor, Timestamp at,
                             std::string_view reason) {
  return impl_->simple(id, actor, at, Op::archive, reason);
}

Result<EvaluationGrade> ActivityBook::conclude(ActivityId id, const Actor& actor, Timestamp at,
                                               const Decimal& score, std::string_view reason) {
  EvaluationGrade grade = EvaluationGrade::fail;
  Status s = impl_->perform(
      id, actor, at, Op::conclude, reason,
      [&](const Activity&, std::string& message) -> std::optional<Error> {
        Result<EvaluationGrade> g = impl_->policy.grade_for(score);
        if (!g) return g.error();
        grade = *g;
        message = "score " + score.to_string() + ", grade " + std::string(to_string(grade));
        return std::nullopt;
      },
      [&](Activity& a) {
        a.score = score;
        a.grade = grade;
      });
  // Moved, not copied: a refusal is already in the trail, and a copy could throw.
  if (!s) return std::move(const_cast<Error&>(s.error()));  // NOLINT: `s` is our own local
  return grade;
}

Status ActivityBook::report_progress(ActivityId id, const Actor& actor, Timestamp at, int percent,
                                     std::string_view text) {
  // The report, and room for it, first: nothing may fail once the record is appended.
  ProgressReport report{at.ok() ? at.date() : Date{}, percent, std::string(text), actor.person()};
  if (Activity* a = impl_->get(id)) make_room(a->progress);
  return impl_->perform(
      id, actor, at, Op::report_progress, text,
      [&](const Activity&, std::string& message) -> std::optional<Error> {
        if (percent < 0 || percent > 100)
          return Error(ErrorCode::invalid_argument,
                       "progress " + std::to_string(percent) + "% is outside 0–100",
                       "lifecycle.progress_percent", kArticle);
        message = std::to_string(percent) + "%";
        return std::nullopt;
      },
      [&](Activity& a) { a.progress.push_back(std::move(report)); });
}

Status ActivityBook::apply(ActivityId id, const Actor& actor, Timestamp at, ActivityOperation op,
                           std::string_view reason) {
  if (op == Op::conclude || op == Op::report_progress || op == Op::create ||
      static_cast<std::size_t>(op) >= kActivityOperationCount)
    return Error(ErrorCode::invalid_argument,
                 "apply() takes the transitions without arguments; use " +
                     std::string(to_string(op)) + "() itself");
  return impl_->simple(id, actor, at, op, reason);
}

Result<std::vector<TransitionCheck>> ActivityBook::allowed_transitions(ActivityId id,
                                                                       const Actor& actor,
                                                                       Timestamp at) const {
  const Activity* a = impl_->get(id);
  if (!a) return Error(ErrorCode::not_found, "no activity " + to_string(id), "lifecycle.activity");
  std::vector<TransitionCheck> out;
  out.reserve(kTransitions.size() + 1);
  auto add = [&](Op op) {
    TransitionCheck c;
    c.operation = op;
    bool security = false;
    bool asserted = false;
    if (!actor.ok())
      c.refusal = Error(ErrorCode::invalid_argument, "no actor given", "lifecycle.actor");
    else if (std::optional<Error> e = impl_->check(*a, actor, at, op, security, asserted))
      c.refusal = std::move(*e);
    else
      c.to = next_state(a->state, op);
    out.push_back(std::move(c));
  };
  for (Op op : kTransitions) add(op);
  add(Op::report_progress);
  return out;
}

const Activity* ActivityBook::find(ActivityId id) const noexcept { return impl_->get(id); }

std::size_t ActivityBook::size() const noexcept { return impl_->activities.size(); }

std::vector<ActivityId> ActivityBook::overdue(Date as_of) const {
  std::vector<ActivityId> out;
  for (const Activity& a : impl_->activities)
    if (kexie::overdue(a, as_of)) out.push_back(a.id);
  return out;
}

Result<ActivityState> ActivityBook::state_at(ActivityId id, Timestamp at) const {
  if (!impl_->get(id))
    return Error(ErrorCode::not_found, "no activity " + to_string(id), "lifecycle.activity");
  std::optional<ActivityState> state;
  for (std::uint64_t pos : impl_->performed[id.value() - 1]) {
    const AuditRecord& r = impl_->trail[pos];
    if (r.at > at) break;  // performed records of one activity are in time order
    state = r.to;
  }
  if (!state)
    return Error(ErrorCode::not_found, to_string(id) + " did not exist yet at " + at.to_string(),
                 "lifecycle.activity");
  return *state;
}

std::span<const AuditRecord> ActivityBook::audit_trail() const noexcept { return impl_->trail; }

ChainHead ActivityBook::chain_head() const noexcept { return kexie::chain_head(impl_->trail); }

AuditVerification ActivityBook::verify_audit() const {
  return kexie::verify_audit(impl_->trail, chain_head());
}

// ---- the seam to the snapshot layer (activity_state.hpp) ----------------------------------------

namespace detail {

const Registry& registry_of(const ActivityBook& b) noexcept {
  return *ActivityImpl::of(b).registry;
}

std::optional<std::string> restore(ActivityBook& b, std::vector<Activity> activities,
                                   std::vector<AuditRecord> trail) {
  // The trail must verify on its own, and every activity must be exactly what
  // replaying its performed records gives: state, creation and last event.
  if (AuditVerification v = kexie::verify_audit(trail); !v.ok())
    return "audit record " + std::to_string(v.first_bad) + ": " + v.message;
  std::vector<std::vector<std::uint64_t>> performed(activities.size());
  for (std::size_t pos = 0; pos < trail.size(); ++pos) {
    const AuditRecord& r = trail[pos];
    if (!r.accepted()) continue;
    if (!r.activity.ok() || r.activity.value() > activities.size())
      return "audit record " + std::to_string(pos) + " names an unknown activity";
    performed[r.activity.value() - 1].push_back(pos);
  }
  for (std::size_t i = 0; i < activities.size(); ++i) {
    const Activity& a = activities[i];
    const std::string where = "activity #" + std::to_string(i + 1);
    if (a.id.value() != i + 1) return where + " carries id " + to_string(a.id);
    const auto& history = performed[i];
    if (history.empty() || trail[history.front()].operation != Op::create)
      return where + " has no create record";
    if (trail[history.front()].at != a.created) return where + ": its creation time disagrees";
    S state = S::draft;
    Timestamp last = a.created;
    for (std::size_t k = 1; k < history.size(); ++k) {
      const AuditRecord& r = trail[history[k]];
      std::optional<S> next = next_state(state, r.operation);
      if (!next && r.operation == Op::report_progress) next = state;
      if (r.operation == Op::create || r.from != state || !next || r.to != *next || r.at < last)
        return where + ": audit record " + std::to_string(history[k]) +
               " does not follow from the one before";
      state = r.to;
      last = r.at;
    }
    if (state != a.state || last != a.last_event)
      return where + ": its state or last event disagrees with the audit trail";
  }
  ActivityImpl& m = ActivityImpl::of(b);
  m.activities = std::move(activities);
  m.trail = std::move(trail);
  m.performed = std::move(performed);
  return std::nullopt;
}

}  // namespace detail

}  // namespace v1
}  // namespace kexie
