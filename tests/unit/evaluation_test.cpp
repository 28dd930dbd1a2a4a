// The yearly evaluation of enterprise associations (evaluation.hpp, A14): objective
// figures from the registry and the activity book with their facts, judged marks
// combined by the panel rule, totals, refusals, and the 先进企业科协 honour.
#include "kexie/evaluation.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kexie/evaluation_document.hpp"
#include "kexie/guidance.hpp"
#include "lifecycle_fixture.hpp"

namespace {

using kexie::Decimal;
using kexie::EvaluationFigure;
using kexie::IndicatorKind;
using kexie::OrgId;
using kexie::PersonId;
using kexie_test::asserted;
using kexie_test::World;
using namespace kexie::literals;

kexie::Rubric rubric() {
  std::vector<kexie::IndicatorSpec> specs = {
      {.code = "A",
       .name = "工作成效 (judged)",
       .kind = IndicatorKind::judged,
       .weight = "0.4"_dec,
       .scale = {Decimal(0), Decimal(100), "0.5"_dec}},
      {.code = "B", .name = "客观指标", .kind = IndicatorKind::group, .weight = "0.6"_dec},
      {.code = "B.1",
       .name = "活动完成",
       .parent = "B",
       .kind = IndicatorKind::objective,
       .weight = "0.5"_dec,
       .objective = {.figure = {},
                     .tiers = {},
                     .floor = Decimal(0),
                     .per_unit = Decimal(50),
                     .cap = Decimal(100)}},
      {.code = "B.2",
       .name = "秘书长培训",
       .parent = "B",
       .kind = IndicatorKind::objective,
       .weight = "0.25"_dec,
       .objective = {.figure = {}, .tiers = {{Decimal(1), Decimal(100)}}, .floor = Decimal(0)}},
      {.code = "B.3",
       .name = "经费保障",
       .parent = "B",
       .kind = IndicatorKind::objective,
       .weight = "0.25"_dec,
       .objective = {.figure = {},
                     .tiers = {{Decimal(100000), Decimal(100)}},
                     .floor = Decimal(40)}},
  };
  return kexie::Rubric::build("年度考核评价", specs).value();
}

std::vector<kexie::FigureBinding> bindings() {
  return {{"B.1", EvaluationFigure::activities_completed, std::nullopt},
          {"B.2", EvaluationFigure::secretary_general_trained, std::nullopt},
          {"B.3", EvaluationFigure::support_budget_yuan, std::nullopt}};
}

struct Evaluated : World {
  kexie::ActivityBook book{registry, asserted()};
  PersonId chair, judge1, judge2;
  kexie::EnterpriseId steel;
  Evaluated() {
    // The judges and the chair work for an association outside the city's area.
    const OrgId elsewhere = registry
                                .add_organization({.kind = kexie::OrgKind::enterprise,
                                                   .name = "省属企业科协",
                                                   .parent = province,
                                                   .effective = "2000-01-01"_date,
                                                   .enterprise = {.enterprise_name = "省属企业"}})
                                .value();
    auto person = [&](const char* name, const char* key) {
      return registry
          .add_person({.name = name,
                       .birth = "1970-01-01"_date,
                       .employer = elsewhere,
                       .external_key = key})
          .value();
    };
    chair = person("主席", "C-1");
    judge1 = person("专家甲", "J-1");
    judge2 = person("专家乙", "J-2");
    registry
        .appoint({.person = chair,
                  .org = city,
                  .role = kexie::OfficerRole::chair,
                  .period = kexie::Period::from("2020-01-01"_date)})
        .value();
    steel = kexie::add_enterprise(registry, {.name = "杭钢",
                                             .credit_code = "91350100M000100Y43",
                                             .local = city,
                                             .registered = "1957-01-01"_date})
                .value();
    kexie::attach_association(registry, steel, enterprise, "2000-01-01"_date).value();
    const auto from = kexie::Period::from("2020-01-01"_date);
    registry.add_membership(responsible, enterprise, kexie::Role::member, from).value();
    registry.add_membership(teammate, enterprise, kexie::Role::member, from).value();
    registry.add_membership(teammate, enterprise, kexie::Role::secretary_general, from).value();
    registry.add_training(responsible, 24, kexie::TrainingKind::professional, "2025-04-01"_date)
        .value();
    kexie::add_sg_training(
        registry, {.person = teammate, .date = "2024-06-01"_date, .hours = 16, .organizer = city})
        .value();
    kexie::record_support(
        registry,
        {.enterprise = steel, .year = 2025, .full_time_staff = 1, .budget_yuan = "200000"_dec})
        .value();
    using S = kexie::ActivityState;
    std::int64_t clock = 1;
    (void)kexie_test::drive(book, *this, kexie_test::path_to(S::completed), ++clock);
    clock += 10;
    (void)kexie_test::drive(book, *this, kexie_test::path_to(S::evaluated), clock);
    clock += 10;
    (void)kexie_test::drive(book, *this, kexie_test::path_to(S::approved), clock);
  }
  kexie::Evaluation evaluation() {
    return kexie::Evaluation::create(
               registry, {.guide = city, .year = 2025, .rubric = rubric(), .figures = bindings()})
        .value();
  }
};

TEST(Evaluation, FiguresAreExplainedByTheirFacts) {
  Evaluated w;
  auto ev = w.evaluation();
  ASSERT_EQ(ev.entries().size(), 2u);
  auto figs = ev.figures(w.registry, w.book, w.enterprise).value();
  ASSERT_EQ(figs.size(), 3u);
  EXPECT_EQ(figs[0].figure, EvaluationFigure::activities_completed);
  EXPECT_EQ(figs[0].value, Decimal(2));  // the completed one and the evaluated one
  ASSERT_EQ(figs[0].facts.size(), 2u);
  EXPECT_NE(figs[0].facts[0].find("activity:1"), std::string::npos) << figs[0].facts[0];
  EXPECT_EQ(figs[0].indicator_value, Decimal(100));
  EXPECT_EQ(figs[1].value, Decimal(1));
  EXPECT_NE(figs[1].facts[0].find("2024-06-01"), std::string::npos) << figs[1].facts[0];
  EXPECT_EQ(figs[2].value, "200000"_dec);
  auto none = ev.figures(w.registry, w.book, w.other).value();
  EXPECT_EQ(none[0].value, Decimal(0));
  EXPECT_EQ(none[2].indicator_value, Decimal(40));  // no support record: the floor
  EXPECT_EQ(none[2].facts.front(), "no support record for 2025");
}

TEST(Evaluation, EveryFigureCounts) {
  Evaluated w;
  std::vector<kexie::IndicatorSpec> specs;
  std::vector<kexie::FigureBinding> binds;
  const auto& names = kexie::EnumNames<EvaluationFigure>::names;
  // 13 figures with weights summing to 1: twelve of 0.08 and one of 0.04.
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string code = "F" + std::to_string(i);
    specs.push_back({.code = code,
                     .name = std::string(names[i]),
                     .kind = IndicatorKind::objective,
                     .weight = i == 0 ? "0.04"_dec : "0.08"_dec,
                     .objective = {.figure = {},
                                   .tiers = {},
                                   .floor = Decimal(0),
                                   .per_unit = Decimal(1),
                                   .cap = Decimal(1000)}});
    binds.push_back({code, static_cast<EvaluationFigure>(i), std::nullopt});
  }
  binds[0].type = kexie::ActivityType::jiangbi_campaign;
  auto r = kexie::Rubric::build("all", specs).value();
  w.registry.add_link(w.enterprise, w.society, kexie::Period::from("2024-01-01"_date)).value();
  auto ev = kexie::Evaluation::create(
                w.registry, {.guide = w.city, .year = 2025, .rubric = r, .figures = binds})
                .value();
  auto f = ev.figures(w.registry, w.book, w.enterprise).value();
  auto value = [&](EvaluationFigure x) { return f[static_cast<std::size_t>(x)].value; };
  EXPECT_EQ(value(EvaluationFigure::activities_held), Decimal(3));
  EXPECT_EQ(value(EvaluationFigure::activities_completed), Decimal(2));
  EXPECT_EQ(value(EvaluationFigure::activities_evaluated), Decimal(1));
  EXPECT_EQ(value(EvaluationFigure::members_trained), Decimal(1));
  EXPECT_EQ(value(EvaluationFigure::training_hours), Decimal(24));
  EXPECT_EQ(value(EvaluationFigure::jiangbi_entries), Decimal(0));
  EXPECT_EQ(value(EvaluationFigure::jiangbi_awards), Decimal(0));
  EXPECT_EQ(value(EvaluationFigure::secretary_general_trained), Decimal(1));
  EXPECT_EQ(value(EvaluationFigure::young_share_percent), Decimal(0));  // both born 1985
  EXPECT_EQ(value(EvaluationFigure::links_active), Decimal(1));
  EXPECT_EQ(value(EvaluationFigure::support_staff), Decimal(1));
  EXPECT_EQ(value(EvaluationFigure::support_facilities_m2), Decimal(0));
  // Narrowed to another type, no activity counts.
  binds[0].type = kexie::ActivityType::science_popularization;
  auto ev2 = kexie::Evaluation::create(
                 w.registry, {.guide = w.city, .year = 2025, .rubric = r, .figures = binds})
                 .value();
  EXPECT_EQ(ev2.figures(w.registry, w.book, w.enterprise)->front().value, Decimal(0));
}

