// Recommendation lists for outside programmes: the eligibility rules, explained.
#include "kexie/recommendation.hpp"

#include <algorithm>
#include <map>

#include "detail/conflict.hpp"
#include "kexie/registry.hpp"
#include "kexie/text.hpp"

namespace kexie {
inline namespace v1 {

namespace {
// A rule applied: the rule id and article come from the error it would be.
RuleCheck check(bool passed, const Error& e) {
  return RuleCheck{e.rule(), e.article(), passed, e.message()};
}

// The enterprise association a person belongs to on `on`: the employer when it is
// one, else the first membership in effect within one.
std::optional<OrgId> association_of(const Registry& reg, PersonId person, Date on) {
  Result<Person> p = reg.person(person);
  if (p && reg.policy().employer_tied_membership && reg.exists(p->employer, on) &&
      reg.kind(p->employer).value_or(OrgKind::partner) == OrgKind::enterprise)
    return p->employer;
  for (MembershipId m : reg.memberships_of(person)) {
    Result<Membership> ms = reg.membership(m);
    if (!ms || !ms->period.contains(on)) continue;
    if (std::optional<OrgId> ent = detail::enterprise_of(reg, ms->org, on)) return ent;
  }
  return std::nullopt;
}
}  // namespace

std::vector<PersonId> RecommendationList::recommended() const {
  std::vector<PersonId> out;
  for (const CandidateDecision& d : candidates)
    if (d.recommended) out.push_back(d.person);
  return out;
}

Result<RecommendationList> recommend(const Registry& registry, const Programme& programme,
                                     std::span<const PersonId> nominees, Date as_of) {
  if (Status st = check_text(programme.name, "programme name"); !st) return st.error();
  if (programme.name.empty() || !as_of.ok() || (programme.age_on && !programme.age_on->ok()) ||
      programme.education_years < 0 || programme.education_years > 50)
    return Error(ErrorCode::invalid_argument,
                 "a programme needs a name, supported dates and 0–50 years of continuing "
                 "education",
                 "recommend.programme");
  for (std::size_t i = 0; i < nominees.size(); ++i) {
    if (!registry.person(nominees[i]))
      return Error(ErrorCode::not_found,
                   "nominee " + std::to_string(i) + ": no " + to_string(nominees[i]),
                   "recommend.nominee");
    for (std::size_t j = 0; j < i; ++j)
      if (nominees[j] == nominees[i])
        return Error(ErrorCode::invalid_argument,
                     to_string(nominees[i]) + " is nominated twice (positions " +
                         std::to_string(j) + " and " + std::to_string(i) + ")",
                     "recommend.nominee");
  }
  RecommendationList list;
  list.programme = programme.name;
  list.as_of = as_of;
  const Date age_day = programme.age_on.value_or(as_of);
  std::map<OrgId, std::size_t> taken;
  for (PersonId person : nominees) {
    const Person p = registry.person(person).value();
    CandidateDecision d;
    d.person = person;
    const std::optional<OrgId> ent = association_of(registry, person, as_of);
    d.association = ent.value_or(OrgId{});
    d.checks.push_back(
        check(ent.has_value(),
              Error(ErrorCode::rule_violation,
                    ent ? "a member of the enterprise association " + to_string(*ent) + " on " +
                              as_of.to_string()
                        : "not a member of any enterprise association on " + as_of.to_string(),
                    "recommend.member", "A9")));
    if (programme.age_max >= 0) {
      const int age = age_on(p.birth, age_day);
      d.checks.push_back(
          check(age <= programme.age_max,
                Error(ErrorCode::rule_violation,
                      "age " + std::to_string(age) + (age <= programme.age_max ? " ≤ " : " > ") +
                          std::to_string(programme.age_max) + " on " + age_day.to_string(),
                      "recommend.age", "A9")));
    }
    if (programme.min_title != Title::none)
      d.checks.push_back(check(p.title >= programme.min_title,
                               Error(ErrorCode::rule_violation,
                                     "title " + std::string(to_string(p.title)) +
                                         (p.title >= programme.min_title ? " ≥ " : " < ") +
                                         std::string(to_string(programme.min_title)),
                                     "recommend.title", "A9")));
    if (programme.min_honours > 0) {
      std::size_t held = 0;
      std::string names;
      for (const Honour& h : registry.honours_of(person)) {
        if (h.date > as_of || (programme.honour_kind && h.kind != *programme.honour_kind)) continue;
        ++held;
        names += (names.empty() ? "" : ", ") + h.title + " (" + to_string(h.grantor) + ", " +
                 h.date.to_string() + ")";
      }
      d.checks.push_back(check(
          held >= programme.min_honours,
          Error(ErrorCode::rule_violation,
                std::to_string(held) + " honour(s)" +
                    (programme.honour_kind
                         ? " of kind " + std::string(to_string(*programme.honour_kind))
                         : std::string()) +
                    (held >= programme.min_honours ? " ≥ " : " < ") +
                    std::to_string(programme.min_honours) + (names.empty() ? "" : ": " + names),
                "recommend.honours", "A9")));
    }
    if (programme.education_years > 0) {
      std::string years;
      bool ok = true;
      for (int y = as_of.year() - programme.education_years; y < as_of.year(); ++y) {
        EducationStatus s = registry.continuing_education_status(person, y).value();
        ok = ok && s.compliant;
        years += (years.empty() ? "" : ", ") + std::to_string(y) + ": " + std::to_string(s.hours) +
                 " h" + (s.compliant ? " ✓" : " ✗");
      }
      d.checks.push_back(check(
          ok, Error(ErrorCode::rule_violation,
                    std::string(ok ? "compliant" : "not compliant") + " in each of the last " +
                        std::to_string(programme.education_years) + " years (" + years + ")",
                    "recommend.continuing_education", "A5")));
    }
    d.eligible =
        std::all_of(d.checks.begin(), d.checks.end(), [](const RuleCheck& c) { return c.passed; });
    if (programme.quota_per_association > 0 && ent) {
      std::size_t& n = taken[*ent];
      const bool within = !d.eligible || n < programme.quota_per_association;
      d.checks.push_back(check(
          within,
          Error(ErrorCode::rule_violation,
                d.eligible ? std::to_string(n) + " of " + to_string(*ent) + "'s quota of " +
                                 std::to_string(programme.quota_per_association) +
                                 " taken by the eligible nominees before"
                           : "not counted against " + to_string(*ent) + "'s quota (not eligible)",
                "recommend.quota", "A9")));
      if (d.eligible && within) ++n;
      d.recommended = d.eligible && within;
    } else {
      d.recommended = d.eligible;
    }
    for (const RuleCheck& c : d.checks)
      if (!c.passed) d.failed_rules.push_back(c.rule);
    list.candidates.push_back(std::move(d));
  }
  return list;
}

}  // namespace v1
}  // namespace kexie
