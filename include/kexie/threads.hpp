// How many threads a long call may use. The application decides: kexie never starts
// a thread it was not asked for, and the default is one. Calls that take a `Threads`
// (`Campaign::score`, `Campaign::standings`, `Campaign::mark_all`) give bit-identical
// results and digests for every count.
#ifndef KEXIE_THREADS_HPP
#define KEXIE_THREADS_HPP

namespace kexie {
inline namespace v1 {

class ThreadTeam;  // kexie/thread_team.hpp

/// The number of threads a call may use, the calling thread included. One (the
/// default) runs everything on the calling thread. Zero is refused by the call that
/// receives it (`ErrorCode::invalid_argument`). A call starts no more threads than its
/// work has parts (a part holds at least a few hundred items) and never more than 64,
/// whatever the count: a count above that is allowed and changes nothing.
///
/// With `team` null (the default) a call starts the threads it uses and joins them
/// before it returns. With a `ThreadTeam` (kexie/thread_team.hpp; `team.threads()`
/// gives both fields), the call runs its parts on the team's threads, which the
/// application started once, and starts none. The results are the same either way.
///
///   kexie::Threads two{2};
///   assert(two.count == 2 && kexie::Threads{}.count == 1 && two.team == nullptr);
struct Threads {
  unsigned count = 1;          ///< threads the call may use, the calling thread included (≥ 1)
  ThreadTeam* team = nullptr;  ///< the application's threads to use, or null: the call's own
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_THREADS_HPP
