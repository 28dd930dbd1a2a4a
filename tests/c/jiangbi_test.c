/* Issue 13 through the C API, bound end to end (tests/unit/jiangbi_test.cpp's
 * FromPlanToHonours): a province's 讲比 activity from plan to 立项 and 实施, its
 * campaign opened bound, entries (one refused out of scope), 评估 with judges from
 * the expert pool (one refused as no expert, one for a conflict), conclude,
 * commend, then the honours from the registry and the audit trail with both
 * digests. Every actor is derived from the registry: no role is asserted. */
#include "kx_test.h"

static uint32_t org(kx_registry* reg, int kind, const char* name, uint32_t parent, int level) {
  kx_org_spec s = KX_ORG_SPEC_INIT;
  uint32_t id = 0;
  s.kind = kind;
  s.name = name;
  s.parent = parent;
  s.effective = "2000-01-01";
  s.level = level;
  if (kind == KX_ORG_ENTERPRISE) s.enterprise_name = name;
  OK(kx_registry_add_org(&id, reg, &s));
  return id;
}

static uint32_t person(kx_registry* reg, const char* name, uint32_t employer) {
  kx_person_spec s = KX_PERSON_SPEC_INIT;
  uint32_t id = 0;
  s.name = name;
  s.birth = "1985-01-01";
  s.employer = employer;
  OK(kx_registry_add_person(&id, reg, &s));
  return id;
}

/* The actor the registry makes of `who` on `on`; the registry backs it. */
static kx_actor* actor(const kx_registry* reg, uint32_t who, const char* on) {
  kx_actor* a = NULL;
  OK(kx_actor_from_registry(&a, reg, who, on));
  OK(kx_actor_backed(reg, a, on));
  return a;
}

static uint32_t add_entry(kx_campaign* c, const char* code, uint32_t unit, uint32_t who,
                          const char* submitted) {
  kx_team_share team[1];
  kx_entry_spec e = KX_ENTRY_SPEC_INIT;
  uint32_t id = 0;
  team[0].person = who;
  team[0].share = "1";
  e.code = code;
  e.title = code;
  e.unit = unit;
  e.team = team;
  e.team_count = 1;
  e.in_use_since = "2024-01-01";
  return kx_campaign_add_entry_on(&id, c, &e, submitted) == 0 ? id : 0;
}

typedef struct honours_seen {
  uint32_t grantor, activity;
  int count, first_prize, wrong;
} honours_seen;

static int honour_cb(const kx_honour_info* h, void* payload) {
  honours_seen* s = (honours_seen*)payload;
  ++s->count;
  if (h->grantor != s->grantor || h->activity != s->activity) ++s->wrong;
  if (h->kind == KX_HONOUR_AWARDED_ENTRY && STREQ(h->title, "一等奖")) ++s->first_prize;
  return 0;
}

typedef struct digests_seen {
  const char *board, *awards;
  int saw_board, saw_awards;
} digests_seen;

static int audit_cb(const kx_audit_record* r, void* payload) {
  digests_seen* s = (digests_seen*)payload;
  if (r->code != 0) return 0;
  if (r->operation == KX_OP_CONCLUDE && strstr(r->reason, s->board) != NULL) s->saw_board = 1;
  if (r->operation == KX_OP_COMMEND && strstr(r->reason, s->awards) != NULL) s->saw_awards = 1;
  return 0;
}

