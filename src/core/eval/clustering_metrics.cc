#include "storydesk/eval/clustering_metrics.h"

#include <map>
#include <utility>
#include <vector>

namespace storydesk::eval {
namespace {

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

// n choose 2, in double: pair counts of a million items overflow nothing here.
double Pairs(int64_t n) { return 0.5 * static_cast<double>(n) * static_cast<double>(n - 1); }

}  // namespace

ClusteringScores ScoreClustering(const Clustering& gold, const Clustering& predicted) {
  ClusteringScores s;
  // Dense ids for labels; a missing prediction gets a label of its own (a singleton).
  std::unordered_map<std::string, int64_t> gold_ids, pred_ids;
  std::vector<std::pair<int64_t, int64_t>> labels;  // (gold, predicted) per item
  labels.reserve(gold.size());
  int64_t next_singleton = 0;
  for (const auto& [item, gold_label] : gold) {
    const int64_t g = gold_ids.try_emplace(gold_label, static_cast<int64_t>(gold_ids.size())).first->second;
    int64_t p;
    auto it = predicted.find(item);
    if (it == predicted.end()) {
      ++s.missing_from_prediction;
      p = -1 - next_singleton++;  // negative ids never collide with real labels
    } else {
      p = pred_ids.try_emplace(it->second, static_cast<int64_t>(pred_ids.size())).first->second;
    }
    labels.emplace_back(g, p);
  }
  for (const auto& [item, label] : predicted) {
    if (!gold.count(item)) ++s.unknown_to_gold;
  }
  s.items = static_cast<int64_t>(labels.size());
  if (s.items == 0) return s;

  std::map<std::pair<int64_t, int64_t>, int64_t> cells;
  std::unordered_map<int64_t, int64_t> gold_sizes, pred_sizes;
  for (const auto& [g, p] : labels) {
    ++cells[{g, p}];
    ++gold_sizes[g];
    ++pred_sizes[p];
  }
  s.gold_clusters = static_cast<int64_t>(gold_sizes.size());
  s.predicted_clusters = static_cast<int64_t>(pred_sizes.size());

  // BCubed: every item of cell (g,p) has precision n/|p| and recall n/|g|.
  double precision_sum = 0, recall_sum = 0, same_pairs = 0;
  for (const auto& [key, n] : cells) {
    const double cell = static_cast<double>(n);
    precision_sum += cell * cell / static_cast<double>(pred_sizes[key.second]);
    recall_sum += cell * cell / static_cast<double>(gold_sizes[key.first]);
    same_pairs += Pairs(n);
  }
  const double items = static_cast<double>(s.items);
  s.bcubed.precision = precision_sum / items;
  s.bcubed.recall = recall_sum / items;
  s.bcubed.f1 = F1(s.bcubed.precision, s.bcubed.recall);

  double gold_pairs = 0, pred_pairs = 0;
  for (const auto& [g, n] : gold_sizes) gold_pairs += Pairs(n);
  for (const auto& [p, n] : pred_sizes) pred_pairs += Pairs(n);
  // With no positive pairs on a side, that side is perfect by convention (nothing to get wrong).
  s.pairwise.precision = pred_pairs > 0 ? same_pairs / pred_pairs : 1.0;
  s.pairwise.recall = gold_pairs > 0 ? same_pairs / gold_pairs : 1.0;
  s.pairwise.f1 = F1(s.pairwise.precision, s.pairwise.recall);

  const double all_pairs = Pairs(s.items);
  const double expected = all_pairs > 0 ? gold_pairs * pred_pairs / all_pairs : 0.0;
  const double max_index = 0.5 * (gold_pairs + pred_pairs);
  // Identical trivial partitions (all singletons or one cluster) have ARI 1 by convention.
  s.adjusted_rand = max_index - expected != 0 ? (same_pairs - expected) / (max_index - expected) : 1.0;
  return s;
}

}  // namespace storydesk::eval
