// Tests for kexie/organization.hpp and the organization rules of the registry
// (DOMAIN.md §1): the parent table, single root, no cycles, moves, dissolution,
// the exemplary award and cooperation links. Every refusal is checked for its
// code, rule id, article and an unchanged registry digest.
#include "kexie/organization.hpp"

#include <gtest/gtest.h>

#include <range/v3/range/conversion.hpp>

#include "kexie/literals.hpp"
#include "kexie/registry.hpp"
#include "kexie/views.hpp"
#include "registry_fixture.hpp"

using namespace kexie::literals;

using kexie::ErrorCode;
using kexie::LocalLevel;
using kexie::OrgId;
using kexie::OrgKind;
using kexie::OrgSpec;
using kexie::Period;
using kexie_test::World;

TEST(AllowedParent, FollowsTheTableOfDomainSection1) {
  using K = OrgKind;
  using L = LocalLevel;
  EXPECT_TRUE(kexie::allowed_parent(K::committee, K::national));
  EXPECT_FALSE(kexie::allowed_parent(K::committee, K::local, L::none, L::provincial));
  EXPECT_TRUE(kexie::allowed_parent(K::society, K::national));
  EXPECT_FALSE(kexie::allowed_parent(K::society, K::enterprise));
  EXPECT_TRUE(kexie::allowed_parent(K::local, K::national, L::provincial));
  EXPECT_TRUE(kexie::allowed_parent(K::local, K::local, L::county, L::prefecture));
  EXPECT_TRUE(kexie::allowed_parent(K::local, K::local, L::county, L::provincial));
  EXPECT_FALSE(kexie::allowed_parent(K::local, K::local, L::county, L::county));
  EXPECT_FALSE(kexie::allowed_parent(K::local, K::local, L::provincial, L::prefecture));
  EXPECT_TRUE(kexie::allowed_parent(K::enterprise, K::local, L::none, L::county));
  EXPECT_FALSE(kexie::allowed_parent(K::enterprise, K::national));
  EXPECT_FALSE(kexie::allowed_parent(K::enterprise, K::society));
  EXPECT_TRUE(kexie::allowed_parent(K::branch, K::enterprise));
  EXPECT_FALSE(kexie::allowed_parent(K::branch, K::branch));
  EXPECT_TRUE(kexie::allowed_parent(K::study_group, K::enterprise));
  EXPECT_TRUE(kexie::allowed_parent(K::study_group, K::branch));
  EXPECT_FALSE(kexie::allowed_parent(K::study_group, K::study_group));
  EXPECT_TRUE(kexie::allowed_parent(K::proxy, K::local, L::none, L::county));
  EXPECT_FALSE(kexie::allowed_parent(K::proxy, K::enterprise));
  for (K p : {K::national, K::committee, K::local, K::society, K::enterprise, K::branch,
              K::study_group, K::proxy, K::partner}) {
    EXPECT_FALSE(kexie::allowed_parent(K::partner, p));
    EXPECT_FALSE(kexie::allowed_parent(K::national, p));
  }
  EXPECT_EQ(kexie::parent_rule_article(K::committee), "A15");
  EXPECT_EQ(kexie::parent_rule_article(K::branch), "A13");
  EXPECT_EQ(kexie::parent_rule_article(K::society), "A3");
  EXPECT_EQ(kexie::parent_rule_article(K::enterprise), "A1");
}

TEST(OrganizationNames, AreStable) {
  EXPECT_EQ(kexie::to_string(OrgKind::study_group), "study_group");
  EXPECT_EQ(kexie::to_string(LocalLevel::sub_provincial), "sub_provincial");
  EXPECT_EQ(kexie::to_string(kexie::Ownership::private_), "private");
  EXPECT_EQ(kexie::to_string(kexie::LinkKind::factory_society), "factory_society");
}

