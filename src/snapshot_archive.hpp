// The plumbing of snapshot payloads: memory stream buffers for Boost's binary
// archives, a Writer and a Reader that put every value through fixed-width,
// checked encodings, and the versioned record types that Boost.Serialization
// dispatches (one BOOST_CLASS_VERSION each). Boost.Serialization 1.74 trusts
// counts and lengths it reads, so no container goes through its own
// serialization here: every count is checked against the bytes left before
// anything is allocated. Internal: included only by src/snapshot*.cpp, so
// Boost headers stay out of every other translation unit.
#ifndef KEXIE_SRC_SNAPSHOT_ARCHIVE_HPP
#define KEXIE_SRC_SNAPSHOT_ARCHIVE_HPP

#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/serialization/level.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <streambuf>
#include <string>
#include <type_traits>
#include <vector>

#include "detail/fresh_pages.hpp"
#include "kexie/date.hpp"
#include "kexie/decimal.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/error.hpp"

namespace kexie {
inline namespace v1 {

class Registry;
class ActivityBook;
class Campaign;
class ServiceDesk;

namespace detail {

/// Why a load stopped: thrown inside the loader, turned into an Error at the API.
struct SnapshotFailure {
  ErrorCode code;
  std::string message;
};

/// An output stream buffer appending to a byte vector.
class ByteSink : public std::streambuf {
 public:
  explicit ByteSink(std::vector<std::byte>& out) : out_(out) {}

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    const auto* b = reinterpret_cast<const std::byte*>(s);
    out_.insert(out_.end(), b, b + n);
    return n;
  }
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof()))
      out_.push_back(static_cast<std::byte>(traits_type::to_char_type(c)));
    return traits_type::not_eof(c);
  }

 private:
  std::vector<std::byte>& out_;
};

/// An input stream buffer over a read-only byte span that knows where it is. A
/// derived source (the file reader in snapshot.cpp) refills the get area from
/// elsewhere: `base_` counts the bytes before it, `total_` the whole payload.
class ByteSource : public std::streambuf {
 public:
  explicit ByteSource(std::span<const std::byte> bytes) : total_(bytes.size()) {
    // std::streambuf wants char*; it is never written through.
    char* b = const_cast<char*>(reinterpret_cast<const char*>(bytes.data()));
    setg(b, b, b + bytes.size());
  }
  [[nodiscard]] std::size_t offset() const noexcept {
    return base_ + static_cast<std::size_t>(gptr() - eback());
  }
  [[nodiscard]] std::size_t left() const noexcept { return total_ - offset(); }

 protected:
  /// A source of `total` bytes with an empty get area, for a derived source.
  explicit ByteSource(std::size_t total) noexcept : total_(total) {}
  std::streamsize xsgetn(char* s, std::streamsize n) override {
    const auto k = std::min<std::streamsize>(
        n, static_cast<std::streamsize>(static_cast<std::size_t>(egptr() - gptr())));
    std::memcpy(s, gptr(), static_cast<std::size_t>(k));
    gbump(static_cast<int>(k));
    return k;
  }

  std::size_t base_ = 0;  // bytes before the get area
  std::size_t total_;     // the payload's size
};

/// Writes values in the snapshot's fixed-width encodings through a binary archive.
class Writer {
 public:
  explicit Writer(boost::archive::binary_oarchive& ar) : ar_(ar) {}

  template <class T>
  requires std::is_arithmetic_v<T>
  void put(T v) { ar_.save_binary(&v, sizeof v); }
  template <class E>
  requires std::is_enum_v<E>
  void put(E v) { put(static_cast<std::underlying_type_t<E>>(v)); }
  void put(bool v) { put(static_cast<std::uint8_t>(v ? 1 : 0)); }
  void count(std::size_t n) { put(static_cast<std::uint64_t>(n)); }
  void put(std::string_view s) {
    put(static_cast<std::uint32_t>(s.size()));
    if (!s.empty()) ar_.save_binary(s.data(), s.size());
  }
  void put(const std::string& s) { put(std::string_view(s)); }
  void put(const char*) = delete;  // a string literal would silently become bool
  void put(const Decimal& d) {
    put(d.coefficient());
    put(static_cast<std::uint8_t>(d.scale()));
  }
  void put(Date d) { put(static_cast<std::int32_t>(d.days())); }
  void put(Period p) {
    put(p.first);
    put(p.last);
  }
  void put(Timestamp t) { put(t.micros()); }
  /// A vector of fixed-width values as one block: its count, then its bytes.
  template <class T>
  requires std::is_trivially_copyable_v<T>
  void block(const std::vector<T>& v) {
    count(v.size());
    if (!v.empty()) ar_.save_binary(v.data(), v.size() * sizeof(T));
  }
  /// A nested record: Boost writes its class version the first time.
  template <class R>
  void record(const R& r) {
    ar_ << r;
  }

