/* Hostile calls of the round-3 C API (documents, CSV and XLSX tables, judge
 * assignment, guidance, evaluation, services): NULL for every pointer, lengths
 * and counts that lie, ids of nothing or of another handle, enumerators out of
 * range, text that is not UTF-8, documents nested too deep or holding too many
 * values, paths that are directories, FIFOs, symlink loops or under no directory,
 * and const calls from several threads at once. Every refusal is checked for its
 * code and message, and for leaving the data as it was (digests before == after). */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "world.h"

static const char kRegistry[] =
    "{\"format\":\"kexie.registry/1\",\"organizations\":["
    "{\"code\":\"CAST\",\"kind\":\"national\",\"name\":\"中国科协\",\"effective\":\"1958-09-18\"},"
    "{\"code\":\"ZJ\",\"kind\":\"local\",\"name\":\"浙江省科协\",\"parent\":\"CAST\","
    "\"effective\":\"1958-09-18\",\"level\":\"provincial\"},"
    "{\"code\":\"HG\",\"kind\":\"enterprise\",\"name\":\"杭钢科协\",\"parent\":\"ZJ\","
    "\"effective\":\"2001-01-01\",\"enterprise\":{\"enterprise_name\":\"杭钢集团\"}},"
    "{\"code\":\"XG\",\"kind\":\"enterprise\",\"name\":\"新钢科协\",\"parent\":\"ZJ\","
    "\"effective\":\"2001-01-01\",\"enterprise\":{\"enterprise_name\":\"新钢集团\"}}],"
    "\"people\":[{\"code\":\"P1\",\"name\":\"李娜\",\"birth\":\"1990-01-01\",\"employer\":\"HG\"},"
    "{\"code\":\"P2\",\"name\":\"王工\",\"birth\":\"1970-01-01\",\"employer\":\"XG\"},"
    "{\"code\":\"P3\",\"name\":\"张工\",\"birth\":\"1971-01-01\",\"employer\":\"XG\"},"
    "{\"code\":\"P4\",\"name\":\"赵工\",\"birth\":\"1972-01-01\",\"employer\":\"XG\"}],"
    "\"memberships\":[{\"person\":\"P1\",\"org\":\"HG\",\"role\":\"member\","
    "\"first\":\"2015-01-01\"}]}";

static const char kCampaign[] =
    "{\"format\":\"kexie.campaign/1\",\"name\":\"minimal\",\"organizer\":\"ZJ\","
    "\"as_of\":\"2025-11-30\",\"year\":2024,\"awards\":{\"tiers\":[{\"name\":\"一等奖\","
    "\"quota\":\"count\",\"count\":1,\"min_score\":\"60\"}]},\"categories\":[{\"category\":"
    "\"rationalization_proposals\",\"rubric\":{\"name\":\"r\",\"indicators\":["
    "{\"code\":\"A\",\"name\":\"创新性\",\"kind\":\"judged\",\"weight\":\"1\","
    "\"scale\":{\"min\":\"0\",\"max\":\"100\",\"step\":\"1\"}},"
    "{\"code\":\"veto\",\"name\":\"一票否决\",\"kind\":\"veto\"}]}}]}";

static const char kEntries[] =
    "{\"format\":\"kexie.entries/1\",\"entries\":[{\"code\":\"E1\",\"title\":\"余热回收\","
    "\"unit\":\"HG\",\"category\":\"rationalization_proposals\",\"team\":[{\"person\":\"P1\","
    "\"share\":\"1\"}],\"in_use_since\":\"2024-01-01\"}],\"judges\":[{\"code\":\"J1\","
    "\"person\":\"P2\"},{\"code\":\"J2\",\"person\":\"P3\"},{\"code\":\"J3\",\"person\":\"P4\"}],"
    "\"assignments\":[[\"J1\",\"E1\"]],"
    "\"marks\":[[\"J1\",\"E1\",\"A\",\"88\"]]}";

/* ------------------------------------------------------------------ digests */

/* The registry's canonical document (every enterprise, founding and training included
 * in its snapshot bytes as well; the document is cheaper to compare). */
static char* registry_digest(const kx_registry* reg) {
  kx_buffer b = {NULL, 0};
  char* out;
  OK(kx_snapshot_save_buffer(&b, reg, NULL, 0, NULL, 0));
  out = (char*)malloc(b.size * 2 + 1);
  {
    size_t i;
    const unsigned char* p = (const unsigned char*)b.data;
    for (i = 0; i < b.size; ++i) sprintf(out + 2 * i, "%02x", p[i]);
    out[2 * b.size] = '\0';
  }
  kx_buffer_free(&b);
  return out;
}

/* The campaign's scoreboard digest, or the refusal scoring gives. */
static char* campaign_digest(const kx_campaign* c) {
  kx_scoreboard* board = NULL;
  const char* d = NULL;
  char* out;
  if (kx_campaign_score(&board, c) != 0) {
    out = (char*)malloc(strlen(kx_error_last()->message) + 1);
    strcpy(out, kx_error_last()->message);
    return out;
  }
  OK(kx_scoreboard_digest(&d, board));
  out = (char*)malloc(strlen(d) + 1);
  strcpy(out, d);
  kx_scoreboard_free(board);
  return out;
}

static char* desk_digest(const kx_service_desk* desk) {
  char* d = NULL;
  OK(kx_service_desk_digest(&d, desk));
  return d;
}

