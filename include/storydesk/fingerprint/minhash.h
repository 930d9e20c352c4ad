// MinHash signatures of word shingles (Broder, "On the resemblance and containment of
// documents", 1997).
//
// Signed by one permutation hashing with densification (minhash.cc): one hash per shingle.
// The fraction of equal positions in two signatures is an (almost) unbiased estimate of the Jaccard
// similarity of the two documents' shingle sets. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace storydesk::fingerprint {

using MinHashSignature = std::vector<uint32_t>;

// The signature (kPermutations values) of the kShingleWords-word shingles of `words`
// (lower-cased word tokens in text order). A text shorter than one shingle is hashed as a
// single shingle of all its words; an empty text gives a signature of all 0xFFFFFFFF.
MinHashSignature ComputeMinHash(const std::vector<std::string>& words);

// The 64-bit hashes of the kShingleWords-word shingles of `words`, in text order (repeats
// kept; one hash of all the words when there are fewer than a shingle; none when empty).
std::vector<uint64_t> ShingleHashes(const std::vector<std::string>& words);

// The signature of a set of shingle hashes (as ShingleHashes gives them; repeats are harmless).
MinHashSignature ComputeMinHash(const std::vector<uint64_t>& shingles);

// Estimated Jaccard similarity in [0,1]; 0 when the signatures differ in length.
double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b);

}  // namespace storydesk::fingerprint
