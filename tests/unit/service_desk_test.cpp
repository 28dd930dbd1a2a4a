// The service desk (issue 20): every cell of the request and proposal state
// tables accepted or refused, every rule accepted and refused with its article,
// the young-worker queue, the overdue report, the 讲比 entry of an adopted
// rationalization proposal, the audit chain, and a seeded random test whose
// refused steps change nothing.
#include "kexie/service_desk.hpp"

#include <gtest/gtest.h>

#include <array>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "service_fixture.hpp"

namespace {

using kexie::ErrorCode;
using kexie::ServiceDesk;
using kexie::ServiceKind;
using kexie::Title;
using ROp = kexie::RequestOperation;
using RS = kexie::RequestState;
using POp = kexie::ProposalOperation;
using PS = kexie::ProposalState;
using namespace kexie_test;

kexie::RequestSpec project(kexie::PersonId who, kexie::OrgId where) {
  return {.applicant = who,
          .association = where,
          .kind = ServiceKind::project_application,
          .title = "高炉煤气余压发电"};
}
kexie::RequestSpec patent(kexie::PersonId who, kexie::OrgId where, kexie::PatentType type) {
  return {.applicant = who,
          .association = where,
          .kind = ServiceKind::patent_application,
          .title = "一种烧结余热回收装置",
          .patent_type = type};
}
kexie::RequestSpec title_eval(kexie::PersonId who, kexie::OrgId where, Title target) {
  return {.applicant = who,
          .association = where,
          .kind = ServiceKind::title_evaluation,
          .title = "申报副高级职称",
          .target_title = target};
}
kexie::ProposalSpec proposal(kexie::PersonId who, kexie::OrgId where, kexie::ProposalKind kind) {
  return {.proposer = who,
          .association = where,
          .kind = kind,
          .title = "转炉煤气回收率提升",
          .text = "建议增设一级除尘"};
}

// The rule id and article of a refused status or result.
template <class R>
void expect_refused(const R& r, ErrorCode code, const char* rule, const char* article) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code(), code) << r.error();
  EXPECT_EQ(r.error().rule(), rule) << r.error();
  EXPECT_EQ(r.error().article(), article) << r.error();
}

// The allowed cells of the request table, written out independently of
// next_state so that the test can disagree with it.
std::optional<RS> expected_request_cell(RS s, ROp op) {
  struct Cell {
    RS from;
    ROp op;
    RS to;
  };
  static const Cell cells[] = {
      {RS::submitted, ROp::accept, RS::accepted},
      {RS::submitted, ROp::decline, RS::declined},
      {RS::accepted, ROp::start, RS::in_progress},
      {RS::in_progress, ROp::forward, RS::forwarded},
      {RS::forwarded, ROp::grant, RS::granted},
      {RS::forwarded, ROp::not_grant, RS::not_granted},
      {RS::submitted, ROp::withdraw, RS::withdrawn},
      {RS::accepted, ROp::withdraw, RS::withdrawn},
      {RS::in_progress, ROp::withdraw, RS::withdrawn},
      {RS::forwarded, ROp::withdraw, RS::withdrawn},
  };
  for (const Cell& c : cells)
    if (c.from == s && c.op == op) return c.to;
  return std::nullopt;
}

// Takes a new project request to `target` along the table's shortest path.
kexie::ServiceRequestId request_in(ServiceDesk& desk, ServiceWorld& w, RS target) {
  const kexie::ServiceRequestId id =
      desk.submit(project(w.li, w.ent), ts("2026-03-01T09:00:00Z")).value();
  const kexie::PersonId s = w.ent_sg;
  auto at = ts("2026-03-02T09:00:00Z");
  switch (target) {
    case RS::submitted:
      break;
    case RS::declined:
      desk.decline(id, s, at, "不属于服务范围").value();
      break;
    case RS::withdrawn:
      desk.withdraw(id, w.li, at, "改由研究院申报").value();
      break;
    case RS::accepted:
    case RS::in_progress:
    case RS::forwarded:
    case RS::granted:
    case RS::not_granted:
      desk.accept(id, s, at).value();
      if (target == RS::accepted) break;
      desk.start(id, s, at).value();
      if (target == RS::in_progress) break;
      desk.forward(id, s, at, "浙江省科技厅", "").value();
      if (target == RS::forwarded) break;
      if (target == RS::granted)
        desk.grant(id, s, at, "2026C01001").value();
      else
        desk.not_grant(id, s, at, "评审未通过").value();
      break;
  }
  EXPECT_EQ(desk.request(id)->state, target);
  return id;
}

kexie::Status perform(ServiceDesk& desk, kexie::ServiceRequestId id, kexie::PersonId who, ROp op) {
  const auto at = ts("2026-03-05T09:00:00Z");
  switch (op) {
    case ROp::forward:
      return desk.forward(id, who, at, "浙江省科技厅", "");
    case ROp::grant:
      return desk.grant(id, who, at, "2026C01001");
    case ROp::decline:
    case ROp::not_grant:
    case ROp::withdraw:
      return desk.apply(id, who, at, op, "理由");
    default:
      return desk.apply(id, who, at, op, "");
  }
}

}  // namespace

TEST(ServiceRequest, StateTableMatchesTheDomain) {
  for (RS s : kexie::enum_values<RS>())
    for (ROp op : kexie::enum_values<ROp>())
      EXPECT_EQ(kexie::next_state(s, op), expected_request_cell(s, op))
          << kexie::to_string(s) << " × " << kexie::to_string(op);
  EXPECT_TRUE(kexie::is_final(RS::granted));
  EXPECT_TRUE(kexie::is_final(RS::declined));
  EXPECT_FALSE(kexie::is_final(RS::forwarded));
}

