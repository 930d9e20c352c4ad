#include "core/stories/storyline_level.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/stories/grouping_test_support.h"
#include "storydesk/time/published_time.h"

namespace storydesk::stories {
namespace {

const int64_t kJune2021 = timeutil::DaysFromCivil(2021, 6, 1);

// The two levels as the engine runs them: the event grouper decides, then the storyline level.
struct TwoLevels {
  explicit TwoLevels(double event_p, double storyline_p)
      : events(EventLevel(event_p)), storylines([&] {
          GroupingOptions options;
          options.model = ConstantModel(storyline_p);
          return options;
        }()) {}

  struct Placed {
    Assignment event;
    int64_t storyline = 0;
  };
  // As the engine does: the event grouper takes the copy document, the storylines the rest.
  Placed Add(ArticleProfile article) {
    Placed placed;
    placed.event = events.Assign(&article);
    placed.storyline = storylines.Place(std::move(article), placed.event, events.CurrentStory(placed.event.story));
    return placed;
  }

  StoryGrouper events;
  StorylineLevel storylines;
};

// One reworded report of the ferry story whose lead dates its news to `day` (offset from
// June 1, 2021), published that day; `n` tells the rewordings apart (no copies).
ArticleProfile FerryReport(ProfileMaker& maker, int n, int64_t day) {
  std::vector<std::string> words = kFerryAgain;
  words.push_back("word" + std::to_string(n));
  ArticleProfile p = maker.Make("ferry" + std::to_string(n), words, {}, kJune2021 + day);
  p.event_days = {static_cast<int32_t>(kJune2021 + day)};
  return p;
}

// FerryReport `n` word for word (a copy of it), under another id, published on `day`.
ArticleProfile Reprint(ProfileMaker& maker, int n, int64_t day, const std::string& id) {
  ArticleProfile p = FerryReport(maker, n, day);
  p.id = id;
  return p;
}

// Issue 19: Tuesday's collision and Thursday's inquiry into it are two events of one storyline;
// the council's budget is another storyline.
TEST(StorylineLevelTest, EventsOfOneMatterOnOtherDaysShareAStoryline) {
  ProfileMaker maker;
  TwoLevels levels(0.9, 0.9);
  const auto tuesday_1 = levels.Add(FerryReport(maker, 1, 0));
  const auto tuesday_2 = levels.Add(FerryReport(maker, 2, 0));
  const auto thursday = levels.Add(FerryReport(maker, 3, 2));
  ArticleProfile budget = maker.Make("budget", kBudget, {}, kJune2021 + 2);
  budget.event_days = {static_cast<int32_t>(kJune2021 + 2)};
  const auto council = levels.Add(std::move(budget));

  EXPECT_EQ(tuesday_2.event.story, tuesday_1.event.story) << "one event, two reports";
  EXPECT_NE(thursday.event.story, tuesday_1.event.story) << "two days later: another event";
  EXPECT_EQ(tuesday_2.storyline, tuesday_1.storyline);
  EXPECT_EQ(thursday.storyline, tuesday_1.storyline) << "the same matter: one storyline";
  EXPECT_NE(council.storyline, tuesday_1.storyline);
  EXPECT_EQ(levels.storylines.StorylineOf(thursday.event.story), tuesday_1.storyline);
}

// However unsure the storyline decision, an article that joins an event goes where the event is:
// an event is never split across storylines.
TEST(StorylineLevelTest, AnArticleJoiningAnEventGoesToTheEventsStoryline) {
  ProfileMaker maker;
  TwoLevels levels(0.9, 0.01);  // storylines never joined by their own decision
  const auto first = levels.Add(FerryReport(maker, 1, 0));
  const auto second = levels.Add(FerryReport(maker, 2, 0));
  const auto later = levels.Add(FerryReport(maker, 3, 3));
  ASSERT_EQ(second.event.story, first.event.story);
  EXPECT_EQ(second.storyline, first.storyline);
  EXPECT_NE(later.event.story, first.event.story);
  EXPECT_NE(later.storyline, first.storyline) << "a new event the storyline decision turns away";
}

TEST(StorylineLevelTest, ACopyGoesToItsEventsStoryline) {
  ProfileMaker maker;
  TwoLevels levels(0.9, 0.01);
  const auto original = levels.Add(FerryReport(maker, 1, 0));
  const auto copied = levels.Add(Reprint(maker, 1, 0, "copy"));
  ASSERT_NE(copied.event.relation, CopyRelation::kNone);
  EXPECT_EQ(copied.event.story, original.event.story);
  EXPECT_EQ(copied.storyline, original.storyline);
}

// Restoring from a store: the stored storyline is taken as it is, new storylines get ids above
// it, and later articles of a restored event find its storyline.
TEST(StorylineLevelTest, RecordKeepsStoredStorylinesAndReservesTheirIds) {
  ProfileMaker maker;
  TwoLevels levels(0.9, 0.01);
  ArticleProfile stored = FerryReport(maker, 1, 0);
  Assignment event;
  event.story = 7;
  levels.events.Record(stored, event);
  levels.storylines.ReserveIdsThrough(40);
  EXPECT_EQ(levels.storylines.Record(stored, event, 7, 40), 40);

  const auto joining = levels.Add(FerryReport(maker, 2, 0));
  EXPECT_EQ(joining.event.story, 7);
  EXPECT_EQ(joining.storyline, 40);
  ArticleProfile budget = maker.Make("budget", kBudget, {}, kJune2021);
  const auto other = levels.Add(std::move(budget));
  EXPECT_GT(other.storyline, 40) << "new storyline ids above the stored ones";
}

// Merge repair at the event level: the merged event's articles are in the survivor's storyline.
TEST(StorylineLevelTest, AMergedEventIsInTheSurvivorsStoryline) {
  ProfileMaker maker;
  StorylineLevel storylines([] {
    GroupingOptions options;
    options.model = ConstantModel(0.01);
    return options;
  }());
  Assignment a, b, bridge;
  a.story = 1;
  b.story = 2;
  const int64_t line_a = storylines.Place(FerryReport(maker, 1, 0), a, 1);
  const int64_t line_b = storylines.Place(maker.Make("b", kBudget, {}, kJune2021), b, 2);
  ASSERT_NE(line_a, line_b);
  bridge.story = 1;
  bridge.merged = {2};
  EXPECT_EQ(storylines.Place(FerryReport(maker, 2, 0), bridge, 1), line_a);
  EXPECT_EQ(storylines.StorylineOf(1), line_a);
  EXPECT_EQ(storylines.StorylineOf(2), std::nullopt) << "its articles are event 1's now (CurrentStory)";
}

// An event outlives the window of its own articles while a copy of it is still indexed: a copy
// of that copy, later still, joins the event, and must find the event's storyline.
TEST(StorylineLevelTest, AnEventsStorylineIsKeptWhileACopyCanStillReachIt) {
  ProfileMaker maker;
  TwoLevels levels(0.9, 0.01);
  const auto original = levels.Add(FerryReport(maker, 1, 0));
  const auto reprint = levels.Add(Reprint(maker, 1, 6, "reprint"));  // six days later
  ASSERT_NE(reprint.event.relation, CopyRelation::kNone);
  ASSERT_EQ(reprint.event.story, original.event.story);
  // Day 12: the event's own article is out of the week's window, the reprint is not.
  levels.storylines.ForgetEventsBefore((kJune2021 + 12) * kDay - 7 * kDay);
  EXPECT_EQ(levels.storylines.StorylineOf(original.event.story), original.storyline);
  const auto late = levels.Add(Reprint(maker, 1, 12, "reprint-of-reprint"));
  ASSERT_NE(late.event.relation, CopyRelation::kNone);
  EXPECT_EQ(late.event.story, original.event.story);
  EXPECT_EQ(late.storyline, original.storyline);
  // Once no member is within the window, the event is forgotten.
  levels.storylines.ForgetEventsBefore((kJune2021 + 30) * kDay);
  EXPECT_EQ(levels.storylines.StorylineOf(original.event.story), std::nullopt);
}

}  // namespace
}  // namespace storydesk::stories
