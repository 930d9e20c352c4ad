// Fuzz target for the temporal-expression recogniser (timeutil::FindTimexes, `storydesk timex
// FILE`): on any valid UTF-8 text, with and without a publication date, expressions lie in order
// inside the text, do not overlap, are not empty, and have a value unless they need the missing
// date.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "fuzz_check.h"
#include "storydesk/text/utf8.h"
#include "storydesk/time/timex.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using storydesk::fuzz::Check;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!storydesk::text::IsValidUtf8(text)) return 0;  // `timex` rejects such a file first
  for (const auto& published :
       {std::optional<storydesk::timeutil::CivilDate>(storydesk::timeutil::CivilDate{2021, 8, 23}),
        std::optional<storydesk::timeutil::CivilDate>()}) {
    size_t after = 0;
    for (const storydesk::timeutil::Timex& t : storydesk::timeutil::FindTimexes(text, published)) {
      Check(t.begin >= after && t.begin < t.end && t.end <= size);
      Check(!t.value.empty() || (t.anchored && !published));
      after = t.end;
    }
  }
  return 0;
}
