// RewriteModel: the document-level decision of rewrite detection — whether the sentences of
// two texts, aligned in order (sentence_alignment.h), make one a re-worded copy of the other,
// or only two reports of the same event that happen to share some sentences.
//
// Why a learned decision and not one coverage threshold: a translated or edited copy has a
// counterpart for nearly every sentence, in order and mostly adjacent, each only moderately
// sure (a translation round trip changes many words of every sentence); two outlets' reports
// of one event share a few sentences (the quote, the casualty count) that match very surely,
// scattered through the texts. One coverage figure at one confidence level mixes the two; a
// logistic model over the alignment's coverage at two confidence levels, its expected coverage,
// how many of its links are adjacent, and the texts' overall overlap tells them apart — the
// document-level use of sentence alignment of plagiarism and text-reuse detection (Clough et
// al., METER corpus, 2002; Potthast et al., PAN 2010 text alignment).
// Trained by `storydesk train-rewrites` on labelled article pairs and shipped as
// models/rewrite-model.tsv (versioned text, like the other models).
// Pure functions and plain values; thread-safe.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "storydesk/copies/sentence_alignment.h"
#include "storydesk/copies/sentence_matcher.h"
#include "storydesk/copies/sentence_profile.h"
#include "storydesk/status.h"

namespace storydesk::copies {

inline constexpr std::string_view kRewriteModelHeader = "# storydesk rewrite model v1";
// Links at least this likely form the loose alignment: even odds that the two sentences say
// the same thing. The strict alignment uses the sentence model's own match probability.
inline constexpr double kLooseLinkProbability = 0.5;

enum RewriteFeature : size_t {
  kRewriteBias,
  kStrictCoverage,       // share of the smaller text's words in links at the match probability
  kLooseCoverage,        // the same with links at kLooseLinkProbability
  kExpectedCoverage,     // loose links' words weighed by their probability, over all words
  kSentenceCoverage,     // share of the smaller text's sentences in a loose link (as evidence)
  kLargerCoverage,       // share of the larger text's words in a loose link
  kAdjacentLinks,        // share of loose links that directly follow the previous one on both sides
  kMeanLinkProbability,  // mean probability of the loose links
  kShingleContainment,   // share of the smaller text's word 5-grams in the other
  kStemContainment,      // share of the smaller text's distinct content stems in the other
  kWordLengthRatio,      // smaller / larger, in words
  kRewriteFeatureCount
};
using RewriteFeatureVector = std::array<double, kRewriteFeatureCount>;

std::string_view RewriteFeatureName(size_t feature);

// What the decision sees of a pair: `smaller` is the text to be covered (fewer words).
// `shingle_containment` and `stem_containment` are computed by the caller, which has them.
struct RewriteEvidence {
  RewriteFeatureVector features{};
  SentenceAlignment strict;    // the alignment at the match probability (what `explain` shows)
  uint32_t loose_matched = 0;  // sentences of the smaller text in a loose link
  // The same counted as evidence (EvidenceSentence): a quoted sentence counts for less.
  double loose_matched_evidence = 0.0;
  // Loose links whose sides are both mostly the texts' own words (less than half quotation):
  // shared reporting, not only a shared quotation.
  uint32_t reporting_links = 0;
};
RewriteEvidence ComputeRewriteEvidence(const std::vector<SentenceProfile>& smaller,
                                       const std::vector<SentenceProfile>& larger, const SentenceModel& model,
                                       double shingle_containment, double stem_containment,
                                       const AlignmentOptions& options = {});

struct RewriteModel {
  RewriteFeatureVector weights{};
  // The probability at and above which a pair is a rewrite; chosen by the trainer on held-out
  // folds (the lowest probability at which pairs were rewrites kTargetRewritePrecision of the
  // time).
  double rewrite_probability = 0.5;

  double Logit(const RewriteFeatureVector& f) const;
  double Probability(const RewriteFeatureVector& f) const;
};
inline constexpr double kTargetRewritePrecision = 0.9;

// Format: the header, comments, then a "rewrite" line of NAME=WEIGHT fields and a "decide" line
// "decide<TAB>probability=P". Errors are kInvalidInput "line N: what is wrong".
Result<RewriteModel> ParseRewriteModel(std::string_view text);
std::string FormatRewriteModel(const RewriteModel& model, const std::vector<std::string>& comments);

}  // namespace storydesk::copies
