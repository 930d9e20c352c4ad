#include "storydesk/terms/sparse_vector.h"

#include <algorithm>

namespace storydesk::terms {

// The merge advances without branching on the comparison — ids interleave unpredictably, and a
// mispredicted branch per step cost more than the arithmetic.
double Dot(const SparseVector& a, const SparseVector& b) {
  double dot = 0;
  const auto* x = a.entries.data();
  const auto* y = b.entries.data();
  const auto* x_end = x + a.entries.size();
  const auto* y_end = y + b.entries.size();
  while (x != x_end && y != y_end) {
    const TermId u = x->first, v = y->first;
    dot += u == v ? static_cast<double>(x->second) * y->second : 0.0;
    x += u <= v;
    y += v <= u;
  }
  return dot;
}

SparseVector TfIdfVector(const std::vector<std::pair<TermId, int>>& counts, const TermStatistics& stats) {
  SparseVector v;
  v.entries.reserve(counts.size());
  for (const auto& [id, tf] : counts) {
    if (tf <= 0) continue;
    const double w = (1.0 + std::log(static_cast<double>(tf))) * stats.Idf(id);
    v.entries.emplace_back(id, static_cast<float>(w));
  }
  std::sort(v.entries.begin(), v.entries.end());
  v.Normalize();
  return v;
}

}  // namespace storydesk::terms
