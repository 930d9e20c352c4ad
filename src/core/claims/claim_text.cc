#include "storydesk/claims/claim_text.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>

#include "core/copies/sorted_sets.h"

namespace storydesk::claims {

bool IsNegator(std::string_view word) {
  static constexpr std::array<std::string_view, 9> kNegators = {"not",     "no",      "never", "none",  "nobody",
                                                                "nothing", "neither", "nor",   "cannot"};
  if (std::find(kNegators.begin(), kNegators.end(), word) != kNegators.end()) return true;
  return word.size() > 3 && (word.ends_with("n't") || word.ends_with("n\xe2\x80\x99t"));
}

ClaimText BuildClaimText(const text::AnalyzedText& text, terms::TermStatistics& statistics,
                         const StemSynonyms* synonyms) {
  ClaimText out;
  std::vector<copies::SentenceProfile> profiles = copies::BuildSentenceProfiles(text, statistics);
  std::vector<bool> negated(text.sentences.size(), false);
  for (size_t w = 0; w < text.words.size(); ++w) {
    if (IsNegator(text.words[w])) negated[text.word_sentence[w]] = true;
  }
  std::unordered_map<uint32_t, uint32_t> sentence_at;  // a sentence's begin offset -> its index
  for (size_t i = 0; i < text.sentences.size(); ++i)
    sentence_at.emplace(static_cast<uint32_t>(text.sentences[i].begin), static_cast<uint32_t>(i));
  for (copies::SentenceProfile& p : profiles) {
    if (p.word_count == 0) continue;
    auto at = sentence_at.find(p.begin);
    if (at == sentence_at.end()) continue;
    for (const copies::WeightedTerm& t : p.stems) out.stems.push_back(t.term);
    out.names.insert(out.names.end(), p.names.begin(), p.names.end());
    out.numbers.insert(out.numbers.end(), p.numbers.begin(), p.numbers.end());
    ClaimSentence s;
    s.negated = negated[at->second];
    s.index = at->second;
    s.profile = std::move(p);
    if (synonyms != nullptr && !synonyms->empty()) {
      s.synonyms.resize(s.profile.stems.size());
      for (size_t k = 0; k < s.profile.stems.size(); ++k) {
        auto it = synonyms->find(statistics.Term(s.profile.stems[k].term));
        if (it == synonyms->end()) continue;
        for (const std::string& other : it->second) s.synonyms[k].push_back(statistics.Intern(other));
        std::sort(s.synonyms[k].begin(), s.synonyms[k].end());
      }
    }
    out.sentences.push_back(std::move(s));
  }
  copies::SortUnique(&out.stems);
  copies::SortUnique(&out.names);
  copies::SortUnique(&out.numbers);
  return out;
}

}  // namespace storydesk::claims
