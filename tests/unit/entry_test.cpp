// Tests for kexie/entry.hpp: categories, focus tags, eligibility rule ids.
#include "kexie/entry.hpp"

#include <gtest/gtest.h>

using kexie::Category;
using kexie::EligibilityRule;
using kexie::Focus;

TEST(Entry, CategoriesHaveNames) {
  EXPECT_EQ(kexie::to_string(Category::technical_patents), "technical_patents");
  EXPECT_EQ(kexie::chinese_name(Category::rationalization_proposals), "合理化建议");
  EXPECT_EQ(kexie::chinese_name(Category::achievement_transformation), "科技成果转化");
  EXPECT_EQ(kexie::kCategoryCount, 6u);
}

TEST(Entry, FocusBits) {
  const std::uint8_t tags = kexie::focus_bits({Focus::energy_saving, Focus::emission_reduction});
  EXPECT_TRUE(kexie::has_focus(tags, Focus::energy_saving));
  EXPECT_TRUE(kexie::has_focus(tags, Focus::emission_reduction));
  EXPECT_FALSE(kexie::has_focus(tags, Focus::efficiency_gain));
  EXPECT_EQ(kexie::focus_bits({}), 0);
}

TEST(Entry, EligibilityRuleIds) {
  const kexie::Date on = kexie::Date::parse("2025-12-31").value();
  EXPECT_EQ(EligibilityRule::max_team_size(5).rule_id(), "entry.team_size");
  EXPECT_EQ(EligibilityRule::max_leader_age(40, on).rule_id(), "entry.leader_age");
  EXPECT_EQ(EligibilityRule::min_months_in_use(3, on).rule_id(), "entry.months_in_use");
  EXPECT_EQ(EligibilityRule::requires_focus().rule_id(), "entry.focus");
  EXPECT_EQ(EligibilityRule::max_leader_age(40, on).n, 40);
}
