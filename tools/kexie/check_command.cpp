// `kexie check campaign.json [--registry R]`: the library reads the campaign
// document (and, given a registry, builds the campaign over it: organizer,
// scope, expert pools) and reports every problem with its JSON Pointer, line
// and column; or "ok" and a one-screen summary of the rules.
#include <iostream>

#include "commands.hpp"
#include "documents.hpp"

namespace kexie::cli {
namespace {

struct CheckArgs {
  std::string campaign;
  std::string registry;
};

std::string tie_break_name(const TieBreak& t) {
  switch (t.kind) {
    case TieBreak::Kind::objective_total:
      return "objective_total";
    case TieBreak::Kind::indicator:
      return "indicator " + t.code;
    case TieBreak::Kind::top_marks:
      return "top_marks";
    case TieBreak::Kind::figure:
      return "figure";
  }
  return "?";
}

nlohmann::json summary(const CampaignRules& rules) {
  nlohmann::json categories = nlohmann::json::array();
  for (const CategoryRules& c : rules.categories) {
    nlohmann::json indicators = nlohmann::json::array();
    for (const Indicator& i : c.rubric.indicators()) {
      indicators.push_back({{"code", i.code},
                            {"name", i.name},
                            {"depth", i.depth},
                            {"kind", std::string(enum_name(i.kind))},
                            {"weight", i.weight.to_string()},
                            {"global_weight", i.global_weight.to_string()}});
    }
    nlohmann::json ahp = nlohmann::json::array();
    for (const AhpDerivation& d : c.derivations) {
      std::vector<std::string> weights;
      for (const Decimal& w : d.weights) weights.push_back(w.to_string());
      ahp.push_back({{"group", d.group},
                     {"judgements", d.judgements},
                     {"method", to_string(d.method)},
                     {"ri_table", to_string(d.ri_table)},
                     {"ri", d.ri},
                     {"cr", d.cr},
                     {"weights", weights}});
    }
    categories.push_back({{"category", to_string(c.category)},
                          {"rubric", c.rubric.name()},
                          {"indicators", indicators},
                          {"ahp", ahp}});
  }
  nlohmann::json tiers = nlohmann::json::array();
  for (const AwardTier& t : rules.spec.awards.tiers) {
    tiers.push_back({{"name", t.name},
                     {"quota", t.by_count ? std::to_string(t.count) + " places"
                                          : t.share.to_string() + " of eligible entries, " +
                                                std::string(to_string(t.rounding))},
                     {"min_score", t.min_score.to_string()}});
  }
  nlohmann::json tie_breaks = nlohmann::json::array();
  for (const TieBreak& t : rules.spec.tie_breaks) tie_breaks.push_back(tie_break_name(t));
  return {{"name", rules.spec.name},
          {"organizer", rules.organizer},
          {"as_of", rules.spec.as_of.to_string()},
          {"categories", categories},
          {"tiers", tiers},
          {"boundary_ties", std::string(enum_name(rules.spec.awards.boundary_ties))},
          {"tie_breaks", tie_breaks}};
}

void run_check(const CheckArgs& args, CommonOptions& common) {
  const Lang lang = common.language();
  const LoadedCampaign loaded =
      load_documents({.campaign = args.campaign, .registry = args.registry}, common.quiet);
  if (loaded.error) {
    // A failed check: every problem, then exit 1 (3 when the JSON itself is broken).
    common.exit = exit_for(loaded.error->code());
    if (common.json) {
      print_json({{"ok", false},
                  {"command", "check"},
                  {"file", args.campaign},
                  {"problems", problems_json(loaded.problems)}});
      return;
    }
    for (const auto& [file, p] : loaded.problems)
      std::cout << file << ": " << p.to_string() << '\n';
    std::cout << loaded.problems.size() << ' ' << say(lang, "个问题", "problem(s)") << '\n';
    return;
  }
  const nlohmann::json s = summary(*loaded.rules);
  if (common.json) {
    print_json({{"ok", true}, {"command", "check"}, {"file", args.campaign}, {"summary", s}});
    return;
  }
  if (common.quiet) return;
  std::cout << "ok: " << args.campaign << (args.registry.empty() ? "" : " + " + args.registry)
            << '\n'
            << s["name"].get<std::string>() << " (" << say(lang, "主办", "organizer") << ' '
            << s["organizer"].get<std::string>() << ", " << say(lang, "基准日", "as of") << ' '
            << s["as_of"].get<std::string>() << ")\n";
  for (const auto& c : s["categories"]) {
    std::cout << "  " << c["category"].get<std::string>() << ": " << c["rubric"].get<std::string>()
              << '\n';
    for (const auto& i : c["indicators"]) {
      std::cout << "    " << std::string(2 * (i["depth"].get<std::size_t>() - 1), ' ')
                << i["code"].get<std::string>() << ' ' << i["name"].get<std::string>() << "  "
                << i["kind"].get<std::string>() << "  w=" << i["weight"].get<std::string>() << " ("
                << i["global_weight"].get<std::string>() << ")\n";
    }
    for (const auto& a : c["ahp"]) {
      std::cout << "    AHP "
                << (a["group"].get<std::string>().empty() ? "/" : a["group"].get<std::string>())
                << ": " << a["method"].get<std::string>() << ", RI " << a["ri"] << " ("
                << a["ri_table"].get<std::string>() << "), CR " << a["cr"] << '\n';
    }
  }
  std::cout << "  " << say(lang, "奖项", "tiers") << ':';
  for (const auto& t : s["tiers"]) {
    std::cout << "  " << t["name"].get<std::string>() << " [" << t["quota"].get<std::string>()
              << ", ≥ " << t["min_score"].get<std::string>() << ']';
  }
  std::cout << "\n  " << say(lang, "同分处理", "tie-breaks") << ':';
  for (const auto& t : s["tie_breaks"]) std::cout << ' ' << t.get<std::string>() << ',';
  std::cout << " code; " << say(lang, "分界线同分", "boundary ties") << ' '
            << s["boundary_ties"].get<std::string>() << '\n';
}

}  // namespace

void add_check_command(CLI::App& app, CommonOptions& common) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Validate a campaign document (kexie.campaign/1) and, given a registry, build it over the "
      "registry: every problem with its JSON Pointer, line and column, or ok and a summary of "
      "the rules. Exit 1 when a problem is found");
  cmd->add_option("CAMPAIGN", args->campaign, "The campaign document")->required();
  cmd->add_option("--registry", args->registry,
                  "The registry: a document (kexie.registry/1), or a directory of CSV tables "
                  "registry-organizations.csv, registry-people.csv, … (docs/tables.md)");
  add_common_options(*cmd, common);
  cmd->footer(
      "Example:\n  kexie check examples/data/campaign.json --registry examples/data/registry.json");
  cmd->callback([args, &common] { run_check(*args, common); });
}

}  // namespace kexie::cli
