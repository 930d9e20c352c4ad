#include "core/stories/sparse_vector.h"

#include <algorithm>

namespace storydesk::stories {

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

}  // namespace storydesk::stories
