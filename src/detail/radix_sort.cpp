// Stable LSD radix sorts for ranking (see radix_sort.hpp).
#include "detail/radix_sort.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstddef>
#include <thread>

#include "detail/parallel.hpp"
#include "detail/prefetch.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

// Stable LSD radix sort of a group's entries by total, highest first, for totals too
// far apart to pack with their places (see radix_sort_bits): 11 bits a pass over
// (key, index) pairs; passes whose digit is the same for every key are skipped. On
// return `keys[k]` is the sort key of `idx[k]` (equal keys ⇔ equal totals).
void sort_by_total(std::vector<std::uint32_t>& idx, const std::vector<std::int64_t>& totals,
                   std::vector<std::uint64_t>& keys) {
  struct Item {
    std::uint64_t key;
    std::uint32_t index;
  };
  std::vector<Item> a(idx.size()), b(idx.size());
  for (std::size_t k = 0; k < idx.size(); ++k) {
    a[k] = {~(static_cast<std::uint64_t>(totals[idx[k]]) ^ (std::uint64_t{1} << 63)), idx[k]};
  }
  const int bits = 11;
  const std::uint64_t mask = (std::uint64_t{1} << bits) - 1;
  std::vector<std::uint32_t> count(std::size_t{1} << bits);
  for (int shift = 0; shift < 64 && !a.empty(); shift += bits) {
    std::fill(count.begin(), count.end(), 0u);
    for (const Item& it : a) ++count[(it.key >> shift) & mask];
    if (count[(a.front().key >> shift) & mask] == a.size()) continue;
    std::uint32_t at = 0;
    for (std::uint32_t& c : count) {
      const std::uint32_t here = c;
      c = at;
      at += here;
    }
    for (const Item& it : a) b[count[(it.key >> shift) & mask]++] = it;
    a.swap(b);
  }
  keys.resize(a.size());
  for (std::size_t k = 0; k < a.size(); ++k) {
    idx[k] = a[k].index;
    keys[k] = a[k].key;
  }
}

// One thread: the parallel sort below with one part.
void radix_sort_bits(std::vector<std::uint64_t>& a, std::vector<std::uint64_t>& tmp, int low,
                     int bits) {
  radix_sort_bits(a, tmp, low, bits, Threads{});
}

// The parallel sort, most significant digit first: every part counts the top digit
// of its slice; the places of each (digit, part) follow every smaller digit and,
// within a digit, every earlier part; every part scatters its slice to its places
// (into `tmp`). That is where a stable sort on the top digit puts each word. Then
// each top-digit bucket, small enough to stay in cache (about min_part / 2 words),
// is sorted on the remaining bits by stable LSD passes of at most 11 bits back into
// `a`, the buckets shared among the parts by their places. The result is the stable
// sort, whatever the parts: the same for every thread count.
void radix_sort_bits(std::vector<std::uint64_t>& a, std::vector<std::uint64_t>& tmp, int low,
                     int bits, Threads threads, std::size_t min_part) {
  radix_sort_bits(a, tmp, low, bits, threads, min_part, std::function<void(const SortedPrefix&)>());
}

