// kexie.campaign/1: the bundled demo's rules read, built and written back byte for
// byte; rubrics with AHP provenance; each refusal names where it is.
#include "kexie/campaign_document.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "kexie/literals.hpp"
#include "kexie/registry.hpp"

using namespace kexie::literals;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string demo() { return read(KEXIE_SOURCE_DIR "/examples/data/campaign.json"); }

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

kexie::DocumentResult<kexie::CampaignRules> read_with(const std::string& from,
                                                      const std::string& to) {
  return kexie::read_campaign_document(replace(demo(), from, to));
}

TEST(CampaignDocument, DemoRoundTripsByteForByte) {
  const std::string text = demo();
  const auto r = kexie::read_campaign_document(text);
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(kexie::write_campaign_document(r.value()), text);
}

TEST(CampaignDocument, DemoRulesAreTheDemoProgramsRules) {
  const kexie::CampaignRules rules = kexie::read_campaign_document(demo()).value();
  const kexie::CampaignSpec& s = rules.spec;
  EXPECT_EQ(rules.organizer, "ZJ");
  EXPECT_EQ(s.as_of, "2025-11-30"_date);
  EXPECT_EQ(s.year, 2024);
  EXPECT_EQ(s.panel.min_judges, 5u);
  EXPECT_EQ(s.panel.aggregation, kexie::Aggregation::standard());
  ASSERT_EQ(s.eligibility.size(), 2u);
  EXPECT_EQ(s.eligibility[1], kexie::EligibilityRule::min_months_in_use(3, "2025-10-31"_date));
  ASSERT_EQ(s.tie_breaks.size(), 3u);
  EXPECT_EQ(s.tie_breaks[1], kexie::TieBreak::indicator("A.1"));
  ASSERT_EQ(s.awards.tiers.size(), 3u);
  EXPECT_EQ(s.awards.tiers[1].share, "0.20"_dec);
  EXPECT_EQ(s.awards.tiers[1].min_score, "72"_dec);
  EXPECT_EQ(s.awards.units.min_awarded_entries, 8u);
  EXPECT_EQ(s.awards.individuals.min_share, "0.4"_dec);
  EXPECT_EQ(s.energy_table.name(), "GB/T 2589");
  ASSERT_EQ(rules.categories.size(), 6u);
  // AHP from {2, 3, 1.5}, as campaign_demo derives it.
  const kexie::CategoryRules& c = rules.categories[3];
  EXPECT_EQ(c.category, kexie::Category::rationalization_proposals);
  ASSERT_EQ(c.derivations.size(), 1u);
  EXPECT_EQ(c.derivations[0].group, "A");
  const kexie::Matrix m = kexie::pairwise_from_upper(3, std::vector<double>{2, 3, 1.5}).value();
  const auto ahp = kexie::ahp(m, {.require_consistency = true}).value();
  const auto want = kexie::quantize_weights(ahp.weights, 4).value();
  EXPECT_EQ(c.derivations[0].weights, want);
  const kexie::Rubric& r = c.rubric;
  EXPECT_EQ(r.indicators()[r.find("A.2").value()].weight, want[1]);
  EXPECT_EQ(r.objective_value("B", "650000"_dec).value(), "95"_dec);
  EXPECT_EQ(r.objective_value("B", "99999"_dec).value(), "40"_dec);
  EXPECT_EQ(rules.categories[5].rubric.objective_value("B", "300"_dec).value(), "70"_dec);
  EXPECT_TRUE(r.check_mark("bonus", "5"_dec).ok());
  EXPECT_EQ(r.vetoes().size(), 1u);
}

TEST(CampaignDocument, InconsistentJudgementsAreRefusedWithTheRule) {
  const auto r = read_with("[2, 3, 1.5]", "[9, 0.2, 7]");
  ASSERT_FALSE(r);
  ASSERT_EQ(r.problems().size(), 1u) << r.error();
  EXPECT_EQ(r.problems()[0].pointer, "/categories/0/rubric/indicators/0/ahp/judgements");
  EXPECT_EQ(r.problems()[0].rule, "weights.ahp_consistency");
  EXPECT_EQ(r.error().code(), kexie::ErrorCode::inconsistent_judgements);
}

TEST(CampaignDocument, RecordedDerivationMustMatch) {
  const auto r = read_with("\"0.5455\"", "\"0.5454\"");
  ASSERT_FALSE(r);
  ASSERT_EQ(r.problems().size(), 1u);
  EXPECT_EQ(r.problems()[0].pointer, "/categories/0/rubric/indicators/0/ahp/derived/weights");
}

TEST(CampaignDocument, WeightAndJudgementsTogetherAreRefused) {
  const auto r = read_with("\"kind\": \"judged\",", "\"kind\": \"judged\", \"weight\": \"0.5\",");
  ASSERT_FALSE(r);
  ASSERT_EQ(r.problems().size(), 1u);
  EXPECT_EQ(r.problems()[0].pointer, "/categories/0/rubric/indicators/0/children/0/weight");
}

TEST(CampaignDocument, WrongJudgementCount) {
  const auto r = read_with("[2, 3, 1.5]", "[2, 3]");
  ASSERT_FALSE(r);
  ASSERT_EQ(r.problems().size(), 1u);
  EXPECT_NE(r.problems()[0].message.find("expected 3 judgements"), std::string::npos);
}

TEST(CampaignDocument, RubricRuleRefusalsNameTheRubric) {
  const auto r = read_with("\"weight\": \"0.4\"", "\"weight\": \"0.5\"");
  ASSERT_FALSE(r);
  ASSERT_EQ(r.problems().size(), 1u);
  EXPECT_EQ(r.problems()[0].pointer, "/categories/0/rubric");
  EXPECT_EQ(r.problems()[0].rule, "rubric.weights_sum");
}

TEST(CampaignDocument, KindSpecificKeysAreChecked) {
  const auto r = read_with("\"kind\": \"veto\"", "\"kind\": \"veto\", \"scale\": {}");
  ASSERT_FALSE(r);
  ASSERT_EQ(r.problems().size(), 1u);
  EXPECT_NE(r.problems()[0].message.find("only judged and bonus"), std::string::npos);
}

TEST(CampaignDocument, UnitMustMatchTheFigure) {
  const auto r = read_with("\"unit\": \"yuan\"", "\"unit\": \"10k yuan\"");
  ASSERT_FALSE(r);
  EXPECT_NE(r.problems()[0].message.find("the unit of annual_benefit_yuan is \"yuan\""),
            std::string::npos);
}

TEST(CampaignDocument, UnknownEnergyTableAndEnumValues) {
  std::string text = replace(demo(), "\"edition\": \"2020\"", "\"edition\": \"2008\"");
  text = replace(text, "\"boundary_ties\": \"break_by_chain\"", "\"boundary_ties\": \"coin\"");
  const auto r = kexie::read_campaign_document(text);
  ASSERT_FALSE(r);
  ASSERT_EQ(r.problems().size(), 2u);
  EXPECT_EQ(r.problems()[0].pointer, "/awards/boundary_ties");
  EXPECT_NE(r.problems()[0].message.find("\"break_by_chain\", \"include_all\" or \"exclude_all\""),
            std::string::npos);
  EXPECT_EQ(r.problems()[1].pointer, "/energy/coefficients");
}

TEST(CampaignDocument, PanelLimits) {
  const auto r = read_with("\"max_judges_per_entry\": 9", "\"max_judges_per_entry\": 4000000000");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.problems()[0].pointer, "/panel/max_judges_per_entry");
}

TEST(CampaignDocument, DuplicateCategory) {
  const auto r =
      read_with("\"category\": \"scientific_literacy\"", "\"category\": \"professional_skills\"");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.problems()[0].pointer, "/categories/1/category");
}

TEST(CampaignDocument, MissingKeysAreAllListed) {
  const auto r = kexie::read_campaign_document("{\"format\": \"kexie.campaign/1\"}");
  ASSERT_FALSE(r);
  std::vector<std::string> pointers;
  for (const auto& p : r.problems()) pointers.push_back(p.pointer);
  EXPECT_EQ(pointers, (std::vector<std::string>{"/name", "/organizer", "/as_of", "/year", "/awards",
                                                "/categories"}));
}

// An office's 100-point sheet (the rubric model's points sheets, banded judged marks
// and prize rule), as a document: 技术 60 = 创新性 30 + 可行性 30, 效益 20 judged within
// the band the yearly benefit selects (overlapping mark ranges), 推广 20 objective, a
// veto; 2 % of the benefit above 500 000 yuan as a prize, at most 50 000.
kexie::Rubric office_sheet() {
  const auto doc = kexie::read_campaign_document(
      read(KEXIE_SOURCE_DIR "/tests/data/documents/valid/campaign-points-sheet.json"));
  return doc.value().categories[0].rubric;
}

TEST(CampaignDocument, PointsSheetWithBandsAndPrizeRoundTrips) {
  kexie::CampaignRules rules = kexie::read_campaign_document(demo()).value();
  rules.categories[0].rubric = office_sheet();
  rules.categories[0].derivations.clear();
  const std::string text = kexie::write_campaign_document(rules);
  EXPECT_NE(text.find("\"full_score\": \"100\""), std::string::npos);
  EXPECT_NE(text.find("\"points\": \"30\""), std::string::npos);
  const auto back = kexie::read_campaign_document(text);
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(kexie::write_campaign_document(back.value()), text);
  const kexie::Rubric& r = back.value().categories[0].rubric;
  ASSERT_TRUE(r.full_score());
  EXPECT_EQ(*r.full_score(), kexie::Decimal(100));
  EXPECT_EQ(r.band_for("效益", "650000"_dec).value().max, "17"_dec);
  EXPECT_EQ(r.prize_for("1200000"_dec).value(), "14000.00"_dec);
  EXPECT_TRUE(r.check_mark("技术.可行", "30"_dec).ok());
  EXPECT_FALSE(r.check_mark("技术.可行", "31"_dec).ok());
}

TEST(CampaignDocument, PointsSheetRefusals) {
  kexie::CampaignRules rules = kexie::read_campaign_document(demo()).value();
  rules.categories[0].rubric = office_sheet();
  rules.categories[0].derivations.clear();
  const std::string text = kexie::write_campaign_document(rules);
  // Points that do not add up: the core's rule, at the rubric.
  auto r = kexie::read_campaign_document(replace(text, "\"points\": \"60\"", "\"points\": \"70\""));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.problems()[0].pointer, "/categories/0/rubric");
  EXPECT_FALSE(r.problems()[0].rule.empty());
  // A weight on a points sheet, and bands on an objective item: both located.
  std::string bad = replace(text, "\"points\": \"20\",\n            \"objective\"",
                            "\"weight\": \"0.2\", \"bands\": {},\n            \"objective\"");
  r = kexie::read_campaign_document(bad);
  ASSERT_FALSE(r);
  std::vector<std::string> pointers;
  for (const auto& p : r.problems()) pointers.push_back(p.pointer);
  EXPECT_NE(std::find(pointers.begin(), pointers.end(), "/categories/0/rubric/indicators/2/weight"),
            pointers.end());
  EXPECT_NE(std::find(pointers.begin(), pointers.end(), "/categories/0/rubric/indicators/2/bands"),
            pointers.end());
  // A prize share beyond 1: the core's rubric.prize rule, at the prize.
  r = kexie::read_campaign_document(replace(text, "\"share\": \"0.02\"", "\"share\": \"2\""));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.problems()[0].pointer, "/categories/0/rubric/prize");
  EXPECT_EQ(r.problems()[0].rule, "rubric.prize");
}

TEST(CampaignDocument, BuildAndWriteALiveCampaign) {
  kexie::Registry reg;
  const auto cast =
      reg.add_organization(
             {.kind = kexie::OrgKind::national, .name = "中国科协", .effective = "2000-01-01"_date})
          .value();
  const auto zj = reg.add_organization({.kind = kexie::OrgKind::local,
                                        .name = "浙江省科协",
                                        .parent = cast,
                                        .effective = "2000-01-01"_date,
                                        .level = kexie::LocalLevel::provincial})
                      .value();
  const kexie::CampaignRules rules = kexie::read_campaign_document(demo()).value();
  const kexie::Campaign c = kexie::build_campaign(reg, rules, zj).value();
  EXPECT_EQ(c.spec().organizer, zj);
  EXPECT_EQ(c.rubric(kexie::Category::technical_patents).value().name(), "技术专利评分细则");
  // The live campaign's rubrics keep their AHP provenance: its document is the one read.
  const std::string live = kexie::write_campaign_document(kexie::campaign_rules(c, "ZJ"));
  EXPECT_EQ(live, demo());
  const auto again = kexie::read_campaign_document(live);
  ASSERT_TRUE(again) << again.error();
  EXPECT_EQ(kexie::write_campaign_document(again.value()), live);
  EXPECT_EQ(again.value().categories[0].rubric.indicators()[1].weight,
            rules.categories[0].rubric.indicators()[1].weight);
}

}  // namespace

