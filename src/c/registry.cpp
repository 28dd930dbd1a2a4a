// The C API over kexie::Registry: organizations, people, memberships and member
// queries (callbacks and a batch array).
#include <cstdlib>
#include <optional>

#include "capi.hpp"
#include "handles.hpp"

namespace {

kx_org_info org_info(const kexie::Organization& o) {
  return {o.id.value(), static_cast<int>(o.kind), static_cast<int>(o.level), o.period.first.days(),
          o.period.last.days()};
}

kexie::MemberFilter member_filter(const kx_member_filter* f) {
  kexie::MemberFilter out;
  if (f == nullptr) return out;
  kx::check_version(f->version, KX_MEMBER_FILTER_VERSION, "kx_member_filter");
  if (f->role >= 0) out.role = kx::enum_of<kexie::Role>(f->role, 6, "role");
  out.young = f->young != 0;
  if (f->min_title >= 0) out.min_title = kx::enum_of<kexie::Title>(f->min_title, 5, "min_title");
  out.discipline = std::string(kx::opt(f->discipline));
  return out;
}

kx_member_row row_of(const kexie::MemberEntry& m) {
  return {m.person.value(), m.org.value(), m.roles, static_cast<int>(m.title), m.birth.days(),
          m.young ? 1 : 0};
}

}  // namespace

extern "C" {

int kx_registry_new(kx_registry** out, const kx_registry_options* options) {
  return kx::guard([&] {
    kx::need(out, "out");
    kexie::Policy policy;
    if (options != nullptr) {
      kx::check_version(options->version, KX_REGISTRY_OPTIONS_VERSION, "kx_registry_options");
      policy.young_age_max = options->young_age_max;
      policy.annual_hours_min = options->annual_hours_min;
      policy.professional_share_num = options->professional_share_num;
      policy.professional_share_den = options->professional_share_den;
      if (!policy.ok()) kx::refuse(kexie::ErrorCode::invalid_argument, "the registry policy is not usable");
    }
    *out = new kx_registry(kexie::Registry(policy));
  });
}

void kx_registry_free(kx_registry* registry) {
  // A snapshot's registry is freed with the snapshot; freeing it here by mistake
  // must not leave the snapshot's books and campaigns dangling.
  if (registry != nullptr && registry->borrowed()) return;
  delete registry;
}

int kx_registry_add_org(uint32_t* out, kx_registry* registry, const kx_org_spec* spec) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(registry, "registry");
    kx::need(spec, "spec");
    kx::check_version(spec->version, KX_ORG_SPEC_VERSION, "kx_org_spec");
    kexie::OrgSpec s;
    s.kind = kx::enum_of<kexie::OrgKind>(spec->kind, 9, "kind");
    s.name = std::string(kx::opt(spec->name));
    s.parent = kexie::OrgId{spec->parent};
    s.effective = kx::date(spec->effective, "effective");
    s.level = kx::enum_of<kexie::LocalLevel>(spec->level, 5, "level");
    s.enterprise.enterprise_name = std::string(kx::opt(spec->enterprise_name));
    s.enterprise.ownership = kx::enum_of<kexie::Ownership>(spec->ownership, 5, "ownership");
    s.enterprise.industry = std::string(kx::opt(spec->industry));
    s.enterprise.region = std::string(kx::opt(spec->region));
    *out = kx::take(registry->registry().add_organization(s)).value();
  });
}

int kx_registry_org(kx_org_info* out, const kx_registry* registry, uint32_t org) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(registry, "registry");
    *out = org_info(kx::take(registry->registry().organization(kexie::OrgId{org})));
  });
}

int kx_registry_org_name(char** out, const kx_registry* registry, uint32_t org) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(registry, "registry");
    *out = kx::dup(kx::take(registry->registry().organization(kexie::OrgId{org})).name);
  });
}

int kx_registry_parent(uint32_t* out, const kx_registry* registry, uint32_t org,
                       const char* as_of) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(registry, "registry");
    *out =
        kx::take(registry->registry().parent(kexie::OrgId{org}, kx::date(as_of, "as_of"))).value();
  });
}

int kx_registry_dissolve(kx_registry* registry, uint32_t org, const char* last_day) {
  return kx::guard([&] {
    kx::need(registry, "registry");
    kx::take(registry->registry().dissolve(kexie::OrgId{org}, kx::date(last_day, "last_day")));
  });
}

int kx_registry_subtree_foreach(const kx_registry* registry, uint32_t root, const char* as_of,
                                int kind, kx_org_cb cb, void* payload) {
  int stop = 0;
  const int rc = kx::guard([&] {
    kx::need(registry, "registry");
    kx::need(cb, "cb");
    std::optional<kexie::OrgKind> k;
    if (kind >= 0) k = kx::enum_of<kexie::OrgKind>(kind, 9, "kind");
    const kexie::Date d = kx::date(as_of, "as_of");
    if (!registry->registry().exists(kexie::OrgId{root}, d))
      kx::refuse(kexie::ErrorCode::not_found, "organization " + std::to_string(root) + " is not in effect");
    for (kexie::OrgId id : registry->registry().subtree_ids(kexie::OrgId{root}, d, k))
      if ((stop = cb(id.value(), payload)) != 0) return;
  });
  return rc != 0 ? rc : stop;
}

