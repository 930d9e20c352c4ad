#include "storydesk/terms/term_statistics.h"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <functional>

namespace storydesk::terms {

uint64_t TermStatistics::Hash(std::string_view term) { return XXH3_64bits(term.data(), term.size()); }

TermId TermStatistics::Intern(std::string_view term) {
  if (2 * (Size() + 1) > slots_.size()) Grow();
  const uint64_t hash = Hash(term);
  const auto tag = static_cast<uint32_t>(hash);
  const size_t mask = slots_.size() - 1;
  size_t slot = static_cast<size_t>(hash >> shift_);
  for (; slots_[slot].id_plus_one != 0; slot = (slot + 1) & mask) {
    const Slot& s = slots_[slot];
    if (s.tag == tag && terms_[s.id_plus_one - 1] == term) return s.id_plus_one - 1;
  }
  // A term seen before and forgotten starts from its bound; a new one from 0.
  const int64_t df = sketch_.empty() ? 0 : ForgottenBound(hash);
  TermId id = 0;
  if (!free_ids_.empty()) {
    id = free_ids_.back();
    free_ids_.pop_back();
    terms_[id] = term;
    df_[id] = df;
  } else {
    id = static_cast<TermId>(terms_.size());
    terms_.emplace_back(term);
    df_.push_back(df);
    pinned_.push_back(false);
  }
  slots_[slot] = {id + 1, tag};
  return id;
}

void TermStatistics::Place(TermId id, uint64_t hash) {
  const size_t mask = slots_.size() - 1;
  size_t slot = static_cast<size_t>(hash >> shift_);
  while (slots_[slot].id_plus_one != 0) slot = (slot + 1) & mask;
  slots_[slot] = {id + 1, static_cast<uint32_t>(hash)};
}

// Doubles the table (at first: makes one).
void TermStatistics::Grow() { Rebuild(slots_.empty() ? 1024 : 2 * slots_.size()); }

// Makes a table of `size` slots (a power of two) and places every known term again.
void TermStatistics::Rebuild(size_t size) {
  slots_.assign(size, Slot{});
  shift_ = 64 - std::countr_zero(size);
  std::vector<bool> is_free(terms_.size(), false);
  for (TermId id : free_ids_) is_free[id] = true;
  for (size_t id = 0; id < terms_.size(); ++id) {
    if (!is_free[id]) Place(static_cast<TermId>(id), Hash(terms_[id]));
  }
}

size_t TermStatistics::Forget(const std::vector<bool>& in_use) {
  std::vector<bool> is_free(terms_.size(), false);
  for (TermId id : free_ids_) is_free[id] = true;
  size_t forgotten = 0;
  for (size_t id = 0; id < terms_.size(); ++id) {
    if (is_free[id] || pinned_[id] || (id < in_use.size() && in_use[id])) continue;
    if (sketch_.empty()) sketch_.assign(kSketchRows * kSketchWidth, 0);
    RememberForgotten(Hash(terms_[id]), df_[id]);
    std::string().swap(terms_[id]);  // frees a long term's heap block too
    df_[id] = 0;
    free_ids_.push_back(static_cast<TermId>(id));
    ++forgotten;
  }
  if (forgotten == 0) return 0;
  // Reused ids are handed out lowest first, so ids stay dense and arrays indexed by id small.
  std::sort(free_ids_.begin(), free_ids_.end(), std::greater<>());
  // The table again, at the size the remaining terms need (linear probing has no cheap delete).
  size_t size = 1024;
  while (2 * (Size() + 1) > size) size *= 2;
  Rebuild(size);
  return forgotten;
}

namespace {
// Row r's cell of a term: the top bits of its hash times the row's odd constant
// (multiply-shift, Dietzfelbinger et al. 1997), so one 64-bit hash gives every row its own cell.
constexpr uint64_t kRowMultipliers[] = {0x9E3779B97F4A7C15ULL, 0xC2B2AE3D27D4EB4FULL, 0x165667B19E3779F9ULL,
                                        0xD6E8FEB86659FD93ULL};
}  // namespace

size_t TermStatistics::SketchCell(size_t row, uint64_t hash) {
  return row * kSketchWidth + static_cast<size_t>((hash * kRowMultipliers[row]) >> (64 - kSketchBits));
}

void TermStatistics::RememberForgotten(uint64_t hash, int64_t df) {
  const auto value = static_cast<uint16_t>(std::min<int64_t>(df, UINT16_MAX));
  for (size_t row = 0; row < kSketchRows; ++row) {
    uint16_t& cell = sketch_[SketchCell(row, hash)];
    cell = std::max(cell, value);
  }
}

int64_t TermStatistics::ForgottenBound(uint64_t hash) const {
  uint16_t bound = UINT16_MAX;
  for (size_t row = 0; row < kSketchRows; ++row) bound = std::min(bound, sketch_[SketchCell(row, hash)]);
  return bound;
}

void TermStatistics::AddDocument(const std::vector<TermId>& unique_terms) {
  ++documents_;
  for (TermId id : unique_terms) ++df_[id];
}

void TermStatistics::AddCounts(int64_t documents, const std::string& term, int64_t df, bool kept_always) {
  documents_ += documents;
  const TermId id = Intern(term);
  df_[id] += df;
  if (kept_always) pinned_[id] = true;
}

double TermStatistics::Idf(TermId id) const {
  const double df = static_cast<double>(DocumentFrequency(id));
  return std::log((1.0 + static_cast<double>(documents_)) / (1.0 + df)) + 1.0;
}

}  // namespace storydesk::terms
