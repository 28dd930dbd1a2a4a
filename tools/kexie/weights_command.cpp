// `kexie weights ahp FILE`: a pairwise comparison matrix in, the library's AHP
// result out (weights.hpp): priorities, λmax, CI, RI and the table it came
// from, CR, and the judgement to revisit first.
#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "kexie/weights.hpp"
#include "table_file.hpp"

namespace kexie::cli {
namespace {

struct AhpArgs {
  std::string file;
  AhpOptions options;
};

std::string fixed(double value, int places) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", places, value);
  return buffer;
}

void run_ahp(const AhpArgs& args, CommonOptions& common) {
  const Lang lang = common.language();
  const NumericTable table = read_table(args.file, common.quiet);
  const std::size_t n = table.cells.size();
  Matrix matrix(n, table.cells.front().size());
  for (std::size_t r = 0; r < n; ++r) {
    for (std::size_t c = 0; c < table.cells[r].size(); ++c) {
      if (!table.cells[r][c]) {
        throw Failure(Exit::input, args.file + ": row " + std::to_string(r + 1) + ", column " +
                                       std::to_string(c + 1) + " is empty");
      }
      matrix(r, c) = *table.cells[r][c];
    }
  }
  auto result = ahp(matrix, args.options);
  if (!result) throw Failure(args.file, result.error());
  const AhpResult& r = *result;
  // Criteria names: the header, else the row names, else C1, C2, …
  std::vector<std::string> names = table.columns.size() == n ? table.columns : table.rows;
  if (names.size() != n) {
    names.clear();
    for (std::size_t i = 0; i < n; ++i) names.push_back("C" + std::to_string(i + 1));
  }
  if (!r.consistent) common.exit = Exit::refused;
  if (common.json) {
    nlohmann::json weights = nlohmann::json::array();
    for (std::size_t i = 0; i < n; ++i) {
      weights.push_back({{"criterion", names[i]}, {"weight", r.weights[i]}});
    }
    print_json({{"ok", r.consistent},
                {"command", "weights ahp"},
                {"file", args.file},
                {"n", n},
                {"method", to_string(r.method)},
                {"weights", weights},
                {"lambda_max", r.lambda_max},
                {"ci", r.ci},
                {"ri", r.ri},
                {"ri_table", to_string(r.ri_table)},
                {"cr", r.cr},
                {"threshold", r.threshold},
                {"pass_rule", to_string(r.pass_rule)},
                {"consistent", r.consistent},
                {"worst",
                 {{"row", names[r.worst.row]},
                  {"col", names[r.worst.col]},
                  {"judgement", r.worst.judgement},
                  {"implied", r.worst.implied},
                  {"log_deviation", r.worst.log_deviation}}}});
    return;
  }
  std::size_t width = 0;
  for (const auto& name : names) width = std::max(width, name.size());
  std::cout << say(lang, "权重", "weights") << " (" << to_string(r.method) << "):\n";
  for (std::size_t i = 0; i < n; ++i) {
    std::cout << "  " << names[i] << std::string(width - names[i].size(), ' ') << "  "
              << fixed(r.weights[i], 6) << '\n';
  }
  std::cout << "λmax = " << fixed(r.lambda_max, 6) << ", CI = " << fixed(r.ci, 6)
            << ", RI = " << fixed(r.ri, 4) << " (" << to_string(r.ri_table)
            << "), CR = " << fixed(r.cr, 6) << '\n';
  std::cout << (r.consistent ? say(lang, "一致性检验通过", "consistent")
                             : say(lang, "一致性检验未通过", "NOT consistent"))
            << " (CR " << (r.pass_rule == PassRule::below ? "<" : "≤") << ' '
            << fixed(r.threshold, 2) << ")\n";
  if (n >= 3) {
    std::cout << say(lang, "最需复核的判断", "judgement to revisit first") << ": "
              << names[r.worst.row] << " : " << names[r.worst.col] << " = "
              << fixed(r.worst.judgement, 4) << ", "
              << say(lang, "与权重一致的值", "consistent value") << " " << fixed(r.worst.implied, 4)
              << '\n';
  }
}

}  // namespace

void add_weights_command(CLI::App& app, CommonOptions& common) {
  CLI::App* weights = app.add_subcommand("weights", "Derive indicator weights");
  weights->require_subcommand(1);
  weights->footer("Example:\n  kexie weights ahp criteria.csv");
  auto args = std::make_shared<AhpArgs>();
  CLI::App* ahp_cmd = weights->add_subcommand(
      "ahp",
      "Weights from a pairwise comparison matrix (AHP, 层次分析法): priorities, λmax, CI, "
      "CR with the RI table used, and the judgement to revisit first. Exit 1 when CR fails.");
  ahp_cmd
      ->add_option("FILE", args->file,
                   "The matrix as CSV (an optional header row of criteria; cells such as 3 "
                   "or 1/3) or JSON ({\"columns\": [...], \"values\": [[...]]})")
      ->required();
  add_enum_option(*ahp_cmd, "--method", args->options.method, "How priorities are derived");
  add_enum_option(*ahp_cmd, "--ri-table", args->options.ri_table, "Random-index table");
  ahp_cmd->add_option("--threshold", args->options.threshold, "CR threshold")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  add_enum_option(*ahp_cmd, "--pass-rule", args->options.pass_rule,
                  "Whether CR == threshold passes");
  ahp_cmd->add_flag("--saaty-scale", args->options.saaty_scale,
                    "Require every judgement on Saaty's 1-9 scale");
  add_common_options(*ahp_cmd, common);
  ahp_cmd->footer(
      "Example:\n"
      "  printf 'tech,benefit,team\\n1,3,5\\n1/3,1,2\\n1/5,1/2,1\\n' > criteria.csv\n"
      "  kexie weights ahp criteria.csv --method geometric_mean");
  ahp_cmd->callback([args, &common] { run_ahp(*args, common); });
}

}  // namespace kexie::cli
