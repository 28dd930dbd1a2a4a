// kexie's one JSON writer (json_writer.hpp).
#include "detail/json_writer.hpp"

#include <cstdio>

namespace kexie {
inline namespace v1 {
namespace detail {

void json_quote(std::string& out, std::string_view s) {
  out += '"';
  std::size_t run = 0;  // the start of the characters not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;  // UTF-8 passes through unchanged
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
        out += buf;
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void JsonWriter::newline_indent(std::size_t depth) {
  out_ += '\n';
  out_.append(depth * 2, ' ');
}

// An array written on one line so far gets a container element: every element
// already written moves to a line of its own.
void JsonWriter::break_inline(Frame& f) {
  // The text kept: up to and including the '[' (already taken out when base_ is past it).
  const std::size_t keep = f.open + 1 - base_;
  std::string tail;
  for (std::size_t i = 0; i < f.items.size(); ++i) {
    const std::size_t from = f.items[i] - base_;
    const std::size_t to = i + 1 < f.items.size() ? f.items[i + 1] - base_ - 2 : out_.size();
    if (i > 0) tail += ',';
    tail += '\n';
    tail.append(stack_.size() * 2, ' ');
    tail.append(out_, from, to - from);
  }
  out_.resize(keep);
  out_ += tail;
  f.items.clear();
  f.mode = Mode::block;
}

void JsonWriter::before_scalar() {
  if (stack_.empty()) return;
  Frame& f = stack_.back();
  if (f.object) return;  // key() wrote what comes before the value
  if (layout_ == Layout::compact) {
    if (f.count++ > 0) out_ += ',';
    return;
  }
  switch (f.mode) {
    case Mode::empty:
      f.mode = Mode::inline_scalars;
      f.items.push_back(base_ + out_.size());
      break;
    case Mode::inline_scalars:
      out_ += ", ";
      f.items.push_back(base_ + out_.size());
      break;
    case Mode::block:
      out_ += ',';
      newline_indent(stack_.size());
      break;
  }
  ++f.count;
}

void JsonWriter::before_container() {
  if (stack_.empty()) return;
  Frame& f = stack_.back();
  if (f.object) return;
  if (layout_ == Layout::compact) {
    if (f.count++ > 0) out_ += ',';
    return;
  }
  switch (f.mode) {
    case Mode::empty:
      f.mode = Mode::block;
      newline_indent(stack_.size());
      break;
    case Mode::inline_scalars:
      break_inline(f);
      out_ += ',';
      newline_indent(stack_.size());
      break;
    case Mode::block:
      out_ += ',';
      newline_indent(stack_.size());
      break;
  }
  ++f.count;
}

void JsonWriter::key(std::string_view name) {
  Frame& f = stack_.back();
  if (f.count++ > 0) out_ += ',';
  if (layout_ == Layout::compact) {
    json_quote(out_, name);
    out_ += ':';
    return;
  }
  newline_indent(stack_.size());
  json_quote(out_, name);
  out_ += ": ";
}

void JsonWriter::begin_object() {
  before_container();
  out_ += '{';
  stack_.push_back(Frame{true, Mode::empty, 0, base_ + out_.size() - 1, {}});
}

void JsonWriter::end_object() {
  const std::size_t count = stack_.back().count;
  stack_.pop_back();
  if (layout_ == Layout::canonical && count > 0) newline_indent(stack_.size());
  out_ += '}';
}

void JsonWriter::begin_array() {
  before_container();
  out_ += '[';
  stack_.push_back(Frame{false, Mode::empty, 0, base_ + out_.size() - 1, {}});
}

void JsonWriter::end_array() {
  const Mode mode = stack_.back().mode;
  stack_.pop_back();
  if (layout_ == Layout::canonical && mode == Mode::block) newline_indent(stack_.size());
  out_ += ']';
}

void JsonWriter::string(std::string_view s) {
  before_scalar();
  json_quote(out_, s);
}

void JsonWriter::raw(std::string_view text) {
  before_scalar();
  out_ += text;
}

void JsonWriter::integer(std::int64_t n) {
  before_scalar();
  out_ += std::to_string(n);
}

void JsonWriter::boolean(bool b) {
  before_scalar();
  out_ += b ? "true" : "false";
}

void JsonWriter::null() {
  before_scalar();
  out_ += "null";
}

std::size_t JsonWriter::settled() const noexcept {
  if (!stack_.empty() && stack_.back().mode == Mode::inline_scalars)
    return stack_.back().open + 1 - base_;
  return out_.size();
}

std::string JsonWriter::take_settled() {
  const std::size_t n = settled();
  std::string piece = out_.substr(0, n);
  out_.erase(0, n);
  base_ += n;
  return piece;
}

std::string JsonWriter::finish() {
  if (layout_ == Layout::canonical) out_ += '\n';
  base_ += out_.size();
  return std::move(out_);
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie
