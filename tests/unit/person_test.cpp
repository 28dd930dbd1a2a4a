// Tests for kexie/person.hpp and the registry's people rules (DOMAIN.md §2):
// employers and external keys, young S&T workers (A9) and continuing
// education (A5).
#include "kexie/person.hpp"

#include <gtest/gtest.h>

#include "kexie/literals.hpp"
#include "kexie/registry.hpp"
#include "registry_fixture.hpp"

using namespace kexie::literals;

using kexie::ErrorCode;
using kexie::OrgId;
using kexie::PersonId;
using kexie::Title;
using kexie::TrainingKind;
using kexie_test::World;

TEST(Title, OrdersByRankAndHasNames) {
  EXPECT_LT(Title::junior, Title::intermediate);
  EXPECT_LT(Title::associate_senior, Title::senior);
  EXPECT_EQ(kexie::to_string(Title::associate_senior), "associate_senior");
  EXPECT_EQ(kexie::to_string(TrainingKind::general), "general");
}

TEST(AddPerson, StoresEveryFieldAndFindsByExternalKey) {
  World w;
  const kexie::Person p = w.reg.person(w.young).value();
  EXPECT_EQ(p.name, "李娜");
  EXPECT_EQ(p.birth, "1995-03-10"_date);
  EXPECT_EQ(p.employer, w.ent1);
  EXPECT_EQ(p.external_key, "E1");
  EXPECT_EQ(p.title, Title::junior);
  EXPECT_EQ(p.discipline, "cryogenics");
  EXPECT_EQ(w.reg.find_person(w.ent1, "E1").value(), w.young);
  // The same key at another employer is another person.
  EXPECT_EQ(w.reg.find_person(w.ent2, "E1").value(), w.other);
  EXPECT_EQ(w.reg.find_person(w.ent2, "E9").code(), ErrorCode::not_found);
  // A proxy can employ; a person may have no key.
  auto q = w.reg.add_person({.name = "赵六", .birth = "1999-01-01"_date, .employer = w.proxy});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(w.reg.person_count(), 4u);
  auto q2 = w.reg.add_person({.name = "钱七", .birth = "1999-01-01"_date, .employer = w.proxy});
  EXPECT_TRUE(q2.ok());
}

TEST(AddPerson, KeysStayUniqueAcrossManyPeopleAndRehashes) {
  World w;
  for (int i = 0; i < 5000; ++i)
    ASSERT_TRUE(w.reg
                    .add_person({.name = "p",
                                 .birth = "1990-01-01"_date,
                                 .employer = w.ent2,
                                 .external_key = "K" + std::to_string(i)})
                    .ok());
  for (int i = 0; i < 5000; i += 499)
    EXPECT_EQ(w.reg.find_person(w.ent2, "K" + std::to_string(i)).value(),
              PersonId{static_cast<std::uint32_t>(4 + i)});
  EXPECT_REFUSED(
      w.reg,
      w.reg.add_person(
          {.name = "p", .birth = "1990-01-01"_date, .employer = w.ent2, .external_key = "K4321"}),
      ErrorCode::already_exists, "person.external_key", "A1");
}

TEST(AddPerson, RefusesDuplicateKeysBadEmployersAndBadInput) {
  World w;
  EXPECT_REFUSED(
      w.reg,
      w.reg.add_person(
          {.name = "x", .birth = "1990-01-01"_date, .employer = w.ent1, .external_key = "E2"}),
      ErrorCode::already_exists, "person.external_key", "A1");
  EXPECT_REFUSED(w.reg,
                 w.reg.add_person({.name = "x", .birth = "1990-01-01"_date, .employer = w.society}),
                 ErrorCode::rule_violation, "person.employer", "A1");
  EXPECT_REFUSED(w.reg, w.reg.add_person({.name = "x", .birth = "1990-01-01"_date}),
                 ErrorCode::rule_violation, "person.employer", "A1");
  EXPECT_REFUSED(
      w.reg, w.reg.add_person({.name = "x", .birth = "1990-01-01"_date, .employer = OrgId{500}}),
      ErrorCode::not_found, "", "");
  EXPECT_REFUSED(w.reg,
                 w.reg.add_person({.name = "", .birth = "1990-01-01"_date, .employer = w.ent1}),
                 ErrorCode::invalid_argument, "", "");
  EXPECT_REFUSED(
      w.reg,
      w.reg.add_person(
          {.name = "x", .birth = kexie::Date::from_days(-9'000'000), .employer = w.ent1}),
      ErrorCode::invalid_argument, "", "");
  EXPECT_EQ(w.reg.person(PersonId{99}).code(), ErrorCode::not_found);
}

TEST(Young, IsAtMostThirtyFiveOnTheDateByDefault) {
  using kexie::Youth;
  World w;                                                                 // young: born 1995-03-10
  EXPECT_EQ(w.reg.youth(w.young, "2031-03-09"_date).value(), Youth::young);  // 35
  EXPECT_EQ(w.reg.youth(w.young, "2030-03-10"_date).value(), Youth::young);  // 35 today
  EXPECT_EQ(w.reg.youth(w.young, "2031-03-10"_date).value(), Youth::not_young);  // 36 today
  EXPECT_EQ(w.reg.youth(w.senior, "2024-01-01"_date).value(), Youth::not_young);
  EXPECT_EQ(w.reg.youth(PersonId{42}, "2024-01-01"_date).code(), ErrorCode::not_found);
}

TEST(Young, AnUnknownPersonIsNeverYoungByComparison) {
  // The reading issue 12 asked for: comparing with Youth::young is false both for an
  // old person and for a refused call, where `if (Result<bool>)` was true for both.
  World w;
  EXPECT_TRUE(w.reg.youth(w.young, "2025-06-30"_date) == kexie::Youth::young);
  EXPECT_FALSE(w.reg.youth(w.senior, "2025-06-30"_date) == kexie::Youth::young);
  EXPECT_FALSE(w.reg.youth(PersonId{42}, "2025-06-30"_date) == kexie::Youth::young);
  EXPECT_FALSE(w.reg.youth(PersonId{42}, "2025-06-30"_date) == kexie::Youth::not_young);
}

TEST(ContinuingEducation, NinetyHoursTwoThirdsProfessionalIsCompliant) {
  World w;
  ASSERT_TRUE(w.reg.add_training(w.young, 60, TrainingKind::professional, "2025-03-01"_date).ok());
  ASSERT_TRUE(w.reg.add_training(w.young, 30, TrainingKind::general, "2025-09-01"_date).ok());
  ASSERT_TRUE(w.reg.add_training(w.young, 50, TrainingKind::general, "2024-09-01"_date).ok());
  const auto s = w.reg.continuing_education_status(w.young, 2025).value();
  EXPECT_EQ(s.year, 2025);
  EXPECT_EQ(s.hours, 90);
  EXPECT_EQ(s.professional_hours, 60);
  EXPECT_TRUE(s.compliant);
  EXPECT_EQ(s.shortfall, 0);
}

TEST(ContinuingEducation, ReportsTheShortfall) {
  World w;
  // Too few hours: 40 professional of 40 → 50 more.
  ASSERT_TRUE(w.reg.add_training(w.senior, 40, TrainingKind::professional, "2025-03-01"_date).ok());
  auto s = w.reg.continuing_education_status(w.senior, 2025).value();
  EXPECT_FALSE(s.compliant);
  EXPECT_EQ(s.shortfall, 50);
  // Enough hours, too few professional: 30 professional of 100 → 2·100 − 3·30 = 110 more.
  ASSERT_TRUE(w.reg.add_training(w.other, 30, TrainingKind::professional, "2025-03-01"_date).ok());
  ASSERT_TRUE(w.reg.add_training(w.other, 70, TrainingKind::general, "2025-04-01"_date).ok());
  s = w.reg.continuing_education_status(w.other, 2025).value();
  EXPECT_EQ(s.hours, 100);
  EXPECT_FALSE(s.compliant);
  EXPECT_EQ(s.shortfall, 110);
  ASSERT_TRUE(w.reg.add_training(w.other, 110, TrainingKind::professional, "2025-05-01"_date).ok());
  EXPECT_TRUE(w.reg.continuing_education_status(w.other, 2025)->compliant);
  // Nothing at all.
  EXPECT_EQ(w.reg.continuing_education_status(w.young, 2020)->shortfall, 90);
}

TEST(ContinuingEducation, RefusesNonPositiveHoursAndUnknownPeople) {
  World w;
  EXPECT_REFUSED(w.reg, w.reg.add_training(w.young, 0, TrainingKind::general, "2025-01-01"_date),
                 ErrorCode::invalid_argument, "training.hours", "A5");
  EXPECT_REFUSED(w.reg,
                 w.reg.add_training(PersonId{99}, 8, TrainingKind::general, "2025-01-01"_date),
                 ErrorCode::not_found, "", "");
  EXPECT_EQ(w.reg.continuing_education_status(PersonId{99}, 2025).code(), ErrorCode::not_found);
  const auto t = w.reg.add_training(w.young, 8, TrainingKind::general, "2025-01-01"_date).value();
  EXPECT_EQ(w.reg.training(t)->hours, 8);
}
