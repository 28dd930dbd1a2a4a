// kexie.results/1: the demo campaign, loaded from its documents, written as results.
#include "kexie/results_document.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "kexie/campaign_document.hpp"
#include "kexie/entries_document.hpp"
#include "kexie/report_agreement.hpp"

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

struct Demo {
  kexie::LoadedRegistry reg = kexie::read_registry_document(read("registry.json")).value();
  kexie::Campaign campaign =
      kexie::load_campaign(reg.registry, reg.codes,
                           kexie::read_campaign_document(read("campaign.json")).value(),
                           kexie::read_entries_document(read("entries.json"), reg.codes).value())
          .value();
  kexie::Scoreboard board = campaign.score().value();
};

TEST(ResultsDocument, DemoResultsAreCanonicalAndComplete) {
  const Demo d;
  const kexie::ResultsOptions full{.explanations = kexie::ResultsExplanations::full};
  const std::string text =
      kexie::write_results_document(d.campaign, d.board, d.reg.codes, full).value();
  // The same results give the same bytes.
  EXPECT_EQ(kexie::write_results_document(d.campaign, d.board, d.reg.codes, full).value(), text);
  EXPECT_EQ(text.rfind("{\n  \"format\": \"kexie.results/1\",\n  \"explanations\": \"full\",\n", 0),
            0u);
  EXPECT_NE(text.find("\"digest\": \"" + d.board.digest() + "\""), std::string::npos);
  EXPECT_EQ(count(text, "\n      \"code\": \""), 300u);  // every entry
  EXPECT_EQ(count(text, "\"zh\": "), 300u);
  EXPECT_EQ(count(text, "\"en\": "), 300u);
  EXPECT_EQ(count(text, "\"reason\": "), 300u);
  EXPECT_NE(text.find("\"status\": \"vetoed\""), std::string::npos);
  EXPECT_NE(text.find("\"award\": \"一等奖\""), std::string::npos);
  // Agreement: three judged indicators in each of six categories.
  EXPECT_EQ(count(text, "\"kendall_w\": "), 18u);
  EXPECT_EQ(count(text, "\"unit\": \"ENT"), 300u + d.board.units.size());
  EXPECT_EQ(text.back(), '\n');
}

TEST(ResultsDocument, SummariesByDefaultWithTheTierReason) {
  const Demo d;
  const std::string text = kexie::write_results_document(d.campaign, d.board, d.reg.codes).value();
  EXPECT_EQ(text,
            kexie::write_results_document(d.campaign, d.board, d.reg.codes,
                                          {.explanations = kexie::ResultsExplanations::summary})
                .value());
  EXPECT_EQ(
      text.rfind("{\n  \"format\": \"kexie.results/1\",\n  \"explanations\": \"summary\",\n", 0),
      0u);
  EXPECT_EQ(count(text, "\n      \"code\": \""), 300u);  // every entry, in summary
  EXPECT_EQ(count(text, "\"zh\": "), 0u);                // no text, no judge marks
  EXPECT_EQ(count(text, "\"judge\": "), 0u);
  EXPECT_EQ(count(text, "\"reason\": "), 300u);
  std::size_t awarded = 0, vetoed = 0;
  for (const kexie::EntryResult& r : d.board.entries) {
    awarded += r.tier ? 1 : 0;
    vetoed += r.status == kexie::EntryStatus::vetoed ? 1 : 0;
  }
  EXPECT_EQ(count(text, "\"reason\": \"awarded\""), awarded);
  EXPECT_EQ(count(text, "\"reason\": \"vetoed\""), vetoed);
  // The judged lines count their marks and the dropped ones; the full form has the marks.
  EXPECT_NE(text.find("\"dropped\": 2"), std::string::npos);
  EXPECT_NE(text.find("\"short_by\": \""), std::string::npos);
  EXPECT_EQ(count(text, "\"kendall_w\": "), 18u);
  const std::string full =
      kexie::write_results_document(d.campaign, d.board, d.reg.codes,
                                    {.explanations = kexie::ResultsExplanations::full})
          .value();
  EXPECT_LT(text.size() * 3, full.size());
  // Everything outside the explanations is the same in both forms.
  const auto tail = [](const std::string& t) { return t.substr(t.find("\n  \"advanced_units\"")); };
  EXPECT_EQ(tail(text), tail(full));
}

TEST(ResultsDocument, StreamedPiecesJoinToTheSameBytes) {
  const Demo d;
  for (kexie::ResultsExplanations form :
       {kexie::ResultsExplanations::summary, kexie::ResultsExplanations::full}) {
    const std::string text =
        kexie::write_results_document(d.campaign, d.board, d.reg.codes, {.explanations = form})
            .value();
    std::string joined;
    std::size_t pieces = 0;
    const kexie::Status done = kexie::write_results_document(
        d.campaign, d.board, d.reg.codes, {.explanations = form}, [&](std::string_view piece) {
          joined += piece;
          ++pieces;
        });
    ASSERT_TRUE(done) << done.error();
    EXPECT_EQ(joined, text);
    // The full form (several megabytes) goes out in more than the final pieces.
    if (form == kexie::ResultsExplanations::full) {
      EXPECT_GT(pieces, 2u) << text.size();
    }
  }
}

// panel_agreement computed once and handed to the writer gives the same bytes; the
// writer uses what it is given (a changed figure shows), and computes an indicator the
// value lacks.
TEST(ResultsDocument, SharedPanelAgreementGivesTheSameBytes) {
  const Demo d;
  const std::string text = kexie::write_results_document(d.campaign, d.board, d.reg.codes).value();
  kexie::PanelAgreement shared = kexie::panel_agreement(d.campaign, d.board);
  EXPECT_EQ(shared.indicators.size(), 18u);  // three judged indicators in six categories
  EXPECT_EQ(kexie::write_results_document(d.campaign, d.board, d.reg.codes, {.agreement = &shared})
                .value(),
            text);
  const kexie::PanelAgreement none;
  EXPECT_EQ(
      kexie::write_results_document(d.campaign, d.board, d.reg.codes, {.agreement = &none}).value(),
      text);
  shared.indicators[0].by_entries = kexie::Error(kexie::ErrorCode::invalid_argument, "planted");
  const std::string changed =
      kexie::write_results_document(d.campaign, d.board, d.reg.codes, {.agreement = &shared})
          .value();
  EXPECT_NE(changed.find("planted"), std::string::npos);
  EXPECT_EQ(count(changed, "\"kendall_w\": null"), count(text, "\"kendall_w\": null") + 1);
}

}  // namespace
