// WordClusters: words grouped by the company they keep, learned from unlabelled news text, as
// paths in a binary tree ("0110…"): words whose paths share a long prefix occur between the
// same neighbours. A tagger trained on a few hundred thousand labelled tokens thereby knows
// millions it never saw labelled ("Ljubljana" near "Zagreb"; Miller et al. 2004, Ratinov &
// Roth 2009 for names).
//
// Learned in two steps, both maximising the likelihood of a class bigram model (the average
// mutual information of adjacent classes, Brown et al. 1992):
//   1. the exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998): every word,
//      most frequent first, moves to the class that raises the likelihood most, pass after
//      pass until few move; C flat classes;
//   2. the C classes merged pairwise, each time the pair whose merge loses least (Brown et
//      al.'s agglomeration, on classes rather than words), giving the tree and the paths.
// Deterministic: the first classes are given by frequency rank, ties broken by the word.
// Pure; thread-safe on a const object.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storydesk/status.h"

namespace storydesk::entities {

struct WordClusterOptions {
  size_t classes = 256;  // flat classes before the tree (leaves)
  int min_count = 3;     // rarer words get no class
  int max_passes = 20;   // exchange passes at most
  // Stop once fewer than this share of the words moved in a pass.
  double min_moved = 0.001;
};

class WordClusters {
 public:
  // The path of `word`'s class ("" when the word has none).
  std::string_view Path(std::string_view word) const;
  size_t WordCount() const { return path_of_.size(); }

  // Every word with its path, sorted by word.
  std::vector<std::pair<std::string, std::string>> Entries() const;
  // Adds or replaces one word's path (a path of '0' and '1' only).
  void Set(std::string word, std::string path) { path_of_[std::move(word)] = std::move(path); }

 private:
  std::unordered_map<std::string, std::string> path_of_;
};

// What TrainWordClusters did.
struct WordClusterReport {
  size_t tokens = 0, words = 0;  // tokens read; distinct words given a class
  int passes = 0;
  std::vector<size_t> moved;  // words moved in each pass
};

// Learns clusters from `sequences` of tokens (sentences or whole texts: bigrams are taken
// within each sequence).
WordClusters TrainWordClusters(const std::vector<std::vector<std::string>>& sequences,
                               const WordClusterOptions& options, WordClusterReport* report);

}  // namespace storydesk::entities
