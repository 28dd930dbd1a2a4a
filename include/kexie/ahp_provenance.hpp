// The provenance of weights derived by AHP (A10): the pairwise judgements a rubric's
// weights came from, the variant and the random-index table used, and what came out.
// A rubric keeps it (Rubric::ahp_provenance) so the campaign document written from a
// live campaign gives the judgements back, not only the weights they produced.
#ifndef KEXIE_AHP_PROVENANCE_HPP
#define KEXIE_AHP_PROVENANCE_HPP

#include <string>
#include <vector>

#include "kexie/decimal.hpp"
#include "kexie/weights.hpp"

namespace kexie {
inline namespace v1 {

/// How the weights of one group's children were derived from pairwise judgements
/// (AHP, A10): the judgements as given, the variant used, and what came out. The
/// derivation always requires consistency (a CR that fails is refused, rule
/// `weights.ahp_consistency`).
///
///   kexie::AhpDerivation d{.group = "A", .judgements = {2, 3, 1.5}};
struct AhpDerivation {
  std::string group;               ///< the group's code; empty for the first level
  std::vector<double> judgements;  ///< upper triangle, row by row (a_01, a_02, …, a_12, …)
  AhpMethod method = AhpMethod::eigenvector;            ///< how priorities are derived
  RandomIndexTable ri_table = RandomIndexTable::saaty;  ///< the RI table for CR
  double threshold = 0.10;                              ///< the CR threshold
  PassRule pass_rule = PassRule::below;                 ///< whether CR == threshold passes
  int places = 4;                                       ///< decimal places of the quantized weights
  std::vector<Decimal> weights;  ///< derived: the children's weights, summing to 1
  double ri = 0.0;               ///< derived: the random index used
  double cr = 0.0;               ///< derived: the consistency ratio
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_AHP_PROVENANCE_HPP
