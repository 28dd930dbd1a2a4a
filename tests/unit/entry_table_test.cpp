// Tests for kexie/entry_table.hpp: Scoreboard::entries lists every entry as
// Campaign::score ranked it, its rows read the same by place, by iterator and by
// find, its codes and award names are borrowed C strings, and a board scored again
// (into the same storage, by another campaign) reads exactly like a fresh one.
#include "kexie/entry_table.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <iterator>
#include <string>
#include <vector>

#include "kexie/campaign.hpp"
#include "kexie/literals.hpp"
#include "support/campaign_world.hpp"
#include "support/entry_result_expect.hpp"

using namespace kexie::literals;

namespace {

using kexie_test::expect_same;

// `entries` entries <prefix>0… marked by four judges (marks rise with n % 10), the
// last `incomplete` of them marked by two judges only (below min_judges); with a
// prize rule on the rubric when `prize`. `add` adds more the same way.
struct Scored {
  kexie_test::World w;
  kexie::Campaign c{w.registry, kexie_test::proposal_spec(w)};
  std::vector<kexie::JudgeId> judges;
  std::vector<kexie::EntryId> ids;
  std::string prefix;

  Scored(int entries, int incomplete, bool prize, std::string code_prefix = "R-")
      : prefix(std::move(code_prefix)) {
    kexie::Rubric rubric = kexie_test::proposal_rubric();
    if (prize)
      rubric =
          rubric.with_prize({.threshold = kexie::Decimal(150000), .share = "0.02"_dec}).value();
    c.set_rubric(kexie::Category::rationalization_proposals, rubric).value();
    for (std::size_t k = 0; k < 4; ++k) judges.push_back(c.add_judge(w.experts[k]).value());
    add(entries, incomplete);
  }

  void add(int entries, int incomplete) {
    for (int k = 0; k < entries; ++k) {
      const int n = static_cast<int>(ids.size());
      const char* benefit = n % 3 == 0 ? "600000" : n % 3 == 1 ? "200000" : "100000";
      ids.push_back(
          c.add_entry(kexie_test::proposal(w, prefix + std::to_string(n), n % 2, n % 4, benefit))
              .value());
      const std::size_t panel = k >= entries - incomplete ? 2 : judges.size();
      for (std::size_t j = 0; j < panel; ++j) {
        c.assign(judges[j], ids.back()).value();
        const kexie::Decimal mark(55 + 4 * (n % 10) + static_cast<int>(j));
        c.mark(judges[j], ids.back(), "A.1", mark).value();
        c.mark(judges[j], ids.back(), "A.2", mark).value();
      }
    }
  }
};

}  // namespace

TEST(EntryTable, RowsReadTheSameByPlaceIteratorAndFind) {
  Scored s(7, 2, false);
  const kexie::Scoreboard board = s.c.score().value();
  const kexie::EntryTable& t = board.entries;
  ASSERT_EQ(t.size(), 7u);
  EXPECT_FALSE(t.empty());
  // The listing is the standings' order.
  const std::vector<kexie::Standing> standings = s.c.standings().value();
  ASSERT_EQ(standings.size(), t.size());
  auto it = t.begin();
  for (std::size_t k = 0; k < t.size(); ++k, ++it) {
    const kexie::EntryResult r = t[k];
    EXPECT_EQ(r.entry, standings[k].entry);
    EXPECT_EQ(r.entry, t.entry(k));
    EXPECT_EQ(r.total, standings[k].total);
    EXPECT_EQ(r.rank, standings[k].rank);
    expect_same(*it, r);
    expect_same(t.begin()[static_cast<std::ptrdiff_t>(k)], r);
    EXPECT_EQ(it->code, r.code);
    expect_same(board.find(r.entry).value(), r);
    // Borrowed texts: the code and the award name are C strings in the table.
    const std::string_view code = t.code(r.entry);
    EXPECT_EQ(code, r.code);
    EXPECT_EQ(code.data()[code.size()], '\0');
    EXPECT_EQ(t.award(r.entry), r.award);
    EXPECT_EQ(t.award(r.entry).data()[r.award.size()], '\0');
    EXPECT_EQ(t.tier(r.entry), r.tier);
    EXPECT_EQ(r.bonus, r.total - r.judged_part - r.objective_part);
  }
  EXPECT_EQ(it, t.end());
  EXPECT_EQ(t.end() - t.begin(), 7);
  expect_same(t.front(), t[0]);
  expect_same(t.back(), t[6]);
  // The best entry: R-3 has the highest benefit tier of the last complete ones (its
  // total under 85, the minimum of 一等奖, it gets 二等奖); the two incomplete ones
  // come last, unranked, by code.
  EXPECT_EQ(t.front().code, "R-3");
  EXPECT_EQ(t.front().award, "二等奖");
  EXPECT_EQ(t[5].code, "R-5");
  EXPECT_EQ(t[6].code, "R-6");
  EXPECT_EQ(t[6].status, kexie::EntryStatus::incomplete);
  EXPECT_EQ(t[6].rank, 0u);
  EXPECT_EQ(t[6].position, 0u);
  EXPECT_FALSE(t[6].tier);
  // What is not in the table.
  for (const kexie::EntryId e : {kexie::EntryId{}, kexie::EntryId{8}, kexie::EntryId{999}}) {
    EXPECT_FALSE(board.find(e));
    EXPECT_FALSE(t.find(e));
    EXPECT_STREQ(t.code(e).data(), "");
    EXPECT_STREQ(t.award(e).data(), "");
    EXPECT_FALSE(t.tier(e));
  }
}

TEST(EntryTable, ADefaultTableIsEmpty) {
  const kexie::Scoreboard board;
  EXPECT_TRUE(board.entries.empty());
  EXPECT_EQ(board.entries.size(), 0u);
  EXPECT_EQ(board.entries.begin(), board.entries.end());
  EXPECT_FALSE(board.find(kexie::EntryId{1}));
  EXPECT_EQ(board.owned_bytes(), 0u);
}

// The prize is 0.00 for an entry that earns none, absent when the rubric has no
// prize rule; a board scored again by another campaign keeps nothing of the first.
TEST(EntryTable, ABoardScoredAgainReadsLikeAFreshOne) {
  Scored big(9, 1, true), small(5, 2, false), again(9, 1, true);
  const kexie::Scoreboard with_prizes = big.c.score().value();
  std::size_t zero = 0, paid = 0;
  for (const kexie::EntryResult& r : with_prizes.entries) {
    ASSERT_TRUE(r.prize) << r.code;
    (r.prize->signum() == 0 ? zero : paid) += 1;
    if (r.prize->signum() == 0) {
      EXPECT_EQ(r.prize->to_string(), "0.00");
    }
  }
  EXPECT_GT(zero, 0u);
  EXPECT_GT(paid, 0u);

  kexie::Scoreboard reused = with_prizes;
  for (const kexie::Threads threads : {kexie::Threads{1}, kexie::Threads{2}, kexie::Threads{3}}) {
    small.c.score(reused, threads).value();
    const kexie::Scoreboard fresh = small.c.score().value();
    EXPECT_EQ(reused.digest(), fresh.digest());
    ASSERT_EQ(reused.entries.size(), fresh.entries.size());
    for (std::size_t k = 0; k < fresh.entries.size(); ++k) {
      expect_same(reused.entries[k], fresh.entries[k]);
      EXPECT_FALSE(reused.entries[k].prize);
    }
    EXPECT_FALSE(reused.find(kexie::EntryId{6}));
    // And back to the larger campaign, with its prizes.
    again.c.score(reused, threads).value();
    EXPECT_EQ(reused.digest(), with_prizes.digest());
    ASSERT_EQ(reused.entries.size(), with_prizes.entries.size());
    for (std::size_t k = 0; k < with_prizes.entries.size(); ++k) {
      expect_same(reused.entries[k], with_prizes.entries[k]);
    }
  }
}

// The table holds columns, not rows: far less than one EntryResult per entry.
TEST(EntryTable, OwnsColumnsNotRows) {
  Scored s(40, 0, false);
  const kexie::Scoreboard board = s.c.score().value();
  const std::size_t table = board.entries.owned_bytes();
  EXPECT_GT(table, 40u * (3 * sizeof(std::int64_t) + 4 * sizeof(std::uint32_t)));
  EXPECT_LT(table, 40u * sizeof(kexie::EntryResult));
  EXPECT_GE(board.owned_bytes(), table + board.cusps.capacity() * sizeof(kexie::Cusp));
}

