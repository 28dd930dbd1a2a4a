/* C API tests of guidance (issue 19): credit codes, enterprises, employment and
 * support, the founding lifecycle and its trail, coverage, secretary-general
 * training; every refusal names its rule, and NULL arguments are refused. */
#include "world.h"

typedef struct groups {
  int count;
  size_t zone_high_tech;
  int stop_after;
} groups;

static int group_cb(int dimension, const char* value, const kx_coverage_counts* c, void* payload) {
  groups* g = (groups*)payload;
  g->count += 1;
  if (dimension == KX_COVERAGE_ZONE && STREQ(value, "high_tech_zone"))
    g->zone_high_tech = c->enterprises;
  return g->stop_after != 0 && g->count >= g->stop_after ? 5 : 0;
}

typedef struct gaps {
  int count;
  int last_gap;
  uint32_t last_association;
} gaps;

static int gap_cb(uint32_t association, uint32_t sg, int gap, void* payload) {
  gaps* g = (gaps*)payload;
  (void)sg;
  g->count += 1;
  g->last_gap = gap;
  g->last_association = association;
  return 0;
}

typedef struct ranking {
  int count;
  uint32_t first;
  char first_total[48];
} ranking;

static int result_cb(uint32_t association, size_t rank, const char* total, void* payload) {
  ranking* r = (ranking*)payload;
  r->count += 1;
  if (rank == 1) {
    r->first = association;
    strncpy(r->first_total, total, sizeof r->first_total - 1);
  }
  return 0;
}

/* The yearly evaluation: a judged and an objective indicator, a panel from outside
 * the city, refusals, the ranking and the exemplary honour. */
static void evaluation_part(world* w, uint32_t chair, uint32_t founded) {
  kx_evaluation* ev = NULL;
  kx_book* book = NULL;
  ranking r;
  size_t named = 0;
  uint32_t outside, judge1, judge2;
  const char* rubric =
      "A|工作成效||judged|0.6|0|100|1\nB|秘书长培训||objective|0.4||||annual_benefit_yuan||0|100|"
      "100\n";
  kx_figure_binding bind = {"B", "secretary_general_trained", NULL};
  kx_figure_binding bad = {"B", "no_such_figure", NULL};
  kx_figure_binding typed = {"B", "secretary_general_trained", "academic_exchange"};
  kx_person_spec p = KX_PERSON_SPEC_INIT;
  memset(&r, 0, sizeof r);
  outside =
      world_org(w->reg, KX_ORG_ENTERPRISE, "省属科协", w->province, "2000-01-01", KX_LEVEL_NONE);
  p.birth = "1970-01-01";
  p.employer = outside;
  p.name = "专家甲";
  p.external_key = "J-1";
  OK(kx_registry_add_person(&judge1, w->reg, &p));
  p.name = "专家乙";
  p.external_key = "J-2";
  OK(kx_registry_add_person(&judge2, w->reg, &p));
  OK(kx_book_new(&book, w->reg));
  FAILS(KX_EINVALID, kx_evaluation_new(&ev, w->reg, w->city, 2025, "考核", rubric, &bad, 1));
  FAILS_RULE(KX_EINVALID, "evaluation.spec",
             kx_evaluation_new(&ev, w->reg, w->city, 2025, "考核", rubric, &typed, 1));
  FAILS_RULE(KX_EINVALID, "evaluation.spec",
             kx_evaluation_new(&ev, w->reg, w->city, 2025, "考核", rubric, NULL, 0));
  FAILS_RULE(KX_ERULE, "evaluation.guide",
             kx_evaluation_new(&ev, w->reg, w->steel, 2025, "考核", rubric, &bind, 1));
  FAILS(KX_EINVALID, kx_evaluation_new(&ev, w->reg, w->city, 2025, "考核", NULL, &bind, 1));
  FAILS(KX_EINVALID, kx_evaluation_new(&ev, w->reg, w->city, 2025, "考核", rubric, NULL, 1));
  OK(kx_evaluation_new(&ev, w->reg, w->city, 2025, "考核", rubric, &bind, 1));
  OK(kx_evaluation_add_judge(ev, w->reg, judge1));
  OK(kx_evaluation_add_judge(ev, w->reg, judge2));
  OK(kx_evaluation_add_judge(ev, w->reg, w->q[0]));
  FAILS_RULE(KX_EEXISTS, "evaluation.judge", kx_evaluation_add_judge(ev, w->reg, judge2));
  FAILS_RULE(KX_ERULE, "evaluation.incomplete",
             kx_evaluation_score_foreach(ev, w->reg, book, result_cb, &r));
  FAILS_RULE(KX_ERULE, "evaluation.conflict",
             kx_evaluation_mark(ev, w->reg, w->q[0], w->other, "A", "90"));
  FAILS(KX_EINVALID, kx_evaluation_mark(ev, w->reg, judge1, w->other, "A", "90.5"));
  FAILS(KX_EINVALID, kx_evaluation_mark(ev, w->reg, judge1, w->other, "A", NULL));
  /* The steelworks' secretary-general (trained 2024-01-01, current under a 36-month
   * rule) scores 100 on B. */
  OK(kx_evaluation_mark(ev, w->reg, judge1, w->steel, "A", "80"));
  OK(kx_evaluation_mark(ev, w->reg, judge2, w->steel, "A", "70"));
  OK(kx_evaluation_mark(ev, w->reg, judge1, w->other, "A", "90"));
  FAILS_RULE(KX_ERULE, "evaluation.incomplete",
             kx_evaluation_score_foreach(ev, w->reg, book, result_cb, &r));
  OK(kx_evaluation_mark(ev, w->reg, judge1, founded, "A", "60"));
  OK(kx_evaluation_score_foreach(ev, w->reg, book, result_cb, &r));
  /* steel: 0.6 × 75 + 0.4 × 100 = 85; other: 0.6 × 90 = 54; founded: 0.6 × 60 = 36 */
  CHECK(r.count == 3 && r.first == w->steel);
  CHECK(STREQ(r.first_total, "85.0000000") || STREQ(r.first_total, "85"));
  FAILS_RULE(
      KX_ERULE, "evaluation.permission",
      kx_evaluation_name_exemplary(ev, w->reg, book, 1, "80", judge1, "2025 年度考核评价", &named));
  OK(kx_evaluation_name_exemplary(ev, w->reg, book, 2, "80", chair, "2025 年度考核评价", &named));
  CHECK(named == 1);
  {
    /* The result as a kexie.evaluation/1 document. */
    char* doc = NULL;
    OK(kx_evaluation_to_document(&doc, ev, w->reg, book));
    CHECK(doc != NULL && strstr(doc, "\"format\": \"kexie.evaluation/1\"") != NULL);
    CHECK(strstr(doc, "\"exemplary\": true") != NULL);
    CHECK(strstr(doc, "\"figure\": \"secretary_general_trained\"") != NULL);
    kx_string_free(doc);
    FAILS(KX_EINVALID, kx_evaluation_to_document(NULL, ev, w->reg, book));
    FAILS(KX_EINVALID, kx_evaluation_to_document(&doc, NULL, w->reg, book));
    FAILS(KX_EINVALID, kx_evaluation_to_document(&doc, ev, NULL, book));
    FAILS(KX_EINVALID, kx_evaluation_to_document(&doc, ev, w->reg, NULL));
  }
  kx_evaluation_free(ev);
  kx_evaluation_free(NULL);
  kx_book_free(book);
}

