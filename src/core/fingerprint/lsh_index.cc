#include "core/fingerprint/lsh_index.h"

#include <xxhash.h>

#include <algorithm>

#include "core/fingerprint/fingerprint_settings.h"

namespace storydesk::fingerprint {

uint64_t LshIndex::BandKey(const MinHashSignature& signature, int band) {
  // The band number is part of the key so equal values in different bands do not collide.
  return XXH3_64bits_withSeed(&signature[static_cast<size_t>(band) * kRowsPerBand],
                              kRowsPerBand * sizeof(uint32_t), kSeed + static_cast<uint64_t>(band));
}

void LshIndex::Insert(uint64_t doc, const MinHashSignature& signature) {
  if (signature.size() != static_cast<size_t>(kPermutations)) return;
  for (int band = 0; band < kBands; ++band) buckets_[BandKey(signature, band)].push_back(doc);
}

void LshIndex::Erase(uint64_t doc, const MinHashSignature& signature) {
  if (signature.size() != static_cast<size_t>(kPermutations)) return;
  for (int band = 0; band < kBands; ++band) {
    auto it = buckets_.find(BandKey(signature, band));
    if (it == buckets_.end()) continue;
    auto& docs = it->second;
    docs.erase(std::remove(docs.begin(), docs.end(), doc), docs.end());
    if (docs.empty()) buckets_.erase(it);
  }
}

std::vector<uint64_t> LshIndex::Candidates(const MinHashSignature& signature) const {
  std::vector<uint64_t> result;
  if (signature.size() != static_cast<size_t>(kPermutations)) return result;
  for (int band = 0; band < kBands; ++band) {
    auto it = buckets_.find(BandKey(signature, band));
    if (it == buckets_.end()) continue;
    result.insert(result.end(), it->second.begin(), it->second.end());
  }
  std::sort(result.begin(), result.end());
  result.erase(std::unique(result.begin(), result.end()), result.end());
  return result;
}

}  // namespace storydesk::fingerprint
