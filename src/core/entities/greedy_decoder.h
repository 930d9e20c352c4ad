// Greedy left-to-right decoding of a document's sentences: each token gets the best-scoring
// label that may follow the one before (bilou.h), its features computed with the labels
// just given and with what the document's earlier tokens were given (token_features.h).
// The same loop trains and tags, so training sees exactly the features tagging will.
// Not thread-safe; one decoder per document at a time.
#pragma once

#include <array>
#include <limits>
#include <vector>

#include "core/entities/bilou.h"
#include "core/entities/token_features.h"
#include "storydesk/entities/entity_model.h"

namespace storydesk::entities {

class GreedyDecoder {
 public:
  // `clusters` and `gazetteer` (either may be null) must outlive the decoder.
  explicit GreedyDecoder(const WordClusters* clusters, const Gazetteer* gazetteer = nullptr, bool keep_names = false)
      : clusters_(clusters), gazetteer_(gazetteer), features_(keep_names) {}

  // Forgets what earlier sentences were given: the next sentence opens a new document.
  void NewDocument() { memory_.Clear(); }
  // The same, the new document's phrases looked up in `gazetteer` (training: a gazetteer that
  // does not list the document's own names).
  void NewDocument(const Gazetteer* gazetteer) {
    memory_.Clear();
    gazetteer_ = gazetteer;
  }

  // The labels of `sentence`. `score(features, scores)` adds each label's score for a token's
  // features into scores[kLabels]; `decided(features, i, label)` is called once the token's
  // label is chosen and may return another (training: the gold label, so later tokens see
  // it) — it returns `label` to keep the decision.
  template <typename Score, typename Decided>
  std::vector<int> Decode(const TokenSentence& sentence, const Score& score, const Decided& decided) {
    const PreparedSentence prepared = PrepareSentence(sentence, clusters_, gazetteer_);
    std::vector<int> labels(sentence.size(), kOutside);
    int previous = kNoLabel, before_previous = kNoLabel;
    for (size_t i = 0; i < sentence.size(); ++i) {
      features_.Clear();
      TokenFeatures(prepared, i, previous, before_previous, memory_, &features_);
      std::array<float, kLabels> scores{};
      score(features_, scores.data());
      const bool last = i + 1 == sentence.size();
      int best = kNoLabel;
      for (int l = 0; l < static_cast<int>(kLabels); ++l) {
        if (!MayFollow(previous, l, last)) continue;
        if (best == kNoLabel || scores[static_cast<size_t>(l)] > scores[static_cast<size_t>(best)]) best = l;
      }
      const int label = decided(features_, i, best);
      labels[i] = label;
      memory_.Record(sentence[i], label);
      before_previous = previous;
      previous = label;
    }
    return labels;
  }

  template <typename Score>
  std::vector<int> Decode(const TokenSentence& sentence, const Score& score) {
    return Decode(sentence, score, [](const FeatureSet&, size_t, int label) { return label; });
  }

 private:
  const WordClusters* clusters_;
  const Gazetteer* gazetteer_;
  FeatureSet features_;
  DocumentMemory memory_;
};

}  // namespace storydesk::entities
