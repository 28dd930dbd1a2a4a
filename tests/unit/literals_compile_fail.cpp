// Built by the literals_compile_* tests (tests/unit/CMakeLists.txt), never as
// part of `all`: with KEXIE_BAD_DATE or KEXIE_BAD_DECIMAL defined a malformed
// literal must stop the compiler, naming what was wrong; with neither it must
// compile, so the failing builds fail for that reason and no other.
#include "kexie/literals.hpp"

using namespace kexie::literals;

int main() {
#if defined(KEXIE_BAD_DATE)
  const kexie::Date bad = "2023-02-29"_date;  // 2023 is not a leap year
  return bad.days() > 0 ? 0 : 1;
#elif defined(KEXIE_BAD_DECIMAL)
  const kexie::Decimal bad = "1e3"_dec;  // no exponents
  return bad.scale();
#else
  const kexie::Date date = "2024-02-29"_date;
  const kexie::Decimal decimal = "1000.000"_dec;
  return date.days() > 0 && decimal.scale() == 3 ? 0 : 1;
#endif
}
