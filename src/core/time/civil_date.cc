#include "storydesk/time/civil_date.h"

#include <cstdio>

#include "storydesk/time/published_time.h"

namespace storydesk::timeutil {

bool IsValidCivilDate(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::optional<CivilDate> ParseCivilDate(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (size_t k = 0; k < 3; ++k) {
    for (size_t i = starts[k]; i < starts[k] + lengths[k]; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      parts[k] = parts[k] * 10 + (text[i] - '0');
    }
  }
  if (text.size() > 10 && text[10] != 'T' && text[10] != 't' && text[10] != ' ') return std::nullopt;
  if (!IsValidCivilDate(parts[0], parts[1], parts[2])) return std::nullopt;
  return CivilDate{parts[0], parts[1], parts[2]};
}

int64_t DaysOf(const CivilDate& date) {
  return DaysFromCivil(date.year, static_cast<unsigned>(date.month), static_cast<unsigned>(date.day));
}

// Hinnant's civil_from_days, the inverse of DaysFromCivil.
CivilDate DateOfDays(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t day_of_era = days - era * 146097;
  const int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t shifted_month = (5 * day_of_year + 2) / 153;
  const int64_t day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  const int64_t month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  const int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return {static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)};
}

int IsoWeekday(const CivilDate& date) {
  const int64_t days = DaysOf(date);           // 1970-01-01 was a Thursday (4)
  const int64_t r = ((days % 7) + 7 + 3) % 7;  // Monday 0
  return static_cast<int>(r) + 1;
}

IsoWeek IsoWeekOf(const CivilDate& date) {
  // The week's Thursday decides its year.
  const int64_t thursday = DaysOf(date) - IsoWeekday(date) + 4;
  const CivilDate t = DateOfDays(thursday);
  const int64_t first = DaysOf({t.year, 1, 1});
  return {t.year, static_cast<int>((thursday - first) / 7 + 1)};
}

std::string FormatDay(const CivilDate& d) {
  char out[48];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", d.year, d.month, d.day);
  return out;
}

std::string FormatMonth(int year, int month) {
  char out[48];
  std::snprintf(out, sizeof out, "%04d-%02d", year, month);
  return out;
}

std::string FormatYear(int year) {
  char out[48];
  std::snprintf(out, sizeof out, "%04d", year);
  return out;
}

std::string FormatWeek(const IsoWeek& w) {
  char out[48];
  std::snprintf(out, sizeof out, "%04d-W%02d", w.year, w.week);
  return out;
}

std::string FormatQuarter(int year, int quarter) {
  char out[48];
  std::snprintf(out, sizeof out, "%04d-Q%d", year, quarter);
  return out;
}

}  // namespace storydesk::timeutil
