// StoryHeadline: the line a story is listed under — its earliest article's title, or, for an
// untitled article, the first sentence of its text cut to about kMaxHeadlineBytes.
// Pure function; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace storydesk::store {

// Longest headline made from body text, in bytes, before the "..." that marks a cut.
inline constexpr size_t kMaxHeadlineBytes = 100;

// The title when it has any non-space character (trimmed); else the first sentence of
// `text` with its whitespace runs (line breaks of hard-wrapped prose) folded to one space,
// cut at the last space within kMaxHeadlineBytes (or at a UTF-8 character boundary when the
// sentence is one long word) and ended with "..." when cut. "" when both are blank.
std::string StoryHeadline(const std::optional<std::string>& title, std::string_view text);

}  // namespace storydesk::store
