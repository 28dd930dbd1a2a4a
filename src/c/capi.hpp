// Internal helpers of the C API (not installed): the thread-local last error,
// the conversions of C arguments into kexie values, and the backstop that keeps
// exceptions out of C.
//
// Every kx_* function is a straight translation in libgit2's manner: check the
// arguments, convert them, make one core call and map its Status or Result to a
// KX_E* code with an early return. Refusals are values all the way: a helper
// that can refuse returns a kexie::Result, and a shim returns `kx::Rc`, which a
// kexie::Error or a failed Status converts into by recording it as the thread's
// last error. `kx::guard` runs each body and turns only what is left into
// KX_ENOMEM (std::bad_alloc: the core gives the strong guarantee, so nothing
// changed) or KX_EINTERNAL (a bug).
#ifndef KEXIE_SRC_C_CAPI_HPP
#define KEXIE_SRC_C_CAPI_HPP

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kexie/date.hpp"
#include "kexie/decimal.hpp"
#include "kexie/document.hpp"
#include "kexie/enum_names.hpp"
#include "kexie/error.hpp"
#include "kexie/kexie.h"
#include "kexie/result.hpp"

namespace kx {

/// Records `error` as this thread's last error and returns its KX_E* code.
int fail(const kexie::Error& error) noexcept;
/// Records a C-API-level refusal.
int fail(kexie::ErrorCode code, std::string message, std::string rule = {}) noexcept;
/// Records a refused document: its error as `fail` does, and every problem for
/// kx_error_problem_count() / kx_error_problem().
int fail_document(const kexie::Error& error,
                  const std::vector<kexie::DocumentProblem>& problems) noexcept;
/// Records an internal failure (KX_EINTERNAL).
int fail_internal(const char* what) noexcept;
/// Records an allocation failure (KX_ENOMEM, "out of memory") without allocating.
int fail_nomem() noexcept;
/// What a *_foreach returns after its callback returned `value`: 0 or a positive
/// value as it is (the stop convention), a negative one as KX_ECALLBACK with the
/// value in kx_error_last()'s message, so it never reads as a KX_E* refusal.
int stopped(int value) noexcept;

/// What a shim body returns: KX_OK, a code already recorded by `fail`, or an
/// error or failed status to record now.
class Rc {
 public:
  Rc(int code) noexcept : code_(code) {}  // NOLINT: KX_OK or a code from fail()
  Rc(const kexie::Error& error) noexcept : code_(fail(error)) {}  // NOLINT
  Rc(const kexie::Status& status) noexcept                        // NOLINT
      : code_(status ? KX_OK : fail(status.error())) {}
  [[nodiscard]] int code() const noexcept { return code_; }

 private:
  int code_;
};

/// Runs `body` (returning Rc) and returns its code. The catch clauses are a
/// backstop only, for what is not a refusal: out of memory, or a bug (a C++
/// exception for misuse reaching the shim). No refusal in src/c is an exception.
template <class F>
int guard(F&& body) noexcept {
  try {
    return Rc(body()).code();
  } catch (const std::bad_alloc&) {
    return fail_nomem();
  } catch (const std::exception& e) {
    return fail_internal(e.what());
  } catch (...) {
    return fail_internal("unknown exception");
  }
}

/// The refusal of a NULL argument: "<what> is NULL".
inline kexie::Error null_arg(const char* what) {
  return kexie::Error(kexie::ErrorCode::invalid_argument, std::string(what) + " is NULL");
}

/// An invalid_argument refusal with `message`.
inline kexie::Error invalid(std::string message) {
  return kexie::Error(kexie::ErrorCode::invalid_argument, std::move(message));
}

/// Checks that an array of `count` elements of `bytes` each (the largest element
/// the call reads or writes) fits in memory: invalid_argument naming `what`,
/// "<what> = <count> overflows the address space", otherwise.
kexie::Status array_size(std::size_t count, std::size_t bytes, const char* what);
/// Checks a rows × cols table like `array_size` for cells of `bytes` each; the refusal
/// names both arguments.
kexie::Status table_size(std::size_t rows, std::size_t cols, std::size_t bytes,
                         const char* rows_name, const char* cols_name);

/// A C string that may be NULL, as a view ("" for NULL).
inline std::string_view opt(const char* s) { return s == nullptr ? std::string_view{} : s; }

/// A required day "YYYY-MM-DD"; refusals name `what`.
kexie::Result<kexie::Date> date(const char* text, const char* what);
/// A required ISO 8601 timestamp; refusals name `what`.
kexie::Result<kexie::Timestamp> timestamp(const char* text, const char* what);
/// A required decimal; refusals name `what`.
kexie::Result<kexie::Decimal> decimal(const char* text, const char* what);
/// A decimal that may be NULL or empty (then `fallback`).
kexie::Result<kexie::Decimal> decimal_or(const char* text, kexie::Decimal fallback,
                                         const char* what);

/// Stores a malloc'd copy of `s` in `*out`, for `char **out` results.
Rc give(char** out, std::string_view s) noexcept;

/// Writes `d` into a kx_decimal.
kexie::Status put(kx_decimal* out, const kexie::Decimal& d);

/// The enumerator of `E` with value `value`, range-checked against E's name
/// table; "<what> <value> is out of range" otherwise.
template <kexie::NamedEnum E>
kexie::Result<E> enum_arg(std::int64_t value, const char* what) {
  if (const std::optional<E> e = kexie::enum_from_int<E>(value)) return *e;
  return invalid(std::string(what) + " " + std::to_string(value) + " is out of range");
}

/// Checks a versioned struct.
inline kexie::Status check_version(unsigned int version, unsigned int expected, const char* what) {
  if (version == 0 || version > expected)
    return invalid(std::string(what) + ": unsupported version " + std::to_string(version) +
                   " (initialize it with its _INIT macro)");
  return {};
}

}  // namespace kx

/// Evaluates `expr` (a kexie::Result) and assigns its value to `lhs`, or returns
/// its error from the enclosing function (a shim returning kx::Rc, or a helper
/// returning a kexie::Result): abseil's ASSIGN_OR_RETURN. It expands to several
/// statements, so it never stands as the unbraced body of an `if`.
#define KX_TRY_ASSIGN(lhs, expr) KX_TRY_ASSIGN_IMPL(KX_CONCAT(kx_try_, __LINE__), lhs, expr)
/// Evaluates `expr` (a kexie::Status) and returns its error when it failed.
#define KX_TRY(expr)                                                      \
  do {                                                                    \
    if (auto kx_status_ = (expr); !kx_status_) return kx_status_.error(); \
  } while (false)

#define KX_CONCAT_INNER(a, b) a##b
#define KX_CONCAT(a, b) KX_CONCAT_INNER(a, b)
#define KX_TRY_ASSIGN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                       \
  if (!tmp) return std::move(tmp).error(); \
  lhs = std::move(tmp).value()

/// Returns the refusal of a NULL pointer argument `p`, named as written.
#define KX_NEED(p)                                 \
  do {                                             \
    if ((p) == nullptr) return ::kx::null_arg(#p); \
  } while (false)

#endif  // KEXIE_SRC_C_CAPI_HPP
