// `kexie score` and `kexie explain`: a campaign from its documents (campaign,
// registry, entries: documents.hpp) or from a snapshot; the library scores it
// (Campaign::score), explains an entry (explain.hpp), writes the results
// document (results_document.hpp), the result sheets as CSV or XLSX
// (table_export.hpp) and renders the HTML report (report.hpp). Assignments, marks
// and vetoes may come as CSV tables (table_import.hpp) instead of in the entries
// document.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <initializer_list>
#include <iostream>
#include <map>
#include <string_view>
#include <system_error>

#include "atomic_file.hpp"
#include "commands.hpp"
#include "documents.hpp"
#include "kexie/explain.hpp"
#include "kexie/report.hpp"
#include "kexie/report_agreement.hpp"
#include "kexie/results_document.hpp"
#include "kexie/snapshot.hpp"
#include "kexie/table.hpp"
#include "kexie/table_export.hpp"
#include "kexie/table_import.hpp"
#include "progress.hpp"

namespace kexie::cli {
namespace {

struct CampaignArgs {
  std::string campaign_document;
  std::string registry;
  std::string entries;
  std::string judges;  // a judges table (.csv), seated after the entries
  std::string snapshot;
  std::size_t campaign = 1;
  std::vector<std::string> outputs;
  std::string entry_code;
  std::string assignments;  // CSV tables imported into the campaign, in this order
  std::string marks;
  std::string vetoes;
  std::string csv_encoding = "utf8";     // of .csv outputs: utf8 (with a BOM) or gb18030
  std::size_t max_values = 0;            // of the registry and entries documents; 0: the library's
  bool timings = false;                  // print the time of each step (score --timings)
  std::string explanations = "summary";  // of .json outputs: summary or full
};

// The wall-clock time of each step of `kexie score` (--timings): reading the
// documents, reading and importing each table, scoring, making the result sheets,
// writing each output. Each step is measured from the end of the one before, in
// wall-clock seconds and in the process's CPU seconds (every thread, user and
// system: the figure that stays put on a busy machine).
class Timings {
 public:
  using Clock = std::chrono::steady_clock;

  // Ends the current step, naming it; `kind` is read, import, score or write.
  void step(std::string kind, std::string name) {
    const auto now = Clock::now();
    const double cpu = cpu_now();
    steps_.push_back({std::move(kind), std::move(name),
                      std::chrono::duration<double>(now - last_).count(), cpu - last_cpu_});
    last_ = now;
    last_cpu_ = cpu;
  }

  [[nodiscard]] double total() const {
    return std::chrono::duration<double>(Clock::now() - start_).count();
  }
  [[nodiscard]] double cpu_total() const { return cpu_now() - start_cpu_; }

  [[nodiscard]] double of(std::string_view kind, bool cpu = false) const {
    double sum = 0;
    for (const Step& s : steps_)
      if (s.kind == kind) sum += cpu ? s.cpu : s.seconds;
    return sum;
  }

  [[nodiscard]] nlohmann::json to_json() const {
    nlohmann::json steps = nlohmann::json::array();
    for (const Step& s : steps_) {
      steps.push_back(
          {{"kind", s.kind}, {"step", s.name}, {"seconds", s.seconds}, {"cpu_seconds", s.cpu}});
    }
    return {{"steps", steps},          {"reading", of("read") + of("import")},
            {"scoring", of("score")},  {"writing", of("write")},
            {"total", total()},        {"cpu_reading", of("read", true) + of("import", true)},
            {"cpu_total", cpu_total()}};
  }

  void print(std::ostream& out) const {
    char line[256];
    for (const Step& s : steps_) {
      std::snprintf(line, sizeof line, "%-7s %-40s %9.3f s (CPU %.3f s)\n", s.kind.c_str(),
                    s.name.c_str(), s.seconds, s.cpu);
      out << line;
    }
    const double reading = of("read") + of("import");
    const double cpu_reading = of("read", true) + of("import", true);
    std::snprintf(line, sizeof line,
                  "reading %.3f s, scoring %.3f s, writing %.3f s, total %.3f s (%.2f× reading); "
                  "CPU: reading %.3f s, total %.3f s (%.2f× reading)\n",
                  reading, of("score"), of("write"), total(), total() / std::max(reading, 1e-9),
                  cpu_reading, cpu_total(), cpu_total() / std::max(cpu_reading, 1e-9));
    out << line;
  }

