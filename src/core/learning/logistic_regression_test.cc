#include "storydesk/learning/logistic_regression.h"

#include <gtest/gtest.h>

#include <cmath>

namespace storydesk::learning {
namespace {

TEST(LogisticRegressionTest, SigmoidIsStableAtTheExtremes) {
  EXPECT_DOUBLE_EQ(Sigmoid(0), 0.5);
  EXPECT_NEAR(Sigmoid(800), 1.0, 1e-12);
  EXPECT_NEAR(Sigmoid(-800), 0.0, 1e-12);
  EXPECT_FALSE(std::isnan(Sigmoid(-800)));
}

TEST(LogisticRegressionTest, RecoversTheLogOddsOfGroupedCounts) {
  // x = 0: 1 positive in 4 (log-odds ln(1/3)); x = 1: 3 positives in 4 (ln 3). Unpenalised,
  // the fit must reproduce both exactly: w0 = ln(1/3), w0 + w1 = ln(3).
  std::vector<LogisticExample> examples = {
      {{1, 0}, true, 1}, {{1, 0}, false, 3}, {{1, 1}, true, 3}, {{1, 1}, false, 1}};
  LogisticOptions options;
  options.l2 = 0;
  const std::vector<double> w = FitLogistic(examples, options);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_NEAR(w[0], std::log(1.0 / 3), 1e-6);
  EXPECT_NEAR(w[0] + w[1], std::log(3.0), 1e-6);
}

TEST(LogisticRegressionTest, ThePenaltyShrinksWeightsButNotTheBias) {
  std::vector<LogisticExample> examples = {
      {{1, 0}, true, 1}, {{1, 0}, false, 3}, {{1, 1}, true, 3}, {{1, 1}, false, 1}};
  LogisticOptions weak, strong;
  weak.l2 = 0.01;
  strong.l2 = 100;
  const auto w_weak = FitLogistic(examples, weak);
  const auto w_strong = FitLogistic(examples, strong);
  EXPECT_LT(std::abs(w_strong[1]), std::abs(w_weak[1]));
  EXPECT_LT(std::abs(w_strong[1]), 0.05);
  // With the slope near zero the bias alone fits the overall rate, 4 in 8.
  EXPECT_NEAR(w_strong[0], 0.0, 0.05);
}

TEST(LogisticRegressionTest, SeparableDataStaysFiniteUnderThePenalty) {
  std::vector<LogisticExample> examples = {{{1, -1}, false, 1}, {{1, 1}, true, 1}};
  const auto w = FitLogistic(examples);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_TRUE(std::isfinite(w[1]));
  EXPECT_GT(w[1], 0);
}

TEST(LogisticRegressionTest, NoExamplesNoWeights) { EXPECT_TRUE(FitLogistic({}).empty()); }

}  // namespace
}  // namespace storydesk::learning