// `board` reads exactly like a fresh score of `c`: digest, every row, and every code
// through the borrowed accessor.
void expect_like_fresh(const kexie::Scoreboard& board, const kexie::Campaign& c) {
  const kexie::Scoreboard fresh = c.score().value();
  EXPECT_EQ(board.digest(), fresh.digest());
  ASSERT_EQ(board.entries.size(), fresh.entries.size());
  for (std::size_t k = 0; k < fresh.entries.size(); ++k) {
    expect_same(board.entries[k], fresh.entries[k]);
    const kexie::EntryId e = fresh.entries.entry(k);
    EXPECT_EQ(board.entries.code(e), fresh.entries.code(e));
    EXPECT_EQ(std::strlen(board.entries.code(e).data()), fresh.entries.code(e).size());
  }
}

// A campaign scoring a board it scored before, after entries were added (the first
// rows' codes and units are kept, the new ones appended, a new unit among them).
TEST(EntryTable, TheSameCampaignScoringItsBoardAgainAfterNewEntries) {
  for (const kexie::Threads threads : {kexie::Threads{1}, kexie::Threads{2}, kexie::Threads{3}}) {
    Scored s(1, 0, true);
    kexie::Scoreboard board;
    s.c.score(board, threads).value();
    expect_like_fresh(board, s.c);
    s.add(6, 1);  // entries of the second enterprise too
    s.c.score(board, threads).value();
    expect_like_fresh(board, s.c);
    s.c.score(board, threads).value();  // nothing new
    expect_like_fresh(board, s.c);
    s.add(5, 2);
    s.c.score(board, threads).value();
    expect_like_fresh(board, s.c);
    EXPECT_EQ(board.entries.size(), 12u);
  }
}

// Campaign A, then B, then A again (with entries added in between) into one board:
// each call reads like a fresh one.
TEST(EntryTable, CampaignsTakingTurnsWithOneBoard) {
  Scored a(4, 1, true), b(6, 2, false, "Q-");
  kexie::Scoreboard board;
  a.c.score(board).value();
  expect_like_fresh(board, a.c);
  b.c.score(board).value();
  expect_like_fresh(board, b.c);
  a.add(3, 0);
  a.c.score(board, kexie::Threads{2}).value();
  expect_like_fresh(board, a.c);
  b.c.score(board).value();
  expect_like_fresh(board, b.c);
}

// What decides that a board holds a campaign's codes is the campaign itself, not its
// address: a campaign destroyed and replaced by one with as many entries (likely at
// the same address) under other codes, and a board moved from.
TEST(EntryTable, ANewCampaignOrAMovedFromBoardGetsEverything) {
  kexie::Scoreboard board;
  {
    Scored first(5, 1, false, "R-");
    first.c.score(board).value();
    expect_like_fresh(board, first.c);
  }
  Scored second(5, 1, false, "Q-");
  second.c.score(board).value();
  expect_like_fresh(board, second.c);
  EXPECT_EQ(board.entries.code(kexie::EntryId{1}), "Q-0");

  // A campaign moved to another object is the same campaign: the board still fits.
  kexie::Campaign moved = std::move(second.c);
  moved.score(board).value();
  expect_like_fresh(board, moved);

  // A board moved from, scored again by the campaign that filled it.
  kexie::Scoreboard taken = std::move(board);
  expect_like_fresh(taken, moved);
  moved.score(board).value();  // NOLINT(bugprone-use-after-move): reusing a moved-from board
  expect_like_fresh(board, moved);
  moved.score(taken, kexie::Threads{2}).value();
  expect_like_fresh(taken, moved);
}

// A scoreboard keeps tier + 1 in 16 bits: a scheme of 65 535 tiers or more is refused
// with `overflow` before the board is touched; 65 534 still scores.
TEST(EntryTable, AnAwardSchemeOfTooManyTiersIsRefusedAndTheBoardKept) {
  Scored s(3, 0, false);
  kexie::Scoreboard board = s.c.score().value();
  const std::string before = board.digest();
  kexie::AwardTier tier;
  tier.name = "T";
  tier.by_count = true;
  tier.count = 1;
  kexie::CampaignSpec spec = kexie_test::proposal_spec(s.w);
  spec.awards.tiers.assign(UINT16_MAX, tier);
  const kexie::Campaign wide(s.w.registry, spec);
  const kexie::Result<kexie::Scoreboard> refused = wide.score();
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), kexie::ErrorCode::overflow);
  EXPECT_NE(refused.error().message().find("65534"), std::string::npos)
      << refused.error().message();
  EXPECT_FALSE(wide.score(board));
  EXPECT_EQ(board.digest(), before);
  EXPECT_EQ(board.entries.size(), 3u);
  spec.awards.tiers.resize(UINT16_MAX - 1);
  const kexie::Campaign fits(s.w.registry, spec);
  EXPECT_TRUE(fits.score());
}
