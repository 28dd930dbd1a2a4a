// `Result<T>`: either a value or the `Error` that refused it. Every kexie
// function that can be refused by a rule or by bad input returns one; it is
// `[[nodiscard]]`, so a refusal cannot be dropped silently. Reading the value
// of a failed result, or the error of a successful one, is a programmer error
// and throws `BadResultAccess`.
//
// The interface follows C++23's `std::expected<T, Error>` (`has_value`,
// `value_or`, `error_or`, `and_then`, `transform`, comparison with a value), so
// a later move to `std::expected` is a mechanical rename. One difference is on
// purpose: `Result<bool>` does not compile, because `if (r)` tests whether the
// call succeeded, not what it answered; a yes/no answer that can be refused is
// an enum (see `Youth` in registry.hpp).
#ifndef KEXIE_RESULT_HPP
#define KEXIE_RESULT_HPP

#include <concepts>
#include <functional>
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
///
///   try { kexie::Date d = kexie::Date::parse("2023-02-29").value(); }
///   catch (const kexie::BadResultAccess& e) { std::cerr << e.error() << '\n'; }
class KEXIE_API BadResultAccess : public std::logic_error {
 public:
  /// Reading the value of a failed result: keeps its error.
  /// \param ignored the refusal the caller did not check; copied, and named in `what()`.
  explicit BadResultAccess(const Error& ignored);
  /// Reading the error of a successful result.
  BadResultAccess();
  /// The error that was ignored (code `ok` when the result had none).
  /// \return the ignored error, valid as long as the exception object.
  [[nodiscard]] const Error& error() const noexcept { return error_; }

 private:
  Error error_;
};

template <class T>
class Result;

namespace detail {
/// True for the `Result` types (what `and_then` requires its function to return).
template <class T>
inline constexpr bool is_result_v = false;
template <class T>
inline constexpr bool is_result_v<Result<T>> = true;
/// A `U` that a `Result<T>` compares with: not a Result nor an Error, and `T == U` works.
template <class U, class T>
concept ValueComparable =
    !is_result_v<U> && !std::is_same_v<U, Error> && requires(const T& t, const U& u) {
  { t == u } -> std::convertible_to<bool>;
};
}  // namespace detail

/// A value of type `T`, or the `Error` that refused it.
///
///   kexie::Result<kexie::Date> d = kexie::Date::parse("2024-02-29");
///   if (!d) { std::cerr << d.error() << '\n'; return; }
///   std::cout << d->year();            // 2024
///   kexie::Date same = d.value();      // throws BadResultAccess if !d
///
/// `T` may not be `bool` (nor `Error`, nor a reference): `if (result)` means "the
/// call succeeded", so a `Result<bool>` would be true for every answer. Return an
/// enum with two named values instead.
template <class T>
class [[nodiscard]] Result {
  static_assert(!std::is_same_v<std::remove_cv_t<T>, Error>, "Result<Error> is ambiguous");
  static_assert(!std::is_reference_v<T>, "Result holds values, not references");
  static_assert(!std::is_same_v<std::remove_cv_t<T>, bool>,
                "Result<bool> is misread: `if (r)` is true for every successful call, whatever "
                "it answered. Return an enum with two named values (like kexie::Youth).");

 public:
  /// The value's type (`std::expected`'s name).
  using value_type = T;
  /// Always `Error` (`std::expected`'s name).
  using error_type = Error;

  /// Success. Implicit, so a function returning Result<T> can `return value;`.
  /// \param value the value, copied.
  Result(const T& value) : state_(std::in_place_index<0>, value) {}
  /// Success, moving the value in.
  /// \param value the value, moved in.
  Result(T&& value) : state_(std::in_place_index<0>, std::move(value)) {}
  /// Failure. Implicit, so a function can `return Error{…};`.
  /// \param error the refusal (code, rule id, article, message); should not have code `ok`.
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

  /// True when a value is present.
  /// \return true on success, false when the result holds an error.
  ///
  ///   if (reg.person(id).ok()) …
  [[nodiscard]] bool ok() const noexcept { return state_.index() == 0; }
  /// Same as `ok()` (the `std::expected` spelling).
  /// \return `ok()`.
  ///
  ///   assert(kexie::Date::parse("2024-02-29").has_value());
  [[nodiscard]] bool has_value() const noexcept { return ok(); }
  /// Same as `ok()`.
  explicit operator bool() const noexcept { return ok(); }
  /// `ErrorCode::ok` on success, the error's code otherwise.
  /// \return `ErrorCode::ok` or the refusal's code.
  ///
  ///   if (reg.person(id).code() == kexie::ErrorCode::not_found) …
  [[nodiscard]] ErrorCode code() const noexcept {
    return ok() ? ErrorCode::ok : std::get<1>(state_).code();
  }

  /// The value; throws BadResultAccess (carrying the error) when there is none.
  /// Not `[[nodiscard]]`: a bare `r.value();` is a deliberate "must have succeeded".
  /// \return a reference to the value held, valid as long as the result.
  ///
  ///   kexie::Date d = parsed.value();
  T& value() & {
    check_value();
    return std::get<0>(state_);
  }
  /// The value; throws BadResultAccess (carrying the error) when there is none.
  /// \return a const reference to the value held, valid as long as the result.
  const T& value() const& {
    check_value();
    return std::get<0>(state_);
  }
  /// The value, moved out by value (not as T&&), so `for (auto& x : f().value())` over a
  /// temporary result cannot dangle; throws BadResultAccess when there is none. Not
  /// `[[nodiscard]]`, so a call made only for its effect asserts success without a cast:
  /// \return the value, moved out of the result.
  ///
  ///   // throws BadResultAccess if refused:
  ///   reg.add_membership(li, ent, kexie::Role::member, kexie::Period::from(since)).value();
  T value() && {
    check_value();
    return std::get<0>(std::move(state_));
  }

  /// The value, or `fallback` on failure.
  /// \param fallback what to return on failure; converted to `T`.
  /// \return a copy of the value, or `fallback` as a `T`.
  ///
  ///   kexie::OrgKind k = reg.kind(org).value_or(kexie::OrgKind::partner);
  template <class U>
  [[nodiscard]] T value_or(U&& fallback) const& {
    return ok() ? std::get<0>(state_) : static_cast<T>(std::forward<U>(fallback));
  }
  /// The value moved out, or `fallback` on failure.
  /// \param fallback what to return on failure; converted to `T`.
  /// \return the value moved out, or `fallback` as a `T`.
  ///
  ///   kexie::Date d = kexie::Date::parse(text).value_or(today);  // today when text is no date
  template <class U>
  [[nodiscard]] T value_or(U&& fallback) && {
    return ok() ? std::get<0>(std::move(state_)) : static_cast<T>(std::forward<U>(fallback));
  }

  /// The error; throws BadResultAccess on success.
  /// \return the refusal, valid as long as the result.
  ///
  ///   if (!r) std::cerr << r.error().rule() << '\n';
  [[nodiscard]] const Error& error() const& {
    if (ok()) throw BadResultAccess();
    return std::get<1>(state_);
  }
  /// The error, or `fallback` on success (never throws; `std::expected::error_or`).
  /// \param fallback the error to return on success (anything convertible to `Error`).
  /// \return a copy of the refusal, or `fallback` as an `Error`.
  ///
  ///   kexie::Error e = r.error_or(kexie::Error(kexie::ErrorCode::ok, "none"));
  template <class G>
  [[nodiscard]] Error error_or(G&& fallback) const& {
    static_assert(std::is_convertible_v<G&&, Error>, "error_or needs a fallback Error");
    return ok() ? Error(std::forward<G>(fallback)) : std::get<1>(state_);
  }

