// CSV tables: decoding (BOM, UTF-8 validation, GB18030 through glibc's iconv), RFC 4180
// parsing through libcsv, header names in English or Chinese. libcsv and iconv stay in
// this file; include/kexie/table.hpp names neither.
#include "kexie/table.hpp"

#include "detail/regular_file.hpp"
#include "table_marks.hpp"
#include "table_scan.hpp"

#include <csv.h>
#include <iconv.h>

#include <sys/stat.h>
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <memory>

namespace kexie {
inline namespace v1 {

std::string_view to_string(TextEncoding encoding) noexcept { return enum_name(encoding); }

std::string to_string(const TablePlace& place) {
  std::string out = place.source;
  if (place.line != 0) out += ":" + std::to_string(place.line);
  if (place.column != 0) out += ":" + std::to_string(place.column);
  if (!place.field.empty()) out += " (" + place.field + ")";
  return out;
}

namespace {

// The column names of every kexie table; docs/tables.md prints this table.
constexpr std::string_view kJudge[] = {"评委", "评审专家", "专家"};
constexpr std::string_view kEntry[] = {"项目编号", "申报编号", "编号"};
constexpr std::string_view kIndicator[] = {"指标", "指标编号", "评分项"};
constexpr std::string_view kMark[] = {"分数", "评分", "得分"};
constexpr std::string_view kReason[] = {"理由", "否决理由"};
constexpr std::string_view kVetoItem[] = {"否决项"};
constexpr std::string_view kEmployer[] = {"单位", "工作单位"};
constexpr std::string_view kExternalKey[] = {"工号", "人员编号"};
constexpr std::string_view kName[] = {"名称", "姓名"};
constexpr std::string_view kTitle[] = {"项目名称", "题目"};
constexpr std::string_view kUnit[] = {"申报单位"};
constexpr std::string_view kCategory[] = {"类别", "项目类别"};
constexpr std::string_view kTeam[] = {"团队", "完成人"};

constexpr ColumnName kColumns[] = {
    {"judge", kJudge},         {"entry", kEntry},
    {"indicator", kIndicator}, {"mark", kMark},
    {"reason", kReason},       {"veto", kVetoItem},
    {"employer", kEmployer},   {"external_key", kExternalKey},
    {"name", kName},           {"title", kTitle},
    {"unit", kUnit},           {"category", kCategory},
    {"team", kTeam},
};

// Surrounding ASCII spaces and tabs off.
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// Line ends in `s`: LF, CRLF, or a CR alone (old Mac files; libcsv ends rows there too).
std::size_t line_ends(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n'))) ++n;
  }
  return n;
}

// 1-based line and column (in bytes) of `offset` in `bytes`.
std::pair<std::size_t, std::size_t> line_column(std::string_view bytes, std::size_t offset) {
  offset = std::min(offset, bytes.size());
  const std::string_view before = bytes.substr(0, offset);
  const std::size_t line = 1 + line_ends(before);
  const std::size_t nl = before.find_last_of("\r\n");
  const std::size_t column = nl == std::string_view::npos ? offset + 1 : offset - nl;
  return {line, column};
}

Error at_offset(ErrorCode code, const std::string& source, std::string_view bytes,
                std::size_t offset, const std::string& what, const char* rule) {
  auto [line, column] = line_column(bytes, offset);
  return Error(code, to_string(TablePlace{source, line, column, {}}) + ": " + what, rule);
}

}  // namespace

// The offset of the first byte that does not continue valid UTF-8, or npos.
std::size_t detail::invalid_utf8(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

namespace {

using detail::invalid_utf8;

// GB18030 bytes as UTF-8 through iconv; on a bad sequence, the offset of its first byte.
struct Converted {
  std::string text;
  std::size_t bad = std::string_view::npos;
};

Result<Converted> from_gb18030(std::string_view in) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return Error(ErrorCode::io_error, "this system's iconv cannot convert GB18030",
                 "table.encoding");
  }
  std::unique_ptr<void, int (*)(iconv_t)> close(cd, iconv_close);
  Converted out;
  // Two bytes of GB18030 are at most three of UTF-8; four bytes at most four.
  out.text.resize(in.size() / 2 * 3 + 8);
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  char* dst = out.text.data();
  std::size_t dst_left = out.text.size();
  while (src_left > 0) {
    if (iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) {  // cannot happen with the bound above; grow all the same
        const std::size_t used = static_cast<std::size_t>(dst - out.text.data());
        out.text.resize(out.text.size() * 2);
        dst = out.text.data() + used;
        dst_left = out.text.size() - used;
        continue;
      }
      out.bad = static_cast<std::size_t>(src - in.data());
      return out;
    }
  }
  out.text.resize(static_cast<std::size_t>(dst - out.text.data()));
  return out;
}

