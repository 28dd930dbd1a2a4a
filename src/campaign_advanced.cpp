// Advanced units (先进单位) and individuals (先进个人): per enterprise the entries,
// awarded entries, their exact total, participation and energy saved; per person
// the credit share × total over their awarded entries in the top tiers. Reads the
// campaign's HonoursIndex (campaign_honours.hpp), kept as entries are recorded, so
// a call streams a few flat arrays instead of visiting every EntryRecord; the
// EntryRecords are read only when an exact sum must be left to kexie::sum().
#include "campaign_advanced.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "campaign_state.hpp"
#include "detail/exact_sum.hpp"
#include "detail/fresh_pages.hpp"
#include "detail/int128.hpp"
#include "detail/radix_sort.hpp"
#include "kexie/registry.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

// What one call keeps per unit and per person; the campaign keeps it from call to call.
struct HonoursScratch {
  // A seat that counts: a team member's share of an entry awarded a top tier.
  struct Seat {
    std::int64_t term = 0;     // share × total: coefficient
    std::uint32_t entry = 0;   // entry index
    std::uint32_t person = 0;  // person index
    std::uint32_t seat = 0;    // index into HonoursIndex::seats: the order seats were met
    std::uint8_t scale = 0;    // share × total: scale
    std::uint8_t tier = 0;     // the entry's tier, when below 256 (else `wide_tier`)
    bool wide_tier = false;
  };
  // A person's run of seats in `by_person`.
  struct Person {
    std::uint32_t begin = 0, end = 0;
    std::uint32_t best_tier = 0;
    Decimal credit;
  };
  struct Ranked {
    int128 credit = 0;  // at Decimal::kMaxScale places
    std::uint32_t best_tier = 0;
    std::uint32_t person = 0;  // PersonId value
    std::uint32_t run = 0;     // index into `people`
  };
  std::vector<std::uint32_t> awarded;  // per unit
  std::vector<std::uint32_t> top;      // the entries awarded a top tier, in entry order
  std::vector<int128> awarded_sum;     // per unit, at kTotalScale
  std::vector<Seat> seats;             // in entry and team order
  std::vector<Seat> by_person;         // the same, by person index, stably
  std::vector<std::uint32_t> histogram;
  std::vector<Person> people;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> undecided;  // (first seat, run)
  std::vector<Ranked> ranked, ranked_tmp;
  std::vector<std::uint64_t> rank_words, rank_words_tmp;  // rank_by_key's sort
};

namespace {

// The campaign's scratch, or a fresh one while another call holds it.
class ScratchLease {
 public:
  explicit ScratchLease(const HonoursIndex& ix) : lock_(ix.scratch_mutex, std::try_to_lock) {
    if (lock_.owns_lock()) {
      if (!ix.scratch) ix.scratch = std::make_shared<HonoursScratch>();
      scratch_ = ix.scratch;
    } else {
      scratch_ = std::make_shared<HonoursScratch>();
    }
  }
  HonoursScratch& operator*() const noexcept { return *scratch_; }

 private:
  std::unique_lock<std::mutex> lock_;
  std::shared_ptr<HonoursScratch> scratch_;
};

// A hint to fetch the cache line at `p` (GCC and Clang; nothing elsewhere).
inline void prefetch(const void* p) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p);
#else
  (void)p;
#endif
}

// How many entries (or rows) ahead the random reads are fetched.
constexpr std::size_t kAhead = 8;

// coefficient × 10^(kMaxScale − scale): a decimal's value at 18 places, exact for
// every 64-bit coefficient at scales up to 18.
int128 at_max_scale(std::int64_t coefficient, int scale) noexcept {
  return int128{coefficient} * kPowersOfTen[static_cast<std::size_t>(Decimal::kMaxScale - scale)];
}

// Sorts `x.seats` by person index into `x.by_person`, keeping the order of the seats
// of one person: a counting sort (`people` person indices, one count each).
void sort_by_person(HonoursScratch& x, std::size_t people) {
  x.histogram.assign(people + 1, 0);
  for (const HonoursScratch::Seat& s : x.seats) ++x.histogram[s.person + 1];
  for (std::size_t p = 0; p < people; ++p) x.histogram[p + 1] += x.histogram[p];
  x.by_person.resize(x.seats.size());
  for (const HonoursScratch::Seat& s : x.seats) x.by_person[x.histogram[s.person]++] = s;
}

