// A small association world for campaign tests: CAST → a province → a city →
// three enterprise associations (each with a branch), staff and experts, and a
// two-level rubric for rationalization proposals.
#ifndef KEXIE_TESTS_CAMPAIGN_WORLD_HPP
#define KEXIE_TESTS_CAMPAIGN_WORLD_HPP

#include <string>
#include <vector>

#include "kexie/kexie.hpp"
#include "kexie/literals.hpp"

namespace kexie_test {

using namespace kexie::literals;

struct World {
  kexie::Registry registry;
  kexie::OrgId cast, province, city;
  std::vector<kexie::OrgId> enterprises, branches;
  std::vector<std::vector<kexie::PersonId>> staff;  // per enterprise, members
  std::vector<kexie::PersonId> experts;             // members of enterprise 2 (index 2)

  /// The world under `policy` (the default one unless a test is about a policy
  /// field, such as `employer_tied_membership`).
  explicit World(kexie::Policy policy = {}) : registry(policy) {
    using kexie::OrgKind;
    cast = registry
               .add_organization(
                   {.kind = OrgKind::national, .name = "中国科协", .effective = "1958-09-18"_date})
               .value();
    province = registry
                   .add_organization({.kind = OrgKind::local,
                                      .name = "浙江省科协",
                                      .parent = cast,
                                      .effective = "1958-10-01"_date,
                                      .level = kexie::LocalLevel::provincial})
                   .value();
    city = registry
               .add_organization({.kind = OrgKind::local,
                                  .name = "杭州市科协",
                                  .parent = province,
                                  .effective = "1960-01-01"_date,
                                  .level = kexie::LocalLevel::sub_provincial})
               .value();
    for (int i = 0; i < 3; ++i) {
      const std::string n = std::to_string(i);
      auto ent = registry
                     .add_organization({.kind = OrgKind::enterprise,
                                        .name = "企业科协" + n,
                                        .parent = city,
                                        .effective = "2000-01-01"_date,
                                        .enterprise = {.enterprise_name = "企业" + n,
                                                       .ownership = kexie::Ownership::state}})
                     .value();
      auto br = registry
                    .add_organization({.kind = OrgKind::branch,
                                       .name = "分会" + n,
                                       .parent = ent,
                                       .effective = "2001-01-01"_date})
                    .value();
      enterprises.push_back(ent);
      branches.push_back(br);
      staff.emplace_back();
      for (int k = 0; k < 6; ++k) {
        auto p = registry
                     .add_person({.name = "员工" + n + "-" + std::to_string(k),
                                  .birth = k % 2 ? "1980-03-01"_date : "1992-07-01"_date,
                                  .employer = ent,
                                  .external_key = "E" + n + std::to_string(k)})
                     .value();
        registry.add_membership(p, ent, kexie::Role::member, kexie::Period::from("2010-01-01"_date))
            .value();
        staff.back().push_back(p);
      }
    }
    experts = staff[2];
  }
};

/// Rubric: A (0.6) = A.1 creativity (0.5) + A.2 practicality (0.5), judged 0–100 step 0.5;
/// B benefit (0.4), objective tiers on annual benefit; a bonus item capped at 5; a veto item.
inline kexie::Rubric proposal_rubric() {
  using kexie::IndicatorKind;
  kexie::MarkScale hundred{kexie::Decimal(0), kexie::Decimal(100), "0.5"_dec};
  kexie::ObjectiveMap benefit{
      kexie::ClaimedFigure::annual_benefit_yuan,
      {{kexie::Decimal(500000), kexie::Decimal(100)}, {kexie::Decimal(100000), kexie::Decimal(80)}},
      kexie::Decimal(50),
      {},
      {}};
  std::vector<kexie::IndicatorSpec> specs = {
      {"A", "技术水平 technical level", "", IndicatorKind::group, "0.6"_dec, {}, {}, {}},
      {"A.1", "创新性 creativity", "A", IndicatorKind::judged, "0.5"_dec, hundred, {}, {}},
      {"A.2", "实用性 practicality", "A", IndicatorKind::judged, "0.5"_dec, hundred, {}, {}},
      {"B", "经济效益 economic benefit", "", IndicatorKind::objective, "0.4"_dec, {}, benefit, {}},
      {"bonus",
       "加分 bonus",
       "",
       IndicatorKind::bonus,
       {},
       {kexie::Decimal(0), kexie::Decimal(10), kexie::Decimal(1)},
       {},
       kexie::Decimal(5)},
      {"veto", "一票否决 veto", "", IndicatorKind::veto, {}, {}, {}, {}},
  };
  return kexie::Rubric::build("合理化建议评分细则", specs).value();
}

inline kexie::CampaignSpec proposal_spec(const World& w) {
  kexie::CampaignSpec spec;
  spec.name = "2025 讲比";
  spec.organizer = w.province;
  spec.as_of = "2025-11-30"_date;
  spec.year = 2024;
  spec.panel.min_judges = 3;
  spec.awards.tiers = {kexie::AwardTier::by_share("一等奖", "0.2"_dec, "85"_dec),
                       kexie::AwardTier::by_share("二等奖", "0.3"_dec, "70"_dec),
                       kexie::AwardTier::by_share("三等奖", "0.5"_dec, "60"_dec)};
  return spec;
}

/// An entry of enterprise `e` led by its staff member `k`.
inline kexie::EntrySpec proposal(const World& w, const std::string& code, int e, int k,
                                 const char* benefit = "200000") {
  kexie::EntrySpec s;
  s.code = code;
  s.title = "项目 " + code;
  s.unit = w.enterprises[static_cast<std::size_t>(e)];
  s.category = kexie::Category::rationalization_proposals;
  s.focus = kexie::focus_bits({kexie::Focus::energy_saving});
  s.team = {{w.staff[static_cast<std::size_t>(e)][static_cast<std::size_t>(k)], kexie::Decimal(1)}};
  s.in_use_since = "2024-01-01"_date;
  s.claims.annual_benefit_yuan = kexie::Decimal::parse(benefit).value();
  return s;
}

}  // namespace kexie_test

#endif  // KEXIE_TESTS_CAMPAIGN_WORLD_HPP
