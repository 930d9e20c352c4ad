#include "adapters/service/storylines.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storydesk::service {
namespace {

store::StorySummary Event(int64_t id, int64_t storyline, std::optional<std::string> first,
                          std::optional<std::string> last, int articles, std::vector<std::string> sources = {}) {
  store::StorySummary s;
  s.id = id;
  s.storyline = storyline;
  s.headline = "event " + std::to_string(id);
  s.first_published = std::move(first);
  s.last_published = std::move(last);
  s.articles = articles;
  s.source_names = std::move(sources);
  return s;
}

TEST(StorylinesTest, EventsAreGroupedOnATimelineAndStorylinesListedByNewestActivity) {
  const std::vector<store::StorySummary> stories = {
      Event(5, 2, "2021-05-20", "2021-05-21", 7, {"AP", "Fox"}),  // the cease-fire
      Event(1, 2, "2021-05-11", "2021-05-12", 4, {"AP", "VOA"}),  // the first strikes
      Event(3, 2, "2021-05-15", "2021-05-15", 3, {"Guardian"}),
      Event(4, 9, "2021-05-19", "2021-05-19", 2),
      Event(6, 0, "2021-05-30", "2021-05-30", 1),   // stored without events
      Event(7, 11, std::nullopt, std::nullopt, 2),  // undated
  };
  const std::vector<StorylineSummary> lines = GroupIntoStorylines(stories);
  ASSERT_EQ(lines.size(), 3u) << "the story without a storyline is left out";
  EXPECT_EQ(lines[0].id, 2) << "last active on May 21";
  EXPECT_EQ(lines[1].id, 9);
  EXPECT_EQ(lines[2].id, 11) << "undated last";

  const StorylineSummary& war = lines[0];
  std::vector<int64_t> timeline;
  for (const auto& e : war.events) timeline.push_back(e.id);
  EXPECT_EQ(timeline, (std::vector<int64_t>{1, 3, 5})) << "earliest first";
  EXPECT_EQ(war.headline, "event 5") << "the event with the most articles";
  EXPECT_EQ(war.first_published, "2021-05-11");
  EXPECT_EQ(war.last_published, "2021-05-21");
  EXPECT_EQ(war.articles, 14);
  EXPECT_EQ(war.source_names, (std::vector<std::string>{"AP", "Fox", "Guardian", "VOA"}));

  const nlohmann::json j = StorylineJson(war, [](const store::StorySummary& e) { return nlohmann::json(e.id); });
  EXPECT_EQ(j["events"], 3);
  EXPECT_EQ(j["sources"], 4);
  EXPECT_EQ(j["timeline"], nlohmann::json::array({1, 3, 5}));
  EXPECT_TRUE(lines[2].first_published == std::nullopt);
}

TEST(StorylinesTest, AStoreWithoutStorylinesListsNone) {
  EXPECT_TRUE(GroupIntoStorylines({Event(1, 0, "2021-05-01", "2021-05-01", 3)}).empty());
  EXPECT_TRUE(GroupIntoStorylines({}).empty());
}

}  // namespace
}  // namespace storydesk::service
