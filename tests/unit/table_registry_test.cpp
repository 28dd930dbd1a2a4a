// A registry from CSV tables: every kind of fact, codes, optional columns, refusals.
#include "kexie/table_registry.hpp"

#include <gtest/gtest.h>

#include <string>

#include "kexie/literals.hpp"

namespace {

using kexie::Table;
using namespace kexie::literals;

const char* kOrgs =
    "code,kind,name,parent,effective,level,enterprise_name,ownership,high_tech_zone,dissolved\n"
    "CAST,national,中国科协,,1958-09-18,,,,,\n"
    "ZJ,local,浙江省科协,CAST,1958-10-01,provincial,,,,\n"
    "HZ,local,杭州市科协,ZJ,1960-01-01,prefecture,,,,\n"
    "HG,enterprise,杭钢集团科协,HZ,2000-01-01,,杭钢集团,state,是,\n"
    "HG-B1,branch,研究院分会,HG,2001-01-01,,,,,2024-12-31\n"
    "ZU,partner,浙江大学,,1897-01-01,,,,,\n";
const char* kPeople =
    "code,name,birth,employer,external_key,title,discipline\n"
    "LI,李工,1985-03-01,HG,E-1,senior,冶金\n"
    "WANG,王工,1992-07-01,HG,E-2,,\n";

TEST(TableRegistry, LoadsEveryKindOfFact) {
  const Table orgs = Table::parse(kOrgs).value(), people = Table::parse(kPeople).value();
  const Table members =
      Table::parse(
          "person,org,role,first,last\nLI,HG,member,2010-01-01,\nWANG,HG,member,2015-01-01,\n"
          "WANG,HG-B1,member,2016-01-01,2024-06-30\n")
          .value();
  const Table appointments =
      Table::parse("person,org,role,first,last\nLI,ZJ,vice_chair,2020-01-01,\n").value();
  const Table experts =
      Table::parse(
          "person,org,fields,first\nLI,ZJ,metallurgy;rationalization_proposals,2024-01-01\n")
          .value();
  const Table links = Table::parse("enterprise,other,first\nHG,ZU,2023-09-01\n").value();
  const Table training =
      Table::parse("person,hours,kind,date\nLI,60,professional,2025-04-01\n").value();
  const Table honours = Table::parse(
                            "kind,person,organization,grantor,title,basis,date\nother_scheme,LI,,"
                            "ZJ,先进个人,2024 表彰,"
                            "2024-12-01\n")
                            .value();
  kexie::TablePlace at;
  auto r = kexie::load_registry_tables({.organizations = &orgs,
                                        .people = &people,
                                        .memberships = &members,
                                        .appointments = &appointments,
                                        .experts = &experts,
                                        .links = &links,
                                        .training = &training,
                                        .honours = &honours},
                                       &at);
  ASSERT_TRUE(r) << r.error();
  const kexie::Registry& reg = r->registry;
  const kexie::OrgId hg = r->organizations.at("HG");
  EXPECT_EQ(reg.organization(hg)->enterprise.enterprise_name, "杭钢集团");
  EXPECT_TRUE(reg.organization(hg)->enterprise.high_tech_zone);
  EXPECT_EQ(reg.organization(r->organizations.at("HG-B1"))->period.last, "2024-12-31"_date);
  const kexie::PersonId li = r->people.at("LI");
  EXPECT_EQ(reg.person(li)->title, kexie::Title::senior);
  EXPECT_EQ(reg.find_person(hg, "E-2").value(), r->people.at("WANG"));
}

TEST(TableRegistry, RefusalsNameThePlaceAndBuildNothing) {
  const Table people = Table::parse(kPeople).value();
  kexie::TablePlace at;
  const Table orphan = Table::parse(
                           "code,kind,name,parent,effective\nCAST,national,中国科协,,1958-09-18\n"
                           "HG,enterprise,杭钢,XX,2000-01-01\n",
                           {.source = "orgs.csv"})
                           .value();
  auto r = kexie::load_registry_tables({.organizations = &orphan}, &at);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().rule(), "table.field");
  EXPECT_EQ(at.line, 3u);
  EXPECT_EQ(at.field, "parent");
  const Table orgs = Table::parse(kOrgs).value();
  const Table bad_date = Table::parse("person,org,role,first\nLI,HG,member,2010-13-01\n").value();
  r = kexie::load_registry_tables(
      {.organizations = &orgs, .people = &people, .memberships = &bad_date}, &at);
  ASSERT_FALSE(r);
  EXPECT_EQ(at.field, "first");
  // The registry's own rule: an enterprise association cannot sit under CAST directly.
  const Table misplaced = Table::parse(
                              "code,kind,name,parent,effective,enterprise_name\n"
                              "CAST,national,中国科协,,1958-09-18,\n"
                              "HG,enterprise,杭钢集团科协,CAST,2000-01-01,杭钢集团\n")
                              .value();
  r = kexie::load_registry_tables({.organizations = &misplaced}, &at);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().rule(), "org.parent_kind");
  EXPECT_EQ(r.error().article(), "A1");
  EXPECT_EQ(at.line, 3u);
  const Table twice =
      Table::parse("code,kind,name\nCAST,national,中国科协\nCAST,national,x\n").value();
  EXPECT_FALSE(kexie::load_registry_tables({.organizations = &twice}));
  const Table no_kind = Table::parse("code,name\nCAST,中国科协\n").value();
  EXPECT_EQ(kexie::load_registry_tables({.organizations = &no_kind}).error().rule(),
            "table.header");
  EXPECT_FALSE(kexie::load_registry_tables({}));
}

}  // namespace
