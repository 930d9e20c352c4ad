#include "core/text/names.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstddef>

#include "core/text/char_class.h"
#include "storydesk/text/stopwords.h"

namespace storydesk::text {
namespace {

// Sorted word lists, lower-case.
constexpr auto kCalendarWords = std::to_array<std::string_view>({
    "april",  "august",   "december", "february", "friday",    "january", "july",     "june",    "march",     "may",
    "monday", "november", "october",  "saturday", "september", "sunday",  "thursday", "tuesday", "wednesday",
});
// Abbreviated months and weekdays count only when written with their period ("Jan. 5"):
// without it "Jan", "Sun" and "Wed" are as likely names or words.
constexpr auto kCalendarAbbreviations = std::to_array<std::string_view>({
    "apr", "aug", "dec", "feb",  "fri", "jan", "jul",  "jun",   "mar", "mon",  "nov",
    "oct", "sat", "sep", "sept", "sun", "thu", "thur", "thurs", "tue", "tues", "wed",
});
// Forms of address that say nothing about who is meant.
constexpr auto kHonorifics = std::to_array<std::string_view>({
    "adm",    "capt", "cmdr", "col", "dame", "dr",   "gen", "gov", "hon", "lt",  "maj",
    "messrs", "mr",   "mrs",  "ms",  "mx",   "prof", "rep", "rev", "sen", "sgt", "sir",
});
// Capitalised only because they open a sentence, and too common to count as names; the
// in-text lower-case evidence catches the rest.
constexpr auto kSentenceOpeners = std::to_array<std::string_view>({
    "according", "additionally", "afterwards", "already", "amid",       "asked",     "besides",    "consequently",
    "despite",   "earlier",      "elsewhere",  "even",    "finally",    "first",     "following",  "including",
    "indeed",    "instead",      "last",       "later",   "like",       "meanwhile", "moreover",   "nevertheless",
    "next",      "nonetheless",  "officials",  "overall", "previously", "recently",  "separately", "similarly",
    "still",     "today",        "tomorrow",   "tonight", "unlike",     "yes",       "yesterday",
});
// Lower-case second halves of compounds built on a name: "Korea-backed", "Seoul-based".
constexpr auto kCompoundSuffixes = std::to_array<std::string_view>({
    "aligned", "allied", "backed", "based", "born",  "bound",   "controlled", "era",       "friendly", "funded",
    "led",     "like",   "linked", "made",  "owned", "related", "run",        "sponsored", "style",    "wide",
});

template <size_t N>
constexpr bool IsSortedList(const std::array<std::string_view, N>& list) {
  return std::is_sorted(list.begin(), list.end());
}
static_assert(IsSortedList(kCalendarWords) && IsSortedList(kCalendarAbbreviations) && IsSortedList(kHonorifics) &&
              IsSortedList(kSentenceOpeners) && IsSortedList(kCompoundSuffixes));

template <size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::binary_search(list.begin(), list.end(), word);
}

// ASCII-lower-cases `word` into *buffer; the empty view when it is not short ASCII (no list
// entry is longer than 15 bytes or non-ASCII, so such words match nothing anyway).
std::string_view LowerAscii(std::string_view word, std::array<char, 16>* buffer) {
  if (word.empty() || word.size() > buffer->size()) return {};
  for (size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c >= 0x80) return {};
    (*buffer)[i] = static_cast<char>((c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c);
  }
  return std::string_view(buffer->data(), word.size());
}

bool IsPossessive(std::string_view word) {
  return (word.size() > 2 && (word.ends_with("'s") || word.ends_with("'S"))) ||
         (word.size() > 4 && word.ends_with("\u2019s"));
}

bool IsBlank(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return IsAsciiSpace(c); });
}

// One or more tokens joined by hyphens ("Kyu-duk"), with what the rules need to know about it.
struct Unit {
  size_t begin = 0;
  size_t end = 0;
  size_t tokens = 1;
  bool capitalised = false;
  bool acronym = false;     // every letter upper-case, two or more letters ("US", "U.S.", "NATO")
  bool possessive = false;  // ends in "'s"; the name ends here, without it
  bool initial = false;     // a single upper-case letter followed by a period ("F.")
  bool stop = false;        // a stop word in lower case (never for acronyms or "May")
  bool calendar = false;    // a month or weekday
  bool honorific = false;
};

