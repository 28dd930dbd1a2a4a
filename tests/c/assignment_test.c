/* C API tests of judge assignment: a proposal over the shared world (judges of
 * both enterprises, entries of both), its pairs and explanation read by index,
 * the infeasible refusal naming the entry, the proposal as an assignments CSV,
 * apply and assign_all all or nothing, and the argument checks of every call. */
#include <stdlib.h>

#include "world.h"

static const kx_indicator kRubric[] = {
    {"A", "评审指标 judged", NULL, KX_INDICATOR_JUDGED, "1", "0", "100", "1", 0, NULL, NULL, NULL,
     NULL, NULL},
};

static uint32_t add_entry(kx_campaign* c, const char* code, uint32_t unit, uint32_t leader) {
  kx_team_share team[1];
  kx_entry_spec e = KX_ENTRY_SPEC_INIT;
  uint32_t id = 0;
  team[0].person = leader;
  team[0].share = "1";
  e.code = code;
  e.title = "余热回收改造";
  e.unit = unit;
  e.category = KX_CATEGORY_RATIONALIZATION_PROPOSALS;
  e.focus = KX_FOCUS_ENERGY_SAVING;
  e.team = team;
  e.team_count = 1;
  e.in_use_since = "2024-03-01";
  e.annual_benefit_yuan = "100000";
  OK(kx_campaign_add_entry(&id, c, &e));
  return id;
}

