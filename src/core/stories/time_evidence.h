// TimeEvidence: what the time gap between an article and a candidate story says about whether
// the article belongs to it — estimated from the stream itself, with no labels.
//
// Why: the story model is trained on undated stories (allsides-train), so it cannot have
// learned how fast a story's coverage fades; yet on a dated stream the gap is strong evidence
// (Miranda et al., EMNLP 2018, learn Gaussians of it from dated training data; topic detection
// and tracking systems decay similarity with time, Yang et al., SIGIR 1998).
// How: two day-binned histograms of gaps are kept as the stream goes by — the gaps to every
// candidate story (what a gap looks like in general), and the gaps to the story an article
// joins when its text alone makes that certain (what a gap looks like within a story). Their
// ratio, P(gap | same story) / P(gap | candidate), is a likelihood ratio; its logarithm is added
// to the text's join logit, a naive-Bayes combination of independent evidence. Until enough
// certain joins have been seen (kMinConfident) the evidence is 0 and text decides alone.
// Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace storydesk::stories {

class TimeEvidence {
 public:
  // Certain joins needed before the evidence is used.
  static constexpr int64_t kMinConfident = 30;

  // Bins of one day, from 0 to the window (longer gaps share the last bin).
  explicit TimeEvidence(int64_t window_seconds);

  void ObserveCandidate(int64_t gap_seconds);
  void ObserveConfident(int64_t gap_seconds);

  // ln(P(gap | same story) / P(gap | candidate)); 0 before kMinConfident. P(gap | candidate)
  // is add-one smoothed; P(gap | same story) is shrunk towards it (one pseudo-join per bin).
  double LogLikelihoodRatio(int64_t gap_seconds) const;

  int64_t ConfidentCount() const { return confident_total_; }

 private:
  size_t Bin(int64_t gap_seconds) const;

  std::vector<int64_t> candidate_, confident_;
  int64_t candidate_total_ = 0;
  int64_t confident_total_ = 0;
};

}  // namespace storydesk::stories
