// Calendar days and instants. `Date` is a day of the proleptic Gregorian
// calendar; `Timestamp` is an instant in UTC with microsecond resolution;
// `Period` is a closed interval of days, the "effective dates" every fact in
// a registry carries. All three are small, trivially copyable values that
// compare with the ordinary operators; the calendar arithmetic behind them
// (month lengths, leap years, ages) is done by Boost.Date_Time inside the
// library, and kexie/date_boost.hpp converts to and from Boost's types.
#ifndef KEXIE_DATE_HPP
#define KEXIE_DATE_HPP

#include <compare>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "kexie/export.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

/// A calendar day, stored as the number of days since 1970-01-01. Supported
/// years are 1400 to 9999 (Boost.Date_Time's range); `Date::min()` and
/// `Date::max()` are the ends of that range and stand for "since ever" and
/// "until further notice" in a `Period`.
///
///   kexie::Date d = kexie::Date::parse("2024-02-29").value();
///   assert(d.add_days(1) == kexie::Date::parse("2024-03-01").value());
///   assert(kexie::age_on(kexie::Date::parse("1990-05-20").value(),
///                        kexie::Date::parse("2025-05-19").value()) == 34);
class KEXIE_API Date {
 public:
  /// 1970-01-01.
  constexpr Date() noexcept = default;

  /// The day `days` after 1970-01-01 (negative: before). Unchecked; `ok()` tells
  /// whether the day lies in the supported range.
  /// \param days days since 1970-01-01, e.g. 0 for 1970-01-01, -1 for 1969-12-31
  /// \return that day, possibly outside the supported range
  [[nodiscard]] static constexpr Date from_days(std::int32_t days) noexcept {
    Date d;
    d.days_ = days;
    return d;
  }
  /// The day with the given year, month (1–12) and day of month; `invalid_argument`
  /// for a day that does not exist (2023-02-29) or a year outside 1400–9999.
  /// \param year the year, 1400–9999
  /// \param month the month, 1–12
  /// \param day the day of the month, 1 to the month's length
  /// \return the day; `invalid_argument` for a day that does not exist
  [[nodiscard]] static Result<Date> from_ymd(int year, int month, int day);
  /// Parses ISO-8601 "YYYY-MM-DD" exactly (no time, no spaces, no other form);
  /// `invalid_argument` naming the text otherwise. Never throws.
  /// \param text e.g. "2024-02-29"; four-digit year, two-digit month and day
  /// \return the day; `invalid_argument` for another form, a day that does not
  /// exist or a year outside 1400–9999
  [[nodiscard]] static Result<Date> parse(std::string_view text);

  /// 1400-01-01, the earliest supported day.
  /// \return `from_days(-208188)`; "since ever" as a period's first day
  [[nodiscard]] static constexpr Date min() noexcept { return from_days(kMinDays); }
  /// 9999-12-31, the latest supported day.
  /// \return `from_days(2932896)`; "until further notice" as a period's last day
  [[nodiscard]] static constexpr Date max() noexcept { return from_days(kMaxDays); }

  /// Days since 1970-01-01.
  /// \return the stored count, negative before 1970
  [[nodiscard]] constexpr std::int32_t days() const noexcept { return days_; }
  /// True when the day lies in the supported range.
  /// \return true for 1400-01-01 through 9999-12-31
  [[nodiscard]] constexpr bool ok() const noexcept {
    return days_ >= kMinDays && days_ <= kMaxDays;
  }

  /// The year, e.g. 2024.
  /// \return the proleptic Gregorian year (meaningful when `ok()`)
  [[nodiscard]] int year() const noexcept;
  /// The month, 1–12.
  /// \return the month, January = 1
  [[nodiscard]] int month() const noexcept;
  /// The day of the month, 1–31.
  /// \return the day of the month
  [[nodiscard]] int day() const noexcept;

