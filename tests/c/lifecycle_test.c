/* C API tests: actors, activities, every lifecycle transition, progress reports,
 * the audit trail and its verification, including the error paths. */
#include <stdlib.h>

#include "world.h"

/* Minute n after 2025-03-01T00:00Z, as ISO text. */
static const char *at(int n) {
  static char buf[32];
  sprintf(buf, "2025-03-%02dT%02d:%02d:00Z", 1 + n / 1440, (n / 60) % 24, n % 60);
  return buf;
}

typedef struct audit_count {
  int records;
  int refused;
  int security;
  int last_op;
} audit_count;

static int audit_cb(const kx_audit_record *r, void *payload) {
  audit_count *c = (audit_count *)payload;
  c->records += 1;
  c->refused += r->code != 0;
  c->security += r->security_event;
  c->last_op = r->operation;
  if (strlen(r->hash) != 64) return -99;
  if (r->code != 0 && r->rule[0] == '\0') return -98;
  return 0;
}

static int stop_after_first(const kx_audit_record *r, void *payload) {
  (void)r;
  (void)payload;
  return 7;
}

static kx_activity_plan plan_of(const world *w) {
  kx_activity_plan p = KX_ACTIVITY_PLAN_INIT;
  p.type = KX_ACTIVITY_JIANGBI_CAMPAIGN;
  p.title = "2025 节能降耗讲比";
  p.organizer = w->steel;
  p.owner = w->branch;
  p.responsible = w->p[0];
  p.team = &w->p[1];
  p.team_count = 1;
  p.planned_first = "2025-03-01";
  p.planned_last = "2025-11-30";
  return p;
}

static void expect_state(kx_book *book, uint32_t id, int state) {
  kx_activity_info a;
  OK(kx_activity_get(&a, book, id));
  CHECK(a.state == state);
}