int kx_registry_add_person(uint32_t* out, kx_registry* registry, const kx_person_spec* spec) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(registry, "registry");
    kx::need(spec, "spec");
    kx::check_version(spec->version, KX_PERSON_SPEC_VERSION, "kx_person_spec");
    kexie::PersonSpec s;
    s.name = std::string(kx::opt(spec->name));
    s.birth = kx::date(spec->birth, "birth");
    s.employer = kexie::OrgId{spec->employer};
    s.external_key = std::string(kx::opt(spec->external_key));
    s.title = kx::enum_of<kexie::Title>(spec->title, 5, "title");
    s.discipline = std::string(kx::opt(spec->discipline));
    *out = kx::take(registry->registry().add_person(s)).value();
  });
}

int kx_registry_person(kx_person_info* out, const kx_registry* registry, uint32_t person) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(registry, "registry");
    const kexie::Person p = kx::take(registry->registry().person(kexie::PersonId{person}));
    *out = {p.id.value(), p.birth.days(), p.employer.value(), static_cast<int>(p.title)};
  });
}

int kx_registry_person_name(char** out, const kx_registry* registry, uint32_t person) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(registry, "registry");
    *out = kx::dup(kx::take(registry->registry().person(kexie::PersonId{person})).name);
  });
}

int kx_registry_find_person(uint32_t* out, const kx_registry* registry, uint32_t employer,
                            const char* external_key) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(registry, "registry");
    *out = kx::take(registry->registry().find_person(kexie::OrgId{employer},
                                                     kx::str(external_key, "external_key")))
               .value();
  });
}

int kx_registry_is_young(int* out, const kx_registry* registry, uint32_t person,
                         const char* as_of) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(registry, "registry");
    *out = kx::take(registry->registry().youth(kexie::PersonId{person},
                                               kx::date(as_of, "as_of"))) == kexie::Youth::young
               ? 1
               : 0;
  });
}

int kx_registry_add_membership(uint32_t* out, kx_registry* registry, uint32_t person,
                               uint32_t org, int role, const char* first, const char* last) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(registry, "registry");
    const kexie::Date from = kx::date(first, "first");
    const kexie::Date to = last == nullptr ? kexie::Date::max() : kx::date(last, "last");
    *out = kx::take(registry->registry().add_membership(kexie::PersonId{person}, kexie::OrgId{org},
                                                        kx::enum_of<kexie::Role>(role, 6, "role"),
                                                        kexie::Period{from, to}))
               .value();
  });
}

int kx_registry_end_membership(kx_registry* registry, uint32_t membership, const char* last_day) {
  return kx::guard([&] {
    kx::need(registry, "registry");
    kx::take(registry->registry().end_membership(kexie::MembershipId{membership},
                                                 kx::date(last_day, "last_day")));
  });
}

int kx_registry_memberships_foreach(const kx_registry* registry, uint32_t person,
                                    kx_membership_cb cb, void* payload) {
  int stop = 0;
  const int rc = kx::guard([&] {
    kx::need(registry, "registry");
    kx::need(cb, "cb");
    kx::take(registry->registry().person(kexie::PersonId{person}));  // not_found for unknown people
    for (kexie::MembershipId id : registry->registry().memberships_of(kexie::PersonId{person})) {
      const kexie::Membership m = kx::take(registry->registry().membership(id));
      const kx_membership_info info{m.id.value(), m.person.value(), m.org.value(),
                                    static_cast<int>(m.role), m.period.first.days(),
                                    m.period.last.days()};
      if ((stop = cb(&info, payload)) != 0) return;
    }
  });
  return rc != 0 ? rc : stop;
}

int kx_registry_members_foreach(const kx_registry* registry, uint32_t root, const char* as_of,
                                const kx_member_filter* filter, kx_member_cb cb, void* payload) {
  int stop = 0;
  const int rc = kx::guard([&] {
    kx::need(registry, "registry");
    kx::need(cb, "cb");
    const kexie::MemberFilter f = member_filter(filter);
    kx::take(registry->registry().organization(kexie::OrgId{root}));
    const kexie::MemberIndex index = registry->registry().member_index(kx::date(as_of, "as_of"));
    for (std::uint32_t i : index.select(kexie::OrgId{root}, f)) {
      const kx_member_row row = row_of(index.entry(i));
      if ((stop = cb(&row, payload)) != 0) return;
    }
  });
  return rc != 0 ? rc : stop;
}

int kx_registry_members(kx_member_row** out, size_t* count, const kx_registry* registry,
                        uint32_t root, const char* as_of, const kx_member_filter* filter) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(count, "count");
    kx::need(registry, "registry");
    const kexie::MemberFilter f = member_filter(filter);
    kx::take(registry->registry().organization(kexie::OrgId{root}));
    const kexie::MemberIndex index = registry->registry().member_index(kx::date(as_of, "as_of"));
    const std::vector<std::uint32_t> rows = index.select(kexie::OrgId{root}, f);
    kx_member_row* array = nullptr;
    if (!rows.empty()) {
      array = static_cast<kx_member_row*>(std::malloc(rows.size() * sizeof(kx_member_row)));
      if (array == nullptr) throw std::bad_alloc();
      for (std::size_t k = 0; k < rows.size(); ++k) array[k] = row_of(index.entry(rows[k]));
    }
    *out = array;
    *count = rows.size();
  });
}

void kx_member_rows_free(kx_member_row* rows) { std::free(rows); }

int kx_registry_rollup(kx_rollup* out, const kx_registry* registry, uint32_t org,
                       const char* as_of) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(registry, "registry");
    const kexie::Rollup r =
        kx::take(registry->registry().rollup(kexie::OrgId{org}, kx::date(as_of, "as_of")));
    *out = {r.members, r.young, r.experts};
  });
}

}  // extern "C"
