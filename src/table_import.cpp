// Assignments, marks and vetoes from CSV tables: resolve codes row by row, then one
// all-or-nothing batch call on the campaign, so every rule of the single calls applies.
#include "kexie/table_import.hpp"

#include "table_marks.hpp"

#include <array>
#include <charconv>
#include <map>
#include <optional>
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

using Hash = detail::CodeHash;
using CodeMap = detail::JudgeCodeMap;

CodeMap from_codes(const JudgeCodes& codes) {
  CodeMap out;
  for (const auto& [code, id] : codes) out.emplace(code, id);
  return out;
}

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
  Rows(const Table& t, TablePlace* w) : table(t), where(w) {}
  const Table& table;
  TablePlace* where;
  std::size_t judge_col = 0;
  std::size_t entry_col = 0;
  CodeMap judges;

  Error field_error(std::size_t row, std::size_t col, ErrorCode code, const std::string& what) {
    return refuse(table.place(row, col), where, Error(code, what, "table.field"));
  }

  // The judges found so far, by a cheap hash of their key (a long table names few
  // judges on many rows); a slot holds a key of `judges`, so it stays valid.
  struct Seen {
    std::string_view key;
    JudgeId id;
  };
  std::array<Seen, 64> seen{};
  static std::size_t slot_of(std::string_view key) noexcept {
    const auto last = static_cast<unsigned char>(key.back());
    const auto before = key.size() > 1 ? static_cast<unsigned char>(key[key.size() - 2]) : 0U;
    return (last * 7U + before * 31U + key.size()) % 64;
  }

  Result<JudgeId> judge(std::size_t row) {
    const std::string_view key = table.cell(row, judge_col);
    Seen* slot = key.empty() ? nullptr : &seen[slot_of(key)];
    if (slot != nullptr && slot->id.ok() && slot->key == key) return slot->id;
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
    *slot = {it->first, it->second};
    return it->second;
  }

  // The entry named in `row`, with its category; the last one is kept, since a table
  // in long format names the same entry on many rows in a row.
  Result<EntryId> entry(const Campaign& c, std::size_t row) {
    auto found = entry_of(c, row);
    if (!found) return found.error();
    return found->id;
  }
  struct Found {
    EntryId id;
    Category category = Category::rationalization_proposals;
  };
  Result<Found> entry_of(const Campaign& c, std::size_t row) {
    const std::string_view code = table.cell(row, entry_col);
    if (last_ok && code == last_code) return last;
    if (code.empty()) {
      return field_error(row, entry_col, ErrorCode::invalid_argument, "an empty entry");
    }
    auto it = entries.find(code);
    if (it == entries.end()) {
      auto id = c.find_entry(code);
      if (!id) {
        return field_error(row, entry_col, ErrorCode::not_found,
                           "no entry \"" + std::string(code) + "\" in this campaign");
      }
      auto e = c.entry(*id);
      if (!e) return e.error();
      it = entries.emplace(std::string(code), Found{*id, e->spec.category}).first;
    }
    last_code = it->first;
    last = it->second;
    last_ok = true;
    return last;
  }
  std::unordered_map<std::string, Found, Hash, std::equal_to<>> entries;
  std::string_view last_code;
  Found last;
  bool last_ok = false;
};

Result<Rows> rows_of(CodeMap judges, const Table& t, TablePlace* where) {
  Rows r(t, where);
  auto judge = t.column("judge");
  if (!judge) return refuse(TablePlace{t.source(), 1, 0, {}}, where, judge.error());
  auto entry = t.column("entry");
  if (!entry) return refuse(TablePlace{t.source(), 1, 0, {}}, where, entry.error());
  r.judge_col = *judge;
  r.entry_col = *entry;
  r.judges = std::move(judges);
  return r;
}

Result<std::size_t> column(const Table& t, std::string_view name, TablePlace* where) {
  auto col = t.column(name);
  if (!col) return refuse(TablePlace{t.source(), 1, 0, {}}, where, col.error());
  return *col;
}

}  // namespace

