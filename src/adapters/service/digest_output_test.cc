#include "adapters/service/digest_output.h"

#include <gtest/gtest.h>

#include <string>

namespace storydesk::service {
namespace {

// Issue 15: one way of showing a missing source — "unknown source" in every written form for
// people, null in JSON.
TEST(DigestOutputTest, Issue15AMissingSourceIsUnknownSourceInProseAndNullInJson) {
  DigestedStory s;
  s.story = 7;
  digest::DigestArticle known;
  known.id = "k1";
  known.source = "Harbour Post";
  known.text = "The ferry stays.";
  known.relation = "original";
  digest::DigestArticle unknown;
  unknown.id = "u1";
  unknown.text = "The ferry stays on.";
  unknown.relation = "original";
  s.articles = {known, unknown};
  s.digest.headline = "The ferry stays";
  s.digest.bullets.push_back({"The ferry stays.", {"k1", "u1"}, {}, "k1", 0});
  s.digest.sources = {{"k1", {}, {}}, {"u1", {}, {}}};

  const std::string markdown = DigestMarkdown(s);
  EXPECT_NE(markdown.find(std::string("**") + kUnknownSource + "**"), std::string::npos) << markdown;
  const std::string html = DigestHtmlPage({s});
  EXPECT_NE(html.find(std::string("<strong>") + kUnknownSource + "</strong>"), std::string::npos) << html;
  for (const std::string& out : {markdown, html}) {
    EXPECT_EQ(out.find("Unknown source"), std::string::npos);
    EXPECT_EQ(out.find("no source"), std::string::npos);
  }
  const nlohmann::json json = DigestJson(s);
  ASSERT_EQ(json["articles"].size(), 2u);
  EXPECT_EQ(json["articles"][0]["source"], "Harbour Post");
  EXPECT_TRUE(json["articles"][1]["source"].is_null());
  EXPECT_EQ(json["headline"], "The ferry stays");
}

}  // namespace
}  // namespace storydesk::service