  /// `f(value)` on success, where `f` returns a `Result<U>`; the error, as a
  /// `Result<U>`, on failure (and `f` is not called). Chains refusable steps:
  /// \param f a callable taking `const T&` and returning a `Result<U>`; called at most once.
  /// \return what `f` returned, or this result's error as a `Result<U>`.
  ///
  ///   kexie::Result<kexie::Organization> parent =
  ///       reg.parent(org, today).and_then([&](kexie::OrgId p) { return reg.organization(p); });
  template <class F>
  auto and_then(F&& f) const& {
    using R = std::remove_cvref_t<std::invoke_result_t<F, const T&>>;
    static_assert(detail::is_result_v<R>, "and_then: the function must return a kexie::Result");
    if (!ok()) return R(std::get<1>(state_));
    return R(std::invoke(std::forward<F>(f), std::get<0>(state_)));
  }
  /// As above, moving the value into `f` (for a temporary or `std::move(r)`).
  /// \param f a callable taking `T&&` and returning a `Result<U>`; called at most once.
  /// \return what `f` returned, or this result's error as a `Result<U>`.
  ///
  ///   kexie::Result<kexie::OrgId> p = kexie::Date::parse(text).and_then(
  ///       [&](kexie::Date&& d) { return reg.parent(org, d); });  // a refusal of either step
  template <class F>
  auto and_then(F&& f) && {
    using R = std::remove_cvref_t<std::invoke_result_t<F, T&&>>;
    static_assert(detail::is_result_v<R>, "and_then: the function must return a kexie::Result");
    if (!ok()) return R(std::get<1>(std::move(state_)));
    return R(std::invoke(std::forward<F>(f), std::get<0>(std::move(state_))));
  }

  /// `Result<U>` holding `f(value)` on success (`Result<void>` when `f` returns
  /// nothing); the error on failure (and `f` is not called).
  /// \param f a callable taking `const T&` and returning a `U` (or nothing); called at most once.
  /// \return a `Result<U>` holding what `f` returned, or this result's error.
  ///
  ///   kexie::Result<std::string> name =
  ///       reg.organization(org).transform([](const kexie::Organization& o) { return o.name; });
  template <class F>
  auto transform(F&& f) const& {
    using U = std::remove_cv_t<std::invoke_result_t<F, const T&>>;
    if (!ok()) return Result<U>(std::get<1>(state_));
    if constexpr (std::is_void_v<U>) {
      std::invoke(std::forward<F>(f), std::get<0>(state_));
      return Result<U>();
    } else {
      return Result<U>(std::invoke(std::forward<F>(f), std::get<0>(state_)));
    }
  }
  /// As above, moving the value into `f` (for a temporary or `std::move(r)`).
  /// \param f a callable taking `T&&` and returning a `U` (or nothing); called at most once.
  /// \return a `Result<U>` holding what `f` returned, or this result's error.
  ///
  ///   kexie::Result<std::size_t> n = reg.organization(org).transform(
  ///       [](kexie::Organization&& o) { return o.name.size(); });
  template <class F>
  auto transform(F&& f) && {
    using U = std::remove_cv_t<std::invoke_result_t<F, T&&>>;
    if (!ok()) return Result<U>(std::get<1>(std::move(state_)));
    if constexpr (std::is_void_v<U>) {
      std::invoke(std::forward<F>(f), std::get<0>(std::move(state_)));
      return Result<U>();
    } else {
      return Result<U>(std::invoke(std::forward<F>(f), std::get<0>(std::move(state_))));
    }
  }

  /// Checked access to the value, like `value()`.
  /// \return a reference to the value; throws BadResultAccess when there is none.
  [[nodiscard]] T& operator*() & { return value(); }
  /// Checked access to the value, like `value()`.
  /// \return a const reference to the value; throws BadResultAccess when there is none.
  [[nodiscard]] const T& operator*() const& { return value(); }
  /// Checked member access: `r->name` is `r.value().name`.
  /// \return a pointer to the value (owned by the result); throws BadResultAccess when there
  /// is none.
  [[nodiscard]] T* operator->() { return &value(); }
  /// Checked member access: `r->name` is `r.value().name`.
  /// \return a const pointer to the value (owned by the result); throws BadResultAccess when
  /// there is none.
  [[nodiscard]] const T* operator->() const { return &value(); }

