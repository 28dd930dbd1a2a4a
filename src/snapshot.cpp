// Snapshot files: the frame around the Boost.Serialization payload, the checks
// a load makes before Boost reads a byte, the crash-safe save through the
// FileOps seam, and the Snapshot class. The frame is described byte by byte in
// docs/formats.md; the payload's records live in snapshot_registry.cpp,
// snapshot_activity.cpp and snapshot_campaign.cpp.
#include "kexie/snapshot.hpp"
#include "kexie/sys/file_ops.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <boost/archive/archive_exception.hpp>
#include <cerrno>
#include <cstring>
#include <new>
#include <string>
#include <utility>

#include "activity_state.hpp"
#include "campaign_state.hpp"
#include "detail/sha256.hpp"
#include "snapshot_archive.hpp"
#include "snapshot_contents.hpp"

namespace kexie {
inline namespace v1 {

// ---- Snapshot and SnapshotView ------------------------------------------------------------

Snapshot::Snapshot(Registry registry)
    : impl_(std::make_unique<detail::SnapshotImpl>(
          detail::SnapshotImpl{std::move(registry), {}, {}})) {}
Snapshot::Snapshot(std::unique_ptr<detail::SnapshotImpl> impl) noexcept : impl_(std::move(impl)) {}
Snapshot::~Snapshot() = default;
Snapshot::Snapshot(Snapshot&&) noexcept = default;
Snapshot& Snapshot::operator=(Snapshot&&) noexcept = default;

Registry& Snapshot::registry() noexcept { return impl_->registry; }
const Registry& Snapshot::registry() const noexcept { return impl_->registry; }
std::span<ActivityBook> Snapshot::activity_books() noexcept { return impl_->books; }
std::span<const ActivityBook> Snapshot::activity_books() const noexcept { return impl_->books; }
std::span<Campaign> Snapshot::campaigns() noexcept { return impl_->campaigns; }
std::span<const Campaign> Snapshot::campaigns() const noexcept { return impl_->campaigns; }

ActivityBook& Snapshot::add_activity_book(LifecyclePolicy policy) {
  return impl_->books.emplace_back(impl_->registry, std::move(policy));
}

Campaign& Snapshot::add_campaign(CampaignSpec spec) {
  return impl_->campaigns.emplace_back(impl_->registry, std::move(spec));
}

SnapshotView::SnapshotView(const Registry& registry) noexcept : registry_(&registry) {}

SnapshotView::SnapshotView(const Snapshot& snapshot) : registry_(&snapshot.registry()) {
  for (const ActivityBook& b : snapshot.activity_books()) books_.push_back(&b);
  for (const Campaign& c : snapshot.campaigns()) campaigns_.push_back(&c);
}

SnapshotView& SnapshotView::add(const ActivityBook& book) {
  books_.push_back(&book);
  return *this;
}

SnapshotView& SnapshotView::add(const Campaign& campaign) {
  campaigns_.push_back(&campaign);
  return *this;
}

// ---- FileOps: POSIX -------------------------------------------------------------------------

namespace {

std::error_code last_error() { return {errno, std::generic_category()}; }

}  // namespace

FileOps::~FileOps() = default;

std::error_code FileOps::create(const std::filesystem::path& path, unsigned mode, int& fd) {
  fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return last_error();
  // The mode is set explicitly, whatever the process umask.
  if (::fchmod(fd, static_cast<mode_t>(mode & 07777)) != 0) {
    const std::error_code ec = last_error();
    ::close(fd);
    ::unlink(path.c_str());
    fd = -1;
    return ec;
  }
  return {};
}

std::error_code FileOps::write(int fd, std::span<const std::byte> bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), std::min<std::size_t>(bytes.size(), 1 << 30));
    if (n < 0) {
      if (errno == EINTR) continue;
      return last_error();
    }
    bytes = bytes.subspan(static_cast<std::size_t>(n));
  }
  return {};
}

std::error_code FileOps::write_at(int fd, std::uint64_t offset, std::span<const std::byte> bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::pwrite(fd, bytes.data(), std::min<std::size_t>(bytes.size(), 1 << 30),
                               static_cast<off_t>(offset));
    if (n < 0) {
      if (errno == EINTR) continue;
      return last_error();
    }
    bytes = bytes.subspan(static_cast<std::size_t>(n));
    offset += static_cast<std::uint64_t>(n);
  }
  return {};
}

std::error_code FileOps::sync(int fd) {
  return ::fsync(fd) == 0 ? std::error_code() : last_error();
}

std::error_code FileOps::close(int fd) {
  return ::close(fd) == 0 ? std::error_code() : last_error();
}

