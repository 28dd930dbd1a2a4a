// Memberships of DOMAIN.md §2: a person belongs to an enterprise association
// (and optionally its branches and study groups) or a national society over a
// period, with a role; and expert-pool listings (专家库) of a person in an
// organization; officers' appointments (A14, A15) and honours (表彰奖励, A9, A12,
// A14, A15), both facts of the registry with periods or dates. Plain values,
// plus the filter used by member queries.
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
/// \param role the enumerator to name
/// \return its name as `EnumNames<Role>` spells it, a static string;
/// "unknown" outside the enumeration
[[nodiscard]] KEXIE_API std::string_view to_string(Role role) noexcept;

/// A set of roles, one bit per `Role` (bit `1 << role`).
///
///   kexie::RoleSet s = kexie::role_bit(kexie::Role::chair) | kexie::role_bit(kexie::Role::member);
using RoleSet = std::uint8_t;
static_assert(enum_count<Role> <= 8 * sizeof(RoleSet), "a RoleSet has a bit per role");

/// The bit of `role` in a `RoleSet`.
/// \param role the role
/// \return a `RoleSet` holding only `role` (`1 << role`)
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
  /// Field-wise equality.
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
  /// Field-wise equality.
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
  /// Field-wise equality.
  friend bool operator==(const Rollup&, const Rollup&) = default;
};

/// An office held by appointment at an association (A14: the 分管部门 and 服务机构
/// of local associations; A15: CAST's working bodies and the committee). Officers
/// are not members: locals, CAST and committees have no members in the registry.
///
///   reg.appoint({.person = wang, .org = province, .role = kexie::OfficerRole::chair,
///                .period = kexie::Period::from("2021-01-01"_date)}).value();
enum class OfficerRole : std::uint8_t {
  chair,              ///< 主席
  vice_chair,         ///< 副主席
  secretary_general,  ///< 秘书长 / 党组书记
  department_head,    ///< head of the department in charge (分管部门, A14)
  service_staff,      ///< staff of the service body (服务机构, A14)
  committee_member,   ///< member of a committee (专门委员会委员, A15)
};

/// The names of `OfficerRole`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<OfficerRole> {
  static constexpr std::array<std::string_view, 6> names{
      "chair",         "vice_chair",      "secretary_general", "department_head",
      "service_staff", "committee_member"};
  static constexpr bool listed(OfficerRole v) noexcept {
    switch (v) {
      case OfficerRole::chair:
      case OfficerRole::vice_chair:
      case OfficerRole::secretary_general:
      case OfficerRole::department_head:
      case OfficerRole::service_staff:
      case OfficerRole::committee_member:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<OfficerRole>());

/// "chair", "vice_chair", "secretary_general", "department_head", "service_staff",
/// "committee_member".
/// \param role the enumerator to name
/// \return its name as `EnumNames<OfficerRole>` spells it, a static string;
/// "unknown" outside the enumeration
[[nodiscard]] KEXIE_API std::string_view to_string(OfficerRole role) noexcept;

/// The role an office gives in the lifecycle's permission table (a `RoleGrant`
/// at the appointing organization): chair, vice-chair and secretary-general keep
/// their names; the department in charge and the service body act as full-time
/// staff (专职工作人员); a committee member acts as a member.
/// \param role the office held
/// \return the membership role the permission table checks
///
///   static_assert(kexie::lifecycle_role(kexie::OfficerRole::department_head) ==
///                 kexie::Role::full_time_staff);
[[nodiscard]] constexpr Role lifecycle_role(OfficerRole role) noexcept {
  switch (role) {
    case OfficerRole::chair:
      return Role::chair;
    case OfficerRole::vice_chair:
      return Role::vice_chair;
    case OfficerRole::secretary_general:
      return Role::secretary_general;
    case OfficerRole::department_head:
    case OfficerRole::service_staff:
      return Role::full_time_staff;
    case OfficerRole::committee_member:
      return Role::member;
  }
  return Role::member;
}

/// What `Registry::appoint` records: a person in an office of a national, local,
/// committee or society organization over a period.
///
///   kexie::AppointmentSpec spec{.person = wang, .org = province,
///                               .role = kexie::OfficerRole::secretary_general,
///                               .period = {"2021-01-01"_date, "2025-12-31"_date}};
struct AppointmentSpec {
  /// The officer.
  PersonId person;
  /// The appointing organization: national, local, committee or society.
  OrgId org;
  /// The office.
  OfficerRole role = OfficerRole::chair;
  /// When the appointment runs.
  Period period;
  /// Field-wise equality.
  friend bool operator==(const AppointmentSpec&, const AppointmentSpec&) = default;
};

/// An appointment as the registry keeps it.
///
///   for (const kexie::Appointment& a : reg.appointments_of(wang, today))
///     std::cout << kexie::to_string(a.role) << " at " << a.org << '\n';
struct Appointment {
  /// Identifier.
  AppointmentId id;
  /// The officer.
  PersonId person;
  /// The appointing organization.
  OrgId org;
  /// The office.
  OfficerRole role = OfficerRole::chair;
  /// When it runs (ended appointments keep their history).
  Period period;
  /// Field-wise equality.
  friend bool operator==(const Appointment&, const Appointment&) = default;
};

/// The kind of an honour (表彰奖励).
///
///   if (h.kind == kexie::HonourKind::advanced_individual) std::cout << "先进个人";
enum class HonourKind : std::uint8_t {
  awarded_entry,          ///< an award tier won by a campaign entry (一等奖 …, A12)
  advanced_unit,          ///< 先进单位 of a campaign (A12)
  advanced_individual,    ///< 先进个人 of a campaign (A9, A12)
  exemplary_association,  ///< 先进企业科协 (A14)
  other_scheme,           ///< an honour of another scheme (A9, A15)
};

/// The names of `HonourKind`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<HonourKind> {
  static constexpr std::array<std::string_view, 5> names{
      "awarded_entry", "advanced_unit", "advanced_individual", "exemplary_association",
      "other_scheme"};
  static constexpr bool listed(HonourKind v) noexcept {
    switch (v) {
      case HonourKind::awarded_entry:
      case HonourKind::advanced_unit:
      case HonourKind::advanced_individual:
      case HonourKind::exemplary_association:
      case HonourKind::other_scheme:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<HonourKind>());

/// "awarded_entry", "advanced_unit", "advanced_individual", "exemplary_association",
/// "other_scheme".
/// \param kind the enumerator to name
/// \return its name as `EnumNames<HonourKind>` spells it, a static string;
/// "unknown" outside the enumeration
[[nodiscard]] KEXIE_API std::string_view to_string(HonourKind kind) noexcept;

/// What `Registry::record_honour` records. An honour goes to a person, an
/// organization, or both (an awarded team entry names its enterprise association
/// and, for an individual entry, the person).
///
///   kexie::HonourSpec h{.kind = kexie::HonourKind::advanced_individual, .person = li,
///                       .organization = ent, .grantor = province, .title = "先进个人",
///                       .basis = "2025 节能降耗讲比", .activity = campaign_activity,
///                       .date = "2025-12-20"_date};
struct HonourSpec {
  /// The kind.
  HonourKind kind = HonourKind::other_scheme;
  /// The honoured person, if any (required for advanced_individual).
  std::optional<PersonId> person;
  /// The honoured organization, if any (required for advanced_unit and
  /// exemplary_association).
  std::optional<OrgId> organization;
  /// Who grants it: a national, local, committee or society organization.
  OrgId grantor;
  /// The tier name or the honour's name ("一等奖", "先进个人"); not empty.
  std::string title;
  /// What it rests on: an entry code, a campaign name, a scheme, an evaluation.
  std::string basis;
  /// The activity it came from (a campaign's activity), if any.
  std::optional<ActivityId> activity;
  /// The day it was granted.
  Date date;
  /// Field-wise equality.
  friend bool operator==(const HonourSpec&, const HonourSpec&) = default;
};

/// An honour as the registry keeps it: never deleted.
///
///   for (const kexie::Honour& h : reg.honours_of(li)) std::cout << h.title << ' ' << h.date;
struct Honour {
  /// Identifier.
  HonourId id;
  /// The kind.
  HonourKind kind = HonourKind::other_scheme;
  /// The honoured person, if any.
  std::optional<PersonId> person;
  /// The honoured organization, if any.
  std::optional<OrgId> organization;
  /// The grantor.
  OrgId grantor;
  /// The tier or honour name.
  std::string title;
  /// What it rests on.
  std::string basis;
  /// The activity it came from, if any.
  std::optional<ActivityId> activity;
  /// The day it was granted.
  Date date;
  /// Field-wise equality.
  friend bool operator==(const Honour&, const Honour&) = default;
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_MEMBERSHIP_HPP
