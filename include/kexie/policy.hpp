// The configurable defaults of the registry. DOMAIN.md marks some numbers as
// **default**: the policy text does not fix them, so a deployment may choose
// others. `Policy` gathers them in one plain value; a `Registry` is built with
// one and uses it for every rule and query (young workers, continuing
// education). Nothing in kexie hard-wires these numbers elsewhere.
#ifndef KEXIE_POLICY_HPP
#define KEXIE_POLICY_HPP

#include "kexie/export.hpp"

namespace kexie {
inline namespace v1 {

/// Every configurable default of DOMAIN.md §1–2, with the value the domain
/// page names. A plain aggregate: change a field, check `ok()`, pass it to
/// the `Registry` constructor.
///
///   kexie::Policy award_rules;
///   award_rules.young_age_max = 40;        // some awards draw the line at 40
///   assert(award_rules.ok());
///   kexie::Registry registry{award_rules};
struct Policy {
  /// A young S&T worker (青年科技工作者, A9) is at most this old, in whole
  /// years on the date asked. **default** 35 (CAST's usual line).
  int young_age_max = 35;
  /// Continuing education (继续教育, A5): hours a year every professional
  /// technical worker must attend. **default** 90.
  int annual_hours_min = 90;
  /// Of those hours, the share that must be professional subjects (专业科目),
  /// as the fraction numerator / denominator. **default** 2/3.
  int professional_share_num = 2;
  /// Denominator of the professional share. **default** 3.
  int professional_share_den = 3;
  /// Membership in an enterprise association is tied to the person's employer
  /// (A1: the association is the enterprise's own): only a person whose
  /// `Person::employer` is the enterprise association may join it, its branches or
  /// its study groups (rule `membership.employer`, A1; societies are not tied); a
  /// person employed by an enterprise association belongs to it without a recorded
  /// membership (activity plans, `ActivityBook`); and an enterprise association that
  /// still employs people cannot be dissolved (rule `org.dissolve_employees`, A1).
  /// **default** true; false lets anyone join any enterprise association, counts
  /// recorded memberships only, and lets an association be dissolved while people
  /// name it as employer (they keep it as a historical fact). A snapshot records
  /// the flag; memberships in a snapshot load as recorded (docs/formats.md).
  ///
  ///   kexie::Policy open;  open.employer_tied_membership = false;
  bool employer_tied_membership = true;

  /// True when every field is usable: ages and hours not negative, a share
  /// between 0 and 1 with a positive denominator.
  /// \return true when `young_age_max` is 0–200, `annual_hours_min` ≥ 0 and the professional share
  /// is a fraction between 0 and 1 with a positive denominator.
  ///
  ///   assert(kexie::Policy{}.ok());
  [[nodiscard]] constexpr bool ok() const noexcept {
    return young_age_max >= 0 && young_age_max <= 200 && annual_hours_min >= 0 &&
           professional_share_den > 0 && professional_share_num >= 0 &&
           professional_share_num <= professional_share_den;
  }

  /// Equal when every field is equal.
  friend constexpr bool operator==(const Policy&, const Policy&) noexcept = default;
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_POLICY_HPP
