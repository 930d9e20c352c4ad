// Reading the JSON Lines files the verbs take besides articles (gold stories, summaries,
// labelled pairs): each non-blank line parsed and handed on with its number; what a line must
// hold, and the message when it does not, are the caller's.
#pragma once

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "storydesk/status.h"

namespace storydesk::cli {

// Calls `visit(number, value)` for each non-blank line of the file at `path` (1-based line
// numbers), stopping at the first error it returns. `value` is discarded
// (value.is_discarded()) when the line is not JSON. Errors: kIo "PATH: cannot open the WHAT"
// (or "PATH: cannot open" when `what` is empty), and those of `visit`.
Status ForEachJsonLine(const std::string& path, const std::string& what,
                       const std::function<Status(size_t number, const nlohmann::json& value)>& visit);

}  // namespace storydesk::cli
