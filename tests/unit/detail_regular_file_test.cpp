// Tests for src/detail/regular_file.hpp: only a regular file is opened; a directory, a
// FIFO without a writer and a missing path are reported without blocking, each with
// what was found; the descriptor is owned, released and closed as documented.
#include "detail/regular_file.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

namespace {

namespace fs = std::filesystem;
using kexie::detail::open_regular_file;
using kexie::detail::RegularFile;

fs::path fresh_dir(const std::string& name) {
  const fs::path dir =
      fs::path(::testing::TempDir()) / ("kxrf-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(RegularFile, OpensARegularFileBlockingWithItsSize) {
  const fs::path dir = fresh_dir("plain");
  const fs::path path = dir / "marks.csv";
  std::ofstream(path) << "judge,entry\n";
  RegularFile f = open_regular_file(path.c_str());
  ASSERT_TRUE(f);
  EXPECT_EQ(f.error(), 0);
  EXPECT_EQ(f.status().st_size, 12);
  EXPECT_EQ(::fcntl(f.fd(), F_GETFL) & O_NONBLOCK, 0);
  char buf[16] = {};
  EXPECT_EQ(::read(f.fd(), buf, sizeof buf), 12);
  fs::remove_all(dir);
}

TEST(RegularFile, ADirectoryIsNotOpened) {
  const fs::path dir = fresh_dir("dir");
  RegularFile f = open_regular_file(dir.c_str());
  EXPECT_FALSE(f);
  EXPECT_EQ(f.fd(), -1);
  EXPECT_EQ(f.error(), 0);
  EXPECT_TRUE(S_ISDIR(f.status().st_mode));
  fs::remove_all(dir);
}

TEST(RegularFile, AFifoWithoutAWriterIsReportedWithoutWaiting) {
  const fs::path dir = fresh_dir("fifo");
  const fs::path path = dir / "pipe";
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  RegularFile f = open_regular_file(path.c_str());  // would hang if it opened blocking
  EXPECT_FALSE(f);
  EXPECT_EQ(f.error(), 0);
  EXPECT_TRUE(S_ISFIFO(f.status().st_mode));
  fs::remove_all(dir);
}

TEST(RegularFile, AMissingPathGivesItsErrno) {
  const fs::path dir = fresh_dir("missing");
  RegularFile f = open_regular_file((dir / "absent.csv").c_str());
  EXPECT_FALSE(f);
  EXPECT_EQ(f.error(), ENOENT);
  fs::remove_all(dir);
}

TEST(RegularFile, ReleaseHandsTheDescriptorOverAndMovesTransferIt) {
  const fs::path dir = fresh_dir("release");
  const fs::path path = dir / "a.csv";
  std::ofstream(path) << "x\n";
  RegularFile f = open_regular_file(path.c_str());
  ASSERT_TRUE(f);
  RegularFile g = std::move(f);
  EXPECT_FALSE(f);  // NOLINT(bugprone-use-after-move): the moved-from state is documented
  ASSERT_TRUE(g);
  const int fd = g.release();
  EXPECT_FALSE(g);
  EXPECT_EQ(g.release(), -1);
  EXPECT_EQ(::fcntl(fd, F_GETFD) >= 0, true);  // still open: released, not closed
  ::close(fd);
  fs::remove_all(dir);
}

}  // namespace
