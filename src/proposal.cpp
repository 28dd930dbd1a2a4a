// The proposal state table and the names of its enumerations.
#include "kexie/proposal.hpp"

namespace kexie {
inline namespace v1 {

std::string_view to_string(ProposalKind kind) noexcept { return enum_name(kind); }
std::string_view to_string(ProposalState state) noexcept { return enum_name(state); }
std::ostream& operator<<(std::ostream& os, ProposalState state) { return os << to_string(state); }
std::string_view to_string(ProposalOperation op) noexcept { return enum_name(op); }
std::ostream& operator<<(std::ostream& os, ProposalOperation op) { return os << to_string(op); }

std::optional<ProposalState> next_state(ProposalState from, ProposalOperation op) noexcept {
  using S = ProposalState;
  using Op = ProposalOperation;
  switch (op) {
    case Op::file:
      break;
    case Op::acknowledge:
      if (from == S::filed) return S::acknowledged;
      break;
    case Op::answer:
      if (from == S::acknowledged) return S::answered;
      break;
    case Op::adopt:
      if (from == S::answered) return S::adopted;
      break;
    case Op::decline:
      if (from == S::answered) return S::declined;
      break;
    case Op::enter_campaign:
      if (from == S::adopted) return S::adopted;
      break;
  }
  return std::nullopt;
}

}  // namespace v1
}  // namespace kexie