// Every cell of state × operation on a real desk: performed cells move to the
// table's state; refused cells say service.state (A9) and change nothing.
TEST(ServiceRequest, EveryCellOfTheTableOnADesk) {
  for (RS s : kexie::enum_values<RS>()) {
    for (ROp op : kexie::enum_values<ROp>()) {
      if (op == ROp::submit) continue;
      ServiceWorld w;
      ServiceDesk desk(w.reg);
      const kexie::ServiceRequestId id = request_in(desk, w, s);
      const std::string before = desk.digest();
      const std::size_t records = desk.audit_trail().size();
      kexie::Status st = perform(desk, id, w.ent_sg, op);
      const std::string cell =
          std::string(kexie::to_string(s)) + " × " + std::string(kexie::to_string(op));
      if (std::optional<RS> to = expected_request_cell(s, op)) {
        ASSERT_TRUE(st.ok()) << cell << ": " << st.error();
        EXPECT_EQ(desk.request(id)->state, *to) << cell;
        EXPECT_NE(desk.digest(), before) << cell;
        EXPECT_TRUE(desk.audit_trail().back().accepted());
      } else {
        expect_refused(st, ErrorCode::illegal_transition, "service.state", "A9");
        EXPECT_EQ(desk.digest(), before) << cell;
        EXPECT_EQ(desk.request(id)->state, s) << cell;
        EXPECT_EQ(desk.audit_trail().back().rule, "service.state");
      }
      EXPECT_EQ(desk.audit_trail().size(), records + 1) << cell;
      EXPECT_TRUE(desk.verify_audit().ok()) << cell;
    }
  }
}

TEST(ServiceRequest, SpecRules) {
  ServiceWorld w;
  ServiceDesk desk(w.reg);
  const auto at = ts("2026-03-01T09:00:00Z");
  auto no_title = project(w.li, w.ent);
  no_title.title = "";
  expect_refused(desk.submit(no_title, at), ErrorCode::invalid_argument, "service.spec", "A9");
  auto no_type = patent(w.li, w.ent, kexie::PatentType::design);
  no_type.patent_type.reset();
  expect_refused(desk.submit(no_type, at), ErrorCode::invalid_argument, "service.spec", "A9");
  auto stray_type = project(w.li, w.ent);
  stray_type.patent_type = kexie::PatentType::design;
  expect_refused(desk.submit(stray_type, at), ErrorCode::invalid_argument, "service.spec", "A9");
  auto no_target = title_eval(w.li, w.ent, Title::associate_senior);
  no_target.target_title.reset();
  expect_refused(desk.submit(no_target, at), ErrorCode::invalid_argument, "service.spec", "A9");
  auto stray_target = project(w.li, w.ent);
  stray_target.target_title = Title::senior;
  expect_refused(desk.submit(stray_target, at), ErrorCode::invalid_argument, "service.spec", "A9");
  auto bad_kind = project(w.li, w.ent);
  bad_kind.kind = static_cast<ServiceKind>(9);
  expect_refused(desk.submit(bad_kind, at), ErrorCode::invalid_argument, "service.spec", "A9");
  expect_refused(desk.submit(project(kexie::PersonId{}, w.ent), at), ErrorCode::invalid_argument,
                 "service.actor", "");
  expect_refused(desk.submit(project(kexie::PersonId{999}, w.ent), at), ErrorCode::invalid_argument,
                 "service.actor", "");
  expect_refused(desk.submit(project(w.li, w.ent), kexie::Timestamp::from_micros(INT64_MAX)),
                 ErrorCode::invalid_argument, "service.time_order", "");
  expect_refused(desk.submit(project(w.li, kexie::OrgId{999}), at), ErrorCode::not_found,
                 "service.association", "");
  EXPECT_EQ(desk.request_count(), 0u);
  // Every refusal is in the trail, and the trail verifies.
  EXPECT_EQ(desk.audit_trail().size(), 10u);
  EXPECT_TRUE(desk.verify_audit().ok());
  // Text that is not UTF-8 is refused before the trail.
  auto bad_text = project(w.li, w.ent);
  bad_text.title = "\xff";
  EXPECT_FALSE(desk.submit(bad_text, at).ok());
  EXPECT_EQ(desk.audit_trail().size(), 10u);
  // And each kind is accepted when well formed.
  EXPECT_TRUE(desk.submit(project(w.li, w.ent), at).ok());
  EXPECT_TRUE(desk.submit(patent(w.li, w.ent, kexie::PatentType::invention), at).ok());
  EXPECT_TRUE(desk.submit(title_eval(w.li, w.ent, Title::associate_senior), at).ok());
}

TEST(ServiceRequest, OnlyMembersMayAsk) {
  ServiceWorld w;
  ServiceDesk desk(w.reg);
  const auto at = ts("2026-03-01T09:00:00Z");
  // A worker of the other enterprise association, and an office clerk.
  expect_refused(desk.submit(project(w.nb_worker, w.ent), at), ErrorCode::rule_violation,
                 "service.member", "A9");
  expect_refused(desk.submit(project(w.clerk, w.ent), at), ErrorCode::rule_violation,
                 "service.member", "A9");
  // Employed by the enterprise (A1's tie), or a recorded member.
  EXPECT_TRUE(desk.submit(project(w.nb_worker, w.ent_nb), at).ok());
  EXPECT_TRUE(desk.submit(project(w.ent_sg, w.ent), at).ok());
  // Without the employer tie (A1) only recorded memberships count.
  kexie::Policy open;
  open.employer_tied_membership = false;
  ServiceWorld w2(open);
  ServiceDesk desk2(w2.reg);
  expect_refused(desk2.submit(project(w2.li, w2.ent), at), ErrorCode::rule_violation,
                 "service.member", "A9");
  EXPECT_TRUE(desk2.submit(project(w2.ent_sg, w2.ent), at).ok());
}

TEST(ServiceRequest, TitleEvaluationIsForTheNextLevelOnly) {
  ServiceWorld w;
  ServiceDesk desk(w.reg);
  const auto at = ts("2026-03-01T09:00:00Z");
  // li is intermediate: associate_senior only.
  expect_refused(desk.submit(title_eval(w.li, w.ent, Title::senior), at), ErrorCode::rule_violation,
                 "service.next_title", "A9");
  expect_refused(desk.submit(title_eval(w.li, w.ent, Title::intermediate), at),
                 ErrorCode::rule_violation, "service.next_title", "A9");
  expect_refused(desk.submit(title_eval(w.li, w.ent, Title::junior), at), ErrorCode::rule_violation,
                 "service.next_title", "A9");
  // zhao is senior: nothing higher.
  expect_refused(desk.submit(title_eval(w.zhao, w.ent, Title::senior), at),
                 ErrorCode::rule_violation, "service.next_title", "A9");
  EXPECT_TRUE(desk.submit(title_eval(w.li, w.ent, Title::associate_senior), at).ok());
}

TEST(ServiceRequest, ContinuingEducationOverTheLastYears) {
  ServiceWorld w;
  const auto at = ts("2026-03-01T09:00:00Z");
  // wang (junior) has no training: refused, every missing year named.
  {
    ServiceDesk desk(w.reg);
    auto r = desk.submit(title_eval(w.wang, w.ent, Title::intermediate), at);
    expect_refused(r, ErrorCode::rule_violation, "service.continuing_education", "A5");
    EXPECT_NE(r.error().message().find("2023"), std::string::npos);
    EXPECT_NE(r.error().message().find("2025"), std::string::npos);
  }
  // Trained in 2025 only: still short for the default three years …
  w.train(w.wang, 2025);
  {
    ServiceDesk desk(w.reg);
    auto r = desk.submit(title_eval(w.wang, w.ent, Title::intermediate), at);
    expect_refused(r, ErrorCode::rule_violation, "service.continuing_education", "A5");
    EXPECT_EQ(r.error().message().find("2025:"), std::string::npos) << r.error();
  }
  // … enough for a one-year window, and for a desk with the rule off.
  {
    kexie::ServicePolicy one;
    one.education_years = 1;
    ServiceDesk desk(w.reg, one);
    EXPECT_TRUE(desk.submit(title_eval(w.wang, w.ent, Title::intermediate), at).ok());
    kexie::ServicePolicy off;
    off.education_years = 0;
    ServiceDesk desk_off(w.reg, off);
    EXPECT_TRUE(desk_off.submit(title_eval(w.wang, w.ent, Title::intermediate), at).ok());
  }
  // A year with hours but too few professional ones does not count.
  w.reg.add_training(w.wang, 100, kexie::TrainingKind::general, "2024-05-01"_date).value();
  w.train(w.wang, 2023);
  {
    ServiceDesk desk(w.reg);
    auto r = desk.submit(title_eval(w.wang, w.ent, Title::intermediate), at);
    expect_refused(r, ErrorCode::rule_violation, "service.continuing_education", "A5");
    EXPECT_NE(r.error().message().find("2024"), std::string::npos);
  }
  // The default is three years, and a bad policy is a programmer error.
  EXPECT_EQ(kexie::ServicePolicy{}.education_years, 3);
  kexie::ServicePolicy bad;
  bad.answer_due_days = 0;
  EXPECT_THROW(ServiceDesk(w.reg, bad), std::invalid_argument);
}

TEST(ServiceRequest, StaffAreDerivedFromTheRegistry) {
  ServiceWorld w;
  ServiceDesk desk(w.reg);
  auto id = desk.submit(project(w.li, w.ent), ts("2026-03-01T09:00:00Z")).value();
  const auto at = ts("2026-03-02T09:00:00Z");
  const std::string before = desk.digest();
  // A fellow worker, the office clerk, the other enterprise's secretary-general.
  for (kexie::PersonId p : {w.wang, w.clerk, w.nb_sg}) {
    auto st = desk.accept(id, p, at);
    expect_refused(st, ErrorCode::permission_denied, "service.permission", "A9");
    EXPECT_TRUE(desk.audit_trail().back().security_event);
  }
  expect_refused(desk.accept(id, kexie::PersonId{}, at), ErrorCode::invalid_argument,
                 "service.actor", "");
  expect_refused(desk.accept(kexie::ServiceRequestId{7}, w.ent_sg, at), ErrorCode::not_found,
                 "service.request", "");
  EXPECT_EQ(desk.digest(), before);
  // The province's appointed secretary-general is staff above the enterprise.
  EXPECT_TRUE(desk.accept(id, w.province_sg, at).ok());
  // Before the appointment began, the same person is not.
  ServiceWorld w2;
  ServiceDesk early(w2.reg);
  auto id2 = early.submit(project(w2.li, w2.ent), ts("2019-03-01T09:00:00Z"));
  ASSERT_TRUE(id2.ok()) << id2.error();
  expect_refused(early.accept(*id2, w2.province_sg, ts("2019-03-02T09:00:00Z")),
                 ErrorCode::permission_denied, "service.permission", "A9");
}

