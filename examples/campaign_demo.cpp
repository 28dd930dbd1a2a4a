// campaign_demo: a complete "讲理想、比贡献" campaign, generated deterministically.
// A provincial association (浙江省科协) with three city associations and twelve
// enterprise associations, each with two branches; ~300 entries across all six
// categories of A10 with claimed energy savings and benefits; nine judges with
// their own leniency, kept off their own enterprises' entries; rubrics whose
// weights come from AHP pairwise comparisons; an award scheme with quotas and
// minimum scores. Prints the award list, the advanced units and individuals,
// the panel's Kendall's W, and one entry's full explanation.
//
// Usage: campaign_demo [entries] [--documents DIR]   (accepted entries, default 300)
// With --documents, also writes the registry, the entries (with judges,
// assignments, marks and vetoes) and the results as kexie.registry/1,
// kexie.entries/1 and kexie.results/1 documents into DIR: examples/data/ holds
// the first two, next to campaign.json.
#include <kexie/kexie.hpp>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "kexie/literals.hpp"

using namespace kexie::literals;

namespace {

using kexie::Decimal;

// A deterministic generator: std::mt19937 is specified bit for bit by the standard;
// the distributions of <random> are not, so values are derived from it by hand.
struct Dice {
  std::mt19937 engine;
  explicit Dice(std::uint32_t seed) : engine(seed) {}
  int uniform(int lo, int hi) {  // inclusive; modulo bias is irrelevant for a demo
    return lo + static_cast<int>(engine() % static_cast<std::uint32_t>(hi - lo + 1));
  }
};

template <class T>
T must(kexie::Result<T> r, const char* what) {
  if (!r) {
    std::cerr << what << ": " << r.error() << '\n';
    std::exit(1);
  }
  return std::move(r).value();
}
void must(const kexie::Status& s, const char* what) {
  if (!s) {
    std::cerr << what << ": " << s.error() << '\n';
    std::exit(1);
  }
}

// The codes the documents name organizations and people by.
kexie::RegistryCodes codes;

kexie::OrgId add_org(kexie::Registry& reg, kexie::OrgKind kind, const std::string& name,
                     kexie::OrgId parent, const std::string& code,
                     kexie::LocalLevel level = kexie::LocalLevel::none,
                     const std::string& enterprise = {}) {
  const kexie::OrgSpec spec{
      .kind = kind,
      .name = name,
      .parent = parent,
      .effective = "2000-01-01"_date,
      .level = level,
      .enterprise = {.enterprise_name = enterprise, .ownership = kexie::Ownership::state}};
  const kexie::OrgId id = must(reg.add_organization(spec), "add_organization");
  codes.organizations.emplace(code, id);
  return id;
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) {
    std::cerr << "cannot write " << path << '\n';
    std::exit(1);
  }
}

// Weights of three judged indicators from an expert's pairwise comparisons (AHP,
// accepted only when CR < 0.10), quantized to 4 places summing exactly to 1.
std::vector<Decimal> ahp_weights(const std::vector<double>& upper) {
  const kexie::Matrix m = must(kexie::pairwise_from_upper(3, upper), "pairwise");
  const kexie::AhpOptions options{.require_consistency = true};
  const kexie::AhpResult r = must(kexie::ahp(m, options), "ahp");
  return must(kexie::quantize_weights(r.weights, 4), "quantize");
}

