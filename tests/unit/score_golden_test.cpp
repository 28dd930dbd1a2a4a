// Golden results of a large generated campaign (issue 17): 3 000 entries of three
// enterprise associations, panels of two to nine judges (some incomplete), vetoes,
// shared teams, tie-breaks and both ranking modes, with and without normalization.
// Every field of the scoreboard (entries in order, advanced units and individuals,
// the cusp report) is written out and hashed; the hashes and the scoreboard digests
// below were computed with the code before the compact scoreboard and threaded
// scoring (issue 17), so any change to a result fails here. Also checks that
// `score(Scoreboard&)`, `score(Threads)` and `standings(Threads)` give the same
// results for 1, 2, 3 and 7 threads.
#include <gtest/gtest.h>
#include <openssl/sha.h>

#include <cstdio>
#include <limits>

#include <random>
#include <string>
#include <vector>

#include "kexie/campaign.hpp"
#include "kexie/literals.hpp"
#include "kexie/registry.hpp"
#include "support/campaign_world.hpp"

using namespace kexie::literals;
using kexie::Decimal;

namespace {

/// campaign_world's world with nine judges: enterprise 2's six staff and three more.
struct Golden {
  kexie_test::World w;
  std::vector<kexie::PersonId> judges;
  std::unique_ptr<kexie::Campaign> c;

  Golden(bool normalize, bool per_category) {
    judges = w.experts;
    for (int k = 0; k < 3; ++k) {
      const auto p = w.registry
                         .add_person({.name = "评委" + std::to_string(k),
                                      .birth = "1975-05-05"_date,
                                      .employer = w.enterprises[2]})
                         .value();
      judges.push_back(p);
    }
    auto spec = kexie_test::proposal_spec(w);
    spec.panel.max_judges_per_entry = 9;
    spec.panel.normalization.enabled = normalize;
    spec.panel.normalization.min_sample = 5;
    spec.rank_per_category = per_category;
    spec.tie_breaks = {kexie::TieBreak::objective_total(), kexie::TieBreak::top_marks()};
    spec.awards.cusp_margin = "0.5"_dec;
    spec.awards.units.min_awarded_entries = 3;
    spec.awards.individuals.top_tiers = 2;
    spec.awards.individuals.min_share = "0.3"_dec;
    c = std::make_unique<kexie::Campaign>(w.registry, spec);
    c->set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric())
        .value();
    c->set_rubric(kexie::Category::innovative_ideas, kexie_test::proposal_rubric()).value();
    std::vector<kexie::JudgeId> ids;
    for (kexie::PersonId p : judges) ids.push_back(c->add_judge(p).value());
    std::mt19937_64 rng(17);
    const char* benefits[] = {"50000", "200000", "700000", "120000.5"};
    const char* codes[] = {"A.1", "A.2", "bonus"};
    for (int i = 0; i < 3000; ++i) {
      const int e = static_cast<int>(rng() % 2);
      const int k = static_cast<int>(rng() % 6);
      auto spec_e = kexie_test::proposal(w, "G-" + std::to_string(100000 + (i * 7919) % 3001), e, k,
                                         benefits[rng() % 4]);
      if (rng() % 3 == 0) spec_e.category = kexie::Category::innovative_ideas;
      if (rng() % 4 == 0) {
        spec_e.team = {
            {w.staff[static_cast<std::size_t>(e)][static_cast<std::size_t>(k)], "0.6"_dec},
            {w.staff[static_cast<std::size_t>(e)][static_cast<std::size_t>((k + 1) % 6)],
             "0.4"_dec}};
      }
      const kexie::EntryId id = c->add_entry(spec_e).value();
      const std::uint32_t panel = 2 + static_cast<std::uint32_t>(rng() % 8);  // 2..9
      // Good entries are good with every judge: ties and boundaries happen.
      const int quality = static_cast<int>(rng() % 40);
      for (std::uint32_t j = 0; j < panel; ++j) {
        c->assign(ids[j], id).value();
        for (int col = 0; col < 3; ++col) {
          if (rng() % 50 == 0) continue;  // a missing mark now and then
          const Decimal m =
              col == 2 ? Decimal(static_cast<std::int64_t>(rng() % 11))
                       : Decimal::from_coefficient((static_cast<std::int64_t>(110 + quality * 2) +
                                                    static_cast<std::int64_t>(rng() % 7)) *
                                                       5,
                                                   1)
                             .value();
          c->mark(ids[j], id, codes[col], m).value();
        }
      }
      if (rng() % 40 == 0) c->veto(ids[0], id, "veto", "抄袭").value();
    }
  }
};

