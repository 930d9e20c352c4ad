#include "core/stories/time_evidence.h"

#include <gtest/gtest.h>

#include <cmath>

namespace storydesk::stories {
namespace {

constexpr int64_t kDay = int64_t{24} * 3600;

TEST(TimeEvidenceTest, AGapNoCertainJoinHadCountsAgainstEvenIfNoCandidateHadItEither) {
  TimeEvidence evidence(7 * kDay);
  for (int i = 0; i < 200; ++i) evidence.ObserveCandidate((i % 3) * kDay);  // gaps 0-2 days only
  for (int i = 0; i < 50; ++i) evidence.ObserveConfident(0);
  EXPECT_GT(evidence.LogLikelihoodRatio(0), 0.0);
  EXPECT_LT(evidence.LogLikelihoodRatio(6 * kDay), 0.0);
}

TEST(TimeEvidenceTest, SaysNothingUntilEnoughCertainJoins) {
  TimeEvidence evidence(7 * kDay);
  for (int i = 0; i < 100; ++i) evidence.ObserveCandidate((i % 8) * kDay);
  for (int64_t i = 0; i + 1 < TimeEvidence::kMinConfident; ++i) evidence.ObserveConfident(0);
  EXPECT_EQ(evidence.LogLikelihoodRatio(0), 0.0);
  EXPECT_EQ(evidence.LogLikelihoodRatio(5 * kDay), 0.0);
  evidence.ObserveConfident(0);
  EXPECT_GT(evidence.LogLikelihoodRatio(0), 0.0);
}

TEST(TimeEvidenceTest, IsTheSmoothedRatioOfTheTwoHistograms) {
  // Window of 3 days: bins 0, 1, 2, 3+. P(gap | candidate) = 11/44 in every bin.
  TimeEvidence evidence(3 * kDay);
  for (int i = 0; i < 40; ++i) evidence.ObserveCandidate((i % 4) * kDay);          // 10 per bin
  for (int i = 0; i < 36; ++i) evidence.ObserveConfident(i < 30 ? 0 : kDay + 60);  // 30 in bin 0, 6 in bin 1
  const double any = 11.0 / 44;
  auto same = [&](double confident) { return (confident + 4 * any) / (36.0 + 4); };
  EXPECT_NEAR(evidence.LogLikelihoodRatio(3600), std::log(same(30) / any), 1e-9);
  EXPECT_NEAR(evidence.LogLikelihoodRatio(kDay), std::log(same(6) / any), 1e-9);
  EXPECT_NEAR(evidence.LogLikelihoodRatio(2 * kDay), std::log(same(0) / any), 1e-9);
  EXPECT_EQ(evidence.LogLikelihoodRatio(30 * kDay), evidence.LogLikelihoodRatio(3 * kDay)) << "one last bin";
  EXPECT_EQ(evidence.LogLikelihoodRatio(-5), evidence.LogLikelihoodRatio(0)) << "negative gaps are 0";
}

}  // namespace
}  // namespace storydesk::stories
