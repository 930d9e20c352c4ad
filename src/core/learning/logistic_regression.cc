#include "storydesk/learning/logistic_regression.h"

#include <algorithm>
#include <cmath>

namespace storydesk::learning {
namespace {

// Solves A x = b for a symmetric positive definite A (Cholesky); false when A is not.
bool SolveSpd(std::vector<double> a, std::vector<double> b, size_t n, std::vector<double>* x) {
  for (size_t j = 0; j < n; ++j) {
    double d = a[j * n + j];
    for (size_t k = 0; k < j; ++k) d -= a[j * n + k] * a[j * n + k];
    if (d <= 1e-12) return false;
    a[j * n + j] = std::sqrt(d);
    for (size_t i = j + 1; i < n; ++i) {
      double s = a[i * n + j];
      for (size_t k = 0; k < j; ++k) s -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = s / a[j * n + j];
    }
  }
  for (size_t i = 0; i < n; ++i) {  // L y = b
    for (size_t k = 0; k < i; ++k) b[i] -= a[i * n + k] * b[k];
    b[i] /= a[i * n + i];
  }
  for (size_t i = n; i-- > 0;) {  // L^T x = y
    for (size_t k = i + 1; k < n; ++k) b[i] -= a[k * n + i] * b[k];
    b[i] /= a[i * n + i];
  }
  *x = std::move(b);
  return true;
}

}  // namespace

double Sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1.0 + e);
}

double LinearScore(const std::vector<double>& w, const double* x, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n && i < w.size(); ++i) s += w[i] * x[i];
  return s;
}

std::vector<double> FitLogistic(const std::vector<LogisticExample>& examples, const LogisticOptions& options) {
  if (examples.empty()) return {};
  const size_t n = examples.front().x.size();
  std::vector<double> w(n, 0.0);
  for (int iteration = 0; iteration < options.max_iterations; ++iteration) {
    // Gradient and Hessian of the negative penalised log-likelihood.
    std::vector<double> gradient(n, 0.0), hessian(n * n, 0.0);
    for (const LogisticExample& e : examples) {
      const double p = Sigmoid(LinearScore(w, e.x.data(), n));
      const double residual = e.weight * (p - (e.label ? 1.0 : 0.0));
      const double curvature = e.weight * std::max(p * (1 - p), 1e-12);
      for (size_t i = 0; i < n; ++i) {
        if (e.x[i] == 0) continue;
        gradient[i] += residual * e.x[i];
        for (size_t j = 0; j <= i; ++j) hessian[i * n + j] += curvature * e.x[i] * e.x[j];
      }
    }
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < i; ++j) hessian[j * n + i] = hessian[i * n + j];
      const double penalty = i == 0 ? 1e-9 : options.l2;
      gradient[i] += penalty * w[i];
      hessian[i * n + i] += penalty;
    }
    std::vector<double> step;
    if (!SolveSpd(hessian, gradient, n, &step)) break;
    double largest = 0;
    for (size_t i = 0; i < n; ++i) {
      w[i] -= step[i];
      largest = std::max(largest, std::abs(step[i]));
    }
    if (largest < options.tolerance) break;
  }
  return w;
}

}  // namespace storydesk::learning
