// The story-list cursor of `GET /api/stories`: where the next page starts, as an opaque string.
//
// Format: "LAST_PUBLISHED_AT.ID" — the last story's activity in unix seconds (decimal, may be
// negative) and its id (decimal, positive) — or "n.ID" for an undated story. Clients treat it
// as opaque and send back what next_cursor gave them; the server reads it back here, so it is
// untrusted input: anything else (signs, spaces, other dots, numbers out of range, a missing
// part) is no cursor at all. ParseCursor(FormatCursor(c)) == c for every cursor with id > 0.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "adapters/store/store_types.h"

namespace storydesk::http {

// The cursor `text` names, or nullopt when it is not one.
std::optional<store::StoryCursor> ParseCursor(std::string_view text);

// The text of `cursor` (id > 0).
std::string FormatCursor(const store::StoryCursor& cursor);

}  // namespace storydesk::http
