// Output files of the kexie command, written atomically: the bytes go to a
// temporary file in the destination's directory, which is fsynced, closed and
// renamed over the destination, and the directory is fsynced. Ctrl-C or a crash
// never leaves a half-written results file, and an existing file is replaced
// only by a complete one.
#ifndef KEXIE_TOOLS_ATOMIC_FILE_HPP
#define KEXIE_TOOLS_ATOMIC_FILE_HPP

#include <filesystem>
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

}  // namespace kexie::cli

#endif  // KEXIE_TOOLS_ATOMIC_FILE_HPP