  /// The day `n` days later (earlier for negative n). Unchecked like from_days.
  /// \param n days to add, negative to go back
  /// \return the day, possibly outside the supported range (check `ok()`)
  [[nodiscard]] constexpr Date add_days(std::int32_t n) const noexcept {
    return from_days(days_ + n);
  }
  /// The same day of the month `n` months later (earlier for negative n), clamped
  /// to the month's last day: 2024-01-31 + 1 month = 2024-02-29, and
  /// 2024-02-29 + 1 month = 2024-03-29 (no snapping to month ends).
  /// `invalid_argument` when the result leaves the supported range.
  /// \param n months to add, negative to go back
  /// \return the day; `invalid_argument` outside 1400–9999
  [[nodiscard]] Result<Date> add_months(int n) const;
  /// `add_months(12 * n)`: 2024-02-29 + 1 year = 2025-02-28.
  /// \param n years to add, negative to go back
  /// \return the day; `invalid_argument` outside 1400–9999
  [[nodiscard]] Result<Date> add_years(int n) const;

  /// "YYYY-MM-DD".
  /// \return the ISO-8601 form that `parse` reads back
  [[nodiscard]] std::string to_string() const;

  /// Equal when the days are equal.
  friend constexpr bool operator==(Date, Date) noexcept = default;
  /// Chronological order.
  friend constexpr std::strong_ordering operator<=>(Date, Date) noexcept = default;

 private:
  static constexpr std::int32_t kMinDays = -208'188;   // 1400-01-01
  static constexpr std::int32_t kMaxDays = 2'932'896;  // 9999-12-31
  std::int32_t days_ = 0;
};

/// Number of days from `a` to `b` (negative when b is earlier).
/// \param a the first day
/// \param b the second day
/// \return `b.days() - a.days()`
///
///   assert(kexie::days_between(d, d.add_days(3)) == 3);
[[nodiscard]] constexpr std::int32_t days_between(Date a, Date b) noexcept {
  return b.days() - a.days();
}

/// Age in whole years on day `on` of someone born on `birth`: the number of
/// birthdays passed, counting the birthday itself. Someone born on 29 February
/// gains a year on 1 March in common years. Negative when `on` is before `birth`.
/// \param birth the day of birth
/// \param on the day the age is taken on
/// \return the age in whole years
///
///   assert(kexie::age_on("1990-05-20"_date, "2025-05-19"_date) == 34);
///   assert(kexie::age_on("1990-05-20"_date, "2025-05-20"_date) == 35);
[[nodiscard]] KEXIE_API int age_on(Date birth, Date on) noexcept;

/// Streams `date.to_string()`.
/// \param os the stream
/// \param date the day, written as YYYY-MM-DD
/// \return os
KEXIE_API std::ostream& operator<<(std::ostream& os, Date date);

/// A closed interval of days [first, last]: the dates on which a fact (a
/// membership, a link, an organization's existence) is in effect. An open-ended
/// period has `last == Date::max()`.
///
///   kexie::Period p{kexie::Date::parse("2020-01-01").value(), kexie::Date::max()};
///   assert(p.contains(kexie::Date::parse("2025-06-01").value()) && p.open_ended());
struct Period {
  /// The first day in effect.
  Date first = Date::min();
  /// The last day in effect, inclusive.
  Date last = Date::max();

  /// The period that starts on `first` and has no end yet.
  /// \param first the first day in effect
  /// \return `{first, Date::max()}`
  [[nodiscard]] static constexpr Period from(Date first) noexcept { return {first, Date::max()}; }
  /// A period is well-formed when both ends are supported days and first <= last.
  /// \return true for a well-formed period
  [[nodiscard]] constexpr bool ok() const noexcept {
    return first.ok() && last.ok() && first <= last;
  }
  /// True while the fact is in effect on `d`.
  /// \param d the day asked about
  /// \return true when first <= d <= last (both ends included)
  [[nodiscard]] constexpr bool contains(Date d) const noexcept { return first <= d && d <= last; }
  /// True when `inner` lies wholly inside this period.
  /// \param inner the period that should lie inside
  /// \return true when every day of `inner` is in this period (equal periods cover
  /// each other)
  [[nodiscard]] constexpr bool covers(Period inner) const noexcept {
    return first <= inner.first && inner.last <= last;
  }
  /// True when the two periods share at least one day.
  /// \param other the other period
  /// \return true when some day is in both (touching ends count: both are inclusive)
  [[nodiscard]] constexpr bool overlaps(Period other) const noexcept {
    return first <= other.last && other.first <= last;
  }
  /// True when no end date is set.
  /// \return `last == Date::max()`
  [[nodiscard]] constexpr bool open_ended() const noexcept { return last == Date::max(); }

