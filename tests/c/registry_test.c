/* C API tests: the registry (organizations, people, memberships, member queries),
 * including every error path. */
#include <stdlib.h>

#include "world.h"

static int count_cb(uint32_t org, void *payload) {
  (void)org;
  ++*(int *)payload;
  return 0;
}

static int stop_cb(uint32_t org, void *payload) {
  (void)org;
  (void)payload;
  return 42;
}

static int membership_cb(const kx_membership_info *m, void *payload) {
  uint32_t *seen = (uint32_t *)payload;
  seen[0] += 1;
  seen[1] = m->org;
  seen[2] = (uint32_t)m->role;
  return 0;
}

static int member_cb(const kx_member_row *row, void *payload) {
  int *young = (int *)payload;
  young[0] += 1;
  young[1] += row->young;
  return 0;
}

static void test_create(void) {
  kx_registry *reg = NULL;
  kx_registry_options o = KX_REGISTRY_OPTIONS_INIT;
  OK(kx_registry_new(&reg, &o));
  CHECK(reg != NULL);
  kx_registry_free(reg);
  kx_registry_free(NULL);
  o.young_age_max = -1;
  FAILS(KX_EINVALID, kx_registry_new(&reg, &o));
  o = (kx_registry_options)KX_REGISTRY_OPTIONS_INIT;
  o.version = 0;
  FAILS(KX_EINVALID, kx_registry_new(&reg, &o));
  FAILS(KX_EINVALID, kx_registry_new(NULL, NULL));
}

/* membership.employer (A1): with the tie on (the default, and what a version-1
 * options struct gets) a person joins only their employer's association; with
 * employer_tied_membership = 0 anyone may. */
static void test_employer_tie(void) {
  static const unsigned int versions[] = {KX_REGISTRY_OPTIONS_VERSION, 1};
  kx_registry_options o = KX_REGISTRY_OPTIONS_INIT;
  size_t v;
  int tied;
  for (v = 0; v < 2; ++v)
    for (tied = 0; tied < 2; ++tied) {
      kx_registry *reg = NULL;
      uint32_t a, b, branch, p, m = 0;
      kx_person_spec s = KX_PERSON_SPEC_INIT;
      o.version = versions[v];
      o.employer_tied_membership = tied;
      OK(kx_registry_new(&reg, &o));
      a = world_org(reg, KX_ORG_NATIONAL, "中国科协", 0, "1958-09-18", KX_LEVEL_NONE);
      a = world_org(reg, KX_ORG_LOCAL, "杭州市科协", a, "1970-01-01", KX_LEVEL_PREFECTURE);
      b = world_org(reg, KX_ORG_ENTERPRISE, "乙科协", a, "2000-01-01", KX_LEVEL_NONE);
      a = world_org(reg, KX_ORG_ENTERPRISE, "甲科协", a, "2000-01-01", KX_LEVEL_NONE);
      branch = world_org(reg, KX_ORG_BRANCH, "甲分会", a, "2001-01-01", KX_LEVEL_NONE);
      s.name = "外人";
      s.birth = "1990-01-01";
      s.employer = b;
      OK(kx_registry_add_person(&p, reg, &s));
      if (tied || versions[v] == 1) {
        FAILS_RULE(KX_ERULE, "membership.employer",
                   kx_registry_add_membership(&m, reg, p, a, KX_ROLE_MEMBER, "2015-01-01", NULL));
        CHECK(strcmp(kx_error_last()->article, "A1") == 0);
        FAILS_RULE(KX_ERULE, "membership.employer",
                   kx_registry_add_membership(&m, reg, p, branch, KX_ROLE_MEMBER, "2015-01-01",
                                              NULL));
        OK(kx_registry_add_membership(&m, reg, p, b, KX_ROLE_MEMBER, "2015-01-01", NULL));
      } else {
        OK(kx_registry_add_membership(&m, reg, p, a, KX_ROLE_MEMBER, "2015-01-01", NULL));
        OK(kx_registry_add_membership(&m, reg, p, branch, KX_ROLE_MEMBER, "2015-01-01", NULL));
      }
      kx_registry_free(reg);
    }
}

