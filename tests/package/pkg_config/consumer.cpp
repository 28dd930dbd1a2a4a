// Calls the installed library: exact decimal arithmetic and a date parse.
#include <kexie/kexie.hpp>

#include <cstdio>

int main() {
  const auto p = kexie::multiply(kexie::Decimal::parse("87.5250").value(),
                                 kexie::Decimal::parse("0.123457").value());
  const auto d = kexie::Date::parse("2024-02-29");
  if (!p || p->to_string() != "10.8055739250" || !d || d->add_days(1).month() != 3) return 1;
  std::printf("kexie %s: %s\n", kexie::version_string(), p->to_string().c_str());
  return 0;
}