 private:
  boost::archive::binary_oarchive& ar_;
};

/// Reads what Writer wrote, checking every value; throws SnapshotFailure.
class Reader {
 public:
  Reader(boost::archive::binary_iarchive& ar, const ByteSource& in) : ar_(ar), in_(in) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw SnapshotFailure{ErrorCode::corrupt_data,
                          what + " (payload offset " + std::to_string(in_.offset()) + ")"};
  }
  void expect(bool ok, const char* what) const {
    if (!ok) fail(what);
  }

  template <class T>
  requires std::is_arithmetic_v<T> T get() {
    T v{};
    ar_.load_binary(&v, sizeof v);
    return v;
  }
  bool flag(const char* what) {
    const auto b = get<std::uint8_t>();
    if (b > 1) fail(std::string(what) + ": " + std::to_string(b) + " is not a boolean");
    return b == 1;
  }
  /// An enumerator of `E`, range-checked against its name table (enum_names.hpp).
  template <NamedEnum E>
  E get_enum(const char* what) {
    using U = std::underlying_type_t<E>;
    const U v = get<U>();
    if (!enum_is_valid<E>(static_cast<std::int64_t>(v)))
      fail(std::string(what) + ": " + std::to_string(+v) + " is not a known value");
    return static_cast<E>(v);
  }
  /// A count of items that take at least `min_bytes` each, checked against the
  /// bytes left before the caller allocates anything.
  std::size_t count(std::size_t min_bytes, const char* what) {
    const auto n = get<std::uint64_t>();
    if (min_bytes == 0) min_bytes = 1;
    if (n > in_.left() / min_bytes)
      fail(std::string(what) + ": a count of " + std::to_string(n) + " needs more than the " +
           std::to_string(in_.left()) + " bytes left");
    return static_cast<std::size_t>(n);
  }
  std::string str(const char* what) {
    const auto n = get<std::uint32_t>();
    if (n > in_.left())
      fail(std::string(what) + ": a text of " + std::to_string(n) + " bytes needs more than the " +
           std::to_string(in_.left()) + " bytes left");
    std::string s(n, '\0');
    if (n != 0) ar_.load_binary(s.data(), n);
    return s;
  }
  Decimal decimal(const char* what) {
    const auto c = get<std::int64_t>();
    const auto scale = get<std::uint8_t>();
    auto d = Decimal::from_coefficient(c, scale);
    if (!d) fail(std::string(what) + ": " + d.error().message());
    return *d;
  }
  Date date(const char* what) {
    const Date d = Date::from_days(get<std::int32_t>());
    if (!d.ok())
      fail(std::string(what) + ": day " + std::to_string(d.days()) + " is not supported");
    return d;
  }
  Period period(const char* what) {
    const Date first = date(what);
    const Date last = date(what);
    if (last < first) fail(std::string(what) + ": the period is reversed");
    return {first, last};
  }
  Timestamp timestamp(const char* what) {
    const Timestamp t = Timestamp::from_micros(get<std::int64_t>());
    if (!t.ok()) fail(std::string(what) + ": the time is outside the supported dates");
    return t;
  }
  template <class T>
  requires std::is_trivially_copyable_v<T>
  void block(std::vector<T>& v, const char* what) {
    const std::size_t n = count(sizeof(T), what);
    detail::size_for_overwrite(v, n);  // a large column: huge pages where the kernel has them
    if (n != 0) ar_.load_binary(v.data(), n * sizeof(T));
  }
  /// A block that must hold `n` values, like the other columns of its table.
  template <class T>
  requires std::is_trivially_copyable_v<T>
  void column(std::vector<T>& v, std::size_t n, const char* what) {
    block(v, what);
    if (v.size() != n)
      fail(std::string(what) + ": a column of " + std::to_string(v.size()) +
           " values in a table of " + std::to_string(n));
  }
  template <class R>
  void record(R& r) {
    ar_ >> r;
  }
  [[nodiscard]] std::size_t left() const noexcept { return in_.left(); }
  /// The payload's whole size, for bounds on what a load may allocate.
  [[nodiscard]] std::size_t total() const noexcept { return in_.offset() + in_.left(); }

 private:
  boost::archive::binary_iarchive& ar_;
  const ByteSource& in_;
};

/// The record types: each pairs the value it moves with the Writer or Reader
/// that moves it, and carries its version (kVersion, also given to Boost by
/// BOOST_CLASS_VERSION below). `save` and `load` live in the snapshot source
/// file of their concept.
#define KEXIE_SNAPSHOT_RECORD(Name, Type, Version) \
  struct Name {                                    \
    static constexpr unsigned kVersion = Version;  \
    static constexpr const char* kWhat = #Name;    \
    Writer* writer = nullptr;                      \
    Reader* reader = nullptr;                      \
    Type* value = nullptr;                         \
    void save(Writer& w) const;                    \
    void load(Reader& r, unsigned version);        \
  }

