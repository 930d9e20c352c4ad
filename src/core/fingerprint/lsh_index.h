// LshIndex: locality-sensitive hashing over MinHash signatures, by banding (Broder 1997;
// Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3).
//
// Each signature is cut into kBands bands of kRowsPerBand values; two documents are
// candidates when any band is equal. Candidates must still be verified (EstimateJaccard):
// the index only guarantees that high-Jaccard pairs are very likely found.
// Memory: one bucket entry per band per document. Not thread-safe.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "core/fingerprint/minhash.h"

namespace storydesk::fingerprint {

class LshIndex {
 public:
  // Adds `doc` under `signature` (which must have kPermutations values).
  void Insert(uint64_t doc, const MinHashSignature& signature);
  // Removes `doc` inserted earlier with the same signature; unknown docs are ignored.
  void Erase(uint64_t doc, const MinHashSignature& signature);
  // Documents sharing at least one band with `signature`, each once, in no set order.
  std::vector<uint64_t> Candidates(const MinHashSignature& signature) const;
  size_t BucketCount() const { return buckets_.size(); }

 private:
  static uint64_t BandKey(const MinHashSignature& signature, int band);
  std::unordered_map<uint64_t, std::vector<uint64_t>> buckets_;
};

}  // namespace storydesk::fingerprint
