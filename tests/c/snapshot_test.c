/* C API tests: a registry, an activity book and a campaign built through the C
 * API are saved to a file and to a buffer, loaded back, and the handles the
 * loaded snapshot lends out answer every query like the originals; damaged
 * input, a missing file, NULL arguments and mistaken frees fail cleanly. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, stat, rmdir */

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "world.h"

static const char kRubricText[] =
    "A|评审指标 judged||group|0.6\n"
    "A.1|创新性 creativity|A|judged|0.5|0|100|0.5\n"
    "A.2|实用性 practicality|A|judged|0.5|0|100|0.5\n"
    "B|经济效益 benefit||objective|0.4||||annual_benefit_yuan|500000:95;100000:70|40\n"
    "veto|一票否决 veto||veto\n";

/* What the checks compare between the original and a loaded copy. */
typedef struct facts {
  kx_rollup rollup;
  size_t activities;
  char head[160];
  kx_campaign_counts counts;
  char digest[65];
} facts;

static kx_campaign* build_campaign(const world* w) {
  kx_award_tier tiers[1];
  kx_campaign_options o = KX_CAMPAIGN_OPTIONS_INIT;
  kx_campaign* c = NULL;
  kx_team_share team[1];
  kx_entry_spec e = KX_ENTRY_SPEC_INIT;
  uint32_t entry[3], judge[3];
  static const char* codes[] = {"E1", "E2", "E3"};
  static const char* benefit[] = {"860000", "200000", "50000"};
  static const char* marks[] = {"90", "80.5", "70"};
  int i, k;

  tiers[0].name = "一等奖";
  tiers[0].by_count = 1;
  tiers[0].share = NULL;
  tiers[0].count = 1;
  tiers[0].rounding = KX_ROUND_FLOOR;
  tiers[0].min_score = "60";
  o.name = "2025 讲比";
  o.organizer = w->province;
  o.as_of = "2025-11-30";
  o.year = 2024;
  o.tiers = tiers;
  o.tier_count = 1;
  OK(kx_campaign_new(&c, w->reg, &o));
  OK(kx_campaign_set_rubric_text(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "细则", kRubricText));
  for (i = 0; i < 3; ++i) {
    team[0].person = w->p[i];
    team[0].share = "1";
    e.code = codes[i];
    e.title = "余热回收改造";
    e.unit = i == 1 ? w->branch : w->steel;
    e.team = team;
    e.team_count = 1;
    e.in_use_since = "2024-03-01";
    e.annual_benefit_yuan = benefit[i];
    OK(kx_campaign_add_entry(&entry[i], c, &e));
  }
  for (k = 0; k < 3; ++k) OK(kx_campaign_add_judge(&judge[k], c, w->q[k]));
  for (i = 0; i < 3; ++i)
    for (k = 0; k < 3; ++k) {
      OK(kx_campaign_assign(c, judge[k], entry[i]));
      OK(kx_campaign_mark(c, judge[k], entry[i], "A.1", marks[i]));
      OK(kx_campaign_mark(c, judge[k], entry[i], "A.2", marks[(i + k) % 3]));
    }
  OK(kx_campaign_veto(c, judge[0], entry[2], "veto", "数据造假 falsified data"));
  return c;
}

static kx_book* build_book(const world* w) {
  kx_book* book = NULL;
  kx_actor* owner = NULL;
  kx_activity_plan p = KX_ACTIVITY_PLAN_INIT;
  uint32_t id = 0;
  OK(kx_book_new(&book, w->reg));
  OK(kx_actor_new(&owner, w->p[0]));
  p.type = KX_ACTIVITY_JIANGBI_CAMPAIGN;
  p.title = "2025 节能降耗讲比";
  p.organizer = w->steel;
  p.owner = w->branch;
  p.responsible = w->p[0];
  p.team = &w->p[1];
  p.team_count = 1;
  p.planned_first = "2025-03-01";
  p.planned_last = "2025-11-30";
  OK(kx_activity_create(&id, book, owner, "2025-03-01T09:00:00+08:00", &p, "annual plan"));
  OK(kx_activity_apply(book, id, KX_OP_SUBMIT, owner, "2025-03-02T09:00:00+08:00", "ready"));
  /* A refusal is recorded in the trail too, so the snapshot must carry it. */
  CHECK(kx_activity_apply(book, id, KX_OP_START, owner, "2025-03-03T09:00:00+08:00", "early") ==
        KX_ETRANSITION);
  kx_actor_free(owner);
  return book;
}

static void collect(facts* f, const kx_registry* reg, uint32_t province, const kx_book* book,
                    const kx_campaign* c) {
  kx_scoreboard* board = NULL;
  const char* digest = NULL;
  char* head = NULL;
  memset(f, 0, sizeof *f);
  OK(kx_registry_rollup(&f->rollup, reg, province, "2025-06-30"));
  OK(kx_book_size(&f->activities, book));
  OK(kx_book_chain_head(&head, book));
  if (head != NULL && strlen(head) < sizeof f->head) strcpy(f->head, head);
  kx_string_free(head);
  OK(kx_campaign_count(&f->counts, c));
  OK(kx_campaign_score(&board, c));
  OK(kx_scoreboard_digest(&digest, board));
  if (digest != NULL && strlen(digest) == 64) strcpy(f->digest, digest);
  kx_scoreboard_free(board);
}

static int same(const facts* a, const facts* b) {
  return a->rollup.members == b->rollup.members && a->rollup.young == b->rollup.young &&
         a->activities == b->activities && STREQ(a->head, b->head) &&
         a->counts.entries == b->counts.entries && a->counts.judges == b->counts.judges &&
         a->digest[0] != '\0' && STREQ(a->digest, b->digest);
}

/* The loaded snapshot holds what was saved, through borrowed handles. */
static void check_loaded(kx_snapshot* snap, const world* w, const facts* original) {
  kx_registry* reg = NULL;
  kx_book* book = NULL;
  kx_campaign* c = NULL;
  size_t n = 99;
  facts loaded;
  kx_audit_verification v;
  char* name = NULL;
  uint32_t found = 0;

  OK(kx_snapshot_book_count(&n, snap));
  CHECK(n == 1);
  OK(kx_snapshot_campaign_count(&n, snap));
  CHECK(n == 1);
  OK(kx_snapshot_registry(&reg, snap));
  OK(kx_snapshot_book(&book, snap, 0));
  OK(kx_snapshot_campaign(&c, snap, 0));
  CHECK(reg != NULL && book != NULL && c != NULL);
  if (reg == NULL || book == NULL || c == NULL) return;
  collect(&loaded, reg, w->province, book, c);
  CHECK(same(&loaded, original));
  OK(kx_registry_person_name(&name, reg, w->p[0]));
  CHECK(name != NULL && STREQ(name, "王工"));
  kx_string_free(name);
  OK(kx_registry_find_person(&found, reg, w->other, "E-2"));
  CHECK(found == w->q[1]);
  OK(kx_book_verify_audit(&v, book, original->head));
  CHECK(v.fault == KX_AUDIT_OK);
}

