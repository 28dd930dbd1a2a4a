// Snapshot files: the frame around the Boost.Serialization payload, the checks
// a load makes before Boost reads a byte, the crash-safe save through the
// FileOps seam, and the Snapshot class. The frame is described byte by byte in
// docs/formats.md; the payload's records live in snapshot_registry.cpp,
// snapshot_activity.cpp and snapshot_campaign.cpp.
#include "kexie/snapshot.hpp"
#include "kexie/sys/file_ops.hpp"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/archive/archive_exception.hpp>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>

#include "activity_state.hpp"
#include "campaign_state.hpp"
#include "detail/parallel.hpp"
#include "detail/regular_file.hpp"
#include "detail/sha256.hpp"
#include "snapshot_archive.hpp"
#include "snapshot_contents.hpp"

namespace kexie {
inline namespace v1 {

// ---- Snapshot and SnapshotView ------------------------------------------------------------

Snapshot::Snapshot(Registry registry)
    : impl_(std::make_unique<detail::SnapshotImpl>(
          detail::SnapshotImpl{std::move(registry), {}, {}, {}})) {}
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
std::span<ServiceDesk> Snapshot::service_desks() noexcept { return impl_->desks; }
std::span<const ServiceDesk> Snapshot::service_desks() const noexcept { return impl_->desks; }

ActivityBook& Snapshot::add_activity_book(LifecyclePolicy policy) {
  return impl_->books.emplace_back(impl_->registry, std::move(policy));
}

Campaign& Snapshot::add_campaign(CampaignSpec spec) {
  return impl_->campaigns.emplace_back(impl_->registry, std::move(spec));
}

ServiceDesk& Snapshot::add_service_desk(ServicePolicy policy) {
  return impl_->desks.emplace_back(impl_->registry, policy);
}

SnapshotView::SnapshotView(const Registry& registry) noexcept : registry_(&registry) {}

SnapshotView::SnapshotView(const Snapshot& snapshot) : registry_(&snapshot.registry()) {
  for (const ActivityBook& b : snapshot.activity_books()) books_.push_back(&b);
  for (const Campaign& c : snapshot.campaigns()) campaigns_.push_back(&c);
  for (const ServiceDesk& d : snapshot.service_desks()) desks_.push_back(&d);
}

SnapshotView& SnapshotView::add(const ActivityBook& book) {
  books_.push_back(&book);
  return *this;
}

SnapshotView& SnapshotView::add(const Campaign& campaign) {
  campaigns_.push_back(&campaign);
  return *this;
}

SnapshotView& SnapshotView::add(const ServiceDesk& desk) {
  desks_.push_back(&desk);
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

std::error_code FileOps::status(const std::filesystem::path& path, unsigned& mode) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return last_error();
  mode = static_cast<unsigned>(st.st_mode);
  return {};
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
    CampaignContents contents{c, nullptr, std::nullopt, view.activity_books(), nullptr};
    CampaignRecord rec{&w, nullptr, &contents};
    w.record(rec);
  }
  // Format 3 (SnapshotRecord version 2): the service desks.
  w.count(view.service_desks().size());
  for (const ServiceDesk* d : view.service_desks()) {
    DeskContents contents{d, nullptr, std::nullopt};
    ServiceDeskRecord rec{&w, nullptr, &contents};
    w.record(rec);
  }
}

void SnapshotRecord::load(Reader& r, unsigned version) {
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
    CampaignContents contents{nullptr, &out.registry, std::nullopt, {}, &out.books};
    CampaignRecord rec{nullptr, &r, &contents};
    r.record(rec);
    out.campaigns.push_back(std::move(*contents.loaded));
  }
  if (version < 2) return;  // formats 1 and 2 have no service desks
  const std::size_t desks = r.count(16, "service desks");
  for (std::size_t i = 0; i < desks; ++i) {
    DeskContents contents{nullptr, &out.registry, std::nullopt};
    ServiceDeskRecord rec{nullptr, &r, &contents};
    r.record(rec);
    out.desks.push_back(std::move(*contents.loaded));
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
  for (const ServiceDesk* d : view.service_desks())
    if (&d->registry() != &view.registry())
      return failure(ErrorCode::invalid_argument,
                     "a service desk of the view reads another registry");
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

namespace {

/// The refusal of a header declaring `declared` payload bytes when `present` follow it.
Status length_check(std::uint64_t declared, std::size_t present) {
  if (declared != present)
    return failure(ErrorCode::corrupt_data, "the header declares a payload of " +
                                                std::to_string(declared) + " bytes, but " +
                                                std::to_string(present) + " follow it");
  return {};
}

/// The checks of a 72-byte header `h` for a payload of `payload` bytes (what the
/// file holds after the header): the magic, the header's own check, the format
/// version, the flags, the machine it was written on, and the declared length.
Status check_header(const std::byte* h, std::size_t payload) {
  if (std::memcmp(h, kMagic.data(), kMagic.size()) != 0)
    return failure(ErrorCode::corrupt_data, "not a kexie snapshot (the magic bytes differ)");
  const auto header = detail::sha256(as_u8(std::span<const std::byte>(h, 64)));
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
  return length_check(get_le(h + 24, 8), payload);
}

Error damaged() {
  return failure(ErrorCode::corrupt_data,
                 "the payload's SHA-256 differs from the header's: the file is damaged");
}

/// Decodes the payload `source` delivers. Out of memory is rethrown: it is not a
/// fault of the data (every count is checked against the bytes left before
/// anything is allocated), so the caller sees std::bad_alloc, as from any other
/// call (docs/reliability.md). Anything else a source throws passes through.
Result<Snapshot> decode(detail::ByteSource& source) {
  try {
    auto impl =
        std::make_unique<detail::SnapshotImpl>(detail::SnapshotImpl{Registry(), {}, {}, {}});
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
    throw;
  } catch (const std::exception& e) {
    return failure(ErrorCode::corrupt_data, std::string("the content is malformed: ") + e.what());
  }
}

}  // namespace

Result<Snapshot> load_snapshot(std::span<const std::byte> bytes) {
  if (bytes.size() < kHeaderSize)
    return failure(ErrorCode::corrupt_data,
                   std::to_string(bytes.size()) + " bytes are shorter than the 72-byte header");
  if (Status ok = check_header(bytes.data(), bytes.size() - kHeaderSize); !ok) return ok.error();
  const auto payload = bytes.subspan(kHeaderSize);
  const auto digest = detail::sha256(as_u8(payload));
  if (std::memcmp(bytes.data() + 32, digest.data(), digest.size()) != 0) return damaged();
  detail::ByteSource source(payload);
  return decode(source);
}

// ---- files ---------------------------------------------------------------------------------

namespace {

/// What a file of POSIX mode `mode` is, in words, for a refusal.
const char* kind_of(unsigned mode) {
  switch (mode & S_IFMT) {
    case S_IFREG:
      return "a regular file";
    case S_IFDIR:
      return "a directory";
    case S_IFLNK:
      return "a symbolic link";
    case S_IFIFO:
      return "a FIFO (named pipe)";
    case S_IFCHR:
      return "a character device";
    case S_IFBLK:
      return "a block device";
    case S_IFSOCK:
      return "a socket";
    default:
      return "a file of unknown type";
  }
}

std::string hex(const std::uint8_t* bytes, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 0xF];
  }
  return out;
}

// A leftover name is "." + the file name cut to at most 200 bytes + "." + 16 hex
// digits of the SHA-256 of the whole file name + "." + a 16-hex-digit random
// token + ".tmp" or ".old": at most 239 bytes, within NAME_MAX (255) whatever
// the file name's length, and tied to that name by the hash.
constexpr std::size_t kReadableMax = 200;
constexpr std::size_t kTokenDigits = 16;
constexpr std::size_t kSuffixSize = 4;  // ".tmp", ".old"

/// The beginning every leftover name of a file named `name` shares.
std::string leftover_stem(std::string_view name) {
  std::size_t cut = std::min(name.size(), kReadableMax);
  // Never cut a UTF-8 sequence in two: the name stays readable in a listing.
  while (cut > 0 && cut < name.size() && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80)
    --cut;
  const detail::Sha256Digest digest = detail::sha256(name);
  std::string stem(1, '.');
  stem += name.substr(0, cut);
  stem += '.';
  stem += hex(digest.data(), 8);
  stem += '.';
  return stem;
}

/// Whether `candidate` is a leftover name of the file whose stem is `stem`.
bool is_leftover(std::string_view candidate, std::string_view stem) {
  if (candidate.size() != stem.size() + kTokenDigits + kSuffixSize ||
      !candidate.starts_with(stem))
    return false;
  const std::string_view token = candidate.substr(stem.size(), kTokenDigits);
  if (token.find_first_not_of("0123456789abcdef") != std::string_view::npos) return false;
  const std::string_view suffix = candidate.substr(stem.size() + kTokenDigits);
  return suffix == ".tmp" || suffix == ".old";
}

/// 16 random hex digits: what makes a save's names its own, on every host and in
/// every container sharing the directory (process ids are not unique there).
std::string random_token() {
  std::array<std::uint8_t, 8> bytes{};
  if (::getrandom(bytes.data(), bytes.size(), GRND_NONBLOCK) !=
      static_cast<ssize_t>(bytes.size())) {
    // No entropy yet (early boot) or no getrandom: unique enough for a name
    // that O_EXCL still guards.
    static std::atomic<std::uint64_t> counter{0};
    const std::array<std::uint64_t, 4> seed = {
        static_cast<std::uint64_t>(::getpid()), counter++,
        static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count()),
        static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count())};
    const auto digest = detail::sha256(
        std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(seed.data()),
                                      sizeof seed));
    std::memcpy(bytes.data(), digest.data(), bytes.size());
  }
  return hex(bytes.data(), bytes.size());
}

