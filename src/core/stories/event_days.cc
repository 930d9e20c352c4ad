#include "core/stories/event_days.h"

#include <algorithm>
#include <cstdlib>

#include "core/digest/sentence_dates.h"
#include "storydesk/time/civil_date.h"

namespace storydesk::stories {

std::vector<int32_t> LeadEventDays(const text::AnalyzedText& body, const std::optional<std::string>& published) {
  std::vector<int32_t> out;
  if (!published) return out;
  const std::optional<timeutil::CivilDate> dct = timeutil::ParseCivilDate(*published);
  if (!dct) return out;
  const int64_t today = timeutil::DaysOf(*dct);
  // The recogniser reads the lead alone: its cost stays a constant per article.
  text::AnalyzedText lead;
  const size_t n = std::min(body.sentences.size(), kEventLeadSentences);
  if (n == 0) return out;
  lead.normalized = body.normalized.substr(0, body.sentences[n - 1].end);
  lead.sentences.assign(body.sentences.begin(), body.sentences.begin() + static_cast<std::ptrdiff_t>(n));
  for (const std::vector<digest::SentenceDate>& dates : digest::DatesBySentence(lead, published)) {
    for (const digest::SentenceDate& d : dates) {
      if (d.precision != "day") continue;
      const std::optional<timeutil::CivilDate> day = timeutil::ParseCivilDate(d.value);
      if (!day) continue;
      const int64_t days = timeutil::DaysOf(*day);
      if (std::llabs(days - today) <= kEventDayReach) out.push_back(static_cast<int32_t>(days));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

DayAgreement CompareEventDays(const std::vector<int32_t>& a, const std::vector<int32_t>& b) {
  if (a.empty() || b.empty()) return DayAgreement::kUnknown;
  int32_t closest = INT32_MAX;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    closest = std::min(closest, std::abs(a[i] - b[j]));
    if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  if (closest == 0) return DayAgreement::kSame;
  return closest == 1 ? DayAgreement::kNear : DayAgreement::kApart;
}

void MergeCountedEventDays(std::vector<std::pair<int32_t, int32_t>>* into,
                           const std::vector<std::pair<int32_t, int32_t>>& other) {
  if (other.empty()) return;
  std::vector<std::pair<int32_t, int32_t>> merged;
  merged.reserve(into->size() + other.size());
  size_t i = 0, j = 0;
  while (i < into->size() || j < other.size()) {
    if (j == other.size() || (i < into->size() && (*into)[i].first < other[j].first)) {
      merged.push_back((*into)[i++]);
    } else if (i == into->size() || other[j].first < (*into)[i].first) {
      merged.push_back(other[j++]);
    } else {
      merged.emplace_back((*into)[i].first, (*into)[i].second + other[j].second);
      ++i, ++j;
    }
  }
  *into = std::move(merged);
}

void CountEventDays(std::vector<std::pair<int32_t, int32_t>>* counted, const std::vector<int32_t>& days) {
  std::vector<std::pair<int32_t, int32_t>> one;
  one.reserve(days.size());
  for (int32_t d : days) one.emplace_back(d, 1);
  MergeCountedEventDays(counted, one);
}

std::vector<int32_t> MostGivenDays(const std::vector<std::pair<int32_t, int32_t>>& counted) {
  int32_t most = 0;
  for (const auto& [day, count] : counted) most = std::max(most, count);
  std::vector<int32_t> out;
  for (const auto& [day, count] : counted) {
    if (count == most) out.push_back(day);
  }
  return out;
}

}  // namespace storydesk::stories
