// Assignments, marks and vetoes from CSV tables, all or nothing, with places in errors.
#include "kexie/table_import.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/campaign_world.hpp"

namespace {

using kexie::Campaign;
using kexie::Table;
using kexie::TablePlace;
using namespace kexie::literals;

// A campaign with two entries of enterprise 0 and three judges (experts of enterprise 2,
// external keys E20, E21, E22).
struct Imports {
  kexie_test::World w;
  Campaign c{w.registry, kexie_test::proposal_spec(w)};
  Imports() {
    c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
    c.add_entry(kexie_test::proposal(w, "P-1", 0, 0)).value();
    c.add_entry(kexie_test::proposal(w, "P-2", 0, 1)).value();
    for (int k = 0; k < 3; ++k) c.add_judge(w.experts[static_cast<std::size_t>(k)]).value();
  }
  std::string digest() const { return c.score().value().digest(); }
};

const char* kAssignments = "评委,项目编号\nE20,P-1\nE21,P-1\nE22,P-1\nE20,P-2\nE21,P-2\nE22,P-2\n";

std::string marks_csv() {
  std::string out = "judge,entry,indicator,mark\r\n";
  for (const char* e : {"P-1", "P-2"}) {
    for (const char* j : {"E20", "E21", "E22"}) {
      out += std::string(j) + "," + e + ",A.1,90\r\n" + j + "," + e + ",A.2,\"80.5\"\r\n";
    }
  }
  return out;
}

TEST(TableImport, AssignmentsMarksAndVetoesScoreLikeTheApi) {
  Imports a;
  ASSERT_TRUE(kexie::import_assignments(a.c, a.w.registry, Table::parse(kAssignments).value()));
  EXPECT_EQ(a.c.judges_of(a.c.find_entry("P-2").value()).size(), 3u);
  auto st = kexie::import_marks(a.c, a.w.registry, Table::parse(marks_csv()).value());
  ASSERT_TRUE(st) << st.error();
  ASSERT_TRUE(kexie::import_vetoes(
      a.c, a.w.registry,
      Table::parse("评委,项目编号,否决项,理由\nE21,P-2,veto,\"抄袭\n(plagiarised)\"\n").value()));

  // The same by hand.
  Imports b;
  const kexie::EntryId e1 = b.c.find_entry("P-1").value(), e2 = b.c.find_entry("P-2").value();
  for (kexie::EntryId e : {e1, e2}) {
    for (std::uint32_t j = 1; j <= 3; ++j) {
      b.c.assign(kexie::JudgeId{j}, e).value();
      b.c.mark(kexie::JudgeId{j}, e, "A.1", "90"_dec).value();
      b.c.mark(kexie::JudgeId{j}, e, "A.2", "80.5"_dec).value();
    }
  }
  b.c.veto(kexie::JudgeId{2}, e2, "veto", "抄袭\n(plagiarised)").value();
  EXPECT_EQ(a.digest(), b.digest());
  EXPECT_EQ(a.c.score().value().find(e2)->status, kexie::EntryStatus::vetoed);
}

TEST(TableImport, ARefusedRowChangesNothingAndNamesItsPlace) {
  Imports a;
  kexie::import_assignments(a.c, a.w.registry, Table::parse(kAssignments).value()).value();
  const std::string before = a.digest();
  std::string bad = marks_csv();
  bad += "E20,P-1,A.1,90.3\r\n";  // a step of 0.5 refuses 90.3, and it repeats a mark
  TablePlace at;
  auto st =
      kexie::import_marks(a.c, a.w.registry, Table::parse(bad, {.source = "m.csv"}).value(), &at);
  ASSERT_FALSE(st);
  EXPECT_EQ(at.source, "m.csv");
  EXPECT_EQ(at.line, 14u);
  EXPECT_NE(st.error().message().find("m.csv:14"), std::string::npos) << st.error();
  EXPECT_EQ(a.digest(), before);
  EXPECT_TRUE(a.c.score().value().entries[0].status == kexie::EntryStatus::incomplete);

  auto text = kexie::import_marks(
      a.c, a.w.registry, Table::parse("评委,项目编号,指标,分数\nE20,P-1,A.1,ninety\n").value(),
      &at);
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().rule(), "table.field");
  EXPECT_EQ(at.line, 2u);
  EXPECT_EQ(at.column, 4u);
  EXPECT_EQ(at.field, "分数");

