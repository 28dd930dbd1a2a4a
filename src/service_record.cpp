// The service desk's trail records: their encoding, hash and verification, on
// the chain of detail/audit_chain.hpp that the activity trail uses too.
#include "kexie/service_record.hpp"

#include "detail/audit_chain.hpp"
#include "detail/audit_encoding.hpp"
#include "detail/sha256.hpp"

namespace kexie {
inline namespace v1 {

namespace {
// The encoding starts with its own tag and version, so a service record can
// never hash like an activity record with the same bytes after it.
constexpr std::string_view kServiceTag = "kexie service record";
constexpr std::uint8_t kServiceEncodingVersion = 1;

AuditHash hash_service(const ServiceRecord& r, detail::Sha256& hasher, std::string& buffer) {
  buffer.clear();
  detail::put_text(buffer, kServiceTag);
  buffer.push_back(static_cast<char>(kServiceEncodingVersion));
  buffer.append(reinterpret_cast<const char*>(r.previous.data()), r.previous.size());
  detail::put_le(buffer, r.sequence);
  buffer.push_back(static_cast<char>(r.subject));
  detail::put_le(buffer, r.number);
  detail::put_le(buffer, r.actor.value());
  detail::put_le(buffer, r.at.micros());
  detail::put_text(buffer, r.operation);
  detail::put_text(buffer, r.from);
  detail::put_text(buffer, r.to);
  detail::put_le(buffer, static_cast<std::int32_t>(r.code));
  buffer.push_back(static_cast<char>(r.security_event ? 1 : 0));
  detail::put_text(buffer, r.rule);
  detail::put_text(buffer, r.reason);
  detail::put_text(buffer, r.message);
  hasher.update(std::string_view(buffer));
  return hasher.finish();
}
}  // namespace

std::string_view to_string(ServiceCase subject) noexcept { return enum_name(subject); }

AuditHash digest(const ServiceRecord& record) {
  detail::Sha256 hasher;
  std::string buffer;
  return hash_service(record, hasher, buffer);
}

AuditVerification verify_audit(std::span<const ServiceRecord> records, const ChainHead* expected) {
  detail::Sha256 hasher;
  std::string buffer;
  buffer.reserve(256);
  return detail::verify_chain(
      records, expected, [&](const ServiceRecord& r) { return hash_service(r, hasher, buffer); });
}

AuditVerification verify_audit(std::span<const ServiceRecord> records, const ChainHead& expected) {
  return verify_audit(records, &expected);
}

ChainHead chain_head(std::span<const ServiceRecord> records) noexcept {
  return detail::chain_head_of(records);
}

std::ostream& operator<<(std::ostream& os, const ServiceRecord& r) {
  os << '#' << r.sequence << ' ' << r.at << ' ' << r.actor << ' ' << to_string(r.subject) << ':'
     << r.number << ' ' << r.operation << ' ' << r.from << "->" << r.to << ' ' << to_string(r.code);
  if (!r.rule.empty()) os << " [" << r.rule << ']';
  if (r.security_event) os << " SECURITY";
  if (!r.reason.empty()) os << " reason=\"" << r.reason << '"';
  if (!r.message.empty()) os << " \"" << r.message << '"';
  return os;
}

}  // namespace v1
}  // namespace kexie
