// StoryModel: the learned decisions of story grouping (after Miranda et al., EMNLP 2018).
//
// Two logistic models replace one hand-set threshold:
//   - `join` scores an article against one candidate story from StoryFeatures; the candidate
//     with the highest score is the article's best story;
//   - `attach` decides whether the article joins that best story or opens a new one, from the
//     best score and its margin over the runner-up — the
//     learned "open a new story?" decision.
// Both are trained (TrainStoryModel) on gold stories replayed online: each article is scored
// against the stories active when it arrives, built from the gold assignment of the articles
// before it.
//
// File format (text, versioned):
//   # storydesk story model v1
//   # comment lines
//   join<TAB>bias=W<TAB>cosine_all=W ...      every StoryFeatureName, any order
//   attach<TAB>bias=W<TAB>best_logit=W ...    every AttachFeatureName, any order
// Pure functions; thread-safe.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storydesk/status.h"
#include "storydesk/stories/story_features.h"

namespace storydesk::stories {

inline constexpr std::string_view kStoryModelHeader = "# storydesk story model v1";

// Not the number of candidates: it depends on the window and on whether a corpus is dated far
// more than on the article, so a weight learned on one corpus misleads on another.
enum AttachFeature : size_t { kAttachBias, kBestLogit, kMargin, kAttachFeatureCount };
using AttachFeatureVector = std::array<double, kAttachFeatureCount>;
std::string_view AttachFeatureName(size_t feature);

// Logits are clipped to this range; a missing runner-up counts as the lowest logit.
inline constexpr double kLogitLimit = 10.0;

// The attach features of the best candidate, given the best and (if any) runner-up join logits.
AttachFeatureVector ComputeAttachFeatures(double best_logit, std::optional<double> second_logit);

struct StoryModel {
  std::array<double, kStoryFeatureCount> join{};
  std::array<double, kAttachFeatureCount> attach{};

  double JoinLogit(const StoryFeatureVector& f) const;
  double AttachProbability(const AttachFeatureVector& f) const;
};

Result<StoryModel> ParseStoryModel(std::string_view text);
std::string FormatStoryModel(const StoryModel& model, const std::vector<std::string>& comments);

// One article of the training replay: its features against every active candidate story and
// which candidate (if any) is its gold story.
struct TrainingArticle {
  std::vector<StoryFeatureVector> candidates;
  std::optional<size_t> gold;
  double pair_weight = 1.0;    // weight of each of its (article, candidate) examples for `join`
  double attach_weight = 1.0;  // weight of its example for `attach`
};

struct StoryModelTraining {
  StoryModel model;
  size_t join_examples = 0;
  size_t attach_examples = 0;
};

// Fits `join` on every (article, candidate) pair, then `attach` on each article's best
// candidate under that `join`: positive when the best candidate is its gold story.
// `l2` is the penalty of both fits.
StoryModelTraining TrainStoryModel(const std::vector<TrainingArticle>& articles, double l2);

}  // namespace storydesk::stories
