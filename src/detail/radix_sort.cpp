// Stable LSD radix sorts for ranking (see radix_sort.hpp).
#include "detail/radix_sort.hpp"

#include <algorithm>
#include <cstddef>

#include "detail/parallel.hpp"

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

// Sorts 64-bit words ascending on bits [low, low + bits) only, stably (LSD, at most
// 12 bits a pass so a histogram stays in L1). The bits below `low` ride along.
void radix_sort_bits(std::vector<std::uint64_t>& a, std::vector<std::uint64_t>& tmp, int low,
                     int bits) {
  if (bits <= 0 || a.size() < 2) return;
  const int passes = (bits + 11) / 12;
  const int digit = (bits + passes - 1) / passes;
  const std::size_t buckets = std::size_t{1} << digit;
  const std::uint64_t mask = buckets - 1;
  // Every pass's histogram in one read of the input.
  std::vector<std::uint32_t> count(buckets * static_cast<std::size_t>(passes), 0u);
  for (const std::uint64_t x : a) {
    for (int p = 0; p < passes; ++p) {
      ++count[static_cast<std::size_t>(p) * buckets + ((x >> (low + p * digit)) & mask)];
    }
  }
  tmp.resize(a.size());
  for (int p = 0; p < passes; ++p) {
    std::uint32_t* c = count.data() + static_cast<std::size_t>(p) * buckets;
    const int shift = low + p * digit;
    if (c[(a.front() >> shift) & mask] == a.size()) continue;  // one digit value: nothing moves
    std::uint32_t at = 0;
    for (std::size_t d = 0; d < buckets; ++d) {
      const std::uint32_t here = c[d];
      c[d] = at;
      at += here;
    }
    for (const std::uint64_t x : a) tmp[c[(x >> shift) & mask]++] = x;
    a.swap(tmp);
  }
}

// The parallel sort: per pass, every part counts the digits of its slice, the
// places of each (digit, part) follow every smaller digit and, within a digit, every
// earlier part, and every part scatters its slice to its places. That is where the
// one-thread stable sort puts each word, so the result does not depend on the parts.
void radix_sort_bits(std::vector<std::uint64_t>& a, std::vector<std::uint64_t>& tmp, int low,
                     int bits, unsigned threads, std::size_t min_part) {
  const std::size_t n = a.size();
  const std::size_t parts = part_count(n, threads, min_part);
  if (parts <= 1 || bits <= 0) {
    radix_sort_bits(a, tmp, low, bits);
    return;
  }
  const int passes = (bits + 11) / 12;
  const int digit = (bits + passes - 1) / passes;
  const std::size_t buckets = std::size_t{1} << digit;
  const std::uint64_t mask = buckets - 1;
  // count[(part × passes + pass) × buckets + digit], of the words as they are now.
  std::vector<std::uint32_t> count(parts * static_cast<std::size_t>(passes) * buckets, 0u);
  const auto counts = [&](std::size_t part, int pass) {
    return count.data() +
           (part * static_cast<std::size_t>(passes) + static_cast<std::size_t>(pass)) * buckets;
  };
  // Every pass's counts in one read; they stay right until a pass moves words.
  parallel_parts(n, parts, 1, [&](std::size_t part, std::size_t begin, std::size_t end) {
    for (std::size_t k = begin; k < end; ++k) {
      const std::uint64_t x = a[k];
      for (int p = 0; p < passes; ++p) ++counts(part, p)[(x >> (low + p * digit)) & mask];
    }
  });
  tmp.resize(n);
  bool moved = false;
  std::vector<std::uint32_t> total(buckets);
  for (int p = 0; p < passes; ++p) {
    const int shift = low + p * digit;
    if (moved) {
      parallel_parts(n, parts, 1, [&](std::size_t part, std::size_t begin, std::size_t end) {
        std::uint32_t* c = counts(part, p);
        std::fill(c, c + buckets, 0u);
        for (std::size_t k = begin; k < end; ++k) ++c[(a[k] >> shift) & mask];
      });
    }
    std::fill(total.begin(), total.end(), 0u);
    for (std::size_t part = 0; part < parts; ++part) {
      const std::uint32_t* c = counts(part, p);
      for (std::size_t d = 0; d < buckets; ++d) total[d] += c[d];
    }
    if (total[(a.front() >> shift) & mask] == n) continue;  // one digit value: nothing moves
    std::uint32_t at = 0;
    for (std::size_t d = 0; d < buckets; ++d) {
      for (std::size_t part = 0; part < parts; ++part) {
        std::uint32_t& c = counts(part, p)[d];
        const std::uint32_t here = c;
        c = at;
        at += here;
      }
    }
    parallel_parts(n, parts, 1, [&](std::size_t part, std::size_t begin, std::size_t end) {
      std::uint32_t* c = counts(part, p);
      for (std::size_t k = begin; k < end; ++k) {
        const std::uint64_t x = a[k];
        tmp[c[(x >> shift) & mask]++] = x;
      }
    });
    a.swap(tmp);
    moved = true;
  }
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie
