/* C API tests of issue 16's items 9, 14 and 15: size products that overflow are
 * refused before any buffer is touched, text that is not UTF-8 is refused and
 * echoed bounded, out-of-range arguments are refused with a clear error, a
 * refused batch reports the repeat's position, and a callback's value never
 * reads as a KX_E* code. Each check uses the exact call. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "world.h"

static const kx_indicator kRubric[] = {
    {"A.1", "creativity", NULL, KX_INDICATOR_JUDGED, "0.5", "0", "100", "0.5", 0, NULL, NULL, NULL,
     NULL, NULL},
    {"A.2", "practicality", NULL, KX_INDICATOR_JUDGED, "0.5", "0", "100", "0.5", 0, NULL, NULL,
     NULL, NULL, NULL},
};

static int contains(const char* s, const char* part) { return strstr(s, part) != NULL; }

static void test_size_products(void) {
  double w[4] = {0, 0, 0, 0};
  double m[4] = {1, 1, 1, 1};
  int kinds[2] = {KX_CRITERION_BENEFIT, KX_CRITERION_BENEFIT};
  kx_kendall_result r;
  kx_decimal q[3];
  /* The calls: each wrote past the buffer (SIGSEGV). */
  FAILS(KX_EINVALID, kx_weights_ahp(w, NULL, m, (size_t)1 << 32, NULL));
  CHECK(contains(kx_error_last()->message, "n × n = 4294967296 × 4294967296 overflows"));
  FAILS(KX_EINVALID, kx_kendall_w(&r, m, (size_t)-1, (size_t)-1, NULL));
  CHECK(contains(kx_error_last()->message, "entries × judges"));
  CHECK(contains(kx_error_last()->message, "overflows the address space"));
  FAILS(KX_EINVALID, kx_kendall_w(&r, m, 2, (size_t)1 << 61, NULL));
  FAILS(KX_EINVALID,
        kx_weights_entropy(w, m, (size_t)1 << 32, (size_t)1 << 32, NULL, KX_ENTROPY_MIN_MAX));
  CHECK(contains(kx_error_last()->message, "rows × cols"));
  FAILS(KX_EINVALID, kx_weights_entropy(w, m, 2, SIZE_MAX / 4, kinds, KX_ENTROPY_MIN_MAX));
  FAILS(KX_EINVALID, kx_weights_entropy(w, m, 0, SIZE_MAX, kinds, KX_ENTROPY_MIN_MAX));
  CHECK(contains(kx_error_last()->message, "cols = "));
  /* 15: n = 2^62 is a size problem, not "no weights". */
  FAILS(KX_EINVALID, kx_weights_quantize(q, m, (size_t)1 << 62, 2));
  CHECK(contains(kx_error_last()->message, "n = 4611686018427387904 overflows"));
  /* Sizes that fit still work. */
  OK(kx_weights_ahp(w, NULL, m, 2, NULL));
  CHECK(fabs(w[0] - 0.5) < 1e-12);
}

static void test_weights_arguments(void) {
  double a[4] = {1, 2, 0.5, 1};
  double big[3] = {1e308, 1e308, 1e308};
  double w[2];
  kx_decimal q[3];
  kx_ahp_options o = KX_AHP_OPTIONS_INIT;
  /* 15: 1e308 × 3 overflows the sum; it does not "sum to zero". */
  FAILS(KX_EOVERFLOW, kx_weights_quantize(q, big, 3, 2));
  CHECK(contains(kx_error_last()->message, "overflows a double"));
  o.threshold = NAN;
  FAILS(KX_EINVALID, kx_weights_ahp(w, NULL, a, 2, &o));
  CHECK(contains(kx_error_last()->message, "consistency threshold"));
  o.threshold = -0.1;
  FAILS(KX_EINVALID, kx_weights_ahp(w, NULL, a, 2, &o));
  o.threshold = INFINITY;
  FAILS(KX_EINVALID, kx_weights_ahp(w, NULL, a, 2, &o));
  o.threshold = 0.1;
  OK(kx_weights_ahp(w, NULL, a, 2, &o));
}

static void test_timestamps(void) {
  int64_t t = 0;
  FAILS(KX_EINVALID, kx_timestamp_parse(&t, "9999-12-31T23:59:59-23:59"));
  CHECK(contains(kx_error_last()->message, "1400–9999 in UTC"));
  FAILS(KX_EINVALID, kx_timestamp_parse(&t, "1400-01-01T00:00:00+00:01"));
  OK(kx_timestamp_parse(&t, "9999-12-31T23:59:59Z"));
}

static void test_echoes_are_bounded(void) {
  const size_t size = 100u * 1000u * 1000u;
  char* huge = (char*)malloc(size + 1);
  int carrier = 0;
  CHECK(huge != NULL);
  if (huge == NULL) return;
  memset(huge, 'x', size);
  huge[size] = '\0';
  FAILS(KX_EINVALID, kx_energy_carrier_parse(&carrier, huge));
  CHECK(strlen(kx_error_last()->message) < 120);
  CHECK(contains(kx_error_last()->message, "…\""));
  free(huge);
  /* Bytes that are not UTF-8 appear escaped, so the message is always UTF-8. */
  FAILS(KX_EINVALID, kx_energy_carrier_parse(&carrier, "coal\xFF\x01"));
  CHECK(contains(kx_error_last()->message, "\"coal\\xFF\\x01\""));
}

static void test_registry_text(world* w) {
  kx_person_spec p = KX_PERSON_SPEC_INIT;
  uint32_t id = 0;
  p.name = "Alice\xC0\xAF"; /* an overlong '/' */
  p.birth = "1990-01-01";
  p.employer = w->steel;
  p.external_key = "S-1";
  FAILS_RULE(KX_EINVALID, "text.utf8", kx_registry_add_person(&id, w->reg, &p));
  p.name = "Alice\xED\xA0\x80"; /* a surrogate */
  FAILS_RULE(KX_EINVALID, "text.utf8", kx_registry_add_person(&id, w->reg, &p));
  p.name = "Alice\xF4\x90\x80\x80"; /* above U+10FFFF */
  FAILS_RULE(KX_EINVALID, "text.utf8", kx_registry_add_person(&id, w->reg, &p));
  p.name = "Alice\x1B";
  FAILS_RULE(KX_EINVALID, "text.control", kx_registry_add_person(&id, w->reg, &p));
  p.name = "Alice\xC2\x85"; /* NEL, a C1 control */
  FAILS_RULE(KX_EINVALID, "text.control", kx_registry_add_person(&id, w->reg, &p));
  p.name = "Alice";
  OK(kx_registry_add_person(&id, w->reg, &p));
}

typedef struct counter {
  int calls;
  int value;
} counter;

static int standing_cb(const kx_standing* s, void* payload) {
  counter* c = (counter*)payload;
  (void)s;
  ++c->calls;
  return c->value;
}

