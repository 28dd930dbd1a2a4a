// A small organization tree and people shared by the lifecycle tests:
//
//   CAST (national) ─ Zhejiang (provincial local) ─ Hangzhou (prefecture local)
//        │                                            ├─ Steelworks 科协 (enterprise)  ← organizer
//        │                                            │    └─ Rolling-mill branch      ← owner
//        │                                            └─ Other enterprise (unrelated)
//        └─ Metals society (society)
//
// The activity under test is organized by the enterprise association and
// owned by its branch; `responsible` runs it with `teammate`.
#ifndef KEXIE_TESTS_LIFECYCLE_FIXTURE_HPP
#define KEXIE_TESTS_LIFECYCLE_FIXTURE_HPP

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kexie/activity.hpp"
#include "kexie/literals.hpp"
#include "kexie/registry.hpp"

namespace kexie_test {

using namespace kexie::literals;

/// Minute `n` after 2025-03-01T00:00:00Z.
inline kexie::Timestamp t(std::int64_t n) {
  return kexie::Timestamp::parse("2025-03-01T00:00:00Z").value().add_micros(n * 60'000'000);
}

/// `policy` with `allow_asserted_roles` set: the lifecycle tests act through
/// asserted roles (the boss below is not in the registry), which the default
/// policy refuses since issue 13 (`actor.unbacked_role`). Tests of the registry
/// backing itself use the standard policy.
inline kexie::LifecyclePolicy asserted(
    kexie::LifecyclePolicy policy = kexie::LifecyclePolicy::standard()) {
  policy.allow_asserted_roles = true;
  return policy;
}

struct World {
  kexie::Registry registry;
  kexie::OrgId cast, province, city, enterprise, branch, other, society;
  kexie::PersonId responsible, teammate, outsider;

  World() {
    using kexie::OrgKind;
    auto org = [&](OrgKind kind, const char* name, kexie::OrgId parent, kexie::Date from,
                   kexie::LocalLevel level = kexie::LocalLevel::none) {
      return registry
          .add_organization(
              {.kind = kind,
               .name = name,
               .parent = parent,
               .effective = from,
               .level = level,
               .enterprise = {.enterprise_name = kind == OrgKind::enterprise ? name : ""}})
          .value();
    };
    cast = org(OrgKind::national, "中国科协", {}, "1958-09-18"_date);
    province =
        org(OrgKind::local, "浙江省科协", cast, "1960-01-01"_date, kexie::LocalLevel::provincial);
    city = org(OrgKind::local, "杭州市科协", province, "1970-01-01"_date,
               kexie::LocalLevel::prefecture);
    enterprise = org(OrgKind::enterprise, "杭钢科协", city, "2000-01-01"_date);
    branch = org(OrgKind::branch, "轧钢分会", enterprise, "2005-01-01"_date);
    other = org(OrgKind::enterprise, "other 科协", city, "2000-01-01"_date);
    society = org(OrgKind::society, "中国金属学会", cast, "1980-01-01"_date);
    auto person = [&](const char* name, const char* key) {
      return registry
          .add_person({.name = name,
                       .birth = "1985-01-01"_date,
                       .employer = enterprise,
                       .external_key = key})
          .value();
    };
    responsible = person("王工", "E-1");
    teammate = person("李工", "E-2");
    outsider = person("赵工", "E-3");
  }

  kexie::ActivityPlan plan() const {
    return {.type = kexie::ActivityType::jiangbi_campaign,
            .title = "2025 节能降耗讲比",
            .organizer = enterprise,
            .owner = branch,
            .responsible = responsible,
            .team = {teammate},
            .planned = {"2025-03-01"_date, "2025-11-30"_date}};
  }

  kexie::Actor owner() const { return kexie::Actor{responsible}; }
  kexie::Actor team() const { return kexie::Actor{teammate}; }
  /// An uninvolved person holding every role of the default table at the organizer.
  kexie::Actor boss() const {
    using kexie::Role;
    return kexie::Actor{kexie::PersonId{900},
                        {{Role::chair, enterprise},
                         {Role::vice_chair, enterprise},
                         {Role::secretary_general, enterprise},
                         {Role::full_time_staff, enterprise}}}
        .with_expert_pool(enterprise);
  }
};

/// Drives a fresh activity along `path` (operations performed by the owner or
/// the boss as the default table needs), one minute apart from minute 1.
/// Returns the id; `clock` is left at the last minute used.
inline kexie::ActivityId drive(kexie::ActivityBook& book, const World& w,
                               const std::vector<kexie::ActivityOperation>& path,
                               std::int64_t& clock) {
  using Op = kexie::ActivityOperation;
  kexie::ActivityId id = book.create(w.owner(), t(clock), w.plan(), "plan").value();
  for (Op op : path) {
    ++clock;
    const bool by_owner = op == Op::submit || op == Op::withdraw || op == Op::start ||
                          op == Op::complete || op == Op::suspend || op == Op::resume;
    const kexie::Actor actor = by_owner ? w.owner() : w.boss();
    if (op == Op::conclude) {
      EXPECT_TRUE(book.conclude(id, actor, t(clock), kexie::Decimal(95), "panel").ok());
    } else {
      kexie::Status s = book.apply(id, actor, t(clock), op, "step");
      EXPECT_TRUE(s.ok()) << kexie::to_string(op) << ": " << (s ? "" : s.error().to_string());
    }
  }
  return id;
}

/// The path from draft to each state.
inline std::vector<kexie::ActivityOperation> path_to(kexie::ActivityState s) {
  using Op = kexie::ActivityOperation;
  using S = kexie::ActivityState;
  switch (s) {
    case S::draft:
      return {};
    case S::submitted:
      return {Op::submit};
    case S::withdrawn:
      return {Op::withdraw};
    case S::rejected:
      return {Op::submit, Op::reject};
    case S::approved:
      return {Op::submit, Op::approve};
    case S::in_progress:
      return {Op::submit, Op::approve, Op::start};
    case S::suspended:
      return {Op::submit, Op::approve, Op::start, Op::suspend};
    case S::terminated:
      return {Op::submit, Op::approve, Op::start, Op::terminate};
    case S::completed:
      return {Op::submit, Op::approve, Op::start, Op::complete};
    case S::under_evaluation:
      return {Op::submit, Op::approve, Op::start, Op::complete, Op::open_evaluation};
    case S::evaluated:
      return {Op::submit, Op::approve, Op::start, Op::complete, Op::open_evaluation, Op::conclude};
    case S::commended:
      return {Op::submit,          Op::approve,  Op::start,  Op::complete,
              Op::open_evaluation, Op::conclude, Op::commend};
    case S::archived:
      return {Op::submit,          Op::approve,  Op::start,  Op::complete,
              Op::open_evaluation, Op::conclude, Op::archive};
  }
  return {};
}

}  // namespace kexie_test

#endif  // KEXIE_TESTS_LIFECYCLE_FIXTURE_HPP
