// Allocation-failure injection (SQLite's malloc test, issue 16): each operation
// of the public API is run with its N-th allocation failing, for N = 1, 2, …
// until it completes without reaching the failure. Every failing N must give
// std::bad_alloc or an error value (C++) or KX_ENOMEM (C) and leave the object
// exactly as it was (its digest, audit chain head, saved bytes and score are
// unchanged: the strong guarantee), and the same object must then complete the
// operation. The operations run on one object across the sweep, so a failure
// that damaged it shows in a later N; afterwards the object is compared with a
// twin that ran the same steps without failures.
//
// Bounds, to keep the program within seconds: every N up to kEveryUpTo, then
// every kStride-th (the large operations: snapshot save and load).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <new>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "kexie/kexie.h"
#include "kexie/kexie.hpp"
#include "kexie/rubric_text.hpp"
#include "kexie/snapshot.hpp"
#include "support/campaign_world.hpp"
#include "support/fail_alloc.hpp"
#include "support/snapshot_world.hpp"

namespace {

using kexie_test::FailAlloc;
using namespace kexie::literals;
namespace fs = std::filesystem;

constexpr std::uint64_t kEveryUpTo = 5000;
constexpr std::uint64_t kStride = 61;

/// What one sweep saw.
struct Sweep {
  std::uint64_t failing = 0;  ///< runs that reached the failure
  std::uint64_t threw = 0;    ///< of which ended in std::bad_alloc
  std::uint64_t refused = 0;  ///< of which ended in an error value
  std::uint64_t needed = 0;   ///< the N that first completed
};

/// Runs `op` (true: it completed; false: it returned an error value) with its
/// N-th allocation failing, N = 1, 2, …, until a run does not reach the
/// failure; after each failing run `state()` must equal what it was before.
/// The completing run is the retry on the same object.
Sweep sweep(const std::string& what, const std::function<bool()>& op,
            const std::function<std::string()>& state) {
  Sweep s;
  const std::string before = state();
  for (std::uint64_t n = 1;; n = n < kEveryUpTo ? n + 1 : n + kStride) {
    bool ok = false;
    bool threw = false;
    FailAlloc::arm(n);
    try {
      ok = op();
    } catch (const std::bad_alloc&) {
      threw = true;
    }
    const bool fired = FailAlloc::disarm();
    if (!fired || ok) {  // completed (a failure it absorbed must not show)
      EXPECT_TRUE(ok) << what << ": refused with no allocation failure";
      s.needed = n;
      return s;
    }
    ++s.failing;
    ++(threw ? s.threw : s.refused);
    const std::string after = state();
    if (after != before) {
      ADD_FAILURE() << what << ": allocation " << n << " failed and "
                    << (threw ? "std::bad_alloc" : "an error value")
                    << " left a changed object (strong guarantee broken)\n  before: " << before
                    << "\n  after:  " << after;
      return s;
    }
  }
}

std::string bytes_of(const std::vector<std::byte>& b) {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

/// A short fingerprint of `bytes` (size and hash), so a failed comparison prints little.
std::string fingerprint(const std::string& bytes) {
  return std::to_string(bytes.size()) + "#" + std::to_string(std::hash<std::string>{}(bytes));
}

/// Everything observable of a registry, book and campaign: the registry digest,
/// the chain head and activity digests, a fresh score digest (or its refusal)
/// and the saved snapshot bytes.
std::string state_of(const kexie::Registry& reg, const kexie::ActivityBook* book,
                     const kexie::Campaign* campaign) {
  std::string s = reg.digest();
  kexie::SnapshotView view(reg);
  if (book != nullptr) {
    view.add(*book);
    s += "|" + book->chain_head().to_string();
    for (std::uint32_t i = 1; i <= book->size(); ++i)
      if (const kexie::Activity* a = book->find(kexie::ActivityId{i})) s += "|" + kexie::digest(*a);
  }
  if (campaign != nullptr) {
    view.add(*campaign);
    auto board = campaign->score();
    s += "|" + (board ? board->digest() : board.error().message());
  }
  auto bytes = kexie::save_snapshot(view);
  s += "|" + (bytes ? fingerprint(bytes_of(*bytes)) : std::string("unsaved"));
  return s;
}

void report(const std::string& what, const Sweep& s) {
  std::cout << "[ alloc    ] " << what << ": " << s.failing << " failing runs (" << s.threw
            << " bad_alloc, " << s.refused << " error values), completed at N=" << s.needed
            << std::endl;
}

// ---- registry ------------------------------------------------------------------------------

TEST(AllocFailure, RegistryMutations) {
  kexie_test::World sub;
  kexie_test::World ref;
  auto state = [&] { return sub.registry.digest(); };
  using Step = std::function<bool(kexie_test::World&)>;
  const std::vector<std::pair<std::string, Step>> steps = {
      {"add_organization",
       [](kexie_test::World& w) {
         return bool(w.registry.add_organization(
             {.kind = kexie::OrgKind::enterprise,
              .name = "新企业科协 a new enterprise association",
              .parent = w.city,
              .effective = "2010-01-01"_date,
              .enterprise = {
                  .enterprise_name = "新企业", .industry = "steel", .region = "330100"}}));
       }},
      {"add_organization partner",
       [](kexie_test::World& w) {
         return bool(w.registry.add_organization({.kind = kexie::OrgKind::partner,
                                                  .name = "浙江大学 a university partner",
                                                  .effective = "1950-01-01"_date}));
       }},
      {"add_person",
       [](kexie_test::World& w) {
         return bool(w.registry.add_person({.name = "新人 newcomer",
                                            .birth = "1990-05-05"_date,
                                            .employer = w.enterprises[1],
                                            .external_key = "NEW-1",
                                            .discipline = "metallurgy"}));
       }},
      {"add_membership",
       [](kexie_test::World& w) {
         return bool(w.registry.add_membership(w.staff[1][0], w.branches[1], kexie::Role::member,
                                               kexie::Period::from("2012-01-01"_date)));
       }},
      {"add_membership secretary_general",
       [](kexie_test::World& w) {
         return bool(w.registry.add_membership(w.staff[0][1], w.enterprises[0],
                                               kexie::Role::secretary_general,
                                               kexie::Period::from("2015-01-01"_date)));
       }},
      {"add_expert",
       [](kexie_test::World& w) {
         return bool(w.registry.add_expert(w.staff[2][3], w.province,
                                           {"energy saving", "cryogenics"},
                                           kexie::Period::from("2020-01-01"_date)));
       }},
      {"add_link",
       [](kexie_test::World& w) {
         const kexie::OrgId partner{static_cast<std::uint32_t>(w.registry.organization_count())};
         return bool(w.registry.add_link(w.enterprises[0], partner,
                                         kexie::Period::from("2018-01-01"_date)));
       }},
      {"add_training",
       [](kexie_test::World& w) {
         return bool(
             w.registry.add_training(w.staff[0][2], 12, kexie::TrainingKind{}, "2024-03-01"_date));
       }},
      {"end_membership",
       [](kexie_test::World& w) {
         auto ms = w.registry.memberships_of(w.staff[1][0]);
         return bool(w.registry.end_membership(ms.back(), "2024-12-31"_date));
       }},
      {"move",
       [](kexie_test::World& w) {
         return bool(w.registry.move(w.branches[2], w.enterprises[1], "2023-01-01"_date));
       }},
      {"dissolve",
       [](kexie_test::World& w) {
         return bool(w.registry.dissolve(w.branches[0], "2024-06-30"_date));
       }},
  };
  std::uint64_t failing = 0;
  for (const auto& [name, step] : steps) {
    ASSERT_TRUE(step(ref)) << name;
    const Sweep s = sweep(
        "Registry::" + name, [&, &step = step] { return step(sub); }, state);
    report("Registry::" + name, s);
    failing += s.failing;
    ASSERT_EQ(sub.registry.digest(), ref.registry.digest()) << name;
  }
  EXPECT_GT(failing, 20U)
      << "the registry mutations allocate next to nothing: the sweep tested nothing";
}

// Growth: the same mutations over and over, so that some of them find their
// arrays full and reallocate (the paths a single call in one state may miss).
TEST(AllocFailure, RegistryGrowth) {
  kexie_test::World sub;
  kexie_test::World ref;
  auto state = [&] { return sub.registry.digest(); };
  std::uint64_t failing = 0;
  for (int i = 0; i < 70; ++i) {
    const std::string n = std::to_string(i);
    auto step = [&](kexie_test::World& w) {
      auto p = w.registry.add_person({.name = "成长 growth " + n,
                                      .birth = "1991-01-01"_date,
                                      .employer = w.enterprises[std::size_t(i % 3)],
                                      .external_key = "G-" + n,
                                      .discipline = "field " + std::to_string(i % 7)});
      if (!p) return false;
      if (!w.registry.add_membership(*p, w.enterprises[std::size_t(i % 3)], kexie::Role::member,
                                     kexie::Period::from("2020-01-01"_date)))
        return false;
      return bool(w.registry.add_training(*p, 1 + i % 9, kexie::TrainingKind{}, "2024-01-01"_date));
    };
    // Three calls a step: sweep each by itself (a step is not atomic).
    ASSERT_TRUE(step(ref));
    const kexie::PersonId p{static_cast<std::uint32_t>(sub.registry.person_count() + 1)};
    Sweep s = sweep(
        "add_person " + n,
        [&] {
          return bool(sub.registry.add_person({.name = "成长 growth " + n,
                                               .birth = "1991-01-01"_date,
                                               .employer = sub.enterprises[std::size_t(i % 3)],
                                               .external_key = "G-" + n,
                                               .discipline = "field " + std::to_string(i % 7)}));
        },
        state);
    failing += s.failing;
    s = sweep(
        "add_membership " + n,
        [&] {
          return bool(sub.registry.add_membership(p, sub.enterprises[std::size_t(i % 3)],
                                                  kexie::Role::member,
                                                  kexie::Period::from("2020-01-01"_date)));
        },
        state);
    failing += s.failing;
    s = sweep(
        "add_training " + n,
        [&] {
          return bool(
              sub.registry.add_training(p, 1 + i % 9, kexie::TrainingKind{}, "2024-01-01"_date));
        },
        state);
    failing += s.failing;
    ASSERT_EQ(sub.registry.digest(), ref.registry.digest()) << i;
  }
  std::cout << "[ alloc    ] registry growth: " << failing << " failing runs" << std::endl;
  EXPECT_GT(failing, 80U);
}

// ---- activity book -------------------------------------------------------------------------

struct BookWorld {
  // The boss's roles are asserted (no such person in the registry): the book opts in,
  // as migrations and tests may (LifecyclePolicy::allow_asserted_roles).
  BookWorld() {
    kexie::LifecyclePolicy p = book.policy();
    p.allow_asserted_roles = true;
    book.set_policy(p).value();
  }
  kexie_test::World w;
  kexie::ActivityBook book{w.registry};
  kexie::ActivityId id{};
  kexie::Actor owner{w.staff[0][0]};
  kexie::Actor boss{kexie::Actor{kexie::PersonId{999'999},
                                 {{kexie::Role::chair, w.enterprises[0]},
                                  {kexie::Role::secretary_general, w.enterprises[0]},
                                  {kexie::Role::full_time_staff, w.enterprises[0]}}}
                        .with_expert_pool(w.enterprises[0])};
  kexie::ActivityPlan plan() const {
    kexie::ActivityPlan p;
    p.type = kexie::ActivityType::jiangbi_campaign;
    p.title = "节能降耗讲比 energy saving campaign";
    p.organizer = w.enterprises[0];
    p.owner = w.branches[0];
    p.responsible = w.staff[0][0];
    p.team = {w.staff[0][1], w.staff[0][2]};
    p.planned = {"2025-03-01"_date, "2025-11-30"_date};
    return p;
  }
};

TEST(AllocFailure, ActivityTransitions) {
  BookWorld sub;
  BookWorld ref;
  auto state = [&] { return state_of(sub.w.registry, &sub.book, nullptr); };
  using Op = kexie::ActivityOperation;
  using Step = std::function<bool(BookWorld&)>;
  auto op = [](Op o, bool by_owner, std::int64_t minute) {
    return Step([o, by_owner, minute](BookWorld& b) {
      return bool(b.book.apply(b.id, by_owner ? b.owner : b.boss, kexie_test::minute(minute), o,
                               "step 步骤"));
    });
  };
  const std::vector<std::pair<std::string, Step>> steps = {
      {"create",
       [](BookWorld& b) {
         auto r = b.book.create(b.owner, kexie_test::minute(1), b.plan(), "年度计划 plan");
         if (r) b.id = *r;
         return bool(r);
       }},
      {"approve refused (own activity, a security event)",
       [](BookWorld& b) {
         // Refused by a rule: performed = false, but the refusal is recorded in
         // the trail, so the step "completes" when the refusal comes back.
         auto s = b.book.apply(b.id, b.owner, kexie_test::minute(2), Op::approve, "mine");
         return !s && s.code() == kexie::ErrorCode::illegal_transition;
       }},
      {"submit", op(Op::submit, true, 11)},
      {"approve", op(Op::approve, false, 12)},
      {"start", op(Op::start, true, 13)},
      {"report_progress",
       [](BookWorld& b) {
         return bool(b.book.report_progress(b.id, b.owner, kexie_test::minute(30), 40, "进展"));
       }},
      {"complete", op(Op::complete, true, 40)},
      {"open_evaluation", op(Op::open_evaluation, false, 50)},
      {"conclude",
       [](BookWorld& b) {
         return bool(b.book.conclude(b.id, b.boss, kexie_test::minute(60), "92"_dec, "评审 panel"));
       }},
      {"conclude refused (already evaluated; recorded in the trail)",
       [](BookWorld& b) {
         auto g = b.book.conclude(b.id, b.boss, kexie_test::minute(61), "95"_dec, "again");
         return !g && g.error().code() == kexie::ErrorCode::illegal_transition;
       }},
  };
  std::uint64_t failing = 0;
  for (const auto& [name, step] : steps) {
    const bool ref_ok = step(ref);
    const std::string ref_state = state_of(ref.w.registry, &ref.book, nullptr);
    ASSERT_TRUE(ref_ok) << name;
    const Sweep s = sweep(
        "ActivityBook::" + name, [&, &step = step] { return step(sub); }, state);
    report("ActivityBook::" + name, s);
    failing += s.failing;
    ASSERT_EQ(state(), ref_state) << name;
    EXPECT_TRUE(sub.book.verify_audit().ok()) << name;
  }
  EXPECT_GT(failing, 10U) << "the transitions allocate next to nothing: the sweep tested nothing";
}

// ---- campaign ------------------------------------------------------------------------------

struct CampaignWorld {
  kexie_test::World w;
  kexie::Campaign c{w.registry, kexie_test::proposal_spec(w)};
  std::vector<kexie::JudgeId> judges;
  std::vector<kexie::EntryId> entries;
  CampaignWorld() {
    c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
    for (int k = 0; k < 3; ++k) judges.push_back(c.add_judge(w.experts[std::size_t(k)]).value());
    for (int i = 0; i < 3; ++i) {
      auto e = c.add_entry(kexie_test::proposal(w, "P-" + std::to_string(i), i % 2, i)).value();
      entries.push_back(e);
      for (kexie::JudgeId j : judges) {
        c.assign(j, e).value();
        c.mark(j, e, "A.1", "80"_dec).value();
        c.mark(j, e, "A.2", "75.5"_dec).value();
      }
    }
  }
};

TEST(AllocFailure, CampaignOperations) {
  CampaignWorld sub;
  CampaignWorld ref;
  auto state = [&] { return state_of(sub.w.registry, nullptr, &sub.c); };
  using Step = std::function<bool(CampaignWorld&)>;
  const std::vector<std::pair<std::string, Step>> steps = {
      {"add_entry",
       [](CampaignWorld& cw) {
         auto r = cw.c.add_entry(kexie_test::proposal(cw.w, "P-NEW", 1, 4, "600000"));
         if (r && cw.entries.size() == 3) cw.entries.push_back(*r);
         return bool(r);
       }},
      {"add_judge",
       [](CampaignWorld& cw) {
         auto r = cw.c.add_judge(cw.w.experts[3]);
         if (r && cw.judges.size() == 3) cw.judges.push_back(*r);
         return bool(r);
       }},
      {"assign 1",
       [](CampaignWorld& cw) { return bool(cw.c.assign(cw.judges[0], cw.entries[3])); }},
      {"assign 2",
       [](CampaignWorld& cw) { return bool(cw.c.assign(cw.judges[1], cw.entries[3])); }},
      {"assign 3",
       [](CampaignWorld& cw) { return bool(cw.c.assign(cw.judges[2], cw.entries[3])); }},
      {"mark",
       [](CampaignWorld& cw) {
         return bool(cw.c.mark(cw.judges[0], cw.entries[3], "bonus", "3"_dec));
       }},
      {"mark_all",
       [](CampaignWorld& cw) {
         std::vector<kexie::MarkInput> marks;
         for (std::size_t k = 0; k < 3; ++k) {
           marks.push_back({cw.judges[k], cw.entries[3], "A.1", kexie::Decimal(90 - int(k))});
           marks.push_back({cw.judges[k], cw.entries[3], "A.2", "88.5"_dec});
         }
         return bool(cw.c.mark_all(marks));
       }},
      {"veto",
       [](CampaignWorld& cw) {
         return bool(cw.c.veto(cw.judges[1], cw.entries[1], "veto", "数据造假 falsified data"));
       }},
      {"score",
       [](CampaignWorld& cw) {
         auto board = cw.c.score();
         return board && !board->digest().empty();
       }},
      // Two threads: a failure on either (the second makes the later digest bytes,
      // the honours and the board's fill) ends the call; neither thread is left waiting.
      {"score on two threads",
       [](CampaignWorld& cw) {
         auto board = cw.c.score(kexie::Threads{2});
         return board && !board->digest().empty();
       }},
      {"standings", [](CampaignWorld& cw) { return bool(cw.c.standings()); }},
  };
  std::uint64_t failing = 0;
  for (const auto& [name, step] : steps) {
    ASSERT_TRUE(step(ref)) << name;
    const std::string ref_state = state_of(ref.w.registry, nullptr, &ref.c);
    const Sweep s = sweep(
        "Campaign::" + name, [&, &step = step] { return step(sub); }, state);
    report("Campaign::" + name, s);
    failing += s.failing;
    ASSERT_EQ(state(), ref_state) << name;
  }
  EXPECT_GT(failing, 20U) << "the campaign operations allocate next to nothing";
}

TEST(AllocFailure, BookAndCampaignGrowth) {
  BookWorld bsub;
  BookWorld bref;
  auto bstate = [&] { return state_of(bsub.w.registry, &bsub.book, nullptr); };
  CampaignWorld csub;
  CampaignWorld cref;
  auto cstate = [&] { return state_of(csub.w.registry, nullptr, &csub.c); };
  std::uint64_t failing = 0;
  for (int i = 0; i < 40; ++i) {
    const std::string n = std::to_string(i);
    auto create = [&](BookWorld& b) {
      auto plan = b.plan();
      plan.title += " " + n;
      auto id = b.book.create(b.owner, kexie_test::minute(100 + i), plan, "plan " + n);
      if (id) b.id = *id;
      return bool(id);
    };
    auto submit = [&](BookWorld& b) {
      return bool(b.book.submit(b.id, b.owner, kexie_test::minute(100 + i), "ready " + n));
    };
    ASSERT_TRUE(create(bref));
    ASSERT_TRUE(submit(bref));
    failing += sweep(
                   "create " + n, [&] { return create(bsub); }, bstate)
                   .failing;
    failing += sweep(
                   "submit " + n, [&] { return submit(bsub); }, bstate)
                   .failing;
    ASSERT_EQ(bstate(), state_of(bref.w.registry, &bref.book, nullptr)) << i;

    auto add = [&](CampaignWorld& cw) {
      return bool(cw.c.add_entry(kexie_test::proposal(cw.w, "G-" + n, i % 2, i % 6, "150000")));
    };
    const kexie::EntryId e{static_cast<std::uint32_t>(csub.c.entry_count() + 1)};
    auto assign = [&](CampaignWorld& cw) { return bool(cw.c.assign(cw.judges[0], e)); };
    auto mark = [&](CampaignWorld& cw) {
      return bool(cw.c.mark(cw.judges[0], e, "A.1", kexie::Decimal(60 + i % 40)));
    };
    ASSERT_TRUE(add(cref) && assign(cref) && mark(cref));
    failing += sweep(
                   "add_entry " + n, [&] { return add(csub); }, cstate)
                   .failing;
    failing += sweep(
                   "assign " + n, [&] { return assign(csub); }, cstate)
                   .failing;
    failing += sweep(
                   "mark " + n, [&] { return mark(csub); }, cstate)
                   .failing;
    ASSERT_EQ(cstate(), state_of(cref.w.registry, nullptr, &cref.c)) << i;
  }
  std::cout << "[ alloc    ] book and campaign growth: " << failing << " failing runs" << std::endl;
  EXPECT_GT(failing, 400U);
}

// ---- snapshots -----------------------------------------------------------------------------

/// A fresh directory under the system's temporary directory, removed at the end.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "kexie-alloc-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

/// The names in `dir` and each file's bytes.
std::string listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::ifstream in(e.path(), std::ios::binary);
    names.push_back(e.path().filename().string() + "=" +
                    fingerprint(std::string(std::istreambuf_iterator<char>(in), {})));
  }
  std::sort(names.begin(), names.end());
  std::string s;
  for (const auto& n : names) s += n + "\n";
  return s;
}

kexie_test::SnapshotContent small_content() { return kexie_test::make_content(16, 12, 3, 3); }

TEST(AllocFailure, SnapshotSaveToBuffer) {
  auto content = small_content();
  const auto view = content.view();
  const std::string expected = bytes_of(kexie::save_snapshot(view).value());
  auto state = [&] {
    return state_of(content.world->registry, content.book.get(), content.campaign.get());
  };
  std::string got;
  const Sweep s = sweep(
      "save_snapshot(buffer)",
      [&] {
        auto r = kexie::save_snapshot(view);
        if (r) got = bytes_of(*r);
        return bool(r);
      },
      state);
  report("save_snapshot(buffer)", s);
  EXPECT_GT(s.failing, 0U);
  EXPECT_EQ(got, expected);
}

TEST(AllocFailure, SnapshotSaveToFile) {
  auto content = small_content();
  const auto view = content.view();
  TempDir dir;
  const fs::path file = dir.path / "kexie.snap";
  // An earlier version of the file, which a failed save must leave byte-identical.
  kexie::save_snapshot(kexie::SnapshotView(content.world->registry), file).value();
  const std::string expected = bytes_of(kexie::save_snapshot(view).value());
  auto state = [&] {
    return listing(dir.path) +
           state_of(content.world->registry, content.book.get(), content.campaign.get());
  };
  const Sweep s = sweep(
      "save_snapshot(file)", [&] { return bool(kexie::save_snapshot(view, file)); }, state);
  report("save_snapshot(file)", s);
  EXPECT_GT(s.failing, 0U);
  std::ifstream in(file, std::ios::binary);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), expected);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator{}), 1)
      << listing(dir.path).size() << " bytes of listing: a failed save left a file behind";
}

