/* A small registry shared by the C API tests:
 *
 *   CAST ─ Zhejiang (provincial) ─ Hangzhou (prefecture) ─┬ Steelworks 科协 (enterprise) ─ branch
 *     │                                                    └ Other 科协 (enterprise)
 *     └ Metals society
 *
 * Six people work for the steelworks (p[0] … p[5]), three for the other
 * enterprise (q[0] … q[2]); every one is a member of their enterprise. */
#ifndef KX_WORLD_H
#define KX_WORLD_H

#include "kx_test.h"

typedef struct world {
  kx_registry *reg;
  uint32_t cast, province, city, steel, branch, other, society;
  uint32_t p[6];
  uint32_t q[3];
} world;

static uint32_t world_org(kx_registry *reg, int kind, const char *name, uint32_t parent,
                          const char *from, int level) {
  kx_org_spec s = KX_ORG_SPEC_INIT;
  uint32_t id = 0;
  s.kind = kind;
  s.name = name;
  s.parent = parent;
  s.effective = from;
  s.level = level;
  if (kind == KX_ORG_ENTERPRISE) s.enterprise_name = name;
  OK(kx_registry_add_org(&id, reg, &s));
  return id;
}

static uint32_t world_person(kx_registry *reg, const char *name, const char *birth,
                             uint32_t employer, const char *key, int title) {
  kx_person_spec s = KX_PERSON_SPEC_INIT;
  uint32_t id = 0, m = 0;
  s.name = name;
  s.birth = birth;
  s.employer = employer;
  s.external_key = key;
  s.title = title;
  OK(kx_registry_add_person(&id, reg, &s));
  OK(kx_registry_add_membership(&m, reg, id, employer, KX_ROLE_MEMBER, "2015-01-01", NULL));
  return id;
}

static void world_build(world *w) {
  static const char *keys[] = {"E-1", "E-2", "E-3", "E-4", "E-5", "E-6"};
  int i;
  OK(kx_registry_new(&w->reg, NULL));
  w->cast = world_org(w->reg, KX_ORG_NATIONAL, "中国科协", 0, "1958-09-18", KX_LEVEL_NONE);
  w->province = world_org(w->reg, KX_ORG_LOCAL, "浙江省科协", w->cast, "1960-01-01",
                          KX_LEVEL_PROVINCIAL);
  w->city = world_org(w->reg, KX_ORG_LOCAL, "杭州市科协", w->province, "1970-01-01",
                      KX_LEVEL_PREFECTURE);
  w->steel = world_org(w->reg, KX_ORG_ENTERPRISE, "杭钢科协", w->city, "2000-01-01", KX_LEVEL_NONE);
  w->branch = world_org(w->reg, KX_ORG_BRANCH, "轧钢分会", w->steel, "2005-01-01", KX_LEVEL_NONE);
  w->other = world_org(w->reg, KX_ORG_ENTERPRISE, "other 科协", w->city, "2000-01-01", KX_LEVEL_NONE);
  w->society = world_org(w->reg, KX_ORG_SOCIETY, "中国金属学会", w->cast, "1980-01-01", KX_LEVEL_NONE);
  for (i = 0; i < 6; ++i)
    w->p[i] = world_person(w->reg, i == 0 ? "王工" : "李工", i < 3 ? "1995-05-01" : "1970-05-01",
                           w->steel, keys[i], KX_TITLE_INTERMEDIATE);
  for (i = 0; i < 3; ++i)
    w->q[i] = world_person(w->reg, "专家", "1965-01-01", w->other, keys[i], KX_TITLE_SENIOR);
}

#endif /* KX_WORLD_H */
