// Snapshots (快照): everything a registry holds — organizations, people,
// memberships, expert pools, links, training, and the activity books (with
// their audit trails) and campaigns (with entries, judges, marks and vetoes)
// bound to it — saved to a file or a buffer and loaded back. The format is
// kexie's own frame (magic, format version, byte-order and width check, payload
// length, SHA-256) around a Boost.Serialization binary archive; docs/formats.md
// describes it byte by byte. Loading treats every file as hostile: it never
// crashes, never throws, never allocates much more than the file's size, and
// names what is wrong and where. Saving is crash-safe: the previous file stays
// byte-identical until the new one is complete and durable.
#ifndef KEXIE_SNAPSHOT_HPP
#define KEXIE_SNAPSHOT_HPP

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "kexie/activity.hpp"
#include "kexie/campaign.hpp"
#include "kexie/export.hpp"
#include "kexie/registry.hpp"
#include "kexie/result.hpp"
#include "kexie/service_desk.hpp"
#include "kexie/threads.hpp"

namespace kexie {
inline namespace v1 {

namespace detail {
struct SnapshotImpl;  // src/snapshot_contents.hpp
}  // namespace detail

/// The snapshot format version this build writes, and the newest it reads. Every
/// older version keeps loading (tests/data holds a golden file of each). Format 2
/// (issue 13) adds the registry's appointments, honours and employer tie, and the
/// activity book's `allow_asserted_roles` and per-record `asserted` flag. Format 3
/// (issue 19) adds the registry's guidance facts (enterprises, employment, support,
/// founding applications and their trail, hand-overs, secretary-general training), or
/// (issue 20, written by another build) the service desks; format 4 holds both, and
/// the rubric extensions of CampaignRecord 3 (points sheets, bands, prizes).
inline constexpr std::uint16_t kSnapshotFormatVersion = 4;

/// A loaded snapshot: a registry and the activity books and campaigns bound to
/// it, owned together so the books and campaigns can never outlive their
/// registry. Movable (moving keeps every address inside stable); not copyable.
///
///   kexie::Snapshot snap = kexie::load_snapshot("kexie.snap").value();
///   kexie::Registry& reg = snap.registry();
///   for (kexie::Campaign& c : snap.campaigns()) std::cout << c.spec().name << '\n';
class KEXIE_API Snapshot {
 public:
  /// A snapshot that owns `registry` and nothing bound to it yet.
  /// \param registry the registry to own, moved in; `registry()` refers to it from now on.
  ///
  ///   kexie::Snapshot snap{std::move(registry)};
  explicit Snapshot(Registry registry);
  ~Snapshot();
  /// Moves ownership; the moved-from snapshot may only be destroyed or assigned to.
  Snapshot(Snapshot&&) noexcept;
  /// Moves ownership; the moved-from snapshot may only be destroyed or assigned to.
  /// \return `*this`.
  Snapshot& operator=(Snapshot&&) noexcept;
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

  /// The registry.
  /// \return the owned registry, valid as long as the snapshot (moves keep its address).
  ///
  ///   std::size_t people = snap.registry().person_count();
  [[nodiscard]] Registry& registry() noexcept;
  /// The registry.
  /// \return the owned registry, valid as long as the snapshot.
  [[nodiscard]] const Registry& registry() const noexcept;

  /// The activity books, in the order they were saved.
  /// \return the books, bound to `registry()`; valid until the next `add_activity_book`.
  ///
  ///   assert(snap.activity_books()[0].verify_audit().ok());
  [[nodiscard]] std::span<ActivityBook> activity_books() noexcept;
  /// The activity books, in the order they were saved.
  /// \return the books, bound to `registry()`; valid until the next `add_activity_book`.
  [[nodiscard]] std::span<const ActivityBook> activity_books() const noexcept;

  /// The campaigns, in the order they were saved.
  /// \return the campaigns, bound to `registry()`; valid until the next `add_campaign`.
  ///
  ///   kexie::Scoreboard board = snap.campaigns()[0].score().value();
  [[nodiscard]] std::span<Campaign> campaigns() noexcept;
  /// The campaigns, in the order they were saved.
  /// \return the campaigns, bound to `registry()`; valid until the next `add_campaign`.
  [[nodiscard]] std::span<const Campaign> campaigns() const noexcept;

  /// The service desks (format 3), in the order they were saved.
  /// \return the desks, bound to `registry()` (empty for a snapshot of format 1 or 2); valid until
  /// the next `add_service_desk`.
  ///
  ///   assert(snap.service_desks()[0].verify_audit().ok());
  [[nodiscard]] std::span<ServiceDesk> service_desks() noexcept;
  /// The service desks, in the order they were saved.
  /// \return the desks, bound to `registry()`; valid until the next `add_service_desk`.
  [[nodiscard]] std::span<const ServiceDesk> service_desks() const noexcept;

  /// Adds an empty activity book bound to `registry()`, applying `policy`, and
  /// returns it. References returned earlier by `activity_books()` may dangle
  /// afterwards; the registry's address never changes.
  /// \param policy the lifecycle policy the book applies (deadlines, approvals); the standard one
  /// by default.
  /// \return the new book, owned by the snapshot.
  ///
  ///   kexie::ActivityBook& book = snap.add_activity_book();
  ActivityBook& add_activity_book(LifecyclePolicy policy = LifecyclePolicy::standard());
  /// Adds a campaign bound to `registry()` and returns it; throws like the
  /// `Campaign` constructor on a malformed spec. Earlier campaign references may dangle.
  /// \param spec the campaign's name, rubric, rules and phases; moved in.
  /// \return the new campaign, owned by the snapshot.
  ///
  ///   kexie::Campaign& c = snap.add_campaign(spec);
  Campaign& add_campaign(CampaignSpec spec);
  /// Adds an empty service desk bound to `registry()`, applying `policy`, and
  /// returns it; throws like the `ServiceDesk` constructor on a bad policy.
  /// Earlier desk references may dangle.
  /// \param policy the desk's choices (see `ServicePolicy`); the default by default.
  /// \return the new desk, owned by the snapshot.
  ///
  ///   kexie::ServiceDesk& desk = snap.add_service_desk();
  ServiceDesk& add_service_desk(ServicePolicy policy = {});

 private:
  explicit Snapshot(std::unique_ptr<detail::SnapshotImpl> impl) noexcept;
  std::unique_ptr<detail::SnapshotImpl> impl_;
  friend detail::SnapshotImpl;  // builds a loaded Snapshot (src/snapshot_contents.hpp)
};

/// What to save: a registry and, optionally, activity books and campaigns bound
/// to it. Borrows everything; build it just before the save.
///
///   save_snapshot(reg, "registry.snap").value();  // the registry alone
///   save_snapshot(kexie::SnapshotView(reg).add(book).add(campaign), "all.snap").value();
///   save_snapshot(snap, "again.snap").value();    // a loaded Snapshot, whole
class KEXIE_API SnapshotView {
 public:
  /// The registry alone.
  /// \param registry the registry to save; borrowed, it must outlive the view.
  SnapshotView(const Registry& registry) noexcept;  // NOLINT(google-explicit-constructor)
  /// Everything a loaded or built Snapshot holds.
  /// \param snapshot the snapshot whose registry, books, campaigns and desks are saved; borrowed.
  SnapshotView(const Snapshot& snapshot);  // NOLINT(google-explicit-constructor)
  /// Adds an activity book; saving refuses (`invalid_argument`) a book bound to
  /// another registry.
  /// \param book the book to save with the registry; borrowed.
  /// \return `*this`, to chain further `add` calls.
  SnapshotView& add(const ActivityBook& book);
  /// Adds a campaign; saving refuses (`invalid_argument`) a campaign bound to
  /// another registry.
  /// \param campaign the campaign to save with the registry; borrowed.
  /// \return `*this`, to chain further `add` calls.
  SnapshotView& add(const Campaign& campaign);
  /// Adds a service desk; saving refuses (`invalid_argument`) a desk bound to
  /// another registry.
  /// \param desk the desk to save with the registry; borrowed.
  /// \return `*this`, to chain further `add` calls.
  ///
  ///   save_snapshot(kexie::SnapshotView(reg).add(desk), "desk.snap").value();
  SnapshotView& add(const ServiceDesk& desk);

  /// The registry.
  /// \return the registry the view was made with.
  [[nodiscard]] const Registry& registry() const noexcept { return *registry_; }
  /// The activity books added.
  /// \return the books, in the order added.
  [[nodiscard]] std::span<const ActivityBook* const> activity_books() const noexcept {
    return books_;
  }
  /// The campaigns added.
  /// \return the campaigns, in the order added.
  [[nodiscard]] std::span<const Campaign* const> campaigns() const noexcept { return campaigns_; }
  /// The service desks added.
  /// \return the desks, in the order added.
  [[nodiscard]] std::span<const ServiceDesk* const> service_desks() const noexcept {
    return desks_;
  }

 private:
  const Registry* registry_;
  std::vector<const ActivityBook*> books_;
  std::vector<const Campaign*> campaigns_;
  std::vector<const ServiceDesk*> desks_;
};

/// The file operations a save performs, declared in kexie/sys/file_ops.hpp (a
/// seam for integrators and fault-injecting tests; most programs never name it).
class FileOps;

/// How a file is saved.
struct SaveOptions {
  /// Permission bits of the saved file, set explicitly (not left to the umask).
  unsigned mode = 0644;
  /// The file operations; nullptr means `FileOps::posix()`. Borrowed. For tests
  /// and integrators: see kexie/sys/file_ops.hpp.
  FileOps* file_ops = nullptr;
  /// Whether a save may replace an existing file whose mode has the setuid,
  /// setgid or sticky bit, or lets anyone write it (o+w). Such a file was made
  /// that way by someone, for a reason a snapshot does not know, or lets another
  /// user swap its content: by default a save refuses it (`io_error` naming the
  /// rule and the path, nothing written). The new file gets `mode` either way.
  ///
  ///   kexie::save_snapshot(reg, "shared.snap", {.allow_unsafe_modes = true}).value();
  bool allow_unsafe_modes = false;
};

/// Serializes `view` to a buffer holding a complete snapshot file. Refusals:
/// `invalid_argument` when a book or campaign of the view is bound to another
/// registry; `overflow` when a count does not fit the format.
/// \param view the registry and the books and campaigns bound to it
/// \return the bytes of a complete snapshot file, or the refusal
///
///   std::vector<std::byte> bytes = kexie::save_snapshot(reg).value();
[[nodiscard]] KEXIE_API Result<std::vector<std::byte>> save_snapshot(const SnapshotView& view);

/// Saves `view` to `path`, crash-safe: writes a temporary file in the same
/// directory with the permission bits `options.mode` (streaming the payload
/// while hashing it, then writing the header), fsyncs and closes it,
/// links the previous file (if any) to a second name, renames the temporary file
/// over `path`, fsyncs the directory, then drops the second name. On any failure
/// returns `io_error` naming the step and the OS error, removes the temporary
/// file, and leaves `path` as it was, byte-identical (after a failed directory
/// fsync the previous file is renamed back). A failed fsync is reported, never
/// retried. Refusals as for the buffer form, and, before anything is written,
/// `io_error` naming the rule and the path when `path` names anything but a
/// regular file or nothing (a symbolic link, a directory, a FIFO, a device, a
/// socket: a save never replaces one by a regular file; rule
/// `snapshot.regular_file`), or a file whose mode has the setuid, setgid or
/// sticky bit or is world-writable (unless `options.allow_unsafe_modes`; rule
/// `snapshot.unsafe_mode`); `invalid_argument` when `path` names no file
/// (empty, or ending in '/'). At any moment of a crash, `path` holds either the
/// previous or the new snapshot, whole; a crash may leave hidden files beside it,
/// which a save never removes (see `remove_snapshot_leftovers`). The temporary
/// names fit NAME_MAX whatever the length of `path`'s name.
/// \param view the registry and the books and campaigns bound to it
/// \param path the file to write (replaced atomically)
/// \param options the new file's mode, the file operations to use, unsafe modes allowed
/// \return ok, or the refusal (`path` then unchanged)
///
///   kexie::save_snapshot(kexie::SnapshotView(reg).add(book), "kexie.snap").value();
[[nodiscard]] KEXIE_API Status save_snapshot(const SnapshotView& view,
                                             const std::filesystem::path& path,
                                             const SaveOptions& options = {});

/// Loads a snapshot from a buffer. Never crashes, and throws nothing but
/// std::bad_alloc when memory runs out (never reported as corrupt data: every
/// count is checked against the bytes left before anything is allocated). Errors:
/// `corrupt_data` naming what is wrong and its byte offset (bad magic, a length
/// that disagrees with the buffer, a SHA-256 mismatch, a count larger than the
/// bytes left, a reference to nothing, an out-of-range value, an audit chain that
/// does not verify); `unsupported_version` for a format or record version newer
/// than this build, or a file written with another byte order or integer widths.
/// \param bytes a complete snapshot file (not kept)
/// \return the registry, books and campaigns it holds, or `corrupt_data` / `unsupported_version`
///
///   auto snap = kexie::load_snapshot(std::span<const std::byte>(bytes));
///   if (!snap) std::cerr << snap.error() << '\n';
[[nodiscard]] KEXIE_API Result<Snapshot> load_snapshot(std::span<const std::byte> bytes);

/// Loads a snapshot file: `io_error` when it cannot be read, or when `path`
/// (after following symbolic links) names anything but a regular file — the
/// message says what it is (a directory, a FIFO, a device, a socket); a FIFO
/// without a writer is refused at once, never waited on. Otherwise as the
/// buffer form.
/// \param path the snapshot file
/// \return the registry, books and campaigns it holds, or `io_error` / as the buffer form
///
///   kexie::Snapshot snap = kexie::load_snapshot("kexie.snap").value();
[[nodiscard]] KEXIE_API Result<Snapshot> load_snapshot(const std::filesystem::path& path);

/// Loads a snapshot file as `load_snapshot(path)` does, with the payload's
/// SHA-256 computed beside the decoding when `threads` allows it. The file form
/// reads a file in one pass: the bytes go from the file straight into the
/// registry's columns and are hashed as they are read, and on a national
/// registry the hash is about a third of the load. With two threads or more,
/// one thread (never more) is started to hash the file, reading it a second
/// time through a small buffer of its own, while the calling thread decodes;
/// it is joined before the call returns. Results, refusals and their messages
/// are those of the one-thread form (a damaged file is refused as damaged,
/// whatever the decoding found); should the thread not start, the calling
/// thread hashes.
/// \param path the snapshot file
/// \param threads the threads the load may use, the calling thread included (one:
/// the calling thread hashes; two or more: a second thread hashes)
/// \return as `load_snapshot(path)`, or `invalid_argument` for a thread count of zero
///
///   kexie::Snapshot snap = kexie::load_snapshot("kexie.snap", kexie::Threads{2}).value();
[[nodiscard]] KEXIE_API Result<Snapshot> load_snapshot(const std::filesystem::path& path,
                                                       Threads threads);

/// Removes the hidden files that saves to `path` left beside it when they were
/// killed (or lost power) mid-way: temporary files (`.tmp`, each a whole or
/// partial snapshot) and second names of previous versions (`.old`), named as
/// docs/formats.md describes. A save never removes these itself, because it
/// cannot prove that the process which made one is dead: another host or
/// container sharing the directory may be saving to `path` right now. Call this
/// only when no other save to `path` can be running (at start-up, under the
/// application's own lock). Removes only regular files whose whole name is a
/// leftover name of `path`'s file name, never anything else; returns the paths
/// removed. `io_error` naming the directory or the file when listing or a
/// removal fails (the others are still removed); `invalid_argument` when `path`
/// names no file. `file_ops` as in SaveOptions.
/// \param path the snapshot file whose leftovers to remove (the file itself is kept)
/// \param file_ops the file operations to use, or null for the operating system's
/// \return the paths removed, or `io_error` / `invalid_argument`
///
///   for (const auto& p : kexie::remove_snapshot_leftovers("kexie.snap").value())
///     std::clog << "removed " << p << '\n';
[[nodiscard]] KEXIE_API Result<std::vector<std::filesystem::path>> remove_snapshot_leftovers(
    const std::filesystem::path& path, FileOps* file_ops = nullptr);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SNAPSHOT_HPP
