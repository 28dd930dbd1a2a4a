// kexie::aggregate(): the public face of the aggregation kernel, with the
// per-mark record of what was dropped.
#include "kexie/panel.hpp"

#include <numeric>

#include "detail/aggregate.hpp"

namespace kexie {
inline namespace v1 {

std::string_view to_string(AggregationMethod method) noexcept { return enum_name(method); }

Result<Aggregate> aggregate(std::span<const Decimal> marks, Aggregation rule) {
  if (marks.empty()) return Error(ErrorCode::invalid_argument, "no marks to aggregate");
  if (!rule.ok()) {
    return Error(ErrorCode::invalid_argument, "a trimmed mean dropping " +
                                                  std::to_string(rule.drop_low) + " + " +
                                                  std::to_string(rule.drop_high) +
                                                  " marks must start above that count, not at " +
                                                  std::to_string(rule.trim_from));
  }
  const auto n = static_cast<std::uint32_t>(marks.size());
  std::vector<std::int32_t> coef(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    auto c = marks[i].rescaled(detail::kMarkScale, Rounding::down);
    if (!c || *c != marks[i] || marks[i] > Decimal(1000) || marks[i] < Decimal(-1000)) {
      return Error(ErrorCode::invalid_argument,
                   "mark " + marks[i].to_string() + " has more than 4 places or lies beyond ±1000");
    }
    coef[i] = static_cast<std::int32_t>(c->coefficient());
  }
  // Stable order: equal marks keep their input order.
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return coef[a] < coef[b]; });
  std::vector<std::int32_t> sorted(n);
  for (std::uint32_t i = 0; i < n; ++i) sorted[i] = coef[order[i]];
  detail::Kept kept;
  const std::int64_t value = detail::aggregate_sorted(sorted.data(), n, rule, kept);
  Aggregate out;
  out.value = Decimal::from_coefficient(value, detail::kAggScale).value();
  out.applied = kept.applied;
  out.dropped.assign(n, false);
  if (kept.applied == AggregationMethod::trimmed_mean) {
    for (std::uint32_t i = 0; i < n; ++i) {
      if (i < kept.lo || i >= kept.hi) out.dropped[order[i]] = true;
    }
  }
  return out;
}

}  // namespace v1
}  // namespace kexie
