#include "storydesk/copies/packed_sentences.h"

#include <bit>

namespace storydesk::copies {
namespace {

// Per sentence: a header of kHeaderWords words, then the arrays in header order — stems as
// (term, weight bits) pairs, names, numbers, stem bigrams as (high, low) pairs, word bigrams and
// trigrams one word each.
enum Header : size_t {
  kStems,
  kNames,
  kNumbers,
  kBigrams,
  kWordBigrams,
  kWordTrigrams,
  kWordCount,
  kBegin,
  kEnd,
  kWeight,
  kQuotedShare,
  kHeaderWords
};

uint32_t Count(size_t n) { return static_cast<uint32_t>(n); }

}  // namespace

PackedSentences::PackedSentences(const std::vector<SentenceProfile>& profiles) : count_(Count(profiles.size())) {
  size_t total = 0;
  for (const SentenceProfile& s : profiles) {
    total += kHeaderWords + 2 * s.stems.size() + s.names.size() + s.numbers.size() + 2 * s.bigrams.size() +
             s.word_bigrams.size() + s.word_trigrams.size();
  }
  words_.reserve(total);
  for (const SentenceProfile& s : profiles) {
    words_.insert(words_.end(),
                  {Count(s.stems.size()), Count(s.names.size()), Count(s.numbers.size()), Count(s.bigrams.size()),
                   Count(s.word_bigrams.size()), Count(s.word_trigrams.size()), s.word_count, s.begin, s.end,
                   std::bit_cast<uint32_t>(s.weight), std::bit_cast<uint32_t>(s.quoted_share)});
    for (const WeightedTerm& t : s.stems) words_.insert(words_.end(), {t.term, std::bit_cast<uint32_t>(t.weight)});
    words_.insert(words_.end(), s.names.begin(), s.names.end());
    words_.insert(words_.end(), s.numbers.begin(), s.numbers.end());
    for (uint64_t b : s.bigrams)
      words_.insert(words_.end(), {static_cast<uint32_t>(b >> 32), static_cast<uint32_t>(b)});
    for (uint64_t h : s.word_bigrams) words_.push_back(static_cast<uint32_t>(h));
    for (uint64_t h : s.word_trigrams) words_.push_back(static_cast<uint32_t>(h));
  }
}

std::vector<SentenceProfile> PackedSentences::Unpack() const {
  std::vector<SentenceProfile> out(count_);
  const uint32_t* p = words_.data();
  for (SentenceProfile& s : out) {
    const uint32_t* header = p;
    p += kHeaderWords;
    s.word_count = header[kWordCount];
    s.begin = header[kBegin];
    s.end = header[kEnd];
    s.weight = std::bit_cast<float>(header[kWeight]);
    s.quoted_share = std::bit_cast<float>(header[kQuotedShare]);
    s.stems.resize(header[kStems]);
    for (WeightedTerm& t : s.stems) {
      t.term = p[0];
      t.weight = std::bit_cast<float>(p[1]);
      p += 2;
    }
    s.names.assign(p, p + header[kNames]);
    p += header[kNames];
    s.numbers.assign(p, p + header[kNumbers]);
    p += header[kNumbers];
    s.bigrams.resize(header[kBigrams]);
    for (uint64_t& b : s.bigrams) {
      b = (static_cast<uint64_t>(p[0]) << 32) | p[1];
      p += 2;
    }
    s.word_bigrams.assign(p, p + header[kWordBigrams]);
    p += header[kWordBigrams];
    s.word_trigrams.assign(p, p + header[kWordTrigrams]);
    p += header[kWordTrigrams];
  }
  return out;
}

}  // namespace storydesk::copies
