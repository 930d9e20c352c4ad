// The story timeline (storydesk/digest/story_timeline.h) from articles already read: the digest
// analyses every article, prepares it for the claim matcher and finds its sentences' dates for
// its bullets, and the timeline is built from the same reading rather than a second one.
#pragma once

#include <vector>

#include "core/digest/sentence_dates.h"
#include "storydesk/claims/claim_text.h"
#include "storydesk/digest/story_timeline.h"
#include "storydesk/text/analyzer.h"

namespace storydesk::digest {

// One article as read; the pointers outlive the call.
struct ReadArticle {
  const text::AnalyzedText* text = nullptr;   // the analysed article text
  const claims::ClaimText* claims = nullptr;  // BuildClaimText of *text (may hold the title too)
  const SentenceDates* dates = nullptr;       // DatesBySentence of *text and the publication date
};

// As BuildStoryTimeline of the public header; `read[i]` is `articles[i]` read.
std::vector<TimelineEntry> BuildStoryTimeline(const std::vector<DigestArticle>& articles,
                                              const std::vector<ReadArticle>& read,
                                              const copies::SentenceModel& matcher, const claims::ClaimMatcher& claims,
                                              terms::TermStatistics& statistics,
                                              size_t max_entries = kMaxTimelineEntries);

}  // namespace storydesk::digest
