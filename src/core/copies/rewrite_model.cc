#include "storydesk/copies/rewrite_model.h"

#include <algorithm>

#include "storydesk/learning/logistic_regression.h"
#include "storydesk/learning/model_text.h"

namespace storydesk::copies {
namespace {

uint32_t WordsOf(const std::vector<SentenceProfile>& sentences) {
  uint32_t n = 0;
  for (const SentenceProfile& s : sentences) n += s.word_count;
  return n;
}

constexpr learning::OperatingPointLayout kRewriteModelLayout{kRewriteModelHeader, "rewrite", "decide", "rewrite"};

}  // namespace

std::string_view RewriteFeatureName(size_t feature) {
  static constexpr std::string_view kNames[kRewriteFeatureCount] = {"bias",
                                                                    "strict_coverage",
                                                                    "loose_coverage",
                                                                    "expected_coverage",
                                                                    "sentence_coverage",
                                                                    "larger_coverage",
                                                                    "adjacent_links",
                                                                    "mean_link_probability",
                                                                    "shingle_containment",
                                                                    "stem_containment",
                                                                    "word_length_ratio"};
  return feature < kRewriteFeatureCount ? kNames[feature] : std::string_view();
}

RewriteEvidence ComputeRewriteEvidence(const std::vector<SentenceProfile>& smaller,
                                       const std::vector<SentenceProfile>& larger, const SentenceModel& model,
                                       double shingle_containment, double stem_containment,
                                       const AlignmentOptions& options) {
  RewriteEvidence e;
  RewriteFeatureVector& f = e.features;
  f[kRewriteBias] = 1.0;
  f[kShingleContainment] = shingle_containment;
  f[kStemContainment] = stem_containment;
  const uint32_t words_s = WordsOf(smaller), words_l = WordsOf(larger);
  if (words_l > 0) f[kWordLengthRatio] = static_cast<double>(words_s) / words_l;

  const double loose_floor = std::min(kLooseLinkProbability, model.match_probability);
  std::vector<SentenceLink> links = CandidateLinks(smaller, larger, model, loose_floor, options);
  e.strict = ChainLinks(links, smaller, larger, model.match_probability);
  const SentenceAlignment loose = ChainLinks(std::move(links), smaller, larger, loose_floor);
  f[kStrictCoverage] = e.strict.coverage_a;
  f[kLooseCoverage] = loose.coverage_a;
  f[kLargerCoverage] = loose.coverage_b;
  e.loose_matched = loose.matched_a;
  // Sentences as evidence: two texts sharing quotations share sentences without one copying
  // the other (kQuotedWordWeight).
  double sentences_s = 0;
  for (const SentenceProfile& s : smaller) sentences_s += EvidenceSentence(s);
  auto quoted_share = [](const std::vector<SentenceProfile>& side, uint32_t begin, uint32_t end) {
    double words = 0, quoted = 0;
    for (uint32_t i = begin; i < end; ++i) {
      words += side[i].word_count;
      quoted += side[i].word_count * static_cast<double>(side[i].quoted_share);
    }
    return words > 0 ? quoted / words : 0.0;
  };
  for (const SentenceLink& l : loose.links) {
    for (uint32_t i = l.a_begin; i < l.a_end; ++i) e.loose_matched_evidence += EvidenceSentence(smaller[i]);
    if (quoted_share(smaller, l.a_begin, l.a_end) < 0.5 && quoted_share(larger, l.b_begin, l.b_end) < 0.5) {
      ++e.reporting_links;
    }
  }
  if (sentences_s > 0) f[kSentenceCoverage] = e.loose_matched_evidence / sentences_s;
  if (!loose.links.empty()) {
    double expected = 0.0, probability = 0.0;
    size_t adjacent = 0;
    for (size_t k = 0; k < loose.links.size(); ++k) {
      const SentenceLink& l = loose.links[k];
      double words = 0;
      for (uint32_t i = l.a_begin; i < l.a_end; ++i) words += EvidenceWords(smaller[i]);
      expected += words * l.probability;
      probability += l.probability;
      if (k > 0 && l.a_begin == loose.links[k - 1].a_end && l.b_begin == loose.links[k - 1].b_end) ++adjacent;
    }
    double evidence_s = 0;
    for (const SentenceProfile& s : smaller) evidence_s += EvidenceWords(s);
    if (evidence_s > 0) f[kExpectedCoverage] = expected / evidence_s;
    f[kMeanLinkProbability] = probability / static_cast<double>(loose.links.size());
    if (loose.links.size() > 1)
      f[kAdjacentLinks] = static_cast<double>(adjacent) / static_cast<double>(loose.links.size() - 1);
  }
  return e;
}

double RewriteModel::Logit(const RewriteFeatureVector& f) const {
  double s = 0.0;
  for (size_t k = 0; k < kRewriteFeatureCount; ++k) s += weights[k] * f[k];
  return s;
}

double RewriteModel::Probability(const RewriteFeatureVector& f) const { return learning::Sigmoid(Logit(f)); }

Result<RewriteModel> ParseRewriteModel(std::string_view text) {
  RewriteModel model;
  if (Status s = learning::ParseWeightsWithOperatingPoint(text, kRewriteModelLayout, RewriteFeatureName, &model.weights,
                                                          &model.rewrite_probability);
      !s.ok()) {
    return s;
  }
  return model;
}

std::string FormatRewriteModel(const RewriteModel& model, const std::vector<std::string>& comments) {
  return learning::FormatWeightsWithOperatingPoint(kRewriteModelLayout, comments, RewriteFeatureName, model.weights,
                                                   model.rewrite_probability);
}

}  // namespace storydesk::copies
