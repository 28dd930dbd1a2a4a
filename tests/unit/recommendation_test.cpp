// Recommendation lists (issue 20): every eligibility rule passed and failed with
// its id and article, the quota in nomination order, honours from other schemes
// recorded with grantor and date, and whole-call refusals.
#include "kexie/recommendation.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "service_fixture.hpp"

namespace {

using namespace kexie_test;

const kexie::RuleCheck* find(const kexie::CandidateDecision& d, const std::string& rule) {
  for (const kexie::RuleCheck& c : d.checks)
    if (c.rule == rule) return &c;
  return nullptr;
}

struct RecWorld : ServiceWorld {
  RecWorld() {
    // li: an honour of another scheme, granted by the province.
    reg.record_honour({.kind = kexie::HonourKind::other_scheme,
                       .person = li,
                       .grantor = zj,
                       .title = "浙江省青年岗位能手",
                       .basis = "2025 年度评选",
                       .date = "2025-05-04"_date})
        .value();
    for (int y = 2023; y <= 2025; ++y) train(zhao, y);
  }
};

}  // namespace

TEST(Recommendation, EveryRulePassesOrFailsWithItsArticle) {
  RecWorld w;
  kexie::Programme p{.name = "省青年科技人才托举计划",
                     .min_title = kexie::Title::intermediate,
                     .min_honours = 1,
                     .quota_per_association = 0};
  const std::vector<kexie::PersonId> nominees = {w.li, w.wang, w.clerk, w.zhao};
  auto list = kexie::recommend(w.reg, p, nominees, "2026-06-30"_date).value();
  EXPECT_EQ(list.programme, p.name);
  ASSERT_EQ(list.candidates.size(), 4u);
  // li passes everything.
  const auto& li = list.candidates[0];
  EXPECT_TRUE(li.recommended);
  EXPECT_TRUE(li.failed_rules.empty());
  EXPECT_EQ(li.association, w.ent);
  EXPECT_NE(find(li, "recommend.age")->explanation.find("29 ≤ 35"), std::string::npos);
  EXPECT_NE(find(li, "recommend.honours")->explanation.find("浙江省青年岗位能手"),
            std::string::npos);
  EXPECT_EQ(find(li, "recommend.continuing_education")->article, "A5");
  EXPECT_EQ(find(li, "recommend.age")->article, "A9");
  // wang: too old, junior, no honour, no training.
  const auto& wang = list.candidates[1];
  EXPECT_FALSE(wang.eligible);
  EXPECT_EQ(wang.failed_rules,
            (std::vector<std::string>{"recommend.age", "recommend.title", "recommend.honours",
                                      "recommend.continuing_education"}));
  // clerk: employed by a proxy, a member of no enterprise association.
  const auto& clerk = list.candidates[2];
  EXPECT_FALSE(clerk.recommended);
  EXPECT_EQ(clerk.failed_rules.front(), "recommend.member");
  EXPECT_FALSE(clerk.association.ok());
  // zhao: young, senior, trained, but no honour.
  EXPECT_EQ(list.candidates[3].failed_rules, std::vector<std::string>{"recommend.honours"});
  EXPECT_EQ(list.recommended(), std::vector<kexie::PersonId>{w.li});
}

TEST(Recommendation, TheAgeLineIsConfigurable) {
  RecWorld w;
  kexie::Programme p{
      .name = "四十岁以下", .age_max = 40, .education_years = 0, .quota_per_association = 0};
  const std::vector<kexie::PersonId> nominees = {w.wang};
  // wang is 46 on 2026-06-30: out at 40 …
  auto l = kexie::recommend(w.reg, p, nominees, "2026-06-30"_date).value();
  EXPECT_EQ(l.candidates[0].failed_rules, std::vector<std::string>{"recommend.age"});
  // … in when ages are taken on a day he was 40, and with the rule off.
  p.age_on = "2020-06-30"_date;
  EXPECT_TRUE(kexie::recommend(w.reg, p, nominees, "2026-06-30"_date)->candidates[0].recommended);
  p.age_on.reset();
  p.age_max = -1;
  EXPECT_TRUE(kexie::recommend(w.reg, p, nominees, "2026-06-30"_date)->candidates[0].recommended);
  EXPECT_EQ(kexie::Programme{}.age_max, 35);
  EXPECT_EQ(kexie::Programme{}.education_years, 3);
}

TEST(Recommendation, HonoursOfAKindAndOnlyThoseHeldByTheDate) {
  RecWorld w;
  kexie::Programme p{
      .name = "x", .min_honours = 1, .education_years = 0, .quota_per_association = 0};
  const std::vector<kexie::PersonId> nominees = {w.li};
  EXPECT_TRUE(kexie::recommend(w.reg, p, nominees, "2025-05-04"_date)->candidates[0].recommended);
  EXPECT_FALSE(kexie::recommend(w.reg, p, nominees, "2025-05-03"_date)->candidates[0].recommended);
  p.honour_kind = kexie::HonourKind::advanced_individual;
  auto l = kexie::recommend(w.reg, p, nominees, "2026-01-01"_date).value();
  EXPECT_EQ(l.candidates[0].failed_rules, std::vector<std::string>{"recommend.honours"});
}

TEST(Recommendation, TheQuotaTakesEligibleNomineesInOrder) {
  RecWorld w;
  kexie::Programme p{.name = "x", .education_years = 0, .quota_per_association = 1};
  // wang is too old and does not use the quota; li takes it; zhao is over it; the
  // other enterprise's worker has a quota of their own.
  const std::vector<kexie::PersonId> nominees = {w.wang, w.li, w.zhao, w.nb_worker};
  auto l = kexie::recommend(w.reg, p, nominees, "2026-06-30"_date).value();
  EXPECT_EQ(l.candidates[0].failed_rules, std::vector<std::string>{"recommend.age"});
  EXPECT_TRUE(l.candidates[1].recommended);
  EXPECT_TRUE(l.candidates[2].eligible);
  EXPECT_FALSE(l.candidates[2].recommended);
  EXPECT_EQ(l.candidates[2].failed_rules, std::vector<std::string>{"recommend.quota"});
  EXPECT_TRUE(l.candidates[3].recommended);
  EXPECT_EQ(l.recommended(), (std::vector<kexie::PersonId>{w.li, w.nb_worker}));
  p.quota_per_association = 2;
  EXPECT_EQ(kexie::recommend(w.reg, p, nominees, "2026-06-30"_date)->recommended().size(), 3u);
}

TEST(Recommendation, WholeCallRefusals) {
  RecWorld w;
  const std::vector<kexie::PersonId> twice = {w.li, w.li};
  const std::vector<kexie::PersonId> unknown = {kexie::PersonId{999}};
  const std::vector<kexie::PersonId> one = {w.li};
  auto a = kexie::recommend(w.reg, {.name = "x"}, twice, "2026-06-30"_date);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().rule(), "recommend.nominee");
  auto b = kexie::recommend(w.reg, {.name = "x"}, unknown, "2026-06-30"_date);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code(), kexie::ErrorCode::not_found);
  auto c = kexie::recommend(w.reg, {.name = ""}, one, "2026-06-30"_date);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().rule(), "recommend.programme");
  EXPECT_TRUE(kexie::recommend(w.reg, {.name = "x"}, {}, "2026-06-30"_date)->candidates.empty());
}
