// kexie.results/1: the demo campaign, loaded from its documents, written as results.
#include "kexie/results_document.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "kexie/campaign_document.hpp"
#include "kexie/entries_document.hpp"

namespace {

std::string read(const std::string& name) {
  std::ifstream in(std::string(KEXIE_SOURCE_DIR "/examples/data/") + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(ResultsDocument, DemoResultsAreCanonicalAndComplete) {
  const auto reg = kexie::read_registry_document(read("registry.json")).value();
  const auto rules = kexie::read_campaign_document(read("campaign.json")).value();
  const auto entries = kexie::read_entries_document(read("entries.json"), reg.codes).value();
  const auto campaign = kexie::load_campaign(reg.registry, reg.codes, rules, entries).value();
  const kexie::Scoreboard board = campaign.score().value();
  const std::string text = kexie::write_results_document(campaign, board, reg.codes).value();
  // The same results give the same bytes.
  EXPECT_EQ(kexie::write_results_document(campaign, board, reg.codes).value(), text);
  EXPECT_EQ(text.rfind("{\n  \"format\": \"kexie.results/1\",\n", 0), 0u);
  EXPECT_NE(text.find("\"digest\": \"" + board.digest() + "\""), std::string::npos);
  EXPECT_EQ(count(text, "\n      \"code\": \""), 300u);  // every entry
  EXPECT_EQ(count(text, "\"zh\": "), 300u);
  EXPECT_EQ(count(text, "\"en\": "), 300u);
  EXPECT_NE(text.find("\"status\": \"vetoed\""), std::string::npos);
  EXPECT_NE(text.find("\"award\": \"一等奖\""), std::string::npos);
  // Agreement: three judged indicators in each of six categories.
  EXPECT_EQ(count(text, "\"kendall_w\": "), 18u);
  EXPECT_EQ(count(text, "\"unit\": \"ENT"), 300u + board.units.size());
  EXPECT_EQ(text.back(), '\n');
}

}  // namespace
