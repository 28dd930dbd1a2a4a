// The 讲比 campaign as an activity of its organizer (issue 13): Campaign::open,
// the phase rules of A12, entry scope and cooperation citations, the expert
// rule, conclude and commend with their digests in the audit trail, honours in
// the registry, and a seeded random-operation test across registry, book and
// campaign.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "kexie/activity.hpp"
#include "kexie/actor.hpp"
#include "kexie/campaign.hpp"
#include "kexie/explain.hpp"
#include "kexie/guidance.hpp"
#include "kexie/literals.hpp"
#include "kexie/registry.hpp"
#include "kexie/service_desk.hpp"
#include "kexie/snapshot.hpp"
#include "support/files.hpp"

using namespace kexie::literals;
using kexie::Decimal;
using kexie::OrgKind;

namespace {

kexie::Timestamp at(const char* text) { return kexie::Timestamp::parse(text).value(); }

// A province (浙江) with two cities and an enterprise association in each, a
// neighbouring province (江苏) with one, the officers of 浙江 appointed in the
// registry, and its expert pool.
struct World {
  kexie::Registry reg;
  kexie::OrgId cast, zj, hz, nb, js, ent_hz, ent_nb, ent_js, society, zj_office;
  kexie::PersonId chair, secretary, wu, hz_worker, nb_worker, js_worker;
  kexie::PersonId expert1, expert2, expert3, expert_hz, outsider;
  kexie::LinkId hz_link;

  kexie::OrgId org(OrgKind kind, const char* name, kexie::OrgId parent,
                   kexie::LocalLevel level = kexie::LocalLevel::none) {
    return reg
        .add_organization(
            {.kind = kind,
             .name = name,
             .parent = parent,
             .effective = "2000-01-01"_date,
             .level = level,
             .enterprise = {.enterprise_name = kind == OrgKind::enterprise ? name : ""}})
        .value();
  }
  kexie::PersonId person(const char* name, kexie::OrgId employer) {
    return reg.add_person({.name = name, .birth = "1985-01-01"_date, .employer = employer}).value();
  }

  World() {
    cast = org(OrgKind::national, "中国科协", {});
    zj = org(OrgKind::local, "浙江省科协", cast, kexie::LocalLevel::provincial);
    hz = org(OrgKind::local, "杭州市科协", zj, kexie::LocalLevel::prefecture);
    nb = org(OrgKind::local, "宁波市科协", zj, kexie::LocalLevel::prefecture);
    js = org(OrgKind::local, "江苏省科协", cast, kexie::LocalLevel::provincial);
    ent_hz = org(OrgKind::enterprise, "杭钢科协", hz);
    ent_nb = org(OrgKind::enterprise, "宁钢科协", nb);
    ent_js = org(OrgKind::enterprise, "苏钢科协", js);
    society = org(OrgKind::society, "中国金属学会", cast);
    zj_office = org(OrgKind::proxy, "浙江省科协机关", zj);

    chair = person("周主席", zj_office);
    secretary = person("钱秘书长", zj_office);
    wu = person("吴处长", zj_office);
    hz_worker = person("杭工", ent_hz);
    nb_worker = person("甬工", ent_nb);
    js_worker = person("苏工", ent_js);
    expert1 = person("专家一", zj_office);
    expert2 = person("专家二", zj_office);
    expert3 = person("专家三", ent_js);
    expert_hz = person("杭钢专家", ent_hz);
    outsider = person("非专家", zj_office);
    const auto always = kexie::Period::from("2020-01-01"_date);
    reg.appoint({.person = chair, .org = zj, .role = kexie::OfficerRole::chair, .period = always})
        .value();
    reg.appoint({.person = secretary,
                 .org = zj,
                 .role = kexie::OfficerRole::secretary_general,
                 .period = always})
        .value();
    reg.add_expert(expert1, zj, {"rationalization_proposals"}, always).value();
    reg.add_expert(expert2, zj, {"energy saving"}, always).value();
    reg.add_expert(expert3, cast, {"rationalization_proposals"}, always).value();  // above
    reg.add_expert(expert_hz, zj, {"rationalization_proposals"}, always).value();
    hz_link = reg.add_link(ent_hz, society, always).value();
  }

  // Two overloads rather than a default argument: clang 14 refuses a consteval
  // literal in a default argument.
  [[nodiscard]] kexie::Actor actor(kexie::PersonId p, kexie::Date on) const {
    return kexie::actor_as_of(reg, p, on).value();
  }
  [[nodiscard]] kexie::Actor actor(kexie::PersonId p) const { return actor(p, "2025-06-01"_date); }
};

kexie::Rubric rubric() {
  std::vector<kexie::IndicatorSpec> one = {{"A.1",
                                            "创新性",
                                            "",
                                            kexie::IndicatorKind::judged,
                                            Decimal(1),
                                            {Decimal(0), Decimal(100), Decimal(1)},
                                            {},
                                            {}}};
  return kexie::Rubric::build("合理化建议", one).value();
}

kexie::CampaignSpec campaign_spec() {
  kexie::CampaignSpec spec{.name = "2025 浙江省讲比活动", .as_of = "2025-11-30"_date, .year = 2025};
  spec.panel.min_judges = 2;
  spec.awards.tiers = {{.name = "一等奖", .by_count = true, .count = 1},
                       {.name = "二等奖", .by_count = true, .count = 1}};
  spec.awards.units.min_awarded_entries = 1;
  spec.entry_deadline = "2025-09-30"_date;
  return spec;
}

kexie::EntrySpec entry(const char* code, kexie::OrgId unit, kexie::PersonId who) {
  kexie::EntrySpec e{.code = code, .title = code, .unit = unit};
  e.team = {{who, Decimal(1)}};
  e.in_use_since = "2024-01-01"_date;
  return e;
}

// A book with the province's 讲比 activity taken to 立项.
struct Tour {
  World w;
  kexie::ActivityBook book{w.reg};
  kexie::ActivityId id;

  Tour() {
    const kexie::ActivityPlan plan{.type = kexie::ActivityType::jiangbi_campaign,
                                   .title = "2025 浙江省讲比活动",
                                   .organizer = w.zj,
                                   .owner = w.zj,
                                   .responsible = w.wu,
                                   .team = {},
                                   .planned = {"2025-03-01"_date, "2025-12-31"_date}};
    id = book.create(w.actor(w.wu), at("2025-03-01T09:00:00+08:00"), plan, "annual plan").value();
    book.submit(id, w.actor(w.wu), at("2025-03-02T09:00:00+08:00"), "ready").value();
    book.approve(id, w.actor(w.chair), at("2025-03-05T09:00:00+08:00"), "立项").value();
  }
  void start() { book.start(id, w.actor(w.wu), at("2025-03-10T09:00:00+08:00"), "实施").value(); }
  void evaluate() {
    book.complete(id, w.actor(w.wu), at("2025-10-01T09:00:00+08:00"), "entries closed").value();
    book.open_evaluation(id, w.actor(w.chair), at("2025-11-01T09:00:00+08:00"), "评估").value();
  }
};

}  // namespace

TEST(Jiangbi, OpenNeedsAnApprovedJiangbiActivityAndTakesItsOrganizer) {
  Tour t;
  kexie::CampaignSpec spec = campaign_spec();
  spec.organizer = t.w.nb;
  auto other = kexie::Campaign::open(t.w.reg, t.book, t.id, spec);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().rule(), "campaign.open");
  EXPECT_EQ(other.error().article(), "A12");
  auto missing = kexie::Campaign::open(t.w.reg, t.book, kexie::ActivityId{99}, campaign_spec());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code(), kexie::ErrorCode::not_found);

  kexie::Campaign c = kexie::Campaign::open(t.w.reg, t.book, t.id, campaign_spec()).value();
  EXPECT_TRUE(c.bound());
  EXPECT_EQ(c.activity(), t.id);
  EXPECT_EQ(c.spec().organizer, t.w.zj);
  EXPECT_EQ(c.phase(), kexie::CampaignPhase::approved);
  kexie::Campaign unbound(t.w.reg, campaign_spec());
  EXPECT_FALSE(unbound.bound());
  EXPECT_EQ(unbound.phase(), kexie::CampaignPhase::unbound);
}

