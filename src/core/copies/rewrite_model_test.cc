#include "storydesk/copies/rewrite_model.h"

#include <gtest/gtest.h>

#include "storydesk/text/analyzer.h"

namespace storydesk::copies {
namespace {

SentenceModel TestSentenceModel() {
  SentenceModel m;
  m.weights[kSentenceBias] = -6.0;
  m.weights[kWeightedDice] = 10.0;
  m.match_probability = 0.7;
  return m;
}

class RewriteEvidenceTest : public ::testing::Test {
 protected:
  std::vector<SentenceProfile> Profiles(const std::string& text) {
    return BuildSentenceProfiles(analyzer_.Analyze(text), statistics_);
  }
  text::TextAnalyzer analyzer_;
  terms::TermStatistics statistics_;
};

TEST_F(RewriteEvidenceTest, AParallelTextIsCoveredByAdjacentLinks) {
  const auto a = Profiles(
      "The council approved the new bridge budget on Tuesday. "
      "Construction workers will start clearing the riverbank in May. "
      "The mayor thanked residents for their patience during the debate.");
  const auto b = Profiles(
      "On Tuesday the council approved the budget for the new bridge. "
      "Workers will start clearing the riverbank in May, before construction. "
      "The mayor thanked the residents for their patience in the debate.");
  const RewriteEvidence e = ComputeRewriteEvidence(a, b, TestSentenceModel(), 0.2, 0.9);
  const RewriteFeatureVector& f = e.features;
  EXPECT_EQ(f[kRewriteBias], 1.0);
  EXPECT_DOUBLE_EQ(f[kShingleContainment], 0.2);  // passed through
  EXPECT_DOUBLE_EQ(f[kStemContainment], 0.9);
  EXPECT_DOUBLE_EQ(f[kLooseCoverage], 1.0);
  EXPECT_DOUBLE_EQ(f[kSentenceCoverage], 1.0);
  EXPECT_DOUBLE_EQ(f[kAdjacentLinks], 1.0);  // 0-0, 1-1, 2-2: each follows the previous
  EXPECT_EQ(e.loose_matched, 3u);
  EXPECT_GT(f[kExpectedCoverage], 0.5);
  EXPECT_LE(f[kExpectedCoverage], f[kLooseCoverage]);
  EXPECT_LE(f[kStrictCoverage], f[kLooseCoverage]);
  EXPECT_GT(f[kMeanLinkProbability], 0.5);
}

TEST_F(RewriteEvidenceTest, SharedSentencesScatteredAmongOthersAreNotAdjacent) {
  // The same event told by another outlet: two sentences in common, far apart, in between
  // its own material.
  const auto a = Profiles(
      "The council approved the new bridge budget on Tuesday. "
      "Opponents had argued the money should repair schools first. "
      "The mayor thanked residents for their patience during the debate.");
  const auto b = Profiles(
      "The council approved the new bridge budget on Tuesday. "
      "Traffic on the old crossing has doubled in ten years. "
      "A ferry ran between the banks until the nineteen sixties. "
      "Engineers expect the steel to arrive from the north by barge. "
      "The mayor thanked residents for their patience during the debate.");
  // A matcher that also weighs length, as the trained one does, so that two sentences of A
  // read as one do not pass for B's first.
  SentenceModel m = TestSentenceModel();
  m.weights[kSentenceBias] = -8.5;
  m.weights[kLengthRatio] = 3.0;
  const RewriteEvidence e = ComputeRewriteEvidence(a, b, m, 0.3, 0.7);
  EXPECT_EQ(e.loose_matched, 2u);
  EXPECT_DOUBLE_EQ(e.features[kAdjacentLinks], 0.0);
  EXPECT_LT(e.features[kLooseCoverage], 0.8);
  EXPECT_LT(e.features[kLargerCoverage], 0.5);
}

TEST(RewriteModelTest, FormatThenParseGivesTheSameModel) {
  RewriteModel m;
  for (size_t k = 0; k < kRewriteFeatureCount; ++k) m.weights[k] = 0.25 * static_cast<double>(k) - 1.0;
  m.rewrite_probability = 0.35;
  const std::string text = FormatRewriteModel(m, {"a comment"});
  EXPECT_EQ(text.rfind(kRewriteModelHeader, 0), 0u);
  const auto parsed = ParseRewriteModel(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  for (size_t k = 0; k < kRewriteFeatureCount; ++k) EXPECT_DOUBLE_EQ(parsed.value().weights[k], m.weights[k]) << k;
  EXPECT_DOUBLE_EQ(parsed.value().rewrite_probability, 0.35);
  RewriteFeatureVector f{};
  f[kRewriteBias] = 1.0;
  EXPECT_DOUBLE_EQ(parsed.value().Logit(f), -1.0);
}

TEST(RewriteModelTest, BadFilesAreErrorsNamingTheLine) {
  const std::string header = std::string(kRewriteModelHeader) + "\n";
  const std::string good = FormatRewriteModel(RewriteModel{}, {});  // header, rewrite, decide
  const std::string weights = good.substr(header.size(), good.find("decide") - header.size());
  auto error = [](const std::string& text) { return ParseRewriteModel(text).status().message(); };
  ASSERT_TRUE(ParseRewriteModel(good).ok());
  EXPECT_NE(error("# storydesk sentence model v1\n").find("line 1"), std::string::npos);
  EXPECT_NE(error(header + weights).find("missing"), std::string::npos);
  EXPECT_NE(error(header + "rewrite\tbias=1\n").find("line 2: missing feature"), std::string::npos);
  EXPECT_NE(error(header + "rewrite\tnosuch=1\n").find("line 2: unknown feature"), std::string::npos);
  EXPECT_NE(error(header + weights + "decide\tprobability=1.5\n").find("line 3"), std::string::npos);
  EXPECT_NE(error(good + "extra\n").find("line 4"), std::string::npos);
}

TEST(RewriteModelTest, FeatureNamesAreDistinctAndComplete) {
  for (size_t k = 0; k < kRewriteFeatureCount; ++k) {
    EXPECT_FALSE(RewriteFeatureName(k).empty()) << k;
    for (size_t q = 0; q < k; ++q) EXPECT_NE(RewriteFeatureName(k), RewriteFeatureName(q));
  }
  EXPECT_TRUE(RewriteFeatureName(kRewriteFeatureCount).empty());
}

}  // namespace
}  // namespace storydesk::copies
