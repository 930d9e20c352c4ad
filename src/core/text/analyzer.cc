#include "storydesk/text/analyzer.h"

#include <functional>
#include <string>
#include <unordered_map>

#include "core/text/char_class.h"
#include "core/text/names.h"
#include "core/text/sentences.h"
#include "storydesk/text/normalize.h"
#include "storydesk/text/stemmer.h"
#include "storydesk/text/stopwords.h"
#include "storydesk/text/tokens.h"

namespace storydesk::text {
namespace {

// Stemming is the costliest stage (about half the analysis time without a cache), and word
// frequencies are Zipfian: a few thousand words make most of every article. A cache of recent
// stems answers those with one hash lookup. It is bounded, so memory does not grow with the
// vocabulary of a long run; when full it is simply cleared (stems do not depend on the cache,
// so results are the same either way).
constexpr size_t kMaxCachedStems = 1 << 16;

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace

// The analyzer's state is the Snowball stemmer (it owns a work buffer) and its stem cache;
// every other stage is a pure function, and the ICU objects they use are process-wide
// singletons.
struct TextAnalyzer::Impl {
  const std::string& Stem(const std::string& word) {
    auto it = stem_cache.find(std::string_view(word));
    if (it != stem_cache.end()) return it->second;
    if (stem_cache.size() >= kMaxCachedStems) stem_cache.clear();
    return stem_cache.emplace(word, stemmer.Stem(word)).first->second;
  }

  Stemmer stemmer;
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> stem_cache;
};

TextAnalyzer::TextAnalyzer() : impl_(std::make_unique<Impl>()) {}
TextAnalyzer::~TextAnalyzer() = default;
TextAnalyzer::TextAnalyzer(TextAnalyzer&&) noexcept = default;
TextAnalyzer& TextAnalyzer::operator=(TextAnalyzer&&) noexcept = default;

AnalyzedText TextAnalyzer::Analyze(std::string_view raw) {
  AnalyzedText out;
  out.normalized = Normalize(raw);
  // Spans and tokens are offsets into out.normalized, which is not touched again.
  out.sentences = SplitSentences(out.normalized);
  const std::vector<Token> tokens = Tokenize(out.normalized);

  out.words.reserve(tokens.size());
  out.word_sentence.reserve(tokens.size());
  out.word_flags.reserve(tokens.size());
  out.stems.reserve(tokens.size() / 2);
  out.stem_word.reserve(tokens.size() / 2);
  size_t sentence = 0;
  size_t previous_sentence = static_cast<size_t>(-1);
  for (const Token& token : tokens) {
    while (sentence + 1 < out.sentences.size() && token.begin >= out.sentences[sentence].end) ++sentence;
    const bool first_in_sentence = sentence != previous_sentence;
    previous_sentence = sentence;
    uint8_t flags = 0;
    if (token.kind == TokenKind::kNumber) flags |= kWordIsNumber;
    size_t first = 0;
    if (!first_in_sentence && token.kind == TokenKind::kWord && IsUpper(NextCodePoint(token.text, &first))) {
      flags |= kWordIsCapitalised;
    }
    out.word_sentence.push_back(static_cast<uint32_t>(sentence));
    out.word_flags.push_back(flags);
    // Numbers stay in `words`: they feed the MinHash shingles, and "killed 12" against
    // "killed 21" is exactly the kind of difference a copy check must see.
    out.words.push_back(ToLower(token.text));
    const std::string& word = out.words.back();
    if (token.kind == TokenKind::kNumber) out.numbers.push_back(word);
    // Stems describe the topic: numbers, stop words and single letters (initials, the "s" of a
    // stray possessive) say nothing about it.
    if (token.kind != TokenKind::kWord || IsStopWord(word) || CodePointCount(word) < 2) continue;
    out.stems.push_back(impl_->Stem(word));
    out.stem_word.push_back(static_cast<uint32_t>(out.words.size() - 1));
  }

  out.names = ExtractNames(out.normalized, tokens, out.sentences);
  return out;
}

}  // namespace storydesk::text
