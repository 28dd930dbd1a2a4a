// Tests for what snapshot saving and loading do to the file system around them
// (issue 16, items 10–13): a load refuses at once anything that is not a regular
// file — a FIFO without a writer above all, which used to block forever; a save
// replaces only a regular file with an ordinary mode, or creates one, and writes
// nothing when it refuses; a save never removes files beside its target that it
// did not make (another host's save in progress looks like a dead process's
// leftover), and `remove_snapshot_leftovers` removes exactly what killed saves
// left; names of the legal maximum length save and load, and the temporary names
// stay within NAME_MAX. The C API reports the same refusals as KX_EIO. Every
// file is made in the test's own temporary directory; devices are simulated
// through the FileOps seam, never touched.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "kexie/snapshot.hpp"
#include "kexie/sys/file_ops.hpp"
#include "support/files.hpp"
#include "support/snapshot_world.hpp"
#ifdef KEXIE_TEST_C_API
#include "kexie/kexie.h"
#endif

namespace fs = std::filesystem;
using kexie::ErrorCode;
using Bytes = std::vector<std::byte>;

namespace {

using kexie_test::read_file;
using kexie_test::write_file;

/// A fresh, empty directory for one test, with a short name (a socket's path
/// must fit 108 bytes).
fs::path fresh_dir(const std::string& name) {
  const fs::path dir =
      fs::path(::testing::TempDir()) / ("kxf-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

unsigned mode_of(const fs::path& path) {
  struct stat st {};
  EXPECT_EQ(::lstat(path.c_str(), &st), 0) << path;
  return static_cast<unsigned>(st.st_mode);
}

/// A snapshot of a small registry, and a different one to save over it.
struct Files {
  kexie::Registry before = kexie_test::kill_state(2);
  kexie::Registry after = kexie_test::kill_state(5);
  Bytes before_bytes = kexie::save_snapshot(before).value();
  Bytes after_bytes = kexie::save_snapshot(after).value();
};

/// Runs `load` on another thread and waits at most 10 s for it, so a load that
/// blocks fails the test instead of hanging it; `unblock` then releases it.
template <class Load, class Unblock>
kexie::Result<kexie::Snapshot> load_within_seconds(Load load, Unblock unblock) {
  std::packaged_task<kexie::Result<kexie::Snapshot>()> task(load);
  auto result = task.get_future();
  std::thread worker(std::move(task));
  if (result.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
    ADD_FAILURE() << "the load did not return within 10 s";
    unblock();
  }
  worker.join();
  return result.get();
}

/// Opens the FIFO for writing, which releases a reader blocked in open().
void release_fifo(const fs::path& fifo) {
  const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
  if (fd >= 0) ::close(fd);
}

/// A Unix-domain socket bound at `path`, closed on destruction (the node stays).
struct BoundSocket {
  int fd = -1;
  explicit BoundSocket(const fs::path& path) {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path.string().size() >= sizeof addr.sun_path) return;
    std::strcpy(addr.sun_path, path.c_str());
    fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd >= 0 && ::bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
      ::close(fd);
      fd = -1;
    }
  }
  ~BoundSocket() {
    if (fd >= 0) ::close(fd);
  }
  BoundSocket(const BoundSocket&) = delete;
  BoundSocket& operator=(const BoundSocket&) = delete;
};

// --- loading: only a regular file ----------------------------------------------------------

TEST(SnapshotLoadFile, FifoWithoutAWriterIsRefusedAtOnce) {
  const fs::path dir = fresh_dir("fifo-load");
  const fs::path fifo = dir / "pipe.kxs";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const auto started = std::chrono::steady_clock::now();
  auto r =
      load_within_seconds([&] { return kexie::load_snapshot(fifo); }, [&] { release_fifo(fifo); });
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.code(), ErrorCode::io_error);
  EXPECT_TRUE(contains(r.error().message(), fifo.string())) << r.error();
  EXPECT_TRUE(contains(r.error().message(), "FIFO")) << r.error();
  EXPECT_TRUE(contains(r.error().message(), "not a regular file")) << r.error();
  EXPECT_EQ(r.error().rule(), "snapshot.regular_file");
  fs::remove_all(dir);
}

