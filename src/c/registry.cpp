// The C API over kexie::Registry: organizations, people, memberships and member
// queries (callbacks and a batch array).
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "capi.hpp"
#include "handles.hpp"

namespace {

kx_org_info org_info(const kexie::Organization& o) {
  return {o.id.value(), static_cast<int>(o.kind), static_cast<int>(o.level), o.period.first.days(),
          o.period.last.days()};
}

kexie::Result<kexie::MemberFilter> member_filter(const kx_member_filter* f) {
  kexie::MemberFilter out;
  if (f == nullptr) return out;
  KX_TRY(kx::check_version(f->version, KX_MEMBER_FILTER_VERSION, "kx_member_filter"));
  if (f->role >= 0) {
    KX_TRY_ASSIGN(out.role, kx::enum_arg<kexie::Role>(f->role, "role"));
  }
  out.young = f->young != 0;
  if (f->min_title >= 0) {
    KX_TRY_ASSIGN(out.min_title, kx::enum_arg<kexie::Title>(f->min_title, "min_title"));
  }
  out.discipline = std::string(kx::opt(f->discipline));
  return out;
}

kx_member_row row_of(const kexie::MemberEntry& m) {
  return {m.person.value(),          m.org.value(),  m.roles,
          static_cast<int>(m.title), m.birth.days(), m.young ? 1 : 0};
}

// The rows of `root`'s subtree on `as_of` that pass `filter`, with the index
// they point into.
struct Selection {
  kexie::MemberIndex index;
  std::vector<std::uint32_t> rows;
};

kexie::Result<Selection> select_members(const kx_registry* registry, uint32_t root,
                                        const char* as_of, const kx_member_filter* filter) {
  KX_TRY_ASSIGN(const kexie::MemberFilter f, member_filter(filter));
  KX_TRY(registry->registry().organization(kexie::OrgId{root}));
  KX_TRY_ASSIGN(const kexie::Date day, kx::date(as_of, "as_of"));
  kexie::MemberIndex index = registry->registry().member_index(day);
  std::vector<std::uint32_t> rows = index.select(kexie::OrgId{root}, f);
  return Selection{std::move(index), std::move(rows)};
}

}  // namespace

// Helpers of the honour shims below.
namespace {

kexie::Result<kexie::HonourSpec> honour_spec(const kx_honour_spec* spec) {
  if (spec == nullptr) return kx::null_arg("spec");
  KX_TRY(kx::check_version(spec->version, KX_HONOUR_SPEC_VERSION, "kx_honour_spec"));
  kexie::HonourSpec h;
  KX_TRY_ASSIGN(h.kind, kx::enum_arg<kexie::HonourKind>(spec->kind, "honour kind"));
  if (spec->person != 0) h.person = kexie::PersonId{spec->person};
  if (spec->organization != 0) h.organization = kexie::OrgId{spec->organization};
  h.grantor = kexie::OrgId{spec->grantor};
  if (spec->title != nullptr) h.title = spec->title;
  if (spec->basis != nullptr) h.basis = spec->basis;
  if (spec->activity != 0) h.activity = kexie::ActivityId{spec->activity};
  KX_TRY_ASSIGN(h.date, kx::date(spec->date, "date"));
  return h;
}

int each_honour(const std::vector<kexie::Honour>& honours, kx_honour_cb cb, void* payload) {
  for (const kexie::Honour& h : honours) {
    const kx_honour_info info{h.id.value(),
                              static_cast<int>(h.kind),
                              h.person ? h.person->value() : 0u,
                              h.organization ? h.organization->value() : 0u,
                              h.grantor.value(),
                              h.title.c_str(),
                              h.basis.c_str(),
                              h.activity ? h.activity->value() : 0u,
                              h.date.days()};
    if (const int stop = cb(&info, payload); stop != 0) return stop;
  }
  return 0;
}

}  // namespace

