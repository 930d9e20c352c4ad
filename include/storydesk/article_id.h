// Content-derived article ids, for inputs that carry none.
#pragma once

#include <cstddef>
#include <string>

#include "storydesk/article.h"

namespace storydesk {

// The longest id an article may have, in bytes. Readers reject longer ids: an id must fit in a
// URL (`GET /api/articles/{id}`, whose request line the server bounds) and on a command line
// (`explain ID_A ID_B`), or the article could be stored but never fetched.
inline constexpr size_t kMaxArticleIdBytes = 512;

// "a" + 16 lower-case hex digits of XXH3-64 over title + '\n' + text. Deterministic across
// runs and machines, so re-reading the same input gives the same id (idempotent ingest).
std::string DeriveArticleId(const RawArticle& article);

}  // namespace storydesk
