/* kexie.h: the stable C API of kexie, in libgit2's manner (../shared/STYLE.md §5).
 *
 * One ABI-stable surface for C programs and for other languages (the Python
 * package in bindings/python is built on it with ctypes). Conventions:
 *
 *  - Names are kx_<module>_<verb>. Handles are opaque (kx_registry, kx_book,
 *    kx_actor, kx_campaign, kx_scoreboard, kx_snapshot) and freed with their
 *    kx_*_free, which accepts NULL. The registry, book and campaign handles a
 *    loaded snapshot lends out (kx_snapshot_registry, …) are borrowed: they stay
 *    valid until kx_snapshot_free(), and their kx_*_free does nothing.
 *  - Outputs come first. Every function that can fail returns 0 on success or
 *    a negative KX_E* code: KX_E<x> == -(the C++ kexie::ErrorCode number), so the
 *    numbers are as stable as the C++ codes. On failure, kx_error_last() (per
 *    thread, never NULL) holds the code, the message, the rule id (e.g.
 *    "org.parent_kind") and the policy article (e.g. "A13"). Outputs are left
 *    untouched on failure. No C++ exception ever crosses into C: a programmer
 *    error inside the library is reported as KX_EINVALID or KX_EINTERNAL, and
 *    an allocation failure as KX_ENOMEM, which leaves every handle unchanged.
 *  - Option and spec structs carry a `version` as their first field; always
 *    start from the matching KX_*_INIT macro and then set fields, so a program
 *    built against this header keeps working with a later library.
 *  - Strings are UTF-8, NUL-terminated. Input strings are copied; the library
 *    never keeps a caller's pointer after a call returns. Text that is stored
 *    (names, codes, keys, reasons) must be well-formed UTF-8 without control
 *    characters (reasons and progress notes may hold tab and newline): KX_EINVALID
 *    with rule "text.utf8" or "text.control" otherwise. A message that quotes
 *    input quotes at most 64 bytes of it. A `char **out` result
 *    is allocated by the library and released with kx_string_free(). A
 *    `const char *` field of an output struct is borrowed: it stays valid as
 *    long as the object named in the function's documentation (a scoreboard) or,
 *    for callback arguments, until the callback returns.
 *  - Decimals cross the boundary as exact strings ("92.35"); outputs use the
 *    fixed-size kx_decimal. Dates are "YYYY-MM-DD" strings on input and days
 *    since 1970-01-01 (int32_t) on output; kx_date_parse/kx_date_format convert.
 *    Timestamps are ISO 8601 strings ("2025-03-01T09:30:00+08:00") on input and
 *    microseconds since the epoch (int64_t, UTC) on output.
 *  - Enumerations are int constants whose values equal the C++ enumerators'.
 *  - Iteration uses callbacks with a `void *payload`; a callback returning
 *    non-zero stops the iteration. A positive value is returned as it is (return
 *    1, or any positive code of your own, to stop); a negative value makes the
 *    *_foreach return KX_ECALLBACK, with the value in kx_error_last()->message,
 *    so a callback's value never reads as a KX_E* refusal of the library.
 *
 * Thread safety (docs/reliability.md): calls that only read a handle may run
 * concurrently from any number of threads: registry queries, kx_registry_members,
 * book queries and kx_book_verify, campaign scoring (kx_campaign_score_into too, each
 * call into a board of its own), standings, explanations and counts, every
 * kx_scoreboard_* accessor, and kx_snapshot_save / kx_snapshot_save_buffer. A call
 * that changes a handle (any add_, assign, mark, veto, set_, transition or kx_*_free;
 * a refused transition too, since it appends its audit record; kx_campaign_score_into
 * changes its board) needs that handle to itself, and, for a
 * registry, no concurrent call on a book or campaign built over it. The library
 * locks only its own caches; the application locks the rest (a readers-writer
 * lock per registry tree, as the Python package does). kx_error_last() is
 * per thread.
 *
 * Not yet in the C API: ICC and leniency statistics, ending expert listings, cooperation
 * links, training records (snapshots save and load them all the same).
 */
#ifndef KEXIE_KEXIE_H
#define KEXIE_KEXIE_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#  if defined(KX_BUILDING_LIBRARY)
#    define KX_EXTERN __declspec(dllexport)
#  else
#    define KX_EXTERN __declspec(dllimport)
#  endif
#elif defined(__GNUC__)
#  define KX_EXTERN __attribute__((visibility("default")))
#else
#  define KX_EXTERN
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ===================================================================== version */

/** The version of this header; compare with kx_version_number() at run time. */
#define KX_VERSION_MAJOR 0
#define KX_VERSION_MINOR 1
#define KX_VERSION_PATCH 0
/** major * 10000 + minor * 100 + patch, like KEXIE_VERSION in version.hpp. */
#define KX_VERSION (KX_VERSION_MAJOR * 10000 + KX_VERSION_MINOR * 100 + KX_VERSION_PATCH)

/** The library's version as "major.minor.patch"; a static string, never NULL.
 *
 *   printf("kexie %s\n", kx_version_string());   // "kexie 0.1.0"
 */
KX_EXTERN const char *kx_version_string(void);

/** The library's version as one number (see KX_VERSION).
 *
 *   if (kx_version_number() / 10000 != KX_VERSION_MAJOR) abort();
 */
KX_EXTERN int kx_version_number(void);

/* ====================================================================== errors */

/* Each group of KX_* constants is a named enum (kx_role, kx_category, ...) for
 * documentation and debuggers; functions still take and return int, whose size,
 * unlike an enum's, does not depend on the compiler. The library checks at build
 * time that every constant equals its C++ enumerator (src/c/enums.cpp). */

/** Return codes: 0, or the negated C++ kexie::ErrorCode. */
typedef enum kx_error_code {
  KX_OK = 0,
  KX_EINVALID = -1,       /**< invalid_argument: malformed input */
  KX_ENOTFOUND = -2,      /**< not_found: an id or key names nothing */
  KX_EEXISTS = -3,        /**< already_exists: the key is taken */
  KX_ERULE = -4,          /**< rule_violation: a policy rule forbids it */
  KX_ETRANSITION = -5,    /**< illegal_transition: not allowed in the current state */
  KX_EPERMISSION = -6,    /**< permission_denied: the actor lacks the role */
  KX_ECONFLICT = -7,      /**< conflict_of_interest */
  KX_EINCONSISTENT = -8,  /**< inconsistent_judgements (AHP) */
  KX_ECORRUPT = -9,       /**< corrupt_data */
  KX_EVERSION = -10,      /**< unsupported_version */
  KX_EIO = -11,           /**< io_error */
  KX_EOVERFLOW = -12,     /**< overflow: an exact result does not fit */
  /** C API only, not a kexie::ErrorCode: an unexpected failure inside the
   *  library (out of memory, a bug). The message says what was caught. */
  KX_EINTERNAL = -1000,
  /** C API only, not a kexie::ErrorCode: out of memory. An allocation failed
   *  (std::bad_alloc inside the library); the call changed nothing — every
   *  handle is as it was before the call and stays usable, so the call may be
   *  retried once memory is available (docs/reliability.md, "Allocation
   *  failure"). The message is "out of memory".
   *
   *   if (kx_registry_add_person(&id, reg, &spec) == KX_ENOMEM) shed_load_and_retry();
   */
  KX_ENOMEM = -1001,
  /** C API only, not a kexie::ErrorCode: a *_foreach callback returned a
   *  negative value; kx_error_last()->message quotes it ("the callback stopped
   *  the iteration with -5"). A callback's 0 or positive value is returned as
   *  it is, so a refusal (negative KX_E*) never mixes with a callback's value. */
  KX_ECALLBACK = -1002
} kx_error_code;

/** The last error of the calling thread. */
typedef struct kx_error {
  int code;             /**< a KX_E* code, or KX_OK when no call has failed */
  const char *message;  /**< a sentence for people; "" when none */
  const char *rule;     /**< the refusing rule id, e.g. "org.parent_kind"; "" when none */
  const char *article;  /**< the policy article, e.g. "A13"; "" when none */
} kx_error;

/** The last error raised on this thread; never NULL. The struct and its strings
 *  belong to the library and stay valid until the next failing kx_* call on this
 *  thread or kx_error_clear(). A successful call does not reset it.
 *
 *   if (kx_registry_add_org(&id, reg, &spec) < 0)
 *     fprintf(stderr, "%s [%s]\n", kx_error_last()->message, kx_error_last()->rule);
 */
KX_EXTERN const kx_error *kx_error_last(void);

/** Resets this thread's last error to KX_OK with empty strings.
 *
 *   kx_error_clear();  assert(kx_error_last()->code == KX_OK);
 */
KX_EXTERN void kx_error_clear(void);

/** The name of a code, e.g. "rule_violation" for KX_ERULE, "ok", "internal",
 *  "out_of_memory" for KX_ENOMEM, "callback" for KX_ECALLBACK;
 *  "unknown" for other numbers. A static string.
 *
 *   puts(kx_error_name(KX_ENOTFOUND));   // "not_found"
 */
KX_EXTERN const char *kx_error_name(int code);

/* ============================================================= strings, dates */

/** Frees a string the library returned through a `char **out`; NULL is fine.
 *
 *   char *json; kx_explain_json(&json, board, entry); puts(json); kx_string_free(json);
 */
KX_EXTERN void kx_string_free(char *str);

/** An exact decimal as text, e.g. "-0.50" or "122.900000"; always NUL-terminated. */
typedef struct kx_decimal {
  char text[48]; /**< the digits, at most 47 characters and the NUL */
} kx_decimal;

/** Parses "YYYY-MM-DD" (years 1400-9999) into days since 1970-01-01.
 *
 *   int32_t d; kx_date_parse(&d, "1970-01-02");   // d == 1
 */
KX_EXTERN int kx_date_parse(int32_t *out, const char *text);

/** Writes `days` as "YYYY-MM-DD" into `out` (11 bytes with the NUL).
 *  KX_EINVALID for a day outside 1400-01-01 .. 9999-12-31.
 *
 *   char s[11]; kx_date_format(s, 0);   // "1970-01-01"
 */
KX_EXTERN int kx_date_format(char out[11], int32_t days);

/** Parses an ISO 8601 timestamp with a zone ("2025-03-01T09:30:00+08:00", "…Z")
 *  into microseconds since 1970-01-01T00:00:00Z.
 *
 *   int64_t us; kx_timestamp_parse(&us, "1970-01-01T00:00:01Z");   // us == 1000000
 */
KX_EXTERN int kx_timestamp_parse(int64_t *out, const char *text);

/* ==================================================================== registry */

/** Organization kinds (kexie::OrgKind). */
typedef enum kx_org_kind {
  KX_ORG_NATIONAL = 0, KX_ORG_COMMITTEE, KX_ORG_LOCAL, KX_ORG_SOCIETY, KX_ORG_ENTERPRISE,
  KX_ORG_BRANCH, KX_ORG_STUDY_GROUP, KX_ORG_PROXY, KX_ORG_PARTNER
} kx_org_kind;
/** Levels of local associations (kexie::LocalLevel). */
typedef enum kx_local_level {
  KX_LEVEL_NONE = 0, KX_LEVEL_PROVINCIAL, KX_LEVEL_SUB_PROVINCIAL, KX_LEVEL_PREFECTURE,
  KX_LEVEL_COUNTY
} kx_local_level;
/** Ownership of an enterprise (kexie::Ownership). */
typedef enum kx_ownership {
  KX_OWNERSHIP_UNSPECIFIED = 0, KX_OWNERSHIP_STATE, KX_OWNERSHIP_PRIVATE,
  KX_OWNERSHIP_FOREIGN, KX_OWNERSHIP_MIXED
} kx_ownership;
/** Professional titles, lowest first (kexie::Title). */
typedef enum kx_title {
  KX_TITLE_NONE = 0, KX_TITLE_JUNIOR, KX_TITLE_INTERMEDIATE, KX_TITLE_ASSOCIATE_SENIOR,
  KX_TITLE_SENIOR
} kx_title;
/** Membership roles (kexie::Role); a role set is a bitmask of (1 << role). */
typedef enum kx_role {
  KX_ROLE_MEMBER = 0, KX_ROLE_CHAIR, KX_ROLE_VICE_CHAIR, KX_ROLE_SECRETARY_GENERAL,
  KX_ROLE_FULL_TIME_STAFF, KX_ROLE_PART_TIME_STAFF
} kx_role;
/** Offices held by appointment at national, local, committee and society
 *  organizations (kexie::OfficerRole, A14, A15). */
typedef enum kx_officer_role {
  KX_OFFICER_CHAIR = 0, KX_OFFICER_VICE_CHAIR, KX_OFFICER_SECRETARY_GENERAL,
  KX_OFFICER_DEPARTMENT_HEAD, KX_OFFICER_SERVICE_STAFF, KX_OFFICER_COMMITTEE_MEMBER
} kx_officer_role;
/** Kinds of honours (kexie::HonourKind, 表彰奖励). */
typedef enum kx_honour_kind {
  KX_HONOUR_AWARDED_ENTRY = 0, KX_HONOUR_ADVANCED_UNIT, KX_HONOUR_ADVANCED_INDIVIDUAL,
  KX_HONOUR_EXEMPLARY_ASSOCIATION, KX_HONOUR_OTHER_SCHEME
} kx_honour_kind;
/** Kinds of continuing-education subject (kexie::TrainingKind, A5). */
typedef enum kx_training_kind {
  KX_TRAINING_PROFESSIONAL = 0, KX_TRAINING_GENERAL
} kx_training_kind;

/** A registry of organizations, people and memberships. */
typedef struct kx_registry kx_registry;

/** The registry's configurable policy (kexie::Policy). */
typedef struct kx_registry_options {
  unsigned int version;         /**< KX_REGISTRY_OPTIONS_VERSION */
  int young_age_max;            /**< young S&T worker (A9) at most this old; 35 */
  int annual_hours_min;         /**< continuing education hours a year (A5); 90 */
  int professional_share_num;   /**< professional share numerator; 2 */
  int professional_share_den;   /**< professional share denominator; 3 */
  /* version 2 (issue 13): */
  int employer_tied_membership; /**< 1: only a person the enterprise employs joins its
                                     association, branches, study groups (membership.employer,
                                     A1); 1. A version-1 struct keeps the default, 1. */
} kx_registry_options;
#define KX_REGISTRY_OPTIONS_VERSION 2
#define KX_REGISTRY_OPTIONS_INIT {KX_REGISTRY_OPTIONS_VERSION, 35, 90, 2, 3, 1}

/** Creates an empty registry. `options` may be NULL (the defaults). KX_EINVALID
 *  for an unknown options version or a policy that is not usable. The caller owns
 *  `*out` and frees it with kx_registry_free().
 *
 *   kx_registry *reg; kx_registry_options o = KX_REGISTRY_OPTIONS_INIT;
 *   o.young_age_max = 40;
 *   o.employer_tied_membership = 0;  (anyone may join any enterprise association)
 *   if (kx_registry_new(&reg, &o) < 0) return 1;
 */
KX_EXTERN int kx_registry_new(kx_registry **out, const kx_registry_options *options);

/** Frees a registry; NULL is ignored. Books and campaigns created over it must be
 *  freed first. A registry borrowed from a snapshot (kx_snapshot_registry) is
 *  left alone: kx_snapshot_free() frees it.
 *
 *   kx_registry_free(reg);
 */
KX_EXTERN void kx_registry_free(kx_registry *registry);

/** What kx_registry_add_org needs (kexie::OrgSpec). */
typedef struct kx_org_spec {
  unsigned int version;          /**< KX_ORG_SPEC_VERSION */
  int kind;                      /**< KX_ORG_* */
  const char *name;              /**< required */
  uint32_t parent;               /**< 0 for the national root and partners */
  const char *effective;         /**< first day in effect, "YYYY-MM-DD" */
  int level;                     /**< KX_LEVEL_* for locals, KX_LEVEL_NONE otherwise */
  const char *enterprise_name;   /**< required for enterprise associations; else NULL */
  int ownership;                 /**< KX_OWNERSHIP_* */
  const char *industry;          /**< may be NULL */
  const char *region;            /**< may be NULL */
} kx_org_spec;
#define KX_ORG_SPEC_VERSION 1
#define KX_ORG_SPEC_INIT \
  {KX_ORG_SPEC_VERSION, KX_ORG_ENTERPRISE, NULL, 0, NULL, KX_LEVEL_NONE, NULL, \
   KX_OWNERSHIP_UNSPECIFIED, NULL, NULL}

/** Adds an organization; `*out` receives its id. Refusals carry the rule, e.g.
 *  KX_ERULE "org.parent_kind" (A13) for a parent of the wrong kind.
 *
 *   kx_org_spec s = KX_ORG_SPEC_INIT;
 *   s.kind = KX_ORG_NATIONAL; s.name = "中国科协"; s.effective = "1958-09-18";
 *   uint32_t cast; kx_registry_add_org(&cast, reg, &s);
 */
KX_EXTERN int kx_registry_add_org(uint32_t *out, kx_registry *registry, const kx_org_spec *spec);

/** The plain fields of an organization. */
typedef struct kx_org_info {
  uint32_t id;         /**< the organization's id */
  int kind;            /**< KX_ORG_* */
  int level;           /**< KX_LEVEL_* */
  int32_t first_day;   /**< first day in effect (days since 1970-01-01) */
  int32_t last_day;    /**< last day in effect; 2932896 (9999-12-31) while active */
} kx_org_info;

/** Reads an organization's plain fields; KX_ENOTFOUND for an unknown id.
 *
 *   kx_org_info info; kx_registry_org(&info, reg, cast);   // info.kind == KX_ORG_NATIONAL
 */
KX_EXTERN int kx_registry_org(kx_org_info *out, const kx_registry *registry, uint32_t org);

/** The organization's name, allocated; free it with kx_string_free().
 *
 *   char *name; kx_registry_org_name(&name, reg, cast); puts(name); kx_string_free(name);
 */
KX_EXTERN int kx_registry_org_name(char **out, const kx_registry *registry, uint32_t org);

/** The parent of `org` on `as_of` (0 for the root and partners).
 *
 *   uint32_t p; kx_registry_parent(&p, reg, ent, "2025-01-01");
 */
KX_EXTERN int kx_registry_parent(uint32_t *out, const kx_registry *registry, uint32_t org,
                                 const char *as_of);

/** Dissolves `org`; `last_day` is its last day in effect.
 *
 *   kx_registry_dissolve(reg, group, "2025-12-31");
 */
KX_EXTERN int kx_registry_dissolve(kx_registry *registry, uint32_t org, const char *last_day);

/** Called once per organization; return non-zero to stop. */
typedef int (*kx_org_cb)(uint32_t org, void *payload);

/** Calls `cb` for `root` and every organization below it on `as_of`, depth first
 *  (children in id order); with `kind` >= 0 only organizations of that kind. Returns
 *  0, a callback's positive value, or a KX_E* code (KX_ENOTFOUND when `root` is not
 *  in effect on `as_of`; KX_ECALLBACK when the callback returned a negative value).
 *
 *   static int count(uint32_t org, void *n) { (void)org; ++*(int *)n; return 0; }
 *   int n = 0; kx_registry_subtree_foreach(reg, province, "2025-06-30", KX_ORG_ENTERPRISE, count, &n);
 */
