// Codes kept as one text: every code followed by a NUL, and where each starts (32-bit
// offsets). The scoreboard's entry table stores its codes so, and campaign scoring
// keeps the same copy in its scratch; both read a code back through code_in. Internal.
#ifndef KEXIE_SRC_DETAIL_CODE_TEXT_HPP
#define KEXIE_SRC_DETAIL_CODE_TEXT_HPP

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace kexie {
inline namespace v1 {
namespace detail {

/// The code of row `row` (< at.size()) in `text`: from at[row] to the NUL before the
/// next row's start, or before the end of the text for the last row.
///
///   const std::uint32_t at[] = {0, 3};
///   std::string_view c = code_in(std::string_view("A1\0B22\0", 7), at, 1);  // "B22"
inline std::string_view code_in(std::string_view text, std::span<const std::uint32_t> at,
                                std::size_t row) noexcept {
  const std::size_t begin = at[row];
  const std::size_t end = row + 1 < at.size() ? std::size_t{at[row + 1]} - 1 : text.size() - 1;
  return text.substr(begin, end - begin);
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_DETAIL_CODE_TEXT_HPP
