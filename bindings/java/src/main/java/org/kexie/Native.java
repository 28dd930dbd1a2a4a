// The JNA mapping of the C API (include/kexie/kexie.h) that the public classes
// of org.kexie call: one method per kx_* function used, the C structs as JNA
// Structures (strings as Pointers, decoded as UTF-8 by Text), and the loading of
// libkexie_c. Package-private: nothing here is part of the Java API.
package org.kexie;

import com.sun.jna.Callback;
import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.Map;

/** The C functions and structs (package-private). {@code Native.C.kx_version_string()} */
final class Native {
  private Native() {}

  /** C's size_t. {@code new Native.SizeT(3)} */
  public static final class SizeT extends IntegerType {
    private static final long serialVersionUID = 1L;

    public SizeT() {
      this(0);
    }

    public SizeT(long value) {
      super(com.sun.jna.Native.SIZE_T_SIZE, value, true);
    }
  }

  /** kx_error. */
  @Structure.FieldOrder({"code", "message", "rule", "article"})
  public static final class KxError extends Structure {
    public int code;
    public Pointer message;
    public Pointer rule;
    public Pointer article;

    public KxError(Pointer p) {
      super(p);
      read();
    }
  }

  /** kx_document_problem. */
  @Structure.FieldOrder({"pointer", "line", "column", "rule", "article", "message"})
  public static final class KxProblem extends Structure {
    public Pointer pointer;
    public int line;
    public int column;
    public Pointer rule;
    public Pointer article;
    public Pointer message;

    public KxProblem(Pointer p) {
      super(p);
      read();
    }
  }

  /** kx_org_spec. */
  @Structure.FieldOrder({"version", "kind", "name", "parent", "effective", "level",
      "enterprise_name", "ownership", "industry", "region"})
  public static final class OrgSpec extends Structure {
    public int version = 1;
    public int kind;
    public Pointer name;
    public int parent;
    public Pointer effective;
    public int level;
    public Pointer enterprise_name;
    public int ownership;
    public Pointer industry;
    public Pointer region;
  }

  /** kx_org_info. */
  @Structure.FieldOrder({"id", "kind", "level", "first_day", "last_day"})
  public static final class OrgInfo extends Structure {
    public int id;
    public int kind;
    public int level;
    public int first_day;
    public int last_day;
  }

  /** kx_person_spec. */
  @Structure.FieldOrder({"version", "name", "birth", "employer", "external_key", "title",
      "discipline"})
  public static final class PersonSpec extends Structure {
    public int version = 1;
    public Pointer name;
    public Pointer birth;
    public int employer;
    public Pointer external_key;
    public int title;
    public Pointer discipline;
  }

  /** kx_person_info. */
  @Structure.FieldOrder({"id", "birth", "employer", "title"})
  public static final class PersonInfo extends Structure {
    public int id;
    public int birth;
    public int employer;
    public int title;
  }

  /** kx_rollup. */
  @Structure.FieldOrder({"members", "young", "experts"})
  public static final class Rollup extends Structure {
    public SizeT members;
    public SizeT young;
    public SizeT experts;
  }

  /** kx_activity_plan. */
  @Structure.FieldOrder({"version", "type", "title", "organizer", "owner", "responsible", "team",
      "team_count", "planned_first", "planned_last", "details", "detail_value", "detail_kind2"})
  public static final class ActivityPlan extends Structure {
    public int version = 1;
    public int type;
    public Pointer title;
    public int organizer;
    public int owner;
    public int responsible;
    public Pointer team;
    public SizeT team_count = new SizeT(0);
    public Pointer planned_first;
    public Pointer planned_last;
    public int details;
    public int detail_value;
    public int detail_kind2;
  }

  /** kx_activity_info. */
  @Structure.FieldOrder({"id", "type", "state", "organizer", "owner", "responsible", "has_grade",
      "grade", "score", "created", "last_event"})
  public static final class ActivityInfo extends Structure {
    public int id;
    public int type;
    public int state;
    public int organizer;
    public int owner;
    public int responsible;
    public int has_grade;
    public int grade;
    public byte[] score = new byte[48];
    public long created;
    public long last_event;
  }

