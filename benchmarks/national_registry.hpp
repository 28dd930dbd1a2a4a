// The national-scale registry of issue 3, shared by the benchmarks that need it
// (registry_bench builds it and times the build; snapshot_bench saves and loads
// it): 50 000 organizations, 2 000 000 people, 2 400 000 memberships, built
// deterministically. The number of people is a flag of both programs
// (`--people=N`, e.g. 20 000 000, the national figure on paper); memberships
// scale with it (one a person, plus a tenth in branches and a tenth in societies).
#ifndef KEXIE_BENCHMARKS_NATIONAL_REGISTRY_HPP
#define KEXIE_BENCHMARKS_NATIONAL_REGISTRY_HPP

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "kexie/registry.hpp"

namespace kexie_bench {

using kexie::Date;
using kexie::OrgId;
using kexie::OrgKind;
using kexie::Period;
using kexie::PersonId;

inline constexpr int kProvinces = 31;
inline constexpr int kCitiesPerProvince = 10;
inline constexpr int kCountiesPerCity = 3;
inline constexpr int kSocieties = 200;
inline constexpr int kOrgs = 50'000;
inline constexpr int kDefaultPeople = 2'000'000;

/// The number of people of this run (`--people=N`); 2 000 000 unless set.
inline int& people_count() {
  static int n = kDefaultPeople;
  return n;
}
/// Branch members: a tenth of the people (200 000 at the default size).
inline int branch_members() { return people_count() / 10; }
/// Society members: a tenth of the people (200 000 at the default size).
inline int society_members() { return people_count() / 10; }
/// Every membership of the national registry.
inline int membership_count() { return people_count() + branch_members() + society_members(); }

/// Takes `--people=N` out of argv (before benchmark::Initialize sees it); false,
/// with a message, for a value that is not a number from 1 000 000 to 40 000 000.
inline bool parse_people_flag(int& argc, char** argv) {
  int out = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--people=", 9) == 0) {
      char* end = nullptr;
      const long v = std::strtol(argv[i] + 9, &end, 10);
      if (end == argv[i] + 9 || *end != '\0' || v < 1'000'000 || v > 40'000'000) {
        std::fprintf(stderr, "--people: a whole number from 1000000 to 40000000, not '%s'\n",
                     argv[i] + 9);
        return false;
      }
      people_count() = static_cast<int>(v);
    } else {
      argv[out++] = argv[i];
    }
  }
  argc = out;
  return true;
}

inline const Date kStart = Date::parse("2000-01-01").value();
inline const Date kAsOf = Date::parse("2025-06-30").value();

struct National {
  kexie::Registry reg;
  OrgId province0;
  std::vector<OrgId> enterprises, branches, societies;
};

