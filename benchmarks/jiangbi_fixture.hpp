// The generated 讲比 ("讲理想、比贡献") campaign of the benchmarks, in one place: the
// registry of units and people (中国科协, a provincial association, the entrant
// enterprise's association with the team leader, the experts' enterprise with seven
// experts), the rubric of eight judged indicators on 0–100 in half points, the
// campaign's rules (panels of seven, at least five) and a campaign with N entries
// N0000000…, every expert a judge of every entry and no mark yet; and the marks by
// "quality" (each entry a quality, each mark that plus noise) that scoring_bench
// puts through mark_all and import_bench writes as a CSV.
//
// Used by scoring_bench, columns_scoring_bench, mark_all_bench, import_bench,
// assign_bench (the two associations at the top) and, at its own small size, by
// tests/unit/campaign_marking_test. Header-only and free of Google Benchmark, so the
// unit test includes it too. Everything is deterministic: the same calls give the
// same ids, codes and marks (scoring_bench --export's totals.csv is hashed in
// docs/performance.md).
#ifndef KEXIE_BENCHMARKS_JIANGBI_FIXTURE_HPP
#define KEXIE_BENCHMARKS_JIANGBI_FIXTURE_HPP

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "kexie/kexie.hpp"

namespace kexie_bench {

/// Judges on every entry's panel (every expert judges every entry).
inline constexpr std::size_t kPanelJudges = 7;
/// Judged indicators of the rubric, I1 … I8.
inline constexpr std::size_t kJudgedIndicators = 8;
/// Marks of one entry: kPanelJudges × kJudgedIndicators.
inline constexpr std::size_t kMarksPerEntry = kPanelJudges * kJudgedIndicators;

/// The code of judged indicator `i` (from 0): "I1" … "I8". (Appended, not
/// `"I" + std::to_string(…)`, which g++ 12 warns about at -O2: a false -Wrestrict.)
inline std::string indicator_code(std::size_t i) {
  std::string code = "I";
  code += std::to_string(i + 1);
  return code;
}

/// The code of entry `n` (from 0): "N" and n in `digits` digits, "N0000042" by default.
inline std::string entry_code(std::size_t n, int digits = 7) {
  char code[32];
  std::snprintf(code, sizeof code, "N%0*zu", digits, n);
  return code;
}

/// A mark of `half` half points (201 → 100.5).
inline kexie::Decimal half_points(int half) {
  return kexie::Decimal::from_coefficient(static_cast<std::int64_t>(half) * 5, 1).value();
}

/// The weights of the national rubric's indicators I1 … I8 (they sum to 1).
inline std::vector<kexie::Decimal> national_weights() {
  const char* text[] = {"0.10", "0.15", "0.05", "0.20", "0.10", "0.125", "0.125", "0.15"};
  std::vector<kexie::Decimal> w;
  for (const char* t : text) w.push_back(kexie::Decimal::parse(t).value());
  return w;
}

/// The rubric `name`: kJudgedIndicators judged indicators I1 … with `weights`, each
/// marked from 0 to 100 in steps of 0.5.
inline kexie::Rubric jiangbi_rubric(const std::string& name,
                                    const std::vector<kexie::Decimal>& weights) {
  std::vector<kexie::IndicatorSpec> specs;
  for (std::size_t i = 0; i < kJudgedIndicators; ++i) {
    specs.push_back({indicator_code(i),
                     "indicator",
                     "",
                     kexie::IndicatorKind::judged,
                     weights.at(i),
                     {kexie::Decimal(0), kexie::Decimal(100), kexie::Decimal::parse("0.5").value()},
                     {},
                     {}});
  }
  return kexie::Rubric::build(name, specs).value();
}

/// First prize only: the best tenth.
inline std::vector<kexie::AwardTier> first_prize_tier() {
  return {kexie::AwardTier::by_share("一等奖", kexie::Decimal::parse("0.1").value())};
}

/// First, second and third prizes: a tenth, a fifth and three tenths.
inline std::vector<kexie::AwardTier> three_prize_tiers() {
  return {kexie::AwardTier::by_share("一等奖", kexie::Decimal::parse("0.1").value()),
          kexie::AwardTier::by_share("二等奖", kexie::Decimal::parse("0.2").value()),
          kexie::AwardTier::by_share("三等奖", kexie::Decimal::parse("0.3").value())};
}

/// Adds 中国科协 (the national association, effective 2000-01-01) and 省科协, a
/// provincial association under it, to `registry`; returns the province.
inline kexie::OrgId add_provincial_association(kexie::Registry& registry) {
  kexie::OrgSpec o;
  o.kind = kexie::OrgKind::national;
  o.name = "中国科协";
  o.effective = kexie::Date::parse("2000-01-01").value();
  const kexie::OrgId cast = registry.add_organization(o).value();
  o.kind = kexie::OrgKind::local;
  o.name = "省科协";
  o.parent = cast;
  o.level = kexie::LocalLevel::provincial;
  return registry.add_organization(o).value();
}

/// The units and people of the generated campaign: the provincial association that
/// organizes it, the entrant enterprise's association (every entry's unit) with the
/// team leader, and the experts' enterprise association with kPanelJudges experts
/// 专家0 … (external keys ZJ1 …, as a marks CSV names them).
struct JiangbiRegistry {
  kexie::Registry registry;
  kexie::OrgId province, entrant, home;
  kexie::PersonId leader;
  std::vector<kexie::PersonId> experts;