extern "C" {

int kx_registry_new(kx_registry** out, const kx_registry_options* options) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    kexie::Policy policy;
    if (options != nullptr) {
      KX_TRY(
          kx::check_version(options->version, KX_REGISTRY_OPTIONS_VERSION, "kx_registry_options"));
      policy.young_age_max = options->young_age_max;
      policy.annual_hours_min = options->annual_hours_min;
      policy.professional_share_num = options->professional_share_num;
      policy.professional_share_den = options->professional_share_den;
      if (options->version >= 2)
        policy.employer_tied_membership = options->employer_tied_membership != 0;
      if (!policy.ok()) return kx::invalid("the registry policy is not usable");
    }
    *out = new kx_registry(kexie::Registry(policy));
    return KX_OK;
  });
}

void kx_registry_free(kx_registry* registry) {
  // A snapshot's registry is freed with the snapshot; freeing it here by mistake
  // must not leave the snapshot's books and campaigns dangling.
  if (registry != nullptr && registry->borrowed()) return;
  delete registry;
}

int kx_registry_add_org(uint32_t* out, kx_registry* registry, const kx_org_spec* spec) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_NEED(spec);
    KX_TRY(kx::check_version(spec->version, KX_ORG_SPEC_VERSION, "kx_org_spec"));
    kexie::OrgSpec s;
    KX_TRY_ASSIGN(s.kind, kx::enum_arg<kexie::OrgKind>(spec->kind, "kind"));
    s.name = std::string(kx::opt(spec->name));
    s.parent = kexie::OrgId{spec->parent};
    KX_TRY_ASSIGN(s.effective, kx::date(spec->effective, "effective"));
    KX_TRY_ASSIGN(s.level, kx::enum_arg<kexie::LocalLevel>(spec->level, "level"));
    s.enterprise.enterprise_name = std::string(kx::opt(spec->enterprise_name));
    KX_TRY_ASSIGN(s.enterprise.ownership,
                  kx::enum_arg<kexie::Ownership>(spec->ownership, "ownership"));
    s.enterprise.industry = std::string(kx::opt(spec->industry));
    s.enterprise.region = std::string(kx::opt(spec->region));
    KX_TRY_ASSIGN(const kexie::OrgId id, registry->registry().add_organization(s));
    *out = id.value();
    return KX_OK;
  });
}

int kx_registry_org(kx_org_info* out, const kx_registry* registry, uint32_t org) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::Organization o,
                  registry->registry().organization(kexie::OrgId{org}));
    *out = org_info(o);
    return KX_OK;
  });
}

int kx_registry_org_name(char** out, const kx_registry* registry, uint32_t org) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::Organization o,
                  registry->registry().organization(kexie::OrgId{org}));
    return kx::give(out, o.name);
  });
}

int kx_registry_parent(uint32_t* out, const kx_registry* registry, uint32_t org,
                       const char* as_of) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::Date day, kx::date(as_of, "as_of"));
    KX_TRY_ASSIGN(const kexie::OrgId parent, registry->registry().parent(kexie::OrgId{org}, day));
    *out = parent.value();
    return KX_OK;
  });
}

int kx_registry_dissolve(kx_registry* registry, uint32_t org, const char* last_day) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::Date day, kx::date(last_day, "last_day"));
    return registry->registry().dissolve(kexie::OrgId{org}, day);
  });
}

int kx_registry_subtree_foreach(const kx_registry* registry, uint32_t root, const char* as_of,
                                int kind, kx_org_cb cb, void* payload) {
  int stop = 0;
  const int rc = kx::guard([&]() -> kx::Rc {
    KX_NEED(registry);
    KX_NEED(cb);
    std::optional<kexie::OrgKind> k;
    if (kind >= 0) {
      KX_TRY_ASSIGN(k, kx::enum_arg<kexie::OrgKind>(kind, "kind"));
    }
    KX_TRY_ASSIGN(const kexie::Date day, kx::date(as_of, "as_of"));
    if (!registry->registry().exists(kexie::OrgId{root}, day)) {
      return kexie::Error(kexie::ErrorCode::not_found,
                          "organization " + std::to_string(root) + " is not in effect");
    }
    for (kexie::OrgId id : registry->registry().subtree_ids(kexie::OrgId{root}, day, k)) {
      if ((stop = cb(id.value(), payload)) != 0) break;
    }
    return KX_OK;
  });
  return rc != 0 ? rc : kx::stopped(stop);
}

int kx_registry_add_person(uint32_t* out, kx_registry* registry, const kx_person_spec* spec) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_NEED(spec);
    KX_TRY(kx::check_version(spec->version, KX_PERSON_SPEC_VERSION, "kx_person_spec"));
    kexie::PersonSpec s;
    s.name = std::string(kx::opt(spec->name));
    KX_TRY_ASSIGN(s.birth, kx::date(spec->birth, "birth"));
    s.employer = kexie::OrgId{spec->employer};
    s.external_key = std::string(kx::opt(spec->external_key));
    KX_TRY_ASSIGN(s.title, kx::enum_arg<kexie::Title>(spec->title, "title"));
    s.discipline = std::string(kx::opt(spec->discipline));
    KX_TRY_ASSIGN(const kexie::PersonId id, registry->registry().add_person(s));
    *out = id.value();
    return KX_OK;
  });
}

int kx_registry_person(kx_person_info* out, const kx_registry* registry, uint32_t person) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::Person p, registry->registry().person(kexie::PersonId{person}));
    *out = {p.id.value(), p.birth.days(), p.employer.value(), static_cast<int>(p.title)};
    return KX_OK;
  });
}

int kx_registry_person_name(char** out, const kx_registry* registry, uint32_t person) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::Person p, registry->registry().person(kexie::PersonId{person}));
    return kx::give(out, p.name);
  });
}

int kx_registry_find_person(uint32_t* out, const kx_registry* registry, uint32_t employer,
                            const char* external_key) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_NEED(external_key);
    KX_TRY_ASSIGN(const kexie::PersonId id,
                  registry->registry().find_person(kexie::OrgId{employer}, external_key));
    *out = id.value();
    return KX_OK;
  });
}

int kx_registry_is_young(int* out, const kx_registry* registry, uint32_t person,
                         const char* as_of) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::Date day, kx::date(as_of, "as_of"));
    KX_TRY_ASSIGN(const kexie::Youth youth,
                  registry->registry().youth(kexie::PersonId{person}, day));
    *out = youth == kexie::Youth::young ? 1 : 0;
    return KX_OK;
  });
}

int kx_registry_add_membership(uint32_t* out, kx_registry* registry, uint32_t person, uint32_t org,
                               int role, const char* first, const char* last) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::Date from, kx::date(first, "first"));
    kexie::Date to = kexie::Date::max();
    if (last != nullptr) {
      KX_TRY_ASSIGN(to, kx::date(last, "last"));
    }
    KX_TRY_ASSIGN(const kexie::Role r, kx::enum_arg<kexie::Role>(role, "role"));
    KX_TRY_ASSIGN(const kexie::MembershipId id,
                  registry->registry().add_membership(kexie::PersonId{person}, kexie::OrgId{org}, r,
                                                      kexie::Period{from, to}));
    *out = id.value();
    return KX_OK;
  });
}

int kx_registry_end_membership(kx_registry* registry, uint32_t membership, const char* last_day) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::Date day, kx::date(last_day, "last_day"));
    return registry->registry().end_membership(kexie::MembershipId{membership}, day);
  });
}

int kx_registry_memberships_foreach(const kx_registry* registry, uint32_t person,
                                    kx_membership_cb cb, void* payload) {
  int stop = 0;
  const int rc = kx::guard([&]() -> kx::Rc {
    KX_NEED(registry);
    KX_NEED(cb);
    // not_found for unknown people
    KX_TRY(registry->registry().person(kexie::PersonId{person}));
    for (kexie::MembershipId id : registry->registry().memberships_of(kexie::PersonId{person})) {
      KX_TRY_ASSIGN(const kexie::Membership m, registry->registry().membership(id));
      const kx_membership_info info{m.id.value(),          m.person.value(),
                                    m.org.value(),         static_cast<int>(m.role),
                                    m.period.first.days(), m.period.last.days()};
      if ((stop = cb(&info, payload)) != 0) break;
    }
    return KX_OK;
  });
  return rc != 0 ? rc : kx::stopped(stop);
}

