// Internal: reading a document tree while collecting every problem (with its JSON
// Pointer, line and column) instead of stopping at the first. Each format's
// reader walks its tree with these helpers, then builds only when no problem
// was found.
#ifndef KEXIE_SRC_DOCUMENT_READER_HPP
#define KEXIE_SRC_DOCUMENT_READER_HPP

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "document/json_value.hpp"
#include "kexie/date.hpp"
#include "kexie/decimal.hpp"
#include "kexie/document.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/error.hpp"
#include "kexie/text.hpp"

namespace kexie::detail::doc {

using json::Kind;
using json::Value;

/// The problems found so far, capped at `DocumentLimits::max_problems`. A problem at
/// a value of `text` (the parsed document) gets the value's line and column.
class Problems {
 public:
  explicit Problems(const DocumentLimits& limits, std::string_view text = {})
      : max_(limits.max_problems), positions_(text) {}
  /// A problem at `at` (its position; may be null) under `pointer`.
  void add(const Value* at, std::string pointer, std::string message, std::string rule = {},
           std::string article = {});
  /// A refusal of the core (a domain rule), at `at`.
  void add(const Value* at, std::string pointer, const Error& error);
  [[nodiscard]] bool empty() const noexcept { return list_.empty() && !capped_; }
  /// How many problems were recorded (capped ones included).
  [[nodiscard]] std::size_t count() const noexcept { return list_.size() + (capped_ ? 1 : 0); }
  [[nodiscard]] std::vector<DocumentProblem> take() { return std::move(list_); }
  /// The error that sums the problems up: `code` (or the single problem's own code).
  [[nodiscard]] Error summary(ErrorCode code) const;

 private:
  std::uint32_t max_;
  json::Positions positions_;
  bool capped_ = false;
  std::vector<DocumentProblem> list_;
  std::optional<ErrorCode> single_code_;
};

/// The names of `E` quoted and joined: "\"mean\", \"median\" or \"trimmed_mean\"".
std::string choices(std::span<const std::string_view> names);

// Readers of one value; each records a problem and returns nothing on a mismatch.
std::optional<std::string> read_text(Problems& p, const Value& v, const std::string& at,
                                     TextRule rule = TextRule::line);
std::optional<Decimal> read_decimal(Problems& p, const Value& v, const std::string& at);
std::optional<Date> read_date(Problems& p, const Value& v, const std::string& at);
std::optional<std::int64_t> read_integer(Problems& p, const Value& v, const std::string& at,
                                         std::int64_t lo, std::int64_t hi);
std::optional<double> read_number(Problems& p, const Value& v, const std::string& at);
std::optional<bool> read_bool(Problems& p, const Value& v, const std::string& at);
/// The index of the name `v` holds in `names`.
std::optional<std::size_t> read_choice(Problems& p, const Value& v, const std::string& at,
                                       std::span<const std::string_view> names);
template <NamedEnum E>
std::optional<E> read_enum(Problems& p, const Value& v, const std::string& at) {
  const auto i = read_choice(p, v, at, EnumNames<E>::names);
  if (!i) return std::nullopt;
  return static_cast<E>(*i);
}

/// One JSON object with a fixed set of keys: a key outside the set (and not
/// `x-`-prefixed) is a problem, and so is a missing required key.
class Object {
 public:
  Object(Problems& p, const Value* v, std::string pointer,
         std::initializer_list<std::string_view> keys);
  /// True when the value is an object.
  [[nodiscard]] bool ok() const noexcept { return v_ != nullptr; }
  /// The member `key`; nullptr when absent (a problem when `required`). A null
  /// member of an optional key counts as absent.
  const Value* get(std::string_view key, bool required);
  /// The pointer of member `key`.
  [[nodiscard]] std::string at(std::string_view key) const;
  [[nodiscard]] const Value* value() const noexcept { return v_; }
  [[nodiscard]] const std::string& pointer() const noexcept { return pointer_; }
  Problems& problems() noexcept { return p_; }

  std::optional<std::string> text(std::string_view key, bool required,
                                  TextRule rule = TextRule::line);
  std::optional<Decimal> decimal(std::string_view key, bool required);
  std::optional<Date> date(std::string_view key, bool required);
  std::optional<std::int64_t> integer(std::string_view key, bool required, std::int64_t lo,
                                      std::int64_t hi);
  std::optional<double> number(std::string_view key, bool required);
  std::optional<bool> flag(std::string_view key, bool required);
  template <NamedEnum E>
  std::optional<E> choice(std::string_view key, bool required) {
    const Value* m = get(key, required);
    return m ? read_enum<E>(p_, *m, at(key)) : std::nullopt;
  }
  /// The member `key` when it is an array (a problem otherwise).
  const Value* array(std::string_view key, bool required);
  /// Refuses member `key` with `why` when it is present.
  void forbid(std::string_view key, std::string_view why);

 private:
  Problems& p_;
  const Value* v_ = nullptr;
  std::string pointer_;
};

/// Checks `"format"` of the root against `format` ("kexie.campaign/1"): a problem
/// (unsupported_version for another version of the same kind) when it differs.
void check_format(Problems& p, Object& root, std::string_view format,
                  std::optional<ErrorCode>& code);

// Builders of canonical values.
Value dec(const Decimal& d);
Value text(std::string_view s);
Value date(const Date& d);
Value integer(std::int64_t n);
Value number(double d);
template <NamedEnum E>
Value name(E e) {
  return text(enum_name(e));
}

}  // namespace kexie::detail::doc

#endif  // KEXIE_SRC_DOCUMENT_READER_HPP