std::string octal(unsigned mode) {
  std::string out;
  for (unsigned m = mode & 07777; m != 0; m >>= 3)
    out.insert(out.begin(), static_cast<char>('0' + (m & 7)));
  out.insert(out.begin(), '0');
  return out;
}

/// A rule of the files a snapshot is saved over or loaded from: its id
/// (Error::rule, kx_error.rule) and its name in a message.
struct FileRule {
  const char* id;
  const char* name;
};
constexpr FileRule kRegularFileRule{"snapshot.regular_file", "regular-file"};
constexpr FileRule kUnsafeModeRule{"snapshot.unsafe_mode", "unsafe-mode"};

/// A save's refusal of `path` by `rule`.
Error refused(const std::filesystem::path& path, FileRule rule, const std::string& why) {
  return Error(ErrorCode::io_error,
               "saving snapshot " + path.string() + ": refused by the " + rule.name +
                   " rule: " + path.string() + " " + why,
               rule.id);
}

/// Refuses, before anything is written, a target a save must not replace: what
/// `path` names must be nothing or a regular file (a rename would put a regular
/// file in place of a link, a FIFO or a device node), and its mode an ordinary one.
Status check_target(FileOps& ops, const std::filesystem::path& path, const SaveOptions& options) {
  unsigned mode = 0;
  if (auto ec = ops.status(path, mode)) {
    if (ec == std::errc::no_such_file_or_directory) return {};  // a first save
    return Error(ErrorCode::io_error, "saving snapshot " + path.string() +
                                          ": lstat of the target failed: " + ec.message());
  }
  if ((mode & S_IFMT) == S_IFLNK)
    return refused(path, kRegularFileRule,
                   "is a symbolic link; a save replaces only a regular file, never a link "
                   "(save to the path the link names instead)");
  if ((mode & S_IFMT) != S_IFREG)
    return refused(path, kRegularFileRule,
                   std::string("is ") + kind_of(mode) +
                       "; a save replaces only a regular file (or creates one)");
  if (!options.allow_unsafe_modes) {
    std::string bits;
    if ((mode & S_ISUID) != 0) bits += "setuid, ";
    if ((mode & S_ISGID) != 0) bits += "setgid, ";
    if ((mode & S_ISVTX) != 0) bits += "sticky, ";
    if ((mode & S_IWOTH) != 0) bits += "world-writable, ";
    if (!bits.empty()) {
      bits.resize(bits.size() - 2);
      return refused(path, kUnsafeModeRule,
                     "has mode " + octal(mode) + " (" + bits +
                         "); a save does not replace such a file unless "
                         "SaveOptions::allow_unsafe_modes is set");
    }
  }
  return {};
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
  const std::string name = path.filename().string();
  if (name.empty())
    return Error(ErrorCode::invalid_argument,
                 "saving snapshot " + path.string() + ": the path names no file");
  if (Status ok = check_target(ops, path, options); !ok) return ok;
  const std::filesystem::path dir =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  // Nothing beside `path` is removed but this save's own files: a hidden file
  // of the same family may be another host's save in progress (see
  // remove_snapshot_leftovers).
  const std::string stem = leftover_stem(name);
  std::string token;
  std::filesystem::path temp;
  int fd = -1;
  for (int attempt = 0;; ++attempt) {
    token = random_token();
    temp = path.parent_path() / (stem + token + ".tmp");
    const std::error_code ec = ops.create(temp, options.mode, fd);
    if (!ec) break;
    if (ec != std::errc::file_exists || attempt == 3)
      return io_failure(path, "create of the temporary file", ec);
  }
  // Should anything below throw (std::bad_alloc while encoding or naming a
  // file), the descriptor is closed and the temporary file removed, so a failed
  // save leaves the directory as it was.
  struct Cleanup {
    FileOps& ops;
    const std::filesystem::path& temp;
    int fd;
    bool fd_open = true;
    bool armed = true;
    ~Cleanup() {
      if (!armed) return;
      if (fd_open) (void)ops.close(fd);
      (void)ops.remove(temp);
    }
  } cleanup{ops, temp, fd};
  // From here on, any failure removes the temporary file; a failed fsync is
  // reported at once, never retried (the kernel may have dropped the pages).
  const auto abandon = [&](const char* step, std::error_code ec, bool close_fd) {
    cleanup.armed = false;
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
  cleanup.fd_open = false;  // closed by the call below, whatever it returns
  if (auto ec = ops.close(fd)) return abandon("close of the temporary file", ec, false);
  // Keep the previous file reachable under a second name until the new one is
  // durable, so a failed directory fsync can put it back.
  const std::filesystem::path backup = path.parent_path() / (stem + token + ".old");
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
  cleanup.armed = false;  // the temporary file is `path` now
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

/// The payload of a snapshot file, read in order as the decoder asks for it and
/// hashed as it is read: one pass over the bytes instead of a copy of the whole
/// file in memory, a hash over it, and a second copy into the registry's
/// columns. A column of millions of values is read straight from the file into
/// its final place, in pieces small enough to be hashed while they are still
/// in the cache; everything else goes through a small buffer. The bytes are
/// decoded before the hash is known to match, which the decoder is built for
/// (it refuses a hostile file whose hash is right, so it must refuse any bytes
/// without trusting them); the load reports the hash's verdict first, so a
/// damaged file is refused as damaged, whatever its decoding found.
class FileSource final : public detail::ByteSource {
 public:
  /// A read failed with `error` (errno).
  struct ReadFailed {
    int error;
  };
  /// The file ended after `present` payload bytes, before the declared length.
  struct Truncated {
    std::size_t present;
  };

  /// Reads the `payload` bytes after the header from `fd`, hashing them unless
  /// `hash` is false (another thread hashes the file).
  FileSource(int fd, std::size_t payload, bool hash)
      : ByteSource(payload), fd_(fd), hash_(hash), buffer_(std::min(payload, kBuffer)) {
    setg(buffer_.data(), buffer_.data(), buffer_.data());
  }

  /// Reads and hashes what the decoder left; throws ReadFailed or Truncated.
  void drain() {
    base_ += static_cast<std::size_t>(egptr() - eback());  // read and hashed already
    setg(buffer_.data(), buffer_.data(), buffer_.data());
    while (left() != 0) {
      const std::size_t take = std::min(buffer_.size(), left());
      read_exact(buffer_.data(), take);
      base_ += take;
    }
  }
  /// The SHA-256 of everything read; call once, after drain().
  detail::Sha256Digest digest() { return sha_.finish(); }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    base_ = offset();
    setg(buffer_.data(), buffer_.data(), buffer_.data());
    const std::size_t take = std::min(buffer_.size(), left());
    if (take == 0) return traits_type::eof();
    read_exact(buffer_.data(), take);
    setg(buffer_.data(), buffer_.data(), buffer_.data() + take);
    return traits_type::to_int_type(*gptr());
  }

  std::streamsize xsgetn(char* s, std::streamsize n) override {
    auto want = static_cast<std::size_t>(n);
    while (want != 0) {
      if (gptr() == egptr() && want >= buffer_.size()) {
        // A large block: straight from the file into the caller's memory.
        base_ = offset();
        setg(buffer_.data(), buffer_.data(), buffer_.data());
        const std::size_t take = std::min(want, left());
        if (take == 0) break;
        for (std::size_t done = 0; done < take;) {
          const std::size_t piece = std::min(kPiece, take - done);
          read_exact(s + done, piece);
          done += piece;
          base_ += piece;
        }
        s += take;
        want -= take;
        continue;
      }
      if (gptr() == egptr() && traits_type::eq_int_type(underflow(), traits_type::eof())) break;
      const std::size_t k = std::min(want, static_cast<std::size_t>(egptr() - gptr()));
      std::memcpy(s, gptr(), k);
      gbump(static_cast<int>(k));
      s += k;
      want -= k;
    }
    return n - static_cast<std::streamsize>(want);
  }

 private:
  // The buffer for small values; a block at least this long is read straight
  // into place, a piece at a time, each hashed while it is still in the cache.
  static constexpr std::size_t kBuffer = std::size_t{32} << 10;
  static constexpr std::size_t kPiece = std::size_t{256} << 10;

  /// Reads exactly `n` bytes to `to` (the next ones in the file) and hashes them.
  void read_exact(char* to, std::size_t n) {
    for (std::size_t done = 0; done < n;) {
      const ssize_t got = ::read(fd_, to + done, n - done);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) throw ReadFailed{errno};
      if (got == 0) throw Truncated{base_ + done};  // the file shrank meanwhile
      done += static_cast<std::size_t>(got);
    }
    if (hash_)
      sha_.update(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(to), n));
  }

  int fd_;
  bool hash_;
  std::vector<char> buffer_;
  detail::Sha256 sha_;
};

