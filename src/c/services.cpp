// The C API over kexie::ServiceDesk (service requests, proposals, the queue, the
// overdue report, the trail), CNIPA patent numbers and recommendation lists.
#include <string>
#include <vector>

#include "capi.hpp"
#include "handles.hpp"
#include "kexie/patent_number.hpp"
#include "kexie/recommendation.hpp"
#include "kexie/service_desk.hpp"
#include "kexie/services_document.hpp"

namespace {

kexie::Result<kexie::ServicePolicy> policy_of(const kx_service_policy* p) {
  kexie::ServicePolicy policy;
  if (p == nullptr) return policy;
  KX_TRY(kx::check_version(p->version, KX_SERVICE_POLICY_VERSION, "kx_service_policy"));
  policy.education_years = p->education_years;
  policy.young_priority = p->young_priority != 0;
  policy.answer_due_days = p->answer_due_days;
  if (!policy.ok())
    return kx::invalid("kx_service_policy: education_years 0-50 and answer_due_days 1-366");
  return policy;
}

// The programme of `programme` and its decisions on `nominees` (validated by the caller).
kexie::Result<kexie::ProgrammeList> programme_list(const kexie::Registry& registry,
                                                   const kx_programme* programme,
                                                   const uint32_t* nominees, size_t count,
                                                   const char* as_of) {
  KX_TRY(kx::check_version(programme->version, KX_PROGRAMME_VERSION, "kx_programme"));
  kexie::Programme p;
  p.name = std::string(kx::opt(programme->name));
  p.age_max = programme->age_max;
  if (programme->age_on != nullptr) {
    KX_TRY_ASSIGN(p.age_on, kx::date(programme->age_on, "age_on"));
  }
  KX_TRY_ASSIGN(p.min_title, kx::enum_arg<kexie::Title>(programme->min_title, "min_title"));
  p.min_honours = programme->min_honours;
  if (programme->honour_kind != -1) {
    KX_TRY_ASSIGN(p.honour_kind,
                  kx::enum_arg<kexie::HonourKind>(programme->honour_kind, "honour_kind"));
  }
  p.education_years = programme->education_years;
  p.quota_per_association = programme->quota_per_association;
  KX_TRY_ASSIGN(const kexie::Date day, kx::date(as_of, "as_of"));
  std::vector<kexie::PersonId> who;
  who.reserve(count);
  for (size_t i = 0; i < count; ++i) who.push_back(kexie::PersonId{nominees[i]});
  KX_TRY_ASSIGN(kexie::RecommendationList list, kexie::recommend(registry, p, who, day));
  return kexie::ProgrammeList{std::move(p), std::move(list)};
}

}  // namespace

extern "C" {

int kx_service_desk_new(kx_service_desk** out, const kx_registry* registry,
                        const kx_service_policy* policy) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    *out = nullptr;
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::ServicePolicy p, policy_of(policy));
    *out = new kx_service_desk(kexie::ServiceDesk(registry->registry(), p));
    return KX_OK;
  });
}

void kx_service_desk_free(kx_service_desk* desk) {
  if (desk != nullptr && desk->borrowed()) return;  // the snapshot owns it
  delete desk;
}

int kx_service_request_submit(uint32_t* out, kx_service_desk* desk, uint32_t applicant,
                              uint32_t association, int kind, const char* title, int patent_type,
                              int target_title, const char* at) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(desk);
    kexie::RequestSpec spec;
    spec.applicant = kexie::PersonId{applicant};
    spec.association = kexie::OrgId{association};
    KX_TRY_ASSIGN(spec.kind, kx::enum_arg<kexie::ServiceKind>(kind, "kind"));
    spec.title = std::string(kx::opt(title));
    if (patent_type != -1) {
      KX_TRY_ASSIGN(spec.patent_type, kx::enum_arg<kexie::PatentType>(patent_type, "patent_type"));
    }
    if (target_title != -1) {
      KX_TRY_ASSIGN(spec.target_title, kx::enum_arg<kexie::Title>(target_title, "target_title"));
    }
    KX_TRY_ASSIGN(const kexie::Timestamp when, kx::timestamp(at, "at"));
    KX_TRY_ASSIGN(const kexie::ServiceRequestId id, desk->desk().submit(spec, when));
    *out = id.value();
    return KX_OK;
  });
}