TEST(ServiceRequest, NobodyHandlesTheirOwnRequestButMayWithdrawIt) {
  ServiceWorld w;
  ServiceDesk desk(w.reg);
  auto own = desk.submit(project(w.ent_sg, w.ent), ts("2026-03-01T09:00:00Z")).value();
  const auto at = ts("2026-03-02T09:00:00Z");
  auto st = desk.accept(own, w.ent_sg, at);
  expect_refused(st, ErrorCode::conflict_of_interest, "service.self_handling", "A9");
  EXPECT_TRUE(desk.audit_trail().back().security_event);
  EXPECT_TRUE(desk.accept(own, w.province_sg, at).ok());
  // The applicant withdraws (not staff of anything but their own request).
  auto mine = desk.submit(project(w.li, w.ent), at).value();
  expect_refused(desk.accept(mine, w.li, at), ErrorCode::permission_denied, "service.permission",
                 "A9");
  expect_refused(desk.withdraw(mine, w.wang, at, "x"), ErrorCode::permission_denied,
                 "service.permission", "A9");
  EXPECT_TRUE(desk.withdraw(mine, w.li, at, "另行申报").ok());
  EXPECT_EQ(desk.request(mine)->reason, "另行申报");
}

TEST(ServiceRequest, ReasonsTimeOrderAndOutsideBody) {
  ServiceWorld w;
  ServiceDesk desk(w.reg);
  auto id = desk.submit(project(w.li, w.ent), ts("2026-03-01T09:00:00Z")).value();
  const auto at = ts("2026-03-02T09:00:00Z");
  expect_refused(desk.decline(id, w.ent_sg, at, ""), ErrorCode::invalid_argument,
                 "service.reason_required", "A9");
  expect_refused(desk.withdraw(id, w.li, at, ""), ErrorCode::invalid_argument,
                 "service.reason_required", "A9");
  expect_refused(desk.accept(id, w.ent_sg, ts("2026-02-28T09:00:00Z")), ErrorCode::rule_violation,
                 "service.time_order", "");
  ASSERT_TRUE(desk.accept(id, w.ent_sg, at).ok());
  ASSERT_TRUE(desk.start(id, w.ent_sg, at).ok());
  expect_refused(desk.forward(id, w.ent_sg, at, "", ""), ErrorCode::invalid_argument,
                 "service.outside_body", "A9");
  ASSERT_TRUE(desk.forward(id, w.ent_sg, at, "浙江省科技厅", "").ok());
  expect_refused(desk.not_grant(id, w.ent_sg, at, ""), ErrorCode::invalid_argument,
                 "service.reason_required", "A9");
  ASSERT_TRUE(desk.grant(id, w.ent_sg, at, "").ok());
  EXPECT_EQ(desk.request(id)->outside_body, "浙江省科技厅");
  EXPECT_TRUE(desk.verify_audit().ok());
  expect_refused(desk.apply(id, w.ent_sg, at, ROp::submit, ""), ErrorCode::invalid_argument, "",
                 "");
}

TEST(ServiceRequest, PatentNumbersAreCheckedWhenForwarded) {
  ServiceWorld w;
  ServiceDesk desk(w.reg);
  const auto at = ts("2026-03-02T09:00:00Z");
  auto to_progress = [&](kexie::PatentType type) {
    auto id = desk.submit(patent(w.li, w.ent, type), ts("2026-03-01T09:00:00Z")).value();
    desk.accept(id, w.ent_sg, at).value();
    desk.start(id, w.ent_sg, at).value();
    return id;
  };
  auto um = to_progress(kexie::PatentType::utility_model);
  const std::string before = desk.digest();
  expect_refused(desk.forward(um, w.ent_sg, at, "国家知识产权局", ""), ErrorCode::invalid_argument,
                 "patent.number", "A9");
  expect_refused(desk.forward(um, w.ent_sg, at, "国家知识产权局", "201620056200.4"),
                 ErrorCode::invalid_argument, "patent.number", "A9");
  // A valid invention number for a utility-model request.
  expect_refused(desk.forward(um, w.ent_sg, at, "国家知识产权局", "201710601862.3"),
                 ErrorCode::rule_violation, "service.patent_type", "A9");
  EXPECT_EQ(desk.digest(), before);
  ASSERT_TRUE(desk.forward(um, w.ent_sg, at, "国家知识产权局", "CN 201620056200.3").ok());
  EXPECT_EQ(desk.request(um)->reference, "201620056200.3");
  // The grant keeps the application number, or repeats it as ZL….
  expect_refused(desk.grant(um, w.ent_sg, at, "201710601862.3"), ErrorCode::rule_violation,
                 "service.patent_type", "A9");
  ASSERT_TRUE(desk.grant(um, w.ent_sg, at, "ZL201620056200.3").ok());
  EXPECT_EQ(desk.request(um)->reference, "201620056200.3");
  auto inv = to_progress(kexie::PatentType::invention);
  ASSERT_TRUE(desk.forward(inv, w.ent_sg, at, "国家知识产权局", "201710601862.3").ok());
  ASSERT_TRUE(desk.grant(inv, w.ent_sg, at, "").ok());
  EXPECT_EQ(desk.request(inv)->reference, "201710601862.3");
}

TEST(ServiceRequest, ATitleNeedsItsCertificate) {
  ServiceWorld w;
  ServiceDesk desk(w.reg);
  const auto at = ts("2026-03-02T09:00:00Z");
  auto id =
      desk.submit(title_eval(w.li, w.ent, Title::associate_senior), ts("2026-03-01T09:00:00Z"))
          .value();
  desk.accept(id, w.ent_sg, at).value();
  desk.start(id, w.ent_sg, at).value();
  desk.forward(id, w.ent_sg, at, "浙江省高级工程师评审委员会", "").value();
  expect_refused(desk.grant(id, w.ent_sg, at, ""), ErrorCode::invalid_argument,
                 "service.certificate", "A9");
  ASSERT_TRUE(desk.grant(id, w.ent_sg, at, "浙高工证 2026-0173").ok());
  EXPECT_EQ(desk.request(id)->reference, "浙高工证 2026-0173");
}

