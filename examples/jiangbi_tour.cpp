// A province's 讲理想、比贡献 campaign from plan to 表彰 (A10–A12, A14): the
// campaign is the 讲比 activity of its organizer. The activity is planned and
// approved (立项); during 实施 enterprise associations of two cities enter, and
// one from another province is refused as out of scope; during 评估 judges are
// drawn from the expert pool — one refused for a conflict of interest, one for
// not being an expert; the campaign is concluded (the scoreboard digest goes into
// the audit trail) and commended (the award list's digest too), the honours are
// queried from the registry, and the trail is verified. Every actor is derived
// from the registry (appointments and expert listings), never asserted.
#include <iostream>
#include <string>
#include <vector>

#include "kexie/activity.hpp"
#include "kexie/actor.hpp"
#include "kexie/campaign.hpp"
#include "kexie/literals.hpp"
#include "kexie/registry.hpp"

using namespace kexie::literals;

namespace {

kexie::Timestamp at(const char* text) { return kexie::Timestamp::parse(text).value(); }

kexie::OrgId add_org(kexie::Registry& registry, kexie::OrgKind kind, const char* name,
                     kexie::OrgId parent, kexie::LocalLevel level = kexie::LocalLevel::none) {
  const kexie::OrgSpec spec{
      .kind = kind,
      .name = name,
      .parent = parent,
      .effective = "2000-01-01"_date,
      .level = level,
      .enterprise = {.enterprise_name = kind == kexie::OrgKind::enterprise ? name : ""}};
  return registry.add_organization(spec).value();
}

kexie::PersonId add_person(kexie::Registry& registry, const char* name, kexie::OrgId employer) {
  return registry.add_person({.name = name, .birth = "1985-01-01"_date, .employer = employer})
      .value();
}

void show(const char* step, const kexie::Status& s) {
  std::cout << step << ": " << (s ? std::string("ok") : s.error().to_string()) << '\n';
}

kexie::EntrySpec entry(const char* code, const char* title, kexie::OrgId unit,
                       kexie::PersonId who) {
  kexie::EntrySpec e{.code = code, .title = title, .unit = unit};
  e.team = {{who, kexie::Decimal(1)}};
  e.in_use_since = "2024-06-01"_date;
  return e;
}

}  // namespace

