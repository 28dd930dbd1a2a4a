/* C API tests of kx_campaign_standings_columns (issue 17, item 7): the standings
 * written into caller arrays agree row by row with kx_campaign_standings_foreach
 * (entry, status, exact total, rank, position), NULL columns are skipped, and every
 * pointer and the capacity are checked, with nothing written on a refusal. */
#include <stdlib.h>

#include "world.h"

static const char kRubric[] =
    "# code|name|parent|kind|weight|min|max|step\n"
    "A|评审指标 judged||group|1\n"
    "A.1|创新性 creativity|A|judged|0.5|0|100|0.5\n"
    "A.2|实用性 practicality|A|judged|0.5|0|100|0.5\n";

typedef struct expected {
  size_t count;
  uint32_t entry[8];
  int status[8];
  char total[8][40];
  uint32_t rank[8];
  uint32_t position[8];
} expected;

static int collect(const kx_standing* s, void* payload) {
  expected* x = (expected*)payload;
  if (x->count >= 8) return -1;
  x->entry[x->count] = s->entry;
  x->status[x->count] = s->status;
  strncpy(x->total[x->count], s->total, sizeof x->total[0] - 1);
  x->total[x->count][sizeof x->total[0] - 1] = '\0';
  x->rank[x->count] = s->rank;
  x->position[x->count] = s->position;
  x->count += 1;
  return 0;
}

/* The places of the totals kx_campaign_standings_columns writes (kexie.h). */
enum { kTotalScale = 14 };

/* A coefficient at kTotalScale places as the library prints a total at 6 places
 * ("87.250000"), for comparison with the callback's text. */
static void total_text(char* out, size_t size, int64_t coefficient) {
  int64_t scale = 1, whole, frac;
  int k;
  for (k = 0; k < kTotalScale - 6; ++k) scale *= 10;
  whole = coefficient / (scale * 1000000);
  frac = (coefficient / scale) % 1000000;
  snprintf(out, size, "%lld.%06lld", (long long)whole, (long long)frac);
}

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
  OK(kx_campaign_add_entry(&id, c, &e));
  return id;
}

