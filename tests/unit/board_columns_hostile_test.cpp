// Hostile use of the scoreboard's columns as Campaign::score(Scoreboard&, Threads)
// hands them over since round 10 (issue 17): the parts, tiers (16 bits, tier + 1),
// ranks by listing place, each row's listing place and each category's first place
// (position = place − first + 1), taken by swap into a board with room and copied into
// a smaller one, and the fixed facts (codes, units, categories) copied only for the
// rows added since the same campaign last scored the board; the digest's 16-byte code
// slots while every code fits one.
//
// One board hops between campaigns of every shape (empty, one entry, all incomplete,
// one group empty, vetoes, several categories ranked apart and together, prize rules,
// codes of 15, 16 and more bytes, UTF-8), forwards, backwards and forwards again, on
// 1, 2, 3 and 7 threads and a ThreadTeam, and is copied, moved and assigned to itself
// on the way; campaigns grow between scores; refusals leave the board byte for byte as
// it was; tiers beyond 255 and the last one a board holds reach the rows and the
// advanced individuals; the C API's view of a reused board reads as a fresh one; and
// boards hop from several threads at once. Each board is checked against a fresh
// board, the standings, a digest made here from its public rows, and what the listing
// itself implies (ranks and positions by group, incomplete rows last by code).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <new>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "kexie/campaign.hpp"
#include "kexie/entry_table.hpp"
#include "kexie/kexie.h"
#include "kexie/literals.hpp"
#include "kexie/snapshot.hpp"
#include "kexie/thread_team.hpp"
#include "support/c_board_lines.hpp"
#include "support/campaign_world.hpp"
#include "support/digest_by_hand.hpp"
#include "support/entry_result_expect.hpp"
#include "support/fail_alloc.hpp"
#include "support/loaded_campaign.hpp"
#include "support/snapshot_world.hpp"

using namespace kexie::literals;

namespace {

using kexie::Category;
using kexie_test::expect_same;

constexpr Category kProposals = Category::rationalization_proposals;
constexpr Category kPatents = Category::technical_patents;
constexpr Category kIdeas = Category::innovative_ideas;

// ---- campaigns of every shape ------------------------------------------------------------

// What entry i of a campaign is.
struct Plan {
  std::string code;
  Category category = kProposals;
  std::size_t marked = 4;  // judges who mark it (fewer than 3: incomplete)
  bool vetoed = false;
  int mark = 80;       // every judged mark, 0–100
  bool cites = false;  // cites its enterprise's 厂会协作 link with a society (A11)
};

// A campaign of the campaign world: four judges (enterprise 2's staff), entries of
// enterprises 0 and 1 as `plan(i)` says; the proposals rubric on every category used,
// with a prize rule on proposals when `prize`.
struct Built {
  kexie_test::World w;
  std::unique_ptr<kexie::Campaign> c;
  std::vector<kexie::JudgeId> judges;
  std::vector<kexie::LinkId> links;  // enterprise 0's and 1's link with a society
  std::string name;
  bool per_category = true;

  Built(std::string label, bool per_cat, bool prize, std::size_t entries,
        const std::function<Plan(std::size_t)>& plan,
        const std::function<void(kexie::CampaignSpec&)>& adjust = {})
      : name(std::move(label)), per_category(per_cat) {
    const kexie::OrgId society = w.registry
                                     .add_organization({.kind = kexie::OrgKind::society,
                                                        .name = "中国金属学会",
                                                        .parent = w.cast,
                                                        .effective = "1990-01-01"_date})
                                     .value();
    for (int k = 0; k < 2; ++k) {
      links.push_back(w.registry
                          .add_link(w.enterprises[static_cast<std::size_t>(k)], society,
                                    kexie::Period::from("2020-01-01"_date))
                          .value());
    }
    kexie::CampaignSpec spec = kexie_test::proposal_spec(w);
    spec.rank_per_category = per_category;
    spec.awards.cusp_margin = "3"_dec;
    spec.awards.units.min_awarded_entries = 1;
    spec.awards.individuals.top_tiers = 3;
    if (adjust) adjust(spec);
    c = std::make_unique<kexie::Campaign>(w.registry, spec);
    for (std::size_t k = 0; k < kexie::kCategoryCount; ++k) {
      const auto cat = static_cast<Category>(k);
      kexie::Rubric rubric = kexie_test::proposal_rubric();
      if (prize && cat == kProposals) {
        rubric =
            rubric.with_prize({.threshold = kexie::Decimal(150000), .share = "0.02"_dec}).value();
      }
      c->set_rubric(cat, rubric).value();
    }
    for (std::size_t k = 0; k < 4; ++k) judges.push_back(c->add_judge(w.experts[k]).value());
    for (std::size_t i = 0; i < entries; ++i) add(plan(i), i);
  }

  kexie::EntryId add(const Plan& p, std::size_t i) {
    const char* benefits[] = {"600000", "200000", "100000", "50000"};
    kexie::EntrySpec e = kexie_test::proposal(w, p.code, static_cast<int>(i % 2),
                                              static_cast<int>(i % 6), benefits[i % 4]);
    e.category = p.category;
    if (p.cites) e.cites_link = links[i % 2];
    const kexie::EntryId id = c->add_entry(e).value();
    for (std::size_t j = 0; j < judges.size(); ++j) c->assign(judges[j], id).value();
    for (std::size_t j = 0; j < p.marked; ++j) {
      c->mark(judges[j], id, "A.1", kexie::Decimal(p.mark)).value();
      c->mark(judges[j], id, "A.2", kexie::Decimal(std::min(100, p.mark + static_cast<int>(j))))
          .value();
    }
    if (p.vetoed) c->veto(judges[0], id, "veto", "数据造假 falsified data").value();
    return id;
  }
};

// Marks that tie often (steps of 5 between 55 and 95).
int tying_mark(std::mt19937& rng) { return 55 + 5 * static_cast<int>(rng() % 9); }

std::vector<std::unique_ptr<Built>> every_shape() {
  std::vector<std::unique_ptr<Built>> out;
  out.push_back(
      std::make_unique<Built>("empty", true, false, 0, [](std::size_t) { return Plan{}; }));
  out.push_back(std::make_unique<Built>(
      "one entry", false, true, 1, [](std::size_t) { return Plan{.code = "ONE", .mark = 90}; }));
  out.push_back(std::make_unique<Built>("all incomplete", true, false, 9, [](std::size_t i) {
    return Plan{.code = "INC-" + std::to_string(9 - i),
                .category = i % 2 ? kPatents : kProposals,
                .marked = i % 3};
  }));
  // 700 entries (more than a part of 512: the threads split the passes), three
  // categories ranked apart, vetoes and incomplete entries throughout, 15-byte codes.
  out.push_back(std::make_unique<Built>("700 apart", true, true, 700, [](std::size_t i) {
    static std::mt19937 rng(11);
    const Category cats[] = {kProposals, kPatents, kIdeas};
    std::string code = "APART-" + std::to_string(100000000 + i * 7919 % 700);  // 15 bytes
    return Plan{.code = code,
                .category = cats[i % 3],
                .marked = i % 37 == 5 ? 2u : 4u,
                .vetoed = i % 29 == 3,
                .mark = tying_mark(rng),
                .cites = i % 5 == 0};
  }));
  // The same shape ranked together, with longer codes (no slots).
  out.push_back(std::make_unique<Built>("600 together", false, false, 600, [](std::size_t i) {
    static std::mt19937 rng(12);
    const Category cats[] = {kProposals, kPatents, kIdeas};
    return Plan{.code = "TOGETHER-2025-" + std::to_string(10000 + i * 31 % 600),  // 19 bytes
                .category = cats[i % 3],
                .marked = i % 23 == 4 ? 1u : 4u,
                .vetoed = i % 41 == 7,
                .mark = tying_mark(rng)};
  }));
  // Ranked per category, one of its categories with only incomplete entries: the
  // listing's groups are proposals then ideas; the patents sit at the end.
  out.push_back(std::make_unique<Built>("a group empty", true, false, 40, [](std::size_t i) {
    static std::mt19937 rng(13);
    const Category cats[] = {kPatents, kProposals, kIdeas};
    const Category cat = cats[i % 3];
    return Plan{.code = "G" + std::to_string(i),
                .category = cat,
                .marked = cat == kPatents ? 2u : 4u,
                .mark = tying_mark(rng)};
  }));
  // Ranked per category, the first category in the listing (proposals) all vetoed,
  // and UTF-8 codes of 15 and 18 bytes.
  out.push_back(std::make_unique<Built>("vetoed group, UTF-8", true, false, 30, [](std::size_t i) {
    static std::mt19937 rng(14);
    const Category cat = i % 2 ? kPatents : kProposals;
    const std::string code = i % 3 == 0 ? "合理化建议" + std::to_string(i % 10)  // 16 bytes
                                        : "专利" + std::to_string(100 + i);      // 9 bytes
    return Plan{
        .code = code, .category = cat, .vetoed = cat == kProposals, .mark = tying_mark(rng)};
  }));
  // All six categories ranked apart (the last one, achievement transformation, listed
  // last), one entry in nine incomplete.
  out.push_back(std::make_unique<Built>("six categories", true, true, 66, [](std::size_t i) {
    static std::mt19937 rng(15);
    return Plan{.code = "SIX-" + std::to_string(i),
                .category = static_cast<Category>(i % 6),
                .marked = i % 9 == 8 ? 2u : 4u,
                .vetoed = i % 17 == 16,
                .mark = tying_mark(rng),
                .cites = i % 4 == 1};
  }));
  out.push_back(std::make_unique<Built>("ties, one category", false, true, 25, [](std::size_t i) {
    return Plan{.code = "T-" + std::to_string(25 - i), .mark = 75};
  }));
  return out;
}

// ---- what a board must read like ---------------------------------------------------------

void expect_same_lists(const kexie::Scoreboard& a, const kexie::Scoreboard& b) {
  ASSERT_EQ(a.units.size(), b.units.size());
  for (std::size_t k = 0; k < a.units.size(); ++k) {
    EXPECT_EQ(a.units[k].unit, b.units[k].unit);
    EXPECT_EQ(a.units[k].entries, b.units[k].entries);
    EXPECT_EQ(a.units[k].awarded, b.units[k].awarded);
    EXPECT_EQ(a.units[k].awarded_total.to_string(), b.units[k].awarded_total.to_string());
    EXPECT_EQ(a.units[k].participation_rate.to_string(), b.units[k].participation_rate.to_string());
    EXPECT_EQ(a.units[k].tce_saved.to_string(), b.units[k].tce_saved.to_string());
  }
  ASSERT_EQ(a.people.size(), b.people.size());
  for (std::size_t k = 0; k < a.people.size(); ++k) {
    EXPECT_EQ(a.people[k].person, b.people[k].person);
    EXPECT_EQ(a.people[k].best_tier, b.people[k].best_tier);
    EXPECT_EQ(a.people[k].credit.to_string(), b.people[k].credit.to_string());
    EXPECT_EQ(a.people[k].entries, b.people[k].entries);
  }
  ASSERT_EQ(a.cusps.size(), b.cusps.size());
  for (std::size_t k = 0; k < a.cusps.size(); ++k) {
    EXPECT_EQ(a.cusps[k].entry, b.cusps[k].entry);
    EXPECT_EQ(a.cusps[k].tier, b.cusps[k].tier);
    EXPECT_EQ(a.cusps[k].boundary.to_string(), b.cusps[k].boundary.to_string());
    EXPECT_EQ(a.cusps[k].distance.to_string(), b.cusps[k].distance.to_string());
  }
}

// Every row of `a` through every accessor, against `b`'s rows.
void expect_same_boards(const kexie::Scoreboard& a, const kexie::Scoreboard& b) {
  EXPECT_EQ(a.digest(), b.digest());
  ASSERT_EQ(a.entries.size(), b.entries.size());
  EXPECT_EQ(a.entries.empty(), b.entries.empty());
  for (std::size_t k = 0; k < a.entries.size(); ++k) {
    SCOPED_TRACE("place " + std::to_string(k));
    const kexie::EntryResult r = b.entries[k];
    expect_same(a.entries[k], r);
    EXPECT_EQ(a.entries.entry(k), r.entry);
    const std::optional<kexie::EntryResult> found = a.entries.find(r.entry);
    ASSERT_TRUE(found);
    expect_same(*found, r);
    expect_same(*a.find(r.entry), r);
    EXPECT_EQ(a.entries.code(r.entry), r.code);
    EXPECT_EQ(a.entries.code(r.entry).data()[r.code.size()], '\0');
    EXPECT_EQ(a.entries.tier(r.entry), r.tier);
    EXPECT_EQ(a.entries.award(r.entry), r.award);
    EXPECT_EQ(a.entries.award(r.entry).data()[r.award.size()], '\0');
    expect_same(a.entries.begin()[static_cast<std::ptrdiff_t>(k)], r);
  }
  // Past the last row: nothing.
  const kexie::EntryId past{static_cast<std::uint32_t>(a.entries.size() + 1)};
  EXPECT_FALSE(a.entries.find(past));
  EXPECT_EQ(a.entries.code(past), "");
  EXPECT_FALSE(a.entries.tier(past));
  EXPECT_EQ(a.entries.award(past), "");
  expect_same_lists(a, b);
}

// `board` as `built` scored it: as a fresh board, as the standings, as the digest
// defined, and as the listing implies (computed here from the rows alone).
void expect_right(const Built& built, const kexie::Scoreboard& board, const std::string& what) {
  SCOPED_TRACE(built.name + ": " + what);
  const kexie::Campaign& c = *built.c;
  const kexie::Scoreboard fresh = c.score().value();
  expect_same_boards(board, fresh);
  EXPECT_EQ(board.digest(), kexie_test::digest_by_hand(board));
  const std::vector<kexie::Standing> standings = c.standings().value();
  ASSERT_EQ(standings.size(), board.entries.size());
  // The listing: every entry once; each ranking group's scored rows together, totals
  // not increasing, positions 1, 2, …, competition ranks; the incomplete last by code.
  std::set<std::uint32_t> seen;
  std::map<int, std::uint32_t> position_in;  // group → last position
  std::map<int, std::string> last_total;     // group → last total
  std::map<int, std::uint32_t> last_rank;    // group → last rank
  std::set<int> closed;                      // groups already left
  int current = -1;
  bool incomplete_seen = false;
  std::string last_incomplete_code;
  for (std::size_t k = 0; k < board.entries.size(); ++k) {
    SCOPED_TRACE("place " + std::to_string(k));
    const kexie::EntryResult r = board.entries[k];
    EXPECT_EQ(standings[k].entry, r.entry);
    EXPECT_EQ(standings[k].status, r.status);
    EXPECT_EQ(standings[k].total.to_string(), r.total.to_string());
    EXPECT_EQ(standings[k].rank, r.rank);
    EXPECT_EQ(standings[k].position, r.position);
    EXPECT_TRUE(seen.insert(r.entry.value()).second);
    const kexie::Entry e = c.entry(r.entry).value();
    EXPECT_EQ(r.code, e.spec.code);
    EXPECT_EQ(r.category, e.spec.category);
    EXPECT_EQ(r.unit, e.spec.unit);
    EXPECT_EQ(r.cites_link, e.spec.cites_link);
    EXPECT_EQ(r.cites_activity, e.spec.cites_activity);
    EXPECT_EQ(r.judged_part + r.objective_part + r.bonus, r.total);
    if (r.status == kexie::EntryStatus::incomplete) {
      EXPECT_EQ(r.rank, 0u);
      EXPECT_EQ(r.position, 0u);
      EXPECT_FALSE(r.tier);
      if (incomplete_seen) {
        EXPECT_LT(last_incomplete_code, r.code);
      }
      incomplete_seen = true;
      last_incomplete_code = r.code;
      continue;
    }
    EXPECT_FALSE(incomplete_seen) << "a scored row after an incomplete one";
    const int group = built.per_category ? static_cast<int>(r.category) : 0;
    if (group != current) {
      EXPECT_FALSE(closed.count(group)) << "group " << group << " listed in two pieces";
      if (current >= 0) closed.insert(current);
      current = group;
    }
    const std::uint32_t position = ++position_in[group];
    EXPECT_EQ(r.position, position);
    const std::string total = r.total.to_string();
    if (position == 1) {
      EXPECT_EQ(r.rank, 1u);
    } else if (board.entries[k - 1].total == r.total) {
      EXPECT_EQ(r.rank, last_rank[group]);
    } else {
      EXPECT_LT(r.total, board.entries[k - 1].total);
      EXPECT_EQ(r.rank, position);
    }
    last_rank[group] = r.rank;
    last_total[group] = total;
    if (r.status == kexie::EntryStatus::vetoed) {
      EXPECT_FALSE(r.tier);
    }
    if (r.tier) {
      EXPECT_EQ(r.award, c.spec().awards.tiers.at(*r.tier).name);
    } else {
      EXPECT_EQ(r.award, "");
    }
  }
  EXPECT_EQ(seen.size(), c.entry_count());
}

// The thread settings a hop uses, in turn.
struct Hop {
  std::string name;
  kexie::Threads threads;
};

std::vector<Hop> hops(kexie::ThreadTeam& team) {
  return {{"1 thread", kexie::Threads{1}},
          {"2 threads", kexie::Threads{2}},
          {"3 threads", kexie::Threads{3}},
          {"7 threads", kexie::Threads{7}},
          {"a team of " + std::to_string(team.size()), team.threads()},
          {"7 threads asked of a team of " + std::to_string(team.size()), kexie::Threads{7, &team}},
          {"1 thread of a team", kexie::Threads{1, &team}}};
}

}  // namespace

