// ParseJsonLine: one JSON Lines record — one line, without its line break — to a RawArticle.
//
// The record is a JSON object. Fields (all others are ignored):
//   id         string, or an integer (kept as its decimal digits); optional. Absent, null or
//              blank leaves `id` empty, for the caller to derive one (article_id.h).
//   source     string or null      url    string or null      title   string or null
//   published  string or null: "YYYY-MM-DD" or an RFC 3339 date-time (published_time.h)
//   text       string, required, not blank
// Strings are trimmed of surrounding white space; blank optional strings count as absent.
// The text is taken as given: no dateline is split off (unlike the seed text form). But a
// text opening with a wire dateline ("SEOUL (Reuters) - ", "WASHINGTON (AP) — "; dateline.h)
// gives the article its place, and its source when the record has none — as in seed text.
//
// Sets id, source, url, title, published, published_at, place and text; leaves verbatim and origin
// to the caller. Errors (kInvalidInput, one-line messages naming the field or the column):
// NUL bytes, invalid UTF-8, malformed JSON, a record that is not an object, a key given twice
// in one object (at any depth: parsers disagree on which value wins, and the record is stored
// verbatim for others to read), a field of the wrong type, an id over kMaxArticleIdBytes
// (article_id.h), an unparsable date, a missing or blank text. Never throws.
// Pure function; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

#include "storydesk/article.h"
#include "storydesk/status.h"

namespace storydesk::read {

Result<RawArticle> ParseJsonLine(std::string_view line);

// The deepest nesting of arrays and objects in `text` read as JSON (brackets inside strings do
// not count; malformed text is measured as far as it goes). ParseJsonLine rejects records nested
// deeper than kMaxJsonNesting before parsing them: no article needs more, and a library's
// recursion over 60,000 levels exhausts a thread's stack.
inline constexpr size_t kMaxJsonNesting = 64;
size_t JsonNestingDepth(std::string_view text);

}  // namespace storydesk::read
