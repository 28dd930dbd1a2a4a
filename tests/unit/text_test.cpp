// kexie/text.hpp: UTF-8 and control characters at the API boundary, bounded quoting.
#include "kexie/text.hpp"

#include <gtest/gtest.h>

#include <string>

#include "kexie/error.hpp"

namespace {

using kexie::check_text;
using kexie::quote_input;
using kexie::TextRule;

std::string rule_of(std::string_view text, TextRule rule = TextRule::line) {
  const kexie::Status s = check_text(text, "name", rule);
  return s ? std::string("ok") : s.error().rule();
}

TEST(CheckText, AcceptsWellFormedText) {
  EXPECT_EQ(rule_of(""), "ok");
  EXPECT_EQ(rule_of("Hangzhou Turbine"), "ok");
  EXPECT_EQ(rule_of("杭州汽轮机科协"), "ok");
  EXPECT_EQ(rule_of("\xF0\x9F\x98\x80"), "ok");  // U+1F600, 4 bytes
  EXPECT_EQ(rule_of("\xF4\x8F\xBF\xBF"), "ok");  // U+10FFFF, the last code point
  EXPECT_EQ(rule_of("\xEE\x80\x80"), "ok");      // U+E000, just after the surrogates
  EXPECT_EQ(rule_of("\xC2\xA0"), "ok");          // U+00A0, just after C1
  EXPECT_EQ(rule_of("a\tb\nc", TextRule::multiline), "ok");
}

TEST(CheckText, RefusesIllFormedUtf8) {
  EXPECT_EQ(rule_of("\x80"), "text.utf8");              // a lone continuation byte
  EXPECT_EQ(rule_of("\xC3"), "text.utf8");              // truncated
  EXPECT_EQ(rule_of("\xE6\x9D"), "text.utf8");          // truncated 3-byte
  EXPECT_EQ(rule_of("\xC0\xAF"), "text.utf8");          // overlong '/'
  EXPECT_EQ(rule_of("\xC1\xBF"), "text.utf8");          // overlong
  EXPECT_EQ(rule_of("\xE0\x80\xAF"), "text.utf8");      // overlong 3-byte
  EXPECT_EQ(rule_of("\xF0\x80\x80\xAF"), "text.utf8");  // overlong 4-byte
  EXPECT_EQ(rule_of("\xED\xA0\x80"), "text.utf8");      // U+D800, a surrogate
  EXPECT_EQ(rule_of("\xED\xBF\xBF"), "text.utf8");      // U+DFFF
  EXPECT_EQ(rule_of("\xF4\x90\x80\x80"), "text.utf8");  // U+110000
  EXPECT_EQ(rule_of("\xF5\x80\x80\x80"), "text.utf8");
  EXPECT_EQ(rule_of("\xFF"), "text.utf8");
  EXPECT_EQ(rule_of("ab\xE6\x9D\x41"), "text.utf8");  // a bad continuation
  const kexie::Status s = check_text("ab\xFF", "organization name");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code(), kexie::ErrorCode::invalid_argument);
  EXPECT_EQ(s.error().message(), "organization name is not valid UTF-8 (byte \\xFF at offset 2)");
}

TEST(CheckText, RefusesControlCharacters) {
  EXPECT_EQ(rule_of(std::string("K\0A", 3)), "text.control");  // NUL
  EXPECT_EQ(rule_of("a\x01"), "text.control");
  EXPECT_EQ(rule_of("a\tb"), "text.control");  // one line: no tab
  EXPECT_EQ(rule_of("a\nb"), "text.control");
  EXPECT_EQ(rule_of("a\rb", TextRule::multiline), "text.control");
  EXPECT_EQ(rule_of("a\x1B[2J", TextRule::multiline), "text.control");   // ESC
  EXPECT_EQ(rule_of("a\x7F", TextRule::multiline), "text.control");      // DEL
  EXPECT_EQ(rule_of("a\xC2\x80", TextRule::multiline), "text.control");  // U+0080, C1
  EXPECT_EQ(rule_of("a\xC2\x9F", TextRule::multiline), "text.control");  // U+009F, C1
  const kexie::Status s = check_text("ab\x7F", "reason", TextRule::multiline);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().message(), "reason holds the control character U+007F at offset 2");
}

TEST(QuoteInput, QuotesShortTextAsIs) {
  EXPECT_EQ(quote_input("coal"), "\"coal\"");
  EXPECT_EQ(quote_input(""), "\"\"");
  EXPECT_EQ(quote_input("煤"), "\"煤\"");
}