// ---- one board, every campaign, both directions ------------------------------------------

TEST(BoardColumnsHostile, OneBoardHopsBetweenCampaignsOfEveryShape) {
  const std::vector<std::unique_ptr<Built>> shapes = every_shape();
  kexie::ThreadTeam team(3);
  const std::vector<Hop> settings = hops(team);
  kexie::Scoreboard board;
  std::size_t turn = 0;
  // Forwards, backwards, forwards again: growing and shrinking boards, each campaign
  // after every other one, and a campaign after itself at the turns.
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < shapes.size(); ++k) order.push_back(k);
  for (std::size_t k = shapes.size(); k-- > 0;) order.push_back(k);
  for (std::size_t k = 0; k < shapes.size(); ++k) order.push_back(k);
  for (const std::size_t k : order) {
    const Hop& hop = settings[turn++ % settings.size()];
    ASSERT_TRUE(shapes[k]->c->score(board, hop.threads).ok());
    expect_right(*shapes[k], board, "hop " + std::to_string(turn) + ", " + hop.name);
  }
}

// Every campaign into a board the previous one left, on every setting, then back.
TEST(BoardColumnsHostile, EveryPairOfShapesOnEverySetting) {
  const std::vector<std::unique_ptr<Built>> shapes = every_shape();
  kexie::ThreadTeam team(2);
  const std::vector<Hop> settings = hops(team);
  std::size_t turn = 0;
  for (std::size_t a = 0; a < shapes.size(); ++a) {
    for (std::size_t b = 0; b < shapes.size(); ++b) {
      if (a == b) continue;
      const Hop& first = settings[turn++ % settings.size()];
      const Hop& second = settings[turn++ % settings.size()];
      kexie::Scoreboard board = shapes[a]->c->score(first.threads).value();
      ASSERT_TRUE(shapes[b]->c->score(board, second.threads).ok());
      expect_right(*shapes[b], board, "after " + shapes[a]->name + ", " + second.name);
      ASSERT_TRUE(shapes[a]->c->score(board, first.threads).ok());
      expect_right(*shapes[a], board, "back after " + shapes[b]->name + ", " + first.name);
    }
  }
}

