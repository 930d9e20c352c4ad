#include "storydesk/analysis_bytes.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storydesk/digest/headline.h"
#include "storydesk/story_engine.h"

namespace storydesk {
namespace {

RawArticle Article(std::string id, int64_t day, std::string title, std::string text) {
  RawArticle a;
  a.id = std::move(id);
  a.source = "Tornby Times";
  a.title = std::move(title);
  a.published_at = int64_t{1700000000} + day * 86400;
  a.published = "2023-11-1" + std::to_string(4 + day);
  a.bullets = {"The bridge stays shut until Friday.", "Traders say sales fell by half."};
  a.text = std::move(text);
  return a;
}

std::vector<RawArticle> Stream() {
  return {
      Article("a1", 0, "Sorrel Bridge closed after crack found",
              "TORNBY (TT) – The Sorrel Bridge was closed on Monday after engineers found a crack in its "
              "main span, city officials said. \"Nobody crosses until we know,\" said Mats Ekholm, the city "
              "engineer. Ferries will run every 20 minutes, according to Reuters."),
      Article("a2", 0, "Crack shuts Sorrel Bridge",
              "Engineers found a crack in the main span of the Sorrel Bridge, which was closed on Monday, "
              "officials in Tornby said. Mats Ekholm said nobody would cross until the damage was known."),
      Article("a3", 1, "Rovers win the cup",
              "The Tornby Rovers won the cup 2-1 on Tuesday evening in front of "
              "12,000 fans. Coach Anna Lind praised her defence."),
      Article("a4", 2, "Sorrel Bridge to reopen next week",
              "The Sorrel Bridge should reopen next week, Mats Ekholm said on Wednesday, after repairs to the "
              "crack in its main span. Ferries keep running until then."),
  };
}

// Deciding with analyses that went through bytes gives the decisions deciding locally gives,
// with and without the optional parts (headline evidence, event days).
TEST(AnalysisBytesTest, DecodedAnalysesDecideAsLocalOnes) {
  for (bool events : {false, true}) {
    EngineOptions options;
    options.events = events;
    options.headline_evidence = true;
    const AnalysisOptions analysis_options = AnalysisOptionsFor(options);
    StoryEngine local(options), remote(options);
    for (const RawArticle& a : Stream()) {
      const Decision expected = local.Add(a);
      const std::string bytes = EncodeAnalysis(AnalyzeArticle(a, analysis_options), analysis_options);
      auto decoded = DecodeAnalysis(bytes);
      ASSERT_TRUE(decoded.ok()) << decoded.status().message();
      EXPECT_TRUE(AnalysisCovers(decoded.value().options, analysis_options));
      const Decision got = remote.Decide(a, std::move(decoded.value().analysis));
      EXPECT_EQ(got.story, expected.story) << a.id;
      EXPECT_EQ(got.storyline, expected.storyline) << a.id;
      EXPECT_EQ(got.relation, expected.relation) << a.id;
      EXPECT_EQ(got.copy_of, expected.copy_of) << a.id;
      EXPECT_EQ(got.exact_hash, expected.exact_hash) << a.id;
      EXPECT_EQ(got.minhash, expected.minhash) << a.id;
      EXPECT_EQ(got.terms, expected.terms) << a.id;
      EXPECT_DOUBLE_EQ(got.similarity, expected.similarity) << a.id;
      ASSERT_NE(got.headline_evidence, nullptr);
      EXPECT_EQ(got.headline_evidence->title, expected.headline_evidence->title);
      EXPECT_EQ(got.headline_evidence->lead, expected.headline_evidence->lead);
      EXPECT_EQ(got.headline_evidence->vector, expected.headline_evidence->vector);
    }
  }
}

TEST(AnalysisBytesTest, CoversWhatWasMade) {
  const AnalysisOptions none, both{.headline_evidence = true, .event_days = true};
  EXPECT_TRUE(AnalysisCovers(both, none));
  EXPECT_TRUE(AnalysisCovers(both, both));
  EXPECT_FALSE(AnalysisCovers(none, both));
  EXPECT_FALSE(AnalysisCovers({.headline_evidence = true}, {.event_days = true}));
}

// Untrusted bytes: every prefix, and every single byte changed, decode to an error or to an
// analysis the engine can decide with — never a crash or a read out of bounds (ASan checks).
TEST(AnalysisBytesTest, DamagedBytesAreRefusedOrHarmless) {
  const AnalysisOptions options{.headline_evidence = true, .event_days = true};
  const RawArticle a = Stream()[0];
  const std::string bytes = EncodeAnalysis(AnalyzeArticle(a, options), options);
  for (size_t n = 0; n < bytes.size(); ++n) {
    auto decoded = DecodeAnalysis(std::string_view(bytes).substr(0, n));
    ASSERT_FALSE(decoded.ok()) << n;
    EXPECT_EQ(decoded.status().code(), ErrorCode::kInvalidInput);
    EXPECT_EQ(decoded.status().message().rfind("analysis: ", 0), 0u) << decoded.status().message();
  }
  EXPECT_FALSE(DecodeAnalysis(bytes + "x").ok());
  EXPECT_FALSE(DecodeAnalysis("JUNK").ok());
  EngineOptions engine_options;
  engine_options.events = true;
  engine_options.headline_evidence = true;
  size_t refused = 0;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    for (uint8_t flip : {uint8_t{0x01}, uint8_t{0x80}, uint8_t{0xff}}) {
      std::string damaged = bytes;
      damaged[i] = static_cast<char>(static_cast<uint8_t>(damaged[i]) ^ flip);
      auto decoded = DecodeAnalysis(damaged);
      if (!decoded.ok()) {
        ++refused;
        continue;
      }
      StoryEngine engine(engine_options);
      engine.Decide(a, std::move(decoded.value().analysis));
    }
  }
  EXPECT_GT(refused, 0u);
}

}  // namespace
}  // namespace storydesk