// libcsv has no per-parser allocation context: the field limit of the parse running on
// this thread, checked by the realloc it uses, so an oversized field is refused before
// its buffer grows to hold it.
thread_local std::size_t tl_field_limit = 0;
thread_local bool tl_field_refused = false;

void* bounded_realloc(void* p, std::size_t size) {
  if (size > tl_field_limit + 1024) {
    tl_field_refused = true;
    return nullptr;
  }
  return std::realloc(p, size);
}

int no_space(unsigned char) { return 0; }  // RFC 4180: spaces belong to the field

}  // namespace

// Fills a Table from libcsv's callbacks.
struct TableBuilder {
  explicit TableBuilder(Table& t) : table(t) {}
  Table& table;
  std::size_t line = 1;        // the line the parser is on
  std::size_t row_line = 1;    // the line the current row started on
  std::size_t row_fields = 0;  // fields in the current row
  std::size_t width = 0;       // fields per row (the header's)
  bool header_done = false;
  bool after_cr = false;  // the last event was a row ended by CR
  std::vector<std::string> header;
  std::optional<Error> error;
  std::size_t max_field = 0;
  char* out = nullptr;   // where the fields' bytes go, one after another
  std::size_t used = 0;  // bytes of fields in `out`

  static void on_field(void* data, std::size_t len, void* self) {
    static_cast<TableBuilder*>(self)->field(static_cast<const char*>(data), len, false);
  }
  static void on_row(int c, void* self) { static_cast<TableBuilder*>(self)->row(c); }
  // Table::parse; `scan`: split a table without quotes by scan_unquoted, not libcsv.
  // `owned`, when given, holds `bytes` and may be reused: the fields are then gathered
  // in it (no second buffer of the text's size, whose fresh pages cost as much as reading
  // the file).
  static Result<Table> parse(std::string_view bytes, TableOptions options, bool scan,
                             std::string* owned = nullptr);

  // A field; `plain`: it holds no line end (the unquoted scanner's fields).
  void field(const char* data, std::size_t len, bool plain) {
    // The common case first: a plain field of a data row, within the limits.
    if (plain && header_done && row_fields < width && len <= max_field && !error) {
      if (row_fields == 0) row_line = line;
      after_cr = false;
      ++row_fields;
      std::memmove(out + used, data, len);
      used += len;
      table.ends_.push_back(static_cast<std::uint32_t>(used));
      return;
    }
    if (error) return;
    if (row_fields == 0) row_line = line;
    const std::string_view f(data == nullptr ? "" : data, data == nullptr ? 0 : len);
    const std::size_t newlines = plain ? 0 : line_ends(f);
    after_cr = false;
    ++row_fields;
    if (len > max_field) {
      fail(ErrorCode::invalid_argument,
           "a field longer than " + std::to_string(max_field) + " bytes", "table.field_too_large");
      return;
    }
    if (!header_done) {
      header.emplace_back(trim(f));
    } else {
      if (row_fields > width) {
        fail(ErrorCode::invalid_argument,
             "a row with more than the header's " + std::to_string(width) + " fields",
             "table.shape");
        return;
      }
      // `out` holds the whole text, so every field's bytes; in place, a field moves
      // only to bytes already read.
      if (!f.empty()) std::memmove(out + used, f.data(), f.size());
      used += f.size();
      table.ends_.push_back(static_cast<std::uint32_t>(used));
    }
    line += newlines;
  }

  void row(int c) {
    if (error) return;
    if (row_fields != 0) {
      if (!header_done) {
        header_done = true;
        width = header.size();
      } else if (row_fields != width) {
        fail(ErrorCode::invalid_argument,
             "a row with " + std::to_string(row_fields) + " fields where the header has " +
                 std::to_string(width),
             "table.shape");
        return;
      } else {
        table.row_line_.push_back(static_cast<std::uint32_t>(row_line));
      }
    }
    row_fields = 0;
    // CRLF comes as two events ('\r' ends the row, '\n' is reported alone): one line.
    if (c == '\r' || (c == '\n' && !after_cr)) ++line;
    after_cr = c == '\r';
  }

  void fail(ErrorCode code, const std::string& what, const char* rule) {
    TablePlace at{table.source_, row_line, row_fields, {}};
    if (header_done && row_fields >= 1 && row_fields <= header.size()) {
      at.field = header[row_fields - 1];
    }
    error = Error(code, to_string(at) + ": " + what, rule);
  }
};

namespace {

// The hot path for a table without a quote character (every table kexie writes without
// quoting, and the long marks tables): libcsv calls back once per field and once per
// line end, which alone reaches only about an eighth of the raw read rate (docs/tables.md
// measures it), so such text is split here, with the events libcsv gives, in its order:
// a field at each comma or line end, a row end at every CR and every LF (CSV_REPALL_NL;
// the builder counts CRLF as one line), and at the end of text the last field and a row
// end (-1), unless the text ends with a line end. Without quotes RFC 4180 has nothing
// else: no escapes, no field spanning lines. A field over the limit is refused by the
// builder (table.field_too_large naming its place) before it is copied.
constexpr std::array<bool, 256> kEndsField = [] {
  std::array<bool, 256> ends{};
  ends[','] = ends['\n'] = ends['\r'] = true;
  return ends;
}();

void scan_unquoted(std::string_view text, TableBuilder& b) {
  const char* p = text.data();
  const char* const end = p + text.size();
  bool begun = false;  // a field of the current row has begun (after a comma)
  while (p < end && !b.error) {
    if (!begun && (*p == '\n' || *p == '\r')) {
      b.row(*p++);
      continue;
    }
    const char* const f = p;
    while (p < end && !kEndsField[static_cast<unsigned char>(*p)]) ++p;
    b.field(f, static_cast<std::size_t>(p - f), true);
    if (p == end) {
      b.row(-1);
      return;
    }
    if (*p == ',') {
      ++p;
      begun = true;
      if (p == end) {
        b.field(p, 0, true);
        b.row(-1);
      }
      continue;
    }
    b.row(*p++);
    begun = false;
  }
}

}  // namespace

Result<Table> Table::parse(std::string_view bytes, TableOptions options) {
  return TableBuilder::parse(bytes, std::move(options), true);
}

namespace detail {
Result<Table> parse_table(std::string_view bytes, TableOptions options, bool scan) {
  return TableBuilder::parse(bytes, std::move(options), scan);
}
}  // namespace detail

Result<Table> TableBuilder::parse(std::string_view bytes, TableOptions options, bool scan,
                                  std::string* owned) {
  Table t;
  t.source_ = options.source;
  const std::size_t cap =
      std::min<std::size_t>(options.max_bytes, std::numeric_limits<std::uint32_t>::max());
  if (bytes.size() > cap) {
    return Error(ErrorCode::invalid_argument,
                 t.source_ + ": " + std::to_string(bytes.size()) + " bytes, more than the " +
                     std::to_string(cap) + " allowed",
                 "table.too_large");
  }
  // Decode.
  std::string converted;
  std::string_view text = bytes;
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  const bool bom = text.substr(0, 3) == kBom;
  TextEncoding enc = options.encoding;
  if (enc == TextEncoding::automatic) {
    enc = bom || invalid_utf8(text) == std::string_view::npos ? TextEncoding::utf8
                                                              : TextEncoding::gb18030;
  }
  if (!enum_is_valid<TextEncoding>(static_cast<std::int64_t>(enc))) {
    return Error(ErrorCode::invalid_argument, "an encoding that is not a TextEncoding");
  }
  if (enc == TextEncoding::utf8) {
    if (bom) text.remove_prefix(3);
    if (std::size_t bad = invalid_utf8(text); bad != std::string_view::npos) {
      return at_offset(ErrorCode::corrupt_data, t.source_, text, bad, "bytes that are not UTF-8",
                       "table.encoding");
    }
  } else {
    auto c = from_gb18030(text);
    if (!c) return c.error();
    if (c->bad != std::string_view::npos) {
      return at_offset(ErrorCode::corrupt_data, t.source_, text, c->bad,
                       "bytes that are not GB18030", "table.encoding");
    }
    converted = std::move(c->text);
    text = converted;
  }
  t.encoding_ = enc;

  // Parse.
  csv_parser p{};
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
    throw std::bad_alloc();
  }
  std::unique_ptr<csv_parser, void (*)(csv_parser*)> freed(&p, csv_free);
  csv_set_space_func(&p, no_space);
  csv_set_realloc_func(&p, bounded_realloc);
  tl_field_limit = options.max_field;
  tl_field_refused = false;
  TableBuilder b(t);
  b.max_field = options.max_field;
  const bool unquoted = scan && std::memchr(text.data(), '"', text.size()) == nullptr;
  // The scanner gathers fields in the buffer it reads when that buffer is ours (a file
  // read, a conversion from GB18030); libcsv's fields go to a buffer of their own.
  std::string* in_place = !unquoted                                           ? nullptr
                          : enc == TextEncoding::gb18030                      ? &converted
                          : owned != nullptr && owned->data() == bytes.data() ? owned
                                                                              : nullptr;
  if (in_place != nullptr) {
    b.out = in_place->data();
  } else {
    t.text_.resize(text.size());
    b.out = t.text_.data();
  }
  // The fields' bytes are at most the text's; the counts are guesses that save most
  // regrowth (a reservation touches no page until it is used).
  t.ends_.reserve(text.size() / 4 + 16);
  t.row_line_.reserve(text.size() / 16 + 16);
  if (unquoted) scan_unquoted(text, b);
  const std::size_t done = unquoted ? text.size()
                                    : csv_parse(&p, text.data(), text.size(),
                                                TableBuilder::on_field, TableBuilder::on_row, &b);
  if (b.error) return *b.error;
  if (!unquoted &&
      (done < text.size() || csv_fini(&p, TableBuilder::on_field, TableBuilder::on_row, &b) != 0)) {
    if (b.error) return *b.error;
    if (tl_field_refused || csv_error(&p) == CSV_ENOMEM) {
      return at_offset(ErrorCode::invalid_argument, t.source_, text, done,
                       "a field longer than " + std::to_string(options.max_field) + " bytes",
                       "table.field_too_large");
    }
    return at_offset(ErrorCode::corrupt_data, t.source_, text, done,
                     done < text.size() ? "a quote inside an unquoted field, or text after a "
                                          "closing quote"
                                        : "a quoted field that is never closed",
                     "table.syntax");
  }
  if (b.error) return *b.error;
  if (!b.header_done) {
    return Error(ErrorCode::invalid_argument, t.source_ + ": no header row", "table.header");
  }
  for (std::size_t i = 0; i < b.header.size(); ++i) {
    const TablePlace at{t.source_, 1, i + 1, {}};
    if (b.header[i].empty()) {
      return Error(ErrorCode::invalid_argument, to_string(at) + ": an empty column name",
                   "table.header");
    }
    for (std::size_t k = 0; k < i; ++k) {
      if (same_name(b.header[k], b.header[i])) {
        return Error(ErrorCode::invalid_argument,
                     to_string(at) + ": column \"" + b.header[i] + "\" named twice",
                     "table.header");
      }
    }
  }
  t.header_ = std::move(b.header);
  if (in_place != nullptr) t.text_ = std::move(*in_place);
  t.text_.resize(b.used);
  // Give back a text much larger than its fields (quoted or very short fields); a copy
  // of a text mostly used costs more than the slack.
  if (t.text_.size() < t.text_.capacity() / 2) t.text_.shrink_to_fit();
  return t;
}