/// The organization tree: CAST, societies, 31 provinces with cities and counties,
/// enterprise associations (one in ten under province 0, so its subtree holds about
/// 10% of everyone), branches and study groups, up to 50 000 organizations.
inline void build_orgs(National& n) {
  auto& reg = n.reg;
  using L = kexie::LocalLevel;
  const OrgId cast = reg.add_organization({.kind = OrgKind::national,
                                           .name = "CAST",
                                           .parent = {},
                                           .effective = kStart,
                                           .level = L::none,
                                           .enterprise = {}})
                         .value();
  for (int i = 0; i < kSocieties; ++i)
    n.societies.push_back(reg.add_organization({.kind = OrgKind::society,
                                                .name = "society",
                                                .parent = cast,
                                                .effective = kStart,
                                                .level = L::none,
                                                .enterprise = {}})
                              .value());
  std::vector<std::vector<OrgId>> locals(kProvinces);  // per province: its cities and counties
  for (int p = 0; p < kProvinces; ++p) {
    const OrgId prov = reg.add_organization({.kind = OrgKind::local,
                                             .name = "province",
                                             .parent = cast,
                                             .effective = kStart,
                                             .level = L::provincial,
                                             .enterprise = {}})
                           .value();
    if (p == 0) n.province0 = prov;
    for (int c = 0; c < kCitiesPerProvince; ++c) {
      const OrgId city = reg.add_organization({.kind = OrgKind::local,
                                               .name = "city",
                                               .parent = prov,
                                               .effective = kStart,
                                               .level = L::prefecture,
                                               .enterprise = {}})
                             .value();
      locals[static_cast<std::size_t>(p)].push_back(city);
      for (int k = 0; k < kCountiesPerCity; ++k)
        locals[static_cast<std::size_t>(p)].push_back(reg.add_organization({.kind = OrgKind::local,
                                                                            .name = "county",
                                                                            .parent = city,
                                                                            .effective = kStart,
                                                                            .level = L::county,
                                                                            .enterprise = {}})
                                                          .value());
    }
  }
  kexie::EnterpriseInfo info;
  info.enterprise_name = "enterprise";
  const int n_enterprises = 38'000;
  for (int e = 0; e < n_enterprises; ++e) {
    const int p = e % 10 == 0 ? 0 : 1 + (e % (kProvinces - 1));
    const auto& ls = locals[static_cast<std::size_t>(p)];
    n.enterprises.push_back(
        reg.add_organization({.kind = OrgKind::enterprise,
                              .name = "ent",
                              .parent = ls[static_cast<std::size_t>(e / 31) % ls.size()],
                              .effective = kStart,
                              .level = L::none,
                              .enterprise = info})
            .value());
  }
  // Branches for the first enterprises, then study groups, up to kOrgs in all.
  for (int b = 0; reg.organization_count() < static_cast<std::size_t>(kOrgs) - 3'000; ++b)
    n.branches.push_back(
        reg.add_organization({.kind = OrgKind::branch,
                              .name = "branch",
                              .parent = n.enterprises[static_cast<std::size_t>(b) % 4'000],
                              .effective = kStart,
                              .level = L::none,
                              .enterprise = {}})
            .value());
  for (std::size_t s = 0; reg.organization_count() < static_cast<std::size_t>(kOrgs); ++s)
    (void)reg.add_organization({.kind = OrgKind::study_group,
                                .name = "group",
                                .parent = n.branches[s % n.branches.size()],
                                .effective = kStart,
                                .level = L::none,
                                .enterprise = {}});
}

/// Person i works at enterprise i % enterprises; born 1960–2002.
inline Date birth_of(int i) {
  return Date::from_days(-3'650 + static_cast<std::int32_t>((i * 7919LL) % 15'700));
}

/// Registers the people: person i works at enterprise i % enterprises.
inline void add_people(National& n) {
  char key[16];
  const std::size_t n_ent = n.enterprises.size();
  for (int i = 0; i < people_count(); ++i) {
    std::snprintf(key, sizeof key, "E%07d", i);
    auto r = n.reg.add_person({.name = "worker",
                               .birth = birth_of(i),
                               .employer = n.enterprises[static_cast<std::size_t>(i) % n_ent],
                               .external_key = key,
                               .title = kexie::Title(i % 5),
                               .discipline = i % 3 ? "engineering" : "chemistry"});
    benchmark::DoNotOptimize(r);
  }
}

/// Enrols everyone in their enterprise association, people of the first 4 000
/// enterprises in a branch too, and every tenth person in a society.
inline void add_memberships(National& n) {
  const std::size_t n_ent = n.enterprises.size();
  for (int i = 0; i < people_count(); ++i) {
    auto r = n.reg.add_membership(PersonId{static_cast<std::uint32_t>(i + 1)},
                                  n.enterprises[static_cast<std::size_t>(i) % n_ent],
                                  kexie::Role::member, Period::from(kStart.add_days(i % 3'000)));
    benchmark::DoNotOptimize(r);
  }
  // Branch members: people of the first 4 000 enterprises, which have the branches.
  int added = 0;
  for (int i = 0; added < branch_members(); ++i) {
    const std::size_t e = static_cast<std::size_t>(i) % n_ent;
    if (e >= 4'000) {
      i += static_cast<int>(n_ent - e) - 1;
      continue;
    }
    const OrgId branch = n.branches[e];  // branch b sits under enterprise b % 4000
    auto r = n.reg.add_membership(PersonId{static_cast<std::uint32_t>(i + 1)}, branch,
                                  kexie::Role::member, Period::from(kStart.add_days(3'000)));
    benchmark::DoNotOptimize(r);
    ++added;
  }
  for (int i = 0; i < society_members(); ++i) {
    auto r = n.reg.add_membership(PersonId{static_cast<std::uint32_t>(10 * i + 7)},
                                  n.societies[static_cast<std::size_t>(i) % n.societies.size()],
                                  kexie::Role::member, Period::from(kStart));
    benchmark::DoNotOptimize(r);
  }
}

/// The whole national registry: organizations, people and memberships.
inline void build_national(National& n) {
  n.reg.reserve(kOrgs, static_cast<std::size_t>(people_count()),
                static_cast<std::size_t>(membership_count()));
  build_orgs(n);
  add_people(n);
  add_memberships(n);
}

}  // namespace kexie_bench

#endif  // KEXIE_BENCHMARKS_NATIONAL_REGISTRY_HPP