TEST(ServiceRequest, YoungWorkersGoFirstWhenTheRuleIsOn) {
  ServiceWorld w;
  const auto day = "2026-03-10"_date;
  auto fill = [&](ServiceDesk& desk) {
    desk.submit(project(w.wang, w.ent), ts("2026-03-01T09:00:00Z")).value();    // 46, first
    desk.submit(project(w.li, w.ent), ts("2026-03-02T09:00:00Z")).value();      // 29
    desk.submit(project(w.ent_sg, w.ent), ts("2026-03-03T09:00:00Z")).value();  // 50
    desk.submit(project(w.zhao, w.ent), ts("2026-03-04T09:00:00Z")).value();    // 32
    desk.submit(project(w.nb_worker, w.ent_nb), ts("2026-03-04T10:00:00Z")).value();
  };
  ServiceDesk desk(w.reg);
  fill(desk);
  auto q = desk.queue(w.ent, day);
  ASSERT_EQ(q.size(), 4u);  // the other enterprise's request is not in this queue
  EXPECT_EQ(q[0].request, kexie::ServiceRequestId{2});
  EXPECT_EQ(q[1].request, kexie::ServiceRequestId{4});
  EXPECT_EQ(q[2].request, kexie::ServiceRequestId{1});
  EXPECT_EQ(q[3].request, kexie::ServiceRequestId{3});
  EXPECT_TRUE(q[0].young);
  EXPECT_EQ(q[0].age, 29);
  EXPECT_EQ(q[0].position, 1u);
  EXPECT_NE(q[0].explanation.find("29 ≤ 35"), std::string::npos) << q[0].explanation;
  EXPECT_NE(q[2].explanation.find("46 > 35"), std::string::npos) << q[2].explanation;
  // The province sees both enterprises.
  EXPECT_EQ(desk.queue(w.zj, day).size(), 5u);
  // Strict submission order with the rule off.
  kexie::ServicePolicy plain;
  plain.young_priority = false;
  ServiceDesk fifo(w.reg, plain);
  fill(fifo);
  auto f = fifo.queue(w.ent, day);
  ASSERT_EQ(f.size(), 4u);
  for (std::size_t i = 0; i < f.size(); ++i)
    EXPECT_EQ(f[i].request, kexie::ServiceRequestId{static_cast<std::uint32_t>(i + 1)});
  // The age line is the registry's young-worker rule: at 50, wang (46) is young too.
  kexie::Policy fifty;
  fifty.young_age_max = 50;
  ServiceWorld wide(fifty);
  ServiceDesk wide_desk(wide.reg);
  wide_desk.submit(project(wide.ent_sg, wide.ent), ts("2026-03-01T09:00:00Z")).value();  // 51
  wide_desk.submit(project(wide.wang, wide.ent), ts("2026-03-02T09:00:00Z")).value();    // 46
  auto wq = wide_desk.queue(wide.ent, day);
  ASSERT_EQ(wq.size(), 2u);
  EXPECT_EQ(wq[0].request, kexie::ServiceRequestId{2});
  EXPECT_NE(wq[0].explanation.find("46 ≤ 50"), std::string::npos) << wq[0].explanation;
  // Closed requests leave the queue.
  desk.decline(kexie::ServiceRequestId{2}, w.ent_sg, ts("2026-03-05T09:00:00Z"), "重复").value();
  EXPECT_EQ(desk.queue(w.ent, day).front().request, kexie::ServiceRequestId{4});
}

// ---------------------------------------------------------------------------
// Proposals.

namespace {

std::optional<PS> expected_proposal_cell(PS s, POp op) {
  if (s == PS::filed && op == POp::acknowledge) return PS::acknowledged;
  if (s == PS::acknowledged && op == POp::answer) return PS::answered;
  if (s == PS::answered && op == POp::adopt) return PS::adopted;
  if (s == PS::answered && op == POp::decline) return PS::declined;
  if (s == PS::adopted && op == POp::enter_campaign) return PS::adopted;
  return std::nullopt;
}

kexie::ProposalId proposal_in(ServiceDesk& desk, ServiceWorld& w, PS target) {
  auto id = desk.file(proposal(w.li, w.ent, kexie::ProposalKind::rationalization),
                      ts("2026-03-01T09:00:00Z"))
                .value();
  const auto at = ts("2026-03-02T09:00:00Z");
  if (target == PS::filed) return id;
  desk.acknowledge(id, w.ent_sg, at).value();
  if (target == PS::acknowledged) return id;
  desk.answer(id, w.ent_sg, at, "已研究").value();
  if (target == PS::answered) return id;
  if (target == PS::adopted)
    desk.adopt(id, w.ent_sg, at).value();
  else
    desk.decline(id, w.ent_sg, at, "不可行").value();
  return id;
}

}  // namespace

TEST(Proposal, StateTableMatchesTheDomain) {
  for (PS s : kexie::enum_values<PS>())
    for (POp op : kexie::enum_values<POp>())
      EXPECT_EQ(kexie::next_state(s, op), expected_proposal_cell(s, op))
          << kexie::to_string(s) << " × " << kexie::to_string(op);
}

