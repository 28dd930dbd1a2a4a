// The error model. A domain rule that refuses an operation returns an `Error`
// inside a `Result` (see result.hpp): a stable `ErrorCode`, a message for
// people, the id of the rule that refused (e.g. "org.parent_kind") and the
// article of the CAST policy that rule enforces (e.g. "A13"). Exceptions are
// kept for programmer errors only, such as reading the value of a failed
// Result. docs/error-handling.md says when to use each code.
#ifndef KEXIE_ERROR_HPP
#define KEXIE_ERROR_HPP

#include <array>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"

namespace kexie {
inline namespace v1 {

/// Why an operation was refused. The numbers are part of the stable API and
/// of the C ABI (`KX_E*` is the negated value): a code is never renumbered and
/// a retired number is never reused. New codes are appended.
enum class ErrorCode : std::int32_t {
  /// Not an error; what `Result<T>::code()` returns on success.
  ok = 0,
  /// The caller passed a value that is malformed on its face, whatever the
  /// state: a bad date string, a reversed interval, a negative quantity. Prefer
  /// `rule_violation` when the value is well-formed but a domain rule forbids it.
  invalid_argument = 1,
  /// An identifier or key names nothing that exists (as of the date asked).
  not_found = 2,
  /// Creating something whose key is already taken (an external key, a second
  /// mark for the same judge, entry and indicator).
  already_exists = 3,
  /// A well-formed request that a rule of the policy forbids; the error names
  /// the rule id and the article. Prefer a more specific code below when one fits.
  rule_violation = 4,
  /// A lifecycle operation that the activity's current state does not allow.
  illegal_transition = 5,
  /// The actor lacks the role, or the role's scope, the operation needs. A
  /// security event: it is recorded in the audit trail.
  permission_denied = 6,
  /// A judge or evaluator would judge their own organization, team or activity.
  conflict_of_interest = 7,
  /// Pairwise judgements (AHP) whose consistency ratio fails the pass rule.
  inconsistent_judgements = 8,
  /// Input data (a file, a buffer) is damaged or not what it claims to be.
  corrupt_data = 9,
  /// Data written by a newer kexie, or in a format version this build cannot read.
  unsupported_version = 10,
  /// The operating system refused a file operation.
  io_error = 11,
  /// An exact computation's result does not fit its declared range or scale.
  overflow = 12,
};

/// The names of `ErrorCode`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<ErrorCode> {
  static constexpr std::array<std::string_view, 13> names{"ok",
                                                          "invalid_argument",
                                                          "not_found",
                                                          "already_exists",
                                                          "rule_violation",
                                                          "illegal_transition",
                                                          "permission_denied",
                                                          "conflict_of_interest",
                                                          "inconsistent_judgements",
                                                          "corrupt_data",
                                                          "unsupported_version",
                                                          "io_error",
                                                          "overflow"};
  static constexpr bool listed(ErrorCode v) noexcept {
    switch (v) {
      case ErrorCode::ok:
      case ErrorCode::invalid_argument:
      case ErrorCode::not_found:
      case ErrorCode::already_exists:
      case ErrorCode::rule_violation:
      case ErrorCode::illegal_transition:
      case ErrorCode::permission_denied:
      case ErrorCode::conflict_of_interest:
      case ErrorCode::inconsistent_judgements:
      case ErrorCode::corrupt_data:
      case ErrorCode::unsupported_version:
      case ErrorCode::io_error:
      case ErrorCode::overflow:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<ErrorCode>());

/// The enumerator's name, e.g. "rule_violation"; "unknown" for a number that is
/// not (yet) a code.
/// \param code the enumerator to name
/// \return its name as `EnumNames<ErrorCode>` spells it, a static string;
/// "unknown" outside the enumeration
///
///   assert(kexie::to_string(kexie::ErrorCode::not_found) == "not_found");
[[nodiscard]] KEXIE_API std::string_view to_string(ErrorCode code) noexcept;

/// A refusal: what went wrong, in words, and which rule said so.
///
///   kexie::Error e{kexie::ErrorCode::rule_violation,
///                  "an enterprise association must sit under a local association",
///                  "org.parent_kind", "A1"};
///   std::cout << e;  // rule_violation [org.parent_kind, A1]: an enterprise association …
class KEXIE_API Error {
 public:
  /// An error with a code and a message; `rule` and `article` may stay empty when no
  /// domain rule is involved (a malformed date, a file that cannot be opened).
  /// \param code the stable code callers branch on (not `ok`)
  /// \param message a sentence for people naming the item that was wrong
  /// \param rule the id of the domain rule that refused, e.g. "org.parent_kind"; it has
  /// a row in docs/error-handling.md
  /// \param article the policy article the rule enforces, e.g. "A1"
  Error(ErrorCode code, std::string message, std::string rule = {}, std::string article = {});

  /// The stable code.
  /// \return the code given at construction
  [[nodiscard]] ErrorCode code() const noexcept { return code_; }
  /// A sentence for people, naming the item that was wrong.
  /// \return the message as given at construction
  [[nodiscard]] const std::string& message() const noexcept { return message_; }
  /// The rule id, e.g. "org.parent_kind", or empty.
  /// \return the rule id; empty when no domain rule is involved
  [[nodiscard]] const std::string& rule() const noexcept { return rule_; }
  /// The policy article, e.g. "A13", or empty.
  /// \return the article; empty for a rule with no article, or no rule
  [[nodiscard]] const std::string& article() const noexcept { return article_; }

  /// "code [rule, article]: message", leaving out the bracket parts that are empty.
  /// \return one line for a log, e.g. "rule_violation [org.parent_kind, A1]: …"
  [[nodiscard]] std::string to_string() const;

  /// Equal when code, message, rule and article are equal.
  friend bool operator==(const Error&, const Error&) = default;

 private:
  ErrorCode code_;
  std::string message_;
  std::string rule_;
  std::string article_;
};

/// Streams `error.to_string()`.
/// \param os the stream
/// \param error the error
/// \return os
KEXIE_API std::ostream& operator<<(std::ostream& os, const Error& error);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_ERROR_HPP
