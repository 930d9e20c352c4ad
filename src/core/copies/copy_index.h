// CopyIndex: the articles of the active window that a new article could be a copy of, and the
// search for the one it copies.
//
// Candidates come only from indexes, never from all pairs: the exact-hash table, MinHash LSH
// buckets (near copies, lsh_index.h), and an inverted index from each article's heaviest
// TF-IDF terms to the articles having them — excerpts and rewrites keep their rare words and
// names while sharing too few shingles for LSH. Only the newest postings of a term are read and
// only the few articles sharing the most query weight are compared in full (ClassifyCopy).
// Memory is one entry per article of the window (its shingles, signature and sentence
// profiles); the owner erases articles that leave the window.
// Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/fingerprint/lsh_index.h"
#include "storydesk/copies/copy_relation.h"
#include "storydesk/terms/sparse_vector.h"

namespace storydesk::copies {

struct CopyIndexOptions {
  CopyOptions copy;
  size_t query_terms = 20;            // heaviest terms of an article looked up / indexed
  size_t max_postings_per_term = 64;  // newest postings read per term
  size_t compared = 6;                // articles compared in full, those sharing the most weight
  // An article must share at least this share of the query's weight to be compared in full.
  double min_shared_weight = 0.3;
};

struct CopyMatch {
  size_t document = 0;  // the owner's index of the matched article
  CopyVerdict verdict;
};

class CopyIndex {
 public:
  explicit CopyIndex(CopyIndexOptions options = {}) : options_(options) {}

  // The indexed article `doc` is most clearly a copy of (exact, then near, excerpt, rewrite;
  // the higher score within a kind; the older article on ties), if any. `terms` is the
  // article's TF-IDF vector (any weights; the heaviest are the query). Without a sentence
  // model there are no rewrites.
  std::optional<CopyMatch> Find(const CopyDocument& doc, const terms::SparseVector& terms,
                                const CopyModels& models) const;

  // Indexes `doc` under the owner's index `document` (not already indexed).
  void Insert(size_t document, CopyDocument doc, const terms::SparseVector& terms);
  // Removes an indexed article; unknown indexes are ignored.
  void Erase(size_t document);
  const CopyDocument* Get(size_t document) const;
  size_t Size() const { return entries_.size(); }

  // Marks in `in_use` (indexed by term id, sized by the caller to cover every id handed out)
  // every term id the index holds: indexed terms, stems and sentence profiles. Drops the
  // postings of erased articles first, so that no posting key outlives its articles.
  void MarkTermsInUse(std::vector<bool>& in_use);

 private:
  struct Entry {
    CopyDocument doc;
    std::optional<fingerprint::BandKeys> band_keys;
    std::vector<terms::TermId> terms;  // the indexed heaviest terms
  };
  std::vector<std::pair<float, terms::TermId>> Heaviest(const terms::SparseVector& terms) const;
  void CompactPostings();

  CopyIndexOptions options_;
  std::unordered_map<size_t, Entry> entries_;
  std::unordered_map<uint64_t, size_t> exact_;  // exact hash -> oldest indexed article with it
  fingerprint::LshIndex lsh_;
  std::unordered_map<terms::TermId, std::vector<size_t>> postings_;  // may hold erased indexes
  size_t erased_since_compaction_ = 0;
};

}  // namespace storydesk::copies
