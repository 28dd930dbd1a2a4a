// `kexie score` and `kexie explain` over a campaign saved in a snapshot: the
// library scores it (Campaign::score), explains an entry (explain.hpp) and
// renders the HTML report (report.hpp). Once the documents of issue 14 are in
// the library, the same subcommands also take a campaign document with its
// registry, entries and marks; the output formats .json, .csv and .xlsx come
// with them.
#include <iostream>
#include <map>

#include "atomic_file.hpp"
#include "commands.hpp"
#include "kexie/explain.hpp"
#include "kexie/report.hpp"
#include "kexie/snapshot.hpp"
#include "progress.hpp"

namespace kexie::cli {
namespace {

struct CampaignArgs {
  std::string snapshot;
  std::size_t campaign = 1;
  std::vector<std::string> outputs;
  std::string entry_code;
};

Language language_of(Lang lang) { return lang == Lang::zh ? Language::chinese : Language::english; }

Snapshot load(const CampaignArgs& args) {
  auto snap = load_snapshot(std::filesystem::path(args.snapshot));
  if (!snap) throw Failure(args.snapshot, snap.error());
  if (args.campaign < 1 || args.campaign > snap->campaigns().size()) {
    throw Failure(Exit::refused, args.snapshot + ": no campaign " + std::to_string(args.campaign) +
                                     " (it holds " + std::to_string(snap->campaigns().size()) +
                                     ")");
  }
  return std::move(*snap);
}

void check_outputs(const std::vector<std::string>& outputs) {
  for (const std::string& out : outputs) {
    if (std::filesystem::path(out).extension() != ".html") {
      throw Failure(Exit::usage, out +
                                     ": this build writes .html; .json, .csv and .xlsx need "
                                     "the documents of issue 14");
    }
  }
}

void run_score(const CampaignArgs& args, CommonOptions& common) {
  const Lang lang = common.language();
  check_outputs(args.outputs);
  const Snapshot snap = load(args);
  const Campaign& campaign = snap.campaigns()[args.campaign - 1];
  const auto board = campaign.score();
  if (!board) throw Failure(campaign.spec().name, board.error());
  Progress progress("writing", args.outputs.size(), common.quiet);
  for (std::size_t i = 0; i < args.outputs.size(); ++i) {
    auto html = html_report(campaign, *board,
                            {.language = language_of(lang), .registry = &snap.registry()});
    if (!html) throw Failure(args.outputs[i], html.error());
    write_atomically(args.outputs[i], *html);
    progress.update(i + 1);
  }
  progress.finish();
  // Award counts per category and tier, in tier order.
  std::map<std::pair<Category, std::uint32_t>, std::size_t> awarded;
  std::map<Category, std::size_t> entries;
  for (const EntryResult& r : board->entries) {
    ++entries[r.category];
    if (r.tier) ++awarded[{r.category, *r.tier}];
  }
  const auto& tiers = campaign.spec().awards.tiers;
  if (common.json) {
    nlohmann::json categories = nlohmann::json::array();
    for (const auto& [category, count] : entries) {
      nlohmann::json awards = nlohmann::json::array();
      for (std::uint32_t t = 0; t < tiers.size(); ++t) {
        const auto it = awarded.find({category, t});
        awards.push_back(
            {{"tier", tiers[t].name}, {"count", it == awarded.end() ? 0 : it->second}});
      }
      categories.push_back(
          {{"category", to_string(category)}, {"entries", count}, {"awards", awards}});
    }
    print_json({{"ok", true},
                {"command", "score"},
                {"campaign", campaign.spec().name},
                {"entries", board->entries.size()},
                {"categories", categories},
                {"cusps", board->cusps.size()},
                {"digest", board->digest()},
                {"outputs", args.outputs}});
    return;
  }
  if (common.quiet) return;
  std::cout << campaign.spec().name << ": " << board->entries.size() << ' '
            << say(lang, "个项目", "entries") << '\n';
  for (const auto& [category, count] : entries) {
    std::cout << "  " << to_string(category) << " (" << count << "):";
    for (std::uint32_t t = 0; t < tiers.size(); ++t) {
      const auto it = awarded.find({category, t});
      std::cout << "  " << tiers[t].name << ' ' << (it == awarded.end() ? 0 : it->second);
    }
    std::cout << '\n';
  }
  std::cout << say(lang, "临界项目", "cusp entries") << ": " << board->cusps.size() << '\n'
            << say(lang, "结果摘要", "digest") << ": " << board->digest() << '\n';
  for (const std::string& out : args.outputs) {
    std::cout << say(lang, "已写入", "wrote") << ' ' << out << '\n';
  }
}

void run_explain(const CampaignArgs& args, CommonOptions& common) {
  const Lang lang = common.language();
  const Snapshot snap = load(args);
  const Campaign& campaign = snap.campaigns()[args.campaign - 1];
  const auto entry = campaign.find_entry(args.entry_code);
  if (!entry) throw Failure(args.entry_code, entry.error());
  const auto board = campaign.score();
  if (!board) throw Failure(campaign.spec().name, board.error());
  const auto x = explain(campaign, *board, *entry);
  if (!x) throw Failure(args.entry_code, x.error());
  if (common.json) {
    print_json({{"ok", true},
                {"command", "explain"},
                {"campaign", campaign.spec().name},
                {"explanation", nlohmann::json::parse(to_json(*x))}});
    return;
  }
  std::cout << to_text(*x, language_of(lang));
}

void add_campaign_source(CLI::App& cmd, CampaignArgs& args) {
  cmd.add_option("--snapshot", args.snapshot, "A snapshot file holding the campaign")->required();
  cmd.add_option("--campaign", args.campaign,
                 "Which campaign of the snapshot, from 1 in the order they were saved")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
}

}  // namespace

void add_score_commands(CLI::App& app, CommonOptions& common) {
  auto args = std::make_shared<CampaignArgs>();
  CLI::App* score = app.add_subcommand(
      "score",
      "Score a campaign: award counts per category, the digest and the cusp count; write each "
      "output named with -o (.html: the self-contained report)");
  add_campaign_source(*score, *args);
  score->add_option("-o,--output", args->outputs,
                    "Write the results here, atomically (.html: the report)");
  add_common_options(*score, common);
  score->footer("Example:\n  kexie score --snapshot kexie.kxs -o build/results.html --lang zh");
  score->callback([args, &common] { run_score(*args, common); });

  CLI::App* explain_cmd = app.add_subcommand(
      "explain",
      "One entry's full explanation: every judge's marks, which were dropped, weights, "
      "conversions, total, rank and tier");
  add_campaign_source(*explain_cmd, *args);
  explain_cmd->add_option("ENTRY-CODE", args->entry_code, "The entry's application number")
      ->required();
  add_common_options(*explain_cmd, common);
  explain_cmd->footer("Example:\n  kexie explain --snapshot kexie.kxs P-0001 --lang en");
  explain_cmd->callback([args, &common] { run_explain(*args, common); });
}

}  // namespace kexie::cli
