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

}  // namespace
}  // namespace storydesk::entities
