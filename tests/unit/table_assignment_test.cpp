// Tests for kexie/table_assignment.hpp: a proposal written as an assignments table
// reads back through `import_assignments` into a fresh campaign as the same pairs
// (English and Chinese headers, UTF-8 and GB18030), the explanation columns say what
// the proposal says, and a judge the table cannot name is refused.
#include "kexie/table_assignment.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "kexie/table_import.hpp"
#include "support/campaign_world.hpp"

namespace {

using kexie::AssignmentProposal;
using kexie::Campaign;
using kexie::EntryId;
using kexie::JudgeId;

// Eight judges (staff of enterprises 1 and 2, and two of enterprise 0) and four
// entries; the entry of enterprise 1 conflicts with its three judges.
struct Office {
  kexie_test::World w;
  Campaign c;
  std::vector<JudgeId> judges;
  std::vector<EntryId> entries;

  Office() : c(w.registry, spec(w)) {
    c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
    using EK = std::pair<int, int>;  // (enterprise, staff member)
    for (auto [e, k] :
         {EK{1, 0}, EK{1, 1}, EK{1, 2}, EK{2, 0}, EK{2, 1}, EK{2, 2}, EK{0, 4}, EK{0, 5}}) {
      judges.push_back(
          c.add_judge(w.staff[static_cast<std::size_t>(e)][static_cast<std::size_t>(k)]).value());
    }
    int i = 0;
    for (auto [e, k] : {EK{0, 0}, EK{0, 1}, EK{1, 3}, EK{2, 3}}) {
      entries.push_back(
          c.add_entry(kexie_test::proposal(w, "R-" + std::to_string(i++), e, k)).value());
    }
  }
  static kexie::CampaignSpec spec(const kexie_test::World& w) {
    kexie::CampaignSpec s = kexie_test::proposal_spec(w);
    s.panel.min_judges = 3;
    s.panel.max_judges_per_entry = 4;
    return s;
  }
};

std::vector<JudgeId> proposed_for(const AssignmentProposal& p, EntryId e) {
  std::vector<JudgeId> out;
  for (const kexie::AssignmentInput& pair : p.pairs) {
    if (pair.entry == e) out.push_back(pair.judge);
  }
  return out;
}

void round_trip(bool chinese, kexie::TextEncoding encoding) {
  Office office;
  kexie::AssignmentOptions o;
  o.seed = 5;
  const AssignmentProposal p = kexie::propose_assignment(office.c, o).value();
  ASSERT_EQ(p.pairs.size(), 12u);
  const kexie::ResultSheet sheet =
      kexie::assignment_sheet(office.c, office.w.registry, p, {.chinese = chinese}).value();
  EXPECT_EQ(sheet.header[0], chinese ? "评委" : "judge");
  EXPECT_EQ(sheet.header[1], chinese ? "项目编号" : "entry");
  EXPECT_EQ(sheet.header.size(), 7u);
  const std::string csv = kexie::to_csv(sheet, encoding).value();

  Office fresh;  // the same campaign, nothing assigned
  const kexie::Table t = kexie::Table::parse(csv).value();
  EXPECT_EQ(t.encoding(), encoding);
  ASSERT_TRUE(kexie::import_assignments(fresh.c, fresh.w.registry, t));
  for (EntryId e : fresh.entries) {
    EXPECT_EQ(fresh.c.judges_of(e), proposed_for(p, e)) << e;
  }
}

TEST(AssignmentSheet, RoundTripsThroughImportAssignments) {
  round_trip(false, kexie::TextEncoding::utf8);
}

TEST(AssignmentSheet, RoundTripsWithChineseHeadersInGb18030) {
  round_trip(true, kexie::TextEncoding::gb18030);
}

TEST(AssignmentSheet, NamesJudgesByTheCodesOfAJudgesTable) {
  Office office;
  kexie::JudgeCodes codes;
  for (std::size_t i = 0; i < office.judges.size(); ++i) {
    codes.emplace("J" + std::to_string(i + 1), office.judges[i]);
  }
  const AssignmentProposal p = kexie::propose_assignment(office.c, {}).value();
  const kexie::ResultSheet sheet =
      kexie::assignment_sheet(office.c, office.w.registry, p, {.explain = false, .judges = &codes})
          .value();
  EXPECT_EQ(sheet.rows[0][0].text.front(), 'J');
  Office fresh;
  ASSERT_TRUE(kexie::import_assignments(fresh.c, codes,
                                        kexie::Table::parse(kexie::to_csv(sheet).value()).value()));
  for (EntryId e : fresh.entries) EXPECT_EQ(fresh.c.judges_of(e), proposed_for(p, e)) << e;
  // A judge without a code cannot be named.
  codes.erase("J1");
  AssignmentProposal one;
  one.pairs.push_back({office.judges[0], office.entries[0]});
  auto refused = kexie::assignment_sheet(office.c, office.w.registry, one, {.judges = &codes});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule(), "table.field");
}

