// `kexie test scenario.json…`: unit-tested scoring. A scenario names (or holds)
// a campaign document, optionally varied by a JSON Merge Patch, with its
// registry and entries, and the outcomes expected: award counts, each listed
// entry's status, rank, position, award and total (to the places written), a
// refusal with its rule id, the digest. The library loads and scores; this file
// only compares what it returns with what the scenario says and prints a
// readable diff for every expectation that fails. docs/testing-your-rules.md
// describes the format (tools/kexie/scenario.schema.json).
#include <iostream>
#include <map>
#include <set>

#include "commands.hpp"
#include "documents.hpp"

namespace kexie::cli {
namespace {

struct ScenarioArgs {
  std::vector<std::string> files;
};

struct Difference {
  std::string path;
  nlohmann::json expected;
  nlohmann::json actual;
};

std::string show(const nlohmann::json& v) {
  return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A path of the scenario, relative to the scenario file.
std::string beside(const std::filesystem::path& scenario, const std::string& path) {
  if (path.empty() || std::filesystem::path(path).is_absolute()) return path;
  return (scenario.parent_path() / path).lexically_normal().string();
}

[[noreturn]] void bad(const std::string& file, const std::string& what) {
  throw Failure(Exit::input, file + ": " + what);
}

const nlohmann::json* member(const nlohmann::json& doc, const char* key) {
  const auto it = doc.find(key);
  return it == doc.end() ? nullptr : &*it;
}

std::string text_member(const std::string& file, const nlohmann::json& doc, const char* key) {
  const nlohmann::json* v = member(doc, key);
  if (v == nullptr) return {};
  if (!v->is_string()) bad(file, std::string("/") + key + " is not a string");
  return v->get<std::string>();
}

// The scenario's expectations against the library's outcome.
std::vector<Difference> compare(const std::string& file, const nlohmann::json& expect,
                                const LoadedCampaign& loaded) {
  std::vector<Difference> diffs;
  if (const nlohmann::json* refused = member(expect, "refused")) {
    if (!loaded.error) {
      diffs.push_back({"refused", *refused, "scored without a refusal"});
      return diffs;
    }
    const std::string rule = text_member(file, *refused, "rule");
    const std::string code = text_member(file, *refused, "code");
    // The rule ids the library gave (each once), or the message of a problem without one.
    std::set<std::string> given;
    for (const auto& [f, p] : loaded.problems) given.insert(p.rule.empty() ? p.message : p.rule);
    if (!rule.empty() && !given.contains(rule)) {
      diffs.push_back({"refused/rule", rule, nlohmann::json(given)});
    }
    if (!code.empty() && code != to_string(loaded.error->code())) {
      diffs.push_back({"refused/code", code, std::string(to_string(loaded.error->code()))});
    }
    return diffs;
  }
  if (loaded.error) {
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& [f, p] : loaded.problems) problems.push_back(f + ": " + p.to_string());
    diffs.push_back({"refused", nullptr, problems});
    return diffs;
  }
  const Campaign& campaign = *loaded.campaign;
  const auto board = campaign.score();
  if (!board) {
    diffs.push_back({"score", "a scoreboard", board.error().to_string()});
    return diffs;
  }
  if (const nlohmann::json* digest = member(expect, "digest")) {
    if (*digest != board->digest()) diffs.push_back({"digest", *digest, board->digest()});
  }
  if (const nlohmann::json* awards = member(expect, "awards")) {
    std::map<std::string, std::map<std::string, std::size_t>> counts;
    for (const EntryResult& r : board->entries) {
      if (r.tier) ++counts[std::string(to_string(r.category))][r.award];
    }
    for (const auto& [category, tiers] : awards->items()) {
      for (const auto& [tier, count] : tiers.items()) {
        const std::size_t actual = counts[category][tier];
        if (count != actual) diffs.push_back({"awards/" + category + "/" + tier, count, actual});
      }
    }
  }
  if (const nlohmann::json* entries = member(expect, "entries")) {
    for (const auto& [code, want] : entries->items()) {
      const auto id = campaign.find_entry(code);
      const std::optional<EntryResult> r = id ? board->find(*id) : std::nullopt;
      if (!r) {
        diffs.push_back({"entries/" + code, want, nullptr});
        continue;
      }
      const std::string at = "entries/" + code + "/";
      for (const auto& [key, value] : want.items()) {
        nlohmann::json actual;
        if (key == "status") {
          actual = std::string(to_string(r->status));
        } else if (key == "rank") {
          actual = r->rank;
        } else if (key == "position") {
          actual = r->position;
        } else if (key == "award") {
          actual = r->award;
        } else if (key == "total") {
          // To the places the scenario writes, rounded half-even like every display.
          if (!value.is_string()) bad(file, "/expect/entries/" + code + "/total is not a string");
          const std::string text = value.get<std::string>();
          const auto dot = text.find('.');
          const int places = dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1);
          const auto shown = r->total.rescaled(places);
          actual = shown ? shown->to_string() : r->total.to_string();
        } else {
          bad(file, "/expect/entries/" + code + "/" + key + ": unknown expectation");
        }
        if (actual != value) diffs.push_back({at + key, value, actual});
      }
    }
  }
  return diffs;
}

struct Outcome {
  std::string file;
  std::string name;
  std::vector<Difference> diffs;
};

Outcome run_scenario(const std::string& file, bool quiet) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(read_text(file));
  } catch (const nlohmann::json::parse_error& e) {
    bad(file, e.what());
  }
  if (!doc.is_object() || doc.value("format", "") != "kexie.scenario/1") {
    bad(file, "not a kexie.scenario/1 document (\"format\": \"kexie.scenario/1\")");
  }
  for (const auto& [key, value] : doc.items()) {
    static const char* const known[] = {"format",         "name",     "description", "campaign",
                                        "campaign_patch", "registry", "entries",     "expect"};
    if (std::find(std::begin(known), std::end(known), key) == std::end(known) &&
        !key.starts_with("x-")) {
      bad(file, "/" + key + ": unknown key");
    }
  }
  const nlohmann::json* expect = member(doc, "expect");
  if (expect == nullptr || !expect->is_object()) bad(file, "/expect: missing or not an object");
  DocumentPaths paths;
  const nlohmann::json* campaign = member(doc, "campaign");
  if (campaign == nullptr) bad(file, "/campaign: missing");
  if (campaign->is_object()) {
    paths.campaign = file + "#/campaign";
    paths.campaign_inline = *campaign;
  } else if (campaign->is_string()) {
    paths.campaign = beside(file, campaign->get<std::string>());
  } else {
    bad(file, "/campaign: a path or an inline kexie.campaign/1 document");
  }
  if (const nlohmann::json* patch = member(doc, "campaign_patch")) paths.campaign_patch = *patch;
  paths.registry = beside(file, text_member(file, doc, "registry"));
  paths.entries = beside(file, text_member(file, doc, "entries"));
  if (paths.registry.empty()) bad(file, "/registry: missing");
  const LoadedCampaign loaded = load_documents(paths, quiet);
  return {file, doc.value("name", file), compare(file, *expect, loaded)};
}

