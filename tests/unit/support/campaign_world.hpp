// A small association world for campaign tests: CAST → a province → a city →
// three enterprise associations (each with a branch), staff and experts, and a
// two-level rubric for rationalization proposals.
#ifndef KEXIE_TESTS_CAMPAIGN_WORLD_HPP
#define KEXIE_TESTS_CAMPAIGN_WORLD_HPP

#include <string>
#include <vector>

#include "kexie/kexie.hpp"

// Designated initializers leave defaulted members out on purpose; g++ 12 warns anyway.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace kexie_test {

inline kexie::Date day(const char* text) { return kexie::Date::parse(text).value(); }
inline kexie::Decimal dec(const char* text) { return kexie::Decimal::parse(text).value(); }

struct World {
  kexie::Registry registry;
  kexie::OrgId cast, province, city;
  std::vector<kexie::OrgId> enterprises, branches;
  std::vector<std::vector<kexie::PersonId>> staff;  // per enterprise, members
  std::vector<kexie::PersonId> experts;             // members of enterprise 2 (index 2)

  World() {
    using kexie::OrgKind;
    cast = registry
               .add_organization(
                   {.kind = OrgKind::national, .name = "中国科协", .effective = day("1958-09-18")})
               .value();
    province = registry
                   .add_organization({.kind = OrgKind::local,
                                      .name = "浙江省科协",
                                      .parent = cast,
                                      .effective = day("1958-10-01"),
                                      .level = kexie::LocalLevel::provincial})
                   .value();
    city = registry
               .add_organization({.kind = OrgKind::local,
                                  .name = "杭州市科协",
                                  .parent = province,
                                  .effective = day("1960-01-01"),
                                  .level = kexie::LocalLevel::sub_provincial})
               .value();
    for (int i = 0; i < 3; ++i) {
      const std::string n = std::to_string(i);
      auto ent = registry
                     .add_organization({.kind = OrgKind::enterprise,
                                        .name = "企业科协" + n,
                                        .parent = city,
                                        .effective = day("2000-01-01"),
                                        .enterprise = {.enterprise_name = "企业" + n,
                                                       .ownership = kexie::Ownership::state}})
                     .value();
      auto br = registry
                    .add_organization({.kind = OrgKind::branch,
                                       .name = "分会" + n,
                                       .parent = ent,
                                       .effective = day("2001-01-01")})
                    .value();
      enterprises.push_back(ent);
      branches.push_back(br);
      staff.emplace_back();
      for (int k = 0; k < 6; ++k) {
        auto p = registry
                     .add_person({.name = "员工" + n + "-" + std::to_string(k),
                                  .birth = day(k % 2 ? "1980-03-01" : "1992-07-01"),
                                  .employer = ent,
                                  .external_key = "E" + n + std::to_string(k)})
                     .value();
        registry.add_membership(p, ent, kexie::Role::member, kexie::Period::from(day("2010-01-01")))
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
  kexie::MarkScale hundred{kexie::Decimal(0), kexie::Decimal(100), dec("0.5")};
  kexie::ObjectiveMap benefit{
      kexie::ClaimedFigure::annual_benefit_yuan,
      {{kexie::Decimal(500000), kexie::Decimal(100)}, {kexie::Decimal(100000), kexie::Decimal(80)}},
      kexie::Decimal(50),
      {},
      {}};
  std::vector<kexie::IndicatorSpec> specs = {
      {"A", "技术水平 technical level", "", IndicatorKind::group, dec("0.6"), {}, {}, {}},
      {"A.1", "创新性 creativity", "A", IndicatorKind::judged, dec("0.5"), hundred, {}, {}},
      {"A.2", "实用性 practicality", "A", IndicatorKind::judged, dec("0.5"), hundred, {}, {}},
      {"B", "经济效益 economic benefit", "", IndicatorKind::objective, dec("0.4"), {}, benefit, {}},
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
  spec.as_of = day("2025-11-30");
  spec.year = 2024;
  spec.panel.min_judges = 3;
  spec.awards.tiers = {{.name = "一等奖", .share = dec("0.2"), .min_score = kexie::Decimal(85)},
                       {.name = "二等奖", .share = dec("0.3"), .min_score = kexie::Decimal(70)},
                       {.name = "三等奖", .share = dec("0.5"), .min_score = kexie::Decimal(60)}};
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
  s.in_use_since = day("2024-01-01");
  s.claims.annual_benefit_yuan = dec(benefit);
  return s;
}

}  // namespace kexie_test

#endif  // KEXIE_TESTS_CAMPAIGN_WORLD_HPP
