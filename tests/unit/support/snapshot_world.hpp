// Content for the snapshot tests, the kill-test child and the fuzz seed
// generator, reproducible from a seed: campaign_world.hpp's association world
// grown by a std::mt19937_64 (organizations of every kind with moves,
// dissolutions and exemplary awards; people with external keys, titles and
// disciplines; memberships with roles, some of them ended; expert listings,
// cooperation links and training), an activity book whose audit trail holds
// performed operations and refused ones (security events), and a campaign with
// a rubric, judges, marks and a veto. Every call uses the public API and must
// succeed, so the content is valid by construction.
#ifndef KEXIE_TESTS_SNAPSHOT_WORLD_HPP
#define KEXIE_TESTS_SNAPSHOT_WORLD_HPP

#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "kexie/guidance.hpp"
#include "kexie/service_desk.hpp"
#include "kexie/snapshot.hpp"
#include "support/campaign_world.hpp"

namespace kexie_test {

/// A registry with the activity book and campaign bound to it. Held by pointers
/// because the book and the campaign keep the registry's address.
struct SnapshotContent {
  std::unique_ptr<World> world;
  std::unique_ptr<kexie::ActivityBook> book;
  std::unique_ptr<kexie::Campaign> campaign;
  std::vector<kexie::ActivityId> activities;
  std::unique_ptr<kexie::ServiceDesk> desk;  // add_service_desk

