// LexRank: the centrality of each sentence in the graph of sentence similarities — a sentence
// is central when many sentences similar to it are central themselves (Erkan & Radev,
// "LexRank: Graph-based lexical centrality as salience in text summarization", JAIR 2004,
// continuous LexRank: edges weighed by cosine similarity, rows normalised, PageRank-style
// power iteration).
//
// The random surfer's jumps follow a prior instead of the uniform distribution (the biased
// LexRank of Otterbacher, Erkan & Radev, HLT/EMNLP 2005): the digest passes a position prior,
// because news puts what matters first (the lead), so a central sentence early in an article
// outranks an equally central one in its last paragraph.
// Pure function; thread-safe. O(n²) in the number of sentences: callers bound n.
#pragma once

#include <vector>

#include "storydesk/terms/sparse_vector.h"

namespace storydesk::digest {

struct LexRankOptions {
  double damping = 0.85;        // share of a step that follows an edge (PageRank's d)
  double min_similarity = 0.1;  // weaker edges are dropped (noise between unrelated sentences)
  int max_iterations = 100;
  double tolerance = 1e-9;  // L1 change at which the iteration stops
};

// `vectors`: unit-length TF-IDF vectors of the sentences. `prior`: non-negative jump weights
// (normalised here; empty = uniform). Returns scores summing to 1 (empty for no sentences).
std::vector<double> LexRank(const std::vector<terms::SparseVector>& vectors, const std::vector<double>& prior,
                            const LexRankOptions& options = {});

}  // namespace storydesk::digest
