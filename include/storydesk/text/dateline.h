// Datelines: the place (and agency) a wire story opens with —
//   "SEOUL, South Korea (AP) – ", "LONDON (Reuters) - ", "WASHINGTON — ".
// Pure function; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace storydesk::text {

struct Dateline {
  std::string place;                  // "SEOUL, South Korea"
  std::optional<std::string> source;  // "AP", "Reuters", "AFP"; nullopt when no agency is given
  size_t length = 0;                  // bytes of `text` the dateline takes, dash and spaces included
};

// The dateline at the very start of `text`, or nullopt when the text does not open with one.
// The place must start with an all-capitals word; the dash may be '-', '–' or '—'.
std::optional<Dateline> ParseDateline(std::string_view text);

}  // namespace storydesk::text
