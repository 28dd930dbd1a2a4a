// Hostile and careless use of what round 5 added (issue 17): the scoreboard's
// EntryTable read past its ends and with ids it does not hold, boards moved from,
// copied, outliving their campaign and scored again after the campaign grew;
// score() and standings() on every thread count, on tiny and degenerate campaigns
// (no entry, one, all incomplete, all vetoed, ties everywhere, several categories
// ranked apart or together) and from several threads at once on one campaign; and
// load_snapshot(path, Threads) on paths that are no snapshot, or from several threads.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <climits>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <memory>
#include <ranges>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "kexie/campaign.hpp"
#include "kexie/entry_table.hpp"
#include "kexie/literals.hpp"
#include "kexie/snapshot.hpp"
#include "support/campaign_world.hpp"
#include "support/entry_result_expect.hpp"
#include "support/files.hpp"
#include "support/snapshot_frame.hpp"
#include "support/snapshot_world.hpp"

using namespace kexie::literals;
namespace fs = std::filesystem;

static_assert(std::random_access_iterator<kexie::EntryTable::const_iterator>);
static_assert(std::ranges::random_access_range<const kexie::EntryTable>);
static_assert(std::ranges::sized_range<const kexie::EntryTable>);

using kexie_test::verdict;

namespace {

using kexie_test::expect_same;

constexpr kexie::Category kProposals = kexie::Category::rationalization_proposals;
constexpr kexie::Category kPatents = kexie::Category::technical_patents;

// A campaign over two categories with four judges; entries are added one by one
// with the same mark on every judged indicator from the first `panel` judges.
struct Tiny {
  kexie_test::World w;
  kexie::Campaign c;
  std::vector<kexie::JudgeId> judges;

  explicit Tiny(bool per_category = true) : c(w.registry, spec(w, per_category)) {
    c.set_rubric(kProposals, kexie_test::proposal_rubric()).value();
    c.set_rubric(kPatents, kexie_test::proposal_rubric()).value();
    for (std::size_t k = 0; k < 4; ++k) judges.push_back(c.add_judge(w.experts[k]).value());
  }
  static kexie::CampaignSpec spec(const kexie_test::World& w, bool per_category) {
    kexie::CampaignSpec s = kexie_test::proposal_spec(w);
    s.rank_per_category = per_category;
    return s;
  }
  kexie::EntryId add(const std::string& code, int mark, std::size_t panel = 4,
                     kexie::Category category = kProposals) {
    kexie::EntrySpec e = kexie_test::proposal(w, code, static_cast<int>(code.size() % 2), 0);
    e.category = category;
    const kexie::EntryId id = c.add_entry(e).value();
    for (std::size_t j = 0; j < panel; ++j) {
      c.assign(judges[j], id).value();
      c.mark(judges[j], id, "A.1", kexie::Decimal(mark)).value();
      c.mark(judges[j], id, "A.2", kexie::Decimal(mark)).value();
    }
    return id;
  }
  void veto(kexie::EntryId e) { c.veto(judges[0], e, "veto", "数据造假 falsified data").value(); }
};

void expect_same(const kexie::Scoreboard& a, const kexie::Scoreboard& b, const std::string& what) {
  SCOPED_TRACE(what);
  EXPECT_EQ(a.digest(), b.digest());
  ASSERT_EQ(a.entries.size(), b.entries.size());
  for (std::size_t k = 0; k < a.entries.size(); ++k) expect_same(a.entries[k], b.entries[k]);
  EXPECT_EQ(a.units.size(), b.units.size());
  EXPECT_EQ(a.people.size(), b.people.size());
  EXPECT_EQ(a.cusps.size(), b.cusps.size());
}

// Every row of `t` read back through each accessor, against the listing of `rows`.
void expect_reads(const kexie::EntryTable& t, const std::vector<kexie::EntryResult>& rows) {
  ASSERT_EQ(t.size(), rows.size());
  for (std::size_t k = 0; k < rows.size(); ++k) {
    expect_same(t[k], rows[k]);
    expect_same(t.find(rows[k].entry).value(), rows[k]);
    EXPECT_EQ(t.entry(k), rows[k].entry);
    EXPECT_EQ(t.code(rows[k].entry), rows[k].code);
    EXPECT_EQ(t.award(rows[k].entry), rows[k].award);
    EXPECT_EQ(t.tier(rows[k].entry), rows[k].tier);
  }
}

// Ids no table of a small campaign holds.
const std::vector<kexie::EntryId>& foreign_ids() {
  static const std::vector<kexie::EntryId> ids{kexie::EntryId{}, kexie::EntryId{1000},
                                               kexie::EntryId{UINT32_MAX - 1},
                                               kexie::EntryId{UINT32_MAX}};
  return ids;
}

void expect_holds_none(const kexie::EntryTable& t, kexie::EntryId e) {
  EXPECT_FALSE(t.find(e)) << e.value();
  EXPECT_STREQ(t.code(e).data(), "") << e.value();
  EXPECT_STREQ(t.award(e).data(), "") << e.value();
  EXPECT_FALSE(t.tier(e)) << e.value();
}

}  // namespace

// ---- the table's accessors at and past its ends -------------------------------------------

TEST(EntryTableHostile, IdsOutsideTheTableFindNothing) {
  Tiny s;
  for (int k = 0; k < 3; ++k) s.add("P-" + std::to_string(k), 60 + 10 * k);
  const kexie::Scoreboard board = s.c.score().value();
  ASSERT_EQ(board.entries.size(), 3u);
  for (const kexie::EntryId e : foreign_ids()) {
    expect_holds_none(board.entries, e);
    EXPECT_FALSE(board.find(e));
  }
  expect_holds_none(board.entries, kexie::EntryId{4});  // one past the last
  EXPECT_TRUE(board.entries.find(kexie::EntryId{3}));
}

TEST(EntryTableHostile, IteratorsMoveBothWaysAndAgreeWithPlaces) {
  Tiny s;
  for (int k = 0; k < 5; ++k) s.add("P-" + std::to_string(k), 60 + 5 * k);
  const kexie::Scoreboard board = s.c.score().value();
  const kexie::EntryTable& t = board.entries;
  // Singular iterators compare equal, and so do two at the same place.
  EXPECT_EQ(kexie::EntryTable::const_iterator{}, kexie::EntryTable::const_iterator{});
  EXPECT_EQ(t.begin() + 5, t.end());
  EXPECT_EQ(5 + t.begin(), t.end());
  EXPECT_EQ(t.end() - 5, t.begin());
  EXPECT_EQ(t.end() - t.begin(), 5);
  EXPECT_EQ(t.begin() - t.end(), -5);
  EXPECT_LT(t.begin(), t.end());
  expect_same((t.end() - 1)[0], t.back());
  expect_same(t.end()[-1], t.back());
  // The legacy helpers move it backwards too (an input category made std::prev loop).
  static_assert(
      std::is_same_v<std::iterator_traits<kexie::EntryTable::const_iterator>::iterator_category,
                     std::random_access_iterator_tag>);
  expect_same(*std::prev(t.end()), t[4]);
  expect_same(*std::prev(t.end(), 5), t[0]);
  auto back = t.end();
  std::advance(back, -2);
  expect_same(*back, t[3]);
  EXPECT_EQ(std::distance(t.end(), t.begin()), -5);
  expect_same(*std::reverse_iterator(t.end()), t[4]);
  auto it = t.end();
  it -= 5;
  EXPECT_EQ(it, t.begin());
  it += 2;
  expect_same(*it, t[2]);
  expect_same(*it--, t[2]);
  expect_same(*it, t[1]);
  EXPECT_EQ(it->code, t[1].code);
  // Backwards through reverse iterators (and a reverse view), forwards through a range
  // algorithm. Clang 14 cannot check libstdc++ 12's range concepts at all (its views
  // fail on std::vector too), so the views are GCC's and newer Clang's to check.
  std::vector<std::string> backwards;
  for (auto r = std::make_reverse_iterator(t.end()); r != std::make_reverse_iterator(t.begin());
       ++r) {
    backwards.push_back(r->code);
  }
  ASSERT_EQ(backwards.size(), 5u);
  for (std::size_t k = 0; k < 5; ++k) EXPECT_EQ(backwards[k], t[4 - k].code);
#if !defined(__clang__) || __clang_major__ >= 15
  std::vector<std::string> viewed;
  for (const kexie::EntryResult& r : t | std::views::reverse) viewed.push_back(r.code);
  EXPECT_EQ(viewed, backwards);
  EXPECT_EQ(std::ranges::distance(t), 5);
#endif
  // A default table's iterators meet at once.
  const kexie::EntryTable empty;
  EXPECT_EQ(empty.begin(), empty.end());
  EXPECT_EQ(empty.end() - empty.begin(), 0);
  for (const kexie::EntryId e : foreign_ids()) expect_holds_none(empty, e);
  expect_holds_none(empty, kexie::EntryId{1});
  EXPECT_EQ(empty.owned_bytes(), 0u);
}

// ---- boards copied, moved, outliving their campaign, scored again -------------------------

TEST(EntryTableHostile, AMovedFromBoardIsEmptyAndCanBeScoredInto) {
  Tiny s;
  for (int k = 0; k < 4; ++k) s.add("P-" + std::to_string(k), 60 + 7 * k);
  kexie::Scoreboard board = s.c.score().value();
  const std::vector<kexie::EntryResult> rows(board.entries.begin(), board.entries.end());
  kexie::Scoreboard moved = std::move(board);
  expect_reads(moved.entries, rows);
  // NOLINTBEGIN(bugprone-use-after-move): what a careless caller does
  EXPECT_TRUE(board.entries.empty());
  EXPECT_EQ(board.entries.begin(), board.entries.end());
  expect_holds_none(board.entries, rows[0].entry);
  ASSERT_TRUE(s.c.score(board, kexie::Threads{2}).ok());
  expect_same(board, moved, "the moved-from board scored again");
  // Moved-assigned back and forth.
  kexie::Scoreboard other;
  other = std::move(moved);
  expect_reads(other.entries, rows);
  EXPECT_TRUE(moved.entries.empty());
  ASSERT_TRUE(s.c.score(moved).ok());
  expect_same(moved, other, "the move-assigned-from board scored again");
  // NOLINTEND(bugprone-use-after-move)
}

TEST(EntryTableHostile, ACopyKeepsItsRowsWhenTheOriginalIsScoredAgain) {
  Tiny a, b;
  for (int k = 0; k < 6; ++k) a.add("A-" + std::to_string(k), 60 + 6 * k);
  for (int k = 0; k < 2; ++k) b.add("BB-" + std::to_string(k), 90 - 9 * k);
  kexie::Scoreboard board = a.c.score().value();
  const kexie::Scoreboard copy = board;  // NOLINT(performance-unnecessary-copy-initialization)
  const std::vector<kexie::EntryResult> rows(board.entries.begin(), board.entries.end());
  const std::string_view borrowed = copy.entries.code(rows[0].entry);
  ASSERT_TRUE(b.c.score(board, kexie::Threads{3}).ok());
  expect_reads(copy.entries, rows);
  EXPECT_EQ(borrowed, rows[0].code);  // the copy's own text, untouched
  EXPECT_EQ(board.entries.size(), 2u);
  // A board assigned over a larger one reads as the smaller.
  kexie::Scoreboard big = a.c.score().value();
  big = b.c.score().value();
  EXPECT_EQ(big.entries.size(), 2u);
  expect_holds_none(big.entries, kexie::EntryId{3});
  expect_same(big, board, "assigned over a larger board");
}

TEST(EntryTableHostile, ABoardOutlivesItsCampaignAndRegistry) {
  std::vector<kexie::EntryResult> rows;
  kexie::Scoreboard board;
  std::string digest;
  {
    auto s = std::make_unique<Tiny>();
    for (int k = 0; k < 5; ++k) s->add("P-" + std::to_string(k), 55 + 9 * k, k == 4 ? 2 : 4);
    board = s->c.score(kexie::Threads{2}).value();
    rows.assign(board.entries.begin(), board.entries.end());
    digest = board.digest();
  }  // the campaign, its registry and its scoring scratch are gone
  EXPECT_EQ(board.digest(), digest);
  expect_reads(board.entries, rows);
  EXPECT_EQ(rows.back().status, kexie::EntryStatus::incomplete);
  ASSERT_TRUE(rows.front().tier);
  EXPECT_EQ(board.entries.award(rows.front().entry), rows.front().award);
  EXPECT_FALSE(rows.front().award.empty());
}

// The campaign keeps the codes and organizations of the entries it scored, extended by
// those added since: a board scored again after entries were added (into the same
// storage, on every thread count) must read exactly like a fresh one.
TEST(EntryTableHostile, ScoredAgainAfterTheCampaignGrew) {
  Tiny s;
  s.add("P-0", 70);
  kexie::Scoreboard board = s.c.score().value();
  for (const unsigned t : {1u, 2u, 3u, 7u}) {
    const std::string code = "Q-" + std::to_string(t) + std::string(t * 5, 'x');
    const kexie::EntryId e = s.add(code, 60 + static_cast<int>(t), t % 2 ? 4 : 2, kPatents);
    ASSERT_TRUE(s.c.score(board, kexie::Threads{t}).ok());
    const kexie::Scoreboard fresh = s.c.score().value();
    expect_same(board, fresh, "after adding " + code);
    EXPECT_EQ(board.entries.code(e), code);
    EXPECT_EQ(board.entries.find(e)->category, kPatents);
    expect_holds_none(board.entries, kexie::EntryId{e.value() + 1});
  }
}

// A refused call (no thread) leaves the board as it was.
TEST(EntryTableHostile, ARefusedScoreLeavesTheBoardUnchanged) {
  Tiny s;
  for (int k = 0; k < 3; ++k) s.add("P-" + std::to_string(k), 66 + k);
  kexie::Scoreboard board = s.c.score().value();
  const kexie::Scoreboard before = board;
  s.add("P-9", 90);
  const kexie::Status refused = s.c.score(board, kexie::Threads{0});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.code(), kexie::ErrorCode::invalid_argument);
  expect_same(board, before, "after Threads{0}");
  EXPECT_EQ(s.c.standings(kexie::Threads{0}).code(), kexie::ErrorCode::invalid_argument);
  EXPECT_EQ(s.c.score(kexie::Threads{0}).code(), kexie::ErrorCode::invalid_argument);
}

// ---- every thread count on tiny and degenerate campaigns ----------------------------------

namespace {

// Scores `c` on every thread count, fresh and into a board scored before by
// `other`, and expects the one-thread result each time; the standings likewise, and
// equal to the board's listing.
void expect_thread_counts_agree(const kexie::Campaign& c, const kexie::Campaign& other,
                                const std::string& what) {
  SCOPED_TRACE(what);
  const kexie::Scoreboard one = c.score().value();
  const std::vector<kexie::Standing> standings = c.standings().value();
  ASSERT_EQ(standings.size(), one.entries.size());
  for (std::size_t k = 0; k < standings.size(); ++k) {
    const kexie::EntryResult r = one.entries[k];
    EXPECT_EQ(standings[k].entry, r.entry);
    EXPECT_EQ(standings[k].status, r.status);
    EXPECT_EQ(standings[k].total.to_string(), r.total.to_string());
    EXPECT_EQ(standings[k].rank, r.rank);
    EXPECT_EQ(standings[k].position, r.position);
  }
  kexie::Scoreboard reused = other.score().value();
  for (const unsigned t : {1u, 2u, 3u, 7u, 64u, 65u, UINT_MAX}) {
    const std::string with = std::to_string(t) + " threads";
    expect_same(c.score(kexie::Threads{t}).value(), one, with);
    ASSERT_TRUE(c.score(reused, kexie::Threads{t}).ok()) << with;
    expect_same(reused, one, with + ", into a board of another campaign");
    const std::vector<kexie::Standing> st = c.standings(kexie::Threads{t}).value();
    ASSERT_EQ(st.size(), standings.size()) << with;
    for (std::size_t k = 0; k < st.size(); ++k) {
      EXPECT_EQ(st[k].entry, standings[k].entry) << with;
      EXPECT_EQ(st[k].status, standings[k].status) << with;
      EXPECT_EQ(st[k].total, standings[k].total) << with;
      EXPECT_EQ(st[k].rank, standings[k].rank) << with;
      EXPECT_EQ(st[k].position, standings[k].position) << with;
    }
    ASSERT_TRUE(other.score(reused, kexie::Threads{t}).ok()) << with;  // and back
  }
}

}  // namespace

TEST(ThreadCountsHostile, TinyCampaignsScoreAlikeOnEveryCount) {
  Tiny other;
  for (int k = 0; k < 9; ++k) other.add("O-" + std::to_string(k), 50 + 5 * k);

  Tiny none;
  expect_thread_counts_agree(none.c, other.c, "no entry");
  EXPECT_TRUE(none.c.score().value().entries.empty());

  Tiny one;
  one.add("P-1", 88);
  expect_thread_counts_agree(one.c, other.c, "one entry");

  Tiny incomplete;
  incomplete.add("P-1", 80, 2);
  incomplete.add("P-0", 90, 1);
  expect_thread_counts_agree(incomplete.c, other.c, "two entries, both incomplete");
  const kexie::Scoreboard inc = incomplete.c.score().value();
  EXPECT_EQ(inc.entries[0].code, "P-0");  // unranked ones by code
  EXPECT_EQ(inc.entries[1].status, kexie::EntryStatus::incomplete);

  Tiny vetoed;
  for (int k = 0; k < 3; ++k) vetoed.veto(vetoed.add("V-" + std::to_string(k), 95 - k));
  expect_thread_counts_agree(vetoed.c, other.c, "all vetoed");
  for (const kexie::EntryResult& r : vetoed.c.score().value().entries) {
    EXPECT_EQ(r.status, kexie::EntryStatus::vetoed);
    EXPECT_FALSE(r.tier);
  }

  Tiny ties;
  for (int k = 0; k < 11; ++k) ties.add("T-" + std::to_string(10 - k), 77);
  expect_thread_counts_agree(ties.c, other.c, "ties everywhere");
  for (const kexie::EntryResult& r : ties.c.score().value().entries) EXPECT_EQ(r.rank, 1u);
}

TEST(ThreadCountsHostile, SeveralCategoriesRankedApartOrTogether) {
  Tiny other;
  other.add("O-1", 70);
  for (const bool per_category : {true, false}) {
    Tiny s(per_category);
    for (int k = 0; k < 9; ++k) {
      const kexie::EntryId e = s.add("M-" + std::to_string(k), 60 + 5 * (k % 3), k == 7 ? 1 : 4,
                                     k % 2 ? kPatents : kProposals);
      if (k == 4) s.veto(e);
    }
    expect_thread_counts_agree(s.c, other.c,
                               per_category ? "ranked per category" : "ranked together");
  }
}

// Const calls from several threads on one campaign: each gets its result, the same
// as alone (the campaign's scratch is taken by one call, the others use their own).
TEST(ThreadCountsHostile, ConcurrentConstCallsOnOneCampaign) {
  Tiny s;
  for (int k = 0; k < 120; ++k) s.add("C-" + std::to_string(k), 50 + (k * 7) % 45, k % 17 ? 4 : 2);
  const kexie::Scoreboard reference = s.c.score().value();
  const std::vector<kexie::Standing> standings = s.c.standings().value();
  std::atomic<int> wrong{0};
  std::vector<std::thread> callers;
  for (unsigned t = 1; t <= 4; ++t) {
    callers.emplace_back([&, t] {
      kexie::Scoreboard mine;
      for (int round = 0; round < 6; ++round) {
        const kexie::Threads threads{1 + (t + static_cast<unsigned>(round)) % 3};
        if (!s.c.score(mine, threads).ok() || mine.digest() != reference.digest()) ++wrong;
        if (mine.entries.size() != reference.entries.size() ||
            mine.entries.code(reference.entries.entry(0)) !=
                reference.entries.code(reference.entries.entry(0))) {
          ++wrong;
        }
        const auto st = s.c.standings(threads);
        if (!st || st->size() != standings.size()) {
          ++wrong;
          continue;
        }
        for (std::size_t k = 0; k < st->size(); ++k) {
          if ((*st)[k].entry != standings[k].entry || (*st)[k].total != standings[k].total) ++wrong;
        }
        const auto fresh = s.c.score(threads);
        if (!fresh || fresh->digest() != reference.digest()) ++wrong;
      }
    });
  }
  for (std::thread& c : callers) c.join();
  EXPECT_EQ(wrong.load(), 0);
}

// ---- load_snapshot(path, Threads) on what is not a snapshot file --------------------------

TEST(LoadSnapshotHostile, DirectoriesFifosAndEmptyFilesOnEveryCount) {
  const kexie_test::TempDir dir("entry-table-hostile");
  const fs::path fifo = dir.path / "fifo.kxs";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  kexie_test::write_file(dir.path / "empty.kxs", kexie_test::Bytes{});
  for (const fs::path& p :
       {dir.path, fifo, dir.path / "empty.kxs", dir.path / "no-such-dir" / "s.kxs",
        fs::path("/dev/null"), fs::path("")}) {
    const std::string one = verdict(kexie::load_snapshot(p));
    EXPECT_NE(one.rfind("loaded", 0), 0u) << p;
    for (const unsigned t : {1u, 2u, 3u, UINT_MAX}) {
      EXPECT_EQ(verdict(kexie::load_snapshot(p, kexie::Threads{t})), one) << p << ", " << t;
    }
    EXPECT_EQ(kexie::load_snapshot(p, kexie::Threads{0}).code(),
              kexie::ErrorCode::invalid_argument);
  }
  EXPECT_EQ(kexie::load_snapshot(fifo, kexie::Threads{2}).code(), kexie::ErrorCode::io_error);
}

TEST(LoadSnapshotHostile, ConcurrentLoadsOfOneFileAgree) {
  const kexie_test::TempDir dir("entry-table-hostile");
  const auto content = kexie_test::make_content(3, 600, 4, 3);
  const kexie_test::Bytes bytes = kexie::save_snapshot(content.view()).value();
  const fs::path good = dir.path / "good.kxs", cut = dir.path / "cut.kxs";
  kexie_test::write_file(good, bytes);
  kexie_test::write_file(cut, kexie_test::Bytes(bytes.begin(), bytes.end() - 100));
  const std::string loaded = verdict(kexie::load_snapshot(good));
  const std::string refused = verdict(kexie::load_snapshot(cut));
  ASSERT_EQ(loaded.rfind("loaded", 0), 0u);
  ASSERT_NE(refused.rfind("loaded", 0), 0u);
  std::atomic<int> wrong{0};
  std::vector<std::thread> loaders;
  for (unsigned t = 1; t <= 4; ++t) {
    loaders.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round) {
        if (verdict(kexie::load_snapshot(good, kexie::Threads{t})) != loaded) ++wrong;
        if (verdict(kexie::load_snapshot(cut, kexie::Threads{t})) != refused) ++wrong;
      }
    });
  }
  for (std::thread& l : loaders) l.join();
  EXPECT_EQ(wrong.load(), 0);
}
