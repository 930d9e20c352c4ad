// StemSynonyms: which stems a source may put for a claim's stem in other words — the stems of
// a word's synonyms (WordNet's most frequent sense, read by adapters/wordnet), both ways: if
// "jobless" lists "unemployed", "unemploy" and "jobless" each stand for the other.
//
// Why stems: the claim matcher compares stems (copies/sentence_profile.h), and a synonym is
// useful in any inflection ("rose" / "increased" / "increases"). Plain value; pure builders.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace storydesk::claims {

// Stem → other stems, ascending, without repeats; a stem is never its own synonym.
using StemSynonyms = std::unordered_map<std::string, std::vector<std::string>>;

// From a table of lower-case word → synonym words. Words the stemmer maps to one stem merge
// their synonyms.
StemSynonyms BuildStemSynonyms(const std::unordered_map<std::string, std::vector<std::string>>& word_synonyms);

}  // namespace storydesk::claims