// One rubric per category: A (0.6) = three judged indicators with AHP weights;
// B (0.4) objective from the category's claimed figure; a bonus and a veto item.
kexie::Rubric rubric_for(kexie::Category category) {
  using kexie::IndicatorKind;
  const kexie::MarkScale hundred{Decimal(0), Decimal(100), "0.5"_dec};
  const std::vector<Decimal> w =
      ahp_weights({2, 3, 1.5});  // creativity ≻ difficulty ≻ practicality
  kexie::ObjectiveMap objective;
  std::string objective_name;
  switch (category) {
    case kexie::Category::rationalization_proposals:
    case kexie::Category::innovative_ideas:
      // energy-coefficients.md: benefit ≥ 500 000 yuan a year → top band, ≥ 100 000 → middle.
      objective = {kexie::ClaimedFigure::annual_benefit_yuan,
                   {{Decimal(500000), Decimal(95)}, {Decimal(100000), Decimal(70)}},
                   Decimal(40),
                   {},
                   {}};
      objective_name = "经济效益 annual benefit";
      break;
    case kexie::Category::technical_patents:
      objective = {kexie::ClaimedFigure::patents_granted_invention,
                   {{Decimal(3), Decimal(100)}, {Decimal(1), Decimal(80)}},
                   Decimal(50),
                   {},
                   {}};
      objective_name = "授权发明专利 granted invention patents";
      break;
    case kexie::Category::achievement_transformation:
      objective = {
          kexie::ClaimedFigure::energy_saved_tce, {}, Decimal(40), "0.1"_dec, Decimal(100)};
      objective_name = "节能量 energy saved (tce)";
      break;
    case kexie::Category::professional_skills:
    case kexie::Category::scientific_literacy:
      objective = {kexie::ClaimedFigure::hours_saved, {}, Decimal(40), "0.02"_dec, Decimal(100)};
      objective_name = "节约工时 hours saved";
      break;
  }
  const std::vector<kexie::IndicatorSpec> specs = {
      {"A", "评审指标 judged", "", IndicatorKind::group, "0.6"_dec, {}, {}, {}},
      {"A.1", "创新性 creativity", "A", IndicatorKind::judged, w[0], hundred, {}, {}},
      {"A.2", "技术难度 difficulty", "A", IndicatorKind::judged, w[1], hundred, {}, {}},
      {"A.3", "实用性 practicality", "A", IndicatorKind::judged, w[2], hundred, {}, {}},
      {"B", objective_name, "", IndicatorKind::objective, "0.4"_dec, {}, objective, {}},
      {"bonus",
       "推广价值 wider use (bonus)",
       "",
       IndicatorKind::bonus,
       {},
       {Decimal(0), Decimal(5), Decimal(1)},
       {},
       Decimal(3)},
      {"veto", "一票否决 veto", "", IndicatorKind::veto, {}, {}, {}, {}},
  };
  return must(kexie::Rubric::build(std::string(kexie::chinese_name(category)) + "评分细则", specs),
              "rubric");
}

}  // namespace

