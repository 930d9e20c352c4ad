// FeatureRows: a feature's hash → the row of its weights, in an open-addressing table (linear
// probing, a power-of-two size, at most half full). The tagger looks up every feature of every
// token, and every label feature of every history its beam keeps; a node-based map costs a
// cache miss per lookup, this table about one per lookup at most.
// Not thread-safe for writing; Find is safe on a const table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace storydesk::entities {

class FeatureRows {
 public:
  static constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

  // Maps `hash` to `row` unless `hash` is there already; returns the row `hash` maps to.
  uint32_t Insert(uint64_t hash, uint32_t row) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    Slot& s = SlotOf(hash);
    if (s.row == kNone) {
      s = {hash, row};
      ++size_;
    }
    return s.row;
  }

  // The row of `hash`; kNone when it has none.
  uint32_t Find(uint64_t hash) const {
    if (slots_.empty()) return kNone;
    for (size_t at = static_cast<size_t>(hash) & mask_;; at = (at + 1) & mask_) {
      const Slot& s = slots_[at];
      if (s.row == kNone || s.hash == hash) return s.row;
    }
  }

  size_t Size() const { return size_; }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t row = kNone;  // kNone: empty
  };

  Slot& SlotOf(uint64_t hash) {
    for (size_t at = static_cast<size_t>(hash) & mask_;; at = (at + 1) & mask_) {
      Slot& s = slots_[at];
      if (s.row == kNone || s.hash == hash) return s;
    }
  }

  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 64 : 2 * old.size(), Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.row != kNone) SlotOf(s.hash) = s;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace storydesk::entities
