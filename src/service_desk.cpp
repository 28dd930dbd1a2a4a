// The service desk: service requests and proposals, their rules, the queue, the
// overdue report, the 讲比 entry of an adopted rationalization proposal, and the
// hash-chained trail (detail/audit_chain.hpp, shared with the activity book).
#include "kexie/service_desk.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <utility>

#include "detail/audit_chain.hpp"
#include "detail/audit_encoding.hpp"
#include "detail/sha256.hpp"
#include "kexie/actor.hpp"
#include "kexie/campaign.hpp"
#include "kexie/registry.hpp"
#include "kexie/text.hpp"
#include "service_desk_state.hpp"

namespace kexie {
inline namespace v1 {

namespace {

using RS = RequestState;
using ROp = RequestOperation;
using PS = ProposalState;
using POp = ProposalOperation;

template <class T>
void make_room(std::vector<T>& v) {
  if (v.size() == v.capacity()) v.reserve(v.empty() ? 16 : 2 * v.size());
}

// A refusal with the flag that marks it a security event in the trail.
struct Refusal {
  Error error;
  bool security = false;
};

bool is_member(const Registry& reg, PersonId person, OrgId association, Date day) {
  for (MembershipId m : reg.memberships_of(person)) {
    Result<Membership> ms = reg.membership(m);
    if (ms && ms->period.contains(day) && reg.within(ms->org, association, day)) return true;
  }
  // A1: with the employer tie, the people an enterprise association's enterprise
  // employs belong to it without a recorded membership.
  if (reg.policy().employer_tied_membership) {
    Result<Person> p = reg.person(person);
    if (p && p->employer == association &&
        reg.kind(association).value_or(OrgKind::partner) == OrgKind::enterprise)
      return true;
  }
  return false;
}

bool is_staff(const Registry& reg, RoleSet staff_roles, PersonId person, OrgId association,
              Date day) {
  Result<Actor> actor = actor_as_of(reg, person, day);
  if (!actor) return false;
  for (const RoleGrant& g : actor->roles())
    if ((staff_roles & role_bit(g.role)) != 0 && reg.within(association, g.org, day)) return true;
  return false;
}

bool needs_reason(ROp op) noexcept {
  return op == ROp::decline || op == ROp::not_grant || op == ROp::withdraw;
}

void put_string(std::string& out, std::string_view s) { detail::put_text(out, s); }

}  // namespace

namespace detail {

/// The state behind a ServiceDesk (its pimpl).
struct ServiceDeskImpl {
  const Registry* registry;
  ServicePolicy policy;
  std::vector<ServiceRequest> requests;  // id n at n - 1
  std::vector<Proposal> proposals;       // id n at n - 1
  std::vector<ServiceRecord> trail;
  Sha256 hasher;
  std::string buffer;

  ServiceDeskImpl(const Registry& r, ServicePolicy p) : registry(&r), policy(p) {}

  ServiceRequest* get(ServiceRequestId id) noexcept {
    return id.ok() && id.value() <= requests.size() ? &requests[id.value() - 1] : nullptr;
  }
  Proposal* get(ProposalId id) noexcept {
    return id.ok() && id.value() <= proposals.size() ? &proposals[id.value() - 1] : nullptr;
  }

  void append(ServiceRecord r) {
    make_room(trail);
    append_chained(trail, std::move(r),
                   [&](const ServiceRecord& rec) { return kexie::digest(rec); });
  }

  Error refuse(ServiceCase subject, std::uint32_t number, PersonId actor, Timestamp at,
               std::string_view op, std::string_view state, Refusal refusal,
               std::string_view reason) {
    ServiceRecord r;
    r.subject = subject;
    r.number = number;
    r.actor = actor;
    r.at = at;
    r.operation = std::string(op);
    r.from = std::string(state);
    r.to = std::string(state);
    r.code = refusal.error.code();
    r.security_event = refusal.security;
    r.rule = refusal.error.rule();
    r.reason = std::string(reason);
    r.message = refusal.error.message();
    append(std::move(r));
    return std::move(refusal.error);
  }

  void performed(ServiceCase subject, std::uint32_t number, PersonId actor, Timestamp at,
                 std::string_view op, std::string_view from, std::string_view to,
                 std::string_view reason, std::string message) {
    ServiceRecord r;
    r.subject = subject;
    r.number = number;
    r.actor = actor;
    r.at = at;
    r.operation = std::string(op);
    r.from = std::string(from);
    r.to = std::string(to);
    r.reason = std::string(reason);
    r.message = std::move(message);
    append(std::move(r));
  }

  std::optional<Refusal> check_actor(PersonId actor, Timestamp at) const {
    if (!actor.ok() || !registry->person(actor))
      return Refusal{Error(ErrorCode::invalid_argument,
                           actor.ok() ? "no person " + to_string(actor) : "no actor given",
                           "service.actor")};
    if (!at.ok())
      return Refusal{Error(ErrorCode::invalid_argument, "timestamp out of the supported range",
                           "service.time_order")};
    return std::nullopt;
  }

  std::optional<Refusal> check_association(OrgId association, Date day) const {
    if (!registry->exists(association, day))
      return Refusal{Error(ErrorCode::not_found,
                           to_string(association) + " is not in effect on " + day.to_string(),
                           "service.association")};
    return std::nullopt;
  }

  // The continuing-education window of a title evaluation (A5): each of the
  // `education_years` calendar years before the year of the request.
  std::optional<Refusal> check_education(PersonId person, Date day) const {
    if (policy.education_years == 0) return std::nullopt;
    std::string failed;
    const int last = day.year() - 1;
    const int first = day.year() - policy.education_years;
    for (int y = first; y <= last; ++y) {
      Result<EducationStatus> s = registry->continuing_education_status(person, y);
      if (s && s->compliant) continue;
      if (!failed.empty()) failed += "; ";
      failed += std::to_string(y) + ": " + (s ? std::to_string(s->hours) : std::string("0")) +
                " hours (" + (s ? std::to_string(s->professional_hours) : std::string("0")) +
                " professional), " + (s ? std::to_string(s->shortfall) : std::string("?")) +
                " short";
    }
    if (failed.empty()) return std::nullopt;
    return Refusal{Error(ErrorCode::rule_violation,
                         to_string(person) + " lacks compliant continuing education in " +
                             std::to_string(first) + "–" + std::to_string(last) + " (" + failed +
                             "); a title evaluation needs every year of the last " +
                             std::to_string(policy.education_years),
                         "service.continuing_education", "A5")};
  }

  std::optional<Refusal> check_request_spec(const RequestSpec& s, Date day) const {
    auto spec_error = [](std::string m) {
      return Refusal{Error(ErrorCode::invalid_argument, std::move(m), "service.spec", "A9")};
    };
    if (static_cast<std::size_t>(s.kind) >= enum_count<ServiceKind>)
      return spec_error("the kind of service is not one of " +
                        std::to_string(enum_count<ServiceKind>));
    if (s.title.empty()) return spec_error("a service request needs a title");
    const bool patent = s.kind == ServiceKind::patent_application;
    const bool title = s.kind == ServiceKind::title_evaluation;
    if (patent != s.patent_type.has_value())
      return spec_error(patent ? "a patent application needs its type (invention, utility model "
                                 "or design)"
                               : "only a patent application has a patent type");
    if (s.patent_type && !enum_is_valid<PatentType>(static_cast<std::int64_t>(*s.patent_type)))
      return spec_error("the patent type is not one of invention, utility model, design");
    if (title != s.target_title.has_value())
      return spec_error(title ? "a title evaluation needs the title asked for"
                              : "only a title evaluation has a target title");
    if (s.target_title && !enum_is_valid<Title>(static_cast<std::int64_t>(*s.target_title)))
      return spec_error("the target title is not a title");
    if (std::optional<Refusal> r = check_association(s.association, day)) return r;
    if (!is_member(*registry, s.applicant, s.association, day))
      return Refusal{Error(ErrorCode::rule_violation,
                           to_string(s.applicant) + " is not a member of " +
                               to_string(s.association) + " on " + day.to_string() +
                               "; only its members may ask it for support",
                           "service.member", "A9")};
    if (title) {
      const Title now = registry->person(s.applicant)->title;
      if (now == Title::senior || static_cast<int>(*s.target_title) != static_cast<int>(now) + 1)
        return Refusal{Error(
            ErrorCode::rule_violation,
            to_string(s.applicant) + " holds the title " + std::string(to_string(now)) +
                ", so a title evaluation may ask for " +
                (now == Title::senior
                     ? std::string("nothing higher (正高级 is the top)")
                     : std::string(to_string(static_cast<Title>(static_cast<int>(now) + 1)))) +
                " only, not " + std::string(to_string(*s.target_title)),
            "service.next_title", "A9")};
      if (std::optional<Refusal> r = check_education(s.applicant, day)) return r;
    }
    return std::nullopt;
  }

  // The checks every step on an existing request shares.
  std::optional<Refusal> check_step(const ServiceRequest& r, PersonId actor, Timestamp at, ROp op,
                                    std::string_view reason) const {
    if (at < r.last_event)
      return Refusal{Error(ErrorCode::rule_violation,
                           std::string(to_string(op)) + " at " + at.to_string() +
                               " is earlier than " + to_string(r.id) + "'s last step at " +
                               r.last_event.to_string(),
                           "service.time_order")};
    if (!next_state(r.state, op))
      return Refusal{Error(ErrorCode::illegal_transition,
                           "cannot " + std::string(to_string(op)) + " " + to_string(r.id) +
                               " while " + std::string(to_string(r.state)),
                           "service.state", "A9")};
    const Date day = at.date();
    const bool staff = is_staff(*registry, policy.staff_roles, actor, r.spec.association, day);
    const bool applicant = actor == r.spec.applicant;
    if (!(staff || (op == ROp::withdraw && applicant)))
      return Refusal{Error(ErrorCode::permission_denied,
                           to_string(actor) + " may not " + std::string(to_string(op)) + " " +
                               to_string(r.id) + ": that needs a staff role at " +
                               to_string(r.spec.association) + " or above on " + day.to_string() +
                               (op == ROp::withdraw ? ", or the applicant" : ""),
                           "service.permission", "A9"),
                     true};
    if (applicant && op != ROp::withdraw)
      return Refusal{Error(ErrorCode::conflict_of_interest,
                           to_string(actor) + " may not " + std::string(to_string(op)) +
                               " their own " + to_string(r.id),
                           "service.self_handling", "A9"),
                     true};
    if (needs_reason(op) && reason.empty())
      return Refusal{Error(ErrorCode::invalid_argument,
                           std::string(to_string(op)) + " needs a reason",
                           "service.reason_required", "A9")};
    return std::nullopt;
  }

  // The common path of every transition of a request. `guard` checks the step's
  // own arguments and may fill `message`; `extra` stores its data.
  template <class Guard, class Extra>
  Status step(ServiceRequestId id, PersonId actor, Timestamp at, ROp op, std::string_view reason,
              Guard&& guard, Extra&& extra) {
    if (Status st = check_text(reason, "reason", TextRule::multiline); !st) return st;
    ServiceRequest* r = get(id);
    const std::string_view state = r ? to_string(r->state) : std::string_view{};
    if (std::optional<Refusal> e = check_actor(actor, at))
      return refuse(ServiceCase::request, id.value(), actor, at, to_string(op), state,
                    std::move(*e), reason);
    if (!r)
      return refuse(ServiceCase::request, id.value(), actor, at, to_string(op), state,
                    Refusal{Error(ErrorCode::not_found, "no " + to_string(id), "service.request")},
                    reason);
    if (std::optional<Refusal> e = check_step(*r, actor, at, op, reason))
      return refuse(ServiceCase::request, id.value(), actor, at, to_string(op), state,
                    std::move(*e), reason);
    std::string message;
    if (std::optional<Refusal> e = guard(*r, message))
      return refuse(ServiceCase::request, id.value(), actor, at, to_string(op), state,
                    std::move(*e), reason);
    const RS to = *next_state(r->state, op);
    make_room(trail);
    ServiceRequest updated = *r;
    updated.state = to;
    updated.last_event = at;
    if (needs_reason(op)) updated.reason = std::string(reason);
    extra(updated);
    performed(ServiceCase::request, id.value(), actor, at, to_string(op), state, to_string(to),
              reason, std::move(message));
    *r = std::move(updated);  // nothrow move after the record is in
    return {};
  }

  Status simple(ServiceRequestId id, PersonId actor, Timestamp at, ROp op,
                std::string_view reason) {
    return step(
        id, actor, at, op, reason,
        [](const ServiceRequest&, std::string&) -> std::optional<Refusal> { return std::nullopt; },
        [](ServiceRequest&) {});
  }

  // ---- proposals ----

  std::optional<Refusal> check_proposal_step(const Proposal& p, PersonId actor, Timestamp at,
                                             POp op, std::string_view text) const {
    if (at < p.last_event)
      return Refusal{Error(ErrorCode::rule_violation,
                           std::string(to_string(op)) + " at " + at.to_string() +
                               " is earlier than " + to_string(p.id) + "'s last step at " +
                               p.last_event.to_string(),
                           "service.time_order")};
    if (op == POp::enter_campaign && p.spec.kind != ProposalKind::rationalization)
      return Refusal{Error(ErrorCode::rule_violation,
                           to_string(p.id) + " is " + std::string(to_string(p.spec.kind)) +
                               ", not a rationalization proposal (合理化建议); only those "
                               "become 讲比 entries",
                           "proposal.entry_kind", "A10")};
    if (!next_state(p.state, op))
      return Refusal{Error(ErrorCode::illegal_transition,
                           "cannot " + std::string(to_string(op)) + " " + to_string(p.id) +
                               " while " + std::string(to_string(p.state)),
                           "proposal.state", "A8")};
    if (op == POp::enter_campaign && p.entered)
      return Refusal{Error(ErrorCode::already_exists,
                           to_string(p.id) + " was entered already, as " + p.entered->code + " (" +
                               to_string(p.entered->entry) + " of the campaign of " +
                               to_string(p.entered->campaign) + ")",
                           "proposal.entered", "A10")};
    const Date day = at.date();
    if (!is_staff(*registry, policy.staff_roles, actor, p.spec.association, day))
      return Refusal{Error(ErrorCode::permission_denied,
                           to_string(actor) + " may not " + std::string(to_string(op)) + " " +
                               to_string(p.id) + ": that needs a staff role at " +
                               to_string(p.spec.association) + " or above on " + day.to_string(),
                           "proposal.permission", "A8"),
                     true};
    if (actor == p.spec.proposer)
      return Refusal{Error(ErrorCode::conflict_of_interest,
                           to_string(actor) + " may not " + std::string(to_string(op)) +
                               " their own " + to_string(p.id),
                           "proposal.self_handling", "A8"),
                     true};
    if ((op == POp::answer || op == POp::decline) && text.empty())
      return Refusal{Error(ErrorCode::invalid_argument,
                           std::string(to_string(op)) +
                               (op == POp::answer ? " needs the answer" : " needs a reason"),
                           "proposal.reason_required", "A8")};
    return std::nullopt;
  }

  Status proposal_step(ProposalId id, PersonId actor, Timestamp at, POp op, std::string_view text) {
    if (Status st = check_text(text, op == POp::answer ? "answer" : "reason", TextRule::multiline);
        !st)
      return st;
    Proposal* p = get(id);
    const std::string_view state = p ? to_string(p->state) : std::string_view{};
    if (std::optional<Refusal> e = check_actor(actor, at))
      return refuse(ServiceCase::proposal, id.value(), actor, at, to_string(op), state,
                    std::move(*e), text);
    if (!p)
      return refuse(
          ServiceCase::proposal, id.value(), actor, at, to_string(op), state,
          Refusal{Error(ErrorCode::not_found, "no " + to_string(id), "proposal.proposal")}, text);
    if (std::optional<Refusal> e = check_proposal_step(*p, actor, at, op, text))
      return refuse(ServiceCase::proposal, id.value(), actor, at, to_string(op), state,
                    std::move(*e), text);
    const PS to = *next_state(p->state, op);
    make_room(trail);
    Proposal updated = *p;
    updated.state = to;
    updated.last_event = at;
    if (op == POp::answer) {
      updated.answer = std::string(text);
      updated.answered = at;
    }
    if (op == POp::decline) updated.reason = std::string(text);
    performed(ServiceCase::proposal, id.value(), actor, at, to_string(op), state, to_string(to),
              text,
              op == POp::answer && at.date() > p->due
                  ? "answered " + std::to_string(days_between(p->due, at.date())) +
                        " days after the due day " + p->due.to_string()
                  : std::string());
    *p = std::move(updated);
    return {};
  }

  std::string digest() const {
    std::string out;
    put_le(out, static_cast<std::int32_t>(policy.education_years));
    out.push_back(static_cast<char>(policy.young_priority ? 1 : 0));
    put_le(out, static_cast<std::int32_t>(policy.answer_due_days));
    out.push_back(static_cast<char>(policy.staff_roles));
    put_le(out, static_cast<std::uint64_t>(requests.size()));
    for (const ServiceRequest& r : requests) {
      put_le(out, r.id.value());
      put_le(out, r.spec.applicant.value());
      put_le(out, r.spec.association.value());
      out.push_back(static_cast<char>(r.spec.kind));
      put_string(out, r.spec.title);
      out.push_back(static_cast<char>(r.spec.patent_type ? 1 + int(*r.spec.patent_type) : 0));
      out.push_back(static_cast<char>(r.spec.target_title ? 1 + int(*r.spec.target_title) : 0));
      out.push_back(static_cast<char>(r.state));
      put_le(out, r.submitted.micros());
      put_le(out, r.last_event.micros());
      put_string(out, r.outside_body);
      put_string(out, r.reference);
      put_string(out, r.reason);
    }
    put_le(out, static_cast<std::uint64_t>(proposals.size()));
    for (const Proposal& p : proposals) {
      put_le(out, p.id.value());
      put_le(out, p.spec.proposer.value());
      put_le(out, p.spec.association.value());
      out.push_back(static_cast<char>(p.spec.kind));
      put_string(out, p.spec.title);
      put_string(out, p.spec.text);
      out.push_back(static_cast<char>(p.state));
      put_le(out, p.filed.micros());
      put_le(out, p.due.days());
      put_le(out, p.last_event.micros());
      out.push_back(static_cast<char>(p.answered ? 1 : 0));
      if (p.answered) put_le(out, p.answered->micros());
      put_string(out, p.answer);
      put_string(out, p.reason);
      out.push_back(static_cast<char>(p.entered ? 1 : 0));
      if (p.entered) {
        put_le(out, p.entered->campaign.value());
        put_le(out, p.entered->entry.value());
        put_string(out, p.entered->code);
      }
    }
    Sha256 h;
    h.update(std::string_view(out));
    return to_hex(h.finish());
  }

  static ServiceDeskImpl& of(ServiceDesk& d) noexcept { return *d.impl_; }
  static const ServiceDeskImpl& of(const ServiceDesk& d) noexcept { return *d.impl_; }
};

}  // namespace detail

ServiceDesk::ServiceDesk(const Registry& registry, ServicePolicy policy) {
  if (!policy.ok())
    throw std::invalid_argument(
        "ServicePolicy: education_years 0–50, answer_due_days 1–366 and some staff role");
  impl_ = std::make_unique<detail::ServiceDeskImpl>(registry, policy);
}
ServiceDesk::~ServiceDesk() = default;
ServiceDesk::ServiceDesk(ServiceDesk&&) noexcept = default;
ServiceDesk& ServiceDesk::operator=(ServiceDesk&&) noexcept = default;

const ServicePolicy& ServiceDesk::policy() const noexcept { return impl_->policy; }
const Registry& ServiceDesk::registry() const noexcept { return *impl_->registry; }

Result<ServiceRequestId> ServiceDesk::submit(const RequestSpec& spec, Timestamp at) {
  detail::ServiceDeskImpl& m = *impl_;
  if (Status st = check_text(spec.title, "request title"); !st) return st.error();
  auto refuse = [&](Refusal r) -> Result<ServiceRequestId> {
    return m.refuse(ServiceCase::request, 0, spec.applicant, at, to_string(ROp::submit), "",
                    std::move(r), "");
  };
  if (std::optional<Refusal> e = m.check_actor(spec.applicant, at)) return refuse(std::move(*e));
  if (std::optional<Refusal> e = m.check_request_spec(spec, at.date()))
    return refuse(std::move(*e));
  ServiceRequest r;
  r.id = ServiceRequestId{static_cast<ServiceRequestId::rep>(m.requests.size() + 1)};
  r.spec = spec;
  r.submitted = at;
  r.last_event = at;
  make_room(m.requests);
  make_room(m.trail);
  std::string message = std::string(to_string(spec.kind)) + ": " + spec.title;
  if (spec.patent_type) message += " (" + std::string(enum_name(*spec.patent_type)) + ")";
  if (spec.target_title) message += " (to " + std::string(to_string(*spec.target_title)) + ")";
  m.performed(ServiceCase::request, r.id.value(), spec.applicant, at, to_string(ROp::submit), "",
              to_string(RS::submitted), "", std::move(message));
  const ServiceRequestId id = r.id;
  m.requests.push_back(std::move(r));
  return id;
}

Status ServiceDesk::accept(ServiceRequestId id, PersonId staff, Timestamp at,
                           std::string_view reason) {
  return impl_->simple(id, staff, at, ROp::accept, reason);
}
Status ServiceDesk::decline(ServiceRequestId id, PersonId staff, Timestamp at,
                            std::string_view reason) {
  return impl_->simple(id, staff, at, ROp::decline, reason);
}
Status ServiceDesk::start(ServiceRequestId id, PersonId staff, Timestamp at,
                          std::string_view reason) {
  return impl_->simple(id, staff, at, ROp::start, reason);
}
Status ServiceDesk::not_grant(ServiceRequestId id, PersonId staff, Timestamp at,
                              std::string_view reason) {
  return impl_->simple(id, staff, at, ROp::not_grant, reason);
}
Status ServiceDesk::withdraw(ServiceRequestId id, PersonId actor, Timestamp at,
                             std::string_view reason) {
  return impl_->simple(id, actor, at, ROp::withdraw, reason);
}

Status ServiceDesk::forward(ServiceRequestId id, PersonId staff, Timestamp at,
                            std::string_view outside_body, std::string_view reference) {
  if (Status st = check_text(outside_body, "outside body"); !st) return st;
  if (Status st = check_text(reference, "reference"); !st) return st;
  std::string canonical(reference);
  return impl_->step(
      id, staff, at, ROp::forward, "",
      [&](const ServiceRequest& r, std::string& message) -> std::optional<Refusal> {
        if (outside_body.empty())
          return Refusal{Error(ErrorCode::invalid_argument,
                               "forwarding " + to_string(r.id) + " needs the outside body",
                               "service.outside_body", "A9")};
        if (r.spec.kind == ServiceKind::patent_application) {
          Result<PatentNumber> n = PatentNumber::parse(reference);
          if (!n) return Refusal{n.error()};
          if (n->type != *r.spec.patent_type)
            return Refusal{Error(ErrorCode::rule_violation,
                                 "application number " + n->to_string() + " is of a " +
                                     std::string(enum_name(n->type)) + " but " + to_string(r.id) +
                                     " asks for a " + std::string(enum_name(*r.spec.patent_type)),
                                 "service.patent_type", "A9")};
          canonical = n->to_string();
        }
        message = std::string(outside_body) + (canonical.empty() ? "" : " " + canonical);
        return std::nullopt;
      },
      [&](ServiceRequest& r) {
        r.outside_body = std::string(outside_body);
        r.reference = canonical;
      });
}

Status ServiceDesk::grant(ServiceRequestId id, PersonId staff, Timestamp at,
                          std::string_view reference) {
  if (Status st = check_text(reference, "reference"); !st) return st;
  std::string kept(reference);
  return impl_->step(
      id, staff, at, ROp::grant, "",
      [&](const ServiceRequest& r, std::string& message) -> std::optional<Refusal> {
        switch (r.spec.kind) {
          case ServiceKind::title_evaluation:
            if (reference.empty())
              return Refusal{Error(
                  ErrorCode::invalid_argument,
                  "granting the title of " + to_string(r.id) + " needs the certificate number",
                  "service.certificate", "A9")};
            break;
          case ServiceKind::patent_application:
            if (reference.empty()) {
              kept = r.reference;
            } else {
              Result<PatentNumber> n = PatentNumber::parse(reference);
              if (!n) return Refusal{n.error()};
              if (n->to_string() != r.reference)
                return Refusal{Error(ErrorCode::rule_violation,
                                     "patent " + n->to_string() + " is not the application " +
                                         r.reference + " that " + to_string(r.id) +
                                         " was forwarded with",
                                     "service.patent_type", "A9")};
              kept = n->to_string();
            }
            break;
          case ServiceKind::project_application:
            if (reference.empty()) kept = r.reference;
            break;
        }
        message = kept;
        return std::nullopt;
      },
      [&](ServiceRequest& r) { r.reference = kept; });
}

Status ServiceDesk::apply(ServiceRequestId id, PersonId actor, Timestamp at, RequestOperation op,
                          std::string_view text) {
  switch (op) {
    case ROp::submit:
      break;
    case ROp::forward:
      return forward(id, actor, at, text, "");
    case ROp::grant:
      return grant(id, actor, at, text);
    case ROp::accept:
    case ROp::decline:
    case ROp::start:
    case ROp::not_grant:
    case ROp::withdraw:
      return impl_->simple(id, actor, at, op, text);
  }
  return Error(ErrorCode::invalid_argument,
               "apply() takes the transitions of a request; submit() creates one");
}

const ServiceRequest* ServiceDesk::request(ServiceRequestId id) const noexcept {
  return id.ok() && id.value() <= impl_->requests.size() ? &impl_->requests[id.value() - 1]
                                                         : nullptr;
}
std::size_t ServiceDesk::request_count() const noexcept { return impl_->requests.size(); }

std::vector<QueuePlace> ServiceDesk::queue(OrgId association, Date as_of) const {
  const detail::ServiceDeskImpl& m = *impl_;
  const int line = m.registry->policy().young_age_max;
  struct Row {
    const ServiceRequest* r;
    bool young;
    int age;
  };
  std::vector<Row> rows;
  for (const ServiceRequest& r : m.requests) {
    if (r.state != RS::submitted && r.state != RS::accepted && r.state != RS::in_progress) continue;
    if (r.submitted.date() > as_of || !m.registry->within(r.spec.association, association, as_of))
      continue;
    Result<Person> p = m.registry->person(r.spec.applicant);
    const int age = p ? age_on(p->birth, as_of) : 0;
    rows.push_back({&r, age <= line, age});
  }
  const bool priority = m.policy.young_priority;
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    if (priority && a.young != b.young) return a.young;
    if (a.r->submitted != b.r->submitted) return a.r->submitted < b.r->submitted;
    return a.r->id < b.r->id;
  });
  std::vector<QueuePlace> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    QueuePlace q;
    q.position = i + 1;
    q.request = rows[i].r->id;
    q.young = rows[i].young;
    q.age = rows[i].age;
    const std::string age = "age " + std::to_string(q.age) + (q.young ? " ≤ " : " > ") +
                            std::to_string(line) + " on " + as_of.to_string();
    if (priority)
      q.explanation = q.young ? "young S&T worker (" + age + "): priority (A9); then "
                              : "not a young S&T worker (" + age + "): after the young; then ";
    else
      q.explanation = "no young-worker priority (" + age + "); ";
    q.explanation += "submitted " + rows[i].r->submitted.to_string();
    out.push_back(std::move(q));
  }
  return out;
}

