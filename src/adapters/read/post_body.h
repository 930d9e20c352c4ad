// SplitPostBody: the body of `POST /api/articles` — one JSON object (on one line or spread over
// many) or JSON Lines — to the articles it holds and the records it rejects.
//
// Each record is read with ParseJsonLine (jsonl_reader.h) as a record of a JSON Lines file named
// "request": an accepted article gets origin "request:N" (N its 1-based line; 1 for a whole-body
// object), verbatim the record as it came, and its id derived from the content when absent.
// A rejected record is reported with its line and a one-line message "request:N: what is wrong".
// Blank lines are skipped. A body whose JSON nests deeper than kMaxJsonNesting is rejected as one
// record without being parsed (recursion in a JSON library would otherwise exhaust the stack).
// Pure function; thread-safe; never throws for any input.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "storydesk/article.h"

namespace storydesk::read {

struct RejectedRecord {
  size_t line = 0;
  std::string error;  // "request:N: what is wrong"
};

struct PostBody {
  std::vector<RawArticle> articles;
  std::vector<RejectedRecord> rejected;
};

PostBody SplitPostBody(std::string_view body);

}  // namespace storydesk::read
