// SparseVector: a term-weight vector sorted by term id, and the few operations on it that
// grouping needs. Plain value; thread-safe to read.
#pragma once

#include <cmath>
#include <utility>
#include <vector>

#include "storydesk/terms/term_statistics.h"

namespace storydesk::terms {

struct SparseVector {
  std::vector<std::pair<TermId, float>> entries;  // sorted by TermId, no duplicates

  bool empty() const { return entries.empty(); }
  double Norm() const {
    double sum = 0;
    for (const auto& [id, w] : entries) sum += static_cast<double>(w) * w;
    return std::sqrt(sum);
  }
  // Scales to unit length (no-op for the zero vector).
  void Normalize() {
    const double n = Norm();
    if (n == 0) return;
    for (auto& [id, w] : entries) w = static_cast<float>(w / n);
  }
};

// Dot product of two vectors (their cosine when both have unit length).
double Dot(const SparseVector& a, const SparseVector& b);

// Builds a TF-IDF vector from term counts: weight = (1 + ln tf) * idf, L2-normalised
// (sublinear tf: a term said ten times is not ten times the evidence).
SparseVector TfIdfVector(const std::vector<std::pair<TermId, int>>& counts, const TermStatistics& stats);

}  // namespace storydesk::terms