TEST(QuoteInput, BoundsLongTextAtACharacterBoundary) {
  EXPECT_EQ(quote_input(std::string(100'000'000, 'x')),
            "\"" + std::string(kexie::kQuotedBytes, 'x') + "…\"");
  EXPECT_EQ(quote_input(std::string(64, 'x')), "\"" + std::string(64, 'x') + "\"");
  // 63 ASCII bytes then a 3-byte character: the character does not fit whole.
  const std::string cut = std::string(63, 'y') + "煤煤";
  EXPECT_EQ(quote_input(cut), "\"" + std::string(63, 'y') + "…\"");
  const kexie::Status back = check_text(quote_input(cut), "quote");
  EXPECT_TRUE(back) << back.error().message();
}

TEST(QuoteInput, EscapesWhatIsNotPrintableUtf8) {
  EXPECT_EQ(quote_input("a\xFF"
                        "b"),
            "\"a\\xFFb\"");
  EXPECT_EQ(quote_input("a\nb"), "\"a\\x0Ab\"");
  EXPECT_EQ(quote_input("\xED\xA0\x80"), "\"\\xED\\xA0\\x80\"");
  EXPECT_TRUE(check_text(quote_input("\xC0\xAF\x01\xC2\x80"), "quote"));
}

}  // namespace

// The owners check every text they store, so the C++ API is protected too, and a
// refusal changes no digest.
#include "kexie/activity.hpp"
#include "kexie/registry.hpp"
#include "lifecycle_fixture.hpp"

using namespace kexie::literals;

namespace {

TEST(OwnersCheckText, RegistryRefusesNamesThatAreNotUtf8) {
  kexie_test::World w;
  const std::string before = w.registry.digest();
  kexie::OrgSpec org{.kind = kexie::OrgKind::branch,
                     .name = "bad \xC0\xAF",
                     .parent = w.enterprise,
                     .effective = "2010-01-01"_date};
  auto o = w.registry.add_organization(org);
  ASSERT_FALSE(o);
  EXPECT_EQ(o.error().rule(), "text.utf8");
  EXPECT_EQ(o.error().message(), "organization name is not valid UTF-8 (byte \\xC0 at offset 4)");
  kexie::PersonSpec p{.name = "Alice", .birth = "1985-01-01"_date, .employer = w.enterprise};
  p.external_key = std::string("K\0A", 3);
  auto r = w.registry.add_person(p);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().rule(), "text.control");
  EXPECT_EQ(r.error().message(), "external key holds the control character U+0000 at offset 1");
  p.external_key = "K-1";
  p.name = "Eve\xED\xA0\x80";  // a surrogate
  EXPECT_EQ(w.registry.add_person(p).error().rule(), "text.utf8");
  p.name = "Eve";
  p.discipline = "steel\x1B[2J";
  EXPECT_EQ(w.registry.add_person(p).error().rule(), "text.control");
  EXPECT_EQ(w.registry.digest(), before);
  p.discipline = "冶金";
  EXPECT_TRUE(w.registry.add_person(p));
}

TEST(OwnersCheckText, ActivityBookRefusesTitlesAndReasonsBeforeAuditing) {
  kexie_test::World w;
  kexie::ActivityBook book(w.registry);
  kexie::ActivityPlan plan = w.plan();
  plan.title = "title\x7F";
  auto bad = book.create(w.owner(), kexie_test::t(0), plan, "plan");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().rule(), "text.control");
  EXPECT_EQ(book.audit_trail().size(), 0u);  // not even the refusal is recorded
  const kexie::ActivityId id =
      book.create(w.owner(), kexie_test::t(0), w.plan(), "a\nplan").value();
  const std::size_t records = book.audit_trail().size();
  kexie::Status s =
      book.apply(id, w.owner(), kexie_test::t(1), kexie::ActivityOperation::submit, "ok\xFF");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().rule(), "text.utf8");
  EXPECT_EQ(s.error().message(), "reason is not valid UTF-8 (byte \\xFF at offset 2)");
  s = book.report_progress(id, w.owner(), kexie_test::t(1), 10, "line\r\n");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().message(), "progress text holds the control character U+000D at offset 4");
  EXPECT_EQ(book.audit_trail().size(), records);
  // Tabs and newlines are fine in a reason.
  EXPECT_TRUE(book.apply(id, w.owner(), kexie_test::t(1), kexie::ActivityOperation::submit,
                         "line 1\n\tline 2"));
}

}  // namespace
