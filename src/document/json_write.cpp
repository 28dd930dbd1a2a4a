// The canonical JSON text of a document tree, and the small value helpers.
#include <cstdio>
#include <string>
#include <string_view>

#include "document/json_value.hpp"

namespace kexie::detail::json {

std::string_view describe(Kind kind) noexcept {
  switch (kind) {
    case Kind::null:
      return "null";
    case Kind::boolean:
      return "a boolean";
    case Kind::integer:
      return "an integer";
    case Kind::number:
      return "a number";
    case Kind::string:
      return "a string";
    case Kind::array:
      return "an array";
    case Kind::object:
      return "an object";
  }
  return "a value";
}

const Value* Value::find(std::string_view key) const noexcept {
  if (kind != Kind::object) return nullptr;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) return &items[i];
  }
  return nullptr;
}

Value Value::make_bool(bool b) {
  Value v;
  v.kind = Kind::boolean;
  v.boolean = b;
  return v;
}

Value Value::make_string(std::string s) {
  Value v;
  v.kind = Kind::string;
  v.text = std::move(s);
  return v;
}

Value Value::make_number(std::string text) {
  Value v;
  v.kind = Kind::number;
  v.text = std::move(text);
  return v;
}

Value Value::make_integer(std::int64_t n) {
  Value v;
  v.kind = Kind::integer;
  v.text = std::to_string(n);
  return v;
}

Value& Value::add(std::string key, Value v) {
  keys.push_back(std::move(key));
  items.push_back(std::move(v));
  return items.back();
}

Value& Value::push(Value v) {
  items.push_back(std::move(v));
  return items.back();
}

namespace {

void quoted(std::string& out, std::string_view s) {
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
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
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += ch;  // UTF-8 passes through unchanged
        }
    }
  }
  out += '"';
}

void indent(std::string& out, int depth) { out.append(static_cast<std::size_t>(depth) * 2, ' '); }

bool scalars_only(const Value& v) {
  for (const Value& item : v.items) {
    if (item.kind == Kind::array || item.kind == Kind::object) return false;
  }
  return true;
}

void emit(std::string& out, const Value& v, int depth) {
  switch (v.kind) {
    case Kind::null:
      out += "null";
      return;
    case Kind::boolean:
      out += v.boolean ? "true" : "false";
      return;
    case Kind::integer:
    case Kind::number:
      out += v.text;
      return;
    case Kind::string:
      quoted(out, v.text);
      return;
    case Kind::array:
    case Kind::object:
      break;
  }
  const bool object = v.kind == Kind::object;
  if (v.items.empty()) {
    out += object ? "{}" : "[]";
    return;
  }
  if (!object && scalars_only(v)) {  // [2, 3, 1.5] and mark rows stay on one line
    out += '[';
    for (std::size_t i = 0; i < v.items.size(); ++i) {
      if (i > 0) out += ", ";
      emit(out, v.items[i], depth + 1);
    }
    out += ']';
    return;
  }
  out += object ? "{\n" : "[\n";
  for (std::size_t i = 0; i < v.items.size(); ++i) {
    indent(out, depth + 1);
    if (object) {
      quoted(out, v.keys[i]);
      out += ": ";
    }
    emit(out, v.items[i], depth + 1);
    if (i + 1 < v.items.size()) out += ',';
    out += '\n';
  }
  indent(out, depth);
  out += object ? '}' : ']';
}

}  // namespace

std::string write(const Value& v) {
  std::string out;
  emit(out, v, 0);
  out += '\n';
  return out;
}

std::string pointer_append(std::string_view pointer, std::string_view token) {
  std::string out(pointer);
  out += '/';
  for (const char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string pointer_append(std::string_view pointer, std::size_t index) {
  std::string out(pointer);
  out += '/';
  out += std::to_string(index);
  return out;
}

}  // namespace kexie::detail::json
