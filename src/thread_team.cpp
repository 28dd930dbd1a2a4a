// ThreadTeam: the application's threads, lent to kexie's calls (kexie/thread_team.hpp),
// and detail::TeamAccess, which hands a call's parts to them (src/detail/parallel.hpp).
//
// A call's parts are handed out through one atomic word: the job's generation in the
// high bits, its part count in the second byte and the next part to take in the low
// byte (at most 64 parts). A thread takes a part by advancing the word with a
// compare-and-swap from the value it read; the word never returns to a value it had,
// so a successful swap proves the job it read is still the current one and the part
// is below that job's count, and the job's function and context (written before its
// generation was published) stay unchanged until every part it handed out has
// finished. The count is in the word, not beside the function: the next call writes
// its fields before it publishes its generation, so a count read beside them may be
// the next call's while the word still names the finished job (a part run twice, a
// call that never returns).
#include "kexie/thread_team.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "detail/parallel.hpp"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace kexie {
inline namespace v1 {

namespace {

// How long a waiting thread spins before it sleeps (the wake from a futex costs about
// 20 µs here, as much as starting a thread).
constexpr auto kSpin = std::chrono::microseconds(200);

inline void relax() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  _mm_pause();
#else
  std::this_thread::yield();
#endif
}

constexpr std::uint64_t kPartBits = 8;
constexpr std::uint64_t kPartMask = (std::uint64_t{1} << kPartBits) - 1;
constexpr std::uint64_t kGenShift = 2 * kPartBits;  // generation | parts | next part

}  // namespace

struct ThreadTeam::State {
  std::atomic<bool> busy{false};           // a call holds the team
  std::atomic<bool> stop{false};           // the destructor asks the threads to end
  std::atomic<std::uint64_t> word{0};      // generation << kGenShift | parts << kPartBits | next
  std::atomic<std::uint32_t> wake{0};      // bumped for every job and the stop: sleepers' futex
  std::atomic<std::uint32_t> finished{0};  // parts of the current job finished
  std::atomic<std::uint32_t> holds{0};     // live ThreadTeam::Awake holds: no thread sleeps
  std::atomic<std::uint32_t> asleep{0};    // threads sleeping on `wake` (for the tests)
  // The current job, written before its generation is published (its part count is
  // in `word`).
  detail::TeamAccess::PartFn fn = nullptr;
  void* ctx = nullptr;
  std::vector<std::jthread> threads;  // last: joined before the fields they use go

  // Takes and runs parts of the job of generation `gen` until none is left.
  void take_parts(std::uint64_t gen) noexcept {
    std::uint64_t w = word.load(std::memory_order_acquire);
    while ((w >> kGenShift) == gen) {
      const std::uint64_t part = w & kPartMask;
      if (part >= ((w >> kPartBits) & kPartMask)) break;
      if (!word.compare_exchange_weak(w, w + 1, std::memory_order_acq_rel,
                                      std::memory_order_acquire)) {
        continue;  // w reloaded
      }
      fn(ctx, static_cast<std::size_t>(part));
      finished.fetch_add(1, std::memory_order_release);
      finished.notify_one();
      w = word.load(std::memory_order_acquire);
    }
  }

  void work() noexcept {
    std::uint64_t seen = 0;  // the generation this thread last took parts of
    for (;;) {
      const std::uint32_t asleep_at = wake.load(std::memory_order_acquire);
      if (stop.load(std::memory_order_acquire)) return;
      std::uint64_t gen = word.load(std::memory_order_acquire) >> kGenShift;
      if (gen == seen) {
        const auto until = std::chrono::steady_clock::now() + kSpin;
        for (unsigned k = 1;; ++k) {
          relax();
          gen = word.load(std::memory_order_acquire) >> kGenShift;
          if (gen != seen || stop.load(std::memory_order_relaxed)) break;
          // A hold keeps the thread spinning. One taken after the test below bumps
          // `wake`, so the wait returns at once.
          if (k % 256 == 0 && holds.load(std::memory_order_relaxed) == 0 &&
              std::chrono::steady_clock::now() >= until) {
            asleep.fetch_add(1, std::memory_order_relaxed);
            wake.wait(asleep_at, std::memory_order_acquire);
            asleep.fetch_sub(1, std::memory_order_relaxed);
            break;
          }
        }
        continue;
      }
      seen = gen;
      take_parts(gen);
    }
  }
};

ThreadTeam::ThreadTeam(unsigned count) : state_(std::make_unique<State>()) {
  const unsigned wanted = std::min(count, detail::kMostParts);
  state_->threads.reserve(wanted > 1 ? wanted - 1 : 0);
  for (unsigned k = 1; k < wanted; ++k) {
    try {
      state_->threads.emplace_back([s = state_.get()] { s->work(); });
    } catch (const std::system_error&) {
      break;  // fewer threads: size() says how many
    }
  }
}

ThreadTeam::~ThreadTeam() {
  State& s = *state_;
  s.stop.store(true, std::memory_order_release);
  s.wake.fetch_add(1, std::memory_order_release);
  s.wake.notify_all();
  s.threads.clear();  // joins
}

ThreadTeam::Awake ThreadTeam::keep_awake() noexcept {
  State& s = *state_;
  s.holds.fetch_add(1, std::memory_order_relaxed);
  s.wake.fetch_add(1, std::memory_order_release);  // sleepers wake and spin from now on
  s.wake.notify_all();
  return Awake(&s);
}

ThreadTeam::Awake::Awake(Awake&& other) noexcept : state_(std::exchange(other.state_, nullptr)) {}

ThreadTeam::Awake& ThreadTeam::Awake::operator=(Awake&& other) noexcept {
  if (this != &other) {
    if (state_ != nullptr) state_->holds.fetch_sub(1, std::memory_order_relaxed);
    state_ = std::exchange(other.state_, nullptr);
  }
  return *this;
}

ThreadTeam::Awake::~Awake() {
  if (state_ != nullptr) state_->holds.fetch_sub(1, std::memory_order_relaxed);
}

unsigned ThreadTeam::size() const noexcept {
  return static_cast<unsigned>(state_->threads.size()) + 1;
}

namespace detail {

bool TeamAccess::run(ThreadTeam& team, std::size_t parts, PartFn fn, void* ctx) noexcept {
  ThreadTeam::State& s = *team.state_;
  if (parts > kMostParts || s.busy.exchange(true, std::memory_order_acquire)) return false;
  s.fn = fn;
  s.ctx = ctx;
  s.finished.store(0, std::memory_order_relaxed);
  // Part 0 is the calling thread's, as without a team; the others go to whoever
  // takes them first (the calling thread too, when it is done with its own).
  const std::uint64_t gen = (s.word.load(std::memory_order_relaxed) >> kGenShift) + 1;
  s.word.store(gen << kGenShift | parts << kPartBits | 1,
               std::memory_order_release);  // publishes the job
  s.wake.fetch_add(1, std::memory_order_release);
  s.wake.notify_all();
  fn(ctx, 0);
  s.finished.fetch_add(1, std::memory_order_relaxed);
  s.take_parts(gen);
  // Every part is taken; wait until the ones other threads took have finished.
  const auto until = std::chrono::steady_clock::now() + kSpin;
  for (unsigned k = 1;; ++k) {
    const std::uint32_t done = s.finished.load(std::memory_order_acquire);
    if (done == parts) break;
    relax();
    if (k % 256 == 0 && std::chrono::steady_clock::now() >= until) {
      s.finished.wait(done, std::memory_order_acquire);
    }
  }
  s.busy.store(false, std::memory_order_release);
  return true;
}

unsigned TeamAccess::asleep(const ThreadTeam& team) noexcept {
  return team.state_->asleep.load(std::memory_order_relaxed);
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie
