// Reading document values while collecting every problem.
#include "document/reader.hpp"

#include <charconv>
#include <cmath>
#include <string>
#include <system_error>

namespace kexie::detail::doc {

void Problems::add(const Value* at, std::string pointer, std::string message, std::string rule,
                   std::string article) {
  if (list_.size() >= max_) {
    capped_ = true;
    return;
  }
  DocumentProblem p;
  p.pointer = std::move(pointer);
  if (at != nullptr) {
    const auto where = positions_.locate(at->offset);
    p.line = where.line;
    p.column = where.column;
  }
  p.rule = std::move(rule);
  p.article = std::move(article);
  p.message = std::move(message);
  list_.push_back(std::move(p));
}

void Problems::add(const Value* at, std::string pointer, const Error& error) {
  const bool first = list_.empty();
  add(at, std::move(pointer), error.message(), error.rule(), error.article());
  single_code_ = first ? std::optional<ErrorCode>(error.code()) : std::nullopt;
}

Error Problems::summary(ErrorCode code) const {
  std::string message;
  if (list_.size() == 1 && !capped_) {
    message = "the document was refused: " + list_.front().to_string();
    if (single_code_) code = *single_code_;
    return Error(code, std::move(message), list_.front().rule, list_.front().article);
  }
  message = std::to_string(list_.size()) + (capped_ ? " or more" : "") +
            " problems in the document; the first: ";
  for (std::size_t i = 0; i < list_.size() && i < 3; ++i) {
    if (i > 0) message += "; ";
    message += list_[i].to_string();
  }
  return Error(code, std::move(message));
}

std::string choices(std::span<const std::string_view> names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += '"';
    out += names[i];
    out += '"';
  }
  return out;
}

namespace {
std::string got(const Value& v) {
  std::string out(json::describe(v.kind));
  if (v.kind == Kind::string || v.kind == Kind::integer || v.kind == Kind::number) {
    out += ' ' + (v.kind == Kind::string ? quote_input(v.text) : v.text);
  }
  return out;
}
}  // namespace

std::optional<std::string> read_text(Problems& p, const Value& v, const std::string& at,
                                     TextRule rule) {
  if (v.kind != Kind::string) {
    p.add(&v, at, "expected a string, found " + got(v));
    return std::nullopt;
  }
  if (auto ok = check_text(v.text, at, rule); !ok) {
    p.add(&v, at, ok.error());
    return std::nullopt;
  }
  return v.text;
}

std::optional<Decimal> read_decimal(Problems& p, const Value& v, const std::string& at) {
  if (v.kind != Kind::string) {
    p.add(&v, at, "expected an exact decimal as a string (e.g. \"0.25\"), found " + got(v));
    return std::nullopt;
  }
  auto d = Decimal::parse(v.text);
  if (!d) {
    p.add(&v, at, "expected an exact decimal as a string (e.g. \"0.25\"), found " + got(v));
    return std::nullopt;
  }
  return *d;
}

std::optional<Date> read_date(Problems& p, const Value& v, const std::string& at) {
  if (v.kind == Kind::string) {
    auto d = Date::parse(v.text);
    if (d && v.text.size() == 10) return *d;
  }
  p.add(&v, at, "expected a date \"YYYY-MM-DD\", found " + got(v));
  return std::nullopt;
}

std::optional<std::int64_t> read_integer(Problems& p, const Value& v, const std::string& at,
                                         std::int64_t lo, std::int64_t hi) {
  const std::string want =
      "expected an integer in " + std::to_string(lo) + "…" + std::to_string(hi) + ", found ";
  if (v.kind != Kind::integer) {
    p.add(&v, at, want + got(v));
    return std::nullopt;
  }
  std::int64_t n = 0;
  const auto r = std::from_chars(v.text.data(), v.text.data() + v.text.size(), n);
  if (r.ec != std::errc() || n < lo || n > hi) {
    p.add(&v, at, want + got(v));
    return std::nullopt;
  }
  return n;
}

std::optional<double> read_number(Problems& p, const Value& v, const std::string& at) {
  if (v.kind == Kind::integer || v.kind == Kind::number) {
    double d = 0;
    const auto r = std::from_chars(v.text.data(), v.text.data() + v.text.size(), d);
    if (r.ec == std::errc() && std::isfinite(d)) return d;
  }
  p.add(&v, at, "expected a finite number, found " + got(v));
  return std::nullopt;
}

std::optional<bool> read_bool(Problems& p, const Value& v, const std::string& at) {
  if (v.kind == Kind::boolean) return v.boolean;
  p.add(&v, at, "expected true or false, found " + got(v));
  return std::nullopt;
}

