// The campaign documents of issue 14 as the kexie command reads them: a
// kexie.campaign/1 document (optionally changed by a JSON Merge Patch, for
// scenarios), a kexie.registry/1 document and a kexie.entries/1 document, loaded
// through the library's readers and `load_campaign`, all or nothing. Every
// problem the library reports is kept with the file it belongs to.
#ifndef KEXIE_TOOLS_DOCUMENTS_HPP
#define KEXIE_TOOLS_DOCUMENTS_HPP

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "kexie/campaign_document.hpp"
#include "kexie/entries_document.hpp"
#include "kexie/registry_document.hpp"
#include "kexie/table_import.hpp"

namespace kexie::cli {

/// Where the documents of one campaign are, and how its rules are varied.
struct DocumentPaths {
  std::string campaign;  ///< kexie.campaign/1
  std::string registry;  ///< kexie.registry/1, or a directory of registry-<kind>.csv tables
  std::string entries;   ///< kexie.entries/1, or an entries table (.csv); empty: rules only
  std::string judges;    ///< a judges table (.csv: code, person), seated after the entries
  std::optional<nlohmann::json> campaign_inline;  ///< the campaign given inline (scenarios)
  std::optional<nlohmann::json> campaign_patch;   ///< RFC 7386 merge patch of the campaign
  /// The most values a registry or entries document may hold; 0: the library's
  /// default (DocumentLimits::max_values), e.g. `.max_values = 10'000'000`.
  std::size_t max_values = 0;
};

/// One problem of one document, as the library reported it.
struct FileProblem {
  std::string file;         ///< the document it is in
  DocumentProblem problem;  ///< pointer, line, column, message, rule, article
};

/// A loaded campaign with the registry it reads (kept at a stable address), or
/// the refusal: the library's error and every problem it listed.
struct LoadedCampaign {
  std::unique_ptr<LoadedRegistry> registry;  ///< set once the registry loaded
  std::optional<CampaignRules> rules;        ///< set once the campaign document was read
  std::optional<Campaign> campaign;          ///< set when everything loaded
  JudgeCodes judges;  ///< the entries document's judge codes ("J1") → the campaign's judges
  std::optional<Error> error;         ///< set when something was refused
  std::string failed_file;            ///< the document that was refused
  std::vector<FileProblem> problems;  ///< every problem found
};

/// Reads the documents and builds the campaign. A file that cannot be read
/// throws `Failure(Exit::input, …)`; a document the library refuses is returned
/// as `error` and `problems` (nothing is thrown).
///
///   LoadedCampaign c = load_documents({.campaign = "campaign.json", .registry = …});
[[nodiscard]] LoadedCampaign load_documents(const DocumentPaths& paths, bool quiet);

/// Throws the refusal of `loaded` as a Failure listing every problem (file,
/// pointer, line, column, rule, article); does nothing when it loaded.
void throw_if_refused(const LoadedCampaign& loaded);

/// The problems as JSON objects: file, pointer, line, column, message, rule, article.
[[nodiscard]] nlohmann::json problems_json(const std::vector<FileProblem>& problems);

/// The whole file as text; Failure(Exit::input) when it cannot be read.
[[nodiscard]] std::string read_text(const std::filesystem::path& path);

}  // namespace kexie::cli

#endif  // KEXIE_TOOLS_DOCUMENTS_HPP
