// The SHA-256 hash chain shared by every trail kexie keeps: linking a record (its
// sequence, its link to the previous record and its own hash), appending it, and
// verifying a trail against an optional chain head. The record type and its
// encoding vary (the activity book's `AuditRecord` in activity.cpp and audit.cpp,
// the founding trail's `FoundingRecord` in registry_founding.cpp, the service
// desk's `ServiceRecord` in service_desk.cpp and service_record.cpp); the chain
// does not. Internal.
#ifndef KEXIE_SRC_DETAIL_AUDIT_CHAIN_HPP
#define KEXIE_SRC_DETAIL_AUDIT_CHAIN_HPP

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "kexie/audit.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

/// A verification outcome naming the record at `position`.
inline AuditVerification chain_fault(AuditFault fault, std::uint64_t position, std::string what) {
  AuditVerification v;
  v.fault = fault;
  v.first_bad = position;
  v.message = "audit record " + std::to_string(position) + ": " + std::move(what);
  return v;
}

/// Links `r` as the next record of `trail` without adding it: sets its sequence
/// and its link, then its hash with `hash(r)`. `Record` has `sequence`, `previous`
/// and `hash` members.
///
///   link_chained(trail, record, [&](const Rec& r) { return hash_of(r); });
template <class Record, class Hash>
void link_chained(const std::vector<Record>& trail, Record& r, Hash&& hash) {
  r.sequence = trail.size();
  r.previous = trail.empty() ? AuditHash{} : trail.back().hash;
  r.hash = hash(r);
}

/// Appends `r` to `trail`, linked by `link_chained`.
///
///   append_chained(trail, std::move(record), [&](const Rec& r) { return hash_of(r); });
template <class Record, class Hash>
void append_chained(std::vector<Record>& trail, Record r, Hash&& hash) {
  link_chained(trail, r, std::forward<Hash>(hash));
  trail.push_back(std::move(r));
}

/// Checks a trail record by record (sequence, link, own hash by `hash`), then
/// against `expected` when given: the rule of `verify_audit` for any record type.
///
///   AuditVerification v = verify_chain(records, &head, [&](const Rec& r) { return hash_of(r); });
template <class Record, class Hash>
AuditVerification verify_chain(std::span<const Record> records, const ChainHead* expected,
                               Hash&& hash) {
  AuditHash previous{};
  for (std::size_t i = 0; i < records.size(); ++i) {
    const Record& r = records[i];
    const std::uint64_t position = i;
    // The sequence check comes first: a deleted or moved record shows up as a
    // sequence that is not its position, which names the fault precisely.
    if (r.sequence != position)
      return chain_fault(AuditFault::out_of_order, position,
                         "carries sequence " + std::to_string(r.sequence) +
                             " (records deleted, inserted or moved before it)");
    if (r.previous != previous)
      return chain_fault(AuditFault::broken_link, position,
                         "does not link to the hash of the record before it");
    if (hash(r) != r.hash)
      return chain_fault(AuditFault::edited, position, "its fields do not match its hash (edited)");
    previous = r.hash;
  }
  if (expected != nullptr) {
    const std::uint64_t n = records.size();
    if (n < expected->count)
      return chain_fault(AuditFault::truncated, n,
                         "missing: the head says " + std::to_string(expected->count) +
                             " records, the trail has " + std::to_string(n) + " (truncated)");
    if (n > expected->count)
      return chain_fault(AuditFault::head_mismatch, expected->count,
                         "is beyond the head's count of " + std::to_string(expected->count));
    if (previous != expected->hash)
      return chain_fault(AuditFault::head_mismatch, n == 0 ? 0 : n - 1,
                         "the last record's hash differs from the head's (chain rewritten)");
  }
  return {};
}

/// The head of `records` as they are (no checks).
template <class Record>
ChainHead chain_head_of(std::span<const Record> records) noexcept {
  ChainHead head;
  head.count = records.size();
  if (!records.empty()) head.hash = records.back().hash;
  return head;
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_DETAIL_AUDIT_CHAIN_HPP
