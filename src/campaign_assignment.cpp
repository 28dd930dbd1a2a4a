// Judge assignment as a min-cost flow (assignment.hpp). A source feeds every
// judge up to their load range, each judge feeds the entries no hard rule keeps
// them off (one unit per pair, the pair's cost on the arc), and every entry
// drains exactly the judges it still needs into the sink. Spreading over
// organizations goes through one node per (entry, organization) with two arcs to
// the entry: the first judge free, every further one at the spread cost (or no
// further arc when spreading is a hard rule). Hard rules are decided by
// `detail::assignment_rules`, the predicate `Campaign::assign` runs.
//
// The solver is LEMON's network simplex (liblemon-dev): on the benchmark instance
// (10 000 entries × 500 judges, 5 M pairs) it solves in under two seconds, while
// Boost.Graph's successive shortest paths needed over two minutes on a fifth of it;
// it also takes lower bounds and exact supplies, which the load ranges need. Costs
// are integers; ties are broken by a seeded jitter smaller than one unit of cost
// summed over the whole assignment, so the seed never trades away optimality.
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "campaign_state.hpp"
#include "detail/conflict.hpp"
#include "detail/int128.hpp"
#include "kexie/assignment.hpp"
#include "kexie/registry.hpp"

namespace kexie {
inline namespace v1 {

namespace {

using detail::CampaignImpl;
using detail::EntryRecord;
using detail::JudgeFacts;

using Graph = lemon::SmartDigraph;
using Flow = lemon::NetworkSimplex<Graph, std::int64_t, std::int64_t>;

constexpr std::uint64_t kJitter = 16;

// The proposer's own hard rules, named in exclusions only (never refused as an Error).
struct ExclusionRule {
  const char* id;
};
constexpr ExclusionRule kUnavailable{"assignment.unavailable"};
constexpr ExclusionRule kOrgSpread{
    "assignment.org_spread"};  // tie-breaking values per pair: 0 .. kJitter - 1

// SplitMix64: a fixed, portable mix of the seed and the pair.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A judge no hard rule keeps off an entry, and what the pair costs.
struct Candidate {
  std::uint32_t judge = 0;   // index into Model::judges
  std::int64_t cost = 0;     // expertise and availability, in cost units
  std::uint64_t hash = 0;    // of the seed and the pair: the pruning draw
  std::uint64_t jitter = 0;  // hash % kJitter: the tie-break inside the flow
};

// Everything the proposer, its diagnosis and assignment_cost read, gathered once.
struct Model {
  const CampaignImpl* s = nullptr;
  const AssignmentOptions* options = nullptr;
  std::uint32_t target = 0;  // judges per entry
  std::vector<JudgeFacts> judges;
  std::vector<OrgId> org;                 // per judge: the organization counted for spread
  std::vector<std::uint32_t> existing;    // per judge: entries already assigned
  std::vector<std::uint32_t> lo, hi;      // per judge: load range (kept pairs included)
  std::vector<std::uint32_t> entry_cost;  // per judge: declared availability cost
  std::vector<bool> unavailable;          // per judge: declared max 0
  std::uint32_t balanced_lo = 0, balanced_hi = 0;

  [[nodiscard]] std::int64_t pair_cost(std::uint32_t j, const EntryRecord& e) const {
    const bool expert = detail::names_category(judges[j].listings, e.spec.category);
    return (expert ? 0 : std::int64_t{options->expertise_cost}) + entry_cost[j];
  }
  [[nodiscard]] std::uint32_t need(const EntryRecord& e) const {
    return e.judges.size() >= target ? 0 : target - static_cast<std::uint32_t>(e.judges.size());
  }
};

Error bad_option(std::string what) {
  return Error(ErrorCode::invalid_argument, "assignment options: " + std::move(what));
}

// The model of `s` under `o`: options checked, judge facts and load ranges computed.
Result<Model> build_model(const CampaignImpl& s, const AssignmentOptions& o) {
  Model m;
  m.s = &s;
  m.options = &o;
  const PanelRules& panel = s.spec.panel;
  m.target = o.judges_per_entry == 0 ? panel.min_judges : o.judges_per_entry;
  if (m.target < panel.min_judges || m.target > panel.max_judges_per_entry) {
    return bad_option(std::to_string(m.target) + " judges per entry is outside the panel's " +
                      std::to_string(panel.min_judges) + ".." +
                      std::to_string(panel.max_judges_per_entry));
  }
  if (o.load && o.load->min > o.load->max) {
    return bad_option("the load range " + std::to_string(o.load->min) + ".." +
                      std::to_string(o.load->max) + " is empty");
  }
  const std::size_t n = s.judges.size();
  const Registry& reg = *s.registry;
  const Date on = s.spec.as_of;
  m.existing.assign(n, 0);
  m.entry_cost.assign(n, 0);
  m.unavailable.assign(n, false);
  std::vector<const JudgeAvailability*> declared(n, nullptr);
  for (const JudgeAvailability& a : o.availability) {
    if (!a.judge.ok() || a.judge.value() > n) {
      return bad_option("availability for " + to_string(a.judge) + ", not a judge of the panel");
    }
    const JudgeAvailability*& slot = declared[a.judge.value() - 1];
    if (slot != nullptr) return bad_option(to_string(a.judge) + " declares availability twice");
    if (a.min_load > a.max_load) {
      return bad_option(to_string(a.judge) + " declares a minimum load above its maximum");
    }
    slot = &a;
  }
  m.judges.reserve(n);
  for (std::size_t j = 0; j < n; ++j) {
    const JudgeId id{static_cast<std::uint32_t>(j + 1)};
    const PersonId person = s.judges[j];
    m.judges.push_back(detail::judge_facts(s, id, person, true));
    const OrgId employer = reg.person(person).value().employer;
    m.org.push_back(detail::enterprise_of(reg, employer, on).value_or(employer));
    if (declared[j] != nullptr) {
      m.entry_cost[j] = declared[j]->cost_per_entry;
      m.unavailable[j] = declared[j]->max_load == 0;
    }
  }
  std::uint64_t needed = 0;  // seats still to fill
  for (const EntryRecord& e : s.entries) {
    for (JudgeId j : e.judges) ++m.existing[j.value() - 1];
    needed += m.need(e);
  }
  // Balanced by default: the new seats are poured onto the available judges as water
  // fills a vessel, levelling their loads (kept pairs included). `balanced_lo` is the
  // highest level the needed seats fill for everyone, `balanced_hi` the lowest level
  // that holds them all; with no kept pairs these are ⌊seats ÷ judges⌋ and ⌈…⌉, and a
  // judge already above the level keeps their entries and takes no new one.
  const auto poured = [&](std::uint64_t level) {
    std::uint64_t sum = 0;
    for (std::size_t j = 0; j < n; ++j) {
      if (!m.unavailable[j] && level > m.existing[j]) sum += level - m.existing[j];
    }
    return sum;
  };
  const bool any_available = std::count(m.unavailable.begin(), m.unavailable.end(), false) > 0;
  if (any_available) {
    std::uint64_t lo = 0, hi = needed + s.entries.size();  // poured(hi) >= needed
    while (lo < hi) {  // the lowest level that holds every needed seat
      const std::uint64_t mid = lo + (hi - lo) / 2;
      if (poured(mid) >= needed)
        hi = mid;
      else
        lo = mid + 1;
    }
    m.balanced_hi = static_cast<std::uint32_t>(lo);
    m.balanced_lo = poured(lo) == needed ? m.balanced_hi : m.balanced_hi - 1;
  }
  const std::uint32_t all_lo = o.load ? o.load->min : m.balanced_lo;
  const std::uint32_t all_hi = o.load ? o.load->max : m.balanced_hi;
  for (std::size_t j = 0; j < n; ++j) {
    if (declared[j] != nullptr) {
      m.lo.push_back(declared[j]->min_load);
      m.hi.push_back(declared[j]->max_load);
    } else if (o.load) {
      m.lo.push_back(all_lo);
      m.hi.push_back(all_hi);
    } else {  // balanced: nobody is asked to give up or exceed what they already have
      m.lo.push_back(std::max(all_lo, m.existing[j]));
      m.hi.push_back(std::max(all_hi, m.existing[j]));
    }
  }
  return m;
}

// The hard rules for every entry: candidates (cost order not implied) and exclusions.
struct EntryCandidates {
  std::vector<Candidate> candidates;
  std::vector<Exclusion> excluded;
};

EntryCandidates candidates_of(const Model& m, std::uint32_t entry_index) {
  const CampaignImpl& s = *m.s;
  const EntryRecord& e = s.entries[entry_index];
  EntryCandidates out;
  std::vector<OrgId> kept_orgs;
  for (JudgeId k : e.judges) kept_orgs.push_back(m.org[k.value() - 1]);
  for (std::uint32_t j = 0; j < m.judges.size(); ++j) {
    const JudgeId id{j + 1};
    if (std::binary_search(e.judges.begin(), e.judges.end(), id)) continue;  // kept
    if (m.unavailable[j]) {
      out.excluded.push_back(
          {id, kUnavailable.id, to_string(id) + " declared no availability (maximum load 0)"});
      continue;
    }
    if (Status ok = detail::assignment_rules(s, e, m.judges[j]); !ok) {
      out.excluded.push_back({id, ok.error().rule(), ok.error().message()});
      continue;
    }
    if (m.options->spread_required &&
        std::find(kept_orgs.begin(), kept_orgs.end(), m.org[j]) != kept_orgs.end()) {
      out.excluded.push_back({id, kOrgSpread.id,
                              to_string(id) + " is from " + to_string(m.org[j]) +
                                  ", which already has a judge on entry \"" + e.spec.code + "\""});
      continue;
    }
    const std::uint64_t key = (std::uint64_t{j + 1} << 32) | (std::uint64_t{entry_index} + 1);
    const std::uint64_t hash = mix(m.options->seed ^ mix(key));
    out.candidates.push_back({j, m.pair_cost(j, e), hash, hash % kJitter});
  }
  return out;
}

// One candidate arc of the flow network, to read its flow back.
struct PairArc {
  Graph::Arc arc;
  std::uint32_t judge = 0;
  std::uint32_t entry = 0;
};

// The flow network. `diagnose` drops the judges' lower bounds and lets every entry
// take its judges from a shortfall arc, so a solution always exists and the fewest
// shortfalls name what cannot be met.
struct Network {
  Graph g;
  Graph::ArcMap<std::int64_t> lower{g}, upper{g}, cost{g};
  Graph::NodeMap<std::int64_t> supply{g};
  std::vector<PairArc> pairs;
  std::vector<Graph::Arc> judge_arc;  // diagnose: the reward arc of each judge
  std::vector<std::pair<Graph::Arc, std::uint32_t>> shortfall;  // diagnose: (arc, entry)

  Graph::Arc arc(Graph::Node a, Graph::Node b, std::int64_t lo, std::int64_t up, std::int64_t c) {
    Graph::Arc x = g.addArc(a, b);
    lower[x] = lo;
    upper[x] = up;
    cost[x] = c;
    return x;
  }
};

// Builds the network over `cands` (per entry); `scale` multiplies domain costs
// above the jitter (1 in diagnose mode, where only shortfalls cost).
void build_network(Network& net, const Model& m, const std::vector<EntryCandidates>& cands,
                   std::int64_t scale, bool diagnose) {
  const CampaignImpl& s = *m.s;
  const AssignmentOptions& o = *m.options;
  Graph& g = net.g;
  std::size_t arcs = m.judges.size() * 2;
  for (const EntryCandidates& c : cands) arcs += c.candidates.size() * 2 + 3;
  g.reserveArc(static_cast<int>(std::min<std::size_t>(arcs, std::numeric_limits<int>::max())));
  const Graph::Node src = g.addNode();
  const Graph::Node sink = g.addNode();
  std::int64_t seats = 0;
  for (const EntryRecord& e : s.entries) seats += m.need(e);
  net.supply[src] = seats;
  net.supply[sink] = -seats;
  std::vector<Graph::Node> judge_node;
  for (std::uint32_t j = 0; j < m.judges.size(); ++j) {
    judge_node.push_back(g.addNode());
    const std::int64_t lo = m.lo[j] > m.existing[j] ? m.lo[j] - m.existing[j] : 0;
    const std::int64_t hi = m.hi[j] > m.existing[j] ? m.hi[j] - m.existing[j] : 0;
    if (m.unavailable[j]) continue;
    if (diagnose) {
      // Each unit up to the minimum load earns 1, so unmet minimums show as unused reward.
      net.judge_arc.push_back(net.arc(src, judge_node[j], 0, std::min(lo, hi), -1));
      if (hi > lo) net.arc(src, judge_node[j], 0, hi - lo, 0);
    } else {
      net.arc(src, judge_node[j], std::min(lo, hi), hi, 0);
    }
  }
  const bool spread = o.spread_required || o.spread_cost > 0;
  const std::int64_t spread_units = diagnose ? 0 : std::int64_t{o.spread_cost} * scale;
  std::map<std::uint32_t, std::vector<const Candidate*>> by_org;  // org id → candidates
  for (std::uint32_t i = 0; i < s.entries.size(); ++i) {
    const EntryRecord& e = s.entries[i];
    const std::uint32_t need = m.need(e);
    if (need == 0) continue;
    const Graph::Node en = g.addNode();
    net.arc(en, sink, need, need, 0);
    if (diagnose) net.shortfall.emplace_back(net.arc(src, en, 0, need, 2), i);
    auto pair_units = [&](const Candidate& c) {
      return diagnose ? std::int64_t{0} : c.cost * scale + static_cast<std::int64_t>(c.jitter);
    };
    auto pair_arc = [&](const Candidate& c, Graph::Node to, std::int64_t extra) {
      net.pairs.push_back(
          {net.arc(judge_node[c.judge], to, 0, 1, pair_units(c) + extra), c.judge, i});
    };
    if (!spread) {
      for (const Candidate& c : cands[i].candidates) pair_arc(c, en, 0);
      continue;
    }
    by_org.clear();
    for (const Candidate& c : cands[i].candidates) by_org[m.org[c.judge].value()].push_back(&c);
    for (const auto& [org_id, group] : by_org) {
      const std::uint32_t org = org_id;  // a structured binding cannot be captured in C++20
      const auto kept =
          static_cast<std::int64_t>(std::count_if(e.judges.begin(), e.judges.end(), [&](JudgeId k) {
            return m.org[k.value() - 1].value() == org;
          }));
      if (group.size() == 1 && !o.spread_required) {
        pair_arc(*group.front(), en, kept > 0 ? spread_units : 0);
        continue;
      }
      const Graph::Node gn = g.addNode();
      for (const Candidate* c : group) pair_arc(*c, gn, 0);
      if (kept == 0) net.arc(gn, en, 0, 1, 0);
      const auto further = static_cast<std::int64_t>(group.size()) - (kept == 0 ? 1 : 0);
      if (!o.spread_required && further > 0) net.arc(gn, en, 0, further, spread_units);
    }
  }
}

// The spread cost of one entry's judges: every judge beyond the first of an organization.
std::int64_t spread_cost(const Model& m, const std::vector<std::uint32_t>& judges) {
  std::map<std::uint32_t, std::int64_t> count;
  for (std::uint32_t j : judges) ++count[m.org[j].value()];
  std::int64_t extra = 0;
  for (const auto& [org, n] : count) extra += n - 1;
  return extra * m.options->spread_cost;
}

std::string list_judges(const std::vector<JudgeId>& ids, std::size_t most = 5) {
  std::string out;
  for (std::size_t i = 0; i < ids.size() && i < most; ++i)
    out += (i ? ", " : "") + to_string(ids[i]);
  if (ids.size() > most) out += ", …";
  return out;
}

// Why no assignment meets the hard rules, from the fewest-shortfalls flow.
Error explain_infeasible(const Model& m, const std::vector<EntryCandidates>& cands) {
  Network net;
  build_network(net, m, cands, 1, true);
  Flow flow(net.g);
  flow.lowerMap(net.lower).upperMap(net.upper).costMap(net.cost).supplyMap(net.supply);
  const Flow::ProblemType solved = flow.run();
  std::vector<std::string> lines;
  std::size_t short_entries = 0, short_judges = 0;
  if (solved == Flow::OPTIMAL) {
    for (const auto& [arc, i] : net.shortfall) {
      const std::int64_t missing = flow.flow(arc);
      if (missing == 0) continue;
      ++short_entries;
      if (lines.size() >= 10) continue;
      const EntryRecord& e = m.s->entries[i];
      const std::uint32_t need = m.need(e);
      std::map<std::string, std::vector<JudgeId>> by_rule;
      for (const Exclusion& x : cands[i].excluded) by_rule[x.rule].push_back(x.judge);
      std::string line = "entry \"" + e.spec.code + "\" can get " + std::to_string(need - missing) +
                         " of the " + std::to_string(need) + " judges it still needs; " +
                         std::to_string(cands[i].candidates.size()) + " eligible";
      for (const auto& [rule, ids] : by_rule) {
        line += ", " + std::to_string(ids.size()) + " excluded by " + rule + " (" +
                list_judges(ids) + ")";
      }
      if (cands[i].candidates.size() >= need) {
        line += "; the load ranges of its eligible judges leave no room for it";
      } else if (m.options->spread_required) {
        line += " (at most one per organization, assignment.org_spread)";
      }
      lines.push_back(std::move(line));
    }
    for (std::uint32_t k = 0, j = 0; j < m.judges.size(); ++j) {
      if (m.unavailable[j]) continue;
      const Graph::Arc reward = net.judge_arc[k++];
      const std::int64_t wanted = net.upper[reward];
      const std::int64_t got = flow.flow(reward);
      if (got >= wanted) continue;
      ++short_judges;
      if (lines.size() >= 10) continue;
      std::size_t eligible = 0;
      for (const EntryCandidates& c : cands) {
        for (const Candidate& x : c.candidates) eligible += x.judge == j ? 1 : 0;
      }
      lines.push_back(to_string(JudgeId{j + 1}) + " can take " + std::to_string(got) +
                      " of the at least " + std::to_string(wanted) +
                      " new entries of their minimum load " + std::to_string(m.lo[j]) +
                      "; eligible for " + std::to_string(eligible) + " entries");
    }
  }
  std::string msg = "no assignment meets the hard rules";
  if (lines.empty()) {
    msg += " (the minimum loads and the judges entries need cannot both be met)";
  } else {
    msg += ": " + std::to_string(short_entries) + " entr" + (short_entries == 1 ? "y" : "ies") +
           " short of judges, " + std::to_string(short_judges) + " judge" +
           (short_judges == 1 ? "" : "s") + " short of their minimum load: ";
    for (std::size_t i = 0; i < lines.size(); ++i) msg += (i ? "; " : "") + lines[i];
    if (short_entries + short_judges > lines.size()) msg += "; …";
  }
  return Error(ErrorCode::rule_violation, std::move(msg), "assignment.infeasible", "A12");
}

// The loads must be able to add up to the seats still needed.
Status check_loads(const Model& m, std::int64_t seats) {
  std::int64_t least = 0, most = 0;
  for (std::size_t j = 0; j < m.judges.size(); ++j) {
    if (m.unavailable[j]) continue;
    least += m.lo[j] > m.existing[j] ? m.lo[j] - m.existing[j] : 0;
    most += m.hi[j] > m.existing[j] ? m.hi[j] - m.existing[j] : 0;
  }
  if (least > seats) {
    return Error(ErrorCode::rule_violation,
                 "the judges' minimum loads ask for " + std::to_string(least) +
                     " new assignments, but the entries need only " + std::to_string(seats),
                 "assignment.load");
  }
  if (most < seats) {
    return Error(ErrorCode::rule_violation,
                 "the entries need " + std::to_string(seats) +
                     " new assignments, but the judges' maximum loads allow only " +
                     std::to_string(most),
                 "assignment.load");
  }
  return {};
}

// The factor that lifts domain costs above the summed jitter, or 1 (no jitter) when
// the lifted costs would not fit the solver's integers.
std::int64_t cost_scale(const Model& m, std::int64_t seats, std::size_t nodes) {
  const AssignmentOptions& o = *m.options;
  std::uint32_t most_entry_cost = 0;
  for (std::uint32_t c : m.entry_cost) most_entry_cost = std::max(most_entry_cost, c);
  using detail::int128;
  const int128 arc = int128{o.expertise_cost} + most_entry_cost + o.spread_cost + 1;
  const int128 scale = int128{seats} * kJitter + 1;
  const int128 limit = int128{1} << 60;
  const int128 nodes1 = static_cast<int128>(nodes) + 1;
  if (arc * scale * nodes1 < limit && arc * scale * (seats + 1) < limit) {
    return static_cast<std::int64_t>(scale);
  }
  return 1;
}

// Keeps `keep` candidates (0: all): the cheaper half by cost (then the seeded hash),
// the rest by the seeded hash alone among the others, so a pruned entry
// still reaches judges of every kind and the loads keep room to balance.
void prune(std::vector<Candidate>& c, std::uint32_t keep) {
  if (keep == 0 || c.size() <= keep) return;
  const std::size_t cheap = (keep + 1) / 2;
  // The full 64-bit hash, not the 4-bit jitter: otherwise ties fall to low judge ids
  // and high ones are pruned from every entry.
  auto cheaper = [](const Candidate& a, const Candidate& b) {
    return a.cost != b.cost ? a.cost < b.cost
                            : (a.hash != b.hash ? a.hash < b.hash : a.judge < b.judge);
  };
  auto luckier = [](const Candidate& a, const Candidate& b) {
    return a.hash != b.hash ? a.hash < b.hash : a.judge < b.judge;
  };
  const auto mid = c.begin() + static_cast<std::ptrdiff_t>(cheap);
  std::nth_element(c.begin(), mid, c.end(), cheaper);
  std::nth_element(mid, mid + static_cast<std::ptrdiff_t>(keep - cheap), c.end(), luckier);
  c.resize(keep);
  c.shrink_to_fit();  // a large campaign holds every entry's list at once
  std::sort(c.begin(), c.end(),
            [](const Candidate& a, const Candidate& b) { return a.judge < b.judge; });
}

}  // namespace

Result<AssignmentProposal> propose_assignment(const Campaign& campaign,
                                              const AssignmentOptions& options) {
  const CampaignImpl& s = detail::state_of(campaign);
  auto built = build_model(s, options);
  if (!built) return built.error();
  const Model& m = *built;
  std::vector<EntryCandidates> cands(s.entries.size());
  std::int64_t seats = 0;
  for (std::uint32_t i = 0; i < s.entries.size(); ++i) {
    cands[i] = candidates_of(m, i);
    seats += m.need(s.entries[i]);
    prune(cands[i].candidates, options.candidates_per_entry);
  }
  if (Status st = check_loads(m, seats); !st) return st.error();

  std::vector<std::vector<std::uint32_t>> chosen(s.entries.size());  // new judges per entry
  if (seats > 0) {
    // Nodes: source, sink, judges, entries and at most one per candidate (organizations).
    std::size_t nodes = 2 + m.judges.size() + s.entries.size();
    for (const EntryCandidates& c : cands) nodes += c.candidates.size();
    Network net;
    build_network(net, m, cands, cost_scale(m, seats, nodes), false);
    Flow flow(net.g);
    flow.lowerMap(net.lower).upperMap(net.upper).costMap(net.cost).supplyMap(net.supply);
    if (flow.run() != Flow::OPTIMAL) return explain_infeasible(m, cands);
    for (const PairArc& p : net.pairs) {
      if (flow.flow(p.arc) > 0) chosen[p.entry].push_back(p.judge);
    }
  }

  AssignmentProposal out;
  out.min_load = options.load ? options.load->min : m.balanced_lo;
  out.max_load = options.load ? options.load->max : m.balanced_hi;
  out.entries.reserve(s.entries.size());
  for (std::uint32_t i = 0; i < s.entries.size(); ++i) {
    const EntryRecord& e = s.entries[i];
    const EntryId id{i + 1};
    EntryAssignment ea;
    ea.entry = id;
    ea.excluded = std::move(cands[i].excluded);
    ea.eligible = static_cast<std::uint32_t>(cands[i].candidates.size() + e.judges.size());
    std::vector<std::uint32_t> all;
    for (JudgeId k : e.judges) all.push_back(k.value() - 1);
    std::sort(chosen[i].begin(), chosen[i].end());
    for (std::uint32_t j : chosen[i]) {
      all.push_back(j);
      out.pairs.push_back({JudgeId{j + 1}, id});
    }
    std::sort(all.begin(), all.end());
    // Spread cost goes to every judge of an organization after its first (kept ones first).
    std::map<std::uint32_t, std::uint32_t> seen;
    for (JudgeId k : e.judges) ++seen[m.org[k.value() - 1].value()];
    std::map<std::uint32_t, std::uint32_t> count;
    for (std::uint32_t j : all) ++count[m.org[j].value()];
    for (std::uint32_t j : all) {
      const JudgeId jid{j + 1};
      JudgeChoice c;
      c.judge = jid;
      c.kept = std::binary_search(e.judges.begin(), e.judges.end(), jid);
      c.expertise = detail::names_category(m.judges[j].listings, e.spec.category);
      c.organization = m.org[j];
      c.shares_organization = count[m.org[j].value()] > 1;
      if (!c.kept) {
        c.cost = m.pair_cost(j, e);
        if (seen[m.org[j].value()]++ > 0) c.cost += options.spread_cost;
      }
      ea.judges.push_back(c);
    }
    out.cost += spread_cost(m, all);
    for (std::uint32_t j : chosen[i]) out.cost += m.pair_cost(j, e);
    out.entries.push_back(std::move(ea));
  }
  return out;
}

Status apply(Campaign& campaign, const AssignmentProposal& proposal, std::size_t* failed) {
  return campaign.assign_all(proposal.pairs, failed);
}

Result<std::int64_t> assignment_cost(const Campaign& campaign, const AssignmentOptions& options,
                                     std::span<const AssignmentInput> pairs) {
  const CampaignImpl& s = detail::state_of(campaign);
  auto built = build_model(s, options);
  if (!built) return built.error();
  const Model& m = *built;
  std::vector<std::vector<std::uint32_t>> judges(s.entries.size());
  for (std::uint32_t i = 0; i < s.entries.size(); ++i) {
    for (JudgeId k : s.entries[i].judges) judges[i].push_back(k.value() - 1);
  }
  std::int64_t cost = 0;
  for (const AssignmentInput& p : pairs) {
    auto e = s.entry_at(p.entry);
    if (!e) return e.error();
    if (auto person = s.judge_person(p.judge); !person) return person.error();
    cost += m.pair_cost(p.judge.value() - 1, **e);
    judges[p.entry.value() - 1].push_back(p.judge.value() - 1);
  }
  for (const auto& js : judges) cost += spread_cost(m, js);
  return cost;
}

}  // namespace v1
}  // namespace kexie
