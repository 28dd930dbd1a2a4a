// Targeted tests of campaign scoring's full-panel paths (campaign_scoring.cpp):
// runs of detail::kLanes entries whose panels marked every column go through the
// SSE2 kernel (detail/score_kernel), single complete panels through
// full_panel_total<N>, the rest through the general kernel. Complete panels of
// 5, 7 and 9 judges under every trim rule, marks at both ends of their scales,
// entry counts on both sides of every multiple of the batch width, and runs
// mixing panel sizes, each total compared with a reference computed here with
// Decimal arithmetic (sort, drop, sum, divide half-even to 6 places), not with
// the library's own aggregate().
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "detail/score_kernel.hpp"
#include "kexie/campaign.hpp"
#include "kexie/literals.hpp"
#include "kexie/registry.hpp"
#include "support/campaign_world.hpp"

using kexie::Aggregation;
using kexie::AggregationMethod;
using namespace kexie::literals;
using kexie::Decimal;
using kexie::EntryId;
using kexie::JudgeId;

namespace {

constexpr std::size_t kLanes = kexie::detail::kLanes;
const char* const kCodes[] = {"A.1", "A.2", "bonus"};

/// The value of `marks` under `rule`, by the definition: a trimmed mean drops the
/// lowest and highest marks once there are `trim_from` of them; the mean is
/// rounded half-even to 6 places.
Decimal reference(std::vector<Decimal> marks, const Aggregation& rule) {
  std::sort(marks.begin(), marks.end());
  std::size_t lo = 0, hi = marks.size();
  if (rule.method == AggregationMethod::median) {
    const std::size_t n = marks.size();
    const Decimal sum = n % 2 ? marks[n / 2] * Decimal(2) : marks[n / 2 - 1] + marks[n / 2];
    return kexie::divide(sum, Decimal(2), 6).value();
  }
  if (rule.method == AggregationMethod::trimmed_mean && marks.size() >= rule.trim_from) {
    lo = rule.drop_low;
    hi -= rule.drop_high;
  }
  Decimal sum(0);
  for (std::size_t k = lo; k < hi; ++k) sum = sum + marks[k];
  return kexie::divide(sum, Decimal(static_cast<std::int64_t>(hi - lo)), 6).value();
}

/// campaign_world's world with nine judges: enterprise 2's six staff and three more.
struct Nine {
  kexie_test::World w;
  std::vector<kexie::PersonId> people;

  Nine() {
    people = w.experts;
    for (int k = 0; k < 3; ++k) {
      const auto p = w.registry
                         .add_person({.name = "评委" + std::to_string(k),
                                      .birth = "1975-05-05"_date,
                                      .employer = w.enterprises[2]})
                         .value();
      w.registry
          .add_membership(p, w.enterprises[2], kexie::Role::member,
                          kexie::Period::from("2010-01-01"_date))
          .value();
      people.push_back(p);
    }
  }
};

/// A mark on `code`'s scale: often one of its bounds, else any step.
Decimal draw_mark(std::mt19937_64& rng, bool bonus) {
  const auto pick = rng() % 4;
  if (bonus) return Decimal(static_cast<std::int64_t>(pick == 0 ? 0 : pick == 1 ? 10 : rng() % 11));
  if (pick == 0) return Decimal(0);
  if (pick == 1) return Decimal(100);
  return Decimal::from_coefficient(static_cast<std::int64_t>(rng() % 201) * 5, 1).value();
}

struct Scenario {
  Aggregation rule;
  std::vector<std::uint32_t> panels;  // per entry, in the order added: judges marking it
  std::uint64_t seed = 1;
};

/// Builds the scenario's campaign, scores it and checks every entry against the
/// reference. Returns how many entries were checked.
std::size_t check(const Scenario& sc) {
  Nine n;
  auto spec = kexie_test::proposal_spec(n.w);
  spec.panel.aggregation = sc.rule;
  kexie::Campaign c(n.w.registry, spec);
  c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
  std::vector<JudgeId> judges;
  for (kexie::PersonId p : n.people) judges.push_back(c.add_judge(p).value());
  std::mt19937_64 rng(sc.seed);
  const char* benefits[] = {"50000", "200000", "700000"};
  const Decimal objective[] = {Decimal(20), Decimal(32), Decimal(40)};  // 0.4 × tier
  std::vector<EntryId> ids;
  std::vector<std::vector<std::vector<Decimal>>> given;  // entry, column, marks
  for (std::size_t i = 0; i < sc.panels.size(); ++i) {
    const EntryId e = c.add_entry(kexie_test::proposal(n.w, "F-" + std::to_string(1000 + i),
                                                       static_cast<int>(i % 2),
                                                       static_cast<int>(i % 6), benefits[i % 3]))
                          .value();
    ids.push_back(e);
    given.emplace_back(3);
    // Entry 0 gets every mark at the top, entry 1 every mark at the bottom.
    for (std::uint32_t j = 0; j < sc.panels[i]; ++j) {
      c.assign(judges[j], e).value();
      for (std::size_t col = 0; col < 3; ++col) {
        const bool bonus = col == 2;
        Decimal m = draw_mark(rng, bonus);
        if (i == 0) m = bonus ? Decimal(10) : Decimal(100);
        if (i == 1) m = Decimal(0);
        c.mark(judges[j], e, kCodes[col], m).value();
        given.back()[col].push_back(m);
      }
    }
  }
  const auto board = c.score().value();
  const std::string what =
      std::string(kexie::to_string(sc.rule.method)) + " " + std::to_string(sc.rule.drop_low) + "+" +
      std::to_string(sc.rule.drop_high) + " from " + std::to_string(sc.rule.trim_from);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::optional<kexie::EntryResult> r = board.find(ids[i]);
    const std::string where = what + ", entry " + std::to_string(i) + " of " +
                              std::to_string(ids.size()) + ", " + std::to_string(sc.panels[i]) +
                              " judges";
    EXPECT_EQ(r->status, kexie::EntryStatus::ranked) << where;
    const Decimal judged =
        reference(given[i][0], sc.rule) * "0.3"_dec + reference(given[i][1], sc.rule) * "0.3"_dec;
    const Decimal bonus = std::clamp(reference(given[i][2], sc.rule), Decimal(0), Decimal(5));
    EXPECT_EQ(r->judged_part, judged) << where;
    EXPECT_EQ(r->bonus, bonus) << where;
    EXPECT_EQ(r->objective_part, objective[i % 3]) << where;
    EXPECT_EQ(r->total, judged + bonus + objective[i % 3]) << where;
    if (i == 0) {
      EXPECT_EQ(r->total, Decimal(60 + 5) + objective[0]) << where;
    } else if (i == 1) {
      EXPECT_EQ(r->total, objective[1]) << where;
    }
  }
  return ids.size();
}

const Aggregation kRules[] = {
    Aggregation::standard(),       Aggregation::plain_mean(),     Aggregation::trimmed(1, 0, 3),
    Aggregation::trimmed(0, 1, 4), Aggregation::trimmed(1, 1, 7), Aggregation::trimmed(1, 1, 9),
    Aggregation::trimmed(1, 1, 8), Aggregation::diving(),         Aggregation::median()};

}  // namespace

TEST(FullPanel, TheReferenceDefinitionIsRight) {
  // The reference itself, by hand: 0, 40, 50, 60, 100 → drop 0 and 100 → 50.
  const std::vector<Decimal> m = {Decimal(60), Decimal(0), Decimal(100), Decimal(40), Decimal(50)};
  EXPECT_EQ(reference(m, Aggregation::standard()), Decimal(50));
  EXPECT_EQ(reference(m, Aggregation::plain_mean()), Decimal(50));
  EXPECT_EQ(reference(m, Aggregation::trimmed(1, 0, 3)), "62.5"_dec);
  EXPECT_EQ(reference(m, Aggregation::trimmed(0, 1, 4)), "37.5"_dec);
  EXPECT_EQ(reference(m, Aggregation::trimmed(1, 1, 6)), Decimal(50));  // 5 < 6: no trim
  // 10, 10, 11 → 31/3 = 10.333333 (half-even at 6 places); 0.5 + 0.5 + 1 → 2/3
  EXPECT_EQ(reference({Decimal(10), Decimal(10), Decimal(11)}, Aggregation::plain_mean()),
            "10.333333"_dec);
  EXPECT_EQ(reference({"0.5"_dec, "0.5"_dec, Decimal(1)}, Aggregation::plain_mean()),
            "0.666667"_dec);
}

TEST(FullPanel, CompletePanelsOfFiveSevenAndNineUnderEveryTrimRule) {
  // Entry counts on both sides of one and two batch widths.
  const std::size_t counts[] = {kLanes - 1,     kLanes,     kLanes + 1,
                                2 * kLanes - 1, 2 * kLanes, 2 * kLanes + 1};
  std::size_t checked = 0;
  for (const Aggregation& rule : kRules) {
    for (std::uint32_t panel : {5u, 7u, 9u}) {
      for (std::size_t n : counts) {
        Scenario sc{rule, std::vector<std::uint32_t>(n, panel),
                    panel * 1000 + n * 10 + rule.drop_low + rule.trim_from};
        checked += check(sc);
      }
    }
  }
  EXPECT_EQ(checked, std::size(kRules) * 3 * 9 * kLanes);
}

TEST(FullPanel, RunsThatMixPanelSizesAreNotBatchedTogether) {
  // A batch needs kLanes neighbours with one panel size: runs of 5, 7 and 9 judges
  // that break at every offset inside a batch, and full runs between them.
  std::vector<std::uint32_t> panels;
  const std::uint32_t sizes[] = {5, 7, 9, 4, 3};
  for (std::size_t run = 1; run <= 2 * kLanes + 1; ++run)
    for (std::size_t k = 0; k < run; ++k) panels.push_back(sizes[run % std::size(sizes)]);
  for (const Aggregation& rule : kRules) {
    Scenario sc{rule, panels, 77u + rule.drop_high};
    EXPECT_EQ(check(sc), panels.size());
  }
}