int kx_registry_members_foreach(const kx_registry* registry, uint32_t root, const char* as_of,
                                const kx_member_filter* filter, kx_member_cb cb, void* payload) {
  int stop = 0;
  const int rc = kx::guard([&]() -> kx::Rc {
    KX_NEED(registry);
    KX_NEED(cb);
    KX_TRY_ASSIGN(const Selection s, select_members(registry, root, as_of, filter));
    for (std::uint32_t i : s.rows) {
      const kx_member_row row = row_of(s.index.entry(i));
      if ((stop = cb(&row, payload)) != 0) break;
    }
    return KX_OK;
  });
  return rc != 0 ? rc : kx::stopped(stop);
}

int kx_registry_members(kx_member_row** out, size_t* count, const kx_registry* registry,
                        uint32_t root, const char* as_of, const kx_member_filter* filter) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(count);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const Selection s, select_members(registry, root, as_of, filter));
    kx_member_row* array = nullptr;
    if (!s.rows.empty()) {
      array = static_cast<kx_member_row*>(std::malloc(s.rows.size() * sizeof(kx_member_row)));
      if (array == nullptr) return kx::fail_nomem();
      for (std::size_t k = 0; k < s.rows.size(); ++k) array[k] = row_of(s.index.entry(s.rows[k]));
    }
    *out = array;
    *count = s.rows.size();
    return KX_OK;
  });
}

void kx_member_rows_free(kx_member_row* rows) { std::free(rows); }

int kx_registry_rollup(kx_rollup* out, const kx_registry* registry, uint32_t org,
                       const char* as_of) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::Date day, kx::date(as_of, "as_of"));
    KX_TRY_ASSIGN(const kexie::Rollup r, registry->registry().rollup(kexie::OrgId{org}, day));
    *out = {r.members, r.young, r.experts};
    return KX_OK;
  });
}

// ---- appointments and honours (issue 13) -----------------------------------------------------

int kx_registry_appoint(uint32_t* out, kx_registry* registry, uint32_t person, uint32_t org,
                        int role, const char* first, const char* last) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::Date from, kx::date(first, "first"));
    kexie::Date to = kexie::Date::max();
    if (last != nullptr) {
      KX_TRY_ASSIGN(to, kx::date(last, "last"));
    }
    KX_TRY_ASSIGN(const kexie::OfficerRole r, kx::enum_arg<kexie::OfficerRole>(role, "role"));
    KX_TRY_ASSIGN(const kexie::AppointmentId id,
                  registry->registry().appoint({.person = kexie::PersonId{person},
                                                .org = kexie::OrgId{org},
                                                .role = r,
                                                .period = kexie::Period{from, to}}));
    *out = id.value();
    return KX_OK;
  });
}

int kx_registry_add_expert(uint32_t* out, kx_registry* registry, uint32_t person, uint32_t org,
                           const char* const* fields, size_t field_count, const char* first,
                           const char* last) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    if (field_count > 0) KX_NEED(fields);
    KX_TRY(kx::array_size(field_count, sizeof(const char*), "field_count"));
    KX_TRY_ASSIGN(const kexie::Date from, kx::date(first, "first"));
    kexie::Date to = kexie::Date::max();
    if (last != nullptr) {
      KX_TRY_ASSIGN(to, kx::date(last, "last"));
    }
    std::vector<std::string> list;
    list.reserve(field_count);
    for (std::size_t i = 0; i < field_count; ++i) {
      if (fields[i] == nullptr) return kx::null_arg("fields[i]");
      list.emplace_back(fields[i]);
    }
    KX_TRY_ASSIGN(const kexie::ExpertId id,
                  registry->registry().add_expert(kexie::PersonId{person}, kexie::OrgId{org},
                                                  std::move(list), kexie::Period{from, to}));
    *out = id.value();
    return KX_OK;
  });
}

int kx_registry_add_training(uint32_t* out, kx_registry* registry, uint32_t person, int hours,
                             int kind, const char* date) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::TrainingKind k, kx::enum_arg<kexie::TrainingKind>(kind, "kind"));
    KX_TRY_ASSIGN(const kexie::Date day, kx::date(date, "date"));
    KX_TRY_ASSIGN(const kexie::TrainingId id,
                  registry->registry().add_training(kexie::PersonId{person}, hours, k, day));
    *out = id.value();
    return KX_OK;
  });
}

