// The file operations a snapshot save performs, as a replaceable interface: a
// supported seam for integrators (unusual storage, fault-injecting tests), kept
// out of snapshot.hpp the way libgit2 keeps its backends in git2/sys/. Most
// programs never include it: `save_snapshot` uses `FileOps::posix()` unless
// `SaveOptions::file_ops` names another.
#ifndef KEXIE_SYS_FILE_OPS_HPP
#define KEXIE_SYS_FILE_OPS_HPP

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <system_error>

#include "kexie/export.hpp"

namespace kexie {
inline namespace v1 {

/// The file operations a save performs, replaceable (the way RocksDB's `Env` and
/// SQLite's VFS are) for tests that inject faults and for unusual storage. Each
/// returns an empty std::error_code on success. `posix()` is the default.
///
///   // with kexie/sys/file_ops.hpp included:
///   struct FailingSync : kexie::FileOps {
///     std::error_code sync(int) override { return std::make_error_code(std::errc::io_error); }
///   };
///   FailingSync ops;
///   kexie::Status st = kexie::save_snapshot(reg, "kexie.snap", {.file_ops = &ops});
///   assert(st.code() == kexie::ErrorCode::io_error);  // and kexie.snap is unchanged
class KEXIE_API FileOps {
 public:
  virtual ~FileOps();
  /// Creates `path`, which must not exist, for writing with permission bits
  /// `mode`, and stores its descriptor in `fd`.
  /// \param path the file to create (exclusively: O_CREAT | O_EXCL).
  /// \param mode the permission bits, e.g. 0644, applied as given (not masked by the umask).
  /// \param fd receives the open descriptor on success.
  /// \return an empty error code, or the OS error (e.g. `errc::file_exists`).
  virtual std::error_code create(const std::filesystem::path& path, unsigned mode, int& fd);
  /// Writes all of `bytes` to `fd`, at its current end.
  /// \param fd a descriptor from `create`.
  /// \param bytes the bytes to write, all of them (short writes are retried).
  /// \return an empty error code, or the OS error.
  virtual std::error_code write(int fd, std::span<const std::byte> bytes);
  /// Writes all of `bytes` to `fd` at byte `offset` (pwrite). A save streams the
  /// payload first and fills in the header, which holds the payload's hash, last.
  /// \param fd a descriptor from `create`.
  /// \param offset the byte position in the file to write at.
  /// \param bytes the bytes to write, all of them.
  /// \return an empty error code, or the OS error.
  virtual std::error_code write_at(int fd, std::uint64_t offset, std::span<const std::byte> bytes);
  /// Makes what was written to `fd` durable (fsync).
  /// \param fd a descriptor from `create`.
  /// \return an empty error code, or the OS error (a save reports it and never retries).
  virtual std::error_code sync(int fd);
  /// Closes `fd`.
  /// \param fd a descriptor from `create`; not used again after the call, whatever it returns.
  /// \return an empty error code, or the OS error.
  virtual std::error_code close(int fd);
  /// Atomically replaces `to` by `from` (rename).
  /// \param from the file to move (the complete temporary file).
  /// \param to the name it gets; a file already there is replaced.
  /// \return an empty error code, or the OS error.
  virtual std::error_code rename(const std::filesystem::path& from,
                                 const std::filesystem::path& to);
  /// Makes `to` a second name of the existing file `from` (a hard link). A save
  /// keeps the previous file under a second name until the new one is durable.
  /// \param from an existing file.
  /// \param to the new name, which must not exist.
  /// \return an empty error code, or the OS error.
  virtual std::error_code link(const std::filesystem::path& from, const std::filesystem::path& to);
  /// Makes the directory entry changes in `dir` durable (fsync of the directory).
  /// \param dir the directory holding the saved file.
  /// \return an empty error code, or the OS error.
  virtual std::error_code sync_directory(const std::filesystem::path& dir);
  /// Removes `path` (cleanup of a temporary file after a failure, or a leftover
  /// named by `remove_snapshot_leftovers`).
  /// \param path the file to remove.
  /// \return an empty error code, or the OS error.
  virtual std::error_code remove(const std::filesystem::path& path);
  /// Stores in `mode` the POSIX `st_mode` (file type and permission bits) of what
  /// `path` names, without following a symbolic link (lstat). A save asks before
  /// it writes anything and refuses a target that is not a regular file; an
  /// error (ENOENT: nothing there) is returned as is. A test can report a device:
  /// \param path what to ask about.
  /// \param mode receives the `st_mode` on success.
  /// \return an empty error code, or the OS error (ENOENT when nothing is there).
  ///
  ///   struct Device : kexie::FileOps {
  ///     std::error_code status(const std::filesystem::path&, unsigned& mode) override {
  ///       mode = S_IFCHR | 0666;
  ///       return {};
  ///     }
  ///   };
  virtual std::error_code status(const std::filesystem::path& path, unsigned& mode);
  /// The operating system's operations.
  /// \return a process-wide instance (a function-local static) calling the POSIX functions;
  /// safe from any thread.
  [[nodiscard]] static FileOps& posix() noexcept;
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SYS_FILE_OPS_HPP
