// Allocation-failure injection for tests (SQLite's malloc test): fail_alloc.cpp
// replaces the global operator new/new[] (every overload: plain, aligned,
// nothrow) and operator delete of the test binary it is linked into, counts
// allocations, and makes the N-th allocation from the moment it is armed fail:
// the throwing forms throw std::bad_alloc, the nothrow forms return nullptr.
// Only a test program links it; the library never does.
//
//   kexie_test::FailAlloc::arm(3);         // the third allocation from now fails
//   auto r = registry.add_person(spec);    // may throw std::bad_alloc
//   bool hit = kexie_test::FailAlloc::disarm();
#ifndef KEXIE_TESTS_FAIL_ALLOC_HPP
#define KEXIE_TESTS_FAIL_ALLOC_HPP

#include <cstdint>

namespace kexie_test {

/// The switch of the replaced operator new (process-wide, any thread).
struct FailAlloc {
  /// Makes the `n`-th allocation from now fail (n >= 1), once; later ones
  /// succeed again. Resets fired().
  ///
  ///   FailAlloc::arm(1);  // the very next allocation fails
  static void arm(std::uint64_t n) noexcept;
  /// Stops failing and returns whether the armed failure happened.
  ///
  ///   FailAlloc::arm(5); op(); if (!FailAlloc::disarm()) { /* op needs < 5 allocations */ }
  static bool disarm() noexcept;
  /// Whether the armed failure has happened since the last arm().
  ///
  ///   if (FailAlloc::fired()) { /* the operation saw a failed allocation */ }
  [[nodiscard]] static bool fired() noexcept;
  /// Allocations made through operator new since the program started.
  ///
  ///   auto before = FailAlloc::count(); op(); auto used = FailAlloc::count() - before;
  [[nodiscard]] static std::uint64_t count() noexcept;
};

/// Arms `n` on construction and disarms on destruction, so an exception leaving
/// the scope never leaves the switch armed.
///
///   { kexie_test::FailAllocScope fail(n); (void)reg.add_person(spec); }
class FailAllocScope {
 public:
  explicit FailAllocScope(std::uint64_t n) noexcept { FailAlloc::arm(n); }
  ~FailAllocScope() { (void)FailAlloc::disarm(); }
  FailAllocScope(const FailAllocScope&) = delete;
  FailAllocScope& operator=(const FailAllocScope&) = delete;
};

}  // namespace kexie_test

#endif  // KEXIE_TESTS_FAIL_ALLOC_HPP
