// What the snapshot records carry between the API (snapshot.cpp) and the
// per-concept save and load code (snapshot_registry.cpp, snapshot_activity.cpp,
// snapshot_campaign.cpp): the borrowed sources of a save and the objects a load
// builds. Internal.
#ifndef KEXIE_SRC_SNAPSHOT_CONTENTS_HPP
#define KEXIE_SRC_SNAPSHOT_CONTENTS_HPP

#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "kexie/snapshot.hpp"

namespace kexie {
inline namespace v1 {

namespace detail {

/// The state behind a Snapshot (its pimpl): the registry and what is bound to it.
struct SnapshotImpl {
  Registry registry;
  std::vector<ActivityBook> books;
  std::vector<Campaign> campaigns;
  std::vector<ServiceDesk> desks;  // format 3

  /// The Snapshot owning `impl` (Snapshot's constructor from its state is private).
  static Snapshot wrap(std::unique_ptr<SnapshotImpl> impl) noexcept {
    return Snapshot(std::move(impl));
  }
};

/// One activity book: the source when saving; the registry and result when loading.
struct BookContents {
  const ActivityBook* source = nullptr;
  const Registry* registry = nullptr;
  std::optional<ActivityBook> loaded;
};

/// One campaign: the source when saving; the registry and result when loading.
struct CampaignContents {
  const Campaign* source = nullptr;
  const Registry* registry = nullptr;
  std::optional<Campaign> loaded;
  /// Saving: the books of the view (a bound campaign records its book's index).
  std::span<const ActivityBook* const> saved_books;
  /// Loading: the books already loaded (a bound campaign is rebound to one).
  std::vector<ActivityBook>* loaded_books = nullptr;
};

/// One service desk: the source when saving; the registry and result when loading.
struct DeskContents {
  const ServiceDesk* source = nullptr;
  const Registry* registry = nullptr;
  std::optional<ServiceDesk> loaded;
};

/// The whole payload: the view when saving; the snapshot being filled when loading.
struct SnapshotContents {
  const SnapshotView* view = nullptr;
  SnapshotImpl* loaded = nullptr;
};

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_SNAPSHOT_CONTENTS_HPP