  auto judge = kexie::import_marks(
      a.c, a.w.registry, Table::parse("judge,entry,indicator,mark\nE00,P-1,A.1,90\n").value(), &at);
  ASSERT_FALSE(judge);
  EXPECT_EQ(judge.error().code(), kexie::ErrorCode::not_found);
  EXPECT_EQ(at.field, "judge");
  auto entry = kexie::import_marks(
      a.c, a.w.registry, Table::parse("judge,entry,indicator,mark\nE20,P-9,A.1,90\n").value(), &at);
  ASSERT_FALSE(entry);
  EXPECT_EQ(at.field, "entry");
  auto header = kexie::import_marks(a.c, a.w.registry, Table::parse("judge,entry,mark\n").value());
  ASSERT_FALSE(header);
  EXPECT_EQ(header.error().rule(), "table.header");
  EXPECT_EQ(a.digest(), before);
}

TEST(TableImport, AssignmentsAreAllOrNothing) {
  Imports a;
  // The last row repeats a pair: nothing of the table is recorded.
  auto st = kexie::import_assignments(
      a.c, a.w.registry, Table::parse("judge,entry\nE20,P-1\nE21,P-1\nE20,P-1\n").value());
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().rule(), "panel.assignment");
  EXPECT_TRUE(a.c.judges_of(a.c.find_entry("P-1").value()).empty());
  // A conflicted judge (staff of the entry's own enterprise) is the registry's refusal.
  Imports b;
  b.c.add_judge(b.w.staff[0][5]).value();  // E05, employed by enterprise 0
  auto conflict = kexie::import_assignments(
      b.c, b.w.registry, Table::parse("judge,entry\nE20,P-1\nE05,P-2\n").value());
  ASSERT_FALSE(conflict);
  EXPECT_EQ(conflict.error().code(), kexie::ErrorCode::conflict_of_interest);
  EXPECT_TRUE(b.c.judges_of(b.c.find_entry("P-1").value()).empty());
}

TEST(TableImport, VetoesAreAllOrNothing) {
  Imports a;
  kexie::import_assignments(a.c, a.w.registry, Table::parse(kAssignments).value()).value();
  auto st = kexie::import_vetoes(
      a.c, a.w.registry,
      Table::parse("judge,entry,veto,reason\nE20,P-1,veto,copied\nE21,P-2,veto,\n").value());
  ASSERT_FALSE(st);
  auto twice = kexie::import_vetoes(
      a.c, a.w.registry,
      Table::parse("judge,entry,veto,reason\nE20,P-1,veto,copied\nE20,P-1,veto,again\n").value());
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().rule(), "panel.veto_unique");
  auto board = a.c.score().value();
  for (const auto& r : board.entries) EXPECT_NE(r.status, kexie::EntryStatus::vetoed);
}

// ---- import_marks_file: the streamed import, the same as the table's ------------------------

// The marks of marks_csv() without quotes, with `end` as line end.
std::string plain_marks(const char* end = "\n") {
  std::string out = std::string("judge,entry,indicator,mark") + end;
  for (const char* e : {"P-1", "P-2"}) {
    for (const char* j : {"E20", "E21", "E22"}) {
      out += std::string(j) + "," + e + ",A.1,90" + end + j + "," + e + ",A.2,80.5" + end;
    }
  }
  return out;
}

TEST(TableImport, MarksFileGivesTheTablesResultsAndRefusals) {
  const auto dir =
      std::filesystem::path(::testing::TempDir()) /
      ("kexie_marks_file_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::create_directories(dir);
  std::string note(30000, 'x');  // rows of 30 kB: the file spans several reads
  std::string wide = "judge,entry,note,indicator,mark\n";
  for (const char* e : {"P-1", "P-2"}) {
    for (const char* j : {"E20", "E21", "E22"}) {
      wide += std::string(j) + "," + e + "," + note + ",A.1,90\n" + j + "," + e + "," + note +
              ",A.2,80.50\n";
    }
  }
  std::string repeats = plain_marks();
  for (int k = 0; k < 9000; ++k) repeats += "E20,P-1,A.1,90\n";  // past one piece of marks
  const std::vector<std::string> files = {
      plain_marks(),                                           // the usual file
      plain_marks("\r\n"),                                     // CRLF
      "\xEF\xBB\xBF" + plain_marks(),                          // a byte-order mark
      plain_marks().substr(0, plain_marks().size() - 1),       // no final line end
      "\n" + plain_marks(),                                    // a blank line before the header
      plain_marks() + "\n\r\n\n",                              // blank lines at the end
      marks_csv(),                                             // quotes: libcsv
      "评委,项目编号,指标,分数\n" + plain_marks().substr(27),  // Chinese headers
      plain_marks() + "E20,P-1,\"A.1\",90\n",                  // one quote, late
      wide,                                                    // an extra column, long rows
      plain_marks() + "E20,P-1,A.1,90.3\n",                    // off the step, and a repeat
      plain_marks() + "E20,P-1,A.1,90\n",                      // a repeat
      "judge,entry,indicator,mark\nE20,P-1,A.1,ninety\n",
      "judge,entry,indicator,mark\nE20,P-1,A.1,+90\n",
      "judge,entry,indicator,mark\nE20,P-1,A.1,090.0\n",
      "judge,entry,indicator,mark\nE20,P-1,A.1,90.\n",
      "judge,entry,indicator,mark\nE00,P-1,A.1,90\n",
      "judge,entry,indicator,mark\nE20,P-9,A.1,90\n",
      "judge,entry,indicator,mark\nE20,P-1,A.9,90\n",
      "judge,entry,indicator,mark\nE20,P-1,A.1\n",  // a short row
      "judge,entry,indicator,mark\nE20,P-1,A.1,90,1\n",
      "judge,entry,indicator,mark\nE20,P-1\rA.1,90\n",    // a lone CR ends a row
      "judge,entry,indicator,mark\nE20,P-1,A.1,9\xC3\n",  // not UTF-8: read as GB18030
      "judge,entry,mark\nE20,P-1,90\n",
      "judge,entry,indicator,judge\nE20,P-1,A.1,90\n",
      "judge,entry,indicator,mark\n",
      "",
      repeats,
  };
  for (std::size_t k = 0; k < files.size(); ++k) {
    const std::string path = (dir / ("m" + std::to_string(k) + ".csv")).string();
    std::ofstream(path, std::ios::binary) << files[k];
    Imports table, streamed;
    kexie::import_assignments(table.c, table.w.registry, Table::parse(kAssignments).value())
        .value();
    kexie::import_assignments(streamed.c, streamed.w.registry, Table::parse(kAssignments).value())
        .value();
    TablePlace table_at, file_at;
    kexie::Status expected;
    if (auto t = Table::read_file(path)) {
      expected = kexie::import_marks(table.c, table.w.registry, *t, &table_at);
    } else {
      expected = t.error();
      table_at = TablePlace{path, 0, 0, {}};
    }
    const kexie::Status got =
        kexie::import_marks_file(streamed.c, streamed.w.registry, path, {}, &file_at);
    ASSERT_EQ(static_cast<bool>(got), static_cast<bool>(expected)) << "file " << k;
    if (!expected) {
      EXPECT_EQ(got.error().message(), expected.error().message()) << "file " << k;
      EXPECT_EQ(got.error().rule(), expected.error().rule()) << "file " << k;
      EXPECT_EQ(file_at, table_at) << "file " << k;
    }
    EXPECT_EQ(streamed.digest(), table.digest()) << "file " << k;
  }
  // The usual file marks every cell; one that does not exist is the read's refusal.
  Imports a;
  kexie::import_assignments(a.c, a.w.registry, Table::parse(kAssignments).value()).value();
  const std::string before = a.digest();
  TablePlace at;
  auto missing = kexie::import_marks_file(a.c, a.w.registry, (dir / "none.csv").string(), {}, &at);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), kexie::ErrorCode::io_error);
  EXPECT_EQ(at.source, (dir / "none.csv").string());
  EXPECT_EQ(a.digest(), before);
  ASSERT_TRUE(kexie::import_marks_file(a.c, a.w.registry, (dir / "m0.csv").string()));
  EXPECT_NE(a.digest(), before);
  EXPECT_EQ(a.c.score().value().entries[0].status, kexie::EntryStatus::ranked);
  std::filesystem::remove_all(dir);
}

}  // namespace
