// Counts of an organization's subtree on a date (kx_rollup), as an immutable record.
package org.kexie;

/**
 * Distinct members, young members and experts of a subtree on a date.
 *
 * <pre>{@code Rollup r = reg.rollup(province, LocalDate.of(2025, 6, 30)); r.members()}</pre>
 *
 * @param members distinct members
 * @param young distinct young members (A9)
 * @param experts distinct experts listed in pools
 */
public record Rollup(long members, long young, long experts) {}
