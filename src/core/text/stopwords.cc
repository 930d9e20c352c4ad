#include "storydesk/text/stopwords.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

namespace storydesk::text {
namespace {

// Sorted and free of repeats (checked at compile time below), so the list is easy to read and
// review; everything lives in read-only data, with no start-up cost.
constexpr std::array<std::string_view, 188> kStopWords = {
    "a",        "about",   "above",     "after",   "again",   "against",   "all",      "almost",     "also",
    "although", "am",      "among",     "an",      "and",     "another",   "any",      "are",        "around",
    "as",       "at",      "be",        "because", "been",    "before",    "being",    "below",      "between",
    "both",     "but",     "by",        "can",     "can't",   "cannot",    "could",    "couldn't",   "did",
    "didn't",   "do",      "does",      "doesn't", "doing",   "don't",     "down",     "during",     "each",
    "either",   "else",    "ever",      "every",   "few",     "for",       "from",     "further",    "had",
    "hadn't",   "has",     "hasn't",    "have",    "haven't", "having",    "he",       "he's",       "her",
    "here",     "hers",    "herself",   "him",     "himself", "his",       "how",      "however",    "i",
    "i'm",      "i've",    "if",        "in",      "into",    "is",        "isn't",    "it",         "it's",
    "its",      "itself",  "just",      "let's",   "may",     "me",        "might",    "more",       "most",
    "much",     "must",    "my",        "myself",  "neither", "no",        "nor",      "not",        "now",
    "of",       "off",     "often",     "on",      "once",    "only",      "or",       "other",      "others",
    "our",      "ours",    "ourselves", "out",     "over",    "own",       "perhaps",  "rather",     "said",
    "same",     "shall",   "she",       "she's",   "should",  "shouldn't", "since",    "so",         "some",
    "such",     "than",    "that",      "that's",  "the",     "their",     "theirs",   "them",       "themselves",
    "then",     "there",   "there's",   "these",   "they",    "they're",   "they've",  "this",       "those",
    "though",   "through", "thus",      "to",      "too",     "toward",    "towards",  "under",      "until",
    "up",       "upon",    "us",        "very",    "was",     "wasn't",    "we",       "we're",      "we've",
    "were",     "weren't", "what",      "when",    "where",   "whether",   "which",    "while",      "who",
    "whom",     "whose",   "why",       "will",    "with",    "within",    "without",  "won't",      "would",
    "wouldn't", "yet",     "you",       "you're",  "your",    "yours",     "yourself", "yourselves",
};
static_assert(std::is_sorted(kStopWords.begin(), kStopWords.end()), "kStopWords must stay sorted");
static_assert(std::adjacent_find(kStopWords.begin(), kStopWords.end()) == kStopWords.end(),
              "kStopWords must not repeat a word");

// Lookup is an open-addressing hash table built at compile time: one FNV-1a hash of a short
// word and usually one comparison. IsStopWord runs once per token of every article, and a
// binary search (eight string comparisons) showed up in profiles; the sorted array stays the
// readable source of truth and the table is derived from it.
constexpr size_t kTableSize = 512;  // a power of two, well over twice the word count
static_assert(kTableSize >= 2 * kStopWords.size() && (kTableSize & (kTableSize - 1)) == 0);

constexpr uint32_t Fnv1a(std::string_view word) {
  uint32_t hash = 2166136261u;
  for (char c : word) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619u;
  }
  return hash;
}

// Slot i holds 1 + the index of a word in kStopWords, or 0 when empty.
constexpr std::array<uint16_t, kTableSize> kTable = [] {
  std::array<uint16_t, kTableSize> table{};
  for (size_t i = 0; i < kStopWords.size(); ++i) {
    size_t slot = Fnv1a(kStopWords[i]) & (kTableSize - 1);
    while (table[slot] != 0) slot = (slot + 1) & (kTableSize - 1);
    table[slot] = static_cast<uint16_t>(i + 1);
  }
  return table;
}();

// The longest entry; anything longer cannot match, which skips the hash for most content words.
constexpr size_t kLongest = [] {
  size_t longest = 0;
  for (std::string_view w : kStopWords) longest = std::max(longest, w.size());
  return longest;
}();

}  // namespace

std::span<const std::string_view> StopWords() { return kStopWords; }

bool IsStopWord(std::string_view lower_word) {
  if (lower_word.empty() || lower_word.size() > kLongest) return false;
  for (size_t slot = Fnv1a(lower_word) & (kTableSize - 1);; slot = (slot + 1) & (kTableSize - 1)) {
    const uint16_t entry = kTable[slot];
    if (entry == 0) return false;
    if (kStopWords[entry - 1] == lower_word) return true;
  }
}

}  // namespace storydesk::text
