#include "storydesk/eval/binary_decisions.h"

#include <algorithm>

namespace storydesk::eval {
namespace {

double Ratio(size_t num, size_t den) { return den == 0 ? 0.0 : static_cast<double>(num) / static_cast<double>(den); }

}  // namespace

void BinaryCounts::Add(bool predicted, bool label) {
  if (predicted && label) ++tp;
  if (predicted && !label) ++fp;
  if (!predicted && !label) ++tn;
  if (!predicted && label) ++fn;
}

double BinaryCounts::Accuracy() const { return Ratio(tp + tn, tp + fp + tn + fn); }
double BinaryCounts::Precision() const { return Ratio(tp, tp + fp); }
double BinaryCounts::Recall() const { return Ratio(tp, tp + fn); }
double BinaryCounts::F1() const { return Ratio(2 * tp, 2 * tp + fp + fn); }

std::vector<std::pair<double, bool>> HeldOutProbabilities(const std::vector<learning::LogisticExample>& examples,
                                                          int folds, const learning::LogisticOptions& options) {
  std::vector<std::pair<double, bool>> out;
  out.reserve(examples.size());
  const size_t n = examples.size();
  for (int fold = 0; fold < folds; ++fold) {
    const size_t begin = n * static_cast<size_t>(fold) / static_cast<size_t>(folds);
    const size_t end = n * static_cast<size_t>(fold + 1) / static_cast<size_t>(folds);
    std::vector<learning::LogisticExample> train;
    train.reserve(n - (end - begin));
    for (size_t i = 0; i < n; ++i) {
      if (i < begin || i >= end) train.push_back(examples[i]);
    }
    const std::vector<double> w = learning::FitLogistic(train, options);
    for (size_t i = begin; i < end; ++i) {
      out.emplace_back(learning::Sigmoid(learning::LinearScore(w, examples[i].x.data(), w.size())), examples[i].label);
    }
  }
  return out;
}

double LowestProbabilityWithPrecision(std::vector<std::pair<double, bool>> scored, double target_precision) {
  std::sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  double chosen = 1.0;
  size_t right = 0;
  for (size_t i = 0; i < scored.size(); ++i) {
    right += scored[i].second ? 1 : 0;
    const bool tie_next = i + 1 < scored.size() && scored[i + 1].first == scored[i].first;
    if (!tie_next && static_cast<double>(right) >= target_precision * static_cast<double>(i + 1)) {
      chosen = scored[i].first;
    }
  }
  return chosen;
}

}  // namespace storydesk::eval
