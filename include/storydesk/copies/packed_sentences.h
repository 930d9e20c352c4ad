// PackedSentences: a document's sentence profiles (sentence_profile.h) in one flat array, as the
// copy index keeps them for every article of the window.
//
// Why: a profile is six small vectors, so a 15-sentence article kept as SentenceProfiles costs
// ninety allocations and ~11 KB, most of the copy index's memory; packed it is one allocation of
// about half that (issue 16: memory follows the window, ~2 KiB an article is the aim). The
// profiles are needed only when a candidate is aligned sentence by sentence (a possible rewrite:
// rare), so they are unpacked then, for that pair.
// Word n-gram hashes are kept in 32 bits: SentenceProfile makes them so (a false match between
// two sentences' ~20 n-grams has odds of about 1 in 10 million per pair).
// Immutable once built; thread-safe to read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "storydesk/copies/sentence_profile.h"

namespace storydesk::copies {

class PackedSentences {
 public:
  PackedSentences() = default;
  // Packs `profiles` (word n-gram hashes must fit 32 bits, as BuildSentenceProfiles makes them).
  explicit PackedSentences(const std::vector<SentenceProfile>& profiles);

  size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  // The profiles as they were packed, equal field by field.
  std::vector<SentenceProfile> Unpack() const;
  // Bytes held (what the index pays for this document's sentences).
  size_t Bytes() const { return words_.capacity() * sizeof(uint32_t); }

 private:
  std::vector<uint32_t> words_;
  uint32_t count_ = 0;
};

}  // namespace storydesk::copies