int kx_registry_education_status(kx_education_status* out, const kx_registry* registry,
                                 uint32_t person, int year) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::EducationStatus s,
                  registry->registry().continuing_education_status(kexie::PersonId{person}, year));
    *out = kx_education_status{s.year, s.hours, s.professional_hours, s.compliant ? 1 : 0,
                               s.shortfall};
    return KX_OK;
  });
}

int kx_registry_end_appointment(kx_registry* registry, uint32_t appointment, const char* last_day) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::Date day, kx::date(last_day, "last_day"));
    return registry->registry().end_appointment(kexie::AppointmentId{appointment}, day);
  });
}

int kx_registry_appointments_foreach(const kx_registry* registry, uint32_t person,
                                     const char* as_of, kx_appointment_cb cb, void* payload) {
  int stop = 0;
  const int rc = kx::guard([&]() -> kx::Rc {
    KX_NEED(registry);
    KX_NEED(cb);
    KX_TRY_ASSIGN(const kexie::Date day, kx::date(as_of, "as_of"));
    KX_TRY(registry->registry().person(kexie::PersonId{person}));  // not_found
    for (const kexie::Appointment& a :
         registry->registry().appointments_of(kexie::PersonId{person}, day)) {
      const kx_appointment_info info{a.id.value(),          a.person.value(),
                                     a.org.value(),         static_cast<int>(a.role),
                                     a.period.first.days(), a.period.last.days()};
      if ((stop = cb(&info, payload)) != 0) break;
    }
    return KX_OK;
  });
  return rc != 0 ? rc : stop;
}

int kx_registry_record_honour(uint32_t* out, kx_registry* registry, const kx_honour_spec* spec) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::HonourSpec h, honour_spec(spec));
    KX_TRY_ASSIGN(const kexie::HonourId id, registry->registry().record_honour(h));
    *out = id.value();
    return KX_OK;
  });
}

int kx_registry_record_honours(kx_registry* registry, const kx_honour_spec* specs, size_t count) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(registry);
    if (count > 0) KX_NEED(specs);
    std::vector<kexie::HonourSpec> all;
    all.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      KX_TRY_ASSIGN(kexie::HonourSpec h, honour_spec(&specs[i]));
      all.push_back(std::move(h));
    }
    return registry->registry().record_honours(all);
  });
}

int kx_registry_honours_foreach(const kx_registry* registry, uint32_t person, uint32_t org,
                                kx_honour_cb cb, void* payload) {
  int stop = 0;
  const int rc = kx::guard([&]() -> kx::Rc {
    KX_NEED(registry);
    KX_NEED(cb);
    const kexie::Registry& reg = registry->registry();
    stop = each_honour(
        person != 0 ? reg.honours_of(kexie::PersonId{person}) : reg.honours_of(kexie::OrgId{org}),
        cb, payload);
    return KX_OK;
  });
  return rc != 0 ? rc : stop;
}

int kx_registry_honours_granted_foreach(const kx_registry* registry, uint32_t root,
                                        const char* first, const char* last, kx_honour_cb cb,
                                        void* payload) {
  int stop = 0;
  const int rc = kx::guard([&]() -> kx::Rc {
    KX_NEED(registry);
    KX_NEED(cb);
    KX_TRY_ASSIGN(const kexie::Date from, kx::date(first, "first"));
    KX_TRY_ASSIGN(const kexie::Date to, kx::date(last, "last"));
    stop = each_honour(
        registry->registry().honours_granted(kexie::OrgId{root}, kexie::Period{from, to}), cb,
        payload);
    return KX_OK;
  });
  return rc != 0 ? rc : stop;
}

int kx_registry_award_exemplary(kx_registry* registry, uint32_t org, const char* first,
                                const char* last, uint32_t grantor, const char* basis) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(registry);
    KX_NEED(basis);
    KX_TRY_ASSIGN(const kexie::Date from, kx::date(first, "first"));
    KX_TRY_ASSIGN(const kexie::Date to, kx::date(last, "last"));
    return registry->registry().award_exemplary(kexie::OrgId{org}, kexie::Period{from, to},
                                                kexie::OrgId{grantor}, basis);
  });
}

}  // extern "C"
