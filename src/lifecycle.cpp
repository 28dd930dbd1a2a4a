// The lifecycle's fixed state table and the default, replaceable policy.
#include "kexie/lifecycle.hpp"

#include <algorithm>

namespace kexie {
inline namespace v1 {

static_assert(kTransitions.size() + 2 == kActivityOperationCount);

namespace {
using S = ActivityState;
using Op = ActivityOperation;

Error policy_error(std::string message) {
  return Error(ErrorCode::invalid_argument, std::move(message), "lifecycle.policy", "A12");
}
}  // namespace

std::string_view to_string(ActivityState state) noexcept { return enum_name(state); }

std::ostream& operator<<(std::ostream& os, ActivityState state) { return os << to_string(state); }

std::string_view to_string(ActivityOperation op) noexcept { return enum_name(op); }

std::ostream& operator<<(std::ostream& os, ActivityOperation op) { return os << to_string(op); }

std::optional<ActivityState> next_state(ActivityState from, ActivityOperation op) noexcept {
  switch (op) {
    case Op::submit:
      if (from == S::draft) return S::submitted;
      break;
    case Op::withdraw:
      if (from == S::draft || from == S::submitted) return S::withdrawn;
      break;
    case Op::approve:
      if (from == S::submitted) return S::approved;
      break;
    case Op::reject:
      if (from == S::submitted) return S::rejected;
      break;
    case Op::start:
      if (from == S::approved) return S::in_progress;
      break;
    case Op::suspend:
      if (from == S::in_progress) return S::suspended;
      break;
    case Op::resume:
      if (from == S::suspended) return S::in_progress;
      break;
    case Op::terminate:
      if (from == S::in_progress || from == S::suspended) return S::terminated;
      break;
    case Op::complete:
      if (from == S::in_progress) return S::completed;
      break;
    case Op::open_evaluation:
      if (from == S::completed) return S::under_evaluation;
      break;
    case Op::conclude:
      if (from == S::under_evaluation) return S::evaluated;
      break;
    case Op::commend:
      if (from == S::evaluated) return S::commended;
      break;
    case Op::archive:
      if (from == S::evaluated || from == S::commended) return S::archived;
      break;
    case Op::report_progress:
      if (from == S::in_progress) return S::in_progress;
      break;
    case Op::create:
      break;
  }
  return std::nullopt;
}

bool is_final(ActivityState state) noexcept {
  return state == S::withdrawn || state == S::rejected || state == S::terminated ||
         state == S::archived;
}

std::string_view to_string(EvaluationGrade grade) noexcept { return enum_name(grade); }

std::ostream& operator<<(std::ostream& os, EvaluationGrade grade) { return os << to_string(grade); }

std::string_view to_string(Grantee grantee) noexcept { return enum_name(grantee); }

std::string_view to_string(Scope scope) noexcept { return enum_name(scope); }

LifecyclePolicy LifecyclePolicy::standard() {
  const RoleSet leaders =
      role_bit(Role::chair) | role_bit(Role::vice_chair) | role_bit(Role::secretary_general);
  const RoleSet chair_sg = role_bit(Role::chair) | role_bit(Role::secretary_general);
  const RoleSet sg = role_bit(Role::secretary_general);
  const RoleSet office = role_bit(Role::secretary_general) | role_bit(Role::full_time_staff);
  auto responsible = [](Op op) { return Permission{op, Grantee::responsible, 0, Scope::owner}; };
  auto holders = [](Op op, RoleSet roles, Scope scope) {
    return Permission{op, Grantee::role_holder, roles, scope};
  };

  LifecyclePolicy p;
  p.permissions = {
      responsible(Op::create),
      holders(Op::create, office, Scope::owner),
      responsible(Op::submit),
      responsible(Op::withdraw),
      holders(Op::approve, leaders, Scope::organizer),
      holders(Op::reject, leaders, Scope::organizer),
      responsible(Op::start),
      responsible(Op::suspend),
      holders(Op::suspend, chair_sg, Scope::organizer),
      responsible(Op::resume),
      holders(Op::resume, chair_sg, Scope::organizer),
      holders(Op::terminate, chair_sg, Scope::organizer),
      responsible(Op::complete),
      holders(Op::open_evaluation, leaders, Scope::organizer),
      Permission{Op::conclude, Grantee::expert, 0, Scope::organizer},
      holders(Op::conclude, sg, Scope::organizer),
      holders(Op::commend, chair_sg, Scope::organizer),
      holders(Op::archive, office, Scope::organizer),
      responsible(Op::report_progress),
      Permission{Op::report_progress, Grantee::team_member, 0, Scope::owner},
  };
  p.impartial = {Op::approve, Op::reject, Op::open_evaluation, Op::conclude, Op::commend};
  p.bands = {{EvaluationGrade::excellent, Decimal(90)},
             {EvaluationGrade::good, Decimal(75)},
             {EvaluationGrade::pass, Decimal(60)}};
  p.below_bands = EvaluationGrade::fail;
  p.commendable = {EvaluationGrade::excellent, EvaluationGrade::good};
  p.reason_required = {Op::withdraw, Op::reject, Op::suspend, Op::terminate};
  p.max_score = Decimal(100);
  return p;
}

Result<EvaluationGrade> LifecyclePolicy::grade_for(const Decimal& score) const {
  if (!score.ok() || score.signum() < 0 || score > max_score) {
    return Error(ErrorCode::invalid_argument,
                 "evaluation score " + score.to_string() + " is outside 0–" + max_score.to_string(),
                 "lifecycle.score_range", "A12");
  }
  for (const GradeBand& band : bands)
    if (score >= band.min_score) return band.grade;
  return below_bands;
}

bool LifecyclePolicy::may_commend(EvaluationGrade grade) const noexcept {
  return std::find(commendable.begin(), commendable.end(), grade) != commendable.end();
}

bool LifecyclePolicy::requires_impartiality(ActivityOperation op) const noexcept {
  return std::find(impartial.begin(), impartial.end(), op) != impartial.end();
}

bool LifecyclePolicy::requires_reason(ActivityOperation op) const noexcept {
  return std::find(reason_required.begin(), reason_required.end(), op) != reason_required.end();
}

Status LifecyclePolicy::validate() const {
  if (!max_score.ok() || max_score.signum() <= 0)
    return policy_error("the maximum score must be positive");
  for (std::size_t i = 0; i < bands.size(); ++i) {
    const Decimal& m = bands[i].min_score;
    if (!m.ok() || m.signum() < 0 || m > max_score)
      return policy_error("grade band " + std::to_string(i) + " starts outside 0–" +
                          max_score.to_string());
    if (i > 0 && !(m < bands[i - 1].min_score))
      return policy_error("grade bands must be strictly descending (band " + std::to_string(i) +
                          ")");
  }
  for (std::size_t i = 0; i < permissions.size(); ++i) {
    const Permission& row = permissions[i];
    const bool holder = row.grantee == Grantee::role_holder;
    if (holder != (row.roles != 0))
      return policy_error("permission row " + std::to_string(i) + " (" +
                          std::string(to_string(row.operation)) +
                          "): roles are needed for role_holder rows and only there");
    if (static_cast<std::size_t>(row.operation) >= kActivityOperationCount)
      return policy_error("permission row " + std::to_string(i) + " names no operation");
  }
  return {};
}

}  // namespace v1
}  // namespace kexie
