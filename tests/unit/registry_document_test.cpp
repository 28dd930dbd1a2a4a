// kexie.registry/1: the demo's registry reads, builds and writes back byte for
// byte; structural problems and the registry's own refusals are located.
#include "kexie/registry_document.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "kexie/literals.hpp"

using namespace kexie::literals;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string demo() { return read(KEXIE_SOURCE_DIR "/examples/data/registry.json"); }

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(RegistryDocument, DemoRoundTripsByteForByte) {
  const std::string text = demo();
  const auto r = kexie::read_registry_document(text);
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(r.value().registry.organization_count(), 41u);
  EXPECT_EQ(r.value().registry.person_count(), 480u);
  EXPECT_EQ(kexie::write_registry_document(r.value().registry, r.value().codes), text);
}

TEST(RegistryDocument, EveryKindOfFactRoundTrips) {
  kexie::Registry reg;
  kexie::RegistryCodes codes;
  const auto cast =
      reg.add_organization(
             {.kind = kexie::OrgKind::national, .name = "中国科协", .effective = "1958-09-18"_date})
          .value();
  const auto zj = reg.add_organization({.kind = kexie::OrgKind::local,
                                        .name = "浙江省科协",
                                        .parent = cast,
                                        .effective = "1958-09-18"_date,
                                        .level = kexie::LocalLevel::provincial})
                      .value();
  const auto hz = reg.add_organization({.kind = kexie::OrgKind::local,
                                        .name = "杭州市科协",
                                        .parent = zj,
                                        .effective = "1960-01-01"_date,
                                        .level = kexie::LocalLevel::prefecture})
                      .value();
  const auto ent = reg.add_organization({.kind = kexie::OrgKind::enterprise,
                                         .name = "杭钢科协",
                                         .parent = hz,
                                         .effective = "2001-01-01"_date,
                                         .enterprise = {.enterprise_name = "杭钢集团",
                                                        .ownership = kexie::Ownership::state,
                                                        .industry = "steel",
                                                        .region = "330100",
                                                        .high_tech_zone = true,
                                                        .founded = "1957-01-01"_date}})
                       .value();
  const auto uni =
      reg.add_organization(
             {.kind = kexie::OrgKind::partner, .name = "浙江大学", .effective = "1897-01-01"_date})
          .value();
  const auto li = reg.add_person({.name = "李娜",
                                  .birth = "1990-03-04"_date,
                                  .employer = ent,
                                  .external_key = "E-1",
                                  .title = kexie::Title::senior,
                                  .discipline = "metallurgy"})
                      .value();
  const auto m =
      reg.add_membership(li, ent, kexie::Role::member, kexie::Period::from("2015-01-01"_date))
          .value();
  reg.end_membership(m, "2020-12-31"_date).value();
  reg.add_membership(li, ent, kexie::Role::chair, kexie::Period::from("2021-01-01"_date)).value();
  reg.add_expert(li, zj, {"metallurgy", "energy saving"}, kexie::Period::from("2024-01-01"_date))
      .value();
  reg.add_link(ent, uni, kexie::Period::from("2023-09-01"_date)).value();
  reg.add_training(li, 60, kexie::TrainingKind::professional, "2025-04-01"_date).value();
  codes.organizations = {{"CAST", cast}, {"ZJ", zj}, {"HZ", hz}, {"HG", ent}, {"ZJU", uni}};
  codes.people = {{"LI", li}};
  const std::string text = kexie::write_registry_document(reg, codes);
  const auto back = kexie::read_registry_document(text);
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(kexie::write_registry_document(back.value().registry, back.value().codes), text);
  EXPECT_EQ(back.value().registry.digest(), reg.digest());
  EXPECT_NE(text.find("\"fields\": [\"metallurgy\", \"energy saving\"]"), std::string::npos);
}

TEST(RegistryDocument, DanglingAndDuplicateCodes) {
  std::string text = replace(demo(), "\"parent\": \"ZJ\"", "\"parent\": \"ZX\"");
  text = replace(text, "\"code\": \"ENT11\"", "\"code\": \"ENT10\"");
  const auto r = kexie::read_registry_document(text);
  ASSERT_FALSE(r);
  ASSERT_GE(r.problems().size(), 2u);
  EXPECT_EQ(r.problems()[0].pointer, "/organizations/2/parent");
  EXPECT_NE(r.problems()[0].message.find("no organization has code \"ZX\""), std::string::npos);
  EXPECT_EQ(r.problems()[0].line, 28u);
  EXPECT_EQ(r.problems()[1].pointer, "/organizations/6/code");
}

TEST(RegistryDocument, RegistryRulesRefuseWithRuleAndPointer) {
  // An enterprise association directly under the national association: A1 forbids it.
  const std::string text = replace(demo(), "\"parent\": \"ZJ-C1\"", "\"parent\": \"CAST\"");
  const auto r = kexie::read_registry_document(text);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.problems()[0].pointer, "/organizations/3");
  EXPECT_EQ(r.problems()[0].rule, "org.parent_kind");
  EXPECT_FALSE(r.problems()[0].article.empty());
  EXPECT_GT(r.problems()[0].line, 0u);
}

TEST(RegistryDocument, UnknownKeyAndWrongEnum) {
  std::string text = replace(demo(), "\"title\": \"senior\"", "\"title\": \"professor\"");
  text = replace(text, "\"discipline\": \"\"", "\"disciplin\": \"\"");
  const auto r = kexie::read_registry_document(text);
  ASSERT_FALSE(r);
  ASSERT_EQ(r.problems().size(), 2u);
  // Unknown keys are reported when the object is opened, before its values.
  EXPECT_NE(r.problems()[0].message.find("unknown key \"disciplin\""), std::string::npos);
  EXPECT_NE(r.problems()[1].message.find("\"associate_senior\""), std::string::npos);
}

}  // namespace
