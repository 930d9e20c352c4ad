// LshIndex: locality-sensitive hashing over MinHash signatures, by banding (Broder 1997;
// Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3).
//
// Each signature is cut into kBands bands of kRowsPerBand values; two documents are
// candidates when any band is equal. Candidates must still be verified (EstimateJaccard):
// the index only guarantees that high-Jaccard pairs are very likely found.
// Memory: one bucket entry per band per document. Not thread-safe.
//
// Every article is inserted, looked up and erased under all kBands keys, so the buckets are an
// open-addressing table (linear probing, Knuth, TAOCP vol. 3, 6.4) rather than a node-based
// map: band keys are uniform hashes already, so their top bits pick the slot — no division,
// and one cache line per lookup instead of a bucket array and a node. Erasing shifts the
// entries that follow back into place (Knuth's Algorithm R), so no tombstones pile up.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/fingerprint/fingerprint_settings.h"
#include "core/fingerprint/minhash.h"

namespace storydesk::fingerprint {

// The bucket of each band of one signature. Computed once per document and kept, so erasing
// a document does not hash its signature again.
using BandKeys = std::array<uint64_t, kBands>;

class LshIndex {
 public:
  // The band keys of `signature`; nullopt unless it has kPermutations values.
  static std::optional<BandKeys> Keys(const MinHashSignature& signature);

  // Adds `doc` under its band keys.
  void Insert(uint64_t doc, const BandKeys& keys);
  // Removes `doc` inserted earlier with the same keys; unknown docs are ignored.
  void Erase(uint64_t doc, const BandKeys& keys);
  // Documents sharing at least one band, each once, in ascending order.
  std::vector<uint64_t> Candidates(const BandKeys& keys) const;

  // The same, from a signature (ignored, or no candidates, unless it has kPermutations values).
  void Insert(uint64_t doc, const MinHashSignature& signature);
  void Erase(uint64_t doc, const MinHashSignature& signature);
  std::vector<uint64_t> Candidates(const MinHashSignature& signature) const;

  size_t BucketCount() const { return buckets_; }

 private:
  // Most buckets hold one document: it is kept inline, so such a bucket costs no allocation.
  struct Bucket {
    uint64_t key = 0;
    uint64_t first = 0;
    std::vector<uint64_t> more;
  };
  static constexpr size_t kNone = static_cast<size_t>(-1);
  size_t Home(uint64_t key) const { return static_cast<size_t>(key >> shift_); }
  // The slot of the bucket of `key`, or kNone.
  size_t Find(uint64_t key) const;
  void Remove(size_t slot);
  void Grow();

  std::vector<Bucket> slots_;  // a power of two in size, at most half full
  std::vector<uint8_t> used_;  // per slot: 1 when it holds a bucket
  size_t buckets_ = 0;
  int shift_ = 64;  // 64 - log2(slots_.size())
};

}  // namespace storydesk::fingerprint
