// Memberships of DOMAIN.md §2: a person belongs to an enterprise association
// (and optionally its branches and study groups) or a national society over a
// period, with a role; and expert-pool listings (专家库) of a person in an
// organization. Plain values, plus the filter used by member queries.
#ifndef KEXIE_MEMBERSHIP_HPP
#define KEXIE_MEMBERSHIP_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kexie/date.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"
#include "kexie/ids.hpp"
#include "kexie/person.hpp"

namespace kexie {
inline namespace v1 {

/// The role a membership gives.
///
///   registry.add_membership(person, ent, kexie::Role::secretary_general, kexie::Period::from(d));
enum class Role : std::uint8_t {
  member,             ///< 会员
  chair,              ///< 主席 / 理事长
  vice_chair,         ///< 副主席
  secretary_general,  ///< 秘书长 (A13: at most one active per enterprise association)
  full_time_staff,    ///< 专职工作人员
  part_time_staff,    ///< 兼职工作人员
};

/// The names of `Role`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<Role> {
  static constexpr std::array<std::string_view, 6> names{
      "member", "chair", "vice_chair", "secretary_general", "full_time_staff", "part_time_staff"};
  static constexpr bool listed(Role v) noexcept {
    switch (v) {
      case Role::member:
      case Role::chair:
      case Role::vice_chair:
      case Role::secretary_general:
      case Role::full_time_staff:
      case Role::part_time_staff:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<Role>());

/// "member", "chair", "vice_chair", "secretary_general", "full_time_staff", "part_time_staff".
[[nodiscard]] KEXIE_API std::string_view to_string(Role role) noexcept;

/// A set of roles, one bit per `Role` (bit `1 << role`).
///
///   kexie::RoleSet s = kexie::role_bit(kexie::Role::chair) | kexie::role_bit(kexie::Role::member);
using RoleSet = std::uint8_t;
static_assert(enum_count<Role> <= 8 * sizeof(RoleSet), "a RoleSet has a bit per role");

/// The bit of `role` in a `RoleSet`.
[[nodiscard]] constexpr RoleSet role_bit(Role role) noexcept {
  return static_cast<RoleSet>(1u << static_cast<unsigned>(role));
}

/// A person's membership of an organization with a role over a period.
///
///   kexie::Membership m = registry.membership(id).value();
///   assert(m.period.contains("2025-01-01"_date));
struct Membership {
  /// Identifier.
  MembershipId id;
  /// The member.
  PersonId person;
  /// An enterprise association, branch, study group or society.
  OrgId org;
  /// The role.
  Role role = Role::member;
  /// When it is in effect.
  Period period;
  friend bool operator==(const Membership&, const Membership&) = default;
};

/// A person listed in an organization's expert pool (专家库) with fields of
/// expertise, over a period (A3, A8).
///
///   kexie::ExpertListing e = registry.expert(id).value();
///   for (const std::string& f : e.fields) std::cout << f << ' ';
struct ExpertListing {
  /// Identifier.
  ExpertId id;
  /// The expert.
  PersonId person;
  /// The organization whose pool lists them.
  OrgId org;
  /// Fields of expertise; at least one.
  std::vector<std::string> fields;
  /// When the listing is in effect.
  Period period;
  friend bool operator==(const ExpertListing&, const ExpertListing&) = default;
};

/// Which members a member query returns. Empty fields do not filter.
///
///   kexie::MemberFilter young_engineers{.young = true, .min_title = kexie::Title::intermediate};
struct MemberFilter {
  /// Only members holding this role (in the organization where they are counted).
  std::optional<Role> role;
  /// Only young S&T workers (A9) as of the query date, by the registry's policy.
  bool young = false;
  /// Only people with at least this title.
  std::optional<Title> min_title;
  /// Only people of this discipline (exact match); empty: any.
  std::string discipline;
};

/// Counts for one organization's subtree as of a date: distinct people with
/// a membership in it, the young ones among them, distinct people listed in
/// expert pools in it.
///
///   kexie::Rollup r = registry.rollup(province, "2025-06-30"_date).value();
///   std::cout << r.members << " members, " << r.young << " young, " << r.experts << " experts";
struct Rollup {
  /// Distinct members in the subtree.
  std::size_t members = 0;
  /// Distinct young members in the subtree.
  std::size_t young = 0;
  /// Distinct experts listed in pools of the subtree.
  std::size_t experts = 0;
  friend bool operator==(const Rollup&, const Rollup&) = default;
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_MEMBERSHIP_HPP
