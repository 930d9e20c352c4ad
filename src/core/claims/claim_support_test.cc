#include "storydesk/claims/claim_support.h"

#include <gtest/gtest.h>

#include "storydesk/claims/claim_text.h"

namespace storydesk::claims {
namespace {

// Made-up sentences; statistics empty, so every stem weighs the same.
class ClaimSupportTest : public ::testing::Test {
 protected:
  ClaimText Text(const std::string& raw) { return BuildClaimText(analyzer_.Analyze(raw), statistics_); }
  ClaimSentence Claim(const std::string& raw) { return Text(raw).sentences.at(0); }
  ClaimEvidence Evidence(const std::string& claim, const std::string& text) {
    return ComputeClaimEvidence(Claim(claim), Text(text), matcher_);
  }

  text::TextAnalyzer analyzer_;
  terms::TermStatistics statistics_;
  copies::SentenceModel matcher_;
};

TEST_F(ClaimSupportTest, TheBestWindowCoversAClaimSplitOverTwoSentences) {
  const ClaimEvidence e =
      Evidence("The harbour authority closed the northern channel after the ferry struck a freighter.",
               "Divers inspected the pier on Tuesday. A ferry struck a freighter near Karsholm. "
               "The harbour authority then closed the northern channel. Services resume on Friday.");
  EXPECT_EQ(e.window_begin, 1u);
  EXPECT_EQ(e.window_end, 3u);
  EXPECT_GT(e.features[kWindowCoverage], 0.9);
  EXPECT_DOUBLE_EQ(e.features[kHeaviestMissing], 0.0);
}

struct NumberCase {
  const char* claim;
  const char* text;
  double match, missing, conflict;
};

TEST_F(ClaimSupportTest, NumbersAgreeOrConflict) {
  const NumberCase cases[] = {
      {"The economy added 266,000 jobs in April.", "Employers added 266,000 jobs in April, the report said.", 1, 0, 0},
      {"The economy added 266,000 jobs in April.", "Employers added 770,000 jobs in April, the report said.", 0, 1, 1},
      {"The economy added 266,000 jobs in April.", "Employers added jobs in April, the report said.", 0, 1, 0},
      {"The economy added jobs in April.", "Employers added 266,000 jobs in April.", 0, 0, 0},
  };
  for (const NumberCase& c : cases) {
    const ClaimEvidence e = Evidence(c.claim, c.text);
    EXPECT_DOUBLE_EQ(e.features[kNumberMatch], c.match) << c.text;
    EXPECT_DOUBLE_EQ(e.features[kNumberMissing], c.missing) << c.text;
    EXPECT_DOUBLE_EQ(e.features[kNumberConflict], c.conflict) << c.text;
  }
}

TEST_F(ClaimSupportTest, NegationOnOneSideOnly) {
  EXPECT_DOUBLE_EQ(Evidence("The senator will run for governor.", "The senator will not run for governor.")
                       .features[kNegationMismatch],
                   1.0);
  EXPECT_DOUBLE_EQ(Evidence("The senator won't run for governor.", "The senator will not run for governor.")
                       .features[kNegationMismatch],
                   0.0);
}

TEST_F(ClaimSupportTest, NamesAnywhereInTheTextCount) {
  const ClaimEvidence e =
      Evidence("Envoy Sung Kim arrived in Seoul on Saturday for talks.",
               "Envoy Sung Kim is the top official on the file. He arrived in Seoul on Saturday for talks.");
  EXPECT_DOUBLE_EQ(e.features[kNameCoverage], 1.0);
  // The names are in the first sentence, the rest in the second: the window takes both.
  EXPECT_EQ(e.window_begin, 0u);
  EXPECT_EQ(e.window_end, 2u);
  EXPECT_DOUBLE_EQ(e.features[kNameMatch], 1.0);
}

TEST_F(ClaimSupportTest, AnEmptyTextStatesNothing) {
  const ClaimEvidence e = Evidence("The ferry struck a freighter.", "");
  EXPECT_DOUBLE_EQ(e.features[kWindowCoverage], 0.0);
  EXPECT_DOUBLE_EQ(e.features[kArticleCoverage], 0.0);
}

TEST_F(ClaimSupportTest, LevelsFollowTheTwoOperatingPoints) {
  ClaimModel m;
  m.cite_probability = 0.6;
  m.partial_probability = 0.1;
  EXPECT_EQ(m.Level(0.7), SupportLevel::kYes);
  EXPECT_EQ(m.Level(0.6), SupportLevel::kYes);
  EXPECT_EQ(m.Level(0.3), SupportLevel::kPartial);
  EXPECT_EQ(m.Level(0.05), SupportLevel::kNo);
  EXPECT_EQ(SupportLevelName(SupportLevel::kPartial), "partial");
}

TEST(ClaimModelFileTest, RoundTripsAndRejectsBadFiles) {
  ClaimModel m;
  for (size_t k = 0; k < kClaimFeatureCount; ++k) m.weights[k] = 0.25 * static_cast<double>(k) - 1.0;
  m.cite_probability = 0.3;
  m.partial_probability = 0.02;
  m.unique_probability = 0.1;
  const Result<ClaimModel> back = ParseClaimModel(FormatClaimModel(m, {"a comment"}));
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back.value().weights, m.weights);
  EXPECT_DOUBLE_EQ(back.value().cite_probability, 0.3);
  EXPECT_DOUBLE_EQ(back.value().partial_probability, 0.02);
  EXPECT_DOUBLE_EQ(back.value().unique_probability, 0.1);

  const std::string good = FormatClaimModel(m, {});
  struct Bad {
    std::string text;
    const char* error;
  };
  const Bad bad[] = {
      {"", "line 1"},
      {"# storydesk claim model v0\n", "header"},
      {good.substr(0, good.find("cite")), "missing"},
      {std::string(kClaimModelHeader) + "\nclaim\tbias=1\n", "missing feature"},
      {good + "extra\tx=1\n", "expected one"},
  };
  for (const Bad& b : bad) {
    const Result<ClaimModel> r = ParseClaimModel(b.text);
    ASSERT_FALSE(r.ok()) << b.text;
    EXPECT_NE(r.status().message().find(b.error), std::string::npos) << r.status().message();
  }
  ClaimModel inverted = m;
  inverted.partial_probability = 0.2;  // above unique
  EXPECT_FALSE(ParseClaimModel(FormatClaimModel(inverted, {})).ok());
}

TEST(NegatorTest, Words) {
  for (const char* w : {"not", "never", "no", "didn't", "won't", "cannot", "nobody"}) EXPECT_TRUE(IsNegator(w)) << w;
  for (const char* w : {"note", "now", "known", "nothingness", "n't"}) EXPECT_FALSE(IsNegator(w)) << w;
}

}  // namespace
}  // namespace storydesk::claims
