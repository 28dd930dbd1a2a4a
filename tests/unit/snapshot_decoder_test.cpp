// The snapshot decoder at exact boundary values (issue 16): files whose hashes
// are right but whose fields sit exactly on or one past a limit.
// - Every count field set near 2^40 is refused by the bytes-left check, with the
//   message naming that field, before anything is allocated: the payload is
//   scanned offset by offset in a child process whose address space is limited,
//   and the set of fields refused that way must be every count the format has.
// - Every index column and reference set to exactly its table's size (0-based
//   indices, string-pool offsets) or one past it (1-based ids) is corrupt_data
//   naming the item, and the last valid value still loads, so an off-by-one in
//   either direction fails a test.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "kexie/snapshot.hpp"
#include "support/snapshot_frame.hpp"
#include "support/snapshot_world.hpp"

using kexie::ErrorCode;
using kexie_test::Bytes;
using kexie_test::get_le;
using kexie_test::kSnapshotHeaderSize;
using kexie_test::patched;

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define KEXIE_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define KEXIE_TEST_SANITIZED 1
#endif
#endif

namespace {

kexie::Result<kexie::Snapshot> load(const Bytes& bytes) {
  return kexie::load_snapshot(std::span<const std::byte>(bytes.data(), bytes.size()));
}

/// Runs `work` in a forked child and returns what it returned. Unless a
/// sanitizer needs its shadow memory, the child's address space is limited to
/// 2 GiB, so an allocation sized by an unchecked count fails there (and shows
/// in the result) instead of taking this machine's memory.
std::string in_limited_child(const std::function<std::string()>& work) {
  int fds[2];
  if (::pipe(fds) != 0) ADD_FAILURE() << "pipe";
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
#ifndef KEXIE_TEST_SANITIZED
    const rlimit limit{rlim_t{2} << 30, rlim_t{2} << 30};
    ::setrlimit(RLIMIT_AS, &limit);
#endif
    std::string out;
    try {
      out = work();
    } catch (const std::exception& e) {
      out = std::string("exception: ") + e.what();
    }
    std::size_t done = 0;
    while (done < out.size()) {
      const ssize_t n = ::write(fds[1], out.data() + done, out.size() - done);
      if (n <= 0) ::_exit(2);
      done += static_cast<std::size_t>(n);
    }
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child status " << status;
  return out;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

/// The field a bytes-left refusal names ("<field>: a count of N needs more than
/// the L bytes left"), or "" for any other message.
std::string refused_count(const std::string& message, std::uint64_t n, const char* kind) {
  const std::string mark = std::string(": a ") + kind + " of " + std::to_string(n);
  const auto at = message.find(mark);
  if (at == std::string::npos || message.find("bytes left", at) == std::string::npos) return {};
  const std::string prefix = "snapshot: ";
  const std::size_t from = message.rfind(prefix, at) == 0 ? prefix.size() : 0;
  return message.substr(from, at - from);
}

// Every count the format has (Reader::count and Reader::block callers in
// src/snapshot*.cpp); a field missing from a scan lost its bytes-left check.
const std::set<std::string> kCounts = {
    // snapshot.cpp
    "activity books", "campaigns",
    // snapshot_registry.cpp
    "organizations", "parent history", "exemplary awards", "people: names",
    "people: external keys", "people: birth dates", "people: employers", "people: titles",
    "people: disciplines", "people: string pool", "disciplines", "people: external-key index",
    "memberships: people", "memberships: organizations", "memberships: roles",
    "memberships: first days", "memberships: last days", "expert listings",
    "fields of expertise", "links", "training records",
    // snapshot_activity.cpp
    "permissions", "impartial operations", "grade bands", "commendable grades",
    "operations needing a reason", "team", "progress reports", "activities", "audit records",
    // snapshot_campaign.cpp
    "eligibility rules", "tie-breaks", "award tiers", "energy coefficients", "grid factors",
    "indicators", "objective tiers", "energy savings", "patents", "assigned judges", "marks",
    "vetoes", "judges", "entries"};

}  // namespace

TEST(SnapshotDecoder, EveryCountNearTwoToTheFortyIsRefusedByTheBytesLeftCheck) {
  const auto content = kexie_test::make_content(5, 30, 4, 6);
  // An expert listing, whose fields of expertise are a count of their own.
  kexie_test::World& w = *content.world;
  w.registry
      .add_expert(w.experts[0], w.province, {"energy saving"},
                  kexie::Period::from(kexie_test::day("2021-01-01")))
      .value();
  const Bytes file = kexie::save_snapshot(content.view()).value();
  ASSERT_TRUE(load(file).ok());
  const std::uint64_t big = std::uint64_t{1} << 40;
  const std::string report = in_limited_child([&] {
    std::ostringstream out;
    for (std::size_t at = kSnapshotHeaderSize; at + 8 <= file.size(); ++at) {
      // Only where a count could be: a value no larger than the payload.
      if (get_le(file, at, 8) > file.size()) continue;
      const auto r = load(patched(file, at, big, 8));
      if (r.ok()) continue;  // not a count: a coefficient, a timestamp...
      const std::string field = refused_count(r.error().message(), big, "count");
      if (field.empty()) {
        if (r.error().message().find("memory") != std::string::npos)
          out << "memory at " << at << ": " << r.error().message() << '\n';
        continue;
      }
      out << (r.code() == ErrorCode::corrupt_data ? "count\t" : "code\t") << field << '\n';
      // Its neighbours are refused the same way.
      for (const std::uint64_t n : {big - 1, big + 1}) {
        const auto near = load(patched(file, at, n, 8));
        if (near.ok() || refused_count(near.error().message(), n, "count") != field)
          out << "near 2^40 at " << at << ": " << (near.ok() ? "loaded" : near.error().message())
              << '\n';
      }
    }
    return out.str();
  });
  std::set<std::string> refused;
  for (const std::string& line : lines(report)) {
    if (line.rfind("count\t", 0) == 0) {
      refused.insert(line.substr(6));
    } else {
      ADD_FAILURE() << line;  // another code, a load or an allocation that failed
    }
  }
  for (const std::string& field : kCounts)
    EXPECT_TRUE(refused.count(field)) << "no bytes-left refusal names \"" << field << "\"";
  for (const std::string& field : refused)
    EXPECT_TRUE(kCounts.count(field)) << "a count this test does not know: \"" << field << "\"";
}

TEST(SnapshotDecoder, EveryTextLengthBeyondThePayloadIsRefusedByTheBytesLeftCheck) {
  const auto content = kexie_test::make_content(6, 10, 3, 3);
  const Bytes file = kexie::save_snapshot(content.view()).value();
  const std::uint64_t big = 0xFFFFFF00u;
  const std::string report = in_limited_child([&] {
    std::ostringstream out;
    for (std::size_t at = kSnapshotHeaderSize; at + 4 <= file.size(); ++at) {
      const std::uint64_t n = get_le(file, at, 4);
      if (n == 0 || n > 64 || at + 4 + n > file.size()) continue;
      const auto r = load(patched(file, at, big, 4));
      if (r.ok()) continue;
      const std::string field = refused_count(r.error().message(), big, "text");
      if (!field.empty()) out << field << '\n';
      if (r.error().message().find("memory") != std::string::npos)
        out << "!memory " << r.error().message() << '\n';
    }
    return out.str();
  });
  std::set<std::string> refused;
  for (const std::string& line : lines(report)) {
    EXPECT_NE(line[0], '!') << line;
    refused.insert(line);
  }
  for (const char* field : {"organization name", "enterprise name", "discipline", "campaign name",
                            "entry code", "entry title", "veto reason", "award tier name"})
    EXPECT_TRUE(refused.count(field)) << "no bytes-left refusal names \"" << field << "\"";
}