KX_EXTERN int kx_registry_subtree_foreach(const kx_registry *registry, uint32_t root,
                                          const char *as_of, int kind, kx_org_cb cb,
                                          void *payload);

/** What kx_registry_add_person needs (kexie::PersonSpec). */
typedef struct kx_person_spec {
  unsigned int version;       /**< KX_PERSON_SPEC_VERSION */
  const char *name;           /**< required */
  const char *birth;          /**< "YYYY-MM-DD" */
  uint32_t employer;          /**< an enterprise association or proxy */
  const char *external_key;   /**< unique within the employer; may be NULL */
  int title;                  /**< KX_TITLE_* */
  const char *discipline;     /**< may be NULL */
} kx_person_spec;
#define KX_PERSON_SPEC_VERSION 1
#define KX_PERSON_SPEC_INIT {KX_PERSON_SPEC_VERSION, NULL, NULL, 0, NULL, KX_TITLE_NONE, NULL}

/** Registers a person; `*out` receives the id. KX_EEXISTS "person.external_key" for
 *  a key already used at the employer.
 *
 *   kx_person_spec p = KX_PERSON_SPEC_INIT;
 *   p.name = "李娜"; p.birth = "1992-07-01"; p.employer = ent; p.external_key = "E-0042";
 *   uint32_t li; kx_registry_add_person(&li, reg, &p);
 */
KX_EXTERN int kx_registry_add_person(uint32_t *out, kx_registry *registry,
                                     const kx_person_spec *spec);

/** The plain fields of a person. */
typedef struct kx_person_info {
  uint32_t id;        /**< the person's id */
  int32_t birth;      /**< days since 1970-01-01 */
  uint32_t employer;  /**< the employing organization, or 0 */
  int title;          /**< KX_TITLE_* */
} kx_person_info;

/** Reads a person's plain fields; KX_ENOTFOUND for an unknown id.
 *
 *   kx_person_info p; kx_registry_person(&p, reg, li);
 */
KX_EXTERN int kx_registry_person(kx_person_info *out, const kx_registry *registry,
                                 uint32_t person);

/** The person's name, allocated; free it with kx_string_free().
 *
 *   char *n; kx_registry_person_name(&n, reg, li); kx_string_free(n);
 */
KX_EXTERN int kx_registry_person_name(char **out, const kx_registry *registry, uint32_t person);

/** The person with `external_key` at `employer`; KX_ENOTFOUND when none.
 *
 *   uint32_t id; kx_registry_find_person(&id, reg, ent, "E-0042");
 */
KX_EXTERN int kx_registry_find_person(uint32_t *out, const kx_registry *registry,
                                      uint32_t employer, const char *external_key);

/** 1 when the person is a young S&T worker (A9) on `as_of`, else 0.
 *
 *   int young; kx_registry_is_young(&young, reg, li, "2025-06-30");
 */
KX_EXTERN int kx_registry_is_young(int *out, const kx_registry *registry, uint32_t person,
                                   const char *as_of);

/** Enrols `person` in `org` with `role` from `first` to `last` (NULL: open-ended).
 *
 *   uint32_t m; kx_registry_add_membership(&m, reg, li, ent, KX_ROLE_MEMBER, "2020-01-01", NULL);
 */
KX_EXTERN int kx_registry_add_membership(uint32_t *out, kx_registry *registry, uint32_t person,
                                         uint32_t org, int role, const char *first,
                                         const char *last);

/** Ends a membership on `last_day` (shortening only).
 *
 *   kx_registry_end_membership(reg, m, "2025-12-31");
 */
KX_EXTERN int kx_registry_end_membership(kx_registry *registry, uint32_t membership,
                                         const char *last_day);

/** One membership. */
typedef struct kx_membership_info {
  uint32_t id;        /**< the membership's id */
  uint32_t person;    /**< the member */
  uint32_t org;       /**< the organization */
  int role;           /**< KX_ROLE_* */
  int32_t first_day;  /**< days since 1970-01-01 */
  int32_t last_day;   /**< 2932896 when open-ended */
} kx_membership_info;

/** Called once per membership; the struct is valid during the call only. */
typedef int (*kx_membership_cb)(const kx_membership_info *membership, void *payload);

/** Calls `cb` for every membership of `person`, ended ones included, in creation order.
 *
 *   kx_registry_memberships_foreach(reg, li, print_membership, NULL);
 */
KX_EXTERN int kx_registry_memberships_foreach(const kx_registry *registry, uint32_t person,
                                              kx_membership_cb cb, void *payload);

/** Appoints `person` to office `role` (KX_OFFICER_*) of `org` from `first` to
 *  `last` (NULL: open-ended) (kexie::Registry::appoint).
 *
 *   uint32_t a; kx_registry_appoint(&a, reg, wang, province, KX_OFFICER_CHAIR, "2021-01-01", NULL);
 */
KX_EXTERN int kx_registry_appoint(uint32_t *out, kx_registry *registry, uint32_t person,
                                  uint32_t org, int role, const char *first, const char *last);

/** Ends an appointment on `last_day` (shortening only).
 *
 *   kx_registry_end_appointment(reg, a, "2025-12-31");
 */
KX_EXTERN int kx_registry_end_appointment(kx_registry *registry, uint32_t appointment,
                                          const char *last_day);

/** One appointment. */
typedef struct kx_appointment_info {
  uint32_t id;        /**< the appointment's id */
  uint32_t person;    /**< the officer */
  uint32_t org;       /**< the organization */
  int role;           /**< KX_OFFICER_* */
  int32_t first_day;  /**< days since 1970-01-01 */
  int32_t last_day;   /**< 2932896 when open-ended */
} kx_appointment_info;

/** Called once per appointment; the struct is valid during the call only. */
typedef int (*kx_appointment_cb)(const kx_appointment_info *appointment, void *payload);

/** Calls `cb` for every appointment of `person` in effect on `as_of`.
 *
 *   kx_registry_appointments_foreach(reg, wang, "2025-03-01", print_appointment, NULL);
 */
KX_EXTERN int kx_registry_appointments_foreach(const kx_registry *registry, uint32_t person,
                                               const char *as_of, kx_appointment_cb cb,
                                               void *payload);

/** Lists `person` in `org`'s expert pool (专家库) with `field_count` fields of
 *  expertise from `first` to `last` (NULL: open-ended) (kexie::Registry::add_expert);
 *  `*out` receives the listing's id. KX_EEXISTS "expert.unique" for an overlapping
 *  listing in the same pool.
 *
 *   const char *fields[] = {"rationalization_proposals", "energy saving"};
 *   uint32_t x; kx_registry_add_expert(&x, reg, li, province, fields, 2, "2024-01-01", NULL);
 */
KX_EXTERN int kx_registry_add_expert(uint32_t *out, kx_registry *registry, uint32_t person,
                                     uint32_t org, const char *const *fields, size_t field_count,
                                     const char *first, const char *last);

/** An honour to record (kexie::HonourSpec); 0 for an absent person, organization
 *  or activity. */
typedef struct kx_honour_spec {
  unsigned int version;  /**< KX_HONOUR_SPEC_VERSION */
  int kind;              /**< KX_HONOUR_* */
  uint32_t person;       /**< the honoured person, or 0 */
  uint32_t organization; /**< the honoured organization, or 0 */
  uint32_t grantor;      /**< the granting organization */
  const char *title;     /**< tier or honour name, UTF-8, not empty */
  const char *basis;     /**< entry code, campaign, scheme; NULL for none */
  uint32_t activity;     /**< the activity it came from, or 0 */
  const char *date;      /**< YYYY-MM-DD */
} kx_honour_spec;
#define KX_HONOUR_SPEC_VERSION 1
#define KX_HONOUR_SPEC_INIT {KX_HONOUR_SPEC_VERSION, KX_HONOUR_OTHER_SCHEME, 0, 0, 0, NULL, NULL, 0, NULL}

/** Records an honour (kexie::Registry::record_honour); honours are never deleted.
 *
 *   kx_honour_spec h = KX_HONOUR_SPEC_INIT;
 *   h.kind = KX_HONOUR_ADVANCED_UNIT; h.organization = ent; h.grantor = province;
 *   h.title = "先进单位"; h.basis = "2025 讲比"; h.date = "2025-12-20";
 *   uint32_t id; kx_registry_record_honour(&id, reg, &h);
 */
KX_EXTERN int kx_registry_record_honour(uint32_t *out, kx_registry *registry,
                                        const kx_honour_spec *spec);

/** Records all `count` honours or none (kexie::Registry::record_honours).
 *
 *   kx_registry_record_honours(reg, specs, 3);
 */
KX_EXTERN int kx_registry_record_honours(kx_registry *registry, const kx_honour_spec *specs,
                                         size_t count);

/** One honour; the strings are valid during the callback only. */
typedef struct kx_honour_info {
  uint32_t id;           /**< the honour's id */
  int kind;              /**< KX_HONOUR_* */
  uint32_t person;       /**< or 0 */
  uint32_t organization; /**< or 0 */
  uint32_t grantor;      /**< the granting organization */
  const char *title;     /**< the honour's title */
  const char *basis;     /**< what it was granted for */
  uint32_t activity;     /**< or 0 */
  int32_t date;          /**< days since 1970-01-01 */
} kx_honour_info;

/** Called once per honour; the struct is valid during the call only. */
typedef int (*kx_honour_cb)(const kx_honour_info *honour, void *payload);

/** Calls `cb` for the honours of `person` (when non-zero) or else of `org`,
 *  oldest first (kexie::Registry::honours_of).
 *
 *   kx_registry_honours_foreach(reg, li, 0, print_honour, NULL);
 */
KX_EXTERN int kx_registry_honours_foreach(const kx_registry *registry, uint32_t person,
                                          uint32_t org, kx_honour_cb cb, void *payload);

/** Calls `cb` for the honours granted by `root` or an organization under it,
 *  dated from `first` to `last` (kexie::Registry::honours_granted).
 *
 *   kx_registry_honours_granted_foreach(reg, province, "2025-01-01", "2025-12-31", cb, NULL);
 */
KX_EXTERN int kx_registry_honours_granted_foreach(const kx_registry *registry, uint32_t root,
                                                  const char *first, const char *last,
                                                  kx_honour_cb cb, void *payload);

/** Records the exemplary award (先进企业科协) of `org` from `first` to `last` with
 *  its grantor and basis (kexie::Registry::award_exemplary).
 *
 *   kx_registry_award_exemplary(reg, ent, "2025-01-01", "2025-12-31", city, "2024 考核评价");
 */
KX_EXTERN int kx_registry_award_exemplary(kx_registry *registry, uint32_t org, const char *first,
                                          const char *last, uint32_t grantor, const char *basis);

/** Records `hours` (≥ 1) of continuing education (继续教育, A5) of `kind`
 *  (KX_TRAINING_*) on `date` for `person` (kexie::Registry::add_training); `*out`
 *  receives the record's id. KX_EINVALID "training.hours" (A5) for hours < 1;
 *  KX_ENOTFOUND for an unknown person.
 *
 *   uint32_t t; kx_registry_add_training(&t, reg, li, 60, KX_TRAINING_PROFESSIONAL, "2025-04-01");
 */
KX_EXTERN int kx_registry_add_training(uint32_t *out, kx_registry *registry, uint32_t person,
                                       int hours, int kind, const char *date);

/** A person's continuing education over one calendar year (kexie::EducationStatus). */
typedef struct kx_education_status {
  int year;               /**< the calendar year */
  int hours;              /**< all hours in the year */
  int professional_hours; /**< professional hours in the year */
  int compliant;          /**< 1 when the year meets the policy (A5), else 0 */
  int shortfall;          /**< further professional hours needed; 0 when compliant */
} kx_education_status;

/** `person`'s continuing education in calendar `year` against the registry's policy
 *  (kexie::Registry::continuing_education_status; default ≥ 90 hours, ≥ 2/3
 *  professional). KX_ENOTFOUND for an unknown person.
 *
 *   kx_education_status s; kx_registry_education_status(&s, reg, li, 2025);
 */
KX_EXTERN int kx_registry_education_status(kx_education_status *out,
                                           const kx_registry *registry, uint32_t person,
                                           int year);

/** Which members a member query returns (kexie::MemberFilter). */
typedef struct kx_member_filter {
  unsigned int version;     /**< KX_MEMBER_FILTER_VERSION */
  int role;                 /**< KX_ROLE_*, or -1 for any role (each person once) */
  int young;                /**< non-zero: young S&T workers only */
  int min_title;            /**< KX_TITLE_*, or -1 for any */
  const char *discipline;   /**< exact discipline, or NULL for any */
} kx_member_filter;
#define KX_MEMBER_FILTER_VERSION 1
#define KX_MEMBER_FILTER_INIT {KX_MEMBER_FILTER_VERSION, -1, 0, -1, NULL}

/** One row of a member query. */
typedef struct kx_member_row {
  uint32_t person;    /**< the member */
  uint32_t org;       /**< the organization of the membership */
  unsigned int roles; /**< role set: bit (1 << KX_ROLE_*) */
  int title;          /**< KX_TITLE_* */
  int32_t birth;      /**< days since 1970-01-01 */
  int young;          /**< 1 when young on the query date */
} kx_member_row;

/** Called once per member row; the row is valid during the call only. */
typedef int (*kx_member_cb)(const kx_member_row *row, void *payload);

/** Calls `cb` for the members of `root`'s subtree on `as_of` that pass `filter`
 *  (NULL: everyone, each person once).
 *
 *   kx_member_filter f = KX_MEMBER_FILTER_INIT; f.young = 1;
 *   kx_registry_members_foreach(reg, province, "2025-06-30", &f, print_row, NULL);
 */
KX_EXTERN int kx_registry_members_foreach(const kx_registry *registry, uint32_t root,
                                          const char *as_of, const kx_member_filter *filter,
                                          kx_member_cb cb, void *payload);

/** The batch form of kx_registry_members_foreach: every row at once, in an array
 *  allocated by the library (`*count` rows; `*out` is NULL when there are none).
 *  Free the array with kx_member_rows_free().
 *
 *   kx_member_row *rows; size_t n;
 *   kx_registry_members(&rows, &n, reg, province, "2025-06-30", NULL);
 *   kx_member_rows_free(rows);
 */
KX_EXTERN int kx_registry_members(kx_member_row **out, size_t *count, const kx_registry *registry,
                                  uint32_t root, const char *as_of,
                                  const kx_member_filter *filter);

/** Frees an array from kx_registry_members(); NULL is ignored.
 *
 *   kx_member_rows_free(rows);
 */
KX_EXTERN void kx_member_rows_free(kx_member_row *rows);

/** Counts of an organization's subtree on a date (kexie::Rollup). */
typedef struct kx_rollup {
  size_t members;  /**< distinct members */
  size_t young;    /**< distinct young members */
  size_t experts;  /**< distinct experts listed in pools */
} kx_rollup;

/** Distinct members, young members and experts of `org`'s subtree on `as_of`.
 *
 *   kx_rollup r; kx_registry_rollup(&r, reg, province, "2025-06-30");
 */
KX_EXTERN int kx_registry_rollup(kx_rollup *out, const kx_registry *registry, uint32_t org,
                                 const char *as_of);

/* =================================================================== lifecycle */

/** Activity states (kexie::ActivityState). */
typedef enum kx_activity_state {
  KX_STATE_DRAFT = 0, KX_STATE_SUBMITTED, KX_STATE_WITHDRAWN, KX_STATE_REJECTED,
  KX_STATE_APPROVED, KX_STATE_IN_PROGRESS, KX_STATE_SUSPENDED, KX_STATE_TERMINATED,
  KX_STATE_COMPLETED, KX_STATE_UNDER_EVALUATION, KX_STATE_EVALUATED, KX_STATE_COMMENDED,
  KX_STATE_ARCHIVED
} kx_activity_state;
/** Operations on activities (kexie::ActivityOperation). */
typedef enum kx_activity_operation {
  KX_OP_SUBMIT = 0, KX_OP_WITHDRAW, KX_OP_APPROVE, KX_OP_REJECT, KX_OP_START, KX_OP_SUSPEND,
  KX_OP_RESUME, KX_OP_TERMINATE, KX_OP_COMPLETE, KX_OP_OPEN_EVALUATION, KX_OP_CONCLUDE,
  KX_OP_COMMEND, KX_OP_ARCHIVE, KX_OP_REPORT_PROGRESS, KX_OP_CREATE
} kx_activity_operation;
/** Evaluation grades (kexie::EvaluationGrade). */
typedef enum kx_evaluation_grade { KX_GRADE_EXCELLENT = 0, KX_GRADE_GOOD, KX_GRADE_PASS, KX_GRADE_FAIL } kx_evaluation_grade;
/** Activity types (kexie::ActivityType). */
typedef enum kx_activity_type {
  KX_ACTIVITY_ACADEMIC_EXCHANGE = 0, KX_ACTIVITY_FORWARD_RESEARCH,
  KX_ACTIVITY_TECHNICAL_CONSULTING, KX_ACTIVITY_TECHNICAL_SERVICE,
  KX_ACTIVITY_TECHNICAL_DEVELOPMENT, KX_ACTIVITY_TECHNICAL_TRANSFER,
  KX_ACTIVITY_KEY_TECHNOLOGY, KX_ACTIVITY_CONTINUING_EDUCATION,
  KX_ACTIVITY_INNOVATION_METHOD_TRAINING, KX_ACTIVITY_MASS_INNOVATION,
  KX_ACTIVITY_SCIENCE_POPULARIZATION, KX_ACTIVITY_ASSESSMENT_ADVICE,
  KX_ACTIVITY_JIANGBI_CAMPAIGN, KX_ACTIVITY_FACTORY_SOCIETY, KX_ACTIVITY_GOLDEN_BRIDGE,
  KX_ACTIVITY_SECRETARY_GENERAL_TRAINING
} kx_activity_type;
/** Which kind of details an activity plan carries. */
typedef enum kx_details_kind {
  KX_DETAILS_NONE = 0,
  KX_DETAILS_POPULARIZATION, /**< detail_value: 0 S&T week, 1 popularization day, 2 workshops */
  KX_DETAILS_INNOVATION,     /**< detail_value: 0 innovation, 1 invention, 2 creation */
  KX_DETAILS_COOPERATION,    /**< detail_value: the partner organization's id */
  KX_DETAILS_TRAINING        /**< detail_value: hours; detail_kind2: 0 professional, 1 general */
} kx_details_kind;
/** Audit verification faults (kexie::AuditFault). */
typedef enum kx_audit_fault {
  KX_AUDIT_OK = 0, KX_AUDIT_EDITED, KX_AUDIT_OUT_OF_ORDER, KX_AUDIT_BROKEN_LINK,
  KX_AUDIT_TRUNCATED, KX_AUDIT_HEAD_MISMATCH
} kx_audit_fault;

/** A person acting in roles: the subject of every lifecycle operation. */
typedef struct kx_actor kx_actor;

/** A new actor for `person` with no roles; free it with kx_actor_free().
 *
 *   kx_actor *wang; kx_actor_new(&wang, wang_id);
 */
