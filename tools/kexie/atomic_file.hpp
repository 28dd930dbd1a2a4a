// Output files of the kexie command, written atomically: the bytes go to a
// temporary file in the destination's directory, which is fsynced, closed and
// renamed over the destination, and the directory is fsynced. Ctrl-C or a crash
// never leaves a half-written results file, and an existing file is replaced
// only by a complete one.
#ifndef KEXIE_TOOLS_ATOMIC_FILE_HPP
#define KEXIE_TOOLS_ATOMIC_FILE_HPP

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace kexie::cli {

/// Writes `bytes` to `path` atomically (see the file comment). Throws
/// `Failure(Exit::input, …)` naming the path, the step and the OS error; the
/// temporary file is removed and `path` is left as it was.
///
/// Test-only: when the environment variable KEXIE_TEST_FAIL_WRITE_AFTER holds a
/// number N, the write fails (as with ENOSPC) once N bytes are written. ctest
/// uses it to prove that a failed write leaves the previous file intact; it is
/// documented in docs/command.md as a test hook, not an interface.
///
///   write_atomically("results.html", html);
void write_atomically(const std::filesystem::path& path, std::string_view bytes);

/// An output file written atomically in pieces (a document streamed as it is made):
/// the pieces go to the temporary file; `commit` fsyncs it and renames it over the
/// destination. Destroyed without a commit (an exception on the way), the temporary
/// file is removed and the destination is left as it was. Errors throw like
/// `write_atomically`, which is this with one piece.
///
///   AtomicFile out("results.json");
///   out.write(piece);  // as many times as there are pieces
///   out.commit();
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path path);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();
  void write(std::string_view bytes);
  void commit();

 private:
  std::filesystem::path path_;
  std::filesystem::path dir_;
  std::string temporary_;
  int fd_ = -1;
  bool committed_ = false;
  std::size_t written_ = 0;
  std::size_t limit_;  // the test hook's byte limit
};

}  // namespace kexie::cli

#endif  // KEXIE_TOOLS_ATOMIC_FILE_HPP