TEST(Evaluation, TotalsMixJudgedAndObjectiveIndicators) {
  Evaluated w;
  auto ev = w.evaluation();
  ASSERT_TRUE(ev.add_judge(w.registry, w.judge1).ok());
  ASSERT_TRUE(ev.add_judge(w.registry, w.judge2).ok());
  EXPECT_EQ(ev.add_judge(w.registry, w.judge2).error().rule(), "evaluation.judge");
  auto incomplete = ev.score(w.registry, w.book);
  ASSERT_FALSE(incomplete.ok());
  EXPECT_EQ(incomplete.error().rule(), "evaluation.incomplete");
  EXPECT_EQ(incomplete.error().article(), "A14");
  ASSERT_TRUE(ev.mark(w.registry, w.judge1, w.enterprise, "A", "80"_dec).ok());
  ASSERT_TRUE(ev.mark(w.registry, w.judge2, w.enterprise, "A", "90"_dec).ok());
  ASSERT_TRUE(ev.mark(w.registry, w.judge1, w.other, "A", "70"_dec).ok());
  ASSERT_TRUE(ev.mark(w.registry, w.judge2, w.other, "A", "60"_dec).ok());
  EXPECT_EQ(ev.mark(w.registry, w.judge2, w.other, "A", "60"_dec).error().rule(),
            "evaluation.mark");
  EXPECT_FALSE(ev.mark(w.registry, w.judge2, w.other, "A", "60.25"_dec).ok());  // off step
  EXPECT_FALSE(ev.mark(w.registry, w.judge2, w.other, "B.1", "60"_dec).ok());   // objective
  auto results = ev.score(w.registry, w.book).value();
  ASSERT_EQ(results.size(), 2u);
  // 0.4 × 85 + 0.6 × (0.5 × 100 + 0.25 × 100 + 0.25 × 100) = 94
  EXPECT_EQ(results[0].association, w.enterprise);
  EXPECT_EQ(results[0].total, Decimal(94));
  EXPECT_EQ(results[0].rank, 1u);
  EXPECT_EQ(results[0].judged.front().combined.value, Decimal(85));
  // 0.4 × 65 + 0.6 × (0 + 0 + 0.25 × 40) = 32
  EXPECT_EQ(results[1].total, Decimal(32));
}

