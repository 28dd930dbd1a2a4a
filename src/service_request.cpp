// The service-request state table and the names of its enumerations.
#include "kexie/service_request.hpp"

namespace kexie {
inline namespace v1 {

std::string_view to_string(ServiceKind kind) noexcept { return enum_name(kind); }
std::string_view to_string(RequestState state) noexcept { return enum_name(state); }
std::ostream& operator<<(std::ostream& os, RequestState state) { return os << to_string(state); }
std::string_view to_string(RequestOperation op) noexcept { return enum_name(op); }
std::ostream& operator<<(std::ostream& os, RequestOperation op) { return os << to_string(op); }

bool is_final(RequestState state) noexcept {
  return state == RequestState::declined || state == RequestState::granted ||
         state == RequestState::not_granted || state == RequestState::withdrawn;
}

std::optional<RequestState> next_state(RequestState from, RequestOperation op) noexcept {
  using S = RequestState;
  using Op = RequestOperation;
  switch (op) {
    case Op::submit:
      break;
    case Op::accept:
      if (from == S::submitted) return S::accepted;
      break;
    case Op::decline:
      if (from == S::submitted) return S::declined;
      break;
    case Op::start:
      if (from == S::accepted) return S::in_progress;
      break;
    case Op::forward:
      if (from == S::in_progress) return S::forwarded;
      break;
    case Op::grant:
      if (from == S::forwarded) return S::granted;
      break;
    case Op::not_grant:
      if (from == S::forwarded) return S::not_granted;
      break;
    case Op::withdraw:
      if (from == S::submitted || from == S::accepted || from == S::in_progress ||
          from == S::forwarded)
        return S::withdrawn;
      break;
  }
  return std::nullopt;
}

}  // namespace v1
}  // namespace kexie
