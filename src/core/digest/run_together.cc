#include "core/digest/run_together.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "core/digest/page_words.h"

namespace storydesk::digest {
namespace {

bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Function words that a sentence writes in lower case and a title in capitals ("Best Egg Roll
// In Minnesota"): two or more of them capitalised inside a sentence mean a title or a menu ran
// into it without a break.
constexpr std::array<std::string_view, 14> kTitleCaseFunctionWords = {"In",   "Of",  "For", "The",  "To", "At", "On",
                                                                      "With", "And", "A",   "From", "By", "An", "Is"};
constexpr int kTitleCaseRunIn = 2;
// A word glued to the next one where a line break was lost: a lower-case letter and then a
// capital inside one token, the part before the capital being a word the sentence also has on
// its own ("President Trump Donald John TrumpAmazon's European ..."); a capitalised function
// word after the capital counts as one above ("... Burns Bright In PlymouthThe Sunshine ...").
// Brand names ("YouTube", "LinkedIn", "McDonald's") glue a short or a content word and repeat
// neither part.
constexpr size_t kGluedLeftLetters = 4;
// Fewest words a glued title has ("St. Paul's Top 3 Dive Bars").
constexpr size_t kMinGluedTitleWords = 3;

bool IsTitleCaseFunctionWord(std::string_view word) {
  return std::find(kTitleCaseFunctionWords.begin(), kTitleCaseFunctionWords.end(), word) !=
         kTitleCaseFunctionWords.end();
}

// Where word `i` of `words` is glued to the next word: the offset in the word of the first
// character after the glue, or 0. The glue is a lower-case letter and then a capital whose
// left part (kGluedLeftLetters or more) the text also has as a word, or whose right part is a
// capitalised function word (counted in *function_words), or a letter, a quotation mark and a
// capital ("Bars"Best burger").
size_t GlueIn(const std::vector<std::string_view>& words, size_t i, int* function_words) {
  const std::string_view w = words[i];
  for (size_t k = 1; k + 1 < w.size(); ++k) {
    if (!IsAsciiLower(w[k])) continue;
    if (w[k + 1] == '"' && k + 2 < w.size() && IsAsciiUpper(w[k + 2])) return k + 1;
    if (!IsAsciiUpper(w[k + 1])) continue;
    const std::string_view left = w.substr(0, k + 1);
    std::string_view right = w.substr(k + 1);
    size_t letters = 0;
    while (letters < right.size() && (IsAsciiUpper(right[letters]) || IsAsciiLower(right[letters]))) ++letters;
    right = right.substr(0, letters);
    if (left.size() >= kGluedLeftLetters) {
      for (size_t j = 0; j < words.size(); ++j) {
        if (j != i && LetterCore(words[j]) == LetterCore(left)) return k + 1;
      }
    }
    if (IsTitleCaseFunctionWord(right)) {
      ++*function_words;
      return k + 1;
    }
  }
  return 0;
}

}  // namespace

bool IsRunTogether(std::string_view text) {
  const std::vector<std::string_view> words = SplitOnSpace(text);
  int capitalised_function_words = 0;
  bool quoted = false;  // inside double quotes, where a title keeps its capitals ("You And Me")
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    const bool opens_quote = w.starts_with('"');
    if (opens_quote) quoted = true;
    const bool after_break = i == 0 || words[i - 1].ends_with(':') || words[i - 1].ends_with('.') ||
                             words[i - 1].ends_with('"') || opens_quote;
    if (!after_break && !quoted && IsTitleCaseFunctionWord(w) && ++capitalised_function_words >= kTitleCaseRunIn) {
      return true;
    }
    if (std::count(w.begin(), w.end(), '"') % 2 == (opens_quote ? 0 : 1)) quoted = !quoted;
    int function_words = 0;
    if (GlueIn(words, i, &function_words) > 0) {
      if (function_words == 0) return true;
      if ((capitalised_function_words += function_words) >= kTitleCaseRunIn) return true;
    }
  }
  return false;
}

std::string_view GluedTitle(std::string_view text) {
  if (!IsRunTogether(text)) return {};
  const std::vector<std::string_view> words = SplitOnSpace(text);
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i];
    for (size_t k = 1; k + 2 < w.size(); ++k) {
      if (!IsAsciiLower(w[k])) continue;
      const bool quote_glue = w[k + 1] == '"' && IsAsciiUpper(w[k + 2]);
      const bool word_glue = IsAsciiUpper(w[k + 1]) && k + 1 >= kGluedLeftLetters;
      if (!quote_glue && !word_glue) continue;
      if (i + 1 < kMinGluedTitleWords) return {};
      return text.substr(0, static_cast<size_t>(w.data() - text.data()) + k + 1);
    }
  }
  return {};
}

}  // namespace storydesk::digest