  JiangbiRegistry() {
    province = add_provincial_association(registry);
    kexie::OrgSpec o;
    o.kind = kexie::OrgKind::enterprise;
    o.effective = kexie::Date::parse("2000-01-01").value();
    o.parent = province;
    o.name = "参评企业科协";
    o.enterprise.enterprise_name = "参评企业";
    entrant = registry.add_organization(o).value();
    o.name = "评审专家企业科协";
    o.enterprise.enterprise_name = "专家企业";
    home = registry.add_organization(o).value();
    kexie::PersonSpec p;
    p.name = "负责人";
    p.birth = kexie::Date::parse("1985-01-01").value();
    p.employer = entrant;
    leader = registry.add_person(p).value();
    for (std::size_t j = 0; j < kPanelJudges; ++j) {
      p.name = "专家" + std::to_string(j);
      p.employer = home;
      p.external_key = "ZJ" + std::to_string(j + 1);
      experts.push_back(registry.add_person(p).value());
    }
  }

  /// The rules of campaign `name` organized by the province: year 2024 as of
  /// 2025-11-30, panels of kPanelJudges (at least five), awards `tiers`.
  [[nodiscard]] kexie::CampaignSpec spec(const std::string& name,
                                         std::vector<kexie::AwardTier> tiers) const {
    kexie::CampaignSpec s;
    s.name = name;
    s.organizer = province;
    s.as_of = kexie::Date::parse("2025-11-30").value();
    s.year = 2024;
    s.panel.max_judges_per_entry = kPanelJudges;
    s.panel.min_judges = 5;
    s.awards.tiers = std::move(tiers);
    return s;
  }

  /// A campaign under `s` with `rubric` for rationalization proposals, the experts
  /// as judges (their ids in `judges`, 1 … kPanelJudges), `entries` entries of the
  /// entrant coded entry_code(n, digits) (ids 1 … entries) and every judge assigned
  /// to every entry; no mark yet.
  [[nodiscard]] std::unique_ptr<kexie::Campaign> campaign(const kexie::CampaignSpec& s,
                                                          const kexie::Rubric& rubric,
                                                          std::size_t entries,
                                                          std::vector<kexie::JudgeId>& judges,
                                                          int digits = 7) const {
    auto c = std::make_unique<kexie::Campaign>(registry, s);
    c->set_rubric(kexie::Category::rationalization_proposals, rubric).value();
    judges.clear();
    for (kexie::PersonId p : experts) judges.push_back(c->add_judge(p).value());
    kexie::EntrySpec e;
    e.unit = entrant;
    e.category = kexie::Category::rationalization_proposals;
    e.team = {{leader, kexie::Decimal(1)}};
    e.in_use_since = kexie::Date::parse("2024-01-01").value();
    std::vector<kexie::AssignmentInput> pairs;
    pairs.reserve(entries * kPanelJudges);
    for (std::size_t n = 0; n < entries; ++n) {
      e.code = entry_code(n, digits);
      const kexie::EntryId id = c->add_entry(e).value();
      for (kexie::JudgeId j : judges) pairs.push_back({j, id});
    }
    c->assign_all(pairs).value();
    return c;
  }
};

/// The marks by quality, entry after entry from a seeded std::mt19937: an entry's
/// quality is 100 + rng() % 80 half points, then each of its kMarksPerEntry marks,
/// in a marks table's order (indicator, then judge), is min(200, quality + rng() % 21)
/// half points.
class QualityMarks {
 public:
  explicit QualityMarks(std::uint32_t seed) : rng_(seed) {}

  /// The next entry's marks in half points; index i × kPanelJudges + j is indicator
  /// i's mark by judge j.
  const std::array<int, kMarksPerEntry>& next_entry() {
    const int quality = 100 + static_cast<int>(rng_() % 80);
    for (int& half : halves_) half = std::min(200, quality + static_cast<int>(rng_() % 21));
    return halves_;
  }

 private:
  std::mt19937 rng_;
  std::array<int, kMarksPerEntry> halves_{};
};

/// Marks every entry of `campaign` (ids 1 … entries, judged by `judges`) with
/// QualityMarks(seed), through Campaign::mark_all in batches of the marks of
/// `entries_per_batch` entries.
inline void mark_by_quality(kexie::Campaign& campaign, const std::vector<kexie::JudgeId>& judges,
                            std::size_t entries, std::uint32_t seed,
                            std::size_t entries_per_batch) {
  std::vector<std::string> codes;
  for (std::size_t i = 0; i < kJudgedIndicators; ++i) codes.push_back(indicator_code(i));
  QualityMarks marks(seed);
  std::vector<kexie::MarkInput> batch;
  batch.reserve(entries_per_batch * kMarksPerEntry);
  for (std::size_t n = 0; n < entries; ++n) {
    const kexie::EntryId id(static_cast<std::uint32_t>(n + 1));
    const auto& halves = marks.next_entry();
    for (std::size_t k = 0; k < kMarksPerEntry; ++k)
      batch.push_back(
          {judges[k % kPanelJudges], id, codes[k / kPanelJudges], half_points(halves[k])});
    if ((n + 1) % entries_per_batch == 0 || n + 1 == entries) {
      campaign.mark_all(batch).value();
      batch.clear();
    }
  }
}

}  // namespace kexie_bench

#endif  // KEXIE_BENCHMARKS_JIANGBI_FIXTURE_HPP
