#include "adapters/service/stored_story_digest.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace storydesk::service {
namespace {

std::vector<store::StoryMember> Members(size_t n, size_t sources, size_t copy_every = 0) {
  std::vector<store::StoryMember> out;
  for (size_t i = 0; i < n; ++i) {
    store::StoryMember m;
    m.id = "a" + std::to_string(i);
    m.source = "outlet-" + std::to_string(i % sources);
    m.published_at = static_cast<int64_t>(i) * 60;
    m.copy = copy_every != 0 && i % copy_every == copy_every - 1;
    out.push_back(m);
  }
  return out;
}

TEST(ChooseDigestSampleTest, AStoryThatFitsIsReadWhole) {
  const auto chosen = ChooseDigestSample(Members(150, 10), 200);
  ASSERT_EQ(chosen.size(), 150u);
  for (size_t i = 0; i < chosen.size(); ++i) EXPECT_EQ(chosen[i], i);
}

// Issue 14, defect 8: a 200,000-article story's digest took minutes and gigabytes; whatever
// the size, the digest reads at most the budget.
TEST(ChooseDigestSampleTest, AHugeStoryIsSampledWithinTheBudget) {
  for (size_t n : {201u, 1000u, 200000u}) {
    const auto members = Members(n, 7, 3);
    const auto chosen = ChooseDigestSample(members, 200);
    ASSERT_EQ(chosen.size(), 200u) << n;
    EXPECT_TRUE(std::is_sorted(chosen.begin(), chosen.end()));
    EXPECT_EQ(std::set<size_t>(chosen.begin(), chosen.end()).size(), chosen.size()) << "no article twice";
    // Every outlet heard; originals first (copies only once all of them are in); from the
    // story's beginning to its end.
    const size_t originals =
        static_cast<size_t>(std::count_if(members.begin(), members.end(), [](const auto& m) { return !m.copy; }));
    std::set<std::string> sources;
    size_t originals_read = 0;
    for (size_t i : chosen) {
      sources.insert(*members[i].source);
      originals_read += members[i].copy ? 0 : 1;
    }
    EXPECT_EQ(originals_read, std::min<size_t>(originals, 200)) << n;
    EXPECT_EQ(sources.size(), 7u);
    EXPECT_LT(chosen.front(), n / 10);
    EXPECT_GT(chosen.back(), n - n / 10 - 1);
  }
}

TEST(ChooseDigestSampleTest, ManySourcesTakeAtMostHalfTheBudget) {
  const auto members = Members(5000, 5000);  // every article its own outlet
  const auto chosen = ChooseDigestSample(members, 200);
  ASSERT_EQ(chosen.size(), 200u);
  // Half went to the first outlets, the other half spreads over the rest of the story.
  EXPECT_GT(chosen.back(), 4000u);
}

TEST(ChooseDigestSampleTest, CopiesFillOnlyWhenOriginalsRunOut) {
  auto members = Members(1000, 3, 1);                            // all copies...
  for (size_t i = 0; i < 50; ++i) members[i * 20].copy = false;  // ...but 50
  const auto chosen = ChooseDigestSample(members, 200);
  ASSERT_EQ(chosen.size(), 200u);
  size_t originals = 0;
  for (size_t i : chosen) originals += members[i].copy ? 0 : 1;
  EXPECT_EQ(originals, 50u);
}

TEST(ChooseDigestSampleTest, UndatedAndSourcelessMembersAreFine) {
  std::vector<store::StoryMember> members(500);
  for (size_t i = 0; i < members.size(); ++i) members[i].id = "u" + std::to_string(i);
  const auto chosen = ChooseDigestSample(members, 200);
  EXPECT_EQ(chosen.size(), 200u);
}

}  // namespace
}  // namespace storydesk::service