int main(void) {
  world w;
  kx_enterprise_spec s = KX_ENTERPRISE_SPEC_INIT;
  kx_coverage_counts total;
  kx_audit_verification v;
  groups g = {0, 0, 0};
  gaps gp = {0, -1, 0};
  uint32_t turbine = 0, robot = 0, chair = 0, appointment = 0, f = 0, f2 = 0, kx = 0, tied = 0;
  uint32_t steel_ent = 0;
  int state = -1;
  world_build(&w);

  /* credit codes */
  OK(kx_credit_code_check("91350100M000100Y43"));
  FAILS_RULE(KX_EINVALID, "enterprise.credit_code", kx_credit_code_check("91350100M000100Y44"));
  FAILS_RULE(KX_EINVALID, "enterprise.credit_code", kx_credit_code_check("9135"));
  FAILS(KX_EINVALID, kx_credit_code_check(NULL));

  /* enterprises */
  s.name = "杭钢股份";
  s.credit_code = "91350100M000100Y43";
  s.ownership = KX_OWNERSHIP_STATE;
  s.development_zone = 1;
  s.local = w.city;
  s.registered = "1957-01-01";
  OK(kx_enterprise_add(&steel_ent, w.reg, &s));
  OK(kx_enterprise_attach(w.reg, steel_ent, w.steel, "2001-01-01"));
  FAILS_RULE(KX_EEXISTS, "enterprise.credit_code_unique", kx_enterprise_add(&turbine, w.reg, &s));
  s.name = "杭汽轮";
  s.credit_code = "914403001922038216";
  s.development_zone = 0;
  s.high_tech_zone = 1;
  OK(kx_enterprise_add(&turbine, w.reg, &s));
  s.name = "某机器人";
  s.credit_code = "91440300708461136T";
  s.ownership = KX_OWNERSHIP_PRIVATE;
  s.new_economy = 1;
  s.registered = "2015-01-01";
  OK(kx_enterprise_add(&robot, w.reg, &s));
  s.new_economy = 2;
  s.credit_code = "91330100799655058B";
  FAILS(KX_EINVALID, kx_enterprise_add(&tied, w.reg, &s));
  s.version = 99;
  FAILS(KX_EINVALID, kx_enterprise_add(&tied, w.reg, &s));
  FAILS(KX_EINVALID, kx_enterprise_add(NULL, w.reg, &s));
  FAILS(KX_EINVALID, kx_enterprise_add(&tied, NULL, &s));
  FAILS(KX_EINVALID, kx_enterprise_add(&tied, w.reg, NULL));
  OK(kx_enterprise_association(&tied, w.reg, steel_ent, "2025-01-01"));
  CHECK(tied == w.steel);
  OK(kx_enterprise_association(&tied, w.reg, turbine, "2025-01-01"));
  CHECK(tied == 0);
  FAILS(KX_ENOTFOUND, kx_enterprise_association(&tied, w.reg, 99, "2025-01-01"));
  FAILS_RULE(KX_ERULE, "enterprise.association_unique",
             kx_enterprise_attach(w.reg, turbine, w.steel, "2001-01-01"));

  /* employment and support */
  OK(kx_enterprise_employ(w.reg, w.q[0], turbine, "2010-01-01", NULL));
  FAILS_RULE(KX_ERULE, "employment.single",
             kx_enterprise_employ(w.reg, w.q[0], robot, "2016-01-01", NULL));
  FAILS(KX_EINVALID, kx_enterprise_employ(w.reg, w.q[1], robot, "not a date", NULL));
  OK(kx_enterprise_support(w.reg, steel_ent, 2025, 2, 5, "300000", "120.5"));
  FAILS_RULE(KX_EEXISTS, "support.unique",
             kx_enterprise_support(w.reg, steel_ent, 2025, 1, 1, NULL, NULL));
  FAILS(KX_EINVALID, kx_enterprise_support(w.reg, steel_ent, 2024, 1, 1, "1e5", NULL));

  /* founding */
  world_person(w.reg, "x", "1980-01-01", w.other, "C-9", KX_TITLE_NONE);
  {
    kx_person_spec p = KX_PERSON_SPEC_INIT;
    p.name = "陈主席";
    p.birth = "1970-01-01";
    p.employer = w.other;
    p.external_key = "C-1";
    OK(kx_registry_add_person(&chair, w.reg, &p));
  }
  OK(kx_registry_appoint(&appointment, w.reg, chair, w.city, KX_OFFICER_CHAIR, "2020-01-01", NULL));
  OK(kx_founding_apply(&f, w.reg, turbine, w.city, "杭汽轮科协", w.q[0], 0,
                       "2025-03-01T09:00:00Z"));
  OK(kx_founding_get_state(&state, w.reg, f));
  CHECK(state == KX_FOUNDING_PENDING);
  FAILS_RULE(
      KX_ERULE, "founding.permission",
      kx_founding_approve(&kx, w.reg, f, w.q[0], "2025-04-01T09:00:00Z", "2025-05-01", NULL));
  FAILS(KX_EINVALID, kx_founding_approve(&kx, w.reg, f, chair, "yesterday", "2025-05-01", NULL));
  OK(kx_founding_approve(&kx, w.reg, f, chair, "2025-04-01T09:00:00Z", "2025-05-01", "条件具备"));
  CHECK(kx != 0);
  OK(kx_founding_get_state(&state, w.reg, f));
  CHECK(state == KX_FOUNDING_APPROVED);
  OK(kx_enterprise_association(&tied, w.reg, turbine, "2025-05-01"));
  CHECK(tied == kx);
  FAILS_RULE(KX_ERULE, "founding.applicant",
             kx_founding_apply(&f2, w.reg, robot, w.city, "机器人科协", w.q[1], 0,
                               "2025-03-01T09:00:00Z"));
  OK(kx_enterprise_employ(w.reg, w.q[1], robot, "2020-01-01", NULL));
  OK(kx_founding_apply(&f2, w.reg, robot, w.city, "机器人科协", w.q[1], 0, "2025-03-01T09:00:00Z"));
  FAILS_RULE(KX_EINVALID, "founding.reason",
             kx_founding_refuse(w.reg, f2, chair, "2025-04-01T09:00:00Z", NULL));
  OK(kx_founding_refuse(w.reg, f2, chair, "2025-04-01T09:00:00Z", "会员不足"));
  OK(kx_founding_get_state(&state, w.reg, f2));
  CHECK(state == KX_FOUNDING_REFUSED);
  OK(kx_founding_verify(&v, w.reg, NULL));
  CHECK(v.fault == KX_AUDIT_OK);
  OK(kx_founding_verify(&v, w.reg,
                        "9:0000000000000000000000000000000000000000000000000000000000000000"));
  CHECK(v.fault == KX_AUDIT_TRUNCATED);
  FAILS(KX_EINVALID, kx_founding_verify(&v, w.reg, "not a head"));

  /* coverage */
  OK(kx_coverage(&total, w.reg, w.city, "2025-12-31", group_cb, &g));
  CHECK(total.enterprises == 3 && total.with_association == 2 && total.without_association == 1);
  CHECK(total.workers == 2 && total.workers_covered == 1);
  CHECK(g.count > 5 && g.zone_high_tech == 2);
  g.count = 0;
  g.stop_after = 1;
  CHECK(kx_coverage(NULL, w.reg, w.city, "2025-12-31", group_cb, &g) == 5 && g.count == 1);
  FAILS_RULE(KX_ERULE, "coverage.area",
             kx_coverage(&total, w.reg, w.steel, "2025-12-31", NULL, NULL));
  FAILS(KX_EINVALID, kx_coverage(&total, NULL, w.city, "2025-12-31", NULL, NULL));
  {
    /* The same as a kexie.coverage/1 document, alone and with the change since 2024. */
    char* doc = NULL;
    OK(kx_coverage_to_document(&doc, w.reg, w.city, "2025-12-31", NULL));
    CHECK(doc != NULL && strstr(doc, "\"format\": \"kexie.coverage/1\"") != NULL);
    CHECK(strstr(doc, "\"change\": null") != NULL);
    CHECK(strstr(doc, "\"without_association\": 1") != NULL);
    kx_string_free(doc);
    OK(kx_coverage_to_document(&doc, w.reg, w.city, "2025-12-31", "2024-12-31"));
    CHECK(strstr(doc, "\"newly_covered\": [") != NULL && strstr(doc, "\"before\": {") != NULL);
    kx_string_free(doc);
    doc = NULL;
    FAILS(KX_EINVALID, kx_coverage_to_document(&doc, w.reg, w.city, "2024-12-31", "2025-12-31"));
    CHECK(doc == NULL);
    FAILS_RULE(KX_ERULE, "coverage.area",
               kx_coverage_to_document(&doc, w.reg, w.steel, "2025-12-31", NULL));
    FAILS(KX_EINVALID, kx_coverage_to_document(NULL, w.reg, w.city, "2025-12-31", NULL));
    FAILS(KX_EINVALID, kx_coverage_to_document(&doc, NULL, w.city, "2025-12-31", NULL));
    FAILS(KX_EINVALID, kx_coverage_to_document(&doc, w.reg, w.city, NULL, NULL));
    FAILS(KX_EINVALID, kx_coverage_to_document(&doc, w.reg, w.city, "2025-12-31", "bad"));
  }

  /* secretary-general training */
  {
    uint32_t m = 0;
    OK(kx_registry_add_membership(&m, w.reg, w.p[3], w.steel, KX_ROLE_SECRETARY_GENERAL,
                                  "2020-01-01", NULL));
  }
  FAILS_RULE(KX_ERULE, "sg_training.role",
             kx_sg_training_add(w.reg, w.p[4], "2024-01-01", 8, w.city));
  FAILS_RULE(KX_EINVALID, "sg_training.hours",
             kx_sg_training_add(w.reg, w.p[3], "2024-01-01", 0, w.city));
  OK(kx_sg_training_add(w.reg, w.p[3], "2024-01-01", 8, w.city));
  OK(kx_sg_out_of_date_foreach(w.reg, w.city, "2025-12-31", gap_cb, &gp));
  CHECK(gp.count == 2); /* the other association and the new one have none */
  gp.count = 0;
  OK(kx_sg_out_of_date_foreach(w.reg, w.city, "2026-01-01", gap_cb, &gp));
  CHECK(gp.count == 3); /* the steelworks' training lapsed after 24 months */
  FAILS_RULE(KX_EINVALID, "sg_training.interval", kx_sg_training_interval(w.reg, 0));
  OK(kx_sg_training_interval(w.reg, 36));
  gp.count = 0;
  OK(kx_sg_out_of_date_foreach(w.reg, w.city, "2026-01-01", gap_cb, &gp));
  CHECK(gp.count == 2);
  FAILS(KX_EINVALID, kx_sg_out_of_date_foreach(w.reg, w.city, "2026-01-01", NULL, NULL));

  evaluation_part(&w, chair, kx);

  kx_registry_free(w.reg);
  return kx_test_failures != 0;
}
