// TermStatistics: the vocabulary and its document frequencies, updated online.
//
// Terms are interned to dense ids so vectors are arrays of (id, weight). Inverse document
// frequency uses the smoothed form idf(t) = ln((1 + N) / (1 + df(t))) + 1, so a term seen in
// every document still weighs 1 and an unseen term gets the largest weight.
// Memory grows with the vocabulary (never shrinks). Not thread-safe.
//
// Interning is on the path of every word of every article, so the vocabulary is an
// open-addressing table (Knuth, TAOCP vol. 3, 6.4, linear probing) of ids into `terms_`: a
// lookup is one probe into a flat array and one string comparison, where a node-based map
// follows two or three pointers to scattered memory.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storydesk::terms {

using TermId = uint32_t;

class TermStatistics {
 public:
  // The id of `term`, interning it (with df 0) when new.
  TermId Intern(std::string_view term);
  const std::string& Term(TermId id) const { return terms_[id]; }

  // Counts one more document containing each of `unique_terms` (each id at most once).
  void AddDocument(const std::vector<TermId>& unique_terms);
  // Loads persisted statistics (adds to what is there).
  void AddCounts(int64_t documents, const std::string& term, int64_t df);
  void AddDocuments(int64_t documents) { documents_ += documents; }

  double Idf(TermId id) const;
  int64_t DocumentFrequency(TermId id) const { return id < df_.size() ? df_[id] : 0; }
  int64_t Documents() const { return documents_; }
  size_t Size() const { return terms_.size(); }

 private:
  // A slot holds 1 + a term's id (0: empty) and the low bits of its hash, which rule out
  // most other terms without reading their text.
  struct Slot {
    uint32_t id_plus_one = 0;
    uint32_t tag = 0;
  };
  static uint64_t Hash(std::string_view term);
  void Grow();

  std::vector<Slot> slots_;  // a power of two in size, at most half full
  int shift_ = 64;           // 64 - log2(slots_.size()): a slot is the top bits of a hash
  std::vector<std::string> terms_;
  std::vector<int64_t> df_;
  int64_t documents_ = 0;
};

}  // namespace storydesk::terms