int main(void) {
  world w, elsewhere;
  kx_book *book = NULL, *foreign_book = NULL, *borrowed_book = NULL, *again_book = NULL;
  kx_campaign *c = NULL, *borrowed_c = NULL;
  kx_registry *borrowed_reg = NULL, *again_reg = NULL;
  kx_snapshot *snap = NULL, *from_buffer = NULL, *again = NULL;
  kx_snapshot* untouched = NULL;
  kx_snapshot_save_options o = KX_SNAPSHOT_SAVE_OPTIONS_INIT;
  kx_buffer buf = {NULL, 0}, resaved = {NULL, 0}, spare = {NULL, 0};
  const kx_book* books[1];
  const kx_book* null_books[1] = {NULL};
  const kx_campaign* campaigns[1];
  facts original, after;
  char dir[] = "/tmp/kx_snapshot_test_XXXXXX";
  char path[64], missing[64];
  struct stat st;
  kx_person_spec p = KX_PERSON_SPEC_INIT;
  kx_rollup r;
  uint32_t newcomer = 0, m = 0;
  size_t n = 0;

  world_build(&w);
  book = build_book(&w);
  c = build_campaign(&w);
  books[0] = book;
  campaigns[0] = c;
  collect(&original, w.reg, w.province, book, c);
  CHECK(original.activities == 1 && original.counts.entries == 3 && original.digest[0] != '\0');

  if (mkdtemp(dir) == NULL) {
    perror("mkdtemp");
    return 1;
  }
  sprintf(path, "%s/kexie.snap", dir);
  sprintf(missing, "%s/no-such.snap", dir);

  /* Saving: to a file with explicit permission bits, and to a buffer. */
  o.mode = 0600;
  OK(kx_snapshot_save(path, w.reg, books, 1, campaigns, 1, &o));
  CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
  OK(kx_snapshot_save(path, w.reg, books, 1, campaigns, 1, NULL)); /* replaces it */
  CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0644);
  OK(kx_snapshot_save_buffer(&buf, w.reg, books, 1, campaigns, 1));
  CHECK(buf.data != NULL && buf.size > 64 && (long)buf.size == (long)st.st_size);

  /* Saving refusals. */
  FAILS(KX_EINVALID, kx_snapshot_save(NULL, w.reg, books, 1, campaigns, 1, NULL));
  FAILS(KX_EINVALID, kx_snapshot_save("", w.reg, books, 1, campaigns, 1, NULL));
  FAILS(KX_EINVALID, kx_snapshot_save(path, NULL, books, 1, campaigns, 1, NULL));
  FAILS(KX_EINVALID, kx_snapshot_save(path, w.reg, NULL, 1, campaigns, 1, NULL));
  FAILS(KX_EINVALID, kx_snapshot_save(path, w.reg, null_books, 1, NULL, 0, NULL));
  FAILS(KX_EINVALID, kx_snapshot_save(path, w.reg, books, 1, NULL, 1, NULL));
  o.version = 0;
  FAILS(KX_EINVALID, kx_snapshot_save(path, w.reg, NULL, 0, NULL, 0, &o));
  o.version = KX_SNAPSHOT_SAVE_OPTIONS_VERSION;
  o.mode = 010000;
  FAILS(KX_EINVALID, kx_snapshot_save(path, w.reg, NULL, 0, NULL, 0, &o));
  FAILS(KX_EIO, kx_snapshot_save("/nonexistent-kexie-dir/x.snap", w.reg, NULL, 0, NULL, 0, NULL));
  FAILS(KX_EINVALID, kx_snapshot_save_buffer(NULL, w.reg, NULL, 0, NULL, 0));
  FAILS(KX_EINVALID, kx_snapshot_save_buffer(&spare, NULL, NULL, 0, NULL, 0));
  CHECK(spare.data == NULL && spare.size == 0);
  /* A book bound to another registry cannot be saved with this one. */
  world_build(&elsewhere);
  OK(kx_book_new(&foreign_book, elsewhere.reg));
  books[0] = foreign_book;
  FAILS(KX_EINVALID, kx_snapshot_save_buffer(&spare, w.reg, books, 1, NULL, 0));
  books[0] = book;
  kx_book_free(foreign_book);
  kx_registry_free(elsewhere.reg);
  /* The failed saves left the file as it was. */
  CHECK(stat(path, &st) == 0 && (long)st.st_size == (long)buf.size);

  /* Loading from the file and from the buffer. */
  OK(kx_snapshot_load(&snap, path));
  if (snap != NULL) check_loaded(snap, &w, &original);
  OK(kx_snapshot_load_buffer(&from_buffer, buf.data, buf.size));
  if (from_buffer != NULL) check_loaded(from_buffer, &w, &original);

  /* Loading refusals leave *out untouched and say what is wrong. */
  untouched = snap;
  FAILS(KX_ECORRUPT, kx_snapshot_load_buffer(&untouched, buf.data, buf.size - 7));
  FAILS(KX_ECORRUPT, kx_snapshot_load_buffer(&untouched, buf.data, 10));
  FAILS(KX_ECORRUPT, kx_snapshot_load_buffer(&untouched, NULL, 0));
  ((unsigned char*)buf.data)[buf.size / 2] ^= 0x20;
  FAILS(KX_ECORRUPT, kx_snapshot_load_buffer(&untouched, buf.data, buf.size));
  ((unsigned char*)buf.data)[buf.size / 2] ^= 0x20;
  FAILS(KX_EIO, kx_snapshot_load(&untouched, missing));
  FAILS(KX_EINVALID, kx_snapshot_load(&untouched, NULL));
  FAILS(KX_EINVALID, kx_snapshot_load(NULL, path));
  FAILS(KX_EINVALID, kx_snapshot_load_buffer(&untouched, NULL, 5));
  FAILS(KX_EINVALID, kx_snapshot_load_buffer(NULL, buf.data, buf.size));
  CHECK(untouched == snap);

  /* Accessor refusals. */
  FAILS(KX_EINVALID, kx_snapshot_registry(NULL, snap));
  FAILS(KX_EINVALID, kx_snapshot_registry(&borrowed_reg, NULL));
  FAILS(KX_EINVALID, kx_snapshot_book_count(&n, NULL));
  FAILS(KX_EINVALID, kx_snapshot_campaign_count(NULL, snap));
  FAILS(KX_EINVALID, kx_snapshot_book(&borrowed_book, snap, 1));
  FAILS(KX_EINVALID, kx_snapshot_campaign(&borrowed_c, snap, 1));
  FAILS(KX_EINVALID, kx_snapshot_campaign(&borrowed_c, NULL, 0));

  /* Freeing a borrowed handle by mistake does nothing: the handles still work. */
  OK(kx_snapshot_registry(&borrowed_reg, snap));
  OK(kx_snapshot_book(&borrowed_book, snap, 0));
  OK(kx_snapshot_campaign(&borrowed_c, snap, 0));
  kx_registry_free(borrowed_reg);
  kx_book_free(borrowed_book);
  kx_campaign_free(borrowed_c);
  check_loaded(snap, &w, &original);

  /* A loaded registry is a registry like any other: it takes new people, new
   * books bind to it, and the whole snapshot saves again. */
  p.name = "新人";
  p.birth = "1999-09-09";
  p.employer = w.steel;
  p.external_key = "E-99";
  OK(kx_registry_add_person(&newcomer, borrowed_reg, &p));
  OK(kx_registry_add_membership(&m, borrowed_reg, newcomer, w.steel, KX_ROLE_MEMBER, "2024-01-01",
                                NULL));
  OK(kx_registry_rollup(&r, borrowed_reg, w.province, "2025-06-30"));
  CHECK(r.members == original.rollup.members + 1);
  OK(kx_book_new(&again_book, borrowed_reg));
  books[0] = borrowed_book;
  campaigns[0] = borrowed_c;
  OK(kx_snapshot_save_buffer(&resaved, borrowed_reg, books, 1, campaigns, 1));
  OK(kx_snapshot_load_buffer(&again, resaved.data, resaved.size));
  OK(kx_snapshot_registry(&again_reg, again));
  OK(kx_registry_rollup(&r, again_reg, w.province, "2025-06-30"));
  CHECK(r.members == original.rollup.members + 1);
  kx_book_free(again_book);
  kx_snapshot_free(again);
  kx_buffer_free(&resaved);
  CHECK(resaved.data == NULL && resaved.size == 0);

  /* Loading copied the bytes: the buffer may go before the snapshot. */
  kx_buffer_free(&buf);
  kx_buffer_free(&buf);
  kx_buffer_free(NULL);
  if (from_buffer != NULL) check_loaded(from_buffer, &w, &original);

  /* The original objects are untouched by all of this. */
  collect(&after, w.reg, w.province, book, c);
  CHECK(same(&after, &original));

  kx_snapshot_free(snap);
  kx_snapshot_free(from_buffer);
  kx_snapshot_free(NULL);
  kx_campaign_free(c);
  kx_book_free(book);
  kx_registry_free(w.reg);
  remove(path);
  rmdir(dir);
  if (kx_test_failures) fprintf(stderr, "%d check(s) failed\n", kx_test_failures);
  return kx_test_failures != 0;
}
