// The member index's query machinery, internal to the library: a filter resolved
// against one index, the row range of a subtree, and the scans over the index's
// parallel arrays that `MemberIndex::select` and `MemberIndex::count` run. The
// public `MemberIndex` (registry.hpp) exposes only rows, counts and `select`;
// these stay here so their layout can change without touching the API.
#ifndef KEXIE_SRC_REGISTRY_INDEX_HPP
#define KEXIE_SRC_REGISTRY_INDEX_HPP

#include <cstddef>
#include <cstdint>
#include <vector>

#include "kexie/date.hpp"
#include "kexie/ids.hpp"
#include "kexie/membership.hpp"
#include "kexie/person.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

struct MemberIndexData;  // registry_state.hpp

/// Positions [lo, hi) of one subtree's rows.
struct RowRange {
  /// First row.
  std::size_t lo = 0;
  /// One past the last row.
  std::size_t hi = 0;
};

/// A `MemberFilter` resolved against one index (discipline text turned into a
/// code, the young line into a birth-date cutoff), so testing a row is cheap.
struct CompiledFilter {
  /// Required roles (any of them); 0 means any role and distinct people.
  RoleSet roles = 0;
  /// Only people born on or after this day (Date::min() when not filtering).
  std::int32_t born_on_or_after = Date::min().days();
  /// Minimum title.
  Title min_title = Title::none;
  /// Discipline code; 0 means any, UINT32_MAX means a discipline nobody has.
  std::uint32_t discipline = 0;
};

/// The rows of `org`'s subtree; empty when `org` is not in the tree on the index date.
[[nodiscard]] RowRange subtree_rows(const MemberIndexData& x, OrgId org) noexcept;
/// Resolves `filter` against `x`.
[[nodiscard]] CompiledFilter compile(const MemberIndexData& x, const MemberFilter& filter);
/// True when row `i` of range `r` passes `f`. Without a role filter, only a
/// person's first row in the range passes, so each person counts once.
[[nodiscard]] bool matches(const MemberIndexData& x, std::size_t i, RowRange r,
                           const CompiledFilter& f) noexcept;
/// The rows of `r` that pass `f`, in order: one scan over plain arrays.
[[nodiscard]] std::vector<std::uint32_t> select(const MemberIndexData& x, RowRange r,
                                                const CompiledFilter& f);

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_REGISTRY_INDEX_HPP
