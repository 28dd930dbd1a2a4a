// The shared document machinery, seen through the campaign reader: positions,
// every problem collected, unknown keys, limits against hostile input.
#include "kexie/document.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "kexie/campaign_document.hpp"

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string demo() { return read(KEXIE_SOURCE_DIR "/examples/data/campaign.json"); }

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(Document, ProblemToString) {
  kexie::DocumentProblem p{"/year", 4, 11, "", "", "expected an integer"};
  EXPECT_EQ(p.to_string(), "/year (4:11): expected an integer");
  p.rule = "rubric.weights_sum";
  p.article = "A10";
  EXPECT_EQ(p.to_string(), "/year (4:11): expected an integer [rubric.weights_sum, A10]");
  EXPECT_EQ((kexie::DocumentProblem{"", 0, 0, "", "", "too large"}).to_string(),
            "(document): too large");
}

TEST(Document, SyntaxErrorHasLineAndColumn) {
  const auto r = kexie::read_campaign_document("{\n  \"format\": \"kexie.campaign/1\",\n  ]\n}");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), kexie::ErrorCode::corrupt_data);
  ASSERT_EQ(r.problems().size(), 1u);
  EXPECT_EQ(r.problems()[0].line, 3u);
  EXPECT_EQ(r.problems()[0].column, 3u);
}

TEST(Document, EveryProblemIsCollectedWithPointerLineAndColumn) {
  std::string text = demo();
  text = replace(text, "\"year\": 2024", "\"year\": \"2024\"");
  text = replace(text, "\"min_judges\": 5", "\"min_judgez\": 5");
  text = replace(text, "\"share\": \"0.20\"", "\"share\": 0.2");
  const auto r = kexie::read_campaign_document(text);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), kexie::ErrorCode::invalid_argument);
  ASSERT_EQ(r.problems().size(), 3u) << r.error();
  EXPECT_EQ(r.problems()[0].pointer, "/year");
  EXPECT_EQ(r.problems()[0].line, 6u);
  EXPECT_EQ(r.problems()[0].column, 11u);
  EXPECT_EQ(r.problems()[1].pointer, "/panel/min_judgez");
  EXPECT_NE(r.problems()[1].message.find("unknown key"), std::string::npos);
  EXPECT_EQ(r.problems()[2].pointer, "/awards/tiers/1/share");
  EXPECT_NE(r.problems()[2].message.find("as a string"), std::string::npos);
}

TEST(Document, ColumnsCountCharactersNotBytes) {
  std::string text = demo();
  // An unknown key after Chinese text: the column counts 中 and 文 as one each.
  text = replace(text, "\"organizer\": \"ZJ\"", "\"organizer\": \"ZJ\", \"中文\": 1");
  const auto r = kexie::read_campaign_document(text);
  ASSERT_FALSE(r);
  ASSERT_EQ(r.problems().size(), 1u);
  EXPECT_EQ(r.problems()[0].pointer, "/中文");
  EXPECT_EQ(r.problems()[0].line, 4u);
  EXPECT_EQ(r.problems()[0].column, 28u);  // "  \"organizer\": \"ZJ\", \"中文\": " is 27 chars
}

TEST(Document, ExtensionKeysAreIgnored) {
  std::string text = demo();
  text = replace(text, "\"year\": 2024", "\"year\": 2024, \"x-note\": {\"anything\": [1, 2]}");
  const auto r = kexie::read_campaign_document(text);
  ASSERT_TRUE(r) << r.error();
  // …and the canonical form drops them.
  EXPECT_EQ(kexie::write_campaign_document(r.value()), demo());
}

TEST(Document, ProblemsAreCapped) {
  std::string text = "{\"format\": \"kexie.campaign/1\"";
  for (int i = 0; i < 500; ++i) text += ",\"k" + std::to_string(i) + "\": 0";
  text += "}";
  kexie::DocumentLimits limits;
  limits.max_problems = 10;
  const auto r = kexie::read_campaign_document(text, limits);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.problems().size(), 10u);
  EXPECT_NE(r.error().message().find("or more"), std::string::npos);
}

TEST(Document, DeepNestingIsRefusedWithoutRecursion) {
  const std::string text(1'000'000, '[');
  const auto r = kexie::read_campaign_document(text);
  ASSERT_FALSE(r);
  EXPECT_NE(r.problems()[0].message.find("nesting deeper than 64"), std::string::npos);
}

TEST(Document, OversizedDocumentIsRefusedUnread) {
  kexie::DocumentLimits limits;
  limits.max_bytes = 1000;
  const auto r = kexie::read_campaign_document(std::string(1001, ' '), limits);
  ASSERT_FALSE(r);
  EXPECT_NE(r.problems()[0].message.find("refused unread"), std::string::npos);
}

TEST(Document, TooManyValuesAreRefused) {
  std::string text = "[";
  for (int i = 0; i < 2000; ++i) text += "0,";
  text += "0]";
  kexie::DocumentLimits limits;
  limits.max_values = 1000;
  const auto r = kexie::read_campaign_document(text, limits);
  ASSERT_FALSE(r);
  EXPECT_NE(r.problems()[0].message.find("max_values"), std::string::npos);
}

TEST(Document, AnotherVersionIsUnsupported) {
  const std::string text = replace(demo(), "kexie.campaign/1", "kexie.campaign/2");
  const auto r = kexie::read_campaign_document(text);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), kexie::ErrorCode::unsupported_version);
  EXPECT_EQ(r.problems()[0].pointer, "/format");
}

TEST(Document, NotAnObject) {
  const auto r = kexie::read_campaign_document("[1, 2]");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.problems()[0].pointer, "");
  EXPECT_NE(r.problems()[0].message.find("expected an object, found an array"), std::string::npos);
}

TEST(Document, InvalidUtf8IsRefused) {
  std::string text = demo();
  text = replace(text, "一等奖", "\xff\xfe");
  const auto r = kexie::read_campaign_document(text);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), kexie::ErrorCode::corrupt_data);
  EXPECT_GT(r.problems()[0].line, 50u);
}

}  // namespace
