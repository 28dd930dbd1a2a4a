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
  // With membership tied to the employer (the default) a person can only ever join
  // their employer's association, so this rule is met with the tie off.
  kexie::Policy open;
  open.employer_tied_membership = false;
  World w{open};
  ASSERT_TRUE(
      w.reg.add_membership(w.other, w.ent2, Role::member, {"2010-01-01"_date, "2019-12-31"_date})
          .ok());
  EXPECT_REFUSED(
      w.reg, w.reg.add_membership(w.other, w.ent1, Role::member, Period::from("2019-12-31"_date)),
      ErrorCode::rule_violation, "membership.single_enterprise", "A1");
  EXPECT_TRUE(
      w.reg.add_membership(w.other, w.ent1, Role::member, Period::from("2020-01-01"_date)).ok());
}

TEST(AddMembership, MembershipFollowsTheEmployerByDefault) {
  // membership.employer (A1): with Policy::employer_tied_membership (the default)
  // only the enterprise's own employees join its association, its branches and its
  // study groups; national societies are open to everyone (A3).
  World w;
  ASSERT_TRUE(w.reg.policy().employer_tied_membership);
  const auto from = Period::from("2015-01-01"_date);
  const std::string before = w.reg.digest();
  EXPECT_REFUSED(w.reg, w.reg.add_membership(w.other, w.ent1, Role::member, from),
                 ErrorCode::rule_violation, "membership.employer", "A1");
  EXPECT_REFUSED(w.reg, w.reg.add_membership(w.other, w.ent1, Role::chair, from),
                 ErrorCode::rule_violation, "membership.employer", "A1");
  EXPECT_EQ(w.reg.digest(), before);
  // Accepted: the employer's own association, and a society.
  ASSERT_TRUE(w.reg.add_membership(w.other, w.ent2, Role::member, from).ok());
  EXPECT_TRUE(w.reg.add_membership(w.other, w.society, Role::member, from).ok());
  // Someone employed through a proxy (an enterprise without an association) joins no
  // enterprise association while the tie holds.
  const PersonId proxied =
      w.reg.add_person({.name = "赵敏", .birth = "1990-01-01"_date, .employer = w.proxy}).value();
  EXPECT_REFUSED(w.reg, w.reg.add_membership(proxied, w.ent1, Role::member, from),
                 ErrorCode::rule_violation, "membership.employer", "A1");
  EXPECT_TRUE(w.reg.add_membership(proxied, w.society, Role::member, from).ok());
  // The message names the person, the employer and the association.
  const auto refused = w.reg.add_membership(w.other, w.branch, Role::member, from);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().rule(), "membership.employer");
  EXPECT_NE(refused.error().message().find("吉利科协"), std::string::npos) << refused.error();
  EXPECT_NE(refused.error().message().find("杭氧科协"), std::string::npos) << refused.error();
}

TEST(AddMembership, BranchAndStudyGroupFollowTheEnterpriseAboveThem) {
  World w;
  const auto from = Period::from("2015-01-01"_date);
  ASSERT_TRUE(w.reg.add_membership(w.young, w.ent1, Role::member, from).ok());
  EXPECT_TRUE(w.reg.add_membership(w.young, w.branch, Role::member, from).ok());
  EXPECT_TRUE(w.reg.add_membership(w.young, w.sg_branch, Role::member, from).ok());
  EXPECT_TRUE(w.reg.add_membership(w.young, w.sg_ent, Role::member, from).ok());
  for (OrgId org : {w.branch, w.sg_branch, w.sg_ent})
    EXPECT_REFUSED(w.reg, w.reg.add_membership(w.other, org, Role::member, from),
                   ErrorCode::rule_violation, "membership.employer", "A1");
}

TEST(AddMembership, WithTheTieOffAnyoneMayJoin) {
  kexie::Policy open;
  open.employer_tied_membership = false;
  World w{open};
  const auto from = Period::from("2015-01-01"_date);
  EXPECT_TRUE(w.reg.add_membership(w.other, w.ent1, Role::member, from).ok());
  EXPECT_TRUE(w.reg.add_membership(w.other, w.branch, Role::member, from).ok());
  const PersonId proxied =
      w.reg.add_person({.name = "赵敏", .birth = "1990-01-01"_date, .employer = w.proxy}).value();
  EXPECT_TRUE(w.reg.add_membership(proxied, w.ent2, Role::member, from).ok());
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
  // Another enterprise's member cannot join ent1's branch: employed by ent2 they
  // are refused by the employer tie first (membership.employer) ...
  ASSERT_TRUE(
      w.reg.add_membership(w.other, w.ent2, Role::member, Period::from("2015-01-01"_date)).ok());
  EXPECT_REFUSED(
      w.reg, w.reg.add_membership(w.other, w.branch, Role::member, Period::from("2016-01-01"_date)),
      ErrorCode::rule_violation, "membership.employer", "A1");
  // ... and with the tie off, by the nesting rule.
  kexie::Policy open;
  open.employer_tied_membership = false;
  World loose{open};
  ASSERT_TRUE(loose.reg
                  .add_membership(loose.other, loose.ent2, Role::member,
                                  Period::from("2015-01-01"_date))
                  .ok());
  EXPECT_REFUSED(loose.reg,
                 loose.reg.add_membership(loose.other, loose.branch, Role::member,
                                          Period::from("2016-01-01"_date)),
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

// ---- appointments (officers, A14, A15) ------------------------------------------------------

TEST(Appointment, OfficersOfLocalsCastCommitteesAndSocietiesAreRecorded) {
  World w;
  const std::string empty = w.reg.digest();
  const auto a = w.reg.appoint({.person = w.senior,
                                .org = w.province,
                                .role = kexie::OfficerRole::chair,
                                .period = {"2021-01-01"_date, "2025-12-31"_date}});
  ASSERT_TRUE(a.ok()) << a.error();
  EXPECT_NE(w.reg.digest(), empty);  // the digest covers appointments
  ASSERT_TRUE(w.reg.appoint({.person = w.young,
                             .org = w.committee,
                             .role = kexie::OfficerRole::committee_member,
                             .period = Period::from("2022-01-01"_date)}));
  const auto on = w.reg.appointments_of(w.senior, "2023-06-01"_date);
  ASSERT_EQ(on.size(), 1u);
  EXPECT_EQ(on[0].org, w.province);
  EXPECT_EQ(on[0].role, kexie::OfficerRole::chair);
  EXPECT_TRUE(w.reg.appointments_of(w.senior, "2026-01-01"_date).empty());
  EXPECT_EQ(w.reg.officers(w.province, "2023-06-01"_date).size(), 1u);
  EXPECT_EQ(w.reg.appointment(*a)->person, w.senior);
  EXPECT_EQ(w.reg.appointment_count(), 2u);
  ASSERT_TRUE(w.reg.end_appointment(*a, "2024-12-31"_date));
  EXPECT_TRUE(w.reg.appointments_of(w.senior, "2025-06-01"_date).empty());
  EXPECT_EQ(kexie::to_string(kexie::OfficerRole::department_head), "department_head");
  static_assert(kexie::lifecycle_role(kexie::OfficerRole::service_staff) ==
                Role::full_time_staff);
}

TEST(Appointment, RefusalsNameTheRuleAndChangeNothing) {
  World w;
  const Period p = Period::from("2021-01-01"_date);
  EXPECT_REFUSED(w.reg,
                 w.reg.appoint({.person = w.senior, .org = w.ent1,
                                .role = kexie::OfficerRole::chair, .period = p}),
                 ErrorCode::rule_violation, "appointment.org_kind", "A14");
  ASSERT_TRUE(w.reg.appoint(
      {.person = w.senior, .org = w.city, .role = kexie::OfficerRole::secretary_general, .period = p}));
  EXPECT_REFUSED(w.reg,
                 w.reg.appoint({.person = w.senior, .org = w.city,
                                .role = kexie::OfficerRole::secretary_general,
                                .period = {"2024-01-01"_date, "2024-12-31"_date}}),
                 ErrorCode::already_exists, "appointment.unique", "A14");
  // Another office, or the same office elsewhere, is accepted.
  EXPECT_TRUE(w.reg.appoint(
      {.person = w.senior, .org = w.city, .role = kexie::OfficerRole::vice_chair, .period = p}));
  EXPECT_TRUE(w.reg.appoint({.person = w.senior, .org = w.province,
                             .role = kexie::OfficerRole::secretary_general, .period = p}));
  const std::string before = w.reg.digest();
  EXPECT_EQ(w.reg.appoint({.person = PersonId{99}, .org = w.city, .period = p}).code(),
            ErrorCode::not_found);
  EXPECT_EQ(w.reg.appoint({.person = w.senior, .org = w.city,
                           .period = {"1960-01-01"_date, "1970-01-01"_date}})
                .code(),
            ErrorCode::invalid_argument);  // before birth
  EXPECT_EQ(w.reg.end_appointment(kexie::AppointmentId{77}, "2025-01-01"_date).code(),
            ErrorCode::not_found);
  EXPECT_EQ(w.reg.digest(), before);
}

// ---- honours (表彰奖励, A9, A12, A14, A15) ------------------------------------------------------

static kexie::HonourSpec unit_honour(const World& w) {
  return {.kind = kexie::HonourKind::advanced_unit,
          .organization = w.ent1,
          .grantor = w.province,
          .title = "先进单位",
          .basis = "2025 节能降耗讲比",
          .activity = kexie::ActivityId{3},
          .date = "2025-12-20"_date};
}

TEST(Honour, RecordedAndQueriedByPersonOrganizationAndSubtree) {
  World w;
  const std::string empty = w.reg.digest();
  const auto h = w.reg.record_honour(unit_honour(w));
  ASSERT_TRUE(h.ok()) << h.error();
  EXPECT_NE(w.reg.digest(), empty);
  std::vector<kexie::HonourSpec> batch{
      {.kind = kexie::HonourKind::advanced_individual, .person = w.young, .grantor = w.city,
       .title = "先进个人", .basis = "2025 讲比", .date = "2025-12-21"_date},
      {.kind = kexie::HonourKind::awarded_entry, .person = w.other, .organization = w.ent2,
       .grantor = w.province, .title = "一等奖", .basis = "P-7", .date = "2025-12-21"_date},
      {.kind = kexie::HonourKind::other_scheme, .person = w.senior, .grantor = w.society,
       .title = "学会科技奖", .basis = "机械工程学会 2024", .date = "2024-10-01"_date}};
  const kexie::Status recorded = w.reg.record_honours(batch);
  ASSERT_TRUE(recorded.ok()) << recorded.error();
  EXPECT_EQ(w.reg.honour_count(), 4u);
  ASSERT_EQ(w.reg.honours_of(w.young).size(), 1u);
  EXPECT_EQ(w.reg.honours_of(w.young)[0].title, "先进个人");
  ASSERT_EQ(w.reg.honours_of(w.ent1).size(), 1u);
  EXPECT_EQ(w.reg.honours_of(w.ent1)[0].grantor, w.province);
  EXPECT_EQ(w.reg.honours_of(w.ent1)[0].activity, kexie::ActivityId{3});
  const Period y2025{"2025-01-01"_date, "2025-12-31"_date};
  EXPECT_EQ(w.reg.honours_granted(w.province, y2025).size(), 3u);  // province and its city
  EXPECT_EQ(w.reg.honours_granted(w.city, y2025).size(), 1u);
  EXPECT_EQ(w.reg.honours_granted(w.cast, y2025).size(), 3u);  // the society's is 2024
  EXPECT_EQ(w.reg.honours_granted(w.cast, Period::from("1990-01-01"_date)).size(), 4u);
  EXPECT_EQ(w.reg.honour(*h)->kind, kexie::HonourKind::advanced_unit);
  EXPECT_EQ(kexie::to_string(kexie::HonourKind::exemplary_association), "exemplary_association");
}

TEST(Honour, RefusalsNameTheRuleAndChangeNothing) {
  World w;
  auto with = [&](auto change) {
    kexie::HonourSpec h = unit_honour(w);
    change(h);
    return h;
  };
  EXPECT_REFUSED(w.reg, w.reg.record_honour(with([](auto& h) { h.title.clear(); })),
                 ErrorCode::invalid_argument, "honour.title", "");
  EXPECT_REFUSED(w.reg, w.reg.record_honour(with([](auto& h) { h.organization.reset(); })),
                 ErrorCode::invalid_argument, "honour.subject", "");
  EXPECT_REFUSED(w.reg,
                 w.reg.record_honour(with([&](auto& h) {
                   h.kind = kexie::HonourKind::advanced_individual;
                 })),
                 ErrorCode::invalid_argument, "honour.subject", "");
  EXPECT_REFUSED(w.reg, w.reg.record_honour(with([&](auto& h) { h.grantor = w.ent2; })),
                 ErrorCode::rule_violation, "honour.grantor", "A14");
  EXPECT_REFUSED(w.reg, w.reg.record_honour(with([&](auto& h) { h.organization = w.province; h.grantor = w.city; })),
                 ErrorCode::rule_violation, "honour.scope", "A14");
  ASSERT_TRUE(w.reg.record_honour(unit_honour(w)));
  EXPECT_REFUSED(w.reg, w.reg.record_honour(unit_honour(w)), ErrorCode::already_exists,
                 "honour.unique", "A14");
  // All or nothing: the second of two is refused, so neither is recorded.
  std::vector<kexie::HonourSpec> two{with([](auto& h) { h.title = "二等奖"; }),
                                     with([](auto& h) { h.title.clear(); })};
  EXPECT_REFUSED(w.reg, w.reg.record_honours(two), ErrorCode::invalid_argument, "honour.title",
                 "");
  std::vector<kexie::HonourSpec> twice{with([](auto& h) { h.title = "三等奖"; }),
                                       with([](auto& h) { h.title = "三等奖"; })};
  EXPECT_REFUSED(w.reg, w.reg.record_honours(twice), ErrorCode::already_exists, "honour.unique",
                 "A14");
  EXPECT_EQ(w.reg.honour_count(), 1u);
  EXPECT_EQ(w.reg.record_honour(with([](auto& h) { h.organization = OrgId{99}; })).code(),
            ErrorCode::not_found);
}

TEST(Honour, ExemplaryAwardRecordsItsGrantorAndBasis) {
  World w;
  const Period y2025{"2025-01-01"_date, "2025-12-31"_date};
  EXPECT_REFUSED(w.reg, w.reg.award_exemplary(w.ent1, y2025, w.society, "考核评价"),
                 ErrorCode::rule_violation, "honour.grantor", "A14");
  EXPECT_REFUSED(w.reg, w.reg.award_exemplary(w.ent1, y2025, w.city, ""),
                 ErrorCode::invalid_argument, "honour.basis", "");
  EXPECT_REFUSED(w.reg, w.reg.award_exemplary(w.branch, y2025, w.city, "考核评价"),
                 ErrorCode::rule_violation, "org.exemplary_kind", "A14");
  ASSERT_TRUE(w.reg.award_exemplary(w.ent1, y2025, w.city, "2024 年度考核评价"));
  EXPECT_TRUE(w.reg.exemplary(w.ent1, "2025-06-01"_date));
  const auto hs = w.reg.honours_of(w.ent1);
  ASSERT_EQ(hs.size(), 1u);
  EXPECT_EQ(hs[0].kind, kexie::HonourKind::exemplary_association);
  EXPECT_EQ(hs[0].grantor, w.city);
  EXPECT_EQ(hs[0].basis, "2024 年度考核评价");
  EXPECT_EQ(hs[0].date, y2025.first);
}

TEST(Honour, DigestUnchangedForRegistriesWithoutNewFacts) {
  // The old two-argument award (deprecated, kept until the next SONAME) records no
  // honour, so registries built as before issue 13 keep their digests (the golden
  // snapshot's among them).
  World a, b;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  ASSERT_TRUE(a.reg.award_exemplary(a.ent1, {"2025-01-01"_date, "2025-12-31"_date}));
#pragma GCC diagnostic pop
  EXPECT_TRUE(a.reg.exemplary(a.ent1, "2025-06-01"_date));
  EXPECT_EQ(a.reg.honour_count(), 0u);
  EXPECT_TRUE(a.reg.honours_of(a.ent1).empty());
  kexie::Policy untied;
  untied.employer_tied_membership = false;
  World c{untied};
  EXPECT_NE(b.reg.digest(), c.reg.digest());  // a non-default tie is part of the state
}
