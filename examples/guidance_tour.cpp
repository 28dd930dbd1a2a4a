// A city association (杭州市科协) guides the enterprise associations of its area
// through a year (DOMAIN.md §6, A11, A13–A15):
//   1. enterprises are facts, with or without an association (credit codes checked);
//   2. two preparatory groups apply (筹建) and the city founds (成立) two associations,
//      one of them taking over from the union (工会) that acted for its enterprise;
//   3. coverage of the area before and after;
//   4. the yearly evaluation (考核评价): a rubric mixing the panel's marks with figures
//      computed from the registry and the activity book, each explained;
//   5. the best association is named exemplary (先进企业科协);
//   6. the associations whose secretary-general needs training (A15).
// Every refusal is a value: the program stops with a message if a step is refused.
#include <iostream>
#include <string>
#include <vector>

#include "kexie/kexie.hpp"
#include "kexie/literals.hpp"

using namespace kexie::literals;

namespace {

template <class T>
T must(kexie::Result<T> r, const char* what) {
  if (!r) {
    std::cerr << what << ": " << r.error() << '\n';
    std::exit(1);
  }
  return std::move(*r);
}

void must(const kexie::Status& s, const char* what) {
  if (!s) {
    std::cerr << what << ": " << s.error() << '\n';
    std::exit(1);
  }
}

kexie::Timestamp at(const char* text) { return kexie::Timestamp::parse(text).value(); }

}  // namespace

