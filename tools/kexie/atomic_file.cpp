// Atomic output files: temporary file in the same directory, fsync, rename,
// directory fsync. POSIX only, like the rest of kexie's file handling.
#include "atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <string>

#include "console.hpp"

namespace kexie::cli {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, std::string_view step, int err) {
  throw Failure(Exit::input, "cannot write " + path.string() + ": " + std::string(step) + ": " +
                                 std::strerror(err));
}

// The test hook: how many bytes may be written before a simulated ENOSPC.
std::size_t write_limit() {
  const char* text = std::getenv("KEXIE_TEST_FAIL_WRITE_AFTER");
  std::size_t limit = static_cast<std::size_t>(-1);
  if (text != nullptr && *text != '\0') {
    std::from_chars(text, text + std::strlen(text), limit);
  }
  return limit;
}

// Closes the descriptor and removes the temporary file unless released.
struct Temporary {
  std::string name;
  int fd = -1;
  bool keep = false;
  ~Temporary() {
    if (fd >= 0) ::close(fd);
    if (!keep && !name.empty()) ::unlink(name.c_str());
  }
};

}  // namespace

void write_atomically(const std::filesystem::path& path, std::string_view bytes) {
  if (path.empty() || !path.has_filename()) fail(path, "no file name", EINVAL);
  std::filesystem::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  // A hidden name beside the destination, unique per process (mkstemp).
  Temporary tmp;
  tmp.name = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
  tmp.fd = ::mkstemp(tmp.name.data());
  if (tmp.fd < 0) {
    const int err = errno;
    tmp.name.clear();
    fail(path, "create a temporary file in " + dir.string(), err);
  }
  if (::fchmod(tmp.fd, 0644) != 0) fail(path, "chmod", errno);
  const std::size_t limit = write_limit();
  std::size_t done = 0;
  while (done < bytes.size()) {
    std::size_t chunk = std::min<std::size_t>(bytes.size() - done, 1 << 20);
    if (done + chunk > limit) chunk = limit > done ? limit - done : 0;
    if (chunk == 0) fail(path, "write (KEXIE_TEST_FAIL_WRITE_AFTER)", ENOSPC);
    const ssize_t n = ::write(tmp.fd, bytes.data() + done, chunk);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(path, "write", errno);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(tmp.fd) != 0) fail(path, "fsync", errno);
  const int fd = tmp.fd;
  tmp.fd = -1;
  if (::close(fd) != 0) fail(path, "close", errno);
  if (::rename(tmp.name.c_str(), path.c_str()) != 0) fail(path, "rename", errno);
  tmp.keep = true;
  // The rename is durable once the directory is; a failure here is reported, the
  // new file is already in place and whole.
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) fail(path, "open the directory", errno);
  const int synced = ::fsync(dfd);
  const int err = errno;
  ::close(dfd);
  if (synced != 0) fail(path, "fsync the directory", err);
}

}  // namespace kexie::cli
