/* C API tests for the scoring sheets offices use (kx_campaign_set_rubric_ex): a
 * 100-point sheet whose items carry points, a judged mark confined to the band the
 * yearly benefit selects (bands overlap), and a prize from the benefit above a
 * threshold — with the refusals of each and the scoreboard's prize. */
#include <stdlib.h>
#include <string.h>

#include "world.h"

/* 技术 60 = 创新 30 + 可行 30; 效益 20, judged within a band; 推广 20 from the gain. */
static const kx_indicator kSheet[] = {
    {"技术", "技术水平", NULL, KX_INDICATOR_GROUP, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL,
     NULL, NULL},
    {"创新", "创新性", "技术", KX_INDICATOR_JUDGED, NULL, "0", "30", "0.5", 0, NULL, NULL, NULL,
     NULL, NULL},
    {"可行", "可行性", "技术", KX_INDICATOR_JUDGED, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL,
     NULL, NULL},
    {"效益", "经济效益", NULL, KX_INDICATOR_JUDGED, NULL, "0", "20", "0.5", 0, NULL, NULL, NULL,
     NULL, NULL},
    {"推广", "推广价值", NULL, KX_INDICATOR_OBJECTIVE, NULL, NULL, NULL, NULL,
     KX_FIGURE_EFFICIENCY_GAIN_PERCENT, "20:20;10:15", "10", NULL, NULL, NULL},
};

static const kx_band kBands[] = {{"1000000", "16", "20"}, {"100000", "12", "17"}, {"0", "8", "13"}};

static uint32_t add_entry(kx_campaign* c, const char* code, uint32_t unit, uint32_t leader,
                          const char* benefit, const char* gain) {
  kx_team_share team[1];
  kx_entry_spec e = KX_ENTRY_SPEC_INIT;
  uint32_t id = 0;
  team[0].person = leader;
  team[0].share = "1";
  e.code = code;
  e.title = "合理化建议";
  e.unit = unit;
  e.category = KX_CATEGORY_RATIONALIZATION_PROPOSALS;
  e.focus = KX_FOCUS_EFFICIENCY_GAIN;
  e.team = team;
  e.team_count = 1;
  e.in_use_since = "2024-03-01";
  e.annual_benefit_yuan = benefit;
  e.efficiency_gain_percent = gain;
  return kx_campaign_add_entry(&id, c, &e) == KX_OK ? id : 0;
}

static void marks(kx_campaign* c, const uint32_t* j, uint32_t e, const char* code, const char* a,
                  const char* b, const char* d) {
  OK(kx_campaign_mark(c, j[0], e, code, a));
  OK(kx_campaign_mark(c, j[1], e, code, b));
  OK(kx_campaign_mark(c, j[2], e, code, d));
}

int main(void) {
  world w;
  kx_award_tier tiers[1];
  kx_campaign_options o = KX_CAMPAIGN_OPTIONS_INIT;
  kx_campaign* c = NULL;
  kx_indicator_extra extras[5];
  kx_prize_rule prize = {KX_FIGURE_ANNUAL_BENEFIT_YUAN, "500000", "0.02", "50000", 0};
  kx_rubric_options ro = KX_RUBRIC_OPTIONS_INIT;
  kx_scoreboard* board = NULL;
  kx_entry_result r;
  const char* amount = NULL;
  char* text = NULL;
  uint32_t j[3], e1 = 0, e2 = 0;
  size_t i;

  world_build(&w);
  tiers[0].name = "一等奖";
  tiers[0].by_count = 1;
  tiers[0].share = NULL;
  tiers[0].count = 1;
  tiers[0].rounding = KX_ROUND_FLOOR;
  tiers[0].min_score = "85";
  o.name = "2025 合理化建议";
  o.organizer = w.province;
  o.as_of = "2025-11-30";
  o.year = 2024;
  o.tiers = tiers;
  o.tier_count = 1;
  OK(kx_campaign_new(&c, w.reg, &o));

  memset(extras, 0, sizeof extras);
  extras[0].code = "技术";
  extras[0].points = "60";
  extras[1].code = "创新";
  extras[1].points = "30";
  extras[2].code = "可行";
  extras[2].points = "30";
  extras[3].code = "效益";
  extras[3].points = "20";
  extras[3].band_figure = KX_FIGURE_ANNUAL_BENEFIT_YUAN;
  extras[3].bands = kBands;
  extras[3].band_count = 3;
  extras[4].code = "推广";
  extras[4].points = "20";
  ro.full_score = "100";
  ro.extras = extras;
  ro.extra_count = 5;
  ro.prize = &prize;

  /* Refusals: points that do not sum, a band beyond the scale, a bad prize share,
   * an extra naming no indicator, bad arguments. */
  extras[2].points = "25";
  FAILS_RULE(
      KX_ERULE, "rubric.points_sum",
      kx_campaign_set_rubric_ex(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "x", kSheet, 5, &ro));
  extras[2].points = "30";
  ro.full_score = "0";
  FAILS_RULE(
      KX_ERULE, "rubric.points",
      kx_campaign_set_rubric_ex(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "x", kSheet, 5, &ro));
  ro.full_score = NULL; /* weighted: the points are refused */
  FAILS_RULE(
      KX_ERULE, "rubric.points",
      kx_campaign_set_rubric_ex(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "x", kSheet, 5, &ro));
  ro.full_score = "100";
  extras[3].band_count = 2;
  extras[3].bands = NULL;
  FAILS(KX_EINVALID,
        kx_campaign_set_rubric_ex(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "x", kSheet, 5, &ro));
  extras[3].bands = kBands;
  extras[3].band_figure = 99;
  FAILS(KX_EINVALID,
        kx_campaign_set_rubric_ex(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "x", kSheet, 5, &ro));
  extras[3].band_figure = KX_FIGURE_ANNUAL_BENEFIT_YUAN;
  extras[3].band_count = 3;
  prize.share = "1.5";
  FAILS_RULE(
      KX_ERULE, "rubric.prize",
      kx_campaign_set_rubric_ex(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "x", kSheet, 5, &ro));
  prize.share = "0.02";
  extras[4].code = "nope";
  FAILS(KX_ENOTFOUND,
        kx_campaign_set_rubric_ex(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "x", kSheet, 5, &ro));
  extras[4].code = "推广";
  ro.version = 0;
  FAILS(KX_EINVALID,
        kx_campaign_set_rubric_ex(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "x", kSheet, 5, &ro));
  ro.version = KX_RUBRIC_OPTIONS_VERSION;
  ro.extras = NULL;
  FAILS(KX_EINVALID,
        kx_campaign_set_rubric_ex(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "x", kSheet, 5, &ro));
  ro.extras = extras;
  FAILS(KX_EINVALID,
        kx_campaign_set_rubric_ex(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "x", NULL, 5, &ro));
  FAILS(KX_EINVALID, kx_campaign_set_rubric_ex(NULL, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "x",
                                               kSheet, 5, &ro));
  OK(kx_campaign_set_rubric_ex(c, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "百分制评审表", kSheet, 5,
                               &ro));

  e1 = add_entry(c, "P-1", w.steel, w.p[0], "1200000", "25");
  e2 = add_entry(c, "P-2", w.steel, w.p[1], "650000", "12");
  CHECK(e1 != 0 && e2 != 0);
  for (i = 0; i < 3; ++i) {
    OK(kx_campaign_add_judge(&j[i], c, w.q[i]));
    OK(kx_campaign_assign(c, j[i], e1));
    OK(kx_campaign_assign(c, j[i], e2));
  }
  /* 650 000 yuan selects [12, 17]; 18 is admissible only in the top band. */
  FAILS_RULE(KX_ERULE, "rubric.band", kx_campaign_mark(c, j[0], e2, "效益", "18"));
  FAILS_RULE(KX_EINVALID, "panel.mark_scale", kx_campaign_mark(c, j[0], e2, "可行", "31"));
  marks(c, j, e1, "创新", "27", "28", "29");
  marks(c, j, e1, "可行", "25", "26", "27");
  marks(c, j, e1, "效益", "18", "19", "20");
  marks(c, j, e2, "创新", "20", "21", "22");
  marks(c, j, e2, "可行", "24", "24", "24");
  marks(c, j, e2, "效益", "15", "16", "17");

  /* By hand: P-1 28 + 26 + 19 + 20 = 93, prize 2 % × 700 000; P-2 21 + 24 + 16 + 15 = 76. */
  OK(kx_campaign_score(&board, c));
  OK(kx_scoreboard_find(&r, board, e1));
  CHECK(STREQ(r.total, "93.00000000000000"));
  CHECK(STREQ(r.award, "一等奖"));
  OK(kx_scoreboard_find(&r, board, e2));
  CHECK(STREQ(r.total, "76.00000000000000"));
  OK(kx_scoreboard_prize(&amount, board, e1));
  CHECK(amount != NULL && STREQ(amount, "14000.00"));
  OK(kx_scoreboard_prize(&amount, board, e2));
  CHECK(amount != NULL && STREQ(amount, "3000.00"));
  FAILS(KX_ENOTFOUND, kx_scoreboard_prize(&amount, board, 999));
  FAILS(KX_EINVALID, kx_scoreboard_prize(NULL, board, e1));
  FAILS(KX_EINVALID, kx_scoreboard_prize(&amount, NULL, e1));

  OK(kx_explain_text(&text, c, board, e2, KX_LANG_ENGLISH));
  CHECK(text != NULL &&
        strstr(text, "band [12, 17] selected by annual_benefit_yuan = 650000") != NULL);
  CHECK(text != NULL && strstr(text, "prize: 3000.00 yuan") != NULL);
  kx_string_free(text);
  OK(kx_explain_text(&text, c, board, e2, KX_LANG_CHINESE));
  CHECK(text != NULL && strstr(text, "评分档次 [12, 17]") != NULL);
  CHECK(text != NULL && strstr(text, "满分 100；总分 76") != NULL);
  kx_string_free(text);

  kx_scoreboard_free(board);
  kx_campaign_free(c);
  kx_registry_free(w.reg);
  return kx_test_failures != 0;
}
