// Hostile tests of two changes to how a campaign keeps its marks (round 9):
//
// 1. The judge-by-judge layout of an entry's cells (slot k's mark on column c at cell
//    k × columns + c). A campaign of four categories with 1, 3, 10 and 11 columns
//    (bonus columns among them, one rubric interleaving them with judged ones), panels
//    of 1 to 5 seats of 5, judges seated after others marked (the rows move) and
//    between two seated judges, missing marks and vetoes: every mark read back by
//    explain(), panel_marks() (both of its paths), campaign_entries() and a snapshot
//    round trip is the one recorded; every entry's judged part and bonus are the ones
//    computed here by hand from the recorded marks (plain mean and trimmed means that
//    keep 4 of 5 marks, so every mean is exact); a campaign built in that hostile
//    order scores to the same digest as one built in the plain order, also with
//    normalization on.
// 2. mark_all's bookkeeping (the benchmarks' generated campaign, support/marking_world):
//    the cells a batch fills are kept as ranges that may hold marks recorded before
//    the batch, so a refused batch whose ranges span such marks must leave every one of
//    them (the campaign's whole list of marks compared, not only the digest, which an
//    incomplete entry hides), and an accepted one must not touch them; the parts
//    recorded on their threads move to entry boundaries: repeats straddling a part
//    boundary inside one entry, entries in descending and interleaved order, and parts
//    that only continue the entry before them must give the one thread's outcome for
//    Threads{1}, {2}, {3}, {7} and teams of 2 and 3.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "jiangbi_fixture.hpp"
#include "kexie/entries_document.hpp"
#include "kexie/explain.hpp"
#include "kexie/kexie.hpp"
#include "kexie/literals.hpp"
#include "kexie/snapshot.hpp"
#include "kexie/thread_team.hpp"
#include "support/campaign_world.hpp"
#include "support/marking_world.hpp"

namespace {

using kexie::Campaign;
using kexie::Category;
using kexie::Decimal;
using kexie::EntryId;
using kexie::IndicatorKind;
using kexie::JudgeId;
using kexie::MarkInput;
using kexie::Threads;
using kexie::ThreadTeam;
using namespace kexie::literals;

// ---- 1. the layout ---------------------------------------------------------------------------

constexpr std::uint32_t kWidth = 5;  // seats per entry; panels of 1, 2, 4 and 5
constexpr std::size_t kJudges = 6;   // campaign_world's experts, judges 1 … 6

// One category's rubric and the codes of the indicators judges mark.
struct Sheet {
  Category category;
  kexie::Rubric rubric;
  std::string veto;                  // its veto item
  std::vector<std::string> columns;  // judged and bonus indicators, in the rubric's order
};

kexie::IndicatorSpec judged(std::string code, std::string parent, Decimal weight,
                            kexie::MarkScale scale) {
  kexie::IndicatorSpec s;
  s.code = code;
  s.name = "指标 " + code;
  s.parent = std::move(parent);
  s.kind = IndicatorKind::judged;
  s.weight = weight;
  s.scale = scale;
  return s;
}
kexie::IndicatorSpec group(std::string code, Decimal weight) {
  kexie::IndicatorSpec s;
  s.code = code;
  s.name = "组 " + code;
  s.kind = IndicatorKind::group;
  s.weight = weight;
  return s;
}
kexie::IndicatorSpec bonus(std::string code, kexie::MarkScale scale, Decimal cap) {
  kexie::IndicatorSpec s;
  s.code = code;
  s.name = "加分 " + code;
  s.kind = IndicatorKind::bonus;
  s.scale = scale;
  s.bonus_cap = cap;
  return s;
}
kexie::IndicatorSpec veto(std::string code) {
  kexie::IndicatorSpec s;
  s.code = code;
  s.name = "否决 " + code;
  s.kind = IndicatorKind::veto;
  return s;
}

// The four sheets: 3 columns (proposal_rubric: two judged, a bonus), 11 (nine judged
// in two groups with two bonus items between them), 10 judged only (the weighted
// kernel, a last step of two columns) and a single judged column.
std::vector<Sheet> sheets() {
  const kexie::MarkScale hundred{Decimal(0), Decimal(100), "0.5"_dec};
  const kexie::MarkScale ten{Decimal(0), Decimal(10), "0.25"_dec};
  std::vector<Sheet> out;
  out.push_back({Category::rationalization_proposals,
                 kexie_test::proposal_rubric(),
                 "veto",
                 {"A.1", "A.2", "bonus"}});
  std::vector<kexie::IndicatorSpec> wide = {
      group("G1", "0.5"_dec),
      judged("W1", "G1", "0.25"_dec, hundred),
      judged("W2", "G1", "0.25"_dec, hundred),
      bonus("X1", {Decimal(0), Decimal(10), Decimal(1)}, Decimal(5)),
      judged("W3", "G1", "0.25"_dec, hundred),
      judged("W4", "G1", "0.25"_dec, hundred),
      group("G2", "0.5"_dec),
      judged("W5", "G2", "0.2"_dec, hundred),
      judged("W6", "G2", "0.2"_dec, hundred),
      bonus("X2", {Decimal(0), Decimal(4), "0.5"_dec}, Decimal(2)),
      judged("W7", "G2", "0.2"_dec, hundred),
      judged("W8", "G2", "0.2"_dec, hundred),
      judged("W9", "G2", "0.2"_dec, hundred),
      veto("V"),
  };
  out.push_back({Category::innovative_ideas,
                 kexie::Rubric::build("宽 wide", wide).value(),
                 "V",
                 {"W1", "W2", "X1", "W3", "W4", "W5", "W6", "X2", "W7", "W8", "W9"}});
  std::vector<kexie::IndicatorSpec> tall;
  Sheet t{Category::technical_patents, kexie_test::proposal_rubric(), "V", {}};
  for (int k = 1; k <= 10; ++k) {
    tall.push_back(judged("T" + std::to_string(k), "", "0.1"_dec, ten));
    t.columns.push_back("T" + std::to_string(k));
  }
  tall.push_back(veto("V"));
  t.rubric = kexie::Rubric::build("高 tall", tall).value();
  out.push_back(std::move(t));
  const std::vector<kexie::IndicatorSpec> single = {
      judged("S", "", Decimal(1), {Decimal(0), Decimal(100), Decimal(1)}), veto("V")};
  out.push_back({Category::scientific_literacy,
                 kexie::Rubric::build("单 single", single).value(),
                 "V",
                 {"S"}});
  return out;
}

// What one entry gets: its sheet, its panel (judge indexes 0 … 5, in the order the
// hostile build seats them), its marks by (judge index, indicator) and a veto.
struct PlannedEntry {
  std::size_t sheet = 0;
  std::vector<std::size_t> panel;
  std::map<std::pair<std::size_t, std::string>, Decimal> marks;
  std::optional<std::size_t> vetoed_by;
};

const kexie::Indicator& indicator(const Sheet& s, const std::string& code) {
  return s.rubric.indicators()[s.rubric.find(code).value()];
}

// A mark on `code`'s scale drawn from `rng`.
Decimal draw_mark(const Sheet& s, const std::string& code, std::mt19937_64& rng) {
  const kexie::MarkScale& sc = indicator(s, code).scale;
  std::int64_t steps = 0;
  for (Decimal x = sc.min; x <= sc.max; x = x + sc.step) ++steps;
  const auto k = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(steps));
  return sc.min + sc.step * Decimal(k);
}