namespace {

Status assignments_from(Campaign& campaign, CodeMap judges, const Table& table, TablePlace* where) {
  auto rows = rows_of(std::move(judges), table, where);
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

Status marks_from(Campaign& campaign, CodeMap judges, const Table& table, TablePlace* where) {
  auto rows = rows_of(std::move(judges), table, where);
  if (!rows) return rows.error();
  auto indicator = column(table, "indicator", where);
  if (!indicator) return indicator.error();
  auto mark = column(table, "mark", where);
  if (!mark) return mark.error();
  // Indicators resolved to rubric positions once per category and code, so the batch
  // goes through mark_all's bulk form (the same checks, without a lookup per mark).
  std::array<std::optional<Rubric>, enum_count<Category>> rubrics;
  std::array<std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>>,
             enum_count<Category>>
      positions;
  std::vector<detail::IndexedMark> batch;
  batch.reserve(table.rows());
  std::size_t last_cat = enum_count<Category>;  // the last indicator resolved
  std::string_view last_code;                   // (a key of `positions`)
  std::uint32_t last_pos = 0;
  for (std::size_t i = 0; i < table.rows(); ++i) {
    auto j = rows->judge(i);
    if (!j) return j.error();
    auto e = rows->entry_of(campaign, i);
    if (!e) return e.error();
    const auto cat = static_cast<std::size_t>(e->category);
    const std::string_view code = table.cell(i, *indicator);
    // A long table names the same indicator on consecutive rows (one per judge).
    if (cat == last_cat && code == last_code) {
      auto value = Decimal::parse(table.cell(i, *mark));
      if (value) {
        batch.push_back({*j, e->id, last_pos, *value});
        continue;
      }
    }
    auto pos = positions[cat].find(code);
    if (pos == positions[cat].end()) {
      if (!rubrics[cat]) {
        auto r = campaign.rubric(e->category);
        if (!r) return refuse(table.place(i, rows->entry_col), where, r.error());
        rubrics[cat] = std::move(*r);
      }
      auto index = rubrics[cat]->find(code);
      if (!index) return refuse(table.place(i, *indicator), where, index.error());
      pos = positions[cat].emplace(std::string(code), *index).first;
    }
    auto value = Decimal::parse(table.cell(i, *mark));
    if (!value) {
      return rows->field_error(
          i, *mark, ErrorCode::invalid_argument,
          "\"" + std::string(table.cell(i, *mark)) + "\" is not a decimal mark");
    }
    batch.push_back({*j, e->id, pos->second, *value});
    last_cat = cat;
    last_code = pos->first;
    last_pos = pos->second;
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

Status vetoes_from(Campaign& campaign, CodeMap judges, const Table& table, TablePlace* where) {
  auto rows = rows_of(std::move(judges), table, where);
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

// ---- entries and judges ---------------------------------------------------------------------

// ";"-separated items of a cell, each split at ":" into exactly `parts` pieces.
Result<std::vector<std::vector<std::string_view>>> items(std::string_view cell, std::size_t parts) {
  std::vector<std::vector<std::string_view>> out;
  while (!cell.empty()) {
    const std::size_t semi = cell.find(';');
    std::string_view item = cell.substr(0, semi);
    cell = semi == std::string_view::npos ? std::string_view() : cell.substr(semi + 1);
    if (item.empty()) continue;
    std::vector<std::string_view> p;
    while (true) {
      const std::size_t colon = item.find(':');
      p.push_back(item.substr(0, colon));
      if (colon == std::string_view::npos) break;
      item = item.substr(colon + 1);
    }
    if (p.size() != parts) {
      return Error(ErrorCode::invalid_argument,
                   "an item with " + std::to_string(p.size()) + " parts where " +
                       std::to_string(parts) + " are needed (\"a:b;c:d\")",
                   "table.field");
    }
    out.push_back(std::move(p));
  }
  return out;
}

template <class E>
Result<E> enum_named(std::string_view s) {
  auto v = enum_from_string<E>(s);
  if (!v) {
    return Error(ErrorCode::invalid_argument, "\"" + std::string(s) + "\" is not a known name",
                 "table.field");
  }
  return *v;
}

Result<Decimal> decimal_or_zero(std::string_view s) {
  if (s.empty()) return Decimal(0);
  auto d = Decimal::parse(s);
  if (!d) {
    return Error(ErrorCode::invalid_argument, "\"" + std::string(s) + "\" is not a decimal",
                 "table.field");
  }
  return *d;
}

template <class Id>
Result<Id> coded(const std::map<std::string, Id, std::less<>>& codes, std::string_view s) {
  auto it = codes.find(s);
  if (it == codes.end()) {
    return Error(ErrorCode::not_found, "no code \"" + std::string(s) + "\" in the registry tables",
                 "table.field");
  }
  return it->second;
}

// The codes an entries or judges table names units and people by, and the
// registry they belong to: a TableRegistry's or a LoadedRegistry's.
struct CodeBook {
  const Registry& registry;
  const std::map<std::string, OrgId, std::less<>>& organizations;
  const std::map<std::string, PersonId, std::less<>>& people;
};

// One entry row; a refusal names its column through `col`.
Result<EntrySpec> entry_row(const CodeBook& codes, const Table& t, std::size_t r,
                            std::size_t& col) {
  EntrySpec s;
  auto cell = [&](std::string_view name) -> std::string_view {
    auto c = t.find_column(name);
    if (c) col = *c;
    return c ? t.cell(r, *c) : std::string_view();
  };
  s.code = std::string(cell("code"));
  s.title = std::string(cell("title"));
  auto unit = coded(codes.organizations, cell("unit"));
  if (!unit) return unit.error();
  s.unit = *unit;
  auto category = enum_named<Category>(cell("category"));
  if (!category) return category.error();
  s.category = *category;
  auto focus = items(cell("focus"), 1);
  if (!focus) return focus.error();
  for (const auto& f : *focus) {
    // Focus is a bit set without a name table: its four names are spelled here.
    constexpr std::pair<std::string_view, Focus> kFocus[] = {
        {"energy_saving", Focus::energy_saving},
        {"consumption_reduction", Focus::consumption_reduction},
        {"emission_reduction", Focus::emission_reduction},
        {"efficiency_gain", Focus::efficiency_gain}};
    bool known = false;
    for (const auto& [name, tag] : kFocus) {
      if (f[0] == name) {
        s.focus = static_cast<std::uint8_t>(s.focus | focus_bits({tag}));
        known = true;
      }
    }
    if (!known) {
      return Error(ErrorCode::invalid_argument,
                   "\"" + std::string(f[0]) +
                       "\" is not a focus (energy_saving, "
                       "consumption_reduction, emission_reduction, efficiency_gain)",
                   "table.field");
    }
  }
  auto team = items(cell("team"), 2);
  if (!team) return team.error();
  for (const auto& m : *team) {
    auto person = coded(codes.people, m[0]);
    if (!person) return person.error();
    auto share = decimal_or_zero(m[1]);
    if (!share) return share.error();
    s.team.push_back({*person, *share});
  }
  auto since = Date::parse(cell("in_use_since"));
  if (!since) return Error(ErrorCode::invalid_argument, since.error().message(), "table.field");
  s.in_use_since = *since;
  auto energy = items(cell("energy"), 3);
  if (!energy) return energy.error();
  for (const auto& e : *energy) {
    auto carrier = enum_named<Carrier>(e[0]);
    if (!carrier) return carrier.error();
    auto value = decimal_or_zero(e[1]);
    if (!value) return value.error();
    auto unit_name = enum_named<Unit>(e[2]);
    if (!unit_name) return unit_name.error();
    s.claims.energy.push_back({*carrier, {*value, *unit_name}});
  }
  Decimal* figures[] = {&s.claims.material_saved_t, &s.claims.co2_avoided_t, &s.claims.hours_saved,
                        &s.claims.efficiency_gain_percent, &s.claims.annual_benefit_yuan};
  const char* names[] = {"material_saved_t", "co2_avoided_t", "hours_saved",
                         "efficiency_gain_percent", "annual_benefit_yuan"};
  for (std::size_t i = 0; i < 5; ++i) {
    auto v = decimal_or_zero(cell(names[i]));
    if (!v) return v.error();
    *figures[i] = *v;
  }
  auto patents = items(cell("patents"), 3);
  if (!patents) return patents.error();
  for (const auto& p : *patents) {
    auto type = enum_named<PatentType>(p[0]);
    if (!type) return type.error();
    auto status = enum_named<PatentStatus>(p[1]);
    if (!status) return status.error();
    s.claims.patents.push_back({*type, *status, std::string(p[2])});
  }
  const std::string_view n = cell("achievements_transformed");
  if (!n.empty()) {
    std::uint32_t v = 0;
    auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), v);
    if (ec != std::errc() || end != n.data() + n.size()) {
      return Error(ErrorCode::invalid_argument, "\"" + std::string(n) + "\" is not a count",
                   "table.field");
    }
    s.claims.achievements_transformed = v;
  }
  return s;
}

// A campaign like `c` for a dry run: the same registry and rules (the expert rule as
// `c` applies it), its rubrics, judges and entries.
Result<Campaign> scratch_of(const Campaign& c, const Registry& registry) {
  CampaignSpec spec = c.spec();
  if (c.bound() && spec.panel.experts == ExpertRule::bound_campaigns) {
    spec.panel.experts = ExpertRule::always;
  }
  auto s = Campaign::create(registry, spec);
  if (!s) return s.error();
  for (Category cat : enum_values<Category>()) {
    if (auto r = c.rubric(cat)) {
      if (Status st = s->set_rubric(cat, *r); !st) return st.error();
    }
  }
  for (std::uint32_t j = 1; j <= c.judge_count(); ++j) {
    auto p = c.judge_person(JudgeId{j});
    if (!p) return p.error();
    if (auto id = s->add_judge(*p); !id) return id.error();
  }
  for (std::uint32_t e = 1; e <= c.entry_count(); ++e) {
    auto entry = c.entry(EntryId{e});
    if (!entry) return entry.error();
    if (auto id = s->add_entry(entry->spec); !id) return id.error();
  }
  return s;
}

}  // namespace

namespace {

Status entries_from(Campaign& campaign, const CodeBook& codes, const Table& table,
                    TablePlace* where) {
  for (const char* required : {"code", "title", "unit", "category", "team", "in_use_since"}) {
    if (auto c = table.column(required); !c) {
      return refuse(TablePlace{table.source(), 1, 0, {}}, where, c.error());
    }
  }
  std::vector<EntrySpec> specs;
  specs.reserve(table.rows());
  for (std::size_t r = 0; r < table.rows(); ++r) {
    std::size_t col = 0;
    auto spec = entry_row(codes, table, r, col);
    if (!spec) return refuse(table.place(r, col), where, spec.error());
    specs.push_back(std::move(*spec));
  }
  auto row_refused = [&](std::size_t r, const Error& e) {
    TablePlace at = table.place(r, 0);
    at.column = 0;
    at.field.clear();
    return refuse(std::move(at), where, e);
  };
  {
    auto scratch = scratch_of(campaign, codes.registry);
    if (!scratch) return scratch.error();
    for (std::size_t r = 0; r < specs.size(); ++r) {
      if (auto id = scratch->add_entry(specs[r]); !id) return row_refused(r, id.error());
    }
  }
  for (std::size_t r = 0; r < specs.size(); ++r) {
    // The dry run passed; only the campaign's phase can refuse now, and it refuses the
    // first row, before anything is added.
    if (auto id = campaign.add_entry(std::move(specs[r])); !id) return row_refused(r, id.error());
  }
  return {};
}

Result<JudgeCodes> judges_from(Campaign& campaign, const CodeBook& codes, const Table& table,
                               TablePlace* where) {
  auto code_col = table.column("code");
  if (!code_col) return refuse(TablePlace{table.source(), 1, 0, {}}, where, code_col.error());
  auto person_col = table.column("person");
  if (!person_col) return refuse(TablePlace{table.source(), 1, 0, {}}, where, person_col.error());
  std::map<PersonId, JudgeId> seated;
  for (std::uint32_t j = 1; j <= campaign.judge_count(); ++j) {
    if (auto p = campaign.judge_person(JudgeId{j})) seated.emplace(*p, JudgeId{j});
  }
  std::vector<std::pair<std::string, PersonId>> rows;
  for (std::size_t r = 0; r < table.rows(); ++r) {
    const std::string code(table.cell(r, *code_col));
    auto person = coded(codes.people, table.cell(r, *person_col));
    if (!person) return refuse(table.place(r, *person_col), where, person.error());
    for (const auto& [c, p] : rows) {
      if (c == code || code.empty()) {
        return refuse(table.place(r, *code_col), where,
                      Error(ErrorCode::already_exists,
                            "an empty or repeated judge code \"" + code + "\"", "table.field"));
      }
    }
    rows.emplace_back(code, *person);
  }
  {
    auto scratch = scratch_of(campaign, codes.registry);
    if (!scratch) return scratch.error();
    for (std::size_t r = 0; r < rows.size(); ++r) {
      if (seated.count(rows[r].second) != 0) continue;
      if (auto id = scratch->add_judge(rows[r].second); !id) {
        return refuse(table.place(r, *person_col), where, id.error());
      }
    }
  }
  JudgeCodes out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    auto it = seated.find(rows[r].second);
    if (it != seated.end()) {
      out.emplace(rows[r].first, it->second);
      continue;
    }
    auto id = campaign.add_judge(rows[r].second);
    if (!id) return refuse(table.place(r, *person_col), where, id.error());
    seated.emplace(rows[r].second, *id);
    out.emplace(rows[r].first, *id);
  }
  return out;
}

}  // namespace

Status import_entries(Campaign& campaign, const TableRegistry& codes, const Table& table,
                      TablePlace* where) {
  return entries_from(campaign, {codes.registry, codes.organizations, codes.people}, table, where);
}
Result<JudgeCodes> import_judges(Campaign& campaign, const TableRegistry& codes, const Table& table,
                                 TablePlace* where) {
  return judges_from(campaign, {codes.registry, codes.organizations, codes.people}, table, where);
}
Status import_entries(Campaign& campaign, const LoadedRegistry& loaded, const Table& table,
                      TablePlace* where) {
  return entries_from(campaign, {loaded.registry, loaded.codes.organizations, loaded.codes.people},
                      table, where);
}
Result<JudgeCodes> import_judges(Campaign& campaign, const LoadedRegistry& loaded,
                                 const Table& table, TablePlace* where) {
  return judges_from(campaign, {loaded.registry, loaded.codes.organizations, loaded.codes.people},
                     table, where);
}

Status import_assignments(Campaign& campaign, const Registry& registry, const Table& table,
                          TablePlace* where) {
  return assignments_from(campaign, judges_by_key(campaign, registry), table, where);
}
Status import_marks(Campaign& campaign, const Registry& registry, const Table& table,
                    TablePlace* where) {
  return marks_from(campaign, judges_by_key(campaign, registry), table, where);
}
Status import_vetoes(Campaign& campaign, const Registry& registry, const Table& table,
                     TablePlace* where) {
  return vetoes_from(campaign, judges_by_key(campaign, registry), table, where);
}
Status import_assignments(Campaign& campaign, const JudgeCodes& judges, const Table& table,
                          TablePlace* where) {
  return assignments_from(campaign, from_codes(judges), table, where);
}
Status import_marks(Campaign& campaign, const JudgeCodes& judges, const Table& table,
                    TablePlace* where) {
  return marks_from(campaign, from_codes(judges), table, where);
}
Status import_vetoes(Campaign& campaign, const JudgeCodes& judges, const Table& table,
                     TablePlace* where) {
  return vetoes_from(campaign, from_codes(judges), table, where);
}

// ---- marks from a file ----------------------------------------------------------------------

namespace {

// The streaming import when the file allows it; else (or on any refusal, which left the
// campaign unchanged) the table's way, which names the refusal's place.
Status marks_file(Campaign& campaign, const CodeMap& judges, const std::string& path,
                  TableOptions options, TablePlace* where) {
  options.source = path;
  if (detail::stream_marks(campaign, judges, path, options)) return {};
  auto table = Table::read_file(path, std::move(options));
  if (!table) {
    if (where != nullptr) *where = TablePlace{path, 0, 0, {}};
    return table.error();
  }
  return marks_from(campaign, judges, *table, where);
}

}  // namespace

Status import_marks_file(Campaign& campaign, const Registry& registry, const std::string& path,
                         TableOptions options, TablePlace* where) {
  return marks_file(campaign, judges_by_key(campaign, registry), path, std::move(options), where);
}
Status import_marks_file(Campaign& campaign, const JudgeCodes& judges, const std::string& path,
                         TableOptions options, TablePlace* where) {
  return marks_file(campaign, from_codes(judges), path, std::move(options), where);
}

}  // namespace v1
}  // namespace kexie