static void test_campaign(world* w) {
  kx_campaign_options o = KX_CAMPAIGN_OPTIONS_INIT;
  kx_award_tier tier;
  kx_campaign* c = NULL;
  kx_entry_spec e = KX_ENTRY_SPEC_INIT;
  kx_team_share team[1];
  kx_mark marks[5];
  kx_scoreboard* board = NULL;
  counter seen = {0, 0};
  uint32_t entry = 0, found = 0, j[3], a1 = 0, a2 = 0;
  size_t failed = 99, i;
  char* huge;

  tier.name = NULL;
  tier.by_count = 1;
  tier.share = NULL;
  tier.count = 1;
  tier.rounding = KX_ROUND_FLOOR;
  tier.min_score = NULL;
  o.name = "2025";
  o.organizer = w->province;
  o.as_of = "2025-11-30";
  o.year = 2024;
  o.tiers = &tier;
  o.tier_count = 1;
  /* 15: a NULL tier name, people_min_share = 2, cusp_margin = -1 are refused. */
  FAILS(KX_EINVALID, kx_campaign_new(&c, w->reg, &o));
  CHECK(STREQ(kx_error_last()->message, "tier name is NULL"));
  tier.name = "一等奖";
  o.people_min_share = "2";
  FAILS(KX_EINVALID, kx_campaign_new(&c, w->reg, &o));
  CHECK(contains(kx_error_last()->message, "share 2 is outside [0, 1]"));
  o.people_min_share = NULL;
  o.cusp_margin = "-1";
  FAILS(KX_EINVALID, kx_campaign_new(&c, w->reg, &o));
  CHECK(contains(kx_error_last()->message, "cusp margin -1 is negative"));
  o.cusp_margin = NULL;
  tier.name = "bad\xFF";
  FAILS_RULE(KX_EINVALID, "text.utf8", kx_campaign_new(&c, w->reg, &o));
  tier.name = "一等奖";
  o.tie_breaks = "indicator:NOPE";
  OK(kx_campaign_new(&c, w->reg, &o));
  OK(kx_campaign_set_rubric(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "r", kRubric, 2));
  OK(kx_campaign_indicator_index(&a1, c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "A.1"));
  OK(kx_campaign_indicator_index(&a2, c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "A.2"));

  team[0].person = w->p[0];
  team[0].share = "1";
  e.code = "E\x01";
  e.title = "t";
  e.unit = w->steel;
  e.category = KX_CATEGORY_RATIONALIZATION_PROPOSALS;
  e.focus = KX_FOCUS_ENERGY_SAVING;
  e.team = team;
  e.team_count = 1;
  e.in_use_since = "2024-03-01";
  e.annual_benefit_yuan = "1000";
  FAILS_RULE(KX_EINVALID, "text.control", kx_campaign_add_entry(&entry, c, &e));
  e.code = "E1";
  e.title = "t\xE6\x9D";
  FAILS_RULE(KX_EINVALID, "text.utf8", kx_campaign_add_entry(&entry, c, &e));
  e.title = "t";
  OK(kx_campaign_add_entry(&entry, c, &e));

  /* 14: a 100 MB code is echoed bounded. */
  huge = (char*)malloc(100u * 1000u * 1000u + 1);
  CHECK(huge != NULL);
  if (huge != NULL) {
    memset(huge, 'E', 100u * 1000u * 1000u);
    huge[100u * 1000u * 1000u] = '\0';
    FAILS(KX_ENOTFOUND, kx_campaign_find_entry(&found, c, huge));
    CHECK(strlen(kx_error_last()->message) < 100);
    free(huge);
  }

  for (i = 0; i < 3; ++i) {
    OK(kx_campaign_add_judge(&j[i], c, w->q[i]));
    OK(kx_campaign_assign(c, j[i], entry));
  }
  /* 15: the repeat is reported, not the first (valid) mark. */
  for (i = 0; i < 5; ++i) {
    marks[i].judge = j[i % 3];
    marks[i].entry = entry;
    marks[i].indicator = a1;
    marks[i].mark = "80";
  }
  marks[4].indicator = a2;
  FAILS_RULE(KX_EEXISTS, "panel.mark_unique", kx_campaign_mark_batch(c, marks, 5, &failed));
  CHECK(failed == 3);
  CHECK(contains(kx_error_last()->message, "(mark #4)"));
  failed = 99;
  FAILS(KX_EINVALID, kx_campaign_mark_batch(c, marks, SIZE_MAX / 2, &failed));
  CHECK(contains(kx_error_last()->message, "count = "));
  for (i = 0; i < 3; ++i) marks[i + 2].indicator = a2;
  for (i = 0; i < 3; ++i) marks[i + 2].judge = j[i];
  marks[1].judge = j[1];
  OK(kx_campaign_mark_batch(c, marks, 5, &failed));
  OK(kx_campaign_mark(c, j[2], entry, "A.1", "80"));

  /* 15: tie-break indicator:NOPE is refused when the campaign is scored. */
  FAILS_RULE(KX_EINVALID, "campaign.tie_break", kx_campaign_score(&board, c));
  CHECK(contains(kx_error_last()->message, "indicator:\"NOPE\""));
  FAILS_RULE(KX_EINVALID, "campaign.tie_break",
             kx_campaign_standings_foreach(c, standing_cb, &seen));
  kx_campaign_free(c);
  c = NULL;

  /* 15: a callback's value never reads as a KX_E* code. */
  o.tie_breaks = NULL;
  OK(kx_campaign_new(&c, w->reg, &o));
  OK(kx_campaign_set_rubric(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "r", kRubric, 2));
  e.code = "E1";
  OK(kx_campaign_add_entry(&entry, c, &e));
  e.code = "E2";
  OK(kx_campaign_add_entry(&entry, c, &e));
  seen.value = 7; /* a positive value stops and is returned as it is */
  CHECK(kx_campaign_standings_foreach(c, standing_cb, &seen) == 7);
  CHECK(seen.calls == 1);
  seen.value = KX_ENOTFOUND; /* a negative one is KX_ECALLBACK, never KX_ENOTFOUND */
  FAILS(KX_ECALLBACK, kx_campaign_standings_foreach(c, standing_cb, &seen));
  CHECK(STREQ(kx_error_last()->message, "the callback stopped the iteration with -2"));
  CHECK(seen.calls == 2);
  seen.value = 0;
  OK(kx_campaign_standings_foreach(c, standing_cb, &seen));
  CHECK(seen.calls == 4);
  kx_campaign_free(c);
}

int main(void) {
  world w;
  test_size_products();
  test_weights_arguments();
  test_timestamps();
  test_echoes_are_bounded();
  world_build(&w);
  test_registry_text(&w);
  test_campaign(&w);
  kx_registry_free(w.reg);
  if (kx_test_failures) fprintf(stderr, "%d check(s) failed\n", kx_test_failures);
  return kx_test_failures != 0;
}
