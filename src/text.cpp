// Text at the API boundary: UTF-8 validation and bounded quoting (kexie/text.hpp).
#include "kexie/text.hpp"

#include <cstdio>

#include "kexie/error.hpp"

namespace kexie {
inline namespace v1 {

namespace {

// The length of the well-formed UTF-8 sequence at `text[i]` and its code point,
// or 0 when the bytes there are not one (Unicode 15, table 3-7).
std::size_t sequence_at(std::string_view text, std::size_t i, char32_t& cp) noexcept {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = b(i);
  const std::size_t left = text.size() - i;
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;  // a continuation byte, C0/C1 (overlong) or F5–FF
  }
  if (left < n) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const unsigned char t = b(i + k);
    if (k == 1 ? (t < lo || t > hi) : (t < 0x80 || t > 0xBF)) return 0;
    cp = (cp << 6) | (t & 0x3F);
  }
  return n;
}

bool is_control(char32_t cp) noexcept { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

bool allowed(char32_t cp, TextRule rule) noexcept {
  if (!is_control(cp)) return true;
  return rule == TextRule::multiline && (cp == U'\t' || cp == U'\n');
}

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(c));
  return buf;
}

}  // namespace

Status check_text(std::string_view text, std::string_view what, TextRule rule) {
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t n = sequence_at(text, i, cp);
    if (n == 0) {
      return Error(ErrorCode::invalid_argument,
                   std::string(what) + " is not valid UTF-8 (byte " +
                       hex_byte(static_cast<unsigned char>(text[i])) + " at offset " +
                       std::to_string(i) + ")",
                   "text.utf8");
    }
    if (!allowed(cp, rule)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
      return Error(ErrorCode::invalid_argument,
                   std::string(what) + " holds the control character " + buf + " at offset " +
                       std::to_string(i),
                   "text.control");
    }
    i += n;
  }
  return {};
}

std::string quote_input(std::string_view text) {
  std::string out(1, '"');
  std::size_t i = 0;
  while (i < text.size() && i < kQuotedBytes) {
    char32_t cp = 0;
    const std::size_t n = sequence_at(text, i, cp);
    if (n == 0 || is_control(cp)) {
      const std::size_t m = n == 0 ? 1 : n;
      for (std::size_t k = 0; k < m; ++k) out += hex_byte(static_cast<unsigned char>(text[i + k]));
      i += m;
      continue;
    }
    if (i + n > kQuotedBytes) break;  // never cut a character
    out.append(text.substr(i, n));
    i += n;
  }
  if (i < text.size()) out += "…";
  out += '"';
  return out;
}

}  // namespace v1
}  // namespace kexie