std::optional<std::size_t> read_choice(Problems& p, const Value& v, const std::string& at,
                                       std::span<const std::string_view> names) {
  if (v.kind == Kind::string) {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == v.text) return i;
    }
  }
  p.add(&v, at, "expected one of " + choices(names) + ", found " + got(v));
  return std::nullopt;
}

Object::Object(Problems& p, const Value* v, std::string pointer,
               std::initializer_list<std::string_view> keys)
    : p_(p), pointer_(std::move(pointer)) {
  if (v == nullptr) return;
  if (v->kind != Kind::object) {
    p_.add(v, pointer_, "expected an object, found " + got(*v));
    return;
  }
  v_ = v;
  for (std::size_t i = 0; i < v->keys.size(); ++i) {
    const std::string& k = v->keys[i];
    if (k.rfind("x-", 0) == 0) continue;
    bool known = false;
    for (std::string_view allowed : keys) known = known || allowed == k;
    if (!known) {
      std::string list;
      for (std::string_view allowed : keys) {
        if (!list.empty()) list += ", ";
        list += allowed;
      }
      p_.add(&v->items[i], json::pointer_append(pointer_, k),
             "unknown key " + quote_input(k) + " (known here: " + list +
                 "; extensions start with \"x-\")");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (v->keys[j] == k) {
        p_.add(&v->items[i], json::pointer_append(pointer_, k),
               "key " + quote_input(k) + " given twice");
      }
    }
  }
}

const Value* Object::get(std::string_view key, bool required) {
  if (v_ == nullptr) return nullptr;
  const Value* m = v_->find(key);
  if (m != nullptr && (m->kind != Kind::null || required)) return m;
  if (required) {
    p_.add(v_, at(key), "missing required key \"" + std::string(key) + "\"");
  }
  return nullptr;
}

std::string Object::at(std::string_view key) const { return json::pointer_append(pointer_, key); }

std::optional<std::string> Object::text(std::string_view key, bool required, TextRule rule) {
  const Value* m = get(key, required);
  return m ? read_text(p_, *m, at(key), rule) : std::nullopt;
}
std::optional<Decimal> Object::decimal(std::string_view key, bool required) {
  const Value* m = get(key, required);
  return m ? read_decimal(p_, *m, at(key)) : std::nullopt;
}
std::optional<Date> Object::date(std::string_view key, bool required) {
  const Value* m = get(key, required);
  return m ? read_date(p_, *m, at(key)) : std::nullopt;
}
std::optional<std::int64_t> Object::integer(std::string_view key, bool required, std::int64_t lo,
                                            std::int64_t hi) {
  const Value* m = get(key, required);
  return m ? read_integer(p_, *m, at(key), lo, hi) : std::nullopt;
}
std::optional<double> Object::number(std::string_view key, bool required) {
  const Value* m = get(key, required);
  return m ? read_number(p_, *m, at(key)) : std::nullopt;
}
std::optional<bool> Object::flag(std::string_view key, bool required) {
  const Value* m = get(key, required);
  return m ? read_bool(p_, *m, at(key)) : std::nullopt;
}
const Value* Object::array(std::string_view key, bool required) {
  const Value* m = get(key, required);
  if (m == nullptr) return nullptr;
  if (m->kind != Kind::array) {
    p_.add(m, at(key), "expected an array, found " + got(*m));
    return nullptr;
  }
  return m;
}
void Object::forbid(std::string_view key, std::string_view why) {
  if (v_ == nullptr) return;
  if (const Value* m = v_->find(key)) p_.add(m, at(key), std::string(why));
}

void check_format(Problems& p, Object& root, std::string_view format,
                  std::optional<ErrorCode>& code) {
  const Value* f = root.get("format", true);
  if (f == nullptr) return;
  if (f->kind == Kind::string && f->text == format) return;
  const std::string_view kind = format.substr(0, format.find('/') + 1);
  if (f->kind == Kind::string && f->text.rfind(kind, 0) == 0) code = ErrorCode::unsupported_version;
  p.add(f, root.at("format"),
        "expected \"" + std::string(format) + "\", found " + got(*f) +
            " (this build reads version " + std::string(format.substr(kind.size())) + ")");
}

Value dec(const Decimal& d) { return Value::make_string(d.to_string()); }
Value text(std::string_view s) { return Value::make_string(std::string(s)); }
Value date(const Date& d) { return Value::make_string(d.to_string()); }
Value integer(std::int64_t n) { return Value::make_integer(n); }
Value number(double d) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, d);
  Value v = Value::make_number(std::string(buf, r.ptr));
  return v;
}

}  // namespace kexie::detail::doc
