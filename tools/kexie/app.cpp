// The kexie command line: the top-level app, the shared options, and the one
// place where failures become messages and exit codes.
#include <exception>
#include <filesystem>
#include <iostream>
#include <new>

#include "atomic_file.hpp"
#include "commands.hpp"
#include "kexie/version.hpp"

namespace kexie::cli {

void add_common_options(CLI::App& command, CommonOptions& common) {
  command.add_flag("--json", common.json, "Print machine-readable JSON on stdout")->group("Output");
  command.add_flag("-q,--quiet", common.quiet, "No progress and no summary lines")->group("Output");
  command.add_option("--lang", common.lang, "Language of messages (default: from LANG)")
      ->check(CLI::IsMember({"zh", "en"}))
      ->group("Output");
}

void build_app(CLI::App& app, CommonOptions& common) {
  app.description(
      "kexie: check, score, test and report a campaign of an enterprise S&T association "
      "(企业科协) without writing code. Every decision is the kexie library's; the command "
      "only reads, prints and writes.");
  app.footer(
      "Exit status:\n"
      "  0  done; a check or test passed\n"
      "  1  the library refused (a rule id and article are printed), or a check or test failed\n"
      "  2  usage: the command line is wrong\n"
      "  3  a file could not be read or written, or its content is corrupt\n"
      "\n"
      "Environment:\n"
      "  LANG, LC_ALL, LC_MESSAGES  choose zh or en messages when --lang is not given\n"
      "\n"
      "Example:\n"
      "  kexie check campaign.json --registry registry.json\n"
      "  kexie score campaign.json --registry registry.json --entries entries.json -o "
      "results.html\n"
      "  kexie test scenarios/*.json");
  app.set_version_flag("--version", std::string(kexie::version_string()));
  app.require_subcommand(0, 1);
  add_check_command(app, common);
  add_score_commands(app, common);
  add_assign_command(app, common);
  add_test_command(app, common);
  add_weights_command(app, common);
  add_agreement_command(app, common);
  add_snapshot_command(app, common);
}

namespace {

void report(const Failure& failure, const CommonOptions& common) {
  const Lang lang = common.language();
  std::cerr << "kexie: " << say(lang, "错误", "error") << ": " << failure.message << '\n';
  if (common.json) {
    nlohmann::json error = {{"message", failure.message}};
    if (!failure.code.empty()) error["code"] = failure.code;
    if (!failure.rule.empty()) error["rule"] = failure.rule;
    if (!failure.article.empty()) error["article"] = failure.article;
    if (!failure.problems.empty()) error["problems"] = failure.problems;
    print_json({{"ok", false}, {"exit", static_cast<int>(failure.exit)}, {"error", error}});
  }
}

}  // namespace

int run(int argc, char** argv) {
  CommonOptions common;
  CLI::App app{"", "kexie"};
  build_app(app, common);
  // Build steps, not user options: the group "" hides them from --help.
  std::string man_out;
  std::string completion_out;
  app.add_option("--generate-man", man_out, "Write the man page kexie.1")->group("");
  app.add_option("--generate-completion", completion_out, "Write the bash completion")->group("");
  try {
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      // --help and --version end parsing with exit code 0; anything else is usage.
      return app.exit(e) == 0 ? static_cast<int>(Exit::ok) : static_cast<int>(Exit::usage);
    }
    if (!man_out.empty() || !completion_out.empty()) {
      if (!man_out.empty()) write_atomically(man_out, man_page(app));
      if (!completion_out.empty()) write_atomically(completion_out, bash_completion(app));
      return static_cast<int>(Exit::ok);
    }
    if (app.get_subcommands().empty()) {
      std::cerr << app.help();
      return static_cast<int>(Exit::usage);
    }
    return static_cast<int>(common.exit);
  } catch (const Failure& failure) {
    report(failure, common);
    return static_cast<int>(failure.exit);
  } catch (const std::filesystem::filesystem_error& e) {
    report(Failure(Exit::input, e.what()), common);
    return static_cast<int>(Exit::input);
  } catch (const std::bad_alloc&) {
    report(Failure(Exit::input, "out of memory"), common);
    return static_cast<int>(Exit::input);
  }
}

}  // namespace kexie::cli
