// Left-to-right decoding of a document's sentences, greedy or with a beam: each token gets a
// label that may follow the one before (bilou.h), its features computed with the labels
// just given and with what the document's earlier tokens were given (token_features.h).
// The same loop trains and tags, so training sees exactly the features tagging will.
// Not thread-safe; one decoder per document at a time.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
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

  // The labels of `sentence` whose log-probabilities (each token's scores divided by
  // `temperature`, then a softmax over the labels that may follow) sum highest among those a
  // beam of `width` label histories keeps, token by token. A greedy choice cannot be
  // taken back: "North Korean leader Kim" once "Korean" was given Inside rather than Last must
  // run on through "leader", whatever that costs; a beam keeps the other reading alive.
  // Histories ending in the same two labels have the same future, so only the best of them
  // is kept. A model trained greedily (Decode, on its own decisions) is decoded with a
  // temperature; one trained with a beam (TrainBeam) at temperature 0, summing raw scores.
  template <typename Score>
  std::vector<int> DecodeBeam(const TokenSentence& sentence, const Score& score, size_t width, float temperature) {
    // The labels before a history's last two are read back through `kept` once the sentence
    // ends, so each step costs the same however long the sentence (a copied label list per
    // history would make one long line quadratic).
    const PreparedSentence prepared = PrepareSentence(sentence, clusters_, gazetteer_);
    std::vector<History> beam(1);
    std::vector<std::vector<History>> kept;  // the beam after each token
    kept.reserve(sentence.size());
    for (size_t i = 0; i < sentence.size(); ++i) {
      features_.Clear();
      WordFeatures(prepared, i, memory_, &features_);
      std::array<float, kLabels> word_scores{};
      score(features_, word_scores.data());
      const bool last = i + 1 == sentence.size();
      candidates_.Clear();
      for (uint32_t b = 0; b < beam.size(); ++b) {
        const History& h = beam[b];
        features_.Clear();
        LabelFeatures(prepared, i, h.previous, h.before_previous, &features_);
        std::array<float, kLabels> scores = word_scores;
        score(features_, scores.data());
        if (temperature == 0) {
          // Raw sums, as the beam training (TrainBeam) scores its histories.
          for (int l = 0; l < static_cast<int>(kLabels); ++l) {
            if (Follows(h.previous, l, last)) candidates_.Extend(h, b, l, h.total + scores[static_cast<size_t>(l)]);
          }
          continue;
        }
        for (float& x : scores) x /= temperature;
        // Each token's scores as log-probabilities over the labels that may follow (a
        // softmax): raw perceptron scores after a history the greedy training never met are on
        // no common scale, and summed they would reward improbable histories.
        float top = -std::numeric_limits<float>::infinity();
        for (int l = 0; l < static_cast<int>(kLabels); ++l) {
          if (Follows(h.previous, l, last)) top = std::max(top, scores[static_cast<size_t>(l)]);
        }
        float sum = 0;
        for (int l = 0; l < static_cast<int>(kLabels); ++l) {
          if (Follows(h.previous, l, last)) sum += std::exp(scores[static_cast<size_t>(l)] - top);
        }
        const float log_sum = top + std::log(sum);
        for (int l = 0; l < static_cast<int>(kLabels); ++l) {
          if (!Follows(h.previous, l, last)) continue;
          candidates_.Extend(h, b, l, h.total + scores[static_cast<size_t>(l)] - log_sum);
        }
      }
      candidates_.Best(width, &beam);
      kept.push_back(beam);
    }
    std::vector<int> labels(sentence.size(), kOutside);
    uint32_t at = 0;  // the best history at the last token
    for (size_t i = sentence.size(); i-- > 0;) {
      labels[i] = kept[i][at].previous;
      at = kept[i][at].parent;
    }
    for (size_t i = 0; i < labels.size(); ++i) memory_.Record(sentence[i], labels[i]);
    return labels;
  }

  // One training step on `sentence` with the beam: the structured perceptron with early update
  // (Collins & Roark 2004, "Incremental parsing with the perceptron algorithm"). A beam of
  // `width` histories scored by the sum of their raw scores runs token by token beside the
  // gold history `gold`; as soon as the gold history leaves the beam (or at the end, when it is
  // not the best), the features of the gold prefix are rewarded and those of the best
  // history's prefix penalised, and the rest of the sentence is skipped: an update past the
  // point where the search lost the gold history would penalise what the search never chose.
  // `score` as for Decode; `add(features, label, delta)` adds delta to the weights of label
  // for features; `tick()` is called once per token decoded. Returns whether an update was made.
  // Afterwards the document memory holds the best history's labels up to the update and the
  // gold labels after it.
  template <typename Score, typename Add, typename Tick>
  bool TrainBeam(const TokenSentence& sentence, const std::vector<int>& gold, const Score& score, size_t width,
                 const Add& add, const Tick& tick) {
    struct GoldHistory {
      float total = 0;
      int previous = kNoLabel, before_previous = kNoLabel;
      uint32_t parent = 0;
      bool gold = true;  // every label so far is the gold one
    };
    using History = GoldHistory;
    const PreparedSentence prepared = PrepareSentence(sentence, clusters_, gazetteer_);
    std::vector<History> beam(1), next;
    std::vector<std::vector<History>> kept;
    kept.reserve(sentence.size());
    size_t stop = sentence.size();  // the token the update is made at, if any
    for (size_t i = 0; i < sentence.size(); ++i) {
      features_.Clear();
      WordFeatures(prepared, i, memory_, &features_);
      std::array<float, kLabels> word_scores{};
      score(features_, word_scores.data());
      const bool last = i + 1 == sentence.size();
      next.clear();
      for (uint32_t b = 0; b < beam.size(); ++b) {
        const History& h = beam[b];
        features_.Clear();
        LabelFeatures(prepared, i, h.previous, h.before_previous, &features_);
        std::array<float, kLabels> scores = word_scores;
        score(features_, scores.data());
        for (int l = 0; l < static_cast<int>(kLabels); ++l) {
          if (!MayFollow(h.previous, l, last)) continue;
          const float total = h.total + scores[static_cast<size_t>(l)];
          const bool on_gold = h.gold && l == gold[i];
          const auto same = std::find_if(next.begin(), next.end(), [&](const History& n) {
            return n.previous == l && n.before_previous == h.previous;
          });
          if (same != next.end()) {
            // The gold history loses a tie, so that an update is made rather than none.
            if (total < same->total || (total == same->total && !same->gold)) continue;
            next.erase(same);
          }
          next.push_back({total, l, h.previous, b, on_gold});
        }
      }
      std::stable_sort(next.begin(), next.end(), [](const History& a, const History& b) { return a.total > b.total; });
      if (next.size() > width) next.resize(width);
      kept.push_back(next);
      beam.swap(next);
      tick();
      const bool gold_kept = std::any_of(beam.begin(), beam.end(), [](const History& h) { return h.gold; });
      if (!gold_kept || (last && !beam.front().gold)) {
        stop = i;
        break;
      }
    }
    std::vector<int> best(sentence.size(), kOutside);
    const bool update = stop < sentence.size();
    const size_t decoded = update ? stop + 1 : sentence.size();
    uint32_t at = 0;
    for (size_t i = decoded; i-- > 0;) {
      best[i] = kept[i][at].previous;
      at = kept[i][at].parent;
    }
    if (update) {
      for (size_t i = 0; i < decoded; ++i) {
        const int gold_previous = i > 0 ? gold[i - 1] : kNoLabel;
        const int gold_before = i > 1 ? gold[i - 2] : kNoLabel;
        const int best_previous = i > 0 ? best[i - 1] : kNoLabel;
        const int best_before = i > 1 ? best[i - 2] : kNoLabel;
        if (gold[i] != best[i]) {
          features_.Clear();
          WordFeatures(prepared, i, memory_, &features_);
          add(features_, gold[i], 1);
          add(features_, best[i], -1);
        }
        if (gold[i] != best[i] || gold_previous != best_previous || gold_before != best_before) {
          features_.Clear();
          LabelFeatures(prepared, i, gold_previous, gold_before, &features_);
          add(features_, gold[i], 1);
          features_.Clear();
          LabelFeatures(prepared, i, best_previous, best_before, &features_);
          add(features_, best[i], -1);
        }
      }
    }
    for (size_t i = 0; i < sentence.size(); ++i) memory_.Record(sentence[i], i < decoded ? best[i] : gold[i]);
    return update;
  }

 private:
  // A history of DecodeBeam: its last two labels, its total and where it came from.
  struct History {
    float total = 0;
    int previous = kNoLabel, before_previous = kNoLabel;
    uint32_t parent = 0;  // its history at the token before, an index into that step's beam
    uint32_t order = 0;   // when it was added among its token's candidates
  };

  // MayFollow (bilou.h) from a table: the beam asks it for every history and label.
  static bool Follows(int previous, int label, bool last) {
    static const std::array<bool, (kLabels + 1)* kLabels* 2> kTable = [] {
      std::array<bool, (kLabels + 1) * kLabels * 2> t{};
      for (int p = kNoLabel; p < static_cast<int>(kLabels); ++p) {
        for (int l = 0; l < static_cast<int>(kLabels); ++l) {
          for (int end = 0; end < 2; ++end) t[Slot(p, l) * 2 + static_cast<size_t>(end)] = MayFollow(p, l, end == 1);
        }
      }
      return t;
    }();
    return kTable[Slot(previous, label) * 2 + (last ? 1 : 0)];
  }
  static size_t Slot(int previous, int label) {
    return static_cast<size_t>(label) * (kLabels + 1) + static_cast<size_t>(previous + 1);
  }

  // The histories one token extends the beam to: at most one per last two labels (histories
  // ending alike have the same future, so only the best is kept), found through a kTable.
  class Candidates {
   public:
    void Clear() {
      list_.clear();
      slot_.fill(-1);
      replaced_ = 0;
    }
    // History `h` (at index `b` of its beam) followed by `label`, totalling `total`.
    void Extend(const History& h, uint32_t b, int label, float total) {
      int32_t& slot = slot_[Slot(h.previous, label)];
      if (slot >= 0) {
        History& same = list_[static_cast<size_t>(slot)];
        if (total <= same.total) return;
        // Replaced: the newer one counts as added last.
        same.total = -std::numeric_limits<float>::infinity();
        ++replaced_;
      }
      slot = static_cast<int32_t>(list_.size());
      list_.push_back({total, label, h.previous, b, static_cast<uint32_t>(list_.size())});
    }
    // The best `width` into *beam, best first; of equal totals the one added first.
    void Best(size_t width, std::vector<History>* beam) {
      const size_t n = std::min(width, list_.size() - replaced_);
      std::partial_sort(list_.begin(), list_.begin() + static_cast<ptrdiff_t>(n), list_.end(),
                        [](const History& a, const History& b) {
                          return a.total > b.total || (a.total == b.total && a.order < b.order);
                        });
      beam->assign(list_.begin(), list_.begin() + static_cast<ptrdiff_t>(n));
    }

   private:
    std::vector<History> list_;
    std::array<int32_t, (kLabels + 1) * kLabels> slot_{};
    size_t replaced_ = 0;
  };

  const WordClusters* clusters_;
  const Gazetteer* gazetteer_;
  FeatureSet features_;
  DocumentMemory memory_;
  Candidates candidates_;
};

}  // namespace storydesk::entities
