#include "adapters/store/fts_query.h"

#include <cstdint>

namespace storydesk::store {
namespace {

// The code point of the UTF-8 sequence at text[*i], advancing *i past it; an invalid or
// truncated sequence yields -1 and advances by one byte.
int32_t DecodeUtf8(std::string_view text, size_t* i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(*i);
  int length = 0;
  int32_t cp = 0;
  if (lead < 0x80) {
    ++*i;
    return lead;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    cp = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    cp = lead & 0x07;
  } else {
    ++*i;
    return -1;
  }
  if (*i + static_cast<size_t>(length) > text.size()) {
    ++*i;
    return -1;
  }
  for (int k = 1; k < length; ++k) {
    const unsigned char c = byte(*i + static_cast<size_t>(k));
    if ((c & 0xC0) != 0x80) {
      ++*i;
      return -1;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
  const bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
  if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    ++*i;
    return -1;
  }
  *i += static_cast<size_t>(length);
  return cp;
}

// Whether code point `cp` (-1: an invalid byte) belongs to a word.
bool IsWordCharacter(int32_t cp) {
  if (cp < 0) return false;
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
  }
  if (cp <= 0xBF) {
    // C1 controls, NBSP and Latin-1 punctuation and symbols, but not the letters and digits
    // among them: ª ² ³ µ ¹ º ¼ ½ ¾.
    switch (cp) {
      case 0xAA:
      case 0xB2:
      case 0xB3:
      case 0xB5:
      case 0xB9:
      case 0xBA:
      case 0xBC:
      case 0xBD:
      case 0xBE:
        return true;
      default:
        return false;
    }
  }
  if (cp == 0xD7 || cp == 0xF7) return false;      // × ÷
  if (cp >= 0x2000 && cp <= 0x206F) return false;  // General Punctuation
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK Symbols and Punctuation
  if (cp >= 0xFF01 && cp <= 0xFF0F) return false;  // full-width ! to /
  if (cp >= 0xFF1A && cp <= 0xFF20) return false;  // full-width : to @
  if ((cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65)) return false;
  if (cp == 0xFEFF) return false;  // byte order mark
  return true;
}

}  // namespace

std::string FtsQuery(std::string_view text) {
  std::string query;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    if (!IsWordCharacter(DecodeUtf8(text, &i))) continue;
    size_t end = i;
    while (end < text.size()) {
      size_t next = end;
      if (!IsWordCharacter(DecodeUtf8(text, &next))) break;
      end = next;
    }
    if (!query.empty()) query += ' ';
    query += '"';
    query.append(text.substr(start, end - start));  // never holds '"': it is ASCII punctuation
    query += '"';
    i = end;
  }
  return query;
}

}  // namespace storydesk::store