// Blocks of entries of one sheet with whole panels of 5 and of 4 (every mark: the
// scoring kernels' batches of 4 and 8 entries), then a mixed tail: any sheet, panels
// of 1, 2, 4 or 5, a column marked by 0, 1, 2, 4 or 5 of its judges, some vetoes. A
// column's count stays in {1, 2, 4, 5} (or 0) so that every mean is exact.
std::vector<PlannedEntry> plan(const std::vector<Sheet>& all) {
  std::mt19937_64 rng(20261130);
  std::vector<PlannedEntry> out;
  const auto add = [&](std::size_t sheet, std::size_t size, bool gaps,
                       std::vector<std::size_t> panel = {}) {
    PlannedEntry e;
    e.sheet = sheet;
    std::vector<std::size_t> judges = {0, 1, 2, 3, 4, 5};
    std::shuffle(judges.begin(), judges.end(), rng);
    e.panel.assign(judges.begin(), judges.begin() + static_cast<std::ptrdiff_t>(size));
    if (!panel.empty()) e.panel = std::move(panel);
    for (const std::string& code : all[sheet].columns) {
      std::size_t count = size;
      if (gaps && rng() % 3 == 0) {
        std::vector<std::size_t> counts;
        for (std::size_t c :
             {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{4}, std::size_t{5}}) {
          if (c <= size) counts.push_back(c);
        }
        count = counts[rng() % counts.size()];
      }
      std::vector<std::size_t> who = e.panel;
      std::shuffle(who.begin(), who.end(), rng);
      for (std::size_t k = 0; k < count; ++k)
        e.marks[{who[k], code}] = draw_mark(all[sheet], code, rng);
    }
    if (gaps && rng() % 8 == 0) e.vetoed_by = e.panel[rng() % size];
    out.push_back(std::move(e));
  };
  // Seated in a hostile order by hand first: 5 and 2, then 3 between them, then 1
  // before both, then 4 (on the wide sheet, 11 columns, and the 3-column one).
  for (std::size_t sheet : {std::size_t{1}, std::size_t{0}}) add(sheet, 5, false, {4, 1, 2, 0, 3});
  for (std::size_t sheet = 0; sheet < all.size(); ++sheet) {
    for (int k = 0; k < 17; ++k) add(sheet, 5, false);
    for (int k = 0; k < 9; ++k) add(sheet, 4, false);
  }
  constexpr std::size_t kSizes[] = {1, 2, 4, 5};
  for (int k = 0; k < 48; ++k) add(rng() % all.size(), kSizes[rng() % 4], true);
  return out;
}

// The world, sheets and plan of the layout tests, made once.
struct Layout {
  kexie_test::World world;
  std::vector<Sheet> sheet = sheets();
  std::vector<PlannedEntry> entries = plan(sheet);
};
const Layout& layout() {
  static const Layout l;
  return l;
}

std::string entry_code(std::size_t n) { return "L" + std::to_string(1000 + n); }

// A campaign of the plan's entries and the judges, nothing seated or marked yet.
std::unique_ptr<Campaign> empty_campaign(const kexie::CampaignSpec& spec) {
  const Layout& l = layout();
  auto c = std::make_unique<Campaign>(l.world.registry, spec);
  for (const Sheet& s : l.sheet) c->set_rubric(s.category, s.rubric).value();
  for (std::size_t j = 0; j < kJudges; ++j) {
    EXPECT_EQ(c->add_judge(l.world.experts[j]).value(), JudgeId(static_cast<std::uint32_t>(j + 1)));
  }
  for (std::size_t n = 0; n < l.entries.size(); ++n) {
    kexie::EntrySpec e = kexie_test::proposal(l.world, entry_code(n), static_cast<int>(n % 2),
                                              static_cast<int>(n % 6));
    e.category = l.sheet[l.entries[n].sheet].category;
    EXPECT_EQ(c->add_entry(e).value(), EntryId(static_cast<std::uint32_t>(n + 1)));
  }
  return c;
}

JudgeId judge(std::size_t index) { return JudgeId(static_cast<std::uint32_t>(index + 1)); }
EntryId entry(std::size_t n) { return EntryId(static_cast<std::uint32_t>(n + 1)); }

kexie::VetoInput veto_of(std::size_t n) {
  const Layout& l = layout();
  return {judge(*l.entries[n].vetoed_by), entry(n), l.sheet[l.entries[n].sheet].veto,
          "数据不实 unverified"};
}