TEST(Evaluation, AJudgeOfTheAssociationIsAConflict) {
  Evaluated w;
  auto ev = w.evaluation();
  ASSERT_TRUE(ev.add_judge(w.registry, w.responsible).ok());
  auto st = ev.mark(w.registry, w.responsible, w.enterprise, "A", "99"_dec);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().rule(), "evaluation.conflict");
  EXPECT_EQ(st.error().article(), "A12");
  EXPECT_TRUE(ev.mark(w.registry, w.responsible, w.other, "A", "50"_dec).ok());
}

TEST(Evaluation, TheTopAssociationIsNamedExemplary) {
  Evaluated w;
  auto ev = w.evaluation();
  ASSERT_TRUE(ev.add_judge(w.registry, w.judge1).ok());
  for (OrgId kx : ev.entries()) ASSERT_TRUE(ev.mark(w.registry, w.judge1, kx, "A", "80"_dec).ok());
  auto results = ev.score(w.registry, w.book).value();
  const std::string before = w.registry.digest();
  auto refused =
      ev.name_exemplary(w.registry, results, 1, Decimal(60), w.judge1, "2025 年度考核评价");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().rule(), "evaluation.permission");
  EXPECT_EQ(w.registry.digest(), before);
  auto named = ev.name_exemplary(w.registry, results, 5, Decimal(60), w.chair, "2025 年度考核评价");
  ASSERT_TRUE(named.ok()) << named.error();
  EXPECT_EQ(*named, std::vector<OrgId>{w.enterprise});  // the other is below 60
  EXPECT_TRUE(w.registry.exemplary(w.enterprise, "2026-06-01"_date));
  EXPECT_FALSE(w.registry.exemplary(w.other, "2026-06-01"_date));
  auto hs = w.registry.honours_of(w.enterprise);
  ASSERT_EQ(hs.size(), 1u);
  EXPECT_EQ(hs[0].kind, kexie::HonourKind::exemplary_association);
  EXPECT_EQ(hs[0].grantor, w.city);
  EXPECT_EQ(hs[0].basis, "2025 年度考核评价");
}