  /** kx_audit_verification. */
  @Structure.FieldOrder({"fault", "first_bad"})
  public static final class AuditVerification extends Structure {
    public int fault;
    public long first_bad;
  }

  /** kx_campaign_counts. */
  @Structure.FieldOrder({"entries", "judges"})
  public static final class CampaignCounts extends Structure {
    public SizeT entries;
    public SizeT judges;
  }

  /** kx_entry_result. */
  @Structure.FieldOrder({"entry", "code", "unit", "enterprise", "category", "status", "total",
      "judged_part", "objective_part", "bonus", "rank", "position", "tier", "award"})
  public static final class EntryResult extends Structure {
    public int entry;
    public Pointer code;
    public int unit;
    public int enterprise;
    public int category;
    public int status;
    public Pointer total;
    public Pointer judged_part;
    public Pointer objective_part;
    public Pointer bonus;
    public int rank;
    public int position;
    public int tier;
    public Pointer award;
  }

  /** kx_buffer. */
  @Structure.FieldOrder({"data", "size"})
  public static final class Buffer extends Structure {
    public Pointer data;
    public SizeT size = new SizeT(0);
  }

  /** kx_org_cb. */
  public interface OrgCallback extends Callback {
    int invoke(int org, Pointer payload);
  }

  /** The kx_* functions this package calls. */
  interface Api extends Library {
    String kx_version_string();

    Pointer kx_error_last();

    void kx_error_clear();

    SizeT kx_error_problem_count();

    Pointer kx_error_problem(SizeT index);

    void kx_string_free(Pointer s);

    int kx_date_parse(IntByReference out, Pointer text);

    // registry
    int kx_registry_new(PointerByReference out, Pointer options);

    void kx_registry_free(Pointer registry);

    int kx_registry_add_org(IntByReference out, Pointer registry, OrgSpec spec);

    int kx_registry_org(OrgInfo out, Pointer registry, int org);

    int kx_registry_org_name(PointerByReference out, Pointer registry, int org);

    int kx_registry_parent(IntByReference out, Pointer registry, int org, Pointer asOf);

    int kx_registry_subtree_foreach(Pointer registry, int root, Pointer asOf, int kind,
        OrgCallback cb, Pointer payload);

    int kx_registry_add_person(IntByReference out, Pointer registry, PersonSpec spec);

    int kx_registry_person(PersonInfo out, Pointer registry, int person);

    int kx_registry_person_name(PointerByReference out, Pointer registry, int person);

    int kx_registry_find_person(IntByReference out, Pointer registry, int employer,
        Pointer key);

    int kx_registry_is_young(IntByReference out, Pointer registry, int person, Pointer asOf);

    int kx_registry_add_membership(IntByReference out, Pointer registry, int person, int org,
        int role, Pointer first, Pointer last);

    int kx_registry_appoint(IntByReference out, Pointer registry, int person, int org, int role,
        Pointer first, Pointer last);

    int kx_registry_rollup(Rollup out, Pointer registry, int org, Pointer asOf);

    int kx_registry_from_document(PointerByReference out, Pointer json, SizeT length);

    int kx_registry_to_document(PointerByReference out, Pointer registry);

    // actors and books
    int kx_actor_new(PointerByReference out, int person);

    int kx_actor_from_registry(PointerByReference out, Pointer registry, int person,
        Pointer asOf);

    int kx_actor_add_role(Pointer actor, int role, int org);

    int kx_actor_add_expert_pool(Pointer actor, int org);

    void kx_actor_free(Pointer actor);

    int kx_book_new(PointerByReference out, Pointer registry);

    void kx_book_free(Pointer book);

    int kx_activity_create(IntByReference out, Pointer book, Pointer actor, Pointer at,
        ActivityPlan plan, Pointer reason);

    int kx_activity_apply(Pointer book, int activity, int operation, Pointer actor, Pointer at,
        Pointer reason);

    int kx_activity_conclude(IntByReference grade, Pointer book, int activity, Pointer actor,
        Pointer at, Pointer score, Pointer reason);

    int kx_activity_report_progress(Pointer book, int activity, Pointer actor, Pointer at,
        int percent, Pointer text);

    int kx_activity_get(ActivityInfo out, Pointer book, int activity);

    int kx_activity_state_at(IntByReference out, Pointer book, int activity, Pointer at);

    int kx_book_size(Pointer out, Pointer book);

    int kx_book_chain_head(PointerByReference out, Pointer book);

    int kx_book_verify_audit(AuditVerification out, Pointer book, Pointer expectedHead);

    // campaigns and scoreboards
    int kx_campaign_from_documents(PointerByReference out, Pointer registry, Pointer rules,
        SizeT rulesLength, Pointer entries, SizeT entriesLength);

    void kx_campaign_free(Pointer campaign);

    int kx_campaign_phase(IntByReference out, Pointer campaign);

    int kx_campaign_count(CampaignCounts out, Pointer campaign);

    int kx_campaign_find_entry(IntByReference out, Pointer campaign, Pointer code);

    int kx_campaign_score(PointerByReference out, Pointer campaign);

    void kx_scoreboard_free(Pointer board);

    int kx_scoreboard_size(Pointer out, Pointer board);

    int kx_scoreboard_entry(EntryResult out, Pointer board, SizeT index);

    int kx_scoreboard_find(EntryResult out, Pointer board, int entry);

    int kx_scoreboard_prize(PointerByReference out, Pointer board, int entry);

    int kx_scoreboard_digest(PointerByReference out, Pointer board);

    int kx_scoreboard_to_document(PointerByReference out, Pointer board, Pointer campaign,
        Pointer registry);

    int kx_campaign_to_documents(PointerByReference rulesJson, PointerByReference entriesJson,
        Pointer campaign, Pointer registry);

    int kx_scoreboard_to_document_with(PointerByReference out, Pointer board, Pointer campaign,
        Pointer registry, int explanations);

    int kx_explain_text(PointerByReference out, Pointer campaign, Pointer board, int entry,
        int language);

    int kx_explain_json(PointerByReference out, Pointer campaign, Pointer board, int entry);

    // snapshots
    void kx_buffer_free(Buffer buffer);

    int kx_snapshot_save(Pointer path, Pointer registry, Pointer[] books, SizeT bookCount,
        Pointer[] campaigns, SizeT campaignCount, Pointer options);

    int kx_snapshot_save_buffer(Buffer out, Pointer registry, Pointer[] books, SizeT bookCount,
        Pointer[] campaigns, SizeT campaignCount);

    int kx_snapshot_load(PointerByReference out, Pointer path);

    int kx_snapshot_load_buffer(PointerByReference out, Pointer data, SizeT size);

    void kx_snapshot_free(Pointer snapshot);

    int kx_snapshot_registry(PointerByReference out, Pointer snapshot);

    int kx_snapshot_book_count(Pointer out, Pointer snapshot);

    int kx_snapshot_book(PointerByReference out, Pointer snapshot, SizeT index);

    int kx_snapshot_campaign_count(Pointer out, Pointer snapshot);

    int kx_snapshot_campaign(PointerByReference out, Pointer snapshot, SizeT index);
  }

  /** The library, loaded once: system property kexie.library, else KEXIE_LIBRARY, else "kexie_c". */
  static final Api C = load();

  private static Api load() {
    String path = System.getProperty("kexie.library");
    if (path == null || path.isEmpty()) {
      path = System.getenv("KEXIE_LIBRARY");
    }
    if (path == null || path.isEmpty()) {
      path = "kexie_c";
    }
    return com.sun.jna.Native.load(path, Api.class,
        Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
  }
}