// ---- proposals ----

Result<ProposalId> ServiceDesk::file(const ProposalSpec& spec, Timestamp at) {
  detail::ServiceDeskImpl& m = *impl_;
  if (Status st = check_text(spec.title, "proposal title"); !st) return st.error();
  if (Status st = check_text(spec.text, "proposal text", TextRule::multiline); !st)
    return st.error();
  auto refuse = [&](Refusal r) -> Result<ProposalId> {
    return m.refuse(ServiceCase::proposal, 0, spec.proposer, at, to_string(POp::file), "",
                    std::move(r), "");
  };
  if (std::optional<Refusal> e = m.check_actor(spec.proposer, at)) return refuse(std::move(*e));
  if (static_cast<std::size_t>(spec.kind) >= enum_count<ProposalKind> || spec.title.empty() ||
      spec.text.empty())
    return refuse(
        Refusal{Error(ErrorCode::invalid_argument, "a proposal needs a kind, a title and a text",
                      "proposal.spec", "A8")});
  const Date day = at.date();
  if (std::optional<Refusal> e = m.check_association(spec.association, day))
    return refuse(std::move(*e));
  if (!is_member(*m.registry, spec.proposer, spec.association, day))
    return refuse(Refusal{Error(ErrorCode::rule_violation,
                                to_string(spec.proposer) + " is not a member of " +
                                    to_string(spec.association) + " on " + day.to_string() +
                                    "; only its members file proposals with it",
                                "proposal.member", "A8")});
  Proposal p;
  p.id = ProposalId{static_cast<ProposalId::rep>(m.proposals.size() + 1)};
  p.spec = spec;
  p.filed = at;
  p.last_event = at;
  p.due = day.add_days(m.policy.answer_due_days);
  make_room(m.proposals);
  make_room(m.trail);
  m.performed(
      ServiceCase::proposal, p.id.value(), spec.proposer, at, to_string(POp::file), "",
      to_string(PS::filed), "",
      std::string(to_string(spec.kind)) + ": " + spec.title + "; answer due " + p.due.to_string());
  const ProposalId id = p.id;
  m.proposals.push_back(std::move(p));
  return id;
}

