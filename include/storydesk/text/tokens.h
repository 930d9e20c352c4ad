// Word tokens of normalised text. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace storydesk::text {

enum class TokenKind {
  kWord,    // letters, possibly with inner apostrophes or periods ("don't", "U.S."); hyphens split words
  kNumber,  // digits, possibly with inner separators ("1,200", "3.5")
};

// A token as a view into the text it was cut from, with its byte offsets.
struct Token {
  std::string_view text;
  size_t begin = 0;
  size_t end = 0;
  TokenKind kind = TokenKind::kWord;
};

// Splits `normalized` (output of Normalize) into word and number tokens, in order.
// Punctuation and symbols are dropped. Unicode-aware (ICU word break rules).
std::vector<Token> Tokenize(std::string_view normalized);

// Unicode lower-casing (full case mapping, locale-independent).
std::string ToLower(std::string_view text);

}  // namespace storydesk::text
