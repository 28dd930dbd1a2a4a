// Activities (活动) of DOMAIN.md §3 and the book that keeps them. An activity
// has a type the policy names, an organizing association, an owning
// organization and a responsible person, a team, planned dates and, for some
// types, details (the event of a science-popularization activity, the partner of
// a cooperation). `ActivityBook` holds activities and their audit trail and is
// the only way to change them: every operation takes an `Actor`, a `Timestamp`
// and a reason, is checked against the lifecycle (lifecycle.hpp), the permission
// table scoped by the registry's organization tree, conflicts of interest and
// the order of time, and is recorded in the hash-chained trail (audit.hpp)
// whether it is performed or refused. A refused operation changes nothing but
// the trail.
#ifndef KEXIE_ACTIVITY_HPP
#define KEXIE_ACTIVITY_HPP

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kexie/actor.hpp"
#include "kexie/audit.hpp"
#include "kexie/date.hpp"
#include "kexie/decimal.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/error.hpp"
#include "kexie/export.hpp"
#include "kexie/ids.hpp"
#include "kexie/lifecycle.hpp"
#include "kexie/person.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

class Registry;
namespace detail {
struct ActivityImpl;  // src/activity_state.hpp
}  // namespace detail

/// The kinds of activity the policy names (DOMAIN.md §3), with their articles.
///
///   kexie::ActivityPlan plan{.type = kexie::ActivityType::jiangbi_campaign, …};
enum class ActivityType : std::uint8_t {
  academic_exchange,           ///< 学术交流 academic exchange (A3)
  forward_research,            ///< 前瞻性课题研究 forward-looking research topic (A3)
  technical_consulting,        ///< 技术咨询 technical consulting (A4)
  technical_service,           ///< 技术服务 technical service (A4)
  technical_development,       ///< 技术开发 technical development (A4)
  technical_transfer,          ///< 技术转让 technology transfer (A4)
  key_technology,              ///< 技术攻关 key-technology tackling (A4)
  continuing_education,        ///< 继续教育 continuing education (A5)
  innovation_method_training,  ///< 创新方法培训 innovation-method training (A5)
  mass_innovation,             ///< 小革新、小发明、小创造 mass technical innovation (A6)
  science_popularization,      ///< 科普 science popularization (A7)
  assessment_advice,           ///< 评估论证、建言献策 assessment and advice (A8)
  jiangbi_campaign,  ///< 讲理想、比贡献 "ideals and contribution" campaign (A10–A12)
  factory_society,   ///< 厂会协作 factory–society cooperation (A11)
  golden_bridge,     ///< 金桥工程 Golden Bridge project (A11)
  secretary_general_training,  ///< 秘书长培训 secretary-general training (A15)
};

/// The names of `ActivityType`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<ActivityType> {
  static constexpr std::array<std::string_view, 16> names{"academic_exchange",
                                                          "forward_research",
                                                          "technical_consulting",
                                                          "technical_service",
                                                          "technical_development",
                                                          "technical_transfer",
                                                          "key_technology",
                                                          "continuing_education",
                                                          "innovation_method_training",
                                                          "mass_innovation",
                                                          "science_popularization",
                                                          "assessment_advice",
                                                          "jiangbi_campaign",
                                                          "factory_society",
                                                          "golden_bridge",
                                                          "secretary_general_training"};
  static constexpr bool listed(ActivityType v) noexcept {
    switch (v) {
      case ActivityType::academic_exchange:
      case ActivityType::forward_research:
      case ActivityType::technical_consulting:
      case ActivityType::technical_service:
      case ActivityType::technical_development:
      case ActivityType::technical_transfer:
      case ActivityType::key_technology:
      case ActivityType::continuing_education:
      case ActivityType::innovation_method_training:
      case ActivityType::mass_innovation:
      case ActivityType::science_popularization:
      case ActivityType::assessment_advice:
      case ActivityType::jiangbi_campaign:
      case ActivityType::factory_society:
      case ActivityType::golden_bridge:
      case ActivityType::secretary_general_training:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<ActivityType>());

/// "academic_exchange", …, "secretary_general_training".
/// \param type the enumerator to name
/// \return its name as `EnumNames<ActivityType>` spells it, a static string;
/// "unknown" outside the enumeration
[[nodiscard]] KEXIE_API std::string_view to_string(ActivityType type) noexcept;
/// The article of the policy that names the type, e.g. "A7".
/// \param type the activity type
/// \return the article, a static string
///
///   assert(kexie::article_of(kexie::ActivityType::science_popularization) == "A7");
[[nodiscard]] KEXIE_API std::string_view article_of(ActivityType type) noexcept;
/// Streams `to_string(type)`.
/// \param os the stream
/// \param type the activity type
/// \return os
KEXIE_API std::ostream& operator<<(std::ostream& os, ActivityType type);

/// The events of science popularization (A7).
///
///   kexie::PopularizationDetails details{kexie::PopularizationEvent::st_week};
enum class PopularizationEvent : std::uint8_t {
  st_week,              ///< 科技周 S&T week
  popularization_day,   ///< 科普日 popularization day
  workshops_and_teams,  ///< 进车间进班组 into workshops and teams
};

/// The names of `PopularizationEvent`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<PopularizationEvent> {
  static constexpr std::array<std::string_view, 3> names{"st_week", "popularization_day",
                                                         "workshops_and_teams"};
  static constexpr bool listed(PopularizationEvent v) noexcept {
    switch (v) {
      case PopularizationEvent::st_week:
      case PopularizationEvent::popularization_day:
      case PopularizationEvent::workshops_and_teams:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<PopularizationEvent>());

/// The kinds of mass technical innovation (A6).
///
///   kexie::InnovationDetails details{kexie::InnovationKind::small_creation};
enum class InnovationKind : std::uint8_t {
  small_innovation,  ///< 小革新
  small_invention,   ///< 小发明
  small_creation,    ///< 小创造
};

/// The names of `InnovationKind`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<InnovationKind> {
  static constexpr std::array<std::string_view, 3> names{"small_innovation", "small_invention",
                                                         "small_creation"};
  static constexpr bool listed(InnovationKind v) noexcept {
    switch (v) {
      case InnovationKind::small_innovation:
      case InnovationKind::small_invention:
      case InnovationKind::small_creation:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<InnovationKind>());

/// Details of a science-popularization activity: which event. Required for that type.
///
///   .details = kexie::PopularizationDetails{kexie::PopularizationEvent::popularization_day}
struct PopularizationDetails {
  /// The event.
  PopularizationEvent event = PopularizationEvent::st_week;
  /// Equal when the events are equal.
  friend bool operator==(const PopularizationDetails&, const PopularizationDetails&) = default;
};

/// Details of a mass-innovation activity: which kind. Required for that type.
///
///   .details = kexie::InnovationDetails{kexie::InnovationKind::small_invention}
struct InnovationDetails {
  /// The kind.
  InnovationKind kind = InnovationKind::small_innovation;
  /// Equal when the kinds are equal.
  friend bool operator==(const InnovationDetails&, const InnovationDetails&) = default;
};

/// Details of a cooperation: the other party (a society for 厂会协作, a partner or
/// society for 金桥工程, the client for technical consulting, service, development
/// and transfer). Required for factory_society and golden_bridge, allowed for the
/// four technical types.
///
///   .details = kexie::CooperationDetails{metals_society}
struct CooperationDetails {
  /// The other organization; must exist in the registry on the creation day.
  OrgId partner;
  /// Equal when the partners are equal.
  friend bool operator==(const CooperationDetails&, const CooperationDetails&) = default;
};

/// Details of a training activity: class hours (学时) and subject kind (A5).
/// Required for continuing_education; allowed for innovation-method and
/// secretary-general training.
///
///   .details = kexie::TrainingDetails{kexie::TrainingKind::professional, 24}
struct TrainingDetails {
  /// Professional (专业科目) or general (公需科目) subjects.
  TrainingKind kind = TrainingKind::professional;
  /// Class hours, at least 1.
  int hours = 1;
  /// Equal when kind and hours are equal.
  friend bool operator==(const TrainingDetails&, const TrainingDetails&) = default;
};

/// Type-specific details, or none.
///
///   if (auto* p = std::get_if<kexie::PopularizationDetails>(&activity.plan.details))
///   show(p->event);
using ActivityDetails = std::variant<std::monostate, PopularizationDetails, InnovationDetails,
                                     CooperationDetails, TrainingDetails>;

/// What `ActivityBook::create` needs.
///
///   kexie::ActivityPlan plan{.type = kexie::ActivityType::jiangbi_campaign,
///                            .title = "2025 节能降耗讲比",
///                            .organizer = ent, .owner = workshop, .responsible = wang.person(),
///                            .team = {li, zhao},
///                            .planned = {"2025-03-01"_date, "2025-11-30"_date}};
struct ActivityPlan {
  /// The type.
  ActivityType type = ActivityType::academic_exchange;
  /// A title; not empty.
  std::string title;
  /// The organizing association: approves, evaluates and commends (with those above it).
  OrgId organizer;
  /// The owning organization that carries the activity out.
  OrgId owner;
  /// The responsible person (负责人) of the owner.
  PersonId responsible;
  /// The team, without duplicates; may include the responsible person.
  std::vector<PersonId> team;
  /// Planned start and end; an activity still in implementation after the end is overdue.
  Period planned;
  /// Type-specific details.
  ActivityDetails details;
  /// Field-wise equality (type, title, organizations, people, period, details).
  friend bool operator==(const ActivityPlan&, const ActivityPlan&) = default;
};

/// A progress report (中期检查) filed during implementation.
///
///   for (const kexie::ProgressReport& r : book.find(id)->progress)
///     std::cout << r.date << ' ' << r.percent << "% " << r.text << '\n';
struct ProgressReport {
  /// The day of the report.
  Date date;
  /// Completion, 0–100.
  int percent = 0;
  /// What was done.
  std::string text;
  /// Who filed it.
  PersonId by;
  /// Equal when day, percent, text and author are equal.
  friend bool operator==(const ProgressReport&, const ProgressReport&) = default;
};

/// An activity as the book keeps it.
///
///   const kexie::Activity* a = book.find(id);
///   if (a && a->state == kexie::ActivityState::evaluated) std::cout << *a->grade;
struct Activity {
  /// Its identifier.
  ActivityId id;
  /// What it is and who runs it.
  ActivityPlan plan;
  /// Where it stands.
  ActivityState state = ActivityState::draft;
  /// The evaluation score, once concluded.
  std::optional<Decimal> score;
  /// The grade, once concluded.
  std::optional<EvaluationGrade> grade;
  /// Progress reports, oldest first.
  std::vector<ProgressReport> progress;
  /// When it was created.
  Timestamp created;
  /// The time of its last performed operation; later operations may not be earlier.
  Timestamp last_event;
  /// Field-wise equality: equal activities have equal `digest`s.
  friend bool operator==(const Activity&, const Activity&) = default;
};

/// True when `activity` is still being implemented (in_progress or suspended)
/// on a day after its planned end.
/// \param activity the activity, e.g. `*book.find(id)`
/// \param as_of the day of the check
/// \return true when in_progress or suspended and `as_of` is after `plan.planned.last`
///
///   if (kexie::overdue(*book.find(id), today)) remind(book.find(id)->plan.responsible);
[[nodiscard]] KEXIE_API bool overdue(const Activity& activity, Date as_of) noexcept;

/// Hex SHA-256 of every field of `activity`: equal digests mean equal activities.
/// Tests compare it before and after a refused operation.
/// \param activity the activity
/// \return 64 lower-case hex digits
///
///   std::string before = kexie::digest(*book.find(id));
///   (void)book.approve(id, owner, at, "self");     // refused
///   assert(kexie::digest(*book.find(id)) == before);
[[nodiscard]] KEXIE_API std::string digest(const Activity& activity);

/// One line of `allowed_transitions`: an operation, and either the state it would
/// lead to or the error that would refuse it.
///
///   const auto checks = book.allowed_transitions(id, actor, now).value();
///   for (const kexie::TransitionCheck& c : checks)
///     if (!c.allowed()) std::cout << c.operation << ": " << c.refusal->message() << '\n';
struct TransitionCheck {
  /// The operation.
  ActivityOperation operation = ActivityOperation::submit;
  /// The state it leads to when allowed (unchanged for report_progress).
  std::optional<ActivityState> to;
  /// Why it would be refused, when it would.
  std::optional<Error> refusal;
  /// True when the actor may perform it now.
  /// \return `!refusal.has_value()`
  [[nodiscard]] bool allowed() const noexcept { return !refusal.has_value(); }
};

/// Activities with their lifecycle and audit trail. Reads organizations from a
/// `Registry` (to scope roles: a role at an association covers the organizations
/// under it on the day of the operation), which must outlive the book.
///
/// Thread safety: const member functions may run concurrently; a non-const one
/// needs exclusive access (and the registry must not change meanwhile).
///
/// Out of memory: an operation that cannot allocate throws std::bad_alloc and
/// leaves the book as it was, trail included (the strong guarantee).
///
/// Every operation is checked in this order, and the first failure refuses it:
///  1. the actor is set, the activity exists (`invalid_argument`, `not_found`);
///  2. the timestamp is not earlier than the activity's last performed operation
///     (`rule_violation`, rule `lifecycle.time_order`);
///  3. the lifecycle allows the operation in the current state
///     (`illegal_transition`, rule `lifecycle.state`, A12);
///  4. a row of the permission table grants it to the actor
///     (`permission_denied`, rule `lifecycle.permission`; a security event);
///  5. an impartial operation is not performed by the responsible person or a
///     team member (`conflict_of_interest`, rule `lifecycle.self_review`, A12; a
///     security event);
///  6. the operation's own guard: a reason where required
///     (`invalid_argument`, `lifecycle.reason_required`), a score in range
///     (`invalid_argument`, `lifecycle.score_range`), a commendable grade
///     (`rule_violation`, `lifecycle.commend_grade`, A12), a percent in 0–100
///     (`invalid_argument`, `lifecycle.progress_percent`).
/// Performed and refused operations alike append one record to the audit trail.
/// Refused ones do not move the activity's clock.
///
///   kexie::ActivityBook book{registry};
///   kexie::ActivityId id = book.create(wang, t0, plan, "annual plan").value();
///   book.submit(id, wang, t1, "ready").value();
///   kexie::Status s = book.approve(id, wang, t2, "looks good to me");
///   assert(s.code() == kexie::ErrorCode::conflict_of_interest);   // his own activity
///   book.approve(id, chair, t2, "立项").value();
///   assert(book.verify_audit().ok());
class KEXIE_API ActivityBook {
 public:
  /// An empty book reading `registry` (which must neither be destroyed nor moved
  /// while the book is used) and applying `policy`. Throws
  /// std::invalid_argument when `!policy.validate()` (a programmer error).
  /// \param registry the organization tree and memberships that scope roles; borrowed,
  /// not copied: it must outlive the book
  /// \param policy the lifecycle (states, permission table, reasons, grades) to apply
  explicit ActivityBook(const Registry& registry,
                        LifecyclePolicy policy = LifecyclePolicy::standard());
  ~ActivityBook();
  /// Moves activities and trail; the moved-from book may only be destroyed or assigned to.
  /// \param other the book to take over; keeps reading the same registry
  ActivityBook(ActivityBook&& other) noexcept;
  /// Moves activities and trail; the moved-from book may only be destroyed or assigned to.
  /// \param other the book to take over; this book's activities and trail are dropped
  /// \return this book
  ActivityBook& operator=(ActivityBook&& other) noexcept;
  ActivityBook(const ActivityBook&) = delete;
  ActivityBook& operator=(const ActivityBook&) = delete;

  /// The policy applied.
  /// \return the policy given to the constructor or the last `set_policy`; valid until
  /// the next `set_policy`
  [[nodiscard]] const LifecyclePolicy& policy() const noexcept;
  /// Replaces the policy for later operations; `invalid_argument` (and no change)
  /// when it does not validate.
  /// \param policy the new lifecycle policy; `policy.validate()` must pass
  /// \return ok, or `invalid_argument` with the validation's error (the old policy kept)
  ///
  ///   auto p = book.policy(); p.commendable.push_back(kexie::EvaluationGrade::pass);
  ///   book.set_policy(p).value();
  [[nodiscard]] Status set_policy(LifecyclePolicy policy);

  /// Opens a new activity in `draft`. Checks the plan (`invalid_argument` rule
  /// `activity.plan` for an empty title, unset ids, a bad period, duplicate team
  /// members, details missing or not fitting the type; `not_found` rule
  /// `activity.org` when the organizer, owner or cooperation partner is not in
  /// effect on `at`; `rule_violation` rule `activity.organizer` (A3) when the
  /// organizer is a partner outside the tree), then the `create` row of the
  /// permission table.
  /// \param actor who creates it; needs the `create` row of the permission table at
  /// the owner (`permission_denied`, `lifecycle.permission`); `invalid_argument` when unset
  /// \param at the creation instant (UTC); becomes `Activity::created`, and its day is
  /// the day the organizations must be in effect
  /// \param plan type, title, organizations, people, period and details (checked as above)
  /// \param reason why, kept in the audit record; well-formed text (`text.*` rules)
  /// \return the new activity's id; or the refusal (recorded in the trail, no activity added)
  ///
  ///   kexie::ActivityId id = book.create(wang, at, plan, "annual plan").value();
  [[nodiscard]] Result<ActivityId> create(const Actor& actor, Timestamp at, ActivityPlan plan,
                                          std::string_view reason);

  /// draft → submitted.
  /// \param id the activity, as `create` returned it (`not_found` when the book has none)
  /// \param actor who performs it; the permission table checks its roles, scoped by the
  /// registry's tree on `at.date()` (`invalid_argument` when unset)
  /// \param at when it happens (UTC); not earlier than the activity's last performed
  /// operation (`rule_violation`, `lifecycle.time_order`)
  /// \param reason why, kept in the audit record; well-formed text (`text.*` rules)
  /// \return ok when performed; otherwise the first refusal of the checks listed on the
  /// class (recorded in the trail too), the activity unchanged
  ///
  ///   book.submit(id, wang, at, "ready for review").value();
  [[nodiscard]] Status submit(ActivityId id, const Actor& actor, Timestamp at,
                              std::string_view reason);
  /// draft or submitted → withdrawn. Needs a reason (default policy).
  /// \param id the activity, as `create` returned it (`not_found` when the book has none)
  /// \param actor who performs it; the permission table checks its roles, scoped by the
  /// registry's tree on `at.date()` (`invalid_argument` when unset)
  /// \param at when it happens (UTC); not earlier than the activity's last performed
  /// operation (`rule_violation`, `lifecycle.time_order`)
  /// \param reason why, kept in the audit record; well-formed text (`text.*` rules), not
  /// empty here under the default policy (`invalid_argument`, `lifecycle.reason_required`)
  /// \return ok when performed; otherwise the first refusal of the checks listed on the
  /// class (recorded in the trail too), the activity unchanged
  ///
  ///   book.withdraw(id, wang, at, "merged into another project").value();
  [[nodiscard]] Status withdraw(ActivityId id, const Actor& actor, Timestamp at,
                                std::string_view reason);
  /// submitted → approved (立项). Impartial.
  /// \param id the activity, as `create` returned it (`not_found` when the book has none)
  /// \param actor who performs it; the permission table checks its roles, scoped by the
  /// registry's tree on `at.date()` (`invalid_argument` when unset)
  /// \param at when it happens (UTC); not earlier than the activity's last performed
  /// operation (`rule_violation`, `lifecycle.time_order`)
  /// \param reason why, kept in the audit record; well-formed text (`text.*` rules)
  /// \return ok when performed; otherwise the first refusal of the checks listed on the
  /// class (recorded in the trail too), the activity unchanged
  ///
  ///   book.approve(id, chair, at, "立项 at the March meeting").value();
  [[nodiscard]] Status approve(ActivityId id, const Actor& actor, Timestamp at,
                               std::string_view reason);
  /// submitted → rejected. Impartial; needs a reason (default policy).
  /// \param id the activity, as `create` returned it (`not_found` when the book has none)
  /// \param actor who performs it; the permission table checks its roles, scoped by the
  /// registry's tree on `at.date()` (`invalid_argument` when unset)
  /// \param at when it happens (UTC); not earlier than the activity's last performed
  /// operation (`rule_violation`, `lifecycle.time_order`)
  /// \param reason why, kept in the audit record; well-formed text (`text.*` rules), not
  /// empty here under the default policy (`invalid_argument`, `lifecycle.reason_required`)
  /// \return ok when performed; otherwise the first refusal of the checks listed on the
  /// class (recorded in the trail too), the activity unchanged
  ///
  ///   book.reject(id, chair, at, "duplicates an existing project").value();
  [[nodiscard]] Status reject(ActivityId id, const Actor& actor, Timestamp at,
                              std::string_view reason);
  /// approved → in_progress (实施).
  /// \param id the activity, as `create` returned it (`not_found` when the book has none)
  /// \param actor who performs it; the permission table checks its roles, scoped by the
  /// registry's tree on `at.date()` (`invalid_argument` when unset)
  /// \param at when it happens (UTC); not earlier than the activity's last performed
  /// operation (`rule_violation`, `lifecycle.time_order`)
  /// \param reason why, kept in the audit record; well-formed text (`text.*` rules)
  /// \return ok when performed; otherwise the first refusal of the checks listed on the
  /// class (recorded in the trail too), the activity unchanged
  ///
  ///   book.start(id, wang, at, "kick-off").value();
  [[nodiscard]] Status start(ActivityId id, const Actor& actor, Timestamp at,
                             std::string_view reason);
  /// in_progress → suspended. Needs a reason (default policy).
  /// \param id the activity, as `create` returned it (`not_found` when the book has none)
  /// \param actor who performs it; the permission table checks its roles, scoped by the
  /// registry's tree on `at.date()` (`invalid_argument` when unset)
  /// \param at when it happens (UTC); not earlier than the activity's last performed
  /// operation (`rule_violation`, `lifecycle.time_order`)
  /// \param reason why, kept in the audit record; well-formed text (`text.*` rules), not
  /// empty here under the default policy (`invalid_argument`, `lifecycle.reason_required`)
  /// \return ok when performed; otherwise the first refusal of the checks listed on the
  /// class (recorded in the trail too), the activity unchanged
  ///
  ///   book.suspend(id, wang, at, "plant shutdown").value();
  [[nodiscard]] Status suspend(ActivityId id, const Actor& actor, Timestamp at,
                               std::string_view reason);
  /// suspended → in_progress.
  /// \param id the activity, as `create` returned it (`not_found` when the book has none)
  /// \param actor who performs it; the permission table checks its roles, scoped by the
  /// registry's tree on `at.date()` (`invalid_argument` when unset)
  /// \param at when it happens (UTC); not earlier than the activity's last performed
  /// operation (`rule_violation`, `lifecycle.time_order`)
  /// \param reason why, kept in the audit record; well-formed text (`text.*` rules)
  /// \return ok when performed; otherwise the first refusal of the checks listed on the
  /// class (recorded in the trail too), the activity unchanged
  ///
  ///   book.resume(id, wang, at, "plant back online").value();
  [[nodiscard]] Status resume(ActivityId id, const Actor& actor, Timestamp at,
                              std::string_view reason);
  /// in_progress or suspended → terminated. Needs a reason (default policy).
  /// \param id the activity, as `create` returned it (`not_found` when the book has none)
  /// \param actor who performs it; the permission table checks its roles, scoped by the
  /// registry's tree on `at.date()` (`invalid_argument` when unset)
  /// \param at when it happens (UTC); not earlier than the activity's last performed
  /// operation (`rule_violation`, `lifecycle.time_order`)
  /// \param reason why, kept in the audit record; well-formed text (`text.*` rules), not
  /// empty here under the default policy (`invalid_argument`, `lifecycle.reason_required`)
  /// \return ok when performed; otherwise the first refusal of the checks listed on the
  /// class (recorded in the trail too), the activity unchanged
  ///
  ///   book.terminate(id, chair, at, "funding withdrawn").value();
  [[nodiscard]] Status terminate(ActivityId id, const Actor& actor, Timestamp at,
                                 std::string_view reason);
  /// in_progress → completed.
  /// \param id the activity, as `create` returned it (`not_found` when the book has none)
  /// \param actor who performs it; the permission table checks its roles, scoped by the
  /// registry's tree on `at.date()` (`invalid_argument` when unset)
  /// \param at when it happens (UTC); not earlier than the activity's last performed
  /// operation (`rule_violation`, `lifecycle.time_order`)
  /// \param reason why, kept in the audit record; well-formed text (`text.*` rules)
  /// \return ok when performed; otherwise the first refusal of the checks listed on the
  /// class (recorded in the trail too), the activity unchanged
  ///
  ///   book.complete(id, wang, at, "final report filed").value();
  [[nodiscard]] Status complete(ActivityId id, const Actor& actor, Timestamp at,
                                std::string_view reason);
  /// completed → under_evaluation (评估). Impartial.
  /// \param id the activity, as `create` returned it (`not_found` when the book has none)
  /// \param actor who performs it; the permission table checks its roles, scoped by the
  /// registry's tree on `at.date()` (`invalid_argument` when unset)
  /// \param at when it happens (UTC); not earlier than the activity's last performed
  /// operation (`rule_violation`, `lifecycle.time_order`)
  /// \param reason why, kept in the audit record; well-formed text (`text.*` rules)
  /// \return ok when performed; otherwise the first refusal of the checks listed on the
  /// class (recorded in the trail too), the activity unchanged
  ///
  ///   book.open_evaluation(id, chair, at, "panel convened").value();
  [[nodiscard]] Status open_evaluation(ActivityId id, const Actor& actor, Timestamp at,
                                       std::string_view reason);
  /// under_evaluation → evaluated, recording `score` (0 to the policy's max) and
  /// the grade it earns, which is returned. Impartial.
  /// \param id the activity, as `create` returned it (`not_found` when the book has none)
  /// \param actor who performs it; the permission table checks its roles, scoped by the
  /// registry's tree on `at.date()` (`invalid_argument` when unset)
  /// \param at when it happens (UTC); not earlier than the activity's last performed
  /// operation (`rule_violation`, `lifecycle.time_order`)
  /// \param score the evaluation score, 0 to the policy's maximum (`invalid_argument`,
  /// `lifecycle.score_range` otherwise); kept as `Activity::score`
  /// \param reason why, kept in the audit record; well-formed text (`text.*` rules)
  /// \return the grade the score earns under the policy's bands; or the refusal
  /// (recorded in the trail, the activity unchanged)
  ///
  ///   kexie::EvaluationGrade g = book.conclude(id, expert, at, kexie::Decimal(92),
  ///   "panel").value();
  [[nodiscard]] Result<EvaluationGrade> conclude(ActivityId id, const Actor& actor, Timestamp at,
                                                 const Decimal& score, std::string_view reason);
  /// evaluated → commended (表彰), only for a commendable grade. Impartial.
  /// \param id the activity, as `create` returned it (`not_found` when the book has none)
  /// \param actor who performs it; the permission table checks its roles, scoped by the
  /// registry's tree on `at.date()` (`invalid_argument` when unset)
  /// \param at when it happens (UTC); not earlier than the activity's last performed
  /// operation (`rule_violation`, `lifecycle.time_order`)
  /// \param reason why, kept in the audit record; well-formed text (`text.*` rules)
  /// \return ok when performed; otherwise the first refusal of the checks listed on the
  /// class (recorded in the trail too), the activity unchanged
  ///
  ///   book.commend(id, chair, at, "先进集体 2025").value();
  [[nodiscard]] Status commend(ActivityId id, const Actor& actor, Timestamp at,
                               std::string_view reason);
  /// evaluated or commended → archived.
  /// \param id the activity, as `create` returned it (`not_found` when the book has none)
  /// \param actor who performs it; the permission table checks its roles, scoped by the
  /// registry's tree on `at.date()` (`invalid_argument` when unset)
  /// \param at when it happens (UTC); not earlier than the activity's last performed
  /// operation (`rule_violation`, `lifecycle.time_order`)
  /// \param reason why, kept in the audit record; well-formed text (`text.*` rules)
  /// \return ok when performed; otherwise the first refusal of the checks listed on the
  /// class (recorded in the trail too), the activity unchanged
  ///
  ///   book.archive(id, secretary, at, "year closed").value();
  [[nodiscard]] Status archive(ActivityId id, const Actor& actor, Timestamp at,
                               std::string_view reason);
  /// Files a progress report (中期检查) dated `at.date()` with `percent` (0–100)
  /// done, while in_progress. The text is also the audit record's reason.
  /// \param id the activity, as `create` returned it (`not_found` when the book has none)
  /// \param actor who performs it; the permission table checks its roles, scoped by the
  /// registry's tree on `at.date()` (`invalid_argument` when unset)
  /// \param at when it happens (UTC); not earlier than the activity's last performed
  /// operation (`rule_violation`, `lifecycle.time_order`)
  /// \param percent completion, 0–100 (`invalid_argument`, `lifecycle.progress_percent`)
  /// \param text what was done; well-formed text, newlines allowed (`text.*` rules)
  /// \return ok when filed (the activity's state is unchanged); otherwise the refusal
  /// (recorded in the trail, no report added)
  ///
  ///   book.report_progress(id, wang, at, 40, "pilot line converted").value();
  [[nodiscard]] Status report_progress(ActivityId id, const Actor& actor, Timestamp at, int percent,
                                       std::string_view text);

  /// Performs `op` by value, for the operations without extra arguments (every
  /// transition but `conclude`); `invalid_argument` for conclude, report_progress
  /// and create (nothing is recorded then: it is a programming slip, not an attempt).
  /// \param id the activity, as `create` returned it (`not_found` when the book has none)
  /// \param actor who performs it; the permission table checks its roles, scoped by the
  /// registry's tree on `at.date()` (`invalid_argument` when unset)
  /// \param at when it happens (UTC); not earlier than the activity's last performed
  /// operation (`rule_violation`, `lifecycle.time_order`)
  /// \param op the transition to perform, e.g. `ActivityOperation::start`
  /// \param reason why, kept in the audit record; well-formed text (`text.*` rules),
  /// required for the operations whose policy row says so (`lifecycle.reason_required`)
  /// \return what the named member function (`start`, `approve`, …) would return
  ///
  ///   book.apply(id, wang, at, kexie::ActivityOperation::start, "kick-off").value();
  [[nodiscard]] Status apply(ActivityId id, const Actor& actor, Timestamp at, ActivityOperation op,
                             std::string_view reason);

  /// Every transition and report_progress, each with the state it would lead to
  /// or the refusal it would meet if attempted by `actor` at `at` — with steps
  /// 1–5 and the commendable-grade guard of the list above (reason, score and
  /// percent depend on arguments not given here). Records nothing.
  /// `not_found` for an unknown activity.
  /// \param id the activity, as `create` returned it
  /// \param actor who would perform the operations (roles scoped on `at.date()`)
  /// \param at the instant the operations would happen (UTC)
  /// \return one check per operation, in `ActivityOperation` order; `not_found` for an
  /// unknown activity, `invalid_argument` for an unset actor
  ///
  ///   const std::vector<kexie::TransitionCheck> checks =
  ///       book.allowed_transitions(id, actor, now).value();
  ///   for (const auto& c : checks)
  ///     std::cout << c.operation << (c.allowed() ? " ok" : " refused: " + c.refusal->message());
  [[nodiscard]] Result<std::vector<TransitionCheck>> allowed_transitions(ActivityId id,
                                                                         const Actor& actor,
                                                                         Timestamp at) const;

  /// The activity, or nullptr for an unknown id. Valid until the next non-const call.
  /// \param id the activity's id
  /// \return a pointer into the book (not owned), or nullptr when `id` is unknown
  ///
  ///   if (const kexie::Activity* a = book.find(id)) std::cout << a->state;
  [[nodiscard]] const Activity* find(ActivityId id) const noexcept;
  /// Number of activities.
  /// \return how many activities `create` has added (none is ever removed)
  [[nodiscard]] std::size_t size() const noexcept;
  /// Activities still being implemented after their planned end on `as_of`, in id order.
  /// \param as_of the day of the check (an activity is overdue after its planned end day)
  /// \return the overdue activities' ids, ascending; empty when none
  ///
  ///   for (kexie::ActivityId id : book.overdue(today)) remind(id);
  [[nodiscard]] std::vector<ActivityId> overdue(Date as_of) const;

  /// The state of the activity at instant `at`, replayed from the audit trail
  /// (the last performed operation at or before `at`). `not_found` for an unknown
  /// activity or an instant before its creation.
  /// \param id the activity's id
  /// \param at the instant (UTC); an operation exactly at `at` counts
  /// \return the state then; `not_found` for an unknown id or an instant before creation
  ///
  ///   assert(book.state_at(id, t_approved) == kexie::ActivityState::approved);
  [[nodiscard]] Result<ActivityState> state_at(ActivityId id, Timestamp at) const;

  /// The audit trail, oldest first. Valid until the next non-const call.
  /// \return every record, performed and refused operations alike, borrowed from the book
  ///
  ///   for (const kexie::AuditRecord& r : book.audit_trail()) std::cout << r << '\n';
  [[nodiscard]] std::span<const AuditRecord> audit_trail() const noexcept;
  /// The head of the trail, to keep elsewhere.
  /// \return the count and hash of the last record (a copy), to compare with the trail
  /// later by `verify_audit`
  ///
  ///   std::string keep = book.chain_head().to_string();
  [[nodiscard]] ChainHead chain_head() const noexcept;
  /// `kexie::verify_audit(audit_trail(), chain_head())`.
  /// \return a verification whose `ok()` is true when every record's hash links to the
  /// previous one and the head matches; otherwise the first fault and its position
  ///
  ///   assert(book.verify_audit().ok());
  [[nodiscard]] AuditVerification verify_audit() const;

 private:
  std::unique_ptr<detail::ActivityImpl> impl_;
  friend detail::ActivityImpl;  // reaches impl_ for the seam in src/activity_state.hpp
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_ACTIVITY_HPP
