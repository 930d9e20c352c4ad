// Temporal expressions: the dates, times, durations and sets a news text writes ("on Tuesday",
// "last Monday", "16 August", "in March", "earlier this month", "the 1990s", "for two years",
// "every Monday"), found in the text and resolved against the article's publication date (its
// document creation time) to TIMEX3 values (TimeML, Pustejovsky et al. 2003; the TempEval-3
// guidelines, UzZaman et al. 2013): "2021-08-16", "2021-03", "2021", "2021-W33", "2021-Q3",
// "199" (a decade), "PRESENT_REF", "P2Y", "XXXX-WXX-1".
//
// Rules over word tokens, in the manner of HeidelTime (Strötgen & Gertz, "Multilingual and
// cross-domain temporal tagging", LRE 2013): a pattern per kind of expression, the longest match
// at each word, then normalisation. A relative expression takes its value from the publication
// date and, for a bare weekday, month or day-month, from the tense around it: "met on Sunday" is
// the last Sunday on or before the publication date, "is expected to meet on Tuesday" and "will
// meet on Tuesday" the next one; "last Monday" is the latest Monday before it, "next Monday" the
// first after; a month alone is the latest such month not after it (the next one in the future
// tense); a day and month without a year take the nearest year (the next date in the future
// tense). Spans follow TimeBank: without the preposition ("on Friday" → "Friday"), with the
// determiner and modifiers ("the third quarter", "late November", "earlier this month").
//
// Without a publication date a relative expression is still found, with an empty value and
// `anchored` set: nothing says which Tuesday it was. Pure; thread-safe; linear in the text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storydesk/time/civil_date.h"

namespace storydesk::timeutil {

enum class TimexType { kDate, kTime, kDuration, kSet };
std::string_view TimexTypeName(TimexType type);  // "DATE", "TIME", "DURATION", "SET"

struct Timex {
  size_t begin = 0, end = 0;  // bytes of the text
  TimexType type = TimexType::kDate;
  std::string value;      // TIMEX3 value; empty when it needs a publication date there is not
  bool anchored = false;  // the value depends on the publication date
};

// In text order, not overlapping.
std::vector<Timex> FindTimexes(std::string_view text, const std::optional<CivilDate>& published);

// "day", "month" or "year" for a calendar value ("2021-08-16", "2021-08", "2021"); empty for
// anything else (weeks, quarters, seasons, decades, "PRESENT_REF"). A time of day
// ("2021-08-21TNI", "2021-08-21T09:00") counts as its day.
std::string_view CalendarPrecision(std::string_view value);

// Whether a sentence's text up to an expression leaves it inside a quotation: an odd number of
// quotation marks (straight or curly double quotes, or `` and '' as wire text writes them) before
// it. A relative date in a quotation counts from when it was said, not from the publication.
bool InsideQuotation(std::string_view sentence_before);

// Whether two calendar values can name the same time: equal, or one holds the other ("2021-08"
// holds "2021-08-16").
bool CalendarCompatible(std::string_view x, std::string_view y);

}  // namespace storydesk::timeutil
