// The C API's opaque handles: each wraps the C++ object it stands for. A
// registry, book or campaign handle either owns its object or borrows one owned
// by a loaded snapshot (kx_snapshot): the C++ books and campaigns of a snapshot
// point at the snapshot's registry, so the objects cannot be moved out into
// handles of their own. The shims reach the object through the same accessor
// (`r->registry()`) in both cases.
#ifndef KEXIE_SRC_C_HANDLES_HPP
#define KEXIE_SRC_C_HANDLES_HPP

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kexie/activity.hpp"
#include "kexie/actor.hpp"
#include "kexie/campaign.hpp"
#include "kexie/registry.hpp"
#include "kexie/registry_document.hpp"
#include "kexie/snapshot.hpp"

namespace kx {

/// An object a handle owns, or borrows from a snapshot.
template <class T>
class Held {
 public:
  /// Owns `object`.
  explicit Held(T&& object)
      : owned_(std::make_unique<T>(std::move(object))), object_(owned_.get()) {}
  /// Borrows `object`; the handle's kx_*_free then does nothing.
  explicit Held(T& object) noexcept : object_(&object) {}
  Held(const Held&) = delete;
  Held& operator=(const Held&) = delete;

  [[nodiscard]] bool borrowed() const noexcept { return owned_ == nullptr; }

 protected:
  ~Held() = default;
  // Through a const handle only the const object is reachable, as when the
  // handle held the object itself.
  [[nodiscard]] T& get() noexcept { return *object_; }
  [[nodiscard]] const T& get() const noexcept { return *object_; }

 private:
  std::unique_ptr<T> owned_;  // null when borrowed
  T* object_;
};

}  // namespace kx

struct kx_registry : kx::Held<kexie::Registry> {
  using Held::Held;
  /// The codes of the registry document it was read from (empty otherwise):
  /// campaign, entries and results documents name organizations and people by them.
  kexie::RegistryCodes codes;
  kexie::Registry& registry() noexcept { return get(); }
  const kexie::Registry& registry() const noexcept { return get(); }
};

struct kx_book : kx::Held<kexie::ActivityBook> {
  using Held::Held;
  kexie::ActivityBook& book() noexcept { return get(); }
  const kexie::ActivityBook& book() const noexcept { return get(); }
};

struct kx_campaign : kx::Held<kexie::Campaign> {
  using Held::Held;
  kexie::Campaign& campaign() noexcept { return get(); }
  const kexie::Campaign& campaign() const noexcept { return get(); }
};

struct kx_service_desk : kx::Held<kexie::ServiceDesk> {
  using Held::Held;
  kexie::ServiceDesk& desk() noexcept { return get(); }
  const kexie::ServiceDesk& desk() const noexcept { return get(); }
};

struct kx_actor {
  kexie::Actor actor;
};

/// A loaded snapshot and the borrowing handles it lends out. The handles live as
/// long as the snapshot: kexie::Snapshot keeps the addresses of its registry,
/// books and campaigns stable, and the C API never adds to a loaded snapshot.
struct kx_snapshot {
  explicit kx_snapshot(kexie::Snapshot s)
      : snapshot(std::move(s)), registry_handle(snapshot.registry()) {
    for (kexie::ActivityBook& b : snapshot.activity_books())
      books.push_back(std::make_unique<kx_book>(b));
    for (kexie::Campaign& c : snapshot.campaigns())
      campaigns.push_back(std::make_unique<kx_campaign>(c));
    for (kexie::ServiceDesk& d : snapshot.service_desks())
      desks.push_back(std::make_unique<kx_service_desk>(d));
  }
  kx_snapshot(const kx_snapshot&) = delete;
  kx_snapshot& operator=(const kx_snapshot&) = delete;

  kexie::Snapshot snapshot;
  kx_registry registry_handle;  // borrows snapshot.registry()
  std::vector<std::unique_ptr<kx_book>> books;
  std::vector<std::unique_ptr<kx_campaign>> campaigns;
  std::vector<std::unique_ptr<kx_service_desk>> desks;  // format 3 (issue 20)
};

/// A scoreboard with the text of every decimal kept alive for borrowed pointers.
struct kx_scoreboard {
  kexie::Scoreboard board;
  struct EntryText {
    std::string total, judged, objective, bonus;
    std::optional<std::string> prize;  // EntryResult::prize
  };
  std::vector<EntryText> entry_text;  // by entry: entry_text[id - 1]
  struct UnitText {
    std::string awarded_total, participation_rate, tce_saved;
  };
  std::vector<UnitText> unit_text;         // parallel to board.units
  std::vector<std::string> people_credit;  // parallel to board.people
};

namespace kx {
/// Writes the texts of every decimal of `b.board` (src/c/campaign_score.cpp),
/// overwriting the previous ones in place.
void refresh_text(kx_scoreboard& b);
}  // namespace kx

#endif  // KEXIE_SRC_C_HANDLES_HPP
