// Assignments, marks and vetoes from CSV tables: resolve codes row by row, then one
// all-or-nothing batch call on the campaign, so every rule of the single calls applies.
#include "kexie/table_import.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace kexie {
inline namespace v1 {

namespace {

// A refusal at a place of the table, reported through `where` too.
Error refuse(TablePlace at, TablePlace* where, const Error& e) {
  Error out(e.code(), to_string(at) + ": " + e.message(), e.rule(), e.article());
  if (where != nullptr) *where = std::move(at);
  return out;
}

struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};
using CodeMap = std::unordered_map<std::string, JudgeId, Hash, std::equal_to<>>;

// The campaign's judges by their people's external keys; a key two judges share maps to
// an unset id (ambiguous).
CodeMap judges_by_key(const Campaign& c, const Registry& reg) {
  CodeMap out;
  for (std::uint32_t j = 1; j <= c.judge_count(); ++j) {
    const JudgeId id{j};
    auto person = c.judge_person(id);
    if (!person) continue;
    auto p = reg.person(*person);
    if (!p || p->external_key.empty()) continue;
    auto [it, fresh] = out.try_emplace(p->external_key, id);
    if (!fresh) it->second = JudgeId{};
  }
  return out;
}

// Resolves the judge and entry columns of every row.
struct Rows {
  const Table& table;
  TablePlace* where;
  std::size_t judge_col = 0;
  std::size_t entry_col = 0;
  CodeMap judges;
  std::unordered_map<std::string, EntryId, Hash, std::equal_to<>> entries;

  Error field_error(std::size_t row, std::size_t col, ErrorCode code, const std::string& what) {
    return refuse(table.place(row, col), where, Error(code, what, "table.field"));
  }

  Result<JudgeId> judge(std::size_t row) {
    const std::string_view key = table.cell(row, judge_col);
    auto it = judges.find(key);
    if (key.empty())
      return field_error(row, judge_col, ErrorCode::invalid_argument, "an empty judge");
    if (it == judges.end()) {
      return field_error(
          row, judge_col, ErrorCode::not_found,
          "no judge of this campaign has the external key \"" + std::string(key) + "\"");
    }
    if (!it->second.ok()) {
      return field_error(
          row, judge_col, ErrorCode::invalid_argument,
          "two judges of this campaign have the external key \"" + std::string(key) + "\"");
    }
    return it->second;
  }

  Result<EntryId> entry(const Campaign& c, std::size_t row) {
    const std::string_view code = table.cell(row, entry_col);
    if (code.empty())
      return field_error(row, entry_col, ErrorCode::invalid_argument, "an empty entry");
    if (auto it = entries.find(code); it != entries.end()) return it->second;
    auto id = c.find_entry(code);
    if (!id) {
      return field_error(row, entry_col, ErrorCode::not_found,
                         "no entry \"" + std::string(code) + "\" in this campaign");
    }
    entries.emplace(std::string(code), *id);
    return *id;
  }
};

Result<Rows> rows_of(const Campaign& c, const Registry& reg, const Table& t, TablePlace* where) {
  Rows r{t, where};
  auto judge = t.column("judge");
  if (!judge) return refuse(TablePlace{t.source(), 1, 0, {}}, where, judge.error());
  auto entry = t.column("entry");
  if (!entry) return refuse(TablePlace{t.source(), 1, 0, {}}, where, entry.error());
  r.judge_col = *judge;
  r.entry_col = *entry;
  r.judges = judges_by_key(c, reg);
  return r;
}

Result<std::size_t> column(const Table& t, std::string_view name, TablePlace* where) {
  auto col = t.column(name);
  if (!col) return refuse(TablePlace{t.source(), 1, 0, {}}, where, col.error());
  return *col;
}

}  // namespace

Status import_assignments(Campaign& campaign, const Registry& registry, const Table& table,
                          TablePlace* where) {
  auto rows = rows_of(campaign, registry, table, where);
  if (!rows) return rows.error();
  std::vector<AssignmentInput> batch;
  batch.reserve(table.rows());
  for (std::size_t i = 0; i < table.rows(); ++i) {
    auto j = rows->judge(i);
    if (!j) return j.error();
    auto e = rows->entry(campaign, i);
    if (!e) return e.error();
    batch.push_back({*j, *e});
  }
  std::size_t failed = 0;
  if (Status st = campaign.assign_all(batch, &failed); !st) {
    TablePlace at = table.place(failed, 0);
    at.column = 0;
    at.field.clear();
    return refuse(std::move(at), where, st.error());
  }
  return {};
}

Status import_marks(Campaign& campaign, const Registry& registry, const Table& table,
                    TablePlace* where) {
  auto rows = rows_of(campaign, registry, table, where);
  if (!rows) return rows.error();
  auto indicator = column(table, "indicator", where);
  if (!indicator) return indicator.error();
  auto mark = column(table, "mark", where);
  if (!mark) return mark.error();
  std::vector<MarkInput> batch;
  batch.reserve(table.rows());
  for (std::size_t i = 0; i < table.rows(); ++i) {
    auto j = rows->judge(i);
    if (!j) return j.error();
    auto e = rows->entry(campaign, i);
    if (!e) return e.error();
    auto value = Decimal::parse(table.cell(i, *mark));
    if (!value) {
      return rows->field_error(
          i, *mark, ErrorCode::invalid_argument,
          "\"" + std::string(table.cell(i, *mark)) + "\" is not a decimal mark");
    }
    batch.push_back({*j, *e, std::string(table.cell(i, *indicator)), *value});
  }
  std::size_t failed = 0;
  if (Status st = campaign.mark_all(batch, &failed); !st) {
    TablePlace at = table.place(failed, 0);
    at.column = 0;
    at.field.clear();
    return refuse(std::move(at), where, st.error());
  }
  return {};
}

Status import_vetoes(Campaign& campaign, const Registry& registry, const Table& table,
                     TablePlace* where) {
  auto rows = rows_of(campaign, registry, table, where);
  if (!rows) return rows.error();
  auto item = column(table, "veto", where);
  if (!item) return item.error();
  auto reason = column(table, "reason", where);
  if (!reason) return reason.error();
  std::vector<VetoInput> batch;
  batch.reserve(table.rows());
  for (std::size_t i = 0; i < table.rows(); ++i) {
    auto j = rows->judge(i);
    if (!j) return j.error();
    auto e = rows->entry(campaign, i);
    if (!e) return e.error();
    batch.push_back(
        {*j, *e, std::string(table.cell(i, *item)), std::string(table.cell(i, *reason))});
  }
  std::size_t failed = 0;
  if (Status st = campaign.veto_all(batch, &failed); !st) {
    TablePlace at = table.place(failed, 0);
    at.column = 0;
    at.field.clear();
    return refuse(std::move(at), where, st.error());
  }
  return {};
}

}  // namespace v1
}  // namespace kexie
