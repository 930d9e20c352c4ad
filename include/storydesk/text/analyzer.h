// TextAnalyzer: the text pipeline of the core — one call from raw text to everything later
// stages need (normalised text, sentence spans, word tokens, stems, capitalised names).
//
//   raw → Normalize (NFKC, quotes and dashes folded, whitespace collapsed)
//       → SplitSentences → Tokenize → stop words dropped → Snowball stems
//                                   → ExtractNames (capitalised sequences)
//
// Not thread-safe (the Snowball stemmer keeps state): one analyzer per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace storydesk::text {

// A sentence as byte offsets [begin, end) into AnalyzedText::normalized.
struct SentenceSpan {
  size_t begin = 0;
  size_t end = 0;
};

struct AnalyzedText {
  std::string normalized;               // Normalize(raw)
  std::vector<SentenceSpan> sentences;  // in text order, covering every word token
  std::vector<std::string> words;       // every word token lower-cased, stop words included, in order
  std::vector<std::string> stems;       // Snowball English stems of the non-stop-word tokens, in order
  std::vector<std::string> names;       // capitalised names ("Kim Jong Un", "Seoul"), in order, repeats kept
  std::vector<std::string> numbers;     // number tokens ("2009", "7.3", "1,200"), in order
  // Per word of `words`: the index of its sentence, and kWordIsNumber / kWordIsCapitalised.
  std::vector<uint32_t> word_sentence;
  std::vector<uint8_t> word_flags;
  // Per stem of `stems`: the index of its word in `words`.
  std::vector<uint32_t> stem_word;
};

inline constexpr uint8_t kWordIsNumber = 1;
// Starts with an upper-case letter in the text and is not the first word of its sentence
// (where every word is capitalised): the cheap per-sentence sign of a name.
inline constexpr uint8_t kWordIsCapitalised = 2;

class TextAnalyzer {
 public:
  TextAnalyzer();
  ~TextAnalyzer();
  TextAnalyzer(TextAnalyzer&&) noexcept;
  TextAnalyzer& operator=(TextAnalyzer&&) noexcept;

  // Never fails: invalid UTF-8 is replaced by U+FFFD first.
  AnalyzedText Analyze(std::string_view raw);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storydesk::text