/// What a loaded snapshot holds, as state_of sees it.
std::string loaded_state(const kexie::Snapshot& snap) {
  return state_of(snap.registry(),
                  snap.activity_books().empty() ? nullptr : &snap.activity_books().front(),
                  snap.campaigns().empty() ? nullptr : &snap.campaigns().front());
}

TEST(AllocFailure, SnapshotLoadFromBuffer) {
  auto content = small_content();
  const auto bytes = kexie::save_snapshot(content.view()).value();
  const std::string expected = loaded_state(kexie::load_snapshot(std::span(bytes)).value());
  std::string got;
  const Sweep s = sweep(
      "load_snapshot(buffer)",
      [&] {
        auto snap = kexie::load_snapshot(std::span(bytes));
        if (snap) got = loaded_state(*snap);
        return bool(snap);
      },
      [] { return std::string(); });
  report("load_snapshot(buffer)", s);
  EXPECT_GT(s.failing, 0U);
  EXPECT_EQ(s.refused, 0U) << "an allocation failure must not read as an error of the data";
  EXPECT_EQ(got, expected);
}

TEST(AllocFailure, SnapshotLoadFromFile) {
  auto content = small_content();
  TempDir dir;
  const fs::path file = dir.path / "kexie.snap";
  kexie::save_snapshot(content.view(), file).value();
  const std::string expected = loaded_state(kexie::load_snapshot(file).value());
  std::string got;
  const Sweep s = sweep(
      "load_snapshot(file)",
      [&] {
        auto snap = kexie::load_snapshot(file);
        if (snap) got = loaded_state(*snap);
        return bool(snap);
      },
      [&] { return listing(dir.path); });
  report("load_snapshot(file)", s);
  EXPECT_GT(s.failing, 0U);
  EXPECT_EQ(s.refused, 0U) << "an allocation failure must not read as an error of the data";
  EXPECT_EQ(got, expected);
}

