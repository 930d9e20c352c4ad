#include "storydesk/text/stemmer.h"

#include <libstemmer.h>

#include <climits>
#include <stdexcept>
#include <utility>

namespace storydesk::text {

Stemmer::Stemmer() : stemmer_(sb_stemmer_new("english", "UTF_8")) {
  if (stemmer_ == nullptr) throw std::runtime_error("libstemmer: cannot create the English UTF-8 stemmer");
}

Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

Stemmer::Stemmer(Stemmer&& other) noexcept : stemmer_(std::exchange(other.stemmer_, nullptr)) {}

Stemmer& Stemmer::operator=(Stemmer&& other) noexcept {
  if (this != &other) {
    sb_stemmer_delete(stemmer_);
    stemmer_ = std::exchange(other.stemmer_, nullptr);
  }
  return *this;
}

std::string Stemmer::Stem(std::string_view lower_word) {
  // A moved-from stemmer, an empty word, or one too long for libstemmer's int length: the word
  // is its own stem (no real word reaches INT_MAX bytes; this only keeps the cast honest).
  if (stemmer_ == nullptr || lower_word.empty() || lower_word.size() > static_cast<size_t>(INT_MAX)) {
    return std::string(lower_word);
  }
  const sb_symbol* stem = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(lower_word.data()),
                                          static_cast<int>(lower_word.size()));
  // NULL means libstemmer ran out of memory; the unstemmed word is the safe answer.
  if (stem == nullptr) return std::string(lower_word);
  // The result lives in the stemmer's buffer until the next call: copy it out now.
  return std::string(reinterpret_cast<const char*>(stem), static_cast<size_t>(sb_stemmer_length(stemmer_)));
}

}  // namespace storydesk::text
