// The calendar dates each sentence of an article gives: its temporal expressions
// (storydesk/time/timex.h) resolved against the article's publication date, kept when they name
// a day, a month or a year. Read once per article and shared by the digest's bullets (a source
// dating a point to another day states it only in part) and the story's timeline.
//
// Not kept: clock times (resolved to the publication day, often not the day they happened),
// weeks, quarters and "recently"; a relative date someone is quoted saying ("'Tomorrow morning
// I'm announcing ...,' she tweeted on Monday": the day after the tweet, not after the
// publication). Without a publication date only absolute dates are found.
// Pure function; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storydesk/text/analyzer.h"

namespace storydesk::digest {

struct SentenceDate {
  std::string value;           // "2021-08-16", "2021-08" or "2021"
  std::string_view precision;  // "day", "month" or "year"
  size_t begin = 0, end = 0;   // the expression's byte span in the analysed text's `normalized`
};

// Per sentence of `text` (text.sentences' order), its dates in text order.
using SentenceDates = std::vector<std::vector<SentenceDate>>;

// `unresolved`, when given, counts the relative dates ("on Tuesday", "last month") that would
// be listed but cannot be resolved for want of a publication date (none in quotations, no
// clock times or weeks).
SentenceDates DatesBySentence(const text::AnalyzedText& text, const std::optional<std::string>& published,
                              size_t* unresolved = nullptr);

}  // namespace storydesk::digest
