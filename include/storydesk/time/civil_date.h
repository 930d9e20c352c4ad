// CivilDate: a day of the proleptic Gregorian calendar, with the arithmetic the temporal
// expressions need (timex.h): days between dates, weekdays, ISO 8601 weeks, months and quarters.
// Plain values; pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace storydesk::timeutil {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// "YYYY-MM-DD" (the first 10 characters of a date-time are enough) with a valid calendar day.
std::optional<CivilDate> ParseCivilDate(std::string_view text);

// Days since 1970-01-01, and back.
int64_t DaysOf(const CivilDate& date);
CivilDate DateOfDays(int64_t days);

bool IsValidCivilDate(int year, int month, int day);

// ISO weekday: Monday 1 .. Sunday 7.
int IsoWeekday(const CivilDate& date);

// ISO 8601 week-numbering year and week: 2021-08-16 is 2021-W33.
struct IsoWeek {
  int year = 1970;
  int week = 1;
};
IsoWeek IsoWeekOf(const CivilDate& date);

// TIMEX3 values: "2021-08-16", "2021-08", "2021", "2021-W33", "2021-Q3".
std::string FormatDay(const CivilDate& date);
std::string FormatMonth(int year, int month);
std::string FormatYear(int year);
std::string FormatWeek(const IsoWeek& week);
std::string FormatQuarter(int year, int quarter);

}  // namespace storydesk::timeutil