Status ServiceDesk::acknowledge(ProposalId id, PersonId staff, Timestamp at) {
  return impl_->proposal_step(id, staff, at, POp::acknowledge, "");
}
Status ServiceDesk::answer(ProposalId id, PersonId staff, Timestamp at, std::string_view answer) {
  return impl_->proposal_step(id, staff, at, POp::answer, answer);
}
Status ServiceDesk::adopt(ProposalId id, PersonId staff, Timestamp at, std::string_view reason) {
  return impl_->proposal_step(id, staff, at, POp::adopt, reason);
}
Status ServiceDesk::decline(ProposalId id, PersonId staff, Timestamp at, std::string_view reason) {
  return impl_->proposal_step(id, staff, at, POp::decline, reason);
}

Result<EntryId> ServiceDesk::enter_campaign(ProposalId id, Campaign& campaign, PersonId staff,
                                            Timestamp at, EntrySpec spec) {
  detail::ServiceDeskImpl& m = *impl_;
  const POp op = POp::enter_campaign;
  Proposal* p = m.get(id);
  const std::string_view state = p ? to_string(p->state) : std::string_view{};
  auto refuse = [&](Refusal r) -> Result<EntryId> {
    return m.refuse(ServiceCase::proposal, id.value(), staff, at, to_string(op), state,
                    std::move(r), "");
  };
  if (std::optional<Refusal> e = m.check_actor(staff, at)) return refuse(std::move(*e));
  if (!p)
    return refuse(Refusal{Error(ErrorCode::not_found, "no " + to_string(id), "proposal.proposal")});
  if (std::optional<Refusal> e = m.check_proposal_step(*p, staff, at, op, ""))
    return refuse(std::move(*e));
  if (!campaign.bound())
    return refuse(Refusal{Error(ErrorCode::rule_violation,
                                "the campaign is not bound to a 讲比 activity; a proposal is "
                                "entered only into a real campaign, which it names",
                                "proposal.campaign_bound", "A12")});
  spec.category = Category::rationalization_proposals;
  if (spec.code.empty()) spec.code = "合理化建议-" + to_string(p->id);
  if (spec.title.empty()) spec.title = p->spec.title;
  if (!spec.unit.ok()) spec.unit = p->spec.association;
  if (spec.team.empty()) spec.team.push_back(TeamShare{p->spec.proposer, Decimal(1)});
  const std::string code = spec.code;
  make_room(m.trail);
  Result<EntryId> entry = campaign.add_entry(std::move(spec), at.date());
  if (!entry) return refuse(Refusal{entry.error()});
  CampaignEntryRef ref{campaign.activity(), *entry, code};
  Proposal updated = *p;
  updated.last_event = at;
  updated.entered = ref;
  m.performed(ServiceCase::proposal, id.value(), staff, at, to_string(op), state, state, "",
              "entered as " + code + " (" + to_string(*entry) + ") in the campaign of " +
                  to_string(ref.campaign));
  *p = std::move(updated);
  return *entry;
}