// The plain order: every judge seated (by entry, then judge), then every mark in one
// batch (by entry, judge, indicator), then the vetoes.
std::unique_ptr<Campaign> plain_build(const kexie::CampaignSpec& spec) {
  const Layout& l = layout();
  auto c = empty_campaign(spec);
  std::vector<kexie::AssignmentInput> pairs;
  std::vector<MarkInput> marks;
  std::vector<kexie::VetoInput> vetoes;
  for (std::size_t n = 0; n < l.entries.size(); ++n) {
    const PlannedEntry& e = l.entries[n];
    std::vector<std::size_t> seated = e.panel;
    std::sort(seated.begin(), seated.end());
    for (std::size_t j : seated) {
      pairs.push_back({judge(j), entry(n)});
      for (const std::string& code : l.sheet[e.sheet].columns) {
        auto m = e.marks.find({j, code});
        if (m != e.marks.end()) marks.push_back({judge(j), entry(n), code, m->second});
      }
    }
    if (e.vetoed_by) vetoes.push_back(veto_of(n));
  }
  c->assign_all(pairs).value();
  c->mark_all(marks).value();
  c->veto_all(vetoes).value();
  return c;
}

// The hostile order: in round r each entry's r-th judge of its panel is seated (entries
// in descending order) and gives about two thirds of its marks at once (entries in
// descending order, then indicator), so later judges are seated among and before
// judges that already marked, and their rows move; a veto comes as soon as its judge
// sits; every fourth entry's marks of the round come one by one through
// Campaign::mark (the indexed form) instead. The marks held back come last, in one batch
// in a table's order (entry, indicator, judge) on `threads`.
std::unique_ptr<Campaign> hostile_build(const kexie::CampaignSpec& spec, Threads threads) {
  const Layout& l = layout();
  auto c = empty_campaign(spec);
  std::vector<MarkInput> held;
  for (std::size_t round = 0; round < kWidth; ++round) {
    std::vector<kexie::AssignmentInput> pairs;
    std::vector<MarkInput> marks, singles;
    std::vector<kexie::VetoInput> vetoes;
    for (std::size_t n = l.entries.size(); n-- > 0;) {
      const PlannedEntry& e = l.entries[n];
      if (round >= e.panel.size()) continue;
      const std::size_t j = e.panel[round];
      pairs.push_back({judge(j), entry(n)});
      std::size_t col = 0;
      for (const std::string& code : l.sheet[e.sheet].columns) {
        auto m = e.marks.find({j, code});
        if (m == e.marks.end()) continue;
        (((n + col++ + round) % 3 != 0) ? (n % 4 == 0 ? singles : marks) : held)
            .push_back({judge(j), entry(n), code, m->second});
      }
      if (e.vetoed_by == j) vetoes.push_back(veto_of(n));
    }
    c->assign_all(pairs).value();
    c->mark_all(marks).value();
    for (const MarkInput& m : singles) c->mark(m.judge, m.entry, m.indicator, m.mark).value();
    c->veto_all(vetoes).value();
  }
  std::map<std::tuple<std::uint32_t, std::size_t, std::uint32_t>, MarkInput> table;
  for (const MarkInput& m : held) {
    const PlannedEntry& e = l.entries[m.entry.value() - 1];
    const auto& cols = l.sheet[e.sheet].columns;
    const auto col =
        static_cast<std::size_t>(std::find(cols.begin(), cols.end(), m.indicator) - cols.begin());
    table.emplace(std::tuple{m.entry.value(), col, m.judge.value()}, m);
  }
  held.clear();
  for (const auto& [key, m] : table) held.push_back(m);
  c->mark_all(held, threads).value();
  return c;
}

// Σ of a column's marks as the aggregation keeps them, over their count: exact for 1, 2,
// 4 and 5 marks, and for the trimmed means kept here (1 of 5 dropped).
std::optional<Decimal> mean(std::vector<Decimal> marks, const kexie::Aggregation& a) {
  if (marks.empty()) return std::nullopt;
  std::sort(marks.begin(), marks.end());
  std::size_t from = 0, to = marks.size();
  if (a.method == kexie::AggregationMethod::trimmed_mean && marks.size() >= a.trim_from) {
    from += a.drop_low;
    to -= a.drop_high;
  }
  Decimal sum;
  for (std::size_t k = from; k < to; ++k) sum = sum + marks[k];
  switch (to - from) {
    case 1:
      return sum;
    case 2:
      return sum * "0.5"_dec;
    case 4:
      return sum * "0.25"_dec;
    case 5:
      return sum * "0.2"_dec;
    default:
      ADD_FAILURE() << "a count of " << to - from << " has no exact mean";
      return sum;
  }
}

// round(n / d), ties to even (d > 0).
std::int64_t round_half_even(std::int64_t n, std::int64_t d) {
  std::int64_t q = n / d, r = n % d;
  if (r < 0) {
    r += d;
    --q;
  }
  if (2 * r > d || (2 * r == d && q % 2 != 0)) ++q;
  return q;
}

// Each normalized mark of the plan by hand, keyed by (entry index, judge index, code):
// per judged indicator of a sheet, the panel's and each judge's mean and standard
// deviation of the marks (entries by code, judges by id within one: the same order of
// sums, so the same doubles), at 6 places; a judge with `min_sample` marks and a
// deviation moves its mark to panel mean + (x − judge mean) × panel sd / judge sd, half
// even at 4 places, within the scale.
using Normalized = std::map<std::tuple<std::size_t, std::size_t, std::string>, Decimal>;
Normalized normalized_by_hand(std::uint32_t min_sample) {
  const Layout& l = layout();
  const auto quantize = [](double x) { return static_cast<std::int64_t>(std::nearbyint(x * 1e6)); };
  const auto stats = [](const std::vector<double>& xs, double& mean, double& sd) {
    double s = 0;
    for (double x : xs) s += x;
    mean = s / static_cast<double>(xs.size());
    double v = 0;
    for (double x : xs) v += (x - mean) * (x - mean);
    sd = std::sqrt(v / static_cast<double>(xs.size()));
  };
  Normalized out;
  for (std::size_t s = 0; s < l.sheet.size(); ++s) {
    for (const std::string& code : l.sheet[s].columns) {
      const kexie::Indicator& ind = indicator(l.sheet[s], code);
      if (ind.kind != IndicatorKind::judged) continue;
      std::vector<std::tuple<std::size_t, std::size_t, std::int64_t>> given;
      std::vector<double> all;
      std::map<std::size_t, std::vector<double>> by_judge;
      for (std::size_t n = 0; n < l.entries.size(); ++n) {  // codes L1000 … sort as numbers
        if (l.entries[n].sheet != s) continue;
        for (std::size_t j = 0; j < kJudges; ++j) {
          auto m = l.entries[n].marks.find({j, code});
          if (m == l.entries[n].marks.end()) continue;
          const std::int64_t units = m->second.rescaled(4).value().coefficient();
          given.emplace_back(n, j, units);
          const double x = static_cast<double>(static_cast<std::int32_t>(units)) / 1e4;
          all.push_back(x);
          by_judge[j].push_back(x);
        }
      }
      if (all.size() < 2) continue;
      double pm = 0, psd = 0;
      stats(all, pm, psd);
      const std::int64_t panel_mean = quantize(pm), panel_sd = quantize(psd);
      if (panel_sd <= 0) continue;
      const std::int64_t lo = ind.scale.min.rescaled(4).value().coefficient();
      const std::int64_t hi = ind.scale.max.rescaled(4).value().coefficient();
      for (const auto& [n, j, units] : given) {
        double jm = 0, jsd = 0;
        stats(by_judge[j], jm, jsd);
        const std::int64_t judge_mean = quantize(jm), judge_sd = quantize(jsd);
        if (by_judge[j].size() < min_sample || judge_sd <= 0) continue;
        const std::int64_t y6 =
            panel_mean + round_half_even((units * 100 - judge_mean) * panel_sd, judge_sd);
        const std::int64_t y4 = std::clamp(round_half_even(y6, 100), lo, hi);
        out[{n, j, code}] = Decimal::from_coefficient(y4, 4).value();
      }
    }
  }
  return out;
}

