// An organization's plain fields (kx_org_info), as an immutable record.
package org.kexie;

import java.time.LocalDate;

/**
 * An organization read from a registry.
 *
 * <pre>{@code Organization o = reg.organization(id); o.kind() == OrgKind.NATIONAL}</pre>
 *
 * @param id its id
 * @param name its name
 * @param kind its kind
 * @param level its level (locals), else {@link Level#NONE}
 * @param firstDay the first day in effect
 * @param lastDay the last day in effect (9999-12-31 while active)
 */
public record Organization(int id, String name, OrgKind kind, Level level, LocalDate firstDay,
    LocalDate lastDay) {}
