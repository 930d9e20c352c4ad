#include "core/entities/token_features.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/entities/bilou.h"

namespace storydesk::entities {
namespace {

TEST(TokenFeaturesTest, WordShapesCollapseRuns) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Blackburn", "Xx"}, {"EU", "X"},    {"1996-08-22", "d-d-d"}, {"McDonald's", "XxXx'x"},
      {"U.S.", "X.X."},    {"Éire", "Xx"}, {"straße", "x"},         {"", ""},
      {"3,000", "d,d"},    {"€5", "*d"},
  };
  for (const auto& [word, shape] : cases) EXPECT_EQ(WordShape(word), shape) << word;
}

TEST(TokenFeaturesTest, HeadlinesInCapitalsAreMarked) {
  EXPECT_TRUE(PrepareSentence({"SOCCER", "-", "JAPAN", "GET", "LUCKY", "WIN"}).headline);
  EXPECT_FALSE(PrepareSentence({"Japan", "got", "a", "lucky", "win"}).headline);
  EXPECT_FALSE(PrepareSentence({"EU"}).headline) << "too few letters to say";
}

TEST(TokenFeaturesTest, TheDocumentRemembersTheTypesOfCapitalisedWords) {
  DocumentMemory memory;
  memory.Record("Blackburn", LabelOf(EntityType::kPerson, Part::kLast));
  memory.Record("the", LabelOf(EntityType::kOrganization, Part::kInside));
  memory.Record("Blackburn", kOutside);
  ASSERT_NE(memory.Seen("Blackburn"), nullptr);
  EXPECT_EQ((*memory.Seen("Blackburn"))[static_cast<size_t>(EntityType::kPerson)], 1);
  EXPECT_EQ(memory.Seen("the"), nullptr) << "only capitalised words";

  const PreparedSentence s = PrepareSentence({"Blackburn", "said"});
  FeatureSet features(/*keep_names=*/true);
  TokenFeatures(s, 0, kNoLabel, kNoLabel, memory, &features);
  const auto& names = features.Names();
  EXPECT_NE(std::find(names.begin(), names.end(), "h=PER"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "w-1=<s>"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "W=Blackburn"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "x3=urn"), names.end());
  ASSERT_EQ(features.Hashes().size(), names.size());
  EXPECT_EQ(features.Hashes()[1], FeatureHash(names[1]));
}

bool Has(const FeatureSet& features, const std::string& name) {
  return std::find(features.Names().begin(), features.Names().end(), name) != features.Names().end();
}

TEST(TokenFeaturesTest, RunsOfCapitalisedWordsJoinedBySmallWords) {
  struct Case {
    std::vector<std::string> tokens;
    size_t token, begin, end;
  };
  const std::vector<Case> cases = {
      {{"the", "University", "of", "Pennsylvania", "researchers"}, 1, 1, 4},
      {{"the", "University", "of", "Pennsylvania", "researchers"}, 2, 1, 4},
      {{"Continental", "and", "Louis", "Dreyfus", "Corp", "for"}, 3, 0, 5},
      {{"a", "Bank", "of", "the", "West"}, 1, 1, 2},  // "of the" is two small words
      {{"Japan", "of", "course"}, 0, 0, 1},
      {{"said", "Blackburn"}, 0, 0, 1},
      {{"SOCCER", "-", "JAPAN", "GET", "LUCKY", "WIN"}, 2, 2, 3},  // a headline: no runs
  };
  for (const Case& c : cases) {
    const PreparedSentence s = PrepareSentence(c.tokens);
    EXPECT_EQ(s.run_begin[c.token], c.begin) << c.tokens[c.token];
    EXPECT_EQ(s.run_end[c.token], c.end) << c.tokens[c.token];
  }
}

TEST(TokenFeaturesTest, TheFirstWordOfARunSeesItsLast) {
  const PreparedSentence s = PrepareSentence({"from", "Louis", "Dreyfus", "Corp", "."});
  FeatureSet first(/*keep_names=*/true), middle(/*keep_names=*/true), last(/*keep_names=*/true);
  const DocumentMemory memory;
  TokenFeatures(s, 1, kOutside, kNoLabel, memory, &first);
  TokenFeatures(s, 2, kOutside, kOutside, memory, &middle);
  TokenFeatures(s, 3, kOutside, kOutside, memory, &last);
  EXPECT_TRUE(Has(first, "rl=corp"));
  EXPECT_TRUE(Has(first, "rp=0|3"));
  EXPECT_FALSE(Has(first, "rf=louis")) << "the first word is the word itself";
  EXPECT_TRUE(Has(middle, "rl=corp") && Has(middle, "rf=louis"));
  EXPECT_FALSE(Has(last, "rl=corp")) << "the last word is the word itself";
}

TEST(TokenFeaturesTest, HowTheUnlabelledTextWritesAWord) {
  WordClusters clusters;
  clusters.Set("the", "0101");
  clusters.Set("Japan", "1100110");
  clusters.Set("Ljubljana", "1100111");
  const PreparedSentence s = PrepareSentence({"The", "JAPAN", "Ljubljana", "Zzyzx"}, &clusters);
  ASSERT_EQ(s.case_seen.size(), 4u);
  EXPECT_EQ(s.case_seen[0], "10") << "seen as 'the', never as 'The'";
  EXPECT_EQ(s.case_seen[2], "01");
  EXPECT_EQ(s.case_seen[3], "00");
  FeatureSet headline_word(/*keep_names=*/true);
  TokenFeatures(s, 1, kNoLabel, kNoLabel, DocumentMemory(), &headline_word);
  EXPECT_TRUE(Has(headline_word, "tc6=110011")) << "JAPAN takes the class of Japan";
  EXPECT_TRUE(Has(headline_word, "cs=01"));
}

}  // namespace
}  // namespace storydesk::entities
