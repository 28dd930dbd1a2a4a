// The child of the kill test in snapshot_test.cpp: saves the registries
// kill_state(start), kill_state(start + 1), … (modulo `states`) to `path` in a
// loop until it is killed, writing one line to stdout after its first save
// (the test waits for it, so every kill lands in the save loop). The test kills it with SIGKILL at
// random moments and checks that `path` always holds one of those states, complete. A save that
// fails ends the child with status 3, which the test reports (a crash must never
// leave anything that stops the next save).
//   snapshot_kill_child <path> <start> <states>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "kexie/snapshot.hpp"
#include "support/snapshot_world.hpp"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s <path> <start> <states>\n", argv[0]);
    return 2;
  }
  const std::filesystem::path path = argv[1];
  const int states = std::atoi(argv[3]);
  bool first = true;
  for (int k = std::atoi(argv[2]);; k = (k + 1) % states) {
    const kexie::Status s = kexie::save_snapshot(kexie_test::kill_state(k), path);
    if (!s) {
      std::fprintf(stderr, "save of state %d failed: %s\n", k, s.error().to_string().c_str());
      return 3;
    }
    if (first) {
      std::puts("saved");
      std::fflush(stdout);
      first = false;
    }
  }
}