namespace {

// The demo's rules with a table of the caller's own: the GB/T 2589 coefficients
// derived under a new name, steam and electricity's equal value added (the equal
// value outside the plausible range, so it is written with its waiver), and a grid
// factor table of one province.
kexie::CampaignRules custom_energy_rules() {
  kexie::CampaignRules rules = kexie::read_campaign_document(demo()).value();
  kexie::CoefficientTable t = kexie::CoefficientTable::gb_t_2589().derive(
      "Acme 2024", "2024-01", "GB/T 2589-2020 plus Acme's steam value");
  t.set(kexie::Carrier::steam, "0.0949"_dec, kexie::Unit::kg, "1.0 MPa saturated steam").value();
  t.set(kexie::Carrier::electricity_equal_value, "0.7"_dec, kexie::Unit::kWh, "plant 3, 2024",
        kexie::RangeCheck::waive)
      .value();
  rules.spec.energy_table = t;
  kexie::GridFactorTable g("Zhejiang grid", "2025", "provincial notice");
  g.set({2024, 2024, kexie::GridFactorMethod::location_average, "0.5500"_dec, "ZJ DRC", true})
      .value();
  g.set({2023, 2025, kexie::GridFactorMethod::fossil_only, "0.8325"_dec, "ZJ DRC", false}).value();
  rules.spec.grid_table = g;
  return rules;
}

TEST(CampaignDocument, CustomEnergyTablesRoundTripByteForByte) {
  const kexie::CampaignRules rules = custom_energy_rules();
  const std::string text = kexie::write_campaign_document(rules);
  EXPECT_NE(text.find("\"entries\": ["), std::string::npos);
  EXPECT_NE(text.find("\"range_check\": \"waive\""), std::string::npos);
  EXPECT_NE(text.find("\"factors\": ["), std::string::npos);
  const auto r = kexie::read_campaign_document(text);
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(kexie::write_campaign_document(r.value()), text);
  const kexie::CampaignSpec& s = r.value().spec;
  EXPECT_EQ(s.energy_table.name(), "Acme 2024");
  EXPECT_EQ(s.energy_table.source(), rules.spec.energy_table.source());
  EXPECT_EQ(s.energy_table.coefficients(), rules.spec.energy_table.coefficients());
  EXPECT_EQ(s.energy_table.find(kexie::Carrier::steam).value().kgce_per_unit, "0.0949"_dec);
  EXPECT_EQ(s.grid_table.name(), "Zhejiang grid");
  EXPECT_EQ(s.grid_table.factors(), rules.spec.grid_table.factors());
}

TEST(CampaignDocument, CustomEnergyTableFileRoundTripsByteForByte) {
  // A canonical document with a measured table of its own (schema-checked by
  // documents.check with the other valid documents).
  const std::string text =
      read(KEXIE_SOURCE_DIR "/tests/data/documents/valid/campaign-custom-energy.json");
  const auto r = kexie::read_campaign_document(text);
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(kexie::write_campaign_document(r.value()), text);
  const kexie::CampaignSpec& s = r.value().spec;
  EXPECT_EQ(s.energy_table.name(), "Plant 3 measured");
  EXPECT_EQ(s.energy_table.coefficients().size(), 3u);
  EXPECT_FALSE(s.energy_table.contains(kexie::Carrier::raw_coal));
  EXPECT_EQ(s.energy_table.find(kexie::Carrier::electricity_equal_value).value().kgce_per_unit,
            "0.7"_dec);
  EXPECT_EQ(s.grid_table.find(2024).value().t_co2_per_mwh, "0.5500"_dec);
  EXPECT_FALSE(s.grid_table.find(2023));
}

TEST(CampaignDocument, KnownTablesAreStillNamedOnly) {
  const std::string text = demo();
  EXPECT_EQ(text.find("\"entries\": ["), std::string::npos);
  EXPECT_EQ(text.find("\"factors\": ["), std::string::npos);
}

TEST(CampaignDocument, CustomEnergyTablesAreValidated) {
  const std::string text = kexie::write_campaign_document(custom_energy_rules());
  // A value 1000x off is refused by the table's own range check, at the entry.
  auto r = kexie::read_campaign_document(
      replace(text, "\"kgce_per_unit\": \"0.0949\"", "\"kgce_per_unit\": \"94.9\""));
  ASSERT_FALSE(r);
  ASSERT_EQ(r.problems().size(), 1u);
  EXPECT_EQ(r.problems()[0].pointer.rfind("/energy/coefficients/entries/", 0), 0u);
  EXPECT_NE(r.problems()[0].message.find("steam"), std::string::npos);
  // Without its waiver the implausible equal value is refused.
  r = kexie::read_campaign_document(replace(text, ",\n          \"range_check\": \"waive\"", ""));
  ASSERT_FALSE(r);
  EXPECT_NE(r.problems()[0].message.find("electricity"), std::string::npos);
  // A carrier twice, a unit of the wrong dimension, an unknown key.
  r = kexie::read_campaign_document(
      replace(text, "\"carrier\": \"washed_coal\"", "\"carrier\": \"raw_coal\""));
  ASSERT_FALSE(r);
  EXPECT_NE(r.problems()[0].message.find("given twice"), std::string::npos);
  r = kexie::read_campaign_document(
      replace(text, "\"t_co2_per_mwh\": \"0.5500\"", "\"t_co2_per_mwh\": \"5.5\""));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.problems()[0].pointer, "/energy/grid_factors/factors/0");
  r = kexie::read_campaign_document(replace(text, "\"confirmed\": true", "\"confirmd\": true"));
  ASSERT_FALSE(r);
  // A named table this build knows carries no source; an unknown one says how to give it.
  r = read_with("\"edition\": \"2020\"", "\"edition\": \"2020\", \"source\": \"x\"");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.problems()[0].pointer, "/energy/coefficients/source");
}

}  // namespace

