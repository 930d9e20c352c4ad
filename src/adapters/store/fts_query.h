// FtsQuery: turns free text typed by a user into an FTS5 query that means "every word".
//
// User text never reaches FTS5's query syntax raw: quotes, parentheses, AND/OR/NOT/NEAR, '*',
// '^', '-', '+' and ':' are operators there, so raw text would be a syntax error at best and
// a different query (column filters, prefix scans, OR of everything) at worst. Here every run
// of letters and digits becomes one quoted string ("word"), and the strings are joined by
// spaces, which FTS5 reads as AND. Inside a quoted string FTS5 has no operators, and a run
// never contains '"', so nothing the user types can escape it.
//
// Letters and digits: ASCII letters and digits, and every non-ASCII character except spaces
// and punctuation (Latin-1 punctuation and symbols, the General Punctuation block — dashes,
// curly quotes, "…" —, CJK and full-width punctuation), so "Seoul—Tokyo" is two words as the
// index's unicode61 tokenizer sees them. Other symbols (emoji) stay inside a word, where the
// tokenizer drops them; a quoted string left with no token is ignored by FTS5 (or matches
// nothing when it is the whole query). Bytes that are not valid UTF-8 separate words.
// Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace storydesk::store {

// The FTS5 query for `text`: `"w1" "w2" ...`, or "" when `text` has no letter or digit (the
// caller then has no query to run: nothing matches).
std::string FtsQuery(std::string_view text);

}  // namespace storydesk::store
