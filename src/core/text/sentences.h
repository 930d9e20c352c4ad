// Sentence splitting: a rule-based splitter for normalised news text.
//
// Pure function; thread-safe. Rules, in the order they are tried:
//  - A blank line ends a sentence, always.
//  - '.', '!', '?' (or a run of them, "?!", "...") followed by optional closing quotes and
//    brackets and then whitespace ends a sentence — unless the next word starts lower-case
//    ('"Why?" he asked'), or the period belongs to an abbreviation: titles ("Mr.", "Dr.",
//    "Gov.", "St.") and initials ("John F. Kennedy") never end one; "No." and month names
//    ("Jan.") do not before a number; dotted forms ("U.S.", "a.m.") and company suffixes
//    ("Inc.", "Jr.") end one only when a typical sentence opener (a stop word: "The", "He")
//    follows. Decimals ("3.5") never reach the rules: there is no space after their period.
//  - A line break ends a sentence when the line ends as above, when the next line starts with
//    a bullet marker (•, ·, ‣, ◦, ▪, ● or "- ", "* "), when the line is itself a bullet item
//    and the next line starts upper-case, or when the line looks like a headline or caption
//    (see SplitSentences). Otherwise the line is hard-wrapped prose and the sentence goes on.
// Bullet markers are not part of any span; spans are trimmed of whitespace, and spans with no
// letter or digit at all (a line of "***") are dropped. Every token Tokenize finds lies inside
// exactly one span.
#pragma once

#include <string_view>
#include <vector>

#include "storydesk/text/analyzer.h"  // SentenceSpan

namespace storydesk::text {

// The sentences of `normalized` (Normalize's output; other text works too, with any ASCII
// whitespace, but is split less well), as byte spans in text order, not overlapping.
// A line with no final punctuation is taken as a headline — its own sentence — when the
// sentence starts at the line's start, the line has at most kHeadlineMaxWords words, does not
// end in a comma-like mark or a word that cannot end a sentence ("of", "the", "and"), the next
// line starts with a capital, digit or opening quote, and the line is clearly shorter than the
// paragraph's longest line (less than 80%) or every line of the paragraph is short (< 40 bytes);
// hard-wrapped prose has lines of about equal length, headlines above a body do not.
// Linear in the text; allocates only the result and one small vector of line positions.
std::vector<SentenceSpan> SplitSentences(std::string_view normalized);

// Longest line, in words, that can be taken for a headline.
inline constexpr int kHeadlineMaxWords = 20;

}  // namespace storydesk::text
