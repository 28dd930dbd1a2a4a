/* C API tests of CSV and XLSX tables: assignments, marks and vetoes imported from CSV
 * files (all or nothing, errors naming the place), result sheets as CSV in UTF-8 and
 * GB18030, the XLSX workbook, and the argument checks of each call. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <unistd.h>

#include "world.h"

static const kx_indicator kRubric[] = {
    {"A", "评审指标 judged", NULL, KX_INDICATOR_GROUP, "0.6", NULL, NULL, NULL, 0, NULL, NULL, NULL,
     NULL, NULL},
    {"A.1", "创新性 creativity", "A", KX_INDICATOR_JUDGED, "0.5", "0", "100", "0.5", 0, NULL, NULL,
     NULL, NULL, NULL},
    {"A.2", "实用性 practicality", "A", KX_INDICATOR_JUDGED, "0.5", "0", "100", "0.5", 0, NULL,
     NULL, NULL, NULL, NULL},
    {"B", "经济效益 benefit", NULL, KX_INDICATOR_OBJECTIVE, "0.4", NULL, NULL, NULL,
     KX_FIGURE_ANNUAL_BENEFIT_YUAN, "500000:95;100000:70", "40", NULL, NULL, NULL},
    {"veto", "一票否决 veto", NULL, KX_INDICATOR_VETO, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL,
     NULL, NULL},
};

static void write_text(const char* path, const char* text) {
  FILE* f = fopen(path, "wb");
  if (f == NULL) {
    fprintf(stderr, "cannot write %s\n", path);
    ++kx_test_failures;
    return;
  }
  fputs(text, f);
  fclose(f);
}

int main(void) {
  world w;
  kx_award_tier tier;
  kx_campaign_options o = KX_CAMPAIGN_OPTIONS_INIT;
  kx_campaign* c = NULL;
  kx_scoreboard* board = NULL;
  kx_team_share team[1];
  kx_entry_spec e = KX_ENTRY_SPEC_INIT;
  uint32_t id = 0, j = 0;
  size_t n = 0, len = 0, k;
  char *csv = NULL, *name = NULL;
  char dir[] = "/tmp/kexie_c_table_XXXXXX";
  char assignments[64], marks[64], bad[64], vetoes[64], xlsx[64];
  const char* codes[2] = {"P-1", "P-2"};
  char body[1024];
  int i;

  world_build(&w);
  tier.name = "一等奖";
  tier.by_count = 1;
  tier.share = NULL;
  tier.count = 1;
  tier.rounding = KX_ROUND_FLOOR;
  tier.min_score = "60";
  o.name = "2025 讲比";
  o.organizer = w.province;
  o.as_of = "2025-11-30";
  o.year = 2024;
  o.tiers = &tier;
  o.tier_count = 1;
  o.min_judges = 3;
  OK(kx_campaign_new(&c, w.reg, &o));
  OK(kx_campaign_set_rubric(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "细则", kRubric, 5));
  for (i = 0; i < 2; ++i) {
    team[0].person = w.p[i];
    team[0].share = "1";
    e.code = codes[i];
    e.title = "余热回收改造";
    e.unit = w.steel;
    e.category = KX_CATEGORY_RATIONALIZATION_PROPOSALS;
    e.focus = KX_FOCUS_ENERGY_SAVING;
    e.team = team;
    e.team_count = 1;
    e.in_use_since = "2024-03-01";
    e.annual_benefit_yuan = i == 0 ? "600000" : "200000";
    OK(kx_campaign_add_entry(&id, c, &e));
  }
  for (i = 0; i < 3; ++i) OK(kx_campaign_add_judge(&j, c, w.q[i]));

  if (mkdtemp(dir) == NULL) {
    fprintf(stderr, "mkdtemp failed\n");
    return 1;
  }
  snprintf(assignments, sizeof assignments, "%s/assignments.csv", dir);
  snprintf(marks, sizeof marks, "%s/marks.csv", dir);
  snprintf(bad, sizeof bad, "%s/bad.csv", dir);
  snprintf(vetoes, sizeof vetoes, "%s/vetoes.csv", dir);
  snprintf(xlsx, sizeof xlsx, "%s/results.xlsx", dir);
  write_text(assignments, "评委,项目编号\nE-1,P-1\nE-2,P-1\nE-3,P-1\nE-1,P-2\nE-2,P-2\nE-3,P-2\n");
  strcpy(body, "\xEF\xBB\xBFjudge,entry,indicator,mark\r\n");
  for (i = 0; i < 2; ++i) {
    for (k = 1; k <= 3; ++k) {
      char line[96];
      snprintf(line, sizeof line, "E-%u,%s,A.1,%d\r\nE-%u,%s,A.2,8%u.5\r\n", (unsigned)k, codes[i],
               90 - 10 * i, (unsigned)k, codes[i], (unsigned)k);
      strcat(body, line);
    }
  }
  write_text(marks, body);
  write_text(bad, "judge,entry,indicator,mark\nE-1,P-1,A.1,90\nE-2,P-1,A.1,lots\n");
  write_text(vetoes, "judge,entry,veto,reason\nE-2,P-2,veto,\"copied,\n word for word\"\n");

  /* Arguments. */
  FAILS(KX_EINVALID, kx_campaign_import_marks_csv(NULL, w.reg, marks, KX_ENCODING_AUTO));
  FAILS(KX_EINVALID, kx_campaign_import_marks_csv(c, NULL, marks, KX_ENCODING_AUTO));
  FAILS(KX_EINVALID, kx_campaign_import_marks_csv(c, w.reg, NULL, KX_ENCODING_AUTO));
  FAILS(KX_EINVALID, kx_campaign_import_marks_csv(c, w.reg, marks, 7));
  FAILS(KX_EINVALID, kx_campaign_import_marks_csv(c, w.reg, marks, -1));
  CHECK(kx_campaign_import_marks_csv(c, w.reg, "/nonexistent/marks.csv", KX_ENCODING_AUTO) < 0);

  /* Imports: marks before assignments are refused as a whole. */
  CHECK(kx_campaign_import_marks_csv(c, w.reg, marks, KX_ENCODING_AUTO) < 0);
  CHECK(strstr(kx_error_last()->message, "marks.csv:2") != NULL);
  OK(kx_campaign_import_assignments_csv(c, w.reg, assignments, KX_ENCODING_UTF8));
  FAILS_RULE(KX_EINVALID, "table.field",
             kx_campaign_import_marks_csv(c, w.reg, bad, KX_ENCODING_AUTO));
  CHECK(strstr(kx_error_last()->message, "bad.csv:3:4 (mark)") != NULL);
  OK(kx_campaign_import_marks_csv(c, w.reg, marks, KX_ENCODING_AUTO));
  OK(kx_campaign_import_vetoes_csv(c, w.reg, vetoes, KX_ENCODING_AUTO));

  /* Results. */
  OK(kx_campaign_score(&board, c));
  FAILS(KX_EINVALID, kx_scoreboard_sheet_count(NULL, board, c, w.reg));
  FAILS(KX_EINVALID, kx_scoreboard_sheet_count(&n, board, NULL, w.reg));
  OK(kx_scoreboard_sheet_count(&n, board, c, w.reg));
  CHECK(n == 5);
  OK(kx_scoreboard_sheet_csv(&csv, &len, &name, board, c, w.reg, 0, KX_ENCODING_UTF8));
  CHECK(csv != NULL && len > 3 && memcmp(csv, "\xEF\xBB\xBF", 3) == 0);
  CHECK(csv != NULL && strstr(csv, "P-1") != NULL && strlen(csv) == len);
  CHECK(name != NULL && strcmp(name, "合理化建议") == 0);
  kx_string_free(csv);
  kx_string_free(name);
  csv = NULL;
  OK(kx_scoreboard_sheet_csv(&csv, &len, NULL, board, c, w.reg, 0, KX_ENCODING_GB18030));
  CHECK(csv != NULL && memcmp(csv, "\xEF\xBB\xBF", 3) != 0 && strstr(csv, "P-2") != NULL);
  kx_string_free(csv);
  FAILS(KX_EINVALID,
        kx_scoreboard_sheet_csv(&csv, &len, NULL, board, c, w.reg, 5, KX_ENCODING_UTF8));
  FAILS(KX_EINVALID, kx_scoreboard_sheet_csv(&csv, &len, NULL, board, c, w.reg, 0, 3));
  FAILS(KX_EINVALID, kx_scoreboard_sheet_csv(&csv, NULL, NULL, board, c, w.reg, 0, 0));
  OK(kx_scoreboard_write_xlsx(board, c, w.reg, xlsx));
  CHECK(access(xlsx, R_OK) == 0);
  FAILS(KX_EINVALID, kx_scoreboard_write_xlsx(board, c, w.reg, NULL));
  FAILS(KX_EINVALID, kx_scoreboard_write_xlsx(NULL, c, w.reg, xlsx));

  remove(assignments);
  remove(marks);
  remove(bad);
  remove(vetoes);
  remove(xlsx);
  rmdir(dir);
  kx_scoreboard_free(board);
  kx_campaign_free(c);
  kx_registry_free(w.reg);
  return kx_test_failures;
}