TEST(AddOrganization, AcceptsEveryKindUnderAnAllowedParent) {
  World w;
  EXPECT_EQ(w.reg.organization_count(), 12u);
  EXPECT_EQ(w.reg.root(), w.cast);
  EXPECT_EQ(w.reg.kind(w.sg_branch).value(), OrgKind::study_group);
  EXPECT_EQ(w.reg.parent(w.sg_branch, "2000-01-01"_date).value(), w.branch);
  EXPECT_EQ(w.reg.parent(w.university, "2000-01-01"_date).value(), OrgId{});
  EXPECT_EQ(w.reg.parent(w.cast, "2000-01-01"_date).value(), OrgId{});
  const kexie::Organization e = w.reg.organization(w.ent1).value();
  EXPECT_EQ(e.enterprise.enterprise_name, "杭氧股份");
  EXPECT_EQ(e.enterprise.ownership, kexie::Ownership::state);
  EXPECT_TRUE(e.period.open_ended());
  ASSERT_EQ(e.parents.size(), 1u);
  EXPECT_EQ(e.parent_on("2000-01-01"_date), w.city);
  // A county under a prefecture under the province: strictly lower levels.
  auto pref = w.reg.add_organization({.kind = OrgKind::local,
                                      .name = "湖州市科协",
                                      .parent = w.province,
                                      .effective = "2000-01-01"_date,
                                      .level = LocalLevel::prefecture});
  ASSERT_TRUE(pref.ok());
  EXPECT_TRUE(w.reg
                  .add_organization({.kind = OrgKind::local,
                                     .name = "德清县科协",
                                     .parent = *pref,
                                     .effective = "2000-01-01"_date,
                                     .level = LocalLevel::county})
                  .ok());
}

TEST(AddOrganization, RefusesASecondRootOrAParentlessOrganization) {
  World w;
  EXPECT_REFUSED(w.reg,
                 w.reg.add_organization(
                     {.kind = OrgKind::national, .name = "CAST 2", .effective = "2000-01-01"_date}),
                 ErrorCode::rule_violation, "org.single_root", "A1");
  EXPECT_REFUSED(
      w.reg,
      w.reg.add_organization(
          {.kind = OrgKind::committee, .name = "orphan", .effective = "2000-01-01"_date}),
      ErrorCode::rule_violation, "org.single_root", "A1");
}

TEST(AddOrganization, RefusesAParentOfTheWrongKindNamingTheArticle) {
  World w;
  const auto t = "2000-01-01"_date;
  EXPECT_REFUSED(w.reg,
                 w.reg.add_organization({.kind = OrgKind::enterprise,
                                         .name = "x",
                                         .parent = w.society,
                                         .effective = t,
                                         .enterprise = {.enterprise_name = "x"}}),
                 ErrorCode::rule_violation, "org.parent_kind", "A1");
  EXPECT_REFUSED(w.reg,
                 w.reg.add_organization(
                     {.kind = OrgKind::branch, .name = "x", .parent = w.city, .effective = t}),
                 ErrorCode::rule_violation, "org.parent_kind", "A13");
  EXPECT_REFUSED(
      w.reg,
      w.reg.add_organization(
          {.kind = OrgKind::committee, .name = "x", .parent = w.province, .effective = t}),
      ErrorCode::rule_violation, "org.parent_kind", "A15");
  EXPECT_REFUSED(w.reg,
                 w.reg.add_organization(
                     {.kind = OrgKind::society, .name = "x", .parent = w.province, .effective = t}),
                 ErrorCode::rule_violation, "org.parent_kind", "A3");
  EXPECT_REFUSED(w.reg,
                 w.reg.add_organization({.kind = OrgKind::local,
                                         .name = "x",
                                         .parent = w.city,
                                         .effective = t,
                                         .level = LocalLevel::sub_provincial}),
                 ErrorCode::rule_violation, "org.parent_kind", "A1");
  EXPECT_REFUSED(
      w.reg,
      w.reg.add_organization(
          {.kind = OrgKind::study_group, .name = "x", .parent = w.sg_ent, .effective = t}),
      ErrorCode::rule_violation, "org.parent_kind", "A13");
  EXPECT_REFUSED(w.reg,
                 w.reg.add_organization(
                     {.kind = OrgKind::proxy, .name = "x", .parent = w.ent1, .effective = t}),
                 ErrorCode::rule_violation, "org.parent_kind", "A13");
  EXPECT_REFUSED(w.reg,
                 w.reg.add_organization(
                     {.kind = OrgKind::partner, .name = "x", .parent = w.cast, .effective = t}),
                 ErrorCode::rule_violation, "org.parent_kind", "A3");
}

