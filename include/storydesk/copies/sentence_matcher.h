// SentenceMatcher: the probability that two sentences say the same thing in other words —
// the sentence-level judgement that rewrite detection (copy_relation.h) and, later, quote
// matching and bullet support rest on.
//
// A logistic model over overlap features of the two sentences' profiles: IDF-weighted stem
// overlap (Dice and the containment of the shorter side), plain stem Jaccard, stem-bigram
// Dice (word order), name overlap and unmatched names, a number mismatch, the length ratio,
// word 2- and 3-gram Dice and the heavier side's unmatched weight — the lexical feature set with which classic systems
// reach about 77% accuracy on the Microsoft Research Paraphrase Corpus (Dolan & Brockett 2005; e.g. Madnani et al.,
// NAACL 2012 report 77.4 with MT metrics; Mihalcea et al., AAAI 2006, 70.3 with corpus measures). The weights are
// trained on msrp-train by `storydesk train-sentences` and shipped as models/sentence-model.tsv (versioned text, like
// the story model). Pure functions and plain values; thread-safe.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storydesk/copies/sentence_profile.h"
#include "storydesk/status.h"

namespace storydesk::copies {

inline constexpr std::string_view kSentenceModelHeader = "# storydesk sentence model v1";
inline constexpr double kTargetMatchPrecision = 0.9;

enum SentenceFeature : size_t {
  kSentenceBias,
  kWeightedDice,         // 2 w(A∩B) / (w(A) + w(B)), w = sum of IDF of distinct stems
  kWeightedContainment,  // w(A∩B) / min(w(A), w(B)): a sentence cut short still matches
  kStemJaccard,          // |A∩B| / |A∪B| of distinct stems, unweighted
  kBigramDice,           // Dice of adjacent-stem pairs: how much word order survived
  kNameDice,             // Dice of capitalised words (0 when neither has any)
  kNamesUnmatched,       // share of the two sides' names the other side lacks
  kNumberMismatch,       // 1 when a number of one side is missing from the other
  kLengthRatio,          // shorter / longer, in words
  kWordBigramDice,       // Dice of adjacent word pairs, stop words included
  kWordTrigramDice,      // the same for word triples
  kUnmatchedWeight,      // the larger share of a side's stem weight the other side lacks
  kSentenceFeatureCount
};
using SentenceFeatureVector = std::array<double, kSentenceFeatureCount>;

std::string_view SentenceFeatureName(size_t feature);

SentenceFeatureVector ComputeSentenceFeatures(const SentenceProfile& a, const SentenceProfile& b);

struct SentenceModel;
// ComputeSentenceFeatures, or nullopt when `model`'s probability for the pair is surely below
// `min_probability`: decided from the stem features (one merge of two short lists) and the
// most the other features could add (each lies in [0, 1]). Exact: never drops a pair the full
// computation would keep. Most pairs an alignment looks at are dropped this way.
std::optional<SentenceFeatureVector> FeaturesIfPossiblyAtLeast(const SentenceModel& model, const SentenceProfile& a,
                                                               const SentenceProfile& b, double min_probability);

struct SentenceModel {
  SentenceFeatureVector weights{};
  // The probability at and above which two sentences count as saying the same thing. Chosen
  // by the trainer on held-out folds of its training pairs (the lowest probability at which
  // they were right kTargetMatchPrecision of the time): a copy is judged from several matched
  // sentences, each of which should be near-certain.
  double match_probability = 0.5;

  double Logit(const SentenceFeatureVector& f) const;
  double Probability(const SentenceProfile& a, const SentenceProfile& b) const;
};

// Format: the header, comments, then a "sentence" line of NAME=WEIGHT fields and a "match"
// line "match<TAB>probability=P". Errors are kInvalidInput "line N: what is wrong".
Result<SentenceModel> ParseSentenceModel(std::string_view text);
std::string FormatSentenceModel(const SentenceModel& model, const std::vector<std::string>& comments);

}  // namespace storydesk::copies