void run_test(const ScenarioArgs& args, CommonOptions& common) {
  const Lang lang = common.language();
  std::vector<Outcome> outcomes;
  for (const std::string& file : args.files) outcomes.push_back(run_scenario(file, common.quiet));
  std::size_t failed = 0;
  for (const Outcome& o : outcomes) failed += o.diffs.empty() ? 0 : 1;
  if (failed > 0) common.exit = Exit::refused;
  if (common.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const Outcome& o : outcomes) {
      nlohmann::json diffs = nlohmann::json::array();
      for (const Difference& d : o.diffs) {
        diffs.push_back({{"path", d.path}, {"expected", d.expected}, {"actual", d.actual}});
      }
      list.push_back(
          {{"file", o.file}, {"name", o.name}, {"ok", o.diffs.empty()}, {"failures", diffs}});
    }
    print_json({{"ok", failed == 0}, {"command", "test"}, {"scenarios", list}});
    return;
  }
  for (const Outcome& o : outcomes) {
    if (o.diffs.empty()) {
      if (!common.quiet) std::cout << "ok    " << o.file << "  " << o.name << '\n';
      continue;
    }
    std::cout << "FAIL  " << o.file << "  " << o.name << '\n';
    for (const Difference& d : o.diffs) {
      std::cout << "  " << d.path << '\n'
                << "    - " << say(lang, "期望", "expected") << ": " << show(d.expected) << '\n'
                << "    + " << say(lang, "实际", "actual") << ":   " << show(d.actual) << '\n';
    }
  }
  std::cout << outcomes.size() - failed << '/' << outcomes.size() << ' '
            << say(lang, "个场景通过", "scenarios passed") << '\n';
}

}  // namespace

void add_test_command(CLI::App& app, CommonOptions& common) {
  auto args = std::make_shared<ScenarioArgs>();
  CLI::App* cmd = app.add_subcommand(
      "test",
      "Run scenarios (kexie.scenario/1): load and score each campaign and compare awards, "
      "entries' status, rank, position, award and total, refusals with their rule ids, and the "
      "digest with what the scenario expects; print a diff for every expectation that fails. "
      "Exit 1 when one fails");
  cmd->add_option("SCENARIO", args->files, "Scenario files")->required();
  add_common_options(*cmd, common);
  cmd->footer("Example:\n  kexie test examples/scenarios/*.json");
  cmd->callback([args, &common] { run_test(*args, common); });
}

}  // namespace kexie::cli
