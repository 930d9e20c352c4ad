#include "storydesk/copies/sentence_profile.h"

#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "core/copies/radix_sort.h"
#include "core/copies/sorted_sets.h"

namespace storydesk::copies {

namespace {

// Sets each profile's quoted_share (profiles in the order of text.sentences). Quotation marks
// are ASCII after normalisation; an opening mark holds until the next one, across sentences,
// since a quotation often runs over several, but not past a line break: a quotation that goes
// on into the next paragraph opens it again (the news convention), and a stray mark must not
// make the rest of a text a quotation.
void MarkQuotations(const text::AnalyzedText& text, std::vector<SentenceProfile>* out) {
  const std::string& t = text.normalized;
  std::vector<uint32_t> letters(out->size(), 0), quoted(out->size(), 0);
  bool in_quote = false;
  size_t sentence = 0;
  for (size_t p = 0; p < t.size() && sentence < text.sentences.size(); ++p) {
    const unsigned char c = static_cast<unsigned char>(t[p]);
    if (c == '"') {
      in_quote = !in_quote;
      continue;
    }
    if (c == '\n') in_quote = false;
    while (sentence < text.sentences.size() && p >= text.sentences[sentence].end) ++sentence;
    if (sentence == text.sentences.size() || p < text.sentences[sentence].begin) continue;
    if (std::isalnum(c) != 0 || c >= 0x80) {
      ++letters[sentence];
      if (in_quote) ++quoted[sentence];
    }
  }
  for (size_t i = 0; i < out->size(); ++i) {
    if (letters[i] > 0) (*out)[i].quoted_share = static_cast<float>(quoted[i]) / static_cast<float>(letters[i]);
  }
}

}  // namespace

std::vector<SentenceProfile> BuildSentenceProfiles(const text::AnalyzedText& text, terms::TermStatistics& statistics) {
  std::vector<SentenceProfile> out(text.sentences.size());
  for (size_t i = 0; i < text.sentences.size(); ++i) {
    out[i].begin = static_cast<uint32_t>(text.sentences[i].begin);
    out[i].end = static_cast<uint32_t>(text.sentences[i].end);
  }
  if (out.empty()) return out;

  // Sizes first, so every list of a sentence is allocated once.
  struct Sizes {
    uint32_t stems = 0, names = 0, numbers = 0;
  };
  std::vector<Sizes> sizes(out.size());
  for (size_t w = 0; w < text.words.size(); ++w) {
    const uint32_t sentence = text.word_sentence[w];
    ++out[sentence].word_count;
    if (text.word_flags[w] & text::kWordIsNumber) {
      ++sizes[sentence].numbers;
    } else if (text.word_flags[w] & text::kWordIsCapitalised) {
      ++sizes[sentence].names;
    }
  }
  for (const uint32_t word : text.stem_word) ++sizes[text.word_sentence[word]].stems;
  for (size_t i = 0; i < out.size(); ++i) {
    SentenceProfile& s = out[i];
    s.stems.reserve(sizes[i].stems);
    s.bigrams.reserve(sizes[i].stems > 0 ? sizes[i].stems - 1 : 0);
    s.names.reserve(sizes[i].names);
    s.numbers.reserve(sizes[i].numbers);
    s.word_bigrams.reserve(s.word_count > 0 ? s.word_count - 1 : 0);
    s.word_trigrams.reserve(s.word_count > 1 ? s.word_count - 2 : 0);
  }

  std::string key;
  for (size_t w = 0; w < text.words.size(); ++w) {
    SentenceProfile& s = out[text.word_sentence[w]];
    if (text.word_flags[w] & text::kWordIsNumber) {
      key = "#";
      key += text.words[w];
      s.numbers.push_back(statistics.Intern(key));
    } else if (text.word_flags[w] & text::kWordIsCapitalised) {
      key = "n:";
      key += text.words[w];
      s.names.push_back(statistics.Intern(key));
    }
  }
  // Every word is hashed once, not once per n-gram it is in. The n-gram hashes never leave the
  // process (only sets of them are compared), so any good hash will do; XXH3, which the
  // fingerprints use already, is the fastest at word length.
  std::vector<uint64_t> word_hashes(text.words.size());
  for (size_t w = 0; w < text.words.size(); ++w) {
    word_hashes[w] = XXH3_64bits(text.words[w].data(), text.words[w].size());
  }
  for (size_t w = 0; w + 1 < text.words.size(); ++w) {
    const uint32_t sentence = text.word_sentence[w];
    if (text.word_sentence[w + 1] != sentence) continue;
    const uint64_t h1 = word_hashes[w];
    const uint64_t h2 = word_hashes[w + 1];
    // Kept in 32 bits (the high half of the mix): what PackedSentences stores for the window.
    out[sentence].word_bigrams.push_back((h1 * 0x9E3779B97F4A7C15ULL ^ h2) >> 32);
    if (w + 2 < text.words.size() && text.word_sentence[w + 2] == sentence) {
      const uint64_t h3 = word_hashes[w + 2];
      out[sentence].word_trigrams.push_back(((h1 * 0x9E3779B97F4A7C15ULL ^ h2) * 0xBF58476D1CE4E5B9ULL ^ h3) >> 32);
    }
  }
  std::vector<terms::TermId> stem_ids(text.stems.size());
  for (size_t k = 0; k < text.stems.size(); ++k) stem_ids[k] = statistics.Intern(text.stems[k]);
  for (size_t k = 0; k < text.stems.size(); ++k) {
    const uint32_t sentence = text.word_sentence[text.stem_word[k]];
    SentenceProfile& s = out[sentence];
    s.stems.push_back({stem_ids[k], 0.0f});
    if (k + 1 < text.stems.size() && text.word_sentence[text.stem_word[k + 1]] == sentence) {
      s.bigrams.push_back((static_cast<uint64_t>(stem_ids[k]) << 32) | stem_ids[k + 1]);
    }
  }
  for (SentenceProfile& s : out) {
    RadixSort(&s.stems, [](const WeightedTerm& t) { return t.term; });
    s.stems.erase(std::unique(s.stems.begin(), s.stems.end(),
                              [](const WeightedTerm& a, const WeightedTerm& b) { return a.term == b.term; }),
                  s.stems.end());
    for (WeightedTerm& t : s.stems) {
      t.weight = static_cast<float>(statistics.Idf(t.term));
      s.weight += t.weight;
    }
    SortUnique(&s.names);
    SortUnique(&s.numbers);
    SortUnique(&s.bigrams);
    SortUnique(&s.word_bigrams);
    SortUnique(&s.word_trigrams);
  }
  MarkQuotations(text, &out);
  out.erase(std::remove_if(out.begin(), out.end(), [](const SentenceProfile& s) { return s.word_count == 0; }),
            out.end());
  return out;
}

SentenceProfile MergeProfiles(const SentenceProfile& first, const SentenceProfile& second) {
  SentenceProfile m;
  m.stems.reserve(first.stems.size() + second.stems.size());
  size_t i = 0, j = 0;
  while (i < first.stems.size() || j < second.stems.size()) {
    if (j == second.stems.size() || (i < first.stems.size() && first.stems[i].term < second.stems[j].term)) {
      m.stems.push_back(first.stems[i++]);
    } else if (i == first.stems.size() || second.stems[j].term < first.stems[i].term) {
      m.stems.push_back(second.stems[j++]);
    } else {
      m.stems.push_back(first.stems[i]);
      ++i, ++j;
    }
  }
  for (const WeightedTerm& t : m.stems) m.weight += t.weight;
  m.names = SortedUnion(first.names, second.names);
  m.numbers = SortedUnion(first.numbers, second.numbers);
  m.bigrams = SortedUnion(first.bigrams, second.bigrams);
  m.word_bigrams = SortedUnion(first.word_bigrams, second.word_bigrams);
  m.word_trigrams = SortedUnion(first.word_trigrams, second.word_trigrams);
  m.word_count = first.word_count + second.word_count;
  if (m.word_count > 0) {
    m.quoted_share = (first.quoted_share * static_cast<float>(first.word_count) +
                      second.quoted_share * static_cast<float>(second.word_count)) /
                     static_cast<float>(m.word_count);
  }
  m.begin = first.begin;
  m.end = second.end;
  return m;
}

SentenceProfile BuildTextProfile(const text::AnalyzedText& text, terms::TermStatistics& statistics) {
  std::vector<SentenceProfile> sentences = BuildSentenceProfiles(text, statistics);
  if (sentences.empty()) return {};
  SentenceProfile whole = std::move(sentences.front());
  for (size_t i = 1; i < sentences.size(); ++i) whole = MergeProfiles(whole, sentences[i]);
  // Bigrams across the sentence boundary are not added: the split was likely spurious, but a
  // missing pair only lowers bigram overlap a little.
  return whole;
}

}  // namespace storydesk::copies
