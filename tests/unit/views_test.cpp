// Tests for kexie/views.hpp: the range-v3 views over a registry's queries are
// random-access and sized, own what they read (unchanged after later
// mutations), and equal the plain queries they wrap. views_isolation.cpp,
// compiled into this program, checks that no other public header pulls in
// range-v3 or Boost.
#include "kexie/views.hpp"

#include <gtest/gtest.h>

#include <vector>

#include <range/v3/range/concepts.hpp>
#include <range/v3/range/conversion.hpp>

#include "registry_fixture.hpp"

using kexie::OrgId;
using kexie::Period;
using kexie::Role;
using kexie_test::World;

namespace kexie_test {
// views_isolation.cpp: how many public headers it compiled without range-v3.
int headers_without_range_v3();
}  // namespace kexie_test

namespace {
const kexie::Date kDay = kexie::Date::parse("2024-06-30").value();
const Period kSince = Period::from(kexie::Date::parse("2015-01-01").value());
}  // namespace

TEST(Views, AreRandomAccessAndSized) {
  World w;
  const auto orgs = kexie::views::subtree(w.reg, w.cast, kDay);
  static_assert(ranges::random_access_range<decltype(orgs)>);
  static_assert(ranges::sized_range<decltype(orgs)>);
  EXPECT_EQ(orgs | ranges::to<std::vector>(), w.reg.subtree_ids(w.cast, kDay));
  EXPECT_EQ(orgs[0], w.cast);
  EXPECT_EQ(kexie::views::ancestors(w.reg, w.sg_branch, kDay) | ranges::to<std::vector>(),
            w.reg.ancestor_ids(w.sg_branch, kDay));
}

TEST(Views, OwnWhatTheyReadAcrossLaterMutations) {
  World w;
  ASSERT_TRUE(w.reg.add_membership(w.young, w.ent1, Role::member, kSince).ok());
  const auto members = kexie::views::members(w.reg, w.ent1, kDay);
  const auto mine = kexie::views::memberships_of(w.reg, w.young);
  ASSERT_TRUE(w.reg.add_membership(w.senior, w.ent1, Role::member, kSince).ok());
  ASSERT_TRUE(w.reg.add_membership(w.young, w.branch, Role::member, kSince).ok());
  EXPECT_EQ(ranges::distance(members), 1);
  EXPECT_EQ(members[0].person, w.young);
  EXPECT_EQ(ranges::distance(mine), 1);
  EXPECT_EQ(ranges::distance(kexie::views::members(w.reg, w.ent1, kDay)), 2);
  EXPECT_EQ(ranges::distance(kexie::views::memberships_of(w.reg, w.young)), 2);
}

TEST(Views, MembersAreTheEntriesOfMemberIndexSelect) {
  World w;
  ASSERT_TRUE(w.reg.add_membership(w.young, w.ent1, Role::member, kSince).ok());
  ASSERT_TRUE(w.reg.add_membership(w.other, w.ent2, Role::member, kSince).ok());
  const kexie::MemberIndex idx = w.reg.member_index(kDay);
  std::vector<kexie::MemberEntry> expected;
  for (std::uint32_t row : idx.select(w.province, {.young = true}))
    expected.push_back(idx.entry(row));
  EXPECT_EQ(
      kexie::views::members(w.reg, w.province, kDay, {.young = true}) | ranges::to<std::vector>(),
      expected);
  EXPECT_FALSE(expected.empty());
}

TEST(Views, NoOtherPublicHeaderIncludesRangeV3) {
  // The check itself is an #error in views_isolation.cpp; this only proves that
  // file was compiled into the program with every header it lists.
  EXPECT_GE(kexie_test::headers_without_range_v3(), 27);
}