// Boards copied, moved and assigned to themselves between scores: each reads as its
// campaign scored it, and scored again reads as fresh.
TEST(BoardColumnsHostile, BoardsCopiedMovedAndSelfAssignedBetweenScores) {
  const std::vector<std::unique_ptr<Built>> shapes = every_shape();
  const Built& big = *shapes[3];    // 700 apart
  const Built& other = *shapes[4];  // 600 together
  const Built& small = *shapes[5];  // a group empty
  kexie::Scoreboard board;
  ASSERT_TRUE(big.c->score(board, kexie::Threads{2}).ok());
  // A copy scored by another campaign: the original keeps its rows.
  kexie::Scoreboard copy = board;
  ASSERT_TRUE(small.c->score(copy, kexie::Threads{3}).ok());
  expect_right(big, board, "the original of a copy scored by another");
  expect_right(small, copy, "the copy");
  // Self copy-assignment changes nothing; the board then scored again by its campaign.
  kexie::Scoreboard& alias = board;
  board = alias;
  expect_right(big, board, "assigned to itself");
  ASSERT_TRUE(big.c->score(board).ok());
  expect_right(big, board, "assigned to itself, scored again");
  // Self move-assignment leaves a valid board: scored again it reads as fresh.
  board = std::move(alias);
  ASSERT_TRUE(big.c->score(board, kexie::Threads{2}).ok());
  expect_right(big, board, "moved into itself, scored again");
  board = std::move(alias);
  ASSERT_TRUE(small.c->score(board, kexie::Threads{7}).ok());
  expect_right(small, board, "moved into itself, scored by another");
  // The copy (small's rows, big's storage history) scored by big: the fixed facts
  // must not be taken for big's.
  ASSERT_TRUE(big.c->score(copy).ok());
  expect_right(big, copy, "a copy of big's board, scored by small, then big");
  // A board copied from one the same campaign filled, then scored by it: its facts kept.
  kexie::Scoreboard copied_back = copy;
  ASSERT_TRUE(big.c->score(copied_back, kexie::Threads{3}).ok());
  expect_right(big, copied_back, "a copy of a board big filled, scored by big");
  // Moved-from boards of all three, scored by another campaign each.
  kexie::Scoreboard taken = std::move(copied_back);
  expect_right(big, taken, "moved to");
  // NOLINTBEGIN(bugprone-use-after-move): what a careless caller does
  ASSERT_TRUE(other.c->score(copied_back, kexie::Threads{2}).ok());
  expect_right(other, copied_back, "moved from, scored by another");
  // NOLINTEND(bugprone-use-after-move)
  // Assigned a smaller board over a larger one, then the larger's campaign scores it.
  kexie::Scoreboard shrunk = big.c->score().value();
  shrunk = small.c->score().value();
  expect_right(small, shrunk, "a smaller board assigned over a larger one");
  ASSERT_TRUE(other.c->score(shrunk, kexie::Threads{7}).ok());
  expect_right(other, shrunk, "then scored by a larger campaign");
  ASSERT_TRUE(big.c->score(shrunk, kexie::Threads{1}).ok());
  expect_right(big, shrunk, "then by another larger one");
  // Two boards of the same campaign swapped, then each scored by the other campaign.
  kexie::Scoreboard left = big.c->score(kexie::Threads{2}).value();
  kexie::Scoreboard right = small.c->score().value();
  std::swap(left, right);
  expect_right(small, left, "swapped");
  expect_right(big, right, "swapped");
  ASSERT_TRUE(big.c->score(left, kexie::Threads{3}).ok());
  ASSERT_TRUE(small.c->score(right, kexie::Threads{2}).ok());
  expect_right(big, left, "swapped, scored by the other");
  expect_right(small, right, "swapped, scored by the other");
}

// Two campaigns alike in everything the fixed facts' checks can see (as many entries,
// codes as long, the same units in the same order) but their codes, categories and
// which entries cite a link:
// taking turns with one board, each must show its own (the board remembers which
// campaign filled its facts, not only how many rows).
TEST(BoardColumnsHostile, LookAlikeCampaignsTakingTurns) {
  const auto look_alike = [](const std::string& prefix, Category first, Category second,
                             std::size_t cites) {
    return std::make_unique<Built>(prefix, true, false, 30, [=](std::size_t i) {
      return Plan{.code = prefix + std::to_string(10 + i),
                  .category = i % 2 ? first : second,
                  .mark = 60 + static_cast<int>(i % 8) * 5,
                  .cites = i % 7 == cites};
    });
  };
  const std::unique_ptr<Built> x = look_alike("X-", kProposals, kPatents, 1);
  const std::unique_ptr<Built> y = look_alike("Y-", kIdeas, kProposals, 3);
  kexie::Scoreboard board;
  for (const unsigned t : {1u, 2u, 3u, 1u}) {
    ASSERT_TRUE(x->c->score(board, kexie::Threads{t}).ok());
    expect_right(*x, board, "x, " + std::to_string(t) + " threads");
    ASSERT_TRUE(y->c->score(board, kexie::Threads{t}).ok());
    expect_right(*y, board, "y, " + std::to_string(t) + " threads");
    EXPECT_TRUE(board.entries.find(kexie::EntryId{4})->cites_link);   // y's entry 3 cites
    EXPECT_FALSE(board.entries.find(kexie::EntryId{2})->cites_link);  // x's entry 1 did
  }
}

// Campaigns large enough that the listing's passes split into parts of 1 024 places
// on 2, 3 and 7 threads (each row's listing place is written part by part), taking
// turns with one board: each takes the columns the other left, and the campaign's
// scratch then holds the other's old columns, every slot of which must be written.
TEST(BoardColumnsHostile, LargeCampaignsSplitIntoPartsTakingTurns) {
  const Built a("2 200 apart", true, false, 2200, [](std::size_t i) {
    static std::mt19937 rng(41);
    return Plan{.code = "LA-" + std::to_string(100000 + i * 7 % 2200),
                .category = i % 2 ? kPatents : kProposals,
                .marked = i % 31 == 7 ? 2u : 4u,
                .vetoed = i % 43 == 11,
                .mark = tying_mark(rng)};
  });
  const Built b("2 100 together", false, false, 2100, [](std::size_t i) {
    static std::mt19937 rng(42);
    return Plan{.code = "LB-" + std::to_string(100000 + i * 11 % 2100),
                .category = i % 3 ? kIdeas : kProposals,
                .marked = i % 29 == 5 ? 1u : 4u,
                .vetoed = i % 37 == 2,
                .mark = tying_mark(rng)};
  });
  kexie::ThreadTeam team(2);
  kexie::Scoreboard board;
  for (const kexie::Threads threads :
       {kexie::Threads{2}, kexie::Threads{3}, team.threads(), kexie::Threads{7}}) {
    for (const Built* c : {&a, &b}) {
      ASSERT_TRUE(c->c->score(board, threads).ok());
      expect_right(*c, board, std::to_string(threads.count) + " threads");
    }
  }
}

// ---- campaigns growing between scores ----------------------------------------------------

// One campaign grows between scores into one board (and into a copy kept aside): codes
// that fit a slot, of exactly 15 bytes, UTF-8 of 15 bytes, then one of 16 (the slots
// go for good), UTF-8 whose bytes cross 15, short codes again, entries of a new
// category, incomplete and vetoed ones.
TEST(BoardColumnsHostile, ACampaignGrowingBetweenScoresReadsAsFresh) {
  Built grown("grown", true, true, 0, [](std::size_t) { return Plan{}; });
  kexie::ThreadTeam team(2);
  const std::vector<Hop> settings = hops(team);
  kexie::Scoreboard board;
  kexie::Scoreboard other_board;  // scored by the campaign every other step only
  std::size_t i = 0, turn = 0;
  std::mt19937 rng(21);
  const auto grow = [&](const std::vector<std::string>& codes, Category cat) {
    for (const std::string& code : codes) {
      grown.add(Plan{.code = code,
                     .category = cat,
                     .marked = i % 11 == 3 ? 2u : 4u,
                     .vetoed = i % 13 == 6,
                     .mark = tying_mark(rng),
                     .cites = i % 3 == 2},
                i);
      ++i;
    }
    const Hop& hop = settings[turn % settings.size()];
    ASSERT_TRUE(grown.c->score(board, hop.threads).ok());
    expect_right(grown, board, std::to_string(i) + " entries, " + hop.name);
    if (turn % 2 == 0) {
      ASSERT_TRUE(grown.c->score(other_board, settings[(turn + 2) % settings.size()].threads).ok());
      expect_right(grown, other_board, std::to_string(i) + " entries, the other board");
    }
    ++turn;
  };
  const auto numbered = [](const std::string& prefix, std::size_t from, std::size_t n,
                           std::size_t width) {
    std::vector<std::string> out;
    for (std::size_t k = from; k < from + n; ++k) {
      std::string digits = std::to_string(k);
      out.push_back(prefix + std::string(width - std::min(width, digits.size()), '0') + digits);
    }
    return out;
  };
  grow(numbered("S-", 0, 5, 3), kProposals);                 // 5 bytes
  grow(numbered("FIFTEEN-BYTES", 0, 3, 2), kProposals);      // 15 bytes: a full slot
  grow({"合理化建议", "技术专利一"}, kPatents);              // UTF-8, 15 bytes each
  grow(numbered("S-", 5, 600, 3), kProposals);               // many more short ones
  grow({"SIXTEEN-BYTES-01"}, kPatents);                      // 16 bytes: slots go
  grow(numbered("S-", 605, 7, 3), kIdeas);                   // short again, a new category
  grow({"合理化建议六", "创新思路"}, kIdeas);                // 18 and 12 bytes
  grow(numbered("A-MUCH-LONGER-CODE-", 0, 4, 3), kPatents);  // 22 bytes
  grow({}, kPatents);                                        // nothing added
}

// Codes that cross a slot's size as the first entry: the slots are never used.
TEST(BoardColumnsHostile, ALongFirstCodeAndShortOnesAfter) {
  for (const std::string& first :
       {std::string("SIXTEEN-BYTES-00"), std::string("合理化建议六"), std::string(200, 'L')}) {
    Built grown("long first: " + first, false, false, 0, [](std::size_t) { return Plan{}; });
    kexie::Scoreboard board;
    std::mt19937 rng(22);
    grown.add(Plan{.code = first, .mark = 90}, 0);
    ASSERT_TRUE(grown.c->score(board, kexie::Threads{2}).ok());
    expect_right(grown, board, "the long one alone");
    for (std::size_t i = 1; i < 40; ++i) {
      grown.add(Plan{.code = "S" + std::to_string(i), .mark = tying_mark(rng)}, i);
    }
    ASSERT_TRUE(grown.c->score(board).ok());
    expect_right(grown, board, "short ones after it");
  }
}

// ---- refusals leave the board byte for byte as it was ------------------------------------

namespace {

// Everything a board shows, with the addresses of what it lends.
struct Picture {
  std::string digest;
  std::vector<kexie::EntryResult> rows;
  std::vector<const char*> code_at, award_at;
  std::size_t owned = 0;
  const kexie::AdvancedUnit* units_at = nullptr;
  const kexie::AdvancedIndividual* people_at = nullptr;
  const kexie::Cusp* cusps_at = nullptr;
  kexie::Scoreboard copy;

  explicit Picture(const kexie::Scoreboard& b)
      : digest(b.digest()),
        rows(b.entries.begin(), b.entries.end()),
        owned(b.owned_bytes()),
        units_at(b.units.data()),
        people_at(b.people.data()),
        cusps_at(b.cusps.data()),
        copy(b) {
    for (const kexie::EntryResult& r : rows) {
      code_at.push_back(b.entries.code(r.entry).data());
      award_at.push_back(b.entries.award(r.entry).data());
    }
  }

  void expect_unchanged(const kexie::Scoreboard& b, const std::string& what) const {
    SCOPED_TRACE(what);
    EXPECT_EQ(b.digest(), digest);
    EXPECT_EQ(b.owned_bytes(), owned);
    EXPECT_EQ(b.units.data(), units_at);
    EXPECT_EQ(b.people.data(), people_at);
    EXPECT_EQ(b.cusps.data(), cusps_at);
    ASSERT_EQ(b.entries.size(), rows.size());
    for (std::size_t k = 0; k < rows.size(); ++k) {
      EXPECT_EQ(b.entries.code(rows[k].entry).data(), code_at[k]);
      EXPECT_EQ(b.entries.award(rows[k].entry).data(), award_at[k]);
    }
    expect_same_boards(b, copy);
  }
};

// Entries whose energy saved sums, per unit, beyond what a decimal holds (the advanced
// units' tally refuses it: campaign_honours_test.cpp).
void add_huge_energy(Built& b, std::size_t count, std::size_t from) {
  std::mt19937_64 rng(19);
  for (std::size_t i = from; i < from + count; ++i) {
    kexie::EntrySpec e =
        kexie_test::proposal(b.w, "E-" + std::to_string(i), static_cast<int>(i % 2), 0);
    const std::int64_t kwh =
        900'000'000'000'000 + static_cast<std::int64_t>(rng() % 90'000'000'000'000);
    e.claims.energy.push_back(
        {kexie::Carrier::electricity_equivalent_value, {kexie::Decimal(kwh), kexie::Unit::kWh}});
    const kexie::EntryId id = b.c->add_entry(e).value();
    for (const kexie::JudgeId j : b.judges) {
      b.c->assign(j, id).value();
      b.c->mark(j, id, "A.1", kexie::Decimal(80)).value();
      b.c->mark(j, id, "A.2", kexie::Decimal(80)).value();
    }
  }
}

}  // namespace

TEST(BoardColumnsHostile, EveryRefusalLeavesTheBoardByteForByte) {
  const std::vector<std::unique_ptr<Built>> shapes = every_shape();
  Built& plain = *shapes[3];  // 700 apart: units, people, cusps and prizes
  kexie::ThreadTeam team(3);
  const std::vector<Hop> settings = hops(team);
  // The refusing campaigns: too many tiers, an unknown tie-break indicator, and
  // advanced units whose energy does not fit (scored, ranked and awarded first).
  Built wide(
      "too many tiers", true, false, 3,
      [](std::size_t i) { return Plan{.code = "W" + std::to_string(i)}; },
      [](kexie::CampaignSpec& spec) {
        kexie::AwardTier tier;
        tier.name = "T";
        tier.by_count = true;
        tier.count = 1;
        spec.awards.tiers.assign(UINT16_MAX, tier);
      });
  Built unknown(
      "unknown tie-break", true, false, 3,
      [](std::size_t i) { return Plan{.code = "U" + std::to_string(i), .mark = 70}; },
      [](kexie::CampaignSpec& spec) {
        spec.tie_breaks = {kexie::TieBreak::indicator("NO-SUCH-INDICATOR")};
      });
  Built energy("energy overflow", true, false, 0, [](std::size_t) { return Plan{}; });
  add_huge_energy(energy, 40, 0);
  ASSERT_FALSE(wide.c->score());
  ASSERT_FALSE(unknown.c->score());
  ASSERT_FALSE(energy.c->score());
  ASSERT_EQ(energy.c->score().error().code(), kexie::ErrorCode::overflow);

  kexie::Scoreboard board;
  for (const Hop& hop : settings) {
    ASSERT_TRUE(plain.c->score(board, hop.threads).ok());
    ASSERT_FALSE(board.units.empty());
    ASSERT_FALSE(board.people.empty());
    ASSERT_FALSE(board.cusps.empty());
    const Picture before(board);
    EXPECT_FALSE(plain.c->score(board, kexie::Threads{0}).ok());
    before.expect_unchanged(board, "Threads{0}, after " + hop.name);
    for (const Built* refusing : {&wide, &unknown, &energy}) {
      const kexie::Status st = refusing->c->score(board, hop.threads);
      EXPECT_FALSE(st.ok()) << refusing->name;
      before.expect_unchanged(board, refusing->name + ", " + hop.name);
    }
    // The refused calls left the scratch of `energy` with a listing made: its next
    // refusal, and the next score of the board by its own campaign, are unaffected.
    EXPECT_FALSE(energy.c->score(board, hop.threads).ok());
    before.expect_unchanged(board, "energy again, " + hop.name);
    ASSERT_TRUE(plain.c->score(board, hop.threads).ok());
    expect_right(plain, board, "scored again after the refusals, " + hop.name);
  }
  // A campaign that filled the board, grown until it refuses: the board keeps its
  // rows (and the fixed facts of the rows it had), and the next campaign's score is
  // right.
  Built growing("growing into a refusal", true, true, 50, [](std::size_t i) {
    return Plan{.code = "GR-" + std::to_string(i), .mark = 60 + static_cast<int>(i % 40)};
  });
  ASSERT_TRUE(growing.c->score(board, kexie::Threads{2}).ok());
  expect_right(growing, board, "before growing");
  const Picture before(board);
  add_huge_energy(growing, 40, 50);
  for (const Hop& hop : settings) {
    EXPECT_FALSE(growing.c->score(board, hop.threads).ok());
    before.expect_unchanged(board, "grown into a refusal, " + hop.name);
  }
  ASSERT_TRUE(plain.c->score(board, kexie::Threads{3}).ok());
  expect_right(plain, board, "another campaign after the grown refusal");
}

// ---- tiers beyond 255 and the last tier a board holds ------------------------------------

namespace {

// A scheme of `count` tiers of one place each at the indices `awarded`, none elsewhere.
void sparse_tiers(kexie::CampaignSpec& spec, std::size_t count,
                  const std::vector<std::size_t>& awarded) {
  spec.awards.tiers.clear();
  for (std::size_t t = 0; t < count; ++t) {
    kexie::AwardTier tier;
    tier.name = "T" + std::to_string(t);
    tier.by_count = true;
    tier.count = std::find(awarded.begin(), awarded.end(), t) != awarded.end() ? 1u : 0u;
    spec.awards.tiers.push_back(tier);
  }
  spec.awards.individuals.top_tiers = static_cast<std::uint32_t>(count);
  spec.awards.units.min_awarded_entries = 1;
}

}  // namespace

// Tiers 255 (the last an advanced individual's seat keeps in 8 bits), 256 and 299:
// the rows, tier(), award(), and each person's best tier, through every setting.
TEST(BoardColumnsHostile, TiersBeyond255ReachRowsAndPeople) {
  const std::vector<std::size_t> awarded{0, 255, 256, 299};
  Built b(
      "300 tiers", true, false, 6,
      [](std::size_t i) {
        // Distinct totals, best first: entry i gets tier awarded[i] (i < 4).
        return Plan{.code = "WT-" + std::to_string(i), .mark = 95 - 5 * static_cast<int>(i)};
      },
      [&](kexie::CampaignSpec& spec) { sparse_tiers(spec, 300, awarded); });
  // Entry i's team is staff member i % 6 of enterprise i % 2 alone: the person of entry
  // k < 4 holds tier awarded[k] and nothing else.
  kexie::ThreadTeam team(2);
  kexie::Scoreboard board;
  const std::vector<std::unique_ptr<Built>> shapes = every_shape();
  for (const Hop& hop : hops(team)) {
    ASSERT_TRUE(shapes[3]->c->score(board, hop.threads).ok());
    ASSERT_TRUE(b.c->score(board, hop.threads).ok());
    expect_right(b, board, hop.name);
    for (std::size_t k = 0; k < 6; ++k) {
      const kexie::EntryResult r = board.entries[k];
      SCOPED_TRACE(r.code);
      if (k < awarded.size()) {
        ASSERT_TRUE(r.tier);
        EXPECT_EQ(*r.tier, awarded[k]);
        EXPECT_EQ(board.entries.tier(r.entry), awarded[k]);
        EXPECT_EQ(board.entries.award(r.entry), "T" + std::to_string(awarded[k]));
      } else {
        EXPECT_FALSE(r.tier);
      }
    }
    // One person per awarded entry (entry i's leader is staff[i % 2][i % 6]): their
    // best tiers are the tiers themselves.
    std::vector<std::uint32_t> best;
    for (const kexie::AdvancedIndividual& p : board.people) best.push_back(p.best_tier);
    EXPECT_EQ(best, (std::vector<std::uint32_t>{0, 255, 256, 299}));
  }
}

