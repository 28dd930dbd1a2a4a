// kexie.entries/1 and the whole demo from documents: registry.json, campaign.json and
// entries.json score to the C++ demo's digest.
#include "kexie/entries_document.hpp"

#include <gtest/gtest.h>

#include <fstream>
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

// The registry and the rules are read once for the suite (they are only read from).
class EntriesDocument : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    loaded =
        new kexie::LoadedRegistry(kexie::read_registry_document(read("registry.json")).value());
    rules = new kexie::CampaignRules(kexie::read_campaign_document(read("campaign.json")).value());
  }
  static void TearDownTestSuite() {
    delete loaded;
    delete rules;
  }
  static kexie::LoadedRegistry* loaded;
  static kexie::CampaignRules* rules;
};
kexie::LoadedRegistry* EntriesDocument::loaded = nullptr;
kexie::CampaignRules* EntriesDocument::rules = nullptr;

TEST_F(EntriesDocument, DemoDocumentsScoreToTheDemoDigest) {
  const std::string text = read("entries.json");
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

TEST_F(EntriesDocument, UnknownCodesAreLocated) {
  std::string text = replace(read("entries.json"), "\"unit\": \"ENT16\"", "\"unit\": \"ENT99\"");
  text = replace(text, "[\"J2\", \"ZJ2025-1000\", \"A.1\"", "[\"J99\", \"ZJ2025-1000\", \"A.1\"");
  const auto e = kexie::read_entries_document(text, loaded->codes);
  ASSERT_FALSE(e);
  ASSERT_EQ(e.problems().size(), 2u);
  EXPECT_EQ(e.problems()[0].pointer, "/entries/0/unit");
  EXPECT_EQ(e.problems()[0].line, 7u);
  EXPECT_NE(e.problems()[1].pointer.find("/marks/"), std::string::npos);
  EXPECT_TRUE(e.problems()[1].pointer.ends_with("/0"));
}

TEST_F(EntriesDocument, MarkRowsMustHaveFourFields) {
  const std::string text =
      replace(read("entries.json"), "[\"J2\", \"ZJ2025-1000\", \"A.1\", ", "[\"J2\", \"A.1\", ");
  const auto e = kexie::read_entries_document(text, loaded->codes);
  ASSERT_FALSE(e);
  EXPECT_NE(e.problems()[0].message.find("[judge, entry, indicator, mark]"), std::string::npos);
}

}  // namespace
