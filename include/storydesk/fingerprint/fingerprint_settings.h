// The fingerprint settings compiled into this binary.
//
// They are part of the store's file format: the store records them, and a database whose
// recorded settings differ has its fingerprints recomputed (a migration) before use.
// Bump kFingerprintVersion whenever any value below, or the hashing in minhash.cc, changes.
#pragma once

#include <cstdint>

namespace storydesk::fingerprint {

// 2: one permutation hashing with rotation densification (minhash.cc) instead of 128 hashes.
inline constexpr int kFingerprintVersion = 2;
// Word 5-grams: long enough that two independently written reports rarely share many
// (news prose shares 2-3 word phrases freely), short enough that a lightly edited copy
// keeps most of its shingles.
inline constexpr int kShingleWords = 5;
inline constexpr int kPermutations = 128;
// 32 bands of 4 rows: a pair with Jaccard 0.8 becomes an LSH candidate with probability
// 1 - (1 - 0.8^4)^32 > 0.9999, one with Jaccard 0.3 with probability 0.23 — candidates are
// then verified against the full signature, so the banding only has to keep recall.
inline constexpr int kBands = 32;
inline constexpr int kRowsPerBand = kPermutations / kBands;
inline constexpr uint64_t kSeed = 0x5D0E5D0E2031ULL;

static_assert(kBands * kRowsPerBand == kPermutations, "bands must divide the permutations");

}  // namespace storydesk::fingerprint
