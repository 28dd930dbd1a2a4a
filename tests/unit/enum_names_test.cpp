// The name tables of enum_names.hpp: one per enumeration, each the source of its
// enumeration's to_string, parsing, count and range checks.
#include "kexie/enum_names.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>

#include "kexie/kexie.hpp"

namespace {

using namespace kexie;

// A probe enumeration whose table lacks a name: the mechanism every real table
// relies on must reject it (the static_assert beside each table).
enum class Probe : std::uint8_t { a, b, c };
enum class DuplicateProbe : std::uint8_t { a, b };

}  // namespace

namespace kexie {
inline namespace v1 {
template <>
struct EnumNames<Probe> {
  static constexpr std::array<std::string_view, 2> names{"a", "b"};  // "c" forgotten
  static constexpr bool listed(Probe v) noexcept {
    switch (v) {
      case Probe::a:
      case Probe::b:
      case Probe::c:
        return true;
    }
    return false;
  }
};
template <>
struct EnumNames<DuplicateProbe> {
  static constexpr std::array<std::string_view, 2> names{"a", "a"};
  static constexpr bool listed(DuplicateProbe v) noexcept {
    switch (v) {
      case DuplicateProbe::a:
      case DuplicateProbe::b:
        return true;
    }
    return false;
  }
};
}  // namespace v1
}  // namespace kexie

namespace {

static_assert(!detail::enum_table_complete<Probe>(), "a missing name is caught");
static_assert(detail::listed_count<Probe>() == 3);
static_assert(!detail::enum_table_complete<DuplicateProbe>(), "a duplicate name is caught");

template <class E>
class EnumNamesTest : public ::testing::Test {};

using AllEnums =
    ::testing::Types<ActivityType, PopularizationEvent, InnovationKind, MissingMarks, AuditFault,
                     BoundaryTies, EntryStatus, Rounding, Carrier, Dimension, Unit, RangeCheck,
                     NaturalGasBasis, CoalUnit, GridFactorMethod, Category, PatentType,
                     PatentStatus, EligibilityRule::Kind, ErrorCode, Language, ActivityState,
                     ActivityOperation, EvaluationGrade, Grantee, Scope, Role, OrgKind, LocalLevel,
                     Ownership, LinkKind, AggregationMethod, Title, TrainingKind, TieBreak::Kind,
                     IndicatorKind, ClaimedFigure, AhpMethod, RandomIndexTable, PassRule,
                     PriorityMean, CriterionKind, EntropyNormalization>;
TYPED_TEST_SUITE(EnumNamesTest, AllEnums);

TYPED_TEST(EnumNamesTest, TableSizeIsTheCountOfListedEnumerators) {
  using E = TypeParam;
  EXPECT_EQ(EnumNames<E>::names.size(), enum_count<E>);
  EXPECT_EQ(detail::listed_count<E>(), enum_count<E>);
  EXPECT_GT(enum_count<E>, 1u);
}

TYPED_TEST(EnumNamesTest, NamesAreDistinctAndNonEmpty) {
  using E = TypeParam;
  std::set<std::string_view> seen;
  for (std::string_view n : EnumNames<E>::names) {
    EXPECT_FALSE(n.empty());
    EXPECT_TRUE(seen.insert(n).second) << "duplicate name " << n;
  }
}

TYPED_TEST(EnumNamesTest, EveryEnumeratorRoundTrips) {
  using E = TypeParam;
  for (E e : enum_values<E>()) {
    const std::string_view name = enum_name(e);
    EXPECT_NE(name, "unknown");
    ASSERT_TRUE(enum_from_string<E>(name).has_value()) << name;
    EXPECT_EQ(*enum_from_string<E>(name), e) << name;
    const auto value = static_cast<std::int64_t>(e);
    EXPECT_TRUE(enum_is_valid<E>(value));
    EXPECT_EQ(enum_from_int<E>(value), e);
    // Where the enumeration has a to_string, it is the table's name.
    if constexpr (requires { to_string(e); }) {
      EXPECT_EQ(to_string(e), name);
    }
  }
}

TYPED_TEST(EnumNamesTest, ValuesOutsideTheTableAreRefused) {
  using E = TypeParam;
  const auto count = static_cast<std::int64_t>(enum_count<E>);
  EXPECT_FALSE(enum_is_valid<E>(-1));
  EXPECT_FALSE(enum_is_valid<E>(count));
  EXPECT_FALSE(enum_from_int<E>(count).has_value());
  EXPECT_EQ(enum_name(static_cast<E>(count)), "unknown");
  if constexpr (requires(E e) { to_string(e); }) {
    EXPECT_EQ(to_string(static_cast<E>(count)), "unknown");
  }
  EXPECT_FALSE(enum_from_string<E>("").has_value());
  EXPECT_FALSE(enum_from_string<E>("unknown").has_value());
  const std::string first(EnumNames<E>::names[0]);
  EXPECT_FALSE(enum_from_string<E>(first + " ").has_value()) << "parsing is exact";
}

TEST(EnumNames, SpellingsThatAreNotTheEnumeratorName) {
  EXPECT_EQ(enum_name(Ownership::private_), "private");
  EXPECT_EQ(enum_name(Unit::ten_thousand_m3), "10^4 m3");
  EXPECT_EQ(enum_name(Dimension::heat_energy), "heat energy");
  EXPECT_EQ(enum_from_string<Unit>("10^4 kWh"), Unit::ten_thousand_kWh);
  EXPECT_EQ(enum_count<ClaimedFigure>, 10u);
  EXPECT_EQ(enum_count<Role>, 6u);
  EXPECT_EQ(enum_count<ErrorCode>, 13u);
}

}  // namespace