int main(void) {
  world w;
  kx_campaign_options o = KX_CAMPAIGN_OPTIONS_INIT;
  kx_assignment_options ao = KX_ASSIGNMENT_OPTIONS_INIT;
  kx_judge_availability busy[1];
  kx_campaign* c = NULL;
  kx_assignment *a = NULL, *none = NULL;
  kx_assignment_pair pair, pairs[2];
  kx_judge_choice choice;
  uint32_t j[5], s1, s2, o1, judge = 0;
  size_t n = 0, chosen = 0, excluded = 0, failed = 99, i;
  int64_t cost = -1;
  char *rule = NULL, *reason = NULL, *csv = NULL;
  size_t csv_len = 0, rows = 0;

  world_build(&w);
  o.name = "2025 讲比";
  o.organizer = w.province;
  o.as_of = "2025-11-30";
  o.year = 2024;
  o.min_judges = 2;
  o.max_judges_per_entry = 3;
  OK(kx_campaign_new(&c, w.reg, &o));
  OK(kx_campaign_set_rubric(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "细则", kRubric, 1));
  for (i = 0; i < 3; ++i) OK(kx_campaign_add_judge(&j[i], c, w.q[i])); /* other 科协 */
  OK(kx_campaign_add_judge(&j[3], c, w.p[4]));                         /* steelworks */
  OK(kx_campaign_add_judge(&j[4], c, w.p[5]));
  s1 = add_entry(c, "S1", w.steel, w.p[0]);
  s2 = add_entry(c, "S2", w.branch, w.p[1]);
  o1 = add_entry(c, "O1", w.other, w.q[0]);

  /* Argument checks. */
  FAILS(KX_EINVALID, kx_assignment_propose(NULL, c, NULL));
  FAILS(KX_EINVALID, kx_assignment_propose(&a, NULL, NULL));
  CHECK(a == NULL);
  ao.version = 99;
  FAILS(KX_EINVALID, kx_assignment_propose(&a, c, &ao));
  ao.version = KX_ASSIGNMENT_OPTIONS_VERSION;
  ao.availability_count = 2; /* with a NULL array */
  FAILS(KX_EINVALID, kx_assignment_propose(&a, c, &ao));
  ao.availability_count = 0;
  ao.declare_load = 2;
  FAILS(KX_EINVALID, kx_assignment_propose(&a, c, &ao));
  ao.declare_load = 0;
  ao.spread_required = -1;
  FAILS(KX_EINVALID, kx_assignment_propose(&a, c, &ao));
  ao.spread_required = 0;
  busy[0].judge = 77; /* not a judge */
  busy[0].min_load = 0;
  busy[0].max_load = 1;
  busy[0].cost_per_entry = 0;
  ao.availability = busy;
  ao.availability_count = 1;
  FAILS(KX_EINVALID, kx_assignment_propose(&a, c, &ao));
  ao.availability = NULL;
  ao.availability_count = 0;
  ao.judges_per_entry = 4; /* above max_judges_per_entry */
  FAILS(KX_EINVALID, kx_assignment_propose(&a, c, &ao));

  /* Infeasible: O1 needs 3 judges, only the two steelworks judges have no conflict. */
  ao.judges_per_entry = 3;
  FAILS_RULE(KX_ERULE, "assignment.infeasible", kx_assignment_propose(&a, c, &ao));
  CHECK(strstr(kx_error_last()->message, "entry \"O1\" can get 2 of the 3 judges") != NULL);
  CHECK(strstr(kx_error_last()->message, "3 excluded by panel.conflict") != NULL);
  CHECK(STREQ(kx_error_last()->article, "A12"));
  CHECK(a == NULL);

  /* The proposal: two judges each, 6 seats over 5 judges. */
  ao.judges_per_entry = 0;
  ao.seed = 7;
  OK(kx_assignment_propose(&a, c, &ao));
  OK(kx_assignment_summary(&n, &cost, a));
  CHECK(n == 6);
  CHECK(cost == 6 * 100 + 3 * 50); /* no judge lists the category; every entry has two judges
                                    * of one organization */
  FAILS(KX_EINVALID, kx_assignment_summary(NULL, &cost, a));
  FAILS(KX_EINVALID, kx_assignment_summary(&n, &cost, NULL));
  for (i = 0; i < n; ++i) {
    OK(kx_assignment_pair_at(&pair, a, i));
    if (pair.entry == o1) CHECK(pair.judge == j[3] || pair.judge == j[4]);
    if (pair.entry == s1 || pair.entry == s2)
      CHECK(pair.judge == j[0] || pair.judge == j[1] || pair.judge == j[2]);
  }
  FAILS(KX_EINVALID, kx_assignment_pair_at(&pair, a, n));
  FAILS(KX_EINVALID, kx_assignment_pair_at(NULL, a, 0));

  OK(kx_assignment_entry(&chosen, &excluded, a, o1));
  CHECK(chosen == 2 && excluded == 3);
  FAILS(KX_ENOTFOUND, kx_assignment_entry(&chosen, &excluded, a, 0));
  FAILS(KX_ENOTFOUND, kx_assignment_entry(&chosen, &excluded, a, 4));
  OK(kx_assignment_choice(&choice, a, o1, 0));
  CHECK(choice.judge == j[3] && choice.kept == 0 && choice.expertise == 0);
  CHECK(choice.organization == w.steel && choice.shares_organization == 1);
  FAILS(KX_EINVALID, kx_assignment_choice(&choice, a, o1, 2));
  OK(kx_assignment_exclusion(&judge, &rule, &reason, a, o1, 0));
  CHECK(judge == j[0]);
  CHECK(rule != NULL && STREQ(rule, "panel.conflict"));
  CHECK(reason != NULL && strstr(reason, "O1") != NULL);
  kx_string_free(rule);
  kx_string_free(reason);
  OK(kx_assignment_exclusion(&judge, NULL, NULL, a, o1, 2));
  CHECK(judge == j[2]);
  FAILS(KX_EINVALID, kx_assignment_exclusion(&judge, &rule, &reason, a, o1, 3));
  CHECK(rule == NULL && reason == NULL);
  FAILS(KX_EINVALID, kx_assignment_exclusion(NULL, &rule, &reason, a, o1, 0));

  /* assign_all is all or nothing: a conflicting second pair refuses the first too. */
  pairs[0].judge = j[3];
  pairs[0].entry = o1;
  pairs[1].judge = j[3];
  pairs[1].entry = s1;
  FAILS_RULE(KX_ECONFLICT, "panel.conflict", kx_campaign_assign_all(c, pairs, 2, &failed));
  CHECK(failed == 1);
  FAILS(KX_EINVALID, kx_campaign_assign_all(c, NULL, 2, NULL));
  FAILS(KX_EINVALID, kx_campaign_assign_all(NULL, pairs, 2, NULL));
  OK(kx_campaign_assign_all(c, pairs, 0, NULL));

  /* The proposal as the assignments CSV import_assignments reads: UTF-8 with a BOM,
   * judges by external key, one row per pair; Chinese headers and GB18030 on request. */
  OK(kx_assignment_csv(&csv, &csv_len, a, c, w.reg, KX_ENCODING_UTF8, 0, 1));
  CHECK(csv != NULL && csv_len > 3 && csv[csv_len] == '\0');
  CHECK(strncmp(csv, "\xEF\xBB\xBFjudge,entry,judge_name,organization,expertise,", 49) == 0);
  for (i = 0, rows = 0; i < csv_len; ++i) rows += csv[i] == '\n';
  OK(kx_assignment_summary(&n, &cost, a));
  CHECK(rows == n + 1);
  CHECK(strstr(csv, "\r\nE-") != NULL); /* the first column: an external key */
  kx_string_free(csv);
  OK(kx_assignment_csv(&csv, &csv_len, a, c, w.reg, KX_ENCODING_GB18030, 1, 0));
  CHECK(strncmp(csv, "\xC6\xC0\xCE\xAF,", 5) == 0); /* 评委 in GB18030 */
  kx_string_free(csv);
  csv = NULL;
  FAILS(KX_EINVALID, kx_assignment_csv(NULL, &csv_len, a, c, w.reg, KX_ENCODING_UTF8, 0, 1));
  FAILS(KX_EINVALID, kx_assignment_csv(&csv, NULL, a, c, w.reg, KX_ENCODING_UTF8, 0, 1));
  FAILS(KX_EINVALID, kx_assignment_csv(&csv, &csv_len, NULL, c, w.reg, KX_ENCODING_UTF8, 0, 1));
  FAILS(KX_EINVALID, kx_assignment_csv(&csv, &csv_len, a, NULL, w.reg, KX_ENCODING_UTF8, 0, 1));
  FAILS(KX_EINVALID, kx_assignment_csv(&csv, &csv_len, a, c, NULL, KX_ENCODING_UTF8, 0, 1));
  FAILS(KX_EINVALID, kx_assignment_csv(&csv, &csv_len, a, c, w.reg, 99, 0, 1));
  CHECK(csv == NULL);

  /* Apply records every pair; a pair already there is refused afterwards. */
  FAILS(KX_EINVALID, kx_assignment_apply(NULL, a, NULL));
  FAILS(KX_EINVALID, kx_assignment_apply(c, NULL, NULL));
  OK(kx_assignment_apply(c, a, NULL));
  OK(kx_assignment_pair_at(&pair, a, 0));
  FAILS_RULE(KX_EEXISTS, "panel.assignment", kx_campaign_assign(c, pair.judge, pair.entry));
  /* Applying it again refuses the first pair and records nothing. */
  FAILS_RULE(KX_EEXISTS, "panel.assignment", kx_assignment_apply(c, a, &failed));
  CHECK(failed == 0);

  kx_assignment_free(a);
  kx_assignment_free(none);
  kx_campaign_free(c);
  kx_registry_free(w.reg);
  return kx_test_failures;
}