int main(void) {
  world w;
  kx_campaign_options o = KX_CAMPAIGN_OPTIONS_INIT;
  kx_campaign *c = NULL, *empty = NULL;
  kx_campaign_counts counts;
  expected x;
  uint32_t e[4], j[3], a1 = 0, a2 = 0, i, k;
  uint32_t cj[18], ce[18], ci[18];
  int64_t cv[18];
  /* Marks (half points at scale 1) per entry: E1 and E3 tie, E2 is last, E4 has none. */
  static const int64_t kMarks[3][6] = {{800, 850, 900, 700, 750, 800},
                                       {600, 650, 700, 600, 650, 700},
                                       {800, 850, 900, 700, 750, 800}};
  uint32_t ids[5], ranks[5], positions[5];
  int32_t statuses[5];
  int64_t totals[5];
  size_t rows = 0, n = 0;
  char text[40];

  memset(&x, 0, sizeof x);
  world_build(&w);
  o.name = "2025 讲比";
  o.organizer = w.province;
  o.as_of = "2025-11-30";
  o.year = 2024;
  OK(kx_campaign_new(&c, w.reg, &o));
  OK(kx_campaign_set_rubric_text(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "细则", kRubric));
  OK(kx_campaign_indicator_index(&a1, c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "A.1"));
  OK(kx_campaign_indicator_index(&a2, c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "A.2"));

  /* No entries yet: zero rows, and NULL columns with capacity 0 are fine. */
  rows = 99;
  OK(kx_campaign_standings_columns(c, 0, NULL, NULL, NULL, NULL, NULL, &rows));
  CHECK(rows == 0);

  e[0] = add_entry(c, "E1", w.steel, w.p[0]);
  e[1] = add_entry(c, "E2", w.steel, w.p[1]);
  e[2] = add_entry(c, "E3", w.steel, w.p[2]);
  e[3] = add_entry(c, "E4", w.steel, w.p[3]);
  for (i = 0; i < 3; ++i) OK(kx_campaign_add_judge(&j[i], c, w.q[i]));
  for (i = 0; i < 3; ++i)
    for (k = 0; k < 4; ++k) OK(kx_campaign_assign(c, j[i], e[k]));
  n = 0;
  for (k = 0; k < 3; ++k) {
    for (i = 0; i < 6; ++i) {
      cj[n] = j[i % 3];
      ce[n] = e[k];
      ci[n] = i < 3 ? a1 : a2;
      cv[n] = kMarks[k][i];
      ++n;
    }
  }
  OK(kx_campaign_mark_columns(c, n, cj, ce, ci, cv, 1, NULL));
  OK(kx_campaign_count(&counts, c));
  CHECK(counts.entries == 4);

  /* Every column, row by row against the callback form. */
  OK(kx_campaign_standings_foreach(c, collect, &x));
  CHECK(x.count == 4);
  for (i = 0; i < 5; ++i) {
    ids[i] = 77;
    totals[i] = -1;
  }
  OK(kx_campaign_standings_columns(c, counts.entries, ids, statuses, totals, ranks, positions,
                                   &rows));
  CHECK(rows == 4);
  for (i = 0; i < 4; ++i) {
    CHECK(ids[i] == x.entry[i]);
    CHECK(statuses[i] == x.status[i]);
    CHECK(ranks[i] == x.rank[i]);
    CHECK(positions[i] == x.position[i]);
    total_text(text, sizeof text, totals[i]);
    CHECK(strncmp(text, x.total[i], strlen(text)) == 0);
  }
  CHECK(ids[4] == 77); /* nothing past the rows */
  /* E1 and E3 tie at 80.0 (trimmed mean of 80, 85, 90 is 85 for A.1; 75 for A.2). */
  CHECK(ids[0] == e[0] && ranks[0] == 1 && ranks[1] == 1 && ids[1] == e[2]);
  CHECK(totals[0] == (int64_t)80 * 100000000000000LL && totals[1] == totals[0]);
  CHECK(ids[2] == e[1] && ranks[2] == 3 && totals[2] == (int64_t)65 * 100000000000000LL);
  CHECK(ids[3] == e[3] && statuses[3] == KX_ENTRY_INCOMPLETE && ranks[3] == 0 && totals[3] == 0);

  /* NULL columns are skipped. */
  for (i = 0; i < 5; ++i) ranks[i] = 55;
  OK(kx_campaign_standings_columns(c, 4, NULL, NULL, totals, NULL, NULL, &rows));
  CHECK(rows == 4 && ranks[0] == 55);

  /* Refusals: NULL campaign or count, a capacity too small (nothing written), a capacity beyond the
   * address space. */
  FAILS(KX_EINVALID, kx_campaign_standings_columns(NULL, 4, ids, NULL, NULL, NULL, NULL, &rows));
  FAILS(KX_EINVALID, kx_campaign_standings_columns(c, 4, ids, NULL, NULL, NULL, NULL, NULL));
  for (i = 0; i < 5; ++i) ids[i] = 77;
  rows = 99;
  FAILS(KX_EINVALID,
        kx_campaign_standings_columns(c, 3, ids, statuses, totals, ranks, positions, &rows));
  CHECK(rows == 99 && ids[0] == 77); /* outputs untouched on failure */
  CHECK(strstr(kx_error_last()->message, "capacity 3 is below the 4 standings") != NULL);
  FAILS(KX_EINVALID,
        kx_campaign_standings_columns(c, (size_t)-1, ids, NULL, NULL, NULL, NULL, &rows));

  /* A campaign whose tie-break chain names no indicator is refused as by the callback form. */
  o.tie_breaks = "indicator:Z.9";
  OK(kx_campaign_new(&empty, w.reg, &o));
  OK(kx_campaign_set_rubric_text(empty, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "细则", kRubric));
  FAILS(KX_EINVALID, kx_campaign_standings_columns(empty, 4, ids, NULL, NULL, NULL, NULL, &rows));
  CHECK(kx_campaign_standings_foreach(empty, collect, &x) == KX_EINVALID);

  kx_campaign_free(empty);
  kx_campaign_free(c);
  kx_registry_free(w.reg);
  if (kx_test_failures) fprintf(stderr, "%d check(s) failed\n", kx_test_failures);
  return kx_test_failures != 0;
}