 private:
  struct Step {
    std::string kind, name;
    double seconds;
    double cpu;
  };
  static double cpu_now() {
    timespec t{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
  }
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_ = start_;
  double start_cpu_ = cpu_now();
  double last_cpu_ = start_cpu_;
  std::vector<Step> steps_;
};

Language language_of(Lang lang) { return lang == Lang::zh ? Language::chinese : Language::english; }

// The campaign and what it reads, from documents or from a snapshot.
struct Source {
  std::optional<Snapshot> snapshot;
  LoadedCampaign documents;
  const Campaign* campaign = nullptr;
  const Registry* registry = nullptr;
  RegistryCodes codes;  // empty for a snapshot: units and people print as "org:12"
};

// Imports the CSV tables given (assignments, then marks, then vetoes), each all or
// nothing. Judges are named by the entries document's codes ("J1") when the campaign
// came from documents, else by their people's external keys in the registry.
void import_tables(const CampaignArgs& args, Campaign& campaign, const Registry& registry,
                   const JudgeCodes* judges, Timings& timings) {
  using Import = Status (*)(Campaign&, const JudgeCodes&, const Table&, TablePlace*);
  using ImportByKey = Status (*)(Campaign&, const Registry&, const Table&, TablePlace*);
  const struct {
    const std::string& path;
    Import by_code;
    ImportByKey by_key;
  } tables[] = {
      {args.assignments, &import_assignments, &import_assignments},
      {args.marks, &import_marks, &import_marks},
      {args.vetoes, &import_vetoes, &import_vetoes},
  };
  for (const auto& t : tables) {
    if (t.path.empty()) continue;
    if (&t.path == &args.marks) {
      // Marks are streamed from the file (no table built: docs/tables.md, Performance).
      TablePlace at;
      const Status done = judges != nullptr
                              ? import_marks_file(campaign, *judges, t.path, {}, &at)
                              : import_marks_file(campaign, registry, t.path, {}, &at);
      if (!done) throw Failure(to_string(at), done.error());
      timings.step("import", t.path);
      continue;
    }
    auto table = Table::read_file(t.path);
    if (!table) throw Failure(t.path, table.error());
    timings.step("read", t.path);
    TablePlace at;
    const Status done = judges != nullptr ? t.by_code(campaign, *judges, *table, &at)
                                          : t.by_key(campaign, registry, *table, &at);
    if (!done) throw Failure(to_string(at), done.error());
    timings.step("import", t.path);
  }
}

Source load(const CampaignArgs& args, bool quiet, Timings& timings) {
  Source source;
  if (args.snapshot.empty() == args.campaign_document.empty()) {
    throw Failure(Exit::usage, "give either CAMPAIGN with --registry and --entries, or --snapshot");
  }
  if (!args.snapshot.empty()) {
    if (!args.judges.empty())
      throw Failure(Exit::usage, "--judges goes with CAMPAIGN, not --snapshot");
    auto snap = load_snapshot(std::filesystem::path(args.snapshot));
    if (!snap) throw Failure(args.snapshot, snap.error());
    if (args.campaign < 1 || args.campaign > snap->campaigns().size()) {
      throw Failure(Exit::refused, args.snapshot + ": no campaign " +
                                       std::to_string(args.campaign) + " (it holds " +
                                       std::to_string(snap->campaigns().size()) + ")");
    }
    source.snapshot.emplace(std::move(*snap));
    timings.step("read", args.snapshot);
    Campaign& campaign = source.snapshot->campaigns()[args.campaign - 1];
    import_tables(args, campaign, source.snapshot->registry(), nullptr, timings);
    source.campaign = &campaign;
    source.registry = &source.snapshot->registry();
    return source;
  }
  if (args.registry.empty() || args.entries.empty()) {
    throw Failure(Exit::usage, "CAMPAIGN needs --registry and --entries");
  }
  source.documents = load_documents({.campaign = args.campaign_document,
                                     .registry = args.registry,
                                     .entries = args.entries,
                                     .judges = args.judges,
                                     .max_values = args.max_values},
                                    quiet);
  throw_if_refused(source.documents);
  timings.step("read", "documents (campaign, registry, entries)");
  import_tables(args, *source.documents.campaign, source.documents.registry->registry,
                &source.documents.judges, timings);
  source.campaign = &*source.documents.campaign;
  source.registry = &source.documents.registry->registry;
  source.codes = source.documents.registry->codes;
  return source;
}

void check_outputs(const std::vector<std::string>& outputs) {
  for (const std::string& out : outputs) {
    const auto ext = std::filesystem::path(out).extension();
    if (ext != ".html" && ext != ".json" && ext != ".csv" && ext != ".xlsx") {
      throw Failure(Exit::usage, out +
                                     ": this build writes .json (kexie.results/1), .html (the "
                                     "report), .csv and .xlsx (the result sheets)");
    }
  }
}

TextEncoding csv_encoding(const std::string& name) {
  if (name == "utf8") return TextEncoding::utf8;
  if (name == "gb18030") return TextEncoding::gb18030;
  throw Failure(Exit::usage, "--csv-encoding " + name + ": give utf8 or gb18030");
}

// The result sheets as CSV: the first sheet at `out`, each other one beside it as
// <stem>-<sheet name>.csv. Returns every file written.
std::vector<std::string> write_csv_sheets(const std::filesystem::path& out,
                                          const std::vector<ResultSheet>& sheets,
                                          TextEncoding encoding) {
  std::vector<std::string> written;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    std::filesystem::path path = out;
    if (i > 0) {
      std::string name = sheets[i].name;
      for (char& c : name)
        if (c == '/' || c == '\\') c = '_';
      path = out.parent_path() / (out.stem().string() + "-" + name + out.extension().string());
    }
    auto csv = to_csv(sheets[i], encoding);
    if (!csv) throw Failure(path.string(), csv.error());
    write_atomically(path, *csv);
    written.push_back(path.string());
  }
  return written;
}

// The result sheets as one XLSX workbook, written beside `out` and renamed over it,
// so a failed write leaves an existing file as it was.
void write_xlsx_sheets(const std::filesystem::path& out, const std::vector<ResultSheet>& sheets) {
  const std::filesystem::path partial = out.string() + ".partial";
  const Status done = write_xlsx(sheets, partial.string());
  std::error_code ec;
  if (!done) {
    std::filesystem::remove(partial, ec);
    throw Failure(out.string(), done.error());
  }
  std::filesystem::rename(partial, out, ec);
  if (ec) {
    std::filesystem::remove(partial, ec);
    throw Failure(Exit::input, out.string() + ": cannot replace the file (" + ec.message() + ")");
  }
}

ResultsOptions results_options(const std::string& explanations) {
  for (ResultsExplanations e : enum_values<ResultsExplanations>()) {
    if (explanations == enum_name(e)) return {.explanations = e};
  }
  throw Failure(Exit::usage, "--explanations " + explanations + ": give summary or full");
}

void run_score(const CampaignArgs& args, CommonOptions& common) {
  const Lang lang = common.language();
  check_outputs(args.outputs);
  const TextEncoding encoding = csv_encoding(args.csv_encoding);
  ResultsOptions results = results_options(args.explanations);
  Timings timings;
  const Source source = load(args, common.quiet, timings);
  const Campaign& campaign = *source.campaign;
  const auto board = campaign.score();
  if (!board) throw Failure(campaign.spec().name, board.error());
  timings.step("score", "Campaign::score");
  // The results document and the result sheets report the same panel agreement: when
  // both are written it is computed once (every panel's marks gathered once) and shared.
  const auto writes = [&args](std::initializer_list<std::string_view> exts) {
    return std::any_of(args.outputs.begin(), args.outputs.end(), [&](const std::string& o) {
      const std::string ext = std::filesystem::path(o).extension().string();
      return std::find(exts.begin(), exts.end(), ext) != exts.end();
    });
  };
  std::optional<PanelAgreement> agreement;
  if (writes({".json"}) && writes({".csv", ".xlsx"})) {
    agreement = panel_agreement(campaign, *board);
    results.agreement = &*agreement;
    timings.step("write", "panel agreement (panel_agreement)");
  }
  Progress progress("writing", args.outputs.size(), common.quiet);
  std::optional<std::vector<ResultSheet>> sheets;  // made once, for .csv and .xlsx
  std::vector<std::string> written;
  for (std::size_t i = 0; i < args.outputs.size(); ++i) {
    const std::filesystem::path out = args.outputs[i];
    const auto ext = out.extension();
    if (ext == ".csv" || ext == ".xlsx") {
      if (!sheets) {
        auto made = agreement ? result_sheets(campaign, *source.registry, *board, *agreement)
                              : result_sheets(campaign, *source.registry, *board);
        if (!made) throw Failure(args.outputs[i], made.error());
        sheets = std::move(made).value();
        timings.step("write", "result sheets (result_sheets)");
      }
      if (ext == ".xlsx") {
        write_xlsx_sheets(out, *sheets);
        written.push_back(args.outputs[i]);
      } else {
        for (std::string& f : write_csv_sheets(out, *sheets, encoding))
          written.push_back(std::move(f));
      }
    } else if (ext == ".json") {
      // Streamed: the document goes to the file as it is made, never whole in memory.
      AtomicFile file(out);
      const Status done =
          write_results_document(campaign, *board, source.codes, results,
                                 [&file](std::string_view piece) { file.write(piece); });
      if (!done) throw Failure(args.outputs[i], done.error());
      file.commit();
      written.push_back(args.outputs[i]);
    } else {
      auto text = html_report(campaign, *board,
                              {.language = language_of(lang), .registry = source.registry});
      if (!text) throw Failure(args.outputs[i], text.error());
      write_atomically(out, *text);
      written.push_back(args.outputs[i]);
    }
    timings.step("write", args.outputs[i]);
    progress.update(i + 1);
  }
  progress.finish();
  if (args.timings && !common.json) timings.print(std::cerr);
  // Award counts per category and tier, in tier order.
  std::map<std::pair<Category, std::uint32_t>, std::size_t> awarded;
  std::map<Category, std::size_t> entries;
  for (const EntryResult& r : board->entries) {
    ++entries[r.category];
    if (r.tier) ++awarded[{r.category, *r.tier}];
  }
  const auto& tiers = campaign.spec().awards.tiers;
  if (common.json) {
    nlohmann::json categories = nlohmann::json::array();
    for (const auto& [category, count] : entries) {
      nlohmann::json awards = nlohmann::json::array();
      for (std::uint32_t t = 0; t < tiers.size(); ++t) {
        const auto it = awarded.find({category, t});
        awards.push_back(
            {{"tier", tiers[t].name}, {"count", it == awarded.end() ? 0 : it->second}});
      }
      categories.push_back(
          {{"category", to_string(category)}, {"entries", count}, {"awards", awards}});
    }
    nlohmann::json doc = {{"ok", true},
                          {"command", "score"},
                          {"campaign", campaign.spec().name},
                          {"entries", board->entries.size()},
                          {"categories", categories},
                          {"cusps", board->cusps.size()},
                          {"digest", board->digest()},
                          {"outputs", written}};
    if (args.timings) doc["timings"] = timings.to_json();
    print_json(doc);
    return;
  }
  if (common.quiet) return;
  std::cout << campaign.spec().name << ": " << board->entries.size() << ' '
            << say(lang, "个项目", "entries") << '\n';
  for (const auto& [category, count] : entries) {
    std::cout << "  " << to_string(category) << " (" << count << "):";
    for (std::uint32_t t = 0; t < tiers.size(); ++t) {
      const auto it = awarded.find({category, t});
      std::cout << "  " << tiers[t].name << ' ' << (it == awarded.end() ? 0 : it->second);
    }
    std::cout << '\n';
  }
  std::cout << say(lang, "临界项目", "cusp entries") << ": " << board->cusps.size() << '\n'
            << say(lang, "结果摘要", "digest") << ": " << board->digest() << '\n';
  for (const std::string& out : written) {
    std::cout << say(lang, "已写入", "wrote") << ' ' << out << '\n';
  }
}

void run_explain(CampaignArgs args, CommonOptions& common) {
  const Lang lang = common.language();
  // With --snapshot there is no CAMPAIGN: the one positional is the entry's code.
  if (args.entry_code.empty() && !args.snapshot.empty())
    std::swap(args.entry_code, args.campaign_document);
  if (args.entry_code.empty()) throw Failure(Exit::usage, "ENTRY-CODE is required");
  Timings unused;
  const Source source = load(args, common.quiet, unused);
  const Campaign& campaign = *source.campaign;
  const auto entry = campaign.find_entry(args.entry_code);
  if (!entry) throw Failure(args.entry_code, entry.error());
  const auto board = campaign.score();
  if (!board) throw Failure(campaign.spec().name, board.error());
  const auto x = explain(campaign, *board, *entry);
  if (!x) throw Failure(args.entry_code, x.error());
  if (common.json) {
    print_json({{"ok", true},
                {"command", "explain"},
                {"campaign", campaign.spec().name},
                {"explanation", nlohmann::json::parse(to_json(*x))}});
    return;
  }
  std::cout << to_text(*x, language_of(lang));
}

void add_campaign_source(CLI::App& cmd, CampaignArgs& args) {
  cmd.add_option("CAMPAIGN", args.campaign_document, "The campaign document (kexie.campaign/1)");
  cmd.add_option("--registry", args.registry,
                 "The registry: a document (kexie.registry/1), or a directory of CSV tables "
                 "registry-organizations.csv, registry-people.csv, … (docs/tables.md)");
  cmd.add_option("--entries", args.entries,
                 "The entries document (kexie.entries/1: entries, judges, assignments, marks, "
                 "vetoes), or an entries table (.csv: code, title, unit, category, team, …; "
                 "docs/tables.md) with --judges and the CSV tables below");
  cmd.add_option("--judges", args.judges,
                 "A CSV table of judges (code, person: a registry code) seated after the "
                 "entries, all or nothing; --assignments, --marks and --vetoes name judges by "
                 "these codes");
  cmd.add_option("--snapshot", args.snapshot,
                 "A snapshot file holding the campaign, instead of documents");
  cmd.add_option("--campaign", args.campaign,
                 "Which campaign of the snapshot, from 1 in the order they were saved")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd.add_option("--max-values", args.max_values,
                 "The most values (and keys) the registry or entries document may hold; by "
                 "default the library's limit, 2000000 (about 38000 entries)");
  cmd.add_option("--assignments", args.assignments,
                 "A CSV table of assignments (judge, entry; or 评委, 项目编号) added to the "
                 "campaign, all or nothing; judges by the entries document's codes, or with "
                 "--snapshot by their people's external keys");
  cmd.add_option("--marks", args.marks,
                 "A CSV table of marks (judge, entry, indicator, mark; UTF-8 or GB18030) added "
                 "after the assignments, all or nothing");
  cmd.add_option("--vetoes", args.vetoes,
                 "A CSV table of vetoes (judge, entry, veto, reason) added after the marks");
}

}  // namespace

void add_score_commands(CLI::App& app, CommonOptions& common) {
  auto args = std::make_shared<CampaignArgs>();
  CLI::App* score = app.add_subcommand(
      "score",
      "Score a campaign: award counts per category, the digest and the cusp count; write each "
      "output named with -o (.html: the self-contained report)");
  add_campaign_source(*score, *args);
  score->add_option("-o,--output", args->outputs,
                    "Write the results here, atomically (.json: kexie.results/1; .html: the "
                    "report; .xlsx: every result sheet in one workbook; .csv: the first sheet, "
                    "each other one beside it as <name>-<sheet>.csv)");
  score
      ->add_option("--csv-encoding", args->csv_encoding,
                   "The encoding of .csv outputs: utf8 (with a byte-order mark) or gb18030")
      ->capture_default_str();
  score
      ->add_option("--explanations", args->explanations,
                   "Each entry's explanation in results.json: summary (per indicator: value, "
                   "weight or points, contribution, marks and dropped counts; the tier reason) "
                   "or full (every judge's mark and the text in zh and en; about ten times the "
                   "size). One entry in full: kexie explain")
      ->capture_default_str()
      ->check(CLI::IsMember({"summary", "full"}));
  score->add_flag("--timings", args->timings,
                  "Print the wall-clock time of each step on stderr: reading the documents, "
                  "reading and importing each table, scoring, writing each output (with --json: "
                  "in \"timings\")");
  add_common_options(*score, common);
  score->footer(
      "Example:\n"
      "  kexie score examples/data/campaign.json --registry examples/data/registry.json \\\n"
      "      --entries examples/data/entries.json -o results.json -o results.html\n"
      "  kexie score examples/data/campaign.json --registry examples/data/registry.json \\\n"
      "      --entries judges-only.json --assignments examples/data/assignments.csv \\\n"
      "      --marks examples/data/marks.csv -o results.xlsx -o results.csv\n"
      "  kexie score --snapshot kexie.kxs -o results.html --lang zh");
  score->callback([args, &common] { run_score(*args, common); });

  CLI::App* explain_cmd = app.add_subcommand(
      "explain",
      "One entry's full explanation: every judge's marks, which were dropped, weights, "
      "conversions, total, rank and tier");
  add_campaign_source(*explain_cmd, *args);
  explain_cmd->add_option("ENTRY-CODE", args->entry_code,
                          "The entry's application number (required)");
  add_common_options(*explain_cmd, common);
  explain_cmd->footer(
      "Example:\n"
      "  kexie explain examples/data/campaign.json --registry examples/data/registry.json \\\n"
      "      --entries examples/data/entries.json ZJ2025-1216 --lang en");
  explain_cmd->callback([args, &common] { run_explain(*args, common); });
}

}  // namespace kexie::cli
