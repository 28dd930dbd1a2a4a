// Internal helpers of the C API (not installed): the thread-local last error,
// the guard that turns every C++ outcome into a KX_E* return code, and the
// conversions of C strings into kexie values. Every kx_* body runs inside
// `kx::guard`, so no exception crosses into C.
#ifndef KEXIE_SRC_C_CAPI_HPP
#define KEXIE_SRC_C_CAPI_HPP

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "kexie/date.hpp"
#include "kexie/decimal.hpp"
#include "kexie/error.hpp"
#include "kexie/kexie.h"
#include "kexie/result.hpp"

namespace kx {

/// Records `error` as this thread's last error and returns its KX_E* code.
int fail(const kexie::Error& error) noexcept;
/// Records a C-API-level refusal.
int fail(kexie::ErrorCode code, std::string message, std::string rule = {}) noexcept;
/// Records an internal failure (KX_EINTERNAL).
int fail_internal(const char* what) noexcept;

/// Thrown inside a guarded body to return an error; caught by `guard`.
struct Refusal {
  kexie::Error error;
};

/// Throws a Refusal for a failed result.
template <class T>
T take(kexie::Result<T> r) {
  if (!r) throw Refusal{r.error()};
  return std::move(r).value();
}
inline void take(const kexie::Status& s) {
  if (!s) throw Refusal{s.error()};
}

[[noreturn]] inline void refuse(kexie::ErrorCode code, std::string message,
                                std::string rule = {}) {
  throw Refusal{kexie::Error(code, std::move(message), std::move(rule))};
}

/// Runs `body` (returning void), mapping Refusal and every exception to a code.
template <class F>
int guard(F&& body) noexcept {
  try {
    body();
    return KX_OK;
  } catch (const Refusal& r) {
    return fail(r.error);
  } catch (const kexie::BadResultAccess& e) {
    return fail(e.error().code() == kexie::ErrorCode::ok ? kexie::Error(kexie::ErrorCode::invalid_argument, e.what())
                                                          : e.error());
  } catch (const std::invalid_argument& e) {
    return fail(kexie::ErrorCode::invalid_argument, e.what());
  } catch (const std::out_of_range& e) {
    return fail(kexie::ErrorCode::invalid_argument, e.what());
  } catch (const std::bad_alloc&) {
    return fail_internal("out of memory");
  } catch (const std::exception& e) {
    return fail_internal(e.what());
  } catch (...) {
    return fail_internal("unknown exception");
  }
}

/// `p` must not be NULL.
template <class T>
T* need(T* p, const char* what) {
  if (p == nullptr) refuse(kexie::ErrorCode::invalid_argument, std::string(what) + " is NULL");
  return p;
}

/// A C string that may be NULL, as a view ("" for NULL).
inline std::string_view opt(const char* s) { return s == nullptr ? std::string_view{} : s; }

/// A required C string.
inline std::string_view str(const char* s, const char* what) {
  return need(s, what);
}

kexie::Date date(const char* text, const char* what);
kexie::Timestamp timestamp(const char* text, const char* what);
kexie::Decimal decimal(const char* text, const char* what);
/// A decimal that may be NULL or empty (then `fallback`).
kexie::Decimal decimal_or(const char* text, kexie::Decimal fallback, const char* what);

/// A copy of `s` in malloc'd memory, for `char **out` results.
char* dup(std::string_view s);

/// Writes `d` into a kx_decimal.
void put(kx_decimal* out, const kexie::Decimal& d);

/// Checks an enum value against [0, count).
template <class E>
E enum_of(int value, int count, const char* what) {
  if (value < 0 || value >= count)
    refuse(kexie::ErrorCode::invalid_argument,
           std::string(what) + " " + std::to_string(value) + " is out of range");
  return static_cast<E>(value);
}

/// Checks a versioned struct.
inline void check_version(unsigned int version, unsigned int expected, const char* what) {
  if (version == 0 || version > expected)
    refuse(kexie::ErrorCode::invalid_argument,
           std::string(what) + ": unsupported version " + std::to_string(version) +
               " (initialize it with its _INIT macro)");
}

}  // namespace kx

#endif  // KEXIE_SRC_C_CAPI_HPP
