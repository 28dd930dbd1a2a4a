// `Result<T>`: either a value or the `Error` that refused it. Every kexie
// function that can be refused by a rule or by bad input returns one; it is
// `[[nodiscard]]`, so a refusal cannot be dropped silently. Reading the value
// of a failed result, or the error of a successful one, is a programmer error
// and throws `BadResultAccess`.
#ifndef KEXIE_RESULT_HPP
#define KEXIE_RESULT_HPP

#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>

#include "kexie/error.hpp"
#include "kexie/export.hpp"

namespace kexie {
inline namespace v1 {

/// Thrown when a `Result` is read the wrong way round. Carries the error that
/// was ignored, when there was one.
class KEXIE_API BadResultAccess : public std::logic_error {
 public:
  /// Reading the value of a failed result: keeps its error.
  explicit BadResultAccess(const Error& ignored);
  /// Reading the error of a successful result.
  BadResultAccess();
  /// The error that was ignored (code `ok` when the result had none).
  [[nodiscard]] const Error& error() const noexcept { return error_; }

 private:
  Error error_;
};

/// A value of type `T`, or the `Error` that refused it.
///
///   kexie::Result<kexie::Date> d = kexie::Date::parse("2024-02-29");
///   if (!d) { std::cerr << d.error() << '\n'; return; }
///   std::cout << d->year();            // 2024
///   kexie::Date same = d.value();      // throws BadResultAccess if !d
template <class T>
class [[nodiscard]] Result {
  static_assert(!std::is_same_v<std::remove_cv_t<T>, Error>, "Result<Error> is ambiguous");
  static_assert(!std::is_reference_v<T>, "Result holds values, not references");

 public:
  using value_type = T;

  /// Success. Implicit, so a function returning Result<T> can `return value;`.
  Result(const T& value) : state_(std::in_place_index<0>, value) {}
  /// Success, moving the value in.
  Result(T&& value) : state_(std::in_place_index<0>, std::move(value)) {}
  /// Failure. Implicit, so a function can `return Error{…};`.
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

  /// True when a value is present.
  [[nodiscard]] bool ok() const noexcept { return state_.index() == 0; }
  /// Same as `ok()`.
  explicit operator bool() const noexcept { return ok(); }
  /// `ErrorCode::ok` on success, the error's code otherwise.
  [[nodiscard]] ErrorCode code() const noexcept {
    return ok() ? ErrorCode::ok : std::get<1>(state_).code();
  }

  /// The value; throws BadResultAccess (carrying the error) when there is none.
  [[nodiscard]] T& value() & {
    check_value();
    return std::get<0>(state_);
  }
  /// The value; throws BadResultAccess (carrying the error) when there is none.
  [[nodiscard]] const T& value() const& {
    check_value();
    return std::get<0>(state_);
  }
  /// The value, moved out by value (not as T&&), so `for (auto& x : f().value())` over a
  /// temporary result cannot dangle; throws BadResultAccess when there is none.
  [[nodiscard]] T value() && {
    check_value();
    return std::get<0>(std::move(state_));
  }

  /// The value, or `fallback` on failure.
  template <class U>
  [[nodiscard]] T value_or(U&& fallback) const& {
    return ok() ? std::get<0>(state_) : static_cast<T>(std::forward<U>(fallback));
  }

  /// The error; throws BadResultAccess on success.
  [[nodiscard]] const Error& error() const& {
    if (ok()) throw BadResultAccess();
    return std::get<1>(state_);
  }

  /// Checked access to the value, like `value()`.
  [[nodiscard]] T& operator*() & { return value(); }
  [[nodiscard]] const T& operator*() const& { return value(); }
  [[nodiscard]] T* operator->() { return &value(); }
  [[nodiscard]] const T* operator->() const { return &value(); }

 private:
  void check_value() const {
    if (!ok()) throw BadResultAccess(std::get<1>(state_));
  }

  std::variant<T, Error> state_;
};

/// The outcome of an operation that returns nothing but may be refused.
///
///   kexie::Result<void> r = registry.dissolve(org, date);
///   if (!r) std::cerr << r.error() << '\n';
template <>
class [[nodiscard]] Result<void> {
 public:
  using value_type = void;

  /// Success.
  Result() noexcept = default;
  /// Failure. Implicit, so a function can `return Error{…};`.
  Result(Error error) : error_(std::move(error)) {}

  /// True on success.
  [[nodiscard]] bool ok() const noexcept { return !error_.has_value(); }
  /// Same as `ok()`.
  explicit operator bool() const noexcept { return ok(); }
  /// `ErrorCode::ok` on success, the error's code otherwise.
  [[nodiscard]] ErrorCode code() const noexcept { return ok() ? ErrorCode::ok : error_->code(); }
  /// Throws BadResultAccess (carrying the error) on failure; does nothing on success.
  void value() const {
    if (!ok()) throw BadResultAccess(*error_);
  }
  /// The error; throws BadResultAccess on success.
  [[nodiscard]] const Error& error() const {
    if (ok()) throw BadResultAccess();
    return *error_;
  }

 private:
  std::optional<Error> error_;
};

/// Shorthand for `Result<void>`.
using Status = Result<void>;

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_RESULT_HPP
