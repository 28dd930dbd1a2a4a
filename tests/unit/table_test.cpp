// CSV reading: RFC 4180 quoting, line ends, encodings, header names, limits, places.
#include "kexie/table.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace {

using kexie::Table;
using kexie::TableOptions;
using kexie::TextEncoding;

TEST(Table, ReadsQuotedFieldsWithNewlinesAndQuotes) {
  auto t = Table::parse(
      "judge,entry,reason\r\nE-1,JB-1,\"two\r\nlines, and \"\"quotes\"\"\"\r\nE-2,JB-2,plain\r\n");
  ASSERT_TRUE(t) << t.error();
  ASSERT_EQ(t->rows(), 2u);
  EXPECT_EQ(t->columns(), 3u);
  EXPECT_EQ(t->cell(0, 2), "two\r\nlines, and \"quotes\"");
  EXPECT_EQ(t->cell(1, 0), "E-2");
  EXPECT_EQ(t->line(0), 2u);
  EXPECT_EQ(t->line(1), 4u);  // the quoted newline moved it down
}

TEST(Table, LfEndsBlankLinesAndNoFinalNewline) {
  auto t = Table::parse("a,b\n\n1,2\n\n3, 4");
  ASSERT_TRUE(t) << t.error();
  ASSERT_EQ(t->rows(), 2u);
  EXPECT_EQ(t->cell(1, 1), " 4");  // spaces belong to the field (RFC 4180)
  EXPECT_EQ(t->line(1), 5u);
}

TEST(Table, SkipsAUtf8BomAndMatchesChineseHeaders) {
  auto t = Table::parse("\xEF\xBB\xBF评委,项目编号,指标,分数\nE-1,JB-1,A.1,88.5\n");
  ASSERT_TRUE(t) << t.error();
  EXPECT_EQ(t->encoding(), TextEncoding::utf8);
  EXPECT_EQ(t->column("judge").value(), 0u);
  EXPECT_EQ(t->column("entry").value(), 1u);
  EXPECT_EQ(t->column("MARK").value_or(9), 9u);  // canonical names are lower case
  EXPECT_EQ(t->column("mark").value(), 3u);
  EXPECT_EQ(t->header()[0], "评委");
  auto missing = t->column("reason");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().rule(), "table.header");
}

TEST(Table, EnglishHeadersIgnoreCaseAndSpaces) {
  auto t = Table::parse(" Judge ,ENTRY\nx,y\n");
  ASSERT_TRUE(t) << t.error();
  EXPECT_EQ(t->column("judge").value(), 0u);
  EXPECT_EQ(t->column("entry").value(), 1u);
}

TEST(Table, DecodesGb18030AutomaticallyAndOnRequest) {
  // "评委,分数\n张三,90\n" in GB18030
  const std::string gb = "\xC6\xC0\xCE\xAF,\xB7\xD6\xCA\xFD\n\xD5\xC5\xC8\xFD,90\n";
  for (TextEncoding e : {TextEncoding::automatic, TextEncoding::gb18030}) {
    auto t = Table::parse(gb, {.encoding = e});
    ASSERT_TRUE(t) << t.error();
    EXPECT_EQ(t->encoding(), TextEncoding::gb18030);
    EXPECT_EQ(t->header()[0], "评委");
    EXPECT_EQ(t->cell(0, 0), "张三");
    EXPECT_EQ(t->column("mark").value(), 1u);
  }
  auto as_utf8 = Table::parse(gb, {.encoding = TextEncoding::utf8, .source = "marks.csv"});
  ASSERT_FALSE(as_utf8);
  EXPECT_EQ(as_utf8.error().rule(), "table.encoding");
  EXPECT_NE(as_utf8.error().message().find("marks.csv:1:1"), std::string::npos) << as_utf8.error();
}

TEST(Table, RefusesMalformedGb18030WithItsPlace) {
  auto t = Table::parse("a\nok\n\x81\n", {.encoding = TextEncoding::gb18030, .source = "x.csv"});
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().rule(), "table.encoding");
  EXPECT_NE(t.error().message().find("x.csv:3:1"), std::string::npos) << t.error();
}