TEST(AddOrganization, RefusesBadInputAndUnknownOrInactiveParents) {
  World w;
  const auto t = "2000-01-01"_date;
  EXPECT_REFUSED(w.reg,
                 w.reg.add_organization(
                     {.kind = OrgKind::branch, .name = "x", .parent = OrgId{999}, .effective = t}),
                 ErrorCode::not_found, "", "");
  EXPECT_REFUSED(w.reg,
                 w.reg.add_organization(
                     {.kind = OrgKind::branch, .name = "", .parent = w.ent1, .effective = t}),
                 ErrorCode::invalid_argument, "", "");
  EXPECT_REFUSED(w.reg,
                 w.reg.add_organization(
                     {.kind = OrgKind::local, .name = "x", .parent = w.cast, .effective = t}),
                 ErrorCode::invalid_argument, "org.local_level", "A1");
  EXPECT_REFUSED(w.reg,
                 w.reg.add_organization(
                     {.kind = OrgKind::enterprise, .name = "x", .parent = w.city, .effective = t}),
                 ErrorCode::invalid_argument, "org.enterprise_info", "A1");
  // Before the parent existed.
  EXPECT_REFUSED(
      w.reg,
      w.reg.add_organization(
          {.kind = OrgKind::branch, .name = "x", .parent = w.ent1, .effective = "1980-01-01"_date}),
      ErrorCode::rule_violation, "org.active", "A1");
  ASSERT_TRUE(w.reg.dissolve(w.sg_ent, "2010-12-31"_date).ok());
  auto b2 = w.reg
                .add_organization(
                    {.kind = OrgKind::branch, .name = "b2", .parent = w.ent2, .effective = t})
                .value();
  ASSERT_TRUE(w.reg.dissolve(b2, "2010-12-31"_date).ok());
  EXPECT_REFUSED(w.reg,
                 w.reg.add_organization({.kind = OrgKind::study_group,
                                         .name = "x",
                                         .parent = b2,
                                         .effective = "2005-01-01"_date}),
                 ErrorCode::rule_violation, "org.active", "A1");
}

TEST(Move, ChangesTheParentFromADateAndKeepsHistory) {
  World w;
  ASSERT_TRUE(w.reg.move(w.branch, w.ent2, "2020-01-01"_date).ok());
  EXPECT_EQ(w.reg.parent(w.branch, "2019-12-31"_date).value(), w.ent1);
  EXPECT_EQ(w.reg.parent(w.branch, "2020-01-01"_date).value(), w.ent2);
  EXPECT_TRUE(w.reg.within(w.sg_branch, w.ent1, "2019-12-31"_date));
  EXPECT_FALSE(w.reg.within(w.sg_branch, w.ent1, "2020-01-01"_date));
  EXPECT_TRUE(w.reg.within(w.sg_branch, w.ent2, "2020-01-01"_date));
  EXPECT_EQ(w.reg.organization(w.branch)->parents.size(), 2u);
  // A local moves under another local of a higher level.
  auto pref = w.reg
                  .add_organization({.kind = OrgKind::local,
                                     .name = "p",
                                     .parent = w.province,
                                     .effective = "2000-01-01"_date,
                                     .level = LocalLevel::prefecture})
                  .value();
  ASSERT_TRUE(w.reg.move(w.ent2, pref, "2021-01-01"_date).ok());
  EXPECT_TRUE(w.reg.within(w.sg_branch, pref, "2021-06-01"_date));
}

