// detail::open_regular_file: stat, open non-blocking, fstat, then blocking reads.
#include "detail/regular_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

namespace kexie {
inline namespace v1 {
namespace detail {

RegularFile::RegularFile(RegularFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), error_(other.error_), step_(other.step_), st_(other.st_) {}

RegularFile& RegularFile::operator=(RegularFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    error_ = other.error_;
    step_ = other.step_;
    st_ = other.st_;
  }
  return *this;
}

RegularFile::~RegularFile() {
  if (fd_ >= 0) ::close(fd_);
}

int RegularFile::release() noexcept { return std::exchange(fd_, -1); }

RegularFile open_regular_file(const char* path) noexcept {
  RegularFile f;
  if (::stat(path, &f.st_) != 0) {
    f.error_ = errno;
    f.step_ = "stat";
    return f;
  }
  if (!S_ISREG(f.st_.st_mode)) return f;
  const int fd = ::open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) {
    f.error_ = errno;
    f.step_ = "open";
    return f;
  }
  if (::fstat(fd, &f.st_) != 0) {
    f.error_ = errno;
    f.step_ = "stat";
    ::close(fd);
    return f;
  }
  if (!S_ISREG(f.st_.st_mode)) {  // swapped after the stat: judged by what was opened
    ::close(fd);
    return f;
  }
  if (const int flags = ::fcntl(fd, F_GETFL);
      flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0) {
    f.error_ = errno;
    f.step_ = "fcntl";
    ::close(fd);
    return f;
  }
  f.fd_ = fd;
  return f;
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie
