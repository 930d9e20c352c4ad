#include "storydesk/time/published_time.h"

#include <cstdio>
#include <string>

namespace storydesk::timeutil {
namespace {

constexpr int64_t kSecondsPerDay = int64_t{24} * 60 * 60;
constexpr int64_t kMinYear = 1000;
constexpr int64_t kMaxYear = 9999;

constexpr const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// True when text[pos, pos + count) are all ASCII digits; stores their value in *value.
bool ReadDigits(std::string_view text, size_t pos, size_t count, int64_t* value) {
  if (pos + count > text.size()) return false;
  int64_t v = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (!IsDigit(text[i])) return false;
    v = v * 10 + (text[i] - '0');
  }
  *value = v;
  return true;
}

bool IsLeapYear(int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned DaysInMonth(int64_t year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

Status Invalid(std::string message) { return Status::Error(ErrorCode::kInvalidInput, std::move(message)); }

std::string TwoDigits(int64_t v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", static_cast<int>(v));
  return buf;
}

}  // namespace

// Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil
// (http://howardhinnant.github.io/date_algorithms.html#days_from_civil). The year is shifted
// to start on 1 March so the leap day falls at the end; a 400-year era has 146097 days.
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const int64_t year_of_era = year - era * 400;                                                      // [0, 399]
  const int64_t shifted_month = month > 2 ? month - 3 : month + 9;                                   // March = 0
  const int64_t day_of_year = (153 * shifted_month + 2) / 5 + day - 1;                               // [0, 365]
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;  // [0, 146096]
  return era * 146097 + day_of_era - 719468;  // 719468 = days from 0000-03-01 to 1970-01-01
}

Result<int64_t> ParsePublished(std::string_view text) {
  constexpr const char* kExpected = "expected YYYY-MM-DD or an RFC 3339 date-time such as 2021-08-23T14:05:00Z";
  if (text.empty()) return Invalid(std::string("empty date; ") + kExpected);

  // Date: YYYY-MM-DD.
  int64_t year = 0, month = 0, day = 0;
  if (!ReadDigits(text, 0, 4, &year) || text.size() < 10 || text[4] != '-' || !ReadDigits(text, 5, 2, &month) ||
      text[7] != '-' || !ReadDigits(text, 8, 2, &day)) {
    return Invalid(std::string("not a date; ") + kExpected);
  }
  if (year < kMinYear || year > kMaxYear) {
    return Invalid("year " + std::string(text.substr(0, 4)) + " out of range (1000-9999)");
  }
  if (month < 1 || month > 12) return Invalid("month " + std::to_string(month) + " out of range");
  if (day < 1 || day > 31) return Invalid("day " + std::to_string(day) + " out of range");
  const unsigned month_days = DaysInMonth(year, static_cast<unsigned>(month));
  if (day > month_days) {
    const std::string date(text.substr(0, 10));
    if (month == 2 && day == 29) {
      return Invalid(date + " is not a date (" + std::to_string(year) + " is not a leap year)");
    }
    return Invalid(date + " is not a date (" + kMonthNames[month - 1] + " " + std::to_string(year) + " has " +
                   std::to_string(month_days) + " days)");
  }
  const int64_t days = DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  if (text.size() == 10) return days * kSecondsPerDay;

  // Time: T hh:mm:ss [.fraction] (Z | ±hh:mm). RFC 3339 allows 't' and a space for 'T'.
  const char separator = text[10];
  if (separator != 'T' && separator != 't' && separator != ' ') return Invalid("trailing characters after date");
  int64_t hour = 0, minute = 0, second = 0;
  if (!ReadDigits(text, 11, 2, &hour) || text.size() < 19 || text[13] != ':' || !ReadDigits(text, 14, 2, &minute) ||
      text[16] != ':' || !ReadDigits(text, 17, 2, &second)) {
    return Invalid("expected a time hh:mm:ss after the date");
  }
  if (hour > 23) return Invalid("hour " + TwoDigits(hour) + " out of range");
  if (minute > 59) return Invalid("minute " + TwoDigits(minute) + " out of range");
  // 60 is a leap second (RFC 3339 section 5.7); it counts as the first second of the next minute.
  if (second > 60) return Invalid("second " + TwoDigits(second) + " out of range");
  size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    const size_t digits_start = pos;
    while (pos < text.size() && IsDigit(text[pos])) ++pos;
    if (pos == digits_start) return Invalid("expected digits after '.' in the seconds");
    // Fractions are dropped: published times are kept to the second.
  }
  if (pos == text.size()) return Invalid("missing time zone offset (Z or +hh:mm) after the time");
  int64_t offset_seconds = 0;
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    const int64_t sign = text[pos] == '-' ? -1 : 1;
    int64_t offset_hour = 0, offset_minute = 0;
    if (!ReadDigits(text, pos + 1, 2, &offset_hour) || pos + 3 >= text.size() || text[pos + 3] != ':' ||
        !ReadDigits(text, pos + 4, 2, &offset_minute)) {
      return Invalid("bad time zone offset; expected Z or +hh:mm / -hh:mm");
    }
    if (offset_hour > 23) return Invalid("offset hour " + TwoDigits(offset_hour) + " out of range");
    if (offset_minute > 59) return Invalid("offset minute " + TwoDigits(offset_minute) + " out of range");
    offset_seconds = sign * (offset_hour * 3600 + offset_minute * 60);
    pos += 6;
  } else {
    return Invalid("bad time zone offset; expected Z or +hh:mm / -hh:mm");
  }
  if (pos != text.size()) return Invalid("trailing characters after date-time");
  return days * kSecondsPerDay + hour * 3600 + minute * 60 + second - offset_seconds;
}

Result<int64_t> ParseDateFlag(std::string_view text) { return ParsePublished(text); }

namespace {

struct CivilDate {
  int64_t year;
  int month, day;
};

CivilDate CivilFromUnix(int64_t unix_seconds) {
  // Floor division, so instants before 1970 land on the right day.
  int64_t days = unix_seconds / kSecondsPerDay;
  if (unix_seconds % kSecondsPerDay < 0) --days;
  // Hinnant's civil_from_days, the inverse of DaysFromCivil (same source).
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t day_of_era = days - era * 146097;  // [0, 146096]
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;               // [0, 399]
  const int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);  // [0, 365]
  const int64_t shifted_month = (5 * day_of_year + 2) / 153;                                           // March = 0
  const int64_t day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  const int64_t month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  const int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return {year, static_cast<int>(month), static_cast<int>(day)};
}

}  // namespace

std::string FormatDate(int64_t unix_seconds) {
  const CivilDate d = CivilFromUnix(unix_seconds);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(d.year), d.month, d.day);
  return buf;
}

int64_t YearOf(int64_t unix_seconds) { return CivilFromUnix(unix_seconds).year; }

}  // namespace storydesk::timeutil