const Proposal* ServiceDesk::proposal(ProposalId id) const noexcept {
  return id.ok() && id.value() <= impl_->proposals.size() ? &impl_->proposals[id.value() - 1]
                                                          : nullptr;
}
std::size_t ServiceDesk::proposal_count() const noexcept { return impl_->proposals.size(); }

std::vector<OverdueAnswer> ServiceDesk::overdue_answers(OrgId association, Date as_of) const {
  std::vector<OverdueAnswer> out;
  for (const Proposal& p : impl_->proposals) {
    if (p.state != PS::filed && p.state != PS::acknowledged) continue;
    if (!(p.due < as_of) || !impl_->registry->within(p.spec.association, association, as_of))
      continue;
    out.push_back({p.id, p.state, p.due, days_between(p.due, as_of)});
  }
  std::stable_sort(out.begin(), out.end(), [](const OverdueAnswer& a, const OverdueAnswer& b) {
    return a.days_overdue > b.days_overdue;
  });
  return out;
}

std::span<const ServiceRecord> ServiceDesk::audit_trail() const noexcept { return impl_->trail; }
ChainHead ServiceDesk::chain_head() const noexcept { return kexie::chain_head(impl_->trail); }
AuditVerification ServiceDesk::verify_audit() const {
  return kexie::verify_audit(impl_->trail, chain_head());
}
std::string ServiceDesk::digest() const { return impl_->digest(); }

}  // namespace v1
}  // namespace kexie

