// A small association tree shared by the registry tests (registry, organization,
// person, membership, policy), and a check that a refused call names the right
// code, rule and article and leaves the registry's digest unchanged.
#ifndef KEXIE_TESTS_REGISTRY_FIXTURE_HPP
#define KEXIE_TESTS_REGISTRY_FIXTURE_HPP

#include <gtest/gtest.h>

#include <string>

#include "kexie/literals.hpp"
#include "kexie/registry.hpp"

namespace kexie_test {

using namespace kexie::literals;

/// Calls `expr` on `reg`; expects a refusal with `code`, `rule`, `article` and an
/// unchanged digest.
#define EXPECT_REFUSED(reg, expr, code_, rule_, article_)                \
  do {                                                                   \
    const std::string before_ = (reg).digest();                          \
    auto result_ = (expr);                                               \
    ASSERT_FALSE(result_.ok()) << #expr;                                 \
    EXPECT_EQ(result_.code(), (code_)) << result_.error();               \
    EXPECT_EQ(result_.error().rule(), (rule_)) << result_.error();       \
    EXPECT_EQ(result_.error().article(), (article_)) << result_.error(); \
    EXPECT_EQ((reg).digest(), before_) << #expr;                         \
  } while (0)

/// CAST, a committee, a society, a province with a city, two enterprise
/// associations (one with a branch holding a study group, plus a study group
/// directly under it), a proxy, a university; three people.
struct World {
  kexie::Registry reg;
  kexie::OrgId cast, committee, society, province, city, ent1, ent2, branch, sg_branch, sg_ent,
      proxy, university;
  kexie::PersonId young, senior, other;

  explicit World(kexie::Policy policy = {}) : reg(policy) {
    using K = kexie::OrgKind;
    using L = kexie::LocalLevel;
    const kexie::Date t0 = "1990-01-01"_date;
    cast = reg.add_organization({.kind = K::national, .name = "中国科协", .effective = t0}).value();
    committee = reg.add_organization({.kind = K::committee,
                                      .name = "促进企业自主创新专门委员会",
                                      .parent = cast,
                                      .effective = t0})
                    .value();
    society =
        reg.add_organization(
               {.kind = K::society, .name = "中国机械工程学会", .parent = cast, .effective = t0})
            .value();
    province = reg.add_organization({.kind = K::local,
                                     .name = "浙江省科协",
                                     .parent = cast,
                                     .effective = t0,
                                     .level = L::provincial})
                   .value();
    city = reg.add_organization({.kind = K::local,
                                 .name = "杭州市科协",
                                 .parent = province,
                                 .effective = t0,
                                 .level = L::sub_provincial})
               .value();
    ent1 = reg.add_organization({.kind = K::enterprise,
                                 .name = "杭氧科协",
                                 .parent = city,
                                 .effective = t0,
                                 .enterprise = {.enterprise_name = "杭氧股份",
                                                .ownership = kexie::Ownership::state}})
               .value();
    ent2 = reg.add_organization({.kind = K::enterprise,
                                 .name = "吉利科协",
                                 .parent = province,
                                 .effective = t0,
                                 .enterprise = {.enterprise_name = "吉利汽车",
                                                .ownership = kexie::Ownership::private_}})
               .value();
    branch = reg.add_organization(
                    {.kind = K::branch, .name = "空分分会", .parent = ent1, .effective = t0})
                 .value();
    sg_branch =
        reg.add_organization(
               {.kind = K::study_group, .name = "低温学组", .parent = branch, .effective = t0})
            .value();
    sg_ent = reg.add_organization(
                    {.kind = K::study_group, .name = "节能学组", .parent = ent1, .effective = t0})
                 .value();
    proxy = reg.add_organization(
                   {.kind = K::proxy, .name = "某厂工会", .parent = city, .effective = t0})
                .value();
    university =
        reg.add_organization({.kind = K::partner, .name = "浙江大学", .effective = t0}).value();
    young = reg.add_person({.name = "李娜",
                            .birth = "1995-03-10"_date,
                            .employer = ent1,
                            .external_key = "E1",
                            .title = kexie::Title::junior,
                            .discipline = "cryogenics"})
                .value();
    senior = reg.add_person({.name = "王强",
                             .birth = "1965-07-01"_date,
                             .employer = ent1,
                             .external_key = "E2",
                             .title = kexie::Title::senior,
                             .discipline = "mechanics"})
                 .value();
    other = reg.add_person({.name = "张伟",
                            .birth = "1988-11-20"_date,
                            .employer = ent2,
                            .external_key = "E1",
                            .title = kexie::Title::intermediate,
                            .discipline = "mechanics"})
                .value();
  }
};

}  // namespace kexie_test

#endif  // KEXIE_TESTS_REGISTRY_FIXTURE_HPP
