// Optional bridge to Boost.Date_Time: cheap, inline conversions between
// kexie's Date / Timestamp and boost::gregorian::date / boost::posix_time::ptime.
// Include it only where the application already uses Boost; no other kexie
// header includes it and no exported function takes a Boost type.
#ifndef KEXIE_DATE_BOOST_HPP
#define KEXIE_DATE_BOOST_HPP

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "kexie/date.hpp"

namespace kexie {
inline namespace v1 {

/// The same day as a Boost date. `d` must be `ok()`.
/// \param d the day
/// \return the Boost date of the same day
///
///   boost::gregorian::date b = kexie::to_boost(kexie::Date::parse("2024-02-29").value());
inline boost::gregorian::date to_boost(Date d) {
  return boost::gregorian::date(1970, 1, 1) + boost::gregorian::days(d.days());
}

/// The same day as a kexie Date; `invalid_argument` for a special value
/// (not-a-date-time, ±infinity).
/// \param b the Boost date
/// \return the same day (Boost's range is kexie's); `invalid_argument` for a special value
///
///   kexie::Date d = kexie::from_boost(boost::gregorian::date(2024, 2, 29)).value();
inline Result<Date> from_boost(const boost::gregorian::date& b) {
  if (b.is_special()) return Error(ErrorCode::invalid_argument, "special Boost date has no day");
  const auto n = (b - boost::gregorian::date(1970, 1, 1)).days();
  return Date::from_days(static_cast<std::int32_t>(n));
}

/// The same instant as a Boost ptime (UTC, microseconds).
/// \param t the instant
/// \return the Boost ptime of the same instant, in UTC
///
///   boost::posix_time::ptime p = kexie::to_boost(kexie::Timestamp::from_micros(0));
inline boost::posix_time::ptime to_boost(Timestamp t) {
  const std::int64_t day_us = 86'400'000'000;
  std::int64_t days = t.micros() / day_us;
  std::int64_t rest = t.micros() % day_us;
  if (rest < 0) {
    rest += day_us;
    --days;
  }
  return boost::posix_time::ptime(to_boost(Date::from_days(static_cast<std::int32_t>(days))),
                                  boost::posix_time::microseconds(rest));
}

/// The same instant as a kexie Timestamp; `invalid_argument` for a special value.
/// \param p the Boost ptime, taken as UTC
/// \return the same instant; `invalid_argument` for a special value
///
///   auto t = kexie::from_boost(boost::posix_time::ptime(boost::gregorian::date(2025, 1, 1)));
inline Result<Timestamp> from_boost(const boost::posix_time::ptime& p) {
  if (p.is_special())
    return Error(ErrorCode::invalid_argument, "special Boost ptime has no instant");
  auto day = from_boost(p.date());
  if (!day) return day.error();
  const std::int64_t us = p.time_of_day().total_microseconds();
  return Timestamp::from_micros(std::int64_t{day->days()} * 86'400'000'000 + us);
}

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_DATE_BOOST_HPP
