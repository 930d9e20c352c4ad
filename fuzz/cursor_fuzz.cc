// Fuzz target for the story-list cursor (http::ParseCursor), which clients send back as they
// please: a cursor read is one FormatCursor gives back unchanged in meaning.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adapters/http/cursor.h"
#include "fuzz_check.h"

using storydesk::fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto cursor = storydesk::http::ParseCursor(text);
  if (!cursor) return 0;
  Check(cursor->id > 0);
  const std::string formatted = storydesk::http::FormatCursor(*cursor);
  Check(storydesk::http::ParseCursor(formatted) == cursor);
  Check(formatted.size() <= text.size());  // canonical: never longer than what was sent
  return 0;
}
