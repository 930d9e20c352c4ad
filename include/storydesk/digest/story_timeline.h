// The story's timeline: what happened when, across its sources. Each entry is a date the
// articles give (a temporal expression resolved against the article's publication date,
// storydesk/time/timex.h), the sentence it dates, the expression as written, and every article
// that dates the same thing to the same day: "began on 16 August" (written on 2021-08-23) and
// "began last Monday" (the same day) are one entry citing both.
//
// Entries of different articles merge when their dates are equal and the claim matcher finds one
// sentence stating the other at least in part (claims/claim_support.h): a date shared is strong
// evidence of one event, so the looser "partial" point is enough. An article without a
// publication date gives only its absolute dates ("in 2019", "on Aug. 16, 2021"); what it says
// "on Tuesday" could be any Tuesday. Only dates to the day, month or year are listed (not
// weeks, quarters, clock times or "recently"); a sentence gives one entry, under its first date
// ("From Friday through Sunday ..."); sentences that are page furniture give none.
//
// Sources disagreeing on when something happened is itself news: two listed entries of one
// precision whose dates differ conflict when a sentence of one and a sentence of the other, from
// different articles, are one statement in other words once their dates are taken out (the
// sentence matcher, copies/sentence_matcher.h, at its near-certain threshold, with the same
// numbers and the names of one among the other's) and neither
// article also gives the other date (then it is a sequence: "rallied on Saturday and again on
// Sunday"). Each such entry names the other date and its sources.
// Pure; thread-safe except through `statistics` (one per thread, as for the digest).
#pragma once

#include <string>
#include <vector>

#include "storydesk/claims/claim_support.h"
#include "storydesk/terms/term_statistics.h"

namespace storydesk::digest {

struct DigestArticle;  // story_digest.h

// Another date a source gives for the entry's event (the same statement, dated otherwise, by an
// article that never gives the entry's date).
struct TimelineConflict {
  std::string date;                   // the other date, as TimelineEntry::date
  std::vector<std::string> articles;  // the articles giving it
};

struct TimelineEntry {
  std::string date;                         // TIMEX3 value: "2021-08-16", "2021-08" or "2021"
  std::string precision;                    // "day", "month" or "year"
  std::string text;                         // the sentence it dates, in the first article saying it
  std::string expression;                   // the expression as that article writes it
  std::vector<std::string> articles;        // ids of the articles dating it so, in the story's order
  std::vector<TimelineConflict> conflicts;  // other dates sources give for it; usually none
};

inline constexpr size_t kMaxTimelineEntries = 12;

// By date, then by the story's order; at most `max_entries`, those most articles give first.
std::vector<TimelineEntry> BuildStoryTimeline(const std::vector<DigestArticle>& articles,
                                              const copies::SentenceModel& matcher, const claims::ClaimMatcher& claims,
                                              terms::TermStatistics& statistics,
                                              size_t max_entries = kMaxTimelineEntries);

}  // namespace storydesk::digest
