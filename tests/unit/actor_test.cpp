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

// ---- roles from the registry (issue 13) ----------------------------------------------------------

TEST(ActorAsOf, IncludesAppointments) {
  World w;
  ASSERT_TRUE(w.registry.appoint({.person = w.outsider, .org = w.province,
                                  .role = kexie::OfficerRole::secretary_general,
                                  .period = kexie::Period::from("2020-01-01"_date)}));
  const Actor a = kexie::actor_as_of(w.registry, w.outsider, "2025-03-01"_date).value();
  EXPECT_TRUE(a.holds(Role::secretary_general, w.province));
  EXPECT_TRUE(kexie::backed_by_registry(w.registry, a, "2025-03-01"_date));
}

TEST(BackedByRegistry, RefusesRolesAndPoolsTheRegistryDoesNotBack) {
  World w;
  const kexie::Date day = "2025-03-01"_date;
  EXPECT_TRUE(kexie::backed_by_registry(w.registry, w.owner(), day));  // claims nothing
  auto refused = [&](const Actor& a) {
    const kexie::Status s = kexie::backed_by_registry(w.registry, a, day);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.code(), kexie::ErrorCode::permission_denied);
    EXPECT_EQ(s.error().rule(), "actor.unbacked_role");
    EXPECT_EQ(s.error().article(), "A14");
  };
  refused(w.boss());                                           // not in the registry
  refused(Actor{w.outsider, {{Role::chair, w.cast}}});         // the chair of CAST, asserted
  refused(Actor{w.outsider}.with_expert_pool(w.province));     // no listing
  ASSERT_TRUE(w.registry.appoint({.person = w.outsider, .org = w.cast,
                                  .role = kexie::OfficerRole::chair,
                                  .period = {"2024-01-01"_date, "2025-12-31"_date}}));
  EXPECT_TRUE(kexie::backed_by_registry(w.registry, Actor{w.outsider, {{Role::chair, w.cast}}}, day));
  // Not on a day outside the appointment.
  EXPECT_FALSE(kexie::backed_by_registry(w.registry, Actor{w.outsider, {{Role::chair, w.cast}}},
                                         "2026-01-01"_date));
  ASSERT_TRUE(w.registry.add_expert(w.outsider, w.province, {"energy"},
                                    kexie::Period::from("2024-01-01"_date)));
  EXPECT_TRUE(kexie::backed_by_registry(w.registry, Actor{w.outsider}.with_expert_pool(w.province), day));
}

TEST(BackedByRegistry, TheBookRefusesAssertedRolesUnlessThePolicyOptsIn) {
  World w;
  kexie::ActivityBook book{w.registry};  // the standard policy: roles must be backed
  const auto id = book.create(w.owner(), t(1), w.plan(), "plan").value();
  ASSERT_TRUE(book.submit(id, w.owner(), t(2), "ready"));
  const Actor asserted_chair{w.outsider, {{Role::chair, w.enterprise}}};
  const std::string before = kexie::digest(*book.find(id));
  const kexie::Status s = book.approve(id, asserted_chair, t(3), "立项");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), kexie::ErrorCode::permission_denied);
  EXPECT_EQ(s.error().rule(), "actor.unbacked_role");
  EXPECT_EQ(s.error().article(), "A14");
  EXPECT_EQ(kexie::digest(*book.find(id)), before);
  EXPECT_TRUE(book.audit_trail().back().security_event);
  EXPECT_FALSE(book.audit_trail().back().asserted);
  // Backed by an appointment at the city above the organizer: accepted, not marked.
  ASSERT_TRUE(w.registry.appoint({.person = w.outsider, .org = w.city,
                                  .role = kexie::OfficerRole::chair,
                                  .period = kexie::Period::from("2020-01-01"_date)}));
  const Actor chair = kexie::actor_as_of(w.registry, w.outsider, t(4).date()).value();
  ASSERT_TRUE(book.approve(id, chair, t(4), "立项"));
  EXPECT_FALSE(book.audit_trail().back().asserted);
  EXPECT_TRUE(book.verify_audit().ok());

  // The opt-in accepts the asserted role and says so in the record (and its hash).
  kexie::ActivityBook migrating{w.registry, asserted()};
  const auto m = migrating.create(w.owner(), t(1), w.plan(), "plan").value();
  ASSERT_TRUE(migrating.submit(m, w.owner(), t(2), "ready"));
  ASSERT_TRUE(migrating.approve(m, asserted_chair, t(3), "立项 (imported)"));
  const kexie::AuditRecord& r = migrating.audit_trail().back();
  EXPECT_TRUE(r.asserted);
  EXPECT_FALSE(migrating.audit_trail()[1].asserted);  // the owner asserted nothing
  kexie::AuditRecord unmarked = r;
  unmarked.asserted = false;
  EXPECT_NE(kexie::digest(unmarked), r.hash);
  EXPECT_TRUE(migrating.verify_audit().ok());
}

}  // namespace
