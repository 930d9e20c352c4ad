// Fuzz target for the JSON Lines reader (ParseJsonLine): one record per input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/read/jsonl_reader.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  const auto parsed = storydesk::read::ParseJsonLine(line);
  if (parsed.ok()) {
    const storydesk::RawArticle& article = parsed.value();
    Check(!article.text.empty());
    Check(article.text.front() != ' ' && article.text.back() != ' ');
    Check(article.published.has_value() == article.published_at.has_value());
  } else {
    const std::string message = parsed.status().message();
    Check(!message.empty() && message.find('\n') == std::string::npos);
    Check(message.size() < 1000);  // untrusted values are quoted short
  }
  return 0;
}
