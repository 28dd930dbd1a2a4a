// Tests for kexie/literals.hpp: "YYYY-MM-DD"_date and "87.5"_dec give exactly what
// Date::parse and Decimal::parse give for the same text, and refuse, at compile
// time, what those refuse (the refusals are checked here through the constexpr
// checkers behind the operators; tests/unit/literals_compile_fail.cpp checks that
// a bad literal really stops the build).
#include "kexie/literals.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using kexie::Date;
using kexie::Decimal;
using kexie::detail::date_from_text;
using kexie::detail::decimal_from_text;
using namespace kexie::literals;

// Compile-time values: the literals are constant expressions.
static_assert("1970-01-01"_date == Date{});
static_assert("1970-01-02"_date == Date::from_days(1));
static_assert("1400-01-01"_date == Date::min());
static_assert("9999-12-31"_date == Date::max());
static_assert("2024-02-29"_date.add_days(1) == "2024-03-01"_date);
static_assert("92.35"_dec.coefficient() == 9235 && "92.35"_dec.scale() == 2);
static_assert("-0.50"_dec.coefficient() == -50 && "-0.50"_dec.scale() == 2);

// What the literals refuse (each of these would not compile as a literal).
static_assert(!date_from_text("2023-02-29"));  // not a leap year
static_assert(!date_from_text("1900-02-29"));  // century, not a leap year
static_assert(date_from_text("2000-02-29"));   // every 400 years, a leap year
static_assert(!date_from_text("2025-6-30"));   // not zero-padded
static_assert(!date_from_text("2025-04-31"));
static_assert(!date_from_text("2025-13-01"));
static_assert(!date_from_text("2025-00-10"));
static_assert(!date_from_text("2025-01-00"));
static_assert(!date_from_text("1399-12-31"));  // before the supported range
static_assert(!date_from_text("2025/06/30"));
static_assert(!date_from_text("2025-06-30T00:00:00Z"));
static_assert(!date_from_text(""));
static_assert(!decimal_from_text("1e3"));
static_assert(!decimal_from_text(".5"));
static_assert(!decimal_from_text("5."));
static_assert(!decimal_from_text(" 5"));
static_assert(!decimal_from_text("1234567890123456789"));    // 19 significant digits
static_assert(!decimal_from_text("0.1234567890123456789"));  // 19 places
static_assert(!decimal_from_text(""));

TEST(Literals, DatesMatchParseAcrossTheWholeRange) {
  // Every 13th day from 1400 to 9999 plus every day around the leap days of
  // 1600–2400: the literal's own calendar agrees with the library's.
  std::vector<Date> days;
  for (std::int32_t n = Date::min().days(); n <= Date::max().days(); n += 13) {
    days.push_back(Date::from_days(n));
  }
  for (int y = 1600; y <= 2400; ++y) {
    const Date march = Date::from_ymd(y, 3, 1).value();
    for (int k = -3; k <= 1; ++k) days.push_back(march.add_days(k));
  }
  days.push_back(Date::max());
  for (const Date day : days) {
    const std::string text = day.to_string();
    const auto got = date_from_text(text);
    ASSERT_TRUE(got.has_value()) << text;
    ASSERT_EQ(*got, day) << text;
  }
}

TEST(Literals, DatesRefuseWhatParseRefuses) {
  for (const char* text : {"2023-02-29", "2100-02-29", "2025-6-30", "2025-04-31", "1399-12-31",
                           "10000-01-01", "2025-06-3x", "+025-06-30", "2025-06-30 "}) {
    EXPECT_FALSE(Date::parse(text).ok()) << text;
    EXPECT_FALSE(date_from_text(text).has_value()) << text;
  }
}

TEST(Literals, DecimalsKeepValueAndScaleLikeParse) {
  for (const char* text : {"0", "-0", "+7", "87.5", "87.50", "0.125000", "-0.50", "007.10",
                           "999999999999999999", "-999999999999999999", "0.000000000000000001",
                           "123456789.123456789", "0000000000000000000000001.5"}) {
    const Decimal parsed = Decimal::parse(text).value();
    const auto got = decimal_from_text(text);
    ASSERT_TRUE(got.has_value()) << text;
    EXPECT_EQ(got->coefficient(), parsed.coefficient()) << text;
    EXPECT_EQ(got->scale(), parsed.scale()) << text;
  }
  EXPECT_EQ("87.5"_dec, Decimal::parse("87.5").value());
  EXPECT_EQ("87.5"_dec.to_string(), "87.5");
}

TEST(Literals, DecimalsRefuseWhatParseRefuses) {
  for (const char* text : {"1e3", ".5", "5.", "1.2.3", "--1", "+", "", "1 000", "0x10",
                           "1000000000000000000", "0.1234567890123456789"}) {
    EXPECT_FALSE(Decimal::parse(text).ok()) << text;
    EXPECT_FALSE(decimal_from_text(text).has_value()) << text;
  }
}
