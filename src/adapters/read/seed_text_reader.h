// ParseSeedText: one article in the seed plain-text form, parsed from the bytes of one file.
//
// The form (see ../shared/seeds/ for real examples):
//
//    date 2021-08-23 2m ago            <- line 1: header; leading space optional
//                                      <- blank lines anywhere between blocks
//   A headline, when there is one      <- optional headline (rules below)
//
//     • First summary bullet           <- optional bullets: •, -, * or · then a space
//     • Second summary bullet
//
//   SEOUL, South Korea (AP) – Body...  <- the body; an opening dateline is taken out
//
// Line 1 is "date", white space and the date (YYYY-MM-DD; an RFC 3339 date-time is accepted
// too), then optionally more on the same line. That rest is either noise — a relative time
// such as "2m ago", "5 hours ago", "Updated 3h", "just now", "yesterday" — or, when it is not
// such a phrase, the start of the body (then the article has neither headline nor bullets).
//
// Headline rule. The first non-blank line after a header-only line 1 is the headline when
// all of these hold, and otherwise it is the first line of the body:
//   - it is not a bullet line and does not open with a dateline;
//   - it has at most 20 words and at most 300 bytes;
//   - it does not end (closing quotes and brackets ignored) with sentence-final or
//     introducing punctuation: . ! ? … : ;
//   - it stands alone: the next line is blank or a bullet, and there is more non-blank text
//     after it (a lone short line is the body, never a headline with an empty body).
// Bullets are the bullet lines right after the headline (or the header), blank lines between
// them allowed; bullet lines later in the body stay in the body.
//
// The body is the rest: line breaks normalised to '\n' (a '\r' before '\n' dropped), outer
// white space trimmed, inner layout kept. A dateline at its start (text/dateline.h) gives
// `place` and `source` and is removed from `text`.
//
// Sets title, bullets, text, place, source, published (the date as written) and published_at.
// Leaves id, url, verbatim and origin for the caller.
//
// Errors (kInvalidInput, one-line messages): NUL bytes, invalid UTF-8, a missing or bad
// date header, no body. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

#include "storydesk/article.h"
#include "storydesk/status.h"

namespace storydesk::read {

Result<RawArticle> ParseSeedText(std::string_view content);

// Same; on error *error_line (when not null) is set to the 1-based line at fault (1 for the
// header, the line of the bad byte for invalid UTF-8), or 0 when the text as a whole is
// (binary data, no body). Untouched on success.
Result<RawArticle> ParseSeedText(std::string_view content, int64_t* error_line);

// True when `s` (the rest of line 1 after the date, trimmed) is a relative-time phrase shown
// by news sites next to the date: "2m ago", "5 hours ago", "Updated 3h", "just now".
bool IsRelativeTimeNoise(std::string_view s);

}  // namespace storydesk::read
