#include "core/text/sentences.h"

#include <algorithm>
#include <array>
#include <cstddef>

#include "core/text/char_class.h"
#include "storydesk/text/stopwords.h"

namespace storydesk::text {
namespace {

constexpr size_t kNone = std::string_view::npos;

// Hard-wrapped prose is wrapped at 60-80 columns; a paragraph whose lines are all shorter than
// this is a block of short lines (an address, a list of headlines), not wrapped prose.
constexpr size_t kShortLineBytes = 40;

// Abbreviations, lower-case, without their period. Each list is sorted for binary search.
//
// Titles stand before a name, so their period never ends a sentence: "Gov. Andrew Cuomo",
// "St. Louis". "vs.", "v." ("Roe v. Wade") and "cf." join two things the same way.
constexpr auto kTitles = std::to_array<std::string_view>(
    {"adm",  "atty", "capt", "cf",   "cmdr",   "col",  "cpl",  "dr",  "fr", "ft",   "gen", "gens",
     "gov",  "hon",  "lt",   "maj",  "messrs", "mmes", "mr",   "mrs", "ms", "msgr", "mt",  "mx",
     "pres", "prof", "rep",  "reps", "rev",    "sen",  "sens", "sgt", "st", "supt", "v",   "vs"});
// Words that abbreviate before a number: "No. 5", "Vol. 2". Before anything else they are
// ordinary words ("The answer was no. Then...").
constexpr auto kBeforeNumber = std::to_array<std::string_view>({"art", "ch", "fig", "no", "nos", "vol"});
// Abbreviations that end sentences as often as not: company and name suffixes, months and
// weekdays, street words. A number after them never starts a sentence ("Jan. 5"); otherwise
// the period ends the sentence only when a typical sentence opener follows ("...Apple Inc. The
// company" but "Apple Inc. Chief Executive Tim Cook"). US state abbreviations (AP style) are
// here for datelines: "HANFORD, Calif. (AP) -". Those that are also common words ("Ill.",
// "Miss.", "Wash.", "Ore.", "Mass.") are left out; their datelines split.
constexpr auto kAmbiguous = std::to_array<std::string_view>(
    {"al",   "ala",  "approx", "apr", "ariz", "ark",   "assn", "aug",  "ave",  "blvd", "bros", "calif", "co",   "colo",
     "conn", "corp", "dec",    "del", "dept", "est",   "etc",  "feb",  "fla",  "fri",  "ga",   "hwy",   "inc",  "ind",
     "jan",  "jr",   "jul",    "jun", "kan",  "kans",  "ky",   "la",   "llc",  "ltd",  "mar",  "md",    "mich", "minn",
     "mo",   "mon",  "mont",   "neb", "nev",  "nov",   "oct",  "okla", "pa",   "plc",  "rd",   "sat",   "sep",  "sept",
     "sr",   "sun",  "tenn",   "thu", "thur", "thurs", "tue",  "tues", "univ", "va",   "vt",   "wed",   "wis",  "wyo"});
// Words a sentence cannot end with: a line ending in one of them continues on the next line.
constexpr auto kContinuationWords = std::to_array<std::string_view>({
    "a",      "about",   "after", "against", "amid",   "an",    "and",    "are",    "as",    "at",    "be",  "been",
    "before", "between", "but",   "by",      "can",    "could", "during", "for",    "from",  "had",   "has", "have",
    "her",    "his",     "if",    "in",      "into",   "is",    "its",    "may",    "might", "must",  "my",  "nor",
    "not",    "of",      "on",    "onto",    "or",     "our",   "per",    "should", "than",  "that",  "the", "their",
    "these",  "this",    "those", "to",      "toward", "via",   "was",    "were",   "with",  "would",
});

template <size_t N>
constexpr bool IsSortedList(const std::array<std::string_view, N>& list) {
  return std::is_sorted(list.begin(), list.end());
}
static_assert(IsSortedList(kTitles) && IsSortedList(kBeforeNumber) && IsSortedList(kAmbiguous) &&
              IsSortedList(kContinuationWords));

template <size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::binary_search(list.begin(), list.end(), word);
}

bool IsHorizontalSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }
bool IsTerminal(char c) { return c == '.' || c == '!' || c == '?'; }
bool IsCloser(char c) { return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}'; }
bool IsOpener(char c) { return c == '"' || c == '\'' || c == '(' || c == '['; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// `word` lower-cased into *buffer when it is short ASCII letters, apostrophes and periods (all
// our lists hold); else the empty view.
std::string_view LowerAscii(std::string_view word, std::array<char, 16>* buffer) {
  if (word.empty() || word.size() > buffer->size()) return {};
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (!IsAsciiLetter(c) && c != '\'' && c != '.') return {};
    (*buffer)[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
  }
  return std::string_view(buffer->data(), word.size());
}

// One line of a paragraph, trimmed; `content` is where the text starts after a bullet marker.
struct Line {
  size_t begin = 0;
  size_t end = 0;
  size_t content = 0;
  bool bullet = false;
};

// Length of the bullet marker at text[pos] and the spaces after it, or 0 when there is none.
// ASCII markers need a space after them, so "-5 degrees" and "*nix" are not bullets.
size_t BulletLength(std::string_view text, size_t pos, size_t end) {
  static constexpr std::string_view kMarkers[] = {
      "\u2022",  // •
      "\u00B7",  // ·
      "\u2023",  // ‣
      "\u25E6",  // ◦
      "\u25AA",  // ▪
      "\u25CF",  // ●
  };
  size_t after = 0;
  if (text[pos] == '-' || text[pos] == '*') {
    if (pos + 1 >= end || !IsHorizontalSpace(text[pos + 1])) return 0;
    after = pos + 1;
  } else {
    for (std::string_view marker : kMarkers) {
      if (text.substr(pos, marker.size()) == marker) {
        after = pos + marker.size();
        break;
      }
    }
    if (after == 0) return 0;
  }
  while (after < end && IsHorizontalSpace(text[after])) ++after;
  return after - pos;
}

Line MakeLine(std::string_view text, size_t begin, size_t end) {
  while (begin < end && IsAsciiSpace(text[begin])) ++begin;
  while (end > begin && IsAsciiSpace(text[end - 1])) --end;
  Line line{begin, end, begin, false};
  if (begin < end) {
    const size_t bullet = BulletLength(text, begin, end);
    line.content = begin + bullet;
    line.bullet = bullet > 0;
  }
  return line;
}

// The word that follows a candidate boundary: its first code point (after opening quotes and
// brackets; 0 at the end of the text) and its leading ASCII letters, for the stop-word test.
struct NextWord {
  char32_t first = 0;
  std::string_view letters;
};

NextWord ReadNextWord(std::string_view text, size_t pos) {
  while (pos < text.size() && IsOpener(text[pos])) ++pos;
  NextWord word;
  if (pos >= text.size()) return word;
  size_t after = pos;
  word.first = NextCodePoint(text, &after);
  size_t end = pos;
  while (end < text.size() && (IsAsciiLetter(text[end]) || text[end] == '\'')) ++end;
  word.letters = text.substr(pos, end - pos);
  return word;
}

// A capitalised stop word ("The", "He", "But", "It's") is how most sentences begin; a
// capitalised content word after an abbreviation is more often a name ("U.S. Embassy").
bool OpensSentence(const NextWord& next) {
  if (next.first == 0) return true;
  std::array<char, 16> buffer;
  const std::string_view lower = LowerAscii(next.letters, &buffer);
  return !lower.empty() && IsStopWord(lower);
}

bool IsDottedAbbreviation(std::string_view word) {
  // Short letter groups joined by periods: "U.S", "a.m", "e.g", "Ph.D" (the final period is
  // the candidate itself and not part of `word`).
  if (word.find('.') == std::string_view::npos) return false;
  size_t group = 0;
  for (char c : word) {
    if (c == '.') {
      if (group == 0) return false;
      group = 0;
    } else if (IsAsciiLetter(c) && ++group <= 3) {
      continue;
    } else {
      return false;
    }
  }
  return group > 0;
}

// Does the terminal run text[run_begin, run_end) (before optional closers and whitespace) end
// the sentence that began at `sentence`? `next` is where the following text starts.
bool EndsSentence(std::string_view text, size_t sentence, size_t run_begin, size_t run_end, size_t next) {
  const NextWord after = ReadNextWord(text, next);
  // Nothing starts a sentence in lower case: '"Why?" he asked', "at 9 a.m. on Friday".
  if (IsLower(after.first)) return false;
  // '!', '?', "?!" and ellipses end a sentence whenever the next word is not lower-case.
  if (run_end - run_begin > 1 || text[run_begin] != '.') return true;

  // A single period: look at the word it ends.
  size_t word_begin = run_begin;
  while (word_begin > sentence && !IsAsciiSpace(text[word_begin - 1])) --word_begin;
  const size_t token_begin = word_begin;
  while (word_begin < run_begin && !IsAsciiLetter(text[word_begin]) && !IsAsciiDigit(text[word_begin]) &&
         static_cast<unsigned char>(text[word_begin]) < 0x80) {
    ++word_begin;  // opening quotes, brackets, dashes
  }
  const std::string_view word = text.substr(word_begin, run_begin - word_begin);
  if (word.empty()) return true;
  const bool next_is_digit = IsDigit(after.first);
  // "1." opening a line is a list number, not a sentence of its own.
  if (token_begin == sentence && std::all_of(word.begin(), word.end(), [](char c) { return IsAsciiDigit(c); })) {
    return false;
  }
  std::array<char, 16> buffer;
  const std::string_view lower = LowerAscii(word, &buffer);
  if (!lower.empty()) {
    if (Contains(kTitles, lower)) return false;
    if (Contains(kBeforeNumber, lower)) return !next_is_digit;
    if (Contains(kAmbiguous, lower)) return !next_is_digit && OpensSentence(after);
  }
  // An initial: one upper-case letter ("John F. Kennedy"). A name never goes on with a stop
  // word, so "Plan B. The" still ends a sentence.
  size_t after_first = 0;
  const char32_t first = NextCodePoint(word, &after_first);
  if (after_first == word.size() && IsUpper(first)) return !next_is_digit && OpensSentence(after);
  if (IsDottedAbbreviation(word)) return !next_is_digit && OpensSentence(after);
  return true;
}

// Text and line end in a way that means "more of this sentence follows": a comma, colon,
// dash..., or a word like "of" or "the".
bool EndsInContinuation(std::string_view text, const Line& line) {
  const char last = text[line.end - 1];
  if (last == ',' || last == ';' || last == ':' || last == '-' || last == '&' || last == '/' || last == '(' ||
      last == '+') {
    return true;
  }
  size_t word_begin = line.end;
  while (word_begin > line.content && IsAsciiLetter(text[word_begin - 1])) --word_begin;
  std::array<char, 16> buffer;
  const std::string_view lower = LowerAscii(text.substr(word_begin, line.end - word_begin), &buffer);
  return !lower.empty() && Contains(kContinuationWords, lower);
}

// Does the line break after `line` end the sentence that began at `sentence`?
bool LineBreakEnds(std::string_view text, const Line& line, const Line& next, size_t sentence, size_t longest_line) {
  if (next.bullet) return true;
  // Terminal punctuation (and closers) at the end of the line: the in-line rules decide, with
  // the line break standing in for the space.
  size_t closers = line.end;
  while (closers > line.content && IsCloser(text[closers - 1])) --closers;
  size_t run = closers;
  while (run > line.content && IsTerminal(text[run - 1])) --run;
  if (run < closers) return EndsSentence(text, sentence, run, closers, next.content);

  // No final punctuation. Hard-wrapped prose unless the line reads as a unit of its own.
  const NextWord after = ReadNextWord(text, next.content);
  if (!IsUpper(after.first) && !IsDigit(after.first)) return false;
  if (sentence != line.content) return false;  // the sentence began before this line: wrapped
  if (EndsInContinuation(text, line)) return false;
  if (line.bullet) return true;
  const auto words = 1 + std::count(text.begin() + line.content, text.begin() + line.end, ' ');
  if (words > kHeadlineMaxWords) return false;
  const size_t length = line.end - line.begin;
  return length * 5 < longest_line * 4 || longest_line < kShortLineBytes;
}

bool HasWordCharacter(std::string_view text, size_t begin, size_t end) {
  size_t pos = begin;
  while (pos < end) {
    if (IsWordStart(NextCodePoint(text, &pos))) return true;
  }
  return false;
}

void Emit(std::string_view text, size_t begin, size_t end, std::vector<SentenceSpan>* spans) {
  while (begin < end && IsAsciiSpace(text[begin])) ++begin;
  while (end > begin && IsAsciiSpace(text[end - 1])) --end;
  if (begin < end && HasWordCharacter(text, begin, end)) spans->push_back(SentenceSpan{begin, end});
}

// Finds the in-line boundaries of `line` (those followed by a space, not by the line's end),
// emitting every sentence that ends on it; *sentence is the start of the open sentence.
void SplitLine(std::string_view text, const Line& line, size_t* sentence, std::vector<SentenceSpan>* spans) {
  size_t pos = line.content;
  while (pos < line.end) {
    if (!IsTerminal(text[pos])) {
      ++pos;
      continue;
    }
    size_t run_end = pos;
    while (run_end < line.end && IsTerminal(text[run_end])) ++run_end;
    size_t closers_end = run_end;
    while (closers_end < line.end && IsCloser(text[closers_end])) ++closers_end;
    // Decimals ("3.5"), inner periods ("U.S.-led") and line ends are not in-line candidates.
    if (closers_end == line.end || !IsHorizontalSpace(text[closers_end])) {
      pos = run_end;
      continue;
    }
    size_t next = closers_end;
    while (next < line.end && IsHorizontalSpace(text[next])) ++next;
    if (EndsSentence(text, *sentence, pos, run_end, next)) {
      Emit(text, *sentence, closers_end, spans);
      *sentence = next;
    }
    pos = closers_end;
  }
}

void SplitParagraph(std::string_view text, const std::vector<Line>& lines, std::vector<SentenceSpan>* spans) {
  size_t longest = 0;
  for (const Line& line : lines) longest = std::max(longest, line.end - line.begin);
  size_t sentence = kNone;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.content == line.end) continue;  // a bare bullet marker
    if (sentence == kNone) sentence = line.content;
    SplitLine(text, line, &sentence, spans);
    if (i + 1 < lines.size() && LineBreakEnds(text, line, lines[i + 1], sentence, longest)) {
      Emit(text, sentence, line.end, spans);
      sentence = kNone;
    }
  }
  if (sentence != kNone) Emit(text, sentence, lines.back().end, spans);
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view normalized) {
  std::vector<SentenceSpan> spans;
  std::vector<Line> paragraph;
  size_t pos = 0;
  const size_t size = normalized.size();
  while (pos < size) {
    size_t line_end = normalized.find('\n', pos);
    if (line_end == std::string_view::npos) line_end = size;
    const Line line = MakeLine(normalized, pos, line_end);
    pos = line_end + 1;
    if (line.begin == line.end) {
      // A blank line ends the paragraph: a hard boundary.
      if (!paragraph.empty()) SplitParagraph(normalized, paragraph, &spans);
      paragraph.clear();
      continue;
    }
    paragraph.push_back(line);
  }
  if (!paragraph.empty()) SplitParagraph(normalized, paragraph, &spans);
  return spans;
}

}  // namespace storydesk::text