int main() {
  using kexie::OrgKind;
  using kexie::Period;
  kexie::Registry reg;
  const auto cast =
      must(reg.add_organization(
               {.kind = OrgKind::national, .name = "中国科协", .effective = "1958-09-18"_date}),
           "CAST");
  const auto province = must(reg.add_organization({.kind = OrgKind::local,
                                                   .name = "浙江省科协",
                                                   .parent = cast,
                                                   .effective = "1958-10-01"_date,
                                                   .level = kexie::LocalLevel::provincial}),
                             "province");
  const auto city = must(reg.add_organization({.kind = OrgKind::local,
                                               .name = "杭州市科协",
                                               .parent = province,
                                               .effective = "1958-11-01"_date,
                                               .level = kexie::LocalLevel::sub_provincial}),
                         "city");
  const auto union_org = must(reg.add_organization({.kind = OrgKind::proxy,
                                                    .name = "某机器人工会",
                                                    .parent = city,
                                                    .effective = "2016-01-01"_date}),
                              "union");
  // The city's chair decides foundings (an appointment, A14); experts of another
  // province judge the evaluation.
  const auto elsewhere = must(reg.add_organization({.kind = OrgKind::enterprise,
                                                    .name = "省外企业科协",
                                                    .parent = province,
                                                    .effective = "2000-01-01"_date,
                                                    .enterprise = {.enterprise_name = "省外企业"}}),
                              "elsewhere");
  auto person = [&](const char* name, kexie::OrgId employer, const char* key, const char* birth) {
    return must(reg.add_person({.name = name,
                                .birth = kexie::Date::parse(birth).value(),
                                .employer = employer,
                                .external_key = key}),
                "person");
  };
  const auto chair = person("陈主席", elsewhere, "C-1", "1968-02-01");
  must(reg.appoint({.person = chair,
                    .org = city,
                    .role = kexie::OfficerRole::chair,
                    .period = Period::from("2020-01-01"_date)}),
       "appoint");
  const auto judge1 = person("专家甲", elsewhere, "J-1", "1970-01-01");
  const auto judge2 = person("专家乙", elsewhere, "J-2", "1972-01-01");

  // 1. Enterprises of the city's area.
  std::cout << "GB 32100 check of 91350100M000100Y44: "
            << kexie::check_credit_code("91350100M000100Y44").error().message() << "\n";
  const auto turbine = must(kexie::add_enterprise(reg, {.name = "杭汽轮",
                                                        .credit_code = "914403001922038216",
                                                        .ownership = kexie::Ownership::state,
                                                        .industry = "C34",
                                                        .region = "330100",
                                                        .development_zone = true,
                                                        .local = city,
                                                        .registered = "1958-01-01"_date}),
                            "turbine");
  const auto robot = must(kexie::add_enterprise(reg, {.name = "某机器人",
                                                      .credit_code = "91440300708461136T",
                                                      .ownership = kexie::Ownership::private_,
                                                      .industry = "C39",
                                                      .region = "330108",
                                                      .high_tech_zone = true,
                                                      .new_economy = true,
                                                      .local = city,
                                                      .registered = "2015-03-01"_date}),
                          "robot");
  (void)must(kexie::add_enterprise(reg, {.name = "某软件",
                                         .credit_code = "91330100799655058B",
                                         .ownership = kexie::Ownership::foreign,
                                         .industry = "I65",
                                         .region = "330106",
                                         .local = city,
                                         .registered = "2012-01-01"_date}),
             "software");
  const auto zhang = person("张工", union_org, "T-1", "1985-05-01");
  must(kexie::employ(reg, zhang, turbine, Period::from("2008-07-01"_date)), "employ");
  const auto liu = person("刘会长", union_org, "R-1", "1990-03-01");
  must(kexie::employ(reg, liu, robot, Period::from("2016-01-01"_date)), "employ");
  const auto before = must(kexie::coverage(reg, city, "2024-12-31"_date), "coverage");

  // 2. Founding: two applications, two approvals (one hands over from the union).
  const auto f1 = must(
      kexie::apply_founding(
          reg, {.enterprise = turbine, .local = city, .name = "杭汽轮科协", .applicant = zhang},
          at("2025-01-10T09:00:00+08:00")),
      "apply 1");
  const auto f2 = must(kexie::apply_founding(reg,
                                             {.enterprise = robot,
                                              .local = city,
                                              .name = "某机器人科协",
                                              .applicant = liu,
                                              .proxy = union_org},
                                             at("2025-01-15T09:00:00+08:00")),
                       "apply 2");
  const auto refused = kexie::approve_founding(reg, f1, zhang, at("2025-02-01T09:00:00+08:00"),
                                               "2025-03-01"_date, "self-approval");
  std::cout << "the applicant approving: " << refused.error() << "\n";
  const auto kx1 = must(kexie::approve_founding(reg, f1, chair, at("2025-02-01T09:00:00+08:00"),
                                                "2025-03-01"_date, "条件具备"),
                        "approve 1");
  const auto kx2 = must(kexie::approve_founding(reg, f2, chair, at("2025-02-01T10:00:00+08:00"),
                                                "2025-04-01"_date, "工会移交"),
                        "approve 2");
  std::cout << "founded " << reg.organization(kx1)->name << " (" << kx1 << ") and "
            << reg.organization(kx2)->name << " (" << kx2 << "); the union hands over on "
            << kexie::handovers(reg)[0].on << "\n";
  for (const kexie::FoundingRecord& r : kexie::founding_trail(reg))
    std::cout << "  trail #" << r.sequence << ' ' << kexie::to_string(r.step) << ' '
              << kexie::to_string(r.from) << "->" << kexie::to_string(r.to) << " by " << r.actor
              << '\n';
  std::cout << "trail intact: " << kexie::verify_founding_trail(kexie::founding_trail(reg)).ok()
            << "\n";

  // 3. Coverage before and after.
  const auto change =
      must(kexie::coverage_change(reg, city, "2024-12-31"_date, "2025-12-31"_date), "change");
  std::cout << "coverage: " << before.total.with_association << " of " << before.total.enterprises
            << " enterprises → " << change.after.total.with_association << " of "
            << change.after.total.enterprises << " (" << change.after.total.workers_covered
            << " of " << change.after.total.workers << " S&T workers covered)\n";
  for (const kexie::CoverageGroup& g : change.after.groups)
    if (g.dimension == kexie::CoverageDimension::zone)
      std::cout << "  zone " << g.value << ": " << g.counts.with_association << '/'
                << g.counts.enterprises << '\n';

  // Members, a secretary-general with training, support and one activity.
  must(reg.add_membership(zhang, kx1, kexie::Role::member, Period::from("2025-03-01"_date)),
       "member");
  must(reg.add_membership(zhang, kx1, kexie::Role::secretary_general,
                          Period::from("2025-03-01"_date)),
       "sg");
  must(reg.add_membership(liu, kx2, kexie::Role::member, Period::from("2025-04-01"_date)),
       "member");
  must(reg.add_membership(liu, kx2, kexie::Role::chair, Period::from("2025-04-01"_date)), "chair");
  must(kexie::add_sg_training(
           reg, {.person = zhang, .date = "2025-06-20"_date, .hours = 16, .organizer = province}),
       "sg training");
  must(reg.add_training(zhang, 40, kexie::TrainingKind::professional, "2025-05-01"_date), "ce");
  must(kexie::record_support(reg, {.enterprise = turbine,
                                   .year = 2025,
                                   .full_time_staff = 1,
                                   .part_time_staff = 4,
                                   .budget_yuan = "200000"_dec,
                                   .facilities_m2 = "80"_dec}),
       "support");
  kexie::ActivityBook book{reg};
  const auto owner = kexie::actor_as_of(reg, zhang, "2025-05-01"_date).value();
  const kexie::ActivityPlan plan{
      .type = kexie::ActivityType::science_popularization,
      .title = "科普进车间",
      .organizer = kx1,
      .owner = kx1,
      .responsible = zhang,
      .planned = {"2025-05-01"_date, "2025-10-31"_date},
      .details = kexie::PopularizationDetails{kexie::PopularizationEvent::workshops_and_teams}};
  const auto a = must(book.create(owner, at("2025-05-01T09:00:00+08:00"), plan, "plan"), "create");
  must(book.submit(a, owner, at("2025-05-02T09:00:00+08:00"), "ready"), "submit");
  const auto approver = kexie::actor_as_of(reg, chair, "2025-05-03"_date).value();
  must(book.approve(a, approver, at("2025-05-03T09:00:00+08:00"), "立项"), "approve");
  must(book.start(a, owner, at("2025-05-04T09:00:00+08:00"), "实施"), "start");
  must(book.complete(a, owner, at("2025-10-30T09:00:00+08:00"), "done"), "complete");

  // 4. The yearly evaluation: one judged indicator, three objective ones.
  using kexie::IndicatorKind;
  const std::vector<kexie::IndicatorSpec> specs = {
      {.code = "A",
       .name = "工作成效",
       .kind = IndicatorKind::judged,
       .weight = "0.4"_dec,
       .scale = {kexie::Decimal(0), kexie::Decimal(100), kexie::Decimal(1)}},
      {.code = "B",
       .name = "活动开展",
       .kind = IndicatorKind::objective,
       .weight = "0.3"_dec,
       .objective = {.figure = {},
                     .tiers = {},
                     .floor = kexie::Decimal(40),
                     .per_unit = kexie::Decimal(60),
                     .cap = kexie::Decimal(100)}},
      {.code = "C",
       .name = "秘书长培训",
       .kind = IndicatorKind::objective,
       .weight = "0.1"_dec,
       .objective = {.figure = {},
                     .tiers = {{kexie::Decimal(1), kexie::Decimal(100)}},
                     .floor = kexie::Decimal(0)}},
      {.code = "D",
       .name = "经费保障",
       .kind = IndicatorKind::objective,
       .weight = "0.2"_dec,
       .objective = {.figure = {},
                     .tiers = {{kexie::Decimal(100000), kexie::Decimal(100)}},
                     .floor = kexie::Decimal(50)}}};
  auto evaluation = must(
      kexie::Evaluation::create(
          reg, {.guide = city,
                .year = 2025,
                .rubric = must(kexie::Rubric::build("2025 年度考核评价", specs), "rubric"),
                .figures = {{"B", kexie::EvaluationFigure::activities_completed, std::nullopt},
                            {"C", kexie::EvaluationFigure::secretary_general_trained, std::nullopt},
                            {"D", kexie::EvaluationFigure::support_budget_yuan, std::nullopt}}}),
      "evaluation");
  must(evaluation.add_judge(reg, judge1), "judge");
  must(evaluation.add_judge(reg, judge2), "judge");
  must(evaluation.mark(reg, judge1, kx1, "A", "88"_dec), "mark");
  must(evaluation.mark(reg, judge2, kx1, "A", "84"_dec), "mark");
  must(evaluation.mark(reg, judge1, kx2, "A", "80"_dec), "mark");
  must(evaluation.mark(reg, judge2, kx2, "A", "76"_dec), "mark");
  const auto results = must(evaluation.score(reg, book), "score");
  for (const kexie::EvaluationResult& r : results) {
    std::cout << '#' << r.rank << ' ' << reg.organization(r.association)->name << " total "
              << r.total << '\n';
    for (const kexie::FigureValue& f : r.figures) {
      std::cout << "    " << f.indicator << ' ' << kexie::to_string(f.figure) << " = " << f.value
                << " → " << f.indicator_value << '\n';
      for (const std::string& fact : f.facts) std::cout << "      " << fact << '\n';
    }
  }

  // 5. The best one becomes 先进企业科协 for 2026.
  const auto named =
      must(evaluation.name_exemplary(reg, results, 1, "80"_dec, chair, "2025 年度考核评价"),
           "exemplary");
  for (kexie::OrgId o : named)
    std::cout << "先进企业科协 2026: " << reg.organization(o)->name
              << " (honours: " << reg.honours_of(o).size() << ")\n";

  // 6. Secretaries-general to train (default: at least once every two years).
  for (const kexie::Date day : {"2025-12-31"_date, "2027-07-01"_date})
    for (const kexie::SgStatus& s : must(kexie::sg_out_of_date(reg, city, day), "sg report"))
      std::cout << day << ": " << reg.organization(s.association)->name << " — "
                << kexie::to_string(s.gap) << '\n';
  std::cout << "registry digest " << reg.digest() << '\n';
  return 0;
}
