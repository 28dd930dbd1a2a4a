// Internal: kexie's one JSON writer. Every JSON text the library produces — the
// canonical documents (document/json_write.cpp writes a parsed or built tree
// through it, results_document.cpp streams the results straight into it) and the
// compact explanation of `to_json` (explain_json.cpp) — is written here, so the
// escaping and the number forms are the same everywhere.
#ifndef KEXIE_SRC_DETAIL_JSON_WRITER_HPP
#define KEXIE_SRC_DETAIL_JSON_WRITER_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kexie {
inline namespace v1 {
namespace detail {

/// Appends `s` to `out` as a JSON string: UTF-8 passes through unchanged; `"`, `\`
/// and control characters are escaped (`\n`, `\r`, `\t`, `\b`, `\f`, else `\u00XX`).
///   std::string out; json_quote(out, "a\"b");  // out == "\"a\\\"b\""
void json_quote(std::string& out, std::string_view s);

/// Writes JSON text value by value, without building a tree.
///
/// Layout::canonical is the layout of kexie's documents: two-space indent, one
/// member or element a line, `"key": value`, except that an array holding only
/// scalars stays on one line (`[2, 3, 1.5]`), empty containers are `{}` and `[]`,
/// and the text ends with a newline. Layout::compact has no insignificant blank.
/// The caller keeps keys and values in order; nothing is checked.
///
///   JsonWriter w(JsonWriter::Layout::canonical);
///   w.begin_object();
///   w.key("format"); w.string("kexie.results/1");
///   w.key("tiers"); w.begin_array(); w.string("一等奖"); w.end_array();
///   w.end_object();
///   std::string text = w.finish();  // {\n  "format": …,\n  "tiers": ["一等奖"]\n}\n
class JsonWriter {
 public:
  enum class Layout : std::uint8_t { canonical, compact };

  explicit JsonWriter(Layout layout = Layout::canonical) : layout_(layout) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  /// The next member's name (in an object).
  void key(std::string_view name);
  void string(std::string_view s);
  /// A number (or any scalar) already in JSON form, written as it is.
  void raw(std::string_view text);
  void integer(std::int64_t n);
  void boolean(bool b);
  void null();

  /// The text so far that no later call can change: everything before an array
  /// still on one line (which a container element would break over lines).
  [[nodiscard]] std::size_t settled() const noexcept;
  /// Moves out the first `settled()` bytes (for writing the text out in pieces).
  [[nodiscard]] std::string take_settled();
  /// The rest of the text, with the final newline of the canonical layout.
  [[nodiscard]] std::string finish();

 private:
  enum class Mode : std::uint8_t { empty, inline_scalars, block };
  struct Frame {
    bool object = false;
    Mode mode = Mode::empty;
    std::size_t count = 0;
    std::size_t open = 0;            // offset of the bracket in the whole text
    std::vector<std::size_t> items;  // inline arrays: offset of each element in the whole text
  };
  void before_scalar();
  void before_container();
  void newline_indent(std::size_t depth);
  void break_inline(Frame& f);

  Layout layout_;
  std::string out_;
  std::size_t base_ = 0;  // bytes already taken out (take_settled)
  std::vector<Frame> stack_;
};

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_DETAIL_JSON_WRITER_HPP
