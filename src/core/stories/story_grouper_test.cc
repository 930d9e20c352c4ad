#include "core/stories/story_grouper.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "core/stories/grouping_test_support.h"
#include "storydesk/time/published_time.h"

namespace storydesk::stories {
namespace {

TEST(StoryGrouperTest, SimilarArticlesJoinAndDifferentOnesOpenStories) {
  ProfileMaker maker;
  StoryGrouper grouper;
  auto a = grouper.Assign(maker.Make("a", kFerry, {"port alvara"}, 1));
  auto b =
      grouper.Assign(maker.Make("b", {"ferri", "collis", "passeng", "rescu", "harbour", "injur"}, {"port alvara"}, 1));
  auto c = grouper.Assign(maker.Make("c", kBudget, {"mayor lind"}, 2));
  EXPECT_TRUE(a.opened_story);
  EXPECT_EQ(b.story, a.story);
  EXPECT_FALSE(b.opened_story);
  EXPECT_NE(c.story, a.story);
  EXPECT_TRUE(c.opened_story);
}

// Issue 14, defect 8: 200,000 short texts ("tiny N.") sharing one word became one story.
TEST(StoryGrouperTest, TextsSayingTooLittleNeverFormOneGiantStory) {
  ProfileMaker maker;
  StoryGrouper grouper;
  std::set<int64_t> stories;
  for (int i = 0; i < 500; ++i) {
    // Two content terms each, one shared by all ("tiny"): distinct texts, no copies.
    stories.insert(
        grouper.Assign(maker.Make("tiny-" + std::to_string(i), {"tiny", "n" + std::to_string(i)}, {}, 1)).story);
  }
  EXPECT_EQ(stories.size(), 500u);
  // Three terms or more are evidence enough to join.
  auto a = grouper.Assign(maker.Make("a", {"ferri", "collis", "harbour"}, {}, 1));
  auto b = grouper.Assign(maker.Make("b", {"ferri", "collis", "harbour", "rescu"}, {}, 1));
  EXPECT_EQ(a.story, b.story);
}

TEST(StoryGrouperTest, StoriesOutsideTheWindowAreNotJoined) {
  ProfileMaker maker;
  StoryGrouper grouper;  // 7-day window
  auto first = grouper.Assign(maker.Make("a", kFerry, {}, 1));
  auto later_words = kFerry;
  later_words.push_back("inquiri");  // not a copy: a copy would be found by its fingerprint
  auto later = grouper.Assign(maker.Make("b", later_words, {}, 30));
  EXPECT_NE(later.story, first.story);
  EXPECT_EQ(grouper.ActiveStories(), 1u);  // the first story was evicted
}

TEST(StoryGrouperTest, ExactCopyJoinsOriginalAndPointsToIt) {
  ProfileMaker maker;
  StoryGrouper grouper;
  auto words = Repeat(kFerry, 5);
  grouper.Assign(maker.Make("orig", words, {}, 1));
  grouper.Assign(maker.Make("other", kBudget, {}, 1));
  auto copy = grouper.Assign(maker.Make("copy", words, {}, 2));
  auto copy2 = grouper.Assign(maker.Make("copy2", words, {}, 3));
  EXPECT_EQ(copy.relation, CopyRelation::kExact);
  EXPECT_EQ(copy.copy_of, "orig");
  EXPECT_EQ(copy2.copy_of, "orig");  // the family's original, not the previous copy
  EXPECT_DOUBLE_EQ(copy.copy_score, 1.0);
}

TEST(StoryGrouperTest, NearCopyIsCaughtAndShortTextsAreNot) {
  ProfileMaker maker;
  StoryGrouper grouper;
  std::vector<std::string> words;
  words.reserve(200);
  for (int i = 0; i < 200; ++i) words.push_back("t" + std::to_string(i));
  auto original = grouper.Assign(maker.Make("orig", words, {}, 1));
  auto edited = words;
  edited[150] = "changed";
  auto near = grouper.Assign(maker.Make("near", edited, {}, 1));
  EXPECT_EQ(near.relation, CopyRelation::kNear);
  EXPECT_EQ(near.copy_of, "orig");
  EXPECT_EQ(near.story, original.story);
  EXPECT_GE(near.copy_score, 0.8);

  std::vector<std::string> tiny = {"a", "b", "c"};
  grouper.Assign(maker.Make("tiny1", tiny, {}, 1));
  auto tiny_edit = grouper.Assign(maker.Make("tiny2", {"a", "b", "d"}, {}, 1));
  EXPECT_EQ(tiny_edit.relation, CopyRelation::kNone);
}

TEST(StoryGrouperTest, RecordRestoresStateWithoutDeciding) {
  ProfileMaker maker;
  StoryGrouper grouper;
  Assignment known;
  known.story = 41;
  grouper.Record(maker.Make("a", kFerry, {}, 1), known);
  auto next = grouper.Assign(maker.Make("b", kFerry, {}, 2));
  EXPECT_EQ(next.story, 41);
  auto other = grouper.Assign(maker.Make("c", kBudget, {}, 2));
  EXPECT_EQ(other.story, 42);  // new ids continue above restored ones
}

// The vocabulary's sweep (TermStatistics::Forget) may reuse only ids nothing holds: an open
// story still holds the terms of an article that has left the copy index (older than the
// window) and its ring of recent members; an evicted story holds nothing.
TEST(StoryGrouperTest, MarksTheTermsOfOpenStoriesOnly) {
  ProfileMaker maker;
  StoryGrouper grouper;  // 7-day window
  Assignment open, closed;
  open.story = 7;
  closed.story = 8;
  grouper.Record(maker.Make("a", kFerry, {"port alvara"}, 1), open);
  grouper.Record(maker.Make("b", kBudget, {"mayor lind"}, 1), closed);
  // Story 7 takes an article a day until day 12 (more than the ring of recent members holds);
  // story 8 takes none and leaves the window.
  for (int day = 2; day <= 11; ++day) {
    grouper.Record(
        maker.Make("d" + std::to_string(day), {"inquiri", "report", "hear", "day" + std::to_string(day)}, {}, day),
        open);
  }
  // Restoring never evicts; deciding does.
  ASSERT_EQ(grouper.Assign(maker.Make("e", {"inquiri", "report", "hear", "day12"}, {}, 12)).story, 7);
  ASSERT_EQ(grouper.ActiveStories(), 1u);
  std::vector<bool> in_use(maker.IdBound(), false);
  grouper.MarkTermsInUse(in_use);
  EXPECT_TRUE(in_use[maker.Id("ferri")]);  // in story 7's centroid only
  EXPECT_TRUE(in_use[maker.Id("n:port alvara")]);
  EXPECT_TRUE(in_use[maker.Id("day12")]);
  EXPECT_FALSE(in_use[maker.Id("budget")]);
  EXPECT_FALSE(in_use[maker.Id("n:mayor lind")]);
}

TEST(StoryGrouperTest, UndatedArticlesAreComparedWithEveryStory) {
  ProfileMaker maker;
  StoryGrouper grouper;
  auto a = grouper.Assign(maker.Make("a", kFerry, {}, std::nullopt));
  auto b = grouper.Assign(maker.Make("b", kFerry, {}, 400));
  EXPECT_EQ(a.story, b.story);
}

}  // namespace
}  // namespace storydesk::stories

