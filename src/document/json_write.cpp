// The canonical JSON text of a document tree, and the small value helpers.
#include <string>
#include <string_view>

#include "detail/json_writer.hpp"
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

// The tree, value by value, through the one JSON writer (detail/json_writer.hpp).
void emit(JsonWriter& w, const Value& v) {
  switch (v.kind) {
    case Kind::null:
      w.null();
      return;
    case Kind::boolean:
      w.boolean(v.boolean);
      return;
    case Kind::integer:
    case Kind::number:
      w.raw(v.text);
      return;
    case Kind::string:
      w.string(v.text);
      return;
    case Kind::array:
      w.begin_array();
      for (const Value& item : v.items) emit(w, item);
      w.end_array();
      return;
    case Kind::object:
      w.begin_object();
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        w.key(v.keys[i]);
        emit(w, v.items[i]);
      }
      w.end_object();
      return;
  }
}

}  // namespace

std::string write(const Value& v) {
  JsonWriter w(JsonWriter::Layout::canonical);
  emit(w, v);
  return w.finish();
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
