// Actors: roles held at organizations, expert pools, printing, and building an
// actor from the registry's memberships on a date.
#include "kexie/actor.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "lifecycle_fixture.hpp"

namespace {

using kexie::Actor;
using kexie::OrgId;
using kexie::PersonId;
using kexie::Role;
using namespace kexie_test;

TEST(Actor, HoldsExactlyTheRolesGiven) {
  const Actor a{PersonId{7}, {{Role::chair, OrgId{3}}}};
  EXPECT_TRUE(a.ok());
  EXPECT_TRUE(a.holds(Role::chair, OrgId{3}));
  EXPECT_FALSE(a.holds(Role::chair, OrgId{4}));
  EXPECT_FALSE(a.holds(Role::secretary_general, OrgId{3}));
  const Actor b = a.with_role(Role::secretary_general, OrgId{4}).with_expert_pool(OrgId{1});
  EXPECT_TRUE(b.holds(Role::secretary_general, OrgId{4}));
  EXPECT_EQ(b.expert_pools(), std::vector<OrgId>{OrgId{1}});
  EXPECT_EQ(a.roles().size(), 1u);  // with_* copies
  EXPECT_FALSE(Actor{}.ok());
  EXPECT_NE(a, b);
}

TEST(Actor, PrintsPersonRolesAndPools) {
  const Actor a = Actor{PersonId{7}, {{Role::chair, OrgId{3}}}}.with_expert_pool(OrgId{1});
  EXPECT_EQ(kexie::to_string(a), "person:7 [chair@org:3, expert@org:1]");
  std::ostringstream os;
  os << Actor{PersonId{2}};
  EXPECT_EQ(os.str(), "person:2 []");
}

TEST(ActorAsOf, TakesTheMembershipsAndListingsInEffect) {
  World w;
  ASSERT_TRUE(w.registry.add_membership(w.responsible, w.enterprise, Role::member,
                                        kexie::Period::from("2010-01-01"_date)));
  ASSERT_TRUE(w.registry.add_membership(w.responsible, w.enterprise, Role::secretary_general,
                                        {"2020-01-01"_date, "2024-12-31"_date}));
  ASSERT_TRUE(w.registry.add_expert(w.responsible, w.province, {"metallurgy"},
                                    kexie::Period::from("2022-01-01"_date)));
  const Actor in2023 = kexie::actor_as_of(w.registry, w.responsible, "2023-06-01"_date).value();
  EXPECT_EQ(in2023.person(), w.responsible);
  EXPECT_TRUE(in2023.holds(Role::member, w.enterprise));
  EXPECT_TRUE(in2023.holds(Role::secretary_general, w.enterprise));
  EXPECT_EQ(in2023.expert_pools(), std::vector<OrgId>{w.province});
  const Actor in2025 = kexie::actor_as_of(w.registry, w.responsible, "2025-06-01"_date).value();
  EXPECT_FALSE(in2025.holds(Role::secretary_general, w.enterprise));
  EXPECT_TRUE(in2025.holds(Role::member, w.enterprise));
  const Actor in2015 = kexie::actor_as_of(w.registry, w.responsible, "2015-06-01"_date).value();
  EXPECT_TRUE(in2015.expert_pools().empty());
  EXPECT_EQ(kexie::actor_as_of(w.registry, PersonId{999}, "2025-01-01"_date).code(),
            kexie::ErrorCode::not_found);
}

TEST(ActorAsOf, DrivesAuthorization) {
  World w;
  ASSERT_TRUE(w.registry.add_membership(w.outsider, w.enterprise, Role::secretary_general,
                                        kexie::Period::from("2020-01-01"_date)));
  kexie::ActivityBook book{w.registry};
  std::int64_t clock = 1;
  const auto id = drive(book, w, {kexie::ActivityOperation::submit}, clock);
  const Actor sg = kexie::actor_as_of(w.registry, w.outsider, t(5).date()).value();
  EXPECT_TRUE(book.approve(id, sg, t(5), "立项"));
}

}  // namespace
