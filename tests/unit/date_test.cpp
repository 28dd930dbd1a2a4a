// Tests for kexie/date.hpp and kexie/date_boost.hpp: strict ISO-8601 text,
// leap days, month arithmetic, ages around birthdays, periods, instants.
#include "kexie/date.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "kexie/date_boost.hpp"
#include "kexie/literals.hpp"

using namespace kexie::literals;

using kexie::Date;
using kexie::ErrorCode;
using kexie::Period;
using kexie::Timestamp;

TEST(Date, EpochAndKnownDays) {
  EXPECT_EQ(Date{}.days(), 0);
  EXPECT_EQ(Date{}.to_string(), "1970-01-01");
  EXPECT_EQ("2000-03-01"_date.days(), 11017);
  EXPECT_EQ("1969-12-31"_date.days(), -1);
  EXPECT_EQ("1400-01-01"_date, Date::min());
  EXPECT_EQ("9999-12-31"_date, Date::max());
}

TEST(Date, EveryDayRoundTripsAndAdvancesByOne) {
  // Walk 1899-12-31 .. 2101-01-01 one day at a time and check the calendar by hand
  // (independent of Boost): months have their lengths and leap years their rule.
  auto leap = [](int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; };
  auto length = [&](int y, int m) {
    static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : len[m - 1];
  };
  Date day = "1899-12-31"_date;
  int y = 1899, m = 12, dd = 31;
  while (day <= "2101-01-01"_date) {
    ASSERT_EQ(day.year(), y);
    ASSERT_EQ(day.month(), m);
    ASSERT_EQ(day.day(), dd);
    ASSERT_EQ(Date::parse(day.to_string()).value(), day);
    day = day.add_days(1);
    if (++dd > length(y, m)) {
      dd = 1;
      if (++m > 12) {
        m = 1;
        ++y;
      }
    }
  }
}

