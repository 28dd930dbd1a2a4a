// A tour of the registry (kexie/registry.hpp): a province with three cities, a
// dozen enterprise associations (企业科协) with branches and study groups, a
// society and a university, people with memberships, experts, cooperation
// links and training records — then the queries of issue 3, printed.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <range/v3/range/conversion.hpp>

#include "kexie/literals.hpp"
#include "kexie/registry.hpp"
#include "kexie/views.hpp"

using namespace kexie::literals;

using kexie::Date;
using kexie::OrgId;
using kexie::OrgKind;
using kexie::Period;
using kexie::PersonId;
using kexie::Role;

int main() {
  kexie::Registry reg;  // default policy: young ≤ 35, 90 hours, 2/3 professional
  const Date founded = "1980-01-01"_date;

  const OrgId cast =
      reg.add_organization({.kind = OrgKind::national, .name = "中国科协", .effective = founded})
          .value();
  const OrgId society = reg.add_organization({.kind = OrgKind::society,
                                              .name = "中国机械工程学会",
                                              .parent = cast,
                                              .effective = founded})
                            .value();
  const OrgId university =
      reg.add_organization({.kind = OrgKind::partner, .name = "浙江大学", .effective = founded})
          .value();
  const OrgId province = reg.add_organization({.kind = OrgKind::local,
                                               .name = "浙江省科协",
                                               .parent = cast,
                                               .effective = founded,
                                               .level = kexie::LocalLevel::provincial})
                             .value();

  std::vector<OrgId> cities, enterprises, branches, groups;
  for (const char* name : {"杭州市科协", "宁波市科协", "温州市科协"}) {
    cities.push_back(reg.add_organization({.kind = OrgKind::local,
                                           .name = name,
                                           .parent = province,
                                           .effective = founded,
                                           .level = kexie::LocalLevel::sub_provincial})
                         .value());
  }
  for (int i = 0; i < 12; ++i) {
    const kexie::OrgSpec e{
        .kind = OrgKind::enterprise,
        .name = "企业科协 " + std::to_string(i + 1),
        .parent = cities[static_cast<std::size_t>(i % 3)],
        .effective = "2000-01-01"_date,
        .enterprise = {.enterprise_name = "Enterprise " + std::to_string(i + 1),
                       .ownership = i % 2 ? kexie::Ownership::private_ : kexie::Ownership::state,
                       .industry = i % 3 ? "machinery" : "chemicals",
                       .high_tech_zone = i % 4 == 0}};
    const OrgId ent = reg.add_organization(e).value();
    enterprises.push_back(ent);
    const OrgId branch = reg.add_organization({.kind = OrgKind::branch,
                                               .name = "分会 " + std::to_string(i + 1),
                                               .parent = ent,
                                               .effective = "2005-01-01"_date})
                             .value();
    branches.push_back(branch);
    groups.push_back(reg.add_organization({.kind = OrgKind::study_group,
                                           .name = "学组 " + std::to_string(i + 1),
                                           .parent = branch,
                                           .effective = "2010-01-01"_date})
                         .value());
  }

  // Ten people in each enterprise association, some in its branch and study group.
  std::vector<PersonId> people;
  for (int i = 0; i < 120; ++i) {
    const OrgId ent = enterprises[static_cast<std::size_t>(i % 12)];
    char key[16];  // not "E" + std::to_string(…): g++ 12 -O2 warns falsely (-Wrestrict)
    std::snprintf(key, sizeof key, "E%d", i / 12);
    const PersonId id =
        reg.add_person({.name = "worker " + std::to_string(i + 1),
                        .birth = Date::from_days(-3'000 + 97 * i),  // born 1961 .. 1999
                        .employer = ent,
                        .external_key = key,
                        .title = static_cast<kexie::Title>(i % 5),
                        .discipline = i % 2 ? "mechanical engineering" : "chemical engineering"})
            .value();
    people.push_back(id);
    const Period since = Period::from("2015-01-01"_date);
    reg.add_membership(id, ent, i < 12 ? Role::secretary_general : Role::member, since).value();
    if (i % 3 == 0)
      reg.add_membership(id, branches[static_cast<std::size_t>(i % 12)], Role::member, since)
          .value();
    if (i % 4 == 0)
      reg.add_membership(id, groups[static_cast<std::size_t>(i % 12)], Role::member, since).value();
    if (i % 10 == 0) reg.add_membership(id, society, Role::member, since).value();  // A3
    if (i % 15 == 0)
      reg.add_expert(id, province, {"energy saving", "process safety"}, since).value();
    reg.add_training(id, 30 + i % 70, kexie::TrainingKind::professional, "2025-03-01"_date).value();
    reg.add_training(id, 30, kexie::TrainingKind::general, "2025-09-01"_date).value();
  }
  reg.add_link(enterprises[0], university, Period::from("2020-09-01"_date)).value();  // 产学研
  reg.add_link(enterprises[0], society, Period::from("2021-01-01"_date)).value();     // 厂会协作
  // 先进企业科协 (A14), granted by the association's city on the basis of an evaluation.
  (void)reg.award_exemplary(enterprises[1], {"2025-01-01"_date, "2025-12-31"_date}, cities[1],
                            "2024 年度考核评价");

  const Date today = "2025-06-30"_date;

  // A refused operation names its rule and article, and changes nothing.
  const std::string before = reg.digest();
  auto refused = reg.add_organization({.kind = OrgKind::enterprise,
                                       .name = "挂错的企业科协",
                                       .parent = society,
                                       .effective = today,
                                       .enterprise = {.enterprise_name = "Misplaced Co."}});
  std::cout << "refused: " << refused.error() << "\n";
  auto second_sg =
      reg.add_membership(people[12], enterprises[0], Role::secretary_general, Period::from(today));
  std::cout << "refused: " << second_sg.error() << "\n";
  std::cout << "unchanged: " << std::boolalpha << (reg.digest() == before) << "\n\n";

  std::cout << "enterprise associations under " << reg.organization(province)->name << ":\n";
  for (OrgId e : kexie::views::subtree(reg, province, today, OrgKind::enterprise))
    std::cout << "  " << e << " " << reg.organization(e)->name
              << (reg.exemplary(e, today) ? "  (先进企业科协 2025)" : "") << "\n";

  std::cout << "\nancestors of " << reg.organization(groups[4])->name << ":";
  for (OrgId a : kexie::views::ancestors(reg, groups[4], today))
    std::cout << " " << reg.organization(a)->name;
  std::cout << "\n\nsecretary-general of " << reg.organization(enterprises[0])->name << ": "
            << reg.person(reg.secretary_general(enterprises[0], today).value())->name << "\n";

  auto young = kexie::views::members(reg, province, today, kexie::MemberFilter{.young = true});
  std::cout << "young S&T workers in the province: " << ranges::distance(young) << ", first:";
  for (const kexie::MemberEntry& m : young | ranges::to<std::vector>()) {
    std::cout << " " << reg.person(m.person)->name << " (" << m.birth << ")";
    break;
  }
  const auto seniors = kexie::views::members(
      reg, cities[0], today, kexie::MemberFilter{.min_title = kexie::Title::associate_senior});
  std::cout << "\nassociate senior or above in " << reg.organization(cities[0])->name << ": "
            << ranges::distance(seniors) << "\n";
  const auto chemists = kexie::views::members(
      reg, province, today, kexie::MemberFilter{.discipline = "chemical engineering"});
  std::cout << "chemical engineers in the province: " << ranges::distance(chemists) << "\n\n";

  std::cout << "rollups (members / young / experts) as of " << today << ":\n";
  for (OrgId o : {province, cities[0], cities[1], cities[2], enterprises[0], branches[0]}) {
    const kexie::Rollup r = reg.rollup(o, today).value();
    std::cout << "  " << reg.organization(o)->name << ": " << r.members << " / " << r.young << " / "
              << r.experts << "\n";
  }

  std::cout << "\ncooperation links of " << reg.organization(enterprises[0])->name << ":\n";
  for (const kexie::Link& l : kexie::views::links(reg, enterprises[0], today))
    std::cout << "  " << kexie::to_string(l.kind) << " with " << reg.organization(l.other)->name
              << " since " << l.period.first << "\n";

  std::cout << "\ncontinuing education 2025:\n";
  for (std::size_t i : {0u, 50u, 119u}) {
    const auto s = reg.continuing_education_status(people[i], 2025).value();
    std::cout << "  " << reg.person(people[i])->name << ": " << s.hours << " h, "
              << s.professional_hours << " professional, "
              << (s.compliant ? "compliant" : "short by " + std::to_string(s.shortfall) + " h")
              << "\n";
  }

  // The structure changes over time; history stays queryable.
  reg.move(enterprises[11], cities[0], "2026-01-01"_date).value();
  std::cout << "\n"
            << reg.organization(enterprises[11])->name << " was under "
            << reg.organization(reg.parent(enterprises[11], today).value())->name
            << ", from 2026 under "
            << reg.organization(reg.parent(enterprises[11], "2026-01-01"_date).value())->name
            << "\n";
  return 0;
}