std::error_code FileOps::rename(const std::filesystem::path& from,
                                const std::filesystem::path& to) {
  return ::rename(from.c_str(), to.c_str()) == 0 ? std::error_code() : last_error();
}

std::error_code FileOps::link(const std::filesystem::path& from, const std::filesystem::path& to) {
  return ::link(from.c_str(), to.c_str()) == 0 ? std::error_code() : last_error();
}

std::error_code FileOps::sync_directory(const std::filesystem::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return last_error();
  const int rc = ::fsync(fd);
  const std::error_code ec = rc == 0 ? std::error_code() : last_error();
  ::close(fd);
  return ec;
}

std::error_code FileOps::remove(const std::filesystem::path& path) {
  return ::unlink(path.c_str()) == 0 ? std::error_code() : last_error();
}

FileOps& FileOps::posix() noexcept {
  static FileOps ops;
  return ops;
}

// ---- the frame ------------------------------------------------------------------------------

namespace {

using detail::SnapshotFailure;

constexpr std::array<std::uint8_t, 8> kMagic = {0x89, 'K', 'X', 'S', 'N', 'A', 'P', '\n'};
constexpr std::size_t kHeaderSize = 72;
constexpr std::uint32_t kByteOrderMark = 0x01020304;
// The widths Boost's binary archives depend on; a file from a machine where any
// differs cannot be read here.
constexpr std::array<std::uint8_t, 8> kWidths = {sizeof(bool),   sizeof(short),      sizeof(int),
                                                 sizeof(long),   sizeof(long long),  sizeof(float),
                                                 sizeof(double), sizeof(std::size_t)};
constexpr unsigned kArchiveFlags = boost::archive::no_header | boost::archive::no_codecvt;

void put_le(std::byte* at, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) at[i] = static_cast<std::byte>((v >> (8 * i)) & 0xFF);
}

std::uint64_t get_le(const std::byte* at, int bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v |= std::to_integer<std::uint64_t>(at[i]) << (8 * i);
  return v;
}

std::span<const std::uint8_t> as_u8(std::span<const std::byte> b) {
  return {reinterpret_cast<const std::uint8_t*>(b.data()), b.size()};
}

Error failure(ErrorCode code, const std::string& what) { return Error(code, "snapshot: " + what); }

}  // namespace

namespace detail {

void SnapshotRecord::save(Writer& w) const {
  const SnapshotView& view = *value->view;
  RegistryRecord registry{&w, nullptr, const_cast<Registry*>(&view.registry())};
  w.record(registry);
  w.count(view.activity_books().size());
  for (const ActivityBook* b : view.activity_books()) {
    BookContents contents{b, nullptr, std::nullopt};
    ActivityBookRecord rec{&w, nullptr, &contents};
    w.record(rec);
  }
  w.count(view.campaigns().size());
  for (const Campaign* c : view.campaigns()) {
    CampaignContents contents{c, nullptr, std::nullopt};
    CampaignRecord rec{&w, nullptr, &contents};
    w.record(rec);
  }
}

void SnapshotRecord::load(Reader& r, unsigned) {
  SnapshotImpl& out = *value->loaded;
  RegistryRecord registry{nullptr, &r, &out.registry};
  r.record(registry);
  const std::size_t books = r.count(16, "activity books");
  for (std::size_t i = 0; i < books; ++i) {
    BookContents contents{nullptr, &out.registry, std::nullopt};
    ActivityBookRecord rec{nullptr, &r, &contents};
    r.record(rec);
    out.books.push_back(std::move(*contents.loaded));
  }
  const std::size_t campaigns = r.count(16, "campaigns");
  for (std::size_t i = 0; i < campaigns; ++i) {
    CampaignContents contents{nullptr, &out.registry, std::nullopt};
    CampaignRecord rec{nullptr, &r, &contents};
    r.record(rec);
    out.campaigns.push_back(std::move(*contents.loaded));
  }
}

}  // namespace detail

namespace {

Status check_view(const SnapshotView& view) {
  for (const ActivityBook* b : view.activity_books())
    if (&detail::registry_of(*b) != &view.registry())
      return failure(ErrorCode::invalid_argument,
                     "an activity book of the view reads another registry");
  for (const Campaign* c : view.campaigns())
    if (&detail::registry_of(*c) != &view.registry())
      return failure(ErrorCode::invalid_argument, "a campaign of the view reads another registry");
  return {};
}

/// Writes the payload of `view` to `sink`.
void encode(const SnapshotView& view, std::streambuf& sink) {
  boost::archive::binary_oarchive archive(sink, kArchiveFlags);
  detail::Writer writer(archive);
  detail::SnapshotContents contents{&view, nullptr};
  const detail::SnapshotRecord record{&writer, nullptr, &contents};
  archive << record;
}

/// The frame for a payload of `length` bytes whose SHA-256 is `digest`.
std::array<std::byte, kHeaderSize> frame(std::uint64_t length, const detail::Sha256Digest& digest) {
  std::array<std::byte, kHeaderSize> h{};
  std::memcpy(h.data(), kMagic.data(), kMagic.size());
  put_le(h.data() + 8, kSnapshotFormatVersion, 2);
  put_le(h.data() + 10, 0, 2);  // flags: none defined in format 1
  std::memcpy(h.data() + 12, &kByteOrderMark, 4);
  std::memcpy(h.data() + 16, kWidths.data(), kWidths.size());
  put_le(h.data() + 24, length, 8);
  std::memcpy(h.data() + 32, digest.data(), digest.size());
  const auto check = detail::sha256(as_u8(std::span<const std::byte>(h).first(64)));
  std::memcpy(h.data() + 64, check.data(), 8);
  return h;
}

/// Streams a payload to a file through FileOps in 1 MiB chunks, hashing as it
/// goes, so a save never holds the whole payload in memory. A write error stops
/// the archive by an exception and is kept for the caller.
class FileSink : public std::streambuf {
 public:
  struct Failed {};
  FileSink(FileOps& ops, int fd) : ops_(ops), fd_(fd), buffer_(1 << 20) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  /// Writes what is buffered; false (with `error()` set) on failure.
  bool drain() {
    const auto n = static_cast<std::size_t>(pptr() - pbase());
    if (n != 0) emit({reinterpret_cast<const std::byte*>(pbase()), n});
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return !error_;
  }
  [[nodiscard]] std::error_code error() const noexcept { return error_; }
  [[nodiscard]] std::uint64_t length() const noexcept { return length_; }
  detail::Sha256Digest digest() { return sha_.finish(); }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) throw Failed{};
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    const auto room = static_cast<std::streamsize>(epptr() - pptr());
    if (n <= room) {
      std::memcpy(pptr(), s, static_cast<std::size_t>(n));
      pbump(static_cast<int>(n));
      return n;
    }
    // A large block (a column of the registry) goes straight to the file.
    if (!drain()) throw Failed{};
    emit({reinterpret_cast<const std::byte*>(s), static_cast<std::size_t>(n)});
    if (error_) throw Failed{};
    return n;
  }

 private:
  void emit(std::span<const std::byte> bytes) {
    if (error_) return;
    sha_.update(as_u8(bytes));
    error_ = ops_.write(fd_, bytes);
    length_ += bytes.size();
  }

  FileOps& ops_;
  int fd_;
  std::vector<char> buffer_;
  detail::Sha256 sha_;
  std::uint64_t length_ = 0;
  std::error_code error_;
};

}  // namespace

Result<std::vector<std::byte>> save_snapshot(const SnapshotView& view) {
  if (Status ok = check_view(view); !ok) return ok.error();
  std::vector<std::byte> out(kHeaderSize);
  // About 70 bytes a person in a national registry: one allocation instead of a
  // chain of doublings that copy the payload again and again.
  out.reserve(kHeaderSize + 8192 + view.registry().person_count() * 72);
  {
    detail::ByteSink sink(out);
    encode(view, sink);
  }
  const auto payload = std::span<const std::byte>(out).subspan(kHeaderSize);
  const auto header = frame(payload.size(), detail::sha256(as_u8(payload)));
  std::memcpy(out.data(), header.data(), header.size());
  return out;
}

Result<Snapshot> load_snapshot(std::span<const std::byte> bytes) {
  if (bytes.size() < kHeaderSize)
    return failure(ErrorCode::corrupt_data,
                   std::to_string(bytes.size()) + " bytes are shorter than the 72-byte header");
  const std::byte* h = bytes.data();
  if (std::memcmp(h, kMagic.data(), kMagic.size()) != 0)
    return failure(ErrorCode::corrupt_data, "not a kexie snapshot (the magic bytes differ)");
  const auto header = detail::sha256(as_u8(bytes.first(64)));
  if (std::memcmp(h + 64, header.data(), 8) != 0)
    return failure(ErrorCode::corrupt_data, "the header is damaged (its check at byte 64 fails)");
  const auto version = static_cast<std::uint16_t>(get_le(h + 8, 2));
  if (version == 0) return failure(ErrorCode::corrupt_data, "format version 0 was never written");
  if (version > kSnapshotFormatVersion)
    return failure(ErrorCode::unsupported_version, "format version " + std::to_string(version) +
                                                       " is newer than this build reads (" +
                                                       std::to_string(kSnapshotFormatVersion) +
                                                       ")");
  if (const auto flags = get_le(h + 10, 2); flags != 0)
    return failure(ErrorCode::unsupported_version,
                   "flags " + std::to_string(flags) + " are not known to this build");
  if (std::memcmp(h + 12, &kByteOrderMark, 4) != 0)
    return failure(ErrorCode::unsupported_version, "written on a machine of another byte order");
  if (std::memcmp(h + 16, kWidths.data(), kWidths.size()) != 0)
    return failure(ErrorCode::unsupported_version,
                   "written on a machine with other integer or floating-point widths");
  const std::uint64_t length = get_le(h + 24, 8);
  if (length != bytes.size() - kHeaderSize)
    return failure(ErrorCode::corrupt_data,
                   "the header declares a payload of " + std::to_string(length) + " bytes, but " +
                       std::to_string(bytes.size() - kHeaderSize) + " follow it");
  const auto payload = bytes.subspan(kHeaderSize);
  const auto digest = detail::sha256(as_u8(payload));
  if (std::memcmp(h + 32, digest.data(), digest.size()) != 0)
    return failure(ErrorCode::corrupt_data,
                   "the payload's SHA-256 differs from the header's: the file is damaged");

  detail::ByteSource source(payload);
  try {
    auto impl = std::make_unique<detail::SnapshotImpl>(detail::SnapshotImpl{Registry(), {}, {}});
    boost::archive::binary_iarchive archive(source, kArchiveFlags);
    detail::Reader reader(archive, source);
    detail::SnapshotContents contents{nullptr, impl.get()};
    detail::SnapshotRecord record{nullptr, &reader, &contents};
    archive >> record;
    if (source.left() != 0)
      return failure(ErrorCode::corrupt_data,
                     std::to_string(source.left()) + " bytes follow the end of the content");
    return detail::SnapshotImpl::wrap(std::move(impl));
  } catch (const SnapshotFailure& f) {
    return failure(f.code, f.message);
  } catch (const boost::archive::archive_exception& e) {
    return failure(ErrorCode::corrupt_data, std::string("the archive is malformed: ") + e.what() +
                                                " (payload offset " +
                                                std::to_string(source.offset()) + ")");
  } catch (const std::bad_alloc&) {
    return failure(ErrorCode::corrupt_data, "the content needs more memory than it can hold");
  } catch (const std::exception& e) {
    return failure(ErrorCode::corrupt_data, std::string("the content is malformed: ") + e.what());
  }
}

// ---- files ---------------------------------------------------------------------------------

namespace {

/// A name in `dir` no other save (of this or another process) is using.
std::filesystem::path sibling(const std::filesystem::path& path, const char* suffix) {
  static std::atomic<std::uint64_t> counter{0};
  // Appended piece by piece: g++ 12 warns (-Wrestrict, falsely) on "." + string.
  std::string name(1, '.');
  name += path.filename().string();
  name += '.';
  name += std::to_string(::getpid());
  name += '.';
  name += std::to_string(counter++);
  name += suffix;
  return path.parent_path() / name;
}

/// Removes what saves to `path` by processes that no longer run left behind
/// when they were killed: temporary files (whole snapshots) and links to
/// previous versions. A live process's files are left alone.
void sweep(FileOps& ops, const std::filesystem::path& path) {
  std::string prefix(1, '.');  // piecewise: g++ 12 -O2 warns falsely on "." + string
  prefix += path.filename().string();
  prefix += '.';
  const std::filesystem::path dir =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::error_code ec;
  std::vector<std::filesystem::path> stale;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    const bool ours = name.ends_with(".tmp") || name.ends_with(".old");
    const std::size_t dot = name.find('.', prefix.size());
    if (!ours || dot == std::string::npos) continue;
    const std::string pid_text = name.substr(prefix.size(), dot - prefix.size());
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos ||
        pid_text.size() > 9)
      continue;
    const auto pid = static_cast<pid_t>(std::stol(pid_text));
    if (pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH) stale.push_back(it->path());
  }
  for (const auto& p : stale) (void)ops.remove(p);
}

Error io_failure(const std::filesystem::path& path, const char* step, std::error_code ec,
                 const std::string& note = {}) {
  return Error(ErrorCode::io_error, "saving snapshot " + path.string() + ": " + step +
                                        " failed: " + ec.message() + note);
}

}  // namespace

