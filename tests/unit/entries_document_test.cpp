// kexie.entries/1 and the whole demo from documents: registry.json, campaign.json and
// entries.json score to the C++ demo's digest.
#include "kexie/entries_document.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "kexie/campaign_document.hpp"
#include "kexie/registry_document.hpp"

namespace {

std::string read(const std::string& name) {
  std::ifstream in(std::string(KEXIE_SOURCE_DIR "/examples/data/") + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

// examples/campaign_demo prints it; tests/unit/campaign_test.cpp checks it too.
constexpr const char* kDemoDigest =
    "06b581a1a9064e963ddb672bab79ba3df3efc3879c5bd868f9df0443c7aec57f";

// The demo's documents as one line: whitespace outside strings dropped.
std::string minify(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\') {
        out += text[++i];
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
      out += c;
    } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
      out += c;
    }
  }
  return out;
}

// Characters (not bytes) of UTF-8 `text`.
std::size_t characters(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// The registry, the rules and the entries text are read once for the suite (they are
// only read from).
class EntriesDocument : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    loaded =
        new kexie::LoadedRegistry(kexie::read_registry_document(read("registry.json")).value());
    rules = new kexie::CampaignRules(kexie::read_campaign_document(read("campaign.json")).value());
    entries = new std::string(read("entries.json"));
  }
  static void TearDownTestSuite() {
    delete loaded;
    delete rules;
    delete entries;
  }
  static kexie::LoadedRegistry* loaded;
  static kexie::CampaignRules* rules;
  static std::string* entries;
};
kexie::LoadedRegistry* EntriesDocument::loaded = nullptr;
kexie::CampaignRules* EntriesDocument::rules = nullptr;
std::string* EntriesDocument::entries = nullptr;

TEST_F(EntriesDocument, DemoDocumentsScoreToTheDemoDigest) {
  const std::string& text = *entries;
  const auto e = kexie::read_entries_document(text, loaded->codes);
  ASSERT_TRUE(e) << e.error();
  EXPECT_EQ(kexie::write_entries_document(e.value(), loaded->codes), text);  // canonical
  EXPECT_EQ(e.value().entries.size(), 300u);
  EXPECT_EQ(e.value().judges.size(), 9u);
  EXPECT_EQ(e.value().vetoes.size(), 1u);
  const auto c = kexie::load_campaign(loaded->registry, loaded->codes, *rules, e.value());
  ASSERT_TRUE(c) << c.error();
  EXPECT_EQ(c.value().score().value().digest(), kDemoDigest);

  // All or nothing: one mark off its step refuses the whole load, naming the row.
  kexie::CampaignEntries bad = e.value();
  bad.marks[5].mark = kexie::Decimal::parse("88.25").value();
  const auto refused = kexie::load_campaign(loaded->registry, loaded->codes, *rules, bad);
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.problems().size(), 1u);
  EXPECT_EQ(refused.problems()[0].pointer, "/marks/5");
}

// One document with all three mistakes, read once: two unknown codes and a short row.
TEST_F(EntriesDocument, UnknownCodesAndShortRowsAreLocated) {
  std::string text = replace(*entries, "\"unit\": \"ENT16\"", "\"unit\": \"ENT99\"");
  text = replace(text, "[\"J2\", \"ZJ2025-1000\", \"A.1\"", "[\"J99\", \"ZJ2025-1000\", \"A.1\"");
  text = replace(text, "[\"J2\", \"ZJ2025-1000\", \"A.2\", ", "[\"J2\", \"A.2\", ");
  const auto e = kexie::read_entries_document(text, loaded->codes);
  ASSERT_FALSE(e);
  ASSERT_EQ(e.problems().size(), 3u) << e.error();
  EXPECT_EQ(e.problems()[0].pointer, "/entries/0/unit");
  EXPECT_EQ(e.problems()[0].line, 7u);
  EXPECT_EQ(e.problems()[0].column, 15u);
  EXPECT_NE(e.problems()[1].pointer.find("/marks/"), std::string::npos);
  EXPECT_TRUE(e.problems()[1].pointer.ends_with("/0"));
  EXPECT_NE(e.problems()[2].message.find("[judge, entry, indicator, mark]"), std::string::npos);
}

