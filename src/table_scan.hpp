// The two parsers behind kexie::Table::parse, for the tests and the csv_fuzz target that
// compare them: a table without a quote character is split by a scanner in
// src/table.cpp, anything else goes through libcsv.
#ifndef KEXIE_SRC_TABLE_SCAN_HPP
#define KEXIE_SRC_TABLE_SCAN_HPP

#include <string_view>

#include "kexie/export.hpp"
#include "kexie/table.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

/// `Table::parse`, choosing the parser: `scan` true splits a table without quotes by
/// the scanner (as `Table::parse` does), false sends every table through libcsv.
///
///   auto fast = detail::parse_table(bytes, {}, true);
///   auto slow = detail::parse_table(bytes, {}, false);   // same cells, lines, errors
[[nodiscard]] KEXIE_API Result<Table> parse_table(std::string_view bytes, TableOptions options,
                                                  bool scan);

}  // namespace detail
}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_SRC_TABLE_SCAN_HPP
