// A small association world for the service-desk tests: a province with a city
// and two enterprise associations, officers appointed at the province, an
// enterprise secretary-general, young and older workers with continuing
// education, and a 讲比 campaign of the province in its entries phase.
#ifndef KEXIE_TESTS_SERVICE_FIXTURE_HPP
#define KEXIE_TESTS_SERVICE_FIXTURE_HPP

#include <memory>
#include <vector>

#include "kexie/activity.hpp"
#include "kexie/actor.hpp"
#include "kexie/campaign.hpp"
#include "kexie/literals.hpp"
#include "kexie/registry.hpp"

namespace kexie_test {

using namespace kexie::literals;

inline kexie::Timestamp ts(const char* text) { return kexie::Timestamp::parse(text).value(); }

struct ServiceWorld {
  kexie::Registry reg;
  kexie::OrgId cast, zj, hz, nb, ent, ent_nb, office;
  kexie::PersonId province_sg;  // appointed secretary-general of the province
  kexie::PersonId ent_sg;       // secretary-general of the enterprise association (a member)
  kexie::PersonId nb_sg;        // secretary-general of the other enterprise association
  kexie::PersonId li;           // young, intermediate title, compliant 2023–2025
  kexie::PersonId wang;         // older, junior title, no training
  kexie::PersonId zhao;         // young, senior title
  kexie::PersonId nb_worker;    // member of the other enterprise association
  kexie::PersonId clerk;        // province office, no role

  kexie::OrgId org(kexie::OrgKind kind, const char* name, kexie::OrgId parent,
                   kexie::LocalLevel level = kexie::LocalLevel::none) {
    return reg
        .add_organization(
            {.kind = kind,
             .name = name,
             .parent = parent,
             .effective = "2000-01-01"_date,
             .level = level,
             .enterprise = {.enterprise_name = kind == kexie::OrgKind::enterprise ? name : ""}})
        .value();
  }
  kexie::PersonId person(const char* name, kexie::Date birth, kexie::OrgId employer,
                         kexie::Title title) {
    return reg.add_person({.name = name, .birth = birth, .employer = employer, .title = title})
        .value();
  }
  void train(kexie::PersonId p, int year) {
    const kexie::Date d = kexie::Date::from_ymd(year, 6, 1).value();
    reg.add_training(p, 60, kexie::TrainingKind::professional, d).value();
    reg.add_training(p, 30, kexie::TrainingKind::general, d).value();
  }

  explicit ServiceWorld(kexie::Policy policy = {}) : reg(policy) {
    using kexie::OrgKind;
    cast = org(OrgKind::national, "中国科协", {});
    zj = org(OrgKind::local, "浙江省科协", cast, kexie::LocalLevel::provincial);
    hz = org(OrgKind::local, "杭州市科协", zj, kexie::LocalLevel::prefecture);
    nb = org(OrgKind::local, "宁波市科协", zj, kexie::LocalLevel::prefecture);
    ent = org(OrgKind::enterprise, "杭钢科协", hz);
    ent_nb = org(OrgKind::enterprise, "宁钢科协", nb);
    office = org(OrgKind::proxy, "浙江省科协机关", zj);
    province_sg = person("钱秘书长", "1970-01-01"_date, office, kexie::Title::senior);
    clerk = person("孙办事员", "1990-01-01"_date, office, kexie::Title::none);
    ent_sg = person("杭钢秘书长", "1975-03-01"_date, ent, kexie::Title::associate_senior);
    nb_sg = person("宁钢秘书长", "1976-03-01"_date, ent_nb, kexie::Title::associate_senior);
    li = person("李娜", "1996-07-01"_date, ent, kexie::Title::intermediate);
    wang = person("王强", "1980-02-01"_date, ent, kexie::Title::junior);
    zhao = person("赵敏", "1994-01-01"_date, ent, kexie::Title::senior);
    nb_worker = person("甬工", "1992-01-01"_date, ent_nb, kexie::Title::junior);
    const auto always = kexie::Period::from("2020-01-01"_date);
    reg.appoint({.person = province_sg,
                 .org = zj,
                 .role = kexie::OfficerRole::secretary_general,
                 .period = always})
        .value();
    reg.add_membership(ent_sg, ent, kexie::Role::secretary_general, always).value();
    reg.add_membership(nb_sg, ent_nb, kexie::Role::secretary_general, always).value();
    for (int y = 2023; y <= 2025; ++y) train(li, y);
  }
};

inline kexie::Rubric proposal_rubric() {
  std::vector<kexie::IndicatorSpec> one = {
      {"A.1",
       "创新性",
       "",
       kexie::IndicatorKind::judged,
       kexie::Decimal(1),
       {kexie::Decimal(0), kexie::Decimal(100), kexie::Decimal(1)},
       {},
       {}}};
  return kexie::Rubric::build("合理化建议", one).value();
}

// The province's 2026 讲比 campaign, bound to its activity and in its entries phase.
struct CampaignTour {
  kexie::ActivityBook book;
  kexie::ActivityId id;
  std::unique_ptr<kexie::Campaign> campaign;

  explicit CampaignTour(ServiceWorld& w) : book(w.reg) {
    auto actor = [&](kexie::PersonId p) {
      return kexie::actor_as_of(w.reg, p, "2026-01-10"_date).value();
    };
    const kexie::PersonId lead = w.clerk;
    const kexie::ActivityPlan plan{.type = kexie::ActivityType::jiangbi_campaign,
                                   .title = "2026 浙江省讲比活动",
                                   .organizer = w.zj,
                                   .owner = w.zj,
                                   .responsible = lead,
                                   .team = {},
                                   .planned = {"2026-01-01"_date, "2026-12-31"_date}};
    id = book.create(actor(lead), ts("2026-01-10T09:00:00+08:00"), plan, "plan").value();
    book.submit(id, actor(lead), ts("2026-01-11T09:00:00+08:00"), "ready").value();
    book.approve(id, actor(w.province_sg), ts("2026-01-12T09:00:00+08:00"), "立项").value();
    kexie::CampaignSpec spec{
        .name = "2026 浙江省讲比活动", .as_of = "2026-11-30"_date, .year = 2026};
    spec.panel.min_judges = 1;
    spec.awards.tiers = {{.name = "一等奖", .by_count = true, .count = 1}};
    campaign =
        std::make_unique<kexie::Campaign>(kexie::Campaign::open(w.reg, book, id, spec).value());
    campaign->set_rubric(kexie::Category::rationalization_proposals, proposal_rubric()).value();
    book.start(id, actor(lead), ts("2026-01-13T09:00:00+08:00"), "实施").value();
  }
};

}  // namespace kexie_test

#endif  // KEXIE_TESTS_SERVICE_FIXTURE_HPP
