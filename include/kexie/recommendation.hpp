// Talent recommendation (A9: 举荐优秀人才): a recommendation list for a named
// outside programme (a talent or award programme such as a 青年人才托举工程), made
// from the registry with the programme's eligibility rules: an age line (**default**
// 35; some programmes 40), a lowest professional title, honours held (表彰奖励 the
// registry keeps, from campaigns and from other schemes: `Registry::record_honour`),
// continuing-education compliance (A5) and a quota per association. Every
// candidate's decision is explained rule by rule, and a rejected candidate's
// failed rules are listed.
#ifndef KEXIE_RECOMMENDATION_HPP
#define KEXIE_RECOMMENDATION_HPP

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kexie/date.hpp"
#include "kexie/export.hpp"
#include "kexie/ids.hpp"
#include "kexie/membership.hpp"
#include "kexie/person.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

class Registry;

/// A named outside programme and its eligibility rules. Each number is a
/// **default** of DOMAIN.md §7, configurable.
///
///   kexie::Programme p{.name = "省青年科技人才托举计划", .age_max = 35,
///                      .min_title = kexie::Title::intermediate, .min_honours = 1,
///                      .quota_per_association = 2};
struct Programme {
  /// The programme's name; not empty.
  std::string name;
  /// Candidates are at most this old on `age_on`. **default** 35 (CAST's line for
  /// young S&T workers); some programmes use 40. A negative value switches the rule off.
  int age_max = 35;
  /// The day ages are taken on; unset: the list's date.
  std::optional<Date> age_on;
  /// The lowest professional title a candidate holds. **default** none (no rule).
  Title min_title = Title::none;
  /// How many honours (表彰奖励) a candidate holds, dated on or before the list's
  /// date. **default** 0 (no rule).
  std::size_t min_honours = 0;
  /// Only honours of this kind count, when set (e.g. `other_scheme`).
  std::optional<HonourKind> honour_kind;
  /// Compliant continuing education (A5) in each of this many calendar years before
  /// the list's year. **default** 3; 0 switches the rule off.
  int education_years = 3;
  /// At most this many recommended per enterprise association, in nomination order.
  /// **default** 1; 0 means no quota.
  std::size_t quota_per_association = 1;
  /// Equal when every field is equal.
  friend bool operator==(const Programme&, const Programme&) = default;
};

/// One rule applied to one candidate.
///
///   for (const kexie::RuleCheck& c : decision.checks)
///     std::cout << (c.passed ? "✓ " : "✗ ") << c.rule << ": " << c.explanation << '\n';
struct RuleCheck {
  /// The rule id ("recommend.age", …; docs/error-handling.md).
  std::string rule;
  /// Its policy article.
  std::string article;
  /// True when the candidate passes it.
  bool passed = false;
  /// Why, with the figures ("age 33 ≤ 35 on 2026-06-30").
  std::string explanation;
  /// Equal when every field is equal.
  friend bool operator==(const RuleCheck&, const RuleCheck&) = default;
};

/// The decision on one nominee.
///
///   if (!d.recommended) for (const std::string& r : d.failed_rules) std::cout << r << ' ';
struct CandidateDecision {
  /// The nominee.
  PersonId person;
  /// The enterprise association whose quota the nominee counts against (unset when none).
  OrgId association;
  /// Passes every rule but the quota.
  bool eligible = false;
  /// On the list: eligible and within the quota.
  bool recommended = false;
  /// Every rule, in a fixed order: member, age, title, honours, continuing
  /// education, quota.
  std::vector<RuleCheck> checks;
  /// The ids of the rules failed (empty when recommended).
  std::vector<std::string> failed_rules;
  /// Equal when every field is equal.
  friend bool operator==(const CandidateDecision&, const CandidateDecision&) = default;
};

/// A recommendation list: every nominee's decision, in nomination order.
///
///   auto list = kexie::recommend(reg, programme, nominees, "2026-06-30"_date).value();
///   for (kexie::PersonId p : list.recommended()) std::cout << reg.person(p)->name << '\n';
struct RecommendationList {
  /// The programme's name.
  std::string programme;
  /// The day the list was made for.
  Date as_of;
  /// One decision per nominee, in nomination order.
  std::vector<CandidateDecision> candidates;
  /// The recommended nominees, in nomination order.
  /// \return the people of `candidates` whose decision recommends them; empty when none.
  [[nodiscard]] KEXIE_API std::vector<PersonId> recommended() const;
  /// Equal when every field is equal.
  friend bool operator==(const RecommendationList&, const RecommendationList&) = default;
};

/// Decides on every nominee of `nominees` (in nomination order: an association's
/// own ranking) for `programme` on `as_of`. Rules, each with its id and article:
/// `recommend.member` (A9: a member of an enterprise association that day, whose
/// quota they count against), `recommend.age` (A9), `recommend.title` (A9),
/// `recommend.honours` (A9), `recommend.continuing_education` (A5),
/// `recommend.quota` (A9: over the association's quota after the eligible nominees
/// before them). Refusals of the whole call: `invalid_argument`
/// `recommend.programme` (an empty name, or an unsupported date), a nominee given
/// twice (`recommend.nominee`); `not_found` `recommend.nominee` for an unknown person.
/// \param registry the registry the nominees and their associations are in
/// \param programme the programme (name, age limit, title, honours, training, quotas)
/// \param nominees the nominees in nomination order (each at most once)
/// \param as_of the day the rules are applied on
/// \return one decision per nominee, with the rules each failed, or a refusal of the whole call
///
///   kexie::RecommendationList l = kexie::recommend(reg, p, {{li, wang}}, today).value();
///   assert(l.candidates[1].failed_rules == std::vector<std::string>{"recommend.age"});
[[nodiscard]] KEXIE_API Result<RecommendationList> recommend(const Registry& registry,
                                                             const Programme& programme,
                                                             std::span<const PersonId> nominees,
                                                             Date as_of);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_RECOMMENDATION_HPP
