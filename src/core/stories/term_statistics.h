// TermStatistics: the vocabulary and its document frequencies, updated online.
//
// Terms are interned to dense ids so vectors are arrays of (id, weight). Inverse document
// frequency uses the smoothed form idf(t) = ln((1 + N) / (1 + df(t))) + 1, so a term seen in
// every document still weighs 1 and an unseen term gets the largest weight.
// Memory grows with the vocabulary (never shrinks). Not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace storydesk::stories {

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
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, TermId, Hash, std::equal_to<>> ids_;
  std::vector<std::string> terms_;
  std::vector<int64_t> df_;
  int64_t documents_ = 0;
};

}  // namespace storydesk::stories
