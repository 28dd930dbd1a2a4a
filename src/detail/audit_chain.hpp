// The checks of a SHA-256 hash chain, shared by every trail kexie keeps: the
// activity audit (audit.cpp) and the founding trail (registry_founding.cpp). A
// record type has `sequence`, `previous` and `hash`; the caller says how to hash
// one. Internal.
#ifndef KEXIE_SRC_DETAIL_AUDIT_CHAIN_HPP
#define KEXIE_SRC_DETAIL_AUDIT_CHAIN_HPP

#include <cstdint>
#include <span>
#include <string>
#include <utility>

#include "kexie/audit.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

/// A verification naming the record at `position` and its fault.
inline AuditVerification chain_fault(AuditFault fault, std::uint64_t position, std::string what) {
  AuditVerification v;
  v.fault = fault;
  v.first_bad = position;
  v.message = "audit record " + std::to_string(position) + ": " + std::move(what);
  return v;
}

/// Checks `records` record by record (sequence, link, own hash by `hash_of`), then
/// against `expected` when given: the rules of `verify_audit` (audit.hpp).
template <class Record, class HashOf>
AuditVerification verify_chain(std::span<const Record> records, const ChainHead* expected,
                               HashOf&& hash_of) {
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
    if (hash_of(r) != r.hash)
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

/// The head of a chain as it is (no checks).
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
