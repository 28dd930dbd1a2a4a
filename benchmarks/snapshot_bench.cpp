// Benchmarks of issue 7 on the national registry of issue 3 (national_registry.hpp:
// 50 000 organizations, 2 000 000 people, 2 400 000 memberships; `--people=N` sets
// the size, e.g. 20 000 000 for issue 17, item 5):
//
//  * BM_SaveFile vs BM_RawWriteBaseline: save_snapshot to a file, against writing
//    a buffer of the same size with the same crash-safe pattern (create a
//    temporary file, write, fsync, close, rename over the target, fsync the
//    directory).
//  * BM_LoadFile vs BM_RawReadBaseline: load_snapshot from that file, against
//    reading the file into memory; BM_LoadFileTwoThreads: the same load allowed
//    two threads (kexie::Threads{2}: the payload's SHA-256 on a second thread).
//
// Each reports the snapshot file's bytes per second; main() prints the MB/s of
// each, the ratio to its baseline (target: at least 50 % of raw for both save and
// load), and the snapshot's size per person. Files go to $TMPDIR (or /tmp).
//
// Run: snapshot_bench [--people=N] --benchmark_repetitions=3
// --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "kexie/snapshot.hpp"
#include "national_registry.hpp"
#include "summary_reporter.hpp"

namespace {

namespace fs = std::filesystem;
using kexie_bench::National;

std::unique_ptr<National> g_national;
std::uintmax_t g_file_size = 0;

National& national() {
  if (!g_national) {
    g_national = std::make_unique<National>();
    kexie_bench::build_national(*g_national);
  }
  return *g_national;
}

fs::path work_dir() {
  const char* tmp = std::getenv("TMPDIR");
  fs::path dir =
      fs::path(tmp && *tmp ? tmp : "/tmp") / ("kexie-snapshot-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

const fs::path& snapshot_path() {
  static const fs::path path = work_dir() / "national.kxs";
  return path;
}

/// The snapshot file, saved once so the load and read benchmarks have it.
std::uintmax_t ensure_snapshot() {
  if (g_file_size == 0) {
    kexie::save_snapshot(national().reg, snapshot_path()).value();
    g_file_size = fs::file_size(snapshot_path());
  }
  return g_file_size;
}

void check(bool ok, const char* what) {
  if (!ok) throw std::system_error(errno, std::generic_category(), what);
}

/// The raw baseline of a crash-safe save: the same system calls, no serialization.
void raw_save(const std::vector<char>& bytes, const fs::path& path) {
  const fs::path temp = path.parent_path() / ".raw.tmp";
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  check(fd >= 0, "open");
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    check(n > 0 || errno == EINTR, "write");
    if (n > 0) done += static_cast<std::size_t>(n);
  }
  check(::fsync(fd) == 0, "fsync");
  check(::close(fd) == 0, "close");
  check(::rename(temp.c_str(), path.c_str()) == 0, "rename");
  const int dir = ::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  check(dir >= 0, "open directory");
  check(::fsync(dir) == 0, "fsync directory");
  ::close(dir);
}

/// The raw baseline of a load: the file into a buffer, as load_snapshot reads it.
std::vector<std::byte> raw_read(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  check(fd >= 0, "open");
  struct stat st {};
  check(::fstat(fd, &st) == 0, "fstat");
  std::vector<std::byte> bytes(static_cast<std::size_t>(st.st_size));
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    check(n > 0 || errno == EINTR, "read");
    if (n > 0) done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  return bytes;
}

/// The same read into a buffer asking for transparent huge pages (MADV_HUGEPAGE), as
/// the load's columns are: the raw baseline with the same page size.
std::size_t raw_read_huge(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  check(fd >= 0, "open");
  struct stat st {};
  check(::fstat(fd, &st) == 0, "fstat");
  const auto size = static_cast<std::size_t>(st.st_size);
  const std::unique_ptr<std::byte[]> bytes(new std::byte[size]);  // untouched
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  const auto begin = reinterpret_cast<std::uintptr_t>(bytes.get());
  const std::uintptr_t first = (begin + kHuge - 1) & ~(kHuge - 1);
  const std::uintptr_t last = (begin + size) & ~(kHuge - 1);
  if (last > first) (void)::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
  for (std::size_t done = 0; done < size;) {
    const ssize_t n = ::read(fd, bytes.get() + done, size - done);
    check(n > 0 || errno == EINTR, "read");
    if (n > 0) done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  benchmark::DoNotOptimize(bytes.get());
  return size;
}

void BM_SaveFile(benchmark::State& state) {
  const kexie::Registry& reg = national().reg;
  const fs::path path = snapshot_path();
  for (auto _ : state) kexie::save_snapshot(reg, path).value();
  g_file_size = fs::file_size(path);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(g_file_size));
  state.counters["file_MB"] = static_cast<double>(g_file_size) / 1e6;
}
BENCHMARK(BM_SaveFile)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_RawWriteBaseline(benchmark::State& state) {
  const std::vector<char> bytes(ensure_snapshot(), 'x');
  const fs::path path = work_dir() / "raw.bin";
  for (auto _ : state) raw_save(bytes, path);
  fs::remove(path);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes.size()));
}
BENCHMARK(BM_RawWriteBaseline)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_LoadFile(benchmark::State& state) {
  const std::uintmax_t size = ensure_snapshot();
  std::size_t people = 0;
  for (auto _ : state) {
    kexie::Snapshot snap = kexie::load_snapshot(snapshot_path()).value();
    people = snap.registry().person_count();
    benchmark::DoNotOptimize(people);
  }
  if (people != national().reg.person_count()) state.SkipWithError("the loaded registry differs");
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(size));
}
BENCHMARK(BM_LoadFile)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same load allowed two threads: the payload's SHA-256 on a second thread.
void BM_LoadFileTwoThreads(benchmark::State& state) {
  const std::uintmax_t size = ensure_snapshot();
  std::size_t people = 0;
  for (auto _ : state) {
    kexie::Snapshot snap = kexie::load_snapshot(snapshot_path(), kexie::Threads{2}).value();
    people = snap.registry().person_count();
    benchmark::DoNotOptimize(people);
  }
  if (people != national().reg.person_count()) state.SkipWithError("the loaded registry differs");
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(size));
}
BENCHMARK(BM_LoadFileTwoThreads)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_RawReadBaseline(benchmark::State& state) {
  const std::uintmax_t size = ensure_snapshot();
  for (auto _ : state) {
    auto bytes = raw_read(snapshot_path());
    benchmark::DoNotOptimize(bytes.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(size));
}
BENCHMARK(BM_RawReadBaseline)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_RawReadHugePagesBaseline(benchmark::State& state) {
  const std::uintmax_t size = ensure_snapshot();
  for (auto _ : state) benchmark::DoNotOptimize(raw_read_huge(snapshot_path()));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(size));
}
BENCHMARK(BM_RawReadHugePagesBaseline)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  if (!kexie_bench::parse_people_flag(argc, argv)) return 2;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  kexie_bench::SummaryReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);

  if (g_file_size != 0) {
    const double mb = static_cast<double>(g_file_size) / 1e6;
    auto mb_per_s = [&](const char* name) {
      const double ns = reporter.find(name).real_ns;
      return ns > 0 ? mb / (ns / 1e9) : 0.0;
    };
    const double save = mb_per_s("BM_SaveFile"), raw_write = mb_per_s("BM_RawWriteBaseline");
    const double load = mb_per_s("BM_LoadFile/"), raw_read = mb_per_s("BM_RawReadBaseline");
    std::printf("\n== issue 7 figures ==\n");
    std::printf(
        "snapshot %.1f MB for %zu people: %.1f bytes/person\n", mb, national().reg.person_count(),
        static_cast<double>(g_file_size) / static_cast<double>(national().reg.person_count()));
    if (save > 0 && raw_write > 0)
      std::printf(
          "save %.0f MB/s, raw write+fsync+rename %.0f MB/s: %.0f%% of raw (target >= 50%%)\n",
          save, raw_write, 100.0 * save / raw_write);
    if (load > 0 && raw_read > 0)
      std::printf("load %.0f MB/s, raw read %.0f MB/s: %.0f%% of raw (target >= 50%%)\n", load,
                  raw_read, 100.0 * load / raw_read);
    // By CPU time too: on a shared machine the wall clock mostly measures waiting.
    const auto cpu = [&](const char* name) { return reporter.find(name).cpu_ns; };
    if (cpu("BM_LoadFile/") > 0 && cpu("BM_RawReadBaseline") > 0)
      std::printf("load by CPU time: %.0f ms against the raw read's %.0f ms: %.0f%% of raw\n",
                  cpu("BM_LoadFile/") / 1e6, cpu("BM_RawReadBaseline") / 1e6,
                  100.0 * cpu("BM_RawReadBaseline") / cpu("BM_LoadFile/"));
    if (const double two = mb_per_s("BM_LoadFileTwoThreads"); two > 0 && raw_read > 0)
      std::printf("load on two threads (hash beside the decoding) %.0f MB/s: %.0f%% of raw\n", two,
                  100.0 * two / raw_read);
    // The load's columns ask for huge pages; so does this baseline (same page size).
    if (const double huge = mb_per_s("BM_RawReadHugePagesBaseline"); huge > 0) {
      const double two = mb_per_s("BM_LoadFileTwoThreads");
      std::printf("raw read into huge pages %.0f MB/s: load %.0f%%, on two threads %.0f%% of it\n",
                  huge, 100.0 * load / huge, 100.0 * two / huge);
    }
  }
  std::error_code ec;
  fs::remove_all(snapshot_path().parent_path(), ec);
  benchmark::Shutdown();
  return 0;
}