TEST(Move, RefusesCyclesWrongKindsAndInactiveParents) {
  World w;
  EXPECT_REFUSED(w.reg, w.reg.move(w.province, w.city, "2020-01-01"_date),
                 ErrorCode::rule_violation, "org.no_cycle", "A1");
  EXPECT_REFUSED(w.reg, w.reg.move(w.branch, w.branch, "2020-01-01"_date),
                 ErrorCode::rule_violation, "org.no_cycle", "A1");
  EXPECT_REFUSED(w.reg, w.reg.move(w.ent1, w.society, "2020-01-01"_date), ErrorCode::rule_violation,
                 "org.parent_kind", "A1");
  EXPECT_REFUSED(w.reg, w.reg.move(w.sg_branch, w.sg_ent, "2020-01-01"_date),
                 ErrorCode::rule_violation, "org.parent_kind", "A13");
  EXPECT_REFUSED(w.reg, w.reg.move(w.cast, w.province, "2020-01-01"_date),
                 ErrorCode::rule_violation, "org.single_root", "A1");
  auto b2 = w.reg
                .add_organization({.kind = OrgKind::branch,
                                   .name = "b2",
                                   .parent = w.ent2,
                                   .effective = "2000-01-01"_date})
                .value();
  ASSERT_TRUE(w.reg.dissolve(w.ent2, "2030-01-01"_date).code() == ErrorCode::rule_violation);
  ASSERT_TRUE(w.reg.dissolve(b2, "2015-01-01"_date).ok());
  EXPECT_REFUSED(w.reg, w.reg.move(w.sg_branch, b2, "2020-01-01"_date), ErrorCode::rule_violation,
                 "org.active", "A1");
  EXPECT_REFUSED(w.reg, w.reg.move(w.sg_branch, OrgId{77}, "2020-01-01"_date), ErrorCode::not_found,
                 "", "");
  ASSERT_TRUE(w.reg.move(w.branch, w.ent2, "2020-01-01"_date).ok());
  EXPECT_REFUSED(w.reg, w.reg.move(w.branch, w.ent1, "2019-06-01"_date),
                 ErrorCode::invalid_argument, "", "");
}

/// A policy without the employer tie, so that an enterprise association that
/// employs people can be dissolved (tests of the other dissolution rules).
static kexie::Policy untied() {
  kexie::Policy p;
  p.employer_tied_membership = false;
  return p;
}

TEST(Dissolve, EndsAnEmptyOrganizationAndKeepsItsHistory) {
  World w{untied()};  // dissolves enterprise associations that employ people
  ASSERT_TRUE(w.reg.dissolve(w.sg_ent, "2020-12-31"_date).ok());
  EXPECT_TRUE(w.reg.exists(w.sg_ent, "2020-12-31"_date));
  EXPECT_FALSE(w.reg.exists(w.sg_ent, "2021-01-01"_date));
  EXPECT_EQ(w.reg.organization(w.sg_ent)->period, (Period{"1990-01-01"_date, "2020-12-31"_date}));
  EXPECT_EQ(w.reg.parent(w.sg_ent, "2020-06-01"_date).value(), w.ent1);
  EXPECT_EQ(w.reg.parent(w.sg_ent, "2021-06-01"_date).code(), ErrorCode::rule_violation);
  // Children end first, then the parent can go.
  ASSERT_TRUE(w.reg.dissolve(w.sg_branch, "2020-12-31"_date).ok());
  ASSERT_TRUE(w.reg.dissolve(w.branch, "2020-12-31"_date).ok());
  EXPECT_TRUE(w.reg.dissolve(w.ent1, "2020-12-31"_date).ok());
  EXPECT_EQ(kexie::views::subtree(w.reg, w.city, "2021-01-01"_date).size(), 2u);  // city, proxy
}

