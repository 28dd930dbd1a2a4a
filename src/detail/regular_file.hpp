// Opening a file for reading only when it is a regular file, without a window in which
// a FIFO or a device swapped in after the check could block the reader or be acted on.
// Internal: the snapshot loader, Table::read_file and the streaming marks import share it.
#ifndef KEXIE_SRC_DETAIL_REGULAR_FILE_HPP
#define KEXIE_SRC_DETAIL_REGULAR_FILE_HPP

#include <sys/stat.h>

namespace kexie {
inline namespace v1 {
namespace detail {

/// What `open_regular_file` found. Move-only; closes its descriptor unless released.
class RegularFile {
 public:
  RegularFile() = default;
  RegularFile(RegularFile&& other) noexcept;
  RegularFile& operator=(RegularFile&& other) noexcept;
  RegularFile(const RegularFile&) = delete;
  RegularFile& operator=(const RegularFile&) = delete;
  ~RegularFile();

  /// The open, blocking, read-only descriptor; -1 when the file was not opened.
  [[nodiscard]] int fd() const noexcept { return fd_; }
  /// True when a regular file is open.
  explicit operator bool() const noexcept { return fd_ >= 0; }
  /// errno of the call that failed (stat, open, fstat, fcntl); 0 when the path names
  /// something that is not a regular file (`status().st_mode` says what) or it is open.
  [[nodiscard]] int error() const noexcept { return error_; }
  /// The call that failed when `error()` is set: "stat", "open" or "fcntl"; else "".
  [[nodiscard]] const char* failed_step() const noexcept { return step_; }
  /// The status of what was judged: of the open file, or of the path that is not one.
  [[nodiscard]] const struct stat& status() const noexcept { return st_; }
  /// Gives up ownership of the descriptor (for fdopen); -1 when none is open.
  int release() noexcept;

 private:
  friend RegularFile open_regular_file(const char* path) noexcept;
  int fd_ = -1;
  int error_ = 0;
  const char* step_ = "";
  struct stat st_ {};
};

/// Opens `path` read-only when it is a regular file: asks first (opening a FIFO without
/// a writer would wait forever, opening a device can act on it), opens with O_NONBLOCK
/// (which covers what is swapped in between the two calls), judges what was opened with
/// fstat, then clears O_NONBLOCK. Never blocks on the path's kind.
RegularFile open_regular_file(const char* path) noexcept;

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_DETAIL_REGULAR_FILE_HPP
