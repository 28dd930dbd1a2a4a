// Parsing a document: nlohmann-json's SAX parser checks the syntax (UTF-8, strict
// JSON, one value) and feeds a tree of our own; a second linear pass over the now
// known good text records the byte offset where every value starts. Line and
// column are worked out from an offset only when a problem is reported.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "document/json_value.hpp"

namespace kexie::detail::json {

namespace {

using nlohmann::json;

class TreeBuilder {
 public:
  explicit TreeBuilder(const DocumentLimits& limits) : limits_(limits) {}

  bool null() { return put(Value{}) != nullptr; }
  bool boolean(bool b) { return put(Value::make_bool(b)) != nullptr; }
  bool number_integer(json::number_integer_t n) { return integer(std::to_string(n)); }
  bool number_unsigned(json::number_unsigned_t n) { return integer(std::to_string(n)); }
  bool number_float(json::number_float_t, const json::string_t& text) {
    return put(Value::make_number(text)) != nullptr;
  }
  bool string(json::string_t& s) { return put(Value::make_string(std::move(s))) != nullptr; }
  bool binary(json::binary_t&) { return false; }  // never produced by the JSON lexer
  bool start_object(std::size_t) { return open(Value::make_object()); }
  bool key(json::string_t& k) {
    if (!count()) return false;
    key_ = std::move(k);
    return true;
  }
  bool end_object() {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t) { return open(Value::make_array()); }
  bool end_array() {
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    error_at = position > 0 ? position - 1 : 0;
    error = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error …"
    if (const auto colon = error.find(": "); colon != std::string::npos) {
      error = error.substr(colon + 2);
    }
    return false;
  }

  Value root;
  std::string error;         // set on a syntax error or a broken limit
  std::size_t error_at = 0;  // byte offset of the error
  bool limit_broken = false;

 private:
  bool count() {
    if (++values_ > limits_.max_values) {
      limit_broken = true;
      error = "the document holds more than " + std::to_string(limits_.max_values) +
              " values (DocumentLimits::max_values)";
      return false;
    }
    return true;
  }
  Value* put(Value v) {
    if (!count()) return nullptr;
    if (stack_.empty()) {
      root = std::move(v);
      return &root;
    }
    Value& top = *stack_.back();
    if (top.kind == Kind::object) return &top.add(std::move(key_), std::move(v));
    return &top.push(std::move(v));
  }
  bool open(Value v) {
    if (stack_.size() >= limits_.max_depth) {
      limit_broken = true;
      error = "nesting deeper than " + std::to_string(limits_.max_depth) +
              " levels (DocumentLimits::max_depth)";
      return false;
    }
    Value* placed = put(std::move(v));
    if (placed == nullptr) return false;
    stack_.push_back(placed);
    return true;
  }
  bool integer(std::string text) {
    Value* v = put(Value::make_number(std::move(text)));
    if (v == nullptr) return false;
    v->kind = Kind::integer;
    return true;
  }

  const DocumentLimits& limits_;
  std::vector<Value*> stack_;
  std::string key_;
  std::size_t values_ = 0;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The byte offsets of the values and keys of valid JSON text, one after another in
// document order, found by one linear scan.
class Tokens {
 public:
  Tokens(std::string_view text, std::size_t from) : text_(text), p_(from) {}

  // The start of the next value or key; the end of the text when there is none.
  std::size_t next() {
    const std::size_t n = text_.size();
    while (p_ < n) {
      const char c = text_[p_];
      if (is_space(c) || c == ',' || c == ':' || c == ']' || c == '}') {
        ++p_;
      } else if (c == '"') {
        const std::size_t start = p_++;
        while (p_ < n && text_[p_] != '"') p_ += text_[p_] == '\\' ? 2 : 1;
        ++p_;
        return start;
      } else if (c == '{' || c == '[') {
        return p_++;
      } else {
        const std::size_t start = p_;
        while (p_ < n && !is_space(text_[p_]) && text_[p_] != ',' && text_[p_] != ']' &&
               text_[p_] != '}')
          ++p_;
        return start;
      }
    }
    return n;
  }

 private:
  std::string_view text_;
  std::size_t p_;
};

// Gives every value the offset where it starts. The tree has the document's shape
// (at most DocumentLimits::max_depth levels), so the recursion is bounded.
void place(Value& v, Tokens& tokens) {
  v.offset = tokens.next();
  if (v.kind == Kind::object) {
    for (Value& item : v.items) {
      tokens.next();  // the key
      place(item, tokens);
    }
  } else if (v.kind == Kind::array) {
    for (Value& item : v.items) place(item, tokens);
  }
}

}  // namespace

Positions::Position Positions::locate(std::size_t offset) const {
  if (offset > text_.size()) return {};
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] == '\n') line_starts_.push_back(i + 1);
    }
  }
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::size_t>(it - line_starts_.begin());  // >= 1
  std::uint32_t chars = 0;
  for (std::size_t i = line_starts_[line - 1]; i < offset; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++chars;  // not a continuation byte
  }
  return {static_cast<std::uint32_t>(line), chars + 1};
}

Parsed parse(std::string_view text, const DocumentLimits& limits) {
  Parsed out;
  if (text.size() > limits.max_bytes) {
    out.problem.message = "the document has " + std::to_string(text.size()) + " bytes, more than " +
                          std::to_string(limits.max_bytes) +
                          " (DocumentLimits::max_bytes); refused unread";
    return out;
  }
  TreeBuilder builder(limits);
  bool ok = false;
  try {
    ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json,
                         /*strict=*/true, /*ignore_comments=*/false);
  } catch (const std::exception& e) {  // defensive: sax_parse reports through parse_error
    builder.error = e.what();
  }
  if (!ok) {
    out.problem.message = builder.error.empty() ? "malformed JSON" : builder.error;
    if (!builder.limit_broken) out.problem.message = "malformed JSON: " + out.problem.message;
    if (!builder.limit_broken) {
      const auto at = Positions(text).locate(builder.error_at);
      out.problem.line = at.line;
      out.problem.column = at.column;
    }
    return out;
  }
  const std::size_t from = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  Tokens tokens(text, from);
  place(builder.root, tokens);
  out.root = std::move(builder.root);
  return out;
}

}  // namespace kexie::detail::json
