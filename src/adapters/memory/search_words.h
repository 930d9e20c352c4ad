// SearchWords: the words a MemoryStore indexes and looks for — the core's tokens (ICU word
// breaks on normalised text), lower-cased, stripped of diacritics ("Café" finds "cafe", as
// SQLite's `remove_diacritics 2` does) and stemmed with Snowball English ("protests",
// "protested" → "protest"). Text with no letter or digit has no words; invalid UTF-8 is
// replaced on normalising, never an error.
// Not thread-safe (one stemmer inside); one per store.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "storydesk/text/stemmer.h"

namespace storydesk::store {

class SearchWords {
 public:
  struct Word {
    std::string stem;
    size_t begin = 0, end = 0;  // byte offsets in the normalised text
  };
  // The words of `text` in order, with their offsets in its normal form (in *normalized).
  std::vector<Word> Words(std::string_view text, std::string* normalized);
  // Only the stems, in order (repeats kept).
  std::vector<std::string> Stems(std::string_view text);

 private:
  text::Stemmer stemmer_;
};

}  // namespace storydesk::store
