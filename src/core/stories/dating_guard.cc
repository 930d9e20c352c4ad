#include "core/stories/dating_guard.h"

#include "storydesk/time/published_time.h"

namespace storydesk::stories {

DatingFooting CompareDating(const std::optional<int64_t>& article_time, const std::vector<int>& article_years,
                            const std::optional<int64_t>& story_first, const std::optional<int64_t>& story_last,
                            int year_tolerance) {
  const bool story_dated = story_first.has_value() && story_last.has_value();
  if (article_time.has_value() == story_dated) return DatingFooting::kSame;
  if (article_time.has_value() || article_years.empty()) return DatingFooting::kMixed;
  // An undated article that names years: one of them near the story's span is enough (a report
  // of 2021 names 2021, or the year before for what led to it, or the next for what is
  // planned); years only far from it (2017 and 2018 against 2021) date the text elsewhere.
  const int64_t first_year = timeutil::YearOf(*story_first) - year_tolerance;
  const int64_t last_year = timeutil::YearOf(*story_last) + year_tolerance;
  for (int year : article_years) {
    if (year >= first_year && year <= last_year) return DatingFooting::kMixed;
  }
  return DatingFooting::kApart;
}

}  // namespace storydesk::stories