KX_EXTERN int kx_actor_new(kx_actor **out, uint32_t person);

/** An actor with every role and expert listing `person` holds in `registry` on
 *  `as_of` (kexie::actor_as_of); free it with kx_actor_free().
 *
 *   kx_actor *a; kx_actor_from_registry(&a, reg, li, "2025-03-01");
 */
KX_EXTERN int kx_actor_from_registry(kx_actor **out, const kx_registry *registry,
                                     uint32_t person, const char *as_of);

/** Adds the grant `role` at `org` (it covers the organizations under `org`).
 *
 *   kx_actor_add_role(chair, KX_ROLE_CHAIR, province);
 */
KX_EXTERN int kx_actor_add_role(kx_actor *actor, int role, uint32_t org);

/** Lists the actor in `org`'s expert pool.
 *
 *   kx_actor_add_expert_pool(judge, province);
 */
KX_EXTERN int kx_actor_add_expert_pool(kx_actor *actor, uint32_t org);

/** Frees an actor; NULL is ignored.
 *
 *   kx_actor_free(wang);
 */
KX_EXTERN void kx_actor_free(kx_actor *actor);

/** 0 when the registry backs every role and expert listing of `actor` on `on`;
 *  KX_EPERMISSION (rule "actor.unbacked_role") otherwise (kexie::backed_by_registry).
 *
 *   if (kx_actor_backed(reg, chair, "2025-03-01") != 0) puts(kx_error_last());
 */
KX_EXTERN int kx_actor_backed(const kx_registry *registry, const kx_actor *actor,
                              const char *on);

/** A book of activities with their hash-chained audit trail (kexie::ActivityBook). */
typedef struct kx_book kx_book;

/** A new book reading `registry` (which must outlive the book) with the standard
 *  lifecycle policy. Free it with kx_book_free().
 *
 *   kx_book *book; kx_book_new(&book, reg);
 */
KX_EXTERN int kx_book_new(kx_book **out, const kx_registry *registry);

/** Frees a book; NULL is ignored, and so is a book borrowed from a snapshot
 *  (kx_snapshot_book), which kx_snapshot_free() frees.
 *
 *   kx_book_free(book);
 */
KX_EXTERN void kx_book_free(kx_book *book);

/** Opt-in for migrations and tests (kexie::LifecyclePolicy::allow_asserted_roles):
 *  non-zero accepts roles an actor asserts without the registry backing them, and
 *  marks the audit records of such operations; 0 (the default) refuses them with
 *  KX_EPERMISSION, rule "actor.unbacked_role".
 *
 *   kx_book_allow_asserted_roles(book, 1);
 */
KX_EXTERN int kx_book_allow_asserted_roles(kx_book *book, int allow);

/** What kx_activity_create needs (kexie::ActivityPlan). */
typedef struct kx_activity_plan {
  unsigned int version;     /**< KX_ACTIVITY_PLAN_VERSION */
  int type;                 /**< KX_ACTIVITY_* */
  const char *title;        /**< required */
  uint32_t organizer;       /**< the organizing association */
  uint32_t owner;           /**< the owning organization */
  uint32_t responsible;     /**< the responsible person */
  const uint32_t *team;     /**< team members (may be NULL when team_count is 0) */
  size_t team_count;        /**< entries in `team` */
  const char *planned_first;  /**< "YYYY-MM-DD" */
  const char *planned_last;   /**< "YYYY-MM-DD" */
  int details;              /**< KX_DETAILS_* */
  uint32_t detail_value;    /**< see KX_DETAILS_* */
  int detail_kind2;         /**< training: 0 professional, 1 general */
} kx_activity_plan;
#define KX_ACTIVITY_PLAN_VERSION 1
#define KX_ACTIVITY_PLAN_INIT \
  {KX_ACTIVITY_PLAN_VERSION, KX_ACTIVITY_ACADEMIC_EXCHANGE, NULL, 0, 0, 0, NULL, 0, NULL, NULL, \
   KX_DETAILS_NONE, 0, 0}

/** Opens a new activity in draft; `*out` receives its id. `at` is an ISO timestamp.
 *
 *   kx_activity_plan p = KX_ACTIVITY_PLAN_INIT;
 *   p.type = KX_ACTIVITY_JIANGBI_CAMPAIGN; p.title = "节能降耗讲比"; p.organizer = ent;
 *   p.owner = branch; p.responsible = wang_id; p.planned_first = "2025-03-01";
 *   p.planned_last = "2025-11-30";
 *   uint32_t id; kx_activity_create(&id, book, wang, "2025-03-01T09:00:00+08:00", &p, "plan");
 */
KX_EXTERN int kx_activity_create(uint32_t *out, kx_book *book, const kx_actor *actor,
                                 const char *at, const kx_activity_plan *plan,
                                 const char *reason);

/** Performs a transition without extra arguments (every KX_OP_* from SUBMIT to
 *  ARCHIVE except CONCLUDE) by `actor` at `at`. Refused operations are recorded in
 *  the audit trail too: KX_ETRANSITION "lifecycle.state", KX_EPERMISSION
 *  "lifecycle.permission", KX_ECONFLICT "lifecycle.self_review", …
 *
 *   kx_activity_apply(book, id, KX_OP_SUBMIT, wang, "2025-03-02T09:00:00Z", "ready");
 */
KX_EXTERN int kx_activity_apply(kx_book *book, uint32_t activity, int operation,
                                const kx_actor *actor, const char *at, const char *reason);

/** under_evaluation → evaluated with `score` (a decimal string); `*grade` receives
 *  the KX_GRADE_* it earns (may be NULL).
 *
 *   int g; kx_activity_conclude(&g, book, id, expert, "2025-12-01T10:00:00Z", "92", "panel");
 */
KX_EXTERN int kx_activity_conclude(int *grade, kx_book *book, uint32_t activity,
                                   const kx_actor *actor, const char *at, const char *score,
                                   const char *reason);

/** Files a progress report (0-100 percent) while in progress.
 *
 *   kx_activity_report_progress(book, id, wang, "2025-06-01T09:00:00Z", 40, "pilot done");
 */
KX_EXTERN int kx_activity_report_progress(kx_book *book, uint32_t activity, const kx_actor *actor,
                                          const char *at, int percent, const char *text);

/** The plain fields of an activity. */
typedef struct kx_activity_info {
  uint32_t id;         /**< the activity's id */
  int type;            /**< KX_ACTIVITY_* */
  int state;           /**< KX_STATE_* */
  uint32_t organizer;  /**< the organizing association */
  uint32_t owner;      /**< the owning organization */
  uint32_t responsible; /**< the responsible person */
  int has_grade;       /**< 1 once concluded */
  int grade;           /**< KX_GRADE_* when has_grade */
  kx_decimal score;    /**< the evaluation score, "" before conclusion */
  int64_t created;     /**< microseconds since the epoch */
  int64_t last_event;  /**< microseconds since the epoch */
} kx_activity_info;

/** Reads an activity; KX_ENOTFOUND for an unknown id.
 *
 *   kx_activity_info a; kx_activity_get(&a, book, id);   // a.state == KX_STATE_DRAFT
 */
KX_EXTERN int kx_activity_get(kx_activity_info *out, const kx_book *book, uint32_t activity);

/** The state of the activity at instant `at`, replayed from the audit trail.
 *
 *   int s; kx_activity_state_at(&s, book, id, "2025-03-02T12:00:00Z");
 */
KX_EXTERN int kx_activity_state_at(int *out, const kx_book *book, uint32_t activity,
                                   const char *at);

/** Number of activities in the book.
 *
 *   size_t n; kx_book_size(&n, book);
 */
KX_EXTERN int kx_book_size(size_t *out, const kx_book *book);

/** One audit record; strings are valid during the callback only. */
typedef struct kx_audit_record {
  uint64_t sequence;      /**< the record's position in the trail */
  uint32_t activity;      /**< the activity's id */
  uint32_t actor;         /**< the person */
  int64_t at;             /**< microseconds since the epoch */
  int operation;          /**< KX_OP_* */
  int from;               /**< KX_STATE_* */
  int to;                 /**< KX_STATE_* */
  int code;               /**< 0 when performed, else the KX_E* of the refusal */
  int security_event;     /**< 1 for refusals on permission or conflict grounds */
  const char *rule;       /**< refusing rule id, "" when performed */
  const char *reason;     /**< the reason the actor gave */
  const char *message;    /**< details */
  const char *hash;       /**< 64 hex digits */
} kx_audit_record;

/** Called once per audit record. */
typedef int (*kx_audit_cb)(const kx_audit_record *record, void *payload);

/** Calls `cb` for every record of the audit trail, oldest first.
 *
 *   kx_book_audit_foreach(book, print_record, stdout);
 */
KX_EXTERN int kx_book_audit_foreach(const kx_book *book, kx_audit_cb cb, void *payload);

/** The chain head ("count:hex"), allocated; keep it elsewhere to detect truncation.
 *  Free it with kx_string_free().
 *
 *   char *head; kx_book_chain_head(&head, book); save(head); kx_string_free(head);
 */
KX_EXTERN int kx_book_chain_head(char **out, const kx_book *book);

/** The outcome of an audit verification. */
typedef struct kx_audit_verification {
  int fault;           /**< KX_AUDIT_* (KX_AUDIT_OK when intact) */
  uint64_t first_bad;  /**< position of the first bad record */
} kx_audit_verification;

/** Verifies the trail's hash chain and, when `expected_head` is not NULL, that it
 *  ends where that head (from kx_book_chain_head) says. Returns 0 whether or not the
 *  trail is intact: check `out->fault`; KX_EINVALID for a malformed head.
 *
 *   kx_audit_verification v; kx_book_verify_audit(&v, book, saved_head);
 *   if (v.fault != KX_AUDIT_OK) alarm(v.first_bad);
 */
KX_EXTERN int kx_book_verify_audit(kx_audit_verification *out, const kx_book *book,
                                   const char *expected_head);

/* ==================================================================== campaign */

/** The six categories of A10 (kexie::Category). */
typedef enum kx_category {
  KX_CATEGORY_PROFESSIONAL_SKILLS = 0, KX_CATEGORY_SCIENTIFIC_LITERACY,
  KX_CATEGORY_INNOVATIVE_IDEAS, KX_CATEGORY_RATIONALIZATION_PROPOSALS,
  KX_CATEGORY_TECHNICAL_PATENTS, KX_CATEGORY_ACHIEVEMENT_TRANSFORMATION
} kx_category;
/** Focus bits of an entry (kexie::Focus). */
typedef enum kx_focus {
  KX_FOCUS_ENERGY_SAVING = 1, KX_FOCUS_CONSUMPTION_REDUCTION = 2,
  KX_FOCUS_EMISSION_REDUCTION = 4, KX_FOCUS_EFFICIENCY_GAIN = 8
} kx_focus;
/** Indicator kinds (kexie::IndicatorKind). */
typedef enum kx_indicator_kind {
  KX_INDICATOR_GROUP = 0, KX_INDICATOR_JUDGED, KX_INDICATOR_OBJECTIVE, KX_INDICATOR_BONUS,
  KX_INDICATOR_VETO
} kx_indicator_kind;
/** Claimed figures an objective indicator reads (kexie::ClaimedFigure). */
typedef enum kx_claimed_figure {
  KX_FIGURE_ANNUAL_BENEFIT_YUAN = 0, KX_FIGURE_ENERGY_SAVED_TCE, KX_FIGURE_CO2_AVOIDED_T,
  KX_FIGURE_MATERIAL_SAVED_T, KX_FIGURE_EFFICIENCY_GAIN_PERCENT, KX_FIGURE_HOURS_SAVED,
  KX_FIGURE_PATENTS_GRANTED_INVENTION, KX_FIGURE_PATENTS_GRANTED_OTHER, KX_FIGURE_PATENTS_FILED,
  KX_FIGURE_ACHIEVEMENTS_TRANSFORMED
} kx_claimed_figure;
/** Aggregation methods (kexie::AggregationMethod). */
typedef enum kx_aggregation_method { KX_AGGREGATE_MEAN = 0, KX_AGGREGATE_MEDIAN, KX_AGGREGATE_TRIMMED_MEAN } kx_aggregation_method;
/** Rounding modes (kexie::Rounding). */
typedef enum kx_rounding {
  KX_ROUND_HALF_EVEN = 0, KX_ROUND_HALF_UP, KX_ROUND_HALF_DOWN, KX_ROUND_DOWN, KX_ROUND_UP,
  KX_ROUND_FLOOR, KX_ROUND_CEILING
} kx_rounding;
/** Boundary-tie rules (kexie::BoundaryTies). */
typedef enum kx_boundary_ties { KX_TIES_BREAK_BY_CHAIN = 0, KX_TIES_INCLUDE_ALL, KX_TIES_EXCLUDE_ALL } kx_boundary_ties;
/** Entry statuses (kexie::EntryStatus). */
typedef enum kx_entry_status { KX_ENTRY_RANKED = 0, KX_ENTRY_INCOMPLETE, KX_ENTRY_VETOED } kx_entry_status;
/** Patent types and statuses. */
typedef enum kx_patent_type { KX_PATENT_INVENTION = 0, KX_PATENT_UTILITY_MODEL, KX_PATENT_DESIGN } kx_patent_type;
typedef enum kx_patent_status { KX_PATENT_FILED = 0, KX_PATENT_GRANTED } kx_patent_status;
/** Explanation languages. */
typedef enum kx_language { KX_LANG_CHINESE = 0, KX_LANG_ENGLISH } kx_language;

/** One award tier (kexie::AwardTier). */
typedef struct kx_award_tier {
  const char *name;       /**< e.g. "一等奖" */
  int by_count;           /**< 1: `count` places; 0: `share` of eligible entries */
  const char *share;      /**< decimal in [0, 1] when !by_count */
  uint32_t count;         /**< places when by_count */
  int rounding;           /**< KX_ROUND_* turning a share into places; FLOOR usual */
  const char *min_score;  /**< lowest total that may receive the tier; NULL = 0 */
} kx_award_tier;

/** A campaign's configuration (kexie::CampaignSpec). Unset decimals are NULL. */
typedef struct kx_campaign_options {
  unsigned int version;        /**< KX_CAMPAIGN_OPTIONS_VERSION */
  const char *name;            /**< the campaign's name */
  uint32_t organizer;          /**< the association running it */
  const char *as_of;           /**< day registry facts are read on, "YYYY-MM-DD" */
  int year;                    /**< year of the claimed savings (grid factors) */
  int aggregation;             /**< KX_AGGREGATE_* */
  unsigned int drop_low;       /**< trimmed mean */
  unsigned int drop_high;      /**< trimmed mean */
  unsigned int trim_from;      /**< trimmed mean */
  int normalize;               /**< per-judge z-score normalization */
  uint32_t min_judges;         /**< fewest judges per judged indicator; 3 */
  uint32_t veto_threshold;     /**< vetoes that exclude an entry; 1 */
  uint32_t max_judges_per_entry; /**< 9 */
  int rank_per_category;       /**< 1: rank and award each category separately */
  /** Tie-break chain after the total, comma separated: "objective_total",
   *  "top_marks", "indicator:A.1", "figure:energy_saved_tce"; NULL for none. */
  const char *tie_breaks;
  const kx_award_tier *tiers;  /**< best first */
  size_t tier_count;           /**< entries in `tiers` */
  int boundary_ties;           /**< KX_TIES_* */
  const char *cusp_margin;     /**< NULL = "1" */
  uint32_t unit_min_awarded;   /**< advanced units: awarded entries needed; 2 */
  uint32_t unit_max;           /**< advanced units named, 0 = all */
  uint32_t people_top_tiers;   /**< advanced individuals: tiers that count; 1 */
  const char *people_min_share;/**< NULL = "0" */
  uint32_t people_max;         /**< 0 = all */
  uint32_t max_team_size;      /**< eligibility: 0 = no rule */
  /* version 2 (issue 13): */
  int expert_rule;             /**< KX_EXPERTS_*: whom the expert rule (panel.expert) applies to */
  int expert_field_match;      /**< 1: a judge's fields must name the entry's category */
  int enforce_scope;           /**< 1: entries only from the organizer's subtree (entry.scope) */
  const char *entry_deadline;  /**< last day entries are accepted, "YYYY-MM-DD"; NULL = none */
} kx_campaign_options;
#define KX_CAMPAIGN_OPTIONS_VERSION 2
#define KX_CAMPAIGN_OPTIONS_INIT \
  {KX_CAMPAIGN_OPTIONS_VERSION, NULL, 0, NULL, 0, KX_AGGREGATE_TRIMMED_MEAN, 1, 1, 5, 0, 3, 1, 9, \
   1, NULL, NULL, 0, KX_TIES_BREAK_BY_CHAIN, NULL, 2, 0, 1, NULL, 0, 0, \
   KX_EXPERTS_BOUND_CAMPAIGNS, 0, 1, NULL}

/** Whom the expert rule applies to (kexie::ExpertRule). */
typedef enum kx_expert_rule {
  KX_EXPERTS_BOUND_CAMPAIGNS = 0, KX_EXPERTS_ALWAYS, KX_EXPERTS_OFF
} kx_expert_rule;

/** Where a campaign stands in its 讲比 activity (kexie::CampaignPhase). */
typedef enum kx_phase {
  KX_PHASE_UNBOUND = 0, KX_PHASE_APPROVED, KX_PHASE_ENTRIES, KX_PHASE_CLOSED,
  KX_PHASE_EVALUATION, KX_PHASE_CONCLUDED, KX_PHASE_COMMENDED
} kx_phase;

/** A campaign (kexie::Campaign). */
typedef struct kx_campaign kx_campaign;

/** A new campaign over `registry` (which must outlive it). KX_EINVALID for a
 *  malformed configuration. Free it with kx_campaign_free().
 *
 *   kx_award_tier tiers[] = {{"一等奖", 0, "0.10", 0, KX_ROUND_FLOOR, "80"}};
 *   kx_campaign_options o = KX_CAMPAIGN_OPTIONS_INIT;
 *   o.name = "2025 讲比"; o.organizer = province; o.as_of = "2025-11-30"; o.year = 2024;
 *   o.tiers = tiers; o.tier_count = 1;
 *   kx_campaign *c; kx_campaign_new(&c, reg, &o);
 */
KX_EXTERN int kx_campaign_new(kx_campaign **out, const kx_registry *registry,
                              const kx_campaign_options *options);

/** Frees a campaign; NULL is ignored, and so is a campaign borrowed from a
 *  snapshot (kx_snapshot_campaign), which kx_snapshot_free() frees.
 *
 *   kx_campaign_free(c);
 */
KX_EXTERN void kx_campaign_free(kx_campaign *campaign);

/** Opens a campaign for the 讲比 activity `activity` of `book` (kexie::Campaign::open):
 *  after 立项, its organizer the activity's. The book and registry must outlive it.
 *  Free it with kx_campaign_free().
 *
 *   kx_campaign *c; kx_campaign_open(&c, reg, book, activity, &o);
 */
KX_EXTERN int kx_campaign_open(kx_campaign **out, const kx_registry *registry,
                               const kx_book *book, uint32_t activity,
                               const kx_campaign_options *options);

/** The campaign's phase, KX_PHASE_* (KX_PHASE_UNBOUND when not bound to an activity).
 *
 *   int phase; kx_campaign_phase(&phase, c);
 */
KX_EXTERN int kx_campaign_phase(int *out, const kx_campaign *campaign);

/** Concludes a bound campaign in 评估: freezes it and concludes its activity in `book`
 *  with `evaluation_score` ("95"), the scoreboard digest in the audit record.
 *
 *   kx_campaign_conclude(c, book, secretary, "2025-11-30T09:00:00+08:00", "95");
 */
KX_EXTERN int kx_campaign_conclude(kx_campaign *campaign, kx_book *book, const kx_actor *actor,
                                   const char *at, const char *evaluation_score);

/** Commends a concluded campaign: records the honours in `registry` and commends its
 *  activity, the award-list digest in the audit record.
 *
 *   kx_campaign_commend(c, reg, book, chair, "2025-12-20T10:00:00+08:00");
 */
KX_EXTERN int kx_campaign_commend(kx_campaign *campaign, kx_registry *registry, kx_book *book,
                                  const kx_actor *actor, const char *at);

/** The scoreboard digest written at conclude and the award-list digest written at
 *  commend (64 hex digits, or "" before), owned by the campaign.
 *
 *   const char *d; kx_campaign_digests(&d, NULL, c);
 */
KX_EXTERN int kx_campaign_digests(const char **concluded, const char **awarded,
                                  const kx_campaign *campaign);

/** One indicator of a rubric description (kexie::IndicatorSpec). Decimals are
 *  strings; NULL means "not used". */
typedef struct kx_indicator {
  const char *code;        /**< unique key, e.g. "A.1" */
  const char *name;        /**< shown to people */
  const char *parent;      /**< parent's code; NULL or "" at the first level */
  int kind;                /**< KX_INDICATOR_* */
  const char *weight;      /**< share of the parent (group, judged, objective) */
  const char *min;         /**< judged and bonus: lowest mark */
  const char *max;         /**< judged and bonus: highest mark */
  const char *step;        /**< judged and bonus: granularity */
  int figure;              /**< objective: KX_FIGURE_* */
  const char *tiers;       /**< objective tier table "at_least:points;…", e.g. "500000:95;100000:70" */
  const char *floor;       /**< objective: value below every tier / linear intercept */
  const char *per_unit;    /**< objective linear map: value per unit */
  const char *cap;         /**< objective linear map: largest value */
  const char *bonus_cap;   /**< bonus: most the item adds */
} kx_indicator;

/** Builds a rubric named `name` from `count` indicators and sets it for `category`.
 *  KX_ERULE "rubric.weights_sum" when a parent's weights do not sum to 1, etc.
 *
 *   kx_indicator r[] = {
 *     {"A", "judged", NULL, KX_INDICATOR_GROUP, "1"},
 *     {"A.1", "creativity", "A", KX_INDICATOR_JUDGED, "1", "0", "100", "0.5"}};
 *   kx_campaign_set_rubric(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "细则", r, 2);
 */
KX_EXTERN int kx_campaign_set_rubric(kx_campaign *campaign, int category, const char *name,
                                     const kx_indicator *indicators, size_t count);

/** One band of a banded judged indicator (kexie::MarkBand): a figure of at least
 *  `at_least` selects it, and marks must then lie within [min, max]. */
typedef struct kx_band {
  const char *at_least; /**< the threshold on the figure, inclusive */
  const char *min;      /**< the lowest admissible mark in the band */
  const char *max;      /**< the highest admissible mark in the band */
} kx_band;

/** What a points sheet or banded indicator adds to one indicator of a
 *  kx_campaign_set_rubric_ex call, named by its code. */
typedef struct kx_indicator_extra {
  const char *code;      /**< the indicator it completes */
  const char *points;    /**< points sheets: its maximum points; NULL otherwise */
  int band_figure;       /**< banded judged leaves: KX_FIGURE_* that selects the band */
  const kx_band *bands;  /**< the bands; NULL when band_count is 0 */
  size_t band_count;     /**< 0: not banded */
} kx_indicator_extra;

/** A prize rule (kexie::PrizeRule): `share` of the figure above `threshold`, at most
 *  `cap` (NULL: uncapped), rounded half-even to the fen. */
typedef struct kx_prize_rule {
  int figure;             /**< KX_FIGURE_* read, e.g. KX_FIGURE_ANNUAL_BENEFIT_YUAN */
  const char *threshold;  /**< yuan; NULL means 0 */
  const char *share;      /**< in (0, 1], e.g. "0.02" */
  const char *cap;        /**< yuan, at most 2 places; NULL: none */
  int awarded_only;       /**< non-zero: only awarded entries earn it */
} kx_prize_rule;

/** Options of kx_campaign_set_rubric_ex. Initialize with KX_RUBRIC_OPTIONS_INIT. */
typedef struct kx_rubric_options {
  unsigned int version;             /**< KX_RUBRIC_OPTIONS_VERSION */
  const char *full_score;           /**< non-NULL: a points sheet of this full score */
  const kx_indicator_extra *extras; /**< per-indicator points and bands */
  size_t extra_count;               /**< entries in `extras` */
  const kx_prize_rule *prize;       /**< NULL: no prize */
} kx_rubric_options;

#define KX_RUBRIC_OPTIONS_VERSION 1
#define KX_RUBRIC_OPTIONS_INIT {KX_RUBRIC_OPTIONS_VERSION, NULL, NULL, 0, NULL}

/** kx_campaign_set_rubric with the scoring sheets offices use: a points sheet
 *  (`full_score` set: indicators carry points in `extras` or as their weight), judged
 *  marks confined to a band an entry's figure selects, and a prize rule. KX_ERULE
 *  "rubric.points", "rubric.points_sum", "rubric.band", "rubric.prize", …;
 *  KX_ENOTFOUND for an extra naming no indicator. `options` NULL: as
 *  kx_campaign_set_rubric.
 *
 *   kx_band b[] = {{"1000000", "16", "20"}, {"100000", "12", "17"}, {"0", "8", "13"}};
 *   kx_indicator_extra x[] = {{"A", "80"}, {"B", "20", KX_FIGURE_ANNUAL_BENEFIT_YUAN, b, 3}};
 *   kx_prize_rule p = {KX_FIGURE_ANNUAL_BENEFIT_YUAN, "500000", "0.02", "50000", 0};
 *   kx_rubric_options o = KX_RUBRIC_OPTIONS_INIT;
 *   o.full_score = "100"; o.extras = x; o.extra_count = 2; o.prize = &p;
 *   kx_campaign_set_rubric_ex(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "百分制", r, 2, &o);
 */
KX_EXTERN int kx_campaign_set_rubric_ex(kx_campaign *campaign, int category, const char *name,
                                        const kx_indicator *indicators, size_t count,
                                        const kx_rubric_options *options);

/** Builds and sets a rubric from a line-based text description, one indicator a
 *  line, fields separated by '|': code|name|parent|kind|weight|min|max|step|figure|
 *  tiers|floor|per_unit|cap|bonus_cap, where kind is group, judged, objective,
 *  bonus or veto and figure an enumerator name ("annual_benefit_yuan"). Trailing
 *  fields may be left out; empty fields are unset; '#' starts a comment line.
 *
 *   kx_campaign_set_rubric_text(c, KX_CATEGORY_INNOVATIVE_IDEAS, "细则",
 *       "A|judged part||group|1\nA.1|creativity|A|judged|1|0|100|1\n");
 */
KX_EXTERN int kx_campaign_set_rubric_text(kx_campaign *campaign, int category, const char *name,
                                          const char *text);

/** The position of indicator `code` in `category`'s rubric (for kx_mark).
 *
 *   uint32_t a1; kx_campaign_indicator_index(&a1, c, KX_CATEGORY_INNOVATIVE_IDEAS, "A.1");
 */
KX_EXTERN int kx_campaign_indicator_index(uint32_t *out, const kx_campaign *campaign,
                                          int category, const char *code);

/** A team member and their share of the credit. */
typedef struct kx_team_share {
  uint32_t person;    /**< the team member */
  const char *share;  /**< decimal in (0, 1]; shares sum to exactly 1 */
} kx_team_share;
/** Energy saved a year for one carrier. */
typedef struct kx_energy_claim {
  int carrier;           /**< KX_CARRIER_* */
  const char *quantity;  /**< decimal */
  int unit;              /**< KX_UNIT_* */
} kx_energy_claim;
/** One patent. */
typedef struct kx_patent {
  int type;            /**< KX_PATENT_INVENTION, … */
  int status;          /**< KX_PATENT_FILED or KX_PATENT_GRANTED */
  const char *number;  /**< the application or grant number */
} kx_patent;

/** What kx_campaign_add_entry needs (kexie::EntrySpec with its claims). */
typedef struct kx_entry_spec {
  unsigned int version;          /**< KX_ENTRY_SPEC_VERSION */
  const char *code;              /**< application number, unique in the campaign */
  const char *title;             /**< the entry's title */
  uint32_t unit;                 /**< an enterprise association or below one */
  int category;                  /**< KX_CATEGORY_* */
  unsigned int focus;            /**< OR of KX_FOCUS_* */
  const kx_team_share *team;     /**< first = leader */
  size_t team_count;             /**< entries in `team` */
  const char *in_use_since;      /**< "YYYY-MM-DD" */
  const kx_energy_claim *energy; /**< may be NULL */
  size_t energy_count;           /**< entries in `energy` */
  const char *material_saved_t;  /**< decimals; NULL = 0 */
  const char *co2_avoided_t;     /**< CO2 avoided, tonnes; NULL = 0 */
  const char *hours_saved;       /**< working hours saved; NULL = 0 */
  const char *efficiency_gain_percent; /**< efficiency gain in percent; NULL = 0 */
  const char *annual_benefit_yuan; /**< annual economic benefit in yuan; NULL = 0 */
  const kx_patent *patents;      /**< may be NULL */
  size_t patent_count;           /**< entries in `patents` */
  uint32_t achievements_transformed; /**< achievements put into use */
} kx_entry_spec;
#define KX_ENTRY_SPEC_VERSION 1
#define KX_ENTRY_SPEC_INIT \
  {KX_ENTRY_SPEC_VERSION, NULL, NULL, 0, KX_CATEGORY_RATIONALIZATION_PROPOSALS, 0, NULL, 0, NULL, \
   NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0}

/** Adds an entry; `*out` receives its id. KX_EEXISTS "entry.code" for a taken code,
 *  KX_ERULE "entry.unit" (A10) for a unit outside any enterprise association, …
 *
 *   kx_team_share team[] = {{li, "1"}};
 *   kx_entry_spec e = KX_ENTRY_SPEC_INIT;
 *   e.code = "ZJ-0001"; e.title = "余热回收"; e.unit = ent; e.team = team; e.team_count = 1;
 *   e.in_use_since = "2024-03-01"; e.annual_benefit_yuan = "860000";
 *   uint32_t id; kx_campaign_add_entry(&id, c, &e);
 */
KX_EXTERN int kx_campaign_add_entry(uint32_t *out, kx_campaign *campaign,
                                    const kx_entry_spec *spec);

/** The entry with application number `code`.
 *
 *   uint32_t id; kx_campaign_find_entry(&id, c, "ZJ-0001");
 */
/** kx_campaign_add_entry for an entry submitted on `submitted` ("YYYY-MM-DD"),
 *  checked against the campaign's entry deadline.
 *
 *   uint32_t id; kx_campaign_add_entry_on(&id, c, &e, "2025-09-15");
 */
KX_EXTERN int kx_campaign_add_entry_on(uint32_t *out, kx_campaign *campaign,
                                       const kx_entry_spec *spec, const char *submitted);

KX_EXTERN int kx_campaign_find_entry(uint32_t *out, const kx_campaign *campaign,
                                     const char *code);

/** Seats `person` on the panel; `*out` receives the judge id.
 *
 *   uint32_t j; kx_campaign_add_judge(&j, c, expert);
 */
KX_EXTERN int kx_campaign_add_judge(uint32_t *out, kx_campaign *campaign, uint32_t person);

/** Assigns a judge to an entry; KX_ECONFLICT "panel.conflict" (A12) when the judge
 *  belongs to the entry's enterprise association or its team.
 *
 *   kx_campaign_assign(c, j, id);
 */
KX_EXTERN int kx_campaign_assign(kx_campaign *campaign, uint32_t judge, uint32_t entry);

/** Records one mark (a decimal string) on the indicator with `code`.
 *
 *   kx_campaign_mark(c, j, id, "A.1", "88.5");
 */
KX_EXTERN int kx_campaign_mark(kx_campaign *campaign, uint32_t judge, uint32_t entry,
                               const char *indicator_code, const char *mark);

/** One mark for kx_campaign_mark_batch. */
typedef struct kx_mark {
  uint32_t judge;      /**< the judge's id */
  uint32_t entry;      /**< the entry's id */
  uint32_t indicator;  /**< index from kx_campaign_indicator_index */
  const char *mark;    /**< decimal string */
} kx_mark;

/** Records `count` marks, all or nothing. On refusal none is applied and, when
 *  `failed` is not NULL, `*failed` receives the position of the refused mark (for
 *  the same judge, entry and indicator twice, the position of the repeat).
 *
 *   kx_mark m[] = {{j1, id, a1, "88"}, {j2, id, a1, "90.5"}};
 *   size_t bad; kx_campaign_mark_batch(c, m, 2, &bad);
 */
KX_EXTERN int kx_campaign_mark_batch(kx_campaign *campaign, const kx_mark *marks, size_t count,
                                     size_t *failed);

/** The columnar batch: mark i is judges[i], entries[i], indicators[i] and the exact
 *  value coefficients[i] × 10^-scale (e.g. 8850 with scale 2 is 88.50). All or
 *  nothing, like kx_campaign_mark_batch; the fast path for bulk loads.
 *
 *   uint32_t js[] = {j1, j2}, es[] = {id, id}, is[] = {a1, a1}; int64_t v[] = {880, 905};
 *   kx_campaign_mark_columns(c, 2, js, es, is, v, 1, NULL);
 */
KX_EXTERN int kx_campaign_mark_columns(kx_campaign *campaign, size_t count,
                                       const uint32_t *judges, const uint32_t *entries,
                                       const uint32_t *indicators, const int64_t *coefficients,
                                       int scale, size_t *failed);

/* ---- marks on several threads (issue 17 item 4) ---------------------------------------- */

/** kx_campaign_mark_columns on up to `threads` threads, the calling thread included:
 *  the same marks recorded, or the same first refusal with the same `*failed`, for
 *  every count (the checks are split in contiguous ranges, the marks recorded in
 *  order). `threads` 0 is KX_EINVALID; one is kx_campaign_mark_columns. kexie starts
 *  no thread it was not asked for, and each call joins the threads it started.
 *
 *  \param campaign the campaign (in its evaluation phase)
 *  \param count the number of marks
 *  \param judges the judges' ids, `count` of them (NULL only when `count` is 0)
 *  \param entries the entries' ids, `count` of them
 *  \param indicators indices from kx_campaign_indicator_index, `count` of them
 *  \param coefficients the marks' coefficients, `count` of them
 *  \param scale the places of every coefficient (0–18)
 *  \param threads how many threads the call may use, the caller included (at least 1)
 *  \param failed when not NULL, receives the position of the refused mark
 *  \return 0, or a negative KX_E* code (kx_error_last() says why)
 *
 *   kx_campaign_mark_columns_threads(c, n, js, es, is, v, 1, 2, &failed);
 */
KX_EXTERN int kx_campaign_mark_columns_threads(kx_campaign *campaign, size_t count,
                                               const uint32_t *judges, const uint32_t *entries,
                                               const uint32_t *indicators,
                                               const int64_t *coefficients, int scale,
                                               uint32_t threads, size_t *failed);

/** A judge's veto (一票否决) of an entry on the veto item `veto_code`.
 *
 *   kx_campaign_veto(c, j, id, "veto", "数据造假 falsified data");
 */
KX_EXTERN int kx_campaign_veto(kx_campaign *campaign, uint32_t judge, uint32_t entry,
                               const char *veto_code, const char *reason);

/** Counts of a campaign. */
typedef struct kx_campaign_counts {
  size_t entries; /**< entries added */
  size_t judges; /**< judges added */
} kx_campaign_counts;

/** Number of entries and judges.
 *
 *   kx_campaign_counts n; kx_campaign_count(&n, c);
 */
KX_EXTERN int kx_campaign_count(kx_campaign_counts *out, const kx_campaign *campaign);

/** One entry's standing; `total` is valid during the callback only. */
typedef struct kx_standing {
  uint32_t entry;      /**< the entry's id */
  int status;          /**< KX_ENTRY_* */
  const char *total;   /**< exact total */
  uint32_t rank;       /**< competition rank in its group, 0 when unranked */
  uint32_t position;   /**< place after tie-breaks in its group */
} kx_standing;

/** Called once per standing. */
typedef int (*kx_standing_cb)(const kx_standing *standing, void *payload);

/** The scoring core only (totals and ranking, no awards), in scoreboard order.
 *
 *   kx_campaign_standings_foreach(c, print_standing, NULL);
 */
KX_EXTERN int kx_campaign_standings_foreach(const kx_campaign *campaign, kx_standing_cb cb,
                                            void *payload);

/* --- Standings as columns (issue 17, item 7): bulk readers such as numpy ---------- */

/** \brief The standings (kx_campaign_standings_foreach's rows, in the same order)
 *  written into caller arrays, one column each: no callback and no string per entry.
 *
 *  Row i is the standing of entry `entries[i]`: its status (KX_ENTRY_*), its exact
 *  total as an integer coefficient at 14 decimal places, the exact scale of every total
 *  (kexie::Rubric::kTotalScale; 92.35 is 9235000000000000), its competition rank (0 when unranked) and its position after
 *  tie-breaks. There is one row per entry of the campaign (kx_campaign_count's
 *  `entries`), so arrays of that length always suffice. Any column may be NULL to
 *  skip it. Nothing is written unless every row fits: a `capacity` below the number
 *  of rows is refused with KX_EINVALID, outputs untouched.
 *
 *  \param campaign   the campaign (not NULL)
 *  \param capacity   the length of each non-NULL column, in elements
 *  \param entries    receives the entry ids, or NULL
 *  \param statuses   receives the KX_ENTRY_* statuses, or NULL
 *  \param totals     receives the totals at 14 places, or NULL
 *  \param ranks      receives the competition ranks, or NULL
 *  \param positions  receives the positions after tie-breaks, or NULL
 *  \param count      receives the number of rows (not NULL)
 *  \return 0; KX_EINVALID for a NULL campaign or count, or a capacity below the rows;
 *          KX_EOVERFLOW for a total that does not fit at 14 places; the
 *          refusals of kx_campaign_standings_foreach
 *
 *  \code
 *  kx_campaign_counts n; kx_campaign_count(&n, c);
 *  uint32_t *ids = malloc(n.entries * sizeof *ids);
 *  int64_t *totals = malloc(n.entries * sizeof *totals);
 *  size_t rows;
 *  kx_campaign_standings_columns(c, n.entries, ids, NULL, totals, NULL, NULL, &rows);
 *  printf("%u: %.6f\n", ids[0], (double)totals[0] / 1e14);
 *  \endcode
 */
