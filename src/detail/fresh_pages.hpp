// Large arrays in fresh memory that the kernel may back with transparent huge
// pages. A snapshot load of a national registry fills some hundreds of megabytes
// of new columns at once; on the virtual machines kexie runs on, the first touch
// of a fresh 4 KiB page costs several microseconds (a fault, a cleared page), so
// a gigabyte costs seconds in faults alone. With huge pages requested
// (MADV_HUGEPAGE, honoured when the system's transparent huge pages are set to
// `madvise` or `always`), one fault maps 2 MiB. Only the 2 MiB-aligned middle of
// the vector's own block is advised; the hint never changes a value, and where it
// is unknown (not Linux) or refused, the memory is plain pages. Internal.
#ifndef KEXIE_SRC_DETAIL_FRESH_PAGES_HPP
#define KEXIE_SRC_DETAIL_FRESH_PAGES_HPP

#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace kexie {
inline namespace v1 {
namespace detail {

/// Below this many bytes an array is not worth a system call.
inline constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;

/// Asks for huge pages for the whole 2 MiB pages inside `[p, p + bytes)`; a
/// hint, without effect where it is not supported.
///
///   advise_huge_pages(v.data(), v.capacity() * sizeof v[0]);
inline void advise_huge_pages(void* p, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (bytes < 2 * kHugePageBytes) return;
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  const std::uintptr_t first = (at + kHugePageBytes - 1) & ~(kHugePageBytes - 1);
  const std::uintptr_t last = (at + bytes) & ~(kHugePageBytes - 1);
  if (last > first) (void)::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
  (void)p;
  (void)bytes;
#endif
}

/// Resizes `v` to `n` values (value-initialized, as `resize`), asking for huge
/// pages for the part that is new memory. For an empty vector that is all of it.
///
///   resize_fresh(columns.p_birth, people);  // snapshot_registry.cpp
template <class T>
void resize_fresh(std::vector<T>& v, std::size_t n) {
  if (n > v.capacity()) {
    v.reserve(n);
    advise_huge_pages(v.data() + v.size(), (n - v.size()) * sizeof(T));
  }
  v.resize(n);
}

/// Replaces the contents of `v` with `n` copies of `value` (as `assign`), asking
/// for huge pages when that needs a new block.
///
///   assign_fresh(s.p_mhead, people, kNone);  // registry.cpp, rebuild
template <class T>
void assign_fresh(std::vector<T>& v, std::size_t n, const T& value) {
  if (n > v.capacity()) {
    std::vector<T>().swap(v);  // nothing to copy into the new block
    v.reserve(n);
    advise_huge_pages(v.data(), n * sizeof(T));
  }
  v.assign(n, value);
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_DETAIL_FRESH_PAGES_HPP
