#include "core/digest/lexrank.h"

#include <cmath>
#include <numeric>

namespace storydesk::digest {

std::vector<double> LexRank(const std::vector<terms::SparseVector>& vectors, const std::vector<double>& prior,
                            const LexRankOptions& options) {
  const size_t n = vectors.size();
  if (n == 0) return {};
  // The jump distribution.
  std::vector<double> jump(n, 1.0 / static_cast<double>(n));
  if (prior.size() == n) {
    const double total = std::accumulate(prior.begin(), prior.end(), 0.0);
    if (total > 0) {
      for (size_t i = 0; i < n; ++i) jump[i] = std::max(0.0, prior[i]) / total;
    }
  }
  // Row-normalised similarity graph, kept sparse (most sentence pairs share nothing).
  std::vector<std::vector<std::pair<size_t, double>>> edges(n);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      const double s = terms::Dot(vectors[i], vectors[j]);
      if (s >= options.min_similarity) {
        edges[i].emplace_back(j, s);
        edges[j].emplace_back(i, s);
      }
    }
  }
  std::vector<double> out_weight(n, 0.0);
  for (size_t i = 0; i < n; ++i) {
    for (const auto& [j, s] : edges[i]) out_weight[i] += s;
  }

  std::vector<double> rank = jump, next(n);
  for (int iteration = 0; iteration < options.max_iterations; ++iteration) {
    // A sentence without edges hands its mass to the jump distribution (a dangling node).
    double dangling = 0.0;
    for (size_t i = 0; i < n; ++i) {
      if (out_weight[i] == 0.0) dangling += rank[i];
    }
    for (size_t i = 0; i < n; ++i) next[i] = (1.0 - options.damping + options.damping * dangling) * jump[i];
    for (size_t i = 0; i < n; ++i) {
      if (out_weight[i] == 0.0) continue;
      const double share = options.damping * rank[i] / out_weight[i];
      for (const auto& [j, s] : edges[i]) next[j] += share * s;
    }
    double change = 0.0;
    for (size_t i = 0; i < n; ++i) change += std::abs(next[i] - rank[i]);
    rank.swap(next);
    if (change < options.tolerance) break;
  }
  return rank;
}

}  // namespace storydesk::digest
