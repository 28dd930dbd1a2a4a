// Fuzzes the CSV reader (kexie::Table: libcsv, the UTF-8 check, GB18030 through iconv).
// The first byte picks the encoding; the rest is the file. Any input must give a table
// or a refusal with a table.* rule — never a crash, a sanitizer report or an exception —
// and a table must write back (to_csv) to bytes that read as the same cells.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kexie/table.hpp"
#include "kexie/table_export.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto encoding = static_cast<kexie::TextEncoding>(data[0] % 3);
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  auto t = kexie::Table::parse(bytes, {.encoding = encoding, .max_field = 4096});
  if (!t) {
    if (t.error().rule().rfind("table.", 0) != 0) std::abort();
    return 0;
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