struct SnapshotContents;  // the top-level content, see snapshot.cpp
struct BookContents;      // one activity book's content, see snapshot_activity.cpp
struct CampaignContents;  // one campaign's content, see snapshot_campaign.cpp
struct DeskContents;      // one service desk's content, see snapshot_services.cpp
struct OrgRec;            // one organization (registry_state.hpp)

KEXIE_SNAPSHOT_RECORD(SnapshotRecord, SnapshotContents, 2);  // 2: service desks
KEXIE_SNAPSHOT_RECORD(RegistryRecord, Registry, 3);  // 2: employer tie, appointments, honours; 3: guidance
KEXIE_SNAPSHOT_RECORD(OrganizationRecord, OrgRec, 1);
KEXIE_SNAPSHOT_RECORD(PeopleRecord, Registry, 1);
KEXIE_SNAPSHOT_RECORD(MembershipsRecord, Registry, 1);
KEXIE_SNAPSHOT_RECORD(ExpertsRecord, Registry, 1);
KEXIE_SNAPSHOT_RECORD(LinksRecord, Registry, 1);
KEXIE_SNAPSHOT_RECORD(TrainingRecords, Registry, 1);
KEXIE_SNAPSHOT_RECORD(AppointmentsRecord, Registry, 1);  // since format 2
KEXIE_SNAPSHOT_RECORD(HonoursRecord, Registry, 1);       // since format 2
KEXIE_SNAPSHOT_RECORD(GuidanceRecord, Registry, 1);      // since format 3 (snapshot_guidance.cpp)
KEXIE_SNAPSHOT_RECORD(ActivityBookRecord, BookContents, 2);  // 2: asserted roles
KEXIE_SNAPSHOT_RECORD(CampaignRecord, CampaignContents, 3);  // 2: binding, scope, experts, CO2, citations; 3: points, bands, prize
KEXIE_SNAPSHOT_RECORD(ServiceDeskRecord, DeskContents, 1);  // with SnapshotRecord 2

#undef KEXIE_SNAPSHOT_RECORD

/// Boost's entry point for every record type: saving writes the current
/// version's layout; loading refuses a version newer than the build (Boost 1.74
/// does not) and version 0, which no kexie ever wrote.
template <class Archive, class R>
requires requires { R::kVersion; }
void serialize(Archive&, R& r, const unsigned int version) {
  if constexpr (Archive::is_saving::value) {
    r.save(*r.writer);
  } else {
    // A version far beyond any kexie's is damage, not a newer build.
    if (version > 255)
      r.reader->fail(std::string(R::kWhat) + ": record version " + std::to_string(version) +
                     " is implausible");
    if (version > R::kVersion)
      throw SnapshotFailure{ErrorCode::unsupported_version,
                            std::string(R::kWhat) + " version " + std::to_string(version) +
                                " is newer than this build reads (" + std::to_string(R::kVersion) +
                                ")"};
    if (version == 0) r.reader->fail(std::string(R::kWhat) + ": version 0 was never written");
    r.load(*r.reader, version);
  }
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie

// Every record: a class version in the archive, and never tracked (records are
// never shared or pointed to, so an object id read from a file has no meaning).
#define KEXIE_SNAPSHOT_TRAITS(Name)                                               \
  BOOST_CLASS_VERSION(kexie::v1::detail::Name, kexie::v1::detail::Name::kVersion) \
  BOOST_CLASS_TRACKING(kexie::v1::detail::Name, boost::serialization::track_never)
KEXIE_SNAPSHOT_TRAITS(SnapshotRecord)
KEXIE_SNAPSHOT_TRAITS(RegistryRecord)
KEXIE_SNAPSHOT_TRAITS(OrganizationRecord)
KEXIE_SNAPSHOT_TRAITS(PeopleRecord)
KEXIE_SNAPSHOT_TRAITS(MembershipsRecord)
KEXIE_SNAPSHOT_TRAITS(ExpertsRecord)
KEXIE_SNAPSHOT_TRAITS(LinksRecord)
KEXIE_SNAPSHOT_TRAITS(TrainingRecords)
KEXIE_SNAPSHOT_TRAITS(AppointmentsRecord)
KEXIE_SNAPSHOT_TRAITS(HonoursRecord)
KEXIE_SNAPSHOT_TRAITS(GuidanceRecord)
KEXIE_SNAPSHOT_TRAITS(ActivityBookRecord)
KEXIE_SNAPSHOT_TRAITS(CampaignRecord)
KEXIE_SNAPSHOT_TRAITS(ServiceDeskRecord)
#undef KEXIE_SNAPSHOT_TRAITS

#endif  // KEXIE_SRC_SNAPSHOT_ARCHIVE_HPP
