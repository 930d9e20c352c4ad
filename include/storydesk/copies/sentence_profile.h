// SentenceProfile: what the sentence matcher compares of one sentence — its content stems
// weighted by IDF, its capitalised words (names), its numbers and its stem bigrams.
//
// Why these: a sentence re-worded by an editor or a translation round trip keeps most of its
// rare content words, all of its names and numbers, and some of its word order, while a
// different sentence about the same event shares the event's names but few of the rest
// (the feature families of classic paraphrase detectors, e.g. Mihalcea, Corley & Strapparava,
// AAAI 2006, and Madnani, Tetreault & Chodorow, NAACL 2012).
// Plain values; building them is a pure function of the analysed text and the term statistics.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "storydesk/terms/term_statistics.h"
#include "storydesk/text/analyzer.h"

namespace storydesk::copies {

struct WeightedTerm {
  terms::TermId term = 0;
  float weight = 0.0f;  // IDF of the term when the profile was built
};

struct SentenceProfile {
  std::vector<WeightedTerm> stems;     // distinct content stems, by ascending term id
  std::vector<terms::TermId> names;    // distinct capitalised words (lower-cased), ascending
  std::vector<terms::TermId> numbers;  // distinct number tokens, ascending
  std::vector<uint64_t> bigrams;       // distinct ordered pairs of adjacent stems, ascending
  // Distinct hashes of adjacent word pairs and triples, stop words included, ascending: the
  // n-gram matches machine-translation metrics count (BLEU), which see phrasing, not topic.
  // 32-bit values (packed_sentences.h), held in 64 bits for the set operations.
  std::vector<uint64_t> word_bigrams;
  std::vector<uint64_t> word_trigrams;
  float weight = 0.0f;      // sum of the stems' weights
  uint32_t word_count = 0;  // every word token, stop words included
  // Share of the sentence's letters inside quotation marks (a quotation may span sentences).
  float quoted_share = 0.0f;
  uint32_t begin = 0, end = 0;  // byte span in the analysed text's `normalized`
};

// What a quoted word weighs, as evidence that one text copies another, against a word of the
// text's own reporting. Two outlets quoting the same speech share its sentences word for word
// without either copying the other; what they report around the quotes is what a copy shares.
// Chosen a priori (a quoted sentence counts a quarter of a reported one), not on any set.
inline constexpr double kQuotedWordWeight = 0.25;

// The words of `s` as copy evidence: word_count, quoted words weighing kQuotedWordWeight.
inline double EvidenceWords(const SentenceProfile& s) {
  return s.word_count * (1.0 - (1.0 - kQuotedWordWeight) * s.quoted_share);
}

// The same for a sentence as a whole: 1, or kQuotedWordWeight for a sentence all quotation.
inline double EvidenceSentence(const SentenceProfile& s) { return 1.0 - (1.0 - kQuotedWordWeight) * s.quoted_share; }

// The profiles of `text`'s sentences, in order (sentences without any word are skipped).
// Interns stems, names ("n:" + lower-cased word) and numbers ("#" + number) in `statistics`
// the way the story engine does, and weighs stems by their current IDF there.
std::vector<SentenceProfile> BuildSentenceProfiles(const text::AnalyzedText& text, terms::TermStatistics& statistics);

// The profile of two sentences read as one (for merges): the union of their terms.
SentenceProfile MergeProfiles(const SentenceProfile& first, const SentenceProfile& second);

// The whole of `text` as one profile (its sentences merged): for texts that are one sentence
// to a person but may split in two, like the pairs of a paraphrase corpus.
SentenceProfile BuildTextProfile(const text::AnalyzedText& text, terms::TermStatistics& statistics);

}  // namespace storydesk::copies
