// Calls the installed library: exact decimal arithmetic, a date parse, a
// registry walked through kexie/views.hpp (range-v3, found by kexieConfig.cmake),
// and the integrators' header kexie/sys/file_ops.hpp.
#include <kexie/kexie.hpp>
#include <kexie/sys/file_ops.hpp>

#include <cstdio>

int main() {
  const auto p = kexie::multiply(kexie::Decimal::parse("87.5250").value(),
                                 kexie::Decimal::parse("0.123457").value());
  const auto d = kexie::Date::parse("2024-02-29");
  if (!p || p->to_string() != "10.8055739250" || !d || d->add_days(1).month() != 3) return 1;

  kexie::Registry reg;
  kexie::OrgSpec cast;
  cast.kind = kexie::OrgKind::national;
  cast.name = "中国科协";
  cast.effective = kexie::Date::parse("1958-09-18").value();
  const kexie::OrgId root = reg.add_organization(cast).value();
  std::size_t orgs = 0;
  for (kexie::OrgId o : kexie::views::subtree(reg, root, *d)) orgs += o == root ? 1 : 100;
  if (orgs != 1) return 2;

  kexie::FileOps* ops = &kexie::FileOps::posix();  // the default seam, installed under sys/
  if (ops == nullptr) return 3;

  std::printf("kexie %s: %s\n", kexie::version_string(), p->to_string().c_str());
  return 0;
}
