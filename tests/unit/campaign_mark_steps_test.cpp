// Tests for the marks as steps (src/campaign_mark_steps.hpp, issue 17): a campaign is
// scored from a byte a mark, encoded again lazily where its marks changed. A campaign
// scored, then changed in every way that changes marks (a batch recorded, a judge
// seated, entries added, a batch refused), scores exactly as one built at once with
// the same final marks, on 1, 2, 3 and 7 threads; a scale of more than 255 steps
// (scored from the marks themselves) gives the totals of the same marks on a scale
// that fits, alone and beside another category; and concurrent calls on a campaign
// whose steps are stale agree.
#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "kexie/campaign.hpp"
#include "kexie/literals.hpp"
#include "support/campaign_world.hpp"

using namespace kexie::literals;
using kexie::Decimal;

namespace {

std::string code_of(std::size_t i) {
  char code[16];
  std::snprintf(code, sizeof code, "M-%05zu", i);
  return code;
}

void expect_same(const std::vector<kexie::Standing>& got, const std::vector<kexie::Standing>& want,
                 const std::string& what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (std::size_t k = 0; k < got.size(); ++k) {
    ASSERT_EQ(got[k].entry, want[k].entry) << what << ", place " << k;
    ASSERT_EQ(got[k].status, want[k].status) << what << ", place " << k;
    ASSERT_EQ(got[k].total, want[k].total) << what << ", place " << k;
    ASSERT_EQ(got[k].rank, want[k].rank) << what << ", place " << k;
  }
}

// A mark on the 0.5 step of 0–100, fixed by (entry, judge, indicator).
Decimal mark_of(std::size_t i, std::size_t j, int col) {
  return Decimal::from_coefficient(static_cast<std::int64_t>((i * 37 + j * 11 + col * 5) % 201) * 5,
                                   1)
      .value();
}

// The campaign's story: entries with judges 1–5 (of 0–5) seated, marked by judges 1–4;
// then judge 5's marks on every third entry; judge 0 seated on every fifth entry (it
// sorts first, so every slot of the entry moves) and marking it; more entries.
struct Story {
  kexie_test::World& w;
  kexie::Campaign& c;
  std::vector<kexie::JudgeId> judges;
  std::size_t n = 0;

  // The rubric and six judges (none seated yet).
  Story(kexie_test::World& world, kexie::Campaign& campaign, kexie::Rubric rubric)
      : w(world), c(campaign) {
    c.set_rubric(kexie::Category::rationalization_proposals, std::move(rubric)).value();
    for (std::size_t k = 0; k < 6; ++k) judges.push_back(c.add_judge(w.experts[k]).value());
  }

  void add_entries(std::size_t count, std::vector<kexie::MarkInput>& marks) {
    for (std::size_t i = n; i < n + count; ++i) {
      const auto id =
          c.add_entry(kexie_test::proposal(w, code_of(i), static_cast<int>(i % 2), 0)).value();
      for (std::size_t j = 1; j <= 5; ++j) c.assign(judges[j], id).value();
      for (std::size_t j = 1; j <= 4; ++j) {
        for (int col = 0; col < 2; ++col) {
          marks.push_back({judges[j], id, col == 0 ? "A.1" : "A.2", mark_of(i, j, col)});
        }
      }
    }
    n += count;
  }
  void judge_five_marks(std::vector<kexie::MarkInput>& marks) const {
    for (std::size_t i = 0; i < n; i += 3) {
      for (int col = 0; col < 2; ++col) {
        marks.push_back({judges[5], kexie::EntryId{static_cast<std::uint32_t>(i + 1)},
                         col == 0 ? "A.1" : "A.2", mark_of(i, 5, col)});
      }
    }
  }
  void seat_judge_zero(std::vector<kexie::MarkInput>& marks) const {
    for (std::size_t i = 0; i < n; i += 5) {
      const kexie::EntryId id{static_cast<std::uint32_t>(i + 1)};
      c.assign(judges[0], id).value();
      marks.push_back({judges[0], id, "A.1", mark_of(i, 0, 0)});
      marks.push_back({judges[0], id, "A.2", mark_of(i, 0, 1)});
    }
  }
};

kexie::CampaignSpec spec_of(const kexie_test::World& w) {
  auto spec = kexie_test::proposal_spec(w);
  spec.panel.max_judges_per_entry = 7;
  return spec;
}

// A rubric of two judged indicators, A.1 and A.2 weighted `a` and `b`, marked from 0 to
// `max` in steps of 0.5 (201 steps for 100: a byte each; 2 001 for 1000: the marks).
kexie::Rubric two_columns(const char* max, Decimal a, Decimal b) {
  const kexie::MarkScale scale{Decimal(0), Decimal::parse(max).value(), "0.5"_dec};
  const std::vector<kexie::IndicatorSpec> specs = {
      {"A.1", "a", "", kexie::IndicatorKind::judged, a, scale, {}, {}},
      {"A.2", "b", "", kexie::IndicatorKind::judged, b, scale, {}, {}},
  };
  return kexie::Rubric::build("two columns", specs).value();
}

TEST(CampaignMarkSteps, AChangedCampaignScoresAsOneBuiltWithItsFinalMarks) {
  kexie_test::World w;
  kexie::Campaign c(w.registry, spec_of(w));
  Story story(w, c, kexie_test::proposal_rubric());
  std::vector<kexie::MarkInput> marks;
  story.add_entries(3000, marks);
  c.mark_all(marks).value();
  const auto first = c.standings().value();  // every step encoded
  marks.clear();
  story.judge_five_marks(marks);
  c.mark_all(marks, kexie::Threads{2}).value();
  (void)c.standings(kexie::Threads{2}).value();
  marks.clear();
  story.seat_judge_zero(marks);
  c.mark_all(marks).value();
  (void)c.score().value();
  // A refused batch (the same mark twice) changes nothing.
  const std::vector<kexie::MarkInput> twice = {
      {story.judges[5], kexie::EntryId{2}, "A.1", "50"_dec},
      {story.judges[5], kexie::EntryId{2}, "A.1", "50"_dec}};
  EXPECT_FALSE(c.mark_all(twice));
  marks.clear();
  story.add_entries(200, marks);
  c.mark_all(marks).value();

  // The same final marks, recorded at once and scored once.
  kexie_test::World w2;
  kexie::Campaign fresh(w2.registry, spec_of(w2));
  Story again(w2, fresh, kexie_test::proposal_rubric());
  std::vector<kexie::MarkInput> all;
  again.add_entries(3000, all);
  again.judge_five_marks(all);
  again.seat_judge_zero(all);
  again.add_entries(200, all);
  fresh.mark_all(all).value();

  const auto want = fresh.standings().value();
  std::vector<Decimal> before(first.size() + 1);
  for (const kexie::Standing& s : first) before[s.entry.value()] = s.total;
  std::size_t changed = 0;
  for (const kexie::Standing& s : want) {
    changed += s.entry.value() < before.size() && s.total != before[s.entry.value()] ? 1 : 0;
  }
  EXPECT_GT(changed, 1000u);  // the changes changed most totals
  for (const unsigned t : {1u, 2u, 3u, 7u}) {
    expect_same(c.standings(kexie::Threads{t}).value(), want, std::to_string(t) + " threads");
    EXPECT_EQ(c.score(kexie::Threads{t}).value().digest(), fresh.score().value().digest()) << t;
  }
}

TEST(CampaignMarkSteps, AScaleOfMoreThan255StepsScoresTheSameMarksAlike) {
  const auto rubric = [](const char* max) { return two_columns(max, "0.25"_dec, "0.75"_dec); };
  std::vector<std::vector<kexie::Standing>> listings;
  for (const char* max : {"100", "1000"}) {  // 201 steps (a byte each), 2 001 (the marks)
    kexie_test::World w;
    kexie::Campaign c(w.registry, spec_of(w));
    Story story(w, c, rubric(max));
    std::vector<kexie::MarkInput> marks;
    story.add_entries(1000, marks);
    story.judge_five_marks(marks);
    c.mark_all(marks).value();
    listings.push_back(c.standings(kexie::Threads{2}).value());
    expect_same(c.standings().value(), listings.back(), std::string("max ") + max);
  }
  expect_same(listings[1], listings[0], "201 steps against 2 001");
}

TEST(CampaignMarkSteps, ACategoryThatFitsAndOneThatDoesNotScoreAsNeitherFitting) {
  // Two categories in runs of 8 entries (the batch of the AVX2 pass) and a few single
  // ones: proposals on 0–100 (201 steps: scored from the steps) and ideas on 0–100 or
  // 0–1000 (2 001 steps: from the marks), against both on 0–1000.
  const auto rubric = [](const char* max) { return two_columns(max, "0.4"_dec, "0.6"_dec); };
  std::vector<std::vector<kexie::Standing>> listings;
  for (const auto& [proposals, ideas] : {std::pair{"100", "1000"}, std::pair{"1000", "1000"}}) {
    kexie_test::World w;
    auto spec = spec_of(w);
    spec.rank_per_category = true;
    kexie::Campaign c(w.registry, spec);
    c.set_rubric(kexie::Category::rationalization_proposals, rubric(proposals)).value();
    c.set_rubric(kexie::Category::innovative_ideas, rubric(ideas)).value();
    std::vector<kexie::JudgeId> judges;
    for (std::size_t k = 0; k < 5; ++k) judges.push_back(c.add_judge(w.experts[k]).value());
    std::vector<kexie::MarkInput> marks;
    for (std::size_t i = 0; i < 1500; ++i) {
      auto entry = kexie_test::proposal(w, code_of(i), static_cast<int>(i % 2), 0);
      if ((i / 8) % 2 == 1 || i % 37 == 0) entry.category = kexie::Category::innovative_ideas;
      const auto id = c.add_entry(entry).value();
      for (std::size_t j = 0; j < 5; ++j) {
        c.assign(judges[j], id).value();
        if (i % 53 == 7 && j == 4) continue;  // a missing mark: the exact path
        for (int col = 0; col < 2; ++col) {
          marks.push_back({judges[j], id, col == 0 ? "A.1" : "A.2", mark_of(i, j, col)});
        }
      }
    }
    c.mark_all(marks).value();
    listings.push_back(c.standings().value());
    for (const unsigned t : {2u, 3u, 7u}) {
      expect_same(c.standings(kexie::Threads{t}).value(), listings.back(),
                  std::to_string(t) + " threads");
    }
  }
  expect_same(listings[0], listings[1], "proposals from the steps against from the marks");
}

TEST(CampaignMarkSteps, ConcurrentCallsOnStaleStepsAgree) {
  kexie_test::World w;
  kexie::Campaign c(w.registry, spec_of(w));
  Story story(w, c, kexie_test::proposal_rubric());
  std::vector<kexie::MarkInput> marks;
  story.add_entries(2000, marks);
  c.mark_all(marks).value();
  (void)c.standings().value();
  marks.clear();
  story.judge_five_marks(marks);
  c.mark_all(marks).value();  // every third entry's steps stale
  std::vector<kexie::Standing> a, b;
  {
    std::jthread one([&] { a = c.standings(kexie::Threads{2}).value(); });
    std::jthread two([&] { b = c.standings().value(); });
  }
  const auto after = c.standings().value();
  expect_same(a, after, "first caller");
  expect_same(b, after, "second caller");
}

}  // namespace
