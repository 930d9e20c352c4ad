#include "storydesk/eval/clustering_metrics.h"

#include <gtest/gtest.h>

namespace storydesk::eval {
namespace {

TEST(ClusteringMetricsTest, PerfectPredictionScoresOne) {
  const Clustering gold = {{"a", "1"}, {"b", "1"}, {"c", "2"}};
  const Clustering pred = {{"a", "x"}, {"b", "x"}, {"c", "y"}};
  const ClusteringScores s = ScoreClustering(gold, pred);
  EXPECT_DOUBLE_EQ(s.bcubed.f1, 1.0);
  EXPECT_DOUBLE_EQ(s.pairwise.f1, 1.0);
  EXPECT_DOUBLE_EQ(s.adjusted_rand, 1.0);
  EXPECT_EQ(s.gold_clusters, 2);
  EXPECT_EQ(s.predicted_clusters, 2);
}

// Bagga & Baldwin's style of hand computation. Gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}.
//   precision: a 1, b 1, c 1/3, d 2/3, e 2/3 → 11/15;  recall: a 2/3, b 2/3, c 1/3, d 1, e 1 → 11/15
//   pairs: gold ab ac bc de (4), predicted ab cd ce de (4), shared ab de (2) → P = R = 1/2
//   ARI: index 2, expected 4·4/10 = 1.6, max 4 → (2-1.6)/(4-1.6) = 1/6
TEST(ClusteringMetricsTest, HandComputedCase) {
  const Clustering gold = {{"a", "G1"}, {"b", "G1"}, {"c", "G1"}, {"d", "G2"}, {"e", "G2"}};
  const Clustering pred = {{"a", "P1"}, {"b", "P1"}, {"c", "P2"}, {"d", "P2"}, {"e", "P2"}};
  const ClusteringScores s = ScoreClustering(gold, pred);
  EXPECT_NEAR(s.bcubed.precision, 11.0 / 15, 1e-12);
  EXPECT_NEAR(s.bcubed.recall, 11.0 / 15, 1e-12);
  EXPECT_NEAR(s.bcubed.f1, 11.0 / 15, 1e-12);
  EXPECT_NEAR(s.pairwise.precision, 0.5, 1e-12);
  EXPECT_NEAR(s.pairwise.recall, 0.5, 1e-12);
  EXPECT_NEAR(s.adjusted_rand, 1.0 / 6, 1e-12);
}

TEST(ClusteringMetricsTest, AllInOneClusterHasFullRecallLowPrecision) {
  const Clustering gold = {{"a", "1"}, {"b", "2"}, {"c", "3"}, {"d", "4"}};
  const Clustering pred = {{"a", "x"}, {"b", "x"}, {"c", "x"}, {"d", "x"}};
  const ClusteringScores s = ScoreClustering(gold, pred);
  EXPECT_DOUBLE_EQ(s.bcubed.recall, 1.0);
  EXPECT_DOUBLE_EQ(s.bcubed.precision, 0.25);
  EXPECT_DOUBLE_EQ(s.pairwise.precision, 0.0);
  EXPECT_DOUBLE_EQ(s.pairwise.recall, 1.0);
  EXPECT_NEAR(s.adjusted_rand, 0.0, 1e-12);
}

TEST(ClusteringMetricsTest, MissingPredictionsAreSingletonsAndExtrasIgnored) {
  const Clustering gold = {{"a", "1"}, {"b", "1"}};
  const Clustering pred = {{"a", "x"}, {"z", "x"}};
  const ClusteringScores s = ScoreClustering(gold, pred);
  EXPECT_EQ(s.missing_from_prediction, 1);
  EXPECT_EQ(s.unknown_to_gold, 1);
  EXPECT_DOUBLE_EQ(s.bcubed.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.bcubed.recall, 0.5);
  EXPECT_DOUBLE_EQ(s.pairwise.recall, 0.0);
}

TEST(ClusteringMetricsTest, EmptyGoldScoresZero) {
  const ClusteringScores s = ScoreClustering({}, {{"a", "x"}});
  EXPECT_EQ(s.items, 0);
  EXPECT_DOUBLE_EQ(s.bcubed.f1, 0.0);
}

}  // namespace
}  // namespace storydesk::eval
