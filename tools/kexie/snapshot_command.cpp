// `kexie snapshot info FILE` and `kexie snapshot verify FILE`: what a snapshot
// holds (format version, counts, audit chain heads) and whether it is sound
// (load_snapshot's checks, then every audit chain and every campaign's scoring
// re-run, with each concluded campaign's digest compared to a fresh score).
#include <fstream>
#include <iostream>

#include "atomic_file.hpp"
#include "commands.hpp"
#include "kexie/campaign_document.hpp"
#include "kexie/registry_document.hpp"
#include "kexie/results_document.hpp"
#include "kexie/snapshot.hpp"

namespace kexie::cli {
namespace {

struct SnapshotArgs {
  std::string file;
  std::string output;
  std::string document = "registry";
  std::size_t campaign = 1;
};

Snapshot load(const std::string& file) {
  auto snap = load_snapshot(std::filesystem::path(file));
  if (!snap) throw Failure(file, snap.error());
  return std::move(*snap);
}

// The format version from the frame header. docs/formats.md fixes its place
// (bytes 8-9, little-endian) for every version; load_snapshot checked it.
unsigned format_version(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  unsigned char header[10] = {};
  if (!in.read(reinterpret_cast<char*>(header), sizeof header)) {
    throw Failure(Exit::input, "cannot read " + file);
  }
  return static_cast<unsigned>(header[8]) | (static_cast<unsigned>(header[9]) << 8U);
}

void run_info(const SnapshotArgs& args, CommonOptions& common) {
  const Lang lang = common.language();
  const Snapshot snap = load(args.file);
  const unsigned version = format_version(args.file);
  const Registry& reg = snap.registry();
  nlohmann::json books = nlohmann::json::array();
  for (const ActivityBook& book : snap.activity_books()) {
    books.push_back(
        {{"records", book.audit_trail().size()}, {"chain_head", book.chain_head().to_string()}});
  }
  nlohmann::json campaigns = nlohmann::json::array();
  for (const Campaign& c : snap.campaigns()) {
    campaigns.push_back({{"name", c.spec().name},
                         {"phase", to_string(c.phase())},
                         {"entries", c.entry_count()},
                         {"judges", c.judge_count()},
                         {"concluded_digest", c.concluded_digest()},
                         {"award_digest", c.award_digest()}});
  }
  const nlohmann::json counts = {{"organizations", reg.organization_count()},
                                 {"people", reg.person_count()},
                                 {"appointments", reg.appointment_count()},
                                 {"honours", reg.honour_count()},
                                 {"activity_books", books.size()},
                                 {"campaigns", campaigns.size()}};
  if (common.json) {
    print_json({{"ok", true},
                {"command", "snapshot info"},
                {"file", args.file},
                {"format_version", version},
                {"counts", counts},
                {"activity_books", books},
                {"campaigns", campaigns}});
    return;
  }
  std::cout << args.file << ": " << say(lang, "快照格式版本", "snapshot format version") << ' '
            << version << '\n';
  for (const auto& [key, value] : counts.items()) std::cout << "  " << key << ": " << value << '\n';
  std::size_t n = 0;
  for (const auto& book : books) {
    std::cout << "  " << say(lang, "活动簿", "activity book") << ' ' << ++n << ": "
              << book["records"].get<std::size_t>() << ' '
              << say(lang, "条审计记录，链头", "audit records, chain head") << ' '
              << book["chain_head"].get<std::string>() << '\n';
  }
  for (const auto& c : campaigns) {
    std::cout << "  " << say(lang, "评比", "campaign") << " \"" << c["name"].get<std::string>()
              << "\": " << c["phase"].get<std::string>() << ", " << c["entries"] << ' '
              << say(lang, "个项目", "entries") << ", " << c["judges"] << ' '
              << say(lang, "位评委", "judges") << '\n';
  }
}

void run_verify(const SnapshotArgs& args, CommonOptions& common) {
  const Lang lang = common.language();
  const Snapshot snap = load(args.file);
  nlohmann::json checks = nlohmann::json::array();
  bool all_ok = true;
  auto check = [&](std::string what, bool ok, std::string detail) {
    all_ok = all_ok && ok;
    checks.push_back({{"check", std::move(what)}, {"ok", ok}, {"detail", std::move(detail)}});
  };
  check("frame, checksum, references and rules on load", true, "load_snapshot");
  std::size_t n = 0;
  for (const ActivityBook& book : snap.activity_books()) {
    const AuditVerification v = book.verify_audit();
    check("activity book " + std::to_string(++n) + " audit chain", v.ok(),
          v.ok() ? book.chain_head().to_string() : v.message);
  }
  for (const Campaign& c : snap.campaigns()) {
    const auto board = c.score();
    if (!board) {
      check("campaign \"" + c.spec().name + "\" scores", false, board.error().to_string());
      continue;
    }
    check("campaign \"" + c.spec().name + "\" scores", true, board->digest());
    if (!c.concluded_digest().empty()) {
      check("campaign \"" + c.spec().name + "\" concluded digest",
            c.concluded_digest() == board->digest(), c.concluded_digest());
    }
  }
  if (!all_ok) common.exit = Exit::refused;
  if (common.json) {
    print_json(
        {{"ok", all_ok}, {"command", "snapshot verify"}, {"file", args.file}, {"checks", checks}});
    return;
  }
  for (const auto& c : checks) {
    std::cout << (c["ok"].get<bool>() ? "ok    " : "FAIL  ") << c["check"].get<std::string>()
              << "  " << c["detail"].get<std::string>() << '\n';
  }
  std::cout << args.file << ": "
            << (all_ok ? say(lang, "校验通过", "verified")
                       : say(lang, "校验未通过", "verification FAILED"))
            << '\n';
}

// The snapshot as a document: its registry (kexie.registry/1), or one campaign's
// rules (kexie.campaign/1) or results (kexie.results/1). A snapshot keeps no
// codes, so organizations and people are named "org:12" / "person:7".
void run_export(const SnapshotArgs& args, CommonOptions& common) {
  const Lang lang = common.language();
  const Snapshot snap = load(args.file);
  const RegistryCodes codes;
  std::string text;
  if (args.document == "registry") {
    text = write_registry_document(snap.registry(), codes);
  } else {
    if (args.campaign < 1 || args.campaign > snap.campaigns().size()) {
      throw Failure(Exit::refused, args.file + ": no campaign " + std::to_string(args.campaign) +
                                       " (it holds " + std::to_string(snap.campaigns().size()) +
                                       ")");
    }
    const Campaign& c = snap.campaigns()[args.campaign - 1];
    if (args.document == "campaign") {
      text = write_campaign_document(campaign_rules(c, to_string(c.spec().organizer)));
    } else {
      const auto board = c.score();
      if (!board) throw Failure(c.spec().name, board.error());
      auto results = write_results_document(c, *board, codes);
      if (!results) throw Failure(c.spec().name, results.error());
      text = std::move(*results);
    }
  }
  write_atomically(args.output, text);
  if (common.json) {
    print_json({{"ok", true},
                {"command", "snapshot export"},
                {"file", args.file},
                {"document", args.document},
                {"output", args.output},
                {"bytes", text.size()}});
    return;
  }
  if (!common.quiet) std::cout << say(lang, "已写入", "wrote") << ' ' << args.output << '\n';
}

}  // namespace

void add_snapshot_command(CLI::App& app, CommonOptions& common) {
  CLI::App* snapshot = app.add_subcommand("snapshot", "Inspect and verify snapshot files (.kxs)");
  snapshot->require_subcommand(1);
  snapshot->footer("Example:\n  kexie snapshot verify kexie.kxs");
  auto args = std::make_shared<SnapshotArgs>();
  CLI::App* info = snapshot->add_subcommand(
      "info", "Format version, counts, audit chain heads and campaigns of a snapshot");
  info->add_option("FILE", args->file, "The snapshot file")->required();
  add_common_options(*info, common);
  info->footer("Example:\n  kexie snapshot info kexie.kxs --json");
  info->callback([args, &common] { run_info(*args, common); });
  CLI::App* verify = snapshot->add_subcommand(
      "verify",
      "Re-check a snapshot: its frame and checksum, every reference and rule on load, every "
      "audit chain, and every campaign's scoring (a concluded campaign's digest must match). "
      "Exit 1 when a check fails, 3 when the file is unreadable or corrupt");
  verify->add_option("FILE", args->file, "The snapshot file")->required();
  add_common_options(*verify, common);
  verify->footer("Example:\n  kexie snapshot verify kexie.kxs");
  verify->callback([args, &common] { run_verify(*args, common); });
  CLI::App* exp = snapshot->add_subcommand(
      "export",
      "Write a snapshot's registry (kexie.registry/1), or one campaign's rules "
      "(kexie.campaign/1) or results (kexie.results/1), as a document, atomically");
  exp->add_option("FILE", args->file, "The snapshot file")->required();
  exp->add_option("-o,--output", args->output, "The document to write")->required();
  exp->add_option("--document", args->document, "Which document")
      ->check(CLI::IsMember({"registry", "campaign", "results"}))
      ->capture_default_str();
  exp->add_option("--campaign", args->campaign, "Which campaign, from 1")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  add_common_options(*exp, common);
  exp->footer("Example:\n  kexie snapshot export kexie.kxs --document campaign -o campaign.json");
  exp->callback([args, &common] { run_export(*args, common); });
}

}  // namespace kexie::cli
