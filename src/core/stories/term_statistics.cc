#include "core/stories/term_statistics.h"

#include <cmath>

namespace storydesk::stories {

TermId TermStatistics::Intern(std::string_view term) {
  auto it = ids_.find(term);
  if (it != ids_.end()) return it->second;
  const auto id = static_cast<TermId>(terms_.size());
  terms_.emplace_back(term);
  df_.push_back(0);
  ids_.emplace(terms_.back(), id);
  return id;
}

void TermStatistics::AddDocument(const std::vector<TermId>& unique_terms) {
  ++documents_;
  for (TermId id : unique_terms) ++df_[id];
}

void TermStatistics::AddCounts(int64_t documents, const std::string& term, int64_t df) {
  documents_ += documents;
  df_[Intern(term)] += df;
}

double TermStatistics::Idf(TermId id) const {
  const double df = static_cast<double>(DocumentFrequency(id));
  return std::log((1.0 + static_cast<double>(documents_)) / (1.0 + df)) + 1.0;
}

}  // namespace storydesk::stories
