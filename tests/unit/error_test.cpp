// Tests for kexie/error.hpp: stable code numbers, names, and the text form.
#include "kexie/error.hpp"

#include <gtest/gtest.h>

#include <sstream>

using kexie::Error;
using kexie::ErrorCode;

TEST(ErrorCode, NumbersAreStable) {
  // These numbers are the C ABI (KX_E* = −code). Never change this table.
  EXPECT_EQ(static_cast<int>(ErrorCode::ok), 0);
  EXPECT_EQ(static_cast<int>(ErrorCode::invalid_argument), 1);
  EXPECT_EQ(static_cast<int>(ErrorCode::not_found), 2);
  EXPECT_EQ(static_cast<int>(ErrorCode::already_exists), 3);
  EXPECT_EQ(static_cast<int>(ErrorCode::rule_violation), 4);
  EXPECT_EQ(static_cast<int>(ErrorCode::illegal_transition), 5);
  EXPECT_EQ(static_cast<int>(ErrorCode::permission_denied), 6);
  EXPECT_EQ(static_cast<int>(ErrorCode::conflict_of_interest), 7);
  EXPECT_EQ(static_cast<int>(ErrorCode::inconsistent_judgements), 8);
  EXPECT_EQ(static_cast<int>(ErrorCode::corrupt_data), 9);
  EXPECT_EQ(static_cast<int>(ErrorCode::unsupported_version), 10);
  EXPECT_EQ(static_cast<int>(ErrorCode::io_error), 11);
  EXPECT_EQ(static_cast<int>(ErrorCode::overflow), 12);
}

TEST(ErrorCode, Names) {
  EXPECT_EQ(kexie::to_string(ErrorCode::ok), "ok");
  EXPECT_EQ(kexie::to_string(ErrorCode::rule_violation), "rule_violation");
  EXPECT_EQ(kexie::to_string(ErrorCode::overflow), "overflow");
  EXPECT_EQ(kexie::to_string(static_cast<ErrorCode>(999)), "unknown");
  for (int c = 0; c <= 12; ++c) {
    EXPECT_NE(kexie::to_string(static_cast<ErrorCode>(c)), "unknown") << c;
  }
}

TEST(Error, CarriesRuleAndArticle) {
  Error e(ErrorCode::rule_violation, "an enterprise association must sit under a local one",
          "org.parent_kind", "A1");
  EXPECT_EQ(e.code(), ErrorCode::rule_violation);
  EXPECT_EQ(e.rule(), "org.parent_kind");
  EXPECT_EQ(e.article(), "A1");
  EXPECT_EQ(e.to_string(),
            "rule_violation [org.parent_kind, A1]: an enterprise association must sit under a "
            "local one");
}

TEST(Error, TextLeavesOutEmptyParts) {
  EXPECT_EQ(Error(ErrorCode::not_found, "no org:9").to_string(), "not_found: no org:9");
  EXPECT_EQ(Error(ErrorCode::rule_violation, "m", "r").to_string(), "rule_violation [r]: m");
  EXPECT_EQ(Error(ErrorCode::rule_violation, "m", "", "A5").to_string(), "rule_violation [A5]: m");
  std::ostringstream os;
  os << Error(ErrorCode::io_error, "disk full");
  EXPECT_EQ(os.str(), "io_error: disk full");
}

TEST(Error, Equality) {
  EXPECT_EQ(Error(ErrorCode::not_found, "x"), Error(ErrorCode::not_found, "x"));
  EXPECT_NE(Error(ErrorCode::not_found, "x"), Error(ErrorCode::not_found, "x", "r"));
}
