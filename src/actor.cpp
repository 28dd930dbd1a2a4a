// Actors: printing, building one from the registry's memberships and
// appointments, and checking a given one against the registry.
#include "kexie/actor.hpp"

#include <algorithm>
#include <string>

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
  for (const Appointment& a : registry.appointments_of(person, as_of)) {
    const RoleGrant g{lifecycle_role(a.role), a.org};
    if (std::find(roles.begin(), roles.end(), g) == roles.end()) roles.push_back(g);
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

namespace {

bool role_backed(const Registry& registry, PersonId person, RoleGrant g, Date on) {
  for (MembershipId id : registry.memberships_of(person)) {
    Result<Membership> m = registry.membership(id);
    if (m && m->org == g.org && m->role == g.role && m->period.contains(on)) return true;
  }
  for (const Appointment& a : registry.appointments_of(person, on))
    if (a.org == g.org && lifecycle_role(a.role) == g.role) return true;
  return false;
}

bool pool_backed(const Registry& registry, PersonId person, OrgId pool, Date on) {
  for (ExpertId e : registry.expert_ids(pool, on)) {
    Result<ExpertListing> listing = registry.expert(e);
    if (listing && listing->person == person) return true;
  }
  return false;
}

Error unbacked(std::string what) {
  return Error(ErrorCode::permission_denied, std::move(what), "actor.unbacked_role", "A14");
}

}  // namespace

Status backed_by_registry(const Registry& registry, const Actor& actor, Date on) {
  if (actor.roles().empty() && actor.expert_pools().empty()) return {};
  if (!registry.person(actor.person()))
    return unbacked(to_string(actor.person()) +
                    " is not in the registry, so no role it claims is backed");
  for (const RoleGrant& g : actor.roles())
    if (!role_backed(registry, actor.person(), g, on))
      return unbacked("the registry does not back " + to_string(actor.person()) + " as " +
                      std::string(to_string(g.role)) + " of " + to_string(g.org) + " on " +
                      on.to_string() + " (no membership or appointment)");
  for (OrgId pool : actor.expert_pools())
    if (!pool_backed(registry, actor.person(), pool, on))
      return unbacked("the registry does not list " + to_string(actor.person()) +
                      " in the expert pool of " + to_string(pool) + " on " + on.to_string());
  return {};
}

}  // namespace v1
}  // namespace kexie
