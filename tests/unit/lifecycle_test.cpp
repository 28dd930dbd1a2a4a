// The lifecycle of DOMAIN.md §3: the state table (alone and through the book,
// every state × every operation), grade bands and the policy checks.
#include "kexie/lifecycle.hpp"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <set>
#include <utility>

#include "lifecycle_fixture.hpp"

namespace {

using kexie::ActivityOperation;
using kexie::ActivityState;
using kexie::Decimal;
using kexie::ErrorCode;
using kexie::EvaluationGrade;
using Op = kexie::ActivityOperation;
using S = kexie::ActivityState;
using namespace kexie_test;

constexpr S kStates[] = {S::draft,     S::submitted,        S::withdrawn, S::rejected,
                         S::approved,  S::in_progress,      S::suspended, S::terminated,
                         S::completed, S::under_evaluation, S::evaluated, S::commended,
                         S::archived};
constexpr Op kOps[] = {Op::submit,   Op::withdraw,        Op::approve,  Op::reject,
                       Op::start,    Op::suspend,         Op::resume,   Op::terminate,
                       Op::complete, Op::open_evaluation, Op::conclude, Op::commend,
                       Op::archive,  Op::report_progress};

// DOMAIN.md §3's diagram, written out by hand: every legal (state, operation).
const std::map<std::pair<S, Op>, S>& legal() {
  static const std::map<std::pair<S, Op>, S> table = {
      {{S::draft, Op::submit}, S::submitted},
      {{S::draft, Op::withdraw}, S::withdrawn},
      {{S::submitted, Op::withdraw}, S::withdrawn},
      {{S::submitted, Op::approve}, S::approved},
      {{S::submitted, Op::reject}, S::rejected},
      {{S::approved, Op::start}, S::in_progress},
      {{S::in_progress, Op::suspend}, S::suspended},
      {{S::suspended, Op::resume}, S::in_progress},
      {{S::in_progress, Op::terminate}, S::terminated},
      {{S::suspended, Op::terminate}, S::terminated},
      {{S::in_progress, Op::complete}, S::completed},
      {{S::in_progress, Op::report_progress}, S::in_progress},
      {{S::completed, Op::open_evaluation}, S::under_evaluation},
      {{S::under_evaluation, Op::conclude}, S::evaluated},
      {{S::evaluated, Op::commend}, S::commended},
      {{S::evaluated, Op::archive}, S::archived},
      {{S::commended, Op::archive}, S::archived},
  };
  return table;
}

TEST(NextState, MatchesTheDomainDiagramForEveryPair) {
  int legal_count = 0;
  for (S s : kStates) {
    for (Op op : kOps) {
      auto it = legal().find({s, op});
      std::optional<S> expected;
      if (it != legal().end()) expected = it->second;
      EXPECT_EQ(kexie::next_state(s, op), expected) << s << " × " << op;
      legal_count += expected.has_value();
    }
    EXPECT_FALSE(kexie::next_state(s, Op::create)) << s;
  }
  EXPECT_EQ(legal_count, 17);
}

TEST(NextState, FinalStatesHaveNoWayOut) {
  const std::set<S> finals = {S::withdrawn, S::rejected, S::terminated, S::archived};
  for (S s : kStates) {
    EXPECT_EQ(kexie::is_final(s), finals.count(s) == 1) << s;
    if (kexie::is_final(s)) {
      for (Op op : kOps) EXPECT_FALSE(kexie::next_state(s, op)) << s << " × " << op;
    }
  }
}

TEST(Names, AreTheEnumeratorNames) {
  EXPECT_EQ(kexie::to_string(S::under_evaluation), "under_evaluation");
  EXPECT_EQ(kexie::to_string(S::archived), "archived");
  EXPECT_EQ(kexie::to_string(Op::open_evaluation), "open_evaluation");
  EXPECT_EQ(kexie::to_string(Op::create), "create");
  EXPECT_EQ(kexie::to_string(EvaluationGrade::good), "good");
  EXPECT_EQ(kexie::to_string(kexie::Grantee::role_holder), "role_holder");
  EXPECT_EQ(kexie::to_string(kexie::Scope::owner), "owner");
  EXPECT_EQ(kexie::to_string(static_cast<S>(200)), "unknown");
  EXPECT_EQ(kexie::kTransitions.size() + 2, kexie::kActivityOperationCount);
}

TEST(Grades, DefaultBandsAreNinetySeventyFiveSixty) {
  const auto p = kexie::LifecyclePolicy::standard();
  EXPECT_EQ(p.grade_for("100"_dec).value(), EvaluationGrade::excellent);
  EXPECT_EQ(p.grade_for("90.00"_dec).value(), EvaluationGrade::excellent);
  EXPECT_EQ(p.grade_for("89.99"_dec).value(), EvaluationGrade::good);
  EXPECT_EQ(p.grade_for("75"_dec).value(), EvaluationGrade::good);
  EXPECT_EQ(p.grade_for("74.999"_dec).value(), EvaluationGrade::pass);
  EXPECT_EQ(p.grade_for("60"_dec).value(), EvaluationGrade::pass);
  EXPECT_EQ(p.grade_for("59.99"_dec).value(), EvaluationGrade::fail);
  EXPECT_EQ(p.grade_for("0"_dec).value(), EvaluationGrade::fail);
}

TEST(Grades, ScoresOutsideTheScaleAreRefused) {
  const auto p = kexie::LifecyclePolicy::standard();
  for (const char* bad : {"-0.01", "100.01", "1000"}) {
    auto g = p.grade_for(kexie::Decimal::parse(bad).value());
    ASSERT_FALSE(g) << bad;
    EXPECT_EQ(g.code(), ErrorCode::invalid_argument);
    EXPECT_EQ(g.error().rule(), "lifecycle.score_range");
  }
}

TEST(Grades, BandsAndCommendableGradesAreConfigurable) {
  auto p = kexie::LifecyclePolicy::standard();
  EXPECT_TRUE(p.may_commend(EvaluationGrade::excellent));
  EXPECT_TRUE(p.may_commend(EvaluationGrade::good));
  EXPECT_FALSE(p.may_commend(EvaluationGrade::pass));
  EXPECT_FALSE(p.may_commend(EvaluationGrade::fail));
  p.bands = {{EvaluationGrade::excellent, Decimal(95)}, {EvaluationGrade::pass, Decimal(50)}};
  p.commendable = {EvaluationGrade::pass};
  ASSERT_TRUE(p.validate());
  EXPECT_EQ(p.grade_for(Decimal(94)).value(), EvaluationGrade::pass);
  EXPECT_EQ(p.grade_for(Decimal(49)).value(), EvaluationGrade::fail);
  EXPECT_TRUE(p.may_commend(EvaluationGrade::pass));
  EXPECT_FALSE(p.may_commend(EvaluationGrade::excellent));
}

TEST(Policy, ValidateRefusesUnusableTables) {
  EXPECT_TRUE(kexie::LifecyclePolicy::standard().validate());
  auto p = kexie::LifecyclePolicy::standard();
  p.bands = {{EvaluationGrade::good, Decimal(75)}, {EvaluationGrade::excellent, Decimal(90)}};
  EXPECT_EQ(p.validate().error().rule(), "lifecycle.policy");
  p = kexie::LifecyclePolicy::standard();
  p.bands[0].min_score = Decimal(101);
  EXPECT_FALSE(p.validate());
  p = kexie::LifecyclePolicy::standard();
  p.permissions.push_back({Op::approve, kexie::Grantee::role_holder, 0, kexie::Scope::organizer});
  EXPECT_FALSE(p.validate());
  p = kexie::LifecyclePolicy::standard();
  p.max_score = Decimal(0);
  EXPECT_FALSE(p.validate());
}

TEST(Policy, DefaultImpartialAndReasonLists) {
  const auto p = kexie::LifecyclePolicy::standard();
  for (Op op : {Op::approve, Op::reject, Op::open_evaluation, Op::conclude, Op::commend})
    EXPECT_TRUE(p.requires_impartiality(op)) << op;
  for (Op op : {Op::submit, Op::start, Op::complete, Op::archive, Op::report_progress})
    EXPECT_FALSE(p.requires_impartiality(op)) << op;
  for (Op op : {Op::withdraw, Op::reject, Op::suspend, Op::terminate})
    EXPECT_TRUE(p.requires_reason(op)) << op;
  EXPECT_FALSE(p.requires_reason(Op::submit));
}

// Every state × every operation through the book, attempted by an actor the
// permission table allows (so only the state decides): a legal pair moves to
// the diagram's state; any other is refused with illegal_transition and rule
// lifecycle.state, leaves the activity's digest unchanged and is recorded.
TEST(StateTable, EveryStateTimesEveryOperationThroughTheBook) {
  World w;
  kexie::ActivityBook book{w.registry, asserted()};
  int refused = 0;
  for (S s : kStates) {
    for (Op op : kOps) {
      std::int64_t clock = 1;
      const kexie::ActivityId id = drive(book, w, path_to(s), clock);
      ASSERT_EQ(book.find(id)->state, s);
      const std::string before = kexie::digest(*book.find(id));
      const std::size_t records = book.audit_trail().size();
      const bool by_owner = op == Op::submit || op == Op::withdraw || op == Op::start ||
                            op == Op::complete || op == Op::report_progress;
      const kexie::Actor actor = by_owner ? w.owner() : w.boss();
      const kexie::Timestamp at = t(clock + 1);
      kexie::Status result;
      if (op == Op::conclude) {
        auto g = book.conclude(id, actor, at, Decimal(95), "panel");
        if (!g) result = g.error();
      } else if (op == Op::report_progress) {
        result = book.report_progress(id, actor, at, 50, "half way");
      } else {
        result = book.apply(id, actor, at, op, "because");
      }

      ASSERT_EQ(book.audit_trail().size(), records + 1) << s << " × " << op;
      const kexie::AuditRecord& last = book.audit_trail().back();
      auto it = legal().find({s, op});
      if (it != legal().end()) {
        EXPECT_TRUE(result.ok()) << s << " × " << op << ": " << result.error();
        EXPECT_EQ(book.find(id)->state, it->second) << s << " × " << op;
        EXPECT_EQ(book.find(id)->last_event, at);
        EXPECT_TRUE(last.accepted());
        EXPECT_EQ(last.from, s);
        EXPECT_EQ(last.to, it->second);
      } else {
        ++refused;
        ASSERT_FALSE(result.ok()) << s << " × " << op;
        EXPECT_EQ(result.code(), ErrorCode::illegal_transition) << s << " × " << op;
        EXPECT_EQ(result.error().rule(), "lifecycle.state");
        EXPECT_EQ(kexie::digest(*book.find(id)), before) << s << " × " << op;
        EXPECT_FALSE(last.accepted());
        EXPECT_EQ(last.code, ErrorCode::illegal_transition);
        EXPECT_FALSE(last.security_event);
        EXPECT_EQ(last.from, s);
        EXPECT_EQ(last.to, s);
        EXPECT_EQ(last.operation, op);
      }
    }
  }
  EXPECT_EQ(refused, 13 * 14 - 17);
  EXPECT_TRUE(book.verify_audit().ok());
}

TEST(StateTable, RefusedConcludeReturnsIllegalTransitionWithRule) {
  World w;
  kexie::ActivityBook book{w.registry, asserted()};
  std::int64_t clock = 1;
  const kexie::ActivityId id = drive(book, w, path_to(S::completed), clock);
  auto g = book.conclude(id, w.boss(), t(clock + 1), Decimal(80), "too early");
  ASSERT_FALSE(g);
  EXPECT_EQ(g.code(), ErrorCode::illegal_transition);
  EXPECT_EQ(g.error().rule(), "lifecycle.state");
  EXPECT_EQ(g.error().article(), "A12");
  EXPECT_FALSE(book.find(id)->score.has_value());
}

}  // namespace
