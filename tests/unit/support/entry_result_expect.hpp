// Field-by-field comparison of two scoreboard rows, decimals by their text (so a
// different scale shows), for the EntryTable tests (one copy for every test file).
#ifndef KEXIE_TESTS_SUPPORT_ENTRY_RESULT_EXPECT_HPP
#define KEXIE_TESTS_SUPPORT_ENTRY_RESULT_EXPECT_HPP

#include <gtest/gtest.h>

#include "kexie/entry_table.hpp"

namespace kexie_test {

/// Expects `a` and `b` equal in every field.
inline void expect_same(const kexie::EntryResult& a, const kexie::EntryResult& b) {
  EXPECT_EQ(a.entry, b.entry);
  EXPECT_EQ(a.code, b.code);
  EXPECT_EQ(a.unit, b.unit);
  EXPECT_EQ(a.enterprise, b.enterprise);
  EXPECT_EQ(a.category, b.category);
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.total.to_string(), b.total.to_string());
  EXPECT_EQ(a.judged_part.to_string(), b.judged_part.to_string());
  EXPECT_EQ(a.objective_part.to_string(), b.objective_part.to_string());
  EXPECT_EQ(a.bonus.to_string(), b.bonus.to_string());
  EXPECT_EQ(a.rank, b.rank);
  EXPECT_EQ(a.position, b.position);
  EXPECT_EQ(a.tier, b.tier);
  EXPECT_EQ(a.award, b.award);
  EXPECT_EQ(a.cites_link, b.cites_link);
  EXPECT_EQ(a.cites_activity, b.cites_activity);
  ASSERT_EQ(a.prize.has_value(), b.prize.has_value());
  if (a.prize) {
    EXPECT_EQ(a.prize->to_string(), b.prize->to_string());
  }
}

}  // namespace kexie_test

#endif  // KEXIE_TESTS_SUPPORT_ENTRY_RESULT_EXPECT_HPP
