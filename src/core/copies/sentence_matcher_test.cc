#include "storydesk/copies/sentence_matcher.h"

#include <gtest/gtest.h>

#include "storydesk/copies/sentence_alignment.h"
#include "storydesk/learning/logistic_regression.h"
#include "storydesk/text/analyzer.h"

namespace storydesk::copies {
namespace {

class SentenceMatcherTest : public ::testing::Test {
 protected:
  SentenceProfile Profile(const std::string& sentence) {
    return BuildTextProfile(analyzer_.Analyze(sentence), statistics_);
  }
  std::vector<SentenceProfile> Profiles(const std::string& text) {
    return BuildSentenceProfiles(analyzer_.Analyze(text), statistics_);
  }
  text::TextAnalyzer analyzer_;
  terms::TermStatistics statistics_;
};

TEST_F(SentenceMatcherTest, FeaturesOfIdenticalAndUnrelatedSentences) {
  const SentenceProfile a = Profile("Rehn said the bank had hired an outside firm in 2024.");
  const SentenceFeatureVector same = ComputeSentenceFeatures(a, a);
  EXPECT_DOUBLE_EQ(same[kSentenceBias], 1.0);
  EXPECT_DOUBLE_EQ(same[kWeightedDice], 1.0);
  EXPECT_DOUBLE_EQ(same[kStemJaccard], 1.0);
  EXPECT_DOUBLE_EQ(same[kNumberMismatch], 0.0);
  EXPECT_DOUBLE_EQ(same[kUnmatchedWeight], 0.0);
  const SentenceFeatureVector other =
      ComputeSentenceFeatures(a, Profile("Storms closed schools across the northern valley in 2023."));
  EXPECT_DOUBLE_EQ(other[kWeightedDice], 0.0);
  EXPECT_DOUBLE_EQ(other[kNumberMismatch], 1.0);
  EXPECT_DOUBLE_EQ(other[kUnmatchedWeight], 1.0);
}

TEST_F(SentenceMatcherTest, EarlyRejectionNeverDropsAPairTheFullModelKeeps) {
  // Weights of both signs, shaped like a trained model's.
  SentenceModel m;
  m.weights = {-3.8, 0.76, 0.55, 3.9, -3.5, -0.53, -0.13, -0.67, 3.4, 4.2, -1.46, -1.58};
  const auto sentences = Profiles(
      "The harbour authority closed the northern channel on Monday. "
      "On Monday the harbour authority shut the channel in the north. "
      "Forty passengers were treated for minor injuries, officials said. "
      "Officials said forty people had minor injuries. "
      "Investigators boarded both vessels to examine navigation records. "
      "The channel reopens on Thursday once divers inspect the pier. "
      "Divers will inspect the pier before the channel reopens Thursday.");
  size_t kept = 0, dropped = 0;
  for (double floor : {0.3, 0.5, 0.773, 0.95}) {
    for (const SentenceProfile& a : sentences) {
      for (const SentenceProfile& b : sentences) {
        const SentenceFeatureVector full = ComputeSentenceFeatures(a, b);
        const auto staged = FeaturesIfPossiblyAtLeast(m, a, b, floor);
        if (learning::Sigmoid(m.Logit(full)) >= floor) {
          ASSERT_TRUE(staged.has_value()) << "floor " << floor;
          for (size_t k = 0; k < kSentenceFeatureCount; ++k) EXPECT_DOUBLE_EQ((*staged)[k], full[k]);
          ++kept;
        } else {
          dropped += staged ? 0 : 1;
        }
      }
    }
  }
  EXPECT_GT(kept, 0u);
  EXPECT_GT(dropped, 0u) << "the bound should spare some pairs the full computation";
}

TEST_F(SentenceMatcherTest, ModelFileRoundTripsAndRejectsBadLines) {
  SentenceModel m;
  for (size_t k = 0; k < kSentenceFeatureCount; ++k) m.weights[k] = 0.5 * static_cast<double>(k) - 1.0;
  m.match_probability = 0.75;
  auto parsed = ParseSentenceModel(FormatSentenceModel(m, {"a comment"}));
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed.value().weights, m.weights);
  EXPECT_DOUBLE_EQ(parsed.value().match_probability, 0.75);

  EXPECT_FALSE(ParseSentenceModel("# storydesk story model v1\n").ok());
  const std::string no_match = std::string(kSentenceModelHeader) + "\n" +
                               FormatSentenceModel(m, {}).substr(FormatSentenceModel(m, {}).find("sentence\t"));
  const std::string only_weights = no_match.substr(0, no_match.find("match\t"));
  auto missing = ParseSentenceModel(only_weights);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("missing"), std::string::npos);
  std::string bad = FormatSentenceModel(m, {});
  bad.replace(bad.find("probability=0.75"), 16, "probability=1.5");
  EXPECT_FALSE(ParseSentenceModel(bad).ok());
}

TEST_F(SentenceMatcherTest, AlignmentFollowsOrderAndFindsMerges) {
  SentenceModel m;
  m.weights[kSentenceBias] = -6.0;
  m.weights[kWeightedDice] = 10.0;
  m.match_probability = 0.7;
  const auto a = Profiles(
      "The council approved the new bridge budget on Tuesday. "
      "Construction workers will start clearing the riverbank in May. "
      "The mayor thanked residents for their patience during the debate.");
  const auto b = Profiles(
      "On Tuesday the council approved the budget for the new bridge. "
      "Workers start clearing the riverbank in May, and construction follows. "
      "Flooding last spring damaged the old crossing. "
      "The mayor thanked patient residents after the long debate.");
  const SentenceAlignment al = AlignSentences(a, b, m);
  ASSERT_EQ(al.links.size(), 3u);
  EXPECT_EQ(al.links[0].a_begin, 0u);
  EXPECT_EQ(al.links[0].b_begin, 0u);
  EXPECT_EQ(al.links[2].b_begin, 3u);  // B's third sentence is its own addition
  EXPECT_EQ(al.matched_a, 3u);
  EXPECT_DOUBLE_EQ(al.coverage_a, 1.0);
  EXPECT_LT(al.coverage_b, 1.0);

  // Two sentences of A said as one in B: a 2:1 link.
  const auto merged = Profiles(
      "The council approved the new bridge budget on Tuesday and construction workers will start clearing "
      "the riverbank in May.");
  const SentenceAlignment two_to_one = AlignSentences(a, merged, m);
  ASSERT_FALSE(two_to_one.links.empty());
  EXPECT_EQ(two_to_one.links[0].a_end - two_to_one.links[0].a_begin, 2u);
}

}  // namespace
}  // namespace storydesk::copies
