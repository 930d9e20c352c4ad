#include "storydesk/eval/rouge.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace storydesk::eval {
namespace {

using Tokens = std::vector<std::string>;

void ExpectScore(const PrecisionRecall& s, double precision, double recall, double f1, const char* what) {
  EXPECT_NEAR(s.precision, precision, 1e-12) << what;
  EXPECT_NEAR(s.recall, recall, 1e-12) << what;
  EXPECT_NEAR(s.f1, f1, 1e-12) << what;
}

void ExpectAll(const RougeScores& s, double value) {
  ExpectScore(s.rouge1, value, value, value, "rouge1");
  ExpectScore(s.rouge2, value, value, value, "rouge2");
  ExpectScore(s.rouge_l, value, value, value, "rouge_l");
}

RougeScores RougeOfTexts(std::string_view candidate, std::string_view reference) {
  text::Stemmer stemmer;
  return Rouge(RougeTokens(candidate, stemmer), RougeTokens(reference, stemmer));
}

TEST(RougeTokensTest, LowerCasesAndSplitsOnEveryNonAlphanumeric) {
  text::Stemmer stemmer;
  EXPECT_EQ(RougeTokens("The U.S.-led TALKS, in Geneva (2004)!", stemmer),
            (Tokens{"the", "u", "s", "led", "talk", "in", "geneva", "2004"}));
  EXPECT_EQ(RougeTokens("korea's\tmissile\n", stemmer), (Tokens{"korea", "s", "missil"}));
}

TEST(RougeTokensTest, StemsOnlyTokensLongerThanThreeCharacters) {
  text::Stemmer stemmer;
  ASSERT_EQ(stemmer.Stem("its"), "it");  // what stemming every token would do
  EXPECT_EQ(RougeTokens("its talks talked", stemmer), (Tokens{"its", "talk", "talk"}));
}

TEST(RougeTokensTest, NonAsciiLettersSeparateTokensAsInRouge155) {
  text::Stemmer stemmer;
  EXPECT_EQ(RougeTokens("Caf\u00E9 na\u00EFve", stemmer), (Tokens{"caf", "na", "ve"}));
}

TEST(RougeTokensTest, NothingToTokenizeGivesNoTokens) {
  text::Stemmer stemmer;
  EXPECT_TRUE(RougeTokens("", stemmer).empty());
  EXPECT_TRUE(RougeTokens(" -- !? \u2014 ", stemmer).empty());
}

TEST(RougeTest, TruncateToWordsKeepsTheFirstTokens) {
  EXPECT_EQ(TruncateToWords({"a", "b", "c"}, 2), (Tokens{"a", "b"}));
  EXPECT_EQ(TruncateToWords({"a", "b", "c"}, 5), (Tokens{"a", "b", "c"}));
  EXPECT_TRUE(TruncateToWords({"a", "b", "c"}, 0).empty());
}

TEST(RougeTest, IdenticalTextsScoreOne) {
  ExpectAll(RougeOfTexts("Police shot the gunman near the station.", "Police shot the gunman near the station."), 1.0);
}

TEST(RougeTest, DisjointTextsScoreZero) {
  ExpectAll(RougeOfTexts("Markets fell sharply", "Rain is expected tomorrow"), 0.0);
}

// Candidate "The gunman was shot by police." → the gunman was shot by police        (6 tokens)
// Reference "Police shot the gunman near the station." → police shot the gunman near the station  (7)
// (stemming changes "police" and "station" alike on both sides, so it moves no match.)
//   ROUGE-1: clipped matches the min(1,2)=1, gunman 1, shot 1, police 1 → 4.
//            P = 4/6 = 2/3, R = 4/7, F = 2·(2/3)(4/7) / (2/3 + 4/7) = (16/21) / (26/21) = 8/13.
//   ROUGE-2: candidate bigrams the-gunman gunman-was was-shot shot-by by-police (5); reference
//            police-shot shot-the the-gunman gunman-near near-the the-station (6); shared the-gunman.
//            P = 1/5, R = 1/6, F = 2·(1/30) / (11/30) = 2/11.
//   ROUGE-L: LCS "the gunman" = 2 ("police" ends the candidate but starts the reference; "shot"
//            comes after "gunman" in one and before "the" in the other).
//            P = 2/6 = 1/3, R = 2/7, F = 2·(2/21) / (13/21) = 4/13.
TEST(RougeTest, HandComputedExample) {
  const RougeScores s = RougeOfTexts("The gunman was shot by police.", "Police shot the gunman near the station.");
  ExpectScore(s.rouge1, 2.0 / 3, 4.0 / 7, 8.0 / 13, "rouge1");
  ExpectScore(s.rouge2, 1.0 / 5, 1.0 / 6, 2.0 / 11, "rouge2");
  ExpectScore(s.rouge_l, 1.0 / 3, 2.0 / 7, 4.0 / 13, "rouge_l");
}

// "the the the" vs "the cat": "the" matches once, not three times.
//   ROUGE-1: P = 1/3, R = 1/2, F = 2·(1/6) / (5/6) = 2/5.  ROUGE-2: the-the ×2 vs the-cat → 0.
//   ROUGE-L: LCS "the" = 1, so the same as ROUGE-1.
TEST(RougeTest, RepeatedUnigramsAreClipped) {
  const RougeScores s = Rouge({"the", "the", "the"}, {"the", "cat"});
  ExpectScore(s.rouge1, 1.0 / 3, 1.0 / 2, 2.0 / 5, "rouge1");
  ExpectScore(s.rouge2, 0, 0, 0, "rouge2");
  ExpectScore(s.rouge_l, 1.0 / 3, 1.0 / 2, 2.0 / 5, "rouge_l");
}

TEST(RougeTest, StemmingMatchesInflections) { ExpectAll(RougeOfTexts("talks resumed", "talked resumes"), 1.0); }

TEST(RougeTest, PunctuationAndCaseAreIgnored) {
  ExpectAll(RougeOfTexts("\"Talks,\" she said -- in GENEVA.", "talks she said in geneva"), 1.0);
}

TEST(RougeTest, EmptyCandidateOrReferenceScoresZero) {
  ExpectAll(Rouge({}, {"the", "cat"}), 0.0);
  ExpectAll(Rouge({"the", "cat"}, {}), 0.0);
  const RougeScores both = Rouge({}, {});
  ExpectAll(both, 0.0);
  EXPECT_FALSE(std::isnan(both.rouge_l.f1));
}

TEST(RougeTest, SingleTokenHasNoBigrams) {
  const RougeScores s = Rouge({"cat"}, {"cat"});
  ExpectScore(s.rouge1, 1, 1, 1, "rouge1");
  ExpectScore(s.rouge2, 0, 0, 0, "rouge2");
  ExpectScore(s.rouge_l, 1, 1, 1, "rouge_l");
}

TEST(RougeTest, SwappingSidesSwapsPrecisionAndRecall) {
  const Tokens a = {"police", "shot", "the", "gunman", "near", "the", "station"};
  const Tokens b = {"the", "gunman", "was", "shot", "by", "police"};
  const RougeScores ab = Rouge(a, b), ba = Rouge(b, a);
  for (auto member : {&RougeScores::rouge1, &RougeScores::rouge2, &RougeScores::rouge_l}) {
    EXPECT_DOUBLE_EQ((ab.*member).precision, (ba.*member).recall);
    EXPECT_DOUBLE_EQ((ab.*member).recall, (ba.*member).precision);
    EXPECT_DOUBLE_EQ((ab.*member).f1, (ba.*member).f1);
  }
}

// Reference "0" … "4999"; candidate the even tokens, then the odd ones. The best common
// subsequence takes every even token and then the one odd token after "4998" ("4999"): 2501.
TEST(RougeTest, LcsOfLongSequences) {
  Tokens reference, candidate;
  for (int i = 0; i < 5000; ++i) reference.push_back(std::to_string(i));
  for (int i = 0; i < 5000; i += 2) candidate.push_back(reference[i]);
  for (int i = 1; i < 5000; i += 2) candidate.push_back(reference[i]);
  const RougeScores s = Rouge(candidate, reference);
  ExpectScore(s.rouge_l, 2501.0 / 5000, 2501.0 / 5000, 2501.0 / 5000, "rouge_l");
  ExpectScore(s.rouge1, 1, 1, 1, "rouge1");
  ExpectScore(s.rouge2, 0, 0, 0, "rouge2");  // every reference bigram is (i, i+1); the candidate has none
}

TEST(RougeTest, MeanRougeAveragesEachScore) {
  RougeScores first, second;
  first.rouge1 = {1.0, 0.5, 2.0 / 3};
  second.rouge1 = {0.0, 0.25, 0.0};
  first.rouge2 = {0.5, 0.5, 0.5};
  first.rouge_l = {0.2, 0.4, 0.3};
  second.rouge_l = {0.4, 0.2, 0.1};
  const RougeScores mean = MeanRouge({first, second});
  ExpectScore(mean.rouge1, 0.5, 0.375, 1.0 / 3, "rouge1");
  ExpectScore(mean.rouge2, 0.25, 0.25, 0.25, "rouge2");
  ExpectScore(mean.rouge_l, 0.3, 0.3, 0.2, "rouge_l");
}

TEST(RougeTest, MeanOfNoStoriesIsZero) { ExpectAll(MeanRouge({}), 0.0); }

}  // namespace
}  // namespace storydesk::eval
