// Date, Timestamp and Period: strict ISO-8601 text forms, and the calendar
// arithmetic, done by Boost.Date_Time's Gregorian calendar.
#include "kexie/date.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstdio>
#include <string>

#include "kexie/text.hpp"

namespace kexie {
inline namespace v1 {
namespace {

using Calendar = boost::gregorian::gregorian_calendar;
constexpr std::int64_t kMicrosPerDay = 86'400'000'000;

const boost::gregorian::date& epoch() {
  static const boost::gregorian::date e(1970, 1, 1);
  return e;
}

struct Ymd {
  int y, m, d;
};

Ymd ymd_of(Date date) {
  const auto b = epoch() + boost::gregorian::date_duration(date.days());
  const auto ymd = b.year_month_day();
  return {static_cast<int>(ymd.year), static_cast<int>(ymd.month.as_number()),
          static_cast<int>(ymd.day.as_number())};
}

bool valid_ymd(int y, int m, int d) {
  if (y < 1400 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const auto last =
      Calendar::end_of_month_day(static_cast<unsigned short>(y), static_cast<unsigned short>(m));
  return d <= last;
}

Date date_of(int y, int m, int d) {
  const boost::gregorian::date b(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                                 static_cast<unsigned short>(d));
  return Date::from_days(static_cast<std::int32_t>((b - epoch()).days()));
}

// Reads exactly `width` ASCII digits at `pos`; false if any is not a digit.
bool digits(std::string_view s, std::size_t pos, std::size_t width, int& out) {
  if (pos + width > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

Error bad_text(std::string_view what, std::string_view text, std::string_view expected) {
  std::string msg = "not a valid ";
  msg += what;
  msg += ": ";
  msg += quote_input(text);  // bounded: hostile input may be huge
  msg += " (expected ";
  msg += expected;
  msg += ')';
  return Error(ErrorCode::invalid_argument, std::move(msg));
}

// Parses "YYYY-MM-DD" at the start of `s`.
bool parse_day(std::string_view s, int& y, int& m, int& d) {
  return s.size() >= 10 && digits(s, 0, 4, y) && s[4] == '-' && digits(s, 5, 2, m) && s[7] == '-' &&
         digits(s, 8, 2, d);
}

std::string two(int v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

}  // namespace

Result<Date> Date::from_ymd(int year, int month, int day) {
  if (!valid_ymd(year, month, day)) {
    return Error(ErrorCode::invalid_argument,
                 "no such day: " + std::to_string(year) + "-" + std::to_string(month) + "-" +
                     std::to_string(day) + " (years 1400–9999 are supported)");
  }
  return date_of(year, month, day);
}

Result<Date> Date::parse(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || !parse_day(text, y, m, d)) return bad_text("date", text, "YYYY-MM-DD");
  if (!valid_ymd(y, m, d)) return bad_text("date", text, "an existing day in 1400–9999");
  return date_of(y, m, d);
}

int Date::year() const noexcept { return ymd_of(*this).y; }
int Date::month() const noexcept { return ymd_of(*this).m; }
int Date::day() const noexcept { return ymd_of(*this).d; }

Result<Date> Date::add_months(int n) const {
  if (!ok()) return Error(ErrorCode::invalid_argument, "add_months on an unsupported day");
  const Ymd v = ymd_of(*this);
  // Month arithmetic on a zero-based month count avoids sign trouble with n < 0.
  const long long total = static_cast<long long>(v.y) * 12 + (v.m - 1) + n;
  const long long y = total >= 0 ? total / 12 : -((-total + 11) / 12);
  const int m = static_cast<int>(total - y * 12) + 1;
  if (y < 1400 || y > 9999) {
    return Error(ErrorCode::invalid_argument,
                 to_string() + " + " + std::to_string(n) + " months leaves years 1400–9999");
  }
  const int last =
      Calendar::end_of_month_day(static_cast<unsigned short>(y), static_cast<unsigned short>(m));
  return date_of(static_cast<int>(y), m, v.d < last ? v.d : last);
}

Result<Date> Date::add_years(int n) const {
  if (n > 10000 || n < -10000) {
    return Error(ErrorCode::invalid_argument, "add_years: " + std::to_string(n) + " years");
  }
  return add_months(n * 12);
}

std::string Date::to_string() const {
  if (!ok()) return "invalid-date(" + std::to_string(days_) + ")";
  const Ymd v = ymd_of(*this);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.y, v.m, v.d);
  return buf;
}

int age_on(Date birth, Date on) noexcept {
  const Ymd b = ymd_of(birth);
  const Ymd o = ymd_of(on);
  int age = o.y - b.y;
  // The birthday counts from the day itself; 29 February counts from 1 March.
  if (o.m < b.m || (o.m == b.m && o.d < b.d)) --age;
  return age;
}

std::ostream& operator<<(std::ostream& os, Date date) { return os << date.to_string(); }

std::ostream& operator<<(std::ostream& os, Period period) {
  os << '[' << period.first << ", ";
  if (period.open_ended()) return os << "…)";
  return os << period.last << ']';
}

Result<Timestamp> Timestamp::from_date_time(Date day, int hour, int minute, int second,
                                            int micros) {
  if (!day.ok() || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 ||
      second > 59 || micros < 0 || micros > 999'999) {
    return Error(ErrorCode::invalid_argument,
                 "no such time: " + day.to_string() + " " + std::to_string(hour) + ":" +
                     std::to_string(minute) + ":" + std::to_string(second) + "." +
                     std::to_string(micros));
  }
  const std::int64_t sec = (std::int64_t{hour} * 60 + minute) * 60 + second;
  return from_micros(std::int64_t{day.days()} * kMicrosPerDay + sec * 1'000'000 + micros);
}

Result<Timestamp> Timestamp::parse(std::string_view text) {
  constexpr std::string_view expected = "YYYY-MM-DDTHH:MM:SS[.ffffff](Z|±HH:MM)";
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (!parse_day(text, y, mo, d) || text.size() < 20 || text[10] != 'T' ||
      !digits(text, 11, 2, h) || text[13] != ':' || !digits(text, 14, 2, mi) || text[16] != ':' ||
      !digits(text, 17, 2, s)) {
    return bad_text("timestamp", text, expected);
  }
  std::size_t pos = 19;
  int micros = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    std::size_t n = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (++n > 6) return bad_text("timestamp", text, "at most 6 fractional digits");
      micros = micros * 10 + (text[pos] - '0');
      ++pos;
    }
    if (n == 0) return bad_text("timestamp", text, expected);
    for (; n < 6; ++n) micros *= 10;
  }
  std::int64_t offset_min = 0;
  const std::string_view zone = text.substr(pos);
  if (zone == "Z") {
    // UTC
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    int oh = 0, om = 0;
    if (!digits(zone, 1, 2, oh) || !digits(zone, 4, 2, om) || oh > 23 || om > 59) {
      return bad_text("timestamp", text, expected);
    }
    offset_min = (zone[0] == '+' ? 1 : -1) * (std::int64_t{oh} * 60 + om);
  } else {
    return bad_text("timestamp", text, expected);
  }
  if (!valid_ymd(y, mo, d) || h > 23 || mi > 59 || s > 59) {
    return bad_text("timestamp", text, "an existing day and time");
  }
  auto local = from_date_time(date_of(y, mo, d), h, mi, s, micros);
  if (!local) return local.error();
  // The instant must itself fall on a supported day in UTC, as every other call
  // that takes a timestamp requires (9999-12-31T23:59:59-23:59 is in year 10000).
  const Timestamp utc = local->add_micros(-offset_min * 60'000'000);
  if (!utc.ok()) return bad_text("timestamp", text, "an instant in years 1400–9999 in UTC");
  return utc;
}

Date Timestamp::date() const noexcept {
  std::int64_t days = micros_ / kMicrosPerDay;
  if (micros_ % kMicrosPerDay < 0) --days;
  if (days < Date::min().days() - 1) return Date::from_days(Date::min().days() - 1);
  if (days > Date::max().days() + 1) return Date::from_days(Date::max().days() + 1);
  return Date::from_days(static_cast<std::int32_t>(days));
}

std::string Timestamp::to_string() const {
  const Date day = date();
  if (!day.ok()) return "invalid-timestamp(" + std::to_string(micros_) + ")";
  const std::int64_t in_day = micros_ - std::int64_t{day.days()} * kMicrosPerDay;
  const auto us = static_cast<int>(in_day % 1'000'000);
  const auto sec = static_cast<int>(in_day / 1'000'000);
  std::string out =
      day.to_string() + 'T' + two(sec / 3600) + ':' + two(sec / 60 % 60) + ':' + two(sec % 60);
  if (us != 0) {
    char buf[16];
    std::snprintf(buf, sizeof buf, ".%06d", us);
    out += buf;
  }
  out += 'Z';
  return out;
}

std::ostream& operator<<(std::ostream& os, Timestamp t) { return os << t.to_string(); }

}  // namespace v1
}  // namespace kexie
