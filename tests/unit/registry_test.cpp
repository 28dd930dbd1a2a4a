// Tests for kexie/registry.hpp: lookups, `within`, the digest, clone and move,
// member queries (views, counts, rollups), a seeded randomized test of 100 000
// operations that checks the invariants after each, and 4 readers + 1 writer
// under the documented thread-safety contract.
#include "kexie/registry.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <initializer_list>
#include <random>
#include <set>
#include <shared_mutex>
#include <thread>
#include <vector>

#include <range/v3/range/conversion.hpp>
#include <range/v3/view/transform.hpp>

#include "kexie/literals.hpp"
#include "kexie/views.hpp"
#include "registry_fixture.hpp"

using namespace kexie::literals;

using kexie::Date;
using kexie::ErrorCode;
using kexie::MemberFilter;
using kexie::OrgId;
using kexie::OrgKind;
using kexie::Period;
using kexie::PersonId;
using kexie::Registry;
using kexie::Role;
using kexie::Title;
using kexie_test::World;

TEST(Registry, LookupsOfUnknownIdsAreNotFound) {
  World w;
  EXPECT_EQ(w.reg.organization(OrgId{99}).code(), ErrorCode::not_found);
  EXPECT_EQ(w.reg.kind(OrgId{}).code(), ErrorCode::not_found);
  EXPECT_EQ(w.reg.parent(OrgId{99}, "2020-01-01"_date).code(), ErrorCode::not_found);
  EXPECT_EQ(w.reg.membership(kexie::MembershipId{1}).code(), ErrorCode::not_found);
  EXPECT_EQ(w.reg.expert(kexie::ExpertId{1}).code(), ErrorCode::not_found);
  EXPECT_EQ(w.reg.link(kexie::LinkId{1}).code(), ErrorCode::not_found);
  EXPECT_EQ(w.reg.training(kexie::TrainingId{1}).code(), ErrorCode::not_found);
  EXPECT_EQ(w.reg.rollup(OrgId{99}, "2020-01-01"_date).code(), ErrorCode::not_found);
  EXPECT_EQ(w.reg.secretary_general(OrgId{99}, "2020-01-01"_date).code(), ErrorCode::not_found);
  EXPECT_FALSE(w.reg.exists(OrgId{99}, "2020-01-01"_date));
}

TEST(Registry, WithinFollowsTheTreeAsOfTheDate) {
  World w;
  const auto t = "2020-01-01"_date;
  EXPECT_TRUE(w.reg.within(w.sg_branch, w.sg_branch, t));
  EXPECT_TRUE(w.reg.within(w.sg_branch, w.ent1, t));
  EXPECT_TRUE(w.reg.within(w.sg_branch, w.cast, t));
  EXPECT_FALSE(w.reg.within(w.ent1, w.sg_branch, t));
  EXPECT_FALSE(w.reg.within(w.ent2, w.city, t));
  EXPECT_FALSE(w.reg.within(w.university, w.cast, t));            // partners stand outside the tree
  EXPECT_FALSE(w.reg.within(w.ent1, w.cast, "1980-01-01"_date));  // not yet in effect
  EXPECT_FALSE(w.reg.within(OrgId{99}, w.cast, t));
}

TEST(Registry, DigestTracksEveryFactAndCloneCopiesThem) {
  World w;
  const std::string a = w.reg.digest();
  EXPECT_EQ(a.size(), 64u);
  Registry copy = w.reg.clone();
  EXPECT_EQ(copy.digest(), a);
  ASSERT_TRUE(w.reg.add_training(w.young, 1, kexie::TrainingKind::general, "2020-01-01"_date).ok());
  EXPECT_NE(w.reg.digest(), a);
  EXPECT_EQ(copy.digest(), a);  // the clone is independent
  Registry moved = std::move(copy);
  EXPECT_EQ(moved.digest(), a);
  // Two registries built the same way have the same digest.
  EXPECT_EQ(World{}.reg.digest(), a);
}

TEST(Registry, MembersViewCountsEachPersonOnceAndFilters) {
  World w;
  const auto from = Period::from("2015-01-01"_date);
  ASSERT_TRUE(w.reg.add_membership(w.young, w.ent1, Role::member, from).ok());
  ASSERT_TRUE(w.reg.add_membership(w.young, w.branch, Role::chair, from).ok());
  ASSERT_TRUE(w.reg.add_membership(w.young, w.sg_branch, Role::member, from).ok());
  ASSERT_TRUE(w.reg.add_membership(w.young, w.sg_ent, Role::member, from).ok());
  ASSERT_TRUE(w.reg.add_membership(w.senior, w.ent1, Role::member, from).ok());
  ASSERT_TRUE(w.reg.add_membership(w.senior, w.ent1, Role::secretary_general, from).ok());
  ASSERT_TRUE(w.reg.add_membership(w.other, w.ent2, Role::member, from).ok());
  ASSERT_TRUE(w.reg.add_membership(w.other, w.society, Role::member, from).ok());
  const auto t = "2024-06-30"_date;  // young is 29, senior 58, other 35

  auto ids = [](auto view) {
    return view | ranges::views::transform([](const kexie::MemberEntry& m) { return m.person; }) |
           ranges::to<std::vector>();
  };
  EXPECT_EQ(ids(kexie::views::members(w.reg, w.ent1, t)),
            (std::vector<PersonId>{w.young, w.senior}));
  EXPECT_EQ(ids(kexie::views::members(w.reg, w.province, t)),
            (std::vector<PersonId>{w.young, w.senior, w.other}));
  EXPECT_EQ(ids(kexie::views::members(w.reg, w.cast, t)).size(),
            3u);  // other once, despite the society
  EXPECT_EQ(ids(kexie::views::members(w.reg, w.branch, t)), (std::vector<PersonId>{w.young}));
  EXPECT_EQ(ids(kexie::views::members(w.reg, w.province, t, {.young = true})),
            (std::vector<PersonId>{w.young, w.other}));
  EXPECT_EQ(ids(kexie::views::members(w.reg, w.province, "2025-01-01"_date, {.young = true})),
            (std::vector<PersonId>{w.young}));  // other turned 36 on 2024-11-20
  EXPECT_EQ(ids(kexie::views::members(w.reg, w.province, t, {.min_title = Title::intermediate})),
            (std::vector<PersonId>{w.senior, w.other}));
  // Depth-first, children in id order: the society (and `other` in it) precedes the province.
  EXPECT_EQ(ids(kexie::views::members(w.reg, w.cast, t, {.discipline = "mechanics"})),
            (std::vector<PersonId>{w.other, w.senior}));
  EXPECT_TRUE(ids(kexie::views::members(w.reg, w.cast, t, {.discipline = "poetry"})).empty());
  EXPECT_EQ(ids(kexie::views::members(w.reg, w.cast, t, {.role = Role::chair})),
            (std::vector<PersonId>{w.young}));
  const auto sg = kexie::views::members(w.reg, w.ent1, t, {.role = Role::secretary_general}) |
                  ranges::to<std::vector>();
  ASSERT_EQ(sg.size(), 1u);
  EXPECT_EQ(sg[0].person, w.senior);
  EXPECT_EQ(sg[0].roles, kexie::role_bit(Role::member) | kexie::role_bit(Role::secretary_general));
  EXPECT_FALSE(sg[0].young);

  EXPECT_EQ(w.reg.count_members(w.province, t), 3u);
  EXPECT_EQ(w.reg.count_members(w.province, t, {.young = true}), 2u);
  EXPECT_EQ(w.reg.count_members(w.branch, t), 1u);
  EXPECT_EQ(w.reg.count_members(w.cast, t, {.min_title = Title::senior}), 1u);
  EXPECT_EQ(w.reg.count_members(w.city, "2010-01-01"_date), 0u);
}

