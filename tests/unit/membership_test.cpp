// Tests for kexie/membership.hpp and the registry's membership and expert-pool
// rules (DOMAIN.md §2, A1, A3, A8, A13): where people can be members, one
// enterprise association at a time, one secretary-general, branch and study
// group members nested in the enterprise association, society memberships.
#include "kexie/membership.hpp"

#include <gtest/gtest.h>

#include <range/v3/range/conversion.hpp>

#include "kexie/literals.hpp"
#include "kexie/registry.hpp"
#include "kexie/views.hpp"
#include "registry_fixture.hpp"

using namespace kexie::literals;

using kexie::ErrorCode;
using kexie::MembershipId;
using kexie::OrgId;
using kexie::Period;
using kexie::PersonId;
using kexie::Role;
using kexie_test::World;

TEST(Role, BitsAndNames) {
  EXPECT_EQ(kexie::role_bit(Role::member), 1u);
  EXPECT_EQ(kexie::role_bit(Role::secretary_general), 8u);
  EXPECT_EQ(kexie::to_string(Role::part_time_staff), "part_time_staff");
}

TEST(MemberFilter, DesignatedInitializersFillTheFieldsTheyName) {
  const kexie::MemberFilter f{.role = Role::chair,
                              .young = true,
                              .min_title = kexie::Title::intermediate,
                              .discipline = "mechanics"};
  EXPECT_TRUE(f.young);
  EXPECT_EQ(f.role, Role::chair);
  EXPECT_EQ(f.min_title, kexie::Title::intermediate);
  EXPECT_EQ(f.discipline, "mechanics");
  EXPECT_FALSE(kexie::MemberFilter{}.young);
  const kexie::MemberFilter young{.young = true};
  EXPECT_TRUE(young.young && !young.role && !young.min_title && young.discipline.empty());
}

TEST(AddMembership, AcceptsEnterpriseBranchStudyGroupAndSociety) {
  World w;
  const auto from = Period::from("2015-01-01"_date);
  const auto m = w.reg.add_membership(w.young, w.ent1, Role::member, from);
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(w.reg.add_membership(w.young, w.branch, Role::member, from).ok());
  EXPECT_TRUE(w.reg.add_membership(w.young, w.sg_branch, Role::member, from).ok());
  EXPECT_TRUE(w.reg.add_membership(w.young, w.sg_ent, Role::member, from).ok());
  EXPECT_TRUE(w.reg.add_membership(w.young, w.society, Role::member, from).ok());  // A3
  // Several roles in one association at once.
  EXPECT_TRUE(w.reg.add_membership(w.young, w.ent1, Role::vice_chair, from).ok());
  const kexie::Membership got = w.reg.membership(*m).value();
  EXPECT_EQ(got.person, w.young);
  EXPECT_EQ(got.org, w.ent1);
  EXPECT_EQ(got.role, Role::member);
  EXPECT_EQ(got.period, from);
  EXPECT_EQ(w.reg.memberships_of(w.young).size(), 6u);
  EXPECT_EQ(w.reg.memberships_of(w.young).front(), *m);
  auto all = kexie::views::memberships_of(w.reg, w.young) | ranges::to<std::vector>();
  EXPECT_EQ(all.back().org, w.ent1);
  EXPECT_EQ(all.back().role, Role::vice_chair);
}

TEST(AddMembership, RefusesOrganizationsWithoutMembersAndInactiveOnes) {
  World w;
  const auto from = Period::from("2015-01-01"_date);
  EXPECT_REFUSED(w.reg, w.reg.add_membership(w.young, w.city, Role::member, from),
                 ErrorCode::rule_violation, "membership.org_kind", "A1");
  EXPECT_REFUSED(w.reg, w.reg.add_membership(w.young, w.university, Role::member, from),
                 ErrorCode::rule_violation, "membership.org_kind", "A1");
  EXPECT_REFUSED(
      w.reg, w.reg.add_membership(w.senior, w.ent1, Role::member, Period::from("1989-12-31"_date)),
      ErrorCode::rule_violation, "org.active", "A1");
  EXPECT_REFUSED(
      w.reg,
      w.reg.add_membership(w.young, w.ent1, Role::member, {"2016-01-01"_date, "2015-01-01"_date}),
      ErrorCode::invalid_argument, "", "");
  EXPECT_REFUSED(w.reg, w.reg.add_membership(PersonId{77}, w.ent1, Role::member, from),
                 ErrorCode::not_found, "", "");
  EXPECT_REFUSED(w.reg, w.reg.add_membership(w.young, OrgId{77}, Role::member, from),
                 ErrorCode::not_found, "", "");
  EXPECT_REFUSED(
      w.reg, w.reg.add_membership(w.young, w.ent1, Role::member, Period::from("1994-01-01"_date)),
      ErrorCode::invalid_argument, "", "");  // before birth
}

