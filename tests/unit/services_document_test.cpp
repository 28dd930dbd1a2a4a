// kexie.services/1 (issue 20): a desk's whole state and recommendation lists as a
// canonical document; reading it back gives the same desk (digest, trail, cases),
// writing that again the same bytes; a tampered trail, a wrong chain head, a case
// that disagrees with its trail, unknown codes and keys are refused with their
// pointers, and the trail check is the snapshot loader's.
#include "kexie/services_document.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kexie/recommendation.hpp"
#include "service_fixture.hpp"

namespace {

using namespace kexie_test;

// A desk with requests in several states, proposals (one entered into a campaign),
// a refusal in its trail, and one recommendation list.
struct DeskWorld {
  ServiceWorld w;
  CampaignTour tour{w};
  kexie::ServiceDesk desk{
      w.reg,
      kexie::ServicePolicy{.education_years = 2, .young_priority = false, .answer_due_days = 15}};
  kexie::RegistryCodes codes;
  std::vector<kexie::ProgrammeList> lists;
  DeskWorld() {
    const auto at = ts("2026-03-02T09:00:00Z");
    auto r1 = desk.submit({.applicant = w.li,
                           .association = w.ent,
                           .kind = kexie::ServiceKind::patent_application,
                           .title = "装置",
                           .patent_type = kexie::PatentType::invention},
                          ts("2026-03-01T09:00:00Z"))
                  .value();
    desk.accept(r1, w.ent_sg, at).value();
    desk.start(r1, w.ent_sg, at).value();
    desk.forward(r1, w.ent_sg, at, "国家知识产权局", "201710601862.3").value();
    (void)desk.grant(r1, w.wang, at, "");  // refused: not staff
    auto r2 = desk.submit({.applicant = w.li,
                           .association = w.ent,
                           .kind = kexie::ServiceKind::title_evaluation,
                           .title = "副高",
                           .target_title = kexie::Title::associate_senior},
                          at)
                  .value();
    desk.decline(r2, w.ent_sg, at, "名额已满\n明年再报").value();
    auto p = desk.file({.proposer = w.li,
                        .association = w.ent,
                        .kind = kexie::ProposalKind::rationalization,
                        .title = "煤气回收",
                        .text = "增设除尘"},
                       at)
                 .value();
    desk.acknowledge(p, w.ent_sg, at).value();
    desk.answer(p, w.ent_sg, at, "可行").value();
    desk.adopt(p, w.ent_sg, at).value();
    kexie::EntrySpec extras;
    extras.in_use_since = "2025-06-01"_date;
    desk.enter_campaign(p, *tour.campaign, w.ent_sg, at, extras).value();
    desk.file({.proposer = w.wang,
               .association = w.ent,
               .kind = kexie::ProposalKind::appeal,
               .title = "补贴",
               .text = "夜班"},
              at)
        .value();
    codes.organizations = {{"ZJ", w.zj}, {"HZ", w.hz}, {"ENT", w.ent}};
    codes.people = {{"LI", w.li}, {"WANG", w.wang}, {"ENT-SG", w.ent_sg}};
    kexie::Programme prog{.name = "青年托举", .min_title = kexie::Title::intermediate};
    const std::vector<kexie::PersonId> nominees{w.li, w.wang, w.zhao};
    lists.push_back({prog, kexie::recommend(w.reg, prog, nominees, "2026-06-30"_date).value()});
  }
  [[nodiscard]] std::string text() const {
    return kexie::write_services_document(desk, lists, codes);
  }
};

std::string replace(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

}  // namespace

TEST(ServicesDocument, ADeskRoundTripsWhole) {
  DeskWorld d;
  const std::string text = d.text();
  EXPECT_NE(text.find("\"format\": \"kexie.services/1\""), std::string::npos);
  EXPECT_NE(text.find("\"chain_head\": \"" + d.desk.chain_head().to_string() + "\""),
            std::string::npos);
  EXPECT_NE(text.find("\"hash\": \"" + kexie::to_hex(d.desk.audit_trail()[0].hash) + "\""),
            std::string::npos);
  EXPECT_NE(text.find("\"applicant\": \"LI\""), std::string::npos);
  EXPECT_NE(text.find("\"person\": \"person:"), std::string::npos);  // no code: by id
  EXPECT_NE(text.find("\"rule\": \"recommend.title\""), std::string::npos);
  auto back = kexie::read_services_document(text, d.w.reg, d.codes);
  ASSERT_TRUE(back.ok()) << back.error();
  const kexie::ServiceDesk& desk = back.value().desk;
  EXPECT_EQ(desk.digest(), d.desk.digest());
  EXPECT_EQ(desk.policy(), d.desk.policy());
  EXPECT_EQ(desk.chain_head(), d.desk.chain_head());
  ASSERT_EQ(desk.audit_trail().size(), d.desk.audit_trail().size());
  for (std::size_t i = 0; i < desk.audit_trail().size(); ++i)
    EXPECT_EQ(desk.audit_trail()[i], d.desk.audit_trail()[i]) << i;
  for (std::uint32_t i = 1; i <= 2; ++i) {
    EXPECT_EQ(*desk.request(kexie::ServiceRequestId{i}),
              *d.desk.request(kexie::ServiceRequestId{i}));
    EXPECT_EQ(*desk.proposal(kexie::ProposalId{i}), *d.desk.proposal(kexie::ProposalId{i}));
  }
  ASSERT_TRUE(desk.proposal(kexie::ProposalId{1})->entered.has_value());
  EXPECT_EQ(back.value().recommendations, d.lists);
  EXPECT_EQ(kexie::write_services_document(desk, back.value().recommendations, d.codes), text);
  // The desk read back carries on.
  kexie::ServiceDesk live = std::move(back.value().desk);
  EXPECT_TRUE(
      live.grant(kexie::ServiceRequestId{1}, d.w.ent_sg, ts("2026-09-01T09:00:00Z"), "").ok());
  EXPECT_TRUE(live.verify_audit().ok());
  // Without codes, everyone is named by id and still read back.
  const std::string bare = kexie::write_services_document(d.desk, {}, {});
  auto again = kexie::read_services_document(bare, d.w.reg, {});
  ASSERT_TRUE(again.ok()) << again.error();
  EXPECT_EQ(again.value().desk.digest(), d.desk.digest());
}

TEST(ServicesDocument, AnEmptyDeskRoundTrips) {
  ServiceWorld w;
  kexie::ServiceDesk desk(w.reg);
  const std::string text = kexie::write_services_document(desk, {}, {});
  auto back = kexie::read_services_document(text, w.reg, {});
  ASSERT_TRUE(back.ok()) << back.error();
  EXPECT_EQ(back.value().desk.digest(), desk.digest());
  EXPECT_EQ(back.value().desk.chain_head(), desk.chain_head());
}

TEST(ServicesDocument, ATamperedTrailIsRefusedAsTheSnapshotLoaderRefusesIt) {
  DeskWorld d;
  const std::string text = d.text();
  const auto refused = [&](const std::string& bad) {
    auto r = kexie::read_services_document(bad, d.w.reg, d.codes);
    EXPECT_FALSE(r.ok());
    if (r.ok()) return std::string();
    EXPECT_EQ(r.error().code(), kexie::ErrorCode::corrupt_data) << r.error();
    EXPECT_EQ(r.error().rule(), "services.trail");
    EXPECT_EQ(r.problems().at(0).pointer, "/trail");
    return r.error().message();
  };
  // A reason changed after the fact: the record's hash no longer matches.
  EXPECT_NE(refused(replace(text, "\"reason\": \"名额已满\\n明年再报\",\n      \"message\"",
                            "\"reason\": \"名额未满\",\n      \"message\"")),
            "");
  // A request's state that the trail does not replay to (hashes untouched).
  EXPECT_NE(refused(replace(text, "\"state\": \"declined\"", "\"state\": \"submitted\""))
                .find("disagrees"),
            std::string::npos);
  // A field no hash covers (a proposal's text): the desk's digest differs.
  auto r = kexie::read_services_document(replace(text, "\"增设除尘\"", "\"增设脱硫\""), d.w.reg,
                                         d.codes);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().rule(), "services.digest");
  EXPECT_EQ(r.problems().at(0).pointer, "/digest");
  // A chain head that is not the trail's (a truncated trail would have another).
  const std::string head = d.desk.chain_head().to_string();
  std::string other = head;
  other[other.size() - 1] = other.back() == '0' ? '1' : '0';
  EXPECT_NE(refused(replace(text, head, other)).find("chain_head"), std::string::npos);
}

