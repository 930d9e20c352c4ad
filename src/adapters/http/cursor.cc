#include "adapters/http/cursor.h"

#include <charconv>
#include <cstdint>
#include <system_error>

namespace storydesk::http {
namespace {

// A whole decimal int64: from_chars takes no '+', no spaces and stops at anything else, which
// must then be the end.
std::optional<int64_t> ParseInt(std::string_view s) {
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

std::optional<store::StoryCursor> ParseCursor(std::string_view text) {
  const size_t dot = text.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  store::StoryCursor cursor;
  const std::string_view when = text.substr(0, dot);
  if (when != "n") {
    const auto t = ParseInt(when);
    if (!t) return std::nullopt;
    cursor.last_published_at = t;
  }
  const auto id = ParseInt(text.substr(dot + 1));
  if (!id || *id <= 0) return std::nullopt;
  cursor.id = *id;
  return cursor;
}

std::string FormatCursor(const store::StoryCursor& cursor) {
  return (cursor.last_published_at ? std::to_string(*cursor.last_published_at) : std::string("n")) + "." +
         std::to_string(cursor.id);
}

}  // namespace storydesk::http
