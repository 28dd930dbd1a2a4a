// The streaming marks import behind `import_marks_file` (src/table_import.cpp): the
// usual marks file (UTF-8, no quote, no field spanning lines) read in pieces, its codes
// resolved as it goes and its marks given to the campaign through detail::MarkStream,
// so the table is never materialised. Anything else goes the table's way.
#ifndef KEXIE_SRC_TABLE_MARKS_HPP
#define KEXIE_SRC_TABLE_MARKS_HPP

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "kexie/campaign.hpp"
#include "kexie/table.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

/// Hashes codes, so maps keyed by std::string are searched by string_view.
struct CodeHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};
/// Judges by the code a table names them with; an unset id marks a code two judges share.
using JudgeCodeMap = std::unordered_map<std::string, JudgeId, CodeHash, std::equal_to<>>;

/// Imports the marks file at `path` into `campaign` without building a `Table`: true
/// when every mark was recorded. False when the file needs the table's way (GB18030,
/// quotes, lone CRs, blank lines before the header, a line longer than the reading
/// buffer) or when anything is refused (an unknown code, a bad mark, a refusal of
/// the campaign, bytes that are not UTF-8): then nothing changed, and the caller
/// imports through `Table::read_file` and `import_marks`, which give the refusal its
/// place. The file's first line is read as `Table::parse` reads a header.
///
///   if (!detail::stream_marks(c, judges, path, options)) { /* the table's way */ }
[[nodiscard]] bool stream_marks(Campaign& campaign, const JudgeCodeMap& judges,
                                const std::string& path, const TableOptions& options);

/// The offset of the first byte of `s` that does not continue valid UTF-8, or npos
/// (src/table.cpp, the check `Table::parse` makes).
[[nodiscard]] std::size_t invalid_utf8(std::string_view s) noexcept;

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_TABLE_MARKS_HPP