TEST(Registry, MemberIndexSelectIsTheRowsOfViewsMembersAndCount) {
  World w;
  const auto from = Period::from("2015-01-01"_date);
  ASSERT_TRUE(w.reg.add_membership(w.young, w.ent1, Role::member, from).ok());
  ASSERT_TRUE(w.reg.add_membership(w.young, w.branch, Role::member, from).ok());
  ASSERT_TRUE(w.reg.add_membership(w.senior, w.ent1, Role::member, from).ok());
  ASSERT_TRUE(w.reg.add_membership(w.senior, w.ent1, Role::secretary_general, from).ok());
  ASSERT_TRUE(w.reg.add_membership(w.other, w.ent2, Role::member, from).ok());
  const auto t = "2024-06-30"_date;
  const kexie::MemberIndex idx = w.reg.member_index(t);
  EXPECT_EQ(idx.size(), 4u);  // young twice (enterprise and branch), senior, other
  const std::vector<kexie::MemberFilter> filters = {{},
                                                    {.young = true},
                                                    {.min_title = Title::intermediate},
                                                    {.role = Role::member},
                                                    {.role = Role::secretary_general},
                                                    {.discipline = "mechanics"},
                                                    {.discipline = "poetry"}};
  for (const OrgId root : {w.cast, w.province, w.ent1, w.branch, w.society})
    for (const kexie::MemberFilter& f : filters) {
      const std::vector<std::uint32_t> rows = idx.select(root, f);
      std::vector<kexie::MemberEntry> entries;
      for (std::uint32_t row : rows) entries.push_back(idx.entry(row));
      EXPECT_EQ(entries, kexie::views::members(w.reg, root, t, f) | ranges::to<std::vector>());
      EXPECT_EQ(rows.size(), idx.count(root, f));
      EXPECT_TRUE(std::is_sorted(rows.begin(), rows.end()));
    }
  // With a role filter a person counts once per organization; without, once.
  EXPECT_EQ(idx.select(w.province, {.role = Role::member}).size(), 4u);
  EXPECT_EQ(idx.select(w.province).size(), 3u);
  EXPECT_TRUE(idx.select(OrgId{999}).empty());                              // unknown
  EXPECT_TRUE(w.reg.member_index("1980-01-01"_date).select(w.city).empty());  // not yet in effect
  EXPECT_TRUE(kexie::MemberIndex{}.select(w.cast).empty());                 // empty index
}

TEST(Registry, RollupsCountDistinctMembersYoungAndExperts) {
  World w;
  const auto from = Period::from("2015-01-01"_date);
  ASSERT_TRUE(w.reg.add_membership(w.young, w.ent1, Role::member, from).ok());
  ASSERT_TRUE(w.reg.add_membership(w.young, w.sg_branch, Role::member, from).ok());
  ASSERT_TRUE(w.reg.add_membership(w.young, w.sg_ent, Role::member, from).ok());
  ASSERT_TRUE(w.reg.add_membership(w.senior, w.ent1, Role::member, from).ok());
  ASSERT_TRUE(w.reg.add_membership(w.other, w.ent2, Role::member, from).ok());
  ASSERT_TRUE(w.reg.add_expert(w.senior, w.province, {"x"}, from).ok());
  ASSERT_TRUE(w.reg.add_expert(w.senior, w.ent1, {"x"}, from).ok());
  ASSERT_TRUE(w.reg.add_expert(w.other, w.ent2, {"x"}, from).ok());
  const auto t = "2024-06-30"_date;
  EXPECT_EQ(w.reg.rollup(w.province, t).value(), (kexie::Rollup{3, 2, 2}));
  EXPECT_EQ(w.reg.rollup(w.city, t).value(), (kexie::Rollup{2, 1, 1}));
  EXPECT_EQ(w.reg.rollup(w.ent1, t).value(), (kexie::Rollup{2, 1, 1}));
  EXPECT_EQ(w.reg.rollup(w.branch, t).value(), (kexie::Rollup{1, 1, 0}));
  EXPECT_EQ(w.reg.rollup(w.society, t).value(), (kexie::Rollup{0, 0, 0}));
  EXPECT_EQ(w.reg.rollup(w.province, "2014-01-01"_date).value(), (kexie::Rollup{0, 0, 0}));
}

