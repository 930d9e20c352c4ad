#include "storydesk/stories/story_model.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "storydesk/learning/logistic_regression.h"
#include "storydesk/learning/model_text.h"

namespace storydesk::stories {
namespace {

double Clip(double logit) { return std::clamp(logit, -kLogitLimit, kLogitLimit); }

}  // namespace

std::string_view AttachFeatureName(size_t feature) {
  static constexpr std::string_view kNames[kAttachFeatureCount] = {"bias", "best_logit", "margin"};
  return feature < kAttachFeatureCount ? kNames[feature] : std::string_view();
}

AttachFeatureVector ComputeAttachFeatures(double best_logit, std::optional<double> second_logit) {
  AttachFeatureVector f{};
  f[kAttachBias] = 1.0;
  f[kBestLogit] = Clip(best_logit);
  f[kMargin] = Clip(best_logit) - Clip(second_logit.value_or(-kLogitLimit));
  return f;
}

double StoryModel::JoinLogit(const StoryFeatureVector& f) const {
  double s = 0;
  for (size_t k = 0; k < kStoryFeatureCount; ++k) s += join[k] * f[k];
  return s;
}

double StoryModel::AttachProbability(const AttachFeatureVector& f) const {
  double s = 0;
  for (size_t k = 0; k < kAttachFeatureCount; ++k) s += attach[k] * f[k];
  return learning::Sigmoid(s);
}

Result<StoryModel> ParseStoryModel(std::string_view text) {
  StoryModel model;
  bool have_join = false, have_attach = false;
  size_t lines = 0;
  const Status read = learning::ForEachModelLine(
      text, kStoryModelHeader,
      [&](size_t number, std::string_view line) {
        const auto fields = learning::SplitTabs(line);
        if (fields[0] == "join" && !have_join) {
          have_join = true;
          return learning::ReadWeights(fields, number, StoryFeatureName, &model.join);
        }
        if (fields[0] == "attach" && !have_attach) {
          have_attach = true;
          return learning::ReadWeights(fields, number, AttachFeatureName, &model.attach);
        }
        return learning::ModelLineError(
            number, "expected one \"join\" and one \"attach\" line, got \"" + std::string(fields[0]) + "\"");
      },
      &lines);
  if (!read.ok()) return read;
  if (!have_join || !have_attach) return learning::ModelLineError(lines, "the \"join\" or \"attach\" line is missing");
  return model;
}

std::string FormatStoryModel(const StoryModel& model, const std::vector<std::string>& comments) {
  std::string out(kStoryModelHeader);
  out += '\n';
  for (const std::string& c : comments) out += "# " + c + '\n';
  out += learning::WriteWeights("join", model.join, StoryFeatureName);
  out += learning::WriteWeights("attach", model.attach, AttachFeatureName);
  return out;
}

StoryModelTraining TrainStoryModel(const std::vector<TrainingArticle>& articles, double l2) {
  StoryModelTraining result;
  learning::LogisticOptions options;
  options.l2 = l2;

  std::vector<learning::LogisticExample> join_examples;
  for (const TrainingArticle& a : articles) {
    for (size_t i = 0; i < a.candidates.size(); ++i) {
      join_examples.push_back(
          {std::vector<double>(a.candidates[i].begin(), a.candidates[i].end()), a.gold == i, a.pair_weight});
    }
  }
  const std::vector<double> join = learning::FitLogistic(join_examples, options);
  for (size_t k = 0; k < kStoryFeatureCount && k < join.size(); ++k) result.model.join[k] = join[k];
  result.join_examples = join_examples.size();
  join_examples.clear();
  join_examples.shrink_to_fit();

  std::vector<learning::LogisticExample> attach_examples;
  for (const TrainingArticle& a : articles) {
    if (a.candidates.empty()) continue;  // no choice was made: a new story opens
    double best = -1e300;
    std::optional<double> second;
    size_t best_index = 0;
    for (size_t i = 0; i < a.candidates.size(); ++i) {
      const double logit = result.model.JoinLogit(a.candidates[i]);
      if (logit > best) {
        if (i > 0) second = best;
        best = logit;
        best_index = i;
      } else if (!second || logit > *second) {
        second = logit;
      }
    }
    const AttachFeatureVector f = ComputeAttachFeatures(best, second);
    attach_examples.push_back({std::vector<double>(f.begin(), f.end()), a.gold == best_index, a.attach_weight});
  }
  const std::vector<double> attach = learning::FitLogistic(attach_examples, options);
  for (size_t k = 0; k < kAttachFeatureCount && k < attach.size(); ++k) result.model.attach[k] = attach[k];
  result.attach_examples = attach_examples.size();
  return result;
}

}  // namespace storydesk::stories
