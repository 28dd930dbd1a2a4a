// Enterprises (企业) as facts, DOMAIN.md §6 (A11, A13–A15): an enterprise exists
// whether or not it has an S&T association, with its unified social credit code
// (统一社会信用代码, GB 32100-2015, checked with its check character), ownership,
// industry, region, zone flags and new-economy flag; the people it employs; the
// support it gives its association each year (人员、经费、工作条件, A14); the
// founding applications (筹建 → 成立) of its association and their hash-chained
// trail; and the training of secretaries-general (A15). Plain values: the
// `Registry` keeps them (guidance.hpp has the operations).
#ifndef KEXIE_ENTERPRISE_HPP
#define KEXIE_ENTERPRISE_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kexie/date.hpp"
#include "kexie/decimal.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"
#include "kexie/ids.hpp"
#include "kexie/organization.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

namespace detail {
struct EnterpriseTag {
  static constexpr std::string_view prefix = "enterprise";
};
struct FoundingTag {
  static constexpr std::string_view prefix = "founding";
};
}  // namespace detail

/// Identifies an enterprise of the registry (not its association: that is an `OrgId`).
///
///   kexie::EnterpriseId e = kexie::add_enterprise(reg, spec).value();
using EnterpriseId = Id<detail::EnterpriseTag>;
/// Identifies a founding application (筹建申请).
///
///   kexie::FoundingId f = kexie::apply_founding(reg, application, at).value();
using FoundingId = Id<detail::FoundingTag>;

/// The check character of a unified social credit code (GB 32100-2015) whose first
/// 17 characters are `first17`: with the alphabet `0-9 A-H J-N P-R T-U W-Y` (31
/// characters, values 0–30) and weights 3^i mod 31, the character of value
/// 31 − (Σ value × weight mod 31), where 31 becomes 0. `invalid_argument` rule
/// `enterprise.credit_code` for a length other than 17 or a character outside the
/// alphabet.
/// \param first17 the first 17 characters of the code (ASCII, upper-case letters)
/// \return the 18th character; `invalid_argument` as above
///
///   assert(kexie::credit_code_check_character("91350100M000100Y4").value() == '3');
[[nodiscard]] KEXIE_API Result<char> credit_code_check_character(std::string_view first17);

/// Checks a unified social credit code: 18 characters of the alphabet above, the
/// last one its check character. `invalid_argument` rule `enterprise.credit_code`
/// naming what is wrong (length, a character, the check character expected).
/// \param code the 18-character code, e.g. "91330100143041513X"
/// \return ok for a valid code; `invalid_argument` as above
///
///   assert(kexie::check_credit_code("91350100M000100Y43").ok());
///   assert(!kexie::check_credit_code("91350100M000100Y44").ok());
[[nodiscard]] KEXIE_API Status check_credit_code(std::string_view code);

/// What `add_enterprise` needs: an enterprise whether or not it has an association.
///
///   kexie::EnterpriseSpec s{.name = "杭州汽轮动力集团", .credit_code = "91330100143041513X",
///       .ownership = kexie::Ownership::state, .industry = "C34", .region = "330100",
///       .high_tech_zone = true, .local = hangzhou, .registered = "1958-06-01"_date};
struct EnterpriseSpec {
  /// The registered name.
  std::string name;
  /// The unified social credit code (统一社会信用代码), checked (GB 32100-2015).
  std::string credit_code;
  /// Ownership (A11).
  Ownership ownership = Ownership::unspecified;
  /// Industry, free text or a code (e.g. GB/T 4754 "C34").
  std::string industry;
  /// Region, free text or an administrative division code.
  std::string region;
  /// Sits in a national high-tech zone (国家高新区, A13).
  bool high_tech_zone = false;
  /// Sits in an economic-technological development zone (经开区, A13).
  bool development_zone = false;
  /// Is a new economic organization (新经济组织, A13).
  bool new_economy = false;
  /// The local association whose area it lies in (its guide, A14).
  OrgId local;
  /// The day it was registered.
  Date registered = Date::min();
  /// Field-wise equality.
  friend bool operator==(const EnterpriseSpec&, const EnterpriseSpec&) = default;
};

