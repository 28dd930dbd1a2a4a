// Progress lines on a terminal's stderr.
#include "progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace kexie::cli {
namespace {

std::chrono::milliseconds delay() {
  const char* text = std::getenv("KEXIE_TEST_PROGRESS_AFTER_MS");
  if (text != nullptr && *text != '\0') return std::chrono::milliseconds(std::atol(text));
  return std::chrono::milliseconds(1000);
}

}  // namespace

Progress::Progress(std::string label, std::size_t total, bool quiet)
    : label_(std::move(label)),
      total_(total),
      enabled_(!quiet && ::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_(start_),
      after_(delay()) {}

Progress::~Progress() { finish(); }

void Progress::update(std::size_t done) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - start_ < after_) return;
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
  if (total_ > 0) {
    const double left = rate > 0 ? static_cast<double>(total_ - std::min(done, total_)) / rate : 0;
    std::fprintf(stderr, "\r\033[K%s: %zu/%zu (%.0f%%), %.0f/s, %.0f s left", label_.c_str(), done,
                 total_, 100.0 * static_cast<double>(done) / static_cast<double>(total_), rate,
                 left);
  } else {
    std::fprintf(stderr, "\r\033[K%s: %zu, %.0f/s", label_.c_str(), done, rate);
  }
  std::fflush(stderr);
}

void Progress::finish() {
  if (drawn_) {
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    drawn_ = false;
  }
}

}  // namespace kexie::cli
