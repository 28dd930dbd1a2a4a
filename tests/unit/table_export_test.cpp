// Result sheets as CSV and XLSX; the XLSX is read back by openpyxl (tests/unit/check_xlsx.py).
#include "kexie/table_export.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "kexie/report_agreement.hpp"
#include "kexie/table_import.hpp"
#include "support/campaign_world.hpp"

namespace {

using kexie::Campaign;
using kexie::Table;
using namespace kexie::literals;

// Four entries of enterprises 0 and 1, three judges of enterprise 2, all marked.
struct Scored {
  kexie_test::World w;
  Campaign c{w.registry, kexie_test::proposal_spec(w)};
  kexie::Scoreboard board;
  Scored() {
    c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
    const char* codes[] = {"P-1", "P-2", "P-3", "P-4"};
    for (int i = 0; i < 4; ++i) c.add_entry(kexie_test::proposal(w, codes[i], i % 2, i)).value();
    for (int k = 0; k < 3; ++k) c.add_judge(w.experts[static_cast<std::size_t>(k)]).value();
    std::string assign = "judge,entry\n", marks = "judge,entry,indicator,mark\n";
    for (int i = 0; i < 4; ++i) {
      for (int k = 0; k < 3; ++k) {
        const std::string j = "E2" + std::to_string(k);
        assign += j + "," + codes[i] + "\n";
        marks += j + "," + codes[i] + ",A.1," + std::to_string(70 + 7 * i + k) + "\n";
        marks += j + "," + codes[i] + ",A.2," + std::to_string(60 + 9 * i) + ".5\n";
      }
    }
    kexie::import_assignments(c, w.registry, Table::parse(assign).value()).value();
    kexie::import_marks(c, w.registry, Table::parse(marks).value()).value();
    board = c.score().value();
  }
};

TEST(TableExport, SheetsHoldTheAwardListAndReports) {
  Scored s;
  auto sheets = kexie::result_sheets(s.c, s.w.registry, s.board);
  ASSERT_TRUE(sheets) << sheets.error();
  ASSERT_EQ(sheets->size(), 5u);
  const kexie::ResultSheet& list = (*sheets)[0];
  EXPECT_EQ(list.name, "合理化建议");
  ASSERT_EQ(list.rows.size(), 4u);
  const kexie::EntryResult& best = s.board.entries[0];
  EXPECT_EQ(list.rows[0][3].text, best.code);
  EXPECT_EQ(list.rows[0][0].text, best.award);
  EXPECT_EQ(list.rows[0][7].number, best.total);
  EXPECT_EQ(list.rows[0][5].text, "企业科协1");  // the unit's name from the registry
  EXPECT_EQ((*sheets)[1].name, "先进单位");
  EXPECT_EQ((*sheets)[2].name, "先进个人");
  EXPECT_EQ((*sheets)[3].name, "临界项目");
  const kexie::ResultSheet& agreement = (*sheets)[4];
  ASSERT_EQ(agreement.rows.size(), 2u);  // A.1 and A.2
  EXPECT_EQ(agreement.rows[0][1].text, "A.1");
  ASSERT_TRUE(agreement.rows[0][5].real.has_value()) << agreement.rows[0][9].text;
  EXPECT_GE(*agreement.rows[0][5].real, 0.0);
}

TEST(TableExport, CsvIsUtf8WithBomOrGb18030AndReadsBack) {
  Scored s;
  auto sheets = kexie::result_sheets(s.c, s.w.registry, s.board).value();
  const std::string utf8 = kexie::to_csv(sheets[0]).value();
  EXPECT_EQ(utf8.substr(0, 3), "\xEF\xBB\xBF");
  const std::string gb = kexie::to_csv(sheets[0], kexie::TextEncoding::gb18030).value();
  EXPECT_NE(gb.substr(0, 3), "\xEF\xBB\xBF");
  for (const std::string& bytes : {utf8, gb}) {
    Table t = Table::parse(bytes).value();
    ASSERT_EQ(t.rows(), 4u);
    EXPECT_EQ(t.header()[0], "等级 tier");
    EXPECT_EQ(t.cell(0, 3), s.board.entries[0].code);
    EXPECT_EQ(t.cell(0, 7), s.board.entries[0].total.to_string());
  }
  EXPECT_EQ(Table::parse(gb).value().encoding(), kexie::TextEncoding::gb18030);
}

TEST(TableExport, XlsxReadsBackWithOpenpyxl) {
  Scored s;
  auto sheets = kexie::result_sheets(s.c, s.w.registry, s.board).value();
  const auto dir =
      std::filesystem::temp_directory_path() /
      ("kexie_xlsx_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
       std::to_string(reinterpret_cast<std::uintptr_t>(&s) % 100000));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "results.xlsx").string();
  ASSERT_TRUE(kexie::write_xlsx(sheets, path));
  const kexie::EntryResult& best = s.board.entries[0];
  const std::string cmd = std::string(KEXIE_PYTHON) + " " + KEXIE_CHECK_XLSX + " '" + path + "' '" +
                          best.code + "' '" + best.total.to_string() + "' '" + best.award + "' " +
                          std::to_string(best.total.scale());
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  EXPECT_FALSE(kexie::write_xlsx(sheets, (dir / "no" / "such" / "dir.xlsx").string()));
  std::filesystem::remove_all(dir);
}

// The sheets made with panel_agreement computed beforehand are the sheets made without;
// an indicator the value lacks is computed, and a figure it holds is used.
TEST(TableExport, SharedPanelAgreementGivesTheSameSheets) {
  Scored s;
  const auto cells = [](const std::vector<kexie::ResultSheet>& sheets) {
    std::vector<std::string> out;
    for (const kexie::ResultSheet& sheet : sheets) {
      for (const auto& row : sheet.rows) {
        for (const kexie::ResultCell& cell : row) out.push_back(cell.text);
      }
    }
    return out;
  };
  const auto plain = cells(kexie::result_sheets(s.c, s.w.registry, s.board).value());
  kexie::PanelAgreement shared = kexie::panel_agreement(s.c, s.board);
  ASSERT_EQ(shared.indicators.size(), 2u);  // A.1 and A.2
  const kexie::IndicatorAgreement& first = shared.indicators[0];
  EXPECT_EQ(first.category, kexie::Category::rationalization_proposals);
  EXPECT_EQ(shared.find(first.category, first.indicator), &first);
  EXPECT_EQ(shared.find(kexie::Category::technical_patents, first.indicator), nullptr);
  EXPECT_EQ(cells(kexie::result_sheets(s.c, s.w.registry, s.board, shared).value()), plain);
  EXPECT_EQ(
      cells(kexie::result_sheets(s.c, s.w.registry, s.board, kexie::PanelAgreement{}).value()),
      plain);
  shared.indicators[0].by_entries = kexie::Error(kexie::ErrorCode::invalid_argument, "planted");
  shared.indicators[0].by_judges = shared.indicators[0].by_entries;
  const auto changed = cells(kexie::result_sheets(s.c, s.w.registry, s.board, shared).value());
  EXPECT_NE(std::find(changed.begin(), changed.end(), "planted"), changed.end());
}

}  // namespace