static void test_orgs(world *w) {
  kx_org_spec s = KX_ORG_SPEC_INIT;
  kx_org_info info;
  uint32_t id = 0, parent = 0, group = 0;
  char *name = NULL;
  int n = 0;

  /* An enterprise association may not sit under a society (A13). */
  s.kind = KX_ORG_ENTERPRISE;
  s.name = "bad";
  s.enterprise_name = "bad";
  s.parent = w->society;
  s.effective = "2010-01-01";
  FAILS_RULE(KX_ERULE, "org.parent_kind", kx_registry_add_org(&id, w->reg, &s));
  CHECK(kx_error_last()->article[0] != '\0');
  s.parent = 999;
  FAILS(KX_ENOTFOUND, kx_registry_add_org(&id, w->reg, &s));
  s.parent = w->city;
  s.effective = "2010-13-01";
  FAILS(KX_EINVALID, kx_registry_add_org(&id, w->reg, &s));
  s.effective = "2010-01-01";
  s.kind = 42;
  FAILS(KX_EINVALID, kx_registry_add_org(&id, w->reg, &s));
  FAILS(KX_EINVALID, kx_registry_add_org(&id, w->reg, NULL));
  FAILS(KX_EINVALID, kx_registry_add_org(&id, NULL, &s));

  OK(kx_registry_org(&info, w->reg, w->province));
  CHECK(info.id == w->province && info.kind == KX_ORG_LOCAL && info.level == KX_LEVEL_PROVINCIAL);
  CHECK(info.last_day == 2932896);
  FAILS(KX_ENOTFOUND, kx_registry_org(&info, w->reg, 999));
  OK(kx_registry_org_name(&name, w->reg, w->province));
  CHECK(name != NULL && STREQ(name, "浙江省科协"));
  kx_string_free(name);
  FAILS(KX_ENOTFOUND, kx_registry_org_name(&name, w->reg, 999));

  OK(kx_registry_parent(&parent, w->reg, w->steel, "2025-01-01"));
  CHECK(parent == w->city);
  OK(kx_registry_parent(&parent, w->reg, w->cast, "2025-01-01"));
  CHECK(parent == 0);
  FAILS(KX_ENOTFOUND, kx_registry_parent(&parent, w->reg, 999, "2025-01-01"));
  FAILS(KX_EINVALID, kx_registry_parent(&parent, w->reg, w->steel, "soon"));

  OK(kx_registry_subtree_foreach(w->reg, w->province, "2025-06-30", KX_ORG_ENTERPRISE, count_cb, &n));
  CHECK(n == 2);
  n = 0;
  OK(kx_registry_subtree_foreach(w->reg, w->cast, "2025-06-30", -1, count_cb, &n));
  CHECK(n == 7);
  CHECK(kx_registry_subtree_foreach(w->reg, w->cast, "2025-06-30", -1, stop_cb, NULL) == 42);
  FAILS(KX_ENOTFOUND, kx_registry_subtree_foreach(w->reg, 999, "2025-06-30", -1, count_cb, &n));
  FAILS(KX_EINVALID, kx_registry_subtree_foreach(w->reg, w->cast, "2025-06-30", -1, NULL, NULL));

  group = 0;
  s = (kx_org_spec)KX_ORG_SPEC_INIT;
  s.kind = KX_ORG_STUDY_GROUP;
  s.name = "节能学组";
  s.parent = w->steel;
  s.effective = "2020-01-01";
  OK(kx_registry_add_org(&group, w->reg, &s));
  OK(kx_registry_dissolve(w->reg, group, "2024-12-31"));
  OK(kx_registry_org(&info, w->reg, group));
  CHECK(info.last_day == info.first_day + 1826);
  FAILS_RULE(KX_ERULE, "org.single_root", kx_registry_dissolve(w->reg, w->cast, "2024-12-31"));
  FAILS(KX_ENOTFOUND, kx_registry_dissolve(w->reg, 999, "2024-12-31"));
}

static void test_people(world *w) {
  kx_person_spec s = KX_PERSON_SPEC_INIT;
  kx_person_info info;
  uint32_t id = 0, found = 0;
  char *name = NULL;
  int young = -1;
  int32_t birth = 0;

  s.name = "重复";
  s.birth = "1990-01-01";
  s.employer = w->steel;
  s.external_key = "E-1";
  FAILS_RULE(KX_EEXISTS, "person.external_key", kx_registry_add_person(&id, w->reg, &s));
  s.employer = w->city;
  s.external_key = "X";
  FAILS_RULE(KX_ERULE, "person.employer", kx_registry_add_person(&id, w->reg, &s));
  s.name = "";
  s.employer = w->steel;
  FAILS(KX_EINVALID, kx_registry_add_person(&id, w->reg, &s));

  OK(kx_registry_person(&info, w->reg, w->p[0]));
  CHECK(info.id == w->p[0] && info.employer == w->steel && info.title == KX_TITLE_INTERMEDIATE);
  OK(kx_date_parse(&birth, "1995-05-01"));
  CHECK(info.birth == birth);
  FAILS(KX_ENOTFOUND, kx_registry_person(&info, w->reg, 999));
  OK(kx_registry_person_name(&name, w->reg, w->p[0]));
  CHECK(STREQ(name, "王工"));
  kx_string_free(name);
  FAILS(KX_ENOTFOUND, kx_registry_person_name(&name, w->reg, 999));
  OK(kx_registry_find_person(&found, w->reg, w->steel, "E-2"));
  CHECK(found == w->p[1]);
  FAILS(KX_ENOTFOUND, kx_registry_find_person(&found, w->reg, w->steel, "E-99"));
  FAILS(KX_EINVALID, kx_registry_find_person(&found, w->reg, w->steel, NULL));
  OK(kx_registry_is_young(&young, w->reg, w->p[0], "2025-06-30"));
  CHECK(young == 1);
  OK(kx_registry_is_young(&young, w->reg, w->p[3], "2025-06-30"));
  CHECK(young == 0);
  FAILS(KX_ENOTFOUND, kx_registry_is_young(&young, w->reg, 999, "2025-06-30"));
}

