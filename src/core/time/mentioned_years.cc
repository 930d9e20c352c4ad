#include "core/time/mentioned_years.h"

#include <algorithm>

namespace storydesk::timeutil {

std::vector<int> MentionedYears(const std::vector<std::string>& number_tokens) {
  std::vector<int> years;
  for (const std::string& token : number_tokens) {
    if (token.size() != 4 || !std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      continue;
    }
    const int year = std::stoi(token);
    if (year >= kFirstMentionedYear && year <= kLastMentionedYear) years.push_back(year);
  }
  std::sort(years.begin(), years.end());
  years.erase(std::unique(years.begin(), years.end()), years.end());
  return years;
}

}  // namespace storydesk::timeutil
