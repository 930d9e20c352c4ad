// LshIndex: locality-sensitive hashing over MinHash signatures, by banding (Broder 1997;
// Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3).
//
// Each signature is cut into kBands bands of kRowsPerBand values; two documents are
// candidates when any band is equal. Candidates must still be verified (EstimateJaccard):
// the index only guarantees that high-Jaccard pairs are very likely found.
// Memory: one bucket entry per band per document. Not thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <unordered_map>
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

  size_t BucketCount() const { return buckets_.size(); }

 private:
  // Most buckets hold one document: it is kept inline, so such a bucket costs no allocation
  // beyond its map node.
  struct Bucket {
    uint64_t first = 0;
    std::vector<uint64_t> more;
  };
  std::unordered_map<uint64_t, Bucket> buckets_;
};

}  // namespace storydesk::fingerprint