TEST(Jiangbi, EveryPhaseRuleRefusesAndChangesNothing) {
  Tour t;
  kexie::Campaign c = kexie::Campaign::open(t.w.reg, t.book, t.id, campaign_spec()).value();
  ASSERT_TRUE(c.set_rubric(kexie::Category::rationalization_proposals, rubric()).ok());
  // Entries before 实施.
  auto early = c.add_entry(entry("ZJ-1", t.w.ent_hz, t.w.hz_worker), "2025-03-06"_date);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().rule(), "campaign.entry_phase");
  EXPECT_EQ(early.error().article(), "A12");
  t.start();
  EXPECT_EQ(c.phase(), kexie::CampaignPhase::entries);
  // After the deadline, or with no submission day.
  auto late = c.add_entry(entry("ZJ-1", t.w.ent_hz, t.w.hz_worker), "2025-10-01"_date);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().rule(), "campaign.entry_deadline");
  auto undated = c.add_entry(entry("ZJ-1", t.w.ent_hz, t.w.hz_worker));
  ASSERT_FALSE(undated.ok());
  EXPECT_EQ(undated.error().rule(), "campaign.entry_deadline");
  EXPECT_EQ(c.entry_count(), 0u);
  const kexie::EntryId e =
      c.add_entry(entry("ZJ-1", t.w.ent_hz, t.w.hz_worker), "2025-09-30"_date).value();
  // Judges and marks during 实施.
  auto judge_early = c.add_judge(t.w.expert1);
  ASSERT_FALSE(judge_early.ok());
  EXPECT_EQ(judge_early.error().rule(), "campaign.panel_phase");
  EXPECT_EQ(c.judge_count(), 0u);
  // Commend before conclude; conclude outside 评估.
  auto commend_early = c.commend(t.w.reg, t.book, t.w.actor(t.w.chair), at("2025-09-01T09:00:00Z"));
  ASSERT_FALSE(commend_early.ok());
  EXPECT_EQ(commend_early.error().rule(), "campaign.not_concluded");
  auto conclude_early =
      c.conclude(t.book, t.w.actor(t.w.secretary), at("2025-09-01T09:00:00Z"), Decimal(95));
  ASSERT_FALSE(conclude_early.ok());
  EXPECT_EQ(conclude_early.error().rule(), "campaign.conclude_phase");
  t.evaluate();
  // An entry during 评估.
  auto entry_late = c.add_entry(entry("ZJ-2", t.w.ent_nb, t.w.nb_worker), "2025-09-01"_date);
  ASSERT_FALSE(entry_late.ok());
  EXPECT_EQ(entry_late.error().rule(), "campaign.entry_phase");
  const kexie::JudgeId j1 = c.add_judge(t.w.expert1).value();
  const kexie::JudgeId j2 = c.add_judge(t.w.expert3).value();
  ASSERT_TRUE(c.assign(j1, e).ok());
  ASSERT_TRUE(c.assign(j2, e).ok());
  ASSERT_TRUE(c.mark(j1, e, "A.1", Decimal(90)).ok());
  ASSERT_TRUE(c.mark(j2, e, "A.1", Decimal(80)).ok());
  const std::string before = kexie::digest(*t.book.find(t.id));
  const std::string digest = c.conclude(t.book, t.w.actor(t.w.secretary, "2025-11-30"_date),
                                        at("2025-11-30T09:00:00+08:00"), Decimal(95))
                                 .value();
  EXPECT_NE(kexie::digest(*t.book.find(t.id)), before);
  EXPECT_EQ(digest, c.score().value().digest());
  EXPECT_EQ(c.phase(), kexie::CampaignPhase::concluded);
  // Every mutation after conclude.
  const std::string board = c.score().value().digest();
  for (const kexie::Status& st : std::vector<kexie::Status>{
           c.set_rubric(kexie::Category::rationalization_proposals, rubric()),
           c.mark(j1, e, "A.1", Decimal(70)), c.veto(j1, e, "V", "late"), c.assign(j1, e),
           kexie::Status(c.add_judge(t.w.expert2).error()),
           kexie::Status(
               c.add_entry(entry("ZJ-3", t.w.ent_nb, t.w.nb_worker), "2025-09-01"_date).error())}) {
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().rule(), "campaign.frozen");
    EXPECT_EQ(st.error().article(), "A12");
  }
  auto again =
      c.conclude(t.book, t.w.actor(t.w.secretary), at("2025-12-01T09:00:00Z"), Decimal(95));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().rule(), "campaign.frozen");
  EXPECT_EQ(c.score().value().digest(), board);
  // An unbound campaign is never commended (nor concluded).
  kexie::Campaign unbound(t.w.reg, campaign_spec());
  auto never = unbound.commend(t.w.reg, t.book, t.w.actor(t.w.chair), at("2025-12-20T09:00:00Z"));
  ASSERT_FALSE(never.ok());
  EXPECT_EQ(never.error().rule(), "campaign.unbound");
  auto no_conclude =
      unbound.conclude(t.book, t.w.actor(t.w.secretary), at("2025-12-20T09:00:00Z"), Decimal(95));
  ASSERT_FALSE(no_conclude.ok());
  EXPECT_EQ(no_conclude.error().rule(), "campaign.unbound");
  // Commend, then once more.
  const std::string registry_before = t.w.reg.digest();
  const std::string awards = c.commend(t.w.reg, t.book, t.w.actor(t.w.chair, "2025-12-20"_date),
                                       at("2025-12-20T09:00:00+08:00"))
                                 .value();
  EXPECT_NE(t.w.reg.digest(), registry_before);
  EXPECT_EQ(c.phase(), kexie::CampaignPhase::commended);
  EXPECT_EQ(c.award_digest(), awards);
  auto twice = c.commend(t.w.reg, t.book, t.w.actor(t.w.chair, "2025-12-21"_date),
                         at("2025-12-21T09:00:00+08:00"));
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().rule(), "campaign.commended");
}

TEST(Jiangbi, ScopeAndCitations) {
  Tour t;
  t.start();
  kexie::Campaign c = kexie::Campaign::open(t.w.reg, t.book, t.id, campaign_spec()).value();
  ASSERT_TRUE(c.set_rubric(kexie::Category::rationalization_proposals, rubric()).ok());
  auto outside = c.add_entry(entry("JS-1", t.w.ent_js, t.w.js_worker), "2025-05-01"_date);
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.error().rule(), "entry.scope");
  EXPECT_EQ(outside.error().article(), "A12");
  // The same entry is accepted when the scope rule is off (what-if scoring).
  kexie::CampaignSpec open_spec = campaign_spec();
  open_spec.organizer = t.w.zj;
  open_spec.enforce_scope = false;
  kexie::Campaign what_if(t.w.reg, open_spec);
  ASSERT_TRUE(what_if.set_rubric(kexie::Category::rationalization_proposals, rubric()).ok());
  EXPECT_TRUE(what_if.add_entry(entry("JS-1", t.w.ent_js, t.w.js_worker)).ok());

  kexie::EntrySpec cited = entry("HZ-1", t.w.ent_hz, t.w.hz_worker);
  cited.cites_link = t.w.hz_link;
  const kexie::EntryId e = c.add_entry(cited, "2025-05-01"_date).value();
  EXPECT_EQ(c.entry(e).value().spec.cites_link, t.w.hz_link);
  kexie::EntrySpec wrong = entry("NB-1", t.w.ent_nb, t.w.nb_worker);
  wrong.cites_link = t.w.hz_link;  // not ningbo's link
  auto refused = c.add_entry(wrong, "2025-05-01"_date);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().rule(), "entry.citation");
  EXPECT_EQ(refused.error().article(), "A11");
  wrong.cites_link.reset();
  wrong.cites_activity = t.id;  // a 讲比, not a 金桥工程
  auto not_bridge = c.add_entry(wrong, "2025-05-01"_date);
  ASSERT_FALSE(not_bridge.ok());
  EXPECT_EQ(not_bridge.error().rule(), "entry.citation");
  EXPECT_EQ(c.entry_count(), 1u);
}

TEST(Jiangbi, JudgesAreExpertsAndFieldsMayHaveToMatch) {
  Tour t;
  t.start();
  kexie::CampaignSpec spec = campaign_spec();
  spec.panel.expert_field_match = true;
  kexie::Campaign c = kexie::Campaign::open(t.w.reg, t.book, t.id, spec).value();
  ASSERT_TRUE(c.set_rubric(kexie::Category::rationalization_proposals, rubric()).ok());
  const kexie::EntryId e =
      c.add_entry(entry("HZ-1", t.w.ent_hz, t.w.hz_worker), "2025-05-01"_date).value();
  t.evaluate();
  auto not_expert = c.add_judge(t.w.outsider);
  ASSERT_FALSE(not_expert.ok());
  EXPECT_EQ(not_expert.error().rule(), "panel.expert");
  EXPECT_EQ(not_expert.error().article(), "A8");
  const kexie::JudgeId j1 = c.add_judge(t.w.expert1).value();  // the organizer's pool
  const kexie::JudgeId j3 = c.add_judge(t.w.expert3).value();  // CAST's pool, above it
  const kexie::JudgeId j2 = c.add_judge(t.w.expert2).value();  // an expert of another field
  const kexie::JudgeId jhz = c.add_judge(t.w.expert_hz).value();
  EXPECT_TRUE(c.assign(j1, e).ok());
  EXPECT_TRUE(c.assign(j3, e).ok());
  auto field = c.assign(j2, e);
  ASSERT_FALSE(field.ok());
  EXPECT_EQ(field.error().rule(), "panel.expert_field");
  auto conflict = c.assign(jhz, e);
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(conflict.error().rule(), "panel.conflict");
  // ExpertRule::off lets anyone judge; unbound campaigns are checked only with `always`.
  kexie::CampaignSpec off = campaign_spec();
  off.organizer = t.w.zj;
  kexie::Campaign unbound(t.w.reg, off);
  EXPECT_TRUE(unbound.add_judge(t.w.outsider).ok());
  off.panel.experts = kexie::ExpertRule::always;
  kexie::Campaign strict(t.w.reg, off);
  auto refused = strict.add_judge(t.w.outsider);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().rule(), "panel.expert");
}

