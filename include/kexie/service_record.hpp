// The audit trail of a `ServiceDesk` (service_desk.hpp): every step taken on a
// service request or a proposal, performed or refused, chained by SHA-256 in
// exactly the way the activity book's trail is (audit.hpp: the same `AuditHash`,
// `ChainHead`, `AuditFault` and `AuditVerification`, the same verification rule).
// Only the record differs: it names a request or a proposal, and the operation and
// states by their names, because the two lifecycles have different tables.
#ifndef KEXIE_SERVICE_RECORD_HPP
#define KEXIE_SERVICE_RECORD_HPP

#include <array>
#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "kexie/audit.hpp"
#include "kexie/date.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/error.hpp"
#include "kexie/export.hpp"
#include "kexie/ids.hpp"

namespace kexie {
inline namespace v1 {

/// What a service record is about.
///
///   if (r.subject == kexie::ServiceCase::proposal) …
enum class ServiceCase : std::uint8_t {
  request,   ///< a service request (service_request.hpp); `number` is its id
  proposal,  ///< a proposal (proposal.hpp); `number` is its id
};

/// The names of `ServiceCase`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<ServiceCase> {
  static constexpr std::array<std::string_view, 2> names{"request", "proposal"};
  static constexpr bool listed(ServiceCase v) noexcept {
    switch (v) {
      case ServiceCase::request:
      case ServiceCase::proposal:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<ServiceCase>());

/// "request" or "proposal".
/// \param subject the value to name
/// \return its stable English name, as `EnumNames<ServiceCase>` spells it
[[nodiscard]] KEXIE_API std::string_view to_string(ServiceCase subject) noexcept;

/// One record of a service desk's trail.
///
///   for (const kexie::ServiceRecord& r : desk.audit_trail())
///     if (!r.accepted()) std::cout << r << '\n';
struct ServiceRecord {
  /// Position in the trail, from 0.
  std::uint64_t sequence = 0;
  /// A request or a proposal.
  ServiceCase subject = ServiceCase::request;
  /// The request's or proposal's id number (0 for a refused submission or filing).
  std::uint32_t number = 0;
  /// The person who acted.
  PersonId actor;
  /// When, as the actor claimed it.
  Timestamp at;
  /// The operation's name ("accept", "enter_campaign", …).
  std::string operation;
  /// The state before, by name (empty for a submission or filing).
  std::string from;
  /// The state after (equal to `from` when refused).
  std::string to;
  /// `ErrorCode::ok` when performed; the refusal's code otherwise.
  ErrorCode code = ErrorCode::ok;
  /// True for refusals on grounds of permission or conflict of interest.
  bool security_event = false;
  /// The refusing rule id, empty when performed.
  std::string rule;
  /// The reason the actor gave.
  std::string reason;
  /// Details: the reference, the answer, the entry made, or the refusal's message.
  std::string message;
  /// The hash of the previous record (all zeros for the first).
  AuditHash previous{};
  /// SHA-256 over `previous` and every field above.
  AuditHash hash{};

  /// True when the operation was performed.
  /// \return true when `code` is `ErrorCode::ok`; false for a recorded refusal.
  [[nodiscard]] bool accepted() const noexcept { return code == ErrorCode::ok; }
  /// Equal when every field is equal.
  friend bool operator==(const ServiceRecord&, const ServiceRecord&) = default;
};

/// The SHA-256 the record should carry in its chain.
/// \param record the record, whose own `hash` is ignored
/// \return the SHA-256 of its content and link
///
///   assert(kexie::digest(r) == r.hash);   // unless r was edited
[[nodiscard]] KEXIE_API AuditHash digest(const ServiceRecord& record);

/// Checks a service trail by the rule of `verify_audit` for activity trails
/// (audit.hpp): sequence, link and own hash of every record, then the head.
/// \param records the trail, in sequence order
/// \param expected the head the trail must end in, or null to check the records only
/// \return `fault` none when intact, else the first fault, its position and a sentence
///
///   std::vector<kexie::ServiceRecord> copy(desk.audit_trail().begin(), desk.audit_trail().end());
///   copy[3].reason = "edited";
///   assert(kexie::verify_audit(copy, desk.chain_head()).fault == kexie::AuditFault::edited);
[[nodiscard]] KEXIE_API AuditVerification verify_audit(std::span<const ServiceRecord> records,
                                                       const ChainHead* expected = nullptr);
/// `verify_audit(records, &expected)`.
/// \param records the trail, in sequence order
/// \param expected the head the trail must end in
/// \return `fault` none when intact, else the first fault, its position and a sentence
[[nodiscard]] KEXIE_API AuditVerification verify_audit(std::span<const ServiceRecord> records,
                                                       const ChainHead& expected);
/// The head of `records` as they are (no checks).
/// \param records the trail, in sequence order
/// \return the number of records and the hash of the last (the empty head when none)
///
///   kexie::ChainHead h = kexie::chain_head(desk.audit_trail());
[[nodiscard]] KEXIE_API ChainHead chain_head(std::span<const ServiceRecord> records) noexcept;

/// "#3 2026-03-02T09:00:00Z person:7 request:1 accept submitted->accepted ok", one line.
/// \param os the stream
/// \param record the record to write
/// \return os
KEXIE_API std::ostream& operator<<(std::ostream& os, const ServiceRecord& record);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SERVICE_RECORD_HPP
