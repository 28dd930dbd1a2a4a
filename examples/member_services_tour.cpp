// What an association does for its S&T workers (issue 20; DOMAIN.md §7, A8–A9),
// end to end: a young engineer asks for support with a utility-model patent, the
// association's staff (derived from the registry) take it through to CNIPA and
// back; an older colleague's title evaluation is refused for missing continuing
// education; the request queue puts young workers first and says why; a
// rationalization proposal is filed, answered, adopted and entered into the
// province's 讲比 campaign once; an overdue answer is reported; and a recommendation
// list for a talent programme explains every decision. Every step is in the desk's
// hash-chained trail, which verifies at the end.
#include <iostream>
#include <memory>
#include <vector>

#include "kexie/activity.hpp"
#include "kexie/actor.hpp"
#include "kexie/campaign.hpp"
#include "kexie/literals.hpp"
#include "kexie/recommendation.hpp"
#include "kexie/registry.hpp"
#include "kexie/service_desk.hpp"

using namespace kexie::literals;

namespace {
kexie::Timestamp ts(const char* text) { return kexie::Timestamp::parse(text).value(); }
}  // namespace

int main() {
  // --- the registry: a province, a city, an enterprise association, its people ---
  kexie::Registry reg;
  auto org = [&](kexie::OrgKind kind, const char* name, kexie::OrgId parent,
                 kexie::LocalLevel level) {
    return reg
        .add_organization(
            {.kind = kind,
             .name = name,
             .parent = parent,
             .effective = "2000-01-01"_date,
             .level = level,
             .enterprise = {.enterprise_name = kind == kexie::OrgKind::enterprise ? name : ""}})
        .value();
  };
  using K = kexie::OrgKind;
  const auto cast = org(K::national, "中国科协", {}, kexie::LocalLevel::none);
  const auto zj = org(K::local, "浙江省科协", cast, kexie::LocalLevel::provincial);
  const auto hz = org(K::local, "杭州市科协", zj, kexie::LocalLevel::prefecture);
  const auto ent = org(K::enterprise, "杭钢科协", hz, kexie::LocalLevel::none);
  const auto office = org(K::proxy, "浙江省科协机关", zj, kexie::LocalLevel::none);
  auto person = [&](const char* name, kexie::Date birth, kexie::OrgId employer, kexie::Title t) {
    return reg.add_person({.name = name, .birth = birth, .employer = employer, .title = t}).value();
  };
  const auto li = person("李娜", "1996-07-01"_date, ent, kexie::Title::intermediate);
  const auto wang = person("王强", "1980-02-01"_date, ent, kexie::Title::junior);
  const auto sg = person("陈秘书长", "1975-03-01"_date, ent, kexie::Title::associate_senior);
  const auto clerk = person("孙干事", "1990-01-01"_date, office, kexie::Title::none);
  const auto always = kexie::Period::from("2020-01-01"_date);
  reg.add_membership(sg, ent, kexie::Role::secretary_general, always).value();
  const auto province_sg = person("钱秘书长", "1970-01-01"_date, office, kexie::Title::senior);
  reg.appoint({.person = province_sg,
               .org = zj,
               .role = kexie::OfficerRole::secretary_general,
               .period = always})
      .value();
  for (int y = 2023; y <= 2025; ++y) {
    const kexie::Date d = kexie::Date::from_ymd(y, 6, 1).value();
    reg.add_training(li, 60, kexie::TrainingKind::professional, d).value();
    reg.add_training(li, 30, kexie::TrainingKind::general, d).value();
  }
  reg.record_honour({.kind = kexie::HonourKind::other_scheme,
                     .person = li,
                     .grantor = zj,
                     .title = "浙江省青年岗位能手",
                     .basis = "2025 年度评选",
                     .date = "2025-05-04"_date})
      .value();

  kexie::ServiceDesk desk(reg);  // defaults: 3 years of continuing education, young first, 30 days

  // --- a patent application, from request to grant ---
  const auto patent = desk.submit({.applicant = li,
                                   .association = ent,
                                   .kind = kexie::ServiceKind::patent_application,
                                   .title = "一种烧结余热回收装置",
                                   .patent_type = kexie::PatentType::utility_model},
                                  ts("2026-03-02T09:00:00+08:00"))
                          .value();
  desk.accept(patent, sg, ts("2026-03-03T09:00:00+08:00")).value();
  desk.start(patent, sg, ts("2026-03-04T09:00:00+08:00")).value();
  // A typo in the application number is caught by its check digit.
  auto typo =
      desk.forward(patent, sg, ts("2026-03-20T09:00:00+08:00"), "国家知识产权局", "201620056200.4");
  std::cout << "forward with a typo: " << typo.error() << '\n';
  desk.forward(patent, sg, ts("2026-03-20T09:00:00+08:00"), "国家知识产权局", "201620056200.3")
      .value();
  desk.grant(patent, sg, ts("2026-09-01T09:00:00+08:00"), "ZL201620056200.3").value();
  std::cout << "patent request: " << desk.request(patent)->state << ", "
            << desk.request(patent)->reference << '\n';

  // --- a title evaluation refused, the next level only, continuing education checked ---
  auto title = desk.submit({.applicant = wang,
                            .association = ent,
                            .kind = kexie::ServiceKind::title_evaluation,
                            .title = "申报中级职称",
                            .target_title = kexie::Title::intermediate},
                           ts("2026-03-05T09:00:00+08:00"));
  std::cout << "title evaluation: " << title.error() << '\n';

  // --- the queue: young workers first, explained ---
  desk.submit({.applicant = wang,
               .association = ent,
               .kind = kexie::ServiceKind::project_application,
               .title = "转炉煤气回收"},
              ts("2026-04-01T09:00:00+08:00"))
      .value();
  desk.submit({.applicant = li,
               .association = ent,
               .kind = kexie::ServiceKind::project_application,
               .title = "高炉余压发电"},
              ts("2026-04-02T09:00:00+08:00"))
      .value();
  for (const kexie::QueuePlace& q : desk.queue(ent, "2026-04-10"_date))
    std::cout << "queue " << q.position << ": " << q.request << " — " << q.explanation << '\n';

  // --- a rationalization proposal, adopted, entered into the 讲比 campaign once ---
  kexie::ActivityBook book(reg);
  auto actor = [&](kexie::PersonId p) {
    return kexie::actor_as_of(reg, p, "2026-01-10"_date).value();
  };
  const auto activity = book.create(actor(clerk), ts("2026-01-10T09:00:00+08:00"),
                                    {.type = kexie::ActivityType::jiangbi_campaign,
                                     .title = "2026 浙江省讲比活动",
                                     .organizer = zj,
                                     .owner = zj,
                                     .responsible = clerk,
                                     .team = {},
                                     .planned = {"2026-01-01"_date, "2026-12-31"_date}},
                                    "plan")
                            .value();
  book.submit(activity, actor(clerk), ts("2026-01-11T09:00:00+08:00"), "ready").value();
  book.approve(activity, actor(province_sg), ts("2026-01-12T09:00:00+08:00"), "立项").value();
  kexie::CampaignSpec spec{.name = "2026 浙江省讲比活动", .as_of = "2026-11-30"_date, .year = 2026};
  kexie::Campaign campaign = kexie::Campaign::open(reg, book, activity, spec).value();
  std::vector<kexie::IndicatorSpec> one = {
      {"A.1",
       "创新性",
       "",
       kexie::IndicatorKind::judged,
       kexie::Decimal(1),
       {kexie::Decimal(0), kexie::Decimal(100), kexie::Decimal(1)},
       {},
       {}}};
  campaign
      .set_rubric(kexie::Category::rationalization_proposals,
                  kexie::Rubric::build("合理化建议", one).value())
      .value();
  book.start(activity, actor(clerk), ts("2026-01-13T09:00:00+08:00"), "实施").value();

  const auto p = desk.file({.proposer = li,
                            .association = ent,
                            .kind = kexie::ProposalKind::rationalization,
                            .title = "转炉煤气回收率提升",
                            .text = "建议增设一级除尘"},
                           ts("2026-04-03T09:00:00+08:00"))
                     .value();
  desk.acknowledge(p, sg, ts("2026-04-04T09:00:00+08:00")).value();
  desk.answer(p, sg, ts("2026-04-20T09:00:00+08:00"), "经生产部论证可行").value();
  desk.adopt(p, sg, ts("2026-04-21T09:00:00+08:00")).value();
  kexie::EntrySpec extras;
  extras.in_use_since = "2026-05-01"_date;
  const auto e =
      desk.enter_campaign(p, campaign, sg, ts("2026-06-01T09:00:00+08:00"), extras).value();
  std::cout << "entered as " << campaign.entry(e)->spec.code << '\n';
  auto again = desk.enter_campaign(p, campaign, sg, ts("2026-06-02T09:00:00+08:00"), extras);
  std::cout << "entered again: " << again.error() << '\n';

  // --- an overdue answer ---
  desk.file({.proposer = wang,
             .association = ent,
             .kind = kexie::ProposalKind::appeal,
             .title = "夜班补贴",
             .text = "建议提高夜班补贴"},
            ts("2026-05-01T09:00:00+08:00"))
      .value();
  for (const kexie::OverdueAnswer& o : desk.overdue_answers(ent, "2026-06-15"_date))
    std::cout << o.proposal << " answer due " << o.due << ", " << o.days_overdue
              << " days overdue\n";

  // --- a recommendation list for a talent programme ---
  kexie::Programme programme{.name = "浙江省青年科技人才托举计划",
                             .min_title = kexie::Title::intermediate,
                             .min_honours = 1};
  const std::vector<kexie::PersonId> nominees = {li, wang};
  const auto list = kexie::recommend(reg, programme, nominees, "2026-06-30"_date).value();
  for (const kexie::CandidateDecision& d : list.candidates) {
    std::cout << reg.person(d.person)->name << (d.recommended ? ": recommended" : ": not") << '\n';
    for (const kexie::RuleCheck& c : d.checks)
      std::cout << "  " << (c.passed ? "pass " : "FAIL ") << c.rule << " (" << c.article
                << "): " << c.explanation << '\n';
  }

  std::cout << desk.audit_trail().size() << " trail records, chain "
            << (desk.verify_audit().ok() ? "verified" : "BROKEN") << '\n';
  return desk.verify_audit().ok() && list.recommended().size() == 1 ? 0 : 1;
}
