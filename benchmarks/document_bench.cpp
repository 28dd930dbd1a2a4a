// Benchmarks of issue 14's documents on the demo in examples/data:
//
//  * BM_ReadCampaign: read_campaign_document(campaign.json), the rules with their AHP
//    derivations (target: under 5 ms).
//  * BM_ReadRegistry: read_registry_document(registry.json), the registry built.
//  * BM_ReadEntries: read_entries_document(entries.json), every mark row read.
//  * BM_LoadCampaign: load_campaign from the three, entries added, judges assigned,
//    the marks validated and recorded (not scored).
//  * BM_ReadEntriesOneLine: entries.json minified to one line, which used to take
//    time quadratic in the line's length.
//
// The documents are read into memory before timing; main() prints the medians.
//
// Run: document_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "kexie/campaign_document.hpp"
#include "kexie/entries_document.hpp"
#include "kexie/registry_document.hpp"
#include "summary_reporter.hpp"

namespace {

std::string read(const std::string& name) {
  const std::string path = std::string(KEXIE_SOURCE_DIR "/examples/data/") + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The text without whitespace outside strings: one line.
std::string minify(const std::string& text) {
  std::string out;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\') {
        out += text[++i];
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
      out += c;
    } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
      out += c;
    }
  }
  return out;
}

struct Demo {
  std::string campaign = read("campaign.json");
  std::string registry = read("registry.json");
  std::string entries = read("entries.json");
  std::string entries_line = minify(entries);
  kexie::LoadedRegistry loaded = kexie::read_registry_document(registry).value();
  kexie::CampaignRules rules = kexie::read_campaign_document(campaign).value();
  kexie::CampaignEntries marks = kexie::read_entries_document(entries, loaded.codes).value();
};

const Demo& demo() {
  static const Demo d;
  return d;
}

void BM_ReadCampaign(benchmark::State& state) {
  const Demo& d = demo();
  for (auto _ : state) {
    auto r = kexie::read_campaign_document(d.campaign);
    if (!r) state.SkipWithError("campaign.json refused");
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * d.campaign.size()));
}
BENCHMARK(BM_ReadCampaign)->Unit(benchmark::kMillisecond);

void BM_ReadRegistry(benchmark::State& state) {
  const Demo& d = demo();
  for (auto _ : state) {
    auto r = kexie::read_registry_document(d.registry);
    if (!r) state.SkipWithError("registry.json refused");
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * d.registry.size()));
}
BENCHMARK(BM_ReadRegistry)->Unit(benchmark::kMillisecond);

void BM_ReadEntries(benchmark::State& state) {
  const Demo& d = demo();
  for (auto _ : state) {
    auto r = kexie::read_entries_document(d.entries, d.loaded.codes);
    if (!r) state.SkipWithError("entries.json refused");
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * d.entries.size()));
}
BENCHMARK(BM_ReadEntries)->Unit(benchmark::kMillisecond);

void BM_ReadEntriesOneLine(benchmark::State& state) {
  const Demo& d = demo();
  for (auto _ : state) {
    auto r = kexie::read_entries_document(d.entries_line, d.loaded.codes);
    if (!r) state.SkipWithError("minified entries.json refused");
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * d.entries_line.size()));
}
BENCHMARK(BM_ReadEntriesOneLine)->Unit(benchmark::kMillisecond);

void BM_LoadCampaign(benchmark::State& state) {
  const Demo& d = demo();
  for (auto _ : state) {
    auto c = kexie::load_campaign(d.loaded.registry, d.loaded.codes, d.rules, d.marks);
    if (!c) state.SkipWithError("load_campaign refused");
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(BM_LoadCampaign)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  kexie_bench::SummaryReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  std::printf("\nsummary (median of the repetitions):\n");
  for (const auto& [name, x] : reporter.times()) {
    std::printf("  %-26s real %10.3f ms   cpu %10.3f ms\n", name.c_str(), x.real_ns / 1e6,
                x.cpu_ns / 1e6);
  }
  const auto campaign = reporter.find("BM_ReadCampaign");
  std::printf("campaign.json read: %.3f ms (target: under 5 ms)\n", campaign.real_ns / 1e6);
  benchmark::Shutdown();
  return 0;
}
