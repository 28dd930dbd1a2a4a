// The entries document, kexie.entries/1: a campaign's entries (参评项目) with their
// teams and claims, the judges, the assignments, the marks (rows of judge, entry,
// indicator, mark) and the vetoes with their reasons. Units, team members and
// judges are named by the registry document's codes. docs/documents.md describes it.
#ifndef KEXIE_ENTRIES_DOCUMENT_HPP
#define KEXIE_ENTRIES_DOCUMENT_HPP

#include <string>
#include <string_view>
#include <vector>

#include "kexie/campaign.hpp"
#include "kexie/campaign_document.hpp"
#include "kexie/document.hpp"
#include "kexie/entry.hpp"
#include "kexie/export.hpp"
#include "kexie/registry_document.hpp"

namespace kexie {
inline namespace v1 {

/// A judge of the entries document: a code of its own and the person.
///
///   kexie::JudgeRecord j{"J1", li};
struct JudgeRecord {
  std::string code;  ///< e.g. "J1"; marks name the judge by it
  PersonId person;   ///< who judges
};

/// One assignment of a judge to an entry, by codes.
struct AssignmentRecord {
  std::string judge;  ///< the judge's code
  std::string entry;  ///< the entry's code
};

/// One mark, by codes (the long format: judge, entry, indicator, mark).
///
///   kexie::MarkRecord m{"J1", "ZJ2025-1000", "A.1", "88.5"_dec};
struct MarkRecord {
  std::string judge;      ///< the judge's code
  std::string entry;      ///< the entry's code
  std::string indicator;  ///< the indicator's code
  Decimal mark;           ///< the mark
};

/// One veto (一票否决) with its reason, by codes.
struct VetoRecord {
  std::string judge;      ///< the judge's code
  std::string entry;      ///< the entry's code
  std::string indicator;  ///< the veto item's code
  std::string reason;     ///< why
};

/// Everything a campaign holds apart from its rules, as a document has it.
///
///   kexie::CampaignEntries e = kexie::read_entries_document(text, codes).value();
struct CampaignEntries {
  std::vector<EntrySpec> entries;             ///< in the order they are added
  std::vector<JudgeRecord> judges;            ///< in the order they are added
  std::vector<AssignmentRecord> assignments;  ///< judge × entry
  std::vector<MarkRecord> marks;              ///< every mark
  std::vector<VetoRecord> vetoes;             ///< every veto
};

/// Reads a kexie.entries/1 document, resolving units, people and judges by `codes`
/// (and the document's own judge codes). Every problem is collected. An entry cites
/// a 厂会协作 link by its id (`cites_link`: its 1-based place in the registry
/// document's links) and a 金桥工程 activity by its id in the campaign's activity book
/// (`cites_activity`); the campaign checks both when the entry is added.
/// \param json the document's UTF-8 text
/// \param codes the registry's codes for organizations and people
/// \param limits the size, depth and problem limits to enforce
/// \return the entries, judges, assignments, marks and vetoes, or the error with every
/// problem found
///
///   auto e = kexie::read_entries_document(text, loaded.codes);
[[nodiscard]] KEXIE_API DocumentResult<CampaignEntries> read_entries_document(
    std::string_view json, const RegistryCodes& codes, const DocumentLimits& limits = {});

/// The canonical kexie.entries/1 text of `entries`, naming organizations and people
/// by `codes` ("org:12" / "person:7" for those without one).
/// \param entries what to write, e.g. from `campaign_entries`
/// \param codes the registry's codes for organizations and people
/// \return the document's canonical text
///
///   std::string text = kexie::write_entries_document(entries, codes);
[[nodiscard]] KEXIE_API std::string write_entries_document(const CampaignEntries& entries,
                                                           const RegistryCodes& codes);

/// Everything `campaign` holds apart from its rules — entries (with their citations),
/// judges, assignments, marks and vetoes — for `write_entries_document`: judges get
/// the codes "J1", "J2", … by judge id, marks are spelt at the places of their
/// indicator's scale ("60.0" for step 0.5), ordered by entry, judge, indicator. With
/// `campaign_rules`, a campaign built by calls is exported and `load_campaign` builds
/// it again, to the same scoreboard digest.
///
/// \param campaign the live campaign
/// \return its entries, judges, assignments, marks and vetoes, in id order
///
///   std::string text = kexie::write_entries_document(kexie::campaign_entries(campaign), codes);
[[nodiscard]] KEXIE_API CampaignEntries campaign_entries(const Campaign& campaign);

/// A campaign over `registry` with `rules` (its organizer named by `codes`) and
/// `entries` applied in order — entries, judges, assignments, marks, vetoes —
/// through the campaign's own rules. All or nothing: a refusal is a problem at the
/// pointer of the refused item (its JSON Pointer in the entries document), and no
/// campaign is returned.
/// \param registry the registry the campaign reads; borrowed, must outlive it
/// \param codes the registry's codes, naming the organizer and the entries' units and people
/// \param rules the campaign's rules, e.g. from `read_campaign_document`
/// \param entries what to apply, e.g. from `read_entries_document`
/// \return the campaign, or the error with the refused item's problem
///
///   kexie::Campaign c = kexie::load_campaign(reg.registry, reg.codes, rules, entries).value();
[[nodiscard]] KEXIE_API DocumentResult<Campaign> load_campaign(const Registry& registry,
                                                               const RegistryCodes& codes,
                                                               const CampaignRules& rules,
                                                               const CampaignEntries& entries);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_ENTRIES_DOCUMENT_HPP
