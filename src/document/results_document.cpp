// kexie.results/1: the scoreboard as a canonical document, written value by value
// through the one JSON writer (detail/json_writer.hpp): no tree of the whole
// document is built, so a board of 100 000 entries costs its text and no more.
#include <algorithm>
#include <array>
#include <charconv>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "detail/json_writer.hpp"
#include "kexie/agreement.hpp"
#include "kexie/explain.hpp"
#include "kexie/report_agreement.hpp"
#include "kexie/results_document.hpp"

namespace kexie {
inline namespace v1 {

namespace {

using detail::JsonWriter;

constexpr std::string_view kFormat = "kexie.results/1";

void dec(JsonWriter& w, std::string_view key, const Decimal& d) {
  w.key(key);
  w.string(d.to_string());
}

void opt_dec(JsonWriter& w, std::string_view key, const std::optional<Decimal>& d) {
  w.key(key);
  if (d)
    w.string(d->to_string());
  else
    w.null();
}

void text(JsonWriter& w, std::string_view key, std::string_view s) {
  w.key(key);
  w.string(s);
}

void count(JsonWriter& w, std::string_view key, std::uint64_t n) {
  w.key(key);
  w.integer(static_cast<std::int64_t>(n));
}

void strings(JsonWriter& w, std::string_view key, const std::vector<std::string>& list) {
  w.key(key);
  w.begin_array();
  for (const std::string& s : list) w.string(s);
  w.end_array();
}

// Kendall's W of each judged indicator of each category.
// `shared`, when given, holds the figures already computed (panel_agreement); an
// indicator it lacks is computed here as without it.
void agreement(JsonWriter& w, const Campaign& campaign, const Scoreboard& board,
               const PanelAgreement* shared) {
  w.key("agreement");
  w.begin_array();
  std::vector<JudgeId> judges;
  for (std::uint32_t j = 1; j <= campaign.judge_count(); ++j) judges.push_back(JudgeId{j});
  // Each category's entries in board order, from one pass over the table.
  std::array<std::vector<EntryId>, kCategoryCount> of_category;
  for (const EntryResult& r : board.entries) {
    of_category[static_cast<std::size_t>(r.category)].push_back(r.entry);
  }
  for (Category c : enum_values<Category>()) {
    const auto rubric = campaign.rubric(c);
    if (!rubric) continue;
    const std::vector<EntryId>& entries = of_category[static_cast<std::size_t>(c)];
    if (entries.empty()) continue;
    for (std::uint32_t i : rubric->judged()) {
      const Indicator& ind = rubric->indicators()[i];
      w.begin_object();
      text(w, "category", enum_name(c));
      text(w, "indicator", ind.code);
      text(w, "missing", enum_name(MissingMarks::drop_entries));
      const IndicatorAgreement* known = shared != nullptr ? shared->find(c, i) : nullptr;
      Result<KendallW> kw = known != nullptr ? known->by_entries : [&]() -> Result<KendallW> {
        auto marks = campaign.panel_marks(ind.code, judges, entries);
        if (!marks) return marks.error();
        return kendall_w(*marks, {.missing = MissingMarks::drop_entries});
      }();
      const auto number = [&w](std::string_view key, double x) {
        w.key(key);
        char buf[32];
        const auto end = std::to_chars(buf, buf + sizeof buf, x).ptr;
        w.raw(std::string_view(buf, static_cast<std::size_t>(end - buf)));
      };
      if (kw) {
        count(w, "judges", kw->judges);
        count(w, "entries", kw->entries);
        number("kendall_w", kw->w);
        number("chi_squared", kw->chi_squared);
        count(w, "df", kw->df);
        number("p_value", kw->p_value);
        w.key("note");
        w.null();
      } else {
        for (std::string_view key :
             {"judges", "entries", "kendall_w", "chi_squared", "df", "p_value"}) {
          w.key(key);
          w.null();
        }
        text(w, "note", kw.error().message());
      }
      w.end_object();
    }
  }
  w.end_array();
}

// The lowest total that received each tier, per ranking group (a category, or the
// whole campaign when it ranks all entries together): the bar for the tier above.
class TierBars {
 public:
  TierBars(const Campaign& campaign, const Scoreboard& board)
      : per_category_(campaign.spec().rank_per_category),
        tiers_(campaign.spec().awards.tiers.size()) {
    for (const EntryResult& r : board.entries) {
      if (!r.tier || *r.tier >= tiers_) continue;
      auto& bars = bars_[group(r.category)];
      if (bars.empty()) bars.resize(tiers_);
      auto& bar = bars[*r.tier];
      if (!bar || r.total < *bar) bar = r.total;
    }
  }

  // The lowest total awarded `tier` in the group of `category`, if any entry got it.
  [[nodiscard]] std::optional<Decimal> bar(Category category, std::size_t tier) const {
    const auto it = bars_.find(group(category));
    if (it == bars_.end() || tier >= it->second.size()) return std::nullopt;
    return it->second[tier];
  }

 private:
  [[nodiscard]] int group(Category c) const { return per_category_ ? static_cast<int>(c) : -1; }
  bool per_category_;
  std::size_t tiers_;
  std::map<int, std::vector<std::optional<Decimal>>> bars_;
};

// Why the entry has its tier (or none), and the tier above it: its name, the
// lowest total that received it in the entry's ranking group, and how far short
// the entry's total is (0 when it lost on the tie-break chain or the tier's count).
void tier_reason(JsonWriter& w, const Campaign& campaign, const EntryResult& r,
                 const TierBars& bars) {
  std::string_view reason = "no_award";
  if (r.status == EntryStatus::incomplete) {
    reason = "incomplete";
  } else if (r.status == EntryStatus::vetoed) {
    reason = "vetoed";
  } else if (r.tier) {
    reason = "awarded";
  }
  text(w, "reason", reason);
  const auto& tiers = campaign.spec().awards.tiers;
  std::optional<std::size_t> next;
  if (r.status == EntryStatus::ranked) {
    if (r.tier && *r.tier > 0) next = *r.tier - 1;
    if (!r.tier && !tiers.empty()) next = tiers.size() - 1;
  }
  w.key("next_tier");
  if (!next) {
    w.null();
    return;
  }
  w.begin_object();
  text(w, "tier", tiers[*next].name);
  const auto bar = bars.bar(r.category, *next);
  opt_dec(w, "lowest_awarded", bar);
  opt_dec(w, "short_by",
          bar ? std::optional<Decimal>(*bar > r.total ? *bar - r.total : Decimal{}) : std::nullopt);
  w.end_object();
}

// The summary of an explanation: each indicator's value, weight (or points) and
// contribution with how many marks it had and how many the aggregation dropped.
void summary(JsonWriter& w, const Campaign& campaign, const EntryResult& r, const Explanation& x,
             const TierBars& bars) {
  text(w, "rubric", x.rubric);
  text(w, "aggregation", enum_name(x.aggregation.method));
  w.key("normalized");
  w.boolean(x.normalized);
  opt_dec(w, "full_score", x.full_score);
  w.key("lines");
  w.begin_array();
  for (const IndicatorLine& l : x.lines) {
    w.begin_object();
    text(w, "code", l.code);
    text(w, "kind", enum_name(l.kind));
    opt_dec(w, "value", l.value);
    dec(w, "weight", l.weight);
    opt_dec(w, "points", l.points);
    dec(w, "contribution", l.contribution);
    count(w, "marks", l.marks.size());
    count(w, "dropped",
          static_cast<std::uint64_t>(std::count_if(l.marks.begin(), l.marks.end(),
                                                   [](const JudgeMark& m) { return m.dropped; })));
    w.end_object();
  }
  w.end_array();
  count(w, "vetoes", x.vetoes.size());
  tier_reason(w, campaign, r, bars);
}

}  // namespace

namespace {

// The document through `w`; after each entry, when `sink` is given and more than a
// few megabytes are settled, they go to `sink` (the text never has to be whole).
Status write_results(JsonWriter& w, const Campaign& campaign, const Scoreboard& board,
                     const RegistryCodes& codes, const ResultsOptions& options,
                     const std::function<void(std::string_view)>* sink) {
  constexpr std::size_t kPiece = std::size_t{2} << 20;  // 2 MiB
  std::map<OrgId, std::string> org_code;
  std::map<PersonId, std::string> person_code;
  for (const auto& [c, id] : codes.organizations) org_code.emplace(id, c);
  for (const auto& [c, id] : codes.people) person_code.emplace(id, c);
  const auto oc = [&](std::string_view key, OrgId id) {
    const auto it = org_code.find(id);
    text(w, key, it != org_code.end() ? it->second : to_string(id));
  };
  const auto pc = [&](PersonId id) {
    const auto it = person_code.find(id);
    w.string(it != person_code.end() ? it->second : to_string(id));
  };
  std::map<EntryId, std::string_view> entry_code;  // views into the board's table
  for (std::size_t k = 0; k < board.entries.size(); ++k) {
    const EntryId e = board.entries.entry(k);
    entry_code.emplace(e, board.entries.code(e));
  }
  const auto ec = [&](EntryId id) {
    const auto it = entry_code.find(id);
    if (it != entry_code.end())
      w.string(it->second);
    else
      w.string(to_string(id));
  };
  const auto judge = [&](JudgeId j) {
    const auto p = campaign.judge_person(j);
    if (p)
      pc(*p);
    else
      w.string(to_string(j));
  };
  const bool full = options.explanations == ResultsExplanations::full;
  const TierBars bars(campaign, board);

  w.begin_object();
  text(w, "format", kFormat);
  text(w, "explanations", enum_name(options.explanations));
  text(w, "campaign", campaign.spec().name);
  text(w, "digest", board.digest());
  w.key("tiers");
  w.begin_array();
  for (const AwardTier& t : campaign.spec().awards.tiers) w.string(t.name);
  w.end_array();
  w.key("entries");
  w.begin_array();
  for (const EntryResult& r : board.entries) {
    auto x = explain(campaign, board, r);  // r itself: no search of the board per entry
    if (!x) return x.error();
    w.begin_object();
    text(w, "code", r.code);
    text(w, "title", x->title);
    oc("unit", r.unit);
    oc("enterprise", r.enterprise);
    text(w, "category", enum_name(r.category));
    text(w, "status", enum_name(r.status));
    dec(w, "total", r.total);
    dec(w, "judged_part", r.judged_part);
    dec(w, "objective_part", r.objective_part);
    dec(w, "bonus", r.bonus);
    count(w, "rank", r.rank);
    count(w, "position", r.position);
    w.key("tier");
    if (r.tier)
      w.integer(*r.tier);
    else
      w.null();
    text(w, "award", r.award);
    opt_dec(w, "prize", r.prize);
    w.key("explanation");
    w.begin_object();
    if (sink != nullptr && w.settled() > kPiece) (*sink)(w.take_settled());
    if (!full) {
      summary(w, campaign, r, *x, bars);
      w.end_object();
      w.end_object();
      continue;
    }
    text(w, "rubric", x->rubric);
    text(w, "aggregation", enum_name(x->aggregation.method));
    w.key("normalized");
    w.boolean(x->normalized);
    opt_dec(w, "full_score", x->full_score);
    w.key("lines");
    w.begin_array();
    for (const IndicatorLine& l : x->lines) {
      w.begin_object();
      text(w, "code", l.code);
      text(w, "name", l.name);
      text(w, "kind", enum_name(l.kind));
      text(w, "method", enum_name(l.method));
      opt_dec(w, "value", l.value);
      dec(w, "weight", l.weight);
      dec(w, "contribution", l.contribution);
      text(w, "figure", l.figure);
      w.key("band");
      if (l.band) {
        w.begin_object();
        dec(w, "at_least", l.band->at_least);
        dec(w, "min", l.band->min);
        dec(w, "max", l.band->max);
        w.end_object();
      } else {
        w.null();
      }
      opt_dec(w, "points", l.points);
      w.key("marks");
      w.begin_array();
      for (const JudgeMark& m : l.marks) {
        w.begin_object();
        w.key("judge");
        judge(m.judge);
        dec(w, "mark", m.mark);
        opt_dec(w, "normalized", m.normalized);
        w.key("dropped");
        w.boolean(m.dropped);
        w.end_object();
      }
      w.end_array();
      w.end_object();
    }
    w.end_array();
    strings(w, "conversions", x->conversions);
    strings(w, "vetoes", x->vetoes);
    text(w, "co2", x->co2);
    text(w, "prize", x->prize);
    strings(w, "citations", x->citations);
    tier_reason(w, campaign, r, bars);
    w.key("text");
    w.begin_object();
    text(w, "zh", to_text(*x, Language::chinese));
    text(w, "en", to_text(*x, Language::english));
    w.end_object();
    w.end_object();
    w.end_object();
  }
  w.end_array();
  w.key("advanced_units");
  w.begin_array();
  for (const AdvancedUnit& u : board.units) {
    w.begin_object();
    oc("unit", u.unit);
    count(w, "entries", u.entries);
    count(w, "awarded", u.awarded);
    dec(w, "awarded_total", u.awarded_total);
    dec(w, "participation_rate", u.participation_rate);
    dec(w, "tce_saved", u.tce_saved);
    w.end_object();
  }
  w.end_array();
  w.key("advanced_individuals");
  w.begin_array();
  for (const AdvancedIndividual& p : board.people) {
    w.begin_object();
    w.key("person");
    pc(p.person);
    count(w, "best_tier", p.best_tier);
    dec(w, "credit", p.credit);
    w.key("entries");
    w.begin_array();
    for (EntryId id : p.entries) ec(id);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("cusps");
  w.begin_array();
  for (const Cusp& c : board.cusps) {
    w.begin_object();
    w.key("entry");
    ec(c.entry);
    count(w, "tier", c.tier);
    dec(w, "boundary", c.boundary);
    dec(w, "distance", c.distance);
    w.end_object();
  }
  w.end_array();
  agreement(w, campaign, board, options.agreement);
  w.end_object();
  return {};
}

}  // namespace

Result<std::string> write_results_document(const Campaign& campaign, const Scoreboard& board,
                                           const RegistryCodes& codes,
                                           const ResultsOptions& options) {
  JsonWriter w(JsonWriter::Layout::canonical);
  if (Status done = write_results(w, campaign, board, codes, options, nullptr); !done)
    return done.error();
  return w.finish();
}

Status write_results_document(const Campaign& campaign, const Scoreboard& board,
                              const RegistryCodes& codes, const ResultsOptions& options,
                              const std::function<void(std::string_view)>& sink) {
  JsonWriter w(JsonWriter::Layout::canonical);
  if (Status done = write_results(w, campaign, board, codes, options, &sink); !done) return done;
  sink(w.take_settled());
  sink(w.finish());
  return {};
}

}  // namespace v1
}  // namespace kexie
