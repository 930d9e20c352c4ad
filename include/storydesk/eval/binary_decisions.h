// Measures of a yes/no decision against labels, and the two steps every trained decision of
// storydesk shares: probabilities of held-out folds (cross-validation), and an operating point
// chosen on them by a rule fixed in advance (a precision to reach), never by a test set.
// Pure functions and plain values; thread-safe.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "storydesk/learning/logistic_regression.h"

namespace storydesk::eval {

struct BinaryCounts {
  size_t tp = 0, fp = 0, tn = 0, fn = 0;

  void Add(bool predicted, bool label);
  double Accuracy() const;
  double Precision() const;  // 0 when nothing is predicted
  double Recall() const;     // 0 when nothing is positive
  double F1() const;
};

// (probability, label) of every example, each predicted by a model fitted without its fold.
// Folds are contiguous ranges of `examples` (keep related examples together in the input so a
// fold holds whole groups). Needs at least `folds` examples.
std::vector<std::pair<double, bool>> HeldOutProbabilities(const std::vector<learning::LogisticExample>& examples,
                                                          int folds, const learning::LogisticOptions& options);

// The lowest probability p such that the examples at or above p are positive at least
// `target_precision` of the time; 1 when no such p (nothing may be called positive).
double LowestProbabilityWithPrecision(std::vector<std::pair<double, bool>> scored, double target_precision);

}  // namespace storydesk::eval
