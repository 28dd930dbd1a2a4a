// The lifecycle of an activity (DOMAIN.md §3, A12): its states, the operations
// that move it from state to state, and the policy that decides who may perform
// each operation and how an evaluation score becomes a grade. The state table is
// fixed by the domain and exposed as `next_state`; everything the policy text
// leaves open (who holds which permission, the grade bands, which grades may be
// commended, which operations an involved person may not perform) is data in a
// `LifecyclePolicy` that the application can replace. `ActivityBook`
// (activity.hpp) applies both.
//
//   draft ─submit→ submitted ─approve→ approved ─start→ in_progress ─complete→ completed
//     └withdraw→ withdrawn ←withdraw┘ └reject→ rejected    suspend⇄resume, terminate→ terminated
//   completed ─open_evaluation→ under_evaluation ─conclude→ evaluated ─commend→ commended
//   evaluated, commended ─archive→ archived
#ifndef KEXIE_LIFECYCLE_HPP
#define KEXIE_LIFECYCLE_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include "kexie/decimal.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"
#include "kexie/membership.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

/// Where an activity stands in its lifecycle.
///
///   assert(kexie::next_state(kexie::ActivityState::draft, kexie::ActivityOperation::submit)
///          == kexie::ActivityState::submitted);
enum class ActivityState : std::uint8_t {
  draft,             ///< being prepared by its owner
  submitted,         ///< submitted for approval
  withdrawn,         ///< withdrawn by its owner before approval (final)
  rejected,          ///< refused approval (final)
  approved,          ///< approved, 立项 (project initiation)
  in_progress,       ///< being implemented, 实施
  suspended,         ///< implementation paused
  terminated,        ///< implementation stopped for good (final)
  completed,         ///< implementation finished, awaiting evaluation
  under_evaluation,  ///< being evaluated, 评估
  evaluated,         ///< evaluated, with a score and a grade
  commended,         ///< commended, 表彰奖励
  archived,          ///< archived (final)
};

/// The names of `ActivityState`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<ActivityState> {
  static constexpr std::array<std::string_view, 13> names{
      "draft",       "submitted", "withdrawn",  "rejected",  "approved",
      "in_progress", "suspended", "terminated", "completed", "under_evaluation",
      "evaluated",   "commended", "archived"};
  static constexpr bool listed(ActivityState v) noexcept {
    switch (v) {
      case ActivityState::draft:
      case ActivityState::submitted:
      case ActivityState::withdrawn:
      case ActivityState::rejected:
      case ActivityState::approved:
      case ActivityState::in_progress:
      case ActivityState::suspended:
      case ActivityState::terminated:
      case ActivityState::completed:
      case ActivityState::under_evaluation:
      case ActivityState::evaluated:
      case ActivityState::commended:
      case ActivityState::archived:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<ActivityState>());

/// The number of `ActivityState` values.
///
///   std::array<int, kexie::kActivityStateCount> per_state{};
inline constexpr std::size_t kActivityStateCount = enum_count<ActivityState>;

/// "draft", "submitted", …, "archived".
/// \param state the enumerator to name
/// \return its name as `EnumNames<ActivityState>` spells it, a static string;
/// "unknown" outside the enumeration
///
///   assert(kexie::to_string(kexie::ActivityState::in_progress) == "in_progress");
[[nodiscard]] KEXIE_API std::string_view to_string(ActivityState state) noexcept;
/// Streams `to_string(state)`.
/// \param os the stream
/// \param state the activity state
/// \return os
KEXIE_API std::ostream& operator<<(std::ostream& os, ActivityState state);

/// Something an actor does to an activity. The first thirteen are the
/// transitions of the lifecycle; `report_progress` (中期检查) adds a progress
/// report without changing the state; `create` opens a new activity in `draft`.
///
///   book.apply(id, actor, at, kexie::ActivityOperation::start, "kick-off meeting held");
enum class ActivityOperation : std::uint8_t {
  submit,           ///< draft → submitted
  withdraw,         ///< draft or submitted → withdrawn
  approve,          ///< submitted → approved (立项)
  reject,           ///< submitted → rejected
  start,            ///< approved → in_progress (实施)
  suspend,          ///< in_progress → suspended
  resume,           ///< suspended → in_progress
  terminate,        ///< in_progress or suspended → terminated
  complete,         ///< in_progress → completed
  open_evaluation,  ///< completed → under_evaluation (评估)
  conclude,         ///< under_evaluation → evaluated, with a score and grade
  commend,          ///< evaluated → commended (表彰), for commendable grades only
  archive,          ///< evaluated or commended → archived
  report_progress,  ///< a progress report while in_progress; the state stays
  create,           ///< a new activity in draft
};

/// The names of `ActivityOperation`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<ActivityOperation> {
  static constexpr std::array<std::string_view, 15> names{
      "submit",   "withdraw", "approve",   "reject",          "start",
      "suspend",  "resume",   "terminate", "complete",        "open_evaluation",
      "conclude", "commend",  "archive",   "report_progress", "create"};
  static constexpr bool listed(ActivityOperation v) noexcept {
    switch (v) {
      case ActivityOperation::submit:
      case ActivityOperation::withdraw:
      case ActivityOperation::approve:
      case ActivityOperation::reject:
      case ActivityOperation::start:
      case ActivityOperation::suspend:
      case ActivityOperation::resume:
      case ActivityOperation::terminate:
      case ActivityOperation::complete:
      case ActivityOperation::open_evaluation:
      case ActivityOperation::conclude:
      case ActivityOperation::commend:
      case ActivityOperation::archive:
      case ActivityOperation::report_progress:
      case ActivityOperation::create:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<ActivityOperation>());

/// The number of `ActivityOperation` values.
///
///   static_assert(kexie::kActivityOperationCount == kexie::kTransitions.size() + 2);
inline constexpr std::size_t kActivityOperationCount = enum_count<ActivityOperation>;

/// The thirteen transitions, in lifecycle order (what `next_state` is defined on).
///
///   for (kexie::ActivityOperation op : kexie::kTransitions) std::cout << op << '\n';
inline constexpr std::array<ActivityOperation, 13> kTransitions = {
    ActivityOperation::submit,          ActivityOperation::withdraw,  ActivityOperation::approve,
    ActivityOperation::reject,          ActivityOperation::start,     ActivityOperation::suspend,
    ActivityOperation::resume,          ActivityOperation::terminate, ActivityOperation::complete,
    ActivityOperation::open_evaluation, ActivityOperation::conclude,  ActivityOperation::commend,
    ActivityOperation::archive};

/// "submit", "withdraw", …, "report_progress", "create".
/// \param op the enumerator to name
/// \return its name as `EnumNames<ActivityOperation>` spells it, a static string;
/// "unknown" outside the enumeration
///
///   assert(kexie::to_string(kexie::ActivityOperation::open_evaluation) == "open_evaluation");
[[nodiscard]] KEXIE_API std::string_view to_string(ActivityOperation op) noexcept;
/// Streams `to_string(op)`.
/// \param os the stream
/// \param op the lifecycle operation
/// \return os
KEXIE_API std::ostream& operator<<(std::ostream& os, ActivityOperation op);

/// The state `op` leads to from `from`, or nothing when the lifecycle does not
/// allow `op` in `from`. `report_progress` maps in_progress to itself; `create`
/// is never a transition.
/// \param from the current state
/// \param op the operation attempted
/// \return the resulting state, or std::nullopt when not allowed
///
///   using S = kexie::ActivityState; using Op = kexie::ActivityOperation;
///   assert(kexie::next_state(S::suspended, Op::terminate) == S::terminated);
///   assert(kexie::next_state(S::draft, Op::approve) == std::nullopt);
[[nodiscard]] KEXIE_API std::optional<ActivityState> next_state(ActivityState from,
                                                                ActivityOperation op) noexcept;

/// True for the states no operation leaves: withdrawn, rejected, terminated, archived.
/// \param state the state
/// \return true for a final state
///
///   assert(kexie::is_final(kexie::ActivityState::archived));
[[nodiscard]] KEXIE_API bool is_final(ActivityState state) noexcept;

/// An evaluation grade (评估等级).
///
///   assert(policy.grade_for(kexie::Decimal(92)).value() == kexie::EvaluationGrade::excellent);
enum class EvaluationGrade : std::uint8_t {
  excellent,  ///< 优秀
  good,       ///< 良好
  pass,       ///< 合格
  fail,       ///< 不合格
};

/// The names of `EvaluationGrade`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<EvaluationGrade> {
  static constexpr std::array<std::string_view, 4> names{"excellent", "good", "pass", "fail"};
  static constexpr bool listed(EvaluationGrade v) noexcept {
    switch (v) {
      case EvaluationGrade::excellent:
      case EvaluationGrade::good:
      case EvaluationGrade::pass:
      case EvaluationGrade::fail:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<EvaluationGrade>());

/// "excellent", "good", "pass", "fail".
/// \param grade the enumerator to name
/// \return its name as `EnumNames<EvaluationGrade>` spells it, a static string;
/// "unknown" outside the enumeration
[[nodiscard]] KEXIE_API std::string_view to_string(EvaluationGrade grade) noexcept;
/// Streams `to_string(grade)`.
/// \param os the stream
/// \param grade the evaluation grade
/// \return os
KEXIE_API std::ostream& operator<<(std::ostream& os, EvaluationGrade grade);

/// A score of at least `min_score` earns `grade` (unless a higher band applies).
///
///   kexie::GradeBand b{kexie::EvaluationGrade::good, kexie::Decimal(75)};
struct GradeBand {
  /// The grade the band gives.
  EvaluationGrade grade = EvaluationGrade::pass;
  /// The lowest score in the band, inclusive.
  Decimal min_score;
  /// Field-wise equality.
  friend bool operator==(const GradeBand&, const GradeBand&) = default;
};

/// Who a permission is granted to.
///
///   kexie::Permission p{kexie::ActivityOperation::approve, kexie::Grantee::role_holder,
///                       kexie::role_bit(kexie::Role::chair), kexie::Scope::organizer};
enum class Grantee : std::uint8_t {
  responsible,  ///< the activity's responsible person (负责人)
  team_member,  ///< a person on the activity's team
  role_holder,  ///< a person holding one of the permission's roles within its scope
  expert,       ///< a person listed in an expert pool (专家库) within its scope
};

/// The names of `Grantee`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<Grantee> {
  static constexpr std::array<std::string_view, 4> names{"responsible", "team_member",
                                                         "role_holder", "expert"};
  static constexpr bool listed(Grantee v) noexcept {
    switch (v) {
      case Grantee::responsible:
      case Grantee::team_member:
      case Grantee::role_holder:
      case Grantee::expert:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<Grantee>());

/// "responsible", "team_member", "role_holder", "expert".
/// \param grantee the enumerator to name
/// \return its name as `EnumNames<Grantee>` spells it, a static string;
/// "unknown" outside the enumeration
[[nodiscard]] KEXIE_API std::string_view to_string(Grantee grantee) noexcept;

/// Which organization a role (or expert listing) must cover: held there or at
/// any organization above it on the day of the operation.
///
///   // a chair of the city association covers an activity organized by an enterprise under it
///   kexie::Permission{op, kexie::Grantee::role_holder, kexie::role_bit(kexie::Role::chair),
///                     kexie::Scope::organizer};
enum class Scope : std::uint8_t {
  organizer,  ///< the activity's organizing association
  owner,      ///< the activity's owning organization
};

/// The names of `Scope`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<Scope> {
  static constexpr std::array<std::string_view, 2> names{"organizer", "owner"};
  static constexpr bool listed(Scope v) noexcept {
    switch (v) {
      case Scope::organizer:
      case Scope::owner:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<Scope>());

/// "organizer" or "owner".
/// \param scope the enumerator to name
/// \return its name as `EnumNames<Scope>` spells it, a static string;
/// "unknown" outside the enumeration
[[nodiscard]] KEXIE_API std::string_view to_string(Scope scope) noexcept;

/// One row of the permission table: `grantee` may perform `operation`. For
/// `role_holder` and `expert`, the role (any of `roles`) or listing must be held
/// at the organization `scope` names or above it. Rows only grant; there are no
/// deny rows, and an operation with no matching row is refused (deny by default).
///
///   // a secretary-general of the organizer or of any association above it approves
///   kexie::Permission p{kexie::ActivityOperation::approve, kexie::Grantee::role_holder,
///                       kexie::role_bit(kexie::Role::secretary_general), kexie::Scope::organizer};
struct Permission {
  /// The operation granted.
  ActivityOperation operation = ActivityOperation::submit;
  /// To whom.
  Grantee grantee = Grantee::responsible;
  /// For `role_holder`: the roles that qualify (any one of them).
  RoleSet roles = 0;
  /// For `role_holder` and `expert`: the organization the grant must cover.
  Scope scope = Scope::organizer;
  /// Field-wise equality.
  friend constexpr bool operator==(const Permission&, const Permission&) noexcept = default;
};

/// Everything about the lifecycle that is a choice rather than the domain's
/// fixed state table. `standard()` is DOMAIN.md's default; change any field,
/// check `validate()`, and hand it to the `ActivityBook`.
///
///   kexie::LifecyclePolicy p = kexie::LifecyclePolicy::standard();
///   p.commendable.push_back(kexie::EvaluationGrade::pass);   // commend passes too
///   p.bands[0].min_score = kexie::Decimal(95);              // 优秀 from 95
///   assert(p.validate());
struct KEXIE_API LifecyclePolicy {
  /// The permission table (deny by default).
  std::vector<Permission> permissions;
  /// Operations a person may never perform on an activity they are responsible
  /// for or on the team of (conflict of interest). **default** approve, reject,
  /// open_evaluation, conclude, commend.
  std::vector<ActivityOperation> impartial;
  /// Grade bands, highest first; a score below every band gets `below_bands`.
  /// **default** 优秀 ≥ 90, 良好 ≥ 75, 合格 ≥ 60.
  std::vector<GradeBand> bands;
  /// The grade of a score below every band. **default** 不合格 fail.
  EvaluationGrade below_bands = EvaluationGrade::fail;
  /// Grades that may be commended. **default** excellent and good.
  std::vector<EvaluationGrade> commendable;
  /// Operations that need a non-empty reason. **default** withdraw, reject,
  /// suspend, terminate.
  std::vector<ActivityOperation> reason_required;
  /// The highest possible evaluation score. **default** 100.
  Decimal max_score = Decimal(100);
  /// Opt-in for migrations and tests: accept roles and expert listings an `Actor`
  /// asserts without the registry backing them (`backed_by_registry`). The
  /// operation's audit record then says so (`AuditRecord::asserted`). **default**
  /// false: an unbacked role is refused with `permission_denied`, rule
  /// `actor.unbacked_role` (A14).
  ///
  ///   auto p = kexie::LifecyclePolicy::standard();
  ///   p.allow_asserted_roles = true;   // importing an old system's trail
  bool allow_asserted_roles = false;

  /// DOMAIN.md §3's defaults. The permission table (a role at an organization
  /// covers the organizations under it):
  ///
  /// | operation | granted to |
  /// |---|---|
  /// | create | the responsible person; secretary-general, full-time staff of the owner |
  /// | submit, withdraw, start, complete | the responsible person |
  /// | report_progress | the responsible person and the team |
  /// | approve, reject | chair, vice-chair, secretary-general of the organizer |
  /// | suspend, resume | the responsible person; chair, secretary-general of the organizer |
  /// | terminate | chair, secretary-general of the organizer |
  /// | open_evaluation | chair, vice-chair, secretary-general of the organizer |
  /// | conclude | experts of the organizer's pool; secretary-general of the organizer |
  /// | commend | chair, secretary-general of the organizer |
  /// | archive | secretary-general, full-time staff of the organizer |
  ///
  /// \return a fresh copy of the default policy (it `validate()`s), to adjust
  [[nodiscard]] static LifecyclePolicy standard();

  /// The grade of `score` by the bands; `invalid_argument` (rule
  /// "lifecycle.score_range") for a score below 0 or above `max_score`.
  /// \param score the evaluation score, 0 to `max_score`
  /// \return the grade of the highest band whose minimum the score reaches, else
  /// `below_bands`; `invalid_argument` out of range
  ///
  ///   auto p = kexie::LifecyclePolicy::standard();
  ///   assert(p.grade_for(kexie::Decimal::parse("89.99").value()).value() ==
  ///          kexie::EvaluationGrade::good);
  [[nodiscard]] Result<EvaluationGrade> grade_for(const Decimal& score) const;

  /// True when `grade` may be commended.
  /// \param grade the grade an activity concluded with
  /// \return true when `commendable` lists it
  ///
  ///   auto p = kexie::LifecyclePolicy::standard();
  ///   assert(!p.may_commend(kexie::EvaluationGrade::pass));
  [[nodiscard]] bool may_commend(EvaluationGrade grade) const noexcept;

  /// True when an involved person may not perform `op`.
  /// \param op the operation
  /// \return true when `impartial` lists it (the responsible person and the team are
  /// refused with `conflict_of_interest`)
  ///
  ///   assert(kexie::LifecyclePolicy::standard().requires_impartiality(kexie::ActivityOperation::approve));
  [[nodiscard]] bool requires_impartiality(ActivityOperation op) const noexcept;

  /// True when `op` needs a non-empty reason.
  /// \param op the operation
  /// \return true when `reason_required` lists it
  ///
  ///   assert(kexie::LifecyclePolicy::standard().requires_reason(kexie::ActivityOperation::reject));
  [[nodiscard]] bool requires_reason(ActivityOperation op) const noexcept;

  /// `invalid_argument` (rule "lifecycle.policy") when the bands are not strictly
  /// descending or leave [0, max_score], when max_score is not positive, or a
  /// permission row is unusable (a role_holder row with no roles, a
  /// responsible/team row with roles).
  /// \return ok for a usable policy; otherwise `invalid_argument` naming the first fault
  ///
  ///   assert(kexie::LifecyclePolicy::standard().validate());
  [[nodiscard]] Status validate() const;

  /// Field-wise equality.
  friend bool operator==(const LifecyclePolicy&, const LifecyclePolicy&) = default;
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_LIFECYCLE_HPP
