/* C API tests: a small campaign end to end — configuration, rubrics from an
 * indicator array and from text, entries, judges, marks one by one and in both
 * batch forms, vetoes, standings, the scoreboard, awards, advanced units and
 * people, explanations as text and JSON — with the error paths of each call. */
#include <stdlib.h>

#include "world.h"

static const kx_indicator kRubric[] = {
    {"A", "评审指标 judged", NULL, KX_INDICATOR_GROUP, "0.6", NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL},
    {"A.1", "创新性 creativity", "A", KX_INDICATOR_JUDGED, "0.5", "0", "100", "0.5", 0, NULL, NULL, NULL, NULL, NULL},
    {"A.2", "实用性 practicality", "A", KX_INDICATOR_JUDGED, "0.5", "0", "100", "0.5", 0, NULL, NULL, NULL, NULL, NULL},
    {"B", "经济效益 benefit", NULL, KX_INDICATOR_OBJECTIVE, "0.4", NULL, NULL, NULL,
     KX_FIGURE_ANNUAL_BENEFIT_YUAN, "500000:95;100000:70", "40", NULL, NULL, NULL},
    {"bonus", "推广价值 bonus", NULL, KX_INDICATOR_BONUS, NULL, "0", "5", "1", 0, NULL, NULL, NULL, NULL, "3"},
    {"veto", "一票否决 veto", NULL, KX_INDICATOR_VETO, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL},
};

static const char kRubricText[] =
    "# code|name|parent|kind|weight|min|max|step|figure|tiers|floor|per_unit|cap|bonus_cap\n"
    "A|评审指标 judged||group|0.6\n"
    "A.1|创新性 creativity|A|judged|0.5|0|100|0.5\n"
    "A.2|实用性 practicality|A|judged|0.5|0|100|0.5\n"
    "B|经济效益 benefit||objective|0.4||||annual_benefit_yuan|500000:95;100000:70|40\n"
    "veto|一票否决 veto||veto\n";

static int stop_cb(const kx_standing *s, void *payload) {
  (void)s;
  (void)payload;
  return 5;
}

typedef struct standings_seen {
  int count;
  int ranked;
  uint32_t first;
} standings_seen;

static int standings_cb(const kx_standing *s, void *payload) {
  standings_seen *seen = (standings_seen *)payload;
  if (seen->count == 0) seen->first = s->entry;
  seen->count += 1;
  seen->ranked += s->status == KX_ENTRY_RANKED;
  return 0;
}

static int awards_cb(const kx_entry_result *r, void *payload) {
  int *n = (int *)payload;
  if (r->tier < 0 || r->award[0] == '\0') return -1;
  ++*n;
  return 0;
}

static uint32_t add_entry(kx_campaign *c, const char *code, uint32_t unit, int category,
                          uint32_t leader, const char *benefit) {
  kx_team_share team[1];
  kx_entry_spec e = KX_ENTRY_SPEC_INIT;
  uint32_t id = 0;
  team[0].person = leader;
  team[0].share = "1";
  e.code = code;
  e.title = "余热回收改造";
  e.unit = unit;
  e.category = category;
  e.focus = KX_FOCUS_ENERGY_SAVING;
  e.team = team;
  e.team_count = 1;
  e.in_use_since = "2024-03-01";
  e.annual_benefit_yuan = benefit;
  OK(kx_campaign_add_entry(&id, c, &e));
  return id;
}

