// A vetoed entry is listed at its total's place, like any scored entry, whatever the
// width of the packed sort keys. score() packs each entry into a 64-bit item (index,
// key of the total, group) and, when a bit is left, flags vetoed entries in bit 63;
// the radix sort must order on the (group, key) field only. When the field ends at
// bit 61 or 62 and the sort's last pass is wider than the bits left for it, that pass
// reads bit 63 too and moves every vetoed entry after the ranked ones of its bucket.
// Totals on a 10^-14 grid (a weight of 8 places times a mark of 6) spread over about
// 60 points need 53 key bits; 257 to 512 entries need 9 index bits: a field [9, 62).
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

// Two judged marks of 4 places, weighted 0.99999993 and 0.00000007: with three judges
// their means have 6 places, and the totals 14.
kexie::Rubric fine_rubric() {
  const kexie::MarkScale fine{Decimal(0), Decimal(100), "0.0001"_dec};
  const std::vector<kexie::IndicatorSpec> specs = {
      {"A", "主评 main", "", kexie::IndicatorKind::judged, "0.99999993"_dec, fine, {}, {}},
      {"B", "细评 fine", "", kexie::IndicatorKind::judged, "0.00000007"_dec, fine, {}, {}},
      {"veto", "一票否决 veto", "", kexie::IndicatorKind::veto, {}, {}, {}, {}},
  };
  return kexie::Rubric::build("细分评分", specs).value();
}

struct Fine {
  kexie_test::World w;
  std::unique_ptr<kexie::Campaign> c;

  Fine(std::size_t entries, std::uint64_t seed) {
    kexie::CampaignSpec spec;
    spec.name = "否决标记";
    spec.organizer = w.province;
    spec.as_of = "2025-11-30"_date;
    spec.year = 2024;
    spec.panel.min_judges = 1;
    spec.rank_per_category = false;
    spec.awards.tiers = {kexie::AwardTier::by_share("一等奖", "0.3"_dec)};
    c = std::make_unique<kexie::Campaign>(w.registry, spec);
    c->set_rubric(kexie::Category::rationalization_proposals, fine_rubric()).value();
    std::vector<kexie::JudgeId> judges;
    for (std::size_t k = 0; k < 3; ++k) judges.push_back(c->add_judge(w.experts[k]).value());
    std::mt19937_64 rng(seed);
    for (std::size_t i = 0; i < entries; ++i) {
      auto e = kexie_test::proposal(w, "V-" + std::to_string(100000 + i), static_cast<int>(i % 2),
                                    static_cast<int>(i % 6), "0");
      const kexie::EntryId id = c->add_entry(e).value();
      // Main marks in [30, 90], fine marks anywhere: totals 60 points apart at most,
      // on no grid coarser than 10^-14.
      const auto mark = [&](std::int64_t lo, std::int64_t hi) {
        const std::int64_t ten_thousandths =
            lo * 10000 +
            static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>((hi - lo) * 10000 + 1));
        return Decimal::from_coefficient(ten_thousandths, 4).value();
      };
      for (const kexie::JudgeId judge : judges) {
        c->assign(judge, id).value();
        c->mark(judge, id, "A", i == 0 ? Decimal(90) : i == 1 ? Decimal(30) : mark(30, 90)).value();
        c->mark(judge, id, "B", mark(0, 100)).value();
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
  Fine f(entries, 99);
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

// A field [8, 61): the sort's passes stay below bit 63.
TEST(RankingVetoFlag, VetoedEntriesListedAtTheirTotalWithAFieldEndingAtBit61) {
  expect_vetoed_at_their_place(200);
}

// DISABLED: fails at a2710f0 (and with the LSD sort before 0eb244d): a field [9, 62)
// of 53 bits is sorted with a top digit of 1 bit and five passes of 11 bits over bits
// 9 to 63, the last of which reads the vetoed flag in bit 63, so each vetoed entry is
// listed after every ranked entry of its half of the key range (positions and ranks
// wrong in standings() and score()). Enable once radix_sort_bits masks its passes to
// the field (or score() flags vetoes elsewhere).
TEST(RankingVetoFlag, DISABLED_VetoedEntriesListedAtTheirTotalWithAFieldEndingAtBit62) {
  expect_vetoed_at_their_place(300);
}

}  // namespace
