// Growing and guiding associations (guidance.hpp, DOMAIN.md §6): enterprises as
// facts, founding as a lifecycle with its trail, coverage against a brute force,
// secretary-general training and support records. Every rule is accepted once and
// refused once, with the registry's digest unchanged on refusal.
#include "kexie/guidance.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "registry_fixture.hpp"

namespace {

using kexie::Date;
using kexie::EnterpriseId;
using kexie::ErrorCode;
using kexie::OrgId;
using kexie::Period;
using kexie::PersonId;
using kexie::Timestamp;
using kexie_test::World;
using namespace kexie::literals;

Timestamp at(const char* day) { return Timestamp::parse(std::string(day) + "T09:00:00Z").value(); }

/// The fixture's world with a city chair, a service-staff officer, three
/// enterprises of the city (one of them tied to the existing association ent1) and
/// their employees.
struct Guided : World {
  PersonId chair, clerk, founder, unionist;
  EnterpriseId hangyang, turbine, robot;
  Guided() {
    chair = reg.add_person({.name = "陈主席",
                            .birth = "1970-01-01"_date,
                            .employer = proxy,
                            .external_key = "C1"})
                .value();
    clerk = reg.add_person({.name = "钱干事",
                            .birth = "1990-01-01"_date,
                            .employer = proxy,
                            .external_key = "C2"})
                .value();
    founder =
        reg.add_person(
               {.name = "孙工", .birth = "1985-01-01"_date, .employer = ent2, .external_key = "F1"})
            .value();
    unionist = reg.add_person({.name = "周工会",
                               .birth = "1980-01-01"_date,
                               .employer = proxy,
                               .external_key = "U1"})
                   .value();
    reg.appoint({.person = chair,
                 .org = city,
                 .role = kexie::OfficerRole::chair,
                 .period = Period::from("2020-01-01"_date)})
        .value();
    reg.appoint({.person = clerk,
                 .org = city,
                 .role = kexie::OfficerRole::service_staff,
                 .period = Period::from("2020-01-01"_date)})
        .value();
    hangyang = kexie::add_enterprise(reg, {.name = "杭氧股份",
                                           .credit_code = "91350100M000100Y43",
                                           .ownership = kexie::Ownership::state,
                                           .industry = "C34",
                                           .region = "330100",
                                           .development_zone = true,
                                           .local = city,
                                           .registered = "1950-01-01"_date})
                   .value();
    turbine = kexie::add_enterprise(reg, {.name = "杭汽轮",
                                          .credit_code = "914403001922038216",
                                          .ownership = kexie::Ownership::state,
                                          .industry = "C34",
                                          .region = "330100",
                                          .high_tech_zone = true,
                                          .local = city,
                                          .registered = "1958-01-01"_date})
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
    kexie::employ(reg, young, hangyang, Period::from("2018-01-01"_date)).value();
    kexie::employ(reg, founder, turbine, Period::from("2010-01-01"_date)).value();
  }
};

TEST(Enterprises, AddFindAndRefuse) {
  Guided w;
  EXPECT_EQ(kexie::enterprise_count(w.reg), 3u);
  EXPECT_EQ(kexie::find_enterprise(w.reg, "914403001922038216").value(), w.turbine);
  EXPECT_EQ(kexie::enterprise(w.reg, w.robot)->spec.new_economy, true);
  EXPECT_EQ(kexie::association_of(w.reg, w.hangyang, "2025-01-01"_date), w.ent1);
  EXPECT_FALSE(kexie::association_of(w.reg, w.hangyang, "1999-12-31"_date).ok());
  EXPECT_EQ(kexie::enterprise_of(w.reg, w.ent1), w.hangyang);
  kexie::EnterpriseSpec s{.name = "x",
                          .credit_code = "91110000710926094P",
                          .local = w.city,
                          .registered = "2000-01-01"_date};
  auto bad_code = s;
  bad_code.credit_code = "91110000710926094Q";
  EXPECT_REFUSED(w.reg, kexie::add_enterprise(w.reg, bad_code), ErrorCode::invalid_argument,
                 "enterprise.credit_code", "");
  auto dup = s;
  dup.credit_code = "914403001922038216";
  EXPECT_REFUSED(w.reg, kexie::add_enterprise(w.reg, dup), ErrorCode::already_exists,
                 "enterprise.credit_code_unique", "A13");
  auto not_local = s;
  not_local.local = w.ent1;
  EXPECT_REFUSED(w.reg, kexie::add_enterprise(w.reg, not_local), ErrorCode::rule_violation,
                 "enterprise.local", "A14");
  auto unknown = s;
  unknown.local = OrgId{999};
  EXPECT_REFUSED(w.reg, kexie::add_enterprise(w.reg, unknown), ErrorCode::not_found, "", "");
  auto noname = s;
  noname.name.clear();
  EXPECT_REFUSED(w.reg, kexie::add_enterprise(w.reg, noname), ErrorCode::invalid_argument, "", "");
  const std::string before = w.reg.digest();
  EXPECT_TRUE(kexie::add_enterprise(w.reg, s).ok());
  EXPECT_NE(w.reg.digest(), before);
}

TEST(Enterprises, AnAssociationBelongsToExactlyOneEnterprise) {
  Guided w;
  EXPECT_REFUSED(w.reg, kexie::attach_association(w.reg, w.turbine, w.ent1, "2001-01-01"_date),
                 ErrorCode::rule_violation, "enterprise.association_unique", "A13");
  EXPECT_REFUSED(w.reg, kexie::attach_association(w.reg, w.hangyang, w.ent2, "2001-01-01"_date),
                 ErrorCode::rule_violation, "enterprise.single_association", "A13");
  EXPECT_REFUSED(w.reg, kexie::attach_association(w.reg, w.turbine, w.branch, "2001-01-01"_date),
                 ErrorCode::rule_violation, "enterprise.association_kind", "A13");
  EXPECT_REFUSED(w.reg, kexie::attach_association(w.reg, w.robot, w.ent2, "2001-01-01"_date),
                 ErrorCode::rule_violation, "enterprise.active", "A13");
  EXPECT_TRUE(kexie::attach_association(w.reg, w.robot, w.ent2, "2016-01-01"_date).ok());
}

TEST(Enterprises, EmploymentIsOneEnterpriseAtATime) {
  Guided w;
  EXPECT_EQ(kexie::employer_on(w.reg, w.young, "2020-01-01"_date), w.hangyang);
  EXPECT_REFUSED(w.reg, kexie::employ(w.reg, w.young, w.turbine, Period::from("2024-01-01"_date)),
                 ErrorCode::rule_violation, "employment.single", "A1");
  EXPECT_REFUSED(w.reg, kexie::employ(w.reg, w.senior, w.robot, Period::from("2014-01-01"_date)),
                 ErrorCode::rule_violation, "enterprise.active", "A13");
  // Earlier employment elsewhere is fine for someone whose registry employer is not
  // tied to an enterprise (ent2 is no enterprise's association here).
  EXPECT_TRUE(
      kexie::employ(w.reg, w.other, w.turbine, {"2010-01-01"_date, "2017-12-31"_date}).ok());
  EXPECT_EQ(kexie::employer_on(w.reg, w.other, "2011-01-01"_date), w.turbine);
}

TEST(Enterprises, EmploymentAgreesWithTheRegistryEmployer) {
  // young's registry employer is ent1, hangyang's association since 2000: hangyang
  // employs them on those days, and no other enterprise may (A1).
  Guided w;
  EXPECT_REFUSED(w.reg,
                 kexie::employ(w.reg, w.young, w.turbine, {"2010-01-01"_date, "2017-12-31"_date}),
                 ErrorCode::rule_violation, "employment.employer", "A1");
  const PersonId newcomer = w.reg
                                .add_person({.name = "新员工",
                                             .birth = "1990-01-01"_date,
                                             .employer = w.ent1,
                                             .external_key = "N1"})
                                .value();
  EXPECT_REFUSED(w.reg, kexie::employ(w.reg, newcomer, w.turbine, Period::from("2020-01-01"_date)),
                 ErrorCode::rule_violation, "employment.employer", "A1");
  // Before the tie (ent1 tied from 2000), and by the tied enterprise itself: accepted.
  EXPECT_TRUE(kexie::employ(w.reg, newcomer, w.hangyang, Period::from("2020-01-01"_date)).ok());
  EXPECT_TRUE(
      kexie::employ(w.reg, w.senior, w.turbine, {"1990-01-01"_date, "1999-12-31"_date}).ok());
  // A proxy is no enterprise association: its people may be employed anywhere.
  EXPECT_TRUE(kexie::employ(w.reg, w.unionist, w.turbine, Period::from("2020-01-01"_date)).ok());
}

TEST(Enterprises, SupportRecords) {
  Guided w;
  kexie::SupportRecord r{.enterprise = w.hangyang,
                         .year = 2025,
                         .full_time_staff = 2,
                         .part_time_staff = 6,
                         .budget_yuan = "300000"_dec,
                         .facilities_m2 = "120.5"_dec};
  EXPECT_TRUE(kexie::record_support(w.reg, r).ok());
  EXPECT_EQ(kexie::support(w.reg, w.hangyang, 2025).value(), r);
  EXPECT_FALSE(kexie::support(w.reg, w.hangyang, 2024).ok());
  EXPECT_REFUSED(w.reg, kexie::record_support(w.reg, r), ErrorCode::already_exists,
                 "support.unique", "A14");
  auto neg = r;
  neg.year = 2026;
  neg.budget_yuan = "-1"_dec;
  EXPECT_REFUSED(w.reg, kexie::record_support(w.reg, neg), ErrorCode::invalid_argument,
                 "support.amount", "");
}

// ---- founding ---------------------------------------------------------------------------

TEST(Founding, ApplyApproveJoinsTheTreeOnTheFoundingDate) {
  Guided w;
  auto f = kexie::apply_founding(
      w.reg,
      {.enterprise = w.turbine, .local = w.city, .name = "杭汽轮科协", .applicant = w.founder},
      at("2025-03-01"));
  ASSERT_TRUE(f.ok()) << f.error();
  EXPECT_EQ(kexie::founding(w.reg, *f)->state, kexie::FoundingState::pending);
  auto kx =
      kexie::approve_founding(w.reg, *f, w.chair, at("2025-04-01"), "2025-05-01"_date, "条件具备");
  ASSERT_TRUE(kx.ok()) << kx.error();
  EXPECT_EQ(w.reg.kind(*kx).value(), kexie::OrgKind::enterprise);
  EXPECT_EQ(w.reg.parent(*kx, "2025-05-01"_date).value(), w.city);
  EXPECT_FALSE(w.reg.exists(*kx, "2025-04-30"_date));
  EXPECT_EQ(w.reg.organization(*kx)->enterprise.enterprise_name, "杭汽轮");
  EXPECT_EQ(kexie::association_of(w.reg, w.turbine, "2025-05-01"_date), *kx);
  EXPECT_FALSE(kexie::association_of(w.reg, w.turbine, "2025-04-30"_date).ok());
  EXPECT_EQ(kexie::enterprise_of(w.reg, *kx), w.turbine);
  auto app = kexie::founding(w.reg, *f).value();
  EXPECT_EQ(app.state, kexie::FoundingState::approved);
  EXPECT_EQ(app.association, *kx);
  EXPECT_EQ(app.decided, "2025-05-01"_date);
  auto trail = kexie::founding_trail(w.reg);
  ASSERT_EQ(trail.size(), 2u);
  EXPECT_EQ(trail[0].step, kexie::FoundingStep::apply);
  EXPECT_EQ(trail[1].step, kexie::FoundingStep::approve);
  EXPECT_EQ(trail[1].actor, w.chair);
  EXPECT_EQ(trail[1].reason, "条件具备");
  EXPECT_TRUE(kexie::verify_founding_trail(trail).ok());
  // A second application for a covered enterprise is refused.
  EXPECT_REFUSED(
      w.reg,
      kexie::apply_founding(
          w.reg,
          {.enterprise = w.turbine, .local = w.city, .name = "又一个", .applicant = w.founder},
          at("2025-06-01")),
      ErrorCode::rule_violation, "founding.covered", "A13");
  EXPECT_REFUSED(
      w.reg, kexie::approve_founding(w.reg, *f, w.chair, at("2025-06-01"), "2025-06-01"_date, ""),
      ErrorCode::rule_violation, "founding.state", "A13");
}

TEST(Founding, RefusalsOfApply) {
  Guided w;
  kexie::FoundingApplicationSpec s{
      .enterprise = w.turbine, .local = w.city, .name = "杭汽轮科协", .applicant = w.founder};
  auto wrong_local = s;
  wrong_local.local = w.ent1;
  EXPECT_REFUSED(w.reg, kexie::apply_founding(w.reg, wrong_local, at("2025-03-01")),
                 ErrorCode::rule_violation, "founding.local", "A13");
  auto stranger = s;
  stranger.applicant = w.senior;  // employed by no enterprise
  EXPECT_REFUSED(w.reg, kexie::apply_founding(w.reg, stranger, at("2025-03-01")),
                 ErrorCode::rule_violation, "founding.applicant", "A13");
  auto bad_proxy = s;
  bad_proxy.proxy = w.society;
  EXPECT_REFUSED(w.reg, kexie::apply_founding(w.reg, bad_proxy, at("2025-03-01")),
                 ErrorCode::rule_violation, "founding.proxy", "A13");
  auto covered = s;
  covered.enterprise = w.hangyang;
  covered.applicant = w.young;
  EXPECT_REFUSED(w.reg, kexie::apply_founding(w.reg, covered, at("2025-03-01")),
                 ErrorCode::rule_violation, "founding.covered", "A13");
  auto early = s;
  early.enterprise = w.robot;
  EXPECT_REFUSED(w.reg, kexie::apply_founding(w.reg, early, at("2014-03-01")),
                 ErrorCode::rule_violation, "enterprise.active", "A13");
  // The province is above the city: applying there is allowed.
  auto up = s;
  up.local = w.province;
  ASSERT_TRUE(kexie::apply_founding(w.reg, up, at("2025-03-01")).ok());
  EXPECT_REFUSED(w.reg, kexie::apply_founding(w.reg, s, at("2025-03-02")),
                 ErrorCode::rule_violation, "founding.covered", "A13");  // pending already
}

TEST(Founding, WhoMayDecideComesFromAppointments) {
  Guided w;
  auto f =
      kexie::apply_founding(
          w.reg,
          {.enterprise = w.turbine, .local = w.city, .name = "杭汽轮科协", .applicant = w.founder},
          at("2025-03-01"))
          .value();
  // Service staff prepare but do not decide; the applicant holds no office.
  EXPECT_REFUSED(
      w.reg, kexie::approve_founding(w.reg, f, w.clerk, at("2025-04-01"), "2025-05-01"_date, ""),
      ErrorCode::rule_violation, "founding.permission", "A14");
  EXPECT_REFUSED(w.reg, kexie::refuse_founding(w.reg, f, w.founder, at("2025-04-01"), "no"),
                 ErrorCode::rule_violation, "founding.permission", "A14");
  // Before the chair's appointment.
  EXPECT_REFUSED(
      w.reg, kexie::approve_founding(w.reg, f, w.chair, at("2019-04-01"), "2025-05-01"_date, ""),
      ErrorCode::rule_violation, "founding.permission", "A14");
  EXPECT_REFUSED(
      w.reg, kexie::approve_founding(w.reg, f, w.chair, at("2025-04-01"), "2025-02-01"_date, ""),
      ErrorCode::invalid_argument, "founding.date", "");
  EXPECT_REFUSED(w.reg, kexie::refuse_founding(w.reg, f, w.chair, at("2025-04-01"), ""),
                 ErrorCode::invalid_argument, "founding.reason", "A13");
  ASSERT_TRUE(kexie::refuse_founding(w.reg, f, w.chair, at("2025-04-01"), "会员不足").ok());
  auto app = kexie::founding(w.reg, f).value();
  EXPECT_EQ(app.state, kexie::FoundingState::refused);
  EXPECT_EQ(app.reason, "会员不足");
  EXPECT_EQ(kexie::founding_trail(w.reg).back().to, kexie::FoundingState::refused);
  // Refused: the enterprise may apply again.
  EXPECT_TRUE(
      kexie::apply_founding(
          w.reg,
          {.enterprise = w.turbine, .local = w.city, .name = "杭汽轮科协", .applicant = w.founder},
          at("2025-09-01"))
          .ok());
}

TEST(Founding, ProxyHandsOverFromTheFoundingDate) {
  Guided w;
  auto f = kexie::apply_founding(w.reg,
                                 {.enterprise = w.robot,
                                  .local = w.city,
                                  .name = "机器人科协",
                                  .applicant = w.unionist,
                                  .proxy = w.proxy},
                                 at("2025-03-01"))
               .value();
  OrgId kx =
      kexie::approve_founding(w.reg, f, w.chair, at("2025-03-10"), "2025-04-01"_date, "").value();
  ASSERT_EQ(kexie::handovers(w.reg).size(), 1u);
  EXPECT_EQ(kexie::handovers(w.reg)[0], (kexie::Handover{w.proxy, kx, "2025-04-01"_date}));
  EXPECT_EQ(kexie::acting_for(w.reg, kx, "2025-03-31"_date), std::vector<OrgId>{kx});
  EXPECT_EQ(kexie::acting_for(w.reg, kx, "2025-04-01"_date), (std::vector<OrgId>{kx, w.proxy}));
}

TEST(Founding, TheTrailDetectsTampering) {
  Guided w;
  auto f =
      kexie::apply_founding(
          w.reg,
          {.enterprise = w.turbine, .local = w.city, .name = "杭汽轮科协", .applicant = w.founder},
          at("2025-03-01"))
          .value();
  (void)kexie::approve_founding(w.reg, f, w.chair, at("2025-04-01"), "2025-05-01"_date, "ok")
      .value();
  auto trail = kexie::founding_trail(w.reg);
  const kexie::ChainHead head = kexie::chain_head(trail);
  EXPECT_TRUE(kexie::verify_founding_trail(trail, &head).ok());
  EXPECT_EQ(kexie::digest(trail[1]), trail[1].hash);
  std::vector<kexie::FoundingRecord> copy(trail.begin(), trail.end());
  copy[0].reason = "backdated";
  auto v = kexie::verify_founding_trail(copy, &head);
  EXPECT_EQ(v.fault, kexie::AuditFault::edited);
  EXPECT_EQ(v.first_bad, 0u);
  copy.assign(trail.begin(), trail.end() - 1);
  EXPECT_EQ(kexie::verify_founding_trail(copy, &head).fault, kexie::AuditFault::truncated);
}

TEST(Founding, CloneAndDigestCoverTheFacts) {
  Guided w;
  kexie::Registry copy = w.reg.clone();
  EXPECT_EQ(copy.digest(), w.reg.digest());
  EXPECT_EQ(kexie::enterprise_count(copy), 3u);
  // Every kind of guidance fact changes the digest.
  std::string last = copy.digest();
  const auto changed = [&] {
    const std::string now = copy.digest();
    const bool differs = now != last;
    last = now;
    return differs;
  };
  ASSERT_TRUE(kexie::set_guidance_policy(copy, {.sg_training_months = 12}).ok());
  EXPECT_TRUE(changed());
  ASSERT_TRUE(kexie::record_support(copy, {.enterprise = w.robot, .year = 2025}).ok());
  EXPECT_TRUE(changed());
  ASSERT_TRUE(kexie::employ(copy, w.other, w.robot, Period::from("2020-01-01"_date)).ok());
  EXPECT_TRUE(changed());
  ASSERT_TRUE(kexie::close_enterprise(copy, w.robot, "2040-12-31"_date).ok());
  EXPECT_TRUE(changed());
  ASSERT_TRUE(
      kexie::apply_founding(
          copy, {.enterprise = w.turbine, .local = w.city, .name = "科协", .applicant = w.founder},
          at("2025-03-01"))
          .ok());
  EXPECT_TRUE(changed());
  // The original is untouched by the copy's facts.
  EXPECT_EQ(kexie::founding_count(w.reg), 0u);
  // A registry without guidance facts keeps the digest it had before they existed.
  World plain;
  World plain2;
  ASSERT_TRUE(kexie::set_guidance_policy(plain2.reg, {}).ok());  // the default: no fact
  EXPECT_EQ(plain.reg.digest(), plain2.reg.digest());
}

// ---- coverage --------------------------------------------------------------------------------

TEST(Coverage, CountsAndBreakdowns) {
  Guided w;
  kexie::employ(w.reg, w.other, w.robot, Period::from("2020-01-01"_date)).value();
  auto c = kexie::coverage(w.reg, w.city, "2025-01-01"_date).value();
  EXPECT_EQ(c.total, (kexie::CoverageCounts{3, 1, 2, 3, 1}));
  EXPECT_EQ(c.uncovered, (std::vector<EnterpriseId>{w.turbine, w.robot}));
  auto find = [&](kexie::CoverageDimension d, const std::string& v) {
    for (const auto& g : c.groups)
      if (g.dimension == d && g.value == v) return g.counts;
    return kexie::CoverageCounts{};
  };
  EXPECT_EQ(find(kexie::CoverageDimension::zone, "high_tech_zone").enterprises, 2u);
  EXPECT_EQ(find(kexie::CoverageDimension::zone, "development_zone").with_association, 1u);
  EXPECT_EQ(find(kexie::CoverageDimension::new_economy, "yes").without_association, 1u);
  EXPECT_EQ(find(kexie::CoverageDimension::ownership, "state").enterprises, 2u);
  EXPECT_EQ(find(kexie::CoverageDimension::industry, "C34").workers_covered, 1u);
  EXPECT_EQ(find(kexie::CoverageDimension::region, "330108").workers, 1u);
  // The province's area holds the city's; a county-less enterprise association is no area.
  EXPECT_EQ(kexie::coverage(w.reg, w.province, "2025-01-01"_date)->total.enterprises, 3u);
  EXPECT_EQ(kexie::coverage(w.reg, w.ent1, "2025-01-01"_date).error().rule(), "coverage.area");
  // Before the robot enterprise existed.
  EXPECT_EQ(kexie::coverage(w.reg, w.city, "2010-01-01"_date)->total.enterprises, 2u);
}

TEST(Coverage, ChangeBetweenTwoDays) {
  Guided w;
  auto f =
      kexie::apply_founding(
          w.reg,
          {.enterprise = w.turbine, .local = w.city, .name = "杭汽轮科协", .applicant = w.founder},
          at("2025-03-01"))
          .value();
  (void)kexie::approve_founding(w.reg, f, w.chair, at("2025-04-01"), "2025-05-01"_date, "").value();
  auto d = kexie::coverage_change(w.reg, w.city, "2024-12-31"_date, "2025-12-31"_date).value();
  EXPECT_EQ(d.newly_covered, std::vector<EnterpriseId>{w.turbine});
  EXPECT_TRUE(d.no_longer_covered.empty());
  EXPECT_EQ(d.before.total.with_association + 1, d.after.total.with_association);
  w.reg.dissolve(w.sg_ent, "2025-12-31"_date).value();
  EXPECT_FALSE(kexie::coverage_change(w.reg, w.city, "2025-12-31"_date, "2024-12-31"_date).ok());
}

/// Coverage equals a brute force over random facts, for random areas and days.
TEST(Coverage, EqualsABruteForceOverRandomFacts) {
  std::mt19937 rng(20260519);
  for (int round = 0; round < 8; ++round) {
    World w;
    std::vector<OrgId> locals{w.province, w.city};
    for (int i = 0; i < 3; ++i)
      locals.push_back(w.reg
                           .add_organization({.kind = kexie::OrgKind::local,
                                              .name = "县" + std::to_string(i),
                                              .parent = w.city,
                                              .effective = "1990-01-01"_date,
                                              .level = kexie::LocalLevel::county})
                           .value());
    const char* industries[] = {"C34", "C39", "I65"};
    const char* regions[] = {"330100", "330108", "330110"};
    std::vector<EnterpriseId> ents;
    std::vector<PersonId> people;
    for (int i = 0; i < 40; ++i) {
      std::string body = "9133010000000";
      body += std::to_string(1000 + round * 100 + i);
      const char check = kexie::credit_code_check_character(body).value();
      const int year = 1995 + static_cast<int>(rng() % 30);
      auto e = kexie::add_enterprise(
                   w.reg, {.name = "企业" + std::to_string(i),
                           .credit_code = body + check,
                           .ownership = static_cast<kexie::Ownership>(rng() % 5),
                           .industry = industries[rng() % 3],
                           .region = regions[rng() % 3],
                           .high_tech_zone = rng() % 2 == 0,
                           .development_zone = rng() % 3 == 0,
                           .new_economy = rng() % 4 == 0,
                           .local = locals[rng() % locals.size()],
                           .registered =
                               Date::from_ymd(year, 1 + static_cast<int>(rng() % 12), 1).value()})
                   .value();
      ents.push_back(e);
      const auto spec = kexie::enterprise(w.reg, e)->spec;
      if (rng() % 3 == 0)
        (void)kexie::close_enterprise(
            w.reg, e, spec.registered.add_days(static_cast<std::int32_t>(2000 + rng() % 4000)));
      if (rng() % 2 == 0) {
        const Date from = spec.registered.add_days(static_cast<std::int32_t>(rng() % 3000));
        auto kx = w.reg.add_organization({.kind = kexie::OrgKind::enterprise,
                                          .name = "科协" + std::to_string(i),
                                          .parent = locals[rng() % locals.size()],
                                          .effective = from,
                                          .enterprise = {.enterprise_name = spec.name}});
        if (kx && kexie::attach_association(w.reg, e, *kx, from).ok() && rng() % 3 == 0)
          (void)w.reg.dissolve(*kx, from.add_days(static_cast<std::int32_t>(500 + rng() % 3000)));
      }
      for (int k = 0; k < 3; ++k) {
        auto person = w.reg
                          .add_person({.name = "员工",
                                       .birth = "1980-01-01"_date,
                                       .employer = w.proxy,
                                       .external_key = std::to_string(round) + "-" +
                                                       std::to_string(i) + "-" + std::to_string(k)})
                          .value();
        const Date first = spec.registered.add_days(static_cast<std::int32_t>(rng() % 4000));
        (void)kexie::employ(w.reg, person, e,
                            {first, first.add_days(static_cast<std::int32_t>(rng() % 5000))});
      }
    }
    for (int q = 0; q < 6; ++q) {
      const OrgId area = locals[rng() % locals.size()];
      const Date on = Date::from_ymd(2000 + static_cast<int>(rng() % 30), 6, 30).value();
      auto c = kexie::coverage(w.reg, area, on).value();
      // Brute force: every enterprise, every employment, straight from the facts.
      kexie::CoverageCounts total;
      std::map<std::pair<int, std::string>, kexie::CoverageCounts> groups;
      std::vector<EnterpriseId> uncovered;
      for (EnterpriseId id : ents) {
        const kexie::Enterprise e = kexie::enterprise(w.reg, id).value();
        if (on < e.spec.registered || e.closed < on) continue;
        bool in_area = false;
        for (OrgId o = e.spec.local; o.ok(); o = w.reg.parent(o, on).value_or(OrgId{}))
          if (o == area) in_area = true;
        if (!in_area) continue;
        bool covered = false;
        for (const kexie::AssociationTie& t : e.associations)
          if (t.from <= on && w.reg.exists(t.association, on)) covered = true;
        std::size_t workers = 0;
        for (const kexie::Employment& x : kexie::employments(w.reg))
          if (x.enterprise == id && x.period.first <= on && on <= x.period.last) ++workers;
        auto bump = [&](kexie::CoverageCounts& k) {
          ++k.enterprises;
          covered ? ++k.with_association : ++k.without_association;
          k.workers += workers;
          k.workers_covered += covered ? workers : 0;
        };
        bump(total);
        if (!covered) uncovered.push_back(id);
        if (e.spec.high_tech_zone) bump(groups[{0, "high_tech_zone"}]);
        if (e.spec.development_zone) bump(groups[{0, "development_zone"}]);
        if (!e.spec.high_tech_zone && !e.spec.development_zone) bump(groups[{0, "none"}]);
        bump(groups[{1, e.spec.new_economy ? "yes" : "no"}]);
        bump(groups[{2, std::string(kexie::to_string(e.spec.ownership))}]);
        bump(groups[{3, e.spec.industry}]);
        bump(groups[{4, e.spec.region}]);
      }
      EXPECT_EQ(c.total, total) << "round " << round << " query " << q;
      EXPECT_EQ(c.uncovered, uncovered);
      ASSERT_EQ(c.groups.size(), groups.size());
      std::size_t i = 0;
      for (const auto& [key, counts] : groups) {
        EXPECT_EQ(static_cast<int>(c.groups[i].dimension), key.first);
        EXPECT_EQ(c.groups[i].value, key.second);
        EXPECT_EQ(c.groups[i].counts, counts);
        ++i;
      }
    }
  }
}

// ---- secretary-general training
// ------------------------------------------------------------------

TEST(SgTraining, RegularlyMeansEveryTwoYearsByDefault) {
  Guided w;
  w.reg.add_membership(w.senior, w.ent1, kexie::Role::member, Period::from("2000-01-01"_date))
      .value();
  w.reg
      .add_membership(w.senior, w.ent1, kexie::Role::secretary_general,
                      Period::from("2020-01-01"_date))
      .value();
  EXPECT_REFUSED(
      w.reg,
      kexie::add_sg_training(
          w.reg, {.person = w.young, .date = "2022-03-01"_date, .hours = 16, .organizer = w.city}),
      ErrorCode::rule_violation, "sg_training.role", "A15");
  EXPECT_REFUSED(
      w.reg,
      kexie::add_sg_training(
          w.reg, {.person = w.senior, .date = "2022-03-01"_date, .hours = 16, .organizer = w.ent2}),
      ErrorCode::rule_violation, "sg_training.organizer", "A15");
  EXPECT_REFUSED(
      w.reg,
      kexie::add_sg_training(
          w.reg, {.person = w.senior, .date = "2022-03-01"_date, .hours = 0, .organizer = w.city}),
      ErrorCode::invalid_argument, "sg_training.hours", "A15");
  auto never = kexie::sg_status(w.reg, w.ent1, "2022-01-01"_date).value();
  EXPECT_EQ(never.gap, kexie::SgGap::never_trained);
  ASSERT_TRUE(
      kexie::add_sg_training(
          w.reg, {.person = w.senior, .date = "2022-03-01"_date, .hours = 16, .organizer = w.city})
          .ok());
  auto s = kexie::sg_status(w.reg, w.ent1, "2024-02-29"_date).value();
  EXPECT_EQ(s.gap, kexie::SgGap::current);
  EXPECT_EQ(s.due, "2024-03-01"_date);
  EXPECT_EQ(kexie::sg_status(w.reg, w.ent1, "2024-03-01"_date)->gap, kexie::SgGap::lapsed);
  // ent2 has no secretary-general at all.
  auto report = kexie::sg_out_of_date(w.reg, w.city, "2024-03-01"_date).value();
  ASSERT_EQ(report.size(), 1u);  // ent2 sits under the province, not the city
  EXPECT_EQ(report[0].association, w.ent1);
  auto wide = kexie::sg_out_of_date(w.reg, w.province, "2023-01-01"_date).value();
  ASSERT_EQ(wide.size(), 1u);
  EXPECT_EQ(wide[0].association, w.ent2);
  EXPECT_EQ(wide[0].gap, kexie::SgGap::no_secretary_general);
  // The interval is a configurable default.
  EXPECT_REFUSED(w.reg, kexie::set_guidance_policy(w.reg, {.sg_training_months = 0}),
                 ErrorCode::invalid_argument, "sg_training.interval", "");
  ASSERT_TRUE(kexie::set_guidance_policy(w.reg, {.sg_training_months = 36}).ok());
  EXPECT_EQ(kexie::sg_status(w.reg, w.ent1, "2024-03-01"_date)->gap, kexie::SgGap::current);
  EXPECT_EQ(kexie::sg_status(w.reg, w.city, "2024-03-01"_date).error().rule(),
            "enterprise.association_kind");
}

}  // namespace
