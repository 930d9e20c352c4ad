#include "core/fingerprint/minhash.h"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <limits>

#include "core/fingerprint/fingerprint_settings.h"

namespace storydesk::fingerprint {
namespace {

// splitmix64 (Steele, Lea & Flood 2014): derives the permutation coefficients from the seed.
uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// Each "permutation" is a multiply-shift hash h(x) = (a*x + b) >> 32 with odd a
// (Dietzfelbinger et al. 1997): universal, and a tight loop the compiler vectorises, which
// is what keeps signing fast enough for bulk ingest.
struct Permutations {
  std::array<uint64_t, kPermutations> a{};
  std::array<uint64_t, kPermutations> b{};
  Permutations() {
    uint64_t state = kSeed;
    for (int i = 0; i < kPermutations; ++i) {
      a[i] = SplitMix64(&state) | 1ULL;
      b[i] = SplitMix64(&state);
    }
  }
};

const Permutations& GetPermutations() {
  static const Permutations permutations;
  return permutations;
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
  const Permutations& p = GetPermutations();
  std::array<uint32_t, kPermutations> mins;
  mins.fill(std::numeric_limits<uint32_t>::max());
  for (const uint64_t shingle : shingles) {
    for (int i = 0; i < kPermutations; ++i) {
      const auto h = static_cast<uint32_t>((p.a[i] * shingle + p.b[i]) >> 32);
      mins[i] = std::min(mins[i], h);
    }
  }
  return MinHashSignature(mins.begin(), mins.end());
}

MinHashSignature ComputeMinHash(const std::vector<std::string>& words) {
  return ComputeMinHash(ShingleHashes(words));
}

double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b) {
  if (a.size() != b.size() || a.empty()) return 0.0;
  size_t equal = 0;
  for (size_t i = 0; i < a.size(); ++i) equal += (a[i] == b[i]) ? 1 : 0;
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

}  // namespace storydesk::fingerprint
