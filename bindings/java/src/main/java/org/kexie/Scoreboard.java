// A scored campaign's immutable result table (kx_scoreboard): results as
// records with exact BigDecimals, the digest, explanations and the results
// document. Every accessor may run on several threads at once.
package org.kexie;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The results of {@link Campaign#score()} (kexie::Scoreboard).
 *
 * <pre>{@code for (EntryResult r : board.results()) if (r.awarded()) System.out.println(r.award());}</pre>
 */
public final class Scoreboard extends Handle {
  private final Campaign campaign;

  Scoreboard(Tree tree, Pointer p, Campaign campaign) {
    super(tree, p, Native.C::kx_scoreboard_free, campaign);
    this.campaign = campaign;
  }

  Pointer ptr() {
    return state.get("scoreboard");
  }

  /** The board's SHA-256 digest (64 hex digits). {@code board.digest()} */
  public String digest() {
    return tree().read(() -> {
      PointerByReference out = new PointerByReference();
      KexieException.check(Native.C.kx_scoreboard_digest(out, ptr()));
      return Text.java(out.getValue());
    });
  }

  /** The number of entries on the board. {@code board.size()} */
  public long size() {
    return tree().read(() -> {
      Memory m = Kexie.sizeOut();
      KexieException.check(Native.C.kx_scoreboard_size(m, ptr()));
      return Kexie.size(m);
    });
  }

  /** Every result in the board's stable order. {@code board.results().get(0).total()} */
  public List<EntryResult> results() {
    return tree().read(() -> {
      Memory m = Kexie.sizeOut();
      KexieException.check(Native.C.kx_scoreboard_size(m, ptr()));
      long n = Kexie.size(m);
      List<EntryResult> out = new ArrayList<>();
      for (long i = 0; i < n; ++i) {
        Native.EntryResult r = new Native.EntryResult();
        KexieException.check(Native.C.kx_scoreboard_entry(r, ptr(), new Native.SizeT(i)));
        out.add(record(r));
      }
      return List.copyOf(out);
    });
  }

  /** The result of entry {@code entry}; {@link NotFoundException} when it is not on the board. */
  public EntryResult find(int entry) {
    Text.id("entry", entry);
    return tree().read(() -> {
      Native.EntryResult r = new Native.EntryResult();
      KexieException.check(Native.C.kx_scoreboard_find(r, ptr(), entry));
      return record(r);
    });
  }

  /** The entry's prize in yuan, or null when its rubric has no prize rule. {@code board.prize(id)} */
  public BigDecimal prize(int entry) {
    Text.id("entry", entry);
    return tree().read(() -> {
      PointerByReference out = new PointerByReference();
      KexieException.check(Native.C.kx_scoreboard_prize(out, ptr(), entry));
      return Text.decimal(out.getValue());
    });
  }

  /**
   * Why {@code entry} got its total, rank and award, as text in {@code language}.
   *
   * <pre>{@code System.out.println(board.explainText(id, Language.ENGLISH));}</pre>
   */
  public String explainText(int entry, Language language) {
    Text.id("entry", entry);
    Objects.requireNonNull(language, "language");
    return tree().read(() -> {
      PointerByReference out = new PointerByReference();
      KexieException.check(Native.C.kx_explain_text(out, campaign.ptr(), ptr(), entry,
          language.value()));
      return Kexie.take(out.getValue());
    });
  }

  /** The same explanation as a JSON object (decimals as strings). {@code board.explainJson(id)} */
  public String explainJson(int entry) {
    Text.id("entry", entry);
    return tree().read(() -> {
      PointerByReference out = new PointerByReference();
      KexieException.check(Native.C.kx_explain_json(out, campaign.ptr(), ptr(), entry));
      return Kexie.take(out.getValue());
    });
  }

  /**
   * The canonical kexie.results/1 text (docs/documents.md), each entry's explanation as a
   * summary. {@code board.toDocument()}
   */
  public String toDocument() {
    return toDocument(ResultsExplanations.SUMMARY);
  }

  /**
   * The canonical kexie.results/1 text with each entry's explanation in the form asked:
   * SUMMARY (per indicator value, weight or points, contribution, counts; the tier
   * reason) or FULL (every judge's mark, the text in Chinese and English). The document
   * names its form in {@code "explanations"}.
   * {@code board.toDocument(ResultsExplanations.FULL)}
   *
   * @throws NullPointerException when {@code explanations} is null
   */
  public String toDocument(ResultsExplanations explanations) {
    java.util.Objects.requireNonNull(explanations, "explanations");
    return tree().read(() -> {
      Pointer reg = campaign.registryPtr();
      if (reg == null) {
        throw new IllegalStateException("kexie: the campaign's registry is not known");
      }
      PointerByReference out = new PointerByReference();
      KexieException.check(Native.C.kx_scoreboard_to_document_with(out, ptr(), campaign.ptr(),
          reg, explanations.value()));
      return Kexie.take(out.getValue());
    });
  }

  private static EntryResult record(Native.EntryResult r) {
    return new EntryResult(r.entry, Text.java(r.code), r.unit, r.enterprise,
        Category.of(r.category), EntryStatus.of(r.status), Text.decimal(r.total),
        Text.decimal(r.judged_part), Text.decimal(r.objective_part), Text.decimal(r.bonus),
        Integer.toUnsignedLong(r.rank), Integer.toUnsignedLong(r.position), r.tier,
        Text.java(r.award));
  }
}