int main(void) {
  world w;
  kx_book *book = NULL;
  kx_actor *owner = NULL, *boss = NULL, *nobody = NULL, *conflicted = NULL, *from_reg = NULL;
  kx_activity_plan plan;
  kx_activity_info info;
  kx_audit_verification v;
  audit_count c = {0, 0, 0, 0};
  uint32_t a1 = 0, a2 = 0, a3 = 0, a4 = 0;
  int clock = 0, grade = -1, state = -1;
  size_t n = 0;
  char *head = NULL, *old_head = NULL;
  uint32_t team[2];

  world_build(&w);
  OK(kx_book_new(&book, w.reg));
  FAILS(KX_EINVALID, kx_book_new(&book, NULL));
  FAILS(KX_EINVALID, kx_book_allow_asserted_roles(NULL, 1));
  /* The boss below asserts roles the registry does not back (issue 13 opt-in). */
  OK(kx_book_allow_asserted_roles(book, 1));
  kx_book_free(NULL);

  OK(kx_actor_new(&owner, w.p[0]));
  OK(kx_actor_new(&boss, 900));
  OK(kx_actor_add_role(boss, KX_ROLE_CHAIR, w.steel));
  OK(kx_actor_add_role(boss, KX_ROLE_VICE_CHAIR, w.steel));
  OK(kx_actor_add_role(boss, KX_ROLE_SECRETARY_GENERAL, w.steel));
  OK(kx_actor_add_role(boss, KX_ROLE_FULL_TIME_STAFF, w.steel));
  OK(kx_actor_add_expert_pool(boss, w.steel));
  FAILS(KX_EINVALID, kx_actor_add_role(boss, 77, w.steel));
  FAILS(KX_EINVALID, kx_actor_add_role(NULL, KX_ROLE_CHAIR, w.steel));
  FAILS(KX_EINVALID, kx_actor_add_expert_pool(NULL, w.steel));
  OK(kx_actor_new(&nobody, w.q[0]));
  OK(kx_actor_new(&conflicted, w.p[1])); /* on the team, with the chair's role */
  OK(kx_actor_add_role(conflicted, KX_ROLE_CHAIR, w.steel));
  OK(kx_actor_from_registry(&from_reg, w.reg, w.p[0], "2025-03-01"));
  FAILS(KX_ENOTFOUND, kx_actor_from_registry(&from_reg, w.reg, 999, "2025-03-01"));
  FAILS(KX_EINVALID, kx_actor_new(NULL, 1));
  kx_actor_free(NULL);

  plan = plan_of(&w);
  /* Create: errors first. */
  plan.title = "";
  FAILS(KX_EINVALID, kx_activity_create(&a1, book, owner, at(clock), &plan, "plan"));
  plan = plan_of(&w);
  plan.organizer = 999;
  FAILS(KX_ENOTFOUND, kx_activity_create(&a1, book, owner, at(clock), &plan, "plan"));
  plan = plan_of(&w);
  plan.details = 9;
  FAILS(KX_EINVALID, kx_activity_create(&a1, book, owner, at(clock), &plan, "plan"));
  plan = plan_of(&w);
  plan.version = 2;
  FAILS(KX_EINVALID, kx_activity_create(&a1, book, owner, at(clock), &plan, "plan"));
  plan = plan_of(&w);
  FAILS(KX_EINVALID, kx_activity_create(&a1, book, owner, "not a time", &plan, "plan"));
  team[0] = w.p[1];
  team[1] = w.p[1];
  plan.team = team;
  plan.team_count = 2;
  FAILS(KX_EINVALID, kx_activity_create(&a1, book, owner, at(clock), &plan, "plan"));
  plan = plan_of(&w);

  /* The whole happy path: every transition but withdraw, reject and terminate. */
  OK(kx_activity_create(&a1, book, from_reg, at(clock), &plan, "annual plan"));
  expect_state(book, a1, KX_STATE_DRAFT);
  FAILS_RULE(KX_ETRANSITION, "lifecycle.state",
             kx_activity_apply(book, a1, KX_OP_START, owner, at(++clock), "too early"));
  OK(kx_activity_apply(book, a1, KX_OP_SUBMIT, owner, at(++clock), "ready"));
  expect_state(book, a1, KX_STATE_SUBMITTED);
  FAILS_RULE(KX_EPERMISSION, "lifecycle.permission",
             kx_activity_apply(book, a1, KX_OP_APPROVE, nobody, at(++clock), "me"));
  FAILS_RULE(KX_ECONFLICT, "lifecycle.self_review",
             kx_activity_apply(book, a1, KX_OP_APPROVE, conflicted, at(++clock), "mine"));
  FAILS(KX_EINVALID, kx_activity_apply(book, a1, KX_OP_CONCLUDE, boss, at(++clock), "x"));
  FAILS(KX_EINVALID, kx_activity_apply(book, a1, 99, boss, at(++clock), "x"));
  OK(kx_book_chain_head(&old_head, book));
  OK(kx_activity_apply(book, a1, KX_OP_APPROVE, boss, at(++clock), "立项"));
  FAILS_RULE(KX_ERULE, "lifecycle.time_order",
             kx_activity_apply(book, a1, KX_OP_START, owner, at(0), "back in time"));
  OK(kx_activity_apply(book, a1, KX_OP_START, owner, at(++clock), "kick-off"));
  OK(kx_activity_report_progress(book, a1, owner, at(++clock), 40, "pilot line converted"));
  FAILS_RULE(KX_EINVALID, "lifecycle.progress_percent",
             kx_activity_report_progress(book, a1, owner, at(++clock), 140, "too much"));
  FAILS_RULE(KX_EINVALID, "lifecycle.reason_required",
             kx_activity_apply(book, a1, KX_OP_SUSPEND, owner, at(++clock), ""));
  OK(kx_activity_apply(book, a1, KX_OP_SUSPEND, owner, at(++clock), "plant shutdown"));
  expect_state(book, a1, KX_STATE_SUSPENDED);
  OK(kx_activity_apply(book, a1, KX_OP_RESUME, owner, at(++clock), "back online"));
  OK(kx_activity_apply(book, a1, KX_OP_COMPLETE, owner, at(++clock), "report filed"));
  OK(kx_activity_apply(book, a1, KX_OP_OPEN_EVALUATION, boss, at(++clock), "panel"));
  FAILS_RULE(KX_EINVALID, "lifecycle.score_range",
             kx_activity_conclude(&grade, book, a1, boss, at(++clock), "101", "panel"));
  FAILS(KX_EINVALID, kx_activity_conclude(&grade, book, a1, boss, at(++clock), "ninety", "panel"));
  OK(kx_activity_conclude(&grade, book, a1, boss, at(++clock), "92.50", "panel"));
  CHECK(grade == KX_GRADE_EXCELLENT);
  OK(kx_activity_get(&info, book, a1));
  CHECK(info.state == KX_STATE_EVALUATED && info.has_grade && info.grade == KX_GRADE_EXCELLENT);
  CHECK(STREQ(info.score.text, "92.50") && info.organizer == w.steel && info.owner == w.branch);
  CHECK(info.responsible == w.p[0] && info.type == KX_ACTIVITY_JIANGBI_CAMPAIGN);
  CHECK(info.created == 0 + 1740787200LL * 1000000 && info.last_event > info.created);
  OK(kx_activity_apply(book, a1, KX_OP_COMMEND, boss, at(++clock), "先进集体"));
  OK(kx_activity_apply(book, a1, KX_OP_ARCHIVE, boss, at(++clock), "year closed"));
  expect_state(book, a1, KX_STATE_ARCHIVED);
  OK(kx_activity_state_at(&state, book, a1, at(2)));
  CHECK(state == KX_STATE_SUBMITTED);
  FAILS(KX_ENOTFOUND, kx_activity_state_at(&state, book, 999, at(2)));

  /* withdraw, reject, terminate. */
  OK(kx_activity_create(&a2, book, owner, at(++clock), &plan, "plan"));
  OK(kx_activity_apply(book, a2, KX_OP_WITHDRAW, owner, at(++clock), "merged"));
  expect_state(book, a2, KX_STATE_WITHDRAWN);
  OK(kx_activity_create(&a3, book, owner, at(++clock), &plan, "plan"));
  OK(kx_activity_apply(book, a3, KX_OP_SUBMIT, owner, at(++clock), "ready"));
  OK(kx_activity_apply(book, a3, KX_OP_REJECT, boss, at(++clock), "duplicate"));
  expect_state(book, a3, KX_STATE_REJECTED);
  OK(kx_activity_create(&a4, book, owner, at(++clock), &plan, "plan"));
  OK(kx_activity_apply(book, a4, KX_OP_SUBMIT, owner, at(++clock), "ready"));
  OK(kx_activity_apply(book, a4, KX_OP_APPROVE, boss, at(++clock), "ok"));
  OK(kx_activity_apply(book, a4, KX_OP_START, owner, at(++clock), "go"));
  OK(kx_activity_apply(book, a4, KX_OP_TERMINATE, boss, at(++clock), "funding withdrawn"));
  expect_state(book, a4, KX_STATE_TERMINATED);
  FAILS(KX_ENOTFOUND, kx_activity_apply(book, 999, KX_OP_SUBMIT, owner, at(++clock), "x"));
  FAILS(KX_ENOTFOUND, kx_activity_get(&info, book, 999));
  FAILS(KX_EINVALID, kx_activity_apply(book, a4, KX_OP_SUBMIT, NULL, at(++clock), "x"));
  OK(kx_book_size(&n, book));
  CHECK(n == 4);

  /* The audit trail has every attempt, performed or refused. */
  OK(kx_book_audit_foreach(book, audit_cb, &c));
  CHECK(c.records >= 29 && c.refused >= 7 && c.security == 2);
  CHECK(kx_book_audit_foreach(book, stop_after_first, NULL) == 7);
  OK(kx_book_verify_audit(&v, book, NULL));
  CHECK(v.fault == KX_AUDIT_OK);
  OK(kx_book_chain_head(&head, book));
  OK(kx_book_verify_audit(&v, book, head));
  CHECK(v.fault == KX_AUDIT_OK);
  OK(kx_book_verify_audit(&v, book, old_head)); /* a stale head: the trail has grown */
  CHECK(v.fault == KX_AUDIT_HEAD_MISMATCH);
  FAILS(KX_EINVALID, kx_book_verify_audit(&v, book, "garbage"));
  FAILS(KX_EINVALID, kx_book_audit_foreach(book, NULL, NULL));
  kx_string_free(head);
  kx_string_free(old_head);

  kx_actor_free(owner);
  kx_actor_free(boss);
  kx_actor_free(nobody);
  kx_actor_free(conflicted);
  kx_actor_free(from_reg);
  kx_book_free(book);
  kx_registry_free(w.reg);
  if (kx_test_failures) fprintf(stderr, "%d check(s) failed\n", kx_test_failures);
  return kx_test_failures != 0;
}