// Every mark `c` holds, read back through explain(), panel_marks() and
// campaign_entries(), must be the plan's; with `hand`, every entry's status, judged part
// and bonus the ones computed from the plan; with normalization on, every normalized mark
// explain() lists the one computed by hand.
void expect_marks_read_back(const Campaign& c, const kexie::CampaignSpec& spec, bool hand,
                            const std::string& what) {
  const Layout& l = layout();
  const kexie::Scoreboard board = c.score().value();
  static const Normalized by_hand = normalized_by_hand(2);
  ASSERT_TRUE(!spec.panel.normalization.enabled || spec.panel.normalization.min_sample == 2);
  const Normalized* normalized = spec.panel.normalization.enabled ? &by_hand : nullptr;
  // campaign_entries: the same set of marks; by entry, then judge.
  {
    std::set<std::tuple<std::string, std::string, std::string, std::string>> want, got;
    for (std::size_t n = 0; n < l.entries.size(); ++n) {
      for (const auto& [key, mark] : l.entries[n].marks) {
        want.insert({"J" + std::to_string(key.first + 1), entry_code(n), key.second,
                     mark.normalized().to_string()});
      }
    }
    const kexie::CampaignEntries facts = kexie::campaign_entries(c);
    std::pair<std::string, std::uint64_t> last{"", 0};
    for (const kexie::MarkRecord& m : facts.marks) {
      got.insert({m.judge, m.entry, m.indicator, m.mark.normalized().to_string()});
      const std::pair<std::string, std::uint64_t> at{m.entry, std::stoull(m.judge.substr(1))};
      EXPECT_LE(last, at) << what << ": campaign_entries lists marks by entry, then judge";
      last = at;
    }
    EXPECT_EQ(got, want) << what << ": campaign_entries";
    EXPECT_EQ(facts.marks.size(), want.size()) << what;
    std::set<std::tuple<std::string, std::string, std::string>> vetoes, planned;
    for (const kexie::VetoRecord& v : facts.vetoes) vetoes.insert({v.judge, v.entry, v.indicator});
    for (std::size_t n = 0; n < l.entries.size(); ++n) {
      if (l.entries[n].vetoed_by) {
        planned.insert({"J" + std::to_string(*l.entries[n].vetoed_by + 1), entry_code(n),
                        l.sheet[l.entries[n].sheet].veto});
      }
    }
    EXPECT_EQ(vetoes, planned) << what;
  }
  // explain: each judged and bonus line lists every judge's mark.
  for (std::size_t n = 0; n < l.entries.size(); ++n) {
    const PlannedEntry& e = l.entries[n];
    const Sheet& sheet = l.sheet[e.sheet];
    const kexie::Explanation x = kexie::explain(c, board, entry(n)).value();
    std::map<std::pair<std::size_t, std::string>, Decimal> seen;
    std::size_t lines = 0;
    Decimal judged_part, bonus_part;
    bool complete = true;
    for (const kexie::IndicatorLine& line : x.lines) {
      if (line.kind != IndicatorKind::judged && line.kind != IndicatorKind::bonus) continue;
      ++lines;
      std::vector<Decimal> marks;
      for (const kexie::JudgeMark& m : line.marks) {
        const std::size_t j = m.judge.value() - 1;
        if (normalized != nullptr) {
          auto want = normalized->find({n, j, line.code});
          EXPECT_EQ(m.normalized, want == normalized->end() ? std::optional<Decimal>()
                                                            : std::optional<Decimal>(want->second))
              << what << ": " << entry_code(n) << ", judge " << j + 1 << " on " << line.code;
        }
        EXPECT_TRUE(seen.emplace(std::pair{j, line.code}, m.mark).second)
            << what << ": " << entry_code(n) << " lists judge " << j + 1 << " twice on "
            << line.code;
        marks.push_back(m.mark);
      }
      if (!hand) continue;
      const kexie::Indicator& ind = indicator(sheet, line.code);
      const std::optional<Decimal> value = mean(marks, spec.panel.aggregation);
      if (line.kind == IndicatorKind::judged) {
        complete = complete && marks.size() >= spec.panel.min_judges;
        if (value) judged_part = judged_part + ind.global_weight * *value;
      } else if (value) {
        bonus_part = bonus_part + std::min(std::max(*value, Decimal(0)), ind.bonus_cap);
      }
    }
    EXPECT_EQ(lines, sheet.columns.size()) << what << ": " << entry_code(n);
    EXPECT_EQ(seen, e.marks) << what << ": explain(" << entry_code(n) << ")";
    if (!hand) continue;
    const kexie::EntryResult r = *board.entries.find(entry(n));
    const kexie::EntryStatus status = !complete     ? kexie::EntryStatus::incomplete
                                      : e.vetoed_by ? kexie::EntryStatus::vetoed
                                                    : kexie::EntryStatus::ranked;
    EXPECT_EQ(r.status, status) << what << ": " << entry_code(n);
    if (complete) {
      EXPECT_EQ(r.judged_part, judged_part) << what << ": " << entry_code(n);
      EXPECT_EQ(r.bonus, bonus_part) << what << ": " << entry_code(n);
      EXPECT_EQ(r.total, r.judged_part + r.objective_part + r.bonus) << what;
    }
  }
  // panel_marks: every judge once, in reverse (the walk of each entry's seats), and with a
  // judge named twice (the search per judge); the rows are the sheet's entries backwards.
  const std::vector<JudgeId> reversed = {judge(5), judge(4), judge(3),
                                         judge(2), judge(1), judge(0)};
  const std::vector<JudgeId> twice = {judge(2), judge(0), judge(2), judge(5),
                                      judge(1), judge(4), judge(3), JudgeId(99)};
  for (std::size_t s = 0; s < l.sheet.size(); ++s) {
    std::vector<EntryId> rows;
    for (std::size_t n = l.entries.size(); n-- > 0;) {
      if (l.entries[n].sheet == s) rows.push_back(entry(n));
    }
    for (const std::string& code : l.sheet[s].columns) {
      for (const std::vector<JudgeId>* cols : {&reversed, &twice}) {
        const kexie::PanelMarks m = c.panel_marks(code, *cols, rows).value();
        for (std::size_t r = 0; r < rows.size(); ++r) {
          const PlannedEntry& e = l.entries[rows[r].value() - 1];
          for (std::size_t k = 0; k < cols->size(); ++k) {
            const std::size_t j = (*cols)[k].value() - 1;
            auto want = e.marks.find({j, code});
            const std::optional<double> got = m.at(r, k);
            if (want == e.marks.end()) {
              EXPECT_FALSE(got) << what << ": panel_marks " << code << " of " << rows[r]
                                << ", judge " << j + 1;
            } else {
              EXPECT_EQ(got, std::stod(want->second.to_string()))
                  << what << ": panel_marks " << code << " of " << rows[r] << ", judge " << j + 1;
            }
          }
        }
      }
    }
  }
}