/// The payload's SHA-256 computed on a thread of its own, for a load allowed two
/// threads: it reads the file a second time (pread, which leaves the decoder's
/// file offset alone, through a buffer of its own, so it touches no fresh
/// memory beyond it) while the calling thread decodes. Both read the same open
/// file; a save never changes a file in place (it renames a new one over it).
/// The constructor throws std::system_error when the thread cannot start.
class AsideHash {
 public:
  AsideHash(int fd, std::size_t payload)
      : buffer_(std::min(payload, kChunk)),
        thread_([this, fd, payload](const std::stop_token& stop) { run(stop, fd, payload); }) {}

  /// Waits for the hash; rethrows what the thread threw.
  void wait() {
    if (thread_.joinable()) thread_.join();
    if (thrown_) std::rethrow_exception(thrown_);
  }
  [[nodiscard]] int error() const noexcept { return error_; }              // errno of a read
  [[nodiscard]] bool truncated() const noexcept { return truncated_; }     // the file ended early
  [[nodiscard]] std::size_t present() const noexcept { return present_; }  // bytes found then
  [[nodiscard]] const detail::Sha256Digest& digest() const noexcept { return digest_; }

 private:
  static constexpr std::size_t kChunk = std::size_t{256} << 10;

  void run(const std::stop_token& stop, int fd, std::size_t payload) noexcept {
    try {
      for (std::size_t done = 0; done < payload;) {
        if (stop.stop_requested()) return;  // the load ended without needing the hash
        const ssize_t got = ::pread(fd, buffer_.data(), std::min(buffer_.size(), payload - done),
                                    static_cast<off_t>(kHeaderSize + done));
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
          error_ = errno;
          return;
        }
        if (got == 0) {
          truncated_ = true;
          present_ = done;
          return;
        }
        sha_.update(std::span<const std::uint8_t>(
            reinterpret_cast<const std::uint8_t*>(buffer_.data()), static_cast<std::size_t>(got)));
        done += static_cast<std::size_t>(got);
      }
      digest_ = sha_.finish();
    } catch (...) {
      thrown_ = std::current_exception();
    }
  }

  std::vector<char> buffer_;
  detail::Sha256 sha_;
  detail::Sha256Digest digest_{};
  int error_ = 0;
  bool truncated_ = false;
  std::size_t present_ = 0;
  std::exception_ptr thrown_;
  std::jthread thread_;  // last: started once everything it uses exists, joined first
};

/// The file form of load_snapshot; `aside` hashes on a second thread.
Result<Snapshot> load_file(const std::filesystem::path& path, bool aside) {
  const auto failed = [&](const char* step, int error) {
    return Error(ErrorCode::io_error, "loading snapshot " + path.string() + ": " + step +
                                          " failed: " + std::generic_category().message(error));
  };
  const auto fail = [&](const char* step) { return failed(step, errno); };
  const auto not_regular = [&](const struct stat& st) {
    return Error(ErrorCode::io_error,
                 "loading snapshot " + path.string() + ": " + path.string() + " is " +
                     kind_of(static_cast<unsigned>(st.st_mode)) + ", not a regular file",
                 kRegularFileRule.id);
  };
  // Only a regular file is opened, without blocking on a FIFO or acting on a device
  // (a tape rewinds), even one swapped in after the check (detail::open_regular_file).
  const detail::RegularFile file = detail::open_regular_file(path.c_str());
  if (!file && file.error() != 0) return failed(file.failed_step(), file.error());
  if (!file) return not_regular(file.status());
  const int fd = file.fd();
  const struct stat& st = file.status();
  (void)::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);  // a hint: read ahead further
  const auto size = static_cast<std::size_t>(st.st_size);
  // The header first; a file shorter than a header is judged as the buffer form does.
  std::array<std::byte, kHeaderSize> head{};
  std::size_t got = 0;
  while (got < kHeaderSize) {
    const ssize_t n = ::read(fd, head.data() + got, kHeaderSize - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail("read");
    if (n == 0) break;  // the file is (or became) shorter: judged as it is
    got += static_cast<std::size_t>(n);
  }
  if (got < kHeaderSize || size < kHeaderSize)
    return load_snapshot(std::span<const std::byte>(head.data(), got));
  if (Status ok = check_header(head.data(), size - kHeaderSize); !ok) return ok.error();
  const std::size_t payload = size - kHeaderSize;
  std::optional<AsideHash> hasher;
  if (aside) {
    try {
      hasher.emplace(fd, payload);
    } catch (const std::system_error&) {
      // No thread to be had: the calling thread hashes, as with one thread.
    }
  }
  FileSource source(fd, payload, !hasher);
  const std::uint64_t declared = get_le(head.data() + 24, 8);
  // The hash's verdict comes first whatever the decoder found, as when the whole
  // file was hashed before decoding: the rest of the file is read and hashed
  // before any result is given.
  const auto verdict = [&]() -> Status {
    detail::Sha256Digest digest{};
    if (hasher) {
      hasher->wait();
      if (hasher->error() != 0) return failed("read", hasher->error());
      if (hasher->truncated()) return length_check(declared, hasher->present());
      digest = hasher->digest();
    } else {
      try {
        source.drain();
      } catch (const FileSource::ReadFailed& e) {
        return failed("read", e.error);
      } catch (const FileSource::Truncated& t) {
        return length_check(declared, t.present);
      }
      digest = source.digest();
    }
    if (std::memcmp(head.data() + 32, digest.data(), digest.size()) != 0) return damaged();
    return {};
  };
  std::optional<Result<Snapshot>> decoded;
  try {
    decoded.emplace(decode(source));
  } catch (const FileSource::ReadFailed& e) {
    return failed("read", e.error);
  } catch (const FileSource::Truncated& t) {
    return length_check(declared, t.present).error();
  } catch (const std::bad_alloc&) {
    // Out of memory on a damaged file is reported as the damage.
    if (Status ok = verdict(); !ok) return ok.error();
    throw;
  }
  if (Status ok = verdict(); !ok) return ok.error();
  return std::move(*decoded);
}

}  // namespace