TEST(AddMembership, OneEnterpriseAssociationAtATime) {
  World w;
  ASSERT_TRUE(
      w.reg.add_membership(w.other, w.ent2, Role::member, {"2010-01-01"_date, "2019-12-31"_date})
          .ok());
  EXPECT_REFUSED(
      w.reg, w.reg.add_membership(w.other, w.ent1, Role::member, Period::from("2019-12-31"_date)),
      ErrorCode::rule_violation, "membership.single_enterprise", "A1");
  EXPECT_TRUE(
      w.reg.add_membership(w.other, w.ent1, Role::member, Period::from("2020-01-01"_date)).ok());
}

TEST(AddMembership, TheSameRoleTwiceOnOverlappingDatesAlreadyExists) {
  World w;
  ASSERT_TRUE(
      w.reg.add_membership(w.young, w.ent1, Role::member, {"2015-01-01"_date, "2016-12-31"_date})
          .ok());
  EXPECT_REFUSED(
      w.reg,
      w.reg.add_membership(w.young, w.ent1, Role::member, {"2016-06-01"_date, "2017-12-31"_date}),
      ErrorCode::already_exists, "membership.unique", "A1");
  EXPECT_TRUE(
      w.reg.add_membership(w.young, w.ent1, Role::member, {"2017-01-01"_date, "2017-12-31"_date})
          .ok());
}

TEST(SecretaryGeneral, AtMostOneActivePerAssociation) {
  World w;
  ASSERT_TRUE(
      w.reg.add_membership(w.senior, w.ent1, Role::member, Period::from("2010-01-01"_date)).ok());
  ASSERT_TRUE(
      w.reg.add_membership(w.young, w.ent1, Role::member, Period::from("2018-01-01"_date)).ok());
  const auto sg = w.reg.add_membership(w.senior, w.ent1, Role::secretary_general,
                                       Period::from("2015-01-01"_date));
  ASSERT_TRUE(sg.ok());
  EXPECT_EQ(w.reg.secretary_general(w.ent1, "2020-01-01"_date).value(), w.senior);
  EXPECT_EQ(w.reg.secretary_general(w.ent1, "2014-01-01"_date).code(), ErrorCode::not_found);
  EXPECT_REFUSED(w.reg,
                 w.reg.add_membership(w.young, w.ent1, Role::secretary_general,
                                      Period::from("2024-01-01"_date)),
                 ErrorCode::rule_violation, "membership.single_secretary_general", "A13");
  // Hand-over: the first ends, the next starts the day after.
  ASSERT_TRUE(w.reg.end_membership(*sg, "2023-12-31"_date).ok());
  EXPECT_TRUE(
      w.reg
          .add_membership(w.young, w.ent1, Role::secretary_general, Period::from("2024-01-01"_date))
          .ok());
  EXPECT_EQ(w.reg.secretary_general(w.ent1, "2023-12-31"_date).value(), w.senior);
  EXPECT_EQ(w.reg.secretary_general(w.ent1, "2024-01-01"_date).value(), w.young);
  // Another association has its own.
  ASSERT_TRUE(
      w.reg
          .add_membership(w.other, w.ent2, Role::secretary_general, Period::from("2024-01-01"_date))
          .ok());
}

TEST(Nesting, BranchAndStudyGroupMembersBelongToTheEnterpriseOnTheSameDates) {
  World w;
  EXPECT_REFUSED(
      w.reg, w.reg.add_membership(w.young, w.branch, Role::member, Period::from("2015-01-01"_date)),
      ErrorCode::rule_violation, "membership.nested", "A13");
  ASSERT_TRUE(
      w.reg.add_membership(w.young, w.ent1, Role::member, {"2015-01-01"_date, "2017-12-31"_date})
          .ok());
  ASSERT_TRUE(
      w.reg.add_membership(w.young, w.ent1, Role::chair, {"2018-01-01"_date, "2019-12-31"_date})
          .ok());
  // Covered by two adjacent memberships with different roles.
  EXPECT_TRUE(w.reg
                  .add_membership(w.young, w.sg_branch, Role::member,
                                  {"2016-01-01"_date, "2019-12-31"_date})
                  .ok());
  // One day past the cover.
  EXPECT_REFUSED(
      w.reg,
      w.reg.add_membership(w.young, w.sg_ent, Role::member, {"2016-01-01"_date, "2020-01-01"_date}),
      ErrorCode::rule_violation, "membership.nested", "A13");
  // Another enterprise's member cannot join ent1's branch.
  ASSERT_TRUE(
      w.reg.add_membership(w.other, w.ent2, Role::member, Period::from("2015-01-01"_date)).ok());
  EXPECT_REFUSED(
      w.reg, w.reg.add_membership(w.other, w.branch, Role::member, Period::from("2016-01-01"_date)),
      ErrorCode::rule_violation, "membership.nested", "A13");
}

