// kexie.coverage/1 (issue 19): a local's coverage on a day, and its change between
// two days, as a canonical document — counts, breakdowns, the enterprises still to
// reach and those that changed, named by credit code; refusals of the coverage
// itself pass through.
#include "kexie/coverage_document.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "registry_fixture.hpp"

namespace {

using kexie::EnterpriseId;
using kexie::Period;
using kexie_test::World;
using namespace kexie::literals;

// The fixture's world with two enterprises in the city: one tied to ent1, one
// that founds its association (sg_ent's enterprise is left out) during 2025.
struct Covered : World {
  EnterpriseId hangyang, robot;
  kexie::RegistryCodes codes;
  Covered() {
    hangyang = kexie::add_enterprise(reg, {.name = "杭氧股份",
                                           .credit_code = "91350100M000100Y43",
                                           .ownership = kexie::Ownership::state,
                                           .industry = "C34",
                                           .region = "330100",
                                           .development_zone = true,
                                           .local = city,
                                           .registered = "1950-01-01"_date})
                   .value();
    robot = kexie::add_enterprise(reg, {.name = "某机器人",
                                        .credit_code = "91440300708461136T",
                                        .ownership = kexie::Ownership::private_,
                                        .industry = "C39",
                                        .region = "330108",
                                        .high_tech_zone = true,
                                        .new_economy = true,
                                        .local = city,
                                        .registered = "2015-01-01"_date})
                .value();
    kexie::attach_association(reg, hangyang, ent1, "2000-01-01"_date).value();
    kexie::attach_association(reg, robot, ent2, "2025-06-01"_date).value();
    kexie::employ(reg, young, hangyang, Period::from("2018-01-01"_date)).value();
    kexie::employ(reg, other, robot, Period::from("2020-01-01"_date)).value();
    codes.organizations = {{"HZ", city}};
  }
};

}  // namespace

TEST(CoverageDocument, OneDay) {
  Covered w;
  const auto c = kexie::coverage(w.reg, w.city, "2025-01-01"_date).value();
  const std::string text = kexie::write_coverage_document(w.reg, c, w.codes).value();
  EXPECT_EQ(text.rfind("{\n  \"format\": \"kexie.coverage/1\",\n  \"area\": \"HZ\",", 0), 0u)
      << text;
  EXPECT_NE(text.find("\"on\": \"2025-01-01\""), std::string::npos);
  EXPECT_NE(text.find("\"total\": {\n    \"enterprises\": 2,\n    \"with_association\": 1,\n"
                      "    \"without_association\": 1,\n    \"workers\": 2,\n"
                      "    \"workers_covered\": 1\n  }"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\"dimension\": \"zone\",\n      \"value\": \"high_tech_zone\""),
            std::string::npos);
  EXPECT_NE(text.find("\"uncovered\": [\n    {\n      \"credit_code\": \"91440300708461136T\",\n"
                      "      \"name\": \"某机器人\"\n    }\n  ],\n  \"change\": null\n}\n"),
            std::string::npos)
      << text;
  // The same coverage, the same bytes; an area without a code is named by id.
  EXPECT_EQ(kexie::write_coverage_document(w.reg, c, w.codes).value(), text);
  EXPECT_NE(kexie::write_coverage_document(w.reg, c, {})->find("\"area\": \"org:"),
            std::string::npos);
  // An enterprise the registry does not hold.
  kexie::Coverage bad = c;
  bad.uncovered.push_back(EnterpriseId{99});
  EXPECT_EQ(kexie::write_coverage_document(w.reg, bad, w.codes).error().code(),
            kexie::ErrorCode::not_found);
}

TEST(CoverageDocument, TheChangeBetweenTwoDaysIsTheExampleDocument) {
  Covered w;
  const auto d =
      kexie::coverage_change(w.reg, w.city, "2024-12-31"_date, "2025-12-31"_date).value();
  ASSERT_EQ(d.newly_covered, std::vector<EnterpriseId>{w.robot});
  const std::string text = kexie::write_coverage_document(w.reg, d, w.codes).value();
  EXPECT_NE(text.find("\"change\": {\n    \"before\": {\n      \"area\": \"HZ\""),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\"newly_covered\": [\n      {\n        \"credit_code\": "
                      "\"91440300708461136T\""),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\"no_longer_covered\": []"), std::string::npos);
  const std::string path = KEXIE_SOURCE_DIR "/tests/data/documents/valid/coverage-change.json";
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  EXPECT_EQ(s.str(), text) << "regenerate " << path << " from this test";
}
