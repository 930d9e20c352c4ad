// TermStatistics: the vocabulary and its document frequencies, updated online.
//
// Terms are interned to dense ids so vectors are arrays of (id, weight). Inverse document
// frequency uses the smoothed form idf(t) = ln((1 + N) / (1 + df(t))) + 1, so a term seen in
// every document still weighs 1 and an unseen term gets the largest weight.
//
// Memory follows the live vocabulary, not the stream. A stream never stops bringing new words
// (names, numbers, typos: about 1.5 new terms an article), so the owner periodically marks the
// ids its live structures still hold and Forget()s the rest: their strings and table slots are
// freed and their ids handed out again to new terms. A forgotten term's document frequency is
// not lost: it is kept as an upper bound in a fixed-size sketch (a count-min sketch, Cormode &
// Muthukrishnan 2005, holding maxima instead of sums), and a term that comes back starts from
// that bound, so its IDF is at most what it would have been, never the "unseen" maximum.
// Terms loaded with AddCounts as kept_always (background frequencies) are never forgotten.
// Not thread-safe.
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
  // Loads persisted statistics (adds to what is there); `kept_always`: the term is never
  // forgotten (a background corpus's terms).
  void AddCounts(int64_t documents, const std::string& term, int64_t df, bool kept_always = true);
  void AddDocuments(int64_t documents) { documents_ += documents; }

  double Idf(TermId id) const;
  int64_t DocumentFrequency(TermId id) const { return id < df_.size() ? df_[id] : 0; }
  int64_t Documents() const { return documents_; }
  // Terms known now (forgotten ones not counted).
  size_t Size() const { return terms_.size() - free_ids_.size(); }
  // Every id handed out so far is below this (ids of forgotten terms are reused).
  size_t IdBound() const { return terms_.size(); }

  // Forgets every term whose id is not marked in `in_use` (indexed by id; ids at or beyond its
  // size count as unused) and that AddCounts did not load as kept_always; returns how many were
  // forgotten.
  // The caller guarantees that nothing it keeps refers to an unmarked id: those ids are reused.
  size_t Forget(const std::vector<bool>& in_use);

 private:
  // A slot holds 1 + a term's id (0: empty) and the low bits of its hash, which rule out
  // most other terms without reading their text.
  struct Slot {
    uint32_t id_plus_one = 0;
    uint32_t tag = 0;
  };
  static uint64_t Hash(std::string_view term);
  void Grow();
  void Rebuild(size_t size);
  void Place(TermId id, uint64_t hash);
  // The forgotten terms' document frequencies: kSketchRows rows of kSketchWidth saturating
  // counters, each holding the largest df of the terms hashed to it; a term's bound is the
  // least of its cells. 8 MiB, allocated on the first Forget.
  static constexpr size_t kSketchRows = 4;
  static constexpr int kSketchBits = 20;
  static constexpr size_t kSketchWidth = size_t{1} << kSketchBits;
  static size_t SketchCell(size_t row, uint64_t hash);
  void RememberForgotten(uint64_t hash, int64_t df);
  int64_t ForgottenBound(uint64_t hash) const;

  std::vector<Slot> slots_;  // a power of two in size, at most half full
  int shift_ = 64;           // 64 - log2(slots_.size()): a slot is the top bits of a hash
  std::vector<std::string> terms_;
  std::vector<int64_t> df_;
  std::vector<bool> pinned_;      // by id: loaded as kept_always, never forgotten
  std::vector<TermId> free_ids_;  // ids of forgotten terms, handed out again last-freed first
  std::vector<uint16_t> sketch_;  // kSketchRows x kSketchWidth; empty until the first Forget
  int64_t documents_ = 0;
};

}  // namespace storydesk::terms