// ---- text parsers --------------------------------------------------------------------------

std::string text_of(const std::vector<kexie::Tier>& tiers) {
  std::string s;
  for (const kexie::Tier& t : tiers) s += t.at_least.to_string() + ":" + t.points.to_string() + ";";
  return s;
}

std::string text_of(const std::vector<kexie::IndicatorSpec>& specs) {
  std::string s;
  for (const kexie::IndicatorSpec& i : specs) {
    s += i.code + "|" + i.name + "|" + i.parent + "|" + std::to_string(static_cast<int>(i.kind)) +
         "|" + i.weight.to_string() + "|" + i.scale.min.to_string() + "|" +
         i.scale.max.to_string() + "|" + i.scale.step.to_string() + "|" +
         std::to_string(static_cast<int>(i.objective.figure)) + "|" + text_of(i.objective.tiers) +
         "|" + i.objective.floor.to_string() + "|" + i.objective.per_unit.to_string() + "|" +
         i.objective.cap.to_string() + "|" + i.bonus_cap.to_string() + "\n";
  }
  return s;
}

TEST(AllocFailure, RubricText) {
  constexpr const char* kRubric =
      "# code|name|parent|kind|weight|min|max|step|figure|tiers|floor|per_unit|cap|bonus_cap\n"
      "A|评审指标 judged||group|0.6\n"
      "A.1|创新性 creativity|A|judged|0.5|0|100|0.5\n"
      "A.2 | 实用性 practicality | A | judged | 0.5 | 0 | 100 | 0.5\n"
      "B|经济效益 benefit||objective|0.4||||annual_benefit_yuan|500000:95;100000:70|40\n"
      "bonus|加分||bonus|0|0|10|1||||||5\n"
      "veto|一票否决 veto||veto\n";
  const std::string expected = text_of(kexie::parse_rubric_lines(kRubric).value());
  std::string got;
  Sweep s = sweep(
      "parse_rubric_lines",
      [&] {
        auto r = kexie::parse_rubric_lines(kRubric);
        if (r) got = text_of(*r);
        return bool(r);
      },
      [] { return std::string(); });
  report("parse_rubric_lines", s);
  EXPECT_GT(s.failing, 0U);
  EXPECT_EQ(got, expected);

  const std::string tiers = text_of(kexie::parse_tier_table("500000:95; 100000:70; 1:1").value());
  std::string got_tiers;
  s = sweep(
      "parse_tier_table",
      [&] {
        auto r = kexie::parse_tier_table("500000:95; 100000:70; 1:1");
        if (r) got_tiers = text_of(*r);
        return bool(r);
      },
      [] { return std::string(); });
  report("parse_tier_table", s);
  EXPECT_EQ(got_tiers, tiers);

  const auto chain =
      kexie::parse_tie_breaks("objective_total, indicator:A.1, top_marks, figure:hours_saved")
          .value();
  std::vector<kexie::TieBreak> got_chain;
  s = sweep(
      "parse_tie_breaks",
      [&] {
        auto r = kexie::parse_tie_breaks(
            "objective_total, indicator:A.1, top_marks, figure:hours_saved");
        if (r) got_chain = *r;
        return bool(r);
      },
      [] { return std::string(); });
  report("parse_tie_breaks", s);
  EXPECT_GT(s.failing, 0U);
  EXPECT_EQ(got_chain, chain);

  // A refusal whose message is built with allocations: the refusal itself comes back.
  s = sweep(
      "parse_tier_table refused",
      [&] {
        auto r = kexie::parse_tier_table("500000:95; junk");
        return !r && r.error().message().find("junk") != std::string::npos;
      },
      [] { return std::string(); });
  report("parse_tier_table refused", s);
}

// ---- the C API -----------------------------------------------------------------------------

/// The failing runs of the C API sweeps (each one a KX_ENOMEM).
std::uint64_t c_failing = 0;

/// Runs `call` (a kx_* call) with its N-th allocation failing until a run does
/// not reach it; each failing run must return KX_ENOMEM, and `state()` must be
/// unchanged. Returns the completing run's code.
int sweep_c(const std::string& what, const std::function<int()>& call,
            const std::function<std::string()>& state) {
  const std::string before = state();
  for (std::uint64_t n = 1;; n = n < kEveryUpTo ? n + 1 : n + kStride) {
    FailAlloc::arm(n);
    const int rc = call();
    const bool fired = FailAlloc::disarm();
    if (!fired) return rc;
    if (rc == KX_OK) {
      ADD_FAILURE() << what << ": allocation " << n << " failed but the call returned KX_OK";
      return rc;
    }
    if (rc != KX_ENOMEM) {
      ADD_FAILURE() << what << ": allocation " << n << " failed and the call returned " << rc
                    << " (" << kx_error_name(rc) << ": " << kx_error_last()->message
                    << "), not KX_ENOMEM";
      return rc;
    }
    ++c_failing;
    EXPECT_STREQ(kx_error_name(rc), "out_of_memory");
    EXPECT_STREQ(kx_error_last()->message, "out of memory");
    if (state() != before) {
      ADD_FAILURE() << what << ": allocation " << n << " failed and left a changed object";
      return rc;
    }
  }
}

