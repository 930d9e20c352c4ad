#include "core/stories/event_days.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storydesk/time/civil_date.h"

namespace storydesk::stories {
namespace {

int32_t Day(int year, int month, int day) {
  return static_cast<int32_t>(timeutil::DaysOf(timeutil::CivilDate{year, month, day}));
}

TEST(LeadEventDaysTest, ReadsTheDaysTheLeadGivesNearItsPublication) {
  struct Case {
    const char* text;
    std::optional<std::string> published;
    std::vector<int32_t> days;
  };
  // 2021-07-22 is a Thursday.
  const Case cases[] = {
      {"The Senate voted 67-32 on Tuesday to pass the bill. Senators left for the weekend.",
       "2021-07-22",
       {Day(2021, 7, 20)}},
      {"Applications for unemployment insurance fell in the week ended July 17, the Labor Department said on "
       "Thursday.",
       "2021-07-22",
       {Day(2021, 7, 17), Day(2021, 7, 22)}},
      {"Officials said Tuesday the bridge would reopen on Friday.", "2021-07-22", {Day(2021, 7, 20), Day(2021, 7, 23)}},
      // Background: a date far from the publication names an earlier event the story refers to.
      {"The committee investigating the Jan. 6 attack met for the first time.", "2021-07-22", {}},
      // A relative date someone is quoted saying is not counted from the publication.
      {"\"We will meet tomorrow,\" the minister said.", "2021-07-22", {}},
      // Without a publication date relative dates cannot be resolved: no days at all.
      {"The Senate voted on Tuesday.", std::nullopt, {}},
      {"No date here at all.", "2021-07-22", {}},
      // Only the lead: the third sentence is in it, the fourth is background.
      {"One thing. Two things. The vote came on Tuesday.", "2021-07-22", {Day(2021, 7, 20)}},
      {"One thing. Two things. Three things. The vote came on Tuesday.", "2021-07-22", {}},
      // A week either side is kept; a day more is background.
      {"The talks opened on July 15 and close on July 29.", "2021-07-22", {Day(2021, 7, 15), Day(2021, 7, 29)}},
      {"The talks opened on July 14 and close on July 30.", "2021-07-22", {}},
  };
  text::TextAnalyzer analyzer;
  for (const Case& c : cases) {
    EXPECT_EQ(LeadEventDays(analyzer.Analyze(c.text), c.published), c.days) << c.text;
  }
}

TEST(CompareEventDaysTest, SameNearApartOrUnknown) {
  struct Case {
    std::vector<int32_t> a, b;
    DayAgreement expected;
  };
  const Case cases[] = {
      {{}, {10}, DayAgreement::kUnknown},      {{10}, {}, DayAgreement::kUnknown},
      {{10}, {10}, DayAgreement::kSame},       {{3, 10}, {10, 12}, DayAgreement::kSame},
      {{10}, {11}, DayAgreement::kNear},       {{11}, {10}, DayAgreement::kNear},
      {{10}, {12}, DayAgreement::kApart},      {{1, 20}, {5, 9, 15}, DayAgreement::kApart},
      {{1, 20}, {5, 19}, DayAgreement::kNear},
  };
  for (const Case& c : cases) EXPECT_EQ(CompareEventDays(c.a, c.b), c.expected);
}

TEST(CountEventDaysTest, CountsMergesAndGivesTheMostGivenDays) {
  std::vector<std::pair<int32_t, int32_t>> counted;
  CountEventDays(&counted, {10, 12});
  CountEventDays(&counted, {10});
  EXPECT_EQ(counted, (std::vector<std::pair<int32_t, int32_t>>{{10, 2}, {12, 1}}));
  EXPECT_EQ(MostGivenDays(counted), (std::vector<int32_t>{10}));
  MergeCountedEventDays(&counted, {{9, 1}, {12, 1}});
  EXPECT_EQ(counted, (std::vector<std::pair<int32_t, int32_t>>{{9, 1}, {10, 2}, {12, 2}}));
  EXPECT_EQ(MostGivenDays(counted), (std::vector<int32_t>{10, 12}));
  EXPECT_TRUE(MostGivenDays({}).empty());
}

}  // namespace
}  // namespace storydesk::stories
