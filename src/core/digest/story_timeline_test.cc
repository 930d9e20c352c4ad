#include "storydesk/digest/story_timeline.h"

#include <gtest/gtest.h>

#include "core/digest/test_models.h"
#include "storydesk/digest/story_digest.h"

namespace storydesk::digest {
namespace {

DigestArticle Article(std::string id, std::optional<std::string> published, std::string text) {
  DigestArticle a;
  a.id = std::move(id);
  a.published = std::move(published);
  a.text = std::move(text);
  a.relation = "original";
  return a;
}

std::vector<TimelineEntry> Timeline(const std::vector<DigestArticle>& articles) {
  terms::TermStatistics statistics;
  return BuildStoryTimeline(articles, TestMatcher(), claims::ClaimMatcher{TestClaims(), nullptr}, statistics);
}

TEST(StoryTimelineTest, OneEventDatedTwoWaysIsOneEntryCitingBoth) {
  const std::vector<TimelineEntry> t = Timeline({
      Article(
          "a", "2021-08-23",
          "The envoy arrived in Seoul on Saturday. The joint military exercise began on 16 August near the border."),
      Article("b", "2021-08-23T09:00:00Z", "The joint military exercise near the border began last Monday."),
  });
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].date, "2021-08-16");
  EXPECT_EQ(t[0].precision, "day");
  EXPECT_EQ(t[0].expression, "16 August");
  EXPECT_EQ(t[0].text, "The joint military exercise began on 16 August near the border.");
  EXPECT_EQ(t[0].articles, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(t[1].date, "2021-08-21");
  EXPECT_EQ(t[1].articles, (std::vector<std::string>{"a"}));
}

TEST(StoryTimelineTest, SourcesGivingDifferentDatesForOneEventAreShownAsAConflict) {
  const std::vector<TimelineEntry> t = Timeline({
      Article("a", "2021-08-23", "The joint military exercise near the border began on 16 August."),
      Article("b", "2021-08-23", "The joint military exercise near the border began on 17 August."),
      // A sequence, not a conflict: one source gives both days.
      Article("c", "2021-08-23", "Protesters rallied in the capital on Saturday."),
      Article("d", "2021-08-23",
              "Protesters rallied in the capital on Sunday. Protesters rallied in the capital on Saturday too."),
  });
  const auto entry = [&](const std::string& date, const std::string& article) {
    for (const TimelineEntry& e : t) {
      if (e.date == date && e.articles.front() == article) return e;
    }
    ADD_FAILURE() << "no entry " << date << " from " << article;
    return TimelineEntry{};
  };
  const TimelineEntry sixteenth = entry("2021-08-16", "a");
  ASSERT_EQ(sixteenth.conflicts.size(), 1u);
  EXPECT_EQ(sixteenth.conflicts[0].date, "2021-08-17");
  EXPECT_EQ(sixteenth.conflicts[0].articles, (std::vector<std::string>{"b"}));
  const TimelineEntry seventeenth = entry("2021-08-17", "b");
  ASSERT_EQ(seventeenth.conflicts.size(), 1u);
  EXPECT_EQ(seventeenth.conflicts[0].date, "2021-08-16");
  EXPECT_TRUE(entry("2021-08-22", "d").conflicts.empty());
  EXPECT_TRUE(entry("2021-08-21", "c").conflicts.empty());
}

TEST(StoryTimelineTest, SameDayDifferentEventsStayApartAndOrderIsByDate) {
  const std::vector<TimelineEntry> t = Timeline({
      Article("a", "2021-08-23",
              "Parliament passed the budget on Monday. Talks between the parties stalled in 2019 after a summit."),
      Article("b", "2021-08-23", "A storm flooded the harbour district on Monday."),
  });
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].date, "2019");
  EXPECT_EQ(t[0].precision, "year");
  EXPECT_EQ(t[1].date, "2021-08-23");
  EXPECT_EQ(t[2].date, "2021-08-23");
  EXPECT_EQ(t[1].articles.size(), 1u);
  EXPECT_EQ(t[2].articles.size(), 1u);
}

TEST(StoryTimelineTest, AnUndatedArticleGivesOnlyItsAbsoluteDates) {
  const std::vector<TimelineEntry> t = Timeline({
      Article("u", std::nullopt, "The ministers met on Tuesday. The treaty was signed on Aug. 16, 2021."),
  });
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].date, "2021-08-16");
}

TEST(StoryTimelineTest, WeeksQuartersAndVagueTimesAreNotListed) {
  const std::vector<TimelineEntry> t = Timeline({
      Article("a", "2021-08-23", "Sales rose in the third quarter. Prices fell last week. Talks are now stalled."),
  });
  EXPECT_TRUE(t.empty());
}

}  // namespace
}  // namespace storydesk::digest
