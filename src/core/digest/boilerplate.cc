#include "core/digest/boilerplate.h"

#include <array>
#include <cctype>
#include <string>

namespace storydesk::digest {
namespace {

constexpr size_t kMinWords = 6;
constexpr size_t kMaxWords = 60;
constexpr double kMaxCapitalisedShare = 0.6;

// Lower-case phrases that mark page furniture wherever they occur in a sentence.
constexpr std::array<std::string_view, 45> kFurniture = {
    "http://", "https://", "www.", ".com/", "click here", "sign up", "subscribe to", "newsletter", "share this",
    "follow us", "all rights reserved", "\xc2\xa9", "advertisement", "read more", "related:", "please enable",
    "javascript", "terms of use", "privacy policy", "photo:", "photo by", "photograph:", "(photo", "photo/", "photos/",
    "getty images", "ap photo", "afp photo", "reuters/", "(courtesy", "image caption", "image copyright", "video (",
    "watch:", "listen:", "file photo", "this article was", "email us", "skip to",
    // Photo captions place people: "Jane Doe, left, and John Roe unveil ...".
    ", left, ", ", right, ", ", center, ", "from left", "(left)", "(right)"};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Ends with sentence punctuation, optionally followed by closing quotes or brackets.
bool EndsLikeASentence(std::string_view s) {
  while (!s.empty()) {
    const unsigned char c = static_cast<unsigned char>(s.back());
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ') {
      s.remove_suffix(1);
    } else if (s.size() >= 3 &&
               (s.substr(s.size() - 3) == "\xe2\x80\x9d" || s.substr(s.size() - 3) == "\xe2\x80\x99")) {
      s.remove_suffix(3);  // ” ’
    } else {
      return c == '.' || c == '!' || c == '?';
    }
  }
  return false;
}

}  // namespace

bool IsBoilerplateSentence(std::string_view sentence) {
  size_t words = 0, capitalised = 0, letters_words = 0;
  bool in_word = false;
  for (size_t i = 0; i < sentence.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(sentence[i]);
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) {
      ++words;
      if (std::isalpha(c)) {
        ++letters_words;
        if (std::isupper(c)) ++capitalised;
      }
    }
    in_word = !space;
  }
  if (words < kMinWords || words > kMaxWords) return true;
  if (!EndsLikeASentence(sentence)) return true;
  if (HasFurniturePhrase(sentence)) return true;
  return letters_words > 0 &&
         static_cast<double>(capitalised) > kMaxCapitalisedShare * static_cast<double>(letters_words);
}

bool HasFurniturePhrase(std::string_view text) {
  const std::string lower = Lower(text);
  for (std::string_view phrase : kFurniture) {
    if (lower.find(phrase) != std::string::npos) return true;
  }
  const size_t at = lower.find('@');
  return at != std::string::npos && lower.find('.', at) != std::string::npos;
}

}  // namespace storydesk::digest
