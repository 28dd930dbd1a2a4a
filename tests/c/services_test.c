/* Issue 20 through the C API: a patent request from submission to grant with the
 * CNIPA number checked, a refused title evaluation, the young-first queue, a
 * proposal answered late and reported overdue, the trail verified, patent numbers
 * and a recommendation list; every refusal leaves the desk's digest unchanged and
 * every bad argument is refused, never crashes. */
#include <stdlib.h>
#include <string.h>

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

static uint32_t person(kx_registry* reg, const char* name, const char* birth, uint32_t employer,
                       int title) {
  kx_person_spec s = KX_PERSON_SPEC_INIT;
  uint32_t id = 0;
  s.name = name;
  s.birth = birth;
  s.employer = employer;
  s.title = title;
  OK(kx_registry_add_person(&id, reg, &s));
  return id;
}

static int count_places(const kx_queue_place* place, void* payload) {
  uint32_t* order = (uint32_t*)payload;
  order[place->position - 1] = place->request;
  if (place->position == 1 && strstr(place->explanation, "29") == NULL) return 7;
  return 0;
}

static int count_overdue(uint32_t proposal, int state, int days, void* payload) {
  int* n = (int*)payload;
  (void)proposal;
  (void)state;
  if (days == 15) ++*n;
  return 0;
}

static int decisions(const kx_candidate_decision* d, void* payload) {
  int* recommended = (int*)payload;
  if (d->recommended) ++*recommended;
  if (!d->recommended && strstr(d->failed_rules, "recommend.age") == NULL) return 9;
  return 0;
}

static char* digest(const kx_service_desk* desk) {
  char* d = NULL;
  OK(kx_service_desk_digest(&d, desk));
  return d;
}

