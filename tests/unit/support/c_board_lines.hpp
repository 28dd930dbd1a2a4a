// A C scoreboard as text, for the tests that compare boards through the C API
// (score_into_threads_test, board_columns_hostile_test): its digest, every row read by
// listing place and found again by id, its advanced units and people, and its cusps'
// count.
#ifndef KEXIE_TESTS_SUPPORT_C_BOARD_LINES_HPP
#define KEXIE_TESTS_SUPPORT_C_BOARD_LINES_HPP

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kexie/kexie.h"

namespace kexie_test {

/// Every row of `board` (each also found by id: `kx_scoreboard_find` lends the very
/// strings the listing lends, the board's own, and the same rank, position and tier),
/// its units and people, as text.
inline std::vector<std::string> c_board_lines(const kx_scoreboard* board) {
  std::vector<std::string> out;
  const char* digest = nullptr;
  EXPECT_EQ(kx_scoreboard_digest(&digest, board), 0);
  out.emplace_back(digest != nullptr ? digest : "");
  size_t n = 0;
  EXPECT_EQ(kx_scoreboard_size(&n, board), 0);
  for (size_t i = 0; i < n; ++i) {
    kx_entry_result r{};
    kx_entry_result f{};
    EXPECT_EQ(kx_scoreboard_entry(&r, board, i), 0);
    EXPECT_EQ(kx_scoreboard_find(&f, board, r.entry), 0);
    EXPECT_EQ(f.code, r.code);
    EXPECT_EQ(f.total, r.total);
    EXPECT_EQ(f.award, r.award);
    EXPECT_EQ(f.rank, r.rank);
    EXPECT_EQ(f.position, r.position);
    EXPECT_EQ(f.tier, r.tier);
    const char* prize = nullptr;
    EXPECT_EQ(kx_scoreboard_prize(&prize, board, r.entry), 0);
    out.push_back(std::to_string(r.entry) + "|" + r.code + "|" + std::to_string(r.status) + "|" +
                  std::to_string(r.category) + "|" + std::to_string(r.unit) + "|" + r.total + "|" +
                  r.judged_part + "|" + r.objective_part + "|" + r.bonus + "|" +
                  std::to_string(r.rank) + "|" + std::to_string(r.position) + "|" +
                  std::to_string(r.tier) + "|" + r.award + "|" + (prize != nullptr ? prize : "-"));
  }
  kx_scoreboard_counts c{};
  EXPECT_EQ(kx_scoreboard_count(&c, board), 0);
  for (size_t i = 0; i < c.units; ++i) {
    kx_advanced_unit u{};
    EXPECT_EQ(kx_scoreboard_unit(&u, board, i), 0);
    out.push_back(std::to_string(u.unit) + "|" + u.awarded_total + "|" + u.tce_saved);
  }
  for (size_t i = 0; i < c.people; ++i) {
    kx_advanced_person p{};
    EXPECT_EQ(kx_scoreboard_person(&p, board, i), 0);
    out.push_back(std::to_string(p.person) + "|" + p.credit);
  }
  out.push_back(std::to_string(c.cusps));
  return out;
}

}  // namespace kexie_test

#endif  // KEXIE_TESTS_SUPPORT_C_BOARD_LINES_HPP
