// LshIndex: locality-sensitive hashing over MinHash signatures, by banding (Broder 1997;
// Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3).
//
// Each signature is cut into kBands bands of kRowsPerBand values; two documents are
// candidates when any band is equal. Candidates must still be verified (EstimateJaccard):
// the index only guarantees that high-Jaccard pairs are very likely found.
// Memory: one bucket entry per band per document. Not thread-safe.
//
// Every article is inserted, looked up and erased under all kBands keys, so the buckets are one
// open-addressing table (linear probing, Knuth, TAOCP vol. 3, 6.4) of (key, document) entries
// rather than a node-based map of lists: a bucket of k documents is k entries of 16 bytes in
// one run of slots, with no allocation of its own — a window's index is a flat array that
// grows and shrinks with the window (an eighth to a half full), not a heap of small vectors.
// Erasing shifts the entries that follow back into place (Knuth's Algorithm R), so no
// tombstones pile up.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "storydesk/fingerprint/fingerprint_settings.h"
#include "storydesk/fingerprint/minhash.h"

namespace storydesk::fingerprint {

// The bucket of each band of one signature. Computed once per document and kept, so erasing
// a document does not hash its signature again.
using BandKeys = std::array<uint64_t, kBands>;

class LshIndex {
 public:
  // The band keys of `signature`; nullopt unless it has kPermutations values.
  static std::optional<BandKeys> Keys(const MinHashSignature& signature);

  // Adds `doc` (any value but 2^64 - 1) under its band keys.
  void Insert(uint64_t doc, const BandKeys& keys);
  // Removes `doc` inserted earlier with the same keys; unknown docs are ignored.
  void Erase(uint64_t doc, const BandKeys& keys);
  // Documents sharing at least one band, each once, in ascending order.
  std::vector<uint64_t> Candidates(const BandKeys& keys) const;

  // The same, from a signature (ignored, or no candidates, unless it has kPermutations values).
  void Insert(uint64_t doc, const MinHashSignature& signature);
  void Erase(uint64_t doc, const MinHashSignature& signature);
  std::vector<uint64_t> Candidates(const MinHashSignature& signature) const;

  // (key, document) entries held: kBands per document inserted and not erased.
  size_t EntryCount() const { return entries_; }
  // Bytes of the table (what the index costs; it has no other allocation).
  size_t TableBytes() const { return slots_.size() * sizeof(Slot); }

 private:
  struct Slot {
    uint64_t key = 0;
    uint64_t doc_plus_one = 0;  // 0: the slot is empty
  };
  static constexpr size_t kMinSlots = 1024;
  // Fibonacci hashing (Knuth 6.4): keys are uniform hashes already, but multiplying first
  // keeps a table of any keys (small integers in tests) spread out.
  size_t Home(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_); }
  void Remove(size_t slot);
  void Resize(size_t slots);

  std::vector<Slot> slots_;  // a power of two in size, at most half full
  size_t entries_ = 0;
  int shift_ = 64;  // 64 - log2(slots_.size())
};

}  // namespace storydesk::fingerprint
