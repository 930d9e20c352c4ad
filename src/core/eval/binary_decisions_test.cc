#include "storydesk/eval/binary_decisions.h"

#include <gtest/gtest.h>

namespace storydesk::eval {
namespace {

TEST(BinaryCountsTest, HandComputed) {
  BinaryCounts c;
  // 3 true positives, 1 false positive, 2 false negatives, 4 true negatives.
  for (int i = 0; i < 3; ++i) c.Add(true, true);
  c.Add(true, false);
  for (int i = 0; i < 2; ++i) c.Add(false, true);
  for (int i = 0; i < 4; ++i) c.Add(false, false);
  EXPECT_DOUBLE_EQ(c.Accuracy(), 0.7);
  EXPECT_DOUBLE_EQ(c.Precision(), 0.75);
  EXPECT_DOUBLE_EQ(c.Recall(), 0.6);
  EXPECT_DOUBLE_EQ(c.F1(), 6.0 / 9.0);
}

TEST(BinaryCountsTest, EmptyIsZeroNotNan) {
  const BinaryCounts c;
  EXPECT_EQ(c.Precision(), 0.0);
  EXPECT_EQ(c.Recall(), 0.0);
  EXPECT_EQ(c.F1(), 0.0);
}

TEST(OperatingPointTest, LowestProbabilityReachingThePrecision) {
  // Sorted: .9 yes, .8 yes, .7 no, .6 yes, .5 no, .4 no. Precision at and above each:
  // 1, 1, 2/3, 3/4, 3/5, 1/2 — 75% is reached down to .6, not below.
  const std::vector<std::pair<double, bool>> scored = {{0.5, false}, {0.9, true}, {0.7, false},
                                                       {0.6, true},  {0.8, true}, {0.4, false}};
  EXPECT_DOUBLE_EQ(LowestProbabilityWithPrecision(scored, 0.75), 0.6);
  EXPECT_DOUBLE_EQ(LowestProbabilityWithPrecision(scored, 1.0), 0.8);
  EXPECT_DOUBLE_EQ(LowestProbabilityWithPrecision({{0.3, false}}, 0.5), 1.0);
}

TEST(OperatingPointTest, TiedProbabilitiesAreOneStep) {
  // Two examples at .7, one right: taking .7 means taking both (precision 2/3 with the .9).
  const std::vector<std::pair<double, bool>> scored = {{0.9, true}, {0.7, true}, {0.7, false}};
  EXPECT_DOUBLE_EQ(LowestProbabilityWithPrecision(scored, 0.7), 0.9);
  EXPECT_DOUBLE_EQ(LowestProbabilityWithPrecision(scored, 0.6), 0.7);
}

TEST(HeldOutProbabilitiesTest, EveryExampleOnceAndSeparable) {
  std::vector<learning::LogisticExample> examples;
  examples.reserve(40);
  for (int i = 0; i < 40; ++i) examples.push_back({{1.0, i % 2 == 0 ? 1.0 : -1.0}, i % 2 == 0, 1.0});
  const auto held_out = HeldOutProbabilities(examples, 4, {});
  ASSERT_EQ(held_out.size(), examples.size());
  for (size_t i = 0; i < held_out.size(); ++i) {
    EXPECT_EQ(held_out[i].second, examples[i].label);
    EXPECT_EQ(held_out[i].first > 0.5, examples[i].label) << i;
  }
}

}  // namespace
}  // namespace storydesk::eval
