// Names of the registry's enumerations and the parent table of DOMAIN.md §1:
// the small, state-free part of organization.hpp, person.hpp and membership.hpp.
#include <ostream>
#include <string_view>

#include "kexie/membership.hpp"
#include "kexie/organization.hpp"
#include "kexie/person.hpp"

namespace kexie {
inline namespace v1 {

std::string_view to_string(OrgKind kind) noexcept {
  switch (kind) {
    case OrgKind::national:
      return "national";
    case OrgKind::committee:
      return "committee";
    case OrgKind::local:
      return "local";
    case OrgKind::society:
      return "society";
    case OrgKind::enterprise:
      return "enterprise";
    case OrgKind::branch:
      return "branch";
    case OrgKind::study_group:
      return "study_group";
    case OrgKind::proxy:
      return "proxy";
    case OrgKind::partner:
      return "partner";
  }
  return "unknown";
}

std::ostream& operator<<(std::ostream& os, OrgKind kind) { return os << to_string(kind); }

std::string_view to_string(LocalLevel level) noexcept {
  switch (level) {
    case LocalLevel::none:
      return "none";
    case LocalLevel::provincial:
      return "provincial";
    case LocalLevel::sub_provincial:
      return "sub_provincial";
    case LocalLevel::prefecture:
      return "prefecture";
    case LocalLevel::county:
      return "county";
  }
  return "unknown";
}

std::string_view to_string(Ownership ownership) noexcept {
  switch (ownership) {
    case Ownership::unspecified:
      return "unspecified";
    case Ownership::state:
      return "state";
    case Ownership::private_:
      return "private";
    case Ownership::foreign:
      return "foreign";
    case Ownership::mixed:
      return "mixed";
  }
  return "unknown";
}

std::string_view to_string(LinkKind kind) noexcept {
  switch (kind) {
    case LinkKind::industry_academia:
      return "industry_academia";
    case LinkKind::factory_society:
      return "factory_society";
  }
  return "unknown";
}

std::string_view to_string(Title title) noexcept {
  switch (title) {
    case Title::none:
      return "none";
    case Title::junior:
      return "junior";
    case Title::intermediate:
      return "intermediate";
    case Title::associate_senior:
      return "associate_senior";
    case Title::senior:
      return "senior";
  }
  return "unknown";
}

std::string_view to_string(TrainingKind kind) noexcept {
  switch (kind) {
    case TrainingKind::professional:
      return "professional";
    case TrainingKind::general:
      return "general";
  }
  return "unknown";
}

std::string_view to_string(Role role) noexcept {
  switch (role) {
    case Role::member:
      return "member";
    case Role::chair:
      return "chair";
    case Role::vice_chair:
      return "vice_chair";
    case Role::secretary_general:
      return "secretary_general";
    case Role::full_time_staff:
      return "full_time_staff";
    case Role::part_time_staff:
      return "part_time_staff";
  }
  return "unknown";
}

bool allowed_parent(OrgKind child, OrgKind parent, LocalLevel child_level,
                    LocalLevel parent_level) noexcept {
  switch (child) {
    case OrgKind::national:
    case OrgKind::partner:
      return false;  // the root and partners stand outside any parent
    case OrgKind::committee:
    case OrgKind::society:
      return parent == OrgKind::national;
    case OrgKind::local:
      if (parent == OrgKind::national) return true;
      // "a local of a higher level": strictly higher, so a county never sits under a county.
      return parent == OrgKind::local && parent_level != LocalLevel::none &&
             child_level != LocalLevel::none && parent_level < child_level;
    case OrgKind::enterprise:
    case OrgKind::proxy:
      return parent == OrgKind::local;
    case OrgKind::branch:
      return parent == OrgKind::enterprise;
    case OrgKind::study_group:
      return parent == OrgKind::enterprise || parent == OrgKind::branch;
  }
  return false;
}

std::string_view parent_rule_article(OrgKind kind) noexcept {
  switch (kind) {
    case OrgKind::committee:
      return "A15";
    case OrgKind::society:
    case OrgKind::partner:
      return "A3";
    case OrgKind::branch:
    case OrgKind::study_group:
    case OrgKind::proxy:
      return "A13";
    case OrgKind::national:
    case OrgKind::local:
    case OrgKind::enterprise:
      return "A1";
  }
  return "A1";
}

}  // namespace v1
}  // namespace kexie
