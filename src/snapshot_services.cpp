// A service desk's part of a snapshot (format 3): its policy, its service
// requests and proposals, and its whole trail record by record with both
// hashes. A load checks every enumerator, then hands the data to the desk
// (service_desk_state.hpp), which accepts it only if the trail verifies and
// every request and proposal is what its performed records replay to.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "service_desk_state.hpp"
#include "snapshot_archive.hpp"
#include "snapshot_contents.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

namespace {

void put_request(Writer& w, const ServiceRequest& q) {
  w.put(q.spec.applicant.value());
  w.put(q.spec.association.value());
  w.put(q.spec.kind);
  w.put(q.spec.title);
  w.put(q.spec.patent_type.has_value());
  if (q.spec.patent_type) w.put(*q.spec.patent_type);
  w.put(q.spec.target_title.has_value());
  if (q.spec.target_title) w.put(*q.spec.target_title);
  w.put(q.state);
  w.put(q.submitted);
  w.put(q.last_event);
  w.put(q.outside_body);
  w.put(q.reference);
  w.put(q.reason);
}

ServiceRequest get_request(Reader& r, std::size_t index) {
  ServiceRequest q;
  q.id = ServiceRequestId{static_cast<ServiceRequestId::rep>(index + 1)};
  q.spec.applicant = PersonId{r.get<std::uint32_t>()};
  q.spec.association = OrgId{r.get<std::uint32_t>()};
  q.spec.kind = r.get_enum<ServiceKind>("service kind");
  q.spec.title = r.str("request title");
  if (r.flag("patent type present")) q.spec.patent_type = r.get_enum<PatentType>("patent type");
  if (r.flag("target title present")) q.spec.target_title = r.get_enum<Title>("target title");
  q.state = r.get_enum<RequestState>("request state");
  q.submitted = r.timestamp("submission time");
  q.last_event = r.timestamp("last step");
  q.outside_body = r.str("outside body");
  q.reference = r.str("outside reference");
  q.reason = r.str("request reason");
  return q;
}

void put_proposal(Writer& w, const Proposal& p) {
  w.put(p.spec.proposer.value());
  w.put(p.spec.association.value());
  w.put(p.spec.kind);
  w.put(p.spec.title);
  w.put(p.spec.text);
  w.put(p.state);
  w.put(p.filed);
  w.put(p.due);
  w.put(p.last_event);
  w.put(p.answered.has_value());
  if (p.answered) w.put(*p.answered);
  w.put(p.answer);
  w.put(p.reason);
  w.put(p.entered.has_value());
  if (p.entered) {
    w.put(p.entered->campaign.value());
    w.put(p.entered->entry.value());
    w.put(p.entered->code);
  }
}

Proposal get_proposal(Reader& r, std::size_t index) {
  Proposal p;
  p.id = ProposalId{static_cast<ProposalId::rep>(index + 1)};
  p.spec.proposer = PersonId{r.get<std::uint32_t>()};
  p.spec.association = OrgId{r.get<std::uint32_t>()};
  p.spec.kind = r.get_enum<ProposalKind>("proposal kind");
  p.spec.title = r.str("proposal title");
  p.spec.text = r.str("proposal text");
  p.state = r.get_enum<ProposalState>("proposal state");
  p.filed = r.timestamp("filing time");
  p.due = r.date("answer due day");
  p.last_event = r.timestamp("last step");
  if (r.flag("answer time present")) p.answered = r.timestamp("answer time");
  p.answer = r.str("answer");
  p.reason = r.str("proposal reason");
  if (r.flag("campaign entry present")) {
    CampaignEntryRef e;
    e.campaign = ActivityId{r.get<std::uint32_t>()};
    e.entry = EntryId{r.get<std::uint32_t>()};
    e.code = r.str("entry code");
    r.expect(e.campaign.ok() && e.entry.ok(), "a campaign entry without its ids");
    p.entered = std::move(e);
  }
  return p;
}

void put_record(Writer& w, const ServiceRecord& x) {
  w.put(x.sequence);
  w.put(x.subject);
  w.put(x.number);
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
  for (std::uint8_t b : x.previous) w.put(b);
  for (std::uint8_t b : x.hash) w.put(b);
}

ServiceRecord get_record(Reader& r) {
  ServiceRecord x;
  x.sequence = r.get<std::uint64_t>();
  x.subject = r.get_enum<ServiceCase>("service record subject");
  x.number = r.get<std::uint32_t>();
  x.actor = PersonId{r.get<std::uint32_t>()};
  x.at = r.timestamp("service record time");
  x.operation = r.str("service record operation");
  x.from = r.str("service record state");
  x.to = r.str("service record state");
  const auto code = r.get<std::int32_t>();
  r.expect(enum_is_valid<ErrorCode>(code), "a service record with an unknown error code");
  x.code = static_cast<ErrorCode>(code);
  x.security_event = r.flag("security event");
  x.rule = r.str("service record rule");
  x.reason = r.str("service record reason");
  x.message = r.str("service record message");
  for (std::uint8_t& b : x.previous) b = r.get<std::uint8_t>();
  for (std::uint8_t& b : x.hash) b = r.get<std::uint8_t>();
  return x;
}

}  // namespace

void ServiceDeskRecord::save(Writer& w) const {
  const ServiceDesk& desk = *value->source;
  const ServicePolicy& p = desk.policy();
  w.put(static_cast<std::int32_t>(p.education_years));
  w.put(p.young_priority);
  w.put(static_cast<std::int32_t>(p.answer_due_days));
  w.put(p.staff_roles);
  w.count(desk.request_count());
  for (std::size_t i = 0; i < desk.request_count(); ++i)
    put_request(w, *desk.request(ServiceRequestId{static_cast<ServiceRequestId::rep>(i + 1)}));
  w.count(desk.proposal_count());
  for (std::size_t i = 0; i < desk.proposal_count(); ++i)
    put_proposal(w, *desk.proposal(ProposalId{static_cast<ProposalId::rep>(i + 1)}));
  const auto trail = desk.audit_trail();
  w.count(trail.size());
  for (const ServiceRecord& x : trail) put_record(w, x);
}

void ServiceDeskRecord::load(Reader& r, unsigned) {
  ServicePolicy p;
  p.education_years = r.get<std::int32_t>();
  p.young_priority = r.flag("young priority");
  p.answer_due_days = r.get<std::int32_t>();
  p.staff_roles = r.get<RoleSet>();
  r.expect(p.ok(), "a service policy outside its ranges");
  std::vector<ServiceRequest> requests(r.count(40, "service requests"));
  for (std::size_t i = 0; i < requests.size(); ++i) requests[i] = get_request(r, i);
  std::vector<Proposal> proposals(r.count(50, "proposals"));
  for (std::size_t i = 0; i < proposals.size(); ++i) proposals[i] = get_proposal(r, i);
  std::vector<ServiceRecord> trail(r.count(100, "service records"));
  for (ServiceRecord& x : trail) x = get_record(r);
  ServiceDesk desk(*value->registry, p);
  if (auto bad = restore(desk, std::move(requests), std::move(proposals), std::move(trail)))
    r.fail("service desk: " + *bad);
  value->loaded.emplace(std::move(desk));
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie
