#include "storydesk/time/published_time.h"

#include <gtest/gtest.h>

#include <string>

namespace storydesk::timeutil {
namespace {

struct GoodCase {
  std::string text;
  int64_t unix_seconds;
};

TEST(ParsePublishedTest, AcceptsDatesAndRfc3339) {
  const GoodCase cases[] = {
      {"1970-01-01", 0},
      {"2021-08-23", 1629676800},
      {"2000-02-29", 951782400},  // divisible by 400: a leap year
      {"2024-02-29", 1709164800},
      {"1969-12-31", -86400},
      {"1000-01-01", -30610224000},
      {"9999-12-31", 253402214400},
      {"2021-08-23T14:05:00Z", 1629727500},
      {"2021-08-23t14:05:00z", 1629727500},
      {"2021-08-23 14:05:00Z", 1629727500},
      {"2021-08-23T14:05:00.250Z", 1629727500},  // fraction dropped
      {"2021-08-23T14:05:00.999999999Z", 1629727500},
      {"2021-08-23T23:05:00+09:00", 1629727500},
      {"2021-08-23T09:35:00-04:30", 1629727500},
      {"2021-08-23T14:05:00-00:00", 1629727500},  // RFC 3339 "offset unknown"
      {"2021-08-24T00:05:00+10:00", 1629727500},  // the date on the page is local
      {"2016-12-31T23:59:60Z", 1483228800},       // leap second: the next minute's first second
      {"2031-03-04T10:00:00+02:00", 1930377600},
  };
  for (const auto& c : cases) {
    auto r = ParsePublished(c.text);
    ASSERT_TRUE(r.ok()) << c.text << ": " << r.status().message();
    EXPECT_EQ(r.value(), c.unix_seconds) << c.text;
  }
}

struct BadCase {
  std::string text;
  std::string message;  // exact expected message
};

TEST(ParsePublishedTest, RejectsWithClearMessages) {
  const std::string expected = "expected YYYY-MM-DD or an RFC 3339 date-time such as 2021-08-23T14:05:00Z";
  const BadCase cases[] = {
      {"", "empty date; " + expected},
      {"yesterday", "not a date; " + expected},
      {"2021/08/23", "not a date; " + expected},
      {"21-08-23", "not a date; " + expected},
      {"2021-8-23", "not a date; " + expected},
      {"2021-08-2", "not a date; " + expected},
      {" 2021-08-23", "not a date; " + expected},
      {"2021-13-01", "month 13 out of range"},
      {"2021-00-10", "month 0 out of range"},
      {"2021-01-32", "day 32 out of range"},
      {"2021-01-00", "day 0 out of range"},
      {"2021-02-29", "2021-02-29 is not a date (2021 is not a leap year)"},
      {"1900-02-29", "1900-02-29 is not a date (1900 is not a leap year)"},
      {"2031-02-30", "2031-02-30 is not a date (February 2031 has 28 days)"},
      {"2020-02-30", "2020-02-30 is not a date (February 2020 has 29 days)"},
      {"2021-04-31", "2021-04-31 is not a date (April 2021 has 30 days)"},
      {"0999-12-31", "year 0999 out of range (1000-9999)"},
      {"0000-01-01", "year 0000 out of range (1000-9999)"},
      {"2021-08-23x", "trailing characters after date"},
      {"2021-08-23 ", "expected a time hh:mm:ss after the date"},
      {"2021-08-23T14:05Z", "expected a time hh:mm:ss after the date"},
      {"2021-08-23T24:00:00Z", "hour 24 out of range"},
      {"2021-08-23T14:60:00Z", "minute 60 out of range"},
      {"2021-08-23T14:05:61Z", "second 61 out of range"},
      {"2021-08-23T14:05:00", "missing time zone offset (Z or +hh:mm) after the time"},
      {"2021-08-23T14:05:00.Z", "expected digits after '.' in the seconds"},
      {"2021-08-23T14:05:00+0900", "bad time zone offset; expected Z or +hh:mm / -hh:mm"},
      {"2021-08-23T14:05:00+09", "bad time zone offset; expected Z or +hh:mm / -hh:mm"},
      {"2021-08-23T14:05:00 UTC", "bad time zone offset; expected Z or +hh:mm / -hh:mm"},
      {"2021-08-23T14:05:00+24:00", "offset hour 24 out of range"},
      {"2021-08-23T14:05:00+09:60", "offset minute 60 out of range"},
      {"2021-08-23T14:05:00Zjunk", "trailing characters after date-time"},
      {"2021-08-23T14:05:00+09:00 ", "trailing characters after date-time"},
  };
  for (const auto& c : cases) {
    auto r = ParsePublished(c.text);
    ASSERT_FALSE(r.ok()) << '"' << c.text << '"';
    EXPECT_EQ(r.status().code(), ErrorCode::kInvalidInput) << c.text;
    EXPECT_EQ(r.status().message(), c.message) << '"' << c.text << '"';
  }
}

TEST(ParseDateFlagTest, SameGrammar) {
  EXPECT_EQ(ParseDateFlag("2021-08-23").value(), 1629676800);
  EXPECT_FALSE(ParseDateFlag("2021-02-29").ok());
}

TEST(DaysFromCivilTest, KnownDays) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(1970, 1, 2), 1);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(0, 3, 1), -719468);
  EXPECT_EQ(DaysFromCivil(-1, 12, 31), -719529);
}

TEST(FormatDateTest, RoundTripsEveryDayOfSomeCenturies) {
  // Every day from 1899 to 2101, both ways: crosses non-leap 1900 and leap 2000.
  for (int64_t days = DaysFromCivil(1899, 1, 1); days <= DaysFromCivil(2101, 12, 31); ++days) {
    const std::string date = FormatDate(days * 86400 + 12345);
    auto back = ParsePublished(date);
    ASSERT_TRUE(back.ok()) << date << ": " << back.status().message();
    ASSERT_EQ(back.value(), days * 86400) << date;
  }
}

TEST(FormatDateTest, Examples) {
  EXPECT_EQ(FormatDate(0), "1970-01-01");
  EXPECT_EQ(FormatDate(-1), "1969-12-31");
  EXPECT_EQ(FormatDate(1629727500), "2021-08-23");
  EXPECT_EQ(FormatDate(951782400), "2000-02-29");
}

TEST(YearOfTest, Examples) {
  EXPECT_EQ(YearOf(0), 1970);
  EXPECT_EQ(YearOf(-1), 1969);
  EXPECT_EQ(YearOf(1629727500), 2021);
  EXPECT_EQ(YearOf(DaysFromCivil(2018, 12, 31) * 86400 + 86399), 2018);
  EXPECT_EQ(YearOf(DaysFromCivil(2019, 1, 1) * 86400), 2019);
}

}  // namespace
}  // namespace storydesk::timeutil
