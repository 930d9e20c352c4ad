// Character classes of the text pipeline: which code points make words, which are upper- or
// lower-case, plus a UTF-8 step with an inline ASCII path.
//
// One definition shared by the tokenizer, the sentence splitter and the name extractor, so they
// agree on what a word character is: the splitter drops spans holding no word character, and if
// it disagreed with the tokenizer a token could fall outside every sentence.
// Pure inline functions; thread-safe. ASCII is decided by table-free comparisons; anything else
// asks ICU's character properties (a trie lookup, no allocation).
#pragma once

#include <unicode/uchar.h>

#include <cstddef>
#include <string_view>

#include "storydesk/text/utf8.h"

namespace storydesk::text {

// The code point at (*pos) in `text`, advancing *pos past it. Malformed bytes give U+FFFD and
// advance by one (see DecodeUtf8). Requires *pos < text.size().
inline char32_t NextCodePoint(std::string_view text, size_t* pos) {
  const auto byte = static_cast<unsigned char>(text[*pos]);
  if (byte < 0x80) {
    ++*pos;
    return byte;
  }
  return DecodeUtf8(text, pos);
}

inline bool IsAsciiUpper(char32_t cp) { return cp >= 'A' && cp <= 'Z'; }
inline bool IsAsciiLower(char32_t cp) { return cp >= 'a' && cp <= 'z'; }
inline bool IsAsciiDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }

// A decimal digit (general category Nd, any script).
inline bool IsDigit(char32_t cp) { return cp < 0x80 ? IsAsciiDigit(cp) : u_isdigit(static_cast<UChar32>(cp)) != 0; }

// A letter in the wide sense of Unicode's Alphabetic property (letters of every script, letter
// numbers and the vowel signs of Indic scripts), which is what UAX #29 counts as ALetter.
inline bool IsLetter(char32_t cp) {
  if (cp < 0x80) return IsAsciiUpper(cp) || IsAsciiLower(cp);
  return u_isUAlphabetic(static_cast<UChar32>(cp)) != 0;
}

// A code point that can start a token: a letter or a digit.
inline bool IsWordStart(char32_t cp) { return IsLetter(cp) || IsDigit(cp); }

// A code point that can continue a token: a word start, or a combining mark (so "é" written as
// e + U+0301 stays one word even when a caller skipped NFKC).
inline bool IsWordPart(char32_t cp) {
  if (cp < 0x80) return IsAsciiUpper(cp) || IsAsciiLower(cp) || IsAsciiDigit(cp);
  return IsWordStart(cp) || (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0;
}

// Han, Tangut and similar ideographs. Their scripts write no spaces between words, and without a
// dictionary the honest segmentation is one token per ideograph (as UAX #29 does).
inline bool IsIdeograph(char32_t cp) {
  return cp >= 0x2E80 && u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_IDEOGRAPHIC) != 0;
}

// Upper-case or title-case letter ("A", "É", the digraph "ǅ").
inline bool IsUpper(char32_t cp) {
  if (cp < 0x80) return IsAsciiUpper(cp);
  return u_isupper(static_cast<UChar32>(cp)) != 0 || u_istitle(static_cast<UChar32>(cp)) != 0;
}

// Lower-case letter.
inline bool IsLower(char32_t cp) {
  if (cp < 0x80) return IsAsciiLower(cp);
  return u_islower(static_cast<UChar32>(cp)) != 0;
}

// Space, tab, newline, carriage return, vertical tab, form feed.
inline bool IsAsciiSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

// Number of code points in well-formed UTF-8 `text` (it counts the bytes that start a sequence).
inline size_t CodePointCount(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

}  // namespace storydesk::text
