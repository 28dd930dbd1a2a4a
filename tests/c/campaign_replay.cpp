// campaign_replay: scores a campaign described in a small text file with the
// C++ API alone and prints its award list and scoreboard digest. The Python
// end-to-end test (bindings/python/tests/test_end_to_end.py) builds the same
// campaign through the C API and checks that both print the same lines.
//
// Input, one record a line (names without spaces):
//   org <kind> <parent> <effective> <level> <name>
//   person <employer> <birth> <key>
//   member <person> <org> <first>
//   entry <code> <unit> <category> <leader> <benefit> <in_use_since>
//   judge <person>
//   assign <judge#> <code>
//   mark <judge#> <code> <indicator> <value>
// Output: "award <code> <tier> <total>" per awarded entry in board order, then
// "digest <hex>".
#include <kexie/kexie.hpp>

#include <fstream>
#include <optional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace kexie::literals;

namespace {

// The rubric the test uses for every category (the same as the Python test's).
kexie::Rubric rubric() {
  using K = kexie::IndicatorKind;
  const kexie::MarkScale hundred{kexie::Decimal(0), kexie::Decimal(100), "0.5"_dec};
  kexie::ObjectiveMap benefit{kexie::ClaimedFigure::annual_benefit_yuan,
                              {{kexie::Decimal(500000), kexie::Decimal(95)},
                               {kexie::Decimal(100000), kexie::Decimal(70)}},
                              kexie::Decimal(40), {}, {}};
  const std::vector<kexie::IndicatorSpec> specs = {
      {"A", "judged", "", K::group, "0.6"_dec, {}, {}, {}},
      {"A.1", "creativity", "A", K::judged, "0.5"_dec, hundred, {}, {}},
      {"A.2", "practicality", "A", K::judged, "0.5"_dec, hundred, {}, {}},
      {"B", "benefit", "", K::objective, "0.4"_dec, {}, benefit, {}},
  };
  return kexie::Rubric::build("rubric", specs).value();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: campaign_replay <file>\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  kexie::Registry reg;
  std::optional<kexie::Campaign> campaign;
  std::vector<kexie::JudgeId> judges;
  std::string line;
  auto open_campaign = [&](kexie::OrgId organizer) {
    kexie::CampaignSpec spec;
    spec.name = "replay";
    spec.organizer = organizer;
    spec.as_of = "2025-11-30"_date;
    spec.year = 2024;
    spec.tie_breaks = {kexie::TieBreak::objective_total(), kexie::TieBreak::indicator("A.1"),
                       kexie::TieBreak::top_marks()};
    spec.awards.tiers = {kexie::AwardTier::by_share("first", "0.10"_dec, "80"_dec),
                         kexie::AwardTier::by_share("second", "0.20"_dec, "72"_dec),
                         kexie::AwardTier::by_share("third", "0.30"_dec, "65"_dec)};
    spec.awards.individuals.min_share = "0.4"_dec;
    campaign.emplace(reg, spec);
    for (auto c : {kexie::Category::rationalization_proposals, kexie::Category::innovative_ideas})
      campaign->set_rubric(c, rubric()).value();
  };
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::string what;
    ls >> what;
    if (what == "org") {
      int kind = 0, level = 0;
      std::uint32_t parent = 0;
      std::string eff, name;
      ls >> kind >> parent >> eff >> level >> name;
      kexie::OrgSpec s;
      s.kind = static_cast<kexie::OrgKind>(kind);
      s.name = name;
      s.parent = kexie::OrgId{parent};
      s.effective = kexie::Date::parse(eff).value();
      s.level = static_cast<kexie::LocalLevel>(level);
      if (s.kind == kexie::OrgKind::enterprise) s.enterprise.enterprise_name = name;
      const kexie::OrgId id = reg.add_organization(s).value();
      if (s.kind == kexie::OrgKind::local && s.level == kexie::LocalLevel::provincial)
        open_campaign(id);
    } else if (what == "person") {
      std::uint32_t employer = 0;
      std::string birth, key;
      ls >> employer >> birth >> key;
      kexie::PersonSpec s;
      s.name = key;
      s.birth = kexie::Date::parse(birth).value();
      s.employer = kexie::OrgId{employer};
      s.external_key = key;
      reg.add_person(s).value();
    } else if (what == "member") {
      std::uint32_t person = 0, org = 0;
      std::string first;
      ls >> person >> org >> first;
      reg.add_membership(kexie::PersonId{person}, kexie::OrgId{org}, kexie::Role::member,
                         kexie::Period::from(kexie::Date::parse(first).value()))
          .value();
    } else if (what == "entry") {
      std::string code, benefit, since;
      std::uint32_t unit = 0, leader = 0;
      int category = 0;
      ls >> code >> unit >> category >> leader >> benefit >> since;
      kexie::EntrySpec e;
      e.code = code;
      e.title = code;
      e.unit = kexie::OrgId{unit};
      e.category = static_cast<kexie::Category>(category);
      e.team = {{kexie::PersonId{leader}, kexie::Decimal(1)}};
      e.in_use_since = kexie::Date::parse(since).value();
      e.claims.annual_benefit_yuan = kexie::Decimal::parse(benefit).value();
      campaign->add_entry(e).value();
    } else if (what == "judge") {
      std::uint32_t person = 0;
      ls >> person;
      judges.push_back(campaign->add_judge(kexie::PersonId{person}).value());
    } else if (what == "assign") {
      std::size_t j = 0;
      std::string code;
      ls >> j >> code;
      campaign->assign(judges.at(j), campaign->find_entry(code).value()).value();
    } else if (what == "mark") {
      std::size_t j = 0;
      std::string code, indicator, value;
      ls >> j >> code >> indicator >> value;
      campaign->mark(judges.at(j), campaign->find_entry(code).value(), indicator, kexie::Decimal::parse(value).value())
          .value();
    }
  }
  const kexie::Scoreboard board = campaign->score().value();
  for (const kexie::EntryResult& r : board.entries)
    if (r.tier) std::cout << "award " << r.code << ' ' << *r.tier << ' ' << r.total << '\n';
  std::cout << "digest " << board.digest() << '\n';
  return 0;
}