Result<Snapshot> load_snapshot(const std::filesystem::path& path) { return load_file(path, false); }

Result<Snapshot> load_snapshot(const std::filesystem::path& path, Threads threads) {
  if (Status ok = detail::check_threads(threads); !ok) return ok.error();
  return load_file(path, threads.count >= 2);
}

Result<std::vector<std::filesystem::path>> remove_snapshot_leftovers(
    const std::filesystem::path& path, FileOps* file_ops) {
  FileOps& ops = file_ops ? *file_ops : FileOps::posix();
  const std::string name = path.filename().string();
  if (name.empty())
    return Error(ErrorCode::invalid_argument, "removing leftovers of snapshot " + path.string() +
                                                  ": the path names no file");
  const std::filesystem::path dir =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  const std::string stem = leftover_stem(name);
  std::vector<std::filesystem::path> found;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string candidate = it->path().filename().string();
    if (is_leftover(candidate, stem)) found.push_back(path.parent_path() / candidate);
  }
  if (ec)
    return Error(ErrorCode::io_error, "removing leftovers of snapshot " + path.string() +
                                          ": listing " + dir.string() + " failed: " + ec.message());
  std::sort(found.begin(), found.end());
  std::vector<std::filesystem::path> removed;
  std::optional<Error> first;
  for (const std::filesystem::path& p : found) {
    unsigned mode = 0;
    // Only a regular file: a link or a directory with a leftover's name was not
    // made by a save.
    if (ops.status(p, mode) || (mode & S_IFMT) != S_IFREG) continue;
    if (auto failed = ops.remove(p)) {
      if (!first)
        first = Error(ErrorCode::io_error, "removing leftovers of snapshot " + path.string() +
                                               ": remove of " + p.string() +
                                               " failed: " + failed.message());
      continue;
    }
    removed.push_back(p);
  }
  if (first) return *first;
  return removed;
}

}  // namespace v1
}  // namespace kexie
