// The marks as steps (see campaign_mark_steps.hpp): the stale blocks, and their encoding.
#include "campaign_mark_steps.hpp"

#include <algorithm>
#include <array>

#include "campaign_state.hpp"
#include "detail/fresh_pages.hpp"
#include "detail/parallel.hpp"
#include "detail/score_kernel.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

namespace {

constexpr std::size_t blocks_of(std::size_t cells) noexcept {
  return (cells + MarkSteps::kBlockCells - 1) / MarkSteps::kBlockCells;
}

// A category's columns as the encoding reads them, repeated for every slot of an entry
// (cell k of an entry is on column k mod columns): empty when its marks do not fit a
// byte (nothing of it is encoded; the scoring pass never reads its steps).
struct ColumnSteps {
  std::vector<std::int32_t> min, step;
  std::vector<float> inverse;  // 1 / step
};

}  // namespace

bool steps_fit(const CategoryState& cat, std::size_t width) noexcept {
  if (!cat.rubric || cat.columns.size() * width > kMaxBatchCells) return false;
  for (std::size_t col = 0; col < cat.columns.size(); ++col) {
    const std::int64_t span = std::int64_t{cat.col_max[col]} - cat.col_min[col];
    if (cat.col_step[col] <= 0 || span / cat.col_step[col] >= kNoStep) return false;
  }
  return true;
}

void MarkSteps::make_room(std::size_t cells) {
  const std::size_t blocks = blocks_of(cells);
  if (stale_.capacity() < blocks) stale_.reserve(std::max(blocks, 2 * stale_.capacity()));
}

void MarkSteps::changed(std::size_t first, std::size_t count) noexcept {
  if (count == 0) return;
  const std::size_t from = first / kBlockCells, to = blocks_of(first + count);
  if (stale_.size() < to) {
    if (stale_.capacity() < to) {  // no room made: every block is encoded again
      all_stale_ = true;
      return;
    }
    stale_.resize(to, 1);  // within the capacity: cannot throw
  }
  std::fill(stale_.begin() + static_cast<std::ptrdiff_t>(from),
            stale_.begin() + static_cast<std::ptrdiff_t>(to), std::uint8_t{1});
}

const std::uint8_t* MarkSteps::bytes(const CampaignImpl& s, Threads threads) const {
  const std::lock_guard lock(mutex_);
  const std::size_t cells = s.marks.size();
  const std::size_t blocks = blocks_of(cells);
  std::vector<std::uint32_t> todo;
  for (std::size_t b = 0; b < blocks; ++b) {
    if (all_stale_ || b >= stale_.size() || stale_[b] != 0)
      todo.push_back(static_cast<std::uint32_t>(b));
  }
  if (bytes_.capacity() < cells + kPadding) {
    // Fresh storage, hinted before anything touches it (a page's first touch is what
    // costs here: fresh_pages.hpp); the steps held so far copied after the hint.
    std::vector<std::uint8_t> grown;
    grown.reserve(std::max(cells + kPadding, 2 * bytes_.capacity()));
    prefer_huge_pages(grown.data(), grown.capacity());
    grown.assign(bytes_.begin(), bytes_.end());
    bytes_.swap(grown);
  }
  // Cells only grow (entries are never removed); the padding and the new cells read as
  // no mark until encoded (changed() flagged the new cells' blocks).
  if (bytes_.size() != cells + kPadding) bytes_.resize(cells + kPadding, kNoStep);
  if (todo.empty()) return bytes_.data();
  std::array<ColumnSteps, kCategoryCount> columns;
  for (std::size_t c = 0; c < kCategoryCount; ++c) {
    const CategoryState& cat = s.categories[c];
    if (!steps_fit(cat, s.width())) continue;
    for (std::size_t slot = 0; slot < s.width(); ++slot) {
      for (std::size_t col = 0; col < cat.columns.size(); ++col) {
        columns[c].min.push_back(cat.col_min[col]);
        columns[c].step.push_back(cat.col_step[col]);
        columns[c].inverse.push_back(1.0F / static_cast<float>(cat.col_step[col]));
      }
    }
  }
  const bool avx2 = avx2_available();
  const auto encode = [&](std::size_t block) {
    const std::size_t lo = block * kBlockCells, hi = std::min(lo + kBlockCells, cells);
    // The entry holding cell lo: entries' cells lie one after another in entry order.
    auto it = std::upper_bound(s.hot.begin(), s.hot.end(), lo,
                               [](std::size_t x, const EntryHot& h) { return x < h.mark_offset; });
    if (it != s.hot.begin()) --it;
    for (; it != s.hot.end() && it->mark_offset < hi; ++it) {
      const ColumnSteps& cs = columns[it->category];
      if (cs.min.empty()) continue;
      // The entry's cells in the block, [from, to), eight at a time with AVX2.
      const std::size_t first = it->mark_offset;
      const std::size_t from = std::max<std::size_t>(first, lo);
      const std::size_t to = std::min(first + cs.min.size(), hi);
      if (from >= to) continue;
      const std::size_t k = from - first;
      if (avx2) {
        encode_steps_avx2(s.marks.data() + from, to - from, cs.min.data() + k, cs.step.data() + k,
                          cs.inverse.data() + k, bytes_.data() + from);
        continue;
      }
      for (std::size_t x = from; x < to; ++x) {
        bytes_[x] = step_of(s.marks[x], cs.min[x - first], cs.step[x - first]);
      }
    }
  };
  // Blocks are disjoint ranges of cells: the parts write disjoint bytes.
  detail::parallel_parts(threads, todo.size(), part_count(todo.size(), threads.count, 16), 1,
                         [&](std::size_t, std::size_t begin, std::size_t end) {
                           for (std::size_t j = begin; j < end; ++j) encode(todo[j]);
                         });
  for (const std::uint32_t b : todo) {
    if (b < stale_.size()) stale_[b] = 0;
  }
  all_stale_ = false;
  return bytes_.data();
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie
