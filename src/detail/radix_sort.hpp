// The sorts that rank a campaign without comparing totals one pair at a time:
// stable radix sorts of 64-bit keys, and the modular inverse that turns an
// exact division of totals by their common unit into one multiplication, so
// keys are packed into as few bits (and radix passes) as they need. Internal.
#ifndef KEXIE_SRC_DETAIL_RADIX_SORT_HPP
#define KEXIE_SRC_DETAIL_RADIX_SORT_HPP

#include <cstddef>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "kexie/threads.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

/// Sorts `idx` stably by `totals[idx[k]]`, highest first (11 bits a pass over
/// (key, index) pairs; passes whose digit is the same for every key are
/// skipped). On return `keys[k]` is the sort key of `idx[k]`: equal keys mean
/// equal totals, and `~keys[k] ^ (1 << 63)` is the total back.
///
///   std::vector<std::uint32_t> idx{0, 1, 2};
///   std::vector<std::uint64_t> keys;
///   sort_by_total(idx, {5, 9, 5}, keys);  // idx == {1, 0, 2}
void sort_by_total(std::vector<std::uint32_t>& idx, const std::vector<std::int64_t>& totals,
                   std::vector<std::uint64_t>& keys);

/// Sorts 64-bit words ascending on bits [low, low + bits) only, stably; the bits
/// below `low` ride along. `tmp` is scratch space. The same as the threaded sort
/// below on one thread.
///
///   std::vector<std::uint64_t> a{0x31, 0x10, 0x21}, tmp;
///   radix_sort_bits(a, tmp, 4, 4);  // a == {0x10, 0x21, 0x31}
void radix_sort_bits(std::vector<std::uint64_t>& a, std::vector<std::uint64_t>& tmp, int low,
                     int bits);

/// The smallest part of the threaded radix sort by default (words).
inline constexpr std::size_t kRadixMinPart = std::size_t{1} << 14;

/// `radix_sort_bits` on up to `threads` threads (the calling thread included), most
/// significant digit first: one pass scatters the words by their top bits (at most 7)
/// into buckets of about `min_part` / 2 words (the parts count and scatter their
/// slices in parallel, each word going where a stable sort puts it), then each bucket,
/// small enough to stay in cache, is sorted on the remaining bits by LSD passes of
/// at most 11 bits, the buckets shared among the threads. The result is the stable
/// sort, the same for every thread count. Parts hold at least `min_part` words.
///
///   radix_sort_bits(items, tmp, 20, 15, Threads{2});  // the same as radix_sort_bits(items, tmp,
///   20, 15)
void radix_sort_bits(std::vector<std::uint64_t>& a, std::vector<std::uint64_t>& tmp, int low,
                     int bits, Threads threads, std::size_t min_part = kRadixMinPart);

/// What a task run beside a sort may read of the sorted words: `reach(end)` returns
/// once places [0, e) of the sorted array hold their final words, for some e ≥ `end`
/// where no run of equal sort bits is cut (a bucket's end, or the array's), and returns
/// e. A bucket below `end` that no thread has taken yet is sorted by the calling thread
/// itself, so the task never waits on work nobody does.
///
///   for (std::size_t p = 0; p < n;) { const std::size_t e = sorted.reach(p + 1); list(p, e); p =
///   e; }
class SortedPrefix {
 public:
  /// A prefix reaching `(end)` by calling `reach`; none (every word sorted) when empty.
  explicit SortedPrefix(std::size_t size, std::function<std::size_t(std::size_t)> reach = {})
      : size_(size), reach_(std::move(reach)) {}

  /// Waits (or sorts) until places [0, e) are final, e ≥ `end` at a run's boundary.
  [[nodiscard]] std::size_t reach(std::size_t end) const { return reach_ ? reach_(end) : size_; }

 private:
  std::size_t size_;
  std::function<std::size_t(std::size_t)> reach_;
};

/// `radix_sort_bits` on up to `threads` threads that also runs `beside(sorted)` once:
/// on one of the threads while the others sort the buckets, reading the words sorted
/// so far through `sorted`, or after the sort when there is one thread or nothing to
/// share. `beside` must not write `a` or `tmp`, nor read `a` past what `sorted` has
/// reached; what it throws is thrown from here (after the sort's threads have
/// finished).
///
///   radix_sort_bits(items, tmp, 20, 15, Threads{2}, kRadixMinPart,
///                   [&](const SortedPrefix& sorted) { list(sorted); });
void radix_sort_bits(std::vector<std::uint64_t>& a, std::vector<std::uint64_t>& tmp, int low,
                     int bits, Threads threads, std::size_t min_part,
                     const std::function<void(const SortedPrefix&)>& beside);

/// The inverse of an odd number mod 2^64 (Newton's iteration doubles the
/// correct low bits each step: 3 → 6 → 12 → 24 → 48 → 96), so an exact
/// division by `odd` is a multiplication.
///
///   static_assert(inverse_mod_2_64(3) * 3 == 1);
///   static_assert(21 * inverse_mod_2_64(7) == 3);
constexpr std::uint64_t inverse_mod_2_64(std::uint64_t odd) noexcept {
  std::uint64_t x = odd;  // correct to 3 bits: odd × odd ≡ 1 (mod 8)
  for (int k = 0; k < 5; ++k) x *= 2 - odd * x;
  return x;
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_DETAIL_RADIX_SORT_HPP
