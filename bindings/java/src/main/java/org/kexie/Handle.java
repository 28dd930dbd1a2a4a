// The base of every class that owns or borrows a C handle. close() is the
// contract: it frees the C object (deferred while a child built over it, such as
// a book over a registry, is still open, because C requires children freed
// first). A java.lang.ref.Cleaner is only a backstop for a handle that was never
// closed; it runs the same release, so a forgotten close() leaks nothing for
// long and never frees a parent under a live child.
package org.kexie;

import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Package-private base: {@code try (Registry r = new Registry()) { ... }} */
abstract class Handle implements AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();

  /** The native side, shared with the Cleaner; never refers to the Handle itself. */
  static final class Ref implements Runnable {
    final Tree tree;
    private Pointer ptr;
    private final Consumer<Pointer> free;
    private final Ref parent;
    private final AtomicInteger children = new AtomicInteger();
    private boolean released;

    Ref(Tree tree, Pointer ptr, Consumer<Pointer> free, Ref parent) {
      this.tree = tree;
      this.ptr = ptr;
      this.free = free;
      this.parent = parent;
    }

    /** The pointer for a call under the tree's lock; IllegalStateException once closed. */
    Pointer get(String what) {
      if (released || ptr == null) {
        throw new IllegalStateException("kexie: the " + what + " is closed");
      }
      return ptr;
    }

    /** The pointer for a child's call even when this handle was closed while the child lives. */
    Pointer forChild() {
      if (ptr == null) {
        throw new IllegalStateException("kexie: the parent handle is freed");
      }
      return ptr;
    }

    @Override
    public void run() {
      tree.write(() -> {
        released = true;
        freeIfDone();
        return null;
      });
    }

    private void freeIfDone() {
      if (released && children.get() == 0 && ptr != null) {
        Pointer p = ptr;
        ptr = null;
        free.accept(p);
        if (parent != null) {
          parent.children.decrementAndGet();
          parent.freeIfDone();
        }
      }
    }
  }

  final Ref state;
  private final Cleaner.Cleanable cleanable;

  /**
   * Takes ownership of {@code ptr}; {@code parent} (same tree) stays alive until this is freed.
   * The caller created {@code ptr} under the tree's lock and called {@link #retain} on the
   * parent under that same lock, so no free of the parent can slip in between.
   */
  Handle(Tree tree, Pointer ptr, Consumer<Pointer> free, Handle parent) {
    if (parent != null && parent.state.tree != tree) {
      throw new IllegalArgumentException("kexie: a child handle must share its parent's tree");
    }
    this.state = new Ref(tree, ptr, free, parent == null ? null : parent.state);
    this.cleanable = CLEANER.register(this, state);
  }

  /**
   * Counts a child about to be built over this handle; call it under the tree's lock (read
   * or write), in the same locked section that created the child's C object and checked
   * this handle's pointer, because only a write-locked free can race with it.
   */
  final void retain() {
    state.children.incrementAndGet();
  }

  /** The tree whose lock guards this handle. */
  final Tree tree() {
    return state.tree;
  }

  /**
   * Frees the C object (or, while handles built over it are open, as soon as they are
   * closed). Idempotent; any later call on this handle throws IllegalStateException.
   */
  @Override
  public void close() {
    cleanable.clean();
  }
}
