// Internal: the JSON tree documents are read into, with the byte offset of every
// value (turned into line and column only when a problem is reported).
// nlohmann-json parses (json_parse.cpp); nothing here includes it, so the document
// readers stay cheap to compile.
#ifndef KEXIE_SRC_DOCUMENT_JSON_VALUE_HPP
#define KEXIE_SRC_DOCUMENT_JSON_VALUE_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kexie/document.hpp"

namespace kexie::detail::json {

/// The kind of a JSON value. Integers keep their own kind so that a count is never
/// read from a fraction.
enum class Kind : std::uint8_t { null, boolean, integer, number, string, array, object };

/// "null", "a boolean", "an integer", "a number", "a string", "an array", "an object".
std::string_view describe(Kind kind) noexcept;

/// A JSON value with its position. Object members keep their document order
/// (`keys[i]` names `items[i]`); numbers keep their text as written.
struct Value {
  Kind kind = Kind::null;
  bool boolean = false;
  std::string text;               ///< a string's value, or a number's text
  std::vector<Value> items;       ///< array elements, or object member values
  std::vector<std::string> keys;  ///< object member names, parallel to `items`
  std::size_t offset = kNowhere;  ///< byte offset where the value starts in the parsed text

  /// The offset of a value that was built, not parsed.
  static constexpr std::size_t kNowhere = static_cast<std::size_t>(-1);

  /// The member named `key`, or nullptr (also for a value that is not an object).
  [[nodiscard]] const Value* find(std::string_view key) const noexcept;

  static Value make_null() { return Value{}; }
  static Value make_bool(bool b);
  static Value make_string(std::string s);
  /// A number written as `text` (already valid JSON number text).
  static Value make_number(std::string text);
  static Value make_integer(std::int64_t n);
  static Value make_array() { return Value{Kind::array, false, {}, {}, {}, kNowhere}; }
  static Value make_object() { return Value{Kind::object, false, {}, {}, {}, kNowhere}; }
  /// Appends a member (objects) and returns it.
  Value& add(std::string key, Value v);
  /// Appends an element (arrays) and returns it.
  Value& push(Value v);
};

/// Line and column of byte offsets in a text. Parsing records only offsets; the
/// line starts are found on the first lookup (one pass), and each lookup is a
/// binary search plus a count of the characters between the line start and the
/// offset, so columns count characters (a Chinese character is one column).
///   Positions pos(text);
///   const Position at = pos.locate(value.offset);  // {line, column}, from 1
class Positions {
 public:
  struct Position {
    std::uint32_t line = 0;    ///< from 1; 0 when unknown
    std::uint32_t column = 0;  ///< in characters, from 1; 0 when unknown
  };
  explicit Positions(std::string_view text) noexcept : text_(text) {}
  /// Where `offset` is; {0, 0} for Value::kNowhere or an offset beyond the text.
  [[nodiscard]] Position locate(std::size_t offset) const;

 private:
  std::string_view text_;
  mutable std::vector<std::size_t> line_starts_;  // built on the first locate
};

/// A parsed document, or the one problem that stopped the parse (syntax, size, depth).
struct Parsed {
  std::optional<Value> root;
  DocumentProblem problem;  ///< when !root
};

/// Parses `text` under `limits`: refused unread beyond max_bytes; nesting beyond
/// max_depth stops the parse; the whole input must be one JSON value.
Parsed parse(std::string_view text, const DocumentLimits& limits);

/// The canonical text of `v`: two-space indent, members in the order held, an array
/// of scalars on one line (`[2, 3, 1.5]`), strings in UTF-8 with only the escapes
/// JSON requires, a trailing newline.
std::string write(const Value& v);

/// `pointer` + "/" + `token`, with `~` and `/` escaped as RFC 6901 says.
std::string pointer_append(std::string_view pointer, std::string_view token);
/// `pointer` + "/" + index.
std::string pointer_append(std::string_view pointer, std::size_t index);

}  // namespace kexie::detail::json

#endif  // KEXIE_SRC_DOCUMENT_JSON_VALUE_HPP
