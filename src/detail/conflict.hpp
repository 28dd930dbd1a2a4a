// The conflict-of-interest rule of A12, shared by campaign judging (campaign.cpp)
// and activity evaluation (activity.cpp): nobody judges or evaluates the work of
// their own enterprise association. A person belongs to the organizations that
// employ them or list them as a member on the day; a conflict is one of those
// organizations within the enterprise association concerned. Internal.
#ifndef KEXIE_SRC_DETAIL_CONFLICT_HPP
#define KEXIE_SRC_DETAIL_CONFLICT_HPP

#include <optional>
#include <vector>

#include "kexie/registry.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

/// The organizations `person` belongs to on `on`: employer and memberships.
///
///   for (OrgId o : affiliations(reg, judge_person, as_of)) …
inline std::vector<OrgId> affiliations(const Registry& reg, PersonId person, Date on) {
  std::vector<OrgId> orgs;
  if (auto p = reg.person(person)) orgs.push_back(p->employer);
  for (MembershipId m : reg.memberships_of(person)) {
    auto ms = reg.membership(m);
    if (ms && ms->period.contains(on)) orgs.push_back(ms->org);
  }
  return orgs;
}

/// The first of `orgs` within `enterprise` on `on`, if any: the conflict.
///
///   if (auto o = conflicting(reg, orgs, entry_enterprise, as_of)) refuse(*o);
inline std::optional<OrgId> conflicting(const Registry& reg, const std::vector<OrgId>& orgs,
                                        OrgId enterprise, Date on) {
  for (OrgId org : orgs)
    if (reg.within(org, enterprise, on)) return org;
  return std::nullopt;
}

/// The enterprise association `org` is, or sits under, on `on`; nullopt when none.
///
///   auto ent = enterprise_of(reg, activity_owner, day);
inline std::optional<OrgId> enterprise_of(const Registry& reg, OrgId org, Date on) {
  if (reg.kind(org).value_or(OrgKind::partner) == OrgKind::enterprise) return org;
  for (OrgId a : reg.ancestor_ids(org, on))
    if (reg.kind(a).value_or(OrgKind::partner) == OrgKind::enterprise) return a;
  return std::nullopt;
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_DETAIL_CONFLICT_HPP
