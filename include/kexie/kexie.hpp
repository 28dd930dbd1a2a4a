// The whole C++ API of kexie in one include. Each header it pulls in is one
// concept and can be included on its own.
#ifndef KEXIE_KEXIE_HPP
#define KEXIE_KEXIE_HPP

/// \namespace kexie
/// kexie's public C++ API: the registry of enterprise S&T associations, the activity
/// lifecycle, 讲理想、比贡献 campaigns and their exact scoring, documents, tables and
/// snapshots. Every name lives in the inline namespace `kexie::v1`.
///
/// \namespace kexie::v1
/// The first version of kexie's C++ API, inline in `kexie`: write `kexie::Registry`,
/// never `kexie::v1::Registry`.

#include "kexie/date.hpp"
#include "kexie/decimal.hpp"
#include "kexie/error.hpp"
#include "kexie/ids.hpp"
#include "kexie/literals.hpp"
#include "kexie/result.hpp"
#include "kexie/text.hpp"
#include "kexie/thread_team.hpp"
#include "kexie/threads.hpp"
#include "kexie/version.hpp"
// weights and panel agreement
#include "kexie/agreement.hpp"
#include "kexie/matrix.hpp"
#include "kexie/weights.hpp"
// registry
#include "kexie/membership.hpp"
#include "kexie/organization.hpp"
#include "kexie/person.hpp"
#include "kexie/policy.hpp"
#include "kexie/registry.hpp"
#include "kexie/views.hpp"  // range-v3 views over the registry's queries
// lifecycle
#include "kexie/activity.hpp"
#include "kexie/actor.hpp"
#include "kexie/audit.hpp"
#include "kexie/lifecycle.hpp"
// campaign scoring
#include "kexie/assignment.hpp"
#include "kexie/awards.hpp"
#include "kexie/campaign.hpp"
#include "kexie/entry.hpp"
#include "kexie/entry_table.hpp"
#include "kexie/explain.hpp"
#include "kexie/panel.hpp"
#include "kexie/ranking.hpp"
#include "kexie/report.hpp"
#include "kexie/report_agreement.hpp"
#include "kexie/rubric.hpp"
#include "kexie/rubric_text.hpp"
// energy
#include "kexie/energy.hpp"

#include "kexie/enterprise.hpp"  // growing and guiding associations (issue 19)
#include "kexie/evaluation.hpp"
#include "kexie/guidance.hpp"
#include "kexie/patent_number.hpp"
#include "kexie/proposal.hpp"
#include "kexie/recommendation.hpp"
#include "kexie/service_desk.hpp"
#include "kexie/service_record.hpp"
#include "kexie/service_request.hpp"
// snapshots
#include "kexie/snapshot.hpp"

#include "kexie/campaign_document.hpp"  // JSON documents (issue 14)
#include "kexie/entries_document.hpp"
#include "kexie/registry_document.hpp"
#include "kexie/coverage_document.hpp"
#include "kexie/evaluation_document.hpp"
#include "kexie/results_document.hpp"
#include "kexie/services_document.hpp"
#include "kexie/document.hpp"
// CSV and XLSX tables (issue 14)
#include "kexie/table.hpp"
#include "kexie/table_assignment.hpp"
#include "kexie/table_export.hpp"
#include "kexie/table_import.hpp"
#include "kexie/table_registry.hpp"

#endif  // KEXIE_KEXIE_HPP
