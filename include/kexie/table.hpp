// CSV tables (RFC 4180) as offices send them: quoted fields with embedded newlines
// and quotes, CRLF or LF line ends, UTF-8 with or without a byte-order mark, or
// GB18030/GBK (what Excel on Chinese Windows writes), converted to UTF-8 on reading.
// Header cells are matched by column name in English or Chinese (docs/tables.md).
// The parser behind it (libcsv) and the converter (iconv) stay in src/table.cpp.
#ifndef KEXIE_TABLE_HPP
#define KEXIE_TABLE_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kexie/enum_names.hpp"
#include "kexie/export.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

/// The character encoding of a CSV file.
///
///   kexie::TableOptions o{.encoding = kexie::TextEncoding::gb18030};
enum class TextEncoding : std::uint8_t {
  automatic,  ///< a UTF-8 byte-order mark, else valid UTF-8, else GB18030
  utf8,       ///< UTF-8 (a leading byte-order mark is skipped)
  gb18030,    ///< GB18030 (a superset of GBK and GB2312)
};

/// The names of `TextEncoding`, as `to_string` spells them (see enum_names.hpp).
template <>
struct EnumNames<TextEncoding> {
  static constexpr std::array<std::string_view, 3> names{"auto", "utf-8", "gb18030"};
  static constexpr bool listed(TextEncoding v) noexcept {
    switch (v) {
      case TextEncoding::automatic:
      case TextEncoding::utf8:
      case TextEncoding::gb18030:
        return true;
    }
    return false;
  }
};
static_assert(detail::enum_table_complete<TextEncoding>());

/// "auto", "utf-8", "gb18030".
/// \param encoding the value to name
/// \return its stable English name, as `EnumNames<TextEncoding>` spells it
[[nodiscard]] KEXIE_API std::string_view to_string(TextEncoding encoding) noexcept;

/// How a CSV table is read.
///
///   kexie::TableOptions o{.encoding = kexie::TextEncoding::automatic, .source = "marks.csv"};
struct TableOptions {
  TextEncoding encoding = TextEncoding::automatic;  ///< how the bytes are decoded
  /// The largest input accepted, in bytes; a larger file is refused before it is read
  /// (`table.too_large`). At most 4 GiB − 1.
  std::size_t max_bytes = std::size_t{1} << 30;
  /// The longest field accepted, in bytes (`table.field_too_large`).
  std::size_t max_field = std::size_t{1} << 16;
  /// The name errors give the input (a file name); `read_file` sets it to the path.
  std::string source = "<csv>";
};

/// Where a value sits in a table: the source, the line (from 1) on which its row
/// starts, its column (from 1) and the column's header name. A refusal of a table
/// import reports it besides the `Error`.
///
///   kexie::TablePlace at;
///   if (!import_marks(c, reg, t, &at)) std::cerr << kexie::to_string(at);  // table_import.hpp
struct TablePlace {
  std::string source;      ///< file name or "<csv>"
  std::size_t line = 0;    ///< 1-based line where the row starts (0: the whole table)
  std::size_t column = 0;  ///< 1-based column (0: the whole row)
  std::string field;       ///< the column's header, or empty
  /// Equal when every field is equal.
  friend bool operator==(const TablePlace&, const TablePlace&) = default;
};

/// "marks.csv:12:4 (分数)", leaving out the parts that are not known.
/// \param place the place to write
/// \return "source:line:column (field)", without the zero or empty parts
[[nodiscard]] KEXIE_API std::string to_string(const TablePlace& place);

/// A column's canonical (English) name and the header spellings that name it.
///
///   for (const kexie::ColumnName& c : kexie::column_names()) std::cout << c.canonical;
struct ColumnName {
  std::string_view canonical;                ///< e.g. "judge"
  std::span<const std::string_view> others;  ///< e.g. {"评委", "评审专家"}
};

/// Every column name kexie's tables know, with its Chinese spellings (docs/tables.md).
/// \return a view of a static table, valid for the whole program
[[nodiscard]] KEXIE_API std::span<const ColumnName> column_names() noexcept;