int main(int argc, char** argv) {
  int entry_count = 300;
  std::optional<std::filesystem::path> documents;
  for (int a = 1; a < argc; ++a) {
    const std::string arg = argv[a];
    if (arg == "--documents" && a + 1 < argc) {
      documents = argv[++a];
    } else {
      entry_count = std::atoi(argv[a]);
    }
  }
  kexie::CampaignEntries recorded;  // what --documents writes as kexie.entries/1
  Dice dice(20251130);

  // --- the registry: CAST → Zhejiang → three cities → twelve enterprise associations
  kexie::Registry reg;
  const auto cast = add_org(reg, kexie::OrgKind::national, "中国科协", {}, "CAST");
  const auto province =
      add_org(reg, kexie::OrgKind::local, "浙江省科协", cast, "ZJ", kexie::LocalLevel::provincial);
  const char* cities[] = {"杭州市科协", "宁波市科协", "温州市科协"};
  const char* firms[] = {"杭钢集团", "巨化集团", "海康威视", "吉利汽车", "浙能电力", "宁波港",
                         "镇海炼化", "方太厨具", "正泰电器", "瑞立集团", "华峰集团", "温州电厂"};
  std::vector<kexie::OrgId> enterprises;
  std::vector<std::vector<kexie::OrgId>> branches;
  std::vector<std::vector<kexie::PersonId>> staff;
  for (int c = 0; c < 3; ++c) {
    const auto city = add_org(reg, kexie::OrgKind::local, cities[c], province,
                              "ZJ-C" + std::to_string(c + 1), kexie::LocalLevel::prefecture);
    for (int f = 0; f < 4; ++f) {
      const std::string firm = firms[c * 4 + f];
      const std::string code = "ENT" + std::to_string(10 + c * 4 + f);
      const auto ent = add_org(reg, kexie::OrgKind::enterprise, firm + "科协", city, code,
                               kexie::LocalLevel::none, firm);
      enterprises.push_back(ent);
      branches.push_back(
          {add_org(reg, kexie::OrgKind::branch, firm + "研究院分会", ent, code + "-B1"),
           add_org(reg, kexie::OrgKind::branch, firm + "生产部分会", ent, code + "-B2")});
      staff.emplace_back();
      for (int p = 0; p < 40; ++p) {
        // Braced initializers are evaluated in order, so the dice roll as before.
        const kexie::PersonSpec ps{.name = firm + "·工程师" + std::to_string(p + 1),
                                   .birth = "1965-01-01"_date.add_days(dice.uniform(0, 13000)),
                                   .employer = ent,
                                   .external_key = "E" + std::to_string(p + 1),
                                   .title = static_cast<kexie::Title>(dice.uniform(1, 4))};
        const auto person = must(reg.add_person(ps), "add_person");
        codes.people.emplace(code + "-" + ps.external_key, person);
        must(reg.add_membership(person, ent, kexie::Role::member,
                                kexie::Period::from("2015-01-01"_date)),
             "add_membership");
        staff.back().push_back(person);
      }
    }
  }

  // --- the campaign
  const kexie::CampaignSpec spec{
      .name = "2025年浙江省企业“讲理想、比贡献”活动",
      .organizer = province,
      .as_of = "2025-11-30"_date,
      .year = 2024,
      .panel = {.aggregation = kexie::Aggregation::standard(),  // drop 1 + 1 from 5 marks up
                .min_judges = 5},
      .eligibility = {kexie::EligibilityRule::max_team_size(5),
                      kexie::EligibilityRule::min_months_in_use(3, "2025-10-31"_date)},
      .tie_breaks = {kexie::TieBreak::objective_total(), kexie::TieBreak::indicator("A.1"),
                     kexie::TieBreak::top_marks()},
      .awards = {.tiers = {kexie::AwardTier::by_share("一等奖", "0.10"_dec, "80"_dec),
                           kexie::AwardTier::by_share("二等奖", "0.20"_dec, "72"_dec),
                           kexie::AwardTier::by_share("三等奖", "0.30"_dec, "65"_dec)},
                 .cusp_margin = "0.5"_dec,
                 .units = {.min_awarded_entries = 8, .max_units = 5},
                 .individuals = {.top_tiers = 1, .min_share = "0.4"_dec, .max_people = 10}}};
  kexie::Campaign campaign(reg, spec);
  for (std::size_t c = 0; c < kexie::kCategoryCount; ++c) {
    must(campaign.set_rubric(static_cast<kexie::Category>(c),
                             rubric_for(static_cast<kexie::Category>(c))),
         "set_rubric");
  }

  // Nine judges: three senior engineers from each of three enterprises.
  std::vector<kexie::JudgeId> judges;
  std::vector<std::size_t> judge_home;
  std::array<int, 9> leniency{};
  for (std::size_t k = 0; k < 9; ++k) {
    const std::size_t home = (k / 3) * 4;  // enterprises 0, 4, 8
    judges.push_back(must(campaign.add_judge(staff[home][39 - k % 3]), "add_judge"));
    recorded.judges.push_back({"J" + std::to_string(k + 1), staff[home][39 - k % 3]});
    judge_home.push_back(home);
    leniency[k] = dice.uniform(-6, 6);
  }

  // Entries: latent quality drives marks; claims drive the objective indicators.
  std::vector<kexie::EntryId> ids;
  std::vector<int> quality;
  std::vector<std::string> refused;
  std::string first_refusal;
  for (int i = 0; static_cast<int>(ids.size()) < entry_count; ++i) {
    const auto e = static_cast<std::size_t>(dice.uniform(0, 11));
    kexie::EntrySpec es;
    es.code = "ZJ2025-" + std::to_string(1000 + i);
    es.category = static_cast<kexie::Category>(i % 6);
    es.title = std::string(kexie::chinese_name(es.category)) + "项目" + std::to_string(i + 1);
    es.unit =
        dice.uniform(0, 2) == 0 ? branches[e][static_cast<std::size_t>(i % 2)] : enterprises[e];
    es.focus = kexie::focus_bits({kexie::Focus::energy_saving, kexie::Focus::efficiency_gain});
    const int team = dice.uniform(1, 4);
    const std::string shares[][4] = {
        {"1"}, {"0.6", "0.4"}, {"0.5", "0.3", "0.2"}, {"0.4", "0.2", "0.2", "0.2"}};
    const auto first = static_cast<std::size_t>(dice.uniform(0, 30));
    for (int t = 0; t < team; ++t) {
      es.team.push_back({staff[e][first + static_cast<std::size_t>(t)],
                         kexie::Decimal::parse(shares[team - 1][t]).value()});
    }
    es.in_use_since = "2023-01-01"_date.add_days(dice.uniform(0, 1040));
    es.claims.annual_benefit_yuan = Decimal(dice.uniform(20, 900) * 1000);
    es.claims.hours_saved = Decimal(dice.uniform(100, 4000));
    es.claims.energy.push_back({kexie::Carrier::electricity_equivalent_value,
                                {Decimal(dice.uniform(10, 3000) * 1000), kexie::Unit::kWh}});
    if (i % 3 == 0) {
      es.claims.energy.push_back(
          {kexie::Carrier::raw_coal, {Decimal(dice.uniform(5, 400)), kexie::Unit::t}});
    }
    if (es.category == kexie::Category::technical_patents) {
      for (int p = dice.uniform(0, 4); p > 0; --p) {
        es.claims.patents.push_back({kexie::PatentType::invention, kexie::PatentStatus::granted,
                                     "ZL2024" + std::to_string(i * 10 + p)});
      }
    }
    auto added = campaign.add_entry(es);
    if (!added) {
      // Ineligible entries (in use under 3 months) are refused, naming every failed rule.
      if (refused.empty()) first_refusal = added.error().to_string();
      refused.push_back(es.code);
      continue;
    }
    ids.push_back(*added);
    recorded.entries.push_back(es);
    quality.push_back(dice.uniform(55, 95));
  }

  // Assign every judge not from the entry's enterprise (conflicts are refused anyway),
  // then mark: quality + the judge's leniency + noise, on the 0.5 step.
  const auto a_codes = {"A.1", "A.2", "A.3"};
  std::size_t conflicts = 0;
  for (std::size_t n = 0; n < ids.size(); ++n) {
    for (std::size_t k = 0; k < judges.size(); ++k) {
      auto assigned = campaign.assign(judges[k], ids[n]);
      if (!assigned) {
        ++conflicts;
        continue;
      }
      recorded.assignments.push_back({recorded.judges[k].code, recorded.entries[n].code});
      for (const char* code : a_codes) {
        const int half_points = 2 * (quality[n] + leniency[k]) + dice.uniform(-8, 8);
        const int clamped = std::clamp(half_points, 0, 200);
        const Decimal mark = must(Decimal::from_coefficient(clamped * 5, 1), "mark");
        must(campaign.mark(judges[k], ids[n], code, mark), "mark");
        recorded.marks.push_back({recorded.judges[k].code, recorded.entries[n].code, code, mark});
      }
      if (dice.uniform(0, 9) == 0) {
        const Decimal bonus(dice.uniform(1, 5));
        must(campaign.mark(judges[k], ids[n], "bonus", bonus), "bonus");
        recorded.marks.push_back(
            {recorded.judges[k].code, recorded.entries[n].code, "bonus", bonus});
      }
    }
  }
  const std::string veto_reason = "效益数据与财务报表不符 benefit figures contradict the accounts";
  must(campaign.veto(judges[0], ids[7], "veto", veto_reason), "veto");
  recorded.vetoes.push_back(
      {recorded.judges[0].code, recorded.entries[7].code, "veto", veto_reason});

  const kexie::Scoreboard board = must(campaign.score(), "score");

  // --- report
  std::cout << spec.name << "\n";
  std::cout << ids.size() << " entries from " << enterprises.size() << " enterprise associations, "
            << judges.size() << " judges, " << conflicts << " conflicted assignments refused\n";
  std::cout << refused.size() << " ineligible entries refused, e.g. " << first_refusal << "\n\n";
  std::cout << "== 获奖名单 award list\n";
  std::optional<kexie::Category> shown;
  for (const kexie::EntryResult& r : board.entries) {
    if (!r.tier) continue;
    if (shown != r.category) {
      shown = r.category;
      std::cout << "-- " << kexie::chinese_name(r.category) << " (" << kexie::to_string(r.category)
                << ")\n";
    }
    std::cout << "  " << r.award << "  " << r.code << "  " << r.total.rescaled(2).value()
              << "  rank " << std::left << std::setw(3) << r.rank << ' '
              << reg.organization(r.enterprise)->name << '\n';
  }
  std::map<std::string, int> per_tier;
  for (const auto& r : board.entries) per_tier[r.award.empty() ? "(none)" : r.award] += 1;
  std::cout << "  totals:";
  for (const auto& [tier, n] : per_tier) std::cout << ' ' << tier << '=' << n;
  std::cout << "\n\n== 先进单位 advanced units\n";
  for (const kexie::AdvancedUnit& u : board.units) {
    std::cout << "  " << reg.organization(u.unit)->name << ": " << u.awarded << " of " << u.entries
              << " entries awarded, participation " << u.participation_rate << ", "
              << u.tce_saved.rescaled(1).value() << " tce saved\n";
  }
  std::cout << "\n== 先进个人 advanced individuals\n";
  for (const kexie::AdvancedIndividual& p : board.people) {
    std::cout << "  " << reg.person(p.person)->name << "  credit " << p.credit.rescaled(2).value()
              << "  (" << p.entries.size() << " first-prize entr"
              << (p.entries.size() > 1 ? "ies" : "y") << ")\n";
  }
  std::cout << "\n== cusp report: " << board.cusps.size() << " entries within "
            << spec.awards.cusp_margin << " of a tier boundary, worth re-judging\n";

  // Panel agreement on A.1 of one category, over the entries all nine judges marked
  // (judges never mark their own enterprises' entries).
  std::vector<kexie::EntryId> common;
  for (kexie::EntryId id : ids) {
    if (campaign.entry(id).value().spec.category == kexie::Category::rationalization_proposals &&
        campaign.judges_of(id) == judges) {
      common.push_back(id);
    }
  }
  const std::vector<kexie::JudgeId>& panel = judges;
  const kexie::PanelMarks marks = must(campaign.panel_marks("A.1", panel, common), "panel_marks");
  const kexie::KendallW w = must(kexie::kendall_w(marks), "kendall_w");
  std::cout << "\n== panel agreement (合理化建议, A.1 创新性): Kendall's W = "
            << std::setprecision(4) << w.w << " over " << w.judges << " judges × " << w.entries
            << " entries, χ² = " << w.chi_squared << " (df " << w.df
            << "), p = " << std::setprecision(3) << w.p_value
            << (w.p_value < 0.05 ? " — the panel agrees\n" : " — the panel disagrees\n");

  // One entry's full explanation: the best first prize.
  for (const kexie::EntryResult& r : board.entries) {
    if (r.tier && *r.tier == 0) {
      const kexie::Explanation x = must(kexie::explain(campaign, board, r.entry), "explain");
      std::cout << "\n== explanation / 评分说明\n"
                << kexie::to_text(x, kexie::Language::chinese) << '\n'
                << kexie::to_text(x, kexie::Language::english);
      break;
    }
  }
  std::cout << "\nresult digest (SHA-256 of the full table): " << board.digest() << '\n';

  // Save everything to a snapshot, load it back and score again: same digest.
  const std::filesystem::path file = std::filesystem::temp_directory_path() / "campaign_demo.kxs";
  must(kexie::save_snapshot(kexie::SnapshotView(reg).add(campaign), file), "save snapshot");
  kexie::Snapshot loaded = must(kexie::load_snapshot(file), "load snapshot");
  const kexie::Scoreboard again = must(loaded.campaigns()[0].score(), "score the loaded campaign");
  std::cout << "snapshot " << file.string() << ": " << std::filesystem::file_size(file)
            << " bytes; reloaded, " << loaded.registry().person_count() << " people, "
            << loaded.campaigns()[0].entry_count() << " entries, digest "
            << (again.digest() == board.digest() ? "identical" : "DIFFERENT") << '\n';
  std::filesystem::remove(file);

  if (documents) {
    std::filesystem::create_directories(*documents);
    write_file(*documents / "registry.json", kexie::write_registry_document(reg, codes));
    write_file(*documents / "entries.json", kexie::write_entries_document(recorded, codes));
    write_file(*documents / "results.json",
               must(kexie::write_results_document(campaign, board, codes), "results"));
    std::cout << "documents: " << (*documents / "registry.json").string() << ", "
              << (*documents / "entries.json").string() << ", "
              << (*documents / "results.json").string() << '\n';
  }
  return again.digest() == board.digest() ? 0 : 1;
}
