// Logistic regression with an L2 penalty, fitted by Newton's method (iteratively reweighted
// least squares). For the few dense features of story grouping (about ten) a Newton step is
// a 10x10 solve, so training on millions of examples takes seconds and needs no library.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <vector>

namespace storydesk::learning {

struct LogisticExample {
  std::vector<double> x;  // features; x[0] is usually the constant 1 (its weight is not penalised)
  bool label = false;
  double weight = 1.0;  // the example counts this many times
};

struct LogisticOptions {
  double l2 = 1.0;  // penalty lambda/2 |w|^2 on every weight but w[0]
  int max_iterations = 50;
  double tolerance = 1e-8;  // stop when the largest step is below this
};

// Weights maximising the penalised log-likelihood. All examples must have the same size;
// an empty set gives an empty vector.
std::vector<double> FitLogistic(const std::vector<LogisticExample>& examples, const LogisticOptions& options = {});

// w . x
double LinearScore(const std::vector<double>& w, const double* x, size_t n);

double Sigmoid(double z);

}  // namespace storydesk::learning
