// Result sheets (表彰名单 and the reports after it), written as CSV or XLSX. The sheets
// are built from the public Campaign, Scoreboard and Registry only; libxlsxwriter and
// iconv stay in this file.
#include "kexie/table_export.hpp"

#include <iconv.h>
#include <sys/stat.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

#include "kexie/agreement.hpp"
#include "kexie/report_agreement.hpp"

namespace kexie {
inline namespace v1 {

namespace {

// The board's results by entry id, as pointers into the rows the sheets made once
// from the board's table.
class ResultIndex {
 public:
  explicit ResultIndex(const std::vector<EntryResult>& rows) {
    std::size_t top = 0;
    for (const EntryResult& r : rows) top = std::max<std::size_t>(top, r.entry.value());
    by_id_.assign(top + 1, nullptr);
    for (const EntryResult& r : rows) {
      if (by_id_[r.entry.value()] == nullptr) by_id_[r.entry.value()] = &r;
    }
  }
  [[nodiscard]] const EntryResult* find(EntryId e) const noexcept {
    return e.value() < by_id_.size() ? by_id_[e.value()] : nullptr;
  }

 private:
  std::vector<const EntryResult*> by_id_;
};

// Sheet names: the categories' Chinese names (A10).
std::string category_name(Category c) { return std::string(chinese_name(c)); }

std::string status_name(EntryStatus s) {
  switch (s) {
    case EntryStatus::ranked:
      return "已排名 ranked";
    case EntryStatus::incomplete:
      return "评分不全 incomplete";
    case EntryStatus::vetoed:
      return "否决 vetoed";
  }
  return std::string(to_string(s));
}

ResultCell text(std::string s) { return ResultCell{std::move(s), std::nullopt, std::nullopt, 0}; }
ResultCell number(const Decimal& d) { return ResultCell{d.to_string(), d, std::nullopt, 0}; }
ResultCell count(std::uint64_t n) { return number(Decimal(static_cast<std::int64_t>(n))); }
ResultCell real(double v, int places) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", places, v);
  return ResultCell{buf, std::nullopt, v, places};
}

Result<std::string> org_name(const Registry& reg, OrgId id) {
  auto o = reg.organization(id);
  if (!o) return o.error();
  return o->name;
}

Result<std::string> person_name(const Registry& reg, PersonId id) {
  auto p = reg.person(id);
  if (!p) return p.error();
  return p->name;
}

std::string tier_name(const Campaign& c, std::uint32_t tier) {
  const auto& tiers = c.spec().awards.tiers;
  return tier < tiers.size() ? tiers[tier].name : std::to_string(tier + 1);
}

}  // namespace

Result<std::vector<ResultSheet>> result_sheets(const Campaign& campaign, const Registry& registry,
                                               const Scoreboard& board) {
  return result_sheets(campaign, registry, board, panel_agreement(campaign, board));
}

Result<std::vector<ResultSheet>> result_sheets(const Campaign& campaign, const Registry& registry,
                                               const Scoreboard& board,
                                               const PanelAgreement& shared) {
  std::vector<ResultSheet> out;
  // The rows, made once from the board's table: the sheets keep pointers to them.
  const std::vector<EntryResult> board_rows(board.entries.begin(), board.entries.end());
  const ResultIndex by_id(board_rows);
  // Award list, one sheet per category in the order of the enumeration.
  std::map<Category, std::size_t> sheet_of;
  std::map<Category, std::vector<EntryId>> entries_of;
  std::map<OrgId, std::string> unit_names;
  for (Category cat : enum_values<Category>()) {
    for (const EntryResult& r : board_rows) {
      if (r.category != cat) continue;
      if (!sheet_of.count(cat)) {
        sheet_of[cat] = out.size();
        out.push_back(
            {category_name(cat),
             {"等级 tier", "名次 rank", "位次 position", "项目编号 entry", "项目名称 title",
              "申报单位 unit", "团队 team", "总分 total", "状态 status"},
             {},
             {14, 8, 8, 14, 36, 24, 28, 12, 16}});
      }
      auto entry = campaign.entry(r.entry);
      if (!entry) return entry.error();
      auto known = unit_names.find(r.unit);  // units submit many entries: each looked up once
      if (known == unit_names.end()) {
        auto name = org_name(registry, r.unit);
        if (!name) return name.error();
        known = unit_names.emplace(r.unit, std::move(name).value()).first;
      }
      const std::string* unit = &known->second;
      std::string team;
      for (const TeamShare& t : entry->spec.team) {
        auto name = person_name(registry, t.person);
        if (!name) return name.error();
        team += (team.empty() ? "" : "、") + *name;
      }
      entries_of[cat].push_back(r.entry);
      out[sheet_of[cat]].rows.push_back({text(r.award), r.rank == 0 ? text("") : count(r.rank),
                                         r.position == 0 ? text("") : count(r.position),
                                         text(r.code), text(entry->spec.title), text(*unit),
                                         text(team), number(r.total), text(status_name(r.status))});
    }
  }
  // 先进单位
  ResultSheet units{"先进单位",
                    {"序号 no.", "单位 unit", "参评项目 entries", "获奖项目 awarded",
                     "获奖总分 awarded total", "参与率 participation", "节能 tce saved"},
                    {},
                    {8, 28, 12, 12, 16, 14, 14}};
  for (std::size_t i = 0; i < board.units.size(); ++i) {
    const AdvancedUnit& u = board.units[i];
    auto name = org_name(registry, u.unit);
    if (!name) return name.error();
    units.rows.push_back({count(i + 1), text(*name), count(u.entries), count(u.awarded),
                          number(u.awarded_total), number(u.participation_rate),
                          number(u.tce_saved)});
  }
  out.push_back(std::move(units));
  // 先进个人
  ResultSheet people{"先进个人",
                     {"序号 no.", "姓名 name", "工作单位 employer", "最高等级 best tier",
                      "贡献 credit", "获奖项目 entries"},
                     {},
                     {8, 14, 28, 14, 12, 30}};
  for (std::size_t i = 0; i < board.people.size(); ++i) {
    const AdvancedIndividual& a = board.people[i];
    auto p = registry.person(a.person);
    if (!p) return p.error();
    auto employer = org_name(registry, p->employer);
    if (!employer) return employer.error();
    std::string codes;
    for (EntryId e : a.entries) {
      const EntryResult* r = by_id.find(e);
      codes += (codes.empty() ? "" : "、") + (r != nullptr ? r->code : to_string(e));
    }
    people.rows.push_back({count(i + 1), text(p->name), text(*employer),
                           text(tier_name(campaign, a.best_tier)), number(a.credit), text(codes)});
  }
  out.push_back(std::move(people));
  // 临界项目: the cusp report
  ResultSheet cusps{
      "临界项目",
      {"项目编号 entry", "项目名称 title", "等级线 tier", "分数线 boundary", "差距 distance"},
      {},
      {14, 36, 14, 14, 12}};
  for (const Cusp& c : board.cusps) {
    const EntryResult* r = by_id.find(c.entry);
    auto entry = campaign.entry(c.entry);
    if (r == nullptr || !entry) return Error(ErrorCode::not_found, "a cusp on an unknown entry");
    cusps.rows.push_back({text(r->code), text(entry->spec.title), text(tier_name(campaign, c.tier)),
                          number(c.boundary), number(c.distance)});
  }
  out.push_back(std::move(cusps));
  // 评审一致性: Kendall's W per judged indicator, over the entries every judge marked
  ResultSheet agreement{"评审一致性",
                        {"类别 category", "指标 indicator", "名称 name", "评委数 judges",
                         "项目数 entries", "Kendall W", "χ²", "自由度 df", "p", "说明 note"},
                        {},
                        {16, 10, 24, 10, 10, 12, 12, 10, 12, 40}};
  std::vector<JudgeId> judges;
  for (std::uint32_t j = 1; j <= campaign.judge_count(); ++j) judges.push_back(JudgeId{j});
  for (const auto& [cat, ids] : entries_of) {
    auto rubric = campaign.rubric(cat);
    if (!rubric) continue;
    for (std::uint32_t index : rubric->judged()) {
      const Indicator& ind = rubric->indicators()[index];
      std::vector<ResultCell> row{text(category_name(cat)), text(ind.code), text(ind.name)};
      // The figures of panel_agreement; an indicator `shared` lacks is computed here.
      const IndicatorAgreement* known = shared.find(cat, index);
      std::optional<IndicatorAgreement> computed;
      if (known == nullptr) {
        auto marks = campaign.panel_marks(ind.code, judges, ids);
        if (!marks) return marks.error();
        auto by_entries = kendall_w(*marks, {.missing = MissingMarks::drop_entries});
        auto by_judges =
            by_entries ? by_entries : kendall_w(*marks, {.missing = MissingMarks::drop_judges});
        computed.emplace(
            IndicatorAgreement{cat, index, Status{}, std::move(by_entries), std::move(by_judges)});
        known = &*computed;
      }
      if (!known->marks) return known->marks.error();
      // Judges who marked nothing in the category are left out first.
      const Result<KendallW>& w =
          !known->by_entries && known->by_judges ? known->by_judges : known->by_entries;
      if (w) {
        row.insert(row.end(), {count(w->judges), count(w->entries), real(w->w, 4),
                               real(w->chi_squared, 2), count(w->df), real(w->p_value, 4),
                               text(w->p_value < 0.05 ? "一致 agrees" : "不一致 disagrees")});
      } else {
        row.insert(row.end(), {text(""), text(""), text(""), text(""), text(""), text(""),
                               text(w.error().message())});
      }
      agreement.rows.push_back(std::move(row));
    }
  }
  out.push_back(std::move(agreement));
  return out;
}

namespace {

void csv_field(std::string& out, std::string_view f) {
  if (f.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += f;
    return;
  }
  out += '"';
  for (char c : f) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

Result<std::string> to_csv(const ResultSheet& sheet, TextEncoding encoding) {
  std::string utf8;
  auto line = [&](const auto& cells, auto get) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i != 0) utf8 += ',';
      csv_field(utf8, get(cells[i]));
    }
    utf8 += "\r\n";
  };
  line(sheet.header, [](const std::string& s) -> std::string_view { return s; });
  for (const auto& row : sheet.rows) {
    line(row, [](const ResultCell& c) -> std::string_view { return c.text; });
  }
  if (encoding != TextEncoding::gb18030) return "\xEF\xBB\xBF" + utf8;
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return Error(ErrorCode::io_error, "this system's iconv cannot convert to GB18030",
                 "table.encoding");
  }
  std::unique_ptr<void, int (*)(iconv_t)> close(cd, iconv_close);
  std::string out(utf8.size() * 2 + 8, '\0');  // GB18030 never needs more than 4 bytes per
  char* src = utf8.data();                     // character, UTF-8 at least 1 ... 4: 2× is
  std::size_t src_left = utf8.size();          // ample (4/1 only for U+10000+, 4 bytes both)
  char* dst = out.data();
  std::size_t dst_left = out.size();
  if (iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<std::size_t>(-1)) {
    return Error(ErrorCode::invalid_argument, "text GB18030 cannot hold", "table.encoding");
  }
  out.resize(static_cast<std::size_t>(dst - out.data()));
  return out;
}