TEST(Dissolve, IsRefusedWhileChildrenMembersOrLinksRemain) {
  World w;
  const auto t = "2020-12-31"_date;
  EXPECT_REFUSED(w.reg, w.reg.dissolve(w.branch, t), ErrorCode::rule_violation,
                 "org.dissolve_children", "A1");
  ASSERT_TRUE(
      w.reg.add_membership(w.senior, w.ent1, kexie::Role::member, Period::from("2010-01-01"_date))
          .ok());
  ASSERT_TRUE(
      w.reg.add_membership(w.senior, w.sg_ent, kexie::Role::member, Period::from("2010-01-01"_date))
          .ok());
  EXPECT_REFUSED(w.reg, w.reg.dissolve(w.sg_ent, t), ErrorCode::rule_violation,
                 "org.dissolve_members", "A1");
  const auto e2 = w.reg
                      .add_organization({.kind = OrgKind::enterprise,
                                         .name = "e3",
                                         .parent = w.city,
                                         .effective = "2000-01-01"_date,
                                         .enterprise = {.enterprise_name = "e3"}})
                      .value();
  ASSERT_TRUE(w.reg.add_link(e2, w.university, Period::from("2015-01-01"_date)).ok());
  EXPECT_REFUSED(w.reg, w.reg.dissolve(e2, t), ErrorCode::rule_violation, "org.dissolve_links",
                 "A3");
  EXPECT_REFUSED(w.reg, w.reg.dissolve(w.cast, t), ErrorCode::rule_violation, "org.single_root",
                 "A1");
  ASSERT_TRUE(w.reg.dissolve(w.proxy, t).ok());
  EXPECT_REFUSED(w.reg, w.reg.dissolve(w.proxy, "2021-12-31"_date), ErrorCode::rule_violation,
                 "org.active", "A1");
  // A membership that ends in time does not block.
  ASSERT_TRUE(
      w.reg.add_membership(w.young, w.ent1, kexie::Role::member, Period::from("2018-01-01"_date))
          .ok());
  const auto sg = w.reg.add_membership(w.young, w.sg_ent, kexie::Role::member,
                                       {"2018-01-01"_date, "2019-01-01"_date});
  ASSERT_TRUE(sg.ok());
  ASSERT_TRUE(w.reg.end_membership(w.reg.memberships_of(w.senior)[1], "2020-06-30"_date).ok());
  EXPECT_TRUE(w.reg.dissolve(w.sg_ent, t).ok());
}

TEST(Exemplary, IsHeldByEnterpriseAssociationsForAPeriod) {
  World w;
  const Period y2025{"2025-01-01"_date, "2025-12-31"_date};
  const char* basis = "2024 年度考核评价";
  ASSERT_TRUE(w.reg.award_exemplary(w.ent1, y2025, w.city, basis).ok());
  EXPECT_TRUE(w.reg.exemplary(w.ent1, "2025-06-01"_date));
  EXPECT_FALSE(w.reg.exemplary(w.ent1, "2026-01-01"_date));
  EXPECT_REFUSED(w.reg, w.reg.award_exemplary(w.city, y2025, w.province, basis),
                 ErrorCode::rule_violation, "org.exemplary_kind", "A14");
  // Overlapping dates (another honour date, so not the same honour twice).
  EXPECT_REFUSED(
      w.reg, w.reg.award_exemplary(w.ent1, {"2025-07-01"_date, "2026-06-30"_date}, w.city, basis),
      ErrorCode::already_exists, "org.exemplary_unique", "A14");
  // The same award again is first the same honour twice.
  EXPECT_REFUSED(w.reg, w.reg.award_exemplary(w.ent1, y2025, w.city, basis),
                 ErrorCode::already_exists, "honour.unique", "A14");
  // Before the association (and its city) existed: nobody guided it then.
  EXPECT_REFUSED(
      w.reg, w.reg.award_exemplary(w.ent1, {"1980-01-01"_date, "1980-12-31"_date}, w.city, basis),
      ErrorCode::rule_violation, "honour.grantor", "A14");
  EXPECT_REFUSED(
      w.reg, w.reg.award_exemplary(w.ent1, {"2025-12-31"_date, "2025-01-01"_date}, w.city, basis),
      ErrorCode::invalid_argument, "", "");
}