TEST(Jiangbi, ExpertRuleAlwaysBoundCampaignsAndOff) {
  // PanelRules::experts: bound_campaigns (the default) checks bound campaigns
  // only, always checks unbound ones too, off checks none; the field match is a
  // separate rule, off by default.
  const auto seat = [](kexie::ExpertRule rule, bool bound, bool field_match) {
    Tour t;
    t.start();
    kexie::CampaignSpec spec = campaign_spec();
    spec.panel.experts = rule;
    spec.panel.expert_field_match = field_match;
    spec.organizer = t.w.zj;
    kexie::Campaign c = bound ? kexie::Campaign::open(t.w.reg, t.book, t.id, spec).value()
                              : kexie::Campaign(t.w.reg, spec);
    c.set_rubric(kexie::Category::rationalization_proposals, rubric()).value();
    const kexie::EntryId e =
        c.add_entry(entry("HZ-1", t.w.ent_hz, t.w.hz_worker), "2025-05-01"_date).value();
    if (bound) t.evaluate();
    std::vector<std::string> rules;  // "" for accepted, else the rule refused
    for (kexie::PersonId p : {t.w.outsider, t.w.expert1, t.w.expert2}) {
      auto j = c.add_judge(p);
      if (!j.ok()) {
        rules.push_back(j.error().rule());
        continue;
      }
      const kexie::Status a = c.assign(*j, e);
      rules.push_back(a.ok() ? "" : a.error().rule());
    }
    return rules;
  };
  using R = kexie::ExpertRule;
  EXPECT_EQ(kexie::PanelRules{}.experts, R::bound_campaigns);
  EXPECT_FALSE(kexie::PanelRules{}.expert_field_match);
  using V = std::vector<std::string>;
  // The non-expert is refused where the rule applies; experts are seated.
  EXPECT_EQ(seat(R::bound_campaigns, true, false), (V{"panel.expert", "", ""}));
  EXPECT_EQ(seat(R::bound_campaigns, false, false), (V{"", "", ""}));
  EXPECT_EQ(seat(R::always, true, false), (V{"panel.expert", "", ""}));
  EXPECT_EQ(seat(R::always, false, false), (V{"panel.expert", "", ""}));
  EXPECT_EQ(seat(R::off, true, false), (V{"", "", ""}));
  EXPECT_EQ(seat(R::off, false, false), (V{"", "", ""}));
  // With the field match, the expert of another field ("energy saving") is refused
  // for a rationalization proposal, the matching one accepted.
  EXPECT_EQ(seat(R::bound_campaigns, true, true), (V{"panel.expert", "", "panel.expert_field"}));
  EXPECT_EQ(seat(R::always, false, true), (V{"panel.expert", "", "panel.expert_field"}));
}

TEST(Jiangbi, PanelOperationsDuringEntriesAreRefusedByThePhaseRule) {
  // Marks, vetoes and assignments during 实施 name campaign.panel_phase (A12), like
  // seating a judge, before any other check.
  Tour t;
  t.start();
  kexie::Campaign c = kexie::Campaign::open(t.w.reg, t.book, t.id, campaign_spec()).value();
  c.set_rubric(kexie::Category::rationalization_proposals, rubric()).value();
  const kexie::EntryId e =
      c.add_entry(entry("HZ-1", t.w.ent_hz, t.w.hz_worker), "2025-05-01"_date).value();
  ASSERT_EQ(c.phase(), kexie::CampaignPhase::entries);
  const kexie::JudgeId j{1};
  for (const kexie::Status& st :
       {c.mark(j, e, "A.1", Decimal(90)), c.veto(j, e, "V", "x"), c.assign(j, e)}) {
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().rule(), "campaign.panel_phase") << st.error();
    EXPECT_EQ(st.error().article(), "A12");
  }
  EXPECT_EQ(c.judge_count(), 0u);
}

TEST(Jiangbi, FromPlanToHonours) {
  Tour t;
  t.start();
  kexie::Campaign c = kexie::Campaign::open(t.w.reg, t.book, t.id, campaign_spec()).value();
  ASSERT_TRUE(c.set_rubric(kexie::Category::rationalization_proposals, rubric()).ok());
  const kexie::EntryId hz =
      c.add_entry(entry("HZ-1", t.w.ent_hz, t.w.hz_worker), "2025-05-01"_date).value();
  const kexie::EntryId nb =
      c.add_entry(entry("NB-1", t.w.ent_nb, t.w.nb_worker), "2025-06-01"_date).value();
  EXPECT_EQ(c.add_entry(entry("JS-1", t.w.ent_js, t.w.js_worker), "2025-06-01"_date).error().rule(),
            "entry.scope");
  t.evaluate();
  const kexie::JudgeId j1 = c.add_judge(t.w.expert1).value();
  const kexie::JudgeId j2 = c.add_judge(t.w.expert3).value();
  const kexie::JudgeId jhz = c.add_judge(t.w.expert_hz).value();
  EXPECT_EQ(c.add_judge(t.w.outsider).error().rule(), "panel.expert");
  EXPECT_EQ(c.assign(jhz, hz).error().rule(), "panel.conflict");
  for (kexie::JudgeId j : {j1, j2}) {
    ASSERT_TRUE(c.assign(j, hz).ok());
    ASSERT_TRUE(c.assign(j, nb).ok());
  }
  ASSERT_TRUE(c.assign(jhz, nb).ok());
  ASSERT_TRUE(c.mark(j1, hz, "A.1", Decimal(92)).ok());
  ASSERT_TRUE(c.mark(j2, hz, "A.1", Decimal(90)).ok());
  ASSERT_TRUE(c.mark(j1, nb, "A.1", Decimal(80)).ok());
  ASSERT_TRUE(c.mark(j2, nb, "A.1", Decimal(82)).ok());
  ASSERT_TRUE(c.mark(jhz, nb, "A.1", Decimal(81)).ok());
  const std::string board = c.conclude(t.book, t.w.actor(t.w.secretary, "2025-11-30"_date),
                                       at("2025-11-30T09:00:00+08:00"), Decimal(95))
                                .value();
  const std::string awards = c.commend(t.w.reg, t.book, t.w.actor(t.w.chair, "2025-12-20"_date),
                                       at("2025-12-20T09:00:00+08:00"))
                                 .value();
  EXPECT_EQ(t.book.find(t.id)->state, kexie::ActivityState::commended);
  // Honours: the first prize went to 杭钢科协, the second to 宁钢科协.
  const auto hz_honours = t.w.reg.honours_of(t.w.ent_hz);
  ASSERT_FALSE(hz_honours.empty());
  bool first = false;
  for (const kexie::Honour& h : hz_honours) {
    EXPECT_EQ(h.grantor, t.w.zj);
    EXPECT_EQ(h.activity, t.id);
    first = first || (h.kind == kexie::HonourKind::awarded_entry && h.title == "一等奖");
  }
  EXPECT_TRUE(first);
  EXPECT_FALSE(t.w.reg.honours_of(t.w.ent_nb).empty());
  EXPECT_FALSE(t.w.reg.honours_of(t.w.hz_worker).empty());  // 先进个人
  EXPECT_FALSE(t.w.reg.honours_granted(t.w.zj, {"2025-01-01"_date, "2025-12-31"_date}).empty());
  // The audit trail verifies and carries both digests.
  EXPECT_TRUE(t.book.verify_audit().ok());
  bool saw_board = false, saw_awards = false;
  for (const kexie::AuditRecord& r : t.book.audit_trail()) {
    if (!r.accepted()) continue;
    saw_board = saw_board || (r.operation == kexie::ActivityOperation::conclude &&
                              r.reason.find(board) != std::string::npos);
    saw_awards = saw_awards || (r.operation == kexie::ActivityOperation::commend &&
                                r.reason.find(awards) != std::string::npos);
  }
  EXPECT_TRUE(saw_board);
  EXPECT_TRUE(saw_awards);
}

TEST(Jiangbi, CommendByAnUnbackedActorIsRefusedAndChangesNothing) {
  Tour t;
  t.start();
  kexie::Campaign c = kexie::Campaign::open(t.w.reg, t.book, t.id, campaign_spec()).value();
  ASSERT_TRUE(c.set_rubric(kexie::Category::rationalization_proposals, rubric()).ok());
  const kexie::EntryId e =
      c.add_entry(entry("HZ-1", t.w.ent_hz, t.w.hz_worker), "2025-05-01"_date).value();
  t.evaluate();
  for (kexie::PersonId p : {t.w.expert1, t.w.expert3}) {
    const kexie::JudgeId j = c.add_judge(p).value();
    ASSERT_TRUE(c.assign(j, e).ok());
    ASSERT_TRUE(c.mark(j, e, "A.1", Decimal(90)).ok());
  }
  ASSERT_TRUE(c.conclude(t.book, t.w.actor(t.w.secretary, "2025-11-30"_date),
                         at("2025-11-30T09:00:00+08:00"), Decimal(95))
                  .ok());
  const kexie::Actor asserted{t.w.outsider, {{kexie::Role::chair, t.w.zj}}};
  const std::string reg_before = t.w.reg.digest();
  const std::string act_before = kexie::digest(*t.book.find(t.id));
  auto refused = c.commend(t.w.reg, t.book, asserted, at("2025-12-20T09:00:00+08:00"));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code(), kexie::ErrorCode::permission_denied);
  EXPECT_EQ(t.w.reg.digest(), reg_before);
  EXPECT_EQ(kexie::digest(*t.book.find(t.id)), act_before);
  EXPECT_EQ(c.phase(), kexie::CampaignPhase::concluded);
}

