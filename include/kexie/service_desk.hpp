// The service desk (服务窗口) of the association system: what associations do for
// each S&T worker (DOMAIN.md §7, A8–A9). It keeps service requests (科技立项,
// 专利申请, 专业技术职务评定) and proposals (建议、意见、诉求), applies their rules,
// orders the request queue (young S&T workers first when the rule is on), reports
// overdue answers, turns an adopted rationalization proposal into a 讲比 entry,
// and records every step, performed or refused, in a hash-chained trail
// (service_record.hpp, the chain of audit.hpp).
//
// Who acts is derived from the registry, never asserted: the member who asks is a
// member of the association on the day; staff are people whose memberships or
// appointments (`actor_as_of`, actor.hpp) give them a staff role at the
// association or at an association above it on the day of the step.
//
// A refused step appends its refusal to the trail (as the activity book does) and
// changes no request, no proposal and no campaign: `digest()`, which covers the
// requests and proposals (not the trail), is unchanged.
#ifndef KEXIE_SERVICE_DESK_HPP
#define KEXIE_SERVICE_DESK_HPP

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kexie/audit.hpp"
#include "kexie/date.hpp"
#include "kexie/entry.hpp"
#include "kexie/export.hpp"
#include "kexie/ids.hpp"
#include "kexie/membership.hpp"
#include "kexie/proposal.hpp"
#include "kexie/result.hpp"
#include "kexie/service_record.hpp"
#include "kexie/service_request.hpp"