// ---- the seam to the snapshot layer (service_desk_state.hpp) ------------------------------------

namespace kexie {
inline namespace v1 {
namespace detail {

std::optional<std::string> restore(ServiceDesk& desk, std::vector<ServiceRequest> requests,
                                   std::vector<Proposal> proposals,
                                   std::vector<ServiceRecord> trail) {
  if (AuditVerification v = kexie::verify_audit(trail); !v.ok()) return v.message;
  // Replay every performed record: each case starts with its submission or filing
  // and follows its table; its final state and last step must be the saved ones.
  std::vector<std::string> req_state(requests.size()), prop_state(proposals.size());
  std::vector<Timestamp> req_last(requests.size()), prop_last(proposals.size());
  std::vector<bool> req_seen(requests.size()), prop_seen(proposals.size());
  std::vector<int> entered(proposals.size(), 0);  // enter_campaign records per proposal
  for (std::size_t pos = 0; pos < trail.size(); ++pos) {
    const ServiceRecord& r = trail[pos];
    if (!r.accepted()) continue;
    const std::string where = "audit record " + std::to_string(pos);
    const bool request = r.subject == ServiceCase::request;
    const std::size_t n = request ? requests.size() : proposals.size();
    if (r.number == 0 || r.number > n) return where + " names an unknown case";
    const std::size_t i = r.number - 1;
    std::vector<bool>& seen = request ? req_seen : prop_seen;
    std::string& state = request ? req_state[i] : prop_state[i];
    Timestamp& last = request ? req_last[i] : prop_last[i];
    const bool creates =
        request ? r.operation == to_string(ROp::submit) : r.operation == to_string(POp::file);
    if (creates != !seen[i] || r.from != state || (seen[i] && r.at < last))
      return where + " does not follow from the one before";
    if (!creates) {
      bool legal = false;
      if (request) {
        auto op = enum_from_string<ROp>(r.operation);
        auto from = enum_from_string<RS>(r.from);
        auto next = op && from ? next_state(*from, *op) : std::nullopt;
        legal = next && to_string(*next) == r.to;
      } else {
        auto op = enum_from_string<POp>(r.operation);
        auto from = enum_from_string<PS>(r.from);
        auto next = op && from ? next_state(*from, *op) : std::nullopt;
        legal = next && to_string(*next) == r.to;
      }
      if (!legal) return where + " is not a step of the table";
    } else if (r.to != (request ? to_string(RS::submitted) : to_string(PS::filed))) {
      return where + " creates a case in another state";
    }
    if (!request && r.operation == to_string(POp::enter_campaign)) ++entered[i];
    seen[i] = true;
    state = r.to;
    last = r.at;
  }
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const ServiceRequest& q = requests[i];
    const std::string where = "request #" + std::to_string(i + 1);
    if (q.id.value() != i + 1) return where + " carries id " + to_string(q.id);
    if (!req_seen[i] || req_state[i] != to_string(q.state) || req_last[i] != q.last_event)
      return where + ": its state or last step disagrees with the audit trail";
  }
  for (std::size_t i = 0; i < proposals.size(); ++i) {
    const Proposal& p = proposals[i];
    const std::string where = "proposal #" + std::to_string(i + 1);
    if (p.id.value() != i + 1) return where + " carries id " + to_string(p.id);
    if (!prop_seen[i] || prop_state[i] != to_string(p.state) || prop_last[i] != p.last_event)
      return where + ": its state or last step disagrees with the audit trail";
    // A campaign entry is made once, and only with its record in the trail.
    if (entered[i] != (p.entered ? 1 : 0))
      return where + ": its campaign entry disagrees with the audit trail";
  }
  ServiceDeskImpl& m = ServiceDeskImpl::of(desk);
  m.requests = std::move(requests);
  m.proposals = std::move(proposals);
  m.trail = std::move(trail);
  return std::nullopt;
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie
