// Award tiers and the cusp report of Campaign::score(Scoreboard&, Threads) against an
// oracle: the linear walk per ranking group that score() used before the binary
// searches and the threaded writes of commit a2710f0, run here on the campaign's own
// standings(). Many small random campaigns and a few of thousands of entries (so the
// threaded parts really split the work) with quotas by share and by count, quotas of
// 0, minimum scores that stop a tier early (宁缺勿滥) or that nobody reaches, every
// BoundaryTies rule over long runs of equal totals, vetoed and incomplete entries,
// both ranking modes with several categories and cusp margins from 0 to beyond every
// total; every thread count must give the oracle's board, field for field.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "kexie/campaign.hpp"
#include "kexie/literals.hpp"
#include "kexie/registry.hpp"
#include "support/campaign_world.hpp"

using namespace kexie::literals;
using kexie::Decimal;

namespace {

constexpr int kScale = kexie::Rubric::kTotalScale;

// Categories the campaigns use (the third one gets a rubric but may stay empty).
constexpr kexie::Category kCategories[] = {kexie::Category::rationalization_proposals,
                                           kexie::Category::innovative_ideas,
                                           kexie::Category::technical_patents};

// One judged indicator worth the whole total (so total = the mark, 0–100 step 0.5)
// and a veto item.
kexie::Rubric single_mark_rubric() {
  const kexie::MarkScale hundred{Decimal(0), Decimal(100), "0.5"_dec};
  const std::vector<kexie::IndicatorSpec> specs = {
      {"A", "评分 mark", "", kexie::IndicatorKind::judged, Decimal(1), hundred, {}, {}},
      {"veto", "一票否决 veto", "", kexie::IndicatorKind::veto, {}, {}, {}, {}},
  };
  return kexie::Rubric::build("单项评分", specs).value();
}

// Marks up to 1 000 (step 0.0001) weighted 0.99999993 and 0.00000007: totals on a
// 10^-12 grid up to 1 000 points apart, 50 key bits; with 13 place bits and 2 group
// bits they do not pack into 64.
kexie::Rubric wide_rubric() {
  const kexie::MarkScale wide{Decimal(0), Decimal(1000), "0.0001"_dec};
  const std::vector<kexie::IndicatorSpec> specs = {
      {"A", "主评 main", "", kexie::IndicatorKind::judged, "0.99999993"_dec, wide, {}, {}},
      {"B", "细评 fine", "", kexie::IndicatorKind::judged, "0.00000007"_dec, wide, {}, {}},
      {"veto", "一票否决 veto", "", kexie::IndicatorKind::veto, {}, {}, {}, {}},
  };
  return kexie::Rubric::build("宽幅评分", specs).value();
}

// How a campaign's entries come out.
struct Shape {
  std::size_t entries = 0;
  int categories = 1;  // of kCategories used by entries (1..3)
  bool per_category = false;
  int distinct = 10;      // how many different marks (1: every total equal)
  int top = 200;          // the best mark, in half points (200 = 100.0)
  int vetoed_in_100 = 0;  // per hundred entries
  int incomplete_in_100 = 0;
  // Totals far apart on a fine grid (wide_rubric): too many key bits to pack with the
  // places, so each group is sorted by total apart (the ranking's other path).
  bool wide = false;
};

struct Built {
  kexie_test::World w;
  std::unique_ptr<kexie::Campaign> c;
  std::map<std::uint32_t, kexie::Category> category;  // by entry id
};

std::unique_ptr<Built> build(const Shape& shape, const kexie::AwardScheme& scheme,
                             std::mt19937_64& rng) {
  auto b = std::make_unique<Built>();
  kexie::CampaignSpec spec;
  spec.name = "奖项等级核对";
  spec.organizer = b->w.province;
  spec.as_of = "2025-11-30"_date;
  spec.year = 2024;
  spec.panel.min_judges = 1;
  spec.rank_per_category = shape.per_category;
  spec.awards = scheme;
  b->c = std::make_unique<kexie::Campaign>(b->w.registry, spec);
  for (kexie::Category cat : kCategories) {
    b->c->set_rubric(cat, shape.wide ? wide_rubric() : single_mark_rubric()).value();
  }
  const kexie::JudgeId judge = b->c->add_judge(b->w.experts[0]).value();
  const int base = shape.top - shape.distinct + 1;  // marks in [base, top] half points
  for (std::size_t i = 0; i < shape.entries; ++i) {
    auto e = kexie_test::proposal(b->w, "T-" + std::to_string(100000 + i),
                                  static_cast<int>(rng() % 2), static_cast<int>(rng() % 6), "0");
    e.category = kCategories[rng() % static_cast<std::uint64_t>(shape.categories)];
    const kexie::EntryId id = b->c->add_entry(e).value();
    b->category[id.value()] = e.category;
    b->c->assign(judge, id).value();
    const bool incomplete = static_cast<int>(rng() % 100) < shape.incomplete_in_100;
    if (!incomplete) {
      const int half_points =
          base + static_cast<int>(rng() % static_cast<std::uint64_t>(shape.distinct));
      if (!shape.wide) {
        b->c->mark(judge, id, "A", Decimal::from_coefficient(half_points * 5, 1).value()).value();
      } else {
        // A on a coarse step (runs of equal totals); B mostly 0, now and then anything.
        const int step = 1000 / std::max(shape.distinct - 1, 1);
        b->c->mark(judge, id, "A", Decimal(std::int64_t{(half_points - base) * step})).value();
        const std::int64_t fine = i % 4 == 0 ? static_cast<std::int64_t>(rng() % 10000000) : 0;
        b->c->mark(judge, id, "B", Decimal::from_coefficient(fine, 4).value()).value();
      }
    }
    if (static_cast<int>(rng() % 100) < shape.vetoed_in_100) {
      b->c->veto(judge, id, "veto", "抄袭").value();
    }
  }
  return b;
}

// Campaign::score's reading of a threshold at the totals' scale (a minimum rounds up,
// a margin down; beyond the range, beyond every total).
std::int64_t at_total_scale(const Decimal& d, kexie::Rounding mode) {
  auto r = d.rescaled(kScale, mode);
  if (r) return r->coefficient();
  return d.signum() < 0 ? INT64_MIN : INT64_MAX;
}

std::uint32_t quota_of(const kexie::AwardTier& t, std::size_t eligible) {
  if (t.by_count) return t.count;
  const Decimal places =
      kexie::multiply(Decimal(static_cast<std::int64_t>(eligible)), t.share, 0, t.rounding).value();
  return static_cast<std::uint32_t>(std::max<std::int64_t>(places.coefficient(), 0));
}

struct Expected {
  std::map<std::uint32_t, std::uint32_t> tier;  // by entry id; absent: no award
  std::vector<kexie::Cusp> cusps;
};

// The oracle: score()'s award loop before commit a2710f0, on standings(): per ranking
// group (in category order), the ranked entries by position, a linear walk per tier.
Expected oracle(const Built& b, const kexie::AwardScheme& scheme, bool per_category,
                const std::vector<kexie::Standing>& standings) {
  Expected out;
  std::map<int, std::vector<const kexie::Standing*>> groups;  // listed groups only
  for (const kexie::Standing& s : standings) {
    if (s.status == kexie::EntryStatus::incomplete) continue;
    const int g = per_category ? static_cast<int>(b.category.at(s.entry.value())) : 0;
    groups[g].push_back(&s);
  }
  const std::int64_t margin = at_total_scale(scheme.cusp_margin, kexie::Rounding::floor);
  for (auto& [g, members] : groups) {
    std::sort(members.begin(), members.end(),
              [](const kexie::Standing* x, const kexie::Standing* y) {
                return x->position < y->position;
              });
    std::vector<const kexie::Standing*> eligible;
    for (const kexie::Standing* s : members) {
      if (s->status == kexie::EntryStatus::ranked) eligible.push_back(s);
    }
    const auto total = [&](std::size_t k) {
      return eligible[k]->total.rescaled(kScale).value().coefficient();
    };
    std::size_t next = 0;
    for (std::uint32_t t = 0; t < scheme.tiers.size(); ++t) {
      const kexie::AwardTier& tier = scheme.tiers[t];
      const std::uint32_t quota = quota_of(tier, eligible.size());
      const std::int64_t min = at_total_scale(tier.min_score, kexie::Rounding::ceiling);
      std::size_t end = next;
      while (end < eligible.size() && end - next < quota && total(end) >= min) ++end;
      if (end > next && end < eligible.size() && end - next == quota &&
          total(end) == total(end - 1)) {
        const std::int64_t boundary = total(end - 1);
        if (scheme.boundary_ties == kexie::BoundaryTies::include_all) {
          while (end < eligible.size() && total(end) == boundary) ++end;
        } else if (scheme.boundary_ties == kexie::BoundaryTies::exclude_all) {
          while (end > next && total(end - 1) == boundary) --end;
        }
      }
      for (std::size_t k = next; k < end; ++k) out.tier[eligible[k]->entry.value()] = t;
      const bool awarded = end > next;
      const std::int64_t boundary = awarded ? total(end - 1) : min;
      const Decimal boundary_value =
          awarded ? Decimal::unchecked(boundary, kScale) : tier.min_score;
      const auto within = [&](std::int64_t v) {  // |v − boundary| ≤ margin, exactly
        const auto u = [](std::int64_t x) { return static_cast<std::uint64_t>(x); };
        const std::uint64_t d = v >= boundary ? u(v) - u(boundary) : u(boundary) - u(v);
        return d <= u(margin);
      };
      std::size_t k = next;
      while (k < eligible.size() && total(k) > boundary && !within(total(k))) ++k;
      for (; k < eligible.size() && (total(k) >= boundary || within(total(k))); ++k) {
        if (!within(total(k))) continue;
        const Decimal distance = awarded ? Decimal::unchecked(total(k) - boundary, kScale)
                                         : Decimal::unchecked(total(k), kScale) - tier.min_score;
        out.cusps.push_back({eligible[k]->entry, t, boundary_value, distance});
      }
      next = end;
    }
  }
  return out;
}

// A decimal as written: coefficient and scale (so 1.50 and 1.5 differ).
using Written = std::pair<std::int64_t, int>;
Written written(const Decimal& d) { return {d.coefficient(), d.scale()}; }

// A cusp, every field: entry, tier, boundary, distance.
using CuspRow = std::tuple<std::uint32_t, std::uint32_t, Written, Written>;

std::vector<CuspRow> cusp_rows(const std::vector<kexie::Cusp>& cusps) {
  std::vector<CuspRow> out;
  out.reserve(cusps.size());
  for (const kexie::Cusp& c : cusps) {
    out.emplace_back(c.entry.value(), c.tier, written(c.boundary), written(c.distance));
  }
  return out;
}

// One entry's fields that the awards touch: entry, status, total, rank, position, tier
// (-1: none) and whether the award is the scheme's name of the tier (empty when none).
using Row =
    std::tuple<std::uint32_t, int, Written, std::uint32_t, std::uint32_t, std::int64_t, bool>;

Row row(kexie::EntryId entry, kexie::EntryStatus status, const Decimal& total, std::uint32_t rank,
        std::uint32_t position, std::optional<std::uint32_t> tier) {
  return {entry.value(),
          static_cast<int>(status),
          written(total),
          rank,
          position,
          tier ? std::int64_t{*tier} : -1,
          true};
}

// The board's entries in its order.
std::vector<Row> rows(const kexie::Scoreboard& board, const kexie::AwardScheme& scheme) {
  std::vector<Row> out;
  out.reserve(board.entries.size());
  for (const kexie::EntryResult& r : board.entries) {
    Row x = row(r.entry, r.status, r.total, r.rank, r.position, r.tier);
    std::get<6>(x) = r.tier ? *r.tier < scheme.tiers.size() && r.award == scheme.tiers[*r.tier].name
                            : r.award.empty();
    out.push_back(x);
  }
  return out;
}

// "" when `got` is `want`; else where they first differ, printed.
template <class T>
std::string mismatch(const std::vector<T>& got, const std::vector<T>& want) {
  if (got == want) return "";
  std::size_t k = 0;
  while (k < got.size() && k < want.size() && got[k] == want[k]) ++k;
  std::string out = "sizes " + std::to_string(got.size()) + " and " + std::to_string(want.size()) +
                    ", first difference at " + std::to_string(k);
  if (k < got.size()) out += ": got " + testing::PrintToString(got[k]);
  if (k < want.size()) out += ", want " + testing::PrintToString(want[k]);
  return out;
}

// How many boards the checks looked at (so a generator that stops making awards or
// cusps is noticed).
struct Reach {
  std::size_t awarded = 0, cusps = 0, vetoed = 0, incomplete = 0, unawarded_cusps = 0;
};

// Scores the campaign on 1, 2, 3 and 7 threads (a fresh board and a reused one) and
// checks every board against the oracle and the one-thread board.
void check(const Shape& shape, const kexie::AwardScheme& scheme, std::mt19937_64& rng, Reach& reach,
           kexie::Scoreboard& reused) {
  const std::unique_ptr<Built> b = build(shape, scheme, rng);
  const std::vector<kexie::Standing> standings = b->c->standings().value();
  const Expected want = oracle(*b, scheme, shape.per_category, standings);
  const std::vector<CuspRow> want_cusps = cusp_rows(want.cusps);
  // What every board must say of each entry, by entry id: the standing's status, total,
  // rank and position, and the oracle's tier.
  std::vector<Row> want_rows;
  for (const kexie::Standing& s : standings) {
    const auto it = want.tier.find(s.entry.value());
    want_rows.push_back(
        row(s.entry, s.status, s.total, s.rank, s.position,
            it == want.tier.end() ? std::nullopt : std::optional<std::uint32_t>(it->second)));
  }
  std::sort(want_rows.begin(), want_rows.end());

  kexie::Scoreboard one;
  ASSERT_TRUE(b->c->score(one, kexie::Threads{1}));
  const std::vector<Row> one_rows = rows(one, scheme);
  const std::vector<CuspRow> one_cusps = cusp_rows(one.cusps);
  for (const unsigned threads : {1u, 2u, 3u, 7u}) {
    SCOPED_TRACE("threads " + std::to_string(threads));
    kexie::Scoreboard fresh;
    ASSERT_TRUE(b->c->score(fresh, kexie::Threads{threads}));
    ASSERT_TRUE(b->c->score(reused, kexie::Threads{threads}));
    for (const kexie::Scoreboard* board : {&fresh, &reused}) {
      std::vector<Row> got = rows(*board, scheme);
      const std::vector<CuspRow> got_cusps = cusp_rows(board->cusps);
      // The same board, in the same order, as on one thread.
      EXPECT_TRUE(got == one_rows);
      EXPECT_TRUE(got_cusps == one_cusps);
      EXPECT_EQ(board->digest(), one.digest());
      // The oracle's (the entries by id; the cusps in order).
      std::sort(got.begin(), got.end());
      EXPECT_EQ(mismatch(got, want_rows), "");
      EXPECT_EQ(mismatch(got_cusps, want_cusps), "");
    }
  }
  reach.awarded += want.tier.size();
  reach.cusps += want.cusps.size();
  for (const kexie::Cusp& c : want.cusps) {
    if (c.boundary == scheme.tiers[c.tier].min_score &&
        std::none_of(want.tier.begin(), want.tier.end(),
                     [&](const auto& kv) { return kv.second == c.tier; })) {
      ++reach.unawarded_cusps;
    }
  }
  for (const kexie::Standing& s : standings) {
    reach.vetoed += s.status == kexie::EntryStatus::vetoed ? 1 : 0;
    reach.incomplete += s.status == kexie::EntryStatus::incomplete ? 1 : 0;
  }
}

// A random tier: by share (every rounding, shares of 0 and 1) or by count (0, a few,
// more than there are entries), with no minimum, a minimum inside the marks (which
// stops the tier early) or one nobody reaches.
kexie::AwardTier random_tier(std::mt19937_64& rng, int t) {
  static const char* const shares[] = {"0", "0.1", "0.2", "0.25", "0.3", "0.333", "0.5", "1"};
  static const kexie::Rounding roundings[] = {kexie::Rounding::floor, kexie::Rounding::ceiling,
                                              kexie::Rounding::half_up, kexie::Rounding::half_even};
  static const char* const minimums[] = {"",   "",     "",    "90",    "95.5",
                                         "99", "99.5", "100", "100.5", "1000000000"};
  const std::string name = "奖" + std::to_string(t);
  const char* min_text = minimums[rng() % std::size(minimums)];
  const Decimal min = *min_text ? Decimal::parse(min_text).value() : Decimal();
  if (rng() % 3 == 0) {
    static const std::uint32_t counts[] = {0, 1, 2, 3, 7, 40, 1000, 5000, 4000000000u};
    return kexie::AwardTier::by_places(name, counts[rng() % std::size(counts)], min);
  }
  return kexie::AwardTier::by_share(name, Decimal::parse(shares[rng() % std::size(shares)]).value(),
                                    min, roundings[rng() % std::size(roundings)]);
}

kexie::AwardScheme random_scheme(std::mt19937_64& rng) {
  static const kexie::BoundaryTies ties[] = {kexie::BoundaryTies::break_by_chain,
                                             kexie::BoundaryTies::include_all,
                                             kexie::BoundaryTies::exclude_all};
  static const char* const margins[] = {"0", "0.5", "1", "2.5", "1000", "100000"};
  kexie::AwardScheme s;
  const int tiers = static_cast<int>(rng() % 5);  // 0..4
  for (int t = 0; t < tiers; ++t) s.tiers.push_back(random_tier(rng, t));
  s.boundary_ties = ties[rng() % 3];
  s.cusp_margin = Decimal::parse(margins[rng() % std::size(margins)]).value();
  return s;
}

Shape random_shape(std::mt19937_64& rng, std::size_t entries) {
  static const int distincts[] = {1, 1, 2, 3, 5, 20, 200};
  Shape s;
  s.entries = entries;
  s.categories = 1 + static_cast<int>(rng() % 3);
  s.per_category = rng() % 2 == 0;
  s.distinct = distincts[rng() % std::size(distincts)];
  s.top = 200 - static_cast<int>(rng() % 4);  // a best total of 100 down to 98.5
  s.vetoed_in_100 = static_cast<int>(rng() % 4) * 10;
  s.incomplete_in_100 = static_cast<int>(rng() % 3) * 10;
  return s;
}

TEST(AwardTiersOracle, SmallRandomCampaignsMatchTheLinearWalk) {
  std::mt19937_64 rng(20261129);
  Reach reach;
  kexie::Scoreboard reused;
  for (int round = 0; round < 160; ++round) {
    static const std::size_t sizes[] = {0, 1, 2, 3, 5, 8, 13, 30};
    const Shape shape = random_shape(rng, sizes[rng() % std::size(sizes)]);
    const kexie::AwardScheme scheme = random_scheme(rng);
    SCOPED_TRACE("round " + std::to_string(round));
    check(shape, scheme, rng, reach, reused);
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(reach.awarded, 100u);
  EXPECT_GT(reach.cusps, 100u);
  EXPECT_GT(reach.unawarded_cusps, 0u);
  EXPECT_GT(reach.vetoed, 0u);
  EXPECT_GT(reach.incomplete, 0u);
}

// Hand-picked corners: every total equal, for each tie rule; a tier whose quota ends
// inside a long run; a minimum that stops a tier at once; empty groups.
TEST(AwardTiersOracle, TiesMinimumsAndEmptyGroups) {
  std::mt19937_64 rng(7);
  Reach reach;
  kexie::Scoreboard reused;
  for (const kexie::BoundaryTies ties :
       {kexie::BoundaryTies::break_by_chain, kexie::BoundaryTies::include_all,
        kexie::BoundaryTies::exclude_all}) {
    for (const bool per_category : {false, true}) {
      kexie::AwardScheme s;
      s.boundary_ties = ties;
      s.cusp_margin = Decimal(0);
      s.tiers = {kexie::AwardTier::by_share("一等奖", "0.1"_dec),
                 kexie::AwardTier::by_places("二等奖", 3),
                 kexie::AwardTier::by_share("三等奖", "0.5"_dec, "100"_dec)};
      // Every total equal (100): the first tier's boundary falls inside the run.
      Shape all_equal{
          .entries = 40, .categories = 2, .per_category = per_category, .distinct = 1, .top = 200};
      check(all_equal, s, rng, reach, reused);
      // Two values, 100 and 99.5: the 99.5 run straddles the second tier's end, and
      // the third tier's minimum 100 stops it before any 99.5.
      Shape two{.entries = 60,
                .categories = 3,
                .per_category = per_category,
                .distinct = 2,
                .top = 200,
                .vetoed_in_100 = 20,
                .incomplete_in_100 = 10};
      check(two, s, rng, reach, reused);
      // Nobody reaches any minimum; every entry vetoed; every entry incomplete.
      kexie::AwardScheme none = s;
      for (kexie::AwardTier& t : none.tiers) t.min_score = "100.5"_dec;
      none.cusp_margin = "1"_dec;
      check(two, none, rng, reach, reused);
      Shape vetoed = two;
      vetoed.vetoed_in_100 = 100;
      check(vetoed, s, rng, reach, reused);
      Shape incomplete = two;
      incomplete.incomplete_in_100 = 100;
      check(incomplete, s, rng, reach, reused);
    }
  }
  EXPECT_GT(reach.awarded, 0u);
  EXPECT_GT(reach.unawarded_cusps, 0u);
}

// Thousands of entries: the eligible places are collected, and the awarded places and
// cusps written, by several parts (at least 1024 items a part).
TEST(AwardTiersOracle, LargeCampaignsSplitAcrossThreads) {
  std::mt19937_64 rng(1129);
  Reach reach;
  kexie::Scoreboard reused;
  for (int round = 0; round < 7; ++round) {
    Shape shape = random_shape(rng, round == 0 ? 7500 : 2500 + rng() % 2000);
    if (round == 6) {  // unpacked: every group sorted by total apart
      shape.entries = 5000;
      shape.wide = shape.per_category = true;
      shape.categories = 3;
    }
    shape.distinct = round % 2 == 0 ? 3 : 40;  // long runs straddling boundaries
    shape.vetoed_in_100 = 10;
    shape.incomplete_in_100 = round == 3 ? 0 : 10;
    kexie::AwardScheme scheme = random_scheme(rng);
    scheme.boundary_ties = static_cast<kexie::BoundaryTies>(round % 3);
    scheme.tiers.insert(scheme.tiers.begin(), kexie::AwardTier::by_share("大奖", "0.4"_dec));
    if (round % 2 == 1) scheme.cusp_margin = "100000"_dec;  // every eligible entry a cusp
    SCOPED_TRACE("round " + std::to_string(round));
    check(shape, scheme, rng, reach, reused);
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(reach.awarded, 5000u);
  EXPECT_GT(reach.cusps, 5000u);
}

}  // namespace
