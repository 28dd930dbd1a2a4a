// Threads an application keeps across calls. A call given `Threads{n}` starts its
// threads for that call and joins them before it returns; a call given a team's
// `threads()` hands its parts to the team's threads, which are already running, so
// a call made many times over (mark_all in batches, what-if scoring) does not pay
// for starting a thread each time.
#ifndef KEXIE_THREAD_TEAM_HPP
#define KEXIE_THREAD_TEAM_HPP

#include <memory>

#include "kexie/export.hpp"
#include "kexie/threads.hpp"

namespace kexie {
inline namespace v1 {

namespace detail {
struct TeamAccess;  // the parts' side of a team (src/detail/parallel.hpp)
}  // namespace detail

/// Threads owned by the application and lent to kexie's calls (issue 17). The
/// constructor starts `count − 1` threads (the calling thread of each call is the
/// team's first); the destructor stops and joins them. Between calls the threads
/// wait for work: they spin for at most about 0.2 ms after the last call's parts
/// (so back-to-back calls reach them at once), then sleep on a futex until the next
/// call wakes them.
///
/// Results and digests are the same with or without a team and for every count:
/// parts are fixed by the work and the count, never by which thread runs them.
///
/// Thread-safety: one call at a time uses the team. A call that finds the team busy
/// (another application thread is in a call with it, or a call made from inside one of
/// its parts) starts its own threads for that call instead, as `Threads{count}`
/// would. The team must outlive every call given its `threads()`; destroying it while
/// such a call runs is undefined, as for a mutex destroyed while locked. If the system
/// refuses a thread, the team has fewer (`size()` says how many) and calls run the
/// parts that had no thread on the calling thread.
///
///   kexie::ThreadTeam team(2);
///   assert(team.size() == 2 && team.threads().count == 2 && team.threads().team == &team);
///   // for (auto batch : batches) campaign.mark_all(batch, team.threads());
class KEXIE_API ThreadTeam {
 public:
  /// Starts `count − 1` threads (0 and 1 start none; at most 63 are started, the most
  /// parts a call makes).
  /// \param count threads a call given `threads()` may use, the calling one included.
  ///
  ///   kexie::ThreadTeam team(2);
  explicit ThreadTeam(unsigned count);
  ThreadTeam(const ThreadTeam&) = delete;
  ThreadTeam& operator=(const ThreadTeam&) = delete;
  /// Stops the threads and joins them (after the call that uses the team returned).
  ///
  ///   { kexie::ThreadTeam team(2); }  // joined here
  ~ThreadTeam();

  /// The threads a call given `threads()` runs on, the calling thread included (≥ 1):
  /// the threads started plus one.
  /// \return the team's size, 1 to 64.
  ///
  ///   assert(kexie::ThreadTeam(3).size() <= 3);
  [[nodiscard]] unsigned size() const noexcept;

  /// The `Threads` to give a call: `size()` threads, this team's.
  /// \return `Threads{size(), this}`.
  ///
  ///   kexie::ThreadTeam team(2);
  ///   kexie::Threads t = team.threads();  // {2, &team}
  [[nodiscard]] Threads threads() noexcept { return Threads{size(), this}; }

 private:
  friend struct detail::TeamAccess;
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_THREAD_TEAM_HPP