/// One stretch of an enterprise's association: from `from` while the association
/// is in effect.
///
///   kexie::Enterprise info = kexie::enterprise(reg, e).value();
///   for (const kexie::AssociationTie& t : info.associations) std::cout << t.association;
struct AssociationTie {
  /// The enterprise association (企业科协).
  OrgId association;
  /// The first day it counts as the enterprise's association.
  Date from;
  /// Field-wise equality.
  friend bool operator==(const AssociationTie&, const AssociationTie&) = default;
};

/// An enterprise as the registry keeps it.
///
///   kexie::Enterprise e = kexie::enterprise(reg, id).value();
///   std::cout << e.spec.name << (e.associations.empty() ? " (no association)" : "");
struct Enterprise {
  /// Its identifier.
  EnterpriseId id;
  /// As given.
  EnterpriseSpec spec;
  /// The last day it exists (deregistered); `Date::max()` while it exists.
  Date closed = Date::max();
  /// Its associations over time, oldest first (normally one).
  std::vector<AssociationTie> associations;
  /// Field-wise equality.
  friend bool operator==(const Enterprise&, const Enterprise&) = default;
};

/// A person employed by an enterprise over a period (people are employed by
/// enterprises, A1).
///
///   kexie::Employment e{.person = li, .enterprise = hz_turbine,
///                       .period = kexie::Period::from("2019-07-01"_date)};
struct Employment {
  /// The employee (an S&T worker).
  PersonId person;
  /// The employer.
  EnterpriseId enterprise;
  /// When.
  Period period;
  /// Field-wise equality.
  friend bool operator==(const Employment&, const Employment&) = default;
};

/// The support an enterprise gives its association in one year (A14: 人员、经费、工作条件).
///
///   kexie::SupportRecord s{.enterprise = e, .year = 2025, .full_time_staff = 2,
///       .part_time_staff = 5, .budget_yuan = "300000"_dec, .facilities_m2 = "120"_dec};
struct SupportRecord {
  /// The enterprise.
  EnterpriseId enterprise;
  /// The calendar year.
  int year = 0;
  /// Full-time staff (专职工作人员) it provides.
  std::uint32_t full_time_staff = 0;
  /// Part-time staff (兼职工作人员) it provides.
  std::uint32_t part_time_staff = 0;
  /// Funds (经费), yuan, ≥ 0.
  Decimal budget_yuan;
  /// Working space (工作条件), square metres, ≥ 0.
  Decimal facilities_m2;
  /// Field-wise equality.
  friend bool operator==(const SupportRecord&, const SupportRecord&) = default;
};

/// Where a founding application stands.
///
///   if (app.state == kexie::FoundingState::pending) remind(app.spec.local);
enum class FoundingState : std::uint8_t {
  pending,   ///< applied (筹建), awaiting the local's decision
  approved,  ///< 成立: the association was founded
  refused,   ///< refused, with a reason
};

