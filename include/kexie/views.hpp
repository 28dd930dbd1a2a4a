// Range-v3 views over a registry's queries: the organizations of a subtree, the
// ancestors of one, the members of a subtree, expert pools, cooperation links
// and a person's memberships, as random-access, sized ranges. Each view owns
// what it reads (taken when the view is made), so it stays valid, unchanged,
// after the registry changes.
//
// This is the one kexie header that includes range-v3: the views are inline
// functions over the registry's exported, non-template queries (the way fmt's
// `format` wraps `vformat`), so no range-v3 type appears in an exported
// signature, and a program that does not include this header does not compile
// range-v3 at all. kexie.hpp includes it.
#ifndef KEXIE_VIEWS_HPP
#define KEXIE_VIEWS_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include <range/v3/view/iota.hpp>
#include <range/v3/view/transform.hpp>

#include "kexie/date.hpp"
#include "kexie/ids.hpp"
#include "kexie/membership.hpp"
#include "kexie/organization.hpp"
#include "kexie/registry.hpp"

namespace kexie {
inline namespace v1 {

/// Range-v3 views over a registry's queries. Each view owns what it reads (a
/// snapshot taken when the view is made), so it stays valid after the registry
/// changes.
///
///   // with kexie/views.hpp and range/v3/range/conversion.hpp included:
///   std::vector<kexie::OrgId> ents =
///       kexie::views::subtree(reg, prov, today, kexie::OrgKind::enterprise) |
///       ranges::to<std::vector>();
namespace views {
namespace detail {
/// A random-access view owning `items`.
template <class T>
auto owning(std::vector<T> items) {
  auto shared = std::make_shared<const std::vector<T>>(std::move(items));
  const std::size_t n = shared->size();
  return ranges::views::iota(std::size_t{0}, n) |
         ranges::views::transform([shared](std::size_t i) { return (*shared)[i]; });
}
}  // namespace detail

/// `root` and the organizations below it on `as_of`, depth first; only `kind` when given.
/// \param registry the registry read; the ids are copied when the view is made.
/// \param root the top of the subtree (included).
/// \param as_of the day of the tree.
/// \param kind only organizations of this kind; empty (the default) for every kind.
/// \return a random-access range of `OrgId`, owning its ids; empty for an unknown `root` or one not
/// in effect.
///
///   for (kexie::OrgId e : kexie::views::subtree(reg, prov, today, kexie::OrgKind::enterprise))
///     std::cout << reg.organization(e)->name << '\n';
inline auto subtree(const Registry& registry, OrgId root, Date as_of,
                    std::optional<OrgKind> kind = {}) {
  return detail::owning(registry.subtree_ids(root, as_of, kind));
}

/// The ancestors of `org` on `as_of`, nearest first.
/// \param registry the registry read; the ids are copied when the view is made.
/// \param org the organization whose ancestors are listed (not itself included).
/// \param as_of the day of the tree.
/// \return a random-access range of `OrgId`, parent first and the root last; empty for the root or
/// an unknown id.
///
///   for (kexie::OrgId a : kexie::views::ancestors(reg, study_group, today)) std::cout << a << ' ';
inline auto ancestors(const Registry& registry, OrgId org, Date as_of) {
  return detail::owning(registry.ancestor_ids(org, as_of));
}

/// Members of `root`'s subtree on `as_of` that pass `filter`: each person once,
/// or, with a role filter, once per organization where they hold the role. The
/// rows are selected when the view is made (`MemberIndex::select`, one scan of
/// the subtree's rows); the view is random-access and sized.
/// \param registry the registry read; the view shares its `MemberIndex` for `as_of`.
/// \param root the organization whose subtree (itself included) is listed.
/// \param as_of the day of the memberships.
/// \param filter the conditions a member must meet (role, youth, minimum title, discipline); the
/// default keeps every member.
/// \return a random-access, sized range of `MemberEntry`, in the index's depth-first order; empty
/// for an unknown `root`.
///
///   auto young = kexie::views::members(reg, prov, today, {.young = true});
///   auto n = static_cast<std::size_t>(ranges::distance(young));  // an explicit conversion
inline auto members(const Registry& registry, OrgId root, Date as_of, MemberFilter filter = {}) {
  MemberIndex index = registry.member_index(as_of);
  auto rows = std::make_shared<const std::vector<std::uint32_t>>(index.select(root, filter));
  const std::size_t n = rows->size();
  return ranges::views::iota(std::size_t{0}, n) |
         ranges::views::transform([index, rows](std::size_t k) { return index.entry((*rows)[k]); });
}

/// The expert listings of `org`'s own pool on `as_of`.
/// \param registry the registry read; the listings are copied when the view is made.
/// \param org the organization whose own pool is listed (not its subtree's).
/// \param as_of the day of the listings.
/// \return a random-access range of `ExpertListing`, in creation order.
///
///   for (const kexie::ExpertListing& e : kexie::views::experts(reg, prov, today)) …
inline auto experts(const Registry& registry, OrgId org, Date as_of) {
  std::vector<ExpertListing> out;
  for (ExpertId id : registry.expert_ids(org, as_of)) out.push_back(registry.expert(id).value());
  return detail::owning(std::move(out));
}

/// The cooperation links of `org` on `as_of`.
/// \param registry the registry read; the links are copied when the view is made.
/// \param org the organization on either side of the links.
/// \param as_of the day of the links.
/// \return a random-access range of `Link`, in creation order.
///
///   for (const kexie::Link& l : kexie::views::links(reg, ent, today)) std::cout << l.other;
inline auto links(const Registry& registry, OrgId org, Date as_of) {
  std::vector<Link> out;
  for (LinkId id : registry.link_ids(org, as_of)) out.push_back(registry.link(id).value());
  return detail::owning(std::move(out));
}

/// Every membership of `person`, ended ones included.
/// \param registry the registry read; the memberships are copied when the view is made.
/// \param person the member; an unknown person has none.
/// \return a random-access range of `Membership`, in creation order.
///
///   for (const kexie::Membership& m : kexie::views::memberships_of(reg, li))
///     std::cout << m.period;
inline auto memberships_of(const Registry& registry, PersonId person) {
  std::vector<Membership> out;
  for (MembershipId id : registry.memberships_of(person))
    out.push_back(registry.membership(id).value());
  return detail::owning(std::move(out));
}
}  // namespace views

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_VIEWS_HPP
