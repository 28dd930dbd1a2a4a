// Tests for kexie/report.hpp: the HTML report shows the board's results, escapes
// every text it was given, names units from the registry when one is passed,
// speaks both languages, highlights a disagreeing panel, and gives the same
// bytes for the same input. Its HTML structure is checked by the command's
// tests (tests/command, python's html.parser).
#include "kexie/report.hpp"

#include <gtest/gtest.h>

#include "kexie/literals.hpp"
#include "kexie/registry.hpp"
#include "support/campaign_world.hpp"

using namespace kexie::literals;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Six entries marked by four judges: judges 0-2 agree on the order of A.1,
// judge 3 reverses it.
struct Reported {
  kexie_test::World w;
  kexie::Campaign c{w.registry, kexie_test::proposal_spec(w)};
  std::vector<kexie::JudgeId> judges;
  std::vector<kexie::EntryId> entries;

  Reported() {
    c.set_rubric(kexie::Category::rationalization_proposals, kexie_test::proposal_rubric()).value();
    for (std::size_t k = 0; k < 4; ++k) judges.push_back(c.add_judge(w.experts[k]).value());
    for (int n = 0; n < 6; ++n) {
      auto spec = kexie_test::proposal(w, "R-" + std::to_string(n), n % 2, n);
      if (n == 0) spec.title = "<script>alert('x')</script> & \"quoted\"";
      entries.push_back(c.add_entry(spec).value());
    }
    for (std::size_t j = 0; j < judges.size(); ++j) {
      for (std::size_t n = 0; n < entries.size(); ++n) {
        c.assign(judges[j], entries[n]).value();
        const int rising = 60 + 6 * static_cast<int>(n) + static_cast<int>(j);
        const int a1 = j == 3 ? 96 - 6 * static_cast<int>(n) : rising;
        c.mark(judges[j], entries[n], "A.1", kexie::Decimal(a1)).value();
        c.mark(judges[j], entries[n], "A.2", kexie::Decimal(rising)).value();
      }
    }
  }
};

}  // namespace

TEST(Report, ShowsTheBoardAndEscapesText) {
  Reported r;
  const kexie::Scoreboard board = r.c.score().value();
  const std::string html = kexie::html_report(r.c, board).value();
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find(board.digest()), std::string::npos);
  for (const auto& e : board.entries) EXPECT_NE(html.find(">" + e.code + "<"), std::string::npos);
  // The title is text, never markup.
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"),
            std::string::npos);
  EXPECT_EQ(count(html, "<script>"), 1u);  // the search box's
  EXPECT_NE(html.find("获奖名单"), std::string::npos);
  EXPECT_NE(html.find("合理化建议"), std::string::npos);
  // Without a registry a unit is "org:N"; with one, its name.
  EXPECT_NE(html.find(">" + kexie::to_string(r.w.enterprises[0]) + "<"), std::string::npos);
  const std::string named = kexie::html_report(r.c, board, {.registry = &r.w.registry}).value();
  const std::string name = r.w.registry.organization(r.w.enterprises[0]).value().name;
  EXPECT_NE(named.find(">" + name + "<"), std::string::npos);
}

TEST(Report, LeniencyAndAgreementComeFromTheLibrary) {
  Reported r;
  const kexie::Scoreboard board = r.c.score().value();
  const std::string html =
      kexie::html_report(r.c, board, {.language = kexie::Language::english}).value();
  EXPECT_NE(html.find("Award list"), std::string::npos);
  // Judge 4 reverses A.1: flagged; A.2 agrees across the panel, A.1 does not.
  EXPECT_NE(html.find("<tr class=\"flagged\"><td>judge:4</td>"), std::string::npos);
  EXPECT_EQ(html.find("<tr class=\"flagged\"><td>judge:1</td>"), std::string::npos);
  const std::size_t agreement = html.find("id=\"agreement\"");
  ASSERT_NE(agreement, std::string::npos);
  EXPECT_EQ(count(html.substr(agreement), "<tr class=\"disagree\">"), 1u);
  EXPECT_NE(html.find("<tr class=\"disagree\"><td>rationalization_proposals</td><td>A.1 "),
            std::string::npos);
  EXPECT_EQ(count(html.substr(agreement), "<tr><td>rationalization_proposals</td><td>A.2 "), 1u);
}

TEST(Report, SameInputSameBytes) {
  Reported r;
  const kexie::Scoreboard board = r.c.score().value();
  EXPECT_EQ(kexie::html_report(r.c, board).value(), kexie::html_report(r.c, board).value());
}

TEST(Report, ABoardOfAnotherCampaignIsNotFound) {
  // The board of a campaign with a seventh entry, reported against one with six.
  Reported r, larger;
  larger.c.add_entry(kexie_test::proposal(larger.w, "R-6", 0, 0)).value();
  const kexie::Scoreboard board = larger.c.score().value();
  ASSERT_EQ(board.entries.size(), 7u);
  const auto html = kexie::html_report(r.c, board);
  ASSERT_FALSE(html);
  EXPECT_EQ(html.error().code(), kexie::ErrorCode::not_found);
}