int kx_service_request_apply(kx_service_desk* desk, uint32_t request, int operation, uint32_t actor,
                             const char* at, const char* text) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(desk);
    KX_TRY_ASSIGN(const auto op, kx::enum_arg<kexie::RequestOperation>(operation, "operation"));
    if (op == kexie::RequestOperation::submit || op == kexie::RequestOperation::forward)
      return kx::invalid("use kx_service_request_submit and kx_service_request_forward");
    KX_TRY_ASSIGN(const kexie::Timestamp when, kx::timestamp(at, "at"));
    return desk->desk().apply(kexie::ServiceRequestId{request}, kexie::PersonId{actor}, when, op,
                              kx::opt(text));
  });
}

int kx_service_request_forward(kx_service_desk* desk, uint32_t request, uint32_t staff,
                               const char* at, const char* outside_body, const char* reference) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(desk);
    KX_TRY_ASSIGN(const kexie::Timestamp when, kx::timestamp(at, "at"));
    return desk->desk().forward(kexie::ServiceRequestId{request}, kexie::PersonId{staff}, when,
                                kx::opt(outside_body), kx::opt(reference));
  });
}

int kx_service_request_get(kx_service_request_info* out, const kx_service_desk* desk,
                           uint32_t request) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(desk);
    const kexie::ServiceRequest* r = desk->desk().request(kexie::ServiceRequestId{request});
    if (r == nullptr)
      return kexie::Error(kexie::ErrorCode::not_found,
                          "request " + std::to_string(request) + " does not exist",
                          "service.request");
    *out = {r->id.value(),
            r->spec.applicant.value(),
            r->spec.association.value(),
            static_cast<int>(r->spec.kind),
            static_cast<int>(r->state),
            r->spec.title.c_str(),
            r->outside_body.c_str(),
            r->reference.c_str(),
            r->reason.c_str()};
    return KX_OK;
  });
}

int kx_service_queue_foreach(const kx_service_desk* desk, uint32_t association, const char* as_of,
                             kx_queue_cb cb, void* payload) {
  int stop = 0;
  const int rc = kx::guard([&]() -> kx::Rc {
    KX_NEED(desk);
    KX_NEED(cb);
    KX_TRY_ASSIGN(const kexie::Date day, kx::date(as_of, "as_of"));
    for (const kexie::QueuePlace& q : desk->desk().queue(kexie::OrgId{association}, day)) {
      const kx_queue_place place{q.position, q.request.value(), q.young ? 1 : 0, q.age,
                                 q.explanation.c_str()};
      if ((stop = cb(&place, payload)) != 0) break;
    }
    return KX_OK;
  });
  return rc != 0 ? rc : kx::stopped(stop);
}

int kx_proposal_file(uint32_t* out, kx_service_desk* desk, uint32_t proposer, uint32_t association,
                     int kind, const char* title, const char* text, const char* at) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(desk);
    kexie::ProposalSpec spec;
    spec.proposer = kexie::PersonId{proposer};
    spec.association = kexie::OrgId{association};
    KX_TRY_ASSIGN(spec.kind, kx::enum_arg<kexie::ProposalKind>(kind, "kind"));
    spec.title = std::string(kx::opt(title));
    spec.text = std::string(kx::opt(text));
    KX_TRY_ASSIGN(const kexie::Timestamp when, kx::timestamp(at, "at"));
    KX_TRY_ASSIGN(const kexie::ProposalId id, desk->desk().file(spec, when));
    *out = id.value();
    return KX_OK;
  });
}

int kx_proposal_apply(kx_service_desk* desk, uint32_t proposal, int operation, uint32_t staff,
                      const char* at, const char* text) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(desk);
    KX_TRY_ASSIGN(const auto op, kx::enum_arg<kexie::ProposalOperation>(operation, "operation"));
    KX_TRY_ASSIGN(const kexie::Timestamp when, kx::timestamp(at, "at"));
    const kexie::ProposalId id{proposal};
    const kexie::PersonId who{staff};
    switch (op) {
      case kexie::ProposalOperation::acknowledge:
        return desk->desk().acknowledge(id, who, when);
      case kexie::ProposalOperation::answer:
        return desk->desk().answer(id, who, when, kx::opt(text));
      case kexie::ProposalOperation::adopt:
        return desk->desk().adopt(id, who, when, kx::opt(text));
      case kexie::ProposalOperation::decline:
        return desk->desk().decline(id, who, when, kx::opt(text));
      case kexie::ProposalOperation::file:
      case kexie::ProposalOperation::enter_campaign:
        break;
    }
    return kx::invalid("use kx_proposal_file and kx_proposal_enter_campaign");
  });
}

int kx_proposal_enter_campaign(uint32_t* entry, kx_service_desk* desk, uint32_t proposal,
                               kx_campaign* campaign, uint32_t staff, const char* at,
                               const char* in_use_since) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(entry);
    KX_NEED(desk);
    KX_NEED(campaign);
    KX_TRY_ASSIGN(const kexie::Timestamp when, kx::timestamp(at, "at"));
    kexie::EntrySpec spec;
    if (in_use_since != nullptr) {
      KX_TRY_ASSIGN(spec.in_use_since, kx::date(in_use_since, "in_use_since"));
    }
    KX_TRY_ASSIGN(const kexie::EntryId e,
                  desk->desk().enter_campaign(kexie::ProposalId{proposal}, campaign->campaign(),
                                              kexie::PersonId{staff}, when, std::move(spec)));
    *entry = e.value();
    return KX_OK;
  });
}

int kx_proposal_get(kx_proposal_info* out, const kx_service_desk* desk, uint32_t proposal) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(desk);
    const kexie::Proposal* p = desk->desk().proposal(kexie::ProposalId{proposal});
    if (p == nullptr)
      return kexie::Error(kexie::ErrorCode::not_found,
                          "proposal " + std::to_string(proposal) + " does not exist",
                          "proposal.proposal");
    kx_proposal_info info{};
    info.id = p->id.value();
    info.proposer = p->spec.proposer.value();
    info.association = p->spec.association.value();
    info.kind = static_cast<int>(p->spec.kind);
    info.state = static_cast<int>(p->state);
    const std::string due = p->due.to_string();
    due.copy(info.due, sizeof info.due - 1);
    info.entry = p->entered ? p->entered->entry.value() : 0;
    info.campaign = p->entered ? p->entered->campaign.value() : 0;
    info.title = p->spec.title.c_str();
    info.answer = p->answer.c_str();
    info.reason = p->reason.c_str();
    *out = info;
    return KX_OK;
  });
}

int kx_service_overdue_foreach(const kx_service_desk* desk, uint32_t association, const char* as_of,
                               kx_overdue_cb cb, void* payload) {
  int stop = 0;
  const int rc = kx::guard([&]() -> kx::Rc {
    KX_NEED(desk);
    KX_NEED(cb);
    KX_TRY_ASSIGN(const kexie::Date day, kx::date(as_of, "as_of"));
    for (const kexie::OverdueAnswer& o :
         desk->desk().overdue_answers(kexie::OrgId{association}, day))
      if ((stop = cb(o.proposal.value(), static_cast<int>(o.state), o.days_overdue, payload)) != 0)
        break;
    return KX_OK;
  });
  return rc != 0 ? rc : kx::stopped(stop);
}

int kx_service_desk_trail_size(size_t* out, const kx_service_desk* desk) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(desk);
    *out = desk->desk().audit_trail().size();
    return KX_OK;
  });
}

int kx_service_desk_chain_head(char** out, const kx_service_desk* desk) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    *out = nullptr;
    KX_NEED(desk);
    return kx::give(out, desk->desk().chain_head().to_string());
  });
}

int kx_service_desk_verify_audit(kx_audit_verification* out, const kx_service_desk* desk,
                                 const char* expected_head) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(desk);
    kexie::AuditVerification v;
    if (expected_head == nullptr) {
      v = desk->desk().verify_audit();
    } else {
      KX_TRY_ASSIGN(const kexie::ChainHead head, kexie::ChainHead::parse(expected_head));
      v = kexie::verify_audit(desk->desk().audit_trail(), head);
    }
    *out = {static_cast<int>(v.fault), v.first_bad};
    return KX_OK;
  });
}

