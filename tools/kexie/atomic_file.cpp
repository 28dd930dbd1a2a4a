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

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path path)
    : path_(std::move(path)), dir_(path_.parent_path()), limit_(write_limit()) {
  if (path_.empty() || !path_.has_filename()) fail(path_, "no file name", EINVAL);
  if (dir_.empty()) dir_ = ".";
  // A hidden name beside the destination, unique per process (mkstemp).
  std::string name = (dir_ / ("." + path_.filename().string() + ".XXXXXX")).string();
  fd_ = ::mkstemp(name.data());
  if (fd_ < 0) fail(path_, "create a temporary file in " + dir_.string(), errno);
  temporary_ = std::move(name);
  if (::fchmod(fd_, 0644) != 0) {
    const int err = errno;  // the destructor does not run for a constructor that throws
    ::close(fd_);
    ::unlink(temporary_.c_str());
    fail(path_, "chmod", err);
  }
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !temporary_.empty()) ::unlink(temporary_.c_str());
}

void AtomicFile::write(std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    std::size_t chunk = std::min<std::size_t>(bytes.size() - done, 1 << 20);
    if (written_ + chunk > limit_) chunk = limit_ > written_ ? limit_ - written_ : 0;
    if (chunk == 0) fail(path_, "write (KEXIE_TEST_FAIL_WRITE_AFTER)", ENOSPC);
    const ssize_t n = ::write(fd_, bytes.data() + done, chunk);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(path_, "write", errno);
    }
    done += static_cast<std::size_t>(n);
    written_ += static_cast<std::size_t>(n);
  }
}

void AtomicFile::commit() {
  if (::fsync(fd_) != 0) fail(path_, "fsync", errno);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail(path_, "close", errno);
  if (::rename(temporary_.c_str(), path_.c_str()) != 0) fail(path_, "rename", errno);
  committed_ = true;
  // The rename is durable once the directory is; a failure here is reported, the
  // new file is already in place and whole.
  const int dfd = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) fail(path_, "open the directory", errno);
  const int synced = ::fsync(dfd);
  const int err = errno;
  ::close(dfd);
  if (synced != 0) fail(path_, "fsync the directory", err);
}

void write_atomically(const std::filesystem::path& path, std::string_view bytes) {
  AtomicFile file(path);
  file.write(bytes);
  file.commit();
}

}  // namespace kexie::cli
