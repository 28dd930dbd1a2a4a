// Loading a campaign's documents for the kexie command.
#include "documents.hpp"

#include <cctype>
#include <fstream>
#include <sstream>

#include "console.hpp"
#include "kexie/table.hpp"
#include "kexie/table_import.hpp"
#include "kexie/table_registry.hpp"
#include "progress.hpp"

namespace kexie::cli {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Failure(Exit::input, "cannot read " + path.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw Failure(Exit::input, "cannot read " + path.string());
  return std::move(buffer).str();
}

namespace {

// A CSV table rather than a document: by its extension.
bool is_table(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".csv";
}

Table read_table(const std::string& path) {
  auto table = Table::read_file(path);
  if (!table) throw Failure(path, table.error());
  return std::move(table).value();
}

template <class T>
bool keep(LoadedCampaign& out, const std::string& file, const DocumentResult<T>& read) {
  if (read) return true;
  out.error = read.error();
  out.failed_file = file;
  for (const DocumentProblem& p : read.problems()) out.problems.push_back({file, p});
  if (out.problems.empty()) {
    out.problems.push_back(
        {file, DocumentProblem{
                   {}, 0, 0, read.error().rule(), read.error().article(), read.error().message()}});
  }
  return false;
}

// A registry from the CSV tables in `dir`, one per kind: registry-organizations.csv
// (required), registry-people.csv, registry-memberships.csv, registry-appointments.csv,
// registry-experts.csv, registry-links.csv, registry-training.csv and
// registry-honours.csv (each optional). A table that cannot be read is an input
// error; a refused row is thrown with its file and line.
LoadedRegistry load_registry_directory(const std::filesystem::path& dir) {
  struct Kind {
    const char* name;
    const Table* RegistryTables::*member;
  };
  static constexpr Kind kinds[] = {
      {"organizations", &RegistryTables::organizations},
      {"people", &RegistryTables::people},
      {"memberships", &RegistryTables::memberships},
      {"appointments", &RegistryTables::appointments},
      {"experts", &RegistryTables::experts},
      {"links", &RegistryTables::links},
      {"training", &RegistryTables::training},
      {"honours", &RegistryTables::honours},
  };
  std::vector<std::unique_ptr<Table>> read;
  RegistryTables tables;
  for (const Kind& kind : kinds) {
    const std::filesystem::path path = dir / (std::string("registry-") + kind.name + ".csv");
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      if (kind.member == &RegistryTables::organizations) {
        throw Failure(Exit::input, dir.string() + ": no registry-organizations.csv (a registry " +
                                       "directory holds registry-<kind>.csv tables)");
      }
      continue;
    }
    auto table = Table::read_file(path.string());
    if (!table) throw Failure(path.string(), table.error());
    read.push_back(std::make_unique<Table>(std::move(table).value()));
    tables.*kind.member = read.back().get();
  }
  TablePlace at;
  auto loaded = load_registry_tables(tables, &at);
  if (!loaded) throw Failure(to_string(at), loaded.error());
  return LoadedRegistry{std::move(loaded->registry),
                        RegistryCodes{std::move(loaded->organizations), std::move(loaded->people)}};
}

}  // namespace

LoadedCampaign load_documents(const DocumentPaths& paths, bool quiet) {
  LoadedCampaign out;
  Progress progress("loading documents", 3, quiet);
  // The campaign's rules: from the file or inline, then patched (RFC 7386).
  std::string campaign_text;
  if (paths.campaign_inline || paths.campaign_patch) {
    nlohmann::json doc;
    if (paths.campaign_inline) {
      doc = *paths.campaign_inline;
    } else {
      try {
        doc = nlohmann::json::parse(read_text(paths.campaign));
      } catch (const nlohmann::json::parse_error& e) {
        throw Failure(Exit::input, paths.campaign + ": " + e.what());
      }
    }
    if (paths.campaign_patch) doc.merge_patch(*paths.campaign_patch);
    campaign_text = doc.dump(2);
  } else {
    campaign_text = read_text(paths.campaign);
  }
  DocumentLimits limits;
  if (paths.max_values != 0) limits.max_values = paths.max_values;
  auto rules = read_campaign_document(campaign_text);
  if (!keep(out, paths.campaign, rules)) return out;
  out.rules = std::move(rules).value();
  progress.update(1);
  if (paths.registry.empty()) return out;
  std::error_code ec;
  if (std::filesystem::is_directory(paths.registry, ec)) {
    out.registry = std::make_unique<LoadedRegistry>(load_registry_directory(paths.registry));
  } else {
    auto registry = read_registry_document(read_text(paths.registry), limits);
    if (!keep(out, paths.registry, registry)) return out;
    out.registry = std::make_unique<LoadedRegistry>(std::move(registry).value());
  }
  progress.update(2);
  CampaignEntries entries;
  const bool entries_table = is_table(paths.entries);
  if (!paths.entries.empty() && !entries_table) {
    auto read = read_entries_document(read_text(paths.entries), out.registry->codes, limits);
    if (!keep(out, paths.entries, read)) return out;
    entries = std::move(read).value();
  }
  auto campaign = load_campaign(out.registry->registry, out.registry->codes, *out.rules, entries);
  if (!keep(out, paths.entries.empty() || entries_table ? paths.campaign : paths.entries,
            campaign)) {
    return out;
  }
  out.campaign.emplace(std::move(campaign).value());
  // Entries as a CSV table (docs/tables.md), and judges from a CSV table: all or
  // nothing each, units and people named by the registry's codes.
  if (entries_table) {
    const Table table = read_table(paths.entries);
    TablePlace at;
    if (Status done = import_entries(*out.campaign, *out.registry, table, &at); !done)
      throw Failure(to_string(at), done.error());
  }
  if (!paths.judges.empty()) {
    const Table table = read_table(paths.judges);
    TablePlace at;
    auto judges = import_judges(*out.campaign, *out.registry, table, &at);
    if (!judges) throw Failure(to_string(at), judges.error());
    out.judges.insert(judges->begin(), judges->end());
  }
  // The judges by the codes the entries document gave them, for CSV tables that
  // name judges the same way (kexie score --marks, --assignments, --vetoes).
  for (const JudgeRecord& judge : entries.judges) {
    for (std::uint32_t j = 1; j <= out.campaign->judge_count(); ++j) {
      const auto person = out.campaign->judge_person(JudgeId{j});
      if (person && *person == judge.person) out.judges.emplace(judge.code, JudgeId{j});
    }
  }
  progress.update(3);
  return out;
}

nlohmann::json problems_json(const std::vector<FileProblem>& problems) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [file, p] : problems) {
    out.push_back({{"file", file},
                   {"pointer", p.pointer},
                   {"line", p.line},
                   {"column", p.column},
                   {"message", p.message},
                   {"rule", p.rule},
                   {"article", p.article}});
  }
  return out;
}

void throw_if_refused(const LoadedCampaign& loaded) {
  if (!loaded.error) return;
  Failure failure(loaded.failed_file, *loaded.error);
  for (const auto& [file, p] : loaded.problems)
    failure.message += "\n  " + file + ": " + p.to_string();
  failure.problems = problems_json(loaded.problems);
  throw failure;
}

}  // namespace kexie::cli