TEST(Registry, AnIndexTakenEarlierIsUnchangedByLaterMutations) {
  World w;
  ASSERT_TRUE(
      w.reg.add_membership(w.young, w.ent1, Role::member, Period::from("2015-01-01"_date)).ok());
  const auto t = "2024-06-30"_date;
  auto view = kexie::views::members(w.reg, w.ent1, t);
  const kexie::MemberIndex idx = w.reg.member_index(t);
  ASSERT_TRUE(
      w.reg.add_membership(w.senior, w.ent1, Role::member, Period::from("2015-01-01"_date)).ok());
  EXPECT_EQ(ranges::distance(view), 1);
  EXPECT_EQ(idx.count(w.ent1, {}), 1u);
  EXPECT_EQ(idx.as_of(), t);
  EXPECT_EQ(w.reg.count_members(w.ent1, t), 2u);
  EXPECT_EQ(kexie::MemberIndex{}.size(), 0u);
}

// ---- randomized invariants ---------------------------------------------------------------

namespace {

/// Applies random operations to small registries (a fresh one every 1 000) and checks, after each
/// one: a single national root; every organization in effect reaches the root (no cycle) or is a
/// partner; at most one secretary-general per association on the operation's date; branch and
/// study-group memberships nested in the enterprise association; a refused operation leaves the
/// digest unchanged.
class Fuzzer {
 public:
  explicit Fuzzer(std::uint32_t seed) : rng_(seed) { reset(); }

