// A proposed judge assignment (kexie/assignment.hpp) as a table the awards office can
// edit: the layout `import_assignments` (kexie/table_import.hpp) reads back, a row per
// new (judge, entry) pair, plus explanation columns the importer ignores.
#ifndef KEXIE_TABLE_ASSIGNMENT_HPP
#define KEXIE_TABLE_ASSIGNMENT_HPP

#include "kexie/assignment.hpp"
#include "kexie/campaign.hpp"
#include "kexie/export.hpp"
#include "kexie/registry.hpp"
#include "kexie/result.hpp"
#include "kexie/table_export.hpp"
#include "kexie/table_import.hpp"

namespace kexie {
inline namespace v1 {

/// How `assignment_sheet` names its columns and what it adds.
///
///   kexie::AssignmentSheetOptions o{.chinese = true};  // 评委, 项目编号, ...
struct AssignmentSheetOptions {
  /// Chinese header names (评委, 项目编号, 评委姓名, 所属组织, 专业对口, 同组织评委, 代价)
  /// instead of English (judge, entry, judge_name, organization, expertise,
  /// shares_organization, cost); `import_assignments` reads both.
  bool chinese = false;
  /// Add the explanation columns after `judge` and `entry`.
  bool explain = true;
  /// Name judges by these codes (a judges table's, as the `JudgeCodes` overload of
  /// `import_assignments` reads them) instead of their external keys; not owned.
  const JudgeCodes* judges = nullptr;
};

/// The new pairs of `proposal` (a proposal for `campaign`, whose registry is `registry`)
/// as a sheet: `judge` (the external key, 工号, of the judge's person, the way
/// `import_assignments` names judges, or their code in `options.judges`), `entry` (the application
/// number), then, with `explain`, the judge's name, the organization counted for spread, whether
/// their expertise matches the entry (yes/no, 是/否), whether another judge of the entry is from
/// the same organization, and the pair's cost. Pairs already assigned before the proposal are not
/// written (importing the sheet records what `apply` would). Write it with `to_csv`. `not_found`
/// for a judge or entry `campaign` does not know; `invalid_argument` `table.field` for a judge
/// whose person has no external key, or shares it with another judge of the campaign (the importer
/// could not tell them apart), or, with `options.judges`, a judge without a code there.
/// \param campaign the campaign the proposal is for
/// \param registry the registry `campaign` is built on
/// \param proposal the proposal, from `propose_assignment(campaign, …)`
/// \param options Chinese headers, the explanation columns, the judges' codes
/// \return the sheet of new pairs, or `not_found` / `invalid_argument`
///
///   auto p = kexie::propose_assignment(campaign, {}).value();
///   auto sheet = kexie::assignment_sheet(campaign, registry, p).value();
///   std::string csv = kexie::to_csv(sheet).value();  // UTF-8 with a BOM
[[nodiscard]] KEXIE_API Result<ResultSheet> assignment_sheet(
    const Campaign& campaign, const Registry& registry, const AssignmentProposal& proposal,
    const AssignmentSheetOptions& options = {});

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_TABLE_ASSIGNMENT_HPP
