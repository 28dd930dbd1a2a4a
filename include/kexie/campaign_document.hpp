// The campaign document, kexie.campaign/1: everything a campaign's rules hold —
// organizer, dates and deadline, panel rules, eligibility, tie-breaks, awards,
// energy tables by name and edition, and one rubric per category, whose weights
// are given directly or derived from AHP pairwise judgements kept as provenance.
// Rules kept in git diff cleanly: reading a canonical document and writing it
// again gives the same bytes. docs/documents.md describes the format.
#ifndef KEXIE_CAMPAIGN_DOCUMENT_HPP
#define KEXIE_CAMPAIGN_DOCUMENT_HPP

#include <string>
#include <string_view>
#include <vector>

#include "kexie/ahp_provenance.hpp"
#include "kexie/campaign.hpp"
#include "kexie/document.hpp"
#include "kexie/entry.hpp"
#include "kexie/export.hpp"
#include "kexie/ids.hpp"
#include "kexie/result.hpp"
#include "kexie/rubric.hpp"
#include "kexie/weights.hpp"

namespace kexie {
inline namespace v1 {

class Registry;

/// One category's rubric and the provenance of its weights.
///
///   kexie::CategoryRules c{kexie::Category::technical_patents, rubric, {}};
struct CategoryRules {
  Category category = Category::rationalization_proposals;  ///< which category
  Rubric rubric;                                            ///< its rubric
  std::vector<AhpDerivation> derivations;                   ///< groups whose weights came from AHP
};

/// A campaign's rules as a document holds them. The organizer is named by its
/// code (the registry document's organization code); `spec.organizer` is left
/// unset until `build_campaign` resolves it.
///
///   kexie::CampaignRules rules = kexie::read_campaign_document(text).value();
///   kexie::Campaign c = kexie::build_campaign(registry, rules, province).value();
struct CampaignRules {
  CampaignSpec spec;                      ///< everything but the rubrics
  std::string organizer;                  ///< the organizer's code
  std::vector<CategoryRules> categories;  ///< one per category that has a rubric
};

/// Reads a kexie.campaign/1 document. Every problem is collected (with its JSON
/// Pointer, line and column) before anything is refused; rubrics are built (and
/// AHP weights derived) only from a document without structural problems.
/// \param json the document's UTF-8 text
/// \param limits the size, depth and problem limits to enforce
/// \return the rules, or the error with every problem found
///
///   auto r = kexie::read_campaign_document(text);
///   if (!r) for (const auto& p : r.problems()) std::cerr << p.to_string() << '\n';
[[nodiscard]] KEXIE_API DocumentResult<CampaignRules> read_campaign_document(
    std::string_view json, const DocumentLimits& limits = {});

/// The canonical kexie.campaign/1 text of `rules` (fixed key order, decimals as
/// strings, two-space indent, a trailing newline).
/// \param rules the rules to write
/// \return the document's canonical text
///
///   std::string text = kexie::write_campaign_document(rules);
[[nodiscard]] KEXIE_API std::string write_campaign_document(const CampaignRules& rules);

/// The rules of a live campaign, its organizer named `organizer_code`. A rubric that
/// keeps AHP provenance (`Rubric::ahp_provenance`, as one read from a document does)
/// gives its judgements back; other weights are written directly.
/// \param campaign the live campaign
/// \param organizer_code the organizer's code in the registry document
/// \return its rules, ready for `write_campaign_document`
///
///   std::string text = kexie::write_campaign_document(kexie::campaign_rules(c, "ZJ"));
[[nodiscard]] KEXIE_API CampaignRules campaign_rules(const Campaign& campaign,
                                                     std::string organizer_code);

/// A campaign over `registry` with these rules, organized by `organizer` (the
/// organization the document's code names): `Campaign::create` and one
/// `set_rubric` per category, refused as a whole.
/// \param registry the registry the campaign reads; borrowed, must outlive it
/// \param rules the rules, e.g. from `read_campaign_document`
/// \param organizer the organization that organizes the campaign
/// \return the campaign with every rubric set, or the first refusal
///
///   kexie::Campaign c = kexie::build_campaign(registry, rules, province).value();
[[nodiscard]] KEXIE_API Result<Campaign> build_campaign(const Registry& registry,
                                                        const CampaignRules& rules,
                                                        OrgId organizer);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_CAMPAIGN_DOCUMENT_HPP
