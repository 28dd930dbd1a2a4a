// Batch imports from CSV tables (kexie/table.hpp) into a campaign: assignments, marks
// and vetoes in long format, one row each, with judges and entries named by their
// codes. Each import is all or nothing: a table refused anywhere changes nothing.
#ifndef KEXIE_TABLE_IMPORT_HPP
#define KEXIE_TABLE_IMPORT_HPP

#include "kexie/campaign.hpp"
#include "kexie/export.hpp"
#include "kexie/registry.hpp"
#include "kexie/registry_document.hpp"
#include "kexie/result.hpp"
#include "kexie/table.hpp"
#include "kexie/table_registry.hpp"

#include <functional>
#include <map>
#include <string>

namespace kexie {
inline namespace v1 {

/// Imports assignments: columns `judge` (评委) and `entry` (项目编号). A judge is named by
/// the external key (工号) its person has in the registry, unique among the campaign's
/// judges; an entry by its application number. All or nothing through
/// `Campaign::assign_all`. Refusals name the place (`*where` when not null): an unknown
/// judge or entry code, an empty field (`invalid_argument` or `not_found`, `table.field`),
/// a missing column (`table.header`), or `assign`'s own refusal with its rule id.
/// \param campaign the campaign to assign in
/// \param registry the registry `campaign` is built on (judges' external keys)
/// \param table the assignments table: columns `judge` and `entry`
/// \param where when not null, set to the place of a refusal (file, line, column)
/// \return ok, or the first refusal; the campaign is then unchanged
///
///   auto t = kexie::Table::read_file("assignments.csv").value();
///   kexie::import_assignments(campaign, registry, t).value();
[[nodiscard]] KEXIE_API Status import_assignments(Campaign& campaign, const Registry& registry,
                                                  const Table& table, TablePlace* where = nullptr);

/// Imports marks in long format: columns `judge`, `entry`, `indicator` (指标, its code)
/// and `mark` (分数, a decimal such as 88.5). All or nothing through `Campaign::mark_all`;
/// refused like `import_assignments`, and for a mark that is not a decimal (`table.field`)
/// or that `mark` refuses (scale, step, not assigned, twice: its own rule id).
/// \param campaign the campaign to mark in
/// \param registry the registry `campaign` is built on (judges' external keys)
/// \param table the marks table: columns `judge`, `entry`, `indicator` and `mark`
/// \param where when not null, set to the place of a refusal (file, line, column)
/// \return ok, or the first refusal; the campaign is then unchanged
///
///   auto t = kexie::Table::read_file("marks-gb18030.csv").value();   // auto-detected
///   kexie::TablePlace at;
///   if (kexie::Status s = kexie::import_marks(campaign, registry, t, &at); !s)
///     std::cerr << kexie::to_string(at) << ": " << s.error() << '\n';
[[nodiscard]] KEXIE_API Status import_marks(Campaign& campaign, const Registry& registry,
                                            const Table& table, TablePlace* where = nullptr);

/// Imports vetoes (一票否决): columns `judge`, `entry`, `veto` (否决项, the veto item's code)
/// and `reason` (理由). All or nothing through `Campaign::veto_all`.
/// \param campaign the campaign to veto in
/// \param registry the registry `campaign` is built on (judges' external keys)
/// \param table the vetoes table: columns `judge`, `entry`, `veto` and `reason`
/// \param where when not null, set to the place of a refusal (file, line, column)
/// \return ok, or the first refusal; the campaign is then unchanged
///
///   kexie::import_vetoes(campaign, registry, kexie::Table::read_file("vetoes.csv").value())
///       .value();
[[nodiscard]] KEXIE_API Status import_vetoes(Campaign& campaign, const Registry& registry,
                                             const Table& table, TablePlace* where = nullptr);

/// Judges by the codes a judges table gave them ("J1" → the campaign's judge).
///
///   kexie::JudgeId j1 = judges.at("J1");
using JudgeCodes = std::map<std::string, JudgeId, std::less<>>;

/// Seats the judges of a table with columns `code` (the judge's code in the other
/// tables) and `person` (the person's code in `codes`); a person who already judges
/// keeps their seat and gets the code. All or nothing: the table is first tried on a
/// scratch campaign with the same registry, rules and judges, so a row the panel rules
/// refuse (`panel.expert`, `panel.judge`) seats nobody. `campaign` must be built on
/// `codes.registry`.
/// \param campaign the campaign to seat the judges in, built on `codes.registry`
/// \param codes the registry and the codes of its tables (people)
/// \param table the judges table: columns `code` and `person`
/// \param where when not null, set to the place of a refusal (file, line, column)
/// \return the judges by their codes, or the first refusal; the campaign is then unchanged
///
///   kexie::JudgeCodes judges = kexie::import_judges(c, loaded, judges_table).value();
[[nodiscard]] KEXIE_API Result<JudgeCodes> import_judges(Campaign& campaign,
                                                         const TableRegistry& codes,
                                                         const Table& table,
                                                         TablePlace* where = nullptr);

/// Adds the entries of a table: columns code, title, unit (an organization code),
/// category, focus (names separated by ";"), team ("person:share;…", the leader
/// first), in_use_since, and the claims energy ("carrier:value:unit;…"),
/// material_saved_t, co2_avoided_t, hours_saved, efficiency_gain_percent,
/// annual_benefit_yuan, patents ("type:status:number;…") and achievements_transformed
/// (optional columns; empty cells are zero). All or nothing: tried first on a scratch
/// campaign with the same registry, rules and entries; refused like `add_entry`.
/// \param campaign the campaign to add the entries to, built on `codes.registry`
/// \param codes the registry and the codes of its tables (units, team members)
/// \param table the entries table, columns as above
/// \param where when not null, set to the place of a refusal (file, line, column)
/// \return ok, or the first refusal; the campaign is then unchanged
///
///   kexie::import_entries(c, loaded, kexie::Table::read_file("entries.csv").value()).value();
[[nodiscard]] KEXIE_API Status import_entries(Campaign& campaign, const TableRegistry& codes,
                                              const Table& table, TablePlace* where = nullptr);

/// `import_assignments` with judges named by the codes of a judges table.
/// \param campaign the campaign to assign in
/// \param judges the judges by their codes (from `import_judges`)
/// \param table the assignments table: columns `judge` (a code of `judges`) and `entry`
/// \param where when not null, set to the place of a refusal (file, line, column)
/// \return ok, or the first refusal; the campaign is then unchanged
///
///   kexie::import_assignments(c, judges, assignments_table).value();
[[nodiscard]] KEXIE_API Status import_assignments(Campaign& campaign, const JudgeCodes& judges,
                                                  const Table& table, TablePlace* where = nullptr);
/// `import_marks` with judges named by the codes of a judges table.
/// \param campaign the campaign to mark in
/// \param judges the judges by their codes (from `import_judges`)
/// \param table the marks table: columns `judge` (a code of `judges`), `entry`, `indicator`, `mark`
/// \param where when not null, set to the place of a refusal (file, line, column)
/// \return ok, or the first refusal; the campaign is then unchanged
///
///   kexie::import_marks(c, judges, marks_table).value();
[[nodiscard]] KEXIE_API Status import_marks(Campaign& campaign, const JudgeCodes& judges,
                                            const Table& table, TablePlace* where = nullptr);
/// `import_vetoes` with judges named by the codes of a judges table.
/// \param campaign the campaign to veto in
/// \param judges the judges by their codes (from `import_judges`)
/// \param table the vetoes table: columns `judge` (a code of `judges`), `entry`, `veto`, `reason`
/// \param where when not null, set to the place of a refusal (file, line, column)
/// \return ok, or the first refusal; the campaign is then unchanged
///
///   kexie::import_vetoes(c, judges, vetoes_table).value();
[[nodiscard]] KEXIE_API Status import_vetoes(Campaign& campaign, const JudgeCodes& judges,
                                             const Table& table, TablePlace* where = nullptr);

// ---- entries and judges over a registry read from a document (issue 15) -------------

/// `import_entries` over a registry read from a kexie.registry/1 document: units and
/// team members are named by the document's codes. `campaign` must be built on
/// `loaded.registry`. Refused like the TableRegistry form.
///
/// \param campaign the campaign to add the entries to, built on `loaded.registry`
/// \param loaded the registry and the codes of its document
/// \param table the entries table (columns as for the TableRegistry form)
/// \param where when not null, set to the place of a refusal (file, line, column)
/// \return ok, or the first refusal; the campaign is then unchanged
///
///   auto loaded = kexie::read_registry_document(text).value();
///   kexie::Campaign c = kexie::load_campaign(loaded.registry, loaded.codes, rules, {}).value();
///   kexie::import_entries(c, loaded, kexie::Table::read_file("entries.csv").value()).value();
[[nodiscard]] KEXIE_API Status import_entries(Campaign& campaign, const LoadedRegistry& loaded,
                                              const Table& table, TablePlace* where = nullptr);

/// `import_judges` over a registry read from a kexie.registry/1 document: each judge's
/// person is named by the document's code. `campaign` must be built on
/// `loaded.registry`. Refused like the TableRegistry form.
///
/// \param campaign the campaign to seat the judges in, built on `loaded.registry`
/// \param loaded the registry and the codes of its document
/// \param table the judges table: columns `code` and `person`
/// \param where when not null, set to the place of a refusal (file, line, column)
/// \return the judges by their codes, or the first refusal; the campaign is then unchanged
///
///   kexie::JudgeCodes judges =
///       kexie::import_judges(c, loaded, kexie::Table::read_file("judges.csv").value()).value();
[[nodiscard]] KEXIE_API Result<JudgeCodes> import_judges(Campaign& campaign,
                                                         const LoadedRegistry& loaded,
                                                         const Table& table,
                                                         TablePlace* where = nullptr);

/// Imports the marks file at `path`: the same marks recorded and the same refusals
/// (error and place) as `import_marks(campaign, registry, Table::read_file(path,
/// options).value(), where)`, and a file `Table::read_file` refuses is refused with its
/// error (`*where` then names the file alone). The usual marks file (UTF-8, no quote)
/// is read in pieces, its codes resolved and its marks checked as it is read, without
/// building the table (docs/tables.md, Performance); any other file, and any refusal,
/// goes through the table. All or nothing.
///
/// \param campaign the campaign that records the marks (in its evaluation phase)
/// \param registry the registry whose people's external keys (工号) name the judges
/// \param path the marks CSV file (columns judge, entry, indicator, mark)
/// \param options how the file is read (`source` is set to `path`)
/// \param where when not null, receives the place of a refusal
/// \return nothing, or the first refusal
///
///   kexie::TablePlace place;
///   kexie::Status s = kexie::import_marks_file(campaign, registry, "marks.csv", {}, &place);
///   if (!s) std::cerr << kexie::to_string(place) << ": " << s.error() << '\n';
[[nodiscard]] KEXIE_API Status import_marks_file(Campaign& campaign, const Registry& registry,
                                                 const std::string& path, TableOptions options = {},
                                                 TablePlace* where = nullptr);
/// `import_marks_file` with judges named by the codes of a judges table.
///
/// \param campaign the campaign that records the marks (in its evaluation phase)
/// \param judges the judges by their codes in the file (from `import_judges`)
/// \param path the marks CSV file (columns judge, entry, indicator, mark)
/// \param options how the file is read (`source` is set to `path`)
/// \param where when not null, receives the place of a refusal
/// \return nothing, or the first refusal
///
///   kexie::Status s = kexie::import_marks_file(campaign, judges, "marks.csv");
[[nodiscard]] KEXIE_API Status import_marks_file(Campaign& campaign, const JudgeCodes& judges,
                                                 const std::string& path, TableOptions options = {},
                                                 TablePlace* where = nullptr);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_TABLE_IMPORT_HPP
