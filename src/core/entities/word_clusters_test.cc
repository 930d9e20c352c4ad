#include "storydesk/entities/word_clusters.h"

#include <gtest/gtest.h>

#include <random>
#include <sstream>

namespace storydesk::entities {
namespace {

// Made-up text from a grammar of three word kinds — determiners, nouns, verbs — each kind
// seen only between the same neighbours: the clusters must find the kinds.
std::vector<std::vector<std::string>> Sentences(size_t n, uint32_t seed) {
  const std::vector<std::string> determiners = {"the", "a", "every", "this"};
  const std::vector<std::string> nouns = {"heron", "barge", "lantern", "quarry", "miller", "ferry"};
  const std::vector<std::string> verbs = {"sees", "pulls", "lifts", "finds", "leaves"};
  std::mt19937 random(seed);
  auto pick = [&random](const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(random)];
  };
  std::vector<std::vector<std::string>> sentences;
  for (size_t i = 0; i < n; ++i) {
    sentences.push_back({pick(determiners), pick(nouns), pick(verbs), pick(determiners), pick(nouns)});
  }
  return sentences;
}

TEST(WordClustersTest, FindsWordsThatKeepTheSameCompany) {
  WordClusterOptions options;
  options.classes = 3;
  WordClusterReport report;
  const WordClusters clusters = TrainWordClusters(Sentences(3000, 1), options, &report);
  EXPECT_EQ(report.tokens, 15000u);
  EXPECT_EQ(report.words, 15u);
  EXPECT_GE(report.passes, 1);
  auto same = [&](const char* a, const char* b) { return clusters.Path(a) == clusters.Path(b); };
  EXPECT_TRUE(same("heron", "ferry"));
  EXPECT_TRUE(same("the", "every"));
  EXPECT_TRUE(same("sees", "leaves"));
  EXPECT_FALSE(same("heron", "sees"));
  EXPECT_FALSE(same("the", "heron"));
  EXPECT_EQ(clusters.Path("unseen"), "");
  for (const auto& [word, path] : clusters.Entries()) {
    EXPECT_FALSE(path.empty()) << word;
    EXPECT_EQ(path.find_first_not_of("01"), std::string::npos) << word;
  }
}

TEST(WordClustersTest, TheTreeRunsFromCoarseToFine) {
  // With more classes than kinds, words of one kind may be split, but a kind's classes sit
  // closer in the tree (a longer shared prefix) than classes of different kinds do.
  WordClusterOptions options;
  options.classes = 8;
  WordClusterReport report;
  const WordClusters clusters = TrainWordClusters(Sentences(3000, 2), options, &report);
  auto shared = [&](const char* a, const char* b) {
    const std::string_view x = clusters.Path(a), y = clusters.Path(b);
    size_t k = 0;
    while (k < x.size() && k < y.size() && x[k] == y[k]) ++k;
    return k;
  };
  EXPECT_GT(shared("heron", "quarry"), shared("heron", "sees"));
  EXPECT_GT(shared("the", "this"), shared("the", "lantern"));
}

TEST(WordClustersTest, RareWordsGetNoClassAndTheResultIsDeterministic) {
  std::vector<std::vector<std::string>> text = Sentences(500, 3);
  text.push_back({"the", "zeppelin", "sees", "a", "heron"});
  WordClusterOptions options;
  options.classes = 4;
  WordClusterReport first, second;
  const WordClusters a = TrainWordClusters(text, options, &first);
  const WordClusters b = TrainWordClusters(text, options, &second);
  EXPECT_EQ(a.Path("zeppelin"), "") << "seen once, below min_count";
  EXPECT_EQ(a.Entries(), b.Entries());
  WordClusterReport empty;
  EXPECT_EQ(TrainWordClusters({}, options, &empty).WordCount(), 0u);
}

}  // namespace
}  // namespace storydesk::entities
