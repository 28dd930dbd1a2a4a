// The C API over guidance.hpp: enterprises, employment and support, the founding
// lifecycle, coverage and secretary-general training (issue 19). One core call per
// function; every argument checked here, every rule in the core.
#include <string>

#include "capi.hpp"
#include "handles.hpp"
#include "kexie/coverage_document.hpp"
#include "kexie/guidance.hpp"

namespace {

kx_coverage_counts counts_of(const kexie::CoverageCounts& c) {
  return {c.enterprises, c.with_association, c.without_association, c.workers, c.workers_covered};
}

kexie::Result<int> flag(int value, const char* what) {
  if (value != 0 && value != 1) return kx::invalid(std::string(what) + " must be 0 or 1");
  return value;
}

}  // namespace

int kx_credit_code_check(const char* code) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(code);
    return kexie::check_credit_code(code);
  });
}

int kx_enterprise_add(uint32_t* out, kx_registry* registry, const kx_enterprise_spec* spec) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_NEED(spec);
    KX_TRY(kx::check_version(spec->version, KX_ENTERPRISE_SPEC_VERSION, "kx_enterprise_spec"));
    KX_NEED(spec->name);
    KX_NEED(spec->credit_code);
    kexie::EnterpriseSpec s;
    s.name = spec->name;
    s.credit_code = spec->credit_code;
    KX_TRY_ASSIGN(s.ownership, kx::enum_arg<kexie::Ownership>(spec->ownership, "ownership"));
    s.industry = std::string(kx::opt(spec->industry));
    s.region = std::string(kx::opt(spec->region));
    KX_TRY_ASSIGN(const int htz, flag(spec->high_tech_zone, "high_tech_zone"));
    KX_TRY_ASSIGN(const int dz, flag(spec->development_zone, "development_zone"));
    KX_TRY_ASSIGN(const int ne, flag(spec->new_economy, "new_economy"));
    s.high_tech_zone = htz == 1;
    s.development_zone = dz == 1;
    s.new_economy = ne == 1;
    s.local = kexie::OrgId{spec->local};
    KX_TRY_ASSIGN(s.registered, kx::date(spec->registered, "registered"));
    KX_TRY_ASSIGN(const kexie::EnterpriseId id, kexie::add_enterprise(registry->registry(), s));
    *out = id.value();
    return KX_OK;
  });
}

int kx_enterprise_attach(kx_registry* registry, uint32_t enterprise, uint32_t association,
                         const char* from) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::Date day, kx::date(from, "from"));
    return kexie::attach_association(registry->registry(), kexie::EnterpriseId{enterprise},
                                     kexie::OrgId{association}, day);
  });
}

int kx_enterprise_association(uint32_t* out, const kx_registry* registry, uint32_t enterprise,
                              const char* on) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::Date day, kx::date(on, "on"));
    KX_TRY(kexie::enterprise(registry->registry(), kexie::EnterpriseId{enterprise}));
    *out =
        kexie::association_of(registry->registry(), kexie::EnterpriseId{enterprise}, day).value();
    return KX_OK;
  });
}

int kx_enterprise_employ(kx_registry* registry, uint32_t person, uint32_t enterprise,
                         const char* first, const char* last) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::Date from, kx::date(first, "first"));
    kexie::Date to = kexie::Date::max();
    if (last != nullptr) {
      KX_TRY_ASSIGN(to, kx::date(last, "last"));
    }
    return kexie::employ(registry->registry(), kexie::PersonId{person},
                         kexie::EnterpriseId{enterprise}, kexie::Period{from, to});
  });
}

int kx_enterprise_support(kx_registry* registry, uint32_t enterprise, int year,
                          uint32_t full_time_staff, uint32_t part_time_staff,
                          const char* budget_yuan, const char* facilities_m2) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(registry);
    kexie::SupportRecord r;
    r.enterprise = kexie::EnterpriseId{enterprise};
    r.year = year;
    r.full_time_staff = full_time_staff;
    r.part_time_staff = part_time_staff;
    KX_TRY_ASSIGN(r.budget_yuan, kx::decimal_or(budget_yuan, kexie::Decimal(0), "budget_yuan"));
    KX_TRY_ASSIGN(r.facilities_m2,
                  kx::decimal_or(facilities_m2, kexie::Decimal(0), "facilities_m2"));
    return kexie::record_support(registry->registry(), r);
  });
}

int kx_founding_apply(uint32_t* out, kx_registry* registry, uint32_t enterprise, uint32_t local,
                      const char* name, uint32_t applicant, uint32_t proxy, const char* at) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_NEED(name);
    KX_TRY_ASSIGN(const kexie::Timestamp when, kx::timestamp(at, "at"));
    kexie::FoundingApplicationSpec s;
    s.enterprise = kexie::EnterpriseId{enterprise};
    s.local = kexie::OrgId{local};
    s.name = name;
    s.applicant = kexie::PersonId{applicant};
    if (proxy != 0) s.proxy = kexie::OrgId{proxy};
    KX_TRY_ASSIGN(const kexie::FoundingId id, kexie::apply_founding(registry->registry(), s, when));
    *out = id.value();
    return KX_OK;
  });
}