KX_EXTERN int kx_campaign_standings_columns(const kx_campaign *campaign, size_t capacity,
                                            uint32_t *entries, int32_t *statuses,
                                            int64_t *totals, uint32_t *ranks,
                                            uint32_t *positions, size_t *count);

/* --- end of the standings columns ----------------------------------------------- */

/** A scored campaign's result table (kexie::Scoreboard). */
typedef struct kx_scoreboard kx_scoreboard;

/** Scores the campaign; free the board with kx_scoreboard_free().
 *
 *   kx_scoreboard *b; kx_campaign_score(&b, c);
 */
KX_EXTERN int kx_campaign_score(kx_scoreboard **out, const kx_campaign *campaign);

/** Frees a scoreboard; NULL is ignored.
 *
 *   kx_scoreboard_free(b);
 */
KX_EXTERN void kx_scoreboard_free(kx_scoreboard *board);

/* ---- Scoring on several threads, and again into the same board (issue 17) ---- */

/** kx_campaign_score() on up to `threads` threads (the calling thread included): the
 *  same scoreboard and digest, bit for bit, for every count; KX_EINVALID for 0.
 *
 *   kx_scoreboard *b; kx_campaign_score_with(&b, c, 2);
 *
 *  \param out receives the new board (free it with kx_scoreboard_free())
 *  \param campaign the campaign to score
 *  \param threads how many threads the call may use, at least 1
 *  \return KX_OK, or a negative KX_E* code
 */
KX_EXTERN int kx_campaign_score_with(kx_scoreboard **out, const kx_campaign *campaign,
                                     uint32_t threads);

/** Scores `campaign` again into `board` (from kx_campaign_score*), reusing its storage,
 *  on up to `threads` threads: the result equals kx_campaign_score()'s bit for bit,
 *  digest included. Needs exclusive use of `board`. Every refusal (a NULL argument,
 *  0 threads, tie-breaks or tiers the campaign cannot use, an exact sum of the
 *  honours that does not fit: KX_EOVERFLOW) leaves `board` unchanged, and every
 *  string borrowed from it before stays valid. KX_OK replaces the results and
 *  invalidates those strings; out of memory (KX_ENOMEM), unlike elsewhere, leaves the
 *  board empty rather than unchanged.
 *
 *   kx_campaign_score_into(b, c, 1);   // what-if: re-score after new marks
 *
 *  \param board the board to overwrite
 *  \param campaign the campaign to score
 *  \param threads how many threads the call may use, at least 1
 *  \return KX_OK, or a negative KX_E* code
 */
KX_EXTERN int kx_campaign_score_into(kx_scoreboard *board, const kx_campaign *campaign,
                                     uint32_t threads);

/** kx_campaign_standings_foreach() on up to `threads` threads; KX_EINVALID for 0.
 *
 *   kx_campaign_standings_foreach_with(c, 2, print_standing, NULL);
 *
 *  \param campaign the campaign to rank
 *  \param threads how many threads the call may use, at least 1
 *  \param cb called once per standing, in scoreboard order; a non-zero value stops
 *  \param payload passed to `cb`
 *  \return KX_OK, the callback's positive value, or a negative KX_E* code
 */
KX_EXTERN int kx_campaign_standings_foreach_with(const kx_campaign *campaign, uint32_t threads,
                                                 kx_standing_cb cb, void *payload);

/** One entry's result; strings belong to the scoreboard. */
typedef struct kx_entry_result {
  uint32_t entry;            /**< the entry's id */
  const char *code;          /**< application number */
  uint32_t unit;             /**< the entering unit */
  uint32_t enterprise;       /**< its enterprise association */
  int category;              /**< KX_CATEGORY_* */
  int status;                /**< KX_ENTRY_* */
  const char *total;         /**< exact total */
  const char *judged_part;   /**< the judged indicators' part of the total */
  const char *objective_part; /**< the objective indicators' part */
  const char *bonus;         /**< the bonus part */
  uint32_t rank;             /**< 0 when unranked */
  uint32_t position;         /**< place after tie-breaks */
  int tier;                  /**< tier index, or -1 when not awarded */
  const char *award;         /**< the tier's name, or "" */
} kx_entry_result;

/** The prize of entry `entry` (kexie::EntryResult::prize), yuan at 2 places, owned
 *  by the board; NULL when its rubric has no prize rule. KX_ENOTFOUND when the entry
 *  is not on the board.
 *
 *   const char *p; kx_scoreboard_prize(&p, b, id); if (p) printf("奖金 %s 元\n", p);
 */
KX_EXTERN int kx_scoreboard_prize(const char **out, const kx_scoreboard *board, uint32_t entry);

/** Number of entries on the board.
 *
 *   size_t n; kx_scoreboard_size(&n, b);
 */
KX_EXTERN int kx_scoreboard_size(size_t *out, const kx_scoreboard *board);

/** Result `index` (0 ≤ index < size) in the board's stable order (group, position,
 *  then unranked entries by code); strings stay valid until kx_scoreboard_free() or
 *  a kx_campaign_score_into() that changes the board.
 *
 *   kx_entry_result r; kx_scoreboard_entry(&r, b, 0); printf("%s %s\n", r.code, r.total);
 */
KX_EXTERN int kx_scoreboard_entry(kx_entry_result *out, const kx_scoreboard *board,
                                  size_t index);

/** The result of entry `entry`; KX_ENOTFOUND when it is not on the board.
 *
 *   kx_entry_result r; kx_scoreboard_find(&r, b, id);
 */
KX_EXTERN int kx_scoreboard_find(kx_entry_result *out, const kx_scoreboard *board,
                                 uint32_t entry);

/** Called once per awarded entry. */
typedef int (*kx_entry_result_cb)(const kx_entry_result *result, void *payload);

/** Calls `cb` for every awarded entry, in board order.
 *
 *   kx_scoreboard_awards_foreach(b, print_award, NULL);
 */
KX_EXTERN int kx_scoreboard_awards_foreach(const kx_scoreboard *board, kx_entry_result_cb cb,
                                           void *payload);

/** An advanced unit (先进单位); `awarded_total` and `tce_saved` belong to the board. */
typedef struct kx_advanced_unit {
  uint32_t unit; /**< the enterprise association */
  uint32_t entries; /**< its entries */
  uint32_t awarded; /**< its awarded entries */
  const char *awarded_total; /**< the awarded entries' totals summed */
  const char *participation_rate; /**< distinct people on entries / members */
  const char *tce_saved; /**< energy saved by its entries, tce */
} kx_advanced_unit;

/** Number of advanced units and individuals. */
typedef struct kx_scoreboard_counts {
  size_t units; /**< advanced units */
  size_t people; /**< advanced individuals */
  size_t cusps; /**< entries near a tier boundary */
} kx_scoreboard_counts;

/** Counts of the board's derived lists.
 *
 *   kx_scoreboard_counts n; kx_scoreboard_count(&n, b);
 */
KX_EXTERN int kx_scoreboard_count(kx_scoreboard_counts *out, const kx_scoreboard *board);

/** Advanced unit `index`, best first.
 *
 *   kx_advanced_unit u; kx_scoreboard_unit(&u, b, 0);
 */
KX_EXTERN int kx_scoreboard_unit(kx_advanced_unit *out, const kx_scoreboard *board,
                                 size_t index);

/** An advanced individual (先进个人); `credit` belongs to the board. */
typedef struct kx_advanced_person {
  uint32_t person;     /**< the person */
  uint32_t best_tier;  /**< their best tier (index) */
  const char *credit;  /**< sum of share x total, awarded entries */
  size_t entry_count;  /**< awarded entries that count */
} kx_advanced_person;

/** Advanced individual `index`, best first.
 *
 *   kx_advanced_person p; kx_scoreboard_person(&p, b, 0);
 */
KX_EXTERN int kx_scoreboard_person(kx_advanced_person *out, const kx_scoreboard *board,
                                   size_t index);

/** The board's SHA-256 digest (64 hex digits), owned by the board.
 *
 *   const char *d; kx_scoreboard_digest(&d, b);
 */
KX_EXTERN int kx_scoreboard_digest(const char **out, const kx_scoreboard *board);

/** Why `entry` got its total, rank and award, as UTF-8 text in `language`
 *  (KX_LANG_*); `board` must come from kx_campaign_score(campaign). Free the text
 *  with kx_string_free().
 *
 *   char *t; kx_explain_text(&t, c, b, id, KX_LANG_ENGLISH); puts(t); kx_string_free(t);
 */
KX_EXTERN int kx_explain_text(char **out, const kx_campaign *campaign,
                              const kx_scoreboard *board, uint32_t entry, int language);

/** The same explanation as a JSON object: {"entry", "code", "title", "rubric",
 *  "status", "total", "rank", "position", "award", "aggregation", "normalized",
 *  "lines": [{"code", "name", "kind", "method", "value", "weight", "contribution",
 *  "figure", "marks": [{"judge", "mark", "normalized", "dropped"}]}],
 *  "conversions": [...], "vetoes": [...]}; decimals are JSON strings. Free it with
 *  kx_string_free().
 *
 *   char *j; kx_explain_json(&j, c, b, id); puts(j); kx_string_free(j);
 */
KX_EXTERN int kx_explain_json(char **out, const kx_campaign *campaign,
                              const kx_scoreboard *board, uint32_t entry);

/* ================================================================== assignment */

/** One judge on one entry (kexie::AssignmentInput). */
typedef struct kx_assignment_pair {
  uint32_t judge; /**< the judge's id (kx_campaign_add_judge) */
  uint32_t entry; /**< the entry's id (kx_campaign_add_entry) */
} kx_assignment_pair;

/** A judge's declared availability (kexie::JudgeAvailability): their load range,
 *  counting entries they already have; `max_load` 0 declares them unavailable. */
typedef struct kx_judge_availability {
  uint32_t judge;           /**< the judge declaring it */
  uint32_t min_load;        /**< the fewest entries they must take */
  uint32_t max_load;        /**< the most entries they take; 0: unavailable */
  uint32_t cost_per_entry;  /**< added to the cost of each entry they get */
} kx_judge_availability;

/** How kx_assignment_propose weighs and bounds its choices
 *  (kexie::AssignmentOptions; docs/assignment.md). */
typedef struct kx_assignment_options {
  unsigned int version;             /**< KX_ASSIGNMENT_OPTIONS_VERSION */
  uint32_t judges_per_entry;        /**< 0 = the panel's minimum judges */
  int declare_load;                 /**< 1: every judge's load is load_min..load_max; 0: balanced */
  uint32_t load_min;                /**< the fewest entries a judge takes (declare_load 1) */
  uint32_t load_max;                /**< the most entries a judge takes (declare_load 1) */
  const kx_judge_availability *availability;  /**< per-judge declarations, may be NULL */
  size_t availability_count;        /**< the number of `availability` declarations */
  uint32_t expertise_cost;          /**< a judge without the entry's field; 100 */
  uint32_t spread_cost;             /**< each further judge of one organization; 50 */
  int spread_required;              /**< 1: at most one judge per organization on an entry */
  uint64_t seed;                    /**< breaks ties among equally good assignments */
  uint32_t candidates_per_entry;    /**< 0 = all; else the cheapest N per entry (pruning) */
} kx_assignment_options;
#define KX_ASSIGNMENT_OPTIONS_VERSION 1
#define KX_ASSIGNMENT_OPTIONS_INIT {KX_ASSIGNMENT_OPTIONS_VERSION, 0, 0, 0, 0, NULL, 0, 100, 50, 0, 0, 0}

/** A proposed assignment with its explanation (kexie::AssignmentProposal). Owned by
 *  the caller; free it with kx_assignment_free(). */
typedef struct kx_assignment kx_assignment;

/** Proposes judges for every entry of `campaign` (which it does not change).
 *  `options` may be NULL (the defaults). KX_EINVALID for options that do not fit
 *  the panel; KX_ERULE "assignment.load" or "assignment.infeasible" (A12), whose
 *  message names the entries that cannot reach their judges and why.
 *
 *   kx_assignment_options o = KX_ASSIGNMENT_OPTIONS_INIT; o.seed = 7;
 *   kx_assignment *a; if (kx_assignment_propose(&a, c, &o) == 0) kx_assignment_apply(c, a, NULL);
 */
KX_EXTERN int kx_assignment_propose(kx_assignment **out, const kx_campaign *campaign,
                                    const kx_assignment_options *options);

/** Frees a proposal; NULL is ignored. */
KX_EXTERN void kx_assignment_free(kx_assignment *assignment);

/** The number of new pairs, and the proposal's total cost.
 *
 *   size_t n; int64_t cost; kx_assignment_summary(&n, &cost, a);
 */
KX_EXTERN int kx_assignment_summary(size_t *pair_count, int64_t *cost,
                                    const kx_assignment *assignment);

/** Pair `index` (0-based, by entry then judge) of the proposal; KX_EINVALID past the end.
 *
 *   kx_assignment_pair p; kx_assignment_pair_at(&p, a, 0);
 */
KX_EXTERN int kx_assignment_pair_at(kx_assignment_pair *out, const kx_assignment *assignment,
                                    size_t index);

/** Why a judge was chosen for an entry (kexie::JudgeChoice). */
typedef struct kx_judge_choice {
  uint32_t judge;           /**< the judge chosen */
  int kept;                 /**< 1: already assigned before the proposal */
  int expertise;            /**< 1: a listing of theirs names the entry's category */
  uint32_t organization;    /**< the organization counted for spread */
  int shares_organization;  /**< 1: another judge of the entry is from it too */
  int64_t cost;             /**< what the pair adds to the proposal's cost */
} kx_judge_choice;

/** How many judges entry `entry` ends with, and how many judges a hard rule kept off it.
 *
 *   size_t chosen, excluded; kx_assignment_entry(&chosen, &excluded, a, e);
 */
KX_EXTERN int kx_assignment_entry(size_t *judge_count, size_t *excluded_count,
                                  const kx_assignment *assignment, uint32_t entry);

/** The `index`-th judge of `entry` (by judge id) and why it was chosen.
 *
 *   kx_judge_choice jc; kx_assignment_choice(&jc, a, e, 0);
 */
KX_EXTERN int kx_assignment_choice(kx_judge_choice *out, const kx_assignment *assignment,
                                   uint32_t entry, size_t index);

/** The `index`-th judge a hard rule kept off `entry`: the judge, the rule id
 *  ("panel.conflict", "panel.expert_field", "assignment.unavailable",
 *  "assignment.org_spread") and the reason; `rule` and `reason` may be NULL, else
 *  each receives a string to release with kx_string_free().
 *
 *   uint32_t j; char *rule, *why; kx_assignment_exclusion(&j, &rule, &why, a, e, 0);
 */
KX_EXTERN int kx_assignment_exclusion(uint32_t *judge, char **rule, char **reason,
                                      const kx_assignment *assignment, uint32_t entry,
                                      size_t index);

/** Records the proposal's pairs through kx_campaign_assign's path, all or nothing:
 *  a pair it would refuse refuses the batch and nothing is recorded. `failed` may
 *  be NULL; else a refusal stores the refused pair's index there.
 *
 *   size_t at; if (kx_assignment_apply(c, a, &at) != 0) puts(kx_error_last()->message);
 */
KX_EXTERN int kx_assignment_apply(kx_campaign *campaign, const kx_assignment *assignment,
                                  size_t *failed);

/** Records `count` pairs through kx_campaign_assign's path (kexie::Campaign::assign_all),
 *  all or nothing, like kx_assignment_apply.
 *
 *   kx_assignment_pair pairs[] = {{1, 1}, {2, 1}};
 *   kx_campaign_assign_all(c, pairs, 2, NULL);
 */
KX_EXTERN int kx_campaign_assign_all(kx_campaign *campaign, const kx_assignment_pair *pairs,
                                     size_t count, size_t *failed);

/** The proposal's new pairs as an assignments CSV file the office can edit and
 *  kx_campaign_import_assignments_csv reads back: `judge` (the judge's external key,
 *  工号), `entry` (the application number), then, when `explain` is non-zero,
 *  judge_name, organization, expertise, shares_organization and cost (the importer
 *  ignores them). `chinese` non-zero: Chinese headers (评委, 项目编号, ...).
 *  `encoding`: KX_ENCODING_UTF8 (with a byte-order mark; KX_ENCODING_AUTO means it) or
 *  KX_ENCODING_GB18030. `campaign` is the proposal's campaign, `registry` its registry.
 *  The bytes are allocated; free them with kx_string_free(). KX_EINVALID (rule
 *  table.field) for a judge without an external key or sharing it.
 *
 *   char *csv; size_t len;
 *   kx_assignment_csv(&csv, &len, a, c, reg, KX_ENCODING_UTF8, 0, 1);
 */
KX_EXTERN int kx_assignment_csv(char **out, size_t *length, const kx_assignment *assignment,
                                const kx_campaign *campaign, const kx_registry *registry,
                                int encoding, int chinese, int explain);

/* ==================================================================== snapshot */

/** A loaded snapshot (快照): a registry and the activity books and campaigns
 *  bound to it, owned together (kexie::Snapshot). */
typedef struct kx_snapshot kx_snapshot;

/** Bytes allocated by the library; release them with kx_buffer_free(). */
typedef struct kx_buffer {
  void *data;   /**< the bytes; NULL after kx_buffer_free() */
  size_t size;  /**< number of bytes */
} kx_buffer;

/** Frees the bytes of `buffer` and sets it to {NULL, 0}; NULL, and a buffer
 *  already freed, are ignored.
 *
 *   kx_buffer buf; kx_snapshot_save_buffer(&buf, reg, NULL, 0, NULL, 0);
 *   fwrite(buf.data, 1, buf.size, f); kx_buffer_free(&buf);
 */
KX_EXTERN void kx_buffer_free(kx_buffer *buffer);

/** How kx_snapshot_save writes its file (kexie::SaveOptions). */
typedef struct kx_snapshot_save_options {
  unsigned int version;  /**< KX_SNAPSHOT_SAVE_OPTIONS_VERSION */
  unsigned int mode;     /**< permission bits of the file, not left to the umask; 0644 */
} kx_snapshot_save_options;
#define KX_SNAPSHOT_SAVE_OPTIONS_VERSION 1
#define KX_SNAPSHOT_SAVE_OPTIONS_INIT {KX_SNAPSHOT_SAVE_OPTIONS_VERSION, 0644}

/** Saves `registry` with `book_count` activity books and `campaign_count`
 *  campaigns bound to it (the arrays may be NULL when their count is 0) to the
 *  file `path`, crash-safe: a temporary file in the same directory is written,
 *  synced and renamed over `path`, so an existing file stays byte-identical
 *  until the new one is complete. `options` may be NULL (the defaults). Nothing
 *  is kept: the inputs are only read during the call. KX_EINVALID for a NULL
 *  argument or element, or a book or campaign bound to another registry; KX_EIO
 *  naming the step and the OS error when the file cannot be written. Before
 *  writing anything, KX_EIO naming the rule when `path` is a symbolic link, a
 *  directory, a FIFO, a device or a socket (only a regular file is replaced), or a
 *  file whose mode has the setuid, setgid or sticky bit or is world-writable
 *  (docs/formats.md, "What a save refuses to replace"). A save never removes
 *  files beside `path` that it did not make.
 *
 *   const kx_book *books[] = {book};
 *   const kx_campaign *campaigns[] = {c};
 *   kx_snapshot_save_options o = KX_SNAPSHOT_SAVE_OPTIONS_INIT;
 *   o.mode = 0600;
 *   if (kx_snapshot_save("kexie.snap", reg, books, 1, campaigns, 1, &o) < 0)
 *     fprintf(stderr, "%s\n", kx_error_last()->message);
 */
KX_EXTERN int kx_snapshot_save(const char *path, const kx_registry *registry,
                               const kx_book *const *books, size_t book_count,
                               const kx_campaign *const *campaigns, size_t campaign_count,
                               const kx_snapshot_save_options *options);

/** The same snapshot as kx_snapshot_save writes, into `*out`: the caller owns the
 *  bytes and frees them with kx_buffer_free(). `*out` is untouched on failure.
 *
 *   kx_buffer buf;
 *   if (kx_snapshot_save_buffer(&buf, reg, books, 1, NULL, 0) == 0) {
 *     send(sock, buf.data, buf.size, 0); kx_buffer_free(&buf);
 *   }
 */
KX_EXTERN int kx_snapshot_save_buffer(kx_buffer *out, const kx_registry *registry,
                                      const kx_book *const *books, size_t book_count,
                                      const kx_campaign *const *campaigns,
                                      size_t campaign_count);

/** Loads the snapshot file `path`; the caller owns `*out` and frees it with
 *  kx_snapshot_free(). Every file is treated as hostile: KX_EIO when it cannot
 *  be read or is not a regular file (a FIFO is refused at once, never waited
 *  on), KX_ECORRUPT naming what is wrong and its byte offset (a bad magic,
 *  a length or SHA-256 that disagrees, an impossible count or reference, an
 *  audit chain that does not verify), KX_EVERSION for a format newer than this
 *  library or written with another byte order or integer widths.
 *
 *   kx_snapshot *snap;
 *   if (kx_snapshot_load(&snap, "kexie.snap") < 0)
 *     fprintf(stderr, "%s\n", kx_error_last()->message);
 */
KX_EXTERN int kx_snapshot_load(kx_snapshot **out, const char *path);

/** Loads a snapshot from the `size` bytes at `data` (copied: the caller may free
 *  them once the call returns). Errors as for kx_snapshot_load, without KX_EIO.
 *
 *   kx_snapshot *snap; kx_snapshot_load_buffer(&snap, buf.data, buf.size);
 */
KX_EXTERN int kx_snapshot_load_buffer(kx_snapshot **out, const void *data, size_t size);

/** Frees a snapshot with its registry, books and campaigns, which invalidates
 *  every handle borrowed from it; NULL is ignored. Handles created over the
 *  borrowed registry (kx_book_new, kx_campaign_new) must be freed first.
 *
 *   kx_snapshot_free(snap);
 */
KX_EXTERN void kx_snapshot_free(kx_snapshot *snapshot);

/** The snapshot's registry, borrowed: valid until kx_snapshot_free(snapshot),
 *  usable with every kx_registry_* function (and kx_book_new, kx_campaign_new,
 *  kx_snapshot_save); kx_registry_free() on it does nothing.
 *
 *   kx_registry *reg; kx_snapshot_registry(&reg, snap);
 *   kx_rollup r; kx_registry_rollup(&r, reg, province, "2025-06-30");
 */
KX_EXTERN int kx_snapshot_registry(kx_registry **out, kx_snapshot *snapshot);

/** Number of activity books in the snapshot.
 *
 *   size_t n; kx_snapshot_book_count(&n, snap);
 */
KX_EXTERN int kx_snapshot_book_count(size_t *out, const kx_snapshot *snapshot);

/** Activity book `index` (0 ≤ index < count, in the order saved), borrowed like
 *  the registry: valid until kx_snapshot_free(snapshot); kx_book_free() on it
 *  does nothing. KX_EINVALID for an index out of range.
 *
 *   kx_book *book; kx_snapshot_book(&book, snap, 0);
 *   kx_audit_verification v; kx_book_verify_audit(&v, book, NULL);
 */
KX_EXTERN int kx_snapshot_book(kx_book **out, kx_snapshot *snapshot, size_t index);

/** Number of campaigns in the snapshot.
 *
 *   size_t n; kx_snapshot_campaign_count(&n, snap);
 */
KX_EXTERN int kx_snapshot_campaign_count(size_t *out, const kx_snapshot *snapshot);

/** Campaign `index` (0 ≤ index < count, in the order saved), borrowed like the
 *  registry: valid until kx_snapshot_free(snapshot); kx_campaign_free() on it
 *  does nothing. KX_EINVALID for an index out of range.
 *
 *   kx_campaign *c; kx_snapshot_campaign(&c, snap, 0);
 *   kx_scoreboard *b; kx_campaign_score(&b, c); kx_scoreboard_free(b);
 */
KX_EXTERN int kx_snapshot_campaign(kx_campaign **out, kx_snapshot *snapshot, size_t index);

/* ====================================================================== energy */

/** Energy carriers (kexie::Carrier). */
typedef enum kx_carrier {
  KX_CARRIER_RAW_COAL = 0, KX_CARRIER_WASHED_COAL, KX_CARRIER_COKE, KX_CARRIER_CRUDE_OIL,
  KX_CARRIER_FUEL_OIL, KX_CARRIER_GASOLINE, KX_CARRIER_KEROSENE, KX_CARRIER_DIESEL,
  KX_CARRIER_LPG, KX_CARRIER_REFINERY_DRY_GAS, KX_CARRIER_NATURAL_GAS, KX_CARRIER_HEAT,
  KX_CARRIER_ELECTRICITY_EQUIVALENT, KX_CARRIER_ELECTRICITY_EQUAL, KX_CARRIER_STEAM
} kx_carrier;
/** Physical units (kexie::Unit). */
typedef enum kx_unit {
  KX_UNIT_KG = 0, KX_UNIT_T, KX_UNIT_10K_T, KX_UNIT_M3, KX_UNIT_10K_M3, KX_UNIT_KWH,
  KX_UNIT_10K_KWH, KX_UNIT_MWH, KX_UNIT_GWH, KX_UNIT_KJ, KX_UNIT_MJ, KX_UNIT_GJ
} kx_unit;
/** Standard-coal units. */
typedef enum kx_coal_unit { KX_COAL_KGCE = 0, KX_COAL_TCE } kx_coal_unit;
/** Grid factor methods (kexie::GridFactorMethod). */
typedef enum kx_grid_factor_method { KX_GRID_LOCATION_AVERAGE = 0, KX_GRID_EXCLUDING_MARKET_NON_FOSSIL, KX_GRID_FOSSIL_ONLY } kx_grid_factor_method;

/** The carrier named `text` ("raw_coal", "natural_gas", …).
 *
 *   int c; kx_energy_carrier_parse(&c, "diesel");   // KX_CARRIER_DIESEL
 */
KX_EXTERN int kx_energy_carrier_parse(int *out, const char *text);

/** The unit with symbol `text` ("kg", "t", "10^4 t", "m3", "kWh", "MWh", "GJ", …).
 *
 *   int u; kx_energy_unit_parse(&u, "MWh");   // KX_UNIT_MWH
 */
KX_EXTERN int kx_energy_unit_parse(int *out, const char *text);

/** Converts `quantity` (decimal) in `unit` of `carrier` to standard coal with the
 *  GB/T 2589 table, exactly, rounded once half-even. KX_ENOTFOUND for a carrier the
 *  table has no coefficient for (steam, electricity's equal value).
 *
 *   kx_decimal tce;
 *   kx_energy_to_standard_coal(&tce, KX_CARRIER_RAW_COAL, "100", KX_UNIT_T, KX_COAL_TCE);
 *   // tce.text == "71.430000"
 */
KX_EXTERN int kx_energy_to_standard_coal(kx_decimal *out, int carrier, const char *quantity,
                                         int unit, int coal_unit);

/** The same conversion's citation line ("100 t of raw coal … = 71.430000 tce"),
 *  allocated; free it with kx_string_free().
 *
 *   char *c; kx_energy_citation(&c, KX_CARRIER_RAW_COAL, "100", KX_UNIT_T, KX_COAL_TCE);
 */
KX_EXTERN int kx_energy_citation(char **out, int carrier, const char *quantity, int unit,
                                 int coal_unit);

/** t CO2 of `quantity` of grid electricity in `year` by `method` (KX_GRID_*), with
 *  China's national factors.
 *
 *   kx_decimal t; kx_energy_grid_emissions(&t, "1000000", KX_UNIT_KWH, 2022, KX_GRID_LOCATION_AVERAGE);
 *   // t.text == "536.600000"
 */
KX_EXTERN int kx_energy_grid_emissions(kx_decimal *out, const char *quantity, int unit, int year,
                                       int method);

/* ===================================================================== weights */

/** AHP priority derivation (kexie::AhpMethod). */
typedef enum kx_ahp_method { KX_AHP_EIGENVECTOR = 0, KX_AHP_GEOMETRIC_MEAN, KX_AHP_COLUMN_MEAN } kx_ahp_method;
/** Random-index tables (kexie::RandomIndexTable). */
typedef enum kx_random_index_table { KX_RI_SAATY = 0, KX_RI_DONEGAN_DODD, KX_RI_TUMMALA_LING } kx_random_index_table;
/** Criterion kinds (kexie::CriterionKind). */
typedef enum kx_criterion_kind { KX_CRITERION_BENEFIT = 0, KX_CRITERION_COST } kx_criterion_kind;
/** Entropy normalizations (kexie::EntropyNormalization). */
typedef enum kx_entropy_normalization { KX_ENTROPY_MIN_MAX = 0, KX_ENTROPY_PROPORTION } kx_entropy_normalization;
/** Missing-mark policies (kexie::MissingMarks). */
typedef enum kx_missing_marks { KX_MISSING_REFUSE = 0, KX_MISSING_DROP_ENTRIES, KX_MISSING_DROP_JUDGES } kx_missing_marks;

/** Options for kx_weights_ahp (kexie::AhpOptions). */
typedef struct kx_ahp_options {
  unsigned int version;      /**< KX_AHP_OPTIONS_VERSION */
  int method;                /**< KX_AHP_* */
  int ri_table;              /**< KX_RI_* */
  double threshold;          /**< consistency threshold; 0.10 */
  int pass_at_most;          /**< 1: CR == threshold passes */
  int saaty_scale;           /**< 1: require judgements on the 1–9 scale */
  int require_consistency;   /**< 1: a failing CR is KX_EINCONSISTENT */
} kx_ahp_options;
#define KX_AHP_OPTIONS_VERSION 1
#define KX_AHP_OPTIONS_INIT {KX_AHP_OPTIONS_VERSION, KX_AHP_EIGENVECTOR, KX_RI_SAATY, 0.10, 0, 0, 0}

/** The consistency of an AHP matrix. */
typedef struct kx_ahp_result {
  double lambda_max; /**< the principal eigenvalue */
  double ci;        /**< consistency index */
  double ri;        /**< random index for n */
  double cr;        /**< consistency ratio CI / RI */
  int consistent;   /**< 1 when CR passes */
  size_t worst_row; /**< the judgement to revisit first */
  size_t worst_col; /**< its column */
} kx_ahp_result;

/** Priorities of the n × n pairwise comparison matrix `matrix` (row-major) into
 *  `weights` (n doubles), with its consistency in `*result` (may be NULL).
 *  `options` may be NULL (Saaty's defaults); its threshold must be finite and
 *  non-negative. An n whose n × n doubles overflow the address space is refused
 *  (KX_EINVALID) before `matrix` is read.
 *
 *   double a[] = {1, 2, 4, 0.5, 1, 2, 0.25, 0.5, 1}, w[3];
 *   kx_weights_ahp(w, NULL, a, 3, NULL);   // w = 4/7, 2/7, 1/7
 */
KX_EXTERN int kx_weights_ahp(double *weights, kx_ahp_result *result, const double *matrix,
                             size_t n, const kx_ahp_options *options);

/** Entropy weights (熵权法) of a rows × cols matrix (row-major, alternatives ×
 *  criteria) into `weights` (cols doubles). `kinds` is NULL (all benefit) or one
 *  KX_CRITERION_* per column; `normalization` is KX_ENTROPY_*. Sizes whose
 *  rows × cols doubles overflow the address space are refused (KX_EINVALID).
 *
 *   double data[] = {1, 10, 2, 10, 3, 10}, w[2];
 *   kx_weights_entropy(w, data, 3, 2, NULL, KX_ENTROPY_MIN_MAX);   // {1, 0}
 */
KX_EXTERN int kx_weights_entropy(double *weights, const double *data, size_t rows, size_t cols,
                                 const int *kinds, int normalization);

/** Quantizes `n` weights into exact decimals with `places` places summing to 1
 *  (largest remainder), into `out` (n kx_decimal). KX_EOVERFLOW when the weights'
 *  sum overflows a double; KX_EINVALID for an n too large for memory.
 *
 *   double w[] = {1, 1, 1}; kx_decimal q[3];
 *   kx_weights_quantize(q, w, 3, 2);   // "0.34", "0.33", "0.33"
 */
KX_EXTERN int kx_weights_quantize(kx_decimal *out, const double *weights, size_t n, int places);

/** Options for kx_kendall_w. */
typedef struct kx_kendall_options {
  unsigned int version;  /**< KX_KENDALL_OPTIONS_VERSION */
  int missing;           /**< KX_MISSING_* */
  int tie_correction;    /**< 1 (recommended) */
} kx_kendall_options;
#define KX_KENDALL_OPTIONS_VERSION 1
#define KX_KENDALL_OPTIONS_INIT {KX_KENDALL_OPTIONS_VERSION, KX_MISSING_REFUSE, 1}

/** Kendall's W and its significance. */
typedef struct kx_kendall_result {
  double w;        /**< Kendall's W in [0, 1] */
  double chi_squared; /**< the chi-squared statistic */
  size_t df;       /**< degrees of freedom */
  double p_value;  /**< the p-value of W */
  size_t judges;   /**< judges used */
  size_t entries;  /**< entries used */
} kx_kendall_result;

/** Kendall's coefficient of concordance of `judges` judges marking `entries`
 *  entries: `marks` is entries × judges, row-major; a NaN is a missing mark.
 *  `options` may be NULL. Sizes whose product overflows the address space are
 *  refused (KX_EINVALID) before `marks` is read.
 *
 *   double m[] = {9, 2, 5,  6, 1, 3,  8, 4, 6};   // 3 entries × 3 judges
 *   kx_kendall_result r; kx_kendall_w(&r, m, 3, 3, NULL);
 */
KX_EXTERN int kx_kendall_w(kx_kendall_result *out, const double *marks, size_t entries,
                           size_t judges, const kx_kendall_options *options);

/* ------------------------------------------------------------------------- */
/* Documents (issue 14): registries, campaigns with their entries and marks, and
 * results as versioned JSON (kexie.registry/1, kexie.campaign/1,
 * kexie.entries/1, kexie.results/1; docs/documents.md). A refused document sets
 * the thread's last error as every call does, and also the list of every problem
 * found (up to 100): read it with kx_error_problem_count() and kx_error_problem(). */

/** One problem of a refused document: where (a JSON Pointer, and the line and
 *  column where the offending value starts, from 1; 0 when unknown) and what. */
typedef struct kx_document_problem {
  const char *pointer;  /**< e.g. "/categories/0/rubric/indicators/1/weight"; "" = the root */
  uint32_t line;        /**< line, from 1; 0 when the position is unknown */
  uint32_t column;      /**< column in characters, from 1 */
  const char *rule;     /**< the domain rule id, or "" */
  const char *article;  /**< the policy article, or "" */
  const char *message;  /**< what was wrong and what was expected */
} kx_document_problem;

/** The number of problems the last failed call of this thread recorded: those of
 *  a refused document; 0 after any other failure. Reset like kx_error_last().
 *
 *   for (size_t i = 0; i < kx_error_problem_count(); ++i) { ... }
 */
KX_EXTERN size_t kx_error_problem_count(void);

/** Problem `index` of the last failed call of this thread, or NULL past the end.
 *  The struct and its strings belong to the library, valid as kx_error_last()'s.
 *
 *   const kx_document_problem *p = kx_error_problem(0);
 *   fprintf(stderr, "%s (%u:%u): %s\n", p->pointer, p->line, p->column, p->message);
 */
KX_EXTERN const kx_document_problem *kx_error_problem(size_t index);

/** A registry built from a kexie.registry/1 document of `length` bytes (it need not
 *  be NUL-terminated); the registry keeps the document's codes of organizations
 *  and people, which campaign and results documents use. Free it with
 *  kx_registry_free().
 *
 *   kx_registry *reg;
 *   if (kx_registry_from_document(&reg, text, strlen(text)) < 0) report_problems();
 */
KX_EXTERN int kx_registry_from_document(kx_registry **out, const char *json, size_t length);

/** The canonical kexie.registry/1 text of `registry` (named by its codes, or
 *  "org:12" / "person:7" where it has none). Free it with kx_string_free().
 *
 *   char *text; kx_registry_to_document(&text, reg); ...; kx_string_free(text);
 */
KX_EXTERN int kx_registry_to_document(char **out, const kx_registry *registry);

/** A campaign over `registry` from a kexie.campaign/1 document (its rules) and,
 *  unless `entries_json` is NULL, a kexie.entries/1 document (entries, judges,
 *  assignments, marks and vetoes), both resolved by the registry's document codes.
 *  All or nothing. Free it with kx_campaign_free() before the registry. A NULL
 *  `entries_json` with a nonzero `entries_length`, or a length over PTRDIFF_MAX, is
 *  KX_EINVALID.
 *
 *   kx_campaign *c;
 *   kx_campaign_from_documents(&c, reg, rules, strlen(rules), entries, strlen(entries));
 */
KX_EXTERN int kx_campaign_from_documents(kx_campaign **out, const kx_registry *registry,
                                         const char *campaign_json, size_t campaign_length,
                                         const char *entries_json, size_t entries_length);

/** The canonical kexie.results/1 text of `board`, scored from `campaign` over
 *  `registry` (whose codes name units and people), each entry's explanation as a
 *  summary (kx_scoreboard_to_document_with for the full form). Free it with
 *  kx_string_free().
 *
 *   char *text; kx_scoreboard_to_document(&text, board, c, reg);
 */
KX_EXTERN int kx_scoreboard_to_document(char **out, const kx_scoreboard *board,
                                        const kx_campaign *campaign,
                                        const kx_registry *registry);

/* ---- Writing a live campaign as documents (issue 14, r4-formats) -------------------- */

/** The canonical kexie.campaign/1 and kexie.entries/1 texts of a live campaign
 *  (kexie::campaign_rules, kexie::campaign_entries): its rules — AHP judgements kept
 *  where its rubrics were read from a document — and its entries, judges (coded J1,
 *  J2, … by id), assignments, marks and vetoes, naming the organizer, units and people
 *  by the document codes of `registry`, the registry the campaign reads ("org:12",
 *  "person:7" for those without a code). kx_campaign_from_documents() reads the two
 *  texts back into a campaign with the same scoreboard digest. Free each text with
 *  kx_string_free(); on failure both are NULL.
 *
 *   char *rules, *entries;
 *   kx_campaign_to_documents(&rules, &entries, c, reg);
 *
 *  \param rules_json receives the kexie.campaign/1 text (not NULL)
 *  \param entries_json receives the kexie.entries/1 text (not NULL)
 *  \param campaign the campaign
 *  \param registry the registry the campaign reads, whose codes the documents use
 *  \return 0, or KX_EINVALID for a NULL argument, KX_ENOMEM
 */
KX_EXTERN int kx_campaign_to_documents(char **rules_json, char **entries_json,
                                       const kx_campaign *campaign, const kx_registry *registry);

/* ---- results document: explanations in summary or in full (issue 15) ------------- */
/** The form of each entry's explanation in a results document
 *  (kexie::ResultsExplanations): SUMMARY (per indicator: value, weight or points,
 *  contribution, marks and dropped counts; the tier reason) or FULL (every judge's
 *  mark, and the text in Chinese and English). */
typedef enum kx_results_explanations {
  KX_EXPLANATIONS_SUMMARY = 0,
  KX_EXPLANATIONS_FULL
} kx_results_explanations;

/** kx_scoreboard_to_document with each entry's explanation in the form
 *  `explanations` (KX_EXPLANATIONS_*; kx_scoreboard_to_document writes summaries).
 *  The document names its form in "explanations". KX_EINVALID for another value.
 *
 *   char *text; kx_scoreboard_to_document_with(&text, board, c, reg, KX_EXPLANATIONS_FULL);
 */
KX_EXTERN int kx_scoreboard_to_document_with(char **out, const kx_scoreboard *board,
                                             const kx_campaign *campaign,
                                             const kx_registry *registry,
                                             uint32_t explanations);

/* ---- CSV and XLSX tables (issue 14; docs/tables.md) --------------------------------- */

/** Encodings of CSV input (kexie::TextEncoding); output: UTF8 (with a byte-order mark)
 *  or GB18030, AUTO meaning UTF8. */
typedef enum kx_text_encoding {
  KX_ENCODING_AUTO = 0,
  KX_ENCODING_UTF8,
  KX_ENCODING_GB18030
} kx_text_encoding;

/** Imports the assignments CSV at `path` (columns judge, entry; Chinese headers too)
 *  into `campaign`, all or nothing. A judge is named by its person's external key in
 *  `registry` (the campaign's registry). `encoding`: KX_ENCODING_*. A refusal's
 *  kx_error_last() names file, line, column and field.
 *
 *   if (kx_campaign_import_assignments_csv(c, reg, "assignments.csv", KX_ENCODING_AUTO))
 *     puts(kx_error_last()->message);
 */
KX_EXTERN int kx_campaign_import_assignments_csv(kx_campaign *campaign,
                                                 const kx_registry *registry, const char *path,
                                                 int encoding);
/** Imports the marks CSV at `path` (judge, entry, indicator, mark), all or nothing.
 *
 *   kx_campaign_import_marks_csv(c, reg, "marks-gb18030.csv", KX_ENCODING_AUTO);
 */
KX_EXTERN int kx_campaign_import_marks_csv(kx_campaign *campaign, const kx_registry *registry,
                                           const char *path, int encoding);
/** Imports the vetoes CSV at `path` (judge, entry, veto, reason), all or nothing.
 *
 *   kx_campaign_import_vetoes_csv(c, reg, "vetoes.csv", KX_ENCODING_AUTO);
 */
KX_EXTERN int kx_campaign_import_vetoes_csv(kx_campaign *campaign, const kx_registry *registry,
                                            const char *path, int encoding);

/** Writes the results of `board` (the scoreboard of `campaign`, over `registry`) as
 *  one XLSX workbook at `path`: a sheet per category (tier, rank, code, title, unit,
 *  team, total), then 先进单位, 先进个人, the cusp report and panel agreement. A
 *  `path` that exists and is not a regular file (a directory, a FIFO) is KX_EIO.
 *
 *   kx_scoreboard_write_xlsx(board, c, reg, "results.xlsx");
 */
KX_EXTERN int kx_scoreboard_write_xlsx(const kx_scoreboard *board, const kx_campaign *campaign,
                                       const kx_registry *registry, const char *path);
/** The number of result sheets kx_scoreboard_sheet_csv can write.
 *
 *   size_t n; kx_scoreboard_sheet_count(&n, board, c, reg);
 */
KX_EXTERN int kx_scoreboard_sheet_count(size_t *out, const kx_scoreboard *board,
                                        const kx_campaign *campaign, const kx_registry *registry);
/** Result sheet `index` as CSV bytes (UTF-8 with a byte-order mark, or GB18030), and
 *  its name (UTF-8); both allocated, free them with kx_string_free(). `name` may be
 *  NULL. KX_EINVALID for an index past the last sheet.
 *
 *   char *csv, *name; size_t len;
 *   kx_scoreboard_sheet_csv(&csv, &len, &name, board, c, reg, 0, KX_ENCODING_UTF8);
 */
KX_EXTERN int kx_scoreboard_sheet_csv(char **out, size_t *length, char **name,
                                      const kx_scoreboard *board, const kx_campaign *campaign,
                                      const kx_registry *registry, size_t index, int encoding);

/* ---- guidance: enterprises, founding, coverage, secretary-general training (issue 19) ---- */

/** Where a founding application stands (kexie::FoundingState). */
typedef enum kx_founding_state {
  KX_FOUNDING_PENDING = 0, KX_FOUNDING_APPROVED, KX_FOUNDING_REFUSED
} kx_founding_state;
/** What a coverage group breaks enterprises down by (kexie::CoverageDimension). */
typedef enum kx_coverage_dimension {
  KX_COVERAGE_ZONE = 0, KX_COVERAGE_NEW_ECONOMY, KX_COVERAGE_OWNERSHIP, KX_COVERAGE_INDUSTRY,
  KX_COVERAGE_REGION
} kx_coverage_dimension;
/** Why a secretary-general is not current (kexie::SgGap). */
typedef enum kx_sg_gap {
  KX_SG_CURRENT = 0, KX_SG_NO_SECRETARY_GENERAL, KX_SG_NEVER_TRAINED, KX_SG_LAPSED
} kx_sg_gap;

/** Checks a unified social credit code (GB 32100-2015): 0, or KX_EINVALID
 *  "enterprise.credit_code" naming what is wrong.
 *
 *   if (kx_credit_code_check("91350100M000100Y43") == KX_OK) accept();
 */
KX_EXTERN int kx_credit_code_check(const char *code);

/** What kx_enterprise_add needs (kexie::EnterpriseSpec). */
typedef struct kx_enterprise_spec {
  unsigned int version;     /**< KX_ENTERPRISE_SPEC_VERSION */
  const char *name;         /**< required */
  const char *credit_code;  /**< required, 18 characters with their check character */
  int ownership;            /**< KX_OWNERSHIP_* */
  const char *industry;     /**< may be NULL */
  const char *region;       /**< may be NULL */
  int high_tech_zone;       /**< 0 or 1: in a national high-tech zone (国家高新区) */
  int development_zone;     /**< 0 or 1: in an economic-technological development zone (经开区) */
  int new_economy;          /**< 0 or 1: a new economic organization (新经济组织) */
  uint32_t local;           /**< the local association whose area it lies in */
  const char *registered;   /**< "YYYY-MM-DD" */
} kx_enterprise_spec;
#define KX_ENTERPRISE_SPEC_VERSION 1
#define KX_ENTERPRISE_SPEC_INIT \
  {KX_ENTERPRISE_SPEC_VERSION, NULL, NULL, KX_OWNERSHIP_UNSPECIFIED, NULL, NULL, 0, 0, 0, 0, NULL}

/** Registers an enterprise, with or without an association (kexie::add_enterprise);
 *  `*out` receives its id. KX_EEXISTS "enterprise.credit_code_unique" for a code
 *  registered already.
 *
 *   kx_enterprise_spec s = KX_ENTERPRISE_SPEC_INIT;
 *   s.name = "杭汽轮"; s.credit_code = "914403001922038216"; s.local = city;
 *   s.registered = "1958-01-01";
 *   uint32_t e; kx_enterprise_add(&e, reg, &s);
 */
KX_EXTERN int kx_enterprise_add(uint32_t *out, kx_registry *registry,
                                const kx_enterprise_spec *spec);

/** Ties an existing enterprise association to its enterprise from `from`
 *  (kexie::attach_association).
 *
 *   kx_enterprise_attach(reg, e, association, "2001-01-01");
 */
KX_EXTERN int kx_enterprise_attach(kx_registry *registry, uint32_t enterprise,
                                   uint32_t association, const char *from);

/** The enterprise's association on `on` in `*out`, 0 when it has none.
 *
 *   uint32_t kx; kx_enterprise_association(&kx, reg, e, "2025-12-31");
 */
KX_EXTERN int kx_enterprise_association(uint32_t *out, const kx_registry *registry,
                                        uint32_t enterprise, const char *on);

/** Records that `person` is employed by `enterprise` from `first` to `last`
 *  (NULL: open-ended). KX_ERULE "employment.single" (A1) on overlapping dates;
 *  "employment.employer" (A1) when the person's registry employer is the
 *  association of another enterprise on some of those dates.
 *
 *   kx_enterprise_employ(reg, li, e, "2019-07-01", NULL);
 */
KX_EXTERN int kx_enterprise_employ(kx_registry *registry, uint32_t person, uint32_t enterprise,
                                   const char *first, const char *last);

/** Records the support (人员、经费、工作条件, A14) the enterprise gives its association
 *  in `year`; `budget_yuan` and `facilities_m2` are exact decimals ("300000",
 *  "120.5"; NULL for 0). KX_EEXISTS "support.unique" for a second record of a year.
 *
 *   kx_enterprise_support(reg, e, 2025, 2, 5, "300000", "120.5");
 */
KX_EXTERN int kx_enterprise_support(kx_registry *registry, uint32_t enterprise, int year,
                                    uint32_t full_time_staff, uint32_t part_time_staff,
                                    const char *budget_yuan, const char *facilities_m2);

/** The preparatory group applies (筹建) to `local` at `at` (an ISO 8601 time);
 *  `proxy` is the acting 工会 / 共青团, or 0. `*out` receives the application's id.
 *
 *   uint32_t f; kx_founding_apply(&f, reg, e, city, "杭汽轮科协", zhang, 0,
 *                                 "2025-03-01T09:00:00Z");
 */
KX_EXTERN int kx_founding_apply(uint32_t *out, kx_registry *registry, uint32_t enterprise,
                                uint32_t local, const char *name, uint32_t applicant,
                                uint32_t proxy, const char *at);

/** The local approves (成立): the association joins the tree on `founded`; `*out`
 *  receives its organization id. `actor` must hold a deciding office at the local
 *  (KX_ERULE "founding.permission", A14). `reason` may be NULL.
 *
 *   uint32_t kx; kx_founding_approve(&kx, reg, f, chair, "2025-04-01T09:00:00Z",
 *                                    "2025-05-01", "条件具备");
 */
KX_EXTERN int kx_founding_approve(uint32_t *out, kx_registry *registry, uint32_t founding,
                                  uint32_t actor, const char *at, const char *founded,
                                  const char *reason);

/** The local refuses, with a reason (KX_EINVALID "founding.reason" without one).
 *
 *   kx_founding_refuse(reg, f, chair, "2025-04-01T09:00:00Z", "会员不足");
 */
KX_EXTERN int kx_founding_refuse(kx_registry *registry, uint32_t founding, uint32_t actor,
                                 const char *at, const char *reason);

/** The state of a founding application (KX_FOUNDING_*) in `*out`.
 *
 *   int s; kx_founding_get_state(&s, reg, f);
 */
KX_EXTERN int kx_founding_get_state(int *out, const kx_registry *registry, uint32_t founding);

/** Checks the founding trail's hash chain as kx_book_verify_audit checks an
 *  activity trail: `out->fault` is KX_AUDIT_* (KX_AUDIT_OK when intact);
 *  `expected_head` ("count:hex", may be NULL) also detects truncation.
 *
 *   kx_audit_verification v; kx_founding_verify(&v, reg, NULL);
 */
KX_EXTERN int kx_founding_verify(kx_audit_verification *out, const kx_registry *registry,
                                 const char *expected_head);

/** Enterprise counts of a coverage group (kexie::CoverageCounts). */
typedef struct kx_coverage_counts {
  size_t enterprises;          /**< enterprises that exist on the day */
  size_t with_association;     /**< of them, with an association */
  size_t without_association;  /**< of them, without */
  size_t workers;              /**< people employed by them on the day */
  size_t workers_covered;      /**< of them, employed by one with an association */
} kx_coverage_counts;

/** Called once per coverage group; `value` and `counts` are valid during the call only. */
typedef int (*kx_coverage_group_cb)(int dimension, const char *value,
                                    const kx_coverage_counts *counts, void *payload);

/** Coverage of `area`'s area on `on` (kexie::coverage): the totals in `*out` (may
 *  be NULL), then `cb` (may be NULL) once per group, by dimension then value.
 *  KX_ERULE "coverage.area" (A14) for an area that is not a local or the national
 *  association in effect.
 *
 *   kx_coverage_counts total; kx_coverage(&total, reg, city, "2025-12-31", NULL, NULL);
 */
KX_EXTERN int kx_coverage(kx_coverage_counts *out, const kx_registry *registry, uint32_t area,
                          const char *on, kx_coverage_group_cb cb, void *payload);

/** The canonical kexie.coverage/1 document of `area`'s coverage on `on`
 *  (kexie::write_coverage_document): totals, breakdowns and the enterprises without an
 *  association; with `since` (may be NULL) also the coverage on that earlier day and
 *  the enterprises newly covered and no longer covered. KX_EINVALID when `on` is
 *  before `since`; KX_ERULE "coverage.area" as kx_coverage. Free with kx_string_free().
 *
 *   char *json; kx_coverage_to_document(&json, reg, city, "2025-12-31", "2024-12-31");
 */
KX_EXTERN int kx_coverage_to_document(char **out, const kx_registry *registry, uint32_t area,
                                      const char *on, const char *since);

/** Records a secretary-general's training (秘书长培训, A15).
 *
 *   kx_sg_training_add(reg, wang, "2025-05-20", 16, province);
 */
KX_EXTERN int kx_sg_training_add(kx_registry *registry, uint32_t person, const char *date,
                                 int hours, uint32_t organizer);

/** Sets how often secretaries-general must be trained, in months (**default** 24;
 *  KX_EINVALID "sg_training.interval" outside 1–120).
 *
 *   kx_sg_training_interval(reg, 12);
 */
KX_EXTERN int kx_sg_training_interval(kx_registry *registry, int months);

/** Called once per association whose secretary-general is not current. */
typedef int (*kx_sg_gap_cb)(uint32_t association, uint32_t secretary_general, int gap,
                            void *payload);

/** Calls `cb` for each enterprise association under `area` on `on` whose
 *  secretary-general is missing, never trained or lapsed (KX_SG_*), depth first.
 *
 *   kx_sg_out_of_date_foreach(reg, city, "2025-12-31", remind, NULL);
 */
KX_EXTERN int kx_sg_out_of_date_foreach(const kx_registry *registry, uint32_t area,
                                        const char *on, kx_sg_gap_cb cb, void *payload);

/* ---- the yearly evaluation of associations (考核评价, A14; issue 19) ---- */

/** A yearly evaluation (kexie::Evaluation): owns its rubric, panel and marks; it
 *  keeps no pointer to the registry or book, which every call takes. */
typedef struct kx_evaluation kx_evaluation;

/** Which figure an objective indicator reads (kexie::FigureBinding), by name:
 *  `figure` is an EvaluationFigure name ("activities_completed",
 *  "secretary_general_trained", "support_budget_yuan", …); `activity_type` an
 *  activity type name narrowing an activity figure, or NULL. */
typedef struct kx_figure_binding {
  const char *indicator;      /**< the code of an objective indicator */
  const char *figure;         /**< an EvaluationFigure name */
  const char *activity_type;  /**< NULL, or an ActivityType name ("science_popularization") */
} kx_figure_binding;

/** Creates the evaluation of the enterprise associations under `guide` for `year`;
 *  the rubric is given as rubric lines (the format of kx_campaign_set_rubric_text;
 *  an objective line's claimed-figure field must name one but is not read: the
 *  bindings say which evaluation figure each objective indicator reads). KX_EINVALID "evaluation.spec", KX_ERULE "evaluation.guide" (A14).
 *  Free with kx_evaluation_free.
 *
 *   kx_figure_binding b[] = {{"B", "activities_completed", NULL}};
 *   kx_evaluation *ev; kx_evaluation_new(&ev, reg, city, 2025, "年度考核",
 *       "A|judged||judged|0.6|0|100|1\n"
 *       "B|activities||objective|0.4||||annual_benefit_yuan||0|50|100\n", b, 1);
 */
KX_EXTERN int kx_evaluation_new(kx_evaluation **out, const kx_registry *registry, uint32_t guide,
                                int year, const char *rubric_name, const char *rubric_lines,
                                const kx_figure_binding *bindings, size_t binding_count);

/** Frees an evaluation; NULL is ignored.
 *
 *   kx_evaluation_free(ev);
 */
KX_EXTERN void kx_evaluation_free(kx_evaluation *evaluation);

/** Adds a judge to the panel (KX_EEXISTS "evaluation.judge" twice).
 *
 *   kx_evaluation_add_judge(ev, reg, expert);
 */
KX_EXTERN int kx_evaluation_add_judge(kx_evaluation *evaluation, const kx_registry *registry,
                                      uint32_t judge);

/** Records a judge's mark ("88.5") on a judged indicator of an association
 *  (KX_ERULE "evaluation.conflict" (A12) for a judge of the association).
 *
 *   kx_evaluation_mark(ev, reg, expert, kx, "A", "88");
 */
KX_EXTERN int kx_evaluation_mark(kx_evaluation *evaluation, const kx_registry *registry,
                                 uint32_t judge, uint32_t association, const char *indicator,
                                 const char *mark);

/** Called once per association, best first; `total` is exact decimal text. */
typedef int (*kx_evaluation_result_cb)(uint32_t association, size_t rank, const char *total,
                                       void *payload);

/** Scores every association (figures from `registry` and `book` for the year) and
 *  calls `cb` best first. KX_ERULE "evaluation.incomplete" (A14) while a judged
 *  indicator of an association has no mark.
 *
 *   kx_evaluation_score_foreach(ev, reg, book, print_result, NULL);
 */
KX_EXTERN int kx_evaluation_score_foreach(const kx_evaluation *evaluation,
                                          const kx_registry *registry, const kx_book *book,
                                          kx_evaluation_result_cb cb, void *payload);

/** Names the best `count` associations with a total of at least `min_total`
 *  先进企业科协 for the following year (kexie::Evaluation::name_exemplary: the
 *  exemplary award and an honour granted by the guide on `basis`, all or none);
 *  `*named` (may be NULL) receives how many. KX_ERULE "evaluation.permission" (A14).
 *
 *   size_t n; kx_evaluation_name_exemplary(ev, reg, book, 1, "80", chair, "2025 年度考核评价", &n);
 */
