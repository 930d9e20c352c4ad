// ClaimText: one article prepared for the claim matcher (claim_support.h) — its sentences'
// matcher profiles with a negation flag, and the names, numbers and stems of the whole text.
//
// Why the whole text too: a source that states a claim often names the people and gives the
// figures in an earlier sentence than the one that says it ("Kim arrived on Saturday ... He
// said ..."), so names and numbers are looked for in the article, wording in a window.
// Plain values; building one is a pure function of the analysed text and the term statistics.
#pragma once

#include <cstdint>
#include <vector>

#include "storydesk/claims/stem_synonyms.h"
#include "storydesk/copies/sentence_profile.h"
#include "storydesk/terms/term_statistics.h"
#include "storydesk/text/analyzer.h"

namespace storydesk::claims {

struct ClaimSentence {
  copies::SentenceProfile profile;
  // Per stem of profile.stems (same order): the term ids of its synonyms' stems
  // (stem_synonyms.h); empty without a synonym table.
  std::vector<std::vector<terms::TermId>> synonyms;
  bool negated = false;  // has a negator ("not", "never", "no", a "-n't" word)
  uint32_t index = 0;    // its index among the analysed text's sentences
};

struct ClaimText {
  std::vector<ClaimSentence> sentences;  // the sentences holding a word, in text order
  std::vector<terms::TermId> names;      // every name of the text, ascending, distinct
  std::vector<terms::TermId> numbers;    // every number of the text, ascending, distinct
  std::vector<terms::TermId> stems;      // every content stem of the text, ascending, distinct
};

// Interns terms in `statistics` as copies::BuildSentenceProfiles does (and the synonyms' stems,
// when `synonyms` is given).
ClaimText BuildClaimText(const text::AnalyzedText& text, terms::TermStatistics& statistics,
                         const StemSynonyms* synonyms = nullptr);

// Whether `word` (lower-cased, as the analyzer gives words) negates its clause.
bool IsNegator(std::string_view word);

}  // namespace storydesk::claims