  /// Equal when both ends are equal.
  friend constexpr bool operator==(Period, Period) noexcept = default;
};

/// "[2020-01-01, 2023-12-31]", or "[2020-01-01, …)" when open-ended.
/// \param os the stream
/// \param period the period
/// \return os
KEXIE_API std::ostream& operator<<(std::ostream& os, Period period);

/// An instant in UTC, stored as microseconds since 1970-01-01T00:00:00Z.
///
///   auto t = kexie::Timestamp::parse("2025-03-01T09:30:00+08:00").value();
///   assert(t.to_string() == "2025-03-01T01:30:00Z");
///   assert(t.date() == kexie::Date::parse("2025-03-01").value());
class KEXIE_API Timestamp {
 public:
  /// 1970-01-01T00:00:00Z.
  constexpr Timestamp() noexcept = default;

  /// The instant `us` microseconds after the epoch.
  /// \param us microseconds since 1970-01-01T00:00:00Z, negative before
  /// \return that instant, unchecked (`ok()` tells whether its day is supported)
  [[nodiscard]] static constexpr Timestamp from_micros(std::int64_t us) noexcept {
    Timestamp t;
    t.micros_ = us;
    return t;
  }
  /// Midnight UTC at the start of `day`, plus the given time of day; `invalid_argument`
  /// when a field is out of range (hour 0–23, minute 0–59, second 0–59, micros < 10^6).
  /// \param day the UTC calendar day
  /// \param hour the hour, 0–23 (UTC)
  /// \param minute the minute, 0–59
  /// \param second the second, 0–59 (no leap seconds)
  /// \param micros microseconds within the second, 0–999999
  /// \return the instant; `invalid_argument` naming the field out of range
  [[nodiscard]] static Result<Timestamp> from_date_time(Date day, int hour, int minute, int second,
                                                        int micros = 0);
  /// Parses ISO-8601 "YYYY-MM-DDTHH:MM:SS", an optional fraction of 1–6 digits, then
  /// "Z" or an offset "+HH:MM" / "-HH:MM" (converted to UTC). `invalid_argument` for
  /// anything else, and for an instant whose UTC day is outside 1400–9999 (so every
  /// parsed timestamp is `ok()`). Never throws.
  /// \param text e.g. "2025-03-01T09:30:00+08:00" or "2025-03-01T01:30:00.25Z"
  /// \return the instant in UTC; `invalid_argument` naming the text otherwise
  [[nodiscard]] static Result<Timestamp> parse(std::string_view text);

  /// Microseconds since the epoch.
  /// \return the stored count, negative before 1970
  [[nodiscard]] constexpr std::int64_t micros() const noexcept { return micros_; }
  /// The UTC calendar day of this instant.
  /// \return the day in UTC (an instant at 07:00+08:00 belongs to the day before)
  [[nodiscard]] Date date() const noexcept;
  /// True when the instant falls on a supported day.
  /// \return `date().ok()`
  [[nodiscard]] bool ok() const noexcept { return date().ok(); }

  /// "YYYY-MM-DDTHH:MM:SSZ", with ".ffffff" before the Z when micros are not zero.
  /// \return the ISO-8601 form in UTC that `parse` reads back
  [[nodiscard]] std::string to_string() const;

  /// The instant `us` microseconds later.
  /// \param us microseconds to add, negative to go back
  /// \return the instant, unchecked like `from_micros`
  [[nodiscard]] constexpr Timestamp add_micros(std::int64_t us) const noexcept {
    return from_micros(micros_ + us);
  }

  /// Equal when the instants are equal.
  friend constexpr bool operator==(Timestamp, Timestamp) noexcept = default;
  /// Chronological order.
  friend constexpr std::strong_ordering operator<=>(Timestamp, Timestamp) noexcept = default;

 private:
  std::int64_t micros_ = 0;
};

/// Streams `t.to_string()`.
/// \param os the stream
/// \param t the instant, written in UTC
/// \return os
KEXIE_API std::ostream& operator<<(std::ostream& os, Timestamp t);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_DATE_HPP
