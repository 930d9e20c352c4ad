#include "core/fingerprint/lsh_index.h"

#include <xxhash.h>

#include <algorithm>

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

void LshIndex::Insert(uint64_t doc, const BandKeys& keys) {
  for (uint64_t key : keys) {
    auto [it, inserted] = buckets_.try_emplace(key);
    if (inserted) {
      it->second.first = doc;
    } else {
      it->second.more.push_back(doc);
    }
  }
}

void LshIndex::Erase(uint64_t doc, const BandKeys& keys) {
  for (uint64_t key : keys) {
    auto it = buckets_.find(key);
    if (it == buckets_.end()) continue;
    Bucket& bucket = it->second;
    if (bucket.first == doc) {
      if (bucket.more.empty()) {
        buckets_.erase(it);
        continue;
      }
      bucket.first = bucket.more.front();
      bucket.more.erase(bucket.more.begin());
    } else {
      bucket.more.erase(std::remove(bucket.more.begin(), bucket.more.end(), doc), bucket.more.end());
    }
  }
}

std::vector<uint64_t> LshIndex::Candidates(const BandKeys& keys) const {
  std::vector<uint64_t> result;
  for (uint64_t key : keys) {
    auto it = buckets_.find(key);
    if (it == buckets_.end()) continue;
    result.push_back(it->second.first);
    result.insert(result.end(), it->second.more.begin(), it->second.more.end());
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
