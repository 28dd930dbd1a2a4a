// Internal: a rubric as the campaign document holds it (the indicator tree with
// weights given or derived by AHP).
#ifndef KEXIE_SRC_DOCUMENT_RUBRIC_DOCUMENT_HPP
#define KEXIE_SRC_DOCUMENT_RUBRIC_DOCUMENT_HPP

#include <optional>
#include <string>

#include "document/reader.hpp"
#include "kexie/campaign_document.hpp"

namespace kexie::detail::doc {

/// Reads the rubric at `v`, derives AHP weights and builds it; nothing (with
/// problems recorded) when any part is wrong.
std::optional<CategoryRules> read_rubric(Problems& p, const Value& v, const std::string& pointer,
                                         Category category);

/// The canonical rubric object of `rules`.
Value write_rubric(const CategoryRules& rules);

/// The unit a claimed figure is measured in, as documents spell it ("yuan", "tce", …).
std::string_view figure_unit(ClaimedFigure figure) noexcept;

}  // namespace kexie::detail::doc

#endif  // KEXIE_SRC_DOCUMENT_RUBRIC_DOCUMENT_HPP
