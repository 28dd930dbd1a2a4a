// Error, its text form, and the exception thrown when a Result is misread.
#include "kexie/error.hpp"

#include <utility>

#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

std::string_view to_string(ErrorCode code) noexcept { return enum_name(code); }

Error::Error(ErrorCode code, std::string message, std::string rule, std::string article)
    : code_(code),
      message_(std::move(message)),
      rule_(std::move(rule)),
      article_(std::move(article)) {}

std::string Error::to_string() const {
  std::string out(kexie::to_string(code_));
  if (!rule_.empty() || !article_.empty()) {
    out += " [";
    out += rule_;
    if (!rule_.empty() && !article_.empty()) out += ", ";
    out += article_;
    out += ']';
  }
  out += ": ";
  out += message_;
  return out;
}

std::ostream& operator<<(std::ostream& os, const Error& error) { return os << error.to_string(); }

BadResultAccess::BadResultAccess(const Error& ignored)
    : std::logic_error("kexie: value() of a failed Result: " + ignored.to_string()),
      error_(ignored) {}

BadResultAccess::BadResultAccess()
    : std::logic_error("kexie: error() of a successful Result"),
      error_(ErrorCode::ok, "the result held a value") {}

}  // namespace v1
}  // namespace kexie
