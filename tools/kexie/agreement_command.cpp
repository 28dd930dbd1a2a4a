// `kexie agreement FILE`: a panel's marks (entries × judges) in, the library's
// agreement statistics out (agreement.hpp): Kendall's W with its χ² and p,
// ICC(1), ICC(2,1), ICC(3,1), and each judge's leniency with the flag for a
// judge who follows the rest of the panel poorly.
#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "kexie/agreement.hpp"
#include "table_file.hpp"

namespace kexie::cli {
namespace {

struct AgreementArgs {
  std::string file;
  MissingMarks missing = MissingMarks::refuse;
  double min_correlation = 0.3;
  bool no_tie_correction = false;
};

std::string fixed(double value, int places) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", places, value);
  return buffer;
}

nlohmann::json coverage_json(const PanelCoverage& c) {
  return {{"policy", to_string(c.policy)},
          {"dropped_entries", c.dropped_entries},
          {"dropped_judges", c.dropped_judges}};
}

void run_agreement(const AgreementArgs& args, CommonOptions& common) {
  const Lang lang = common.language();
  const NumericTable table = read_table(args.file, common.quiet);
  const std::size_t judges = table.cells.front().size();
  PanelMarks marks(table.cells.size(), judges);
  for (std::size_t e = 0; e < table.cells.size(); ++e) {
    for (std::size_t j = 0; j < judges; ++j) {
      if (table.cells[e][j]) marks.set(e, j, *table.cells[e][j]);
    }
  }
  std::vector<std::string> judge_names = table.columns;
  if (judge_names.size() != judges) {
    judge_names.clear();
    for (std::size_t j = 0; j < judges; ++j) judge_names.push_back("J" + std::to_string(j + 1));
  }
  const auto w =
      kendall_w(marks, {.missing = args.missing, .tie_correction = !args.no_tie_correction});
  if (!w) throw Failure(args.file + ": Kendall's W", w.error());
  const auto icc_result = icc(marks, args.missing);
  if (!icc_result) throw Failure(args.file + ": ICC", icc_result.error());
  const auto lenient =
      leniency(marks, {.missing = args.missing, .min_correlation = args.min_correlation});
  if (!lenient) throw Failure(args.file + ": leniency", lenient.error());
  if (common.json) {
    nlohmann::json judges_json = nlohmann::json::array();
    for (const JudgeLeniency& j : lenient->judges) {
      judges_json.push_back(
          {{"judge", judge_names[j.judge]},
           {"mean_deviation", j.mean_deviation},
           {"rest_correlation",
            j.rest_correlation ? nlohmann::json(*j.rest_correlation) : nlohmann::json()},
           {"flagged", j.flagged}});
    }
    print_json(
        {{"ok", true},
         {"command", "agreement"},
         {"file", args.file},
         {"kendall_w",
          {{"w", w->w},
           {"chi_squared", w->chi_squared},
           {"df", w->df},
           {"p_value", w->p_value},
           {"judges", w->judges},
           {"entries", w->entries},
           {"tie_corrected", w->tie_corrected},
           {"coverage", coverage_json(w->coverage)}}},
         {"icc",
          {{"icc1", icc_result->icc1},
           {"icc2", icc_result->icc2},
           {"icc3", icc_result->icc3},
           {"coverage", coverage_json(icc_result->coverage)}}},
         {"leniency", {{"min_correlation", lenient->min_correlation}, {"judges", judges_json}}}});
    return;
  }
  std::cout << "Kendall's W = " << fixed(w->w, 4) << ", χ² = " << fixed(w->chi_squared, 3)
            << " (df " << w->df << "), p = " << fixed(w->p_value, 4) << "  [" << w->judges << ' '
            << say(lang, "位评委", "judges") << " × " << w->entries << ' '
            << say(lang, "个项目", "entries") << "]\n";
  std::cout << (w->p_value < 0.05
                    ? say(lang, "评委意见一致 (p < 0.05)", "the panel agrees (p < 0.05)")
                    : say(lang, "评委意见不一致 (p ≥ 0.05)", "the panel does not agree (p ≥ 0.05)"))
            << '\n';
  std::cout << "ICC(1) = " << fixed(icc_result->icc1, 4)
            << ", ICC(2,1) = " << fixed(icc_result->icc2, 4)
            << ", ICC(3,1) = " << fixed(icc_result->icc3, 4) << '\n';
  std::cout << say(lang, "评委宽严", "judge leniency") << " ("
            << say(lang, "与其他评委的相关系数下限", "minimum correlation with the rest") << ' '
            << fixed(lenient->min_correlation, 2) << "):\n";
  for (const JudgeLeniency& j : lenient->judges) {
    std::cout << "  " << judge_names[j.judge] << "  " << (j.mean_deviation >= 0 ? "+" : "")
              << fixed(j.mean_deviation, 3)
              << "  r = " << (j.rest_correlation ? fixed(*j.rest_correlation, 3) : std::string("—"))
              << (j.flagged ? say(lang, "  ← 需关注", "  ← flagged") : "") << '\n';
  }
}

}  // namespace

void add_agreement_command(CLI::App& app, CommonOptions& common) {
  auto args = std::make_shared<AgreementArgs>();
  CLI::App* cmd = app.add_subcommand(
      "agreement",
      "Panel agreement from marks (rows: entries, columns: judges; an empty cell is a missing "
      "mark): Kendall's W with χ² and p, ICC(1), ICC(2,1), ICC(3,1), and each judge's leniency");
  cmd->add_option("FILE", args->file, "The marks as CSV (header row of judges) or JSON")
      ->required();
  add_enum_option(*cmd, "--missing", args->missing, "What to do with missing marks");
  cmd->add_option("--min-correlation", args->min_correlation,
                  "Flag a judge whose correlation with the rest is below this")
      ->capture_default_str()
      ->check(CLI::Range(-1.0, 1.0));
  cmd->add_flag("--no-tie-correction", args->no_tie_correction,
                "Kendall's W without the correction for tied marks");
  add_common_options(*cmd, common);
  cmd->footer(
      "Example:\n"
      "  printf 'entry,J1,J2,J3\\nP-1,90,88,91\\nP-2,75,70,78\\nP-3,82,85,80\\n' > marks.csv\n"
      "  kexie agreement marks.csv --json");
  cmd->callback([args, &common] { run_agreement(*args, common); });
}

}  // namespace kexie::cli