  [[nodiscard]] kexie::SnapshotView view() const {
    kexie::SnapshotView v(world->registry);
    v.add(*book).add(*campaign);
    if (desk) v.add(*desk);
    return v;
  }
};

/// A uniformly drawn integer in [lo, hi].
inline int draw(std::mt19937_64& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}
inline bool chance(std::mt19937_64& rng, double p) { return std::bernoulli_distribution(p)(rng); }

/// Adds organizations and `people` people with their memberships, expert
/// listings, links and training to `w`, leaving campaign_world's own people
/// untouched (the campaign's conflicts of interest depend on them).
inline void grow_registry(World& w, std::mt19937_64& rng, int people) {
  using kexie::LocalLevel;
  using kexie::OrgId;
  using kexie::OrgKind;
  using kexie::Period;
  using kexie::Role;
  kexie::Registry& reg = w.registry;
  auto org = [&](OrgKind kind, std::string name, OrgId parent, kexie::Date from,
                 LocalLevel level = LocalLevel::none) {
    kexie::OrgSpec spec;
    spec.kind = kind;
    spec.name = std::move(name);
    spec.parent = parent;
    spec.effective = from;
    spec.level = level;
    if (kind == OrgKind::enterprise) {
      spec.enterprise.enterprise_name = spec.name + " 股份";
      spec.enterprise.ownership = static_cast<kexie::Ownership>(draw(rng, 0, 4));
      spec.enterprise.industry = chance(rng, 0.5) ? "steel" : "";
      spec.enterprise.region = chance(rng, 0.5) ? "330100" : "";
      spec.enterprise.high_tech_zone = chance(rng, 0.3);
      spec.enterprise.development_zone = chance(rng, 0.3);
      if (chance(rng, 0.5)) spec.enterprise.founded = from.add_days(-draw(rng, 0, 9000));
    }
    return reg.add_organization(spec).value();
  };
  const kexie::Date y2000 = "2000-01-01"_date;

  const OrgId province2 =
      org(OrgKind::local, "江苏省科协", w.cast, "1958-10-01"_date, LocalLevel::provincial);
  const OrgId county =
      org(OrgKind::local, "余杭区科协", w.city, "1990-01-01"_date, LocalLevel::county);
  const std::vector<OrgId> locals = {w.city, county, province2};
  (void)org(OrgKind::committee, "专门委员会", w.cast, "1990-01-01"_date);
  const OrgId proxy = org(OrgKind::proxy, "某厂工会", county, "1995-01-01"_date);
  std::vector<OrgId> societies, partners;
  for (int i = draw(rng, 1, 3); i > 0; --i)
    societies.push_back(
        org(OrgKind::society, "学会" + std::to_string(i), w.cast, "1980-01-01"_date));
  for (int i = draw(rng, 1, 3); i > 0; --i)
    partners.push_back(org(OrgKind::partner, "大学" + std::to_string(i), {}, "1950-01-01"_date));

  // Enterprise associations, each with a branch holding a study group.
  std::vector<OrgId> ents, branches;
  for (int e = draw(rng, 2, 5); e > 0; --e) {
    const kexie::Date from = y2000.add_days(draw(rng, 0, 1000));
    const OrgId local = locals[static_cast<std::size_t>(draw(rng, 0, 2))];
    const OrgId ent = org(OrgKind::enterprise, "企业科协 R" + std::to_string(e), local, from);
    const OrgId branch = org(OrgKind::branch, "分会 R" + std::to_string(e), ent, from.add_days(1));
    (void)org(OrgKind::study_group, "学组 R" + std::to_string(e), branch, from.add_days(2));
    ents.push_back(ent);
    branches.push_back(branch);
    if (chance(rng, 0.5))
      reg.award_exemplary(ent, {"2021-01-01"_date, "2021-12-31"_date}, local, "2020 年度考核评价")
          .value();
  }
  // Moves: an enterprise to another local association, a study group up from its
  // branch, and a spare branch to another enterprise (then dissolved).
  const OrgId moved = ents.front();
  const OrgId moved_to =
      reg.parent(moved, "2010-01-01"_date).value() == province2 ? w.city : province2;
  reg.move(moved, moved_to, "2015-06-01"_date).value();
  const OrgId group = org(OrgKind::study_group, "临时学组", branches.back(), "2005-01-01"_date);
  reg.move(group, ents.back(), "2018-01-01"_date).value();
  const OrgId spare = org(OrgKind::branch, "备用分会", ents.front(), "2006-01-01"_date);
  reg.move(spare, ents.back(), "2016-03-01"_date).value();
  reg.dissolve(spare, "2022-12-31"_date).value();
  const OrgId closed = org(OrgKind::enterprise, "已撤销企业科协", w.city, "2001-01-01"_date);
  reg.dissolve(closed, "2019-06-30"_date).value();
  const OrgId brief = org(OrgKind::study_group, "短期学组", ents.back(), "2005-01-01"_date);
  reg.dissolve(brief, "2012-12-31"_date).value();

  const char* disciplines[] = {"", "metallurgy", "cryogenics", "mechanics", "chemistry", "电气"};
  std::vector<bool> has_secretary(ents.size(), false);
  const std::uint64_t tag = rng();
  for (int i = 0; i < people; ++i) {
    const bool at_proxy = i % 50 == 49;  // the proxy has staff but no members
    const std::size_t e = static_cast<std::size_t>(draw(rng, 0, static_cast<int>(ents.size()) - 1));
    kexie::PersonSpec spec;
    spec.name = "人员" + std::to_string(i);
    spec.birth = "1960-01-01"_date.add_days(draw(rng, 0, 14600));
    spec.employer = at_proxy ? proxy : ents[e];
    spec.external_key = "K" + std::to_string(tag % 1000) + "-" + std::to_string(i);
    spec.title = static_cast<kexie::Title>(draw(rng, 0, 4));
    spec.discipline = disciplines[draw(rng, 0, 5)];
    const kexie::PersonId p = reg.add_person(spec).value();
    if (!at_proxy) {
      const kexie::Date from = "2005-01-01"_date.add_days(draw(rng, 0, 5000));
      const auto m = reg.add_membership(p, ents[e], Role::member, Period::from(from)).value();
      std::optional<kexie::MembershipId> in_branch;
      if (chance(rng, 0.3))
        in_branch = reg.add_membership(p, branches[e], Role::member,
                                       Period::from(from.add_days(draw(rng, 0, 400))))
                        .value();
      if (!has_secretary[e]) {
        has_secretary[e] = true;
        reg.add_membership(p, ents[e], Role::secretary_general, Period::from(from)).value();
      }
      if (chance(rng, 0.2)) {  // left: the branch first, nested memberships rely on it
        const kexie::Date last = from.add_days(draw(rng, 400, 3000));
        if (in_branch) reg.end_membership(*in_branch, last).value();
        reg.end_membership(m, last).value();
      }
    }
    if (chance(rng, 0.1)) {
      const auto s =
          reg.add_membership(p, societies[static_cast<std::size_t>(i) % societies.size()],
                             Role::member,
                             Period::from("2010-01-01"_date.add_days(draw(rng, 0, 3000))))
              .value();
      if (chance(rng, 0.3)) reg.end_membership(s, "2024-12-31"_date).value();
    }
    if (chance(rng, 0.05)) {
      const OrgId pool = chance(rng, 0.5) ? w.province : societies.front();
      const auto x = reg.add_expert(p, pool, {"energy saving", disciplines[draw(rng, 1, 5)]},
                                    Period::from("2020-01-01"_date.add_days(draw(rng, 0, 1500))))
                         .value();
      if (chance(rng, 0.3)) reg.end_expert(x, "2025-06-30"_date).value();
    }
    for (int t = draw(rng, 0, 2); t > 0; --t)
      reg.add_training(p, draw(rng, 1, 40), static_cast<kexie::TrainingKind>(draw(rng, 0, 1)),
                       "2023-01-01"_date.add_days(draw(rng, 0, 1000)))
          .value();
  }
  for (std::size_t e = 0; e < ents.size(); ++e) {
    if (chance(rng, 0.6)) {
      const auto l = reg.add_link(ents[e], partners[e % partners.size()],
                                  Period::from("2015-01-01"_date.add_days(draw(rng, 0, 2000))))
                         .value();
      if (chance(rng, 0.4)) reg.end_link(l, "2025-08-31"_date).value();
    }
    if (chance(rng, 0.4))
      reg.add_link(ents[e], societies[e % societies.size()], Period::from("2016-01-01"_date))
          .value();
  }
}

/// Minute `n` after 2025-03-01T00:00:00Z.
inline kexie::Timestamp minute(std::int64_t n) {
  return kexie::Timestamp::parse("2025-03-01T00:00:00Z").value().add_micros(n * 60'000'000);
}

/// The operations from draft to `target` (the paths of lifecycle_fixture.hpp).
inline std::vector<kexie::ActivityOperation> path_to(kexie::ActivityState target) {
  using Op = kexie::ActivityOperation;
  using S = kexie::ActivityState;
  const std::vector<Op> full = {Op::submit,          Op::approve,  Op::start,  Op::complete,
                                Op::open_evaluation, Op::conclude, Op::commend};
  auto head = [&](std::size_t n) {
    return std::vector<Op>(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n));
  };
  switch (target) {
    case S::draft:
      return {};
    case S::submitted:
      return head(1);
    case S::withdrawn:
      return {Op::withdraw};
    case S::rejected:
      return {Op::submit, Op::reject};
    case S::approved:
      return head(2);
    case S::in_progress:
      return head(3);
    case S::suspended:
      return {Op::submit, Op::approve, Op::start, Op::suspend};
    case S::terminated:
      return {Op::submit, Op::approve, Op::start, Op::terminate};
    case S::completed:
      return head(4);
    case S::under_evaluation:
      return head(5);
    case S::evaluated:
      return head(6);
    case S::commended:
      return head(7);
    case S::archived: {
      auto p = head(6);
      p.push_back(Op::archive);
      return p;
    }
  }
  return {};
}

