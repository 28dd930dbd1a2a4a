// Tests for kexie/explain.hpp: the explanation agrees with the score, names the
// dropped marks, the weights, the objective conversions with their tables, the
// vetoes, and reads in Chinese and English.
#include "kexie/explain.hpp"

#include <gtest/gtest.h>

#include "kexie/literals.hpp"
#include "kexie/registry.hpp"
#include "support/campaign_world.hpp"

using namespace kexie::literals;

using kexie::Decimal;
using kexie::JudgeId;

namespace {
struct Explained {
  kexie_test::World w;
  kexie::Campaign c{w.registry, [&] {
                      auto s = kexie_test::proposal_spec(w);
                      s.panel.normalization = {true, 2};
                      return s;
                    }()};
  std::vector<JudgeId> judges;
  kexie::EntryId e, other;

  Explained() {
    c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
    for (int k = 0; k < 5; ++k)
      judges.push_back(c.add_judge(w.experts[static_cast<std::size_t>(k)]).value());
    auto spec = kexie_test::proposal(w, "X-1", 0, 0, "650000");
    spec.claims.energy.push_back(
        {kexie::Carrier::electricity_equivalent_value, {Decimal(1'000'000), kexie::Unit::kWh}});
    e = c.add_entry(spec).value();
    other = c.add_entry(kexie_test::proposal(w, "X-2", 1, 0, "0")).value();
    const char* a1[] = {"80", "85", "90", "95", "100"};
    const char* a1_other[] = {"60", "60", "60", "60", "70"};
    for (std::size_t j = 0; j < 5; ++j) {
      c.assign(judges[j], e).value();
      c.assign(judges[j], other).value();
      c.mark(judges[j], e, "A.1", kexie::Decimal::parse(a1[j]).value()).value();
      c.mark(judges[j], e, "A.2", Decimal(70)).value();
      c.mark(judges[j], other, "A.1", kexie::Decimal::parse(a1_other[j]).value()).value();
      c.mark(judges[j], other, "A.2", Decimal(70)).value();
    }
    c.veto(judges[1], other, "veto", "数据不实 unverified data").value();
  }
};
}  // namespace

TEST(Explain, AgreesWithTheScoreAndNamesEverything) {
  Explained x;
  const auto board = x.c.score().value();
  const kexie::Explanation ex = kexie::explain(x.c, board, x.e).value();
  EXPECT_EQ(ex.result.total, board.find(x.e)->total);
  EXPECT_EQ(ex.title, "项目 X-1");
  ASSERT_EQ(ex.lines.size(), 4u);  // A.1, A.2, bonus, B
  const kexie::IndicatorLine& a1 = ex.lines[0];
  EXPECT_EQ(a1.code, "A.1");
  ASSERT_EQ(a1.marks.size(), 5u);
  EXPECT_TRUE(a1.marks[0].dropped);  // 80, the lowest
  EXPECT_TRUE(a1.marks[4].dropped);  // 100, the highest
  EXPECT_FALSE(a1.marks[2].dropped);
  EXPECT_EQ(a1.method, kexie::AggregationMethod::trimmed_mean);
  EXPECT_EQ(a1.weight, "0.3"_dec);
  // The sum of the contributions is the judged plus objective part.
  Decimal sum;
  for (const auto& l : ex.lines) {
    if (l.kind != kexie::IndicatorKind::bonus) sum = sum + l.contribution;
  }
  EXPECT_EQ(sum, ex.result.judged_part + ex.result.objective_part);
  // The objective line cites its figure; the conversions cite their tables.
  EXPECT_EQ(ex.lines[3].code, "B");
  EXPECT_EQ(*ex.lines[3].value, Decimal(100));
  EXPECT_NE(ex.lines[3].figure.find("650000"), std::string::npos);
  ASSERT_EQ(ex.conversions.size(), 2u);
  EXPECT_NE(ex.conversions[0].find("GB/T 2589"), std::string::npos);
  EXPECT_NE(ex.conversions[0].find("122.9"), std::string::npos);
  EXPECT_NE(ex.conversions[1].find("0.5703"), std::string::npos);  // 2024 grid factor

  const std::string en = kexie::to_text(ex, kexie::Language::english);
  const std::string zh = kexie::to_text(ex, kexie::Language::chinese);
  EXPECT_NE(en.find("(dropped)"), std::string::npos);
  EXPECT_NE(en.find("Total " + ex.result.total.to_string()), std::string::npos);
  EXPECT_NE(zh.find("（去掉）"), std::string::npos);
  EXPECT_NE(zh.find("总分 " + ex.result.total.to_string()), std::string::npos);
  EXPECT_NE(zh.find("折算"), std::string::npos);
}

TEST(Explain, NormalizedMarksAndVetoes) {
  Explained x;
  const auto board = x.c.score().value();
  const kexie::Explanation ex = kexie::explain(x.c, board, x.other).value();
  EXPECT_TRUE(ex.normalized);
  // Each judge marked two entries on A.1; all have a spread, so every mark is normalized.
  for (const auto& m : ex.lines[0].marks) EXPECT_TRUE(m.normalized.has_value());
  // A.2 has no spread for any judge (always 70): marks stay raw.
  for (const auto& m : ex.lines[1].marks) EXPECT_FALSE(m.normalized.has_value());
  ASSERT_EQ(ex.vetoes.size(), 1u);
  EXPECT_NE(ex.vetoes[0].find("数据不实"), std::string::npos);
  EXPECT_EQ(ex.result.status, kexie::EntryStatus::vetoed);
  EXPECT_NE(kexie::to_text(ex, kexie::Language::english).find("vetoed"), std::string::npos);
  EXPECT_NE(kexie::to_text(ex, kexie::Language::chinese).find("一票否决"), std::string::npos);
}

TEST(Explain, UnknownEntry) {
  Explained x;
  const auto board = x.c.score().value();
  EXPECT_EQ(kexie::explain(x.c, board, kexie::EntryId{99}).code(), kexie::ErrorCode::not_found);
}

TEST(Explain, JsonCarriesTheResultLinesAndVetoes) {
  Explained x;
  const auto board = x.c.score().value();
  const kexie::Explanation ex = kexie::explain(x.c, board, x.other).value();
  const std::string json = kexie::to_json(ex);
  EXPECT_EQ(json.rfind("{\"entry\":2,\"code\":\"X-2\",", 0), 0u) << json;
  EXPECT_NE(json.find("\"category\":\"rationalization_proposals\""), std::string::npos);
  EXPECT_NE(json.find("\"status\":\"vetoed\""), std::string::npos);
  EXPECT_NE(json.find("\"total\":\"" + ex.result.total.to_string() + "\""), std::string::npos);
  EXPECT_NE(json.find("\"tier\":null"), std::string::npos);
  EXPECT_NE(json.find("\"kind\":\"judged\""), std::string::npos);
  EXPECT_NE(json.find("\"normalized\":true"), std::string::npos);
  EXPECT_NE(json.find("数据不实 unverified data"), std::string::npos);
  EXPECT_EQ(json.back(), '}');
}

TEST(Explain, JsonEscapesQuotesAndControlCharacters) {
  kexie::Explanation ex;
  ex.title = "a \"b\"\\\n\t\x01 创新";
  const std::string json = kexie::to_json(ex);
  EXPECT_NE(json.find(R"("title":"a \"b\"\\\n\t\u0001 创新")"), std::string::npos) << json;
  EXPECT_NE(json.find("\"lines\":[],\"conversions\":[],\"vetoes\":[]}"), std::string::npos) << json;
}