int main(void) {
  world w;
  kx_award_tier tiers[2];
  kx_campaign_options o = KX_CAMPAIGN_OPTIONS_INIT;
  kx_campaign *c = NULL, *bad = NULL;
  kx_indicator broken[6];
  kx_entry_spec e = KX_ENTRY_SPEC_INIT;
  kx_team_share team[2];
  kx_energy_claim energy[1];
  kx_patent patents[1];
  kx_mark marks[12];
  kx_campaign_counts counts;
  kx_scoreboard *board = NULL;
  kx_scoreboard_counts bc;
  kx_entry_result r;
  kx_advanced_unit unit;
  kx_advanced_person person;
  standings_seen seen = {0, 0, 0};
  uint32_t e1, e2, e3, e4, e5, e6 = 0, found = 0, j[3], jx = 0, a1 = 0, a2 = 0, idx = 0;
  uint32_t cj[12], ce[12], ci[12];
  int64_t cv[12];
  size_t failed = 99, n = 0, i;
  int awarded = 0;
  const char *digest = NULL;
  char *text = NULL;

  world_build(&w);
  tiers[0].name = "一等奖";
  tiers[0].by_count = 1;
  tiers[0].share = NULL;
  tiers[0].count = 1;
  tiers[0].rounding = KX_ROUND_FLOOR;
  tiers[0].min_score = "60";
  tiers[1].name = "二等奖";
  tiers[1].by_count = 0;
  tiers[1].share = "0.5";
  tiers[1].count = 0;
  tiers[1].rounding = KX_ROUND_FLOOR;
  tiers[1].min_score = "50";
  o.name = "2025 讲比";
  o.organizer = w.province;
  o.as_of = "2025-11-30";
  o.year = 2024;
  o.tie_breaks = "objective_total, indicator:A.1, top_marks";
  o.tiers = tiers;
  o.tier_count = 2;
  o.people_min_share = "0.5";
  o.max_team_size = 5;

  /* Configuration errors. */
  FAILS(KX_EINVALID, kx_campaign_new(&bad, w.reg, NULL));
  o.tie_breaks = "bogus";
  FAILS(KX_EINVALID, kx_campaign_new(&bad, w.reg, &o));
  o.tie_breaks = "figure:unknown_figure";
  FAILS(KX_EINVALID, kx_campaign_new(&bad, w.reg, &o));
  o.tie_breaks = "objective_total, indicator:A.1, top_marks";
  o.trim_from = 2;
  FAILS(KX_EINVALID, kx_campaign_new(&bad, w.reg, &o));
  o.trim_from = 5;
  tiers[1].share = "half";
  FAILS(KX_EINVALID, kx_campaign_new(&bad, w.reg, &o));
  tiers[1].share = "0.5";
  o.version = 0;
  FAILS(KX_EINVALID, kx_campaign_new(&bad, w.reg, &o));
  o.version = KX_CAMPAIGN_OPTIONS_VERSION;
  OK(kx_campaign_new(&c, w.reg, &o));
  kx_campaign_free(NULL);

  /* Rubrics. */
  memcpy(broken, kRubric, sizeof broken);
  broken[2].weight = "0.4";
  FAILS_RULE(KX_ERULE, "rubric.weights_sum",
             kx_campaign_set_rubric(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "x", broken, 6));
  broken[2].weight = "0.5";
  broken[2].step = "zero";
  FAILS(KX_EINVALID, kx_campaign_set_rubric(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "x", broken, 6));
  FAILS(KX_EINVALID, kx_campaign_set_rubric(c, 9, "x", kRubric, 6));
  OK(kx_campaign_set_rubric(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "合理化建议评分细则", kRubric, 6));
  FAILS(KX_EINVALID, kx_campaign_set_rubric_text(c, KX_CATEGORY_INNOVATIVE_IDEAS, "x", "A|a||lump|1\n"));
  FAILS(KX_EINVALID, kx_campaign_set_rubric_text(c, KX_CATEGORY_INNOVATIVE_IDEAS, "x", "A|a\n"));
  FAILS(KX_EINVALID, kx_campaign_set_rubric_text(c, KX_CATEGORY_INNOVATIVE_IDEAS, "x", "B|b||objective|1\n"));
  FAILS(KX_EINVALID, kx_campaign_set_rubric_text(c, KX_CATEGORY_INNOVATIVE_IDEAS, "x",
                                                 "B|b||objective|1||||gold_bars\n"));
  FAILS(KX_EINVALID, kx_campaign_set_rubric_text(c, KX_CATEGORY_INNOVATIVE_IDEAS, "x", NULL));
  OK(kx_campaign_set_rubric_text(c, KX_CATEGORY_INNOVATIVE_IDEAS, "创新思路评分细则", kRubricText));
  OK(kx_campaign_indicator_index(&a1, c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "A.1"));
  OK(kx_campaign_indicator_index(&a2, c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "A.2"));
  CHECK(a1 == 1 && a2 == 2);
  OK(kx_campaign_indicator_index(&idx, c, KX_CATEGORY_INNOVATIVE_IDEAS, "A.2"));
  CHECK(idx == 2);
  FAILS(KX_ENOTFOUND, kx_campaign_indicator_index(&idx, c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "Z"));
  FAILS(KX_ENOTFOUND, kx_campaign_indicator_index(&idx, c, KX_CATEGORY_TECHNICAL_PATENTS, "A.1"));

  /* Entries. */
  e1 = add_entry(c, "E1", w.steel, KX_CATEGORY_RATIONALIZATION_PROPOSALS, w.p[0], "860000");
  e2 = add_entry(c, "E2", w.branch, KX_CATEGORY_RATIONALIZATION_PROPOSALS, w.p[1], "200000");
  e3 = add_entry(c, "E3", w.steel, KX_CATEGORY_RATIONALIZATION_PROPOSALS, w.p[2], "50000");
  e4 = add_entry(c, "E4", w.steel, KX_CATEGORY_RATIONALIZATION_PROPOSALS, w.p[3], "300000");
  team[0].person = w.p[4];
  team[0].share = "0.6";
  team[1].person = w.p[5];
  team[1].share = "0.4";
  energy[0].carrier = KX_CARRIER_ELECTRICITY_EQUIVALENT;
  energy[0].quantity = "1200000";
  energy[0].unit = KX_UNIT_KWH;
  patents[0].type = KX_PATENT_INVENTION;
  patents[0].status = KX_PATENT_GRANTED;
  patents[0].number = "ZL2024100001.1";
  e.code = "E5";
  e.title = "能耗在线监测";
  e.unit = w.branch;
  e.category = KX_CATEGORY_INNOVATIVE_IDEAS;
  e.team = team;
  e.team_count = 2;
  e.in_use_since = "2024-06-01";
  e.energy = energy;
  e.energy_count = 1;
  e.patents = patents;
  e.patent_count = 1;
  e.hours_saved = "1200";
  OK(kx_campaign_add_entry(&e5, c, &e));
  FAILS_RULE(KX_EEXISTS, "entry.code", kx_campaign_add_entry(&e6, c, &e));
  e.code = "E6";
  team[1].share = "0.3";
  FAILS(KX_EINVALID, kx_campaign_add_entry(&e6, c, &e));
  team[1].share = "0.4";
  e.unit = w.city;
  FAILS_RULE(KX_ERULE, "entry.unit", kx_campaign_add_entry(&e6, c, &e));
  e.unit = w.steel;
  energy[0].carrier = KX_CARRIER_STEAM;
  energy[0].unit = KX_UNIT_T;
  FAILS(KX_ENOTFOUND, kx_campaign_add_entry(&e6, c, &e));
  energy[0].carrier = KX_CARRIER_ELECTRICITY_EQUIVALENT;
  energy[0].unit = KX_UNIT_KWH;
  e.in_use_since = "last year";
  FAILS(KX_EINVALID, kx_campaign_add_entry(&e6, c, &e));
  e.in_use_since = "2024-06-01";
  e.team = NULL;
  FAILS(KX_EINVALID, kx_campaign_add_entry(&e6, c, &e));
  e.team = team;
  e.category = KX_CATEGORY_TECHNICAL_PATENTS;
  FAILS(KX_ENOTFOUND, kx_campaign_add_entry(&e6, c, &e)); /* no rubric for the category */
  FAILS_RULE(KX_ERULE, "campaign.rubric_locked",
             kx_campaign_set_rubric(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "again", kRubric, 6));
  OK(kx_campaign_find_entry(&found, c, "E4"));
  CHECK(found == e4);
  FAILS(KX_ENOTFOUND, kx_campaign_find_entry(&found, c, "E9"));

  /* Judges. */
  for (i = 0; i < 3; ++i) OK(kx_campaign_add_judge(&j[i], c, w.q[i]));
  FAILS_RULE(KX_EEXISTS, "panel.judge", kx_campaign_add_judge(&jx, c, w.q[0]));
  FAILS(KX_ENOTFOUND, kx_campaign_add_judge(&jx, c, 999));
  OK(kx_campaign_add_judge(&jx, c, w.p[5])); /* works for the steelworks */
  FAILS_RULE(KX_ECONFLICT, "panel.conflict", kx_campaign_assign(c, jx, e1));
  FAILS(KX_ENOTFOUND, kx_campaign_assign(c, jx, 999));
  OK(kx_campaign_count(&counts, c));
  CHECK(counts.entries == 5 && counts.judges == 4);

  /* Marks on E1 one by one, with the error paths. */
  FAILS_RULE(KX_ERULE, "panel.not_assigned", kx_campaign_mark(c, j[0], e1, "A.1", "90"));
  for (i = 0; i < 3; ++i) {
    OK(kx_campaign_assign(c, j[i], e1));
    OK(kx_campaign_assign(c, j[i], e2));
    OK(kx_campaign_assign(c, j[i], e3));
    OK(kx_campaign_assign(c, j[i], e4));
    OK(kx_campaign_assign(c, j[i], e5));
  }
  FAILS_RULE(KX_EEXISTS, "panel.assignment", kx_campaign_assign(c, j[0], e1));
  FAILS_RULE(KX_EINVALID, "panel.mark_step", kx_campaign_mark(c, j[0], e1, "A.1", "88.3"));
  FAILS_RULE(KX_EINVALID, "panel.mark_scale", kx_campaign_mark(c, j[0], e1, "A.1", "101"));
  FAILS(KX_EINVALID, kx_campaign_mark(c, j[0], e1, "A.1", "ninety"));
  FAILS(KX_ENOTFOUND, kx_campaign_mark(c, j[0], e1, "Z.9", "90"));
  for (i = 0; i < 3; ++i) {
    OK(kx_campaign_mark(c, j[i], e1, "A.1", "90"));
    OK(kx_campaign_mark(c, j[i], e1, "A.2", "90.0"));
    OK(kx_campaign_mark(c, j[i], e1, "bonus", "2"));
  }
  FAILS_RULE(KX_EEXISTS, "panel.mark_unique", kx_campaign_mark(c, j[0], e1, "A.1", "90"));

  /* E2 and E3 in one batch; first a batch with a bad second mark changes nothing. */
  marks[0].judge = j[0];
  marks[0].entry = e2;
  marks[0].indicator = a1;
  marks[0].mark = "80";
  marks[1] = marks[0];
  marks[1].indicator = a2;
  marks[1].mark = "80.3";
  FAILS(KX_EINVALID, kx_campaign_mark_batch(c, marks, 2, &failed));
  CHECK(failed == 1);
  marks[1].mark = "oops";
  failed = 99;
  FAILS(KX_EINVALID, kx_campaign_mark_batch(c, marks, 2, &failed));
  CHECK(failed == 1);
  FAILS(KX_EINVALID, kx_campaign_mark_batch(c, NULL, 2, NULL));
  for (i = 0; i < 12; ++i) {
    marks[i].judge = j[i % 3];
    marks[i].entry = i < 6 ? e2 : e3;
    marks[i].indicator = (i / 3) % 2 == 0 ? a1 : a2;
    marks[i].mark = i < 6 ? "80" : "70";
  }
  OK(kx_campaign_mark_batch(c, marks, 12, &failed));

  /* E4 and E5 as columns (85.0 and 75.0, scale 1). */
  for (i = 0; i < 12; ++i) {
    cj[i] = j[i % 3];
    ce[i] = i < 6 ? e4 : e5;
    ci[i] = (i / 3) % 2 == 0 ? a1 : a2;
    cv[i] = i < 6 ? 850 : 750;
  }
  failed = 99;
  FAILS(KX_EINVALID, kx_campaign_mark_columns(c, 12, cj, ce, ci, cv, 30, &failed));
  CHECK(failed == 0);
  /* A coefficient beyond a decimal's 18 digits, at its place; nothing recorded. */
  cv[5] = 1000000000000000000LL;
  FAILS(KX_EOVERFLOW, kx_campaign_mark_columns(c, 12, cj, ce, ci, cv, 1, &failed));
  CHECK(failed == 5);
  FAILS(KX_EOVERFLOW, kx_campaign_mark_columns_threads(c, 12, cj, ce, ci, cv, 1, 2, &failed));
  CHECK(failed == 5);
  cv[5] = 850;
  ce[4] = 999;
  FAILS(KX_ENOTFOUND, kx_campaign_mark_columns(c, 12, cj, ce, ci, cv, 1, &failed));
  CHECK(failed == 4);
  ce[4] = e4;
  FAILS(KX_EINVALID, kx_campaign_mark_columns(c, 12, NULL, ce, ci, cv, 1, &failed));
  /* The same on several threads: the same refusals; 0 threads refused first. */
  failed = 99;
  FAILS(KX_EINVALID, kx_campaign_mark_columns_threads(c, 12, cj, ce, ci, cv, 1, 0, &failed));
  CHECK(failed == 99);
  ce[7] = 999;
  FAILS(KX_ENOTFOUND, kx_campaign_mark_columns_threads(c, 12, cj, ce, ci, cv, 1, 3, &failed));
  CHECK(failed == 7);
  ce[7] = e5;
  FAILS(KX_EINVALID, kx_campaign_mark_columns_threads(c, 12, cj, ce, NULL, cv, 1, 2, &failed));
  FAILS(KX_EINVALID, kx_campaign_mark_columns_threads(NULL, 12, cj, ce, ci, cv, 1, 2, &failed));
  OK(kx_campaign_mark_columns_threads(c, 0, NULL, NULL, NULL, NULL, 1, 2, NULL));
  OK(kx_campaign_mark_columns(c, 12, cj, ce, ci, cv, 1, &failed));
  FAILS_RULE(KX_EEXISTS, "panel.mark_unique",
             kx_campaign_mark_columns_threads(c, 12, cj, ce, ci, cv, 1, 2, &failed));
  CHECK(failed == 0);

  /* A veto on E3. */
  FAILS(KX_EINVALID, kx_campaign_veto(c, j[0], e3, "veto", ""));
  FAILS(KX_ENOTFOUND, kx_campaign_veto(c, j[0], e3, "nope", "x"));
  OK(kx_campaign_veto(c, j[0], e3, "veto", "数据造假 falsified data"));

  /* Standings and the scoreboard. */
  OK(kx_campaign_standings_foreach(c, standings_cb, &seen));
  CHECK(seen.count == 5 && seen.ranked == 4);
  CHECK(kx_campaign_standings_foreach(c, stop_cb, NULL) == 5);
  OK(kx_campaign_score(&board, c));
  OK(kx_scoreboard_size(&n, board));
  CHECK(n == 5);
  OK(kx_scoreboard_find(&r, board, e1));
  CHECK(STREQ(r.code, "E1") && r.status == KX_ENTRY_RANKED && r.rank == 1 && r.tier == 0);
  CHECK(STREQ(r.award, "一等奖") && strncmp(r.total, "94.000000", 9) == 0);
  CHECK(strncmp(r.judged_part, "54.0", 4) == 0 && strncmp(r.objective_part, "38.0", 4) == 0);
  CHECK(strncmp(r.bonus, "2", 1) == 0 && r.category == KX_CATEGORY_RATIONALIZATION_PROPOSALS);
  CHECK(r.unit == w.steel && r.enterprise == w.steel);
  OK(kx_scoreboard_find(&r, board, e4));
  CHECK(r.rank == 2 && strncmp(r.total, "79.000000", 9) == 0 && r.tier == 1);
  OK(kx_scoreboard_find(&r, board, e2));
  CHECK(r.rank == 3 && strncmp(r.total, "76.000000", 9) == 0 && r.tier == -1 && STREQ(r.award, ""));
  OK(kx_scoreboard_find(&r, board, e3));
  CHECK(r.status == KX_ENTRY_VETOED && r.tier == -1);
  OK(kx_scoreboard_find(&r, board, e5));
  CHECK(r.rank == 1 && r.tier == 0 && r.category == KX_CATEGORY_INNOVATIVE_IDEAS);
  CHECK(strncmp(r.total, "61.000000", 9) == 0);
  FAILS(KX_ENOTFOUND, kx_scoreboard_find(&r, board, 999));
  OK(kx_scoreboard_entry(&r, board, 0));
  CHECK(r.position == 1);
  FAILS(KX_EINVALID, kx_scoreboard_entry(&r, board, 5));
  OK(kx_scoreboard_awards_foreach(board, awards_cb, &awarded));
  CHECK(awarded == 3);
  OK(kx_scoreboard_digest(&digest, board));
  CHECK(digest != NULL && strlen(digest) == 64);

  /* Issue 17: thread counts, and scoring again into the same board. */
  {
    kx_scoreboard *again = NULL;
    const char *d2 = NULL;
    uint32_t t;
    standings_seen seen2 = {0, 0, 0};
    FAILS(KX_EINVALID, kx_campaign_score_with(&again, c, 0));
    FAILS(KX_EINVALID, kx_campaign_score_with(NULL, c, 1));
    FAILS(KX_EINVALID, kx_campaign_score_into(NULL, c, 1));
    FAILS(KX_EINVALID, kx_campaign_standings_foreach_with(c, 0, standings_cb, &seen2));
    FAILS(KX_EINVALID, kx_campaign_standings_foreach_with(c, 1, NULL, NULL));
    for (t = 1; t <= 7; ++t) {
      OK(kx_campaign_score_with(&again, c, t));
      OK(kx_scoreboard_digest(&d2, again));
      CHECK(STREQ(d2, digest));
      OK(kx_campaign_score_into(again, c, t));
      OK(kx_scoreboard_digest(&d2, again));
      CHECK(STREQ(d2, digest));
      OK(kx_scoreboard_find(&r, again, e4));
      CHECK(r.rank == 2 && strncmp(r.total, "79.000000", 9) == 0 && r.tier == 1);
      seen2.count = seen2.ranked = 0;
      OK(kx_campaign_standings_foreach_with(c, t, standings_cb, &seen2));
      CHECK(seen2.count == 5 && seen2.ranked == 4 && seen2.first == seen.first);
      kx_scoreboard_free(again);
      again = NULL;
    }
    /* A refused re-score leaves the board as it was. */
    FAILS(KX_EINVALID, kx_campaign_score_into(board, c, 0));
    OK(kx_scoreboard_digest(&d2, board));
    CHECK(STREQ(d2, digest));
  }
  OK(kx_scoreboard_count(&bc, board));
  CHECK(bc.units == 1 && bc.people >= 2);
  OK(kx_scoreboard_unit(&unit, board, 0));
  CHECK(unit.unit == w.steel && unit.awarded == 3 && unit.entries == 5 && unit.tce_saved[0] != '\0');
  FAILS(KX_EINVALID, kx_scoreboard_unit(&unit, board, bc.units));
  OK(kx_scoreboard_person(&person, board, 0));
  CHECK(person.best_tier == 0 && person.entry_count == 1 && person.credit[0] != '\0');
  FAILS(KX_EINVALID, kx_scoreboard_person(&person, board, bc.people));

  /* Explanations. */
  OK(kx_explain_text(&text, c, board, e1, KX_LANG_ENGLISH));
  CHECK(text != NULL && strstr(text, "A.1") != NULL);
  kx_string_free(text);
  OK(kx_explain_text(&text, c, board, e1, KX_LANG_CHINESE));
  CHECK(text != NULL && strlen(text) > 20);
  kx_string_free(text);
  FAILS(KX_EINVALID, kx_explain_text(&text, c, board, e1, 7));
  FAILS(KX_ENOTFOUND, kx_explain_text(&text, c, board, 999, KX_LANG_ENGLISH));
  OK(kx_explain_json(&text, c, board, e1));
  CHECK(text != NULL && text[0] == '{' && strstr(text, "\"code\":\"E1\"") != NULL);
  CHECK(strstr(text, "\"award\":\"一等奖\"") != NULL && strstr(text, "\"lines\":[{") != NULL);
  CHECK(strstr(text, "\"dropped\":false") != NULL);
  kx_string_free(text);
  OK(kx_explain_json(&text, c, board, e5));
  CHECK(strstr(text, "\"conversions\":[\"") != NULL);
  kx_string_free(text);
  FAILS(KX_ENOTFOUND, kx_explain_json(&text, c, board, 999));

  /* Issue 13: phases, binding and the expert rule. An unbound campaign says so and
   * can never be concluded or commended; opening one needs a 讲比 activity of a book. */
  {
    int phase = -1;
    const char *concluded = NULL, *awarded = NULL;
    kx_book *book = NULL;
    kx_actor *chair = NULL;
    kx_campaign *strict = NULL, *opened = NULL;
    uint32_t jq = 0;
    OK(kx_campaign_phase(&phase, c));
    CHECK(phase == KX_PHASE_UNBOUND);
    OK(kx_campaign_digests(&concluded, &awarded, c));
    CHECK(concluded != NULL && concluded[0] == '\0' && awarded != NULL && awarded[0] == '\0');
    OK(kx_book_new(&book, w.reg));
    OK(kx_actor_new(&chair, w.p[0]));
    FAILS_RULE(KX_ERULE, "campaign.unbound",
               kx_campaign_commend(c, w.reg, book, chair, "2025-12-20T10:00:00+08:00"));
    FAILS_RULE(KX_ERULE, "campaign.unbound",
               kx_campaign_conclude(c, book, chair, "2025-12-20T10:00:00+08:00", "95"));
    FAILS_RULE(KX_ENOTFOUND, "campaign.open", kx_campaign_open(&opened, w.reg, book, 42, &o));
    CHECK(opened == NULL);
    /* The expert rule for every campaign: a judge outside the pools is refused. */
    o.expert_rule = KX_EXPERTS_ALWAYS;
    OK(kx_campaign_new(&strict, w.reg, &o));
    FAILS_RULE(KX_ERULE, "panel.expert", kx_campaign_add_judge(&jq, strict, w.p[5]));
    o.expert_rule = 7;
    FAILS(KX_EINVALID, kx_campaign_new(&opened, w.reg, &o));
    o.expert_rule = KX_EXPERTS_BOUND_CAMPAIGNS;
    kx_campaign_free(strict);
    kx_actor_free(chair);
    kx_book_free(book);
  }

  kx_scoreboard_free(board);
  kx_scoreboard_free(NULL);
  kx_campaign_free(c);
  kx_registry_free(w.reg);
  if (kx_test_failures) fprintf(stderr, "%d check(s) failed\n", kx_test_failures);
  return kx_test_failures != 0;
}
