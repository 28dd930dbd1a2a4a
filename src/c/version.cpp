// The C API's version, errors, strings, dates and timestamps.
#include <string>

#include "capi.hpp"
#include "kexie/version.hpp"

namespace {

struct LastError {
  kx_error view{KX_OK, "", "", ""};
  std::string message, rule, article;
  void set(int code, std::string m, std::string r, std::string a) {
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

int fail(kexie::ErrorCode code, std::string message, std::string rule) noexcept {
  try {
    return fail(kexie::Error(code, std::move(message), std::move(rule)));
  } catch (...) {
    last().view = {-static_cast<int>(code), "", "", ""};
    return -static_cast<int>(code);
  }
}

int fail_internal(const char* what) noexcept {
  try {
    last().set(KX_EINTERNAL, std::string("internal error: ") + what, "", "");
  } catch (...) {
    last().view = {KX_EINTERNAL, "internal error", "", ""};
  }
  return KX_EINTERNAL;
}

kexie::Date date(const char* text, const char* what) {
  auto d = kexie::Date::parse(str(text, what));
  if (!d) refuse(kexie::ErrorCode::invalid_argument, std::string(what) + ": " + d.error().message());
  return *d;
}

kexie::Timestamp timestamp(const char* text, const char* what) {
  auto t = kexie::Timestamp::parse(str(text, what));
  if (!t) refuse(kexie::ErrorCode::invalid_argument, std::string(what) + ": " + t.error().message());
  return *t;
}

kexie::Decimal decimal(const char* text, const char* what) {
  auto d = kexie::Decimal::parse(str(text, what));
  if (!d) throw Refusal{kexie::Error(d.error().code(), std::string(what) + ": " + d.error().message(),
                                     d.error().rule(), d.error().article())};
  return *d;
}

kexie::Decimal decimal_or(const char* text, kexie::Decimal fallback, const char* what) {
  if (text == nullptr || *text == '\0') return fallback;
  return decimal(text, what);
}

char* dup(std::string_view s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (p == nullptr) throw std::bad_alloc();
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  return p;
}

void put(kx_decimal* out, const kexie::Decimal& d) {
  const std::string s = d.to_string();
  if (s.size() >= sizeof out->text) refuse(kexie::ErrorCode::overflow, "decimal text too long");
  std::memcpy(out->text, s.c_str(), s.size() + 1);
}

}  // namespace kx

extern "C" {

const char* kx_version_string(void) { return kexie::version_string(); }

int kx_version_number(void) { return kexie::version_number(); }

const kx_error* kx_error_last(void) { return &last().view; }

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
  if (code < KX_EOVERFLOW || code > 0) return "unknown";
  // to_string returns a view of a static literal, NUL-terminated.
  return kexie::to_string(static_cast<kexie::ErrorCode>(-code)).data();
}

void kx_string_free(char* str) { std::free(str); }

int kx_date_parse(int32_t* out, const char* text) {
  return kx::guard([&] {
    kx::need(out, "out");
    *out = kx::date(text, "date").days();
  });
}

int kx_date_format(char out[11], int32_t days) {
  return kx::guard([&] {
    kx::need(out, "out");
    const kexie::Date d = kexie::Date::from_days(days);
    if (!d.ok()) kx::refuse(kexie::ErrorCode::invalid_argument, "day " + std::to_string(days) + " is not supported");
    const std::string s = d.to_string();
    std::memcpy(out, s.c_str(), 11);
  });
}

int kx_timestamp_parse(int64_t* out, const char* text) {
  return kx::guard([&] {
    kx::need(out, "out");
    *out = kx::timestamp(text, "timestamp").micros();
  });
}

}  // extern "C"
