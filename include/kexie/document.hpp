// Documents: kexie's data boundary as versioned JSON (kexie.campaign/1, …).
// This header holds what every document format shares: the problem a reader
// reports (a JSON Pointer with its line and column), the result that carries
// all of them, and the limits against hostile input. No JSON type appears
// here; documents go in as `std::string_view` and come out as `std::string`.
// docs/documents.md describes each format and the canonical form.
#ifndef KEXIE_DOCUMENT_HPP
#define KEXIE_DOCUMENT_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "kexie/error.hpp"
#include "kexie/export.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

/// One thing wrong with a document: where (a JSON Pointer, RFC 6901, and the line
/// and column where the offending value starts, both from 1; the column counts
/// characters, not bytes), what was expected, and for a domain rule its id and
/// article.
///
///   auto read = kexie::read_campaign_document(text);
///   for (const kexie::DocumentProblem& p : read.problems())
///     std::cerr << p.to_string() << '\n';  // /panel/min_judges (12:19): expected …
struct DocumentProblem {
  std::string pointer;       ///< e.g. "/categories/0/rubric/indicators/1/weight"; "" = the root
  std::uint32_t line = 0;    ///< line of the value, from 1 (0: no position, e.g. too large)
  std::uint32_t column = 0;  ///< column of the value in characters, from 1
  std::string rule;          ///< domain rule id (e.g. "rubric.weights_sum"), or empty
  std::string article;       ///< the policy article of the rule, or empty
  std::string message;       ///< what was wrong and what was expected

  /// "pointer (line:column): message [rule, article]", leaving out empty parts.
  /// \return one line for a log or a form: "(document)" for the root pointer, no
  /// position when `line` is 0, no brackets without a rule
  ///
  ///   kexie::DocumentProblem p{.pointer = "/year", .line = 4, .column = 11,
  ///                            .message = "expected an integer in 1900…2200"};
  ///   assert(p.to_string() == "/year (4:11): expected an integer in 1900…2200");
  [[nodiscard]] KEXIE_API std::string to_string() const;
  /// Field-wise equality.
  friend bool operator==(const DocumentProblem&, const DocumentProblem&) = default;
};

/// Limits a reader enforces before it builds anything, so that a hostile document
/// costs at most memory proportional to its size.
///
///   kexie::DocumentLimits strict{.max_bytes = 1 << 20};
struct DocumentLimits {
  std::size_t max_bytes = std::size_t{64} << 20;  ///< larger documents are refused unread
  std::uint32_t max_depth = 64;                   ///< deepest nesting of arrays and objects
  std::size_t max_values = 2'000'000;             ///< values (and keys) in the whole document
  std::uint32_t max_problems = 100;               ///< problems collected before stopping
};

/// The outcome of reading a document: the value, or an `Error` (code
/// `corrupt_data` for malformed JSON, `invalid_argument` for a document that breaks
/// its format, `unsupported_version` for another format version, or the domain
/// rule's code when only one problem was found) together with every problem found,
/// up to `DocumentLimits::max_problems`.
///
///   kexie::DocumentResult<kexie::CampaignRules> r = kexie::read_campaign_document(text);
///   if (!r) for (const auto& p : r.problems()) std::cerr << p.to_string() << '\n';
template <class T>
class [[nodiscard]] DocumentResult {
 public:
  /// Success.
  /// \param value what the document holds, taken over
  DocumentResult(T value) : result_(std::move(value)) {}
  /// Failure with the problems that explain it.
  /// \param error the refusal: its code and a message that sums the problems up
  /// \param problems every problem found, in document order
  DocumentResult(Error error, std::vector<DocumentProblem> problems)
      : result_(std::move(error)), problems_(std::move(problems)) {}

  /// True when the document was read.
  /// \return true when there is a value, false when there is an error
  [[nodiscard]] bool ok() const noexcept { return result_.ok(); }
  /// Same as `ok()`.
  /// \return `ok()`
  explicit operator bool() const noexcept { return ok(); }
  /// The value; throws BadResultAccess when the document was refused.
  /// \return the value, owned by this result
  T& value() & { return result_.value(); }
  /// The value; throws BadResultAccess when the document was refused.
  /// \return the value, owned by this result
  const T& value() const& { return result_.value(); }
  /// The value, moved out; throws BadResultAccess when the document was refused.
  /// \return the value; this result is left moved-from
  T value() && { return std::move(result_).value(); }
  /// The error; throws BadResultAccess on success.
  /// \return the refusal, with code, message and, for one domain problem, rule and article
  [[nodiscard]] const Error& error() const { return result_.error(); }
  /// Every problem found (empty on success), in document order.
  /// \return at most `DocumentLimits::max_problems` problems
  [[nodiscard]] const std::vector<DocumentProblem>& problems() const noexcept { return problems_; }
  /// The plain `Result`, dropping the problem list (the error's message lists them).
  /// \return the value or the error, moved out; this result is left moved-from
  [[nodiscard]] Result<T> to_result() && { return std::move(result_); }

 private:
  Result<T> result_;
  std::vector<DocumentProblem> problems_;
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_DOCUMENT_HPP
