// One name table per enumeration: the single source of `to_string`, parsing,
// the number of enumerators and every range check (a C value, a snapshot byte).
//
// Each enumeration's header specialises `EnumNames<E>` right after the enum:
//
//   template <>
//   struct EnumNames<Role> {
//     static constexpr std::array<std::string_view, 6> names{"member", "chair", ...};
//     static constexpr bool listed(Role v) noexcept {
//       switch (v) {                      // no default: every enumerator is a case
//         case Role::member: case Role::chair: ...
//           return true;
//       }
//       return false;
//     }
//   };
//   static_assert(detail::enum_table_complete<Role>());
//
// Why a new enumerator cannot be forgotten: `listed` is a switch without a
// `default`, so an enumerator missing from it is a -Wswitch warning, an error in
// every kexie build (-Werror). Once it is listed, `enum_table_complete` counts
// the listed values 0, 1, 2, … and the static_assert fails until `names` has one
// entry more. The enumerators are contiguous from 0 and `names[i]` is the name
// of the enumerator with value `i`. (Focus, a set of bit flags, has no table.)
//
// This header is light (no Boost, no range-v3) and is included by every header
// that declares an enumeration.
#ifndef KEXIE_ENUM_NAMES_HPP
#define KEXIE_ENUM_NAMES_HPP

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>

namespace kexie {
inline namespace v1 {

/// The name table of enumeration `E`; specialised next to each enumeration.
///
///   static_assert(kexie::EnumNames<kexie::Role>::names[0] == "member");
template <class E>
struct EnumNames;

/// An enumeration that has a name table.
///
///   static_assert(kexie::NamedEnum<kexie::Category>);
template <class E>
concept NamedEnum = std::is_enum_v<E> && requires {
  EnumNames<E>::names;
  { EnumNames<E>::listed(E{}) } -> std::same_as<bool>;
};

namespace detail {

/// How many of the values 0, 1, 2, … `EnumNames<E>::listed` accepts in a row.
template <class E>
constexpr std::size_t listed_count() noexcept {
  std::size_t n = 0;
  // Bounded one past the table, so a longer switch still ends the loop.
  while (n <= EnumNames<E>::names.size() && EnumNames<E>::listed(static_cast<E>(n))) ++n;
  return n;
}

/// True when the table names exactly the enumerators `listed` lists and no
/// name is empty or given twice; every specialisation static_asserts it.
template <class E>
constexpr bool enum_table_complete() noexcept {
  constexpr auto& names = EnumNames<E>::names;
  if (listed_count<E>() != names.size()) return false;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i].empty()) return false;
    for (std::size_t j = i + 1; j < names.size(); ++j) {
      if (names[i] == names[j]) return false;
    }
  }
  return true;
}

}  // namespace detail

/// The number of enumerators of `E` (they are 0 … enum_count<E> − 1).
///
///   static_assert(kexie::enum_count<kexie::Role> == 6);
template <NamedEnum E>
inline constexpr std::size_t enum_count = EnumNames<E>::names.size();

/// Whether `value` is the underlying value of an enumerator of `E`: the one
/// range check for C arguments and snapshot bytes.
/// \param value a number from outside (a C argument, a snapshot byte)
/// \return true when 0 <= value < enum_count<E>
///
///   kexie::enum_is_valid<kexie::Role>(5);   // true
///   kexie::enum_is_valid<kexie::Role>(6);   // false
template <NamedEnum E>
[[nodiscard]] constexpr bool enum_is_valid(std::int64_t value) noexcept {
  return value >= 0 && static_cast<std::uint64_t>(value) < enum_count<E>;
}

/// The enumerator with underlying value `value`, or nothing when there is none.
/// \param value a number from outside
/// \return the enumerator, or std::nullopt when `enum_is_valid<E>(value)` is false
///
///   kexie::enum_from_int<kexie::Role>(1) == kexie::Role::chair
template <NamedEnum E>
[[nodiscard]] constexpr std::optional<E> enum_from_int(std::int64_t value) noexcept {
  if (!enum_is_valid<E>(value)) return std::nullopt;
  return static_cast<E>(value);
}

/// The name of `value` as `to_string` spells it; "unknown" for a value outside
/// the enumeration.
/// \param value the enumerator
/// \return its name from `EnumNames<E>::names`, a static string; "unknown" outside
///
///   kexie::enum_name(kexie::Role::vice_chair) == "vice_chair"
template <NamedEnum E>
[[nodiscard]] constexpr std::string_view enum_name(E value) noexcept {
  const auto i = static_cast<std::size_t>(value);
  return i < enum_count<E> ? EnumNames<E>::names[i] : std::string_view("unknown");
}

/// The enumerator named `text` (exactly as `to_string` spells it), or nothing.
/// \param text the name, case and spelling exact
/// \return the enumerator, or std::nullopt for any other text
///
///   static_assert(kexie::enum_from_string<kexie::Role>("chair") == kexie::Role::chair);
///   static_assert(!kexie::enum_from_string<kexie::Role>("Chair"));  // exact spelling only
template <NamedEnum E>
[[nodiscard]] constexpr std::optional<E> enum_from_string(std::string_view text) noexcept {
  for (std::size_t i = 0; i < enum_count<E>; ++i) {
    if (EnumNames<E>::names[i] == text) return static_cast<E>(i);
  }
  return std::nullopt;
}

/// Every enumerator of `E`, in order.
/// \return an array of all `enum_count<E>` enumerators, by underlying value
///
///   for (kexie::Role r : kexie::enum_values<kexie::Role>()) std::cout << kexie::to_string(r);
template <NamedEnum E>
[[nodiscard]] constexpr std::array<E, enum_count<E>> enum_values() noexcept {
  std::array<E, enum_count<E>> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<E>(i);
  return out;
}

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_ENUM_NAMES_HPP
