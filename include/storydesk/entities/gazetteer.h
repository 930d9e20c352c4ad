// Gazetteer: lists of known names (phrases of one or more tokens), each under a category —
// "LOC" for a place the training text names, "wn-location" for a place WordNet lists. The
// entity tagger is told which listed phrases cover each token and where in the phrase it
// stands (Ratinov & Roth 2009, "Design challenges and misconceptions in named entity
// recognition", §6: gazetteer matches as features, the model learning how far to trust each
// list; Kazama & Torisawa 2007 for the B/I/L/U position).
// Phrases match whole tokens, ignoring case (text::ToLower on both sides).
// Thread-safe for concurrent const use.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace storydesk::entities {

class Gazetteer {
 public:
  // Longer phrases are not kept: names longer than this are rare, and each extra token costs a
  // lookup wherever a listed phrase may start.
  static constexpr size_t kMaxPhraseTokens = 6;
  // Categories are a bit set per phrase.
  static constexpr size_t kMaxCategories = 32;

  // Adds `phrase` under `category` (non-empty, no ASCII space or control characters — what the
  // model file could not write back). False, and nothing added, when the phrase is empty or
  // longer than kMaxPhraseTokens, a token or the category holds such a character, or a new
  // category would be one too many.
  bool Add(const std::vector<std::string>& phrase, std::string_view category);
  // Adds every phrase of `other` under its categories; categories beyond kMaxCategories (with
  // this gazetteer's own) are left out.
  void Merge(const Gazetteer& other);

  // For each token of a sentence given lower-cased, the listed phrases covering it, as
  // "CATEGORY-P" with P the token's place: B(egin), I(nside), L(ast) or U(nit, a one-token
  // phrase). Every covering phrase counts, not only the longest.
  std::vector<std::vector<std::string>> Match(const std::vector<std::string>& lower) const;

  size_t Size() const { return phrases_.size(); }
  bool Empty() const { return phrases_.empty(); }
  // (category, lower-cased phrase with its tokens joined by single spaces), sorted.
  std::vector<std::pair<std::string, std::string>> Entries() const;

 private:
  std::vector<std::string> categories_;
  std::unordered_map<std::string, uint32_t> phrases_;  // lower-cased tokens joined by ' ' → categories
  // Every phrase's first token, and its first tokens up to one short of the whole: where a
  // match may start and how far it may go on.
  std::unordered_set<std::string> prefixes_;
  void AddPrefixes(const std::string& key);
  size_t longest_ = 0;
};

}  // namespace storydesk::entities