TEST(SnapshotLoadFile, LinkToAFifoIsRefusedAtOnce) {
  const fs::path dir = fresh_dir("fifo-link");
  ASSERT_EQ(::mkfifo((dir / "pipe").c_str(), 0600), 0);
  fs::create_symlink("pipe", dir / "snap.kxs");
  auto r = load_within_seconds([&] { return kexie::load_snapshot(dir / "snap.kxs"); },
                               [&] { release_fifo(dir / "pipe"); });
  ASSERT_EQ(r.code(), ErrorCode::io_error);
  EXPECT_TRUE(contains(r.error().message(), "FIFO")) << r.error();
  fs::remove_all(dir);
}

TEST(SnapshotLoadFile, DirectoryAndSocketAreRefusedByName) {
  const fs::path dir = fresh_dir("kinds-load");
  fs::create_directory(dir / "d.kxs");
  auto d = kexie::load_snapshot(dir / "d.kxs");
  ASSERT_EQ(d.code(), ErrorCode::io_error);
  EXPECT_TRUE(contains(d.error().message(), "a directory")) << d.error();
  EXPECT_TRUE(contains(d.error().message(), (dir / "d.kxs").string())) << d.error();

  const BoundSocket socket(dir / "s.kxs");
  ASSERT_GE(socket.fd, 0) << "cannot bind a socket in " << dir;
  auto s = kexie::load_snapshot(dir / "s.kxs");
  ASSERT_EQ(s.code(), ErrorCode::io_error);
  EXPECT_TRUE(contains(s.error().message(), "a socket")) << s.error();
  fs::remove_all(dir);
}

TEST(SnapshotLoadFile, LinkToARegularFileLoads) {
  // A load follows links: only what they end at must be a regular file.
  const Files f;
  const fs::path dir = fresh_dir("link-load");
  write_file(dir / "real.kxs", f.before_bytes);
  fs::create_symlink("real.kxs", dir / "link.kxs");
  auto r = kexie::load_snapshot(dir / "link.kxs");
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(r->registry().digest(), f.before.digest());
  fs::remove_all(dir);
}

// --- saving: only over a regular file, or nothing ----------------------------------------

/// Checks that `s` is the refusal of `rule` for `path`, with `words` in it.
void expect_refused(const kexie::Status& s, const fs::path& path, const std::string& rule,
                    const std::vector<std::string>& words) {
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::io_error);
  const std::string& m = s.error().message();
  EXPECT_TRUE(contains(m, path.string())) << m;
  EXPECT_TRUE(contains(m, "refused by the " + rule + " rule")) << m;
  std::string id = "snapshot." + rule;
  std::replace(id.begin(), id.end(), '-', '_');
  EXPECT_EQ(s.error().rule(), id);
  for (const std::string& w : words) EXPECT_TRUE(contains(m, w)) << "wants '" << w << "': " << m;
}

TEST(SnapshotSaveTarget, SymbolicLinkIsRefusedAndNothingIsWritten) {
  const Files f;
  const fs::path dir = fresh_dir("link-save");
  write_file(dir / "real.kxs", f.before_bytes);
  fs::create_symlink("real.kxs", dir / "link.kxs");
  expect_refused(kexie::save_snapshot(f.after, dir / "link.kxs"), dir / "link.kxs", "regular-file",
                 {"symbolic link"});
  EXPECT_TRUE(fs::is_symlink(dir / "link.kxs")) << "the link is still a link";
  EXPECT_EQ(fs::read_symlink(dir / "link.kxs"), fs::path("real.kxs"));
  EXPECT_EQ(read_file(dir / "real.kxs"), f.before_bytes) << "what it names is untouched";
  EXPECT_EQ(listing(dir), (std::vector<std::string>{"link.kxs", "real.kxs"}));
  fs::remove_all(dir);
}

TEST(SnapshotSaveTarget, DanglingLinkIsRefusedAndItsTargetNotCreated) {
  const Files f;
  const fs::path dir = fresh_dir("dangling");
  fs::create_symlink("nowhere.kxs", dir / "link.kxs");
  expect_refused(kexie::save_snapshot(f.after, dir / "link.kxs"), dir / "link.kxs", "regular-file",
                 {"symbolic link"});
  EXPECT_EQ(listing(dir), std::vector<std::string>{"link.kxs"});
  EXPECT_TRUE(fs::is_symlink(dir / "link.kxs"));
  fs::remove_all(dir);
}