// Random operations across registry, book and campaign: a refused one leaves all
// three digests unchanged; an accepted one changes the one it touched.
TEST(Jiangbi, SeededRandomOperationsAcrossRegistryBookAndCampaign) {
  for (std::uint32_t seed : {1u, 7u, 20251130u}) {
    Tour t;
    kexie::Campaign c = kexie::Campaign::open(t.w.reg, t.book, t.id, campaign_spec()).value();
    ASSERT_TRUE(c.set_rubric(kexie::Category::rationalization_proposals, rubric()).ok());
    std::mt19937 rng(seed);
    std::vector<kexie::EntryId> entries;
    std::vector<kexie::JudgeId> judges;
    int codes = 0;
    int hour = 0;
    auto stamp = [&] {
      ++hour;
      return kexie::Timestamp::parse("2025-03-10T00:00:00Z")
          .value()
          .add_micros(3600000000LL * hour);
    };
    auto campaign_digest = [&] {
      auto b = c.score();
      std::string out = (b ? b->digest() : std::string("-")) + std::to_string(c.entry_count()) +
                        '/' + std::to_string(c.judge_count()) + '/' +
                        std::string(kexie::to_string(c.phase()));
      auto m = c.panel_marks("A.1", judges, entries);
      if (m) {
        for (std::size_t r = 0; r < entries.size(); ++r)
          for (std::size_t k = 0; k < judges.size(); ++k) {
            out += c.judges_of(entries[r]).size() > k ? "a" : "-";
            if (auto v = m->at(r, k)) out += std::to_string(*v);
          }
      }
      return out;
    };
    for (int step = 0; step < 120; ++step) {
      const std::string reg0 = t.w.reg.digest();
      const std::string book0 = kexie::digest(*t.book.find(t.id));
      const std::string camp0 = campaign_digest();
      const int op = static_cast<int>(rng() % 8);
      bool ok = false;
      int touched = 0;  // 0 registry, 1 book, 2 campaign
      const kexie::PersonId people[] = {t.w.expert1, t.w.expert3, t.w.outsider, t.w.expert_hz};
      switch (op) {
        case 0: {  // an entry from one of three enterprises
          const kexie::OrgId units[] = {t.w.ent_hz, t.w.ent_nb, t.w.ent_js};
          const kexie::PersonId who[] = {t.w.hz_worker, t.w.nb_worker, t.w.js_worker};
          const auto k = rng() % 3;
          const std::string code = "E-" + std::to_string(++codes);
          auto r = c.add_entry(entry(code.c_str(), units[k], who[k]), "2025-06-01"_date);
          ok = r.ok();
          if (ok) entries.push_back(*r);
          touched = 2;
          break;
        }
        case 1: {
          auto r = c.add_judge(people[rng() % 4]);
          ok = r.ok();
          if (ok) judges.push_back(*r);
          touched = 2;
          break;
        }
        case 2:
          if (!judges.empty() && !entries.empty()) {
            ok = c.assign(judges[rng() % judges.size()], entries[rng() % entries.size()]).ok();
          }
          touched = 2;
          break;
        case 3:
          if (!judges.empty() && !entries.empty()) {
            ok = c.mark(judges[rng() % judges.size()], entries[rng() % entries.size()], "A.1",
                        Decimal(static_cast<std::int64_t>(60 + rng() % 40)))
                     .ok();
          }
          touched = 2;
          break;
        case 4: {  // move the activity on
          const kexie::ActivityState s = t.book.find(t.id)->state;
          if (s == kexie::ActivityState::approved) {
            ok = t.book.start(t.id, t.w.actor(t.w.wu), stamp(), "实施").ok();
          } else if (s == kexie::ActivityState::in_progress) {
            ok = t.book.complete(t.id, t.w.actor(t.w.wu), stamp(), "done").ok();
          } else if (s == kexie::ActivityState::completed) {
            ok = t.book.open_evaluation(t.id, t.w.actor(t.w.chair), stamp(), "评估").ok();
          }
          touched = 1;
          break;
        }
        case 5:
          ok = c.conclude(t.book, t.w.actor(t.w.secretary), stamp(), Decimal(95)).ok();
          touched = 1;  // the book's activity changes (and the campaign's phase)
          break;
        case 6:
          ok = c.commend(t.w.reg, t.book, t.w.actor(t.w.chair), stamp()).ok();
          touched = 3;  // the book, and the registry when there are awards
          break;
        case 7:  // a registry fact: an expert listing for the outsider (once)
          ok = t.w.reg
                   .add_expert(t.w.outsider, t.w.nb, {"x"}, kexie::Period::from("2020-01-01"_date))
                   .ok();
          touched = 0;
          break;
      }
      const std::string reg1 = t.w.reg.digest();
      const std::string book1 = kexie::digest(*t.book.find(t.id));
      const std::string camp1 = campaign_digest();
      if (!ok) {
        EXPECT_EQ(reg1, reg0) << "seed " << seed << " step " << step << " op " << op;
        EXPECT_EQ(book1, book0) << "seed " << seed << " step " << step << " op " << op;
        EXPECT_EQ(camp1, camp0) << "seed " << seed << " step " << step << " op " << op;
      } else if (touched == 3) {
        EXPECT_NE(book1, book0) << "seed " << seed << " step " << step;
      } else if (touched == 0) {
        EXPECT_NE(reg1, reg0) << "seed " << seed << " step " << step << " op " << op;
      } else if (touched == 1) {
        EXPECT_NE(book1, book0) << "seed " << seed << " step " << step << " op " << op;
        EXPECT_EQ(reg1, reg0);
      } else {
        EXPECT_NE(camp1, camp0) << "seed " << seed << " step " << step << " op " << op;
        EXPECT_EQ(reg1, reg0);
        EXPECT_EQ(book1, book0);
      }
    }
  }
}

TEST(Jiangbi, ResultsAndExplanationsShowCitationsAndTheCo2Basis) {
  World w;
  kexie::CampaignSpec spec = campaign_spec();
  spec.organizer = w.zj;
  spec.entry_deadline.reset();
  spec.panel.min_judges = 1;
  // Raw coal with the caller's parameters: fuel CO2 applies to fuel carriers.
  spec.fuel_carbon.push_back(
      {kexie::Carrier::raw_coal, {"20.908"_dec, kexie::Unit::t, "0.02618"_dec, "0.94"_dec, "lab"}});
  kexie::Campaign c(w.reg, spec);
  ASSERT_TRUE(c.set_rubric(kexie::Category::rationalization_proposals, rubric()).ok());
  kexie::EntrySpec both = entry("HZ-1", w.ent_hz, w.hz_worker);
  both.cites_link = w.hz_link;
  both.claims.co2_avoided_t = Decimal(500);
  both.claims.energy.push_back({kexie::Carrier::raw_coal, {Decimal(100), kexie::Unit::t}});
  const kexie::EntryId e = c.add_entry(both).value();
  const kexie::JudgeId j = c.add_judge(w.outsider).value();  // unbound: no expert rule
  ASSERT_TRUE(c.assign(j, e).ok());
  ASSERT_TRUE(c.mark(j, e, "A.1", Decimal(80)).ok());
  const kexie::Scoreboard board = c.score().value();
  EXPECT_EQ(board.find(e)->cites_link, w.hz_link);
  const kexie::Explanation x = kexie::explain(c, board, e).value();
  ASSERT_EQ(x.citations.size(), 1u);
  // 100 t × 20.908 × 0.02618 × 0.94 × 44/12 = 188.660690 t, used; the claim is not added.
  EXPECT_NE(x.co2.find("computed 188.66"), std::string::npos) << x.co2;
  EXPECT_NE(x.co2.find("claimed 500 t CO2 not added"), std::string::npos) << x.co2;
  EXPECT_NE(kexie::to_text(x, kexie::Language::english).find("cooperation cited"),
            std::string::npos);
  bool fuel_cited = false;
  for (const std::string& conv : x.conversions)
    fuel_cited |= conv.find("44/12") != std::string::npos;
  EXPECT_TRUE(fuel_cited);
  // A rubric declaring the claimed basis uses the claim only.
  kexie::Campaign claimed(w.reg, spec);
  ASSERT_TRUE(claimed
                  .set_rubric(kexie::Category::rationalization_proposals,
                              rubric().with_co2_basis(kexie::Co2Basis::claimed))
                  .ok());
  const kexie::EntryId e2 = claimed.add_entry(both).value();
  const kexie::JudgeId j2 = claimed.add_judge(w.outsider).value();
  ASSERT_TRUE(claimed.assign(j2, e2).ok());
  ASSERT_TRUE(claimed.mark(j2, e2, "A.1", Decimal(80)).ok());
  const kexie::Scoreboard b2 = claimed.score().value();
  const kexie::Explanation x2 = kexie::explain(claimed, b2, e2).value();
  EXPECT_NE(x2.co2.find("claimed 500 t CO2 used (rubric: claimed)"), std::string::npos) << x2.co2;
}

