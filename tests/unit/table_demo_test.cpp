// The bundled demo as CSV tables (examples/data/, written by make_tables.py): the registry,
// entries, judges, assignments, marks (UTF-8 and GB18030) and vetoes load through the
// table loaders and score to the C++ demo's digest (examples/campaign_demo.cpp). The
// campaign's rules are built here in C++, as the demo builds them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kexie/kexie.hpp"
#include "kexie/literals.hpp"

namespace {

using kexie::Decimal;
using kexie::Table;
using namespace kexie::literals;

constexpr const char* kDemoDigest =
    "06b581a1a9064e963ddb672bab79ba3df3efc3879c5bd868f9df0443c7aec57f";

Table read(const std::string& name) {
  auto t = Table::read_file(std::string(KEXIE_EXAMPLES_DATA) + "/" + name);
  if (!t) ADD_FAILURE() << t.error();
  return std::move(t).value();
}

// examples/campaign_demo.cpp's rubric_for.
kexie::Rubric rubric_for(kexie::Category category) {
  using kexie::IndicatorKind;
  const kexie::MarkScale hundred{Decimal(0), Decimal(100), "0.5"_dec};
  const std::vector<double> upper = {2, 3, 1.5};  // creativity ≻ difficulty ≻ practicality
  const kexie::Matrix m = kexie::pairwise_from_upper(3, upper).value();
  const kexie::AhpResult r = kexie::ahp(m, {.require_consistency = true}).value();
  const std::vector<Decimal> w = kexie::quantize_weights(r.weights, 4).value();
  kexie::ObjectiveMap objective;
  std::string objective_name;
  switch (category) {
    case kexie::Category::rationalization_proposals:
    case kexie::Category::innovative_ideas:
      objective = {kexie::ClaimedFigure::annual_benefit_yuan,
                   {{Decimal(500000), Decimal(95)}, {Decimal(100000), Decimal(70)}},
                   Decimal(40),
                   {},
                   {}};
      objective_name = "经济效益 annual benefit";
      break;
    case kexie::Category::technical_patents:
      objective = {kexie::ClaimedFigure::patents_granted_invention,
                   {{Decimal(3), Decimal(100)}, {Decimal(1), Decimal(80)}},
                   Decimal(50),
                   {},
                   {}};
      objective_name = "授权发明专利 granted invention patents";
      break;
    case kexie::Category::achievement_transformation:
      objective = {
          kexie::ClaimedFigure::energy_saved_tce, {}, Decimal(40), "0.1"_dec, Decimal(100)};
      objective_name = "节能量 energy saved (tce)";
      break;
    case kexie::Category::professional_skills:
    case kexie::Category::scientific_literacy:
      objective = {kexie::ClaimedFigure::hours_saved, {}, Decimal(40), "0.02"_dec, Decimal(100)};
      objective_name = "节约工时 hours saved";
      break;
  }
  const std::vector<kexie::IndicatorSpec> specs = {
      {"A", "评审指标 judged", "", IndicatorKind::group, "0.6"_dec, {}, {}, {}},
      {"A.1", "创新性 creativity", "A", IndicatorKind::judged, w[0], hundred, {}, {}},
      {"A.2", "技术难度 difficulty", "A", IndicatorKind::judged, w[1], hundred, {}, {}},
      {"A.3", "实用性 practicality", "A", IndicatorKind::judged, w[2], hundred, {}, {}},
      {"B", objective_name, "", IndicatorKind::objective, "0.4"_dec, {}, objective, {}},
      {"bonus",
       "推广价值 wider use (bonus)",
       "",
       IndicatorKind::bonus,
       {},
       {Decimal(0), Decimal(5), Decimal(1)},
       {},
       Decimal(3)},
      {"veto", "一票否决 veto", "", IndicatorKind::veto, {}, {}, {}, {}},
  };
  return kexie::Rubric::build(std::string(kexie::chinese_name(category)) + "评分细则", specs)
      .value();
}

// examples/campaign_demo.cpp's spec.
kexie::CampaignSpec demo_spec(kexie::OrgId province) {
  return {.name = "2025年浙江省企业“讲理想、比贡献”活动",
          .organizer = province,
          .as_of = "2025-11-30"_date,
          .year = 2024,
          .panel = {.aggregation = kexie::Aggregation::standard(), .min_judges = 5},
          .eligibility = {kexie::EligibilityRule::max_team_size(5),
                          kexie::EligibilityRule::min_months_in_use(3, "2025-10-31"_date)},
          .tie_breaks = {kexie::TieBreak::objective_total(), kexie::TieBreak::indicator("A.1"),
                         kexie::TieBreak::top_marks()},
          .awards = {.tiers = {kexie::AwardTier::by_share("一等奖", "0.10"_dec, "80"_dec),
                               kexie::AwardTier::by_share("二等奖", "0.20"_dec, "72"_dec),
                               kexie::AwardTier::by_share("三等奖", "0.30"_dec, "65"_dec)},
                     .cusp_margin = "0.5"_dec,
                     .units = {.min_awarded_entries = 8, .max_units = 5},
                     .individuals = {.top_tiers = 1, .min_share = "0.4"_dec, .max_people = 10}}};
}

std::string scored_digest(const char* marks_file, kexie::TextEncoding expected) {
  const Table orgs = read("registry-organizations.csv"), people = read("registry-people.csv"),
              members = read("registry-memberships.csv");
  auto loaded = kexie::load_registry_tables(
      {.organizations = &orgs, .people = &people, .memberships = &members});
  if (!loaded) {
    ADD_FAILURE() << loaded.error();
    return {};
  }
  kexie::Campaign c(loaded->registry, demo_spec(loaded->organizations.at("ZJ")));
  for (kexie::Category cat : kexie::enum_values<kexie::Category>()) {
    c.set_rubric(cat, rubric_for(cat)).value();
  }
  kexie::TablePlace at;
  auto st = kexie::import_entries(c, *loaded, read("entries.csv"), &at);
  EXPECT_TRUE(st) << st.error();
  auto judges = kexie::import_judges(c, *loaded, read("judges.csv"), &at).value();
  st = kexie::import_assignments(c, judges, read("assignments.csv"), &at);
  EXPECT_TRUE(st) << st.error();
  const Table marks = read(marks_file);
  EXPECT_EQ(marks.encoding(), expected);
  st = kexie::import_marks(c, judges, marks, &at);
  EXPECT_TRUE(st) << st.error();
  st = kexie::import_vetoes(c, judges, read("vetoes.csv"), &at);
  EXPECT_TRUE(st) << st.error();
  EXPECT_EQ(c.entry_count(), 300u);
  return c.score().value().digest();
}

TEST(TableDemo, CsvTablesScoreToTheDemoDigest) {
  EXPECT_EQ(scored_digest("marks.csv", kexie::TextEncoding::utf8), kDemoDigest);
}

TEST(TableDemo, TheGb18030MarksScoreTheSame) {
  EXPECT_EQ(scored_digest("marks-gb18030.csv", kexie::TextEncoding::gb18030), kDemoDigest);
}

}  // namespace
