// Ranking vocabulary: tie-break descriptions and standard competition ranks.
#include "kexie/ranking.hpp"

#include <string>

namespace kexie {
inline namespace v1 {

std::string TieBreak::to_string() const {
  switch (kind) {
    case Kind::objective_total:
      return "objective_total";
    case Kind::indicator:
      return "indicator " + code;
    case Kind::top_marks:
      return "top_marks";
    case Kind::figure:
      return "figure " + std::string(kexie::to_string(figure_key));
  }
  return "unknown";
}

std::vector<std::uint32_t> competition_ranks(std::span<const Decimal> sorted_totals) {
  std::vector<std::uint32_t> ranks(sorted_totals.size());
  for (std::size_t i = 0; i < sorted_totals.size(); ++i) {
    ranks[i] = (i > 0 && sorted_totals[i] == sorted_totals[i - 1])
                   ? ranks[i - 1]
                   : static_cast<std::uint32_t>(i + 1);
  }
  return ranks;
}

}  // namespace v1
}  // namespace kexie