TEST(Jiangbi, ClaimedCo2IsNeverAddedToTheCo2ComputedFromTheSameEnergy) {
  // Item 7: an objective indicator on CO2 avoided scores the computed CO2 (fuel
  // carriers by CampaignSpec::fuel_carbon) or, when the rubric declares the
  // claimed basis, the claim: the entry claiming both scores exactly as the entry
  // with the energy alone, or with the claim alone, never as their sum.
  World w;
  kexie::CampaignSpec spec = campaign_spec();
  spec.organizer = w.zj;
  spec.entry_deadline.reset();
  spec.panel.min_judges = 1;
  spec.fuel_carbon.push_back(
      {kexie::Carrier::raw_coal, {"20.908"_dec, kexie::Unit::t, "0.02618"_dec, "0.94"_dec, "lab"}});
  const auto co2_rubric = [](kexie::Co2Basis basis) {
    std::vector<kexie::IndicatorSpec> specs = {
        {"A.1",
         "创新性",
         "",
         kexie::IndicatorKind::judged,
         "0.5"_dec,
         {Decimal(0), Decimal(100), Decimal(1)},
         {},
         {}},
        {"C",
         "减排",
         "",
         kexie::IndicatorKind::objective,
         "0.5"_dec,
         {},
         kexie::ObjectiveMap{
             kexie::ClaimedFigure::co2_avoided_t, {}, Decimal(0), Decimal(1), Decimal(1000)},
         {}}};
    return kexie::Rubric::build("减排", specs).value().with_co2_basis(basis);
  };
  const auto objective = [&](kexie::Co2Basis basis, bool energy, bool claim) {
    kexie::Campaign c(w.reg, spec);
    c.set_rubric(kexie::Category::rationalization_proposals, co2_rubric(basis)).value();
    kexie::EntrySpec e = entry("HZ-1", w.ent_hz, w.hz_worker);
    if (claim) e.claims.co2_avoided_t = Decimal(500);
    if (energy)
      e.claims.energy.push_back({kexie::Carrier::raw_coal, {Decimal(100), kexie::Unit::t}});
    const kexie::EntryId id = c.add_entry(e).value();
    const kexie::JudgeId j = c.add_judge(w.outsider).value();
    c.assign(j, id).value();
    c.mark(j, id, "A.1", Decimal(80)).value();
    const kexie::Scoreboard board = c.score().value();
    return std::pair{board.find(id)->objective_part, kexie::explain(c, board, id).value().co2};
  };
  using B = kexie::Co2Basis;
  const auto [energy_only, x_energy] = objective(B::computed, true, false);
  const auto [claim_only, x_claim] = objective(B::claimed, false, true);
  const auto [both_computed, x_computed] = objective(B::computed, true, true);
  const auto [both_claimed, x_claimed] = objective(B::claimed, true, true);
  EXPECT_GT(energy_only.signum(), 0);
  EXPECT_NE(energy_only, claim_only);
  EXPECT_EQ(both_computed, energy_only) << x_computed;  // the claim is not added
  EXPECT_EQ(both_claimed, claim_only) << x_claimed;     // the computed CO2 is not added
  // With no energy saving, the computed basis falls back on the claim.
  EXPECT_EQ(objective(B::computed, false, true).first, claim_only);
  // The explanation says which figure was used.
  EXPECT_NE(x_computed.find("claimed 500 t CO2 not added"), std::string::npos) << x_computed;
  EXPECT_NE(x_claimed.find("claimed 500 t CO2 used (rubric: claimed)"), std::string::npos)
      << x_claimed;
}

TEST(Jiangbi, SnapshotKeepsTheBindingThePhaseAndTheNewRules) {
  Tour t;
  t.start();
  kexie::CampaignSpec spec = campaign_spec();
  spec.panel.expert_field_match = true;
  spec.fuel_carbon.push_back(
      {kexie::Carrier::raw_coal, {"20.908"_dec, kexie::Unit::t, "0.02618"_dec, "0.94"_dec, "lab"}});
  kexie::Campaign c = kexie::Campaign::open(t.w.reg, t.book, t.id, spec).value();
  ASSERT_TRUE(c.set_rubric(kexie::Category::rationalization_proposals,
                           rubric().with_co2_basis(kexie::Co2Basis::claimed))
                  .ok());
  kexie::EntrySpec cited = entry("HZ-1", t.w.ent_hz, t.w.hz_worker);
  cited.cites_link = t.w.hz_link;
  cited.claims.energy.push_back({kexie::Carrier::raw_coal, {Decimal(100), kexie::Unit::t}});
  const kexie::EntryId e = c.add_entry(cited, "2025-05-01"_date).value();
  t.evaluate();
  for (kexie::PersonId p : {t.w.expert1, t.w.expert3}) {
    const kexie::JudgeId j = c.add_judge(p).value();
    ASSERT_TRUE(c.assign(j, e).ok());
    ASSERT_TRUE(c.mark(j, e, "A.1", Decimal(88)).ok());
  }
  const std::string board = c.conclude(t.book, t.w.actor(t.w.secretary, "2025-11-30"_date),
                                       at("2025-11-30T09:00:00+08:00"), Decimal(95))
                                .value();
  const std::vector<std::byte> bytes =
      kexie::save_snapshot(kexie::SnapshotView(t.w.reg).add(t.book).add(c)).value();
  kexie::Snapshot snap = kexie::load_snapshot(std::span<const std::byte>(bytes)).value();
  kexie::Campaign& loaded = snap.campaigns()[0];
  EXPECT_TRUE(loaded.bound());
  EXPECT_EQ(loaded.activity(), t.id);
  EXPECT_EQ(loaded.phase(), kexie::CampaignPhase::concluded);
  EXPECT_EQ(loaded.concluded_digest(), board);
  EXPECT_EQ(loaded.score().value().digest(), board);
  EXPECT_EQ(loaded.spec().entry_deadline, spec.entry_deadline);
  EXPECT_TRUE(loaded.spec().panel.expert_field_match);
  ASSERT_EQ(loaded.spec().fuel_carbon.size(), 1u);
  EXPECT_EQ(loaded.rubric(kexie::Category::rationalization_proposals).value().co2_basis(),
            kexie::Co2Basis::claimed);
  EXPECT_EQ(loaded.entry(e).value().spec.cites_link, t.w.hz_link);
  EXPECT_EQ(loaded.mark(kexie::JudgeId{1}, e, "A.1", Decimal(50)).error().rule(),
            "campaign.frozen");
  // Saved without its book, a campaign loads unbound.
  const std::vector<std::byte> alone =
      kexie::save_snapshot(kexie::SnapshotView(t.w.reg).add(c)).value();
  EXPECT_FALSE(
      kexie::load_snapshot(std::span<const std::byte>(alone)).value().campaigns()[0].bound());
}

// ---- the golden file of a bound campaign (format 2) ------------------------------------------
//
// tests/data/snapshot-v2-bound.kxs holds the province's 讲比 campaign bound to its
// activity, concluded and commended: the registry with its appointments and the
// honours `commend` recorded, the activity book whose audit trail carries both
// digests, and the campaign (a cited 厂会协作 link, fuel CO2 with the claimed CO2
// basis, the field-match rule). Made once by WriteBoundGolden and never rewritten:
//   KEXIE_WRITE_GOLDEN=tests/data/snapshot-v2-bound.kxs
//     build/dev/tests/unit/jiangbi_test --gtest_filter='*WriteBoundGolden*'

