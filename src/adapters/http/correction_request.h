// The body of POST /api/corrections, read into a service::CorrectionRequest:
//   {"kind": "move",  "articles": ["id", ...], "to": STORY}
//   {"kind": "split", "story": STORY, "articles": ["id", ...]}
//   {"kind": "merge", "story": STORY, "into": STORY}
//   {"kind": "move-event", "story": EVENT, "storyline": STORYLINE or "new"}
// each with optional "by" and "note" strings. Unknown members are refused (a misspelt "into"
// must not pass for a request without it).
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "adapters/service/corrections.h"

namespace storydesk::http {

// The request, or a one-line message saying what is wrong with the body.
std::variant<service::CorrectionRequest, std::string> ParseCorrectionRequest(std::string_view body);

}  // namespace storydesk::http
