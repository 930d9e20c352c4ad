// Fuzz target for the RSS/Atom reader (ReadFeed, LooksLikeFeed, Rfc822ToRfc3339): never a crash
// or a hang, one-line errors and problems, items numbered in order with UTF-8 text and dates
// RawArticle accepts.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adapters/read/feed_reader.h"
#include "fuzz_check.h"
#include "storydesk/text/utf8.h"
#include "storydesk/time/published_time.h"

using storydesk::fuzz::Check;
using storydesk::fuzz::CheckMessage;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  storydesk::read::LooksLikeFeed(content);
  if (const auto date = storydesk::read::Rfc822ToRfc3339(content.substr(0, 64))) {
    Check(storydesk::timeutil::ParsePublished(*date).ok());
  }
  const auto feed = storydesk::read::ReadFeed(content);
  if (!feed.ok()) {
    CheckMessage(feed.status().message());
    return 0;
  }
  for (const std::string& problem : feed.value().problems) CheckMessage(problem);
  size_t number = 0;
  for (const storydesk::read::FeedItem& item : feed.value().items) {
    Check(item.number == ++number);
    Check(storydesk::text::IsValidUtf8(item.text));
    if (item.published) Check(storydesk::timeutil::ParsePublished(*item.published).ok());
  }
  return 0;
}
