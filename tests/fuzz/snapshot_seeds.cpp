// Writes the seed corpora of snapshot_fuzz and snapshot_payload_fuzz from real
// snapshots: an empty registry, registries alone, and registries with activity
// books and campaigns (tests/unit/support/snapshot_world.hpp), each a few KB.
// The payload corpus holds the same files without their 72-byte header.
//   snapshot_seeds tests/fuzz/corpus/snapshot_fuzz tests/fuzz/corpus/snapshot_payload_fuzz
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kexie/snapshot.hpp"
#include "support/snapshot_world.hpp"

namespace {

void write(const std::filesystem::path& path, const std::byte* data, std::size_t size) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s <file corpus dir> <payload corpus dir>\n", argv[0]);
    return 2;
  }
  std::vector<std::pair<std::string, std::vector<std::byte>>> seeds;
  seeds.emplace_back("empty-registry", kexie::save_snapshot(kexie::Registry{}).value());
  seeds.emplace_back("registry-5-people", kexie::save_snapshot(kexie_test::kill_state(5)).value());
  {
    const kexie_test::World w;
    seeds.emplace_back("campaign-world-registry", kexie::save_snapshot(w.registry).value());
  }
  {
    const auto c = kexie_test::make_content(7, 8, 3, 3);
    seeds.emplace_back("registry-book-campaign", kexie::save_snapshot(c.view()).value());
  }
  {
    // Two books and two campaigns, one of each empty; a grown registry with moves,
    // dissolutions, ended memberships, experts, links and training.
    const auto c = kexie_test::make_content(8, 12, 2, 2);
    const kexie::ActivityBook empty_book(c.world->registry);
    const kexie::Campaign empty_campaign(c.world->registry, kexie_test::proposal_spec(*c.world));
    kexie::SnapshotView view = c.view();
    view.add(empty_book).add(empty_campaign);
    seeds.emplace_back("two-books-two-campaigns", kexie::save_snapshot(view).value());
  }
  for (const auto& [name, bytes] : seeds) {
    write(std::filesystem::path(argv[1]) / (name + ".kxs"), bytes.data(), bytes.size());
    write(std::filesystem::path(argv[2]) / (name + ".payload"), bytes.data() + 72,
          bytes.size() - 72);
    std::printf("%-26s %6zu bytes\n", name.c_str(), bytes.size());
  }
  return 0;
}
