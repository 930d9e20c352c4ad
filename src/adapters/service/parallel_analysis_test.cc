#include "adapters/service/parallel_analysis.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "adapters/service/shipped_models.h"
#include "storydesk/digest/headline.h"

namespace storydesk::service {
namespace {

std::vector<RawArticle> Stream(size_t n) {
  std::vector<RawArticle> articles;
  for (size_t i = 0; i < n; ++i) {
    RawArticle a;
    a.id = "a" + std::to_string(i);
    a.published_at = 1'700'000'000 + static_cast<int64_t>(i) * 3600;
    a.title = "Flood closes bridge " + std::to_string(i % 7);
    a.text = "The Ember River rose again on Monday and flooded the town of Tarnwick " + std::to_string(i % 7) +
             ". Residents of district " + std::to_string(i % 5) + " left their homes overnight.";
    articles.push_back(std::move(a));
  }
  return articles;
}

std::vector<Decision> DecideAll(const std::vector<RawArticle>& articles, int threads, size_t lookahead) {
  EngineOptions options;
  options.headline_evidence = true;
  StoryEngine engine(options);
  ParallelAnalysis analysis(articles, threads, AnalysisOptionsFor(options), lookahead);
  std::vector<Decision> decisions;
  for (size_t i = 0; i < articles.size(); ++i) decisions.push_back(engine.Decide(articles[i], analysis.Take(i)));
  return decisions;
}

TEST(ParallelAnalysisTest, DecisionsDoNotDependOnThreadsOrLookahead) {
  const std::vector<RawArticle> articles = Stream(300);
  const std::vector<Decision> serial = DecideAll(articles, 1, 256);
  struct Setting {
    int threads;
    size_t lookahead;
  };
  for (const Setting s : {Setting{2, 256}, Setting{4, 1}, Setting{8, 3}, Setting{3, 1000}}) {
    const std::vector<Decision> parallel = DecideAll(articles, s.threads, s.lookahead);
    ASSERT_EQ(parallel.size(), serial.size());
    for (size_t i = 0; i < serial.size(); ++i) {
      EXPECT_EQ(parallel[i].story, serial[i].story) << i << " threads " << s.threads;
      EXPECT_EQ(parallel[i].copy_of, serial[i].copy_of) << i;
      EXPECT_EQ(parallel[i].relation, serial[i].relation) << i;
      EXPECT_EQ(parallel[i].exact_hash, serial[i].exact_hash) << i;
      EXPECT_EQ(parallel[i].minhash, serial[i].minhash) << i;
      EXPECT_EQ(parallel[i].terms, serial[i].terms) << i;
      EXPECT_DOUBLE_EQ(parallel[i].similarity, serial[i].similarity) << i;
      ASSERT_TRUE(parallel[i].headline_evidence && serial[i].headline_evidence);
      EXPECT_EQ(parallel[i].headline_evidence->lead, serial[i].headline_evidence->lead) << i;
    }
  }
}

TEST(ParallelAnalysisTest, DecideEqualsAdd) {
  const std::vector<RawArticle> articles = Stream(50);
  StoryEngine added, decided;
  for (const RawArticle& a : articles) {
    const Decision x = added.Add(a);
    const Decision y = decided.Decide(a, AnalyzeArticle(a, AnalysisOptions{}));
    EXPECT_EQ(x.story, y.story);
    EXPECT_EQ(x.copy_of, y.copy_of);
    EXPECT_EQ(x.terms, y.terms);
    EXPECT_DOUBLE_EQ(x.similarity, y.similarity);
  }
}

// Events (EngineOptions::events) with the shipped decisions: the lead's days are made by the
// analysis, in the pool as by Add, and two votes of one council two days apart are two events of
// one storyline.
TEST(ParallelAnalysisTest, EventsAreDecidedAlikeInThePoolAndByAdd) {
  std::vector<RawArticle> articles;
  const struct {
    const char* id;
    const char* date;
    int64_t at;
    const char* text;
  } votes[] = {
      {"tue-1", "2023-03-07", 1'678'190'400,
       "The Tarnwick council voted on Tuesday to close the Ember River bridge for repairs after the floods, "
       "the mayor said. Residents will have to use the ferry."},
      {"tue-2", "2023-03-07", 1'678'194'000,
       "Tarnwick's council on Tuesday voted to shut the Ember River bridge for flood repairs, according to the "
       "mayor. The ferry will carry residents instead."},
      {"thu-1", "2023-03-09", 1'678'363'200,
       "The Tarnwick council voted on Thursday to spend 4 million on the Ember River bridge repairs after the "
       "floods, the mayor said. Work starts in April."},
  };
  for (const auto& v : votes) {
    RawArticle a;
    a.id = v.id;
    a.published = v.date;
    a.published_at = v.at;
    a.text = v.text;
    articles.push_back(std::move(a));
  }
  for (const bool events : {false, true}) {
    EngineOptions options;
    ASSERT_TRUE(UseBuiltinModels(&options).ok());
    options.events = events;
    StoryEngine added(options), decided(options);
    ParallelAnalysis analysis(articles, 2, AnalysisOptionsFor(options), 4);
    std::vector<int64_t> stories, storylines;
    for (size_t i = 0; i < articles.size(); ++i) {
      const Decision x = added.Add(articles[i]);
      const Decision y = decided.Decide(articles[i], analysis.Take(i));
      EXPECT_EQ(x.story, y.story) << articles[i].id;
      EXPECT_DOUBLE_EQ(x.similarity, y.similarity) << articles[i].id;
      EXPECT_EQ(x.storyline, y.storyline) << articles[i].id;
      EXPECT_EQ(x.storyline != 0, events) << articles[i].id;
      stories.push_back(x.story);
      storylines.push_back(x.storyline);
    }
    EXPECT_EQ(stories[0], stories[1]) << "one vote, two reports";
    if (events) {
      EXPECT_NE(stories[2], stories[0]) << "Thursday's vote is another event";
      EXPECT_EQ(storylines, std::vector<int64_t>(3, storylines[0])) << "of the council's bridge storyline";
    }
  }
}

TEST(ParallelAnalysisTest, StopsCleanlyWhenNotEverythingIsTaken) {
  const std::vector<RawArticle> articles = Stream(500);
  ParallelAnalysis analysis(articles, 4, AnalysisOptions{}, 8);
  for (size_t i = 0; i < 10; ++i) (void)analysis.Take(i);
  // The destructor stops the workers waiting for room and joins them.
}

TEST(ParallelAnalysisTest, EmptyAndSingleInputs) {
  const std::vector<RawArticle> none;
  ParallelAnalysis empty(none, 4, AnalysisOptions{});
  const std::vector<RawArticle> one = Stream(1);
  ParallelAnalysis single(one, 4, AnalysisOptions{});
  StoryEngine engine;
  EXPECT_GT(engine.Decide(one[0], single.Take(0)).story, 0);
}

}  // namespace
}  // namespace storydesk::service
