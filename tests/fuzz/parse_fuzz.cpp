// Fuzzes the text parsers that take hostile input: Decimal::parse, Date::parse and
// Timestamp::parse. Any input must give a value or an invalid_argument/overflow
// refusal — never a crash, a sanitizer report or an exception — and every value
// must print back to text that parses to the same value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kexie/date.hpp"
#include "kexie/decimal.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto d = kexie::Decimal::parse(text)) {
    if (kexie::Decimal::parse(d->to_string()).value() != *d) std::abort();
    (void)d->rescaled(2);
    (void)kexie::multiply(*d, *d);
    (void)kexie::divide(*d, kexie::Decimal(3), 18);
  } else if (d.code() != kexie::ErrorCode::invalid_argument &&
             d.code() != kexie::ErrorCode::overflow) {
    std::abort();
  }
  if (auto day = kexie::Date::parse(text)) {
    if (kexie::Date::parse(day->to_string()).value() != *day) std::abort();
    (void)day->add_months(13);
  }
  if (auto t = kexie::Timestamp::parse(text)) {
    if (kexie::Timestamp::parse(t->to_string()).value() != *t) std::abort();
  }
  return 0;
}