/* Compares and frees two digests. */
#define SAME(before, after)                                     \
  do {                                                          \
    char* b_ = (before);                                        \
    char* a_ = (after);                                         \
    if (!STREQ(b_, a_)) KX_REPORT("digest unchanged: " #after); \
    free(b_);                                                   \
    free(a_);                                                   \
  } while (0)

/* A refusal whose message contains `part`. */
#define FAILS_SAYING(expected, part, call)                \
  do {                                                    \
    FAILS(expected, call);                                \
    if (strstr(kx_error_last()->message, (part)) == NULL) \
      KX_REPORT("message names \"" part "\": " #call);    \
  } while (0)

/* ---------------------------------------------------------------- documents */

/* "[[[…]]]" nested `depth` deep, or an array of `count` zeros, as a malloc'd text. */
static char* nested(size_t depth) {
  char* s = (char*)malloc(2 * depth + 1);
  memset(s, '[', depth);
  memset(s + depth, ']', depth);
  s[2 * depth] = '\0';
  return s;
}
static char* zeros(size_t count) {
  static const char head[] = "{\"format\":\"kexie.registry/1\",\"organizations\":[";
  char* s = (char*)malloc(sizeof head + 2 * count + 2);
  char* p = s;
  size_t i;
  memcpy(p, head, sizeof head - 1);
  p += sizeof head - 1;
  for (i = 0; i < count; ++i) {
    if (i > 0) *p++ = ',';
    *p++ = '0';
  }
  *p++ = ']';
  *p++ = '}';
  *p = '\0';
  return s;
}

static void documents(kx_registry* reg, kx_campaign* c) {
  kx_registry* r = (kx_registry*)1;
  kx_campaign* c2 = (kx_campaign*)1;
  char* text = (char*)1;
  char* before = registry_digest(reg);
  char* camp_before = campaign_digest(c);
  char* deep;
  char* many;
  const size_t len = strlen(kRegistry);
  kx_scoreboard* board = NULL;

  /* NULL for every pointer; the out-pointer is cleared first. */
  FAILS_SAYING(KX_EINVALID, "out is NULL", kx_registry_from_document(NULL, kRegistry, len));
  FAILS_SAYING(KX_EINVALID, "json is NULL", kx_registry_from_document(&r, NULL, 5));
  CHECK(r == NULL);
  FAILS_SAYING(KX_EINVALID, "registry is NULL", kx_registry_to_document(&text, NULL));
  CHECK(text == NULL);
  FAILS(KX_EINVALID, kx_campaign_from_documents(&c2, NULL, kCampaign, strlen(kCampaign), NULL, 0));
  CHECK(c2 == NULL);
  FAILS_SAYING(KX_EINVALID, "campaign_json is NULL",
               kx_campaign_from_documents(&c2, reg, NULL, 9, NULL, 0));
  /* Lengths that lie: more bytes than any buffer has are refused before a read. */
  FAILS_SAYING(KX_EINVALID, "overflows the address space",
               kx_registry_from_document(&r, kRegistry, SIZE_MAX));
  FAILS_SAYING(KX_EINVALID, "campaign_length",
               kx_campaign_from_documents(&c2, reg, kCampaign, SIZE_MAX / 2 + 1, NULL, 0));
  FAILS_SAYING(
      KX_EINVALID, "entries_length",
      kx_campaign_from_documents(&c2, reg, kCampaign, strlen(kCampaign), kEntries, SIZE_MAX));
  FAILS_SAYING(KX_EINVALID, "entries_json is NULL but entries_length is 7",
               kx_campaign_from_documents(&c2, reg, kCampaign, strlen(kCampaign), NULL, 7));
  /* A length shorter than the text: the prefix is judged (and refused as malformed). */
  FAILS(KX_ECORRUPT, kx_registry_from_document(&r, kRegistry, len / 2));
  CHECK(kx_error_problem_count() == 1 && kx_error_problem(0)->line >= 1);
  /* A NUL byte inside the document, invalid UTF-8, an overlong form. */
  {
    char buf[sizeof kRegistry];
    memcpy(buf, kRegistry, sizeof kRegistry);
    buf[40] = '\0';
    FAILS(KX_ECORRUPT, kx_registry_from_document(&r, buf, len));
    CHECK(r == NULL && kx_error_problem_count() >= 1);
  }
  {
    static const char bad[] =
        "{\"format\":\"kexie.registry/1\",\"organizations\":[{\"code\":\"C\",\"kind\":"
        "\"national\",\"name\":\"\xff\xfe\",\"effective\":\"1958-09-18\"}]}";
    static const char overlong[] =
        "{\"format\":\"kexie.registry/1\",\"organizations\":[{\"code\":\"C\",\"kind\":"
        "\"national\",\"name\":\"\xc0\xaf\",\"effective\":\"1958-09-18\"}]}";
    FAILS(KX_ECORRUPT, kx_registry_from_document(&r, bad, strlen(bad)));
    CHECK(r == NULL && kx_error_problem_count() >= 1);
    FAILS(KX_ECORRUPT, kx_registry_from_document(&r, overlong, strlen(overlong)));
    CHECK(r == NULL && kx_error_problem_count() >= 1);
  }
  /* 10 000 levels deep and 10^7 values: the limits refuse, naming themselves. */
  deep = nested(10000);
  FAILS(KX_ECORRUPT, kx_registry_from_document(&r, deep, strlen(deep)));
  CHECK(kx_error_problem_count() == 1 && strstr(kx_error_problem(0)->message, "max_depth") != NULL);
  FAILS(KX_ECORRUPT, kx_campaign_from_documents(&c2, reg, deep, strlen(deep), NULL, 0));
  FAILS(KX_ECORRUPT,
        kx_campaign_from_documents(&c2, reg, kCampaign, strlen(kCampaign), deep, strlen(deep)));
  free(deep);
  many = zeros(10000000);
  FAILS(KX_ECORRUPT, kx_registry_from_document(&r, many, strlen(many)));
  CHECK(kx_error_problem_count() == 1 &&
        strstr(kx_error_problem(0)->message, "max_values") != NULL);
  free(many);
  /* The problems: past the end, and none after a success. */
  CHECK(kx_error_problem(1) == NULL && kx_error_problem(SIZE_MAX) == NULL);
  OK(kx_registry_from_document(&r, kRegistry, len));
  CHECK(kx_error_problem_count() == 1); /* a success resets nothing (kx_error_last) */
  kx_error_clear();
  CHECK(kx_error_problem_count() == 0 && kx_error_problem(0) == NULL);
  kx_registry_free(r);
  /* Entries naming codes the registry lacks (a registry of no codes): refused. */
  {
    world w;
    world_build(&w);
    FAILS(KX_EINVALID, kx_campaign_from_documents(&c2, w.reg, kCampaign, strlen(kCampaign),
                                                  kEntries, strlen(kEntries)));
    CHECK(c2 == NULL && kx_error_problem_count() >= 1);
    kx_registry_free(w.reg);
  }
  /* Results: NULL for each handle. */
  OK(kx_campaign_score(&board, c));
  FAILS_SAYING(KX_EINVALID, "out is NULL", kx_scoreboard_to_document(NULL, board, c, reg));
  FAILS_SAYING(KX_EINVALID, "board is NULL", kx_scoreboard_to_document(&text, NULL, c, reg));
  FAILS_SAYING(KX_EINVALID, "campaign is NULL", kx_scoreboard_to_document(&text, board, NULL, reg));
  FAILS_SAYING(KX_EINVALID, "registry is NULL", kx_scoreboard_to_document(&text, board, c, NULL));
  CHECK(text == NULL);
  kx_scoreboard_free(board);
  SAME(before, registry_digest(reg));
  SAME(camp_before, campaign_digest(c));
}

/* ------------------------------------------------------------------- tables */

static void tables(kx_registry* reg, kx_campaign* c, const char* dir) {
  char path[256], fifo[256], loop[256], missing[256], csv_path[256];
  char* before = campaign_digest(c);
  kx_scoreboard* board = NULL;
  size_t n = 0, len = 0;
  char *csv = (char*)1, *name = (char*)1;
  const char* hostile[4];
  int i;

  snprintf(path, sizeof path, "%s/dir", dir);
  snprintf(fifo, sizeof fifo, "%s/fifo", dir);
  snprintf(loop, sizeof loop, "%s/loop", dir);
  snprintf(missing, sizeof missing, "%s/no/such/dir/x.csv", dir);
  snprintf(csv_path, sizeof csv_path, "%s/marks.csv", dir);
  CHECK(mkdir(path, 0700) == 0);
  CHECK(mkfifo(fifo, 0600) == 0);
  CHECK(symlink(loop, loop) == 0);
  hostile[0] = path;
  hostile[1] = fifo;
  hostile[2] = loop;
  hostile[3] = missing;
  for (i = 0; i < 4; ++i) {
    /* Each names the path; a FIFO is refused, not opened (that would wait forever). */
    FAILS(KX_EIO, kx_campaign_import_marks_csv(c, reg, hostile[i], KX_ENCODING_UTF8));
    CHECK(strstr(kx_error_last()->message, hostile[i]) != NULL);
    FAILS(KX_EIO, kx_campaign_import_assignments_csv(c, reg, hostile[i], KX_ENCODING_UTF8));
    FAILS(KX_EIO, kx_campaign_import_vetoes_csv(c, reg, hostile[i], KX_ENCODING_UTF8));
  }
  FAILS_SAYING(KX_EIO, "not a regular file",
               kx_campaign_import_marks_csv(c, reg, fifo, KX_ENCODING_UTF8));
  FAILS_SAYING(KX_EINVALID, "path is NULL",
               kx_campaign_import_marks_csv(c, reg, NULL, KX_ENCODING_UTF8));
  FAILS_SAYING(KX_EINVALID, "campaign is NULL",
               kx_campaign_import_marks_csv(NULL, reg, csv_path, KX_ENCODING_UTF8));
  FAILS_SAYING(KX_EINVALID, "registry is NULL",
               kx_campaign_import_vetoes_csv(c, NULL, csv_path, KX_ENCODING_UTF8));
  FAILS_SAYING(KX_EINVALID, "encoding 99 is out of range",
               kx_campaign_import_marks_csv(c, reg, csv_path, 99));
  FAILS_SAYING(KX_EINVALID, "encoding -1 is out of range",
               kx_campaign_import_assignments_csv(c, reg, csv_path, -1));
  /* A file of marks that are not UTF-8, and one naming a judge of nothing: all or nothing. */
  {
    FILE* f = fopen(csv_path, "wb");
    CHECK(f != NULL);
    if (f != NULL) {
      fputs("judge,entry,indicator,mark\nJ1,E1,A,\xff\xfe\n", f);
      fclose(f);
    }
    CHECK(kx_campaign_import_marks_csv(c, reg, csv_path, KX_ENCODING_UTF8) < 0);
    f = fopen(csv_path, "wb");
    if (f != NULL) {
      fputs("judge,entry,indicator,mark\nJ1,E1,A,70\nJ9,E1,A,80\n", f);
      fclose(f);
    }
    CHECK(kx_campaign_import_marks_csv(c, reg, csv_path, KX_ENCODING_UTF8) < 0);
  }
  SAME(before, campaign_digest(c));

  OK(kx_campaign_score(&board, c));
  /* XLSX to a FIFO (libxlsxwriter would wait for a reader), a directory, a loop. */
  FAILS_SAYING(KX_EIO, "not a regular file", kx_scoreboard_write_xlsx(board, c, reg, fifo));
  FAILS_SAYING(KX_EIO, "not a regular file", kx_scoreboard_write_xlsx(board, c, reg, path));
  FAILS(KX_EIO, kx_scoreboard_write_xlsx(board, c, reg, missing));
  FAILS_SAYING(KX_EINVALID, "path is NULL", kx_scoreboard_write_xlsx(board, c, reg, NULL));
  FAILS_SAYING(KX_EINVALID, "board is NULL", kx_scoreboard_write_xlsx(NULL, c, reg, missing));
  /* Sheets: NULL outs, an index past the end, an encoding out of range. */
  FAILS_SAYING(KX_EINVALID, "out is NULL", kx_scoreboard_sheet_count(NULL, board, c, reg));
  OK(kx_scoreboard_sheet_count(&n, board, c, reg));
  CHECK(n >= 1);
  FAILS_SAYING(KX_EINVALID, "past the last",
               kx_scoreboard_sheet_csv(&csv, &len, &name, board, c, reg, n, KX_ENCODING_UTF8));
  FAILS(KX_EINVALID,
        kx_scoreboard_sheet_csv(&csv, &len, &name, board, c, reg, SIZE_MAX, KX_ENCODING_UTF8));
  FAILS_SAYING(KX_EINVALID, "encoding 7 is out of range",
               kx_scoreboard_sheet_csv(&csv, &len, &name, board, c, reg, 0, 7));
  FAILS_SAYING(KX_EINVALID, "length is NULL",
               kx_scoreboard_sheet_csv(&csv, NULL, &name, board, c, reg, 0, KX_ENCODING_UTF8));
  CHECK(csv == NULL && name == NULL); /* cleared on every refusal */
  kx_scoreboard_free(board);

  unlink(csv_path);
  unlink(fifo);
  unlink(loop);
  rmdir(path);
}

/* --------------------------------------------------------------- assignment */

static void assignment(const kx_registry* reg, kx_campaign* c, kx_campaign* other) {
  kx_assignment* a = (kx_assignment*)1;
  kx_assignment_options o = KX_ASSIGNMENT_OPTIONS_INIT;
  kx_judge_availability av = {1, 0, 1, 0};
  kx_assignment_pair pair, pairs[2] = {{1, 1}, {0xffffffffu, 1}};
  kx_judge_choice choice;
  size_t n = 0, failed = 99, excluded = 0;
  int64_t cost = 0;
  uint32_t judge = 0;
  char *rule = (char*)1, *reason = (char*)1;
  char* before = campaign_digest(c);

  FAILS_SAYING(KX_EINVALID, "out is NULL", kx_assignment_propose(NULL, c, NULL));
  FAILS_SAYING(KX_EINVALID, "campaign is NULL", kx_assignment_propose(&a, NULL, NULL));
  CHECK(a == NULL);
  o.version = 0;
  FAILS_SAYING(KX_EINVALID, "unsupported version", kx_assignment_propose(&a, c, &o));
  o.version = 99;
  FAILS_SAYING(KX_EINVALID, "unsupported version", kx_assignment_propose(&a, c, &o));
  o.version = KX_ASSIGNMENT_OPTIONS_VERSION;
  o.availability_count = 3;
  FAILS_SAYING(KX_EINVALID, "availability is NULL but availability_count is 3",
               kx_assignment_propose(&a, c, &o));
  o.availability = &av;
  o.availability_count = SIZE_MAX;
  FAILS_SAYING(KX_EINVALID, "overflows", kx_assignment_propose(&a, c, &o));
  o.availability_count = 1;
  o.declare_load = 2;
  FAILS_SAYING(KX_EINVALID, "declare_load 2", kx_assignment_propose(&a, c, &o));
  o.declare_load = 0;
  o.spread_required = -1;
  FAILS_SAYING(KX_EINVALID, "spread_required -1", kx_assignment_propose(&a, c, &o));
  o.spread_required = 0;
  av.judge = 0xffffffffu; /* a judge of nothing */
  CHECK(kx_assignment_propose(&a, c, &o) < 0 && a == NULL);
  av.judge = 1;
  o.judges_per_entry = 0xffffffffu;
  CHECK(kx_assignment_propose(&a, c, &o) < 0);
  o.judges_per_entry = 3;
  o.availability = NULL;
  o.availability_count = 0;
  OK(kx_assignment_propose(&a, c, &o));

  /* Reading it: NULL outs, indexes and ids past the end. */
  FAILS(KX_EINVALID, kx_assignment_summary(NULL, &cost, a));
  FAILS(KX_EINVALID, kx_assignment_summary(&n, NULL, a));
  FAILS(KX_EINVALID, kx_assignment_summary(&n, &cost, NULL));
  OK(kx_assignment_summary(&n, &cost, a));
  FAILS_SAYING(KX_EINVALID, "past the end", kx_assignment_pair_at(&pair, a, n));
  FAILS(KX_EINVALID, kx_assignment_pair_at(&pair, a, SIZE_MAX));
  FAILS(KX_EINVALID, kx_assignment_pair_at(NULL, a, 0));
  FAILS(KX_ENOTFOUND, kx_assignment_entry(&n, &excluded, a, 0));
  FAILS(KX_ENOTFOUND, kx_assignment_entry(&n, &excluded, a, 0xffffffffu));
  FAILS(KX_EINVALID, kx_assignment_entry(NULL, &excluded, a, 1));
  FAILS(KX_ENOTFOUND, kx_assignment_choice(&choice, a, 7, 0));
  FAILS(KX_EINVALID, kx_assignment_choice(&choice, a, 1, SIZE_MAX));
  FAILS(KX_EINVALID, kx_assignment_exclusion(&judge, &rule, &reason, a, 1, SIZE_MAX));
  CHECK(rule == NULL && reason == NULL);
  FAILS(KX_EINVALID, kx_assignment_exclusion(NULL, &rule, &reason, a, 1, 0));
  FAILS(KX_EINVALID, kx_assignment_csv(NULL, &n, a, c, NULL, KX_ENCODING_UTF8, 0, 0));
  FAILS_SAYING(KX_EINVALID, "encoding 5", kx_assignment_csv(&rule, &n, a, c, reg, 5, 0, 0));

  /* Applying it to another campaign (its entries and judges are not there): refused,
   * nothing changes. The batch: NULL with a count, a count no array has, a bad pair. */
  {
    char* other_before = campaign_digest(other);
    CHECK(kx_assignment_apply(other, a, &failed) < 0);
    SAME(other_before, campaign_digest(other));
  }
  FAILS(KX_EINVALID, kx_assignment_apply(NULL, a, &failed));
  FAILS(KX_EINVALID, kx_assignment_apply(c, NULL, &failed));
  FAILS_SAYING(KX_EINVALID, "pairs is NULL", kx_campaign_assign_all(c, NULL, 2, &failed));
  FAILS_SAYING(KX_EINVALID, "overflows", kx_campaign_assign_all(c, pairs, SIZE_MAX, &failed));
  failed = 99;
  CHECK(kx_campaign_assign_all(c, pairs, 2, &failed) < 0);
  CHECK(failed == 0 || failed == 1);
  OK(kx_campaign_assign_all(c, NULL, 0, NULL)); /* nothing to do */
  kx_assignment_free(a);
  kx_assignment_free(NULL);
  SAME(before, campaign_digest(c));
}

/* ----------------------------------------------------------------- guidance */

static void guidance(world* w) {
  kx_enterprise_spec s = KX_ENTERPRISE_SPEC_INIT;
  uint32_t id = 0, org = 0;
  int state = 0;
  kx_audit_verification v;
  kx_coverage_counts counts;
  char* text = (char*)1;
  char* before = registry_digest(w->reg);

  s.name = "新材料公司";
  s.credit_code = "91330000142941287T";
  s.local = w->city;
  s.registered = "2010-01-01";
  FAILS(KX_EINVALID, kx_enterprise_add(NULL, w->reg, &s));
  FAILS(KX_EINVALID, kx_enterprise_add(&id, NULL, &s));
  FAILS_SAYING(KX_EINVALID, "spec is NULL", kx_enterprise_add(&id, w->reg, NULL));
  s.version = 0;
  FAILS_SAYING(KX_EINVALID, "unsupported version", kx_enterprise_add(&id, w->reg, &s));
  s.version = KX_ENTERPRISE_SPEC_VERSION;
  s.ownership = 77;
  FAILS_SAYING(KX_EINVALID, "ownership 77", kx_enterprise_add(&id, w->reg, &s));
  s.ownership = KX_OWNERSHIP_STATE;
  s.high_tech_zone = 2;
  FAILS_SAYING(KX_EINVALID, "high_tech_zone", kx_enterprise_add(&id, w->reg, &s));
  s.high_tech_zone = 0;
  s.name = "\xff\xfe";
  FAILS(KX_EINVALID, kx_enterprise_add(&id, w->reg, &s));
  s.name = "\xc0\x80";
  FAILS(KX_EINVALID, kx_enterprise_add(&id, w->reg, &s));
  s.name = "新材料公司";
  s.industry = "\xed\xa0\x80"; /* a surrogate */
  FAILS(KX_EINVALID, kx_enterprise_add(&id, w->reg, &s));
  s.industry = NULL;
  s.credit_code = "91330000142941287X";
  FAILS(KX_EINVALID, kx_enterprise_add(&id, w->reg, &s));
  s.credit_code = NULL;
  FAILS_SAYING(KX_EINVALID, "credit_code is NULL", kx_enterprise_add(&id, w->reg, &s));
  s.credit_code = "91330000142941287T";
  s.registered = "2010-02-30";
  FAILS(KX_EINVALID, kx_enterprise_add(&id, w->reg, &s));
  s.registered = "2010-01-01";
  s.local = 0xffffffffu;
  CHECK(kx_enterprise_add(&id, w->reg, &s) < 0);
  FAILS(KX_EINVALID, kx_credit_code_check(NULL));
  CHECK(kx_credit_code_check("") < 0);

  /* Ids of nothing (2^32 − 1, 0), ids of another kind, bad days. */
  CHECK(kx_enterprise_attach(w->reg, 0xffffffffu, w->steel, "2020-01-01") < 0);
  CHECK(kx_enterprise_attach(w->reg, 0, w->steel, "2020-01-01") < 0);
  FAILS(KX_EINVALID, kx_enterprise_attach(w->reg, 1, w->steel, NULL));
  CHECK(kx_enterprise_association(&org, w->reg, 0xffffffffu, "2020-01-01") < 0);
  FAILS(KX_EINVALID, kx_enterprise_association(NULL, w->reg, 1, "2020-01-01"));
  CHECK(kx_enterprise_employ(w->reg, w->p[0], 0xffffffffu, "2020-01-01", NULL) < 0);
  CHECK(kx_enterprise_employ(w->reg, 0xffffffffu, 1, "2020-01-01", "2019-01-01") < 0);
  CHECK(kx_enterprise_support(w->reg, 0xffffffffu, 2024, 1, 1, "1", "1") < 0);
  FAILS(KX_EINVALID, kx_enterprise_support(w->reg, 1, 2024, 1, 1, "NaN", NULL));
  FAILS(KX_EINVALID, kx_enterprise_support(NULL, 1, 2024, 1, 1, NULL, NULL));
  CHECK(kx_founding_apply(&id, w->reg, 0xffffffffu, w->city, "新科协", w->p[0], 0,
                          "2025-01-01T00:00:00Z") < 0);
  FAILS(KX_EINVALID,
        kx_founding_apply(&id, w->reg, 1, w->city, NULL, w->p[0], 0, "2025-01-01T00:00:00Z"));
  FAILS(KX_EINVALID, kx_founding_apply(&id, w->reg, 1, w->city, "x", w->p[0], 0, "tomorrow"));
  CHECK(kx_founding_approve(&org, w->reg, 0xffffffffu, w->p[0], "2025-01-01T00:00:00Z",
                            "2025-01-01", NULL) < 0);
  CHECK(kx_founding_refuse(w->reg, 0, w->p[0], "2025-01-01T00:00:00Z", NULL) < 0);
  CHECK(kx_founding_get_state(&state, w->reg, 0xffffffffu) < 0);
  FAILS(KX_EINVALID, kx_founding_get_state(NULL, w->reg, 1));
  FAILS(KX_EINVALID, kx_founding_verify(&v, w->reg, "not a head"));
  FAILS(KX_EINVALID, kx_founding_verify(NULL, w->reg, NULL));
  CHECK(kx_coverage(&counts, w->reg, 0xffffffffu, "2025-01-01", NULL, NULL) < 0);
  FAILS(KX_EINVALID, kx_coverage(&counts, w->reg, w->city, "2025-13-01", NULL, NULL));
  FAILS(KX_EINVALID, kx_coverage(&counts, NULL, w->city, "2025-01-01", NULL, NULL));
  FAILS(KX_EINVALID, kx_coverage_to_document(&text, w->reg, w->city, "2025-01-01", "never"));
  CHECK(text == NULL);
  CHECK(kx_sg_training_add(w->reg, 0xffffffffu, "2025-01-01", 8, w->city) < 0);
  CHECK(kx_sg_training_add(w->reg, w->p[0], "2025-01-01", -8, w->city) < 0);
  CHECK(kx_sg_training_add(w->reg, w->p[0], "2025-01-01", 8, 0xffffffffu) < 0);
  CHECK(kx_sg_training_interval(w->reg, -1) < 0);
  CHECK(kx_sg_training_interval(w->reg, 2147483647) < 0);
  FAILS(KX_EINVALID, kx_sg_out_of_date_foreach(w->reg, w->city, "2025-01-01", NULL, NULL));
  SAME(before, registry_digest(w->reg));
}

/* ------------------------------------------------------------- evaluation */

static int no_result(uint32_t association, size_t rank, const char* total, void* payload) {
  (void)association;
  (void)rank;
  (void)total;
  (void)payload;
  return 0;
}

static void evaluation(world* w, kx_registry* other) {
  static const char kLines[] = "B|活动||judged|1|0|100|1\n";
  kx_evaluation* e = (kx_evaluation*)1;
  kx_figure_binding b = {"B", "associations_founded", NULL};
  kx_book* book = NULL;
  size_t named = 0;
  char* before = registry_digest(w->reg);
  char* text = (char*)1;

  FAILS(KX_EINVALID, kx_evaluation_new(NULL, w->reg, w->city, 2025, "r", kLines, NULL, 0));
  FAILS(KX_EINVALID, kx_evaluation_new(&e, NULL, w->city, 2025, "r", kLines, NULL, 0));
  FAILS(KX_EINVALID, kx_evaluation_new(&e, w->reg, w->city, 2025, "r", NULL, NULL, 0));
  FAILS_SAYING(KX_EINVALID, "bindings is NULL",
               kx_evaluation_new(&e, w->reg, w->city, 2025, "r", kLines, NULL, 2));
  FAILS_SAYING(KX_EINVALID, "overflows",
               kx_evaluation_new(&e, w->reg, w->city, 2025, "r", kLines, &b, SIZE_MAX));
  b.indicator = NULL;
  FAILS(KX_EINVALID, kx_evaluation_new(&e, w->reg, w->city, 2025, "r", kLines, &b, 1));
  b.indicator = "B";
  b.figure = "\xff";
  FAILS(KX_EINVALID, kx_evaluation_new(&e, w->reg, w->city, 2025, "r", kLines, &b, 1));
  FAILS(KX_EINVALID, kx_evaluation_new(&e, w->reg, w->city, 2025, "r", "\xc0\x80|||", NULL, 0));
  CHECK(kx_evaluation_new(&e, w->reg, 0xffffffffu, 2025, "r", kLines, NULL, 0) < 0);
  OK(kx_evaluation_new(&e, w->reg, w->city, 2025, "r", kLines, NULL, 0));
  OK(kx_book_new(&book, w->reg));

  CHECK(kx_evaluation_add_judge(e, w->reg, 0xffffffffu) < 0);
  FAILS(KX_EINVALID, kx_evaluation_add_judge(NULL, w->reg, w->p[0]));
  FAILS(KX_EINVALID, kx_evaluation_mark(e, w->reg, w->p[0], w->steel, NULL, "80"));
  FAILS(KX_EINVALID, kx_evaluation_mark(e, w->reg, w->p[0], w->steel, "B", "1e400"));
  CHECK(kx_evaluation_mark(e, w->reg, w->p[0], 0xffffffffu, "B", "80") < 0);
  FAILS(KX_EINVALID, kx_evaluation_score_foreach(e, w->reg, book, NULL, NULL));
  FAILS(KX_EINVALID, kx_evaluation_score_foreach(e, w->reg, NULL, no_result, NULL));
  FAILS(KX_EINVALID, kx_evaluation_to_document(&text, e, w->reg, NULL));
  CHECK(text == NULL);
  FAILS(KX_EINVALID, kx_evaluation_name_exemplary(e, w->reg, book, 1, NULL, w->p[0], NULL, &named));
  /* Another registry than the evaluation's: its ids name nothing there, or other
   * things; the call must refuse or answer, never read past an end. */
  (void)kx_evaluation_add_judge(e, other, 3);
  (void)kx_evaluation_score_foreach(e, other, book, no_result, NULL);
  if (kx_evaluation_to_document(&text, e, other, book) == 0) kx_string_free(text);
  kx_evaluation_free(e);
  kx_evaluation_free(NULL);
  kx_book_free(book);
  SAME(before, registry_digest(w->reg));
}

/* ----------------------------------------------------------------- services */

static int no_place(const kx_queue_place* p, void* payload) {
  (void)p;
  (void)payload;
  return 0;
}

static int no_decision(const kx_candidate_decision* d, void* payload) {
  (void)d;
  (void)payload;
  return 0;
}

static void services(world* w, kx_registry* other, kx_campaign* c) {
  kx_service_desk* desk = NULL;
  kx_service_desk* back = (kx_service_desk*)1;
  kx_service_policy policy = KX_SERVICE_POLICY_INIT;
  kx_programme programme = KX_PROGRAMME_INIT;
  kx_recommendation_request req;
  kx_service_request_info info;
  kx_proposal_info pinfo;
  uint32_t id = 0, nominees[2];
  char* text = (char*)1;
  char* before_desk;
  char* before_campaign = campaign_digest(c);

  policy.version = 0;
  FAILS_SAYING(KX_EINVALID, "unsupported version", kx_service_desk_new(&desk, w->reg, &policy));
  policy.version = KX_SERVICE_POLICY_VERSION;
  policy.answer_due_days = -1;
  FAILS_SAYING(KX_EINVALID, "answer_due_days", kx_service_desk_new(&desk, w->reg, &policy));
  FAILS(KX_EINVALID, kx_service_desk_new(&desk, NULL, NULL));
  FAILS(KX_EINVALID, kx_service_desk_new(NULL, w->reg, NULL));
  OK(kx_service_desk_new(&desk, w->reg, NULL));
  before_desk = desk_digest(desk);

  FAILS(KX_EINVALID, kx_service_request_submit(NULL, desk, w->p[0], w->steel, 0, "t", -1, -1,
                                               "2025-01-01T00:00:00Z"));
  FAILS(KX_EINVALID, kx_service_request_submit(&id, NULL, w->p[0], w->steel, 0, "t", -1, -1,
                                               "2025-01-01T00:00:00Z"));
  FAILS_SAYING(KX_EINVALID, "kind 99",
               kx_service_request_submit(&id, desk, w->p[0], w->steel, 99, "t", -1, -1,
                                         "2025-01-01T00:00:00Z"));
  FAILS_SAYING(KX_EINVALID, "patent_type -2",
               kx_service_request_submit(&id, desk, w->p[0], w->steel, 0, "t", -2, -1,
                                         "2025-01-01T00:00:00Z"));
  FAILS_SAYING(KX_EINVALID, "target_title 42",
               kx_service_request_submit(&id, desk, w->p[0], w->steel, 0, "t", -1, 42,
                                         "2025-01-01T00:00:00Z"));
  FAILS(KX_EINVALID, kx_service_request_submit(&id, desk, w->p[0], w->steel, 0, "t", -1, -1, NULL));
  CHECK(kx_service_request_submit(&id, desk, w->p[0], w->steel, 0, "\xff\xfe", -1, -1,
                                  "2025-01-01T00:00:00Z") < 0);
  CHECK(kx_service_request_submit(&id, desk, 0xffffffffu, w->steel, 0, "t", -1, -1,
                                  "2025-01-01T00:00:00Z") < 0);
  FAILS_SAYING(KX_EINVALID, "operation 99",
               kx_service_request_apply(desk, 1, 99, w->p[0], "2025-01-01T00:00:00Z", NULL));
  CHECK(kx_service_request_apply(desk, 0xffffffffu, 1, w->p[0], "2025-01-01T00:00:00Z", NULL) < 0);
  CHECK(kx_service_request_forward(desk, 0xffffffffu, w->p[0], "2025-01-01T00:00:00Z", NULL, NULL) <
        0);
  FAILS(KX_ENOTFOUND, kx_service_request_get(&info, desk, 0xffffffffu));
  FAILS(KX_ENOTFOUND, kx_service_request_get(&info, desk, 0));
  FAILS(KX_EINVALID, kx_service_queue_foreach(desk, w->steel, "2025-01-01", NULL, NULL));
  FAILS(KX_EINVALID, kx_service_queue_foreach(desk, w->steel, "2025-02-30", no_place, NULL));
  FAILS_SAYING(
      KX_EINVALID, "kind -1",
      kx_proposal_file(&id, desk, w->p[0], w->steel, -1, "t", "x", "2025-01-01T00:00:00Z"));
  CHECK(kx_proposal_file(&id, desk, w->p[0], w->steel, 0, "t", "\xc0\x80", "2025-01-01T00:00:00Z") <
        0);
  FAILS_SAYING(KX_EINVALID, "operation 1000",
               kx_proposal_apply(desk, 1, 1000, w->p[0], "2025-01-01T00:00:00Z", NULL));
  CHECK(kx_proposal_apply(desk, 0xffffffffu, 1, w->p[0], "2025-01-01T00:00:00Z", NULL) < 0);
  FAILS(KX_ENOTFOUND, kx_proposal_get(&pinfo, desk, 0xffffffffu));
  FAILS(KX_EINVALID, kx_proposal_get(NULL, desk, 1));
  /* Entering a proposal of nothing into a campaign over another registry. */
  CHECK(kx_proposal_enter_campaign(&id, desk, 0xffffffffu, c, w->p[0], "2025-01-01T00:00:00Z",
                                   NULL) < 0);
  FAILS(KX_EINVALID,
        kx_proposal_enter_campaign(&id, desk, 1, NULL, w->p[0], "2025-01-01T00:00:00Z", NULL));
  FAILS(KX_EINVALID, kx_service_desk_verify_audit(NULL, desk, NULL));
  FAILS(KX_EINVALID, kx_patent_number_check(&text, NULL));
  CHECK(kx_patent_number_check(&text, "ZL2023\xff") < 0 && text == NULL);

  /* Recommendation: NULL programme, nominees that lie, a version of nothing. */
  nominees[0] = w->p[0];
  nominees[1] = 0xffffffffu;
  FAILS(KX_EINVALID, kx_recommend_foreach(w->reg, NULL, nominees, 2, "2025-01-01", NULL, NULL));
  OK(kx_service_desk_to_document(&text, desk, w->reg, NULL, 0)); /* no list: none read */
  kx_string_free(text);
  text = NULL;
  programme.version = 7;
  req.programme = &programme;
  req.nominees = NULL;
  req.nominee_count = 2;
  req.as_of = "2025-01-01";
  FAILS_SAYING(KX_EINVALID, "nominees", kx_service_desk_to_document(&text, desk, w->reg, &req, 1));
  req.nominees = nominees;
  req.nominee_count = SIZE_MAX;
  FAILS_SAYING(KX_EINVALID, "overflows", kx_service_desk_to_document(&text, desk, w->reg, &req, 1));
  req.nominee_count = 2;
  FAILS_SAYING(KX_EINVALID, "unsupported version",
               kx_service_desk_to_document(&text, desk, w->reg, &req, 1));
  FAILS_SAYING(KX_EINVALID, "lists is NULL",
               kx_service_desk_to_document(&text, desk, w->reg, NULL, 1));
  FAILS_SAYING(KX_EINVALID, "overflows",
               kx_service_desk_to_document(&text, desk, w->reg, &req, SIZE_MAX));
  FAILS_SAYING(KX_EINVALID, "another registry",
               kx_service_desk_to_document(&text, desk, other, &req, 0));
  CHECK(text == NULL);
  programme.version = KX_PROGRAMME_VERSION;
  programme.min_title = 99;
  FAILS_SAYING(KX_EINVALID, "min_title 99",
               kx_service_desk_to_document(&text, desk, w->reg, &req, 1));
  programme.min_title = 0;
  programme.honour_kind = 42;
  FAILS_SAYING(
      KX_EINVALID, "honour_kind 42",
      kx_recommend_foreach(w->reg, &programme, nominees, 2, "2025-01-01", no_decision, NULL));
  programme.honour_kind = -1;
  FAILS_SAYING(KX_EINVALID, "nominees = ",
               kx_recommend_foreach(w->reg, &programme, nominees, SIZE_MAX, "2025-01-01",
                                    no_decision, NULL));

  /* Desk documents: lengths that lie, NUL bytes, nesting, another registry's document. */
  FAILS(KX_EINVALID, kx_service_desk_from_document(&back, w->reg, NULL, 3));
  CHECK(back == NULL);
  FAILS(KX_EINVALID, kx_service_desk_from_document(&back, w->reg, "{}", SIZE_MAX));
  {
    char* deep = nested(10000);
    FAILS(KX_ECORRUPT, kx_service_desk_from_document(&back, w->reg, deep, strlen(deep)));
    CHECK(kx_error_problem_count() == 1);
    free(deep);
  }
  FAILS(KX_ECORRUPT, kx_service_desk_from_document(&back, w->reg, "{\"a\0\":1}", 9));
  /* Snapshots with desks: a count no array has, a NULL element, another registry's desk. */
  {
    kx_buffer buf = {NULL, 0};
    const kx_service_desk* desks[2];
    kx_service_desk* foreign = NULL;
    desks[0] = desk;
    desks[1] = NULL;
    FAILS_SAYING(
        KX_EINVALID, "desk_count",
        kx_snapshot_save_buffer_with_desks(&buf, w->reg, NULL, 0, NULL, 0, desks, SIZE_MAX / 4));
    FAILS_SAYING(KX_EINVALID, "book_count",
                 kx_snapshot_save_buffer_with_desks(&buf, w->reg, (const kx_book* const*)desks,
                                                    SIZE_MAX, NULL, 0, NULL, 0));
    FAILS_SAYING(KX_EINVALID, "desks[1] is NULL",
                 kx_snapshot_save_buffer_with_desks(&buf, w->reg, NULL, 0, NULL, 0, desks, 2));
    FAILS_SAYING(KX_EINVALID, "desks is NULL",
                 kx_snapshot_save_buffer_with_desks(&buf, w->reg, NULL, 0, NULL, 0, NULL, 1));
    OK(kx_service_desk_new(&foreign, other, NULL));
    desks[1] = foreign;
    FAILS_SAYING(KX_EINVALID, "another registry",
                 kx_snapshot_save_buffer_with_desks(&buf, w->reg, NULL, 0, NULL, 0, desks, 2));
    CHECK(buf.data == NULL);
    kx_service_desk_free(foreign);
  }
  SAME(before_desk, desk_digest(desk));
  SAME(before_campaign, campaign_digest(c));
  kx_service_desk_free(desk);
  kx_service_desk_free(NULL);
}

/* --------------------------------------------------------------- scoreboards */

/* The round-5 scoreboard accessors lend the table's codes and tier names: ids and
 * indices past the board, NULL for every pointer, a board scored again by another
 * campaign (smaller, then larger again), and a refused re-score, after which what was
 * borrowed before must still read the same. */
static void scoreboards(kx_registry* reg, kx_campaign* c, kx_campaign* other) {
  kx_scoreboard* board = NULL;
  kx_scoreboard* empty = NULL;
  kx_scoreboard* untouched = (kx_scoreboard*)1;
  kx_entry_result r;
  kx_entry_result again;
  kx_advanced_unit u;
  kx_advanced_person p;
  kx_scoreboard_counts n;
  const char* d = NULL;
  const char* prize = NULL;
  char* text = NULL;
  char* code_copy;
  char* digest_copy;
  size_t size = 99;

  OK(kx_campaign_score_with(&board, c, 2));
  OK(kx_scoreboard_size(&size, board));
  CHECK(size == 1);
  /* Past the board: every index and id that names nothing is refused, never read. */
  FAILS_SAYING(KX_EINVALID, "past the board's end", kx_scoreboard_entry(&r, board, 1));
  FAILS_SAYING(KX_EINVALID, "past the board's end", kx_scoreboard_entry(&r, board, SIZE_MAX));
  FAILS(KX_ENOTFOUND, kx_scoreboard_find(&r, board, 0));
  FAILS(KX_ENOTFOUND, kx_scoreboard_find(&r, board, 2));
  FAILS(KX_ENOTFOUND, kx_scoreboard_find(&r, board, UINT32_MAX));
  FAILS(KX_ENOTFOUND, kx_scoreboard_prize(&prize, board, 0));
  FAILS(KX_ENOTFOUND, kx_scoreboard_prize(&prize, board, UINT32_MAX));
  OK(kx_scoreboard_count(&n, board));
  FAILS(KX_EINVALID, kx_scoreboard_unit(&u, board, n.units));
  FAILS(KX_EINVALID, kx_scoreboard_unit(&u, board, SIZE_MAX));
  FAILS(KX_EINVALID, kx_scoreboard_person(&p, board, n.people));
  FAILS(KX_EINVALID, kx_scoreboard_person(&p, board, SIZE_MAX));
  FAILS(KX_ENOTFOUND, kx_explain_text(&text, c, board, UINT32_MAX, KX_LANG_ENGLISH));
  FAILS(KX_ENOTFOUND, kx_explain_json(&text, c, board, 0));
  CHECK(text == NULL);
  /* NULL for every pointer. */
  FAILS_SAYING(KX_EINVALID, "is NULL", kx_scoreboard_entry(NULL, board, 0));
  FAILS_SAYING(KX_EINVALID, "is NULL", kx_scoreboard_entry(&r, NULL, 0));
  FAILS_SAYING(KX_EINVALID, "is NULL", kx_scoreboard_find(NULL, board, 1));
  FAILS_SAYING(KX_EINVALID, "is NULL", kx_scoreboard_find(&r, NULL, 1));
  FAILS_SAYING(KX_EINVALID, "is NULL", kx_scoreboard_prize(NULL, board, 1));
  FAILS_SAYING(KX_EINVALID, "is NULL", kx_scoreboard_prize(&prize, NULL, 1));
  FAILS_SAYING(KX_EINVALID, "is NULL", kx_scoreboard_size(NULL, board));
  FAILS_SAYING(KX_EINVALID, "is NULL", kx_scoreboard_awards_foreach(NULL, NULL, NULL));
  FAILS_SAYING(KX_EINVALID, "is NULL", kx_campaign_score_into(board, NULL, 1));
  FAILS_SAYING(KX_EINVALID, "is NULL", kx_campaign_score_with(&untouched, NULL, 1));
  CHECK(untouched == (kx_scoreboard*)1 || untouched == NULL);
  FAILS(KX_EINVALID, kx_campaign_score_with(&empty, c, 0));
  CHECK(empty == NULL);

  /* What a caller borrowed survives a refused re-score (the board is unchanged). */
  OK(kx_scoreboard_entry(&r, board, 0));
  OK(kx_scoreboard_digest(&d, board));
  code_copy = strdup(r.code);
  digest_copy = strdup(d);
  CHECK(code_copy != NULL && digest_copy != NULL && STREQ(r.code, "E1"));
  FAILS(KX_EINVALID, kx_campaign_score_into(board, c, 0));
  FAILS(KX_EINVALID, kx_campaign_score_into(board, NULL, 1));
  CHECK(STREQ(r.code, code_copy) && STREQ(d, digest_copy));
  CHECK(r.award != NULL && r.total != NULL && r.bonus != NULL);
  OK(kx_scoreboard_entry(&again, board, 0));
  CHECK(again.code == r.code && again.total == r.total && again.award == r.award);

  /* Scored again by a campaign without entries: nothing of the first is readable. */
  OK(kx_campaign_score_into(board, other, 3));
  OK(kx_scoreboard_size(&size, board));
  CHECK(size == 0);
  FAILS(KX_EINVALID, kx_scoreboard_entry(&r, board, 0));
  FAILS(KX_ENOTFOUND, kx_scoreboard_find(&r, board, 1));
  FAILS(KX_ENOTFOUND, kx_scoreboard_prize(&prize, board, 1));
  FAILS(KX_ENOTFOUND, kx_explain_text(&text, c, board, 1, KX_LANG_ENGLISH));
  OK(kx_campaign_score(&empty, other));
  OK(kx_scoreboard_digest(&d, board));
  {
    const char* d_empty = NULL;
    OK(kx_scoreboard_digest(&d_empty, empty));
    CHECK(STREQ(d, d_empty));
  }
  /* A board and a campaign that do not belong together: refused or written, never a
   * crash (the other campaign has no entry 1; this board has none at all). */
  {
    kx_scoreboard* mine = NULL;
    int rc;
    OK(kx_campaign_score(&mine, c));
    FAILS(KX_ENOTFOUND, kx_explain_text(&text, other, mine, 1, KX_LANG_CHINESE));
    FAILS(KX_ENOTFOUND, kx_explain_json(&text, other, mine, 1));
    rc = kx_scoreboard_to_document(&text, mine, other, reg);
    CHECK(rc <= 0);
    if (rc == 0) kx_string_free(text);
    text = NULL;
    rc = kx_scoreboard_to_document(&text, empty, c, reg);
    CHECK(rc <= 0);
    if (rc == 0) kx_string_free(text);
    text = NULL;
    kx_scoreboard_free(mine);
  }
  /* And back to the campaign with its entry: the texts are the board's again. */
  OK(kx_campaign_score_into(board, c, 7));
  OK(kx_scoreboard_find(&r, board, 1));
  CHECK(STREQ(r.code, code_copy) && r.entry == 1);
  OK(kx_scoreboard_digest(&d, board));
  CHECK(STREQ(d, digest_copy));
  OK(kx_scoreboard_prize(&prize, board, 1));
  CHECK(prize == NULL); /* the rubric has no prize rule */

  free(code_copy);
  free(digest_copy);
  kx_scoreboard_free(empty);
  kx_scoreboard_free(board);
}

/* ------------------------------------------------------------------ threads */

typedef struct shared {
  const kx_registry* reg;
  const kx_campaign* campaign;
  const kx_scoreboard* board;
  const char* registry_text;
  const char* results_text;
  int mismatches;
} shared;

static void* reader(void* arg) {
  shared* s = (shared*)arg;
  int i;
  for (i = 0; i < 20; ++i) {
    char* text = NULL;
    size_t n = 0;
    if (kx_registry_to_document(&text, s->reg) != 0 || !STREQ(text, s->registry_text))
      ++s->mismatches;
    kx_string_free(text);
    text = NULL;
    if (kx_scoreboard_to_document(&text, s->board, s->campaign, s->reg) != 0 ||
        !STREQ(text, s->results_text))
      ++s->mismatches;
    kx_string_free(text);
    if (kx_scoreboard_sheet_count(&n, s->board, s->campaign, s->reg) != 0 || n == 0)
      ++s->mismatches;
    /* A refusal on this thread reads this thread's error only. */
    if (kx_registry_to_document(NULL, s->reg) != KX_EINVALID ||
        strstr(kx_error_last()->message, "out is NULL") == NULL)
      ++s->mismatches;
  }
  return NULL;
}

static void threads(kx_registry* reg, kx_campaign* c) {
  shared s[4];
  pthread_t t[4];
  kx_scoreboard* board = NULL;
  char *registry_text = NULL, *results_text = NULL;
  int i;
  OK(kx_campaign_score(&board, c));
  OK(kx_registry_to_document(&registry_text, reg));
  OK(kx_scoreboard_to_document(&results_text, board, c, reg));
  for (i = 0; i < 4; ++i) {
    s[i].reg = reg;
    s[i].campaign = c;
    s[i].board = board;
    s[i].registry_text = registry_text;
    s[i].results_text = results_text;
    s[i].mismatches = 0;
    CHECK(pthread_create(&t[i], NULL, reader, &s[i]) == 0);
  }
  for (i = 0; i < 4; ++i) {
    CHECK(pthread_join(t[i], NULL) == 0);
    CHECK(s[i].mismatches == 0);
  }
  kx_string_free(registry_text);
  kx_string_free(results_text);
  kx_scoreboard_free(board);
}

int main(void) {
  kx_registry* reg = NULL;
  kx_campaign* c = NULL;
  kx_campaign* other = NULL;
  world w;
  char dir[] = "/tmp/kexie_c_hostile_XXXXXX";

  CHECK(mkdtemp(dir) != NULL);
  OK(kx_registry_from_document(&reg, kRegistry, strlen(kRegistry)));
  OK(kx_campaign_from_documents(&c, reg, kCampaign, strlen(kCampaign), kEntries, strlen(kEntries)));
  OK(kx_campaign_from_documents(&other, reg, kCampaign, strlen(kCampaign), NULL, 0));
  world_build(&w);

  documents(reg, c);
  tables(reg, c, dir);
  assignment(reg, c, other);
  guidance(&w);
  evaluation(&w, reg);
  services(&w, reg, c);
  scoreboards(reg, c, other);
  threads(reg, c);

  kx_campaign_free(other);
  kx_campaign_free(c);
  kx_registry_free(reg);
  kx_registry_free(w.reg);
  CHECK(rmdir(dir) == 0);
  if (kx_test_failures != 0) fprintf(stderr, "%d check(s) failed\n", kx_test_failures);
  return kx_test_failures == 0 ? 0 : 1;
}
