#include "storydesk/fingerprint/minhash.h"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <limits>

#include "storydesk/fingerprint/fingerprint_settings.h"

namespace storydesk::fingerprint {
namespace {

// splitmix64's finaliser (Steele, Lea & Flood 2014): a fast, well-mixing 64-bit hash of a value.
uint64_t SplitMix64Value(uint64_t z) {
  z += 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace

std::vector<uint64_t> ShingleHashes(const std::vector<std::string>& words) {
  std::vector<uint64_t> word_hashes;
  word_hashes.reserve(words.size());
  for (const std::string& w : words) word_hashes.push_back(XXH3_64bits_withSeed(w.data(), w.size(), kSeed));
  std::vector<uint64_t> shingles;
  if (word_hashes.empty()) return shingles;
  const size_t k = std::min<size_t>(kShingleWords, word_hashes.size());
  shingles.reserve(word_hashes.size() - k + 1);
  for (size_t start = 0; start + k <= word_hashes.size(); ++start) {
    shingles.push_back(XXH3_64bits_withSeed(&word_hashes[start], k * sizeof(uint64_t), kSeed));
  }
  return shingles;
}

MinHashSignature ComputeMinHash(const std::vector<uint64_t>& shingles) {
  // One permutation hashing (Li, Owen & Zhang, NIPS 2012): one hash per shingle, whose high bits
  // choose one of kPermutations bins and whose low bits compete for that bin's minimum — the
  // same estimator as kPermutations independent permutations at 1/kPermutations of the cost.
  // Bins no shingle fell into are filled by rotation densification (Shrivastava & Li, ICML
  // 2014): from the nearest non-empty bin to the right, offset by the distance, so two texts
  // agree on an empty bin about as often as on the bin it borrows from.
  std::array<uint32_t, kPermutations> mins;
  mins.fill(std::numeric_limits<uint32_t>::max());
  std::array<bool, kPermutations> filled{};
  for (const uint64_t shingle : shingles) {
    // Re-mix: shingle hashes are already uniform, but a cheap mix keeps bins independent of
    // any structure a caller's hash might have.
    const uint64_t h = SplitMix64Value(shingle ^ kSeed);
    const auto bin = static_cast<size_t>(((h >> 32) * kPermutations) >> 32);
    const auto value = static_cast<uint32_t>(h);
    // Branch-free: mins start at the largest value, so the first shingle of a bin always wins.
    mins[bin] = std::min(mins[bin], value);
    filled[bin] = true;
  }
  if (shingles.empty()) return MinHashSignature(mins.begin(), mins.end());
  constexpr uint32_t kRotationOffset = 0x9E3779B9u;
  for (size_t bin = 0; bin < static_cast<size_t>(kPermutations); ++bin) {
    if (filled[bin]) continue;
    for (size_t distance = 1; distance < static_cast<size_t>(kPermutations); ++distance) {
      const size_t from = (bin + distance) % kPermutations;
      if (filled[from]) {
        mins[bin] = mins[from] + static_cast<uint32_t>(distance) * kRotationOffset;
        break;
      }
    }
  }
  return MinHashSignature(mins.begin(), mins.end());
}

MinHashSignature ComputeMinHash(const std::vector<std::string>& words) { return ComputeMinHash(ShingleHashes(words)); }

double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b) {
  if (a.size() != b.size() || a.empty()) return 0.0;
  size_t equal = 0;
  for (size_t i = 0; i < a.size(); ++i) equal += (a[i] == b[i]) ? 1 : 0;
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

}  // namespace storydesk::fingerprint