TEST(ServicesDocument, StructuralProblemsAreListedWithTheirPointers) {
  DeskWorld d;
  const std::string text = d.text();
  const auto problems = [&](const std::string& bad) {
    auto r = kexie::read_services_document(bad, d.w.reg, d.codes);
    EXPECT_FALSE(r.ok());
    return r.ok() ? std::vector<kexie::DocumentProblem>{} : r.problems();
  };
  auto p = problems(replace(text, "\"applicant\": \"LI\"", "\"applicant\": \"NOBODY\""));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].pointer, "/requests/0/applicant");
  p = problems(replace(text, "\"answer_due_days\": 15", "\"answer_due_days\": 0"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].pointer, "/policy/answer_due_days");
  p = problems(replace(text, "\"young_priority\"", "\"young_priorty\""));
  EXPECT_GE(p.size(), 1u);
  p = problems(replace(text, "\"patent_type\": \"invention\"", "\"patent_type\": \"gadget\""));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].pointer, "/requests/0/patent_type");
  p = problems(replace(text, "\"previous\": \"0000", "\"previous\": \"zz00"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].pointer, "/trail/0/previous");
  p = problems(replace(text, "\"submitted\": \"2026-03-01T09:00:00Z\"", "\"submitted\": \"noon\""));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].pointer, "/requests/0/submitted");
  auto other = kexie::read_services_document(replace(text, "kexie.services/1", "kexie.services/2"),
                                             d.w.reg, d.codes);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code(), kexie::ErrorCode::unsupported_version);
  auto junk = kexie::read_services_document("{", d.w.reg, d.codes);
  ASSERT_FALSE(junk.ok());
  EXPECT_EQ(junk.error().code(), kexie::ErrorCode::corrupt_data);
}

TEST(ServicesDocument, TheExampleDocumentIsWhatTheWriterWrites) {
  DeskWorld d;
  const std::string path = KEXIE_SOURCE_DIR "/tests/data/documents/valid/services-desk.json";
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  EXPECT_EQ(s.str(), d.text()) << "regenerate " << path << " from this test's desk";
}
