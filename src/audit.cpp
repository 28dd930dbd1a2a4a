// Hash-chained audit records: hashing, the chain head, verification.
#include "kexie/audit.hpp"

#include <charconv>

#include "detail/audit_chain.hpp"
#include "detail/audit_encoding.hpp"
#include "detail/sha256.hpp"
#include "kexie/text.hpp"

namespace kexie {
inline namespace v1 {

std::string to_hex(const AuditHash& hash) { return detail::to_hex(hash); }

AuditHash digest(const AuditRecord& record) {
  detail::Sha256 hasher;
  std::string buffer;
  return detail::hash_record(record, hasher, buffer);
}

std::string ChainHead::to_string() const { return std::to_string(count) + ':' + to_hex(hash); }

Result<ChainHead> ChainHead::parse(std::string_view text) {
  auto bad = [&] {
    return Error(ErrorCode::invalid_argument,
                 "not a chain head (\"count:64 hex digits\"): " + quote_input(text));
  };
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || text.size() - colon - 1 != 64) return bad();
  ChainHead head;
  const char* first = text.data();
  const char* last = text.data() + colon;
  auto [end, ec] = std::from_chars(first, last, head.count);
  if (ec != std::errc() || end != last) return bad();
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < 32; ++i) {
    const int hi = nibble(text[colon + 1 + 2 * i]);
    const int lo = nibble(text[colon + 2 + 2 * i]);
    if (hi < 0 || lo < 0) return bad();
    head.hash[i] = static_cast<std::uint8_t>(hi * 16 + lo);
  }
  return head;
}

std::string_view to_string(AuditFault fault) noexcept { return enum_name(fault); }

AuditVerification verify_audit(std::span<const AuditRecord> records, const ChainHead* expected) {
  detail::Sha256 hasher;
  std::string buffer;
  buffer.reserve(256);
  return detail::verify_chain(records, expected, [&](const AuditRecord& r) {
    return detail::hash_record(r, hasher, buffer);
  });
}

AuditVerification verify_audit(std::span<const AuditRecord> records, const ChainHead& expected) {
  return verify_audit(records, &expected);
}

ChainHead chain_head(std::span<const AuditRecord> records) noexcept {
  return detail::head_of(records);
}

std::ostream& operator<<(std::ostream& os, const AuditRecord& r) {
  os << '#' << r.sequence << ' ' << r.at << ' ' << r.actor << ' ' << r.activity << ' '
     << r.operation << ' ' << r.from << "->" << r.to << ' ' << to_string(r.code);
  if (!r.rule.empty()) os << " [" << r.rule << ']';
  if (r.security_event) os << " SECURITY";
  if (r.asserted) os << " ASSERTED";
  if (!r.reason.empty()) os << " reason=\"" << r.reason << '"';
  if (!r.message.empty()) os << " \"" << r.message << '"';
  return os;
}

}  // namespace v1
}  // namespace kexie
