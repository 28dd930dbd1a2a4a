// A person's plain fields (kx_person_info), as an immutable record.
package org.kexie;

import java.time.LocalDate;

/**
 * A person read from a registry.
 *
 * <pre>{@code Person p = reg.person(id); p.title() == Title.SENIOR}</pre>
 *
 * @param id the person's id
 * @param name the name
 * @param birth the date of birth
 * @param employer the employing enterprise association (or proxy)
 * @param title the professional title
 */
public record Person(int id, String name, LocalDate birth, int employer, Title title) {}
