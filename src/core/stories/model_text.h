// The line structure shared by storydesk's text model files (background_frequencies.h,
// story_model.h): a first line that is exactly the format's versioned header, then content
// lines; blank lines and lines starting with '#' are comments. CRLF line ends are accepted.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "storydesk/status.h"

namespace storydesk::stories {

// kInvalidInput "line N: what".
Status ModelLineError(size_t number, const std::string& what);

// Checks the header, then calls `visit` with each content line and its 1-based number,
// stopping at the first error it returns. *lines is set to the number of lines read.
// Errors: "line 1: empty; expected the header", "line 1: expected the header \"...\"".
Status ForEachModelLine(std::string_view text, std::string_view header,
                        const std::function<Status(size_t number, std::string_view line)>& visit, size_t* lines);

}  // namespace storydesk::stories
