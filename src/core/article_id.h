// Content-derived article ids, for inputs that carry none.
#pragma once

#include <string>

#include "storydesk/article.h"

namespace storydesk {

// "a" + 16 lower-case hex digits of XXH3-64 over title + '\n' + text. Deterministic across
// runs and machines, so re-reading the same input gives the same id (idempotent ingest).
std::string DeriveArticleId(const RawArticle& article);

}  // namespace storydesk
