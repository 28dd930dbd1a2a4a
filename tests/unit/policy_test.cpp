// Tests for kexie/policy.hpp: the defaults of DOMAIN.md, validity, and that a
// registry applies the policy it was given rather than a hard-wired number.
#include "kexie/policy.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "kexie/literals.hpp"
#include "kexie/registry.hpp"
#include "registry_fixture.hpp"

using namespace kexie::literals;

using kexie::Policy;
using kexie_test::World;

TEST(Policy, DefaultsAreTheDomainDefaults) {
  constexpr Policy p;
  static_assert(p.ok());
  EXPECT_EQ(p.young_age_max, 35);
  EXPECT_EQ(p.annual_hours_min, 90);
  EXPECT_EQ(p.professional_share_num, 2);
  EXPECT_EQ(p.professional_share_den, 3);
}

TEST(Policy, OkRejectsUnusableValues) {
  Policy p;
  p.professional_share_den = 0;
  EXPECT_FALSE(p.ok());
  p = {};
  p.professional_share_num = 4;
  EXPECT_FALSE(p.ok());
  p = {};
  p.young_age_max = -1;
  EXPECT_FALSE(p.ok());
  p = {};
  p.annual_hours_min = -5;
  EXPECT_FALSE(p.ok());
  EXPECT_THROW(kexie::Registry{p}, std::invalid_argument);
}

TEST(Policy, TheRegistryUsesTheYoungLineItWasGiven) {
  Policy forty;
  forty.young_age_max = 40;
  World strict, lenient(forty);
  EXPECT_EQ(lenient.reg.policy(), forty);
  // other: born 1988-11-20, 38 on 2027-06-01.
  EXPECT_EQ(strict.reg.youth(strict.other, "2027-06-01"_date).value(), kexie::Youth::not_young);
  EXPECT_EQ(lenient.reg.youth(lenient.other, "2027-06-01"_date).value(), kexie::Youth::young);
  EXPECT_NE(strict.reg.digest(), lenient.reg.digest());  // the policy is part of the state
}

TEST(Policy, TheRegistryUsesTheHoursAndShareItWasGiven) {
  Policy light;
  light.annual_hours_min = 40;
  light.professional_share_num = 1;
  light.professional_share_den = 2;
  World w(light);
  ASSERT_TRUE(
      w.reg.add_training(w.young, 20, kexie::TrainingKind::professional, "2025-01-05"_date).ok());
  ASSERT_TRUE(
      w.reg.add_training(w.young, 20, kexie::TrainingKind::general, "2025-02-05"_date).ok());
  EXPECT_TRUE(w.reg.continuing_education_status(w.young, 2025)->compliant);
  World standard;
  ASSERT_TRUE(
      standard.reg
          .add_training(standard.young, 20, kexie::TrainingKind::professional, "2025-01-05"_date)
          .ok());
  ASSERT_TRUE(
      standard.reg.add_training(standard.young, 20, kexie::TrainingKind::general, "2025-02-05"_date)
          .ok());
  EXPECT_FALSE(standard.reg.continuing_education_status(standard.young, 2025)->compliant);
}
