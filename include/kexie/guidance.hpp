// Growing and guiding associations, DOMAIN.md §6 (A11, A13–A15): the operations
// over the enterprise facts of enterprise.hpp that a `Registry` keeps — enterprises
// and their employees, the founding lifecycle (筹建 → 成立 or refusal, with a proxy's
// hand-over), coverage of a local's area, secretary-general training (A15) and the
// support enterprises give (A14). Free functions over a `Registry`, like the views:
// the facts live in the registry, so `Registry::digest`, `clone` and snapshots cover
// them, and a refused call leaves the digest unchanged.
//
// Who may decide a founding is derived from appointments (`Registry::appoint`), as
// in the activity lifecycle: the chair, a vice-chair, the secretary-general or the
// head of the department in charge (分管部门, A14) of the local applied to, on the day.
// Every performed step is appended to a SHA-256 chain checked by the audit
// machinery of audit.hpp (`verify_founding_trail`).
#ifndef KEXIE_GUIDANCE_HPP
#define KEXIE_GUIDANCE_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kexie/audit.hpp"
#include "kexie/date.hpp"
#include "kexie/enterprise.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"
#include "kexie/ids.hpp"
#include "kexie/registry.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

// --- enterprises ------------------------------------------------------------------

/// Registers an enterprise (with or without an association). Refusals:
/// `invalid_argument` (`enterprise.credit_code` for a code that fails GB 32100-2015,
/// a name that is empty or not clean text, an unsupported date); `not_found`
/// (unknown local); `rule_violation` `enterprise.local` (A14: `local` is not a local
/// association; it may be younger than the enterprise); `already_exists`
/// `enterprise.credit_code_unique` (A13: the code is registered already).
/// \param reg the registry that keeps the enterprise facts; changed only when performed
/// \param spec name, credit code, local, registration day and attributes
/// \return the new enterprise's id; or the refusal (nothing recorded)
///
///   kexie::EnterpriseId e = kexie::add_enterprise(reg, {.name = "杭州汽轮动力集团",
///       .credit_code = "91330100143041513X", .local = hangzhou,
///       .registered = "1958-06-01"_date}).value();
[[nodiscard]] KEXIE_API Result<EnterpriseId> add_enterprise(Registry& reg,
                                                            const EnterpriseSpec& spec);
/// Records that the enterprise closed: `last_day` is its last day. `not_found`;
/// `invalid_argument` when already closed or before it was registered.
/// \param reg the registry that keeps the enterprise facts; changed only when performed
/// \param id the enterprise
/// \param last_day the last day it exists (inclusive)
/// \return ok; `not_found` or `invalid_argument` as above
///
///   kexie::close_enterprise(reg, e, "2030-12-31"_date).value();
[[nodiscard]] KEXIE_API Status close_enterprise(Registry& reg, EnterpriseId id, Date last_day);
/// The enterprise; `not_found` for an unknown id.
/// \param reg the registry that keeps the enterprise facts
/// \param id the enterprise
/// \return a copy of the enterprise with its association ties; `not_found`
///
///   std::cout << kexie::enterprise(reg, e)->spec.name;
[[nodiscard]] KEXIE_API Result<Enterprise> enterprise(const Registry& reg, EnterpriseId id);
/// The enterprise with this credit code; `not_found` when none.
/// \param reg the registry that keeps the enterprise facts
/// \param credit_code the 18-character unified social credit code, exactly as registered
/// \return the enterprise's id; `not_found` when no enterprise has it
///
///   kexie::EnterpriseId e = kexie::find_enterprise(reg, "91330100143041513X").value();
[[nodiscard]] KEXIE_API Result<EnterpriseId> find_enterprise(const Registry& reg,
                                                             std::string_view credit_code);
/// Number of enterprises registered.
/// \param reg the registry that keeps the enterprise facts
/// \return the count; ids run from 1 to it
///
///   kexie::EnterpriseId last{static_cast<std::uint32_t>(kexie::enterprise_count(reg))};
[[nodiscard]] KEXIE_API std::size_t enterprise_count(const Registry& reg) noexcept;
/// The enterprise's association on `on`, or an empty id when it has none.
/// \param reg the registry that keeps the enterprise facts
/// \param id the enterprise
/// \param on the day asked about
/// \return its enterprise association that day, or `OrgId{}`
///
///   bool covered = kexie::association_of(reg, e, today).ok();
[[nodiscard]] KEXIE_API OrgId association_of(const Registry& reg, EnterpriseId id, Date on);
/// The enterprise an association belongs to, or an empty id (an association
/// belongs to exactly one enterprise).
/// \param reg the registry that keeps the enterprise facts
/// \param association an enterprise association
/// \return the enterprise it is tied to, or `EnterpriseId{}` when none
///
///   kexie::EnterpriseId e = kexie::enterprise_of(reg, association);
[[nodiscard]] KEXIE_API EnterpriseId enterprise_of(const Registry& reg, OrgId association) noexcept;

