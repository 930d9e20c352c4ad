// Fuzz target for the POST body splitter (read::SplitPostBody): one request body per input.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adapters/read/post_body.h"
#include "fuzz_check.h"
#include "storydesk/article_id.h"

using storydesk::fuzz::Check;
using storydesk::fuzz::CheckMessage;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const storydesk::read::PostBody split = storydesk::read::SplitPostBody(body);
  for (const auto& article : split.articles) {
    Check(!article.text.empty());
    Check(!article.id.empty() && article.id.size() <= storydesk::kMaxArticleIdBytes);
    Check(article.origin.rfind("request:", 0) == 0);
    Check(article.published.has_value() == article.published_at.has_value());
  }
  size_t previous = 0;
  for (const auto& rejected : split.rejected) {
    CheckMessage(rejected.error);
    Check(rejected.error.rfind("request:" + std::to_string(rejected.line) + ": ", 0) == 0);
    Check(rejected.line > previous);  // one report per record, in order
    previous = rejected.line;
  }
  // Nothing is both accepted and rejected, and nothing vanishes: each non-blank line of a body
  // read as JSON Lines is one or the other (a whole-body object is one record).
  Check(split.articles.size() + split.rejected.size() <=
        static_cast<size_t>(std::count(body.begin(), body.end(), '\n')) + 1);
  return 0;
}