TEST(Exemplary, TheDeprecatedTwoArgumentFormKeepsItsRulesAndRecordsNoHonour) {
  // Kept until the next SONAME (docs/api-stability.md): the same rules, no grantor,
  // no basis, so no honour.
  World w;
  const Period y2025{"2025-01-01"_date, "2025-12-31"_date};
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  ASSERT_TRUE(w.reg.award_exemplary(w.ent1, y2025).ok());
  EXPECT_REFUSED(w.reg, w.reg.award_exemplary(w.city, y2025), ErrorCode::rule_violation,
                 "org.exemplary_kind", "A14");
  EXPECT_REFUSED(w.reg, w.reg.award_exemplary(w.ent1, y2025), ErrorCode::already_exists,
                 "org.exemplary_unique", "A14");
  EXPECT_REFUSED(w.reg, w.reg.award_exemplary(w.ent1, {"1980-01-01"_date, "1980-12-31"_date}),
                 ErrorCode::rule_violation, "org.active", "A1");
#pragma GCC diagnostic pop
  EXPECT_TRUE(w.reg.exemplary(w.ent1, "2025-06-01"_date));
  EXPECT_EQ(w.reg.honour_count(), 0u);
}

TEST(Links, JoinEnterprisesWithPartnersAndSocieties) {
  World w;
  const auto l1 = w.reg.add_link(w.ent1, w.university, Period::from("2020-01-01"_date));
  const auto l2 = w.reg.add_link(w.ent1, w.society, {"2020-01-01"_date, "2022-12-31"_date});
  ASSERT_TRUE(l1.ok() && l2.ok());
  EXPECT_EQ(w.reg.link(*l1)->kind, kexie::LinkKind::industry_academia);
  EXPECT_EQ(w.reg.link(*l2)->kind, kexie::LinkKind::factory_society);
  auto now = kexie::views::links(w.reg, w.ent1, "2024-01-01"_date) | ranges::to<std::vector>();
  ASSERT_EQ(now.size(), 1u);
  EXPECT_EQ(now[0].other, w.university);
  EXPECT_EQ(w.reg.link_ids(w.university, "2024-01-01"_date).size(), 1u);
  EXPECT_REFUSED(w.reg, w.reg.add_link(w.ent1, w.ent2, Period::from("2020-01-01"_date)),
                 ErrorCode::rule_violation, "link.kinds", "A3");
  EXPECT_REFUSED(w.reg, w.reg.add_link(w.city, w.society, Period::from("2020-01-01"_date)),
                 ErrorCode::rule_violation, "link.kinds", "A11");
  EXPECT_REFUSED(w.reg, w.reg.add_link(w.ent1, w.university, Period::from("2021-01-01"_date)),
                 ErrorCode::already_exists, "link.unique", "A3");
  EXPECT_REFUSED(w.reg,
                 w.reg.add_link(w.ent1, w.university, {"2021-01-01"_date, "2020-01-01"_date}),
                 ErrorCode::invalid_argument, "", "");
  ASSERT_TRUE(w.reg.end_link(*l1, "2023-12-31"_date).ok());
  EXPECT_TRUE(w.reg.link_ids(w.ent1, "2024-01-01"_date).empty());
  EXPECT_REFUSED(w.reg, w.reg.end_link(*l1, "2025-01-01"_date), ErrorCode::invalid_argument, "",
                 "");
}

