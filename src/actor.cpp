// Actors: printing, and building one from the registry's memberships.
#include "kexie/actor.hpp"

#include "kexie/registry.hpp"

namespace kexie {
inline namespace v1 {

std::string to_string(const Actor& actor) {
  std::string out = kexie::to_string(actor.person());
  out += " [";
  bool first = true;
  auto sep = [&] {
    if (!first) out += ", ";
    first = false;
  };
  for (const RoleGrant& g : actor.roles()) {
    sep();
    out += to_string(g.role);
    out += '@';
    out += kexie::to_string(g.org);
  }
  for (OrgId pool : actor.expert_pools()) {
    sep();
    out += "expert@";
    out += kexie::to_string(pool);
  }
  out += ']';
  return out;
}

std::ostream& operator<<(std::ostream& os, const Actor& actor) { return os << to_string(actor); }

Result<Actor> actor_as_of(const Registry& registry, PersonId person, Date as_of) {
  if (auto p = registry.person(person); !p) return p.error();
  std::vector<RoleGrant> roles;
  for (MembershipId id : registry.memberships_of(person)) {
    Result<Membership> m = registry.membership(id);
    if (m && m->period.contains(as_of)) roles.push_back({m->role, m->org});
  }
  Actor actor(person, std::move(roles));
  if (const OrgId root = registry.root(); root.ok()) {
    for (OrgId org : registry.subtree_ids(root, as_of)) {
      for (ExpertId e : registry.expert_ids(org, as_of)) {
        Result<ExpertListing> listing = registry.expert(e);
        if (listing && listing->person == person) {
          actor = actor.with_expert_pool(org);
          break;
        }
      }
    }
  }
  return actor;
}

}  // namespace v1
}  // namespace kexie
