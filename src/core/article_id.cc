#include "storydesk/article_id.h"

#include <xxhash.h>

#include <cstdint>

namespace storydesk {

std::string DeriveArticleId(const RawArticle& article) {
  std::string input;
  input.reserve((article.title ? article.title->size() : 0) + 1 + article.text.size());
  if (article.title) input += *article.title;
  input += '\n';
  input += article.text;
  const uint64_t hash = XXH3_64bits(input.data(), input.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id = "a";
  for (int shift = 60; shift >= 0; shift -= 4) id.push_back(kHex[(hash >> shift) & 0xF]);
  return id;
}

}  // namespace storydesk