TEST(SnapshotSaveTarget, FifoDirectoryAndSocketAreRefusedAndKept) {
  const Files f;
  const fs::path dir = fresh_dir("kinds-save");
  ASSERT_EQ(::mkfifo((dir / "pipe.kxs").c_str(), 0600), 0);
  fs::create_directory(dir / "dir.kxs");
  write_file(dir / "dir.kxs" / "inside", f.before_bytes);
  const BoundSocket socket(dir / "sock.kxs");
  ASSERT_GE(socket.fd, 0);

  expect_refused(kexie::save_snapshot(f.after, dir / "pipe.kxs"), dir / "pipe.kxs", "regular-file",
                 {"FIFO"});
  EXPECT_TRUE(S_ISFIFO(mode_of(dir / "pipe.kxs"))) << "still a FIFO";
  expect_refused(kexie::save_snapshot(f.after, dir / "dir.kxs"), dir / "dir.kxs", "regular-file",
                 {"a directory"});
  EXPECT_EQ(read_file(dir / "dir.kxs" / "inside"), f.before_bytes);
  expect_refused(kexie::save_snapshot(f.after, dir / "sock.kxs"), dir / "sock.kxs", "regular-file",
                 {"a socket"});
  EXPECT_TRUE(S_ISSOCK(mode_of(dir / "sock.kxs"))) << "still a socket";
  EXPECT_EQ(listing(dir), (std::vector<std::string>{"dir.kxs", "pipe.kxs", "sock.kxs"}))
      << "no temporary file was made";
  fs::remove_all(dir);
}

/// The POSIX operations, except that `status` reports a device node at `device`;
/// counts the files a save creates.
class DeviceOps final : public kexie::FileOps {
 public:
  DeviceOps(fs::path device, unsigned mode) : device_(std::move(device)), mode_(mode) {}
  int created = 0;
  std::error_code status(const fs::path& path, unsigned& mode) override {
    if (path == device_) {
      mode = mode_;
      return {};
    }
    return FileOps::status(path, mode);
  }
  std::error_code create(const fs::path& path, unsigned mode, int& fd) override {
    ++created;
    return FileOps::create(path, mode, fd);
  }

 private:
  fs::path device_;
  unsigned mode_;
};

TEST(SnapshotSaveTarget, DevicesAreRefusedBeforeAnythingIsCreated) {
  // As root, saving to /dev/full used to replace the device node by a regular
  // file. The seam stands in for the device: the test never touches /dev.
  const Files f;
  const fs::path dir = fresh_dir("device");
  for (const auto& [mode, kind] : {std::pair{unsigned{S_IFCHR | 0666}, "a character device"},
                                   std::pair{unsigned{S_IFBLK | 0660}, "a block device"}}) {
    DeviceOps ops(dir / "full", mode);
    expect_refused(kexie::save_snapshot(f.after, dir / "full", {.file_ops = &ops}), dir / "full",
                   "regular-file", {kind});
    EXPECT_EQ(ops.created, 0) << kind;
  }
  EXPECT_EQ(listing(dir), std::vector<std::string>{});
  fs::remove_all(dir);
}

