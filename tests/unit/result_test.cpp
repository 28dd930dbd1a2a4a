// Tests for kexie/result.hpp: values and refusals, and misuse as exceptions.
#include "kexie/result.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

using kexie::BadResultAccess;
using kexie::Error;
using kexie::ErrorCode;
using kexie::Result;

namespace {
Result<int> half(int x) {
  if (x % 2 != 0) return Error(ErrorCode::invalid_argument, std::to_string(x) + " is odd");
  return x / 2;
}
}  // namespace

TEST(Result, HoldsValue) {
  Result<int> r = half(8);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(static_cast<bool>(r));
  EXPECT_EQ(r.code(), ErrorCode::ok);
  EXPECT_EQ(r.value(), 4);
  EXPECT_EQ(*r, 4);
  EXPECT_EQ(r.value_or(-1), 4);
  EXPECT_THROW((void)r.error(), BadResultAccess);
}

TEST(Result, HoldsError) {
  Result<int> r = half(7);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.code(), ErrorCode::invalid_argument);
  EXPECT_EQ(r.error().message(), "7 is odd");
  EXPECT_EQ(r.value_or(-1), -1);
}

TEST(Result, ValueOfErrorThrowsWithTheError) {
  Result<int> r = half(3);
  try {
    (void)r.value();
    FAIL() << "value() of a failed result must throw";
  } catch (const BadResultAccess& e) {
    EXPECT_EQ(e.error().code(), ErrorCode::invalid_argument);
    EXPECT_NE(std::string(e.what()).find("3 is odd"), std::string::npos);
  }
  EXPECT_THROW((void)*r, BadResultAccess);
}

TEST(Result, MoveOnlyValues) {
  Result<std::unique_ptr<int>> r = std::make_unique<int>(5);
  ASSERT_TRUE(r);
  std::unique_ptr<int> p = std::move(r).value();
  EXPECT_EQ(*p, 5);
}

TEST(Result, ArrowReachesMembers) {
  Result<std::string> r = std::string("abc");
  EXPECT_EQ(r->size(), 3u);
}

TEST(ResultVoid, SuccessAndFailure) {
  kexie::Status ok;
  EXPECT_TRUE(ok.ok());
  EXPECT_NO_THROW(ok.value());
  EXPECT_THROW((void)ok.error(), BadResultAccess);

  kexie::Status bad = Error(ErrorCode::not_found, "gone", "org.exists");
  EXPECT_FALSE(bad);
  EXPECT_EQ(bad.code(), ErrorCode::not_found);
  EXPECT_EQ(bad.error().rule(), "org.exists");
  EXPECT_THROW(bad.value(), BadResultAccess);
}

TEST(Result, ValueOfATemporaryIsSafeToIterate) {
  const auto make = [] {
    return Result<std::vector<std::string>>(std::vector<std::string>{"a", "b"});
  };
  std::string joined;
  for (const std::string& s : make().value()) joined += s;  // must not dangle
  EXPECT_EQ(joined, "ab");
}
