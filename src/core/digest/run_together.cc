#include "core/digest/run_together.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <unordered_map>
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

// The words of a text, with the letter cores of all of them built once when first asked for
// (a glued word's left part is looked up among them).
class TextWords {
 public:
  explicit TextWords(std::string_view text) : words_(SplitOnSpace(text)) {}
  const std::vector<std::string_view>& Words() const { return words_; }
  // How many words have `core` as their letter core.
  size_t CoreCount(const std::string& core) {
    if (!cores_) {
      cores_.emplace();
      for (const std::string_view w : words_) ++(*cores_)[LetterCore(w)];
    }
    const auto it = cores_->find(core);
    return it == cores_->end() ? 0 : it->second;
  }

 private:
  std::vector<std::string_view> words_;
  std::optional<std::unordered_map<std::string, size_t>> cores_;
};

// Where word `i` is glued to the next word: the offset in the word of the first character
// after the glue, or 0. The glue is a lower-case letter and then a capital whose left part
// (kGluedLeftLetters or more) the text also has as a word, or whose right part is a
// capitalised function word (counted in *function_words), or a letter, a quotation mark and a
// capital ("Bars"Best burger").
size_t GlueIn(TextWords& text, size_t i, int* function_words) {
  const std::string_view w = text.Words()[i];
  for (size_t k = 1; k + 1 < w.size(); ++k) {
    if (!IsAsciiLower(w[k])) continue;
    if (w[k + 1] == '"' && k + 2 < w.size() && IsAsciiUpper(w[k + 2])) return k + 1;
    if (!IsAsciiUpper(w[k + 1])) continue;
    const std::string_view left = w.substr(0, k + 1);
    std::string_view right = w.substr(k + 1);
    size_t letters = 0;
    while (letters < right.size() && (IsAsciiUpper(right[letters]) || IsAsciiLower(right[letters]))) ++letters;
    right = right.substr(0, letters);
    // The glued word itself has the left part as its core only when it is all of it.
    if (left.size() >= kGluedLeftLetters) {
      const std::string core = LetterCore(left);
      if (text.CoreCount(core) > (LetterCore(w) == core ? 1u : 0u)) return k + 1;
    }
    if (IsTitleCaseFunctionWord(right)) {
      ++*function_words;
      return k + 1;
    }
  }
  return 0;
}

bool OpensCapitalOrDigit(std::string_view word) {
  return !word.empty() && (IsAsciiUpper(word.front()) || (word.front() >= '0' && word.front() <= '9'));
}

}  // namespace

bool IsRunTogether(std::string_view text) {
  TextWords words(text);
  const std::vector<std::string_view>& w = words.Words();
  int capitalised_function_words = 0;
  bool quoted = false;  // inside double quotes, where a title keeps its capitals ("You And Me")
  for (size_t i = 0; i < w.size(); ++i) {
    const bool opens_quote = w[i].starts_with('"');
    if (opens_quote) quoted = true;
    const bool after_break =
        i == 0 || w[i - 1].ends_with(':') || w[i - 1].ends_with('.') || w[i - 1].ends_with('"') || opens_quote;
    // In a run of title-case words ("Choice For Best", "5 Of The"), not a name a sentence
    // writes after a lower-case word ("told The Associated Press").
    if (!after_break && !quoted && IsTitleCaseFunctionWord(w[i]) && OpensCapitalOrDigit(w[i - 1]) &&
        ++capitalised_function_words >= kTitleCaseRunIn) {
      return true;
    }
    if (std::count(w[i].begin(), w[i].end(), '"') % 2 == (opens_quote ? 0 : 1)) quoted = !quoted;
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
  TextWords words(text);
  const std::vector<std::string_view>& w = words.Words();
  for (size_t i = 0; i < w.size(); ++i) {
    int function_words = 0;
    size_t glue = GlueIn(words, i, &function_words);
    // A title glued to a sentence that goes on in lower case ("Top DistilleriesWe crunched the
    // numbers"); a brand name stands among capitals ("5 Of The Best PlayStation Games").
    for (size_t k = kGluedLeftLetters - 1; glue == 0 && k + 1 < w[i].size(); ++k) {
      if (IsAsciiLower(w[i][k]) && IsAsciiUpper(w[i][k + 1]) && i + 1 < w.size() && IsAsciiLower(w[i + 1].front())) {
        glue = k + 1;
      }
    }
    if (glue == 0) continue;
    if (i + 1 < kMinGluedTitleWords) return {};
    return text.substr(0, static_cast<size_t>(w[i].data() - text.data()) + glue);
  }
  return {};
}

}  // namespace storydesk::digest
