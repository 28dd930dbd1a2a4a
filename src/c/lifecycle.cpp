// The C API over kexie::ActivityBook: actors, activities, every lifecycle
// transition, progress reports and the audit trail.
#include "capi.hpp"
#include "handles.hpp"
#include "kexie/audit.hpp"

namespace {

kexie::ActivityPlan plan_of(const kx_activity_plan* p) {
  kx::check_version(p->version, KX_ACTIVITY_PLAN_VERSION, "kx_activity_plan");
  kexie::ActivityPlan plan;
  plan.type = kx::enum_of<kexie::ActivityType>(p->type, 16, "type");
  plan.title = std::string(kx::opt(p->title));
  plan.organizer = kexie::OrgId{p->organizer};
  plan.owner = kexie::OrgId{p->owner};
  plan.responsible = kexie::PersonId{p->responsible};
  if (p->team_count > 0) kx::need(p->team, "team");
  for (std::size_t i = 0; i < p->team_count; ++i) plan.team.push_back(kexie::PersonId{p->team[i]});
  plan.planned = {kx::date(p->planned_first, "planned_first"), kx::date(p->planned_last, "planned_last")};
  switch (p->details) {
    case KX_DETAILS_NONE: break;
    case KX_DETAILS_POPULARIZATION:
      plan.details = kexie::PopularizationDetails{kx::enum_of<kexie::PopularizationEvent>(
          static_cast<int>(p->detail_value), 3, "detail_value")};
      break;
    case KX_DETAILS_INNOVATION:
      plan.details = kexie::InnovationDetails{
          kx::enum_of<kexie::InnovationKind>(static_cast<int>(p->detail_value), 3, "detail_value")};
      break;
    case KX_DETAILS_COOPERATION: plan.details = kexie::CooperationDetails{kexie::OrgId{p->detail_value}}; break;
    case KX_DETAILS_TRAINING:
      plan.details = kexie::TrainingDetails{
          kx::enum_of<kexie::TrainingKind>(p->detail_kind2, 2, "detail_kind2"),
          static_cast<int>(p->detail_value)};
      break;
    default: kx::refuse(kexie::ErrorCode::invalid_argument, "details " + std::to_string(p->details) + " is out of range");
  }
  return plan;
}

}  // namespace

extern "C" {

int kx_actor_new(kx_actor** out, uint32_t person) {
  return kx::guard([&] {
    kx::need(out, "out");
    *out = new kx_actor{kexie::Actor{kexie::PersonId{person}}};
  });
}

int kx_actor_from_registry(kx_actor** out, const kx_registry* registry, uint32_t person,
                           const char* as_of) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(registry, "registry");
    *out = new kx_actor{kx::take(kexie::actor_as_of(registry->registry(), kexie::PersonId{person},
                                                    kx::date(as_of, "as_of")))};
  });
}

int kx_actor_add_role(kx_actor* actor, int role, uint32_t org) {
  return kx::guard([&] {
    kx::need(actor, "actor");
    actor->actor = actor->actor.with_role(kx::enum_of<kexie::Role>(role, 6, "role"), kexie::OrgId{org});
  });
}

int kx_actor_add_expert_pool(kx_actor* actor, uint32_t org) {
  return kx::guard([&] {
    kx::need(actor, "actor");
    actor->actor = actor->actor.with_expert_pool(kexie::OrgId{org});
  });
}

void kx_actor_free(kx_actor* actor) { delete actor; }

int kx_book_new(kx_book** out, const kx_registry* registry) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(registry, "registry");
    *out = new kx_book(kexie::ActivityBook(registry->registry()));
  });
}

void kx_book_free(kx_book* book) {
  if (book != nullptr && book->borrowed()) return;  // the snapshot owns it
  delete book;
}

int kx_activity_create(uint32_t* out, kx_book* book, const kx_actor* actor, const char* at,
                       const kx_activity_plan* plan, const char* reason) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(book, "book");
    kx::need(actor, "actor");
    kx::need(plan, "plan");
    *out = kx::take(book->book().create(actor->actor, kx::timestamp(at, "at"), plan_of(plan),
                                        kx::opt(reason)))
               .value();
  });
}