/// The names of `FoundingState`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<FoundingState> {
  static constexpr std::array<std::string_view, 3> names{"pending", "approved", "refused"};
  static constexpr bool listed(FoundingState v) noexcept {
    switch (v) {
      case FoundingState::pending:
      case FoundingState::approved:
      case FoundingState::refused:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<FoundingState>());

/// "pending", "approved", "refused".
/// \param state the enumerator to name
/// \return its name as `EnumNames<FoundingState>` spells it, a static string;
/// "unknown" outside the enumeration
[[nodiscard]] KEXIE_API std::string_view to_string(FoundingState state) noexcept;

/// A step of the founding lifecycle, as its trail records it.
///
///   if (r.step == kexie::FoundingStep::approve) std::cout << "成立";
enum class FoundingStep : std::uint8_t {
  apply,    ///< the preparatory group (筹建组) applies to its local
  approve,  ///< the local approves: the association is founded (成立)
  refuse,   ///< the local refuses, with a reason
};

/// The names of `FoundingStep`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<FoundingStep> {
  static constexpr std::array<std::string_view, 3> names{"apply", "approve", "refuse"};
  static constexpr bool listed(FoundingStep v) noexcept {
    switch (v) {
      case FoundingStep::apply:
      case FoundingStep::approve:
      case FoundingStep::refuse:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<FoundingStep>());

/// "apply", "approve", "refuse".
/// \param step the enumerator to name
/// \return its name as `EnumNames<FoundingStep>` spells it, a static string;
/// "unknown" outside the enumeration
[[nodiscard]] KEXIE_API std::string_view to_string(FoundingStep step) noexcept;

/// What `apply_founding` needs.
///
///   kexie::FoundingApplicationSpec a{.enterprise = e, .local = hangzhou,
///       .name = "杭汽轮科协", .applicant = zhang, .proxy = union_org};
struct FoundingApplicationSpec {
  /// The enterprise whose association is to be founded.
  EnterpriseId enterprise;
  /// The local association applied to (the enterprise's local or one above it).
  OrgId local;
  /// The name of the association to be founded.
  std::string name;
  /// The person who applies for the preparatory group: employed by the enterprise,
  /// or by the proxy, on the day.
  PersonId applicant;
  /// The proxy (工会 / 共青团) acting for the enterprise until the founding, if any.
  std::optional<OrgId> proxy;
  /// Field-wise equality.
  friend bool operator==(const FoundingApplicationSpec&, const FoundingApplicationSpec&) = default;
};

/// A founding application as the registry keeps it.
///
///   kexie::FoundingApplication a = kexie::founding(reg, f).value();
///   if (a.state == kexie::FoundingState::approved) std::cout << a.association;
struct FoundingApplication {
  /// Its identifier.
  FoundingId id;
  /// As given.
  FoundingApplicationSpec spec;
  /// The day applied.
  Date applied;
  /// Where it stands.
  FoundingState state = FoundingState::pending;
  /// The founding date (approved) or the day of refusal.
  Date decided;
  /// The reason given with the decision (required for a refusal).
  std::string reason;
  /// The association founded (approved only).
  OrgId association;
  /// Field-wise equality.
  friend bool operator==(const FoundingApplication&, const FoundingApplication&) = default;
};

/// A proxy's hand-over to the association founded for its enterprise: from `on`,
/// the proxy's people and activities count as the association's.
///
///   for (const kexie::Handover& h : kexie::handovers(reg)) std::cout << h.proxy << "→" <<
///   h.association;
struct Handover {
  /// The proxy (工会 / 共青团) that acted for the enterprise.
  OrgId proxy;
  /// The association it handed over to.
  OrgId association;
  /// The first day the association takes over.
  Date on;
  /// Field-wise equality.
  friend bool operator==(const Handover&, const Handover&) = default;
};

/// A secretary-general training record (秘书长培训, A15).
///
///   kexie::SgTraining t{.person = wang, .date = "2025-05-20"_date, .hours = 16,
///                       .organizer = province};
struct SgTraining {
  /// The secretary-general trained.
  PersonId person;
  /// The day the training ended.
  Date date;
  /// Hours (≥ 1).
  int hours = 0;
  /// Who gave it: a national, local or committee organization.
  OrgId organizer;
  /// Field-wise equality.
  friend bool operator==(const SgTraining&, const SgTraining&) = default;
};

/// What "trained regularly" (定期培训, A15) means. The policy names no interval:
/// **default** at least once every 24 months (DOMAIN.md §6), configurable.
///
///   kexie::GuidancePolicy p;  // 24 months
///   p.sg_training_months = 12;
struct GuidancePolicy {
  /// A secretary-general is current on day d when trained on some day t ≤ d with
  /// d < t + this many months. **default** 24 (every two years); 1–120.
  int sg_training_months = 24;
  /// True when the values are in range.
  /// \return true when `sg_training_months` is 1–120
  [[nodiscard]] constexpr bool ok() const noexcept {
    return sg_training_months >= 1 && sg_training_months <= 120;
  }
  /// Field-wise equality.
  friend constexpr bool operator==(const GuidancePolicy&, const GuidancePolicy&) noexcept = default;
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_ENTERPRISE_HPP
