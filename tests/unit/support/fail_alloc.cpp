// The replaced global allocation functions of fail_alloc.hpp. They allocate
// with malloc/aligned_alloc and free with free, so ASan and LSan (which
// intercept malloc) still see every block and report leaks.
#include "support/fail_alloc.hpp"

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>

namespace {

std::atomic<std::uint64_t> g_countdown{0};  // 0: disarmed
std::atomic<bool> g_fired{false};
std::atomic<std::uint64_t> g_count{0};

/// Whether this allocation is the armed one (and disarms if so).
bool should_fail() noexcept {
  g_count.fetch_add(1, std::memory_order_relaxed);
  std::uint64_t left = g_countdown.load(std::memory_order_relaxed);
  while (left != 0) {
    if (g_countdown.compare_exchange_weak(left, left - 1, std::memory_order_relaxed)) {
      if (left == 1) {
        g_fired.store(true, std::memory_order_relaxed);
        return true;
      }
      return false;
    }
  }
  return false;
}

void* allocate(std::size_t size) noexcept {
  if (should_fail()) return nullptr;
  return std::malloc(size == 0 ? 1 : size);
}

void* allocate_aligned(std::size_t size, std::align_val_t al) noexcept {
  if (should_fail()) return nullptr;
  std::size_t align = static_cast<std::size_t>(al);
  if (align < sizeof(void*)) align = sizeof(void*);
  void* p = nullptr;
  if (posix_memalign(&p, align, size == 0 ? 1 : size) != 0) return nullptr;
  return p;
}

}  // namespace

namespace kexie_test {

void FailAlloc::arm(std::uint64_t n) noexcept {
  g_fired.store(false, std::memory_order_relaxed);
  g_countdown.store(n, std::memory_order_relaxed);
}

bool FailAlloc::disarm() noexcept {
  g_countdown.store(0, std::memory_order_relaxed);
  return g_fired.load(std::memory_order_relaxed);
}

bool FailAlloc::fired() noexcept { return g_fired.load(std::memory_order_relaxed); }

std::uint64_t FailAlloc::count() noexcept { return g_count.load(std::memory_order_relaxed); }

}  // namespace kexie_test

// ---- the replaced allocation functions ([new.delete]) --------------------------------------

void* operator new(std::size_t size) {
  if (void* p = allocate(size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  if (void* p = allocate(size)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, std::align_val_t al) {
  if (void* p = allocate_aligned(size, al)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size, std::align_val_t al) {
  if (void* p = allocate_aligned(size, al)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new(std::size_t size, std::align_val_t al, const std::nothrow_t&) noexcept {
  return allocate_aligned(size, al);
}
void* operator new[](std::size_t size, std::align_val_t al, const std::nothrow_t&) noexcept {
  return allocate_aligned(size, al);
}

void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