int kx_service_desk_digest(char** out, const kx_service_desk* desk) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    *out = nullptr;
    KX_NEED(desk);
    return kx::give(out, desk->desk().digest());
  });
}

int kx_patent_number_check(char** out, const char* text) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    *out = nullptr;
    KX_NEED(text);
    KX_TRY_ASSIGN(const kexie::PatentNumber n, kexie::PatentNumber::parse(text));
    return kx::give(out, n.to_string());
  });
}

int kx_recommend_foreach(const kx_registry* registry, const kx_programme* programme,
                         const uint32_t* nominees, size_t count, const char* as_of,
                         kx_candidate_cb cb, void* payload) {
  int stop = 0;
  const int rc = kx::guard([&]() -> kx::Rc {
    KX_NEED(registry);
    KX_NEED(programme);
    KX_NEED(cb);
    if (count > 0 && nominees == nullptr) return kx::null_arg("nominees");
    KX_TRY(kx::array_size(count, sizeof(uint32_t), "nominees"));
    KX_TRY_ASSIGN(const kexie::ProgrammeList pl,
                  programme_list(registry->registry(), programme, nominees, count, as_of));
    const kexie::RecommendationList& list = pl.list;
    for (const kexie::CandidateDecision& d : list.candidates) {
      std::string failed;
      for (const std::string& r : d.failed_rules) failed += (failed.empty() ? "" : ",") + r;
      std::string text;
      for (const kexie::RuleCheck& c : d.checks)
        text += std::string(c.passed ? "pass " : "FAIL ") + c.rule + " (" + c.article +
                "): " + c.explanation + "\n";
      const kx_candidate_decision decision{d.person.value(),   d.association.value(),
                                           d.eligible ? 1 : 0, d.recommended ? 1 : 0,
                                           failed.c_str(),     text.c_str()};
      if ((stop = cb(&decision, payload)) != 0) break;
    }
    return KX_OK;
  });
  return rc != 0 ? rc : kx::stopped(stop);
}

int kx_service_desk_to_document(char** out, const kx_service_desk* desk,
                                const kx_registry* registry, const kx_recommendation_request* lists,
                                size_t count) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    *out = nullptr;
    KX_NEED(desk);
    KX_NEED(registry);
    if (count > 0 && lists == nullptr) return kx::null_arg("lists");
    KX_TRY(kx::array_size(count, sizeof(kx_recommendation_request), "lists"));
    if (&desk->desk().registry() != &registry->registry())
      return kx::invalid("kx_service_desk_to_document: the desk reads another registry");
    std::vector<kexie::ProgrammeList> out_lists;
    out_lists.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      const kx_recommendation_request& r = lists[i];
      if (r.programme == nullptr) return kx::null_arg("lists[i].programme");
      if (r.nominee_count > 0 && r.nominees == nullptr) return kx::null_arg("lists[i].nominees");
      KX_TRY(kx::array_size(r.nominee_count, sizeof(uint32_t), "lists[i].nominees"));
      KX_TRY_ASSIGN(kexie::ProgrammeList l, programme_list(registry->registry(), r.programme,
                                                           r.nominees, r.nominee_count, r.as_of));
      out_lists.push_back(std::move(l));
    }
    return kx::give(out, kexie::write_services_document(desk->desk(), out_lists, registry->codes));
  });
}

int kx_service_desk_from_document(kx_service_desk** out, const kx_registry* registry,
                                  const char* json, size_t length) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    *out = nullptr;
    KX_NEED(registry);
    KX_NEED(json);
    KX_TRY(kx::array_size(length, 1, "length"));
    auto r = kexie::read_services_document(std::string_view(json, length), registry->registry(),
                                           registry->codes);
    if (!r) return kx::fail_document(r.error(), r.problems());
    *out = new kx_service_desk(std::move(std::move(r).value().desk));
    return KX_OK;
  });
}

}  // extern "C"
