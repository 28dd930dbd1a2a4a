// Snapshots (快照, kx_snapshot): saving a registry with its books and campaigns
// to bytes or a file, and loading them back as handles borrowed from the
// snapshot (which they keep alive).
package org.kexie;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A loaded snapshot: a registry and the books and campaigns bound to it, owned together.
 *
 * <pre>{@code
 * byte[] bytes = Snapshot.save(reg, List.of(book), List.of());
 * try (Snapshot s = Snapshot.load(bytes); Registry r = s.registry()) { ... }
 * }</pre>
 */
public final class Snapshot extends Handle {
  private Snapshot(Pointer p) {
    super(new Tree(), p, Native.C::kx_snapshot_free, null);
  }

  Pointer ptr() {
    return state.get("snapshot");
  }

  /**
   * The snapshot bytes of {@code registry} with {@code books} and {@code campaigns} bound to
   * it; {@link InvalidArgumentException} for a book or campaign of another registry.
   *
   * <pre>{@code byte[] b = Snapshot.save(reg, List.of(book), List.of(campaign));}</pre>
   */
  public static byte[] save(Registry registry, List<ActivityBook> books,
      List<Campaign> campaigns) {
    Objects.requireNonNull(registry, "registry");
    List<ActivityBook> bs = List.copyOf(books);
    List<Campaign> cs = List.copyOf(campaigns);
    for (ActivityBook b : bs) {
      sameTree(registry, b);
    }
    for (Campaign c : cs) {
      sameTree(registry, c);
    }
    return registry.tree().read(() -> {
      Pointer[] bp = bs.stream().map(ActivityBook::ptr).toArray(Pointer[]::new);
      Pointer[] cp = cs.stream().map(Campaign::ptr).toArray(Pointer[]::new);
      Native.Buffer buf = new Native.Buffer();
      KexieException.check(Native.C.kx_snapshot_save_buffer(buf, registry.ptr(),
          bp.length == 0 ? null : bp, new Native.SizeT(bp.length), cp.length == 0 ? null : cp,
          new Native.SizeT(cp.length)));
      try {
        long size = buf.size.longValue();
        if (size > Integer.MAX_VALUE - 8) {
          throw new IllegalStateException("kexie: a snapshot of " + size
              + " bytes does not fit a Java array; save it to a file");
        }
        return buf.data.getByteArray(0, (int) size);
      } finally {
        Native.C.kx_buffer_free(buf);
      }
    });
  }

  /** Saves like {@link #save(Registry, List, List)} to the file {@code path}, crash-safe. */
  public static void save(Path path, Registry registry, List<ActivityBook> books,
      List<Campaign> campaigns) {
    Memory p = Text.c("path", Objects.requireNonNull(path, "path").toString());
    Objects.requireNonNull(registry, "registry");
    List<ActivityBook> bs = List.copyOf(books);
    List<Campaign> cs = List.copyOf(campaigns);
    bs.forEach(b -> sameTree(registry, b));
    cs.forEach(c -> sameTree(registry, c));
    registry.tree().read(() -> {
      Pointer[] bp = bs.stream().map(ActivityBook::ptr).toArray(Pointer[]::new);
      Pointer[] cp = cs.stream().map(Campaign::ptr).toArray(Pointer[]::new);
      return KexieException.check(Native.C.kx_snapshot_save(p, registry.ptr(),
          bp.length == 0 ? null : bp, new Native.SizeT(bp.length), cp.length == 0 ? null : cp,
          new Native.SizeT(cp.length), null));
    });
  }

  private static void sameTree(Registry registry, Handle h) {
    Objects.requireNonNull(h, "book or campaign");
    if (h.tree() != registry.tree()) {
      throw new IllegalArgumentException("kexie: a book or campaign over another registry");
    }
  }

  /** Loads snapshot bytes (copied); {@link CorruptDataException} naming what is wrong. */
  public static Snapshot load(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    Memory m = Text.bytes(bytes);
    PointerByReference out = new PointerByReference();
    KexieException.check(Native.C.kx_snapshot_load_buffer(out, m, new Native.SizeT(bytes.length)));
    return new Snapshot(out.getValue());
  }

  /** Loads the snapshot file {@code path}; {@link KexieIoException} when it cannot be read. */
  public static Snapshot load(Path path) {
    Memory p = Text.c("path", Objects.requireNonNull(path, "path").toString());
    PointerByReference out = new PointerByReference();
    KexieException.check(Native.C.kx_snapshot_load(out, p));
    return new Snapshot(out.getValue());
  }

  /** The snapshot's registry, borrowed (it keeps this snapshot alive). {@code s.registry()} */
  public Registry registry() {
    return tree().read(() -> {
      PointerByReference out = new PointerByReference();
      KexieException.check(Native.C.kx_snapshot_registry(out, ptr()));
      return Registry.borrowed(this, out.getValue());
    });
  }

  /** The number of activity books. {@code s.bookCount()} */
  public long bookCount() {
    return tree().read(() -> {
      Memory m = Kexie.sizeOut();
      KexieException.check(Native.C.kx_snapshot_book_count(m, ptr()));
      return Kexie.size(m);
    });
  }

  /** Book {@code index}, borrowed; {@link InvalidArgumentException} out of range. */
  public ActivityBook book(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("kexie: index must not be negative");
    }
    return tree().read(() -> {
      PointerByReference out = new PointerByReference();
      KexieException.check(Native.C.kx_snapshot_book(out, ptr(), new Native.SizeT(index)));
      return ActivityBook.borrowed(this, out.getValue());
    });
  }

  /** The number of campaigns. {@code s.campaignCount()} */
  public long campaignCount() {
    return tree().read(() -> {
      Memory m = Kexie.sizeOut();
      KexieException.check(Native.C.kx_snapshot_campaign_count(m, ptr()));
      return Kexie.size(m);
    });
  }

  /** Campaign {@code index}, borrowed; {@link InvalidArgumentException} out of range. */
  public Campaign campaign(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("kexie: index must not be negative");
    }
    return tree().read(() -> {
      PointerByReference out = new PointerByReference();
      KexieException.check(Native.C.kx_snapshot_campaign(out, ptr(), new Native.SizeT(index)));
      PointerByReference reg = new PointerByReference();
      KexieException.check(Native.C.kx_snapshot_registry(reg, ptr()));
      return Campaign.borrowed(this, out.getValue(), Registry.borrowed(this, reg.getValue()));
    });
  }
}
