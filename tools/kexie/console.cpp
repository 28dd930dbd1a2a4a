// Exit codes, languages and the JSON of errors for the kexie command.
#include "console.hpp"

#include <cstdlib>
#include <cstring>
#include <iostream>

namespace kexie::cli {

Lang lang_from_env(const char* lang_env) noexcept {
  return lang_env != nullptr && std::strncmp(lang_env, "zh", 2) == 0 ? Lang::zh : Lang::en;
}

Lang CommonOptions::language() const {
  if (lang == "zh") return Lang::zh;
  if (lang == "en") return Lang::en;
  // LC_ALL and LC_MESSAGES override LANG, as for every program using gettext.
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') return lang_from_env(value);
  }
  return Lang::en;
}

Failure::Failure(std::string context, const Error& error)
    : exit(exit_for(error.code())),
      message(context.empty() ? error.to_string() : context + ": " + error.to_string()),
      code(to_string(error.code())),
      rule(error.rule()),
      article(error.article()) {}

Exit exit_for(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::io_error:
    case ErrorCode::corrupt_data:
    case ErrorCode::unsupported_version:
      return Exit::input;
    default:
      return Exit::refused;
  }
}

nlohmann::json to_json(const Error& error) {
  return {{"code", to_string(error.code())},
          {"message", error.message()},
          {"rule", error.rule()},
          {"article", error.article()}};
}

void print_json(const nlohmann::json& document) {
  std::cout << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace kexie::cli