TEST(Date, LeapDays) {
  EXPECT_TRUE(Date::parse("2024-02-29").ok());
  EXPECT_TRUE(Date::parse("2000-02-29").ok());
  EXPECT_EQ(Date::parse("2023-02-29").code(), ErrorCode::invalid_argument);
  EXPECT_EQ(Date::parse("1900-02-29").code(), ErrorCode::invalid_argument);
  EXPECT_EQ(Date::from_ymd(2100, 2, 29).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(Date::from_ymd(2024, 2, 29).value(), "2024-02-29"_date);
}

TEST(Date, RejectsMalformedText) {
  for (const char* bad : {"", "2024-2-29", "2024/02/29", "20240229", "2024-02-29 ", " 2024-02-29",
                          "2024-13-01", "2024-00-10", "2024-04-31", "2024-02-29T00:00:00Z",
                          "１９９０-01-01", "1399-12-31", "abcd-ef-gh", "-202-01-01"}) {
    auto r = Date::parse(bad);
    EXPECT_EQ(r.code(), ErrorCode::invalid_argument) << '"' << bad << '"';
  }
  auto r = Date::parse("2024-13-01");
  EXPECT_NE(r.error().message().find("2024-13-01"), std::string::npos);
}

TEST(Date, MonthArithmeticClampsToMonthEnd) {
  EXPECT_EQ("2024-01-31"_date.add_months(1).value(), "2024-02-29"_date);
  EXPECT_EQ("2023-01-31"_date.add_months(1).value(), "2023-02-28"_date);
  EXPECT_EQ("2024-02-29"_date.add_months(1).value(), "2024-03-29"_date);
  EXPECT_EQ("2024-03-31"_date.add_months(-1).value(), "2024-02-29"_date);
  EXPECT_EQ("2024-01-15"_date.add_months(-13).value(), "2022-12-15"_date);
  EXPECT_EQ("2024-02-29"_date.add_years(1).value(), "2025-02-28"_date);
  EXPECT_EQ("2024-02-29"_date.add_years(4).value(), "2028-02-29"_date);
  EXPECT_EQ("9999-12-01"_date.add_months(1).code(), ErrorCode::invalid_argument);
  EXPECT_EQ("1400-01-01"_date.add_months(-1).code(), ErrorCode::invalid_argument);
}

TEST(Date, AgeOnTheDayBeforeAndOfTheBirthday) {
  const Date birth = "1990-05-20"_date;
  EXPECT_EQ(kexie::age_on(birth, "2025-05-19"_date), 34);
  EXPECT_EQ(kexie::age_on(birth, "2025-05-20"_date), 35);
  EXPECT_EQ(kexie::age_on(birth, "2025-12-31"_date), 35);
  EXPECT_EQ(kexie::age_on(birth, "1990-05-20"_date), 0);
  EXPECT_EQ(kexie::age_on(birth, "1990-05-19"_date), -1);
}

TEST(Date, AgeOfSomeoneBornOnALeapDay) {
  const Date birth = "2000-02-29"_date;
  EXPECT_EQ(kexie::age_on(birth, "2023-02-28"_date), 22);
  EXPECT_EQ(kexie::age_on(birth, "2023-03-01"_date), 23);
  EXPECT_EQ(kexie::age_on(birth, "2024-02-28"_date), 23);
  EXPECT_EQ(kexie::age_on(birth, "2024-02-29"_date), 24);
}

TEST(Period, ContainsCoversOverlaps) {
  const Period p{"2020-01-01"_date, "2023-12-31"_date};
  EXPECT_TRUE(p.ok());
  EXPECT_TRUE(p.contains("2020-01-01"_date));
  EXPECT_TRUE(p.contains("2023-12-31"_date));
  EXPECT_FALSE(p.contains("2024-01-01"_date));
  EXPECT_FALSE(p.contains("2019-12-31"_date));
  EXPECT_TRUE(p.covers({"2021-01-01"_date, "2023-12-31"_date}));
  EXPECT_FALSE(p.covers({"2021-01-01"_date, "2024-01-01"_date}));
  EXPECT_TRUE(p.overlaps({"2023-12-31"_date, "2025-01-01"_date}));
  EXPECT_FALSE(p.overlaps({"2024-01-01"_date, "2025-01-01"_date}));
  EXPECT_FALSE((Period{"2024-01-02"_date, "2024-01-01"_date}).ok());
  const Period open = Period::from("2020-01-01"_date);
  EXPECT_TRUE(open.open_ended());
  std::ostringstream os;
  os << p << ' ' << open;
  EXPECT_EQ(os.str(), "[2020-01-01, 2023-12-31] [2020-01-01, …)");
}

TEST(Timestamp, ParsesUtcAndOffsets) {
  auto t = Timestamp::parse("2025-03-01T09:30:00+08:00").value();
  EXPECT_EQ(t.to_string(), "2025-03-01T01:30:00Z");
  EXPECT_EQ(t, Timestamp::parse("2025-03-01T01:30:00Z").value());
  EXPECT_EQ(Timestamp::parse("2025-03-01T00:30:00-01:00").value(), t);
  EXPECT_EQ(Timestamp::parse("1970-01-01T00:00:00Z").value().micros(), 0);
  EXPECT_EQ(Timestamp::parse("1970-01-01T00:00:01.5Z").value().micros(), 1'500'000);
  EXPECT_EQ(Timestamp::parse("1969-12-31T23:59:59.999999Z").value().micros(), -1);
  EXPECT_EQ(Timestamp::parse("2024-02-29T23:59:59.000001Z").value().to_string(),
            "2024-02-29T23:59:59.000001Z");
  // An offset can move the instant to the previous day.
  EXPECT_EQ(Timestamp::parse("2025-01-01T07:00:00+08:00").value().date(), "2024-12-31"_date);
}

TEST(Timestamp, RejectsMalformedText) {
  for (const char* bad :
       {"", "2025-03-01", "2025-03-01T09:30:00", "2025-03-01 09:30:00Z", "2025-03-01T24:00:00Z",
        "2025-03-01T09:60:00Z", "2025-03-01T09:30:60Z", "2025-03-01T09:30:00.Z",
        "2025-03-01T09:30:00.1234567Z", "2025-03-01T09:30:00+8:00", "2025-03-01T09:30:00+08:00x",
        "2025-02-30T09:30:00Z", "2025-03-01T09:30:00z"}) {
    EXPECT_EQ(Timestamp::parse(bad).code(), ErrorCode::invalid_argument) << '"' << bad << '"';
  }
}

TEST(Timestamp, FromDateTime) {
  auto t = Timestamp::from_date_time("2024-02-29"_date, 23, 59, 59, 999'999).value();
  EXPECT_EQ(t.date(), "2024-02-29"_date);
  EXPECT_EQ(t.add_micros(1).date(), "2024-03-01"_date);
  EXPECT_EQ(Timestamp::from_date_time("2024-02-29"_date, 24, 0, 0).code(),
            ErrorCode::invalid_argument);
  EXPECT_EQ(Timestamp::from_date_time("2024-02-29"_date, 0, 0, 0, 1'000'000).code(),
            ErrorCode::invalid_argument);
}

TEST(DateBoost, RoundTrips) {
  const Date day = "2024-02-29"_date;
  EXPECT_EQ(kexie::to_boost(day), boost::gregorian::date(2024, 2, 29));
  EXPECT_EQ(kexie::from_boost(boost::gregorian::date(1969, 12, 31)).value(), "1969-12-31"_date);
  EXPECT_EQ(kexie::from_boost(boost::gregorian::date(boost::date_time::not_a_date_time)).code(),
            ErrorCode::invalid_argument);
  const auto t = Timestamp::parse("1969-12-31T23:59:59.250000Z").value();
  const boost::posix_time::ptime p = kexie::to_boost(t);
  EXPECT_EQ(p.date(), boost::gregorian::date(1969, 12, 31));
  EXPECT_EQ(p.time_of_day().total_microseconds(), 86'399'250'000);
  EXPECT_EQ(kexie::from_boost(p).value(), t);
}

TEST(Timestamp, RefusesInstantsOutsideTheSupportedYearsInUtc) {
  // Valid local text whose UTC instant falls in year 10000 or 1399.
  for (const char* bad : {"9999-12-31T23:59:59-23:59", "9999-12-31T12:00:00-12:00",
                          "1400-01-01T00:00:00+00:01"}) {
    auto t = Timestamp::parse(bad);
    ASSERT_FALSE(t) << bad;
    EXPECT_NE(t.error().message().find("an instant in years 1400–9999 in UTC"), std::string::npos)
        << t.error();
  }
  EXPECT_TRUE(Timestamp::parse("9999-12-31T23:59:59Z").value().ok());
  EXPECT_TRUE(Timestamp::parse("9999-12-31T23:59:59+08:00").value().ok());
  EXPECT_TRUE(Timestamp::parse("1400-01-01T00:00:00-01:00").value().ok());
}