// Per unit, its awarded entries and the sum of their totals (at kTotalScale). A unit's
// counts are kept in registers while its entries follow one another (one unit's entries
// often do): an add to memory per entry would wait for the one before it.
[[gnu::noinline]] void tally_units(std::span<const std::uint16_t> tier_of,
                                   std::span<const std::int64_t> totals,
                                   const std::vector<std::uint32_t>& unit_of,
                                   std::uint32_t top_tiers, std::vector<std::uint32_t>& awarded,
                                   std::vector<int128>& awarded_sum,
                                   std::vector<std::uint32_t>& top) {
  const std::size_t n = unit_of.size();
  if (n == 0) return;
  const std::uint32_t* units = unit_of.data();
  const std::uint16_t* tiers = tier_of.data();
  const std::int64_t* total = totals.data();
  std::uint32_t unit = units[0], count = 0;
  int128 sum = 0;
  detail::size_for_overwrite(top, n);
  std::uint32_t* tops = top.data();
  std::size_t found = 0;
  const auto flush = [&] {
    awarded[unit] += count;
    awarded_sum[unit] += sum;
  };
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t u = units[i];
    if (u != unit) {
      flush();
      unit = u;
      count = 0;
      sum = 0;
    }
    // Without a branch: which entries are awarded follows no pattern.
    const std::uint32_t awarded_now = tiers[i] != 0 ? 1u : 0u;
    count += awarded_now;
    sum += total[i] & -static_cast<std::int64_t>(awarded_now);
    tops[found] = static_cast<std::uint32_t>(i);
    found += tiers[i] - 1u < top_tiers ? 1 : 0;  // no tier: 2^32 − 1
  }
  flush();
  top.resize(found);
}

// Sorts `x.ranked` (exact credits) by `before` (best tier first, then the larger
// credit, then the smaller person id). A comparison sort of 100 000 people mispredicts
// about every other comparison, so radix_sort_bits orders 64-bit words first: the tier,
// then the credit's highest significant bits (over the spread of the credits), larger
// first, then the person's index in `x.ranked` below the sorted bits. The words never
// order two people against `before`, so only runs of people with equal sorted bits
// (equal or nearly equal credits) are left, and each is sorted by `before` itself.
// False, with `x.ranked` as it was, for a tier beyond 255 (a comparison sort then
// does it all).
template <class Before>
bool rank_by_key(HonoursScratch& x, Before&& before) {
  std::vector<HonoursScratch::Ranked>& ranked = x.ranked;
  const std::size_t n = ranked.size();
  if (n < 2) return true;
  const auto order_bits = [](int128 c) {  // as unsigned, in the same order
    return static_cast<uint128>(c) ^ (uint128{1} << 127);
  };
  uint128 lo = order_bits(ranked[0].credit), hi = lo;
  for (const HonoursScratch::Ranked& r : ranked) {
    if (r.best_tier > 255) return false;
    lo = std::min(lo, order_bits(r.credit));
    hi = std::max(hi, order_bits(r.credit));
  }
  int spread = 0;
  for (uint128 d = hi - lo; d != 0; d >>= 1) ++spread;
  const int index_bits = static_cast<int>(std::bit_width(n - 1));  // at most 32
  const int credit_bits = 56 - index_bits;
  const int drop = std::max(0, spread - credit_bits);
  const std::uint64_t top = (std::uint64_t{1} << credit_bits) - 1;
  std::vector<std::uint64_t>& words = x.rank_words;
  words.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    const auto high = static_cast<std::uint64_t>((order_bits(ranked[k].credit) - lo) >> drop);
    words[k] = std::uint64_t{ranked[k].best_tier} << 56 | (top - high) << index_bits | k;
  }
  radix_sort_bits(words, x.rank_words_tmp, index_bits, 64 - index_bits);
  const std::uint64_t index_mask = (std::uint64_t{1} << index_bits) - 1;
  std::vector<HonoursScratch::Ranked>& sorted = x.ranked_tmp;
  sorted.resize(n);
  for (std::size_t k = 0; k < n; ++k) sorted[k] = ranked[words[k] & index_mask];
  for (std::size_t k = 0; k < n;) {
    std::size_t e = k + 1;
    while (e < n && words[e] >> index_bits == words[k] >> index_bits) ++e;
    if (e - k > 1) {
      std::sort(sorted.begin() + static_cast<std::ptrdiff_t>(k),
                sorted.begin() + static_cast<std::ptrdiff_t>(e), before);
    }
    k = e;
  }
  ranked.swap(sorted);
  return true;
}

}  // namespace

