// Publication times: parsing what readers and flags give, formatting what we print.
// All times are seconds since 1970-01-01T00:00:00Z. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "storydesk/status.h"

namespace storydesk::timeutil {

// Parses a calendar date "YYYY-MM-DD" (00:00 UTC) or an RFC 3339 date-time
// ("2021-08-23T14:05:00Z", "2021-08-23T14:05:00.250+09:00", 't'/'z' and a space for 'T'
// accepted). Validates the calendar (month lengths, leap years) and the clock.
// Errors: kInvalidInput with a message naming what is wrong ("month 13 out of range").
Result<int64_t> ParsePublished(std::string_view text);

// Same grammar, for command-line flags (--since, --until).
Result<int64_t> ParseDateFlag(std::string_view text);

// "YYYY-MM-DD" of the UTC day containing `unix_seconds`.
std::string FormatDate(int64_t unix_seconds);

// The year (proleptic Gregorian, UTC) of the day containing `unix_seconds`.
int64_t YearOf(int64_t unix_seconds);

// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil).
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day);

}  // namespace storydesk::timeutil
