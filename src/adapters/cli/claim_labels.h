// The claim-support labels (data/claims/README.md): pairs (sentence of an article, another
// article of its story) judged by reading as yes / partial / no / na, with the texts they refer
// to read from the labelled data sets — shared by `train-claims` and `eval-claims`.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "storydesk/article.h"
#include "storydesk/claims/claim_support.h"
#include "storydesk/claims/claim_text.h"
#include "storydesk/status.h"
#include "storydesk/terms/term_statistics.h"

namespace storydesk::cli {

struct ClaimLabel {
  std::string set, story, article;
  uint32_t sentence = 0;  // as `storydesk sentences` numbers them
  std::string other;
  std::string label;  // "yes", "partial", "no" or "na" (not a claim)
};

// Which half of the labelled stories a story is in: training and thresholds use half "fit",
// every reported figure half "test". Decided by a hash of "set/story" (FNV-1a, stable
// everywhere), never by looking at the stories.
bool IsTestStory(const std::string& set, const std::string& story);

// Reads the TSV `set story article sentence other label` (comments and a header allowed).
// Errors: kIo, kInvalidInput "PATH:LINE: ...".
Result<std::vector<ClaimLabel>> ReadClaimLabels(const std::string& path);

// The labelled articles and their prepared texts.
struct LabelledTexts {
  std::unordered_map<std::string, RawArticle> articles;  // by id (ids are unique across the sets)
  std::unordered_map<std::string, claims::ClaimText> texts;
};

// Reads DATA_DIR/SET/articles.jsonl for every set the labels name and prepares every labelled
// article. Errors: kIo when a set is missing (the caller says to skip), or an article a label
// names is not there.
Result<LabelledTexts> LoadLabelledTexts(const std::vector<ClaimLabel>& labels, const std::string& data_dir,
                                        terms::TermStatistics& statistics, const claims::StemSynonyms* synonyms);

// The sentence a label names, or null when the article has no such sentence (with words).
const claims::ClaimSentence* LabelledSentence(const LabelledTexts& texts, const ClaimLabel& label);

// A labelled pair (not "na") with the claim matcher's features.
struct LabelledFeatures {
  const ClaimLabel* label = nullptr;
  claims::ClaimFeatureVector features{};
};

// The features of every labelled pair but the "na" ones. Errors: kInvalidInput when a label
// names a sentence its article does not have.
Result<std::vector<LabelledFeatures>> ComputeLabelledFeatures(const std::vector<ClaimLabel>& labels,
                                                              const LabelledTexts& texts,
                                                              const copies::SentenceModel& matcher);

// A claim model fitted on `pairs` ("yes" against the rest) with its three operating points
// chosen on held-out folds grouped by story, and two lines saying how it did there.
struct ClaimTraining {
  claims::ClaimModel model;
  std::string figures, points;
};
inline constexpr int kClaimFolds = 5;
inline constexpr double kClaimL2 = 0.1;
ClaimTraining TrainClaimModel(const std::vector<const LabelledFeatures*>& pairs, int folds, double l2);

}  // namespace storydesk::cli
