// The C API over kexie::ActivityBook: actors, activities, every lifecycle
// transition, progress reports and the audit trail.
#include "capi.hpp"
#include "handles.hpp"
#include "kexie/audit.hpp"

namespace {

kexie::Result<kexie::ActivityDetails> details_of(const kx_activity_plan* p) {
  switch (p->details) {
    case KX_DETAILS_NONE:
      return kexie::ActivityDetails{};
    case KX_DETAILS_POPULARIZATION: {
      KX_TRY_ASSIGN(const auto event,
                    kx::enum_arg<kexie::PopularizationEvent>(p->detail_value, "detail_value"));
      return kexie::ActivityDetails{kexie::PopularizationDetails{event}};
    }
    case KX_DETAILS_INNOVATION: {
      KX_TRY_ASSIGN(const auto kind,
                    kx::enum_arg<kexie::InnovationKind>(p->detail_value, "detail_value"));
      return kexie::ActivityDetails{kexie::InnovationDetails{kind}};
    }
    case KX_DETAILS_COOPERATION:
      return kexie::ActivityDetails{kexie::CooperationDetails{kexie::OrgId{p->detail_value}}};
    case KX_DETAILS_TRAINING: {
      KX_TRY_ASSIGN(const auto kind,
                    kx::enum_arg<kexie::TrainingKind>(p->detail_kind2, "detail_kind2"));
      return kexie::ActivityDetails{
          kexie::TrainingDetails{kind, static_cast<int>(p->detail_value)}};
    }
    default:
      return kx::invalid("details " + std::to_string(p->details) + " is out of range");
  }
}

kexie::Result<kexie::ActivityPlan> plan_of(const kx_activity_plan* p) {
  KX_TRY(kx::check_version(p->version, KX_ACTIVITY_PLAN_VERSION, "kx_activity_plan"));
  kexie::ActivityPlan plan;
  KX_TRY_ASSIGN(plan.type, kx::enum_arg<kexie::ActivityType>(p->type, "type"));
  plan.title = std::string(kx::opt(p->title));
  plan.organizer = kexie::OrgId{p->organizer};
  plan.owner = kexie::OrgId{p->owner};
  plan.responsible = kexie::PersonId{p->responsible};
  if (p->team_count > 0 && p->team == nullptr) return kx::null_arg("team");
  for (std::size_t i = 0; i < p->team_count; ++i) plan.team.push_back(kexie::PersonId{p->team[i]});
  KX_TRY_ASSIGN(plan.planned.first, kx::date(p->planned_first, "planned_first"));
  KX_TRY_ASSIGN(plan.planned.last, kx::date(p->planned_last, "planned_last"));
  KX_TRY_ASSIGN(plan.details, details_of(p));
  return plan;
}

}  // namespace

extern "C" {

int kx_actor_new(kx_actor** out, uint32_t person) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    *out = new kx_actor{kexie::Actor{kexie::PersonId{person}}};
    return KX_OK;
  });
}

int kx_actor_from_registry(kx_actor** out, const kx_registry* registry, uint32_t person,
                           const char* as_of) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::Date day, kx::date(as_of, "as_of"));
    KX_TRY_ASSIGN(kexie::Actor actor,
                  kexie::actor_as_of(registry->registry(), kexie::PersonId{person}, day));
    *out = new kx_actor{std::move(actor)};
    return KX_OK;
  });
}

int kx_actor_add_role(kx_actor* actor, int role, uint32_t org) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(actor);
    KX_TRY_ASSIGN(const kexie::Role r, kx::enum_arg<kexie::Role>(role, "role"));
    actor->actor = actor->actor.with_role(r, kexie::OrgId{org});
    return KX_OK;
  });
}

int kx_actor_add_expert_pool(kx_actor* actor, uint32_t org) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(actor);
    actor->actor = actor->actor.with_expert_pool(kexie::OrgId{org});
    return KX_OK;
  });
}

void kx_actor_free(kx_actor* actor) { delete actor; }

int kx_book_new(kx_book** out, const kx_registry* registry) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    *out = new kx_book(kexie::ActivityBook(registry->registry()));
    return KX_OK;
  });
}

int kx_actor_backed(const kx_registry* registry, const kx_actor* actor, const char* on) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(registry);
    KX_NEED(actor);
    KX_TRY_ASSIGN(const kexie::Date day, kx::date(on, "on"));
    return kexie::backed_by_registry(registry->registry(), actor->actor, day);
  });
}

int kx_book_allow_asserted_roles(kx_book* book, int allow) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(book);
    kexie::LifecyclePolicy policy = book->book().policy();
    policy.allow_asserted_roles = allow != 0;
    return book->book().set_policy(std::move(policy));
  });
}

void kx_book_free(kx_book* book) {
  if (book != nullptr && book->borrowed()) return;  // the snapshot owns it
  delete book;
}