int kx_founding_approve(uint32_t* out, kx_registry* registry, uint32_t founding, uint32_t actor,
                        const char* at, const char* founded, const char* reason) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::Timestamp when, kx::timestamp(at, "at"));
    KX_TRY_ASSIGN(const kexie::Date day, kx::date(founded, "founded"));
    KX_TRY_ASSIGN(const kexie::OrgId kx,
                  kexie::approve_founding(registry->registry(), kexie::FoundingId{founding},
                                          kexie::PersonId{actor}, when, day, kx::opt(reason)));
    *out = kx.value();
    return KX_OK;
  });
}

int kx_founding_refuse(kx_registry* registry, uint32_t founding, uint32_t actor, const char* at,
                       const char* reason) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::Timestamp when, kx::timestamp(at, "at"));
    return kexie::refuse_founding(registry->registry(), kexie::FoundingId{founding},
                                  kexie::PersonId{actor}, when, kx::opt(reason));
  });
}

int kx_founding_get_state(int* out, const kx_registry* registry, uint32_t founding) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::FoundingApplication a,
                  kexie::founding(registry->registry(), kexie::FoundingId{founding}));
    *out = static_cast<int>(a.state);
    return KX_OK;
  });
}

int kx_founding_verify(kx_audit_verification* out, const kx_registry* registry,
                       const char* expected_head) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    const auto trail = kexie::founding_trail(registry->registry());
    kexie::AuditVerification v;
    if (expected_head == nullptr) {
      v = kexie::verify_founding_trail(trail);
    } else {
      KX_TRY_ASSIGN(const kexie::ChainHead head, kexie::ChainHead::parse(expected_head));
      v = kexie::verify_founding_trail(trail, &head);
    }
    *out = {static_cast<int>(v.fault), v.first_bad};
    return KX_OK;
  });
}

int kx_coverage(kx_coverage_counts* out, const kx_registry* registry, uint32_t area, const char* on,
                kx_coverage_group_cb cb, void* payload) {
  int stop = 0;
  const int rc = kx::guard([&]() -> kx::Rc {
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::Date day, kx::date(on, "on"));
    KX_TRY_ASSIGN(const kexie::Coverage c,
                  kexie::coverage(registry->registry(), kexie::OrgId{area}, day));
    if (out != nullptr) *out = counts_of(c.total);
    if (cb == nullptr) return KX_OK;
    for (const kexie::CoverageGroup& g : c.groups) {
      const kx_coverage_counts counts = counts_of(g.counts);
      if ((stop = cb(static_cast<int>(g.dimension), g.value.c_str(), &counts, payload)) != 0) break;
    }
    return KX_OK;
  });
  return rc != 0 ? rc : kx::stopped(stop);
}

int kx_coverage_to_document(char** out, const kx_registry* registry, uint32_t area, const char* on,
                            const char* since) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    *out = nullptr;
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::Date day, kx::date(on, "on"));
    const kexie::Registry& reg = registry->registry();
    if (since == nullptr) {
      KX_TRY_ASSIGN(const kexie::Coverage c, kexie::coverage(reg, kexie::OrgId{area}, day));
      KX_TRY_ASSIGN(const std::string text,
                    kexie::write_coverage_document(reg, c, registry->codes));
      return kx::give(out, text);
    }
    KX_TRY_ASSIGN(const kexie::Date from, kx::date(since, "since"));
    KX_TRY_ASSIGN(const kexie::CoverageChange d,
                  kexie::coverage_change(reg, kexie::OrgId{area}, from, day));
    KX_TRY_ASSIGN(const std::string text, kexie::write_coverage_document(reg, d, registry->codes));
    return kx::give(out, text);
  });
}

int kx_sg_training_add(kx_registry* registry, uint32_t person, const char* date, int hours,
                       uint32_t organizer) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::Date day, kx::date(date, "date"));
    return kexie::add_sg_training(registry->registry(), {.person = kexie::PersonId{person},
                                                         .date = day,
                                                         .hours = hours,
                                                         .organizer = kexie::OrgId{organizer}});
  });
}

int kx_sg_training_interval(kx_registry* registry, int months) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(registry);
    return kexie::set_guidance_policy(registry->registry(), {.sg_training_months = months});
  });
}

int kx_sg_out_of_date_foreach(const kx_registry* registry, uint32_t area, const char* on,
                              kx_sg_gap_cb cb, void* payload) {
  int stop = 0;
  const int rc = kx::guard([&]() -> kx::Rc {
    KX_NEED(registry);
    KX_NEED(cb);
    KX_TRY_ASSIGN(const kexie::Date day, kx::date(on, "on"));
    KX_TRY_ASSIGN(const std::vector<kexie::SgStatus> list,
                  kexie::sg_out_of_date(registry->registry(), kexie::OrgId{area}, day));
    for (const kexie::SgStatus& s : list)
      if ((stop = cb(s.association.value(), s.secretary_general.value(), static_cast<int>(s.gap),
                     payload)) != 0)
        break;
    return KX_OK;
  });
  return rc != 0 ? rc : kx::stopped(stop);
}
