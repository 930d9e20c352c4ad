// Fuzz target for the seed plain-text reader (ParseSeedText) and the parsers it uses on
// untrusted bytes: datelines, published times, relative-time noise.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/read/seed_text_reader.h"
#include "storydesk/text/dateline.h"
#include "storydesk/time/published_time.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);

  int64_t error_line = -1;
  const auto parsed = storydesk::read::ParseSeedText(content, &error_line);
  if (parsed.ok()) {
    const storydesk::RawArticle& article = parsed.value();
    Check(!article.text.empty());
    Check(article.published.has_value() && article.published_at.has_value());
    Check(!article.title || !article.title->empty());
    Check(error_line == -1);
  } else {
    const std::string message = parsed.status().message();
    Check(!message.empty() && message.find('\n') == std::string::npos);
    Check(error_line >= 0);
  }

  if (const auto dateline = storydesk::text::ParseDateline(content)) {
    Check(dateline->length <= content.size());
    Check(!dateline->place.empty());
    Check(content.substr(0, dateline->place.size()) == dateline->place);
  }

  const auto published = storydesk::timeutil::ParsePublished(content.substr(0, 40));
  if (published.ok()) {
    // Whatever parses must format back to the UTC day it denotes, inside the year range.
    const std::string day = storydesk::timeutil::FormatDate(published.value());
    Check(day.size() == 10);
  }
  storydesk::read::IsRelativeTimeNoise(content.substr(0, 80));
  return 0;
}
