#include "storydesk/claims/stem_synonyms.h"

#include <algorithm>

#include "storydesk/text/stemmer.h"

namespace storydesk::claims {

StemSynonyms BuildStemSynonyms(const std::unordered_map<std::string, std::vector<std::string>>& word_synonyms) {
  text::Stemmer stemmer;
  StemSynonyms out;
  for (const auto& [word, synonyms] : word_synonyms) {
    const std::string stem = stemmer.Stem(word);
    for (const std::string& synonym : synonyms) {
      const std::string other = stemmer.Stem(synonym);
      if (other == stem) continue;
      out[stem].push_back(other);
      out[other].push_back(stem);
    }
  }
  for (auto& [stem, list] : out) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  return out;
}

}  // namespace storydesk::claims
