// Tokenizer: a hand-written scanner over code points instead of ICU's word BreakIterator.
//
// Why not the BreakIterator: it needs a UText over the UTF-8, a per-thread clone (it is
// stateful, and Tokenize is a free, thread-safe function), returns boundaries that must then be
// filtered for "is this a word", and still splits "U.S." into "U.S" and "." — the rules below
// would have to be re-applied on top anyway. The scanner follows the same idea as UAX #29
// (letters and digits make words; an apostrophe between letters and a period or comma between
// digits do not break them; ideographs are one word each) with one pass, no allocation besides
// the result vector, and an ASCII path that never calls ICU.
//
// Decisions:
// - Hyphens split words: "Kyu-duk" → "Kyu", "duk"; "COVID-19" → "COVID", "19". Normalize folds
//   every dash to '-', so "attack—the" arrives as "attack-the"; keeping hyphenated words whole
//   would glue unrelated words. Splitting also lets "cease-fire" meet "cease fire". Names that
//   contain hyphens are rebuilt from the text by ExtractNames, so "Noh Kyu-duk" survives.
// - Single letters joined by periods are one token, trailing period included: "U.S.", "a.m.",
//   "e.g.", "U.S.A."; without the trailing period when there is none ("U.S-led" → "U.S").
// - A token mixing letters and digits ("G7", "3rd", "1990s", "5pm") is a word; only digits and
//   inner separators make a number.
#include "storydesk/text/tokens.h"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/stringpiece.h>

#include <cstdint>
#include <limits>

#include "core/text/char_class.h"

namespace storydesk::text {
namespace {

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

// The code point at `pos` without consuming it; 0 at the end of the text.
char32_t PeekCodePoint(std::string_view text, size_t pos, size_t* after) {
  *after = pos;
  if (pos >= text.size()) return 0;
  return NextCodePoint(text, after);
}

// Matches single letters joined by periods ("U.S.", "a.m", "U.S.A.") at `start`. On a match of
// two or more letters stores the end (after the last period, if any) and returns true.
bool MatchDottedAbbreviation(std::string_view text, size_t start, size_t* end) {
  size_t pos = start;
  size_t match_end = start;
  int letters = 0;
  while (pos < text.size()) {
    size_t after_letter = 0;
    const char32_t letter = PeekCodePoint(text, pos, &after_letter);
    if (!IsLetter(letter)) break;
    size_t after_next = 0;
    const char32_t next = PeekCodePoint(text, after_letter, &after_next);
    if (IsWordPart(next)) break;  // a longer word ("U.Sa"), not a single letter
    ++letters;
    if (next == '.') {
      match_end = after_next;
      pos = after_next;
    } else {
      match_end = after_letter;
      break;
    }
  }
  if (letters < 2) return false;
  *end = match_end;
  return true;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view normalized) {
  std::vector<Token> tokens;
  // News prose averages about six bytes per token; one reservation avoids most regrowth.
  tokens.reserve(normalized.size() / 6 + 1);
  auto emit = [&](size_t begin, size_t end, TokenKind kind) {
    tokens.push_back(Token{normalized.substr(begin, end - begin), begin, end, kind});
  };

  const size_t size = normalized.size();
  size_t pos = 0;
  while (pos < size) {
    const size_t start = pos;
    const char32_t first = NextCodePoint(normalized, &pos);
    if (!IsWordStart(first)) continue;
    if (IsIdeograph(first)) {
      emit(start, pos, TokenKind::kWord);
      continue;
    }
    if (IsLetter(first)) {
      size_t abbreviation_end = 0;
      if (MatchDottedAbbreviation(normalized, start, &abbreviation_end)) {
        emit(start, abbreviation_end, TokenKind::kWord);
        pos = abbreviation_end;
        continue;
      }
    }

    bool has_letter = IsLetter(first);
    char32_t last = first;
    size_t end = pos;
    while (end < size) {
      size_t after = 0;
      const char32_t cp = PeekCodePoint(normalized, end, &after);
      if (IsWordPart(cp) && !IsIdeograph(cp)) {
        has_letter = has_letter || IsLetter(cp);
        last = cp;
        end = after;
        continue;
      }
      // Inner joiners need a word character on both sides; a trailing apostrophe ("players'")
      // or separator ("1,200.") stays outside the token.
      size_t after_next = 0;
      const char32_t next = PeekCodePoint(normalized, after, &after_next);
      const bool joins = (IsApostrophe(cp) && IsWordStart(last) && IsLetter(next) && !IsIdeograph(next)) ||
                         ((cp == '.' || cp == ',') && IsDigit(last) && IsDigit(next));
      if (!joins) break;
      has_letter = has_letter || IsLetter(next);
      last = next;
      end = after_next;
    }
    emit(start, end, has_letter ? TokenKind::kWord : TokenKind::kNumber);
    pos = end;
  }
  return tokens;
}

std::string ToLower(std::string_view text) {
  // ASCII fast path: most tokens of English news are ASCII, and lower-casing them needs no ICU.
  std::string out(text);
  bool ascii = true;
  for (char& c : out) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      ascii = false;
      break;
    }
    if (byte >= 'A' && byte <= 'Z') c = static_cast<char>(byte + ('a' - 'A'));
  }
  if (ascii || text.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max())) return out;

  // Full Unicode case mapping in the root locale ("" — not the process locale, so a Turkish
  // default locale cannot turn "I" into dotless "ı"), straight from UTF-8 to UTF-8.
  out.clear();
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  icu::CaseMap::utf8ToLower("", 0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr,
                            status);
  // Failure would be an ICU bug (ill-formed input is passed through, not rejected): fall back
  // to ASCII lower-casing rather than lose the word.
  if (U_FAILURE(status)) {
    out.assign(text);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    }
  }
  return out;
}

}  // namespace storydesk::text
