// Sizing large arrays that are about to be written in full (the scoreboard's columns)
// so that their first touch is cheap. On the machines kexie is measured on, a page
// touched for the first time costs about 11 µs (4 KiB: about 2.7 ms per megabyte);
// asking the kernel for transparent huge pages on the fresh range (Linux
// MADV_HUGEPAGE, honoured when /sys/kernel/mm/transparent_hugepage/enabled is
// "always" or "madvise") makes it one fault per 2 MiB. A hint only: memory the
// allocator recycles is already mapped and keeps its pages, and elsewhere it does
// nothing. Internal.
#ifndef KEXIE_SRC_DETAIL_FRESH_PAGES_HPP
#define KEXIE_SRC_DETAIL_FRESH_PAGES_HPP

#include <cstddef>
#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace kexie {
inline namespace v1 {
namespace detail {

/// The huge-page size the hint is given for.
inline constexpr std::size_t kHugePage = std::size_t{2} << 20;

/// Hints that the 2 MiB-aligned pages inside [p, p + bytes) be backed by huge pages
/// when first touched. Does nothing for ranges shorter than two huge pages, and
/// nothing off Linux.
///
///   prefer_huge_pages(v.data(), v.capacity() * sizeof(v[0]));
inline void prefer_huge_pages(void* p, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (bytes < 2 * kHugePage) return;
  const auto begin = reinterpret_cast<std::uintptr_t>(p);
  const std::uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t last = (begin + bytes) & ~(kHugePage - 1);
  if (last > first) {
    (void)madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);  // a hint
  }
#else
  (void)p;
  (void)bytes;
#endif
}

/// Empties `v` and makes room for `n` elements: when its storage is too small, it is
/// replaced (nothing is copied) and the fresh storage gets the huge-page hint before
/// anything touches it.
///
///   reserve_for_overwrite(order, n);
template <class Vector>
void reserve_for_overwrite(Vector& v, std::size_t n) {
  v.clear();
  if (v.capacity() < n) {
    v.reserve(n);
    prefer_huge_pages(v.data(), v.capacity() * sizeof(v[0]));
  }
}

/// Makes `v` hold `n` elements that the caller will overwrite, with fresh storage
/// hinted as `reserve_for_overwrite` does (the new elements are value-initialized).
///
///   size_for_overwrite(table.judged_, n);
template <class Vector>
void size_for_overwrite(Vector& v, std::size_t n) {
  if (v.capacity() < n) reserve_for_overwrite(v, n);
  v.resize(n);
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_DETAIL_FRESH_PAGES_HPP