TEST(Evaluation, SpecRefusals) {
  Evaluated w;
  auto missing = kexie::Evaluation::create(
      w.registry, {.guide = w.city, .year = 2025, .rubric = rubric(), .figures = {}});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().rule(), "evaluation.spec");
  auto judged = bindings();
  judged.push_back({"A", EvaluationFigure::links_active, std::nullopt});
  EXPECT_EQ(kexie::Evaluation::create(
                w.registry, {.guide = w.city, .year = 2025, .rubric = rubric(), .figures = judged})
                .error()
                .rule(),
            "evaluation.spec");
  auto typed = bindings();
  typed[1].type = kexie::ActivityType::academic_exchange;
  EXPECT_EQ(kexie::Evaluation::create(
                w.registry, {.guide = w.city, .year = 2025, .rubric = rubric(), .figures = typed})
                .error()
                .rule(),
            "evaluation.spec");
  auto guide = kexie::Evaluation::create(
      w.registry, {.guide = w.enterprise, .year = 2025, .rubric = rubric(), .figures = bindings()});
  ASSERT_FALSE(guide.ok());
  EXPECT_EQ(guide.error().rule(), "evaluation.guide");
  EXPECT_EQ(guide.error().article(), "A14");
}

}  // namespace

// The result as kexie.evaluation/1 (evaluation_document.hpp): ranked, figures with their
// facts, marks with the dropped ones, the exemplary association; the example document
// under tests/data/documents/valid is exactly what it writes.
TEST(EvaluationDocument, TheResultWithItsFactsAndTheExemplaryOne) {
  Evaluated w;
  auto ev = w.evaluation();
  ASSERT_TRUE(ev.add_judge(w.registry, w.judge1).ok());
  ASSERT_TRUE(ev.add_judge(w.registry, w.judge2).ok());
  for (OrgId kx : ev.entries()) {
    ASSERT_TRUE(ev.mark(w.registry, w.judge1, kx, "A", "80"_dec).ok());
    ASSERT_TRUE(ev.mark(w.registry, w.judge2, kx, "A", "90"_dec).ok());
  }
  auto results = ev.score(w.registry, w.book).value();
  ASSERT_TRUE(
      ev.name_exemplary(w.registry, results, 1, Decimal(60), w.chair, "2025 年度考核评价").ok());
  kexie::RegistryCodes codes;
  codes.organizations = {{"CITY", w.city}, {"ENT", w.enterprise}};
  codes.people = {{"J-1", w.judge1}};
  const std::string text = kexie::write_evaluation_document(w.registry, ev, results, codes).value();
  EXPECT_NE(text.find("\"guide\": \"CITY\""), std::string::npos);
  EXPECT_NE(text.find("\"association\": \"ENT\",\n      \"name\": "), std::string::npos);
  EXPECT_NE(text.find("\"exemplary\": [\"ENT\"]"), std::string::npos) << text;
  EXPECT_NE(text.find("\"figure\": \"activities_completed\""), std::string::npos);
  EXPECT_NE(text.find("\"judge\": \"J-1\""), std::string::npos);
  EXPECT_NE(text.find("\"judge\": \"person:"), std::string::npos);  // no code: by id
  for (const auto& f : results[0].figures)
    for (const std::string& fact : f.facts) EXPECT_NE(text.find(fact), std::string::npos) << fact;
  EXPECT_EQ(kexie::write_evaluation_document(w.registry, ev, results, codes).value(), text);
  auto bad = results;
  bad[0].association = OrgId{999};
  EXPECT_EQ(kexie::write_evaluation_document(w.registry, ev, bad, codes).error().code(),
            kexie::ErrorCode::not_found);
  const std::string path = KEXIE_SOURCE_DIR "/tests/data/documents/valid/evaluation-2025.json";
  std::ifstream in(path, std::ios::binary);
  std::stringstream file;
  file << in.rdbuf();
  EXPECT_EQ(file.str(), text) << "regenerate " << path << " from this test";
}
