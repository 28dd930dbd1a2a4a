// Tests for kexie/ids.hpp: identifiers are ordered, hashable, printable and
// cannot be mixed up with each other or with bare integers.
#include "kexie/ids.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <type_traits>
#include <unordered_set>

using kexie::OrgId;
using kexie::PersonId;

static_assert(!std::is_convertible_v<OrgId, PersonId>);
static_assert(!std::is_convertible_v<PersonId, OrgId>);
static_assert(!std::is_convertible_v<std::uint32_t, OrgId>, "construction must be explicit");
static_assert(!std::is_convertible_v<OrgId, std::uint32_t>);
static_assert(!std::is_constructible_v<OrgId, PersonId>);
static_assert(std::is_trivially_copyable_v<OrgId> && sizeof(OrgId) == 4);

TEST(Ids, DefaultIsNotOk) {
  EXPECT_FALSE(OrgId{}.ok());
  EXPECT_EQ(OrgId{}.value(), 0u);
  EXPECT_TRUE(OrgId{1}.ok());
}

TEST(Ids, OrderedByValue) {
  EXPECT_LT(OrgId{2}, OrgId{10});
  EXPECT_EQ(OrgId{7}, OrgId{7});
  EXPECT_NE(OrgId{7}, OrgId{8});
}

TEST(Ids, Printable) {
  std::ostringstream os;
  os << OrgId{12} << ' ' << PersonId{3} << ' ' << kexie::EntryId{4000000000u};
  EXPECT_EQ(os.str(), "org:12 person:3 entry:4000000000");
  EXPECT_EQ(kexie::to_string(kexie::JudgeId{9}), "judge:9");
}

TEST(Ids, Hashable) {
  std::unordered_set<OrgId> set{OrgId{1}, OrgId{2}, OrgId{1}};
  EXPECT_EQ(set.size(), 2u);
  EXPECT_TRUE(set.contains(OrgId{2}));
  EXPECT_FALSE(set.contains(OrgId{3}));
}
