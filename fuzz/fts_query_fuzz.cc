// Fuzz target for the search box's query builder (store::FtsQuery): one typed text per input.
// The output must be FTS5 strings only: `"w1" "w2" ...`, no quote inside a word, valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "adapters/store/fts_query.h"
#include "fuzz_check.h"
#include "storydesk/text/utf8.h"

using storydesk::fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string query = storydesk::store::FtsQuery(text);
  if (query.empty()) return 0;
  Check(storydesk::text::IsValidUtf8(query));
  Check(query.find('\0') == std::string::npos);
  // "w1" "w2": alternating quoted runs separated by single spaces, each run non-empty.
  size_t i = 0;
  while (i < query.size()) {
    Check(query[i] == '"');
    const size_t close = query.find('"', i + 1);
    Check(close != std::string::npos && close > i + 1);
    i = close + 1;
    if (i < query.size()) {
      Check(query[i] == ' ');
      ++i;
      Check(i < query.size());
    }
  }
  // The words of the query are words again: building it twice changes nothing.
  Check(storydesk::store::FtsQuery(query) == query);
  return 0;
}