/// Ties an existing enterprise association to its enterprise from `from` (for
/// associations founded before their enterprise was recorded; `approve_founding`
/// ties the ones it founds). Refusals: `not_found`; `rule_violation`
/// `enterprise.association_kind` (A13: not an enterprise association in effect on
/// `from`), `enterprise.association_unique` (A13: the association belongs to
/// another enterprise already), `enterprise.single_association` (A13: the enterprise
/// has an association on `from` or later already), `enterprise.active` (A13: the
/// enterprise does not exist on `from`).
/// \param reg the registry that keeps the enterprise facts; changed only when performed
/// \param id the enterprise
/// \param association the enterprise association to tie to it
/// \param from the first day the tie counts
/// \return ok; or the refusal named above
///
///   kexie::attach_association(reg, e, baosteel_kx, "2001-01-01"_date).value();
[[nodiscard]] KEXIE_API Status attach_association(Registry& reg, EnterpriseId id, OrgId association,
                                                  Date from);

/// Records that `person` is employed by the enterprise over `period`. Refusals:
/// `invalid_argument` (bad period); `not_found`; `rule_violation`
/// `employment.single` (A1: a person is employed by one enterprise at a time),
/// `employment.employer` (A1: the person's registry employer, `PersonSpec::employer`,
/// is or sits under an enterprise association tied to another enterprise on some
/// day of `period`), `enterprise.active` (the enterprise does not exist throughout
/// `period`).
/// \param reg the registry that keeps the enterprise facts; changed only when performed
/// \param person the person employed
/// \param id the employing enterprise
/// \param period the days of the employment, both ends included
/// \return ok; or the refusal named above
///
///   kexie::employ(reg, li, e, kexie::Period::from("2019-07-01"_date)).value();
[[nodiscard]] KEXIE_API Status employ(Registry& reg, PersonId person, EnterpriseId id,
                                      Period period);
/// The enterprise employing `person` on `on`, or an empty id.
/// \param reg the registry that keeps the enterprise facts
/// \param person the person
/// \param on the day asked about
/// \return the employer that day, or `EnterpriseId{}`
///
///   kexie::EnterpriseId where = kexie::employer_on(reg, li, today);
[[nodiscard]] KEXIE_API EnterpriseId employer_on(const Registry& reg, PersonId person, Date on);
/// Every employment recorded, oldest first.
/// \param reg the registry that keeps the enterprise facts
/// \return the employments, borrowed: valid until the registry changes
///
///   std::size_t n = kexie::employments(reg).size();
[[nodiscard]] KEXIE_API std::span<const Employment> employments(const Registry& reg) noexcept;

// --- support (人员、经费、工作条件, A14) -----------------------------------------------

/// Records the support the enterprise gives its association in `record.year`.
/// Refusals: `invalid_argument` `support.amount` (a negative budget or space, a year
/// outside 1900–9999); `not_found`; `already_exists` `support.unique` (A14: one
/// record per enterprise and year).
/// \param reg the registry that keeps the enterprise facts; changed only when performed
/// \param record the enterprise, the year and its staff, funds (yuan) and space (m²)
/// \return ok; or the refusal named above
///
///   kexie::record_support(reg, {.enterprise = e, .year = 2025, .full_time_staff = 2,
///                              .budget_yuan = "300000"_dec}).value();
[[nodiscard]] KEXIE_API Status record_support(Registry& reg, const SupportRecord& record);
/// The enterprise's support record of `year`; `not_found` when none.
/// \param reg the registry that keeps the enterprise facts
/// \param id the enterprise
/// \param year the calendar year
/// \return a copy of the record; `not_found` when none
///
///   kexie::Decimal funds = kexie::support(reg, e, 2025)->budget_yuan;
[[nodiscard]] KEXIE_API Result<SupportRecord> support(const Registry& reg, EnterpriseId id,
                                                      int year);

// --- founding (筹建 → 成立, A13) -----------------------------------------------------

/// A record of the founding trail: a performed step, chained to the one before by
/// SHA-256 over the same fixed encoding as the activity audit (audit.hpp).
///
///   for (const auto& r : kexie::founding_trail(reg)) std::cout << kexie::to_string(r.step);
struct FoundingRecord {
  /// Position in the trail, from 0.
  std::uint64_t sequence = 0;
  /// The application.
  FoundingId application;
  /// The person who acted.
  PersonId actor;
  /// When, as the actor claimed it.
  Timestamp at;
  /// What was done.
  FoundingStep step = FoundingStep::apply;
  /// The state before (equal to `to` for `apply`).
  FoundingState from = FoundingState::pending;
  /// The state after.
  FoundingState to = FoundingState::pending;
  /// The reason given.
  std::string reason;
  /// Details: the association founded and its founding date.
  std::string message;
  /// The hash of the previous record (zeros for the first).
  AuditHash previous{};
  /// SHA-256 over `previous` and the fields above.
  AuditHash hash{};
  /// Field-wise equality.
  friend bool operator==(const FoundingRecord&, const FoundingRecord&) = default;
};

/// The SHA-256 a founding record should carry.
/// \param record a record of the founding trail
/// \return SHA-256 over `record.previous` and its fields
///
///   assert(kexie::digest(r) == r.hash);
[[nodiscard]] KEXIE_API AuditHash digest(const FoundingRecord& record);

/// The preparatory group applies (筹建) to its local on `at`'s date. Refusals:
/// `invalid_argument` (an empty or unclean name); `not_found`; `rule_violation`
/// `enterprise.active` (the enterprise does not exist that day), `founding.local`
/// (A13: `local` is not a local association in effect whose area holds the
/// enterprise), `founding.proxy` (A13: the proxy is not a proxy organization in
/// effect), `founding.applicant` (A13: the applicant is employed neither by the
/// enterprise nor by the proxy that day), `founding.covered` (A13: the enterprise
/// has an association that day, or an application pending).
/// \param reg the registry that keeps the enterprise facts; changed only when performed
/// \param spec the enterprise, the local applied to, the name, the applicant and any proxy
/// \param at when (UTC); its day is the application day
/// \return the application's id; or the refusal (nothing recorded)
///
///   kexie::FoundingId f = kexie::apply_founding(reg, {.enterprise = e, .local = hangzhou,
///       .name = "杭汽轮科协", .applicant = zhang}, at).value();
[[nodiscard]] KEXIE_API Result<FoundingId> apply_founding(Registry& reg,
                                                          const FoundingApplicationSpec& spec,
                                                          Timestamp at);
/// The local approves (成立): an enterprise association named as applied for joins
/// the tree under the local on `founded`, belongs to the enterprise from then, and
/// a proxy named in the application hands over to it on that day. Refusals:
/// `not_found`; `rule_violation` `founding.state` (A13: not pending),
/// `founding.permission` (A14: `actor` holds no deciding office at the local on
/// `at`'s date), `founding.covered` (A13: the enterprise has an association on
/// `founded`); `invalid_argument` `founding.date` (`founded` before the
/// application); and every refusal of `Registry::add_organization`.
/// \param reg the registry that keeps the enterprise facts; changed only when performed
/// \param id the pending application
/// \param actor the person deciding: chair, vice-chair, secretary-general or head of
/// the department in charge at the local on `at`'s date
/// \param at when the decision is made (UTC)
/// \param founded the founding day of the association, not before the application
/// \param reason the decision's grounds, kept in the trail; well-formed text
/// \return the new association's id; or the refusal (nothing recorded)
///
///   kexie::OrgId kx = kexie::approve_founding(reg, f, chair, at, "2026-01-01"_date,
///                                             "条件具备").value();
[[nodiscard]] KEXIE_API Result<OrgId> approve_founding(Registry& reg, FoundingId id, PersonId actor,
                                                       Timestamp at, Date founded,
                                                       std::string_view reason);