  /// True when `r` holds a value equal to `v`; false on failure (as `std::expected`).
  /// \param r the result compared.
  /// \param v the value it is compared with.
  /// \return `r.ok() && r.value() == v`.
  ///
  ///   if (reg.youth(li, today) == kexie::Youth::young) use(li);  // false for an unknown person
  template <detail::ValueComparable<T> U>
  friend bool operator==(const Result& r, const U& v) {
    return r.ok() && static_cast<bool>(std::get<0>(r.state_) == v);
  }

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
  /// No value (`std::expected<void, E>`'s name).
  using value_type = void;
  /// Always `Error`.
  using error_type = Error;

  /// Success.
  Result() noexcept = default;
  /// Failure. Implicit, so a function can `return Error{…};`.
  /// \param error the refusal (code, rule id, article, message); should not have code `ok`.
  Result(Error error) : error_(std::move(error)) {}

  /// True on success.
  /// \return true on success, false when the result holds an error.
  [[nodiscard]] bool ok() const noexcept { return !error_.has_value(); }
  /// Same as `ok()` (the `std::expected` spelling).
  /// \return `ok()`.
  ///
  ///   if (!reg.dissolve(org, day).has_value()) …
  [[nodiscard]] bool has_value() const noexcept { return ok(); }
  /// Same as `ok()`.
  explicit operator bool() const noexcept { return ok(); }
  /// `ErrorCode::ok` on success, the error's code otherwise.
  /// \return `ErrorCode::ok` or the refusal's code.
  [[nodiscard]] ErrorCode code() const noexcept { return ok() ? ErrorCode::ok : error_->code(); }
  /// Throws BadResultAccess (carrying the error) on failure; does nothing on success.
  ///
  ///   reg.dissolve(group, "2025-12-31"_date).value();  // must succeed
  void value() const {
    if (!ok()) throw BadResultAccess(*error_);
  }
  /// The error; throws BadResultAccess on success.
  /// \return the refusal, valid as long as the result.
  [[nodiscard]] const Error& error() const {
    if (ok()) throw BadResultAccess();
    return *error_;
  }
  /// The error, or `fallback` on success (never throws).
  /// \param fallback the error to return on success (anything convertible to `Error`).
  /// \return a copy of the refusal, or `fallback` as an `Error`.
  ///
  ///   std::cerr << st.error_or(kexie::Error(kexie::ErrorCode::ok, "done")).message();
  template <class G>
  [[nodiscard]] Error error_or(G&& fallback) const {
    static_assert(std::is_convertible_v<G&&, Error>, "error_or needs a fallback Error");
    return ok() ? Error(std::forward<G>(fallback)) : *error_;
  }

  /// `f()` on success, where `f` returns a `Result<U>`; the error otherwise.
  /// \param f a callable taking nothing and returning a `Result<U>`; called at most once.
  /// \return what `f` returned, or this result's error as a `Result<U>`.
  ///
  ///   kexie::Status both = reg.end_link(l, day).and_then([&] { return reg.dissolve(o, day); });
  template <class F>
  auto and_then(F&& f) const {
    using R = std::remove_cvref_t<std::invoke_result_t<F>>;
    static_assert(detail::is_result_v<R>, "and_then: the function must return a kexie::Result");
    if (!ok()) return R(*error_);
    return R(std::invoke(std::forward<F>(f)));
  }
  /// `Result<U>` holding `f()` on success (`Result<void>` when `f` returns nothing);
  /// the error otherwise.
  /// \param f a callable taking nothing and returning a `U` (or nothing); called at most once.
  /// \return a `Result<U>` holding what `f` returned, or this result's error.
  ///
  ///   kexie::Result<std::string> d = reg.dissolve(o, day).transform([&] { return reg.digest(); });
  template <class F>
  auto transform(F&& f) const {
    using U = std::remove_cv_t<std::invoke_result_t<F>>;
    if (!ok()) return Result<U>(*error_);
    if constexpr (std::is_void_v<U>) {
      std::invoke(std::forward<F>(f));
      return Result<U>();
    } else {
      return Result<U>(std::invoke(std::forward<F>(f)));
    }
  }

 private:
  std::optional<Error> error_;
};

/// Shorthand for `Result<void>`.
using Status = Result<void>;

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_RESULT_HPP
