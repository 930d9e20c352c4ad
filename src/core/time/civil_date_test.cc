#include "storydesk/time/civil_date.h"

#include <gtest/gtest.h>

namespace storydesk::timeutil {
namespace {

TEST(CivilDateTest, DaysRoundTripAndWeekdays) {
  for (int64_t days = -800000; days <= 800000; days += 997) EXPECT_EQ(DaysOf(DateOfDays(days)), days);
  EXPECT_EQ(DaysOf({1970, 1, 1}), 0);
  EXPECT_EQ(IsoWeekday({2021, 8, 23}), 1);  // a Monday
  EXPECT_EQ(IsoWeekday({2021, 8, 22}), 7);
  EXPECT_EQ(IsoWeekday({1970, 1, 1}), 4);
}

TEST(CivilDateTest, IsoWeeksAtYearEnds) {
  struct Case {
    CivilDate date;
    int year, week;
  };
  const Case cases[] = {{{2021, 8, 16}, 2021, 33}, {{2021, 1, 1}, 2020, 53}, {{2020, 12, 31}, 2020, 53},
                        {{2019, 12, 30}, 2020, 1}, {{2018, 1, 1}, 2018, 1},  {{2016, 1, 3}, 2015, 53}};
  for (const Case& c : cases) {
    const IsoWeek w = IsoWeekOf(c.date);
    EXPECT_EQ(w.year, c.year) << FormatDay(c.date);
    EXPECT_EQ(w.week, c.week) << FormatDay(c.date);
  }
  EXPECT_EQ(FormatWeek({2021, 3}), "2021-W03");
}

TEST(CivilDateTest, ParsesOnlyCalendarDays) {
  EXPECT_EQ(ParseCivilDate("2021-08-23"), (CivilDate{2021, 8, 23}));
  EXPECT_EQ(ParseCivilDate("2021-08-23T10:00:00Z"), (CivilDate{2021, 8, 23}));
  EXPECT_EQ(ParseCivilDate("2020-02-29"), (CivilDate{2020, 2, 29}));
  for (const char* bad : {"2021-02-29", "2021-13-01", "2021-8-23", "20210823", "", "2021-08-2x", "2021-08-23x"}) {
    EXPECT_FALSE(ParseCivilDate(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace storydesk::timeutil