/// The local refuses the application, giving `reason`. Refusals: `not_found`;
/// `invalid_argument` `founding.reason` (A13: no reason given); `rule_violation`
/// `founding.state`, `founding.permission` as `approve_founding`.
/// \param reg the registry that keeps the enterprise facts; changed only when performed
/// \param id the pending application
/// \param actor the person deciding, as for `approve_founding`
/// \param at when the decision is made (UTC); its day is the day of refusal
/// \param reason why; not empty, well-formed text
/// \return ok; or the refusal named above
///
///   kexie::refuse_founding(reg, f, chair, at, "会员不足 50 人").value();
[[nodiscard]] KEXIE_API Status refuse_founding(Registry& reg, FoundingId id, PersonId actor,
                                               Timestamp at, std::string_view reason);
/// The application; `not_found` for an unknown id.
/// \param reg the registry that keeps the enterprise facts
/// \param id the application
/// \return a copy of the application; `not_found`
///
///   if (kexie::founding(reg, f)->state == kexie::FoundingState::refused) …
[[nodiscard]] KEXIE_API Result<FoundingApplication> founding(const Registry& reg, FoundingId id);
/// Number of founding applications.
/// \param reg the registry that keeps the enterprise facts
/// \return the count; ids run from 1 to it
///
///   kexie::FoundingId last{static_cast<std::uint32_t>(kexie::founding_count(reg))};
[[nodiscard]] KEXIE_API std::size_t founding_count(const Registry& reg) noexcept;
/// The founding trail, oldest first.
/// \param reg the registry that keeps the enterprise facts
/// \return every performed step, borrowed: valid until the registry changes
///
///   kexie::ChainHead head = kexie::chain_head(kexie::founding_trail(reg));  // keep it elsewhere
[[nodiscard]] KEXIE_API std::span<const FoundingRecord> founding_trail(
    const Registry& reg) noexcept;
/// Checks a founding trail as `verify_audit` checks an activity trail (same faults,
/// same messages).
/// \param records the trail, oldest first (e.g. `founding_trail(reg)`)
/// \param expected the head kept elsewhere, or null to check the links only
/// \return `ok()` when intact; otherwise the first fault and its position
///
///   auto v = kexie::verify_founding_trail(kexie::founding_trail(reg), &head);
///   assert(v.ok());
[[nodiscard]] KEXIE_API AuditVerification
verify_founding_trail(std::span<const FoundingRecord> records, const ChainHead* expected = nullptr);
/// The head of a founding trail.
/// \param records the trail, oldest first
/// \return its length and the last record's hash (zeros for an empty trail)
///
///   kexie::ChainHead h = kexie::chain_head(kexie::founding_trail(reg));
[[nodiscard]] KEXIE_API ChainHead chain_head(std::span<const FoundingRecord> records) noexcept;
/// Every proxy hand-over, oldest first.
/// \param reg the registry that keeps the enterprise facts
/// \return the hand-overs, borrowed: valid until the registry changes
///
///   for (const kexie::Handover& h : kexie::handovers(reg)) …
[[nodiscard]] KEXIE_API std::span<const Handover> handovers(const Registry& reg) noexcept;
/// The organizations whose people and activities count as `association`'s on `on`:
/// the association itself, then every proxy that handed over to it on or before `on`.
/// \param reg the registry that keeps the enterprise facts
/// \param association an enterprise association
/// \param on the day asked about
/// \return the association first, then its proxies
///
///   for (kexie::OrgId o : kexie::acting_for(reg, kx, today)) count_activities_of(o);
[[nodiscard]] KEXIE_API std::vector<OrgId> acting_for(const Registry& reg, OrgId association,
                                                      Date on);

// --- coverage (A11, A13) -------------------------------------------------------------

/// Enterprise counts of one group.
///
///   double share = double(c.total.with_association) / double(c.total.enterprises);
struct CoverageCounts {
  /// Enterprises that exist on the day.
  std::size_t enterprises = 0;
  /// Of them, those with an association.
  std::size_t with_association = 0;
  /// Of them, those without.
  std::size_t without_association = 0;
  /// People employed by them on the day (S&T workers).
  std::size_t workers = 0;
  /// Of them, those employed by an enterprise with an association (covered).
  std::size_t workers_covered = 0;
  /// Field-wise equality.
  friend bool operator==(const CoverageCounts&, const CoverageCounts&) = default;
};

/// What a coverage group breaks the enterprises down by.
///
///   if (g.dimension == kexie::CoverageDimension::zone && g.value == "high_tech_zone") …
enum class CoverageDimension : std::uint8_t {
  zone,  ///< "high_tech_zone", "development_zone", "none" (an enterprise in both counts in both)
  new_economy,  ///< "yes" or "no" (新经济组织)
  ownership,    ///< `to_string(Ownership)`
  industry,     ///< the industry as recorded
  region,       ///< the region as recorded
};

/// The names of `CoverageDimension`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<CoverageDimension> {
  static constexpr std::array<std::string_view, 5> names{"zone", "new_economy", "ownership",
                                                         "industry", "region"};
  static constexpr bool listed(CoverageDimension v) noexcept {
    switch (v) {
      case CoverageDimension::zone:
      case CoverageDimension::new_economy:
      case CoverageDimension::ownership:
      case CoverageDimension::industry:
      case CoverageDimension::region:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<CoverageDimension>());

/// "zone", "new_economy", "ownership", "industry", "region".
/// \param dimension the enumerator to name
/// \return its name as `EnumNames<CoverageDimension>` spells it, a static string;
/// "unknown" outside the enumeration
[[nodiscard]] KEXIE_API std::string_view to_string(CoverageDimension dimension) noexcept;

/// One group of a breakdown.
struct CoverageGroup {
  /// The dimension.
  CoverageDimension dimension = CoverageDimension::zone;
  /// The value of the dimension shared by the group.
  std::string value;
  /// The group's counts.
  CoverageCounts counts;
  /// Field-wise equality.
  friend bool operator==(const CoverageGroup&, const CoverageGroup&) = default;
};

/// Coverage of a local's area on a day.
///
///   kexie::Coverage c = kexie::coverage(reg, hangzhou, today).value();
///   for (kexie::EnterpriseId e : c.uncovered) remind_to_found(e);
struct Coverage {
  /// The local association whose area it is.
  OrgId area;
  /// The day.
  Date on;
  /// All enterprises of the area.
  CoverageCounts total;
  /// Breakdowns, by dimension (in enum order), then by value (byte order).
  std::vector<CoverageGroup> groups;
  /// The enterprises without an association, by id.
  std::vector<EnterpriseId> uncovered;
  /// Field-wise equality.
  friend bool operator==(const Coverage&, const Coverage&) = default;
};

/// Coverage of `area`'s area on `on`: the enterprises that exist that day whose
/// local is `area` or under it. `not_found` for an unknown area; `rule_violation`
/// `coverage.area` (A14: not a local or the national association in effect that day).
/// \param reg the registry that keeps the enterprise facts
/// \param area a local association or the national association
/// \param on the day of the count
/// \return totals, breakdowns and the uncovered enterprises; or the refusal named above
///
///   auto c = kexie::coverage(reg, hangzhou, "2025-12-31"_date).value();
[[nodiscard]] KEXIE_API Result<Coverage> coverage(const Registry& reg, OrgId area, Date on);

/// The change of an area's coverage between two days.
///
///   auto d = kexie::coverage_change(reg, hangzhou, "2024-12-31"_date, "2025-12-31"_date).value();
///   std::cout << d.newly_covered.size() << " enterprises gained an association\n";
struct CoverageChange {
  /// Coverage on the first day.
  Coverage before;
  /// Coverage on the second day.
  Coverage after;
  /// Enterprises without an association before (or not yet existing) and with one after.
  std::vector<EnterpriseId> newly_covered;
  /// Enterprises with an association before and existing without one after.
  std::vector<EnterpriseId> no_longer_covered;
  /// Field-wise equality.
  friend bool operator==(const CoverageChange&, const CoverageChange&) = default;
};

/// `coverage` on both days and what changed; `invalid_argument` when `to < from`.
/// \param reg the registry that keeps the enterprise facts
/// \param area a local association or the national association
/// \param from the first day
/// \param to the second day, not before `from`
/// \return both coverages and the enterprises that gained or lost an association
///
///   auto d = kexie::coverage_change(reg, hangzhou, y2024, y2025).value();
[[nodiscard]] KEXIE_API Result<CoverageChange> coverage_change(const Registry& reg, OrgId area,
                                                               Date from, Date to);

// --- secretary-general training (A15) ----------------------------------------------

/// The guidance policy the registry applies (the default until `set_guidance_policy`).
/// \param reg the registry that keeps the enterprise facts
/// \return a copy of the policy
///
///   int months = kexie::guidance_policy(reg).sg_training_months;  // 24 by default
[[nodiscard]] KEXIE_API GuidancePolicy guidance_policy(const Registry& reg) noexcept;
/// Replaces the guidance policy. `invalid_argument` `sg_training.interval` when
/// `!policy.ok()`.
/// \param reg the registry that keeps the enterprise facts; changed only when performed
/// \param policy the new policy (training interval in months, 1–120)
/// \return ok; `invalid_argument` as above (the old policy kept)
///
///   kexie::set_guidance_policy(reg, {.sg_training_months = 12}).value();
[[nodiscard]] KEXIE_API Status set_guidance_policy(Registry& reg, GuidancePolicy policy);

/// Records a secretary-general's training. Refusals: `invalid_argument`
/// `sg_training.hours` (hours < 1, an unsupported date); `not_found`;
/// `rule_violation` `sg_training.organizer` (A15: not a national, local or committee
/// organization in effect on the day), `sg_training.role` (A15: the person is not the
/// secretary-general of an enterprise association on the day).
/// \param reg the registry that keeps the enterprise facts; changed only when performed
/// \param record the person, the day, the class hours and the organizer
/// \return ok; or the refusal named above
///
///   kexie::add_sg_training(reg, {.person = wang, .date = "2025-05-20"_date, .hours = 16,
///                                .organizer = province}).value();
[[nodiscard]] KEXIE_API Status add_sg_training(Registry& reg, const SgTraining& record);
/// Every secretary-general training record, oldest first (in the order recorded).
/// \param reg the registry that keeps the enterprise facts
/// \return the records, borrowed: valid until the registry changes
///
///   for (const kexie::SgTraining& t : kexie::sg_trainings(reg)) …
[[nodiscard]] KEXIE_API std::span<const SgTraining> sg_trainings(const Registry& reg) noexcept;

/// Why an association's secretary-general is not current.
enum class SgGap : std::uint8_t {
  current,               ///< trained within the interval: no gap
  no_secretary_general,  ///< the association has no secretary-general that day
  never_trained,         ///< the secretary-general has no training on or before the day
  lapsed,                ///< the last training is older than the interval
};

/// The names of `SgGap`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<SgGap> {
  static constexpr std::array<std::string_view, 4> names{"current", "no_secretary_general",
                                                         "never_trained", "lapsed"};
  static constexpr bool listed(SgGap v) noexcept {
    switch (v) {
      case SgGap::current:
      case SgGap::no_secretary_general:
      case SgGap::never_trained:
      case SgGap::lapsed:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<SgGap>());

/// "current", "no_secretary_general", "never_trained", "lapsed".
/// \param gap the enumerator to name
/// \return its name as `EnumNames<SgGap>` spells it, a static string;
/// "unknown" outside the enumeration
[[nodiscard]] KEXIE_API std::string_view to_string(SgGap gap) noexcept;

/// Whether an association's secretary-general is trained regularly on a day.
///
///   if (s.gap != kexie::SgGap::current) invite(s.secretary_general);
struct SgStatus {
  /// The association.
  OrgId association;
  /// Its secretary-general that day (empty when none).
  PersonId secretary_general;
  /// Their last training on or before the day.
  std::optional<Date> last_trained;
  /// The first day they are out of date (the last training plus the interval), when trained.
  std::optional<Date> due;
  /// The verdict.
  SgGap gap = SgGap::current;
  /// Field-wise equality.
  friend bool operator==(const SgStatus&, const SgStatus&) = default;
};

/// The status of `association`'s secretary-general on `on`. `not_found`;
/// `rule_violation` `enterprise.association_kind` (A13) unless it is an enterprise
/// association in effect that day.
/// \param reg the registry that keeps the enterprise facts
/// \param association an enterprise association
/// \param on the day asked about
/// \return its secretary-general, last training, due day and verdict; or the refusal
///
///   kexie::SgStatus s = kexie::sg_status(reg, kx, today).value();
[[nodiscard]] KEXIE_API Result<SgStatus> sg_status(const Registry& reg, OrgId association, Date on);
/// The enterprise associations under `area` on `on` whose secretary-general is not
/// current (missing, never trained or lapsed), in depth-first order. Refusals as
/// `coverage`.
/// \param reg the registry that keeps the enterprise facts
/// \param area a local association or the national association
/// \param on the day asked about
/// \return the statuses that are not `current`; refusals as `coverage`
///
///   for (const kexie::SgStatus& s : kexie::sg_out_of_date(reg, city, today).value()) …
[[nodiscard]] KEXIE_API Result<std::vector<SgStatus>> sg_out_of_date(const Registry& reg,
                                                                     OrgId area, Date on);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_GUIDANCE_HPP
