// An activity's plain fields (kx_activity_info), as an immutable record.
package org.kexie;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An activity read from a book.
 *
 * <pre>{@code ActivityInfo a = book.activity(id); a.state() == State.DRAFT}</pre>
 *
 * @param id its id
 * @param type its type
 * @param state its state
 * @param organizer the organizing association
 * @param owner the owning organization
 * @param responsible the responsible person
 * @param grade the evaluation grade, null before conclusion
 * @param score the evaluation score (exact), null before conclusion
 * @param created when it was created
 * @param lastEvent when it last changed
 */
public record ActivityInfo(int id, ActivityType type, State state, int organizer, int owner,
    int responsible, Grade grade, BigDecimal score, Instant created, Instant lastEvent) {}
