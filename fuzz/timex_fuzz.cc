// Fuzz target for the temporal-expression recogniser (timeutil::FindTimexes, `storydesk timex
// FILE`): on any valid UTF-8 text, with and without a publication date, expressions lie in order
// inside the text, do not overlap, are not empty, and have a value unless they need the missing
// date; also at the calendar's ends (years 1 and 9999), where a relative date runs off it.
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
  using storydesk::timeutil::CivilDate;
  // An ordinary date, none, and the ends of the calendar a publication date may take.
  for (const auto& published :
       {std::optional<CivilDate>(CivilDate{2021, 8, 23}), std::optional<CivilDate>(),
        std::optional<CivilDate>(CivilDate{1, 1, 1}), std::optional<CivilDate>(CivilDate{9999, 12, 31})}) {
    size_t after = 0;
    for (const storydesk::timeutil::Timex& t : storydesk::timeutil::FindTimexes(text, published)) {
      Check(t.begin >= after && t.begin < t.end && t.end <= size);
      Check(!t.value.empty() || (t.anchored && !published));
      // The digest's uses of a value and of the text before it.
      const std::string_view precision = storydesk::timeutil::CalendarPrecision(t.value);
      Check(precision.empty() || precision == "day" || precision == "month" || precision == "year");
      (void)storydesk::timeutil::InsideQuotation(text.substr(0, t.begin));
      after = t.end;
    }
  }
  return 0;
}