// Every field of a scoreboard, one line per item.
std::string dump(const kexie::Scoreboard& b) {
  std::string out;
  const auto opt = [](const auto& o) { return o ? std::to_string(o->value()) : std::string("-"); };
  for (const kexie::EntryResult& r : b.entries) {
    out += std::to_string(r.entry.value()) + '|' + r.code + '|' + std::to_string(r.unit.value()) +
           '|' + std::to_string(r.enterprise.value()) + '|' +
           std::string(kexie::to_string(r.category)) + '|' +
           std::string(kexie::to_string(r.status)) + '|' + r.total.to_string() + '|' +
           r.judged_part.to_string() + '|' + r.objective_part.to_string() + '|' +
           r.bonus.to_string() + '|' + std::to_string(r.rank) + '|' + std::to_string(r.position) +
           '|' + (r.tier ? std::to_string(*r.tier) : "-") + '|' + r.award + '|' +
           opt(r.cites_link) + '|' + opt(r.cites_activity) + '|' +
           (r.prize ? r.prize->to_string() : "-") + '\n';
  }
  for (const kexie::AdvancedUnit& u : b.units) {
    out += "unit|" + std::to_string(u.unit.value()) + '|' + std::to_string(u.entries) + '|' +
           std::to_string(u.awarded) + '|' + u.awarded_total.to_string() + '|' +
           u.participation_rate.to_string() + '|' + u.tce_saved.to_string() + '\n';
  }
  for (const kexie::AdvancedIndividual& p : b.people) {
    out += "person|" + std::to_string(p.person.value()) + '|' + std::to_string(p.best_tier) + '|' +
           p.credit.to_string();
    for (kexie::EntryId e : p.entries) out += ',' + std::to_string(e.value());
    out += '\n';
  }
  for (const kexie::Cusp& c : b.cusps) {
    out += "cusp|" + std::to_string(c.entry.value()) + '|' + std::to_string(c.tier) + '|' +
           c.boundary.to_string() + '|' + c.distance.to_string() + '\n';
  }
  return out + b.digest() + '\n';
}

std::string standings_dump(const std::vector<kexie::Standing>& s) {
  std::string out;
  for (const kexie::Standing& x : s) {
    out += std::to_string(x.entry.value()) + '|' + std::string(kexie::to_string(x.status)) + '|' +
           x.total.to_string() + '|' + std::to_string(x.rank) + '|' + std::to_string(x.position) +
           '\n';
  }
  return out;
}

std::string hash(const std::string& text) {
  unsigned char d[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), d);
  std::string hex;
  for (unsigned char x : d) {
    char two[3];
    std::snprintf(two, sizeof two, "%02x", x);
    hex += two;
  }
  return hex;
}

struct Case {
  bool normalize, per_category;
  const char* digest;     // Scoreboard::digest()
  const char* board;      // hash of every field of the scoreboard
  const char* standings;  // hash of standings()
};

// Computed with the code before issue 17's changes (commit 4033e18).
const Case kCases[] = {
    {false, true, "bbbca0494cf3ffb7103ce8865b14743943071a89cf024f1463654cf07a7a5b29",
     "4b42204f43e70b008efb924bce077dfa9d62e3a89b44c6b452497a90c1847e5b",
     "61446219bcef429e2dfffe59982040cb7f80cc1e0671a82a351c9b907743a5d0"},
    {true, false, "4ba525c51434e463e1ceb58135bc31435cb6acaae674ea34fe026cdcaa3f18d8",
     "e4014d0eed92883a1e122433249b9153bf918c18c7e1f83f0eb1438c5cfc0f9b",
     "8ea03164dddaf6cc492c3c179887b71e16002aeacbdcae8a15db8f6c3f5c0c77"},
};

TEST(ScoreGolden, LargeGeneratedCampaignKeepsItsResults) {
  for (const Case& k : kCases) {
    Golden g(k.normalize, k.per_category);
    const kexie::Scoreboard board = g.c->score().value();
    const std::string text = dump(board);
    EXPECT_EQ(board.digest(), k.digest);
    EXPECT_EQ(hash(text), k.board);
    EXPECT_EQ(hash(standings_dump(g.c->standings().value())), k.standings);
    // Every thread count, and a reused scoreboard (holding the other scenario's
    // table, or this one's), give the same results bit for bit.
    static kexie::Scoreboard reused;  // empty, then the first scenario's table
    // The largest count a caller can pass splits the work into at most detail::kMostParts
    // parts: no billions of threads, the same results.
    for (unsigned t : {1u, 2u, 3u, 7u, std::numeric_limits<unsigned>::max()}) {
      SCOPED_TRACE(t);
      const kexie::Scoreboard threaded = g.c->score(kexie::Threads{t}).value();
      EXPECT_EQ(threaded.digest(), k.digest);
      EXPECT_EQ(hash(dump(threaded)), k.board);
      ASSERT_TRUE(g.c->score(reused, kexie::Threads{t}));
      EXPECT_EQ(hash(dump(reused)), k.board);
      EXPECT_EQ(hash(standings_dump(g.c->standings(kexie::Threads{t}).value())), k.standings);
    }
    // A thread count of 0 is refused and leaves the scoreboard as it was.
    const auto zero = g.c->score(reused, kexie::Threads{0});
    ASSERT_FALSE(zero);
    EXPECT_EQ(zero.error().code(), kexie::ErrorCode::invalid_argument);
    EXPECT_EQ(hash(dump(reused)), k.board);
    EXPECT_FALSE(g.c->score(kexie::Threads{0}));
    EXPECT_FALSE(g.c->standings(kexie::Threads{0}));
    reused = board;
    // The scenario reaches every part of the table.
    std::size_t status[3] = {}, awarded = 0;
    for (const kexie::EntryResult& r : board.entries) {
      ++status[static_cast<int>(r.status)];
      awarded += r.tier ? 1 : 0;
    }
    std::printf("ranked %zu incomplete %zu vetoed %zu awarded %zu units %zu people %zu cusps %zu\n",
                status[0], status[1], status[2], awarded, board.units.size(), board.people.size(),
                board.cusps.size());
    EXPECT_GT(status[1], 0u);
    EXPECT_GT(status[2], 0u);
    EXPECT_GT(awarded, 0u);
    EXPECT_FALSE(board.units.empty());
    EXPECT_FALSE(board.people.empty());
    EXPECT_FALSE(board.cusps.empty());
  }
}

}  // namespace