TEST(Nesting, EndingTheEnterpriseMembershipEarlyIsRefused) {
  World w;
  const auto m =
      w.reg.add_membership(w.young, w.ent1, Role::member, Period::from("2015-01-01"_date)).value();
  const auto b =
      w.reg.add_membership(w.young, w.branch, Role::member, {"2016-01-01"_date, "2020-12-31"_date})
          .value();
  EXPECT_REFUSED(w.reg, w.reg.end_membership(m, "2019-12-31"_date), ErrorCode::rule_violation,
                 "membership.nested", "A13");
  ASSERT_TRUE(w.reg.end_membership(b, "2019-12-31"_date).ok());
  EXPECT_TRUE(w.reg.end_membership(m, "2019-12-31"_date).ok());
  EXPECT_EQ(w.reg.membership(m)->period.last, "2019-12-31"_date);
  EXPECT_REFUSED(w.reg, w.reg.end_membership(m, "2020-06-01"_date), ErrorCode::invalid_argument, "",
                 "");
  EXPECT_REFUSED(w.reg, w.reg.end_membership(m, "2014-06-01"_date), ErrorCode::invalid_argument, "",
                 "");
  EXPECT_REFUSED(w.reg, w.reg.end_membership(MembershipId{99}, "2020-06-01"_date),
                 ErrorCode::not_found, "", "");
}

TEST(Nesting, MovingABranchToAnotherEnterpriseIsRefusedWhileItsMembersWouldDangle) {
  World w;
  ASSERT_TRUE(
      w.reg.add_membership(w.young, w.ent1, Role::member, Period::from("2015-01-01"_date)).ok());
  const auto b =
      w.reg.add_membership(w.young, w.sg_branch, Role::member, Period::from("2016-01-01"_date))
          .value();
  EXPECT_REFUSED(w.reg, w.reg.move(w.branch, w.ent2, "2020-01-01"_date), ErrorCode::rule_violation,
                 "membership.nested", "A13");
  ASSERT_TRUE(w.reg.end_membership(b, "2019-12-31"_date).ok());
  EXPECT_TRUE(w.reg.move(w.branch, w.ent2, "2020-01-01"_date).ok());
}

TEST(Experts, PoolsListPeopleWithFields) {
  World w;
  const auto e = w.reg.add_expert(w.senior, w.province, {"cryogenics", "energy saving"},
                                  Period::from("2020-01-01"_date));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(w.reg.expert(*e)->fields.size(), 2u);
  auto pool =
      kexie::views::experts(w.reg, w.province, "2021-01-01"_date) | ranges::to<std::vector>();
  ASSERT_EQ(pool.size(), 1u);
  EXPECT_EQ(pool[0].person, w.senior);
  EXPECT_TRUE(w.reg.expert_ids(w.province, "2019-01-01"_date).empty());
  EXPECT_REFUSED(w.reg,
                 w.reg.add_expert(w.senior, w.province, {"x"}, Period::from("2021-01-01"_date)),
                 ErrorCode::already_exists, "expert.unique", "A8");
  EXPECT_REFUSED(w.reg, w.reg.add_expert(w.young, w.province, {}, Period::from("2021-01-01"_date)),
                 ErrorCode::invalid_argument, "expert.fields", "A8");
  EXPECT_REFUSED(w.reg,
                 w.reg.add_expert(w.young, w.province, {"x"}, Period::from("1980-01-01"_date)),
                 ErrorCode::rule_violation, "org.active", "A1");
  ASSERT_TRUE(w.reg.end_expert(*e, "2022-12-31"_date).ok());
  EXPECT_TRUE(w.reg.expert_ids(w.province, "2023-01-01"_date).empty());
  EXPECT_TRUE(w.reg.add_expert(w.senior, w.province, {"x"}, Period::from("2023-01-01"_date)).ok());
}