// A minified (one-line) entries document over 1 MB loads: positions are only worked
// out for problems, so reading stays linear in the size of the line. (Finding each
// value's column by scanning its line took minutes for this document.)
TEST_F(EntriesDocument, OneLineMegabyteDocumentLoads) {
  const std::string line = minify(*entries);
  ASSERT_EQ(line.find('\n'), std::string::npos);
  // Padding in front (an ignored extension key) puts every value a megabyte into the line.
  const std::string padded =
      "{\"x-padding\": \"" + std::string(std::size_t{1} << 20, 'x') + "\", " + line.substr(1);
  ASSERT_GE(padded.size(), std::size_t{1} << 20);
  const auto e = kexie::read_entries_document(padded, loaded->codes);
  ASSERT_TRUE(e) << e.error();
  EXPECT_EQ(kexie::write_entries_document(e.value(), loaded->codes), *entries);

  // A problem on that line: line 1, the column in characters (the titles before it
  // are Chinese).
  const std::string bad = replace(padded, "\"unit\":\"ENT16\"", "\"unit\":\"ENT99\"");
  const auto refused = kexie::read_entries_document(bad, loaded->codes);
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.problems().size(), 1u);
  EXPECT_EQ(refused.problems()[0].pointer, "/entries/0/unit");
  EXPECT_EQ(refused.problems()[0].line, 1u);
  const std::size_t at = bad.find("\"ENT99\"");
  EXPECT_EQ(refused.problems()[0].column, characters(std::string_view(bad).substr(0, at)) + 1);
  EXPECT_LT(refused.problems()[0].column, at + 1);  // fewer characters than bytes before it
}

// Line and column of a problem after Chinese text, counted by hand: on one line and on
// several.
TEST_F(EntriesDocument, ColumnsCountCharactersOnOneLineAndOnMany) {
  const auto one = kexie::read_entries_document(
      R"({"format": "kexie.entries/1", "x-备注": "中文说明", "entries": [], "marks": [["J1", "E1", "A.1", 1]]})",
      loaded->codes);
  ASSERT_FALSE(one);
  ASSERT_EQ(one.problems().size(), 1u) << one.error();
  EXPECT_EQ(one.problems()[0].pointer, "/marks/0/3");
  EXPECT_EQ(one.problems()[0].line, 1u);
  EXPECT_EQ(one.problems()[0].column, 92u);  // 103 bytes before it, 91 characters

  const auto many = kexie::read_entries_document(
      "{\n  \"format\": \"kexie.entries/1\", \"entries\": [],\n  \"x-备注\": \"中文说明\", "
      "\"marks\": [\n    [\"中文\", \"E1\", \"A.1\", 1]\n  ]\n}",
      loaded->codes);
  ASSERT_FALSE(many);
  ASSERT_EQ(many.problems().size(), 1u) << many.error();
  EXPECT_EQ(many.problems()[0].pointer, "/marks/0/3");
  EXPECT_EQ(many.problems()[0].line, 4u);
  EXPECT_EQ(many.problems()[0].column, 25u);  // `    ["中文", "E1", "A.1", ` is 24 characters
}

// A campaign is exported — its rules by campaign_rules, everything else by
// campaign_entries — and the two documents build it again, to the same digest; the
// demo's entries come back as the bundled bytes.
TEST_F(EntriesDocument, ALiveCampaignIsExportedAndReadBackToTheSameDigest) {
  const auto e = kexie::read_entries_document(*entries, loaded->codes).value();
  const kexie::Campaign c =
      kexie::load_campaign(loaded->registry, loaded->codes, *rules, e).value();
  const std::string entries_text =
      kexie::write_entries_document(kexie::campaign_entries(c), loaded->codes);
  EXPECT_EQ(entries_text, *entries);
  const std::string rules_text = kexie::write_campaign_document(kexie::campaign_rules(c, "ZJ"));
  const auto rules_again = kexie::read_campaign_document(rules_text);
  ASSERT_TRUE(rules_again) << rules_again.error();
  const auto entries_again = kexie::read_entries_document(entries_text, loaded->codes);
  ASSERT_TRUE(entries_again) << entries_again.error();
  const auto again = kexie::load_campaign(loaded->registry, loaded->codes, rules_again.value(),
                                          entries_again.value());
  ASSERT_TRUE(again) << again.error();
  EXPECT_EQ(again.value().score().value().digest(), kDemoDigest);
}

// A campaign built by calls, marks given with trailing zeros and a veto: exported, read
// back and loaded, it scores to its own digest.
TEST_F(EntriesDocument, ACampaignBuiltByCallsRoundTrips) {
  const auto e = kexie::read_entries_document(*entries, loaded->codes).value();
  kexie::Campaign c =
      kexie::build_campaign(loaded->registry, *rules, loaded->codes.organizations.at("ZJ")).value();
  std::map<std::string, kexie::JudgeId> judges;
  for (const kexie::JudgeRecord& j : e.judges) judges[j.code] = c.add_judge(j.person).value();
  for (std::size_t i = 0; i < 20; ++i) {
    const kexie::EntryId id = c.add_entry(e.entries[i]).value();
    const kexie::Rubric r = c.rubric(e.entries[i].category).value();
    int k = 0;
    for (const kexie::AssignmentRecord& a : e.assignments) {  // the demo's panels
      if (a.entry != e.entries[i].code) continue;
      ASSERT_TRUE(c.assign(judges.at(a.judge), id));
      for (std::uint32_t col : r.judged())
        ASSERT_TRUE(c.mark(judges.at(a.judge), id, r.indicators()[col].code,
                           kexie::Decimal::parse(k++ % 2 == 0 ? "80.50" : "77.0").value()));
    }
  }
  ASSERT_TRUE(c.veto(c.judges_of(kexie::EntryId{3}).at(1), kexie::EntryId{3}, "veto",
                     "抄袭 copied\nfrom a 2019 entry"));
  const std::string digest = c.score().value().digest();
  const kexie::CampaignEntries out = kexie::campaign_entries(c);
  EXPECT_EQ(out.judges[0].code, "J1");
  EXPECT_EQ(out.marks[0].mark.to_string(), "80.5");  // step 0.5: one place
  ASSERT_EQ(out.vetoes.size(), 1u);
  EXPECT_EQ(out.vetoes[0].entry, e.entries[2].code);
  const std::string text = kexie::write_entries_document(out, loaded->codes);
  const auto back = kexie::read_entries_document(text, loaded->codes);
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(kexie::write_entries_document(back.value(), loaded->codes), text);
  const auto again = kexie::load_campaign(loaded->registry, loaded->codes,
                                          kexie::campaign_rules(c, "ZJ"), back.value());
  ASSERT_TRUE(again) << again.error();
  EXPECT_EQ(again.value().score().value().digest(), digest);
}

// Entries cite a 厂会协作 link (by its place in the registry document's links) and a
// 金桥工程 activity (by id); both round-trip byte for byte, and the campaign checks them.
TEST_F(EntriesDocument, CitationsOfLinksAndActivitiesRoundTrip) {
  kexie::CampaignEntries e = kexie::read_entries_document(*entries, loaded->codes).value();
  e.entries[0].cites_link = kexie::LinkId{1};
  e.entries[1].cites_activity = kexie::ActivityId{7};
  const std::string text = kexie::write_entries_document(e, loaded->codes);
  EXPECT_NE(text.find("\"cites_link\": 1"), std::string::npos);
  EXPECT_NE(text.find("\"cites_activity\": 7"), std::string::npos);
  const auto back = kexie::read_entries_document(text, loaded->codes);
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(back.value().entries[0].cites_link, kexie::LinkId{1});
  EXPECT_EQ(back.value().entries[1].cites_activity, kexie::ActivityId{7});
  EXPECT_EQ(kexie::write_entries_document(back.value(), loaded->codes), text);
  EXPECT_FALSE(kexie::read_entries_document(replace(text, "\"cites_link\": 1", "\"cites_link\": 0"),
                                            loaded->codes));

  // With a national society and a 厂会协作 link of the first entry's enterprise
  // association in the registry, the citation checks and is carried to the results.
  std::string reg_text = read("registry.json");
  reg_text = replace(reg_text, "\"dissolved\": null\n    },\n",
                     "\"dissolved\": null\n    },\n    {\"code\": \"CSME\", \"kind\": \"society\", "
                     "\"name\": \"中国机械工程学会\", \"parent\": \"CAST\", "
                     "\"effective\": \"2000-01-01\"},\n");
  reg_text = replace(reg_text, "\"links\": []",
                     "\"links\": [{\"enterprise\": \"ENT16\", \"other\": \"CSME\", "
                     "\"first\": \"2020-01-01\"}]");
  const auto reg = kexie::read_registry_document(reg_text);
  ASSERT_TRUE(reg) << reg.error();
  kexie::CampaignEntries cited = kexie::read_entries_document(text, reg.value().codes).value();
  cited.entries[1].cites_activity.reset();  // an unbound campaign has no activity book
  const auto c = kexie::load_campaign(reg.value().registry, reg.value().codes, *rules, cited);
  ASSERT_TRUE(c) << c.error();
  const kexie::Scoreboard board = c.value().score().value();
  const std::optional<kexie::EntryResult> r = board.find(kexie::EntryId{1});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->cites_link, kexie::LinkId{1});
  EXPECT_EQ(kexie::write_entries_document(kexie::campaign_entries(c.value()), reg.value().codes),
            kexie::write_entries_document(cited, reg.value().codes));

  // A link that does not exist, or an activity in an unbound campaign, is refused by
  // the campaign at the entry's pointer.
  kexie::CampaignEntries one = back.value();
  one.entries[1].cites_activity.reset();  // an unbound campaign has no activity book
  one.entries[0].cites_link = kexie::LinkId{99};
  const auto refused = kexie::load_campaign(loaded->registry, loaded->codes, *rules, one);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.problems()[0].pointer, "/entries/0");
  EXPECT_EQ(refused.problems()[0].rule, "entry.citation");
}

}  // namespace
