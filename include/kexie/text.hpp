// Text at the API boundary: every name, code and reason that kexie stores or
// echoes is well-formed UTF-8 without control characters (a multi-line field may
// hold tabs and newlines), and an error message quotes a caller's text only cut
// to a bounded length at a character boundary.
#ifndef KEXIE_TEXT_HPP
#define KEXIE_TEXT_HPP

#include <cstdint>
#include <string>
#include <string_view>

#include "kexie/export.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

/// Which control characters a text field may hold. Every rule refuses ill-formed
/// UTF-8 (rule `text.utf8`: stray or missing continuation bytes, overlong forms,
/// surrogates U+D800–U+DFFF, code points above U+10FFFF), NUL and the other C0
/// controls, DEL and the C1 controls U+0080–U+009F (rule `text.control`), except
/// what the rule allows.
///
///   kexie::check_text("Hangzhou Turbine", "name", kexie::TextRule::line).value();
enum class TextRule : std::uint8_t {
  /// One line: names, codes, keys, units, reasons. No control character at all.
  line,
  /// Free text that may run over several lines (progress notes, veto and
  /// transition reasons): tab (U+0009) and newline (U+000A) are allowed.
  multiline,
};

/// Ok when `text` is well-formed UTF-8 and holds no control character that
/// `rule` forbids; otherwise `invalid_argument` naming `what` and the byte
/// offset, with rule `text.utf8` or `text.control`.
/// \param text the input to check
/// \param what what the input is, for the message (e.g. "person name")
/// \param rule which control characters are allowed (`line`: none)
/// \return ok, or `invalid_argument` with rule `text.utf8` or `text.control`
///
///   auto s = kexie::check_text("a\x01" "b", "person name");
///   assert(!s && s.error().rule() == "text.control");
[[nodiscard]] KEXIE_API Status check_text(std::string_view text, std::string_view what,
                                          TextRule rule = TextRule::line);

/// The longest byte count kexie quotes from a caller's text in a message.
inline constexpr std::size_t kQuotedBytes = 64;

/// `text` in double quotes for an error message: at most `kQuotedBytes` bytes,
/// cut at a character boundary and followed by "…" when cut; bytes that are not
/// well-formed UTF-8 and control characters appear as `\xNN`, so the message is
/// always valid UTF-8 whatever the input.
/// \param text any bytes
/// \return the quoted, valid UTF-8 text
///
///   assert(kexie::quote_input("coal") == "\"coal\"");
///   assert(kexie::quote_input(std::string(1000, 'x')).size() < 80);
[[nodiscard]] KEXIE_API std::string quote_input(std::string_view text);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_TEXT_HPP
