// `kexie assign CAMPAIGN --registry R --entries E [-o assignments.csv]`: the library
// proposes judges for every entry (propose_assignment, min-cost flow under the
// campaign's own assignment rules) and explains each entry; -o writes the proposal
// as the assignments CSV `import_assignments` reads back (table_assignment.hpp),
// judges named by the entries document's codes. When no assignment meets the hard
// rules, the library's refusal names the entries and why (exit 1).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include "atomic_file.hpp"
#include "commands.hpp"
#include "documents.hpp"
#include "kexie/assignment.hpp"
#include "kexie/table_assignment.hpp"

namespace kexie::cli {
namespace {

struct AssignArgs {
  std::string campaign;
  std::string registry;
  std::string entries;
  std::vector<std::string> judges;  // codes of the entries document; empty: every judge
  std::string output;
  std::uint64_t seed = 0;
  std::uint32_t judges_per_entry = 0;
  bool spread_required = false;
};

// Restricts new entries to the judges named in `codes`: every other judge keeps the
// entries they have and takes no more (a declared load of exactly that many; none:
// unavailable), and the listed judges share the remaining seats within one of each
// other (declared loads, kept entries counted, as the library balances by default).
std::vector<JudgeAvailability> restrict_to(const Campaign& campaign, const JudgeCodes& known,
                                           const std::vector<std::string>& codes,
                                           const std::string& entries_file,
                                           std::uint32_t per_entry) {
  std::vector<bool> listed(campaign.judge_count() + 1, false);
  std::uint64_t listed_count = 0;
  for (const std::string& code : codes) {
    const auto it = known.find(code);
    if (it == known.end()) {
      throw Failure(Exit::usage, "--judges: no judge \"" + code + "\" in " + entries_file);
    }
    if (!listed[it->second.value()]) ++listed_count;
    listed[it->second.value()] = true;
  }
  std::vector<std::uint32_t> load(campaign.judge_count() + 1, 0);
  for (std::uint32_t e = 1; e <= campaign.entry_count(); ++e) {
    for (JudgeId j : campaign.judges_of(EntryId{e})) ++load[j.value()];
  }
  std::uint64_t seats = std::uint64_t{campaign.entry_count()} * per_entry;
  for (std::uint32_t j = 1; j <= campaign.judge_count(); ++j) {
    if (!listed[j]) seats -= std::min<std::uint64_t>(seats, load[j]);
  }
  const auto lo = static_cast<std::uint32_t>(seats / listed_count);
  const auto hi = static_cast<std::uint32_t>((seats + listed_count - 1) / listed_count);
  std::vector<JudgeAvailability> out;
  for (std::uint32_t j = 1; j <= campaign.judge_count(); ++j) {
    out.push_back(listed[j] ? JudgeAvailability{.judge = JudgeId{j}, .min_load = lo, .max_load = hi}
                            : JudgeAvailability{
                                  .judge = JudgeId{j}, .min_load = load[j], .max_load = load[j]});
  }
  return out;
}

void run_assign(const AssignArgs& args, CommonOptions& common) {
  const Lang lang = common.language();
  if (!args.output.empty() && std::filesystem::path(args.output).extension() != ".csv") {
    throw Failure(Exit::usage, args.output + ": the assignment is written as .csv");
  }
  const LoadedCampaign loaded = load_documents(
      {.campaign = args.campaign, .registry = args.registry, .entries = args.entries},
      common.quiet);
  throw_if_refused(loaded);
  const Campaign& campaign = *loaded.campaign;
  const Registry& registry = loaded.registry->registry;

  AssignmentOptions options;
  options.seed = args.seed;
  options.judges_per_entry = args.judges_per_entry;
  options.spread_required = args.spread_required;
  if (!args.judges.empty()) {
    const std::uint32_t per_entry =
        args.judges_per_entry != 0 ? args.judges_per_entry : campaign.spec().panel.min_judges;
    options.availability =
        restrict_to(campaign, loaded.judges, args.judges, args.entries, per_entry);
  }
  const auto proposal = propose_assignment(campaign, options);
  if (!proposal) throw Failure(campaign.spec().name, proposal.error());

  if (!args.output.empty()) {
    auto sheet = assignment_sheet(campaign, registry, *proposal, {.judges = &loaded.judges});
    if (!sheet) throw Failure(args.output, sheet.error());
    auto csv = to_csv(*sheet);
    if (!csv) throw Failure(args.output, csv.error());
    write_atomically(args.output, *csv);
  }

  // Judges by the entries document's code; organizations by name.
  std::map<std::uint32_t, std::string> judge_code;
  for (const auto& [code, id] : loaded.judges) judge_code.emplace(id.value(), code);
  auto judge_name = [&](JudgeId j) {
    const auto it = judge_code.find(j.value());
    return it == judge_code.end() ? to_string(j) : it->second;
  };
  auto org_name = [&](OrgId o) -> std::string {
    if (!o.ok()) return {};
    auto org = registry.organization(o);
    return org ? org->name : to_string(o);
  };
  auto entry_code = [&](EntryId e) -> std::string {
    auto entry = campaign.entry(e);
    return entry ? entry->spec.code : to_string(e);
  };

  if (common.json) {
    nlohmann::json entries = nlohmann::json::array();
    for (const EntryAssignment& ea : proposal->entries) {
      nlohmann::json judges = nlohmann::json::array();
      for (const JudgeChoice& c : ea.judges) {
        judges.push_back({{"judge", judge_name(c.judge)},
                          {"kept", c.kept},
                          {"expertise", c.expertise},
                          {"organization", org_name(c.organization)},
                          {"shares_organization", c.shares_organization},
                          {"cost", c.cost}});
      }
      nlohmann::json excluded = nlohmann::json::array();
      for (const Exclusion& x : ea.excluded) {
        excluded.push_back(
            {{"judge", judge_name(x.judge)}, {"rule", x.rule}, {"reason", x.reason}});
      }
      entries.push_back({{"entry", entry_code(ea.entry)},
                         {"eligible", ea.eligible},
                         {"judges", judges},
                         {"excluded", excluded}});
    }
    print_json(
        {{"ok", true},
         {"command", "assign"},
         {"campaign", campaign.spec().name},
         {"pairs", proposal->pairs.size()},
         {"cost", proposal->cost},
         {"load", {{"min", proposal->min_load}, {"max", proposal->max_load}}},
         {"output", args.output.empty() ? nlohmann::json(nullptr) : nlohmann::json(args.output)},
         {"entries", entries}});
    return;
  }
  if (common.quiet) return;
  std::cout << campaign.spec().name << ": " << proposal->pairs.size() << ' '
            << say(lang, "个新分配", "new assignments") << ", " << say(lang, "代价", "cost") << ' '
            << proposal->cost << ", " << say(lang, "每位评委", "per judge") << ' '
            << proposal->min_load << "–" << proposal->max_load << '\n';
  for (const EntryAssignment& ea : proposal->entries) {
    std::cout << "  " << entry_code(ea.entry) << ':';
    for (const JudgeChoice& c : ea.judges) {
      std::cout << ' ' << judge_name(c.judge) << " (";
      std::string why = c.kept ? std::string(say(lang, "原有", "kept")) : std::string();
      auto add = [&why](std::string_view s) {
        if (!why.empty()) why += ", ";
        why += s;
      };
      if (c.expertise) add(say(lang, "专业对口", "expertise"));
      add(org_name(c.organization) +
          std::string(c.shares_organization ? say(lang, "，同组织", " shared") : ""));
      std::cout << why << ')';
    }
    if (!ea.excluded.empty()) {
      std::map<std::string, std::size_t> by_rule;
      for (const Exclusion& x : ea.excluded) ++by_rule[x.rule];
      std::cout << "; " << say(lang, "排除", "excluded");
      for (const auto& [rule, n] : by_rule) std::cout << ' ' << rule << " ×" << n;
    }
    std::cout << '\n';
  }
  if (!args.output.empty()) std::cout << say(lang, "已写入 ", "written to ") << args.output << '\n';
}

}  // namespace

void add_assign_command(CLI::App& app, CommonOptions& common) {
  auto args = std::make_shared<AssignArgs>();
  CLI::App* cmd = app.add_subcommand(
      "assign",
      "Propose judges for every entry (min-cost flow): no conflict of interest, the judges "
      "each entry needs, balanced loads; expertise and organization spread as costs. Prints "
      "each entry's judges and why, and who was excluded by which rule; -o writes the "
      "assignments CSV the office edits and the importer reads back. Exit 1, with the "
      "entries and reasons, when no assignment meets the rules");
  cmd->add_option("CAMPAIGN", args->campaign, "The campaign document (kexie.campaign/1)")
      ->required();
  cmd->add_option("--registry", args->registry,
                  "The registry: a document (kexie.registry/1), or a directory of CSV tables "
                  "registry-organizations.csv, registry-people.csv, … (docs/tables.md)")
      ->required();
  cmd->add_option("--entries", args->entries,
                  "The entries document (kexie.entries/1: entries, judges, assignments kept)")
      ->required();
  cmd->add_option("--judges", args->judges,
                  "Only these judges (codes of the entries document) take new entries; the "
                  "others keep what they have");
  cmd->add_option("-o,--output", args->output,
                  "Write the proposal here as CSV (judge, entry and explanation columns; UTF-8 "
                  "with a BOM), atomically");
  cmd->add_option("--seed", args->seed, "Breaks ties; the same seed, the same assignment")
      ->capture_default_str();
  cmd->add_option("--judges-per-entry", args->judges_per_entry,
                  "Judges each entry ends with (default: the panel's min_judges)");
  cmd->add_flag("--spread-required", args->spread_required,
                "Never two judges of one enterprise association on an entry");
  add_common_options(*cmd, common);
  cmd->footer(
      "Example:\n"
      "  kexie assign examples/data/campaign.json --registry examples/data/registry.json \\\n"
      "      --entries entries.json -o assignments.csv --seed 2025");
  cmd->callback([args, &common] { run_assign(*args, common); });
}

}  // namespace kexie::cli
