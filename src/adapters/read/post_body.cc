#include "adapters/read/post_body.h"

#include <exception>
#include <nlohmann/json.hpp>

#include "adapters/read/jsonl_reader.h"
#include "storydesk/article_id.h"

namespace storydesk::read {
namespace {

using nlohmann::json;

std::string RecordError(size_t line, std::string_view what) {
  return "request:" + std::to_string(line) + ": " + std::string(what);
}

PostBody Split(std::string_view whole_body) {
  PostBody out;
  // A body that is one JSON object, possibly pretty-printed over many lines, is one record.
  // Only an object that starts the body is tried, and only when its nesting is bounded: the
  // re-serialisation below recurses once per level.
  std::string one_object;
  const size_t first = whole_body.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && whole_body[first] == '{' && JsonNestingDepth(whole_body) <= kMaxJsonNesting) {
    const json whole = json::parse(whole_body.begin(), whole_body.end(), nullptr, /*allow_exceptions=*/false);
    if (!whole.is_discarded() && whole.is_object()) {
      one_object = whole.dump(-1, ' ', false, json::error_handler_t::replace);
    }
  }
  std::string_view body = one_object.empty() ? whole_body : std::string_view(one_object);
  size_t number = 0;
  while (!body.empty()) {
    const size_t end = body.find('\n');
    std::string line(body.substr(0, end));
    body.remove_prefix(end == std::string_view::npos ? body.size() : end + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    auto parsed = ParseJsonLine(line);
    if (!parsed.ok()) {
      out.rejected.push_back({number, RecordError(number, parsed.status().message())});
      continue;
    }
    RawArticle a = std::move(parsed).value();
    if (a.id.empty()) a.id = DeriveArticleId(a);
    a.origin = "request:" + std::to_string(number);
    a.verbatim = one_object.empty() ? std::move(line) : std::string(whole_body);  // the record as it came
    out.articles.push_back(std::move(a));
  }
  return out;
}

}  // namespace

PostBody SplitPostBody(std::string_view body) {
  try {
    return Split(body);
  } catch (const std::exception&) {  // allocation failure: nothing else throws here
    PostBody out;
    out.rejected.push_back({1, RecordError(1, "the body could not be read (out of memory)")});
    return out;
  }
}

}  // namespace storydesk::read
