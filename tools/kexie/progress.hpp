// Progress of a long step (rows read, rate, time left), drawn on stderr only
// when stderr is a terminal, only once the step has taken over a second, and
// never under --quiet: a pipe or a file never receives it.
#ifndef KEXIE_TOOLS_PROGRESS_HPP
#define KEXIE_TOOLS_PROGRESS_HPP

#include <chrono>
#include <cstddef>
#include <string>

namespace kexie::cli {

/// One step's progress line. Cheap to update often: it redraws at most ten
/// times a second.
///
/// Test-only: KEXIE_TEST_PROGRESS_AFTER_MS sets the delay before the first
/// drawing (1000 by default), so a test can prove the line is drawn on a
/// terminal and never into a pipe without waiting a second.
///
///   Progress p("reading", rows.size(), quiet);
///   for (std::size_t i = 0; i < rows.size(); ++i) { …; p.update(i + 1); }
///   p.finish();
class Progress {
 public:
  /// A step named `label` of `total` units (0: unknown). Draws nothing when
  /// `quiet` or when stderr is not a terminal.
  Progress(std::string label, std::size_t total, bool quiet);
  /// Clears the line if one was drawn.
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// `done` units are finished.
  void update(std::size_t done);
  /// The step is finished: clears the line.
  void finish();

 private:
  std::string label_;
  std::size_t total_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
  std::chrono::milliseconds after_;
};

}  // namespace kexie::cli

#endif  // KEXIE_TOOLS_PROGRESS_HPP
