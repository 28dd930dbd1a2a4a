// A Google Benchmark reporter shared by kexie's benchmark programs: it prints as
// the console reporter does and remembers each benchmark's median real and CPU
// time (or, without repetitions, its only run) so that main() can print the
// figure an issue names next to its baseline, measured in the same run.
#ifndef KEXIE_BENCHMARKS_SUMMARY_REPORTER_HPP
#define KEXIE_BENCHMARKS_SUMMARY_REPORTER_HPP

#include <benchmark/benchmark.h>

#include <map>
#include <string>
#include <vector>

namespace kexie_bench {

class SummaryReporter : public benchmark::ConsoleReporter {
 public:
  /// One benchmark's times, in nanoseconds.
  struct Times {
    double real_ns = 0;
    double cpu_ns = 0;
    bool median = false;
  };

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
      Times& t = times_[run.run_name.str()];
      if (median || (run.run_type == Run::RT_Iteration && !t.median)) {
        const double to_ns = run.time_unit == benchmark::kMillisecond   ? 1e6
                             : run.time_unit == benchmark::kMicrosecond ? 1e3
                                                                        : 1.0;
        t = {run.GetAdjustedRealTime() * to_ns, run.GetAdjustedCPUTime() * to_ns, median};
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }

  /// Times by run name (e.g. "BM_Score/real_time").
  [[nodiscard]] const std::map<std::string, Times>& times() const { return times_; }

  /// The times of the first benchmark whose name starts with `prefix`; zeros if none ran.
  [[nodiscard]] Times find(const std::string& prefix) const {
    for (const auto& [name, t] : times_) {
      if (name.rfind(prefix, 0) == 0) return t;
    }
    return {};
  }

 private:
  std::map<std::string, Times> times_;
};

}  // namespace kexie_bench

#endif  // KEXIE_BENCHMARKS_SUMMARY_REPORTER_HPP
