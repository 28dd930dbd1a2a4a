// exact_marks: why kexie scores with decimals. Five judges mark one indicator,
// the highest and lowest marks are dropped (the default trimmed mean), and the
// result is weighted — exactly, then rounded once, half-even, for display.
#include <kexie/kexie.hpp>

#include <algorithm>
#include <iostream>
#include <vector>

int main() {
  using kexie::Decimal;
  using namespace kexie::literals;
  // Marks arrive as text at run time: parse them, and report what cannot be read.
  std::vector<Decimal> marks;
  for (const char* m : {"88.5", "91.25", "79.0", "95.75", "90.0"}) {
    auto parsed = Decimal::parse(m);
    if (!parsed) {
      std::cerr << parsed.error() << '\n';
      return 1;
    }
    marks.push_back(*parsed);
  }
  std::sort(marks.begin(), marks.end());
  const std::vector<Decimal> kept(marks.begin() + 1, marks.end() - 1);
  const Decimal kept_sum = kexie::sum(kept).value();
  const Decimal mean =
      kexie::divide(kept_sum, Decimal(static_cast<std::int64_t>(kept.size())), 4).value();
  const Decimal weight = "0.35"_dec;  // known when compiling: a literal
  const Decimal contribution = kexie::multiply(mean, weight).value();

  std::cout << "marks (sorted):";
  for (const Decimal& m : marks) std::cout << ' ' << m;
  std::cout << "\ndropped: " << marks.front() << " (lowest) and " << marks.back() << " (highest)\n"
            << "trimmed mean: " << kept_sum << " / " << kept.size() << " = " << mean << '\n'
            << "weighted by " << weight << ": " << contribution << " (exact)\n"
            << "shown: " << contribution.rescaled(2).value() << " (half-even)\n";

  // The same computation in binary floating point drifts in the last places.
  double f = 0;
  for (const Decimal& m : kept) f += m.to_double();
  std::cout.precision(17);
  std::cout << "in double: " << f / 3 * 0.35 << '\n';

  const kexie::Date born = "1991-11-28"_date;
  const kexie::Date today = "2026-11-27"_date;
  std::cout << "a worker born " << born << " is " << kexie::age_on(born, today) << " on " << today
            << ": " << (kexie::age_on(born, today) <= 35 ? "young" : "not young")
            << " (青年科技工作者, threshold 35)\n";
  return 0;
}