// A snapshot of `c` (bound to `registry`) and the campaign loaded from it.
kexie::Snapshot round_trip(const kexie::Registry& registry, const Campaign& c) {
  const std::vector<std::byte> bytes =
      kexie::save_snapshot(kexie::SnapshotView(registry).add(c)).value();
  return kexie::load_snapshot(std::span<const std::byte>(bytes)).value();
}

kexie::CampaignSpec layout_spec(kexie::Aggregation a, bool normalize) {
  kexie::CampaignSpec spec = kexie_test::proposal_spec(layout().world);
  spec.panel.max_judges_per_entry = kWidth;
  spec.panel.min_judges = 2;
  spec.panel.aggregation = a;
  if (normalize) spec.panel.normalization = {true, 2};
  return spec;
}

TEST(MarksLayoutHostile, ThePlanCoversWhatItClaims) {
  const Layout& l = layout();
  std::set<std::size_t> columns, sizes;
  std::size_t vetoes = 0, gaps = 0;
  for (const PlannedEntry& e : l.entries) {
    columns.insert(l.sheet[e.sheet].columns.size());
    sizes.insert(e.panel.size());
    vetoes += e.vetoed_by ? 1 : 0;
    gaps += e.marks.size() < e.panel.size() * l.sheet[e.sheet].columns.size() ? 1 : 0;
  }
  EXPECT_EQ(columns, (std::set<std::size_t>{1, 3, 10, 11}));
  EXPECT_EQ(sizes, (std::set<std::size_t>{1, 2, 4, 5}));
  EXPECT_GE(vetoes, 3u);
  EXPECT_GE(gaps, 10u);
  // Most judged marks move under normalization (each judge has many marks a column).
  const std::size_t moved = normalized_by_hand(2).size();
  EXPECT_GT(moved, 2000u);
}

// Each aggregation on its own campaign pair: the plain and the hostile order, the hostile
// one's last batch on one thread and on a team (one part either way: fewer than 8 192
// marks), both read back and both after a snapshot round trip.
void check_layout(kexie::Aggregation a, bool normalize, const std::string& what) {
  const kexie::CampaignSpec spec = layout_spec(a, normalize);
  const bool hand = !normalize;
  const auto plain = plain_build(spec);
  const std::string digest = plain->score().value().digest();
  expect_marks_read_back(*plain, spec, hand, what + ", plain order");
  ThreadTeam team(2);
  for (const Threads threads : {Threads{}, Threads{3}, team.threads()}) {
    const auto hostile = hostile_build(spec, threads);
    EXPECT_EQ(hostile->score().value().digest(), digest) << what << ", hostile order";
    expect_marks_read_back(*hostile, spec, hand, what + ", hostile order");
    const kexie::Snapshot snap = round_trip(layout().world.registry, *hostile);
    ASSERT_EQ(snap.campaigns().size(), 1u);
    EXPECT_EQ(snap.campaigns()[0].score().value().digest(), digest) << what << ", snapshot";
    expect_marks_read_back(snap.campaigns()[0], spec, hand, what + ", hostile order's snapshot");
    if (threads.team != nullptr || threads.count > 1) continue;
    // A snapshot of the plain build too, and one of the loaded campaign again.
    const kexie::Snapshot again = round_trip(snap.registry(), snap.campaigns()[0]);
    EXPECT_EQ(again.campaigns()[0].score().value().digest(), digest) << what;
  }
}

TEST(MarksLayoutHostile, PlainMeanReadsBackEveryMarkAndSumsByHand) {
  check_layout(kexie::Aggregation::plain_mean(), false, "plain mean");
}

TEST(MarksLayoutHostile, TrimmedMeansDroppingOneSideSumByHand) {
  check_layout(kexie::Aggregation::trimmed(1, 0, 5), false, "lowest of 5 dropped");
  check_layout(kexie::Aggregation::trimmed(0, 1, 5), false, "highest of 5 dropped");
}