int kx_activity_apply(kx_book* book, uint32_t activity, int operation, const kx_actor* actor,
                      const char* at, const char* reason) {
  return kx::guard([&] {
    kx::need(book, "book");
    kx::need(actor, "actor");
    const auto op = kx::enum_of<kexie::ActivityOperation>(operation, KX_OP_ARCHIVE + 1, "operation");
    if (op == kexie::ActivityOperation::conclude)
      kx::refuse(kexie::ErrorCode::invalid_argument, "use kx_activity_conclude for conclude");
    kx::take(book->book().apply(kexie::ActivityId{activity}, actor->actor, kx::timestamp(at, "at"),
                                op, kx::opt(reason)));
  });
}

int kx_activity_conclude(int* grade, kx_book* book, uint32_t activity, const kx_actor* actor,
                         const char* at, const char* score, const char* reason) {
  return kx::guard([&] {
    kx::need(book, "book");
    kx::need(actor, "actor");
    const kexie::EvaluationGrade g = kx::take(
        book->book().conclude(kexie::ActivityId{activity}, actor->actor, kx::timestamp(at, "at"),
                              kx::decimal(score, "score"), kx::opt(reason)));
    if (grade != nullptr) *grade = static_cast<int>(g);
  });
}

int kx_activity_report_progress(kx_book* book, uint32_t activity, const kx_actor* actor,
                                const char* at, int percent, const char* text) {
  return kx::guard([&] {
    kx::need(book, "book");
    kx::need(actor, "actor");
    kx::take(book->book().report_progress(kexie::ActivityId{activity}, actor->actor,
                                          kx::timestamp(at, "at"), percent, kx::opt(text)));
  });
}

int kx_activity_get(kx_activity_info* out, const kx_book* book, uint32_t activity) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(book, "book");
    const kexie::Activity* a = book->book().find(kexie::ActivityId{activity});
    if (a == nullptr) kx::refuse(kexie::ErrorCode::not_found, "activity " + std::to_string(activity) + " does not exist");
    kx_activity_info info{};
    info.id = a->id.value();
    info.type = static_cast<int>(a->plan.type);
    info.state = static_cast<int>(a->state);
    info.organizer = a->plan.organizer.value();
    info.owner = a->plan.owner.value();
    info.responsible = a->plan.responsible.value();
    info.has_grade = a->grade ? 1 : 0;
    info.grade = a->grade ? static_cast<int>(*a->grade) : 0;
    if (a->score) kx::put(&info.score, *a->score);
    info.created = a->created.micros();
    info.last_event = a->last_event.micros();
    *out = info;
  });
}

int kx_activity_state_at(int* out, const kx_book* book, uint32_t activity, const char* at) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(book, "book");
    *out = static_cast<int>(
        kx::take(book->book().state_at(kexie::ActivityId{activity}, kx::timestamp(at, "at"))));
  });
}

int kx_book_size(size_t* out, const kx_book* book) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(book, "book");
    *out = book->book().size();
  });
}

int kx_book_audit_foreach(const kx_book* book, kx_audit_cb cb, void* payload) {
  int stop = 0;
  const int rc = kx::guard([&] {
    kx::need(book, "book");
    kx::need(cb, "cb");
    for (const kexie::AuditRecord& r : book->book().audit_trail()) {
      const std::string hash = kexie::to_hex(r.hash);
      const kx_audit_record rec{r.sequence,
                                r.activity.value(),
                                r.actor.value(),
                                r.at.micros(),
                                static_cast<int>(r.operation),
                                static_cast<int>(r.from),
                                static_cast<int>(r.to),
                                -static_cast<int>(r.code),
                                r.security_event ? 1 : 0,
                                r.rule.c_str(),
                                r.reason.c_str(),
                                r.message.c_str(),
                                hash.c_str()};
      if ((stop = cb(&rec, payload)) != 0) return;
    }
  });
  return rc != 0 ? rc : stop;
}

int kx_book_chain_head(char** out, const kx_book* book) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(book, "book");
    *out = kx::dup(book->book().chain_head().to_string());
  });
}

int kx_book_verify_audit(kx_audit_verification* out, const kx_book* book,
                         const char* expected_head) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(book, "book");
    kexie::AuditVerification v;
    if (expected_head == nullptr) {
      v = book->book().verify_audit();
    } else {
      const kexie::ChainHead head = kx::take(kexie::ChainHead::parse(expected_head));
      v = kexie::verify_audit(book->book().audit_trail(), head);
    }
    *out = {static_cast<int>(v.fault), v.first_bad};
  });
}

}  // extern "C"
