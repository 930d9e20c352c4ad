#include "core/digest/lexrank.h"

#include <gtest/gtest.h>

#include <numeric>

namespace storydesk::digest {
namespace {

terms::SparseVector Unit(std::vector<std::pair<terms::TermId, float>> entries) {
  terms::SparseVector v;
  v.entries = std::move(entries);
  v.Normalize();
  return v;
}

TEST(LexRankTest, TheSentenceSimilarToAllOthersIsTheMostCentral) {
  // A hub sharing a term with each of three sentences that share nothing with one another.
  const std::vector<terms::SparseVector> v = {Unit({{1, 1}, {2, 1}, {3, 1}}), Unit({{1, 1}, {10, 1}}),
                                              Unit({{2, 1}, {11, 1}}), Unit({{3, 1}, {12, 1}})};
  const std::vector<double> r = LexRank(v, {});
  ASSERT_EQ(r.size(), 4u);
  EXPECT_NEAR(std::accumulate(r.begin(), r.end(), 0.0), 1.0, 1e-9);
  for (size_t i = 1; i < 4; ++i) EXPECT_GT(r[0], r[i]);
  EXPECT_NEAR(r[1], r[2], 1e-9);  // symmetric leaves
}

TEST(LexRankTest, ThePriorFavoursWhereTheSurferJumps) {
  const std::vector<terms::SparseVector> v = {Unit({{1, 1}, {2, 1}}), Unit({{1, 1}, {3, 1}}), Unit({{1, 1}, {4, 1}})};
  const std::vector<double> uniform = LexRank(v, {});
  EXPECT_NEAR(uniform[0], uniform[2], 1e-9);
  const std::vector<double> lead = LexRank(v, {1.0, 0.5, 1.0 / 3});
  EXPECT_GT(lead[0], lead[1]);
  EXPECT_GT(lead[1], lead[2]);
}

TEST(LexRankTest, UnconnectedSentencesFollowThePriorAndNothingIsNan) {
  const std::vector<terms::SparseVector> v = {Unit({{1, 1}}), Unit({{2, 1}}), terms::SparseVector{}};
  const std::vector<double> r = LexRank(v, {2.0, 1.0, 1.0});
  EXPECT_NEAR(r[0], 0.5, 1e-9);
  EXPECT_NEAR(r[1], 0.25, 1e-9);
  EXPECT_TRUE(LexRank({}, {}).empty());
}

TEST(LexRankTest, CosineOfUnitVectors) {
  EXPECT_NEAR(terms::Dot(Unit({{1, 1}, {2, 1}}), Unit({{1, 1}, {2, 1}})), 1.0, 1e-6);
  EXPECT_NEAR(terms::Dot(Unit({{1, 1}}), Unit({{2, 1}})), 0.0, 1e-12);
  EXPECT_NEAR(terms::Dot(Unit({{1, 1}, {2, 1}}), Unit({{2, 1}})), std::sqrt(0.5), 1e-6);
}

}  // namespace
}  // namespace storydesk::digest