namespace {

Status tally_honours(const CampaignImpl& s, std::span<const std::uint16_t> tier_of,
                     std::span<const std::int64_t> totals,
                     std::vector<AdvancedUnit>& honoured_units,
                     std::vector<AdvancedIndividual>& honoured_people) {
  const CampaignSpec& spec = s.spec;
  const AwardScheme& scheme = spec.awards;
  const HonoursIndex& ix = s.honours;
  const std::size_t n = s.entries.size();
  honoured_units.clear();
  ScratchLease lease(ix);
  HonoursScratch& x = *lease;

  // One pass over the entries. Per unit: its awarded entries and the exact sum of
  // their totals. Every term is at kTotalScale, |term| < 2^63 and there are fewer than
  // 2^32 entries, so no running total comes near ExactSum's guard (10^37): its result
  // is settle(Σ, kTotalScale), or 0 with no term. Per seat that counts for the
  // individuals (a top tier, at least min_share): the person and share × total,
  // exactly as kexie::multiply gives it, met in entry and team order.
  const AdvancedIndividualRule& ir = scheme.individuals;
  const bool exact_min = ir.min_share.scale() <= Decimal::kMaxScale;
  const int128 min_share =
      exact_min ? at_max_scale(ir.min_share.coefficient(), ir.min_share.scale()) : 0;
  const auto counts = [&](const HonoursSeat& seat) {
    if (exact_min && seat.share_scale <= Decimal::kMaxScale) {
      return at_max_scale(seat.share, seat.share_scale) >= min_share;
    }
    return !(Decimal::unchecked(seat.share, seat.share_scale) < ir.min_share);
  };
  const auto product_of = [&](const HonoursSeat& seat, std::size_t i) {
    return multiply(Decimal::unchecked(seat.share, seat.share_scale),
                    fixed(totals[i], kTotalScale));
  };
  x.awarded.assign(ix.units.size(), 0);
  x.awarded_sum.assign(ix.units.size(), 0);
  x.seats.clear();
  // The first product multiply() refuses (entry, seat): its error is reported after the
  // units, where the code this replaced met it.
  std::optional<std::pair<std::size_t, std::uint32_t>> refused;
  tally_units(tier_of, totals, ix.unit_of, ir.top_tiers, x.awarded, x.awarded_sum, x.top);
  // The top-tier entries' seats: far apart, so fetched a few entries ahead (where
  // each team starts two steps ahead, its seats one step ahead).
  const std::size_t tops = x.top.size();
  for (std::size_t j = 0; j < tops; ++j) {
    if (j + 2 * kAhead < tops) prefetch(&ix.team_begin[x.top[j + 2 * kAhead]]);
    if (j + kAhead < tops) prefetch(&ix.seats[ix.team_begin[x.top[j + kAhead]]]);
    const std::size_t i = x.top[j];
    const std::uint32_t tier = tier_of[i] - 1u;
    for (std::uint32_t k = ix.team_begin[i]; k < ix.team_begin[i + 1]; ++k) {
      const HonoursSeat& seat = ix.seats[k];
      if (!counts(seat)) continue;
      HonoursScratch::Seat c;
      c.entry = static_cast<std::uint32_t>(i);
      c.person = seat.person;
      c.seat = k;
      c.tier = static_cast<std::uint8_t>(tier);
      c.wide_tier = tier > 255;
      const int scale = seat.share_scale + kTotalScale;
      const int128 product = int128{seat.share} * totals[i];
      if (scale <= Decimal::kMaxScale && product <= Decimal::kMaxCoefficient &&
          product >= -Decimal::kMaxCoefficient) {
        c.term = static_cast<std::int64_t>(product);
        c.scale = static_cast<std::uint8_t>(scale);
      } else if (Result<Decimal> d = product_of(seat, i)) {
        c.term = d->coefficient();
        c.scale = static_cast<std::uint8_t>(d->scale());
      } else {
        if (!refused) refused.emplace(i, k);
        continue;
      }
      x.seats.push_back(c);
    }
  }
  // kexie::sum() over the unit's terms, when the 128-bit sum could not decide.
  const auto unit_sum = [&](std::uint32_t org, bool awarded_totals) {
    std::vector<Decimal> terms;
    for (std::size_t i = 0; i < n; ++i) {
      if (s.entries[i].enterprise.value() != org) continue;
      if (!awarded_totals) {
        terms.push_back(s.entries[i].figures[figure_index(ClaimedFigure::energy_saved_tce)]);
      } else if (tier_of[i] != 0) {
        terms.push_back(fixed(totals[i], kTotalScale));
      }
    }
    return sum(terms);
  };
  // An exact sum that does not fit a decimal: sum()'s own error, saying whose sum.
  const auto too_wide = [](const Error& e, const std::string& whose) {
    return Error(e.code(), "advanced honours: " + whose + ": " + e.message(), e.rule(),
                 e.article());
  };
  const AdvancedUnitRule& ur = scheme.units;
  for (std::size_t k = 0; k < ix.units.size(); ++k) {
    const HonoursUnit& u = ix.units[k];
    AdvancedUnit au;
    au.unit = OrgId{u.org};
    au.entries = u.entries;
    au.awarded = x.awarded[k];
    const std::optional<Decimal> awarded_total =
        x.awarded[k] == 0 ? Decimal(0) : ExactSum::settle(x.awarded_sum[k], kTotalScale);
    if (awarded_total) {
      au.awarded_total = *awarded_total;
    } else if (Result<Decimal> exact = unit_sum(u.org, true)) {
      au.awarded_total = *exact;
    } else {
      return too_wide(exact.error(), "the awarded total of unit " + to_string(au.unit));
    }
    if (const std::optional<Decimal> tce = u.tce.result()) {
      au.tce_saved = *tce;
    } else if (Result<Decimal> exact = unit_sum(u.org, false)) {
      au.tce_saved = *exact;
    } else {
      return too_wide(exact.error(), "the energy saved by unit " + to_string(au.unit));
    }
    const std::size_t members = s.registry->count_members(au.unit, spec.as_of);
    au.participation_rate = members == 0 ? Decimal(0)
                                         : divide(Decimal(static_cast<std::int64_t>(u.people)),
                                                  Decimal(static_cast<std::int64_t>(members)), 4)
                                               .value();
    if (au.awarded >= ur.min_awarded_entries && au.awarded > 0 &&
        au.participation_rate >= ur.min_participation_rate && au.tce_saved >= ur.min_tce_saved) {
      honoured_units.push_back(au);
    }
  }
  std::sort(honoured_units.begin(), honoured_units.end(),
            [](const AdvancedUnit& a, const AdvancedUnit& b) {
              if (a.awarded != b.awarded) return a.awarded > b.awarded;
              if (a.awarded_total != b.awarded_total) return a.awarded_total > b.awarded_total;
              if (a.tce_saved != b.tce_saved) return a.tce_saved > b.tce_saved;
              return a.unit < b.unit;
            });
  if (ur.max_units > 0 && honoured_units.size() > ur.max_units) honoured_units.resize(ur.max_units);

  if (refused) {
    const std::size_t i = refused->first;
    return too_wide(product_of(ix.seats[refused->second], i).error(),
                    "the credit of " +
                        to_string(PersonId{ix.people[ix.seats[refused->second].person]}) +
                        " for entry " + s.codes[i]);
  }
  // Each person's seats in a run, in the order they were met: best tier and the exact
  // credit in one pass.
  sort_by_person(x, ix.people.size());
  x.people.clear();
  x.undecided.clear();
  const std::vector<HonoursScratch::Seat>& runs = x.by_person;
  for (std::size_t b = 0; b < runs.size();) {
    std::size_t e = b;
    ExactSum credit;
    std::uint32_t best = UINT32_MAX;
    for (; e < runs.size() && runs[e].person == runs[b].person; ++e) {
      const HonoursScratch::Seat& c = runs[e];
      const std::uint32_t tier = c.wide_tier ? tier_of[c.entry] - 1u : c.tier;
      best = std::min(best, tier);
      credit.add(c.term, c.scale);
    }
    HonoursScratch::Person p;
    p.begin = static_cast<std::uint32_t>(b);
    p.end = static_cast<std::uint32_t>(e);
    p.best_tier = best;
    if (std::optional<Decimal> value = credit.result()) {
      p.credit = *value;
    } else {
      x.undecided.emplace_back(runs[b].seat, static_cast<std::uint32_t>(x.people.size()));
    }
    x.people.push_back(p);
    b = e;
  }
  // kexie::sum() over a person's terms when the 128-bit sum could not decide, in the
  // order the people were first met (so a sum() error is the same one).
  std::sort(x.undecided.begin(), x.undecided.end());
  for (const auto& [first, run] : x.undecided) {
    HonoursScratch::Person& p = x.people[run];
    std::vector<Decimal> terms;
    for (std::uint32_t r = p.begin; r < p.end; ++r) {
      terms.push_back(product_of(ix.seats[runs[r].seat], runs[r].entry).value());  // fit before
    }
    Result<Decimal> credit = sum(terms);
    if (!credit) {
      return too_wide(credit.error(),
                      "the credit of " + to_string(PersonId{ix.people[runs[p.begin].person]}));
    }
    p.credit = *credit;
  }
  // Best tier first, then the larger credit, then the smaller id: a total order, so
  // any sort gives the one result.
  bool exact_keys = true;
  for (const HonoursScratch::Person& p : x.people) {
    if (p.credit.scale() > Decimal::kMaxScale) exact_keys = false;
  }
  x.ranked.clear();
  for (std::size_t r = 0; r < x.people.size(); ++r) {
    const HonoursScratch::Person& p = x.people[r];
    x.ranked.push_back({exact_keys ? at_max_scale(p.credit.coefficient(), p.credit.scale()) : 0,
                        p.best_tier, ix.people[runs[p.begin].person],
                        static_cast<std::uint32_t>(r)});
  }
  const auto before = [&](const HonoursScratch::Ranked& a, const HonoursScratch::Ranked& b) {
    if (a.best_tier != b.best_tier) return a.best_tier < b.best_tier;
    if (exact_keys) {
      if (a.credit != b.credit) return a.credit > b.credit;
    } else {
      const Decimal& ca = x.people[a.run].credit;
      const Decimal& cb = x.people[b.run].credit;
      if (ca != cb) return ca > cb;
    }
    return a.person < b.person;
  };
  std::size_t named = x.ranked.size();
  const bool few = ir.max_people > 0 && named > ir.max_people;
  if (few) named = ir.max_people;
  // A few of many named: the best of them; else all, by key where the credits are exact.
  if (few && named < x.ranked.size() / 4) {
    std::partial_sort(x.ranked.begin(), x.ranked.begin() + static_cast<std::ptrdiff_t>(named),
                      x.ranked.end(), before);
  } else if (!exact_keys || !rank_by_key(x, before)) {
    std::sort(x.ranked.begin(), x.ranked.end(), before);
  }
  // The rows, reusing those `honoured_people` holds (and their entry lists' storage).
  honoured_people.resize(named);
  for (std::size_t r = 0; r < named; ++r) {
    // The runs are visited in rank order, not where they lie: fetch a few rows ahead.
    if (r + 2 * kAhead < named) prefetch(&x.people[x.ranked[r + 2 * kAhead].run]);
    if (r + kAhead < named) {
      const HonoursScratch::Person& ahead = x.people[x.ranked[r + kAhead].run];
      prefetch(&runs[ahead.begin]);
      prefetch(&runs[ahead.end - 1]);
      prefetch(&honoured_people[r + kAhead]);
    }
    const HonoursScratch::Ranked& k = x.ranked[r];
    const HonoursScratch::Person& p = x.people[k.run];
    AdvancedIndividual& ai = honoured_people[r];
    ai.person = PersonId{k.person};
    ai.best_tier = p.best_tier;
    ai.credit = p.credit;
    ai.entries.resize(p.end - p.begin);
    for (std::uint32_t j = p.begin; j < p.end; ++j) {
      ai.entries[j - p.begin] = EntryId{runs[j].entry + 1};
    }
  }
  return {};
}

}  // namespace

Status advanced_honours(const CampaignImpl& s, std::span<const std::uint16_t> tier_of,
                        std::span<const std::int64_t> totals,
                        std::vector<AdvancedUnit>& honoured_units,
                        std::vector<AdvancedIndividual>& honoured_people) {
  Status st = tally_honours(s, tier_of, totals, honoured_units, honoured_people);
  if (!st) {  // no half-written honours beside an error
    honoured_units.clear();
    honoured_people.clear();
  }
  return st;
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie
