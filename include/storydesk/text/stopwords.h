// English stop words: the function words (articles, pronouns, auxiliaries, prepositions,
// conjunctions) that occur in every text and so say nothing about what a story is about.
//
// The list is our own, about 190 words. It keeps news vocabulary out on purpose ("says",
// "told", "reported", "according", "officials" are content here: they separate reporting from
// other text), with one exception: "said" appears in nearly every article, so it is a stop word.
// Stop words are dropped from stems only; `words` (the MinHash shingles) keeps them, because
// shingles of function words are what make two copies of one text line up.
// Pure function over a static table; thread-safe.
#pragma once

#include <span>
#include <string_view>

namespace storydesk::text {

// True when `lower_word` (already lower-cased, as ToLower gives it; straight apostrophe as in
// "don't") is an English stop word. One hash and usually one comparison against a table built
// at compile time; no allocation.
bool IsStopWord(std::string_view lower_word);

// The whole list, sorted: for tests, and for documentation that wants to print it.
std::span<const std::string_view> StopWords();

}  // namespace storydesk::text