namespace storydesk::stories {
namespace {

// A hand-made model: join logit 20 * cosine_all - 6, attach probability sigmoid(best logit).
std::shared_ptr<const StoryModel> CosineModel() {
  auto m = std::make_shared<StoryModel>();
  m->join[kBias] = -6;
  m->join[kCosineAll] = 20;
  m->attach[kBestLogit] = 1;
  return m;
}

// Issue 15: undated articles of 2017 and 2018 joined a dated story of 2021 on shared words.
TEST(StoryGrouperLearnedTest, DatedAndUndatedMeetOnlyOnStrongEvidence) {
  const int64_t june_2021 = timeutil::DaysFromCivil(2021, 6, 1);
  struct Case {
    const char* what;
    double p;  // the attach probability every candidate gets
    std::optional<int64_t> story_day, article_day;
    std::vector<int> article_years;
    bool joins;
  };
  const Case cases[] = {
      {"both dated: the ordinary threshold", 0.75, june_2021, june_2021 + 1, {}, true},
      {"both undated: the ordinary threshold", 0.75, std::nullopt, std::nullopt, {}, true},
      {"undated article, dated story, a likely join: not enough", 0.75, june_2021, std::nullopt, {}, false},
      {"dated article, undated story, a likely join: not enough", 0.75, std::nullopt, june_2021, {}, false},
      {"undated article, dated story, a sure join", 0.95, june_2021, std::nullopt, {}, true},
      {"dated article, undated story, a sure join", 0.95, std::nullopt, june_2021, {}, true},
      {"a sure join naming the story's year", 0.95, june_2021, std::nullopt, {2021}, true},
      {"a sure join naming the year before (what led to it)", 0.95, june_2021, std::nullopt, {2015, 2020}, true},
      {"a sure join naming only years far before", 0.95, june_2021, std::nullopt, {2017, 2018}, false},
      {"a sure join naming only years far after", 0.95, june_2021, std::nullopt, {2025}, false},
      {"both dated, names other years: dates decide", 0.75, june_2021, june_2021 + 1, {2017}, true},
  };
  for (const Case& c : cases) {
    ProfileMaker maker;
    GroupingOptions options;
    options.model = ConstantModel(c.p);
    StoryGrouper grouper(options);
    const auto first = grouper.Assign(maker.Make("a", kFerry, {}, c.story_day));
    ArticleProfile article = maker.Make("b", kFerryAgain, {}, c.article_day);
    article.mentioned_years = c.article_years;
    const auto second = grouper.Assign(article);
    EXPECT_EQ(second.relation, CopyRelation::kNone) << c.what;
    EXPECT_EQ(second.story == first.story, c.joins) << c.what;
  }
}

// Issue 19: one event is one day's news. Weekly jobless reports and a vote followed by the
// next vote two days later share their words; the days their leads give tell them apart.
TEST(StoryGrouperLearnedTest, LeadsGivingOtherDaysAreOtherEvents) {
  const int64_t june_2021 = timeutil::DaysFromCivil(2021, 6, 1);
  const auto day = [&](int64_t offset) { return static_cast<int32_t>(june_2021 + offset); };
  struct Case {
    const char* what;
    double p;  // the attach probability every candidate gets from its text
    std::vector<int32_t> story_days, article_days;
    bool joins;
  };
  const Case cases[] = {
      {"the same day", 0.9, {day(0)}, {day(0)}, true},
      {"no day on one side: text decides", 0.9, {day(0)}, {}, true},
      {"no day on either side", 0.9, {}, {}, true},
      {"a day apart, a sure text", 0.9, {day(0)}, {day(1)}, true},
      {"a day apart, a likely text", 0.6, {day(0)}, {day(1)}, false},
      {"two days apart, even a sure text", 0.99, {day(0)}, {day(2)}, false},
      {"a week apart (the next weekly report)", 0.99, {day(-7)}, {day(0)}, false},
      {"one of the article's days is the story's", 0.9, {day(0)}, {day(-3), day(0)}, true},
  };
  for (const Case& c : cases) {
    ProfileMaker maker;
    StoryGrouper grouper(EventLevel(c.p));
    ArticleProfile first = maker.Make("a", kFerry, {}, june_2021);
    first.event_days = c.story_days;
    const auto opened = grouper.Assign(std::move(first));
    ArticleProfile article = maker.Make("b", kFerryAgain, {}, june_2021 + 1);
    article.event_days = c.article_days;
    EXPECT_EQ(grouper.Assign(std::move(article)).story == opened.story, c.joins) << c.what;
  }
}

// Of two candidate stories alike in text, the one of the article's day wins.
TEST(StoryGrouperLearnedTest, TheDayPicksBetweenCandidates) {
  const int64_t june_2021 = timeutil::DaysFromCivil(2021, 6, 1);
  ProfileMaker maker;
  StoryGrouper grouper(EventLevel(0.9));
  // Two stories the text cannot tell apart (the same words, one more word each: no copies).
  std::vector<std::string> monday_words = kFerry, wednesday_words = kFerry, article_words = kFerry;
  monday_words.push_back("monday");
  wednesday_words.push_back("wednesday");
  article_words.push_back("report");
  ArticleProfile monday = maker.Make("monday", monday_words, {}, june_2021);
  monday.event_days = {static_cast<int32_t>(june_2021)};
  const auto first = grouper.Assign(std::move(monday));
  // The runner-up to the first story by text: it opens a story of its own only by its day.
  ArticleProfile wednesday = maker.Make("wednesday", wednesday_words, {}, june_2021 + 2);
  wednesday.event_days = {static_cast<int32_t>(june_2021 + 2)};
  const auto second = grouper.Assign(std::move(wednesday));
  ASSERT_NE(second.story, first.story);
  ArticleProfile article = maker.Make("article", article_words, {}, june_2021 + 2);
  article.event_days = {static_cast<int32_t>(june_2021 + 2)};
  EXPECT_EQ(grouper.Assign(std::move(article)).story, second.story);
}

// By default a story follows a matter over days: the days its leads give change nothing.
TEST(StoryGrouperLearnedTest, StoriesSpanDaysUnlessGroupingEvents) {
  const int64_t june_2021 = timeutil::DaysFromCivil(2021, 6, 1);
  ProfileMaker maker;
  GroupingOptions options;
  options.model = ConstantModel(0.9);
  StoryGrouper grouper(options);
  ArticleProfile breach = maker.Make("breach", kFerry, {}, june_2021);
  breach.event_days = {static_cast<int32_t>(june_2021)};
  const auto opened = grouper.Assign(std::move(breach));
  ArticleProfile hearing = maker.Make("hearing", kFerryAgain, {}, june_2021 + 3);
  hearing.event_days = {static_cast<int32_t>(june_2021 + 3)};
  EXPECT_EQ(grouper.Assign(std::move(hearing)).story, opened.story);
}

// A story's own day is the one most of its articles give, not every day one of them mentions.
TEST(StoryGrouperLearnedTest, AStorysDayIsTheOneMostOfItsLeadsGive) {
  const int64_t june_2021 = timeutil::DaysFromCivil(2021, 6, 1);
  const auto day = [&](int64_t offset) { return static_cast<int32_t>(june_2021 + offset); };
  ProfileMaker maker;
  StoryGrouper grouper(EventLevel(0.99));
  const std::vector<std::vector<int32_t>> members = {{day(0)}, {day(0), day(4)}, {day(0)}};
  int64_t story = 0;
  std::set<int64_t> stories;
  for (size_t i = 0; i < members.size(); ++i) {
    // Each reworded by a word of its own: no copies (a copy joins whatever the days).
    std::vector<std::string> words = kFerry;
    words.push_back("word" + std::to_string(i));
    ArticleProfile member = maker.Make("m" + std::to_string(i), words, {}, june_2021);
    member.event_days = members[i];
    const Assignment assigned = grouper.Assign(std::move(member));
    EXPECT_EQ(assigned.relation, CopyRelation::kNone) << i;
    story = assigned.story;
    stories.insert(story);
  }
  ASSERT_EQ(stories.size(), 1u) << "the three members make one story";
  ArticleProfile later = maker.Make("later", kFerryAgain, {}, june_2021 + 4);
  // The same day against the story's day (day 0) is a join: the control.
  ArticleProfile same_day = maker.Make("same", Repeat(kFerryAgain, 2), {}, june_2021 + 1);
  same_day.event_days = {day(0)};
  EXPECT_EQ(grouper.Assign(std::move(same_day)).story, story);
  later.event_days = {day(4)};
  EXPECT_NE(grouper.Assign(std::move(later)).story, story) << "day 4 is one member's aside, not the story's day";
}

TEST(StoryGrouperLearnedTest, ACopyJoinsWhateverTheDates) {
  ProfileMaker maker;
  GroupingOptions options;
  options.model = ConstantModel(0.75);
  StoryGrouper grouper(options);
  const auto words = Repeat(kFerry, 5);
  const auto original = grouper.Assign(maker.Make("a", words, {}, timeutil::DaysFromCivil(2021, 6, 1)));
  ArticleProfile copy = maker.Make("b", words, {}, std::nullopt);
  copy.mentioned_years = {2017};
  const auto assigned = grouper.Assign(copy);
  EXPECT_EQ(assigned.relation, CopyRelation::kExact);
  EXPECT_EQ(assigned.story, original.story);
}

TEST(StoryGrouperTest, FixedModeAlsoGuardsDatedAgainstUndated) {
  const int64_t june_2021 = timeutil::DaysFromCivil(2021, 6, 1);
  for (const bool undated : {false, true}) {
    ProfileMaker maker;
    GroupingOptions options;
    // Between the ordinary and the mixed threshold: the reworded ferry article scores above
    // 0.2 against the first (checked below).
    options.join_threshold = 0.2;
    options.mixed_dating_join_threshold = 0.99;
    StoryGrouper grouper(options);
    const auto first = grouper.Assign(maker.Make("a", kFerry, {}, june_2021));
    const auto second =
        grouper.Assign(maker.Make("b", kFerryAgain, {}, undated ? std::nullopt : std::optional<int64_t>(june_2021)));
    EXPECT_EQ(second.story == first.story, !undated) << (undated ? "undated" : "dated");
  }
}

TEST(StoryGrouperLearnedTest, TheModelDecidesJoinsAndNewStories) {
  ProfileMaker maker;
  GroupingOptions options;
  options.model = CosineModel();
  StoryGrouper grouper(options);
  const auto a = grouper.Assign(maker.Make("a", kFerry, {}, 1));
  const auto b = grouper.Assign(maker.Make("b", {"ferri", "collis", "passeng", "rescu", "harbour", "injur"}, {}, 1));
  const auto c = grouper.Assign(maker.Make("c", kBudget, {}, 1));
  EXPECT_EQ(b.story, a.story);
  EXPECT_GT(b.similarity, 0.5) << "the attach probability";
  EXPECT_TRUE(c.opened_story);
  EXPECT_NE(c.story, a.story);
  EXPECT_TRUE(b.merged.empty());
}

TEST(StoryGrouperLearnedTest, AnArticleBridgingTwoStoriesMergesThemIntoTheOlder) {
  ProfileMaker maker;
  GroupingOptions options;
  options.model = CosineModel();
  options.merge_probability = 0.9;
  options.merge_cosine = 0.0;
  StoryGrouper grouper(options);
  const auto ferry = grouper.Assign(maker.Make("ferry", kFerry, {}, 1));
  const auto budget = grouper.Assign(maker.Make("budget", kBudget, {}, 1));
  ASSERT_NE(ferry.story, budget.story);
  std::vector<std::string> both = kFerry;
  both.insert(both.end(), kBudget.begin(), kBudget.end());
  const auto bridge = grouper.Assign(maker.Make("bridge", both, {}, 2));
  EXPECT_EQ(bridge.story, ferry.story) << "the older id survives";
  EXPECT_EQ(bridge.merged, std::vector<int64_t>{budget.story});
  EXPECT_EQ(grouper.CurrentStory(budget.story), ferry.story);
  EXPECT_EQ(grouper.CurrentStory(ferry.story), ferry.story);
  // Later articles of either side find the merged story.
  EXPECT_EQ(grouper.Assign(maker.Make("more budget", kBudget, {}, 2)).story, ferry.story);
}

// An analyst moved articles apart (KeepApart): the same bridging article joins one of the two
// stories and merges nothing; other stories still merge.
TEST(StoryGrouperLearnedTest, MergeRepairLeavesStoriesKeptApartAlone) {
  ProfileMaker maker;
  GroupingOptions options;
  options.model = CosineModel();
  options.merge_probability = 0.9;
  options.merge_cosine = 0.0;
  StoryGrouper grouper(options);
  const auto ferry = grouper.Assign(maker.Make("ferry", kFerry, {}, 1));
  const auto budget = grouper.Assign(maker.Make("budget", kBudget, {}, 1));
  grouper.KeepApart(budget.story, ferry.story);
  std::vector<std::string> both = kFerry;
  both.insert(both.end(), kBudget.begin(), kBudget.end());
  const auto bridge = grouper.Assign(maker.Make("bridge", both, {}, 2));
  EXPECT_TRUE(bridge.story == ferry.story || bridge.story == budget.story);
  EXPECT_TRUE(bridge.merged.empty());
  EXPECT_EQ(grouper.CurrentStory(budget.story), budget.story);
  EXPECT_EQ(grouper.CurrentStory(ferry.story), ferry.story);
}

TEST(StoryGrouperLearnedTest, MergeRepairIsOffByDefault) {
  ProfileMaker maker;
  GroupingOptions options;
  options.model = CosineModel();
  StoryGrouper grouper(options);
  const auto ferry = grouper.Assign(maker.Make("ferry", kFerry, {}, 1));
  const auto budget = grouper.Assign(maker.Make("budget", kBudget, {}, 1));
  std::vector<std::string> both = kFerry;
  both.insert(both.end(), kBudget.begin(), kBudget.end());
  const auto bridge = grouper.Assign(maker.Make("bridge", both, {}, 2));
  EXPECT_TRUE(bridge.merged.empty());
  EXPECT_EQ(grouper.CurrentStory(budget.story), budget.story);
}

}  // namespace
}  // namespace storydesk::stories

namespace storydesk::stories {
namespace {

// A week of stories, two articles each on the day they start; every article also carries the
// word "report", so older stories are candidates too and time gaps of every length are seen.
// Then day 6 brings an article in the words of a day-0 story.
Assignment LateArticleOfAnEarlyStory(bool stream_time_evidence, int64_t* early_story) {
  ProfileMaker maker;
  GroupingOptions options;
  options.model = CosineModel();
  options.stream_time_evidence = stream_time_evidence;
  StoryGrouper grouper(options);
  auto words_of = [](int story) {
    std::vector<std::string> w = {"report"};
    for (int i = 0; i < 6; ++i) w.push_back("s" + std::to_string(story) + "w" + std::to_string(i));
    return w;
  };
  int story = 0;
  for (int day = 0; day < 6; ++day) {
    for (int k = 0; k < 8; ++k, ++story) {
      const auto first = grouper.Assign(maker.Make("a" + std::to_string(story), words_of(story), {}, day));
      auto second = words_of(story);
      second.push_back("extra" + std::to_string(story));  // not a copy: copies skip the story decision
      grouper.Assign(maker.Make("b" + std::to_string(story), second, {}, day));
      if (story == 0) *early_story = first.story;
    }
  }
  // Three words of story 0 among eight, so the text alone joins, but not beyond doubt.
  return grouper.Assign(
      maker.Make("late", {"report", "s0w0", "s0w1", "s0w2", "new1", "new2", "new3", "new4", "new5"}, {}, 6));
}

TEST(StoryGrouperLearnedTest, TimeEvidenceFromTheStreamKeepsLateArticlesOutOfOldStories) {
  int64_t early = 0;
  const Assignment without = LateArticleOfAnEarlyStory(false, &early);
  EXPECT_EQ(without.story, early) << "text alone joins the day-0 story";
  const Assignment with = LateArticleOfAnEarlyStory(true, &early);
  // Every certain join was same-day, so six days apart counts against joining.
  EXPECT_TRUE(with.opened_story);
}

}  // namespace
}  // namespace storydesk::stories
