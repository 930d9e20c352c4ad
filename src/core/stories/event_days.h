// The days an article's lead says its news happened on ("the Senate voted 67-32 on Tuesday",
// "claims for the week ended May 15"), and whether two sets of such days agree.
//
// Why: same-topic events on consecutive days (a weekly jobless report and the next week's, a
// vote and the next day's reaction) share words, names and publication times, so text and
// publication gaps cannot part them; the dates their leads give can ("Tuesday's vote" and "last
// week's ruling" are different events even when published the same day). Event detection has
// long used the time an article speaks of besides when it was published (Makkonen, Ahonen-Myka
// & Salmenkivi, "Simple semantics in topic detection and tracking", Information Retrieval 2004;
// the temporal expressions of the article itself, Strötgen & Gertz 2013).
//
// Only the lead (the first kEventLeadSentences sentences) is read: it says what happened and
// when; later dates are background. Only days within kEventDayReach of the publication are kept:
// a date farther away ("the Jan. 6 attack" in a July article) names an earlier event the story
// refers to, not the one it reports. Undated articles give none (their relative dates have
// nothing to be resolved against). Quoted relative dates are not counted (sentence_dates.h).
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storydesk/text/analyzer.h"

namespace storydesk::stories {

inline constexpr size_t kEventLeadSentences = 3;
inline constexpr int32_t kEventDayReach = 7;

// Days since 1970-01-01, ascending and distinct.
std::vector<int32_t> LeadEventDays(const text::AnalyzedText& body, const std::optional<std::string>& published);

enum class DayAgreement {
  kUnknown,  // one side gives no day
  kSame,     // a day in common
  kNear,     // none in common, but two a day apart (a late-evening event reported as the next day's)
  kApart,    // every day of one at least two days from every day of the other
};

// Both ascending.
DayAgreement CompareEventDays(const std::vector<int32_t>& a, const std::vector<int32_t>& b);

// Counted days: (day, how many articles give it), ascending by day.
// Adds one article's days (ascending, distinct), each counted once.
void CountEventDays(std::vector<std::pair<int32_t, int32_t>>* counted, const std::vector<int32_t>& days);
// Adds another story's counted days to `into` (the counts of a day both give are summed).
void MergeCountedEventDays(std::vector<std::pair<int32_t, int32_t>>* into,
                           const std::vector<std::pair<int32_t, int32_t>>& other);
// The days given most often (ascending): a story's own event day, not every day its members
// mention.
std::vector<int32_t> MostGivenDays(const std::vector<std::pair<int32_t, int32_t>>& counted);

}  // namespace storydesk::stories