// The sort, with `beside` run on one part of the bucket passes when there are two or
// more (that part sorts the buckets it reaches before any other part takes them).
void radix_sort_bits(std::vector<std::uint64_t>& a, std::vector<std::uint64_t>& tmp, int low,
                     int bits, Threads threads, std::size_t min_part,
                     const std::function<void(const SortedPrefix&)>& beside) {
  bool ran = false;  // beside has run
  const auto finish = [&] {
    if (beside && !ran) beside(SortedPrefix(a.size()));
  };
  const std::size_t n = a.size();
  if (bits <= 0 || n < 2) return finish();
  min_part = std::max<std::size_t>(min_part, 1);
  const std::size_t parts = part_count(n, threads.count, min_part);
  // The top digit: enough buckets for about min_part / 2 words each (the LSD passes
  // over a bucket of 64 KiB ran 1.6 times as fast as over one of 256 KiB), at most
  // kMaxTopBits bits (a scatter to 256 buckets ran 3.5 times as slow as to 128; both
  // measured in round 12, docs/performance.md).
  constexpr int kMaxTopBits = 7;
  const int top =
      std::clamp(static_cast<int>(std::bit_width(n / std::max<std::size_t>(min_part / 2, 1))), 1,
                 std::min(bits, kMaxTopBits));
  const int rest = bits - top;
  const int top_shift = low + rest;
  const std::size_t buckets = std::size_t{1} << top;
  const std::uint64_t top_mask = buckets - 1;
  // count[part × buckets + digit]: the part's count, then its first place.
  std::vector<std::uint32_t> count(parts * buckets, 0u);
  parallel_parts(threads, n, parts, 1, [&](std::size_t part, std::size_t begin, std::size_t end) {
    std::uint32_t* c = count.data() + part * buckets;
    const std::uint64_t* x = a.data();
    for (std::size_t k = begin; k < end; ++k) ++c[(x[k] >> top_shift) & top_mask];
  });
  // start[d]: the first place of bucket d (start[buckets] = n).
  std::vector<std::size_t> start(buckets + 1);
  std::uint32_t at = 0;
  for (std::size_t d = 0; d < buckets; ++d) {
    start[d] = at;
    for (std::size_t part = 0; part < parts; ++part) {
      std::uint32_t& c = count[part * buckets + d];
      const std::uint32_t here = c;
      c = at;
      at += here;
    }
  }
  start[buckets] = n;
  tmp.resize(n);
  parallel_parts(threads, n, parts, 1, [&](std::size_t part, std::size_t begin, std::size_t end) {
    std::uint32_t* c = count.data() + part * buckets;
    const std::uint64_t* x = a.data();
    std::uint64_t* out = tmp.data();
    for (std::size_t k = begin; k < end; ++k) {
      const std::uint32_t place = c[(x[k] >> top_shift) & top_mask]++;
      // The bucket's place 512 bytes on, asked for now (prefetch.hpp).
      prefetch_write(out + place, 512);
      out[place] = x[k];
    }
  });
  if (rest == 0) {
    a.swap(tmp);
    return finish();
  }
  // The rest, bucket by bucket. Each bucket is taken once, by whoever claims it first
  // (untaken → taken → sorted): the parts take them in order; with `beside` and two
  // parts or more, part 0 runs it instead, and when `beside` needs a bucket nobody has
  // taken yet, it sorts that bucket itself, so it waits only on buckets being sorted.
  // A bucket's passes touch its places only: who sorts which changes nothing.
  const bool aside = beside && parts > 1;
  const int passes = (rest + 10) / 11;
  const int digit = (rest + passes - 1) / passes;
  const std::size_t digits = std::size_t{1} << digit;
  constexpr std::uint8_t kUntaken = 0, kTaken = 1, kSorted = 2;
  std::vector<std::atomic<std::uint8_t>> state(buckets);  // each kUntaken
  const auto take = [&](std::size_t d) {
    std::uint8_t untaken = kUntaken;
    return state[d].compare_exchange_strong(untaken, kTaken, std::memory_order_acq_rel);
  };
  const auto sort_bucket = [&](std::size_t d, std::vector<std::uint32_t>& c) {
    const std::size_t size = start[d + 1] - start[d];
    std::uint64_t* src = tmp.data() + start[d];
    std::uint64_t* dst = a.data() + start[d];
    for (int p = 0; p < passes && size > 1; ++p) {
      const int shift = low + p * digit;
      // The last pass may be narrower: no bit above the field is read.
      const std::uint64_t mask = (std::uint64_t{1} << std::min(digit, rest - p * digit)) - 1;
      std::fill(c.begin(), c.end(), 0u);
      for (std::size_t k = 0; k < size; ++k) ++c[(src[k] >> shift) & mask];
      if (c[(src[0] >> shift) & mask] == size) continue;  // one digit value: nothing moves
      std::uint32_t place = 0;
      for (std::uint32_t& v : c) {
        const std::uint32_t here = v;
        v = place;
        place += here;
      }
      for (std::size_t k = 0; k < size; ++k) dst[c[(src[k] >> shift) & mask]++] = src[k];
      std::swap(src, dst);
    }
    if (src != a.data() + start[d]) std::copy(src, src + size, a.data() + start[d]);
    state[d].store(kSorted, std::memory_order_release);
  };
  std::atomic<std::size_t> next{0};
  parallel_parts(threads, parts, parts, 1, [&](std::size_t part, std::size_t, std::size_t) {
    std::vector<std::uint32_t> c(digits);
    if (aside && part == 0) {
      std::size_t reached = 0;  // buckets [0, reached) sorted
      beside(SortedPrefix(n, [&](std::size_t end) {
        while (reached < buckets && start[reached] < end) {
          if (take(reached)) {
            sort_bucket(reached, c);
          } else {
            for (unsigned spins = 0; state[reached].load(std::memory_order_acquire) != kSorted;
                 ++spins) {
              if (spins % 64 == 63) std::this_thread::yield();
            }
          }
          ++reached;
        }
        return start[reached];
      }));
      return;
    }
    for (std::size_t d = next.fetch_add(1, std::memory_order_relaxed); d < buckets;
         d = next.fetch_add(1, std::memory_order_relaxed)) {
      if (take(d)) sort_bucket(d, c);
    }
  });
  // Buckets `beside` did not reach and no other part took (it returned early, or the
  // other parts ran before it on this thread): sorted here.
  {
    std::vector<std::uint32_t> c(digits);
    for (std::size_t d = 0; d < buckets; ++d) {
      if (take(d)) sort_bucket(d, c);
    }
  }
  ran = aside;  // (parallel_parts rethrew what beside threw)
  finish();
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie
