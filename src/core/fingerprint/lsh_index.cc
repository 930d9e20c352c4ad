#include "core/fingerprint/lsh_index.h"

#include <xxhash.h>

#include <algorithm>
#include <bit>

#include "core/fingerprint/fingerprint_settings.h"

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

size_t LshIndex::Find(uint64_t key) const {
  if (buckets_ == 0) return kNone;
  const size_t mask = slots_.size() - 1;
  for (size_t slot = Home(key); used_[slot]; slot = (slot + 1) & mask) {
    if (slots_[slot].key == key) return slot;
  }
  return kNone;
}

void LshIndex::Insert(uint64_t doc, const BandKeys& keys) {
  for (uint64_t key : keys) {
    if (2 * (buckets_ + 1) > slots_.size()) Grow();
    const size_t mask = slots_.size() - 1;
    size_t slot = Home(key);
    while (used_[slot] && slots_[slot].key != key) slot = (slot + 1) & mask;
    if (used_[slot]) {
      slots_[slot].more.push_back(doc);
    } else {
      used_[slot] = 1;
      slots_[slot].key = key;
      slots_[slot].first = doc;
      ++buckets_;
    }
  }
}

void LshIndex::Erase(uint64_t doc, const BandKeys& keys) {
  for (uint64_t key : keys) {
    const size_t slot = Find(key);
    if (slot == kNone) continue;
    Bucket& bucket = slots_[slot];
    if (bucket.first == doc) {
      if (bucket.more.empty()) {
        Remove(slot);
        continue;
      }
      bucket.first = bucket.more.front();
      bucket.more.erase(bucket.more.begin());
    } else {
      bucket.more.erase(std::remove(bucket.more.begin(), bucket.more.end(), doc), bucket.more.end());
    }
  }
}

// Empties `slot`, then moves back each following entry that may take the hole without ending
// up before its home slot, until an empty slot ends the run.
void LshIndex::Remove(size_t slot) {
  const size_t mask = slots_.size() - 1;
  size_t hole = slot;
  for (size_t next = (hole + 1) & mask; used_[next]; next = (next + 1) & mask) {
    // The entry at `next` can move to `hole` unless its home lies cyclically in (hole, next].
    const size_t home = Home(slots_[next].key);
    const bool stays = hole < next ? (home > hole && home <= next) : (home > hole || home <= next);
    if (stays) continue;
    slots_[hole] = std::move(slots_[next]);
    hole = next;
  }
  slots_[hole] = Bucket{};
  used_[hole] = 0;
  --buckets_;
}

// Doubles the table (at first: makes one) and places every bucket again.
void LshIndex::Grow() {
  std::vector<Bucket> old = std::move(slots_);
  std::vector<uint8_t> old_used = std::move(used_);
  const size_t size = old.empty() ? 1024 : 2 * old.size();
  slots_.assign(size, Bucket{});
  used_.assign(size, 0);
  shift_ = 64 - std::countr_zero(size);
  const size_t mask = size - 1;
  for (size_t i = 0; i < old.size(); ++i) {
    if (!old_used[i]) continue;
    size_t slot = Home(old[i].key);
    while (used_[slot]) slot = (slot + 1) & mask;
    slots_[slot] = std::move(old[i]);
    used_[slot] = 1;
  }
}

std::vector<uint64_t> LshIndex::Candidates(const BandKeys& keys) const {
  std::vector<uint64_t> result;
  for (uint64_t key : keys) {
    const size_t slot = Find(key);
    if (slot == kNone) continue;
    result.push_back(slots_[slot].first);
    result.insert(result.end(), slots_[slot].more.begin(), slots_[slot].more.end());
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