namespace {

// Excel's sheet-name rules: at most 31 characters, none of []:*?/\.
std::string sheet_name(const std::string& name, std::size_t index) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < name.size() && chars < 31;) {
    const auto c = static_cast<unsigned char>(name[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (std::string_view("[]:*?/\\").find(name[i]) == std::string_view::npos) {
      out.append(name, i, len);
      ++chars;
    }
    i += len;
  }
  return out.empty() ? "Sheet" + std::to_string(index + 1) : out;
}

std::string number_format(int places) {
  return places <= 0 ? std::string("0") : "0." + std::string(static_cast<std::size_t>(places), '0');
}

}  // namespace

Status write_xlsx(const std::vector<ResultSheet>& sheets, const std::string& path) {
  // What is there already must be a regular file: libxlsxwriter opens the path only
  // at workbook_close, and opening a FIFO without a reader would wait forever.
  if (struct stat st{}; ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    return Error(ErrorCode::io_error, path + ": cannot be written (not a regular file)");
  }
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (wb == nullptr) return Error(ErrorCode::io_error, path + ": cannot create the workbook");
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_bg_color(head, 0xDDEBF7);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_text_wrap(head);
  std::map<int, lxw_format*> numbers;
  auto format_for = [&](int places) {
    auto [it, fresh] = numbers.try_emplace(places, nullptr);
    if (fresh) {
      it->second = workbook_add_format(wb);
      format_set_num_format(it->second, number_format(places).c_str());
    }
    return it->second;
  };
  for (std::size_t s = 0; s < sheets.size(); ++s) {
    const ResultSheet& sheet = sheets[s];
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name(sheet.name, s).c_str());
    if (ws == nullptr) {
      workbook_close(wb);
      return Error(ErrorCode::invalid_argument, "sheet \"" + sheet.name + "\" named twice");
    }
    for (std::size_t c = 0; c < sheet.header.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      worksheet_write_string(ws, 0, col, sheet.header[c].c_str(), head);
      const double width = c < sheet.widths.size() ? sheet.widths[c] : 12.0;
      worksheet_set_column(ws, col, col, width, nullptr);
    }
    worksheet_freeze_panes(ws, 1, 0);
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
        const ResultCell& cell = sheet.rows[r][c];
        const auto col = static_cast<lxw_col_t>(c);
        if (cell.number) {
          worksheet_write_number(ws, row, col, cell.number->to_double(),
                                 format_for(cell.number->scale()));
        } else if (cell.real) {
          worksheet_write_number(ws, row, col, *cell.real, format_for(cell.places));
        } else if (!cell.text.empty()) {
          worksheet_write_string(ws, row, col, cell.text.c_str(), nullptr);
        }
      }
    }
  }
  if (lxw_error e = workbook_close(wb); e != LXW_NO_ERROR) {
    return Error(ErrorCode::io_error, path + ": " + lxw_strerror(e));
  }
  return {};
}

}  // namespace v1
}  // namespace kexie
