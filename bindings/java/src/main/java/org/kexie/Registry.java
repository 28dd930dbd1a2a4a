// A registry of organizations, people, memberships and appointments over the C
// API's kx_registry: the root of a tree of handles (books and campaigns built over
// it share its lock and keep it alive).
package org.kexie;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Organizations, people and their memberships (kexie::Registry). Close it (try-with-resources)
 * after the books and campaigns over it, or let them keep it alive: its C object is freed
 * when it and every handle over it are closed.
 *
 * <pre>{@code
 * try (Registry reg = new Registry()) {
 *   int cast = reg.addOrganization(OrgKind.NATIONAL, "中国科协", 0,
 *       LocalDate.of(1958, 9, 18), Level.NONE, null);
 * }
 * }</pre>
 */
public final class Registry extends Handle {
  private Registry(Tree tree, Pointer p, Handle parent) {
    super(tree, p, parent == null ? Native.C::kx_registry_free : x -> {}, parent);
  }

  /** An empty registry with the default policy. {@code new Registry()} */
  public Registry() {
    this(new Tree(), created(), null);
  }

  private static Pointer created() {
    PointerByReference out = new PointerByReference();
    KexieException.check(Native.C.kx_registry_new(out, null));
    return out.getValue();
  }

  /** The registry a snapshot owns, borrowed (package-private; see {@link Snapshot#registry()}). */
  static Registry borrowed(Snapshot snapshot, Pointer p) {
    snapshot.retain();
    return new Registry(snapshot.tree(), p, snapshot);
  }

  /**
   * A registry from a kexie.registry/1 document (docs/documents.md).
   *
   * <pre>{@code Registry reg = Registry.fromDocument(Files.readString(path));}</pre>
   *
   * @throws InvalidArgumentException with every {@link KexieException#problems() problem}
   * @throws CorruptDataException when the text is not JSON at all (its line and column in
   *     the message and {@link KexieException#problems()})
   */
  public static Registry fromDocument(String json) {
    byte[] b = Text.utf8("json", Objects.requireNonNull(json, "json"));
    PointerByReference out = new PointerByReference();
    KexieException.check(Native.C.kx_registry_from_document(out, Text.bytes(b),
        new Native.SizeT(b.length)));
    return new Registry(new Tree(), out.getValue(), null);
  }

  /** The canonical kexie.registry/1 text. {@code String json = reg.toDocument();} */
  public String toDocument() {
    return tree().read(() -> {
      PointerByReference out = new PointerByReference();
      KexieException.check(Native.C.kx_registry_to_document(out, ptr()));
      return Kexie.take(out.getValue());
    });
  }

  Pointer ptr() {
    return state.get("registry");
  }

