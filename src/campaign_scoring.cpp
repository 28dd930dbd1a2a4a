// Campaign evaluation, scoring, ranking and awards: every entry's total from
// its marks and objective values in exact integer arithmetic (values at 6
// places, totals at 14), the ranking groups sorted by radix on those totals with
// the tie-break chain for equal ones, the award tiers with their boundary ties
// and cusp report, advanced units and individuals, and the scoreboard's digest.
// The sorts and the SSE2 and AVX2 kernels live in detail/radix_sort and
// detail/score_kernel.
#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <exception>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>
#include <optional>
#include <span>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "campaign_advanced.hpp"
#include "campaign_state.hpp"
#include "detail/aggregate.hpp"
#include "detail/code_text.hpp"
#include "detail/fresh_pages.hpp"
#include "detail/int128.hpp"
#include "detail/parallel.hpp"
#include "detail/prefetch.hpp"
#include "detail/radix_sort.hpp"
#include "detail/score_kernel.hpp"
#include "detail/sha256.hpp"
#include "kexie/campaign.hpp"
#include "kexie/registry.hpp"
#include "kexie/text.hpp"

namespace kexie {
inline namespace v1 {

using detail::CampaignImpl;
using detail::CategoryState;
using detail::cell_of;
using detail::EntryHot;
using detail::EntryRecord;
using detail::EntryValues;
using detail::figure_index;
using detail::fixed;
using detail::kBatches;
using detail::kLanes;
using detail::kMaxBatchCells;
using detail::kNoMark;
using detail::kTotalScale;
using detail::kWeightUnit;
using detail::MarkDetail;
using detail::NormParams;
using detail::VetoRecord;

std::string_view to_string(EntryStatus status) noexcept { return enum_name(status); }

std::optional<EntryResult> Scoreboard::find(EntryId entry) const { return entries.find(entry); }

std::size_t Scoreboard::owned_bytes() const noexcept {
  std::size_t bytes = entries.owned_bytes() + units.capacity() * sizeof(AdvancedUnit) +
                      people.capacity() * sizeof(AdvancedIndividual) +
                      cusps.capacity() * sizeof(Cusp);
  if (digest_.capacity() > std::string().capacity()) bytes += digest_.capacity() + 1;
  for (const AdvancedIndividual& p : people) bytes += p.entries.capacity() * sizeof(EntryId);
  return bytes;
}

namespace detail {

std::vector<std::uint32_t> CampaignImpl::entries_by_code() const {
  std::vector<std::uint32_t> out;
  entries_by_code(out);
  return out;
}

void CampaignImpl::entries_by_code(std::vector<std::uint32_t>& into) const {
  update_code_order();
  into.assign(code_order.begin(), code_order.end());
}

void CampaignImpl::update_code_order() const {
  std::lock_guard<std::mutex> lock(order_mutex);
  const std::size_t known = code_order.size();
  if (known < entries.size()) {
    std::vector<std::uint32_t> fresh(entries.size() - known);
    std::iota(fresh.begin(), fresh.end(), static_cast<std::uint32_t>(known));
    const auto code_less = [&](std::uint32_t a, std::uint32_t b) { return codes[a] < codes[b]; };
    std::sort(fresh.begin(), fresh.end(), code_less);
    std::vector<std::uint32_t> merged;
    merged.reserve(entries.size());
    std::merge(code_order.begin(), code_order.end(), fresh.begin(), fresh.end(),
               std::back_inserter(merged), code_less);
    code_order.swap(merged);
  }
  if (code_place.size() != code_order.size()) {
    code_place.resize(code_order.size());
    for (std::size_t p = 0; p < code_order.size(); ++p) {
      code_place[code_order[p]] = static_cast<std::uint32_t>(p);
    }
  }
}

std::vector<NormParams> CampaignImpl::normalization(Category c) const {
  const CategoryState& cat = categories[static_cast<std::size_t>(c)];
  std::vector<NormParams> out(cat.judged_columns);
  if (!spec.panel.normalization.enabled) return out;
  // A fixed order (entries by code) makes the floating-point sums reproducible.
  std::vector<const EntryRecord*> order;
  for (const EntryRecord& e : entries) {
    if (e.spec.category == c) order.push_back(&e);
  }
  std::sort(order.begin(), order.end(),
            [](const EntryRecord* a, const EntryRecord* b) { return a->spec.code < b->spec.code; });
  const auto quantize = [](double x) {
    return static_cast<std::int64_t>(std::nearbyint(x * 1e6));  // 6 places, ties to even
  };
  for (std::uint32_t col = 0; col < cat.judged_columns; ++col) {
    std::unordered_map<std::uint32_t, std::vector<double>> by_judge;
    std::vector<double> all;
    std::vector<std::uint32_t> judge_order;
    for (const EntryRecord* e : order) {
      const std::int32_t* cells =
          marks.data() + hot[static_cast<std::size_t>(e - entries.data())].mark_offset;
      for (std::size_t slot = 0; slot < e->judges.size(); ++slot) {
        const std::int32_t v = cells[cell_of(cat.columns.size(), col, slot)];
        if (v == kNoMark) continue;
        const double x = v / 1e4;
        auto [it, fresh] = by_judge.try_emplace(e->judges[slot].value());
        if (fresh) judge_order.push_back(e->judges[slot].value());
        it->second.push_back(x);
        all.push_back(x);
      }
    }
    const auto stats = [](const std::vector<double>& xs, double& mean, double& sd) {
      double s = 0;
      for (double x : xs) s += x;
      mean = s / static_cast<double>(xs.size());
      double v = 0;
      for (double x : xs) v += (x - mean) * (x - mean);
      sd = std::sqrt(v / static_cast<double>(xs.size()));
    };
    NormParams& np = out[col];
    if (all.size() < 2) continue;
    double pm = 0, psd = 0;
    stats(all, pm, psd);
    np.panel_mean = quantize(pm);
    np.panel_sd = quantize(psd);
    np.panel_ok = np.panel_sd > 0;
    for (std::uint32_t j : judge_order) {
      const std::vector<double>& xs = by_judge[j];
      NormParams::Judge jp;
      jp.sample = static_cast<std::uint32_t>(xs.size());
      double jm = 0, jsd = 0;
      stats(xs, jm, jsd);
      jp.mean = quantize(jm);
      jp.sd = quantize(jsd);
      jp.applied = np.panel_ok && jp.sample >= spec.panel.normalization.min_sample && jp.sd > 0;
      np.judges.emplace(j, jp);
    }
  }
  return out;
}

void CampaignImpl::evaluate(std::size_t index, const std::vector<NormParams>* norm,
                            EntryValues& out, std::vector<std::vector<MarkDetail>>* detail) const {
  const EntryHot& h = hot[index];
  const CategoryState& cat = categories[h.category];
  // The full record (judge ids) is only read for normalization and explanations.
  const EntryRecord* full = (norm || detail) ? &entries[index] : nullptr;
  const auto columns = static_cast<std::uint32_t>(cat.columns.size());
  out.complete = true;
  out.column_value.assign(columns, 0);
  out.column_present.assign(columns, 0);
  out.judged_part = out.objective_part = out.bonus = out.total = 0;
  out.top_marks = 0;
  if (detail) detail->assign(columns, {});
  std::int32_t buf[64];
  std::uint32_t slot_of[64];
  const std::int32_t* cells = marks.data() + h.mark_offset;
  for (std::uint32_t col = 0; col < columns; ++col) {
    std::uint32_t n = 0;
    for (std::uint32_t slot = 0; slot < h.judges; ++slot) {
      std::int32_t v = cells[cell_of(columns, col, slot)];
      if (v == kNoMark) continue;
      if (v == cat.col_max[col]) ++out.top_marks;
      if (full == nullptr) {
        slot_of[n] = slot;
        buf[n++] = v;
        continue;
      }
      MarkDetail md{full->judges[slot], v, kNoMark, false};
      if (norm && col < cat.judged_columns) {
        const NormParams& np = (*norm)[col];
        auto it = np.judges.find(full->judges[slot].value());
        if (it != np.judges.end() && it->second.applied) {
          // panel_mean + (x − judge_mean) × panel_sd / judge_sd, exact then half-even.
          const detail::int128 x6 = detail::int128{v} * 100;
          const detail::int128 shifted = detail::round_div((x6 - it->second.mean) * np.panel_sd,
                                                           it->second.sd, Rounding::half_even);
          const detail::int128 y6 = np.panel_mean + shifted;
          detail::int128 y4 = detail::round_div(y6, 100, Rounding::half_even);
          detail::int128 lo = cat.col_min[col], hi = cat.col_max[col];
          // A banded indicator keeps a normalized mark within the entry's band.
          const Indicator& ind = cat.rubric->indicators()[cat.columns[col]];
          if (const MarkBand* band =
                  ind.bands.select(full->figures[figure_index(ind.bands.figure)])) {
            lo = band->min.rescaled(detail::kMarkScale).value().coefficient();
            hi = band->max.rescaled(detail::kMarkScale).value().coefficient();
          }
          y4 = std::clamp<detail::int128>(y4, lo, hi);
          v = static_cast<std::int32_t>(y4);
          md.normalized = v;
        }
      }
      if (detail) (*detail)[col].push_back(md);
      slot_of[n] = slot;
      buf[n++] = v;
    }
    const bool judged = col < cat.judged_columns;
    if (judged && n < spec.panel.min_judges) {
      out.complete = false;
      continue;
    }
    if (n == 0) continue;
    if (detail == nullptr) {
      std::int32_t scratch[64];
      const std::int64_t value =
          detail::aggregate_unsorted(buf, n, spec.panel.aggregation, scratch);
      out.column_value[col] = value;
      out.column_present[col] = 1;
      if (judged) {
        out.judged_part += value * cat.col_weight[col];
      } else {
        out.bonus += std::min(std::max<std::int64_t>(value, 0), cat.col_weight[col]) * kWeightUnit;
      }
      continue;
    }
    // Sort values (and, for explanations, which slot each came from) together.
    for (std::uint32_t i = 1; i < n; ++i) {
      const std::int32_t x = buf[i];
      const std::uint32_t sx = slot_of[i];
      std::uint32_t j = i;
      for (; j > 0 && buf[j - 1] > x; --j) {
        buf[j] = buf[j - 1];
        slot_of[j] = slot_of[j - 1];
      }
      buf[j] = x;
      slot_of[j] = sx;
    }
    detail::Kept kept;
    const std::int64_t value = detail::aggregate_sorted(buf, n, spec.panel.aggregation, kept);
    out.column_value[col] = value;
    out.column_present[col] = 1;
    if (detail && kept.applied == AggregationMethod::trimmed_mean) {
      for (std::uint32_t i = 0; i < n; ++i) {
        if (i >= kept.lo && i < kept.hi) continue;
        for (MarkDetail& md : (*detail)[col]) {
          if (md.judge == full->judges[slot_of[i]]) md.dropped = true;
        }
      }
    }
    if (judged) {
      out.judged_part += value * cat.col_weight[col];
    } else {
      out.bonus += std::min(std::max<std::int64_t>(value, 0), cat.col_weight[col]) * kWeightUnit;
    }
  }
  const std::int64_t* objective = objective_values.data() + h.objective_offset;
  out.objective_value.assign(objective, objective + cat.objective_weight.size());
  for (std::size_t k = 0; k < cat.objective_weight.size(); ++k) {
    out.objective_part += objective[k] * cat.objective_weight[k];
  }
  out.vetoes = 0;
  if (h.vetoed) {
    std::vector<JudgeId> vetoing;
    for (const VetoRecord& v : entries[index].vetoes) vetoing.push_back(v.judge);
    std::sort(vetoing.begin(), vetoing.end());
    out.vetoes =
        static_cast<std::uint32_t>(std::unique(vetoing.begin(), vetoing.end()) - vetoing.begin());
  }
  out.total = out.judged_part + out.objective_part + out.bonus;
}

}  // namespace detail

namespace {

// What ranking needs of one entry.
struct Core {
  std::int64_t total = 0;  // 14 places
  std::uint32_t rank = 0, position = 0;
  EntryStatus status = EntryStatus::ranked;
};

// The judged and objective parts of every total (14 places; the bonus is the rest),
// which only score() reports: written by entry in the scoring pass, and handed to the
// scoreboard's table as they are.
struct PartColumns {
  std::vector<std::int64_t> judged, objective;
};

std::uint32_t quota_of(const AwardTier& t, std::size_t eligible) {
  if (t.by_count) return t.count;
  const Decimal places =
      multiply(Decimal(static_cast<std::int64_t>(eligible)), t.share, 0, t.rounding).value();
  return static_cast<std::uint32_t>(std::max<std::int64_t>(places.coefficient(), 0));
}

// The tie-break keys of one entry, higher first, from its evaluated values.
void fill_keys(const CampaignImpl& s, std::size_t i, const EntryValues& values, Decimal* key) {
  const EntryRecord& e = s.entries[i];
  const CategoryState& cat = s.category(e);
  const Rubric& rubric = *cat.rubric;
  for (const TieBreak& tb : s.spec.tie_breaks) {
    switch (tb.kind) {
      case TieBreak::Kind::objective_total:
        *key = fixed(values.objective_part, kTotalScale);
        break;
      case TieBreak::Kind::top_marks:
        *key = Decimal(values.top_marks);
        break;
      case TieBreak::Kind::figure:
        *key = e.figures[figure_index(tb.figure_key)];
        break;
      case TieBreak::Kind::indicator: {
        *key = Decimal(-1'000'000);  // absent: below every real value
        if (auto idx = rubric.find(tb.code)) {
          if (auto col = cat.column_of.find(*idx); col != cat.column_of.end()) {
            if (values.column_present[col->second]) {
              *key = fixed(values.column_value[col->second], detail::kAggScale);
            }
          } else {
            const auto obj = rubric.objective();
            auto at = std::find(obj.begin(), obj.end(), *idx);
            if (at != obj.end()) {
              *key = fixed(values.objective_value[static_cast<std::size_t>(at - obj.begin())],
                           detail::kAggScale);
            }
          }
        }
        break;
      }
    }
    ++key;
  }
}

// The total of an entry whose N judges marked every column, for the plain mean and
// trims of at most one mark at each end — the common case, with the divisor a
// compile-time constant. Returns false (and nothing) when a mark is missing; the
// general kernel then decides. Same arithmetic as detail::aggregate_unsorted.
template <std::uint32_t N>
bool full_panel_total(const std::int32_t* base, const CategoryState& cat, const Aggregation& a,
                      std::int64_t& judged, std::int64_t& bonus) {
  const bool trims = a.method == AggregationMethod::trimmed_mean && N >= a.trim_from;
  const std::uint32_t low = trims ? a.drop_low : 0, high = trims ? a.drop_high : 0;
  const auto columns = static_cast<std::uint32_t>(cat.col_weight.size());
  for (std::uint32_t col = 0; col < columns; ++col) {
    std::int64_t sum = 0;
    std::int32_t lo = base[col], hi = base[col];
    bool missing = false;
    for (std::uint32_t k = 0; k < N; ++k) {
      const std::int32_t v = base[cell_of(columns, col, k)];
      missing |= v == kNoMark;
      sum += v;
      lo = v < lo ? v : lo;
      hi = v > hi ? v : hi;
    }
    if (missing) return false;
    sum -= low ? lo : 0;
    sum -= high ? hi : 0;
    std::int64_t value;
    if (low + high == 0) {
      value = detail::div_half_even(sum * 100, N);
    } else if (low + high == 1) {
      value = detail::div_half_even(sum * 100, N - 1);
    } else {
      value = detail::div_half_even(sum * 100, N > 2 ? N - 2 : 1);
    }
    if (col < cat.judged_columns) {
      judged += value * cat.col_weight[col];
    } else {
      bonus += std::min(std::max<std::int64_t>(value, 0), cat.col_weight[col]) * kWeightUnit;
    }
  }
  return true;
}

using FullPanelFn = bool (*)(const std::int32_t*, const CategoryState&, const Aggregation&,
                             std::int64_t&, std::int64_t&);
constexpr FullPanelFn kFullPanel[] = {nullptr,
                                      full_panel_total<1>,
                                      full_panel_total<2>,
                                      full_panel_total<3>,
                                      full_panel_total<4>,
                                      full_panel_total<5>,
                                      full_panel_total<6>,
                                      full_panel_total<7>,
                                      full_panel_total<8>,
                                      full_panel_total<9>};

// The kept mean of one column at 6 places, from the sum `kept` of the D marks kept
// (4 places); D = 0 when the count `d` is only known at run time. When D divides
// 100 the quotient is exact and the half-even rounding has nothing to do.
template <std::uint32_t D>
std::int64_t kept_value(std::int64_t kept, std::uint32_t d) noexcept {
  if constexpr (D == 0) {
    return detail::div_half_even_small(kept * 100, d);
  } else if constexpr (100 % D == 0) {
    (void)d;
    return kept * (100 / D);
  } else {
    (void)d;
    return detail::div_half_even(kept * 100, D);
  }
}

// The judged and bonus parts of the lanes of a batch without a missing mark, from
// their kept sums (`kept[lane * columns + col]`); the same arithmetic as
// full_panel_total. When D divides 100 a judged column adds kept × (100 / D × weight),
// the same integer as value × weight with one multiplication fewer.
template <std::uint32_t D>
void batch_parts(const std::int32_t* kept, std::uint32_t lanes, unsigned missing, std::uint32_t d,
                 const CategoryState& cat, std::int64_t* judged, std::int64_t* bonus) {
  const auto columns = static_cast<std::uint32_t>(cat.col_weight.size());
  constexpr bool exact = D != 0 && 100 % D == 0;
  std::int64_t coef[kMaxBatchCells];
  if constexpr (exact) {
    for (std::uint32_t col = 0; col < cat.judged_columns; ++col) {
      coef[col] = (100 / D) * cat.col_weight[col];
    }
  }
  for (std::uint32_t lane = 0; lane < lanes; ++lane) {
    if (missing & (1u << lane)) continue;
    std::int64_t j = 0, b = 0;
    for (std::uint32_t col = 0; col < cat.judged_columns; ++col) {
      if constexpr (exact) {
        j += std::int64_t{kept[lane * columns + col]} * coef[col];
      } else {
        j += kept_value<D>(kept[lane * columns + col], d) * cat.col_weight[col];
      }
    }
    for (std::uint32_t col = cat.judged_columns; col < columns; ++col) {
      const std::int64_t value = kept_value<D>(kept[lane * columns + col], d);
      b += std::min(std::max<std::int64_t>(value, 0), cat.col_weight[col]) * kWeightUnit;
    }
    judged[lane] = j;
    bonus[lane] = b;
  }
}

using BatchPartsFn = void (*)(const std::int32_t*, std::uint32_t, unsigned, std::uint32_t,
                              const CategoryState&, std::int64_t*, std::int64_t*);
constexpr BatchPartsFn kBatchParts[] = {
    batch_parts<0>, batch_parts<1>, batch_parts<2>, batch_parts<3>, batch_parts<4>,
    batch_parts<5>, batch_parts<6>, batch_parts<7>, batch_parts<8>, batch_parts<9>};

// One ranking group: its size, its range of totals and the unit they are all
// multiples of, and, when the groups are sorted apart (totals too far apart to pack
// with their places), its members (storage kept from call to call).
struct RankGroup {
  std::size_t size = 0;
  std::int64_t lo = INT64_MAX, hi = INT64_MIN;
  std::uint64_t unit = 0;
  std::vector<std::uint32_t> members;  // unpacked: in code order, then sorted
  void reset() {
    size = 0;
    lo = INT64_MAX;
    hi = INT64_MIN;
    unit = 0;
    members.clear();
  }
};

// A ranking group with members, in listing order: where it lies in the listing and
// how a sort key gives its total back (total = hi − key × unit).
struct ListedGroup {
  std::size_t group = 0;           // index in Scored::groups
  std::size_t begin = 0, end = 0;  // listing places
  std::uint64_t hi = 0, unit = 1;
  int shift = 0;              // trailing zero bits of unit
  std::uint64_t inverse = 1;  // of unit's odd part, mod 2^64
  std::uint64_t limit = 0;    // the largest quotient of an exact division by the odd part
  int key_bits = 0;
};

// The packed listing: every entry's sort item, (listed group, key, entry index) from
// the high bits down, the incomplete entries under a group after every real one,
// written at the entry's place in code order, so one stable radix sort on (group,
// key) lists the whole campaign, equal totals in code order, and the listing reads
// each entry's index from its item.
struct Packing {
  bool packed = false;
  bool flagged = false;  // a vetoed entry's item has bit 63 set (a bit left above the rest)
  int place_bits = 0;    // the low field: an entry index (bit width of the last index)
  int key_bits = 0, group_bits = 0;
  std::size_t ranked = 0;            // listing places of scored entries; the incomplete follow
  std::vector<ListedGroup> listed;   // the groups with members, in listing order
  std::vector<std::uint64_t> items;  // at code places, then sorted: by listing place
};

// Every entry's total and status, from one pass over the marks in entry order.
struct Scored {
  std::vector<std::int64_t> total;                      // by entry, 14 places; 0 when incomplete
  std::vector<EntryStatus> status;                      // by entry
  std::array<std::int64_t, kCategoryCount> lo{}, hi{};  // range of the scored totals
  std::array<std::uint32_t, kCategoryCount> scored{};   // entries with a total
  std::size_t incomplete = 0;
  std::array<std::vector<NormParams>, kCategoryCount> norm;
  std::vector<RankGroup> groups;                // rank_all's groups
  std::vector<std::uint64_t> tmp, sorted_keys;  // rank_all's sort scratch
  Packing packing;                              // rank_all's listing when it packs
};

void score_all(const CampaignImpl& s, Scored& out, PartColumns* parts, Threads threads) {
  const CampaignSpec& spec = s.spec;
  const bool normalize = spec.panel.normalization.enabled;
  if (normalize) {
    for (std::size_t c = 0; c < kCategoryCount; ++c) {
      if (s.categories[c].rubric) out.norm[c] = s.normalization(static_cast<Category>(c));
    }
  }
  const Aggregation& a = spec.panel.aggregation;
  const bool fast = !normalize && a.method != AggregationMethod::median && a.drop_low <= 1 &&
                    a.drop_high <= 1 && spec.panel.min_judges >= 1;
  const std::size_t n = s.entries.size();
  // Every slot is written below (a total, or incomplete with 0): no fill needed
  // when the storage is reused.
  out.total.resize(n);
  out.status.resize(n);
  if (parts) {
    detail::size_for_overwrite(parts->judged, n);
    detail::size_for_overwrite(parts->objective, n);
  }
  const std::uint32_t width = s.width();
  // Per part: the range of totals per category and the counts, merged after.
  struct Tally {
    std::array<std::int64_t, kCategoryCount> lo{}, hi{};
    std::array<std::uint32_t, kCategoryCount> scored{};
    std::size_t incomplete = 0;
  };
  // Categories whose batches the AVX2 kernel weights itself: judged columns only,
  // each weight within 32 bits (a global weight at 8 places is at most 10^8).
  std::array<std::vector<std::int32_t>, kCategoryCount> weight32;
  std::array<bool, kCategoryCount> weighs{};
  for (std::size_t c = 0; c < kCategoryCount; ++c) {
    const CategoryState& cat = s.categories[c];
    weighs[c] = cat.rubric && cat.judged_columns == cat.col_weight.size();
    for (std::uint32_t col = 0; weighs[c] && col < cat.judged_columns; ++col) {
      const std::int64_t w = cat.col_weight[col];
      weighs[c] = w >= INT32_MIN && w <= INT32_MAX;
      weight32[c].push_back(static_cast<std::int32_t>(w));
    }
  }
  // Categories scored from the marks as steps, a byte a mark (campaign_mark_steps.hpp), when the
  // AVX2 kernels batch: the same integers from a quarter of the bytes.
  std::array<bool, kCategoryCount> stepped{};
  for (std::size_t c = 0; c < kCategoryCount; ++c) {
    stepped[c] =
        kBatches && fast && detail::avx2_available() && detail::steps_fit(s.categories[c], width);
  }
  const std::uint8_t* const steps = std::find(stepped.begin(), stepped.end(), true) != stepped.end()
                                        ? s.steps.bytes(s, threads)
                                        : nullptr;
  const std::size_t part_total = detail::part_count(n, threads.count, 512);
  std::vector<Tally> tallies(part_total);
  detail::parallel_parts(
      threads, n, part_total, detail::kMaxLanes,
      [&](std::size_t part, std::size_t begin, std::size_t end) {
        // The part's own tally, stored once at the end: tallies side by side in one
        // vector share cache lines, and every entry updates its part's.
        Tally t;
        t.lo.fill(INT64_MAX);
        t.hi.fill(INT64_MIN);
        // The arrays' addresses held here: a status is a byte, whose stores the compiler
        // must otherwise assume may change any vector's address.
        const EntryHot* const hot = s.hot.data();
        std::int64_t* const total_of = out.total.data();
        EntryStatus* const status_of = out.status.data();
        const auto record = [&](std::size_t i, std::int64_t judged, std::int64_t objective,
                                std::int64_t bonus, EntryStatus status) {
          const std::int64_t total = judged + objective + bonus;
          const std::size_t c = hot[i].category;
          total_of[i] = total;
          status_of[i] = status;
          t.lo[c] = std::min(t.lo[c], total);
          t.hi[c] = std::max(t.hi[c], total);
          ++t.scored[c];
          if (parts) {
            parts->judged[i] = judged;
            parts->objective[i] = objective;
          }
        };
        const auto objective_part = [&](std::size_t i) {
          const EntryHot& h = hot[i];
          const CategoryState& cat = s.categories[h.category];
          if (cat.objective_weight.empty()) return std::int64_t{0};
          const std::int64_t* obj = s.objective_values.data() + h.objective_offset;
          std::int64_t sum = 0;
          for (std::size_t k = 0; k < cat.objective_weight.size(); ++k) {
            sum += obj[k] * cat.objective_weight[k];
          }
          return sum;
        };
        // Entries that can take the fast path: a panel large enough, no veto to count.
        const auto min_judges = spec.panel.min_judges;
        const auto plain = [&](const EntryHot& h) {
          return fast && h.judges >= min_judges && !h.vetoed;
        };
        EntryValues values;
        const auto general = [&](std::size_t i) {
          const EntryHot& h = s.hot[i];
          if (plain(h) && h.judges <= 9) {
            std::int64_t judged = 0, bonus = 0;
            if (kFullPanel[h.judges](s.marks.data() + h.mark_offset, s.categories[h.category], a,
                                     judged, bonus)) {
              record(i, judged, objective_part(i), bonus, EntryStatus::ranked);
              return;
            }
          }
          s.evaluate(i, normalize ? &out.norm[h.category] : nullptr, values, nullptr);
          if (!values.complete) {
            out.total[i] = 0;
            out.status[i] = EntryStatus::incomplete;
            if (parts) parts->judged[i] = parts->objective[i] = 0;
            ++t.incomplete;
            return;
          }
          record(i, values.judged_part, values.objective_part, values.bonus,
                 values.vetoes >= spec.panel.veto_threshold ? EntryStatus::vetoed
                                                            : EntryStatus::ranked);
        };
        // Eight entries a batch with AVX2, four with SSE2 (the same sums).
        const std::uint32_t lanes = detail::avx2_available() ? detail::kMaxLanes : kLanes;
        std::int32_t kept[kMaxBatchCells * detail::kMaxLanes];
        const std::int32_t* const marks = s.marks.data();
        // The scales of the steps' kernels, made again when the kind of batch changes.
        detail::StepScales scales;
        std::uint32_t scales_kind = UINT32_MAX;
        for (std::size_t i = begin; i < end;) {
          const EntryHot& h = hot[i];
          const CategoryState& cat = s.categories[h.category];
          const auto cells = static_cast<std::uint32_t>(cat.columns.size()) * width;
          bool batch = kBatches && i + lanes <= end && plain(h) && cells <= kMaxBatchCells;
          for (std::uint32_t j = 1; batch && j < lanes; ++j) {
            const EntryHot& other = hot[i + j];
            batch = other.category == h.category && other.judges == h.judges && !other.vetoed;
          }
          if (!batch) {
            general(i++);
            continue;
          }
          const std::uint32_t panel = h.judges;
          const bool trims = a.method == AggregationMethod::trimmed_mean && panel >= a.trim_from;
          const bool low = trims && a.drop_low != 0, high = trims && a.drop_high != 0;
          const std::uint32_t d = panel - (low ? 1 : 0) - (high ? 1 : 0);
          const std::int32_t* entry[detail::kMaxLanes];
          const std::uint8_t* by_step[detail::kMaxLanes];
          const bool from_steps = lanes == detail::kMaxLanes && stepped[h.category] &&
                                  panel > (low ? 1U : 0U) + (high ? 1U : 0U);
          for (std::uint32_t j = 0; j < lanes; ++j) {
            entry[j] = marks + hot[i + j].mark_offset;
            if (from_steps) by_step[j] = steps + hot[i + j].mark_offset;
          }
          const auto columns = static_cast<std::uint32_t>(cat.columns.size());
          if (from_steps) {
            // The steps 2 KiB past the batch's, asked for now (prefetch.hpp).
            const auto span = static_cast<std::size_t>(by_step[lanes - 1] - by_step[0]) + 64;
            for (std::size_t k = 0; k < span; k += 64) detail::prefetch_read(by_step[0], 2048 + k);
            const std::uint32_t kind = static_cast<std::uint32_t>(h.category) << 10 | panel << 2 |
                                       (low ? 2U : 0U) | (high ? 1U : 0U);
            if (kind != scales_kind) {
              scales.set(columns, d, cat.col_min.data(), cat.col_step.data(),
                         weighs[h.category] ? weight32[h.category].data() : nullptr);
              scales_kind = kind;
            }
          }
          if (lanes == detail::kMaxLanes && weighs[h.category] && 100 % d == 0) {
            // Every column keeps d marks and d divides 100: the judged part is
            // (100 / d) × Σ kept × weight, the same integer as Σ (kept × 100 / d) × weight.
            std::int64_t weighted[detail::kMaxLanes];
            const unsigned missing =
                from_steps ? detail::weighted_kept_sums_from_steps_avx2(by_step, panel, low, high,
                                                                        scales, weighted)
                           : detail::weighted_kept_sums_avx2(entry, columns, panel, low, high,
                                                             weight32[h.category].data(), weighted);
            const std::int64_t mean_factor = 100 / d;
            for (std::uint32_t j = 0; j < lanes; ++j) {
              if (missing & (1u << j)) {
                general(i + j);
              } else {
                record(i + j, weighted[j] * mean_factor, objective_part(i + j), 0,
                       EntryStatus::ranked);
              }
            }
            i += lanes;
            continue;
          }
          const unsigned missing =
              from_steps
                  ? detail::kept_sums_from_steps_avx2(by_step, panel, low, high, scales, kept)
              : lanes == detail::kMaxLanes
                  ? detail::kept_sums_avx2(entry, columns, panel, low, high, kept)
                  : detail::kept_sums(entry, columns, panel, low, high, kept);
          std::int64_t judged[detail::kMaxLanes] = {}, bonus[detail::kMaxLanes] = {};
          kBatchParts[d <= 9 ? d : 0](kept, lanes, missing, d, cat, judged, bonus);
          for (std::uint32_t j = 0; j < lanes; ++j) {
            if (missing & (1u << j)) {
              general(i + j);
            } else {
              record(i + j, judged[j], objective_part(i + j), bonus[j], EntryStatus::ranked);
            }
          }
          i += lanes;
        }
        tallies[part] = t;
      });
  out.lo.fill(INT64_MAX);
  out.hi.fill(INT64_MIN);
  out.scored.fill(0);
  out.incomplete = 0;
  for (const Tally& t : tallies) {
    for (std::size_t c = 0; c < kCategoryCount; ++c) {
      out.lo[c] = std::min(out.lo[c], t.lo[c]);
      out.hi[c] = std::max(out.hi[c], t.hi[c]);
      out.scored[c] += t.scored[c];
    }
    out.incomplete += t.incomplete;
  }
}

// The unit every total of a category is a multiple of: each part of a total sums
// products with the category's weights (judged and objective leaves at 8 places,
// capped bonuses × 10^8), so their gcd divides it. Sorting on total ÷ unit takes
// fewer radix passes.
std::uint64_t total_unit(const CategoryState& cat) {
  std::uint64_t g = 0;
  const auto take = [&g](std::int64_t w) {
    g = std::gcd(g, static_cast<std::uint64_t>(w < 0 ? -w : w));
  };
  for (std::uint32_t col = 0; col < cat.judged_columns; ++col) take(cat.col_weight[col]);
  if (cat.col_weight.size() > cat.judged_columns) take(kWeightUnit);
  for (const std::int64_t w : cat.objective_weight) take(w);
  return g == 0 ? 1 : g;
}

// The fewest entries a thread takes in the ranking's passes (sort items, listing).
constexpr std::size_t kMinListPart = 1024;

// The scratch of the tie-break chain, one per thread listing.
struct RunScratch {
  EntryValues values;
  std::vector<Decimal> keys;
  std::vector<std::uint32_t> run_index, slots;
};

// Emits the run of equal totals at listing places [lo, hi) of a group whose first
// place is `base` (`at(p)` is the entry at place p and its status, the run in code
// order): the tie-break chain orders it, the code ends the chain. Calls emit(group,
// entry, total, rank, position, status).
template <class At, class Emit>
void emit_run(const CampaignImpl& s, const Scored& scored, std::size_t group, std::size_t base,
              std::size_t lo, std::size_t hi, std::int64_t total, At&& at, RunScratch& rs,
              Emit&& emit) {
  const std::size_t k_count = s.spec.tie_breaks.size();
  const auto rank = static_cast<std::uint32_t>(lo - base + 1);
  if (hi - lo == 1 || k_count == 0) {
    for (std::size_t p = lo; p < hi; ++p) {
      const auto [i, status] = at(p);
      emit(group, i, total, rank, static_cast<std::uint32_t>(p - base + 1), status);
    }
    return;
  }
  const bool normalize = s.spec.panel.normalization.enabled;
  // Keys of this run, by position in the run.
  rs.keys.assign((hi - lo) * k_count, Decimal());
  rs.run_index.clear();
  for (std::size_t p = lo; p < hi; ++p) rs.run_index.push_back(at(p).first);
  for (std::size_t r = 0; r < rs.run_index.size(); ++r) {
    const std::uint32_t i = rs.run_index[r];
    s.evaluate(i, normalize ? &scored.norm[s.hot[i].category] : nullptr, rs.values, nullptr);
    fill_keys(s, i, rs.values, rs.keys.data() + r * k_count);
  }
  // The run is in code order already; a stable sort on the keys keeps it so.
  rs.slots.resize(rs.run_index.size());
  std::iota(rs.slots.begin(), rs.slots.end(), 0u);
  std::stable_sort(rs.slots.begin(), rs.slots.end(), [&](std::uint32_t x, std::uint32_t y) {
    for (std::size_t j = 0; j < k_count; ++j) {
      const Decimal& kx = rs.keys[x * k_count + j];
      const Decimal& ky = rs.keys[y * k_count + j];
      if (kx != ky) return kx > ky;
    }
    return false;
  });
  for (std::size_t r = 0; r < rs.slots.size(); ++r) {
    const std::uint32_t i = rs.run_index[rs.slots[r]];
    emit(group, i, total, rank, static_cast<std::uint32_t>(lo - base + r + 1), scored.status[i]);
  }
}

// Gives `g` the unit `unit` if every total of the group (from hi down to `lo`) is
// a multiple of it as far as its lowest total tells; the key bits follow.
bool set_unit(ListedGroup& g, std::uint64_t unit, std::int64_t lo) {
  const std::uint64_t span = g.hi - static_cast<std::uint64_t>(lo);
  const int shift = std::countr_zero(unit);
  const std::uint64_t odd = unit >> shift;
  const std::uint64_t inverse = detail::inverse_mod_2_64(odd);
  const std::uint64_t limit = UINT64_MAX / odd;
  const std::uint64_t key = (span >> shift) * inverse;
  if ((span & ((std::uint64_t{1} << shift) - 1)) != 0 || key > limit) return false;
  g.unit = unit;
  g.shift = shift;
  g.inverse = inverse;
  g.limit = limit;
  g.key_bits = static_cast<int>(std::bit_width(key));
  return true;
}

// Every entry's sort item at its code place (see Packing), on up to `threads`
// threads. False when a total is not a multiple of its group's unit (a sampled
// factor that does not divide every total): the items are then to be made again.
bool make_items(const CampaignImpl& s, Scored& scored,
                const std::array<std::uint8_t, kCategoryCount>& listed_of, Threads threads) {
  Packing& pk = scored.packing;
  const std::size_t n = s.entries.size();
  pk.items.resize(n);
  const int pb = pk.place_bits;
  const int group_shift = pk.key_bits + pb;  // < 64 when there are group bits
  const std::uint64_t incomplete_group =
      pk.group_bits == 0 ? 0 : static_cast<std::uint64_t>(pk.listed.size()) << group_shift;
  const bool single = pk.listed.size() <= 1;
  const std::uint64_t vetoed_bit = pk.flagged ? std::uint64_t{1} << 63 : 0;
  const std::size_t parts = detail::part_count(n, threads.count, kMinListPart);
  std::vector<std::uint8_t> failed(parts, 0);
  detail::parallel_parts(
      threads, n, parts, 1, [&](std::size_t part, std::size_t begin, std::size_t end) {
        std::uint64_t* items = pk.items.data();
        bool fail = false;
        for (std::size_t i = begin; i < end; ++i) {
          const std::uint64_t place = s.code_place[i];
          if (scored.status[i] == EntryStatus::incomplete) {
            items[place] = incomplete_group | i;
            continue;
          }
          const std::size_t d = single ? 0 : listed_of[s.hot[i].category];
          const ListedGroup& g = pk.listed[d];
          const std::uint64_t diff = g.hi - static_cast<std::uint64_t>(scored.total[i]);
          const std::uint64_t key = (diff >> g.shift) * g.inverse;
          fail |= (diff & ((std::uint64_t{1} << g.shift) - 1)) != 0;
          fail |= key > g.limit;
          const std::uint64_t group = pk.group_bits == 0 ? 0 : std::uint64_t{d} << group_shift;
          const std::uint64_t veto =
              scored.status[i] == EntryStatus::vetoed ? vetoed_bit : std::uint64_t{0};
          items[place] = veto | group | key << pb | i;
        }
        failed[part] = fail ? 1 : 0;
      });
  return std::find(failed.begin(), failed.end(), 1) == failed.end();
}

// Scores every entry (score_all) and sorts the ranking groups: packed (one radix
// sort of every entry's item on its group and key, Packing) when the bits allow it,
// else each group's members by total apart. emit_listing then lists them. Runs
// `beside(sorted)` once, if given: beside the sort's bucket passes on one of the
// threads, reading the sorted items as far as `sorted` reaches (radix_sort_bits), else
// after the sort.
void prepare_ranking(const CampaignImpl& s, Scored& scored, PartColumns* parts, Threads threads,
                     const std::function<void(const detail::SortedPrefix&)>& beside = {}) {
  const CampaignSpec& spec = s.spec;
  score_all(s, scored, parts, threads);
  s.update_code_order();
  const std::size_t n = s.entries.size();
  const std::size_t group_count = spec.rank_per_category ? kCategoryCount : 1;
  std::vector<RankGroup>& groups = scored.groups;
  groups.resize(group_count);
  for (RankGroup& g : groups) g.reset();
  for (std::size_t c = 0; c < kCategoryCount; ++c) {
    if (scored.scored[c] == 0) continue;
    RankGroup& g = groups[spec.rank_per_category ? c : 0];
    g.size += scored.scored[c];
    g.lo = std::min(g.lo, scored.lo[c]);
    g.hi = std::max(g.hi, scored.hi[c]);
    g.unit = std::gcd(g.unit, total_unit(s.categories[c]));
  }
  Packing& pk = scored.packing;
  pk.listed.clear();
  std::array<std::uint8_t, kCategoryCount> listed_of{};  // category → listed group
  std::size_t place = 0;
  for (std::size_t k = 0; k < group_count; ++k) {
    const RankGroup& g = groups[k];
    if (g.size == 0) continue;
    ListedGroup l;
    l.group = k;
    l.begin = place;
    l.end = place + g.size;
    l.hi = static_cast<std::uint64_t>(g.hi);
    set_unit(l, g.unit, g.lo);  // the weights' unit divides every total
    pk.listed.push_back(l);
    place += g.size;
  }
  for (std::size_t c = 0; c < kCategoryCount; ++c) {
    const std::size_t k = spec.rank_per_category ? c : 0;
    for (std::size_t d = 0; d < pk.listed.size(); ++d) {
      if (pk.listed[d].group == k) listed_of[c] = static_cast<std::uint8_t>(d);
    }
  }
  pk.ranked = place;
  const std::size_t m = pk.listed.size();
  pk.place_bits = n > 1 ? static_cast<int>(std::bit_width(n - 1)) : 0;
  pk.group_bits = m > 1 || scored.incomplete > 0 ? static_cast<int>(std::bit_width(m)) : 0;
  const auto key_bits = [&] {
    int k = 0;
    for (const ListedGroup& l : pk.listed) k = std::max(k, l.key_bits);
    return k;
  };
  const auto fits = [&] { return pk.place_bits + key_bits() + pk.group_bits <= 64; };
  // Totals often share a factor beyond the weights' unit (marks on a step, a mean
  // whose divisor divides 100): the gcd of a sample of quotients proposes one, the
  // item pass checks it on every total, and fewer key bits mean fewer radix passes.
  std::vector<std::uint64_t> factor(m, 0);
  const std::size_t stride = std::max<std::size_t>(1, n / 1024);
  for (std::size_t i = 0; i < n; i += stride) {
    if (scored.status[i] == EntryStatus::incomplete) continue;
    const std::size_t d = listed_of[s.hot[i].category];
    const ListedGroup& l = pk.listed[d];
    const std::uint64_t diff = l.hi - static_cast<std::uint64_t>(scored.total[i]);
    factor[d] = std::gcd(factor[d], (diff >> l.shift) * l.inverse);
  }
  std::vector<std::uint64_t> base(m);
  for (std::size_t d = 0; d < m; ++d) {
    ListedGroup& l = pk.listed[d];
    base[d] = l.unit;
    const std::uint64_t f = factor[d];
    if (f > 1 && l.unit <= UINT64_MAX / f) set_unit(l, l.unit * f, groups[l.group].lo);
  }
  // A vetoed entry's status rides in its item when a bit is left, so the listing
  // never reads the statuses in rank order (a cache miss an entry).
  const auto settle = [&] {
    pk.key_bits = key_bits();
    pk.packed = fits();
    pk.flagged = pk.place_bits + pk.key_bits + pk.group_bits < 64;
  };
  settle();
  if (pk.packed && !make_items(s, scored, listed_of, threads)) {
    for (std::size_t d = 0; d < m; ++d)
      set_unit(pk.listed[d], base[d], groups[pk.listed[d].group].lo);
    settle();
    pk.packed = pk.packed && make_items(s, scored, listed_of, threads);
  }
  if (pk.packed) {
    detail::radix_sort_bits(pk.items, scored.tmp, pk.place_bits, pk.key_bits + pk.group_bits,
                            threads, detail::kRadixMinPart, beside);
    return;
  }
  // Totals too far apart to pack with their places: each group's members, visited
  // in code order, sorted by total (stable, so equal totals stay in code order).
  for (const std::uint32_t i : s.code_order) {
    if (scored.status[i] == EntryStatus::incomplete) continue;
    groups[spec.rank_per_category ? s.hot[i].category : 0].members.push_back(i);
  }
  for (const ListedGroup& l : pk.listed) {
    detail::sort_by_total(groups[l.group].members, scored.total, scored.sorted_keys);
  }
  if (beside) beside(detail::SortedPrefix(n));
}

// Lists the scored entries prepare_ranking sorted, calling emit(group, entry, total,
// rank, position) in listing order for every run of equal totals that starts at a
// listing place in [begin, end) (packed); unpacked, the whole listing at once.
template <class Emit>
void emit_listing(const CampaignImpl& s, const Scored& scored, std::size_t begin, std::size_t end,
                  RunScratch& rs, Emit&& emit) {
  const Packing& pk = scored.packing;
  if (!pk.packed) {
    for (const ListedGroup& l : pk.listed) {
      const std::vector<std::uint32_t>& members = scored.groups[l.group].members;
      const auto at = [&](std::size_t p) {
        const std::uint32_t i = members[p - l.begin];
        return std::pair{i, scored.status[i]};
      };
      for (std::size_t lo = l.begin; lo < l.end;) {
        const std::int64_t total = scored.total[at(lo).first];
        std::size_t hi = lo + 1;
        while (hi < l.end && scored.total[at(hi).first] == total) ++hi;
        emit_run(s, scored, l.group, l.begin, lo, hi, total, at, rs, emit);
        lo = hi;
      }
    }
    return;
  }
  const std::uint64_t* items = pk.items.data();
  const int pb = pk.place_bits;
  const std::uint64_t index_mask = (std::uint64_t{1} << pb) - 1;
  const std::uint64_t key_mask =
      pk.key_bits >= 64 ? UINT64_MAX : (std::uint64_t{1} << pk.key_bits) - 1;
  // (group, key) of an item, the bits the sort orders: equal ⇔ equal totals.
  const int sort_bits = pk.key_bits + pk.group_bits;
  const std::uint64_t sort_mask =
      sort_bits >= 64 ? UINT64_MAX : (std::uint64_t{1} << sort_bits) - 1;
  const auto run_of = [&](std::size_t p) { return (items[p] >> pb) & sort_mask; };
  const std::size_t ranked = pk.ranked;
  const auto at = [&](std::size_t p) {
    const auto i = static_cast<std::uint32_t>(items[p] & index_mask);
    if (!pk.flagged) return std::pair{i, scored.status[i]};
    return std::pair{i, items[p] >> 63 ? EntryStatus::vetoed : EntryStatus::ranked};
  };
  end = std::min(end, ranked);
  std::size_t lo = begin;
  // A run that began before `begin` is listed by whoever lists its start.
  while (lo < end && lo > 0 && run_of(lo) == run_of(lo - 1)) ++lo;
  while (lo < end) {
    const std::uint64_t run = run_of(lo);
    std::size_t hi = lo + 1;
    while (hi < ranked && run_of(hi) == run) ++hi;
    const std::size_t d = pk.group_bits == 0 ? 0 : run >> pk.key_bits;
    const ListedGroup& l = pk.listed[d];
    const auto total = static_cast<std::int64_t>(l.hi - (run & key_mask) * l.unit);
    emit_run(s, scored, l.group, l.begin, lo, hi, total, at, rs, emit);
    lo = hi;
  }
}

// The first index in [lo, hi) where `holds` fails, for a predicate that holds on a
// prefix of the range (hi when it holds throughout).
template <class Holds>
std::size_t first_failing(std::size_t lo, std::size_t hi, Holds&& holds) {
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (holds(mid)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

// The listing places whose entry is ranked (neither vetoed nor incomplete), in
// place order, on up to `threads` threads: each part counts its slice, then writes
// it from where the earlier parts' places end.
void collect_ranked(const std::vector<EntryStatus>& place_status, Threads threads,
                    std::vector<std::uint32_t>& into) {
  const std::size_t n = place_status.size();
  const std::size_t parts = detail::part_count(n, threads.count, kMinListPart);
  std::vector<std::size_t> first(parts + 1, 0);
  detail::parallel_parts(
      threads, n, parts, 1, [&](std::size_t part, std::size_t begin, std::size_t end) {
        first[part + 1] = static_cast<std::size_t>(std::count(
            place_status.begin() + static_cast<std::ptrdiff_t>(begin),
            place_status.begin() + static_cast<std::ptrdiff_t>(end), EntryStatus::ranked));
      });
  for (std::size_t part = 0; part < parts; ++part) first[part + 1] += first[part];
  detail::size_for_overwrite(into, first[parts]);
  detail::parallel_parts(threads, n, parts, 1,
                         [&](std::size_t part, std::size_t begin, std::size_t end) {
                           std::uint32_t* out = into.data() + first[part];
                           for (std::size_t p = begin; p < end; ++p) {
                             if (place_status[p] == EntryStatus::ranked)
                               *out++ = static_cast<std::uint32_t>(p);
                           }
                         });
}

// An indicator tie-break names an indicator of at least one of the campaign's
// rubrics (a campaign without rubrics has nothing to check yet).
Status check_tie_breaks(const CampaignImpl& s) {
  for (const TieBreak& tb : s.spec.tie_breaks) {
    if (tb.kind != TieBreak::Kind::indicator) continue;
    bool any_rubric = false;
    bool found = false;
    for (const CategoryState& c : s.categories) {
      if (!c.rubric) continue;
      any_rubric = true;
      if (c.rubric->find(tb.code)) found = true;
    }
    if (any_rubric && !found) {
      return Error(ErrorCode::invalid_argument,
                   "the tie-break indicator:" + quote_input(tb.code) +
                       " names no indicator of the campaign's rubrics",
                   "campaign.tie_break");
    }
  }
  return {};
}

}  // namespace

namespace detail {

// What score() and standings() compute on the way, kept in the campaign from call to
// call (CampaignImpl::scoring_scratch) so repeated scoring reuses its pages.
struct ScoringScratch {
  Scored scored;
  std::vector<std::pair<std::size_t, std::size_t>> ranges;  // each ranking group in `order`
  // The columns the scoreboard's table takes by entry (swapped into a board that has
  // room): the parts of the totals, each entry's listing place, tiers (0: none,
  // t + 1: tier t).
  PartColumns parts;
  std::vector<std::uint32_t> place_of;
  std::vector<std::uint16_t> tier_of;
  std::vector<std::uint32_t> eligible;  // listing places
  // What the per-entry digest hashes, by listing place (written in listing order as
  // the listing is made, so the digest reads them front to back; only the codes are
  // fetched by entry index).
  std::vector<EntryStatus> place_status;
  std::vector<std::int64_t> place_total;
  std::vector<std::uint32_t> place_rank;
  // The listing (place → entry index), the cusps and the honours, made here and
  // swapped into the board only once the call cannot fail any more.
  std::vector<std::uint32_t> order;
  std::vector<Cusp> cusps;
  std::vector<std::uint32_t> cusp_place;  // each cusp's listing place
  std::vector<AdvancedUnit> units;
  std::vector<AdvancedIndividual> people;
  // The campaign's codes as the scoreboard stores them (each followed by a NUL, and
  // where each starts), extended as entries are added (codes never change and entries
  // are never removed), so a board copies them in two sequential passes.
  std::string code_text;
  std::vector<std::uint32_t> code_at;
  // The same codes in slots of kCodeSlot bytes by entry, while every code fits one
  // (its bytes, zeros, and its length in the last byte): copied whole, without a
  // length to look up, into `place_slots` for the digest.
  std::vector<std::uint8_t> code_slots;
  bool slots_fit = true;
  // The same slots by listing place, for the per-entry digest on one thread:
  // scattered there from entry order (sequential reads, random writes, which do not
  // wait for memory), so the digest reads them front to back instead of fetching one
  // at random a place.
  std::vector<std::uint8_t> place_slots;
  // Likewise the other facts a board shows that never change once an entry is added:
  // its (unit, enterprise) pair as an index into the distinct pairs, and its citations.
  std::vector<std::uint32_t> org_of;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> orgs;
  std::unordered_map<std::uint64_t, std::uint32_t> org_index;
  std::vector<std::pair<std::uint32_t, LinkId>> links;
  std::vector<std::pair<std::uint32_t, ActivityId>> activities;
  // With threads, the per-entry digest bytes of the listing's second half, made by
  // another part while the first half is hashed.
  std::vector<std::uint8_t> later_entry_bytes;
  // The prizes by entry index (the sparse ones), swapped into the board.
  std::vector<std::pair<std::uint32_t, std::optional<Decimal>>> prizes;
  // With threads, the lines of the honours and cusps, made beside the entries' hashing.
  std::vector<std::uint8_t> tail_bytes;
};

}  // namespace detail

namespace {

// The campaign's scratch, or a fresh one while another call holds it.
class ScratchLease {
 public:
  explicit ScratchLease(const CampaignImpl& s) : lock_(s.scoring_scratch_mutex, std::try_to_lock) {
    if (lock_.owns_lock()) {
      if (!s.scoring_scratch) s.scoring_scratch = std::make_shared<detail::ScoringScratch>();
      scratch_ = s.scoring_scratch;
    } else {
      scratch_ = std::make_shared<detail::ScoringScratch>();
    }
  }
  detail::ScoringScratch& operator*() const noexcept { return *scratch_; }

 private:
  std::unique_lock<std::mutex> lock_;
  std::shared_ptr<detail::ScoringScratch> scratch_;
};

// How many rows ahead the listing's random reads are fetched.
constexpr std::size_t kPrefetch = 8;
// How many places ahead the per-entry digest fetches a code when the codes do not fit
// slots (two dependent random reads a place: where it starts, then its bytes).
constexpr std::size_t kCodePrefetch = 16;
// The bytes of a code slot: a code of at most kCodeSlot − 1 bytes and its length.
constexpr std::size_t kCodeSlot = 16;

// A hint to fetch the cache line at `p` (GCC and Clang; nothing elsewhere).
inline void prefetch(const void* p) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p);
#else
  (void)p;
#endif
}

// A run of listing places [begin, end) that share how a place's position and tier
// are found: a position is the place's offset in its ranking group, which starts at
// `first` (+ 1), or 0 past the groups (the incomplete entries); every ranked entry of
// the run has the tier field `tier_field` (tier + 1; 0: none), the others none. The
// runs tile the listing: a group's places are cut where an awarded run of a tier
// begins and ends.
struct PlaceRun {
  std::size_t begin = 0, end = 0;
  std::size_t first = 0;
  bool grouped = true;
  std::uint32_t tier_field = 0;
};

// The columns the per-entry part of the digest reads, all by listing place: the
// listing itself (place → entry index, for the code) and each entry's fields; the
// positions and tiers follow from the runs of places.
struct DigestColumns {
  std::span<const std::uint32_t> order;  // listing place → entry index
  std::span<const EntryStatus> status;
  std::span<const std::int64_t> total;  // 14 places
  std::span<const std::uint32_t> rank;
  std::span<const PlaceRun> runs;  // in listing order, tiling it
  // The code of listing place k in slot k (kCodeSlot bytes each), or null when a code
  // does not fit a slot or the slots are not by place (with threads).
  const std::uint8_t* place_slots = nullptr;
  // The code of entry i in slot i, or null when a code does not fit a slot.
  const std::uint8_t* entry_slots = nullptr;
  // The codes, by entry index: entry i's starts at code_text[code_at[i]] and ends at
  // the NUL after it (a copy a tenth the size of the campaign's strings, so the
  // random reads mostly stay in the cache).
  std::string_view code_text;
  std::span<const std::uint32_t> code_at;
};

// Entry i's code, from the columns' copy of the codes.
std::string_view code_of(const DigestColumns& x, std::uint32_t i) noexcept {
  return detail::code_in(x.code_text, x.code_at, i);
}

// Copies `size` bytes from `from` to `to`; 8 to 16 bytes (the usual code) as two
// overlapping 8-byte moves, without a call.
inline void copy_short(std::uint8_t* to, const char* from, std::size_t size) noexcept {
  if (size >= 8 && size <= 16) {
    std::memcpy(to, from, 8);
    std::memcpy(to + size - 8, from + size - 8, 8);
  } else {
    std::memcpy(to, from, size);
  }
}

// Where the per-entry digest finds the codes: slots by listing place (read front to
// back), slots by entry index (fetched ahead), or the codes' text by entry index.
enum class CodesBy { place_slot, entry_slot, entry_text };

// The bytes of the per-entry part of the digest for listing places [begin, end): per
// entry in listing order its code, then status, total at 14 places, rank, position
// and tier + 1 (fixed width), handed to `sink` in large blocks.
template <CodesBy kCodes, class Sink>
void entry_bytes_from(const DigestColumns& x, std::size_t begin, std::size_t end, Sink&& sink) {
  constexpr std::size_t kBlock = 1 << 16;
  constexpr std::size_t kRecord = 1 + 8 + 4 + 4 + 4;
  std::vector<std::uint8_t> block(kBlock);
  std::size_t used = 0;
  const std::size_t n = end;
  // The columns in locals: the block's bytes may alias anything, and the compiler would
  // load each column's address again after every store.
  const EntryStatus* status = x.status.data();
  const std::int64_t* totals = x.total.data();
  const std::uint32_t* ranks = x.rank.data();
  const std::uint8_t* place_slots = x.place_slots;
  const std::uint8_t* entry_slots = x.entry_slots;
  const std::uint32_t* order = x.order.data();
  for (const PlaceRun& run : x.runs) {
    const std::size_t from = std::max(begin, run.begin), to = std::min(n, run.end);
    // A position is k − (first − 1); past the groups (the incomplete entries) the mask
    // makes it 0.
    const std::size_t base = run.first - 1;
    const std::size_t keep = run.grouped ? ~std::size_t{0} : 0;
    const std::uint32_t run_tier = run.tier_field;
    for (std::size_t k = from; k < to; ++k) {
      // The fields are read front to back; the code too from slots by place, else it
      // is fetched by entry index (kCodes).
      if constexpr (kCodes != CodesBy::entry_text) {
        // Its slot, copied whole (the record's fields then overwrite what follows the
        // code).
        const std::uint8_t* slot = nullptr;
        if constexpr (kCodes == CodesBy::place_slot) {
          slot = place_slots + kCodeSlot * k;
        } else {
          if (k + kCodePrefetch < n) prefetch(entry_slots + kCodeSlot * order[k + kCodePrefetch]);
          slot = entry_slots + kCodeSlot * order[k];
        }
        if (used + kCodeSlot + kRecord > kBlock) {
          sink(std::span<const std::uint8_t>(block.data(), used));
          used = 0;
        }
        std::memcpy(block.data() + used, slot, kCodeSlot);
        used += slot[kCodeSlot - 1];
      } else {
        // Where it starts two steps ahead, its bytes one step ahead.
        if (k + 2 * kCodePrefetch < n) prefetch(&x.code_at[x.order[k + 2 * kCodePrefetch]]);
        if (k + kCodePrefetch < n) {
          prefetch(x.code_text.data() + x.code_at[x.order[k + kCodePrefetch]]);
        }
        const std::string_view code = code_of(x, x.order[k]);
        if (used + code.size() + kRecord > kBlock) {
          sink(std::span<const std::uint8_t>(block.data(), used));
          used = 0;
        }
        if (code.size() + kRecord > kBlock) {
          sink(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(code.data()),
                                             code.size()));
        } else {
          copy_short(block.data() + used, code.data(), code.size());
          used += code.size();
        }
      }
      // The fields straight into the block (a record assembled on the stack first was
      // read back across its own unaligned stores, a store-forwarding stall an entry).
      std::uint8_t* at = block.data() + used;
      const std::int64_t total = totals[k];
      const std::uint32_t rank = ranks[k];
      const auto position = static_cast<std::uint32_t>((k - base) & keep);
      const std::uint32_t tier_field = status[k] == EntryStatus::ranked ? run_tier : 0;
      at[0] = static_cast<std::uint8_t>(status[k]);
      std::memcpy(at + 1, &total, 8);
      std::memcpy(at + 9, &rank, 4);
      std::memcpy(at + 13, &position, 4);
      std::memcpy(at + 17, &tier_field, 4);
      used += kRecord;
    }
  }
  sink(std::span<const std::uint8_t>(block.data(), used));
}

template <class Sink>
void entry_bytes(const DigestColumns& x, std::size_t begin, std::size_t end, Sink&& sink) {
  if (x.place_slots != nullptr) {
    entry_bytes_from<CodesBy::place_slot>(x, begin, end, sink);
  } else if (x.entry_slots != nullptr) {
    entry_bytes_from<CodesBy::entry_slot>(x, begin, end, sink);
  } else {
    entry_bytes_from<CodesBy::entry_text>(x, begin, end, sink);
  }
}

// Feeds the per-entry part of the digest for listing places [begin, end) to `h`.
void digest_entries(const DigestColumns& x, std::size_t begin, std::size_t end, detail::Sha256& h) {
  entry_bytes(x, begin, end, [&](std::span<const std::uint8_t> bytes) { h.update(bytes); });
}

// The bytes digest_entries would feed for listing places [begin, end), into `out`
// (emptied first; its storage reused).
void entry_bytes_into(const DigestColumns& x, std::size_t begin, std::size_t end,
                      std::vector<std::uint8_t>& out) {
  out.clear();
  entry_bytes(x, begin, end, [&](std::span<const std::uint8_t> bytes) {
    out.insert(out.end(), bytes.begin(), bytes.end());
  });
}

// The lines of the digest's tail, written into one block and hashed a block at a time
// (the same bytes as hashing each line: SHA-256 does not see how input is split).
class DigestLines {
 public:
  /// Lines hashed into `h`.
  explicit DigestLines(detail::Sha256& h) : h_(&h), block_(kBlock) {}
  /// Lines appended to `out` (hashed later, in their place).
  explicit DigestLines(std::vector<std::uint8_t>& out) : out_(&out), block_(kBlock) {}
  DigestLines& text(std::string_view t) {
    if (t.size() > kBlock - used_) {
      flush();
      if (t.size() > kBlock) {
        put(reinterpret_cast<const std::uint8_t*>(t.data()), t.size());
        return *this;
      }
    }
    std::memcpy(block_.data() + used_, t.data(), t.size());
    used_ += t.size();
    return *this;
  }
  DigestLines& number(std::uint64_t v) {
    room(20);
    used_ = static_cast<std::size_t>(
        std::to_chars(block_.data() + used_, block_.data() + kBlock, v).ptr - block_.data());
    return *this;
  }
  // As Decimal::to_string spells it: sign, digits, the point before the last `scale`.
  DigestLines& decimal(const Decimal& d) {
    room(decimal_room(d));
    used_ = static_cast<std::size_t>(put_decimal(block_.data() + used_, d) - block_.data());
    return *this;
  }
  // "cusp|<code>|<tier>|<distance>\n" with one room check, the code taken from its slot
  // (kCodeSlot bytes, copied whole: what follows the code is written over).
  DigestLines& cusp(const std::uint8_t* slot, std::uint32_t tier, const Decimal& distance) {
    room(5 + kCodeSlot + 1 + 10 + 1 + decimal_room(distance) + 1);
    char* out = block_.data() + used_;
    std::memcpy(out, "cusp|", 5);
    std::memcpy(out + 5, slot, kCodeSlot);
    out += 5 + slot[kCodeSlot - 1];
    *out++ = '|';
    out = std::to_chars(out, out + 10, tier).ptr;
    *out++ = '|';
    out = put_decimal(out, distance);
    *out++ = '\n';
    used_ = static_cast<std::size_t>(out - block_.data());
    return *this;
  }
  void flush() {
    put(reinterpret_cast<const std::uint8_t*>(block_.data()), used_);
    used_ = 0;
  }

 private:
  static constexpr std::size_t kBlock = 1 << 16;
  // The most `d` takes: sign, "0.", its digits (at most 20) and its places' zeros (a
  // scale up to 255, for a decimal that is not ok()).
  static std::size_t decimal_room(const Decimal& d) noexcept {
    return 3 + 20 + static_cast<std::size_t>(d.scale());
  }
  // Writes `d` at `out`, as decimal() spells it; returns where it ends.
  static char* put_decimal(char* out, const Decimal& d) noexcept {
    const std::int64_t c = d.coefficient();
    const std::uint64_t mag =
        c < 0 ? 0 - static_cast<std::uint64_t>(c) : static_cast<std::uint64_t>(c);
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, mag).ptr;
    const auto count = static_cast<std::size_t>(end - digits);
    const auto scale = static_cast<std::size_t>(d.scale());
    if (c < 0) *out++ = '-';
    if (count <= scale) {
      *out++ = '0';
      *out++ = '.';
      out = std::fill_n(out, scale - count, '0');
      return std::copy_n(digits, count, out);
    }
    out = std::copy_n(digits, count - scale, out);
    if (scale > 0) {
      *out++ = '.';
      out = std::copy_n(digits + count - scale, scale, out);
    }
    return out;
  }
  // Makes room for `bytes` more (a decimal has at most Decimal::kMaxScale places).
  void room(std::size_t bytes) {
    if (bytes > kBlock - used_) flush();
  }
  void put(const std::uint8_t* bytes, std::size_t size) {
    if (h_ != nullptr) {
      h_->update(std::span<const std::uint8_t>(bytes, size));
    } else {
      out_->insert(out_->end(), bytes, bytes + size);
    }
  }
  detail::Sha256* h_ = nullptr;
  std::vector<std::uint8_t>* out_ = nullptr;
  std::vector<char> block_;  // kBlock bytes, the first used_ of them pending
  std::size_t used_ = 0;
};

// Brings the scratch's copy of the codes (ScoringScratch::code_text) up to the
// campaign's entries: only the entries added since the last call are copied.
// `overflow` when they would take more than a scoreboard's 32-bit offsets reach (the
// scratch keeps the codes that fit).
Status extend_codes(const CampaignImpl& s, detail::ScoringScratch& x) {
  const std::size_t n = s.entries.size();
  if (x.code_at.size() > n) {
    x.code_at.clear();
    x.code_text.clear();
    x.code_slots.clear();
    x.slots_fit = true;
  }
  // All or nothing: a failed allocation puts back what the call found, so the next call
  // starts from a whole entry (each entry's start, text and slot go together).
  const std::size_t rows = x.code_at.size(), text = x.code_text.size();
  const std::size_t slots = x.code_slots.size();
  const bool fit = x.slots_fit;
  try {
    for (std::size_t i = rows; i < n; ++i) {
      const std::string& code = s.codes[i];
      if (x.code_text.size() > std::size_t{UINT32_MAX} - code.size()) {
        return Error(ErrorCode::overflow,
                     "the entries' codes take more than 4 GiB, beyond what a scoreboard holds");
      }
      x.code_at.push_back(static_cast<std::uint32_t>(x.code_text.size()));
      x.code_text += code;
      x.code_text += '\0';
      if (x.slots_fit && code.size() < kCodeSlot) {
        std::array<std::uint8_t, kCodeSlot> slot{};
        std::memcpy(slot.data(), code.data(), code.size());
        slot[kCodeSlot - 1] = static_cast<std::uint8_t>(code.size());
        x.code_slots.insert(x.code_slots.end(), slot.begin(), slot.end());
      } else {
        x.slots_fit = false;  // for good: codes never change
      }
    }
  } catch (...) {
    x.code_at.resize(rows);
    x.code_text.resize(text);
    x.code_slots.resize(slots);
    x.slots_fit = fit;
    throw;
  }
  if (!x.slots_fit && !x.code_slots.empty()) std::vector<std::uint8_t>().swap(x.code_slots);
  return {};
}

// Brings the scratch's other fixed facts (ScoringScratch::org_of, orgs, org_index,
// links, activities) up to the campaign's entries; all or nothing, as extend_codes.
void extend_fixed_facts(const CampaignImpl& s, detail::ScoringScratch& x) {
  const std::size_t n = s.entries.size();
  if (x.org_of.size() > n) {
    x.org_of.clear();
    x.orgs.clear();
    x.org_index.clear();
    x.links.clear();
    x.activities.clear();
  }
  const std::size_t rows = x.org_of.size(), orgs = x.orgs.size();
  const std::size_t links = x.links.size(), activities = x.activities.size();
  try {
    for (std::size_t i = rows; i < n; ++i) {
      const EntryRecord& e = s.entries[i];
      const std::uint32_t unit = e.spec.unit.value(), enterprise = e.enterprise.value();
      const auto [at, fresh] = x.org_index.try_emplace(std::uint64_t{unit} << 32 | enterprise,
                                                       static_cast<std::uint32_t>(x.orgs.size()));
      if (fresh) x.orgs.emplace_back(unit, enterprise);
      x.org_of.push_back(at->second);
      const auto row = static_cast<std::uint32_t>(i);
      if (e.spec.cites_link) x.links.emplace_back(row, *e.spec.cites_link);
      if (e.spec.cites_activity) x.activities.emplace_back(row, *e.spec.cites_activity);
    }
  } catch (...) {
    x.org_of.resize(rows);
    x.links.resize(links);
    x.activities.resize(activities);
    for (auto it = x.org_index.begin(); it != x.org_index.end();) {
      it = it->second >= orgs ? x.org_index.erase(it) : std::next(it);
    }
    x.orgs.resize(orgs);
    throw;
  }
}

// The digest's lines after the entries: advanced units and individuals, then the
// cusps (in rank order; `cusp_place`: each one's listing place). Their codes come
// from the slots by place, read nearly front to back (a cusp window is a run of
// places); without slots they are scattered, and fetched a few lines ahead.
void honours_and_cusp_lines(DigestLines& lines, std::span<const AdvancedUnit> units,
                            std::span<const AdvancedIndividual> people, std::span<const Cusp> cusps,
                            std::span<const std::uint32_t> cusp_place, const DigestColumns& x) {
  for (const AdvancedUnit& u : units) {
    lines.text("unit|").text(to_string(u.unit)).text("|").number(u.awarded).text("|");
    lines.decimal(u.awarded_total).text("\n");
  }
  for (const AdvancedIndividual& p : people) {
    lines.text("person|").text(to_string(p.person)).text("|").decimal(p.credit).text("\n");
  }
  for (std::size_t k = 0; k < cusps.size(); ++k) {
    if (x.place_slots == nullptr && k + kPrefetch < cusps.size()) {
      const std::uint32_t ahead = cusps[k + kPrefetch].entry.value() - 1;
      if (x.entry_slots != nullptr) {
        prefetch(x.entry_slots + kCodeSlot * std::size_t{ahead});
      } else {
        if (k + 2 * kPrefetch < cusps.size()) {
          prefetch(&x.code_at[cusps[k + 2 * kPrefetch].entry.value() - 1]);
        }
        prefetch(x.code_text.data() + x.code_at[ahead]);
      }
    }
    const Cusp& c = cusps[k];
    const std::uint32_t i = c.entry.value() - 1;
    if (x.place_slots != nullptr) {
      lines.cusp(x.place_slots + kCodeSlot * std::size_t{cusp_place[k]}, c.tier, c.distance);
      continue;
    }
    if (x.entry_slots != nullptr) {
      lines.cusp(x.entry_slots + kCodeSlot * std::size_t{i}, c.tier, c.distance);
      continue;
    }
    lines.text("cusp|").text(code_of(x, i)).text("|").number(c.tier).text("|");
    lines.decimal(c.distance).text("\n");
  }
}

}  // namespace

