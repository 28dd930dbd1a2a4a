// Who performs a lifecycle operation. An `Actor` is a person acting in roles:
// each role is held at an organization (the "domain" of RBAC with domains), and
// a role held at an association also covers the organizations under it, as the
// registry's tree says on the day of the operation. Expert-pool listings (专家库)
// are carried the same way, because experts evaluate activities (A3, A8).
// Actors are plain values; the application builds one per request, usually from
// the registry's memberships as of that day.
#ifndef KEXIE_ACTOR_HPP
#define KEXIE_ACTOR_HPP

#include <algorithm>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "kexie/date.hpp"
#include "kexie/export.hpp"
#include "kexie/ids.hpp"
#include "kexie/membership.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

class Registry;

/// One role held at one organization.
///
///   kexie::RoleGrant g{kexie::Role::secretary_general, zhejiang};
struct RoleGrant {
  /// The role (a membership role, membership.hpp).
  Role role = Role::member;
  /// The organization where it is held; it covers the organizations under it too.
  OrgId org;
  /// Equal when role and organization are equal.
  friend constexpr bool operator==(RoleGrant, RoleGrant) noexcept = default;
};

/// A person acting in roles: the subject of every lifecycle operation.
///
///   kexie::Actor wang{wang_id, {{kexie::Role::chair, province}}};
///   kexie::Actor expert = kexie::Actor{li_id}.with_expert_pool(province);
///   assert(wang.holds(kexie::Role::chair, province));
class KEXIE_API Actor {
 public:
  /// Nobody; `ok()` is false and every operation refuses it.
  Actor() = default;
  /// `person` acting in the given roles, with no expert listing.
  /// \param person who acts; an unset id makes an actor every operation refuses
  /// \param roles the roles claimed, each at its organization (the registry must back
  /// them, `backed_by_registry`, unless the lifecycle policy allows asserted roles)
  explicit Actor(PersonId person, std::vector<RoleGrant> roles = {})
      : person_(person), roles_(std::move(roles)) {}

  /// The person acting.
  /// \return the person id given to the constructor (unset for `Actor()`)
  [[nodiscard]] PersonId person() const noexcept { return person_; }
  /// The roles, as given.
  /// \return the grants in the order given and added by `with_role`, duplicates kept
  [[nodiscard]] const std::vector<RoleGrant>& roles() const noexcept { return roles_; }
  /// The organizations whose expert pool lists this person.
  /// \return the pools added by `with_expert_pool`, in that order
  [[nodiscard]] const std::vector<OrgId>& expert_pools() const noexcept { return expert_pools_; }
  /// True when the person id is set.
  /// \return `person().ok()`
  [[nodiscard]] bool ok() const noexcept { return person_.ok(); }

  /// True when `role` is held exactly at `org` (no tree lookup; see
  /// `ActivityBook` for the scoped check).
  /// \param role the role looked for
  /// \param org the organization it must be held at, exactly
  /// \return true when `roles()` has the grant `{role, org}`
  ///
  ///   assert((Actor{p, {{Role::chair, org}}}.holds(Role::chair, org)));
  [[nodiscard]] bool holds(Role role, OrgId org) const noexcept {
    return std::find(roles_.begin(), roles_.end(), RoleGrant{role, org}) != roles_.end();
  }

  /// A copy that also holds `role` at `org`.
  /// \param role the role to add
  /// \param org the organization where it is held (covers those under it)
  /// \return this actor plus the grant; this actor is unchanged
  ///
  ///   Actor a = Actor{p}.with_role(Role::secretary_general, ent);
  [[nodiscard]] Actor with_role(Role role, OrgId org) const {
    Actor a = *this;
    a.roles_.push_back({role, org});
    return a;
  }
  /// A copy that is also listed in `org`'s expert pool.
  /// \param org the organization whose expert pool (专家库) lists the person
  /// \return this actor plus the listing; this actor is unchanged
  ///
  ///   Actor judge = Actor{p}.with_expert_pool(province);
  [[nodiscard]] Actor with_expert_pool(OrgId org) const {
    Actor a = *this;
    a.expert_pools_.push_back(org);
    return a;
  }

  /// Equal when person, roles and pools are equal, in the same order.
  friend bool operator==(const Actor&, const Actor&) = default;

 private:
  PersonId person_;
  std::vector<RoleGrant> roles_;
  std::vector<OrgId> expert_pools_;
};

/// "person:7 [chair@org:3, expert@org:1]", for logs and messages.
/// \param actor the actor
/// \return the person, then each role at its organization and each expert pool
///
///   std::cout << kexie::to_string(actor);
[[nodiscard]] KEXIE_API std::string to_string(const Actor& actor);
/// Streams `to_string(actor)`.
/// \param os the stream
/// \param actor the actor
/// \return os
KEXIE_API std::ostream& operator<<(std::ostream& os, const Actor& actor);

/// An actor for `person` from the registry as of `as_of`: every membership role in
/// effect that day (at its organization), the lifecycle role of every appointment
/// in effect (`lifecycle_role`, at the appointing organization: officers of CAST,
/// local associations, committees and societies) and every expert-pool listing in
/// effect (found by scanning the tree: O(organizations)). `not_found` for an
/// unknown person. Every role of the result is backed by the registry.
/// \param registry the memberships, appointments and expert pools to read
/// \param person the person acting
/// \param as_of the day of the operation
/// \return the actor with every role and listing in effect that day; `not_found`
///
///   kexie::Actor wang = kexie::actor_as_of(registry, wang_id, today).value();
[[nodiscard]] KEXIE_API Result<Actor> actor_as_of(const Registry& registry, PersonId person,
                                                  Date as_of);

/// Whether the registry backs every role and expert listing `actor` claims on
/// `on`: each `RoleGrant{role, org}` by a membership of the person in `org` with
/// that role or an appointment at `org` whose `lifecycle_role` is that role, and
/// each expert pool by a listing in that pool, all in effect on `on`. An actor
/// with no roles and no pools asserts nothing and passes. `permission_denied`
/// with rule `actor.unbacked_role` (article A14) naming the first role (and
/// organization) the registry does not back, or the person when unknown.
/// `ActivityBook` applies it to every operation unless the lifecycle policy sets
/// `allow_asserted_roles`.
/// \param registry the memberships, appointments and expert pools to check against
/// \param actor the actor whose claims are checked
/// \param on the day of the operation
/// \return ok when every claim is backed; otherwise `permission_denied` as above
///
///   kexie::Actor claimed{wang, {{kexie::Role::chair, cast}}};
///   kexie::Status s = kexie::backed_by_registry(registry, claimed, today);
///   assert(!s && s.error().rule() == "actor.unbacked_role");
[[nodiscard]] KEXIE_API Status backed_by_registry(const Registry& registry, const Actor& actor,
                                                  Date on);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_ACTOR_HPP
