// A vetoed entry is listed at its total's place, like any scored entry, whatever the
// width of the packed sort keys. score() and standings() pack each entry into a 64-bit
// item (index, key of the total, group) and, when a bit is left, flag vetoed entries
// in bit 63; the radix sort must order on the (group, key) field only. When the sort's
// passes overrun that field up to bit 63, the last pass reads the flag too and moves
// every vetoed entry after the ranked entries of its bucket. An ordinary rubric
// reaches it: weights in thirds of 8 places times three judges' means of 6 places give
// totals of 14 places some 60 points apart, 52 key bits; 257 to 512 entries need 9
// index bits: a field [9, 61), which the sort (one top bit, then five passes of 11
// bits from bit 9) reads up to bit 63.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "kexie/campaign.hpp"
#include "kexie/literals.hpp"
#include "kexie/registry.hpp"
#include "support/campaign_world.hpp"

using namespace kexie::literals;
using kexie::Decimal;

namespace {

// An ordinary rubric: three judged indicators in equal thirds (0.33333333, 0.33333333,
// 0.33333334), marks 0–100 step 0.5. Three judges' means have 6 places, so the totals
// have 14.
kexie::Rubric thirds_rubric() {
  const kexie::MarkScale hundred{Decimal(0), Decimal(100), "0.5"_dec};
  using kexie::IndicatorKind;
  const std::vector<kexie::IndicatorSpec> specs = {
      {"A", "创新性", "", IndicatorKind::judged, "0.33333333"_dec, hundred, {}, {}},
      {"B", "实用性", "", IndicatorKind::judged, "0.33333333"_dec, hundred, {}, {}},
      {"C", "效益", "", IndicatorKind::judged, "0.33333334"_dec, hundred, {}, {}},
      {"veto", "一票否决", "", IndicatorKind::veto, {}, {}, {}, {}},
  };
  return kexie::Rubric::build("三分评分细则", specs).value();
}

struct Thirds {
  kexie_test::World w;
  std::unique_ptr<kexie::Campaign> c;

  Thirds(std::size_t entries, std::uint64_t seed) {
    kexie::CampaignSpec spec;
    spec.name = "否决标记";
    spec.organizer = w.province;
    spec.as_of = "2025-11-30"_date;
    spec.year = 2024;
    spec.panel.min_judges = 1;
    spec.rank_per_category = false;
    spec.awards.tiers = {kexie::AwardTier::by_share("一等奖", "0.3"_dec)};
    c = std::make_unique<kexie::Campaign>(w.registry, spec);
    c->set_rubric(kexie::Category::rationalization_proposals, thirds_rubric()).value();
    std::vector<kexie::JudgeId> judges;
    for (std::size_t k = 0; k < 3; ++k) judges.push_back(c->add_judge(w.experts[k]).value());
    std::mt19937_64 rng(seed);
    for (std::size_t i = 0; i < entries; ++i) {
      auto e = kexie_test::proposal(w, "V-" + std::to_string(100000 + i), static_cast<int>(i % 2),
                                    static_cast<int>(i % 6), "0");
      const kexie::EntryId id = c->add_entry(e).value();
      // Marks in [30, 90]: totals some 60 points apart on a grid of 10^-14.
      for (const kexie::JudgeId judge : judges) {
        c->assign(judge, id).value();
        for (const char* code : {"A", "B", "C"}) {
          const auto tenths = 300 + static_cast<std::int64_t>(rng() % 121) * 5;
          c->mark(judge, id, code, Decimal::from_coefficient(tenths, 1).value()).value();
        }
      }
      if (i % 5 == 2) c->veto(judges[0], id, "veto", "抄袭").value();
    }
  }
};

// The standings by total, highest first, equal totals in code order (the entries were
// added in code order): each entry's expected position.
void expect_listed_by_total(const std::vector<kexie::Standing>& standings) {
  std::vector<const kexie::Standing*> by_total;
  for (const kexie::Standing& s : standings) by_total.push_back(&s);
  std::stable_sort(by_total.begin(), by_total.end(),
                   [](const kexie::Standing* a, const kexie::Standing* b) {
                     if (a->total != b->total) return a->total > b->total;
                     return a->entry.value() < b->entry.value();
                   });
  std::size_t wrong = 0;
  for (std::size_t k = 0; k < by_total.size(); ++k) {
    if (by_total[k]->position != k + 1) ++wrong;
  }
  EXPECT_EQ(wrong, 0u) << "of " << by_total.size()
                       << " entries listed away from their total's place";
}

void expect_vetoed_at_their_place(std::size_t entries) {
  Thirds f(entries, 99);
  const std::vector<kexie::Standing> standings = f.c->standings().value();
  ASSERT_EQ(standings.size(), entries);
  expect_listed_by_total(standings);
  // score() lists the same places.
  const kexie::Scoreboard board = f.c->score().value();
  std::map<std::uint32_t, std::uint32_t> position;
  for (const kexie::Standing& s : standings) position[s.entry.value()] = s.position;
  for (const kexie::EntryResult& r : board.entries) {
    EXPECT_EQ(r.position, position.at(r.entry.value())) << r.entry.value();
  }
}

// 200 entries, 8 index bits, a field [8, 60): the sort's passes stop at bit 62.
TEST(RankingVetoFlag, VetoedEntriesListedAtTheirTotalWithEightIndexBits) {
  expect_vetoed_at_their_place(200);
}

// 300 entries, 9 index bits, a field [9, 61) of 52 bits: sorted with a top digit of 1
// bit and passes of at most 11 bits over the rest. Before 8a6a216 the last pass read
// bits 53 to 63, the vetoed flag in bit 63 among them, so each vetoed entry was listed
// after every ranked entry of its half of the key range (287 of the 300 positions
// wrong, in standings() and score()).
TEST(RankingVetoFlag, VetoedEntriesListedAtTheirTotalWithNineIndexBits) {
  expect_vetoed_at_their_place(300);
}

}  // namespace