TEST(Proposal, EveryCellOfTheTableOnADesk) {
  for (PS s : kexie::enum_values<PS>()) {
    for (POp op : kexie::enum_values<POp>()) {
      if (op == POp::file) continue;
      ServiceWorld w;
      CampaignTour tour(w);
      ServiceDesk desk(w.reg);
      const kexie::ProposalId id = proposal_in(desk, w, s);
      const std::string before = desk.digest();
      const std::size_t entries = tour.campaign->entry_count();
      const auto at = ts("2026-03-05T09:00:00Z");
      kexie::Status st;
      switch (op) {
        case POp::acknowledge:
          st = desk.acknowledge(id, w.ent_sg, at);
          break;
        case POp::answer:
          st = desk.answer(id, w.ent_sg, at, "答复");
          break;
        case POp::adopt:
          st = desk.adopt(id, w.ent_sg, at);
          break;
        case POp::decline:
          st = desk.decline(id, w.ent_sg, at, "理由");
          break;
        case POp::enter_campaign: {
          auto e = desk.enter_campaign(id, *tour.campaign, w.ent_sg, at, {});
          if (!e) st = e.error();
          break;
        }
        case POp::file:
          break;
      }
      const std::string cell =
          std::string(kexie::to_string(s)) + " × " + std::string(kexie::to_string(op));
      if (std::optional<PS> to = expected_proposal_cell(s, op)) {
        ASSERT_TRUE(st.ok()) << cell << ": " << st.error();
        EXPECT_EQ(desk.proposal(id)->state, *to) << cell;
        EXPECT_NE(desk.digest(), before) << cell;
      } else {
        expect_refused(st, ErrorCode::illegal_transition, "proposal.state", "A8");
        EXPECT_EQ(desk.digest(), before) << cell;
        EXPECT_EQ(tour.campaign->entry_count(), entries) << cell;
      }
      EXPECT_TRUE(desk.verify_audit().ok()) << cell;
    }
  }
}

TEST(Proposal, FilingRules) {
  ServiceWorld w;
  ServiceDesk desk(w.reg);
  const auto at = ts("2026-03-01T09:00:00Z");
  auto empty = proposal(w.li, w.ent, kexie::ProposalKind::suggestion);
  empty.text = "";
  expect_refused(desk.file(empty, at), ErrorCode::invalid_argument, "proposal.spec", "A8");
  expect_refused(desk.file(proposal(w.nb_worker, w.ent, kexie::ProposalKind::appeal), at),
                 ErrorCode::rule_violation, "proposal.member", "A8");
  expect_refused(desk.file(proposal(w.li, kexie::OrgId{99}, kexie::ProposalKind::appeal), at),
                 ErrorCode::not_found, "service.association", "");
  EXPECT_EQ(desk.proposal_count(), 0u);
  auto id = desk.file(proposal(w.li, w.ent, kexie::ProposalKind::opinion), at).value();
  EXPECT_EQ(desk.proposal(id)->due, "2026-03-31"_date);  // 30 days, the default
  kexie::ServicePolicy week;
  week.answer_due_days = 7;
  ServiceDesk quick(w.reg, week);
  auto q = quick.file(proposal(w.li, w.ent, kexie::ProposalKind::opinion), at).value();
  EXPECT_EQ(quick.proposal(q)->due, "2026-03-08"_date);
}

TEST(Proposal, HandlingRules) {
  ServiceWorld w;
  ServiceDesk desk(w.reg);
  const auto at = ts("2026-03-02T09:00:00Z");
  auto own = desk.file(proposal(w.ent_sg, w.ent, kexie::ProposalKind::suggestion),
                       ts("2026-03-01T09:00:00Z"))
                 .value();
  expect_refused(desk.acknowledge(own, w.ent_sg, at), ErrorCode::conflict_of_interest,
                 "proposal.self_handling", "A8");
  expect_refused(desk.acknowledge(own, w.wang, at), ErrorCode::permission_denied,
                 "proposal.permission", "A8");
  expect_refused(desk.acknowledge(kexie::ProposalId{42}, w.ent_sg, at), ErrorCode::not_found,
                 "proposal.proposal", "");
  expect_refused(desk.acknowledge(own, w.province_sg, ts("2026-02-01T09:00:00Z")),
                 ErrorCode::rule_violation, "service.time_order", "");
  ASSERT_TRUE(desk.acknowledge(own, w.province_sg, at).ok());
  expect_refused(desk.answer(own, w.province_sg, at, ""), ErrorCode::invalid_argument,
                 "proposal.reason_required", "A8");
  ASSERT_TRUE(desk.answer(own, w.province_sg, at, "采纳部分").ok());
  expect_refused(desk.decline(own, w.province_sg, at, ""), ErrorCode::invalid_argument,
                 "proposal.reason_required", "A8");
  ASSERT_TRUE(desk.decline(own, w.province_sg, at, "成本过高").ok());
  EXPECT_EQ(desk.proposal(own)->answer, "采纳部分");
  EXPECT_EQ(desk.proposal(own)->reason, "成本过高");
}