TEST(Table, RefusesSyntaxErrorsNamingTheLine) {
  auto stray = Table::parse("a,b\n1,x\"y\n", {.source = "m.csv"});
  ASSERT_FALSE(stray);
  EXPECT_EQ(stray.error().rule(), "table.syntax");
  EXPECT_NE(stray.error().message().find("m.csv:2:"), std::string::npos) << stray.error();
  auto open = Table::parse("a,b\n1,\"never closed\n");
  ASSERT_FALSE(open);
  EXPECT_EQ(open.error().rule(), "table.syntax");
}

TEST(Table, RefusesRaggedRowsAndBadHeaders) {
  auto ragged = Table::parse("judge,entry,mark\nE-1,JB-1\n", {.source = "m.csv"});
  ASSERT_FALSE(ragged);
  EXPECT_EQ(ragged.error().rule(), "table.shape");
  EXPECT_NE(ragged.error().message().find("m.csv:2"), std::string::npos) << ragged.error();
  auto wide = Table::parse("judge,entry\nE-1,JB-1,9\n", {.source = "m.csv"});
  ASSERT_FALSE(wide);
  EXPECT_EQ(wide.error().rule(), "table.shape");
  EXPECT_EQ(Table::parse("").error().rule(), "table.header");
  EXPECT_EQ(Table::parse("a,,b\n").error().rule(), "table.header");
  EXPECT_EQ(Table::parse("a,A\n").error().rule(), "table.header");
}

TEST(Table, RefusesWhatIsTooLarge) {
  EXPECT_EQ(Table::parse("a,b\n1,2\n", {.max_bytes = 4}).error().rule(), "table.too_large");
  const std::string big = "a\n\"" + std::string(100000, 'x') + "\"\n";
  auto t = Table::parse(big, {.max_field = 1000});
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().rule(), "table.field_too_large");
  EXPECT_TRUE(Table::parse(big, {.max_field = 200000}));
}

TEST(Table, ReadsFilesAndRefusesLargeOnesBeforeReading) {
  const auto dir =
      std::filesystem::temp_directory_path() /
      ("kexie_table_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::create_directories(dir);
  const auto path = (dir / "m.csv").string();
  std::ofstream(path, std::ios::binary) << "judge,entry\nE-1,JB-1\n";
  auto t = Table::read_file(path);
  ASSERT_TRUE(t) << t.error();
  EXPECT_EQ(t->source(), path);
  EXPECT_EQ(to_string(t->place(0, 1)), path + ":2:2 (entry)");
  EXPECT_EQ(Table::read_file(path, {.max_bytes = 5}).error().rule(), "table.too_large");
  EXPECT_EQ(Table::read_file((dir / "none.csv").string()).error().code(),
            kexie::ErrorCode::io_error);
  std::filesystem::remove_all(dir);
}

TEST(Table, EveryColumnNameHasChineseSpellings) {
  for (const kexie::ColumnName& c : kexie::column_names()) {
    EXPECT_FALSE(c.others.empty()) << c.canonical;
  }
  EXPECT_EQ(kexie::to_string(TextEncoding::gb18030), "gb18030");
}

}  // namespace

namespace {

TEST(Table, CountsLinesEndedByCrAloneOrCrLf) {
  // Found by csv_fuzz: a bare CR ends a row (libcsv) and must end a line too.
  auto t = kexie::Table::parse("judge,entry\rE40,P0\r\nE41,P1\nE42,\"a\rb\"\rE43,P3\r");
  ASSERT_TRUE(t) << t.error();
  ASSERT_EQ(t->rows(), 4u);
  EXPECT_EQ(t->line(0), 2u);
  EXPECT_EQ(t->line(1), 3u);
  EXPECT_EQ(t->line(2), 4u);
  EXPECT_EQ(t->line(3), 6u);
  auto bad = kexie::Table::parse("a\rb\"c\r", {.source = "cr.csv"});
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message().find("cr.csv:2:"), std::string::npos) << bad.error();
}

}  // namespace