// A person on two entries of wide tiers counts the better one.
TEST(BoardColumnsHostile, APersonsBestOfTwoWideTiers) {
  const std::vector<std::size_t> awarded{300, 400};
  Built b(
      "wide pair", true, false, 0, [](std::size_t) { return Plan{}; },
      [&](kexie::CampaignSpec& spec) { sparse_tiers(spec, 401, awarded); });
  // Two entries of one leader (enterprise 0's staff member 1), the first the better.
  for (int k = 0; k < 2; ++k) {
    kexie::EntrySpec e = kexie_test::proposal(b.w, "PAIR-" + std::to_string(k), 0, 1);
    const kexie::EntryId id = b.c->add_entry(e).value();
    for (const kexie::JudgeId j : b.judges) {
      b.c->assign(j, id).value();
      b.c->mark(j, id, "A.1", kexie::Decimal(90 - 10 * k)).value();
      b.c->mark(j, id, "A.2", kexie::Decimal(90 - 10 * k)).value();
    }
  }
  for (const unsigned t : {1u, 2u}) {
    const kexie::Scoreboard board = b.c->score(kexie::Threads{t}).value();
    expect_right(b, board, std::to_string(t) + " threads");
    ASSERT_EQ(board.people.size(), 1u);
    EXPECT_EQ(board.people[0].best_tier, 300u);
    EXPECT_EQ(board.people[0].entries.size(), 2u);
    EXPECT_EQ(board.entries.tier(kexie::EntryId{2}), 400u);
  }
}

// The last tier a board holds (65 533, stored as 65 534 in 16 bits) awarded.
TEST(BoardColumnsHostile, TheLastTierABoardHoldsIsAwarded) {
  const std::size_t last = UINT16_MAX - 2;  // 65 533: a scheme of 65 534 tiers
  Built b(
      "65 534 tiers", true, false, 3,
      [](std::size_t i) {
        return Plan{.code = "LT-" + std::to_string(i), .mark = 90 - 10 * static_cast<int>(i)};
      },
      [&](kexie::CampaignSpec& spec) { sparse_tiers(spec, last + 1, {last}); });
  kexie::Scoreboard board = every_shape()[1]->c->score().value();
  ASSERT_TRUE(b.c->score(board, kexie::Threads{2}).ok());
  const kexie::EntryResult best = board.entries[0];
  ASSERT_TRUE(best.tier);
  EXPECT_EQ(*best.tier, last);
  EXPECT_EQ(board.entries.tier(best.entry), last);
  EXPECT_EQ(board.entries.award(best.entry), "T" + std::to_string(last));
  EXPECT_FALSE(board.entries[1].tier);
  ASSERT_EQ(board.people.size(), 1u);
  EXPECT_EQ(board.people[0].best_tier, last);
  EXPECT_EQ(board.digest(), kexie_test::digest_by_hand(board));
  EXPECT_EQ(board.digest(), b.c->score().value().digest());
}

// ---- the C API's view of a reused board --------------------------------------------------

namespace {

std::vector<std::string> c_fresh(const kx_campaign* c) {
  kx_scoreboard* board = nullptr;
  EXPECT_EQ(kx_campaign_score(&board, c), 0);
  if (board == nullptr) return {};
  std::vector<std::string> rows = kexie_test::c_board_lines(board);
  kx_scoreboard_free(board);
  return rows;
}

}  // namespace

TEST(BoardColumnsHostile, TheCApiViewOfAReusedBoardReadsAsFresh) {
  const kexie_test::SnapshotContent big = kexie_test::make_content(31, 30, 2, 640);
  const kexie_test::SnapshotContent small = kexie_test::make_content(32, 12, 1, 17);
  const kexie_test::LoadedCampaign a(big), b(small);
  ASSERT_NE(a.campaign, nullptr);
  ASSERT_NE(b.campaign, nullptr);
  const std::vector<std::string> want_a = c_fresh(a.campaign), want_b = c_fresh(b.campaign);
  ASSERT_GT(want_a.size(), 600u);
  kx_scoreboard* board = nullptr;
  ASSERT_EQ(kx_campaign_score_with(&board, b.campaign, 2), 0);
  for (const uint32_t t : {1u, 2u, 3u, 7u, 2u, 1u}) {
    ASSERT_EQ(kx_campaign_score_into(board, a.campaign, t), 0);
    EXPECT_EQ(kexie_test::c_board_lines(board), want_a) << t;
    ASSERT_EQ(kx_campaign_score_into(board, b.campaign, t), 0);
    EXPECT_EQ(kexie_test::c_board_lines(board), want_b) << t;
    ASSERT_EQ(kx_campaign_score_into(board, b.campaign, t), 0);
    EXPECT_EQ(kexie_test::c_board_lines(board), want_b) << t;
  }
  // A refusal (no thread) leaves what the C API lends where it was.
  const std::vector<std::string> before = kexie_test::c_board_lines(board);
  kx_entry_result first{};
  ASSERT_EQ(kx_scoreboard_entry(&first, board, 0), 0);
  EXPECT_NE(kx_campaign_score_into(board, a.campaign, 0), 0);
  kx_entry_result again{};
  ASSERT_EQ(kx_scoreboard_entry(&again, board, 0), 0);
  EXPECT_EQ(again.code, first.code);
  EXPECT_EQ(again.total, first.total);
  EXPECT_EQ(kexie_test::c_board_lines(board), before);
  kx_scoreboard_free(board);
}

// ---- boards hopping from several threads at once -----------------------------------------

// Four threads each keep a board and score it, in turn, with two campaigns shared by
// all of them (the campaign's scratch goes to one call, the others use their own), on
// their own thread counts and, for one of them, a team the others may find busy.
TEST(BoardColumnsHostile, BoardsHopFromSeveralThreadsAtOnce) {
  const std::vector<std::unique_ptr<Built>> shapes = every_shape();
  const Built& x = *shapes[3];
  const Built& y = *shapes[6];
  const kexie::Scoreboard want_x = x.c->score().value();
  const kexie::Scoreboard want_y = y.c->score().value();
  kexie::ThreadTeam team(2);
  std::atomic<int> wrong{0};
  const auto same = [](const kexie::Scoreboard& a, const kexie::Scoreboard& b) {
    if (a.digest() != b.digest() || a.entries.size() != b.entries.size()) return false;
    for (std::size_t k = 0; k < a.entries.size(); ++k) {
      const kexie::EntryResult r = a.entries[k], s = b.entries[k];
      if (r.entry != s.entry || r.code != s.code || r.rank != s.rank || r.position != s.position ||
          r.tier != s.tier || r.category != s.category || r.total != s.total ||
          r.judged_part != s.judged_part || r.unit != s.unit) {
        return false;
      }
    }
    return a.units.size() == b.units.size() && a.people.size() == b.people.size() &&
           a.cusps.size() == b.cusps.size();
  };
  std::vector<std::thread> callers;
  for (unsigned t = 0; t < 4; ++t) {
    callers.emplace_back([&, t] {
      kexie::Scoreboard mine;
      for (unsigned round = 0; round < 6; ++round) {
        const kexie::Threads threads =
            t == 0 ? team.threads() : kexie::Threads{1 + (t + round) % 3};
        const bool first = (t + round) % 2 == 0;
        const Built& c = first ? x : y;
        if (!c.c->score(mine, threads).ok() || !same(mine, first ? want_x : want_y)) ++wrong;
      }
    });
  }
  for (std::thread& c : callers) c.join();
  EXPECT_EQ(wrong.load(), 0);
}