  void reset() {
    reg_ = Registry{};
    orgs_.clear();
    people_.clear();
    memberships_.clear();
    experts_.clear();
    links_.clear();
    const auto root = reg_.add_organization(
        {.kind = OrgKind::national, .name = "CAST", .effective = Date::from_days(10'000)});
    orgs_.push_back(root.value());
    kinds_.assign(1, OrgKind::national);
    digest_ = reg_.digest();
  }

  Date day() { return Date::from_days(pick(10'000, 22'000)); }
  Period period() {
    const Date a = Date::from_days(pick(14'000, 22'000));
    const int r = pick(0, 9);
    if (r == 0) return {a, a.add_days(-pick(1, 50))};  // reversed
    if (r < 5) return Period::from(a);
    return {a, a.add_days(pick(0, 4000))};
  }
  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  template <class T>
  T any(const std::vector<T>& v) {
    if (v.empty() || pick(0, 30) == 0) return T{static_cast<std::uint32_t>(pick(0, 400))};
    return v[static_cast<std::size_t>(pick(0, static_cast<int>(v.size()) - 1))];
  }

  /// A random organization, usually one of `kinds` (any, when none fits yet).
  OrgId org_of(std::initializer_list<OrgKind> kinds) {
    std::vector<OrgId> fit;
    for (std::size_t i = 0; i < orgs_.size(); ++i)
      if (std::find(kinds.begin(), kinds.end(), kinds_[i]) != kinds.end()) fit.push_back(orgs_[i]);
    return pick(0, 4) && !fit.empty() ? any(fit) : any(orgs_);
  }

  /// One operation; returns whether it was accepted.
  bool step() {
    using K = OrgKind;
    const int op = pick(0, 99);
    const Date at = day();
    last_day_ = at;
    if (op < 14 && orgs_.size() < 120) {
      static constexpr OrgKind kinds[] = {K::national,    K::committee,  K::local,
                                          K::society,     K::enterprise, K::branch,
                                          K::study_group, K::proxy,      K::partner};
      const OrgKind k = kinds[pick(0, 8)];
      OrgId parent;
      switch (k) {
        case K::local:
          parent = org_of({K::national, K::local});
          break;
        case K::enterprise:
        case K::proxy:
          parent = org_of({K::local});
          break;
        case K::branch:
          parent = org_of({K::enterprise});
          break;
        case K::study_group:
          parent = org_of({K::enterprise, K::branch});
          break;
        case K::national:
        case K::partner:
          parent = pick(0, 5) ? OrgId{} : any(orgs_);
          break;
        default:
          parent = org_of({K::national});
          break;
      }
      kexie::OrgSpec spec{.kind = k,
                          .name = "o",
                          .parent = parent,
                          .effective = Date::from_days(pick(10'000, 14'000))};
      if (k == K::local || pick(0, 20) == 0)
        spec.level = static_cast<kexie::LocalLevel>(pick(1, 4));
      if (k == K::enterprise && pick(0, 20)) spec.enterprise.enterprise_name = "e";
      const auto r = reg_.add_organization(spec);
      if (r.ok()) kinds_.push_back(k);
      return keep(r, orgs_);
    }
    if (op < 24 && people_.size() < 200) {
      return keep(reg_.add_person({.name = "p",
                                   .birth = Date::from_days(pick(-5'000, 12'000)),
                                   .employer = org_of({K::enterprise, K::proxy}),
                                   .external_key = std::to_string(pick(0, 300)),
                                   .title = static_cast<Title>(pick(0, 4))}),
                  people_);
    }
    if (op < 60 && memberships_.size() < 800) {
      const OrgId org =
          pick(0, 2) ? org_of({K::enterprise}) : org_of({K::branch, K::study_group, K::society});
      return keep(reg_.add_membership(any(people_), org, static_cast<Role>(pick(0, 5)), period()),
                  memberships_);
    }
    if (op < 72) return reg_.end_membership(any(memberships_), at).ok();
    if (op < 80) {
      const OrgId o = any(orgs_);
      return reg_
          .move(o, pick(0, 1) ? any(orgs_) : org_of({K::local, K::enterprise, K::branch}), at)
          .ok();
    }
    if (op < 85) return reg_.dissolve(any(orgs_), at).ok();
    if (op < 89 && experts_.size() < 200)
      return keep(reg_.add_expert(any(people_), any(orgs_), {"f"}, period()), experts_);
    if (op < 93 && links_.size() < 100)
      return keep(
          reg_.add_link(org_of({K::enterprise}), org_of({K::partner, K::society}), period()),
          links_);
    if (op < 96) {
      // Granted by the enterprise's local association, or now and then by any
      // organization (then honour.grantor refuses it).
      const OrgId ent = org_of({K::enterprise});
      const Period p = period();
      const OrgId grantor = pick(0, 3) ? reg_.parent(ent, p.first).value_or(OrgId{}) : any(orgs_);
      return reg_.award_exemplary(ent, p, grantor, "考核评价").ok();
    }
    return reg_.add_training(any(people_), pick(-1, 40), kexie::TrainingKind::general, at).ok();
  }

  void check(bool accepted) {
    const std::string now = reg_.digest();
    if (!accepted) {
      ASSERT_EQ(now, digest_) << "a refused operation changed the registry";
    }
    digest_ = now;
    const Date t = last_day_;
    int roots = 0;
    for (OrgId o : orgs_) {
      const OrgKind k = reg_.kind(o).value();
      roots += k == OrgKind::national;
      if (!reg_.exists(o, t) || k == OrgKind::partner) continue;
      const auto up = reg_.ancestor_ids(o, t);
      ASSERT_LE(up.size(), orgs_.size()) << "cycle above " << o;
      const OrgId top = up.empty() ? o : up.back();
      ASSERT_EQ(top, reg_.root()) << o << " does not reach the root on " << t;
      if (!up.empty()) {
        ASSERT_TRUE(kexie::allowed_parent(k, reg_.kind(up.front()).value(),
                                          reg_.organization(o)->level,
                                          reg_.organization(up.front())->level));
      }
    }
    ASSERT_EQ(roots, 1);
    if (++checks_ % 50 == 0) {
      // The O(1) rollup agrees with a scan of the index.
      const OrgId o = any(orgs_);
      if (reg_.exists(o, t)) {
        const auto n = ranges::distance(kexie::views::members(reg_, o, t));
        ASSERT_EQ(reg_.rollup(o, t)->members, static_cast<std::size_t>(n));
        const auto y = ranges::distance(kexie::views::members(reg_, o, t, {.young = true}));
        ASSERT_EQ(reg_.count_members(o, t, {.young = true}), static_cast<std::size_t>(y));
      }
    }
    std::set<OrgId> has_sg;
    for (auto id : memberships_) {
      const kexie::Membership m = reg_.membership(id).value();
      if (!m.period.contains(t)) continue;
      ASSERT_TRUE(reg_.exists(m.org, t));
      if (m.role == Role::secretary_general) {
        ASSERT_TRUE(has_sg.insert(m.org).second) << "two secretaries-general in " << m.org;
      }
      const OrgKind k = reg_.kind(m.org).value();
      if (k != OrgKind::branch && k != OrgKind::study_group) continue;
      OrgId ent = m.org;
      while (reg_.kind(ent).value() != OrgKind::enterprise) ent = reg_.parent(ent, t).value();
      bool backed = false;
      for (auto other : reg_.memberships_of(m.person)) {
        const kexie::Membership n = reg_.membership(other).value();
        backed = backed || (n.org == ent && n.period.contains(t));
      }
      ASSERT_TRUE(backed) << "membership " << id << " is not nested on " << t;
    }
  }

  std::size_t size() const { return memberships_.size() + orgs_.size() + people_.size(); }

 private:
  template <class Id>
  bool keep(const kexie::Result<Id>& r, std::vector<Id>& into) {
    if (r.ok()) into.push_back(*r);
    return r.ok();
  }

  std::mt19937 rng_;
  int checks_ = 0;
  Registry reg_;
  std::string digest_;
  Date last_day_;
  std::vector<OrgId> orgs_;
  std::vector<OrgKind> kinds_;  // parallel to orgs_
  std::vector<PersonId> people_;
  std::vector<kexie::MembershipId> memberships_;
  std::vector<kexie::ExpertId> experts_;
  std::vector<kexie::LinkId> links_;
};

}  // namespace

TEST(RegistryRandomized, HundredThousandOperationsKeepTheInvariants) {
  Fuzzer f(20260501);
  int accepted = 0;
  for (int i = 0; i < 100'000; ++i) {
    // A fresh registry every 1 000 operations keeps each check (and the digest) small.
    if (i % 1'000 == 0) f.reset();
    const bool ok = f.step();
    accepted += ok;
    f.check(ok);
    if (HasFatalFailure()) FAIL() << "at operation " << i;
  }
  // Both outcomes must be exercised, or the test proves little.
  EXPECT_GT(accepted, 10'000);
  EXPECT_LT(accepted, 90'000);
}

// ---- threads --------------------------------------------------------------------------------

TEST(RegistryThreads, FourReadersAndOneWriterUnderASharedMutex) {
  // The documented contract: const calls run concurrently (the member-index cache
  // is synchronized inside); a writer takes the mutex exclusively.
  World w;
  std::shared_mutex mutex;
  std::vector<PersonId> people;
  for (int i = 0; i < 50; ++i)
    people.push_back(w.reg
                         .add_person({.name = "p",
                                      .birth = Date::from_days(5'000 + 97 * i),
                                      .employer = i % 2 ? w.ent1 : w.ent2})
                         .value());
  std::atomic<int> reads{0};
  auto reader = [&](int id) {
    std::mt19937 rng(static_cast<unsigned>(id));
    kexie::MemberIndex kept;
    for (int i = 0; i < 400; ++i) {
      const Date t = Date::from_days(16'000 + static_cast<int>(rng() % 4000));
      {
        std::shared_lock lock(mutex);
        const auto r = w.reg.rollup(w.province, t).value();
        const auto counted = ranges::distance(kexie::views::members(w.reg, w.province, t));
        ASSERT_EQ(r.members, static_cast<std::size_t>(counted));
        ASSERT_LE(r.young, r.members);
        ASSERT_TRUE(w.reg.within(w.sg_branch, w.cast, t));
        if (i % 50 == 0) kept = w.reg.member_index(t);
      }
      // An index outlives the lock: it owns its data.
      ASSERT_EQ(kept.select(w.province).size(), kept.rollup(w.province).members);
      ++reads;
      std::this_thread::yield();  // glibc's shared_mutex favours readers; let the writer in
    }
  };
  std::vector<std::thread> readers;
  for (int i = 0; i < 4; ++i) readers.emplace_back(reader, i);
  for (int i = 0; i < 200; ++i) {
    std::unique_lock lock(mutex);
    const PersonId p = people[static_cast<std::size_t>(i) % people.size()];
    const OrgId ent = w.reg.person(p)->employer;
    (void)w.reg.add_membership(
        p, ent, Role::member, {Date::from_days(16'000 + 20 * i), Date::from_days(16'019 + 20 * i)});
  }
  for (auto& t : readers) t.join();
  EXPECT_EQ(reads.load(), 1600);
  EXPECT_GT(w.reg.memberships_of(people[0]).size(), 0u);
}
