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

#include "support/files.hpp"

namespace {

namespace fs = std::filesystem;
using kexie::detail::open_regular_file;
using kexie::detail::RegularFile;

TEST(RegularFile, OpensARegularFileBlockingWithItsSize) {
  const kexie_test::TempDir temp("rf-plain");
  const fs::path& dir = temp.path;
  const fs::path path = dir / "marks.csv";
  std::ofstream(path) << "judge,entry\n";
  RegularFile f = open_regular_file(path.c_str());
  ASSERT_TRUE(f);
  EXPECT_EQ(f.error(), 0);
  EXPECT_EQ(f.status().st_size, 12);
  EXPECT_EQ(::fcntl(f.fd(), F_GETFL) & O_NONBLOCK, 0);
  char buf[16] = {};
  EXPECT_EQ(::read(f.fd(), buf, sizeof buf), 12);
}

TEST(RegularFile, ADirectoryIsNotOpened) {
  const kexie_test::TempDir temp("rf-dir");
  const fs::path& dir = temp.path;
  RegularFile f = open_regular_file(dir.c_str());
  EXPECT_FALSE(f);
  EXPECT_EQ(f.fd(), -1);
  EXPECT_EQ(f.error(), 0);
  EXPECT_TRUE(S_ISDIR(f.status().st_mode));
}

TEST(RegularFile, AFifoWithoutAWriterIsReportedWithoutWaiting) {
  const kexie_test::TempDir temp("rf-fifo");
  const fs::path& dir = temp.path;
  const fs::path path = dir / "pipe";
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  RegularFile f = open_regular_file(path.c_str());  // would hang if it opened blocking
  EXPECT_FALSE(f);
  EXPECT_EQ(f.error(), 0);
  EXPECT_TRUE(S_ISFIFO(f.status().st_mode));
}

TEST(RegularFile, AMissingPathGivesItsErrno) {
  const kexie_test::TempDir temp("rf-missing");
  const fs::path& dir = temp.path;
  RegularFile f = open_regular_file((dir / "absent.csv").c_str());
  EXPECT_FALSE(f);
  EXPECT_EQ(f.error(), ENOENT);
}

TEST(RegularFile, ReleaseHandsTheDescriptorOverAndMovesTransferIt) {
  const kexie_test::TempDir temp("rf-release");
  const fs::path& dir = temp.path;
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
}

}  // namespace
