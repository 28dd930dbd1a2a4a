// How snapshot code reaches the state behind Registry, ActivityBook and
// Campaign. Each function is defined in the source file that owns the state it
// touches (registry.cpp, activity.cpp, campaign.cpp), so no state layout leaks
// beyond its owner. Internal: never included by a public header; free of Boost.
#ifndef KEXIE_SRC_SNAPSHOT_ACCESS_HPP
#define KEXIE_SRC_SNAPSHOT_ACCESS_HPP

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kexie/activity.hpp"
#include "kexie/audit.hpp"
#include "kexie/campaign.hpp"
#include "kexie/registry.hpp"
#include "kexie/snapshot.hpp"

namespace kexie {
inline namespace v1 {

namespace detail {
struct State;
}  // namespace detail

/// What a campaign holds beyond its spec and rubrics, per entry, in a layout of
/// its own (not the scoring layout): the facts a snapshot saves.
struct SavedEntry {
  EntrySpec spec;
  OrgId enterprise;                        // as derived on add_entry
  std::vector<JudgeId> judges;             // assigned, by id
  std::vector<detail::IndexedMark> marks;  // every recorded mark
  struct Veto {
    JudgeId judge;
    std::uint32_t indicator = 0;
    std::string reason;
  };
  std::vector<Veto> vetoes;  // in the order recorded
};

class SnapshotAccess {
 public:
  // registry.cpp
  static detail::State& state(Registry& r) noexcept;
  static const detail::State& state(const Registry& r) noexcept;
  /// Rebuilds everything derived from the facts in `s` (lists, children,
  /// discipline codes) and checks the saved external-key index; the message of
  /// the first inconsistency, if any.
  static std::optional<std::string> rebuild(detail::State& s);
  /// Drops the registry's caches after its state was replaced.
  static void changed(Registry& r) noexcept;

  // activity.cpp
  static const Registry* registry_of(const ActivityBook& b) noexcept;
  /// Gives a fresh book its saved activities and trail; the message of the first
  /// inconsistency (the book is then left empty).
  static std::optional<std::string> restore(ActivityBook& b, std::vector<Activity> activities,
                                            std::vector<AuditRecord> trail);

  // snapshot.cpp
  static Snapshot make_snapshot(std::unique_ptr<Snapshot::Impl> impl) noexcept;

  // campaign.cpp
  static const Registry* registry_of(const Campaign& c) noexcept;
  /// The saved facts of entry `index` (0-based).
  static SavedEntry saved_entry(const Campaign& c, std::size_t index);
  /// Re-records a saved entry on a campaign being restored: the same checks as
  /// add_entry, assign, mark_all and veto, except the ones that consult the
  /// registry (those held when the facts were recorded, and the registry may
  /// have changed its history since). Refusals come back as they are.
  static Status restore_entry(Campaign& c, SavedEntry entry);
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_SNAPSHOT_ACCESS_HPP