TEST(Proposal, OverdueAnswersAreReported) {
  ServiceWorld w;
  ServiceDesk desk(w.reg);
  auto a = desk.file(proposal(w.li, w.ent, kexie::ProposalKind::appeal),
                     ts("2026-01-01T09:00:00Z"))
               .value();  // due 01-31
  auto b = desk.file(proposal(w.wang, w.ent, kexie::ProposalKind::opinion),
                     ts("2026-01-20T09:00:00Z"))
               .value();  // due 02-19
  auto c = desk.file(proposal(w.zhao, w.ent, kexie::ProposalKind::suggestion),
                     ts("2026-01-05T09:00:00Z"))
               .value();  // due 02-04, answered in time
  desk.acknowledge(c, w.ent_sg, ts("2026-01-06T09:00:00Z")).value();
  desk.answer(c, w.ent_sg, ts("2026-01-10T09:00:00Z"), "已答复").value();
  desk.acknowledge(b, w.ent_sg, ts("2026-01-21T09:00:00Z")).value();
  EXPECT_TRUE(desk.overdue_answers(w.ent, "2026-01-31"_date).empty());  // the due day itself
  auto late = desk.overdue_answers(w.ent, "2026-02-25"_date);
  ASSERT_EQ(late.size(), 2u);
  EXPECT_EQ(late[0].proposal, a);
  EXPECT_EQ(late[0].days_overdue, 25);
  EXPECT_EQ(late[0].state, PS::filed);
  EXPECT_EQ(late[1].proposal, b);
  EXPECT_EQ(late[1].days_overdue, 6);
  EXPECT_EQ(late[1].state, PS::acknowledged);
  EXPECT_TRUE(desk.overdue_answers(w.ent_nb, "2026-02-25"_date).empty());
  // A late answer leaves the report and says it was late in the trail.
  desk.acknowledge(a, w.ent_sg, ts("2026-02-26T09:00:00Z")).value();
  desk.answer(a, w.ent_sg, ts("2026-02-26T10:00:00Z"), "迟复").value();
  EXPECT_NE(desk.audit_trail().back().message.find("26 days after"), std::string::npos)
      << desk.audit_trail().back().message;
  EXPECT_EQ(desk.overdue_answers(w.ent, "2026-02-27"_date).size(), 1u);
}

TEST(Proposal, AnAdoptedRationalizationProposalBecomesOneEntry) {
  ServiceWorld w;
  CampaignTour tour(w);
  ServiceDesk desk(w.reg);
  const auto at = ts("2026-03-05T09:00:00Z");
  kexie::EntrySpec extras;
  extras.in_use_since = "2025-06-01"_date;
  // Not a rationalization proposal.
  auto sugg =
      desk.file(proposal(w.li, w.ent, kexie::ProposalKind::suggestion), ts("2026-03-01T09:00:00Z"))
          .value();
  desk.acknowledge(sugg, w.ent_sg, at).value();
  desk.answer(sugg, w.ent_sg, at, "好").value();
  desk.adopt(sugg, w.ent_sg, at).value();
  expect_refused(desk.enter_campaign(sugg, *tour.campaign, w.ent_sg, at, extras),
                 ErrorCode::rule_violation, "proposal.entry_kind", "A10");
  // An unbound campaign cannot carry the provenance.
  const kexie::ProposalId id = proposal_in(desk, w, PS::adopted);
  kexie::Campaign unbound(w.reg, tour.campaign->spec());
  unbound.set_rubric(kexie::Category::rationalization_proposals, proposal_rubric()).value();
  expect_refused(desk.enter_campaign(id, unbound, w.ent_sg, at, extras), ErrorCode::rule_violation,
                 "proposal.campaign_bound", "A12");
  EXPECT_EQ(unbound.entry_count(), 0u);
  // Only staff.
  expect_refused(desk.enter_campaign(id, *tour.campaign, w.wang, at, extras),
                 ErrorCode::permission_denied, "proposal.permission", "A8");
  // The campaign's own refusal passes through and changes nothing.
  kexie::EntrySpec dup = extras;
  dup.code = "ZJ-0001";
  ASSERT_TRUE(tour.campaign
                  ->add_entry({.code = "ZJ-0001",
                               .title = "x",
                               .unit = w.ent,
                               .team = {{w.wang, kexie::Decimal(1)}},
                               .in_use_since = "2025-01-01"_date},
                              "2026-03-04"_date)
                  .ok());
  const std::string before = desk.digest();
  expect_refused(desk.enter_campaign(id, *tour.campaign, w.ent_sg, at, dup),
                 ErrorCode::already_exists, "entry.code", "");
  EXPECT_EQ(desk.digest(), before);
  EXPECT_EQ(tour.campaign->entry_count(), 1u);
  // Entered with its provenance.
  auto e = desk.enter_campaign(id, *tour.campaign, w.ent_sg, at, extras);
  ASSERT_TRUE(e.ok()) << e.error();
  const kexie::Proposal& p = *desk.proposal(id);
  ASSERT_TRUE(p.entered.has_value());
  EXPECT_EQ(p.entered->campaign, tour.id);
  EXPECT_EQ(p.entered->entry, *e);
  const kexie::Entry made = tour.campaign->entry(*e).value();
  EXPECT_EQ(made.spec.code, p.entered->code);
  EXPECT_EQ(made.spec.code, "合理化建议-proposal:" + std::to_string(id.value()));
  EXPECT_EQ(made.spec.category, kexie::Category::rationalization_proposals);
  EXPECT_EQ(made.spec.unit, w.ent);
  ASSERT_EQ(made.spec.team.size(), 1u);
  EXPECT_EQ(made.spec.team[0].person, w.li);
  EXPECT_EQ(desk.audit_trail().back().operation, "enter_campaign");
  // Never twice.
  const std::string after = desk.digest();
  expect_refused(desk.enter_campaign(id, *tour.campaign, w.ent_sg, at, extras),
                 ErrorCode::already_exists, "proposal.entered", "A10");
  EXPECT_EQ(desk.digest(), after);
  EXPECT_EQ(tour.campaign->entry_count(), 2u);
  EXPECT_TRUE(desk.verify_audit().ok());
}

// ---------------------------------------------------------------------------
// The trail.

