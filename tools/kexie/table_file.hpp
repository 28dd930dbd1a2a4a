// Numeric tables the kexie command reads for `weights ahp` (a pairwise matrix)
// and `agreement` (entries × judges marks): CSV or JSON, chosen by the file's
// extension. Cells are numbers, fractions such as "1/3", or empty (missing).
// Errors name the file, the line and the column. Reading is I/O only: what the
// numbers mean is checked by the library (`validate_pairwise`, `PanelMarks`).
#ifndef KEXIE_TOOLS_TABLE_FILE_HPP
#define KEXIE_TOOLS_TABLE_FILE_HPP

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kexie::cli {

/// A table of optional numbers with optional row and column names.
struct NumericTable {
  std::vector<std::string> columns;  ///< column names (a CSV header row), or empty
  std::vector<std::string> rows;     ///< row names (a CSV first column of text), or empty
  std::vector<std::vector<std::optional<double>>> cells;  ///< rows of cells; nullopt: missing
};

/// Reads `path` as CSV (any extension but .json) or JSON. CSV: RFC 4180 quoting,
/// LF or CRLF, an optional UTF-8 BOM; a first row with a non-numeric cell is the
/// header, a first column of text holds row names. JSON: an array of rows, or
/// an object {"columns": [...], "rows": [...], "values": [[...], ...]} where a
/// cell is a number, a string such as "1/3", or null. Throws
/// `Failure(Exit::input, …)` naming file, line and column; `progress` is
/// updated with the rows read.
///
///   NumericTable t = read_table("matrix.csv", quiet);
NumericTable read_table(const std::filesystem::path& path, bool quiet);

}  // namespace kexie::cli

#endif  // KEXIE_TOOLS_TABLE_FILE_HPP
