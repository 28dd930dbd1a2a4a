// Concurrent const calls (issue 16). Several threads make the same read-only calls
// on one registry, activity book and campaign — registry queries, member indexes
// and rollups, audit verification, scoring, standings, explanations, a snapshot
// saved to a buffer — and every thread must see exactly what a serial run on an
// identical copy sees. The shared objects start with cold caches (the registry's
// member index, the campaign's entry-code order), so the threads race to build
// them; a start barrier lines the threads up for that.
//
// The race detector is what makes this test sharp. Under ThreadSanitizer:
//   cmake --preset tsan && cmake --build --preset tsan -j2 --target concurrency_test
//   build/tsan/tests/unit/concurrency_test
// (in the dev suite it still checks that every thread sees the serial results).
//
// The C API part makes the same kind of calls through kx_* functions on the
// handles of a snapshot loaded with kx_snapshot_load_buffer.
#include <gtest/gtest.h>

#include <barrier>
#include <cstdint>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "kexie/explain.hpp"
#include "kexie/snapshot.hpp"
#include "support/snapshot_world.hpp"

#if KEXIE_TEST_C_API
#include "kexie/kexie.h"
#endif

namespace {

using namespace kexie::literals;
using kexie_test::SnapshotContent;

constexpr int kThreads = 4;
constexpr int kRounds = 2;

SnapshotContent content() { return kexie_test::make_content(16, 40, 10, 8); }

template <class T>
std::string refused_or(const kexie::Result<T>& r, std::string ok) {
  return r ? ok : "refused: " + r.error().message();
}

/// Everything a reader can ask `s` for, as text, in a fixed order.
std::vector<std::string> observe(const SnapshotContent& s) {
  const kexie::Registry& reg = s.world->registry;
  const kexie::ActivityBook& book = *s.book;
  const kexie::Campaign& campaign = *s.campaign;
  std::vector<std::string> out;
  const kexie::Date dates[] = {"2005-06-01"_date, "2018-01-01"_date, "2025-03-01"_date};

  out.push_back(reg.digest());
  for (std::uint32_t i = 1; i <= reg.organization_count() + 1; ++i) {
    const kexie::OrgId org(i);
    auto o = reg.organization(org);
    out.push_back(refused_or(o, o ? o.value().name : ""));
    for (kexie::Date d : dates) {
      auto parent = reg.parent(org, d);
      out.push_back(refused_or(parent, parent ? kexie::to_string(parent.value()) : ""));
      auto r = reg.rollup(org, d);
      out.push_back(refused_or(r, r ? std::to_string(r.value().members) + "/" +
                                          std::to_string(r.value().young) + "/" +
                                          std::to_string(r.value().experts)
                                    : ""));
      out.push_back(std::to_string(reg.ancestor_ids(org, d).size()));
    }
  }
  for (std::uint32_t i = 1; i <= reg.person_count() + 1; ++i) {
    const kexie::PersonId person(i);
    auto p = reg.person(person);
    out.push_back(refused_or(p, p ? p.value().name : ""));
    out.push_back(std::to_string(reg.memberships_of(person).size()));
    auto youth = reg.youth(person, dates[2]);
    out.push_back(youth ? "youth" : "refused: " + youth.error().message());
  }
  for (kexie::Date d : dates) {
    const kexie::MemberIndex index = reg.member_index(d);
    std::string rows = std::to_string(index.size()) + ":";
    for (std::size_t row = 0; row < index.size(); ++row) {
      const kexie::MemberEntry e = index.entry(row);
      rows += kexie::to_string(e.person) + "@" + kexie::to_string(e.org) + "," +
              std::to_string(e.roles) + (e.young ? "y;" : ";");
    }
    out.push_back(rows);
  }

  out.push_back(book.chain_head().to_string());
  const kexie::AuditVerification v = book.verify_audit();
  out.push_back(std::to_string(static_cast<int>(v.fault)) + "/" + std::to_string(v.first_bad) +
                "/" + v.message);
  out.push_back(std::to_string(book.audit_trail().size()));
  for (kexie::ActivityId id : s.activities) {
    const kexie::Activity* a = book.find(id);
    out.push_back(a != nullptr ? kexie::digest(*a) : "missing");
    auto state = book.state_at(id, kexie_test::minute(600));
    out.push_back(refused_or(state, state ? std::to_string(static_cast<int>(state.value())) : ""));
  }
  out.push_back(std::to_string(book.overdue(dates[2]).size()));

  auto board = campaign.score();
  out.push_back(refused_or(board, board ? board.value().digest() : ""));
  if (board) {
    for (const kexie::EntryResult& r : board.value().entries) {
      auto x = kexie::explain(campaign, board.value(), r.entry);
      out.push_back(refused_or(
          x, x ? kexie::to_text(x.value(), kexie::Language::chinese) + kexie::to_json(x.value())
               : ""));
    }
  }
  auto standings = campaign.standings();
  std::string rows;
  if (standings) {
    for (const kexie::Standing& st : standings.value())
      rows += kexie::to_string(st.entry) + "," + st.total.to_string() + "," +
              std::to_string(st.rank) + "," + std::to_string(st.position) + ";";
  }
  out.push_back(refused_or(standings, rows));
  for (int i = 99; i < 110; ++i) {
    auto e = campaign.find_entry("P-" + std::to_string(i));
    out.push_back(refused_or(e, e ? kexie::to_string(e.value()) : ""));
  }

  auto bytes = kexie::save_snapshot(s.view());
  out.push_back(refused_or(
      bytes,
      bytes ? std::string(reinterpret_cast<const char*>(bytes.value().data()), bytes.value().size())
            : ""));
  return out;
}

/// Runs `work` on kThreads threads started together, kRounds times each, and
/// returns what each round saw.
template <class F>
std::vector<std::vector<std::string>> together(F work) {
  std::vector<std::vector<std::string>> seen(kThreads * kRounds);
  std::barrier start(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      for (int r = 0; r < kRounds; ++r) seen[std::size_t(t * kRounds + r)] = work();
    });
  }
  for (std::thread& t : threads) t.join();
  return seen;
}

TEST(Concurrency, ConstCallsFromManyThreadsSeeTheSerialResults) {
  const SnapshotContent serial_copy = content();
  const std::vector<std::string> expected = observe(serial_copy);
  ASSERT_GT(expected.size(), 100u);

  const SnapshotContent shared = content();  // caches cold: the threads build them
  ASSERT_EQ(shared.world->registry.digest(), expected.front());
  for (const std::vector<std::string>& seen : together([&] { return observe(shared); })) {
    ASSERT_EQ(seen.size(), expected.size());
    for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], expected[i]) << "item " << i;
  }
}

TEST(Concurrency, TheObservationTellsContentsApart) {
  // The comparison above must be able to fail: a different content is seen as different.
  const std::vector<std::string> a = observe(content());
  const std::vector<std::string> b = observe(kexie_test::make_content(17, 40, 10, 8));
  EXPECT_NE(a, b);
}

#if KEXIE_TEST_C_API

int count_org(uint32_t org, void* payload) {
  static_cast<std::string*>(payload)->append(std::to_string(org) + ",");
  return 0;
}
int count_member(const kx_member_row* row, void* payload) {
  static_cast<std::string*>(payload)->append(std::to_string(row->person) + "@" +
                                             std::to_string(row->org) + ",");
  return 0;
}
int count_audit(const kx_audit_record* record, void* payload) {
  static_cast<std::string*>(payload)->append(std::string(record->hash) + ",");
  return 0;
}
int count_standing(const kx_standing* s, void* payload) {
  static_cast<std::string*>(payload)->append(std::to_string(s->entry) + ":" + s->total + ",");
  return 0;
}

/// The C API's read-only calls on the loaded handles, as text.
std::vector<std::string> observe_c(const kx_registry* reg, const kx_book* book,
                                   const kx_campaign* campaign) {
  std::vector<std::string> out;
  auto code = [&](int rc) { out.push_back("rc " + std::to_string(rc)); };
  for (uint32_t org = 1; org <= 40; ++org) {
    kx_org_info info{};
    code(kx_registry_org(&info, reg, org));
    out.push_back(std::to_string(info.kind) + "," + std::to_string(info.first_day));
    char* name = nullptr;
    if (kx_registry_org_name(&name, reg, org) == 0) out.push_back(name);
    kx_string_free(name);
    std::string subtree;
    code(kx_registry_subtree_foreach(reg, org, "2025-03-01", -1, count_org, &subtree));
    out.push_back(subtree);
    std::string members;
    code(kx_registry_members_foreach(reg, org, "2025-03-01", nullptr, count_member, &members));
    out.push_back(members);
    kx_rollup r{};
    code(kx_registry_rollup(&r, reg, org, "2018-01-01"));
    out.push_back(std::to_string(r.members) + "/" + std::to_string(r.young));
  }
  char* head = nullptr;
  code(kx_book_chain_head(&head, book));
  out.push_back(head != nullptr ? head : "");
  kx_audit_verification v{};
  code(kx_book_verify_audit(&v, book, head));
  out.push_back(std::to_string(v.fault) + "/" + std::to_string(v.first_bad));
  kx_string_free(head);
  std::string trail;
  code(kx_book_audit_foreach(book, count_audit, &trail));
  out.push_back(trail);

  kx_scoreboard* board = nullptr;
  code(kx_campaign_score(&board, campaign));
  const char* digest = nullptr;
  code(kx_scoreboard_digest(&digest, board));
  out.push_back(digest != nullptr ? digest : "");
  size_t size = 0;
  code(kx_scoreboard_size(&size, board));
  for (size_t i = 0; i < size; ++i) {
    kx_entry_result r{};
    code(kx_scoreboard_entry(&r, board, i));
    char* json = nullptr;
    code(kx_explain_json(&json, campaign, board, r.entry));
    out.push_back(json != nullptr ? json : "");
    kx_string_free(json);
  }
  kx_scoreboard_free(board);
  std::string standings;
  code(kx_campaign_standings_foreach(campaign, count_standing, &standings));
  out.push_back(standings);

  kx_buffer bytes{nullptr, 0};
  const kx_book* books[] = {book};
  const kx_campaign* campaigns[] = {campaign};
  code(kx_snapshot_save_buffer(&bytes, reg, books, 1, campaigns, 1));
  out.emplace_back(static_cast<const char*>(bytes.data), bytes.size);
  kx_buffer_free(&bytes);
  // A refusal records the error of the calling thread only.
  uint32_t none = 0;
  code(kx_campaign_find_entry(&none, campaign, "no such entry"));
  out.push_back(kx_error_last()->message);
  return out;
}

TEST(Concurrency, CApiReadOnlyCallsFromManyThreadsSeeTheSerialResults) {
  const SnapshotContent source = content();
  auto bytes = kexie::save_snapshot(source.view());
  ASSERT_TRUE(bytes);
  auto load = [&] {
    kx_snapshot* snap = nullptr;
    EXPECT_EQ(kx_snapshot_load_buffer(&snap, bytes.value().data(), bytes.value().size()), 0);
    return snap;
  };
  auto parts = [](kx_snapshot* snap, kx_registry** reg, kx_book** book, kx_campaign** campaign) {
    ASSERT_EQ(kx_snapshot_registry(reg, snap), 0);
    ASSERT_EQ(kx_snapshot_book(book, snap, 0), 0);
    ASSERT_EQ(kx_snapshot_campaign(campaign, snap, 0), 0);
  };
  kx_snapshot* serial = load();
  kx_registry* reg = nullptr;
  kx_book* book = nullptr;
  kx_campaign* campaign = nullptr;
  parts(serial, &reg, &book, &campaign);
  const std::vector<std::string> expected = observe_c(reg, book, campaign);
  kx_snapshot_free(serial);
  EXPECT_EQ(expected[expected.size() - 3],
            std::string(reinterpret_cast<const char*>(bytes.value().data()), bytes.value().size()));

  kx_snapshot* shared = load();
  parts(shared, &reg, &book, &campaign);
  for (const std::vector<std::string>& seen :
       together([&] { return observe_c(reg, book, campaign); })) {
    ASSERT_EQ(seen.size(), expected.size());
    for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], expected[i]) << "item " << i;
  }
  kx_snapshot_free(shared);
}

#endif  // KEXIE_TEST_C_API

}  // namespace
