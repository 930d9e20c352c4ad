// Stemmer: English Snowball stems ("talks", "talked", "talking" → "talk"), through libstemmer
// (Porter, "Snowball: A language for stemming algorithms", 2001; the "english" algorithm is
// Porter2, the revised Porter stemmer).
//
// Owns one libstemmer object, which keeps a work buffer between calls: NOT thread-safe. Use one
// Stemmer per thread (TextAnalyzer holds one). Movable, not copyable.
#pragma once

#include <string>
#include <string_view>

struct sb_stemmer;

namespace storydesk::text {

class Stemmer {
 public:
  // Creates the English UTF-8 stemmer. Throws std::runtime_error only when libstemmer lacks the
  // English algorithm or memory runs out (a broken installation, not bad input).
  Stemmer();
  ~Stemmer();
  Stemmer(Stemmer&& other) noexcept;
  Stemmer& operator=(Stemmer&& other) noexcept;
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // The stem of `lower_word`, which must be lower-case UTF-8 (Snowball's English rules are
  // written for lower case; "Talks" would not lose its "s"). Possessives go too: "korea's" →
  // "korea". Words the rules do not touch ("u.s.", "kim", numbers) come back unchanged.
  // The empty word gives the empty stem.
  std::string Stem(std::string_view lower_word);

 private:
  sb_stemmer* stemmer_ = nullptr;
};

}  // namespace storydesk::text