int main(void) {
  kx_registry* reg = NULL;
  kx_service_desk* desk = NULL;
  kx_service_policy bad = KX_SERVICE_POLICY_INIT;
  uint32_t cast, zj, hz, ent, office, li, wang, sg, psg, clerk, r = 0, r2 = 0, p = 0;
  uint32_t order[2] = {0, 0};
  kx_service_request_info info;
  kx_proposal_info pinfo;
  kx_audit_verification v;
  char* before;
  char* after;
  char* canonical = NULL;
  int overdue = 0, recommended = 0;
  kx_programme programme = KX_PROGRAMME_INIT;
  uint32_t nominees[2];

  OK(kx_registry_new(&reg, NULL));
  cast = org(reg, KX_ORG_NATIONAL, "中国科协", 0, KX_LEVEL_NONE);
  zj = org(reg, KX_ORG_LOCAL, "浙江省科协", cast, KX_LEVEL_PROVINCIAL);
  hz = org(reg, KX_ORG_LOCAL, "杭州市科协", zj, KX_LEVEL_PREFECTURE);
  ent = org(reg, KX_ORG_ENTERPRISE, "杭钢科协", hz, KX_LEVEL_NONE);
  office = org(reg, KX_ORG_PROXY, "浙江省科协机关", zj, KX_LEVEL_NONE);
  li = person(reg, "李娜", "1996-07-01", ent, KX_TITLE_INTERMEDIATE);
  wang = person(reg, "王强", "1980-02-01", ent, KX_TITLE_JUNIOR);
  sg = person(reg, "陈秘书长", "1975-03-01", ent, KX_TITLE_NONE);
  psg = person(reg, "钱秘书长", "1970-01-01", office, KX_TITLE_NONE);
  clerk = person(reg, "孙干事", "1990-01-01", office, KX_TITLE_NONE);
  {
    uint32_t m = 0;
    OK(kx_registry_add_membership(&m, reg, sg, ent, KX_ROLE_SECRETARY_GENERAL, "2020-01-01", NULL));
    OK(kx_registry_appoint(&m, reg, psg, zj, KX_OFFICER_SECRETARY_GENERAL, "2020-01-01", NULL));
  }

  /* Bad policies and arguments. */
  bad.answer_due_days = 0;
  FAILS(KX_EINVALID, kx_service_desk_new(&desk, reg, &bad));
  bad = (kx_service_policy)KX_SERVICE_POLICY_INIT;
  bad.version = 99;
  FAILS(KX_EINVALID, kx_service_desk_new(&desk, reg, &bad));
  FAILS(KX_EINVALID, kx_service_desk_new(NULL, reg, NULL));
  FAILS(KX_EINVALID, kx_service_desk_new(&desk, NULL, NULL));
  OK(kx_service_desk_new(&desk, reg, NULL));
  FAILS(KX_EINVALID,
        kx_service_request_submit(&r, desk, li, ent, 7, "x", -1, -1, "2026-03-02T09:00:00Z"));
  FAILS(KX_EINVALID, kx_service_request_submit(&r, desk, li, ent, KX_SERVICE_PATENT_APPLICATION,
                                               "x", 5, -1, "2026-03-02T09:00:00Z"));
  FAILS(KX_EINVALID, kx_service_request_submit(&r, desk, li, ent, KX_SERVICE_PROJECT_APPLICATION,
                                               "x", -1, -1, "not a time"));
  FAILS(KX_EINVALID, kx_service_request_submit(NULL, desk, li, ent, 0, "x", -1, -1, NULL));
  FAILS(KX_EINVALID,
        kx_service_request_apply(desk, 1, KX_REQUEST_OP_SUBMIT, sg, "2026-03-02T09:00:00Z", NULL));
  FAILS(KX_EINVALID, kx_service_request_apply(desk, 1, 42, sg, "2026-03-02T09:00:00Z", NULL));
  FAILS(KX_EINVALID, kx_service_queue_foreach(desk, ent, "2026-04-10", NULL, NULL));
  FAILS(KX_EINVALID,
        kx_proposal_apply(desk, 1, KX_PROPOSAL_OP_FILE, sg, "2026-03-02T09:00:00Z", NULL));

  /* A patent request, to grant. */
  OK(kx_service_request_submit(&r, desk, li, ent, KX_SERVICE_PATENT_APPLICATION, "余热回收装置",
                               KX_PATENT_UTILITY_MODEL, -1, "2026-03-02T09:00:00Z"));
  before = digest(desk);
  FAILS_RULE(
      KX_EPERMISSION, "service.permission",
      kx_service_request_apply(desk, r, KX_REQUEST_OP_ACCEPT, wang, "2026-03-03T09:00:00Z", NULL));
  FAILS_RULE(
      KX_ETRANSITION, "service.state",
      kx_service_request_apply(desk, r, KX_REQUEST_OP_GRANT, sg, "2026-03-03T09:00:00Z", NULL));
  after = digest(desk);
  CHECK(STREQ(before, after));
  kx_string_free(before);
  kx_string_free(after);
  OK(kx_service_request_apply(desk, r, KX_REQUEST_OP_ACCEPT, psg, "2026-03-03T09:00:00Z", NULL));
  OK(kx_service_request_apply(desk, r, KX_REQUEST_OP_START, sg, "2026-03-04T09:00:00Z", NULL));
  FAILS_RULE(KX_EINVALID, "patent.number",
             kx_service_request_forward(desk, r, sg, "2026-03-20T09:00:00Z", "国家知识产权局",
                                        "201620056200.4"));
  OK(kx_service_request_forward(desk, r, sg, "2026-03-20T09:00:00Z", "国家知识产权局",
                                "201620056200.3"));
  OK(kx_service_request_apply(desk, r, KX_REQUEST_OP_GRANT, sg, "2026-09-01T09:00:00Z", NULL));
  OK(kx_service_request_get(&info, desk, r));
  CHECK(info.state == KX_REQUEST_GRANTED);
  CHECK(STREQ(info.reference, "201620056200.3"));
  FAILS(KX_ENOTFOUND, kx_service_request_get(&info, desk, 99));

  /* A title evaluation without continuing education. */
  FAILS_RULE(KX_ERULE, "service.continuing_education",
             kx_service_request_submit(&r2, desk, li, ent, KX_SERVICE_TITLE_EVALUATION, "副高", -1,
                                       KX_TITLE_ASSOCIATE_SENIOR, "2026-03-05T09:00:00Z"));
  FAILS_RULE(KX_ERULE, "service.member",
             kx_service_request_submit(&r2, desk, clerk, ent, KX_SERVICE_PROJECT_APPLICATION, "x",
                                       -1, -1, "2026-03-05T09:00:00Z"));

  /* The queue: young first, explained. */
  OK(kx_service_request_submit(&r2, desk, wang, ent, KX_SERVICE_PROJECT_APPLICATION, "a", -1, -1,
                               "2026-04-01T09:00:00Z"));
  OK(kx_service_request_submit(&r, desk, li, ent, KX_SERVICE_PROJECT_APPLICATION, "b", -1, -1,
                               "2026-04-02T09:00:00Z"));
  OK(kx_service_queue_foreach(desk, ent, "2026-04-10", count_places, order));
  CHECK(order[0] == r && order[1] == r2);

  /* A proposal, acknowledged, left unanswered: overdue. */
  OK(kx_proposal_file(&p, desk, wang, ent, KX_PROPOSAL_APPEAL, "夜班补贴", "提高",
                      "2026-05-01T09:00:00Z"));
  OK(kx_proposal_apply(desk, p, KX_PROPOSAL_OP_ACKNOWLEDGE, sg, "2026-05-02T09:00:00Z", NULL));
  FAILS_RULE(KX_EPERMISSION, "proposal.permission",
             kx_proposal_apply(desk, p, KX_PROPOSAL_OP_ANSWER, wang, "2026-05-03T09:00:00Z", "x"));
  OK(kx_proposal_get(&pinfo, desk, p));
  CHECK(pinfo.state == KX_PROPOSAL_ACKNOWLEDGED);
  CHECK(STREQ(pinfo.due, "2026-05-31"));
  OK(kx_service_overdue_foreach(desk, ent, "2026-06-15", count_overdue, &overdue));
  CHECK(overdue == 1);

  /* The trail. */
  OK(kx_service_desk_verify_audit(&v, desk, NULL));
  CHECK(v.fault == KX_AUDIT_OK);
  {
    char* head = NULL;
    OK(kx_service_desk_chain_head(&head, desk));
    OK(kx_service_desk_verify_audit(&v, desk, head));
    CHECK(v.fault == KX_AUDIT_OK);
    kx_string_free(head);
  }
  FAILS(KX_EINVALID, kx_service_desk_verify_audit(&v, desk, "not a head"));

  /* Patent numbers. */
  OK(kx_patent_number_check(&canonical, "ZL 201620056200.3"));
  CHECK(STREQ(canonical, "201620056200.3"));
  kx_string_free(canonical);
  FAILS_RULE(KX_EINVALID, "patent.number", kx_patent_number_check(&canonical, "97101765.5"));
  FAILS(KX_EINVALID, kx_patent_number_check(&canonical, NULL));

  /* A recommendation list. */
  programme.name = "青年托举";
  programme.education_years = 0;
  nominees[0] = li;
  nominees[1] = wang;
  OK(kx_recommend_foreach(reg, &programme, nominees, 2, "2026-06-30", decisions, &recommended));
  CHECK(recommended == 1);
  FAILS(KX_EINVALID,
        kx_recommend_foreach(reg, &programme, NULL, 2, "2026-06-30", decisions, &recommended));
  programme.min_title = 17;
  FAILS(KX_EINVALID,
        kx_recommend_foreach(reg, &programme, nominees, 2, "2026-06-30", decisions, &recommended));

  /* The desk in a snapshot (format 3), borrowed back from it. */
  {
    kx_buffer buf;
    kx_snapshot* snap = NULL;
    kx_service_desk* back = NULL;
    const kx_service_desk* desks[1];
    size_t n = 0;
    char* d1 = digest(desk);
    char* d2;
    desks[0] = desk;
    FAILS(KX_EINVALID, kx_snapshot_save_buffer_with_desks(&buf, reg, NULL, 0, NULL, 0, NULL, 1));
    OK(kx_snapshot_save_buffer_with_desks(&buf, reg, NULL, 0, NULL, 0, desks, 1));
    OK(kx_snapshot_load_buffer(&snap, buf.data, buf.size));
    OK(kx_snapshot_service_desk_count(&n, snap));
    CHECK(n == 1);
    FAILS(KX_EINVALID, kx_snapshot_service_desk(&back, snap, 1));
    OK(kx_snapshot_service_desk(&back, snap, 0));
    d2 = digest(back);
    CHECK(STREQ(d1, d2));
    OK(kx_service_desk_verify_audit(&v, back, NULL));
    CHECK(v.fault == KX_AUDIT_OK);
    kx_service_desk_free(back); /* borrowed: nothing happens */
    OK(kx_service_request_get(&info, back, 1));
    kx_string_free(d1);
    kx_string_free(d2);
    kx_snapshot_free(snap);
    kx_buffer_free(&buf);
  }

  /* Continuing education recorded from C: the title evaluation passes the default rule
   * (the three calendar years before the request's, each ≥ 90 hours, ≥ 2/3 professional). */
  {
    uint32_t t = 0;
    kx_education_status st;
    int year;
    char* d1;
    char* d2;
    FAILS(KX_EINVALID, kx_registry_add_training(&t, reg, li, 10, 2, "2025-01-01"));
    FAILS(KX_EINVALID,
          kx_registry_add_training(NULL, reg, li, 10, KX_TRAINING_GENERAL, "2025-01-01"));
    FAILS(KX_EINVALID, kx_registry_add_training(&t, reg, li, 10, KX_TRAINING_GENERAL, NULL));
    FAILS_RULE(KX_EINVALID, "training.hours",
               kx_registry_add_training(&t, reg, li, 0, KX_TRAINING_GENERAL, "2025-01-01"));
    FAILS(KX_ENOTFOUND,
          kx_registry_add_training(&t, reg, 999, 10, KX_TRAINING_GENERAL, "2025-01-01"));
    FAILS(KX_EINVALID, kx_registry_education_status(NULL, reg, li, 2025));
    FAILS(KX_ENOTFOUND, kx_registry_education_status(&st, reg, 999, 2025));
    for (year = 2023; year <= 2025; ++year) {
      char day[11];
      snprintf(day, sizeof day, "%04d-04-01", year);
      OK(kx_registry_add_training(&t, reg, li, 60, KX_TRAINING_PROFESSIONAL, day));
      CHECK(t != 0);
      if (year < 2025) OK(kx_registry_add_training(&t, reg, li, 30, KX_TRAINING_GENERAL, day));
    }
    OK(kx_registry_education_status(&st, reg, li, 2025));
    CHECK(st.year == 2025 && st.hours == 60 && st.professional_hours == 60);
    CHECK(st.compliant == 0 && st.shortfall == 30);
    /* 2025 is short: still refused, and the desk is unchanged. */
    d1 = digest(desk);
    FAILS_RULE(KX_ERULE, "service.continuing_education",
               kx_service_request_submit(&r2, desk, li, ent, KX_SERVICE_TITLE_EVALUATION, "副高",
                                         -1, KX_TITLE_ASSOCIATE_SENIOR, "2026-07-01T09:00:00Z"));
    d2 = digest(desk);
    CHECK(STREQ(d1, d2));
    kx_string_free(d1);
    kx_string_free(d2);
    OK(kx_registry_add_training(&t, reg, li, 30, KX_TRAINING_PROFESSIONAL, "2025-10-01"));
    OK(kx_registry_education_status(&st, reg, li, 2025));
    CHECK(st.hours == 90 && st.professional_hours == 90 && st.compliant == 1 && st.shortfall == 0);
    /* Only the next level. */
    FAILS_RULE(KX_ERULE, "service.next_title",
               kx_service_request_submit(&r2, desk, li, ent, KX_SERVICE_TITLE_EVALUATION, "正高",
                                         -1, KX_TITLE_SENIOR, "2026-07-01T09:00:00Z"));
    OK(kx_service_request_submit(&r2, desk, li, ent, KX_SERVICE_TITLE_EVALUATION, "副高", -1,
                                 KX_TITLE_ASSOCIATE_SENIOR, "2026-07-01T09:00:00Z"));
    OK(kx_service_request_get(&info, desk, r2));
    CHECK(info.state == KX_REQUEST_SUBMITTED);
  }

  /* The desk as a kexie.services/1 document, with a recommendation list; read back. */
  {
    char* doc = NULL;
    char* again = NULL;
    char* d1 = digest(desk);
    char* d2;
    kx_service_desk* back = NULL;
    kx_recommendation_request list;
    kx_programme young = KX_PROGRAMME_INIT;
    young.name = "青年托举";
    young.education_years = 0;
    list.programme = &young;
    list.nominees = nominees;
    list.nominee_count = 2;
    list.as_of = "2026-06-30";
    OK(kx_service_desk_to_document(&doc, desk, reg, &list, 1));
    CHECK(strstr(doc, "\"format\": \"kexie.services/1\"") != NULL);
    CHECK(strstr(doc, "\"name\": \"青年托举\"") != NULL);
    CHECK(strstr(doc, "\"rule\": \"recommend.age\"") != NULL);
    OK(kx_service_desk_from_document(&back, reg, doc, strlen(doc)));
    d2 = digest(back);
    CHECK(STREQ(d1, d2));
    OK(kx_service_desk_verify_audit(&v, back, NULL));
    CHECK(v.fault == KX_AUDIT_OK);
    OK(kx_service_desk_to_document(&again, back, reg, &list, 1));
    CHECK(STREQ(doc, again));
    kx_string_free(again);
    kx_string_free(d2);
    kx_service_desk_free(back);
    back = NULL;
    /* A record's hash changed: the trail does not verify. */
    {
      char* bad = strstr(doc, "\"hash\": \"");
      CHECK(bad != NULL);
      if (bad != NULL) bad[9] = bad[9] == '0' ? '1' : '0';
      FAILS_RULE(KX_ECORRUPT, "services.trail",
                 kx_service_desk_from_document(&back, reg, doc, strlen(doc)));
      CHECK(back == NULL);
      if (bad != NULL) bad[9] = bad[9] == '0' ? '1' : '0';
    }
    FAILS(KX_ECORRUPT, kx_service_desk_from_document(&back, reg, "{", 1));
    CHECK(kx_error_problem_count() == 1);
    FAILS(KX_EINVALID, kx_service_desk_from_document(&back, reg, NULL, 3));
    FAILS(KX_EINVALID, kx_service_desk_from_document(&back, NULL, "{}", 2));
    FAILS(KX_EINVALID, kx_service_desk_from_document(NULL, reg, "{}", 2));
    FAILS(KX_EINVALID, kx_service_desk_to_document(NULL, desk, reg, NULL, 0));
    FAILS(KX_EINVALID, kx_service_desk_to_document(&again, NULL, reg, NULL, 0));
    FAILS(KX_EINVALID, kx_service_desk_to_document(&again, desk, NULL, NULL, 0));
    FAILS(KX_EINVALID, kx_service_desk_to_document(&again, desk, reg, NULL, 1));
    list.programme = NULL;
    FAILS(KX_EINVALID, kx_service_desk_to_document(&again, desk, reg, &list, 1));
    list.programme = &young;
    list.nominees = NULL;
    FAILS(KX_EINVALID, kx_service_desk_to_document(&again, desk, reg, &list, 1));
    list.nominees = nominees;
    list.as_of = "never";
    FAILS(KX_EINVALID, kx_service_desk_to_document(&again, desk, reg, &list, 1));
    {
      kx_registry* other = NULL;
      OK(kx_registry_new(&other, NULL));
      FAILS(KX_EINVALID, kx_service_desk_to_document(&again, desk, other, NULL, 0));
      kx_registry_free(other);
    }
    kx_string_free(d1);
    kx_string_free(doc);
  }

  kx_service_desk_free(desk);
  kx_service_desk_free(NULL);
  kx_registry_free(reg);
  if (kx_test_failures == 0) printf("services: ok\n");
  return kx_test_failures;
}
