#include "storydesk/stories/story_features.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>
#include <set>

namespace storydesk::stories {
namespace {

terms::SparseVector Unit(std::vector<std::pair<terms::TermId, float>> entries) {
  terms::SparseVector v;
  v.entries = std::move(entries);
  v.Normalize();
  return v;
}

TEST(CentroidTest, CosineFollowsTheSumOfItsMembers) {
  Centroid c;
  EXPECT_EQ(c.Cosine(Unit({{1, 1}})), 0.0);
  std::vector<terms::TermId> fresh;
  c.Add(Unit({{1, 1}}), &fresh);
  c.Add(Unit({{2, 1}}), &fresh);
  EXPECT_EQ(fresh, (std::vector<terms::TermId>{1, 2}));
  EXPECT_NEAR(c.norm2, 2.0, 1e-9);
  EXPECT_NEAR(c.Cosine(Unit({{1, 1}})), 1 / std::sqrt(2.0), 1e-6);
  EXPECT_NEAR(c.Cosine(Unit({{1, 1}, {2, 1}})), 1.0, 1e-6);
  EXPECT_EQ(c.Cosine(Unit({{3, 1}})), 0.0);
}

TEST(StoryFeaturesTest, NamesAreUniqueAndComplete) {
  std::set<std::string_view> names;
  for (size_t k = 0; k < kStoryFeatureCount; ++k) {
    EXPECT_FALSE(StoryFeatureName(k).empty()) << k;
    names.insert(StoryFeatureName(k));
  }
  EXPECT_EQ(names.size(), static_cast<size_t>(kStoryFeatureCount));
  EXPECT_TRUE(StoryFeatureName(kStoryFeatureCount).empty());
}

TEST(StoryFeaturesTest, ComparesEachSubVectorWithItsCentroid) {
  StoryVectors story;
  story.all.Add(Unit({{1, 1}, {2, 1}}));
  story.lead.Add(Unit({{1, 1}}));
  story.names.Add(Unit({{10, 1}}));
  story.numbers.Add(Unit({{20, 1}}));
  story.Remember(Unit({{1, 1}, {2, 1}}), Unit({{10, 1}}));
  ArticleVectors article;
  article.all = Unit({{1, 1}, {2, 1}});
  article.lead = Unit({{2, 1}});
  article.title = Unit({{1, 1}});
  article.names = Unit({{10, 1}});
  article.numbers = Unit({{21, 1}});
  const StoryFeatureVector f = ComputeStoryFeatures(article, story);
  EXPECT_EQ(f[kBias], 1.0);
  EXPECT_NEAR(f[kCosineAll], 1.0, 1e-6);
  EXPECT_NEAR(f[kCosineLead], 0.0, 1e-6);
  EXPECT_EQ(f[kCosineTitle], 0.0) << "the story has no title";
  EXPECT_EQ(f[kBothTitled], 0.0);
  EXPECT_NEAR(f[kCosineNames], 1.0, 1e-6);
  EXPECT_NEAR(f[kCosineNumbers], 0.0, 1e-6);
  EXPECT_NEAR(f[kNearestMemberAll], 1.0, 1e-6);
  EXPECT_NEAR(f[kNearestMemberNames], 1.0, 1e-6);
  EXPECT_EQ(f[kBothDated], 0.0);
  EXPECT_EQ(f[kTimeDay], 0.0);
}

TEST(StoryFeaturesTest, TimeFeaturesMeasureTheGapToTheStorysSpan) {
  constexpr int64_t kDay = 86400;
  StoryVectors story;
  story.first_time = 10 * kDay;
  story.last_time = 12 * kDay;
  ArticleVectors article;
  struct Case {
    int64_t time;
    double gap_days;
  };
  for (const Case c : {Case{11 * kDay, 0}, Case{13 * kDay, 1}, Case{7 * kDay, 3}, Case{18 * kDay, 6}}) {
    article.time = c.time;
    const StoryFeatureVector f = ComputeStoryFeatures(article, story);
    EXPECT_EQ(f[kBothDated], 1.0);
    EXPECT_NEAR(f[kTimeDay], std::exp(-c.gap_days * c.gap_days / 2), 1e-9) << c.time;
    EXPECT_NEAR(f[kTimeThreeDays], std::exp(-(c.gap_days / 3) * (c.gap_days / 3) / 2), 1e-9) << c.time;
  }
}

TEST(StoryFeaturesTest, RecentMembersAreARingOfTheLatest) {
  StoryVectors story;
  for (terms::TermId i = 0; i < kRecentMembers + 3; ++i) story.Remember(Unit({{i, 1}}), terms::SparseVector{});
  EXPECT_EQ(story.recent.size(), kRecentMembers);
  ArticleVectors oldest, newest;
  oldest.all = Unit({{0, 1}});
  newest.all = Unit({{static_cast<terms::TermId>(kRecentMembers + 2), 1}});
  EXPECT_EQ(ComputeStoryFeatures(oldest, story)[kNearestMemberAll], 0.0) << "evicted from the ring";
  EXPECT_NEAR(ComputeStoryFeatures(newest, story)[kNearestMemberAll], 1.0, 1e-6);
}

// A random unit vector of up to `n` terms below `vocabulary`.
terms::SparseVector RandomUnit(std::mt19937& rng, size_t n, terms::TermId vocabulary) {
  std::map<terms::TermId, float> weights;
  for (size_t i = 0; i < n; ++i)
    weights[static_cast<terms::TermId>(rng() % vocabulary)] = 0.01f + static_cast<float>(rng() % 1000) / 97.0f;
  terms::SparseVector v;
  v.entries.assign(weights.begin(), weights.end());
  v.Normalize();
  return v;
}

TEST(ArticleLookupTest, GivesTheDirectFeaturesToTheLastBit) {
  // Stories of every size (small centroids are walked, big ones searched), articles with
  // empty parts, term ids beyond any seen before, the lookup reused from article to article.
  std::mt19937 rng(11);
  ArticleLookup lookup;
  for (int round = 0; round < 200; ++round) {
    const terms::TermId vocabulary = 50 + static_cast<terms::TermId>(rng() % 5000);
    StoryVectors story;
    const int members = 1 + static_cast<int>(rng() % 30);
    for (int m = 0; m < members; ++m) {
      const terms::SparseVector all = RandomUnit(rng, 5 + rng() % 120, vocabulary);
      const terms::SparseVector names = RandomUnit(rng, rng() % 10, vocabulary);
      story.all.Add(all);
      story.title.Add(RandomUnit(rng, rng() % 8, vocabulary));
      story.lead.Add(RandomUnit(rng, rng() % 40, vocabulary));
      story.names.Add(names);
      story.numbers.Add(RandomUnit(rng, rng() % 4, vocabulary));
      story.Remember(all, names);
    }
    story.first_time = 1000;
    story.last_time = 90000;
    ArticleVectors article;
    article.all = RandomUnit(rng, 1 + rng() % 100, vocabulary);
    article.title = RandomUnit(rng, rng() % 8, vocabulary);
    article.lead = RandomUnit(rng, rng() % 40, vocabulary);
    article.names = RandomUnit(rng, rng() % 10, vocabulary);
    article.numbers = RandomUnit(rng, rng() % 4, vocabulary);
    if (round % 2 == 0) article.time = 200000;
    lookup.Set(article);
    const StoryFeatureVector direct = ComputeStoryFeatures(article, story);
    const StoryFeatureVector looked_up = lookup.Features(story);
    for (size_t k = 0; k < kStoryFeatureCount; ++k) {
      EXPECT_EQ(looked_up[k], direct[k]) << "round " << round << ", " << StoryFeatureName(k);
    }
  }
}

}  // namespace
}  // namespace storydesk::stories
