// One entry's result on a scoreboard (kx_entry_result), as an immutable record.
package org.kexie;

import java.math.BigDecimal;

/**
 * An entry's total, parts, rank and award; every decimal exact.
 *
 * <pre>{@code for (EntryResult r : board.results()) System.out.println(r.code() + " " + r.total());}</pre>
 *
 * @param entry the entry's id
 * @param code its application number
 * @param unit the unit (organization) that entered it
 * @param enterprise its enterprise association
 * @param category its category
 * @param status ranked, incomplete or vetoed
 * @param total the exact total
 * @param judgedPart the judged part of the total
 * @param objectivePart the objective part of the total
 * @param bonus the bonus
 * @param rank the competition rank in its group, 0 when unranked
 * @param position the place after tie-breaks in its group
 * @param tier the award tier index, -1 when not awarded
 * @param award the tier's name, "" when not awarded
 */
public record EntryResult(int entry, String code, int unit, int enterprise, Category category,
    EntryStatus status, BigDecimal total, BigDecimal judgedPart, BigDecimal objectivePart,
    BigDecimal bonus, long rank, long position, int tier, String award) {
  /** True when the entry won a tier. {@code r.awarded()} */
  public boolean awarded() {
    return tier >= 0;
  }
}