TEST(OrganizationViews, SubtreeByKindAndAncestors) {
  World w;
  const auto t = "2024-01-01"_date;
  auto ents =
      kexie::views::subtree(w.reg, w.province, t, OrgKind::enterprise) | ranges::to<std::vector>();
  EXPECT_EQ(ents, (std::vector<OrgId>{w.ent1, w.ent2}));
  auto all = kexie::views::subtree(w.reg, w.ent1, t) | ranges::to<std::vector>();
  EXPECT_EQ(all, (std::vector<OrgId>{w.ent1, w.branch, w.sg_branch, w.sg_ent}));
  auto up = kexie::views::ancestors(w.reg, w.sg_branch, t) | ranges::to<std::vector>();
  EXPECT_EQ(up, (std::vector<OrgId>{w.branch, w.ent1, w.city, w.province, w.cast}));
  EXPECT_TRUE(kexie::views::subtree(w.reg, w.ent1, "1980-01-01"_date).empty());
}

// ---- Gaps found in review (issue 13): rule ids and articles, accept and refuse ----------------

TEST(Dissolve, IsRefusedWhileTheExpertPoolListsSomeone) {
  World w{untied()};  // dissolves enterprise associations that employ people
  const auto t = "2020-12-31"_date;
  // ent2 has no children, members or links: only its expert listing holds it.
  const auto listing =
      w.reg.add_expert(w.other, w.ent2, {"mechanics"}, Period::from("2015-01-01"_date)).value();
  EXPECT_REFUSED(w.reg, w.reg.dissolve(w.ent2, t), ErrorCode::rule_violation,
                 "org.dissolve_members", "A1");
  // A listing that ends by the last day does not block.
  ASSERT_TRUE(w.reg.end_expert(listing, t).ok());
  EXPECT_TRUE(w.reg.dissolve(w.ent2, t).ok());
}

TEST(Dissolve, IsRefusedWhileAnExemplaryAwardRuns) {
  World w{untied()};  // dissolves enterprise associations that employ people
  const auto t = "2025-06-30"_date;
  ASSERT_TRUE(
      w.reg.award_exemplary(w.ent2, {"2025-01-01"_date, "2025-12-31"_date}, w.province, "考核评价")
          .ok());
  EXPECT_REFUSED(w.reg, w.reg.dissolve(w.ent2, t), ErrorCode::rule_violation,
                 "org.dissolve_members", "A14");
  // Once the award's period is over, the association may be dissolved.
  EXPECT_TRUE(w.reg.dissolve(w.ent2, "2025-12-31"_date).ok());
}

TEST(Dissolve, IsRefusedWhileAnOfficerOrAnEmployeeRemains) {
  World w;
  const auto t = "2020-12-31"_date;
  // Employer tie (the default): ent2 employs `other`.
  EXPECT_REFUSED(w.reg, w.reg.dissolve(w.ent2, t), ErrorCode::rule_violation,
                 "org.dissolve_employees", "A1");
  World u{untied()};
  EXPECT_TRUE(u.reg.dissolve(u.ent2, t).ok());  // the employer stays a historical fact
  // An appointment running past the last day blocks; one that ends in time does not.
  const auto local = w.reg
                         .add_organization({.kind = OrgKind::local,
                                            .name = "某县科协",
                                            .parent = w.city,
                                            .effective = "2000-01-01"_date,
                                            .level = LocalLevel::county})
                         .value();
  const auto a = w.reg.appoint({.person = w.senior, .org = local,
                                .role = kexie::OfficerRole::chair,
                                .period = Period::from("2010-01-01"_date)});
  ASSERT_TRUE(a.ok());
  EXPECT_REFUSED(w.reg, w.reg.dissolve(local, t), ErrorCode::rule_violation,
                 "org.dissolve_appointments", "A14");
  ASSERT_TRUE(w.reg.end_appointment(*a, "2020-06-30"_date).ok());
  EXPECT_TRUE(w.reg.dissolve(local, t).ok());
}
