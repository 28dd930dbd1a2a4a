// Fuzzes the CSV reader (kexie::Table: the scanner for tables without quotes, libcsv, the
// UTF-8 check, GB18030 through iconv). The first byte picks the encoding; the rest is the
// file. Any input must give a table or a refusal with a table.* rule — never a crash, a
// sanitizer report or an exception —; the scanner and libcsv (detail::parse_table) must
// give the same table or the same refusal; and a table must write back (to_csv) to bytes
// that read as the same cells.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kexie/table.hpp"
#include "kexie/table_export.hpp"
#include "table_scan.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto encoding = static_cast<kexie::TextEncoding>(data[0] % 3);
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  const kexie::TableOptions options{.encoding = encoding, .max_field = 4096};
  auto t = kexie::Table::parse(bytes, options);
  auto slow = kexie::detail::parse_table(bytes, options, false);
  if (t.ok() != slow.ok()) std::abort();
  if (!t) {
    if (t.error().rule().rfind("table.", 0) != 0) std::abort();
    // libcsv places a field far over the limit by its offset; the scanner by its cell.
    if (t.error().rule() != slow.error().rule()) std::abort();
    if (t.error().rule() != "table.field_too_large" &&
        t.error().message() != slow.error().message()) {
      std::abort();
    }
    return 0;
  }
  if (t->rows() != slow->rows() || t->columns() != slow->columns()) std::abort();
  for (std::size_t c = 0; c < t->columns(); ++c) {
    if (t->header()[c] != slow->header()[c]) std::abort();
  }
  for (std::size_t r = 0; r < t->rows(); ++r) {
    if (t->line(r) != slow->line(r)) std::abort();
    for (std::size_t c = 0; c < t->columns(); ++c) {
      if (t->cell(r, c) != slow->cell(r, c)) std::abort();
    }
  }
  kexie::ResultSheet sheet;
  sheet.header.assign(t->header().begin(), t->header().end());
  for (std::size_t r = 0; r < t->rows(); ++r) {
    if (t->line(r) < 2) std::abort();
    auto& row = sheet.rows.emplace_back();
    for (std::size_t c = 0; c < t->columns(); ++c) row.push_back({std::string(t->cell(r, c))});
  }
  (void)t->column("judge");
  auto csv = kexie::to_csv(sheet);
  if (!csv) std::abort();
  auto again =
      kexie::Table::parse(*csv, {.encoding = kexie::TextEncoding::utf8, .max_field = 1 << 20});
  if (!again) {
    // Header cells are trimmed and a table of one empty-looking column loses its rows
    // (blank lines are skipped); anything else must read back.
    bool blank_rows = t->columns() == 1;
    if (!blank_rows) std::abort();
    return 0;
  }
  if (again->columns() != t->columns()) std::abort();
  if (again->rows() != t->rows() && t->columns() != 1) std::abort();
  for (std::size_t r = 0; r < again->rows() && r < t->rows() && t->columns() != 1; ++r) {
    for (std::size_t c = 0; c < t->columns(); ++c) {
      if (again->cell(r, c) != t->cell(r, c)) std::abort();
    }
  }
  return 0;
}
