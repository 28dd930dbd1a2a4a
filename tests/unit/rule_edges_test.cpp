// Rule checks at the edges the rest of the suite missed (issue 16, "tests that
// can tell right from wrong"): each test here was written against a deliberately
// broken copy of a rule check that every other test let through. Each asserts
// the rule id or the order, never only an error code, so the broken copy fails.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kexie/campaign.hpp"
#include "kexie/literals.hpp"
#include "kexie/registry.hpp"
#include "support/campaign_world.hpp"

using namespace kexie::literals;
using kexie::Decimal;
using kexie::EntryId;
using kexie::ErrorCode;
using kexie::JudgeId;
using kexie::Period;
using kexie::Role;

namespace {

// Five judges from enterprise 2 scoring entries of enterprises 0 and 1.
struct Panel {
  kexie_test::World w;
  kexie::Campaign c;
  std::vector<JudgeId> judges;

  explicit Panel(const std::vector<kexie::TieBreak>& chain)
      : c(w.registry, [&] {
          auto spec = kexie_test::proposal_spec(w);
          spec.tie_breaks = chain;
          return spec;
        }()) {
    c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
    for (std::size_t k = 0; k < 5; ++k) judges.push_back(c.add_judge(w.experts[k]).value());
  }
  // An entry every judge marks `a1` on A.1 and `a2` on A.2.
  EntryId entry(const std::string& code, int e, int k, const char* a1, const char* a2) {
    const EntryId id = c.add_entry(kexie_test::proposal(w, code, e, k)).value();
    for (JudgeId j : judges) {
      c.assign(j, id).value();
      c.mark(j, id, "A.1", kexie::Decimal::parse(a1).value()).value();
      c.mark(j, id, "A.2", kexie::Decimal::parse(a2).value()).value();
    }
    return id;
  }
};

std::vector<std::string> codes_by_position(const kexie::Campaign& c,
                                           const std::vector<EntryId>& ids) {
  const auto board = c.score().value();
  std::vector<std::string> out(ids.size());
  for (EntryId e : ids) {
    const std::optional<kexie::EntryResult> r = board.find(e);
    EXPECT_EQ(r->rank, 1u);  // all tied on the total
    out.at(r->position - 1) = c.entry(e).value().spec.code;
  }
  return out;
}

}  // namespace

TEST(TieBreakChainOrder, TheFirstKeyDecidesWhenTheSecondDisagrees) {
  // Equal totals (0.3·a1 + 0.3·a2 = 51 each); A.1 ranks Z, M, A; A.2 ranks A, M, Z;
  // the application number also ranks A, M, Z. Only the chain read first to last
  // puts Z-1 first.
  Panel p({kexie::TieBreak::indicator("A.1"), kexie::TieBreak::indicator("A.2")});
  const std::vector<EntryId> ids = {p.entry("A-1", 0, 0, "80", "90"),
                                    p.entry("M-1", 1, 0, "85", "85"),
                                    p.entry("Z-1", 0, 1, "90", "80")};
  EXPECT_EQ(codes_by_position(p.c, ids), (std::vector<std::string>{"Z-1", "M-1", "A-1"}));

  // The same entries under the reversed chain: A.2 first.
  Panel q({kexie::TieBreak::indicator("A.2"), kexie::TieBreak::indicator("A.1")});
  const std::vector<EntryId> ids2 = {q.entry("Z-1", 0, 0, "80", "90"),
                                     q.entry("M-1", 1, 0, "85", "85"),
                                     q.entry("A-1", 0, 1, "90", "80")};
  EXPECT_EQ(codes_by_position(q.c, ids2), (std::vector<std::string>{"Z-1", "M-1", "A-1"}));
}

TEST(TieBreakChainOrder, ALaterKeyDecidesOnlyWhereTheEarlierOnesTie) {
  // A.1 ties B-1 and C-1 (85) below A-1 (90); A.2 then decides between them, not
  // the code; and A-1's low A.2 does not pull it below them.
  Panel p({kexie::TieBreak::indicator("A.1"), kexie::TieBreak::indicator("A.2")});
  const std::vector<EntryId> ids = {
      p.entry("C-1", 0, 0, "85", "85"), p.entry("A-1", 1, 0, "90", "80"),
      p.entry("B-1", 0, 1, "85", "85"), p.entry("D-1", 1, 1, "80", "90")};
  // C-1 and B-1 tie on both keys: the code decides (B before C).
  EXPECT_EQ(codes_by_position(p.c, ids), (std::vector<std::string>{"A-1", "B-1", "C-1", "D-1"}));
}

namespace {

void expect_refused(const kexie::Result<kexie::MembershipId>& r, const char* rule) {
  ASSERT_FALSE(r.ok()) << rule;
  EXPECT_EQ(r.code(), ErrorCode::rule_violation) << r.error();
  EXPECT_EQ(r.error().rule(), rule) << r.error();
}

}  // namespace

TEST(SecretaryGeneralOverlap, APeriodStartingBeforeAndRunningIntoTheExistingOneIsRefused) {
  kexie_test::World w;  // staff are members of their enterprise association from 2010
  kexie::Registry& reg = w.registry;
  const kexie::OrgId ent = w.enterprises[0];
  const kexie::PersonId first = w.staff[0][0], second = w.staff[0][1];
  ASSERT_TRUE(reg.add_membership(first, ent, Role::secretary_general,
                                 {"2020-01-01"_date, "2022-12-31"_date})
                  .ok());
  const std::string before = reg.digest();
  // Starts before 2020 and runs into it, by one day.
  expect_refused(reg.add_membership(second, ent, Role::secretary_general,
                                    {"2018-01-01"_date, "2020-01-01"_date}),
                 "membership.single_secretary_general");
  // Starts before and ends after: it covers the existing one.
  expect_refused(
      reg.add_membership(second, ent, Role::secretary_general, Period::from("2018-01-01"_date)),
      "membership.single_secretary_general");
  // Starts on the existing one's last day.
  expect_refused(
      reg.add_membership(second, ent, Role::secretary_general, Period::from("2022-12-31"_date)),
      "membership.single_secretary_general");
  EXPECT_EQ(reg.digest(), before);
  // Ending the day before, or starting the day after, is a hand-over.
  EXPECT_TRUE(reg.add_membership(second, ent, Role::secretary_general,
                                 {"2018-01-01"_date, "2019-12-31"_date})
                  .ok());
  EXPECT_TRUE(
      reg.add_membership(second, ent, Role::secretary_general, Period::from("2023-01-01"_date))
          .ok());
  EXPECT_EQ(reg.secretary_general(ent, "2019-12-31"_date).value(), second);
  EXPECT_EQ(reg.secretary_general(ent, "2020-01-01"_date).value(), first);
  EXPECT_EQ(reg.secretary_general(ent, "2023-01-01"_date).value(), second);
}

TEST(PanelWidth, TheJudgeOneBeyondTheMostAllowedIsRefused) {
  // max_judges_per_entry = 3: the third seat is the last; the fourth is refused
  // by panel.max_judges (A12), and the entry keeps its three judges.
  kexie_test::World w;
  auto spec = kexie_test::proposal_spec(w);
  spec.panel.max_judges_per_entry = 3;
  kexie::Campaign c(w.registry, spec);
  c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
  std::vector<JudgeId> judges;
  for (std::size_t k = 0; k < 4; ++k) judges.push_back(c.add_judge(w.experts[k]).value());
  const EntryId e = c.add_entry(kexie_test::proposal(w, "W-1", 0, 0)).value();
  for (std::size_t k = 0; k < 3; ++k) ASSERT_TRUE(c.assign(judges[k], e).ok()) << k;
  const kexie::Status fourth = c.assign(judges[3], e);
  ASSERT_FALSE(fourth.ok());
  EXPECT_EQ(fourth.code(), ErrorCode::rule_violation) << fourth.error();
  EXPECT_EQ(fourth.error().rule(), "panel.max_judges") << fourth.error();
  EXPECT_EQ(fourth.error().article(), "A12") << fourth.error();
  EXPECT_EQ(c.judges_of(e).size(), 3u);
}

TEST(MembershipPeriod, AMembershipRunningPastItsOrganizationsLastDayIsRefused) {
  // org.active: the organization must be in effect on every day of the
  // membership, not only on its first. Branch 1 is dissolved at the end of 2020.
  kexie_test::World w;
  kexie::Registry& reg = w.registry;
  const kexie::OrgId branch = w.branches[1];
  const kexie::PersonId who = w.staff[1][0];  // in enterprise 1 from 2010, open-ended
  ASSERT_TRUE(reg.dissolve(branch, "2020-12-31"_date).ok());
  const std::string before = reg.digest();
  for (const Period p :
       {Period{"2019-01-01"_date, "2021-01-01"_date}, Period::from("2019-01-01"_date),
        Period{"2000-06-01"_date, "2005-01-01"_date}}) {
    const auto r = reg.add_membership(who, branch, Role::member, p);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.code(), ErrorCode::rule_violation) << r.error();
    EXPECT_EQ(r.error().rule(), "org.active") << r.error();
  }
  EXPECT_EQ(reg.digest(), before);
  // Ending on its last day is fine.
  EXPECT_TRUE(
      reg.add_membership(who, branch, Role::member, {"2019-01-01"_date, "2020-12-31"_date}).ok());
}

TEST(MarkUnique, ADuplicateWithinOneBatchAndAgainstARecordedMarkNamesTheRule) {
  // Both refusals are panel.mark_unique (already_exists), and neither records a mark.
  Panel p({});
  const EntryId e = p.c.add_entry(kexie_test::proposal(p.w, "D-1", 0, 0)).value();
  for (JudgeId j : p.judges) p.c.assign(j, e).value();
  const std::vector<kexie::MarkInput> twice = {{p.judges[0], e, "A.1", Decimal(80)},
                                               {p.judges[1], e, "A.1", Decimal(70)},
                                               {p.judges[0], e, "A.1", Decimal(90)}};
  const kexie::Status in_batch = p.c.mark_all(twice);
  ASSERT_FALSE(in_batch.ok());
  EXPECT_EQ(in_batch.code(), ErrorCode::already_exists) << in_batch.error();
  EXPECT_EQ(in_batch.error().rule(), "panel.mark_unique") << in_batch.error();
  const std::vector<EntryId> just_e{e};
  EXPECT_FALSE(p.c.panel_marks("A.1", p.judges, just_e).value().at(0, 0));

  ASSERT_TRUE(p.c.mark(p.judges[0], e, "A.1", Decimal(80)).ok());
  const kexie::Status again = p.c.mark(p.judges[0], e, "A.1", Decimal(90));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.code(), ErrorCode::already_exists) << again.error();
  EXPECT_EQ(again.error().rule(), "panel.mark_unique") << again.error();
  EXPECT_EQ(p.c.panel_marks("A.1", p.judges, just_e).value().at(0, 0), 80.0);
}