Result<std::vector<Standing>> Campaign::standings() const { return standings(Threads{}); }

Result<std::vector<Standing>> Campaign::standings(Threads threads) const {
  if (Status st = detail::check_threads(threads); !st) return st.error();
  if (Status st = check_tie_breaks(*impl_); !st) return st.error();
  const CampaignImpl& s = *impl_;
  ScratchLease lease(s);
  Scored& scored = (*lease).scored;
  const std::size_t n = s.entries.size();
  std::vector<Standing> out;
  const auto standing = [](std::uint32_t i, std::int64_t total, std::uint32_t rank,
                           std::uint32_t position, EntryStatus status) {
    return Standing{EntryId{i + 1}, status, fixed(total, kTotalScale), rank, position};
  };
  // Rows appended in listing order, each written once: with threads, on one of them
  // beside the sort's bucket passes, each bucket listed as soon as it is sorted (a run
  // of equal totals never spans two buckets); on one thread, after the sort. The
  // incomplete entries close the listing in code order.
  const auto list = [&](const detail::SortedPrefix& sorted) {
    const Packing& pk = scored.packing;
    out.reserve(n);
    RunScratch rs;
    const auto append = [&](std::size_t, std::uint32_t i, std::int64_t total, std::uint32_t rank,
                            std::uint32_t position, EntryStatus status) {
      // The row 64 rows on, asked for now (prefetch.hpp).
      detail::prefetch_write(out.data() + out.size(), 64 * sizeof(Standing));
      out.push_back(standing(i, total, rank, position, status));
    };
    if (!pk.packed) {
      emit_listing(s, scored, 0, pk.ranked, rs, append);
    } else {
      for (std::size_t p = 0; p < pk.ranked;) {
        const std::size_t e = std::min(sorted.reach(p + 1), pk.ranked);
        emit_listing(s, scored, p, e, rs, append);
        p = e;
      }
    }
    if (scored.incomplete != 0) {
      for (const std::uint32_t i : s.code_order) {
        if (scored.status[i] == EntryStatus::incomplete) {
          out.push_back(standing(i, 0, 0, 0, EntryStatus::incomplete));
        }
      }
    }
  };
  prepare_ranking(s, scored, nullptr, threads, list);
  return out;
}

