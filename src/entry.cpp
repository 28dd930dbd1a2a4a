// The entry vocabulary: category names (English and Chinese) and eligibility rule ids.
#include "kexie/entry.hpp"

namespace kexie {
inline namespace v1 {

std::string_view EligibilityRule::rule_id() const noexcept {
  switch (kind) {
    case Kind::max_team_size:
      return "entry.team_size";
    case Kind::max_leader_age:
      return "entry.leader_age";
    case Kind::min_months_in_use:
      return "entry.months_in_use";
    case Kind::requires_focus:
      return "entry.focus";
  }
  return "entry.eligibility";
}

std::string_view to_string(Category category) noexcept { return enum_name(category); }

std::string_view chinese_name(Category category) noexcept {
  switch (category) {
    case Category::professional_skills:
      return "专业水平和技能";
    case Category::scientific_literacy:
      return "员工科学素质";
    case Category::innovative_ideas:
      return "创新思路";
    case Category::rationalization_proposals:
      return "合理化建议";
    case Category::technical_patents:
      return "技术专利";
    case Category::achievement_transformation:
      return "科技成果转化";
  }
  return "unknown";
}

}  // namespace v1
}  // namespace kexie