/// A CSV table read into memory: a header row and rows of UTF-8 fields. Every row
/// has as many fields as the header (`table.shape`); blank lines are skipped.
///
///   kexie::Table t = kexie::Table::read_file("marks.csv").value();
///   std::size_t mark = t.column("mark").value();
///   for (std::size_t r = 0; r < t.rows(); ++r) std::cout << t.cell(r, mark) << '\n';
class KEXIE_API Table {
 public:
  /// Reads a table from `bytes`. Refusals (`invalid_argument` unless said): more than
  /// `max_bytes` (`table.too_large`); a byte sequence that is not text in the encoding
  /// (`corrupt_data` `table.encoding`); a stray quote or an unterminated quoted field
  /// (`corrupt_data` `table.syntax`); a field over `max_field` (`table.field_too_large`);
  /// no header row, an empty or repeated header name (`table.header`); a row with
  /// another number of fields than the header (`table.shape`). Each names the place.
  /// \param bytes the whole CSV text, in the encoding of `options.encoding` (or detected); not
  /// kept.
  /// \param options the encoding, the size limits and the source name for errors.
  /// \return the table, or a refusal above naming the rule and the place (source, line, column).
  ///
  ///   auto t = kexie::Table::parse("judge,entry\nE-1,JB-0001\n");
  [[nodiscard]] static Result<Table> parse(std::string_view bytes, TableOptions options = {});
  /// Reads the file at `path` like `parse`; its size is checked before it is read.
  /// `io_error` when it cannot be opened or read.
  /// \param path the file to read.
  /// \param options as for `parse`; its `source` is replaced by `path`.
  /// \return the table, or `io_error` or a refusal of `parse`.
  ///
  ///   auto t = kexie::Table::read_file("examples/data/marks.csv");
  [[nodiscard]] static Result<Table> read_file(const std::string& path, TableOptions options = {});

  /// The name errors give this table.
  /// \return the `source` of the options it was read with (the path for `read_file`).
  [[nodiscard]] const std::string& source() const noexcept { return source_; }
  /// The encoding the bytes were decoded from (never `automatic`).
  /// \return `utf8` or `gb18030`.
  [[nodiscard]] TextEncoding encoding() const noexcept { return encoding_; }
  /// The header cells as written (trimmed of surrounding spaces).
  /// \return one UTF-8 string per column, valid as long as the table.
  [[nodiscard]] std::span<const std::string> header() const noexcept { return header_; }
  /// Number of data rows (without the header).
  /// \return the number of data rows; 0 for a table with a header only.
  [[nodiscard]] std::size_t rows() const noexcept { return row_line_.size(); }
  /// Number of columns.
  /// \return the number of header cells (every row has as many fields).
  [[nodiscard]] std::size_t columns() const noexcept { return header_.size(); }
  /// The field in data row `row` (from 0) and column `column` (from 0); both must be
  /// in range.
  /// \param row the data row, from 0 to `rows()` − 1.
  /// \param column the column, from 0 to `columns()` − 1 (e.g. from `column`).
  /// \return the field as UTF-8, unquoted, valid as long as the table; empty for an empty field.
  [[nodiscard]] std::string_view cell(std::size_t row, std::size_t column) const noexcept;
  /// The line (from 1) on which data row `row` starts.
  /// \param row the data row, from 0 to `rows()` − 1.
  /// \return the 1-based line in the source (a quoted field may span lines, so rows and lines
  /// differ).
  [[nodiscard]] std::size_t line(std::size_t row) const noexcept { return row_line_[row]; }
  /// The column whose header is `canonical` or one of its spellings (`column_names`),
  /// compared without surrounding spaces and ASCII case; `not_found` `table.header`
  /// naming the source when there is none.
  /// \param canonical a canonical column name (e.g. "judge", "mark").
  /// \return the column's index (from 0), or `not_found` `table.header`.
  ///
  ///   std::size_t judge = t.column("judge").value();   // also matches "评委"
  [[nodiscard]] Result<std::size_t> column(std::string_view canonical) const;
  /// `column(canonical)`, or nothing when the table lacks it (optional columns).
  /// \param canonical a canonical column name (e.g. "reason").
  /// \return the column's index (from 0), or nothing.
  [[nodiscard]] std::optional<std::size_t> find_column(std::string_view canonical) const;
  /// The place of cell (`row`, `column`), for error reports.
  /// \param row the data row, from 0.
  /// \param column the column, from 0.
  /// \return the source, the row's line, the 1-based column and the column's header.
  ///
  ///   std::cerr << kexie::to_string(t.place(3, 1));   // marks.csv:5:2 (entry)
  [[nodiscard]] TablePlace place(std::size_t row, std::size_t column) const;

 private:
  friend struct TableBuilder;  // src/table.cpp fills it
  std::string source_;
  TextEncoding encoding_ = TextEncoding::utf8;
  std::vector<std::string> header_;
  std::string text_;                     // every field's bytes, one after another
  std::vector<std::uint32_t> ends_;      // field i is [ends_[i-1], ends_[i]) of text_
  std::vector<std::uint32_t> row_line_;  // the line each data row starts on
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_TABLE_HPP