Result<Table> Table::read_file(const std::string& path, TableOptions options) {
  options.source = path;
  detail::RegularFile file = detail::open_regular_file(path.c_str());
  if (!file && file.error() != 0) {
    return Error(ErrorCode::io_error,
                 path + ": cannot be read (" + std::strerror(file.error()) + ")");
  }
  if (!file) {  // a directory, a FIFO (opening it would wait), a device
    return Error(ErrorCode::io_error, path + ": cannot be read (not a regular file)");
  }
  const auto size = static_cast<std::uint64_t>(file.status().st_size);
  const std::uint64_t cap =
      std::min<std::uint64_t>(options.max_bytes, std::numeric_limits<std::uint32_t>::max());
  if (size > cap) {
    return Error(ErrorCode::invalid_argument,
                 path + ": " + std::to_string(size) + " bytes, more than the " +
                     std::to_string(cap) + " allowed",
                 "table.too_large");
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(::fdopen(file.fd(), "rb"), std::fclose);
  if (!f)
    return Error(ErrorCode::io_error, path + ": cannot be opened (" + std::strerror(errno) + ")");
  file.release();  // the FILE owns the descriptor now
  std::string bytes(static_cast<std::size_t>(size), '\0');
  const std::size_t got = std::fread(bytes.data(), 1, bytes.size(), f.get());
  if (got != bytes.size() || std::fgetc(f.get()) != EOF) {
    return Error(ErrorCode::io_error, path + ": changed size while being read");
  }
  return TableBuilder::parse(bytes, std::move(options), true, &bytes);
}

std::string_view Table::cell(std::size_t row, std::size_t column) const noexcept {
  const std::size_t i = row * header_.size() + column;
  const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
  return std::string_view(text_).substr(begin, ends_[i] - begin);
}

std::optional<std::size_t> Table::find_column(std::string_view canonical) const {
  const ColumnName* known = nullptr;
  for (const ColumnName& c : kColumns) {
    if (c.canonical == canonical) known = &c;
  }
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (same_name(header_[i], canonical)) return i;
    if (known == nullptr) continue;
    for (std::string_view other : known->others) {
      if (header_[i] == other) return i;
    }
  }
  return std::nullopt;
}

Result<std::size_t> Table::column(std::string_view canonical) const {
  if (auto c = find_column(canonical)) return *c;
  return Error(ErrorCode::not_found,
               source_ + ": no column \"" + std::string(canonical) + "\" in the header",
               "table.header");
}

TablePlace Table::place(std::size_t row, std::size_t column) const {
  return TablePlace{source_, row < rows() ? line(row) : 0, column + 1,
                    column < header_.size() ? header_[column] : std::string()};
}

std::span<const ColumnName> column_names() noexcept { return kColumns; }

}  // namespace v1
}  // namespace kexie