Unit MakeUnit(std::string_view text, const std::vector<Token>& tokens, size_t first, size_t last) {
  Unit unit;
  unit.begin = tokens[first].begin;
  unit.end = tokens[last].end;
  unit.tokens = last - first + 1;
  const std::string_view word = text.substr(unit.begin, unit.end - unit.begin);

  size_t pos = 0;
  const char32_t first_cp = NextCodePoint(word, &pos);
  unit.capitalised = IsUpper(first_cp);
  if (!unit.capitalised) return unit;

  size_t letters = 0;
  bool all_upper = true;
  for (size_t p = 0; p < word.size();) {
    const char32_t cp = NextCodePoint(word, &p);
    if (!IsLetter(cp)) continue;
    ++letters;
    all_upper = all_upper && !IsLower(cp);
  }
  unit.acronym = all_upper && letters >= 2;
  unit.possessive = IsPossessive(tokens[last].text);
  unit.initial = pos == word.size() && unit.end < text.size() && text[unit.end] == '.';

  std::array<char, 16> buffer;
  const std::string_view lower = LowerAscii(word, &buffer);
  if (lower.empty()) return unit;
  unit.stop = !unit.acronym && lower != "may" && IsStopWord(lower);
  unit.calendar = Contains(kCalendarWords, lower) ||
                  (Contains(kCalendarAbbreviations, lower) && unit.end < text.size() && text[unit.end] == '.');
  unit.honorific = Contains(kHonorifics, lower);
  return unit;
}

// The units of tokens[first, last): tokens joined by a single '-' form one unit, unless the
// part after the hyphen is a lower-case compound suffix ("Korea-backed": the unit stops at
// "Korea" and the suffix becomes a unit of its own, not capitalised).
void BuildUnits(std::string_view text, const std::vector<Token>& tokens, size_t first, size_t last,
                std::vector<Unit>* units) {
  units->clear();
  size_t start = first;
  for (size_t i = first; i < last; ++i) {
    const bool joined = i + 1 < last && tokens[i + 1].begin == tokens[i].end + 1 && text[tokens[i].end] == '-';
    if (joined) {
      std::array<char, 16> buffer;
      const std::string_view lower = LowerAscii(tokens[i + 1].text, &buffer);
      if (lower.empty() || !Contains(kCompoundSuffixes, lower)) continue;
    }
    units->push_back(MakeUnit(text, tokens, start, i));
    start = i + 1;
  }
}

// Can unit `b` continue a name that `a` is part of?
bool Joins(std::string_view text, const Unit& a, const Unit& b) {
  if (!b.capitalised || a.possessive) return false;
  std::string_view gap = text.substr(a.end, b.begin - a.end);
  if (a.initial) gap.remove_prefix(1);  // "F. Kennedy"
  return IsBlank(gap);
}

// Appends text[begin, end) with every whitespace run written as one space.
std::string NameText(std::string_view text, size_t begin, size_t end) {
  std::string name;
  name.reserve(end - begin);
  bool space = false;
  for (size_t i = begin; i < end; ++i) {
    if (IsAsciiSpace(text[i])) {
      space = true;
      continue;
    }
    if (space) name += ' ';
    space = false;
    name += text[i];
  }
  return name;
}

// A name found. A lone capitalised word opening its sentence is only a candidate: whether it
// stands is decided once the whole text has been seen (see ExtractNames).
struct Candidate {
  std::string name;
  bool lone_opener = false;
  std::string lower;  // ToLower(name), for lone openers only
};

// The word a unit contributes as evidence that it is capitalised for being a name: its text
// without a possessive "'s".
std::string_view EvidenceText(std::string_view text, const Unit& unit) {
  std::string_view word = text.substr(unit.begin, unit.end - unit.begin);
  if (unit.possessive) word.remove_suffix(word.ends_with("'s") || word.ends_with("'S") ? 2 : 4);
  return word;
}

// Collects the names of one sentence's units into *out, and into *inside the capitalised
// words that do not open the sentence (evidence for lone openers elsewhere).
void CollectSentence(std::string_view text, const std::vector<Unit>& units, std::vector<Candidate>* out,
                     std::vector<std::string_view>* inside) {
  for (size_t u = 1; u < units.size(); ++u) {
    if (units[u].capitalised) inside->push_back(EvidenceText(text, units[u]));
  }
  size_t i = 0;
  while (i < units.size()) {
    if (!units[i].capitalised) {
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < units.size() && Joins(text, units[end - 1], units[end])) ++end;
    size_t begin = i;
    i = end;

    // Trim what capitalisation wrongly included; see names.h for the reasons.
    while (begin < end && (units[begin].stop || units[begin].calendar || units[begin].honorific)) ++begin;
    while (end > begin && units[end - 1].stop) --end;
    if (begin == end) continue;
    const Unit& head = units[begin];
    const std::string_view head_text = text.substr(head.begin, head.end - head.begin);
    std::array<char, 16> buffer;
    if (end - begin == 1 && head.tokens == 1 &&
        (CodePointCount(head_text) == 1 || LowerAscii(head_text, &buffer) == "st")) {
      continue;
    }

    Candidate candidate;
    const size_t name_end = units[end - 1].begin + EvidenceText(text, units[end - 1]).size();
    candidate.name = NameText(text, head.begin, name_end);
    if (end - begin == 1 && begin == 0 && !head.acronym) {
      const std::string_view lower = LowerAscii(candidate.name, &buffer);
      if (!lower.empty() && Contains(kSentenceOpeners, lower)) continue;
      candidate.lone_opener = true;
      candidate.lower = ToLower(candidate.name);
    }
    out->push_back(std::move(candidate));
  }
}