Status save_snapshot(const SnapshotView& view, const std::filesystem::path& path,
                     const SaveOptions& options) {
  if (Status ok = check_view(view); !ok) return ok;
  FileOps& ops = options.file_ops ? *options.file_ops : FileOps::posix();
  const std::filesystem::path dir =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  sweep(ops, path);
  const std::filesystem::path temp = sibling(path, ".tmp");
  int fd = -1;
  if (auto ec = ops.create(temp, options.mode, fd))
    return io_failure(path, "create of the temporary file", ec);
  // From here on, any failure removes the temporary file; a failed fsync is
  // reported at once, never retried (the kernel may have dropped the pages).
  const auto abandon = [&](const char* step, std::error_code ec, bool close_fd) {
    if (close_fd) (void)ops.close(fd);
    (void)ops.remove(temp);
    return io_failure(path, step, ec);
  };
  {
    // The header goes in last, once the payload's length and hash are known.
    const std::array<std::byte, kHeaderSize> placeholder{};
    if (auto ec = ops.write(fd, placeholder)) return abandon("write", ec, true);
    FileSink sink(ops, fd);
    try {
      encode(view, sink);
    } catch (const FileSink::Failed&) {
    }
    if (!sink.drain()) return abandon("write", sink.error(), true);
    const auto header = frame(sink.length(), sink.digest());
    if (auto ec = ops.write_at(fd, 0, header)) return abandon("write", ec, true);
  }
  if (auto ec = ops.sync(fd)) return abandon("fsync of the temporary file", ec, true);
  if (auto ec = ops.close(fd)) return abandon("close of the temporary file", ec, false);
  // Keep the previous file reachable under a second name until the new one is
  // durable, so a failed directory fsync can put it back.
  const std::filesystem::path backup = sibling(path, ".old");
  bool had_old = true;
  if (auto ec = ops.link(path, backup)) {
    if (ec != std::errc::no_such_file_or_directory)
      return abandon("link of the previous file", ec, false);
    had_old = false;  // nothing to keep: the first save to `path`
  }
  if (auto ec = ops.rename(temp, path)) {
    if (had_old) (void)ops.remove(backup);
    return abandon("rename", ec, false);
  }
  if (auto ec = ops.sync_directory(dir)) {
    if (had_old) {
      if (auto back = ops.rename(backup, path))
        return io_failure(path, "directory fsync", ec,
                          "; the previous file could not be put back (" + back.message() +
                              ") and is kept as " + backup.string());
    } else {
      (void)ops.remove(path);
    }
    return io_failure(path, "directory fsync", ec);
  }
  if (had_old) (void)ops.remove(backup);
  return {};
}

namespace {

/// Memory for a whole snapshot file. A large one is mapped with transparent huge
/// pages requested: a 100 MB file then costs some fifty page faults instead of
/// twenty-five thousand, which on a virtual machine is most of a load's time.
class FileBuffer {
 public:
  explicit FileBuffer(std::size_t size) : size_(size) {
    if (size < (std::size_t{8} << 20)) {
      small_.resize(size);
      data_ = small_.data();
      return;
    }
    void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return;
    (void)::madvise(p, size, MADV_HUGEPAGE);  // a hint: without it, plain pages
    data_ = static_cast<std::byte*>(p);
    mapped_ = true;
  }
  ~FileBuffer() {
    if (mapped_) ::munmap(data_, size_);
  }
  FileBuffer(const FileBuffer&) = delete;
  FileBuffer& operator=(const FileBuffer&) = delete;
  [[nodiscard]] bool ok() const noexcept { return data_ != nullptr || size_ == 0; }
  [[nodiscard]] std::byte* data() noexcept { return data_; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }

 private:
  std::size_t size_;
  std::vector<std::byte> small_;
  std::byte* data_ = nullptr;
  bool mapped_ = false;
};

}  // namespace

Result<Snapshot> load_snapshot(const std::filesystem::path& path) {
  const auto fail = [&](const char* step) {
    return Error(ErrorCode::io_error, "loading snapshot " + path.string() + ": " + step +
                                          " failed: " + last_error().message());
  };
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail("open");
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return fail("stat");
  if (!S_ISREG(st.st_mode))
    return Error(ErrorCode::io_error, "loading snapshot " + path.string() + ": not a regular file");
  FileBuffer bytes(static_cast<std::size_t>(st.st_size));
  if (!bytes.ok()) return fail("allocate");
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail("read");
    if (n == 0) break;  // the file shrank meanwhile: what was read is judged as it is
    done += static_cast<std::size_t>(n);
  }
  return load_snapshot(std::span<const std::byte>(bytes.data(), done));
}

}  // namespace v1
}  // namespace kexie
