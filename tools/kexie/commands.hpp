// The subcommands of the kexie command, one registration function per file
// (weights_command.cpp, agreement_command.cpp, snapshot_command.cpp,
// score_command.cpp, check_command.cpp, scenario_command.cpp, assign_command.cpp).
// Each adds its CLI11 subcommand, whose description and footer (with an example) are
// the single source of --help, the man page and the completion, and binds the options
// every subcommand shares.
#ifndef KEXIE_TOOLS_COMMANDS_HPP
#define KEXIE_TOOLS_COMMANDS_HPP

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "console.hpp"
#include "kexie/enum_names.hpp"

namespace kexie::cli {

/// Adds --json, --quiet and --lang to `command`, bound to `common`.
///
///   add_common_options(*sub, common);
void add_common_options(CLI::App& command, CommonOptions& common);

/// Adds an option whose values are the names of a kexie enumeration (its one
/// name table, enum_names.hpp), parsed into `target`.
///
///   add_enum_option(*sub, "--method", options.method, "How priorities are derived");
template <NamedEnum E>
CLI::Option* add_enum_option(CLI::App& command, const std::string& name, E& target,
                             const std::string& description) {
  std::vector<std::string> names;
  for (E value : enum_values<E>()) names.emplace_back(enum_name(value));
  return command
      .add_option_function<std::string>(
          name, [&target](const std::string& text) { target = *enum_from_string<E>(text); },
          description + " (default: " + std::string(enum_name(target)) + ")")
      ->check(CLI::IsMember(names));
}

/// `kexie weights ahp FILE`.
void add_weights_command(CLI::App& app, CommonOptions& common);
/// `kexie agreement FILE`.
void add_agreement_command(CLI::App& app, CommonOptions& common);
/// `kexie snapshot info|verify FILE`.
void add_snapshot_command(CLI::App& app, CommonOptions& common);
/// `kexie score` and `kexie explain`, from documents or a snapshot.
void add_score_commands(CLI::App& app, CommonOptions& common);
/// `kexie check CAMPAIGN [--registry R]`.
void add_check_command(CLI::App& app, CommonOptions& common);
/// `kexie test SCENARIO…`.
void add_test_command(CLI::App& app, CommonOptions& common);
/// `kexie assign CAMPAIGN --registry R --entries E [-o assignments.csv]`.
void add_assign_command(CLI::App& app, CommonOptions& common);

/// Builds the whole command line: every subcommand, with its help.
///
///   CLI::App app{"kexie"};
///   build_app(app, common);
void build_app(CLI::App& app, CommonOptions& common);

/// The man page kexie.1 (troff) generated from `app`'s help text.
[[nodiscard]] std::string man_page(const CLI::App& app);
/// A bash completion script generated from `app`'s subcommands and options.
[[nodiscard]] std::string bash_completion(const CLI::App& app);

/// Runs the command: parses `argv`, runs the subcommand, prints failures and
/// returns the exit code (see `Exit`).
[[nodiscard]] int run(int argc, char** argv);

}  // namespace kexie::cli

#endif  // KEXIE_TOOLS_COMMANDS_HPP
