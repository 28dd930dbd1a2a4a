// How the snapshot layer reaches the state behind a ServiceDesk, in the manner
// of activity_state.hpp: a free function defined in service_desk.cpp, the desk's
// owner, so its layout never leaves that file. Internal.
#ifndef KEXIE_SRC_SERVICE_DESK_STATE_HPP
#define KEXIE_SRC_SERVICE_DESK_STATE_HPP

#include <optional>
#include <string>
#include <vector>

#include "kexie/service_desk.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

/// Gives a fresh `desk` its saved requests, proposals and trail after checking
/// that the trail verifies and that every request and proposal is what replaying
/// its performed records gives (state, last step, a campaign entry exactly when the
/// trail records one); the
/// message of the first inconsistency (the desk is then left empty).
///
///   if (auto bad = detail::restore(desk, std::move(rs), std::move(ps), std::move(t))) fail(*bad);
std::optional<std::string> restore(ServiceDesk& desk, std::vector<ServiceRequest> requests,
                                   std::vector<Proposal> proposals,
                                   std::vector<ServiceRecord> trail);

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_SERVICE_DESK_STATE_HPP
