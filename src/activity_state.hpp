// How the snapshot layer reaches the state behind an ActivityBook, in the
// manner of libgit2's *_internal headers: free functions defined in
// activity.cpp, the book's owner, so its layout never leaves that file.
// Internal: never included by a public header; activity.cpp includes no
// snapshot header.
#ifndef KEXIE_SRC_ACTIVITY_STATE_HPP
#define KEXIE_SRC_ACTIVITY_STATE_HPP

#include <optional>
#include <string>
#include <vector>

#include "kexie/activity.hpp"
#include "kexie/audit.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

/// The registry `book` reads (a snapshot saves a book only with its own registry).
///
///   if (&detail::registry_of(book) != &view.registry()) { /* refuse */ }
const Registry& registry_of(const ActivityBook& book) noexcept;

/// Gives a fresh `book` its saved activities and audit trail after checking
/// that the trail verifies and that every activity is exactly what replaying
/// its performed records gives; the message of the first inconsistency (the
/// book is then left empty).
///
///   if (auto bad = detail::restore(book, std::move(activities), std::move(trail))) fail(*bad);
std::optional<std::string> restore(ActivityBook& book, std::vector<Activity> activities,
                                   std::vector<AuditRecord> trail);

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_ACTIVITY_STATE_HPP
