// The benchmarks' generated campaign (benchmarks/jiangbi_fixture.hpp) at a test's size,
// and every mark of its entries in a table's order, for the tests of mark_all on
// threads (campaign_marking_test, thread_team_test, thread_team_hostile_test,
// marks_layout_hostile_test): one entrant enterprise and seven experts of another, every
// indicator weighing 1/8; and what mark_all says of a batch (Verdict, mark_batch).
#ifndef KEXIE_TESTS_SUPPORT_MARKING_WORLD_HPP
#define KEXIE_TESTS_SUPPORT_MARKING_WORLD_HPP

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "jiangbi_fixture.hpp"
#include "kexie/kexie.hpp"

namespace kexie_test {

/// A registry and the campaign spec and rubric made from it, with `tiers` as prizes.
///
///   static const kexie_test::MarkingWorld w("threads", kexie_bench::first_prize_tier());
///   std::vector<kexie::JudgeId> judges;
///   auto campaign = w.campaign(600, judges);  // every entry and assignment, no mark
struct MarkingWorld {
  kexie_bench::JiangbiRegistry people;
  kexie::CampaignSpec spec;
  kexie::Rubric rubric;

  MarkingWorld(const std::string& name, const std::vector<kexie::AwardTier>& tiers)
      : spec(people.spec(name, tiers)),
        rubric(kexie_bench::jiangbi_rubric(
            name, std::vector<kexie::Decimal>(kexie_bench::kJudgedIndicators,
                                              kexie::Decimal::from_coefficient(125, 3).value()))) {}

  /// A campaign with `entries` entries (codes N00000 …) and their assignments, no mark;
  /// `judges` gets the panel's judges.
  [[nodiscard]] std::unique_ptr<kexie::Campaign> campaign(
      std::size_t entries, std::vector<kexie::JudgeId>& judges) const {
    return people.campaign(spec, rubric, entries, judges, 5);
  }
};

/// Every mark of entries 1…`entries`, in a table's order (entry, indicator, judge): half
/// points from 50 to 50 + (spread − 1) / 2, so a small `spread` makes ties.
///
///   std::vector<kexie::MarkInput> marks = kexie_test::all_marks(judges, 600);
inline std::vector<kexie::MarkInput> all_marks(const std::vector<kexie::JudgeId>& judges,
                                               std::size_t entries, std::size_t spread = 100) {
  std::vector<kexie::MarkInput> out;
  out.reserve(entries * kexie_bench::kJudgedIndicators * kexie_bench::kPanelJudges);
  for (std::size_t n = 0; n < entries; ++n) {
    for (std::size_t i = 0; i < kexie_bench::kJudgedIndicators; ++i) {
      for (std::size_t j = 0; j < kexie_bench::kPanelJudges; ++j) {
        const auto half = static_cast<std::int64_t>(100 + (n * 31 + i * 7 + j * 3) % spread);
        out.push_back({judges[j], kexie::EntryId(static_cast<std::uint32_t>(n + 1)),
                       kexie_bench::indicator_code(i),
                       kexie::Decimal::from_coefficient(half * 5, 1).value()});
      }
    }
  }
  return out;
}

/// What mark_all said of a batch: accepted, or the refused mark's position, message and
/// rule. Tests extend it with what they compare beside it.
///
///   const kexie_test::Verdict v = kexie_test::mark_batch(*campaign, marks, kexie::Threads{2});
struct Verdict {
  bool ok = false;
  std::size_t failed = 0;  // as mark_all set it (999 999 999 when it set nothing)
  std::string message, rule;
  friend bool operator==(const Verdict&, const Verdict&) = default;
  /// "ok", or "refused at N (rule) message".
  [[nodiscard]] std::string text() const {
    return ok ? "ok" : "refused at " + std::to_string(failed) + " (" + rule + ") " + message;
  }
};

/// `batch` marked into `c` on `threads`, and what mark_all said.
inline Verdict mark_batch(kexie::Campaign& c, const std::vector<kexie::MarkInput>& batch,
                          kexie::Threads threads) {
  Verdict v;
  v.failed = 999'999'999;
  const kexie::Status st = c.mark_all(batch, threads, &v.failed);
  v.ok = static_cast<bool>(st);
  if (!st) {
    v.message = st.error().message();
    v.rule = st.error().rule();
  }
  return v;
}

}  // namespace kexie_test

#endif  // KEXIE_TESTS_SUPPORT_MARKING_WORLD_HPP