KX_EXTERN int kx_evaluation_name_exemplary(const kx_evaluation *evaluation, kx_registry *registry,
                                           const kx_book *book, size_t count,
                                           const char *min_total, uint32_t actor,
                                           const char *basis, size_t *named);

/** The canonical kexie.evaluation/1 document of the evaluation's result
 *  (kexie::write_evaluation_document): every association best first with its rank,
 *  total, objective figures and the facts behind them, judged indicators with the
 *  panel's marks, and whether it holds the 先进企业科协 award for the following year.
 *  KX_ERULE "evaluation.incomplete" as kx_evaluation_score_foreach. Free with
 *  kx_string_free().
 *
 *   char *json; kx_evaluation_to_document(&json, ev, reg, book);
 */
KX_EXTERN int kx_evaluation_to_document(char **out, const kx_evaluation *evaluation,
                                        const kx_registry *registry, const kx_book *book);

/* ---- serving S&T workers: service requests, proposals, recommendation (A8, A9) ---- */

/** What a member asks support for (kexie::ServiceKind). */
typedef enum kx_service_kind {
  KX_SERVICE_PROJECT_APPLICATION = 0, KX_SERVICE_PATENT_APPLICATION, KX_SERVICE_TITLE_EVALUATION
} kx_service_kind;
/** Where a service request stands (kexie::RequestState). */
typedef enum kx_request_state {
  KX_REQUEST_SUBMITTED = 0, KX_REQUEST_ACCEPTED, KX_REQUEST_DECLINED, KX_REQUEST_IN_PROGRESS,
  KX_REQUEST_FORWARDED, KX_REQUEST_GRANTED, KX_REQUEST_NOT_GRANTED, KX_REQUEST_WITHDRAWN
} kx_request_state;
/** Operations on a service request (kexie::RequestOperation). */
typedef enum kx_request_operation {
  KX_REQUEST_OP_SUBMIT = 0, KX_REQUEST_OP_ACCEPT, KX_REQUEST_OP_DECLINE, KX_REQUEST_OP_START,
  KX_REQUEST_OP_FORWARD, KX_REQUEST_OP_GRANT, KX_REQUEST_OP_NOT_GRANT, KX_REQUEST_OP_WITHDRAW
} kx_request_operation;
/** What a member files (kexie::ProposalKind). */
typedef enum kx_proposal_kind {
  KX_PROPOSAL_SUGGESTION = 0, KX_PROPOSAL_OPINION, KX_PROPOSAL_APPEAL, KX_PROPOSAL_RATIONALIZATION
} kx_proposal_kind;
/** Where a proposal stands (kexie::ProposalState). */
typedef enum kx_proposal_state {
  KX_PROPOSAL_FILED = 0, KX_PROPOSAL_ACKNOWLEDGED, KX_PROPOSAL_ANSWERED, KX_PROPOSAL_ADOPTED,
  KX_PROPOSAL_DECLINED
} kx_proposal_state;
/** Operations on a proposal (kexie::ProposalOperation). */
typedef enum kx_proposal_operation {
  KX_PROPOSAL_OP_FILE = 0, KX_PROPOSAL_OP_ACKNOWLEDGE, KX_PROPOSAL_OP_ANSWER,
  KX_PROPOSAL_OP_ADOPT, KX_PROPOSAL_OP_DECLINE, KX_PROPOSAL_OP_ENTER_CAMPAIGN
} kx_proposal_operation;

/** The service desk of a registry's associations (kexie::ServiceDesk): service
 *  requests, proposals and their hash-chained trail. Reads the registry, which must
 *  outlive it. */
typedef struct kx_service_desk kx_service_desk;

/** The desk's policy (kexie::ServicePolicy); start from KX_SERVICE_POLICY_INIT. */
typedef struct kx_service_policy {
  unsigned int version;  /**< KX_SERVICE_POLICY_VERSION */
  int education_years;   /**< years of compliant continuing education a title evaluation needs; default 3, 0 off */
  int young_priority;    /**< nonzero: young S&T workers first in the queue (default) */
  int answer_due_days;   /**< days to answer a proposal; default 30 */
} kx_service_policy;
#define KX_SERVICE_POLICY_VERSION 1
#define KX_SERVICE_POLICY_INIT {KX_SERVICE_POLICY_VERSION, 3, 1, 30}

/** A new, empty desk over `registry`; `policy` may be NULL (the defaults). A
 *  policy outside its ranges is KX_EINVALID. Free it with kx_service_desk_free().
 *
 *   kx_service_desk *desk; kx_service_desk_new(&desk, reg, NULL);
 */
KX_EXTERN int kx_service_desk_new(kx_service_desk **out, const kx_registry *registry,
                                  const kx_service_policy *policy);
/** Frees a desk (NULL is fine).
 *
 *   kx_service_desk_free(desk);
 */
KX_EXTERN void kx_service_desk_free(kx_service_desk *desk);

/** A member asks their association: `kind` is a kx_service_kind; `patent_type` a
 *  kx_patent_type for a patent application and -1 otherwise; `target_title` a
 *  kx_title for a title evaluation and -1 otherwise. Refusals as
 *  kexie::ServiceDesk::submit (rule ids "service.member", "service.next_title",
 *  "service.continuing_education", …), each also recorded in the trail.
 *
 *   uint32_t r; kx_service_request_submit(&r, desk, li, ent, KX_SERVICE_PATENT_APPLICATION,
 *                                         "余热回收装置", KX_PATENT_UTILITY_MODEL, -1,
 *                                         "2026-03-02T09:00:00+08:00");
 */
KX_EXTERN int kx_service_request_submit(uint32_t *out, kx_service_desk *desk, uint32_t applicant,
                                        uint32_t association, int kind, const char *title,
                                        int patent_type, int target_title, const char *at);
/** A step on a request by `actor` (staff, or the applicant for a withdrawal):
 *  `operation` a kx_request_operation other than SUBMIT and FORWARD; `text` is the
 *  reason, or for GRANT the outside reference (a certificate number). May be NULL.
 *
 *   kx_service_request_apply(desk, r, KX_REQUEST_OP_ACCEPT, sg, "2026-03-03T09:00:00Z", NULL);
 */
KX_EXTERN int kx_service_request_apply(kx_service_desk *desk, uint32_t request, int operation,
                                       uint32_t actor, const char *at, const char *text);
/** Forwards a request to `outside_body`; for a patent `reference` is its CNIPA
 *  application number, checked ("patent.number", "service.patent_type").
 *
 *   kx_service_request_forward(desk, r, sg, at, "国家知识产权局", "201620056200.3");
 */
KX_EXTERN int kx_service_request_forward(kx_service_desk *desk, uint32_t request, uint32_t staff,
                                         const char *at, const char *outside_body,
                                         const char *reference);
/** A request as the desk keeps it; strings are valid until the desk changes. */
typedef struct kx_service_request_info {
  uint32_t id;               /**< the request's id */
  uint32_t applicant;        /**< the person who submitted it */
  uint32_t association;      /**< the association whose desk serves it */
  int kind;                  /**< kx_service_kind */
  int state;                 /**< kx_request_state */
  const char *title;         /**< the request's title */
  const char *outside_body;  /**< "" before forwarding */
  const char *reference;     /**< the canonical CNIPA number, a certificate, a project number, or "" */
  const char *reason;        /**< why it was declined or not granted, or "" */
} kx_service_request_info;
/** The request `request`; KX_ENOTFOUND for an unknown id.
 *
 *   kx_service_request_info i; kx_service_request_get(&i, desk, r);
 */
KX_EXTERN int kx_service_request_get(kx_service_request_info *out, const kx_service_desk *desk,
                                     uint32_t request);

/** One place in a request queue; the explanation is valid during the callback only. */
typedef struct kx_queue_place {
  size_t position; /**< 1 for the first request to handle */
  uint32_t request; /**< the request's id */
  int young; /**< 1: the applicant is young on the queue's day */
  int age; /**< the applicant's age on the queue's day */
  const char *explanation; /**< why the request has this place */
} kx_queue_place;
/** Called once per queue place. Return nonzero to stop. */
typedef int (*kx_queue_cb)(const kx_queue_place *place, void *payload);
/** The open requests of `association` and below on `as_of`, in the order to handle
 *  them (young S&T workers first when the policy says so), each explained.
 *
 *   kx_service_queue_foreach(desk, ent, "2026-04-10", print_place, stdout);
 */
KX_EXTERN int kx_service_queue_foreach(const kx_service_desk *desk, uint32_t association,
                                       const char *as_of, kx_queue_cb cb, void *payload);

/** A member files a proposal (`kind` a kx_proposal_kind).
 *
 *   uint32_t p; kx_proposal_file(&p, desk, li, ent, KX_PROPOSAL_RATIONALIZATION, "煤气回收",
 *                                "增设除尘", "2026-04-03T09:00:00Z");
 */
KX_EXTERN int kx_proposal_file(uint32_t *out, kx_service_desk *desk, uint32_t proposer,
                               uint32_t association, int kind, const char *title,
                               const char *text, const char *at);
/** A step on a proposal by staff: `operation` ACKNOWLEDGE, ANSWER (text: the
 *  answer), ADOPT or DECLINE (text: the reason).
 *
 *   kx_proposal_apply(desk, p, KX_PROPOSAL_OP_ANSWER, sg, at, "可行");
 */
KX_EXTERN int kx_proposal_apply(kx_service_desk *desk, uint32_t proposal, int operation,
                                uint32_t staff, const char *at, const char *text);
/** Enters an adopted rationalization proposal into a bound 讲比 campaign as an
 *  entry of the 合理化建议 category, once; `in_use_since` ("2026-05-01") may be NULL.
 *  Writes the new entry's id.
 *
 *   uint32_t e; kx_proposal_enter_campaign(&e, desk, p, campaign, sg, at, "2026-05-01");
 */
KX_EXTERN int kx_proposal_enter_campaign(uint32_t *entry, kx_service_desk *desk,
                                         uint32_t proposal, kx_campaign *campaign,
                                         uint32_t staff, const char *at,
                                         const char *in_use_since);
/** A proposal as the desk keeps it; strings are valid until the desk changes. */
typedef struct kx_proposal_info {
  uint32_t id;          /**< the proposal's id */
  uint32_t proposer;    /**< the person who filed it */
  uint32_t association; /**< the association that answers it */
  int kind;             /**< kx_proposal_kind */
  int state;            /**< kx_proposal_state */
  char due[11];         /**< the answer's due day, "YYYY-MM-DD" */
  uint32_t entry;       /**< the campaign entry made from it, or 0 */
  uint32_t campaign;    /**< that campaign's activity, or 0 */
  const char *title;    /**< the proposal's title */
  const char *answer;   /**< the desk's answer, or "" */
  const char *reason;   /**< why it was declined, or "" */
} kx_proposal_info;
/** The proposal `proposal`; KX_ENOTFOUND for an unknown id.
 *
 *   kx_proposal_info i; kx_proposal_get(&i, desk, p);
 */
KX_EXTERN int kx_proposal_get(kx_proposal_info *out, const kx_service_desk *desk,
                              uint32_t proposal);
/** Called once per overdue proposal. Return nonzero to stop. */
typedef int (*kx_overdue_cb)(uint32_t proposal, int state, int days_overdue, void *payload);
/** The proposals of `association` and below not answered by their due day, as of
 *  `as_of`, most overdue first.
 *
 *   kx_service_overdue_foreach(desk, ent, "2026-06-15", remind, NULL);
 */
KX_EXTERN int kx_service_overdue_foreach(const kx_service_desk *desk, uint32_t association,
                                         const char *as_of, kx_overdue_cb cb, void *payload);

/** The number of records in the desk's trail. */
KX_EXTERN int kx_service_desk_trail_size(size_t *out, const kx_service_desk *desk);
/** The head of the desk's trail, "count:hex"; free with kx_string_free().
 *
 *   char *head; kx_service_desk_chain_head(&head, desk);
 */
KX_EXTERN int kx_service_desk_chain_head(char **out, const kx_service_desk *desk);
/** Verifies the desk's trail, against `expected_head` when not NULL (as
 *  kx_book_verify_audit).
 *
 *   kx_audit_verification v; kx_service_desk_verify_audit(&v, desk, NULL);
 */
KX_EXTERN int kx_service_desk_verify_audit(kx_audit_verification *out,
                                           const kx_service_desk *desk,
                                           const char *expected_head);
/** The hex SHA-256 of the desk's requests and proposals (not its trail): unchanged by
 *  a refused step. Free with kx_string_free().
 *
 *   char *d; kx_service_desk_digest(&d, desk);
 */
KX_EXTERN int kx_service_desk_digest(char **out, const kx_service_desk *desk);

/** Checks a CNIPA patent application number (12 digits and a check character since
 *  2003, 8 before; "CN"/"ZL" prefix, spaces and the dot optional) and writes its
 *  canonical spelling; KX_EINVALID with rule "patent.number" otherwise. Free with
 *  kx_string_free().
 *
 *   char *n; kx_patent_number_check(&n, "ZL 201620056200.3");   // "201620056200.3"
 */
KX_EXTERN int kx_patent_number_check(char **out, const char *text);

/** A talent programme's eligibility rules (kexie::Programme); start from
 *  KX_PROGRAMME_INIT. */
typedef struct kx_programme {
  unsigned int version;          /**< KX_PROGRAMME_VERSION */
  const char *name;              /**< the programme's name */
  int age_max;                   /**< default 35; some programmes 40; negative: no age rule */
  const char *age_on;            /**< "YYYY-MM-DD", or NULL: the list's day */
  int min_title;                 /**< a kx_title; KX_TITLE_NONE: no rule */
  size_t min_honours;            /**< default 0 (no rule) */
  int honour_kind;               /**< a kx_honour_kind, or -1: any kind */
  int education_years;           /**< default 3; 0: no rule */
  size_t quota_per_association;  /**< default 1; 0: no quota */
} kx_programme;
#define KX_PROGRAMME_VERSION 1
#define KX_PROGRAMME_INIT {KX_PROGRAMME_VERSION, NULL, 35, NULL, 0, 0, -1, 3, 1}

/** One nominee's decision; strings are valid during the callback only. */
typedef struct kx_candidate_decision {
  uint32_t person;        /**< the nominee */
  uint32_t association;   /**< 0 when none */
  int eligible;           /**< 1: passes every rule but the quota */
  int recommended;        /**< 1 when recommended (eligible and within the quota) */
  const char *failed_rules;  /**< the failed rule ids, comma-separated ("" when recommended) */
  const char *explanation;   /**< every rule, one per line: "pass|FAIL rule (article): why" */
} kx_candidate_decision;
/** Called once per nominee, in nomination order. Return nonzero to stop. */
typedef int (*kx_candidate_cb)(const kx_candidate_decision *decision, void *payload);
/** Decides on `count` nominees for `programme` on `as_of` (kexie::recommend).
 *
 *   kx_programme p = KX_PROGRAMME_INIT; p.name = "青年托举";
 *   uint32_t who[] = {li, wang};
 *   kx_recommend_foreach(reg, &p, who, 2, "2026-06-30", print_decision, NULL);
 */
KX_EXTERN int kx_recommend_foreach(const kx_registry *registry, const kx_programme *programme,
                                   const uint32_t *nominees, size_t count, const char *as_of,
                                   kx_candidate_cb cb, void *payload);

/** One recommendation list to put into a services document: `programme`'s
 *  decisions on `nominees` (in nomination order) on `as_of`. */
typedef struct kx_recommendation_request {
  const kx_programme *programme; /**< the programme and its rule parameters */
  const uint32_t *nominees;      /**< may be NULL when nominee_count is 0 */
  size_t nominee_count;          /**< the number of `nominees` */
  const char *as_of;             /**< "YYYY-MM-DD" */
} kx_recommendation_request;

/** The canonical kexie.services/1 document of `desk` (kexie::write_services_document):
 *  its policy, every request and proposal, the trail with hashes in hex and its
 *  chain head, plus `count` recommendation lists computed here (`lists` may be NULL
 *  when `count` is 0). People and organizations are named by the codes of the
 *  registry document `registry` was read from ("person:7" / "org:12" otherwise);
 *  `registry` must be the desk's. `*out` is freed with kx_string_free().
 *
 *   char *json; kx_service_desk_to_document(&json, desk, reg, NULL, 0);
 */
KX_EXTERN int kx_service_desk_to_document(char **out, const kx_service_desk *desk,
                                          const kx_registry *registry,
                                          const kx_recommendation_request *lists, size_t count);

/** A new desk over `registry` from a kexie.services/1 document
 *  (kexie::read_services_document): the trail is re-verified and every request and
 *  proposal replayed from it, as a snapshot load does (KX_ECORRUPT "services.trail");
 *  a refused document lists its problems (kx_error_problem). Recommendation lists
 *  in the document are checked but not kept. Free the desk with kx_service_desk_free().
 *
 *   kx_service_desk *desk; kx_service_desk_from_document(&desk, reg, json, strlen(json));
 */
KX_EXTERN int kx_service_desk_from_document(kx_service_desk **out, const kx_registry *registry,
                                            const char *json, size_t length);


/** kx_snapshot_save with service desks (format 3) besides books and campaigns: every
 *  desk must read `registry` (KX_EINVALID otherwise). `desks` may be NULL when
 *  `desk_count` is 0.
 *
 *   const kx_service_desk *desks[] = {desk};
 *   kx_snapshot_save_with_desks("kexie.snap", reg, NULL, 0, NULL, 0, desks, 1, NULL);
 */
KX_EXTERN int kx_snapshot_save_with_desks(const char *path, const kx_registry *registry,
                                          const kx_book *const *books, size_t book_count,
                                          const kx_campaign *const *campaigns,
                                          size_t campaign_count,
                                          const kx_service_desk *const *desks, size_t desk_count,
                                          const kx_snapshot_save_options *options);
/** kx_snapshot_save_buffer with service desks; free the bytes with kx_buffer_free().
 *
 *   kx_buffer buf; kx_snapshot_save_buffer_with_desks(&buf, reg, NULL, 0, NULL, 0, desks, 1);
 */
KX_EXTERN int kx_snapshot_save_buffer_with_desks(kx_buffer *out, const kx_registry *registry,
                                                 const kx_book *const *books, size_t book_count,
                                                 const kx_campaign *const *campaigns,
                                                 size_t campaign_count,
                                                 const kx_service_desk *const *desks,
                                                 size_t desk_count);
/** The number of service desks a loaded snapshot holds (0 for formats 1 and 2). */
KX_EXTERN int kx_snapshot_service_desk_count(size_t *out, const kx_snapshot *snapshot);
/** The service desk at `index`, borrowed from the snapshot (kx_service_desk_free does
 *  nothing to it; it lives as long as the snapshot).
 *
 *   kx_service_desk *desk; kx_snapshot_service_desk(&desk, snap, 0);
 */
KX_EXTERN int kx_snapshot_service_desk(kx_service_desk **out, kx_snapshot *snapshot,
                                       size_t index);

#ifdef __cplusplus
}
#endif

#endif /* KEXIE_KEXIE_H */