TEST(MarksLayoutHostile, NormalizationSeesTheSameMarksInEitherOrder) {
  check_layout(kexie::Aggregation::standard(), true, "normalized, trimmed");
}

// One entry on the 11-column sheet watched seat by seat: judges 5 and 2 mark, then 3 is
// seated between them, 1 before them and 6 after them, each row checked after each seat.
TEST(MarksLayoutHostile, SeatingBetweenAndBeforeMovesEveryRowIntact) {
  const Layout& l = layout();
  const kexie::CampaignSpec spec = layout_spec(kexie::Aggregation::plain_mean(), false);
  auto c = empty_campaign(spec);
  const std::size_t n = 0;
  ASSERT_EQ(l.entries[n].sheet, 1u);
  const std::vector<std::string>& cols = l.sheet[1].columns;
  std::map<std::pair<std::size_t, std::string>, Decimal> given;
  const auto check = [&](const std::string& when) {
    const std::vector<JudgeId> everyone = {judge(0), judge(1), judge(2),
                                           judge(3), judge(4), judge(5)};
    for (const std::string& code : cols) {
      const kexie::PanelMarks m =
          c->panel_marks(code, everyone, std::vector<EntryId>{entry(n)}).value();
      for (std::size_t j = 0; j < kJudges; ++j) {
        auto want = given.find({j, code});
        const std::optional<double> got = m.at(0, j);
        if (want == given.end()) {
          EXPECT_FALSE(got) << when << ": judge " << j + 1 << " on " << code;
        } else {
          EXPECT_EQ(got, std::stod(want->second.to_string()))
              << when << ": judge " << j + 1 << " on " << code;
        }
      }
    }
  };
  int value = 0;
  const auto seat_and_mark = [&](std::size_t j, bool mark) {
    c->assign(judge(j), entry(n)).value();
    check("after seating judge " + std::to_string(j + 1));
    if (!mark) return;
    std::vector<MarkInput> marks;
    for (const std::string& code : cols) {
      const kexie::Indicator& ind = indicator(l.sheet[1], code);
      const Decimal v = ind.scale.min + ind.scale.step * Decimal(++value % 8 + 1);
      marks.push_back({judge(j), entry(n), code, v});
      given[{j, code}] = v;
    }
    c->mark_all(marks).value();
    check("after judge " + std::to_string(j + 1) + " marked");
  };
  seat_and_mark(4, true);
  seat_and_mark(1, true);
  seat_and_mark(2, false);  // between 2 and 5, no mark yet
  seat_and_mark(0, true);   // before all
  seat_and_mark(5, false);  // after all (the panel is now full)
  // The two unmarked judges mark now, judge 6 first.
  for (std::size_t j : {std::size_t{5}, std::size_t{2}}) {
    std::vector<MarkInput> marks;
    for (const std::string& code : cols) {
      const Decimal v = indicator(l.sheet[1], code).scale.min;
      marks.push_back({judge(j), entry(n), code, v});
      given[{j, code}] = v;
    }
    c->mark_all(marks).value();
    check("after judge " + std::to_string(j + 1) + " marked last");
  }
  const kexie::Status full = c->assign(judge(3), entry(n));
  ASSERT_FALSE(full);
  EXPECT_EQ(full.error().rule(), "panel.max_judges");
  check("after a refused seat");
}

// ---- 2. mark_all's bookkeeping ---------------------------------------------------------------

constexpr std::size_t kEntries = 300;  // 16 800 marks: 2, 3 and (for 7 threads) 4 parts

const kexie_test::MarkingWorld& world() {
  static const kexie_test::MarkingWorld w("runs", kexie_bench::first_prize_tier());
  return w;
}

// Every mark the campaign holds, as campaign_entries lists it, and the digest.
std::string state_of(const Campaign& c) {
  std::string out = c.score().value().digest();
  for (const kexie::MarkRecord& m : kexie::campaign_entries(c).marks) {
    out += '\n' + m.judge + ' ' + m.entry + ' ' + m.indicator + ' ' + m.mark.to_string();
  }
  return out;
}

struct Outcome : kexie_test::Verdict {
  explicit Outcome(kexie_test::Verdict v) : Verdict(std::move(v)) {}
  bool untouched = false;  // refused: every mark the same as before the batch
  std::size_t after = 0;   // hash of the campaign's marks right after the batch
  std::string then;        // the digest once the right marks are given afterwards
  friend bool operator==(const Outcome&, const Outcome&) = default;
  friend void PrintTo(const Outcome& o, std::ostream* out) {
    *out << o.text() << (o.untouched ? ", untouched" : "") << ", marks " << o.after << ", then "
         << o.then;
  }
};

// A fresh campaign of `entries` entries: `before` recorded, `batch` on `threads`, then
// every mark of `all` not yet recorded.
Outcome mark(std::size_t entries, const std::vector<MarkInput>& before,
             const std::vector<MarkInput>& batch, Threads threads,
             const std::vector<MarkInput>& all) {
  std::vector<JudgeId> judges;
  const auto c = world().campaign(entries, judges);
  if (!before.empty()) c->mark_all(before).value();
  const std::string start = state_of(*c);
  Outcome o{kexie_test::mark_batch(*c, batch, threads)};
  const std::string now = state_of(*c);
  o.untouched = !o.ok && now == start;
  o.after = std::hash<std::string>{}(now);
  // The rest of the table: what neither `before` nor an accepted batch recorded.
  std::set<std::tuple<std::uint32_t, std::uint32_t, std::string>> done;
  for (const MarkInput& m : before) done.insert({m.judge.value(), m.entry.value(), m.indicator});
  if (o.ok) {
    for (const MarkInput& m : batch) done.insert({m.judge.value(), m.entry.value(), m.indicator});
  }
  std::vector<MarkInput> rest;
  for (const MarkInput& m : all) {
    if (!done.contains({m.judge.value(), m.entry.value(), m.indicator})) rest.push_back(m);
  }
  const kexie::Status again = c->mark_all(rest, threads);
  o.then = again ? c->score().value().digest() : "refused: " + again.error().message();
  return o;
}

// The outcome on one thread, and every other `Threads` giving the same.
Outcome everywhere(std::size_t entries, const std::vector<MarkInput>& before,
                   const std::vector<MarkInput>& batch, const std::vector<MarkInput>& all,
                   const std::string& what) {
  const Outcome one = mark(entries, before, batch, Threads{1}, all);
  ThreadTeam two(2), three(3);
  const std::vector<std::pair<std::string, Threads>> others = {{"2 threads", Threads{2}},
                                                               {"3 threads", Threads{3}},
                                                               {"7 threads", Threads{7}},
                                                               {"team of 2", two.threads()},
                                                               {"team of 3", three.threads()}};
  for (const auto& [name, threads] : others) {
    EXPECT_EQ(mark(entries, before, batch, threads, all), one) << what << ", " << name;
  }
  if (!one.ok) {
    EXPECT_TRUE(one.untouched) << what;
  }
  EXPECT_EQ(one.then.rfind("refused", 0), std::string::npos) << what << ": " << one.then;
  return one;
}

// The whole table's digest, recorded plainly.
std::string full_digest(std::size_t entries, const std::vector<MarkInput>& all) {
  std::vector<JudgeId> judges;
  const auto c = world().campaign(entries, judges);
  c->mark_all(all).value();
  return c->score().value().digest();
}

// Judge 4 (slot 3, the middle of each entry's rows) marked everything before; the batch
// gives every other judge's marks in a table's order (entry, indicator, judge), so each
// run of the batch spans judge 4's marks. Refused at its last mark (off step, a repeat,
// judge 4's mark again) it must leave them all; accepted, it must not move them.
TEST(MarksLayoutHostile, RunsSpanningRecordedMarksLeaveThemOnRefusalAndOnSuccess) {
  std::vector<JudgeId> judges;
  (void)world().campaign(1, judges);
  const std::vector<MarkInput> all = kexie_test::all_marks(judges, kEntries);
  const std::string digest = full_digest(kEntries, all);
  std::vector<MarkInput> before, others;
  for (const MarkInput& m : all) (m.judge == judges[3] ? before : others).push_back(m);
  const Outcome ok = everywhere(kEntries, before, others, all, "the other judges");
  EXPECT_TRUE(ok.ok) << ok.message;
  EXPECT_EQ(ok.then, digest);

  std::vector<MarkInput> batch = others;
  batch.back().mark = "50.3"_dec;
  Outcome o = everywhere(kEntries, before, batch, all, "off step at the end");
  EXPECT_EQ(o.failed, batch.size() - 1);
  EXPECT_EQ(o.rule, "panel.mark_step");
  EXPECT_EQ(o.then, digest);

  batch = others;
  batch.back() = batch.front();
  o = everywhere(kEntries, before, batch, all, "a repeat of the first mark at the end");
  EXPECT_EQ(o.failed, batch.size() - 1);
  EXPECT_EQ(o.rule, "panel.mark_unique");
  EXPECT_EQ(o.then, digest);

  batch = others;
  batch.back() = before[before.size() / 2];  // recorded before, in the last part
  o = everywhere(kEntries, before, batch, all, "judge 4's mark again at the end");
  EXPECT_EQ(o.failed, batch.size() - 1);
  EXPECT_NE(o.message.find("already marked"), std::string::npos) << o.message;
  EXPECT_EQ(o.then, digest);

  // A repeat early and judge 4's mark in a middle part: the recorded mark is reported.
  batch = others;
  batch[100] = batch[50];
  batch[batch.size() / 2] = before[before.size() / 2];
  o = everywhere(kEntries, before, batch, all, "a repeat early, judge 4's mark in the middle");
  EXPECT_EQ(o.failed, batch.size() / 2);
  EXPECT_NE(o.message.find("already marked"), std::string::npos) << o.message;
}

// The table without its last 20 marks: the part boundaries for 2, 3 and 4 parts fall
// inside entries. Accepted, the parts record on their threads after moving to entry
// boundaries; a repeat whose two marks straddle a boundary inside one entry is found at
// its second mark; a mark recorded before just past the boundary is reported instead.
TEST(MarksLayoutHostile, RepeatsStraddlingAPartBoundaryInsideOneEntry) {
  std::vector<JudgeId> judges;
  (void)world().campaign(1, judges);
  const std::vector<MarkInput> all = kexie_test::all_marks(judges, kEntries);
  const std::vector<MarkInput> table(all.begin(), all.end() - 20);
  const std::size_t n = table.size(), per = kexie_bench::kMarksPerEntry;
  const Outcome ok = everywhere(kEntries, {}, table, all, "the table less 20 marks");
  ASSERT_TRUE(ok.ok) << ok.message;
  EXPECT_EQ(ok.then, full_digest(kEntries, all));
  for (std::size_t parts : {std::size_t{2}, std::size_t{3}, std::size_t{4}}) {
    const std::size_t b = n * (parts - 1) / parts;  // the last part's first mark
    const std::size_t in_entry = b % per;
    ASSERT_NE(in_entry, 0u) << "boundary " << b << " inside an entry";
    // The later copy past the boundary, the earlier before it, both in b's entry.
    const std::size_t later = std::min(b + 2, b - in_entry + per - 1);
    const std::size_t earlier = std::max(b - 3, b - in_entry);
    ASSERT_EQ(table[earlier].entry, table[later].entry);
    std::vector<MarkInput> batch = table;
    batch[later] = batch[earlier];
    const std::string what = std::to_string(parts) + " parts, boundary " + std::to_string(b);
    Outcome o = everywhere(kEntries, {}, batch, all, "a repeat across " + what);
    EXPECT_EQ(o.failed, later) << what;
    EXPECT_EQ(o.rule, "panel.mark_unique") << what;
    if (parts != 2 || later == b) continue;
    o = everywhere(kEntries, {table[b]}, batch, all, "recorded past " + what);
    EXPECT_EQ(o.failed, b) << what;
    EXPECT_NE(o.message.find("already marked"), std::string::npos) << o.message;
    // Moved to the next entry, the part's second mark repeats the last mark of the part
    // before: the two parts' entries touch, so they must not record on their threads
    // (else the part before, far behind, would find the cell its own and the repeat
    // at its own mark).
    const std::size_t moved = b - in_entry + per;
    batch = table;
    batch[moved + 1] = batch[moved - 1];
    o = everywhere(kEntries, {}, batch, all, "the part before's last entry again after " + what);
    EXPECT_EQ(o.failed, moved + 1) << what;
    EXPECT_EQ(o.rule, "panel.mark_unique") << what;
  }
}

