// Tests for kexie/campaign.hpp: entries and their refusals, conflicts of
// interest from the registry, marks and their refusals (all or nothing), exact
// totals by hand, incomplete entries, vetoes, tie-breaks, and results that do not
// depend on the order anything was added.
#include "kexie/campaign.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "kexie/literals.hpp"
#include "kexie/registry.hpp"
#include "support/campaign_world.hpp"

using namespace kexie::literals;

using kexie::Campaign;
using kexie::Decimal;
using kexie::EntryId;
using kexie::EntryStatus;
using kexie::ErrorCode;
using kexie::JudgeId;

namespace {

// Five judges from enterprise 2 scoring entries of enterprises 0 and 1.
struct Judging {
  kexie_test::World w;
  Campaign c;
  std::vector<JudgeId> judges;

  explicit Judging(kexie::CampaignSpec spec) : Judging(kexie::Policy{}, std::move(spec)) {}
  Judging(kexie::Policy policy, kexie::CampaignSpec spec)
      : w(policy), c(w.registry, std::move(spec)) {
    c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
    for (int k = 0; k < 5; ++k)
      judges.push_back(c.add_judge(w.experts[static_cast<std::size_t>(k)]).value());
  }
  Judging() : Judging(kexie_test::proposal_spec(w_for_spec())) {}

  static const kexie_test::World& w_for_spec() {
    static const kexie_test::World world;  // only its ids are read by proposal_spec
    return world;
  }

  EntryId entry(const std::string& code, int e, int k, const char* benefit = "200000") {
    EntryId id = c.add_entry(kexie_test::proposal(w, code, e, k, benefit)).value();
    for (JudgeId j : judges) c.assign(j, id).value();
    return id;
  }
  void give(EntryId id, const std::vector<const char*>& a1, const std::vector<const char*>& a2) {
    for (std::size_t i = 0; i < a1.size(); ++i)
      c.mark(judges[i], id, "A.1", kexie::Decimal::parse(a1[i]).value()).value();
    for (std::size_t i = 0; i < a2.size(); ++i)
      c.mark(judges[i], id, "A.2", kexie::Decimal::parse(a2[i]).value()).value();
  }
};

}  // namespace

TEST(Campaign, CreateRefusesAMalformedSpecAsAValue) {
  const kexie_test::World w;
  kexie::CampaignSpec spec = kexie_test::proposal_spec(w);
  ASSERT_TRUE(Campaign::create(w.registry, spec));
  spec.panel.min_judges = 0;
  kexie::Result<Campaign> c = Campaign::create(w.registry, spec);
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code(), ErrorCode::invalid_argument);
  EXPECT_EQ(c.error().message(), "kexie::Campaign: malformed panel rules");
  EXPECT_THROW(Campaign(w.registry, spec), std::invalid_argument);  // misuse of the constructor
  // The award-tier checks are the constructor's too, with the same messages.
  kexie::CampaignSpec tiers = kexie_test::proposal_spec(w);
  kexie::AwardTier both = kexie::AwardTier::by_places("特等奖", 1);
  both.share = Decimal(1);
  tiers.awards.tiers = {both};
  kexie::Result<Campaign> t = Campaign::create(w.registry, tiers);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code(), ErrorCode::invalid_argument);
  EXPECT_EQ(t.error().message(),
            "kexie::Campaign: award tier \"特等奖\" counts places but also sets a share");
  EXPECT_THROW(Campaign(w.registry, tiers), std::invalid_argument);
}

TEST(Campaign, ExactTotalByHand) {
  Judging s;
  const EntryId e = s.entry("P-001", 0, 0, "200000");
  s.give(e, {"80", "85", "90", "95", "100"}, {"70", "70", "70", "70", "70"});
  for (int i = 0; i < 3; ++i)
    s.c.mark(s.judges[static_cast<std::size_t>(i)], e, "bonus", Decimal(6)).value();
  const kexie::Scoreboard b = s.c.score().value();
  const std::optional<kexie::EntryResult> r = b.find(e);
  ASSERT_TRUE(r);
  // 0.3 × 90 (trimmed) + 0.3 × 70 + 0.4 × 80 (benefit tier) + min(6, cap 5)
  EXPECT_EQ(r->judged_part, Decimal(48));
  EXPECT_EQ(r->objective_part, Decimal(32));
  EXPECT_EQ(r->bonus, Decimal(5));
  EXPECT_EQ(r->total, Decimal(85));
  EXPECT_EQ(r->total.scale(), kexie::Rubric::kTotalScale);
  EXPECT_EQ(r->status, EntryStatus::ranked);
  EXPECT_EQ(r->rank, 1u);
  EXPECT_EQ(r->enterprise, s.w.enterprises[0]);
}

TEST(Campaign, ThirdsStayExactInTheTotal) {
  Judging s;
  const EntryId e = s.entry("P-001", 0, 0, "0");
  s.give(e, {"80", "80.5", "81", "90", "10"}, {"70", "70", "70.5", "70", "70"});
  const auto b = s.c.score().value();
  // A.1: (80 + 80.5 + 81) / 3 = 80.5; A.2: mean of 70, 70, 70 after trimming 70 and 70.5 = 70.
  // 0.3 × 80.5 + 0.3 × 70 + 0.4 × 50 = 24.15 + 21 + 20 = 65.15
  EXPECT_EQ(b.find(e)->total, "65.15"_dec);
  s.c.mark(s.judges[0], e, "bonus", Decimal(1)).value();
  EXPECT_EQ(s.c.score().value().find(e)->total, "66.15"_dec);
}

