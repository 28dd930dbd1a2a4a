// The outcome of an audit-chain verification (kx_audit_verification).
package org.kexie;

/**
 * Whether a hash-chained audit trail is intact.
 *
 * <pre>{@code book.verifyAudit(null).fault() == AuditFault.NONE}</pre>
 *
 * @param fault {@link AuditFault#NONE} when intact
 * @param firstBad the position of the first bad record
 */
public record AuditVerification(AuditFault fault, long firstBad) {
  /** True when the trail is intact. {@code book.verifyAudit(head).intact()} */
  public boolean intact() {
    return fault == AuditFault.NONE;
  }
}
