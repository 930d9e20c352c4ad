#include "core/terms/term_statistics.h"

#include <xxhash.h>

#include <bit>
#include <cmath>

namespace storydesk::terms {

uint64_t TermStatistics::Hash(std::string_view term) { return XXH3_64bits(term.data(), term.size()); }

TermId TermStatistics::Intern(std::string_view term) {
  if (2 * (terms_.size() + 1) > slots_.size()) Grow();
  const uint64_t hash = Hash(term);
  const auto tag = static_cast<uint32_t>(hash);
  const size_t mask = slots_.size() - 1;
  size_t slot = static_cast<size_t>(hash >> shift_);
  for (; slots_[slot].id_plus_one != 0; slot = (slot + 1) & mask) {
    const Slot& s = slots_[slot];
    if (s.tag == tag && terms_[s.id_plus_one - 1] == term) return s.id_plus_one - 1;
  }
  const auto id = static_cast<TermId>(terms_.size());
  terms_.emplace_back(term);
  df_.push_back(0);
  slots_[slot] = {id + 1, tag};
  return id;
}

// Doubles the table (at first: makes one) and places every term again.
void TermStatistics::Grow() {
  const size_t size = slots_.empty() ? 1024 : 2 * slots_.size();
  slots_.assign(size, Slot{});
  shift_ = 64 - std::countr_zero(size);
  const size_t mask = size - 1;
  for (size_t id = 0; id < terms_.size(); ++id) {
    const uint64_t hash = Hash(terms_[id]);
    size_t slot = static_cast<size_t>(hash >> shift_);
    while (slots_[slot].id_plus_one != 0) slot = (slot + 1) & mask;
    slots_[slot] = {static_cast<uint32_t>(id + 1), static_cast<uint32_t>(hash)};
  }
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

}  // namespace storydesk::terms