TEST(AllocFailure, CApi) {
  kx_registry* reg = nullptr;
  ASSERT_EQ(kx_registry_new(&reg, nullptr), KX_OK);
  kx_book* book = nullptr;
  kx_campaign* campaign = nullptr;
  auto state = [&] {
    kx_buffer buf{};
    const kx_book* books[] = {book};
    const kx_campaign* campaigns[] = {campaign};
    if (kx_snapshot_save_buffer(&buf, reg, books, book ? 1 : 0, campaigns, campaign ? 1 : 0) != 0)
      return std::string("unsaved");
    std::string s = fingerprint(std::string(static_cast<const char*>(buf.data), buf.size));
    kx_buffer_free(&buf);
    char* head = nullptr;
    if (book != nullptr && kx_book_chain_head(&head, book) == KX_OK) {
      s += head;
      kx_string_free(head);
    }
    return s;
  };
  auto expect_ok = [](const std::string& what, int rc) {
    EXPECT_EQ(rc, KX_OK) << what << ": " << kx_error_last()->message;
  };

  std::uint32_t cast = 0, province = 0, ent = 0, ent2 = 0;
  kx_org_spec org = KX_ORG_SPEC_INIT;
  org.kind = KX_ORG_NATIONAL;
  org.name = "中国科协";
  org.effective = "1958-09-18";
  expect_ok("add_org national", sweep_c(
                                    "kx_registry_add_org",
                                    [&] { return kx_registry_add_org(&cast, reg, &org); }, state));
  org.kind = KX_ORG_LOCAL;
  org.name = "浙江省科协";
  org.parent = cast;
  org.level = KX_LEVEL_PROVINCIAL;
  org.effective = "1960-01-01";
  expect_ok("add_org local", sweep_c(
                                 "kx_registry_add_org",
                                 [&] { return kx_registry_add_org(&province, reg, &org); }, state));
  org.kind = KX_ORG_ENTERPRISE;
  org.name = "杭钢科协";
  org.enterprise_name = "杭钢";
  org.parent = province;
  org.level = KX_LEVEL_NONE;
  org.effective = "2000-01-01";
  expect_ok("add_org enterprise", sweep_c(
                                      "kx_registry_add_org",
                                      [&] { return kx_registry_add_org(&ent, reg, &org); }, state));
  org.name = "其他企业科协";  // the judges' employer: no conflict of interest with ent's entry
  org.enterprise_name = "其他企业";
  expect_ok(
      "add_org enterprise 2",
      sweep_c(
          "kx_registry_add_org", [&] { return kx_registry_add_org(&ent2, reg, &org); }, state));
  std::vector<std::uint32_t> people;
  for (int i = 0; i < 6; ++i) {
    const std::string name = "员工 " + std::to_string(i);
    const std::string key = "E-" + std::to_string(i);
    kx_person_spec p = KX_PERSON_SPEC_INIT;
    p.name = name.c_str();
    p.birth = "1985-01-01";
    const std::uint32_t employer = i < 3 ? ent : ent2;
    p.employer = employer;
    p.external_key = key.c_str();
    std::uint32_t id = 0, m = 0;
    expect_ok("add_person", sweep_c(
                                "kx_registry_add_person",
                                [&] { return kx_registry_add_person(&id, reg, &p); }, state));
    expect_ok("add_membership", sweep_c(
                                    "kx_registry_add_membership",
                                    [&] {
                                      return kx_registry_add_membership(&m, reg, id, employer,
                                                                        KX_ROLE_MEMBER,
                                                                        "2015-01-01", nullptr);
                                    },
                                    state));
    people.push_back(id);
  }

  expect_ok("book_new", sweep_c(
                            "kx_book_new", [&] { return kx_book_new(&book, reg); }, state));
  ASSERT_NE(book, nullptr);
  ASSERT_EQ(kx_book_allow_asserted_roles(book, 1), KX_OK);  // the boss's roles are asserted
  kx_actor* owner = nullptr;
  ASSERT_EQ(kx_actor_new(&owner, people[0]), KX_OK);
  kx_actor* boss = nullptr;
  ASSERT_EQ(kx_actor_new(&boss, 999'999), KX_OK);
  ASSERT_EQ(kx_actor_add_role(boss, KX_ROLE_CHAIR, ent), KX_OK);
  ASSERT_EQ(kx_actor_add_role(boss, KX_ROLE_SECRETARY_GENERAL, ent), KX_OK);
  ASSERT_EQ(kx_actor_add_expert_pool(boss, ent), KX_OK);
  kx_activity_plan plan = KX_ACTIVITY_PLAN_INIT;
  plan.type = KX_ACTIVITY_JIANGBI_CAMPAIGN;
  plan.title = "节能降耗讲比";
  plan.organizer = ent;
  plan.owner = ent;
  plan.responsible = people[0];
  const std::uint32_t team[] = {people[1]};
  plan.team = team;
  plan.team_count = 1;
  plan.planned_first = "2025-03-01";
  plan.planned_last = "2025-11-30";
  std::uint32_t activity = 0;
  expect_ok("activity_create", sweep_c(
                                   "kx_activity_create",
                                   [&] {
                                     return kx_activity_create(&activity, book, owner,
                                                               "2025-03-01T08:00:00Z", &plan,
                                                               "plan");
                                   },
                                   state));
  const struct {
    int op;
    const kx_actor* actor;
    const char* at;
  } ops[] = {{KX_OP_SUBMIT, owner, "2025-03-02T08:00:00Z"},
             {KX_OP_APPROVE, boss, "2025-03-03T08:00:00Z"},
             {KX_OP_START, owner, "2025-03-04T08:00:00Z"},
             {KX_OP_COMPLETE, owner, "2025-10-04T08:00:00Z"},
             {KX_OP_OPEN_EVALUATION, boss, "2025-10-05T08:00:00Z"}};
  for (const auto& o : ops)
    expect_ok(
        "activity_apply",
        sweep_c(
            "kx_activity_apply",
            [&] { return kx_activity_apply(book, activity, o.op, o.actor, o.at, "step"); }, state));
  int grade = 0;
  expect_ok("activity_conclude", sweep_c(
                                     "kx_activity_conclude",
                                     [&] {
                                       return kx_activity_conclude(&grade, book, activity, boss,
                                                                   "2025-10-06T08:00:00Z", "91",
                                                                   "panel");
                                     },
                                     state));

  kx_campaign_options cspec = KX_CAMPAIGN_OPTIONS_INIT;
  cspec.name = "2025 讲比";
  cspec.organizer = province;
  cspec.as_of = "2025-11-30";
  cspec.year = 2024;
  expect_ok("campaign_new",
            sweep_c(
                "kx_campaign_new", [&] { return kx_campaign_new(&campaign, reg, &cspec); }, state));
  ASSERT_NE(campaign, nullptr);
  const char* rubric =
      "A|judged||group|0.6\n"
      "A.1|creativity|A|judged|0.5|0|100|0.5\n"
      "A.2|practicality|A|judged|0.5|0|100|0.5\n"
      "B|benefit||objective|0.4||||annual_benefit_yuan|500000:95;100000:70|40\n";
  expect_ok("set_rubric_text", sweep_c(
                                   "kx_campaign_set_rubric_text",
                                   [&] {
                                     return kx_campaign_set_rubric_text(
                                         campaign, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "细则",
                                         rubric);
                                   },
                                   state));
  std::vector<std::uint32_t> judges(3);
  for (std::size_t k = 0; k < 3; ++k)
    expect_ok(
        "add_judge",
        sweep_c(
            "kx_campaign_add_judge",
            [&] { return kx_campaign_add_judge(&judges[k], campaign, people[3 + k]); }, state));
  kx_entry_spec e = KX_ENTRY_SPEC_INIT;
  e.code = "P-1";
  e.title = "项目 P-1";
  e.unit = ent;
  e.category = KX_CATEGORY_RATIONALIZATION_PROPOSALS;
  const kx_team_share share[] = {{people[0], "1"}};
  e.team = share;
  e.team_count = 1;
  e.in_use_since = "2024-01-01";
  e.annual_benefit_yuan = "200000";
  std::uint32_t entry = 0;
  expect_ok("add_entry", sweep_c(
                             "kx_campaign_add_entry",
                             [&] { return kx_campaign_add_entry(&entry, campaign, &e); }, state));
  std::uint32_t a2 = 0;
  ASSERT_EQ(
      kx_campaign_indicator_index(&a2, campaign, KX_CATEGORY_RATIONALIZATION_PROPOSALS, "A.2"),
      KX_OK);
  for (std::uint32_t j : judges) {
    expect_ok("assign", sweep_c(
                            "kx_campaign_assign",
                            [&] { return kx_campaign_assign(campaign, j, entry); }, state));
    expect_ok("mark",
              sweep_c(
                  "kx_campaign_mark",
                  [&] { return kx_campaign_mark(campaign, j, entry, "A.1", "80"); }, state));
    const kx_mark marks[] = {{j, entry, a2, "70.5"}};
    expect_ok("mark_batch",
              sweep_c(
                  "kx_campaign_mark_batch",
                  [&] { return kx_campaign_mark_batch(campaign, marks, 1, nullptr); }, state));
  }
  kx_scoreboard* board = nullptr;
  expect_ok("score", sweep_c(
                         "kx_campaign_score",
                         [&] {
                           kx_scoreboard_free(board);
                           board = nullptr;
                           return kx_campaign_score(&board, campaign);
                         },
                         state));
  kx_scoreboard_free(board);

  kx_buffer buf{};
  expect_ok("save_buffer", sweep_c(
                               "kx_snapshot_save_buffer",
                               [&] {
                                 const kx_book* books[] = {book};
                                 const kx_campaign* cs[] = {campaign};
                                 return kx_snapshot_save_buffer(&buf, reg, books, 1, cs, 1);
                               },
                               state));
  TempDir dir;
  const std::string path = (dir.path / "c.snap").string();
  expect_ok("save", sweep_c(
                        "kx_snapshot_save",
                        [&] {
                          const kx_book* books[] = {book};
                          const kx_campaign* cs[] = {campaign};
                          return kx_snapshot_save(path.c_str(), reg, books, 1, cs, 1, nullptr);
                        },
                        [&] { return listing(dir.path) + state(); }));
  kx_snapshot* snap = nullptr;
  expect_ok("load_buffer", sweep_c(
                               "kx_snapshot_load_buffer",
                               [&] {
                                 kx_snapshot_free(snap);
                                 snap = nullptr;
                                 return kx_snapshot_load_buffer(&snap, buf.data, buf.size);
                               },
                               [] { return std::string(); }));
  kx_snapshot_free(snap);
  snap = nullptr;
  expect_ok("load", sweep_c(
                        "kx_snapshot_load",
                        [&] {
                          kx_snapshot_free(snap);
                          snap = nullptr;
                          return kx_snapshot_load(&snap, path.c_str());
                        },
                        [] { return std::string(); }));
  kx_snapshot_free(snap);
  kx_buffer_free(&buf);
  kx_actor_free(owner);
  kx_actor_free(boss);
  kx_campaign_free(campaign);
  kx_book_free(book);
  kx_registry_free(reg);
  std::cout << "[ alloc    ] C API: " << c_failing << " failing runs, each KX_ENOMEM" << std::endl;
  EXPECT_GT(c_failing, 200U) << "the C API sweeps failed next to no allocation";
}

}  // namespace