namespace {

const std::filesystem::path kData = KEXIE_TEST_DATA_DIR;

// Figures of tests/data/snapshot-v2-bound.kxs, printed by WriteBoundGolden when it was made.
#define KEXIE_V2B_REGISTRY_DIGEST "40073a32f5ace25e39c1710ca2d2e20fc343df7d14be1d1526e5bf6184c1f07b"
#define KEXIE_V2B_CHAIN_HEAD "c581f28306968839efdf9af25ef3ecf5a96ff9333e50d34ce38205bf5dfc37e0"
#define KEXIE_V2B_BOARD_DIGEST "86359d8db364c91c10041fab51f5bc90bcaa1b9e7e1f404f0aa63e6d9a308133"
#define KEXIE_V2B_AWARD_DIGEST "aca31b9370a087cf11f0d43df5124a248090acb9d7410c70f1bdc8aa68030f10"

/// The tour of FromPlanToHonours with the format's optional facts, up to 表彰.
kexie::Campaign commended_campaign(Tour& t) {
  t.start();
  kexie::CampaignSpec spec = campaign_spec();
  spec.panel.expert_field_match = true;
  spec.fuel_carbon.push_back(
      {kexie::Carrier::raw_coal, {"20.908"_dec, kexie::Unit::t, "0.02618"_dec, "0.94"_dec, "lab"}});
  kexie::Campaign c = kexie::Campaign::open(t.w.reg, t.book, t.id, spec).value();
  c.set_rubric(kexie::Category::rationalization_proposals,
               rubric().with_co2_basis(kexie::Co2Basis::claimed))
      .value();
  kexie::EntrySpec cited = entry("HZ-1", t.w.ent_hz, t.w.hz_worker);
  cited.cites_link = t.w.hz_link;
  cited.claims.energy.push_back({kexie::Carrier::raw_coal, {Decimal(100), kexie::Unit::t}});
  const kexie::EntryId hz = c.add_entry(cited, "2025-05-01"_date).value();
  const kexie::EntryId nb =
      c.add_entry(entry("NB-1", t.w.ent_nb, t.w.nb_worker), "2025-06-01"_date).value();
  t.evaluate();
  const kexie::JudgeId j1 = c.add_judge(t.w.expert1).value();
  const kexie::JudgeId j3 = c.add_judge(t.w.expert3).value();
  const kexie::JudgeId jhz = c.add_judge(t.w.expert_hz).value();
  for (kexie::JudgeId j : {j1, j3}) {
    c.assign(j, hz).value();
    c.assign(j, nb).value();
  }
  c.assign(jhz, nb).value();
  c.mark(j1, hz, "A.1", Decimal(92)).value();
  c.mark(j3, hz, "A.1", Decimal(90)).value();
  c.mark(j1, nb, "A.1", Decimal(80)).value();
  c.mark(j3, nb, "A.1", Decimal(82)).value();
  c.mark(jhz, nb, "A.1", Decimal(81)).value();
  (void)c
      .conclude(t.book, t.w.actor(t.w.secretary, "2025-11-30"_date),
                at("2025-11-30T09:00:00+08:00"), Decimal(95))
      .value();
  (void)c
      .commend(t.w.reg, t.book, t.w.actor(t.w.chair, "2025-12-20"_date),
               at("2025-12-20T09:00:00+08:00"))
      .value();
  return c;
}

}  // namespace

TEST(JiangbiGolden, WriteBoundGolden) {
  const char* target = std::getenv("KEXIE_WRITE_GOLDEN");
  if (target == nullptr) GTEST_SKIP() << "set KEXIE_WRITE_GOLDEN=<path> to write the golden file";
  Tour t;
  const kexie::Campaign c = commended_campaign(t);
  ASSERT_TRUE(kexie::save_snapshot(kexie::SnapshotView(t.w.reg).add(t.book).add(c), target).ok());
  const kexie::Snapshot loaded = kexie::load_snapshot(std::filesystem::path(target)).value();
  ASSERT_EQ(loaded.registry().digest(), t.w.reg.digest());
  ASSERT_EQ(loaded.activity_books()[0].chain_head().hash, t.book.chain_head().hash);
  ASSERT_EQ(loaded.campaigns()[0].award_digest(), c.award_digest());
  std::cout << "registry digest " << loaded.registry().digest() << "\nappointments "
            << loaded.registry().appointment_count() << "\nhonours "
            << loaded.registry().honour_count() << "\naudit records "
            << loaded.activity_books()[0].audit_trail().size() << "\nchain head "
            << kexie::to_hex(loaded.activity_books()[0].chain_head().hash) << "\nboard digest "
            << loaded.campaigns()[0].concluded_digest() << "\naward digest "
            << loaded.campaigns()[0].award_digest() << '\n';
}

TEST(JiangbiGolden, BoundVersion2FileLoadsWithItsContent) {
  const std::vector<std::byte> bytes = kexie_test::read_file(kData / "snapshot-v2-bound.kxs");
  ASSERT_FALSE(bytes.empty()) << "tests/data/snapshot-v2-bound.kxs is missing";
  EXPECT_EQ(std::to_integer<int>(bytes[8]), 2);
  auto loaded = kexie::load_snapshot(std::span<const std::byte>(bytes));
  ASSERT_TRUE(loaded.ok()) << loaded.error();
  kexie::Snapshot& snap = *loaded;
  const World w;  // the ids of the golden world
  // The registry: its digest, the two officers, the five honours commend recorded.
  const kexie::Registry& reg = snap.registry();
  EXPECT_EQ(reg.digest(), KEXIE_V2B_REGISTRY_DIGEST);
  EXPECT_EQ(reg.appointment_count(), 2u);
  ASSERT_EQ(reg.honour_count(), 5u);
  int entries = 0, units = 0, people = 0;
  for (const kexie::Honour& h : reg.honours_granted(w.zj, {"2025-01-01"_date, "2025-12-31"_date})) {
    EXPECT_EQ(h.grantor, w.zj);
    EXPECT_EQ(h.activity, kexie::ActivityId{1});
    EXPECT_EQ(h.date, "2025-12-20"_date);
    entries += h.kind == kexie::HonourKind::awarded_entry;
    units += h.kind == kexie::HonourKind::advanced_unit;
    people += h.kind == kexie::HonourKind::advanced_individual;
  }
  EXPECT_EQ(entries + units + people, 5);
  EXPECT_EQ(entries, 2);
  EXPECT_GE(units, 1);
  EXPECT_GE(people, 1);
  bool first_prize = false;
  for (const kexie::Honour& h : reg.honours_of(w.ent_hz))
    first_prize =
        first_prize || (h.kind == kexie::HonourKind::awarded_entry && h.title == "一等奖");
  EXPECT_TRUE(first_prize);
  EXPECT_FALSE(reg.honours_of(w.hz_worker).empty());

  // The activity book: commended, its trail verifies and carries both digests.
  ASSERT_EQ(snap.activity_books().size(), 1u);
  const kexie::ActivityBook& book = snap.activity_books()[0];
  EXPECT_EQ(book.find(kexie::ActivityId{1})->state, kexie::ActivityState::commended);
  EXPECT_TRUE(book.verify_audit().ok());
  EXPECT_EQ(kexie::to_hex(book.chain_head().hash), KEXIE_V2B_CHAIN_HEAD);
  EXPECT_EQ(book.audit_trail().size(), 8u);
  bool saw_board = false, saw_awards = false;
  for (const kexie::AuditRecord& r : book.audit_trail()) {
    if (!r.accepted()) continue;
    saw_board = saw_board || (r.operation == kexie::ActivityOperation::conclude &&
                              r.reason.find(KEXIE_V2B_BOARD_DIGEST) != std::string::npos);
    saw_awards = saw_awards || (r.operation == kexie::ActivityOperation::commend &&
                                r.reason.find(KEXIE_V2B_AWARD_DIGEST) != std::string::npos);
  }
  EXPECT_TRUE(saw_board);
  EXPECT_TRUE(saw_awards);

  // The campaign: bound, commended, frozen, with the same results.
  ASSERT_EQ(snap.campaigns().size(), 1u);
  kexie::Campaign& c = snap.campaigns()[0];
  EXPECT_TRUE(c.bound());
  EXPECT_EQ(c.activity(), kexie::ActivityId{1});
  EXPECT_EQ(c.phase(), kexie::CampaignPhase::commended);
  EXPECT_EQ(c.entry_count(), 2u);
  EXPECT_EQ(c.judge_count(), 3u);
  EXPECT_EQ(c.concluded_digest(), KEXIE_V2B_BOARD_DIGEST);
  EXPECT_EQ(c.award_digest(), KEXIE_V2B_AWARD_DIGEST);
  EXPECT_EQ(c.score().value().digest(), KEXIE_V2B_BOARD_DIGEST);
  EXPECT_TRUE(c.spec().panel.expert_field_match);
  EXPECT_EQ(c.entry(kexie::EntryId{1}).value().spec.cites_link, w.hz_link);
  EXPECT_EQ(c.rubric(kexie::Category::rationalization_proposals).value().co2_basis(),
            kexie::Co2Basis::claimed);
  EXPECT_EQ(c.mark(kexie::JudgeId{1}, kexie::EntryId{1}, "A.1", Decimal(50)).error().rule(),
            "campaign.frozen");

  // Saved in the current format it loads back to the same content, and saving is
  // deterministic (the current format's golden file, snapshot-v4.kxs, is checked
  // byte for byte in snapshot_format_test.cpp).
  const std::vector<std::byte> current = kexie::save_snapshot(snap).value();
  EXPECT_EQ(std::to_integer<int>(current[8]), kexie::kSnapshotFormatVersion);
  const kexie::Snapshot back = kexie::load_snapshot(std::span<const std::byte>(current)).value();
  EXPECT_EQ(back.registry().digest(), KEXIE_V2B_REGISTRY_DIGEST);
  EXPECT_EQ(back.campaigns()[0].award_digest(), KEXIE_V2B_AWARD_DIGEST);
  EXPECT_EQ(kexie::to_hex(back.activity_books()[0].chain_head().hash), KEXIE_V2B_CHAIN_HEAD);
  EXPECT_TRUE(kexie::save_snapshot(back).value() == current);
}

