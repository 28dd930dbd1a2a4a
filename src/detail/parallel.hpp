// Splitting a loop over [0, n) into contiguous parts, one per thread, for the calls
// that take a `kexie::Threads` (issue 17). The calling thread runs the first part;
// each other part gets a std::jthread, or, when the `Threads` name a ThreadTeam that
// is free, one of the team's threads. Parts are fixed by n and the thread count
// only, and every caller writes disjoint slots and merges per-part tallies with
// order-independent operations (sums, min, max), so results are bit-identical for
// every thread count. An exception in any part (std::bad_alloc) is rethrown on the
// calling thread after every part has finished; a thread that cannot be started
// runs its part on the calling thread instead. Internal.
#ifndef KEXIE_SRC_DETAIL_PARALLEL_HPP
#define KEXIE_SRC_DETAIL_PARALLEL_HPP

#include <algorithm>
#include <cstddef>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

#include "kexie/result.hpp"
#include "kexie/thread_team.hpp"
#include "kexie/threads.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

/// The most parts a call splits its work into, whatever thread count it is given: a
/// count of 4 000 000 000 must not start (or allocate for) billions of threads. Results
/// do not depend on the split, so the cap changes no result.
inline constexpr unsigned kMostParts = 64;

/// The refusal of a thread count of zero, shared by every call taking a `Threads`.
///
///   assert(!check_threads(Threads{0}) && check_threads(Threads{2}));
[[nodiscard]] inline Status check_threads(Threads threads) {
  if (threads.count == 0) {
    return Error(ErrorCode::invalid_argument,
                 "a thread count of 0: a call runs on at least the calling thread");
  }
  return {};
}

/// How many parts `n` items make for `threads` threads when a part should hold at
/// least `min_part` items (at least one part, at most `kMostParts`).
///
///   std::size_t parts = part_count(1'000'000, 2, 4096);  // 2
inline std::size_t part_count(std::size_t n, unsigned threads, std::size_t min_part) noexcept {
  const std::size_t most = min_part == 0 ? n : (n + min_part - 1) / min_part;
  const std::size_t capped = std::min(threads, kMostParts);
  return std::max<std::size_t>(1, std::min<std::size_t>(capped, most));
}

/// The parts' side of a ThreadTeam (src/thread_team.cpp).
struct TeamAccess {
  /// A part's work: fn(ctx, part). Must not throw.
  using PartFn = void (*)(void* ctx, std::size_t part);
  /// Runs fn(ctx, p) for every p in [0, parts) on the team's threads and the calling
  /// thread, and returns once all have finished; returns false at once, running
  /// nothing, when the team is busy with another call (or parts > kMostParts).
  ///
  ///   if (!TeamAccess::run(team, 2, fn, &ctx)) { /* start threads instead */ }
  static bool run(ThreadTeam& team, std::size_t parts, PartFn fn, void* ctx) noexcept;
  /// How many of the team's threads sleep now, waiting to be woken (the tests of
  /// `ThreadTeam::keep_awake`; a snapshot that may change at once).
  ///
  ///   kexie::ThreadTeam team(2);
  ///   unsigned n = TeamAccess::asleep(team);  // 0 or 1
  static unsigned asleep(const ThreadTeam& team) noexcept;
};

/// Calls f(part, begin, end) for `parts` contiguous ranges covering [0, n), part p on
/// its own thread (part 0 on the calling thread, the others on `threads.team`'s when
/// it is given and free). Range boundaries are multiples of `align` (except the last
/// end).
///
///   parallel_parts(threads, n, 2, 4, [&](std::size_t p, std::size_t b, std::size_t e) { … });
template <class F>
void parallel_parts(Threads threads, std::size_t n, std::size_t parts, std::size_t align, F&& f) {
  if (parts <= 1) {
    f(std::size_t{0}, std::size_t{0}, n);
    return;
  }
  align = std::max<std::size_t>(align, 1);
  std::vector<std::size_t> bound(parts + 1, n);
  bound[0] = 0;
  for (std::size_t p = 1; p < parts; ++p) {
    bound[p] = std::min(n, (n * p / parts) / align * align);
  }
  std::vector<std::exception_ptr> failure(parts);
  const auto run = [&](std::size_t p) {
    try {
      f(p, bound[p], bound[p + 1]);
    } catch (...) {
      failure[p] = std::current_exception();
    }
  };
  struct Call {
    decltype(run)* part;
    static void of(void* ctx, std::size_t p) noexcept { (*static_cast<Call*>(ctx)->part)(p); }
  } call{&run};
  if (threads.team && TeamAccess::run(*threads.team, parts, &Call::of, &call)) {
    for (const std::exception_ptr& e : failure) {
      if (e) std::rethrow_exception(e);
    }
    return;
  }
  {
    std::vector<std::jthread> workers;
    std::vector<std::size_t> inline_parts;
    workers.reserve(parts - 1);
    for (std::size_t p = 1; p < parts; ++p) {
      try {
        workers.emplace_back(run, p);
      } catch (const std::system_error&) {
        inline_parts.push_back(p);  // no thread: run it here
      }
    }
    run(0);
    for (std::size_t p : inline_parts) run(p);
  }  // joins
  for (const std::exception_ptr& e : failure) {
    if (e) std::rethrow_exception(e);
  }
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_DETAIL_PARALLEL_HPP
