// Names of the registry's enumerations and the parent table of DOMAIN.md §1:
// the small, state-free part of organization.hpp, person.hpp and membership.hpp.
#include <ostream>
#include <string_view>

#include "kexie/membership.hpp"
#include "kexie/organization.hpp"
#include "kexie/person.hpp"

namespace kexie {
inline namespace v1 {

std::string_view to_string(OrgKind kind) noexcept { return enum_name(kind); }

std::ostream& operator<<(std::ostream& os, OrgKind kind) { return os << to_string(kind); }

std::string_view to_string(LocalLevel level) noexcept { return enum_name(level); }

std::string_view to_string(Ownership ownership) noexcept { return enum_name(ownership); }

std::string_view to_string(LinkKind kind) noexcept { return enum_name(kind); }

std::string_view to_string(Title title) noexcept { return enum_name(title); }

std::string_view to_string(TrainingKind kind) noexcept { return enum_name(kind); }

std::string_view to_string(Role role) noexcept { return enum_name(role); }
std::string_view to_string(OfficerRole role) noexcept { return enum_name(role); }
std::string_view to_string(HonourKind kind) noexcept { return enum_name(kind); }

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