// ---- the golden file of format 4 ------------------------------------------------------------
//
// tests/data/snapshot-v4.kxs holds every kind of fact format 4 stores at once: the
// province's 讲比 campaign bound to its activity, concluded and commended, scored on
// a 100-point sheet whose 效益 marks are banded by the claimed annual benefit and
// which pays a prize (CampaignRecord 3); the guidance facts (RegistryRecord 3:
// enterprises, employment, support, a founding approved with its trail, a
// secretary-general's training); and a service desk with requests and proposals in
// several states (SnapshotRecord 2). Made once by WriteVersion4Golden and never
// rewritten:
//   KEXIE_WRITE_GOLDEN=tests/data/snapshot-v4.kxs
//     build/dev/tests/unit/jiangbi_test --gtest_filter='*WriteVersion4Golden*'

namespace {

// Figures of tests/data/snapshot-v4.kxs, printed by WriteVersion4Golden when it was made.
#define KEXIE_V4_REGISTRY_DIGEST "48a85d25f6cfaca8f93e9d74ef30cb5aff582ecf11ef89db677a7f6000900695"
#define KEXIE_V4_CHAIN_HEAD "118c36231d8959fa79a02e208e3ae0720594667918e9e9ad79bda4778cb2e09e"
#define KEXIE_V4_BOARD_DIGEST "4d33224c24c1b9e15f2c23f805e773ac44c48b6f5eeb5f986fca5d6f9a2d24d3"
#define KEXIE_V4_AWARD_DIGEST "aca31b9370a087cf11f0d43df5124a248090acb9d7410c70f1bdc8aa68030f10"
#define KEXIE_V4_DESK_DIGEST "8cf1202138e401bf1a4652777a75f54b8e83103aa553e8185fdc4c4608848239"
#define KEXIE_V4_FOUNDING_HEAD "6e5fef616c4206e9d8199f2a12f5d9ca8faba92a9fd43426fe88af122746ac8f"

/// The office's 100-point sheet: 创新 60 points, 效益 40 points banded by the
/// claimed annual benefit, 2% of the benefit above 500 000 yuan as a prize.
kexie::Rubric points_sheet() {
  using K = kexie::IndicatorKind;
  const std::vector<kexie::IndicatorSpec> sheet = {
      {.code = "创新",
       .name = "创新性",
       .kind = K::judged,
       .weight = Decimal(60),
       .scale = {Decimal(0), Decimal(60), Decimal(1)}},
      {.code = "效益",
       .name = "经济效益",
       .kind = K::judged,
       .weight = Decimal(40),
       .scale = {Decimal(0), Decimal(40), "0.5"_dec}},
  };
  return kexie::Rubric::build_points("百分制评审表", Decimal(100), sheet)
      .value()
      .with_bands("效益", {kexie::ClaimedFigure::annual_benefit_yuan,
                           {{Decimal(0), Decimal(0), Decimal(20)},
                            {Decimal(500000), Decimal(15), Decimal(40)}}})
      .value()
      .with_prize({.figure = kexie::ClaimedFigure::annual_benefit_yuan,
                   .threshold = Decimal(500000),
                   .share = "0.02"_dec,
                   .cap = Decimal(50000),
                   .awarded_only = true})
      .value();
}

/// The tour up to 表彰 on the points sheet.
kexie::Campaign commended_points_campaign(Tour& t) {
  t.start();
  kexie::CampaignSpec spec = campaign_spec();
  spec.panel.expert_field_match = true;
  kexie::Campaign c = kexie::Campaign::open(t.w.reg, t.book, t.id, spec).value();
  c.set_rubric(kexie::Category::rationalization_proposals, points_sheet()).value();
  kexie::EntrySpec big = entry("HZ-1", t.w.ent_hz, t.w.hz_worker);
  big.cites_link = t.w.hz_link;
  big.claims.annual_benefit_yuan = Decimal(860000);
  kexie::EntrySpec small = entry("NB-1", t.w.ent_nb, t.w.nb_worker);
  small.claims.annual_benefit_yuan = Decimal(120000);
  const kexie::EntryId hz = c.add_entry(big, "2025-05-01"_date).value();
  const kexie::EntryId nb = c.add_entry(small, "2025-06-01"_date).value();
  t.evaluate();
  const kexie::JudgeId j1 = c.add_judge(t.w.expert1).value();
  const kexie::JudgeId j3 = c.add_judge(t.w.expert3).value();
  const kexie::JudgeId jhz = c.add_judge(t.w.expert_hz).value();
  for (kexie::JudgeId j : {j1, j3}) {
    c.assign(j, hz).value();
    c.assign(j, nb).value();
  }
  c.assign(jhz, nb).value();
  c.mark(j1, hz, "创新", Decimal(52)).value();
  c.mark(j3, hz, "创新", Decimal(50)).value();
  c.mark(j1, hz, "效益", "36.5"_dec).value();
  c.mark(j3, hz, "效益", Decimal(34)).value();
  c.mark(j1, nb, "创新", Decimal(45)).value();
  c.mark(j3, nb, "创新", Decimal(47)).value();
  c.mark(jhz, nb, "创新", Decimal(46)).value();
  c.mark(j1, nb, "效益", Decimal(15)).value();
  c.mark(j3, nb, "效益", Decimal(16)).value();
  c.mark(jhz, nb, "效益", "15.5"_dec).value();
  (void)c
      .conclude(t.book, t.w.actor(t.w.secretary, "2025-11-30"_date),
                at("2025-11-30T09:00:00+08:00"), Decimal(95))
      .value();
  (void)c
      .commend(t.w.reg, t.book, t.w.actor(t.w.chair, "2025-12-20"_date),
               at("2025-12-20T09:00:00+08:00"))
      .value();
  return c;
}

/// The guidance facts of format 4 on the tour's registry: 杭钢 (tied to 杭钢科协)
/// employing its worker with a support record, a robot maker whose association the
/// province founds (a proxy's unionist applies), its secretary-general trained.
void add_guidance_facts(World& w) {
  kexie::Registry& reg = w.reg;
  const auto always = kexie::Period::from("2020-01-01"_date);
  const kexie::EnterpriseId hz_steel =
      kexie::add_enterprise(reg, {.name = "杭钢集团",
                                  .credit_code = "91350100M000100Y43",
                                  .ownership = kexie::Ownership::state,
                                  .industry = "C31",
                                  .region = "330100",
                                  .development_zone = true,
                                  .local = w.hz,
                                  .registered = "1957-01-01"_date})
          .value();
  kexie::attach_association(reg, hz_steel, w.ent_hz, "2001-01-01"_date).value();
  kexie::employ(reg, w.hz_worker, hz_steel, kexie::Period::from("2010-01-01"_date)).value();
  kexie::record_support(reg, {.enterprise = hz_steel,
                              .year = 2025,
                              .full_time_staff = 3,
                              .part_time_staff = 8,
                              .budget_yuan = "450000"_dec,
                              .facilities_m2 = "86.5"_dec})
      .value();
  const kexie::EnterpriseId robot =
      kexie::add_enterprise(reg, {.name = "某机器人",
                                  .credit_code = "91440300708461136T",
                                  .ownership = kexie::Ownership::private_,
                                  .industry = "C39",
                                  .region = "330108",
                                  .high_tech_zone = true,
                                  .new_economy = true,
                                  .local = w.zj,
                                  .registered = "2015-03-01"_date})
          .value();
  const kexie::OrgId proxy = reg.add_organization({.kind = OrgKind::proxy,
                                                   .name = "某机器人工会",
                                                   .parent = w.zj,
                                                   .effective = "2016-01-01"_date})
                                 .value();
  const kexie::PersonId unionist =
      reg.add_person({.name = "工会主席", .birth = "1980-05-01"_date, .employer = proxy}).value();
  const kexie::FoundingId f = kexie::apply_founding(reg,
                                                    {.enterprise = robot,
                                                     .local = w.zj,
                                                     .name = "某机器人科协",
                                                     .applicant = unionist,
                                                     .proxy = proxy},
                                                    at("2026-01-05T09:00:00+08:00"))
                                  .value();
  const kexie::OrgId kx =
      kexie::approve_founding(reg, f, w.secretary, at("2026-02-01T09:00:00+08:00"),
                              "2026-03-01"_date, "条件具备")
          .value();
  const kexie::PersonId sg =
      reg.add_person({.name = "新秘书长", .birth = "1988-01-01"_date, .employer = kx}).value();
  reg.add_membership(sg, kx, kexie::Role::member, kexie::Period::from("2026-03-01"_date)).value();
  reg.add_membership(sg, kx, kexie::Role::secretary_general, kexie::Period::from("2026-03-01"_date))
      .value();
  kexie::add_sg_training(reg,
                         {.person = sg, .date = "2026-04-01"_date, .hours = 16, .organizer = w.zj})
      .value();
  (void)always;
}

/// A desk of 杭钢科协: its secretary-general handles a project application to
/// the grant, declines a patent request, and answers a suggestion.
void fill_desk(World& w, kexie::ServiceDesk& desk) {
  kexie::Registry& reg = w.reg;
  const auto always = kexie::Period::from("2020-01-01"_date);
  const kexie::PersonId hz_sg = w.person("杭钢秘书长", w.ent_hz);
  reg.add_membership(hz_sg, w.ent_hz, kexie::Role::secretary_general, always).value();
  reg.add_membership(w.hz_worker, w.ent_hz, kexie::Role::member, always).value();
  const kexie::ServiceRequestId r1 = desk.submit({.applicant = w.hz_worker,
                                                  .association = w.ent_hz,
                                                  .kind = kexie::ServiceKind::project_application,
                                                  .title = "高炉煤气回收项目申报"},
                                                 at("2026-03-02T09:00:00+08:00"))
                                         .value();
  desk.accept(r1, hz_sg, at("2026-03-03T09:00:00+08:00")).value();
  desk.start(r1, hz_sg, at("2026-03-04T09:00:00+08:00")).value();
  desk.forward(r1, hz_sg, at("2026-03-05T09:00:00+08:00"), "浙江省科学技术厅", "").value();
  desk.grant(r1, hz_sg, at("2026-04-01T09:00:00+08:00"), "浙科计〔2026〕12号").value();
  (void)desk.accept(r1, w.hz_worker, at("2026-04-02T09:00:00+08:00"));  // refused: not staff
  const kexie::ServiceRequestId r2 = desk.submit({.applicant = w.hz_worker,
                                                  .association = w.ent_hz,
                                                  .kind = kexie::ServiceKind::patent_application,
                                                  .title = "煤气除尘装置",
                                                  .patent_type = kexie::PatentType::utility_model},
                                                 at("2026-03-05T09:00:00+08:00"))
                                         .value();
  desk.decline(r2, hz_sg, at("2026-03-06T09:00:00+08:00"), "材料不全").value();
  const kexie::ProposalId p = desk.file({.proposer = w.hz_worker,
                                         .association = w.ent_hz,
                                         .kind = kexie::ProposalKind::suggestion,
                                         .title = "夜班通勤",
                                         .text = "增开班车"},
                                        at("2026-03-07T09:00:00+08:00"))
                                  .value();
  desk.acknowledge(p, hz_sg, at("2026-03-08T09:00:00+08:00")).value();
  desk.answer(p, hz_sg, at("2026-03-09T09:00:00+08:00"), "下月起增开").value();
  desk.file({.proposer = w.hz_worker,
             .association = w.ent_hz,
             .kind = kexie::ProposalKind::opinion,
             .title = "食堂",
             .text = "延长供应时间"},
            at("2026-03-10T09:00:00+08:00"))
      .value();
}

}  // namespace

TEST(JiangbiGolden, WriteVersion4Golden) {
  const char* target = std::getenv("KEXIE_WRITE_GOLDEN");
  if (target == nullptr) GTEST_SKIP() << "set KEXIE_WRITE_GOLDEN=<path> to write the golden file";
  Tour t;
  const kexie::Campaign c = commended_points_campaign(t);
  add_guidance_facts(t.w);
  kexie::ServiceDesk desk(t.w.reg, kexie::ServicePolicy{.answer_due_days = 20});
  fill_desk(t.w, desk);
  ASSERT_TRUE(
      kexie::save_snapshot(kexie::SnapshotView(t.w.reg).add(t.book).add(c).add(desk), target).ok());
  const kexie::Snapshot loaded = kexie::load_snapshot(std::filesystem::path(target)).value();
  ASSERT_EQ(loaded.registry().digest(), t.w.reg.digest());
  ASSERT_EQ(loaded.activity_books()[0].chain_head().hash, t.book.chain_head().hash);
  ASSERT_EQ(loaded.campaigns()[0].award_digest(), c.award_digest());
  ASSERT_EQ(loaded.service_desks()[0].digest(), desk.digest());
  const kexie::Scoreboard board = loaded.campaigns()[0].score().value();
  std::cout << "registry digest " << loaded.registry().digest() << "\nhonours "
            << loaded.registry().honour_count() << "\naudit records "
            << loaded.activity_books()[0].audit_trail().size() << "\nchain head "
            << kexie::to_hex(loaded.activity_books()[0].chain_head().hash) << "\nboard digest "
            << loaded.campaigns()[0].concluded_digest() << "\naward digest "
            << loaded.campaigns()[0].award_digest() << "\ndesk digest "
            << loaded.service_desks()[0].digest() << "\ndesk trail "
            << loaded.service_desks()[0].audit_trail().size() << "\nfounding chain head "
            << kexie::to_hex(kexie::chain_head(kexie::founding_trail(loaded.registry())).hash)
            << '\n';
  for (const kexie::EntryResult& e : board.entries)
    std::cout << "entry " << e.entry << " total " << e.total << " prize "
              << (e.prize ? e.prize->to_string() : "none") << '\n';
}

TEST(JiangbiGolden, Version4FileLoadsWithItsContent) {
  const std::vector<std::byte> bytes = kexie_test::read_file(kData / "snapshot-v4.kxs");
  ASSERT_FALSE(bytes.empty()) << "tests/data/snapshot-v4.kxs is missing";
  EXPECT_EQ(std::to_integer<int>(bytes[8]), 4);
  auto loaded = kexie::load_snapshot(std::span<const std::byte>(bytes));
  ASSERT_TRUE(loaded.ok()) << loaded.error();
  kexie::Snapshot& snap = *loaded;
  const World w;  // the ids of the golden world
  const kexie::Registry& reg = snap.registry();
  EXPECT_EQ(reg.digest(), KEXIE_V4_REGISTRY_DIGEST);
  EXPECT_EQ(reg.honour_count(), 5u);

  // The bound campaign, concluded and commended, on its points sheet.
  const kexie::ActivityBook& book = snap.activity_books()[0];
  EXPECT_TRUE(book.verify_audit().ok());
  EXPECT_EQ(kexie::to_hex(book.chain_head().hash), KEXIE_V4_CHAIN_HEAD);
  ASSERT_EQ(snap.campaigns().size(), 1u);
  const kexie::Campaign& c = snap.campaigns()[0];
  EXPECT_TRUE(c.bound());
  EXPECT_EQ(c.concluded_digest(), KEXIE_V4_BOARD_DIGEST);
  EXPECT_EQ(c.award_digest(), KEXIE_V4_AWARD_DIGEST);
  const kexie::Rubric sheet = c.rubric(kexie::Category::rationalization_proposals).value();
  EXPECT_EQ(sheet.full_score(), std::optional<Decimal>(Decimal(100)));
  ASSERT_TRUE(sheet.prize().has_value());
  EXPECT_EQ(sheet.prize()->share, "0.02"_dec);
  EXPECT_EQ(sheet.prize()->cap, std::optional<Decimal>(Decimal(50000)));
  EXPECT_TRUE(sheet.prize()->awarded_only);
  // 效益 is banded: a small benefit's band stops at 20.
  EXPECT_FALSE(sheet.check_mark("效益", Decimal(25), Decimal(120000)).ok());
  EXPECT_TRUE(sheet.check_mark("效益", Decimal(25), Decimal(860000)).ok());
  const kexie::Scoreboard board = c.score().value();
  EXPECT_EQ(board.digest(), KEXIE_V4_BOARD_DIGEST);
  ASSERT_EQ(board.entries.size(), 2u);
  const std::optional<kexie::EntryResult> big = board.find(kexie::EntryId{1});
  ASSERT_TRUE(big);
  EXPECT_EQ(big->total, "86.25"_dec);
  EXPECT_EQ(big->prize, std::optional<Decimal>("7200"_dec));  // 2% of 860 000 − 500 000

  // The guidance facts.
  EXPECT_EQ(kexie::enterprise_count(reg), 2u);
  const auto steel = kexie::find_enterprise(reg, "91350100M000100Y43").value();
  EXPECT_EQ(kexie::association_of(reg, steel, "2025-01-01"_date), w.ent_hz);
  EXPECT_EQ(kexie::employer_on(reg, w.hz_worker, "2025-01-01"_date), steel);
  EXPECT_EQ(kexie::support(reg, steel, 2025)->facilities_m2, "86.5"_dec);
  EXPECT_EQ(kexie::founding_count(reg), 1u);
  const auto trail = kexie::founding_trail(reg);
  EXPECT_TRUE(kexie::verify_founding_trail(trail).ok());
  EXPECT_EQ(kexie::to_hex(kexie::chain_head(trail).hash), KEXIE_V4_FOUNDING_HEAD);
  EXPECT_EQ(kexie::sg_trainings(reg).size(), 1u);

  // The service desk: a granted project application, a declined patent request,
  // an answered suggestion and a filed opinion, on a trail that verifies.
  ASSERT_EQ(snap.service_desks().size(), 1u);
  const kexie::ServiceDesk& desk = snap.service_desks()[0];
  EXPECT_EQ(desk.digest(), KEXIE_V4_DESK_DIGEST);
  EXPECT_EQ(desk.policy().answer_due_days, 20);
  EXPECT_TRUE(desk.verify_audit().ok());
  EXPECT_EQ(desk.audit_trail().size(), 12u);
  EXPECT_EQ(desk.request(kexie::ServiceRequestId{1})->state, kexie::RequestState::granted);
  EXPECT_EQ(desk.request(kexie::ServiceRequestId{2})->state, kexie::RequestState::declined);
  EXPECT_EQ(desk.proposal(kexie::ProposalId{1})->state, kexie::ProposalState::answered);
  EXPECT_EQ(desk.proposal(kexie::ProposalId{2})->state, kexie::ProposalState::filed);
  EXPECT_EQ(&desk.registry(), &snap.registry());
}
