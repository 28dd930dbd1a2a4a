// The scoreboard digest against a digest made here from the board's public rows,
// for campaigns whose codes all fit the scoring scratch's 16-byte code slots (at most
// 15 bytes: one read per entry), whose codes do not (16 bytes and more: the codes'
// text), and mixed ones; on one and two threads (the second thread makes the second
// half's bytes). The digest's definition: per entry in listing order its code, status
// byte, total (coefficient at 14 places), rank, position and tier + 1 (0: none), the
// numbers as the machine stores them; then a line per advanced unit, individual and
// cusp (a campaign without a prize rule has no prize lines): support/digest_by_hand.hpp.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "kexie/campaign.hpp"
#include "kexie/literals.hpp"
#include "kexie/registry.hpp"
#include "support/campaign_world.hpp"
#include "support/digest_by_hand.hpp"

using namespace kexie::literals;

namespace {

// A campaign of `codes.size()` entries of three enterprises, five judges marking
// every entry (marks drawn from `seed`; one entry left incomplete), cusps within 2.
std::string check_campaign(const std::vector<std::string>& codes, std::uint32_t seed) {
  kexie_test::World w;
  auto spec = kexie_test::proposal_spec(w);
  spec.awards.cusp_margin = "2"_dec;
  spec.awards.units.min_awarded_entries = 1;
  kexie::Campaign c(w.registry, spec);
  c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
  std::vector<kexie::JudgeId> judges;
  for (std::size_t k = 0; k < 5; ++k) judges.push_back(c.add_judge(w.experts[k]).value());
  std::mt19937 rng(seed);
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const int e = static_cast<int>(i % 2);  // enterprise 2's staff judge
    const kexie::EntryId id =
        c.add_entry(kexie_test::proposal(w, codes[i], e, static_cast<int>(i % 6))).value();
    for (const kexie::JudgeId j : judges) c.assign(j, id).value();
    const std::size_t marking = i == 3 ? 2 : judges.size();  // entry 3: too few marks
    for (std::size_t k = 0; k < marking; ++k) {
      for (const char* indicator : {"A.1", "A.2"}) {
        const auto halves = std::uniform_int_distribution<int>(120, 200)(rng);
        c.mark(judges[k], id, indicator, kexie::Decimal::from_coefficient(halves * 5, 1).value())
            .value();
      }
    }
  }
  const kexie::Scoreboard one = c.score().value();
  EXPECT_FALSE(one.cusps.empty());
  EXPECT_FALSE(one.units.empty());
  for (const kexie::EntryResult& r : one.entries) EXPECT_EQ(r.total.scale(), 14);
  EXPECT_EQ(one.digest(), kexie_test::digest_by_hand(one));
  EXPECT_EQ(c.score(kexie::Threads{2}).value().digest(), one.digest());
  kexie::Scoreboard reused = c.score().value();
  EXPECT_TRUE(c.score(reused, kexie::Threads{2}).ok());
  EXPECT_EQ(reused.digest(), one.digest());
  return one.digest();
}

std::vector<std::string> codes_of(std::size_t n, const std::string& prefix) {
  std::vector<std::string> codes;
  for (std::size_t i = 0; i < n; ++i) codes.push_back(prefix + std::to_string(10000 + i));
  return codes;
}

}  // namespace

TEST(DigestCodes, CodesThatFitTheSlots) {
  check_campaign(codes_of(1500, "S-"), 1);                           // 7 bytes
  std::vector<std::string> fifteen = codes_of(600, "FIFTEEN-BYTE");  // 12 + 5 = 17: trim
  for (std::string& code : fifteen) code = code.substr(code.size() - 15);
  check_campaign(fifteen, 2);  // 15 bytes each, the most a slot holds
  check_campaign({"A", "BB", "C-3", "DDDD", "E", "F-6", "G", "H-8", "I", "J"}, 3);
}

TEST(DigestCodes, CodesThatDoNot) {
  check_campaign(codes_of(1500, "LONG-CODE-2025-"), 4);  // 20 bytes each
  std::vector<std::string> sixteen = codes_of(600, "SIXTEEN-BYTES-");
  for (std::string& code : sixteen) code = code.substr(code.size() - 16);
  check_campaign(sixteen, 5);  // 16 bytes: one more than a slot holds
}

TEST(DigestCodes, MixedCodes) {
  // Short codes, then one that does not fit, then short ones again: the scratch stops
  // using slots for good at the long one.
  std::vector<std::string> codes = codes_of(700, "M-");
  codes[350] = "A-CODE-OF-THIRTY-TWO-BYTES-00001";
  check_campaign(codes, 6);
  codes[350] = "EXACTLY-15-BYTE";
  check_campaign(codes, 7);
}

TEST(DigestCodes, ALongCodeAddedAfterAScoreStillDigestsTheSame) {
  kexie_test::World w;
  auto spec = kexie_test::proposal_spec(w);
  kexie::Campaign c(w.registry, spec);
  c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
  std::vector<kexie::JudgeId> judges;
  for (std::size_t k = 0; k < 3; ++k) judges.push_back(c.add_judge(w.experts[k]).value());
  const auto add = [&](const std::string& code, int mark) {
    const kexie::EntryId id = c.add_entry(kexie_test::proposal(w, code, 0, 1)).value();
    for (const kexie::JudgeId j : judges) {
      c.assign(j, id).value();
      c.mark(j, id, "A.1", kexie::Decimal(mark)).value();
      c.mark(j, id, "A.2", kexie::Decimal(mark)).value();
    }
  };
  for (int i = 0; i < 40; ++i) add("SHORT-" + std::to_string(i), 60 + i);
  kexie::Scoreboard board = c.score().value();  // slots
  EXPECT_EQ(board.digest(), kexie_test::digest_by_hand(board));
  add("A-MUCH-LONGER-CODE-THAN-A-SLOT-HOLDS", 99);
  ASSERT_TRUE(c.score(board).ok());  // the text from here on
  EXPECT_EQ(board.digest(), kexie_test::digest_by_hand(board));
  EXPECT_EQ(board.entries.code(board.entries.entry(0)), "A-MUCH-LONGER-CODE-THAN-A-SLOT-HOLDS");
}