  /**
   * Adds an organization and returns its id; refusals name the rule, e.g. {@link
   * RuleViolationException} "org.parent_kind" (A13).
   *
   * <pre>{@code int zj = reg.addOrganization(OrgKind.LOCAL, "浙江省科协", cast,
   *     LocalDate.of(1960, 1, 1), Level.PROVINCIAL, null);}</pre>
   *
   * @param parent the parent's id, 0 for the national root and partners
   * @param enterpriseName required for enterprise associations, else null
   */
  public int addOrganization(OrgKind kind, String name, int parent, LocalDate effective,
      Level level, String enterpriseName) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(level, "level");
    if (parent < 0) {
      throw new IllegalArgumentException("kexie: parent must be 0 or an id, not " + parent);
    }
    Native.OrgSpec s = new Native.OrgSpec();
    s.kind = kind.value();
    Memory n = Text.c("name", name);
    Memory e = Text.date("effective", effective);
    Memory en = Text.cOrNull("enterpriseName", enterpriseName);
    s.name = n;
    s.parent = parent;
    s.effective = e;
    s.level = level.value();
    s.enterprise_name = en;
    return tree().write(() -> {
      IntByReference out = new IntByReference();
      KexieException.check(Native.C.kx_registry_add_org(out, ptr(), s));
      return out.getValue();
    });
  }

  /** An organization's fields; {@link NotFoundException} for an unknown id. {@code reg.organization(cast)} */
  public Organization organization(int id) {
    Text.id("id", id);
    return tree().read(() -> {
      Native.OrgInfo o = new Native.OrgInfo();
      KexieException.check(Native.C.kx_registry_org(o, ptr(), id));
      PointerByReference name = new PointerByReference();
      KexieException.check(Native.C.kx_registry_org_name(name, ptr(), id));
      return new Organization(o.id, Kexie.take(name.getValue()), OrgKind.of(o.kind),
          Level.of(o.level), LocalDate.ofEpochDay(o.first_day), LocalDate.ofEpochDay(o.last_day));
    });
  }

  /** The parent of {@code org} on {@code asOf}, 0 for the root. {@code reg.parent(steel, day)} */
  public int parent(int org, LocalDate asOf) {
    Text.id("org", org);
    Memory d = Text.date("asOf", asOf);
    return tree().read(() -> {
      IntByReference out = new IntByReference();
      KexieException.check(Native.C.kx_registry_parent(out, ptr(), org, d));
      return out.getValue();
    });
  }

  /**
   * {@code root} and every organization below it on {@code asOf}, depth first; only those of
   * {@code kind} unless it is null.
   *
   * <pre>{@code List<Integer> ents = reg.subtree(zj, day, OrgKind.ENTERPRISE);}</pre>
   */
  public List<Integer> subtree(int root, LocalDate asOf, OrgKind kind) {
    Text.id("root", root);
    Memory d = Text.date("asOf", asOf);
    List<Integer> out = new ArrayList<>();
    Native.OrgCallback cb = (org, payload) -> {
      out.add(org);
      return 0;
    };
    tree().read(() -> KexieException.check(Native.C.kx_registry_subtree_foreach(ptr(), root, d,
        kind == null ? -1 : kind.value(), cb, null)));
    return List.copyOf(out);
  }

  /**
   * Registers a person and returns the id; {@link AlreadyExistsException}
   * "person.external_key" for a key already used at the employer.
   *
   * <pre>{@code int li = reg.addPerson("李娜", LocalDate.of(1992, 7, 1), steel, "E-0042",
   *     Title.INTERMEDIATE);}</pre>
   *
   * @param externalKey unique within the employer; may be null
   */
  public int addPerson(String name, LocalDate birth, int employer, String externalKey,
      Title title) {
    Objects.requireNonNull(title, "title");
    Text.id("employer", employer);
    Native.PersonSpec s = new Native.PersonSpec();
    Memory n = Text.c("name", name);
    Memory b = Text.date("birth", birth);
    Memory k = Text.cOrNull("externalKey", externalKey);
    s.name = n;
    s.birth = b;
    s.employer = employer;
    s.external_key = k;
    s.title = title.value();
    return tree().write(() -> {
      IntByReference out = new IntByReference();
      KexieException.check(Native.C.kx_registry_add_person(out, ptr(), s));
      return out.getValue();
    });
  }

  /** A person's fields; {@link NotFoundException} for an unknown id. {@code reg.person(li).name()} */
  public Person person(int id) {
    Text.id("id", id);
    return tree().read(() -> {
      Native.PersonInfo p = new Native.PersonInfo();
      KexieException.check(Native.C.kx_registry_person(p, ptr(), id));
      PointerByReference name = new PointerByReference();
      KexieException.check(Native.C.kx_registry_person_name(name, ptr(), id));
      return new Person(p.id, Kexie.take(name.getValue()), LocalDate.ofEpochDay(p.birth),
          p.employer, Title.of(p.title));
    });
  }

  /** The person with {@code externalKey} at {@code employer}; {@link NotFoundException} when none. */
  public int findPerson(int employer, String externalKey) {
    Text.id("employer", employer);
    Memory k = Text.c("externalKey", externalKey);
    return tree().read(() -> {
      IntByReference out = new IntByReference();
      KexieException.check(Native.C.kx_registry_find_person(out, ptr(), employer, k));
      return out.getValue();
    });
  }

  /** True when the person is a young S&amp;T worker (A9) on {@code asOf}. {@code reg.isYoung(li, day)} */
  public boolean isYoung(int person, LocalDate asOf) {
    Text.id("person", person);
    Memory d = Text.date("asOf", asOf);
    return tree().read(() -> {
      IntByReference out = new IntByReference();
      KexieException.check(Native.C.kx_registry_is_young(out, ptr(), person, d));
      return out.getValue() != 0;
    });
  }

  /**
   * Enrols {@code person} in {@code org} with {@code role} from {@code first} to {@code last}
   * (null: open-ended); returns the membership's id.
   *
   * <pre>{@code reg.addMembership(li, steel, Role.MEMBER, LocalDate.of(2020, 1, 1), null);}</pre>
   */
  public int addMembership(int person, int org, Role role, LocalDate first, LocalDate last) {
    Text.id("person", person);
    Text.id("org", org);
    Objects.requireNonNull(role, "role");
    Memory f = Text.date("first", first);
    Memory l = Text.dateOrNull("last", last);
    return tree().write(() -> {
      IntByReference out = new IntByReference();
      KexieException.check(Native.C.kx_registry_add_membership(out, ptr(), person, org,
          role.value(), f, l));
      return out.getValue();
    });
  }

  /**
   * Appoints {@code person} to office {@code role} of {@code org} from {@code first} to {@code
   * last} (null: open-ended); returns the appointment's id.
   *
   * <pre>{@code reg.appoint(wang, zj, OfficerRole.CHAIR, LocalDate.of(2021, 1, 1), null);}</pre>
   */
  public int appoint(int person, int org, OfficerRole role, LocalDate first, LocalDate last) {
    Text.id("person", person);
    Text.id("org", org);
    Objects.requireNonNull(role, "role");
    Memory f = Text.date("first", first);
    Memory l = Text.dateOrNull("last", last);
    return tree().write(() -> {
      IntByReference out = new IntByReference();
      KexieException.check(Native.C.kx_registry_appoint(out, ptr(), person, org, role.value(),
          f, l));
      return out.getValue();
    });
  }

  /** Distinct members, young members and experts of {@code org}'s subtree. {@code reg.rollup(zj, day)} */
  public Rollup rollup(int org, LocalDate asOf) {
    Text.id("org", org);
    Memory d = Text.date("asOf", asOf);
    return tree().read(() -> {
      Native.Rollup r = new Native.Rollup();
      KexieException.check(Native.C.kx_registry_rollup(r, ptr(), org, d));
      return new Rollup(r.members.longValue(), r.young.longValue(), r.experts.longValue());
    });
  }

}