TEST(Campaign, EntryRefusalsLeaveTheCampaignUnchanged) {
  Judging s;
  auto spec = [&] { return kexie_test::proposal(s.w, "P-1", 0, 0); };
  ASSERT_TRUE(s.c.add_entry(spec()).ok());
  const std::size_t before = s.c.entry_count();

  auto dup = s.c.add_entry(spec());
  EXPECT_EQ(dup.code(), ErrorCode::already_exists);
  EXPECT_EQ(dup.error().rule(), "entry.code");

  auto no_code = spec();
  no_code.code.clear();
  EXPECT_EQ(s.c.add_entry(no_code).code(), ErrorCode::invalid_argument);

  auto city = spec();
  city.code = "P-2";
  city.unit = s.w.city;
  auto r = s.c.add_entry(city);
  EXPECT_EQ(r.code(), ErrorCode::rule_violation);
  EXPECT_EQ(r.error().rule(), "entry.unit");
  EXPECT_EQ(r.error().article(), "A10");

  auto shares = spec();
  shares.code = "P-3";
  shares.team = {{s.w.staff[0][0], "0.5"_dec}, {s.w.staff[0][1], "0.4"_dec}};
  r = s.c.add_entry(shares);
  EXPECT_EQ(r.code(), ErrorCode::invalid_argument);
  EXPECT_NE(r.error().message().find("0.9"), std::string::npos);

  auto twice = spec();
  twice.code = "P-4";
  twice.team = {{s.w.staff[0][0], "0.5"_dec}, {s.w.staff[0][0], "0.5"_dec}};
  EXPECT_EQ(s.c.add_entry(twice).code(), ErrorCode::invalid_argument);

  auto ghost = spec();
  ghost.code = "P-5";
  ghost.team = {{kexie::PersonId{9999}, Decimal(1)}};
  EXPECT_EQ(s.c.add_entry(ghost).code(), ErrorCode::not_found);

  auto negative = spec();
  negative.code = "P-6";
  negative.claims.annual_benefit_yuan = Decimal(-1);
  r = s.c.add_entry(negative);
  EXPECT_EQ(r.code(), ErrorCode::invalid_argument);
  EXPECT_NE(r.error().message().find("annual benefit"), std::string::npos);

  auto steam = spec();
  steam.code = "P-7";
  steam.claims.energy.push_back({kexie::Carrier::steam, {Decimal(10), kexie::Unit::t}});
  r = s.c.add_entry(steam);
  EXPECT_EQ(r.code(), ErrorCode::not_found);
  EXPECT_NE(r.error().message().find("P-7"), std::string::npos);

  auto other_category = spec();
  other_category.code = "P-8";
  other_category.category = kexie::Category::technical_patents;
  EXPECT_EQ(s.c.add_entry(other_category).code(), ErrorCode::not_found);

  EXPECT_EQ(s.c.entry_count(), before);
  EXPECT_EQ(s.c.find_entry("P-2").code(), ErrorCode::not_found);
  // A branch submits for its enterprise association.
  auto branch = spec();
  branch.code = "P-9";
  branch.unit = s.w.branches[1];
  branch.team = {{s.w.staff[1][0], Decimal(1)}};
  const EntryId b = s.c.add_entry(branch).value();
  EXPECT_EQ(s.c.entry(b).value().spec.unit, s.w.branches[1]);
}

TEST(Campaign, EligibilityNamesEveryFailedRule) {
  kexie_test::World w;
  auto spec = kexie_test::proposal_spec(w);
  spec.eligibility = {kexie::EligibilityRule::max_team_size(1),
                      kexie::EligibilityRule::max_leader_age(40, "2025-12-31"_date),
                      kexie::EligibilityRule::min_months_in_use(3, "2025-10-31"_date),
                      kexie::EligibilityRule::requires_focus()};
  Campaign c(w.registry, spec);
  c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
  auto e = kexie_test::proposal(w, "E-1", 0, 1);  // leader born 1980: 45 on 2025-12-31
  e.team.push_back({w.staff[0][2], "0.5"_dec});
  e.team[0].share = "0.5"_dec;
  e.in_use_since = "2025-08-01"_date;  // 2 whole months on 2025-10-31
  e.focus = 0;
  auto r = c.add_entry(e);
  ASSERT_EQ(r.code(), ErrorCode::rule_violation);
  EXPECT_EQ(r.error().rule(), "entry.eligibility");
  const std::string& m = r.error().message();
  EXPECT_NE(m.find("4 eligibility rules"), std::string::npos) << m;
  for (const char* rule :
       {"entry.team_size", "entry.leader_age", "entry.months_in_use", "entry.focus"}) {
    EXPECT_NE(m.find(rule), std::string::npos) << rule << " in " << m;
  }
  EXPECT_NE(m.find("aged 45"), std::string::npos) << m;
  // The same entry, fixed, passes: 3 whole months on 2025-10-31 from 2025-07-31.
  e.team = {{w.staff[0][0], Decimal(1)}};  // born 1992
  e.in_use_since = "2025-07-31"_date;
  e.focus = kexie::focus_bits({kexie::Focus::efficiency_gain});
  EXPECT_TRUE(c.add_entry(e).ok());
  EXPECT_EQ(c.entry_count(), 1u);
}

TEST(Campaign, ConflictsOfInterestAtAssignment) {
  Judging s;
  const EntryId e = s.c.add_entry(kexie_test::proposal(s.w, "P-1", 0, 0)).value();
  // A colleague from the same enterprise association.
  const JudgeId colleague = s.c.add_judge(s.w.staff[0][3]).value();
  auto r = s.c.assign(colleague, e);
  EXPECT_EQ(r.code(), ErrorCode::conflict_of_interest);
  EXPECT_EQ(r.error().rule(), "panel.conflict");
  // A team member from another enterprise.
  auto team = kexie_test::proposal(s.w, "P-2", 0, 1);
  team.team = {{s.w.staff[0][1], "0.5"_dec}, {s.w.staff[1][5], "0.5"_dec}};
  const EntryId e2 = s.c.add_entry(team).value();
  const JudgeId member = s.c.add_judge(s.w.staff[1][5]).value();
  r = s.c.assign(member, e2);
  EXPECT_EQ(r.code(), ErrorCode::conflict_of_interest);
  EXPECT_NE(r.error().message().find("team"), std::string::npos);
  EXPECT_TRUE(s.c.judges_of(e2).empty());
  // An outsider is fine, once.
  EXPECT_TRUE(s.c.assign(s.judges[0], e).ok());
  EXPECT_EQ(s.c.assign(s.judges[0], e).code(), ErrorCode::already_exists);
  EXPECT_EQ(s.c.add_judge(s.w.experts[0]).code(), ErrorCode::already_exists);
  EXPECT_EQ(s.c.add_judge(kexie::PersonId{4242}).code(), ErrorCode::not_found);
}

TEST(Campaign, ConflictArisingAfterAssignmentRefusesTheMark) {
  // With membership tied to the employer (the default) a person only ever joins
  // their employer's association, a conflict already at assignment; with the tie
  // off, a membership recorded after the assignment brings a conflict the mark
  // re-checks.
  kexie::Policy loose;
  loose.employer_tied_membership = false;
  Judging s(loose, kexie_test::proposal_spec(Judging::w_for_spec()));
  const EntryId e = s.entry("P-1", 0, 0);
  // A newcomer employed by enterprise 2, assigned, then enrolled in enterprise 0.
  const auto p = s.w.registry
                     .add_person({.name = "新人",
                                  .birth = "1990-01-01"_date,
                                  .employer = s.w.enterprises[2],
                                  .external_key = "N1"})
                     .value();
  const JudgeId j = s.c.add_judge(p).value();
  ASSERT_TRUE(s.c.assign(j, e).ok());
  ASSERT_TRUE(s.w.registry
                  .add_membership(p, s.w.enterprises[0], kexie::Role::member,
                                  kexie::Period::from("2025-01-01"_date))
                  .ok());
  auto r = s.c.mark(j, e, "A.1", Decimal(80));
  EXPECT_EQ(r.code(), ErrorCode::conflict_of_interest);
  EXPECT_EQ(r.error().rule(), "panel.conflict");
}

TEST(Campaign, MarkRefusals) {
  Judging s;
  const EntryId e = s.entry("P-1", 0, 0);
  const JudgeId outsider = s.c.add_judge(s.w.staff[1][0]).value();  // not assigned
  auto r = s.c.mark(outsider, e, "A.1", Decimal(80));
  EXPECT_EQ(r.code(), ErrorCode::rule_violation);
  EXPECT_EQ(r.error().rule(), "panel.not_assigned");
  r = s.c.mark(s.judges[0], e, "A.1", "80.25"_dec);
  EXPECT_EQ(r.error().rule(), "panel.mark_step");
  EXPECT_NE(r.error().message().find("P-1"), std::string::npos);
  r = s.c.mark(s.judges[0], e, "A.1", Decimal(101));
  EXPECT_EQ(r.error().rule(), "panel.mark_scale");
  EXPECT_EQ(s.c.mark(s.judges[0], e, "Z", Decimal(1)).code(), ErrorCode::not_found);
  EXPECT_EQ(s.c.mark(s.judges[0], e, "B", Decimal(1)).code(), ErrorCode::not_found);
  EXPECT_EQ(s.c.mark(JudgeId{77}, e, "A.1", Decimal(1)).code(), ErrorCode::not_found);
  EXPECT_EQ(s.c.mark(s.judges[0], EntryId{77}, "A.1", Decimal(1)).code(), ErrorCode::not_found);
  ASSERT_TRUE(s.c.mark(s.judges[0], e, "A.1", Decimal(80)).ok());
  r = s.c.mark(s.judges[0], e, "A.1", Decimal(81));
  EXPECT_EQ(r.code(), ErrorCode::already_exists);
  EXPECT_EQ(r.error().rule(), "panel.mark_unique");
}

TEST(Campaign, MarkAllIsAllOrNothing) {
  Judging s;
  const EntryId e = s.entry("P-1", 0, 0);
  std::vector<kexie::MarkInput> batch;
  for (JudgeId j : s.judges) batch.push_back({j, e, "A.1", Decimal(80)});
  batch.push_back({s.judges[0], e, "A.1", "80.3"_dec});  // off step: the 6th mark
  auto r = s.c.mark_all(batch);
  EXPECT_EQ(r.code(), ErrorCode::invalid_argument);
  EXPECT_NE(r.error().message().find("mark #6"), std::string::npos);
  const kexie::PanelMarks none = s.c.panel_marks("A.1", s.judges, std::vector<EntryId>{e}).value();
  for (std::size_t j = 0; j < s.judges.size(); ++j) EXPECT_FALSE(none.at(0, j).has_value());
  // A duplicate within one batch is refused too.
  batch.back() = {s.judges[0], e, "A.1", Decimal(90)};
  r = s.c.mark_all(batch);
  EXPECT_EQ(r.code(), ErrorCode::already_exists);
  batch.pop_back();
  ASSERT_TRUE(s.c.mark_all(batch).ok());
  EXPECT_EQ(s.c.panel_marks("A.1", s.judges, std::vector<EntryId>{e}).value().at(0, 4), 80.0);
}

TEST(Campaign, MarkAllReportsTheRefusedPositionAsData) {
  Judging s;
  const EntryId e = s.entry("P-1", 0, 0);
  std::vector<kexie::MarkInput> batch;
  for (JudgeId j : s.judges) batch.push_back({j, e, "A.1", Decimal(80)});
  batch.push_back({s.judges[0], e, "A.1", "80.3"_dec});  // off step
  std::size_t at = 99;
  EXPECT_EQ(s.c.mark_all(batch, &at).code(), ErrorCode::invalid_argument);
  EXPECT_EQ(at, 5u);
  // A repeat within the batch: the repeat is refused, not the first (valid) mark.
  batch = {{s.judges[0], e, "A.1", Decimal(80)},
           {s.judges[1], e, "A.1", Decimal(80)},
           {s.judges[2], e, "A.2", Decimal(80)},
           {s.judges[1], e, "A.1", Decimal(90)},
           {s.judges[0], e, "A.1", Decimal(90)}};
  auto r = s.c.mark_all(batch, &at);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().rule(), "panel.mark_unique");
  EXPECT_EQ(at, 3u);
  EXPECT_NE(r.error().message().find("(mark #4)"), std::string::npos) << r.error();
  batch.pop_back();
  batch.pop_back();
  at = 99;
  ASSERT_TRUE(s.c.mark_all(batch, &at));
  EXPECT_EQ(at, 99u);  // untouched on success
}

TEST(Campaign, SpecArgumentsOutOfRangeAreRefused) {
  const kexie_test::World w;
  kexie::CampaignSpec spec = kexie_test::proposal_spec(w);
  spec.awards.cusp_margin = Decimal(-1);
  auto c = Campaign::create(w.registry, spec);
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().message(), "kexie::Campaign: the cusp margin -1 is negative");
  spec = kexie_test::proposal_spec(w);
  spec.awards.individuals.min_share = Decimal(2);
  c = Campaign::create(w.registry, spec);
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().message(),
            "kexie::Campaign: the advanced individuals' share 2 is outside [0, 1]");
  EXPECT_THROW(Campaign(w.registry, spec), std::invalid_argument);
  spec = kexie_test::proposal_spec(w);
  spec.name = "bad\xFF";
  EXPECT_EQ(Campaign::create(w.registry, spec).error().rule(), "text.utf8");
}

TEST(Campaign, AnIndicatorTieBreakMustNameARubricIndicator) {
  kexie_test::World w;
  auto spec = kexie_test::proposal_spec(w);
  spec.tie_breaks = {kexie::TieBreak::indicator("NOPE")};
  Judging s(spec);
  const auto board = s.c.score();
  ASSERT_FALSE(board);
  EXPECT_EQ(board.error().rule(), "campaign.tie_break");
  EXPECT_EQ(board.error().message(),
            "the tie-break indicator:\"NOPE\" names no indicator of the campaign's rubrics");
  EXPECT_EQ(s.c.standings().error().rule(), "campaign.tie_break");
}

TEST(Campaign, TextIsCheckedAndEchoedBounded) {
  Judging s;
  kexie::EntrySpec bad = kexie_test::proposal(s.w, "P-\x01", 0, 0);
  auto r = s.c.add_entry(bad);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().rule(), "text.control");
  bad = kexie_test::proposal(s.w, "P-1", 0, 0);
  bad.title = "t\xC3";
  EXPECT_EQ(s.c.add_entry(bad).error().rule(), "text.utf8");
  const std::string huge(100'000'000, 'x');
  auto f = s.c.find_entry(huge);
  ASSERT_FALSE(f);
  EXPECT_LT(f.error().message().size(), 100u);
  EXPECT_EQ(f.error().message(), "no entry with code \"" + std::string(64, 'x') + "…\"");
}

TEST(Campaign, MarkAllNamesIndicatorsByCode) {
  Judging s;
  const EntryId e = s.entry("P-1", 0, 0);
  std::vector<kexie::MarkInput> batch = {{s.judges[0], e, "A.1", Decimal(80)},
                                         {s.judges[1], e, "A.9", Decimal(80)}};
  auto r = s.c.mark_all(batch);
  EXPECT_EQ(r.code(), ErrorCode::not_found);
  EXPECT_NE(r.error().message().find("A.9"), std::string::npos) << r.error();
  EXPECT_NE(r.error().message().find("mark #2"), std::string::npos) << r.error();
  // A group indicator exists but is not marked by judges.
  batch[1].indicator = "A";
  r = s.c.mark_all(batch);
  EXPECT_EQ(r.code(), ErrorCode::not_found);
  EXPECT_NE(r.error().message().find("\"A\" of entry"), std::string::npos) << r.error();
  batch[1].indicator = "A.2";
  ASSERT_TRUE(s.c.mark_all(batch).ok());
  const kexie::PanelMarks a2 = s.c.panel_marks("A.2", s.judges, std::vector<EntryId>{e}).value();
  EXPECT_EQ(a2.at(0, 1), 80.0);
  EXPECT_FALSE(a2.at(0, 0).has_value());
}

TEST(Campaign, MissingMarksAreExcludedNeverZero) {
  Judging s;
  const EntryId full = s.entry("P-1", 0, 0);
  const EntryId partial = s.entry("P-2", 0, 1);
  s.give(full, {"90", "90", "90", "90", "90"}, {"90", "90", "90", "90", "90"});
  s.give(partial, {"90", "90", "90"}, {"90", "90"});  // A.2 has 2 < 3 marks
  auto b = s.c.score().value();
  EXPECT_EQ(b.find(partial)->status, EntryStatus::incomplete);
  EXPECT_EQ(b.find(partial)->rank, 0u);
  EXPECT_EQ(b.entries.back().entry, partial);  // unranked entries come last
  s.c.mark(s.judges[2], partial, "A.2", Decimal(90)).value();
  b = s.c.score().value();
  // Three marks of 90 each: the same total as five marks of 90 — absent marks are not zeros.
  EXPECT_EQ(b.find(partial)->total, b.find(full)->total);
  EXPECT_EQ(b.find(partial)->rank, 1u);
  EXPECT_EQ(b.find(full)->rank, 1u);
  // Equal totals: the application number decides the position.
  EXPECT_EQ(b.find(full)->position, 1u);
  EXPECT_EQ(b.find(partial)->position, 2u);
}

TEST(Campaign, TieBreakChain) {
  kexie_test::World w;
  auto spec = kexie_test::proposal_spec(w);
  spec.tie_breaks = {kexie::TieBreak::indicator("A.1"), kexie::TieBreak::top_marks()};
  Judging s(spec);
  const EntryId a = s.entry("Z-1", 0, 0);
  const EntryId b = s.entry("A-1", 0, 1);
  const EntryId c = s.entry("M-1", 1, 0);
  s.give(a, {"90", "90", "90", "90", "90"}, {"80", "80", "80", "80", "80"});
  s.give(b, {"80", "80", "80", "80", "80"}, {"90", "90", "90", "90", "90"});
  s.give(c, {"90", "90", "90", "90", "90"}, {"80", "80", "80", "80", "80"});
  const auto board = s.c.score().value();
  // All three total 0.3·90 + 0.3·80 + 0.4·80 = 83; A.1 puts Z-1 and M-1 first; then the code.
  for (EntryId e : {a, b, c}) EXPECT_EQ(board.find(e)->total, Decimal(83));
  for (EntryId e : {a, b, c}) EXPECT_EQ(board.find(e)->rank, 1u);
  EXPECT_EQ(board.find(c)->position, 1u);
  EXPECT_EQ(board.find(a)->position, 2u);
  EXPECT_EQ(board.find(b)->position, 3u);
}

TEST(Campaign, VetoExcludesFromAwards) {
  Judging s;
  const EntryId e = s.entry("P-1", 0, 0, "600000");
  s.give(e, {"100", "100", "100", "100", "100"}, {"100", "100", "100", "100", "100"});
  EXPECT_EQ(s.c.veto(s.judges[0], e, "veto", "").code(), ErrorCode::invalid_argument);
  EXPECT_EQ(s.c.veto(s.judges[0], e, "A.1", "x").code(), ErrorCode::invalid_argument);
  ASSERT_TRUE(s.c.veto(s.judges[0], e, "veto", "数据造假 falsified data").ok());
  EXPECT_EQ(s.c.veto(s.judges[0], e, "veto", "again").code(), ErrorCode::already_exists);
  const auto b = s.c.score().value();
  EXPECT_EQ(b.find(e)->status, EntryStatus::vetoed);
  EXPECT_EQ(b.find(e)->total, Decimal(100));
  EXPECT_FALSE(b.find(e)->tier.has_value());
}

namespace {

// A campaign of `n` entries with seeded random marks, built in the given order.
std::string board_digest(const std::vector<int>& order, std::uint32_t seed, bool normalize) {
  kexie_test::World w;
  auto spec = kexie_test::proposal_spec(w);
  spec.panel.normalization = {normalize, 3};
  spec.tie_breaks = {kexie::TieBreak::objective_total()};
  Campaign c(w.registry, spec);
  c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
  // Marks are a function of (entry, judge, indicator) only, never of the order.
  const auto mark_of = [&](int entry, int judge, int indicator) {
    std::seed_seq seq{static_cast<int>(seed), entry, judge, indicator};
    std::mt19937 rng(seq);
    return Decimal::from_coefficient(std::uniform_int_distribution<int>(100, 200)(rng) * 5, 1)
        .value();
  };
  std::vector<int> judge_order = {4, 2, 0, 3, 1};
  if (order.front() == 0) judge_order = {0, 1, 2, 3, 4};
  std::vector<JudgeId> judges(5);
  for (int k : judge_order)
    judges[static_cast<std::size_t>(k)] =
        c.add_judge(w.experts[static_cast<std::size_t>(k)]).value();
  std::vector<EntryId> ids(order.size());
  for (int i : order) {
    const char* benefits[] = {"50000", "150000", "700000"};
    ids[static_cast<std::size_t>(i)] =
        c.add_entry(
             kexie_test::proposal(w, "C-" + std::to_string(i), i % 2, i % 6, benefits[i % 3]))
            .value();
  }
  for (int i : order) {
    for (int k : judge_order)
      c.assign(judges[static_cast<std::size_t>(k)], ids[static_cast<std::size_t>(i)]).value();
  }
  for (int k : judge_order) {
    for (int i : order) {
      for (int ind = 0; ind < 2; ++ind) {
        c.mark(judges[static_cast<std::size_t>(k)], ids[static_cast<std::size_t>(i)],
               ind ? "A.2" : "A.1", mark_of(i, k, ind))
            .value();
      }
    }
  }
  return c.score().value().digest();
}

/// `standings()` lists the same entries, statuses, totals and places as `score()`.
void expect_standings_match_score(const kexie::Campaign& c) {
  const auto board = c.score().value();
  const auto standings = c.standings().value();
  ASSERT_EQ(standings.size(), board.entries.size());
  for (std::size_t k = 0; k < standings.size(); ++k) {
    EXPECT_EQ(standings[k].entry, board.entries[k].entry);
    EXPECT_EQ(standings[k].status, board.entries[k].status);
    EXPECT_EQ(standings[k].total, board.entries[k].total);
    EXPECT_EQ(standings[k].rank, board.entries[k].rank);
    EXPECT_EQ(standings[k].position, board.entries[k].position);
  }
}

/// The reference value of one indicator of `entry`: the public aggregate() over the
/// raw marks the judges gave.
Decimal reference_value(const kexie::Campaign& c, const std::vector<kexie::JudgeId>& judges,
                        EntryId entry, const char* code, kexie::Aggregation rule) {
  // PanelMarks holds doubles; every mark has at most 4 places, so scaling by 10^4
  // and rounding recovers the exact mark.
  std::vector<Decimal> given;
  const kexie::PanelMarks marks = c.panel_marks(code, judges, std::vector<EntryId>{entry}).value();
  for (std::size_t j = 0; j < marks.judges(); ++j) {
    if (const auto m = marks.at(0, j)) {
      given.push_back(Decimal::from_coefficient(std::llround(*m * 1e4), 4).value());
    }
  }
  return kexie::aggregate(given, rule).value().value;
}

}  // namespace

TEST(Campaign, ResultsDoNotDependOnInputOrder) {
  std::vector<int> order(40);
  for (int i = 0; i < 40; ++i) order[static_cast<std::size_t>(i)] = i;
  for (bool normalize : {false, true}) {
    const std::string reference = board_digest(order, 7, normalize);
    EXPECT_EQ(reference.size(), 64u);
    std::mt19937 rng(11);
    for (int round = 0; round < 3; ++round) {
      std::vector<int> shuffled = order;
      std::shuffle(shuffled.begin(), shuffled.end(), rng);
      if (shuffled.front() == 0) std::swap(shuffled.front(), shuffled.back());
      EXPECT_EQ(board_digest(shuffled, 7, normalize), reference) << "normalize=" << normalize;
    }
    EXPECT_NE(board_digest(order, 8, normalize), reference);
  }
}

TEST(Campaign, NormalizationRemovesALenientJudgesOffset) {
  kexie_test::World w;
  auto spec = kexie_test::proposal_spec(w);
  spec.panel.aggregation = kexie::Aggregation::plain_mean();
  spec.panel.normalization = {true, 3};
  Judging s(spec);
  // Judges 0–3 agree; judge 4 gives everything +10.
  std::vector<EntryId> ids;
  const char* base[] = {"60", "70", "80", "90"};
  for (int i = 0; i < 4; ++i) {
    ids.push_back(s.entry("N-" + std::to_string(i), i % 2, i, "0"));
    for (std::size_t j = 0; j < 5; ++j) {
      const Decimal m = j == 4 ? Decimal(10) + kexie::Decimal::parse(base[i]).value()
                               : kexie::Decimal::parse(base[i]).value();
      s.c.mark(s.judges[j], ids.back(), "A.1", m).value();
      s.c.mark(s.judges[j], ids.back(), "A.2", m).value();
    }
  }
  const auto b = s.c.score().value();
  // Normalized, every judge's marks map onto the panel's scale: the panel mean is 77, sd ≈ 11.66;
  // each judge has sd ≈ 11.18, so the lenient judge's 70 and the others' 60 both become the same
  // value. Hence entry totals are strictly ordered and evenly spaced, with the offset gone.
  const Decimal t0 = b.find(ids[0])->total, t1 = b.find(ids[1])->total;
  const Decimal t2 = b.find(ids[2])->total, t3 = b.find(ids[3])->total;
  EXPECT_LT(t0, t1);
  EXPECT_LT(t1, t2);
  EXPECT_LT(t2, t3);
  // Without normalization the same marks give 0.6 × (base + 2) + 0.4 × 50.
  auto plain = spec;
  plain.panel.normalization.enabled = false;
  Judging p(plain);
  const EntryId e = p.entry("N-0", 0, 0, "0");
  for (std::size_t j = 0; j < 5; ++j) {
    const Decimal m = j == 4 ? Decimal(70) : Decimal(60);
    p.c.mark(p.judges[j], e, "A.1", m).value();
    p.c.mark(p.judges[j], e, "A.2", m).value();
  }
  EXPECT_EQ(p.c.score().value().find(e)->total, "57.2"_dec);
}

TEST(Campaign, TotalsAgreeWithTheReferenceAggregateForEveryRule) {
  const kexie::Aggregation rules[] = {
      kexie::Aggregation::standard(),       kexie::Aggregation::diving(),
      kexie::Aggregation::plain_mean(),     kexie::Aggregation::median(),
      kexie::Aggregation::trimmed(1, 0, 3), kexie::Aggregation::trimmed(2, 1, 4)};
  for (const kexie::Aggregation& rule : rules) {
    kexie_test::World w;
    auto spec = kexie_test::proposal_spec(w);
    spec.panel.aggregation = rule;
    Judging s(spec);
    std::mt19937 rng(static_cast<unsigned>(rule.drop_low * 10 + rule.drop_high + rule.trim_from));
    std::vector<EntryId> ids;
    for (int i = 0; i < 30; ++i) {
      ids.push_back(s.entry("R-" + std::to_string(i), i % 2, i % 6, i % 3 ? "150000" : "700000"));
      for (const char* code : {"A.1", "A.2"}) {
        for (std::size_t j = 0; j < 5; ++j) {
          if (j >= 3 && rng() % 3 == 0) continue;  // some judges leave marks out
          s.c.mark(s.judges[j], ids.back(), code,
                   Decimal::from_coefficient(static_cast<std::int64_t>(rng() % 201) * 5, 1).value())
              .value();
        }
      }
    }
    expect_standings_match_score(s.c);
    const auto board = s.c.score().value();
    for (EntryId e : ids) {
      Decimal expected;
      for (const char* code : {"A.1", "A.2"}) {
        const Decimal value = reference_value(s.c, s.judges, e, code, rule);
        expected = expected + kexie::multiply(value, "0.3"_dec).value();
      }
      expected = expected + board.find(e)->objective_part;
      EXPECT_EQ(board.find(e)->total, expected) << "rule " << kexie::to_string(rule.method) << ' '
                                                << int{rule.drop_low} << '+' << int{rule.drop_high};
    }
  }
}

TEST(Campaign, DigestIsTheSameOnEveryCompilerAndOptimizationLevel) {
  // Recorded once; g++ and clang at -O0 and -O2 must all reproduce these digests
  // of the full result table (the dev, release, asan and clang presets run this test).
  std::vector<int> order(40);
  for (int i = 0; i < 40; ++i) order[static_cast<std::size_t>(i)] = i;
  EXPECT_EQ(board_digest(order, 7, false),
            "a5603390bf91da70b918dae71caa57c1cb325fd00f6629d227674b3e4274050e");
  EXPECT_EQ(board_digest(order, 7, true),
            "394cbf9858df893baddeed060a35eb53cb7a9106ce55b07b758c517a56b222a8");
}

TEST(Campaign, FullPanelsAgreeWithTheReferenceAggregate) {
  // Every judge marks every indicator (bonus too) on most entries, so runs of entries
  // with complete panels take scoring's batched path; a few entries miss a mark or
  // carry a veto and take the general kernel, next to and inside those runs.
  const kexie::Aggregation rules[] = {
      kexie::Aggregation::standard(), kexie::Aggregation::plain_mean(),
      kexie::Aggregation::trimmed(1, 0, 3), kexie::Aggregation::trimmed(0, 1, 4),
      kexie::Aggregation::median()};
  for (const kexie::Aggregation& rule : rules) {
    kexie_test::World w;
    auto spec = kexie_test::proposal_spec(w);
    spec.panel.aggregation = rule;
    Judging s(spec);
    std::mt19937 rng(static_cast<unsigned>(rule.drop_low * 10 + rule.drop_high + rule.trim_from));
    std::vector<EntryId> ids;
    for (int i = 0; i < 41; ++i) {
      ids.push_back(s.entry("F-" + std::to_string(i), i % 2, i % 6, i % 3 ? "150000" : "700000"));
      for (const char* code : {"A.1", "A.2", "bonus"}) {
        for (std::size_t j = 0; j < 5; ++j) {
          if (i % 7 == 3 && j == 4 && code[0] == 'A') continue;
          const bool bonus = code[0] == 'b';
          const auto mark =
              bonus ? Decimal(static_cast<std::int64_t>(rng() % 11))
                    : Decimal::from_coefficient(static_cast<std::int64_t>(rng() % 201) * 5, 1)
                          .value();
          s.c.mark(s.judges[j], ids.back(), code, mark).value();
        }
      }
      if (i % 9 == 5) s.c.veto(s.judges[0], ids.back(), "veto", "x").value();
    }
    expect_standings_match_score(s.c);
    const auto board = s.c.score().value();
    for (EntryId e : ids) {
      const auto value_of = [&](const char* code) {
        return reference_value(s.c, s.judges, e, code, rule);
      };
      const Decimal bonus = std::min(std::max(value_of("bonus"), Decimal(0)), Decimal(5));
      const Decimal judged = kexie::multiply(value_of("A.1"), "0.3"_dec).value() +
                             kexie::multiply(value_of("A.2"), "0.3"_dec).value();
      const std::optional<kexie::EntryResult> r = board.find(e);
      EXPECT_EQ(r->bonus, bonus) << kexie::to_string(rule.method);
      EXPECT_EQ(r->judged_part, judged) << kexie::to_string(rule.method);
      EXPECT_EQ(r->total, judged + r->objective_part + bonus) << kexie::to_string(rule.method);
    }
  }
}

// ---- Gaps found in review (issue 13): rule ids and articles, accept and refuse ----------------

TEST(CampaignRules, RubricIsLockedOnceItsCategoryHasEntries) {
  kexie_test::World w;
  Campaign c(w.registry, kexie_test::proposal_spec(w));
  const auto proposals = kexie::Category::rationalization_proposals;
  const auto patents = kexie::Category::technical_patents;
  // Accepted: replacing a rubric before any entry, and setting another category's later.
  ASSERT_TRUE(c.set_rubric(proposals, kexie_test::proposal_rubric()).ok());
  ASSERT_TRUE(c.set_rubric(proposals, kexie_test::proposal_rubric()).ok());
  ASSERT_TRUE(c.add_entry(kexie_test::proposal(w, "P-1", 0, 0)).ok());
  EXPECT_TRUE(c.set_rubric(patents, kexie_test::proposal_rubric()).ok());
  // Refused: the category with an entry keeps its rubric.
  std::vector<kexie::IndicatorSpec> one = {{"J",
                                            "judged",
                                            "",
                                            kexie::IndicatorKind::judged,
                                            Decimal(1),
                                            {Decimal(0), Decimal(10), Decimal(1)},
                                            {},
                                            {}}};
  const kexie::Rubric other = kexie::Rubric::build("other", one).value();
  auto locked = c.set_rubric(proposals, other);
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.code(), ErrorCode::rule_violation);
  EXPECT_EQ(locked.error().rule(), "campaign.rubric_locked");
  EXPECT_EQ(locked.error().article(), "A12");
  EXPECT_EQ(c.rubric(proposals).value().name(), "合理化建议评分细则");
  EXPECT_EQ(c.entry_count(), 1u);
}

TEST(CampaignRules, RankPerCategoryFalseRanksAndAwardsAllCategoriesTogether) {
  const auto run = [](bool per_category) {
    kexie_test::World w;
    auto spec = kexie_test::proposal_spec(w);
    spec.rank_per_category = per_category;
    spec.awards.tiers = {kexie::AwardTier::by_places("一等奖", 1)};
    Campaign c(w.registry, spec);
    c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
    c.set_rubric(kexie::Category::technical_patents, kexie_test::proposal_rubric()).value();
    std::vector<JudgeId> judges;
    for (int k = 0; k < 3; ++k)
      judges.push_back(c.add_judge(w.experts[static_cast<std::size_t>(k)]).value());
    auto low = kexie_test::proposal(w, "P-1", 0, 0);
    auto high = kexie_test::proposal(w, "T-1", 1, 0);
    high.category = kexie::Category::technical_patents;
    const EntryId a = c.add_entry(low).value();
    const EntryId b = c.add_entry(high).value();
    for (JudgeId j : judges) {
      for (const auto& [e, m] : {std::pair{a, "80"}, std::pair{b, "90"}}) {
        c.assign(j, e).value();
        c.mark(j, e, "A.1", kexie::Decimal::parse(m).value()).value();
        c.mark(j, e, "A.2", kexie::Decimal::parse(m).value()).value();
      }
    }
    const kexie::Scoreboard board = c.score().value();
    return std::pair{*board.find(a), *board.find(b)};
  };
  // Per category (the default): each entry is first, and awarded, in its own category.
  const auto [a1, b1] = run(true);
  EXPECT_EQ(a1.rank, 1u);
  EXPECT_EQ(b1.rank, 1u);
  EXPECT_EQ(a1.award, "一等奖");
  EXPECT_EQ(b1.award, "一等奖");
  // Together: one ranking across categories, and the one place goes to the better entry.
  const auto [a2, b2] = run(false);
  EXPECT_EQ(b2.rank, 1u);
  EXPECT_EQ(a2.rank, 2u);
  EXPECT_EQ(b2.award, "一等奖");
  EXPECT_EQ(a2.award, "");
  EXPECT_EQ(a2.total, a1.total);  // the totals themselves do not depend on the grouping
}

// ---- mark_all's one pass: lookups per batch, conflicts per (judge, entry) -----------------

namespace {

bool no_marks(const Judging& s, EntryId e, const char* indicator) {
  const kexie::PanelMarks m = s.c.panel_marks(indicator, s.judges, std::vector<EntryId>{e}).value();
  for (std::size_t j = 0; j < s.judges.size(); ++j) {
    if (m.at(0, j).has_value()) return false;
  }
  return true;
}

}  // namespace

TEST(MarkAll, AConflictFoundLateInTheBatchRefusesItWhole) {
  // The tie of membership to the employer is off so that a membership recorded after
  // the assignment brings the conflict (as in ConflictArisingAfterAssignmentRefusesTheMark).
  kexie::Policy loose;
  loose.employer_tied_membership = false;
  Judging s(loose, kexie_test::proposal_spec(Judging::w_for_spec()));
  const EntryId e1 = s.entry("P-1", 1, 0);
  const EntryId e2 = s.entry("P-2", 0, 1);
  const auto p = s.w.registry
                     .add_person({.name = "新人",
                                  .birth = "1990-01-01"_date,
                                  .employer = s.w.enterprises[2],
                                  .external_key = "N1"})
                     .value();
  const JudgeId newcomer = s.c.add_judge(p).value();
  ASSERT_TRUE(s.c.assign(newcomer, e1).ok());
  ASSERT_TRUE(s.c.assign(newcomer, e2).ok());
  ASSERT_TRUE(s.w.registry
                  .add_membership(p, s.w.enterprises[0], kexie::Role::member,
                                  kexie::Period::from("2025-01-01"_date))
                  .ok());
  // The newcomer marks e1 (enterprise 1: no conflict) on both indicators, then e2
  // (enterprise 0: a conflict) after every other judge's marks.
  std::vector<kexie::MarkInput> batch;
  for (const char* ind : {"A.1", "A.2"}) {
    batch.push_back({newcomer, e1, ind, Decimal(70)});
    for (JudgeId j : s.judges) batch.push_back({j, e1, ind, Decimal(80)});
    for (JudgeId j : s.judges) batch.push_back({j, e2, ind, Decimal(85)});
  }
  const std::size_t conflicting = batch.size();
  batch.push_back({newcomer, e2, "A.2", Decimal(90)});
  batch.push_back({newcomer, e2, "A.1", Decimal(90)});
  std::size_t at = 0;
  auto r = s.c.mark_all(batch, &at);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().rule(), "panel.conflict");
  EXPECT_EQ(at, conflicting);
  EXPECT_NE(r.error().message().find("(mark #" + std::to_string(conflicting + 1) + ")"),
            std::string::npos)
      << r.error();
  for (const char* ind : {"A.1", "A.2"}) {
    EXPECT_TRUE(no_marks(s, e1, ind));
    EXPECT_TRUE(no_marks(s, e2, ind));
  }
  batch.resize(conflicting);
  ASSERT_TRUE(s.c.mark_all(batch).ok());
  EXPECT_EQ(s.c.panel_marks("A.2", s.judges, std::vector<EntryId>{e2}).value().at(0, 4), 85.0);
}

TEST(MarkAll, RefusalsComeInTheOrderOfTheSingleChecks) {
  Judging s;
  const EntryId e = s.entry("P-1", 0, 0);
  // A repeat at #2 and an off-step mark at #4: every mark is checked before repeats.
  std::vector<kexie::MarkInput> batch = {{s.judges[0], e, "A.1", Decimal(80)},
                                         {s.judges[0], e, "A.1", Decimal(80)},
                                         {s.judges[1], e, "A.1", Decimal(80)},
                                         {s.judges[2], e, "A.1", "80.3"_dec}};
  std::size_t at = 0;
  auto r = s.c.mark_all(batch, &at);
  EXPECT_EQ(r.code(), ErrorCode::invalid_argument);
  EXPECT_EQ(at, 3u);
  batch[3].mark = Decimal(81);
  r = s.c.mark_all(batch, &at);
  EXPECT_EQ(r.error().rule(), "panel.mark_unique");
  EXPECT_EQ(at, 1u);
  EXPECT_TRUE(no_marks(s, e, "A.1"));
  // A mark recorded before the batch: refused where it stands; the cells the batch had
  // filled so far are empty again, so the rest goes in afterwards.
  ASSERT_TRUE(s.c.mark(s.judges[4], e, "A.1", Decimal(60)).ok());
  batch = {{s.judges[0], e, "A.1", Decimal(80)},
           {s.judges[1], e, "A.2", Decimal(80)},
           {s.judges[4], e, "A.1", Decimal(70)},
           {s.judges[2], e, "A.1", Decimal(80)}};
  r = s.c.mark_all(batch, &at);
  EXPECT_EQ(r.error().rule(), "panel.mark_unique");
  EXPECT_NE(r.error().message().find("already marked"), std::string::npos) << r.error();
  EXPECT_EQ(at, 2u);
  const kexie::PanelMarks a1 = s.c.panel_marks("A.1", s.judges, std::vector<EntryId>{e}).value();
  EXPECT_FALSE(a1.at(0, 0).has_value());
  EXPECT_EQ(a1.at(0, 4), 60.0);
  EXPECT_TRUE(no_marks(s, e, "A.2"));
  batch.erase(batch.begin() + 2);
  ASSERT_TRUE(s.c.mark_all(batch).ok());
  // An unknown indicator after known ones, and a judge not on the panel.
  batch = {{s.judges[3], e, "A.1", Decimal(80)}, {s.judges[3], e, "A.9", Decimal(80)}};
  r = s.c.mark_all(batch, &at);
  EXPECT_EQ(r.code(), ErrorCode::not_found);
  EXPECT_EQ(at, 1u);
  batch = {{s.judges[3], e, "A.1", Decimal(80)}, {JudgeId{99}, e, "A.1", Decimal(80)}};
  r = s.c.mark_all(batch, &at);
  EXPECT_EQ(r.code(), ErrorCode::not_found);
  EXPECT_EQ(at, 1u);
  EXPECT_FALSE(
      s.c.panel_marks("A.1", s.judges, std::vector<EntryId>{e}).value().at(0, 3).has_value());
}

TEST(MarkAll, StepsAreCheckedExactlyAsTheRubricChecksThem) {
  // Steps of 0.3 (3000 units: 2^3 × 375) and 0.0007 (odd): every candidate mark is
  // accepted exactly when Rubric::check_mark accepts it.
  kexie::MarkScale a1{Decimal(0), "99.9"_dec, "0.3"_dec};
  kexie::MarkScale a2{"-4.9"_dec, "4.9"_dec, "0.0007"_dec};
  using kexie::IndicatorKind;
  std::vector<kexie::IndicatorSpec> specs = {
      {"A.1", "a", "", IndicatorKind::judged, "0.5"_dec, a1, {}, {}},
      {"A.2", "b", "", IndicatorKind::judged, "0.5"_dec, a2, {}, {}},
  };
  const kexie::Rubric rubric = kexie::Rubric::build("steps", specs).value();
  Judging s;
  ASSERT_TRUE(s.c.set_rubric(kexie::Category::rationalization_proposals, rubric).ok());
  const EntryId e = s.entry("P-1", 0, 0);
  std::mt19937 rng(17);
  int accepted = 0;
  for (int k = 0; k < 400; ++k) {
    const bool first = k % 2 == 0;
    const char* code = first ? "A.1" : "A.2";
    // Half on the grid from the minimum (some past the maximum), half anywhere.
    const std::int64_t lo = first ? 0 : -49'000, step = first ? 3'000 : 7;
    const auto draw = static_cast<std::int64_t>(rng() % 1'000'000);
    const std::int64_t units = k % 4 < 2 ? lo + step * (draw % (first ? 340 : 14'020))
                               : first   ? draw
                                         : -50'010 + draw % 100'020;
    const Decimal mark = Decimal::from_coefficient(units, 4).value();
    // A valid mark first (the batch has looked the code up), the candidate, a repeat.
    const std::vector<kexie::MarkInput> batch = {{s.judges[1], e, code, Decimal(0)},
                                                 {s.judges[0], e, code, mark},
                                                 {s.judges[0], e, code, mark}};
    std::size_t at = 0;
    auto r = s.c.mark_all(batch, &at);
    ASSERT_FALSE(r);
    if (rubric.check_mark(code, mark)) {
      ++accepted;
      EXPECT_EQ(r.error().rule(), "panel.mark_unique") << mark.to_string();
      EXPECT_EQ(at, 2u);
    } else {
      EXPECT_EQ(r.code(), ErrorCode::invalid_argument) << mark.to_string();
      EXPECT_EQ(at, 1u);
    }
  }
  EXPECT_GT(accepted, 100);  // both outcomes were tried
  EXPECT_LT(accepted, 300);
  EXPECT_TRUE(no_marks(s, e, "A.1"));
  EXPECT_TRUE(no_marks(s, e, "A.2"));
}