int main(void) {
  static const kx_indicator rubric[] = {{"A.1", "创新性", NULL, KX_INDICATOR_JUDGED, "1", "0",
                                         "100", "1", 0, NULL, NULL, NULL, NULL, NULL}};
  static const char* rp[] = {"rationalization_proposals"};
  static const char* es[] = {"energy saving"};
  kx_registry* reg = NULL;
  kx_book* book = NULL;
  kx_campaign* c = NULL;
  kx_actor *wu_a, *chair_a, *secretary_a, *chair_late;
  kx_award_tier tiers[2];
  kx_campaign_options o = KX_CAMPAIGN_OPTIONS_INIT;
  kx_activity_plan plan = KX_ACTIVITY_PLAN_INIT;
  kx_activity_info info;
  kx_audit_verification v;
  honours_seen seen;
  digests_seen digests;
  const char *board = NULL, *awards = NULL;
  uint32_t cast, zj, hz, nb, js, ent_hz, ent_nb, ent_js, zj_office;
  uint32_t chair, secretary, wu, hz_worker, nb_worker, js_worker;
  uint32_t expert1, expert2, expert3, expert_hz, outsider;
  uint32_t id = 0, x = 0, a = 0, e_hz, e_nb, j1 = 0, j2 = 0, jhz = 0, jx = 0;
  int phase = -1;

  /* The registry: CAST, 浙江 with two cities and an enterprise association in
   * each, 江苏 with one; 浙江's officers appointed; its expert pool. */
  OK(kx_registry_new(&reg, NULL));
  cast = org(reg, KX_ORG_NATIONAL, "中国科协", 0, KX_LEVEL_NONE);
  zj = org(reg, KX_ORG_LOCAL, "浙江省科协", cast, KX_LEVEL_PROVINCIAL);
  hz = org(reg, KX_ORG_LOCAL, "杭州市科协", zj, KX_LEVEL_PREFECTURE);
  nb = org(reg, KX_ORG_LOCAL, "宁波市科协", zj, KX_LEVEL_PREFECTURE);
  js = org(reg, KX_ORG_LOCAL, "江苏省科协", cast, KX_LEVEL_PROVINCIAL);
  ent_hz = org(reg, KX_ORG_ENTERPRISE, "杭钢科协", hz, KX_LEVEL_NONE);
  ent_nb = org(reg, KX_ORG_ENTERPRISE, "宁钢科协", nb, KX_LEVEL_NONE);
  ent_js = org(reg, KX_ORG_ENTERPRISE, "苏钢科协", js, KX_LEVEL_NONE);
  zj_office = org(reg, KX_ORG_PROXY, "浙江省科协机关", zj, KX_LEVEL_NONE);
  chair = person(reg, "周主席", zj_office);
  secretary = person(reg, "钱秘书长", zj_office);
  wu = person(reg, "吴处长", zj_office);
  hz_worker = person(reg, "杭工", ent_hz);
  nb_worker = person(reg, "甬工", ent_nb);
  js_worker = person(reg, "苏工", ent_js);
  expert1 = person(reg, "专家一", zj_office);
  expert2 = person(reg, "专家二", zj_office);
  expert3 = person(reg, "专家三", ent_js);
  expert_hz = person(reg, "杭钢专家", ent_hz);
  outsider = person(reg, "非专家", zj_office);
  OK(kx_registry_appoint(&a, reg, chair, zj, KX_OFFICER_CHAIR, "2020-01-01", NULL));
  OK(kx_registry_appoint(&a, reg, secretary, zj, KX_OFFICER_SECRETARY_GENERAL, "2020-01-01", NULL));
  /* An enterprise association appoints no officers: its people are members. */
  FAILS_RULE(KX_ERULE, "appointment.org_kind",
             kx_registry_appoint(&a, reg, hz_worker, ent_hz, KX_OFFICER_CHAIR, "2020-01-01", NULL));
  OK(kx_registry_add_expert(&x, reg, expert1, zj, rp, 1, "2020-01-01", NULL));
  CHECK(x == 1);
  OK(kx_registry_add_expert(&x, reg, expert2, zj, es, 1, "2020-01-01", NULL));
  OK(kx_registry_add_expert(&x, reg, expert3, cast, rp, 1, "2020-01-01", NULL)); /* above */
  OK(kx_registry_add_expert(&x, reg, expert_hz, zj, rp, 1, "2020-01-01", NULL));
  FAILS_RULE(KX_EEXISTS, "expert.unique",
             kx_registry_add_expert(&x, reg, expert1, zj, rp, 1, "2024-01-01", NULL));
  FAILS(KX_EINVALID, kx_registry_add_expert(&x, reg, expert1, hz, NULL, 1, "2024-01-01", NULL));

  wu_a = actor(reg, wu, "2025-06-01");
  chair_a = actor(reg, chair, "2025-06-01");
  secretary_a = actor(reg, secretary, "2025-11-30");
  chair_late = actor(reg, chair, "2025-12-20");

  /* The 讲比 activity: plan, 立项, 实施. */
  OK(kx_book_new(&book, reg));
  plan.type = KX_ACTIVITY_JIANGBI_CAMPAIGN;
  plan.title = "2025 浙江省讲比活动";
  plan.organizer = zj;
  plan.owner = zj;
  plan.responsible = wu;
  plan.planned_first = "2025-03-01";
  plan.planned_last = "2025-12-31";
  OK(kx_activity_create(&id, book, wu_a, "2025-03-01T09:00:00+08:00", &plan, "annual plan"));
  OK(kx_activity_apply(book, id, KX_OP_SUBMIT, wu_a, "2025-03-02T09:00:00+08:00", "ready"));
  OK(kx_activity_apply(book, id, KX_OP_APPROVE, chair_a, "2025-03-05T09:00:00+08:00", "立项"));
  OK(kx_activity_apply(book, id, KX_OP_START, wu_a, "2025-03-10T09:00:00+08:00", "实施"));

  /* The campaign, opened bound: its organizer is the activity's. */
  tiers[0].name = "一等奖";
  tiers[0].by_count = 1;
  tiers[0].share = NULL;
  tiers[0].count = 1;
  tiers[0].rounding = KX_ROUND_FLOOR;
  tiers[0].min_score = NULL;
  tiers[1] = tiers[0];
  tiers[1].name = "二等奖";
  o.name = "2025 浙江省讲比活动";
  o.as_of = "2025-11-30";
  o.year = 2025;
  o.min_judges = 2;
  o.tiers = tiers;
  o.tier_count = 2;
  o.unit_min_awarded = 1;
  o.entry_deadline = "2025-09-30";
  OK(kx_campaign_open(&c, reg, book, id, &o));
  if (c == NULL) return 1;
  OK(kx_campaign_phase(&phase, c));
  CHECK(phase == KX_PHASE_ENTRIES);
  OK(kx_campaign_set_rubric(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "合理化建议", rubric, 1));

  /* 实施: entries from two cities; 江苏's is outside the organizer's subtree. */
  e_hz = add_entry(c, "HZ-1", ent_hz, hz_worker, "2025-05-01");
  e_nb = add_entry(c, "NB-1", ent_nb, nb_worker, "2025-06-01");
  CHECK(e_hz != 0 && e_nb != 0);
  CHECK(add_entry(c, "JS-1", ent_js, js_worker, "2025-06-01") == 0);
  CHECK(kx_error_last()->code == KX_ERULE && STREQ(kx_error_last()->rule, "entry.scope"));
  /* Judges are seated only in 评估. */
  FAILS_RULE(KX_ERULE, "campaign.panel_phase", kx_campaign_add_judge(&jx, c, expert1));

  /* 评估: judges from the expert pool. */
  OK(kx_activity_apply(book, id, KX_OP_COMPLETE, wu_a, "2025-10-01T09:00:00+08:00",
                       "entries closed"));
  OK(kx_activity_apply(book, id, KX_OP_OPEN_EVALUATION, chair_a, "2025-11-01T09:00:00+08:00",
                       "评估"));
  OK(kx_campaign_phase(&phase, c));
  CHECK(phase == KX_PHASE_EVALUATION);
  CHECK(add_entry(c, "HZ-2", ent_hz, hz_worker, "2025-09-01") == 0);
  CHECK(STREQ(kx_error_last()->rule, "campaign.entry_phase"));
  OK(kx_campaign_add_judge(&j1, c, expert1));
  OK(kx_campaign_add_judge(&j2, c, expert3));
  OK(kx_campaign_add_judge(&jhz, c, expert_hz));
  FAILS_RULE(KX_ERULE, "panel.expert", kx_campaign_add_judge(&jx, c, outsider));
  FAILS_RULE(KX_ECONFLICT, "panel.conflict", kx_campaign_assign(c, jhz, e_hz));
  OK(kx_campaign_assign(c, j1, e_hz));
  OK(kx_campaign_assign(c, j1, e_nb));
  OK(kx_campaign_assign(c, j2, e_hz));
  OK(kx_campaign_assign(c, j2, e_nb));
  OK(kx_campaign_assign(c, jhz, e_nb));
  OK(kx_campaign_mark(c, j1, e_hz, "A.1", "92"));
  OK(kx_campaign_mark(c, j2, e_hz, "A.1", "90"));
  OK(kx_campaign_mark(c, j1, e_nb, "A.1", "80"));
  OK(kx_campaign_mark(c, j2, e_nb, "A.1", "82"));
  OK(kx_campaign_mark(c, jhz, e_nb, "A.1", "81"));

  /* Commend before conclude; then conclude and commend. */
  FAILS_RULE(KX_ERULE, "campaign.not_concluded",
             kx_campaign_commend(c, reg, book, chair_late, "2025-12-20T09:00:00+08:00"));
  OK(kx_campaign_conclude(c, book, secretary_a, "2025-11-30T09:00:00+08:00", "95"));
  OK(kx_campaign_phase(&phase, c));
  CHECK(phase == KX_PHASE_CONCLUDED);
  FAILS_RULE(KX_ERULE, "campaign.frozen", kx_campaign_mark(c, j1, e_nb, "A.1", "85"));
  OK(kx_campaign_commend(c, reg, book, chair_late, "2025-12-20T09:00:00+08:00"));
  OK(kx_campaign_phase(&phase, c));
  CHECK(phase == KX_PHASE_COMMENDED);
  OK(kx_activity_get(&info, book, id));
  CHECK(info.state == KX_STATE_COMMENDED);
  OK(kx_campaign_digests(&board, &awards, c));
  CHECK(board != NULL && strlen(board) == 64 && awards != NULL && strlen(awards) == 64);

  /* The honours, from the registry: the first prize to 杭钢科协, granted by the
   * organizer under the activity; 宁钢科协 and 杭工 (先进个人) honoured too. */
  memset(&seen, 0, sizeof seen);
  seen.grantor = zj;
  seen.activity = id;
  OK(kx_registry_honours_foreach(reg, 0, ent_hz, honour_cb, &seen));
  CHECK(seen.count > 0 && seen.first_prize == 1 && seen.wrong == 0);
  memset(&seen, 0, sizeof seen);
  seen.grantor = zj;
  seen.activity = id;
  OK(kx_registry_honours_foreach(reg, 0, ent_nb, honour_cb, &seen));
  CHECK(seen.count > 0 && seen.first_prize == 0 && seen.wrong == 0);
  memset(&seen, 0, sizeof seen);
  seen.grantor = zj;
  seen.activity = id;
  OK(kx_registry_honours_foreach(reg, hz_worker, 0, honour_cb, &seen));
  CHECK(seen.count > 0 && seen.wrong == 0);
  memset(&seen, 0, sizeof seen);
  seen.grantor = zj;
  seen.activity = id;
  OK(kx_registry_honours_foreach(reg, 0, ent_js, honour_cb, &seen));
  CHECK(seen.count == 0);
  memset(&seen, 0, sizeof seen);
  seen.grantor = zj;
  seen.activity = id;
  OK(kx_registry_honours_granted_foreach(reg, zj, "2025-01-01", "2025-12-31", honour_cb, &seen));
  CHECK(seen.count >= 3 && seen.first_prize == 1 && seen.wrong == 0);

  /* The audit trail verifies and carries both digests. */
  OK(kx_book_verify_audit(&v, book, NULL));
  CHECK(v.fault == KX_AUDIT_OK);
  digests.board = board;
  digests.awards = awards;
  digests.saw_board = digests.saw_awards = 0;
  OK(kx_book_audit_foreach(book, audit_cb, &digests));
  CHECK(digests.saw_board && digests.saw_awards);

  kx_campaign_free(c);
  kx_actor_free(wu_a);
  kx_actor_free(chair_a);
  kx_actor_free(secretary_a);
  kx_actor_free(chair_late);
  kx_book_free(book);
  kx_registry_free(reg);
  if (kx_test_failures) fprintf(stderr, "%d check(s) failed\n", kx_test_failures);
  return kx_test_failures != 0;
}
