// Text normalisation: the one canonical form of an article's text that every later stage reads
// (sentences, tokens, names) and that the exact-copy hash is taken of.
//
// Two texts that differ only in encoding accidents (invalid bytes, Unicode compatibility forms),
// typography (curly or straight quotes, dash styles, invisible characters) or whitespace (line
// ending style, runs of spaces, indentation, trailing spaces, extra blank lines) normalise to
// the same bytes. Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace storydesk::text {

// The normal form of `raw`, in this order:
//  1. every byte that is not part of well-formed UTF-8 becomes U+FFFD (one per bad byte);
//     C0/C1 control characters other than line and tab breaks, and invisible format characters
//     (zero-width space/joiners, soft hyphen, BOM, word joiner, bidi marks) are removed;
//  2. Unicode NFKC (ICU), so "ﬁ" → "fi", "…" → "...", full-width forms and odd spaces → ASCII;
//  3. quotes fold to ASCII: ‘ ’ ‚ ‛ ′ ‹ › ʼ ´ ` → '   and   “ ” „ ‟ ″ « » → "
//     dashes fold to '-': ‐ ‑ ‒ – — ― − ⸺ ⸻;
//  4. "\r\n", "\r", "\v", "\f", NEL, U+2028 become "\n" (U+2029 a blank line); runs of horizontal
//     whitespace become one space; every line is trimmed; runs of blank lines become exactly one
//     ("\n\n"); the whole text is trimmed.
// The result is valid UTF-8, NFKC, and idempotent: Normalize(Normalize(x)) == Normalize(x).
// Never fails. Linear in the input; an ASCII text that is already clean is copied once.
std::string Normalize(std::string_view raw);

}  // namespace storydesk::text