TEST(SnapshotSaveTarget, UnsafeModesAreRefusedUnlessAsked) {
  const Files f;
  const fs::path dir = fresh_dir("modes");
  const fs::path path = dir / "registry.kxs";
  struct Case {
    unsigned mode;
    const char* words;
  };
  for (const Case c : {Case{0666, "world-writable"}, Case{0602, "world-writable"},
                       Case{04755, "setuid"}, Case{02755, "setgid"}, Case{01644, "sticky"},
                       Case{06777, "setuid, setgid, world-writable"}}) {
    SCOPED_TRACE(std::to_string(c.mode));
    write_file(path, f.before_bytes);
    ASSERT_EQ(::chmod(path.c_str(), c.mode), 0);
    ASSERT_EQ(mode_of(path) & 07777, c.mode) << "the file system kept the bits";
    expect_refused(kexie::save_snapshot(f.after, path), path, "unsafe-mode",
                   {c.words, "allow_unsafe_modes"});
    EXPECT_EQ(read_file(path), f.before_bytes) << "the file is untouched";
    EXPECT_EQ(mode_of(path) & 07777, c.mode) << "and keeps its mode";
    EXPECT_EQ(listing(dir), std::vector<std::string>{"registry.kxs"}) << "nothing was written";
    // Asked explicitly, the save replaces it, with the mode the save asks for.
    const kexie::Status asked = kexie::save_snapshot(f.after, path, {.allow_unsafe_modes = true});
    ASSERT_TRUE(asked.ok()) << asked.error();
    EXPECT_EQ(read_file(path), f.after_bytes);
    EXPECT_EQ(mode_of(path) & 07777, 0644u);
    fs::remove(path);
  }
  // The message spells the mode in octal.
  write_file(path, f.before_bytes);
  ASSERT_EQ(::chmod(path.c_str(), 0666), 0);
  EXPECT_TRUE(contains(kexie::save_snapshot(f.after, path).error().message(), "mode 0666"));
  // Ordinary modes, read-only ones included, are replaced without being asked.
  for (unsigned mode : {0600u, 0644u, 0664u, 0444u, 0400u}) {
    ASSERT_EQ(::chmod(path.c_str(), mode), 0);
    const kexie::Status s = kexie::save_snapshot(f.after, path);
    EXPECT_TRUE(s.ok()) << std::oct << mode << ": " << s.error();
  }
  fs::remove_all(dir);
}

TEST(SnapshotSaveTarget, EmptyFileNameIsInvalid) {
  const Files f;
  const fs::path dir = fresh_dir("noname");
  const kexie::Status s = kexie::save_snapshot(f.after, dir / "");
  EXPECT_EQ(s.code(), ErrorCode::invalid_argument) << s.error();
  EXPECT_EQ(listing(dir), std::vector<std::string>{});
  EXPECT_EQ(kexie::remove_snapshot_leftovers(dir / "").code(), ErrorCode::invalid_argument);
  fs::remove_all(dir);
}

// --- names of the maximum length ---------------------------------------------------------

/// The POSIX operations with a rename that always fails and a removal of the
/// temporary file that fails too: a save through them leaves its temporary file
/// behind, the way a killed save does.
class StrandingOps final : public kexie::FileOps {
 public:
  std::vector<fs::path> created;
  std::error_code create(const fs::path& path, unsigned mode, int& fd) override {
    created.push_back(path);
    return FileOps::create(path, mode, fd);
  }
  std::error_code rename(const fs::path&, const fs::path&) override {
    return std::make_error_code(std::errc::io_error);
  }
  std::error_code remove(const fs::path& path) override {
    if (path.extension() == ".tmp") return std::make_error_code(std::errc::permission_denied);
    return FileOps::remove(path);
  }
};

/// The temporary file a stranded save to `path` leaves (a whole snapshot).
fs::path strand(const kexie::Registry& reg, const fs::path& path) {
  StrandingOps ops;
  EXPECT_FALSE(kexie::save_snapshot(reg, path, {.file_ops = &ops}).ok());
  EXPECT_EQ(ops.created.size(), 1u);
  return ops.created.empty() ? fs::path() : ops.created.front();
}

bool is_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80         ? 1
                          : (c >> 5) == 6  ? 2
                          : (c >> 4) == 14 ? 3
                          : (c >> 3) == 30 ? 4
                                           : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

TEST(SnapshotSaveNames, NamesOf255BytesSaveLoadAndSaveAgain) {
  const Files f;
  const fs::path dir = fresh_dir("long");
  std::string cjk;
  for (int i = 0; i < 85; ++i) cjk += "科";  // 3 bytes each
  for (const std::string& name : {std::string(251, 'n') + ".kxs", cjk, std::string(244, 'x')}) {
    SCOPED_TRACE(std::to_string(name.size()) + " bytes");
    const fs::path path = dir / name;
    // The first save creates the file; the second replaces it (and so also
    // makes the second name of the previous file).
    const kexie::Status first = kexie::save_snapshot(f.before, path);
    ASSERT_TRUE(first.ok()) << first.error();
    const kexie::Status second = kexie::save_snapshot(f.after, path);
    ASSERT_TRUE(second.ok()) << second.error();
    auto r = kexie::load_snapshot(path);
    ASSERT_TRUE(r.ok()) << r.error();
    EXPECT_EQ(r->registry().digest(), f.after.digest());
    EXPECT_EQ(listing(dir), std::vector<std::string>{name});
    // A stranded temporary name fits NAME_MAX, is hidden, begins with the
    // file's name and is still UTF-8 when that name is.
    const fs::path temp = strand(f.after, path);
    const std::string t = temp.filename().string();
    EXPECT_LE(t.size(), 255u);
    EXPECT_EQ(t[0], '.');
    EXPECT_EQ(name.rfind(t.substr(1, 100), 0), 0u) << t;
    EXPECT_TRUE(is_utf8(t)) << t;
    EXPECT_EQ(read_file(path), f.after_bytes) << "the stranded save left the file alone";
    ASSERT_TRUE(kexie::remove_snapshot_leftovers(path).ok());
    fs::remove(path);
  }
  fs::remove_all(dir);
}

// --- leftovers: a save removes only its own files ------------------------------------------

TEST(SnapshotLeftovers, ASaveNeverRemovesSiblingsItDidNotMake) {
  // Hidden files beside the target that look like a dead process's leftovers —
  // named with a process id that runs nowhere here — may be a save in progress
  // on another host or in another container sharing the directory. A save must
  // leave every one of them, byte for byte.
  const Files f;
  const fs::path dir = fresh_dir("siblings");
  const fs::path path = dir / "registry.kxs";
  const pid_t dead = ::fork();
  if (dead == 0) ::_exit(0);
  ASSERT_GT(dead, 0);
  ASSERT_EQ(::waitpid(dead, nullptr, 0), dead);
  const std::string pid = std::to_string(dead);
  const std::vector<std::string> foreign = {".registry.kxs." + pid + ".0.tmp",
                                            ".registry.kxs." + pid + ".1.old",
                                            ".registry.kxs.999999999.7.tmp", ".other.kxs.1.0.tmp"};
  for (const std::string& name : foreign) write_file(dir / name, f.before_bytes);
  // Another host's save in progress, under this library's own naming: a
  // temporary file and the second name of the previous version.
  const fs::path in_progress = strand(f.before, path);
  fs::path in_progress_old = in_progress;
  in_progress_old.replace_extension(".old");
  write_file(in_progress_old, f.before_bytes);
  const std::vector<std::string> before = listing(dir);

  for (int i = 0; i < 3; ++i) {
    const kexie::Status s = kexie::save_snapshot(i % 2 == 0 ? f.after : f.before, path);
    ASSERT_TRUE(s.ok()) << s.error();
  }
  std::vector<std::string> expected = before;
  expected.push_back("registry.kxs");
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(listing(dir), expected) << "every sibling survives the saves";
  for (const std::string& name : foreign) EXPECT_EQ(read_file(dir / name), f.before_bytes) << name;
  EXPECT_EQ(read_file(in_progress), f.before_bytes);
  fs::remove_all(dir);
}

TEST(SnapshotLeftovers, RemoveSnapshotLeftoversRemovesExactlyWhatSavesLeft) {
  const Files f;
  const fs::path dir = fresh_dir("remove");
  const fs::path path = dir / "registry.kxs";
  ASSERT_TRUE(kexie::save_snapshot(f.before, path).ok());
  // Two stranded saves: each has its own random name.
  const fs::path a = strand(f.after, path);
  const fs::path b = strand(f.after, path);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.filename().string().rfind(".registry.kxs.", 0), 0u) << a;
  fs::path a_old = a;
  a_old.replace_extension(".old");
  write_file(a_old, f.before_bytes);
  // Not ours: another file's leftovers, the old pid-based names, a name that
  // differs in one place, and a link and a directory under a leftover's name.
  const fs::path other = strand(f.after, dir / "other.kxs");
  std::string near = b.filename().string();
  near.back() = 'x';  // ".tmx"
  std::string upper = b.filename().string();
  upper[upper.size() - 6] = 'G';  // not a hex digit of the token
  const std::vector<std::string> kept_names = {".registry.kxs.12345.0.tmp", near, upper};
  for (const std::string& name : kept_names) write_file(dir / name, f.before_bytes);
  std::string as_link = a.filename().string();
  as_link.replace(as_link.size() - 8, 4, "0000");
  fs::create_symlink("registry.kxs", dir / as_link);
  std::string as_dir = a.filename().string();
  as_dir.replace(as_dir.size() - 8, 4, "1111");
  fs::create_directory(dir / as_dir);

  auto removed = kexie::remove_snapshot_leftovers(path);
  ASSERT_TRUE(removed.ok()) << removed.error();
  std::vector<fs::path> want = {a, a_old, b};
  std::sort(want.begin(), want.end());
  EXPECT_EQ(*removed, want);
  std::vector<std::string> expected = kept_names;
  for (const std::string& n :
       {std::string("registry.kxs"), other.filename().string(), as_link, as_dir})
    expected.push_back(n);
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(listing(dir), expected);
  EXPECT_EQ(read_file(path), f.before_bytes) << "the snapshot itself is never a leftover";
  // Nothing left: a second call removes nothing.
  auto again = kexie::remove_snapshot_leftovers(path);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty());
  fs::remove_all(dir);
}

