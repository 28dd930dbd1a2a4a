// A person acting in roles (kx_actor): the subject of every lifecycle operation.
// Each actor is a tree of its own (its own lock).
package org.kexie;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A person acting in roles. Derive it from the registry ({@link #fromRegistry}) so every role
 * is backed; a book refuses asserted roles ("actor.unbacked_role") unless told otherwise.
 *
 * <pre>{@code try (Actor chair = Actor.fromRegistry(reg, wang, LocalDate.of(2025, 3, 1))) { ... }}</pre>
 */
public final class Actor extends Handle {
  private Actor(Pointer p) {
    super(new Tree(), p, Native.C::kx_actor_free, null);
  }

  /** An actor for {@code person} with no roles. {@code new Actor(li)} */
  public Actor(int person) {
    this(newActor(Text.id("person", person)));
  }

  private static Pointer newActor(int person) {
    PointerByReference out = new PointerByReference();
    KexieException.check(Native.C.kx_actor_new(out, person));
    return out.getValue();
  }

  /**
   * An actor with every role and expert listing {@code person} holds in {@code registry} on
   * {@code asOf} (kexie::actor_as_of).
   *
   * <pre>{@code Actor a = Actor.fromRegistry(reg, li, LocalDate.of(2025, 3, 1));}</pre>
   */
  public static Actor fromRegistry(Registry registry, int person, LocalDate asOf) {
    Objects.requireNonNull(registry, "registry");
    Text.id("person", person);
    Memory d = Text.date("asOf", asOf);
    return registry.tree().read(() -> {
      PointerByReference out = new PointerByReference();
      KexieException.check(Native.C.kx_actor_from_registry(out, registry.ptr(), person, d));
      return new Actor(out.getValue());
    });
  }

  /** Adds the grant {@code role} at {@code org} (asserted, not backed). {@code a.addRole(Role.CHAIR, zj)} */
  public Actor addRole(Role role, int org) {
    Objects.requireNonNull(role, "role");
    Text.id("org", org);
    tree().write(() -> KexieException.check(Native.C.kx_actor_add_role(ptr(), role.value(), org)));
    return this;
  }

  /** Lists the actor in {@code org}'s expert pool (asserted). {@code a.addExpertPool(zj)} */
  public Actor addExpertPool(int org) {
    Text.id("org", org);
    tree().write(() -> KexieException.check(Native.C.kx_actor_add_expert_pool(ptr(), org)));
    return this;
  }

  Pointer ptr() {
    return state.get("actor");
  }
}
