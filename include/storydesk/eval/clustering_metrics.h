// Clustering metrics: how well a predicted grouping of items matches a gold grouping.
//
//   BCubed precision/recall/F1 — Bagga & Baldwin, "Entity-based cross-document coreferencing
//     using the vector space model", COLING-ACL 1998: per item, the share of its predicted
//     cluster that is in its gold cluster (precision) and vice versa (recall), averaged over items.
//   Pair counting P/R/F1 — over all unordered pairs of items: a pair is positive when both
//     items share a cluster.
//   Adjusted Rand index — Hubert & Arabie, "Comparing partitions", J. Classification 1985.
//
// Pure functions over plain values; thread-safe. O(n + number of non-empty contingency cells).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

namespace storydesk::eval {

// item id → cluster label. Labels are opaque strings; only equality matters.
using Clustering = std::unordered_map<std::string, std::string>;

struct PrecisionRecall {
  double precision = 0.0;
  double recall = 0.0;
  double f1 = 0.0;
};

struct ClusteringScores {
  PrecisionRecall bcubed;
  PrecisionRecall pairwise;
  double adjusted_rand = 0.0;
  int64_t items = 0;
  int64_t gold_clusters = 0;
  int64_t predicted_clusters = 0;
  int64_t missing_from_prediction = 0;  // gold items the prediction lacks (scored as singletons)
  int64_t unknown_to_gold = 0;          // predicted items not in gold (ignored)
};

// Scores `predicted` against `gold` over the items of `gold`. Gold items missing from the
// prediction count as singletons; predicted items missing from gold are ignored.
// With no items every score is 0.
ClusteringScores ScoreClustering(const Clustering& gold, const Clustering& predicted);

}  // namespace storydesk::eval
