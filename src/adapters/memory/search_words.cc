#include "adapters/memory/search_words.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "storydesk/text/normalize.h"
#include "storydesk/text/tokens.h"

namespace storydesk::store {
namespace {

// `lower` without combining marks: canonical decomposition, marks (Mn) dropped.
std::string WithoutDiacritics(const std::string& lower) {
  bool ascii = true;
  for (unsigned char c : lower) ascii = ascii && c < 0x80;
  if (ascii) return lower;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return lower;
  const icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString::fromUTF8(lower), status);
  if (U_FAILURE(status)) return lower;
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
    i += U16_LENGTH(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

}  // namespace

std::vector<SearchWords::Word> SearchWords::Words(std::string_view text, std::string* normalized) {
  *normalized = text::Normalize(text);
  std::vector<Word> out;
  for (const text::Token& token : text::Tokenize(*normalized)) {
    out.push_back(Word{stemmer_.Stem(WithoutDiacritics(text::ToLower(token.text))), token.begin, token.end});
  }
  return out;
}

std::vector<std::string> SearchWords::Stems(std::string_view text) {
  std::string normalized;
  std::vector<std::string> out;
  for (Word& w : Words(text, &normalized)) out.push_back(std::move(w.stem));
  return out;
}

}  // namespace storydesk::store
