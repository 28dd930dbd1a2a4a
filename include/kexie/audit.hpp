// The audit trail (审计记录) of the activity lifecycle: an append-only list of
// every operation performed and every one refused, each record chained to the
// one before by SHA-256, so that editing, deleting, reordering or cutting off
// records is detected. A record's hash is SHA-256 over the previous record's
// hash followed by the record's fields in a fixed binary encoding (see
// docs/lifecycle.md). The chain head (record count and last hash) can be
// exported and kept elsewhere, which is what makes truncation detectable.
#ifndef KEXIE_AUDIT_HPP
#define KEXIE_AUDIT_HPP

#include <array>
#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "kexie/date.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/error.hpp"
#include "kexie/export.hpp"
#include "kexie/ids.hpp"
#include "kexie/lifecycle.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

/// A SHA-256 digest, 32 bytes.
///
///   kexie::AuditHash h = book.chain_head().hash;
///   std::cout << kexie::to_hex(h);   // 64 lower-case hex digits
using AuditHash = std::array<std::uint8_t, 32>;

/// Lower-case hexadecimal, 64 characters.
/// \param hash the digest
/// \return two lower-case hex digits per byte, in byte order
///
///   assert(kexie::to_hex(kexie::AuditHash{}) == std::string(64, '0'));
[[nodiscard]] KEXIE_API std::string to_hex(const AuditHash& hash);

/// One record of the trail: an operation that was performed, or one that was
/// refused (then `code` says why and `from == to`).
///
///   for (const kexie::AuditRecord& r : book.audit_trail())
///     if (r.security_event) alert(r.actor, r.message);
struct AuditRecord {
  /// Position in the trail, from 0; part of the hash, so reordering is detected.
  std::uint64_t sequence = 0;
  /// The activity (for `create`, the new activity's id; for a refused create, 0).
  ActivityId activity;
  /// The person who acted.
  PersonId actor;
  /// When, as the actor claimed it.
  Timestamp at;
  /// What was attempted.
  ActivityOperation operation = ActivityOperation::create;
  /// The state before.
  ActivityState from = ActivityState::draft;
  /// The state after (equal to `from` when refused).
  ActivityState to = ActivityState::draft;
  /// `ErrorCode::ok` when performed; the refusal's code otherwise.
  ErrorCode code = ErrorCode::ok;
  /// True for refusals on grounds of permission or conflict of interest.
  bool security_event = false;
  /// The refusing rule id ("lifecycle.permission"), empty when performed.
  std::string rule;
  /// The reason the actor gave.
  std::string reason;
  /// Details: the score and grade, the progress report, or the refusal's message.
  std::string message;
  /// True when the actor's roles were asserted, not backed by the registry, and
  /// accepted under `LifecyclePolicy::allow_asserted_roles`. Hashed only when true,
  /// so records without it keep the hashes of earlier versions.
  bool asserted = false;
  /// The hash of the previous record (all zeros for the first).
  AuditHash previous{};
  /// SHA-256 over `previous` and every field above.
  AuditHash hash{};

  /// True when the operation was performed.
  /// \return `code == ErrorCode::ok`; false for a refused attempt
  [[nodiscard]] bool accepted() const noexcept { return code == ErrorCode::ok; }

  /// Field-wise equality, hashes included.
  friend bool operator==(const AuditRecord&, const AuditRecord&) = default;
};

/// The SHA-256 digest of `record`'s fields and `record.previous`: the hash the
/// record should carry in the chain.
/// \param record the record; its own `hash` field is not read
/// \return SHA-256 over `record.previous` and its fields
///
///   assert(kexie::digest(r) == r.hash);   // unless r was edited
[[nodiscard]] KEXIE_API AuditHash digest(const AuditRecord& record);

/// The end of a chain: how many records it has and the last record's hash. An
/// application exports it after each append (or periodically) and keeps it out
/// of reach of whoever can write the trail.
///
///   kexie::ChainHead head = book.chain_head();
///   store(head.to_string());                                   // "10000:3fa4…"
///   kexie::ChainHead back = kexie::ChainHead::parse(load()).value();
struct ChainHead {
  /// Number of records.
  std::uint64_t count = 0;
  /// Hash of the last record; all zeros for an empty chain.
  AuditHash hash{};