TEST(ServiceTrail, EditsTruncationAndReorderingAreDetected) {
  ServiceWorld w;
  ServiceDesk desk(w.reg);
  request_in(desk, w, RS::granted);
  proposal_in(desk, w, PS::declined);
  ASSERT_TRUE(desk.verify_audit().ok());
  std::vector<kexie::ServiceRecord> copy(desk.audit_trail().begin(), desk.audit_trail().end());
  ASSERT_GE(copy.size(), 8u);
  auto edited = copy;
  edited[2].reason = "nothing to see";
  auto v = kexie::verify_audit(edited, desk.chain_head());
  EXPECT_EQ(v.fault, kexie::AuditFault::edited);
  EXPECT_EQ(v.first_bad, 2u);
  auto cut = copy;
  cut.pop_back();
  EXPECT_EQ(kexie::verify_audit(cut, desk.chain_head()).fault, kexie::AuditFault::truncated);
  auto moved = copy;
  std::swap(moved[3], moved[4]);
  EXPECT_EQ(kexie::verify_audit(moved).fault, kexie::AuditFault::out_of_order);
  // The head round-trips through its text form.
  EXPECT_EQ(kexie::ChainHead::parse(desk.chain_head().to_string()).value(), desk.chain_head());
  // A service record never hashes like an activity record.
  kexie::AuditRecord activity_record;
  EXPECT_NE(kexie::digest(activity_record), kexie::digest(kexie::ServiceRecord{}));
}

// A seeded random walk over requests and proposals: whatever is tried, the trail
// verifies, grows by one record a step, and a refused step changes nothing.
TEST(ServiceTrail, RandomStepsKeepTheChainAndRefusalsChangeNothing) {
  ServiceWorld w;
  ServiceDesk desk(w.reg);
  std::mt19937 rng(20260301);
  const std::array<kexie::PersonId, 6> people = {w.li,     w.wang,        w.zhao,
                                                 w.ent_sg, w.province_sg, w.nb_worker};
  std::int64_t clock = ts("2026-03-01T00:00:00Z").micros();
  std::size_t performed = 0;
  std::size_t refused = 0;
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  for (int step = 0; step < 600; ++step) {
    // Mostly forward in time, sometimes back (refused as time order).
    clock += (pick(10) == 0 ? -1 : 1) * static_cast<std::int64_t>(pick(48) + 1) * 3'600'000'000;
    const kexie::Timestamp at = kexie::Timestamp::from_micros(clock);
    const kexie::PersonId who = people[pick(people.size())];
    const std::string before = desk.digest();
    const std::size_t records = desk.audit_trail().size();
    bool ok = false;
    switch (pick(12)) {
      case 0: {
        const kexie::OrgId where = pick(4) == 0 ? w.ent_nb : w.ent;
        ok = desk.submit(pick(2) == 0 ? project(who, where)
                                      : patent(who, where, kexie::PatentType::invention),
                         at)
                 .ok();
        break;
      }
      case 1:
        ok = desk.file(proposal(who, w.ent, static_cast<kexie::ProposalKind>(pick(4))), at).ok();
        break;
      case 2:
      case 3:
      case 4:
      case 5: {
        const kexie::ServiceRequestId id{
            static_cast<std::uint32_t>(pick(desk.request_count() + 2))};
        const ROp op = static_cast<ROp>(1 + pick(7));
        if (op == ROp::forward)
          ok = desk.forward(id, who, at, "国家知识产权局",
                            pick(2) == 0 ? "201710601862.3" : "201710601862.4")
                   .ok();
        else
          ok = desk.apply(id, who, at, op, pick(3) == 0 ? "" : "理由").ok();
        break;
      }
      default: {
        const kexie::ProposalId id{static_cast<std::uint32_t>(pick(desk.proposal_count() + 2))};
        switch (pick(4)) {
          case 0:
            ok = desk.acknowledge(id, who, at).ok();
            break;
          case 1:
            ok = desk.answer(id, who, at, pick(3) == 0 ? "" : "答复").ok();
            break;
          case 2:
            ok = desk.adopt(id, who, at).ok();
            break;
          default:
            ok = desk.decline(id, who, at, pick(3) == 0 ? "" : "理由").ok();
            break;
        }
        break;
      }
    }
    ASSERT_EQ(desk.audit_trail().size(), records + 1) << "step " << step;
    ASSERT_EQ(desk.audit_trail().back().accepted(), ok) << "step " << step;
    if (ok) {
      ++performed;
    } else {
      ++refused;
      ASSERT_EQ(desk.digest(), before) << "step " << step << ": " << desk.audit_trail().back();
    }
    if (step % 50 == 0) {
      ASSERT_TRUE(desk.verify_audit().ok()) << "step " << step;
    }
  }
  EXPECT_TRUE(desk.verify_audit().ok());
  // The walk exercised both outcomes.
  EXPECT_GT(performed, 60u);
  EXPECT_GT(refused, 60u);
  // Replaying every performed record reaches each request's and proposal's state.
  std::vector<std::string> req(desk.request_count() + 1), prop(desk.proposal_count() + 1);
  for (const kexie::ServiceRecord& r : desk.audit_trail()) {
    if (!r.accepted()) continue;
    auto& state = r.subject == kexie::ServiceCase::request ? req : prop;
    ASSERT_EQ(state[r.number], r.from) << r;
    state[r.number] = r.to;
  }
  for (std::size_t i = 1; i < req.size(); ++i)
    EXPECT_EQ(req[i],
              kexie::to_string(
                  desk.request(kexie::ServiceRequestId{static_cast<std::uint32_t>(i)})->state));
  for (std::size_t i = 1; i < prop.size(); ++i)
    EXPECT_EQ(prop[i], kexie::to_string(
                           desk.proposal(kexie::ProposalId{static_cast<std::uint32_t>(i)})->state));
}
