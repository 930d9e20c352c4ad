#include "core/fingerprint/lsh_index.h"

#include <xxhash.h>

#include <algorithm>
#include <bit>

#include "storydesk/fingerprint/fingerprint_settings.h"

namespace storydesk::fingerprint {

std::optional<BandKeys> LshIndex::Keys(const MinHashSignature& signature) {
  if (signature.size() != static_cast<size_t>(kPermutations)) return std::nullopt;
  BandKeys keys;
  for (int band = 0; band < kBands; ++band) {
    // The band number seeds the hash, so equal values in different bands do not collide.
    keys[static_cast<size_t>(band)] =
        XXH3_64bits_withSeed(&signature[static_cast<size_t>(band) * kRowsPerBand], kRowsPerBand * sizeof(uint32_t),
                             kSeed + static_cast<uint64_t>(band));
  }
  return keys;
}

void LshIndex::Insert(uint64_t doc, const BandKeys& keys) {
  if (2 * (entries_ + keys.size()) > slots_.size()) {
    size_t size = std::max(kMinSlots, slots_.size());
    while (2 * (entries_ + keys.size()) > size) size *= 2;
    Resize(size);
  }
  const size_t mask = slots_.size() - 1;
  for (uint64_t key : keys) {
    size_t slot = Home(key);
    while (slots_[slot].doc_plus_one != 0) slot = (slot + 1) & mask;
    slots_[slot] = {key, doc + 1};
    ++entries_;
  }
}

void LshIndex::Erase(uint64_t doc, const BandKeys& keys) {
  if (entries_ == 0) return;
  const size_t mask = slots_.size() - 1;
  for (uint64_t key : keys) {
    for (size_t slot = Home(key); slots_[slot].doc_plus_one != 0; slot = (slot + 1) & mask) {
      if (slots_[slot].key == key && slots_[slot].doc_plus_one == doc + 1) {
        Remove(slot);
        break;
      }
    }
  }
  // The table follows the window down as well as up: an eighth full, it halves.
  size_t size = slots_.size();
  while (size > kMinSlots && 8 * entries_ < size) size /= 2;
  if (size < slots_.size()) Resize(size);
}

// Empties `slot`, then moves back each following entry that may take the hole without ending
// up before its home slot, until an empty slot ends the run.
void LshIndex::Remove(size_t slot) {
  const size_t mask = slots_.size() - 1;
  size_t hole = slot;
  for (size_t next = (hole + 1) & mask; slots_[next].doc_plus_one != 0; next = (next + 1) & mask) {
    // The entry at `next` can move to `hole` unless its home lies cyclically in (hole, next].
    const size_t home = Home(slots_[next].key);
    const bool stays = hole < next ? (home > hole && home <= next) : (home > hole || home <= next);
    if (stays) continue;
    slots_[hole] = slots_[next];
    hole = next;
  }
  slots_[hole] = Slot{};
  --entries_;
}

// Places every entry again in a table of `size` slots (a power of two).
void LshIndex::Resize(size_t size) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(size, Slot{});
  slots_.shrink_to_fit();
  shift_ = 64 - std::countr_zero(size);
  const size_t mask = size - 1;
  for (const Slot& entry : old) {
    if (entry.doc_plus_one == 0) continue;
    size_t slot = Home(entry.key);
    while (slots_[slot].doc_plus_one != 0) slot = (slot + 1) & mask;
    slots_[slot] = entry;
  }
}

std::vector<uint64_t> LshIndex::Candidates(const BandKeys& keys) const {
  std::vector<uint64_t> result;
  if (entries_ == 0) return result;
  const size_t mask = slots_.size() - 1;
  for (uint64_t key : keys) {
    for (size_t slot = Home(key); slots_[slot].doc_plus_one != 0; slot = (slot + 1) & mask) {
      if (slots_[slot].key == key) result.push_back(slots_[slot].doc_plus_one - 1);
    }
  }
  std::sort(result.begin(), result.end());
  result.erase(std::unique(result.begin(), result.end()), result.end());
  return result;
}

void LshIndex::Insert(uint64_t doc, const MinHashSignature& signature) {
  if (auto keys = Keys(signature)) Insert(doc, *keys);
}

void LshIndex::Erase(uint64_t doc, const MinHashSignature& signature) {
  if (auto keys = Keys(signature)) Erase(doc, *keys);
}

std::vector<uint64_t> LshIndex::Candidates(const MinHashSignature& signature) const {
  if (auto keys = Keys(signature)) return Candidates(*keys);
  return {};
}

}  // namespace storydesk::fingerprint