// A small set of words (the disputed sentence openers, a handful per text) that records which
// of them the text shows in some form. Marking is called for most tokens of the text, so a
// bitmap of (first byte, length) pairs turns almost all of them away before a binary search.
class WordSet {
 public:
  void Add(std::string_view word) { words_.push_back(word); }
  bool Empty() const { return words_.empty(); }

  // Call once after the last Add and before Mark.
  void Seal() {
    std::sort(words_.begin(), words_.end());
    words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
    marked_.assign(words_.size(), false);
    for (std::string_view w : words_) shapes_[Shape(w)] = true;
  }

  void Mark(std::string_view word) {
    if (!shapes_[Shape(word)]) return;
    const auto it = std::lower_bound(words_.begin(), words_.end(), word);
    if (it != words_.end() && *it == word) marked_[static_cast<size_t>(it - words_.begin())] = true;
  }

  bool Marked(std::string_view word) const {
    const auto it = std::lower_bound(words_.begin(), words_.end(), word);
    return it != words_.end() && *it == word && marked_[static_cast<size_t>(it - words_.begin())];
  }

 private:
  static size_t Shape(std::string_view word) {
    const size_t first = word.empty() ? 0 : static_cast<unsigned char>(word[0]);
    return first * 32 + std::min<size_t>(word.size(), 31);
  }

  std::vector<std::string_view> words_;
  std::vector<bool> marked_;
  std::bitset<size_t{256} * 32> shapes_;
};

}  // namespace

std::vector<std::string> ExtractNames(std::string_view normalized, const std::vector<Token>& tokens,
                                      const std::vector<SentenceSpan>& sentences) {
  std::vector<Candidate> candidates;
  std::vector<std::string_view> inside;
  std::vector<Unit> units;
  size_t t = 0;
  for (const SentenceSpan& sentence : sentences) {
    while (t < tokens.size() && tokens[t].begin < sentence.begin) ++t;
    const size_t first = t;
    while (t < tokens.size() && tokens[t].end <= sentence.end) ++t;
    if (first == t) continue;
    BuildUnits(normalized, tokens, first, t, &units);
    CollectSentence(normalized, units, &candidates, &inside);
  }

  // A lone sentence opener ("Kim said", "Drills began") is capitalised by grammar, so the rest
  // of the text decides: written in lower case somewhere, it is a common word (this wins:
  // "Peace process ... the peace process ... Korean Peninsula Peace" — a common word also
  // appears inside names, a name rarely appears in lower case); else, written capitalised
  // inside some sentence, it is a name. With no evidence either way it is dropped, unless the
  // text is one sentence (a title, a bullet), which has no rest to ask.
  WordSet lower_forms;
  WordSet capitalised_forms;
  for (const Candidate& c : candidates) {
    if (!c.lone_opener) continue;
    lower_forms.Add(c.lower);
    capitalised_forms.Add(c.name);
  }
  if (!lower_forms.Empty()) {
    lower_forms.Seal();
    capitalised_forms.Seal();
    for (std::string_view word : inside) capitalised_forms.Mark(word);
    for (const Token& token : tokens) {
      size_t pos = 0;
      if (IsLower(NextCodePoint(token.text, &pos))) lower_forms.Mark(token.text);
    }
  }

  // Decide every candidate before moving any name out: the word sets hold views of the names.
  std::vector<bool> keep(candidates.size(), true);
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (!c.lone_opener) continue;
    keep[i] = !lower_forms.Marked(c.lower) && (capitalised_forms.Marked(c.name) || sentences.size() == 1);
  }
  std::vector<std::string> names;
  names.reserve(candidates.size());
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (keep[i]) names.push_back(std::move(candidates[i].name));
  }
  return names;
}

}  // namespace storydesk::text
