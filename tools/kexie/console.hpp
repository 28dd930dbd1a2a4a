// What every subcommand of the kexie command shares: the exit codes (stable,
// documented in docs/command.md), the language of messages, --json and --quiet,
// and the one way a subcommand fails (`Failure`, caught in app.cpp and turned
// into a message on stderr, a JSON error object on stdout under --json, and the
// exit code). The command adds no rule of its own: a refusal it reports is the
// library's `kexie::Error`, with its rule id and article.
#ifndef KEXIE_TOOLS_CONSOLE_HPP
#define KEXIE_TOOLS_CONSOLE_HPP

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "kexie/error.hpp"

namespace kexie::cli {

/// The exit status of the command. Stable: scripts test these numbers.
///
///   return static_cast<int>(Exit::refused);
enum class Exit : int {
  ok = 0,       ///< done; a check or test passed
  refused = 1,  ///< the library refused, or a check or test failed
  usage = 2,    ///< the command line is wrong (unknown option, missing argument)
  input = 3,    ///< a file could not be read or written, or its content is corrupt
};

/// The language of the command's messages.
enum class Lang { zh, en };

/// "zh" when `lang_env` (the LANG variable) starts with "zh", otherwise "en".
///
///   Lang l = lang_from_env(std::getenv("LANG"));
[[nodiscard]] Lang lang_from_env(const char* lang_env) noexcept;

/// The options every subcommand takes.
struct CommonOptions {
  bool json = false;                    ///< machine-readable output on stdout
  bool quiet = false;                   ///< no progress, no summary lines
  std::string lang;                     ///< "zh" or "en"; empty: from LANG
  Exit exit = Exit::ok;                 ///< set by a subcommand whose check or test failed
  [[nodiscard]] Lang language() const;  ///< `lang`, or from LANG
};

/// A subcommand's failure: what to say, and the exit code. Thrown by a
/// subcommand, caught once in app.cpp.
///
///   throw Failure(Exit::input, "cannot read " + path);
struct Failure {
  /// A failure with a message and no library error.
  Failure(Exit exit_code, std::string text) : exit(exit_code), message(std::move(text)) {}
  /// A failure carrying the library's refusal; the exit code follows `exit_for`.
  Failure(std::string context, const Error& error);
  Exit exit;            ///< the exit code
  std::string message;  ///< one line, already in the chosen language where it is the command's
  std::string code;     ///< the library's error code name, or empty
  std::string rule;     ///< the rule id, or empty
  std::string article;  ///< the article, or empty
  nlohmann::json problems = nlohmann::json::array();  ///< a document's problems (documents.hpp)
};

/// The exit code for a library error: `input` for io_error, corrupt_data and
/// unsupported_version (the file is the problem), `refused` for the rest.
///
///   exit_for(ErrorCode::corrupt_data) == Exit::input
[[nodiscard]] Exit exit_for(ErrorCode code) noexcept;

/// The JSON object of a library error: code, message, rule and article.
[[nodiscard]] nlohmann::json to_json(const Error& error);

/// Picks the message of the chosen language.
///
///   out << say(lang, "权重", "weights");
[[nodiscard]] inline std::string_view say(Lang lang, std::string_view zh, std::string_view en) {
  return lang == Lang::zh ? zh : en;
}

/// Prints `document` (one JSON value, two-space indented) on stdout.
void print_json(const nlohmann::json& document);

}  // namespace kexie::cli

#endif  // KEXIE_TOOLS_CONSOLE_HPP
