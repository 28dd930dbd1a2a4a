// A 讲比 campaign (kx_campaign) over a registry, whose tree (and lock) it shares:
// built from kexie.campaign/1 and kexie.entries/1 documents, scored into a
// Scoreboard, explained entry by entry.
package org.kexie;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.Objects;

/**
 * A campaign (kexie::Campaign). Scoring and queries may run on several threads at once.
 *
 * <pre>{@code
 * try (Campaign c = Campaign.fromDocuments(reg, rulesJson, entriesJson);
 *      Scoreboard board = c.score()) {
 *   System.out.println(board.digest());
 * }
 * }</pre>
 */
public final class Campaign extends Handle {
  private Campaign(Tree tree, Pointer p, Handle parent, boolean owned) {
    super(tree, p, owned ? Native.C::kx_campaign_free : x -> {}, parent);
  }

  /** A campaign a snapshot owns, borrowed (see {@link Snapshot#campaign(int)}). */
  static Campaign borrowed(Snapshot snapshot, Pointer p, Registry registry) {
    snapshot.retain();
    Campaign c = new Campaign(snapshot.tree(), p, snapshot, false);
    c.registry = registry;
    return c;
  }

  Pointer ptr() {
    return state.get("campaign");
  }

  /** The registry pointer, valid while this campaign lives. */
  Pointer registryPtr() {
    return registry == null ? null : registry.state.forChild();
  }

  /** The registry it was built over (a snapshot's campaign: the snapshot's registry). */
  private Registry registry;

  /**
   * A campaign over {@code registry} from a kexie.campaign/1 document (its rules) and, unless
   * {@code entriesJson} is null, a kexie.entries/1 document; all or nothing.
   *
   * <pre>{@code Campaign c = Campaign.fromDocuments(reg, Files.readString(rules), null);}</pre>
   *
   * @throws InvalidArgumentException with every {@link KexieException#problems() problem}
   * @throws CorruptDataException when the text is not JSON at all (its line and column in
   *     the message and {@link KexieException#problems()})
   */
  public static Campaign fromDocuments(Registry registry, String campaignJson,
      String entriesJson) {
    Objects.requireNonNull(registry, "registry");
    byte[] rules = Text.utf8("campaignJson", Objects.requireNonNull(campaignJson, "campaignJson"));
    byte[] entries = entriesJson == null ? null : Text.utf8("entriesJson", entriesJson);
    Memory r = Text.bytes(rules);
    Memory e = entries == null ? null : Text.bytes(entries);
    Campaign c = registry.tree().read(() -> {
      PointerByReference out = new PointerByReference();
      KexieException.check(Native.C.kx_campaign_from_documents(out, registry.ptr(), r,
          new Native.SizeT(rules.length), e, new Native.SizeT(entries == null ? 0 : entries.length)));
      registry.retain();
      return new Campaign(registry.tree(), out.getValue(), registry, true);
    });
    c.registry = registry;
    return c;
  }

  /** Where the campaign stands in its activity. {@code c.phase()} */
  public Phase phase() {
    return tree().read(() -> {
      IntByReference out = new IntByReference();
      KexieException.check(Native.C.kx_campaign_phase(out, ptr()));
      return Phase.of(out.getValue());
    });
  }

  /** The number of entries and judges. {@code c.counts().entries()} */
  public CampaignCounts counts() {
    return tree().read(() -> {
      Native.CampaignCounts n = new Native.CampaignCounts();
      KexieException.check(Native.C.kx_campaign_count(n, ptr()));
      return new CampaignCounts(n.entries.longValue(), n.judges.longValue());
    });
  }

  /** The id of the entry with application number {@code code}; {@link NotFoundException} when none. */
  public int findEntry(String code) {
    Memory k = Text.c("code", code);
    return tree().read(() -> {
      IntByReference out = new IntByReference();
      KexieException.check(Native.C.kx_campaign_find_entry(out, ptr(), k));
      return out.getValue();
    });
  }

  /**
   * The campaign's rules and entries as canonical documents, naming units and people by
   * the codes of the registry it was read with (kx_campaign_to_documents). A campaign
   * read from documents gives them back byte for byte.
   *
   * <pre>{@code CampaignDocuments d = c.toDocuments(); String rules = d.rules();}</pre>
   *
   * @throws IllegalStateException when the campaign's registry is not known
   */
  public CampaignDocuments toDocuments() {
    return tree().read(() -> {
      Pointer reg = registryPtr();
      if (reg == null) {
        throw new IllegalStateException("kexie: the campaign's registry is not known");
      }
      PointerByReference rules = new PointerByReference();
      PointerByReference entries = new PointerByReference();
      KexieException.check(Native.C.kx_campaign_to_documents(rules, entries, ptr(), reg));
      String r = Kexie.take(rules.getValue());
      return new CampaignDocuments(r, Kexie.take(entries.getValue()));
    });
  }

  /**
   * Scores the campaign into an immutable scoreboard (close it too).
   *
   * <pre>{@code try (Scoreboard b = c.score()) { b.digest(); }}</pre>
   */
  public Scoreboard score() {
    return tree().read(() -> {
      PointerByReference out = new PointerByReference();
      KexieException.check(Native.C.kx_campaign_score(out, ptr()));
      retain();
      return new Scoreboard(tree(), out.getValue(), this);
    });
  }
}