namespace kexie {
inline namespace v1 {

class Registry;
class Campaign;

namespace detail {
struct ServiceDeskImpl;
}  // namespace detail

/// The choices the policy text leaves open for the desk. Each field is a
/// **default** of DOMAIN.md §7, configurable.
///
///   kexie::ServicePolicy p;
///   p.education_years = 5;        // a province that looks back five years
///   p.young_priority = false;     // strict order of submission
///   assert(p.ok());
struct ServicePolicy {
  /// A title evaluation needs compliant continuing education (A5) in each of the
  /// this many calendar years before the year of the request. **default** 3; 0
  /// switches the rule off.
  int education_years = 3;
  /// Young S&T workers (A9: 特别是青年科技工作者) go first in the request queue: the
  /// age line is the registry's `Policy::young_age_max`. **default** true.
  bool young_priority = true;
  /// An answer to a proposal is due this many days after filing (A8). **default** 30.
  int answer_due_days = 30;
  /// The roles that make a person staff of an association (at it or above it).
  /// **default** chair, vice-chair, secretary-general, full-time and part-time staff
  /// (officers appointed at a local association count by their lifecycle role).
  RoleSet staff_roles = static_cast<RoleSet>(
      role_bit(Role::chair) | role_bit(Role::vice_chair) | role_bit(Role::secretary_general) |
      role_bit(Role::full_time_staff) | role_bit(Role::part_time_staff));

  /// True when the numbers are usable: 0–50 years, 1–366 days, some staff role.
  /// \return true when `education_years` is 0–50, `answer_due_days` 1–366 and `staff_roles` names
  /// at least one role.
  ///
  ///   assert(kexie::ServicePolicy{}.ok());
  [[nodiscard]] constexpr bool ok() const noexcept {
    return education_years >= 0 && education_years <= 50 && answer_due_days >= 1 &&
           answer_due_days <= 366 && staff_roles != 0;
  }
  /// Equal when every field is equal.
  friend constexpr bool operator==(const ServicePolicy&, const ServicePolicy&) noexcept = default;
};

/// One place in the request queue, with the reason for it.
///
///   for (const kexie::QueuePlace& q : desk.queue(ent, today))
///     std::cout << q.position << ' ' << q.request << ": " << q.explanation << '\n';
struct QueuePlace {
  /// 1 for the first request to handle.
  std::size_t position = 0;
  /// The request.
  ServiceRequestId request;
  /// The applicant is a young S&T worker on the queue's date.
  bool young = false;
  /// The applicant's age on the queue's date.
  int age = 0;
  /// Why it is in this place, in words.
  std::string explanation;
  /// Equal when every field is equal.
  friend bool operator==(const QueuePlace&, const QueuePlace&) = default;
};

/// A proposal whose answer is overdue.
///
///   for (const kexie::OverdueAnswer& o : desk.overdue_answers(ent, today))
///     std::cout << o.proposal << " is " << o.days_overdue << " days late\n";
struct OverdueAnswer {
  /// The proposal.
  ProposalId proposal;
  /// Where it stands (filed or acknowledged).
  ProposalState state = ProposalState::filed;
  /// The last day the answer was due.
  Date due;
  /// Days past `due` on the report's date (at least 1).
  int days_overdue = 0;
  /// Equal when every field is equal.
  friend bool operator==(const OverdueAnswer&, const OverdueAnswer&) = default;
};

/// Service requests and proposals of the associations of one registry, with their
/// trail. Reads the registry it was made with (which must outlive it). Movable,
/// not copyable. Not thread-safe for writes; concurrent const calls are safe.
///
///   kexie::ServiceDesk desk(registry);
///   auto r = desk.submit({.applicant = li, .association = ent,
///                         .kind = kexie::ServiceKind::patent_application,
///                         .title = "一种烧结余热回收装置",
///                         .patent_type = kexie::PatentType::utility_model}, at).value();
///   desk.accept(r, secretary, at2).value();
///   desk.start(r, secretary, at3).value();
///   desk.forward(r, secretary, at4, "国家知识产权局", "201620056200.3").value();
///   assert(desk.verify_audit().ok());
class KEXIE_API ServiceDesk {
 public:
  /// A desk over `registry` applying `policy`. Throws std::invalid_argument when
  /// `!policy.ok()` (a programmer error).
  /// \param registry the registry the desk reads (people, memberships, appointments, policy); not
  /// copied: it must outlive the desk, and may change between calls.
  /// \param policy the desk's choices (education window, young priority, answer due days, staff
  /// roles), copied.
  explicit ServiceDesk(const Registry& registry, ServicePolicy policy = {});
  ~ServiceDesk();
  /// Moves the whole state.
  ServiceDesk(ServiceDesk&&) noexcept;
  /// Moves the whole state.
  /// \return `*this`.
  ServiceDesk& operator=(ServiceDesk&&) noexcept;
  /// Not copyable: a desk owns its trail.
  ServiceDesk(const ServiceDesk&) = delete;
  /// Not copyable: a desk owns its trail.
  ServiceDesk& operator=(const ServiceDesk&) = delete;

  /// The policy it applies.
  /// \return the policy given to the constructor; valid as long as the desk.
  ///
  ///   int years = desk.policy().education_years;   // 3 by default
  [[nodiscard]] const ServicePolicy& policy() const noexcept;
  /// The registry it reads.
  /// \return the registry given to the constructor.
  [[nodiscard]] const Registry& registry() const noexcept;

  // --- service requests (A9) -------------------------------------------------

  /// The applicant asks their association (the actor is `spec.applicant`).
  /// Refusals: `invalid_argument` `service.spec` (A9: an empty title; a patent
  /// application without a patent type, a title evaluation without a target title,
  /// either given for another kind), `service.actor` (no applicant, an unknown
  /// person), `service.time_order` (an unsupported time); `not_found`
  /// `service.association` (the association is not in effect that day);
  /// `rule_violation` `service.member` (A9: not a member of the association that
  /// day), `service.next_title` (A9: a title evaluation for anything but the level
  /// right above the applicant's title), `service.continuing_education` (A5: a year
  /// of the policy's window without compliant continuing education, each such year
  /// named with its hours).
  /// \param spec the applicant, the association asked, the kind of service, the title and the
  /// kind's details (patent type, target title).
  /// \param at when it is submitted (UTC); the day of `at` is the day membership and education are
  /// checked on.
  /// \return the new request's id (state `submitted`), or the refusal above (the refusal is
  /// recorded in the trail; no request is created).
  ///
  ///   auto r = desk.submit(spec, kexie::Timestamp::parse("2026-03-02T09:00:00Z").value());
  ///   if (!r) std::cout << r.error().rule();   // e.g. "service.next_title"
  [[nodiscard]] Result<ServiceRequestId> submit(const RequestSpec& spec, Timestamp at);

  /// Accepts a submitted request (staff). Refusals shared by every step below:
  /// `not_found` `service.request`; `rule_violation` `service.time_order` (earlier
  /// than the request's last step); `illegal_transition` `service.state` (A9: the
  /// table does not allow the step now); `permission_denied` `service.permission`
  /// (A9: the person holds no staff role at the association or above it that day;
  /// for `withdraw`, is neither staff nor the applicant); `conflict_of_interest`
  /// `service.self_handling` (A9: staff handling their own request);
  /// `invalid_argument` `service.reason_required` (A9: decline, not_grant and
  /// withdraw need a reason).
  /// \param id the request.
  /// \param staff the person who acts; their staff role is derived from the registry on the day of
  /// `at`.
  /// \param at when the step happens; not earlier than the request's last step.
  /// \param reason an optional note recorded with the step.
  /// \return success (the request's state changes and the trail grows), or a refusal above.
  ///
  ///   desk.accept(r, secretary, at).value();
  [[nodiscard]] Status accept(ServiceRequestId id, PersonId staff, Timestamp at,
                              std::string_view reason = {});
  /// Declines a submitted request with a reason (staff).
  /// \param id the request.
  /// \param staff the person who acts (staff of the association or above it).
  /// \param at when the step happens.
  /// \param reason why it is declined (required: `service.reason_required`).
  /// \return success, or a refusal listed at `accept`.
  ///
  ///   desk.decline(r, secretary, at, "不属于本会服务范围").value();
  [[nodiscard]] Status decline(ServiceRequestId id, PersonId staff, Timestamp at,
                               std::string_view reason);
  /// Starts work on an accepted request (staff).
  /// \param id the request.
  /// \param staff the person who acts (staff of the association or above it).
  /// \param at when the step happens.
  /// \param reason an optional note recorded with the step.
  /// \return success, or a refusal listed at `accept`.
  ///
  ///   desk.start(r, secretary, at).value();
  [[nodiscard]] Status start(ServiceRequestId id, PersonId staff, Timestamp at,
                             std::string_view reason = {});
  /// Forwards the request to `outside_body` (staff). For a patent application the
  /// `reference` is the CNIPA application number, checked (`invalid_argument`
  /// `patent.number`, A9) and of the request's patent type (`rule_violation`
  /// `service.patent_type`, A9); otherwise it may be empty. `invalid_argument`
  /// `service.outside_body` (A9) for an empty outside body.
  /// \param id the request.
  /// \param staff the person who acts (staff of the association or above it).
  /// \param at when the step happens.
  /// \param outside_body the body that decides (e.g. 国家知识产权局), non-empty.
  /// \param reference the outside body's number for the case: the patent application number for a
  /// patent application, else optional.
  /// \return success, or a refusal above or listed at `accept`.
  ///
  ///   desk.forward(r, secretary, at, "国家知识产权局", "201710601862.3").value();
  [[nodiscard]] Status forward(ServiceRequestId id, PersonId staff, Timestamp at,
                               std::string_view outside_body, std::string_view reference);
  /// Records that the outside body granted it (staff). A title evaluation needs the
  /// certificate number as `reference` (`invalid_argument` `service.certificate`,
  /// A9); a project may give its project number; a patent keeps its application
  /// number when `reference` is empty, or a number given must be that application
  /// number (with a "ZL" prefix or not; `rule_violation` `service.patent_type`).
  /// \param id the request.
  /// \param staff the person who acts (staff of the association or above it).
  /// \param at when the step happens.
  /// \param reference the certificate, project or patent number, as described above.
  /// \return success, or a refusal above or listed at `accept`.
  ///
  ///   desk.grant(r, secretary, at, "").value();
  [[nodiscard]] Status grant(ServiceRequestId id, PersonId staff, Timestamp at,
                             std::string_view reference);
  /// Records that the outside body did not grant it, with the reason (staff).
  /// \param id the request.
  /// \param staff the person who acts (staff of the association or above it).
  /// \param at when the step happens.
  /// \param reason the outside body's reason (required).
  /// \return success, or a refusal listed at `accept`.
  ///
  ///   desk.not_grant(r, secretary, at, "驳回：缺乏创造性").value();
  [[nodiscard]] Status not_grant(ServiceRequestId id, PersonId staff, Timestamp at,
                                 std::string_view reason);
  /// Withdraws the request, with a reason (the applicant, or staff).
  /// \param id the request.
  /// \param actor the applicant, or staff of the association or above it.
  /// \param at when the step happens.
  /// \param reason why it is withdrawn (required).
  /// \return success, or a refusal listed at `accept`.
  ///
  ///   desk.withdraw(r, li, at, "转由研究院申报").value();
  [[nodiscard]] Status withdraw(ServiceRequestId id, PersonId actor, Timestamp at,
                                std::string_view reason);
  /// Any transition by its operation, with `text` as the reason — or, for
  /// `forward`, the outside body (and no reference), for `grant` the reference.
  /// `invalid_argument` for `submit`.
  /// \param id the request.
  /// \param actor the person who acts.
  /// \param at when the step happens.
  /// \param op the step (any but `submit`).
  /// \param text the reason, the outside body or the reference, by `op` as described above.
  /// \return what the named step returns.
  ///
  ///   desk.apply(r, staff, at, kexie::RequestOperation::start, "").value();
  [[nodiscard]] Status apply(ServiceRequestId id, PersonId actor, Timestamp at, RequestOperation op,
                             std::string_view text);

  /// The request, or null for an unknown id. Valid until the next non-const call.
  /// \param id the request's id.
  /// \return a pointer into the desk (not owned by the caller), or null.
  ///
  ///   if (const kexie::ServiceRequest* r = desk.request(id)) std::cout << r->state;
  [[nodiscard]] const ServiceRequest* request(ServiceRequestId id) const noexcept;
  /// Number of requests.
  /// \return the number of requests created; ids run from 1 to this number.
  [[nodiscard]] std::size_t request_count() const noexcept;

  /// The open requests (submitted, accepted, in progress) of `association` and the
  /// organizations under it on `as_of`, in the order to handle them: with
  /// `young_priority`, young applicants (age on `as_of` ≤ the registry's
  /// `young_age_max`) before the others; then by submission time, then by id.
  /// Each place explains itself.
  /// \param association the association whose subtree's open requests are queued.
  /// \param as_of the day the queue (and the applicants' ages) is taken on.
  /// \return the places, first to handle first; empty when there is nothing open or the association
  /// is unknown.
  ///
  ///   auto q = desk.queue(ent, "2026-03-10"_date);
  ///   // q[0].explanation: "young S&T worker (age 29 ≤ 35 on 2026-03-10): priority (A9); …"
  [[nodiscard]] std::vector<QueuePlace> queue(OrgId association, Date as_of) const;

  // --- proposals (A8) ------------------------------------------------------------

  /// The proposer files a proposal (the actor is `spec.proposer`); its answer is
  /// due `policy().answer_due_days` after the filing day. Refusals:
  /// `invalid_argument` `proposal.spec` (A8: an empty title or text),
  /// `service.actor`, `service.time_order`; `not_found` `service.association`;
  /// `rule_violation` `proposal.member` (A8: not a member of the association).
  /// \param spec the proposer, the association, the kind (e.g. rationalization proposal), the title
  /// and the text.
  /// \param at when it is filed; the answer is due counting from its day.
  /// \return the new proposal's id (state `filed`), or the refusal above (recorded in the trail).
  ///
  ///   kexie::ProposalId p = desk.file(spec, at).value();
  [[nodiscard]] Result<ProposalId> file(const ProposalSpec& spec, Timestamp at);
  /// Acknowledges receipt (staff). Refusals as for requests, with the rules
  /// `proposal.proposal` (not_found), `service.time_order`, `proposal.state`
  /// (illegal_transition, A8), `proposal.permission` (permission_denied, A8),
  /// `proposal.self_handling` (conflict_of_interest, A8), `proposal.reason_required`
  /// (invalid_argument, A8: the answer and a decline need text).
  /// \param id the proposal.
  /// \param staff the person who acts (staff of the association or above it).
  /// \param at when the step happens.
  /// \return success, or a refusal above.
  ///
  ///   desk.acknowledge(p, secretary, at).value();
  [[nodiscard]] Status acknowledge(ProposalId id, PersonId staff, Timestamp at);
  /// Answers it (staff), with the answer's text.
  /// \param id the proposal.
  /// \param staff the person who acts (staff of the association or above it).
  /// \param at when the step happens.
  /// \param answer the answer given to the proposer (required).
  /// \return success, or a refusal listed at `acknowledge`.
  ///
  ///   desk.answer(p, secretary, at, "已转生产部研究，拟于三季度试行").value();
  [[nodiscard]] Status answer(ProposalId id, PersonId staff, Timestamp at, std::string_view answer);
  /// Adopts an answered proposal (staff).
  /// \param id the proposal.
  /// \param staff the person who acts (staff of the association or above it).
  /// \param at when the step happens.
  /// \param reason an optional note recorded with the step.
  /// \return success, or a refusal listed at `acknowledge`.
  ///
  ///   desk.adopt(p, secretary, at).value();
  [[nodiscard]] Status adopt(ProposalId id, PersonId staff, Timestamp at,
                             std::string_view reason = {});
  /// Declines an answered proposal with a reason (staff).
  /// \param id the proposal.
  /// \param staff the person who acts (staff of the association or above it).
  /// \param at when the step happens.
  /// \param reason why it is declined (required).
  /// \return success, or a refusal listed at `acknowledge`.
  ///
  ///   desk.decline(p, secretary, at, "投入产出不合算").value();
  [[nodiscard]] Status decline(ProposalId id, PersonId staff, Timestamp at,
                               std::string_view reason);
  /// Enters an adopted rationalization proposal into the 讲比 campaign `campaign`
  /// as an entry of the 合理化建议 category (staff of the proposal's association),
  /// carrying its provenance: the desk records the campaign's activity, the entry
  /// and its code on the proposal, and the trail records the step. `spec` gives
  /// what the proposal does not know (claims, focus, in-use date); the desk sets the
  /// category, and fills an empty code ("合理化建议-proposal:N"), title (the
  /// proposal's), unit (the proposal's association) and team (the proposer alone).
  /// Refusals (campaign and desk unchanged): those of `acknowledge`;
  /// `rule_violation` `proposal.entry_kind` (A10: not a rationalization proposal),
  /// `proposal.state` (illegal_transition, A8: not adopted), `proposal.campaign_bound`
  /// (A12: the campaign is not bound to a 讲比 activity); `already_exists`
  /// `proposal.entered` (A10: entered before, into this or another campaign); and
  /// the campaign's own refusal of the entry (`Campaign::add_entry`, e.g.
  /// `campaign.entry_phase`), submitted on the day of `at`.
  /// \param id the adopted rationalization proposal.
  /// \param campaign the 讲比 campaign that receives the entry (changed only on success).
  /// \param staff the person who acts (staff of the proposal's association).
  /// \param at when the step happens; the entry is submitted on its day.
  /// \param spec the entry's details the proposal does not carry; empty fields are filled as above.
  /// \return the new entry's id in `campaign`, or a refusal above.
  ///
  ///   kexie::EntryId e = desk.enter_campaign(p, campaign, secretary, at, {}).value();
  [[nodiscard]] Result<EntryId> enter_campaign(ProposalId id, Campaign& campaign, PersonId staff,
                                               Timestamp at, EntrySpec spec);

  /// The proposal, or null for an unknown id. Valid until the next non-const call.
  /// \param id the proposal's id.
  /// \return a pointer into the desk (not owned by the caller), or null.
  ///
  ///   if (const kexie::Proposal* p = desk.proposal(id)) std::cout << p->state;
  [[nodiscard]] const Proposal* proposal(ProposalId id) const noexcept;
  /// Number of proposals.
  /// \return the number of proposals filed; ids run from 1 to this number.
  [[nodiscard]] std::size_t proposal_count() const noexcept;
  /// The proposals of `association` and the organizations under it on `as_of` that
  /// are not answered yet although their due day is before `as_of`, most overdue
  /// first (then by id).
  /// \param association the association whose subtree's proposals are checked.
  /// \param as_of the day of the report.
  /// \return the overdue proposals with their due day and days overdue; empty when none.
  ///
  ///   for (const kexie::OverdueAnswer& o : desk.overdue_answers(ent, today)) remind(o);
  [[nodiscard]] std::vector<OverdueAnswer> overdue_answers(OrgId association, Date as_of) const;

  // --- the trail and the state ---------------------------------------------------------

  /// The trail, oldest first. Valid until the next non-const call.
  /// \return every step, performed or refused, as a view into the desk.
  ///
  ///   for (const kexie::ServiceRecord& r : desk.audit_trail()) std::cout << r << '\n';
  [[nodiscard]] std::span<const ServiceRecord> audit_trail() const noexcept;
  /// The head of the trail, to keep elsewhere.
  /// \return the count of records and the hash of the last one.
  ///
  ///   store(desk.chain_head().to_string());
  [[nodiscard]] ChainHead chain_head() const noexcept;
  /// `kexie::verify_audit(audit_trail(), chain_head())`.
  /// \return the verification; `ok()` when the trail is intact, else the first broken record.
  ///
  ///   assert(desk.verify_audit().ok());
  [[nodiscard]] AuditVerification verify_audit() const;
  /// Hex SHA-256 of every request and proposal and the policy (not the trail):
  /// equal digests mean equal desks. A refused step leaves it unchanged.
  /// \return 64 lower-case hex digits.
  ///
  ///   std::string before = desk.digest();
  ///   (void)desk.grant(r, secretary, at, "");   // refused: not forwarded yet
  ///   assert(desk.digest() == before);
  [[nodiscard]] std::string digest() const;

 private:
  std::unique_ptr<detail::ServiceDeskImpl> impl_;
  friend detail::ServiceDeskImpl;
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SERVICE_DESK_HPP