namespace {

TEST(CampaignDocument, RubricKeepsItsAhpProvenance) {
  const kexie::CampaignRules rules = kexie::read_campaign_document(demo()).value();
  const kexie::CategoryRules& c = rules.categories[0];
  ASSERT_FALSE(c.derivations.empty());
  const auto kept = c.rubric.ahp_provenance();
  ASSERT_EQ(kept.size(), c.derivations.size());
  EXPECT_EQ(kept[0].group, c.derivations[0].group);
  EXPECT_EQ(kept[0].judgements, c.derivations[0].judgements);
  EXPECT_EQ(kept[0].weights, c.derivations[0].weights);
  // Rules assembled by hand without derivations still write the rubric's provenance.
  kexie::CampaignRules by_hand = rules;
  for (kexie::CategoryRules& r : by_hand.categories) r.derivations.clear();
  EXPECT_EQ(kexie::write_campaign_document(by_hand), demo());
  // Provenance must describe the rubric: an unknown group, weights that are not the
  // children's, or a group twice are refused and leave the rubric as it was.
  kexie::AhpDerivation bad = c.derivations[0];
  bad.group = "no such group";
  auto r = c.rubric.with_ahp_provenance({bad});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), kexie::ErrorCode::invalid_argument);
  EXPECT_NE(r.error().message().find("no such group"), std::string::npos);
  bad = c.derivations[0];
  bad.weights.back() = bad.weights.back() + "0.0001"_dec;
  EXPECT_FALSE(c.rubric.with_ahp_provenance({bad}));
  EXPECT_FALSE(c.rubric.with_ahp_provenance({c.derivations[0], c.derivations[0]}));
  EXPECT_EQ(c.rubric.ahp_provenance().size(), c.derivations.size());
  // Dropping it writes the weights directly.
  by_hand.categories[0].rubric = c.rubric.with_ahp_provenance({}).value();
  const std::string direct = kexie::write_campaign_document(by_hand);
  EXPECT_NE(direct, demo());
  const auto again = kexie::read_campaign_document(direct);
  ASSERT_TRUE(again) << again.error();
  EXPECT_TRUE(again.value().categories[0].derivations.empty());
  EXPECT_EQ(kexie::write_campaign_document(again.value()), direct);
}

}  // namespace

namespace {

TEST(CampaignDocument, BuildCampaignKeepsDerivationsGivenBesideTheRubric) {
  kexie::Registry reg;
  const auto zj =
      reg.add_organization(
             {.kind = kexie::OrgKind::national, .name = "中国科协", .effective = "2000-01-01"_date})
          .value();
  kexie::CampaignRules rules = kexie::read_campaign_document(demo()).value();
  // The derivations beside rubrics that lost their provenance: build_campaign puts
  // them back on the live rubrics.
  for (kexie::CategoryRules& c : rules.categories)
    c.rubric = c.rubric.with_ahp_provenance({}).value();
  const kexie::Campaign c = kexie::build_campaign(reg, rules, zj).value();
  EXPECT_EQ(kexie::write_campaign_document(kexie::campaign_rules(c, "ZJ")), demo());
  // Derivations that do not describe the rubric are refused.
  rules.categories[0].derivations[0].group = "Z";
  const auto refused = kexie::build_campaign(reg, rules, zj);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), kexie::ErrorCode::invalid_argument);
}

}  // namespace
