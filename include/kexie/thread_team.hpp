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
/// call wakes them, unless the application holds them awake (`keep_awake()`).
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
  struct State;  // the threads and the current call (src/thread_team.cpp)

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

  /// A hold that keeps the team's threads awake between calls (`keep_awake()`): while
  /// any hold lives, the threads spin instead of sleeping, so each call reaches them at
  /// once. Move-only; a moved-from hold holds nothing. Must not outlive its team, as a
  /// lock must not outlive its mutex.
  ///
  ///   kexie::ThreadTeam team(2);
  ///   kexie::ThreadTeam::Awake awake = team.keep_awake();
  ///   kexie::ThreadTeam::Awake moved = std::move(awake);  // still one hold
  class KEXIE_API Awake {
   public:
    /// Takes over `other`'s hold; `other` then holds nothing.
    /// \param other the hold to take over
    ///
    ///   kexie::ThreadTeam team(2);
    ///   kexie::ThreadTeam::Awake a = team.keep_awake();
    ///   kexie::ThreadTeam::Awake b(std::move(a));
    Awake(Awake&& other) noexcept;
    /// Lets go of this hold, then takes over `other`'s (nothing changes when `other`
    /// is this hold).
    /// \param other the hold to take over
    /// \return this hold
    ///
    ///   kexie::ThreadTeam team(2);
    ///   kexie::ThreadTeam::Awake a = team.keep_awake(), b = team.keep_awake();
    ///   a = std::move(b);  // one hold left
    Awake& operator=(Awake&& other) noexcept;
    Awake(const Awake&) = delete;
    Awake& operator=(const Awake&) = delete;
    /// Lets go of the hold: with no hold left, the threads sleep again about 0.2 ms
    /// after their last call.
    ///
    ///   kexie::ThreadTeam team(2);
    ///   { auto awake = team.keep_awake(); }  // let go here
    ~Awake();

   private:
    friend class ThreadTeam;
    explicit Awake(State* state) noexcept : state_(state) {}
    State* state_ = nullptr;
  };

  /// Keeps the team's threads awake until the returned hold (and every other) is
  /// destroyed, for a burst of calls with the application's own work between them, as
  /// when marks come in batches read from a file. Without a hold a thread sleeps about
  /// 0.2 ms after a call, and the next call must wake it: under a hypervisor, as on the
  /// machines of docs/performance.md, that takes 40 µs to several hundred, 5–10 % of
  /// the speed-up of `mark_all` on a team of 2 at batches of 100 000 marks.
  /// A held thread instead spins (with the processor's pause instruction) and uses a
  /// core of its own the whole time, whether or not a call comes: hold the team only
  /// while the calls come, and only when its threads have cores to themselves. Sleeping
  /// threads are woken at once. Results are the same held or not.
  ///
  /// Thread-safety: any thread may take or drop a hold at any time; holds are counted.
  /// \return a hold on this team.
  ///
  ///   kexie::ThreadTeam team(2);
  ///   {
  ///     kexie::ThreadTeam::Awake awake = team.keep_awake();
  ///     // while (read_batch(batch)) campaign.mark_all(batch, team.threads()).value();
  ///   }  // the threads sleep again once their spin runs out
  [[nodiscard]] Awake keep_awake() noexcept;

 private:
  friend struct detail::TeamAccess;
  std::unique_ptr<State> state_;
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_THREAD_TEAM_HPP
