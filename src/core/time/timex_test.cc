#include "storydesk/time/timex.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storydesk::timeutil {
namespace {

// One expression expected in a sentence: its text as written, type and value.
struct Expected {
  std::string text;
  std::string type;
  std::string value;
};

struct Case {
  std::string sentence;
  std::vector<Expected> expected;
};

void ExpectTimexes(const std::vector<Case>& cases, const std::optional<CivilDate>& published) {
  for (const Case& c : cases) {
    const std::vector<Timex> found = FindTimexes(c.sentence, published);
    std::vector<Expected> got;
    got.reserve(found.size());
    for (const Timex& t : found) {
      got.push_back({c.sentence.substr(t.begin, t.end - t.begin), std::string(TimexTypeName(t.type)), t.value});
    }
    ASSERT_EQ(got.size(), c.expected.size()) << c.sentence;
    for (size_t k = 0; k < got.size(); ++k) {
      EXPECT_EQ(got[k].text, c.expected[k].text) << c.sentence;
      EXPECT_EQ(got[k].type, c.expected[k].type) << c.sentence;
      EXPECT_EQ(got[k].value, c.expected[k].value) << c.sentence;
    }
  }
}

// Written on Monday 2021-08-23, as seed 000 was.
TEST(TimexTest, RelativeDatesResolveAgainstThePublicationDate) {
  const std::vector<Case> cases = {
      {"Sung Kim arrived in Seoul on Saturday for a four-day visit.",
       {{"Saturday", "DATE", "2021-08-21"}, {"four-day", "DURATION", "P4D"}}},
      {"He is expected to meet officials on Tuesday.", {{"Tuesday", "DATE", "2021-08-24"}}},
      {"The envoy will travel to Tokyo on Friday.", {{"Friday", "DATE", "2021-08-27"}}},
      // "should" looks ahead like "would" ("should have" looks back).
      {"The engineer repeated that the bridge should reopen by mid-October.", {{"mid-October", "DATE", "2021-10"}}},
      {"The bridge should have reopened in October.", {{"October", "DATE", "2020-10"}}},
      // Written on a Monday, "on Monday" in the future tense is that day; "next Monday" is not.
      {"The results are expected to be announced on Monday.", {{"Monday", "DATE", "2021-08-23"}}},
      {"The envoy said on Monday he was ready to meet.", {{"Monday", "DATE", "2021-08-23"}}},
      {"The exercise began last Monday.", {{"last Monday", "DATE", "2021-08-16"}}},
      // A verb past the comma after the date is another clause's.
      {"Adams declared victory in the Democratic nomination for mayor of New York City on Tuesday, all but "
       "guaranteeing he will head the city.",
       {{"Tuesday", "DATE", "2021-08-17"}}},
      {"The exercise began on 16 August.", {{"16 August", "DATE", "2021-08-16"}}},
      {"Talks are set for next Monday.", {{"next Monday", "DATE", "2021-08-30"}}},
      {"Yesterday the ministry said talks would resume tomorrow.",
       {{"Yesterday", "DATE", "2021-08-22"}, {"tomorrow", "DATE", "2021-08-24"}}},
      {"Officials met earlier this month and will meet again next week.",
       {{"earlier this month", "DATE", "2021-08"}, {"next week", "DATE", "2021-W35"}}},
      {"Exports fell last month and last year.", {{"last month", "DATE", "2021-07"}, {"last year", "DATE", "2020"}}},
      {"The talks stalled in March.", {{"March", "DATE", "2021-03"}}},
      {"A summit is planned in late November.", {{"late November", "DATE", "2021-11"}}},
      {"The deal was signed two years ago.", {{"two years ago", "DATE", "2019"}}},
      {"The weather was warm this summer.", {{"this summer", "DATE", "2021-SU"}}},
      {"Profits rose in the third quarter.", {{"the third quarter", "DATE", "2021-Q3"}}},
      {"The talks are now stalled.", {{"now", "DATE", "PRESENT_REF"}}},
      {"Exports rose in January this year.", {{"January this year", "DATE", "2021-01"}}},
      {"Fiscal 2020 ended in early September; $14 billion was spent.",
       {{"Fiscal 2020", "DATE", "2020"}, {"early September", "DATE", "2020-09"}}},
  };
  ExpectTimexes(cases, CivilDate{2021, 8, 23});
}

// The tense of the clause decides which weekday, month or day a date without a year is; a
// results report's "a year ago" is the year-ago quarter. Written on Monday 1989-10-30.
TEST(TimexTest, TenseAndReportContextChooseTheYear) {
  const std::vector<Case> cases = {
      // Past: an irregular or "-ed" verb before the date, or after it when nothing comes before.
      {"The chairman stepped down in March.", {{"March", "DATE", "1989-03"}}},
      {"In January, the board brought in a new chief.", {{"January", "DATE", "1989-01"}}},
      {"Sales rose in the fiscal year ended Jan. 31.", {{"Jan. 31", "DATE", "1989-01-31"}}},
      // A day later in the publication month keeps its year, whatever the tense.
      {"The offer was extended to Oct. 31.", {{"Oct. 31", "DATE", "1989-10-31"}}},
      // Future: a deadline, "to be", "payable", a modal; a passive is not the past.
      {"The dividend is payable Dec. 15 to holders of record.", {{"Dec. 15", "DATE", "1989-12-15"}}},
      {"The sale is to be completed by Jan. 15.", {{"Jan. 15", "DATE", "1990-01-15"}}},
      {"The hearing was postponed until Tuesday morning.", {{"Tuesday morning", "DATE", "1989-10-31TMO"}}},
      {"The stock would be paid in February.", {{"February", "DATE", "1990-02"}}},
      {"Rebels planned a march on Saturday.", {{"Saturday", "DATE", "1989-11-04"}}},
      // A determiner makes a participle an adjective; a present verb ends the search.
      {"The reduced dividend is payable Jan. 2.", {{"Jan. 2", "DATE", "1990-01-02"}}},
      {"The company said it is calling the notes on Dec. 7.", {{"Dec. 7", "DATE", "1989-12-07"}}},
      // No tense: the latest such month, unless it is one or two months ahead.
      {"Shares climbed from $29 in March.", {{"March", "DATE", "1989-03"}}},
      {"Rules due out in mid-December may settle it.", {{"mid-December", "DATE", "1989-12"}}},
      // An initial's period does not end the sentence that holds the tense.
      {"Mr. Smith will succeed John P. Doe Feb. 1.", {{"Feb. 1", "DATE", "1990-02-01"}}},
      {"The firm named a new chairman, effective Feb. 1.", {{"Feb. 1", "DATE", "1990-02-01"}}},
      // A date naming an event as a modifier is that known event, whatever the verb.
      {"He will lead the inquiry into the Jan. 6 riot.", {{"Jan. 6", "DATE", "1989-01-06"}}},
      {"The rate would drop from March's 6%.", {{"March", "DATE", "1989-03"}}},
      {"Thousands took to the streets this Sunday.", {{"this Sunday", "DATE", "1989-10-29"}}},
      {"She warned would-be migrants on Monday.", {{"Monday", "DATE", "1989-10-30"}}},
      {"They discussed a plan to curb crime on Friday.", {{"Friday", "DATE", "1989-10-27"}}},
      {"The doctor was shot last Nov. 5 at his home.", {{"last Nov. 5", "DATE", "1988-11-05"}}},
      {"Until Thursday, the police had not named him.", {{"Thursday", "DATE", "1989-10-26"}}},
      // A weekday with its date, a clock time with its weekday, a possessive weekday.
      {"The paper said in an editorial on Saturday, Nov. 4: the vote matters.",
       {{"Saturday, Nov. 4", "DATE", "1989-11-04"}}},
      {"The agency gave the family until 9 a.m. Tuesday to sign.", {{"9 a.m. Tuesday", "TIME", "1989-10-31T09:00"}}},
      {"Lawyers said they would look for ways around Friday's ruling.", {{"Friday", "DATE", "1989-10-27"}}},
      {"On Tuesday, the league of women voters plans to hold a rally.", {{"Tuesday", "DATE", "1989-10-31"}}},
      {"Trading will resume at 4 a.m. EDT Thursday.", {{"4 a.m. EDT Thursday", "TIME", "1989-11-02T04:00"}}},
      // An adjective in "-ed" is no past; a date something is moved to, or a deadline "by" in a
      // clause without a tense, is not the latest.
      {"It would be paid on a still unspecified date in January.", {{"January", "DATE", "1990-01"}}},
      {"A bid was extended to Nov. 16.", {{"Nov. 16", "DATE", "1989-11-16"}}},
      {"The vote will be postponed to March.", {{"March", "DATE", "1990-03"}}},
      {"The company unveiled the plan in March.", {{"March", "DATE", "1989-03"}}},
      {"The program is to pay down the loan by February.", {{"February", "DATE", "1990-02"}}},
      {"By February, sales had fallen.", {{"February", "DATE", "1989-02"}}},
      // Quarters and halves qualified by their year; a week or a day named by another day.
      {"Profit beat the year-ago third quarter and the 1988 fourth quarter.",
       {{"the year-ago third quarter", "DATE", "1988-Q3"}, {"the 1988 fourth quarter", "DATE", "1988-Q4"}}},
      {"Analysts expect a weak next year's first quarter.", {{"next year's first quarter", "DATE", "1990-Q1"}}},
      {"Sales will rise in the first half of 1990 and in the second half of next year.",
       {{"the first half of 1990", "DATE", "1990-H1"}, {"the second half of next year", "DATE", "1990-H2"}}},
      {"Losses mounted in the last half of the '80s.", {{"the last half of the '80s", "DATE", "198"}}},
      {"Talks resume the week of Nov. 6.", {{"the week of Nov. 6", "DATE", "1989-W45"}}},
      {"They met the day before yesterday.", {{"the day before yesterday", "DATE", "1989-10-28"}}},
      {"Sales in the current fiscal year will rise.", {{"the current fiscal year", "DATE", "1989"}}},
  };
  ExpectTimexes(cases, CivilDate{1989, 10, 30});

  // One text: the report names its quarter, then compares with a year ago.
  const std::string report =
      "Acme posted third-quarter net of $5 million. Revenue fell 3% from $90 million a year ago. "
      "In the year-earlier period, Acme lost money. Sales in the latest period rose.";
  const std::vector<Timex> found = FindTimexes(report, CivilDate{1989, 10, 30});
  std::vector<std::string> values;
  values.reserve(found.size());
  for (const Timex& t : found) values.push_back(report.substr(t.begin, t.end - t.begin) + "=" + t.value);
  EXPECT_EQ(values, (std::vector<std::string>{"third-quarter=1989-Q3", "a year ago=1988-Q3",
                                              "the year-earlier period=1988-Q3", "the latest period=1989-Q3"}));

  // A report on nine months compares with the year before, not a quarter.
  const std::string nine_months =
      "Acme posted third-quarter net of $5 million. It lost $9 million in the first nine months, against a "
      "profit a year earlier.";
  const std::vector<Timex> longer = FindTimexes(nine_months, CivilDate{1989, 10, 30});
  ASSERT_FALSE(longer.empty());
  EXPECT_EQ(nine_months.substr(longer.back().begin, longer.back().end - longer.back().begin), "a year earlier");
  EXPECT_EQ(longer.back().value, "1988");
}

TEST(TimexTest, HolidaysSpelledYearsCenturiesAndSeasons) {
  const std::vector<Case> cases = {
      {"Families will gather on Thanksgiving Day.", {{"Thanksgiving Day", "DATE", "1998-11-26"}}},
      {"The boy was rescued last Thanksgiving.", {{"last Thanksgiving", "DATE", "1997-11-27"}}},
      {"Shops will close on Christmas Eve.", {{"Christmas Eve", "DATE", "1998-12-24"}}},
      {"Voters go to the polls on Election Day.", {{"Election Day", "DATE", "1998-11-03"}}},
      {"Pilgrims arrived for Easter.", {{"Easter", "DATE", "1998-04-12"}}},
      {"Atlanta, nineteen ninety-six: a bomb at the games.", {{"nineteen ninety-six", "DATE", "1996"}}},
      {"It happened in January nineteen ninety-seven.", {{"January nineteen ninety-seven", "DATE", "1997-01"}}},
      {"Computers must be ready for the year two thousand.", {{"the year two thousand", "DATE", "2000"}}},
      {"The tower dates from the 11th century.", {{"the 11th century", "DATE", "10"}}},
      {"Prices soared in the nineties.", {{"the nineties", "DATE", "199"}}},
      {"Sales slowed in the summer.", {{"the summer", "DATE", "1998-SU"}}},
      {"Snow fell in the winter of nineteen ninety-four.", {{"the winter of nineteen ninety-four", "DATE", "1994-WI"}}},
      {"Spain lost Cuba in 1898.", {{"1898", "DATE", "1898"}}},
      {"Iraq's 1990 invasion of Kuwait and a 1996 law were cited.",
       {{"1990", "DATE", "1990"}, {"1996", "DATE", "1996"}}},
      {"The firm will soon begin selling boxes.", {{"soon", "DATE", "FUTURE_REF"}}},
      {"The firm began selling as soon as it could.", {}},
      {"Rates should stay low in the near term.", {{"the near term", "DATE", "FUTURE_REF"}}},
      {"Earnings rose for the full year.", {{"the full year", "DATE", "1998"}}},
  };
  ExpectTimexes(cases, CivilDate{1998, 10, 26});
}

TEST(TimexTest, CalendarValuesAndQuotations) {
  EXPECT_EQ(CalendarPrecision("2021-08-16"), "day");
  EXPECT_EQ(CalendarPrecision("2021-08-21TNI"), "day");
  EXPECT_EQ(CalendarPrecision("2021-08"), "month");
  EXPECT_EQ(CalendarPrecision("2021"), "year");
  EXPECT_EQ(CalendarPrecision("2021-W33"), "");
  EXPECT_EQ(CalendarPrecision("2021-Q3"), "");
  EXPECT_EQ(CalendarPrecision("199"), "");
  EXPECT_EQ(CalendarPrecision("PRESENT_REF"), "");
  EXPECT_TRUE(CalendarCompatible("2021-08", "2021-08-16"));
  EXPECT_TRUE(CalendarCompatible("2021-08-16", "2021"));
  EXPECT_FALSE(CalendarCompatible("2021-08-16", "2021-08-17"));
  EXPECT_TRUE(InsideQuotation("\"Tomorrow morning I'm announcing"));
  EXPECT_TRUE(InsideQuotation("She said: \u201cWe meet "));
  EXPECT_TRUE(InsideQuotation("``We will meet "));
  EXPECT_FALSE(InsideQuotation("\"We will,\" she said on "));
  EXPECT_FALSE(InsideQuotation("The envoy's visit began "));
}

TEST(TimexTest, AbsoluteDatesDecadesAndYears) {
  const std::vector<Case> cases = {
      {"The talks stalled in 2019.", {{"2019", "DATE", "2019"}}},
      {"The plant opened on Aug. 16, 2021, after delays.", {{"Aug. 16, 2021", "DATE", "2021-08-16"}}},
      {"It closed in September 1998.", {{"September 1998", "DATE", "1998-09"}}},
      {"The report is dated 2021-08-16.", {{"2021-08-16", "DATE", "2021-08-16"}}},
      {"Shares closed at 11/02/89 levels.", {{"11/02/89", "DATE", "1989-11-02"}}},
      {"Crime fell in the 1990s.", {{"the 1990s", "DATE", "199"}}},
      {"The fourth quarter of 2020 was weak.", {{"The fourth quarter of 2020", "DATE", "2020-Q4"}}},
      // Counts are not years; a month that is a verb is not a month.
      {"About 2000 people marched in the capital.", {}},
      {"The company may cut 1500 jobs.", {}},
      {"Protesters march on the capital.", {}},
  };
  ExpectTimexes(cases, CivilDate{2021, 8, 23});
}

TEST(TimexTest, DurationsAndSetsAreNotDates) {
  const std::vector<Case> cases = {
      {"The visit lasted for two years.", {{"two years", "DURATION", "P2Y"}}},
      {"Prices rose in the past three months.", {{"the past three months", "DURATION", "P3M"}}},
      {"The committee meets every Monday.", {{"every Monday", "SET", "XXXX-WXX-1"}}},
      {"The figures are published weekly.", {{"weekly", "SET", "P1W"}}},
      {"A 12-year-old boy was found.", {}},
  };
  ExpectTimexes(cases, CivilDate{2021, 8, 23});
}

TEST(TimexTest, WithoutAPublicationDateRelativeValuesAreLeftEmpty) {
  const std::vector<Timex> found = FindTimexes("They met on Tuesday, and in 2019, and on 16 August.", std::nullopt);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_TRUE(found[0].anchored);
  EXPECT_EQ(found[0].value, "");
  EXPECT_FALSE(found[1].anchored);
  EXPECT_EQ(found[1].value, "2019");
  EXPECT_TRUE(found[2].anchored);
  EXPECT_EQ(found[2].value, "");
}

TEST(TimexTest, HostileTextStaysInBounds) {
  const std::vector<std::string> texts = {"",
                                          "Monday",
                                          "'9",
                                          "'90",
                                          "11/",
                                          "1/2/",
                                          "10:",
                                          "the",
                                          "every",
                                          std::string(5000, '9'),
                                          "\xe2\x80\x99s \xe2\x80\x93 Monday",
                                          "Sept.",
                                          "16th of",
                                          "a couple of",
                                          "year-",
                                          "the week of",
                                          "the day before the",
                                          "at 4 a.m.",
                                          "first half of"};
  // Chains that once nested a call per phrase: bounded depth, linear time.
  std::vector<std::string> all = texts;
  std::string days, weeks;
  for (int i = 0; i < 20000; ++i) days += "the day before ", weeks += "the week of ";
  all.push_back(days + "yesterday");
  all.push_back(weeks + "March 6");
  for (const std::string& text : all) {
    size_t after = 0;
    for (const Timex& t : FindTimexes(text, CivilDate{2021, 8, 23})) {
      EXPECT_LE(after, t.begin);
      EXPECT_LT(t.begin, t.end);
      EXPECT_LE(t.end, text.size());
      after = t.end;
    }
  }
}

}  // namespace
}  // namespace storydesk::timeutil
