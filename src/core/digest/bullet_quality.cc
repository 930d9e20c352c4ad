#include "core/digest/bullet_quality.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace storydesk::digest {
namespace {

constexpr std::array<std::string_view, 32> kDanglingOpeners = {
    // pronouns and demonstratives: who or what they are is in an earlier sentence
    "he", "she", "it", "they", "them", "his", "her", "its", "their", "this", "that", "these", "those", "such", "him",
    "it's", "he's", "she's", "they're", "other",
    // connectives of comparison and contingency (the Penn Discourse Treebank's classes): the
    // sentence argues against or from an earlier one ("But ...", "So ..."). Additive and
    // temporal ones ("Also on Monday", "Meanwhile, ...") read on their own.
    "but", "and", "or", "however", "still", "yet", "so", "instead", "nevertheless", "otherwise", "thus", "hence"};

// Quantifiers that open a sentence as pronouns ("Both are ...", "Others said ...").
constexpr std::array<std::string_view, 5> kQuantifierOpeners = {"both", "neither", "each", "either", "others"};
constexpr std::array<std::string_view, 8> kTimeNouns = {"year", "week",  "day",     "month",
                                                        "time", "night", "morning", "season"};

// Nouns that, after "The" at the start of a later sentence, stand for an event the article told
// just before.
constexpr std::array<std::string_view, 24> kEventNouns = {
    "move", "decision",  "announcement", "comments", "remarks",   "ruling",  "development", "incident",
    "deal", "agreement", "visit",        "trip",     "statement", "step",    "action",      "effort",
    "news", "change",    "shift",        "moves",    "steps",     "measure", "attack",      "exercise"};

constexpr std::array<std::string_view, 9> kFirstPerson = {"i",     "i'm",   "i've", "i'd", "we",
                                                          "we're", "we've", "our",  "my"};
constexpr std::array<std::string_view, 4> kPrescriptions = {"should", "must", "ought", "shouldn't"};
// Verbs that attribute what follows to someone: "..., saying the country should be ready" is a
// report of a view, not the writer's.
constexpr std::array<std::string_view, 22> kReportingVerbs = {
    "said",    "says",  "saying", "told",   "tells", "telling", "urged",    "urges",   "urging", "argued",    "argues",
    "arguing", "wrote", "writes", "warned", "warns", "warning", "insisted", "insists", "added",  "according", "stated"};

// The lower-cased words of `s` (letters, digits and apostrophes).
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  for (const char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '\'') {
      w += static_cast<char>(std::tolower(c));
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

std::string_view TrimEnd(std::string_view s) {
  while (!s.empty()) {
    const char c = s.back();
    if (c == ' ' || c == '"' || c == ')' || c == '\'') {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && (s.ends_with("\xe2\x80\x9d") || s.ends_with("\xe2\x80\x99"))) {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s;
}

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

}  // namespace

std::string OutsideQuotes(std::string_view sentence) {
  std::string out;
  bool inside = false;
  for (size_t i = 0; i < sentence.size(); ++i) {
    if (sentence[i] == '"') {
      inside = !inside;
      continue;
    }
    if (sentence.substr(i).starts_with("\xe2\x80\x9c")) {  // “
      inside = true, i += 2;
      continue;
    }
    if (sentence.substr(i).starts_with("\xe2\x80\x9d")) {  // ”
      inside = false, i += 2;
      continue;
    }
    if (!inside) out += sentence[i];
  }
  return out;
}

std::string_view DefiniteOpeningNoun(std::string_view sentence) {
  const size_t space = sentence.find(' ');
  if (space == std::string_view::npos) return {};
  const std::string_view first = sentence.substr(0, space);
  if (first != "The" && first != "This" && first != "That" && first != "These" && first != "Those") return {};
  std::string_view rest = sentence.substr(space + 1);
  size_t end = 0;
  while (end < rest.size() && std::isalpha(static_cast<unsigned char>(rest[end]))) ++end;
  if (end == 0 || !std::islower(static_cast<unsigned char>(rest[0]))) return {};
  return rest.substr(0, end);
}

bool OpensWithEventReference(std::string_view sentence) {
  const std::string_view noun = DefiniteOpeningNoun(sentence);
  if (noun.empty()) return false;
  if (In(kEventNouns, noun)) return true;
  std::string_view rest = sentence.substr(noun.data() + noun.size() - sentence.data());
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return rest.starts_with("comes ") || rest.starts_with("came ");
}

bool IsFragmentSentence(std::string_view sentence, bool refers_back) {
  if (refers_back) return true;
  const std::string_view end = TrimEnd(sentence);
  if (end.ends_with("...") || end.ends_with("\xe2\x80\xa6") || end.ends_with("..") || end.ends_with(",") ||
      end.ends_with(":") || end.ends_with(";") || end.ends_with("-")) {
    return true;
  }
  // Straight quotes must pair up; curly ones must open and close as often.
  if (std::count(sentence.begin(), sentence.end(), '"') % 2 != 0) return true;
  size_t opening = 0, closing = 0;
  for (size_t i = 0; i + 2 < sentence.size(); ++i) {
    if (sentence.substr(i, 3) == "\xe2\x80\x9c") ++opening;
    if (sentence.substr(i, 3) == "\xe2\x80\x9d") ++closing;
  }
  if (opening != closing) return true;
  // A quotation with no one saying it outside the quotes: its speaker is in another sentence.
  if (sentence.starts_with("\"") || sentence.starts_with("\xe2\x80\x9c")) {
    if (Words(OutsideQuotes(sentence)).size() < 2) return true;
  }
  size_t first = 0;
  while (first < sentence.size() && (sentence[first] == '"' || sentence[first] == ' ' || sentence[first] == '\''))
    ++first;
  if (first >= sentence.size()) return true;
  const unsigned char c = static_cast<unsigned char>(sentence[first]);
  if (std::islower(c)) return true;
  if (c < 0x80 && !std::isalnum(c) && c != '(' && c != '$') return true;
  const std::vector<std::string> words = Words(sentence.substr(first));
  // "If not, ..." and "If so, ..." answer a question an earlier sentence asked.
  if (words.size() >= 2 && words[0] == "if" && (words[1] == "not" || words[1] == "so")) return true;
  if (!words.empty() && In(kDanglingOpeners, words.front())) return true;
  // "Both are among critics of ...", "Neither was charged", "Each faces ...": a quantifier
  // standing for people or things an earlier sentence named. With a name after it ("Both
  // Nestle and Cadbury said ...") or a span of time ("Each year, ...") it reads alone.
  if (words.size() >= 2 && In(kQuantifierOpeners, words[0]) && !In(kTimeNouns, words[1])) {
    const size_t second = sentence.find(' ', first);
    if (second != std::string_view::npos && second + 1 < sentence.size() &&
        std::islower(static_cast<unsigned char>(sentence[second + 1]))) {
      return true;
    }
  }
  return false;
}

std::string WithoutOpeningConnective(std::string_view sentence) {
  static constexpr std::array<std::string_view, 2> kBare = {"But ", "And "};
  static constexpr std::array<std::string_view, 10> kWithComma = {
      "However, ", "Still, ", "Yet, ", "So, ", "Instead, ", "Nevertheless, ", "Thus, ", "Hence, ", "But, ", "And, "};
  size_t cut = 0;
  for (std::string_view c : kBare) {
    if (sentence.starts_with(c)) cut = c.size();
  }
  for (std::string_view c : kWithComma) {
    if (sentence.starts_with(c)) cut = c.size();
  }
  while (cut > 0 && cut < sentence.size() && sentence[cut] == ' ') ++cut;
  if (cut == 0 || cut >= sentence.size()) return std::string(sentence);
  std::string rest(sentence.substr(cut));
  rest[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(rest[0])));
  return rest;
}

std::string_view WithoutSectionLabel(std::string_view text) {
  // Only when a capitalised word follows, so that "Results of the vote ..." stays whole.
  static constexpr std::array<std::string_view, 12> kSectionLabels = {
      "Importance", "Objective", "Objectives", "Background", "Abstract",    "Summary",
      "Context",    "Purpose",   "Methods",    "Results",    "Conclusions", "Findings"};
  const size_t space = text.find(' ');
  if (space == std::string_view::npos || space + 1 >= text.size() ||
      !std::isupper(static_cast<unsigned char>(text[space + 1]))) {
    return text;
  }
  const std::string_view first = text.substr(0, space);
  if (std::find(kSectionLabels.begin(), kSectionLabels.end(), first) == kSectionLabels.end()) return text;
  return text.substr(space + 1);
}

double ContentContainment(const copies::SentenceProfile& x, const copies::SentenceProfile& y) {
  const copies::SentenceProfile& lighter = x.weight <= y.weight ? x : y;
  const copies::SentenceProfile& heavier = x.weight <= y.weight ? y : x;
  if (lighter.weight <= 0) return 0.0;
  double shared = 0.0;
  for (size_t i = 0, j = 0; i < lighter.stems.size() && j < heavier.stems.size();) {
    if (lighter.stems[i].term < heavier.stems[j].term) {
      ++i;
    } else if (heavier.stems[j].term < lighter.stems[i].term) {
      ++j;
    } else {
      shared += lighter.stems[i].weight;
      ++i, ++j;
    }
  }
  return shared / lighter.weight;
}

bool IsOpinionSentence(std::string_view sentence) {
  const std::string outside = OutsideQuotes(sentence);
  if (outside.find('?') != std::string::npos || outside.find('!') != std::string::npos) return true;
  const std::vector<std::string> words = Words(outside);
  bool attributed = false, prescribes = false;
  for (const std::string& w : words) {
    if (In(kFirstPerson, w)) return true;
    prescribes = prescribes || In(kPrescriptions, w);
    attributed = attributed || In(kReportingVerbs, w);
  }
  return prescribes && !attributed;
}

}  // namespace storydesk::digest
