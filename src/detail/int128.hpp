// 128-bit integers for exact intermediates, and the helpers that round them
// to a decimal scale. Internal: never included by a public header.
#ifndef KEXIE_SRC_DETAIL_INT128_HPP
#define KEXIE_SRC_DETAIL_INT128_HPP

#include <cstdint>

#include "kexie/decimal.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

__extension__ typedef __int128 int128;
__extension__ typedef unsigned __int128 uint128;

/// 10^n for 0 <= n <= 38.
int128 pow10(int n) noexcept;

/// n ÷ 10^k, rounded by `mode`, for 0 <= k <= 38.
int128 round_div_pow10(int128 n, int k, Rounding mode) noexcept;

/// n ÷ d rounded by `mode`; d != 0.
int128 round_div(int128 n, int128 d, Rounding mode) noexcept;

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_DETAIL_INT128_HPP