/// A book on `w` with `count` activities driven to random states. Before some
/// steps an outsider or the responsible person attempts what they may not (the
/// refusals are security events in the trail); some activities file progress.
inline std::unique_ptr<kexie::ActivityBook> make_book(const World& w, std::mt19937_64& rng,
                                                      int count,
                                                      std::vector<kexie::ActivityId>& ids) {
  using Op = kexie::ActivityOperation;
  using kexie::Role;
  // The boss below asserts roles the registry does not back: opt in (issue 13).
  auto policy = kexie::LifecyclePolicy::standard();
  policy.allow_asserted_roles = true;
  auto book = std::make_unique<kexie::ActivityBook>(w.registry, std::move(policy));
  const kexie::OrgId organizer = w.enterprises[0];
  const kexie::Actor owner{w.staff[0][0]};
  const kexie::Actor outsider{w.staff[2][0]};
  const kexie::Actor boss = kexie::Actor{
      kexie::PersonId{999'999},
      {{Role::chair, organizer},
       {Role::vice_chair, organizer},
       {Role::secretary_general, organizer},
       {Role::full_time_staff,
        organizer}}}.with_expert_pool(organizer);
  kexie::ActivityPlan plan;
  plan.type = kexie::ActivityType::jiangbi_campaign;
  plan.organizer = organizer;
  plan.owner = w.branches[0];
  plan.responsible = w.staff[0][0];
  plan.team = {w.staff[0][1]};
  plan.planned = {"2025-03-01"_date, "2025-11-30"_date};
  std::int64_t clock = 1;
  for (int a = 0; a < count; ++a) {
    plan.title = "节能降耗讲比 " + std::to_string(a);
    const kexie::ActivityId id = book->create(owner, minute(++clock), plan, "plan").value();
    ids.push_back(id);
    const auto path = path_to(static_cast<kexie::ActivityState>(draw(rng, 0, 12)));
    for (Op op : path) {
      if (chance(rng, 0.25))  // refused for want of a role: a security event
        (void)book->apply(id, outsider, minute(++clock), Op::approve, "let me");
      if (op == Op::approve && chance(rng, 0.5))  // approving one's own: conflict of interest
        (void)book->apply(id, owner, minute(++clock), Op::approve, "mine");
      const bool by_owner = op == Op::submit || op == Op::withdraw || op == Op::start ||
                            op == Op::complete || op == Op::suspend || op == Op::resume;
      const kexie::Actor& actor = by_owner ? owner : boss;
      if (op == Op::conclude) {
        const bool commend = path.back() == Op::commend;
        book->conclude(id, actor, minute(++clock), kexie::Decimal(commend ? 95 : draw(rng, 40, 99)),
                       "panel")
            .value();
      } else {
        book->apply(id, actor, minute(++clock), op, "step").value();
      }
      if (op == Op::start && chance(rng, 0.5))
        book->report_progress(id, owner, minute(++clock), draw(rng, 1, 99), "进展 progress")
            .value();
    }
  }
  return book;
}

/// A half-step mark in [40, 100].
inline kexie::Decimal random_mark(std::mt19937_64& rng) {
  const int halves = draw(rng, 80, 200);
  return kexie::Decimal::parse(std::to_string(halves / 2) + (halves % 2 ? ".5" : "")).value();
}

/// A campaign on `w` with `entries` entries (at most 12), five judges assigned to
/// each, most marks given, some bonuses and a veto on the first entry.
inline std::unique_ptr<kexie::Campaign> make_campaign(const World& w, std::mt19937_64& rng,
                                                      int entries) {
  auto c = std::make_unique<kexie::Campaign>(w.registry, proposal_spec(w));
  c->set_rubric(kexie::Category::rationalization_proposals, proposal_rubric()).value();
  std::vector<kexie::JudgeId> judges;
  for (int k = 0; k < 5; ++k) judges.push_back(c->add_judge(w.experts[std::size_t(k)]).value());
  const char* benefits[] = {"0", "150000", "600000"};
  for (int i = 0; i < entries; ++i) {
    const kexie::EntryId id = c->add_entry(proposal(w, "P-" + std::to_string(100 + i), i % 2,
                                                    (i / 2) % 6, benefits[draw(rng, 0, 2)]))
                                  .value();
    for (kexie::JudgeId j : judges) {
      c->assign(j, id).value();
      if (chance(rng, 0.9)) c->mark(j, id, "A.1", random_mark(rng)).value();
      if (chance(rng, 0.9)) c->mark(j, id, "A.2", random_mark(rng)).value();
      if (chance(rng, 0.2)) c->mark(j, id, "bonus", kexie::Decimal(draw(rng, 0, 10))).value();
    }
    if (i == 0) c->veto(judges[0], id, "veto", "数据造假 falsified data").value();
  }
  return c;
}

/// The whole content for `seed`.
inline SnapshotContent make_content(std::uint64_t seed, int people, int activities, int entries) {
  std::mt19937_64 rng(seed);
  SnapshotContent s;
  s.world = std::make_unique<World>();
  grow_registry(*s.world, rng, people);
  s.book = make_book(*s.world, rng, activities, s.activities);
  s.campaign = make_campaign(*s.world, rng, entries);
  return s;
}

/// The facts of snapshot format 2 (issue 13) added to a content: officers of the
/// province and the city, an honour of each kind, and one book operation under
/// an asserted role (the book of make_book opts in) and one under a backed one.
inline void add_format2_facts(SnapshotContent& s) {
  using kexie::HonourKind;
  using kexie::OfficerRole;
  using kexie::Period;
  World& w = *s.world;
  kexie::Registry& reg = w.registry;
  const kexie::PersonId chair = w.staff[1][1], sg = w.staff[1][0];
  reg.appoint({.person = chair, .org = w.province, .role = OfficerRole::chair,
               .period = Period::from("2020-01-01"_date)})
      .value();
  const kexie::AppointmentId ended =
      reg.appoint({.person = sg, .org = w.city, .role = OfficerRole::secretary_general,
                   .period = Period::from("2019-01-01"_date)})
          .value();
  reg.end_appointment(ended, "2025-12-31"_date).value();
  reg.award_exemplary(w.enterprises[0], {"2025-01-01"_date, "2025-12-31"_date}, w.city,
                      "2024 年度考核评价")
      .value();
  const std::vector<kexie::HonourSpec> honours{
      {.kind = HonourKind::awarded_entry, .person = w.staff[2][0],
       .organization = w.enterprises[2], .grantor = w.province, .title = "一等奖",
       .basis = "P-01", .activity = kexie::ActivityId{1}, .date = "2025-12-20"_date},
      {.kind = HonourKind::advanced_unit, .organization = w.enterprises[1],
       .grantor = w.province, .title = "先进单位", .basis = "2025 讲比",
       .activity = kexie::ActivityId{1}, .date = "2025-12-20"_date},
      {.kind = HonourKind::advanced_individual, .person = w.staff[1][1],
       .grantor = w.province, .title = "先进个人", .basis = "2025 讲比",
       .date = "2025-12-20"_date},
      {.kind = HonourKind::other_scheme, .person = w.staff[0][1], .grantor = w.cast,
       .title = "全国优秀科技工作者", .basis = "2024 评选", .date = "2024-05-30"_date}};
  reg.record_honours(honours).value();
  // One plan created by a backed officer, one by the owner with an asserted role.
  const kexie::Actor backed = kexie::actor_as_of(reg, chair, "2026-01-10"_date).value();
  const kexie::Actor asserted = kexie::Actor{w.staff[0][0], {{kexie::Role::chair, w.cast}}};
  const kexie::ActivityPlan plan{.type = kexie::ActivityType::academic_exchange,
                                 .title = "2026 学术年会",
                                 .organizer = w.province,
                                 .owner = w.enterprises[0],
                                 .responsible = w.staff[0][0],
                                 .planned = {"2026-02-01"_date, "2026-03-31"_date}};
  const auto at = kexie::Timestamp::parse("2026-01-10T09:00:00Z").value();
  const auto id = s.book->create(kexie::Actor{w.staff[0][0]}, at, plan, "plan").value();
  s.book->submit(id, asserted, at.add_micros(60'000'000), "asserted role").value();
  s.book->approve(id, backed, at.add_micros(120'000'000), "立项").value();
  s.activities.push_back(id);
}

/// The facts of snapshot format 3 (issue 19) added to a content that has the
/// format 2 facts (the city's secretary-general decides until 2025-12-31):
/// enterprises with and without an association, employment, a support record, one
/// founding approved (with a proxy's hand-over) and one refused, a
/// secretary-general's training and a non-default training interval.
inline void add_format3_facts(SnapshotContent& s) {
  using kexie::Period;
  World& w = *s.world;
  kexie::Registry& reg = w.registry;
  const kexie::PersonId decider = w.staff[1][0];  // the city's secretary-general (format 2)
  const kexie::EnterpriseId tied =
      kexie::add_enterprise(reg, {.name = "杭钢股份", .credit_code = "91350100M000100Y43",
                                  .ownership = kexie::Ownership::state, .industry = "C31",
                                  .region = "330100", .development_zone = true,
                                  .local = w.city, .registered = "1957-01-01"_date})
          .value();
  kexie::attach_association(reg, tied, w.enterprises[0], "2001-01-01"_date).value();
  const kexie::EnterpriseId founded =
      kexie::add_enterprise(reg, {.name = "某机器人", .credit_code = "91440300708461136T",
                                  .ownership = kexie::Ownership::private_, .industry = "C39",
                                  .region = "330108", .high_tech_zone = true,
                                  .new_economy = true, .local = w.city,
                                  .registered = "2015-03-01"_date})
          .value();
  const kexie::EnterpriseId refused =
      kexie::add_enterprise(reg, {.name = "某软件", .credit_code = "91330100799655058B",
                                  .ownership = kexie::Ownership::foreign, .industry = "I65",
                                  .region = "330106", .local = w.city,
                                  .registered = "2012-01-01"_date})
          .value();
  kexie::close_enterprise(reg, refused, "2030-12-31"_date).value();
  const kexie::OrgId proxy = reg.add_organization({.kind = kexie::OrgKind::proxy,
                                                   .name = "某机器人工会",
                                                   .parent = w.city,
                                                   .effective = "2016-01-01"_date})
                                 .value();
  const kexie::PersonId unionist =
      reg.add_person({.name = "工会主席", .birth = "1980-05-01"_date, .employer = proxy,
                      .external_key = "G-1"})
          .value();
  const kexie::PersonId engineer =
      reg.add_person({.name = "软件工程师", .birth = "1992-05-01"_date, .employer = proxy,
                      .external_key = "G-2"})
          .value();
  kexie::employ(reg, engineer, refused, {"2020-01-01"_date, "2030-12-31"_date}).value();
  kexie::employ(reg, w.staff[0][0], tied, Period::from("2010-01-01"_date)).value();
  kexie::record_support(reg, {.enterprise = tied, .year = 2025, .full_time_staff = 2,
                              .part_time_staff = 5, .budget_yuan = "300000"_dec,
                              .facilities_m2 = "120.5"_dec})
      .value();
  const auto at = [](const char* t) { return kexie::Timestamp::parse(t).value(); };
  const kexie::FoundingId f =
      kexie::apply_founding(reg, {.enterprise = founded, .local = w.city, .name = "某机器人科协",
                                  .applicant = unionist, .proxy = proxy},
                            at("2025-03-01T09:00:00Z"))
          .value();
  const kexie::OrgId kx = kexie::approve_founding(reg, f, decider, at("2025-04-01T09:00:00Z"),
                                                  "2025-06-01"_date, "条件具备")
                              .value();
  const kexie::FoundingId g =
      kexie::apply_founding(reg, {.enterprise = refused, .local = w.city, .name = "某软件科协",
                                  .applicant = engineer},
                            at("2025-05-01T09:00:00Z"))
          .value();
  kexie::refuse_founding(reg, g, decider, at("2025-05-20T09:00:00Z"), "会员不足").value();
  const kexie::PersonId sg =
      reg.add_person({.name = "新秘书长", .birth = "1988-01-01"_date, .employer = kx,
                      .external_key = "G-3"})
          .value();
  reg.add_membership(sg, kx, kexie::Role::member, Period::from("2025-06-01"_date)).value();
  reg.add_membership(sg, kx, kexie::Role::secretary_general, Period::from("2025-06-01"_date))
      .value();
  kexie::add_sg_training(reg, {.person = sg, .date = "2025-09-01"_date, .hours = 16,
                               .organizer = w.city})
      .value();
  kexie::set_guidance_policy(reg, {.sg_training_months = 30}).value();
}

/// State `k` of the kill test: a registry with one enterprise association and `k`
/// people. The child saves these states in turn; the parent recomputes them.
inline kexie::Registry kill_state(int k) {
  using kexie::OrgKind;
  kexie::Registry reg;
  kexie::OrgSpec spec;
  spec.kind = OrgKind::national;
  spec.name = "中国科协";
  spec.effective = "1958-09-18"_date;
  const kexie::OrgId cast = reg.add_organization(spec).value();
  spec.kind = OrgKind::local;
  spec.name = "浙江省科协";
  spec.parent = cast;
  spec.level = kexie::LocalLevel::provincial;
  const kexie::OrgId province = reg.add_organization(spec).value();
  spec.kind = OrgKind::enterprise;
  spec.name = "杭钢科协";
  spec.parent = province;
  spec.level = kexie::LocalLevel::none;
  spec.enterprise.enterprise_name = "杭钢";
  const kexie::OrgId ent = reg.add_organization(spec).value();
  for (int i = 0; i < k; ++i)
    reg.add_person({.name = "工人" + std::to_string(i),
                    .birth = "1970-01-01"_date.add_days(i * 37),
                    .employer = ent,
                    .external_key = "W" + std::to_string(i),
                    .discipline = "steel"})
        .value();
  return reg;
}

/// A service desk (issue 20) added to a content that has the format 2 facts (the
/// province's chair handles it): a project application granted, a patent request
/// declined, a suggestion answered.
inline void add_service_desk(SnapshotContent& s) {
  World& w = *s.world;
  const kexie::PersonId member = w.staff[0][0], chair = w.staff[1][1];
  s.desk = std::make_unique<kexie::ServiceDesk>(w.registry);
  kexie::ServiceDesk& d = *s.desk;
  const auto at = [](const char* t) { return kexie::Timestamp::parse(t).value(); };
  const kexie::ServiceRequestId granted =
      d.submit({.applicant = member, .association = w.enterprises[0], .title = "项目申报"},
               at("2026-03-02T09:00:00Z"))
          .value();
  d.accept(granted, chair, at("2026-03-03T09:00:00Z")).value();
  d.start(granted, chair, at("2026-03-04T09:00:00Z")).value();
  d.forward(granted, chair, at("2026-03-05T09:00:00Z"), "科技厅", "").value();
  d.grant(granted, chair, at("2026-04-01T09:00:00Z"), "").value();
  const kexie::ServiceRequestId declined =
      d.submit({.applicant = member, .association = w.enterprises[0],
                .kind = kexie::ServiceKind::patent_application, .title = "装置",
                .patent_type = kexie::PatentType::invention},
               at("2026-03-06T09:00:00Z"))
          .value();
  d.decline(declined, chair, at("2026-03-07T09:00:00Z"), "材料不全").value();
  const kexie::ProposalId p = d.file({.proposer = member, .association = w.enterprises[0],
                                      .title = "通勤", .text = "增开班车"},
                                     at("2026-03-08T09:00:00Z"))
                                  .value();
  d.acknowledge(p, chair, at("2026-03-09T09:00:00Z")).value();
  d.answer(p, chair, at("2026-03-10T09:00:00Z"), "采纳").value();
}

/// What a load gave: the registry's digest, or the error's code and message.
inline std::string verdict(const kexie::Result<kexie::Snapshot>& r) {
  if (r) return "loaded " + r->registry().digest();
  return std::string(kexie::to_string(r.code())) + ": " + r.error().message();
}

}  // namespace kexie_test

#endif  // KEXIE_TESTS_SNAPSHOT_WORLD_HPP
