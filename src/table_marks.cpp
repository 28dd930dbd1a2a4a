// The streaming marks import (src/table_marks.hpp): the file read in pieces into one
// reused buffer, each piece checked as Table::parse checks text (UTF-8, no quote), split
// at commas and line ends, its codes resolved through caches of the last judge, entry
// and indicator (marks files come grouped), and its marks given to the campaign in
// pieces through detail::MarkStream. No buffer of the file's size, no field list, no
// batch of the whole file: the memory it touches is the same few hundred KiB throughout.
#include "table_marks.hpp"

#include <sys/stat.h>
#include <array>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

#include "campaign_marking.hpp"
#include "detail/regular_file.hpp"

namespace kexie {
inline namespace v1 {
namespace detail {

namespace {

// A mark written `digits[.digits]` with at most 9 digits before the point and 4 after
// it, as Decimal::parse reads it; anything else through Decimal::parse itself.
std::optional<Decimal> mark_of(std::string_view f) {
  std::int64_t c = 0;
  std::size_t i = 0;
  const std::size_t n = f.size();
  while (i < n && i < 10 && f[i] >= '0' && f[i] <= '9') c = c * 10 + (f[i++] - '0');
  if (i > 0 && i < 10) {
    if (i == n) return Decimal::unchecked(c, 0);
    if (f[i] == '.' && n - i >= 2 && n - i <= 5) {
      int scale = 0;
      for (++i; i < n && f[i] >= '0' && f[i] <= '9'; ++i, ++scale) c = c * 10 + (f[i] - '0');
      if (i == n) return Decimal::unchecked(c, scale);
    }
  }
  auto d = Decimal::parse(f);
  if (!d) return std::nullopt;
  return *d;
}

// Short codes compared without a call (a marks file compares three codes a row).
inline bool same(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (a[k] != b[k]) return false;
  }
  return true;
}

// Whether `s` has no quote and is valid UTF-8: one pass over words of 8 bytes for both
// (a quote byte found as a zero byte of the word xor '"'), the full UTF-8 check only
// when a byte is not ASCII.
bool quote_free_utf8(std::string_view s) noexcept {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  constexpr std::uint64_t kQuotes = 0x2222222222222222ULL;
  std::uint64_t high = 0, quotes = 0;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    const std::uint64_t q = w ^ kQuotes;
    high |= w;
    quotes |= (q - kOnes) & ~q;
  }
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    high |= c;
    quotes |= c == '"' ? kHigh : 0;
  }
  if ((quotes & kHigh) != 0) return false;
  return (high & kHigh) == 0 || invalid_utf8(s) == std::string_view::npos;
}

// The bytes that end a field of a table without quotes.
constexpr std::array<bool, 256> kSpecial = [] {
  std::array<bool, 256> special{};
  special[','] = special['\n'] = special['\r'] = true;
  return special;
}();

// The reader's state: the columns, the caches and the piece of marks being filled.
struct Reader {
  Reader(Campaign& c, const JudgeCodeMap& j) : campaign(c), judges(j), stream(c) {
    marks.reserve(kPiece);
  }
  static constexpr std::size_t kPiece = 8192;  // marks per piece given to the campaign
  static constexpr std::size_t kMaxColumns = 64;

  Campaign& campaign;
  const JudgeCodeMap& judges;
  MarkStream stream;
  std::vector<IndexedMark> marks;
  std::size_t width = 0, max_field = 0;
  std::array<std::uint8_t, kMaxColumns> role{};  // per column: its slot in a row's fields

  std::string entry_code;  // the last entry found
  JudgeId judge;
  EntryId entry;
  Category category = Category::rationalization_proposals;
  // Indicator positions by category and code, found once; and the last one.
  std::array<std::optional<Rubric>, enum_count<Category>> rubrics;
  std::array<std::vector<std::pair<std::string, std::uint32_t>>, enum_count<Category>> positions;
  const std::string* indicator_code = nullptr;
  std::size_t indicator_category = enum_count<Category>;
  std::uint32_t indicator = 0;

  // The header line (without its line end), read as Table::parse reads it.
  bool header(std::string_view line, const TableOptions& options) {
    std::string text(line);
    text += '\n';
    auto t = Table::parse(text, options);
    if (!t || t->rows() != 0) return false;
    auto j = t->column("judge");
    auto e = t->column("entry");
    auto i = t->column("indicator");
    auto m = t->column("mark");
    if (!j || !e || !i || !m || t->columns() > kMaxColumns) return false;
    width = t->columns();
    role.fill(4);
    role[*j] = 0;
    role[*e] = 1;
    role[*i] = 2;
    role[*m] = 3;
    max_field = options.max_field;
    return true;
  }

  // The judges found so far, by a cheap hash of their code (a marks file names a few
  // judges in turn, row after row); a slot holds a key of `judges`.
  struct Seen {
    const std::string* code = nullptr;
    JudgeId id;
  };
  std::array<Seen, 64> seen{};

  bool resolve_judge(std::string_view code) {
    if (code.empty()) return false;
    const auto last = static_cast<unsigned char>(code.back());
    const auto before = code.size() > 1 ? static_cast<unsigned char>(code[code.size() - 2]) : 0U;
    Seen& slot = seen[(last * 7U + before * 31U + code.size()) % seen.size()];
    if (slot.code != nullptr && same(*slot.code, code)) {
      judge = slot.id;
      return true;
    }
    auto it = judges.find(code);
    if (it == judges.end() || !it->second.ok()) return false;
    slot = {&it->first, it->second};
    judge = it->second;
    return true;
  }

  bool resolve_entry(std::string_view code) {
    if (!entry_code.empty() && same(code, entry_code)) return true;
    if (code.empty()) return false;
    if (!stream.find_entry(code, entry, category)) return false;
    entry_code.assign(code);
    return true;
  }

  bool resolve_indicator(std::string_view code) {
    const auto cat = static_cast<std::size_t>(category);
    if (cat == indicator_category && same(code, *indicator_code)) return true;
    for (const auto& [known, position] : positions[cat]) {
      if (same(known, code)) {
        indicator_category = cat;
        indicator_code = &known;
        indicator = position;
        return true;
      }
    }
    if (!rubrics[cat]) {
      auto r = campaign.rubric(category);
      if (!r) return false;
      rubrics[cat] = std::move(*r);
    }
    auto index = rubrics[cat]->find(code);
    if (!index) return false;
    // Reserved once, so the codes held by `indicator_code` never move.
    if (positions[cat].capacity() == 0) positions[cat].reserve(rubrics[cat]->indicators().size());
    if (positions[cat].size() == positions[cat].capacity()) return false;
    positions[cat].emplace_back(std::string(code), *index);
    indicator_category = cat;
    indicator_code = &positions[cat].back().first;
    indicator = *index;
    return true;
  }

  // The data line at `p` (the text ends at `end`): its marks held; the position after
  // its line end, or null when anything is unusual or refused. One pass over its bytes.
  const char* row(const char* p, const char* const end) {
    std::array<std::string_view, 5> f;  // judge, entry, indicator, mark, any other
    std::size_t n = 0;
    bool blank = false;
    const char* start = p;
    while (true) {
      while (p < end && !kSpecial[static_cast<unsigned char>(*p)]) ++p;
      const auto size = static_cast<std::size_t>(p - start);
      if (n == width || size > max_field) return nullptr;
      if (n == 0) blank = size == 0;
      f[role[n++]] = std::string_view(start, size);
      if (p == end) break;
      const char c = *p++;
      if (c == ',') {
        start = p;
        continue;
      }
      if (c == '\r') {  // CRLF; a CR alone ends a row in the table: its way
        if (p == end || *p != '\n') return nullptr;
        ++p;
      }
      break;
    }
    if (n == 1 && blank) return p;  // a blank line, skipped as the table skips it
    if (n != width || !resolve_judge(f[0]) || !resolve_entry(f[1]) || !resolve_indicator(f[2])) {
      return nullptr;
    }
    auto value = mark_of(f[3]);
    if (!value) return nullptr;
    marks.push_back({judge, entry, indicator, *value});
    if (marks.size() == kPiece && !flush()) return nullptr;
    return p;
  }

  bool flush() {
    if (marks.empty()) return true;
    if (!stream.add(marks)) return false;
    marks.clear();
    return true;
  }
};

}  // namespace

bool stream_marks(Campaign& campaign, const JudgeCodeMap& judges, const std::string& path,
                  const TableOptions& options) {
  if (options.encoding != TextEncoding::automatic && options.encoding != TextEncoding::utf8) {
    return false;
  }
  // Anything else (not a regular file, too large, unopenable) goes the table path,
  // which says what is wrong.
  RegularFile opened = open_regular_file(path.c_str());
  if (!opened) return false;
  const struct stat st = opened.status();
  const std::uint64_t cap =
      std::min<std::uint64_t>(options.max_bytes, std::numeric_limits<std::uint32_t>::max());
  if (static_cast<std::uint64_t>(st.st_size) > cap) return false;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(::fdopen(opened.fd(), "rb"), std::fclose);
  if (!file) return false;
  opened.release();  // the FILE owns the descriptor now
  Reader reader(campaign, judges);
  // One buffer, reused: a piece of whole lines is read, then the unfinished line moved
  // to the front.
  constexpr std::size_t kBuffer = std::size_t{1} << 18;
  std::unique_ptr<char[]> buffer(new char[kBuffer]);
  std::size_t held = 0;
  std::uint64_t total = 0;
  bool first = true, at_end = false;
  while (!at_end) {
    const std::size_t got = std::fread(buffer.get() + held, 1, kBuffer - held, file.get());
    total += got;
    at_end = got < kBuffer - held;
    held += got;
    std::string_view text(buffer.get(), held);
    if (first) {
      first = false;
      if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    }
    // The whole lines of the piece, or everything at the end of the file.
    std::size_t whole = text.size();
    if (!at_end) {
      const std::size_t nl = text.rfind('\n');
      if (nl == std::string_view::npos) return false;  // a line longer than the buffer
      whole = nl + 1;
    }
    std::string_view lines = text.substr(0, whole);
    if (!quote_free_utf8(lines)) return false;
    if (reader.width == 0 && !lines.empty()) {
      // The header: the first line, which must not be blank (blank lines before it
      // are the table's way).
      const std::size_t nl = lines.find('\n');
      const std::string_view line = lines.substr(0, nl);
      lines = nl == std::string_view::npos ? std::string_view() : lines.substr(nl + 1);
      const std::string_view bare = line.substr(0, line.size() - (line.ends_with('\r') ? 1 : 0));
      if (bare.empty() || bare.find('\r') != std::string_view::npos ||
          !reader.header(line, options)) {
        return false;
      }
    }
    for (const char *p = lines.data(), *end = p + lines.size(); p < end;) {
      p = reader.row(p, end);
      if (p == nullptr) return false;
    }
    const std::size_t rest = static_cast<std::size_t>(text.data() - buffer.get()) + whole;
    std::memmove(buffer.get(), buffer.get() + rest, held - rest);
    held -= rest;
  }
  if (std::ferror(file.get()) != 0 || total != static_cast<std::uint64_t>(st.st_size)) return false;
  if (reader.width == 0) return false;
  if (!reader.flush()) return false;
  return static_cast<bool>(reader.stream.commit());
}

}  // namespace detail
}  // namespace v1
}  // namespace kexie