// Entries in descending order (each in a table's order inside) and interleaved (1, 300,
// 2, 299, …): accepted as the plain table; with a repeat late and a mark recorded before
// in the middle, refused where one thread refuses.
TEST(MarksLayoutHostile, DescendingAndInterleavedEntries) {
  std::vector<JudgeId> judges;
  (void)world().campaign(1, judges);
  const std::vector<MarkInput> all = kexie_test::all_marks(judges, kEntries);
  const std::string digest = full_digest(kEntries, all);
  const std::size_t per = kexie_bench::kMarksPerEntry;
  const auto of_entry = [&](std::size_t e) {
    return std::vector<MarkInput>(all.begin() + static_cast<std::ptrdiff_t>(e * per),
                                  all.begin() + static_cast<std::ptrdiff_t>((e + 1) * per));
  };
  std::vector<MarkInput> descending, interleaved;
  for (std::size_t e = kEntries; e-- > 0;) {
    for (const MarkInput& m : of_entry(e)) descending.push_back(m);
  }
  for (std::size_t k = 0; k < kEntries / 2; ++k) {
    for (std::size_t e : {k, kEntries - 1 - k}) {
      for (const MarkInput& m : of_entry(e)) interleaved.push_back(m);
    }
  }
  for (const auto& [name, batch] :
       {std::pair{"descending", descending}, std::pair{"interleaved", interleaved}}) {
    const Outcome ok = everywhere(kEntries, {}, batch, all, name);
    EXPECT_TRUE(ok.ok) << name << ": " << ok.message;
    EXPECT_EQ(ok.then, digest) << name;
    std::vector<MarkInput> b = batch;
    b[15'000] = b[2'000];
    Outcome o = everywhere(kEntries, {}, b, all, std::string(name) + ", a repeat");
    EXPECT_EQ(o.failed, 15'000u) << name;
    EXPECT_EQ(o.rule, "panel.mark_unique") << name;
    o = everywhere(kEntries, {batch[9'000]}, b, all,
                   std::string(name) + ", recorded in the middle");
    EXPECT_EQ(o.failed, 9'000u) << name;
    EXPECT_NE(o.message.find("already marked"), std::string::npos) << o.message;
  }
}

// Batches just large enough for 2 and 3 parts (4 096 marks a part) in which a whole part
// only continues the entry the part before ends with (the same entry's 56 marks over
// and over, which only repeats can do): that part holds no marks of its own once moved
// to an entry boundary. Refused at the first repeat; a mark recorded before in the part
// after it is reported first; entries of the first part again after it are repeats.
TEST(MarksLayoutHostile, APartThatOnlyContinuesTheEntryBeforeIt) {
  std::vector<JudgeId> judges;
  (void)world().campaign(1, judges);
  constexpr std::size_t kFew = 200;
  const std::vector<MarkInput> all = kexie_test::all_marks(judges, kFew);
  const std::size_t per = kexie_bench::kMarksPerEntry;
  const std::size_t head = 4096 / per * per;  // 73 entries, 4 088 marks
  const auto build = [&](std::size_t n, std::size_t continued, std::size_t tail_from) {
    std::vector<MarkInput> out(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(head));
    for (std::size_t k = 0; k < continued; ++k) out.push_back(all[head + k % per]);
    for (std::size_t k = 0; out.size() < n; ++k) out.push_back(all[tail_from + k]);
    return out;
  };
  const std::size_t first_repeat = head + per;
  // Two parts of 4 096: the second is entry 74's marks again and again.
  std::vector<MarkInput> batch = build(8192, 8192 - head, 0);
  Outcome o = everywhere(kFew, {}, batch, all, "2 parts, the second one entry");
  EXPECT_EQ(o.failed, first_repeat);
  EXPECT_EQ(o.rule, "panel.mark_unique");
  // Three parts: the middle one is entry 74's, the last one entries 75 … in order.
  const std::size_t tail = 8200;  // where the entries after entry 74 start
  batch = build(12'288, 8200 - head, head + per);
  ASSERT_EQ(batch[tail].entry.value(), 75u);
  o = everywhere(kFew, {}, batch, all, "3 parts, the middle one entry");
  EXPECT_EQ(o.failed, first_repeat);
  EXPECT_EQ(o.rule, "panel.mark_unique");
  // …with a mark recorded before in the last part: reported before the repeats.
  o = everywhere(kFew, {batch[tail + 1'000]}, batch, all, "3 parts, recorded in the last");
  EXPECT_EQ(o.failed, tail + 1'000);
  EXPECT_NE(o.message.find("already marked"), std::string::npos) << o.message;
  // Three parts of about 10 000 (3 threads): entries 1 … 178, then entry 179 again
  // and again, then entries 178 down to 1 again. The middle part holds no marks, so the
  // first and the last part are neighbours whose entries overlap: on their threads, the
  // last would mark entry 178 pending before the first reaches it (9 912 marks on), and
  // the first would report a repeat there, before its own first one.
  {
    const std::size_t lead = 10'000 / per * per, back = lead + 180 * per;
    std::vector<MarkInput> b(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(lead));
    while (b.size() < back) b.push_back(all[lead + b.size() % per]);
    for (std::size_t k = 0; k < lead; ++k)
      b.push_back(all[(lead / per - 1 - k / per) * per + k % per]);
    ASSERT_EQ(b[back].entry.value(), lead / per);
    o = everywhere(kFew, {}, b, all, "3 parts, the last repeating the first backwards");
    EXPECT_EQ(o.failed, lead + per);
    EXPECT_EQ(o.rule, "panel.mark_unique");
  }
  // …and an off-step mark in the continued part: reported before any repeat.
  batch = build(12'288, 8200 - head, head + per);
  batch[6'000].mark = "50.3"_dec;
  o = everywhere(kFew, {}, batch, all, "3 parts, off step in the middle one");
  EXPECT_EQ(o.failed, 6'000u);
  EXPECT_EQ(o.rule, "panel.mark_step");
}

}  // namespace