TEST(AssignmentSheet, ExplanationColumnsFollowTheProposal) {
  Office office;
  const AssignmentProposal p = kexie::propose_assignment(office.c, {}).value();
  const kexie::ResultSheet sheet = kexie::assignment_sheet(office.c, office.w.registry, p).value();
  EXPECT_EQ(sheet.header, (std::vector<std::string>{"judge", "entry", "judge_name", "organization",
                                                    "expertise", "shares_organization", "cost"}));
  ASSERT_EQ(sheet.rows.size(), p.pairs.size());
  for (std::size_t i = 0; i < p.pairs.size(); ++i) {
    const auto& row = sheet.rows[i];
    const kexie::Person person =
        office.w.registry.person(office.c.judge_person(p.pairs[i].judge).value()).value();
    EXPECT_EQ(row[0].text, person.external_key);
    EXPECT_EQ(row[1].text, office.c.entry(p.pairs[i].entry).value().spec.code);
    EXPECT_EQ(row[2].text, person.name);
    const kexie::EntryAssignment& ea = p.entries[p.pairs[i].entry.value() - 1];
    auto why = std::find_if(ea.judges.begin(), ea.judges.end(), [&](const kexie::JudgeChoice& c) {
      return c.judge == p.pairs[i].judge;
    });
    ASSERT_NE(why, ea.judges.end());
    EXPECT_EQ(row[3].text, office.w.registry.organization(why->organization).value().name);
    EXPECT_EQ(row[4].text, why->expertise ? "yes" : "no");
    EXPECT_EQ(row[5].text, why->shares_organization ? "yes" : "no");
    EXPECT_EQ(row[6].text, std::to_string(why->cost));
    ASSERT_TRUE(row[6].number.has_value());
  }
  // Without explanations: the two columns the importer reads.
  EXPECT_EQ(kexie::assignment_sheet(office.c, office.w.registry, p, {.explain = false})
                .value()
                .header.size(),
            2u);
}

TEST(AssignmentSheet, RefusesAJudgeTheTableCannotName) {
  Office office;
  auto keyless = office.w.registry
                     .add_person({.name = "无工号",
                                  .birth = kexie::Date::from_ymd(1970, 1, 1).value(),
                                  .employer = office.w.enterprises[2]})
                     .value();
  const JudgeId j = office.c.add_judge(keyless).value();
  AssignmentProposal p;
  p.pairs.push_back({j, office.entries[0]});
  auto sheet = kexie::assignment_sheet(office.c, office.w.registry, p);
  ASSERT_FALSE(sheet);
  EXPECT_EQ(sheet.error().code(), kexie::ErrorCode::invalid_argument);
  EXPECT_EQ(sheet.error().rule(), "table.field");
  EXPECT_NE(sheet.error().message().find("无工号"), std::string::npos);
  // An unknown judge or entry: not_found.
  p.pairs = {{JudgeId{99}, office.entries[0]}};
  EXPECT_EQ(kexie::assignment_sheet(office.c, office.w.registry, p).error().code(),
            kexie::ErrorCode::not_found);
  p.pairs = {{office.judges[0], EntryId{99}}};
  EXPECT_EQ(kexie::assignment_sheet(office.c, office.w.registry, p).error().code(),
            kexie::ErrorCode::not_found);
}

}  // namespace
