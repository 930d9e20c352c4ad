// SentenceAlignment: which sentences of one text say what which sentences of another say, in
// order — the evidence that one text is a re-worded copy of the other, and what `explain`
// shows a person.
//
// Each sentence of A is compared with the sentences of B that share a content stem or a name
// with it (never all pairs of a long text), and also with two adjacent sentences of B taken as
// one (a merge), and each sentence of B likewise with two adjacent sentences of A (a split).
// Pairs the SentenceMatcher finds at least its match_probability likely are the candidate links;
// the alignment is the in-order, non-overlapping chain of links that covers the most words of
// A, each weighed by its probability — the monotone alignment of sentence aligners for parallel text (Gale & Church,
// Computational Linguistics 1993, allow 1:1, 1:2 and 2:1 beads the same way), found by
// dynamic programming over the links. Sentences of either side left out are what that side
// adds or drops.
// Pure function; thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "storydesk/copies/sentence_matcher.h"
#include "storydesk/copies/sentence_profile.h"

namespace storydesk::copies {

// A link: sentences [a_begin, a_end) of A say what [b_begin, b_end) of B say (1:1, 1:2, 2:1).
struct SentenceLink {
  uint32_t a_begin = 0, a_end = 0;
  uint32_t b_begin = 0, b_end = 0;
  double probability = 0.0;  // the matcher's
  double overlap = 0.0;      // IDF-weighted Dice of the two sides' stems, for display
};

struct SentenceAlignment {
  std::vector<SentenceLink> links;  // in order of A and of B
  // Share of each side's words inside a link.
  double coverage_a = 0.0;
  double coverage_b = 0.0;
  uint32_t matched_a = 0;  // sentences of A inside a link
  uint32_t matched_b = 0;
};

struct AlignmentOptions {
  // A pair is scored only when the sentences share at least this many content stems or names.
  uint32_t min_shared_terms = 2;
};

// The alignment through links at least `model.match_probability` likely.
SentenceAlignment AlignSentences(const std::vector<SentenceProfile>& a, const std::vector<SentenceProfile>& b,
                                 const SentenceModel& model, const AlignmentOptions& options = {});

// The two steps of AlignSentences, for callers that chain the same links at several levels
// of confidence (the rewrite decision): every candidate link at least `min_probability`
// likely, in no particular order; then the heaviest in-order chain of those at least
// `min_probability` likely.
std::vector<SentenceLink> CandidateLinks(const std::vector<SentenceProfile>& a, const std::vector<SentenceProfile>& b,
                                         const SentenceModel& model, double min_probability,
                                         const AlignmentOptions& options = {});
SentenceAlignment ChainLinks(std::vector<SentenceLink> links, const std::vector<SentenceProfile>& a,
                             const std::vector<SentenceProfile>& b, double min_probability);

}  // namespace storydesk::copies
