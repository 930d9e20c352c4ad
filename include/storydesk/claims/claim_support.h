// The claim matcher: does a text state the claim of a sentence — yes, in part, or no — with a
// calibrated probability. What the digest's citations, its "adds" and "leaves out", its
// de-duplication of bullets (and, later, quote and timeline matching) rest on.
//
// Why not the sentence matcher of copy detection (copies/sentence_matcher.h): that one asks
// whether two sentences are the same sentence re-worded, at a strict operating point, because
// a copy is judged from many links that must each be near-certain. A claim is stated by a
// source in its own words, often over two sentences, with its names and figures given
// elsewhere in the text: the evidence here is the best window of 1–3 consecutive sentences of
// the text, and the article as a whole.
//
// Evidence (each feature in [0, 1]), in the spirit of recognising textual entailment by
// lexical overlap and mismatch features (e.g. MacCartney et al., "Learning to recognize
// features of valid textual entailments", NAACL 2006; the lexical baselines of the RTE
// challenges, Dagan et al. 2005):
//   - how much of the claim's IDF-weighted content the best window covers (as written, and
//     with WordNet synonyms standing for its words), and the article;
//   - how much of its word order (stem bigrams) the window keeps;
//   - its names found in the article; its numbers missing from the article; a different
//     figure in the window where the claim's is missing (a conflict, never support);
//   - negation on one side only;
//   - the sentence matcher's own probability for the claim against the window;
//   - the claim's heaviest content stem missing from the window.
// Nothing about the claim alone (its length, its place): that says how central a sentence is,
// which the digest weighs itself, not whether another text states it.
// A logistic model over them, trained on labelled (sentence, article) pairs read by people
// (data/claims/) by `storydesk train-claims`, shipped as models/claim-model.tsv. Pure; thread-safe.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storydesk/claims/claim_text.h"
#include "storydesk/copies/sentence_matcher.h"
#include "storydesk/status.h"

namespace storydesk::claims {

inline constexpr std::string_view kClaimModelHeader = "# storydesk claim model v1";

enum ClaimFeature : size_t {
  kClaimBias,
  kWindowCoverage,        // share of the claim's stem weight in the best window
  kArticleCoverage,       // the same in the whole text
  kWindowBigramCoverage,  // share of the claim's stem bigrams in the window
  kNameCoverage,          // share of the claim's names in the text (1 without names)
  kNumberMissing,         // share of the claim's numbers missing from the text
  kNumberConflict,        // the window gives a number where a number of the claim is missing
  kNegationMismatch,      // one side negated, the other not
  kSentenceMatch,         // the sentence matcher's probability, claim against window
  kHeaviestMissing,       // the claim's heaviest stem is not in the window
  kNumberMatch,           // share of the claim's numbers in the window (0 without numbers)
  kNameMatch,             // share of the claim's names in the window (0 without names)
  kSynonymCoverage,       // kWindowCoverage counting a stem's synonyms as the stem
  kClaimFeatureCount
};
using ClaimFeatureVector = std::array<double, kClaimFeatureCount>;

std::string_view ClaimFeatureName(size_t feature);

struct ClaimEvidence {
  ClaimFeatureVector features{};
  // The best window, as indexes into ClaimText::sentences: [window_begin, window_end).
  size_t window_begin = 0, window_end = 0;
};

// The evidence that `text` states `claim`. A text without sentences gives all-zero coverage.
ClaimEvidence ComputeClaimEvidence(const ClaimSentence& claim, const ClaimText& text,
                                   const copies::SentenceModel& matcher);

enum class SupportLevel { kNo, kPartial, kYes };
std::string_view SupportLevelName(SupportLevel level);  // "no", "partial", "yes"

struct ClaimModel {
  ClaimFeatureVector weights{};
  // At and above: the text states the claim (a citation). Chosen by the trainer on held-out
  // folds: where F1 of "yes" is highest (no point reaches 90% precision at a useful recall).
  double cite_probability = 0.5;
  // At and above (and below cite_probability): the text states part of it, or a conflicting
  // figure. Below: it does not state it — what "leaves out" may say.
  double partial_probability = 0.2;
  // Below: the text surely does not state it, for saying what a source alone reports ("adds")
  // — chosen so held-out pairs below it were stated at most kMaxStatedBelowUnique of the time.
  // A looser point than `partial_probability`, whose target is 2% because "leaves out" is a
  // charge against a source; at or above it and below `cite_probability`.
  double unique_probability = 0.1;

  double Probability(const ClaimFeatureVector& features) const;
  SupportLevel Level(double probability) const;
};

inline constexpr double kMaxStatedBelowPartial = 0.02;
inline constexpr double kMaxStatedBelowUnique = 0.10;

// The claim model with the synonym table its features were computed with when it was trained
// (texts are prepared with it: BuildClaimText).
struct ClaimMatcher {
  ClaimModel model;
  std::shared_ptr<const StemSynonyms> synonyms;  // null: no synonyms
};

struct Support {
  SupportLevel level = SupportLevel::kNo;
  double probability = 0.0;
  size_t window_begin = 0, window_end = 0;  // indexes into ClaimText::sentences
};

Support JudgeSupport(const ClaimModel& model, const ClaimSentence& claim, const ClaimText& text,
                     const copies::SentenceModel& matcher);

// Format: the header, comments, a "claim" line of NAME=WEIGHT fields, and a "cite", a "partial"
// and a "unique" line "probability=P" with 0 < partial <= unique <= cite < 1. Errors:
// kInvalidInput "line N: ...".
Result<ClaimModel> ParseClaimModel(std::string_view text);
std::string FormatClaimModel(const ClaimModel& model, const std::vector<std::string>& comments);

}  // namespace storydesk::claims
