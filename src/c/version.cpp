// The C API's version, errors, strings, dates and timestamps.
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "capi.hpp"
#include "kexie/document.hpp"
#include "kexie/version.hpp"

namespace {

struct LastError {
  kx_error view{KX_OK, "", "", ""};
  std::string message, rule, article;
  // The problems of a refused document (kx_error_problem); empty after other failures.
  std::vector<kexie::DocumentProblem> problems;
  std::vector<kx_document_problem> problem_views;
  void set(int code, std::string m, std::string r, std::string a) {
    problems.clear();
    problem_views.clear();
    message = std::move(m);
    rule = std::move(r);
    article = std::move(a);
    view = {code, message.c_str(), rule.c_str(), article.c_str()};
  }
};

LastError& last() noexcept {
  thread_local LastError e;
  return e;
}

}  // namespace

namespace kx {

int fail(const kexie::Error& error) noexcept {
  const int code = -static_cast<int>(error.code());
  try {
    last().set(code, error.message(), error.rule(), error.article());
  } catch (...) {
    last().view = {code, "", "", ""};
  }
  return code;
}

kexie::Status array_size(std::size_t count, std::size_t bytes, const char* what) {
  constexpr auto kMax = static_cast<std::size_t>(std::numeric_limits<std::ptrdiff_t>::max());
  if (bytes != 0 && count > kMax / bytes) {
    return invalid(std::string(what) + " = " + std::to_string(count) +
                   " overflows the address space");
  }
  return {};
}

kexie::Status table_size(std::size_t rows, std::size_t cols, std::size_t bytes,
                         const char* rows_name, const char* cols_name) {
  constexpr auto kMax = static_cast<std::size_t>(std::numeric_limits<std::ptrdiff_t>::max());
  const std::size_t per_row = bytes == 0 ? 1 : bytes;
  if (cols > kMax / per_row || (cols != 0 && rows > kMax / per_row / cols)) {
    return invalid(std::string(rows_name) + " × " + cols_name + " = " + std::to_string(rows) +
                   " × " + std::to_string(cols) + " overflows the address space");
  }
  return {};
}

int fail(kexie::ErrorCode code, std::string message, std::string rule) noexcept {
  try {
    return fail(kexie::Error(code, std::move(message), std::move(rule)));
  } catch (...) {
    last().view = {-static_cast<int>(code), "", "", ""};
    return -static_cast<int>(code);
  }
}

int stopped(int value) noexcept {
  if (value >= 0) return value;
  try {
    last().set(KX_ECALLBACK, "the callback stopped the iteration with " + std::to_string(value), "",
               "");
  } catch (...) {
    last().view = {KX_ECALLBACK, "the callback stopped the iteration", "", ""};
  }
  return KX_ECALLBACK;
}

int fail_internal(const char* what) noexcept {
  try {
    last().set(KX_EINTERNAL, std::string("internal error: ") + what, "", "");
  } catch (...) {
    last().view = {KX_EINTERNAL, "internal error", "", ""};
  }
  return KX_EINTERNAL;
}

int fail_document(const kexie::Error& error,
                  const std::vector<kexie::DocumentProblem>& problems) noexcept {
  const int code = fail(error);
  try {
    LastError& e = last();
    e.problems = problems;
    e.problem_views.reserve(e.problems.size());
    for (const kexie::DocumentProblem& p : e.problems) {
      e.problem_views.push_back({p.pointer.c_str(), p.line, p.column, p.rule.c_str(),
                                 p.article.c_str(), p.message.c_str()});
    }
  } catch (...) {
    last().problems.clear();
    last().problem_views.clear();
  }
  return code;
}

int fail_nomem() noexcept {
  last().problems.clear();  // never allocates
  last().problem_views.clear();
  last().view = {KX_ENOMEM, "out of memory", "", ""};
  return KX_ENOMEM;
}

kexie::Result<kexie::Date> date(const char* text, const char* what) {
  if (text == nullptr) return null_arg(what);
  kexie::Result<kexie::Date> d = kexie::Date::parse(text);
  if (!d) return invalid(std::string(what) + ": " + d.error().message());
  return d;
}

kexie::Result<kexie::Timestamp> timestamp(const char* text, const char* what) {
  if (text == nullptr) return null_arg(what);
  kexie::Result<kexie::Timestamp> t = kexie::Timestamp::parse(text);
  if (!t) return invalid(std::string(what) + ": " + t.error().message());
  return t;
}

kexie::Result<kexie::Decimal> decimal(const char* text, const char* what) {
  if (text == nullptr) return null_arg(what);
  kexie::Result<kexie::Decimal> d = kexie::Decimal::parse(text);
  if (!d) {
    const kexie::Error& e = d.error();
    return kexie::Error(e.code(), std::string(what) + ": " + e.message(), e.rule(), e.article());
  }
  return d;
}

kexie::Result<kexie::Decimal> decimal_or(const char* text, kexie::Decimal fallback,
                                         const char* what) {
  if (text == nullptr || *text == '\0') return fallback;
  return decimal(text, what);
}

Rc give(char** out, std::string_view s) noexcept {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (p == nullptr) return fail_nomem();
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  *out = p;
  return KX_OK;
}

kexie::Status put(kx_decimal* out, const kexie::Decimal& d) {
  const std::string s = d.to_string();
  if (s.size() >= sizeof out->text) {
    return kexie::Error(kexie::ErrorCode::overflow, "decimal text too long");
  }
  std::memcpy(out->text, s.c_str(), s.size() + 1);
  return {};
}

}  // namespace kx

extern "C" {

const char* kx_version_string(void) { return kexie::version_string(); }

int kx_version_number(void) { return kexie::version_number(); }

const kx_error* kx_error_last(void) { return &last().view; }

size_t kx_error_problem_count(void) { return last().problem_views.size(); }

const kx_document_problem* kx_error_problem(size_t index) {
  const auto& views = last().problem_views;
  return index < views.size() ? &views[index] : nullptr;
}

void kx_error_clear(void) {
  try {
    last().set(KX_OK, "", "", "");
  } catch (...) {
    last().view = {KX_OK, "", "", ""};
  }
}

const char* kx_error_name(int code) {
  if (code == KX_OK) return "ok";
  if (code == KX_EINTERNAL) return "internal";
  if (code == KX_ENOMEM) return "out_of_memory";
  if (code == KX_ECALLBACK) return "callback";
  if (!kexie::enum_is_valid<kexie::ErrorCode>(-static_cast<std::int64_t>(code))) return "unknown";
  // to_string returns a view of a static literal, NUL-terminated.
  return kexie::to_string(static_cast<kexie::ErrorCode>(-code)).data();
}

void kx_string_free(char* str) { std::free(str); }

int kx_date_parse(int32_t* out, const char* text) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_TRY_ASSIGN(const kexie::Date d, kx::date(text, "date"));
    *out = d.days();
    return KX_OK;
  });
}

int kx_date_format(char out[11], int32_t days) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    const kexie::Date d = kexie::Date::from_days(days);
    if (!d.ok()) return kx::invalid("day " + std::to_string(days) + " is not supported");
    const std::string s = d.to_string();
    std::memcpy(out, s.c_str(), 11);
    return KX_OK;
  });
}

int kx_timestamp_parse(int64_t* out, const char* text) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_TRY_ASSIGN(const kexie::Timestamp t, kx::timestamp(text, "timestamp"));
    *out = t.micros();
    return KX_OK;
  });
}

}  // extern "C"