static void test_memberships(world *w) {
  uint32_t m = 0, seen[3] = {0, 0, 0};
  int counts[2] = {0, 0};
  kx_member_filter f = KX_MEMBER_FILTER_INIT;
  kx_member_row *rows = NULL;
  size_t n = 0;
  kx_rollup r;

  OK(kx_registry_add_membership(&m, w->reg, w->p[0], w->branch, KX_ROLE_CHAIR, "2020-01-01",
                                "2030-12-31"));
  FAILS_RULE(KX_EEXISTS, "membership.unique",
             kx_registry_add_membership(&m, w->reg, w->p[0], w->branch, KX_ROLE_CHAIR,
                                        "2021-01-01", NULL));
  FAILS_RULE(KX_ERULE, "membership.org_kind",
             kx_registry_add_membership(&m, w->reg, w->p[0], w->city, KX_ROLE_MEMBER,
                                        "2021-01-01", NULL));
  FAILS(KX_EINVALID, kx_registry_add_membership(&m, w->reg, w->p[0], w->branch, 17, "2021-01-01", NULL));
  FAILS(KX_EINVALID, kx_registry_add_membership(&m, w->reg, w->p[0], w->branch, KX_ROLE_MEMBER,
                                                "2021-01-01", "2020-01-01"));
  OK(kx_registry_end_membership(w->reg, m, "2029-12-31"));
  FAILS(KX_EINVALID, kx_registry_end_membership(w->reg, m, "2035-01-01"));
  FAILS(KX_ENOTFOUND, kx_registry_end_membership(w->reg, 999, "2029-12-31"));

  OK(kx_registry_memberships_foreach(w->reg, w->p[0], membership_cb, seen));
  CHECK(seen[0] == 2 && seen[1] == w->branch && seen[2] == KX_ROLE_CHAIR);
  FAILS(KX_ENOTFOUND, kx_registry_memberships_foreach(w->reg, 999, membership_cb, seen));

  OK(kx_registry_members_foreach(w->reg, w->province, "2025-06-30", NULL, member_cb, counts));
  CHECK(counts[0] == 9 && counts[1] == 3);
  counts[0] = counts[1] = 0;
  f.young = 1;
  OK(kx_registry_members_foreach(w->reg, w->province, "2025-06-30", &f, member_cb, counts));
  CHECK(counts[0] == 3 && counts[1] == 3);
  counts[0] = 0;
  f = (kx_member_filter)KX_MEMBER_FILTER_INIT;
  f.role = KX_ROLE_CHAIR;
  OK(kx_registry_members_foreach(w->reg, w->steel, "2025-06-30", &f, member_cb, counts));
  CHECK(counts[0] == 1);
  f.min_title = KX_TITLE_SENIOR;
  f.role = -1;
  OK(kx_registry_members(&rows, &n, w->reg, w->province, "2025-06-30", &f));
  CHECK(n == 3 && rows != NULL && rows[0].title == KX_TITLE_SENIOR && rows[0].org == w->other);
  kx_member_rows_free(rows);
  f.discipline = "nobody has this";
  OK(kx_registry_members(&rows, &n, w->reg, w->province, "2025-06-30", &f));
  CHECK(n == 0 && rows == NULL);
  kx_member_rows_free(NULL);
  f.version = 7;
  FAILS(KX_EINVALID, kx_registry_members(&rows, &n, w->reg, w->province, "2025-06-30", &f));
  FAILS(KX_ENOTFOUND, kx_registry_members(&rows, &n, w->reg, 999, "2025-06-30", NULL));
  FAILS(KX_ENOTFOUND, kx_registry_members_foreach(w->reg, 999, "2025-06-30", NULL, member_cb, counts));

  OK(kx_registry_rollup(&r, w->reg, w->province, "2025-06-30"));
  CHECK(r.members == 9 && r.young == 3 && r.experts == 0);
  OK(kx_registry_rollup(&r, w->reg, w->steel, "2025-06-30"));
  CHECK(r.members == 6);
  FAILS(KX_ENOTFOUND, kx_registry_rollup(&r, w->reg, 999, "2025-06-30"));
}

static int appointment_cb(const kx_appointment_info *a, void *payload) {
  *(int *)payload += a->role == KX_OFFICER_CHAIR ? 1 : 100;
  return 0;
}

static int honour_cb(const kx_honour_info *h, void *payload) {
  (void)h;
  ++*(int *)payload;
  return 0;
}

/* Appointments, honours and backed roles (issue 13), on a fresh world. */
static void test_registry_facts(void) {
  world v;
  uint32_t a = 0, h = 0;
  int n = 0;
  kx_actor *chair = NULL;
  kx_honour_spec spec = KX_HONOUR_SPEC_INIT;
  kx_honour_spec two[2];
  world_build(&v);
  OK(kx_registry_appoint(&a, v.reg, v.q[0], v.city, KX_OFFICER_CHAIR, "2020-01-01", NULL));
  FAILS_RULE(KX_EEXISTS, "appointment.unique",
             kx_registry_appoint(&a, v.reg, v.q[0], v.city, KX_OFFICER_CHAIR, "2024-01-01", NULL));
  FAILS_RULE(KX_ERULE, "appointment.org_kind",
             kx_registry_appoint(&a, v.reg, v.q[0], v.steel, KX_OFFICER_CHAIR, "2024-01-01", NULL));
  FAILS(KX_EINVALID, kx_registry_appoint(&a, v.reg, v.q[0], v.city, 99, "2024-01-01", NULL));
  OK(kx_registry_appointments_foreach(v.reg, v.q[0], "2025-03-01", appointment_cb, &n));
  CHECK(n == 1);

  OK(kx_actor_new(&chair, v.q[0]));
  OK(kx_actor_add_role(chair, KX_ROLE_CHAIR, v.city));
  OK(kx_actor_backed(v.reg, chair, "2025-03-01"));
  OK(kx_actor_add_role(chair, KX_ROLE_CHAIR, v.cast));
  FAILS_RULE(KX_EPERMISSION, "actor.unbacked_role", kx_actor_backed(v.reg, chair, "2025-03-01"));
  kx_actor_free(chair);

  spec.kind = KX_HONOUR_ADVANCED_UNIT;
  spec.organization = v.steel;
  spec.grantor = v.province;
  spec.title = "先进单位";
  spec.basis = "2025 讲比";
  spec.activity = 1;
  spec.date = "2025-12-20";
  OK(kx_registry_record_honour(&h, v.reg, &spec));
  FAILS_RULE(KX_EEXISTS, "honour.unique", kx_registry_record_honour(&h, v.reg, &spec));
  two[0] = spec;
  two[0].title = "二等奖";
  two[1] = spec;
  two[1].title = "";
  FAILS_RULE(KX_EINVALID, "honour.title", kx_registry_record_honours(v.reg, two, 2));
  two[1].title = "三等奖";
  OK(kx_registry_record_honours(v.reg, two, 2));
  n = 0;
  OK(kx_registry_honours_foreach(v.reg, 0, v.steel, honour_cb, &n));
  CHECK(n == 3);
  n = 0;
  OK(kx_registry_honours_granted_foreach(v.reg, v.city, "2025-01-01", "2025-12-31", honour_cb, &n));
  CHECK(n == 0);
  OK(kx_registry_award_exemplary(v.reg, v.steel, "2025-01-01", "2025-12-31", v.city, "考核评价"));
  n = 0;
  OK(kx_registry_honours_granted_foreach(v.reg, v.province, "2025-01-01", "2025-12-31", honour_cb,
                                         &n));
  CHECK(n == 4);
  FAILS_RULE(KX_ERULE, "honour.grantor",
             kx_registry_award_exemplary(v.reg, v.other, "2025-01-01", "2025-12-31", v.society,
                                         "x"));
  kx_registry_free(v.reg);
}

int main(void) {
  world w;
  test_create();
  test_employer_tie();
  world_build(&w);
  test_orgs(&w);
  test_people(&w);
  test_memberships(&w);
  kx_registry_free(w.reg);
  test_registry_facts();
  if (kx_test_failures) fprintf(stderr, "%d check(s) failed\n", kx_test_failures);
  return kx_test_failures != 0;
}