int kx_activity_create(uint32_t* out, kx_book* book, const kx_actor* actor, const char* at,
                       const kx_activity_plan* plan, const char* reason) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(book);
    KX_NEED(actor);
    KX_NEED(plan);
    KX_TRY_ASSIGN(const kexie::Timestamp when, kx::timestamp(at, "at"));
    KX_TRY_ASSIGN(kexie::ActivityPlan p, plan_of(plan));
    KX_TRY_ASSIGN(const kexie::ActivityId id,
                  book->book().create(actor->actor, when, std::move(p), kx::opt(reason)));
    *out = id.value();
    return KX_OK;
  });
}

int kx_activity_apply(kx_book* book, uint32_t activity, int operation, const kx_actor* actor,
                      const char* at, const char* reason) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(book);
    KX_NEED(actor);
    // report_progress, create and conclude have functions of their own.
    if (operation > KX_OP_ARCHIVE) {
      return kx::invalid("operation " + std::to_string(operation) + " is out of range");
    }
    KX_TRY_ASSIGN(const auto op, kx::enum_arg<kexie::ActivityOperation>(operation, "operation"));
    if (op == kexie::ActivityOperation::conclude) {
      return kx::invalid("use kx_activity_conclude for conclude");
    }
    KX_TRY_ASSIGN(const kexie::Timestamp when, kx::timestamp(at, "at"));
    return book->book().apply(kexie::ActivityId{activity}, actor->actor, when, op, kx::opt(reason));
  });
}

int kx_activity_conclude(int* grade, kx_book* book, uint32_t activity, const kx_actor* actor,
                         const char* at, const char* score, const char* reason) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(book);
    KX_NEED(actor);
    KX_TRY_ASSIGN(const kexie::Timestamp when, kx::timestamp(at, "at"));
    KX_TRY_ASSIGN(const kexie::Decimal s, kx::decimal(score, "score"));
    KX_TRY_ASSIGN(
        const kexie::EvaluationGrade g,
        book->book().conclude(kexie::ActivityId{activity}, actor->actor, when, s, kx::opt(reason)));
    if (grade != nullptr) *grade = static_cast<int>(g);
    return KX_OK;
  });
}

int kx_activity_report_progress(kx_book* book, uint32_t activity, const kx_actor* actor,
                                const char* at, int percent, const char* text) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(book);
    KX_NEED(actor);
    KX_TRY_ASSIGN(const kexie::Timestamp when, kx::timestamp(at, "at"));
    return book->book().report_progress(kexie::ActivityId{activity}, actor->actor, when, percent,
                                        kx::opt(text));
  });
}

int kx_activity_get(kx_activity_info* out, const kx_book* book, uint32_t activity) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(book);
    const kexie::Activity* a = book->book().find(kexie::ActivityId{activity});
    if (a == nullptr) {
      return kexie::Error(kexie::ErrorCode::not_found,
                          "activity " + std::to_string(activity) + " does not exist");
    }
    kx_activity_info info{};
    info.id = a->id.value();
    info.type = static_cast<int>(a->plan.type);
    info.state = static_cast<int>(a->state);
    info.organizer = a->plan.organizer.value();
    info.owner = a->plan.owner.value();
    info.responsible = a->plan.responsible.value();
    info.has_grade = a->grade ? 1 : 0;
    info.grade = a->grade ? static_cast<int>(*a->grade) : 0;
    if (a->score) KX_TRY(kx::put(&info.score, *a->score));
    info.created = a->created.micros();
    info.last_event = a->last_event.micros();
    *out = info;
    return KX_OK;
  });
}

int kx_activity_state_at(int* out, const kx_book* book, uint32_t activity, const char* at) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(book);
    KX_TRY_ASSIGN(const kexie::Timestamp when, kx::timestamp(at, "at"));
    KX_TRY_ASSIGN(const kexie::ActivityState s,
                  book->book().state_at(kexie::ActivityId{activity}, when));
    *out = static_cast<int>(s);
    return KX_OK;
  });
}

int kx_book_size(size_t* out, const kx_book* book) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(book);
    *out = book->book().size();
    return KX_OK;
  });
}

int kx_book_audit_foreach(const kx_book* book, kx_audit_cb cb, void* payload) {
  int stop = 0;
  const int rc = kx::guard([&]() -> kx::Rc {
    KX_NEED(book);
    KX_NEED(cb);
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
      if ((stop = cb(&rec, payload)) != 0) break;
    }
    return KX_OK;
  });
  return rc != 0 ? rc : kx::stopped(stop);
}

int kx_book_chain_head(char** out, const kx_book* book) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(book);
    return kx::give(out, book->book().chain_head().to_string());
  });
}

int kx_book_verify_audit(kx_audit_verification* out, const kx_book* book,
                         const char* expected_head) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(book);
    kexie::AuditVerification v;
    if (expected_head == nullptr) {
      v = book->book().verify_audit();
    } else {
      KX_TRY_ASSIGN(const kexie::ChainHead head, kexie::ChainHead::parse(expected_head));
      v = kexie::verify_audit(book->book().audit_trail(), head);
    }
    *out = {static_cast<int>(v.fault), v.first_bad};
    return KX_OK;
  });
}

}  // extern "C"
