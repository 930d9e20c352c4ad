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
      // Written on a Monday, "on Monday" in the future tense is that day; "next Monday" is not.
      {"The results are expected to be announced on Monday.", {{"Monday", "DATE", "2021-08-23"}}},
      {"The envoy said on Monday he was ready to meet.", {{"Monday", "DATE", "2021-08-23"}}},
      {"The exercise began last Monday.", {{"last Monday", "DATE", "2021-08-16"}}},
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
                                          "year-"};
  for (const std::string& text : texts) {
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
