// A tour of the activity lifecycle (立项 → 实施 → 评估 → 表彰): a "讲理想、比贡献"
// campaign of an enterprise association runs from draft to archive; on the way
// its responsible person, who is also the association's vice-chair, tries to
// approve it himself and is refused with an explanation; at the end the audit
// trail is printed and verified against the chain head kept aside.
#include <iostream>
#include <string>
#include <vector>

#include "kexie/activity.hpp"
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
  return registry.add_person({.name = name, .birth = "1980-01-01"_date, .employer = employer})
      .value();
}

void show(const char* step, const kexie::Status& s) {
  std::cout << step << ": " << (s ? std::string("ok") : s.error().to_string()) << '\n';
}

}  // namespace

int main() {
  using kexie::OrgKind;
  using kexie::Role;

  // The organization tree and the people, as the registry keeps them.
  kexie::Registry registry;
  const auto cast = add_org(registry, OrgKind::national, "中国科协", {});
  const auto province =
      add_org(registry, OrgKind::local, "浙江省科协", cast, kexie::LocalLevel::provincial);
  const auto city =
      add_org(registry, OrgKind::local, "杭州市科协", province, kexie::LocalLevel::prefecture);
  const auto ent = add_org(registry, OrgKind::enterprise, "杭钢科协", city);
  // The expert works elsewhere: nobody evaluates an activity of their own
  // enterprise association (A12, rule lifecycle.evaluator_conflict).
  const auto other = add_org(registry, OrgKind::enterprise, "杭氧科协", city);
  const auto branch = add_org(registry, OrgKind::branch, "轧钢分会", ent);
  const auto wang = add_person(registry, "王工", ent);
  const auto li = add_person(registry, "李工", ent);
  const auto zhao = add_person(registry, "赵秘书长", ent);
  const auto expert = add_person(registry, "陈专家", other);
  const bool enrolled =
      registry.add_membership(wang, ent, Role::vice_chair, kexie::Period::from("2020-01-01"_date))
          .ok() &&
      registry
          .add_membership(zhao, ent, Role::secretary_general,
                          kexie::Period::from("2020-01-01"_date))
          .ok() &&
      registry
          .add_expert(expert, province, {"energy saving"}, kexie::Period::from("2020-01-01"_date))
          .ok();
  if (!enrolled) return 1;

  // Actors as of the day: roles from memberships, the expert from the provincial pool.
  const kexie::Date today = "2025-03-01"_date;
  const kexie::Actor owner = kexie::actor_as_of(registry, wang, today).value();
  const kexie::Actor team = kexie::actor_as_of(registry, li, today).value();
  const kexie::Actor secretary = kexie::actor_as_of(registry, zhao, today).value();
  const kexie::Actor judge = kexie::actor_as_of(registry, expert, today).value();
  std::cout << "owner " << owner << ", secretary-general " << secretary << ", judge " << judge
            << "\n";
  // Officers of local associations are appointments (A14), so their roles are derived
  // too; a role nobody recorded is refused by the book (actor.unbacked_role).
  const auto officer = add_person(registry, "孙处长", ent);
  if (!registry.appoint({.person = officer, .org = province,
                         .role = kexie::OfficerRole::department_head,
                         .period = kexie::Period::from("2022-01-01"_date)}))
    return 1;
  std::cout << "provincial officer " << kexie::actor_as_of(registry, officer, today).value()
            << '\n';
  show("li claiming to chair CAST",
       kexie::backed_by_registry(registry, kexie::Actor{li, {{Role::chair, cast}}}, today));
  std::cout << '\n';

  kexie::ActivityBook book{registry};
  const kexie::ActivityPlan plan{.type = kexie::ActivityType::jiangbi_campaign,
                                 .title = "2025 节能降耗讲比",
                                 .organizer = ent,
                                 .owner = branch,
                                 .responsible = wang,
                                 .team = {li},
                                 .planned = {"2025-03-01"_date, "2025-11-30"_date}};

  const kexie::ActivityId id =
      book.create(owner, at("2025-03-01T09:00:00+08:00"), plan, "annual plan").value();
  show("submit", book.submit(id, owner, at("2025-03-02T09:00:00+08:00"), "ready for review"));

  // The vice-chair approving his own activity: the role is right, the person is not.
  const kexie::Timestamp t_approve = at("2025-03-05T10:00:00+08:00");
  // What a user interface would show for each button.
  const std::vector<kexie::TransitionCheck> checks =
      book.allowed_transitions(id, owner, t_approve).value();
  for (const kexie::TransitionCheck& c : checks)
    if (c.operation == kexie::ActivityOperation::approve)
      std::cout << "approve button for " << owner.person() << ": "
                << (c.allowed() ? "enabled" : "greyed out — " + c.refusal->message()) << '\n';
  show("self-approval", book.approve(id, owner, t_approve, "looks good to me"));

  show("approve (立项)", book.approve(id, secretary, t_approve, "立项 at the March meeting"));
  show("start (实施)", book.start(id, owner, at("2025-03-10T08:00:00+08:00"), "kick-off"));
  show("progress", book.report_progress(id, team, at("2025-06-30T17:00:00+08:00"), 45,
                                        "中期检查: two lines converted"));
  std::cout << "overdue on 2025-12-15 if still running: " << std::boolalpha
            << kexie::overdue(*book.find(id), "2025-12-15"_date) << '\n';
  show("complete", book.complete(id, owner, at("2025-11-20T17:00:00+08:00"), "final report"));
  show("open evaluation (评估)",
       book.open_evaluation(id, secretary, at("2025-11-25T09:00:00+08:00"), "panel convened"));
  auto grade = book.conclude(id, judge, at("2025-12-01T15:00:00+08:00"),
                             kexie::Decimal::parse("91.5").value(), "panel of five");
  std::cout << "conclude: " << (grade ? std::string(kexie::to_string(*grade)) : "refused") << '\n';
  show("commend (表彰)", book.commend(id, secretary, at("2025-12-20T10:00:00+08:00"), "先进集体"));
  show("archive", book.archive(id, secretary, at("2026-01-05T10:00:00+08:00"), "year closed"));
  std::cout << "state now: " << book.find(id)->state
            << ", state on 2025-07-01: " << book.state_at(id, at("2025-07-01T00:00:00Z")).value()
            << "\n\n";

  // The trail, the head an application keeps elsewhere, and the check.
  for (const kexie::AuditRecord& r : book.audit_trail()) std::cout << r << '\n';
  const std::string kept = book.chain_head().to_string();
  std::cout << "\nchain head kept aside: " << kept << '\n';
  const kexie::ChainHead head = kexie::ChainHead::parse(kept).value();
  const kexie::AuditVerification v = kexie::verify_audit(book.audit_trail(), head);
  std::cout << "trail verified: " << (v.ok() ? "intact" : v.message) << '\n';
  return v.ok() && book.find(id)->state == kexie::ActivityState::archived ? 0 : 1;
}
