// String arrays as JSON text: how the store keeps an article's bullet lines in one column.
//
// A small codec of our own rather than a JSON library dependency in the store: it writes
// only arrays of strings and reads back exactly what it wrote (plus any valid JSON string
// escapes), so every byte of a bullet — quotes, newlines, non-ASCII — round-trips.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storydesk/status.h"

namespace storydesk::store {

// `["a","b"]` with JSON escapes for quotes, backslashes and control characters; UTF-8 kept as is.
std::string EncodeStringArray(const std::vector<std::string>& strings);

// The strings of a JSON array of strings. Errors: kStore (the column is corrupt).
Result<std::vector<std::string>> DecodeStringArray(std::string_view json);

}  // namespace storydesk::store
