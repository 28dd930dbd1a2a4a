// Asking for memory ahead of a pass over it (issue 17): on the machines measured, the
// hardware's own prefetch kept the scoring pass, the ranking sort's top scatter and
// the listing's rows below the memory's speed (docs/performance.md, round 15). The
// address is formed as an integer, so asking past the end of an array is no pointer
// arithmetic out of bounds; a prefetch never faults. Internal.
#ifndef KEXIE_SRC_DETAIL_PREFETCH_HPP
#define KEXIE_SRC_DETAIL_PREFETCH_HPP

#include <cstddef>
#include <cstdint>

namespace kexie {
inline namespace v1 {
namespace detail {

/// Asks for the cache line `bytes` past `p`, to be read soon.
///
///   prefetch_read(steps + offset, 2048);
inline void prefetch_read(const void* p, std::size_t bytes) noexcept {
  __builtin_prefetch(reinterpret_cast<const void*>(reinterpret_cast<std::uintptr_t>(p) + bytes), 0);
}

/// Asks for the cache line `bytes` past `p`, to be written soon.
///
///   prefetch_write(out + at, 512);
inline void prefetch_write(const void* p, std::size_t bytes) noexcept {
  __builtin_prefetch(reinterpret_cast<const void*>(reinterpret_cast<std::uintptr_t>(p) + bytes), 1);
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_DETAIL_PREFETCH_HPP
