// A proposed assignment as an editable table (kexie/table_assignment.hpp): the columns
// `import_assignments` reads, then explanation columns it ignores.
#include "kexie/table_assignment.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace kexie {
inline namespace v1 {

namespace {

ResultCell text(std::string s) { return ResultCell{.text = std::move(s)}; }

}  // namespace

Result<ResultSheet> assignment_sheet(const Campaign& campaign, const Registry& registry,
                                     const AssignmentProposal& proposal,
                                     const AssignmentSheetOptions& options) {
  // Every judge's external key, and how many judges of the campaign share it.
  std::vector<std::string> keys(campaign.judge_count());
  std::vector<std::string> names(campaign.judge_count());
  std::map<std::string, int, std::less<>> uses;
  for (std::uint32_t j = 1; j <= campaign.judge_count(); ++j) {
    auto person = campaign.judge_person(JudgeId{j});
    if (!person) return person.error();
    auto p = registry.person(*person);
    if (!p) return p.error();
    keys[j - 1] = p->external_key;
    names[j - 1] = p->name;
  }
  if (options.judges != nullptr) {
    std::fill(keys.begin(), keys.end(), std::string());
    for (const auto& [code, id] : *options.judges) {
      if (id.ok() && id.value() <= keys.size() && !code.empty()) keys[id.value() - 1] = code;
    }
  }
  for (const std::string& key : keys) {
    if (!key.empty()) ++uses[key];
  }
  const bool zh = options.chinese;
  ResultSheet sheet;
  sheet.name = zh ? "评审分配" : "assignments";
  sheet.header = {zh ? "评委" : "judge", zh ? "项目编号" : "entry"};
  sheet.widths = {14, 16};
  if (options.explain) {
    for (const char* h :
         zh ? std::vector<const char*>{"评委姓名", "所属组织", "专业对口", "同组织评委", "代价"}
            : std::vector<const char*>{"judge_name", "organization", "expertise",
                                       "shares_organization", "cost"}) {
      sheet.header.emplace_back(h);
    }
    sheet.widths.insert(sheet.widths.end(), {12, 24, 10, 12, 8});
  }
  const std::string yes = zh ? "是" : "yes";
  const std::string no = zh ? "否" : "no";
  sheet.rows.reserve(proposal.pairs.size());
  for (const AssignmentInput& pair : proposal.pairs) {
    if (pair.judge.value() == 0 || pair.judge.value() > keys.size()) {
      return Error(ErrorCode::not_found, "no " + to_string(pair.judge) + " in this campaign");
    }
    auto entry = campaign.entry(pair.entry);
    if (!entry) return entry.error();
    const std::string& key = keys[pair.judge.value() - 1];
    if (key.empty() || uses[key] > 1) {
      return Error(ErrorCode::invalid_argument,
                   to_string(pair.judge) + " (" + names[pair.judge.value() - 1] + ") " +
                       (key.empty() ? std::string(options.judges != nullptr
                                                      ? "has no code in the judges table"
                                                      : "has no external key (工号)")
                                    : "shares the name \"" + key + "\" with another judge") +
                       ", so an assignments table cannot name them",
                   "table.field");
    }
    std::vector<ResultCell> row = {text(key), text(entry->spec.code)};
    if (options.explain) {
      // The entry's explanation: `entries` is by entry id, its judges by judge id.
      const JudgeChoice* why = nullptr;
      auto ea = std::find_if(proposal.entries.begin(), proposal.entries.end(),
                             [&](const EntryAssignment& a) { return a.entry == pair.entry; });
      if (ea != proposal.entries.end()) {
        auto jc = std::find_if(ea->judges.begin(), ea->judges.end(),
                               [&](const JudgeChoice& c) { return c.judge == pair.judge; });
        if (jc != ea->judges.end()) why = &*jc;
      }
      std::string org;
      if (why != nullptr && why->organization.ok()) {
        if (auto o = registry.organization(why->organization)) org = o->name;
      }
      row.push_back(text(names[pair.judge.value() - 1]));
      row.push_back(text(org));
      row.push_back(text(why == nullptr ? std::string() : why->expertise ? yes : no));
      row.push_back(text(why == nullptr ? std::string() : why->shares_organization ? yes : no));
      ResultCell cost = text(why == nullptr ? std::string() : std::to_string(why->cost));
      if (why != nullptr) {
        if (auto d = Decimal::from_coefficient(why->cost, 0)) cost.number = *d;
      }
      row.push_back(std::move(cost));
    }
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

}  // namespace v1
}  // namespace kexie