Result<Scoreboard> Campaign::score() const { return score(Threads{}); }

Result<Scoreboard> Campaign::score(Threads threads) const {
  Scoreboard board;
  if (Status st = score(board, threads); !st) return st.error();
  return board;
}

Status Campaign::score(Scoreboard& into, Threads threads) const {
  if (Status st = detail::check_threads(threads); !st) return st.error();
  if (Status st = check_tie_breaks(*impl_); !st) return st.error();
  const CampaignImpl& s = *impl_;
  const CampaignSpec& spec = s.spec;
  const AwardScheme& scheme = spec.awards;
  if (scheme.tiers.size() >= UINT16_MAX) {
    return Error(ErrorCode::overflow,
                 "the award scheme has " + std::to_string(scheme.tiers.size()) +
                     " tiers; a scoreboard holds at most " + std::to_string(UINT16_MAX - 1));
  }
  ScratchLease lease(s);
  detail::ScoringScratch& x = *lease;
  Scored& scored = x.scored;
  const std::size_t n = s.entries.size();
  // Everything up to the honours is made in the campaign's scratch, so a refusal
  // (an honours sum that does not fit) leaves `into` as it was; only then does the
  // board take the results, swapping arrays where it has room (the arrays swapped out
  // become the scratch of the next call: no fresh pages when the caller reuses it).
  std::vector<std::uint32_t>& order = x.order;
  detail::size_for_overwrite(order, n);
  detail::size_for_overwrite(x.place_status, n);
  detail::size_for_overwrite(x.place_total, n);
  detail::size_for_overwrite(x.place_rank, n);
  detail::size_for_overwrite(x.place_of, n);
  prepare_ranking(s, scored, &x.parts, threads);
  // The listing, written by place: a group's entry at position p is at its group's
  // first place + p − 1, so parts of the listing can be written at once (packed, as
  // standings() does); the incomplete entries close it in code order.
  const Packing& pk = scored.packing;
  std::vector<std::size_t> first_place(scored.groups.size(), 0);
  x.ranges.clear();
  for (const ListedGroup& l : pk.listed) {
    first_place[l.group] = l.begin;
    x.ranges.emplace_back(l.begin, l.end);
  }
  const auto at_place = [&](std::size_t group, std::uint32_t i, std::int64_t total,
                            std::uint32_t rank, std::uint32_t position, EntryStatus entry_status) {
    const std::size_t place = first_place[group] + position - 1;
    order[place] = i;
    x.place_status[place] = entry_status;
    x.place_total[place] = total;
    x.place_rank[place] = rank;
  };
  const auto list_incomplete = [&](std::size_t place, std::uint32_t i) {
    order[place] = i;
    x.place_status[place] = EntryStatus::incomplete;
    x.place_total[place] = 0;
    x.place_rank[place] = 0;
  };
  const std::size_t list_parts = pk.packed ? detail::part_count(n, threads.count, kMinListPart) : 1;
  if (list_parts <= 1) {
    RunScratch rs;
    emit_listing(s, scored, 0, pk.ranked, rs, at_place);
    std::size_t place = pk.ranked;
    if (place < n) {
      for (const std::uint32_t i : s.code_order) {
        if (scored.status[i] == EntryStatus::incomplete) list_incomplete(place++, i);
      }
    }
  } else {
    const std::uint64_t index_mask = (std::uint64_t{1} << pk.place_bits) - 1;
    detail::parallel_parts(
        threads, n, list_parts, 1, [&](std::size_t, std::size_t begin, std::size_t end) {
          RunScratch rs;
          emit_listing(s, scored, begin, end, rs, at_place);
          for (std::size_t p = std::max(begin, pk.ranked); p < end; ++p) {
            list_incomplete(p, static_cast<std::uint32_t>(pk.items[p] & index_mask));
          }
        });
  }
  const std::vector<std::int64_t>& totals = scored.total;
  // Awards and the cusp report work on exact integer totals (14 places) and entry
  // indices; each threshold is brought to 14 places in the direction that keeps the
  // comparison exact (a minimum rounds up, a margin down).
  const auto at_total_scale = [](const Decimal& d, Rounding mode) {
    auto r = d.rescaled(kTotalScale, mode);
    if (r) return r->coefficient();
    return d.signum() < 0 ? INT64_MIN : INT64_MAX;  // beyond every total
  };
  // The tiers and the cusp report. Within a group the eligible places (ranked, not
  // vetoed) run best first with non-increasing totals, so every boundary below is a
  // binary search; the awarded places and the cusps are then written (write_tiers).
  const std::int64_t margin = at_total_scale(scheme.cusp_margin, Rounding::floor);  // ≥ 0
  std::vector<std::uint16_t>& tier_of = x.tier_of;  // 0: none; t + 1: tier t
  std::vector<std::uint32_t>& eligible = x.eligible;
  collect_ranked(x.place_status, threads, eligible);
  const auto total = [&](std::size_t k) { return x.place_total[eligible[k]]; };
  // What the threads write: the eligible indices [begin, end) get `tier`; the cusps
  // of a tier are the eligible indices [begin, end), written from cusps[at].
  struct Awarded {
    std::size_t begin = 0, end = 0;
    std::int32_t tier = 0;
  };
  struct CuspWindow {
    std::size_t begin = 0, end = 0, at = 0;
    std::uint32_t tier = 0;
    bool awarded = false;
    std::int64_t boundary = 0;
    Decimal boundary_value;
  };
  std::vector<Awarded> awarded_runs;
  std::vector<CuspWindow> windows;
  std::size_t awarded_count = 0, cusp_count = 0;
  for (const auto& [group_begin, group_end] : x.ranges) {
    const auto lo = static_cast<std::size_t>(
        std::lower_bound(eligible.begin(), eligible.end(), group_begin) - eligible.begin());
    const auto hi = static_cast<std::size_t>(
        std::lower_bound(eligible.begin(), eligible.end(), group_end) - eligible.begin());
    std::size_t next = lo;
    for (std::uint32_t t = 0; t < scheme.tiers.size(); ++t) {
      const AwardTier& tier = scheme.tiers[t];
      const std::uint32_t quota = quota_of(tier, hi - lo);
      const std::int64_t min = at_total_scale(tier.min_score, Rounding::ceiling);
      // 宁缺勿滥: the tier stops at the first entry below its minimum, even if places remain.
      std::size_t end = first_failing(next, next + std::min<std::size_t>(quota, hi - next),
                                      [&](std::size_t k) { return total(k) >= min; });
      // Ties straddling the boundary: the last awarded and the first left out are equal.
      if (end > next && end < hi && end - next == quota && total(end) == total(end - 1)) {
        const std::int64_t boundary = total(end - 1);
        if (scheme.boundary_ties == BoundaryTies::include_all) {
          end = first_failing(end, hi, [&](std::size_t k) { return total(k) == boundary; });
        } else if (scheme.boundary_ties == BoundaryTies::exclude_all) {
          end = first_failing(next, end, [&](std::size_t k) { return total(k) > boundary; });
        }
      }
      if (end > next) awarded_runs.push_back({next, end, static_cast<std::int32_t>(t)});
      awarded_count += end - next;
      // Cusp report: around the lowest awarded total, or the minimum when nobody got it,
      // one contiguous window of the eligible, every total in it within the margin.
      CuspWindow w;
      w.tier = t;
      w.awarded = end > next;
      w.boundary = w.awarded ? total(end - 1) : min;
      w.boundary_value = w.awarded ? fixed(w.boundary, kTotalScale) : tier.min_score;
      const auto within = [&](std::int64_t v) {
        const detail::int128 d = detail::int128{v} - w.boundary;
        return (d < 0 ? -d : d) <= margin;
      };
      w.begin = first_failing(
          next, hi, [&](std::size_t k) { return total(k) > w.boundary && !within(total(k)); });
      w.end = first_failing(
          w.begin, hi, [&](std::size_t k) { return total(k) >= w.boundary || within(total(k)); });
      w.at = cusp_count;
      cusp_count += w.end - w.begin;
      if (w.end > w.begin) windows.push_back(std::move(w));
      next = end;
    }
  }
  // The runs of places the digest finds positions and tiers by (PlaceRun): each group
  // cut where its awarded runs begin and end (they follow one another, in listing
  // order), then the incomplete entries.
  std::vector<PlaceRun> place_runs;
  std::size_t next_awarded = 0;
  for (const auto& [group_begin, group_end] : x.ranges) {
    std::size_t cursor = group_begin;
    while (next_awarded < awarded_runs.size() &&
           eligible[awarded_runs[next_awarded].begin] < group_end) {
      const Awarded& a = awarded_runs[next_awarded++];
      const std::size_t first = eligible[a.begin], last = eligible[a.end - 1] + 1;
      if (cursor < first) place_runs.push_back({cursor, first, group_begin, true, 0});
      place_runs.push_back(
          {first, last, group_begin, true, static_cast<std::uint32_t>(a.tier) + 1});
      cursor = last;
    }
    if (cursor < group_end) place_runs.push_back({cursor, group_end, group_begin, true, 0});
  }
  if (pk.ranked < n) place_runs.push_back({pk.ranked, n, 0, false, 0});
  x.cusps.resize(cusp_count);
  x.cusp_place.resize(cusp_count);
  // Each entry's tier and the cusps, on up to `on` threads: only the honours, their and
  // the cusps' lines and the board read them, so with threads the second thread writes
  // them while the calling thread hashes the entries (below).
  const std::size_t tier_work = awarded_count + cusp_count;
  const auto write_tiers = [&](Threads on) {
    tier_of.assign(n, 0);
    detail::parallel_parts(
        on, tier_work, detail::part_count(tier_work, on.count, kMinListPart), 1,
        [&](std::size_t, std::size_t begin, std::size_t end) {
          // The awarded places come first in [0, tier_work), then the cusps:
          // `each` calls f(k) for the eligible indices k of [first, last) that
          // fall in this part.
          std::size_t offset = 0;
          const auto each = [&](std::size_t first, std::size_t last, auto&& f) {
            const std::size_t from = std::max(begin, offset);
            const std::size_t to = std::min(end, offset + (last - first));
            for (std::size_t w = from; w < to; ++w) f(first + (w - offset));
            offset += last - first;
          };
          for (const Awarded& a : awarded_runs) {
            each(a.begin, a.end, [&](std::size_t k) {
              tier_of[order[eligible[k]]] = static_cast<std::uint16_t>(a.tier + 1);
            });
          }
          for (const CuspWindow& w : windows) {
            each(w.begin, w.end, [&](std::size_t k) {
              const Decimal distance = w.awarded ? fixed(total(k) - w.boundary, kTotalScale)
                                                 : fixed(total(k), kTotalScale) - w.boundary_value;
              x.cusps[w.at + (k - w.begin)] = {EntryId{order[eligible[k]] + 1}, w.tier,
                                               w.boundary_value, distance};
              x.cusp_place[w.at + (k - w.begin)] = static_cast<std::uint32_t>(eligible[k]);
            });
          }
        });
  };
  // The per-entry digest and the honours read only the scratch: made before the
  // board is touched (the threads' shares are described below, at the second thread).
  if (Status st = extend_codes(s, x); !st) return st.error();  // `into` untouched
  extend_fixed_facts(s, x);
  // Each entry's listing place (the table finds an entry's rank there), in a pass of
  // its own (beside the listing's six columns its random writes cost twice as much),
  // on up to `on` threads. With threads the second thread writes them (only the board
  // reads them) while the calling thread hashes.
  const auto write_places = [&](Threads on) {
    detail::parallel_parts(on, n, detail::part_count(n, on.count, kMinListPart), 1,
                           [&](std::size_t, std::size_t begin, std::size_t end) {
                             for (std::size_t k = begin; k < end; ++k) {
                               x.place_of[order[k]] = static_cast<std::uint32_t>(k);
                             }
                           });
  };
  // On one thread, the code slots by listing place for the per-entry digest: read in
  // entry order, each written to its place (random writes do not wait for memory), so
  // the digest reads them front to back. With threads the digest fetches the codes by
  // entry index instead: the slots would be ready only after the calling thread has
  // hashed half the entries (round 12).
  const auto write_slots = [&](Threads on) {
    if (!x.slots_fit) return;
    detail::size_for_overwrite(x.place_slots, n * kCodeSlot);
    detail::parallel_parts(on, n, detail::part_count(n, on.count, kMinListPart), 1,
                           [&](std::size_t, std::size_t begin, std::size_t end) {
                             const std::uint8_t* from = x.code_slots.data();
                             const std::uint32_t* place = x.place_of.data();
                             std::uint8_t* to = x.place_slots.data();
                             for (std::size_t i = begin; i < end; ++i) {
                               std::memcpy(to + kCodeSlot * place[i], from + kCodeSlot * i,
                                           kCodeSlot);
                             }
                           });
  };
  // The columns the per-entry digest reads; the slots by place are added on one thread.
  DigestColumns columns{order,
                        x.place_status,
                        x.place_total,
                        x.place_rank,
                        place_runs,
                        nullptr,
                        x.slots_fit ? x.code_slots.data() : nullptr,
                        x.code_text,
                        x.code_at};
  detail::Sha256 h;
  Status honours;   // an exact sum of the honours that does not fit: the call's error
  x.units.clear();  // (they may hold what a board had before: swapped out of it)
  x.people.clear();
  const unsigned t = threads.count;
  const std::size_t part_total =
      t == 1 ? 1 : std::max<std::size_t>(2, detail::part_count(n, t, 512));
  DigestLines lines(h);  // the digest's lines after the entries (hashed in order)
  Scoreboard& board = into;
  EntryTable& table = into.entries;
  // Which rubrics have a prize rule: the digest then ends with the prizes.
  std::array<bool, kCategoryCount> prize_rule{};
  bool prizes = false;
  for (std::size_t c = 0; c < kCategoryCount; ++c) {
    const CategoryState& cat = s.categories[c];
    prize_rule[c] = cat.rubric && cat.rubric->prize();
    prizes = prizes || prize_rule[c];
  }
  // Everything the board takes is made first, in the scratch or in storage of its own
  // (`Staged`), and handed over at the end by swaps and appends into room already
  // made, which cannot fail: a call that fails (an error, or std::bad_alloc anywhere)
  // leaves `into` as it was.
  struct Staged {
    // Columns by entry, for a board without room for them (copies of the scratch's).
    std::vector<std::int64_t> total, judged, objective;
    std::vector<EntryStatus> status;
    std::vector<std::uint32_t> rank, place;
    std::vector<std::uint16_t> tier;
    // The fixed facts, for a board that keeps none of them (made whole).
    std::vector<std::uint32_t> org, code_at;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> orgs;
    std::vector<std::pair<std::uint32_t, LinkId>> links;
    std::vector<std::pair<std::uint32_t, ActivityId>> activities;
    std::vector<Category> category;
    std::string codes;
    std::vector<std::string> tier_names;
    std::string digest;
  } staged;
  // A column by entry: a board with room takes the scratch's by swapping (the scratch
  // then keeps the board's old storage for the next call); else a copy is made now,
  // so the campaign keeps pages already touched.
  const auto stage = [n](const auto& column, const auto& computed, auto& copy) {
    if (column.capacity() >= n) return;
    detail::size_for_overwrite(copy, n);
    std::copy(computed.begin(), computed.begin() + static_cast<std::ptrdiff_t>(n), copy.begin());
  };
  const auto hand_over = [n](auto& column, auto& computed, auto& copy) {
    column.swap(column.capacity() >= n ? computed : copy);
  };
  // f(board's column, the scratch's, the copy) for each column by entry.
  const auto each_column = [&](auto&& f) {
    f(table.total_, scored.total, staged.total);
    f(table.status_, scored.status, staged.status);
    f(table.judged_, x.parts.judged, staged.judged);
    f(table.objective_, x.parts.objective, staged.objective);
    f(table.rank_, x.place_rank, staged.rank);
    f(table.place_, x.place_of, staged.place);
    f(table.tier_, x.tier_of, staged.tier);
  };
  const auto stage_columns = [&] {
    each_column(stage);
    for (const AwardTier& tier : scheme.tiers) staged.tier_names.push_back(tier.name);
  };
  // The prizes by entry index, the sparse ones (PrizeRule: shown beside the total,
  // never part of it; 0.00, the table's default for the category, when the entry earns
  // none), into the scratch.
  const auto stage_prizes = [&] {
    x.prizes.clear();
    for (std::size_t i = 0; i < n && prizes; ++i) {
      const std::uint8_t c = s.hot[i].category;
      if (!prize_rule[c]) continue;
      const PrizeRule& p = *s.categories[c].rubric->prize();
      if (scored.status[i] != EntryStatus::ranked || (p.awarded_only && tier_of[i] == 0)) continue;
      std::optional<Decimal> prize;
      const EntryRecord& e = s.entries[i];
      if (auto amount = s.categories[c].rubric->prize_for(e.figures[figure_index(p.figure)])) {
        prize = *amount;
      }
      if (!prize || prize->coefficient() != 0 || prize->scale() != 2) {
        x.prizes.emplace_back(static_cast<std::uint32_t>(i), prize);
      }
    }
  };
  // The fixed facts (codes, categories, units and enterprises, citations): a board this
  // campaign filled before keeps those of its first rows (entries are never removed and
  // these never change) and is extended by the rows added since, into room made now;
  // any other board (another campaign's, a fresh or moved-from one) gets them whole.
  const auto text_at = [&](std::size_t rows) {
    return rows < x.code_at.size() ? std::size_t{x.code_at[rows]} : x.code_text.size();
  };
  const auto prefix_of = [](const auto& column, const auto& full) {
    return column.size() <= full.size() &&
           (column.empty() || column.back() == full[column.size() - 1]);
  };
  std::size_t kept = table.fixed_rows_;
  if (table.fixed_by_ != s.serial || kept > n || table.code_at_.size() != kept ||
      table.org_.size() != kept || table.category_.size() != kept ||
      table.codes_.size() != text_at(kept) || !prefix_of(table.orgs_, x.orgs) ||
      !prefix_of(table.cites_link_, x.links) || !prefix_of(table.cites_activity_, x.activities)) {
    kept = 0;
  }
  // `column` becomes `full`: appended to in place when it keeps rows and has room,
  // else made whole into `whole` now (the board's storage, and the codes it lends, stay
  // as they are until the commit).
  const auto in_place = [&](const auto& column, std::size_t size) {
    return kept != 0 && column.capacity() >= size;
  };
  const auto stage_fixed = [&](const auto& column, const auto& full, auto& whole) {
    if (in_place(column, full.size())) return;
    detail::reserve_for_overwrite(whole, full.size());
    whole.insert(whole.end(), full.begin(), full.end());
  };
  const auto stage_facts = [&] {
    stage_fixed(table.org_, x.org_of, staged.org);
    stage_fixed(table.orgs_, x.orgs, staged.orgs);
    stage_fixed(table.cites_link_, x.links, staged.links);
    stage_fixed(table.cites_activity_, x.activities, staged.activities);
    stage_fixed(table.code_at_, x.code_at, staged.code_at);
    stage_fixed(table.codes_, x.code_text, staged.codes);
    if (!in_place(table.category_, n)) {
      detail::reserve_for_overwrite(staged.category, n);
      for (std::size_t i = 0; i < n; ++i) {
        staged.category.push_back(static_cast<Category>(s.hot[i].category));
      }
    }
  };
  // `column`'s elements from `from` on become full[from, size): within its room, or
  // the whole made before.
  const auto extend = [&](auto& column, std::size_t from, const auto& full, auto& whole) {
    if (!in_place(column, full.size())) {
      column.swap(whole);
      return;
    }
    column.resize(from);
    column.insert(column.end(), full.begin() + static_cast<std::ptrdiff_t>(from), full.end());
  };
  // The board takes everything made: nothing here allocates.
  const auto commit = [&] {
    each_column(hand_over);
    for (std::size_t c = 0; c < kCategoryCount; ++c) {
      table.group_first_[c] =
          static_cast<std::uint32_t>(first_place[spec.rank_per_category ? c : 0]);
    }
    table.order_.swap(order);
    table.tier_names_.swap(staged.tier_names);
    table.prize_rule_ = prize_rule;
    table.prize_.swap(x.prizes);
    board.units.swap(x.units);
    board.people.swap(x.people);
    board.cusps.swap(x.cusps);
    extend(table.org_, kept, x.org_of, staged.org);
    extend(table.orgs_, table.orgs_.size(), x.orgs, staged.orgs);
    extend(table.cites_link_, table.cites_link_.size(), x.links, staged.links);
    extend(table.cites_activity_, table.cites_activity_.size(), x.activities, staged.activities);
    extend(table.code_at_, kept, x.code_at, staged.code_at);
    extend(table.codes_, text_at(kept), x.code_text, staged.codes);
    if (!in_place(table.category_, n)) {
      table.category_.swap(staged.category);
    } else {
      table.category_.resize(kept);
      for (std::size_t i = kept; i < n; ++i) {
        table.category_.push_back(static_cast<Category>(s.hot[i].category));
      }
    }
    table.fixed_by_ = s.serial;
    table.fixed_rows_ = n;
    board.digest_.swap(staged.digest);
  };
  // With threads, a second thread makes the second half's digest bytes, then writes
  // the listing places, the tiers and cusps, makes the honours, their and the cusps'
  // lines, then the board's columns and prizes, while the calling thread hashes the
  // first half's bytes and then the rest as it comes (SHA-256 is one stream) and makes
  // room for the fixed facts. No second thread to be had: all on this one.
  std::atomic<int> later{0};  // 1: the second half's bytes are made; 2: they never will be
  std::atomic<int> tail{0};   // 1: the honours' and cusps' lines are made; 2: never
  std::exception_ptr second_failed;
  const std::size_t half = n / 2;
  // Declared after everything it uses: if this thread throws, the second is joined
  // (jthread's destructor) before any of it goes.
  std::jthread second;
  if (part_total > 1) {
    try {
      second = std::jthread([&] {
        // Whatever happens here, the calling thread is let go.
        const auto release = [](std::atomic<int>& flag, int value) {
          flag.store(value);
          flag.notify_one();
        };
        try {
          entry_bytes_into(columns, half, n, x.later_entry_bytes);
          release(later, 1);
          write_places(Threads{});
          write_tiers(Threads{});
          honours = advanced_honours(s, tier_of, totals, x.units, x.people);
          x.tail_bytes.clear();
          if (honours) {
            DigestLines tail_lines(x.tail_bytes);
            honours_and_cusp_lines(tail_lines, x.units, x.people, x.cusps, x.cusp_place, columns);
            tail_lines.flush();
          }
          release(tail, honours ? 1 : 2);
          if (honours) {
            stage_columns();
            stage_prizes();
          }
        } catch (...) {
          second_failed = std::current_exception();
        }
        if (later.load() == 0) release(later, 2);
        if (tail.load() == 0) release(tail, 2);
      });
    } catch (const std::system_error&) {
      // no thread: one thread does it all below
    }
  }
  if (second.joinable()) {
    digest_entries(columns, 0, half, h);
    later.wait(0);
    if (later.load() == 1) h.update(std::span<const std::uint8_t>(x.later_entry_bytes));
    tail.wait(0);
    if (tail.load() == 1) h.update(std::span<const std::uint8_t>(x.tail_bytes));
    if (tail.load() == 1) stage_facts();
    second.join();
    if (second_failed) std::rethrow_exception(second_failed);
    if (!honours) return honours.error();  // `into` untouched
  } else {
    write_places(threads);
    write_slots(threads);
    if (x.slots_fit) columns.place_slots = x.place_slots.data();
    write_tiers(threads);
    honours = advanced_honours(s, tier_of, totals, x.units, x.people);
    if (!honours) return honours.error();  // `into` untouched
    digest_entries(columns, 0, n, h);
    honours_and_cusp_lines(lines, x.units, x.people, x.cusps, x.cusp_place, columns);
    stage_columns();
    stage_prizes();
    stage_facts();
  }
  // The end of the digest: the prizes in listing order where a rubric has a prize rule
  // (so a campaign without one keeps its digest); an entry missing from the sparse list
  // has 0.00.
  if (prizes) {
    const auto by_row = [](const std::pair<std::uint32_t, std::optional<Decimal>>& p,
                           std::uint32_t row) { return p.first < row; };
    const Decimal none = Decimal::unchecked(0, 2);
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint32_t i = order[k];
      if (!prize_rule[s.hot[i].category]) continue;
      const auto it = std::lower_bound(x.prizes.begin(), x.prizes.end(), i, by_row);
      const bool listed = it != x.prizes.end() && it->first == i;
      if (listed && !it->second) continue;  // no prize for its figure
      lines.text("prize|").text(code_of(columns, i)).text("|");
      lines.decimal(listed ? *it->second : none).text("\n");
    }
  }
  lines.flush();
  staged.digest = detail::to_hex(h.finish());
  commit();
  // The lists grew by doubling: give back what a board does not use (a board scored
  // again with as many fits the same storage, so this reallocates only when they grow;
  // a failed shrink changes nothing).
  const auto fit = [](auto& list) {
    if (list.capacity() - list.size() > list.size() / 16 + 16) list.shrink_to_fit();
  };
  fit(board.units);
  fit(board.people);
  fit(board.cusps);
  fit(table.prize_);
  fit(table.cites_link_);
  fit(table.cites_activity_);
  return {};
}

}  // namespace v1
}  // namespace kexie