int main() {
  using kexie::OrgKind;
  const auto always = kexie::Period::from("2020-01-01"_date);

  // The registry: CAST, two provinces, two cities of 浙江 with an enterprise each.
  kexie::Registry reg;
  const auto cast = add_org(reg, OrgKind::national, "中国科协", {});
  const auto zj = add_org(reg, OrgKind::local, "浙江省科协", cast, kexie::LocalLevel::provincial);
  const auto js = add_org(reg, OrgKind::local, "江苏省科协", cast, kexie::LocalLevel::provincial);
  const auto hz = add_org(reg, OrgKind::local, "杭州市科协", zj, kexie::LocalLevel::prefecture);
  const auto nb = add_org(reg, OrgKind::local, "宁波市科协", zj, kexie::LocalLevel::prefecture);
  const auto office = add_org(reg, OrgKind::proxy, "浙江省科协机关", zj);
  const auto hangang = add_org(reg, OrgKind::enterprise, "杭钢科协", hz);
  const auto ninggang = add_org(reg, OrgKind::enterprise, "宁钢科协", nb);
  const auto sugang = add_org(reg, OrgKind::enterprise, "苏钢科协", js);

  const auto chair = add_person(reg, "周主席", office);
  const auto secretary = add_person(reg, "钱秘书长", office);
  const auto wu = add_person(reg, "吴处长", office);
  const auto hz_worker = add_person(reg, "杭钢 王工", hangang);
  const auto nb_worker = add_person(reg, "宁钢 李工", ninggang);
  const auto js_worker = add_person(reg, "苏钢 赵工", sugang);
  const auto expert1 = add_person(reg, "陈专家", office);
  const auto expert2 = add_person(reg, "林专家", sugang);
  const auto expert_hz = add_person(reg, "杭钢 孙专家", hangang);
  const auto not_expert = add_person(reg, "刘干事", office);

  // Officers (A14) and the expert pools, as registry facts with periods.
  const bool facts =
      reg.appoint({.person = chair, .org = zj, .role = kexie::OfficerRole::chair, .period = always})
          .ok() &&
      reg.appoint({.person = secretary,
                   .org = zj,
                   .role = kexie::OfficerRole::secretary_general,
                   .period = always})
          .ok() &&
      reg.add_expert(expert1, zj, {"rationalization_proposals"}, always).ok() &&
      reg.add_expert(expert2, cast, {"energy saving"}, always).ok() &&
      reg.add_expert(expert_hz, zj, {"rationalization_proposals"}, always).ok();
  if (!facts) return 1;

  // Every actor from the registry on the day it acts.
  auto actor = [&](kexie::PersonId p, const char* day) {
    return kexie::actor_as_of(reg, p, kexie::Date::parse(day).value()).value();
  };

  // 立项: the plan, submitted by the responsible person and approved by the chair.
  kexie::ActivityBook book{reg};
  const kexie::ActivityPlan plan{.type = kexie::ActivityType::jiangbi_campaign,
                                 .title = "2025 浙江省讲理想、比贡献活动",
                                 .organizer = zj,
                                 .owner = zj,
                                 .responsible = wu,
                                 .team = {},
                                 .planned = {"2025-03-01"_date, "2025-12-31"_date}};
  const kexie::ActivityId id =
      book.create(actor(wu, "2025-03-01"), at("2025-03-01T09:00:00+08:00"), plan, "annual plan")
          .value();
  show("submit",
       book.submit(id, actor(wu, "2025-03-02"), at("2025-03-02T09:00:00+08:00"), "ready"));
  show("approve (立项)",
       book.approve(id, actor(chair, "2025-03-05"), at("2025-03-05T09:00:00+08:00"),
                    "立项 at the March meeting"));

  // The campaign, bound to the activity: its organizer is the activity's.
  kexie::CampaignSpec spec{.name = "2025 浙江省讲比活动", .as_of = "2025-11-30"_date, .year = 2025};
  spec.panel.min_judges = 2;
  spec.awards.tiers = {{.name = "一等奖", .by_count = true, .count = 1},
                       {.name = "二等奖", .by_count = true, .count = 1}};
  spec.awards.units.min_awarded_entries = 1;
  spec.entry_deadline = "2025-09-30"_date;
  kexie::Campaign campaign = kexie::Campaign::open(reg, book, id, spec).value();
  std::vector<kexie::IndicatorSpec> indicators = {
      {"A.1",
       "创新性与效益",
       "",
       kexie::IndicatorKind::judged,
       kexie::Decimal(1),
       {kexie::Decimal(0), kexie::Decimal(100), kexie::Decimal(1)},
       {},
       {}}};
  const auto proposals = kexie::Category::rationalization_proposals;
  show("rubric", campaign.set_rubric(proposals, kexie::Rubric::build("细则", indicators).value()));
  std::cout << "campaign bound: " << std::boolalpha << campaign.bound()
            << ", phase: " << kexie::to_string(campaign.phase()) << "\n\n";

  // 实施: entries from two cities; one from 江苏 is out of the organizer's subtree.
  show("start (实施)",
       book.start(id, actor(wu, "2025-03-10"), at("2025-03-10T09:00:00+08:00"), "kick-off"));
  const kexie::EntryId e_hz =
      campaign.add_entry(entry("ZJ-HZ-01", "高炉余热回收", hangang, hz_worker), "2025-06-01"_date)
          .value();
  const kexie::EntryId e_nb =
      campaign.add_entry(entry("ZJ-NB-01", "轧线节电改造", ninggang, nb_worker), "2025-07-01"_date)
          .value();
  auto out_of_scope =
      campaign.add_entry(entry("JS-01", "苏钢项目", sugang, js_worker), "2025-07-01"_date);
  std::cout << "entry from 苏钢科协: "
            << (out_of_scope ? std::string("accepted?!") : out_of_scope.error().to_string())
            << '\n';

  // 评估: judges from the expert pool.
  show("complete", book.complete(id, actor(wu, "2025-10-01"), at("2025-10-01T09:00:00+08:00"),
                                 "entries closed"));
  show("open evaluation (评估)", book.open_evaluation(id, actor(chair, "2025-11-01"),
                                                      at("2025-11-01T09:00:00+08:00"), "panel"));
  const kexie::JudgeId j1 = campaign.add_judge(expert1).value();
  const kexie::JudgeId j2 = campaign.add_judge(expert2).value();
  const kexie::JudgeId j_hz = campaign.add_judge(expert_hz).value();
  auto refused_judge = campaign.add_judge(not_expert);
  std::cout << "judge 刘干事: " << refused_judge.error().to_string() << '\n';
  const kexie::Status conflict = campaign.assign(j_hz, e_hz);  // 孙专家 works for 杭钢
  show("judge 孙专家 on 杭钢's entry", conflict);
  bool ok = true;
  for (kexie::JudgeId j : {j1, j2}) {
    ok = ok && campaign.assign(j, e_hz).ok() && campaign.assign(j, e_nb).ok();
  }
  ok = ok && campaign.assign(j_hz, e_nb).ok() && campaign.mark(j1, e_hz, "A.1", "93"_dec).ok() &&
       campaign.mark(j2, e_hz, "A.1", "91"_dec).ok() &&
       campaign.mark(j1, e_nb, "A.1", "84"_dec).ok() &&
       campaign.mark(j2, e_nb, "A.1", "86"_dec).ok() &&
       campaign.mark(j_hz, e_nb, "A.1", "85"_dec).ok();
  if (!ok) return 1;

  // Conclude (the scoreboard digest into the trail), then commend (the honours).
  const std::string board =
      campaign
          .conclude(book, actor(secretary, "2025-11-30"), at("2025-11-30T15:00:00+08:00"), "95"_dec)
          .value();
  auto late_mark = campaign.mark(j1, e_nb, "A.1", "99"_dec);
  std::cout << "a mark after conclude: " << late_mark.error().to_string() << '\n';
  const std::string awards =
      campaign.commend(reg, book, actor(chair, "2025-12-20"), at("2025-12-20T10:00:00+08:00"))
          .value();
  std::cout << "phase: " << kexie::to_string(campaign.phase()) << "\nscoreboard digest " << board
            << "\naward list digest " << awards << "\n\n";

  // Who has been commended (A9, A12, A14).
  for (const kexie::Honour& h : reg.honours_granted(zj, {"2025-01-01"_date, "2025-12-31"_date})) {
    std::cout << "honour: " << h.title << " — "
              << (h.person ? reg.person(*h.person)->name : reg.organization(*h.organization)->name)
              << " (" << h.basis << ")\n";
  }

  // The audit trail with both digests, verified.
  std::cout << '\n';
  for (const kexie::AuditRecord& r : book.audit_trail()) std::cout << r << '\n';
  const bool intact = book.verify_audit().ok();
  std::cout << "\ntrail verified: " << (intact ? "intact" : "BROKEN") << '\n';
  bool has_board = false, has_awards = false;
  for (const kexie::AuditRecord& r : book.audit_trail()) {
    has_board = has_board || r.reason.find(board) != std::string::npos;
    has_awards = has_awards || r.reason.find(awards) != std::string::npos;
  }
  return intact && has_board && has_awards && !out_of_scope && !refused_judge && !conflict ? 0 : 1;
}