// ---- an allocation failing half way ------------------------------------------------------

namespace {

// 20 entries scored once (the campaign's scratch then holds their codes, in slots),
// then 14 more: codes of 5 to 15 bytes, UTF-8 among them, so the next score extends the
// scratch's copies of the codes and the board's fixed facts.
std::unique_ptr<Built> grown_twice(kexie::Scoreboard* board, kexie::Threads threads) {
  auto b = std::make_unique<Built>("grown twice", true, true, 20, [](std::size_t i) {
    return Plan{.code = "AF-" + std::to_string(i),
                .category = i % 3 ? kProposals : kPatents,
                .marked = i % 9 == 4 ? 2u : 4u,
                .mark = 60 + static_cast<int>(i % 7) * 5};
  });
  if (board != nullptr) {
    EXPECT_TRUE(b->c->score(*board, threads).ok());
  } else {
    EXPECT_TRUE(b->c->score(threads));
  }
  // 14 more: the slots (16 bytes an entry) grow past 512 bytes as well as the text.
  const std::vector<std::string> more{"AF-LATE-1",   "FIFTEEN-BYTES-1", "合理化建议", "AF-LATE-22",
                                      "专利七",      "AF-LATE-333",     "AF-LATE-4",  "AF-LATE-55",
                                      "AF-LATE-666", "AF-LATE-7777",    "AF-LATE-8",  "AF-LATE-99",
                                      "创新思路",    "AF-LATE-000"};
  for (std::size_t k = 0; k < more.size(); ++k) {
    b->add(Plan{.code = more[k],
                .category = k % 2 ? kIdeas : kProposals,
                .mark = 62 + 2 * static_cast<int>(k)},
           20 + k);
  }
  return b;
}

}  // namespace

// The campaign keeps copies of its codes (text, where each starts, 16-byte slots) and
// of its entries' units and citations from call to call, extended by the entries added
// since. If an allocation fails while they are extended (score() then throws
// std::bad_alloc, as documented), the copies must still agree with each other: every
// later score must equal a fresh one of an identical campaign.
//
// Found failing by this file (round 10, 5393486): extend_codes() pushed an entry's
// start (code_at), then its text, then its slot, one after the other; when the text's
// or the slot's allocation failed, code_at already had the entry and the next call
// started after it, so later scores listed wrong codes or gave another digest, for
// good; the units' and citations' copies likewise. Each is now all or nothing (the
// call puts back what it found). Every allocation of the call is made to fail in turn.
TEST(BoardColumnsHostile, AFailedAllocationDoesNotPoisonLaterScores) {
  for (const unsigned t : {1u, 2u}) {
    const kexie::Threads threads{t};
    const std::unique_ptr<Built> twin = grown_twice(nullptr, threads);
    const kexie::Scoreboard want = twin->c->score(threads).value();
    std::string poisoned;  // the allocations whose failure changed later scores
    for (std::uint64_t n = 1;; ++n) {
      kexie::Scoreboard board;
      const std::unique_ptr<Built> a = grown_twice(&board, threads);
      bool fired = false;
      {
        kexie_test::FailAllocScope fail(n);
        try {
          (void)a->c->score(threads);
        } catch (const std::bad_alloc&) {
        }
        fired = kexie_test::FailAlloc::fired();
      }
      if (!fired) break;  // the call needs fewer than n allocations: all were tried
      const kexie::Scoreboard again = a->c->score(threads).value();
      if (again.digest() == want.digest()) continue;
      // Which copy: the codes' text (the rows' codes differ) or only the slots (the
      // digest alone differs).
      bool codes_differ = false;
      for (std::size_t k = 0; k < again.entries.size(); ++k) {
        codes_differ = codes_differ || again.entries[k].code != want.entries[k].code;
      }
      poisoned += " " + std::to_string(n) + (codes_differ ? " (codes)" : " (digest only)");
    }
    EXPECT_EQ(poisoned, "") << t << " thread(s): the failed allocations after which every "
                            << "later score differs from a fresh one";
  }
}

// A score that fails for want of memory leaves the board as it was, byte for byte,
// like every other failed score: everything the board takes is made first and handed
// over by swaps and appends into room made before.
//
// Found failing by this file (round 10, 5393486): the board took the new listing and
// columns before its fixed facts (codes, units, categories) were extended to the
// entries added since, and its tier names were refilled one at a time; a failed
// allocation between them left a board listing rows it held no code for, and at one
// allocation code() (noexcept) threw from substr and the program ended in
// std::terminate. With two threads the same happened when the calling thread's
// allocation failed while the second thread had the board take the results.
TEST(BoardColumnsHostile, AFailedAllocationLeavesTheBoardAsItWas) {
  for (const unsigned t : {1u, 2u}) {
    const kexie::Threads threads{t};
    std::string broken;  // the allocations whose failure left a board listing rows it lacks
    for (std::uint64_t n = 1;; ++n) {
      kexie::Scoreboard board;
      const std::unique_ptr<Built> a = grown_twice(&board, threads);
      const Picture before(board);
      bool fired = false;
      {
        kexie_test::FailAllocScope fail(n);
        try {
          (void)a->c->score(board, threads);
        } catch (const std::bad_alloc&) {
        }
        fired = kexie_test::FailAlloc::fired();
      }
      if (!fired) break;
      before.expect_unchanged(board, "allocation " + std::to_string(n) + " failed, " +
                                         std::to_string(t) + " thread(s)");
      // Listed entries must have their codes (no code is empty), and their tiers names.
      bool readable = true;
      for (std::size_t k = 0; k < board.entries.size() && readable; ++k) {
        const kexie::EntryId e = board.entries.entry(k);
        const kexie::Result<kexie::Entry> entry = a->c->entry(e);
        readable = entry && board.entries.code(e) == entry->spec.code;
      }
      if (!readable) {
        broken += " " + std::to_string(n);
        continue;  // its rows would be read past the columns' ends
      }
      for (const kexie::EntryResult& r : board.entries) {
        EXPECT_EQ(r.code, a->c->entry(r.entry)->spec.code);
      }
    }
    EXPECT_EQ(broken, "") << t << " thread(s): the failed allocations after which the board "
                          << "lists entries it holds no code for";
  }
}