TEST(SnapshotLeftovers, AFailedRemovalIsReportedByNameAndTheRestRemoved) {
  const Files f;
  const fs::path dir = fresh_dir("remove-fail");
  const fs::path path = dir / "registry.kxs";
  const fs::path a = strand(f.after, path);
  const fs::path b = strand(f.after, path);
  struct FailFirst final : kexie::FileOps {
    fs::path refuse;
    std::error_code remove(const fs::path& p) override {
      if (p == refuse) return std::make_error_code(std::errc::permission_denied);
      return FileOps::remove(p);
    }
  } ops;
  ops.refuse = std::min(a, b);
  auto r = kexie::remove_snapshot_leftovers(path, &ops);
  ASSERT_EQ(r.code(), ErrorCode::io_error);
  EXPECT_TRUE(contains(r.error().message(), ops.refuse.string())) << r.error();
  EXPECT_EQ(listing(dir), std::vector<std::string>{ops.refuse.filename().string()});
  fs::remove_all(dir);
}

// --- the C API ---------------------------------------------------------------------------

#ifdef KEXIE_TEST_C_API

TEST(SnapshotFilesC, RefusalsAreKxEioWithTheMessage) {
  const fs::path dir = fresh_dir("c");
  kx_registry* reg = nullptr;
  ASSERT_EQ(kx_registry_new(&reg, nullptr), KX_OK);

  const fs::path fifo = dir / "pipe.kxs";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::packaged_task<int()> task([&] {
    kx_snapshot* snap = nullptr;
    const int rc = kx_snapshot_load(&snap, fifo.c_str());
    const std::string message = kx_error_last()->message;
    EXPECT_TRUE(contains(message, "FIFO")) << message;
    kx_snapshot_free(snap);
    return rc;
  });
  auto rc = task.get_future();
  std::thread worker(std::move(task));
  if (rc.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
    ADD_FAILURE() << "kx_snapshot_load on a FIFO did not return within 10 s";
    release_fifo(fifo);
  }
  worker.join();
  EXPECT_EQ(rc.get(), KX_EIO);

  EXPECT_EQ(kx_snapshot_save(fifo.c_str(), reg, nullptr, 0, nullptr, 0, nullptr), KX_EIO);
  EXPECT_TRUE(contains(kx_error_last()->message, "regular-file")) << kx_error_last()->message;
  const fs::path link = dir / "link.kxs";
  fs::create_symlink("pipe.kxs", link);
  EXPECT_EQ(kx_snapshot_save(link.c_str(), reg, nullptr, 0, nullptr, 0, nullptr), KX_EIO);
  EXPECT_TRUE(contains(kx_error_last()->message, "symbolic link")) << kx_error_last()->message;
  const fs::path shared = dir / "shared.kxs";
  ASSERT_EQ(kx_snapshot_save(shared.c_str(), reg, nullptr, 0, nullptr, 0, nullptr), KX_OK);
  ASSERT_EQ(::chmod(shared.c_str(), 0666), 0);
  EXPECT_EQ(kx_snapshot_save(shared.c_str(), reg, nullptr, 0, nullptr, 0, nullptr), KX_EIO);
  EXPECT_TRUE(contains(kx_error_last()->message, "world-writable")) << kx_error_last()->message;
  EXPECT_STREQ(kx_error_last()->rule, "snapshot.unsafe_mode");
  EXPECT_EQ(listing(dir), (std::vector<std::string>{"link.kxs", "pipe.kxs", "shared.kxs"}));
  kx_registry_free(reg);
  fs::remove_all(dir);
}
#endif  // KEXIE_TEST_C_API

}  // namespace