  /// "count:hex".
  /// \return the decimal record count, a colon and the hash as 64 lower-case hex digits
  [[nodiscard]] KEXIE_API std::string to_string() const;
  /// Parses "count:hex" (64 hex digits); `invalid_argument` otherwise.
  /// \param text what `to_string` wrote: a decimal count, ':', 64 hex digits (either case)
  /// \return the head; `invalid_argument` for any other text
  [[nodiscard]] KEXIE_API static Result<ChainHead> parse(std::string_view text);

  /// Equal when count and hash are equal.
  friend bool operator==(const ChainHead&, const ChainHead&) = default;
};

/// What is wrong with the first bad record.
///
///   if (v.fault == kexie::AuditFault::truncated) restore_from_backup(v.first_bad);
enum class AuditFault : std::uint8_t {
  none,           ///< the trail is intact
  edited,         ///< the record's fields do not match its own hash
  out_of_order,   ///< the sequence number is not the record's position (deleted, inserted or moved)
  broken_link,    ///< `previous` is not the hash of the record before it
  truncated,      ///< records are missing at the end (fewer than the head says)
  head_mismatch,  ///< the last record's hash differs from the head's, or there are extra records
};

/// The names of `AuditFault`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<AuditFault> {
  static constexpr std::array<std::string_view, 6> names{
      "none", "edited", "out_of_order", "broken_link", "truncated", "head_mismatch"};
  static constexpr bool listed(AuditFault v) noexcept {
    switch (v) {
      case AuditFault::none:
      case AuditFault::edited:
      case AuditFault::out_of_order:
      case AuditFault::broken_link:
      case AuditFault::truncated:
      case AuditFault::head_mismatch:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<AuditFault>());

/// "none", "edited", "out_of_order", "broken_link", "truncated", "head_mismatch".
/// \param fault the enumerator to name
/// \return its name as `EnumNames<AuditFault>` spells it, a static string;
/// "unknown" outside the enumeration
[[nodiscard]] KEXIE_API std::string_view to_string(AuditFault fault) noexcept;

/// The outcome of `verify_audit`: intact, or the first bad record and why.
///
///   kexie::AuditVerification v = kexie::verify_audit(records, head);
///   if (!v.ok()) std::cerr << "record " << v.first_bad << ": " << v.message;
struct AuditVerification {
  /// `none` when intact.
  AuditFault fault = AuditFault::none;
  /// The position of the first bad record; for `truncated`, the position of the
  /// first missing record (the trail's length).
  std::uint64_t first_bad = 0;
  /// A sentence naming the record and the fault.
  std::string message;

  /// True when the trail is intact.
  /// \return `fault == AuditFault::none`
  [[nodiscard]] bool ok() const noexcept { return fault == AuditFault::none; }
};

/// Checks a trail record by record: sequence equals position, `previous` equals
/// the previous record's hash, `hash` equals `digest(record)`; then, when `expected`
/// is given, that the trail is as long as the head says and ends in its hash.
/// Names the first bad record. Without a head, cutting records off the end cannot
/// be detected — keep the head elsewhere.
/// \param records the trail, oldest first
/// \param expected the head kept elsewhere, or null to check the links only
/// \return `ok()` when intact; otherwise the first fault and its position
///
///   std::vector<kexie::AuditRecord> copy(book.audit_trail().begin(), book.audit_trail().end());
///   copy[42].reason = "nothing to see";
///   auto v = kexie::verify_audit(copy, book.chain_head());
///   assert(v.fault == kexie::AuditFault::edited && v.first_bad == 42);
[[nodiscard]] KEXIE_API AuditVerification verify_audit(std::span<const AuditRecord> records,
                                                       const ChainHead* expected = nullptr);

/// `verify_audit(records, &expected)`.
/// \param records the trail, oldest first
/// \param expected the head kept elsewhere
/// \return `ok()` when intact; otherwise the first fault and its position
[[nodiscard]] KEXIE_API AuditVerification verify_audit(std::span<const AuditRecord> records,
                                                       const ChainHead& expected);

/// The head of `records` as they are (no checks).
/// \param records the trail, oldest first
/// \return its length and the last record's hash (zeros for an empty trail)
///
///   kexie::ChainHead h = kexie::chain_head(records);
[[nodiscard]] KEXIE_API ChainHead chain_head(std::span<const AuditRecord> records) noexcept;

/// "#12 2025-03-01T01:30:00Z person:7 approve submitted→approved ok", one line.
/// \param os the stream
/// \param record the audit record
/// \return os
KEXIE_API std::ostream& operator<<(std::ostream& os, const AuditRecord& record);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_AUDIT_HPP
