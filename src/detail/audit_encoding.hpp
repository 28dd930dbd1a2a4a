// The fixed binary encoding of an audit record that its hash covers, shared by
// the trail (which appends) and verify_audit (which re-checks). Internal.
#ifndef KEXIE_SRC_DETAIL_AUDIT_ENCODING_HPP
#define KEXIE_SRC_DETAIL_AUDIT_ENCODING_HPP

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "detail/sha256.hpp"
#include "kexie/audit.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

/// Version byte of the encoding; bump it (and keep the old one readable) if a
/// field is ever added.
inline constexpr std::uint8_t kAuditEncodingVersion = 1;

template <class T>
inline void put_le(std::string& out, T value) {
  using U = std::make_unsigned_t<T>;
  auto u = static_cast<U>(value);
  char bytes[sizeof(U)];
  for (std::size_t i = 0; i < sizeof(U); ++i) {
    bytes[i] = static_cast<char>(static_cast<std::uint8_t>(u & 0xffu));
    u = static_cast<U>(u >> 8);
  }
  out.append(bytes, sizeof(U));
}

inline void put_text(std::string& out, std::string_view text) {
  put_le(out, static_cast<std::uint32_t>(text.size()));
  out.append(text.data(), text.size());
}

/// Appends the encoding of `r` (previous hash first, then every field; the
/// record's own `hash` is not part of it) to `out`.
inline void encode_record(const AuditRecord& r, std::string& out) {
  out.push_back(static_cast<char>(kAuditEncodingVersion));
  out.append(reinterpret_cast<const char*>(r.previous.data()), r.previous.size());
  put_le(out, r.sequence);
  put_le(out, r.activity.value());
  put_le(out, r.actor.value());
  put_le(out, r.at.micros());
  out.push_back(static_cast<char>(r.operation));
  out.push_back(static_cast<char>(r.from));
  out.push_back(static_cast<char>(r.to));
  put_le(out, static_cast<std::int32_t>(r.code));
  out.push_back(static_cast<char>(r.security_event ? 1 : 0));
  put_text(out, r.rule);
  put_text(out, r.reason);
  put_text(out, r.message);
  // Appended only when set: records without it encode (and hash) exactly as
  // before the field existed. The text fields are length-prefixed, so the extra
  // byte cannot be confused with their content.
  if (r.asserted) out.push_back(static_cast<char>(1));
}

/// SHA-256 of the encoding, reusing `hasher` and `buffer` across calls.
inline AuditHash hash_record(const AuditRecord& r, Sha256& hasher, std::string& buffer) {
  buffer.clear();
  encode_record(r, buffer);
  hasher.update(std::string_view(buffer));
  return hasher.finish();
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_DETAIL_AUDIT_ENCODING_HPP
