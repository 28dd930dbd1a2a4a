// CSV reading: RFC 4180 quoting, line ends, encodings, header names, limits, places.
#include "kexie/table.hpp"

#include "table_scan.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

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

// ---- the scanner for tables without quotes (src/table.cpp) against libcsv ----------------

// The same table or the same refusal from both parsers (detail::parse_table); a field over
// the limit may be placed differently (libcsv refuses it while growing its buffer), so
// there only the rule is compared.
void expect_same_parse(const std::string& bytes, TableOptions options = {}) {
  SCOPED_TRACE(::testing::PrintToString(bytes));
  auto fast = kexie::detail::parse_table(bytes, options, true);
  auto slow = kexie::detail::parse_table(bytes, options, false);
  ASSERT_EQ(fast.ok(), slow.ok()) << (fast ? slow.error() : fast.error());
  if (!fast) {
    EXPECT_EQ(fast.error().rule(), slow.error().rule());
    EXPECT_EQ(fast.error().code(), slow.error().code());
    if (fast.error().rule() != "table.field_too_large") {
      EXPECT_EQ(fast.error().message(), slow.error().message());
    }
    return;
  }
  EXPECT_EQ(fast->encoding(), slow->encoding());
  ASSERT_EQ(std::vector<std::string>(fast->header().begin(), fast->header().end()),
            std::vector<std::string>(slow->header().begin(), slow->header().end()));
  ASSERT_EQ(fast->rows(), slow->rows());
  for (std::size_t r = 0; r < fast->rows(); ++r) {
    EXPECT_EQ(fast->line(r), slow->line(r)) << "row " << r;
    for (std::size_t c = 0; c < fast->columns(); ++c) {
      EXPECT_EQ(fast->cell(r, c), slow->cell(r, c)) << "row " << r << " column " << c;
    }
  }
}

TEST(TableScan, LineEndsBlankLinesAndLastRowsAsLibcsv) {
  for (const char* nl : {"\n", "\r\n", "\r"}) {
    const std::string n = nl;
    expect_same_parse("a,b" + n + "1,2" + n + "3,4" + n);
    expect_same_parse("a,b" + n + "1,2" + n + "3,4");                     // no final line end
    expect_same_parse(n + n + "a,b" + n + n + "1,2" + n + n + n + "3,");  // blank lines
    expect_same_parse("a,b,c" + n + ",," + n + " , x ," + n);             // empty fields, spaces
    expect_same_parse("a" + n + "1" + n + n + "2" + n);                   // one column
    expect_same_parse("a,b" + n + "1,2,3" + n);                           // table.shape
    expect_same_parse("a,b" + n + "1" + n);                               // table.shape
    expect_same_parse("a,,b" + n + "1,2,3" + n);                          // empty header name
    expect_same_parse("a,A" + n + "1,2" + n);                             // repeated header
    expect_same_parse(n + n);                                             // no header
  }
  expect_same_parse("");
  expect_same_parse(",");
  expect_same_parse("a,b\r\n1,2\n3,4\r5,6\r\n\r\n7,8");  // mixed line ends
  expect_same_parse("a,b\n1,2\n\r\n\n\r3,4\n");
}

TEST(TableScan, EncodingsBomAndLimitsAsLibcsv) {
  expect_same_parse("\xEF\xBB\xBF评委,项目编号,指标,分数\nE-1,JB-1,A.1,88.5\n");
  // GB18030 for "评委,分数\nE-1,88\n".
  const std::string gb = "\xC6\xC0\xCE\xAF,\xB7\xD6\xCA\xFD\nE-1,88\n";
  expect_same_parse(gb);
  expect_same_parse(gb, {.encoding = TextEncoding::gb18030});
  expect_same_parse("a,b\n1," + std::string(100, 'x') + "\n", {.max_field = 100});
  expect_same_parse("a,b\n1," + std::string(101, 'x') + "\n", {.max_field = 100});
  expect_same_parse("a,b\n1," + std::string(5000, 'x') + "\n", {.max_field = 100});
  expect_same_parse(std::string(101, 'h') + ",b\n1,2\n", {.max_field = 100});
  auto t = Table::parse("a,b\n1," + std::string(101, 'x') + "\n", {.max_field = 100});
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().rule(), "table.field_too_large");
  EXPECT_NE(t.error().message().find("<csv>:2:2 (b)"), std::string::npos) << t.error();
}

TEST(TableScan, ErrorsNameTheLineColumnAndField) {
  auto t = Table::parse("judge,entry\r\nE-1,JB-1\r\n\r\nE-2,JB-2,extra\r\n");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().rule(), "table.shape");
  EXPECT_NE(t.error().message().find("<csv>:4:3"), std::string::npos) << t.error();
  t = Table::parse("judge,entry\rE-1\r");
  ASSERT_FALSE(t);
  EXPECT_NE(t.error().message().find("<csv>:2:"), std::string::npos) << t.error();
}

TEST(TableScan, ReadFileGathersFieldsInPlace) {
  const auto dir = std::filesystem::path(::testing::TempDir()) / "kexie_table_scan";
  std::filesystem::create_directories(dir);
  const std::string cases[] = {
      "\xEF\xBB\xBFjudge,entry,mark\r\nZJ1,N0000001,88.5\r\n\r\nZJ22,N2,7\r\n",
      "judge,entry,mark\nZJ1,,88.5\n,N2,\n",
      "judge,entry,mark\rZJ1,N1,1\rZJ2,N2,2",
      "\xC6\xC0\xCE\xAF,\xB7\xD6\xCA\xFD\nE-1,88\nE-22,9\n",
  };
  for (const std::string& bytes : cases) {
    const auto file = dir / "t.csv";
    std::ofstream(file, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    auto from_file = Table::read_file(file.string());
    auto parsed = kexie::detail::parse_table(bytes, {.source = file.string()}, false);
    ASSERT_TRUE(from_file) << from_file.error();
    ASSERT_TRUE(parsed) << parsed.error();
    ASSERT_EQ(from_file->rows(), parsed->rows());
    for (std::size_t r = 0; r < parsed->rows(); ++r) {
      EXPECT_EQ(from_file->line(r), parsed->line(r));
      for (std::size_t c = 0; c < parsed->columns(); ++c) {
        EXPECT_EQ(from_file->cell(r, c), parsed->cell(r, c));
      }
    }
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
